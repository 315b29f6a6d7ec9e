/* session_tree.c: the tree of the current locale's guides: which guides
 * it lists, the selected entry, the filter (see session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "session_priv.h"

/* ---- the tree ------------------------------------------------------------- */

/* Whether tree t lists the entries of the guide with this id. */
static bool tree_lists(const gn_tree *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].entry >= 0 && strcmp(t->src->guides[t->items[i].guide].id, id) == 0)
            return true;
    return false;
}

/* (Re)build the tree of the current locale, listing the entries of the
 * guides listed before (matched by id), of the open page's guide and of
 * guide `want` (ALL_GUIDES: every guide; GN_NONE: none more), and keeping
 * expanded groups and the cursor by their keys, taken before anything is
 * read again: with reread, the listed guides' TOCs changed on disk (and
 * with files, their entries' states) are forgotten first. */
static void rebuild(gn_session *s, size_t want, bool reread, bool files)
{
    gn_tree old = s->tree;
    gn_source *src = gn_session_source(s);
    bool *list = gn_xcalloc(src->nguides ? src->nguides : 1, sizeof *list);
    for (size_t g = 0; g < src->nguides; g++) {
        const char *id = src->guides[g].id;
        list[g] = want == ALL_GUIDES || g == want || (old.n == 0 && g == 0) ||
                  (s->guide && strcmp(id, s->guide) == 0) || tree_lists(&old, id);
    }
    /* The keys of the expanded items, then of the cursor's. */
    size_t n = 0;
    char **keys = gn_xcalloc(old.n + 1, sizeof *keys);
    for (size_t i = 0; i < old.n; i++)
        if (old.items[i].expanded)
            keys[n++] = gn_tree_key(&old, i);
    size_t nopen = n;
    if (old.nrows && s->cursor < old.nrows)
        keys[n++] = gn_tree_key(&old, old.rows[s->cursor]);
    for (size_t g = 0; reread && g < src->nguides; g++)
        if (list[g])
            gn_guide_refresh(&src->guides[g], files);
    gn_tree_build(&s->tree, src, list);
    free(list);
    size_t *items = gn_xcalloc(n + 1, sizeof *items);
    gn_tree_find_keys(&s->tree, keys, n, items);
    for (size_t k = 0; k < nopen; k++)
        if (items[k] != GN_NONE && !s->tree.items[items[k]].unlisted)
            s->tree.items[items[k]].expanded = true;
    gn_tree_refresh(&s->tree);
    s->cursor = 0;
    if (n > nopen && items[nopen] != GN_NONE) {
        gn_tree_reveal(&s->tree, items[nopen]);
        size_t row = gn_tree_row_of(&s->tree, items[nopen]);
        s->cursor = row != GN_NONE ? row : 0;
    }
    for (size_t k = 0; k < n; k++)
        free(keys[k]);
    free(keys);
    free(items);
    gn_tree_free(&old);
}

void sess_rebuild_tree(gn_session *s, size_t want)
{
    rebuild(s, want, false, false);
}

void sess_reread_tree(gn_session *s, bool files)
{
    rebuild(s, GN_NONE, true, files);
}

/* The tree item of guide g (with several guides), or GN_NONE. */
static size_t guide_item(const gn_tree *t, size_t g)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].guide == g && t->items[i].entry < 0)
            return i;
    return GN_NONE;
}

/* Find the open page's entry in the tree, reveal it and select it. */
void sess_select_current(gn_session *s)
{
    gn_tree *t = &s->tree;
    s->current = GN_NONE;
    for (size_t g = 0; g < t->src->nguides && s->guide; g++) {
        if (strcmp(t->src->guides[g].id, s->guide) != 0)
            continue;
        size_t it = guide_item(t, g);
        if (it != GN_NONE && t->items[it].unlisted)
            sess_rebuild_tree(s, g);
        s->current = gn_tree_find_page(t, g, s->page);
        if (s->current == GN_NONE)
            return;
        gn_tree_reveal(t, s->current);
        size_t row = gn_tree_row_of(t, s->current);
        if (row != GN_NONE)
            s->cursor = row;
        return;
    }
}

void gn_session_tree_expand(gn_session *s, size_t item, bool on)
{
    gn_tree *t = &s->tree;
    if (item >= t->n)
        return;
    if (on && t->items[item].unlisted) {
        size_t g = t->items[item].guide;
        sess_rebuild_tree(s, g);
        item = guide_item(t, g);
        if (item == GN_NONE)
            return;
        size_t row = gn_tree_row_of(t, item);
        if (row != GN_NONE)
            s->cursor = row;
    }
    gn_tree_set_expanded(t, item, on);
}

void gn_session_tree_filter(gn_session *s, const char *text)
{
    gn_tree *t = &s->tree;
    if (!text) {
        size_t item = s->cursor < t->nrows ? t->rows[s->cursor] : GN_NONE;
        gn_tree_filter(t, NULL);
        s->cursor = 0;
        if (item != GN_NONE) {
            gn_tree_reveal(t, item);
            size_t row = gn_tree_row_of(t, item);
            s->cursor = row != GN_NONE ? row : 0;
        }
        return;
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].unlisted) { /* the filter looks at every guide */
            sess_rebuild_tree(s, ALL_GUIDES);
            break;
        }
    if (!*text) { /* nothing typed (yet, or any more) */
        if (t->filtering) {
            gn_tree_filter(t, NULL);
            s->cursor = 0;
        }
        return;
    }
    size_t best = gn_tree_filter(t, text);
    size_t row = best != GN_NONE ? gn_tree_row_of(t, best) : GN_NONE;
    s->cursor = row != GN_NONE ? row : 0;
}

bool gn_session_tree_enter(gn_session *s)
{
    gn_tree *t = &s->tree;
    if (s->cursor >= t->nrows)
        return false;
    size_t item = t->rows[s->cursor];
    const gn_tree_item *it = &t->items[item];
    const gn_toc_entry *e = gn_tree_entry(t, item);
    if (!e || e->kind == GN_TOC_GROUP) {
        gn_session_tree_expand(s, item, !it->expanded);
        return false;
    }
    if (e->kind == GN_TOC_EXTERNAL) {
        sess_say(s, "External link: %s", e->target);
        return false;
    }
    sess_open_entry(s, &(sess_step){it->guide, it->entry, e->title});
    return true;
}

/* ---- reading straight through ------------------------------------------- */

/* The index in toc of the entry the open page of guide gi came by: the
 * tree's current item when it is one of that guide's entries (a TOC may
 * name a page twice), else the first entry naming the page; -1 when none
 * does. */
static long current_entry(const gn_session *s, size_t gi, const gn_toc *toc)
{
    const gn_tree *t = &s->tree;
    if (s->current < t->n && t->items[s->current].guide == gi && t->items[s->current].entry >= 0)
        return t->items[s->current].entry;
    return gn_toc_find_page(toc, s->page);
}

bool sess_next_entry(gn_session *s, int dir, sess_step *step)
{
    gn_source *src = gn_session_source(s);
    gn_guide *g = s->page ? sess_guide_in(s, src) : gn_session_guide(s);
    if (!g) {
        sess_say(s, "%s", s->page ? "This page is in no guide's table of contents."
                                  : "No guide to read.");
        return false;
    }
    gn_error err;
    const gn_toc *toc = gn_guide_toc(g, &err);
    if (!toc) {
        sess_say(s, "%s", err.msg);
        return false;
    }
    size_t gi = (size_t)(g - src->guides);
    long from = dir > 0 ? -1 : (long)toc->n;
    if (s->page && (from = current_entry(s, gi, toc)) < 0) {
        sess_say(s, "%s", "This page is not in the guide's table of contents.");
        return false;
    }
    long to = gn_toc_next_page(toc, from, dir);
    if (to < 0) {
        sess_say(s, "%s", dir > 0 ? "This is the last page of the guide."
                                  : "This is the first page of the guide.");
        return false;
    }
    *step = (sess_step){gi, to, toc->entries[to].title};
    return true;
}

void sess_open_entry(gn_session *s, const sess_step *step)
{
    gn_source *src = gn_session_source(s);
    char *id = gn_xstrdup(src->guides[step->guide].id);
    char *target = gn_xstrdup(src->guides[step->guide].toc->entries[step->entry].target);
    gn_session_open(s, id, target);
    free(target);
    free(id);
    gn_tree *t = &s->tree;
    size_t item = gn_tree_item_of(t, step->guide, step->entry);
    if (item == GN_NONE)
        return;
    s->current = item;
    gn_tree_reveal(t, item);
    size_t row = gn_tree_row_of(t, item);
    if (row != GN_NONE)
        s->cursor = row;
}

bool gn_session_next_page(gn_session *s, int dir)
{
    sess_step step;
    if (!sess_next_entry(s, dir, &step))
        return false;
    sess_open_entry(s, &step);
    return true;
}

bool gn_session_start(gn_session *s)
{
    char said[sizeof s->msg];
    gn_session_restore(s); /* a failure is said in msg */
    if (s->page)
        return true;
    snprintf(said, sizeof said, "%s", s->msg);
    if (gn_session_next_page(s, 1) && !said[0])
        sess_say(s, "%s", "Enter opens the selected page, L switches language, H lists every key, q quits.");
    else
        snprintf(s->msg, sizeof s->msg, "%s", said);
    return false;
}
