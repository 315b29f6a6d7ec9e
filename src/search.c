/* search.c: finding text as the reader sees it (see search.h).
 *
 * Case-insensitive search folds both the query and the text with Unicode
 * full case folding, one code point at a time and without normalisation,
 * so every folded byte can be traced back to the code point it came from.
 * The folded query is found in the folded text with memmem (glibc's is
 * linear: two-way), and each match is mapped back to whole code points of
 * the original text. */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "guidenav/interrupt.h"
#include "guidenav/search.h"
#include "guidenav/text.h"

/* ---- folding -------------------------------------------------------------- */

/* True for the code points of blocks without case: CJK radicals to Vai
 * (U+2E80..U+A63F: kana, ideographs, Yi...) and Hangul syllables. Their
 * folding is themselves (test_search checks each against utf8proc). */
static bool caseless(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0xA63F) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

/* The length in bytes of the run of valid three-byte sequences of
 * caseless code points (see caseless) at the start of s[0..len): the
 * bulk of Japanese, Chinese and Korean text, copied as it is. */
static size_t caseless_run(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (len - i >= 3 && (u[i] & 0xF0) == 0xE0 && (u[i + 1] & 0xC0) == 0x80 &&
           (u[i + 2] & 0xC0) == 0x80) {
        int32_t cp = ((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
        if (!caseless(cp)) /* also no overlong form or surrogate: both lie outside */
            break;
        i += 3;
    }
    return i;
}

/* Append the full case folding of cp to out ("ß" -> "ss", "İ" -> "i̇"). */
static void fold_cp(gn_buf *out, int32_t cp)
{
    if (cp < 0x80) {
        gn_buf_addc(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
        return;
    }
    utf8proc_int32_t dst[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, dst, 8, UTF8PROC_CASEFOLD, &boundclass);
    if (n < 1 || n > 8) {
        gn_utf8_encode(out, cp);
        return;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++)
        gn_utf8_encode(out, dst[i]);
}

/* The foldings of the two-byte code points (U+0080..U+07FF: Latin,
 * Greek, Cyrillic, Hebrew, Arabic...), made once from fold_cp: text in
 * those scripts is folded by table, not through utf8proc each time. */
#define FOLD2_FIRST 0x80
#define FOLD2_END 0x800
typedef struct fold2 {
    uint8_t len; /* bytes of the folding; 0: longer than 6, use fold_cp */
    char b[7];
} fold2;
static fold2 fold2_table[FOLD2_END - FOLD2_FIRST];
static pthread_once_t fold2_once = PTHREAD_ONCE_INIT;

/* Fill fold2_table (once: pages are searched on several threads). */
static void fold2_init(void)
{
    gn_buf b = GN_BUF_INIT;
    for (int32_t cp = FOLD2_FIRST; cp < FOLD2_END; cp++) {
        b.len = 0;
        fold_cp(&b, cp);
        fold2 *f = &fold2_table[cp - FOLD2_FIRST];
        f->len = (uint8_t)(b.len <= 6 ? b.len : 0);
        memcpy(f->b, b.data, f->len);
    }
    gn_buf_free(&b);
}

static bool is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_propval_t cat = utf8proc_get_property(cp)->category;
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* The folded text of text[0..len) into out and, when map is not NULL,
 * for each of its bytes the offset in the original text of the code point
 * it comes from, in a new array (*map)[0..out->len], whose last entry is
 * len. A folding is at most three times as long as its code point ("ΐ",
 * two bytes, folds to six), but through fold_cp, which grows out itself:
 * room for that is made once, and again after fold_cp, so the other
 * foldings are written in place. */
/* Copy to d, lowered, the ASCII at the start of s[0..len) eight bytes at
 * a time while eight bytes are ASCII: how many were copied (a multiple of
 * 8). Adding 0x3F to a byte from 'A' up and 0x25 from 'Z' + 1 up sets its
 * high bit (no byte carries: each is below 0x80), so the two sums differ
 * there exactly for 'A'..'Z', which get 0x20. */
static size_t ascii_lower8(const char *s, size_t len, char *d)
{
    const uint64_t high = UINT64_C(0x8080808080808080);
    size_t k = 0;
    for (; len - k >= 8; k += 8) {
        uint64_t x;
        memcpy(&x, s + k, 8);
        if (x & high)
            break;
        uint64_t upper = ((x + UINT64_C(0x3F3F3F3F3F3F3F3F)) ^ (x + UINT64_C(0x2525252525252525))) & high;
        x |= upper >> 2;
        memcpy(d + k, &x, 8);
    }
    return k;
}

static void fold_text(const char *text, size_t len, gn_buf *out, size_t **map)
{
    pthread_once(&fold2_once, fold2_init);
    if (len > SIZE_MAX / 4)
        abort(); /* no text in memory is that long */
    size_t cap = len + 1;
    size_t *m = map ? gn_xreallocarray(NULL, cap, sizeof *m) : NULL;
    gn_buf_reserve(out, 3 * len);
    for (size_t i = 0; i < len;) {
        size_t before = out->len, k;
        char *d = out->data + out->len;
        if ((unsigned char)text[i] < 0x80) {
            k = ascii_lower8(text + i, len - i, d);
            for (; i + k < len && (unsigned char)text[i + k] < 0x80; k++) {
                char ch = text[i + k];
                d[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
            }
            out->len += k;
        } else if (!m && (k = caseless_run(text + i, len - i)) > 0) {
            memcpy(d, text + i, k);
            out->len += k;
        } else {
            int32_t cp;
            k = gn_utf8_decode(text + i, len - i, &cp);
            const fold2 *f = cp < FOLD2_END ? &fold2_table[cp - FOLD2_FIRST] : NULL;
            if (caseless(cp)) {
                memcpy(d, text + i, k);
                out->len += k;
            } else if (f && f->len) {
                memcpy(d, f->b, f->len);
                out->len += f->len;
            } else {
                fold_cp(out, cp);
                gn_buf_reserve(out, 3 * (len - i - k));
            }
        }
        if (m) {
            if (out->len + 1 > cap) {
                while (out->len + 1 > cap)
                    cap *= 2;
                m = gn_xreallocarray(m, cap, sizeof *m);
            }
            bool ascii = (unsigned char)text[i] < 0x80;
            for (size_t j = before; j < out->len; j++)
                m[j] = ascii ? i + (j - before) : i;
        }
        i += k;
    }
    out->data[out->len] = '\0';
    if (m) {
        m[out->len] = len;
        *map = m;
    }
}

void gn_fold(const char *text, size_t len, gn_buf *out)
{
    fold_text(text, len, out, NULL);
}

bool gn_query_init(gn_query *q, const char *query)
{
    memset(q, 0, sizeof *q);
    if (!query || !*query)
        return false;
    size_t len = strlen(query);
    gn_buf raw = GN_BUF_INIT; /* the query as valid UTF-8 */
    bool upper = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += gn_utf8_decode(query + i, len - i, &cp);
        upper = upper || is_upper(cp);
        gn_utf8_encode(&raw, cp);
    }
    q->exact = upper;
    q->typed = gn_text_sanitized(raw.data);
    if (upper) {
        q->len = raw.len;
        q->text = gn_buf_take(&raw);
    } else {
        gn_buf folded = GN_BUF_INIT;
        for (size_t i = 0; i < raw.len;) {
            int32_t cp;
            i += gn_utf8_decode(raw.data + i, raw.len - i, &cp);
            fold_cp(&folded, cp);
        }
        q->len = folded.len;
        q->text = gn_buf_take(&folded);
        gn_buf_free(&raw);
    }
    return true;
}

void gn_query_free(gn_query *q)
{
    if (!q)
        return;
    free(q->text);
    free(q->typed);
    memset(q, 0, sizeof *q);
}

/* ---- matching ------------------------------------------------------------- */

static void push_match(gn_match **v, size_t *n, size_t *cap, size_t off, size_t len)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *v = gn_xreallocarray(*v, *cap, sizeof **v);
    }
    (*v)[(*n)++] = (gn_match){off, len};
}

bool gn_search_any(const gn_query *q, const char *text, size_t len)
{
    if (!q || !q->text || q->len == 0 || !text || len == 0)
        return false;
    if (q->exact)
        return memmem(text, len, q->text, q->len) != NULL;
    gn_buf f = GN_BUF_INIT;
    fold_text(text, len, &f, NULL);
    bool found = memmem(f.data, f.len, q->text, q->len) != NULL;
    gn_buf_free(&f);
    return found;
}

bool gn_search_any_folded(const gn_query *q, const char *text, size_t len, const char *folded,
                          size_t flen)
{
    if (!q || !q->text || q->len == 0)
        return false;
    if (q->exact)
        return text && len && memmem(text, len, q->text, q->len) != NULL;
    return folded && flen && memmem(folded, flen, q->text, q->len) != NULL;
}

size_t gn_search(const gn_query *q, const char *text, size_t len, gn_match **out)
{
    gn_match *v = NULL;
    size_t n = 0, cap = 0;
    *out = NULL;
    if (!q || !q->text || q->len == 0 || !text || len == 0)
        return 0;
    if (q->exact) {
        for (size_t pos = 0; pos + q->len <= len;) {
            const char *hit = memmem(text + pos, len - pos, q->text, q->len);
            if (!hit)
                break;
            size_t off = (size_t)(hit - text);
            push_match(&v, &n, &cap, off, q->len);
            pos = off + q->len;
        }
    } else {
        /* Most texts do not match: find out before mapping the bytes. */
        if (!gn_search_any(q, text, len))
            return 0;
        gn_buf f = GN_BUF_INIT;
        size_t *map;
        fold_text(text, len, &f, &map);
        for (size_t pos = 0; pos + q->len <= f.len;) {
            const char *hit = memmem(f.data + pos, f.len - pos, q->text, q->len);
            if (!hit)
                break;
            size_t fs = (size_t)(hit - f.data), fe = fs + q->len;
            /* A match may start or end inside a code point's folding ("s"
             * in the "ss" of "ß"): it takes the whole code point, and the
             * next match starts after that code point's folding. */
            size_t j = fe;
            while (j < f.len && map[j] == map[fe - 1])
                j++;
            push_match(&v, &n, &cap, map[fs], map[j] - map[fs]);
            pos = j;
        }
        free(map);
        gn_buf_free(&f);
    }
    *out = v;
    return n;
}

/* ---- in a laid-out document ------------------------------------------------ */

/* Index of the first piece ending after ptext offset at. */
static size_t piece_after(const gn_doc *doc, size_t at)
{
    size_t lo = 0, hi = doc->npieces;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->pieces[mid].off + doc->pieces[mid].len <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The pieces of ptext bytes [a, b) into h; false when the document shows
 * nothing at all. Text that is not shown (the space where a line is
 * broken, a clipped end) gets one empty piece where it would be, so that
 * every match of gn_search has its hit, in the same order. */
static bool hit_pieces(const gn_doc *doc, size_t a, size_t b, gn_hit *h)
{
    size_t first = piece_after(doc, a), cap = 0;
    h->pieces = NULL;
    h->npieces = 0;
    for (size_t k = first; k < doc->npieces && doc->pieces[k].off < b; k++) {
        const gn_piece *pc = &doc->pieces[k];
        size_t s = a > pc->off ? a : pc->off;
        size_t e = b < pc->off + pc->len ? b : pc->off + pc->len;
        if (s >= e)
            continue;
        if (h->npieces == cap) {
            cap = cap ? cap * 2 : 2;
            h->pieces = gn_xreallocarray(h->pieces, cap, sizeof *h->pieces);
        }
        h->pieces[h->npieces++] = (gn_hit_piece){pc->line, pc->line_off + (s - pc->off), e - s};
    }
    if (h->npieces)
        return true;
    gn_hit_piece at;
    if (first > 0) { /* at the end of the piece before */
        const gn_piece *pc = &doc->pieces[first - 1];
        at = (gn_hit_piece){pc->line, pc->line_off + pc->len, 0};
    } else if (first < doc->npieces) {
        const gn_piece *pc = &doc->pieces[first];
        at = (gn_hit_piece){pc->line, pc->line_off, 0};
    } else {
        return false;
    }
    h->pieces = gn_xmalloc(sizeof *h->pieces);
    h->pieces[0] = at;
    h->npieces = 1;
    return true;
}

size_t gn_doc_search(const gn_doc *doc, const gn_query *q, gn_hit **out)
{
    gn_hit *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < doc->npars && !gn_interrupted(); i++) {
        const gn_par *par = &doc->pars[i];
        gn_match *m;
        size_t k = gn_search(q, doc->ptext.data + par->off, par->len, &m);
        for (size_t j = 0; j < k; j++) {
            gn_hit h = {NULL, 0, i};
            size_t a = par->off + m[j].off;
            if (!hit_pieces(doc, a, a + m[j].len, &h))
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                v = gn_xreallocarray(v, cap, sizeof *v);
            }
            v[n++] = h;
        }
        free(m);
    }
    *out = v;
    return n;
}

void gn_hits_free(gn_hit *hits, size_t n)
{
    if (!hits)
        return;
    for (size_t i = 0; i < n; i++)
        free(hits[i].pieces);
    free(hits);
}

/* ---- hits by line ---------------------------------------------------------- */

/* qsort's order of marks of one line: by offset (they never overlap). */
static int mark_cmp(const void *a, const void *b)
{
    const gn_hit_mark *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

void gn_hit_lines_build(gn_hit_lines *ix, const gn_hit *hits, size_t nhits, size_t nlines)
{
    memset(ix, 0, sizeof *ix);
    ix->nlines = nlines;
    ix->first = gn_xreallocarray(NULL, nlines + 1, sizeof *ix->first);
    memset(ix->first, 0, (nlines + 1) * sizeof *ix->first);
    /* A counting sort by line: count, sum, place (stable). */
    for (size_t h = 0; h < nhits; h++)
        for (size_t p = 0; p < hits[h].npieces; p++) {
            const gn_hit_piece *pc = &hits[h].pieces[p];
            if (pc->len > 0 && pc->line < nlines) {
                ix->first[pc->line + 1]++;
                ix->nmarks++;
            }
        }
    for (size_t ln = 0; ln < nlines; ln++)
        ix->first[ln + 1] += ix->first[ln];
    if (ix->nmarks == 0)
        return;
    ix->marks = gn_xreallocarray(NULL, ix->nmarks, sizeof *ix->marks);
    size_t *next = gn_xreallocarray(NULL, nlines, sizeof *next);
    memcpy(next, ix->first, nlines * sizeof *next);
    for (size_t h = 0; h < nhits; h++)
        for (size_t p = 0; p < hits[h].npieces; p++) {
            const gn_hit_piece *pc = &hits[h].pieces[p];
            if (pc->len > 0 && pc->line < nlines)
                ix->marks[next[pc->line]++] = (gn_hit_mark){pc->off, pc->len, h};
        }
    free(next);
    /* In document order a line's pieces are in order, but for cells of a
     * table row, each a paragraph of its own spanning several lines. */
    for (size_t ln = 0; ln < nlines; ln++) {
        gn_hit_mark *v = ix->marks + ix->first[ln];
        size_t n = ix->first[ln + 1] - ix->first[ln];
        for (size_t i = 1; i < n; i++)
            if (v[i].off < v[i - 1].off) {
                qsort(v, n, sizeof *v, mark_cmp);
                break;
            }
    }
}

void gn_hit_lines_free(gn_hit_lines *ix)
{
    if (!ix)
        return;
    free(ix->marks);
    free(ix->first);
    memset(ix, 0, sizeof *ix);
}

const gn_hit_mark *gn_hits_on_line(const gn_hit_lines *ix, size_t ln, size_t *n)
{
    *n = 0;
    if (!ix->first || ln >= ix->nlines || ix->first[ln] == ix->first[ln + 1])
        return NULL;
    *n = ix->first[ln + 1] - ix->first[ln];
    return ix->marks + ix->first[ln];
}

const gn_hit_mark *gn_hit_at(const gn_hit_lines *ix, size_t ln, size_t at, size_t *end)
{
    size_t n;
    const gn_hit_mark *v = gn_hits_on_line(ix, ln, &n);
    /* The marks do not overlap: their ends rise with their starts. Find
     * the first that ends after at. */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].off + v[mid].len <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n)
        return NULL;
    if (v[lo].off <= at) {
        if (v[lo].off + v[lo].len < *end)
            *end = v[lo].off + v[lo].len;
        return &v[lo];
    }
    if (v[lo].off < *end)
        *end = v[lo].off;
    return NULL;
}

/* ---- excerpts -------------------------------------------------------------- */

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, one column */

/* Columns of cp in an excerpt, where '\n', '\r' and tabs are spaces. */
static int ex_width(int32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == '\t' ? 1 : gn_cp_width(cp);
}

/* Start of the code point that ends at pos (> 0) in s. */
static size_t prev_cp(const char *s, size_t pos, int32_t *cp)
{
    if ((unsigned char)s[pos - 1] < 0x80) {
        *cp = (unsigned char)s[pos - 1];
        return pos - 1;
    }
    for (size_t k = 2; k <= 4 && k <= pos; k++)
        if (gn_utf8_decode(s + pos - k, k, cp) == k)
            return pos - k;
    gn_utf8_decode(s + pos - 1, 1, cp);
    return pos - 1;
}

/* The end of the longest run of s[from..len) of at most cols columns. */
static size_t fit_forward(const char *s, size_t from, size_t len, int cols)
{
    int w = 0;
    while (from < len) {
        int32_t cp;
        size_t k = gn_utf8_decode(s + from, len - from, &cp);
        int cw = ex_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        from += k;
    }
    return from;
}

/* The start of the longest run of s[lo..to) of at most cols columns. */
static size_t fit_backward(const char *s, size_t lo, size_t to, int cols)
{
    int w = 0;
    while (to > lo) {
        int32_t cp;
        size_t p = prev_cp(s + lo, to - lo, &cp) + lo;
        int cw = ex_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        to = p;
    }
    return to;
}

/* Columns of s[from..to), or cap + 1 when that is more than cap: only
 * the first cap + 1 columns are read. */
static int width_upto(const char *s, size_t from, size_t to, int cap)
{
    int w = 0;
    while (from < to && w <= cap) {
        int32_t cp;
        from += gn_utf8_decode(s + from, to - from, &cp);
        w += ex_width(cp);
    }
    return w <= cap ? w : cap + 1;
}

/* The same for s[lo..to), read backward from to. */
static int width_upto_back(const char *s, size_t lo, size_t to, int cap)
{
    int w = 0;
    while (to > lo && w <= cap) {
        int32_t cp;
        to = prev_cp(s + lo, to - lo, &cp) + lo;
        w += ex_width(cp);
    }
    return w <= cap ? w : cap + 1;
}

/* Bytes of context read per column on each side of a match: ordinary
 * text needs at most a few (a wide character is three bytes for two
 * columns, a letter with marks a few more); beyond that, a run of
 * zero-width code points is cut as if it were too wide. */
#define EX_BYTES_PER_COL 32

char *gn_excerpt(const char *text, size_t len, const gn_match *m, int cols,
                 size_t *moff, size_t *mlen)
{
    if (!text) {
        text = "";
        len = 0;
    }
    if (cols < 1)
        cols = 1;
    size_t ms = m->off < len ? m->off : len;
    size_t me = m->len < len - ms ? ms + m->len : len;
    /* Only the text around the match is read: a window of a bounded
     * number of bytes each side, and of it no more columns than could be
     * shown. Text beyond the window counts as too wide to show whole. */
    size_t budget = EX_BYTES_PER_COL * ((size_t)cols + 1), lo = 0, hi = len;
    if (ms > budget) {
        lo = ms - budget;
        while (lo < ms && ((unsigned char)text[lo] & 0xC0) == 0x80)
            lo++; /* not inside a code point */
    }
    if (len - me > budget)
        hi = me + budget;
    int wl = width_upto_back(text, lo, ms, cols), wm = width_upto(text, ms, me, cols);
    int wr = width_upto(text, me, hi, cols);
    if (lo > 0)
        wl = cols + 1;
    if (hi < len)
        wr = cols + 1;
    size_t from = 0, to = len;
    if (wl + wm + wr > cols) {
        int room = cols - wm;
        if (room >= 0) { /* context on both sides, an ellipsis where cut */
            int lroom = room / 2, rroom = room - lroom, L, R;
            if (wl <= lroom) {
                L = wl;
                R = wr <= room - wl ? wr : room - wl - 1;
            } else if (wr <= rroom) {
                R = wr;
                L = room - wr - 1;
            } else {
                L = lroom - 1;
                R = rroom - 1;
            }
            from = fit_backward(text, lo, ms, L < 0 ? 0 : L);
            to = fit_forward(text, me, hi, R < 0 ? 0 : R);
        } else { /* the match alone, from its start, cut */
            int avail = cols - (ms > 0) - 1;
            if (avail < 1)
                avail = cols - 1;
            if (avail < 1)
                avail = cols;
            from = ms;
            me = to = fit_forward(text, ms, me, avail);
        }
    }
    /* An ellipsis only where there is a column for it (what is shown
     * fits in cols: its width is read whole). */
    int used = width_upto(text, from, to, cols);
    bool lcut = from > 0 && used < cols;
    bool rcut = to < len && used + lcut < cols;
    gn_buf out = GN_BUF_INIT;
    if (lcut)
        gn_buf_adds(&out, ELLIPSIS);
    *moff = out.len + (ms - from);
    *mlen = me - ms;
    size_t at = out.len;
    gn_buf_add(&out, text + from, to - from);
    for (size_t i = at; i < out.len; i++)
        if (out.data[i] == '\n' || out.data[i] == '\r' || out.data[i] == '\t')
            out.data[i] = ' ';
    if (rcut)
        gn_buf_adds(&out, ELLIPSIS);
    return gn_buf_take(&out);
}
