/* html.h: the little HTML that guide pages hold: text with tags dropped,
 * entities decoded, and tables. Not a general HTML parser: enough to show
 * raw HTML blocks as a reader would see them. */
#ifndef GUIDENAV_HTML_H
#define GUIDENAV_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/util.h"

/* Decode the entity at s (which starts with '&') into out; returns the
 * bytes it took, or 1 (appending '&') when s starts no known entity. */
size_t gn_html_entity(const char *s, size_t len, gn_buf *out);

/* Append the text of html[0..len) to out: comments and tags dropped (a tag
 * between words leaves a space), <br> and the ends of block elements as
 * '\n', entities decoded, runs of white space as one space. */
void gn_html_text(const char *html, size_t len, gn_buf *out);

/* The tags the scanner acts on. */
typedef enum gn_html_tag {
    GN_TAG_NONE, /* any other name, or no tag */
    GN_TAG_BR,
    GN_TAG_P,
    GN_TAG_DIV,
    GN_TAG_H, /* h1 to h6 */
    GN_TAG_UL,
    GN_TAG_OL,
    GN_TAG_LI,
    GN_TAG_TABLE,
    GN_TAG_THEAD,
    GN_TAG_TR,
    GN_TAG_TD,
    GN_TAG_TH
} gn_html_tag;

/* The tag whose name starts at s[0..len) (just after '<'), by its name in
 * any case: the name must be followed, within len, by '>', '/' or white
 * space (attributes may follow). *closing tells whether a '/' came before
 * the name. Constant time: the name is read once and looked up by its
 * length. */
gn_html_tag gn_html_tag_at(const char *s, size_t len, bool *closing);

/* What a tag does to the lines of a table cell: the block HTML that guide
 * pages put in cells (lists, paragraphs, line breaks), or nothing. */
typedef enum gn_html_block {
    GN_HTML_INLINE, /* any other tag, and text that is no tag */
    GN_HTML_BR,     /* <br>, <br/>, </br> */
    GN_HTML_P,
    GN_HTML_P_END,
    GN_HTML_UL,
    GN_HTML_OL,
    GN_HTML_LIST_END, /* </ul>, </ol> */
    GN_HTML_LI,
    GN_HTML_LI_END
} gn_html_block;

/* The kind of the tag html[0..len) (from '<' to '>'), by its name in any
 * case, attributes allowed. */
gn_html_block gn_html_block_of(const char *html, size_t len);

/* gn_html_text, but a tag of one of those kinds is handed to block (when
 * not NULL) with out holding the text before it, its trailing spaces
 * dropped, instead of becoming '\n'; block may take out's text. */
void gn_html_text_blocks(const char *html, size_t len, gn_buf *out,
                         void (*block)(gn_html_block kind, gn_buf *out, void *ctx), void *ctx);

/* A table read from HTML: rows of cells, each the HTML between its tags
 * (gn_para_add_html reads its text). */
typedef struct gn_html_table {
    char **cells;   /* nrows * ncols, row by row; missing cells are "" */
    bool *head;     /* per row: inside <thead>, or only <th> cells */
    size_t nrows, ncols;
} gn_html_table;

/* Find the first <table> in html[0..len): fills t and sets *start and *end
 * to the byte range from "<table" to after "</table>" (or len). Returns
 * false when there is no table. */
bool gn_html_table_find(const char *html, size_t len, gn_html_table *t,
                        size_t *start, size_t *end);
void gn_html_table_free(gn_html_table *t);

#endif
