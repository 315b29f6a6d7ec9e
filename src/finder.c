/* finder.c: searching many pages in steps (see finder.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "guidenav/finder.h"
#include "guidenav/interrupt.h"
#include "guidenav/page.h"
#include "guidenav/resolve.h"
#include "guidenav/strmap.h"
#include "guidenav/textcache.h"
#include "guidenav/util.h"

/* Pages are laid out once at this width for searching: paragraphs, and
 * so matches, do not depend on the width, and at this one nearly every
 * paragraph fits on a line, which spares the line breaking (gn_wrap). */
#define SEARCH_WIDTH 10000
#define EXCERPT_COLS 60

/* A page read for searching, kept for the session: only its paragraphs
 * (the searchable text of its layout), not the lines shown. */
typedef struct cached {
    char *path;
    char *title;
    gn_buf ptext; /* gn_doc's ptext and pars */
    gn_par *pars;
    size_t npars;
    bool ok;      /* read and laid out */
    bool held;    /* its paragraphs are kept (see FINDER_CACHE_BYTES) */
} cached;

/* The paragraphs of the pages read are kept for the next query, up to
 * this many bytes; pages beyond are read again when a query needs them
 * (120,000 pages would otherwise hold over a gigabyte). */
#define FINDER_CACHE_BYTES ((size_t)64 << 20)

/* A page to search in the current scope. */
typedef struct task {
    size_t loc;
    char *guide;
    char *page;
} task;

/* A TOC target of a guide, resolved (gn_resolve_in_guide) the first time
 * a search asks for it: the queries that follow ask again without a
 * stat. */
typedef struct resolved {
    gn_target_kind kind;
    char *file, *rel;
} resolved;

struct gn_finder {
    gn_localeset *set;
    resolved *targets;
    size_t ntargets;
    gn_strmap target_at;   /* "locale\tguide\tpage" -> index in targets */
    cached *cache;
    size_t ncache, cap_cache;
    gn_strmap cached_at; /* path -> index in cache */
    size_t held_bytes, held_limit;
    task *tasks;
    size_t ntasks, next;
    char *disk_dir;        /* the text cache's folder, or NULL: none */
    gn_textcache **disk;   /* per locale, opened when first needed */
    bool *whole;           /* per locale: the search asks for all its pages */
    gn_query q;
    bool have_query;
    gn_found *found;
    size_t nfound, cap_found;
    char **refused;        /* messages of the pages not read, for the caller */
    size_t nrefused;
    gn_strmap refused_at;  /* the files refused once: not said again */
};

gn_finder *gn_finder_new(gn_localeset *set)
{
    gn_finder *f = gn_xcalloc(1, sizeof *f);
    f->set = set;
    f->held_limit = FINDER_CACHE_BYTES;
    return f;
}

void gn_finder_set_cache_limit(gn_finder *f, size_t bytes)
{
    f->held_limit = bytes;
}

void gn_finder_use_disk(gn_finder *f, const char *dir)
{
    free(f->disk_dir);
    f->disk_dir = dir ? gn_xstrdup(dir) : NULL;
}

int gn_finder_save(gn_finder *f, gn_error *err)
{
    int rc = 0;
    for (size_t l = 0; f->disk && l < f->set->n; l++) {
        gn_error e;
        if (f->disk[l] && gn_textcache_save(f->disk[l], &e) != 0 && rc == 0)
            rc = gn_fail(err, "%s", e.msg);
    }
    return rc;
}

/* The text cache of locale loc, opened the first time; NULL when the
 * finder keeps none. */
static gn_textcache *disk_of(gn_finder *f, size_t loc)
{
    if (!f->disk_dir)
        return NULL;
    if (!f->disk)
        f->disk = gn_xcalloc(f->set->n ? f->set->n : 1, sizeof *f->disk);
    if (!f->disk[loc])
        f->disk[loc] = gn_textcache_open(f->disk_dir, f->set->v[loc].root, f->set->v[loc].tag);
    return f->disk[loc];
}

void gn_finder_forget_results(gn_finder *f)
{
    for (size_t i = 0; i < f->nfound; i++) {
        free(f->found[i].guide);
        free(f->found[i].page);
        free(f->found[i].rel);
        free(f->found[i].excerpt);
    }
    f->nfound = 0;
}

static void drop_search(gn_finder *f)
{
    for (size_t i = 0; i < f->ntasks; i++) {
        free(f->tasks[i].guide);
        free(f->tasks[i].page);
    }
    free(f->tasks);
    f->tasks = NULL;
    f->ntasks = f->next = 0;
    gn_finder_forget_results(f);
    if (f->have_query)
        gn_query_free(&f->q);
    f->have_query = false;
}

void gn_finder_free(gn_finder *f)
{
    if (!f)
        return;
    drop_search(f);
    free(f->found);
    for (size_t i = 0; i < f->ncache; i++) {
        free(f->cache[i].path);
        free(f->cache[i].title);
        gn_buf_free(&f->cache[i].ptext);
        free(f->cache[i].pars);
    }
    free(f->cache);
    gn_strmap_free(&f->cached_at);
    for (size_t l = 0; f->disk && l < f->set->n; l++)
        gn_textcache_free(f->disk[l]);
    free(f->disk);
    free(f->disk_dir);
    free(f->whole);
    for (size_t i = 0; i < f->ntargets; i++) {
        free(f->targets[i].file);
        free(f->targets[i].rel);
    }
    free(f->targets);
    gn_strmap_free(&f->target_at);
    for (size_t i = 0; i < f->nrefused; i++)
        free(f->refused[i]);
    free(f->refused);
    gn_strmap_free(&f->refused_at);
    free(f);
}

static void add_task(gn_finder *f, size_t *cap, size_t loc, const char *guide, const char *page)
{
    if (f->ntasks == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        f->tasks = gn_xreallocarray(f->tasks, *cap, sizeof *f->tasks);
    }
    size_t n = strcspn(page, "#?");
    f->tasks[f->ntasks++] = (task){loc, gn_xstrdup(guide), gn_xstrndup(page, n)};
}

/* The pages of one guide, in TOC order, each once; false when its TOC
 * cannot be read. */
static bool add_guide(gn_finder *f, size_t *cap, size_t loc, gn_guide *g)
{
    gn_error err;
    const gn_toc *toc = gn_guide_toc(g, &err);
    gn_strmap seen = GN_STRMAP_INIT;
    for (size_t i = 0; toc && i < toc->n; i++) {
        const gn_toc_entry *e = &toc->entries[i];
        if (e->kind != GN_TOC_PAGE)
            continue;
        char *page = gn_xstrndup(e->target, strcspn(e->target, "#?"));
        if (!gn_strmap_get(&seen, page, NULL)) {
            gn_strmap_put(&seen, page, 0);
            add_task(f, cap, loc, g->id, page);
        }
        free(page);
    }
    gn_strmap_free(&seen);
    return toc != NULL;
}

bool gn_finder_start(gn_finder *f, const char *query, gn_scope scope, size_t loc,
                     const char *guide_id)
{
    drop_search(f);
    if (!gn_query_init(&f->q, query))
        return false;
    f->have_query = true;
    if (!f->whole)
        f->whole = gn_xcalloc(f->set->n ? f->set->n : 1, sizeof *f->whole);
    size_t cap = 0;
    for (size_t l = 0; l < f->set->n; l++) {
        f->whole[l] = scope.all_guides && (scope.all_locales || l == loc);
        if (!scope.all_locales && l != loc)
            continue;
        gn_source *src = &f->set->v[l];
        if (scope.all_guides)
            gn_source_adopt_repo(src);
        for (size_t g = 0; g < src->nguides; g++) {
            gn_guide *guide = &src->guides[g];
            if (!scope.all_guides && guide != gn_source_guide(src, guide_id ? guide_id : ""))
                continue;
            if (!add_guide(f, &cap, l, guide))
                f->whole[l] = false;
        }
    }
    return true;
}

/* The search has asked for every page it lists: the text cache of each
 * locale it covered whole can forget the pages no longer listed. */
static void prune_disk(gn_finder *f)
{
    for (size_t l = 0; f->disk && l < f->set->n; l++) {
        if (f->whole[l] && f->disk[l])
            gn_textcache_prune(f->disk[l]);
        f->whole[l] = false;
    }
}

/* Give c the text t (taken: t is left empty); its title is set the first
 * time only (results point to it). */
static void take_text(cached *c, gn_pagetext *t)
{
    c->ptext = t->ptext;
    c->pars = t->pars;
    c->npars = t->npars;
    if (!c->title) {
        c->title = t->title;
        t->title = NULL;
    }
    free(t->title);
    memset(t, 0, sizeof *t);
    c->ok = c->held = true;
}

/* Read the page of c (c->path, a page of src) for searching: from the
 * text cache when it has the page as it is now, else read and laid out
 * (and recorded in the cache unless its text depends on other files).
 * Neither is done when src's confinement check refuses the file. */
static void read_page(cached *c, const gn_source *src, gn_textcache *disk)
{
    c->ok = false;
    struct stat st;
    if (gn_source_check_read(src, c->path, NULL) != 0 || stat(c->path, &st) != 0)
        return;
    gn_pagetext t;
    if (disk && gn_textcache_get(disk, c->path, &st, &t)) {
        take_text(c, &t);
        return;
    }
    gn_page page;
    memset(&page, 0, sizeof page);
    gn_error err;
    if (gn_page_load_within(c->path, src->real_repo, &page, &err) == 0) {
        gn_layout_opts o = {.width = SEARCH_WIDTH, .lang = src->tag, .path = c->path,
                            .repo = src->repo, .line_offset = page.body_line - 1,
                            .pars_only = true};
        gn_doc doc;
        gn_layout(page.doc, &o, &doc);
        if (gn_interrupted()) { /* a part of the page: neither searched nor kept */
            gn_doc_free(&doc);
            gn_page_free(&page);
            return;
        }
        t = (gn_pagetext){.title = gn_page_title(&page), .ptext = doc.ptext,
                          .pars = doc.pars, .npars = doc.npars};
        if (disk && !doc.read_snippets)
            gn_textcache_put(disk, c->path, &st, &t);
        doc.ptext = (gn_buf)GN_BUF_INIT;
        doc.pars = NULL;
        gn_doc_free(&doc);
        take_text(c, &t);
    }
    gn_page_free(&page);
}

/* The page at path, read and laid out once, or again when its paragraphs
 * were not kept; *fresh tells whether it was read now. */
static cached *page_at(gn_finder *f, const char *path, size_t loc, bool *fresh)
{
    size_t at;
    *fresh = false;
    if (gn_strmap_get(&f->cached_at, path, &at)) {
        cached *c = &f->cache[at];
        if (c->ok && !c->held) {
            read_page(c, &f->set->v[loc], disk_of(f, loc));
            *fresh = true;
        }
        return c;
    }
    gn_strmap_put(&f->cached_at, path, f->ncache);
    if (f->ncache == f->cap_cache) {
        f->cap_cache = f->cap_cache ? f->cap_cache * 2 : 64;
        f->cache = gn_xreallocarray(f->cache, f->cap_cache, sizeof *f->cache);
    }
    cached *c = &f->cache[f->ncache++];
    memset(c, 0, sizeof *c);
    c->path = gn_xstrdup(path);
    read_page(c, &f->set->v[loc], disk_of(f, loc));
    *fresh = true;
    return c;
}

/* Keep the paragraphs of c, just read, if the cache has room for them,
 * else let them go. */
static void hold_or_drop(gn_finder *f, cached *c)
{
    size_t bytes = c->ptext.len + c->npars * sizeof *c->pars;
    if (f->held_bytes + bytes <= f->held_limit) {
        f->held_bytes += bytes;
        return;
    }
    gn_buf_free(&c->ptext);
    free(c->pars);
    c->pars = NULL;
    c->npars = 0;
    c->held = false;
}

static void add_found(gn_finder *f, const task *t, const char *rel, const cached *c,
                      const gn_par *par, size_t pi, size_t nth, const gn_match *m)
{
    if (f->nfound == f->cap_found) {
        f->cap_found = f->cap_found ? f->cap_found * 2 : 64;
        f->found = gn_xreallocarray(f->found, f->cap_found, sizeof *f->found);
    }
    gn_found *r = &f->found[f->nfound++];
    memset(r, 0, sizeof *r);
    r->loc = t->loc;
    r->guide = gn_xstrdup(t->guide);
    r->page = gn_xstrdup(t->page);
    r->rel = gn_xstrdup(rel);
    r->title = c->title;
    r->src_line = par->src_line;
    r->par = pi;
    r->nth = nth;
    r->excerpt = gn_excerpt(c->ptext.data + par->off, par->len, m, EXCERPT_COLS,
                            &r->moff, &r->mlen);
}

/* Add the matches of the query in page c (rel: its path from the
 * repository root), paragraph by paragraph, once the page's whole text
 * (its paragraphs each followed by '\n') is found to hold one: most pages
 * do not, and are folded once. */
static void search_page(gn_finder *f, const task *t, const char *rel, const cached *c)
{
    if (!gn_search_any(&f->q, c->ptext.data, c->ptext.len))
        return;
    for (size_t pi = 0; pi < c->npars; pi++) {
        const gn_par *par = &c->pars[pi];
        gn_match *m;
        size_t n = gn_search(&f->q, c->ptext.data + par->off, par->len, &m);
        for (size_t k = 0; k < n; k++)
            add_found(f, t, rel, c, par, pi, k, &m[k]);
        free(m);
    }
}

/* Note that the file at path, outside the guide, was not read: once per
 * file. */
static void refuse(gn_finder *f, const char *path)
{
    if (!path || gn_strmap_get(&f->refused_at, path, NULL))
        return;
    gn_strmap_put(&f->refused_at, path, 0);
    f->refused = gn_xreallocarray(f->refused, f->nrefused + 1, sizeof *f->refused);
    f->refused[f->nrefused++] = gn_xasprintf("%s: " GN_OUTSIDE_MSG, path);
}

char **gn_finder_take_refused(gn_finder *f, size_t *n)
{
    char **v = f->refused;
    *n = f->nrefused;
    f->refused = NULL;
    f->nrefused = 0;
    return v;
}

/* What the page of task t names, resolved once per finder; NULL when its
 * guide is gone. */
static const resolved *target_of(gn_finder *f, const task *t)
{
    char *key = gn_xasprintf("%zu\t%s\t%s", t->loc, t->guide, t->page);
    size_t at;
    if (!gn_strmap_get(&f->target_at, key, &at)) {
        gn_source *src = &f->set->v[t->loc];
        gn_guide *g = gn_source_guide(src, t->guide);
        if (!g) {
            free(key);
            return NULL;
        }
        gn_target page;
        gn_resolve_in_guide(src, g, t->page, &page);
        at = f->ntargets++;
        f->targets = gn_xreallocarray(f->targets, f->ntargets, sizeof *f->targets);
        f->targets[at] = (resolved){page.kind, page.file, page.rel};
        page.file = page.rel = NULL;
        gn_target_free(&page);
        gn_strmap_put(&f->target_at, key, at);
    }
    free(key);
    return &f->targets[at];
}

bool gn_finder_step(gn_finder *f, size_t budget)
{
    for (; f->have_query && f->next < f->ntasks && budget > 0 && !gn_interrupted(); budget--) {
        const task *t = &f->tasks[f->next++];
        const resolved *page = target_of(f, t);
        if (page && page->kind == GN_TARGET_OUTSIDE)
            refuse(f, page->file);
        if (page && page->kind == GN_TARGET_PAGE) {
            bool fresh;
            cached *c = page_at(f, page->file, t->loc, &fresh);
            if (c->ok)
                search_page(f, t, page->rel, c);
            if (fresh)
                hold_or_drop(f, c);
        }
    }
    if (f->have_query && f->next >= f->ntasks)
        prune_disk(f);
    return !f->have_query || f->next >= f->ntasks;
}

const gn_found *gn_finder_results(const gn_finder *f, size_t *n)
{
    *n = f->nfound;
    return f->found;
}

void gn_finder_progress(const gn_finder *f, size_t *done, size_t *total)
{
    *done = f->next;
    *total = f->ntasks;
}
