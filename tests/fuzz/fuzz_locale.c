/* fuzz_locale.c: libFuzzer harness for locale discovery.
 *
 * Part 1, the whole input as a name or path: gn_locale_is_tag (exact
 * length, no NUL after it), gn_locale_suffix, gn_path_locale,
 * gn_locale_from_posix, gn_locale_cmp (the input split at its first
 * newline).
 *
 * Part 2, a folder tree built from the input's lines, then discovered:
 *   d PATH          a folder
 *   t PATH          a folder holding TOC.md (T: toc.md); its text is the
 *                   input after the first line "==" (or a small TOC)
 *   l NAME TARGET   a symbolic link NAME -> TARGET, a relative target that
 *                   stays inside the tree (cycles allowed: "..", ".")
 *   o NAME          a symbolic link NAME to a guide outside the tree
 *   a ARG           an argument: PATH, or TAG=PATH (up to 3)
 *   c PATH          a path asked of gn_path_within (a source's confinement)
 * PATHs are relative to the tree's root; "", "." and ".." components are
 * dropped, components are cut to 64 bytes and 6 deep. At most 8 lines make
 * files. The tree lives in a private folder made once per process in
 * $GN_FUZZ_TMPDIR (scripts/fuzz sets it), else /dev/shm, $TMPDIR or /tmp,
 * and is made anew for each input.
 *
 * Checks: discovery stays inside the tree (every source root and guide
 * folder lies under it, no loop, no read outside: the guide behind the "o"
 * link is never adopted by a source that does not name it), and
 * gn_path_within only says yes for paths that resolve inside the
 * source's repository root. Build and run: make fuzz FUZZ=locale. */
#define _GNU_SOURCE
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "guidenav/locale.h"
#include "guidenav/resolve.h"
#include "guidenav/source.h"
#include "guidenav/util.h"
#include "fuzz.h"

static char base[PATH_MAX];    /* the private folder */
static char root[PATH_MAX];    /* base/t: the tree, remade per input */
static char outside[PATH_MAX]; /* base/outside: a guide outside the tree */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

static void rm_tree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
    if (base[0])
        rm_tree(base);
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fwrite(text, 1, len, f);
    fclose(f);
}

/* The guide outside the tree, made again for each input: an input may
 * have written into it through an "o" link. */
static void make_outside(void)
{
    rm_tree(outside);
    mkdir(outside, 0700);
    char path[PATH_MAX + 16];
    static const char toc[] = "# Outside\n\n- [Secret](secret.md)\n";
    snprintf(path, sizeof path, "%s/TOC.md", outside);
    write_file(path, toc, sizeof toc - 1);
    snprintf(path, sizeof path, "%s/secret.md", outside);
    write_file(path, "# Secret\n", 9);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* scripts/fuzz gives a scratch folder (on /dev/shm when it can) that it
     * removes afterwards, crash or not. */
    const char *tmp = getenv("GN_FUZZ_TMPDIR");
    if (!tmp || !*tmp)
        tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    /* No '.' in the name: a "stem.TAG" component above the tree would make
     * discovery look at its siblings. */
    snprintf(base, sizeof base, "%s/gnfuzz_locale_XXXXXX", tmp);
    if (!mkdtemp(base)) {
        perror("fuzz_locale: mkdtemp");
        abort();
    }
    char *real = realpath(base, NULL);
    snprintf(base, sizeof base, "%s", real);
    free(real);
    atexit(cleanup);
    snprintf(root, sizeof root, "%s/t", base);
    snprintf(outside, sizeof outside, "%s/outside", base);
    return 0;
}

/* The sanitised relative path of s[0..n) (see above), newly allocated; ""
 * when nothing is left. *depth receives its component count. */
static char *clean_path(const char *s, size_t n, int *depth)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    *depth = 0;
    size_t i = 0;
    while (i < n && *depth < 6) {
        while (i < n && s[i] == '/')
            i++;
        size_t j = i;
        while (j < n && s[j] != '/')
            j++;
        size_t len = j - i;
        if (len > 0 && !(len == 1 && s[i] == '.') && !(len == 2 && s[i] == '.' && s[i + 1] == '.')) {
            if (b.len)
                gn_buf_addc(&b, '/');
            gn_buf_add(&b, s + i, len > 64 ? 64 : len);
            (*depth)++;
        }
        i = j;
    }
    return gn_buf_take(&b);
}

static void mkdirs(const char *rel)
{
    char path[PATH_MAX * 2];
    int n = snprintf(path, sizeof path, "%s/%s", root, rel);
    if (n < 0 || (size_t)n >= sizeof path)
        return;
    for (char *p = path + strlen(root) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
    }
    mkdir(path, 0700);
}

/* A relative symlink target of s[0..n) that, from a link at depth `depth`
 * (components above it inside the tree), stays inside the tree; NULL when
 * it would leave it or is absolute. */
static char *link_target(const char *s, size_t n, int depth)
{
    if (n == 0 || s[0] == '/' || n > 200)
        return NULL;
    int level = depth;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '/')
            j++;
        size_t len = j - i;
        if (len == 2 && s[i] == '.' && s[i + 1] == '.') {
            if (--level < 0)
                return NULL;
        } else if (len > 0 && !(len == 1 && s[i] == '.')) {
            level++;
        }
        i = j + (j < n);
    }
    return strndup(s, n);
}

/* True when path, its links resolved, is dir or lies below it. */
static int resolves_under(const char *path, const char *dir)
{
    char *rp = realpath(path, NULL);
    char *rd = realpath(dir, NULL);
    int ok = rp && rd && strncmp(rp, rd, strlen(rd)) == 0 &&
             (rp[strlen(rd)] == '/' || rp[strlen(rd)] == '\0' || strcmp(rd, "/") == 0);
    free(rp);
    free(rd);
    return ok;
}

static int starts_with_dir(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static void part_names(const uint8_t *data, size_t size)
{
    char *exact = gn_xmalloc(size ? size : 1);
    memcpy(exact, data, size);
    gn_locale_is_tag(exact, size);
    free(exact);

    char *s = strndup((const char *)data, size);
    size_t dot = gn_locale_suffix(s);
    CHECK(dot < strlen(s) || dot == 0);
    if (dot)
        CHECK(s[dot] == '.' && gn_locale_is_tag(s + dot + 1, strlen(s + dot + 1)));
    char *tag = gn_path_locale(s);
    CHECK(tag != NULL);
    CHECK(strcmp(tag, "und") == 0 || gn_locale_is_tag(tag, strlen(tag)));
    free(tag);
    char out[32];
    gn_locale_from_posix(s, out, 1 + size % sizeof out);
    CHECK(strlen(out) < sizeof out);
    char *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        int a = gn_locale_cmp(s, nl + 1), b = gn_locale_cmp(nl + 1, s);
        CHECK((a < 0 && b > 0) || (a > 0 && b < 0) || (a == 0 && b == 0));
    }
    free(s);
}

#define MAX_ARGS 3
#define MAX_MAKE 8
#define MAX_ASK 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    part_names(data, size);

    const char *text = (const char *)data;
    /* The TOC text: after a line "==". */
    const char *toc_text = "# Guide\n\n- [Page](page.md)\n- Group {#g}\n  - [Other](../x/other.md)\n";
    size_t toc_len = strlen(toc_text);
    size_t lines_end = size;
    for (size_t i = 0; i + 2 <= size; i++) {
        if ((i == 0 || text[i - 1] == '\n') && text[i] == '=' && text[i + 1] == '=' &&
            (i + 2 == size || text[i + 2] == '\n')) {
            lines_end = i;
            toc_text = text + i + 2 + (i + 2 < size);
            toc_len = size - (size_t)(toc_text - text);
            if (toc_len > 4096)
                toc_len = 4096;
            break;
        }
    }

    rm_tree(root);
    make_outside();
    mkdir(root, 0700);
    char *args[MAX_ARGS], *ask[MAX_ASK];
    size_t nargs = 0, nask = 0, nmade = 0;
    char *first_dir = NULL;
    for (size_t i = 0; i < lines_end;) {
        const char *line = text + i;
        const char *end = memchr(line, '\n', lines_end - i);
        size_t n = end ? (size_t)(end - line) : lines_end - i;
        i += n + 1;
        if (n < 1 || memchr(line, '\0', n))
            continue;
        char kind = line[0];
        const char *arg = line + 1 + (n > 1 && line[1] == ' ');
        size_t alen = n - (size_t)(arg - line);
        int depth;
        if ((kind == 'd' || kind == 't' || kind == 'T') && nmade < MAX_MAKE) {
            nmade++;
            char *rel = clean_path(arg, alen, &depth);
            mkdirs(rel);
            if (kind != 'd') {
                char path[PATH_MAX * 2];
                snprintf(path, sizeof path, "%s/%s/%s", root, rel,
                         kind == 't' ? "TOC.md" : "toc.md");
                write_file(path, toc_text, toc_len);
                snprintf(path, sizeof path, "%s/%s/page.md", root, rel);
                write_file(path, "# Page\n\nText.\n", 14);
            }
            if (!first_dir)
                first_dir = rel;
            else
                free(rel);
        } else if ((kind == 'l' || kind == 'o') && nmade < MAX_MAKE) {
            nmade++;
            const char *sp = kind == 'l' ? memchr(arg, ' ', alen) : NULL;
            size_t name_len = sp ? (size_t)(sp - arg) : alen;
            char *rel = clean_path(arg, name_len, &depth);
            if (!*rel) {
                free(rel);
                continue;
            }
            char *target = kind == 'o' ? strdup(outside)
                           : sp ? link_target(sp + 1, alen - name_len - 1, depth - 1)
                                : NULL;
            if (target) {
                char *parent = strrchr(rel, '/');
                if (parent) {
                    *parent = '\0';
                    mkdirs(rel);
                    *parent = '/';
                }
                char path[PATH_MAX * 2];
                snprintf(path, sizeof path, "%s/%s", root, rel);
                if (symlink(target, path) != 0) { /* exists already: ignore */
                }
                free(target);
            }
            free(rel);
        } else if (kind == 'a' && nargs < MAX_ARGS) {
            const char *eq = memchr(arg, '=', alen);
            const char *slash = memchr(arg, '/', alen);
            char *rel;
            if (eq && (!slash || slash > eq)) {
                rel = clean_path(eq + 1, alen - (size_t)(eq + 1 - arg), &depth);
                args[nargs++] = gn_xasprintf("%.*s=%s/%s", (int)(eq - arg), arg, root, rel);
            } else {
                rel = clean_path(arg, alen, &depth);
                args[nargs++] = gn_xasprintf("%s/%s", root, rel);
            }
            free(rel);
        } else if (kind == 'c' && nask < MAX_ASK) {
            /* Asked as written: ".." may leave the tree, on purpose. */
            ask[nask++] = gn_xasprintf("%s/%.*s", root, (int)(alen > 256 ? 256 : alen), arg);
        }
    }
    if (nargs == 0)
        args[nargs++] = gn_xasprintf("%s/%s", root, first_dir ? first_dir : "");
    free(first_dir);

    gn_localeset set;
    gn_error err;
    if (gn_localeset_discover(args, nargs, &set, &err) == 0) {
        /* Did an argument name the outside guide (through an "o" link)? */
        int named_outside = 0;
        for (size_t k = 0; k < nargs; k++) {
            const char *p = strchr(args[k], '=');
            p = p && !starts_with_dir(args[k], root) ? p + 1 : args[k];
            if (resolves_under(p, outside))
                named_outside = 1;
        }
        for (size_t s = 0; s < set.n; s++) {
            gn_source *src = &set.v[s];
            CHECK(src->tag && src->root);
            CHECK(starts_with_dir(src->root, root));
            CHECK(gn_localeset_find(&set, src->tag) != NULL);
            for (size_t g = 0; g < src->nguides; g++) {
                gn_guide *gd = &src->guides[g];
                CHECK(starts_with_dir(gd->dir, root));
                if (!named_outside)
                    CHECK(!resolves_under(gd->dir, outside));
                CHECK(gn_source_guide(src, gd->id) != NULL);
                gn_error terr;
                gn_guide_toc(gd, &terr);
            }
            char *repo = gn_xstrdup(src->repo);
            CHECK(repo != NULL);
            char secret[PATH_MAX + 16];
            snprintf(secret, sizeof secret, "%s/secret.md", outside);
            if (!resolves_under(repo, outside))
                CHECK(!gn_path_within(secret, src->repo, src->real_repo));
            CHECK(!gn_path_within("/etc/passwd", src->repo, src->real_repo));
            for (size_t k = 0; k < nask; k++)
                if (gn_path_within(ask[k], src->repo, src->real_repo))
                    CHECK(resolves_under(ask[k], repo));
            free(repo);
        }
        gn_localeset_free(&set);
    }
    for (size_t k = 0; k < nargs; k++)
        free(args[k]);
    for (size_t k = 0; k < nask; k++)
        free(ask[k]);
    return 0;
}
