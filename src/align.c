/* align.c: side-by-side alignment of two laid-out pages (see align.h). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/align.h"
#include "guidenav/collapse.h"
#include "guidenav/interrupt.h"
#include "guidenav/strmap.h"
#include "guidenav/util.h"

/* A pair of lines that must start on the same row. */
typedef struct anchor {
    size_t l, r;
} anchor;

typedef struct anchors {
    anchor *v;
    size_t n, cap;
} anchors;

/* Add the anchor (l, r), unless it would not keep the anchors strictly
 * increasing on both sides. True when l and r start one row: the anchor
 * was added or is the last one. */
static bool add_anchor(anchors *A, size_t l, size_t r)
{
    if (A->n && l == A->v[A->n - 1].l && r == A->v[A->n - 1].r)
        return true;
    if (A->n && (l <= A->v[A->n - 1].l || r <= A->v[A->n - 1].r))
        return false;
    if (A->n == A->cap) {
        A->cap = A->cap ? A->cap * 2 : 32;
        A->v = gn_xreallocarray(A->v, A->cap, sizeof *A->v);
    }
    A->v[A->n++] = (anchor){l, r};
    return true;
}

/* Heading pairing. Each step is linear in the headings or bounded: no
 * table of headings x headings. */

/* The longest common subsequence of two level sequences is searched with
 * Myers' O((a+b)·d) algorithm up to this many differences (d); past it,
 * the levels are paired in order (pair_in_order). The furthest points of
 * every step are kept: at most (MAX_D+1)(MAX_D+2)/2 longs (4 MB). */
#define MAX_D 1000
/* How far pair_in_order looks ahead for a heading of the same level. */
#define ORDER_WINDOW 16

/* Pair left heading i with the first right heading at or after the last
 * one paired that has the same anchor: pair[i] = j. Linear: the right
 * headings of each anchor are chained in order, and each chain is walked
 * forward only (the place to search from only grows). */
static void pair_by_anchor(const gn_doc *l, const gn_doc *r, long *pair)
{
    size_t nl = l->nheadings, nr = r->nheadings;
    gn_strmap ids = GN_STRMAP_INIT;
    long *first = gn_xcalloc(nr + 1, sizeof *first);  /* per anchor id: its next heading */
    long *last = gn_xcalloc(nr + 1, sizeof *last);
    long *next_same = gn_xcalloc(nr + 1, sizeof *next_same);
    size_t nids = 0;
    for (size_t j = 0; j < nr; j++) {
        const char *an = r->headings[j].anchor;
        next_same[j] = -1;
        if (!an)
            continue;
        size_t id;
        if (!gn_strmap_get(&ids, an, &id)) {
            id = nids++;
            gn_strmap_put(&ids, an, id);
            first[id] = (long)j;
        } else {
            next_same[last[id]] = (long)j;
        }
        last[id] = (long)j;
    }
    size_t next = 0;
    for (size_t i = 0; i < nl; i++) {
        const char *an = l->headings[i].anchor;
        size_t id;
        if (!an || !gn_strmap_get(&ids, an, &id))
            continue;
        while (first[id] >= 0 && (size_t)first[id] < next)
            first[id] = next_same[first[id]];
        if (first[id] >= 0) {
            pair[i] = first[id];
            next = (size_t)first[id] + 1;
            first[id] = next_same[first[id]];
        }
    }
    gn_strmap_free(&ids);
    free(first);
    free(last);
    free(next_same);
}

/* Sentinel of pair_by_lcs: no point of the diagonal is reached. */
#define UNREACHED LONG_MAX

/* The longest common subsequence of the levels of A[0..a) and B[0..b),
 * the one today's table of suffixes gave (a heading of each side whose
 * levels are equal is paired; otherwise the left one is skipped when that
 * keeps the subsequence as long, else the right one): pair[x] = r0 + y.
 * Myers' search runs from the end, keeping for every number of
 * differences d and diagonal k = x - y the point nearest the start that d
 * differences reach; the walk from the start then knows in O(1) which step
 * keeps the fewest differences. False, pair untouched, when more than
 * MAX_D differences are needed. Time O((a+b)·d), memory O(d²). */
static bool pair_by_lcs(const gn_heading *A, size_t a, const gn_heading *B, size_t b,
                        long *pair, size_t r0)
{
    long na = (long)a, nb = (long)b, delta = na - nb, D = -1;
    long *U = NULL;
    size_t cap = 0;
    /* Steps d keep d + 1 diagonals: delta - d, delta - d + 2, ... delta + d. */
#define AT(d, k) U[(size_t)(d) * (size_t)((d) + 1) / 2 + (size_t)(((k) - delta + (d)) / 2)]
    for (long d = 0; d <= MAX_D && D < 0 && !gn_interrupted(); d++) {
        size_t need = (size_t)(d + 1) * (size_t)(d + 2) / 2;
        if (need > cap) {
            cap = need * 2;
            U = gn_xreallocarray(U, cap, sizeof *U);
        }
        for (long k = delta - d; k <= delta + d; k += 2) {
            long x = d == 0 ? na : UNREACHED;
            /* From diagonal k + 1, skipping a left heading; from k - 1, a
             * right one; whichever comes nearer the start. */
            if (d > 0 && k + 1 <= delta + d - 1 && AT(d - 1, k + 1) != UNREACHED &&
                AT(d - 1, k + 1) >= 1)
                x = AT(d - 1, k + 1) - 1;
            if (d > 0 && k - 1 >= delta - d + 1 && AT(d - 1, k - 1) != UNREACHED &&
                AT(d - 1, k - 1) - (k - 1) >= 1 && AT(d - 1, k - 1) < x)
                x = AT(d - 1, k - 1);
            if (x != UNREACHED)
                for (long y = x - k; x > 0 && y > 0 && A[x - 1].level == B[y - 1].level; y--)
                    x--;
            AT(d, k) = x;
            if (k == 0 && x == 0)
                D = d;
        }
    }
    if (D < 0) {
        free(U);
        return false;
    }
    /* From the start: e differences are left to the end. */
    for (long x = 0, y = 0, e = D; x < na && y < nb;) {
        if (A[x].level == B[y].level) {
            pair[x] = (long)r0 + y;
            x++, y++;
            continue;
        }
        long k = x + 1 - y, d = e - 1;
        if (labs(k - delta) <= d && AT(d, k) <= x + 1)
            x++;
        else
            y++;
        e--;
    }
#undef AT
    free(U);
    return true;
}

/* Pair A[0..a) with B[0..b) by level in order, in O((a+b)·ORDER_WINDOW):
 * equal levels pair; otherwise the side whose next heading of the other's
 * level is nearer (within the window; the left on a tie) skips to it, or
 * both skip one. pair[x] = r0 + y. */
static void pair_in_order(const gn_heading *A, size_t a, const gn_heading *B, size_t b,
                          long *pair, size_t r0)
{
    size_t x = 0, y = 0;
    while (x < a && y < b) {
        if (A[x].level == B[y].level) {
            pair[x++] = (long)(r0 + y++);
            continue;
        }
        size_t k = 1;
        for (; k <= ORDER_WINDOW; k++) {
            if (x + k < a && A[x + k].level == B[y].level) {
                x += k;
                break;
            }
            if (y + k < b && A[x].level == B[y + k].level) {
                y += k;
                break;
            }
        }
        if (k > ORDER_WINDOW)
            x++, y++;
    }
}

bool gn_align_pair_headings(const gn_doc *l, const gn_doc *r, long *pair)
{
    size_t nl = l->nheadings, nr = r->nheadings;
    for (size_t i = 0; i < nl; i++)
        pair[i] = -1;
    bool same = nl == nr;
    for (size_t i = 0; same && i < nl; i++)
        same = l->headings[i].level == r->headings[i].level;
    if (same) {
        for (size_t i = 0; i < nl; i++)
            pair[i] = (long)i;
        return false;
    }
    pair_by_anchor(l, r, pair);
    /* Between anchored pairs, by level in order. */
    size_t li = 0, rj = 0;
    while (li <= nl) {
        size_t le = li, re;
        while (le < nl && pair[le] < 0)
            le++;
        re = le < nl ? (size_t)pair[le] : nr;
        size_t a = le - li, b = re > rj ? re - rj : 0;
        if (a && b && !pair_by_lcs(l->headings + li, a, r->headings + rj, b, pair + li, rj))
            pair_in_order(l->headings + li, a, r->headings + rj, b, pair + li, rj);
        if (le >= nl)
            break;
        li = le + 1;
        rj = re + 1;
    }
    return true;
}

long gn_align_find_anchor(const gn_doc *page, const gn_doc *ref, const char *name, long *in_ref)
{
    long h = gn_doc_find_anchor(ref, name);
    if (in_ref)
        *in_ref = h;
    if (h < 0)
        return -1;
    long *pair = gn_xcalloc(ref->nheadings + 1, sizeof *pair);
    gn_align_pair_headings(ref, page, pair);
    long got = pair[h];
    free(pair);
    return got;
}

/* The blocks of d from line from (inclusive) to line to (exclusive): *n
 * of them from *first. *cursor (0 at first) is where the search starts
 * and is moved to *first, so a walk whose `from` never goes back reads
 * each block a bounded number of times. */
static void blocks_between(const gn_doc *d, size_t *cursor, size_t from, size_t to,
                           size_t *first, size_t *n)
{
    size_t i = *cursor;
    while (i < d->nblocks && d->blocks[i].line < from)
        i++;
    *first = *cursor = i;
    while (i < d->nblocks && d->blocks[i].line < to)
        i++;
    *n = i - *first;
}

/* The block pairs found so far (gn_align_block_pairs), strictly
 * increasing on both sides. */
typedef struct pairs {
    gn_block_pair *v;
    size_t n, cap;
} pairs;

/* Start block il of l and block ir of r on one row (add_anchor) and,
 * when they do and P is not NULL, add them to P. */
static void add_pair(anchors *A, pairs *P, const gn_doc *l, size_t il, const gn_doc *r, size_t ir)
{
    if (!add_anchor(A, l->blocks[il].line, r->blocks[ir].line) || !P ||
        (P->n && (il <= P->v[P->n - 1].l || ir <= P->v[P->n - 1].r)))
        return;
    if (P->n == P->cap) {
        P->cap = P->cap ? P->cap * 2 : 32;
        P->v = gn_xreallocarray(P->v, P->cap, sizeof *P->v);
    }
    P->v[P->n++] = (gn_block_pair){il, ir};
}

/* The next top-level block of d at or after index i and before end; end
 * when none. */
static size_t next_top(const gn_doc *d, size_t i, size_t end)
{
    while (i < end && d->blocks[i].parent >= 0)
        i++;
    return i;
}

/* How many items of top-level block t follow it, up to end. */
static size_t items_of(const gn_doc *d, size_t t, size_t end)
{
    size_t n = 0;
    while (t + 1 + n < end && d->blocks[t + 1 + n].parent == (long)t)
        n++;
    return n;
}

/* Pair the blocks of two stretches when their top-level blocks' kinds
 * match one to one, and the items of two paired blocks when they have as
 * many. cl and cr are the block cursors of l and r (blocks_between);
 * items whose block lies before the stretch are left out. P gets pairs
 * whose lines of the file do not overlap: the items of two lists (which
 * together span their lists), else the top-level blocks (an alert holds
 * more than its items). */
static void pair_blocks(anchors *A, pairs *P, const gn_doc *l, size_t *cl, size_t l0, size_t l1,
                        const gn_doc *r, size_t *cr, size_t r0, size_t r1)
{
    size_t fl, nl, fr, nr;
    blocks_between(l, cl, l0, l1, &fl, &nl);
    blocks_between(r, cr, r0, r1, &fr, &nr);
    size_t el = fl + nl, er = fr + nr, i, j;
    for (i = next_top(l, fl, el), j = next_top(r, fr, er); i < el && j < er;
         i = next_top(l, i + 1, el), j = next_top(r, j + 1, er))
        if (l->blocks[i].kind != r->blocks[j].kind)
            return;
    if (i < el || j < er)
        return;
    for (i = next_top(l, fl, el), j = next_top(r, fr, er); i < el && j < er;
         i = next_top(l, i + 1, el), j = next_top(r, j + 1, er)) {
        size_t n = items_of(l, i, el);
        bool items = n && n == items_of(r, j, er), list = l->blocks[i].kind == GN_BLOCK_LIST;
        add_pair(A, items && list ? NULL : P, l, i, r, j);
        for (size_t k = 1; items && k <= n; k++)
            add_pair(A, list ? P : NULL, l, i + k, r, j + k);
    }
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

/* The top-level heading block of d starting at line, or -1 (a heading
 * laid out from a snippet, or in an item, is none). */
static long heading_block(const gn_doc *d, size_t line)
{
    size_t lo = 0, hi = d->nblocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->blocks[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < d->nblocks && d->blocks[lo].line == line; lo++)
        if (d->blocks[lo].kind == GN_BLOCK_HEADING && d->blocks[lo].parent < 0)
            return (long)lo;
    return -1;
}

/* The lines of l and r that start on one row: paired headings, and
 * inside each pair of sections the blocks and items pair_blocks pairs;
 * strictly increasing on both sides. The blocks starting there go to P
 * when it is not NULL. Only headings and blocks are read (not lines), so
 * a layout kept for its headings and blocks will do. True when the
 * heading levels differ;
 * *heading_pairs counts the headings paired. */
static bool collect_anchors(const gn_doc *l, const gn_doc *r, anchors *out, pairs *P,
                            size_t *heading_pairs)
{
    anchors A = {0};
    long *pair = gn_xcalloc(l->nheadings + 1, sizeof *pair);
    bool differs = gn_align_pair_headings(l, r, pair);
    *heading_pairs = 0;

    /* Walk the paired headings; inside each pair of sections, pair blocks. */
    size_t pl = 0, pr = 0; /* where the current stretch starts */
    size_t cl = 0, cr = 0; /* block cursors */
    for (size_t i = 0; i <= l->nheadings && !gn_interrupted(); i++) {
        if (i < l->nheadings && pair[i] < 0)
            continue;
        /* After the last pair: to the end (no line is SIZE_MAX). */
        size_t hl = i < l->nheadings ? l->headings[i].line : SIZE_MAX;
        size_t hr = i < l->nheadings ? r->headings[pair[i]].line : SIZE_MAX;
        if (hl < pl || hr < pr)
            continue;
        pair_blocks(&A, P, l, &cl, pl, hl, r, &cr, pr, hr);
        if (i < l->nheadings) {
            long bl = heading_block(l, hl), br = heading_block(r, hr);
            if (bl >= 0 && br >= 0)
                add_pair(&A, P, l, (size_t)bl, r, (size_t)br);
            else
                add_anchor(&A, hl, hr);
            (*heading_pairs)++;
        }
        pl = hl;
        pr = hr;
    }
    free(pair);
    *out = A;
    return differs;
}

void gn_align_docs(const gn_doc *l, const gn_doc *r, gn_align *out)
{
    memset(out, 0, sizeof *out);
    anchors A;
    pairs P = {0};
    out->structure_differs = collect_anchors(l, r, &A, &P, &out->heading_pairs);
    out->pairs = P.v;
    out->npairs = P.n;

    /* Rows: each stretch between anchors, the shorter side padded. */
    size_t cap = 0, prev_l = 0, prev_r = 0;
    out->chunks = gn_xcalloc(A.n + 1, sizeof *out->chunks);
    for (size_t k = 0; k <= A.n && !gn_interrupted(); k++) {
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

size_t gn_align_block_pairs(const gn_doc *l, const gn_doc *r, gn_block_pair **out)
{
    anchors A;
    pairs P = {0};
    size_t headings;
    collect_anchors(l, r, &A, &P, &headings);
    free(A.v);
    *out = P.v ? P.v : gn_xcalloc(1, sizeof **out);
    return P.n;
}

void gn_align_free(gn_align *a)
{
    free(a->left);
    free(a->right);
    free(a->chunks);
    free(a->pairs);
    memset(a, 0, sizeof *a);
}

void gn_align_interleave(const gn_align *a, gn_align *out)
{
    memset(out, 0, sizeof *out);
    out->structure_differs = a->structure_differs;
    out->heading_pairs = a->heading_pairs;
    out->npairs = a->npairs;
    out->pairs = gn_xcalloc(a->npairs + 1, sizeof *out->pairs);
    if (a->npairs)
        memcpy(out->pairs, a->pairs, a->npairs * sizeof *a->pairs);
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

void gn_align_notice(const gn_doc *l, const gn_doc *r, int notice, bool interleave,
                     gn_align *out)
{
    memset(out, 0, sizeof *out);
    out->chunks = gn_xcalloc(2, sizeof *out->chunks);
    size_t cap = 0;
    if (!interleave) {
        size_t n = l->nlines > r->nlines ? l->nlines : r->nlines;
        if (n)
            out->chunks[out->nchunks++] = 0;
        for (size_t row = 0; row < n; row++)
            add_row(out, &cap, row < l->nlines ? (long)row : -1, row < r->nlines ? (long)row : -1);
        return;
    }
    for (int k = 0; k < 2; k++) {
        int side = k ? !notice : notice; /* the notice's side first */
        size_t n = side ? r->nlines : l->nlines;
        if (n == 0)
            continue;
        if (out->nrows) /* a blank row between the two */
            add_row(out, &cap, -1, -1);
        out->chunks[out->nchunks++] = out->nrows;
        for (size_t ln = 0; ln < n; ln++)
            add_row(out, &cap, side ? -1 : (long)ln, side ? (long)ln : -1);
    }
}

void gn_align_rows_of(const gn_align *a, int side, const size_t *lines, size_t n, size_t *rows)
{
    const long *v = side ? a->right : a->left;
    /* Rows before `row` show lines up to the previous one: a line not
     * below it goes on from there, so lines in order take one walk. */
    size_t row = 0, best = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && lines[i] < lines[i - 1])
            row = best = 0;
        for (; row < a->nrows; row++) {
            if (v[row] < 0)
                continue;
            if ((size_t)v[row] > lines[i])
                break;
            best = row;
        }
        rows[i] = best;
    }
}

size_t gn_align_row_of(const gn_align *a, int side, size_t line)
{
    size_t row;
    gn_align_rows_of(a, side, &line, 1, &row);
    return row;
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
    if (map_by_text(from, to, line, &same) || gn_collapse_map(from, to, line, &same))
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
