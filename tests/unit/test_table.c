/* test_table.c: what tables are laid out from: column widths shared by
 * content (columns.h) and a cell's lines (cell.h): list items on lines of
 * their own, words whole, a word too wide for its column broken with room
 * for the wrap mark. Japanese and Korean in every test that wraps. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/cell.h"
#include "guidenav/columns.h"
#include "guidenav/layout.h"
#include "guidenav/para.h"
#include "guidenav/text.h"

/* gn_columns_fit into width, with the checks every fit passes: the room
 * taken exactly (or the natural widths), no column below its minimum or
 * above its natural width. */
static void fit(int *width, const int *natural, const int *body, const int *min, size_t n,
                long room)
{
    gn_columns_fit(width, natural, body, min, n, room);
    long sum = 0, total = 0;
    for (size_t c = 0; c < n; c++) {
        assert_true(width[c] >= min[c]);
        assert_true(width[c] <= natural[c]);
        sum += width[c];
        total += natural[c];
    }
    assert_int_equal(sum, total < room ? total : room);
}

static void test_natural_widths_fit(void **state)
{
    (void)state;
    int natural[] = {5, 12, 3}, min[] = {5, 8, 3}, width[3];
    fit(width, natural, natural, min, 3, 40);
    assert_memory_equal(width, natural, sizeof natural);
}

/* Labels beside long descriptions: the labels keep what they need (a
 * long label gets a good part of it), the descriptions get the rest,
 * never an even split. */
static void test_labels_and_descriptions(void **state)
{
    (void)state;
    int natural[] = {39, 800}, min[] = {8, 15}, width[2];
    fit(width, natural, natural, min, 2, 73);
    assert_int_equal(width[0], 21);
    assert_int_equal(width[1], 52);
    /* A column that lacks little gets it all. */
    int nat2[] = {6, 38}, min2[] = {2, 6};
    fit(width, nat2, nat2, min2, 2, 33);
    assert_int_equal(width[0], 6);
    assert_int_equal(width[1], 27);
    /* The same content, the same widths. */
    int nat3[] = {30, 30, 30}, min3[] = {8, 8, 8}, w3[3];
    fit(w3, nat3, nat3, min3, 3, 73);
    assert_int_equal(w3[0], 25);
    assert_int_equal(w3[1], 24);
    assert_int_equal(w3[2], 24);
}

/* Header cells wrap before body cells: what the body rows need comes
 * first, what only a header needs after. */
static void test_body_first(void **state)
{
    (void)state;
    int natural[] = {28, 19, 13}, body[] = {7, 19, 13}, min[] = {7, 19, 6}, width[3];
    fit(width, natural, body, min, 3, 45);
    assert_int_equal(width[0], 13);
    assert_int_equal(width[1], 19);
    assert_int_equal(width[2], 13);
    /* Not even the body fits: from the minimums up. */
    fit(width, natural, body, min, 3, 34);
    assert_int_equal(width[1], 19);
    assert_true(width[2] > min[2] && width[2] < body[2]);
    /* Just the minimums. */
    fit(width, natural, body, min, 3, 32);
    assert_memory_equal(width, min, sizeof min);
}

/* The lines of a cell read from HTML, as "indent|marker|text|split". */
static char *lines_of(const char *html, int width, const char *lang)
{
    gn_para p = {0};
    gn_para_add_html(&p, html, strlen(html));
    gn_para_markup(&p);
    const gn_glyphs *g = gn_glyphs_for(false);
    gn_cell cell;
    gn_cell_init(&cell, &p, g, lang);
    const gn_cell_line *l;
    size_t n = gn_cell_lines(&cell, width, 1, &l);
    gn_buf out = GN_BUF_INIT;
    gn_buf_adds(&out, "");
    for (size_t i = 0; i < n; i++) {
        char buf[16];
        const char *m = gn_cell_marker(l[i].depth, l[i].number, g, buf);
        char *line = gn_xasprintf("%d|%s|%.*s|%s\n", l[i].indent, m, (int)(l[i].end - l[i].start),
                                  p.text.data + l[i].start, l[i].split ? "split" : "");
        assert_true(l[i].indent + l[i].width + (l[i].split ? 1 : 0) <= width);
        gn_buf_adds(&out, line);
        free(line);
    }
    gn_cell_free(&cell);
    gn_para_free(&p);
    return gn_buf_take(&out);
}

static void test_cell_lines(void **state)
{
    (void)state;
    char *got = lines_of("Options:<ul><li>Disabled - choose this</li><li>日本語の説明です</li>"
                         "<li>한국어 문장입니다</li></ul>", 14, "ja-JP");
    assert_string_equal(got, "0||Options:|\n"
                             "2|• |Disabled -|\n"
                             "2||choose this|\n"
                             "2|• |日本語の説明|\n"
                             "2||です|\n"
                             "2|• |한국어|\n"
                             "2||문장입니다|\n");
    free(got);
    /* Numbers, a nested list, text after the list, a paragraph. */
    got = lines_of("<ol><li>one<ul><li>inner</li></ul></li><li>two</li></ol>after<p>para</p>", 20,
                   "ko-KR");
    assert_string_equal(got, "3|1. |one|\n"
                             "5|◦ |inner|\n"
                             "3|2. |two|\n"
                             "0||after|\n"
                             "0|||\n"
                             "0||para|\n");
    free(got);
    /* A word wider than the column: broken, room kept for the mark. */
    got = lines_of("supercalifragilistic 낱말", 8, "ko-KR");
    assert_string_equal(got, "0||superca|split\n"
                             "0||lifragi|split\n"
                             "0||listic|\n"
                             "0||낱말|\n");
    free(got);
}

/* A cell's lines are wrapped again only at another width or mark: asked
 * for at 14, 30 and 14 columns, each answer is what a fresh cell gives. */
static void test_cell_lines_per_width(void **state)
{
    (void)state;
    const char *html = "日本語の説明です<ul><li>Disabled - choose this</li><li>한국어 문장입니다</li></ul>";
    gn_para p = {0};
    gn_para_add_html(&p, html, strlen(html));
    gn_para_markup(&p);
    const gn_glyphs *g = gn_glyphs_for(false);
    gn_cell kept;
    gn_cell_init(&kept, &p, g, "ja-JP");
    static const int widths[][2] = {{14, 1}, {14, 1}, {30, 1}, {14, 1}, {14, 3}, {8, 1}, {14, 1}};
    const gn_cell_line *before = NULL;
    size_t nbefore = 0;
    for (size_t k = 0; k < sizeof widths / sizeof *widths; k++) {
        gn_cell fresh;
        gn_cell_init(&fresh, &p, g, "ja-JP");
        const gn_cell_line *a, *b;
        size_t na = gn_cell_lines(&kept, widths[k][0], widths[k][1], &a);
        size_t nb = gn_cell_lines(&fresh, widths[k][0], widths[k][1], &b);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na * sizeof *a);
        for (size_t i = 0; i < na; i++)
            assert_true(a[i].indent + a[i].width + (a[i].split ? widths[k][1] : 0) <= widths[k][0]);
        if (k == 1) /* the same width and mark: the same lines, kept */
            assert_ptr_equal(a, before);
        if (k == 2 || k == 5) /* narrower or wider: other lines */
            assert_int_not_equal(na, nbefore);
        before = a;
        nbefore = na;
        gn_cell_free(&fresh);
    }
    gn_cell_free(&kept);
    gn_para_free(&p);
}

/* A code span that fits is held on one line, but not when what may not
 * leave it (Korean particles after it) would then split a word. */
static void test_cell_code_span(void **state)
{
    (void)state;
    const gn_glyphs *g = gn_glyphs_for(false);
    gn_para p = {0};
    gn_para_add(&p, "설정을 ", strlen("설정을 "), 0, -1);
    gn_para_add(&p, "List Eligible Products", 22, GN_ST_CODE, -1);
    gn_para_add(&p, " 値を 日本語", strlen(" 値を 日本語"), 0, -1);
    gn_cell cell;
    gn_cell_init(&cell, &p, g, "ko-KR");
    const gn_cell_line *l;
    size_t n = gn_cell_lines(&cell, 24, 1, &l);
    assert_int_equal(n, 3);
    assert_int_equal(l[0].end - l[0].start, strlen("설정을"));
    assert_int_equal(l[1].end - l[1].start, 22);
    assert_memory_equal(p.text.data + l[1].start, "List Eligible Products", 22);
    gn_cell_free(&cell);
    gn_para_reset(&p);
    gn_para_add(&p, "설정을 ", strlen("설정을 "), 0, -1);
    gn_para_add(&p, "List Eligible Products", 22, GN_ST_CODE, -1);
    gn_para_add(&p, "(으)로 바꿉니다", strlen("(으)로 바꿉니다"), 0, -1);
    gn_cell_init(&cell, &p, g, "ko-KR");
    n = gn_cell_lines(&cell, 24, 1, &l);
    for (size_t i = 0; i < n; i++)
        assert_false(l[i].split);
    assert_int_equal(n, 2);
    assert_int_equal(l[0].end - l[0].start, strlen("설정을 List Eligible"));
    assert_string_equal(p.text.data + l[1].start, "Products(으)로 바꿉니다");
    gn_cell_free(&cell);
    gn_para_free(&p);
}

/* A column's needs: the widest line and the widest word, each with the
 * indent before it; Korean words whole, Japanese by the character. */
static void test_cell_measure(void **state)
{
    (void)state;
    const char *html = "Intro text<ul><li>Availability 在庫状況</li><li>재고 있음</li></ul>";
    gn_para p = {0};
    gn_para_add_html(&p, html, strlen(html));
    gn_para_markup(&p);
    gn_cell cell;
    gn_cell_init(&cell, &p, gn_glyphs_for(false), "ja-JP");
    int natural = gn_cell_natural(&cell), word = gn_cell_word(&cell);
    assert_int_equal(natural, 2 + gn_text_width("Availability 在庫状況", strlen("Availability 在庫状況")));
    assert_int_equal(word, 2 + 12); /* "Availability" after its bullet */
    gn_cell_free(&cell);
    gn_para_free(&p);
    html = "<ul><li>띄어쓰기에서 줄이</li></ul>";
    gn_para_add_html(&p, html, strlen(html));
    gn_para_markup(&p);
    gn_cell_init(&cell, &p, gn_glyphs_for(false), "ko-KR");
    assert_int_equal(gn_cell_word(&cell), 2 + 12);
    gn_cell_free(&cell);
    gn_para_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_natural_widths_fit),
        cmocka_unit_test(test_labels_and_descriptions),
        cmocka_unit_test(test_body_first),
        cmocka_unit_test(test_cell_lines),
        cmocka_unit_test(test_cell_lines_per_width),
        cmocka_unit_test(test_cell_code_span),
        cmocka_unit_test(test_cell_measure),
    };
    return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
