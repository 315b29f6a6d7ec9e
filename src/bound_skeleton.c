/* bound_skeleton.c: which lines are inline text, for pass 3 of the
 * pre-pass (bound.h, bound_priv.h). A skeleton of the text whose inline
 * markup ('*', '_', '~', '[') is replaced by 'x' is parsed by cmark-gfm
 * with source positions: it has the text's block structure (block starts
 * never depend on those characters after a line's first one, and lines
 * whose first character decides - fences, thematic breaks, HTML, link
 * reference definitions - are kept), and nothing left in it makes the
 * inline parser slow. */
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include "guidenav/page.h"
#include "bound_priv.h"

/* A copy of s with '*', '_', '~' and '[' replaced by 'x' in the content of
 * each line, but for lines opening with a fence, a thematic break or '<'
 * (HTML), and the '[' opening a link reference definition. */
static char *skeleton(const char *s, size_t len)
{
    char *k = gn_xmalloc(len + 1);
    memcpy(k, s, len);
    k[len] = '\0';
    bound_line ln;
    for (size_t at = 0; bound_next_line(s, len, at, &ln); at = ln.next) {
        size_t c = bound_prefix(s, ln.start, ln.end, NULL, NULL);
        if (c == ln.end || s[c] == '<' || bound_fence_like(s, c, ln.end) ||
            bound_thematic_at(s, c, ln.end))
            continue;
        for (size_t i = c; i < ln.end; i++) {
            char ch = s[i];
            if (ch == '*' || ch == '_' || ch == '~' ||
                (ch == '[' && !(i == c && bound_definition_like(s, c, ln.end))))
                k[i] = 'x';
        }
    }
    return k;
}

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
static bool closes_fence(const char *s, const bound_line *ln, int n, char f)
{
    size_t i = bound_prefix(s, ln->start, ln->end, NULL, NULL);
    while (i < ln->end && bound_is_ws(s[i]))
        i++;
    int k = 0;
    while (i < ln->end && s[i] == f) {
        k++;
        i++;
    }
    while (i < ln->end && bound_is_ws(s[i]))
        i++;
    return k >= n && i == ln->end;
}

/* OR bit into cls[from..to], clipped to the lines 1..nlines. */
static void mark(unsigned char *cls, long nlines, long from, long to, unsigned char bit)
{
    if (from < 1)
        from = 1;
    if (to > nlines)
        to = nlines;
    for (long l = from; l <= to; l++)
        cls[l] |= bit;
}

void bound_classify(const char *s, size_t len, const size_t *starts, long nlines,
                    unsigned char *cls)
{
    gn_markdown_ready();
    char *k = skeleton(s, len);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table)
        cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, k, len);
    cmark_node *doc = gn_markdown_finish(parser);
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
            /* Its lines are counted from its literal, not taken from its
             * end line, which cmark may place past an unclosed fence. */
            long lines = literal_lines(cmark_node_get_literal(n));
            int flen = 0, foff = 0;
            char fch = 0;
            long to;
            if (cmark_node_get_fenced(n, &flen, &foff, &fch)) {
                to = first + lines;
                if (to + 1 <= nlines) {
                    bound_line ln;
                    bound_next_line(s, len, starts[to + 1], &ln);
                    if (closes_fence(s, &ln, flen, fch))
                        to++;
                }
            } else {
                to = first + lines - 1;
            }
            mark(cls, nlines, first, to < last ? to : last, BOUND_RAW);
            break;
        }
        case CMARK_NODE_HTML_BLOCK: {
            long to = first + literal_lines(cmark_node_get_literal(n)) - 1;
            mark(cls, nlines, first, to < last ? to : last, BOUND_RAW);
            break;
        }
        case CMARK_NODE_THEMATIC_BREAK:
            mark(cls, nlines, first, first, BOUND_RAW);
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            mark(cls, nlines, first, first, BOUND_RESET);
            break;
        default:
            if (strcmp(type, "table_row") == 0 || strcmp(type, "table_header") == 0)
                mark(cls, nlines, first, first, BOUND_RESET);
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
}
