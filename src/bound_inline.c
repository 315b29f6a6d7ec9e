/* bound_inline.c: the inline bounds of the pre-pass (bound.h,
 * bound_priv.h), per paragraph, heading and table row: '[' nested too
 * deep, too many delimiter runs of '*', '_' or '~', runs too long, "_www."
 * repeated in a host name, and references that would copy too many URL
 * bytes. Pass 2 is a dry run over runs of lines between blank lines that
 * tells whether any bound would be passed, without a parse; only then
 * does pass 3 apply them, to the lines bound_classify says are inline
 * text. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "bound_priv.h"

/* ---- characters --------------------------------------------------------- */

/* White space for emphasis flanking (cmark_isspace), line ends included. */
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* An ASCII letter or digit. */
static bool is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* ASCII punctuation: what a backslash escapes. */
static bool is_punct(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/* A character of a host name as the autolink extension scans one: letters,
 * digits, '-', '.', '_', and (to be safe) any byte of a non-ASCII one. */
static bool is_host(char c)
{
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || (unsigned char)c >= 0x80;
}

/* ---- inline bounds ------------------------------------------------------- */

/* Reference links, counted over the whole text: cmark copies the URL of
 * a definition into every link that uses it (when asked for it), so a long
 * definition used many times ("[a]: /xxx...", then "[a]" repeated) asks
 * for memory of the text's length squared. With max_url the longest URL a
 * definition may have, every unescaped ']' counts as a use of it (over-
 * counting: most are not references); when uses * max_url would pass the
 * budget, further ']' are escaped, so no more references form. */
typedef struct refs {
    size_t max_url, budget, uses;
} refs;

/* The counts of the paragraph (heading, table row) being read. */
typedef struct inl {
    int depth;   /* '[' open and kept (dry run: open at the end of lines) */
    long excess; /* '[' open beyond GN_BOUND_BRACKETS, escaped */
    long runs;   /* delimiter runs */
    bool over;   /* dry run: a bound would be passed */
} inl;

/* Does s[i..e) start with "www."? */
static bool www_at(const char *s, size_t i, size_t e)
{
    return i + 4 <= e && memcmp(s + i, "www.", 4) == 0;
}

/* What scan_inline does with a byte: skip it (host name characters; from
 * 0x80 up, SKIP_HIGH, the same but skipped as a run), skip it but end a
 * host name, or look at it. */
enum { SKIP_HOST, SKIP_HIGH, SKIP_OTHER, LOOK };

static unsigned char byte_class[256];

/* Fill byte_class, once, before the first scan (pthread_once: pages are
 * read on several threads). */
static void init_byte_class(void)
{
    for (int b = 0; b < 256; b++) {
        char c = (char)b;
        byte_class[b] = c == '\\' || c == '[' || c == ']' || c == '*' || c == '_' || c == '~'
                            ? LOOK
                            : b >= 0x80 ? SKIP_HIGH : is_host(c) ? SKIP_HOST : SKIP_OTHER;
    }
}

/* Apply the inline bounds to the content s[c..e) of the line starting at
 * ls, counting in st and rf. Without ed, a dry run: set st->over and stop
 * when a bound would be passed; brackets are then matched within the line
 * only and the '[' left open are added to st->depth at its end, which
 * never counts less than the real nesting, and every ']' counts as a use
 * in rf (the caller compares). */
static void scan_inline(const char *s, size_t ls, size_t c, size_t e, inl *st, refs *rf,
                        bound_editor *ed)
{
    int line_open = 0, host_www = 0;
    size_t i = c;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_byte_class);
    while (i < e) {
        unsigned char bc = byte_class[(unsigned char)s[i]];
        if (bc != LOOK) {
            if (bc == SKIP_OTHER)
                host_www = 0;
            i++;
            if (bc == SKIP_HIGH) /* the rest of a run of them: most of a CJK line */
                while (i < e && (unsigned char)s[i] >= 0x80)
                    i++;
            continue;
        }
        char ch = s[i];
        if (ch == '\\' && i + 1 < e && is_punct(s[i + 1])) {
            char x = s[i + 1];
            if (x == '_' && www_at(s, i + 2, e)) {
                if (++host_www > GN_BOUND_WWW) {
                    if (!ed) {
                        st->over = true;
                        return;
                    }
                    bound_ed_replace(ed, i, 2, "&#95;", 5);
                    host_www = 0;
                }
            } else if (x != '.' && x != '-' && x != '_') {
                host_www = 0;
            }
            i += 2;
            continue;
        }
        if (ch == '[') {
            if (!ed) {
                if (st->depth + ++line_open > GN_BOUND_BRACKETS) {
                    st->over = true;
                    return;
                }
            } else if (st->depth < GN_BOUND_BRACKETS) {
                st->depth++;
            } else {
                st->excess++;
                bound_ed_escape(ed, i);
            }
            host_www = 0;
            i++;
            continue;
        }
        if (ch == ']') {
            bool use_ok = !rf->max_url || (rf->uses + 1) * rf->max_url <= rf->budget;
            if (!ed) { /* the caller compares the uses with the budget */
                if (line_open > 0)
                    line_open--;
                rf->uses++;
            } else if (st->excess > 0) {
                st->excess--;
                bound_ed_escape(ed, i);
            } else if (!use_ok) {
                bound_ed_escape(ed, i); /* no link: the '[' stays open, as in cmark */
            } else {
                rf->uses++;
                if (st->depth > 0)
                    st->depth--;
            }
            host_www = 0;
            i++;
            continue;
        }
        if (ch == '*' || ch == '_' || ch == '~') {
            size_t j = i;
            while (j < e && s[j] == ch)
                j++;
            char prev = i > ls ? s[i - 1] : '\n', next = j < e ? s[j] : '\n';
            /* Not a delimiter: white space on both sides, or '_' inside a
             * word. Anything else may be one (non-ASCII neighbours too). */
            bool counted = !(is_space(prev) && is_space(next)) &&
                           !(ch == '_' && is_alnum(prev) && is_alnum(next));
            size_t keep = j - i;
            if (counted && ++st->runs > GN_BOUND_DELIMS)
                keep = 0;
            if (ch != '~' && keep > GN_BOUND_RUN)
                keep = GN_BOUND_RUN;
            bool entity = false;
            if (ch == '_' && www_at(s, j, e))
                entity = ++host_www > GN_BOUND_WWW;
            if (keep < j - i || entity) {
                if (!ed) {
                    st->over = true;
                    return;
                }
                size_t stop = entity ? j - 1 : j;
                for (size_t k = i + keep; k < stop; k++)
                    bound_ed_escape(ed, k);
                if (entity) {
                    bound_ed_replace(ed, j - 1, 1, "&#95;", 5);
                    host_www = 0;
                }
            }
            if (ch != '_')
                host_www = 0;
            i = j;
            continue;
        }
        if (!is_host(ch))
            host_www = 0;
        i++;
    }
    if (!ed)
        st->depth += line_open;
}

/* The longest URL the link reference definition that may start at the
 * content s[c..e) of a line may have: its destination is on the line of
 * its label (0 is returned, and *next set, when nothing follows the
 * label's ':': then it is on the next line), at most that line's content. */
static size_t definition_url(const char *s, size_t c, size_t e, bool *next)
{
    size_t close = bound_definition_like(s, c, e);
    *next = false;
    if (!close)
        return 0;
    size_t d = close + 2;
    while (d < e && bound_is_ws(s[d]))
        d++;
    *next = d == e;
    return *next ? 0 : e - c;
}

/* Pass 2: would any inline bound be passed, counting per run of lines
 * between blank lines (a superset of every paragraph)? Also sets
 * rf->max_url, the longest URL a definition of s may have. */
static bool needs_inline(const char *s, size_t len, refs *rf)
{
    inl st = {0, 0, 0, false};
    refs dry = {0, 0, 0};
    bool next = false, over = false;
    rf->max_url = 0;
    bound_line ln;
    for (size_t at = 0; bound_next_line(s, len, at, &ln); at = ln.next) {
        size_t c = bound_prefix(s, ln.start, ln.end, NULL, NULL), url;
        if (next) {
            url = ln.end - c;
            next = false;
        } else {
            url = definition_url(s, c, ln.end, &next);
        }
        if (url > rf->max_url)
            rf->max_url = url;
        if (bound_is_blank(s, &ln)) {
            st = (inl){0, 0, 0, false};
            continue;
        }
        if (over)
            continue; /* only definitions are still looked for */
        scan_inline(s, ln.start, c, ln.end, &st, &dry, NULL);
        over = st.over;
    }
    return over || (rf->max_url && dry.uses * rf->max_url > rf->budget);
}

/* Pass 3: the inline bounds, on the lines that are inline text, with
 * rf's references as pass 2 found them (start). NULL when nothing was
 * edited; else the new text, its length in *out_len. */
static char *inline_pass(const char *s, size_t len, const refs *start, size_t *out_len)
{
    long nlines = 0;
    bound_line ln;
    for (size_t at = 0; bound_next_line(s, len, at, &ln); at = ln.next)
        nlines++;
    size_t *starts = gn_xcalloc((size_t)nlines + 2, sizeof *starts);
    unsigned char *cls = gn_xcalloc((size_t)nlines + 2, 1);
    long l = 0;
    for (size_t at = 0; bound_next_line(s, len, at, &ln); at = ln.next)
        starts[++l] = ln.start;
    bound_classify(s, len, starts, nlines, cls);

    bound_editor ed = {s, 0, GN_BUF_INIT, false};
    inl st = {0, 0, 0, false};
    refs rf = *start;
    l = 0;
    for (size_t at = 0; bound_next_line(s, len, at, &ln); at = ln.next) {
        l++;
        if (cls[l] & BOUND_RAW)
            continue;
        if ((cls[l] & BOUND_RESET) || bound_is_blank(s, &ln))
            st = (inl){0, 0, 0, false};
        size_t c = bound_prefix(s, ln.start, ln.end, NULL, NULL);
        scan_inline(s, ln.start, c, ln.end, &st, &rf, &ed);
    }
    free(starts);
    free(cls);
    return bound_ed_finish(&ed, len, out_len);
}

/* ---- passes 2 and 3 ----------------------------------------------------- */

char *bound_inlines(const char *s, size_t len, size_t *out_len)
{
    /* Definitions count as uses too: four times the text leaves room for
     * a text made of nothing but definitions. */
    size_t budget = len > GN_BOUND_REFBYTES / 4 ? 4 * len : GN_BOUND_REFBYTES;
    refs rf = {0, budget, 0};
    if (!needs_inline(s, len, &rf))
        return NULL;
    return inline_pass(s, len, &rf, out_len);
}
