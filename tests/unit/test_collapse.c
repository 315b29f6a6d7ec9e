/* test_collapse.c: Adobe's collapsible blocks ("+++Title" ... "+++"):
 * where cmark puts their lines and how they become blocks, "+++" in code,
 * unclosed and nested blocks, their layout folded and unfolded at every
 * width, the fold key's block, the place kept across a fold, alignment
 * with a translation, and the session's fold. Japanese and Korean titles
 * and content throughout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/align.h"
#include "guidenav/collapse.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/session.h"
#include "guidenav/util.h"

/* md laid out at width (lang, the blocks folded[0..nfolded), ASCII marks
 * when ascii) into *doc, which the caller frees; every line fits. */
static void lay_out(const char *md, int width, const char *lang, const size_t *folded,
                    size_t nfolded, bool ascii, gn_doc *doc)
{
    cmark_node *root = gn_markdown_parse(md, strlen(md));
    assert_non_null(root);
    gn_layout_opts o = {.width = width, .lang = lang, .ascii = ascii, .folded = folded,
                        .nfolded = nfolded};
    gn_layout(root, &o, doc);
    for (size_t i = 0; i < doc->nlines; i++)
        assert_true(doc->lines[i].width <= width);
    cmark_node_free(root);
}

/* doc's lines as text, each ended by '\n' (its spans, as painted in a
 * UTF-8 locale); the caller frees it. */
static char *text_of(const gn_doc *doc)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (size_t i = 0; i < doc->nlines; i++) {
        for (uint32_t k = 0; k < doc->lines[i].n; k++) {
            const gn_span *sp = &doc->spans[doc->lines[i].first + k];
            gn_buf_add(&b, gn_span_text(doc, sp), sp->len);
        }
        gn_buf_addc(&b, '\n');
    }
    return gn_buf_take(&b);
}

/* md as plain text at width, lang, the blocks folded[0..nfolded) folded. */
static char *render_folded(const char *md, int width, const char *lang, const size_t *folded,
                           size_t nfolded)
{
    gn_doc doc;
    lay_out(md, width, lang, folded, nfolded, false, &doc);
    char *out = text_of(&doc);
    gn_doc_free(&doc);
    return out;
}

static char *render(const char *md, int width, const char *lang)
{
    return render_folded(md, width, lang, NULL, 0);
}

/* No line of out starts with "+++" (after its indentation). */
static void assert_no_marker_line(const char *out)
{
    for (const char *l = out; *l;) {
        const char *s = l;
        while (*s == ' ')
            s++;
        if (strncmp(s, "+++", 3) == 0)
            fail_msg("a marker line is shown: %.*s", (int)strcspn(l, "\n"), l);
        l += strcspn(l, "\n");
        if (*l)
            l++;
    }
}

/* ---- recognition -------------------------------------------------------- */

static void test_block_with_its_title(void **state)
{
    (void)state;
    /* Title and content without blank lines: cmark made one paragraph of
     * the three lines. Inline markup in the title is rendered. */
    char *out = render("前の段落。\n\n+++設定の **詳細** [!UICONTROL 保存]\n本文です。\n+++\n\n後の段落。\n",
                       40, "ja-JP");
    assert_string_equal(out, "前の段落。\n\n▾ 設定の 詳細 保存\n  本文です。\n\n後の段落。\n");
    free(out);
    /* A space after "+++", blank lines around the content, and a list. */
    out = render("+++ 한국어 제목\n\n- 첫째\n- 둘째\n\n+++\n", 40, "ko-KR");
    assert_string_equal(out, "▾ 한국어 제목\n  • 첫째\n  • 둘째\n");
    free(out);
    /* A title ending with '#' keeps it (no ATX closing sequence). */
    out = render("+++Issue #\ntext\n+++\n", 40, NULL);
    assert_string_equal(out, "▾ Issue #\n  text\n");
    free(out);
}

static void test_plus_in_code_stays(void **state)
{
    (void)state;
    /* Fenced and indented code, outside any block: nothing opens. */
    char *out = render("```\n+++Not a title\n+++\n```\n\n    +++ indented code\n\n~~~\n+++\n~~~\n", 40,
                       NULL);
    assert_string_equal(out, "  +++Not a title\n  +++\n\n  +++ indented code\n\n  +++\n");
    free(out);
    /* Code inside a block: its "+++" neither closes nor opens. */
    out = render("+++JSON の例\n```json\n{\"a\": 1}\n+++\n```\n+++\n\n후\n", 40, "ja-JP");
    assert_string_equal(out, "▾ JSON の例\n    {\"a\": 1}\n    +++\n\n후\n");
    free(out);
    /* A diff in code is not a block either. */
    out = render("```diff\n--- a/x\n+++ b/x\n```\n", 40, NULL);
    assert_string_equal(out, "  --- a/x\n  +++ b/x\n");
    free(out);
}

static void test_closers_cmark_swallowed(void **state)
{
    (void)state;
    /* After a table row: cmark took "+++" for a row. */
    char *out = render("+++表\n| キー | 値 |\n|---|---|\n| a | 값 |\n+++\n\n後\n", 40, "ja-JP");
    assert_string_equal(out,
                        "▾ 表\n"
                        "  ┌──────┬────┐\n"
                        "  │ キー │ 値 │\n"
                        "  ├──────┼────┤\n"
                        "  │ a    │ 값 │\n"
                        "  └──────┴────┘\n\n後\n");
    free(out);
    /* After a list: a lazy continuation of its last item. */
    out = render("+++목록\n- 하나\n- 둘\n+++\n밖\n", 40, "ko-KR");
    assert_string_equal(out, "▾ 목록\n  • 하나\n  • 둘\n\n밖\n");
    free(out);
    /* After an HTML block, which nothing interrupts. */
    out = render("+++HTML の表\n<table><tr><td>セル</td></tr></table>\n+++\n\n後\n", 40, "ja-JP");
    assert_string_equal(out, "▾ HTML の表\n  ┌──────┐\n  │ セル │\n  └──────┘\n\n後\n");
    free(out);
    /* In an alert: the block lies in the alert. */
    out = render(">[!NOTE]\n>\n>+++詳細\n>隠せる本文。\n>+++\n", 40, "ja-JP");
    assert_string_equal(out, "┃ メモ\n┃ ▾ 詳細\n┃   隠せる本文。\n");
    free(out);
    /* A comment holds its "+++" as written. */
    out = render("<!--\n+++\n-->\n\ntext\n", 40, NULL);
    assert_string_equal(out, "text\n");
    free(out);
}

static void test_unclosed_and_stray(void **state)
{
    (void)state;
    /* Never closed: to the end of the page. */
    char *out = render("+++終わらない\n本文。\n\n## 見出し\n\n최후\n", 40, "ja-JP");
    assert_string_equal(out, "▾ 終わらない\n  本文。\n\n  ## 見出し\n\n  최후\n");
    free(out);
    /* ... or of the list item it was opened in; the closer after the list
     * has nothing open and is dropped. */
    out = render("- 항목\n\n  +++항목 안\n\n  내용\n\n+++\n\n밖\n", 40, "ko-KR");
    assert_string_equal(out, "• 항목\n\n  ▾ 항목 안\n    내용\n\n밖\n");
    free(out);
    /* Look-alikes stay text: four '+', an entity, "+++" inside a line. */
    out = render("++++ 四つ\n\n&#43;++ 実体\n\na +++b\n", 40, "ja-JP");
    assert_string_equal(out, "++++ 四つ\n\n+++ 実体\n\na +++b\n");
    free(out);
    /* A marker indented like code under a paragraph is its text. */
    out = render("段落\n    +++字下げ\n続き\n", 40, "ja-JP");
    assert_string_equal(out, "段落 +++字下げ続き\n"); /* (a soft break between CJK goes) */
    free(out);
}

static void test_nesting_and_its_limit(void **state)
{
    (void)state;
    char *out = render("+++外\n+++内 한국어\n中身\n+++\n外の続き\n+++\n", 40, "ja-JP");
    assert_string_equal(out, "▾ 外\n  ▾ 内 한국어\n    中身\n\n  外の続き\n");
    free(out);
    /* Past GN_COLLAPSE_DEPTH in one container, openers and their closers
     * stay as written; the blocks around them pair as they should. */
    gn_buf md = GN_BUF_INIT;
    for (int i = 0; i < GN_COLLAPSE_DEPTH + 2; i++)
        gn_buf_addf(&md, "+++L%d\n\n", i);
    gn_buf_adds(&md, "深い\n\n");
    for (int i = 0; i < GN_COLLAPSE_DEPTH + 2; i++)
        gn_buf_adds(&md, "+++\n\n");
    gn_buf_adds(&md, "外\n");
    gn_doc doc;
    lay_out(md.data, 200, "ja-JP", NULL, 0, false, &doc);
    assert_int_equal(doc.ncolls, GN_COLLAPSE_DEPTH);
    out = text_of(&doc);
    assert_non_null(strstr(out, "+++L16\n"));
    assert_non_null(strstr(out, "+++L17\n"));
    assert_null(strstr(out, "▾ L16"));
    assert_non_null(strstr(out, "▾ L15\n"));
    /* The last line is outside every block: not indented. */
    assert_non_null(strstr(out, "\n外\n"));
    assert_int_equal(doc.colls[0].end, doc.nlines - 2);
    free(out);
    gn_doc_free(&doc);
    gn_buf_free(&md);
}

static void test_source_lines_kept(void **state)
{
    (void)state;
    /* The rewrite keeps every line: a paragraph after a marker records
     * its line of the file, for --search. */
    gn_doc doc;
    lay_out("+++題名\n二行目\n+++\n四行目\n\n| a |\n|---|\n| b |\n+++\n", 40, "ja-JP", NULL, 0,
            false, &doc);
    assert_true(doc.npars >= 3);
    assert_int_equal(doc.pars[0].src_line, 1); /* the title */
    assert_int_equal(doc.pars[1].src_line, 2);
    assert_int_equal(doc.pars[2].src_line, 4);
    gn_doc_free(&doc);
}

/* ---- layout and folds ----------------------------------------------------- */

static const char page[] =
    "# リリースノート\n\n"
    "+++バージョン 2.1\n\n- 書き出しが速くなりました。\n- 가져오기가 개선되었습니다.\n\n+++\n\n"
    "+++バージョン 2.0\n\n古いコネクタは削除されました。\n\n"
    "+++トラブルシューティング\n同期をやり直してください。\n+++\n\n"
    "テーマより先に更新します。\n+++\n\n"
    "+++버전 1.0\n첫 릴리스입니다.\n+++\n\n"
    "## サポート\n\n連絡先。\n";

static void test_layout_and_records(void **state)
{
    (void)state;
    gn_doc doc;
    lay_out(page, 40, "ja-JP", NULL, 0, false, &doc);
    char *out = text_of(&doc);
    assert_string_equal(out,
                        "# リリースノート\n\n"
                        "▾ バージョン 2.1\n"
                        "  • 書き出しが速くなりました。\n"
                        "  • 가져오기가 개선되었습니다.\n\n"
                        "▾ バージョン 2.0\n"
                        "  古いコネクタは削除されました。\n\n"
                        "  ▾ トラブルシューティング\n"
                        "    同期をやり直してください。\n\n"
                        "  テーマより先に更新します。\n\n"
                        "▾ 버전 1.0\n"
                        "  첫 릴리스입니다.\n\n"
                        "## サポート\n\n連絡先。\n");
    free(out);
    assert_int_equal(doc.ncolls, 4);
    const gn_coll *c = doc.colls;
    assert_int_equal(c[0].ordinal, 0);
    assert_int_equal(c[0].line, 2);
    assert_int_equal(c[0].body, 3);
    assert_int_equal(c[0].end, 5);
    assert_int_equal(c[2].ordinal, 2);
    assert_int_equal(c[2].parent, 1);
    assert_int_equal(c[1].parent, -1);
    assert_int_equal(c[1].end, 13);
    assert_int_equal(c[3].line, 14);
    assert_false(c[0].folded);
    assert_memory_equal(doc.ptext.data + c[1].ptitle, "バージョン 2.0", c[1].ptitle_len);
    /* A collapsible block is one top-level block, for alignment. */
    size_t blocks = 0;
    for (size_t i = 0; i < doc.nblocks; i++)
        if (doc.blocks[i].kind == GN_BLOCK_COLLAPSE)
            blocks++;
    assert_int_equal(blocks, 3);
    gn_doc_free(&doc);

    /* Folded: the title alone; the inner block keeps its ordinal, so the
     * one after the folded block is still ordinal 3. */
    size_t folded[] = {1};
    lay_out(page, 40, "ja-JP", folded, 1, false, &doc);
    out = text_of(&doc);
    assert_non_null(strstr(out, "▸ バージョン 2.0\n\n▾ 버전 1.0\n"));
    assert_null(strstr(out, "古い"));
    free(out);
    assert_int_equal(doc.ncolls, 3);
    assert_int_equal(doc.colls[1].ordinal, 1);
    assert_true(doc.colls[1].folded);
    assert_int_equal(doc.colls[1].body, doc.colls[1].end);
    assert_int_equal(doc.colls[2].ordinal, 3);
    gn_doc_free(&doc);

    /* ASCII marks. */
    size_t inner[] = {2};
    lay_out(page, 40, "ja-JP", inner, 1, true, &doc);
    out = text_of(&doc);
    assert_non_null(strstr(out, "[-] バージョン 2.0\n    古い"));
    assert_non_null(strstr(out, "    [+] トラブルシューティング\n\n    テーマ"));
    free(out);
    gn_doc_free(&doc);
}

static void test_every_width_fits(void **state)
{
    (void)state;
    size_t all[] = {0, 1, 2, 3};
    for (int w = 1; w <= 120; w++)
        for (size_t n = 0; n <= 2; n++) {
            char *out = render_folded(page, w, w % 2 ? "ja-JP" : "ko-KR", n ? all + n - 1 : NULL,
                                      n ? 1 : 0);
            assert_no_marker_line(out);
            free(out);
        }
}

static void test_fold_key_block(void **state)
{
    (void)state;
    gn_doc doc;
    lay_out(page, 40, "ja-JP", NULL, 0, false, &doc);
    /* The first title on the screen. */
    assert_int_equal(gn_collapse_at(&doc, 0, 20), 0);
    assert_int_equal(gn_collapse_at(&doc, 3, 20), 1);
    /* No title on the screen: the innermost block holding the top. */
    assert_int_equal(gn_collapse_at(&doc, 9, 10), 2);
    assert_int_equal(gn_collapse_at(&doc, 12, 13), 1);
    /* Neither. */
    assert_int_equal(gn_collapse_at(&doc, 16, 20), -1);
    gn_doc_free(&doc);
}

static void test_place_across_a_fold(void **state)
{
    (void)state;
    gn_doc open, shut;
    size_t folded[] = {1};
    lay_out(page, 40, "ja-JP", NULL, 0, false, &open);
    lay_out(page, 40, "ja-JP", folded, 1, false, &shut);
    /* Before the block: the same line; inside it: its title; after it:
     * the same text, fewer lines up. */
    assert_int_equal(gn_align_map(&open, &shut, 3), 3);
    assert_int_equal(gn_align_map(&open, &shut, 6), 6);
    assert_int_equal(gn_align_map(&open, &shut, 9), 6);
    assert_int_equal(gn_align_map(&open, &shut, 12), 6);
    size_t after = open.colls[3].line;
    assert_int_equal(gn_align_map(&open, &shut, after), shut.colls[2].line);
    assert_int_equal(gn_align_map(&open, &shut, open.nlines - 1), shut.nlines - 1);
    /* And back. */
    assert_int_equal(gn_align_map(&shut, &open, 6), 6);
    assert_int_equal(gn_align_map(&shut, &open, shut.colls[2].line), after);
    /* Not the same page: no fold mapping. */
    size_t out;
    gn_doc other;
    lay_out("+++バージョン 2.1\n別の本文。\n+++\n", 40, "ja-JP", folded, 1, false, &other);
    assert_false(gn_collapse_map(&open, &other, 9, &out));
    gn_doc wide;
    lay_out(page, 60, "ja-JP", folded, 1, false, &wide);
    assert_false(gn_collapse_map(&open, &wide, 9, &out));
    gn_doc_free(&other);
    gn_doc_free(&wide);
    gn_doc_free(&open);
    gn_doc_free(&shut);
}

static void test_pairs_with_its_translation(void **state)
{
    (void)state;
    static const char en[] =
        "# Notes\n\nOne line.\n\n+++Version 2.1\n\n- Faster export.\n\n+++\n\nAfter.\n";
    static const char ko[] =
        "# 정보\n\n한 줄입니다. 조금 더 긴 문장이라서 두 줄이 됩니다.\n\n"
        "+++버전 2.1\n\n- 내보내기가 빨라졌습니다. 목록 항목도 길어서 여러 줄이 됩니다.\n\n+++\n\n"
        "후.\n";
    gn_doc l, r;
    lay_out(en, 30, "en", NULL, 0, false, &l);
    lay_out(ko, 30, "ko-KR", NULL, 0, false, &r);
    gn_align a;
    gn_align_docs(&l, &r, &a);
    /* The two blocks start on one row, and so do the paragraphs after. */
    size_t lrow = gn_align_row_of(&a, 0, l.colls[0].line);
    size_t rrow = gn_align_row_of(&a, 1, r.colls[0].line);
    assert_int_equal(lrow, rrow);
    assert_int_equal(gn_align_row_of(&a, 0, l.nlines - 1), gn_align_row_of(&a, 1, r.nlines - 1));
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

/* ---- the session ------------------------------------------------------------- */

#define FIXTURE GN_FIXTURES "/collapse/notes.en"

typedef struct reader {
    gn_localeset set;
    gn_session s;
} reader;

/* A session of width x height on the fixture's locales with its release
 * notes open; *rd holds it until end(). */
static gn_session *open_notes(reader *rd, int width, int height)
{
    char *arg = FIXTURE;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&arg, 1, &rd->set, &err), 0);
    gn_session_opts o = {.reference = "en"};
    gn_session_init(&rd->s, &rd->set, &o);
    gn_session_resize(&rd->s, width, height, width >= 100);
    gn_guide *g = gn_session_guide(&rd->s);
    assert_non_null(g);
    gn_session_open(&rd->s, g->id, "release.md");
    gn_session_layout(&rd->s);
    assert_true(rd->s.left.have_page);
    return &rd->s;
}

static void end(reader *rd)
{
    gn_session_free(&rd->s);
    gn_localeset_free(&rd->set);
}

/* The text of line ln of the current locale's page. */
static char *line_text(gn_session *s, size_t ln)
{
    const gn_doc *d = &s->left.doc;
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (uint32_t k = 0; k < d->lines[ln].n; k++) {
        const gn_span *sp = &d->spans[d->lines[ln].first + k];
        gn_buf_add(&b, gn_span_text(d, sp), sp->len);
    }
    return gn_buf_take(&b);
}

static void assert_top(gn_session *s, const char *want)
{
    char *got = line_text(s, gn_session_line_at_top(s));
    assert_string_equal(got, want);
    free(got);
}

static size_t locale_index(gn_session *s, const char *tag)
{
    gn_source *src = gn_localeset_find(s->set, tag);
    assert_non_null(src);
    return (size_t)(src - s->set->v);
}

static void test_session_folds(void **state)
{
    (void)state;
    reader rd;
    gn_session *s = open_notes(&rd, 60, 6);
    size_t lines = s->left.doc.nlines;
    /* The first title on the screen folds, and unfolds. */
    gn_session_fold(s);
    assert_string_equal(s->msg, "Folded: Version 2.1 of the Connector");
    gn_session_layout(s);
    assert_true(s->left.doc.nlines < lines);
    assert_true(s->left.doc.colls[0].folded);
    gn_session_fold(s);
    assert_string_equal(s->msg, "Unfolded: Version 2.1 of the Connector");
    gn_session_layout(s);
    assert_int_equal(s->left.doc.nlines, lines);

    /* Scrolled into Version 2.0, below its inner block: no title on the
     * screen, so the block holding the top folds, and the top shows its
     * title; unfolding at once returns to the very same line. */
    size_t at = s->left.doc.colls[2].end + 1;
    gn_session_scroll_to(s, at);
    assert_top(s, "  Upgrade the extension before the theme.");
    gn_session_fold(s);
    assert_string_equal(s->msg, "Folded: Version 2.0");
    assert_top(s, "▸ Version 2.0");
    /* Search skips what is folded, and says so. */
    gn_session_find(s, "database", false);
    assert_string_equal(s->msg, "Not found: database (folded blocks are not searched)");
    gn_session_fold(s);
    assert_top(s, "  Upgrade the extension before the theme.");
    gn_session_find(s, "database", false);
    assert_string_equal(s->msg, "1/1");

    /* The folds stay through a switch of language, by their order. */
    gn_session_scroll_to(s, 0);
    gn_session_fold(s);
    gn_session_switch_locale(s, locale_index(s, "ko-KR"));
    gn_session_layout(s);
    assert_true(s->left.doc.colls[0].folded);
    assert_top(s, "# 릴리스 정보");
    char *title = line_text(s, s->left.doc.colls[0].line);
    assert_string_equal(title, "▸ Connector 버전 2.1");
    free(title);
    /* ... and fold both sides of a comparison. */
    gn_session_resize(s, 120, 6, true);
    gn_session_compare(s, true);
    gn_session_layout(s);
    assert_true(s->left.doc.colls[0].folded);
    assert_true(s->right.doc.colls[0].folded);
    assert_int_equal(gn_align_row_of(&s->align, 0, s->left.doc.colls[1].line),
                     gn_align_row_of(&s->align, 1, s->right.doc.colls[1].line));
    gn_session_compare(s, false);

    /* Opening the page again shows every block unfolded. */
    gn_session_open(s, s->guide, "release.md");
    gn_session_layout(s);
    assert_int_equal(s->nfolded, 0);
    assert_false(s->left.doc.colls[0].folded);
    end(&rd);
}

/* The line of d holding text at its start (after the prefixes). */
static size_t line_with(gn_session *s, const char *text)
{
    for (size_t ln = 0; ln < s->left.doc.nlines; ln++) {
        char *t = line_text(s, ln);
        bool found = strstr(t, text) != NULL;
        free(t);
        if (found)
            return ln;
    }
    fail_msg("no line holds %s", text);
    return 0;
}

static void test_places_kept_unfolded(void **state)
{
    (void)state;
    reader rd;
    gn_session *s = open_notes(&rd, 60, 6);
    gn_session_fold(s); /* Version 2.1 */
    gn_session_layout(s);
    gn_session_scroll_to(s, line_with(s, "## Support"));
    assert_top(s, "## Support");
    /* A bookmark, and the place the history keeps, are lines of the page
     * unfolded, as it opens again. */
    assert_int_equal(gn_session_mark(s, 0), 0);
    assert_int_equal(gn_session_jump(s, 0), 0);
    gn_session_layout(s);
    assert_int_equal(s->nfolded, 0);
    assert_top(s, "## Support");
    /* Folded again, then back (to the place the jump left) and forward. */
    gn_session_scroll_to(s, 0);
    gn_session_fold(s);
    gn_session_layout(s);
    gn_session_scroll_to(s, line_with(s, "## Support"));
    gn_session_back(s);
    gn_session_layout(s);
    assert_top(s, "## Support");
    gn_session_forward(s);
    gn_session_layout(s);
    assert_top(s, "## Support");
    end(&rd);
}

static void test_session_without_blocks(void **state)
{
    (void)state;
    reader rd;
    gn_session *s = open_notes(&rd, 60, 3);
    gn_session_scroll_to(s, (size_t)-1); /* the last lines: "## Support" */
    gn_session_fold(s);
    assert_string_equal(s->msg, "No collapsible block on the screen.");
    end(&rd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_block_with_its_title),
        cmocka_unit_test(test_plus_in_code_stays),
        cmocka_unit_test(test_closers_cmark_swallowed),
        cmocka_unit_test(test_unclosed_and_stray),
        cmocka_unit_test(test_nesting_and_its_limit),
        cmocka_unit_test(test_source_lines_kept),
        cmocka_unit_test(test_layout_and_records),
        cmocka_unit_test(test_every_width_fits),
        cmocka_unit_test(test_fold_key_block),
        cmocka_unit_test(test_place_across_a_fold),
        cmocka_unit_test(test_pairs_with_its_translation),
        cmocka_unit_test(test_session_folds),
        cmocka_unit_test(test_places_kept_unfolded),
        cmocka_unit_test(test_session_without_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
