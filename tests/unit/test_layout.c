/* test_layout.c: pages laid out at a width: every line fits, Adobe markup
 * is rendered, headings and links are recorded. Japanese and Korean in
 * every test that wraps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/paint.h"
#include "guidenav/text.h"

/* doc as gn_paint_text writes it, its length in *len; the caller frees it. */
static char *painted(const gn_doc *doc, const gn_color_spec *colors, size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    assert_non_null(f);
    gn_paint_text(f, doc, colors);
    fclose(f);
    return out;
}

/* The plain text of md laid out at width; the caller frees it. */
static char *render(const char *md, int width, const char *lang, gn_doc *keep)
{
    cmark_node *root = gn_markdown_parse(md, strlen(md));
    gn_doc doc;
    gn_layout_opts o = {.width = width, .lang = lang};
    gn_layout(root, &o, &doc);
    size_t len;
    char *out = painted(&doc, NULL, &len);
    /* Every line fits the width. */
    for (size_t i = 0; i < doc.nlines; i++)
        assert_true(doc.lines[i].width <= width);
    if (keep)
        *keep = doc;
    else
        gn_doc_free(&doc);
    cmark_node_free(root);
    return out;
}

static const char mixed_page[] =
    "# 顧客アカウント {#accounts}\n\n"
    "アカウントを作成するには、[!UICONTROL Customers] メニューから [!DNL Commerce] の"
    "設定を開き、必要な情報を入力してから保存します。\n\n"
    "## 계정 옵션 {#options}\n\n"
    "고객 계정 옵션은 **관리자** 페이지에서 설정할 수 있으며 변경 사항은 즉시 적용됩니다.\n\n"
    "- 첫 번째 항목은 목록입니다\n"
    "  - 入れ子の項目は日本語です\n"
    "1. first step with `code` and a [link](other.md)\n\n"
    ">[!NOTE]\n>\n>注意: この設定はストアビューごとに異なります。\n\n"
    "| キー | 説明 |\n|---|---|\n| `j` | 一行下へ移動します |\n| 스페이스 | 한 페이지 아래로 이동합니다 |\n\n"
    "```\nguidenav --dump commerce-admin.ja-JP/help/customers/account-create.md --width 40\n```\n\n"
    "![管理画面](assets/admin-view.png){width=\"600\" zoomable=\"yes\"}\n\n"
    "zero\xe2\x80\x8bwidth and a very long unbreakable word: "
    "supercalifragilisticexpialidocious\n\n---\n";

static void test_every_width_fits(void **state)
{
    (void)state;
    for (int w = 1; w <= 200; w++) {
        char *out = render(mixed_page, w, "ja-JP", NULL);
        /* No markup is left raw at any width. */
        assert_null(strstr(out, "[!UICONTROL"));
        assert_null(strstr(out, "[!NOTE]"));
        assert_null(strstr(out, "{#"));
        assert_null(strstr(out, "{width"));
        free(out);
    }
}

static void test_adobe_markup(void **state)
{
    (void)state;
    gn_doc doc;
    char *out = render(mixed_page, 100, "ja-JP", &doc);
    assert_non_null(strstr(out, "# 顧客アカウント\n"));
    assert_non_null(strstr(out, "メニューから Commerce の"));
    assert_non_null(strstr(out, "┃ メモ\n┃ 注意: この設定"));  /* NOTE, in Japanese */
    assert_non_null(strstr(out, "[image: 管理画面 (admin-view.png)]"));
    /* The UI label has its own style. */
    bool ui = false;
    for (size_t i = 0; i < doc.nspans; i++)
        if ((doc.spans[i].style & GN_ST_UICONTROL) &&
            doc.spans[i].len == strlen("Customers") &&
            memcmp(gn_span_text(&doc, &doc.spans[i]), "Customers", doc.spans[i].len) == 0)
            ui = true;
    assert_true(ui);
    gn_doc_free(&doc);
    free(out);
}

/* Markup dropped between two spaces leaves one: the space before the
 * first byte dropped goes too, wherever in the paragraph it stands; an
 * image shows its alt text and file name, or the name alone. */
static void test_markup_spaces(void **state)
{
    (void)state;
    gn_doc doc;
    char *out = render("den [!UICONTROL  Feed] aus\n\n"
                       "設定 [!UICONTROL  保存] を押します {#save} 。\n\n"
                       "계정 {data-x=\"1\"} 옵션 [!DNL  Commerce]\n\n"
                       "![](a.png) ![画面](b.png) ![](c/)\n",
                       60, "ja-JP", &doc);
    assert_non_null(strstr(out, "den Feed aus\n"));
    assert_non_null(strstr(out, "設定 保存 を押します 。\n"));
    assert_non_null(strstr(out, "계정 옵션 Commerce\n"));
    assert_non_null(strstr(out, "[image: a.png] [image: 画面 (b.png)] [image: ]\n"));
    gn_doc_free(&doc);
    free(out);
}

static void test_headings_and_sections(void **state)
{
    (void)state;
    gn_doc doc;
    char *out = render(mixed_page, 60, "ko-KR", &doc);
    assert_int_equal(doc.nheadings, 2);
    assert_int_equal(doc.headings[0].level, 1);
    assert_string_equal(doc.headings[0].text, "顧客アカウント");
    assert_string_equal(doc.headings[0].anchor, "accounts");
    assert_string_equal(doc.headings[1].text, "계정 옵션");
    assert_string_equal(doc.headings[1].anchor, "options");
    assert_int_equal(doc.headings[0].line, 0);
    size_t h1 = doc.headings[1].line;
    assert_int_equal(gn_doc_section_at(&doc, 0), 0);
    assert_int_equal(gn_doc_section_at(&doc, h1 - 1), 0);
    assert_int_equal(gn_doc_section_at(&doc, h1), 1);
    assert_int_equal(gn_doc_section_at(&doc, doc.nlines - 1), 1);
    gn_doc_free(&doc);
    free(out);
}

static void test_links(void **state)
{
    (void)state;
    gn_doc doc;
    char *out = render("段落です。\n\n[リンク](page.md#part) と [외부](https://example.org)\n",
                       30, "ja-JP", &doc);
    assert_int_equal(doc.nlinks, 2);
    assert_string_equal(doc.links[0].url, "page.md#part");
    assert_string_equal(doc.links[1].url, "https://example.org");
    assert_int_equal(doc.links[0].line, 2);
    assert_non_null(strstr(out, "リンク と 외부"));
    gn_doc_free(&doc);
    free(out);
}

static void test_cjk_wrapping(void **state)
{
    (void)state;
    char *out = render("日本語の文章は単語の間に空白がないので、文字と文字の間で改行できます。\n",
                       20, "ja-JP", NULL);
    /* 20 columns hold ten Japanese characters; "、" and "。" never start a line. */
    assert_string_equal(out, "日本語の文章は単語の\n間に空白がないので、\n文字と文字の間で改行\nできます。\n");
    free(out);
    out = render("한국어 문장은 띄어쓰기로 단어를 구분합니다\n", 14, "ko-KR", NULL);
    assert_string_equal(out, "한국어 문장은\n띄어쓰기로\n단어를\n구분합니다\n");
    free(out);
    /* A soft line break between two CJK characters joins them. */
    out = render("日本語の\n文章です。\n", 80, "ja-JP", NULL);
    assert_string_equal(out, "日本語の文章です。\n");
    free(out);
}

static void test_zero_width(void **state)
{
    (void)state;
    gn_doc doc;
    char *out = render("ab&#x200B;cd\n", 10, NULL, &doc);
    assert_int_equal(doc.lines[0].width, 4);
    assert_string_equal(out, "ab\xe2\x80\x8b" "cd\n");
    gn_doc_free(&doc);
    free(out);
}

static void test_code_block_wraps_with_marker(void **state)
{
    (void)state;
    char *out = render("```\nabcdefghijklmnopqrstuvwxyz\n\tx\n```\n", 12, NULL, NULL);
    assert_string_equal(out, "  abcdefghi↵\n  jklmnopqr↵\n  stuvwxyz\n      x\n");
    free(out);
}

static void test_lists(void **state)
{
    (void)state;
    char *out = render("- one\n- two\n  - 二\n\n8. eight\n9. nine\n10. ten\n", 40, "ja-JP", NULL);
    assert_string_equal(out, "• one\n• two\n  ◦ 二\n\n 8. eight\n 9. nine\n10. ten\n");
    free(out);
}

static void test_quote_and_alert(void **state)
{
    (void)state;
    char *out = render("> quoted text\n> 인용문\n\n>[!WARNING]\n>\n>Be careful.\n", 40, "ko-KR", NULL);
    assert_string_equal(out, "│ quoted text 인용문\n\n┃ 경고\n┃ Be careful.\n");
    free(out);
    out = render(">[!BEGINTABS]\n\n>[!TAB 最初のタブ]\n\nbody\n\n>[!ENDTABS]\n", 40, "ja-JP", NULL);
    assert_string_equal(out, "▸ 最初のタブ\n\nbody\n");
    free(out);
}

/* An alert's label is in the page's language, measured in display
 * columns: it fits every width, and its line is as wide as the bar and the
 * label when there is room. */
static void test_alert_labels_fit(void **state)
{
    (void)state;
    static const struct { const char *lang, *label; } cases[] = {
        {"ja-JP", "前提条件"}, {"ko-KR", "전제 조건"}, {"zh-Hant", "先決條件"},
        {"zh-CN", "先决条件"}, {"ru-RU", "Предварительные требования"}, {"it-IT", "Prerequisiti"},
    };
    const char *md = ">[!PREREQUISITES]\n>\n>先にインストールします。먼저 설치하십시오.\n";
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        for (int w = 1; w <= 40; w++)
            free(render(md, w, cases[i].lang, NULL)); /* render asserts the fit */
        gn_doc doc;
        char *out = render(md, 40, cases[i].lang, &doc);
        char *want = gn_xasprintf("┃ %s\n┃ ", cases[i].label);
        assert_memory_equal(out, want, strlen(want));
        assert_int_equal(doc.lines[0].width, 2 + gn_text_width(cases[i].label, strlen(cases[i].label)));
        free(want);
        free(out);
        gn_doc_free(&doc);
    }
}

static void test_table(void **state)
{
    (void)state;
    char *out = render("| Key | 説明 |\n|:--|--:|\n| j | 下へ |\n", 40, "ja-JP", NULL);
    assert_string_equal(out,
                        "┌─────┬──────┐\n"
                        "│ Key │ 説明 │\n"
                        "├─────┼──────┤\n"
                        "│ j   │ 下へ │\n"
                        "└─────┴──────┘\n");
    free(out);
    /* Too narrow: cells wrap inside their columns. */
    out = render("| 名前 | 説明 |\n|---|---|\n| 한국어 | 一行下へ移動します |\n", 20, "ja-JP", NULL);
    assert_string_equal(out,
                        "┌────────┬─────────┐\n"
                        "│ 名前   │ 説明    │\n"
                        "├────────┼─────────┤\n"
                        "│ 한국어 │ 一行下  │\n"
                        "│        │ へ移動  │\n"
                        "│        │ します  │\n"
                        "└────────┴─────────┘\n");
    free(out);
    /* Narrower than one column per cell: records. */
    out = render("| A | B | C | D |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n", 12, NULL, NULL);
    assert_string_equal(out, "A: 1\nB: 2\nC: 3\nD: 4\n");
    free(out);
}

/* Long words stay whole at every width, in columns or as records: a
 * column is never narrower than its widest word (Korean words included);
 * when the widest words do not fit, the rows become records. Japanese
 * breaks between characters. */
static void test_table_keeps_words(void **state)
{
    (void)state;
    static const char md[] =
        "| Replenishment | Availability | Configuration | 在庫状況 | 재고 상태 |\n"
        "|---|---|---|---|---|\n"
        "| Warehouse | Backordered | Automatically | 在庫切れです | 띄어쓰기에서 있음 |\n";
    static const char *const words[] = {
        "Replenishment", "Availability", "Configuration", "Warehouse", "Backordered",
        "Automatically", "띄어쓰기에서", "재고", "상태",
    };
    for (int w = 20; w <= 120; w++) {
        char *out = render(md, w, "ko-KR", NULL);
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (!strstr(out, words[i]))
                fail_msg("width %d: \"%s\" split:\n%s", w, words[i], out);
        free(out);
    }
    char *out = render(md, 40, "ko-KR", NULL);
    assert_string_equal(out, "Replenishment: Warehouse\n"
                             "Availability: Backordered\n"
                             "Configuration: Automatically\n"
                             "在庫状況: 在庫切れです\n"
                             "재고 상태: 띄어쓰기에서 있음\n");
    free(out);
    out = render(md, 80, "ko-KR", NULL);
    assert_non_null(strstr(out, "│ Replenishment │ Availability │ Configuration │"));
    free(out);
}

/* Records exactly when the columns' widest words, each counted as at
 * most 20 columns, do not fit: here 8 ("Abcdefgh") and 20 (a number of
 * 23 digits) in 28 columns, the table's width less its borders and
 * padding (7): columns from a width of 35, records below. */
static void test_table_records_edge(void **state)
{
    (void)state;
    static const char md[] = "| Abcdefgh | Ijklmnop |\n|---|---|\n"
                             "| 一二三四五六 | 12345678901234567890123 |\n";
    char *out = render(md, 34, "ja-JP", NULL);
    assert_string_equal(out, "Abcdefgh: 一二三四五六\nIjklmnop: 12345678901234567890123\n");
    free(out);
    out = render(md, 35, "ja-JP", NULL);
    assert_non_null(strstr(out, "│ Abcdefgh │ Ijklmnop             │"));
    free(out);
}

/* Identifiers keep their whole width when the table has room; one too
 * wide for any column (over 20 columns) is broken with the wrap mark
 * rather than turning the table into records. */
static void test_table_identifiers(void **state)
{
    (void)state;
    static const char md[] = "| Field | Meaning |\n|---|---|\n"
                             "| `paymentTransactionID` | 取引の番号 |\n"
                             "| `shipmentTrackingIdentifierValue` | 배송 추적 번호 |\n";
    char *out = render(md, 40, "ja-JP", NULL);
    assert_string_equal(out, "┌──────────────────────────┬───────────┐\n"
                             "│ Field                    │ Meaning   │\n"
                             "├──────────────────────────┼───────────┤\n"
                             "│ paymentTransactionID     │ 取引の番  │\n"
                             "│                          │ 号        │\n"
                             "│ shipmentTrackingIdentif↵ │ 배송 추적 │\n"
                             "│ ierValue                 │ 번호      │\n"
                             "└──────────────────────────┴───────────┘\n");
    free(out);
    out = render(md, 80, "ja-JP", NULL);
    assert_non_null(strstr(out, "│ shipmentTrackingIdentifierValue │ 배송 추적 번호 │\n"));
    free(out);
}

/* A list in a cell: one item a line with its bullet, its text indented
 * after it, in columns and as records. */
static void test_table_list_cell(void **state)
{
    (void)state;
    static const char md[] =
        "| Setting | Values |\n|---|---|\n"
        "| Mode | Choose:<ul><li>Fast</li><li>高速なモードです</li><li>빠른 모드</li></ul>"
        "Default: Fast |\n";
    char *out = render(md, 40, "ja-JP", NULL);
    assert_string_equal(out, "┌─────────┬────────────────────┐\n"
                             "│ Setting │ Values             │\n"
                             "├─────────┼────────────────────┤\n"
                             "│ Mode    │ Choose:            │\n"
                             "│         │ • Fast             │\n"
                             "│         │ • 高速なモードです │\n"
                             "│         │ • 빠른 모드        │\n"
                             "│         │ Default: Fast      │\n"
                             "└─────────┴────────────────────┘\n");
    free(out);
    out = render(md, 28, "ja-JP", NULL);
    assert_string_equal(out, "┌─────────┬────────────────┐\n"
                             "│ Setting │ Values         │\n"
                             "├─────────┼────────────────┤\n"
                             "│ Mode    │ Choose:        │\n"
                             "│         │ • Fast         │\n"
                             "│         │ • 高速なモード │\n"
                             "│         │   です         │\n"
                             "│         │ • 빠른 모드    │\n"
                             "│         │ Default: Fast  │\n"
                             "└─────────┴────────────────┘\n");
    free(out);
    out = render(md, 18, "ja-JP", NULL);
    assert_string_equal(out, "Setting: Mode\n"
                             "Values: Choose:\n"
                             "• Fast\n"
                             "• 高速なモードです\n"
                             "• 빠른 모드\n"
                             "Default: Fast\n");
    free(out);
}

/* A code span in a list item stays on one line when it fits beside the
 * bullet (gn_para_glue, run by run). */
static void test_table_code_in_item(void **state)
{
    (void)state;
    static const char md[] = "| Key | Meaning |\n|---|---|\n"
                             "| x | Runs:<ul><li>then `guidenav --dump page` 한국어 日本語</li></ul> |\n";
    char *out = render(md, 34, "ko-KR", NULL);
    assert_string_equal(out, "┌─────┬──────────────────────────┐\n"
                             "│ Key │ Meaning                  │\n"
                             "├─────┼──────────────────────────┤\n"
                             "│ x   │ Runs:                    │\n"
                             "│     │ • then                   │\n"
                             "│     │   guidenav --dump page   │\n"
                             "│     │   한국어 日本語          │\n"
                             "└─────┴──────────────────────────┘\n");
    free(out);
}

static void test_message(void **state)
{
    (void)state;
    gn_doc doc;
    gn_layout_message("このページは ja-JP にありません。\n\nsecond", 16, &doc);
    assert_int_equal(doc.nlines, 5); /* three lines, a blank, "second" */
    assert_int_equal(doc.lines[3].width, 0);
    for (size_t i = 0; i < doc.nlines; i++)
        assert_true(doc.lines[i].width <= 16);
    gn_doc_free(&doc);
}

static void test_controls_are_visible(void **state)
{
    (void)state;
    char *out = render("bell&#7; esc&#27;[2J csi&#x9b; rlo&#x202e;x\n", 80, NULL, NULL);
    assert_null(strchr(out, 0x1b));
    assert_null(strchr(out, 0x07));
    assert_non_null(strstr(out, "␛[2J"));
    assert_non_null(strstr(out, "<U+202E>"));
    free(out);
}

/* The plain text of the page dir/rel laid out at 80 columns, its reads
 * confined to repo (NULL: the layout's own rule). Newly allocated. */
static char *render_page(const char *dir, const char *rel, const char *repo)
{
    char *path = gn_xasprintf("%s/%s", dir, rel);
    gn_page page;
    assert_int_equal(gn_page_load(path, &page, NULL), 0);
    gn_layout_opts o = {.width = 80, .path = path, .repo = repo};
    gn_doc doc;
    gn_layout(page.doc, &o, &doc);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    gn_paint_text(f, &doc, NULL);
    fclose(f);
    gn_doc_free(&doc);
    gn_page_free(&page);
    free(path);
    return out;
}

/* {{snippets}} come from the page's locale source only: never from a
 * folder above it that happens to hold help/, nor through a link out. */
static void test_snippets_stay_in_the_source(void **state)
{
    (void)state;
    char tmp[] = "/tmp/gn-snippets-XXXXXX";
    assert_non_null(mkdtemp(tmp));
    unit_write_file(tmp, "help/_includes/snippets.md", "## Word {#word}\n\nfrom above the source\n");
    unit_write_file(tmp, "bundle/en/TOC.md", "# Bundle\n\n- [Page](page.md)\n");
    unit_write_file(tmp, "bundle/en/page.md", "# Page\n\nSay {{word}}.\n");
    unit_write_file(tmp, "site.en/help/_includes/snippets.md", "## Word {#word}\n\nfrom the source\n");
    unit_write_file(tmp, "site.en/help/g/TOC.md", "# G\n\n- [Page](page.md)\n");
    unit_write_file(tmp, "site.en/help/g/page.md", "# Page\n\nSay {{word}}.\n");
    unit_write_file(tmp, "linked.en/help/g/page.md", "# Page\n\nSay {{word}}.\n");
    unit_write_file(tmp, "linked.en/help/_includes/README.md", "A snippets file linked out.\n");
    char *from = gn_xasprintf("%s/help/_includes/snippets.md", tmp);
    char *link = gn_xasprintf("%s/linked.en/help/_includes/snippets.md", tmp);
    assert_int_equal(symlink(from, link), 0);
    char *bundle = gn_xasprintf("%s/bundle/en", tmp), *site = gn_xasprintf("%s/site.en", tmp);
    static const struct { const char *page; int repo; const char *want, *not; } cases[] = {
        {"bundle/en/page.md", 0, "Say", "from above"},
        {"bundle/en/page.md", 1, "Say", "from above"},
        {"site.en/help/g/page.md", 0, "from the source", "from above"},
        {"site.en/help/g/page.md", 2, "from the source", "from above"},
        {"linked.en/help/g/page.md", 0, "Say", "from above"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *repo = cases[i].repo == 1 ? bundle : cases[i].repo == 2 ? site : NULL;
        char *out = render_page(tmp, cases[i].page, repo);
        if (!strstr(out, cases[i].want) || strstr(out, cases[i].not))
            fail_msg("%s (repo %s): %s", cases[i].page, repo ? repo : "none", out);
        free(out);
    }
    free(from);
    free(link);
    free(bundle);
    free(site);
    unit_remove_tree(tmp);
}

/* Slugs are folded the same in every locale: tr_TR.UTF-8's tolower leaves
 * 'I' as it is (its lower case is the dotless ı), and an 8-bit locale's
 * would change the bytes of UTF-8 sequences. */
static void test_slugs_ignore_the_locale(void **state)
{
    (void)state;
    static const char *const locales[] = {"tr_TR.UTF-8", "en_US.ISO-8859-1"};
    int tried = 0;
    for (size_t i = 0; i < 2; i++) {
        if (!unit_use_locale(locales[i])) {
            print_message("# %s is not available: not tried\n", locales[i]);
            continue;
        }
        tried++;
        gn_doc doc;
        free(render("## Install Items\n\n## \xC3\x89tape \xC4\xB0ki\n", 80, "en", &doc));
        long found[3] = {gn_doc_find_anchor(&doc, "install-items"),
                         gn_doc_find_anchor(&doc, "INSTALL-ITEMS"),
                         gn_doc_find_anchor(&doc, "\xC3\x89tape-\xC4\xB0ki")};
        setlocale(LC_CTYPE, "C");
        gn_doc_free(&doc);
        if (found[0] != 0 || found[1] != -1 || found[2] != 1)
            fail_msg("%s: install-items %ld, INSTALL-ITEMS %ld, \xC3\x89tape-\xC4\xB0ki %ld",
                     locales[i], found[0], found[1], found[2]);
    }
    /* In the C locale too. */
    gn_doc doc;
    free(render("## Install Items\n", 80, "en", &doc));
    assert_int_equal(gn_doc_find_anchor(&doc, "install-items"), 0);
    gn_doc_free(&doc);
    if (!tried)
        skip();
}

/* A document laid out with ASCII marks is painted in ASCII when the
 * locale's character set is not UTF-8: no byte from 0x80 up, so none an
 * 8-bit terminal takes for a C1 control (0x9B CSI, 0x9D OSC, 0x9C ST), and
 * each character keeps its columns. With UTF-8, the text is as it is. */
static void test_ascii_paint_in_an_8bit_locale(void **state)
{
    (void)state;
    /* "‛", "”" and "✜", whose UTF-8 holds 0x9B, 0x9D and 0x9C; a wide
     * "日"; an e with a combining acute. */
    const char *md = "# T\n\nA \xE2\x80\x9B q \xE2\x80\x9D \xE2\x9C\x9C \xE6\x97\xA5 e\xCC\x81.\n";
    cmark_node *root = gn_markdown_parse(md, strlen(md));
    gn_doc doc;
    gn_layout_opts o = {.width = 40, .lang = "en", .ascii = true};
    gn_layout(root, &o, &doc);
    cmark_node_free(root);
    const char *locales[] = {"C", "en_US.ISO-8859-1"};
    for (size_t i = 0; i < 2; i++) {
        if (!unit_use_locale(locales[i])) {
            print_message("# %s is not available: not tried\n", locales[i]);
            continue;
        }
        size_t len;
        gn_config c;
        gn_config_defaults(&c, NULL);
        char *out = painted(&doc, c.colors, &len);
        gn_config_free(&c);
        setlocale(LC_CTYPE, "C");
        for (size_t k = 0; k < len; k++)
            if ((unsigned char)out[k] >= 0x80)
                fail_msg("%s: byte 0x%02X at %zu in: %s", locales[i], (unsigned char)out[k], k, out);
        assert_non_null(strstr(out, "A ? q ? ? ?? e."));
        free(out);
    }
    /* In a UTF-8 locale, ASCII marks (--ascii) leave the text as it is. */
    if (unit_use_locale("C.UTF-8")) {
        size_t len;
        char *out = painted(&doc, NULL, &len);
        setlocale(LC_CTYPE, "C");
        assert_non_null(strstr(out, "A \xE2\x80\x9B q"));
        free(out);
    }
    gn_doc_free(&doc);
}

/* --dump's colours are the configuration's: the dark theme's by default,
 * a file's 256 and bright colours and attributes, none with the theme
 * none (the layout's own attributes stay); Japanese and Korean headings
 * alike. */
static void test_paint_colors(void **state)
{
    (void)state;
    const char *md = "# 注文\n\n## 주문 **Orders**\n\nSee `code`.\n";
    cmark_node *root = gn_markdown_parse(md, strlen(md));
    gn_doc doc;
    gn_layout_opts o = {.width = 40, .lang = "ja-JP"};
    gn_layout(root, &o, &doc);
    cmark_node_free(root);
    struct {
        const char *file;
        const char *title, *heading, *code;
    } cases[] = {
        {"", "\033[0;1;4;34m注文", "\033[0;1;34m주문", "\033[0;33mcode"},
        {"colors: {heading: 208 on 236 reverse, code: bright-red}\n",
         "\033[0;1;4;7;38;5;208;48;5;236m注文", "\033[0;1;7;38;5;208;48;5;236m주문",
         "\033[0;91mcode"},
        {"colors: {theme: none}\n", "\033[0;1;4m注文", "\033[0;1m주문", "\033[0mcode"},
        {"colors: {theme: light, link: cyan}\n", "\033[0;1;4;34m注文", "\033[0;1;34m주문",
         "\033[0;31mcode"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_config c;
        gn_error err;
        assert_int_equal(gn_config_parse(&c, "cfg.yaml", cases[i].file, strlen(cases[i].file),
                                         NULL, &err), 0);
        size_t len;
        char *out = painted(&doc, c.colors, &len);
        if (!strstr(out, cases[i].title) || !strstr(out, cases[i].heading) ||
            !strstr(out, cases[i].code))
            fail_msg("case %zu: %s", i, out);
        free(out);
        gn_config_free(&c);
    }
    gn_doc_free(&doc);
}

/* Tables with empty cells, GFM and HTML, at every width from columns down
 * to records: each cell's text is there and nothing is read out of
 * bounds (an empty cell has no lines; the sanitizer build checks that). */
static void test_empty_cells(void **state)
{
    (void)state;
    const char *md = "| 名前 | 값 | c | d | e |\n|---|---|---|---|---|\n| a |  | 日本 |  | 한국 |\n\n"
                     "<table><tr><th>名前</th><th>값</th></tr><tr><td></td><td>x</td></tr>"
                     "<tr><th><td>y</td></th></tr></table>\n";
    for (int width = 2; width <= 40; width++) {
        char *out = render(md, width, "ja", NULL);
        if (width >= 8 && (!strstr(out, "日本") || !strstr(out, "한국") || !strstr(out, "x")))
            fail_msg("width %d: a cell's text is missing:\n%s", width, out);
        free(out);
    }
}

/* The lines alone (--dump): the same text painted, at every width, and
 * no paragraph recorded. */
static void test_lines_only(void **state)
{
    (void)state;
    cmark_node *root = gn_markdown_parse(mixed_page, strlen(mixed_page));
    for (int width = 12; width <= 131; width += 17) {
        gn_doc all, lines;
        gn_layout_opts o = {.width = width, .lang = "ja-JP"};
        gn_layout(root, &o, &all);
        o.lines_only = true;
        gn_layout(root, &o, &lines);
        size_t n1, n2;
        char *a = painted(&all, NULL, &n1), *b = painted(&lines, NULL, &n2);
        assert_true(all.npars > 0 && all.npieces > 0);
        assert_int_equal(lines.npars, 0);
        assert_int_equal(lines.npieces, 0);
        assert_int_equal(lines.ptext.len, 0);
        assert_int_equal(n1, n2);
        assert_memory_equal(a, b, n1);
        free(a);
        free(b);
        gn_doc_free(&all);
        gn_doc_free(&lines);
    }
    cmark_node_free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_width_fits),
        cmocka_unit_test(test_adobe_markup),
        cmocka_unit_test(test_markup_spaces),
        cmocka_unit_test(test_headings_and_sections),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_cjk_wrapping),
        cmocka_unit_test(test_zero_width),
        cmocka_unit_test(test_code_block_wraps_with_marker),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_quote_and_alert),
        cmocka_unit_test(test_alert_labels_fit),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_table_keeps_words),
        cmocka_unit_test(test_table_records_edge),
        cmocka_unit_test(test_table_identifiers),
        cmocka_unit_test(test_table_list_cell),
        cmocka_unit_test(test_table_code_in_item),
        cmocka_unit_test(test_message),
        cmocka_unit_test(test_controls_are_visible),
        cmocka_unit_test(test_snippets_stay_in_the_source),
        cmocka_unit_test(test_slugs_ignore_the_locale),
        cmocka_unit_test(test_ascii_paint_in_an_8bit_locale),
        cmocka_unit_test(test_paint_colors),
        cmocka_unit_test(test_empty_cells),
        cmocka_unit_test(test_lines_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
