/* bound.h: a linear pre-pass that keeps cmark-gfm linear on hostile text.
 *
 * Debian's cmark-gfm (0.29.0.gfm.6) predates the upstream fixes for several
 * inputs it parses in quadratic time: many container markers on a line
 * ("> > > ..." with blank lines or emphasis after them), tables with tens of
 * thousands of columns or with short rows it pads, long runs of unmatched
 * brackets ("![[]()" repeated), emphasis delimiters that fail to match
 * (cmark issue 389: "*a " then "_a*_ " repeated, the same with '~'), and
 * "_www." repeated (the autolink extension rescans the host name). Before a
 * page or TOC body reaches cmark, gn_md_bound bounds each of these. The
 * excess is escaped with a backslash, so it shows as the literal characters
 * it was written with instead of being dropped; nothing is removed but
 * indentation beyond GN_BOUND_INDENT columns.
 *
 * Block bounds apply to every line: the container markers of a line after
 * the GN_BOUND_CONTAINERS-th are escaped ("\>", "\-", "1\."), white space in
 * a line's container prefix is trimmed to GN_BOUND_INDENT columns, '|'
 * after the GN_BOUND_PIPES-th on a line is escaped, and when the table cells
 * cmark-gfm would add to short rows would pass GN_BOUND_AUTOCELLS for the
 * text, the delimiter rows ("|---|") of the tables concerned are escaped, so
 * those tables show as text.
 *
 * Inline bounds apply per paragraph, heading or table row, and never inside
 * code blocks or HTML blocks: '[' nested more than GN_BOUND_BRACKETS deep
 * (and its matching ']') are escaped; after GN_BOUND_DELIMS delimiter runs
 * of '*', '_' or '~' the following runs are escaped; a run of '*' or '_'
 * keeps GN_BOUND_RUN characters unescaped; in a host name of more than
 * GN_BOUND_WWW "_www." the '_' before the next is written "&#95;" (cmark
 * shows it as '_'); and when the ']' of the text, each counted as a use of
 * the longest link reference definition, would make cmark copy more URL
 * bytes than four times the text's length or GN_BOUND_REFBYTES, whichever
 * is more,
 * the next ']' are escaped, so no more references form (a definition used
 * many times cannot make a small file fill memory). Where those blocks
 * are is asked of cmark itself: when a
 * text may exceed an inline bound, a copy whose inline markup is neutralised
 * (so it parses in linear time, with the same block structure) is parsed
 * once with source positions.
 *
 * Everything here is linear in the length of the text. */
#ifndef GUIDENAV_BOUND_H
#define GUIDENAV_BOUND_H

#include <stddef.h>

#define GN_BOUND_CONTAINERS 32   /* container markers per line */
#define GN_BOUND_INDENT 128      /* columns of white space in a line's container prefix */
#define GN_BOUND_PIPES 256       /* unescaped '|' per line */
#define GN_BOUND_AUTOCELLS 65536 /* cells cmark-gfm may add to short table rows, per text */
#define GN_BOUND_BRACKETS 32     /* unclosed '[' in a paragraph */
#define GN_BOUND_DELIMS 128      /* delimiter runs of '*', '_', '~' in a paragraph */
#define GN_BOUND_RUN 32          /* characters of a '*' or '_' run left as they are */
#define GN_BOUND_WWW 8           /* "_www." in one host name */
#define GN_BOUND_REFBYTES (4 * 1024 * 1024) /* URL bytes references may copy, at least */

/* Bound the Markdown text[0..len) as described above, for a parser with
 * the GFM table extension (strikethrough and autolinks optional). Returns
 * NULL when the text is within every bound and may be parsed as it is (the
 * common case, which copies nothing); else a newly allocated NUL-terminated
 * text the caller frees, its length in *out_len. The result has the same
 * lines as text: line numbers keep pointing at the file. */
char *gn_md_bound(const char *text, size_t len, size_t *out_len);

#endif
