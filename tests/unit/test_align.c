/* test_align.c: side-by-side alignment: equal structure, a missing
 * section, an extra paragraph, different heading levels; Japanese and
 * Korean on the right. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/align.h"
#include "guidenav/page.h"

static void lay_out(const char *md, int width, const char *lang, gn_doc *doc)
{
    cmark_node *root = gn_markdown_parse(md, strlen(md));
    gn_layout_opts o = {.width = width, .lang = lang};
    gn_layout(root, &o, doc);
    cmark_node_free(root);
}

/* The row where line ln of a side is shown. */
static long row_of(const gn_align *a, int side, long ln)
{
    for (size_t r = 0; r < a->nrows; r++)
        if ((side ? a->right[r] : a->left[r]) == ln)
            return (long)r;
    return -1;
}

/* Every line of both docs appears exactly once, in order. */
static void assert_complete(const gn_align *a, const gn_doc *l, const gn_doc *r)
{
    long nl = -1, nr = -1;
    for (size_t row = 0; row < a->nrows; row++) {
        if (a->left[row] >= 0) {
            assert_int_equal(a->left[row], nl + 1);
            nl = a->left[row];
        }
        if (a->right[row] >= 0) {
            assert_int_equal(a->right[row], nr + 1);
            nr = a->right[row];
        }
    }
    assert_int_equal(nl + 1, (long)l->nlines);
    assert_int_equal(nr + 1, (long)r->nlines);
}

static const char en[] =
    "# Accounts {#accounts}\n\nCreate an account for each customer who buys from the store.\n\n"
    "## Options {#options}\n\nThe options apply to every website of the installation.\n\n"
    "- first option\n- second option\n\n"
    "## Limits {#limits}\n\nShort.\n";
static const char ja[] =
    "# アカウント {#accounts}\n\nストアで購入するすべての顧客のアカウントを作成します。"
    "アカウントは管理画面からいつでも編集できます。\n\n"
    "## オプション {#options}\n\nオプションは、インストールのすべてのウェブサイトに適用されます。\n\n"
    "- 最初のオプション\n- 二番目のオプション\n\n"
    "## 制限 {#limits}\n\n短い。\n";

static void test_equal_structure(void **state)
{
    (void)state;
    gn_doc l, r;
    gn_align a;
    lay_out(en, 30, "en", &l);
    lay_out(ja, 30, "ja-JP", &r);
    gn_align_docs(&l, &r, &a);
    assert_false(a.structure_differs);
    assert_int_equal(a.heading_pairs, 3);
    for (size_t k = 0; k < 3; k++)
        assert_int_equal(row_of(&a, 0, (long)l.headings[k].line),
                         row_of(&a, 1, (long)r.headings[k].line));
    /* Blocks pair too: the lists start on the same row. */
    assert_int_equal(l.nblocks, r.nblocks);
    for (size_t b = 0; b < l.nblocks; b++)
        assert_int_equal(row_of(&a, 0, (long)l.blocks[b].line),
                         row_of(&a, 1, (long)r.blocks[b].line));
    assert_complete(&a, &l, &r);
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

static void test_missing_section(void **state)
{
    (void)state;
    static const char ko[] =
        "# 계정 {#accounts}\n\n상점에서 구매하는 모든 고객의 계정을 만듭니다.\n\n"
        "## 제한 {#limits}\n\n짧음.\n";
    gn_doc l, r;
    gn_align a;
    lay_out(en, 40, "en", &l);
    lay_out(ko, 40, "ko-KR", &r);
    gn_align_docs(&l, &r, &a);
    assert_true(a.structure_differs);
    assert_int_equal(a.heading_pairs, 2);
    /* "Limits" pairs with "제한" by anchor; "Options" has no counterpart. */
    assert_int_equal(row_of(&a, 0, (long)l.headings[2].line), row_of(&a, 1, (long)r.headings[1].line));
    assert_int_equal(row_of(&a, 0, (long)l.headings[0].line), row_of(&a, 1, (long)r.headings[0].line));
    assert_complete(&a, &l, &r);
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

static void test_extra_paragraph(void **state)
{
    (void)state;
    static const char more[] =
        "# アカウント {#accounts}\n\n最初の段落。\n\n追加の段落です。\n\n"
        "## オプション {#options}\n\n適用されます。\n\n- 一\n- 二\n\n"
        "## 制限 {#limits}\n\n短い。\n";
    gn_doc l, r;
    gn_align a;
    lay_out(en, 40, "en", &l);
    lay_out(more, 40, "ja-JP", &r);
    gn_align_docs(&l, &r, &a);
    assert_false(a.structure_differs); /* the headings still match */
    for (size_t k = 0; k < 3; k++)
        assert_int_equal(row_of(&a, 0, (long)l.headings[k].line),
                         row_of(&a, 1, (long)r.headings[k].line));
    /* In "Options" the blocks match, so the lists start together. */
    assert_int_equal(row_of(&a, 0, (long)l.blocks[4].line), row_of(&a, 1, (long)r.blocks[5].line));
    assert_int_equal(l.blocks[4].kind, GN_BLOCK_LIST);
    assert_int_equal(r.blocks[5].kind, GN_BLOCK_LIST);
    assert_complete(&a, &l, &r);
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

static void test_different_levels(void **state)
{
    (void)state;
    /* No anchors, one heading demoted: levels are paired in order. */
    static const char left[] = "# A\n\ntext\n\n## B\n\ntext\n\n## C\n\ntext\n\n## D\n\ntext\n";
    static const char right[] = "# 가\n\n글\n\n## 나\n\n글\n\n### 다\n\n글\n\n## 라\n\n글\n";
    gn_doc l, r;
    gn_align a;
    lay_out(left, 20, NULL, &l);
    lay_out(right, 20, "ko-KR", &r);
    gn_align_docs(&l, &r, &a);
    assert_true(a.structure_differs);
    assert_int_equal(a.heading_pairs, 3); /* A-가, B-나, D-라; C and 다 unpaired */
    assert_int_equal(row_of(&a, 0, (long)l.headings[3].line), row_of(&a, 1, (long)r.headings[3].line));
    assert_int_equal(row_of(&a, 0, (long)l.headings[1].line), row_of(&a, 1, (long)r.headings[1].line));
    assert_complete(&a, &l, &r);
    assert_int_equal(gn_align_row_of(&a, 1, r.headings[3].line),
                     (size_t)row_of(&a, 1, (long)r.headings[3].line));
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_structure),
        cmocka_unit_test(test_missing_section),
        cmocka_unit_test(test_extra_paragraph),
        cmocka_unit_test(test_different_levels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
