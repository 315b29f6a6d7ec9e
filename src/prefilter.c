/* prefilter.c: the pages a text search need not read (see prefilter.h).
 *
 * The query, without the ASCII characters that are neither letters nor
 * digits ("markup bytes"), is a pattern of at most 64 bytes, found by
 * bit-parallel matching (shift-and): bit k of the state is set when the
 * pattern's first k + 1 bytes end at the byte just read. The page's bytes
 * are read once, markup bytes left out, the rest folded as the search
 * folds. A choice of renderings is a union of states: a byte that may or
 * may not be shown (in a link target, a tag, an attribute list) keeps the
 * state before it beside the state after it; text that may be added (a
 * label) is read from the state before it, and the result joined to the
 * state without it; an entity is read as written and as decoded. */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/alert.h"
#include "guidenav/emit.h"
#include "guidenav/html.h"
#include "guidenav/para.h"
#include "guidenav/prefilter.h"
#include "guidenav/text.h"

#define PATTERN_MAX 64

struct gn_prefilter {
    bool always;       /* every page may match */
    bool fold;         /* the query is folded (not exact) */
    uint64_t mask[256];/* per byte, the pattern positions holding it */
    uint64_t last;     /* the bit of the whole pattern */
    /* The bytes that may change a state of 0 outside the optional bytes:
     * those that may start the pattern, markup that starts something,
     * and every byte from 0x80 (its folding may). Others are skipped. */
    bool stop[256];
    gn_buf image;      /* added at "![" (GN_PARA_IMAGE), as compared */
    gn_buf *labels;    /* one of them may be added at "[!", as compared: per
                        * kind but none, the video mark and label, the tab
                        * mark (see label_of) */
    size_t nlabels;
    /* From a state of 0: the states after the labels, joined, and whether
     * one of them holds the pattern (the same for every page). */
    uint64_t labels_from0;
    bool labels_hit;
};

/* ASCII that is neither a letter nor a digit: what markup is made of,
 * left out of both sides. Bytes from 0x80 are never markup. */
static bool is_markup(unsigned char c)
{
    return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                         (c >= 'A' && c <= 'Z'));
}

/* Append to out s[0..n) as it is compared: sanitized as the layout shows
 * text, folded when fold, without markup bytes. work: two buffers for
 * the steps between (emptied first). */
static void compared(const char *s, size_t n, bool fold, gn_buf *out, gn_buf work[2])
{
    gn_buf_reset(&work[0]);
    gn_text_sanitize(&work[0], s, n);
    const gn_buf *b = &work[0];
    if (fold) {
        gn_buf_reset(&work[1]);
        gn_fold(work[0].data ? work[0].data : "", work[0].len, &work[1]);
        b = &work[1];
    }
    for (size_t i = 0; i < b->len; i++)
        if (!is_markup((unsigned char)b->data[i]))
            gn_buf_addc(out, b->data[i]);
}

/* True when the query holds a character that sanitizing makes (U+FFFD, a
 * control picture): the page's bytes do not tell where it would be. */
static bool made_by_sanitizing(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += gn_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD || (cp >= 0x2400 && cp <= 0x2421))
            return true;
    }
    return false;
}

/* Note the text a + b, which the layout may add at "[!", as compared. */
static void add_label(gn_prefilter *p, const char *a, const char *b, gn_buf work[2])
{
    gn_buf s = GN_BUF_INIT;
    gn_buf_adds(&s, a);
    gn_buf_adds(&s, b);
    p->labels = gn_xreallocarray(p->labels, p->nlabels + 1, sizeof *p->labels);
    p->labels[p->nlabels] = (gn_buf)GN_BUF_INIT;
    compared(s.data, s.len, p->fold, &p->labels[p->nlabels++], work);
    gn_buf_free(&s);
}

static void labels_from0(gn_prefilter *p);

gn_prefilter *gn_prefilter_new(const gn_query *q, const char *lang)
{
    gn_prefilter *p = gn_xcalloc(1, sizeof *p);
    p->fold = !q->exact;
    gn_buf pat = GN_BUF_INIT;
    for (size_t i = 0; i < q->len; i++)
        if (!is_markup((unsigned char)q->text[i]))
            gn_buf_addc(&pat, q->text[i]);
    p->always = pat.len == 0 || made_by_sanitizing(q->text, q->len);
    size_t m = pat.len < PATTERN_MAX ? pat.len : PATTERN_MAX;
    for (size_t k = 0; k < m; k++)
        p->mask[(unsigned char)pat.data[k]] |= (uint64_t)1 << k;
    if (p->fold) /* the page's ASCII capitals are read as their folding */
        for (int c = 'A'; c <= 'Z'; c++)
            p->mask[c] = p->mask[c - 'A' + 'a'];
    p->last = m ? (uint64_t)1 << (m - 1) : 0;
    for (int c = 0; c < 256; c++)
        p->stop[c] = c >= 0x80 || (p->mask[c] & 1) || strchr("&{<]![", c);
    p->stop[0] = false; /* (strchr finds the terminator) */
    gn_buf_free(&pat);
    gn_buf work[2] = {GN_BUF_INIT, GN_BUF_INIT};
    compared(GN_PARA_IMAGE, sizeof GN_PARA_IMAGE - 1, p->fold, &p->image, work);
    const gn_glyphs *g = gn_glyphs_for(false);
    for (int k = GN_KIND_NONE + 1; k < GN_KIND_COUNT; k++)
        add_label(p, "", gn_kind_label((gn_kind)k, lang), work);
    add_label(p, g->video, gn_kind_label(GN_KIND_VIDEO, lang), work);
    add_label(p, g->tab, "", work);
    labels_from0(p);
    gn_buf_free(&work[0]);
    gn_buf_free(&work[1]);
    return p;
}

void gn_prefilter_free(gn_prefilter *p)
{
    if (!p)
        return;
    gn_buf_free(&p->image);
    for (size_t i = 0; i < p->nlabels; i++)
        gn_buf_free(&p->labels[i]);
    free(p->labels);
    free(p);
}

/* ---- reading a page ------------------------------------------------------- */

typedef struct scan {
    const gn_prefilter *p;
    const char *s;
    size_t n;
    uint64_t d;        /* the state */
    bool hit;          /* the pattern was found */
    size_t opt_end;    /* the bytes before it may or may not be shown */
    size_t budget;     /* bytes the look-aheads may still read */
    gn_buf tmp, alt, work[2];
} scan;

/* The state after the bytes b[0..n) from d, markup bytes left out; sets
 * hit when the pattern ends among them. */
static uint64_t run(scan *x, uint64_t d, const char *b, size_t n)
{
    const uint64_t *mask = x->p->mask;
    for (size_t i = 0; i < n; i++) {
        if (d == 0) /* skip to a byte that may start the pattern */
            while (i < n && !(mask[(unsigned char)b[i]] & 1))
                i++;
        if (i == n)
            break;
        unsigned char c = (unsigned char)b[i];
        if (is_markup(c))
            continue;
        d = ((d << 1) | 1) & x->p->mask[c];
        if (d & x->p->last)
            x->hit = true;
    }
    return d;
}

/* Read the compared bytes b[0..n), which stand at byte `at` of the page:
 * optional there when a byte that may not be shown. */
static void read_at(scan *x, size_t at, const char *b, size_t n)
{
    uint64_t after = run(x, x->d, b, n);
    x->d = at < x->opt_end ? x->d | after : after;
}

/* Text that may be added here: from the state before it, joined. */
static void may_add(scan *x, const gn_buf *text)
{
    x->d |= run(x, x->d, text->data, text->len);
}

/* Fill p->labels_from0 and labels_hit. */
static void labels_from0(gn_prefilter *p)
{
    scan x = {.p = p};
    for (size_t i = 0; i < p->nlabels; i++)
        p->labels_from0 |= run(&x, 0, p->labels[i].data, p->labels[i].len);
    p->labels_hit = x.hit;
}

/* Label i of p->labels may be added here (all of them: i < 0). */
static void may_add_label(scan *x, long i)
{
    if (i >= 0) {
        may_add(x, &x->p->labels[i]);
        return;
    }
    if (x->d == 0) {
        x->d = x->p->labels_from0;
        x->hit = x->hit || x->p->labels_hit;
        return;
    }
    uint64_t before = x->d;
    for (size_t k = 0; k < x->p->nlabels; k++)
        x->d |= run(x, before, x->p->labels[k].data, x->p->labels[k].len);
}

/* The label the layout may add for the marker "[!name]" or "[!name ...",
 * name[0..n) as written: its index in labels (as gn_prefilter_new makes
 * them), -1 for any (a name read otherwise than written), -2 for none
 * (Adobe's inline markers, the tab and shade delimiters). */
static long label_of(const char *name, size_t n, bool closed)
{
    static const char *const none[] = {"UICONTROL", "DNL", "BADGE", "BEGINTABS", "ENDTABS",
                                       "BEGINSHADEBOX", "ENDSHADEBOX"};
    if (!closed)
        return -1;
    gn_kind k = gn_kind_from_name(name, n);
    if (k == GN_KIND_VIDEO)
        return GN_KIND_COUNT - 1; /* the video mark and label */
    if (k != GN_KIND_NONE)
        return (long)k - 1;
    if (n == 3 && memcmp(name, "TAB", 3) == 0)
        return GN_KIND_COUNT; /* the tab mark */
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (strlen(none[i]) == n && memcmp(name, none[i], n) == 0)
            return -2;
    return -1;
}

/* Whether s[at] ends a line followed by a blank one (paragraphs end
 * there: a link, a label, an attribute list goes no further). */
static bool blank_line_at(const scan *x, size_t at)
{
    if (x->s[at] != '\n')
        return false;
    for (size_t k = at + 1; k < x->n; k++) {
        char c = x->s[k];
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

/* Spend k look-ahead bytes; false when the budget is gone (the page is
 * then read: the answer is "may match"). */
static bool spend(scan *x, size_t k)
{
    if (k > x->budget)
        return false;
    x->budget -= k;
    return true;
}

/* The end of s[from..): after the first occurrence of end, or the page's
 * end. */
static size_t after_text(scan *x, size_t from, const char *end)
{
    const char *at = from < x->n ? memmem(x->s + from, x->n - from, end, strlen(end)) : NULL;
    return at ? (size_t)(at - x->s) + strlen(end) : x->n;
}

/* The end of the tag, comment or other HTML starting at s[at] ('<'), as
 * far as it may reach: a tag's quoted values may hold '>'. */
static size_t html_end(scan *x, size_t at)
{
    const char *s = x->s + at;
    size_t left = x->n - at;
    if (left >= 4 && memcmp(s, "<!--", 4) == 0)
        return after_text(x, at + 4, "-->");
    if (left >= 2 && s[1] == '?')
        return after_text(x, at + 2, "?>");
    if (left >= 9 && memcmp(s, "<![CDATA[", 9) == 0)
        return after_text(x, at + 9, "]]>");
    for (size_t k = at + 1; k < x->n; k++) {
        char c = x->s[k];
        if (c == '>')
            return k + 1;
        if (c == '"' || c == '\'') {
            const char *q = memchr(x->s + k + 1, c, x->n - k - 1);
            if (!q)
                return x->n;
            k = (size_t)(q - x->s);
        }
    }
    return x->n;
}

/* The end of a link's target and title "(...)" starting at s[at]: its
 * closing parenthesis (nested ones counted, escaped and quoted ones not),
 * else the end of its paragraph. */
static size_t target_end(scan *x, size_t at)
{
    int depth = 0;
    char quote = 0;
    for (size_t k = at; k < x->n; k++) {
        char c = x->s[k];
        if (blank_line_at(x, k))
            return k;
        if (c == '\\') {
            k++;
            continue;
        }
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            return k + 1;
        }
    }
    return x->n;
}

/* The end of a reference label "[...]" starting at s[at], else of its
 * paragraph. */
static size_t label_end(scan *x, size_t at)
{
    for (size_t k = at + 1; k < x->n; k++) {
        if (blank_line_at(x, k))
            return k;
        if (x->s[k] == '\\')
            k++;
        else if (x->s[k] == ']')
            return k + 1;
    }
    return x->n;
}

/* An attribute list at s[at] ('{') is dropped from the laid-out text of
 * its paragraph, whatever it holds, when a '}' closes it there: the rest
 * of the paragraph may then not be shown. Returns that end, or 0 when no
 * '}' comes before it; *read: where the look-ahead stopped. */
static size_t attrs_end(scan *x, size_t at, size_t *read)
{
    bool closed = false;
    size_t k = at + 1;
    for (; k < x->n && !blank_line_at(x, k); k++)
        closed = closed || x->s[k] == '}';
    *read = k;
    return closed ? k : 0;
}

/* Bytes from s[at] may not be shown up to end. */
static bool optional_to(scan *x, size_t at, size_t end)
{
    if (!spend(x, end - at))
        return false;
    if (end > x->opt_end)
        x->opt_end = end;
    return true;
}

/* Whether s[at..] starts a named entity ("&name;"). */
static bool named_entity_at(const scan *x, size_t at)
{
    size_t k = at + 1;
    while (k < x->n && k - at <= 32 &&
           ((x->s[k] >= 'a' && x->s[k] <= 'z') || (x->s[k] >= 'A' && x->s[k] <= 'Z') ||
            (x->s[k] >= '0' && x->s[k] <= '9')))
        k++;
    return k > at + 1 && k < x->n && x->s[k] == ';' && !(x->s[at + 1] >= '0' && x->s[at + 1] <= '9');
}

/* The entity at s[at] ('&'): read as written and as decoded. Returns the
 * bytes it took (1: no entity known); 0 when the page must be read (an
 * entity unknown here, or one standing for Adobe markup). */
static size_t entity(scan *x, size_t at)
{
    gn_buf_reset(&x->tmp);
    size_t k = gn_html_entity(x->s + at, x->n - at, &x->tmp);
    if (k <= 1)
        return named_entity_at(x, at) ? 0 : 1;
    if (strpbrk(x->tmp.data, "[]{}!"))
        return 0;
    gn_buf_reset(&x->alt);
    compared(x->tmp.data, x->tmp.len, x->p->fold, &x->alt, x->work);
    uint64_t before = x->d, decoded = run(x, before, x->alt.data, x->alt.len);
    gn_buf_reset(&x->alt);
    compared(x->s + at, k, x->p->fold, &x->alt, x->work);
    uint64_t written = run(x, before, x->alt.data, x->alt.len);
    x->d = decoded | written | (at < x->opt_end ? before : 0);
    return k;
}

/* Read the markup byte s[at] and what it starts; returns the bytes taken,
 * 0 when the page must be read. */
static size_t markup(scan *x, size_t at)
{
    const char *s = x->s;
    char c = s[at], next = at + 1 < x->n ? s[at + 1] : '\0';
    switch (c) {
    case '&':
        return entity(x, at);
    case '{':
        if (next == '{') /* a snippet */
            return 0;
        {
            size_t read, end = attrs_end(x, at, &read);
            if (!spend(x, read - at) || (end && !optional_to(x, at, end)))
                return 0;
        }
        return 1;
    case '<':
        if (((next | 0x20) >= 'a' && (next | 0x20) <= 'z') || next == '/' || next == '!' ||
            next == '?')
            return optional_to(x, at, html_end(x, at)) ? 1 : 0;
        return 1;
    case ']':
        if (next == ':') /* a link reference definition */
            return 0;
        if (next == '(')
            return optional_to(x, at, target_end(x, at + 1)) ? 1 : 0;
        if (next == '[')
            return optional_to(x, at, label_end(x, at + 1)) ? 1 : 0;
        return 1;
    case '!':
        if (next == '[')
            may_add(x, &x->p->image);
        return 1;
    case '[':
        if (next == '!') {
            size_t end = at + 2;
            while (end < x->n && ((s[end] | 0x20) >= 'a' && (s[end] | 0x20) <= 'z'))
                end++;
            long label = label_of(s + at + 2, end - at - 2,
                                  end < x->n && (s[end] == ']' || s[end] == ' '));
            if (label != -2)
                may_add_label(x, label);
            if (!optional_to(x, at, end))
                return 0;
        }
        return 1;
    default:
        return 1;
    }
}

/* Whether the folded text b[0..n) holds what sanitizing changes in text
 * that is valid UTF-8 (folding leaves none invalid): a C1 control
 * (U+0080..U+009F) or a bidirectional control (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069), or may (any other U+20xx). */
static bool may_need_sanitizing(const char *b, size_t n)
{
    const unsigned char *u = (const unsigned char *)b;
    for (size_t i = 0; i + 1 < n; i++)
        if ((u[i] == 0xC2 && u[i + 1] < 0xA0) || (u[i] == 0xD8 && u[i + 1] == 0x9C) ||
            (u[i] == 0xE2 && (u[i + 1] == 0x80 || u[i + 1] == 0x81)))
            return true;
    return false;
}

/* The non-ASCII text s[0..n) as the layout shows it (sanitized) and, for
 * a folded query, folded: in one of x's work buffers. Folding first spares
 * decoding Japanese, Korean and Chinese text twice (the two steps give the
 * same bytes in either order, but for the case of the "U" of "<U+202E>",
 * which the comparison of a folded query ignores). */
static const gn_buf *text_run(scan *x, const char *s, size_t n)
{
    gn_buf_reset(&x->work[0]);
    if (!x->p->fold) {
        gn_text_sanitize(&x->work[0], s, n);
        return &x->work[0];
    }
    gn_fold(s, n, &x->work[0]);
    if (!may_need_sanitizing(x->work[0].data, x->work[0].len))
        return &x->work[0];
    gn_buf_reset(&x->work[1]);
    gn_text_sanitize(&x->work[1], x->work[0].data, x->work[0].len);
    return &x->work[1];
}

bool gn_prefilter_may_match(const gn_prefilter *p, const char *src, size_t len)
{
    if (p->always)
        return true;
    scan x = {p, src, len, 0, false, 0, 8 * len + 4096, GN_BUF_INIT, GN_BUF_INIT,
              {GN_BUF_INIT, GN_BUF_INIT}};
    const unsigned char *u = (const unsigned char *)src;
    for (size_t i = 0; i < len && !x.hit;) {
        if (x.d == 0 && i >= x.opt_end) {
            while (i < len && !p->stop[u[i]])
                i++;
            if (i == len)
                break;
        }
        if (u[i] >= 0x80) { /* a run of non-ASCII text, compared as a whole */
            size_t j = i + 1;
            while (j < len && u[j] >= 0x80)
                j++;
            const gn_buf *b = text_run(&x, src + i, j - i);
            read_at(&x, i, b->data, b->len);
            i = j;
        } else if (!is_markup(u[i])) {
            uint64_t after = ((x.d << 1) | 1) & p->mask[u[i]];
            x.d = i < x.opt_end ? x.d | after : after;
            x.hit = (x.d & p->last) != 0;
            i++;
        } else {
            size_t k = markup(&x, i);
            if (k == 0) {
                x.hit = true; /* in doubt: read */
                break;
            }
            i += k;
        }
    }
    gn_buf_free(&x.tmp);
    gn_buf_free(&x.alt);
    gn_buf_free(&x.work[0]);
    gn_buf_free(&x.work[1]);
    return x.hit;
}
