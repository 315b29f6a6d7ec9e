/* wrap.c: breaking text into lines of a given display width (see wrap.h).
 *
 * The text is decoded once (wrap_text.h), which says whether every line
 * fits; when one does not, its UAX #14 break opportunities are found
 * (libunibreak's rules with the classes of lbclass.h) and one greedy pass
 * over the decoded code points places the breaks. All are linear, and each
 * looks for a stop asked for now and then (interrupt.h): the greedy pass
 * only remembers the last break opportunity and the last grapheme-cluster
 * start on the current line, and never rescans a line. */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linebreak.h>
#include <utf8proc.h>
#include "guidenav/interrupt.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "guidenav/wrap.h"
#include "wrap_text.h"

/* A narrow letter or digit (Latin, Greek, Cyrillic, ASCII digits...). */
static int is_narrow_alnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= 'a' && cp <= 'z');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return gn_cp_width(cp) == 1;
    default:
        return 0;
    }
}

/* Korean separates words with spaces, so a break between two Hangul
 * characters, or between Hangul and a narrow letter or digit ("API를"),
 * is suppressed (CSS word-break: keep-all); UAX #14 alone would break
 * between any two syllables. */
static int keep_all(int32_t a, unsigned char am, int32_t b, unsigned char bm)
{
    return (am & GN_WT_HANGUL && (bm & GN_WT_HANGUL || is_narrow_alnum(b))) ||
           (bm & GN_WT_HANGUL && is_narrow_alnum(a));
}

/* Whether a grapheme cluster ends between prev (-1: none) and cp, whose
 * GN_WT_ bits are pm and m; *gstate is utf8proc's state, 0 at the start.
 * Between two plain characters a cluster always ends, and utf8proc's state
 * after one is its starting state. */
static inline int cluster_ends(int32_t prev, unsigned char pm, int32_t cp, unsigned char m,
                               utf8proc_int32_t *gstate)
{
    if (pm & m & GN_WT_PLAIN) {
        *gstate = 0;
        return 1;
    }
    return prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, gstate);
}

/* Whether the opportunity after prev counts, before cp (boundary: a
 * cluster ends between them): not when cp may not start a line (width
 * 0: a combining mark..., or GN_WT_NOSTART), nor when it would split a
 * grapheme cluster (an emoji with its modifier or after a ZWJ, a flag) or
 * a Korean word. */
static inline bool opens(int32_t prev, unsigned char pm, int32_t cp, unsigned char m,
                         int boundary)
{
    if (!boundary || GN_WT_WIDTH(m) == 0 || m & GN_WT_NOSTART)
        return false;
    return !((pm | m) & GN_WT_HANGUL) || !keep_all(prev, pm, cp, m);
}

static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

typedef struct out {
    gn_wrap_line *v;
    size_t n, cap;
} out;

static void emit_split(out *o, size_t start, size_t end, long long width, bool split)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 16;
        o->v = gn_xreallocarray(o->v, o->cap, sizeof *o->v);
    }
    o->v[o->n].start = start;
    o->v[o->n].end = end;
    o->v[o->n].width = (int)width;
    o->v[o->n].split = split;
    o->n++;
}

static void emit(out *o, size_t start, size_t end, long long width)
{
    emit_split(o, start, end, width, false);
}

/* A position in the text with what the greedy pass needs to break there:
 * the byte offset and the index of the code point there, the running
 * width at it, and the end (byte offset and running width) of the last
 * non-space character before it. All widths are running totals since the
 * start of the text, so moving the line start needs no rescan. */
typedef struct mark {
    size_t pos, k, ce;
    long long w, cew;
} mark;

/* The lines of t when every one fits (gn_wtext_decode said so), as the
 * greedy pass would give them: split at '\n', trailing spaces left out.
 * Most paragraphs, headings and table cells fit, and then neither
 * libunibreak nor the grapheme rules are needed. */
static void lines_fit(const gn_wtext *t, out *o)
{
    size_t ls = 0, ce = 0, i = 0;
    long long w = 0, lsw = 0, cew = 0;
    for (size_t k = 0; k < t->n; k++) {
        int32_t cp = t->cp[k];
        i += GN_WT_LEN(t->m[k]);
        if (cp == '\n') {
            emit(o, ls, ce, cew - lsw);
            ls = ce = i;
            lsw = cew = w;
        } else {
            w += GN_WT_WIDTH(t->m[k]);
            if (cp != ' ') {
                ce = i;
                cew = w;
            }
        }
    }
    emit(o, ls, ce, cew - lsw);
}

/* The byte offset *i and running width *w at code point q of t, from
 * those at code point j >= q. */
static void back_to(const gn_wtext *t, size_t q, size_t j, size_t *i, long long *w)
{
    for (; j > q; j--) {
        *i -= GN_WT_LEN(t->m[j - 1]);
        *w -= GN_WT_WIDTH(t->m[j - 1]);
    }
}

/* A simple character for the greedy pass: a plain one (no grapheme rules
 * around it), not a space, '\n' or other control, not Hangul, that may
 * start a line. */
static inline bool simple(int32_t cp, unsigned char m)
{
    return cp > ' ' && (m & (GN_WT_PLAIN | GN_WT_HANGUL | GN_WT_NOSTART)) == GN_WT_PLAIN;
}

/* What a run of simple characters changes of the greedy pass's state:
 * the byte offset and running width at its end, the line start, whether an
 * opportunity follows its last character, and its last opportunity,
 * cluster start on the line, and one with width - markw columns before it
 * (code points; SIZE_MAX: none in the run). */
typedef struct srun {
    size_t i, ls, bk, gk, mk;
    long long w, lsw;
    int cand;
} srun;

/* The greedy pass over simple characters of width > 0 from j, after a
 * simple one, up to stop, into o. Between two of them a cluster ends and
 * an opportunity opens, and the line's last non-space character ends where
 * the next starts, so the pass needs positions only: a character that
 * overflows breaks the line at the run's last opportunity when it then
 * fits. The run ends before a character that is not simple or does not
 * fit so (left to the whole pass); the index after it is returned. */
static size_t simple_run(const gn_wtext *t, size_t j, size_t stop, int width, int markw,
                         const unsigned char *glue, out *o, srun *r)
{
    const int32_t *cps = t->cp;
    const unsigned char *ms = t->m, *brk = t->brk;
    size_t i = r->i, ls = r->ls, bk = SIZE_MAX, gk = SIZE_MAX, mk = SIZE_MAX;
    long long w = r->w, lsw = r->lsw;
    long long lim = lsw + width, mlim = markw > 0 ? lim - markw : -1;
    int cand = r->cand;
    for (; j < stop; j++) {
        unsigned char m = ms[j];
        int cw = GN_WT_WIDTH(m);
        if (!simple(cps[j], m) || cw == 0)
            break;
        size_t b = cand ? j : bk;
        if (w + cw > lim) {
            if (b == SIZE_MAX)
                break;
            size_t bi = i;
            long long bw = w;
            back_to(t, b, j, &bi, &bw);
            if (w + cw > bw + width)
                break;
            emit(o, ls, bi, bw - lsw);
            ls = bi;
            lsw = bw;
            lim = lsw + width;
            mlim = markw > 0 ? lim - markw : -1;
            b = SIZE_MAX;
        }
        bk = b;
        if (i > ls) {
            gk = j;
            if (w <= mlim)
                mk = j;
        }
        w += cw;
        i += GN_WT_LEN(m);
        cand = j + 1 < t->n && brk[j] != LINEBREAK_NOBREAK && !(glue && glue[i]);
    }
    r->i = i;
    r->w = w;
    r->ls = ls;
    r->lsw = lsw;
    r->cand = cand;
    r->bk = bk;
    r->gk = gk;
    r->mk = mk;
    return j;
}

/* The greedy pass over t (with its break actions) into o: lines of at
 * most width columns (>= 1), held together where glue says, a line broken
 * inside a word kept to width - markw (markw >= 0). */
static void greedy(const gn_wtext *t, int width, int markw, const unsigned char *glue, out *o)
{
    size_t ls = 0;             /* current line start */
    long long lsw = 0;         /* running width at ls */
    long long w = 0;           /* running width at i */
    size_t ce = 0;             /* end of the line's last non-space character */
    long long cew = 0;         /* running width at ce */
    mark bp = {0, 0, 0, 0, 0}; /* last break opportunity, valid when bp.pos > ls */
    int have_cand = 0;         /* an opportunity after the previous character:
                                * there, the state is the current one */
    mark gb = bp;              /* last cluster start on the line, valid when > ls */
    mark gm = bp;              /* the last one with width - markw columns before it */
    int32_t prev = -1;         /* previous code point, -1 at a paragraph start */
    unsigned char prev_m = 0;  /* its GN_WT_ bits */
    utf8proc_int32_t gstate = 0;

    size_t i = 0;
    for (size_t k = 0; k < t->n; k++) {
        if ((k & (GN_WT_STOP_EVERY - 1)) == GN_WT_STOP_EVERY - 1 && gn_interrupted())
            break; /* a stop asked for, looked for now and then */
        int32_t cp = t->cp[k];
        unsigned char m = t->m[k];
        size_t n = GN_WT_LEN(m);

        if (cp == '\n') {
            emit(o, ls, ce, cew - lsw);
            ls = ce = i + 1;
            lsw = cew = w;
            have_cand = 0;
            prev = -1;
            prev_m = 0;
            gstate = 0;
            i += n;
            continue;
        }

        int cw = GN_WT_WIDTH(m);
        int boundary = cluster_ends(prev, prev_m, cp, m, &gstate);
        if (have_cand && opens(prev, prev_m, cp, m, boundary))
            bp = (mark){i, k, ce, w, cew};
        have_cand = 0;

        /* Spaces hang past the width (they are dropped at the break) and
         * zero-width characters never overflow, but for one that follows
         * hanging spaces: the last space is then its base (" \u0301"), and
         * the line breaks before that space. */
        while (cp != ' ' && (w - lsw) + cw > width && (cw > 0 || w > cew)) {
            if (cw == 0) {
                if (ce > ls)
                    emit(o, ls, ce, cew - lsw);
                ls = ce = i - 1; /* [ce, i) are spaces */
                lsw = cew = w - 1;
                break;
            }
            if (ce == ls) {
                /* Only leading spaces so far: keep those that fit. */
                size_t keep = width > cw ? (size_t)(width - cw) : 0;
                if (i - ls > keep) {
                    lsw += (long long)(i - keep - ls);
                    ls = ce = i - keep;
                    cew = lsw;
                }
                break;
            }
            if (bp.pos > ls && bp.ce <= ls) {
                /* The opportunity follows leading spaces only: drop them
                 * rather than split the word after them. */
                ls = bp.pos;
                lsw = bp.w;
                continue;
            }
            if (bp.pos > ls) {
                /* Break at the last opportunity; the next line starts after
                 * the spaces there, but for one that is the base of a
                 * zero-width character after it. */
                emit(o, ls, bp.ce, bp.cew - lsw);
                ls = bp.pos;
                lsw = bp.w;
                for (size_t j = bp.k; ls < i && t->cp[j] == ' '; j++) {
                    if (t->cp[j + 1] != '\n' && GN_WT_WIDTH(t->m[j + 1]) == 0)
                        break;
                    ls++;
                    lsw++;
                }
                if (ce < ls) {
                    ce = ls;
                    cew = lsw;
                }
                continue;
            }
            /* Emergency break between characters, at a cluster start:
             * with a mark, the last one that leaves it room. */
            if (markw > 0 && !(boundary && w - lsw <= width - markw) && gm.pos > ls) {
                emit_split(o, ls, gm.ce, gm.cew - lsw, gm.ce == gm.pos);
                ls = gm.pos;
                lsw = gm.w;
            } else if (!boundary && gb.pos > ls) {
                /* (Spaces alone before the cluster are just dropped.) */
                if (gb.ce > ls)
                    emit_split(o, ls, gb.ce, gb.cew - lsw, gb.ce == gb.pos);
                ls = gb.pos;
                lsw = gb.w;
            } else {
                emit_split(o, ls, ce, cew - lsw, ce == i);
                ls = ce = i;
                lsw = cew = w;
            }
        }

        if (boundary && cp != ' ' && cw > 0 && i > ls) {
            gb.pos = i;
            gb.w = w;
            gb.ce = ce;
            gb.cew = cew;
            if (markw > 0 && w - lsw <= width - markw)
                gm = gb;
        }
        w += cw;
        if (cp != ' ') {
            ce = i + n;
            cew = w;
        }
        i += n;
        /* MUSTBREAK here can only be CR, NEL, U+2028 and such: only '\n'
         * forces a break, the others merely allow one. */
        if (k + 1 < t->n && t->brk[k] != LINEBREAK_NOBREAK && !(glue && glue[i]))
            have_cand = 1;
        prev = cp;
        prev_m = m;
        if (!simple(cp, m))
            continue;
        /* A run of simple characters after a simple one keeps positions
         * only (simple_run); its marks are made from them at its end. */
        size_t stop = k | (GN_WT_STOP_EVERY - 1);
        srun r = {i, ls, SIZE_MAX, SIZE_MAX, SIZE_MAX, w, lsw, have_cand};
        size_t j = simple_run(t, k + 1, stop < t->n ? stop : t->n, width, markw, glue, o, &r);
        if (j == k + 1)
            continue;
        size_t gi = r.i;
        long long gw = r.w;
        size_t at = j;
        if (r.gk != SIZE_MAX) {
            back_to(t, r.gk, at, &gi, &gw);
            at = r.gk;
            gb = (mark){gi, at, gi, gw, gw};
        }
        if (r.bk != SIZE_MAX) {
            back_to(t, r.bk, at, &gi, &gw);
            at = r.bk;
            bp = (mark){gi, at, gi, gw, gw};
        }
        if (r.mk != SIZE_MAX) {
            gi = r.i;
            gw = r.w;
            back_to(t, r.mk, j, &gi, &gw);
            gm = (mark){gi, r.mk, gi, gw, gw};
        }
        i = ce = r.i;
        w = cew = r.w;
        ls = r.ls;
        lsw = r.lsw;
        have_cand = r.cand;
        k = j - 1;
        prev = t->cp[k];
        prev_m = t->m[k];
        gstate = 0;
    }
    emit(o, ls, ce, cew - lsw);
}

/* A text decoded once (wrap.h): its code points and widths, the widest
 * line, and its break actions once asked for. */
struct gn_wrap_text {
    gn_wtext t;
    char lang[16]; /* the language tag (its first characters are what count) */
    bool has_lang;
    int natural;   /* the widest line (gn_wtext_decode); -1: a stop came */
    int breaks;    /* t.brk: 0 not found yet, 1 found, -1 a stop came */
};

static void text_init(gn_wrap_text *wt, const char *text, size_t len, const char *lang)
{
    memset(wt, 0, sizeof *wt);
    if (lang) {
        size_t n = strnlen(lang, sizeof wt->lang - 1);
        memcpy(wt->lang, lang, n);
        wt->lang[n] = '\0';
        wt->has_lang = true;
    }
    if (text && len > 0)
        wt->natural = gn_wtext_decode(&wt->t, text, len);
}

/* Whether wt's break actions are there, found now if need be (false when
 * a stop came meanwhile). */
static bool text_breaks(gn_wrap_text *wt)
{
    if (wt->breaks == 0)
        wt->breaks = gn_wtext_breaks(&wt->t, wt->has_lang ? wt->lang : NULL) ? 1 : -1;
    return wt->breaks > 0;
}

/* When every line fits, its lines without looking for break
 * opportunities (most paragraphs, headings and cells); else the greedy
 * pass. */
size_t gn_wrap_text_lines(gn_wrap_text *wt, int width, int markw, const unsigned char *glue,
                          gn_wrap_line **lines)
{
    out o = {NULL, 0, 0};
    *lines = NULL;
    if (wt->t.n == 0 || wt->natural < 0)
        return 0;
    if (width < 1)
        width = 1;
    if (markw < 0)
        markw = 0;
    if (wt->natural <= width)
        lines_fit(&wt->t, &o);
    else if (text_breaks(wt)) /* (stopped: the caller keeps nothing of the lines) */
        greedy(&wt->t, width, markw, glue, &o);
    *lines = o.v;
    return o.n;
}

gn_wrap_text *gn_wrap_text_new(const char *text, size_t len, const char *lang)
{
    gn_wrap_text *wt = gn_xmalloc(sizeof *wt);
    text_init(wt, text, len, lang);
    return wt;
}

gn_wrap_text *gn_wrap_text_join(gn_wrap_text *const *parts, size_t n, const char *lang)
{
    gn_wrap_text *wt = gn_xmalloc(sizeof *wt);
    text_init(wt, NULL, 0, lang);
    const gn_wtext **t = gn_xcalloc(n ? n : 1, sizeof *t);
    bool whole = true;
    for (size_t j = 0; j < n; j++) {
        t[j] = &parts[j]->t;
        whole = whole && parts[j]->natural >= 0;
    }
    wt->natural = gn_wtext_join(&wt->t, t, n);
    if (!whole) /* a part was cut short by a stop: so is the whole */
        wt->natural = -1;
    free(t);
    return wt;
}

void gn_wrap_text_free(gn_wrap_text *wt)
{
    if (!wt)
        return;
    gn_wtext_free(&wt->t);
    free(wt);
}

int gn_wrap_text_natural(const gn_wrap_text *wt)
{
    return wt->natural > 0 ? wt->natural : 0;
}

/* gn_wrap, gn_wrap_glued and gn_wrap_marked: the text decoded for one
 * wrapping. */
static size_t wrap(const char *text, size_t len, int width, int markw, const char *lang,
                   const unsigned char *glue, gn_wrap_line **lines)
{
    gn_wrap_text wt;
    text_init(&wt, text, len, lang);
    size_t n = gn_wrap_text_lines(&wt, width, markw, glue, lines);
    gn_wtext_free(&wt.t);
    return n;
}


size_t gn_wrap(const char *text, size_t len, int width, const char *lang,
               gn_wrap_line **lines)
{
    return wrap(text, len, width, 0, lang, NULL, lines);
}

size_t gn_wrap_glued(const char *text, size_t len, int width, const char *lang,
                     const unsigned char *glue, gn_wrap_line **lines)
{
    return wrap(text, len, width, 0, lang, glue, lines);
}

size_t gn_wrap_marked(const char *text, size_t len, int width, int markw, const char *lang,
                      const unsigned char *glue, gn_wrap_line **lines)
{
    return wrap(text, len, width, markw, lang, glue, lines);
}

/* Whether t holds only ASCII letters, digits, spaces and '\n': then its
 * break opportunities are the spaces (UAX #14 LB18, LB23, LB28). */
static bool plain_words(const gn_wtext *t)
{
    for (size_t k = 0; k < t->n; k++) {
        int32_t cp = t->cp[k];
        if (cp >= 0x80 || !(ascii_alnum((unsigned char)cp) || cp == ' ' || cp == '\n'))
            return false;
    }
    return true;
}

/* The widest run of t between two opportunities gn_wrap takes (a '\n'
 * too), without the spaces around it: the pass of wrap() at an endless
 * width, where no line overflows. */
static long long widest_word(const gn_wtext *t)
{
    long long widest = 0, w = 0, cew = 0, word = -1; /* running widths: at the
                                                      * character, after the
                                                      * last non-space, where
                                                      * the word started */
    long long cand = -1; /* cew at the opportunity after the previous one */
    int32_t prev = -1;
    unsigned char prev_m = 0;
    utf8proc_int32_t gstate = 0;
    for (size_t k = 0; k < t->n; k++) {
        if ((k & (GN_WT_STOP_EVERY - 1)) == GN_WT_STOP_EVERY - 1 && gn_interrupted())
            break;
        int32_t cp = t->cp[k];
        unsigned char m = t->m[k];
        long long end = -1; /* where a word ends before this character */
        if (cp == '\n') {
            end = cew;
            cand = -1;
            prev = -1;
            prev_m = 0;
            gstate = 0;
        } else {
            int boundary = cluster_ends(prev, prev_m, cp, m, &gstate);
            if (cand >= 0 && opens(prev, prev_m, cp, m, boundary))
                end = cand;
            cand = -1;
        }
        if (end >= 0) {
            if (word >= 0 && end - word > widest)
                widest = end - word;
            word = -1;
        }
        if (cp == '\n') {
            cew = w;
            continue;
        }
        int cw = GN_WT_WIDTH(m);
        if (cp != ' ' && word < 0) /* a space that is a mark's base counts */
            word = cw == 0 && prev == ' ' ? w - 1 : w;
        w += cw;
        if (cp != ' ')
            cew = w;
        if (k + 1 < t->n && t->brk[k] != LINEBREAK_NOBREAK)
            cand = cew;
        prev = cp;
        prev_m = m;
        if (!simple(cp, m))
            continue;
        /* Simple characters of width > 0 after a simple one: a cluster
         * ends before each, an opportunity opens there when one follows
         * the one before, and each is the word's last non-space. */
        size_t stop = k | (GN_WT_STOP_EVERY - 1), j = k + 1;
        if (stop > t->n)
            stop = t->n;
        for (; j < stop; j++) {
            unsigned char mj = t->m[j];
            int cwj = GN_WT_WIDTH(mj);
            if (!simple(t->cp[j], mj) || cwj == 0)
                break;
            if (cand >= 0) {
                if (word >= 0 && cand - word > widest)
                    widest = cand - word;
                word = -1;
            }
            if (word < 0)
                word = w;
            w += cwj;
            cand = t->brk[j] != LINEBREAK_NOBREAK ? w : -1;
        }
        if (j == k + 1)
            continue;
        cew = w;
        k = j - 1;
        prev = t->cp[k];
        prev_m = t->m[k];
        gstate = 0;
    }
    if (word >= 0 && cew - word > widest)
        widest = cew - word;
    return widest;
}

int gn_wrap_text_widest(gn_wrap_text *wt)
{
    const gn_wtext *t = &wt->t;
    long long widest = 0;
    if (t->n == 0 || wt->natural < 0)
        return 0;
    if (plain_words(t)) {
        long long run = 0;
        for (size_t k = 0; k <= t->n; k++) {
            if (k == t->n || t->cp[k] == ' ' || t->cp[k] == '\n') {
                widest = run > widest ? run : widest;
                run = 0;
            } else {
                run++;
            }
        }
    } else if (text_breaks(wt)) {
        widest = widest_word(t);
    }
    return widest > INT_MAX ? INT_MAX : (int)widest;
}

/* Append to rows (*n of them, room for *cap) the row of line made of
 * indent spaces, s (len bytes) and the continuation mark cont. */
static void add_row(gn_wrap_row **rows, size_t *n, size_t *cap, size_t line, int indent,
                    const char *s, size_t len, const char *cont)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *rows = gn_xreallocarray(*rows, *cap, sizeof **rows);
    }
    gn_buf b = GN_BUF_INIT;
    gn_buf_addf(&b, "%*s", indent, "");
    gn_buf_add(&b, s, len);
    gn_buf_adds(&b, cont);
    (*rows)[*n].line = line;
    (*rows)[*n].text = gn_buf_take(&b);
    (*n)++;
}

size_t gn_wrap_rows(char *const *lines, size_t n, int width, int indent, const char *cont,
                    const char *lang, gn_wrap_row **rows)
{
    if (!cont)
        cont = "";
    int mw = gn_text_width(cont, strlen(cont));
    if (width < 1)
        width = 1;
    if (indent < 0)
        indent = 0;
    /* Each leaves room for a wide character, or is left out. */
    if (width - mw - indent < 2)
        indent = 0;
    if (width - mw < 2) {
        cont = "";
        mw = 0;
    }
    gn_wrap_row *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = lines[i];
        size_t len = strlen(s);
        gn_wrap_line *wl;
        size_t k = gn_text_width(s, len) <= width ? 0 : gn_wrap(s, len, width - mw, lang, &wl);
        if (k < 2) { /* it fits (but maybe for spaces at its end), or a stop came */
            size_t start = k ? wl[0].start : 0, end = k ? wl[0].end : len;
            add_row(&v, &nv, &cap, i, 0, s + start, end - start, "");
            if (k)
                free(wl);
            continue;
        }
        add_row(&v, &nv, &cap, i, 0, s + wl[0].start, wl[0].end - wl[0].start, cont);
        size_t rest = wl[1].start;
        free(wl);
        k = gn_wrap(s + rest, len - rest, width - mw - indent, lang, &wl);
        for (size_t j = 0; j < k; j++)
            add_row(&v, &nv, &cap, i, indent, s + rest + wl[j].start, wl[j].end - wl[j].start,
                    j + 1 < k ? cont : "");
        free(wl);
    }
    *rows = v;
    return nv;
}

/* The column where gn_wrap_terms starts the texts at width: two columns
 * past the widest term that is at most about half the width (so that the
 * texts keep the other half), 0 when the width leaves a text less than
 * 2 columns there. */
static int terms_column(char *const *terms, size_t n, int width)
{
    int cap = (width - 2) / 2, widest = -1;
    for (size_t i = 0; i < n; i++) {
        int w = gn_text_width(terms[i], strlen(terms[i]));
        if (w <= cap && w > widest)
            widest = w;
    }
    int col = widest >= 0 ? widest + 2 : 2;
    return width - col >= 2 ? col : 0;
}

size_t gn_wrap_terms(char *const *terms, char *const *texts, size_t n, int width,
                     const char *lang, gn_wrap_row **rows)
{
    if (width < 1)
        width = 1;
    int col = terms_column(terms, n, width);
    gn_wrap_row *v = NULL;
    size_t nv = 0, cap = 0;
    gn_buf b = GN_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const char *term = terms[i], *text = texts[i];
        size_t tlen = strlen(term);
        int tw = gn_text_width(term, tlen);
        bool alone = tw + 2 > col || !*text;
        gn_wrap_line *wl;
        if (alone) { /* the term on its rows, wrapped if need be */
            size_t k = gn_wrap(term, tlen, width, lang, &wl);
            for (size_t j = 0; j < k; j++)
                add_row(&v, &nv, &cap, i, 0, term + wl[j].start, wl[j].end - wl[j].start, "");
            if (k)
                free(wl);
            else
                add_row(&v, &nv, &cap, i, 0, "", 0, "");
        }
        size_t len = strlen(text);
        size_t k = gn_wrap(text, len, width - col, lang, &wl);
        for (size_t j = 0; j < k; j++) {
            gn_buf_reset(&b);
            if (j == 0 && !alone) /* the text's first row, beside its term */
                gn_buf_add(&b, term, tlen);
            gn_buf_addf(&b, "%*s", j == 0 && !alone ? col - tw : col, "");
            gn_buf_add(&b, text + wl[j].start, wl[j].end - wl[j].start);
            add_row(&v, &nv, &cap, i, 0, b.data, b.len, "");
        }
        if (k)
            free(wl);
    }
    gn_buf_free(&b);
    *rows = v;
    return nv;
}

void gn_wrap_rows_free(gn_wrap_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++)
        free(rows[i].text);
    free(rows);
}
