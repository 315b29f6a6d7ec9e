/* test_config.c: the configuration file: a good file, each kind of error
 * with its line, the limits, sets with ~, and --print-config's output
 * read back to the same configuration, with the tests' own small
 * vocabulary (config_vocab.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/config.h"
#include "guidenav/util.h"
#include "../lib/config_vocab.h"


/* How many times the loader asked for the vocabulary. */
static int vocab_asked;

static const gn_config_vocab *vocab_of(void)
{
    vocab_asked++;
    return &vocab;
}

enum { DOWN, UP, PAGE_DOWN, QUIT, HELP };

/* The keys of action a joined by ",". */
static char *keys_of(const gn_config *c, size_t a)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (size_t i = 0; c->keys[a][i]; i++)
        gn_buf_addf(&b, "%s%s", i ? "," : "", c->keys[a][i]);
    return gn_buf_take(&b);
}

static void assert_keys(const gn_config *c, size_t a, const char *want)
{
    char *got = keys_of(c, a);
    assert_string_equal(got, want);
    free(got);
}

/* Parse text; on failure, check the message is exactly want_err. */
static int parse(gn_config *c, const char *text, const char *want_err)
{
    gn_error err = {{0}};
    int rc = gn_config_parse(c, "cfg.yaml", text, strlen(text), &vocab, &err);
    if (want_err) {
        if (rc == 0)
            fail_msg("no error, expected: %s", want_err);
        if (strcmp(err.msg, want_err) != 0)
            fail_msg("got: %s\nwant: %s", err.msg, want_err);
    } else if (rc != 0) {
        fail_msg("unexpected error: %s", err.msg);
    }
    return rc;
}

static void test_defaults(void **state)
{
    (void)state;
    gn_config c;
    parse(&c, "", NULL);
    assert_string_equal(c.reference, "en");
    assert_null(c.compare);
    assert_int_equal(c.theme, GN_THEME_DARK);
    assert_int_equal(c.osc52, GN_AUTO);
    assert_int_equal(c.mouse, GN_OFF);
    assert_keys(&c, PAGE_DOWN, "f,Ctrl-F,PgDn,Space");
    assert_int_equal(c.colors[GN_CSTYLE_HEADING].fg, 4);
    assert_int_equal(c.nsets, 0);
    gn_config_free(&c);
}

static void test_good_file(void **state)
{
    (void)state;
    gn_config c;
    parse(&c,
          "# mine\n"
          "reference: en\n"
          "compare: ja-JP\n"
          "keys:\n"
          "  global:\n"
          "    page-down: [Space, Ctrl-N]\n"
          "    down: j\n"
          "    up: [k, Up, f]\n"
          "colors:\n"
          "  heading: bright-red on 236 bold underline\n"
          "  theme: light\n"
          "  link: default\n"
          "mouse: on\n"
          "osc52: off\n"
          "hyperlinks: yes\n",
          NULL);
    assert_string_equal(c.compare, "ja-JP");
    assert_keys(&c, PAGE_DOWN, "Space,Ctrl-N"); /* replaced */
    assert_keys(&c, DOWN, "j");
    assert_keys(&c, UP, "k,Up,f");
    assert_keys(&c, QUIT, "q");                 /* untouched */
    assert_int_equal(c.theme, GN_THEME_LIGHT);
    gn_color_spec h = c.colors[GN_CSTYLE_HEADING];
    assert_int_equal(h.fg, 9);
    assert_int_equal(h.bg, 236);
    assert_int_equal(h.attrs, GN_ATTR_BOLD | GN_ATTR_UNDERLINE);
    assert_int_equal(c.colors[GN_CSTYLE_LINK].fg, -1);
    /* the light theme, given after a style, still colours the others */
    assert_int_equal(c.colors[GN_CSTYLE_CODE].fg, 1); /* yellow made red */
    assert_int_equal(c.mouse, GN_ON);
    assert_int_equal(c.osc52, GN_OFF);
    assert_int_equal(c.hyperlinks, GN_ON);
    gn_config_free(&c);
}

/* A key given to another action leaves the defaults of the one it had. */
static void test_key_moves(void **state)
{
    (void)state;
    gn_config c;
    parse(&c, "keys: {global: {quit: [q, Ctrl-F]}}\n", NULL);
    assert_keys(&c, QUIT, "q,Ctrl-F");
    assert_keys(&c, PAGE_DOWN, "f,PgDn,Space");
    gn_config_free(&c);
    /* The key taken from an action listed after the one it goes to. */
    parse(&c, "keys: {global: {down: [j, Down, H]}}\n", NULL);
    assert_keys(&c, DOWN, "j,Down,H");
    assert_keys(&c, HELP, "F1");
    gn_config_free(&c);
    parse(&c, "keys: {global: {help: []}}\n", NULL);
    assert_keys(&c, HELP, "");
    gn_config_free(&c);
}

static void test_theme_none(void **state)
{
    (void)state;
    gn_config c;
    parse(&c, "colors:\n  theme: none\n", NULL);
    for (size_t s = 0; s < GN_CSTYLE_COUNT; s++) {
        assert_int_equal(c.colors[s].fg, -1);
        assert_int_equal(c.colors[s].bg, -1);
    }
    gn_config_free(&c);
}

/* Each kind of error: one message with the file, the line, the problem;
 * the configuration stays the defaults. */
static void test_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *err;
    } cases[] = {
        {"reference: en\nkeys: [a\n",
         "cfg.yaml:3: did not find expected ',' or ']' (while parsing a flow sequence at line 2)"},
        {"reference: en\ncolour: red\n",
         "cfg.yaml:2: unknown key 'colour' (the keys are reference, compare, keys, colors, "
         "sets, mouse, osc52, hyperlinks)"},
        {"- a\n- b\n", "cfg.yaml:1: the configuration is not a mapping (key: value)"},
        {"mouse: sometimes\n", "cfg.yaml:1: mouse: on or off, not 'sometimes'"},
        {"osc52: [on]\n", "cfg.yaml:1: osc52: a single value was expected, not a list"},
        {"reference: en\nreference: fr\n",
         "cfg.yaml:2: 'reference' is given twice (first at line 1)"},
        {"reference: english please\n", "cfg.yaml:1: reference: not a locale tag: 'english please'"},
        {"keys:\n  pager:\n    down: j\n",
         "cfg.yaml:2: keys: unknown view 'pager' (the navigator has one key table, for every "
         "view: global)"},
        {"keys:\n  global:\n    up: k\n    pgdown: f\n",
         "cfg.yaml:4: keys.global: unknown action 'pgdown' (H shows the actions' names)"},
        {"keys:\n  global:\n    down:\n      - j\n      - Ctl-F\n",
         "cfg.yaml:5: keys.global.down: unknown key name 'Ctl-F' (name keys as H shows them)"},
        {"keys:\n  global:\n    down: [x]\n    up: [y, x]\n",
         "cfg.yaml:4: keys.global.up: x is bound to down too (line 3)"},
        {"keys:\n  global:\n    down: [x, x]\n", "cfg.yaml:3: keys.global.down: x is listed twice"},
        {"keys:\n  global:\n    down: {a: b}\n",
         "cfg.yaml:3: keys.global.down: a single value was expected, not a mapping"},
        {"keys: global\n", "cfg.yaml:1: keys: a mapping (key: value) was expected, not a single value"},
        {"colors:\n  theme: solarized\n", "cfg.yaml:2: colors.theme: dark, light or none, not 'solarized'"},
        {"colors:\n  heading: blu\n",
         "cfg.yaml:2: colors.heading: 'blu' is neither a colour (black, red, green, yellow, "
         "blue, magenta, cyan, white, bright-NAME, default, 0-255) nor an attribute (bold, "
         "underline, reverse, dim)"},
        {"colors:\n  heading: red on\n", "cfg.yaml:2: colors.heading: 'on' without a background colour"},
        {"colors:\n  heading: 256\n",
         "cfg.yaml:2: colors.heading: '256' is neither a colour (black, red, green, yellow, "
         "blue, magenta, cyan, white, bright-NAME, default, 0-255) nor an attribute (bold, "
         "underline, reverse, dim)"},
        {"colors:\n  header: red\n",
         "cfg.yaml:2: colors: unknown style 'header' (theme, heading, link, code, ui-control, "
         "marker, note, tip, important, caution, warning, info, admin, availability, "
         "prerequisites, error, success, video, seealso, shade)"},
        {"sets:\n  admin: []\n", "cfg.yaml:2: sets.admin: a set needs at least one PATH or LOCALE=PATH"},
        {"sets:\n  a b: [x]\n", "cfg.yaml:2: sets: 'a b' cannot name a set (no space, '/' or '@')"},
        {"base: &b en\nreference: *b\n", "cfg.yaml:2: YAML aliases are not supported in the configuration"},
        {"mouse: on\n---\nmouse: off\n",
         "cfg.yaml:2: the configuration holds more than one YAML document"},
        {"? [a, b]\n: c\n", "cfg.yaml:1: a key must be a single value, not a list"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_config c;
        parse(&c, cases[i].text, cases[i].err);
        /* the defaults, whole */
        assert_string_equal(c.reference, "en");
        assert_int_equal(c.mouse, GN_OFF);
        assert_keys(&c, DOWN, "j,Down");
        assert_string_equal(c.path, "cfg.yaml");
        gn_config_free(&c);
    }
}

static void test_limits(void **state)
{
    (void)state;
    gn_config c;
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "mouse: ");
    for (int i = 0; i < 70; i++)
        gn_buf_adds(&b, "[");
    parse(&c, b.data, "cfg.yaml:1: the configuration is nested deeper than 64 levels");
    gn_config_free(&c);
    gn_buf_reset(&b);
    gn_buf_adds(&b, "# big\n");
    while (b.len <= 64 * 1024)
        gn_buf_adds(&b, "# a comment line to make the file larger than the limit\n");
    gn_buf_adds(&b, "mouse: on\n");
    parse(&c, b.data, "cfg.yaml:1: the configuration is larger than 64 KiB");
    assert_int_equal(c.mouse, GN_OFF);
    gn_config_free(&c);
    gn_buf_free(&b);
    /* a file name with an escape is named safely */
    gn_error err;
    const char *text = "nope: 1\n";
    assert_int_equal(gn_config_parse(&c, "a\033[31m.yaml", text, strlen(text), &vocab, &err), -1);
    assert_null(strchr(err.msg, '\033'));
    gn_config_free(&c);
}

static void test_sets(void **state)
{
    (void)state;
    setenv("HOME", "/home/reader", 1);
    gn_config c;
    parse(&c,
          "sets:\n"
          "  admin:\n"
          "    - ~/docs/admin.en\n"
          "    - ja-JP=~/docs/admin.ja-JP\n"
          "    - /abs/~x\n"
          "    - ~other/x\n"
          "  one: ~\n",
          NULL);
    assert_int_equal(c.nsets, 2);
    const gn_config_set *s = gn_config_find_set(&c, "admin");
    assert_non_null(s);
    assert_int_equal(s->n, 4);
    assert_string_equal(s->args[0], "/home/reader/docs/admin.en");
    assert_string_equal(s->args[1], "ja-JP=/home/reader/docs/admin.ja-JP");
    assert_string_equal(s->args[2], "/abs/~x");
    assert_string_equal(s->args[3], "~other/x"); /* another user's: as written */
    s = gn_config_find_set(&c, "one");
    assert_string_equal(s->args[0], "/home/reader");
    assert_null(gn_config_find_set(&c, "none"));
    gn_config_free(&c);
}

/* --print-config's output reads back to the same configuration, and
 * prints the same again. */
static void test_print_round_trip(void **state)
{
    (void)state;
    setenv("HOME", "/home/reader", 1);
    gn_config c, back;
    parse(&c,
          "compare: fr-FR\n"
          "keys: {global: {page-down: [Space, '\"', '\\', '[', ':'], quit: [q, Ctrl-F]}}\n"
          "colors: {theme: light, link: 200 on black reverse dim}\n"
          "sets: {admin: [~/a, 'de-DE=~/b \"q\"']}\n"
          "osc52: on\n",
          NULL);
    gn_buf out = GN_BUF_INIT;
    gn_config_print(&c, &out);
    parse(&back, out.data, NULL);
    gn_buf again = GN_BUF_INIT;
    gn_config_print(&back, &again);
    assert_string_equal(out.data, again.data);
    assert_string_equal(back.compare, "fr-FR");
    assert_string_equal(back.reference, "en");
    assert_int_equal(back.theme, GN_THEME_LIGHT);
    assert_int_equal(back.osc52, GN_ON);
    assert_memory_equal(back.colors, c.colors, sizeof c.colors);
    for (size_t a = 0; a < c.nactions; a++) {
        char *x = keys_of(&c, a), *y = keys_of(&back, a);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    assert_keys(&back, PAGE_DOWN, "Space,\",\\,[,:");
    assert_int_equal(back.nsets, 1);
    assert_string_equal(back.sets[0].args[1], "de-DE=/home/reader/b \"q\"");
    gn_buf_free(&out);
    gn_buf_free(&again);
    gn_config_free(&c);
    gn_config_free(&back);
    /* the defaults too */
    gn_config_defaults(&c, &vocab);
    gn_config_print(&c, &out);
    parse(&back, out.data, NULL);
    assert_null(back.compare);
    assert_int_equal(back.osc52, GN_AUTO);
    assert_memory_equal(back.colors, c.colors, sizeof c.colors);
    gn_buf_free(&out);
    gn_config_free(&c);
    gn_config_free(&back);
}

static void test_load(void **state)
{
    (void)state;
    char dir[] = "/tmp/gn-config-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *missing = gn_path_join(dir, "none.yaml");
    gn_config c;
    gn_error err;
    vocab_asked = 0;
    assert_int_equal(gn_config_load(&c, missing, true, vocab_of, false, &err), 0);
    assert_null(c.path);
    assert_int_equal(c.nactions, 0); /* no file, no keys wanted: none built */
    assert_int_equal(vocab_asked, 0);
    gn_config_free(&c);
    assert_int_equal(gn_config_load(&c, missing, true, vocab_of, true, &err), 0);
    assert_int_equal(c.nactions, 5);
    assert_string_equal(c.keys[0][0], defaults[0][0]);
    gn_config_free(&c);
    assert_int_equal(gn_config_load(&c, missing, false, vocab_of, false, &err), -1);
    assert_non_null(strstr(err.msg, "none.yaml"));
    assert_non_null(strstr(err.msg, "No such file"));
    gn_config_free(&c);
    /* A folder where the file should be: an error even at the default path. */
    char *folder = gn_path_join(dir, "folder.yaml");
    assert_int_equal(mkdir(folder, 0700), 0);
    assert_int_equal(gn_config_load(&c, folder, true, vocab_of, false, &err), -1);
    assert_non_null(strstr(err.msg, "not a regular file"));
    gn_config_free(&c);
    rmdir(folder);
    free(folder);
    unit_write_file(dir, "guidenav/config.yaml", "mouse: on\n");
    setenv("XDG_CONFIG_HOME", dir, 1);
    char *path = gn_config_default_path();
    vocab_asked = 0;
    assert_int_equal(gn_config_load(&c, path, true, vocab_of, false, &err), 0);
    assert_int_equal(c.mouse, GN_ON);
    assert_int_equal(vocab_asked, 1); /* a file read is checked */
    gn_config_free(&c);
    unlink(path);
    free(path);
    char *sub = gn_path_join(dir, "guidenav");
    rmdir(sub);
    rmdir(dir);
    free(sub);
    free(missing);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_good_file),
        cmocka_unit_test(test_key_moves),
        cmocka_unit_test(test_theme_none),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_sets),
        cmocka_unit_test(test_print_round_trip),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
