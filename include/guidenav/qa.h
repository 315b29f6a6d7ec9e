/* qa.h: translation review: what a localization QA tool checks in each
 * block of a translated page against its counterpart in the reference
 * page, the blocks paired as the side-by-side view pairs them
 * (gn_align_block_pairs).
 *
 * Kinds of finding, each about a pair of blocks:
 * - uicontrol: a "[!UICONTROL label]" or "[!DNL name]" of the reference
 *   block missing or changed (labels compared as text: entities decoded,
 *   emphasis inside dropped, spaces collapsed);
 * - link: a link of the reference block missing or its target changed (a
 *   "lang=" query parameter and a path segment that is a locale tag, as
 *   "/de/docs/", do not count);
 * - code: an inline code span missing or changed;
 * - number: a number missing or changed, read as each locale writes it
 *   (number.h: "2,5" in de-DE is 2.5, "15.03.2024" a date);
 * - markup: markup broken in the translation and not in the reference:
 *   unbalanced brackets or parentheses (full-width ones too), "](" left
 *   in the text (a link that
 *   did not parse), a '}' that closes nothing, a numbered placeholder
 *   ("{0}", "0}"), an emphasis marker left as text ('*', or '_' at a
 *   word's edge) or inside a label's brackets ("[!UICONTROL *Save]**");
 * - untranslated: the same text as the reference block, at least four
 *   words outside product names and labels, not code.
 * Only the reference side's items are sought: what the translation adds is
 * not reported. */
#ifndef GUIDENAV_QA_H
#define GUIDENAV_QA_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/align.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/source.h"

typedef enum gn_qa_kind {
    GN_QA_UICONTROL,
    GN_QA_LINK,
    GN_QA_CODE,
    GN_QA_NUMBER,
    GN_QA_MARKUP,
    GN_QA_UNTRANSLATED,
    GN_QA_NKINDS
} gn_qa_kind;

/* "uicontrol", "link", ... (static). */
const char *gn_qa_kind_name(gn_qa_kind kind);

typedef struct gn_qa_finding {
    gn_qa_kind kind;
    int line;      /* 1-based line of the translation's file */
    size_t block;  /* the translation's block (index in its doc->blocks) */
    char *detail;  /* one line, for people */
} gn_qa_finding;

typedef struct gn_qa_findings {
    gn_qa_finding *v;
    size_t n, cap;
} gn_qa_findings;

/* What the blocks of one page hold that a translation must keep. */
typedef struct gn_qa_page gn_qa_page;

/* The blocks of doc (a layout of page, whose file text is text[0..len))
 * read for the checks: the nodes of page's tree within each block's lines
 * of the file (gn_block.src_line, src_end), and its text as written, for
 * what the parse hides (text may be NULL: not read). lang is the page's
 * locale tag (its number convention), or NULL for English's. A block with
 * no lines (a snippet's) holds nothing. Linear in the page. A stop asked
 * for (interrupt.h) ends it early with a part of the page read, which the
 * caller does not keep. Free with gn_qa_page_free (NULL is a no-op). */
gn_qa_page *gn_qa_page_new(const gn_page *page, const char *text, size_t len, const gn_doc *doc,
                           const char *lang);
void gn_qa_page_free(gn_qa_page *page);

/* The findings of the translation tr against the reference ref, their
 * blocks paired by pairs[0..n) (gn_align_block_pairs, or a gn_align's
 * pairs; ref's blocks on the left when ref_left, else on the right),
 * appended to out in line order. A stop asked for ends it early. */
void gn_qa_compare(const gn_qa_page *ref, const gn_qa_page *tr, const gn_block_pair *pairs,
                   size_t n, bool ref_left, gn_qa_findings *out);

/* Read the page at path of src for the checks: refused unless src's
 * confinement allows it (gn_source_check_read, gn_read_file_within),
 * parsed into *page and laid out at 80 columns into *doc (the caller
 * frees both, also on failure), and its blocks read (gn_qa_page_new).
 * NULL with err naming the file when it cannot be read or parsed. */
gn_qa_page *gn_qa_read(const gn_source *src, const char *path, gn_page *page, gn_doc *doc,
                       gn_error *err);

/* The findings of tr (laid out as tr_doc) against ref (ref_doc), their
 * blocks paired by gn_align_block_pairs, appended to out; returns how
 * many of them count (untranslated blocks do not). */
size_t gn_qa_review(const gn_qa_page *ref, const gn_doc *ref_doc, const gn_qa_page *tr,
                    const gn_doc *tr_doc, gn_qa_findings *out);

/* Empty out (kept usable) / release it. */
void gn_qa_findings_clear(gn_qa_findings *f);
void gn_qa_findings_free(gn_qa_findings *f);

#endif
