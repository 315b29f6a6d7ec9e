/* tree.c: the TOC tree of a locale source (see tree.h). */
#include <stdlib.h>
#include <string.h>
#include "guidenav/strmap.h"
#include "guidenav/tree.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include <utf8proc.h>

static gn_tree_item *add_item(gn_tree *t, size_t *cap)
{
    if (t->n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        t->items = gn_xreallocarray(t->items, *cap, sizeof *t->items);
    }
    gn_tree_item *it = &t->items[t->n++];
    memset(it, 0, sizeof *it);
    return it;
}

void gn_tree_build(gn_tree *t, gn_source *src, const bool *list)
{
    memset(t, 0, sizeof *t);
    t->src = src;
    size_t cap = 0;
    gn_buf errors = GN_BUF_INIT;
    bool several = src->nguides > 1;
    for (size_t g = 0; g < src->nguides; g++) {
        bool listed = !several || !list || list[g];
        gn_error err;
        const gn_toc *toc = listed ? gn_guide_toc(&src->guides[g], &err) : NULL;
        if (listed && !toc)
            gn_buf_addf(&errors, "%s\n", err.msg);
        if (several) {
            gn_tree_item *it = add_item(t, &cap);
            it->guide = g;
            it->entry = -1;
            it->unlisted = !listed;
            it->has_children = !listed || (toc && toc->n > 0);
            it->expanded = listed && g == 0;
        }
        for (size_t i = 0; toc && i < toc->n; i++) {
            const gn_toc_entry *e = &toc->entries[i];
            gn_tree_item *it = add_item(t, &cap);
            it->guide = g;
            it->entry = (long)i;
            it->depth = e->depth + (several ? 1 : 0);
            it->has_children = i + 1 < toc->n && toc->entries[i + 1].depth > e->depth;
        }
    }
    t->errors = errors.len ? gn_buf_take(&errors) : NULL;
    gn_buf_free(&errors);
    gn_tree_refresh(t);
}

void gn_tree_free(gn_tree *t)
{
    free(t->keep);
    free(t->items);
    free(t->rows);
    free(t->errors);
    memset(t, 0, sizeof *t);
}

void gn_tree_refresh(gn_tree *t)
{
    t->rows = gn_xreallocarray(t->rows, t->n ? t->n : 1, sizeof *t->rows);
    t->nrows = 0;
    if (t->filtering) {
        for (size_t i = 0; i < t->n; i++)
            if (t->keep[i])
                t->rows[t->nrows++] = i;
        return;
    }
    int hide_below = -1; /* items deeper than this are inside a collapsed one */
    for (size_t i = 0; i < t->n; i++) {
        const gn_tree_item *it = &t->items[i];
        if (hide_below >= 0 && it->depth > hide_below)
            continue;
        hide_below = -1;
        t->rows[t->nrows++] = i;
        if (it->has_children && !it->expanded)
            hide_below = it->depth;
    }
}

void gn_tree_set_expanded(gn_tree *t, size_t item, bool on)
{
    if (item < t->n && t->items[item].has_children) {
        t->items[item].expanded = on;
        gn_tree_refresh(t);
    }
}

size_t gn_tree_parent(const gn_tree *t, size_t item)
{
    if (item >= t->n)
        return GN_NONE;
    int depth = t->items[item].depth;
    for (size_t i = item; i-- > 0;)
        if (t->items[i].depth < depth)
            return i;
    return GN_NONE;
}

void gn_tree_reveal(gn_tree *t, size_t item)
{
    for (size_t p = gn_tree_parent(t, item); p != GN_NONE; p = gn_tree_parent(t, p))
        t->items[p].expanded = true;
    gn_tree_refresh(t);
}

size_t gn_tree_row_of(const gn_tree *t, size_t item)
{
    size_t lo = 0, hi = t->nrows; /* rows are in item order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->rows[mid] < item)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nrows && t->rows[lo] == item ? lo : GN_NONE;
}

const gn_toc_entry *gn_tree_entry(const gn_tree *t, size_t item)
{
    const gn_tree_item *it = &t->items[item];
    if (it->entry < 0)
        return NULL;
    return &t->src->guides[it->guide].toc->entries[it->entry];
}

bool gn_tree_missing(const gn_tree *t, size_t item)
{
    const gn_tree_item *it = &t->items[item];
    return it->entry >= 0 && gn_guide_entry_missing(t->src, &t->src->guides[it->guide], (size_t)it->entry);
}

const char *gn_tree_title(const gn_tree *t, size_t item)
{
    const gn_toc_entry *e = gn_tree_entry(t, item);
    if (e)
        return e->title;
    return gn_guide_title(&t->src->guides[t->items[item].guide]);
}

/* Put item's key (gn_tree_key) in b, emptied first. */
static void key_into(gn_buf *b, const gn_tree *t, size_t item)
{
    const gn_tree_item *it = &t->items[item];
    const gn_toc_entry *e = gn_tree_entry(t, item);
    gn_buf_reset(b);
    gn_buf_adds(b, t->src->guides[it->guide].id);
    gn_buf_addc(b, '|');
    if (e && e->target)
        gn_buf_adds(b, e->target);
    else if (e && e->anchor)
        gn_buf_addf(b, "#%s", e->anchor);
    else if (e)
        gn_buf_addf(b, "@%ld", it->entry);
}

char *gn_tree_key(const gn_tree *t, size_t item)
{
    gn_buf b = GN_BUF_INIT;
    key_into(&b, t, item);
    return gn_buf_take(&b);
}

void gn_tree_find_keys(const gn_tree *t, char *const *keys, size_t n, size_t *items)
{
    gn_strmap wanted = GN_STRMAP_INIT;
    size_t left = 0;
    for (size_t k = 0; k < n; k++) {
        items[k] = GN_NONE;
        if (!gn_strmap_get(&wanted, keys[k], NULL)) {
            gn_strmap_put(&wanted, keys[k], k);
            left++;
        }
    }
    gn_buf b = GN_BUF_INIT;
    for (size_t i = 0; left && i < t->n; i++) {
        key_into(&b, t, i);
        size_t k;
        if (gn_strmap_get(&wanted, b.data, &k) && items[k] == GN_NONE) {
            items[k] = i;
            left--;
        }
    }
    for (size_t k = 0; k < n; k++) { /* a key given twice: as the first */
        size_t first;
        gn_strmap_get(&wanted, keys[k], &first);
        items[k] = items[first];
    }
    gn_buf_free(&b);
    gn_strmap_free(&wanted);
}

size_t gn_tree_find_page(const gn_tree *t, size_t guide, const char *page)
{
    if (guide >= t->src->nguides || !t->src->guides[guide].toc)
        return GN_NONE;
    long e = gn_toc_find_page(t->src->guides[guide].toc, page);
    return e < 0 ? GN_NONE : gn_tree_item_of(t, guide, e);
}

size_t gn_tree_item_of(const gn_tree *t, size_t guide, long entry)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].guide == guide && t->items[i].entry == entry)
            return i;
    return GN_NONE;
}

/* s lower-cased code point by code point (simple folding), newly
 * allocated: enough to compare titles as a reader types them. */
static char *fold(const char *s)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += gn_utf8_decode(s + i, len - i, &cp);
        gn_utf8_encode(&b, utf8proc_tolower(cp));
    }
    return gn_buf_take(&b);
}

/* How well q (folded) matches s (folded): a substring scores above any
 * fuzzy match, earlier better; a fuzzy match (q's characters in order)
 * scores better the fewer characters lie between them; -1: no match. */
static long match_score(const char *s, const char *q)
{
    const char *hit = strstr(s, q);
    if (hit)
        return 1000000 - (long)(hit - s);
    size_t i = 0, qlen = strlen(q), slen = strlen(s);
    long gaps = 0, last = -1;
    for (size_t k = 0; k < qlen;) {
        int32_t qc, sc = 0;
        size_t qn = gn_utf8_decode(q + k, qlen - k, &qc);
        while (i < slen) {
            size_t sn = gn_utf8_decode(s + i, slen - i, &sc);
            i += sn;
            if (sc == qc)
                break;
        }
        if (sc != qc)
            return -1;
        if (last >= 0)
            gaps += (long)i - last - (long)qn;
        last = (long)i;
        k += qn;
    }
    return 100000 - gaps;
}

size_t gn_tree_filter(gn_tree *t, const char *query)
{
    if (!query || !*query) {
        t->filtering = false;
        gn_tree_refresh(t);
        return GN_NONE;
    }
    t->keep = gn_xreallocarray(t->keep, t->n ? t->n : 1, sizeof *t->keep);
    memset(t->keep, 0, (t->n ? t->n : 1) * sizeof *t->keep);
    char *q = fold(query);
    size_t best = GN_NONE;
    long best_score = -1;
    for (size_t i = 0; i < t->n; i++) {
        const gn_toc_entry *e = gn_tree_entry(t, i);
        char *title = fold(gn_tree_title(t, i));
        long score = match_score(title, q);
        free(title);
        if (e && e->target) {
            char *file = fold(gn_path_basename(e->target));
            long fs = match_score(file, q);
            free(file);
            if (fs > score)
                score = fs - 1; /* a title match wins a tie */
        }
        if (score < 0)
            continue;
        if (score > best_score) {
            best_score = score;
            best = i;
        }
        /* The match and its ancestors stay visible. */
        for (size_t p = i; p != GN_NONE && !t->keep[p]; p = gn_tree_parent(t, p))
            t->keep[p] = true;
    }
    free(q);
    t->filtering = true;
    gn_tree_refresh(t);
    return best;
}
