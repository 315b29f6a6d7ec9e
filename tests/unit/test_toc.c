/* test_toc.c: TOC.md parsing: entries, kinds, depths, lines, titles; and
 * every real TOC of ../shared when it is there. */
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/meta.h"
#include "guidenav/toc.h"
#include "guidenav/util.h"

/* One expected entry. */
struct want {
    gn_toc_kind kind;
    int depth, line;
    const char *title, *target, *anchor; /* NULL: none */
};

#define PAGE GN_TOC_PAGE
#define EXT GN_TOC_EXTERNAL
#define GROUP GN_TOC_GROUP

static void assert_opt_string(const char *got, const char *want, size_t i, const char *what)
{
    if (!want && got)
        fail_msg("entry %zu: %s is \"%s\", expected none", i, what, got);
    if (want && !got)
        fail_msg("entry %zu: %s is missing, expected \"%s\"", i, what, want);
    if (want && strcmp(got, want) != 0)
        fail_msg("entry %zu: %s is \"%s\", expected \"%s\"", i, what, got, want);
}

static void check_entries(const gn_toc *toc, const struct want *w, size_t n)
{
    assert_int_equal(toc->n, n);
    for (size_t i = 0; i < n; i++) {
        const gn_toc_entry *e = &toc->entries[i];
        if (e->kind != w[i].kind || e->depth != w[i].depth || e->line != w[i].line)
            fail_msg("entry %zu \"%s\": kind %d depth %d line %d, expected %d %d %d", i,
                     e->title, e->kind, e->depth, e->line, w[i].kind, w[i].depth, w[i].line);
        assert_opt_string(e->title, w[i].title, i, "title");
        assert_opt_string(e->target, w[i].target, i, "target");
        assert_opt_string(e->anchor, w[i].anchor, i, "anchor");
    }
}

/* Load tests/fixtures/toc/name, which must succeed. */
static void load(const char *name, gn_toc *toc)
{
    char *path = gn_xasprintf("%s/toc/%s", GN_FIXTURES, name);
    gn_error err;
    int rc = gn_toc_load(path, NULL, toc, &err);
    free(path);
    if (rc != 0)
        fail_msg("%s", err.msg);
}

/* Parse text held in memory, which must succeed. */
static void parse(const char *text, gn_toc *toc)
{
    gn_error err;
    if (gn_toc_parse("mem/TOC.md", text, strlen(text), toc, &err) != 0)
        fail_msg("%s", err.msg);
}

static void test_plus_three_spaces(void **state)
{
    (void)state;
    gn_toc toc;
    load("plus3.md", &toc);
    static const struct want w[] = {
        {PAGE, 0, 10, "Guide overview", "overview.md", NULL},
        {PAGE, 0, 11, "Open the Tool Shed panel", "./shed.md#panel", NULL},
        {GROUP, 0, 12, "Watering", NULL, "watering"},
        {PAGE, 1, 13, "Hoses & sprinklers", "hoses.md", NULL},
        {PAGE, 1, 14, "The \"Rain Barrel\" setup", "rain-barrel.md", NULL},
        {GROUP, 1, 15, "Drip lines", NULL, "drip"},
        {PAGE, 2, 16, "Drip Settings", "drip-settings.md", NULL},
        {PAGE, 2, 17, "Timers for AquaTime", "timers.md?v=2", NULL},
        {GROUP, 0, 18, "Pruning and shaping", NULL, "pruning"},
        {PAGE, 1, 19, "Shears", "shears.md", NULL},
        {EXT, 0, 20, "Back to the handbook home", "https://example.com/handbook/home", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    assert_string_equal(toc.heading, "Garden Tools Guide");
    assert_string_equal(toc.anchor, "garden");
    assert_string_equal(gn_toc_title(&toc), "Garden Tools Guide");
    assert_string_equal(toc.path, GN_FIXTURES "/toc/plus3.md");
    assert_int_equal(toc.meta.n, 3);
    assert_string_equal(toc.meta.v[1].key, "breadcrumb-title");
    assert_string_equal(gn_meta_get(&toc.meta, "source-wordcount"), "42");

    assert_int_equal(gn_toc_find_page(&toc, "overview.md"), 0);
    assert_int_equal(gn_toc_find_page(&toc, "shed.md"), 1);
    assert_int_equal(gn_toc_find_page(&toc, "./shed.md"), 1);
    assert_int_equal(gn_toc_find_page(&toc, "./././shed.md#other"), 1);
    assert_int_equal(gn_toc_find_page(&toc, "timers.md"), 7);
    assert_int_equal(gn_toc_find_page(&toc, "drip-settings.md#x"), 6);
    assert_int_equal(gn_toc_find_page(&toc, "https://example.com/handbook/home"), -1);
    assert_int_equal(gn_toc_find_page(&toc, "overview"), -1);
    assert_int_equal(gn_toc_find_page(&toc, "overview.md.bak"), -1);
    assert_int_equal(gn_toc_find_page(&toc, "missing.md"), -1);
    assert_int_equal(gn_toc_find_page(&toc, ""), -1);
    assert_int_equal(gn_toc_find_page(&toc, "watering"), -1);
    gn_toc_free(&toc);
    assert_int_equal(toc.n, 0);
    assert_null(toc.entries);
}

static void test_dash_two_spaces(void **state)
{
    (void)state;
    gn_toc toc;
    load("dash2.md", &toc);
    static const struct want w[] = {
        {PAGE, 0, 7, "Start here", "start.md", NULL},
        {GROUP, 0, 8, "Bins", NULL, "bins"},
        {PAGE, 1, 9, "Wooden bins", "wooden.md", NULL},
        {PAGE, 1, 10, "Tumblers", "tumblers.md", NULL},
        {PAGE, 2, 11, "Tumbler maintenance", "tumbler-care.md", NULL},
        {PAGE, 0, 12, "Worms", "worms.md", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    /* user-guide-title wins over the heading, its markup rendered. */
    assert_string_equal(gn_toc_title(&toc), "Compost Handbook");
    assert_string_equal(toc.heading, "Compost handbook");
    gn_toc_free(&toc);
}

static void test_star_four_spaces(void **state)
{
    (void)state;
    gn_toc toc;
    load("star4.md", &toc);
    static const struct want w[] = {
        {PAGE, 0, 3, "Sowing", "sowing.md", NULL},
        {GROUP, 0, 4, "Storage", NULL, "storage"},
        {PAGE, 1, 5, "Dry storage", "dry.md", NULL},
        {PAGE, 1, 6, "Cold storage", "cold.md", NULL},
        {EXT, 0, 7, "Mail us", "mailto:seeds@example.com", NULL},
        {EXT, 0, 8, "Mirror", "//mirror.example.org/seeds", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    assert_int_equal(toc.meta.n, 0);
    assert_string_equal(toc.heading, "Seeds");
    assert_null(toc.anchor);
    assert_string_equal(gn_toc_title(&toc), "Seeds");
    gn_toc_free(&toc);
}

static void test_mixed_and_ordered(void **state)
{
    (void)state;
    gn_toc toc;
    load("mixed.md", &toc);
    static const struct want mixed[] = {
        {PAGE, 0, 6, "One", "one.md", NULL},
        {PAGE, 1, 7, "Two", "two.md", NULL},
        {PAGE, 2, 8, "Three", "three.md", NULL},
        {PAGE, 0, 9, "Four", "four.md", NULL},
        {PAGE, 1, 10, "Five", "five.md", NULL},
        {PAGE, 1, 11, "Six", "six.md", NULL},
        {GROUP, 0, 12, "Seven", NULL, "seven"},
    };
    check_entries(&toc, mixed, sizeof mixed / sizeof *mixed);
    assert_string_equal(gn_toc_title(&toc), "Mixed lists");
    gn_toc_free(&toc);

    load("ordered.md", &toc);
    static const struct want ordered[] = {
        {PAGE, 0, 3, "First step", "first.md", NULL},
        {PAGE, 0, 4, "Second step", "second.md", NULL},
        {PAGE, 1, 5, "Second, part a", "second-a.md", NULL},
        {PAGE, 1, 6, "Second, part b", "second-b.md", NULL},
        {GROUP, 0, 7, "Third group", NULL, "third"},
    };
    check_entries(&toc, ordered, sizeof ordered / sizeof *ordered);
    gn_toc_free(&toc);
}

static void test_cjk(void **state)
{
    (void)state;
    gn_toc toc;
    load("cjk.md", &toc);
    static const struct want w[] = {
        {GROUP, 0, 7, "道具の手入れ と保管", NULL, "tools"},
        {PAGE, 1, 8, "刃物の研ぎ方", "sharpen.md", NULL},
        {GROUP, 0, 9, "정원 관리", NULL, "care"},
        {PAGE, 1, 10, "Watering 설정", "watering.md", NULL},
        {PAGE, 1, 11, "물 주기 안내", "watering-guide.md", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    assert_string_equal(gn_toc_title(&toc), "庭仕事ガイド");
    assert_string_equal(toc.anchor, "garden");
    gn_toc_free(&toc);
}

static void test_deep(void **state)
{
    (void)state;
    gn_toc toc;
    load("deep.md", &toc);
    static const struct want w[] = {
        {PAGE, 0, 3, "L0", "l0.md", NULL},
        {PAGE, 1, 4, "L1", "l1.md", NULL},
        {PAGE, 2, 5, "L2", "l2.md", NULL},
        {PAGE, 3, 6, "L3", "l3.md", NULL},
        {PAGE, 4, 7, "L4", "l4.md", NULL},
        {PAGE, 0, 8, "Back", "back.md", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    gn_toc_free(&toc);

    /* Far deeper than any guide: no recursion, no crash. Indentation is
     * bounded to GN_BOUND_INDENT (128) columns before cmark sees it (see
     * bound.h), so the levels below 64 become siblings at depth 64; no
     * entry is lost and lines stay those of the file. */
    gn_buf b = GN_BUF_INIT;
    for (int i = 0; i < 1000; i++) {
        for (int k = 0; k < i; k++)
            gn_buf_adds(&b, "  ");
        gn_buf_adds(&b, "- [x](x.md)\n");
    }
    parse(b.data, &toc);
    assert_int_equal(toc.n, 1000);
    assert_int_equal(toc.entries[63].depth, 63);
    assert_int_equal(toc.entries[64].depth, 64);
    assert_int_equal(toc.entries[999].depth, 64);
    assert_int_equal(toc.entries[999].line, 1000);
    gn_toc_free(&toc);
    gn_buf_free(&b);

    /* Container markers on a line are bounded to GN_BOUND_CONTAINERS (32):
     * 16 quotes and 16 items nest, the rest is the last item's text. */
    b = (gn_buf)GN_BUF_INIT;
    for (int i = 0; i < 20000; i++)
        gn_buf_adds(&b, "> - ");
    gn_buf_adds(&b, "x\n");
    parse(b.data, &toc);
    assert_int_equal(toc.n, 16);
    assert_int_equal(toc.entries[15].depth, 15);
    assert_int_equal(toc.entries[15].kind, GROUP);
    assert_true(strncmp(toc.entries[15].title, "> - > - ", 8) == 0);
    gn_toc_free(&toc);
    gn_buf_free(&b);
}

static void test_empty_items(void **state)
{
    (void)state;
    gn_toc toc;
    load("emptyitem.md", &toc);
    static const struct want w[] = {
        {GROUP, 0, 3, "", NULL, NULL},
        {PAGE, 0, 4, "After empty", "after.md", NULL},
        {GROUP, 0, 5, "", NULL, NULL},
        {PAGE, 1, 5, "Nested at once", "nested.md", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    gn_toc_free(&toc);
}

static void test_no_entries(void **state)
{
    (void)state;
    gn_toc toc;
    /* Empty file: no heading, the folder names the guide. */
    load("empty.md", &toc);
    assert_int_equal(toc.n, 0);
    assert_int_equal(toc.meta.n, 0);
    assert_null(toc.heading);
    assert_string_equal(gn_toc_title(&toc), "toc");
    gn_toc_free(&toc);

    load("nofm.md", &toc);
    static const struct want w[] = {
        {PAGE, 0, 3, "Alpha", "alpha.md", NULL},
        {PAGE, 0, 4, "Beta", "beta.md", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    assert_string_equal(gn_toc_title(&toc), "Plain guide");
    gn_toc_free(&toc);

    load("fmonly.md", &toc);
    assert_int_equal(toc.n, 0);
    assert_int_equal(toc.meta.n, 2);
    assert_null(toc.heading);
    assert_string_equal(gn_toc_title(&toc), "Only Front Matter");
    gn_toc_free(&toc);
}

static void test_line_endings_and_bom(void **state)
{
    (void)state;
    gn_toc toc;
    load("crlf.md", &toc);
    static const struct want crlf[] = {
        {PAGE, 0, 8, "First", "first.md", NULL},
        {GROUP, 0, 9, "Group", NULL, "group"},
        {PAGE, 1, 10, "Second", "second.md", NULL},
    };
    check_entries(&toc, crlf, sizeof crlf / sizeof *crlf);
    assert_string_equal(gn_toc_title(&toc), "Windows Guide");
    assert_string_equal(toc.heading, "Windows Guide");
    assert_string_equal(toc.anchor, "win");
    assert_string_equal(gn_meta_get(&toc.meta, "feature"), "Line endings");
    gn_toc_free(&toc);

    load("bom.md", &toc);
    static const struct want bom[] = {
        {PAGE, 0, 7, "Only page", "only.md", NULL},
    };
    check_entries(&toc, bom, 1);
    assert_string_equal(gn_toc_title(&toc), "Marked Guide");
    assert_string_equal(toc.anchor, "marked");
    gn_toc_free(&toc);

    /* A BOM without front matter. */
    parse("\xEF\xBB\xBF# Top\n\n- [P](p.md)\n", &toc);
    assert_string_equal(toc.heading, "Top");
    assert_int_equal(toc.n, 1);
    assert_int_equal(toc.entries[0].line, 3);
    gn_toc_free(&toc);
}

static void test_errors(void **state)
{
    (void)state;
    gn_toc toc;
    gn_error err;
    const char *bad = GN_FIXTURES "/toc/badyaml.md";
    assert_int_equal(gn_toc_load(bad, NULL, &toc, &err), -1);
    if (strncmp(err.msg, GN_FIXTURES "/toc/badyaml.md:4: ", strlen(bad) + 4) != 0 ||
        !strstr(err.msg, "line 3"))
        fail_msg("unexpected message: %s", err.msg);
    assert_int_equal(toc.n, 0);
    assert_int_equal(toc.meta.n, 0);
    assert_null(toc.heading);
    gn_toc_free(&toc);

    assert_int_equal(gn_toc_load(GN_FIXTURES "/toc/unclosed.md", NULL, &toc, &err), -1);
    assert_string_equal(err.msg, GN_FIXTURES "/toc/unclosed.md:1: front matter is not closed");
    assert_int_equal(toc.n, 0);
    assert_string_equal(gn_toc_title(&toc), "");
    gn_toc_free(&toc);

    assert_int_equal(gn_toc_load(GN_FIXTURES "/toc/no-such-file.md", NULL, &toc, &err), -1);
    assert_non_null(strstr(err.msg, "no-such-file.md"));
    gn_toc_free(&toc);

    assert_int_equal(gn_toc_load(GN_FIXTURES "/toc", NULL, &toc, &err), -1);
    gn_toc_free(&toc);
}

static void test_entities_and_controls(void **state)
{
    (void)state;
    gn_toc toc;
    parse("---\nuser-guide-title: |\n  Two\n  lines\n---\n"
          "# H &amp; I\n\n"
          "- [A&#10;B&#9;C](a.md)\n"
          "- Esc &#27;[31m red {#esc}\n"
          "- [`code` and *emph*\n  on two lines](b.md)\n"
          "- ![an image](img.png) [the link](c.md)\n"
          "- <https://example.com/auto>\n"
          "- [Odd]( <spaced name.md> )\n"
          "- [Upper](HTTP://EXAMPLE.COM)\n"
          "- [Not scheme](1http:x.md)\n"
          "- [Port](localhost:8080/x.md)\n"
          "- [Esc target](a&#27;[2J.md#b&#x9b;c)\n",
          &toc);
    static const struct want w[] = {
        {PAGE, 0, 8, "A B C", "a.md", NULL},
        {GROUP, 0, 9, "Esc \xE2\x90\x9B[31m red", NULL, "esc"},
        {PAGE, 0, 10, "code and emph on two lines", "b.md", NULL},
        {PAGE, 0, 12, "the link", "c.md", NULL},
        {EXT, 0, 13, "https://example.com/auto", "https://example.com/auto", NULL},
        {PAGE, 0, 14, "Odd", "spaced name.md", NULL},
        {EXT, 0, 15, "Upper", "HTTP://EXAMPLE.COM", NULL},
        {PAGE, 0, 16, "Not scheme", "1http:x.md", NULL},
        {EXT, 0, 17, "Port", "localhost:8080/x.md", NULL},
        /* Targets are sanitised as titles are. */
        {PAGE, 0, 18, "Esc target", "a\xE2\x90\x9B[2J.md#b\xEF\xBF\xBD" "c", NULL},
    };
    check_entries(&toc, w, sizeof w / sizeof *w);
    assert_string_equal(toc.heading, "H & I");
    assert_string_equal(gn_toc_title(&toc), "Two lines");
    gn_toc_free(&toc);
}

static void test_binary_junk(void **state)
{
    (void)state;
    unsigned seed = 99;
    char junk[2048];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        if (round % 4 == 0) {
            memcpy(junk, "---\na: b\n---\n", 13);
            n = 13;
        }
        size_t len = 100 + (size_t)round * 5;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            char c = (char)(seed >> 16);
            if (round % 2 && (seed >> 9) % 3 == 0)
                c = "+-* \n\t[]()#{}!&;0123456789.<>`"[(seed >> 3) % 31];
            junk[n++] = c;
        }
        gn_toc toc;
        gn_error err;
        if (gn_toc_parse("junk/TOC.md", junk, n, &toc, &err) == 0) {
            for (size_t i = 0; i < toc.n; i++) {
                const gn_toc_entry *e = &toc.entries[i];
                assert_non_null(e->title);
                for (const char *c = e->title; *c; c++)
                    assert_true((unsigned char)*c >= 0x20 && *c != 0x7F);
                assert_true(e->line >= 1);
                assert_true(e->depth >= 0);
                assert_true((e->kind == GN_TOC_GROUP) == (e->target == NULL));
            }
            assert_non_null(gn_toc_title(&toc));
        }
        gn_toc_free(&toc);
    }
}

/* --- integration over ../shared --- */

/* True when the line text[a..b) is a list item line: optional spaces, then
 * "+", "-" or "*", or digits and "." or ")", then a space. */
static bool is_item_line(const char *text, size_t a, size_t b)
{
    while (a < b && text[a] == ' ')
        a++;
    if (a < b && (text[a] == '+' || text[a] == '-' || text[a] == '*'))
        return a + 1 < b && text[a + 1] == ' ';
    size_t d = a;
    while (d < b && text[d] >= '0' && text[d] <= '9')
        d++;
    return d > a && d + 1 < b && (text[d] == '.' || text[d] == ')') && text[d + 1] == ' ';
}

/* Check the TOC at path against its own text, counted independently:
 * as many entries as list item lines after the front matter, and every
 * entry's line one of those lines. */
static void check_real_toc(const char *path)
{
    char *text;
    size_t len;
    gn_error err;
    if (gn_read_file(path, &text, &len, &err) != 0)
        fail_msg("%s", err.msg);
    gn_toc toc;
    if (gn_toc_load(path, NULL, &toc, &err) != 0)
        fail_msg("%s", err.msg);

    /* Lines of the file; the body starts after the second "---" line. */
    size_t nlines = 0, cap = 64;
    size_t *starts = malloc(cap * sizeof *starts), *ends = malloc(cap * sizeof *ends);
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        if (nlines == cap) {
            cap *= 2;
            starts = realloc(starts, cap * sizeof *starts);
            ends = realloc(ends, cap * sizeof *ends);
        }
        starts[nlines] = i;
        ends[nlines++] = e > i && text[e - 1] == '\r' ? e - 1 : e;
        i = e + 1;
    }
    size_t body = 0, fences = 0;
    for (size_t l = 0; l < nlines && fences < 2; l++)
        if (ends[l] - starts[l] == 3 && memcmp(text + starts[l], "---", 3) == 0 && ++fences == 2)
            body = l + 1;
    assert_int_equal(fences, 2);

    size_t items = 0;
    for (size_t l = body; l < nlines; l++)
        items += is_item_line(text, starts[l], ends[l]);
    if (toc.n != items)
        fail_msg("%s: %zu entries, %zu list item lines", path, toc.n, items);
    for (size_t i = 0; i < toc.n; i++) {
        const gn_toc_entry *e = &toc.entries[i];
        size_t l = (size_t)e->line - 1;
        if (e->line < 1 || l < body || l >= nlines || !is_item_line(text, starts[l], ends[l]))
            fail_msg("%s: entry %zu \"%s\" has line %d, not a list item", path, i, e->title, e->line);
        if (strstr(e->title, "[!") || strstr(e->title, "{#") || e->title[0] == '\0')
            fail_msg("%s: entry %zu has title \"%s\"", path, i, e->title);
        if (i > 0 && e->depth > toc.entries[i - 1].depth + 1)
            fail_msg("%s: entry %zu jumps in depth", path, i);
    }
    assert_int_equal(toc.entries[0].depth, 0);
    const char *title = gn_toc_title(&toc);
    if (!*title || strstr(title, "[!"))
        fail_msg("%s: guide title \"%s\"", path, title);
    assert_non_null(toc.heading);
    assert_non_null(toc.anchor);
    free(starts);
    free(ends);
    free(text);
    gn_toc_free(&toc);
}

/* Paths matching pattern (at least one) into g; skips the test, saying
 * so, when the folder dir of ../shared is absent. */
static size_t shared_glob(const char *dir, const char *pattern, glob_t *g)
{
    if (!gn_is_dir(dir)) {
        print_message("# %s is absent: skipping this test over real guides\n", dir);
        skip();
    }
    if (glob(pattern, 0, NULL, g) != 0)
        fail_msg("no file matches %s", pattern);
    return g->gl_pathc;
}

static void test_shared_seed_counts(void **state)
{
    (void)state;
    glob_t g;
    size_t n = shared_glob(GN_SHARED "/seeds",
                           GN_SHARED "/seeds/commerce-admin.*/help/customers/TOC.md", &g);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++)
        check_real_toc(g.gl_pathv[i]);
    globfree(&g);
}

static void test_shared_corpus_counts(void **state)
{
    (void)state;
    glob_t g;
    size_t n = shared_glob(GN_SHARED "/corpus", GN_SHARED "/corpus/*/help/*/TOC.md", &g);
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++)
        check_real_toc(g.gl_pathv[i]);
    globfree(&g);
}

/* Load the customers TOC of the seed for locale. */
static void load_seed(const char *locale, gn_toc *toc)
{
    char *path = gn_xasprintf("%s/seeds/commerce-admin.%s/help/customers/TOC.md",
                              GN_SHARED, locale);
    gn_error err;
    int rc = gn_toc_load(path, NULL, toc, &err);
    free(path);
    if (rc != 0)
        fail_msg("%s", err.msg);
}

static void test_shared_seeds(void **state)
{
    (void)state;
    glob_t g;
    shared_glob(GN_SHARED "/seeds", GN_SHARED "/seeds/commerce-admin.*/help/customers/TOC.md", &g);
    globfree(&g);

    static const struct {
        const char *locale;
        bool personalize;
    } seeds[] = {
        {"ja-JP", false}, {"ko-KR", true}, {"fr-FR", true}, {"pt-BR", true}, {"de-DE", false},
    };
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        gn_toc toc;
        load_seed(seeds[s].locale, &toc);
        long p = gn_toc_find_page(&toc, "personalize-scale.md");
        if ((p >= 0) != seeds[s].personalize)
            fail_msg("%s: personalize-scale.md found at %ld", seeds[s].locale, p);
        if (p >= 0)
            assert_int_equal(toc.entries[p].depth, 1);

        assert_string_equal(toc.anchor, "customers");
        assert_int_equal(toc.entries[0].kind, GN_TOC_PAGE);
        assert_string_equal(toc.entries[0].target, "guide-overview.md");
        assert_int_equal(toc.entries[0].line, 15);
        assert_string_equal(gn_toc_title(&toc), gn_meta_get(&toc.meta, "user-guide-title"));

        long acct = gn_toc_find_page(&toc, "./account-dashboard-my-account.md");
        assert_true(acct > 0);
        assert_string_equal(toc.entries[acct].title, "My Account");
        assert_int_equal(toc.entries[acct].depth, 2);

        /* The "manage" group, whatever the spacing before its anchor. */
        size_t groups = 0;
        for (size_t i = 0; i < toc.n; i++) {
            const gn_toc_entry *e = &toc.entries[i];
            if (!e->anchor || strcmp(e->anchor, "manage") != 0)
                continue;
            groups++;
            size_t tl = strlen(e->title);
            assert_int_equal(e->kind, GN_TOC_GROUP);
            assert_int_equal(e->depth, 1);
            assert_true(tl > 0 && e->title[tl - 1] != ' ' && !strchr(e->title, '{'));
        }
        assert_int_equal(groups, 1);

        const gn_toc_entry *last = &toc.entries[toc.n - 1];
        bool ko = strcmp(seeds[s].locale, "ko-KR") == 0;
        assert_int_equal(last->kind == GN_TOC_EXTERNAL, ko);
        if (ko)
            assert_true(strncmp(last->target, "https://", 8) == 0);

        /* de-DE writes a title's quotes as &quot;: decoded, never raw. */
        bool quote = false;
        for (size_t i = 0; i < toc.n; i++) {
            quote = quote || strchr(toc.entries[i].title, '"');
            assert_null(strstr(toc.entries[i].title, "&quot;"));
        }
        assert_int_equal(quote, strcmp(seeds[s].locale, "de-DE") == 0);
        gn_toc_free(&toc);
    }
}

/* Reading a guide straight through: the page entries in the TOC's order,
 * past groups and external links, and past entries naming the page being
 * left (a section of it); going back, a page from its first entry. */
static void test_next_page(void **state)
{
    (void)state;
    gn_toc toc;
    parse("# 読書の案内\n\n"
          "- [はじめに](intro.md)\n"                    /* 0 */
          "- 基本 {#basics}\n"                          /* 1 */
          "  - [画面の見方](./screen.md)\n"             /* 2 */
          "  - [画面の続き](screen.md#more)\n"          /* 3: the same page */
          "  - 操作 {#ops}\n"                           /* 4 */
          "    - [キー操作](keys.md)\n"                 /* 5 */
          "- [ウェブ版](https://example.org/tour)\n"    /* 6 */
          "- [はじめに、再び](intro.md)\n"              /* 7: named twice */
          "- [마치며](end.md)\n"                        /* 8 */
          "- 빈 그룹 {#empty}\n",                       /* 9 */
          &toc);
    assert_int_equal(toc.n, 10);
    /* Forward from before the first entry: every page once, in order. */
    static const long forward[] = {0, 2, 5, 7, 8};
    long at = -1;
    for (size_t i = 0; i < sizeof forward / sizeof *forward; i++) {
        at = gn_toc_next_page(&toc, at, 1);
        assert_int_equal(at, forward[i]);
    }
    assert_int_equal(gn_toc_next_page(&toc, at, 1), -1);
    /* Back from after the last entry: screen.md from its first entry. */
    static const long backward[] = {8, 7, 5, 2, 0};
    at = (long)toc.n;
    for (size_t i = 0; i < sizeof backward / sizeof *backward; i++) {
        at = gn_toc_next_page(&toc, at, -1);
        assert_int_equal(at, backward[i]);
    }
    assert_int_equal(gn_toc_next_page(&toc, at, -1), -1);
    /* From a group, a section entry or an external link. */
    assert_int_equal(gn_toc_next_page(&toc, 1, 1), 2);
    assert_int_equal(gn_toc_next_page(&toc, 3, 1), 5);
    assert_int_equal(gn_toc_next_page(&toc, 3, -1), 0);
    assert_int_equal(gn_toc_next_page(&toc, 6, -1), 5);
    assert_int_equal(gn_toc_next_page(&toc, 4, -1), 2);
    /* Out of range: clamped to before the first and after the last. */
    assert_int_equal(gn_toc_next_page(&toc, -7, 1), 0);
    assert_int_equal(gn_toc_next_page(&toc, 99, -1), 8);
    gn_toc_free(&toc);
    /* A TOC without pages has none to read. */
    parse("# 빈 안내\n\n- 그룹 {#g}\n  - [웹](https://example.org/)\n", &toc);
    assert_int_equal(gn_toc_next_page(&toc, -1, 1), -1);
    assert_int_equal(gn_toc_next_page(&toc, (long)toc.n, -1), -1);
    gn_toc_free(&toc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plus_three_spaces),
        cmocka_unit_test(test_dash_two_spaces),
        cmocka_unit_test(test_star_four_spaces),
        cmocka_unit_test(test_mixed_and_ordered),
        cmocka_unit_test(test_cjk),
        cmocka_unit_test(test_deep),
        cmocka_unit_test(test_empty_items),
        cmocka_unit_test(test_no_entries),
        cmocka_unit_test(test_line_endings_and_bom),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_entities_and_controls),
        cmocka_unit_test(test_binary_junk),
        cmocka_unit_test(test_next_page),
        cmocka_unit_test(test_shared_seed_counts),
        cmocka_unit_test(test_shared_corpus_counts),
        cmocka_unit_test(test_shared_seeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
