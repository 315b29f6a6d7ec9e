/* wrap.c: breaking text into lines of a given display width (see wrap.h).
 *
 * One pass of libunibreak over the text (in windows of about 1 MB, so a
 * stop asked for is seen between them: interrupt.h) gives the UAX #14
 * break opportunities (one action per byte); one greedy pass over the code
 * points then places the breaks. Both are linear: the greedy pass only
 * remembers the last break opportunity and the last grapheme-cluster start
 * on the current line, and never rescans a line. */
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

/* Hangul syllables and jamo (conjoining, compatibility, extended). */
static int is_hangul(int32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF);
}

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
static int keep_all(int32_t a, int32_t b)
{
    return (is_hangul(a) && (is_hangul(b) || is_narrow_alnum(b))) ||
           (is_hangul(b) && is_narrow_alnum(a));
}

/* The prolonged sound mark (ー, and its halfwidth form) continues the
 * kana before it: UAX #14 leaves it to the tailoring (class CJ), and
 * Japanese typesetting never starts a line with it. */
static int never_starts_line(int32_t cp)
{
    return cp == 0x30FC || cp == 0xFF70;
}

/* The language part of a locale tag ("ja-JP" -> "ja") in buf, or NULL. */
static const char *lang_part(const char *lang, char buf[3])
{
    if (!lang)
        return NULL;
    for (int k = 0; k < 2; k++) {
        char c = lang[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c < 'a' || c > 'z')
            return NULL;
        buf[k] = c;
    }
    if (lang[2] != '\0' && lang[2] != '-' && lang[2] != '_')
        return NULL;
    buf[2] = '\0';
    return buf;
}

/* The copy of text (same length, the caller frees) that is handed to
 * libunibreak instead of text:
 * - Debian's libunibreak 1.1 aborts (assert) on regional indicators (the
 *   halves of flag emoji) and on U+FFFF, and its lenient decoder can read
 *   either out of invalid bytes: every invalid byte becomes '#', U+FFFF
 *   becomes U+FFFD and a regional indicator becomes U+20000 (an ideograph,
 *   which breaks like one);
 * - it finds a character's class by a linear search of its table, which
 *   takes about 35 steps for a Latin letter: ASCII letters become '#', the
 *   table's first character of the same class (AL), found in 4. Its rules
 *   look at classes only, so the breaks are the same.
 * Every substitute has its original's length, so the break actions still
 * line up byte for byte with text. */
static char *lb_copy(const char *text, size_t len)
{
    char *copy = gn_xmalloc(len);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            copy[i++] = letter ? '#' : (char)c;
            continue;
        }
        int32_t cp;
        size_t n = gn_utf8_decode(text + i, len - i, &cp);
        const char *sub = text + i;
        if (cp == 0xFFFD && n == 1)
            sub = "#";
        else if (cp == 0xFFFF)
            sub = "\xEF\xBF\xBD";
        else if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
            sub = "\xF0\xA0\x80\x80";
        memcpy(copy + i, sub, n);
        i += n;
    }
    return copy;
}

static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Whether the three bytes at s are a CJK ideograph (U+4E00..U+9FFF). */
static bool ideograph_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] >= 0xE4 && u[0] <= 0xE9 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80;
}

/* Whether libunibreak may start afresh at byte p (0 < p < len) of text:
 * the break before p is an opportunity whatever precedes it, and no rule
 * of UAX #14 looks back past it. So at an ASCII letter or digit after
 * spaces that follow another (LB18: SP ÷), and between two CJK
 * ideographs (ID ÷ ID). */
static bool fresh_start_at(const char *text, size_t len, size_t p)
{
    if (text[p - 1] == ' ' && ascii_alnum((unsigned char)text[p])) {
        size_t q = p - 1;
        while (q > 0 && text[q] == ' ')
            q--;
        return ascii_alnum((unsigned char)text[q]);
    }
    return p >= 3 && p + 3 <= len && ideograph_at(text + p - 3) && ideograph_at(text + p);
}

/* The break actions of text (lb_text its lb_copy) into brks: libunibreak
 * over windows of at least LB_WINDOW bytes, each ending where
 * fresh_start_at allows, which gives the actions of one call over the
 * whole text. Returns false when a stop was asked for between windows. */
#ifndef LB_WINDOW /* tests/unit/test_wrap_windows.c makes it small */
#define LB_WINDOW ((size_t)1 << 20)
#endif
static bool lb_breaks(const char *text, const char *lb_text, size_t len, const char *lang,
                      char *brks)
{
    size_t from = 0;
    while (from < len) {
        size_t to = len;
        for (size_t p = from + LB_WINDOW; p < len; p++)
            if (fresh_start_at(text, len, p)) {
                to = p;
                break;
            }
        set_linebreaks_utf8((const utf8_t *)lb_text + from, to - from, lang, brks + from);
        if (to < len) /* not the end of the text: an opportunity */
            brks[to - 1] = LINEBREAK_ALLOWBREAK;
        from = to;
        if (from < len && gn_interrupted())
            return false;
    }
    return true;
}

/* libunibreak gives no opportunity after a single space that starts the
 * text ("sot SP" holds on to what follows), yet leading spaces are dropped
 * when the word after them does not fit (wrap.h): after the spaces that
 * start the text or a line of it, an opportunity. Linear: memchr from line
 * to line. */
static void open_after_leading_spaces(const char *text, size_t len, char *brks)
{
    for (size_t s = 0; s < len;) {
        size_t e = s;
        while (e < len && text[e] == ' ')
            e++;
        if (e > s && e < len && text[e] != '\n')
            brks[e - 1] = LINEBREAK_ALLOWBREAK;
        const char *nl = memchr(text + e, '\n', len - e);
        if (!nl)
            break;
        s = (size_t)(nl - text) + 1;
    }
}

/* Whether the character at s (len bytes left) takes no column and may not
 * start a line (a combining mark, a ZWJ...): then a space before it is its
 * base, not a space to drop. */
static int zero_width_at(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    int32_t cp;
    gn_utf8_decode(s, len, &cp);
    return cp != '\n' && gn_cp_width(cp) == 0;
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
 * the byte offset, the running width at it, and the end (byte offset and
 * running width) of the last non-space character before it. All widths are
 * running totals since the start of the text, so moving the line start
 * needs no rescan. */
typedef struct mark {
    size_t pos, ce;
    long long w, cew;
} mark;

/* When every line of text (split at '\n') fits in width, fill o with them
 * as the greedy pass would (trailing spaces left out) and return 1; else
 * return 0 and leave o empty. Most paragraphs, headings and table cells
 * fit, and then neither libunibreak nor the grapheme rules are needed. */
static int lines_fit(const char *text, size_t len, int width, out *o)
{
    size_t ls = 0, ce = 0;
    long long w = 0, lsw = 0, cew = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = gn_utf8_decode(text + i, len - i, &cp);
        if (cp == '\n') {
            emit(o, ls, ce, cew - lsw);
            ls = ce = i + 1;
            lsw = cew = w;
        } else {
            w += gn_cp_width(cp);
            if (w - lsw > width && cp != ' ') {
                free(o->v);
                *o = (out){NULL, 0, 0};
                return 0;
            }
            if (cp != ' ') {
                ce = i + n;
                cew = w;
            }
        }
        i += n;
    }
    emit(o, ls, ce, cew - lsw);
    return 1;
}

/* Close the word that started at running width *start (-1: none) and
 * ended at running width end: keep the widest in *widest. */
static void close_word(long long *start, long long end, long long *widest)
{
    if (*start >= 0 && end - *start > *widest)
        *widest = end - *start;
    *start = -1;
}

/* gn_wrap, gn_wrap_glued, gn_wrap_marked and gn_wrap_widest in one greedy
 * pass: lines of at most width columns, held together where glue says, a
 * line broken inside a word kept to width - markw; when widest is not
 * NULL, *widest gets the widest run of text between two break
 * opportunities the pass takes. */
static size_t wrap(const char *text, size_t len, int width, int markw, const char *lang,
                   const unsigned char *glue, gn_wrap_line **lines, long long *widest)
{
    static int lb_ready;
    out o = {NULL, 0, 0};

    *lines = NULL;
    if (widest)
        *widest = 0;
    if (!text || len == 0)
        return 0;
    if (width < 1)
        width = 1;
    if (markw < 0)
        markw = 0;
    if (!widest && lines_fit(text, len, width, &o)) {
        *lines = o.v;
        return o.n;
    }
    if (!lb_ready) {
        init_linebreak();
        lb_ready = 1;
    }
    /* libunibreak stops early on a truncated sequence at the end and leaves
     * the rest untouched: start from "no break" everywhere. */
    char *brks = gn_xmalloc(len);
    memset(brks, LINEBREAK_NOBREAK, len);
    char lbuf[3];
    char *lb_text = lb_copy(text, len);
    bool whole = lb_breaks(text, lb_text, len, lang_part(lang, lbuf), brks);
    free(lb_text);
    if (!whole) { /* stopped: the caller keeps nothing of the lines */
        free(brks);
        return 0;
    }
    open_after_leading_spaces(text, len, brks);

    size_t ls = 0;          /* current line start */
    long long lsw = 0;      /* running width at ls */
    long long w = 0;        /* running width at i */
    size_t ce = 0;          /* end of the line's last non-space character */
    long long cew = 0;      /* running width at ce */
    mark bp = {0, 0, 0, 0}; /* last break opportunity, valid when bp.pos > ls */
    mark cand = bp;         /* opportunity after the previous character */
    int have_cand = 0;
    mark gb = bp;           /* last cluster start on the line, valid when > ls */
    mark gm = bp;           /* the last one with width - markw columns before it */
    long long word = -1;    /* running width where the current word started */
    int32_t prev = -1;      /* previous code point, -1 at a paragraph start */
    utf8proc_int32_t gstate = 0;

    size_t i = 0;
    for (unsigned steps = 0; i < len; steps++) {
        if (steps == 1u << 20) { /* look for a stop asked for, now and then */
            steps = 0;
            if (gn_interrupted())
                break;
        }
        int32_t cp;
        size_t n = gn_utf8_decode(text + i, len - i, &cp);

        if (cp == '\n') {
            emit(&o, ls, ce, cew - lsw);
            if (widest)
                close_word(&word, cew, widest);
            ls = ce = i + 1;
            lsw = cew = w;
            have_cand = 0;
            prev = -1;
            gstate = 0;
            i += n;
            continue;
        }

        int cw = gn_cp_width(cp);
        /* Between printable ASCII characters a cluster always ends, and
         * utf8proc's state after one is its starting state. */
        int boundary = 1;
        if (prev >= 0x20 && prev < 0x7F && cp >= 0x20 && cp < 0x7F)
            gstate = 0;
        else if (prev >= 0)
            boundary = utf8proc_grapheme_break_stateful(prev, cp, &gstate);

        /* The opportunity after the previous character counts unless this
         * one may not start a line (width 0: a combining mark...), or it
         * would split a grapheme cluster (an emoji with its modifier or
         * after a ZWJ, a flag) or a Korean word. */
        if (have_cand && boundary && cw > 0 && !keep_all(prev, cp) && !never_starts_line(cp)) {
            bp = cand;
            if (widest)
                close_word(&word, cand.cew, widest);
        }
        have_cand = 0;
        if (widest && cp != ' ' && word < 0) /* a space that is a mark's base counts */
            word = cw == 0 && prev == ' ' ? w - 1 : w;

        /* Spaces hang past the width (they are dropped at the break) and
         * zero-width characters never overflow, but for one that follows
         * hanging spaces: the last space is then its base (" \u0301"), and
         * the line breaks before that space. */
        while (cp != ' ' && (w - lsw) + cw > width && (cw > 0 || w > cew)) {
            if (cw == 0) {
                if (ce > ls)
                    emit(&o, ls, ce, cew - lsw);
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
                 * the spaces there. */
                emit(&o, ls, bp.ce, bp.cew - lsw);
                ls = bp.pos;
                lsw = bp.w;
                while (ls < i && text[ls] == ' ' &&
                       !zero_width_at(text + ls + 1, len - ls - 1)) {
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
                emit_split(&o, ls, gm.ce, gm.cew - lsw, gm.ce == gm.pos);
                ls = gm.pos;
                lsw = gm.w;
            } else if (!boundary && gb.pos > ls) {
                /* (Spaces alone before the cluster are just dropped.) */
                if (gb.ce > ls)
                    emit_split(&o, ls, gb.ce, gb.cew - lsw, gb.ce == gb.pos);
                ls = gb.pos;
                lsw = gb.w;
            } else {
                emit_split(&o, ls, ce, cew - lsw, ce == i);
                ls = ce = i;
                lsw = cew = w;
            }
        }

        if (boundary && cp != ' ' && cw > 0 && i > ls) {
            gb.pos = i;
            gb.w = w;
            gb.ce = ce;
            gb.cew = cew;
            if (w - lsw <= width - markw)
                gm = gb;
        }
        w += cw;
        if (cp != ' ') {
            ce = i + n;
            cew = w;
        }
        i += n;
        if (i < len && brks[i - 1] != LINEBREAK_NOBREAK &&
            brks[i - 1] != LINEBREAK_INSIDEACHAR && !(glue && glue[i])) {
            /* MUSTBREAK here can only be CR, NEL, U+2028 and such: only
             * '\n' forces a break, the others merely allow one. */
            cand.pos = i;
            cand.w = w;
            cand.ce = ce;
            cand.cew = cew;
            have_cand = 1;
        }
        prev = cp;
    }
    emit(&o, ls, ce, cew - lsw);
    if (widest)
        close_word(&word, cew, widest);
    free(brks);
    *lines = o.v;
    return o.n;
}

size_t gn_wrap(const char *text, size_t len, int width, const char *lang,
               gn_wrap_line **lines)
{
    return wrap(text, len, width, 0, lang, NULL, lines, NULL);
}

size_t gn_wrap_glued(const char *text, size_t len, int width, const char *lang,
                     const unsigned char *glue, gn_wrap_line **lines)
{
    return wrap(text, len, width, 0, lang, glue, lines, NULL);
}

size_t gn_wrap_marked(const char *text, size_t len, int width, int markw, const char *lang,
                      const unsigned char *glue, gn_wrap_line **lines)
{
    return wrap(text, len, width, markw, lang, glue, lines, NULL);
}

/* Whether text holds only ASCII letters, digits, spaces and '\n': then
 * its break opportunities are the spaces (UAX #14 LB18, LB23, LB28). */
static bool plain_words(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!ascii_alnum((unsigned char)text[i]) && text[i] != ' ' && text[i] != '\n')
            return false;
    return true;
}

int gn_wrap_widest(const char *text, size_t len, const char *lang)
{
    long long widest = 0;
    if (text && plain_words(text, len)) {
        long long run = 0;
        for (size_t i = 0; i <= len; i++) {
            if (i == len || text[i] == ' ' || text[i] == '\n') {
                widest = run > widest ? run : widest;
                run = 0;
            } else {
                run++;
            }
        }
    } else {
        gn_wrap_line *lines;
        wrap(text, len, INT_MAX, 0, lang, NULL, &lines, &widest);
        free(lines);
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
