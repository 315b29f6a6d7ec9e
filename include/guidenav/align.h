/* align.h: two laid-out versions of a page, aligned row by row for the
 * side-by-side view.
 *
 * Headings are paired (k-th with k-th when both pages have the same
 * heading levels; otherwise by anchor, then by level in order), and inside
 * a pair of sections whose top-level blocks are of the same kinds in the
 * same order, block with block; inside two paired blocks that hold as
 * many list items (gn_block: a list, or a quote, alert or collapsible
 * block holding lists), item with item. Each pair starts on the same row;
 * the shorter side is padded. */
#ifndef GUIDENAV_ALIGN_H
#define GUIDENAV_ALIGN_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/layout.h"

/* Two blocks that gn_align_docs starts on one row: indices in l->blocks
 * and r->blocks. */
typedef struct gn_block_pair {
    size_t l, r;
} gn_block_pair;

typedef struct gn_align {
    size_t nrows;
    long *left, *right;  /* per row: a line of that side, or -1 (padding) */
    size_t *chunks;      /* rows where each aligned stretch starts */
    size_t nchunks;
    size_t heading_pairs;    /* headings paired */
    gn_block_pair *pairs;    /* the blocks starting on one row, in order */
    size_t npairs;
    bool structure_differs;  /* the heading levels differ */
} gn_align;

/* Pair the headings of l and r as gn_align_docs does: pair[i], for each
 * of l's nheadings, is the index of r's heading paired with left heading
 * i, or -1; pairs are increasing on both sides. True when the heading
 * levels differ. Equal levels: k-th with k-th. Otherwise by anchor in
 * order, then, between anchored pairs, the longest common subsequence of
 * the levels (Myers' search, up to 1000 differences in a stretch) or,
 * past that, by level in order with a bounded look-ahead. Linear in the
 * headings when the levels are equal; else at most O(n·1000) time and a
 * few MB whatever n. */
bool gn_align_pair_headings(const gn_doc *l, const gn_doc *r, long *pair);

/* The heading of page that anchor `name` names through ref, the same page
 * in the reference locale, for when page itself lacks the anchor (a
 * translated heading that lost its "{#anchor}", its text translated, so
 * neither anchor nor slug matches): ref's heading with that anchor or slug
 * (gn_doc_find_anchor), and the heading of page paired with it
 * (gn_align_pair_headings, ref on the left: k-th with k-th when the levels
 * match). Returns its index in page->headings, or -1. *in_ref (unless
 * NULL) receives the index of ref's heading, or -1 when ref lacks the
 * anchor too; so in_ref >= 0 with -1 returned is a section of ref that no
 * heading of page pairs with. */
long gn_align_find_anchor(const gn_doc *page, const gn_doc *ref, const char *name, long *in_ref);

/* Align l and r. out is overwritten; free it with gn_align_free. Time and
 * memory linear in the lines, blocks and headings of both (the heading
 * pairing aside: gn_align_pair_headings). A stop asked for (interrupt.h)
 * ends both early: out then holds the rows made so far. */
void gn_align_docs(const gn_doc *l, const gn_doc *r, gn_align *out);
void gn_align_free(gn_align *a);

/* The blocks of l and r that gn_align_docs pairs (its pairs: paired
 * headings included), in order on both sides, without the rows (only
 * their headings and blocks are read, not their lines), none spanning lines of the file
 * another spans (gn_block), so a check compares each text once: two lists
 * whose items pair give their items' pairs instead of their own (the
 * items span the list); a quote, alert or collapsible block gives its
 * own, never its items'; two lists whose items differ in number give
 * their own. *out is malloc'd (the caller frees it); returns how many. */
size_t gn_align_block_pairs(const gn_doc *l, const gn_doc *r, gn_block_pair **out);

/* The interleaved form of a: each stretch's left lines, then its right
 * lines, one side a row (the other -1). out is overwritten. */
void gn_align_interleave(const gn_align *a, gn_align *out);

/* The rows of a page beside a notice standing for its counterpart (a
 * page missing in the other locale, gn_layout_message): the notice is
 * side `notice` (0: l, 1: r). Side by side, line k of each on row k, the
 * notice at the top; interleaved, the notice's lines first, a blank row
 * (-1 on both sides), then the page's, so the notice is seen first either
 * way. No heading is paired, and structure_differs is false: a notice has
 * no structure to differ. out is overwritten. */
void gn_align_notice(const gn_doc *l, const gn_doc *r, int notice, bool interleave,
                     gn_align *out);

/* The first row showing line of the left (side 0) or right (side 1) doc,
 * or the nearest row before it. */
size_t gn_align_row_of(const gn_align *a, int side, size_t line);

/* gn_align_row_of of each of lines[0..n) into rows[0..n): one walk of the
 * rows when the lines are in order (time linear in rows and lines), a
 * walk again from the top wherever a line is below the one before. */
void gn_align_rows_of(const gn_align *a, int side, const size_t *lines, size_t n, size_t *rows);

/* The line of `to` showing what line `line` of `from` shows; what a
 * resize, a locale switch or the comparison turned on keeps at the top of
 * the pager. For the same page laid out at two widths, the line showing
 * the same text; for a page and its translation, the same block (paired as
 * gn_align_docs pairs them), as many lines into it as it has; for the same
 * page with other collapsible blocks folded, the same text, or the title
 * of the block that folded it away (gn_collapse_map). */
size_t gn_align_map(const gn_doc *from, const gn_doc *to, size_t line);

/* The widths of two pages compared in width columns: side by side, with a
 * " │ " between them, or interleaved (the second page after a "» " mark).
 * -1 when one would be narrower than a column. */
int gn_compare_widths(int width, bool interleave, int *left, int *right);

#endif
