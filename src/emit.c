/* emit.c: building a laid-out document line by line (see emit.h). */
#include <stdlib.h>
#include <string.h>
#include "guidenav/emit.h"
#include "guidenav/interrupt.h"
#include "guidenav/text.h"
#include "guidenav/wrap.h"

#define NO_LINE ((size_t)-1)

static const gn_glyphs unicode = {
    {"• ", "◦ ", "▪ "}, "│ ", "┃ ", "▒ ", "─", "↵", ">", "▶ ", "▸ ",
    {"┌", "┬", "┐"}, {"├", "┼", "┤"}, {"└", "┴", "┘"}, "─", "│",
    "▾ ", "▸ ", "  ",
};
static const gn_glyphs ascii = {
    {"* ", "- ", "+ "}, "| ", "! ", ": ", "-", "\\", ">", "> ", "> ",
    {"+", "+", "+"}, {"+", "+", "+"}, {"+", "+", "+"}, "-", "|",
    "[-] ", "[+] ", "    ",
};

const gn_glyphs *gn_glyphs_for(bool use_ascii)
{
    return use_ascii ? &ascii : &unicode;
}

void gn_emit_init(gn_emit *e, gn_doc *doc, int width, const char *lang, bool use_ascii)
{
    memset(e, 0, sizeof *e);
    memset(doc, 0, sizeof *doc);
    doc->width = width < 1 ? 1 : width;
    doc->ascii = use_ascii;
    e->doc = doc;
    e->width = doc->width;
    e->lang = lang;
    e->g = gn_glyphs_for(use_ascii);
}

void gn_emit_done(gn_emit *e)
{
    free(e->stack);
    e->stack = NULL;
}

gn_container *gn_emit_push(gn_emit *e, cmark_node *node, const char *first,
                           const char *rest, uint32_t style)
{
    if (e->depth == e->cap) {
        /* A prefix may live in its container (c->own): moving the stack
         * must move those pointers with it. */
        size_t n = e->depth;
        unsigned char *own = gn_xcalloc(n ? n : 1, 1);
        for (size_t i = 0; i < n; i++)
            own[i] = (unsigned char)((e->stack[i].first == e->stack[i].own) |
                                     (e->stack[i].rest == e->stack[i].own) << 1);
        e->cap = e->cap ? e->cap * 2 : 16;
        e->stack = gn_xreallocarray(e->stack, e->cap, sizeof *e->stack);
        for (size_t i = 0; i < n; i++) {
            if (own[i] & 1)
                e->stack[i].first = e->stack[i].own;
            if (own[i] & 2)
                e->stack[i].rest = e->stack[i].own;
        }
        free(own);
    }
    gn_container *c = &e->stack[e->depth++];
    memset(c, 0, sizeof *c);
    c->first = first;
    c->rest = rest;
    c->style = style;
    c->node = node;
    return c;
}

void gn_emit_pop(gn_emit *e)
{
    if (e->depth > 0)
        e->depth--;
}

/* Index of the first span of the line being built. */
static size_t open_line_first(const gn_doc *d)
{
    return d->nlines ? d->lines[d->nlines - 1].first + d->lines[d->nlines - 1].n : 0;
}

/* Add s (len bytes) to the line being built as gn_emit_span does, but
 * for its width, which the caller adds to e->line_w. */
static void add_span(gn_emit *e, const char *s, size_t len, uint32_t style, int32_t link)
{
    gn_doc *d = e->doc;
    if (len == 0)
        return;
    gn_span *last = d->nspans > open_line_first(d) ? &d->spans[d->nspans - 1] : NULL;
    if (last && last->style == style && last->link == link &&
        last->off + last->len == d->text.len) {
        last->len += (uint32_t)len;
    } else {
        if (d->nspans == d->cap_spans) {
            d->cap_spans = d->cap_spans ? d->cap_spans * 2 : 256;
            d->spans = gn_xreallocarray(d->spans, d->cap_spans, sizeof *d->spans);
        }
        d->spans[d->nspans++] = (gn_span){(uint32_t)d->text.len, (uint32_t)len, style, link};
    }
    /* gn_buf_add, without its calls: spans are many and short. */
    if (d->text.len + len >= d->text.cap)
        gn_buf_reserve(&d->text, len);
    memcpy(d->text.data + d->text.len, s, len);
    d->text.len += len;
    d->text.data[d->text.len] = '\0';
    if (link >= 0 && (size_t)link < d->nlinks && d->links[link].line == NO_LINE)
        d->links[link].line = d->nlines;
}

void gn_emit_span(gn_emit *e, const char *s, size_t len, uint32_t style, int32_t link)
{
    gn_emit_span_w(e, s, len, gn_text_width(s, len), style, link);
}

void gn_emit_span_w(gn_emit *e, const char *s, size_t len, int width, uint32_t style,
                    int32_t link)
{
    add_span(e, s, len, style, link);
    e->line_w += width;
}

void gn_emit_para_range(gn_emit *e, const gn_para *p, size_t a, size_t b, uint32_t extra,
                        int width)
{
    while (a < b) {
        size_t k = a + 1;
        while (k < b && p->style[k] == p->style[a] && p->link[k] == p->link[a])
            k++;
        add_span(e, p->text.data + a, k - a, p->style[a] | extra, p->link[a]);
        a = k;
    }
    e->line_w += width;
}

/* Index of the first container whose prefix is drawn: outer prefixes are
 * dropped when together they would take more than half the width. */
static size_t prefix_from(const gn_emit *e)
{
    int total = 0;
    size_t i = e->depth;
    while (i > 0) {
        int w = gn_text_width(e->stack[i - 1].rest, strlen(e->stack[i - 1].rest));
        if (total + w > e->width / 2)
            break;
        total += w;
        i--;
    }
    return i;
}

int gn_emit_prefix_width(const gn_emit *e)
{
    int w = 0;
    for (size_t i = prefix_from(e); i < e->depth; i++)
        w += gn_text_width(e->stack[i].rest, strlen(e->stack[i].rest));
    return w;
}

/* Start a line with the containers' prefixes; blank lines use the "rest"
 * prefixes and leave first prefixes for the next real line. */
static void line_start(gn_emit *e, bool blank)
{
    gn_doc *d = e->doc;
    if (!blank && d->nblocks && d->blocks[d->nblocks - 1].line == NO_LINE) {
        gn_block *b = &d->blocks[d->nblocks - 1];
        b->line = d->nlines;
        if (b->parent >= 0 && d->blocks[b->parent].line == NO_LINE)
            d->blocks[b->parent].line = d->nlines;
    }
    for (size_t i = prefix_from(e); i < e->depth; i++) {
        gn_container *c = &e->stack[i];
        const char *p = blank || c->used ? c->rest : c->first;
        gn_emit_span(e, p, strlen(p), c->style, -1);
        if (!blank)
            c->used = true;
    }
}

void gn_emit_line_start(gn_emit *e)
{
    line_start(e, false);
}

/* Drop the last blocks that showed nothing, down to index keep (an item's
 * top-level block stays while its items are to come). A block that showed
 * nothing has no item that did: a line of an item gives it its line. */
static void drop_unshown(gn_doc *d, size_t keep)
{
    while (d->nblocks > keep && d->blocks[d->nblocks - 1].line == NO_LINE)
        d->nblocks--;
}

static void add_block(gn_doc *d, gn_block b)
{
    if (d->nblocks == d->cap_blocks) {
        d->cap_blocks = d->cap_blocks ? d->cap_blocks * 2 : 32;
        d->blocks = gn_xreallocarray(d->blocks, d->cap_blocks, sizeof *d->blocks);
    }
    d->blocks[d->nblocks++] = b;
}

void gn_emit_block(gn_emit *e, gn_block_kind kind, int src_line, int src_end)
{
    gn_doc *d = e->doc;
    /* A block that showed nothing gives its place to this one. */
    drop_unshown(d, 0);
    add_block(d, (gn_block){kind, NO_LINE, src_line, src_end, -1});
    e->top_block = d->nblocks;
}

void gn_emit_item(gn_emit *e, int src_line, int src_end)
{
    gn_doc *d = e->doc;
    if (e->top_block == 0 || e->top_block > d->nblocks)
        return;
    drop_unshown(d, e->top_block);
    add_block(d, (gn_block){GN_BLOCK_ITEM, NO_LINE, src_line, src_end, (long)e->top_block - 1});
}

void gn_emit_finish(gn_emit *e)
{
    drop_unshown(e->doc, 0);
}

/* ---- paragraph recording helpers ---------------------------------------- */

/* Bytes of text of the line being built (prefixes included). Its spans
 * are appended to doc->text one after the other, so this is the text added
 * since its first span: O(1), where summing the spans made a line of n
 * table cells cost O(n^2). */
static size_t open_line_bytes(const gn_doc *d)
{
    size_t first = open_line_first(d);
    return first < d->nspans ? d->text.len - d->spans[first].off : 0;
}

static void add_piece(gn_emit *e, size_t off, size_t len, size_t line, size_t line_off)
{
    gn_doc *d = e->doc;
    if (len == 0 || e->lines_only)
        return;
    if (d->npieces == d->cap_pieces) {
        d->cap_pieces = d->cap_pieces ? d->cap_pieces * 2 : 128;
        d->pieces = gn_xreallocarray(d->pieces, d->cap_pieces, sizeof *d->pieces);
    }
    d->pieces[d->npieces++] = (gn_piece){off, len, line, line_off};
}

/* Line ln (the last line) was clipped to keep bytes of text before its
 * marker: shorten or drop its pieces that reach beyond. */
static void clip_pieces(gn_doc *d, size_t ln, size_t keep)
{
    size_t k = d->npieces, out;
    while (k > 0 && d->pieces[k - 1].line == ln)
        k--;
    out = k;
    for (; k < d->npieces; k++) {
        gn_piece pc = d->pieces[k];
        if (pc.line_off >= keep)
            continue;
        if (pc.line_off + pc.len > keep)
            pc.len = keep - pc.line_off;
        d->pieces[out++] = pc;
    }
    d->npieces = out;
}

/* Clip the spans of line ln (the last line) to the width, ending it with
 * the clip marker. Only a wide character at width 1 or prefixes wider than
 * the page need this. */
static void clip_line(gn_emit *e, gn_line *ln)
{
    gn_doc *d = e->doc;
    int room = e->width - 1, w = 0;
    for (uint32_t k = 0; k < ln->n; k++) {
        gn_span *s = &d->spans[ln->first + k];
        int sw = gn_text_width(gn_span_text(d, s), s->len);
        if (w + sw <= room) {
            w += sw;
            continue;
        }
        s->len = (uint32_t)gn_text_fit(gn_span_text(d, s), s->len, room - w);
        w += gn_text_width(gn_span_text(d, s), s->len);
        ln->n = k + 1;
        break;
    }
    size_t at = ln->first + ln->n;
    if (at == d->cap_spans) {
        d->cap_spans *= 2;
        d->spans = gn_xreallocarray(d->spans, d->cap_spans, sizeof *d->spans);
    }
    d->spans[at] = (gn_span){(uint32_t)d->text.len, (uint32_t)strlen(e->g->clip), GN_ST_CONT, -1};
    gn_buf_adds(&d->text, e->g->clip);
    d->nspans = at + 1;
    ln->n++;
    ln->width = w + 1;
}

void gn_emit_line_end(gn_emit *e)
{
    gn_doc *d = e->doc;
    size_t first = open_line_first(d);
    if (d->nlines == d->cap_lines) {
        d->cap_lines = d->cap_lines ? d->cap_lines * 2 : 128;
        d->lines = gn_xreallocarray(d->lines, d->cap_lines, sizeof *d->lines);
    }
    gn_line *ln = &d->lines[d->nlines++];
    ln->first = first;
    ln->n = (uint32_t)(d->nspans - first);
    ln->width = e->line_w;
    e->line_w = 0;
    if (ln->width > e->width) {
        clip_line(e, ln);
        size_t keep = 0;
        for (uint32_t k = 0; k + 1 < ln->n; k++) /* all but the marker */
            keep += d->spans[ln->first + k].len;
        clip_pieces(d, d->nlines - 1, keep);
    }
}

void gn_emit_blank(gn_emit *e)
{
    line_start(e, true);
    gn_doc *d = e->doc;
    size_t first = open_line_first(d);
    while (d->nspans > first) {
        gn_span *s = &d->spans[d->nspans - 1];
        while (s->len > 0 && d->text.data[s->off + s->len - 1] == ' ') {
            s->len--;
            e->line_w--;
        }
        if (s->len > 0)
            break;
        d->nspans--;
    }
    gn_emit_line_end(e);
}

void gn_emit_block_start(gn_emit *e, bool separate)
{
    if (e->blank_pending && e->doc->nlines > 0 && separate)
        gn_emit_blank(e);
    e->blank_pending = false;
}

/* ---- paragraph recording ------------------------------------------------ */

size_t gn_emit_par(gn_emit *e, const char *s, size_t len)
{
    gn_doc *d = e->doc;
    size_t off = d->ptext.len;
    if (len == 0 || e->lines_only)
        return off;
    if (d->npars == d->cap_pars) {
        d->cap_pars = d->cap_pars ? d->cap_pars * 2 : 64;
        d->pars = gn_xreallocarray(d->pars, d->cap_pars, sizeof *d->pars);
    }
    d->pars[d->npars++] = (gn_par){off, len, e->src_line};
    gn_buf_add(&d->ptext, s, len);
    gn_buf_addc(&d->ptext, '\n');
    return off;
}

void gn_emit_piece(gn_emit *e, size_t off, size_t len)
{
    gn_doc *d = e->doc;
    add_piece(e, off, len, d->nlines, open_line_bytes(d));
}

static int piece_cmp(const void *a, const void *b)
{
    const gn_piece *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

void gn_emit_pieces_sort(gn_emit *e, size_t from)
{
    gn_doc *d = e->doc;
    if (from < d->npieces)
        qsort(d->pieces + from, d->npieces - from, sizeof *d->pieces, piece_cmp);
}

void gn_emit_pieces_merge(gn_emit *e, size_t from, const size_t *starts, size_t n)
{
    gn_doc *d = e->doc;
    size_t np = d->npieces > from ? d->npieces - from : 0;
    if (n < 2 || np < 2)
        return;
    /* Each piece's source (the last whose start is at or before it), then
     * the pieces placed source by source, in the order they came. */
    size_t *src = gn_xmalloc(np * sizeof *src), *next = gn_xcalloc(n + 1, sizeof *next);
    for (size_t k = 0; k < np; k++) {
        size_t s = n - 1;
        while (s > 0 && starts[s] > d->pieces[from + k].off)
            s--;
        src[k] = s;
        next[s + 1]++;
    }
    for (size_t s = 0; s < n; s++)
        next[s + 1] += next[s];
    gn_piece *v = gn_xmalloc(np * sizeof *v);
    for (size_t k = 0; k < np; k++)
        v[next[src[k]]++] = d->pieces[from + k];
    memcpy(d->pieces + from, v, np * sizeof *v);
    free(v);
    free(next);
    free(src);
}

void gn_emit_para_parts(gn_emit *e, const gn_para *p, const size_t *parts,
                        const size_t *at, size_t nparts)
{
    gn_emit_para_parts_with(e, p, NULL, parts, at, nparts);
}

void gn_emit_para_parts_with(gn_emit *e, const gn_para *p, gn_wrap_text *wt,
                             const size_t *parts, const size_t *at, size_t nparts)
{
    gn_doc *d = e->doc;
    if (e->pars_only)
        return;
    int avail = e->width - gn_emit_prefix_width(e);
    if (avail < 1)
        avail = 1;
    gn_wrap_line *wl;
    unsigned char *glue = gn_para_glue(p, avail);
    size_t n = wt ? gn_wrap_text_lines(wt, avail, 0, glue, &wl)
                  : gn_wrap_glued(p->text.data, p->text.len, avail, e->lang, glue, &wl);
    free(glue);
    for (size_t i = 0; i < n && !gn_interrupted(); i++) {
        line_start(e, false);
        size_t base = open_line_bytes(d);
        for (size_t k = 0; k < nparts; k++) {
            size_t a = wl[i].start > parts[2 * k] ? wl[i].start : parts[2 * k];
            size_t b = wl[i].end < parts[2 * k + 1] ? wl[i].end : parts[2 * k + 1];
            if (a < b)
                add_piece(e, at[k] + (a - parts[2 * k]), b - a, d->nlines, base + (a - wl[i].start));
        }
        gn_emit_para_range(e, p, wl[i].start, wl[i].end, 0, wl[i].width);
        gn_emit_line_end(e);
    }
    free(wl);
}

void gn_emit_para(gn_emit *e, const gn_para *p)
{
    size_t whole[2] = {0, p->text.len};
    size_t at = gn_emit_par(e, p->text.data ? p->text.data : "", p->text.len);
    gn_emit_para_parts(e, p, whole, &at, 1);
}

void gn_emit_collect(gn_emit *e, gn_para *p, cmark_node *node, uint32_t style)
{
    gn_doc *d = e->doc;
    size_t before = p->nurls;
    gn_para_collect(p, node, style, (int32_t)(d->nlinks - before));
    for (size_t i = before; i < p->nurls; i++) {
        if (d->nlinks == d->cap_links) {
            d->cap_links = d->cap_links ? d->cap_links * 2 : 32;
            d->links = gn_xreallocarray(d->links, d->cap_links, sizeof *d->links);
        }
        d->links[d->nlinks++] = (gn_link){gn_xstrdup(p->urls[i]), NO_LINE};
    }
    gn_para_markup(p);
}
