/* test_session.c: the reader's session driven without a terminal: every
 * operation of session.h on a locale set built in a temporary folder, the
 * faults of issue 12 among them (a lost place after opening a guide folder,
 * a locale switch that kept the section but not the place, Backspace after
 * a switch, the second locale of a comparison, TOC entries written as
 * repository paths, links out of the repository). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/resolve.h"
#include "guidenav/session.h"
#include "guidenav/util.h"

static char root[256];

/* ---- fixtures ---------------------------------------------------------- */

static void write_file(const char *rel, const char *text)
{
    char path[512], dir[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + strlen(root) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *path_of(const char *rel)
{
    return gn_xasprintf("%s/%s", root, rel);
}

/* The words of one locale's long page; the structure is the same in all. */
typedef struct long_words {
    const char *title, *overview, *table, *lists, *closing;
    const char *sentence; /* repeated to make a paragraph */
    const char *col_name, *col_value, *name, *value, *item;
    const char *rare;     /* a paragraph found by the search tests */
} long_words;

static void add_para(gn_buf *b, const char *sentence, int times)
{
    for (int i = 0; i < times; i++)
        gn_buf_adds(b, sentence);
    gn_buf_adds(b, "\n\n");
}

/* A page well over 100 lines at 60 columns: a title, four sections with
 * anchors, paragraphs, a table of 50 one-line rows numbered 1..50, lists,
 * a link near the top and one near the end. */
static char *long_page(const long_words *w)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_addf(&b, "---\ntitle: %s\n---\n\n# %s\n\n", w->title, w->title);
    add_para(&b, w->sentence, 4);
    gn_buf_adds(&b, "[start](start.md)\n\n");
    gn_buf_addf(&b, "## %s {#overview}\n\n", w->overview);
    for (int i = 0; i < 5; i++)
        add_para(&b, w->sentence, 4);
    gn_buf_addf(&b, "## %s {#table}\n\n", w->table);
    add_para(&b, w->sentence, 2);
    gn_buf_addf(&b, "| No. | %s | %s |\n|---|---|---|\n", w->col_name, w->col_value);
    for (int r = 1; r <= 50; r++)
        gn_buf_addf(&b, "| %d | %s%d | %s%d |\n", r, w->name, r, w->value, r);
    gn_buf_addf(&b, "\n## %s {#lists}\n\n", w->lists);
    for (int i = 1; i <= 8; i++)
        gn_buf_addf(&b, "- %s %d\n", w->item, i);
    gn_buf_adds(&b, "\n1. first\n2. second\n3. third\n\n");
    gn_buf_addf(&b, "## %s {#closing}\n\n", w->closing);
    add_para(&b, w->sentence, 3);
    gn_buf_addf(&b, "%s\n\n", w->rare);
    gn_buf_adds(&b, "[other](../other/page.md)\n\n");
    for (int i = 0; i < 3; i++)
        add_para(&b, w->sentence, 3);
    return gn_buf_take(&b);
}

static const long_words en_words = {
    "Long page", "Overview", "Settings table", "Lists", "Closing",
    "This sentence fills the page so that it wraps over several lines. ",
    "Name", "Value", "name", "value", "Item",
    "A quokka lives on an island; the word is found by the search."};
static const long_words ja_words = {
    "長いページ", "概要", "設定の表", "リスト", "おわりに",
    "この文はページを埋めるためのもので、画面の幅に合わせて何行にもわたって折り返されます。",
    "名前", "値", "名前", "値", "項目",
    "検索語はこの段落にあります。もう一度、検索語。"};
static const long_words ko_words = {
    "긴 페이지", "개요", "설정 표", "목록", "맺음말",
    "이 문장은 페이지를 채우기 위한 것으로 여러 줄에 걸쳐 줄바꿈됩니다. ",
    "이름", "값", "이름", "값", "항목",
    "드문 낱말은 이 문단에 있습니다."};

static void write_long(const char *rel, const long_words *w)
{
    char *text = long_page(w);
    write_file(rel, text);
    free(text);
}

/* A page with a title, a paragraph, a section `anchor` and filler enough
 * that the section's heading can reach the top of a 20-row pager. */
static char *filler_page(const char *title, const char *first, const char *heading,
                         const char *anchor)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_addf(&b, "# %s\n\n%s\n\n", title, first);
    for (int i = 0; i < 6; i++)
        gn_buf_addf(&b, "Filler paragraph %d before the section, long enough to take two "
                        "lines of the pager at sixty columns.\n\n", i + 1);
    gn_buf_addf(&b, "## %s {#%s}\n\n", heading, anchor);
    for (int i = 0; i < 12; i++)
        gn_buf_addf(&b, "Filler paragraph %d after the section, long enough to take two "
                        "lines of the pager at sixty columns.\n\n", i + 1);
    return gn_buf_take(&b);
}

static const char start_links[] =
    "Links: [long](long.md), [other](../other/page.md), "
    "[details](/help/other/page.md#details), [spaced](space%20name.md), "
    "[second](#second), [web](https://example.com/x), [missing](missing.md), "
    "[escape](escape.md).";

#define SECRET "TOPSECRET-OUTSIDE-TEXT"

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gn-session-XXXXXX");
    assert_non_null(mkdtemp(root));
    write_file("docs/book.en/help/main/TOC.md",
               "---\nuser-guide-title: Book Guide\n---\n\n# Book Guide\n\n"
               "- [Start](start.md)\n- [Long page](long.md)\n"
               "- [Other page](/help/other/page.md)\n- [Escape](escape.md)\n"
               "- [Web](https://example.org/)\n");
    write_file("docs/book.ja-JP/help/main/TOC.md",
               "---\nuser-guide-title: ブックガイド\n---\n\n# ブックガイド\n\n"
               "- [開始](start.md)\n- [長いページ](long.md)\n"
               "- [他のページ](/help/other/page.md)\n- [消えた](gone.md)\n");
    write_file("docs/book.ko-KR/help/main/TOC.md",
               "---\nuser-guide-title: 북 가이드\n---\n\n# 북 가이드\n\n"
               "- [시작](start.md)\n- [긴 페이지](long.md)\n");
    write_long("docs/book.en/help/main/long.md", &en_words);
    write_long("docs/book.ja-JP/help/main/long.md", &ja_words);
    write_long("docs/book.ko-KR/help/main/long.md", &ko_words);

    char *start = filler_page("Start", start_links, "Second section", "second");
    write_file("docs/book.en/help/main/start.md", start);
    free(start);
    start = filler_page("開始", "リンク: [長い](long.md)。", "第二節", "second");
    write_file("docs/book.ja-JP/help/main/start.md", start);
    free(start);
    start = filler_page("시작", "링크: [긴](long.md).", "둘째 절", "second");
    write_file("docs/book.ko-KR/help/main/start.md", start);
    free(start);
    write_file("docs/book.en/help/main/space name.md", "# Spaced page\n\nIts name has a space.\n");
    write_file("docs/book.en/help/main/gone.md", "# Gone page\n\nOnly in en.\n");

    write_file("docs/book.en/help/other/TOC.md", "# Other guide\n\n- [Page](page.md)\n");
    char *other = filler_page("Other page", "The page of the other guide.", "Details", "details");
    write_file("docs/book.en/help/other/page.md", other);
    free(other);
    write_file("docs/book.ja-JP/help/other/TOC.md", "# 他のガイド\n\n- [ページ](page.md)\n");
    other = filler_page("他のページ", "他のガイドのページ。", "詳細", "details");
    write_file("docs/book.ja-JP/help/other/page.md", other);
    free(other);

    /* A guide to read straight through, in Japanese and Korean: nested
     * groups, a section of a page listed after it, an external link, a
     * page listed whose file is missing, a page listed twice. */
    write_file("docs/tour.ja-JP/help/tour/TOC.md",
               "---\nuser-guide-title: 読書の案内\n---\n\n# 読書の案内\n\n"
               "- [はじめに](intro.md)\n- 基本 {#basics}\n  - [画面の見方](screen.md)\n"
               "  - [画面の続き](screen.md#more)\n  - 操作 {#ops}\n    - [キー操作](keys.md)\n"
               "- [ウェブ版](https://example.org/tour)\n- [欠けたページ](missing.md)\n"
               "- [はじめに、再び](intro.md)\n- [おわりに](end.md)\n");
    write_file("docs/tour.ko-KR/help/tour/TOC.md",
               "---\nuser-guide-title: 읽기 안내\n---\n\n# 읽기 안내\n\n"
               "- [시작하며](intro.md)\n- 기본 {#basics}\n  - [화면 보기](screen.md)\n"
               "  - [화면 계속](screen.md#more)\n  - 조작 {#ops}\n    - [키 조작](keys.md)\n"
               "- [웹판](https://example.org/tour)\n- [빠진 페이지](missing.md)\n"
               "- [다시 시작하며](intro.md)\n- [마치며](end.md)\n");
    static const char *const tour[][2] = {
        {"ja-JP/help/tour/intro.md", "はじめに"}, {"ja-JP/help/tour/keys.md", "キー操作"},
        {"ja-JP/help/tour/end.md", "おわりに"}, {"ja-JP/help/tour/extra.md", "付録"},
        {"ko-KR/help/tour/intro.md", "시작하며"}, {"ko-KR/help/tour/keys.md", "키 조작"},
        {"ko-KR/help/tour/end.md", "마치며"},
    };
    for (size_t i = 0; i < sizeof tour / sizeof *tour; i++) {
        char *rel = gn_xasprintf("docs/tour.%s", tour[i][0]);
        char *text = gn_xasprintf("# %s\n\n%s。\n", tour[i][1], tour[i][1]);
        write_file(rel, text);
        free(rel);
        free(text);
    }
    start = filler_page("画面の見方", "画面の見方の説明。", "続き", "more");
    write_file("docs/tour.ja-JP/help/tour/screen.md", start);
    free(start);
    start = filler_page("화면 보기", "화면 보기 설명.", "계속", "more");
    write_file("docs/tour.ko-KR/help/tour/screen.md", start);
    free(start);

    /* A page that is a symbolic link to a file outside the repository. */
    write_file("outside/secret.md", "# Secret\n\n" SECRET "\n");
    char *target = path_of("outside/secret.md"), *link = path_of("docs/book.en/help/main/escape.md");
    assert_int_equal(symlink(target, link), 0);
    free(target);
    free(link);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd);
}

/* ---- helpers ------------------------------------------------------------- */

static void discover_args(char **args, size_t n, gn_localeset *set)
{
    gn_error err;
    int rc = gn_localeset_discover(args, n, set, &err);
    if (rc != 0)
        print_message("%s\n", err.msg);
    assert_int_equal(rc, 0);
}

/* Two locale sets discovered from rel under root, as two navigators on
 * the same sources have. */
static void discover_twice(const char *rel, gn_localeset *a, gn_localeset *b)
{
    char *p = path_of(rel);
    discover_args(&p, 1, a);
    discover_args(&p, 1, b);
    free(p);
}

static size_t loc_of(const gn_localeset *set, const char *tag)
{
    gn_source *src = gn_localeset_find(set, tag);
    assert_non_null(src);
    return (size_t)(src - set->v);
}

/* A session on set at 60 columns by 20 rows, one page wide. */
static void start(gn_session *s, gn_localeset *set, const char *state_path)
{
    gn_session_opts o = {.reference = "en", .state_path = state_path};
    gn_session_init(s, set, &o);
    gn_session_resize(s, 60, 20, false);
}

/* A session and the locale set it reads (the session points into it),
 * held in a test's state from begin to end. */
typedef struct reader {
    gn_localeset set;
    gn_session s;
} reader;

/* A session on the set discovered from args, 60 x 20, saving to state_path;
 * *state holds it until end(state). */
static gn_session *begin_args(void **state, char **args, size_t n, const char *state_path)
{
    reader *rd = gn_xcalloc(1, sizeof *rd);
    discover_args(args, n, &rd->set);
    start(&rd->s, &rd->set, state_path);
    *state = rd;
    return &rd->s;
}

/* The same for the set discovered from rel under root. */
static gn_session *begin(void **state, const char *rel, const char *state_path)
{
    char *p = path_of(rel);
    gn_session *s = begin_args(state, &p, 1, state_path);
    free(p);
    return s;
}

/* A session on the fixture's en book, nothing saved. */
static gn_session *en_book(void **state)
{
    return begin(state, "docs/book.en", NULL);
}

/* The same with page of the guide help/main open. */
static gn_session *en_page(void **state, const char *page)
{
    gn_session *s = en_book(state);
    gn_session_open(s, "help/main", page);
    return s;
}

/* Free the session begun in *state, then its set. */
static void end(void **state)
{
    reader *rd = *state;
    gn_session_free(&rd->s);
    gn_localeset_free(&rd->set);
    free(rd);
    *state = NULL;
}

/* Switch the session to the locale tagged tag. */
static void switch_to(gn_session *s, const char *tag)
{
    gn_session_switch_locale(s, loc_of(s->set, tag));
}

/* The text of line ln of d (newly allocated). */
static char *line_text(const gn_doc *d, size_t ln)
{
    assert_true(ln < d->nlines);
    gn_buf b = GN_BUF_INIT;
    const gn_line *l = &d->lines[ln];
    for (uint32_t i = 0; i < l->n; i++) {
        const gn_span *sp = &d->spans[l->first + i];
        gn_buf_add(&b, gn_span_text(d, sp), sp->len);
    }
    return gn_buf_take(&b);
}

/* The index of the top-level block holding line ln of d. */
static size_t block_of(const gn_doc *d, size_t ln)
{
    assert_true(d->nblocks > 0);
    size_t k = 0;
    for (size_t i = 0; i < d->nblocks; i++)
        if (d->blocks[i].line <= ln)
            k = i;
    return k;
}

/* The first number on line ln of d (a table row's number), or -1. */
static long number_on(const gn_doc *d, size_t ln)
{
    char *t = line_text(d, ln);
    long n = -1;
    for (char *p = t; *p; p++)
        if (*p >= '0' && *p <= '9') {
            n = strtol(p, NULL, 10);
            break;
        }
    free(t);
    return n;
}

/* Whether doc d shows text anywhere. */
static bool doc_has(const gn_doc *d, const char *text)
{
    for (size_t i = 0; i < d->nlines; i++) {
        char *t = line_text(d, i);
        bool found = strstr(t, text) != NULL;
        free(t);
        if (found)
            return true;
    }
    return false;
}

/* The page is shown (not a notice), and the status line does not say it
 * is missing. */
static void page_shown(gn_session *s, const char *guide, const char *page)
{
    if (!s->left.have_page)
        print_message("notice: %s\n", s->left.notice ? s->left.notice : "(none)");
    assert_true(s->left.have_page);
    assert_null(s->left.notice);
    assert_null(strstr(s->msg, "not available"));
    assert_non_null(s->page);
    assert_string_equal(s->page, page);
    if (guide) {
        assert_non_null(s->guide);
        assert_string_equal(s->guide, guide);
    }
}

/* The row of the tree whose title is title. */
static size_t row_titled(const gn_session *s, const char *title)
{
    for (size_t r = 0; r < s->tree.nrows; r++)
        if (strcmp(gn_tree_title(&s->tree, s->tree.rows[r]), title) == 0)
            return r;
    fail_msg("no row titled %s", title);
    return GN_NONE;
}

static char *read_text(const char *path)
{
    char *data;
    size_t len;
    gn_error err;
    assert_int_equal(gn_read_file(path, &data, &len, &err), 0);
    return data;
}

/* Save the session's state, asserting it is written. */
static void save(gn_session *s)
{
    gn_error err;
    assert_int_equal(gn_session_save(s, &err), 0);
}

/* Free n lines and the array holding them. */
static void free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

/* Search the guides for query to the end; the matches, n of them. */
static const gn_found *search_all(gn_session *s, const char *query, size_t *n)
{
    assert_true(gn_session_search(s, query));
    while (!gn_finder_step(s->finder, 16))
        ;
    return gn_finder_results(s->finder, n);
}

/* The line of the heading of anchor in the page shown (it has one). */
static size_t anchor_line(gn_session *s, const char *anchor)
{
    long h = gn_doc_find_anchor(&s->left.doc, anchor);
    assert_true(h >= 0);
    return s->left.doc.headings[h].line;
}

/* Assert the line at the top is in block blk of the page shown, on the
 * table row numbered row. */
static void assert_same_row(gn_session *s, size_t blk, long row)
{
    size_t top = gn_session_line_at_top(s);
    assert_int_equal(block_of(&s->left.doc, top), blk);
    assert_int_equal(number_on(&s->left.doc, top), row);
}

/* The locale lines of s (others: but the current locale) are want (n of
 * them, locales loc), lacking the open page where lacks says "y". */
static void assert_locale_lines(gn_session *s, bool others, const char *const *want,
                                const size_t *want_loc, const char *lacks, size_t n)
{
    size_t got, *loc;
    bool *lacking;
    char **lines = gn_session_locale_lines(s, others, &loc, &lacking, &got);
    assert_int_equal(got, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(lines[i], want[i]);
        assert_int_equal(loc[i], want_loc[i]);
        assert_int_equal(lacking[i], lacks[i] == 'y');
    }
    free_lines(lines, got);
    free(loc);
    free(lacking);
}

/* Assert the locale lines name the other guide's title where it exists. */
static void assert_other_guide_lines(gn_session *s)
{
    static const char *const want[] = {"en      Other guide", "ja-JP   他のガイド",
                                       "ko-KR   (no such guide)"};
    static const size_t loc[] = {0, 1, 2};
    assert_locale_lines(s, false, want, loc, "nny", 3);
}

/* Line 80 of the English long page at 60 columns: inside the table, past
 * its first row, so a move to the section's heading or the table's start
 * shows. Returns the row number shown there. */
static long at_line_80(gn_session *s)
{
    gn_session_scroll_to(s, 80);
    assert_int_equal(gn_session_line_at_top(s), 80);
    const gn_doc *d = &s->left.doc;
    size_t b = block_of(d, 80);
    assert_int_equal(d->blocks[b].kind, GN_BLOCK_TABLE);
    assert_true(d->blocks[b].line + 3 < 80);
    long row = number_on(d, 80);
    assert_true(row > 1);
    return row;
}

/* ---- tests ----------------------------------------------------------------- */

/* A new session shows the welcome notice naming the locales, and refuses
 * what needs a page. */
static void test_init(void **state)
{
    gn_session *s = en_book(state);
    assert_int_equal(s->set->n, 3);
    assert_null(s->page);
    assert_false(s->left.have_page);
    assert_non_null(s->left.notice);
    assert_non_null(strstr(s->left.notice, "3 locales: en, ja-JP, ko-KR"));
    assert_string_equal(gn_session_source(s)->tag, "en");
    assert_string_equal(gn_session_guide(s)->id, "help/main");
    assert_string_equal(s->guide_title, "Book Guide");
    gn_session_layout(s);
    assert_true(doc_has(&s->left.doc, "Choose a page"));
    gn_session_compare(s, true);
    assert_false(s->compare);
    assert_non_null(strstr(s->msg, "Open a page first"));
    assert_int_equal(gn_session_mark(s, 0), -1);
    gn_session_back(s);
    assert_string_equal(s->msg, "Nothing to go back to.");
    end(state);
}

/* Opening a page lays it out once: after one layout nothing is stale, and
 * a second call does not lay it out again (which would reset the top). */
static void test_open_lays_out_once(void **state)
{
    gn_session *s = en_book(state);
    gn_session_layout(s);
    gn_session_open(s, "help/main", "long.md");
    assert_true(s->dirty);
    gn_session_layout(s);
    assert_false(s->dirty);
    page_shown(s, "help/main", "long.md");
    assert_string_equal(s->title, "Long page");
    assert_true(gn_session_rows(s) > 120);
    assert_int_equal(s->left.doc.width, 60);
    const gn_line *lines = s->left.doc.lines;
    gn_session_scroll_to(s, 50);
    gn_session_layout(s);
    gn_session_rows(s);
    assert_false(s->dirty);
    assert_ptr_equal(s->left.doc.lines, lines);
    assert_int_equal(s->top, 50);
    assert_int_equal(gn_session_line_at_top(s), 50);
    end(state);
}

/* Scrolling is clamped to the last screenful. */
static void test_scroll(void **state)
{
    gn_session *s = en_page(state, "long.md");
    size_t n = gn_session_rows(s);
    gn_session_scroll(s, 5);
    assert_int_equal(s->top, 5);
    gn_session_scroll(s, -10);
    assert_int_equal(s->top, 0);
    gn_session_scroll_to(s, (size_t)-1);
    assert_int_equal(s->top, n - 20);
    gn_session_scroll(s, 3);
    assert_int_equal(s->top, n - 20);
    end(state);
}

/* text has a line that starts with line and ends with a set time of now
 * (within a minute). */
static void assert_set_now(const char *text, const char *line)
{
    const char *at = strstr(text, line);
    if (!at)
        fail_msg("no line \"%s\" in:\n%s", line, text);
    char *end;
    long long set = strtoll(at + strlen(line), &end, 10);
    assert_int_equal(*end, '\n');
    long long now = (long long)time(NULL);
    assert_in_range(set, now - 60, now);
}

/* Save, then restore in a new session on a newly discovered set: the page,
 * its line and the bookmarks, from the set of args. */
static void save_and_restore(void **state, char **args, size_t nargs, const char *tag, const char *state_rel)
{
    char *state_path = path_of(state_rel);
    gn_session *s = begin_args(state, args, nargs, state_path);
    assert_int_equal(gn_session_restore(s), 0); /* no file yet */
    assert_null(s->page);
    if (strcmp(tag, "en") != 0)
        switch_to(s, tag);
    gn_session_open(s, "help/main", "long.md");
    page_shown(s, "help/main", "long.md");
    gn_session_scroll_to(s, 30);
    assert_int_equal(gn_session_mark(s, 0), 0);
    assert_string_equal(s->msg, "Bookmark a set.");
    gn_session_open(s, "help/main", "start.md");
    gn_session_scroll_to(s, 7);
    assert_int_equal(gn_session_mark(s, 1), 0);
    gn_session_open(s, "help/main", "long.md");
    gn_session_scroll_to(s, 60);
    save(s);
    end(state);

    /* The guide's id is saved, not an empty field. */
    char *text = read_text(state_path);
    char *want = gn_xasprintf("last\t%s\thelp/main\tlong.md\t60\n", tag);
    assert_non_null(strstr(text, want));
    free(want);
    /* ...and a bookmark's line ends with when it was set. */
    want = gn_xasprintf("mark.a\t%s\thelp/main\tlong.md\t30\t", tag);
    assert_set_now(text, want);
    free(want);
    free(text);

    s = begin_args(state, args, nargs, state_path);
    assert_int_equal(gn_session_restore(s), 0);
    assert_string_equal(gn_session_source(s)->tag, tag);
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(s), 60);
    assert_int_equal(gn_session_jump(s, 1), 0);
    page_shown(s, "help/main", "start.md");
    assert_int_equal(gn_session_line_at_top(s), 7);
    assert_int_equal(gn_session_jump(s, 0), 0);
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(s), 30);
    assert_int_equal(gn_session_jump(s, 2), -1);
    assert_non_null(strstr(s->msg, "No bookmark c"));
    end(state);
    free(state_path);
}

/* Issue 12: opening a guide folder saved the place with an empty guide, and
 * the next start said the page was not available (bookmarks too). */
static void test_restore_guide_folder(void **state)
{
    char *arg = path_of("docs/book.en/help/main");
    save_and_restore(state, &arg, 1, "en", "state/folder.state");
    free(arg);
}

/* The same with LOCALE=PATH arguments, reading ja-JP. */
static void test_restore_locale_args(void **state)
{
    char *args[2] = {gn_xasprintf("en=%s/docs/book.en/help/main", root),
                     gn_xasprintf("ja-JP=%s/docs/book.ja-JP/help/main", root)};
    save_and_restore(state, args, 2, "ja-JP", "state/args.state");
    free(args[0]);
    free(args[1]);
}

/* A state file that cannot be parsed is reported and ignored, and kept
 * as FILE.bad (issue 13: it was rewritten on quit without its bookmarks);
 * the message says where. */
static void test_restore_corrupt(void **state)
{
    const char *bytes = "guidenav-state 1\nmark.a\ten\thelp/main\tlong.md\t3\nGARBAGE\n";
    write_file("state/corrupt.state", bytes);
    char *state_path = path_of("state/corrupt.state");
    char *bad = gn_xasprintf("%s.bad", state_path);
    gn_session *s = begin(state, "docs/book.en", state_path);
    assert_int_equal(gn_session_restore(s), -1);
    /* Where it was kept comes first, before the status line is cut. */
    char *kept = gn_xasprintf("Ignoring the saved state, kept as %s: %s:3: ", bad, state_path);
    if (strncmp(s->msg, kept, strlen(kept)) != 0)
        fail_msg("message \"%s\" does not start \"%s\"", s->msg, kept);
    free(kept);
    assert_null(s->page);
    char *text = read_text(bad);
    assert_string_equal(text, bytes);
    free(text);
    /* The quit writes a new file; the bad one stays. */
    gn_session_open(s, "help/main", "start.md");
    save(s);
    text = read_text(state_path);
    assert_non_null(strstr(text, "last\ten\thelp/main\tstart.md\t0\n"));
    free(text);
    text = read_text(bad);
    assert_string_equal(text, bytes);
    free(text);
    free(bad);
    end(state);
    free(state_path);
}

/* Issue 13: two navigators on one locale set, each setting a bookmark;
 * the one that quits last kept only its own. Now the file keeps both, and
 * the session that saves last sees the other's bookmark too. */
static void test_two_sessions_keep_marks(void **state)
{
    (void)state;
    char *state_path = path_of("state/two.state");
    gn_localeset set1, set2;
    discover_twice("docs/book.en", &set1, &set2);
    gn_session one, two;
    start(&one, &set1, state_path);
    start(&two, &set2, state_path);
    assert_int_equal(gn_session_restore(&one), 0);
    assert_int_equal(gn_session_restore(&two), 0);
    gn_session_open(&one, "help/main", "long.md");
    gn_session_scroll_to(&one, 11);
    assert_int_equal(gn_session_mark(&one, 0), 0);
    gn_session_open(&two, "help/main", "start.md");
    assert_int_equal(gn_session_mark(&two, 1), 0);
    gn_error err;
    assert_int_equal(gn_session_save(&one, &err), 0); /* the first quits */
    assert_int_equal(gn_session_save(&two, &err), 0); /* then the second */
    assert_non_null(two.state.marks[0].page);
    gn_session_free(&one);
    gn_session_free(&two);

    start(&one, &set1, state_path);
    assert_int_equal(gn_session_restore(&one), 0);
    page_shown(&one, "help/main", "start.md"); /* the last to quit: its place */
    assert_int_equal(gn_session_jump(&one, 0), 0);
    page_shown(&one, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(&one), 11);
    assert_int_equal(gn_session_jump(&one, 1), 0);
    page_shown(&one, "help/main", "start.md");
    gn_session_free(&one);
    gn_localeset_free(&set1);
    gn_localeset_free(&set2);
    free(state_path);
}

/* Bookmark lines name the letter, the locale and the page's title in
 * that locale's TOC (its file's name when the TOC does not list it), the
 * titles in one column; the notes say the file and the 1-based line. */
static void test_mark_lines(void **state)
{
    char *state_path = path_of("state/lines.state");
    gn_session *s = begin(state, "docs/book.en", state_path);
    gn_session_open(s, "help/main", "long.md");
    gn_session_scroll_to(s, 11);
    assert_int_equal(gn_session_mark(s, 2), 0);
    assert_int_equal(gn_session_mark(s, 26), -1);
    /* Saved at once, not only at the end of the session. */
    char *text = read_text(state_path);
    assert_set_now(text, "mark.c\ten\thelp/main\tlong.md\t11\t");
    free(text);
    int *which;
    char **notes;
    size_t n;
    char **lines = gn_session_mark_lines(s, &which, &notes, &n);
    assert_int_equal(n, 1);
    assert_int_equal(which[0], 2);
    assert_string_equal(lines[0], "c  en  Long page");
    assert_string_equal(notes[0], "en: help/main/long.md, line 12");
    free_lines(lines, n);
    free_lines(notes, n);
    free(which);

    /* In Japanese and Korean, by their TOCs; a page no TOC lists, and one
     * listed whose file is gone, by their files' names. */
    gn_session_open(s, "help/main", "space name.md");
    assert_int_equal(gn_session_mark(s, 0), 0);
    switch_to(s, "ja-JP");
    gn_session_open(s, "help/main", "start.md");
    assert_int_equal(gn_session_mark(s, 25), 0);
    switch_to(s, "ko-KR");
    gn_session_open(s, "help/main", "long.md");
    gn_session_scroll_to(s, 3);
    assert_int_equal(gn_session_mark(s, 10), 0);
    gn_spot_set(&s->state.marks[11], "ja-JP", "help/main", "gone.md", 0);
    lines = gn_session_mark_lines(s, &which, &notes, &n);
    static const char *const want[] = {
        "a  en     space name.md", "c  en     Long page", "k  ko-KR  긴 페이지",
        "l  ja-JP  消えた", "z  ja-JP  開始",
    };
    static const int letters[] = {0, 2, 10, 11, 25};
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(lines[i], want[i]);
        assert_int_equal(which[i], letters[i]);
    }
    assert_string_equal(notes[2], "ko-KR: help/main/long.md, line 4");
    assert_string_equal(notes[4], "ja-JP: help/main/start.md, line 1");
    free_lines(lines, n);
    free_lines(notes, n);
    free(which);
    end(state);
    free(state_path);
}

/* A bookmark deleted is gone from the list and from the state file at
 * once, and a navigator that loaded it before does not save it back. */
static void test_unmark(void **state)
{
    (void)state;
    char *state_path = path_of("state/unmark.state");
    gn_localeset set1, set2;
    discover_twice("docs/book.ja-JP", &set1, &set2);
    gn_session one, two;
    start(&one, &set1, state_path);
    gn_session_open(&one, "help/main", "start.md");
    assert_int_equal(gn_session_mark(&one, 0), 0);
    gn_session_open(&one, "help/main", "long.md");
    assert_int_equal(gn_session_mark(&one, 1), 0);
    start(&two, &set2, state_path);
    assert_int_equal(gn_session_restore(&two), 0);
    assert_non_null(two.state.marks[0].page);

    assert_int_equal(gn_session_unmark(&one, 0), 0);
    assert_string_equal(one.msg, "Bookmark a deleted.");
    assert_int_equal(gn_session_unmark(&one, 0), -1);
    assert_string_equal(one.msg, "No bookmark a to delete.");
    assert_int_equal(gn_session_unmark(&one, 26), -1);
    assert_int_equal(gn_session_jump(&one, 0), -1);
    int *which;
    char **notes;
    size_t n;
    char **lines = gn_session_mark_lines(&one, &which, &notes, &n);
    assert_int_equal(n, 1);
    assert_string_equal(lines[0], "b  ja-JP  長いページ");
    free_lines(lines, n);
    free_lines(notes, n);
    free(which);
    char *text = read_text(state_path);
    assert_null(strstr(text, "start.md"));
    assert_non_null(strstr(text, "mark.a\t\t\t\t0\t"));
    free(text);

    /* The second navigator quits after: a stays deleted. */
    gn_error err;
    assert_int_equal(gn_session_save(&two, &err), 0);
    assert_null(two.state.marks[0].page);
    text = read_text(state_path);
    assert_null(strstr(text, "start.md"));
    assert_non_null(strstr(text, "long.md"));
    free(text);
    gn_session_free(&one);
    gn_session_free(&two);

    /* Without a state file, a deletion lasts as long as the session. */
    start(&one, &set1, NULL);
    gn_session_open(&one, "help/main", "start.md");
    assert_int_equal(gn_session_mark(&one, 3), 0);
    assert_int_equal(gn_session_unmark(&one, 3), 0);
    assert_null(one.state.marks[3].page);
    gn_session_free(&one);
    gn_localeset_free(&set1);
    gn_localeset_free(&set2);
    free(state_path);
}

/* Issue 12: 80 lines into a page (inside a table), a locale switch kept the
 * section but not the place. The same table row is at the top in ja-JP, and
 * switching back returns to line 80. */
static void test_switch_keeps_block(void **state)
{
    gn_session *s = en_page(state, "long.md");
    long row = at_line_80(s);
    size_t blk = block_of(&s->left.doc, 80);
    switch_to(s, "ja-JP");
    assert_string_equal(s->msg, "Language: ja-JP");
    page_shown(s, "help/main", "long.md");
    assert_string_equal(s->title, "長いページ");
    assert_same_row(s, blk, row);
    assert_int_equal(s->left.doc.blocks[blk].kind, GN_BLOCK_TABLE);
    switch_to(s, "en");
    assert_int_equal(gn_session_line_at_top(s), 80);
    end(state);
}

/* The same for a resize to another width and back. */
static void test_resize_keeps_block(void **state)
{
    gn_session *s = en_page(state, "long.md");
    long row = at_line_80(s);
    size_t blk = block_of(&s->left.doc, 80);
    gn_session_resize(s, 44, 20, false);
    assert_same_row(s, blk, row);
    assert_int_equal(s->left.doc.width, 44);
    gn_session_resize(s, 60, 20, false);
    assert_int_equal(gn_session_line_at_top(s), 80);
    /* A change of height alone keeps the top as it is. */
    gn_session_resize(s, 60, 30, false);
    assert_false(s->dirty);
    assert_int_equal(gn_session_line_at_top(s), 80);
    end(state);
}

/* The same for the comparison turned on (side by side, and interleaved)
 * and off. */
static void compare_keeps_block(void **state, bool wide)
{
    gn_session *s = en_book(state);
    gn_session_resize(s, 60, 20, wide);
    gn_session_open(s, "help/main", "long.md");
    long row = at_line_80(s);
    size_t blk = block_of(&s->left.doc, 80);
    gn_session_compare(s, true);
    assert_true(s->compare);
    assert_true(s->right.have_page);
    assert_same_row(s, blk, row);
    assert_int_equal(s->interleaved, !wide);
    gn_session_compare(s, false);
    assert_false(s->compare);
    assert_int_equal(gn_session_line_at_top(s), 80);
    end(state);
}

/* Issue 12: the comparison turned on and off 80 lines into the page, side
 * by side and interleaved. */
static void test_compare_keeps_block(void **state)
{
    compare_keeps_block(state, true);
    compare_keeps_block(state, false);
}

/* Issue 12: a locale switch is a step in the history: back returns to the
 * locale left and its line, forward to the new one. */
static void test_back_after_switch(void **state)
{
    gn_session *s = en_page(state, "long.md");
    at_line_80(s);
    switch_to(s, "ja-JP");
    gn_session_scroll(s, 3);
    size_t ja_top = gn_session_line_at_top(s);
    gn_session_back(s);
    assert_string_equal(gn_session_source(s)->tag, "en");
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(s), 80);
    gn_session_forward(s);
    assert_string_equal(gn_session_source(s)->tag, "ja-JP");
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(s), ja_top);
    gn_session_forward(s);
    assert_string_equal(s->msg, "Nothing to go forward to.");
    end(state);
}

/* Back and forward between pages keep each page's line. */
static void test_back_forward_pages(void **state)
{
    gn_session *s = en_page(state, "start.md");
    gn_session_scroll_to(s, 4);
    gn_session_open(s, "help/main", "long.md");
    gn_session_scroll_to(s, 33);
    gn_session_back(s);
    page_shown(s, "help/main", "start.md");
    assert_int_equal(gn_session_line_at_top(s), 4);
    gn_session_back(s);
    assert_string_equal(s->msg, "Nothing to go back to.");
    gn_session_forward(s);
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(s), 33);
    end(state);
}

/* Issue 12: after en -> ja-JP -> ko-KR the comparison is with the reference
 * locale (en), not with ja-JP (the locale before) nor the next one; a
 * second locale chosen stays chosen across a toggle and a switch. */
static void test_compare_reference(void **state)
{
    gn_session *s = en_book(state);
    size_t en = loc_of(s->set, "en"), ja = loc_of(s->set, "ja-JP"), ko = loc_of(s->set, "ko-KR");
    gn_session_open(s, "help/main", "long.md");
    gn_session_switch_locale(s, ja);
    gn_session_switch_locale(s, ko);
    gn_session_compare(s, true);
    assert_true(s->compare);
    assert_int_equal(s->right_loc, en);
    assert_true(s->right.have_page);
    gn_session_layout(s);
    assert_true(doc_has(&s->right.doc, "Long page"));
    assert_true(doc_has(&s->left.doc, "긴 페이지"));
    /* From ja-JP (whose next locale is ko-KR), still en. */
    gn_session_switch_locale(s, ja);
    assert_int_equal(s->right_loc, en);
    gn_session_set_right(s, ko);
    assert_int_equal(s->right_loc, ko);
    gn_session_layout(s);
    assert_true(doc_has(&s->right.doc, "긴 페이지"));
    assert_true(doc_has(&s->left.doc, "長いページ"));
    gn_session_compare(s, false);
    gn_session_compare(s, true);
    assert_int_equal(s->right_loc, ko);
    /* From en (whose default would be ja-JP), the choice stays. */
    gn_session_switch_locale(s, en);
    assert_int_equal(s->right_loc, ko);
    gn_session_layout(s);
    assert_true(doc_has(&s->right.doc, "긴 페이지"));
    end(state);
}

/* Compared with a locale lacking the page (gone.md: listed in ja-JP's
 * TOC, no file; the ko-KR guide has no such entry): the notice says why
 * (the second locale's TOC read for it), the side's gist says it in a
 * few words, and the notice is on the first row: beside the page side by
 * side, above it interleaved (then a blank row, then the page), with the
 * view at its top when the page opens, when the second locale changes and
 * when the width does. No structure differs. */
static void test_compare_missing(void **state)
{
    gn_session *s = en_book(state);
    assert_null(s->left.gist); /* the welcome notice */
    gn_session_resize(s, 100, 20, true);
    gn_session_open(s, "help/main", "gone.md");
    gn_session_set_right(s, loc_of(s->set, "ja-JP"));
    gn_session_layout(s);
    assert_true(s->left.have_page);
    assert_null(s->left.gist);
    assert_false(s->right.have_page);
    assert_string_equal(s->right.gist, "page missing in ja-JP");
    assert_non_null(strstr(s->right.notice, "is listed in this locale's table of contents, "
                                            "but its file is missing."));
    assert_false(s->align.structure_differs);
    assert_int_equal(s->top, 0);
    assert_int_equal(s->align.left[0], 0);
    assert_int_equal(s->align.right[0], 0);
    assert_true(doc_has(&s->right.doc, "not available in ja-JP"));

    gn_session_resize(s, 60, 20, false);
    gn_session_layout(s);
    assert_true(s->interleaved);
    assert_int_equal(s->top, 0);
    size_t n = s->right.doc.nlines, row;
    for (row = 0; row < n; row++) {
        assert_int_equal(s->align.left[row], -1);
        assert_int_equal(s->align.right[row], (long)row);
    }
    assert_int_equal(s->align.left[row], -1); /* the blank row */
    assert_int_equal(s->align.right[row], -1);
    for (size_t ln = 0; ln < s->left.doc.nlines; ln++) {
        assert_int_equal(s->align.left[row + 1 + ln], (long)ln);
        assert_int_equal(s->align.right[row + 1 + ln], -1);
    }
    assert_int_equal(s->align.nrows, n + 1 + s->left.doc.nlines);
    assert_int_equal(gn_session_line_at_top(s), 0);

    gn_session_set_right(s, loc_of(s->set, "ko-KR"));
    gn_session_layout(s);
    assert_string_equal(s->right.gist, "page missing in ko-KR");
    assert_non_null(strstr(s->right.notice, "is not in this locale's table of contents."));
    assert_int_equal(s->top, 0);
    assert_int_equal(s->align.right[0], 0);
    gn_session_set_right(s, loc_of(s->set, "en"));
    switch_to(s, "ko-KR"); /* now the first locale lacks it */
    gn_session_layout(s);
    assert_false(s->left.have_page);
    assert_string_equal(s->left.gist, "page missing in ko-KR");
    assert_null(s->right.gist);
    assert_int_equal(s->align.left[0], 0);
    assert_int_equal(s->align.right[0], -1);
    end(state);
}

/* set_right with the comparison off turns it on with that locale. */
static void test_set_right_turns_compare_on(void **state)
{
    gn_session *s = en_page(state, "long.md");
    gn_session_set_right(s, loc_of(s->set, "ko-KR"));
    assert_true(s->compare);
    assert_int_equal(s->right_loc, loc_of(s->set, "ko-KR"));
    assert_true(gn_session_rows(s) >= s->left.doc.nlines);
    assert_true(s->align.nrows > 0);
    end(state);
}

/* Issue 12: a TOC entry written as a repository path opens its page from
 * the tree, with no "not available" notice. */
static void test_toc_repository_path(void **state)
{
    gn_session *s = begin(state, "docs/book.en/help/main", NULL);
    s->cursor = row_titled(s, "Other page");
    size_t item = s->tree.rows[s->cursor];
    /* The tree does not mark it missing; the link out is. */
    assert_false(gn_tree_missing(&s->tree, item));
    assert_true(gn_tree_missing(&s->tree, s->tree.rows[row_titled(s, "Escape")]));
    assert_true(gn_session_tree_enter(s));
    assert_int_equal(s->current, item);
    assert_true(s->left.have_page);
    assert_null(s->left.notice);
    assert_string_equal(s->title, "Other page");
    gn_session_layout(s);
    assert_true(doc_has(&s->left.doc, "The page of the other guide."));
    /* The same page in ja-JP, by the same entry. */
    switch_to(s, "ja-JP");
    assert_true(s->left.have_page);
    assert_string_equal(s->title, "他のページ");
    assert_true(s->current != GN_NONE);
    assert_string_equal(gn_tree_title(&s->tree, s->current), "他のページ");
    assert_int_equal(s->tree.rows[s->cursor], s->current);
    end(state);
}

/* Enter on the tree: a page opens and is selected; an external entry is
 * said; the guide's row toggles. */
static void test_tree_enter(void **state)
{
    gn_session *s = en_book(state);
    s->cursor = row_titled(s, "Long page");
    size_t item = s->tree.rows[s->cursor];
    assert_true(gn_session_tree_enter(s));
    page_shown(s, "help/main", "long.md");
    assert_int_equal(s->current, item);
    s->cursor = row_titled(s, "Web");
    assert_false(gn_session_tree_enter(s));
    assert_string_equal(s->msg, "External link: https://example.org/");
    assert_string_equal(s->page, "long.md");
    size_t before = s->tree.nrows;
    s->cursor = row_titled(s, "Book Guide");
    assert_false(gn_session_tree_enter(s)); /* collapses the guide */
    assert_true(s->tree.nrows < before);
    end(state);
}

/* Expanding a guide whose entries are not listed yet reads its TOC. */
static void test_tree_expand(void **state)
{
    gn_session *s = en_book(state);
    size_t r = row_titled(s, "Other guide");
    size_t item = s->tree.rows[r];
    assert_true(s->tree.items[item].unlisted);
    gn_session_tree_expand(s, item, true);
    s->cursor = row_titled(s, "Page");
    assert_true(gn_session_tree_enter(s));
    page_shown(s, "help/other", "page.md");
    end(state);
}

/* Filtering lists every guide and selects the best match; ending it keeps
 * the selection. */
static void test_tree_filter(void **state)
{
    gn_session *s = en_book(state);
    gn_session_tree_filter(s, "");
    gn_session_tree_filter(s, "Page");
    assert_true(s->tree.filtering);
    /* "Page", in the other guide, unlisted until the filter. */
    assert_string_equal(gn_tree_title(&s->tree, s->tree.rows[s->cursor]), "Page");
    gn_session_tree_filter(s, "spaced nothing");
    gn_session_tree_filter(s, "Long");
    size_t item = s->tree.rows[s->cursor];
    assert_string_equal(gn_tree_title(&s->tree, item), "Long page");
    gn_session_tree_filter(s, NULL);
    assert_false(s->tree.filtering);
    assert_int_equal(s->tree.rows[s->cursor], item);
    assert_true(gn_session_tree_enter(s));
    page_shown(s, "help/main", "long.md");
    end(state);
}

/* Links: relative, "../other/", "/help/...#anchor", percent-encoded. */
static void test_follow_pages(void **state)
{
    gn_session *s = begin(state, "docs/book.en/help/main", NULL);
    gn_session_open(s, "help/main", "start.md");
    gn_session_follow(s, "long.md");
    page_shown(s, "help/main", "long.md");
    gn_session_back(s);
    gn_session_follow(s, "../other/page.md");
    page_shown(s, "help/other", "page.md");
    assert_string_equal(s->title, "Other page");
    gn_session_back(s);
    page_shown(s, "help/main", "start.md");
    gn_session_follow(s, "/help/other/page.md#details");
    page_shown(s, "help/other", "page.md");
    size_t top = gn_session_line_at_top(s);
    assert_true(top > 0);
    assert_int_equal(top, anchor_line(s, "details"));
    gn_session_back(s);
    gn_session_follow(s, "space%20name.md");
    page_shown(s, "help/main", "space name.md");
    assert_string_equal(s->title, "Spaced page");
    /* "page.md/#anchor", as a site writes it. */
    gn_session_follow(s, "long.md/#closing");
    page_shown(s, "help/main", "long.md");
    top = gn_session_line_at_top(s);
    assert_int_equal(top, anchor_line(s, "closing"));
    /* A guide adopted through a link is found in another locale too. */
    gn_session_follow(s, "/help/other/page.md");
    switch_to(s, "ja-JP");
    page_shown(s, "help/other", "page.md");
    assert_string_equal(s->title, "他のページ");
    end(state);
}

/* "#anchor" scrolls within the page; an unknown one says so. */
static void test_follow_anchor(void **state)
{
    gn_session *s = en_page(state, "start.md");
    gn_session_follow(s, "#second");
    page_shown(s, "help/main", "start.md");
    size_t line = anchor_line(s, "second");
    assert_true(line > 0);
    assert_int_equal(gn_session_line_at_top(s), line);
    gn_session_follow(s, "#nowhere");
    assert_string_equal(s->msg, "No section #nowhere in this page.");
    /* An anchor named when opening a page. */
    gn_session_open(s, "help/main", "long.md#closing");
    page_shown(s, "help/main", "long.md");
    size_t top = gn_session_line_at_top(s);
    assert_int_equal(top, anchor_line(s, "closing"));
    end(state);
}

/* ---- anchors lost in translation (tests/fixtures/anchors) ---- */

/* A session on the fixture's bikes guide in locale tag, 60 x 8 (so that
 * each page scrolls to its headings), overview.md open. */
static gn_session *bikes_overview(void **state, const char *tag)
{
    char *p = gn_xasprintf(GN_FIXTURES "/anchors/bikes.%s/help/repair", tag);
    gn_session *s = begin_args(state, &p, 1, NULL);
    free(p);
    gn_session_resize(s, 60, 8, false);
    gn_session_open(s, "help/repair", "overview.md");
    gn_session_layout(s);
    return s;
}

/* The text of the heading at the top of the pager, or "" when the top
 * line starts none. */
static const char *heading_at_top(gn_session *s)
{
    size_t top = gn_session_line_at_top(s);
    for (size_t i = 0; i < s->left.doc.nheadings; i++)
        if (s->left.doc.headings[i].line == top)
            return s->left.doc.headings[i].text;
    return "";
}

/* Follow url (PAGE#ANCHOR, or #ANCHOR when page is NULL) from the page
 * shown, an anchor the ja-JP page lost: page of the bikes guide is shown
 * with heading at the top, and the status line says it was found through
 * en. */
static void assert_lands(gn_session *s, const char *url, const char *page, const char *heading)
{
    gn_session_follow(s, url);
    if (page)
        page_shown(s, "help/repair", page);
    assert_string_equal(heading_at_top(s), heading);
    char *want = gn_xasprintf("%s: no such anchor in ja-JP; went to the section it names in en",
                              strchr(url, '#'));
    assert_string_equal(s->msg, want);
    free(want);
}

/* A link to an anchor the translated page lost (its heading without
 * {#anchor}, or with a translated text whose slug differs) lands on the
 * translated heading paired with the English one, and says so; whether
 * followed, opened from the tree, or "#anchor" in the page itself, and
 * in a comparison too. An anchor the English page lacks too keeps its
 * message, and so does any in the reference locale. */
static void test_follow_lost_anchor(void **state)
{
    gn_session *s = bikes_overview(state, "ja-JP");
    assert_lands(s, "brakes.md#adjust-the-cable", "brakes.md", "ケーブルを調整する");
    /* By the slug of the English text. */
    gn_session_back(s);
    assert_lands(s, "tyres.md#fix-a-puncture", "tyres.md", "パンクを直す");
    /* An anchor the translation kept: no message. */
    gn_session_back(s);
    s->msg[0] = '\0';
    gn_session_follow(s, "brakes.md#pads");
    assert_string_equal(heading_at_top(s), "パッド");
    assert_string_equal(s->msg, "");
    /* An anchor no page has: the top of the page, and today's message. */
    gn_session_follow(s, "tyres.md#true-a-wheel");
    page_shown(s, "help/repair", "tyres.md");
    assert_int_equal(gn_session_line_at_top(s), 0);
    assert_string_equal(s->msg, "No section #true-a-wheel in this page.");
    /* "#anchor" in the page itself. */
    gn_session_open(s, "help/repair", "overview.md");
    assert_lands(s, "#in-short", NULL, "要約");
    /* A page opened at an anchor, as a TOC entry does. */
    gn_session_open(s, "help/repair", "tyres.md#fix-a-puncture");
    assert_string_equal(heading_at_top(s), "パンクを直す");
    /* Comparing with the reference. */
    gn_session_compare(s, true);
    gn_session_open(s, "help/repair", "overview.md");
    assert_lands(s, "brakes.md#adjust-the-cable", "brakes.md", "ケーブルを調整する");
    end(state);

    /* ko-KR's tyres.md lacks the English "Tubeless tyres" section: the
     * top of the page, saying why. */
    s = bikes_overview(state, "ko-KR");
    gn_session_follow(s, "tyres.md#tubeless");
    page_shown(s, "help/repair", "tyres.md");
    assert_int_equal(gn_session_line_at_top(s), 0);
    assert_string_equal(s->msg, "#tubeless: no such anchor in ko-KR; its section in en has no "
                                "counterpart here");
    gn_session_follow(s, "brakes.md#pads");
    assert_string_equal(heading_at_top(s), "패드");
    end(state);

    /* In the reference locale, nothing to find through it. */
    s = bikes_overview(state, "en");
    gn_session_follow(s, "tyres.md#true-a-wheel");
    gn_session_layout(s);
    assert_string_equal(s->msg, "No section #true-a-wheel in this page.");
    gn_session_follow(s, "brakes.md#adjust-the-cable");
    assert_string_equal(heading_at_top(s), "Adjust the cable");
    end(state);
}

/* An external URL and a missing page are said; the page stays. */
static void test_follow_external_missing(void **state)
{
    gn_session *s = en_page(state, "start.md");
    gn_session_scroll_to(s, 3);
    gn_session_follow(s, "https://example.com/x");
    assert_string_equal(s->msg, "External link: https://example.com/x (y copies it)");
    page_shown(s, "help/main", "start.md");
    assert_int_equal(gn_session_line_at_top(s), 3);
    gn_session_follow(s, "missing.md");
    assert_non_null(strstr(s->msg, "No such page: missing.md"));
    page_shown(s, "help/main", "start.md");
    gn_session_follow(s, "/docs/site/path");
    assert_non_null(strstr(s->msg, "Not a page here"));
    gn_session_back(s);
    assert_string_equal(s->msg, "Nothing to go back to.");
    end(state);
}

/* A page that is a symbolic link out of the repository is refused, by a
 * link and from the tree, and nothing of the file is read. */
static void test_symlink_out(void **state)
{
    gn_session *s = begin(state, "docs/book.en/help/main", NULL);
    gn_session_open(s, "help/main", "start.md");
    gn_session_follow(s, "escape.md");
    assert_string_equal(s->msg, "Refused: escape.md: " GN_OUTSIDE_MSG);
    page_shown(s, "help/main", "start.md");
    gn_session_layout(s);
    assert_false(doc_has(&s->left.doc, SECRET));
    s->cursor = row_titled(s, "Escape");
    gn_session_tree_enter(s);
    assert_false(s->left.have_page);
    assert_non_null(s->left.notice);
    assert_non_null(strstr(s->left.notice, "outside the guide"));
    assert_null(strstr(s->left.notice, SECRET));
    gn_session_layout(s);
    assert_false(doc_has(&s->left.doc, SECRET));
    assert_null(strstr(s->title, SECRET));
    assert_null(strstr(s->title, "Secret"));
    /* Compared with ja-JP, where it is missing: still nothing read. */
    gn_session_compare(s, true);
    gn_session_layout(s);
    assert_false(doc_has(&s->left.doc, SECRET));
    assert_false(doc_has(&s->right.doc, SECRET));
    /* y has nothing to copy: the page is not shown. */
    assert_null(gn_session_copy_target(s));
    assert_non_null(strstr(s->msg, "Nothing to copy"));
    end(state);
}

/* Links are selected in order from the top, and the selected one followed. */
static void test_select_link(void **state)
{
    gn_session *s = en_page(state, "start.md");
    gn_session_follow_selected(s);
    assert_non_null(strstr(s->msg, "No link selected"));
    gn_session_select_link(s, 1);
    assert_int_equal(s->link, 0);
    assert_string_equal(s->msg, "Link: long.md");
    gn_session_select_link(s, 1);
    assert_int_equal(s->link, 1);
    assert_string_equal(s->msg, "Link: ../other/page.md");
    gn_session_select_link(s, -1);
    assert_int_equal(s->link, 0);
    gn_session_select_link(s, -1);
    assert_string_equal(s->msg, "No more links above.");
    gn_session_follow_selected(s);
    page_shown(s, "help/main", "long.md");
    assert_int_equal(s->link, -1);
    end(state);
}

/* In-page search with Japanese text: matches counted, the next one shown,
 * wrapping said. */
static void test_find_japanese(void **state)
{
    gn_session *s = begin(state, "docs/book.ja-JP", NULL);
    assert_string_equal(gn_session_source(s)->tag, "ja-JP");
    gn_session_open(s, "help/main", "long.md");
    gn_session_find(s, "検索語", false);
    assert_int_equal(s->nhits, 2);
    assert_int_equal(s->hit, 0);
    assert_string_equal(s->msg, "1/2");
    size_t line = s->hits[0].pieces[0].line;
    assert_true(line >= s->top && line < s->top + 20);
    assert_true(s->top > 0);
    gn_session_find_next(s, false);
    assert_int_equal(s->hit, 1);
    assert_string_equal(s->msg, "2/2");
    gn_session_find_next(s, false);
    assert_int_equal(s->hit, 0);
    assert_string_equal(s->msg, "1/2, search wrapped to the top");
    gn_session_find_next(s, true);
    assert_int_equal(s->hit, 1);
    gn_session_find(s, "見つからない", false);
    assert_string_equal(s->msg, "Not found: 見つからない");
    end(state);
}

/* Reload reads the file again and keeps the line at the top. */
static void test_reload(void **state)
{
    write_file("docs/book.en/help/main/reload.md", "# Reload\n\nBefore.\n");
    gn_session *s = en_book(state);
    gn_session_reload(s);
    assert_string_equal(s->msg, "No page to reload.");
    gn_session_open(s, "help/main", "long.md");
    at_line_80(s);
    gn_session_reload(s);
    assert_string_equal(s->msg, "Reloaded.");
    assert_int_equal(gn_session_line_at_top(s), 80);

    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "# Reload\n\n");
    for (int i = 0; i < 40; i++)
        gn_buf_addf(&b, "Paragraph %d.\n\n", i);
    gn_session_open(s, "help/main", "reload.md");
    gn_session_layout(s);
    assert_true(doc_has(&s->left.doc, "Before."));
    char *text = gn_buf_take(&b);
    write_file("docs/book.en/help/main/reload.md", text);
    free(text);
    gn_session_reload(s);
    gn_session_scroll_to(s, 30);
    gn_session_reload(s);
    assert_false(doc_has(&s->left.doc, "Before."));
    assert_true(doc_has(&s->left.doc, "Paragraph 39."));
    assert_int_equal(gn_session_line_at_top(s), 30);
    end(state);
}

/* The tree item titled title (visible or not), failing when none is. */
static size_t item_titled(const gn_session *s, const char *title)
{
    for (size_t i = 0; i < s->tree.n; i++)
        if (strcmp(gn_tree_title(&s->tree, i), title) == 0)
            return i;
    fail_msg("no item titled %s", title);
    return GN_NONE;
}

/* The tree's item titled title names no page. */
static bool missing(const gn_session *s, const char *title)
{
    return gn_tree_missing(&s->tree, item_titled(s, title));
}

/* The guide help/g of the locale tagged tag. */
static gn_guide *guide_g(gn_session *s, const char *tag)
{
    gn_guide *g = gn_source_guide(&s->set->v[loc_of(s->set, tag)], "help/g");
    assert_non_null(g);
    return g;
}

/* Each locale's TOC is parsed once and kept: switching back to a locale
 * reads no TOC and looks at no page file again, until the TOC's file
 * changes (a switch then reads it again) or R reads the TOC and the files
 * again (a page that came since is no longer missing). And a TOC is
 * parsed ahead, while the reader reads (gn_session_warm). */
static void test_toc_kept_per_locale(void **state)
{
    write_file("docs/kept.en/help/g/TOC.md", "# G\n\n- [One](one.md)\n- [Two](two.md)\n");
    write_file("docs/kept.en/help/g/one.md", "# One\n\nThe first page.\n");
    write_file("docs/kept.en/help/g/two.md", "# Two\n\nThe second page.\n");
    write_file("docs/kept.ja-JP/help/g/TOC.md", "# ジー\n\n- [一](one.md)\n- [二](two.md)\n");
    write_file("docs/kept.ja-JP/help/g/one.md", "# 一\n\n最初のページ。\n");
    write_file("docs/kept.ja-JP/help/g/two.md", "# 二\n\n二番目のページ。\n");
    write_file("docs/kept.ko-KR/help/g/TOC.md", "# 지\n\n- [하나](one.md)\n");
    write_file("docs/kept.ko-KR/help/g/one.md", "# 하나\n\n첫 페이지.\n");
    gn_session *s = begin(state, "docs/kept.en", NULL);
    gn_session_open(s, "help/g", "one.md");
    assert_null(guide_g(s, "ja-JP")->toc);
    assert_true(gn_session_warm(s)); /* ja-JP's, then ko-KR's */
    assert_non_null(guide_g(s, "ja-JP")->toc);
    assert_true(gn_session_warm(s));
    assert_false(gn_session_warm(s));
    const gn_toc *ja = guide_g(s, "ja-JP")->toc;
    switch_to(s, "ja-JP");
    page_shown(s, "help/g", "one.md");
    assert_ptr_equal(guide_g(s, "ja-JP")->toc, ja); /* as parsed ahead */
    assert_false(missing(s, "二"));
    const signed char *found = guide_g(s, "ja-JP")->found;
    assert_non_null(found);
    switch_to(s, "ko-KR");
    assert_false(missing(s, "하나"));
    switch_to(s, "en");
    switch_to(s, "ja-JP");
    assert_ptr_equal(guide_g(s, "ja-JP")->toc, ja); /* not parsed again */
    assert_ptr_equal(guide_g(s, "ja-JP")->found, found);

    /* The TOC changes on disk while en is read: the switch reads it again. */
    switch_to(s, "en");
    write_file("docs/kept.ja-JP/help/g/TOC.md",
               "# ジー\n\n- [一](one.md)\n- [二](two.md)\n- [三](three.md)\n");
    switch_to(s, "ja-JP");
    page_shown(s, "help/g", "one.md");
    assert_true(missing(s, "三")); /* three.md has no file */
    assert_int_equal(guide_g(s, "ja-JP")->toc->n, 3);

    /* The page comes: the tree keeps what it found until R. */
    write_file("docs/kept.ja-JP/help/g/three.md", "# 三\n\n三番目のページ。\n");
    switch_to(s, "en");
    switch_to(s, "ja-JP");
    assert_true(missing(s, "三"));
    gn_session_reload(s);
    assert_string_equal(s->msg, "Reloaded.");
    assert_false(missing(s, "三"));

    /* R reads the open locale's TOC again when it changed, the open page
     * still selected. */
    write_file("docs/kept.ja-JP/help/g/TOC.md",
               "# ジー\n\n- [いち](one.md)\n- [二](two.md)\n- [三](three.md)\n");
    gn_session_reload(s);
    item_titled(s, "いち");
    assert_string_equal(gn_tree_title(&s->tree, s->current), "いち");
    end(state);
}

/* A page of the ahead fixture in one locale: a paragraph of sentence 30
 * times, a table, a closing paragraph that says last. */
static void ahead_page(const char *rel, const char *sentence, const char *last)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "# P\n\n");
    for (int i = 0; i < 30; i++)
        gn_buf_addf(&b, "%s %d. ", sentence, i);
    gn_buf_adds(&b, "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
    gn_buf_adds(&b, last);
    gn_buf_adds(&b, "\n");
    write_file(rel, b.data);
    gn_buf_free(&b);
}

/* Work until none is left (gn_session_warm), in a bounded number of pieces. */
static void warm_all(gn_session *s)
{
    int pieces = 0;
    while (gn_session_warm(s))
        assert_true(++pieces < 20);
}

/* The lines of the pager and its top after switching to ja-JP from the
 * third row of one.md, read ahead while the reader looked at ja-JP
 * (gn_session_expect_locale) or not. */
static char *switch_seen(void **state, bool ahead, size_t *top)
{
    gn_session *s = begin(state, "docs/ahead.en", NULL);
    gn_session_open(s, "help/g", "one.md");
    gn_session_scroll_to(s, 3);
    const gn_line *lines = NULL;
    if (ahead) {
        gn_session_expect_locale(s, loc_of(s->set, "ja-JP"));
        warm_all(s);
        lines = s->ahead.side.doc.lines;
        assert_non_null(lines);
    }
    switch_to(s, "ja-JP");
    gn_session_layout(s);
    page_shown(s, "help/g", "one.md");
    if (ahead) /* the layout made ahead is the one shown */
        assert_ptr_equal(s->left.doc.lines, lines);
    gn_buf b = GN_BUF_INIT;
    for (size_t i = 0; i < s->left.doc.nlines; i++) {
        char *t = line_text(&s->left.doc, i);
        gn_buf_addf(&b, "%s\n", t);
        free(t);
    }
    *top = s->top;
    end(state);
    return gn_buf_take(&b);
}

/* The open page read and laid out ahead in the locale the reader looks at
 * in the chooser: the switch shows what it shows without, at the same
 * place; it reads the page again when its file changed since, lays it out
 * again at a new width, and shows the notice of a page missing there. */
static void test_switch_read_ahead(void **state)
{
    write_file("docs/ahead.en/help/g/TOC.md", "# G\n\n- [One](one.md)\n");
    ahead_page("docs/ahead.en/help/g/one.md", "The first page says a few words", "The end.");
    write_file("docs/ahead.ja-JP/help/g/TOC.md", "# ジー\n\n- [一](one.md)\n");
    ahead_page("docs/ahead.ja-JP/help/g/one.md", "最初のページはいくつかの言葉を言います", "終わり。");
    write_file("docs/ahead.ko-KR/help/g/TOC.md", "# 지\n\n- [하나](two.md)\n");
    size_t top_plain, top_ahead;
    char *plain = switch_seen(state, false, &top_plain);
    char *ahead = switch_seen(state, true, &top_ahead);
    assert_string_equal(ahead, plain);
    assert_int_equal(top_ahead, top_plain);
    assert_true(top_plain > 0);
    free(plain);
    free(ahead);

    gn_session *s = begin(state, "docs/ahead.en", NULL);
    gn_session_open(s, "help/g", "one.md");
    size_t ja = loc_of(s->set, "ja-JP");
    gn_session_expect_locale(s, ja);
    warm_all(s);
    ahead_page("docs/ahead.ja-JP/help/g/one.md", "最初のページ", "新しい終わり。");
    switch_to(s, "ja-JP");
    gn_session_layout(s);
    assert_true(doc_has(&s->left.doc, "新しい終わり。")); /* read again */

    switch_to(s, "en");
    gn_session_expect_locale(s, ja);
    warm_all(s);
    gn_session_resize(s, 40, 20, false);
    switch_to(s, "ja-JP");
    gn_session_layout(s);
    assert_int_equal(s->left.doc.width, 40);
    assert_true(doc_has(&s->left.doc, "新しい終わり。"));

    /* Read ahead, then switched to while comparing: the page is taken,
     * laid out for the comparison, and at full width once it ends. */
    switch_to(s, "en");
    gn_session_resize(s, 100, 20, true);
    gn_session_expect_locale(s, ja);
    warm_all(s);
    gn_session_compare(s, true);
    switch_to(s, "ja-JP");
    gn_session_layout(s);
    assert_true(s->left.doc.width < 100);
    gn_session_compare(s, false);
    gn_session_layout(s);
    assert_int_equal(s->left.doc.width, 100);

    gn_session_expect_locale(s, loc_of(s->set, "ko-KR"));
    warm_all(s);
    switch_to(s, "ko-KR");
    gn_session_layout(s);
    assert_false(s->left.have_page);
    assert_non_null(strstr(s->left.notice, "not available in ko-KR"));
    gn_session_expect_locale(s, GN_NONE);
    assert_false(gn_session_warm(s));
    end(state);
}

/* One line per locale with its title of the guide being read. */
/* One line per locale with its title of the guide being read; those
 * lacking the open page (or, with none open, the guide) say so; the
 * chooser of a second locale leaves out the current one. */
static void test_locale_lines(void **state)
{
    gn_session *s = en_book(state);
    gn_session_open(s, "help/other", "page.md");
    assert_other_guide_lines(s);
    static const char *const others[] = {"ja-JP   他のガイド", "ko-KR   (no such guide)"};
    static const size_t others_loc[] = {1, 2};
    assert_locale_lines(s, true, others, others_loc, "ny", 2);

    /* Listed in no other TOC, no file there: missing in both. */
    gn_session_open(s, "help/main", "space name.md");
    static const char *const spaced[] = {
        "en      Book Guide", "ja-JP   ブックガイド  (page missing)",
        "ko-KR   북 가이드  (page missing)",
    };
    static const size_t all_loc[] = {0, 1, 2};
    assert_locale_lines(s, false, spaced, all_loc, "nyy", 3);
    /* Listed in the ja-JP TOC, but its file is missing there; read from
     * ja-JP, the chooser of a second locale offers en and ko-KR. */
    gn_session_open(s, "help/main", "gone.md");
    switch_to(s, "ja-JP");
    static const char *const gone[] = {"en      Book Guide", "ko-KR   북 가이드  (page missing)"};
    static const size_t gone_loc[] = {0, 2};
    assert_locale_lines(s, true, gone, gone_loc, "ny", 2);
    static const char *const gone_all[] = {
        "en      Book Guide", "ja-JP   ブックガイド  (page missing)",
        "ko-KR   북 가이드  (page missing)",
    };
    assert_locale_lines(s, false, gone_all, all_loc, "nyy", 3);
    end(state);

    /* No page open: a locale lacking the guide is marked. */
    s = begin(state, "docs/tour.ja-JP", NULL);
    static const char *const tour[] = {"ja-JP   読書の案内", "ko-KR   읽기 안내"};
    assert_locale_lines(s, false, tour, all_loc, "nn", 2);
    assert_locale_lines(s, true, tour + 1, all_loc + 1, "n", 1);
    end(state);
}

/* A page missing in a locale: the notice says why, and the place is back
 * when switching back. */
static void test_switch_to_missing(void **state)
{
    gn_session *s = en_book(state);
    gn_session_open(s, "help/other", "page.md");
    gn_session_scroll_to(s, 5);
    switch_to(s, "ko-KR");
    assert_false(s->left.have_page);
    assert_non_null(strstr(s->left.notice, "This guide is not available in ko-KR."));
    gn_session_back(s);
    assert_string_equal(gn_session_source(s)->tag, "en");
    page_shown(s, "help/other", "page.md");
    assert_int_equal(gn_session_line_at_top(s), 5);
    gn_session_open(s, "help/main", "space name.md");
    switch_to(s, "ja-JP");
    assert_false(s->left.have_page);
    assert_non_null(strstr(s->left.notice, "This page is not available in ja-JP."));
    assert_non_null(strstr(s->left.notice, "is not in this locale's table of contents."));
    assert_string_equal(s->title, "space name.md");
    /* Listed in the ja-JP TOC, but no file. */
    switch_to(s, "en");
    gn_session_open(s, "help/main", "gone.md");
    page_shown(s, "help/main", "gone.md");
    switch_to(s, "ja-JP");
    assert_false(s->left.have_page);
    assert_non_null(strstr(s->left.notice, "is listed in this locale's table of contents, "
                                          "but its file is missing."));
    gn_session_layout(s);
    assert_true(doc_has(&s->left.doc, "not available in ja-JP"));
    end(state);
}

/* Without git, the changes since a translation cannot be shown. */
static void test_changes_without_git(void **state)
{
    gn_session *s = en_page(state, "long.md");
    char *text = NULL, *title = NULL;
    assert_int_equal(gn_session_changes(s, &text, &title), -1);
    assert_non_null(strstr(s->msg, "Compare a translation with en first"));
    switch_to(s, "ja-JP");
    gn_session_compare(s, true);
    assert_int_equal(gn_session_changes(s, &text, &title), -1);
    assert_string_equal(s->msg, "Changes unknown: the reference locale is not a git checkout");
    assert_null(text);
    assert_null(title);
    assert_null(gn_session_repo(s));
    assert_string_equal(s->stale, "ja-JP unknown");
    end(state);
}

/* The TOC matrix of the guide being read: the repository-path entry is a
 * page that exists where it is listed. */
static void test_matrix(void **state)
{
    gn_session *s = begin(state, "docs/book.en/help/main", NULL);
    gn_matrix m;
    size_t row = 99;
    assert_int_equal(gn_session_matrix(s, &m, &row), 0);
    assert_int_equal(row, 0); /* no page open */
    assert_int_equal(m.nlocales, 3);
    size_t en = loc_of(s->set, "en"), ja = loc_of(s->set, "ja-JP"), ko = loc_of(s->set, "ko-KR");
    bool seen = false;
    for (size_t r = 0; r < m.nrows; r++) {
        if (strcmp(m.rows[r].key, "/help/other/page.md") != 0)
            continue;
        seen = true;
        assert_int_equal(m.rows[r].cells[en].state, GN_CELL_OK);
        assert_int_equal(m.rows[r].cells[ja].state, GN_CELL_OK);
        assert_int_equal(m.rows[r].cells[ko].state, GN_CELL_ABSENT);
    }
    assert_true(seen);
    gn_matrix_free(&m);
    end(state);
}

/* The matrix starts on the open page's row, and its titles are those of
 * the locale being read: another locale's where that one lacks the entry
 * (the reference locale's first). */
static void test_matrix_reader(void **state)
{
    gn_session *s = begin(state, "docs/book.en", NULL);
    gn_session_open(s, "help/main", "long.md");
    page_shown(s, "help/main", "long.md");
    gn_matrix m;
    size_t row = 99, from;
    assert_int_equal(gn_session_matrix(s, &m, &row), 0);
    assert_string_equal(m.rows[row].key, "long.md");
    assert_int_equal(row, 1);
    assert_string_equal(gn_matrix_title(&m, row, s->loc, NULL), "Long page");
    gn_matrix_free(&m);

    switch_to(s, "ko-KR");
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_matrix(s, &m, &row), 0);
    assert_int_equal(row, 1);
    assert_string_equal(gn_matrix_title(&m, row, s->loc, &from), "긴 페이지");
    assert_int_equal(from, s->loc);
    size_t escape = 99, gone = 99;
    for (size_t r = 0; r < m.nrows; r++) {
        if (strcmp(m.rows[r].key, "escape.md") == 0)
            escape = r;
        if (strcmp(m.rows[r].key, "gone.md") == 0)
            gone = r;
    }
    assert_true(escape < m.nrows && gone < m.nrows);
    assert_string_equal(gn_matrix_title(&m, escape, s->loc, &from), "Escape");
    assert_int_equal(from, loc_of(s->set, "en"));
    assert_string_equal(gn_matrix_title(&m, gone, s->loc, &from), "消えた");
    assert_int_equal(from, loc_of(s->set, "ja-JP"));
    gn_matrix_free(&m);

    /* Another guide's page: the matrix is that guide's, on its row. */
    switch_to(s, "en");
    gn_session_open(s, "help/main", "start.md");
    gn_session_follow(s, "/help/other/page.md");
    page_shown(s, "help/other", "page.md");
    assert_int_equal(gn_session_matrix(s, &m, &row), 0);
    assert_string_equal(m.rows[row].key, "page.md");
    gn_matrix_free(&m);
    end(state);
}

/* Open a page of the matrix compared with the reference locale. */
static void test_open_compared(void **state)
{
    gn_session *s = begin(state, "docs/book.ja-JP", NULL);
    gn_session_open_compared(s, "long.md");
    assert_true(s->compare);
    assert_string_equal(s->set->v[s->right_loc].tag, "en");
    page_shown(s, "help/main", "long.md");
    assert_true(s->right.have_page);
    end(state);
}

/* What y copies: the selected link's URL, else the page's file. */
static void test_copy_target(void **state)
{
    gn_session *s = en_book(state);
    assert_null(gn_session_copy_target(s));
    assert_non_null(strstr(s->msg, "Nothing to copy"));
    gn_session_open(s, "help/main", "start.md");
    char *want = path_of("docs/book.en/help/main/start.md");
    assert_string_equal(gn_session_copy_target(s), want);
    free(want);
    gn_session_select_link(s, 1);
    gn_session_select_link(s, 1);
    gn_session_select_link(s, 1);
    assert_string_equal(gn_session_copy_target(s), "/help/other/page.md#details");
    end(state);
}

/* Search of guides: this guide, then every locale; opening a match goes
 * to its locale, page and match. */
static void test_search_guides(void **state)
{
    gn_session *s = en_book(state);
    assert_false(gn_session_search(s, ""));
    size_t n;
    const gn_found *r = search_all(s, "quokka", &n);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].page, "long.md");
    gn_session_open_found(s, &r[0], "quokka");
    page_shown(s, "help/main", "long.md");
    assert_int_equal(s->hit, 0);
    size_t line = s->hits[0].pieces[0].line;
    assert_true(line >= s->top && line < s->top + 20);
    assert_true(s->top > 0);

    gn_session_search_widen(s);
    assert_true(s->scope.all_guides && !s->scope.all_locales);
    gn_session_search_widen(s);
    assert_true(s->scope.all_guides && s->scope.all_locales);
    r = search_all(s, "検索語", &n);
    assert_int_equal(n, 2);
    assert_string_equal(s->set->v[r[1].loc].tag, "ja-JP");
    gn_session_open_found(s, &r[1], "検索語");
    assert_string_equal(gn_session_source(s)->tag, "ja-JP");
    page_shown(s, "help/main", "long.md");
    assert_int_equal(s->hit, 1);
    assert_int_equal(gn_session_search_done(s), 0);
    gn_session_search_widen(s);
    assert_false(s->scope.all_guides || s->scope.all_locales);
    end(state);
}

/* Opened on one guide's folder, "all guides of this locale" searches
 * every guide of the repository the guide lies in (it searched only that
 * guide), and a match in another guide opens; in Japanese too. */
static void test_search_repository_guides(void **state)
{
    /* A third guide, listed by no other guide's TOC (removed after). */
    write_file("docs/book.en/help/third/TOC.md", "# Third guide\n\n- [Tern](tern.md)\n");
    write_file("docs/book.en/help/third/tern.md", "# Tern page\n\nArctic terns fly far.\n");
    write_file("docs/book.ja-JP/help/third/TOC.md", "# 第三のガイド\n\n- [アジサシ](tern.md)\n");
    write_file("docs/book.ja-JP/help/third/tern.md", "# アジサシ\n\nキョクアジサシは遠くまで飛ぶ。\n");
    gn_session *s = begin(state, "docs/book.en/help/main", NULL);
    size_t n;
    search_all(s, "terns", &n);
    assert_int_equal(n, 0); /* this guide alone */
    gn_session_search_widen(s);
    assert_true(s->scope.all_guides && !s->scope.all_locales);
    const gn_found *r = search_all(s, "terns", &n);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].guide, "help/third");
    assert_string_equal(r[0].page, "tern.md");
    gn_session_open_found(s, &r[0], "terns");
    page_shown(s, "help/third", "tern.md");
    assert_string_equal(s->title, "Tern page");
    gn_session_search_widen(s);
    r = search_all(s, "キョクアジサシ", &n);
    assert_int_equal(n, 1);
    assert_string_equal(s->set->v[r[0].loc].tag, "ja-JP");
    assert_string_equal(r[0].guide, "help/third");
    assert_int_equal(gn_session_search_done(s), 0);
    end(state);
    static const char *const made[] = {"docs/book.en/help/third/TOC.md", "docs/book.en/help/third/tern.md",
        "docs/book.ja-JP/help/third/TOC.md", "docs/book.ja-JP/help/third/tern.md",
        "docs/book.en/help/third", "docs/book.ja-JP/help/third"};
    for (size_t i = 0; i < sizeof made / sizeof *made; i++) {
        char *p = path_of(made[i]);
        remove(p);
        free(p);
    }
}

/* A switch to a locale lacking the page, and back at once: the same line
 * (the notice in between has no such line to map from). */
static void test_switch_to_missing_and_back(void **state)
{
    gn_session *s = en_book(state);
    gn_session_open(s, "help/other", "page.md");
    gn_session_scroll_to(s, 17);
    assert_int_equal(gn_session_line_at_top(s), 17);
    switch_to(s, "ko-KR");
    assert_false(s->left.have_page);
    gn_session_layout(s);
    switch_to(s, "en");
    page_shown(s, "help/other", "page.md");
    assert_int_equal(gn_session_line_at_top(s), 17);
    end(state);
}

/* The comparison and its second locale are saved and restored. */
static void test_restore_compare(void **state)
{
    char *state_path = path_of("state/compare.state");
    gn_session *s = begin(state, "docs/book.en", state_path);
    gn_session_open(s, "help/main", "long.md");
    gn_session_set_right(s, loc_of(s->set, "ko-KR"));
    gn_session_scroll_to(s, 25);
    size_t line = gn_session_line_at_top(s);
    save(s);
    end(state);
    char *text = read_text(state_path);
    assert_non_null(strstr(text, "compare\t1\n"));
    assert_non_null(strstr(text, "right\tko-KR\n"));
    free(text);

    s = begin(state, "docs/book.en", state_path);
    assert_int_equal(gn_session_restore(s), 0);
    assert_true(s->compare);
    assert_string_equal(s->set->v[s->right_loc].tag, "ko-KR");
    assert_true(s->right.have_page);
    page_shown(s, "help/main", "long.md");
    assert_int_equal(gn_session_line_at_top(s), line);
    end(state);
    free(state_path);
}

/* A page outside every guide (a link to a file of the repository with no
 * TOC above it) is opened, bookmarked and restored. */
static void test_page_outside_guides(void **state)
{
    char *state_path = path_of("state/outside.state");
    write_file("docs/book.en/notes/readme.md", "# Notes\n\nNot in a guide.\n");
    gn_session *s = begin(state, "docs/book.en", state_path);
    gn_session_open(s, "help/main", "start.md");
    gn_session_follow(s, "/notes/readme.md");
    assert_true(s->left.have_page);
    assert_null(s->guide);
    assert_string_equal(s->page, "notes/readme.md");
    assert_int_equal(gn_session_mark(s, 4), 0);
    gn_session_open(s, "help/main", "long.md");
    assert_int_equal(gn_session_jump(s, 4), 0);
    assert_true(s->left.have_page);
    assert_string_equal(s->title, "Notes");
    save(s);
    end(state);

    s = begin(state, "docs/book.en", state_path);
    assert_int_equal(gn_session_restore(s), 0);
    assert_true(s->left.have_page);
    assert_string_equal(s->title, "Notes");
    end(state);
    free(state_path);
}

/* A session on the set of a page named on the command line (the set of
 * its guide, else of its folder alone), the page opened. */
static gn_session *begin_file(void **state, const char *rel, const char *state_path)
{
    reader *rd = gn_xcalloc(1, sizeof *rd);
    char *file = path_of(rel);
    gn_error err;
    if (gn_localeset_of_page(file, &rd->set, &err) != 0) {
        char *dir = gn_path_dirname(file);
        gn_localeset_alone(dir, &rd->set);
        free(dir);
    }
    start(&rd->s, &rd->set, state_path);
    *state = rd;
    assert_int_equal(gn_session_restore_marks(&rd->s), 0);
    assert_int_equal(gn_session_open_file(&rd->s, file), 0);
    free(file);
    return &rd->s;
}

/* A page file opens in its guide and locale, its entry selected in the
 * tree, whatever the locale the set was discovered from; the bookmarks are
 * read, the place of the last run is not gone to. */
static void test_open_file(void **state)
{
    char *state_path = path_of("state/open-file.state");
    gn_session *s = begin(state, "docs/book.ja-JP/help/main", state_path);
    gn_session_open(s, "help/main", "long.md");
    assert_int_equal(gn_session_mark(s, 0), 0);
    save(s);
    end(state);

    s = begin_file(state, "docs/book.ja-JP/help/main/start.md", state_path);
    assert_string_equal(gn_session_source(s)->tag, "ja-JP");
    page_shown(s, "help/main", "start.md");
    assert_string_equal(s->title, "開始");
    assert_true(s->current != GN_NONE);
    assert_int_equal(s->tree.rows[s->cursor], s->current);
    assert_string_equal(gn_tree_title(&s->tree, s->current), "開始");
    assert_non_null(s->state.marks[0].page); /* the bookmark, read */
    assert_int_equal(gn_session_jump(s, 0), 0);
    page_shown(s, "help/main", "long.md");
    gn_session_back(s);
    page_shown(s, "help/main", "start.md");
    end(state);
    free(state_path);

    /* A set discovered from en; a ko-KR page makes ko-KR current. */
    s = en_book(state);
    char *file = path_of("docs/book.ko-KR/help/main/long.md");
    assert_int_equal(gn_session_open_file(s, file), 0);
    free(file);
    assert_string_equal(gn_session_source(s)->tag, "ko-KR");
    page_shown(s, "help/main", "long.md");
    assert_int_equal(s->tree.rows[s->cursor], s->current);
    /* A page of the repository in no guide; a file in no source. */
    file = path_of("docs/book.ko-KR/loose.md");
    write_file("docs/book.ko-KR/loose.md", "# Loose\n");
    assert_int_equal(gn_session_open_file(s, file), 0);
    free(file);
    page_shown(s, NULL, "loose.md");
    assert_null(s->guide);
    file = path_of("outside/secret.md");
    assert_int_equal(gn_session_open_file(s, file), -1);
    assert_non_null(strstr(s->msg, "in no locale source here"));
    page_shown(s, NULL, "loose.md");
    free(file);
    end(state);
}

/* A page file in no guide opens alone: no tree, the page's name as the
 * guide's title; its links reach the files of its folder, not above. */
static void test_open_file_alone(void **state)
{
    write_file("loose/notes.md", "# Notes\n\n[next](next.md) [up](../docs/book.en/help/main/TOC.md)\n");
    write_file("loose/next.md", "# Next\n");
    gn_session *s = begin_file(state, "loose/notes.md", NULL);
    page_shown(s, NULL, "notes.md");
    assert_int_equal(s->tree.n, 0);
    assert_string_equal(s->guide_title, "notes.md");
    gn_session_follow(s, "../docs/book.en/help/main/TOC.md");
    assert_non_null(strstr(s->msg, "outside the guide, not read"));
    gn_session_follow(s, "next.md");
    page_shown(s, NULL, "next.md");
    assert_string_equal(s->title, "Next");
    gn_session_back(s);
    page_shown(s, NULL, "notes.md");
    end(state);
}

/* Text from standard input: shown as a page with no file, whose links
 * to files cannot be followed, that cannot be read again, bookmarked or
 * copied, and whose place is not saved. */
static void test_open_text(void **state)
{
    char *state_path = path_of("state/text.state");
    char *dir = path_of("loose");
    reader *rd = gn_xcalloc(1, sizeof *rd);
    *state = rd;
    gn_localeset_alone(dir, &rd->set);
    free(dir);
    gn_session *s = &rd->s;
    start(s, &rd->set, state_path);
    static const char text[] = "# Piped\n\n[file](notes.md) [web](https://example.com/) "
                               "[sec](#sec) {{snippet}}\n\n## Section {#sec}\n\nText.\n";
    write_file("loose/_includes/snippets.md", "## Snippet {#snippet}\n\nSNIPPET TEXT\n");
    assert_int_equal(gn_session_open_text(s, "standard input", text, sizeof text - 1), 0);
    page_shown(s, NULL, "standard input");
    assert_true(s->no_file);
    assert_string_equal(s->title, "Piped");
    assert_string_equal(s->guide_title, "standard input");
    gn_session_layout(s);
    assert_true(doc_has(&s->left.doc, "Section"));
    assert_false(doc_has(&s->left.doc, "SNIPPET TEXT")); /* no file: no folder */

    gn_session_follow(s, "notes.md");
    assert_string_equal(s->msg, "This page came from standard input: "
                                "links to files cannot be followed (notes.md).");
    page_shown(s, NULL, "standard input");
    gn_session_follow(s, "https://example.com/");
    assert_non_null(strstr(s->msg, "External link"));
    gn_session_follow(s, "#sec");
    assert_true(s->top > 0 || gn_session_rows(s) <= (size_t)s->height);
    gn_session_reload(s);
    assert_string_equal(s->msg, "This page came from standard input: "
                                "it cannot be read again.");
    assert_int_equal(gn_session_mark(s, 0), -1);
    assert_string_equal(s->msg, "This page came from standard input: "
                                "it cannot be bookmarked.");
    assert_null(gn_session_copy_target(s));
    gn_matrix m;
    assert_int_equal(gn_session_matrix(s, &m, NULL), -1);
    assert_string_equal(s->msg, "No guide here: the TOC matrix is a guide's.");
    gn_session_back(s);
    assert_string_equal(s->msg, "Nothing to go back to.");
    gn_session_switch_locale(s, 0);
    page_shown(s, NULL, "standard input");
    save(s);
    assert_null(s->state.last.page);
    end(state);
    free(state_path);

    /* Front matter that cannot be parsed: the pager says why. */
    rd = gn_xcalloc(1, sizeof *rd);
    *state = rd;
    gn_localeset_alone("/", &rd->set);
    start(&rd->s, &rd->set, NULL);
    static const char bad[] = "---\ntitle: [\n---\n# T\n";
    assert_int_equal(gn_session_open_text(&rd->s, "standard input", bad, sizeof bad - 1), -1);
    assert_false(rd->s.left.have_page);
    assert_non_null(strstr(rd->s.left.notice, "standard input:"));
    assert_non_null(strstr(rd->s.msg, "standard input:"));
    gn_session_layout(&rd->s);
    end(state);
}

/* e: the open page's file and the line of its file where the block at the
 * top of the pager starts (front matter counted, a list item's own); none
 * for no page, a page with no file, a file missing or outside. */
static void test_edit_place(void **state)
{
    write_file("docs/book.en/help/main/edit.md",
               "---\ntitle: Edit\n---\n# Edit\n\nFirst paragraph.\n\n## Section {#sec}\n\n"
               "Second.\n\n- one\n- two\n\n  more of two\n");
    write_file("docs/book.en/help/main/broken.md", "---\ntitle: [\n---\n# Broken\n");
    gn_session *s = en_book(state);
    gn_session_resize(s, 60, 2, false);
    char *file;
    int line;
    assert_int_equal(gn_session_edit_place(s, &file, &line), -1);
    assert_string_equal(s->msg, "No page open: e edits the open page.");
    gn_session_open(s, "help/main", "edit.md");
    assert_int_equal(gn_session_edit_place(s, &file, &line), 0);
    char *want = path_of("docs/book.en/help/main/edit.md");
    assert_string_equal(file, want);
    free(file);
    assert_int_equal(line, 4);
    /* Lines: 0 title, 2 first, 4 section, 5 blank, 6 second, 8 one, 10 two. */
    static const struct { size_t top; int line; } at[] = {
        {2, 6}, {3, 6}, {4, 8}, {5, 8}, {6, 10}, {8, 12}, {9, 12}, {10, 13}, {12, 13}};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        gn_session_scroll_to(s, at[i].top);
        assert_int_equal(gn_session_edit_place(s, &file, &line), 0);
        free(file);
        if (line != at[i].line)
            print_message("top %zu: line %d, want %d\n", at[i].top, line, at[i].line);
        assert_int_equal(line, at[i].line);
    }
    /* A page whose front matter cannot be read: its file, at line 1. */
    gn_session_open(s, "help/main", "broken.md");
    assert_false(s->left.have_page);
    assert_int_equal(gn_session_edit_place(s, &file, &line), 0);
    free(file);
    assert_int_equal(line, 1);
    /* Missing in this locale; a link out of the repository. */
    gn_session_open(s, "help/main", "edit.md");
    switch_to(s, "ja-JP");
    assert_int_equal(gn_session_edit_place(s, &file, &line), -1);
    char *missing = path_of("docs/book.ja-JP/help/main/edit.md");
    char *msg = gn_xasprintf("No file to edit: %s: no such file", missing);
    assert_string_equal(s->msg, msg);
    free(msg);
    free(missing);
    switch_to(s, "en");
    gn_session_open(s, "help/main", "escape.md");
    assert_int_equal(gn_session_edit_place(s, &file, &line), -1);
    assert_non_null(strstr(s->msg, "outside the guide, not read"));
    free(want);
    end(state);

    /* Standard input: no file. */
    reader *rd = gn_xcalloc(1, sizeof *rd);
    *state = rd;
    gn_localeset_alone("/", &rd->set);
    start(&rd->s, &rd->set, NULL);
    assert_int_equal(gn_session_open_text(&rd->s, "standard input", "# T\n", 4), 0);
    assert_int_equal(gn_session_edit_place(&rd->s, &file, &line), -1);
    assert_string_equal(rd->s.msg, "This page came from standard input: there is no file to edit.");
    end(state);
}

/* A resize of the comparison keeps the block at the top, and back returns
 * to the same line. */
static void test_compare_resize(void **state)
{
    gn_session *s = en_book(state);
    gn_session_resize(s, 120, 20, true);
    gn_session_open(s, "help/main", "long.md");
    switch_to(s, "ja-JP");
    gn_session_compare(s, true);
    gn_session_layout(s);
    /* 80 lines into the ja-JP page, inside the table. */
    gn_session_scroll_to(s, gn_align_row_of(&s->align, 0, 80));
    assert_int_equal(gn_session_line_at_top(s), 80);
    size_t blk = block_of(&s->left.doc, 80);
    assert_int_equal(s->left.doc.blocks[blk].kind, GN_BLOCK_TABLE);
    long row = number_on(&s->left.doc, 80);
    assert_true(row > 1);
    gn_session_resize(s, 100, 20, true);
    assert_same_row(s, blk, row);
    gn_session_resize(s, 120, 20, true);
    assert_int_equal(gn_session_line_at_top(s), 80);
    end(state);
}

/* Opening a match found in another locale is one step in the history:
 * back returns to the page and locale the search was made from. */
static void test_open_found_back(void **state)
{
    gn_session *s = en_page(state, "start.md");
    gn_session_scroll_to(s, 6);
    s->scope = (gn_scope){true, true};
    size_t n;
    const gn_found *r = search_all(s, "検索語", &n);
    assert_int_equal(n, 2);
    gn_session_open_found(s, &r[0], "検索語");
    assert_string_equal(gn_session_source(s)->tag, "ja-JP");
    page_shown(s, "help/main", "long.md");
    gn_session_back(s);
    assert_string_equal(gn_session_source(s)->tag, "en");
    page_shown(s, "help/main", "start.md");
    assert_int_equal(gn_session_line_at_top(s), 6);
    gn_session_forward(s);
    assert_string_equal(gn_session_source(s)->tag, "ja-JP");
    page_shown(s, "help/main", "long.md");
    end(state);
}

/* A locale set whose guide is the locale folder itself (the bundled guide's
 * shape, guide id ""): the place is restored into that guide, its entry
 * selected in the tree. */
static void test_restore_root_guide(void **state)
{
    char *state_path = path_of("state/root.state");
    write_file("bundle/en/TOC.md", "# Bundle\n\n- [One](one.md)\n- [Two](two.md)\n");
    write_file("bundle/en/one.md", "# One\n\nFirst page.\n");
    write_file("bundle/en/two.md", "# Two\n\nSecond page.\n");
    write_file("bundle/de-DE/TOC.md", "# Bündel\n\n- [Eins](one.md)\n- [Zwei](two.md)\n");
    write_file("bundle/de-DE/two.md", "# Zwei\n\nZweite Seite.\n");
    gn_session *s = begin(state, "bundle/en", state_path);
    assert_string_equal(s->set->v[0].guides[0].id, "");
    s->cursor = row_titled(s, "Two");
    size_t item = s->tree.rows[s->cursor];
    assert_true(gn_session_tree_enter(s));
    page_shown(s, "", "two.md");
    assert_int_equal(s->current, item);
    assert_int_equal(gn_session_mark(s, 0), 0);
    save(s);
    end(state);

    s = begin(state, "bundle/en", state_path);
    assert_int_equal(gn_session_restore(s), 0);
    page_shown(s, "", "two.md");
    assert_int_equal(s->current, item);
    switch_to(s, "de-DE");
    page_shown(s, "", "two.md");
    assert_string_equal(s->title, "Zwei");
    assert_int_equal(gn_session_jump(s, 0), 0);
    page_shown(s, "", "two.md");
    assert_string_equal(gn_session_source(s)->tag, "en");
    end(state);
    free(state_path);
}

/* A guide reached by a link from a guide folder (adopted in the current
 * locale only) is the guide being read in every locale: the locale lines,
 * the matrix and a search of every locale find it where it exists, as a
 * switch of locale does. */
static void test_adopted_guide_everywhere(void **state)
{
    gn_session *s = begin(state, "docs/book.en/help/main", NULL);
    gn_session_open(s, "help/main", "start.md");
    gn_session_follow(s, "../other/page.md");
    page_shown(s, "help/other", "page.md");
    assert_string_equal(s->guide_title, "Other guide");

    size_t n;
    assert_other_guide_lines(s);

    gn_matrix m;
    size_t row = 99;
    assert_int_equal(gn_session_matrix(s, &m, &row), 0);
    assert_int_equal(m.nrows, 1);
    assert_int_equal(row, 0);
    assert_string_equal(m.rows[0].key, "page.md");
    assert_int_equal(m.rows[0].cells[loc_of(s->set, "en")].state, GN_CELL_OK);
    assert_int_equal(m.rows[0].cells[loc_of(s->set, "ja-JP")].state, GN_CELL_OK);
    assert_int_equal(m.rows[0].cells[loc_of(s->set, "ko-KR")].state, GN_CELL_ABSENT);
    gn_matrix_free(&m);

    s->scope = (gn_scope){false, true}; /* this guide, every locale */
    const gn_found *r = search_all(s, "詳細", &n);
    assert_int_equal(n, 1);
    assert_string_equal(s->set->v[r[0].loc].tag, "ja-JP");
    assert_string_equal(r[0].page, "page.md");
    end(state);
}

/* Link selection starts from the links on screen: the first below the top,
 * or the last above it. */
static void test_select_link_from_top(void **state)
{
    gn_session *s = en_page(state, "long.md");
    gn_session_layout(s);
    assert_int_equal(s->left.doc.nlinks, 2);
    assert_true(s->left.doc.links[0].line < 20);
    assert_true(s->left.doc.links[1].line > 100);
    gn_session_scroll_to(s, 90);
    gn_session_select_link(s, 1);
    assert_int_equal(s->link, 1);
    assert_string_equal(s->msg, "Link: ../other/page.md");
    assert_true(s->left.doc.links[1].line >= s->top && s->left.doc.links[1].line < s->top + 20);
    gn_session_select_link(s, 1);
    assert_string_equal(s->msg, "No more links below.");
    s->link = -1;
    gn_session_scroll_to(s, 60);
    gn_session_select_link(s, -1);
    assert_int_equal(s->link, 0);
    assert_string_equal(s->msg, "Link: start.md");
    assert_true(s->top <= s->left.doc.links[0].line);
    end(state);
}

/* An in-page search starts from the top of the pager: forward, the first
 * match at or below it; backward, the last above it. "" repeats it. */
static void test_find_from_top(void **state)
{
    gn_session *s = en_page(state, "long.md");
    gn_session_scroll_to(s, 80);
    gn_session_find(s, "wraps", false);
    assert_true(s->nhits > 10);
    assert_true(s->hit > 0);
    assert_true(s->hits[s->hit].pieces[0].line >= 80);
    assert_true(s->hits[s->hit - 1].pieces[0].line < 80);
    long first = s->hit;
    gn_session_scroll_to(s, 80);
    gn_session_find(s, "", true);
    assert_int_equal(s->hit, first - 1);
    gn_session_find_next(s, false); /* the search's direction: backward */
    assert_int_equal(s->hit, first - 2);
    gn_session_find_next(s, true);
    assert_int_equal(s->hit, first - 1);
    end(state);
}

/* A bookmark that cannot be saved is said so. */
static void test_mark_not_saved(void **state)
{
    char *state_path = path_of("outside/secret.md/state"); /* under a file */
    gn_session *s = begin(state, "docs/book.en", state_path);
    gn_session_open(s, "help/main", "start.md");
    assert_int_equal(gn_session_mark(s, 0), -1);
    assert_non_null(strstr(s->msg, "Bookmark set, but not saved: "));
    gn_error err;
    assert_int_equal(gn_session_save(s, &err), -1);
    end(state);
    free(state_path);
}

/* Back across a locale switch while comparing: the second locale is not
 * the locale gone back to. */
static void test_back_while_comparing(void **state)
{
    gn_session *s = en_book(state);
    size_t en = loc_of(s->set, "en"), ja = loc_of(s->set, "ja-JP");
    gn_session_open(s, "help/main", "long.md");
    gn_session_compare(s, true);
    assert_int_equal(s->right_loc, ja);
    gn_session_switch_locale(s, ja);
    assert_int_equal(s->right_loc, en);
    gn_session_back(s);
    assert_int_equal(s->loc, en);
    assert_int_equal(s->right_loc, ja);
    gn_session_layout(s);
    assert_true(doc_has(&s->right.doc, "長いページ"));
    end(state);
}

/* A search of guides does not read a page that is a symbolic link out of
 * the repository (the TOC lists it): nothing of it is found or shown. */
static void test_search_refuses_outside(void **state)
{
    gn_session *s = en_book(state);
    for (int scope = 0; scope < 3; scope++) {
        size_t n;
        const gn_found *r = search_all(s, SECRET, &n);
        if (n)
            print_message("found %s in %s\n", r[0].excerpt, r[0].page);
        assert_int_equal(n, 0);
        gn_session_search_widen(s);
    }
    /* The guide's other pages are searched. */
    size_t n;
    search_all(s, "Second section", &n);
    assert_int_equal(n, 1);
    end(state);
}

/* A place restored in a guide the tree does not list at the start (the
 * second guide of the repository) is selected in the tree. */
static void test_restore_second_guide(void **state)
{
    char *state_path = path_of("state/second.state");
    gn_session *s = begin(state, "docs/book.en", state_path);
    gn_session_open(s, "help/other", "page.md");
    gn_session_scroll_to(s, 9);
    save(s);
    end(state);

    s = begin(state, "docs/book.en", state_path);
    assert_true(s->tree.items[s->tree.rows[row_titled(s, "Other guide")]].unlisted);
    assert_int_equal(gn_session_restore(s), 0);
    page_shown(s, "help/other", "page.md");
    assert_int_equal(gn_session_line_at_top(s), 9);
    assert_true(s->current != GN_NONE);
    assert_string_equal(gn_tree_title(&s->tree, s->current), "Page");
    assert_int_equal(s->tree.rows[s->cursor], s->current);
    assert_string_equal(s->guide_title, "Other guide");
    end(state);
    free(state_path);
}

/* Tiny pagers (down to one column and one row), side by side and
 * interleaved, through switches, searches and links: the top stays within
 * the rows and the line at the top within the page. */
static void test_tiny_pager(void **state)
{
    gn_session *s = en_page(state, "long.md");
    gn_session_scroll_to(s, 80);
    static const int widths[] = {1, 2, 3, 5, 8, 13, 60};
    for (int compare = 0; compare < 2; compare++) {
        gn_session_compare(s, compare);
        for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
            for (int wide = 0; wide < 2; wide++) {
                gn_session_resize(s, widths[i], 1 + (int)i % 3, wide);
                gn_session_switch_locale(s, (s->loc + 1) % s->set->n);
                gn_session_find(s, i % 2 ? "検索語" : "value", i % 2);
                gn_session_find_next(s, false);
                gn_session_select_link(s, 1);
                gn_session_scroll(s, 7);
                size_t rows = gn_session_rows(s);
                assert_true(rows > 0);
                assert_true(s->top < rows);
                assert_true(gn_session_line_at_top(s) < s->left.doc.nlines);
                if (compare)
                    assert_int_equal(s->interleaved, !wide);
            }
        }
    }
    gn_session_resize(s, 60, 20, false);
    assert_true(gn_session_line_at_top(s) < s->left.doc.nlines);
    end(state);
}

/* The title of the tree's current entry (the open page's). */
static const char *current_title(const gn_session *s)
{
    assert_true(s->current != GN_NONE);
    assert_int_equal(s->tree.rows[s->cursor], s->current);
    return gn_tree_title(&s->tree, s->current);
}

/* Read the ja-JP guide straight through with } and back with {: TOC order,
 * past groups, a section of the page being left and the external link; the
 * page whose file is missing shown as missing; the page listed twice,
 * reached by its second entry, goes on after that entry. */
static void test_next_page(void **state)
{
    gn_session *s = begin(state, "docs/tour.ja-JP", NULL);
    assert_null(s->page);
    static const struct { const char *page, *entry; } pages[] = {
        {"intro.md", "はじめに"}, {"screen.md", "画面の見方"}, {"keys.md", "キー操作"},
        {"missing.md", "欠けたページ"}, {"intro.md", "はじめに、再び"}, {"end.md", "おわりに"},
    };
    size_t n = sizeof pages / sizeof *pages;
    for (size_t i = 0; i < n; i++) {
        assert_true(gn_session_next_page(s, 1));
        assert_string_equal(s->page, pages[i].page);
        assert_string_equal(current_title(s), pages[i].entry);
        assert_int_equal(gn_session_line_at_top(s), 0);
    }
    assert_false(gn_session_next_page(s, 1));
    assert_string_equal(s->msg, "This is the last page of the guide.");
    assert_string_equal(s->page, "end.md");
    for (size_t i = n - 1; i-- > 0;) {
        assert_true(gn_session_next_page(s, -1));
        assert_string_equal(s->page, pages[i].page);
        assert_string_equal(current_title(s), pages[i].entry);
        if (strcmp(s->page, "missing.md") == 0)
            assert_non_null(strstr(s->left.notice, "This page is not available in ja-JP."));
        else
            assert_true(s->left.have_page);
    }
    assert_false(gn_session_next_page(s, -1));
    assert_string_equal(s->msg, "This is the first page of the guide.");
    /* Each page was a step in the history. */
    gn_session_back(s);
    assert_string_equal(s->page, "screen.md");
    gn_session_back(s);
    assert_string_equal(s->page, "keys.md");
    /* A page the TOC does not list has no next page. */
    gn_session_open(s, "help/tour", "extra.md");
    assert_true(s->left.have_page);
    assert_false(gn_session_next_page(s, 1));
    assert_string_equal(s->msg, "This page is not in the guide's table of contents.");
    end(state);

    /* With no page open, { opens the last page. */
    s = begin(state, "docs/tour.ja-JP", NULL);
    assert_true(gn_session_next_page(s, -1));
    assert_string_equal(s->page, "end.md");
    assert_string_equal(s->title, "おわりに");
    end(state);
}

/* Space reads on: it pages down, says (END) where the end shows, naming
 * the next page, and at the end after that opens the next page; in
 * Korean, after a switch from Japanese, the Korean TOC's order and titles.
 * At the last page it says so. */
static void test_read_on(void **state)
{
    gn_session *s = begin(state, "docs/tour.ja-JP", NULL);
    gn_session_open(s, "help/tour", "screen.md");
    size_t rows = gn_session_rows(s);
    assert_true(rows > 2 * 20);
    gn_session_read_on(s, 19);
    assert_int_equal(s->top, 19);
    assert_string_equal(s->msg, "");
    while (s->top + 20 < rows) {
        s->msg[0] = '\0'; /* as the navigator clears it before each key */
        gn_session_read_on(s, 19);
    }
    assert_int_equal(s->top, rows - 20);
    assert_string_equal(s->msg, "(END) Space goes on to the next page: キー操作");
    /* Moved away and back: (END) is said again before going on. */
    gn_session_scroll(s, -1);
    gn_session_read_on(s, 19);
    assert_string_equal(s->page, "screen.md");
    assert_non_null(strstr(s->msg, "(END)"));
    switch_to(s, "ko-KR");
    assert_string_equal(s->title, "화면 보기");
    gn_session_scroll_to(s, (size_t)-1);
    gn_session_read_on(s, 19); /* at the end already: (END) first */
    assert_string_equal(s->page, "screen.md");
    assert_string_equal(s->msg, "(END) Space goes on to the next page: 키 조작");
    gn_session_read_on(s, 19);
    assert_string_equal(s->page, "keys.md");
    assert_string_equal(s->title, "키 조작");
    assert_string_equal(current_title(s), "키 조작");
    assert_int_equal(gn_session_line_at_top(s), 0);
    /* A page that fits on the screen: (END) at once, then on. */
    gn_session_read_on(s, 19);
    assert_string_equal(s->msg, "(END) Space goes on to the next page: 빠진 페이지");
    gn_session_read_on(s, 19);
    assert_string_equal(s->page, "missing.md");
    assert_non_null(strstr(s->left.notice, "This page is not available in ko-KR."));
    gn_session_read_on(s, 19);
    gn_session_read_on(s, 19);
    assert_string_equal(current_title(s), "다시 시작하며");
    gn_session_read_on(s, 19);
    gn_session_read_on(s, 19);
    assert_string_equal(s->title, "마치며");
    gn_session_read_on(s, 19);
    assert_string_equal(s->msg, "(END) This is the last page of the guide.");
    gn_session_read_on(s, 19);
    assert_string_equal(s->msg, "(END) This is the last page of the guide.");
    assert_string_equal(s->page, "end.md");
    /* Back goes to the page read before. */
    gn_session_back(s);
    assert_string_equal(s->page, "intro.md");
    end(state);
}

/* The position the status line and = show, N% and where. */
static void test_position_and_where(void **state)
{
    gn_session *s = en_book(state);
    gn_session_where(s);
    assert_string_equal(s->msg, "No page open: Enter opens one.");
    gn_session_open(s, "help/main", "long.md");
    size_t n = gn_session_rows(s);
    gn_position p;
    gn_session_position(s, &p);
    assert_int_equal(p.top, 1);
    assert_int_equal(p.bottom, 20);
    assert_int_equal(p.total, n);
    assert_int_equal(p.percent, 20 * 100 / n);
    gn_session_scroll_to(s, 30);
    gn_session_where(s);
    char *want = gn_xasprintf("Long page (en: help/main/long.md): lines 31-50 of %zu, %zu%%", n,
                              50 * 100 / n);
    assert_string_equal(s->msg, want);
    free(want);
    /* N% puts the row N percent in at the top, as far as it can. */
    gn_session_scroll_percent(s, 50);
    assert_int_equal(s->top, n / 2);
    gn_session_scroll_percent(s, 0);
    assert_int_equal(s->top, 0);
    gn_session_scroll_percent(s, 100);
    assert_int_equal(s->top, n - 20);
    gn_session_position(s, &p);
    assert_int_equal(p.bottom, n);
    assert_int_equal(p.percent, 100);
    gn_session_scroll_percent(s, 1000);
    assert_int_equal(s->top, n - 20);
    assert_int_equal(gn_session_percent_row(0, 50), 0);
    assert_int_equal(gn_session_percent_row(7, 100), 6);
    assert_int_equal(gn_session_percent_row(200, 50), 100);
    assert_int_equal(gn_session_percent_row(201, 33), 66);
    assert_true(gn_session_percent_row(SIZE_MAX, 100) == SIZE_MAX - 1);
    assert_true(gn_session_percent_row(SIZE_MAX, 50) == SIZE_MAX / 2);
    /* In Japanese, its title and file. */
    switch_to(s, "ja-JP");
    gn_session_scroll_to(s, 0);
    gn_session_where(s);
    assert_true(strncmp(s->msg, "長いページ (ja-JP: help/main/long.md): lines 1-20 of ", 52) == 0);
    end(state);
}

/* Starting with no saved place (first start, --no-state) opens the first
 * page of the guide, its entry selected, as info opens the top node; a
 * saved place wins; a guide of a state file that cannot be read still
 * opens its first page, the message kept. */
static void test_start_first_page(void **state)
{
    gn_session *s = begin(state, "docs/tour.ja-JP", NULL);
    assert_false(gn_session_start(s));
    assert_string_equal(s->page, "intro.md");
    assert_string_equal(current_title(s), "はじめに");
    assert_true(s->left.have_page);
    assert_non_null(strstr(s->msg, "H lists every key"));
    /* The first place of the history: nothing to go back to. */
    gn_session_back(s);
    assert_string_equal(s->msg, "Nothing to go back to.");
    end(state);

    char *sp = path_of("state/start.state");
    unlink(sp);
    s = begin(state, "docs/book.en", sp);
    assert_false(gn_session_start(s));
    assert_non_null(s->page);
    char *first = gn_xstrdup(s->page);
    gn_session_open(s, "help/main", "long.md");
    gn_session_scroll_to(s, 12);
    gn_error err;
    assert_int_equal(gn_session_save(s, &err), 0);
    end(state);
    s = begin(state, "docs/book.en", sp);
    assert_true(gn_session_start(s));
    assert_string_equal(s->page, "long.md");
    assert_int_equal(gn_session_line_at_top(s), 12);
    end(state);
    free(first);

    write_file("state/start-bad.state", "guidenav-state 1\nGARBAGE\n");
    char *bad = path_of("state/start-bad.state");
    s = begin(state, "docs/book.en", bad);
    assert_false(gn_session_start(s));
    assert_non_null(s->page);
    assert_non_null(strstr(s->msg, "Ignoring the saved state"));
    end(state);
    free(bad);
    free(sp);
}

/* A translation read alone shows "stale" when its reference page changed
 * after the commit it was made from; an up-to-date one, one whose commit
 * is unknown, and the reference show nothing. Compared, each says which
 * it is. */
static void test_stale_alone(void **state)
{
    if (!unit_have_git()) {
        print_message("no git to build a history with\n");
        skip();
    }
    static const char toc[] = "# Book\n\n- [Accounts](accounts.md)\n- [Orders](orders.md)\n";
    unit_write_file(root, "git/st.en/help/g/TOC.md", toc);
    unit_write_file(root, "git/st.en/help/g/accounts.md", "# Accounts\n\nCreate an account.\n");
    unit_write_file(root, "git/st.en/help/g/orders.md", "# Orders\n\nSee the orders.\n");
    unit_write_file(root, "git/st.ja-JP/help/g/TOC.md", toc);
    unit_write_file(root, "git/st.ko-KR/help/g/TOC.md", toc);
    unit_write_file(root, "git/st.ko-KR/help/g/accounts.md", "# 계정\n\n계정을 만듭니다.\n");
    char *en = path_of("git/st.en"), *ja = path_of("git/st.ja-JP/help/g");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' init -q && " UNIT_GIT " -C '%s' add -A && "
                             UNIT_GIT " -C '%s' commit -q -m one", en, en, en), 0);
    /* Both Japanese pages translated from this commit. */
    static const char *const ja_pages[][2] = {{"accounts.md", "アカウント"}, {"orders.md", "注文"}};
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(unit_sh("printf -- '---\\nsource-git-commit: %%s\\n---\\n# %s\\n' "
                                 "\"$(git -C '%s' rev-parse HEAD)\" >'%s/%s'",
                                 ja_pages[i][1], en, ja, ja_pages[i][0]), 0);
    /* Then the English accounts page changes; orders does not. */
    unit_write_file(root, "git/st.en/help/g/accounts.md", "# Accounts\n\nCreate two accounts.\n");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -a -m two", en), 0);

    gn_session *s = begin(state, "git/st.en", NULL);
    gn_session_open(s, "help/g", "accounts.md");
    assert_string_equal(s->stale, "");           /* the reference */
    switch_to(s, "ja-JP");
    page_shown(s, "help/g", "accounts.md");
    assert_string_equal(s->stale, "stale");
    gn_session_open(s, "help/g", "orders.md");
    assert_string_equal(s->stale, "");           /* up to date */
    gn_session_back(s);
    assert_string_equal(s->stale, "stale");
    switch_to(s, "ko-KR");
    assert_string_equal(s->stale, "");           /* no commit: unknown */
    gn_session_compare(s, true);
    assert_string_equal(s->stale, "ko-KR unknown");
    switch_to(s, "ja-JP");
    assert_string_equal(s->stale, "ja-JP stale");
    gn_session_compare(s, false);
    assert_string_equal(s->stale, "stale");
    end(state);
    free(en);
    free(ja);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_open_lays_out_once),
        cmocka_unit_test(test_scroll),
        cmocka_unit_test(test_restore_guide_folder),
        cmocka_unit_test(test_restore_locale_args),
        cmocka_unit_test(test_restore_corrupt),
        cmocka_unit_test(test_two_sessions_keep_marks),
        cmocka_unit_test(test_mark_lines),
        cmocka_unit_test(test_unmark),
        cmocka_unit_test(test_switch_keeps_block),
        cmocka_unit_test(test_resize_keeps_block),
        cmocka_unit_test(test_compare_keeps_block),
        cmocka_unit_test(test_back_after_switch),
        cmocka_unit_test(test_back_forward_pages),
        cmocka_unit_test(test_compare_reference),
        cmocka_unit_test(test_compare_missing),
        cmocka_unit_test(test_set_right_turns_compare_on),
        cmocka_unit_test(test_toc_repository_path),
        cmocka_unit_test(test_tree_enter),
        cmocka_unit_test(test_tree_expand),
        cmocka_unit_test(test_tree_filter),
        cmocka_unit_test(test_follow_pages),
        cmocka_unit_test(test_follow_anchor),
        cmocka_unit_test(test_follow_lost_anchor),
        cmocka_unit_test(test_follow_external_missing),
        cmocka_unit_test(test_symlink_out),
        cmocka_unit_test(test_select_link),
        cmocka_unit_test(test_find_japanese),
        cmocka_unit_test(test_reload),
        cmocka_unit_test(test_locale_lines),
        cmocka_unit_test(test_switch_to_missing),
        cmocka_unit_test(test_changes_without_git),
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_matrix_reader),
        cmocka_unit_test(test_open_compared),
        cmocka_unit_test(test_copy_target),
        cmocka_unit_test(test_search_guides),
        cmocka_unit_test(test_search_repository_guides),
        cmocka_unit_test(test_switch_to_missing_and_back),
        cmocka_unit_test(test_restore_compare),
        cmocka_unit_test(test_page_outside_guides),
        cmocka_unit_test(test_open_file),
        cmocka_unit_test(test_open_file_alone),
        cmocka_unit_test(test_open_text),
        cmocka_unit_test(test_edit_place),
        cmocka_unit_test(test_compare_resize),
        cmocka_unit_test(test_open_found_back),
        cmocka_unit_test(test_restore_root_guide),
        cmocka_unit_test(test_adopted_guide_everywhere),
        cmocka_unit_test(test_select_link_from_top),
        cmocka_unit_test(test_find_from_top),
        cmocka_unit_test(test_mark_not_saved),
        cmocka_unit_test(test_back_while_comparing),
        cmocka_unit_test(test_search_refuses_outside),
        cmocka_unit_test(test_restore_second_guide),
        cmocka_unit_test(test_tiny_pager),
        cmocka_unit_test(test_next_page),
        cmocka_unit_test(test_read_on),
        cmocka_unit_test(test_position_and_where),
        cmocka_unit_test(test_start_first_page),
        cmocka_unit_test(test_toc_kept_per_locale),
        cmocka_unit_test(test_switch_read_ahead),
        cmocka_unit_test(test_stale_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
