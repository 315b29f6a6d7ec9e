/* fuzz_qa.c: libFuzzer harness for the translation checks (qa.h).
 *
 * Input: byte 0 chooses the two pages' languages (bits 0-2 the
 * reference's, 3-5 the translation's: none, en, ja-JP, ko-KR, zh-Hans,
 * de-DE, fr-FR, pt-BR); the rest is the reference page's file, then a
 * 0xFF byte, then the translation's (without one, both are the same
 * text). Both are parsed (gn_page_parse), laid out at 60 columns, read
 * for the checks and compared, as --check compares them.
 *
 * Checks the contracts: every finding names a line of the translation's
 * file (lines ended as CommonMark ends them), one of its blocks, a kind and a detail; findings are in line
 * order; and a page compared with itself has no finding but untranslated
 * ones, whatever its languages (a number reads the same in both
 * conventions when it is the same text). Build and run: make fuzz
 * FUZZ=qa. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/align.h"
#include "guidenav/page.h"
#include "guidenav/qa.h"
#include "fuzz.h"

static const char *const langs[8] = {NULL, "en", "ja-JP", "ko-KR", "zh-Hans", "de-DE", "fr-FR",
                                     "pt-BR"};

/* A page read for the checks. */
typedef struct side {
    gn_page page;
    gn_doc doc;
    gn_qa_page *qa;
    int lines; /* of its file */
} side;

static bool read_side(side *s, const char *text, size_t len, const char *lang)
{
    gn_error err;
    memset(s, 0, sizeof *s);
    if (gn_page_parse("fuzz/help/guide/page.md", text, len, &s->page, &err) != 0 || !s->page.doc)
        return false;
    gn_layout_opts o = {.width = 60, .lang = lang,
                        .line_offset = s->page.body_line > 0 ? s->page.body_line - 1 : 0};
    gn_layout(s->page.doc, &o, &s->doc);
    s->qa = gn_qa_page_new(&s->page, text, len, &s->doc, lang);
    /* Lines as CommonMark ends them: "\n", "\r\n" or a lone "\r". */
    s->lines = 1;
    for (size_t i = 0; i < len; i++)
        s->lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));
    return true;
}

static void free_side(side *s)
{
    gn_qa_page_free(s->qa);
    gn_doc_free(&s->doc);
    gn_page_free(&s->page);
}

/* Compare tr with ref and check the findings' contracts; with same, that
 * only untranslated blocks are found. */
static void compare(const side *ref, const side *tr, bool same)
{
    gn_block_pair *pairs;
    size_t n = gn_align_block_pairs(&ref->doc, &tr->doc, &pairs);
    gn_qa_findings f = {0};
    gn_qa_compare(ref->qa, tr->qa, pairs, n, true, &f);
    for (size_t i = 0; i < f.n; i++) {
        const gn_qa_finding *x = &f.v[i];
        CHECK(x->kind < GN_QA_NKINDS);
        CHECK(x->detail != NULL);
        CHECK(x->line >= 1 && x->line <= tr->lines);
        CHECK(x->block < tr->doc.nblocks);
        CHECK(i == 0 || f.v[i - 1].line <= x->line);
        if (same && x->kind != GN_QA_UNTRANSLATED) {
            fprintf(stderr, "a page against itself: %d %s: %s\n", x->line,
                    gn_qa_kind_name(x->kind), x->detail);
            CHECK(!"a page compared with itself has a finding");
        }
    }
    gn_qa_findings_free(&f);
    free(pairs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *rlang = langs[data[0] & 7], *tlang = langs[(data[0] >> 3) & 7];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    const char *cut = memchr(text, 0xFF, len);
    size_t rlen = cut ? (size_t)(cut - text) : len;
    const char *ttext = cut ? cut + 1 : text;
    size_t tlen = cut ? len - rlen - 1 : len;

    side ref, tr;
    if (!read_side(&ref, text, rlen, rlang)) {
        free_side(&ref);
        return 0;
    }
    if (read_side(&tr, ttext, tlen, tlang)) {
        compare(&ref, &tr, false);
        compare(&ref, &ref, true);
    }
    free_side(&tr);
    free_side(&ref);
    return 0;
}
