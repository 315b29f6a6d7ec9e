/* test_source.c: locale sources, sibling discovery, guides, the tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/resolve.h"
#include "guidenav/source.h"
#include "guidenav/tree.h"
#include "guidenav/util.h"

static char root[256];

static void write_file(const char *rel, const char *text)
{
    unit_write_file(root, rel, text);
}

static const char toc_en[] =
    "---\nuser-guide-title: Test Guide\n---\n\n# Test Guide {#test}\n\n"
    "- [Overview](overview.md)\n- Group {#group}\n  - [Child](child.md)\n  - [Gone](gone.md)\n"
    "- [Web](https://example.org/)\n";
static const char toc_ja[] =
    "---\nuser-guide-title: テストガイド\n---\n\n# テストガイド {#test}\n\n"
    "+ [概要](overview.md)\n+ グループ {#group}\n   + [子](child.md)\n";

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gn-source-XXXXXX");
    assert_non_null(mkdtemp(root));
    write_file("docs/set.en/help/one/TOC.md", toc_en);
    write_file("docs/set.en/help/one/overview.md", "# Overview\n");
    write_file("docs/set.en/help/one/child.md", "# Child\n");
    write_file("docs/set.en/help/two/TOC.md", "# Two\n\n- [A](a.md)\n");
    write_file("docs/set.ja-JP/help/one/TOC.md", toc_ja);
    write_file("docs/set.ja-JP/help/one/overview.md", "# 概要\n");
    write_file("docs/set.ko-KR/help/other/TOC.md", "# Other\n");  /* lacks "one" */
    write_file("docs/other.fr-FR/help/one/TOC.md", "# Autre\n");  /* other stem */
    write_file("docs/set.en/notes/readme.txt", "not a guide\n");
    write_file("bundle/en/TOC.md", toc_en);
    write_file("bundle/de-DE/TOC.md", "# Test\n");
    write_file("bundle/api/TOC.md", "# Not a locale\n");
    write_file("empty/readme.txt", "nothing\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_remove_tree(root);
    return 0;
}

static char *path_of(const char *rel)
{
    return gn_xasprintf("%s/%s", root, rel);
}

static void test_siblings_of_a_guide_folder(void **state)
{
    (void)state;
    char *p = path_of("docs/set.ja-JP/help/one");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    /* ja-JP as given, then en; ko-KR lacks the guide; other.fr-FR is
     * another stem. */
    assert_int_equal(set.n, 2);
    assert_string_equal(set.v[0].tag, "ja-JP");
    assert_string_equal(set.v[1].tag, "en");
    assert_int_equal(set.v[1].nguides, 1);
    /* Ids are paths from the repository root, whatever folder was given:
     * a place saved with an empty id was lost at the next start. */
    assert_string_equal(set.v[0].guides[0].id, "help/one");
    assert_string_equal(set.v[1].guides[0].id, "help/one");
    assert_non_null(strstr(set.v[1].root, "/docs/set.en/help/one"));
    const gn_toc *toc = gn_guide_toc(&set.v[0].guides[0], &err);
    assert_non_null(toc);
    assert_string_equal(gn_toc_title(toc), "テストガイド");
    gn_localeset_free(&set);
    free(p);
}

static void test_repository_root(void **state)
{
    (void)state;
    char *p = path_of("docs/set.en");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    assert_int_equal(set.n, 3); /* en, ja-JP, ko-KR: every sibling has guides */
    assert_string_equal(set.v[0].tag, "en");
    assert_int_equal(set.v[0].nguides, 2);
    assert_string_equal(set.v[0].guides[0].id, "help/one");
    assert_string_equal(set.v[0].guides[1].id, "help/two");
    gn_source *ja = gn_localeset_find(&set, "ja-JP");
    assert_non_null(ja);
    assert_non_null(gn_source_guide(ja, "help/one"));
    assert_null(gn_source_guide(ja, "help/two"));
    gn_localeset_free(&set);
    free(p);
}

static void test_tag_folders(void **state)
{
    (void)state;
    char *p = path_of("bundle/en");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    assert_int_equal(set.n, 2); /* "api" is no locale */
    assert_string_equal(set.v[0].tag, "en");
    assert_string_equal(set.v[1].tag, "de-DE");
    gn_localeset_free(&set);
    free(p);
}

/* A sibling locale that is a symbolic link out of the folder holding the
 * given source is not followed; one that stays inside it is. */
static void test_siblings_linked_out(void **state)
{
    (void)state;
    write_file("away/set.de-DE/help/one/TOC.md", "# Fremd\n");
    write_file("links/set.en/help/one/TOC.md", toc_en);
    write_file("links/kept/set.pt-BR/help/one/TOC.md", "# Guia\n");
    char *out = path_of("away/set.de-DE"), *out_link = path_of("links/set.de-DE");
    char *in = path_of("links/kept/set.pt-BR"), *in_link = path_of("links/set.pt-BR");
    char *loop = path_of("links/set.fr-FR");
    assert_int_equal(symlink(out, out_link), 0);
    assert_int_equal(symlink(in, in_link), 0);
    assert_int_equal(symlink(loop, loop), 0); /* a link to itself */
    char *p = path_of("links/set.en/help/one");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    assert_int_equal(set.n, 2);
    assert_string_equal(set.v[0].tag, "en");
    assert_string_equal(set.v[1].tag, "pt-BR");
    assert_null(gn_localeset_find(&set, "de-DE"));
    gn_localeset_free(&set);
    free(p);
    free(out);
    free(out_link);
    free(in);
    free(in_link);
    free(loop);
}

/* Containment: a page spelled below the repository root is inside unless
 * a link on its way points out; ".." and links are resolved. */
static void test_contains(void **state)
{
    (void)state;
    write_file("held/set.en/help/one/TOC.md", toc_en);
    write_file("held/set.en/help/one/page.md", "# Page\n");
    write_file("held/set.en/help/one/sub/deep.md", "# Deep\n");
    write_file("held/elsewhere/secret.md", "# Secret\n");
    char *sub = path_of("held/set.en/help/one/sub"), *out_dir = path_of("held/elsewhere");
    char *out_link = path_of("held/set.en/help/one/away");
    char *page = path_of("held/set.en/help/one/page.md");
    char *in_link = path_of("held/set.en/help/one/same.md");
    char *file_out = path_of("held/set.en/help/one/secret.md");
    char *secret = path_of("held/elsewhere/secret.md");
    assert_int_equal(symlink(out_dir, out_link), 0);
    assert_int_equal(symlink(page, in_link), 0);
    assert_int_equal(symlink(secret, file_out), 0);
    char *p = path_of("held/set.en");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    const gn_source *src = &set.v[0];
    struct { const char *rel; bool inside; } cases[] = {
        {"held/set.en/help/one/page.md", true},
        {"held/set.en/help/one/sub/deep.md", true},
        {"held/set.en/help/one/same.md", true},       /* a link inside */
        {"held/set.en/help/one/secret.md", false},    /* a link out */
        {"held/set.en/help/one/away/secret.md", false}, /* through a folder link */
        {"held/set.en/help/one/../../../elsewhere/secret.md", false},
        {"held/set.en/help/one/sub/../page.md", true},
        {"held/set.en/help/one/missing.md", false},
        {"held/set.en/help/one/page.md/", false},     /* a file is no folder */
        {"held/elsewhere/secret.md", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = path_of(cases[i].rel);
        if (gn_path_within(path, src->repo, src->real_repo) != cases[i].inside)
            fail_msg("%s: expected %s", cases[i].rel, cases[i].inside ? "inside" : "outside");
        free(path);
    }
    gn_localeset_free(&set);
    free(p);
    free(sub);
    free(out_dir);
    free(out_link);
    free(page);
    free(in_link);
    free(file_out);
    free(secret);
}

static void test_explicit_tags(void **state)
{
    (void)state;
    char *a = gn_xasprintf("fr-FR=%s/docs/set.en/help/one", root);
    char *b = gn_xasprintf("%s/docs/set.ja-JP/help/one", root);
    char *args[] = {a, b};
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(args, 2, &set, &err), 0);
    assert_int_equal(set.n, 2); /* two paths: no sibling discovery */
    assert_string_equal(set.v[0].tag, "fr-FR");
    assert_string_equal(set.v[1].tag, "ja-JP");
    gn_localeset_free(&set);
    free(a);
    free(b);
}

static void test_errors(void **state)
{
    (void)state;
    gn_localeset set;
    gn_error err;
    char *missing = path_of("nowhere");
    assert_int_equal(gn_localeset_discover(&missing, 1, &set, &err), -1);
    assert_non_null(strstr(err.msg, "nowhere"));
    char *empty = path_of("empty");
    assert_int_equal(gn_localeset_discover(&empty, 1, &set, &err), -1);
    assert_non_null(strstr(err.msg, "empty"));
    assert_non_null(strstr(err.msg, "no guide"));
    char *twice[] = {path_of("docs/set.en"), path_of("docs/set.en/help/one")};
    assert_int_equal(gn_localeset_discover(twice, 2, &set, &err), -1);
    assert_non_null(strstr(err.msg, "second locale source for en"));
    free(missing);
    free(empty);
    free(twice[0]);
    free(twice[1]);
}

/* A page named on the command line: the set of its guide's folder with
 * the sibling locales, the page's own locale first; a file in no guide
 * gets a set of its folder alone, holding no guide. */
static void test_set_of_page(void **state)
{
    (void)state;
    gn_localeset set;
    gn_error err;
    char *page = path_of("docs/set.ja-JP/help/one/overview.md");
    assert_int_equal(gn_localeset_of_page(page, &set, &err), 0);
    assert_int_equal(set.n, 2);
    assert_string_equal(set.v[0].tag, "ja-JP");
    char *root_ja = path_of("docs/set.ja-JP/help/one");
    assert_string_equal(set.v[0].root, root_ja);
    assert_string_equal(set.v[1].tag, "en");
    gn_localeset_free(&set);
    free(root_ja);
    free(page);

    page = path_of("empty/readme.txt");
    assert_int_equal(gn_localeset_of_page(page, &set, &err), -1);
    assert_int_equal(set.n, 0);
    char *want = gn_xasprintf("%s: not a page of a guide (no TOC.md above it)", page);
    assert_string_equal(err.msg, want);
    free(want);
    free(page);

    char *folder = path_of("docs/set.en/notes");
    gn_localeset_alone(folder, &set);
    assert_int_equal(set.n, 1);
    assert_string_equal(set.v[0].tag, "en");
    assert_string_equal(set.v[0].root, folder);
    assert_string_equal(set.v[0].repo, folder);
    assert_int_equal(set.v[0].nguides, 0);
    gn_localeset_free(&set);
    free(folder);
}

static void test_path_locale(void **state)
{
    (void)state;
    char *t = gn_path_locale("/x/set.ko-KR/help/one/page.md");
    assert_string_equal(t, "ko-KR");
    free(t);
    t = gn_path_locale("/x/guide/pt-BR/keys.md");
    assert_string_equal(t, "pt-BR");
    free(t);
    t = gn_path_locale("/x/y/page.md");
    assert_string_equal(t, "und");
    free(t);
}

/* With several guides, only the guides asked for are read and listed;
 * the others are titled from their TOC's front matter alone. */
static void test_tree_lists_some_guides(void **state)
{
    (void)state;
    char *p = path_of("docs/set.en");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    gn_source *en = &set.v[0];
    assert_int_equal(en->nguides, 2);
    bool list[2] = {false, true};
    gn_tree t;
    gn_tree_build(&t, en, list);
    assert_int_equal(t.n, 3); /* help/one unlisted; help/two and its entry */
    assert_true(t.items[0].unlisted);
    assert_true(t.items[0].has_children);
    assert_false(t.items[0].expanded);
    assert_string_equal(gn_tree_title(&t, 0), "Test Guide");
    assert_null(en->guides[0].toc); /* its list was not read */
    assert_false(t.items[1].unlisted);
    assert_string_equal(gn_tree_title(&t, 1), "Two"); /* no front matter: the heading */
    assert_int_equal(t.nrows, 2);
    gn_tree_free(&t);
    gn_tree_build(&t, en, NULL);
    assert_int_equal(t.n, 8); /* both: 1 + 5 entries, 1 + 1 */
    assert_false(t.items[0].unlisted);
    assert_non_null(en->guides[0].toc);
    gn_tree_free(&t);
    gn_localeset_free(&set);
    free(p);
}

static void test_tree(void **state)
{
    (void)state;
    char *p = path_of("docs/set.en/help/one");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    gn_tree t;
    gn_tree_build(&t, &set.v[0], NULL);
    assert_null(t.errors);
    assert_int_equal(t.n, 5);
    assert_int_equal(t.nrows, 3); /* the group starts collapsed */
    assert_string_equal(gn_tree_title(&t, t.rows[1]), "Group");
    assert_true(t.items[1].has_children);
    gn_tree_set_expanded(&t, 1, true);
    assert_int_equal(t.nrows, 5);
    assert_false(gn_tree_missing(&t, 2));
    assert_true(gn_tree_missing(&t, 3)); /* gone.md has no file */
    assert_int_equal(gn_tree_parent(&t, 3), 1);
    size_t item = gn_tree_find_page(&t, 0, "./child.md#part");
    assert_int_equal(item, 2);
    gn_tree_set_expanded(&t, 1, false);
    assert_int_equal(gn_tree_row_of(&t, 2), GN_NONE);
    gn_tree_reveal(&t, 2);
    assert_int_equal(gn_tree_row_of(&t, 2), 2);
    char *key = gn_tree_key(&t, 1);
    assert_string_equal(key, "help/one|#group");
    /* The same key finds the group in the Japanese tree. */
    gn_tree ja;
    gn_tree_build(&ja, &set.v[1], NULL);
    char *keys[] = {key, "|#nowhere", key};
    size_t found[3];
    gn_tree_find_keys(&ja, keys, 3, found);
    assert_int_equal(found[0], 1);
    assert_int_equal(found[1], GN_NONE);
    assert_int_equal(found[2], 1); /* a key given twice */
    assert_string_equal(gn_tree_title(&ja, 1), "グループ");
    free(key);
    gn_tree_free(&ja);
    gn_tree_free(&t);
    gn_localeset_free(&set);
    free(p);
}

static void test_tree_filter(void **state)
{
    (void)state;
    char *p = path_of("docs/set.ja-JP/help/one");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    gn_tree t;
    gn_tree_build(&t, &set.v[1], NULL); /* en: Overview, Group > Child, Gone; Web */
    assert_int_equal(t.nrows, 3);
    /* A substring of a title, case folded: the match and its parent. */
    size_t best = gn_tree_filter(&t, "CHI");
    assert_int_equal(best, 2);
    assert_int_equal(t.nrows, 2);
    assert_string_equal(gn_tree_title(&t, t.rows[0]), "Group");
    assert_string_equal(gn_tree_title(&t, t.rows[1]), "Child");
    /* Fuzzy: the letters in order. */
    best = gn_tree_filter(&t, "gne");
    assert_string_equal(gn_tree_title(&t, best), "Gone");
    /* A substring beats a fuzzy match: "ov" is in "Overview". */
    best = gn_tree_filter(&t, "ov");
    assert_string_equal(gn_tree_title(&t, best), "Overview");
    /* File names match too. */
    best = gn_tree_filter(&t, "gone.md");
    assert_string_equal(gn_tree_title(&t, best), "Gone");
    assert_int_equal(gn_tree_filter(&t, "zzz"), GN_NONE);
    assert_int_equal(t.nrows, 0);
    /* Ending the filter shows the tree as it was (the group collapsed). */
    gn_tree_filter(&t, "");
    assert_int_equal(t.nrows, 3);
    gn_tree_free(&t);
    /* Japanese titles. */
    gn_tree_build(&t, &set.v[0], NULL);
    best = gn_tree_filter(&t, "子");
    assert_string_equal(gn_tree_title(&t, best), "子");
    assert_int_equal(t.nrows, 2);
    gn_tree_free(&t);
    gn_localeset_free(&set);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_siblings_of_a_guide_folder),
        cmocka_unit_test(test_repository_root),
        cmocka_unit_test(test_tag_folders),
        cmocka_unit_test(test_siblings_linked_out),
        cmocka_unit_test(test_contains),
        cmocka_unit_test(test_explicit_tags),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_set_of_page),
        cmocka_unit_test(test_path_locale),
        cmocka_unit_test(test_tree_lists_some_guides),
        cmocka_unit_test(test_tree),
        cmocka_unit_test(test_tree_filter),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
