/* test_bound.c: the pre-pass before cmark-gfm (see bound.h), and the
 * limits of gn_read_file (size, NUL bytes). */
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/bound.h"
#include "guidenav/page.h"
#include "guidenav/util.h"

/* gn_md_bound of a NUL-terminated text, as a new string: the text itself
 * (copied) when it comes back unchanged (NULL). */
static char *bound(const char *text)
{
    size_t n = 12345;
    char *out = gn_md_bound(text, strlen(text), &n);
    if (!out) {
        assert_int_equal(n, strlen(text));
        return gn_xstrdup(text);
    }
    assert_int_equal(n, strlen(out));
    return out;
}

/* The text comes back unchanged, without a copy. */
static void assert_kept(const char *text)
{
    size_t n;
    char *out = gn_md_bound(text, strlen(text), &n);
    if (out)
        fail_msg("changed:\n%.300s\ninto\n%.300s", text, out);
}

static void assert_bound(const char *text, const char *want)
{
    char *out = bound(text);
    if (strcmp(out, want) != 0)
        fail_msg("bound\n%.400s\ngave\n%.400s\nnot\n%.400s", text, out, want);
    free(out);
}

/* s repeated n times, then tail. */
static char *rep(const char *s, int n, const char *tail)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (int i = 0; i < n; i++)
        gn_buf_adds(&b, s);
    gn_buf_adds(&b, tail);
    return gn_buf_take(&b);
}

static size_t count_char(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

/* ---- ordinary Markdown passes through ----------------------------------- */

/* Check every .md file under dir (recursively) comes back unchanged;
 * returns how many there were. Files the pre-pass changes are listed in
 * *changed (the caller decides). */
static int check_tree_kept(const char *dir, gn_buf *changed)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *de;
    int files = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *path = gn_path_join(dir, de->d_name);
        size_t n = strlen(de->d_name);
        if (gn_is_dir(path)) {
            files += check_tree_kept(path, changed);
        } else if (n > 3 && strcmp(de->d_name + n - 3, ".md") == 0) {
            char *text;
            size_t len;
            gn_error err;
            if (gn_read_file(path, &text, &len, &err) != 0)
                fail_msg("%s", err.msg);
            size_t out_len;
            char *out = gn_md_bound(text, len, &out_len);
            if (out)
                gn_buf_addf(changed, "%s\n", path);
            free(out);
            free(text);
            files++;
        }
        free(path);
    }
    closedir(d);
    return files;
}

static void check_folder_kept(const char *dir, bool required)
{
    gn_buf changed = GN_BUF_INIT;
    int files = check_tree_kept(dir, &changed);
    if (changed.len)
        fail_msg("changed by the pre-pass:\n%s", changed.data);
    if (required)
        assert_true(files > 0);
    gn_buf_free(&changed);
}

static void test_ordinary_pages_kept(void **state)
{
    (void)state;
    check_folder_kept("guide", true);
    check_folder_kept("tests/render", true);
    check_folder_kept("tests/fixtures", true);
    /* Real guides in six locales, when the shared data is there. */
    check_folder_kept(GN_SHARED "/corpus", false);
    check_folder_kept(GN_SHARED "/seeds", false);
    assert_kept("");
    assert_kept("# Title {#t}\n\nSome *text*, **bold**, `code`, [a link](x.md) and\n"
                "[!UICONTROL Save] with snake_case_words.\n\n"
                "| a | b |\n|---|:-:|\n| *1* | [x](y) |\n\n"
                "> [!NOTE]\n>\n> A note.\n\n1. one\n   - two\n     > three\n");
    /* Many links in a tight list (a TOC): balanced brackets do not add up. */
    char *toc = rep("- [Page](page.md)\n  - [Child](child.md)\n", 5000, "");
    assert_kept(toc);
    free(toc);
}

/* ---- block bounds ------------------------------------------------------- */

static void test_container_markers(void **state)
{
    (void)state;
    char *text = rep("> ", GN_BOUND_CONTAINERS, "x\n");
    assert_kept(text);
    free(text);

    char *want = rep("> ", GN_BOUND_CONTAINERS, "\\> > x\n");
    text = rep("> ", GN_BOUND_CONTAINERS + 2, "x\n");
    assert_bound(text, want);
    free(text);
    free(want);

    want = rep("- ", GN_BOUND_CONTAINERS, "\\- x\n");
    text = rep("- ", GN_BOUND_CONTAINERS + 1, "x\n");
    assert_bound(text, want);
    free(text);
    free(want);

    want = rep("1. ", GN_BOUND_CONTAINERS, "2\\) x\n");
    text = rep("1. ", GN_BOUND_CONTAINERS, "2) x\n");
    assert_bound(text, want);
    free(text);
    free(want);

    /* Mixed, tabs between markers, '>' without a space. */
    want = rep(">\t* ", GN_BOUND_CONTAINERS / 2, "\\>>x\n");
    text = rep(">\t* ", GN_BOUND_CONTAINERS / 2, ">>x\n");
    assert_bound(text, want);
    free(text);
    free(want);

    /* A thematic break is no list, however long. */
    text = rep("- ", 1000, "-\n");
    assert_kept(text);
    free(text);
    text = rep("* ", 1000, "\n");
    assert_kept(text);
    free(text);
    /* Ten thousand " -" before text: 32 items, the rest is text. */
    text = rep(" -", 10000, " a\n");
    char *out = bound(text);
    assert_non_null(strstr(out, "\\- - -"));
    assert_int_equal(strlen(out), strlen(text) + 1);
    free(out);
    free(text);
}

static void test_indentation(void **state)
{
    (void)state;
    char *text = rep(" ", GN_BOUND_INDENT, "x\n");
    assert_kept(text);
    free(text);
    text = rep(" ", GN_BOUND_INDENT + 1000, "x\n");
    char *want = rep(" ", GN_BOUND_INDENT, "x\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* Tabs count 4 columns (to the next tab stop). */
    text = rep("\t", GN_BOUND_INDENT / 4, "x\n");
    assert_kept(text);
    free(text);
    text = rep("\t", GN_BOUND_INDENT / 4 + 1, "x\n");
    want = rep("\t", GN_BOUND_INDENT / 4, "x\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* Past the limit, a marker keeps one space after it. */
    text = rep(" ", GN_BOUND_INDENT, "- ");
    char *t2 = rep(" ", 50, "- x\n");
    char *whole = gn_xasprintf("%s%s", text, t2);
    want = rep(" ", GN_BOUND_INDENT, "- - x\n");
    assert_bound(whole, want);
    free(text);
    free(t2);
    free(whole);
    free(want);
}

static void test_pipes(void **state)
{
    (void)state;
    char *text = rep("a|", GN_BOUND_PIPES, "\n");
    assert_kept(text);
    free(text);
    text = rep("a|", GN_BOUND_PIPES + 2, "\n");
    char *want = rep("a|", GN_BOUND_PIPES, "a\\|a\\|\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* An escaped pipe does not count. */
    text = rep("a\\|", GN_BOUND_PIPES + 10, "\n");
    assert_kept(text);
    free(text);
}

/* A table of 101 columns and rows of one cell: each row makes cmark-gfm
 * add 101 cells at most ("x" has no pipe: at least 0 cells counted). */
static char *short_rows(int rows)
{
    char *head = rep("a|", 100, "a\n");
    char *rule = rep("-|", 100, "-\n");
    char *body = rep("x\n", rows, "");
    char *t = gn_xasprintf("%s%s%s", head, rule, body);
    free(head);
    free(rule);
    free(body);
    return t;
}

static void test_table_cells(void **state)
{
    (void)state;
    int rows = GN_BOUND_AUTOCELLS / 101;
    char *text = short_rows(rows);
    assert_kept(text);
    free(text);
    text = short_rows(rows + 1);
    char *out = bound(text);
    assert_int_equal(strlen(out), strlen(text) + 1);
    assert_non_null(strstr(out, "\n\\-|-|"));
    free(out);
    free(text);
}

/* ---- inline bounds ------------------------------------------------------- */

static void test_brackets(void **state)
{
    (void)state;
    char *text = rep("[", GN_BOUND_BRACKETS, "x");
    char *t = rep("]", GN_BOUND_BRACKETS, "\n");
    char *whole = gn_xasprintf("%s%s", text, t);
    assert_kept(whole);
    free(text);
    free(t);
    free(whole);

    text = rep("[", GN_BOUND_BRACKETS, "\\[\\[x\\]\\]");
    t = rep("]", GN_BOUND_BRACKETS, "\n");
    char *want = gn_xasprintf("%s%s", text, t);
    free(text);
    free(t);
    text = rep("[", GN_BOUND_BRACKETS + 2, "x");
    t = rep("]", GN_BOUND_BRACKETS + 2, "\n");
    whole = gn_xasprintf("%s%s", text, t);
    assert_bound(whole, want);
    free(text);
    free(t);
    free(whole);
    free(want);

    /* Across the lines of a paragraph; a blank line starts afresh. */
    text = rep("[a\n", GN_BOUND_BRACKETS, "[b\n\n[c\n");
    want = rep("[a\n", GN_BOUND_BRACKETS, "\\[b\n\n[c\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* So does a new list item (cmark's own paragraph), and an escaped or
     * balanced bracket never counts. */
    text = rep("- [a\n", 100, "");
    assert_kept(text);
    free(text);
    text = rep("\\[a [b] ", 1000, "\n");
    assert_kept(text);
    free(text);
}

static void test_delimiter_runs(void **state)
{
    (void)state;
    char *text = rep("*a* ", GN_BOUND_DELIMS / 2, "\n");
    assert_kept(text);
    free(text);
    text = rep("*a* ", GN_BOUND_DELIMS / 2, "_b_ ~c~\n");
    char *want = rep("*a* ", GN_BOUND_DELIMS / 2, "\\_b\\_ \\~c\\~\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* Not delimiters: spaces on both sides, '_' inside a word. */
    text = rep("a * b snake_case_word ", 1000, "\n");
    assert_kept(text);
    free(text);
    /* Each table row counts on its own (its cells are parsed apart). */
    text = rep("| *a* | **b** |\n", 1, "");
    char *rows = rep("| *a* | **b** | _c_ |\n", 500, "");
    char *table = gn_xasprintf("| x | y | z |\n|---|---|---|\n%s", rows);
    assert_kept(table);
    free(text);
    free(rows);
    free(table);
    /* So does each item of a tight list. */
    text = rep("- **Option**: *value* `code`\n", 500, "");
    assert_kept(text);
    free(text);
    /* cmark issue 389: openers, then closers of the other kind. */
    text = rep("*a ", 2000, "");
    char *t = rep("_a*_ ", 2000, "\n");
    char *whole = gn_xasprintf("%s%s", text, t);
    char *out = bound(whole);
    assert_true(count_char(out, '\\') > 3000);
    free(out);
    free(text);
    free(t);
    free(whole);
}

static void test_long_runs(void **state)
{
    (void)state;
    char *text = rep("*", GN_BOUND_RUN, "a\n");
    assert_kept(text);
    free(text);
    text = rep("*", GN_BOUND_RUN + 2, "a\n");
    char *want = rep("*", GN_BOUND_RUN, "\\*\\*a\n");
    assert_bound(text, want);
    free(text);
    free(want);
    text = rep("_", GN_BOUND_RUN + 1, "a\n");
    want = rep("_", GN_BOUND_RUN, "\\_a\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* A run that is a thematic break is left alone. */
    text = rep("*", 1000, "\n");
    assert_kept(text);
    free(text);
}

static void test_www(void **state)
{
    (void)state;
    char *text = rep("_www.", GN_BOUND_WWW, "x\n");
    assert_kept(text);
    free(text);
    text = rep("_www.", GN_BOUND_WWW + 1, "x\n");
    char *want = rep("_www.", GN_BOUND_WWW, "&#95;www.x\n");
    assert_bound(text, want);
    free(text);
    free(want);
    /* The count is per host name: a space starts a new one. */
    char *host = rep("_www.", GN_BOUND_WWW, "a ");
    text = rep(host, 10, "\n");
    assert_kept(text);
    free(host);
    free(text);
}

static void test_reference_expansion(void **state)
{
    (void)state;
    gn_buf def = GN_BUF_INIT;
    gn_buf_adds(&def, "[a]: /");
    for (int i = 0; i < 1000; i++)
        gn_buf_addc(&def, 'x');
    size_t url = def.len; /* the definition line's content */
    gn_buf_adds(&def, "\n\n");
    /* The definition's own ']' counts as a use. */
    int allowed = (int)(GN_BOUND_REFBYTES / url) - 1;
    char *uses = rep("[a] ", allowed, "\n");
    char *text = gn_xasprintf("%s%s", def.data, uses);
    assert_kept(text);
    free(uses);
    free(text);
    uses = rep("[a] ", allowed + 2, "\n");
    text = gn_xasprintf("%s%s", def.data, uses);
    char *out = bound(text);
    size_t n = strlen(out);
    assert_true(n == strlen(text) + 2);
    assert_string_equal(out + n - 11, "[a\\] [a\\] \n");
    free(out);
    free(uses);
    free(text);
    gn_buf_free(&def);
    /* No definition, no limit: a TOC of ten thousand links. */
    text = rep("[a] [b](c) ", 10000, "\n");
    assert_kept(text);
    free(text);
}

/* ---- code is left alone ------------------------------------------------- */

static void test_code_untouched(void **state)
{
    (void)state;
    char *hostile = rep("*a _a*_ [ ", 300, "");
    char *code = gn_xasprintf("```c\n%s\n/*%s*/\n```\n\n~~~\n%s\n~~~\n\n    %s\n", hostile,
                              "**********************************************************",
                              hostile, hostile);
    assert_kept(code);
    free(code);
    /* In containers too. */
    code = gn_xasprintf("> ```\n> %s\n> ```\n\n1. Step\n\n   ```\n   %s\n   ```\n", hostile,
                        hostile);
    assert_kept(code);
    free(code);
    /* HTML blocks. */
    code = gn_xasprintf("<div>\n%s\n</div>\n", hostile);
    assert_kept(code);
    free(code);
    /* A fence its list item closes: the line after the item is text. */
    code = gn_xasprintf("- ```\n  %s\n%s\n", hostile, hostile);
    char *out = bound(code);
    size_t code_lines = (size_t)(strchr(code + 6, '\n') - code) + 1;
    assert_memory_equal(out, code, code_lines); /* the fence and its line */
    assert_null(strchr(code + code_lines, '\\'));
    assert_non_null(strchr(out + code_lines, '\\')); /* the text after */
    free(out);
    free(code);
    free(hostile);
}

/* ---- lines, length, time ------------------------------------------------ */

static void test_lines_and_length(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "> ", "- ", "1. ", "[", "]", "*a ", "_a*_ ", "_www.", "a|", "![[]()", "\t", "~a ",
    };
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++)
        for (size_t e = 0; e < 3; e++) {
            gn_buf b = GN_BUF_INIT;
            for (int line = 0; line < 20; line++) {
                for (int i = 0; i < 500; i++)
                    gn_buf_adds(&b, pieces[p]);
                gn_buf_adds(&b, line % 5 == 4 ? "" : "x");
                gn_buf_adds(&b, ends[e]);
            }
            char *out = bound(b.data);
            assert_int_equal(count_char(out, '\n'), count_char(b.data, '\n'));
            assert_int_equal(count_char(out, '\r'), count_char(b.data, '\r'));
            assert_true(strlen(out) <= 5 * b.len);
            free(out);
            gn_buf_free(&b);
        }
}

/* Random texts of Markdown pieces, many repeated: lines kept, length at
 * most five times, and bounding a bounded text changes nothing. */
static void test_random_texts(void **state)
{
    (void)state;
    static const char *const tok[] = {
        "> ", "- ", "* ", "1. ", "2) ", "+ ", "[", "]", "![", "](x)", "*", "**", "_", "__",
        "~", "~~", "a", "b ", "\n", "\n\n", "\r\n", "\r", "|", "|-|", "---", "```", "~~~",
        "    ", "\t", "\\", "_www.", "www.", "[a]: /u\n", "[a]", "<div>", "`", "&#95;",
        "  - ", "|:-:|", " ",
    };
    unsigned seed = 6;
    for (int round = 0; round < 3000; round++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "");
        int n = rand_r(&seed) % 300;
        for (int i = 0; i < n; i++) {
            const char *t = tok[rand_r(&seed) % (sizeof tok / sizeof *tok)];
            int times = rand_r(&seed) % 8 == 0 ? 40 : 1;
            for (int k = 0; k < times; k++)
                gn_buf_adds(&b, t);
        }
        char *once = bound(b.data);
        assert_int_equal(count_char(once, '\n'), count_char(b.data, '\n'));
        assert_int_equal(count_char(once, '\r'), count_char(b.data, '\r'));
        assert_true(strlen(once) <= 5 * b.len + 8);
        size_t len;
        char *twice = gn_md_bound(once, strlen(once), &len);
        if (twice)
            fail_msg("round %d: bounding twice changed the text", round);
        free(once);
        gn_buf_free(&b);
    }
}

/* ---- through the parser --------------------------------------------------- */

static int max_depth(cmark_node *doc)
{
    int depth = 0, most = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (cmark_node_first_child(n) || cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE ||
            cmark_node_get_type(n) == CMARK_NODE_ITEM || cmark_node_get_type(n) == CMARK_NODE_LIST) {
            if (ev == CMARK_EVENT_ENTER) {
                if (++depth > most)
                    most = depth;
            } else if (ev == CMARK_EVENT_EXIT) {
                depth--;
            }
        }
    }
    cmark_iter_free(it);
    return most;
}

static void test_parse_is_bounded(void **state)
{
    (void)state;
    char *text = rep("> ", 50000, "a\n");
    cmark_node *doc = gn_markdown_parse(text, strlen(text));
    assert_true(max_depth(doc) <= GN_BOUND_CONTAINERS + 4);
    cmark_node_free(doc);
    free(text);
    text = rep("- ", 30000, "x");
    char *blank = rep("\n", 30000, "");
    char *whole = gn_xasprintf("%s%s", text, blank);
    doc = gn_markdown_parse(whole, strlen(whole));
    assert_true(max_depth(doc) <= 2 * GN_BOUND_CONTAINERS + 4);
    cmark_node_free(doc);
    free(text);
    free(blank);
    free(whole);
}

/* ---- gn_read_file's limits ------------------------------------------------- */

static char *write_temp(const char *data, size_t len)
{
    char *path = gn_xstrdup("/tmp/test_bound.XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_read_limits(void **state)
{
    (void)state;
    char *text;
    size_t len;
    gn_error err;
    assert_int_equal(gn_max_file_size(), GN_MAX_FILE_SIZE_DEFAULT);
    assert_int_equal(GN_MAX_FILE_SIZE_DEFAULT, 16 * 1024 * 1024);

    char *path = write_temp("0123456789", 10);
    gn_set_max_file_size(10);
    assert_int_equal(gn_read_file(path, &text, &len, &err), 0);
    assert_int_equal(len, 10);
    free(text);
    gn_set_max_file_size(9);
    assert_int_equal(gn_read_file(path, &text, &len, &err), -1);
    char *want = gn_xasprintf("%s: larger than 9 bytes (10 bytes); --max-file-size raises the limit",
                              path);
    assert_string_equal(err.msg, want);
    free(want);
    gn_set_max_file_size(GN_MAX_FILE_SIZE_DEFAULT);
    unlink(path);
    free(path);

    /* The default limit, in MiB. */
    char *big = gn_xmalloc(GN_MAX_FILE_SIZE_DEFAULT + 1);
    memset(big, 'a', GN_MAX_FILE_SIZE_DEFAULT + 1);
    path = write_temp(big, GN_MAX_FILE_SIZE_DEFAULT + 1);
    free(big);
    assert_int_equal(gn_read_file(path, &text, &len, &err), -1);
    want = gn_xasprintf("%s: larger than 16 MiB (16777217 bytes); --max-file-size raises the limit",
                        path);
    assert_string_equal(err.msg, want);
    free(want);
    gn_set_max_file_size(0); /* no limit */
    assert_int_equal(gn_read_file(path, &text, &len, &err), 0);
    assert_int_equal(len, GN_MAX_FILE_SIZE_DEFAULT + 1);
    free(text);
    gn_set_max_file_size(GN_MAX_FILE_SIZE_DEFAULT);
    unlink(path);
    free(path);

    path = write_temp("# Title\n\0binary", 15);
    assert_int_equal(gn_read_file(path, &text, &len, &err), -1);
    want = gn_xasprintf("%s: a binary file (NUL byte at offset 8)", path);
    assert_string_equal(err.msg, want);
    free(want);
    unlink(path);
    free(path);

    /* A FIFO is no regular file: refused before any read blocks. */
    assert_int_equal(gn_read_file("/dev/null", &text, &len, &err), -1);
    assert_non_null(strstr(err.msg, "not a regular file"));
}

/* A pipe with data written into it and closed: its read end. */
static int pipe_of(const char *data, size_t len)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_true(len < 60000); /* fits in the pipe's buffer */
    assert_int_equal(write(fds[1], data, len), (ssize_t)len);
    close(fds[1]);
    return fds[0];
}

/* Standard input (a stream) is read with the limits of a file. */
static void test_read_stream(void **state)
{
    (void)state;
    char *text;
    size_t len;
    gn_error err;
    int fd = pipe_of("# T\n\nText.\n", 11);
    assert_int_equal(gn_read_stream(fd, "standard input", &text, &len, &err), 0);
    assert_int_equal(len, 11);
    assert_string_equal(text, "# T\n\nText.\n");
    free(text);
    /* The descriptor stays open, at its end. */
    assert_int_equal(gn_read_stream(fd, "standard input", &text, &len, &err), 0);
    assert_int_equal(len, 0);
    free(text);
    close(fd);

    gn_set_max_file_size(9);
    fd = pipe_of("0123456789", 10);
    assert_int_equal(gn_read_stream(fd, "standard input", &text, &len, &err), -1);
    assert_string_equal(err.msg, "standard input: larger than 9 bytes (10 bytes); "
                                 "--max-file-size raises the limit");
    close(fd);
    gn_set_max_file_size(GN_MAX_FILE_SIZE_DEFAULT);

    fd = pipe_of("# Title\n\0binary", 15);
    assert_int_equal(gn_read_stream(fd, "standard input", &text, &len, &err), -1);
    assert_string_equal(err.msg, "standard input: a binary file (NUL byte at offset 8)");
    close(fd);

    assert_int_equal(gn_read_stream(-1, "standard input", &text, &len, &err), -1);
    assert_non_null(strstr(err.msg, "standard input: "));

    /* A stream longer than the first buffer (64 KiB) is read whole. */
    size_t n = 200000;
    char *many = gn_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        many[i] = (char)('a' + i % 26);
    char *path = write_temp(many, n);
    fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(gn_read_stream(fd, "standard input", &text, &len, &err), 0);
    assert_int_equal(len, n);
    assert_int_equal(text[n], '\0');
    assert_memory_equal(text, many, n);
    free(text);
    close(fd);
    /* A file read to the byte as fstat gives its size. */
    assert_int_equal(gn_read_file(path, &text, &len, &err), 0);
    assert_int_equal(len, n);
    assert_memory_equal(text, many, n);
    free(text);
    unlink(path);
    free(path);
    free(many);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ordinary_pages_kept),
        cmocka_unit_test(test_container_markers),
        cmocka_unit_test(test_indentation),
        cmocka_unit_test(test_pipes),
        cmocka_unit_test(test_table_cells),
        cmocka_unit_test(test_brackets),
        cmocka_unit_test(test_delimiter_runs),
        cmocka_unit_test(test_long_runs),
        cmocka_unit_test(test_www),
        cmocka_unit_test(test_reference_expansion),
        cmocka_unit_test(test_code_untouched),
        cmocka_unit_test(test_lines_and_length),
        cmocka_unit_test(test_random_texts),
        cmocka_unit_test(test_parse_is_bounded),
        cmocka_unit_test(test_read_limits),
        cmocka_unit_test(test_read_stream),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
