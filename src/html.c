/* html.c: text, entities and tables of raw HTML (see html.h). */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/html.h"
#include "guidenav/text.h"

size_t gn_html_entity(const char *s, size_t len, gn_buf *out)
{
    static const struct {
        const char *name;
        const char *text;
    } ents[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
        {"&apos;", "'"}, {"&nbsp;", "\xc2\xa0"}, {"&ndash;", "–"}, {"&mdash;", "—"},
        {"&copy;", "©"}, {"&reg;", "®"}, {"&trade;", "™"}, {"&hellip;", "…"},
    };
    for (size_t i = 0; i < sizeof ents / sizeof *ents; i++) {
        size_t n = strlen(ents[i].name);
        if (n <= len && strncmp(s, ents[i].name, n) == 0) {
            gn_buf_adds(out, ents[i].text);
            return n;
        }
    }
    if (len > 3 && s[1] == '#') {
        bool hex = s[2] == 'x' || s[2] == 'X';
        size_t i = hex ? 3 : 2;
        long cp = 0;
        size_t digits = 0;
        while (i < len && digits < 8 && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
            int d = isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10);
            cp = cp * (hex ? 16 : 10) + d;
            i++;
            digits++;
        }
        if (digits && i < len && s[i] == ';') {
            if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                cp = 0xFFFD;
            gn_utf8_encode(out, (int32_t)cp);
            return i + 1;
        }
    }
    gn_buf_addc(out, '&');
    return 1;
}

/* A byte that ends a tag's name: '>', '/' or white space. */
static bool ends_name(char c)
{
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

gn_html_tag gn_html_tag_at(const char *s, size_t len, bool *closing)
{
    size_t i = len && s[0] == '/';
    *closing = i == 1;
    char name[5]; /* the longest name known, "table" and "thead" */
    size_t n = 0;
    for (; i < len && !ends_name(s[i]); i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
            return GN_TAG_NONE;
        if (n == sizeof name)
            return GN_TAG_NONE;
        name[n++] = c;
    }
    if (i == len) /* no end to the name: no tag */
        return GN_TAG_NONE;
    switch (n) {
    case 1:
        return name[0] == 'p' ? GN_TAG_P : GN_TAG_NONE;
    case 2:
        switch (name[0]) {
        case 'b':
            return name[1] == 'r' ? GN_TAG_BR : GN_TAG_NONE;
        case 'h':
            return name[1] >= '1' && name[1] <= '6' ? GN_TAG_H : GN_TAG_NONE;
        case 'l':
            return name[1] == 'i' ? GN_TAG_LI : GN_TAG_NONE;
        case 'o':
            return name[1] == 'l' ? GN_TAG_OL : GN_TAG_NONE;
        case 'u':
            return name[1] == 'l' ? GN_TAG_UL : GN_TAG_NONE;
        case 't':
            return name[1] == 'r' ? GN_TAG_TR : name[1] == 'd' ? GN_TAG_TD
                 : name[1] == 'h' ? GN_TAG_TH : GN_TAG_NONE;
        }
        return GN_TAG_NONE;
    case 3:
        return memcmp(name, "div", 3) == 0 ? GN_TAG_DIV : GN_TAG_NONE;
    case 5:
        return memcmp(name, "table", 5) == 0 ? GN_TAG_TABLE
             : memcmp(name, "thead", 5) == 0 ? GN_TAG_THEAD : GN_TAG_NONE;
    }
    return GN_TAG_NONE;
}

/* Whether a tag starts or ends a line of text: <br> and the start and end
 * of block elements. */
static bool breaks_line(gn_html_tag t, bool closing)
{
    switch (t) {
    case GN_TAG_BR:
        return !closing;
    case GN_TAG_P:
    case GN_TAG_DIV:
    case GN_TAG_TR:
    case GN_TAG_LI:
    case GN_TAG_H:
    case GN_TAG_UL:
    case GN_TAG_OL:
    case GN_TAG_TABLE:
        return true;
    default:
        return false;
    }
}

/* What tag t does to a table cell's lines (gn_html_block_of). */
static gn_html_block block_kind(gn_html_tag t, bool closing)
{
    switch (t) {
    case GN_TAG_BR:
        return GN_HTML_BR;
    case GN_TAG_P:
        return closing ? GN_HTML_P_END : GN_HTML_P;
    case GN_TAG_UL:
        return closing ? GN_HTML_LIST_END : GN_HTML_UL;
    case GN_TAG_OL:
        return closing ? GN_HTML_LIST_END : GN_HTML_OL;
    case GN_TAG_LI:
        return closing ? GN_HTML_LI_END : GN_HTML_LI;
    default:
        return GN_HTML_INLINE;
    }
}

gn_html_block gn_html_block_of(const char *html, size_t len)
{
    if (len < 3 || html[0] != '<')
        return GN_HTML_INLINE;
    bool closing;
    gn_html_tag t = gn_html_tag_at(html + 1, len - 1, &closing);
    return block_kind(t, closing);
}

static void add_space(gn_buf *out)
{
    if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
        gn_buf_addc(out, ' ');
}

void gn_html_text(const char *html, size_t len, gn_buf *out)
{
    gn_html_text_blocks(html, len, out, NULL, NULL);
}

void gn_html_text_blocks(const char *html, size_t len, gn_buf *out,
                         void (*block)(gn_html_block kind, gn_buf *out, void *ctx), void *ctx)
{
    const char *p = html, *end = html + len;
    while (p < end) {
        if (*p == '<' && end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *c = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            p = c ? c + 3 : end;
        } else if (*p == '<' && p + 1 < end && (isalpha((unsigned char)p[1]) || p[1] == '/')) {
            const char *close = memchr(p, '>', (size_t)(end - p));
            if (!close) {
                gn_buf_addc(out, '<');
                p++;
                continue;
            }
            bool closing;
            gn_html_tag t = gn_html_tag_at(p + 1, (size_t)(close - p), &closing);
            gn_html_block kind = block ? block_kind(t, closing) : GN_HTML_INLINE;
            if (kind != GN_HTML_INLINE || breaks_line(t, closing)) {
                while (out->len && out->data[out->len - 1] == ' ')
                    out->len--;
                if (out->data)
                    out->data[out->len] = '\0';
                if (kind != GN_HTML_INLINE)
                    block(kind, out, ctx);
                else
                    gn_buf_addc(out, '\n');
            } else {
                add_space(out);
            }
            p = close + 1;
        } else if (*p == '&') {
            p += gn_html_entity(p, (size_t)(end - p), out);
        } else if (*p == '\n' || *p == '\t' || *p == '\r' || *p == ' ') {
            add_space(out);
            p++;
        } else { /* a '<' of no tag, and the text up to the next of these */
            const char *q = p + 1;
            while (q < end && *q != '<' && *q != '&' && *q != ' ' && *q != '\n' && *q != '\t' &&
                   *q != '\r')
                q++;
            gn_buf_add(out, p, (size_t)(q - p));
            p = q;
        }
    }
}

/* ---- tables ------------------------------------------------------------ */

typedef struct builder {
    gn_html_table *t;
    char ***rows;  /* rows of cells */
    size_t *ncells;
    size_t nrows;
} builder;

static void new_row(builder *b, bool head)
{
    b->rows = gn_xreallocarray(b->rows, b->nrows + 1, sizeof *b->rows);
    b->ncells = gn_xreallocarray(b->ncells, b->nrows + 1, sizeof *b->ncells);
    b->t->head = gn_xreallocarray(b->t->head, b->nrows + 1, sizeof *b->t->head);
    b->rows[b->nrows] = NULL;
    b->ncells[b->nrows] = 0;
    b->t->head[b->nrows] = head;
    b->nrows++;
}

static void add_cell(builder *b, const char *s, size_t len, bool th)
{
    if (b->nrows == 0)
        new_row(b, false);
    size_t r = b->nrows - 1;
    b->rows[r] = gn_xreallocarray(b->rows[r], b->ncells[r] + 1, sizeof **b->rows);
    b->rows[r][b->ncells[r]++] = gn_xstrndup(s, len);
    if (!th) /* a row is a header row when all its cells are <th> */
        b->t->head[r] = false;
}

bool gn_html_table_find(const char *html, size_t len, gn_html_table *t,
                        size_t *start, size_t *end)
{
    memset(t, 0, sizeof *t);
    const char *p = html, *stop = html + len, *table = NULL;
    bool closing;
    while (!table && (p = memchr(p, '<', (size_t)(stop - p))) != NULL) {
        if (gn_html_tag_at(p + 1, (size_t)(stop - p - 1), &closing) == GN_TAG_TABLE && !closing)
            table = p;
        p++;
    }
    if (!table)
        return false;
    builder b = {t, NULL, NULL, 0};
    bool in_head = false, in_cell = false, cell_th = false;
    const char *cell = NULL;
    p = table;
    const char *after = stop;
    while (p < stop) {
        const char *lt = memchr(p, '<', (size_t)(stop - p));
        if (!lt)
            break;
        const char *gt = memchr(lt, '>', (size_t)(stop - lt));
        if (!gt)
            break;
        gn_html_tag tag = gn_html_tag_at(lt + 1, (size_t)(stop - lt - 1), &closing);
        bool cell_tag = tag == GN_TAG_TD || tag == GN_TAG_TH;
        bool opening_cell = cell_tag && !closing;
        bool table_end = tag == GN_TAG_TABLE && closing;
        if (in_cell && (cell_tag || tag == GN_TAG_TR || table_end)) {
            add_cell(&b, cell, (size_t)(lt - cell), cell_th);
            in_cell = false;
        }
        if (tag == GN_TAG_THEAD)
            in_head = !closing;
        else if (tag == GN_TAG_TR && !closing)
            new_row(&b, true);
        else if (opening_cell) {
            if (b.nrows == 0)
                new_row(&b, true);
            in_cell = true;
            cell_th = tag == GN_TAG_TH;
            cell = gt + 1;
        } else if (table_end) {
            after = gt + 1;
            break;
        }
        if (b.nrows && in_head)
            t->head[b.nrows - 1] = true;
        p = gt + 1;
    }
    if (in_cell)
        add_cell(&b, cell, (size_t)(stop - cell), cell_th);
    /* Drop empty rows; square the grid. */
    size_t ncols = 0, nrows = 0;
    for (size_t r = 0; r < b.nrows; r++)
        if (b.ncells[r] > ncols)
            ncols = b.ncells[r];
    t->cells = gn_xcalloc(b.nrows * (ncols ? ncols : 1), sizeof *t->cells);
    for (size_t r = 0; r < b.nrows; r++) {
        if (b.ncells[r] == 0) {
            free(b.rows[r]);
            continue;
        }
        for (size_t c = 0; c < ncols; c++)
            t->cells[nrows * ncols + c] = c < b.ncells[r] ? b.rows[r][c] : gn_xstrdup("");
        t->head[nrows] = t->head[r];
        free(b.rows[r]);
        nrows++;
    }
    free(b.rows);
    free(b.ncells);
    t->nrows = nrows;
    t->ncols = ncols;
    *start = (size_t)(table - html);
    *end = (size_t)(after - html);
    return true;
}

void gn_html_table_free(gn_html_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->head);
    memset(t, 0, sizeof *t);
}
