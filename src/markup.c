/* markup.c: Adobe's inline markup in plain strings (see markup.h). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/markup.h"
#include "guidenav/util.h"

static const struct {
    const char *text;
    size_t len;
    enum gn_mark kind;
} markers[] = {
    {"[!UICONTROL ", 12, GN_MARK_UICONTROL},
    {"[!DNL ", 6, GN_MARK_DNL},
    {"[!BADGE ", 8, GN_MARK_BADGE},
};

/* Length of the marker ("[!UICONTROL "...) starting s[0..len), setting
 * *kind, or 0 when none starts there. */
static size_t marker_at(const char *s, size_t len, enum gn_mark *kind)
{
    if (len < 2 || s[0] != '[' || s[1] != '!')
        return 0;
    for (size_t m = 0; m < sizeof markers / sizeof *markers; m++)
        if (len >= markers[m].len && memcmp(s, markers[m].text, markers[m].len) == 0) {
            *kind = markers[m].kind;
            return markers[m].len;
        }
    return 0;
}

/* A marker seen but not yet closed: the bracket depth it opened at, its
 * start and the start of its label. */
struct open_mark {
    size_t depth, start, inner;
    enum gn_mark kind;
};

/* The first c of s[from..len), or len. */
static size_t next_of(const char *s, size_t from, size_t len, char c)
{
    const char *p = from < len ? memchr(s + from, c, len - from) : NULL;
    return p ? (size_t)(p - s) : len;
}

/* One forward pass keeps a bracket depth and a stack of the open markers;
 * a ']' back at an open marker's depth closes it: O(len) however deep the
 * nesting, and markers left open are plain text. Returns whether it
 * marked any byte. Text without "[!" holds no marker: not scanned. */
static bool scan_markers(const char *s, size_t len, unsigned char *del,
                         void (*label)(enum gn_mark, size_t, size_t, void *), void *ctx)
{
    if (len < 2 || !gn_holds(s, len, "[!", 2))
        return false;
    bool marked = false;
    struct open_mark *stack = NULL;
    size_t n = 0, cap = 0, depth = 0;
    /* The next '[' and ']' at or after i, found by memchr. */
    size_t open = next_of(s, 0, len, '['), close = next_of(s, 0, len, ']');
    for (size_t i = open < close ? open : close; i < len; i = open < close ? open : close) {
        if (i == open) {
            enum gn_mark kind;
            size_t k = marker_at(s + i, len - i, &kind);
            if (k) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 8;
                    stack = gn_xreallocarray(stack, cap, sizeof *stack);
                }
                stack[n++] = (struct open_mark){depth, i, i + k, kind};
            }
            depth++;
            /* The rest of a marker holds no bracket. */
            size_t after = i + (k ? k : 1);
            open = next_of(s, after, len, '[');
            if (close < after)
                close = next_of(s, after, len, ']');
        } else {
            if (depth > 0) {
                depth--;
                if (n > 0 && stack[n - 1].depth == depth) {
                    struct open_mark m = stack[--n];
                    memset(del + m.start, 1, m.inner - m.start);
                    del[i] = 1;
                    marked = true;
                    if (label)
                        label(m.kind, m.inner, i, ctx);
                }
            }
            close = next_of(s, i + 1, len, ']');
        }
    }
    free(stack);
    return marked;
}

static bool is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_anchor_char(char c)
{
    return is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

static bool is_key_start(char c)
{
    return is_alpha(c) || c == '_' || c == '-';
}

static bool is_key_char(char c)
{
    return is_alpha(c) || is_digit(c) || c == '_' || c == ':' || c == '-';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Grammar: "{#" anchor-char+ "}", or "{" pair (" "+ pair)* "}" where a pair
 * is key "=" value and a value is "..." or '...' or a run of characters
 * other than white space and braces. No part of an attribute list contains
 * '{' (quoted values included), so a scan started at one '{' never passes
 * the next: callers trying every '{' of a text stay linear. */
size_t gn_markup_attrs(const char *s, size_t len, size_t *anchor_off,
                       size_t *anchor_len)
{
    *anchor_off = 0;
    *anchor_len = 0;
    if (len < 3 || s[0] != '{')
        return 0;
    size_t i = 1;
    if (s[1] == '#') {
        for (i = 2; i < len && is_anchor_char(s[i]); i++)
            ;
        if (i == 2 || i == len || s[i] != '}')
            return 0;
        *anchor_off = 2;
        *anchor_len = i - 2;
        return i + 1;
    }
    for (;;) {
        if (i == len || !is_key_start(s[i]))
            return 0;
        while (i < len && is_key_char(s[i]))
            i++;
        if (i == len || s[i] != '=')
            return 0;
        i++;
        if (i == len)
            return 0;
        if (s[i] == '"' || s[i] == '\'') {
            char quote = s[i++];
            while (i < len && s[i] != quote && s[i] != '{')
                i++;
            if (i == len || s[i] != quote)
                return 0;
            i++;
        } else {
            size_t v = i;
            while (i < len && !is_space(s[i]) && s[i] != '{' && s[i] != '}')
                i++;
            if (i == v)
                return 0;
        }
        if (i == len)
            return 0;
        if (s[i] == '}')
            return i + 1;
        if (s[i] != ' ')
            return 0;
        while (i < len && s[i] == ' ')
            i++;
    }
}

bool gn_markup_scan(const char *s, size_t len, unsigned char *del, char **anchor,
                    void (*label)(enum gn_mark, size_t, size_t, void *), void *ctx)
{
    bool marked = scan_markers(s, len, del, label, ctx);
    for (size_t i = 0; i < len; i++) {
        const char *brace = memchr(s + i, '{', len - i);
        if (!brace)
            break;
        i = (size_t)(brace - s);
        if (del[i])
            continue;
        size_t aoff, alen;
        size_t n = gn_markup_attrs(s + i, len - i, &aoff, &alen);
        if (n == 0)
            continue;
        if (alen && anchor && !*anchor)
            *anchor = gn_xstrndup(s + i + aoff, alen);
        memset(del + i, 1, n);
        marked = true;
        i += n - 1;
    }
    return marked;
}

/* Marks the bytes to drop (marker brackets, attribute lists), then copies
 * the rest. A space is dropped when a removal stands between it and the
 * space copied before it, so "a {#x} b" gives "a b" and "a{#x}" gives "a";
 * spaces the text had on its own are kept. */
char *gn_markup_plain(const char *s, char **anchor)
{
    size_t len = strlen(s);
    unsigned char *del = gn_xcalloc(len + 1, 1);
    if (anchor)
        *anchor = NULL;
    gn_markup_scan(s, len, del, anchor, NULL, NULL);

    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    bool removed = false;
    for (size_t i = 0; i < len; i++) {
        if (del[i]) {
            removed = true;
        } else if (s[i] != ' ') {
            gn_buf_addc(&b, s[i]);
            removed = false;
        } else if (!(removed && b.len > 0 && b.data[b.len - 1] == ' ')) {
            gn_buf_addc(&b, ' ');
        }
    }
    free(del);

    size_t a = 0, z = b.len;
    while (a < z && is_space(b.data[a]))
        a++;
    while (z > a && is_space(b.data[z - 1]))
        z--;
    char *out = gn_xstrndup(b.data + a, z - a);
    gn_buf_free(&b);
    return out;
}

/* A label found by scan_markers: its text [inner, end). */
typedef struct span {
    size_t inner, end;
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

static void on_label_span(enum gn_mark kind, size_t inner, size_t end, void *ctx)
{
    spans *sp = ctx;
    if (kind != GN_MARK_UICONTROL && kind != GN_MARK_DNL)
        return;
    if (sp->n == sp->cap) {
        sp->cap = sp->cap ? sp->cap * 2 : 8;
        sp->v = gn_xreallocarray(sp->v, sp->cap, sizeof *sp->v);
    }
    sp->v[sp->n++] = (span){inner, end};
}

/* Rotate s[a, b) left by k bytes. */
static void rotate(char *s, size_t a, size_t b, size_t k)
{
    char small[64], *tmp = k <= sizeof small ? small : gn_xmalloc(k);
    memcpy(tmp, s + a, k);
    memmove(s + a, s + a + k, b - a - k);
    memcpy(s + b - k, tmp, k);
    if (tmp != small)
        free(tmp);
}

/* Blank (to spaces) the code spans of scan (len bytes), as CommonMark
 * pairs them: a run of backticks opens a span closed by the next run of
 * the same length, else it is literal. The runs are listed once, and each
 * run's next run of the same length found from the right, so a text of
 * many runs of different lengths is not scanned again per run. */
static void blank_code_spans(char *scan, size_t len)
{
    size_t n = 0, cap = 0, maxrun = 0;
    size_t *pos = NULL, *run = NULL;
    for (size_t i = 0; i < len;) {
        const char *tick = memchr(scan + i, '`', len - i);
        if (!tick)
            break;
        i = (size_t)(tick - scan);
        size_t r = 0;
        while (i + r < len && scan[i + r] == '`')
            r++;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            pos = gn_xreallocarray(pos, cap, sizeof *pos);
            run = gn_xreallocarray(run, cap, sizeof *run);
        }
        pos[n] = i;
        run[n++] = r;
        maxrun = r > maxrun ? r : maxrun;
        i += r;
    }
    size_t *next = gn_xreallocarray(NULL, n ? n : 1, sizeof *next);
    size_t *last = gn_xcalloc(maxrun + 1, sizeof *last); /* index + 1; 0: none */
    for (size_t k = n; k-- > 0;) {
        next[k] = last[run[k]] ? last[run[k]] - 1 : (size_t)-1;
        last[run[k]] = k + 1;
    }
    for (size_t k = 0; k < n;) {
        size_t m = next[k];
        if (m == (size_t)-1) { /* no closing run: literal backticks */
            k++;
            continue;
        }
        memset(scan + pos[k], ' ', pos[m] + run[m] - pos[k]);
        k = m + 1;
    }
    free(last);
    free(next);
    free(pos);
    free(run);
}

size_t gn_markup_label_runs(const char *s, size_t len, char *out)
{
    if (len < 2 || !gn_holds(s, len, "[!", 2)) { /* no marker */
        if (out)
            memcpy(out, s, len);
        return 0;
    }
    /* Code spans are left out: their bytes are blanked for the scan. */
    char *scan = gn_xmalloc(len + 1);
    memcpy(scan, s, len);
    blank_code_spans(scan, len);
    unsigned char *del = gn_xcalloc(len + 1, 1);
    spans sp = {0};
    scan_markers(scan, len, del, on_label_span, &sp);
    if (out)
        memcpy(out, s, len);
    size_t runs = 0;
    for (size_t k = 0; k < sp.n; k++) {
        size_t inner = sp.v[k].inner, end = sp.v[k].end, start = inner;
        while (start > 0 && scan[start - 1] != '[')
            start--;
        start = start > 0 ? start - 1 : 0; /* the marker's '[' */
        char c = scan[inner];
        size_t a = inner;
        while (a < end && (c == '*' || c == '_') && scan[a] == c)
            a++;
        if (a > inner && a < end && scan[a] != ' ') {
            runs++;
            if (out) /* "[!UICONTROL *x" -> "*[!UICONTROL x" */
                rotate(out, start, a, inner - start);
        }
        c = scan[end - 1];
        size_t b = end;
        while (b > a && (c == '*' || c == '_') && scan[b - 1] == c)
            b--;
        if (b < end && b > a && scan[b - 1] != ' ') {
            runs++;
            if (out) /* "x*]" -> "x]*" */
                rotate(out, b, end + 1, end - b);
        }
    }
    free(sp.v);
    free(del);
    free(scan);
    return runs;
}

bool gn_markup_link_is_marker(cmark_node *link)
{
    cmark_node *first = cmark_node_first_child(link);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT)
        return false;
    const char *t = cmark_node_get_literal(first);
    /* cmark may split the text at '!': look at the first two nodes. */
    cmark_node *second = cmark_node_next(first);
    char head[16] = "";
    snprintf(head, sizeof head, "%s%s", t ? t : "",
             second && cmark_node_get_type(second) == CMARK_NODE_TEXT
                 ? cmark_node_get_literal(second) : "");
    return strncmp(head, "!DNL ", 5) == 0 || strncmp(head, "!UICONTROL ", 11) == 0 ||
           strncmp(head, "!BADGE ", 7) == 0;
}
