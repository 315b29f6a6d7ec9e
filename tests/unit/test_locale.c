/* test_locale.c: locale tags, folder suffixes, ordering. */
#include <string.h>
#include "unit.h"
#include "guidenav/locale.h"

static bool tag(const char *s)
{
    return gn_locale_is_tag(s, strlen(s));
}

static void test_tags(void **state)
{
    (void)state;
    assert_true(tag("en"));
    assert_true(tag("ja-JP"));
    assert_true(tag("ko-KR"));
    assert_true(tag("pt-BR"));
    assert_true(tag("zh-Hans"));
    assert_true(tag("zh-Hant-TW"));
    assert_true(tag("es-419"));
    assert_false(tag("help"));
    assert_false(tag("api"));   /* three letters: not ISO 639-1 */
    assert_false(tag("xx"));    /* not a language */
    assert_false(tag("ja-jp")); /* region must be upper case */
    assert_false(tag("JA-JP"));
    assert_false(tag("ja-"));
    assert_false(tag(""));
    assert_false(tag("en-US-x"));
}

static void test_suffix(void **state)
{
    (void)state;
    assert_int_equal(gn_locale_suffix("commerce-admin.ja-JP"), 14);
    assert_int_equal(gn_locale_suffix("commerce-admin.en"), 14);
    assert_int_equal(gn_locale_suffix("commerce-admin"), 0);
    assert_int_equal(gn_locale_suffix("notes.md"), 0);
    assert_int_equal(gn_locale_suffix(".en"), 0);
    assert_int_equal(gn_locale_suffix("a.b.fr-FR"), 3);
}

static void test_order(void **state)
{
    (void)state;
    assert_true(gn_locale_cmp("en", "de-DE") < 0);
    assert_true(gn_locale_cmp("de-DE", "en") > 0);
    assert_true(gn_locale_cmp("de-DE", "ja-JP") < 0);
    assert_int_equal(gn_locale_cmp("ko-KR", "ko-KR"), 0);
}

static void test_posix(void **state)
{
    (void)state;
    char out[16];
    gn_locale_from_posix("ja_JP.UTF-8", out, sizeof out);
    assert_string_equal(out, "ja-JP");
    gn_locale_from_posix("C", out, sizeof out);
    assert_string_equal(out, "");
    gn_locale_from_posix(NULL, out, sizeof out);
    assert_string_equal(out, "");
    gn_locale_from_posix("de_DE@euro", out, sizeof out);
    assert_string_equal(out, "de-DE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_suffix),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_posix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
