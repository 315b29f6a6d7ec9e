/* paint.c: a laid-out document as plain text or SGR-coloured text
 * (see paint.h). Styles map to SGR parameters in one table. */
#include <langinfo.h>
#include <string.h>
#include "guidenav/alert.h"
#include "guidenav/paint.h"
#include "guidenav/text.h"

static const struct {
    uint32_t style;
    const char *sgr;
} sgr_table[] = {
    {GN_ST_TITLE, "1;4"},
    {GN_ST_HEADING, "1;34"},
    {GN_ST_STRONG, "1"},
    {GN_ST_EMPH, "3"},
    {GN_ST_STRIKE, "9"},
    {GN_ST_CODE, "33"},
    {GN_ST_CODEBLOCK, "33"},
    {GN_ST_LINK, "4;36"},
    {GN_ST_UICONTROL, "1;35"},
    {GN_ST_BADGE, "7"},
    {GN_ST_QUOTE, "2"},
    {GN_ST_MARKER, "36"},
    {GN_ST_IMAGE, "2;3"},
    {GN_ST_RULE, "2"},
    {GN_ST_BORDER, "2"},
    {GN_ST_TABLEHEAD, "1"},
    {GN_ST_SHADE, "2"},
    {GN_ST_CONT, "2"},
};

/* Colours of Adobe block kinds (gn_kind): notes blue, tips green,
 * warnings red or yellow... */
static const char *const kind_sgr[GN_KIND_COUNT] = {
    [GN_KIND_NOTE] = "34", [GN_KIND_TIP] = "32", [GN_KIND_IMPORTANT] = "33",
    [GN_KIND_CAUTION] = "33", [GN_KIND_WARNING] = "31", [GN_KIND_INFO] = "36",
    [GN_KIND_ADMIN] = "35", [GN_KIND_AVAILABILITY] = "36", [GN_KIND_PREREQUISITES] = "35",
    [GN_KIND_ERROR] = "31", [GN_KIND_SUCCESS] = "32", [GN_KIND_VIDEO] = "35",
    [GN_KIND_SEEALSO] = "34", [GN_KIND_SHADE] = "2",
};

/* Write the SGR sequence for style: a reset, then each style's codes. */
static void put_sgr(FILE *out, uint32_t style)
{
    fputs("\033[0", out);
    for (size_t i = 0; i < sizeof sgr_table / sizeof *sgr_table; i++)
        if (style & sgr_table[i].style)
            fprintf(out, ";%s", sgr_table[i].sgr);
    unsigned kind = GN_ST_KIND(style);
    if (kind < GN_KIND_COUNT && kind_sgr[kind])
        fprintf(out, ";%s", kind_sgr[kind]);
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

int gn_paint_line(FILE *out, const gn_doc *doc, size_t ln, bool color)
{
    const gn_line *line = &doc->lines[ln];
    uint32_t current = 0;
    bool ascii = ascii_only(doc);
    gn_buf narrow = GN_BUF_INIT;
    for (uint32_t k = 0; k < line->n; k++) {
        const gn_span *s = &doc->spans[line->first + k];
        if (color && s->style != current) {
            put_sgr(out, s->style);
            current = s->style;
        }
        if (ascii) {
            gn_buf_reset(&narrow);
            gn_text_ascii(&narrow, gn_span_text(doc, s), s->len);
            if (narrow.len)
                fwrite(narrow.data, 1, narrow.len, out);
        } else {
            fwrite(gn_span_text(doc, s), 1, s->len, out);
        }
    }
    gn_buf_free(&narrow);
    if (color && current)
        fputs("\033[0m", out);
    return line->width;
}

int gn_paint_text(FILE *out, const gn_doc *doc, bool color)
{
    for (size_t l = 0; l < doc->nlines; l++) {
        gn_paint_line(out, doc, l, color);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int gn_paint_side_by_side(FILE *out, const gn_doc *l, const gn_doc *r,
                          const gn_align *a, bool color, bool ascii)
{
    const char *bar = ascii ? " | " : " │ ";
    for (size_t row = 0; row < a->nrows; row++) {
        int w = a->left[row] >= 0 ? gn_paint_line(out, l, (size_t)a->left[row], color) : 0;
        fprintf(out, "%*s%s", l->width - w, "", bar);
        if (a->right[row] >= 0)
            gn_paint_line(out, r, (size_t)a->right[row], color);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int gn_paint_interleaved(FILE *out, const gn_doc *l, const gn_doc *r,
                         const gn_align *a, bool color, const char *mark)
{
    for (size_t row = 0; row < a->nrows; row++) {
        if (a->right[row] >= 0)
            fputs(mark, out);
        if (a->left[row] >= 0)
            gn_paint_line(out, l, (size_t)a->left[row], color);
        else if (a->right[row] >= 0)
            gn_paint_line(out, r, (size_t)a->right[row], color);
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
