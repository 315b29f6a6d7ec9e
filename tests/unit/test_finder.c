/* test_finder.c: searching the pages of a locale set, with the paragraphs
 * of the pages read kept for the next query or not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "unit.h"
#include "guidenav/finder.h"
#include "guidenav/source.h"
#include "guidenav/textcache.h"
#include "guidenav/util.h"

/* Append results r[0..n) to b, one line each: locale, page, line, match
 * offset, excerpt and title. */
static void add_lines(gn_buf *b, const gn_found *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        gn_buf_addf(b, "%zu %s %d %zu %s|%s\n", r[i].loc, r[i].page, r[i].src_line, r[i].moff,
                    r[i].excerpt, r[i].title);
}

/* Every result of query over every locale of the bundled guide, one line
 * each (add_lines). */
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
    add_lines(&b, r, n);
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

/* The results of query taken step by step, each step's forgotten once
 * read: the same lines as search_all gives. */
static void test_forget_results(void **state)
{
    (void)state;
    char *path = "guide/en";
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&path, 1, &set, &err), 0);
    gn_finder *f = gn_finder_new(&set);
    char *want = search_all(f, "guidenav");
    gn_scope scope = {true, true};
    assert_true(gn_finder_start(f, "guidenav", scope, 0, ""));
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (bool done = false; !done;) {
        done = gn_finder_step(f, 2);
        size_t n;
        const gn_found *r = gn_finder_results(f, &n);
        add_lines(&b, r, n);
        gn_finder_forget_results(f);
        gn_finder_results(f, &n);
        assert_int_equal(n, 0);
    }
    assert_string_equal(b.data, want);
    assert_true(strlen(want) > 0);
    gn_buf_free(&b);
    free(want);
    gn_finder_free(f);
    gn_localeset_free(&set);
}

/* Write text to the file at path (its folder exists). */
static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* With the text cache on disk: the same results as without, run after
 * run; a page that changed is read again; an unchanged page (same size,
 * time and inode) is answered from the cache without being read. */
static void test_disk_cache(void **state)
{
    (void)state;
    char tmp[] = "/tmp/gn-finder-XXXXXX";
    assert_non_null(mkdtemp(tmp));
    char *guide = gn_xasprintf("%s/set.en", tmp), *cache = gn_xasprintf("%s/cache", tmp);
    char *toc = gn_xasprintf("%s/TOC.md", guide), *page = gn_xasprintf("%s/page.md", guide);
    char *ja = gn_xasprintf("%s/set.ja-JP", tmp), *ja_toc = gn_xasprintf("%s/TOC.md", ja);
    char *ja_page = gn_xasprintf("%s/page.md", ja);
    assert_int_equal(mkdir(guide, 0755), 0);
    assert_int_equal(mkdir(ja, 0755), 0);
    write_text(toc, "# Guide\n\n- [Page](page.md)\n");
    write_text(page, "# Page\n\nThe *quick* brown fox.\n\n| a | b |\n|---|---|\n| fox | 狐 |\n");
    write_text(ja_toc, "# ガイド\n\n- [ページ](page.md)\n");
    write_text(ja_page, "# ページ\n\n素早い茶色の狐。\n");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&guide, 1, &set, &err), 0);
    assert_int_equal(set.n, 2);

    gn_finder *f = gn_finder_new(&set);
    char *want_fox = search_all(f, "fox"), *want_ja = search_all(f, "狐");
    assert_non_null(strstr(want_fox, "The quick brown fox."));
    assert_non_null(strstr(want_ja, "素早い茶色の狐。"));
    gn_finder_free(f);
    for (int run = 0; run < 2; run++) { /* the first fills the cache */
        f = gn_finder_new(&set);
        gn_finder_use_disk(f, cache);
        char *got = search_all(f, "fox");
        assert_string_equal(got, want_fox);
        free(got);
        got = search_all(f, "狐");
        assert_string_equal(got, want_ja);
        free(got);
        assert_int_equal(gn_finder_save(f, &err), 0);
        gn_finder_free(f);
    }

    /* The same size, time and inode: the cache answers with what it has. */
    struct stat st;
    assert_int_equal(stat(page, &st), 0);
    FILE *w = fopen(page, "r+");
    assert_non_null(w);
    fputs("# Page\n\nThe *quick* brown cat.", w);
    fclose(w);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, page, times, 0), 0);
    f = gn_finder_new(&set);
    gn_finder_use_disk(f, cache);
    char *got = search_all(f, "fox");
    assert_string_equal(got, want_fox);
    free(got);
    gn_finder_free(f);

    /* A page that changed size is read again. */
    write_text(page, "# Page\n\nA lazy dog.\n");
    f = gn_finder_new(&set);
    gn_finder_use_disk(f, cache);
    got = search_all(f, "fox");
    assert_string_equal(got, "");
    free(got);
    got = search_all(f, "lazy");
    assert_non_null(strstr(got, "A lazy dog."));
    free(got);
    got = search_all(f, "狐");
    const char *ja_line = strchr(want_ja, '\n') + 1; /* the English line first */
    assert_true(want_ja[0] == '0' && ja_line[0] == '1');
    assert_string_equal(got, ja_line); /* the Japanese page only */
    free(got);
    gn_finder_free(f);

    gn_localeset_free(&set);
    unit_remove_tree(tmp);
    free(want_fox);
    free(want_ja);
    free(guide);
    free(cache);
    free(toc);
    free(page);
    free(ja);
    free(ja_toc);
    free(ja_page);
}

/* The page at path is in the text cache of source src as it is now. */
static bool on_disk(const char *cache, const gn_source *src, const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    gn_textcache *c = gn_textcache_open(cache, src->root, src->tag);
    gn_pagetext t;
    bool found = gn_textcache_get(c, path, &st, &t);
    if (found)
        gn_pagetext_free(&t);
    gn_textcache_free(c);
    return found;
}

/* Search query in scope with the text cache in folder cache, to the end,
 * and save the cache. */
static void search_saved(gn_localeset *set, const char *cache, const char *query, gn_scope scope)
{
    gn_finder *f = gn_finder_new(set);
    gn_finder_use_disk(f, cache);
    assert_true(gn_finder_start(f, query, scope, 0, set->v[0].guides[0].id));
    while (!gn_finder_step(f, 1))
        ;
    gn_error err;
    assert_int_equal(gn_finder_save(f, &err), 0);
    gn_finder_free(f);
}

/* A page taken out of the TOC leaves the text cache after a search of the
 * whole locale, not after a search of part of it (one guide). */
static void test_disk_prune(void **state)
{
    (void)state;
    char tmp[] = "/tmp/gn-finder-XXXXXX";
    assert_non_null(mkdtemp(tmp));
    char *root = gn_xasprintf("%s/set.ja-JP", tmp), *cache = gn_xasprintf("%s/cache", tmp);
    char *toc = gn_xasprintf("%s/TOC.md", root), *a = gn_xasprintf("%s/a.md", root);
    char *b = gn_xasprintf("%s/b.md", root);
    assert_int_equal(mkdir(root, 0755), 0);
    write_text(toc, "# ガイド\n\n- [A](a.md)\n- [B](b.md)\n");
    write_text(a, "# A\n\n素早い狐。\n");
    write_text(b, "# B\n\n한국어 여우.\n");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&root, 1, &set, &err), 0);
    search_saved(&set, cache, "狐", (gn_scope){true, true});
    assert_true(on_disk(cache, &set.v[0], a));
    assert_true(on_disk(cache, &set.v[0], b));
    gn_localeset_free(&set);

    write_text(toc, "# ガイド\n\n- [A](a.md)\n");
    assert_int_equal(gn_localeset_discover(&root, 1, &set, &err), 0);
    search_saved(&set, cache, "狐", (gn_scope){false, false});
    assert_true(on_disk(cache, &set.v[0], b));
    search_saved(&set, cache, "狐", (gn_scope){true, true});
    assert_true(on_disk(cache, &set.v[0], a));
    assert_false(on_disk(cache, &set.v[0], b));
    gn_localeset_free(&set);

    unit_remove_tree(tmp);
    free(root);
    free(cache);
    free(toc);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cache_limits),
        cmocka_unit_test(test_disk_cache),
        cmocka_unit_test(test_disk_prune),
        cmocka_unit_test(test_forget_results),
    };
    return cmocka_run_group_tests_name("finder", tests, NULL, NULL);
}
