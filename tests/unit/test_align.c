/* test_align.c: side-by-side alignment: equal structure, a missing
 * section, an extra paragraph, different heading levels, list items of
 * different heights paired one by one or, differing in number, not;
 * Japanese and Korean on the right. The heading pairing against the table of headings
 * x headings it replaced, on random structures; long structures that
 * differ everywhere. Anchors a translation lost, found through the English
 * page (tests/fixtures/anchors). */
#include <stdio.h>
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

/* The block pairs name blocks starting on one row, and each block's lines
 * of the file: en's and ja's blocks pair one to one, with the lines where
 * each starts and ends in its text; the list by its items. */
static void test_block_pairs(void **state)
{
    (void)state;
    gn_doc l, r;
    lay_out(en, 40, NULL, &l);
    lay_out(ja, 40, "ja-JP", &r);
    gn_align a;
    gn_align_docs(&l, &r, &a);
    gn_block_pair *p;
    size_t n = gn_align_block_pairs(&l, &r, &p);
    static const size_t want[] = {0, 1, 2, 3, 5, 6, 7, 8}; /* not the list, 4 */
    assert_int_equal(n, sizeof want / sizeof *want);
    assert_int_equal(l.nblocks, 9);
    assert_int_equal(r.nblocks, 9);
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(p[k].l, want[k]);
        assert_int_equal(p[k].r, want[k]);
        assert_int_equal(row_of(&a, 0, (long)l.blocks[want[k]].line),
                         row_of(&a, 1, (long)r.blocks[want[k]].line));
    }
    /* "- first option\n- second option" is the fifth block, lines 9-10
     * and the blank line after (as cmark counts a list's end), and its
     * items the next two, lines 9 and 10-11. */
    assert_int_equal(l.blocks[4].kind, GN_BLOCK_LIST);
    assert_int_equal(l.blocks[4].src_line, 9);
    assert_int_equal(l.blocks[4].src_end, 11);
    assert_int_equal(l.blocks[5].kind, GN_BLOCK_ITEM);
    assert_int_equal(l.blocks[5].src_line, 9);
    assert_int_equal(l.blocks[5].src_end, 9);
    assert_int_equal(l.blocks[6].src_line, 10);
    assert_int_equal(l.blocks[6].src_end, 11);
    assert_int_equal(r.blocks[0].src_line, 1);
    assert_int_equal(r.blocks[0].src_end, 1);
    free(p);
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

/* Lists: English, Japanese and Korean with as many items a list, of
 * different heights (a long Japanese item, a nested list of three items
 * against one); a list in an alert. */
static const char en_steps[] =
    "# Install {#install}\n"                           /* 1 */
    "\n"
    "Follow these steps.\n"                            /* 3 */
    "\n"
    "1. Download the package.\n"                       /* 5 */
    "2. Unpack it.\n"                                  /* 6 */
    "3. Run the setup:\n"                              /* 7 */
    "   - choose a language\n"
    "   - choose a theme\n"
    "   - choose a folder\n"
    "4. Done.\n"                                       /* 11 */
    "\n"
    "> [!NOTE]\n"                                      /* 13 */
    ">\n"
    "> - one\n"                                        /* 15 */
    "> - two\n"
    "\n"
    "## Next {#next}\n"                                /* 18 */
    "\n"
    "Read on.\n";
static const char ja_steps[] =
    "# インストール {#install}\n\n次の手順に従います。\n\n"
    "1. パッケージをダウンロードします。\n"
    "2. ウェブサーバーが読めるフォルダーに展開します。ディスクが遅いと、この手順には"
    "しばらく時間がかかることがあります。\n"
    "3. 設定を実行します:\n"
    "   - 言語を選ぶ\n"
    "4. 完了です。\n\n"
    "> [!NOTE]\n>\n> - 一つ目の項目はここで長く続き、折り返されて何行にもなります。\n> - 二\n\n"
    "## 次へ {#next}\n\n続きを読んでください。\n";
static const char ko_steps[] =
    "# 설치 {#install}\n\n다음 단계를 따르십시오.\n\n"
    "1. 패키지를 다운로드합니다.\n"
    "2. 압축을 풉니다.\n"
    "3. 설정을 실행합니다:\n"
    "   - 언어를 선택합니다\n"
    "   - 테마를 선택합니다\n"
    "4. 웹 서버가 읽을 수 있는 폴더에 설치되었는지 확인하면 완료됩니다.\n\n"
    "> [!NOTE]\n>\n> - 하나\n> - 둘\n\n"
    "## 다음 {#next}\n\n계속 읽으십시오.\n";

/* The indices of d's blocks of kind GN_BLOCK_ITEM, in order, in out;
 * returns how many. */
static size_t items(const gn_doc *d, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t b = 0; b < d->nblocks && n < max; b++)
        if (d->blocks[b].kind == GN_BLOCK_ITEM)
            out[n++] = b;
    return n;
}

/* How many lines block b of d takes, up to the next block. */
static size_t block_height(const gn_doc *d, size_t b)
{
    return (b + 1 < d->nblocks ? d->blocks[b + 1].line : d->nlines) - d->blocks[b].line;
}

/* Each item of a list (a top-level one, one in an alert) is a block of
 * its own, with the lines of the file it spans and its list's block as
 * parent; the item of a nested list is not. Each item starts on the row
 * of its counterpart, whatever the heights of the items before it, and
 * gn_align_block_pairs names the list's items instead of the list, the
 * alert and not its items: pairs whose lines of the file do not
 * overlap. */
static void test_items_pair(void **state)
{
    (void)state;
    static const char *const other[] = {ja_steps, ko_steps};
    static const char *const lang[] = {"ja-JP", "ko-KR"};
    gn_doc l;
    lay_out(en_steps, 30, "en", &l);
    size_t li[16];
    assert_int_equal(items(&l, li, 16), 6);
    /* The list, then its four items; the alert, then its two. */
    assert_int_equal(l.blocks[2].kind, GN_BLOCK_LIST);
    static const int lines[6][2] = {{5, 5}, {6, 6}, {7, 10}, {11, 12}, {15, 15}, {16, 16}};
    for (size_t k = 0; k < 6; k++) {
        assert_int_equal(l.blocks[li[k]].src_line, lines[k][0]);
        assert_int_equal(l.blocks[li[k]].src_end, lines[k][1]);
        assert_int_equal(l.blocks[li[k]].parent, k < 4 ? 2 : 7);
    }
    assert_int_equal(l.blocks[li[0]].line, l.blocks[2].line);
    assert_int_equal(l.blocks[7].kind, GN_BLOCK_QUOTE);
    for (int o = 0; o < 2; o++) {
        gn_doc r;
        lay_out(other[o], 30, lang[o], &r);
        size_t ri[16];
        assert_int_equal(items(&r, ri, 16), 6);
        /* The items differ in height: the heights before them differ. */
        bool differ = false;
        for (size_t k = 0; k < 6; k++)
            differ |= block_height(&l, li[k]) != block_height(&r, ri[k]);
        assert_true(differ);
        gn_align a;
        gn_align_docs(&l, &r, &a);
        for (size_t k = 0; k < 6; k++)
            assert_int_equal(row_of(&a, 0, (long)l.blocks[li[k]].line),
                             row_of(&a, 1, (long)r.blocks[ri[k]].line));
        assert_complete(&a, &l, &r);
        /* Every block pairs with its counterpart, in order, on one row,
         * but the list (2) and the alert's items (8, 9). */
        gn_block_pair *p;
        size_t n = gn_align_block_pairs(&l, &r, &p);
        assert_int_equal(l.nblocks, r.nblocks);
        assert_int_equal(n, l.nblocks - 3);
        for (size_t k = 0, want = 0; k < n; k++, want++) {
            want += want == 2 ? 1 : want == 8 ? 2 : 0;
            assert_int_equal(p[k].l, want);
            assert_int_equal(p[k].r, want);
            assert_int_equal(l.blocks[want].kind, r.blocks[want].kind);
            assert_int_equal(row_of(&a, 0, (long)l.blocks[want].line),
                             row_of(&a, 1, (long)r.blocks[want].line));
            if (k > 0)
                assert_true(l.blocks[p[k - 1].l].src_end < l.blocks[want].src_line);
        }
        /* A locale switch keeps the item at the top. */
        assert_int_equal(gn_align_map(&l, &r, l.blocks[li[3]].line), r.blocks[ri[3]].line);
        assert_int_equal(gn_align_map(&r, &l, r.blocks[ri[5]].line), l.blocks[li[5]].line);
        free(p);
        gn_align_free(&a);
        gn_doc_free(&r);
    }
    gn_doc_free(&l);
}

/* Lists whose items differ in number pair as a whole, as before: the list
 * starts on its counterpart's row, its items do not pair (the list is the
 * block pair), and the blocks after it still do. Items of a nested list, or of a list laid out from a
 * snippet, are no blocks. */
static void test_items_differ(void **state)
{
    (void)state;
    static const char ja_more[] =
        "# インストール {#install}\n\n次の手順に従います。\n\n"
        "1. パッケージをダウンロードします。\n"
        "2. ウェブサーバーが読めるフォルダーに展開します。\n"
        "3. 権限を確認します。\n"
        "4. 設定を実行します。\n"
        "5. 完了です。\n\n"
        "> [!NOTE]\n>\n> - 一\n> - 二\n\n"
        "## 次へ {#next}\n\n続きを読んでください。\n";
    static const char ko_nested[] =
        "# 설치\n\n- 하나\n  - 둘\n    - 셋\n- 넷\n";
    gn_doc l, r;
    lay_out(en_steps, 30, "en", &l);
    lay_out(ja_more, 30, "ja-JP", &r);
    gn_align a;
    gn_align_docs(&l, &r, &a);
    assert_int_equal(row_of(&a, 0, (long)l.blocks[2].line), row_of(&a, 1, (long)r.blocks[2].line));
    assert_int_equal(r.blocks[2].kind, GN_BLOCK_LIST);
    /* The alert and its items, after the lists. */
    assert_int_equal(l.blocks[7].kind, GN_BLOCK_QUOTE);
    assert_int_equal(r.blocks[8].kind, GN_BLOCK_QUOTE);
    for (size_t k = 0; k < 3; k++)
        assert_int_equal(row_of(&a, 0, (long)l.blocks[7 + k].line),
                         row_of(&a, 1, (long)r.blocks[8 + k].line));
    assert_complete(&a, &l, &r);
    gn_block_pair *p;
    size_t n = gn_align_block_pairs(&l, &r, &p);
    for (size_t k = 0; k < n; k++) {
        assert_false(p[k].l >= 3 && p[k].l <= 6); /* en's items */
        assert_false(p[k].l >= 8 && p[k].l <= 9);
        assert_int_equal(l.blocks[p[k].l].kind, r.blocks[p[k].r].kind);
        assert_int_equal(row_of(&a, 0, (long)l.blocks[p[k].l].line),
                         row_of(&a, 1, (long)r.blocks[p[k].r].line));
    }
    assert_int_equal(n, l.nblocks - 6);
    free(p);
    gn_align_free(&a);
    gn_doc_free(&l);
    gn_doc_free(&r);

    lay_out(ko_nested, 30, "ko-KR", &l);
    size_t ki[8];
    assert_int_equal(items(&l, ki, 8), 2); /* 하나 and 넷 */
    assert_int_equal(l.blocks[ki[0]].src_line, 3);
    assert_int_equal(l.blocks[ki[0]].src_end, 5);
    assert_int_equal(l.blocks[ki[1]].src_line, 6);
    gn_doc_free(&l);
}

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

/* The row showing the last line of side at or before line (each line is
 * shown once, in order: assert_complete), or 0: the reference of
 * gn_align_row_of, looking at every row. */
static size_t reference_row(const gn_align *a, int side, size_t line)
{
    size_t best = 0;
    for (size_t row = 0; row < a->nrows; row++) {
        long v = side ? a->right[row] : a->left[row];
        if (v >= 0 && (size_t)v <= line)
            best = row;
    }
    return best;
}

/* gn_align_rows_of gives each line the row gn_align_row_of gives it, in
 * one call: lines in order (every line of each side and past the end),
 * and lines out of order, side by side and interleaved. */
static void test_rows_of(void **state)
{
    (void)state;
    static const char left[] =
        "# Guide\n\nA first paragraph that wraps over a few lines at this width.\n\n"
        "## Brakes\n\n- one\n- two\n- three\n\n## Tyres\n\nShort.\n\n## Chain\n\nEnd.\n";
    static const char right[] =
        "# ガイド\n\n日本語の最初の段落は、この幅で何行かに折り返されます。さらに続きます。\n\n"
        "## 브레이크\n\n- 하나\n- 둘\n\n## タイヤ\n\n短い。\n\n追加の段落。\n\n## 체인\n\n끝.\n";
    gn_doc l, r;
    lay_out(left, 24, NULL, &l);
    lay_out(right, 24, "ja-JP", &r);
    gn_align sbs, il;
    gn_align_docs(&l, &r, &sbs);
    assert_complete(&sbs, &l, &r);
    gn_align_interleave(&sbs, &il);
    const gn_align *as[] = {&sbs, &il};
    for (int k = 0; k < 2; k++) {
        for (int side = 0; side < 2; side++) {
            size_t n = (side ? r.nlines : l.nlines) + 3;
            size_t *lines = gn_xcalloc(2 * n, sizeof *lines), *rows = gn_xcalloc(2 * n, sizeof *rows);
            for (size_t i = 0; i < n; i++) {
                lines[i] = i;             /* in order */
                lines[n + i] = (i * 7) % n; /* out of order */
            }
            gn_align_rows_of(as[k], side, lines, 2 * n, rows);
            for (size_t i = 0; i < 2 * n; i++) {
                assert_int_equal(rows[i], gn_align_row_of(as[k], side, lines[i]));
                assert_int_equal(rows[i], reference_row(as[k], side, lines[i]));
            }
            free(lines);
            free(rows);
        }
    }
    gn_align_free(&sbs);
    gn_align_free(&il);
    gn_doc_free(&l);
    gn_doc_free(&r);
}

/* The pairing gn_align_pair_headings replaced, kept as the reference: by
 * anchor in order, then the longest common subsequence of levels from a
 * table of (a+1) x (b+1) suffix lengths. */
static void reference_pairs(const gn_doc *l, const gn_doc *r, long *pair)
{
    size_t nl = l->nheadings, nr = r->nheadings;
    for (size_t i = 0; i < nl; i++)
        pair[i] = -1;
    bool same = nl == nr;
    for (size_t i = 0; same && i < nl; i++)
        same = l->headings[i].level == r->headings[i].level;
    if (same) {
        for (size_t i = 0; i < nl; i++)
            pair[i] = (long)i;
        return;
    }
    size_t next = 0;
    for (size_t i = 0; i < nl; i++) {
        const char *an = l->headings[i].anchor;
        if (!an)
            continue;
        for (size_t j = next; j < nr; j++)
            if (r->headings[j].anchor && strcmp(an, r->headings[j].anchor) == 0) {
                pair[i] = (long)j;
                next = j + 1;
                break;
            }
    }
    size_t li = 0, rj = 0;
    while (li <= nl) {
        size_t le = li, re;
        while (le < nl && pair[le] < 0)
            le++;
        re = le < nl ? (size_t)pair[le] : nr;
        size_t a = le - li, b = re > rj ? re - rj : 0;
        if (a && b) {
            size_t *t = calloc((a + 1) * (b + 1), sizeof *t);
            assert_non_null(t);
#define T(x, y) t[(x) * (b + 1) + (y)]
            for (size_t x = a; x-- > 0;)
                for (size_t y = b; y-- > 0;)
                    T(x, y) = l->headings[li + x].level == r->headings[rj + y].level
                                  ? T(x + 1, y + 1) + 1
                                  : (T(x + 1, y) > T(x, y + 1) ? T(x + 1, y) : T(x, y + 1));
            for (size_t x = 0, y = 0; x < a && y < b;) {
                if (l->headings[li + x].level == r->headings[rj + y].level) {
                    pair[li + x] = (long)(rj + y);
                    x++, y++;
                } else if (T(x + 1, y) >= T(x, y + 1)) {
                    x++;
                } else {
                    y++;
                }
            }
#undef T
            free(t);
        }
        if (le >= nl)
            break;
        li = le + 1;
        rj = re + 1;
    }
}

/* A doc of n headings only (one line each), levels and anchors given by
 * the caller after; free with free_headings. */
static void headings_doc(gn_doc *d, size_t n)
{
    memset(d, 0, sizeof *d);
    d->headings = calloc(n ? n : 1, sizeof *d->headings);
    assert_non_null(d->headings);
    d->nheadings = d->nlines = n;
    for (size_t i = 0; i < n; i++)
        d->headings[i].line = i;
}

/* Free what headings_doc allocated. */
static void free_headings(gn_doc *d)
{
    free(d->headings);
}

/* A pseudo-random number below 32768, the same on every machine. */
static unsigned next_rand(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* Random structures, from equal to unrelated, with and without anchors
 * (some repeated): the same pairs as the table gave. */
static void test_pairs_as_table(void **state)
{
    (void)state;
    static char *names[] = {"a", "b", "c", "d", "e"};
    unsigned seed = 13;
    for (int round = 0; round < 3000; round++) {
        size_t nl = next_rand(&seed) % 40, nr = next_rand(&seed) % 40;
        int levels = 1 + (int)(next_rand(&seed) % 4), anchored = (int)(next_rand(&seed) % 3);
        if (round % 5 == 0)
            nr = nl; /* near-equal: few edits */
        gn_doc l, r;
        headings_doc(&l, nl);
        headings_doc(&r, nr);
        for (size_t i = 0; i < nl; i++) {
            l.headings[i].level = 1 + (int)(next_rand(&seed) % (unsigned)levels);
            if (anchored && next_rand(&seed) % 4 == 0)
                l.headings[i].anchor = names[next_rand(&seed) % 5];
        }
        for (size_t j = 0; j < nr; j++) {
            r.headings[j].level = round % 5 == 0 && next_rand(&seed) % 6
                                      ? l.headings[j].level
                                      : 1 + (int)(next_rand(&seed) % (unsigned)levels);
            if (anchored && next_rand(&seed) % 4 == 0)
                r.headings[j].anchor = names[next_rand(&seed) % 5];
        }
        long want[40], got[40];
        reference_pairs(&l, &r, want);
        gn_align_pair_headings(&l, &r, got);
        for (size_t i = 0; i < nl; i++)
            if (want[i] != got[i])
                fail_msg("round %d: left heading %zu paired with %ld, the table gave %ld", round,
                         i, got[i], want[i]);
        free_headings(&l);
        free_headings(&r);
    }
}

/* Every pair joins headings of one level, in increasing order. */
static size_t assert_pairs_ordered(const gn_doc *l, const gn_doc *r, const long *pair)
{
    long last = -1;
    size_t n = 0;
    for (size_t i = 0; i < l->nheadings; i++) {
        if (pair[i] < 0)
            continue;
        assert_true(pair[i] > last && (size_t)pair[i] < r->nheadings);
        assert_int_equal(l->headings[i].level, r->headings[pair[i]].level);
        last = pair[i];
        n++;
    }
    return n;
}

/* 60,000 headings a side, a level changed every 16th on the right, no
 * anchors: more differences than the search allows, so in order; and one
 * heading missing near the start: the search. Both pair nearly all, in
 * order, and the whole alignment covers every line; gn_align_map finds
 * the same heading on the other side. */
static void test_long_structures(void **state)
{
    (void)state;
    enum { N = 60000 };
    gn_doc l, r;
    headings_doc(&l, N);
    headings_doc(&r, N);
    for (size_t i = 0; i < N; i++) {
        l.headings[i].level = 2 + (int)(i % 3);
        r.headings[i].level = i % 16 == 5 ? (l.headings[i].level == 2 ? 3 : 2) : l.headings[i].level;
    }
    long *pair = calloc(N, sizeof *pair);
    assert_non_null(pair);
    assert_true(gn_align_pair_headings(&l, &r, pair));
    assert_true(assert_pairs_ordered(&l, &r, pair) >= N - N / 8);
    gn_align a;
    gn_align_docs(&l, &r, &a);
    assert_complete(&a, &l, &r);
    gn_align_free(&a);

    /* Right: the left without its heading 10. */
    for (size_t j = 0; j + 1 < N; j++)
        r.headings[j].level = l.headings[j < 10 ? j : j + 1].level;
    r.nheadings = r.nlines = N - 1;
    assert_true(gn_align_pair_headings(&l, &r, pair));
    assert_int_equal(assert_pairs_ordered(&l, &r, pair), N - 1);
    assert_int_equal(pair[N - 1], N - 2);
    /* The place kept across a locale switch: the same heading. */
    assert_int_equal(gn_align_map(&l, &r, 5), 5);
    assert_int_equal(gn_align_map(&l, &r, 40000), 39999);
    assert_int_equal(gn_align_map(&r, &l, 39999), 40000);
    free(pair);
    free_headings(&l);
    free_headings(&r);
}

/* The fixture's page help/repair/NAME of locale tag, laid out at 60
 * columns. */
static void lay_out_fixture(const char *tag, const char *name, gn_doc *doc)
{
    char path[256];
    snprintf(path, sizeof path, GN_FIXTURES "/anchors/bikes.%s/help/repair/%s", tag, name);
    gn_page pg;
    gn_error err;
    int rc = gn_page_load(path, &pg, &err);
    if (rc != 0)
        print_message("%s\n", err.msg);
    assert_int_equal(rc, 0);
    gn_layout_opts o = {.width = 60, .lang = tag, .path = path};
    gn_layout(pg.doc, &o, doc);
    gn_page_free(&pg);
}

/* The text of heading h of doc, or "" when h is -1. */
static const char *heading_text(const gn_doc *doc, long h)
{
    return h < 0 ? "" : doc->headings[h].text;
}

/* Anchors the translation lost, found through the English page: by
 * "{#anchor}" (brakes.md#adjust-the-cable in ja-JP) and by the slug of
 * the English text (tyres.md#fix-a-puncture); k-th heading with k-th when
 * the levels match, by the pairing when they do not (ko-KR's tyres.md
 * lacks the tubeless section, which then pairs with nothing). An anchor
 * the English page lacks too is found nowhere. */
static void test_find_anchor(void **state)
{
    (void)state;
    static const struct {
        const char *tag, *page, *anchor;
        long in_ref;        /* the English heading, or -1 */
        const char *lands;  /* the translated heading's text, "" for none */
    } cases[] = {
        {"ja-JP", "brakes.md", "adjust-the-cable", 1, "ケーブルを調整する"},
        {"ja-JP", "tyres.md", "fix-a-puncture", 1, "パンクを直す"},
        {"ja-JP", "overview.md", "in-short", 1, "要約"},
        {"ja-JP", "tyres.md", "true-a-wheel", -1, ""},
        {"ko-KR", "brakes.md", "pads", 2, "패드"},
        {"ko-KR", "tyres.md", "fix-a-puncture", 1, "펑크 수리"},
        {"ko-KR", "tyres.md", "tubeless", 2, ""},
        {"ko-KR", "tyres.md", "pressure", 3, "공기압"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_doc en_doc, tr;
        lay_out_fixture("en", cases[i].page, &en_doc);
        lay_out_fixture(cases[i].tag, cases[i].page, &tr);
        long in_ref = -7;
        long h = gn_align_find_anchor(&tr, &en_doc, cases[i].anchor, &in_ref);
        if (in_ref != cases[i].in_ref || strcmp(heading_text(&tr, h), cases[i].lands) != 0)
            fail_msg("%s %s#%s: English heading %ld, lands on '%s'; want %ld, '%s'",
                     cases[i].tag, cases[i].page, cases[i].anchor, in_ref,
                     heading_text(&tr, h), cases[i].in_ref, cases[i].lands);
        assert_int_equal(h < 0, cases[i].lands[0] == '\0');
        /* in_ref may be NULL. */
        assert_int_equal(gn_align_find_anchor(&tr, &en_doc, cases[i].anchor, NULL), h);
        gn_doc_free(&en_doc);
        gn_doc_free(&tr);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_structure),
        cmocka_unit_test(test_block_pairs),
        cmocka_unit_test(test_items_pair),
        cmocka_unit_test(test_items_differ),
        cmocka_unit_test(test_missing_section),
        cmocka_unit_test(test_extra_paragraph),
        cmocka_unit_test(test_different_levels),
        cmocka_unit_test(test_rows_of),
        cmocka_unit_test(test_pairs_as_table),
        cmocka_unit_test(test_long_structures),
        cmocka_unit_test(test_find_anchor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
