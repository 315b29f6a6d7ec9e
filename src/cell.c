/* cell.c: a table cell's text as lines (see cell.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/cell.h"
#include "guidenav/text.h"
#include "guidenav/wrap.h"

const char *gn_cell_marker(int depth, int32_t number, const gn_glyphs *g, char buf[16])
{
    if (number > 0) {
        snprintf(buf, 16, "%ld. ", (long)number);
        return buf;
    }
    if (number == 0)
        return g->bullet[(depth > 0 ? depth - 1 : 0) % 3];
    return "";
}

typedef struct runs {
    gn_cell_run *v;
    size_t n, cap;
} runs;

/* Keep the run [start, end) unless it is empty and no item. */
static void add_run(runs *o, gn_cell_run r)
{
    if (r.end <= r.start && r.number < 0)
        return;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 4;
        o->v = gn_xreallocarray(o->v, o->cap, sizeof *o->v);
    }
    o->v[o->n++] = r;
}

/* The runs of cell p (after gn_para_markup), in order, none empty but an
 * item's; *out is newly allocated (NULL when there is none). Linear in the
 * text and its blocks. */
static size_t cell_runs(const gn_para *p, const gn_glyphs *g, gn_cell_run **out)
{
    const char *s = p->text.data ? p->text.data : "";
    size_t len = p->text.len;
    runs o = {NULL, 0, 0};
    /* Where the text of each depth starts: its last item's marker ends
     * there (0: no item yet at that depth). */
    int text_col[GN_PARA_DEPTH + 1] = {0};
    gn_cell_run cur = {0, len, 0, 0, -1};
    for (size_t k = 0; k < p->nblocks; k++) {
        const gn_para_block *b = &p->blocks[k];
        /* A block starts a run at a line's start; of blocks at one
         * offset, the last. */
        if (b->off >= len || (b->off > 0 && s[b->off - 1] != '\n') ||
            (k + 1 < p->nblocks && p->blocks[k + 1].off == b->off))
            continue;
        if (b->off > 0) {
            cur.end = b->off - 1; /* the '\n' between is neither's */
            add_run(&o, cur);
        }
        int d = b->depth < 0 ? 0 : b->depth > GN_PARA_DEPTH ? GN_PARA_DEPTH : b->depth;
        int outer = d > 0 ? text_col[d - 1] : 0;
        for (int j = d + 1; j <= GN_PARA_DEPTH; j++) /* deeper lists ended */
            text_col[j] = 0;
        if (b->number >= 0 && d > 0) {
            char buf[16];
            const char *m = gn_cell_marker(d, b->number, g, buf);
            text_col[d] = outer + gn_text_width(m, strlen(m));
        } else if (d > 0 && text_col[d] == 0) {
            text_col[d] = outer + 2;
        }
        cur = (gn_cell_run){b->off, len, d > 0 ? text_col[d] : 0, d, d > 0 ? b->number : -1};
    }
    cur.end = len;
    add_run(&o, cur);
    *out = o.v;
    return o.n;
}

void gn_cell_init(gn_cell *c, const gn_para *p, const gn_glyphs *g, const char *lang)
{
    *c = (gn_cell){.p = p, .width = -1};
    c->nruns = cell_runs(p, g, &c->runs);
    const char *s = p->text.data ? p->text.data : "";
    c->texts = gn_xcalloc(c->nruns ? c->nruns : 1, sizeof *c->texts);
    for (size_t k = 0; k < c->nruns; k++)
        c->texts[k] = gn_wrap_text_new(s + c->runs[k].start, c->runs[k].end - c->runs[k].start,
                                       lang);
}

void gn_cell_free(gn_cell *c)
{
    for (size_t k = 0; c->texts && k < c->nruns; k++)
        gn_wrap_text_free(c->texts[k]);
    free(c->texts);
    free(c->runs);
    free(c->lines);
    *c = (gn_cell){0};
}

int gn_cell_natural(const gn_cell *c)
{
    int natural = 0;
    for (size_t k = 0; k < c->nruns; k++) {
        int w = c->runs[k].indent + gn_wrap_text_natural(c->texts[k]);
        if (w > natural)
            natural = w;
    }
    return natural;
}

int gn_cell_word(const gn_cell *c)
{
    int word = 0;
    for (size_t k = 0; k < c->nruns; k++) {
        int w = c->runs[k].indent + gn_wrap_text_widest(c->texts[k]);
        if (w > word)
            word = w;
    }
    return word;
}

/* What holds run r of p together at avail columns (gn_para_glue): a new
 * array of its length, or NULL. The run is copied when it is not the whole
 * text, so that each run costs its own length. */
static unsigned char *run_glue(const gn_para *p, const gn_cell_run *r, int avail)
{
    bool code = false;
    for (size_t i = r->start; i < r->end && !code; i++)
        code = p->style[i] & GN_ST_CODE;
    if (!code)
        return NULL;
    if (r->start == 0 && r->end == p->text.len)
        return gn_para_glue(p, avail);
    gn_para copy = {0};
    gn_para_append(&copy, p, r->start, r->end);
    unsigned char *glue = gn_para_glue(&copy, avail);
    gn_para_free(&copy);
    return glue;
}

size_t gn_cell_lines(gn_cell *c, int width, int markw, const gn_cell_line **lines)
{
    if (c->width == width && c->markw == markw) {
        *lines = c->lines;
        return c->nlines;
    }
    const gn_para *p = c->p;
    const gn_cell_run *r = c->runs;
    size_t n = 0, cap = 0;
    gn_cell_line *v = NULL;
    for (size_t k = 0; k < c->nruns; k++) {
        int avail = width - r[k].indent < 1 ? 1 : width - r[k].indent;
        gn_wrap_line *wl = NULL;
        unsigned char *glue = run_glue(p, &r[k], avail);
        size_t nw = gn_wrap_text_lines(c->texts[k], avail, markw, glue, &wl);
        bool split = false;
        for (size_t i = 0; glue && i < nw; i++)
            split = split || wl[i].split;
        if (split) { /* a code span held with what may not leave it splits a word */
            free(wl);
            nw = gn_wrap_text_lines(c->texts[k], avail, markw, NULL, &wl);
        }
        free(glue);
        if (nw == 0) { /* an empty item: its marker alone */
            wl = gn_xcalloc(1, sizeof *wl);
            nw = 1;
        }
        for (size_t i = 0; i < nw; i++) {
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                v = gn_xreallocarray(v, cap, sizeof *v);
            }
            v[n++] = (gn_cell_line){r[k].start + wl[i].start, r[k].start + wl[i].end,
                                    wl[i].width, r[k].indent, r[k].depth,
                                    i == 0 ? r[k].number : -1, wl[i].split};
        }
        free(wl);
    }
    free(c->lines);
    c->lines = v;
    c->nlines = n;
    c->width = width;
    c->markw = markw;
    *lines = v;
    return n;
}
