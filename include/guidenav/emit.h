/* emit.h: building a laid-out document line by line.
 *
 * The layout modules (layout, table) write lines through a gn_emit: each
 * line starts with the prefixes of the open block containers (quote bars,
 * list markers, alert bars), then styled spans; gn_emit_para breaks a styled
 * paragraph into lines (gn_wrap) under those prefixes. Every line is kept
 * within the width: a line that would not fit is clipped with a marker.
 * The text of paragraphs, cells and code lines is also recorded whole, for
 * search (doc->ptext, pars, pieces: layout.h); prefixes and borders not. */
#ifndef GUIDENAV_EMIT_H
#define GUIDENAV_EMIT_H

#include <stdbool.h>
#include <cmark-gfm.h>
#include "guidenav/layout.h"
#include "guidenav/para.h"
#include "guidenav/wrap.h"

/* The marks drawn around text: Unicode, or ASCII for terminals that are
 * not UTF-8. */
typedef struct gn_glyphs {
    const char *bullet[3]; /* list bullets by depth, with their space */
    const char *quote;     /* block quote bar */
    const char *alert;     /* alert bar */
    const char *shade;     /* shaded block bar */
    const char *rule;      /* one column of a thematic break */
    const char *wrap;      /* end of a broken code line */
    const char *clip;      /* end of a clipped line */
    const char *video;     /* before a video's label */
    const char *tab;       /* before a tab's title */
    /* Table borders: corners, tees, cross, lines. */
    const char *top[3], *mid[3], *bottom[3], *hline, *vline;
    /* Before a collapsible block's title, unfolded and folded, and under
     * it (the same width): its content's indentation. */
    const char *unfolded, *folded, *fold_indent;
} gn_glyphs;

const gn_glyphs *gn_glyphs_for(bool ascii);

/* A block container's contribution to the start of each line. */
typedef struct gn_container {
    const char *first; /* on the container's first line */
    const char *rest;  /* on the following lines (same width) */
    char own[24];      /* storage for a computed first prefix ("12. ") */
    uint32_t style;
    bool used;         /* its first line has been emitted */
    cmark_node *node;  /* the node that opened it */
} gn_container;

typedef struct gn_emit {
    gn_doc *doc;
    int width;
    const char *lang;
    const gn_glyphs *g;
    gn_container *stack;
    size_t depth, cap;
    bool blank_pending; /* a blank line is due before the next block */
    int src_line;       /* source line of the block being laid out, for the
                         * paragraphs it records (gn_par); 0: unknown */
    bool pars_only;     /* paragraphs are recorded, not broken into lines,
                         * tables not drawn (gn_layout_opts.pars_only) */
    bool lines_only;    /* no paragraph is recorded (gn_layout_opts.lines_only) */
    size_t top_block;   /* 1 + the index in doc->blocks of the last
                         * top-level block; 0: none yet */
    int line_w;         /* display columns of the line being built: each
                         * span's, added as it comes (a wrapped line's are
                         * known from the wrap), so a line is never
                         * measured again at its end */
} gn_emit;

/* Start emitting into doc (zeroed here) at width columns. */
void gn_emit_init(gn_emit *e, gn_doc *doc, int width, const char *lang, bool ascii);
/* Release the emitter (not the document). */
void gn_emit_done(gn_emit *e);

/* Open a container; first and rest must outlive it (or use c->own). */
gn_container *gn_emit_push(gn_emit *e, cmark_node *node, const char *first,
                           const char *rest, uint32_t style);
void gn_emit_pop(gn_emit *e);

/* Columns the prefixes take on the next line. */
int gn_emit_prefix_width(const gn_emit *e);

/* A top-level block starts: its line is the next line with content; it
 * spans lines [src_line, src_end] of the page's file (0: unknown). A
 * block that shows nothing is dropped (with its items). gn_emit_finish
 * drops a last one. */
void gn_emit_block(gn_emit *e, gn_block_kind kind, int src_line, int src_end);
/* An item of a list starts inside the last top-level block (gn_block):
 * recorded as gn_emit_block records a block, its parent that block; the
 * first line it shows is that block's too when the block showed none
 * yet. Ignored when no top-level block has started. */
void gn_emit_item(gn_emit *e, int src_line, int src_end);
void gn_emit_finish(gn_emit *e);

/* Lines: start one (with prefixes), add spans, end it. */
void gn_emit_line_start(gn_emit *e);
void gn_emit_span(gn_emit *e, const char *s, size_t len, uint32_t style, int32_t link);
/* gn_emit_span of a span whose display columns the caller knows (width:
 * gn_text_width's answer), so it is not measured again. */
void gn_emit_span_w(gn_emit *e, const char *s, size_t len, int width, uint32_t style,
                    int32_t link);
/* The spans of p's text [a, b) (one per run of one style and one link),
 * with the style bits extra added: width columns in all, which the caller
 * knows (a line gn_wrap measured). */
void gn_emit_para_range(gn_emit *e, const gn_para *p, size_t a, size_t b, uint32_t extra,
                        int width);
void gn_emit_line_end(gn_emit *e);
/* A blank line: the containers' "rest" prefixes, trailing spaces dropped. */
void gn_emit_blank(gn_emit *e);
/* The blank line due before a block (none at the top of the document, none
 * when separate is false, as between items of a tight list). */
void gn_emit_block_start(gn_emit *e, bool separate);
/* The wrapped lines of p (after gn_para_markup) under the prefixes; p's
 * text is recorded as one paragraph (doc->pars) with a piece per line. */
void gn_emit_para(gn_emit *e, const gn_para *p);
/* The same, for text recorded by the caller (gn_emit_par below): the
 * nparts byte ranges [parts[2k], parts[2k + 1]) of p's text are ptext bytes
 * from at[k]; the rest of the text (a record's "Header: ") is shown but not
 * searched. The caller sorts the pieces if need be. */
void gn_emit_para_parts(gn_emit *e, const gn_para *p, const size_t *parts,
                        const size_t *at, size_t nparts);
/* The same with p's text already decoded for e's language (wt, which
 * keeps its break opportunities; NULL: decoded here). */
void gn_emit_para_parts_with(gn_emit *e, const gn_para *p, gn_wrap_text *wt,
                             const size_t *parts, const size_t *at, size_t nparts);

/* Paragraph recording for search, for text not laid out by gn_emit_para
 * (table cells, code lines). gn_emit_par records s[0..len) as a paragraph
 * at e->src_line and returns its offset in doc->ptext (an empty text is not
 * recorded, nor any with e->lines_only, and then no piece either).
 * gn_emit_piece records that ptext bytes [off, off + len) are shown next
 * on the line being built: call it after gn_emit_line_start and right
 * before emitting their spans. Pieces must end up sorted by off:
 * gn_emit_pieces_sort sorts those recorded since index from (doc->npieces
 * before a table row, whose cells' pieces come line by line). */
size_t gn_emit_par(gn_emit *e, const char *s, size_t len);
void gn_emit_piece(gn_emit *e, size_t off, size_t len);
void gn_emit_pieces_sort(gn_emit *e, size_t from);
/* The same in linear time, for pieces from n sources (a table row's
 * cells): source s's text is ptext from starts[s] (ascending), up to the
 * next source's, and its pieces came in order. */
void gn_emit_pieces_merge(gn_emit *e, size_t from, const size_t *starts, size_t n);
/* Collect node's inlines into p (not reset here), add their links to the
 * document so p->link holds document link indices, and render markup. */
void gn_emit_collect(gn_emit *e, gn_para *p, cmark_node *node, uint32_t style);

#endif
