/* para.h: a paragraph of styled text, before it is broken into lines.
 *
 * Each byte of text carries a style (gn_style flags) and a link index, so
 * markup can be rewritten (Adobe's [!UICONTROL x], attribute lists, CJK line
 * joins) without losing styles, and the wrapper sees plain UTF-8. */
#ifndef GUIDENAV_PARA_H
#define GUIDENAV_PARA_H

#include <stddef.h>
#include <stdint.h>
#include <cmark-gfm.h>
#include "guidenav/html.h"
#include "guidenav/util.h"

/* Block HTML in a table cell (<ul>, <ol>, <li>, <p>, <br>) lays its text
 * out as lines: from byte off of the text on, lines are at list depth
 * `depth` (0: outside lists, at most GN_PARA_DEPTH); the line that starts
 * at off is a list item, with a bullet (number 0) or a number (> 0), or
 * not (number -1: more of an item, or text after a list). */
#define GN_PARA_DEPTH 6

/* What an image's text starts with: "[image: alt (name.png)]". */
#define GN_PARA_IMAGE "[image: "
typedef struct gn_para_block {
    size_t off;
    int depth;
    int32_t number;
} gn_para_block;

typedef struct gn_para {
    gn_buf text;
    uint32_t *style; /* one per byte of text */
    int32_t *link;   /* one per byte of text: index in the link list or -1 */
    size_t cap;
    /* Links met while collecting: their URLs, in order of index. */
    char **urls;
    size_t nurls;
    /* Offsets of the spaces that stand for soft line breaks. */
    size_t *soft;
    size_t nsoft, cap_soft;
    char *anchor; /* the first "{#anchor}" removed by gn_para_markup */
    /* Lines laid out by block HTML (table cells only), in order of off;
     * of two at the same offset, the later counts. */
    gn_para_block *blocks;
    size_t nblocks, cap_blocks;
} gn_para;

/* Append len bytes of s, sanitised, with a style and link (-1: none).
 * Tabs become spaces. A stop asked for (interrupt.h) may leave a text of
 * more than 1 MB added in part: the layout it was for is not kept. */
void gn_para_add(gn_para *p, const char *s, size_t len, uint32_t style, int32_t link);
/* Append bytes [a, b) of src's text to dst, their styles and links kept
 * (src's links: dst's link indices are src's). a and b are at character
 * boundaries; the bytes are copied as they are (src's text is safe, as
 * gn_para_add made it). */
void gn_para_append(gn_para *dst, const gn_para *src, size_t a, size_t b);
/* What holds p's text together when it is wrapped at width columns
 * (gn_wrap_glued): each inline code span no wider than width stays on one
 * line. A new array of p->text.len bytes, or NULL when nothing is held
 * together; the caller frees it. */
unsigned char *gn_para_glue(const gn_para *p, int width);

/* Append the inline content of block (paragraph, heading, table cell):
 * text, code spans, emphasis, links (each link's URL added to p->urls;
 * link indices start at link_base), images as a placeholder, line breaks
 * as '\n', soft breaks as spaces, inline HTML dropped but <br> kept. In a
 * table cell, block HTML lays out lines: each list item on a line of its
 * own (a block noting its bullet or number), <p> a paragraph after a
 * blank line, <br> a line break, never more than one blank line in a row;
 * and a line starts without spaces. */
void gn_para_collect(gn_para *p, cmark_node *block, uint32_t style, int32_t link_base);

/* Append the text of a table cell written in HTML (html[0..len)), as
 * gn_html_text gives it, its block HTML laying out lines as in
 * gn_para_collect (plain text: tags that style are dropped). */
void gn_para_add_html(gn_para *p, const char *html, size_t len);

/* Render Adobe inline markup and clean up, in place: "[!UICONTROL x]" gets
 * the UI label style, "[!DNL x]" plain, "[!BADGE x]" the badge style;
 * attribute lists "{...}" are removed ("{#anchor}" saved in p->anchor);
 * soft breaks between two wide (CJK) characters are removed; leading and
 * trailing spaces are trimmed. */
void gn_para_markup(gn_para *p);

/* Remove bytes [from, to). */
void gn_para_cut(gn_para *p, size_t from, size_t to);

void gn_para_reset(gn_para *p);
void gn_para_free(gn_para *p);

#endif
