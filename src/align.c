/* align.c: side-by-side alignment of two laid-out pages (see align.h). */
#include <stdlib.h>
#include <string.h>
#include "guidenav/align.h"
#include "guidenav/util.h"

/* A pair of lines that must start on the same row. */
typedef struct anchor {
    size_t l, r;
} anchor;

typedef struct anchors {
    anchor *v;
    size_t n, cap;
} anchors;

static void add_anchor(anchors *A, size_t l, size_t r)
{
    /* Keep them strictly increasing on both sides. */
    if (A->n && (l <= A->v[A->n - 1].l || r <= A->v[A->n - 1].r))
        return;
    if (A->n == A->cap) {
        A->cap = A->cap ? A->cap * 2 : 32;
        A->v = gn_xreallocarray(A->v, A->cap, sizeof *A->v);
    }
    A->v[A->n++] = (anchor){l, r};
}

/* Pair headings: pair[i] is the right heading of left heading i, or -1. */
static void pair_headings(const gn_doc *l, const gn_doc *r, long *pair, bool *differs)
{
    size_t nl = l->nheadings, nr = r->nheadings;
    for (size_t i = 0; i < nl; i++)
        pair[i] = -1;
    bool same = nl == nr;
    for (size_t i = 0; same && i < nl; i++)
        same = l->headings[i].level == r->headings[i].level;
    *differs = !same;
    if (same) {
        for (size_t i = 0; i < nl; i++)
            pair[i] = (long)i;
        return;
    }
    /* By anchor, in order. */
    size_t next = 0;
    for (size_t i = 0; i < nl; i++) {
        const char *an = l->headings[i].anchor;
        if (!an)
            continue;
        for (size_t j = next; j < nr; j++)
            if (r->headings[j].anchor && strcmp(an, r->headings[j].anchor) == 0) {
                pair[i] = (long)j;
                next = j + 1;
                break;
            }
    }
    /* Between anchored pairs, by level in order: the longest common
     * subsequence of levels. */
    size_t li = 0, rj = 0;
    while (li <= nl) {
        size_t le = li, re;
        while (le < nl && pair[le] < 0)
            le++;
        re = le < nl ? (size_t)pair[le] : nr;
        size_t a = le - li, b = re > rj ? re - rj : 0;
        if (a && b) {
            size_t *t = gn_xcalloc((a + 1) * (b + 1), sizeof *t);
#define T(x, y) t[(x) * (b + 1) + (y)]
            for (size_t x = a; x-- > 0;)
                for (size_t y = b; y-- > 0;)
                    T(x, y) = l->headings[li + x].level == r->headings[rj + y].level
                                  ? T(x + 1, y + 1) + 1
                                  : (T(x + 1, y) > T(x, y + 1) ? T(x + 1, y) : T(x, y + 1));
            for (size_t x = 0, y = 0; x < a && y < b;) {
                if (l->headings[li + x].level == r->headings[rj + y].level) {
                    pair[li + x] = (long)(rj + y);
                    x++, y++;
                } else if (T(x + 1, y) >= T(x, y + 1)) {
                    x++;
                } else {
                    y++;
                }
            }
#undef T
            free(t);
        }
        if (le >= nl)
            break;
        li = le + 1;
        rj = re + 1;
    }
}

/* Blocks of doc from line from (inclusive) to line to (exclusive). */
static void blocks_between(const gn_doc *d, size_t from, size_t to, size_t *first, size_t *n)
{
    size_t i = 0;
    while (i < d->nblocks && d->blocks[i].line < from)
        i++;
    *first = i;
    while (i < d->nblocks && d->blocks[i].line < to)
        i++;
    *n = i - *first;
}

/* Pair the blocks of two stretches when their kinds match one to one. */
static void pair_blocks(anchors *A, const gn_doc *l, size_t l0, size_t l1,
                        const gn_doc *r, size_t r0, size_t r1)
{
    size_t fl, nl, fr, nr;
    blocks_between(l, l0, l1, &fl, &nl);
    blocks_between(r, r0, r1, &fr, &nr);
    if (nl != nr)
        return;
    for (size_t k = 0; k < nl; k++)
        if (l->blocks[fl + k].kind != r->blocks[fr + k].kind)
            return;
    for (size_t k = 0; k < nl; k++)
        add_anchor(A, l->blocks[fl + k].line, r->blocks[fr + k].line);
}

static void add_row(gn_align *a, size_t *cap, long l, long r)
{
    if (a->nrows == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        a->left = gn_xreallocarray(a->left, *cap, sizeof *a->left);
        a->right = gn_xreallocarray(a->right, *cap, sizeof *a->right);
    }
    a->left[a->nrows] = l;
    a->right[a->nrows] = r;
    a->nrows++;
}

void gn_align_docs(const gn_doc *l, const gn_doc *r, gn_align *out)
{
    memset(out, 0, sizeof *out);
    anchors A = {0};
    long *pair = gn_xcalloc(l->nheadings, sizeof *pair);
    pair_headings(l, r, pair, &out->structure_differs);

    /* Walk the paired headings; inside each pair of sections, pair blocks. */
    size_t pl = 0, pr = 0; /* where the current stretch starts */
    for (size_t i = 0; i <= l->nheadings; i++) {
        if (i < l->nheadings && pair[i] < 0)
            continue;
        size_t hl = i < l->nheadings ? l->headings[i].line : l->nlines;
        size_t hr = i < l->nheadings ? r->headings[pair[i]].line : r->nlines;
        if (hl < pl || hr < pr)
            continue;
        pair_blocks(&A, l, pl, hl, r, pr, hr);
        if (i < l->nheadings) {
            add_anchor(&A, hl, hr);
            out->heading_pairs++;
        }
        pl = hl;
        pr = hr;
    }
    free(pair);

    /* Rows: each stretch between anchors, the shorter side padded. */
    size_t cap = 0, prev_l = 0, prev_r = 0;
    out->chunks = gn_xcalloc(A.n + 1, sizeof *out->chunks);
    for (size_t k = 0; k <= A.n; k++) {
        size_t nl = k < A.n ? A.v[k].l : l->nlines;
        size_t nr = k < A.n ? A.v[k].r : r->nlines;
        size_t a = nl - prev_l, b = nr - prev_r;
        if (a || b)
            out->chunks[out->nchunks++] = out->nrows;
        for (size_t row = 0; row < (a > b ? a : b); row++)
            add_row(out, &cap, row < a ? (long)(prev_l + row) : -1,
                    row < b ? (long)(prev_r + row) : -1);
        prev_l = nl;
        prev_r = nr;
    }
    free(A.v);
}

void gn_align_free(gn_align *a)
{
    free(a->left);
    free(a->right);
    free(a->chunks);
    memset(a, 0, sizeof *a);
}

void gn_align_interleave(const gn_align *a, gn_align *out)
{
    memset(out, 0, sizeof *out);
    out->structure_differs = a->structure_differs;
    out->heading_pairs = a->heading_pairs;
    out->chunks = gn_xcalloc(a->nchunks + 1, sizeof *out->chunks);
    size_t cap = 0;
    for (size_t c = 0; c < a->nchunks; c++) {
        size_t from = a->chunks[c], to = c + 1 < a->nchunks ? a->chunks[c + 1] : a->nrows;
        out->chunks[out->nchunks++] = out->nrows;
        for (int side = 0; side < 2; side++)
            for (size_t row = from; row < to; row++) {
                long ln = side ? a->right[row] : a->left[row];
                if (ln >= 0)
                    add_row(out, &cap, side ? -1 : ln, side ? ln : -1);
            }
    }
}

size_t gn_align_row_of(const gn_align *a, int side, size_t line)
{
    const long *v = side ? a->right : a->left;
    size_t best = 0;
    for (size_t row = 0; row < a->nrows; row++) {
        if (v[row] < 0)
            continue;
        if ((size_t)v[row] > line)
            break;
        best = row;
    }
    return best;
}

/* For the same page laid out twice (the same paragraph text): in *out, the
 * line of `to` showing the text that `from` shows first at or below line,
 * less the lines between (a border, a blank line). False when the texts
 * differ or nothing is shown from line on. */
static bool map_by_text(const gn_doc *from, const gn_doc *to, size_t line, size_t *out)
{
    if (from->ptext.len == 0 || from->ptext.len != to->ptext.len ||
        memcmp(from->ptext.data, to->ptext.data, from->ptext.len) != 0)
        return false;
    const gn_piece *first = NULL; /* pieces are in text order */
    for (size_t i = 0; i < from->npieces; i++) {
        const gn_piece *p = &from->pieces[i];
        if (p->line >= line && (!first || p->line < first->line))
            first = p;
    }
    for (size_t i = 0; first && i < to->npieces; i++) {
        const gn_piece *p = &to->pieces[i];
        if (p->off + p->len > first->off) {
            size_t gap = first->line - line;
            *out = p->line > gap ? p->line - gap : 0;
            return true;
        }
    }
    return false;
}

size_t gn_align_map(const gn_doc *from, const gn_doc *to, size_t line)
{
    if (to->nlines == 0)
        return 0;
    size_t same;
    if (map_by_text(from, to, line, &same))
        return same < to->nlines ? same : to->nlines - 1;
    gn_align a;
    gn_align_docs(from, to, &a);
    size_t row = gn_align_row_of(&a, 0, line);
    /* Past the end of a shorter block: its last line. */
    while (row > 0 && a.right[row] < 0)
        row--;
    size_t out = a.nrows && a.right[row] >= 0 ? (size_t)a.right[row] : 0;
    gn_align_free(&a);
    return out < to->nlines ? out : to->nlines - 1;
}

int gn_compare_widths(int width, bool interleave, int *left, int *right)
{
    *left = interleave ? width : (width - 3) / 2;
    *right = interleave ? width - 2 : width - 3 - *left;
    return *left >= 1 && *right >= 1 ? 0 : -1;
}
