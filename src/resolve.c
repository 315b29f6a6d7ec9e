/* resolve.c: targets as written, resolved and confined (see resolve.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "guidenav/resolve.h"
#include "guidenav/util.h"

bool gn_url_is_external(const char *url)
{
    if (url[0] == '/' && url[1] == '/')
        return true;
    if (!((url[0] >= 'A' && url[0] <= 'Z') || (url[0] >= 'a' && url[0] <= 'z')))
        return false;
    size_t i = 1;
    while ((url[i] >= 'A' && url[i] <= 'Z') || (url[i] >= 'a' && url[i] <= 'z') ||
           (url[i] >= '0' && url[i] <= '9') || url[i] == '+' || url[i] == '-' || url[i] == '.')
        i++;
    return url[i] == ':';
}

bool gn_hyperlink_open(gn_buf *out, const char *url)
{
    static const char *const schemes[] = {"http:", "https:", "mailto:"};
    bool web = false;
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes && !web; i++)
        web = strncasecmp(url, schemes[i], strlen(schemes[i])) == 0;
    if (!web)
        return false;
    size_t mark = out->len;
    gn_buf_adds(out, "\033]8;;");
    size_t start = out->len;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p > 0x20 && *p < 0x7f)
            gn_buf_addc(out, (char)*p);
        else
            gn_buf_addf(out, "%%%02X", *p);
        if (out->len - start > GN_HYPERLINK_MAX) {
            out->len = mark;
            if (out->data)
                out->data[mark] = '\0';
            return false;
        }
    }
    gn_buf_adds(out, "\033\\");
    return true;
}

/* The value of a hex digit, or -1. */
static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* s[0..n) with %XX escapes decoded (a %00 is kept as written), newly
 * allocated. */
static char *percent_decode(const char *s, size_t n)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '%' && i + 2 < n && (hi = hex_digit(s[i + 1])) >= 0 &&
            (lo = hex_digit(s[i + 2])) >= 0 && (hi || lo)) {
            gn_buf_addc(&b, (char)(hi * 16 + lo));
            i += 2;
        } else {
            gn_buf_addc(&b, s[i]);
        }
    }
    return gn_buf_take(&b);
}

/* True when path is spelled below root (not root itself, root not "/")
 * through existing entries none of which is a symbolic link, ".", ".." or
 * empty (a trailing "/" included): one lstat per component below root, the last one's status in
 * *st (the file's own: no link is on the way). */
static bool plain_below(const char *path, const char *root, struct stat *st)
{
    size_t n = strlen(root), plen = strlen(path);
    if (n <= 1 || strncmp(path, root, n) != 0 || path[n] != '/' || path[plen - 1] == '/')
        return false; /* "page.md/" names no file: realpath decides */
    char *p = gn_xstrdup(path);
    bool plain = true;
    for (size_t i = n + 1; plain && p[i];) {
        size_t end = i + strcspn(p + i, "/");
        size_t len = end - i;
        if (len == 0 || (len == 1 && p[i] == '.') || (len == 2 && p[i] == '.' && p[i + 1] == '.')) {
            plain = false;
            break;
        }
        char saved = p[end];
        p[end] = '\0';
        plain = lstat(p, st) == 0 && !S_ISLNK(st->st_mode);
        p[end] = saved;
        i = saved ? end + 1 : end;
    }
    free(p);
    return plain;
}

/* True when path, with every link resolved (realpath), lies at or below
 * real_root. */
static bool really_below(const char *path, const char *real_root)
{
    char *real = realpath(path, NULL);
    bool under = real && gn_path_below(real, real_root);
    free(real);
    return under;
}

bool gn_path_within(const char *path, const char *root, const char *real_root)
{
    struct stat st;
    return real_root && (plain_below(path, root, &st) || really_below(path, real_root));
}

/* What a file is to the confinement check. */
typedef enum file_state {
    FILE_PAGE,    /* a regular file inside the repository */
    FILE_MISSING, /* no such file */
    FILE_OUTSIDE, /* outside the repository, or reached through a link out */
    FILE_FOLDER,
    FILE_OTHER    /* a FIFO, a device... */
} file_state;

/* The confinement check, the one gn_source_check_read and the resolver
 * make: where path is for src. A path spelled outside the repository is
 * outside without a look at the disk; one spelled below it through no
 * link costs one lstat per component; else a stat and a realpath. */
static file_state confine(const gn_source *src, const char *path)
{
    struct stat st;
    if (!gn_path_below(path, src->repo))
        return FILE_OUTSIDE;
    if (!src->real_repo || !plain_below(path, src->repo, &st)) {
        if (stat(path, &st) != 0)
            return FILE_MISSING;
        if (!src->real_repo || !really_below(path, src->real_repo))
            return FILE_OUTSIDE;
    }
    return S_ISREG(st.st_mode) ? FILE_PAGE : S_ISDIR(st.st_mode) ? FILE_FOLDER : FILE_OTHER;
}

int gn_source_check_read(const gn_source *src, const char *path, gn_error *err)
{
    char *abs = gn_path_absolute(path);
    file_state state = abs ? confine(src, abs) : FILE_MISSING;
    free(abs);
    switch (state) {
    case FILE_PAGE:
        return 0;
    case FILE_MISSING:
        return gn_fail(err, "%s: no such file", path);
    case FILE_OUTSIDE:
        return gn_fail(err, "%s: " GN_OUTSIDE_MSG, path);
    default:
        return gn_fail(err, "%s: not a file", path);
    }
}

/* Fill out for the file abs (absolute, normalised; taken) of src, whose
 * confinement check gave state. */
static void classify(const gn_source *src, char *abs, file_state state, gn_target *out)
{
    static const char *const why[] = {
        [FILE_PAGE] = NULL, [FILE_MISSING] = "no such file", [FILE_OUTSIDE] = GN_OUTSIDE_MSG,
        [FILE_FOLDER] = "a folder, not a page", [FILE_OTHER] = "not a file"};
    out->file = abs;
    out->why = why[state];
    out->kind = state == FILE_PAGE      ? GN_TARGET_PAGE
                : state == FILE_OUTSIDE ? GN_TARGET_OUTSIDE
                                        : GN_TARGET_MISSING;
    if (state != FILE_OUTSIDE) {
        size_t n = strlen(src->repo);
        out->rel = gn_xstrdup(strcmp(abs, src->repo) == 0 ? "" : abs + (n == 1 ? 1 : n + 1));
    }
}

/* The file path (a target's file part) names, absolute and normalised:
 * from the repository root when it starts with '/', else from the folder
 * of the file `from` (the repository root when NULL). Newly allocated;
 * NULL when the current folder is unknown. */
static char *join_target(const gn_source *src, const char *from, const char *path)
{
    char *joined;
    if (path[0] == '/') {
        joined = gn_path_join(src->repo, path + 1);
    } else {
        char *dir = from ? gn_path_dirname(from) : gn_xstrdup(src->repo);
        joined = gn_path_join(dir, path);
        free(dir);
    }
    char *abs = gn_path_absolute(joined);
    free(joined);
    return abs;
}

void gn_resolve(const gn_source *src, const char *from, const char *target, gn_target *out)
{
    memset(out, 0, sizeof *out);
    if (!target)
        target = "";
    if (gn_url_is_external(target)) {
        out->kind = GN_TARGET_EXTERNAL;
        return;
    }
    size_t len = strcspn(target, "#?");
    const char *hash = strchr(target, '#');
    if (hash && hash[1])
        out->anchor = percent_decode(hash + 1, strlen(hash + 1));
    /* "page.md/#x": the slash a site adds after a page's name. */
    size_t plen = len;
    if (plen > 4 && target[plen - 1] == '/' && strncmp(target + plen - 4, ".md/", 4) == 0)
        plen--;
    if (plen == 0) {
        out->kind = GN_TARGET_ANCHOR;
        return;
    }
    char *path = gn_xstrndup(target, plen);
    char *abs = join_target(src, from, path);
    file_state state = abs ? confine(src, abs) : FILE_MISSING;
    /* "page%20name.md": the decoded name, when only it exists. */
    if (abs && state == FILE_MISSING && strchr(path, '%')) {
        char *decoded = percent_decode(path, plen);
        char *alt = join_target(src, from, decoded);
        file_state alt_state = alt ? confine(src, alt) : FILE_MISSING;
        if (alt_state != FILE_MISSING) {
            free(abs);
            abs = alt;
            state = alt_state;
        } else {
            free(alt);
        }
        free(decoded);
    }
    /* A site path ("/docs/commerce/..."), unless it names a file or
     * folder of the repository, lies under its help/ or climbs out of it
     * ("/../../tmp/x" is outside). */
    if (abs && path[0] == '/' && strncmp(path, "/help/", 6) != 0 && state == FILE_MISSING) {
        free(abs);
        out->kind = GN_TARGET_SITE;
        out->why = "a path of the published site, not a file here";
    } else if (!abs) {
        out->kind = GN_TARGET_MISSING;
        out->why = "no such file";
    } else {
        classify(src, abs, state, out);
    }
    free(path);
}

void gn_target_free(gn_target *t)
{
    free(t->file);
    free(t->rel);
    free(t->anchor);
    memset(t, 0, sizeof *t);
}

void gn_resolve_in_guide(const gn_source *src, const gn_guide *g, const char *page,
                         gn_target *out)
{
    gn_resolve(src, g->toc_path, page, out);
}

gn_guide *gn_source_guide_of(gn_source *src, const char *file, const char **page)
{
    gn_guide *best = NULL;
    size_t best_len = 0;
    for (size_t g = 0; g < src->nguides; g++) {
        const char *dir = src->guides[g].dir;
        size_t n = strlen(dir);
        if (n > best_len && strncmp(file, dir, n) == 0 && file[n] == '/') {
            best = &src->guides[g];
            best_len = n;
        }
    }
    if (best) {
        *page = file + best_len + 1;
        return best;
    }
    size_t rn = strlen(src->repo);
    char *dir = gn_path_dirname(file);
    while (!best && strlen(dir) >= rn && gn_path_below(dir, src->repo)) {
        const char *id = strlen(dir) > rn ? dir + rn + 1 : "";
        best = gn_source_adopt(src, id, dir);
        if (!best) {
            char *up = gn_path_dirname(dir);
            bool top = strcmp(up, dir) == 0;
            free(dir);
            dir = up;
            if (top)
                break;
        }
    }
    free(dir);
    if (best)
        *page = file + strlen(best->dir) + 1;
    return best;
}

gn_guide *gn_localeset_guide_of(gn_localeset *set, const char *file, gn_source **src,
                                const char **page)
{
    for (size_t i = 0; i < set->n; i++) {
        if (!gn_path_below(file, set->v[i].repo))
            continue;
        gn_guide *g = gn_source_guide_of(&set->v[i], file, page);
        if (g) {
            *src = &set->v[i];
            return g;
        }
    }
    return NULL;
}
