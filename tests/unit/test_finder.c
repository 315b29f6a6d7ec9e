/* test_finder.c: searching the pages of a locale set, with the paragraphs
 * of the pages read kept for the next query or not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/finder.h"
#include "guidenav/source.h"
#include "guidenav/util.h"

/* Every result of query over every locale of the bundled guide, one line
 * each: locale, page, line, match offset and excerpt. */
static char *search_all(gn_finder *f, const char *query)
{
    gn_scope scope = {true, true};
    assert_true(gn_finder_start(f, query, scope, 0, ""));
    while (!gn_finder_step(f, 3))
        ;
    size_t n;
    const gn_found *r = gn_finder_results(f, &n);
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (size_t i = 0; i < n; i++)
        gn_buf_addf(&b, "%zu %s %d %zu %s|%s\n", r[i].loc, r[i].page, r[i].src_line, r[i].moff,
                    r[i].excerpt, r[i].title);
    return gn_buf_take(&b);
}

/* The same results, query after query, whether the finder keeps every
 * page's paragraphs, some of them, or none. */
static void test_cache_limits(void **state)
{
    (void)state;
    char *path = "guide/en";
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&path, 1, &set, &err), 0);
    assert_true(set.n >= 5);
    static const char *const queries[] = {"guidenav", "ガイド", "locale", "guidenav"};
    static const size_t limits[] = {(size_t)64 << 20, 3000, 0};
    char *want[4] = {NULL};
    for (size_t l = 0; l < 3; l++) {
        gn_finder *f = gn_finder_new(&set);
        gn_finder_set_cache_limit(f, limits[l]);
        for (size_t q = 0; q < 4; q++) {
            char *got = search_all(f, queries[q]);
            assert_true(strlen(got) > 0); /* every query finds something */
            if (l == 0)
                want[q] = got;
            else {
                assert_string_equal(got, want[q]);
                free(got);
            }
        }
        gn_finder_free(f);
    }
    assert_string_equal(want[0], want[3]); /* a query again: the same */
    for (size_t q = 0; q < 4; q++)
        free(want[q]);
    gn_localeset_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cache_limits),
    };
    return cmocka_run_group_tests_name("finder", tests, NULL, NULL);
}
