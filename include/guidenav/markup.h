/* markup.h: Adobe's inline markup in plain strings (titles, front matter).
 *
 * "[!UICONTROL x]" and "[!DNL x]" become "x"; a "{#anchor}" attribute is
 * removed (and reported); other "{key=...}" attribute lists are removed. */
#ifndef GUIDENAV_MARKUP_H
#define GUIDENAV_MARKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <cmark-gfm.h>

/* A new string: s with Adobe inline markup rendered as plain text and
 * surrounding space trimmed. When anchor is not NULL, *anchor receives the
 * first "{#anchor}" name (newly allocated) or NULL. The caller frees both. */
char *gn_markup_plain(const char *s, char **anchor);

/* The kinds of Adobe inline marker: "[!UICONTROL x]", "[!DNL x]",
 * "[!BADGE x]". */
enum gn_mark { GN_MARK_NONE, GN_MARK_UICONTROL, GN_MARK_DNL, GN_MARK_BADGE };

/* Length of an attribute list "{...}" starting at s[0] ('{'): "{#id}",
 * "{width="600" zoomable="yes"}", "{style=...}", "{type=... tooltip=...}".
 * Returns 0 when s does not start one. Sets *anchor_len and *anchor_off to the
 * "#id" name when it is an anchor, else *anchor_len = 0. */
size_t gn_markup_attrs(const char *s, size_t len, size_t *anchor_off,
                       size_t *anchor_len);

/* Mark in del[0..len) (zeroed by the caller) the bytes that Adobe inline
 * markup takes in s: the brackets of every closed marker (brackets nest, in
 * labels too; a marker never closed is plain text), and every attribute
 * list. label, when not NULL, is called with each marker's kind and label
 * range [inner, inner_end), inner markers before the ones enclosing them. The first "{#anchor}"
 * name is stored in *anchor (newly allocated) when anchor is not NULL and
 * *anchor is NULL. Returns whether it marked any byte. Linear in len. */
bool gn_markup_scan(const char *s, size_t len, unsigned char *del, char **anchor,
                    void (*label)(enum gn_mark kind, size_t inner, size_t inner_end,
                                  void *ctx),
                    void *ctx);

/* Emphasis delimiters misplaced inside an Adobe label, "*[!UICONTROL
 * *Orders]**" or "**[!UICONTROL Source*]*": a run of '*' or '_' that
 * starts a label's text (before a non-space) or ends it (after one) is
 * read as the authors meant it, outside the brackets. Returns how many
 * such runs s[0..len) holds; when out is not NULL (len bytes), writes
 * there the text with each run moved out of its label ("**[!UICONTROL
 * Orders]**"): the same bytes, so every line keeps its length. Code spans
 * are not looked into. Linear in len. */
size_t gn_markup_label_runs(const char *s, size_t len, char *out);

/* True when the link node is Adobe inline markup that CommonMark reads as
 * a link: "[!DNL name](으)로" is the name followed by a Korean particle in
 * parentheses, never a link (its text starts with "!DNL ", "!UICONTROL "
 * or "!BADGE "). */
bool gn_markup_link_is_marker(cmark_node *link);

#endif
