/* session_tree.c: the tree of the current locale's guides: which guides
 * it lists, the selected entry, the filter (see session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/strmap.h"
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
 * expanded groups and the cursor by their keys. */
void sess_rebuild_tree(gn_session *s, size_t want)
{
    gn_tree old = s->tree;
    gn_source *src = gn_session_source(s);
    bool *list = gn_xcalloc(src->nguides ? src->nguides : 1, sizeof *list);
    for (size_t g = 0; g < src->nguides; g++) {
        const char *id = src->guides[g].id;
        list[g] = want == ALL_GUIDES || g == want || (old.n == 0 && g == 0) ||
                  (s->guide && strcmp(id, s->guide) == 0) || tree_lists(&old, id);
    }
    char *cursor_key = old.nrows && s->cursor < old.nrows ? gn_tree_key(&old, old.rows[s->cursor]) : NULL;
    gn_tree_build(&s->tree, src, list);
    free(list);
    gn_strmap keys;
    gn_tree_key_map(&s->tree, &keys);
    for (size_t i = 0; i < old.n; i++) {
        if (!old.items[i].expanded)
            continue;
        char *key = gn_tree_key(&old, i);
        size_t j;
        if (gn_strmap_get(&keys, key, &j) && !s->tree.items[j].unlisted)
            s->tree.items[j].expanded = true;
        free(key);
    }
    gn_tree_refresh(&s->tree);
    s->cursor = 0;
    size_t item;
    if (cursor_key && gn_strmap_get(&keys, cursor_key, &item)) {
        gn_tree_reveal(&s->tree, item);
        size_t row = gn_tree_row_of(&s->tree, item);
        s->cursor = row != GN_NONE ? row : 0;
    }
    gn_strmap_free(&keys);
    free(cursor_key);
    gn_tree_free(&old);
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
    char *id = gn_xstrdup(t->src->guides[it->guide].id);
    char *target = gn_xstrdup(e->target);
    gn_session_open(s, id, target);
    free(target);
    free(id);
    return true;
}
