/* test_emphasis.c: emphasis next to Japanese, Korean and Chinese text
 * follows the CJK-friendly flanking rules (emphasis.h), on either side of
 * a run and next to CJK punctuation, in paragraphs, headings, table cells
 * and TOC text; asterisks stay literal in code, HTML, URLs and escapes;
 * and every emphasis example of the CommonMark spec is styled as the spec
 * says, as it was before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/paint.h"
#include "guidenav/para.h"
#include "guidenav/util.h"

/* A block's text as guidenav styles it (gn_para_collect, then Adobe
 * markup): each run of styled text is written "{FLAGS:text}", FLAGS among
 * E (emphasis), S (strong), C (code), L (link), U (UI label), X (strike);
 * other text as it is. The caller frees it. */
static char *styled_block(cmark_node *block)
{
    static const struct {
        uint32_t bit;
        char letter;
    } flags[] = {{GN_ST_EMPH, 'E'}, {GN_ST_STRONG, 'S'},    {GN_ST_CODE, 'C'},
                 {GN_ST_LINK, 'L'}, {GN_ST_UICONTROL, 'U'}, {GN_ST_STRIKE, 'X'}};
    gn_para p = {0};
    gn_para_collect(&p, block, 0, 0);
    gn_para_markup(&p);
    gn_buf out = GN_BUF_INIT;
    gn_buf_adds(&out, "");
    uint32_t cur = 0;
    for (size_t i = 0; i < p.text.len; i++) {
        uint32_t st = 0;
        for (size_t f = 0; f < sizeof flags / sizeof *flags; f++)
            st |= p.style[i] & flags[f].bit;
        if (st != cur) {
            if (cur)
                gn_buf_addc(&out, '}');
            if (st) {
                gn_buf_addc(&out, '{');
                for (size_t f = 0; f < sizeof flags / sizeof *flags; f++)
                    if (st & flags[f].bit)
                        gn_buf_addc(&out, flags[f].letter);
                gn_buf_addc(&out, ':');
            }
            cur = st;
        }
        gn_buf_addc(&out, p.text.data[i]);
    }
    if (cur)
        gn_buf_addc(&out, '}');
    gn_para_free(&p);
    return gn_buf_take(&out);
}

/* The first block of md (a paragraph or heading), styled; md parsed as a
 * page is, or as a TOC is when toc. The caller frees it. */
static char *styled_as(const char *md, bool toc)
{
    cmark_node *doc = gn_markdown_parse_with(md, strlen(md), !toc);
    assert_non_null(doc);
    cmark_node *block = cmark_node_first_child(doc);
    assert_non_null(block);
    char *s = styled_block(block);
    cmark_node_free(doc);
    return s;
}

typedef struct example {
    const char *md, *want;
} example;

/* Every example styled as wanted; a failure names the example. */
static void check_examples(const char *what, const example *ex, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = styled_as(ex[i].md, false);
        if (strcmp(got, ex[i].want) != 0)
            print_message("%s example %zu: \"%s\"\n", what, i + 1, ex[i].md);
        assert_string_equal(got, ex[i].want);
        free(got);
    }
}

/* The emphasis examples of the CommonMark spec (the GFM spec 0.29 that
 * Debian's cmark-gfm implements, rules 1 to 17), each with the styled
 * text of the spec's HTML: nested emphasis of one kind is one style here,
 * soft breaks are spaces, and raw HTML is not shown. */
static const example spec[] = {
    {"*foo bar*", "{E:foo bar}"},
    {"a * foo bar*", "a * foo bar*"},
    {"a*\"foo\"*", "a*\"foo\"*"},
    {"*\xc2\xa0" "a\xc2\xa0" "*", "*\xc2\xa0" "a\xc2\xa0" "*"},
    {"foo*bar*", "foo{E:bar}"},
    {"5*6*78", "5{E:6}78"},
    {"_foo bar_", "{E:foo bar}"},
    {"_ foo bar_", "_ foo bar_"},
    {"a_\"foo\"_", "a_\"foo\"_"},
    {"foo_bar_", "foo_bar_"},
    {"5_6_78", "5_6_78"},
    {"пристаням_стремятся_", "пристаням_стремятся_"},
    {"aa_\"bb\"_cc", "aa_\"bb\"_cc"},
    {"foo-_(bar)_", "foo-{E:(bar)}"},
    {"_foo*", "_foo*"},
    {"*foo bar *", "*foo bar *"},
    {"*foo bar\n*", "*foo bar *"},
    {"*(*foo)", "*(*foo)"},
    {"*(*foo*)*", "{E:(foo)}"},
    {"*foo*bar", "{E:foo}bar"},
    {"_foo bar _", "_foo bar _"},
    {"_(_foo)", "_(_foo)"},
    {"_(_foo_)_", "{E:(foo)}"},
    {"_foo_bar", "_foo_bar"},
    {"_пристаням_стремятся", "_пристаням_стремятся"},
    {"_foo_bar_baz_", "{E:foo_bar_baz}"},
    {"_(bar)_.", "{E:(bar)}."},
    {"**foo bar**", "{S:foo bar}"},
    {"** foo bar**", "** foo bar**"},
    {"a**\"foo\"**", "a**\"foo\"**"},
    {"foo**bar**", "foo{S:bar}"},
    {"__foo bar__", "{S:foo bar}"},
    {"__ foo bar__", "__ foo bar__"},
    {"__\nfoo bar__", "__ foo bar__"},
    {"a__\"foo\"__", "a__\"foo\"__"},
    {"foo__bar__", "foo__bar__"},
    {"5__6__78", "5__6__78"},
    {"пристаням__стремятся__", "пристаням__стремятся__"},
    {"__foo, __bar__, baz__", "{S:foo, bar, baz}"},
    {"foo-__(bar)__", "foo-{S:(bar)}"},
    {"**foo bar **", "**foo bar **"},
    {"**(**foo)", "**(**foo)"},
    {"*(**foo**)*", "{E:(}{ES:foo}{E:)}"},
    {"**Gomphocarpus (*Gomphocarpus physocarpus*, syn.\n*Asclepias physocarpa*)**",
     "{S:Gomphocarpus (}{ES:Gomphocarpus physocarpus}{S:, syn. }{ES:Asclepias physocarpa}{S:)}"},
    {"**foo \"*bar*\" foo**", "{S:foo \"}{ES:bar}{S:\" foo}"},
    {"**foo**bar", "{S:foo}bar"},
    {"__foo bar __", "__foo bar __"},
    {"__(__foo)", "__(__foo)"},
    {"_(__foo__)_", "{E:(}{ES:foo}{E:)}"},
    {"__foo__bar", "__foo__bar"},
    {"__пристаням__стремятся", "__пристаням__стремятся"},
    {"__foo__bar__baz__", "{S:foo__bar__baz}"},
    {"__(bar)__.", "{S:(bar)}."},
    {"*foo [bar](/url)*", "{E:foo }{EL:bar}"},
    {"*foo\nbar*", "{E:foo bar}"},
    {"_foo __bar__ baz_", "{E:foo }{ES:bar}{E: baz}"},
    {"_foo _bar_ baz_", "{E:foo bar baz}"},
    {"__foo_ bar_", "{E:foo bar}"},
    {"*foo *bar**", "{E:foo bar}"},
    {"*foo **bar** baz*", "{E:foo }{ES:bar}{E: baz}"},
    {"*foo**bar**baz*", "{E:foo}{ES:bar}{E:baz}"},
    {"*foo**bar*", "{E:foo**bar}"},
    {"***foo** bar*", "{ES:foo}{E: bar}"},
    {"*foo **bar***", "{E:foo }{ES:bar}"},
    {"*foo**bar***", "{E:foo}{ES:bar}"},
    {"foo***bar***baz", "foo{ES:bar}baz"},
    {"foo******bar*********baz", "foo{S:bar}***baz"},
    {"*foo **bar *baz* bim** bop*", "{E:foo }{ES:bar baz bim}{E: bop}"},
    {"*foo [*bar*](/url)*", "{E:foo }{EL:bar}"},
    {"** is not an empty emphasis", "** is not an empty emphasis"},
    {"**** is not an empty strong emphasis", "**** is not an empty strong emphasis"},
    {"**foo [bar](/url)**", "{S:foo }{SL:bar}"},
    {"**foo\nbar**", "{S:foo bar}"},
    {"__foo _bar_ baz__", "{S:foo }{ES:bar}{S: baz}"},
    {"__foo __bar__ baz__", "{S:foo bar baz}"},
    {"____foo__ bar__", "{S:foo bar}"},
    {"**foo **bar****", "{S:foo bar}"},
    {"**foo *bar* baz**", "{S:foo }{ES:bar}{S: baz}"},
    {"**foo*bar*baz**", "{S:foo}{ES:bar}{S:baz}"},
    {"***foo* bar**", "{ES:foo}{S: bar}"},
    {"**foo *bar***", "{S:foo }{ES:bar}"},
    {"**foo *bar **baz**\nbim* bop**", "{S:foo }{ES:bar baz bim}{S: bop}"},
    {"**foo [*bar*](/url)**", "{S:foo }{ESL:bar}"},
    {"__ is not an empty emphasis", "__ is not an empty emphasis"},
    {"____ is not an empty strong emphasis", "____ is not an empty strong emphasis"},
    {"foo ***", "foo ***"},
    {"foo *\\**", "foo {E:*}"},
    {"foo *_*", "foo {E:_}"},
    {"foo *****", "foo *****"},
    {"foo **\\***", "foo {S:*}"},
    {"foo **_**", "foo {S:_}"},
    {"**foo*", "*{E:foo}"},
    {"*foo**", "{E:foo}*"},
    {"***foo**", "*{S:foo}"},
    {"****foo*", "***{E:foo}"},
    {"**foo***", "{S:foo}*"},
    {"*foo****", "{E:foo}***"},
    {"foo ___", "foo ___"},
    {"foo _\\__", "foo {E:_}"},
    {"foo _*_", "foo {E:*}"},
    {"foo _____", "foo _____"},
    {"foo __\\___", "foo {S:_}"},
    {"foo __*__", "foo {S:*}"},
    {"__foo_", "_{E:foo}"},
    {"_foo__", "{E:foo}_"},
    {"___foo__", "_{S:foo}"},
    {"____foo_", "___{E:foo}"},
    {"__foo___", "{S:foo}_"},
    {"_foo____", "{E:foo}___"},
    {"**foo**", "{S:foo}"},
    {"*_foo_*", "{E:foo}"},
    {"__foo__", "{S:foo}"},
    {"_*foo*_", "{E:foo}"},
    {"****foo****", "{S:foo}"},
    {"____foo____", "{S:foo}"},
    {"******foo******", "{S:foo}"},
    {"***foo***", "{ES:foo}"},
    {"_____foo_____", "{ES:foo}"},
    {"*foo _bar* baz_", "{E:foo _bar} baz_"},
    {"*foo __bar *baz bim__ bam*", "{E:foo }{ES:bar *baz bim}{E: bam}"},
    {"**foo **bar baz**", "**foo {S:bar baz}"},
    {"*foo *bar baz*", "*foo {E:bar baz}"},
    {"*[bar*](/url)", "*{L:bar*}"},
    {"_foo [bar_](/url)", "_foo {L:bar_}"},
    {"*<img src=\"foo\" title=\"*\"/>", "*"},
    {"**<a href=\"**\">", "**"},
    {"__<a href=\"__\">", "__"},
    {"*a `*`*", "{E:a }{EC:*}"},
    {"_a `_`_", "{E:a }{EC:_}"},
    {"**a<http://foo.bar/?q=**>", "**a{L:http://foo.bar/?q=**}"},
    {"__a<http://foo.bar/?q=__>", "__a{L:http://foo.bar/?q=__}"},
};

/* Japanese: strong and emphasis after and before kana and kanji, around
 * and next to CJK punctuation, around Adobe's labels and code spans. */
static const example japanese[] = {
    {"[!UICONTROL System] > [!UICONTROL Tools] > **[!UICONTROL Index Management]**に移動します。",
     "{U:System} > {U:Tools} > {SU:Index Management}に移動します。"},
    {"これは**「重要」**です。", "これは{S:「重要」}です。"},
    {"これは**私のやりたかったこと。**だからするの。", "これは{S:私のやりたかったこと。}だからするの。"},
    {"詳しくは*「設定」*を参照してください。", "詳しくは{E:「設定」}を参照してください。"},
    {"_[!UICONTROL Action]_列の&#x200B;**[!UICONTROL Select]**の下：",
     "{EU:Action}列の\xe2\x80\x8b{SU:Select}の下："},
    {"税込**¥10,000**で入手できます。", "税込{S:¥10,000}で入手できます。"},
    {"先頭の**`コード`も注意。**です", "先頭の{SC:コード}{S:も注意。}です"},
    {"葛\xf3\xa0\x84\x80**(正式な字形)**です", "葛\xf3\xa0\x84\x80{S:(正式な字形)}です"},
    {"大塚\xef\xb8\x80**(大塚)**です", "大塚\xef\xb8\x80{S:(大塚)}です"},
    {"*注*：設定は**ストアビュー**ごとです。", "{E:注}：設定は{S:ストアビュー}ごとです。"},
    {"初期ステータスは_Open_です。", "初期ステータスは{E:Open}です。"},
    {"詳細は _設定画面の_Commerce 欄にあります。", "詳細は {E:設定画面の}Commerce 欄にあります。"},
};

static void test_japanese(void **state)
{
    (void)state;
    check_examples("ja", japanese, sizeof japanese / sizeof *japanese);
}

/* Korean: particles right after the closing run, and runs after Hangul. */
static const example korean[] = {
    {"**[!UICONTROL View Store]**을(를) 클릭합니다.", "{SU:View Store}을(를) 클릭합니다."},
    {"**스크립트(script)**라고 합니다.", "{S:스크립트(script)}라고 합니다."},
    {"패키지를 발행하려면 **`npm publish`**를 실행하십시오.",
     "패키지를 발행하려면 {SC:npm publish}를 실행하십시오."},
    {"_[!UICONTROL Order Id]_열에서 주문을 찾습니다.", "{EU:Order Id}열에서 주문을 찾습니다."},
    {"목록은 _[!UICONTROL Active]_및_[!UICONTROL Inactive]_탭에 있습니다.",
     "목록은 {EU:Active}및{EU:Inactive}탭에 있습니다."},
    {"설정에서*(선택 사항)*을 고릅니다.", "설정에서{E:(선택 사항)}을 고릅니다."},
    {"**「설정」**를 엽니다.", "{S:「설정」}를 엽니다."},
    {"상태는_Pending_입니다.", "상태는{E:Pending}입니다."},
};

/* Simplified Chinese: full-width punctuation inside the run, a letter
 * outside it. */
static const example chinese_simplified[] = {
    {"**真，**她说。", "{S:真，}她说。"},
    {"**推荐几个框架：**React、Vue等前端框架。", "{S:推荐几个框架：}React、Vue等前端框架。"},
    {"我可以强调**这个`code`**吗？", "我可以强调{S:这个}{SC:code}吗？"},
    {"请点击**[!UICONTROL 保存]**按钮。", "请点击{SU:保存}按钮。"},
    {"在_[!UICONTROL Action]_列中选择。", "在{EU:Action}列中选择。"},
    {"这是*（示例）*文字。", "这是{E:（示例）}文字。"},
};

/* Traditional Chinese: the same, with its own punctuation and quotes. */
static const example chinese_traditional[] = {
    {"請選擇**「儲存」**按鈕。", "請選擇{S:「儲存」}按鈕。"},
    {"**注意：**此設定會套用到所有商店。", "{S:注意：}此設定會套用到所有商店。"},
    {"Git**（不是GitHub）**的說明", "Git{S:（不是GitHub）}的說明"},
    {"在_[!UICONTROL 動作]_欄位中按一下**[!UICONTROL 選取]**。",
     "在{EU:動作}欄位中按一下{SU:選取}。"},
    {"這是*『重點』*的說明。", "這是{E:『重點』}的說明。"},
};

/* Next to other letters than CJK ones, CommonMark's rules are kept: a run
 * between punctuation and a Latin, Cyrillic or Greek letter does not close
 * or open, and '_' inside a word is no emphasis (between CJK letters, or a
 * CJK letter and a digit, or with one edge only). */
static const example unchanged[] = {
    {"**« Enregistrer »**à droite", "**« Enregistrer »**à droite"},
    {"**[!UICONTROL Save]**ing", "**{U:Save}**ing"},
    {"слово**(да)**слово", "слово**(да)**слово"},
    {"λέξη*\"α\"*λέξη", "λέξη*\"α\"*λέξη"},
    {"報告_2024_最終版.xlsx", "報告_2024_最終版.xlsx"},
    {"snake_case_名前", "snake_case_名前"},
    {"変数_名前_です", "変数_名前_です"},
    {"my_var_値", "my_var_値"},
};

/* Where cmark reads no delimiter run, asterisks and underscores stay
 * literal next to CJK text: code spans, escapes, entities, autolinks and
 * raw HTML; a link's URL keeps its asterisks. */
static const example literal[] = {
    {"`**コード**`に", "{C:**コード**}に"},
    {"\\*\\*注意\\*\\*です", "**注意**です"},
    {"&#42;&#42;注意&#42;&#42;です", "**注意**です"},
    {"<https://example.com/**a**に>です", "{L:https://example.com/**a**に}です"},
    {"本<span title=\"**x**\">**です", "本**です"},
    {"_\\_注意\\__です", "{E:_注意_}です"},
};
static void test_korean(void **state)
{
    (void)state;
    check_examples("ko", korean, sizeof korean / sizeof *korean);
}

static void test_chinese_simplified(void **state)
{
    (void)state;
    check_examples("zh-Hans", chinese_simplified,
                   sizeof chinese_simplified / sizeof *chinese_simplified);
}

static void test_chinese_traditional(void **state)
{
    (void)state;
    check_examples("zh-Hant", chinese_traditional,
                   sizeof chinese_traditional / sizeof *chinese_traditional);
}

static void test_unchanged_without_cjk(void **state)
{
    (void)state;
    check_examples("unchanged", unchanged, sizeof unchanged / sizeof *unchanged);
}

static void test_literal_where_cmark_reads_no_run(void **state)
{
    (void)state;
    check_examples("literal", literal, sizeof literal / sizeof *literal);
    /* A link's URL is not text, and keeps its asterisks. */
    const char *md = "[リンク](https://example.com/**a**)です";
    cmark_node *doc = gn_markdown_parse(md, strlen(md));
    gn_para p = {0};
    gn_para_collect(&p, cmark_node_first_child(doc), 0, 0);
    assert_string_equal(p.text.data, "リンクです");
    assert_int_equal(p.nurls, 1);
    assert_string_equal(p.urls[0], "https://example.com/**a**");
    gn_para_free(&p);
    cmark_node_free(doc);
}

/* Where the page has block structure around the text: headings, table
 * cells and list items get the same emphasis; code blocks, indented code
 * and HTML blocks keep every asterisk. */
static void test_blocks(void **state)
{
    (void)state;
    const char *md = "# **[!UICONTROL 設定]**の見出し\n\n"
                     "| 列 | 説明 |\n|---|---|\n| **[!UICONTROL 保存]**을 선택 | `**a**`に |\n\n"
                     "- 항목은 **[!UICONTROL Stores]**&#x200B;을(를) 선택합니다.\n\n"
                     "```\n**強調**です\n```\n\n"
                     "    **字下げ**です\n\n"
                     "<div>\n**注意**です\n</div>\n";
    cmark_node *root = gn_markdown_parse(md, strlen(md));
    gn_doc doc;
    gn_layout_opts o = {.width = 80, .lang = "ja-JP"};
    gn_layout(root, &o, &doc);
    char *out = NULL;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    gn_paint_text(f, &doc, false);
    fclose(f);
    assert_non_null(strstr(out, "# 設定の見出し\n"));
    assert_non_null(strstr(out, "│ 保存을 선택"));
    assert_non_null(strstr(out, "│ **a**に"));
    assert_non_null(strstr(out, "항목은 Stores\xe2\x80\x8b을(를) 선택합니다."));
    assert_non_null(strstr(out, "  **強調**です\n"));
    assert_non_null(strstr(out, "  **字下げ**です\n"));
    assert_non_null(strstr(out, "**注意**です\n"));
    free(out);
    gn_doc_free(&doc);
    cmark_node_free(root);
}

/* A TOC is parsed without the inline extensions: the same rules. */
static void test_toc_text(void **state)
{
    (void)state;
    char *got = styled_as("**[!UICONTROL 設定]**を開く", true);
    assert_string_equal(got, "{SU:設定}を開く");
    free(got);
}

/* cmark looks through the '~' of strikethrough for a run's neighbours;
 * so do the amended rules, which then agree with cmark where no CJK
 * character is next to a run ("**a ~~**b**~~" is the same shape). */
static void test_strikethrough_looked_through(void **state)
{
    (void)state;
    char *got = styled_as("**前 ~~**本**~~", false);
    assert_string_equal(got, "**前 {SX:本}");
    free(got);
    got = styled_as("**a ~~**b**~~", false);
    assert_string_equal(got, "**a {SX:b}");
    free(got);
}

static void test_commonmark_spec_examples(void **state)
{
    (void)state;
    assert_int_equal(sizeof spec / sizeof *spec, 131);
    check_examples("spec", spec, sizeof spec / sizeof *spec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_japanese),
        cmocka_unit_test(test_korean),
        cmocka_unit_test(test_chinese_simplified),
        cmocka_unit_test(test_chinese_traditional),
        cmocka_unit_test(test_unchanged_without_cjk),
        cmocka_unit_test(test_literal_where_cmark_reads_no_run),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_toc_text),
        cmocka_unit_test(test_strikethrough_looked_through),
        cmocka_unit_test(test_commonmark_spec_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
