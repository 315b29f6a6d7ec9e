/* table.c: tables laid out to fit the page (see table.h). */
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-core-extensions.h>
#include "guidenav/interrupt.h"
#include "guidenav/table.h"
#include "guidenav/text.h"
#include "guidenav/wrap.h"

/* A column narrower than this (or than its widest word, if smaller) makes
 * the table unreadable: below it, rows become records. */
#define MIN_COLUMN 4

void gn_table_init(gn_table *t, size_t nrows, size_t ncols)
{
    t->nrows = nrows;
    t->ncols = ncols;
    t->cells = gn_xcalloc(nrows * ncols, sizeof *t->cells);
    t->head = gn_xcalloc(nrows, sizeof *t->head);
    t->align = gn_xcalloc(ncols, sizeof *t->align);
}

void gn_table_free(gn_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        gn_para_free(&t->cells[i]);
    free(t->cells);
    free(t->head);
    free(t->align);
    memset(t, 0, sizeof *t);
}

void gn_table_from_node(gn_table *t, gn_emit *e, cmark_node *node)
{
    size_t ncols = cmark_gfm_extensions_get_table_columns(node);
    size_t nrows = 0;
    for (cmark_node *r = cmark_node_first_child(node); r; r = cmark_node_next(r))
        nrows++;
    gn_table_init(t, nrows, ncols);
    uint8_t *align = cmark_gfm_extensions_get_table_alignments(node);
    for (size_t c = 0; align && c < ncols; c++)
        t->align[c] = align[c];
    size_t r = 0;
    for (cmark_node *row = cmark_node_first_child(node); row && !gn_interrupted();
         row = cmark_node_next(row), r++) {
        t->head[r] = cmark_gfm_extensions_get_table_row_is_header(row);
        size_t c = 0;
        for (cmark_node *cl = cmark_node_first_child(row); cl && c < ncols; cl = cmark_node_next(cl), c++)
            gn_emit_collect(e, &t->cells[r * ncols + c], cl, 0);
    }
}

void gn_table_from_html(gn_table *t, const gn_html_table *h)
{
    gn_table_init(t, h->nrows, h->ncols);
    for (size_t r = 0; r < h->nrows; r++) {
        t->head[r] = h->head[r];
        for (size_t c = 0; c < h->ncols; c++) {
            gn_para *p = &t->cells[r * h->ncols + c];
            const char *s = h->cells[r * h->ncols + c];
            gn_para_add(p, s, strlen(s), 0, -1);
            gn_para_markup(p);
        }
    }
}

/* Widest line (lines split at '\n') and widest unbreakable run of a cell:
 * Latin words, or single CJK characters, which break anywhere. */
static void cell_widths(const gn_para *p, int *natural, int *word)
{
    *natural = *word = 0;
    const char *s = p->text.data ? p->text.data : "";
    int line = 0, w = 0;
    for (size_t i = 0; i <= p->text.len;) {
        int32_t cp = '\n'; /* the end of the text ends the last line */
        size_t k = i < p->text.len ? gn_utf8_decode(s + i, p->text.len - i, &cp) : 1;
        i += k;
        int cw = cp == '\n' ? 0 : gn_cp_width(cp);
        line += cw;
        if (cp == '\n' || cp == ' ' || cw == 2) {
            if (w > *word)
                *word = w;
            if (cw == 2 && *word < 2)
                *word = 2;
            w = 0;
        } else {
            w += cw;
        }
        if (cp == '\n') {
            if (line > *natural)
                *natural = line;
            line = 0;
        }
    }
}

/* Column widths that fit room: each column its natural width, capped at a
 * common level found by bisection so that the widest columns shrink first,
 * never below each column's minimum. */
static void fit_columns(int *width, const int *natural, const int *min, size_t ncols, long room)
{
    long total = 0;
    int hi = 1;
    for (size_t c = 0; c < ncols; c++) {
        total += natural[c];
        if (natural[c] > hi)
            hi = natural[c];
    }
    if (total <= room) {
        memcpy(width, natural, ncols * sizeof *width);
        return;
    }
    int lo = 1;
    while (lo < hi) { /* the largest cap whose total fits */
        int mid = lo + (hi - lo + 1) / 2;
        long t = 0;
        for (size_t c = 0; c < ncols; c++) {
            int w = natural[c] < mid ? natural[c] : mid;
            t += w > min[c] ? w : min[c];
        }
        if (t <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    long used = 0;
    for (size_t c = 0; c < ncols; c++) {
        width[c] = natural[c] < lo ? natural[c] : lo;
        if (width[c] < min[c])
            width[c] = min[c];
        used += width[c];
    }
    for (size_t c = 0; c < ncols && used < room; c++) /* what is left over */
        if (width[c] < natural[c]) {
            width[c]++;
            used++;
        }
}

static void border(gn_emit *e, const int *width, size_t ncols, const char *const corners[3])
{
    if (e->pars_only)
        return;
    gn_buf line = GN_BUF_INIT; /* one span for the whole border */
    gn_buf_adds(&line, corners[0]);
    for (size_t c = 0; c < ncols; c++) {
        for (int i = 0; i < width[c] + 2; i++)
            gn_buf_adds(&line, e->g->hline);
        gn_buf_adds(&line, c + 1 < ncols ? corners[1] : corners[2]);
    }
    gn_emit_line_start(e);
    gn_emit_span(e, line.data, line.len, GN_ST_BORDER, -1);
    gn_emit_line_end(e);
    gn_buf_free(&line);
}

static void spaces(gn_emit *e, int n)
{
    static const char blanks[] = "                                ";
    while (n > 0) {
        int k = n < 32 ? n : 32;
        gn_emit_span(e, blanks, (size_t)k, 0, -1);
        n -= k;
    }
}

/* Emit the spans of p in [a, b) with extra style bits. */
static void emit_range(gn_emit *e, const gn_para *p, size_t a, size_t b, uint32_t extra)
{
    while (a < b) {
        size_t k = a + 1;
        while (k < b && p->style[k] == p->style[a] && p->link[k] == p->link[a])
            k++;
        gn_emit_span(e, p->text.data + a, k - a, p->style[a] | extra, p->link[a]);
        a = k;
    }
}

/* One row: its cells wrapped in their columns, side by side. */
static void emit_row(gn_emit *e, const gn_table *t, size_t r, const int *width)
{
    size_t ncols = t->ncols, height = 1;
    if (e->pars_only) { /* each cell is a paragraph for search */
        for (size_t c = 0; c < ncols; c++) {
            const gn_para *p = &t->cells[r * ncols + c];
            gn_emit_par(e, p->text.data ? p->text.data : "", p->text.len);
        }
        return;
    }
    gn_wrap_line **lines = gn_xcalloc(ncols, sizeof *lines);
    size_t *n = gn_xcalloc(ncols, sizeof *n);
    for (size_t c = 0; c < ncols; c++) {
        const gn_para *p = &t->cells[r * ncols + c];
        unsigned char *glue = gn_para_glue(p, width[c]);
        n[c] = gn_wrap_glued(p->text.data, p->text.len, width[c], e->lang, glue, &lines[c]);
        free(glue);
        if (n[c] > height)
            height = n[c];
    }
    /* Each cell is a paragraph for search; its lines are pieces. */
    size_t *at = gn_xcalloc(ncols, sizeof *at), from = e->doc->npieces;
    for (size_t c = 0; c < ncols; c++) {
        const gn_para *p = &t->cells[r * ncols + c];
        at[c] = gn_emit_par(e, p->text.data ? p->text.data : "", p->text.len);
    }
    uint32_t extra = t->head[r] ? GN_ST_TABLEHEAD : 0;
    for (size_t h = 0; h < height; h++) {
        gn_emit_line_start(e);
        gn_emit_span(e, e->g->vline, strlen(e->g->vline), GN_ST_BORDER, -1);
        for (size_t c = 0; c < ncols; c++) {
            int used = h < n[c] ? lines[c][h].width : 0;
            int room = width[c] - used > 0 ? width[c] - used : 0;
            int pad = t->align[c] == 'r' ? room : t->align[c] == 'c' ? room / 2 : 0;
            spaces(e, 1 + pad);
            if (h < n[c]) {
                gn_emit_piece(e, at[c] + lines[c][h].start, lines[c][h].end - lines[c][h].start);
                emit_range(e, &t->cells[r * ncols + c], lines[c][h].start, lines[c][h].end, extra);
            }
            spaces(e, room - pad + 1);
            gn_emit_span(e, e->g->vline, strlen(e->g->vline), GN_ST_BORDER, -1);
        }
        gn_emit_line_end(e);
    }
    gn_emit_pieces_sort(e, from);
    for (size_t c = 0; c < ncols; c++)
        free(lines[c]);
    free(lines);
    free(n);
    free(at);
}

/* Rows as records: "Header: value" lines, a blank line between rows. For
 * search, the cells are paragraphs in the order of the table laid out in
 * columns (header cells, then each row's cells), whatever the width: the
 * header cells are recorded once, shown on the first record. */
static void emit_records(gn_emit *e, gn_table *t)
{
    const gn_para *head = t->nrows && t->head[0] ? t->cells : NULL;
    gn_para line = {0};
    size_t from = e->doc->npieces;
    size_t *hat = gn_xcalloc(t->ncols, sizeof *hat);
    for (size_t c = 0; head && c < t->ncols; c++)
        hat[c] = gn_emit_par(e, head[c].text.data ? head[c].text.data : "", head[c].text.len);
    for (size_t r = head ? 1 : 0; r < t->nrows && !gn_interrupted(); r++) {
        if (r > (head ? 1u : 0u))
            gn_emit_blank(e);
        for (size_t c = 0; c < t->ncols; c++) {
            const gn_para *v = &t->cells[r * t->ncols + c];
            gn_para_reset(&line);
            if (head) {
                const gn_para *h = &head[c];
                gn_para_add(&line, h->text.data ? h->text.data : "", h->text.len, GN_ST_TABLEHEAD, -1);
                gn_para_add(&line, ": ", 2, GN_ST_TABLEHEAD, -1);
            }
            size_t at = line.text.len;
            gn_para_add(&line, v->text.data ? v->text.data : "", v->text.len, 0, -1);
            for (size_t i = 0; i < v->text.len && at + i < line.text.len; i++) {
                line.style[at + i] = v->style[i];
                line.link[at + i] = v->link[i];
            }
            size_t parts[4], pat[2], nparts = 0;
            if (head && r == 1) {
                parts[0] = 0;
                parts[1] = at - 2; /* before ": " */
                pat[nparts++] = hat[c];
            }
            parts[2 * nparts] = at;
            parts[2 * nparts + 1] = line.text.len;
            /* line.text.data is NULL while nothing has been added to it */
            pat[nparts++] = line.text.len > at ? gn_emit_par(e, line.text.data + at, line.text.len - at)
                                               : gn_emit_par(e, "", 0);
            gn_emit_para_parts(e, &line, parts, pat, nparts);
        }
    }
    gn_emit_pieces_sort(e, from); /* the headers' pieces came with the first record */
    gn_para_free(&line);
    free(hat);
}

void gn_table_emit(gn_emit *e, gn_table *t)
{
    size_t ncols = t->ncols;
    if (ncols == 0 || t->nrows == 0)
        return;
    int *natural = gn_xcalloc(ncols, sizeof *natural);
    int *min = gn_xcalloc(ncols, sizeof *min);
    int *width = gn_xcalloc(ncols, sizeof *width);
    for (size_t r = 0; r < t->nrows && !gn_interrupted(); r++)
        for (size_t c = 0; c < ncols; c++) {
            int nat, word;
            cell_widths(&t->cells[r * ncols + c], &nat, &word);
            if (nat > natural[c])
                natural[c] = nat;
            if (word > min[c])
                min[c] = word;
        }
    long need = 0;
    for (size_t c = 0; c < ncols; c++) {
        if (natural[c] < 1)
            natural[c] = 1;
        int floor = natural[c] < MIN_COLUMN ? natural[c] : MIN_COLUMN;
        if (min[c] > floor)
            min[c] = floor; /* long words may wrap; short columns may not */
        if (min[c] < 1)
            min[c] = 1;
        need += min[c];
    }
    long room = e->width - gn_emit_prefix_width(e) - (long)(3 * ncols + 1);
    if (room < need) {
        emit_records(e, t);
    } else {
        fit_columns(width, natural, min, ncols, room);
        border(e, width, ncols, e->g->top);
        for (size_t r = 0; r < t->nrows && !gn_interrupted(); r++) {
            emit_row(e, t, r, width);
            if (t->head[r] && r + 1 < t->nrows && !t->head[r + 1])
                border(e, width, ncols, e->g->mid);
        }
        border(e, width, ncols, e->g->bottom);
    }
    free(natural);
    free(min);
    free(width);
}
