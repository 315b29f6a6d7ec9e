/* source.c: locale sources, sibling discovery and guides (see source.h). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "guidenav/locale.h"
#include "guidenav/resolve.h"
#include "guidenav/source.h"
#include "guidenav/util.h"

/* The TOC file of folder (TOC.md, else toc.md), newly allocated, or NULL:
 * a regular file inside src's repository (a TOC that is a symbolic link
 * out of it makes no guide). */
static char *toc_file(const gn_source *src, const char *folder)
{
    static const char *const names[] = {"TOC.md", "toc.md"};
    for (size_t i = 0; i < 2; i++) {
        char *p = gn_path_join(folder, names[i]);
        if (gn_is_file(p) && gn_path_within(p, src->repo, src->real_repo))
            return p;
        free(p);
    }
    return NULL;
}

/* Names of the visible entries of folder, sorted; *n receives the count.
 * The caller frees each name and the array. NULL when unreadable. */
static char **list_folder(const char *folder, size_t *n)
{
    *n = 0;
    DIR *d = opendir(folder);
    if (!d)
        return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            v = gn_xreallocarray(v, cap, sizeof *v);
        }
        v[(*n)++] = gn_xstrdup(e->d_name);
    }
    closedir(d);
    gn_sort_strings(v, *n);
    return v;
}

static void free_names(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Add the guide in folder dir (taken) with its TOC file (taken). Its id is
 * dir's path from the repository root, so a guide has the same id whether
 * its source was given as the repository or as the guide folder; id is
 * used when src has no repository yet (a probe). */
static void add_guide(gn_source *src, const char *id, char *dir, char *toc)
{
    src->guides = gn_xreallocarray(src->guides, src->nguides + 1, sizeof *src->guides);
    gn_guide *g = &src->guides[src->nguides++];
    memset(g, 0, sizeof *g);
    if (src->repo && gn_path_below(dir, src->repo)) {
        size_t n = strlen(src->repo);
        id = dir[n] ? dir + n + 1 : "";
    }
    g->id = gn_xstrdup(id);
    g->dir = dir;
    g->toc_path = toc;
    g->real_root = src->real_repo;
}

/* src's root with every link resolved (src->real_root, resolved once: the
 * repository's when they are the same folder); NULL when it cannot be. */
static const char *real_root(gn_source *src)
{
    if (!src->real_root)
        src->real_root = strcmp(src->root, src->repo) == 0 && src->real_repo
                             ? gn_xstrdup(src->real_repo)
                             : realpath(src->root, NULL);
    return src->real_root;
}

/* Add every guide in sub/<name>/TOC.md under root, with ids "sub/name"
 * (or "name" when sub is ""). */
static void add_guides_below(gn_source *src, const char *sub)
{
    char *folder = *sub ? gn_path_join(src->root, sub) : gn_xstrdup(src->root);
    size_t n;
    char **names = list_folder(folder, &n);
    for (size_t i = 0; i < n; i++) {
        char *dir = gn_path_join(folder, names[i]);
        /* A guide folder that is a link out of the root is not followed. */
        bool inside = gn_path_within(dir, src->root, real_root(src));
        char *toc = inside && gn_is_dir(dir) ? toc_file(src, dir) : NULL;
        if (toc) {
            char *id = *sub ? gn_path_join(sub, names[i]) : gn_xstrdup(names[i]);
            add_guide(src, id, dir, toc);
            free(id);
        } else {
            free(dir);
        }
    }
    free_names(names, n);
    free(folder);
}

/* Find the guides of src->root: the root itself, help/<guide>, <guide>. */
static void find_guides(gn_source *src)
{
    char *toc = toc_file(src, src->root);
    if (toc) {
        add_guide(src, "", gn_xstrdup(src->root), toc);
        return;
    }
    add_guides_below(src, "help");
    add_guides_below(src, "");
}


bool gn_folder_has_guides(const char *folder)
{
    gn_source probe = {.tag = NULL, .root = gn_xstrdup(folder), .repo = gn_path_repo_root(folder)};
    probe.real_repo = realpath(probe.repo, NULL);
    find_guides(&probe);
    bool found = probe.nguides > 0;
    gn_source_free(&probe);
    return found;
}

/* Where a path's locale tag was found: component index (0-based among the
 * components of the absolute path) and whether it was a "stem.TAG" suffix
 * or the whole component. */
typedef struct tag_origin {
    long comp;   /* -1: none */
    bool suffix;
} tag_origin;

/* Split an absolute path into its components (newly allocated). */
static char **split_path(const char *abs, size_t *n)
{
    char **v = NULL;
    *n = 0;
    const char *p = abs;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, "/");
        v = gn_xreallocarray(v, *n + 1, sizeof *v);
        v[(*n)++] = gn_xstrndup(p, len);
        p += len;
    }
    return v;
}

/* The locale tag of an absolute path: the deepest component with a locale
 * suffix, else the deepest component that is a tag. */
static char *tag_from_path(char **comps, size_t n, tag_origin *o)
{
    o->comp = -1;
    for (size_t i = n; i-- > 0;) {
        size_t dot = gn_locale_suffix(comps[i]);
        if (dot) {
            o->comp = (long)i;
            o->suffix = true;
            return gn_xstrdup(comps[i] + dot + 1);
        }
    }
    for (size_t i = n; i-- > 0;) {
        if (gn_locale_is_tag(comps[i], strlen(comps[i]))) {
            o->comp = (long)i;
            o->suffix = false;
            return gn_xstrdup(comps[i]);
        }
    }
    return gn_xstrdup("und");
}

char *gn_path_locale(const char *path)
{
    char *abs = gn_path_absolute(path);
    if (!abs)
        return gn_xstrdup("und");
    size_t n;
    char **comps = split_path(abs, &n);
    tag_origin o;
    char *tag = tag_from_path(comps, n, &o);
    free_names(comps, n);
    free(abs);
    return tag;
}

/* Join components [from, to) into an absolute path ("/a/b"). */
static char *join_comps(char **comps, size_t from, size_t to)
{
    gn_buf b = GN_BUF_INIT;
    for (size_t i = from; i < to; i++) {
        gn_buf_addc(&b, '/');
        gn_buf_adds(&b, comps[i]);
    }
    if (b.len == 0)
        gn_buf_addc(&b, '/');
    return gn_buf_take(&b);
}

char *gn_path_repo_root(const char *root)
{
    const char *help = strstr(root, "/help/");
    size_t n = strlen(root);
    if (n >= 5 && strcmp(root + n - 5, "/help") == 0)
        help = root + n - 5;
    if (help == root)
        return gn_xstrdup("/");
    return help ? gn_xstrndup(root, (size_t)(help - root)) : gn_xstrdup(root);
}

/* Make s the source of the folder root (absolute, taken) with tag
 * (taken): its repository and its guides. */
static void init_source(gn_source *s, char *tag, char *root)
{
    memset(s, 0, sizeof *s);
    s->tag = tag;
    s->root = root;
    s->repo = gn_path_repo_root(root);
    s->real_repo = realpath(s->repo, NULL);
    find_guides(s);
}

static gn_source *add_source(gn_localeset *set, char *tag, char *root)
{
    set->v = gn_xreallocarray(set->v, set->n + 1, sizeof *set->v);
    gn_source *s = &set->v[set->n++];
    init_source(s, tag, root);
    return s;
}

/* Forget g's TOC, its error, its title and its entries' states. */
static void forget_toc(gn_guide *g)
{
    if (g->toc) {
        gn_toc_free(g->toc);
        free(g->toc);
    }
    free(g->found);
    free(g->toc_error);
    free(g->title);
    g->toc = NULL;
    g->found = NULL;
    g->toc_error = g->title = NULL;
}

void gn_source_free(gn_source *s)
{
    for (size_t i = 0; i < s->nguides; i++) {
        gn_guide *g = &s->guides[i];
        forget_toc(g);
        free(g->id);
        free(g->dir);
        free(g->toc_path);
        free(g->toc_error);
        free(g->title);
    }
    free(s->guides);
    free(s->tag);
    free(s->root);
    free(s->repo);
    free(s->real_repo);
    free(s->real_root);
    memset(s, 0, sizeof *s);
}

/* Up from the file's folder, two stats a level until a TOC is found: no
 * folder is listed and no sibling locale looked for, so a --dump of one
 * page stays as fast as it was. */
int gn_source_of_file(const char *file, gn_source *src)
{
    memset(src, 0, sizeof *src);
    char *abs = gn_path_absolute(file);
    char *dir = abs ? gn_path_dirname(abs) : NULL;
    free(abs);
    for (int up = 0; dir && up < 16 && strcmp(dir, "/") != 0; up++) {
        char *toc = gn_path_join(dir, "TOC.md"), *lower = gn_path_join(dir, "toc.md");
        bool held = gn_is_file(toc) || gn_is_file(lower);
        free(toc);
        free(lower);
        if (held) {
            init_source(src, gn_path_locale(dir), dir);
            return 0;
        }
        char *parent = gn_path_dirname(dir);
        free(dir);
        dir = parent;
    }
    free(dir);
    return -1;
}

static int cmp_source_tags(const void *a, const void *b)
{
    return gn_locale_cmp(((const gn_source *)a)->tag, ((const gn_source *)b)->tag);
}

/* Add the siblings of the source whose path components are comps and whose
 * tag was found at o: same stem with another suffix, or other tag folders. */
static void add_siblings(gn_localeset *set, char **comps, size_t n, tag_origin o)
{
    size_t k = (size_t)o.comp;
    char *parent = join_comps(comps, 0, k);
    char *rest = k + 1 < n ? join_comps(comps, k + 1, n) : gn_xstrdup("");
    size_t stem = o.suffix ? gn_locale_suffix(comps[k]) : 0;
    size_t first = set->n;
    size_t count;
    char **names = list_folder(parent, &count);
    char *real_parent = realpath(parent, NULL);
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i];
        const char *tag;
        if (strcmp(name, comps[k]) == 0)
            continue;
        if (o.suffix) {
            size_t dot = gn_locale_suffix(name);
            if (dot != stem || strncmp(name, comps[k], stem) != 0)
                continue;
            tag = name + dot + 1;
        } else {
            if (!gn_locale_is_tag(name, strlen(name)))
                continue;
            tag = name;
        }
        if (gn_localeset_find(set, tag))
            continue;
        char *dir = gn_path_join(parent, name);
        char *root = gn_xasprintf("%s%s", dir, rest);
        free(dir);
        /* A sibling that is a link out of the parent folder is not followed. */
        if (!gn_is_dir(root) || !gn_path_within(root, parent, real_parent)) {
            free(root);
            continue;
        }
        gn_source *s = add_source(set, gn_xstrdup(tag), root);
        if (s->nguides == 0) /* this locale lacks the guide folder */
            gn_source_free(&set->v[--set->n]);
    }
    free_names(names, count);
    free(real_parent);
    qsort(set->v + first, set->n - first, sizeof *set->v, cmp_source_tags);
    free(parent);
    free(rest);
}

int gn_localeset_discover(char *const *args, size_t nargs, gn_localeset *set,
                          gn_error *err)
{
    memset(set, 0, sizeof *set);
    char **single_comps = NULL;
    size_t single_n = 0;
    tag_origin single_origin = {-1, false};

    for (size_t i = 0; i < nargs; i++) {
        const char *arg = args[i];
        const char *eq = strchr(arg, '=');
        char *tag = NULL;
        const char *path = arg;
        if (eq && gn_locale_is_tag(arg, (size_t)(eq - arg))) {
            tag = gn_xstrndup(arg, (size_t)(eq - arg));
            path = eq + 1;
        }
        char *abs = gn_path_absolute(path);
        if (!abs || !gn_is_dir(abs)) {
            free(tag);
            free(abs);
            gn_localeset_free(set);
            return gn_fail(err, "%s: not a folder", path);
        }
        size_t n;
        char **comps = split_path(abs, &n);
        tag_origin o;
        char *found = tag_from_path(comps, n, &o);
        if (tag)
            free(found);
        else
            tag = found;
        if (gn_localeset_find(set, tag)) {
            gn_fail(err, "%s: a second locale source for %s", path, tag);
            free(tag);
            free(abs);
            free_names(comps, n);
            gn_localeset_free(set);
            return -1;
        }
        gn_source *s = add_source(set, tag, abs);
        if (s->nguides == 0) {
            gn_localeset_free(set);
            free_names(comps, n);
            return gn_fail(err, "%s: no guide here (no TOC.md, no help/*/TOC.md)", path);
        }
        if (nargs == 1 && !eq && o.comp >= 0) {
            single_comps = comps;
            single_n = n;
            single_origin = o;
        } else {
            free_names(comps, n);
        }
    }
    if (single_comps) {
        add_siblings(set, single_comps, single_n, single_origin);
        free_names(single_comps, single_n);
    }
    return 0;
}

int gn_localeset_of_page(const char *file, gn_localeset *set, gn_error *err)
{
    gn_source alone;
    memset(set, 0, sizeof *set);
    int rc = gn_source_of_file(file, &alone) == 0
                 ? gn_localeset_discover(&alone.root, 1, set, err)
                 : gn_fail(err, "%s: not a page of a guide (no TOC.md above it)", file);
    gn_source_free(&alone);
    return rc;
}

void gn_localeset_alone(const char *folder, gn_localeset *set)
{
    set->v = gn_xcalloc(1, sizeof *set->v);
    set->n = 1;
    gn_source *s = &set->v[0];
    char *abs = gn_path_absolute(folder);
    s->root = abs ? abs : gn_xstrdup("/");
    s->tag = gn_path_locale(s->root);
    s->repo = gn_xstrdup(s->root);
    s->real_repo = realpath(s->repo, NULL);
}

void gn_localeset_free(gn_localeset *set)
{
    for (size_t i = 0; i < set->n; i++)
        gn_source_free(&set->v[i]);
    free(set->v);
    set->v = NULL;
    set->n = 0;
}

gn_source *gn_localeset_find(const gn_localeset *set, const char *tag)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i].tag, tag) == 0)
            return &set->v[i];
    return NULL;
}

gn_guide *gn_source_guide(const gn_source *src, const char *id)
{
    for (size_t i = 0; i < src->nguides; i++)
        if (strcmp(src->guides[i].id, id) == 0)
            return &src->guides[i];
    /* Sources given at different depths ("repo" and "repo/help/guide"):
     * match by the guide folder's name. */
    const char *base = gn_path_basename(id);
    for (size_t i = 0; i < src->nguides; i++)
        if (strcmp(gn_path_basename(src->guides[i].dir), base) == 0)
            return &src->guides[i];
    return NULL;
}

gn_guide *gn_source_adopt(gn_source *src, const char *id, const char *dir)
{
    for (size_t i = 0; i < src->nguides; i++)
        if (strcmp(src->guides[i].dir, dir) == 0)
            return &src->guides[i];
    char *toc = toc_file(src, dir);
    if (!toc)
        return NULL;
    add_guide(src, id, gn_xstrdup(dir), toc);
    return &src->guides[src->nguides - 1];
}

size_t gn_source_adopt_repo(gn_source *src)
{
    if (!src->repo || !src->root || strcmp(src->repo, src->root) == 0)
        return 0;
    gn_source probe = {.tag = NULL, .root = src->repo, .repo = src->repo,
                       .real_repo = src->real_repo, .real_root = src->real_repo};
    find_guides(&probe);
    size_t before = src->nguides;
    for (size_t i = 0; i < probe.nguides; i++)
        gn_source_adopt(src, probe.guides[i].id, probe.guides[i].dir);
    probe.root = probe.repo = probe.real_repo = probe.real_root = NULL; /* src's */
    gn_source_free(&probe);
    return src->nguides - before;
}

const char *gn_guide_title(gn_guide *g)
{
    if (g->toc)
        return gn_toc_title(g->toc);
    if (!g->title && !g->toc_error)
        g->title = gn_toc_peek_title(g->toc_path, g->real_root);
    if (g->title)
        return g->title;
    gn_error err;
    const gn_toc *toc = gn_guide_toc(g, &err);
    return toc ? gn_toc_title(toc) : gn_path_basename(g->dir);
}

const gn_toc *gn_guide_toc(gn_guide *g, gn_error *err)
{
    if (g->toc)
        return g->toc;
    if (g->toc_error) {
        gn_fail(err, "%s", g->toc_error);
        return NULL;
    }
    gn_toc *toc = gn_xcalloc(1, sizeof *toc);
    gn_error e;
    if (stat(g->toc_path, &g->toc_stat) != 0) /* before the read: a change after it shows */
        memset(&g->toc_stat, 0, sizeof g->toc_stat);
    if (gn_toc_load(g->toc_path, g->real_root, toc, &e) != 0) {
        gn_toc_free(toc);
        free(toc);
        g->toc_error = gn_xstrdup(e.msg);
        gn_fail(err, "%s", e.msg);
        return NULL;
    }
    g->toc = toc;
    return toc;
}

bool gn_guide_entry_missing(const gn_source *src, gn_guide *g, size_t entry)
{
    const gn_toc *toc = g->toc;
    if (!toc || entry >= toc->n || toc->entries[entry].kind != GN_TOC_PAGE)
        return false;
    if (!g->found)
        g->found = gn_xcalloc(toc->n, sizeof *g->found);
    if (!g->found[entry]) {
        gn_target page;
        gn_resolve_in_guide(src, g, toc->entries[entry].target, &page);
        g->found[entry] = page.kind == GN_TARGET_PAGE ? 1 : -1;
        gn_target_free(&page);
    }
    return g->found[entry] < 0;
}

bool gn_guide_refresh(gn_guide *g, bool files)
{
    if ((g->toc || g->toc_error) && !gn_file_same_version(&g->toc_stat, g->toc_path)) {
        forget_toc(g);
        return true;
    }
    if (!files || !g->found)
        return false;
    free(g->found);
    g->found = NULL;
    return true;
}
