/* test_snippets.c: {{name}} snippets (see snippets.h): references, the
 * snippets file and its look-up, a snippet's blocks, references inlined
 * in a paragraph. Laid out in pages, they are test_layout's. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/layout.h"
#include "guidenav/snippets.h"
#include "guidenav/util.h"

static const char snippets_md[] =
    "# Snippets\n\n"
    "## Word {#word}\n\nfrom the **source**\n\n"
    "## Steps {#steps}\n\nfirst\n\n### Inside\n\nsecond\n\n## After {#after}\n\nthird\n\n"
    "## Word again {#word}\n\nnot this one\n\n"
    "## No anchor\n\nnone\n";

/* A repository tmp/site.en with a snippets file, another above it and
 * one nearer a page of a subfolder; site and page its root and a page of
 * it, newly allocated. */
typedef struct site {
    char tmp[32];
    char *root, *page;
} site;

static int site_setup(void **state)
{
    site *st = gn_xcalloc(1, sizeof *st);
    strcpy(st->tmp, "/tmp/gn-snippets-XXXXXX");
    assert_non_null(mkdtemp(st->tmp));
    unit_write_file(st->tmp, "help/_includes/snippets.md", "## Above {#above}\n\nabove the root\n");
    unit_write_file(st->tmp, "site.en/help/_includes/snippets.md", snippets_md);
    unit_write_file(st->tmp, "site.en/help/g/page.md", "# Page\n");
    unit_write_file(st->tmp, "site.en/help/g/sub/_includes/snippets.md",
                    "## Near {#near}\n\nnear\n");
    unit_write_file(st->tmp, "site.en/help/g/sub/page.md", "# Page\n");
    st->root = gn_xasprintf("%s/site.en", st->tmp);
    st->page = gn_xasprintf("%s/help/g/page.md", st->root);
    *state = st;
    return 0;
}

static int site_teardown(void **state)
{
    site *st = *state;
    unit_remove_tree(st->tmp);
    free(st->root);
    free(st->page);
    free(st);
    return 0;
}

static void test_refs(void **state)
{
    (void)state;
    static const struct { const char *s; size_t len, name, name_len; } cases[] = {
        {"{{word}}", 8, 2, 4},
        {"{{a-b_C9}} rest", 10, 2, 6},
        {"{{a}}", 5, 2, 1},
        {"{{}}", 0, 0, 0},
        {"{{a}", 0, 0, 0},
        {"{a}}", 0, 0, 0},
        {"{{a b}}", 0, 0, 0},
        {"{{a}x}", 0, 0, 0},
        {" {{a}}", 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t name = 99, name_len = 99;
        size_t n = gn_snippet_ref(cases[i].s, strlen(cases[i].s), &name, &name_len);
        if (n != cases[i].len || (n && (name != cases[i].name || name_len != cases[i].name_len)))
            fail_msg("%s: %zu (name %zu, %zu)", cases[i].s, n, name, name_len);
    }
    /* Only len bytes are read. */
    size_t name, name_len;
    assert_int_equal(gn_snippet_ref("{{word}}", 7, &name, &name_len), 0);
}

/* The nearest file in a folder from the page's up to the root, never
 * above it. */
static void test_path(void **state)
{
    const site *st = *state;
    char *sub = gn_xasprintf("%s/help/g/sub/page.md", st->root);
    char *got = gn_snippets_path(st->page, st->root);
    assert_non_null(got);
    assert_non_null(strstr(got, "/site.en/help/_includes/snippets.md"));
    free(got);
    got = gn_snippets_path(sub, NULL);
    assert_non_null(got);
    assert_non_null(strstr(got, "/site.en/help/g/sub/_includes/snippets.md"));
    free(got);
    /* A root below the only files: none. */
    char *g = gn_xasprintf("%s/help/g", st->root);
    assert_null(gn_snippets_path(st->page, g));
    free(g);
    free(sub);
}

/* The text of the first block of the snippet whose heading is h. */
static const char *first_text(cmark_node *h)
{
    cmark_node *b = gn_snippet_next(h, h);
    assert_non_null(b);
    cmark_node *t = cmark_node_first_child(b);
    assert_non_null(t);
    return cmark_node_get_literal(t);
}

static void test_find(void **state)
{
    const site *st = *state;
    gn_snippets sn;
    gn_snippets_init(&sn, st->page, st->root);
    assert_false(sn.tried);
    /* The name is len bytes, not NUL-terminated; the first of two equal
     * anchors is the snippet. */
    cmark_node *h = gn_snippets_find(&sn, "wordy", 4);
    assert_true(sn.tried);
    assert_non_null(h);
    assert_string_equal(first_text(h), "from the ");
    assert_null(gn_snippets_find(&sn, "wor", 3));
    assert_null(gn_snippets_find(&sn, "above", 5)); /* above the root */
    assert_null(gn_snippets_find(&sn, "missing", 7));
    /* A snippet's blocks run to the next heading of its level or above. */
    h = gn_snippets_find(&sn, "steps", 5);
    assert_non_null(h);
    int blocks = 0;
    for (cmark_node *n = gn_snippet_next(h, h); n; n = gn_snippet_next(h, n))
        blocks++;
    assert_int_equal(blocks, 3); /* first, ### Inside, second */
    assert_string_equal(first_text(gn_snippets_find(&sn, "after", 5)), "third");
    /* The chain of snippets is bounded. */
    sn.depth = GN_SNIPPET_DEPTH;
    assert_null(gn_snippets_find(&sn, "word", 4));
    sn.depth = GN_SNIPPET_DEPTH - 1;
    assert_non_null(gn_snippets_find(&sn, "word", 4));
    gn_snippets_free(&sn);
    /* No page: nothing is read, nothing found. */
    gn_snippets_init(&sn, NULL, NULL);
    assert_null(gn_snippets_find(&sn, "word", 4));
    assert_true(sn.tried);
    gn_snippets_free(&sn);
    gn_snippets_free(NULL);
}

/* A paragraph of text s, every byte in style. */
static void para_of(gn_para *p, const char *s, uint32_t style)
{
    gn_para_reset(p);
    gn_para_add(p, s, strlen(s), style, -1);
}

static void test_whole_and_inline(void **state)
{
    const site *st = *state;
    gn_snippets sn;
    gn_snippets_init(&sn, st->page, st->root);
    gn_para p = {0};

    para_of(&p, "{{steps}}", 0);
    assert_ptr_equal(gn_snippets_whole(&sn, &p), gn_snippets_find(&sn, "steps", 5));
    para_of(&p, "{{steps}} more", 0);
    assert_null(gn_snippets_whole(&sn, &p));
    para_of(&p, "{{missing}}", 0);
    assert_null(gn_snippets_whole(&sn, &p));
    para_of(&p, "", 0);
    assert_null(gn_snippets_whole(&sn, &p));

    /* Inside a sentence: the snippet's text, styled as the reference
     * with its own markup; a snippet not found is a placeholder. */
    para_of(&p, "Say {{word}}, {{missing}} and {{after}}.", GN_ST_EMPH);
    gn_snippets_inline(&sn, &p);
    const char want[] = "Say from the source, [snippet missing not found] and third.";
    assert_int_equal(p.text.len, strlen(want));
    assert_memory_equal(p.text.data, want, p.text.len);
    const char *src = strstr(p.text.data, "source"), *ph = strstr(p.text.data, "[snippet");
    assert_int_equal(p.style[0], GN_ST_EMPH);
    assert_int_equal(p.style[src - p.text.data], GN_ST_EMPH | GN_ST_STRONG);
    assert_int_equal(p.style[ph - p.text.data], GN_ST_EMPH | GN_ST_CONT);
    for (size_t i = 0; i < p.text.len; i++)
        assert_int_equal(p.link[i], -1);

    /* No reference: p is as it was. */
    para_of(&p, "{{ not one }} {x}", 0);
    gn_snippets_inline(&sn, &p);
    assert_int_equal(p.text.len, strlen("{{ not one }} {x}"));
    assert_memory_equal(p.text.data, "{{ not one }} {x}", p.text.len);

    gn_para_free(&p);
    gn_snippets_free(&sn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refs),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_whole_and_inline),
    };
    return cmocka_run_group_tests(tests, site_setup, site_teardown);
}
