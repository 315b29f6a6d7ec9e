/* check.c: the problems of a locale set's guides, for CI (see check.h).
 *
 * For each locale and each of its guides: TOC page entries without a file,
 * Markdown files under the guide folder that the TOC does not reach, and
 * for every existing page its relative links and anchors, its heading
 * structure against the reference locale's page, and its staleness.
 *
 * Every page is read and laid out at most once per gn_check call: a cache
 * keyed by absolute path keeps what later questions need (the headings of
 * the layout, the page's links with their lines, its source-git-commit),
 * and drops the rest. Folders are walked with an explicit stack. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "guidenav/check.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/strmap.h"
#include "guidenav/util.h"

/* ---- the page cache ------------------------------------------------------ */

typedef struct clink {
    char *url;
    int line; /* in the page file */
} clink;

typedef struct cpage {
    char *error;      /* why it could not be read, or NULL */
    gn_doc doc;       /* the layout's headings only */
    clink *links;
    size_t nlinks;
    char *commit;     /* source-git-commit, or NULL */
    int commit_line;
} cpage;

typedef struct cache {
    gn_strmap index;       /* absolute path -> index in v */
    cpage **v;
    size_t n;
} cache;

/* The line of link in the page file: its own start line when cmark knows
 * it, else that of the block holding it; body_line is the file's line of
 * the body's first line. */
static int link_line(cmark_node *link, int body_line)
{
    int line = cmark_node_get_start_line(link);
    for (cmark_node *b = link; line <= 0 && b; b = cmark_node_parent(b))
        if ((cmark_node_get_type(b) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_INLINE)
            line = cmark_node_get_start_line(b);
    return (line > 0 ? line : 1) + body_line - 1;
}

/* True when the link node is Adobe inline markup that CommonMark reads as
 * a link: "[!DNL name](으)로" is the name followed by a Korean particle in
 * parentheses, never a link (its text starts with "!DNL ", "!UICONTROL "
 * or "!BADGE "). */
static bool adobe_marker(cmark_node *link)
{
    static const char *const marks[] = {"!DNL ", "!UICONTROL ", "!BADGE "};
    cmark_node *first = cmark_node_first_child(link);
    const char *text = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
                           ? cmark_node_get_literal(first) : NULL;
    for (size_t i = 0; text && i < sizeof marks / sizeof *marks; i++)
        if (strncmp(text, marks[i], strlen(marks[i])) == 0)
            return true;
    return false;
}

/* Read the page at path (absolute) and keep what the checks need. */
static cpage *read_page(const char *path, const char *lang)
{
    cpage *cp = gn_xcalloc(1, sizeof *cp);
    gn_page page;
    gn_error err;
    if (gn_page_load(path, &page, &err) != 0) {
        cp->error = gn_xstrdup(err.msg);
        gn_page_free(&page);
        return cp;
    }
    for (size_t i = 0; i < page.meta.n; i++)
        if (strcmp(page.meta.v[i].key, "source-git-commit") == 0 && page.meta.v[i].value) {
            cp->commit = gn_xstrdup(page.meta.v[i].value);
            cp->commit_line = page.meta.v[i].line;
            break;
        }
    size_t cap = 0;
    cmark_iter *it = cmark_iter_new(page.doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK)
            continue;
        const char *url = cmark_node_get_url(n);
        if (!url || !*url || adobe_marker(n))
            continue;
        if (cp->nlinks == cap) {
            cap = cap ? cap * 2 : 16;
            cp->links = gn_xreallocarray(cp->links, cap, sizeof *cp->links);
        }
        cp->links[cp->nlinks++] = (clink){gn_xstrdup(url), link_line(n, page.body_line)};
    }
    cmark_iter_free(it);

    gn_layout_opts opts = {.width = 80, .lang = lang, .ascii = false, .path = path,
                           .line_offset = page.body_line - 1};
    gn_layout(page.doc, &opts, &cp->doc);
    /* Keep the headings: anchors and structure are all that is asked. */
    gn_buf_free(&cp->doc.text);
    free(cp->doc.spans);
    free(cp->doc.lines);
    for (size_t i = 0; i < cp->doc.nlinks; i++)
        free(cp->doc.links[i].url);
    free(cp->doc.links);
    gn_buf_free(&cp->doc.ptext);
    free(cp->doc.pars);
    free(cp->doc.pieces);
    cp->doc.pars = NULL;
    cp->doc.pieces = NULL;
    cp->doc.npars = cp->doc.cap_pars = 0;
    cp->doc.npieces = cp->doc.cap_pieces = 0;
    cp->doc.spans = NULL;
    cp->doc.lines = NULL;
    cp->doc.links = NULL;
    cp->doc.nspans = cp->doc.cap_spans = 0;
    cp->doc.nlines = cp->doc.cap_lines = 0;
    cp->doc.nlinks = cp->doc.cap_links = 0;
    gn_page_free(&page);
    return cp;
}

/* The cached page at path (absolute, an existing file), read on first
 * use with lang as its locale. */
static cpage *cache_get(cache *c, const char *path, const char *lang)
{
    size_t i;
    if (gn_strmap_get(&c->index, path, &i))
        return c->v[i];
    c->v = gn_xreallocarray(c->v, c->n + 1, sizeof *c->v);
    c->v[c->n] = read_page(path, lang);
    gn_strmap_put(&c->index, path, c->n);
    return c->v[c->n++];
}

/* Release every cached page. */
static void cache_free(cache *c)
{
    for (size_t i = 0; i < c->n; i++) {
        cpage *cp = c->v[i];
        free(cp->error);
        gn_doc_free(&cp->doc);
        for (size_t k = 0; k < cp->nlinks; k++)
            free(cp->links[k].url);
        free(cp->links);
        free(cp->commit);
        free(cp);
    }
    free(c->v);
    gn_strmap_free(&c->index);
}

/* ---- problems -------------------------------------------------------------- */

typedef struct plist {
    gn_problem *v;
    size_t *locale; /* index in the set, per problem */
    size_t n, cap;
} plist;

typedef struct ctx {
    gn_localeset *set;
    size_t loc;          /* the locale being checked */
    gn_source *src;
    const char *lang;
    gn_source *ref;      /* the reference source, when it is not src */
    gn_repo *repo;
    cache pages;
    plist out;
} ctx;

/* path as the locale source names it: relative to its root when inside,
 * else as given. Newly allocated. */
static char *source_path(const gn_source *src, const char *path)
{
    size_t n = strlen(src->root);
    if (strncmp(path, src->root, n) == 0 && path[n] == '/')
        return gn_xstrdup(path + n + 1);
    if (n > 0 && src->root[n - 1] == '/' && strncmp(path, src->root, n) == 0)
        return gn_xstrdup(path + n);
    return gn_xstrdup(path);
}

/* Add a problem about path (absolute; made source-relative) at line. The
 * detail is taken (newly allocated by the caller). */
static void add(ctx *c, const char *kind, const char *path, int line, char *detail)
{
    plist *p = &c->out;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->v = gn_xreallocarray(p->v, p->cap, sizeof *p->v);
        p->locale = gn_xreallocarray(p->locale, p->cap, sizeof *p->locale);
    }
    p->v[p->n] = (gn_problem){gn_xstrdup(c->src->tag), source_path(c->src, path), line,
                              kind, detail};
    p->locale[p->n] = c->loc;
    p->n++;
}

/* The line an error message "path:LINE: problem" names about path, or 0. */
static int error_line(const char *msg, const char *path)
{
    size_t n = strlen(path);
    if (strncmp(msg, path, n) != 0 || msg[n] != ':')
        return 0;
    long line = 0;
    const char *p = msg + n + 1;
    while (*p >= '0' && *p <= '9' && line < 100000000)
        line = line * 10 + (*p++ - '0');
    return *p == ':' ? (int)line : 0;
}

/* ---- links ------------------------------------------------------------------ */

/* True when name ends in ".md". */
static bool ends_with_md(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* True when url names a scheme ("https:", "mailto:") or a host ("//"). */
static bool has_scheme(const char *url)
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

/* s with %XX escapes decoded, newly allocated. */
static char *percent_decode(const char *s)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (size_t i = 0; s[i]; i++) {
        int hi, lo;
        if (s[i] == '%' && (hi = hex_digit(s[i + 1])) >= 0 && (lo = hex_digit(s[i + 2])) >= 0) {
            gn_buf_addc(&b, (char)(hi * 16 + lo));
            i += 2;
        } else {
            gn_buf_addc(&b, s[i]);
        }
    }
    return gn_buf_take(&b);
}

/* The file a relative link of the page at path names (absolute, without
 * fragment or query), or NULL when the link is not checked (a URL, a
 * site-absolute path outside /help/). *frag points at the fragment (after
 * '#') in url, or is NULL. */
static char *link_file(const ctx *c, const char *path, const char *url, const char **frag)
{
    const char *hash = strchr(url, '#');
    size_t len = strcspn(url, "#?");
    *frag = hash && hash[1] ? hash + 1 : NULL;
    if (has_scheme(url))
        return NULL;
    char *rel = gn_xstrndup(url, len);
    char *file = NULL;
    if (len == 0) {
        file = gn_xstrdup(path);
    } else if (rel[0] == '/') {
        if (strncmp(rel, "/help/", 6) == 0) {
            char *root = gn_source_repo_root(c->src);
            char *joined = gn_path_join(root, rel + 1);
            file = gn_path_absolute(joined);
            free(joined);
            free(root);
        }
    } else {
        char *dir = gn_path_dirname(path);
        char *joined = gn_path_join(dir, rel);
        file = gn_path_absolute(joined);
        free(joined);
        free(dir);
    }
    free(rel);
    if (file && !gn_is_file(file) && !gn_is_dir(file) && strchr(file, '%')) {
        char *decoded = percent_decode(file);
        if (gn_is_file(decoded) || gn_is_dir(decoded)) {
            free(file);
            file = decoded;
        } else {
            free(decoded);
        }
    }
    return file;
}

/* badlink and badanchor problems of the page at path. */
static void check_links(ctx *c, const char *path, const cpage *cp)
{
    for (size_t i = 0; i < cp->nlinks; i++) {
        const clink *l = &cp->links[i];
        const char *frag;
        char *file = link_file(c, path, l->url, &frag);
        if (!file)
            continue;
        if (!gn_is_file(file)) {
            if (!gn_is_dir(file))
                add(c, "badlink", path, l->line, gn_xstrdup(l->url));
        } else if (!gn_source_contains(c->src, file)) {
            add(c, "outside", path, l->line, gn_xasprintf("%s: outside the guide", l->url));
        } else if (frag && ends_with_md(file)) {
            const cpage *target = strcmp(file, path) == 0 ? cp : cache_get(&c->pages, file, c->lang);
            char *name = percent_decode(frag);
            if (!target->error && gn_doc_find_anchor(&target->doc, name) < 0 &&
                gn_doc_find_anchor(&target->doc, frag) < 0)
                add(c, "badanchor", path, l->line, gn_xstrdup(l->url));
            free(name);
        }
        free(file);
    }
}

/* ---- structure and staleness ------------------------------------------------ */

/* The structure problem of page cp against the reference page ref, or
 * NULL when their heading levels are the same. Newly allocated. */
static char *structure_diff(const cpage *cp, const cpage *ref)
{
    size_t n = cp->doc.nheadings, m = ref->doc.nheadings;
    if (n != m)
        return gn_xasprintf("%zu heading%s, reference has %zu", n, n == 1 ? "" : "s", m);
    for (size_t i = 0; i < n; i++) {
        int a = cp->doc.headings[i].level, b = ref->doc.headings[i].level;
        if (a != b)
            return gn_xasprintf("heading %zu is level %d, reference level %d", i + 1, a, b);
    }
    return NULL;
}

/* Check the page at path (absolute, existing), which is rel relative to
 * guide g's folder: links, structure and staleness against the reference. */
static void check_page(ctx *c, const gn_guide *g, const char *path, const char *rel)
{
    cpage *cp = cache_get(&c->pages, path, c->lang);
    if (cp->error) {
        add(c, "unreadable", path, error_line(cp->error, path), gn_xstrdup(cp->error));
        return;
    }
    check_links(c, path, cp);
    if (!c->ref)
        return;
    gn_guide *rg = gn_source_guide(c->ref, g->id);
    if (!rg)
        return;
    char *joined = gn_path_join(rg->dir, rel);
    char *ref_path = gn_path_absolute(joined);
    free(joined);
    if (ref_path && gn_is_file(ref_path)) {
        const cpage *rp = cache_get(&c->pages, ref_path, c->ref->tag);
        char *diff = rp->error ? NULL : structure_diff(cp, rp);
        if (diff)
            add(c, "structure", path, 0, diff);
        if (c->repo && cp->commit && *cp->commit &&
            gn_repo_stale(c->repo, ref_path, cp->commit) == GN_STALE_STALE)
            add(c, "stale", path, cp->commit_line,
                gn_xasprintf("the reference page changed after source-git-commit %.12s",
                             cp->commit));
    }
    free(ref_path);
}

/* ---- guides ------------------------------------------------------------------ */

/* A page of a guide to check: its absolute path and its path relative to
 * the guide folder. */
typedef struct gpage {
    char *path, *rel;
} gpage;

typedef struct gpages {
    gpage *v;
    size_t n, cap;
} gpages;

/* Append a page; the list takes path and rel. */
static void gpages_add(gpages *p, char *path, char *rel)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->v = gn_xreallocarray(p->v, p->cap, sizeof *p->v);
    }
    p->v[p->n++] = (gpage){path, rel};
}

/* True for the names a guide's TOC file has. */
static bool is_toc_name(const char *name)
{
    return strcmp(name, "TOC.md") == 0 || strcmp(name, "toc.md") == 0;
}

/* Every *.md file under the guide folder dir (symbolic links not
 * followed; TOC files and folders starting with '_' or '.' skipped) that
 * reached does not hold, in name order, added to out. */
static void find_orphans(const char *dir, const gn_strmap *reached, gpages *out)
{
    /* A stack of folders relative to dir ("" for dir itself). */
    char **stack = gn_xreallocarray(NULL, 1, sizeof *stack);
    size_t sp = 0, cap = 1;
    stack[sp++] = gn_xstrdup("");
    while (sp > 0) {
        char *sub = stack[--sp];
        char *folder = *sub ? gn_path_join(dir, sub) : gn_xstrdup(dir);
        DIR *d = opendir(folder);
        char **names = NULL;
        size_t n = 0;
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            names = gn_xreallocarray(names, n + 1, sizeof *names);
            names[n++] = gn_xstrdup(e->d_name);
        }
        if (d)
            closedir(d);
        gn_sort_strings(names, n);
        size_t first_sub = sp;
        for (size_t i = 0; i < n; i++) {
            char *path = gn_path_join(folder, names[i]);
            struct stat st;
            if (lstat(path, &st) != 0) {
                /* vanished or unreadable: nothing to say about it */
            } else if (S_ISDIR(st.st_mode) && names[i][0] != '_') {
                if (sp == cap) {
                    cap *= 2;
                    stack = gn_xreallocarray(stack, cap, sizeof *stack);
                }
                stack[sp++] = *sub ? gn_path_join(sub, names[i]) : gn_xstrdup(names[i]);
            } else if (S_ISREG(st.st_mode) && ends_with_md(names[i]) && !is_toc_name(names[i]) &&
                       !gn_strmap_get(reached, path, NULL)) {
                gpages_add(out, path, *sub ? gn_path_join(sub, names[i]) : gn_xstrdup(names[i]));
                path = NULL;
            }
            free(path);
            free(names[i]);
        }
        /* Visit subfolders in name order: reverse the ones just pushed. */
        for (size_t a = first_sub, b = sp; a + 1 < b; a++, b--) {
            char *t = stack[a];
            stack[a] = stack[b - 1];
            stack[b - 1] = t;
        }
        free(names);
        free(folder);
        free(sub);
    }
    free(stack);
}

/* Check guide g of the current locale; checked holds the pages of this
 * locale already checked (through another guide). */
static void check_guide(ctx *c, gn_guide *g, gn_strmap *checked)
{
    gn_error err;
    const gn_toc *toc = gn_guide_toc(g, &err);
    if (!toc) {
        add(c, "unreadable", g->toc_path, error_line(err.msg, g->toc_path), gn_xstrdup(err.msg));
        return;
    }
    char *dir = gn_path_absolute(g->dir);
    char *toc_path = gn_path_absolute(g->toc_path);
    if (!dir || !toc_path) {
        free(dir);
        free(toc_path);
        return;
    }
    gn_strmap reached = {0};
    gpages pages = {0};
    for (size_t i = 0; i < toc->n; i++) {
        const gn_toc_entry *e = &toc->entries[i];
        if (e->kind != GN_TOC_PAGE)
            continue;
        const char *t = e->target ? e->target : "";
        while (t[0] == '.' && t[1] == '/')
            t += 2;
        char *rel = gn_xstrndup(t, strcspn(t, "#?"));
        char *joined = gn_path_join(dir, rel);
        char *path = gn_path_absolute(joined);
        free(joined);
        if (gn_strmap_get(&reached, path, NULL)) {
            /* listed again: already found and inside */
        } else if (!gn_is_file(path)) {
            add(c, "nofile", toc_path, e->line, gn_xstrdup(e->target ? e->target : ""));
        } else if (!gn_source_contains(c->src, path)) {
            add(c, "outside", toc_path, e->line,
                gn_xasprintf("%s: outside the guide, not read", e->target ? e->target : ""));
        } else {
            gn_strmap_put(&reached, path, 0);
            gpages_add(&pages, path, rel);
            continue;
        }
        free(path);
        free(rel);
    }
    size_t listed = pages.n;
    find_orphans(dir, &reached, &pages);
    for (size_t i = 0; i < pages.n; i++) {
        if (i >= listed)
            add(c, "orphan", pages.v[i].path, 0, gn_xstrdup("not in the table of contents"));
        if (!gn_strmap_get(checked, pages.v[i].path, NULL)) {
            gn_strmap_put(checked, pages.v[i].path, 0);
            check_page(c, g, pages.v[i].path, pages.v[i].rel);
        }
        free(pages.v[i].path);
        free(pages.v[i].rel);
    }
    free(pages.v);
    gn_strmap_free(&reached);
    free(dir);
    free(toc_path);
}

/* Order: locale (set order), file, line, then the order found. */
typedef struct sorted {
    gn_problem p;
    size_t locale, seq;
} sorted;

static int cmp_sorted(const void *a, const void *b)
{
    const sorted *x = a, *y = b;
    if (x->locale != y->locale)
        return x->locale < y->locale ? -1 : 1;
    int k = strcmp(x->p.file, y->p.file);
    if (k)
        return k;
    if (x->p.line != y->p.line)
        return x->p.line < y->p.line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Locales in set order, guides in source order; each page is checked once
 * per locale even when two guides reach it. Problems are collected, then
 * sorted. */
void gn_check(gn_localeset *set, const char *reference, gn_repo *repo, gn_problems *out)
{
    memset(out, 0, sizeof *out);
    ctx c;
    memset(&c, 0, sizeof c);
    c.set = set;
    c.repo = repo;
    gn_source *ref = reference ? gn_localeset_find(set, reference) : NULL;
    for (size_t l = 0; l < set->n; l++) {
        c.loc = l;
        c.src = &set->v[l];
        c.lang = c.src->tag;
        c.ref = ref && ref != c.src ? ref : NULL;
        gn_strmap checked = {0};
        for (size_t gi = 0; gi < c.src->nguides; gi++)
            check_guide(&c, &c.src->guides[gi], &checked);
        gn_strmap_free(&checked);
    }
    cache_free(&c.pages);

    sorted *s = gn_xcalloc(c.out.n ? c.out.n : 1, sizeof *s);
    for (size_t i = 0; i < c.out.n; i++)
        s[i] = (sorted){c.out.v[i], c.out.locale[i], i};
    qsort(s, c.out.n, sizeof *s, cmp_sorted);
    for (size_t i = 0; i < c.out.n; i++)
        c.out.v[i] = s[i].p;
    free(s);
    free(c.out.locale);
    out->v = c.out.v;
    out->n = c.out.n;
}

void gn_problems_free(gn_problems *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].locale);
        free(p->v[i].file);
        free(p->v[i].detail);
    }
    free(p->v);
    p->v = NULL;
    p->n = 0;
}
