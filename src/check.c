/* check.c: the problems of a locale set's guides, for CI (see check.h).
 *
 * For each locale: TOC page entries without a file or outside the
 * repository (each resolved like a link, so "/help/other/page.md" names a
 * page of another guide), Markdown files under a guide folder that no TOC
 * of the locale reaches, and for every page its links and anchors (an
 * anchor the target page lacks but the reference locale's page has is
 * lost in translation, not broken), its heading structure against the
 * reference locale's page, and its staleness.
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
#include "guidenav/align.h"
#include "guidenav/check.h"
#include "guidenav/layout.h"
#include "guidenav/markup.h"
#include "guidenav/page.h"
#include "guidenav/qa.h"
#include "guidenav/resolve.h"
#include "guidenav/strmap.h"
#include "guidenav/util.h"

/* ---- kinds ----------------------------------------------------------------- */

const gn_check_kind gn_check_kinds[] = {
    {"nofile", "a TOC entry names a page that does not exist", true},
    {"orphan", "a page under the guide folder that no TOC reaches", true},
    {"badlink", "a link to a page that does not exist", true},
    {"badanchor", "a link to a section that neither the page nor the reference's page has", true},
    {"anchorlost", "a link to a section the reference's page has and the translation lost", true},
    {"outside", "a TOC entry or link names a file outside the repository", true},
    {"structure", "the heading levels differ from the reference page's", true},
    {"stale", "the reference page changed after the translation's source commit", true},
    {"unknowncommit", "source-git-commit is not in the reference history", true},
    {"unreadable", "a file that cannot be read or parsed", true},
    {"uicontrol", "a UI label or product name of the reference block missing or changed", true},
    {"link", "a link of the reference block missing or its target changed", true},
    {"code", "an inline code span of the reference block missing or changed", true},
    {"number", "a number of the reference block missing or changed", true},
    {"markup", "markup broken in the translation and not in the reference", true},
    {"untranslated", "a block with the reference's text, not translated (never counted)", false},
};
const size_t gn_check_nkinds = sizeof gn_check_kinds / sizeof *gn_check_kinds;
_Static_assert(sizeof gn_check_kinds / sizeof *gn_check_kinds <= GN_CHECK_MAX_KINDS,
               "more kinds than GN_CHECK_MAX_KINDS");

long gn_check_kind_index(const char *name, size_t len)
{
    for (size_t i = 0; i < gn_check_nkinds; i++)
        if (strlen(gn_check_kinds[i].name) == len && strncmp(gn_check_kinds[i].name, name, len) == 0)
            return (long)i;
    return -1;
}

int gn_check_kinds_parse(const char *list, bool *chosen, gn_error *err)
{
    for (const char *p = list;; p++) {
        size_t n = strcspn(p, ",");
        long k = gn_check_kind_index(p, n);
        if (k < 0)
            return gn_fail(err, "unknown kind of problem: %.*s (kinds: see guidenav(1))", (int)n, p);
        chosen[k] = true;
        p += n;
        if (!*p)
            return 0;
    }
}

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
    gn_qa_page *qa;   /* what its blocks hold, for the translation checks */
} cpage;

typedef struct cache {
    gn_strmap index;       /* absolute path -> index in v */
    cpage **v;
    size_t n;
} cache;

/* Read the page at path (absolute) of src and keep what the checks need;
 * a page src's confinement check refuses is not read (its error says
 * why). */
static cpage *read_page(const gn_source *src, const char *path)
{
    cpage *cp = gn_xcalloc(1, sizeof *cp);
    gn_page page;
    gn_error err;
    cp->qa = gn_qa_read(src, path, &page, &cp->doc, &err);
    if (!cp->qa) {
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
        if (!url || !*url || gn_markup_link_is_marker(n))
            continue;
        if (cp->nlinks == cap) {
            cap = cap ? cap * 2 : 16;
            cp->links = gn_xreallocarray(cp->links, cap, sizeof *cp->links);
        }
        cp->links[cp->nlinks++] = (clink){gn_xstrdup(url), gn_node_line(n) + page.body_line - 1};
    }
    cmark_iter_free(it);

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

/* The cached page at path (absolute, a page of src), read on first use. */
static cpage *cache_get(cache *c, const gn_source *src, const char *path)
{
    size_t i;
    if (gn_strmap_get(&c->index, path, &i))
        return c->v[i];
    c->v = gn_xreallocarray(c->v, c->n + 1, sizeof *c->v);
    c->v[c->n] = read_page(src, path);
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
        gn_qa_page_free(cp->qa);
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

static char *reference_page(ctx *c, size_t guide, const char *name, bool orphan);

/* The reference locale's counterpart of file (absolute, a page of the
 * locale being checked): its path in the guide whose folder holds it,
 * taken from the reference guide of the same id (as an orphan's is).
 * NULL when no guide holds it or the reference may read no such page.
 * Newly allocated. */
static char *reference_of_file(ctx *c, const char *file)
{
    const char *page;
    gn_guide *g = gn_source_guide_of(c->src, file, &page);
    return g ? reference_page(c, (size_t)(g - c->src->guides), page, true) : NULL;
}

/* The problem of link l of the page at path when its target page (file,
 * laid out in target) lacks the anchor it names, as decoded (name) and as
 * written (raw): anchorlost when the reference locale's page of file has
 * it (the translation's heading lost its {#anchor}), its detail naming the
 * heading of file the link lands on (gn_align_find_anchor) or saying that
 * none pairs with the reference's; else badanchor, an anchor found in no
 * locale. */
static void check_lost_anchor(ctx *c, const char *path, const clink *l, const char *file,
                              const cpage *target, const char *name, const char *raw)
{
    char *ref_path = c->ref ? reference_of_file(c, file) : NULL;
    const cpage *rp = ref_path ? cache_get(&c->pages, c->ref, ref_path) : NULL;
    free(ref_path);
    long in_ref = -1, h = -1;
    if (rp && !rp->error) {
        h = gn_align_find_anchor(&target->doc, &rp->doc, name, &in_ref);
        if (in_ref < 0)
            h = gn_align_find_anchor(&target->doc, &rp->doc, raw, &in_ref);
    }
    if (in_ref < 0)
        add(c, "badanchor", path, l->line, gn_xstrdup(l->url));
    else if (h >= 0)
        add(c, "anchorlost", path, l->line,
            gn_xasprintf("%s: lands on \"%s\" (%s: \"%s\")", l->url, target->doc.headings[h].text,
                         c->ref->tag, rp->doc.headings[in_ref].text));
    else
        add(c, "anchorlost", path, l->line,
            gn_xasprintf("%s: no heading here pairs with %s's \"%s\"", l->url, c->ref->tag,
                         rp->doc.headings[in_ref].text));
}

/* badlink, outside, badanchor and anchorlost problems of the page at path:
 * each link resolved by gn_resolve. A site path or a URL is not checked,
 * nor a link to a folder. */
static void check_links(ctx *c, const char *path, const cpage *cp)
{
    for (size_t i = 0; i < cp->nlinks; i++) {
        const clink *l = &cp->links[i];
        gn_target t;
        gn_resolve(c->src, path, l->url, &t);
        const char *file = t.kind == GN_TARGET_ANCHOR ? path : t.file;
        if (t.kind == GN_TARGET_MISSING) {
            if (!t.file || !gn_is_dir(t.file))
                add(c, "badlink", path, l->line, gn_xstrdup(l->url));
        } else if (t.kind == GN_TARGET_OUTSIDE) {
            add(c, "outside", path, l->line, gn_xasprintf("%s: " GN_OUTSIDE_MSG, l->url));
        } else if ((t.kind == GN_TARGET_PAGE || t.kind == GN_TARGET_ANCHOR) && t.anchor &&
                   ends_with_md(file)) {
            const cpage *target = strcmp(file, path) == 0 ? cp : cache_get(&c->pages, c->src, file);
            const char *raw = strchr(l->url, '#') + 1;
            if (!target->error && gn_doc_find_anchor(&target->doc, t.anchor) < 0 &&
                gn_doc_find_anchor(&target->doc, raw) < 0)
                check_lost_anchor(c, path, l, file, target, t.anchor, raw);
        }
        gn_target_free(&t);
    }
}

/* ---- pages ------------------------------------------------------------------- */

/* A page of the locale to check: its file (absolute, inside the source),
 * the guide (index) whose TOC lists it or whose folder holds it, and how
 * that guide names it: the TOC target (no fragment) of a listed page, the
 * path in the guide folder of an orphan. */
typedef struct gpage {
    char *path;
    size_t guide;
    char *name;
    bool orphan;
} gpage;

typedef struct gpages {
    gpage *v;
    size_t n, cap;
} gpages;

/* Append a page; the list takes path and name. */
static void gpages_add(gpages *p, char *path, size_t guide, char *name, bool orphan)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->v = gn_xreallocarray(p->v, p->cap, sizeof *p->v);
    }
    p->v[p->n++] = (gpage){path, guide, name, orphan};
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

/* The reference locale's counterpart of a page of guide `guide` (index in
 * the source checked) named `name` there, when it is a page the reference
 * source may read; else NULL. A listed page's name, its TOC target, is
 * resolved in the reference guide of the same id; an orphan's, its path
 * in the guide folder, is taken from that guide's folder. Newly
 * allocated. */
static char *reference_page(ctx *c, size_t guide, const char *name, bool orphan)
{
    gn_guide *rg = gn_source_guide(c->ref, c->src->guides[guide].id);
    if (!rg)
        return NULL;
    char *file = NULL;
    if (orphan) {
        char *joined = gn_path_join(rg->dir, name);
        file = gn_path_absolute(joined);
        free(joined);
    } else {
        gn_target t;
        gn_resolve_in_guide(c->ref, rg, name, &t);
        file = t.file;
        t.file = NULL;
        gn_target_free(&t);
    }
    if (file && gn_source_check_read(c->ref, file, NULL) != 0) {
        free(file);
        file = NULL;
    }
    return file;
}

/* The translation checks of page cp (at path) against the reference page
 * rp, block by block (qa.h). */
static void check_translation(ctx *c, const char *path, const cpage *cp, const cpage *rp)
{
    gn_qa_findings f = {0};
    gn_qa_review(rp->qa, &rp->doc, cp->qa, &cp->doc, &f);
    for (size_t i = 0; i < f.n; i++) {
        add(c, gn_qa_kind_name(f.v[i].kind), path, f.v[i].line, f.v[i].detail);
        f.v[i].detail = NULL;
    }
    gn_qa_findings_free(&f);
}

/* Check page p: links, structure, staleness and the translation checks
 * against the reference. */
static void check_page(ctx *c, const gpage *p)
{
    cpage *cp = cache_get(&c->pages, c->src, p->path);
    if (cp->error) {
        add(c, "unreadable", p->path, error_line(cp->error, p->path), gn_xstrdup(cp->error));
        return;
    }
    check_links(c, p->path, cp);
    char *ref_path = c->ref ? reference_page(c, p->guide, p->name, p->orphan) : NULL;
    if (ref_path) {
        const cpage *rp = cache_get(&c->pages, c->ref, ref_path);
        char *diff = rp->error ? NULL : structure_diff(cp, rp);
        if (diff)
            add(c, "structure", p->path, 0, diff);
        if (c->repo && cp->commit && *cp->commit &&
            gn_repo_stale(c->repo, ref_path, cp->commit) == GN_STALE_STALE)
            add(c, "stale", p->path, cp->commit_line,
                gn_xasprintf("the reference page changed after source-git-commit %.12s",
                             cp->commit));
        if (!rp->error)
            check_translation(c, p->path, cp, rp);
    }
    if (c->ref && c->repo && cp->commit && *cp->commit && !gn_repo_knows_commit(c->repo, cp->commit))
        add(c, "unknowncommit", p->path, cp->commit_line,
            gn_xasprintf("source-git-commit %s is not in the reference history", cp->commit));
    free(ref_path);
}

/* ---- guides ------------------------------------------------------------------ */

/* True for the names a guide's TOC file has. */
static bool is_toc_name(const char *name)
{
    return strcmp(name, "TOC.md") == 0 || strcmp(name, "toc.md") == 0;
}

/* The pages guide gi's TOC lists, each resolved like a page link
 * (gn_resolve_in_guide: "/help/other/page.md" from the repository root,
 * another guide's page as well as this one's), added to pages unless
 * reached holds them already (then added to it). A target that names no
 * page is a nofile problem, one outside the repository an outside problem
 * (not read). */
static void list_guide(ctx *c, size_t gi, gn_strmap *reached, gpages *pages)
{
    gn_guide *g = &c->src->guides[gi];
    gn_error err;
    const gn_toc *toc = gn_guide_toc(g, &err);
    if (!toc) {
        add(c, "unreadable", g->toc_path, error_line(err.msg, g->toc_path), gn_xstrdup(err.msg));
        return;
    }
    for (size_t i = 0; i < toc->n; i++) {
        const gn_toc_entry *e = &toc->entries[i];
        if (e->kind != GN_TOC_PAGE)
            continue;
        const char *target = e->target ? e->target : "";
        gn_target t;
        gn_resolve_in_guide(c->src, g, target, &t);
        if (t.kind == GN_TARGET_PAGE) {
            if (!gn_strmap_get(reached, t.file, NULL)) {
                gn_strmap_put(reached, t.file, 0);
                gpages_add(pages, t.file, gi, gn_xstrndup(target, strcspn(target, "#?")), false);
                t.file = NULL;
            }
        } else if (t.kind == GN_TARGET_OUTSIDE) {
            add(c, "outside", g->toc_path, e->line, gn_xasprintf("%s: " GN_OUTSIDE_MSG, target));
        } else {
            add(c, "nofile", g->toc_path, e->line, gn_xstrdup(target));
        }
        gn_target_free(&t);
    }
}

/* Every *.md file under the folder of guide gi (symbolic links not
 * followed; TOC files and folders starting with '_' or '.' skipped) that
 * reached does not hold, in name order, added to out as orphans (and to
 * reached, so a page under two guide folders is one orphan). */
static void find_orphans(ctx *c, size_t gi, gn_strmap *reached, gpages *out)
{
    char *dir = gn_path_absolute(c->src->guides[gi].dir);
    /* A stack of folders relative to dir ("" for dir itself). */
    char **stack = gn_xreallocarray(NULL, 1, sizeof *stack);
    size_t sp = 0, cap = 1;
    stack[sp++] = gn_xstrdup("");
    while (dir && sp > 0) {
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
                gn_strmap_put(reached, path, 0);
                gpages_add(out, path, gi, *sub ? gn_path_join(sub, names[i]) : gn_xstrdup(names[i]),
                           true);
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
    while (sp > 0)
        free(stack[--sp]);
    free(stack);
    free(dir);
}

/* Check every guide of the current locale: first what each TOC lists
 * (every guide's, so that a page another guide's TOC lists is reached),
 * then the orphans of each guide whose TOC was read, then each page once. */
static void check_locale(ctx *c)
{
    gn_strmap reached = GN_STRMAP_INIT;
    gpages pages = {0};
    for (size_t gi = 0; gi < c->src->nguides; gi++)
        list_guide(c, gi, &reached, &pages);
    size_t listed = pages.n;
    for (size_t gi = 0; gi < c->src->nguides; gi++)
        if (gn_guide_toc(&c->src->guides[gi], NULL))
            find_orphans(c, gi, &reached, &pages);
    for (size_t i = 0; i < pages.n; i++) {
        if (i >= listed)
            add(c, "orphan", pages.v[i].path, 0, gn_xstrdup("not in the table of contents"));
        check_page(c, &pages.v[i]);
        free(pages.v[i].path);
        free(pages.v[i].name);
    }
    free(pages.v);
    gn_strmap_free(&reached);
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
        c.ref = ref && ref != c.src ? ref : NULL;
        check_locale(&c);
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
