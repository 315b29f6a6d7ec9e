/* layout.h: a page's document laid out at a width.
 *
 * The layout turns a cmark-gfm document into lines of styled spans plus a
 * table of links and of headings. It knows meaning (heading, code, link, UI
 * label...), never colours or escape bytes: painters map styles to
 * attributes. Every line is at most `width` display columns. */
#ifndef GUIDENAV_LAYOUT_H
#define GUIDENAV_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmark-gfm.h>
#include "guidenav/util.h"

/* Styles are bit flags: a span may be strong, emphasised and a link. */
enum gn_style {
    GN_ST_EMPH      = 1u << 0,
    GN_ST_STRONG    = 1u << 1,
    GN_ST_CODE      = 1u << 2,  /* code span */
    GN_ST_LINK      = 1u << 3,
    GN_ST_STRIKE    = 1u << 4,
    GN_ST_UICONTROL = 1u << 5,  /* [!UICONTROL label] */
    GN_ST_HEADING   = 1u << 6,
    GN_ST_TITLE     = 1u << 7,  /* level-1 heading */
    GN_ST_CODEBLOCK = 1u << 8,
    GN_ST_QUOTE     = 1u << 9,  /* block quote bar */
    GN_ST_MARKER    = 1u << 10, /* list bullets and numbers */
    GN_ST_IMAGE     = 1u << 11, /* image placeholder */
    GN_ST_RULE      = 1u << 12, /* thematic break */
    GN_ST_BORDER    = 1u << 13, /* table borders */
    GN_ST_TABLEHEAD = 1u << 14,
    GN_ST_ALERT     = 1u << 15, /* an Adobe block's bar and label */
    GN_ST_SHADE     = 1u << 16, /* a shaded block's bar */
    GN_ST_CONT      = 1u << 17, /* wrap or clip marker */
    GN_ST_BADGE     = 1u << 18
};

/* The Adobe block kind (gn_kind, alert.h) of a bar or label span is kept in
 * the style's top bits, so each kind can have its own colour. */
#define GN_ST_KIND_SHIFT 24
#define GN_ST_KIND(style) (((style) >> GN_ST_KIND_SHIFT) & 0xFu)

typedef struct gn_span {
    uint32_t off, len; /* text: doc->text.data + off, len bytes */
    uint32_t style;    /* gn_style flags */
    int32_t link;      /* index in doc->links, or -1 */
} gn_span;

typedef struct gn_line {
    size_t first;  /* index of the first span in doc->spans */
    uint32_t n;    /* number of spans */
    int width;     /* display columns */
} gn_line;

typedef struct gn_link {
    char *url;   /* target as written in the page */
    size_t line; /* first line where the link text appears */
} gn_link;

typedef struct gn_heading {
    int level;
    char *text;   /* plain text */
    char *anchor; /* "{#anchor}" name, or NULL */
    size_t line;  /* line where the heading starts */
} gn_heading;

/* A top-level block of the page, or an item of a list laid out in one
 * (a top-level list's, or a list's in a top-level quote, alert or
 * collapsible block; not a list's nested in an item), and the line where
 * its text starts; the side-by-side view aligns pages block by block and
 * item by item. An item follows the block holding its list, after that
 * block's earlier items: blocks are in the order of their lines. */
typedef enum gn_block_kind {
    GN_BLOCK_PARAGRAPH, GN_BLOCK_HEADING, GN_BLOCK_LIST, GN_BLOCK_TABLE,
    GN_BLOCK_CODE, GN_BLOCK_QUOTE, GN_BLOCK_HTML, GN_BLOCK_RULE, GN_BLOCK_COLLAPSE,
    GN_BLOCK_ITEM, GN_BLOCK_OTHER
} gn_block_kind;

typedef struct gn_block {
    gn_block_kind kind;
    size_t line;
    /* Lines of the page's file it spans, [src_line, src_end] (1-based,
     * the page's line_offset added; as cmark counts them, the end of a
     * list or of an item takes in the blank line after it); 0 when
     * unknown (a snippet's). An item's lie within its top-level block's. */
    int src_line, src_end;
    /* An item (GN_BLOCK_ITEM): the index in doc->blocks of the top-level
     * block it is laid out in; a top-level block: -1. */
    long parent;
} gn_block;

/* A collapsible block ("+++Title" ... "+++": collapse.h) as laid out: its
 * title's lines [line, body), its content's [body, end) (none when it is
 * folded), and the text of each in doc->ptext. */
typedef struct gn_coll {
    size_t ordinal;            /* its place among the page's collapsible
                                * blocks in document order, those inside
                                * folded ones counted; GN_COLL_SNIPPET for
                                * a snippet's, which never folds */
    size_t line, body, end;
    size_t ptitle, ptitle_len; /* the title's text: ptext + ptitle */
    size_t pbody, pend;        /* the content's text: ptext [pbody, pend) */
    long parent;               /* the enclosing one (index in doc->colls), or -1 */
    bool folded;
} gn_coll;
#define GN_COLL_SNIPPET ((size_t)-1)

/* How to lay a page out. */
typedef struct gn_layout_opts {
    int width;        /* columns, at least 1 */
    const char *lang; /* the page's locale tag ("ja-JP"), or NULL */
    bool ascii;       /* ASCII marks and borders: the terminal is not UTF-8 */
    const char *path; /* the page's file, to find {{snippets}}; or NULL */
    /* The repository root reads are confined to (the page's locale
     * source's repo); NULL: the one a locale source
     * holding the page would have (gn_path_repo_root of its folder). */
    const char *repo;
    /* Added to cmark's line numbers to give lines of the page's file: the
     * page's body_line - 1 (0 when the text parsed is the whole file). */
    int line_offset;
    /* For search: record the paragraphs (doc->pars, ptext) the same, but
     * neither break paragraphs into lines nor draw tables, so the lines
     * left are not the page as shown. */
    bool pars_only;
    /* For --dump: the lines alone, no record of the paragraphs (doc->pars,
     * ptext and pieces stay empty, and the collapsible blocks' titles and
     * contents have no text): only search, find and the comparison of
     * pages read them, and a page's record is as large as its text. */
    bool lines_only;
    /* The collapsible blocks shown folded, by ordinal (gn_coll), in
     * increasing order; NULL: every one unfolded. */
    const size_t *folded;
    size_t nfolded;
} gn_layout_opts;

/* A paragraph of text as the reader sees it, for search: a paragraph,
 * heading, label, table cell or code line, whole (not broken into lines),
 * without container prefixes, borders or link targets. Its text is
 * doc->ptext.data + off, len bytes. */
typedef struct gn_par {
    size_t off, len;
    int src_line; /* 1-based line of the page's file where its block
                   * starts; 0 when unknown (snippets, messages) */
} gn_par;

/* Where paragraph text is shown: ptext bytes [off, off + len) are bytes
 * [line_off, line_off + len) of line `line`'s text (the concatenation of
 * its spans, prefixes included). Pieces are sorted by off and do not
 * overlap; paragraph text not shown (spaces dropped where a line is broken,
 * '\n') has no piece. */
typedef struct gn_piece {
    size_t off, len;
    size_t line, line_off;
} gn_piece;

typedef struct gn_doc {
    int width;
    gn_buf text; /* all span text */
    gn_span *spans;
    size_t nspans, cap_spans;
    gn_line *lines;
    size_t nlines, cap_lines;
    gn_link *links;
    size_t nlinks, cap_links;
    gn_heading *headings;
    size_t nheadings, cap_headings;
    gn_block *blocks;    /* top-level blocks and items (gn_block) that show
                          * something, in order */
    size_t nblocks, cap_blocks;
    gn_coll *colls;      /* collapsible blocks laid out, in document order */
    size_t ncolls, cap_colls;
    /* Searchable text: every paragraph's text followed by '\n', in
     * document order, and where its bytes are shown. */
    gn_buf ptext;
    gn_par *pars;
    size_t npars, cap_pars;
    gn_piece *pieces;
    size_t npieces, cap_pieces;
    bool read_snippets; /* the page names a snippet, so its text depends
                         * on the snippets file too */
    bool ascii;         /* laid out with ASCII marks (gn_layout_opts.ascii) */
} gn_doc;

/* Lay out the document root as opts says. doc is overwritten (free it
 * first if it held a layout); the caller frees it with gn_doc_free.
 * {{name}} snippets (snippets.h) come from the nearest
 * _includes/snippets.md or help/_includes/snippets.md in a folder from
 * opts->path's up to the repository root (opts->repo, else the folder above the first "help"
 * component of the page's path, else the page's own folder), never above
 * it: a file there that is a symbolic link out of that root is not read.
 * So a page never reads a file outside its locale source.
 * A stop asked for (interrupt.h) ends it within a few milliseconds, even in
 * one paragraph, table or code block of megabytes: doc then holds a part
 * of the page, which the caller does not keep. */
void gn_layout(cmark_node *root, const gn_layout_opts *opts, gn_doc *doc);
void gn_doc_free(gn_doc *doc);

/* Lay out a message (plain text, '\n' separated paragraphs) the same way,
 * for pager notices such as "this page is not available in ja-JP". */
void gn_layout_message(const char *msg, int width, gn_doc *doc);

/* Index of the heading with this anchor, else with this slug (its text
 * lower-cased, spaces as '-', punctuation dropped), or -1. */
long gn_doc_find_anchor(const gn_doc *doc, const char *name);

/* Ordinal of the heading whose section holds line (the last heading
 * starting at or before it), or -1 when line is before the first heading. */
long gn_doc_section_at(const gn_doc *doc, size_t line);

/* The line of the page's file where the block shown on line starts: the
 * block or list item starting last at or before line (gn_block.src_line),
 * passing over those of no known line (a snippet's); 1 when there is none
 * (line is above the first block). Where an editor opens the page to show
 * what is at the top of the pager. */
int gn_doc_source_line(const gn_doc *doc, size_t line);

/* Text of a span; not NUL-terminated (use span->len). */
static inline const char *gn_span_text(const gn_doc *doc, const gn_span *s)
{
    return doc->text.data + s->off;
}

#endif
