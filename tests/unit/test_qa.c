/* test_qa.c: the translation checks, block by block: for each kind a real
 * fault found at its line, and acceptable differences not reported (a
 * translated link text, a localized URL, a date in the locale's form,
 * "2,5" for "2.5" in de-DE); Japanese and Korean translations; a copy of
 * the reference gives nothing. */
#include "unit.h"
#include "guidenav/number.h"
#include "guidenav/page.h"
#include "guidenav/qa.h"

/* The findings of translation tr (locale lang) against reference ref, one
 * "LINE KIND: detail" line each. Newly allocated. */
static char *qa(const char *ref, const char *tr, const char *lang)
{
    const char *text[2] = {ref, tr};
    const char *langs[2] = {"en", lang};
    gn_doc doc[2];
    gn_qa_page *page[2];
    gn_page pg[2];
    for (int i = 0; i < 2; i++) {
        gn_error err;
        assert_int_equal(gn_page_parse("page.md", text[i], strlen(text[i]), &pg[i], &err), 0);
        gn_layout_opts o = {.width = 60, .lang = langs[i], .line_offset = pg[i].body_line - 1};
        gn_layout(pg[i].doc, &o, &doc[i]);
        page[i] = gn_qa_page_new(&pg[i], text[i], strlen(text[i]), &doc[i], langs[i]);
    }
    gn_qa_findings f = {0};
    gn_block_pair *pairs;
    size_t n = gn_align_block_pairs(&doc[0], &doc[1], &pairs);
    gn_qa_compare(page[0], page[1], pairs, n, true, &f);
    free(pairs);
    gn_buf out = GN_BUF_INIT;
    for (size_t i = 0; i < f.n; i++)
        gn_buf_addf(&out, "%d %s: %s\n", f.v[i].line, gn_qa_kind_name(f.v[i].kind), f.v[i].detail);
    gn_buf_adds(&out, "");
    gn_qa_findings_free(&f);
    for (int i = 0; i < 2; i++) {
        gn_qa_page_free(page[i]);
        gn_doc_free(&doc[i]);
        gn_page_free(&pg[i]);
    }
    return gn_buf_take(&out);
}

static void expect(const char *ref, const char *tr, const char *lang, const char *want)
{
    char *got = qa(ref, tr, lang);
    if (strcmp(got, want) != 0)
        print_error("ref:\n%s\ntr (%s):\n%s\n", ref, lang, tr);
    assert_string_equal(got, want);
    free(got);
}

static void test_uicontrol(void **state)
{
    (void)state;
    const char *en = "# Save\n\nClick [!UICONTROL **Save**] and then [!UICONTROL Close].\n";
    /* The label translated and its marker lost; a label changed. */
    expect(en, "# Speichern\n\nKlicken Sie auf **Speichern** und dann [!UICONTROL Close].\n", "de-DE",
           "3 uicontrol: \"Save\" missing\n");
    expect(en, "# 保存\n\n[!UICONTROL 保存]をクリックし、[!UICONTROL Close]をクリックします。\n", "ja-JP",
           "3 uicontrol: \"Save\" changed to \"保存\"\n");
    /* Kept, with emphasis moved outside and an entity for a space: fine. */
    expect(en, "# 저장\n\n**[!UICONTROL Save]**을(를) 클릭한 다음 [!UICONTROL&#32;Close]를 클릭합니다.\n",
           "ko-KR", "");
    expect("Use [!DNL Channel Manager] here.\n", "Verwenden Sie hier [!DNL Kanal-Manager].\n",
           "de-DE", "1 uicontrol: \"Channel Manager\" changed to \"Kanal-Manager\"\n");
}

static void test_link(void **state)
{
    (void)state;
    const char *en = "# Links\n\nSee [the guide](https://example.com/en/docs/guide.html) and\n"
                     "[settings](settings.md#options).\n";
    /* Translated link texts and a localized URL: fine. */
    expect(en, "# リンク\n\n[ガイド](https://example.com/ja/docs/guide.html?lang=ja)と\n"
               "[設定](settings.md#options)を参照してください。\n", "ja-JP", "");
    /* A link whose markup broke (its URL, an autolink now, is kept), and a
     * target changed. */
    expect(en, "# Links\n\nSiehe [Handbuch ](https://example.com/de/docs/guide.html) [und\n"
               "[Einstellungen](settings.md#optionen).\n", "de-DE",
           "3 markup: unbalanced brackets\n"
           "4 link: settings.md#options changed to settings.md#optionen\n");
    expect(en, "# Links\n\nSiehe Handbuch ](https://example.com/de/docs/guide.html) und\n"
               "[Einstellungen](settings.md#options).\n", "de-DE",
           "3 markup: \"](\" left in the text (a link that did not parse)\n"
           "3 markup: unbalanced brackets\n");
}

static void test_code(void **state)
{
    (void)state;
    const char *en = "Send `initiateCheckout` and `signOut` events.\n";
    expect(en, "`initiateCheckout` 및 `signOut` 이벤트를 보냅니다.\n", "ko-KR", "");
    expect(en, "`initiativeCheckout` イベントと 'サインアウト' イベントを送信します。\n", "ja-JP",
           "1 code: `initiateCheckout` changed to `initiativeCheckout`\n"
           "1 code: `signOut` missing\n");
}

static void test_number(void **state)
{
    (void)state;
    const char *en = "## 3.2.0\n\nThe rate is 2.5 percent of 1,000 orders, since March 15, 2024 "
                     "(2024-03-15).\n";
    /* A decimal comma, a thousands dot, a date in the locale's form. */
    expect(en, "## 3.2.0\n\nDer Satz beträgt 2,5 Prozent von 1.000 Bestellungen, seit dem "
               "15. März 2024 (15.03.2024).\n", "de-DE", "");
    expect(en, "## 3.2.0\n\n2024年3月15日以降、1,000件の注文の2.5パーセントです（2024-03-15）。\n",
           "ja-JP", "");
    /* A version mangled, a number dropped. */
    expect(en, "## 3,2,0\n\nDer Satz beträgt 2,5 Prozent der Bestellungen, seit dem 15. März 2024 "
               "(15.03.2024).\n", "de-DE",
           "1 number: 3.2.0 changed to 3,2,0\n3 number: 1,000 missing\n");
    /* "2,5" in Japanese is not 2.5. */
    expect("Use 2.5 here.\n", "ここでは 2,5 を使います。\n", "ja-JP",
           "1 number: 2.5 changed to 2,5\n");
}

/* Blocks inside collapsible blocks ("+++Title" ... "+++") are checked as
 * any other: their lines are known though cmark did not parse the block,
 * nested ones included. */
static void test_collapsible(void **state)
{
    (void)state;
    const char *en = "# Notes\n\n+++Version 2.1\n\nSet the limit to 1,000 orders.\n\n"
                     "+++Details\nSee [the guide](guide.md).\n+++\n\n+++\n\nAfter.\n";
    expect(en, "# 注記\n\n+++バージョン 2.1\n\n上限を 1,000 件の注文に設定します。\n\n"
               "+++詳細\n[ガイド](guide.md)を参照してください。\n+++\n\n+++\n\n後。\n", "ja-JP", "");
    expect(en, "# 메모\n\n+++버전 2.1\n\n한도를 주문 100건으로 설정합니다.\n\n"
               "+++세부 정보\n가이드를 참조하십시오.\n+++\n\n+++\n\n후.\n", "ko-KR",
           "3 link: guide.md missing\n5 number: 1,000 changed to 100\n");
}

static void test_markup(void **state)
{
    (void)state;
    const char *en = "# Setup\n\nOpen the [Commerce Services Connector](https://example.com/saas) "
                     "and save the key (it is secret).\n";
    expect(en, "# 設定\n\n[Commerce Services Connector](https://example.com/saas) を開き、"
               "キーを保存します（秘密です）。\n", "ja-JP", "");
    expect(en, "# 設定\n\n[Commerce サービス](https://example.com/saas)0}Commerce サービスコネクタ }"
               "を開き、キー (秘密 を保存します。\n", "ja-JP",
           "3 markup: a '}' that closes nothing\n"
           "3 markup: a numbered placeholder\n"
           "3 markup: unbalanced parentheses\n");
    /* Emphasis left as text: "_x_word" in German, "*x**" in Japanese. */
    expect("Open the _[!UICONTROL Store View]_ tab.\n",
           "Öffnen Sie die Registerkarte _[!UICONTROL Store View]_nach.\n", "de-DE",
           "1 markup: an emphasis marker left as text\n");
    /* A run slipped inside the label's brackets is read outside them (the
     * label kept), and reported. */
    expect("Select **[!UICONTROL Orders]**.\n", "*[!UICONTROL *Orders]**を選択します。\n", "ja-JP",
           "1 markup: an emphasis marker inside a label's brackets\n");
    expect("Select **[!UICONTROL Orders]**.\n", "**[!UICONTROL Orders]**을(를) 선택합니다.\n", "ko-KR",
           "");
}

static void test_untranslated(void **state)
{
    (void)state;
    const char *en = "# Orders\n\nThe orders list shows every order of the store.\n\n"
                     "Use [!DNL Channel Manager] and [!DNL Walmart Marketplace].\n\n"
                     "```\ncurl the orders endpoint now\n```\n";
    /* A paragraph left in English; product names only and code are not. */
    expect(en, "# 注文\n\nThe orders list shows every order of the store.\n\n"
               "Use [!DNL Channel Manager] and [!DNL Walmart Marketplace].\n\n"
               "```\ncurl the orders endpoint now\n```\n", "ja-JP",
           "3 untranslated: the same text as the reference: The orders list shows every order of the…\n");
}

/* A translation that is an exact copy of the reference has no finding but
 * untranslated ones. */
static void test_copy(void **state)
{
    (void)state;
    const char *en = "# Title {#title}\n\n| Field | Value |\n|---|---|\n| Rate | 2.5 |\n"
                     "| Link | [here](a.md) `code` [!UICONTROL Save] |\n\n"
                     "- item (one) [x](b.md)\n- item 1,000\n";
    char *got = qa(en, en, "de-DE");
    assert_null(strstr(got, " uicontrol:"));
    assert_null(strstr(got, " link:"));
    assert_null(strstr(got, " code:"));
    assert_null(strstr(got, " number:"));
    assert_null(strstr(got, " markup:"));
    assert_non_null(strstr(got, " untranslated:"));
    free(got);
}

/* gn_numbers: readings of both conventions, dates in parts. */
static void on_num(size_t off, size_t len, const char *point, const char *comma, void *ctx)
{
    gn_buf_addf(ctx, "[%zu+%zu %s|%s]", off, len, point, comma);
}

static void test_numbers(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"1,000.50", "[0+8 1000.5|1,000.50]"},
        {"5.00 et 1 000 et 2,50", "[0+4 5|5.00][8+5 1 000|1000][17+4 2,50|2.5]"},
        {"2,5 und 1.000", "[0+3 2,5|2.5][8+5 1|1000]"},
        {"v3.2.0", "[1+5 3.2.0|3.2.0]"},
        {"15.03.2024", "[0+10 15|15][0+10 3|3][0+10 2024|2024]"},
        {"007 and 1 0000", "[0+3 7|7][8+1 1|1][10+4 0|0]"},
        {"１２３件", "[0+9 123|123]"},
        {"end 5.", "[4+1 5|5]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_numbers(cases[i].in, strlen(cases[i].in), on_num, &b);
        gn_buf_adds(&b, "");
        assert_string_equal(b.data, cases[i].want);
        gn_buf_free(&b);
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uicontrol),
        cmocka_unit_test(test_link),
        cmocka_unit_test(test_code),
        cmocka_unit_test(test_number),
        cmocka_unit_test(test_markup),
        cmocka_unit_test(test_untranslated),
        cmocka_unit_test(test_copy),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_collapsible),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
