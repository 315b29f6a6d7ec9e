/* wrap_text.c: a text decoded once for line breaking (see wrap_text.h).
 *
 * The break opportunities come from libunibreak (Debian's 1.1), which
 * looks a character's class up by a linear search of its table: 40 steps
 * for an ideograph, 10 for '#'. Its rules look at classes only, so the
 * class comes from our own table (lbclass.h: the build's LineBreak.txt),
 * in constant time, and libunibreak is handed the first character of that
 * class in its own table (the smallest code point of the class: the table
 * is in code point order), found in the fewest steps. Its rules being a
 * table of pairs, most of a text needs no call at all (gn_wtext_breaks),
 * and a run of three or more characters of one class in what does is
 * handed as two: every break inside the run is the one between those two,
 * and what follows the run sees the same state. */
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <linebreak.h>
#include "guidenav/interrupt.h"
#include "guidenav/lbclass.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "wrap_text.h"

/* Hangul syllables and jamo (conjoining, compatibility, extended). */
static bool is_hangul(int32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF);
}

/* One code point's part in the widest line of a text (gn_wtext_decode):
 * w the running width, lsw its value at the line's start, cew at the
 * line's last non-space character, widest the widest line before. */
static inline void line_step(int32_t cp, int cw, long long *w, long long *lsw, long long *cew,
                             long long *widest)
{
    if (cp == '\n') {
        if (*cew - *lsw > *widest)
            *widest = *cew - *lsw;
        *lsw = *cew = *w;
    } else {
        *w += cw;
        if (cp != ' ')
            *cew = *w;
    }
}

static int widest_of(long long widest, long long lsw, long long cew)
{
    if (cew - lsw > widest)
        widest = cew - lsw;
    return widest > INT_MAX ? INT_MAX : (int)widest;
}

bool gn_wt_cjk_plain(int32_t cp)
{
    return (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
           (cp >= 0x3014 && cp <= 0x301B) || cp == 0x30FB || cp == 0x30FC ||
           (cp >= 0xFF01 && cp <= 0xFF5E);
}

int gn_wtext_decode(gn_wtext *t, const char *text, size_t len)
{
    t->cp = gn_xreallocarray(NULL, len, sizeof *t->cp);
    t->m = gn_xmalloc(len);
    t->brk = NULL;
    const unsigned char *u = (const unsigned char *)text;
    /* Running width, at the line's start, at the line's last non-space,
     * and the widest line so far. */
    long long w = 0, lsw = 0, cew = 0, widest = 0;
    size_t k = 0, i = 0;
    while (i < len) {
        if (k > 0 && gn_interrupted()) {
            t->n = k;
            return -1;
        }
        size_t stop = len - i > GN_WT_STOP_EVERY ? i + GN_WT_STOP_EVERY : len;
        for (; i < stop; k++) {
            int32_t cp;
            size_t nb;
            int cw;
            unsigned char m;
            if (u[i] < 0x80) {
                cp = u[i];
                nb = 1;
                cw = cp >= 0x20 && cp < 0x7F;
                m = cw ? GN_WT_PLAIN : 0;
            } else {
                if (u[i] >= 0xE3 && u[i] <= 0xE9 && len - i >= 3 && (u[i + 1] & 0xC0) == 0x80 &&
                    (u[i + 2] & 0xC0) == 0x80) { /* U+3000-U+9FFF: kana, ideographs */
                    cp = (int32_t)(u[i] & 0x0F) << 12 | (int32_t)(u[i + 1] & 0x3F) << 6 |
                         (u[i + 2] & 0x3F);
                    nb = 3;
                } else {
                    nb = gn_utf8_decode(text + i, len - i, &cp);
                }
                if (gn_cp_wide_letter(cp)) {
                    cw = 2;
                    m = cp >= 0xAC00 ? GN_WT_PLAIN | GN_WT_HANGUL : GN_WT_PLAIN;
                } else {
                    cw = gn_cp_width(cp);
                    m = nb == 1 ? GN_WT_BAD : is_hangul(cp) ? GN_WT_HANGUL
                                : gn_wt_cjk_plain(cp) ? GN_WT_PLAIN : 0;
                    if (cp == 0x30FC || cp == 0xFF70)
                        m |= GN_WT_NOSTART;
                }
            }
            t->cp[k] = cp;
            t->m[k] = (unsigned char)(m | (nb - 1) | (unsigned)cw << 2);
            i += nb;
            line_step(cp, cw, &w, &lsw, &cew, &widest);
        }
    }
    t->n = k;
    return widest_of(widest, lsw, cew);
}

int gn_wtext_join(gn_wtext *t, const gn_wtext *const *parts, size_t n)
{
    size_t total = 0;
    for (size_t j = 0; j < n; j++)
        total += parts[j]->n;
    t->cp = gn_xreallocarray(NULL, total ? total : 1, sizeof *t->cp);
    t->m = gn_xmalloc(total ? total : 1);
    t->brk = NULL;
    t->n = 0;
    for (size_t j = 0; j < n; j++) {
        if (parts[j]->n == 0) /* (an empty text has no arrays) */
            continue;
        memcpy(t->cp + t->n, parts[j]->cp, parts[j]->n * sizeof *t->cp);
        memcpy(t->m + t->n, parts[j]->m, parts[j]->n);
        t->n += parts[j]->n;
    }
    long long w = 0, lsw = 0, cew = 0, widest = 0;
    for (size_t k = 0; k < t->n; k++)
        line_step(t->cp[k], GN_WT_WIDTH(t->m[k]), &w, &lsw, &cew, &widest);
    return widest_of(widest, lsw, cew);
}

void gn_wtext_free(gn_wtext *t)
{
    free(t->cp);
    free(t->m);
    free(t->brk);
    t->cp = NULL;
    t->m = t->brk = NULL;
    t->n = 0;
}

/* The class libunibreak is to see for each of ours: the same, but for
 * - XX, SA and SG: AL, as libunibreak resolves them;
 * - RI: ID, as Debian's libunibreak 1.1 aborts (assert) on a regional
 *   indicator (the half of a flag emoji);
 * - EB, EM and ZWJ (Unicode 9), which it does not know: the classes they
 *   had before (ID, ID and CM). */
static gn_lb_class seen_as(gn_lb_class c)
{
    switch (c) {
    case GN_LB_XX:
    case GN_LB_SA:
    case GN_LB_SG:
        return GN_LB_AL;
    case GN_LB_RI:
    case GN_LB_EB:
    case GN_LB_EM:
        return GN_LB_ID;
    case GN_LB_ZWJ:
        return GN_LB_CM;
    default:
        return c;
    }
}

/* For each class (ours), what libunibreak sees (seen_as); for each class
 * it sees, what it is handed (the class's first character; for QU, the
 * quotation mark itself, which libunibreak classes by language: in
 * English "“" opens and "”" closes, in German the other way round),
 * whether a run of three or more may be handed as two (not combining
 * marks, which attach to what precedes them, nor the mandatory breaks and
 * CB, which decide alone; spaces may: between them there is never a
 * break, and after them the state is the same), and whether its breaks
 * follow from pairs (below). */
#define HAND_ITSELF ((uint32_t)-1)
static unsigned char as[GN_LB_COUNT];
static uint32_t hand[GN_LB_COUNT];
static bool runs[GN_LB_COUNT], paired[GN_LB_COUNT];

/* libunibreak's rules are a table of pairs of classes, with spaces and
 * combining marks apart. For two classes X and Y of that table (not AI
 * and QU, which depend on the language, nor ZW), whether the break
 * between them is an opportunity, X ÷ Y, and whether it is one after
 * spaces, X SP ÷ Y, is asked of libunibreak the first time the pair is
 * met and kept (bits KNOWN, DIRECT, AFTER_SPACES; atomic, as layouts may
 * run on two threads). */
enum { KNOWN = 1, DIRECT = 2, AFTER_SPACES = 4 };
static _Atomic unsigned char pairs[GN_LB_COUNT][GN_LB_COUNT];

/* Fill the tables above, once. */
static pthread_once_t classes_ready = PTHREAD_ONCE_INIT;

static void classes_init(void)
{
    init_linebreak();
    for (int c = 0; c < GN_LB_COUNT; c++) {
        as[c] = (unsigned char)seen_as((gn_lb_class)c);
        hand[c] = c == GN_LB_QU ? HAND_ITSELF : (uint32_t)gn_lb_first[c];
        runs[c] = paired[c] = true;
    }
    const gn_lb_class alone[] = {GN_LB_CM, GN_LB_BK, GN_LB_CR, GN_LB_LF, GN_LB_NL, GN_LB_CB};
    for (size_t k = 0; k < sizeof alone / sizeof *alone; k++)
        runs[alone[k]] = paired[alone[k]] = false;
    paired[GN_LB_SP] = paired[GN_LB_AI] = paired[GN_LB_QU] = paired[GN_LB_ZW] = false;
    for (int c = 0; c < GN_LB_COUNT; c++) /* classes libunibreak never sees */
        if (as[c] != c)
            paired[c] = runs[c] = false;
}

/* The bits of the pair x, y (classes libunibreak sees, both paired),
 * asked of libunibreak: one call finds both, "X Y" and, after a line feed
 * that starts afresh, "X SP Y". */
static unsigned char ask_pair(int x, int y)
{
    uint32_t u[6] = {hand[x], hand[y], '\n', hand[x], ' ', hand[y]};
    char act[6];
    set_linebreaks_utf32(u, 6, NULL, act);
    unsigned char v = (unsigned char)(KNOWN | (act[0] == LINEBREAK_ALLOWBREAK ? DIRECT : 0) |
                                      (act[4] == LINEBREAK_ALLOWBREAK ? AFTER_SPACES : 0));
    atomic_store_explicit(&pairs[x][y], v, memory_order_relaxed);
    return v;
}

static inline unsigned char pair_of(int x, int y)
{
    unsigned char v = atomic_load_explicit(&pairs[x][y], memory_order_relaxed);
    return v ? v : ask_pair(x, y);
}

/* The class libunibreak sees for code point k of t (an invalid byte: XX,
 * seen as AL, as '#' was before). */
static int class_at(const gn_wtext *t, size_t k)
{
    return as[t->m[k] & GN_WT_BAD ? GN_LB_XX : gn_lb_class_of(t->cp[k])];
}

/* The break actions of code points [from, to) of t into t->brk, from one
 * call of libunibreak: runs of three or more code points handed the same
 * go as two. */
typedef struct batch {
    const char *lang;
    uint32_t *u, *cnt; /* the code points handed, how many each stands for */
    char *act;         /* their actions */
    size_t room;
} batch;

static void breaks_of(gn_wtext *t, size_t from, size_t to, batch *b)
{
    if (to - from > b->room) {
        b->room = to - from;
        b->u = gn_xreallocarray(b->u, b->room, sizeof *b->u);
        b->cnt = gn_xreallocarray(b->cnt, b->room, sizeof *b->cnt);
        b->act = gn_xreallocarray(b->act, b->room, 1);
    }
    uint32_t *u = b->u, *cnt = b->cnt;
    size_t m = 0;
    for (size_t k = from; k < to; k++) {
        int c = class_at(t, k);
        uint32_t h = hand[c] == HAND_ITSELF ? (uint32_t)t->cp[k] : hand[c];
        if (m >= 2 && u[m - 1] == h && u[m - 2] == h && runs[c]) {
            cnt[m - 1]++;
            continue;
        }
        u[m] = h;
        cnt[m++] = 1;
    }
    set_linebreaks_utf32(u, m, b->lang, b->act);
    /* An entry that stands for c > 1 code points (the second of a run)
     * gives the break inside the run to the first c - 1 and its own to the
     * last. */
    size_t k = from;
    for (size_t j = 0; j < m; j++) {
        for (uint32_t r = 1; r < cnt[j]; r++)
            t->brk[k++] = (unsigned char)b->act[j - 1];
        t->brk[k++] = (unsigned char)b->act[j];
    }
    if (to < t->n) /* not the end of the text: a fresh start (below) */
        t->brk[to - 1] = LINEBREAK_ALLOWBREAK;
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

/* libunibreak gives no opportunity after a single space that starts the
 * text ("sot SP" holds on to what follows), yet leading spaces are dropped
 * when the word after them does not fit (wrap.h): after the spaces that
 * start the text or a line of it, an opportunity. */
static void open_after_leading_spaces(gn_wtext *t)
{
    bool line_start = true;
    for (size_t k = 0; k < t->n; k++) {
        if (t->cp[k] == '\n') {
            line_start = true;
        } else if (t->cp[k] != ' ') {
            if (line_start && k > 0 && t->cp[k - 1] == ' ')
                t->brk[k - 1] = LINEBREAK_ALLOWBREAK;
            line_start = false;
        }
    }
}

/* The text is cut where libunibreak may start afresh: the break before
 * such a point is an opportunity whatever precedes it, and the state its
 * rules keep is the same after it as at the start of a text. So before a
 * character Y of a paired class, after one X of a paired class when
 * X ÷ Y, or after X and spaces when X SP ÷ Y. A piece between two cuts
 * made of paired classes and the spaces between them needs no call: the
 * break inside is never an opportunity (an opportunity would have been a
 * cut), the break at its end is one. The other pieces (with a combining
 * mark, a line feed, a quotation mark...) go to libunibreak, consecutive
 * ones in one call of at most about LB_WINDOW code points; a stop asked
 * for is looked for at cuts, every GN_WT_STOP_EVERY code points. */
#ifndef LB_WINDOW /* tests/unit/test_wrap_text.c makes it small */
#define LB_WINDOW GN_WT_STOP_EVERY
#endif

bool gn_wtext_breaks(gn_wtext *t, const char *lang)
{
    pthread_once(&classes_ready, classes_init);
    char lbuf[3];
    batch b = {lang_part(lang, lbuf), NULL, NULL, NULL, 0};
    size_t n = t->n;
    t->brk = gn_xmalloc(n);
    size_t piece = 0;   /* where the piece being read starts */
    size_t calls = n;   /* where the pieces for libunibreak start (n: none) */
    size_t checked = 0; /* where a stop was last looked for */
    bool pure = true;   /* the piece needs no call (so far) */
    int prev = -1, word = -1; /* the class before, and the last but spaces */
    bool lead = false, whole = true;
    for (size_t k = 0; k <= n; k++) {
        int c = k < n ? class_at(t, k) : GN_LB_XX;
        if (k < n)
            t->brk[k] = LINEBREAK_NOBREAK; /* a pure piece's, but at its end */
        bool cut = k == n;
        if (!cut && paired[c] && prev >= 0) {
            if (paired[prev])
                cut = pair_of(prev, c) & DIRECT;
            else if (prev == GN_LB_SP && word >= 0 && paired[word])
                cut = pair_of(word, c) & AFTER_SPACES;
        }
        if (cut && k > 0) {
            if (!pure) {
                if (calls == n)
                    calls = piece;
            } else {
                if (calls < n) {
                    breaks_of(t, calls, piece, &b);
                    calls = n;
                }
                t->brk[k - 1] = k < n ? LINEBREAK_ALLOWBREAK : LINEBREAK_MUSTBREAK;
            }
            if (calls < n && (k == n || k - calls >= LB_WINDOW)) {
                breaks_of(t, calls, k, &b);
                calls = n;
            }
            if (k - checked >= GN_WT_STOP_EVERY && k < n) {
                checked = k;
                if (gn_interrupted()) {
                    whole = false;
                    break;
                }
            }
            piece = k;
            pure = true;
        }
        if (k == n)
            break;
        /* (A piece starts with a paired class, but the first.) */
        if (!paired[c] && !(c == GN_LB_SP && k > piece))
            pure = false;
        if (c == GN_LB_SP && (prev < 0 || prev == GN_LB_LF))
            lead = true;
        prev = c;
        if (c != GN_LB_SP)
            word = c;
    }
    free(b.u);
    free(b.cnt);
    free(b.act);
    if (whole && lead)
        open_after_leading_spaces(t);
    return whole;
}
