/* finder.c: searching many pages in steps (see finder.h).
 *
 * A step takes the next pages in scope. On the caller's thread, each is
 * resolved, checked for confinement and looked up in the pages kept and
 * in the text cache (neither is shared with other threads). Then the
 * pages are read and searched on several threads (gn_interruptible_each):
 * a page to read is first filtered from its raw text (prefilter.h) when
 * there is no text cache to fill, then parsed in its thread's arena and
 * laid out for its paragraphs only; each
 * page's matches are made there, excerpts included. Back on the caller's
 * thread, the pages read are recorded in the text cache and kept, and the
 * matches are added in scope order, as if the pages had been searched
 * one after the other. What the threads read is the step's own (copies),
 * so a step given up on a stop can be left to end on its own. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "guidenav/arena.h"
#include "guidenav/finder.h"
#include "guidenav/interrupt.h"
#include "guidenav/page.h"
#include "guidenav/prefilter.h"
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
    char *title;   /* set once: results point to it */
    gn_pagetext t; /* gn_doc's ptext and pars, and ptext folded (its title
                    * moves to title) */
    bool ok;       /* read and laid out */
    bool held;     /* its paragraphs are kept (see FINDER_CACHE_BYTES) */
    bool unread;   /* not read: the last query needing it could not match
                    * its raw text (read again when one may) */
    long job;      /* its job in the step being made, or -1 */
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
    char *key;  /* "locale\tguide\tpage": its target in target_at */
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
        free(f->tasks[i].key);
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
        gn_pagetext_free(&f->cache[i].t);
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
    char num[24];
    snprintf(num, sizeof num, "%zu\t", loc);
    gn_buf key = GN_BUF_INIT;
    gn_buf_adds(&key, num);
    gn_buf_adds(&key, guide);
    gn_buf_addc(&key, '\t');
    gn_buf_add(&key, page, n);
    f->tasks[f->ntasks++] = (task){loc, gn_xstrdup(guide), gn_xstrndup(page, n), gn_buf_take(&key)};
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
    if (!c->title) {
        c->title = t->title;
        t->title = NULL;
    }
    free(t->title);
    t->title = NULL;
    c->t = *t;
    memset(t, 0, sizeof *t);
    c->ok = c->held = true;
    c->unread = false;
}

/* The page at path, kept for the session (new: not read yet). */
static cached *page_at(gn_finder *f, const char *path)
{
    size_t at;
    if (gn_strmap_get(&f->cached_at, path, &at))
        return &f->cache[at];
    gn_strmap_put(&f->cached_at, path, f->ncache);
    if (f->ncache == f->cap_cache) {
        f->cap_cache = f->cap_cache ? f->cap_cache * 2 : 64;
        f->cache = gn_xreallocarray(f->cache, f->cap_cache, sizeof *f->cache);
    }
    cached *c = &f->cache[f->ncache++];
    memset(c, 0, sizeof *c);
    c->path = gn_xstrdup(path);
    c->unread = true;
    c->job = -1;
    return c;
}

/* Keep the paragraphs of c, just read, if the cache has room for them,
 * else let them go. */
static void hold_or_drop(gn_finder *f, cached *c)
{
    size_t bytes = c->t.ptext.len + c->t.folded.len + c->t.npars * sizeof *c->t.pars;
    if (f->held_bytes + bytes <= f->held_limit) {
        f->held_bytes += bytes;
        return;
    }
    gn_pagetext_free(&c->t);
    c->held = false;
}

/* ---- a step's pages, on several threads ------------------------------------ */

/* A match found by a worker, for gn_found. */
typedef struct hit {
    int src_line;
    size_t par, nth;
    char *excerpt;
    size_t moff, mlen;
} hit;

/* How a page of a step came out. */
typedef enum job_state {
    JOB_GIVEN,    /* its text was given (kept, or from the text cache) */
    JOB_READ,     /* read and laid out now */
    JOB_SKIPPED,  /* its raw text cannot hold the query: not read */
    JOB_FAILED,   /* it could not be read */
    JOB_STOPPED   /* a stop came while it was read: nothing of it kept */
} job_state;

/* A page of a step: what the workers read and write. */
typedef struct job {
    size_t cache;      /* its index in f->cache (used by the caller only) */
    size_t loc;        /* its locale: the step's locs */
    char *path;
    bool read;         /* read the file, else search the text given */
    bool fetched;      /* body holds its entry of the text cache, to decode */
    bool damaged;      /* that entry could not be decoded */
    bool check;        /* the text given is from the text cache: check it */
    gn_buf body;
    uint64_t sum;
    bool fresh;        /* not among the pages kept before */
    struct stat st;    /* the file's, when read */
    gn_pagetext t;     /* in: the text given; out: the text read */
    job_state state;
    bool snippets;     /* its text depends on other files */
    hit *hits;
    size_t nhits;
} job;

/* What the pages of a locale are read with. */
typedef struct step_locale {
    char *lang, *repo, *real_repo;
    gn_prefilter *pre; /* made when a page of it is to be read without a
                        * text cache; NULL: every page is read */
} step_locale;

/* A step: it owns everything its workers read. */
typedef struct step {
    job *jobs;
    size_t njobs, cap_jobs;
    step_locale *locs;
    size_t nlocs;
    gn_query q;
    gn_arena **arenas; /* per worker, made by the worker */
} step;

/* Let the matches of j go. */
static void drop_hits(job *j)
{
    for (size_t k = 0; k < j->nhits; k++)
        free(j->hits[k].excerpt);
    free(j->hits);
    j->hits = NULL;
    j->nhits = 0;
}

static void step_free(void *arg)
{
    step *s = arg;
    for (size_t i = 0; i < s->njobs; i++) {
        job *j = &s->jobs[i];
        free(j->path);
        gn_buf_free(&j->body);
        gn_pagetext_free(&j->t);
        drop_hits(j);
    }
    free(s->jobs);
    for (size_t l = 0; l < s->nlocs; l++) {
        free(s->locs[l].lang);
        free(s->locs[l].repo);
        free(s->locs[l].real_repo);
        gn_prefilter_free(s->locs[l].pre);
    }
    free(s->locs);
    gn_query_free(&s->q);
    for (size_t w = 0; w < gn_workers(); w++)
        gn_arena_free(s->arenas[w]);
    free(s->arenas);
    free(s);
}

/* Read the page of j (a worker's): its raw text, filtered, then parsed in
 * the worker's arena and laid out for its paragraphs. */
static void read_job(step *s, job *j, gn_arena *arena)
{
    const step_locale *l = &s->locs[j->loc];
    char *text;
    size_t len;
    gn_error err;
    j->state = JOB_FAILED;
    if (gn_read_file_within(j->path, l->real_repo, &text, &len, &err) != 0)
        return;
    if (l->pre && !gn_prefilter_may_match(l->pre, text, len)) {
        free(text);
        j->state = JOB_SKIPPED;
        return;
    }
    gn_arena_use(arena);
    gn_page page;
    if (gn_page_parse(j->path, text, len, &page, &err) == 0) {
        gn_layout_opts o = {.width = SEARCH_WIDTH, .lang = l->lang, .path = j->path,
                            .repo = l->repo, .line_offset = page.body_line - 1,
                            .pars_only = true};
        gn_doc doc;
        gn_layout(page.doc, &o, &doc);
        j->t = (gn_pagetext){.title = gn_page_title(&page), .ptext = doc.ptext,
                             .pars = doc.pars, .npars = doc.npars};
        j->snippets = doc.read_snippets;
        doc.ptext = (gn_buf)GN_BUF_INIT;
        doc.pars = NULL;
        gn_doc_free(&doc);
        gn_pagetext_fold(&j->t);
        /* A part of the page: neither searched nor kept. */
        j->state = gn_interrupted() ? JOB_STOPPED : JOB_READ;
    }
    page.doc = NULL; /* its nodes are the arena's: the reset gives them back */
    gn_page_free(&page);
    gn_arena_use(NULL);
    gn_arena_reset(arena);
    free(text);
}

/* Add to j the matches of the query in its paragraph pi. */
static void search_par(step *s, job *j, size_t pi, size_t *cap)
{
    const gn_pagetext *t = &j->t;
    const gn_par *par = &t->pars[pi];
    gn_match *m;
    size_t n = gn_search(&s->q, t->ptext.data + par->off, par->len, &m);
    for (size_t k = 0; k < n; k++) {
        if (j->nhits == *cap) {
            *cap = *cap ? *cap * 2 : 8;
            j->hits = gn_xreallocarray(j->hits, *cap, sizeof *j->hits);
        }
        hit *h = &j->hits[j->nhits++];
        h->src_line = par->src_line;
        h->par = pi;
        h->nth = k;
        h->excerpt = gn_excerpt(t->ptext.data + par->off, par->len, &m[k], EXCERPT_COLS,
                                &h->moff, &h->mlen);
    }
    free(m);
}

/* The matches of the query in the text of j, paragraph by paragraph
 * (gn_search's), found without folding the paragraphs that hold none:
 * the query is looked for in the whole text (folded unless it is exact),
 * and only a paragraph where a find starts is searched, the next find
 * looked for after it. A find across paragraphs ('\n' in the query) starts
 * in one that then holds no match, as it would alone. */
static void search_job(step *s, job *j)
{
    const gn_pagetext *t = &j->t;
    const gn_query *q = &s->q;
    const char *text = q->exact ? t->ptext.data : t->folded.data;
    size_t len = q->exact ? t->ptext.len : t->folded.len, cap = 0, pi = 0;
    if (!text || q->len == 0 || (!q->exact && !t->fpars))
        return;
    /* The start of paragraph i in text. */
#define PAR_AT(i) (q->exact ? t->pars[(i)].off : t->fpars[(i)])
    for (size_t at = 0; at < len && pi < t->npars;) {
        const char *found = memmem(text + at, len - at, q->text, q->len);
        if (!found)
            break;
        size_t f = (size_t)(found - text);
        while (pi + 1 < t->npars && PAR_AT(pi + 1) <= f)
            pi++;
        if (f < PAR_AT(pi)) { /* before the paragraph: none starts there */
            at = PAR_AT(pi);
            continue;
        }
        search_par(s, j, pi, &cap);
        at = pi + 1 < t->npars ? PAR_AT(pi + 1) : len;
        pi++;
    }
#undef PAR_AT
}

/* gn_interruptible_each's work: page i of the step. */
static void do_job(void *arg, size_t i, size_t worker)
{
    step *s = arg;
    job *j = &s->jobs[i];
    if (j->fetched) { /* decoded here, not on the caller's thread */
        j->damaged = !gn_textcache_decode(j->body.data, j->body.len, j->sum, &j->t);
        j->read = j->damaged;
        j->check = !j->damaged;
        gn_buf_free(&j->body);
    }
    if (!j->read) {
        search_job(s, j);
        /* Text from the text cache is shown (in excerpts and titles) only
         * once checked; not as guidenav writes it: the page is read. */
        if (!j->check || !j->nhits || gn_pagetext_check(&j->t))
            return;
        drop_hits(j);
        gn_pagetext_free(&j->t);
    }
    if (!s->arenas[worker])
        s->arenas[worker] = gn_arena_new();
    read_job(s, j, s->arenas[worker]);
    if (j->state == JOB_READ)
        search_job(s, j);
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
 * guide is gone. *fresh (when not NULL) tells whether it was resolved now,
 * its confinement checked by the resolver. */
static const resolved *target_of(gn_finder *f, const task *t, bool *fresh)
{
    size_t at;
    if (fresh)
        *fresh = false;
    if (!gn_strmap_get(&f->target_at, t->key, &at)) {
        if (fresh)
            *fresh = true;
        gn_source *src = &f->set->v[t->loc];
        gn_guide *g = gn_source_guide(src, t->guide);
        if (!g)
            return NULL;
        gn_target page;
        gn_resolve_in_guide(src, g, t->page, &page);
        at = f->ntargets++;
        f->targets = gn_xreallocarray(f->targets, f->ntargets, sizeof *f->targets);
        f->targets[at] = (resolved){page.kind, page.file, page.rel};
        page.file = page.rel = NULL;
        gn_target_free(&page);
        gn_strmap_put(&f->target_at, t->key, at);
    }
    return &f->targets[at];
}

/* The job of page c in step s, added when c is not there yet; -1 when
 * c is not searched (it could not be read before, or is refused now).
 * checked: its confinement was checked just now (by the resolver). */
static long job_of(gn_finder *f, step *s, size_t loc, size_t ci, bool checked)
{
    cached *c = &f->cache[ci];
    if (c->job >= 0)
        return c->job;
    if (!c->ok && !c->unread)
        return -1;
    const gn_source *src = &f->set->v[loc];
    job j = {.cache = ci, .loc = loc, .path = gn_xstrdup(c->path), .state = JOB_GIVEN};
    if (c->ok && c->held) { /* kept: its text goes to the step and back */
        j.t = c->t;
        memset(&c->t, 0, sizeof c->t);
        c->held = false;
    } else {
        j.fresh = true;
        gn_textcache *disk = disk_of(f, loc);
        if ((!checked && gn_source_check_read(src, c->path, NULL) != 0) ||
            stat(c->path, &j.st) != 0) {
            free(j.path);
            c->ok = c->unread = false;
            return -1;
        }
        j.fetched = disk && gn_textcache_fetch(disk, c->path, &j.st, &j.body, &j.sum);
        j.read = !j.fetched;
    }
    /* Pages are filtered only without a text cache: with one, a page read
     * is recorded for every query to come. */
    if (j.read && !f->disk_dir && !s->locs[loc].pre)
        s->locs[loc].pre = gn_prefilter_new(&f->q, src->tag);
    if (s->njobs == s->cap_jobs) {
        s->cap_jobs = s->cap_jobs ? s->cap_jobs * 2 : 64;
        s->jobs = gn_xreallocarray(s->jobs, s->cap_jobs, sizeof *s->jobs);
    }
    s->jobs[s->njobs] = j;
    c->job = (long)s->njobs;
    return (long)s->njobs++;
}

/* A new step over the locales of f's set, with a copy of the query. */
static step *step_new(const gn_finder *f)
{
    step *s = gn_xcalloc(1, sizeof *s);
    s->nlocs = f->set->n;
    s->locs = gn_xcalloc(s->nlocs ? s->nlocs : 1, sizeof *s->locs);
    for (size_t l = 0; l < s->nlocs; l++) {
        const gn_source *src = &f->set->v[l];
        s->locs[l].lang = src->tag ? gn_xstrdup(src->tag) : NULL;
        s->locs[l].repo = src->repo ? gn_xstrdup(src->repo) : NULL;
        s->locs[l].real_repo = src->real_repo ? gn_xstrdup(src->real_repo) : NULL;
    }
    s->q = f->q;
    s->q.text = gn_xstrndup(f->q.text, f->q.len);
    s->q.typed = gn_xstrdup(f->q.typed ? f->q.typed : "");
    s->arenas = gn_xcalloc(gn_workers(), sizeof *s->arenas);
    return s;
}

/* A task of a step: its page's job (-1: none) and file from the
 * repository root (the resolved target's, which outlives the step). */
typedef struct step_task {
    long job;
    const char *rel;
} step_task;

/* The pages of s read and searched: kept, recorded in the text cache,
 * and their matches added for the tasks [from, to), in order. */
static void step_done(gn_finder *f, step *s, const step_task *st, size_t from, size_t to)
{
    for (size_t i = 0; i < s->njobs; i++) {
        job *j = &s->jobs[i];
        cached *c = &f->cache[j->cache];
        switch (j->state) {
        case JOB_READ:
            if (!j->snippets) {
                gn_textcache *disk = disk_of(f, j->loc);
                if (disk)
                    gn_textcache_put(disk, j->path, &j->st, &j->t);
            }
            /* fall through */
        case JOB_GIVEN:
            take_text(c, &j->t);
            if (j->fresh)
                hold_or_drop(f, c);
            break;
        case JOB_SKIPPED:
            c->unread = true;
            break;
        case JOB_FAILED:
            c->ok = c->unread = false;
            if (j->damaged && disk_of(f, j->loc))
                gn_textcache_forget(disk_of(f, j->loc), j->path);
            break;
        case JOB_STOPPED:
            break;
        }
    }
    for (size_t ti = from; ti < to; ti++) {
        if (st[ti - from].job < 0)
            continue;
        const task *t = &f->tasks[ti];
        job *j = &s->jobs[st[ti - from].job];
        for (size_t k = 0; k < j->nhits; k++) {
            hit *h = &j->hits[k];
            if (f->nfound == f->cap_found) {
                f->cap_found = f->cap_found ? f->cap_found * 2 : 64;
                f->found = gn_xreallocarray(f->found, f->cap_found, sizeof *f->found);
            }
            f->found[f->nfound++] = (gn_found){
                .loc = t->loc, .guide = gn_xstrdup(t->guide), .page = gn_xstrdup(t->page),
                .rel = gn_xstrdup(st[ti - from].rel), .title = f->cache[j->cache].title,
                .src_line = h->src_line, .par = h->par, .nth = h->nth,
                .excerpt = h->excerpt, .moff = h->moff, .mlen = h->mlen};
            h->excerpt = NULL;
        }
    }
}

bool gn_finder_step(gn_finder *f, size_t budget)
{
    if (!f->have_query || gn_interrupted())
        return !f->have_query || f->next >= f->ntasks;
    size_t from = f->next, to = from + (budget < f->ntasks - from ? budget : f->ntasks - from);
    step *s = step_new(f);
    step_task *st = gn_xcalloc(to - from ? to - from : 1, sizeof *st);
    for (size_t ti = from; ti < to; ti++) {
        const task *t = &f->tasks[ti];
        bool fresh;
        const resolved *page = target_of(f, t, &fresh);
        st[ti - from] = (step_task){-1, NULL};
        if (page && page->kind == GN_TARGET_OUTSIDE)
            refuse(f, page->file);
        if (page && page->kind == GN_TARGET_PAGE) {
            cached *c = page_at(f, page->file);
            st[ti - from] = (step_task){
                job_of(f, s, t->loc, (size_t)(c - f->cache), fresh), page->rel};
        }
    }
    for (size_t i = 0; i < s->njobs; i++) /* the step is made */
        f->cache[s->jobs[i].cache].job = -1;
    f->next = to;
    gn_markdown_ready(); /* before the threads parse */
    bool whole = gn_interruptible_each(do_job, step_free, s, s->njobs);
    if (whole) {
        step_done(f, s, st, from, to);
        step_free(s);
    }
    free(st);
    if (whole && f->next >= f->ntasks)
        prune_disk(f);
    return f->next >= f->ntasks;
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
