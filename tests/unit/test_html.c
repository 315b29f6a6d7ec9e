/* test_html.c: the HTML scanner: its tags (gn_html_tag_at: names in any
 * case, names that share a prefix, attributes, what is no tag) and what
 * follows from them: raw HTML's text, its tables, a tag's block kind. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/html.h"
#include "guidenav/util.h"

typedef struct tag_case {
    const char *s; /* from just after '<' */
    gn_html_tag tag;
    bool closing;
} tag_case;

static void check_tags(const tag_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool closing = !cases[i].closing;
        gn_html_tag t = gn_html_tag_at(cases[i].s, strlen(cases[i].s), &closing);
        if (t != cases[i].tag || (t != GN_TAG_NONE && closing != cases[i].closing))
            fail_msg("<%s: tag %d closing %d, want %d %d", cases[i].s, t, closing, cases[i].tag,
                     cases[i].closing);
    }
}

static void test_names_in_any_case(void **state)
{
    (void)state;
    static const tag_case cases[] = {
        {"table>", GN_TAG_TABLE, false}, {"TABLE>", GN_TAG_TABLE, false},
        {"TaBlE>", GN_TAG_TABLE, false}, {"/Table>", GN_TAG_TABLE, true},
        {"td>", GN_TAG_TD, false},       {"TD>", GN_TAG_TD, false},
        {"tD>", GN_TAG_TD, false},       {"/Td>", GN_TAG_TD, true},
        {"TH>", GN_TAG_TH, false},       {"/tH>", GN_TAG_TH, true},
        {"THEAD>", GN_TAG_THEAD, false}, {"/tHeAd>", GN_TAG_THEAD, true},
        {"Tr>", GN_TAG_TR, false},       {"/TR>", GN_TAG_TR, true},
        {"BR>", GN_TAG_BR, false},       {"P>", GN_TAG_P, false},
        {"/p>", GN_TAG_P, true},         {"DIV>", GN_TAG_DIV, false},
        {"Li>", GN_TAG_LI, false},       {"/LI>", GN_TAG_LI, true},
        {"UL>", GN_TAG_UL, false},       {"oL>", GN_TAG_OL, false},
        {"H1>", GN_TAG_H, false},        {"/h6>", GN_TAG_H, true},
    };
    check_tags(cases, sizeof cases / sizeof *cases);
}

static void test_names_sharing_a_prefix(void **state)
{
    (void)state;
    static const tag_case cases[] = {
        {"t>", GN_TAG_NONE, false},      {"td>", GN_TAG_TD, false},
        {"tdx>", GN_TAG_NONE, false},    {"th>", GN_TAG_TH, false},
        {"thea>", GN_TAG_NONE, false},   {"thead>", GN_TAG_THEAD, false},
        {"theads>", GN_TAG_NONE, false}, {"tbody>", GN_TAG_NONE, false},
        {"/tbody>", GN_TAG_NONE, true},  {"tfoot>", GN_TAG_NONE, false},
        {"tab>", GN_TAG_NONE, false},    {"tables>", GN_TAG_NONE, false},
        {"tr>", GN_TAG_TR, false},       {"track>", GN_TAG_NONE, false},
        {"p>", GN_TAG_P, false},         {"pre>", GN_TAG_NONE, false},
        {"param>", GN_TAG_NONE, false},  {"b>", GN_TAG_NONE, false},
        {"br>", GN_TAG_BR, false},       {"bra>", GN_TAG_NONE, false},
        {"h>", GN_TAG_NONE, false},      {"h0>", GN_TAG_NONE, false},
        {"h7>", GN_TAG_NONE, false},     {"hr>", GN_TAG_NONE, false},
        {"h12>", GN_TAG_NONE, false},    {"header>", GN_TAG_NONE, false},
        {"l>", GN_TAG_NONE, false},      {"link>", GN_TAG_NONE, false},
        {"u>", GN_TAG_NONE, false},      {"ol>", GN_TAG_OL, false},
        {"d>", GN_TAG_NONE, false},      {"dl>", GN_TAG_NONE, false},
        {"div>", GN_TAG_DIV, false},     {"dive>", GN_TAG_NONE, false},
    };
    check_tags(cases, sizeof cases / sizeof *cases);
}

static void test_attributes_and_ends(void **state)
{
    (void)state;
    static const tag_case cases[] = {
        {"td class=\"x\">", GN_TAG_TD, false},
        {"TH scope=\"col\">", GN_TAG_TH, false},
        {"table\tstyle=\"table-layout:auto\">", GN_TAG_TABLE, false},
        {"tr\n>", GN_TAG_TR, false},
        {"td\r\nstyle=x>", GN_TAG_TD, false},
        {"br/>", GN_TAG_BR, false},
        {"br />", GN_TAG_BR, false},
        {"/td >", GN_TAG_TD, true},
        {"td", GN_TAG_NONE, false},          /* the name never ends: no tag */
        {"table", GN_TAG_NONE, false},
        {"", GN_TAG_NONE, false},
        {"/", GN_TAG_NONE, true},
        {">", GN_TAG_NONE, false},
        {"/ td>", GN_TAG_NONE, true},       /* a space before the name */
        {"td-x>", GN_TAG_NONE, false},      /* a name goes on past td */
        {"td=1>", GN_TAG_NONE, false},
        {"td\f>", GN_TAG_NONE, false},      /* a form feed ends no name */
        {"t\xc3\xa4>", GN_TAG_NONE, false}, /* a letter past ASCII */
        {"\xef\xbc\xb4\xef\xbc\xa4>", GN_TAG_NONE, false}, /* fullwidth ＴＤ */
    };
    check_tags(cases, sizeof cases / sizeof *cases);
    /* The name ends within len, not at the string's end. */
    bool closing;
    assert_int_equal(gn_html_tag_at("td>", 2, &closing), GN_TAG_NONE);
    assert_int_equal(gn_html_tag_at("td>", 3, &closing), GN_TAG_TD);
    assert_int_equal(gn_html_tag_at("thead>", 3, &closing), GN_TAG_NONE);
}

/* Tables found by those names: mixed case, attributes, <tbody> and <t>
 * in cells taken for no cell, <thead> rows as headers. */
static void test_table_by_tags(void **state)
{
    (void)state;
    const char *html =
        "<p>注意</p><Table border=\"1\"><THead><TR><Th scope=\"col\">名前</TH><th>설명</th></tr></thead>"
        "<TBODY><tr class=\"a\"><td style=\"x\">a<t>b</td><TD>c<tbody>d</Td></tr>"
        "<tr><td>e</td><th>f</th></tr></tbody></TABLE><p>after</p>";
    gn_html_table t;
    size_t start, end;
    assert_true(gn_html_table_find(html, strlen(html), &t, &start, &end));
    assert_int_equal(start, strlen("<p>注意</p>"));
    assert_string_equal(html + end, "<p>after</p>");
    assert_int_equal(t.nrows, 3);
    assert_int_equal(t.ncols, 2);
    assert_true(t.head[0]);
    assert_false(t.head[1]);
    assert_false(t.head[2]); /* not all <th> */
    assert_string_equal(t.cells[0], "名前");
    assert_string_equal(t.cells[1], "설명");
    assert_string_equal(t.cells[2], "a<t>b");
    assert_string_equal(t.cells[3], "c<tbody>d");
    assert_string_equal(t.cells[4], "e");
    assert_string_equal(t.cells[5], "f");
    gn_html_table_free(&t);
    /* Names that only start like table's are no table. */
    const char *none = "<tab>x</tab><tables><tablet><TABLE";
    assert_false(gn_html_table_find(none, strlen(none), &t, &start, &end));
    const char *later = "<tablex><table>";
    assert_true(gn_html_table_find(later, strlen(later), &t, &start, &end));
    assert_int_equal(start, strlen("<tablex>"));
    gn_html_table_free(&t);
}

static char *html_text(const char *html)
{
    gn_buf b = GN_BUF_INIT;
    gn_html_text(html, strlen(html), &b);
    return gn_buf_take(&b);
}

static void test_html_text(void **state)
{
    (void)state;
    char *t = html_text("<p>One<br>two &amp; <b>three</b></p><!-- hidden\n comment -->four&#x4E00;&#169;&bogus;");
    assert_string_equal(t, "\nOne\ntwo & three\nfour一©&bogus;");
    free(t);
    t = html_text("a < b and <3 stay");
    assert_string_equal(t, "a < b and <3 stay");
    free(t);
    t = html_text("&#0; &#xD800; &#x110000;"); /* never a NUL or a surrogate */
    assert_string_equal(t, "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
    free(t);
}

static void test_html_table(void **state)
{
    (void)state;
    const char *html =
        "<p>before</p><TABLE class=\"x\"><thead><tr><th>Key</th><th>説明</th></tr></thead>"
        "<tr><td>a<br/>b</td><td> 한국어 </td><td>extra</td></tr>"
        "<tr><td>only one"
        "</table><p>after</p>";
    gn_html_table t;
    size_t start, end;
    assert_true(gn_html_table_find(html, strlen(html), &t, &start, &end));
    assert_int_equal(start, strlen("<p>before</p>"));
    assert_string_equal(html + end, "<p>after</p>");
    assert_int_equal(t.nrows, 3);
    assert_int_equal(t.ncols, 3);
    assert_true(t.head[0]);
    assert_false(t.head[1]);
    /* Each cell is its HTML, read as a cell's text by gn_para_add_html. */
    assert_string_equal(t.cells[0], "Key");
    assert_string_equal(t.cells[1], "説明");
    assert_string_equal(t.cells[2], "");
    assert_string_equal(t.cells[3], "a<br/>b");
    assert_string_equal(t.cells[4], " 한국어 ");
    assert_string_equal(t.cells[6], "only one");
    gn_html_table_free(&t);
    assert_false(gn_html_table_find("<p>no table</p>", 15, &t, &start, &end));
}

static void test_html_block_of(void **state)
{
    (void)state;
    static const struct {
        const char *tag;
        gn_html_block kind;
    } cases[] = {
        {"<br>", GN_HTML_BR}, {"<BR/>", GN_HTML_BR}, {"<br />", GN_HTML_BR},
        {"</br>", GN_HTML_BR}, {"<p>", GN_HTML_P}, {"<p class=\"x\">", GN_HTML_P},
        {"</P>", GN_HTML_P_END}, {"<ul>", GN_HTML_UL}, {"<ol start=\"3\">", GN_HTML_OL},
        {"</ul>", GN_HTML_LIST_END}, {"</ol>", GN_HTML_LIST_END}, {"<li>", GN_HTML_LI},
        {"</li>", GN_HTML_LI_END}, {"<b>", GN_HTML_INLINE}, {"<link>", GN_HTML_INLINE},
        {"<pre>", GN_HTML_INLINE}, {"<bra>", GN_HTML_INLINE}, {"li", GN_HTML_INLINE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (gn_html_block_of(cases[i].tag, strlen(cases[i].tag)) != cases[i].kind)
            fail_msg("%s: kind %d, want %d", cases[i].tag,
                     gn_html_block_of(cases[i].tag, strlen(cases[i].tag)), cases[i].kind);
}

/* Line breaks by tag: block elements in any case, </br> and inline tags
 * that share a prefix with them (<b>, <pre>, <hr>, <t>) as spaces. */
static void test_text_by_tags(void **state)
{
    (void)state;
    char *t = html_text("一<BR>二<br/>三</br>四<b>五</b>六<Pre>七<hr>八<t>九<DIV class=\"x\">十"
                        "<H2>하나</h2>둘<Tr>three</TR>");
    assert_string_equal(t, "一\n二\n三 四 五 六 七 八 九\n十\n하나\n둘\nthree\n");
    free(t);
    /* Comments, closed or not; a '<' of no tag and '&' of no entity kept. */
    t = html_text("a<!---->b<!-- <table> -- > -->c < d &x <3<!-- never closed <br>");
    assert_string_equal(t, "abc < d &x <3");
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_in_any_case),
        cmocka_unit_test(test_names_sharing_a_prefix),
        cmocka_unit_test(test_attributes_and_ends),
        cmocka_unit_test(test_table_by_tags),
        cmocka_unit_test(test_html_text),
        cmocka_unit_test(test_html_table),
        cmocka_unit_test(test_html_block_of),
        cmocka_unit_test(test_text_by_tags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
