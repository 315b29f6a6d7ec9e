/* test_wrap_windows.c: gn_wrap hands libunibreak the text in windows
 * (src/wrap.c, lb_breaks), so a stop asked for is seen between them; the
 * windows must give the lines one call over the whole text gives.
 *
 * wrap.c is compiled here a second time with windows of 64 bytes (its
 * functions renamed: gn_wrap_small...), and both wrap the same random
 * texts of up to 4 KB, Latin words, CJK runs, Korean, punctuation, emoji
 * and marks mixed, at every width from 1 to 40: the library's gn_wrap
 * (windows of 1 MB: one window here) and gn_wrap_small must agree line
 * for line. */
#include "unit.h"
#include "guidenav/wrap.h"

#define LB_WINDOW ((size_t)64)
#define gn_wrap gn_wrap_small
#define gn_wrap_glued gn_wrap_glued_small
#define gn_wrap_marked gn_wrap_marked_small
#define gn_wrap_widest gn_wrap_widest_small
#define gn_wrap_rows gn_wrap_rows_small
#define gn_wrap_rows_free gn_wrap_rows_free_small
#define gn_wrap_terms gn_wrap_terms_small
#include "wrap.c"
#undef gn_wrap
#undef gn_wrap_glued
#undef gn_wrap_marked
#undef gn_wrap_widest
#undef gn_wrap_rows
#undef gn_wrap_rows_free
#undef gn_wrap_terms

static const char *const pieces[] = {
    " ", " ", " ", "word", "ab12", "x", "9", "日本", "語", "中文", "漢字", "の", "。", "、",
    "「", "」", "(", ")", "-", "/", "!", "한국어", "API를", "😀", "👍\U0001F3FD",
    "\U0001F1EF\U0001F1F5", "\u0301", "\u200B", "\u3000", "é", "$", "%", "\"", "'", "\n",
};

static void test_windows_as_one_call(void **state)
{
    (void)state;
    const char *langs[] = {NULL, "ja", "ko", "zh"};
    size_t npieces = sizeof pieces / sizeof *pieces;
    uint32_t seed = 77;
    char buf[4096];
    for (int round = 0; round < 400; round++) {
        size_t len = 0;
        for (;;) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % npieces];
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_as_one_call),
    };
    return cmocka_run_group_tests_name("wrap windows", tests, NULL, NULL);
}
