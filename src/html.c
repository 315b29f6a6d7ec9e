/* html.c: text, entities and tables of raw HTML (see html.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* True when the tag at s (after '<') is name, case-insensitively, followed
 * by '>', '/', or white space. */
static bool tag_is(const char *s, const char *end, const char *name)
{
    size_t n = strlen(name);
    if ((size_t)(end - s) <= n || strncasecmp(s, name, n) != 0)
        return false;
    char c = s[n];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Tags whose start or end breaks the line. */
static bool breaks_line(const char *s, const char *end)
{
    static const char *const names[] = {"br", "p", "/p", "div", "/div", "tr", "/tr", "li",
                                        "/li", "h1", "h2", "h3", "h4", "h5", "h6", "/h1",
                                        "/h2", "/h3", "/h4", "/h5", "/h6", "ul", "/ul",
                                        "ol", "/ol", "table", "/table"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (tag_is(s, end, names[i]))
            return true;
    return false;
}

gn_html_block gn_html_block_of(const char *html, size_t len)
{
    static const struct {
        const char *name;
        gn_html_block kind;
    } tags[] = {
        {"br", GN_HTML_BR}, {"/br", GN_HTML_BR}, {"p", GN_HTML_P}, {"/p", GN_HTML_P_END},
        {"ul", GN_HTML_UL}, {"ol", GN_HTML_OL}, {"/ul", GN_HTML_LIST_END},
        {"/ol", GN_HTML_LIST_END}, {"li", GN_HTML_LI}, {"/li", GN_HTML_LI_END},
    };
    if (len < 3 || html[0] != '<')
        return GN_HTML_INLINE;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (tag_is(html + 1, html + len, tags[i].name))
            return tags[i].kind;
    return GN_HTML_INLINE;
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
        if (end - p >= 4 && strncmp(p, "<!--", 4) == 0) {
            const char *c = p + 4;
            while (c + 3 <= end && strncmp(c, "-->", 3) != 0)
                c++;
            p = c + 3 <= end ? c + 3 : end;
        } else if (*p == '<' && p + 1 < end && (isalpha((unsigned char)p[1]) || p[1] == '/')) {
            const char *close = memchr(p, '>', (size_t)(end - p));
            if (!close) {
                gn_buf_addc(out, '<');
                p++;
                continue;
            }
            gn_html_block kind = block ? gn_html_block_of(p, (size_t)(close + 1 - p))
                                       : GN_HTML_INLINE;
            if (kind != GN_HTML_INLINE || breaks_line(p + 1, end)) {
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
        } else {
            gn_buf_addc(out, *p++);
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
    for (; p < stop; p++)
        if (*p == '<' && tag_is(p + 1, stop, "table")) {
            table = p;
            break;
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
        const char *name = lt + 1;
        bool closing_cell = tag_is(name, stop, "/td") || tag_is(name, stop, "/th");
        bool opening_cell = tag_is(name, stop, "td") || tag_is(name, stop, "th");
        bool row_tag = tag_is(name, stop, "tr") || tag_is(name, stop, "/tr");
        bool table_end = tag_is(name, stop, "/table");
        if (in_cell && (closing_cell || opening_cell || row_tag || table_end)) {
            add_cell(&b, cell, (size_t)(lt - cell), cell_th);
            in_cell = false;
        }
        if (tag_is(name, stop, "thead"))
            in_head = true;
        else if (tag_is(name, stop, "/thead"))
            in_head = false;
        else if (tag_is(name, stop, "tr"))
            new_row(&b, true);
        else if (opening_cell) {
            if (b.nrows == 0)
                new_row(&b, true);
            in_cell = true;
            cell_th = name[1] == 'h' || name[1] == 'H';
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
