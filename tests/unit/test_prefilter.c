/* test_prefilter.c: the prefilter's decisions on raw Markdown (whether a
 * page may hold a query in any rendering), each checked against the page
 * as the search reads it: a page whose laid-out text holds the query must
 * always be read. Japanese and Korean pages among them; the pages of
 * tests/fixtures/search and the render fixtures swept with every query of
 * queries.txt. */
#include <dirent.h>
#include "unit.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/prefilter.h"
#include "guidenav/search.h"

/* ---- helpers ----------------------------------------------------------- */

/* Whether the search finds query in the page source md (front matter
 * allowed) of locale lang, laid out as the search lays pages out. */
static bool search_finds(const char *md, const char *lang, const char *path, const char *query)
{
    gn_page page;
    gn_error err;
    if (gn_page_parse(path ? path : "page.md", md, strlen(md), &page, &err) != 0) {
        gn_page_free(&page);
        return false;
    }
    gn_layout_opts o = {.width = 10000, .lang = lang, .path = path,
                        .line_offset = page.body_line - 1, .pars_only = true};
    gn_doc doc;
    gn_layout(page.doc, &o, &doc);
    gn_query q;
    assert_true(gn_query_init(&q, query));
    bool found = false;
    for (size_t i = 0; i < doc.npars && !found; i++) {
        gn_match *m;
        found = gn_search(&q, doc.ptext.data + doc.pars[i].off, doc.pars[i].len, &m) > 0;
        free(m);
    }
    gn_query_free(&q);
    gn_doc_free(&doc);
    gn_page_free(&page);
    return found;
}

/* The prefilter's answer for query on md of locale lang; fails the test
 * when the search finds the query and the prefilter says no. */
static bool may(const char *md, const char *lang, const char *query)
{
    gn_query q;
    assert_true(gn_query_init(&q, query));
    gn_prefilter *p = gn_prefilter_new(&q, lang);
    bool answer = gn_prefilter_may_match(p, md, strlen(md));
    gn_prefilter_free(p);
    gn_query_free(&q);
    if (!answer && search_finds(md, lang, NULL, query))
        fail_msg("the prefilter skips a page holding \"%s\":\n%s", query, md);
    return answer;
}

/* The page is read for query, and the search finds it there. */
#define assert_found(md, lang, query)                                     \
    do {                                                                  \
        assert_true(may(md, lang, query));                                \
        assert_true(search_finds(md, lang, NULL, query));                 \
    } while (0)
/* The page is not read for query. */
#define assert_skipped(md, lang, query) assert_false(may(md, lang, query))

/* ---- decisions --------------------------------------------------------- */

static void test_plain_words(void **state)
{
    (void)state;
    const char *md = "# Orders\n\nOrders ship daily from the warehouse.\n";
    assert_found(md, "en", "ship daily");
    assert_found(md, "en", "Orders"); /* exact: as written */
    assert_skipped(md, "en", "refund");
    assert_skipped(md, "en", "ORDERS");     /* exact: capitals as typed */
    assert_skipped(md, "en", "ship weekly");
    assert_skipped(md, "en", "daily ship"); /* the order of the words counts */
}

static void test_markup_inside_words(void **state)
{
    (void)state;
    assert_found("Every **bo**ld move.\n", "en", "bold move");
    assert_found("A *quick*\nbrown fox.\n", "en", "quick brown");
    assert_found("The [Sho](shop.md \"Shop title\")p keeps a copy.\n", "en", "shop keeps");
    assert_found("See [the order][ord] list.\n\n[ord]: orders.md\n", "en", "order list");
    assert_found("A comment<!-- hidden note -->sits inside.\n", "en", "commentsits");
    assert_found("A <span class=\"x>y\">tagged</span> word.\n", "en", "a tagged word");
    assert_found("Escaped \\[brackets\\] and 1\\. stay.\n", "en", "[brackets]");
    assert_found("## Title {#anchor}\n", "en", "title");
    assert_found("Open [!UICONTROL Sales] > [!UICONTROL Orders].\n", "en", "sales > orders");
    assert_found("The [!DNL Corner Shop] team.\n", "en", "corner shop team");
    assert_found("| a | b |\n|---|---|\n| pla*ced* | x |\n", "en", "placed");
    /* What the layout may drop (a link's target, a comment, which code
     * shows) is read both ways: at worst a page is read for nothing. */
    assert_true(may("See [the page](https://example.com/refund).\n", "en", "refund"));
    assert_true(may("Text<!-- refund -->here.\n", "en", "texthere"));
    assert_skipped("See [the page](https://example.com/refund).\n", "en", "invoice");
}

static void test_entities(void **state)
{
    (void)state;
    assert_found("A Caf&#233; cr&#xE8;me.\n", "en", "café crème");
    assert_found("Fish &amp; Chips &copy; Shop.\n", "en", "fish & chips ©");
    assert_found("Corner&nbsp;Shop\n", "en", "corner\xc2\xa0shop");
    assert_found("Bidi &#x202E;control.\n", "en", "<U+202E>control");
    /* Written as it is in code. */
    assert_found("Type `&amp;` here.\n", "en", "&amp;");
    assert_found("Type `&#233;` here.\n", "en", "#233");
    /* A named entity the HTML reader does not know, or one standing for
     * Adobe markup: read, whatever the query. */
    assert_true(may("A caf&eacute; sign.\n", "en", "zebra"));
    assert_true(may("&#91;!UICONTROL x&#93; y\n", "en", "zebra"));
    assert_skipped("Fish &amp; Chips.\n", "en", "zebra");
}

static void test_case_folding(void **state)
{
    (void)state;
    assert_found("STRASSE und Straße.\n", "de-DE", "straße");
    assert_found("Η ΣΎΝΟΨΗ της παραγγελίας.\n", "el-GR", "σύνοψη");
    assert_found("Каждый ЗАКАЗ начинается.\n", "ru-RU", "заказ");
    assert_found("Fullwidth ＡＢＣ.\n", "ja-JP", "ａｂｃ");
    assert_skipped("Каждый ЗАКАЗ начинается.\n", "ru-RU", "Заказ"); /* exact */
    assert_skipped("Η σύνοψη.\n", "el-GR", "παραγγελία");
}

static void test_japanese(void **state)
{
    (void)state;
    const char *md = "# 注文と返品\n\nすべての**注文**は確認メールで始まります。注文履歴は\n"
                     "アカウントページにあります。\n\n[!UICONTROL 注文を保存]を選択します。\n";
    assert_found(md, "ja-JP", "注文");
    assert_found(md, "ja-JP", "注文履歴はアカウント"); /* across the soft line break */
    assert_found(md, "ja-JP", "注文を保存を選択");
    assert_skipped(md, "ja-JP", "返金");
    assert_skipped(md, "ja-JP", "注意"); /* no alert: no label */
    assert_skipped("返金には&#x4E09;日かかります。\n", "ja-JP", "四日");
    assert_found("返金には&#x4E09;日かかります。\n", "ja-JP", "三日");
    assert_found(">[!NOTE]\n>\n>返金には三日かかります。\n", "ja-JP", "メモ");
}

static void test_korean(void **state)
{
    (void)state;
    const char *md = "# 주문 및 반품\n\n모든 **주문**은 확인 메일로 시작됩니다. 주문\n"
                     "내역은 계정 페이지에 있습니다.\n\n[!DNL 코너 숍](으)로 이동합니다.\n";
    assert_found(md, "ko-KR", "주문");
    assert_found(md, "ko-KR", "주문내역");      /* the soft break joins them */
    assert_found(md, "ko-KR", "코너 숍(으)로");
    assert_skipped(md, "ko-KR", "환불");
    assert_skipped(md, "ko-KR", "내역 주문");
    assert_found(">[!IMPORTANT]\n>\n>환불은 사흘이 걸립니다.\n", "ko-KR", "중요");
    assert_skipped(">[!IMPORTANT]\n>\n>환불은 사흘이 걸립니다.\n", "ko-KR", "참고");
}

static void test_added_text(void **state)
{
    (void)state;
    const char *img = "![Receipt diagram](images/receipt-sample.png){width=\"600\"}\n";
    assert_found(img, "en", "image: receipt diagram (receipt-sample.png)");
    assert_skipped(img, "en", "invoice");
    assert_found(">[!TAB Windows]\n", "en", "\xe2\x96\xb8 windows");
    assert_found(">[!NOTE]\n>\n>Refunds take days.\n", "en", "Note");
    assert_found(">[!VIDEO](https://video.example/v/1)\n", "de-DE", "video: https");
    assert_skipped("Refunds take days.\n", "en", "Note");
}

static void test_always_read(void **state)
{
    (void)state;
    /* A snippet's text comes from another file; a reference definition
     * gives an image its name from elsewhere in the page. */
    assert_true(may("Hello {{greeting}} there.\n", "en", "zebra"));
    assert_true(may("![x][logo]\n\n[logo]: images/zebra.png\n", "en", "zebra"));
    /* Markup alone, or what sanitizing makes: any page may match. */
    assert_true(may("Nothing here.\n", "en", "->"));
    assert_true(may("Nothing here.\n", "en", "\xef\xbf\xbd"));
    assert_true(may("Nothing here.\n", "en", "\xe2\x90\x9b"));
}

/* ---- sweeps --------------------------------------------------------------- */

/* Every query of tests/fixtures/search/queries.txt on the page at path of
 * locale lang: never skipped where the search finds it. */
static void sweep_page(const char *path, const char *lang, char **queries, size_t nq, size_t *found,
                       size_t *skipped)
{
    char *md;
    size_t len;
    gn_error err;
    assert_int_equal(gn_read_file(path, &md, &len, &err), 0);
    for (size_t i = 0; i < nq; i++) {
        gn_query q;
        if (!gn_query_init(&q, queries[i]))
            continue;
        gn_prefilter *p = gn_prefilter_new(&q, lang);
        bool answer = gn_prefilter_may_match(p, md, len);
        bool finds = search_finds(md, lang, path, queries[i]);
        if (finds && !answer)
            fail_msg("%s: skipped for \"%s\", which it holds", path, queries[i]);
        *found += finds;
        *skipped += !answer;
        gn_prefilter_free(p);
        gn_query_free(&q);
    }
    free(md);
}

static void test_sweep_fixtures(void **state)
{
    (void)state;
    char *text;
    size_t len;
    gn_error err;
    assert_int_equal(gn_read_file(GN_FIXTURES "/search/queries.txt", &text, &len, &err), 0);
    char **queries = NULL;
    size_t nq = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        queries = gn_xreallocarray(queries, nq + 1, sizeof *queries);
        queries[nq++] = line;
    }
    static const char *const locales[] = {"en", "ja-JP", "ko-KR", "el-GR", "ru-RU", "zh-Hans"};
    static const char *const pages[] = {"orders.md", "markup.md"};
    size_t found = 0, skipped = 0;
    for (size_t l = 0; l < sizeof locales / sizeof *locales; l++)
        for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
            char *path = gn_xasprintf(GN_FIXTURES "/search/shop.%s/help/store/%s", locales[l],
                                      pages[k]);
            if (access(path, R_OK) == 0)
                sweep_page(path, locales[l], queries, nq, &found, &skipped);
            free(path);
        }
    static const char *const render[][2] = {
        {"tests/render/alerts.md", "en"}, {"tests/render/features.md", "en"},
        {"tests/render/html-table.md", "en"}, {"tests/render/inline.md", "en"},
        {"tests/render/ja-JP/guide-page.md", "ja-JP"}, {"tests/render/ko-KR/guide-page.md", "ko-KR"},
        {"tests/render/ja-JP/table-cells.md", "ja-JP"}, {"tests/render/ko-KR/table-cells.md", "ko-KR"},
    };
    for (size_t i = 0; i < sizeof render / sizeof *render; i++)
        sweep_page(render[i][0], render[i][1], queries, nq, &found, &skipped);
    /* The sweep means something: queries found, and pages skipped. */
    assert_true(found > 50);
    assert_true(skipped > 500);
    free(queries);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_words),
        cmocka_unit_test(test_markup_inside_words),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_case_folding),
        cmocka_unit_test(test_japanese),
        cmocka_unit_test(test_korean),
        cmocka_unit_test(test_added_text),
        cmocka_unit_test(test_always_read),
        cmocka_unit_test(test_sweep_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
