/* test_wrap_text.c: the text decoded once for line breaking and its break
 * opportunities (src/wrap_text.c), against libunibreak called as before.
 *
 * wrap_text.c is compiled here a second time with calls of libunibreak of
 * at most about 64 code points (LB_WINDOW; its functions renamed
 * ..._small), and wrap.c on top of it (gn_wrap_small...). On random texts
 * of Latin words, CJK runs, Korean, punctuation, quotation marks, emoji
 * and marks mixed:
 * - the break actions are those of one call of libunibreak over the
 *   characters themselves (as gn_wrap handed them before the classes
 *   became ours: an invalid byte as '#', a regional indicator as an
 *   ideograph), in every language libunibreak tailors;
 * - gn_wrap (calls of up to 1 MB) and gn_wrap_small give the same lines;
 * - the character handed for each class is the first of the class in
 *   libunibreak's own table, and no character it tailors by language is
 *   handed as another. */
#include "unit.h"
#include <utf8proc.h>
#include <linebreak.h>
#include <linebreakdef.h>
#include "guidenav/lbclass.h"
#include "guidenav/wrap.h"

#define LB_WINDOW ((size_t)64)
#define gn_wtext_decode gn_wtext_decode_small
#define gn_wtext_breaks gn_wtext_breaks_small
#define gn_wtext_free gn_wtext_free_small
#define gn_wtext_join gn_wtext_join_small
#define gn_wt_cjk_plain gn_wt_cjk_plain_small
#define gn_wrap gn_wrap_small
#define gn_wrap_glued gn_wrap_glued_small
#define gn_wrap_marked gn_wrap_marked_small
#define gn_wrap_text_new gn_wrap_text_new_small
#define gn_wrap_text_free gn_wrap_text_free_small
#define gn_wrap_text_join gn_wrap_text_join_small
#define gn_wrap_text_natural gn_wrap_text_natural_small
#define gn_wrap_text_widest gn_wrap_text_widest_small
#define gn_wrap_text_lines gn_wrap_text_lines_small
#define gn_wrap_rows gn_wrap_rows_small
#define gn_wrap_rows_free gn_wrap_rows_free_small
#define gn_wrap_terms gn_wrap_terms_small
#include "wrap_text.c"
#include "wrap.c"
#undef gn_wrap
#undef gn_wrap_glued
#undef gn_wrap_marked
#undef gn_wrap_text_new
#undef gn_wrap_text_free
#undef gn_wrap_text_join
#undef gn_wrap_text_natural
#undef gn_wrap_text_widest
#undef gn_wrap_text_lines
#undef gn_wrap_rows
#undef gn_wrap_rows_free
#undef gn_wrap_terms

/* Characters whose class is the same in libunibreak 1.1's table and in
 * LineBreak.txt (or which are handed as another: invalid bytes, regional
 * indicators, emoji modifiers, ZWJ), so that both ways must agree. */
static const char *const pieces[] = {
    " ", " ", " ", " ", "word", "ab12", "x", "9", "3.14", "日本", "語", "中文", "漢字",
    "の", "ゃ", "っ", "ー", "。", "、", "「", "」", "（", "）", "！", "？", "・", "(", ")",
    "[", "]", "{", "}", "-", "/", "!", "?", ",", ".", ":", ";", "한국어", "API를", "😀",
    "👍\U0001F3FD", "\U0001F1EF\U0001F1F5", "\u0301", "\u200B", "\u200D", "\u2060",
    "\u00A0", "é", "$", "%", "€", "\"", "'", "\u201C", "\u201D", "\u2018", "\u2019",
    "\u00AB", "\u00BB", "\u2039", "\u203A", "\u00A7", "\u2460", "\u2014", "\u2026",
    "\u05D0\u05D1", "\u0E01\u0E32", "\t", "\r", "\n", "\n", "\xff", "\xe3\x81", "#",
    "\u30FB", "\uFFFD",
};

/* A random text of pieces, up to size - 1 bytes, in buf; its length. */
static size_t random_text(uint32_t *seed, char *buf, size_t size)
{
    size_t len = 0, npieces = sizeof pieces / sizeof *pieces;
    *seed = *seed * 1103515245u + 12345u;
    size_t want = 1 + (*seed >> 16) % (size - 1);
    for (;;) {
        *seed = *seed * 1103515245u + 12345u;
        const char *p = pieces[(*seed >> 16) % npieces];
        size_t pl = strlen(p);
        if (len + pl > want)
            break;
        memcpy(buf + len, p, pl);
        len += pl;
    }
    return len;
}

static void test_breaks_as_one_call(void **state)
{
    (void)state;
    const char *langs[] = {NULL, "ja", "ko", "zh", "en", "de", "fr", "es", "ru"};
    size_t nlangs = sizeof langs / sizeof *langs;
    uint32_t seed = 2027;
    char buf[600];
    init_linebreak();
    for (int round = 0; round < 3000; round++) {
        size_t len = random_text(&seed, buf, sizeof buf);
        if (len == 0)
            continue;
        const char *lang = langs[round % nlangs];
        gn_wtext t;
        assert_true(gn_wtext_decode_small(&t, buf, len) >= 0);
        assert_true(gn_wtext_breaks_small(&t, lang));
        utf32_t *u = malloc(t.n * sizeof *u);
        char *want = malloc(t.n);
        assert_true(u && want);
        for (size_t k = 0; k < t.n; k++) {
            int32_t cp = t.cp[k];
            u[k] = t.m[k] & GN_WT_BAD ? '#' : cp >= 0x1F1E6 && cp <= 0x1F1FF ? 0x20000 : (utf32_t)cp;
        }
        set_linebreaks_utf32(u, t.n, lang, want);
        /* After the spaces that start the text or a line: an opportunity. */
        for (size_t k = 0; k < t.n; k++) {
            size_t e = k;
            while (e < t.n && t.cp[e] == ' ')
                e++;
            if (e > k && e < t.n && t.cp[e] != '\n')
                want[e - 1] = LINEBREAK_ALLOWBREAK;
            while (e < t.n && t.cp[e] != '\n')
                e++;
            k = e;
        }
        for (size_t k = 0; k + 1 < t.n; k++)
            if (t.brk[k] != (unsigned char)want[k])
                fail_msg("round %d (%s): after code point %zu (U+%04X) %d, one call %d: \"%.*s\"",
                         round, lang ? lang : "-", k, (unsigned)t.cp[k], t.brk[k], want[k],
                         (int)len, buf);
        free(u);
        free(want);
        gn_wtext_free_small(&t);
    }
}

static void test_windows_as_one_call(void **state)
{
    (void)state;
    const char *langs[] = {NULL, "ja", "ko", "zh"};
    uint32_t seed = 77;
    char buf[4096];
    for (int round = 0; round < 300; round++) {
        size_t len = random_text(&seed, buf, sizeof buf);
        for (int width = 1; width <= 40; width++) {
            gn_wrap_line *one, *windows;
            const char *lang = langs[round % 4];
            size_t n1 = gn_wrap(buf, len, width, lang, &one);
            size_t n2 = gn_wrap_small(buf, len, width, lang, &windows);
            assert_int_equal(n1, n2);
            for (size_t k = 0; k < n1; k++)
                if (one[k].start != windows[k].start || one[k].end != windows[k].end ||
                    one[k].split != windows[k].split)
                    fail_msg("round %d, width %d, line %zu: [%zu, %zu) in one call, "
                             "[%zu, %zu) in windows", round, width, k, one[k].start,
                             one[k].end, windows[k].start, windows[k].end);
            free(one);
            free(windows);
        }
    }
}

/* libunibreak's own class of each of ours that it knows (its enum has
 * neither EB, EM nor ZWJ). */
static const struct {
    gn_lb_class ours;
    enum LineBreakClass theirs;
} known[] = {
    {GN_LB_OP, LBP_OP}, {GN_LB_CL, LBP_CL}, {GN_LB_CP, LBP_CP}, {GN_LB_QU, LBP_QU},
    {GN_LB_GL, LBP_GL}, {GN_LB_NS, LBP_NS}, {GN_LB_EX, LBP_EX}, {GN_LB_SY, LBP_SY},
    {GN_LB_IS, LBP_IS}, {GN_LB_PR, LBP_PR}, {GN_LB_PO, LBP_PO}, {GN_LB_NU, LBP_NU},
    {GN_LB_AL, LBP_AL}, {GN_LB_HL, LBP_HL}, {GN_LB_ID, LBP_ID}, {GN_LB_IN, LBP_IN},
    {GN_LB_HY, LBP_HY}, {GN_LB_BA, LBP_BA}, {GN_LB_BB, LBP_BB}, {GN_LB_B2, LBP_B2},
    {GN_LB_ZW, LBP_ZW}, {GN_LB_CM, LBP_CM}, {GN_LB_WJ, LBP_WJ}, {GN_LB_H2, LBP_H2},
    {GN_LB_H3, LBP_H3}, {GN_LB_JL, LBP_JL}, {GN_LB_JV, LBP_JV}, {GN_LB_JT, LBP_JT},
    {GN_LB_RI, LBP_RI}, {GN_LB_AI, LBP_AI}, {GN_LB_BK, LBP_BK}, {GN_LB_CB, LBP_CB},
    {GN_LB_CJ, LBP_CJ}, {GN_LB_CR, LBP_CR}, {GN_LB_LF, LBP_LF}, {GN_LB_NL, LBP_NL},
    {GN_LB_SA, LBP_SA}, {GN_LB_SG, LBP_SG}, {GN_LB_SP, LBP_SP}, {GN_LB_XX, LBP_XX},
};

/* The first code point of class c in libunibreak's table, or -1. */
static int32_t first_in_libunibreak(enum LineBreakClass c)
{
    for (const struct LineBreakProperties *p = lb_prop_default; p->prop != LBP_Undefined; p++)
        if (p->prop == c)
            return (int32_t)p->start;
    return -1;
}

static void test_handed_characters(void **state)
{
    (void)state;
    pthread_once(&classes_ready, classes_init); /* wrap_text.c's tables */
    size_t nknown = sizeof known / sizeof *known;
    for (size_t i = 0; i < nknown; i++) {
        gn_lb_class c = known[i].ours;
        if (as[c] != c || hand[c] == HAND_ITSELF)
            continue; /* handed as another class, or as itself */
        if ((int32_t)hand[c] != first_in_libunibreak(known[i].theirs))
            fail_msg("class %d is handed as U+%04X, libunibreak's first is U+%04X", (int)c,
                     (unsigned)hand[c], (unsigned)first_in_libunibreak(known[i].theirs));
        assert_int_equal(gn_lb_class_of((int32_t)hand[c]), c);
    }
    /* The characters libunibreak tailors by language are all QU, handed as
     * themselves; no character handed for a class is tailored. */
    for (const struct LineBreakPropertiesLang *l = lb_prop_lang_map; l->lang; l++)
        for (const struct LineBreakProperties *p = l->lbp; p->prop != LBP_Undefined; p++)
            for (utf32_t cp = p->start; cp <= p->end; cp++) {
                if (gn_lb_class_of((int32_t)cp) != GN_LB_QU)
                    fail_msg("U+%04X, tailored for %s, is not QU", (unsigned)cp, l->lang);
                for (int c = 0; c < GN_LB_COUNT; c++)
                    assert_true(hand[c] != cp);
            }
    /* The table: a few classes of Unicode 15 that Debian's libunibreak 1.1
     * had otherwise. */
    assert_int_equal(gn_lb_class_of(0x3000), GN_LB_BA);  /* IDEOGRAPHIC SPACE: ID */
    assert_int_equal(gn_lb_class_of(0xFF71), GN_LB_ID);  /* HALFWIDTH KATAKANA A: AL */
    assert_int_equal(gn_lb_class_of(0x2764), GN_LB_ID);  /* HEAVY BLACK HEART: AL */
    assert_int_equal(gn_lb_class_of(0x31350), GN_LB_ID); /* an ideograph of Unicode 15 */
    assert_int_equal(gn_lb_class_of(0x1F3FB), GN_LB_EM);
    assert_int_equal(gn_lb_class_of(0x10FFFF), GN_LB_XX);
}

/* The CJK punctuation read as plain (GN_WT_PLAIN: a grapheme cluster
 * always ends between two plain characters, the grapheme rules start
 * afresh after one) is wide and of utf8proc's grapheme class Other, as
 * ASCII letters and the wide letters are. */
static void test_cjk_plain(void **state)
{
    (void)state;
    size_t n = 0;
    for (int32_t cp = 0x80; cp < 0x20000; cp++) {
        if (!gn_wt_cjk_plain(cp))
            continue;
        n++;
        assert_int_equal(utf8proc_get_property(cp)->boundclass, UTF8PROC_BOUNDCLASS_OTHER);
        assert_int_equal(gn_cp_width(cp), 2);
        for (int32_t x = 'a'; x <= 'c'; x++) { /* between it and a letter: a break, both ways */
            utf8proc_int32_t st = 0;
            assert_true(utf8proc_grapheme_break_stateful(cp, x, &st));
            st = 0;
            assert_true(utf8proc_grapheme_break_stateful(x, cp, &st));
        }
    }
    assert_true(n > 100);
    assert_true(gn_wt_cjk_plain(0x3002)); /* 。 */
    assert_false(gn_wt_cjk_plain(0x3030)); /* 〰: an emoji */
}

/* A text joined from decoded parts is the text of the parts one after
 * the other: the same widest line, widest word and lines at each width
 * as the whole decoded at once (a record's "Header: value"). */
static void test_join(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"注文の状態", ": ", "出荷済みの注文は取り消せません。"},
        {"Status", ": ", "(pending) orders can be cancelled, shipped ones not."},
        {"상태", ": ", "API를 사용해 주문을 취소합니다"},
        {"Line one\nand two", ": ", "value"},
        {"", ": ", "!important"},
        {"Name", ": ", ""},
    };
    const char *langs[] = {"ja-JP", "en", "ko-KR", "en", "en", "en"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_wrap_text *parts[3];
        size_t n = 0;
        char whole[256] = "";
        for (size_t j = 0; j < 3; j++) {
            strcat(whole, cases[i][j]); /* (an empty part too: it adds nothing) */
            parts[n++] = gn_wrap_text_new(cases[i][j], strlen(cases[i][j]), langs[i]);
        }
        gn_wrap_text *joined = gn_wrap_text_join(parts, n, langs[i]);
        gn_wrap_text *direct = gn_wrap_text_new(whole, strlen(whole), langs[i]);
        assert_int_equal(gn_wrap_text_natural(joined), gn_wrap_text_natural(direct));
        assert_int_equal(gn_wrap_text_widest(joined), gn_wrap_text_widest(direct));
        for (int width = 1; width <= 40; width++) {
            gn_wrap_line *a, *b;
            size_t na = gn_wrap_text_lines(joined, width, 1, NULL, &a);
            size_t nb = gn_wrap_text_lines(direct, width, 1, NULL, &b);
            assert_int_equal(na, nb);
            for (size_t k = 0; k < na; k++) {
                assert_int_equal(a[k].start, b[k].start);
                assert_int_equal(a[k].end, b[k].end);
                assert_int_equal(a[k].width, b[k].width);
                assert_int_equal(a[k].split, b[k].split);
            }
            free(a);
            free(b);
        }
        gn_wrap_text_free(joined);
        gn_wrap_text_free(direct);
        for (size_t j = 0; j < n; j++)
            gn_wrap_text_free(parts[j]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_breaks_as_one_call),
        cmocka_unit_test(test_windows_as_one_call),
        cmocka_unit_test(test_handed_characters),
        cmocka_unit_test(test_cjk_plain),
        cmocka_unit_test(test_join),
    };
    return cmocka_run_group_tests_name("wrap text", tests, NULL, NULL);
}
