/* search.h: finding text as the reader sees it.
 *
 * Search runs over the laid-out text of a page: markup rendered, link
 * targets and comments not searched, one logical paragraph at a time, so a
 * phrase broken across lines by wrapping is still found. Matching is smart
 * case: case-insensitive with Unicode full case folding (utf8proc) unless
 * the query has an upper-case letter, then exact. Japanese, Korean and
 * Chinese queries match as substrings. */
#ifndef GUIDENAV_SEARCH_H
#define GUIDENAV_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/layout.h"

/* A compiled query. */
typedef struct gn_query {
    char *text;       /* the query, folded unless exact */
    size_t len;
    bool exact;       /* the query has an upper-case letter */
} gn_query;

/* Prepare query (UTF-8); false for an empty query. */
bool gn_query_init(gn_query *q, const char *query);
void gn_query_free(gn_query *q);

/* A match in a text: byte range [off, off + len) of the original text. */
typedef struct gn_match {
    size_t off, len;
} gn_match;

/* Every non-overlapping match of q in text[0..len), in order; returns the
 * count and sets *out (the caller frees it; NULL when none). */
size_t gn_search(const gn_query *q, const char *text, size_t len, gn_match **out);

/* A match in a laid-out document, as the lines it covers: piece k of a
 * match lies on line `line`, bytes [off, off + len) of that line's text
 * (the concatenation of its spans). */
typedef struct gn_hit_piece {
    size_t line;
    size_t off, len;
} gn_hit_piece;

typedef struct gn_hit {
    gn_hit_piece *pieces;
    size_t npieces;
    size_t par;        /* index of the paragraph (doc->pars) it is in */
} gn_hit;

/* Every match of q in doc's paragraphs, in document order. Returns the
 * count; *out is a new array (free with gn_hits_free). */
size_t gn_doc_search(const gn_doc *doc, const gn_query *q, gn_hit **out);
void gn_hits_free(gn_hit *hits, size_t n);

/* An excerpt of about cols columns of paragraph text around a match, with
 * the match's place in it (*moff, *mlen bytes). Newly allocated. */
char *gn_excerpt(const char *text, size_t len, const gn_match *m, int cols,
                 size_t *moff, size_t *mlen);

#endif
