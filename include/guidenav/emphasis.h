/* emphasis.h: CJK-friendly emphasis in cmark-gfm's inline parser.
 *
 * CommonMark decides whether a run of '*' or '_' may open or close
 * emphasis from the characters on either side of it (the flanking rules),
 * and those rules assume words are separated by spaces: "**[!UICONTROL
 * Save]**を" or "「**설정**」를" keep their asterisks. The CJK-friendly
 * amendment (markdown-cjk-friendly's specification) changes the rules
 * where a CJK character is next to the run:
 *
 * - a run is left-flanking when not followed by white space, and not
 *   followed by non-CJK punctuation unless preceded by white space, non-CJK
 *   punctuation or a CJK character (or an ideographic variation selector);
 * - a run is right-flanking when not preceded by white space, and not
 *   preceded by non-CJK punctuation unless followed by white space, non-CJK
 *   punctuation or a CJK character;
 * - CJK punctuation thus no longer blocks, and a character followed by a
 *   variation selector U+FE00..U+FE0E is read as that character.
 *
 * '*' opens when left-flanking and closes when right-flanking. '_' keeps
 * CommonMark's rule against emphasis inside a word (both flanking: it
 * opens only after punctuation, closes only before punctuation), with two
 * additions of guidenav's own: a '_' between non-CJK punctuation and a CJK
 * letter, or between a CJK letter and another letter (where the script
 * changes, as words do in text without spaces), is at a word's edge. So
 * "_[!UICONTROL Action]_列", "및_[!UICONTROL Next]_" and
 * "ステータスは_Open_です" are emphasis, while "報告_2024_版" (a digit) and
 * "snake_case_名前" (one edge only) stay text.
 * Without CJK characters next to a run, these are CommonMark's rules.
 *
 * The rules are applied inside cmark's own inline parser, through its
 * extension interface: cmark still decides what a delimiter run is, so
 * asterisks in code spans, code blocks, HTML, autolinks, link targets and
 * escapes stay literal, and the pairing of runs is cmark's. The extension
 * reads the text that starts with a CJK character itself (the bytes that
 * start one are special characters for the parser), so a run after such
 * text gets its flags from both neighbours; a run read by cmark gets them
 * again when the character after it is read. Each run and each text is
 * read once: linear in the text. */
#ifndef GUIDENAV_EMPHASIS_H
#define GUIDENAV_EMPHASIS_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

/* Attach CJK-friendly emphasis to parser, after every other extension it
 * will have; its nodes are made in mem, the parser's allocator. Returns the
 * extension, which the caller gives to gn_emphasis_free after
 * cmark_parser_free. */
cmark_syntax_extension *gn_emphasis_attach(cmark_parser *parser, cmark_mem *mem);

/* Free what gn_emphasis_attach returned (NULL: nothing). */
void gn_emphasis_free(cmark_syntax_extension *ext);

#endif
