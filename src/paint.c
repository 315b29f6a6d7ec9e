/* paint.c: a laid-out document as plain text or SGR-coloured text
 * (see paint.h), and the one table of how each layout style looks. */
#include <langinfo.h>
#include <string.h>
#include "guidenav/alert.h"
#include "guidenav/paint.h"
#include "guidenav/text.h"

/* Each style's attributes and the style whose colours it takes, in
 * order: the first style of a span with colours gives them. */
static const struct {
    uint32_t style;
    unsigned attrs;
    int cstyle;
} looks[] = {
    {GN_ST_TITLE, GN_ATTR_BOLD | GN_ATTR_UNDERLINE, GN_CSTYLE_HEADING},
    {GN_ST_HEADING, GN_ATTR_BOLD, GN_CSTYLE_HEADING},
    {GN_ST_STRONG, GN_ATTR_BOLD, -1},
    {GN_ST_EMPH, GN_ATTR_ITALIC, -1},
    {GN_ST_STRIKE, GN_ATTR_STRIKE, -1},
    {GN_ST_CODE, 0, GN_CSTYLE_CODE},
    {GN_ST_CODEBLOCK, 0, GN_CSTYLE_CODE},
    {GN_ST_LINK, GN_ATTR_UNDERLINE, GN_CSTYLE_LINK},
    {GN_ST_UICONTROL, GN_ATTR_BOLD, GN_CSTYLE_UICONTROL},
    {GN_ST_BADGE, GN_ATTR_REVERSE, -1},
    {GN_ST_QUOTE, GN_ATTR_DIM, -1},
    {GN_ST_SHADE, GN_ATTR_DIM, -1},
    {GN_ST_MARKER, 0, GN_CSTYLE_MARKER},
    {GN_ST_IMAGE, GN_ATTR_DIM | GN_ATTR_ITALIC, -1},
    {GN_ST_RULE, GN_ATTR_DIM, -1},
    {GN_ST_BORDER, GN_ATTR_DIM, -1},
    {GN_ST_TABLEHEAD, GN_ATTR_BOLD, -1},
    {GN_ST_CONT, GN_ATTR_DIM, -1},
};

gn_look gn_style_look(uint32_t style)
{
    gn_look l = {0, -1};
    for (size_t i = 0; i < sizeof looks / sizeof *looks; i++) {
        if (!(style & looks[i].style))
            continue;
        l.attrs |= looks[i].attrs;
        if (l.cstyle < 0)
            l.cstyle = looks[i].cstyle;
    }
    /* An Adobe block's kind colours its bar and text (the kinds follow
     * the styles from note on); the warning kinds' labels are bold. */
    unsigned kind = GN_ST_KIND(style);
    if (kind > 0 && kind < GN_KIND_COUNT)
        l.cstyle = GN_CSTYLE_NOTE + (int)kind - 1;
    if (gn_kind_warns((gn_kind)kind) && (style & GN_ST_ALERT))
        l.attrs |= GN_ATTR_BOLD;
    return l;
}

/* Append the SGR parameter of colour c (0-255) as a foreground (base 30)
 * or background (base 40) colour. */
static void put_color(FILE *out, short c, int base)
{
    if (c < 8)
        fprintf(out, ";%d", base + c);
    else if (c < 16)
        fprintf(out, ";%d", base + 60 + c - 8);
    else
        fprintf(out, ";%d;5;%d", base + 8, c);
}

/* Write the SGR sequence for style: a reset, its attributes, then the
 * colours and attributes colors gives its configurable style. */
static void put_sgr(FILE *out, uint32_t style, const gn_color_spec *colors)
{
    static const struct {
        unsigned attr;
        int sgr;
    } codes[] = {{GN_ATTR_BOLD, 1},      {GN_ATTR_DIM, 2},     {GN_ATTR_ITALIC, 3},
                 {GN_ATTR_UNDERLINE, 4}, {GN_ATTR_REVERSE, 7}, {GN_ATTR_STRIKE, 9}};
    gn_look l = gn_style_look(style);
    const gn_color_spec *c = l.cstyle >= 0 ? &colors[l.cstyle] : NULL;
    unsigned attrs = l.attrs | (c ? c->attrs : 0);
    fputs("\033[0", out);
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (attrs & codes[i].attr)
            fprintf(out, ";%d", codes[i].sgr);
    if (c && c->fg >= 0)
        put_color(out, c->fg, 30);
    if (c && c->bg >= 0)
        put_color(out, c->bg, 40);
    fputc('m', out);
}

/* Whether doc's text is written in ASCII: it was laid out with ASCII
 * marks and the character set of the locale (LC_CTYPE) is not UTF-8, so
 * the terminal may take the bytes of UTF-8 sequences from 0x80 to 0x9F for
 * C1 controls (0x9B is CSI). */
static bool ascii_only(const gn_doc *doc)
{
    return doc->ascii && strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
}

int gn_paint_line(FILE *out, const gn_doc *doc, size_t ln, const gn_color_spec *colors)
{
    const gn_line *line = &doc->lines[ln];
    uint32_t current = 0;
    bool ascii = ascii_only(doc);
    gn_buf narrow = GN_BUF_INIT;
    for (uint32_t k = 0; k < line->n;) {
        const gn_span *s = &doc->spans[line->first + k];
        if (colors && s->style != current) {
            put_sgr(out, s->style, colors);
            current = s->style;
        }
        /* The spans after it that follow it in doc->text and look the
         * same are written with it (in ASCII, each alone: its
         * characters are the span's). */
        size_t len = s->len;
        for (k++; k < line->n && !ascii; k++) {
            const gn_span *t = &doc->spans[line->first + k];
            if (t->off != s->off + len || (colors && t->style != current))
                break;
            len += t->len;
        }
        if (ascii) {
            gn_buf_reset(&narrow);
            gn_text_ascii(&narrow, gn_span_text(doc, s), len);
            if (narrow.len)
                fwrite(narrow.data, 1, narrow.len, out);
        } else {
            fwrite(gn_span_text(doc, s), 1, len, out);
        }
    }
    gn_buf_free(&narrow);
    if (colors && current)
        fputs("\033[0m", out);
    return line->width;
}

int gn_paint_text(FILE *out, const gn_doc *doc, const gn_color_spec *colors)
{
    for (size_t l = 0; l < doc->nlines; l++) {
        gn_paint_line(out, doc, l, colors);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int gn_paint_side_by_side(FILE *out, const gn_doc *l, const gn_doc *r,
                          const gn_align *a, const gn_color_spec *colors, bool ascii)
{
    const char *bar = ascii ? " | " : " │ ";
    for (size_t row = 0; row < a->nrows; row++) {
        int w = a->left[row] >= 0 ? gn_paint_line(out, l, (size_t)a->left[row], colors) : 0;
        fprintf(out, "%*s%s", l->width - w, "", bar);
        if (a->right[row] >= 0)
            gn_paint_line(out, r, (size_t)a->right[row], colors);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int gn_paint_interleaved(FILE *out, const gn_doc *l, const gn_doc *r,
                         const gn_align *a, const gn_color_spec *colors,
                         const char *mark)
{
    for (size_t row = 0; row < a->nrows; row++) {
        if (a->right[row] >= 0)
            fputs(mark, out);
        if (a->left[row] >= 0)
            gn_paint_line(out, l, (size_t)a->left[row], colors);
        else if (a->right[row] >= 0)
            gn_paint_line(out, r, (size_t)a->right[row], colors);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
