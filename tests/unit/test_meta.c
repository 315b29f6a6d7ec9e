/* test_meta.c: YAML front matter: keys, values, lines and errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/meta.h"
#include "guidenav/page.h"
#include "guidenav/util.h"

/* The result of one gn_meta_parse. */
struct parsed {
    int rc;
    gn_meta meta;
    size_t body_off;
    int body_line;
    gn_error err;
};

static struct parsed parse_n(const char *path, const char *text, size_t len)
{
    struct parsed p;
    memset(&p, 0, sizeof p);
    p.body_off = 12345;
    p.body_line = -7;
    p.rc = gn_meta_parse(path, text, len, &p.meta, &p.body_off, &p.body_line, &p.err);
    return p;
}

static struct parsed parse(const char *text)
{
    return parse_n("mem.md", text, strlen(text));
}

/* Parse a fixture of tests/fixtures/meta; *text receives the file, which
 * the caller frees. */
static struct parsed parse_fixture(const char *name, char **text)
{
    char *path = gn_xasprintf("%s/meta/%s", GN_FIXTURES, name);
    size_t len;
    gn_error err;
    if (gn_read_file(path, text, &len, &err) != 0)
        fail_msg("%s", err.msg);
    struct parsed p = parse_n(path, *text, len);
    free(path);
    return p;
}

static void assert_entry(const gn_meta *m, size_t i, const char *key,
                         const char *value, int line)
{
    assert_true(i < m->n);
    assert_string_equal(m->v[i].key, key);
    assert_string_equal(m->v[i].value, value);
    assert_int_equal(m->v[i].line, line);
}

/* A failure: message as wanted, meta left empty. */
static void assert_error(struct parsed *p, const char *want_prefix, const char *want_part)
{
    assert_int_equal(p->rc, -1);
    assert_int_equal(p->meta.n, 0);
    assert_null(p->meta.v);
    if (strncmp(p->err.msg, want_prefix, strlen(want_prefix)) != 0)
        fail_msg("message \"%s\" does not start with \"%s\"", p->err.msg, want_prefix);
    if (want_part && !strstr(p->err.msg, want_part))
        fail_msg("message \"%s\" does not contain \"%s\"", p->err.msg, want_part);
    gn_meta_free(&p->meta);
}

static void test_keys_in_order(void **state)
{
    (void)state;
    char *text;
    struct parsed p = parse_fixture("keys.md", &text);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 8);
    assert_entry(&p.meta, 0, "title", "Pot sizes [!UICONTROL Large]", 2);
    assert_entry(&p.meta, 1, "description", "A double-quoted: value", 3);
    assert_entry(&p.meta, 2, "source-wordcount", "119", 4);
    assert_entry(&p.meta, 3, "role", "Admin, User", 5);
    assert_entry(&p.meta, 4, "tags", "soil, clay", 6);
    assert_entry(&p.meta, 5, "nested", "inner: value, list: [a, b]", 9);
    assert_entry(&p.meta, 6, "empty", "", 12);
    assert_entry(&p.meta, 7, "exp", "x, [y, z], {k: v}", 13);
    assert_int_equal(p.body_line, 15);
    assert_true(strncmp(text + p.body_off, "\n# Body starts here\n", 20) == 0);

    assert_string_equal(gn_meta_get(&p.meta, "source-wordcount"), "119");
    assert_string_equal(gn_meta_get(&p.meta, "empty"), "");
    assert_null(gn_meta_get(&p.meta, "missing"));
    assert_null(gn_meta_get(&p.meta, "Title"));
    gn_meta_free(&p.meta);
    assert_int_equal(p.meta.n, 0);
    gn_meta_free(&p.meta); /* twice is harmless */
    free(text);
}

static void test_no_front_matter(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "# Title\n\nText\n", "", "\n---\na: b\n---\n", "----\na: b\n----\n",
        "--- a: b\n---\n", " ---\na: b\n---\n", "-- \n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        struct parsed p = parse(texts[i]);
        assert_int_equal(p.rc, 0);
        assert_int_equal(p.meta.n, 0);
        assert_int_equal(p.body_off, 0);
        assert_int_equal(p.body_line, 1);
        gn_meta_free(&p.meta);
    }
    /* A NULL-free zero-length buffer. */
    struct parsed p = parse_n("empty.md", "", 0);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.body_line, 1);
}

static void test_fences(void **state)
{
    (void)state;
    /* Empty block; body on line 3. */
    struct parsed p = parse("---\n---\nBody\n");
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 0);
    assert_int_equal(p.body_off, 8);
    assert_int_equal(p.body_line, 3);

    /* Trailing spaces and CR on the fences; the file ends at the fence. */
    p = parse("---  \r\nk: v\n---");
    assert_int_equal(p.rc, 0);
    assert_entry(&p.meta, 0, "k", "v", 2);
    assert_int_equal(p.body_off, 15);
    assert_int_equal(p.body_line, 4);
    gn_meta_free(&p.meta);

    /* A block of only comments is an empty mapping. */
    p = parse("---\n# nothing here\n\n---\nx");
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 0);
    assert_int_equal(p.body_line, 5);

    /* "..." closes it too. */
    char *text;
    p = parse_fixture("dots.md", &text);
    assert_int_equal(p.rc, 0);
    assert_entry(&p.meta, 0, "first", "one", 2);
    assert_int_equal(p.body_line, 4);
    assert_string_equal(text + p.body_off, "Body after dots\n");
    gn_meta_free(&p.meta);
    free(text);
}

static void test_crlf_and_bom(void **state)
{
    (void)state;
    char *text;
    struct parsed p = parse_fixture("crlf.md", &text);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 2);
    assert_entry(&p.meta, 0, "first", "one", 2);
    assert_entry(&p.meta, 1, "second", "two", 3);
    assert_int_equal(p.body_line, 5);
    assert_string_equal(text + p.body_off, "Body\r\n");
    gn_meta_free(&p.meta);
    free(text);

    p = parse_fixture("bom.md", &text);
    assert_int_equal(p.rc, 0);
    assert_entry(&p.meta, 0, "first", "one", 2);
    assert_int_equal(p.body_line, 4);
    assert_string_equal(text + p.body_off, "Body\n");
    gn_meta_free(&p.meta);
    free(text);
}

static void test_unclosed(void **state)
{
    (void)state;
    struct parsed p = parse("---\ntitle: open\n\n# Heading\n");
    assert_error(&p, "mem.md:1: front matter is not closed", NULL);
    p = parse("---");
    assert_error(&p, "mem.md:1: front matter is not closed", NULL);
    p = parse("\xEF\xBB\xBF---\n");
    assert_error(&p, "mem.md:1: front matter is not closed", NULL);
}

static void test_malformed(void **state)
{
    (void)state;
    struct parsed p = parse("---\na: b\n  c: d\n---\n");
    assert_error(&p, "mem.md:3: ", "mapping values are not allowed");

    p = parse("---\na: b\nc: [x\nd: e\n---\n");
    assert_error(&p, "mem.md:4: ", "line 3");

    char *text;
    p = parse_fixture("tab.md", &text);
    assert_error(&p, GN_FIXTURES "/meta/tab.md:3: ", "tab");
    free(text);

    p = parse_fixture("scalar.md", &text);
    assert_error(&p, GN_FIXTURES "/meta/scalar.md:2: ", "not a mapping");
    free(text);

    p = parse("---\n- a\n- b\n---\n");
    assert_error(&p, "mem.md:2: ", "not a mapping");

    p = parse("---\na: 1\n--- b: 2\n---\n");
    assert_error(&p, "mem.md:3: ", "more than one");
}

static void test_alias_refused(void **state)
{
    (void)state;
    char *text;
    struct parsed p = parse_fixture("alias.md", &text);
    assert_error(&p, GN_FIXTURES "/meta/alias.md:3: ", "alias");
    free(text);
}

/* "---\nk: " + depth '[' + "x" + depth ']' + "\n---\n" */
static char *nested(int depth)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "---\nfirst: 1\nk: ");
    for (int i = 0; i < depth; i++)
        gn_buf_addc(&b, '[');
    gn_buf_addc(&b, 'x');
    for (int i = 0; i < depth; i++)
        gn_buf_addc(&b, ']');
    gn_buf_adds(&b, "\n---\n");
    return gn_buf_take(&b);
}

static void test_depth_cap(void **state)
{
    (void)state;
    /* The top mapping is level 1: 63 nested sequences make 64 levels. */
    char *text = nested(63);
    struct parsed p = parse(text);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 2);
    assert_int_equal(strlen(p.meta.v[1].value), 1 + 2 * 62);
    assert_int_equal(p.meta.v[1].value[61], '[');
    assert_int_equal(p.meta.v[1].value[62], 'x');
    gn_meta_free(&p.meta);
    free(text);

    text = nested(64);
    p = parse(text);
    assert_error(&p, "mem.md:3: ", "deeper than 64");
    free(text);

    text = nested(100000);
    p = parse(text);
    assert_int_equal(p.rc, -1);
    free(text);
}

static void test_size_cap(void **state)
{
    (void)state;
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "---\n");
    while (b.len < 64 * 1024 - 20)
        gn_buf_adds(&b, "# filler comment line\n");
    gn_buf_adds(&b, "k: v\n---\nbody");
    struct parsed p = parse(b.data);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 1);
    gn_meta_free(&p.meta);

    b.len -= strlen("k: v\n---\nbody");
    gn_buf_adds(&b, "# one more filler line pushes it past 64 KiB\nk: v\n---\nbody");
    p = parse(b.data);
    assert_error(&p, "mem.md:1: ", "64 KiB");
    gn_buf_free(&b);
}

static void test_duplicates_and_values(void **state)
{
    (void)state;
    struct parsed p = parse("---\nk: first\nk: second\n"
                            "q: \"tab\\there\"\nn: ~\nb: yes\nnum: 0x1F\n"
                            "block: |\n  line one\n  line two\n---\n");
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 7);
    assert_string_equal(gn_meta_get(&p.meta, "k"), "first");
    assert_entry(&p.meta, 1, "k", "second", 3);
    assert_string_equal(gn_meta_get(&p.meta, "q"), "tab\there");
    assert_string_equal(gn_meta_get(&p.meta, "n"), "~");
    assert_string_equal(gn_meta_get(&p.meta, "b"), "yes");
    assert_string_equal(gn_meta_get(&p.meta, "num"), "0x1F");
    assert_entry(&p.meta, 6, "block", "line one\nline two\n", 8);
    gn_meta_free(&p.meta);
}

/* Front matter as guides write it (quoted titles, spaces kept inside
 * quotes, "''" for a quote) reads as YAML reads it; a line that is not of
 * those simple forms (a comment after a value, a continued value, an
 * escape, a value that starts with an indicator) too, and invalid YAML is
 * still refused. */
static void test_simple_lines(void **state)
{
    (void)state;
    struct parsed p = parse("---\ntitle: \"About [!DNL Amazon]: the start\"\n"
                            "description: ' Leading, it''s kept '\nsource-wordcount: '178'\n"
                            "ht-degree: 0%\nempty: ''\n\n---\nbody\n");
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 5);
    assert_entry(&p.meta, 0, "title", "About [!DNL Amazon]: the start", 2);
    assert_entry(&p.meta, 1, "description", " Leading, it's kept ", 3);
    assert_entry(&p.meta, 2, "source-wordcount", "178", 4);
    assert_entry(&p.meta, 3, "ht-degree", "0%", 5);
    assert_entry(&p.meta, 4, "empty", "", 6);
    assert_int_equal(p.body_line, 9);
    gn_meta_free(&p.meta);

    p = parse("---\na: x # note\nb: one\n  two\nc: \"q\\u00e9\"\nd: &x y\ne: a'b\"c\n---\n");
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.meta.n, 5);
    assert_entry(&p.meta, 0, "a", "x", 2);
    assert_entry(&p.meta, 1, "b", "one two", 3);
    assert_entry(&p.meta, 2, "c", "q\xC3\xA9", 5);
    assert_entry(&p.meta, 3, "d", "y", 6);
    assert_entry(&p.meta, 4, "e", "a'b\"c", 7);
    gn_meta_free(&p.meta);

    p = parse("---\ntitle: 'not closed\n---\n");
    assert_error(&p, "mem.md:", NULL);
    p = parse("---\ntitle: a: b\n---\n");
    assert_error(&p, "mem.md:", NULL);
    p = parse("---\ntitle: bad \x01 byte\n---\n");
    assert_error(&p, "mem.md:", NULL);
}

static void test_binary_junk(void **state)
{
    (void)state;
    unsigned seed = 12345;
    char junk[4096];
    for (int round = 0; round < 200; round++) {
        size_t n = 0;
        if (round % 2 == 0) {
            memcpy(junk, "---\n", 4);
            n = 4;
        }
        size_t body = 64 + (size_t)round * 7;
        for (size_t i = 0; i < body; i++) {
            seed = seed * 1103515245u + 12345u;
            char c = (char)(seed >> 16);
            if (round % 3 == 0 && (seed >> 8) % 5 == 0)
                c = (char)":-[]{}&*!|>'\"%@`#,?\t\n"[(seed >> 4) % 22];
            junk[n++] = c;
        }
        memcpy(junk + n, "\n---\n", 5);
        n += 5;
        struct parsed p = parse_n("junk.md", junk, n);
        assert_true(p.rc == 0 || p.rc == -1);
        if (p.rc == 0) {
            assert_true(p.body_off <= n);
            assert_true(p.body_line >= 1);
        } else {
            assert_true(strncmp(p.err.msg, "junk.md:", 8) == 0);
            assert_int_equal(p.meta.n, 0);
        }
        gn_meta_free(&p.meta);
    }
    /* NUL bytes inside the block. */
    static const char nul[] = "---\na: b\0c\n---\n";
    struct parsed p = parse_n("nul.md", nul, sizeof nul - 1);
    assert_int_equal(p.rc, -1);
    assert_true(strncmp(p.err.msg, "nul.md:2: ", 10) == 0);
}

/* The title of a page parsed from text at path. */
static char *title_of(const char *path, const char *text)
{
    gn_page page;
    gn_error err;
    assert_int_equal(gn_page_parse(path, text, strlen(text), &page, &err), 0);
    char *t = gn_page_title(&page);
    gn_page_free(&page);
    return t;
}

/* A page's title: front matter's, else the first heading's text (markup
 * rendered, breaks as spaces), else the file name: an empty heading
 * names nothing. In English, Japanese and Korean. */
static void test_page_title(void **state)
{
    (void)state;
    static const struct {
        const char *path, *text, *want;
    } cases[] = {
        {"g/a.md", "---\ntitle: 注文の管理\n---\n# 別の見出し\n", "注文の管理"},
        {"g/b.md", "Intro.\n\n# 주문 *관리* `코드`\n\n## Later\n", "주문 관리 코드"},
        {"g/c.md", "Two\nlines &amp; more\n===\n", "Two lines & more"},
        {"g/empty-heading.md", "#\n\nText.\n", "empty-heading.md"},
        {"g/none.md", "Just text.\n", "none.md"},
        {"g/d.md", "---\ntitle: \"\"\n---\n# 見出し\n", "見出し"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *t = title_of(cases[i].path, cases[i].text);
        assert_string_equal(t, cases[i].want);
        free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_in_order),
        cmocka_unit_test(test_no_front_matter),
        cmocka_unit_test(test_fences),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_unclosed),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_alias_refused),
        cmocka_unit_test(test_depth_cap),
        cmocka_unit_test(test_size_cap),
        cmocka_unit_test(test_duplicates_and_values),
        cmocka_unit_test(test_simple_lines),
        cmocka_unit_test(test_binary_junk),
        cmocka_unit_test(test_page_title),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
