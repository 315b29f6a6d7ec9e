/* bound_priv.h: what the parts of the pre-pass before cmark-gfm share
 * (bound.h): lines, the editor and the passes put together in bound.c;
 * what starts a line in bound_prefix.c; the block bounds (pass 1) in
 * bound_block.c; the inline bounds (passes 2 and 3) in bound_inline.c;
 * which lines are inline text, from cmark's parse of a skeleton, in
 * bound_skeleton.c. Not for callers of bound.h. */
#ifndef GUIDENAV_BOUND_PRIV_H
#define GUIDENAV_BOUND_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/bound.h"
#include "guidenav/util.h"

/* ---- characters and lines (bound.c) ------------------------------------- */

/* A space or a tab: the white space of a line's indentation. */
static inline bool bound_is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* One line: [start, end) without its line ending; next is where the next
 * line starts. Line endings are cmark's: "\n", "\r\n" and "\r". */
typedef struct bound_line {
    size_t start, end, next;
} bound_line;

/* The line of s[0..len) that starts at offset at, in *ln; false when at is
 * the end of the text (there is none). */
bool bound_next_line(const char *s, size_t len, size_t at, bound_line *ln);
/* A line of spaces and tabs only: it ends every paragraph and table. */
bool bound_is_blank(const char *s, const bound_line *ln);

/* ---- an editor: a copy of the source with insertions, made lazily ------ */

/* Edits come in increasing source order; nothing is copied until the
 * first one, so a text without edits costs nothing. Start one as
 * {src, 0, GN_BUF_INIT, false}. */
typedef struct bound_editor {
    const char *src;
    size_t done; /* source bytes already handled */
    gn_buf out;
    bool changed;
} bound_editor;

/* Replace src[at, at + n) by s[0..m) (n == 0: insert before src[at]). */
void bound_ed_replace(bound_editor *ed, size_t at, size_t n, const char *s, size_t m);
/* Insert a backslash before src[at]. */
void bound_ed_escape(bound_editor *ed, size_t at);
/* The edited text of the source's len bytes (NULL when there was no
 * edit), newly allocated, its length in *out_len. */
char *bound_ed_finish(bound_editor *ed, size_t len, size_t *out_len);

/* ---- what starts a line (bound_prefix.c) -------------------------------- */

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
size_t bound_prefix(const char *s, size_t b, size_t e, bound_editor *ed, bool *escaped);
/* Is s[p..e) a thematic break: three or more of s[p] ('-', '*' or '_')
 * with only spaces and tabs between and after them? */
bool bound_thematic_at(const char *s, size_t p, size_t e);
/* Does s[c..e) start with a fence: three or more '`' or '~'? */
bool bound_fence_like(const char *s, size_t c, size_t e);
/* Does s[c..e) start like a link reference definition, "[label]:", its
 * label on this line? Returns the offset of the label's ']', or 0. */
size_t bound_definition_like(const char *s, size_t c, size_t e);

/* ---- the passes ---------------------------------------------------------- */

/* Pass 1 (bound_block.c): the block bounds of s[0..len) (bound.h): the
 * container prefix of each line, '|' per line and the cells cmark-gfm
 * would add to short table rows. NULL when the text is within them; else
 * the bounded text, newly allocated, its length in *out_len. */
char *bound_blocks(const char *s, size_t len, size_t *out_len);

/* Passes 2 and 3 (bound_inline.c): the inline bounds of s[0..len)
 * (bound.h), per paragraph, heading and table row, never in code or HTML
 * blocks. NULL when the text is within them (a dry run finds it so
 * without a parse, the common case); else the bounded text, newly
 * allocated, its length in *out_len. */
char *bound_inlines(const char *s, size_t len, size_t *out_len);

/* What bound_classify says of a line (bits). */
enum {
    BOUND_RAW = 1,  /* code block, HTML block or thematic break: left alone */
    BOUND_RESET = 2 /* a paragraph, heading or table row starts: its counts
                     * start afresh */
};

/* Classify the lines of s[0..len) (nlines, starting at starts[1..nlines])
 * into cls[1..nlines] (bound_skeleton.c), ORing BOUND_RAW and BOUND_RESET
 * into what is there, from one parse of a skeleton of s with cmark-gfm
 * and its table extension: a copy of s whose inline markup is replaced,
 * which has s's block structure and parses in linear time. */
void bound_classify(const char *s, size_t len, const size_t *starts, long nlines,
                    unsigned char *cls);

#endif
