/* collapse.h: Adobe's collapsible blocks.
 *
 * A line "+++Title" opens a collapsible block titled with the rest of the
 * line (inline markup included); a line "+++" (spaces may follow) closes
 * the innermost one open. What lies between is any Markdown: paragraphs,
 * lists, code, tables, alerts, other collapsible blocks. A block never
 * closed runs to the end of the container it was opened in (the page, a
 * list item, a block quote).
 *
 * Recognition: cmark-gfm knows nothing of these lines, and takes them for
 * text of the paragraph, table row, list item or quote before them. So
 * after the parse, the lines that cmark took for text of a paragraph or a
 * table row and that start, after their container prefix (white space,
 * '>', list markers), with exactly three '+' are the markers; lines in
 * code blocks are never text, so "+++" there stays as written. Those lines
 * are rewritten as ATX headings ("# Title", "#"), every other byte kept
 * (so line numbers keep pointing at the file), and the text is parsed
 * again: a heading interrupts a paragraph, ends a table, and is no lazy
 * continuation of a list item or a quote, so each marker becomes a block
 * of its own in the container it was written in. Marker lines inside an
 * HTML block (which nothing interrupts; not a comment, <pre>, <script>,
 * <style> or <textarea> block, whose text is literal) split that block.
 * Then, in each container, the blocks after an opener up to its closer
 * (or the container's end) move into a cmark custom block
 * (CMARK_NODE_CUSTOM_BLOCK, which guidenav makes nowhere else) whose first
 * child is the title, a paragraph. Blocks nest up to GN_COLLAPSE_DEPTH in
 * one container: an opener deeper, and its closer, stay as written. A
 * closer with no block open in its container is dropped. Linear in the
 * text; a text without "+++" costs one gn_find_short (a memchr).
 *
 * Layout: an unfolded block is its title after a marker ("▾ ", "[-] "
 * in ASCII) with its content indented beneath; a folded one ("▸ ",
 * "[+] ") its title alone. Each block laid out is recorded in doc->colls
 * (gn_coll, layout.h), for the key that folds it and for keeping the
 * reader's place when the fold changes. */
#ifndef GUIDENAV_COLLAPSE_H
#define GUIDENAV_COLLAPSE_H

#include <stdbool.h>
#include <stddef.h>
#include <cmark-gfm.h>
#include "guidenav/emit.h"
#include "guidenav/layout.h"
#include "guidenav/para.h"

/* Collapsible blocks nested in one container, at most. */
#define GN_COLLAPSE_DEPTH 16

/* A parse of Markdown text, as gn_collapse_blocks asks for one. */
typedef cmark_node *(*gn_collapse_parse_fn)(const char *text, size_t len, void *ctx);

/* The document doc (text[0..len) parsed by parse) with its collapsible
 * blocks made custom blocks as described above: doc itself, changed, or a
 * new parse of the text with the markers rewritten (doc is then freed).
 * New nodes come from mem, the allocator doc was parsed with. */
cmark_node *gn_collapse_blocks(cmark_node *doc, const char *text, size_t len, cmark_mem *mem,
                               gn_collapse_parse_fn parse, void *ctx);

/* True for a collapsible block, and for its title (laid out by
 * gn_collapse_open: the walk skips it). */
bool gn_collapse_is_block(cmark_node *node);
bool gn_collapse_is_title(cmark_node *node);

/* The first and last lines of the parsed text that node spans, as cmark
 * counts them (0: unknown). cmark knows none for a collapsible block, made
 * after the parse: it spans its title's first line to its last block's
 * last (its closing marker aside). */
void gn_collapse_node_lines(cmark_node *node, int *first, int *last);

/* The state of a layout's walk through collapsible blocks. */
typedef struct gn_collapse_walk {
    const size_t *folded; /* gn_layout_opts.folded, nfolded */
    size_t nfolded;
    size_t next;          /* the ordinal of the next block */
    long open;            /* the innermost block open (in doc->colls), or -1 */
} gn_collapse_walk;

/* Start a walk: no block met yet, o's blocks to fold. */
void gn_collapse_walk_init(gn_collapse_walk *w, const gn_layout_opts *o);
/* Lay out the title of block node (p is scratch) and record it, with the
 * next ordinal when foldable (a block of the page), else GN_COLL_SNIPPET
 * (a block of a snippet: never folded). Returns true when the block is
 * folded: nothing more of it is laid out, and the walk skips its
 * children. Otherwise its content follows, indented, until
 * gn_collapse_close at the block's end. */
bool gn_collapse_open(gn_collapse_walk *w, gn_emit *e, gn_para *p, cmark_node *node,
                      bool foldable);
void gn_collapse_close(gn_collapse_walk *w, gn_emit *e);

/* The block the fold key acts on when lines [top, bottom) of d are on the
 * screen: the first whose title starts there, else the innermost holding
 * line top; its index in d->colls, or -1 when there is none. */
long gn_collapse_at(const gn_doc *d, size_t top, size_t bottom);

/* For the same page laid out at the same width with other blocks folded:
 * in *out, the line of `to` showing what line `line` of `from` shows (a
 * line of content folded away: its block's title). False when the two
 * differ otherwise, or in no fold. Linear in the two documents. */
bool gn_collapse_map(const gn_doc *from, const gn_doc *to, size_t line, size_t *out);

#endif
