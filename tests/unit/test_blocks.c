/* test_blocks.c: the pieces rendering builds on: Adobe block kinds and
 * their labels, raw HTML text and tables, base64 for OSC 52. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/alert.h"
#include "guidenav/html.h"
#include "guidenav/util.h"

static void test_kinds_and_labels(void **state)
{
    (void)state;
    assert_int_equal(gn_kind_from_name("NOTE", 4), GN_KIND_NOTE);
    assert_int_equal(gn_kind_from_name("PREREQUISITES", 13), GN_KIND_PREREQUISITES);
    assert_int_equal(gn_kind_from_name("MORELIKETHIS", 12), GN_KIND_SEEALSO);
    assert_int_equal(gn_kind_from_name("NOTES", 5), GN_KIND_NONE);
    assert_int_equal(gn_kind_from_name("note", 4), GN_KIND_NONE);
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, NULL), "Note");
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "ja-JP"), "メモ");
    assert_string_equal(gn_kind_label(GN_KIND_WARNING, "ko-KR"), "경고");
    assert_string_equal(gn_kind_label(GN_KIND_TIP, "de-DE"), "Tipp");
    assert_string_equal(gn_kind_label(GN_KIND_SEEALSO, "fr-FR"), "Voir aussi");
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "sv-SE"), "Note"); /* unknown: English */
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "jam"), "Note");   /* not "ja" */
    assert_true(gn_kind_warns(GN_KIND_WARNING));
    assert_false(gn_kind_warns(GN_KIND_TIP));
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
    assert_string_equal(t.cells[0], "Key");
    assert_string_equal(t.cells[1], "説明");
    assert_string_equal(t.cells[2], "");
    assert_string_equal(t.cells[3], "a\nb");
    assert_string_equal(t.cells[4], "한국어");
    assert_string_equal(t.cells[6], "only one");
    gn_html_table_free(&t);
    assert_false(gn_html_table_find("<p>no table</p>", 15, &t, &start, &end));
}

static void test_base64(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"https://example.org/ä", "aHR0cHM6Ly9leGFtcGxlLm9yZy/DpA=="},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "");
        gn_base64(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(b.data, cases[i].out);
        gn_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_and_labels),
        cmocka_unit_test(test_html_text),
        cmocka_unit_test(test_html_table),
        cmocka_unit_test(test_base64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
