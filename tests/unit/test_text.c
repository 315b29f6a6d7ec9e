/* test_text.c: UTF-8 decoding, display widths and sanitising (see text.h). */
#define _GNU_SOURCE /* memmem, the reference */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "unit.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

static void check_decode(const char *s, size_t len, size_t want_n, int32_t want_cp)
{
    int32_t cp = -1;
    size_t n = gn_utf8_decode(s, len, &cp);
    assert_int_equal(n, want_n);
    assert_int_equal(cp, want_cp);
}

static void test_decode_valid(void **state)
{
    (void)state;
    check_decode("A", 1, 1, 'A');
    check_decode("Az", 2, 1, 'A');
    check_decode("\x7F", 1, 1, 0x7F);
    check_decode("\xC3\xA9", 2, 2, 0xE9);             /* é */
    check_decode("\xDF\xBF", 2, 2, 0x7FF);
    check_decode("\xE3\x81\x82", 3, 3, 0x3042);       /* あ */
    check_decode("\xED\x95\x9C", 3, 3, 0xD55C);       /* 한 */
    check_decode("\xE4\xB8\xAD", 3, 3, 0x4E2D);       /* 中 */
    check_decode("\xEF\xBF\xBD", 3, 3, 0xFFFD);       /* U+FFFD itself */
    check_decode("\xF0\x9F\x98\x80", 4, 4, 0x1F600);  /* 😀 */
    check_decode("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);
    /* Only the first code point is read. */
    check_decode("あい", strlen("あい"), 3, 0x3042);
    /* A NUL byte is a code point like any other. */
    check_decode("\0x", 2, 1, 0);
}

static void test_decode_invalid(void **state)
{
    (void)state;
    check_decode("\xFF", 1, 1, 0xFFFD);
    check_decode("\xFEx", 2, 1, 0xFFFD);
    check_decode("\x80", 1, 1, 0xFFFD);               /* stray continuation */
    check_decode("\xBFx", 2, 1, 0xFFFD);
    check_decode("\xC0\xAF", 2, 1, 0xFFFD);           /* overlong '/' */
    check_decode("\xC1\xBF", 2, 1, 0xFFFD);
    check_decode("\xE0\x80\xAF", 3, 1, 0xFFFD);       /* overlong '/' */
    check_decode("\xF0\x80\x80\xAF", 4, 1, 0xFFFD);   /* overlong '/' */
    check_decode("\xED\xA0\x80", 3, 1, 0xFFFD);       /* U+D800 surrogate */
    check_decode("\xED\xBF\xBF", 3, 1, 0xFFFD);       /* U+DFFF surrogate */
    check_decode("\xF4\x90\x80\x80", 4, 1, 0xFFFD);   /* above U+10FFFF */
    check_decode("\xC3x", 2, 1, 0xFFFD);              /* bad continuation */
    check_decode("\xE3\x81x", 3, 1, 0xFFFD);
    /* Truncated sequences, by the text or by len. */
    check_decode("\xC3", 1, 1, 0xFFFD);
    check_decode("\xE3\x81", 2, 1, 0xFFFD);
    check_decode("\xF0\x9F\x98", 3, 1, 0xFFFD);
    check_decode("\xE3\x81\x82", 2, 1, 0xFFFD);       /* あ cut by len */
    check_decode("\xF0\x9F\x98\x80", 1, 1, 0xFFFD);
}

/* The decoder agrees with utf8proc_iterate on every input: each one- to
 * four-byte prefix of random bytes biased towards lead and continuation
 * bytes, and every code point encoded. */
static void test_decode_like_utf8proc(void **state)
{
    (void)state;
    unsigned seed = 12345;
    for (int round = 0; round < 200000; round++) {
        unsigned char b[4];
        for (int i = 0; i < 4; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 8) & 0xFF;
            b[i] = (unsigned char)(i > 0 && (r & 1) ? 0x80 | (r >> 2) : r);
        }
        size_t len = 1 + (size_t)((seed >> 20) & 3);
        utf8proc_int32_t want;
        utf8proc_ssize_t n = utf8proc_iterate(b, (utf8proc_ssize_t)len, &want);
        int32_t got;
        size_t used = gn_utf8_decode((const char *)b, len, &got);
        assert_int_equal(used, n < 1 ? 1 : (size_t)n);
        assert_int_equal(got, n < 1 ? 0xFFFD : want);
    }
    for (int32_t cp = 0; cp <= 0x10FFFF; cp++) {
        unsigned char b[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, b);
        int32_t got;
        size_t used = gn_utf8_decode((const char *)b, (size_t)n, &got);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            assert_int_equal(got, 0xFFFD);
        } else {
            assert_int_equal(used, (size_t)n);
            assert_int_equal(got, cp);
        }
    }
}

static void test_encode(void **state)
{
    (void)state;
    gn_buf b = GN_BUF_INIT;
    gn_utf8_encode(&b, 'a');
    gn_utf8_encode(&b, 0xE9);
    gn_utf8_encode(&b, 0x3042);
    gn_utf8_encode(&b, 0xD55C);
    gn_utf8_encode(&b, 0x1F600);
    assert_string_equal(b.data, "aéあ한😀");
    gn_buf_reset(&b);
    gn_utf8_encode(&b, 0x110000);                     /* not a code point */
    assert_string_equal(b.data, "\xEF\xBF\xBD");
    gn_buf_free(&b);
    /* Round trip through decode. */
    const int32_t cps[] = {0x24, 0xA3, 0x20AC, 0x3000, 0xAC00, 0x10348};
    for (size_t k = 0; k < sizeof cps / sizeof cps[0]; k++) {
        gn_buf e = GN_BUF_INIT;
        gn_utf8_encode(&e, cps[k]);
        int32_t cp;
        assert_int_equal(gn_utf8_decode(e.data, e.len, &cp), e.len);
        assert_int_equal(cp, cps[k]);
        gn_buf_free(&e);
    }
}

/* Every code point's width is utf8proc's (0 for controls, combining and
 * format characters), whatever shortcut gn_cp_width takes. */
static void test_cp_width_everywhere(void **state)
{
    (void)state;
    for (int32_t cp = 0; cp <= 0x10FFFF; cp++) {
        int want = 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cp >= 0x20 && (cp < 0x7F || cp >= 0xA0) && cat != UTF8PROC_CATEGORY_MN &&
            cat != UTF8PROC_CATEGORY_ME && cat != UTF8PROC_CATEGORY_CF) {
            want = utf8proc_charwidth(cp);
            want = want < 0 ? 0 : want > 2 ? 2 : want;
        }
        if (gn_cp_width(cp) != want)
            fail_msg("U+%04X: width %d, utf8proc says %d", (unsigned)cp, gn_cp_width(cp), want);
    }
}

static void test_cp_width(void **state)
{
    (void)state;
    assert_int_equal(gn_cp_width('a'), 1);
    assert_int_equal(gn_cp_width(' '), 1);
    assert_int_equal(gn_cp_width('~'), 1);
    assert_int_equal(gn_cp_width(0xE9), 1);      /* é */
    assert_int_equal(gn_cp_width(0x3042), 2);    /* あ */
    assert_int_equal(gn_cp_width(0x30A2), 2);    /* ア */
    assert_int_equal(gn_cp_width(0xFF71), 1);    /* ｱ halfwidth katakana */
    assert_int_equal(gn_cp_width(0x65E5), 2);    /* 日 */
    assert_int_equal(gn_cp_width(0x4E2D), 2);    /* 中 */
    assert_int_equal(gn_cp_width(0xD55C), 2);    /* 한 */
    assert_int_equal(gn_cp_width(0x3000), 2);    /* ideographic space */
    assert_int_equal(gn_cp_width(0x3002), 2);    /* 。 */
    assert_int_equal(gn_cp_width(0xFF01), 2);    /* ！ fullwidth */
    assert_int_equal(gn_cp_width(0x1F600), 2);   /* 😀 */
    assert_int_equal(gn_cp_width(0x200B), 0);    /* zero-width space */
    assert_int_equal(gn_cp_width(0x200D), 0);    /* zero-width joiner */
    assert_int_equal(gn_cp_width(0xFEFF), 0);    /* BOM / ZWNBSP */
    assert_int_equal(gn_cp_width(0x0301), 0);    /* combining acute */
    assert_int_equal(gn_cp_width(0x3099), 0);    /* combining dakuten */
    /* Controls take no column. */
    assert_int_equal(gn_cp_width(0x00), 0);
    assert_int_equal(gn_cp_width(0x07), 0);
    assert_int_equal(gn_cp_width('\t'), 0);
    assert_int_equal(gn_cp_width('\n'), 0);
    assert_int_equal(gn_cp_width(0x1B), 0);
    assert_int_equal(gn_cp_width(0x7F), 0);
    assert_int_equal(gn_cp_width(0x85), 0);
    assert_int_equal(gn_cp_width(0x9B), 0);
}

static void test_text_width(void **state)
{
    (void)state;
    const struct {
        const char *s;
        int w;
    } cases[] = {
        {"", 0},
        {"hello", 5},
        {"日本語", 6},
        {"한국어 문장", 11},
        {"中文。", 6},
        {"guidenav は Markdown を表示します", 33},
        {"e\u0301", 1},
        {"cafe\u0301", 4},
        {"a\u200Bb", 2},
        {"😀x", 3},
        {"ｱｲｳ", 3},
        {"\x1b[31m", 4},                  /* ESC itself takes none */
        {"\xFF" "a", 2},                  /* U+FFFD for the bad byte */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        assert_int_equal(gn_text_width(cases[k].s, strlen(cases[k].s)), cases[k].w);
    /* len bounds the string. */
    assert_int_equal(gn_text_width("日本語", 6), 4);
    assert_int_equal(gn_text_width("abc", 0), 0);
}

static void check_sanitize(const char *in, size_t len, const char *want)
{
    gn_buf b = GN_BUF_INIT;
    gn_text_sanitize(&b, in, len);
    assert_non_null(b.data);
    /* Compare, free, then assert, so a failure leaks nothing. */
    int ok = b.len == strlen(want) && memcmp(b.data, want, b.len) == 0;
    if (!ok)
        print_error("sanitized to \"%s\" (%zu bytes), want \"%s\"\n",
                    b.data, b.len, want);
    gn_buf_free(&b);
    assert_true(ok);
}

#define SANITIZE(in, want) check_sanitize(in, sizeof in - 1, want)

static void test_sanitize(void **state)
{
    (void)state;
    SANITIZE("plain text", "plain text");
    SANITIZE("日本語の文章、한국어 문장。", "日本語の文章、한국어 문장。");
    SANITIZE("\x1b[31mred\x1b[0m", "\u241B[31mred\u241B[0m");
    assert_string_equal("\u241B", "␛");
    SANITIZE("bell\a", "bell\u2407");
    SANITIZE("del\x7F", "del\u2421");
    assert_string_equal("\u2421", "␡");
    SANITIZE("nul\0!", "nul\u2400!");
    SANITIZE("cr\r", "cr\u240D");
    SANITIZE("tab\tand\nnewline", "tab\tand\nnewline");
    SANITIZE("c1 \xC2\x9B" "2J", "c1 \uFFFD2J");       /* U+009B CSI */
    SANITIZE("nel \xC2\x85", "nel \uFFFD");
    SANITIZE("bad \xFF byte", "bad \uFFFD byte");
    SANITIZE("cut \xE3\x81", "cut \uFFFD\uFFFD");
    SANITIZE("overlong \xC0\xAF", "overlong \uFFFD\uFFFD");
    SANITIZE("abc\u202Edef", "abc<U+202E>def");
    SANITIZE("\u202A\u202B\u202C\u202D", "<U+202A><U+202B><U+202C><U+202D>");
    SANITIZE("\u2066x\u2069", "<U+2066>x<U+2069>");
    /* Runs of text kept whole between the characters replaced. */
    SANITIZE("日本語\x1bの\u202E文章\xC2\x85한국어\xFF문장\x7F",
             "日本語\u241Bの<U+202E>文章\uFFFD한국어\uFFFD문장\u2421");
    SANITIZE("\xFF日本\t한국\n", "\uFFFD日本\t한국\n");
    SANITIZE("\xEF\xBF\xBD valid U+FFFD", "\uFFFD valid U+FFFD");
    /* Not bidi overrides: kept. */
    SANITIZE("\u200B\u200D\u0301", "\u200B\u200D\u0301");
    /* Appends to what the buffer holds. */
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "> ");
    gn_text_sanitize(&b, "\x1b", 1);
    assert_string_equal(b.data, "> \u241B");
    gn_buf_free(&b);

    char *s = gn_text_sanitized("日本\x1b語");
    assert_string_equal(s, "日本\u241B語");
    free(s);
    s = gn_text_sanitized("");
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}

/* gn_text_vsanitizedf through a function of variable arguments. */
static char *safef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *safef(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = gn_text_vsanitizedf(fmt, ap);
    va_end(ap);
    return s;
}

/* A message is formatted whole (no length cut) and then made safe: the
 * quoted text's ESC and bidirectional override show, in any script. */
static void test_sanitizedf(void **state)
{
    (void)state;
    char *s = safef("%s:%d: %s", "設定.yaml", 3, "키\x1b[31m \u202Eabc");
    assert_string_equal(s, "設定.yaml:3: 키\u241B[31m <U+202E>abc");
    free(s);
    s = safef("%s", "");
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    char *long_text = gn_xmalloc(5001);
    memset(long_text, 'a', 5000);
    long_text[5000] = '\0';
    s = safef("[%s]", long_text);
    assert_int_equal(strlen(s), 5002);
    free(s);
    free(long_text);
}

/* A line of code or of a diff: safe, tabs to the next multiple of 4
 * columns counted in display columns, so gn_text_width measures it. */
static void test_code_line(void **state)
{
    (void)state;
    static const struct { const char *in, *out; int width; } cases[] = {
        {"\tx", "    x", 5},
        {"+\tx", "+   x", 5},
        {"日本\t語", "日本    語", 10}, /* at a tab stop, to the next one */
        {"日\tx", "日  x", 5},
        {"한\t\t국", "한      국", 10},
        {"a\x1b[1m\tb", "a\u241B[1m   b", 9},
        {"", "", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "> "); /* appends; tab stops count from the line's start */
        gn_text_code_line(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(b.data + 2, cases[i].out);
        assert_int_equal(gn_text_width(b.data + 2, b.len - 2), cases[i].width);
        gn_buf_free(&b);
    }
}

static void test_fit(void **state)
{
    (void)state;
    const char *jp = "あいう";
    size_t len = strlen(jp);
    assert_int_equal(gn_text_fit(jp, len, 0), 0);
    assert_int_equal(gn_text_fit(jp, len, 1), 0);
    assert_int_equal(gn_text_fit(jp, len, 2), 3);
    assert_int_equal(gn_text_fit(jp, len, 3), 3);   /* never half of い */
    assert_int_equal(gn_text_fit(jp, len, 4), 6);
    assert_int_equal(gn_text_fit(jp, len, 5), 6);
    assert_int_equal(gn_text_fit(jp, len, 6), 9);
    assert_int_equal(gn_text_fit(jp, len, 100), 9);
    const char *ko = "한국어";
    assert_int_equal(gn_text_fit(ko, strlen(ko), 5), 6);
    assert_int_equal(gn_text_fit("abc", 3, 2), 2);
    assert_int_equal(gn_text_fit("a日b", strlen("a日b"), 2), 1);
    /* Zero-width characters ride along with what precedes them. */
    assert_int_equal(gn_text_fit("e\u0301x", strlen("e\u0301x"), 1), 3);
    assert_int_equal(gn_text_fit("😀😀", 8, 3), 4);
    assert_int_equal(gn_text_fit("", 0, 5), 0);
}

/* gn_text_field: one field of a tab-separated record. */
static void test_field(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"a\tb", "a\\tb"},
        {"a\nb", "a\\nb"},
        {"back\\slash", "back\\\\slash"},
        {"\\t is not a tab", "\\\\t is not a tab"},
        {"\t\n\\", "\\t\\n\\\\"},
        {"日本\t語\n", "日本\\t語\\n"},
        {"esc\x1b[2J\r", "esc\u241B[2J\u240D"},
        {"c1 \xC2\x9B", "c1 \uFFFD"},
        {"abc\u202Edef", "abc<U+202E>def"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "");
        gn_text_field(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(b.data, cases[i].want);
        assert_null(strchr(b.data, '\t'));
        assert_null(strchr(b.data, '\n'));
        gn_buf_free(&b);
    }
}

/* gn_text_ascii: ASCII only, one '?' per column. */
static void test_ascii(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"plain [x]", "plain [x]"},
        {"caf\xC3\xA9", "caf?"},
        {"\xE6\x97\xA5\xE6\x9C\xAC", "????"},            /* two wide */
        {"e\xCC\x81!", "e!"},                             /* combining */
        {"\xE2\x80\x9B\xE2\x80\x9D\xE2\x9C\x9C", "???"}, /* 0x9B 0x9D 0x9C */
        {"bad \xFF", "bad ?"},
        {"\xE2\x94\x82 \xE2\x94\x80", "? ?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "");
        gn_text_ascii(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(b.data, cases[i].want);
        assert_int_equal(gn_text_width(b.data, b.len),
                         gn_text_width(cases[i].in, strlen(cases[i].in)));
        gn_buf_free(&b);
    }
}

/* Cut to a width with an ellipsis, in display columns: Japanese and
 * Korean take two columns a character, and are never split; ASCII marks
 * take three. */
static void test_ellipsize(void **state)
{
    (void)state;
    const char *mark;
    const char *en = "Copying is off: start guidenav with --osc52";
    assert_int_equal(gn_text_ellipsize(en, strlen(en), 80, false, &mark), strlen(en));
    assert_null(mark);
    assert_int_equal(gn_text_ellipsize(en, strlen(en), 10, false, &mark), 9); /* "Copying i…" */
    assert_string_equal(mark, "\u2026");
    assert_int_equal(gn_text_ellipsize(en, strlen(en), 10, true, &mark), 7); /* "Copying..." */
    assert_string_equal(mark, "...");
    const char *ja = "日本語のページ"; /* 14 columns */
    size_t len = strlen(ja);
    assert_int_equal(gn_text_ellipsize(ja, len, 14, false, &mark), len);
    assert_null(mark);
    assert_int_equal(gn_text_ellipsize(ja, len, 13, false, &mark), 6 * 3); /* 12 + … */
    assert_string_equal(mark, "\u2026");
    assert_int_equal(gn_text_ellipsize(ja, len, 12, false, &mark), 5 * 3); /* 10 + …, 11 */
    const char *ko = "한국어 제목"; /* 11 columns */
    assert_int_equal(gn_text_ellipsize(ko, strlen(ko), 8, false, &mark), 9); /* "한국어…": the space dropped */
    assert_int_equal(gn_text_ellipsize(ko, strlen(ko), 8, true, &mark), 6); /* "한국..." */
    assert_string_equal(mark, "...");
    /* Narrower than the mark: what fits, no mark. */
    assert_int_equal(gn_text_ellipsize(en, strlen(en), 2, true, &mark), 2);
    assert_null(mark);
    assert_int_equal(gn_text_ellipsize(en, strlen(en), 0, false, &mark), 0);
    assert_null(mark);
}

/* gn_find_short finds what memmem finds: at the start, the end, across a
 * partial match, and never past len. */
static void test_find_short(void **state)
{
    (void)state;
    const char *s = "a ++ b [x] [!c] +++";
    const char *needles[] = {"+++", "[!", "a", "+++ ", "++ b", "[!d", "x]", "++"};
    for (size_t k = 0; k < sizeof needles / sizeof *needles; k++)
        for (size_t len = 0; len <= strlen(s); len++) {
            const char *want = memmem(s, len, needles[k], strlen(needles[k]));
            assert_ptr_equal(gn_find_short(s, len, needles[k], strlen(needles[k])), want);
        }
    assert_null(gn_find_short("++", 2, "+++", 3));
    assert_non_null(gn_find_short("+", 1, "+", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_invalid),
        cmocka_unit_test(test_decode_like_utf8proc),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_cp_width_everywhere),
        cmocka_unit_test(test_cp_width),
        cmocka_unit_test(test_text_width),
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_code_line),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_field),
        cmocka_unit_test(test_ascii),
        cmocka_unit_test(test_ellipsize),
        cmocka_unit_test(test_sanitizedf),
        cmocka_unit_test(test_find_short),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
