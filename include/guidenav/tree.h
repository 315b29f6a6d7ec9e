/* tree.h: the table-of-contents tree of one locale source, as a view shows
 * it: guides (when the source holds several) and their TOC entries, each
 * expandable, flattened into the rows currently visible. */
#ifndef GUIDENAV_TREE_H
#define GUIDENAV_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/source.h"

#define GN_NONE ((size_t)-1)

typedef struct gn_tree_item {
    size_t guide;      /* index in src->guides */
    long entry;        /* index in the guide's TOC entries; -1: the guide */
    int depth;
    bool has_children;
    bool expanded;
    bool unlisted;     /* a guide whose entries were left out (see
                        * gn_tree_build): collapsed, with children */
} gn_tree_item;

typedef struct gn_tree {
    gn_source *src;
    gn_tree_item *items;
    size_t n;
    size_t *rows;      /* indices of visible items */
    size_t nrows;
    char *errors;      /* TOCs that failed to load, one message a line */
    bool filtering;    /* rows show the filter's matches and their ancestors */
    bool *keep;        /* per item, while filtering */
} gn_tree;

/* Build the tree of src. With several guides, the guides are the top
 * level, and only those that list[g] names (every one when list is NULL)
 * have their TOC read and their entries listed: the others are unlisted
 * items, titled from their TOC's front matter, until a build that lists
 * them (reading every TOC of a large set would slow the start and each
 * change of locale). A TOC that fails to load leaves its guide empty and
 * its message in t->errors. Groups start collapsed, but the first guide
 * when listed. */
void gn_tree_build(gn_tree *t, gn_source *src, const bool *list);
void gn_tree_free(gn_tree *t);

/* Recompute the visible rows after expansion changes. */
void gn_tree_refresh(gn_tree *t);
void gn_tree_set_expanded(gn_tree *t, size_t item, bool on);
/* Expand every ancestor of item so it is visible. */
void gn_tree_reveal(gn_tree *t, size_t item);
/* The parent item, or GN_NONE. */
size_t gn_tree_parent(const gn_tree *t, size_t item);
/* The visible row of item, or GN_NONE. */
size_t gn_tree_row_of(const gn_tree *t, size_t item);

/* Filter the rows: the items whose title or file name matches query, case
 * folded (a substring, or else the query's characters in order: fuzzy),
 * with their ancestors. Returns the best match (substrings before fuzzy
 * matches, earlier and tighter first) or GN_NONE. NULL or "" ends the
 * filter and shows the tree as it was expanded. */
size_t gn_tree_filter(gn_tree *t, const char *query);

/* The item is a page entry whose target names no page: no file, or one
 * outside (gn_guide_entry_missing: looked at once, when first asked). */
bool gn_tree_missing(const gn_tree *t, size_t item);
/* The item's entry (NULL for a guide item) and title. */
const gn_toc_entry *gn_tree_entry(const gn_tree *t, size_t item);
const char *gn_tree_title(const gn_tree *t, size_t item);

/* A key naming the item across locales: its guide id and its target, or
 * "#anchor", or its position. Newly allocated. */
char *gn_tree_key(const gn_tree *t, size_t item);
/* For each of the n keys, the first item that has it in items[k] (GN_NONE
 * when none): items found again across locales and rebuilds, with no
 * string made for the items looked at. */
void gn_tree_find_keys(const gn_tree *t, char *const *keys, size_t n, size_t *items);
/* The page item of guide (index) whose target names page, or GN_NONE. */
size_t gn_tree_find_page(const gn_tree *t, size_t guide, const char *page);
/* The item of entry (an index in the TOC's entries) of guide (an index in
 * t->src->guides), or GN_NONE when the tree does not list it. */
size_t gn_tree_item_of(const gn_tree *t, size_t guide, long entry);

#endif
