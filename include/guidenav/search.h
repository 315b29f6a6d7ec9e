/* search.h: finding text as the reader sees it.
 *
 * Search runs over the laid-out text of a page: markup rendered, link
 * targets and comments not searched, one logical paragraph at a time, so a
 * phrase broken across lines by wrapping is still found. Matching is smart
 * case: case-insensitive with Unicode full case folding (utf8proc) unless
 * the query has an upper-case letter, then exact. Japanese, Korean and
 * Chinese queries match as substrings.
 *
 * Folding is per code point and without normalisation: "straße" finds
 * "STRASSE" and "ß" finds "SS"; "école" finds "ÉCOLE" but "ecole" does not
 * (accents are kept), and a precomposed "é" does not find "e" + U+0301.
 * Folding is not Turkic: "İ" (U+0130) folds to "i" + U+0307, so "istanbul"
 * does not find "İstanbul" (but "stanbul" does), and dotless "ı" is its
 * own letter. Invalid UTF-8 reads as one U+FFFD per bad byte. */
#ifndef GUIDENAV_SEARCH_H
#define GUIDENAV_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/layout.h"

/* A compiled query. */
typedef struct gn_query {
    char *text;       /* the query, folded unless exact (valid UTF-8) */
    size_t len;
    char *typed;      /* the query as typed (valid UTF-8), for messages */
    bool exact;       /* the query has an upper-case (Lu) or title-case (Lt)
                       * letter: matched byte for byte */
} gn_query;

/* Prepare query (UTF-8); false for an empty or NULL query (q is then
 * zeroed: gn_query_free is harmless). gn_query_free(NULL) is a no-op. */
bool gn_query_init(gn_query *q, const char *query);
void gn_query_free(gn_query *q);

/* Append to out the folding that a case-insensitive query is matched
 * against: text[0..len) folded code point by code point (invalid UTF-8
 * as U+FFFD). Folding text made of paragraphs folds each of them. */
void gn_fold(const char *text, size_t len, gn_buf *out);

/* A match in a text: byte range [off, off + len) of the original text. */
typedef struct gn_match {
    size_t off, len;
} gn_match;

/* Every non-overlapping match of q in text[0..len), in order; returns the
 * count and sets *out (the caller frees it; NULL when none). A match
 * covers whole code points: one that starts or ends inside a code point's
 * folding ("s" against the "ss" of "ß") takes all of that code point. Time
 * is linear in len (glibc's memmem). */
size_t gn_search(const gn_query *q, const char *text, size_t len, gn_match **out);

/* True when gn_search would find a match of q in text[0..len): faster,
 * since nothing is mapped back. A text made of paragraphs holds a match
 * when one of them does (folding is per code point). */
bool gn_search_any(const gn_query *q, const char *text, size_t len);
/* The same for a text whose folding (gn_fold) is folded[0..flen), kept
 * beside it: nothing is folded again. */
bool gn_search_any_folded(const gn_query *q, const char *text, size_t len, const char *folded,
                          size_t flen);

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

/* Every match of q in doc's paragraphs, in document order: the matches of
 * gn_search in each paragraph (doc->ptext), so the k-th hit of paragraph p
 * is its k-th gn_search match. A match spanning lines has a piece per
 * line. Every hit has at least one piece: a match of text that is not
 * shown (only the space where a line was broken, a clipped character) has
 * one empty piece where it would be. Returns the count; *out is a new
 * array (NULL when none; free with gn_hits_free). A stop asked for
 * (interrupt.h) ends it early, with the hits found so far. */
size_t gn_doc_search(const gn_doc *doc, const gn_query *q, gn_hit **out);
void gn_hits_free(gn_hit *hits, size_t n);

/* Where the matches lie, line by line, for drawing them: every piece of
 * a hit that shows something (len > 0), ordered by line then offset, and
 * for each line where its pieces start. Made once per search and layout,
 * in time linear in the pieces and lines (plus a sort of a line's pieces
 * when they come out of order, as table cells can); a line's pieces are
 * then found without looking at any other line's. */
typedef struct gn_hit_mark {
    size_t off, len;  /* bytes of the line's text */
    size_t hit;       /* the index of its hit in the hits indexed */
} gn_hit_mark;

typedef struct gn_hit_lines {
    gn_hit_mark *marks;
    size_t nmarks;
    size_t *first;    /* the marks of line ln: first[ln] .. first[ln + 1] */
    size_t nlines;
} gn_hit_lines;

/* Index hits[0..nhits) (gn_doc_search's) of a document of nlines lines
 * into ix (overwritten: free what it held first). Pieces on a line at or
 * beyond nlines are left out. Free with gn_hit_lines_free (NULL: no-op). */
void gn_hit_lines_build(gn_hit_lines *ix, const gn_hit *hits, size_t nhits, size_t nlines);
void gn_hit_lines_free(gn_hit_lines *ix);

/* The marks of line ln, ordered by offset; *n is their count (0 and NULL
 * for a line without any, or beyond the document). */
const gn_hit_mark *gn_hits_on_line(const gn_hit_lines *ix, size_t ln, size_t *n);

/* The mark of line ln covering byte at of the line's text, or NULL; *end
 * is lowered (never raised) to where that answer changes: the end of the
 * mark covering at, else the start of the next mark. Logarithmic in the
 * line's marks. */
const gn_hit_mark *gn_hit_at(const gn_hit_lines *ix, size_t ln, size_t at, size_t *end);

/* An excerpt of paragraph text around match m, at most cols display
 * columns (cols below 1 counts as 1): the context split about evenly on
 * both sides, cut between code points, "…" where text was cut (when a
 * column is left for it), '\n', '\r' and tabs as spaces. *moff and *mlen
 * locate the match in the excerpt (bytes); a match wider than cols is
 * shown from its start, and *mlen is the part shown. Newly allocated.
 * Only the text near the match is read, at most 32 bytes per column on
 * each side, so the time does not depend on the paragraph's length;
 * context beyond that (a run of zero-width code points) is cut like text
 * too wide to show. */
char *gn_excerpt(const char *text, size_t len, const gn_match *m, int cols,
                 size_t *moff, size_t *mlen);

#endif
