/* prefilter.h: the pages a text search need not read.
 *
 * Reading a page for search (parsing, laying out) costs far more than
 * looking at its bytes once. The prefilter looks at a page's raw Markdown
 * and says "no match" only when no rendering of it can hold the query; in
 * any doubt the page is read. It reasons on what the search sees
 * (search.h), the page's text as laid out, which differs from the source
 * in ways it takes into account:
 *
 *  - markup between or inside words: emphasis ("**bo**ld"), backslash
 *    escapes, line breaks and the prefixes of continued lines, table
 *    pipes. The query and the page are compared without the ASCII
 *    characters that are not letters or digits, which markup is made of
 *    (a query of nothing else may match any page);
 *  - what the layout drops: link targets and titles ("[x](url)",
 *    "[x][ref]"), HTML tags and comments, attribute lists ("{#id}"), the
 *    names of Adobe markers ("[!UICONTROL x]"): each may be read or not;
 *  - what it adds: "[image: " before an image's text, an alert's label in
 *    the page's language and the video and tab marks, each at the marker
 *    that makes it;
 *  - entities ("&amp;", "&#233;"), read as written and decoded; case
 *    folding as the search does it (Latin, Greek, Cyrillic through a
 *    table; Japanese, Korean and Chinese copied); what sanitizing shows
 *    for bidirectional controls ("<U+202E>").
 *
 * Always read: a page that names a snippet ("{{...}}": its text comes from
 * another file), one with a link reference definition ("]:"), one with a
 * named entity outside the few the HTML reader knows, or whose entities
 * stand for the characters of Adobe markup ('[', ']', '{', '}', '!'); and
 * every page for a query holding U+FFFD or a control picture, which
 * sanitizing makes. Only the first 64 bytes of the query that count are
 * looked for. */
#ifndef GUIDENAV_PREFILTER_H
#define GUIDENAV_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/search.h"

typedef struct gn_prefilter gn_prefilter;

/* The prefilter of query q (gn_query_init's) for the pages of locale
 * lang (its alert labels; NULL: English). Never fails. */
gn_prefilter *gn_prefilter_new(const gn_query *q, const char *lang);
void gn_prefilter_free(gn_prefilter *p);

/* False only when no rendering of the page source src[0..len) (its whole
 * file, front matter included) can hold the query; true otherwise. Linear
 * in len (a tag or link left open reads on to its end). */
bool gn_prefilter_may_match(const gn_prefilter *p, const char *src, size_t len);

#endif
