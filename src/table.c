/* table.c: tables laid out to fit the page (see table.h). */
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-core-extensions.h>
#include "guidenav/cell.h"
#include "guidenav/columns.h"
#include "guidenav/interrupt.h"
#include "guidenav/table.h"
#include "guidenav/text.h"

/* When the columns' widest words do not fit, a word wider than this
 * counts as this wide in its column's minimum: a long identifier or URL
 * is broken, with the wrap mark, rather than turning the table into
 * records. */
#define MAX_WORD 20

/* A column narrower than this (or than its natural width, if smaller)
 * makes the table unreadable, though its words might fit: Japanese and
 * Chinese text breaks between any two characters. */
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
            gn_para_add_html(p, s, strlen(s));
            gn_para_markup(p);
        }
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
        gn_emit_span_w(e, blanks, (size_t)k, k, 0, -1);
        n -= k;
    }
}

/* Emit the marker of line l (if any) right-aligned in its indent, or
 * its indent as spaces. */
static void emit_indent(gn_emit *e, const gn_cell_line *l, uint32_t extra)
{
    if (l->number < 0) { /* no marker */
        spaces(e, l->indent);
        return;
    }
    char buf[16];
    const char *m = gn_cell_marker(l->depth, l->number, e->g, buf);
    size_t mlen = strlen(m);
    int mw = gn_text_width(m, mlen);
    spaces(e, l->indent - mw);
    gn_emit_span_w(e, m, mlen, mw, GN_ST_MARKER | extra, -1);
}

/* One row: its cells' lines (gn_cell_lines of cells, the table's cells
 * read) in their columns, side by side; a line that ends inside a word
 * ends with the wrap mark. */
static void emit_row(gn_emit *e, const gn_table *t, gn_cell *cells, size_t r, const int *width)
{
    size_t ncols = t->ncols, height = 1;
    const char *wrap = e->g->wrap, *vline = e->g->vline;
    size_t wraplen = strlen(wrap), vlen = strlen(vline);
    int markw = gn_text_width(wrap, wraplen), vw = gn_text_width(vline, vlen);
    const gn_cell_line **lines = gn_xcalloc(ncols, sizeof *lines);
    size_t *n = gn_xcalloc(ncols, sizeof *n);
    for (size_t c = 0; c < ncols; c++) {
        n[c] = gn_cell_lines(&cells[r * ncols + c], width[c], markw, &lines[c]);
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
        gn_emit_span_w(e, vline, vlen, vw, GN_ST_BORDER, -1);
        for (size_t c = 0; c < ncols; c++) {
            const gn_cell_line *l = h < n[c] ? &lines[c][h] : NULL;
            bool mark = l && l->split && l->indent + l->width + markw <= width[c];
            int used = l ? l->indent + l->width + (mark ? markw : 0) : 0;
            int room = width[c] - used > 0 ? width[c] - used : 0;
            int pad = t->align[c] == 'r' ? room : t->align[c] == 'c' ? room / 2 : 0;
            spaces(e, 1 + pad);
            if (l) {
                emit_indent(e, l, extra);
                gn_emit_piece(e, at[c] + l->start, l->end - l->start);
                gn_emit_para_range(e, &t->cells[r * ncols + c], l->start, l->end, extra,
                                   l->width);
                if (mark)
                    gn_emit_span_w(e, wrap, wraplen, markw, GN_ST_CONT, -1);
            }
            spaces(e, room - pad + 1);
            gn_emit_span_w(e, vline, vlen, vw, GN_ST_BORDER, -1);
        }
        gn_emit_line_end(e);
    }
    gn_emit_pieces_merge(e, from, at, ncols);
    free(lines);
    free(n);
    free(at);
}

/* The runs of a record's value after the first line's: each under its
 * marker and indent (a container's prefixes), the value's text recorded
 * at ptext offset vat. */
static void emit_runs(gn_emit *e, const gn_para *v, const gn_cell_run *run,
                      gn_wrap_text *const *texts, size_t nruns, size_t vat)
{
    gn_para seg = {0};
    gn_buf first = GN_BUF_INIT, rest = GN_BUF_INIT;
    for (size_t k = 0; k < nruns && !gn_interrupted(); k++) {
        char buf[16];
        const char *m = gn_cell_marker(run[k].depth, run[k].number, e->g, buf);
        int pad = run[k].indent - gn_text_width(m, strlen(m));
        gn_buf_reset(&first);
        gn_buf_reset(&rest);
        gn_buf_adds(&first, "");
        gn_buf_adds(&rest, "");
        for (int i = 0; i < run[k].indent; i++)
            gn_buf_addc(&rest, ' ');
        for (int i = 0; i < pad; i++)
            gn_buf_addc(&first, ' ');
        gn_buf_adds(&first, m);
        gn_para_reset(&seg);
        gn_para_append(&seg, v, run[k].start, run[k].end);
        size_t parts[2] = {0, seg.text.len}, at = vat + run[k].start;
        gn_emit_push(e, NULL, first.data, rest.data, GN_ST_MARKER);
        gn_emit_para_parts_with(e, &seg, texts[k], parts, &at, 1);
        gn_emit_pop(e);
    }
    gn_para_free(&seg);
    gn_buf_free(&first);
    gn_buf_free(&rest);
}

/* The decoded text of a record's line, "Header: value" (head, the header
 * cell, or NULL; value, the value's first run's, or NULL), joined from
 * the cells' (colon: ": " decoded), or NULL when the header's runs are not
 * its whole text (then the line is decoded anew). */
static gn_wrap_text *record_text(const gn_emit *e, const gn_cell *head, gn_wrap_text *colon,
                                 gn_wrap_text *value)
{
    gn_wrap_text *parts[3];
    size_t n = 0;
    if (head) {
        size_t len = head->p->text.len;
        if (head->nruns == 1 && head->runs[0].start == 0 && head->runs[0].end == len)
            parts[n++] = head->texts[0];
        else if (len > 0)
            return NULL;
        parts[n++] = colon;
    }
    if (value)
        parts[n++] = value;
    return gn_wrap_text_join(parts, n, e->lang);
}

/* Rows as records: "Header: value" lines, a blank line between rows; a
 * value's lists and paragraphs (its runs in cells) go on lines of their own.
 * For search, the cells are paragraphs in the order of the table laid
 * out in columns (header cells, then each row's cells), whatever the
 * width: the header cells are recorded once, shown on the first record.
 * The cells' texts are not decoded again (record_text). */
static void emit_records(gn_emit *e, gn_table *t, const gn_cell *cells)
{
    gn_wrap_text *colon = gn_wrap_text_new(": ", 2, e->lang);
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
            const gn_cell_run *run = cells[r * t->ncols + c].runs;
            size_t nruns = cells[r * t->ncols + c].nruns, k = 0;
            gn_para_reset(&line);
            if (head) {
                const gn_para *h = &head[c];
                gn_para_add(&line, h->text.data ? h->text.data : "", h->text.len, GN_ST_TABLEHEAD, -1);
                gn_para_add(&line, ": ", 2, GN_ST_TABLEHEAD, -1);
            }
            size_t at = line.text.len;
            if (nruns && run[0].start == 0 && run[0].indent == 0 && run[0].number < 0) {
                gn_para_append(&line, v, run[0].start, run[0].end); /* the first line's */
                k = 1;
            }
            size_t parts[4], pat[2], nparts = 0;
            if (head && r == 1) {
                parts[0] = 0;
                parts[1] = at - 2; /* before ": " */
                pat[nparts++] = hat[c];
            }
            parts[2 * nparts] = at;
            parts[2 * nparts + 1] = line.text.len;
            size_t vat = gn_emit_par(e, v->text.data ? v->text.data : "", v->text.len);
            pat[nparts++] = vat;
            const gn_cell *cell = &cells[r * t->ncols + c];
            if (line.text.len) {
                gn_wrap_text *wt = record_text(e, head ? &cells[c] : NULL, colon,
                                               k ? cell->texts[0] : NULL);
                gn_emit_para_parts_with(e, &line, wt, parts, pat, nparts);
                gn_wrap_text_free(wt);
            }
            if (nruns > k) /* (run is NULL when there is none) */
                emit_runs(e, v, run + k, cell->texts + k, nruns - k, vat);
        }
    }
    gn_emit_pieces_sort(e, from); /* the headers' pieces came with the first record */
    gn_para_free(&line);
    free(hat);
    gn_wrap_text_free(colon);
}

/* The widest of the minimums x, with a column's floor, counts in the sum
 * that decides for records (gn_table_emit). */
static int capped(int x, int floor)
{
    x = x > floor ? x : floor;
    x = x > 1 ? x : 1;
    return x < MAX_WORD ? x : MAX_WORD;
}

/* A cell of a column: its row and natural width. */
typedef struct by_width {
    int nat;
    size_t row;
} by_width;

/* qsort: the widest first. */
static int widest_first(const void *a, const void *b)
{
    const by_width *x = a, *y = b;
    return x->nat > y->nat ? -1 : x->nat < y->nat;
}

/* What each column needs (columns.h): its natural width, the width its
 * body rows need (the header rows left out, unless all rows are headers)
 * and its minimum: its widest word, at least MIN_COLUMN (or its natural
 * width, when less). Widest words cost each cell's break opportunities:
 * a column's cells are asked widest first, and none whose natural width
 * is no more than the widest word so far (its words are no wider).
 * Returns false as soon as the minimums, each counted as at most
 * MAX_WORD, are sure to take more than room: the table is then laid out
 * as records, which needs none of these (then min is not complete). */
static bool measure(const gn_table *t, const gn_cell *cells, long room, int *natural, int *body,
                    int *min)
{
    size_t ncols = t->ncols, nrows = t->nrows;
    bool all_head = true, fits = true;
    for (size_t r = 0; r < nrows; r++)
        all_head = all_head && t->head[r];
    int *nat = gn_xcalloc(nrows * ncols, sizeof *nat);
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncols; c++) {
            int n = nat[r * ncols + c] = gn_cell_natural(&cells[r * ncols + c]);
            if (n > natural[c])
                natural[c] = n;
            if ((!t->head[r] || all_head) && n > body[c])
                body[c] = n;
        }
    int *floor = gn_xcalloc(ncols, sizeof *floor);
    long sure = 0; /* the sum of the minimums capped, as far as known */
    for (size_t c = 0; c < ncols; c++) {
        floor[c] = natural[c] < MIN_COLUMN ? natural[c] : MIN_COLUMN;
        sure += capped(0, floor[c]);
    }
    by_width *rows = gn_xcalloc(nrows ? nrows : 1, sizeof *rows);
    for (size_t c = 0; c < ncols && fits && !gn_interrupted(); c++) {
        for (size_t r = 0; r < nrows; r++)
            rows[r] = (by_width){nat[r * ncols + c], r};
        qsort(rows, nrows, sizeof *rows, widest_first);
        for (size_t k = 0; k < nrows && rows[k].nat > min[c]; k++) {
            int word = gn_cell_word(&cells[rows[k].row * ncols + c]);
            if (word <= min[c])
                continue;
            sure += capped(word, floor[c]) - capped(min[c], floor[c]);
            min[c] = word;
            if (sure > room) {
                fits = false;
                break;
            }
        }
    }
    for (size_t c = 0; c < ncols; c++) {
        if (min[c] < floor[c]) /* Japanese and Chinese break anywhere, but not so narrow */
            min[c] = floor[c];
        if (min[c] < 1)
            min[c] = 1;
        if (body[c] < min[c])
            body[c] = min[c];
        if (natural[c] < body[c])
            natural[c] = body[c];
    }
    free(rows);
    free(floor);
    free(nat);
    return fits;
}

/* The columns each column's cells take at width[c] (the wrap mark
 * included) into used; returns what the columns leave unused. */
static long unused(gn_emit *e, const gn_table *t, gn_cell *cells, const int *width, int *used)
{
    int markw = gn_text_width(e->g->wrap, strlen(e->g->wrap));
    long left = 0;
    memset(used, 0, t->ncols * sizeof *used);
    for (size_t r = 0; r < t->nrows && !gn_interrupted(); r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const gn_cell_line *l;
            size_t n = gn_cell_lines(&cells[r * t->ncols + c], width[c], markw, &l);
            for (size_t i = 0; i < n; i++) {
                int w = l[i].indent + l[i].width + (l[i].split ? markw : 0);
                if (w > used[c])
                    used[c] = w < width[c] ? w : width[c];
            }
        }
    for (size_t c = 0; c < t->ncols; c++)
        left += width[c] - used[c];
    return left;
}

void gn_table_emit(gn_emit *e, gn_table *t)
{
    size_t ncols = t->ncols;
    if (ncols == 0 || t->nrows == 0)
        return;
    if (e->pars_only) { /* the cells alone, as either layout records them */
        for (size_t r = 0; r < t->nrows && !gn_interrupted(); r++)
            for (size_t c = 0; c < ncols; c++) {
                const gn_para *p = &t->cells[r * ncols + c];
                gn_emit_par(e, p->text.data ? p->text.data : "", p->text.len);
            }
        return;
    }
    /* Each cell read, measured and wrapped once (again only at another
     * width). */
    gn_cell *cells = gn_xcalloc(t->nrows * ncols, sizeof *cells);
    for (size_t i = 0; i < t->nrows * ncols; i++)
        gn_cell_init(&cells[i], &t->cells[i], e->g, e->lang);
    int *natural = gn_xcalloc(ncols, sizeof *natural);
    int *body = gn_xcalloc(ncols, sizeof *body);
    int *min = gn_xcalloc(ncols, sizeof *min);
    int *width = gn_xcalloc(ncols, sizeof *width);
    long room = e->width - gn_emit_prefix_width(e) - (long)(3 * ncols + 1);
    bool fits = measure(t, cells, room, natural, body, min);
    long need = 0, capped_need = 0;
    for (size_t c = 0; c < ncols && fits; c++) {
        need += min[c];
        capped_need += min[c] < MAX_WORD ? min[c] : MAX_WORD;
    }
    if (room < need) /* long words give way before the table does */
        for (size_t c = 0; c < ncols; c++)
            min[c] = min[c] < MAX_WORD ? min[c] : MAX_WORD;
    if (!fits || room < capped_need) {
        emit_records(e, t, cells);
    } else {
        gn_columns_fit(width, natural, body, min, ncols, room);
        /* A column wider than its cells' lines lends the rest to the
         * others (twice at most: what it lends may again go unused). */
        for (int pass = 0; pass < 2 && unused(e, t, cells, width, min) > 0; pass++) {
            for (size_t c = 0; c < ncols; c++)
                if (body[c] < min[c])
                    body[c] = min[c];
            gn_columns_fit(width, natural, body, min, ncols, room);
        }
        border(e, width, ncols, e->g->top);
        for (size_t r = 0; r < t->nrows && !gn_interrupted(); r++) {
            emit_row(e, t, cells, r, width);
            if (t->head[r] && r + 1 < t->nrows && !t->head[r + 1])
                border(e, width, ncols, e->g->mid);
        }
        border(e, width, ncols, e->g->bottom);
    }
    for (size_t i = 0; i < t->nrows * ncols; i++)
        gn_cell_free(&cells[i]);
    free(cells);
    free(natural);
    free(body);
    free(min);
    free(width);
}
