/* bound_block.c: pass 1 of the pre-pass (bound.h, bound_priv.h), the
 * block bounds, on every line: its container prefix (bound_prefix), the
 * '|' that may split table cells, and the cells cmark-gfm would add to
 * short table rows, read with a look-ahead over each table region, so
 * every line is read at most twice. The result has the same lines as the
 * text. */
#include <string.h>
#include "bound_priv.h"

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
static bool delimiter_like(const char *s, const bound_line *ln)
{
    size_t i = ln->start;
    bool dash = false;
    while (i < ln->end && (bound_is_ws(s[i]) || s[i] == '>'))
        i++;
    for (; i < ln->end; i++) {
        char c = s[i];
        if (c == '-')
            dash = true;
        else if (c != '|' && c != ':' && !bound_is_ws(c) && c != '\v' && c != '\f')
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
static void table_region(const char *s, size_t len, const bound_line *dl, size_t head_cells,
                         tables *t)
{
    size_t loose, strict;
    count_pipes(s, dl->start, dl->end, &loose, &strict);
    size_t ncols = cells_most(loose) < head_cells ? cells_most(loose) : head_cells;
    size_t prev_cells = cells_most(loose), missing = 0;
    bound_line ln;
    size_t at = dl->next;
    t->region_end = len;
    while (bound_next_line(s, len, at, &ln)) {
        if (bound_is_blank(s, &ln)) {
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

/* ---- pass 1 ------------------------------------------------------------- */

char *bound_blocks(const char *s, size_t len, size_t *out_len)
{
    bound_editor ed = {s, 0, GN_BUF_INIT, false};
    tables t = {0, 0, false};
    bool prev_blank = true;
    size_t prev_cells = 0;
    bound_line ln;
    for (size_t at = 0; bound_next_line(s, len, at, &ln); at = ln.next) {
        bool blank = bound_is_blank(s, &ln);
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
        size_t c = bound_prefix(s, ln.start, ln.end, &ed, &escaped);
        if (delim && t.neutral && !escaped) {
            /* Any backslash makes a delimiter row plain text. */
            size_t q = c;
            while (q < ln.end && bound_is_ws(s[q]))
                q++;
            bound_ed_escape(&ed, q);
        }
        if (more) { /* escape the '|' after the GN_BOUND_PIPES-th */
            size_t n = 0, bs = 0;
            for (size_t i = c; i < ln.end; i++) {
                if (s[i] == '|' && bs % 2 == 0 && n++ >= GN_BOUND_PIPES)
                    bound_ed_escape(&ed, i);
                bs = s[i] == '\\' ? bs + 1 : 0;
            }
        }
        prev_blank = blank;
        prev_cells = cells_most(loose);
    }
    return bound_ed_finish(&ed, len, out_len);
}
