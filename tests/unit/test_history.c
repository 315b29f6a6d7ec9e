/* test_history.c: back and forward, with scroll positions. */
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "guidenav/history.h"

static void test_back_and_forward(void **state)
{
    (void)state;
    gn_history h = {0};
    assert_null(gn_history_back(&h, 0));
    gn_history_go(&h, 0, "en", "help/a", "one.md");
    gn_history_go(&h, 17, "en", "help/a", "two.md");   /* left one.md at line 17 */
    gn_history_go(&h, 5, "ja-JP", NULL, "help/b/three.md"); /* left two.md at line 5 */
    const gn_place *p = gn_history_back(&h, 9);
    assert_non_null(p);
    assert_string_equal(p->page, "two.md");
    assert_int_equal(p->top, 5);
    p = gn_history_back(&h, 6);
    assert_string_equal(p->page, "one.md");
    assert_string_equal(p->guide, "help/a");
    assert_int_equal(p->top, 17);
    assert_null(gn_history_back(&h, 0));
    p = gn_history_forward(&h, 18);
    assert_string_equal(p->page, "two.md");
    assert_int_equal(p->top, 6);
    p = gn_history_forward(&h, 6);
    assert_null(p->guide);
    assert_string_equal(p->locale, "ja-JP");
    assert_int_equal(p->top, 9);
    assert_null(gn_history_forward(&h, 9));
    /* Going somewhere new from the middle drops what was ahead. */
    gn_history_back(&h, 9);
    gn_history_go(&h, 2, "en", "help/a", "four.md");
    assert_null(gn_history_forward(&h, 0));
    p = gn_history_back(&h, 0);
    assert_string_equal(p->page, "two.md");
    assert_int_equal(p->top, 2);
    gn_history_free(&h);
}

static void test_bounded(void **state)
{
    (void)state;
    gn_history h = {0};
    char page[32];
    for (int i = 0; i < GN_HISTORY_MAX + 50; i++) {
        snprintf(page, sizeof page, "p%d.md", i);
        gn_history_go(&h, 0, "en", NULL, page);
    }
    assert_int_equal(h.n, GN_HISTORY_MAX);
    assert_string_equal(h.v[0].page, "p50.md");
    gn_history_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_back_and_forward),
        cmocka_unit_test(test_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
