/* bound.c: the linear pre-pass before cmark-gfm (see bound.h): its
 * passes put together, and the lines and the editor they share
 * (bound_priv.h).
 *
 * Three passes over the text, each one walk over its lines:
 *
 * 1. Block bounds, on every line: container prefixes, '|' per line, and
 *    the cells cmark-gfm would add to short table rows (a look-ahead over
 *    each table region, so every line is read at most twice). The result,
 *    T1, has the same lines as the text. (bound_block.c; container
 *    prefixes are read by bound_prefix.c.)
 * 2. A dry run of the inline bounds over T1, per run of lines between blank
 *    lines (a blank line ends every paragraph, so each paragraph lies in
 *    one such run): when no bound would be passed, T1 is the answer. This
 *    is the common case, and it costs no parse. (bound_inline.c)
 * 3. Otherwise the inline bounds need to know which lines are paragraph
 *    text and which are code or HTML, and where each paragraph, heading
 *    and table row starts. A skeleton of T1 whose inline markup ('*', '_',
 *    '~', '[') is replaced by 'x' is parsed by cmark with source positions:
 *    it has T1's block structure (block starts never depend on those
 *    characters after a line's first one, and lines whose first character
 *    decides - fences, thematic breaks, HTML, link reference definitions -
 *    are kept), and nothing left in it makes the inline parser slow. Then
 *    the inline bounds are applied to T1's text lines, with their counts
 *    started afresh at each paragraph, heading and table row. (The
 *    skeleton and its parse: bound_skeleton.c; the bounds: bound_inline.c.)
 *
 * Every edit only adds a backslash before a character, replaces a '_' by
 * "&#95;", or drops white space: line endings are never touched. */
#include <stdlib.h>
#include <string.h>
#include "bound_priv.h"

/* ---- lines -------------------------------------------------------------- */

bool bound_next_line(const char *s, size_t len, size_t at, bound_line *ln)
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

bool bound_is_blank(const char *s, const bound_line *ln)
{
    for (size_t i = ln->start; i < ln->end; i++)
        if (!bound_is_ws(s[i]))
            return false;
    return true;
}

/* ---- an editor: a copy of the source with insertions, made lazily ------ */

void bound_ed_replace(bound_editor *ed, size_t at, size_t n, const char *s, size_t m)
{
    gn_buf_add(&ed->out, ed->src + ed->done, at - ed->done);
    gn_buf_add(&ed->out, s, m);
    ed->done = at + n;
    ed->changed = true;
}

void bound_ed_escape(bound_editor *ed, size_t at)
{
    bound_ed_replace(ed, at, 0, "\\", 1);
}

char *bound_ed_finish(bound_editor *ed, size_t len, size_t *out_len)
{
    if (!ed->changed) {
        gn_buf_free(&ed->out);
        return NULL;
    }
    gn_buf_add(&ed->out, ed->src + ed->done, len - ed->done);
    *out_len = ed->out.len;
    return gn_buf_take(&ed->out);
}

/* ---- the pre-pass ------------------------------------------------------- */

char *gn_md_bound(const char *text, size_t len, size_t *out_len)
{
    size_t n1 = len;
    char *t1 = bound_blocks(text, len, &n1);
    const char *s = t1 ? t1 : text;
    *out_len = n1;
    size_t n2;
    char *t2 = bound_inlines(s, n1, &n2);
    if (!t2)
        return t1;
    free(t1);
    *out_len = n2;
    return t2;
}
