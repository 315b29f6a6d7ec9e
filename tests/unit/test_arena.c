/* test_arena.c: the parse arena: zeroed and copied memory, small frees
 * taken again by the next allocation of their size, frees of another
 * arena's memory ignored, reset, and a whole Japanese and Korean page
 * parsed twice in one arena to the same text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/arena.h"
#include "guidenav/page.h"

static void test_calloc_realloc(void **state)
{
    (void)state;
    gn_arena *a = gn_arena_new();
    gn_arena_use(a);
    cmark_mem *m = gn_arena_cmark();
    unsigned char *p = m->calloc(10, 7);
    for (size_t i = 0; i < 70; i++)
        assert_int_equal(p[i], 0);
    memset(p, 'x', 70);
    unsigned char *q = m->calloc(1, 16);
    unsigned char *r = m->realloc(p, 5000); /* p is not the latest: copied */
    assert_ptr_not_equal(r, p);
    for (size_t i = 0; i < 70; i++)
        assert_int_equal(r[i], 'x');
    /* p, freed by the copy, is what the next allocation of its size gets:
     * zeroed again by calloc. */
    unsigned char *s = m->calloc(70, 1);
    assert_ptr_equal(s, p);
    for (size_t i = 0; i < 70; i++)
        assert_int_equal(s[i], 0);
    m->free(q);
    assert_ptr_equal(m->calloc(3, 5), q); /* 15 bytes: q's size, rounded */
    gn_arena_use(NULL);
    gn_arena_free(a);
}

static void test_free_lists(void **state)
{
    (void)state;
    gn_arena *a = gn_arena_new(), *b = gn_arena_new();
    gn_arena_use(a);
    cmark_mem *m = gn_arena_cmark();
    void *small = m->calloc(1, 100), *big = m->calloc(1, 4096);
    void *keep = m->calloc(1, 100);
    m->free(small);
    m->free(big); /* too large for a list: not taken again */
    assert_ptr_equal(m->calloc(1, 97), small);
    assert_ptr_not_equal(m->calloc(1, 4096), big);
    assert_ptr_not_equal(m->calloc(1, 100), small); /* taken once only */
    /* Up to 2 KB: a table row's buffer, freed, serves the next row. */
    void *row = m->calloc(1, 952);
    m->free(row);
    assert_ptr_equal(m->calloc(1, 950), row);
    /* Freed while another arena is in use: b does not take it. */
    gn_arena_use(b);
    m->free(keep);
    void *fresh = m->calloc(1, 100);
    assert_ptr_not_equal(fresh, keep);
    gn_arena_use(a);
    assert_ptr_not_equal(m->calloc(1, 100), keep);
    /* After a reset the lists are empty: memory comes from the start. */
    void *last = m->calloc(1, 48);
    m->free(last);
    gn_arena_reset(a);
    void *first = m->calloc(1, 200);
    m->free(first);
    assert_ptr_equal(m->calloc(1, 200), first);
    gn_arena_use(NULL);
    gn_arena_free(a);
    gn_arena_free(b);
}

/* A freed latest allocation, taken again, grows in place no more than its
 * block allows and keeps its bytes. */
static void test_latest_freed(void **state)
{
    (void)state;
    gn_arena *a = gn_arena_new();
    gn_arena_use(a);
    cmark_mem *m = gn_arena_cmark();
    char *p = m->calloc(1, 32);
    m->free(p);
    char *q = m->calloc(1, 30);
    assert_ptr_equal(q, p);
    char *other = m->calloc(1, 32);
    memset(other, 'o', 32);
    strcpy(q, "kept");
    char *g = m->realloc(q, 100);
    assert_string_equal(g, "kept");
    for (size_t i = 0; i < 32; i++)
        assert_int_equal(other[i], 'o');
    gn_arena_use(NULL);
    gn_arena_free(a);
}

static char *render(const char *text)
{
    cmark_node *doc = gn_markdown_parse(text, strlen(text));
    assert_non_null(doc);
    char *out = cmark_render_xml_with_mem(doc, CMARK_OPT_DEFAULT, cmark_get_default_mem_allocator());
    cmark_node_free(doc);
    return out;
}

static void test_pages_in_one_arena(void **state)
{
    (void)state;
    const char *page = "# 見出し 제목\n\n"
                       "日本語の段落に **強調** と `コード`、[リンク](a.md) があります。\n\n"
                       "| 列 | 열 |\n| --- | --- |\n| 한국어 셀 | 日本語のセル |\n\n"
                       "- 一つ目 *emphasis*\n- 두 번째 항목 ~~strike~~\n";
    char *plain = render(page);
    gn_arena *a = gn_arena_new();
    gn_arena_use(a);
    for (int i = 0; i < 3; i++) { /* the second and third reuse freed memory */
        char *again = render(page);
        assert_string_equal(again, plain);
        assert_non_null(strstr(again, "한국어 셀"));
        free(again);
        gn_arena_reset(a);
    }
    gn_arena_use(NULL);
    gn_arena_free(a);
    free(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calloc_realloc),
        cmocka_unit_test(test_free_lists),
        cmocka_unit_test(test_latest_freed),
        cmocka_unit_test(test_pages_in_one_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
