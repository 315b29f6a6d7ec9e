/* bound.c: the linear pre-pass before cmark-gfm (see bound.h).
 *
 * Three passes over the text, each one walk over its lines:
 *
 * 1. Block bounds, on every line: container prefixes, '|' per line, and
 *    the cells cmark-gfm would add to short table rows (a look-ahead over
 *    each table region, so every line is read at most twice). The result,
 *    T1, has the same lines as the text.
 * 2. A dry run of the inline bounds over T1, per run of lines between blank
 *    lines (a blank line ends every paragraph, so each paragraph lies in
 *    one such run): when no bound would be passed, T1 is the answer. This
 *    is the common case, and it costs no parse.
 * 3. Otherwise the inline bounds need to know which lines are paragraph
 *    text and which are code or HTML, and where each paragraph, heading
 *    and table row starts. A skeleton of T1 whose inline markup ('*', '_',
 *    '~', '[') is replaced by 'x' is parsed by cmark with source positions:
 *    it has T1's block structure (block starts never depend on those
 *    characters after a line's first one, and lines whose first character
 *    decides - fences, thematic breaks, HTML, link reference definitions -
 *    are kept), and nothing left in it makes the inline parser slow. Then
 *    the inline bounds are applied to T1's text lines, with their counts
 *    started afresh at each paragraph, heading and table row.
 *
 * Every edit only adds a backslash before a character, replaces a '_' by
 * "&#95;", or drops white space: line endings are never touched. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include "guidenav/bound.h"
#include "guidenav/util.h"

/* ---- characters and lines ---------------------------------------------- */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* White space for emphasis flanking (cmark_isspace), line ends included. */
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

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

/* One line: [start, end) without its line ending; next is where the next
 * line starts. Line endings are cmark's: "\n", "\r\n" and "\r". */
typedef struct line {
    size_t start, end, next;
} line;

static bool next_line(const char *s, size_t len, size_t at, line *ln)
{
    if (at >= len)
        return false;
    const char *nl = memchr(s + at, '\n', len - at);
    size_t j = nl ? (size_t)(nl - s) : len;
    const char *cr = memchr(s + at, '\r', j - at);
    if (cr)
        j = (size_t)(cr - s);
    ln->start = at;
    ln->end = j;
    if (j == len)
        ln->next = len;
    else
        ln->next = s[j] == '\r' && j + 1 < len && s[j + 1] == '\n' ? j + 2 : j + 1;
    return true;
}

/* A line of spaces and tabs only: it ends every paragraph and table. */
static bool is_blank(const char *s, const line *ln)
{
    for (size_t i = ln->start; i < ln->end; i++)
        if (!is_ws(s[i]))
            return false;
    return true;
}

/* ---- an editor: a copy of the source with insertions, made lazily ------ */

/* Edits come in increasing source order; nothing is copied until the
 * first one, so a text without edits costs nothing. */
typedef struct editor {
    const char *src;
    size_t done; /* source bytes already handled */
    gn_buf out;
    bool changed;
} editor;

/* Replace src[at, at + n) by s[0..m) (n == 0: insert before src[at]). */
static void ed_replace(editor *ed, size_t at, size_t n, const char *s, size_t m)
{
    gn_buf_add(&ed->out, ed->src + ed->done, at - ed->done);
    gn_buf_add(&ed->out, s, m);
    ed->done = at + n;
    ed->changed = true;
}

static void ed_escape(editor *ed, size_t at)
{
    ed_replace(ed, at, 0, "\\", 1);
}

/* The edited text (NULL when there was no edit), its length in *out_len. */
static char *ed_finish(editor *ed, size_t len, size_t *out_len)
{
    if (!ed->changed) {
        gn_buf_free(&ed->out);
        return NULL;
    }
    gn_buf_add(&ed->out, ed->src + ed->done, len - ed->done);
    *out_len = ed->out.len;
    return gn_buf_take(&ed->out);
}

/* ---- container prefixes -------------------------------------------------- */

/* Is s[p..e) a thematic break: three or more of s[p] ('-', '*' or '_')
 * with only spaces and tabs between and after them? */
static bool thematic_at(const char *s, size_t p, size_t e)
{
    char c = s[p];
    int n = 0;
    if (c != '-' && c != '*' && c != '_')
        return false;
    for (size_t i = p; i < e; i++) {
        if (s[i] == c)
            n++;
        else if (!is_ws(s[i]))
            return false;
    }
    return n >= 3;
}

/* Length of the container marker at s[i] (i < e), or 0: '>', or a list
 * marker ("-", "+", "*", up to nine digits and '.' or ')') followed by a
 * space, a tab or the end of the line, unless the rest of the line is a
 * thematic break (which cmark tries first). */
static size_t marker_len(const char *s, size_t i, size_t e)
{
    char c = s[i];
    size_t m;
    if (c == '>')
        return 1;
    if (c == '-' || c == '+' || c == '*') {
        m = 1;
    } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < e && j - i < 9 && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j == e || (s[j] != '.' && s[j] != ')'))
            return 0;
        m = j - i + 1;
    } else {
        return 0;
    }
    if (i + m < e && !is_ws(s[i + m]))
        return 0;
    if ((c == '-' || c == '*') && thematic_at(s, i, e))
        return 0;
    return m;
}

/* The container prefix of the line s[b..e): white space, block quote and
 * list markers. It is never shorter than what cmark takes as container
 * markers on that line (a marker indented like code counts here too), so
 * what follows it is inside cmark's content. Returns where the content
 * starts. With ed, bound it: white space beyond GN_BOUND_INDENT columns is
 * dropped (keeping one space where a run would vanish, so markers stay
 * markers), and the marker after the GN_BOUND_CONTAINERS-th is escaped,
 * which makes it content. At most GN_BOUND_CONTAINERS + 1 markers are
 * looked at, each with one look at the rest of the line: O(line).
 * *escaped (may be NULL) tells whether a marker was escaped. */
static size_t scan_prefix(const char *s, size_t b, size_t e, editor *ed, bool *escaped)
{
    if (escaped)
        *escaped = false;
    size_t i = b;
    int col = 0, ws = 0, markers = 0;
    for (;;) {
        size_t run = i;
        while (i < e && is_ws(s[i])) {
            int w = s[i] == '\t' ? 4 - col % 4 : 1;
            if (ed && ws + w > GN_BOUND_INDENT) {
                size_t j = i;
                while (j < e && is_ws(s[j]))
                    j++;
                if (i == run) { /* one space stays */
                    if (j - i > 1 || s[i] != ' ')
                        ed_replace(ed, i, j - i, " ", 1);
                    ws++;
                    col++;
                } else {
                    ed_replace(ed, i, j - i, "", 0);
                }
                i = j;
                break;
            }
            ws += w;
            col += w;
            i++;
        }
        if (i >= e)
            break;
        size_t m = marker_len(s, i, e);
        if (m == 0)
            break;
        if (markers == GN_BOUND_CONTAINERS) {
            if (ed) {
                ed_escape(ed, i + m - 1); /* before '>', '-', '+', '*', or '.' / ')' */
                if (escaped)
                    *escaped = true;
            }
            break;
        }
        markers++;
        col += (int)m;
        i += m;
    }
    return i;
}

/* ---- tables ---------------------------------------------------------------- */

/* The '|' of s[b..e) that may split table cells, among the first
 * GN_BOUND_PIPES that count (the rest get escaped): *loose counts those not
 * after an odd run of backslashes (CommonMark's escapes), *strict those
 * not after any backslash (cmark-gfm's cell scanner takes "\\|" as an
 * escaped pipe too). Returns true when more than GN_BOUND_PIPES count. */
static bool count_pipes(const char *s, size_t b, size_t e, size_t *loose, size_t *strict)
{
    size_t nl = 0, ns = 0;
    const char *p = s + b, *end = s + e;
    /* memchr from pipe to pipe; the backslashes before a pipe are counted
     * backwards, each run once (by the pipe that ends it): linear. */
    while (p < end && (p = memchr(p, '|', (size_t)(end - p))) != NULL) {
        size_t bs = 0;
        for (const char *q = p; q > s + b && q[-1] == '\\'; q--)
            bs++;
        if (bs % 2 == 0) {
            if (nl == GN_BOUND_PIPES) {
                *loose = nl;
                *strict = ns;
                return true;
            }
            nl++;
            if (bs == 0)
                ns++;
        }
        p++;
    }
    *loose = nl;
    *strict = ns;
    return false;
}

/* Most cells cmark-gfm may see on a line with these pipe counts, and
 * fewest: "a|b" has two, "|a|b|" too. */
static size_t cells_most(size_t loose)
{
    return loose + 1;
}

static size_t cells_fewest(size_t strict)
{
    return strict > 0 ? strict - 1 : 0;
}

/* Could the line be a table's delimiter row? After white space and '>',
 * only '|', ':', '-' and white space, with a '-' (cmark-gfm's rule, made
 * looser: list markers and all). */
static bool delimiter_like(const char *s, const line *ln)
{
    size_t i = ln->start;
    bool dash = false;
    while (i < ln->end && (is_ws(s[i]) || s[i] == '>'))
        i++;
    for (; i < ln->end; i++) {
        char c = s[i];
        if (c == '-')
            dash = true;
        else if (c != '|' && c != ':' && !is_ws(c) && c != '\v' && c != '\f')
            return false;
    }
    return dash;
}

/* The table region being read: from a delimiter-like line after a
 * non-blank one to the next blank line (where every table ends), with
 * every table cmark-gfm might find in it. */
typedef struct tables {
    size_t used;       /* cells added to short rows so far, at most */
    size_t region_end; /* offset of the blank line ending the region; 0: none */
    bool neutral;      /* the region's delimiter rows get escaped */
} tables;

/* At a delimiter-like line dl after a non-blank line whose cells are at
 * most head_cells: read the region ahead, bounding the cells cmark-gfm
 * would add to its short rows (each table's column count is at most the
 * fewer of its header's and delimiter row's cell counts; a row has at least
 * cells_fewest cells), and decide whether its tables may stay tables. */
static void table_region(const char *s, size_t len, const line *dl, size_t head_cells,
                         tables *t)
{
    size_t loose, strict;
    count_pipes(s, dl->start, dl->end, &loose, &strict);
    size_t ncols = cells_most(loose) < head_cells ? cells_most(loose) : head_cells;
    size_t prev_cells = cells_most(loose), missing = 0;
    line ln;
    size_t at = dl->next;
    t->region_end = len;
    while (next_line(s, len, at, &ln)) {
        if (is_blank(s, &ln)) {
            t->region_end = ln.start;
            break;
        }
        count_pipes(s, ln.start, ln.end, &loose, &strict);
        if (delimiter_like(s, &ln)) { /* another table may start here */
            size_t n = cells_most(loose) < prev_cells ? cells_most(loose) : prev_cells;
            if (n > ncols)
                ncols = n;
        }
        size_t have = cells_fewest(strict);
        if (have < ncols)
            missing += ncols - have;
        prev_cells = cells_most(loose);
        at = ln.next;
    }
    t->neutral = t->used + missing > GN_BOUND_AUTOCELLS;
    if (!t->neutral)
        t->used += missing;
}

/* Pass 1: the block bounds. NULL when the text is within them. */
static char *block_pass(const char *s, size_t len, size_t *out_len)
{
    editor ed = {s, 0, GN_BUF_INIT, false};
    tables t = {0, 0, false};
    bool prev_blank = true;
    size_t prev_cells = 0;
    line ln;
    for (size_t at = 0; next_line(s, len, at, &ln); at = ln.next) {
        bool blank = is_blank(s, &ln);
        size_t loose, strict;
        bool more = count_pipes(s, ln.start, ln.end, &loose, &strict);
        if (t.region_end && ln.start >= t.region_end) {
            t.region_end = 0;
            t.neutral = false;
        }
        bool delim = !blank && !prev_blank && delimiter_like(s, &ln);
        if (delim && !t.region_end)
            table_region(s, len, &ln, prev_cells, &t);

        bool escaped;
        size_t c = scan_prefix(s, ln.start, ln.end, &ed, &escaped);
        if (delim && t.neutral && !escaped) {
            /* Any backslash makes a delimiter row plain text. */
            size_t q = c;
            while (q < ln.end && is_ws(s[q]))
                q++;
            ed_escape(&ed, q);
        }
        if (more) { /* escape the '|' after the GN_BOUND_PIPES-th */
            size_t n = 0, bs = 0;
            for (size_t i = c; i < ln.end; i++) {
                if (s[i] == '|' && bs % 2 == 0 && n++ >= GN_BOUND_PIPES)
                    ed_escape(&ed, i);
                bs = s[i] == '\\' ? bs + 1 : 0;
            }
        }
        prev_blank = blank;
        prev_cells = cells_most(loose);
    }
    return ed_finish(&ed, len, out_len);
}

/* ---- what starts a line ------------------------------------------------ */

/* Does s[c..e) start with a fence: three or more '`' or '~'? */
static bool fence_like(const char *s, size_t c, size_t e)
{
    if (c + 3 > e || (s[c] != '`' && s[c] != '~'))
        return false;
    return s[c + 1] == s[c] && s[c + 2] == s[c];
}

/* Does s[c..e) start like a link reference definition, "[label]:", its
 * label on this line? Returns the offset of the label's ']', or 0. */
static size_t definition_like(const char *s, size_t c, size_t e)
{
    bool text = false;
    if (c >= e || s[c] != '[')
        return 0;
    for (size_t i = c + 1; i < e && i - c <= 1000; i++) {
        if (s[i] == '\\' && i + 1 < e) {
            text = true;
            i++;
        } else if (s[i] == '[') {
            return 0;
        } else if (s[i] == ']') {
            return text && i + 1 < e && s[i + 1] == ':' ? i : 0;
        } else if (!is_ws(s[i])) {
            text = true;
        }
    }
    return 0;
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

static bool www_at(const char *s, size_t i, size_t e)
{
    return i + 4 <= e && memcmp(s + i, "www.", 4) == 0;
}

/* What scan_inline does with a byte: skip it (host name characters),
 * skip it but end a host name, or look at it. */
enum { SKIP_HOST, SKIP_OTHER, LOOK };

static unsigned char byte_class[256];

static void init_byte_class(void)
{
    for (int b = 0; b < 256; b++) {
        char c = (char)b;
        byte_class[b] = c == '\\' || c == '[' || c == ']' || c == '*' || c == '_' || c == '~'
                            ? LOOK
                            : is_host(c) ? SKIP_HOST : SKIP_OTHER;
    }
}

/* Apply the inline bounds to the content s[c..e) of the line starting at
 * ls, counting in st and rf. Without ed, a dry run: set st->over and stop
 * when a bound would be passed; brackets are then matched within the line
 * only and the '[' left open are added to st->depth at its end, which
 * never counts less than the real nesting, and every ']' counts as a use
 * in rf (the caller compares). */
static void scan_inline(const char *s, size_t ls, size_t c, size_t e, inl *st, refs *rf,
                        editor *ed)
{
    int line_open = 0, host_www = 0;
    size_t i = c;
    if (!byte_class['['])
        init_byte_class();
    while (i < e) {
        unsigned char bc = byte_class[(unsigned char)s[i]];
        if (bc != LOOK) {
            if (bc == SKIP_OTHER)
                host_www = 0;
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
                    ed_replace(ed, i, 2, "&#95;", 5);
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
                ed_escape(ed, i);
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
                ed_escape(ed, i);
            } else if (!use_ok) {
                ed_escape(ed, i); /* no link: the '[' stays open, as in cmark */
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
                    ed_escape(ed, k);
                if (entity) {
                    ed_replace(ed, j - 1, 1, "&#95;", 5);
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
    size_t close = definition_like(s, c, e);
    *next = false;
    if (!close)
        return 0;
    size_t d = close + 2;
    while (d < e && is_ws(s[d]))
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
    line ln;
    for (size_t at = 0; next_line(s, len, at, &ln); at = ln.next) {
        size_t c = scan_prefix(s, ln.start, ln.end, NULL, NULL), url;
        if (next) {
            url = ln.end - c;
            next = false;
        } else {
            url = definition_url(s, c, ln.end, &next);
        }
        if (url > rf->max_url)
            rf->max_url = url;
        if (is_blank(s, &ln)) {
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

/* ---- the skeleton and what cmark makes of it ------------------------------ */

/* A copy of s with '*', '_', '~' and '[' replaced by 'x' in the content of
 * each line, but for lines opening with a fence, a thematic break or '<'
 * (HTML), and the '[' opening a link reference definition. */
static char *skeleton(const char *s, size_t len)
{
    char *k = gn_xmalloc(len + 1);
    memcpy(k, s, len);
    k[len] = '\0';
    line ln;
    for (size_t at = 0; next_line(s, len, at, &ln); at = ln.next) {
        size_t c = scan_prefix(s, ln.start, ln.end, NULL, NULL);
        if (c == ln.end || s[c] == '<' || fence_like(s, c, ln.end) || thematic_at(s, c, ln.end))
            continue;
        for (size_t i = c; i < ln.end; i++) {
            char ch = s[i];
            if (ch == '*' || ch == '_' || ch == '~' ||
                (ch == '[' && !(i == c && definition_like(s, c, ln.end))))
                k[i] = 'x';
        }
    }
    return k;
}

enum { RAW = 1, RESET = 2 };

/* Lines of a code or HTML block's literal. */
static long literal_lines(const char *lit)
{
    long n = 0;
    size_t i = 0;
    for (; lit && lit[i]; i++)
        if (lit[i] == '\n')
            n++;
    if (i > 0 && lit[i - 1] != '\n')
        n++;
    return n;
}

/* Is line ln a closing fence of at least n times f? */
static bool closes_fence(const char *s, const line *ln, int n, char f)
{
    size_t i = scan_prefix(s, ln->start, ln->end, NULL, NULL);
    while (i < ln->end && is_ws(s[i]))
        i++;
    int k = 0;
    while (i < ln->end && s[i] == f) {
        k++;
        i++;
    }
    while (i < ln->end && is_ws(s[i]))
        i++;
    return k >= n && i == ln->end;
}

static void mark(unsigned char *cls, long nlines, long from, long to, unsigned char bit)
{
    if (from < 1)
        from = 1;
    if (to > nlines)
        to = nlines;
    for (long l = from; l <= to; l++)
        cls[l] |= bit;
}

/* Classify the lines of s (nlines, starting at starts[1..nlines]) from a
 * parse of its skeleton: RAW for code blocks, HTML blocks and thematic
 * breaks (left alone), RESET where a paragraph, heading or table row
 * starts (its counts start afresh). A code block's lines are counted from
 * its literal, not taken from its end line, which cmark may place past an
 * unclosed fence. */
static void classify(const char *s, size_t len, const size_t *starts, long nlines,
                     unsigned char *cls)
{
    static bool registered;
    if (!registered) {
        cmark_gfm_core_extensions_ensure_registered();
        registered = true;
    }
    char *k = skeleton(s, len);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table)
        cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, k, len);
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    free(k);

    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        long first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
        const char *type = cmark_node_get_type_string(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_CODE_BLOCK: {
            long lines = literal_lines(cmark_node_get_literal(n));
            int flen = 0, foff = 0;
            char fch = 0;
            long to;
            if (cmark_node_get_fenced(n, &flen, &foff, &fch)) {
                to = first + lines;
                if (to + 1 <= nlines) {
                    line ln;
                    next_line(s, len, starts[to + 1], &ln);
                    if (closes_fence(s, &ln, flen, fch))
                        to++;
                }
            } else {
                to = first + lines - 1;
            }
            mark(cls, nlines, first, to < last ? to : last, RAW);
            break;
        }
        case CMARK_NODE_HTML_BLOCK: {
            long to = first + literal_lines(cmark_node_get_literal(n)) - 1;
            mark(cls, nlines, first, to < last ? to : last, RAW);
            break;
        }
        case CMARK_NODE_THEMATIC_BREAK:
            mark(cls, nlines, first, first, RAW);
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            mark(cls, nlines, first, first, RESET);
            break;
        default:
            if (strcmp(type, "table_row") == 0 || strcmp(type, "table_header") == 0)
                mark(cls, nlines, first, first, RESET);
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
}

/* Pass 3: the inline bounds, on the lines that are inline text. */
static char *inline_pass(const char *s, size_t len, const refs *start, size_t *out_len)
{
    long nlines = 0;
    line ln;
    for (size_t at = 0; next_line(s, len, at, &ln); at = ln.next)
        nlines++;
    size_t *starts = gn_xcalloc((size_t)nlines + 2, sizeof *starts);
    unsigned char *cls = gn_xcalloc((size_t)nlines + 2, 1);
    long l = 0;
    for (size_t at = 0; next_line(s, len, at, &ln); at = ln.next)
        starts[++l] = ln.start;
    classify(s, len, starts, nlines, cls);

    editor ed = {s, 0, GN_BUF_INIT, false};
    inl st = {0, 0, 0, false};
    refs rf = *start;
    l = 0;
    for (size_t at = 0; next_line(s, len, at, &ln); at = ln.next) {
        l++;
        if (cls[l] & RAW)
            continue;
        if ((cls[l] & RESET) || is_blank(s, &ln))
            st = (inl){0, 0, 0, false};
        size_t c = scan_prefix(s, ln.start, ln.end, NULL, NULL);
        scan_inline(s, ln.start, c, ln.end, &st, &rf, &ed);
    }
    free(starts);
    free(cls);
    return ed_finish(&ed, len, out_len);
}

char *gn_md_bound(const char *text, size_t len, size_t *out_len)
{
    size_t n1 = len;
    char *t1 = block_pass(text, len, &n1);
    const char *s = t1 ? t1 : text;
    *out_len = n1;
    /* Definitions count as uses too: four times the text leaves room for
     * a text made of nothing but definitions. */
    size_t budget = n1 > GN_BOUND_REFBYTES / 4 ? 4 * n1 : GN_BOUND_REFBYTES;
    refs rf = {0, budget, 0};
    if (!needs_inline(s, n1, &rf))
        return t1;
    size_t n2;
    char *t2 = inline_pass(s, n1, &rf, &n2);
    if (!t2)
        return t1;
    free(t1);
    *out_len = n2;
    return t2;
}
