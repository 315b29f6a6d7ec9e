/* test_wrap.c: gn_wrap, line breaking by display width (see wrap.h).
 *
 * Every test checks exact line texts and widths where it names them, and
 * every layout runs through check_layout, which asserts the contract:
 * lines in order without overlap, only spaces and '\n' left between them,
 * no code point split, no line wider than the width (but a lone character
 * wider than it), widths that match gn_text_width, no trailing spaces, and
 * no line that a soft break starts with a space or a zero-width character. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linebreak.h>
#include "unit.h"
#include <limits.h>
#include "guidenav/text.h"
#include "guidenav/wrap.h"

typedef struct expected {
    const char *text;
    int width;
} expected;

static int32_t first_cp(const char *s, size_t len, size_t *n)
{
    int32_t cp;
    *n = gn_utf8_decode(s, len, &cp);
    return cp;
}

/* Assert the contract of gn_wrap on one layout; return the line count. */
static size_t check_layout_n(const char *text, size_t len, int width,
                             const char *lang, gn_wrap_line **out)
{
    gn_wrap_line *l;
    size_t n = gn_wrap(text, len, width, lang, &l);
    if (len == 0) {
        assert_int_equal(n, 0);
        assert_null(l);
    } else {
        assert_true(n >= 1);
        assert_non_null(l);
    }
    /* Where characters start, as gn_utf8_decode reads them (so that
     * invalid bytes count as characters of their own). */
    char *starts = calloc(len + 1, 1);
    assert_non_null(starts);
    for (size_t j = 0; j < len;) {
        int32_t cp;
        starts[j] = 1;
        j += gn_utf8_decode(text + j, len - j, &cp);
    }
    starts[len] = 1;
    size_t prev_end = 0, newlines = 0;
    for (size_t k = 0; k < n; k++) {
        size_t a = l[k].start, b = l[k].end;
        assert_true(a <= b);
        assert_true(b <= len);
        assert_true(a >= prev_end);
        /* The gap holds spaces and at most one '\n'. */
        size_t nl = 0;
        for (size_t j = prev_end; j < a; j++) {
            assert_true(text[j] == ' ' || text[j] == '\n');
            if (text[j] == '\n')
                nl++;
        }
        assert_true(nl <= 1);
        assert_true(k > 0 || nl == 0);
        newlines += nl;
        /* Code point boundaries. */
        assert_true(starts[a]);
        assert_true(starts[b]);
        /* No '\n' inside, no trailing space. */
        assert_null(memchr(text + a, '\n', b - a));
        if (b > a)
            assert_true(text[b - 1] != ' ');
        /* Width. */
        assert_int_equal(l[k].width, gn_text_width(text + a, b - a));
        if (l[k].width > width) {
            size_t cn;
            int32_t cp = first_cp(text + a, b - a, &cn);
            assert_true(gn_cp_width(cp) > width);
            assert_int_equal(gn_text_width(text + a + cn, b - a - cn), 0);
        }
        /* A soft break starts no line with a space (but one that is the
         * base of a zero-width mark) or a zero-width character, and leaves
         * no empty line. */
        if (k > 0 && nl == 0) {
            assert_true(b > a);
            size_t cn;
            int32_t cp = first_cp(text + a, b - a, &cn);
            assert_true(gn_cp_width(cp) > 0);
            if (cp == ' ') {
                assert_true(b > a + 1);
                size_t cn2;
                int32_t next = first_cp(text + a + 1, b - a - 1, &cn2);
                assert_true(next != ' ' && gn_cp_width(next) == 0);
            }
        }
        prev_end = b;
    }
    for (size_t j = prev_end; j < len; j++) {
        assert_true(text[j] == ' ' || text[j] == '\n');
        if (text[j] == '\n')
            newlines++;
    }
    free(starts);
    size_t want_nl = 0;
    for (size_t j = 0; j < len; j++)
        want_nl += text[j] == '\n';
    assert_int_equal(newlines, want_nl);
    if (out)
        *out = l;
    else
        free(l);
    return n;
}

static size_t check_layout(const char *text, int width, const char *lang)
{
    return check_layout_n(text, strlen(text), width, lang, NULL);
}

static void dump(const char *text, const gn_wrap_line *l, size_t n)
{
    for (size_t k = 0; k < n; k++)
        print_error("  line %zu: %d \"%.*s\"\n", k, l[k].width,
                    (int)(l[k].end - l[k].start), text + l[k].start);
}

static void check_exact(const char *text, int width, const char *lang,
                        const expected *e, size_t ne)
{
    gn_wrap_line *l;
    size_t n = check_layout_n(text, strlen(text), width, lang, &l);
    if (n != ne)
        dump(text, l, n);
    assert_int_equal(n, ne);
    for (size_t k = 0; k < n; k++) {
        char *got = strndup(text + l[k].start, l[k].end - l[k].start);
        if (strcmp(got, e[k].text) != 0 || l[k].width != e[k].width)
            dump(text, l, n);
        assert_string_equal(got, e[k].text);
        assert_int_equal(l[k].width, e[k].width);
        free(got);
    }
    free(l);
}

#define EXPECT(text, width, lang, ...)                                       \
    do {                                                                     \
        const expected e_[] = {__VA_ARGS__};                                 \
        check_exact(text, width, lang, e_, sizeof e_ / sizeof e_[0]);        \
    } while (0)

/* Concatenate the lines of a layout (the text less the dropped spaces). */
static char *joined(const char *text, int width, const char *lang)
{
    gn_wrap_line *l;
    size_t n = check_layout_n(text, strlen(text), width, lang, &l);
    char *s = calloc(strlen(text) + 1, 1);
    assert_non_null(s);
    for (size_t k = 0; k < n; k++)
        strncat(s, text + l[k].start, l[k].end - l[k].start);
    free(l);
    return s;
}

/* ---- Latin ------------------------------------------------------------- */

static const char *english =
    "The quick brown fox jumps over the lazy dog while guidenav wraps every "
    "line of this sentence.";

/* English with a Japanese and a Korean word in it. */
static const char *cjk_words =
    "Read the 日本語 guide and the 한국어 guide side by side in guidenav.";

static void test_english_10(void **state)
{
    (void)state;
    EXPECT(english, 10, NULL,
           {"The quick", 9}, {"brown fox", 9}, {"jumps over", 10},
           {"the lazy", 8}, {"dog while", 9}, {"guidenav", 8}, {"wraps", 5},
           {"every line", 10}, {"of this", 7}, {"sentence.", 9});
    EXPECT(cjk_words, 10, NULL,
           {"Read the", 8}, {"日本語", 6}, {"guide and", 9}, {"the 한국어", 10},
           {"guide side", 10}, {"by side in", 10}, {"guidenav.", 9});
}

static void test_english_20(void **state)
{
    (void)state;
    EXPECT(english, 20, NULL,
           {"The quick brown fox", 19}, {"jumps over the lazy", 19},
           {"dog while guidenav", 18}, {"wraps every line of", 19},
           {"this sentence.", 14});
    EXPECT(cjk_words, 20, NULL,
           {"Read the 日本語", 15}, {"guide and the 한국어", 20},
           {"guide side by side", 18}, {"in guidenav.", 12});
}

static void test_english_80(void **state)
{
    (void)state;
    EXPECT(english, 80, "en",
           {"The quick brown fox jumps over the lazy dog while guidenav wraps "
            "every line of", 78},
           {"this sentence.", 14});
    EXPECT("Short enough.", 80, NULL, {"Short enough.", 13});
    EXPECT(cjk_words, 80, NULL, {cjk_words, 68});
}

static void test_long_word(void **state)
{
    (void)state;
    EXPECT("supercalifragilistic", 6, NULL,
           {"superc", 6}, {"alifra", 6}, {"gilist", 6}, {"ic", 2});
    EXPECT("a verylongword b", 5, NULL,
           {"a", 1}, {"veryl", 5}, {"ongwo", 5}, {"rd b", 4});
    /* Japanese and Korean words longer than the width break too. */
    EXPECT("x 日本語日本語", 5, "ja", {"x 日", 4}, {"本語", 4}, {"日本", 4},
           {"語", 2});
    EXPECT("한국어문장입니다", 5, "ko", {"한국", 4}, {"어문", 4}, {"장입", 4},
           {"니다", 4});
}

/* Which lines end inside a word (split), as a string of 's' and '-'. */
static char *splits(const char *text, int width, int markw, const char *lang)
{
    gn_wrap_line *l;
    size_t n = gn_wrap_marked(text, strlen(text), width, markw, lang, NULL, &l);
    char *s = calloc(n + 1, 1);
    assert_non_null(s);
    for (size_t k = 0; k < n; k++)
        s[k] = l[k].split ? 's' : '-';
    free(l);
    return s;
}

static void test_split_lines(void **state)
{
    (void)state;
    const struct {
        const char *text, *lang, *want;
        int width;
    } cases[] = {
        {"supercalifragilistic", NULL, "sss-", 6},
        {"a verylongword b", NULL, "-ss-", 5},
        {"hyphen-ated words", NULL, "---", 7}, /* after a hyphen: a break */
        {"x 日本語日本語", "ja", "----", 5},     /* between ideographs: a break */
        {"한국어문장입니다", "ko", "sss-", 5},
        {"한국어 문장", "ko", "--", 7},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = splits(cases[i].text, cases[i].width, 0, cases[i].lang);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("\"%s\" at %d: %s, want %s", cases[i].text, cases[i].width, got,
                     cases[i].want);
        free(got);
    }
}

/* With room kept for a mark, a split line keeps width - markw columns;
 * lines broken at an opportunity still use the whole width. */
static void test_marked(void **state)
{
    (void)state;
    gn_wrap_line *l;
    const char *t = "a supercalifragilistic word 한국어문장입니다";
    size_t n = gn_wrap_marked(t, strlen(t), 6, 1, "ko", NULL, &l);
    const char *want[] = {"a", "super", "calif", "ragil", "istic", "word", "한국",
                          "어문", "장입", "니다"};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(l[k].end - l[k].start, strlen(want[k]));
        assert_memory_equal(t + l[k].start, want[k], strlen(want[k]));
        assert_true(l[k].width + (l[k].split ? 1 : 0) <= 6);
    }
    assert_true(l[1].split && l[4].split == false && l[6].split && !l[9].split);
    free(l);
    /* Too narrow for a mark and a character: as gn_wrap. */
    n = gn_wrap_marked("abc", 3, 1, 1, NULL, NULL, &l);
    assert_int_equal(n, 3);
    assert_true(l[0].split && l[1].split && !l[2].split);
    free(l);
}

/* gn_wrap_text_widest of text (len bytes) for lang, decoded for it. */
static int widest_of(const char *text, size_t len, const char *lang)
{
    gn_wrap_text *wt = gn_wrap_text_new(text, len, lang);
    int w = gn_wrap_text_widest(wt);
    gn_wrap_text_free(wt);
    return w;
}

static void test_widest(void **state)
{
    (void)state;
    assert_int_equal(widest_of("a verylongword b", 16, NULL), 12);
    assert_int_equal(widest_of("  two\nlines  here ", 19, NULL), 5);
    assert_int_equal(widest_of("In-stock Out-of-stock", 21, NULL), 5); /* "stock" */
    assert_int_equal(widest_of("PendingAvailability", 19, NULL), 19);
    assert_int_equal(widest_of("", 0, NULL), 0);
    assert_int_equal(widest_of("   ", 3, NULL), 0);
    /* Japanese breaks between characters, but not before "。". */
    assert_int_equal(widest_of("日本語", 9, "ja"), 2);
    assert_int_equal(widest_of("です。", 9, "ja"), 4);
    /* Korean words stay whole, with a Latin word joined to them. */
    const char *ko = "한국어 셀은 띄어쓰기에서 API를";
    assert_int_equal(widest_of(ko, strlen(ko), "ko"), 12);
    assert_int_equal(widest_of("API를 써요", strlen("API를 써요"), "ko"), 5);
}

/* ---- Japanese ----------------------------------------------------------- */

static const char *japanese =
    "日本語の文章は単語の間に空白がないので、文字と文字の間で改行できます。";

static void test_japanese_exact(void **state)
{
    (void)state;
    EXPECT(japanese, 10, "ja",
           {"日本語の文", 10}, {"章は単語の", 10}, {"間に空白が", 10},
           {"ないので、", 10}, {"文字と文字", 10}, {"の間で改行", 10},
           {"できます。", 10});
    EXPECT(japanese, 16, "ja-JP",
           {"日本語の文章は単", 16}, {"語の間に空白がな", 16},
           {"いので、文字と文", 16}, {"字の間で改行でき", 16},
           {"ます。", 6});
    EXPECT(japanese, 80, "ja", {japanese, 70});
}

static void test_japanese_widths(void **state)
{
    (void)state;
    for (int w = 1; w <= 40; w++) {
        const char *langs[] = {"ja", "ja-JP", NULL};
        for (size_t k = 0; k < 3; k++) {
            check_layout(japanese, w, langs[k]);
            char *s = joined(japanese, w, langs[k]);
            assert_string_equal(s, japanese); /* nothing lost, no spaces */
            free(s);
        }
    }
    /* At width 1 every character is alone on its line. */
    gn_wrap_line *l;
    size_t n = gn_wrap(japanese, strlen(japanese), 1, "ja", &l);
    assert_int_equal(n, strlen(japanese) / 3);
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(l[k].end - l[k].start, 3);
        assert_int_equal(l[k].width, 2);
    }
    free(l);
}

/* Kinsoku: UAX #14 keeps closing punctuation off line starts and opening
 * brackets off line ends. */
static void test_japanese_kinsoku(void **state)
{
    (void)state;
    EXPECT("あいうえ、かきくけ。", 8, "ja",
           {"あいう", 6}, {"え、かき", 8}, {"くけ。", 6});
    EXPECT("ないので、文字", 8, "ja", {"ないの", 6}, {"で、文字", 8});
    const char *brackets = "「かぎ括弧」の中身（括弧）も、きちんと折り返します。";
    EXPECT(brackets, 6, "ja",
           {"「かぎ", 6}, {"括弧」", 6}, {"の中身", 6}, {"（括", 4},
           {"弧）", 4}, {"も、き", 6}, {"ちんと", 6}, {"折り返", 6},
           {"しま", 4}, {"す。", 4});
    const char *texts[] = {japanese, brackets};
    for (size_t t = 0; t < 2; t++) {
        for (int w = 4; w <= 40; w++) {
            gn_wrap_line *l;
            size_t n = check_layout_n(texts[t], strlen(texts[t]), w, "ja", &l);
            for (size_t k = 0; k < n; k++) {
                const char *a = texts[t] + l[k].start;
                size_t len = l[k].end - l[k].start;
                assert_true(strncmp(a, "。", 3) != 0);
                assert_true(strncmp(a, "、", 3) != 0);
                assert_true(strncmp(a, "」", 3) != 0);
                assert_true(strncmp(a, "）", 3) != 0);
                assert_true(len < 3 || strncmp(a + len - 3, "「", 3) != 0);
                assert_true(len < 3 || strncmp(a + len - 3, "（", 3) != 0);
            }
            free(l);
        }
    }
}

/* ---- Korean, Chinese, mixed -------------------------------------------- */

static const char *korean = "한국어 문장은 띄어쓰기로 단어를 구분합니다";

static void test_korean_spaces(void **state)
{
    (void)state;
    EXPECT(korean, 10, "ko",
           {"한국어", 6}, {"문장은", 6}, {"띄어쓰기로", 10}, {"단어를", 6},
           {"구분합니다", 10});
    EXPECT(korean, 14, "ko-KR",
           {"한국어 문장은", 13}, {"띄어쓰기로", 10}, {"단어를", 6},
           {"구분합니다", 10});
    /* Korean words stay whole whatever the page's language. */
    EXPECT(korean, 20, NULL,
           {"한국어 문장은", 13}, {"띄어쓰기로 단어를", 17},
           {"구분합니다", 10});
    EXPECT(korean, 20, "ja",
           {"한국어 문장은", 13}, {"띄어쓰기로 단어를", 17},
           {"구분합니다", 10});
    /* A word wider than the line still breaks between syllables. */
    EXPECT(korean, 8, "ko",
           {"한국어", 6}, {"문장은", 6}, {"띄어쓰기", 8}, {"로", 2},
           {"단어를", 6}, {"구분합니", 8}, {"다", 2});
    /* Latin letters glued to Hangul make one word. */
    EXPECT("이 API를 사용합니다", 10, "ko",
           {"이 API를", 8}, {"사용합니다", 10});
    for (int w = 1; w <= 40; w++)
        check_layout(korean, w, "ko");
}

static void test_chinese(void **state)
{
    (void)state;
    const char *zh = "中文句子，没有空格。这是第二句话。";
    EXPECT(zh, 8, "zh",
           {"中文句", 6}, {"子，没有", 8}, {"空格。这", 8}, {"是第二句", 8},
           {"话。", 4});
    EXPECT(zh, 8, "zh-CN",
           {"中文句", 6}, {"子，没有", 8}, {"空格。这", 8}, {"是第二句", 8},
           {"话。", 4});
    EXPECT("中文、日本語と한국어 단어", 8, "zh",
           {"中文、日", 8}, {"本語と", 6}, {"한국어", 6}, {"단어", 4});
    for (int w = 1; w <= 40; w++) {
        char *s = joined(zh, w, "zh");
        assert_string_equal(s, zh);
        free(s);
    }
}

static void test_mixed_latin_japanese(void **state)
{
    (void)state;
    const char *t = "guidenav は Markdown を表示します";
    EXPECT(t, 10, "ja",
           {"guidenav", 8}, {"は", 2}, {"Markdown", 8}, {"を表示しま", 10},
           {"す", 2});
    EXPECT(t, 20, "ja", {"guidenav は Markdown", 20}, {"を表示します", 12});
    EXPECT(t, 40, "ja", {t, 33});
    EXPECT("guidenav는 문서를 보여 줍니다", 12, "ko",
           {"guidenav는", 10}, {"문서를 보여", 11}, {"줍니다", 6});
}

/* ---- zero-width, combining, emoji -------------------------------------- */

/* U+200B takes no column and allows a break after it; it stays at the end
 * of the line before the break (only U+0020 is dropped). */
/* Sentences of each script with their punctuation, wrapped exactly as
 * before the line-break classes came from LineBreak.txt (Debian's
 * libunibreak 1.1 reading the characters itself): no line starts with
 * "、", "。", "」", "）" or "！" nor ends with "「" or "（"; Korean breaks at
 * its spaces (a word too long for the line is split as a last resort);
 * English after spaces, dashes and slashes but never before ")" or ":";
 * French and German quotation marks hold on to their words. */
static void test_sentences(void **state)
{
    (void)state;
    const char *ja = "設定画面で「出品ルール」を選び、保存ボタンをクリックしてください。"
                     "注文は自動的に同期されます。";
    EXPECT(ja, 12, "ja", {"設定画面で", 10}, {"「出品ルー", 10}, {"ル」を選び、", 12},
           {"保存ボタンを", 12}, {"クリックして", 12}, {"ください。注", 12},
           {"文は自動的に", 12}, {"同期されま", 10}, {"す。", 4});
    EXPECT(ja, 20, "ja", {"設定画面で「出品ルー", 20}, {"ル」を選び、保存ボタ", 20},
           {"ンをクリックしてくだ", 20}, {"さい。注文は自動的に", 20}, {"同期されます。", 14});
    EXPECT("ショップ（Amazon）の在庫数は、15分ごとに更新されます！詳しくは“ヘルプ”を参照。",
           12, "ja", {"ショップ", 8}, {"（Amazon）の", 12}, {"在庫数は、15", 12},
           {"分ごとに更新", 12}, {"されます！詳", 12}, {"しくは“ヘル", 11}, {"プ”を参照。", 11});
    const char *ko = "설정 화면에서 규칙을 선택한 다음, API를 호출하여 주문(15건)을 동기화합니다.";
    EXPECT(ko, 12, "ko", {"설정", 4}, {"화면에서", 8}, {"규칙을", 6}, {"선택한 다음,", 12},
           {"API를", 5}, {"호출하여", 8}, {"주문(15건)을", 12}, {"동기화합니다", 12}, {".", 1});
    EXPECT(ko, 20, "ko", {"설정 화면에서 규칙을", 20}, {"선택한 다음, API를", 18},
           {"호출하여 주문(15건)", 19}, {"을 동기화합니다.", 16});
    const char *zh = "在设置页面中选择“上架规则”，然后点击保存按钮。订单每15分钟自动同步一次！";
    EXPECT(zh, 12, "zh", {"在设置页面中", 12}, {"选择“上架规", 11}, {"则”，然后点", 11},
           {"击保存按钮。", 12}, {"订单每15分钟", 12}, {"自动同步一", 10}, {"次！", 4});
    EXPECT(zh, 20, "zh", {"在设置页面中选择“上", 19}, {"架规则”，然后点击保", 19},
           {"存按钮。订单每15分钟", 20}, {"自动同步一次！", 14});
    const char *en = "Select the listing rule (see Settings > Rules), then click Save: orders "
                     "sync every 15 minutes—automatically, at 3.5% of the cost/unit.";
    EXPECT(en, 12, "en", {"Select the", 10}, {"listing rule", 12}, {"(see", 4},
           {"Settings >", 10}, {"Rules), then", 12}, {"click Save:", 11}, {"orders sync", 11},
           {"every 15", 8}, {"minutes—", 8}, {"automaticall", 12}, {"y, at 3.5%", 10},
           {"of the cost/", 12}, {"unit.", 5});
    EXPECT(en, 40, "en", {"Select the listing rule (see Settings >", 39},
           {"Rules), then click Save: orders sync", 36},
           {"every 15 minutes—automatically, at 3.5%", 39}, {"of the cost/unit.", 17});
    EXPECT("Choisissez « Règles d’annonce » puis cliquez sur Enregistrer : les commandes "
           "sont synchronisées.", 12, "fr", {"Choisissez", 10}, {"« Règles", 8},
           {"d’annonce »", 11}, {"puis cliquez", 12}, {"sur", 3}, {"Enregistrer", 11},
           {": les", 5}, {"commandes", 9}, {"sont", 4}, {"synchronisée", 12}, {"s.", 2});
    EXPECT("Wählen Sie „Angebotsregeln“ und klicken Sie auf »Speichern« – fertig.", 12, "de",
           {"Wählen Sie", 10}, {"„Angebotsreg", 12}, {"eln“ und", 8}, {"klicken Sie", 11},
           {"auf", 3}, {"»Speichern«", 11}, {"– fertig.", 9});
}

/* Where Unicode 15's classes (the build's LineBreak.txt) differ from those
 * of Debian's libunibreak 1.1, Unicode 15 wins: halfwidth katakana are ID
 * (were AL), so they break between characters like kana and a line of them
 * ends at an opportunity, not inside a word. */
static void test_unicode15_classes(void **state)
{
    (void)state;
    const char *kana = "ｱｲｳｴｵ"; /* U+FF71.. */
    gn_wrap_line *l;
    size_t n = gn_wrap(kana, strlen(kana), 4, "ja", &l);
    assert_int_equal(n, 2);
    assert_int_equal(l[0].width, 4);
    assert_false(l[0].split);
    free(l);
}

static void test_zero_width_space(void **state)
{
    (void)state;
    EXPECT("aaaa\u200Bbbbb", 5, NULL, {"aaaa\u200B", 4}, {"bbbb", 4});
    EXPECT("aaaa\u200Bbbbb", 8, NULL, {"aaaa\u200Bbbbb", 8});
    EXPECT("日本語\u200B한국어", 6, "ja", {"日本語\u200B", 6}, {"한국어", 6});
    EXPECT("\u200B", 5, NULL, {"\u200B", 0});
}

static void test_combining(void **state)
{
    (void)state;
    EXPECT("e\u0301e\u0301e\u0301e\u0301", 2, NULL,
           {"e\u0301e\u0301", 2}, {"e\u0301e\u0301", 2});
    EXPECT("e\u0301e\u0301", 1, NULL, {"e\u0301", 1}, {"e\u0301", 1});
    /* A mark after a full line joins it and does not overflow. */
    EXPECT("abcde\u0301f", 5, NULL, {"abcde\u0301", 5}, {"f", 1});
    EXPECT("cafe\u0301 re\u0301sume\u0301", 3, NULL,
           {"caf", 3}, {"e\u0301", 1}, {"re\u0301s", 3}, {"ume\u0301", 3});
    /* Japanese with a combining dakuten (か + U+3099 = が). */
    EXPECT("か\u3099か\u3099か\u3099", 4, "ja",
           {"か\u3099か\u3099", 4}, {"か\u3099", 2});
    EXPECT("가\u0301나\u0301다\u0301", 4, "ko",
           {"가\u0301나\u0301", 4}, {"다\u0301", 2});
    for (int w = 1; w <= 12; w++)
        check_layout("cafe\u0301 re\u0301sume\u0301 한국어 日本語", w, NULL);
}

static void test_emoji(void **state)
{
    (void)state;
    EXPECT("😀😀😀", 5, NULL, {"😀😀", 4}, {"😀", 2});
    EXPECT("😀😀", 1, NULL, {"😀", 2}, {"😀", 2});
    EXPECT("ok 😀 日本 한국", 6, NULL, {"ok 😀", 5}, {"日本", 4}, {"한국", 4});
    /* Grapheme clusters stay whole: a skin-tone modifier with its emoji,
     * a flag's two regional indicators (one column each). */
    EXPECT("a👍\U0001F3FD", 4, NULL, {"a", 1}, {"👍\U0001F3FD", 4});
    EXPECT("🇯🇵🇰🇷", 3, "ja", {"🇯🇵", 2}, {"🇰🇷", 2});
    EXPECT("日本🇯🇵 한국🇰🇷", 6, NULL, {"日本🇯🇵", 6}, {"한국🇰🇷", 6});
    for (int w = 1; w <= 10; w++)
        check_layout("😀👍 emoji 😀 test 絵文字 이모지 🇯🇵🇰🇷", w, NULL);
}

/* ---- newlines, spaces, edge cases --------------------------------------- */

static void test_newlines(void **state)
{
    (void)state;
    EXPECT("a\n\nb", 10, NULL, {"a", 1}, {"", 0}, {"b", 1});
    EXPECT("one\n\ntwo three", 5, NULL,
           {"one", 3}, {"", 0}, {"two", 3}, {"three", 5});
    EXPECT("日本語\n한국어", 40, "ja", {"日本語", 6}, {"한국어", 6});
    /* Trailing spaces before '\n' are dropped; '\n' separates lines, so a
     * final '\n' leaves an empty last line. */
    EXPECT("abc   \n   def  ", 10, NULL, {"abc", 3}, {"   def", 6});
    EXPECT("a\n", 10, NULL, {"a", 1}, {"", 0});
    EXPECT("\n", 10, NULL, {"", 0}, {"", 0});
    EXPECT("日本語の文章\n\n한국어 문장", 6, "ja",
           {"日本語", 6}, {"の文章", 6}, {"", 0}, {"한국어", 6},
           {"문장", 4});
}

static void test_spaces(void **state)
{
    (void)state;
    /* Leading spaces of the text (and after '\n') are kept... */
    EXPECT("  日本語 text", 20, "ja", {"  日本語 text", 13});
    EXPECT("   indented text here", 12, NULL,
           {"   indented", 11}, {"text here", 9});
    EXPECT("x\n  한국어", 20, "ko", {"x", 1}, {"  한국어", 8});
    /* ...unless the first word does not fit after them. */
    EXPECT("   indented text here", 8, NULL,
           {"indented", 8}, {"text", 4}, {"here", 4});
    /* Spaces at a break are dropped from both lines, however many. */
    EXPECT("aaa     bbb", 4, NULL, {"aaa", 3}, {"bbb", 3});
    EXPECT("日本     한국", 5, NULL, {"日本", 4}, {"한국", 4});
    /* Only spaces: one empty line. */
    EXPECT("     ", 3, NULL, {"", 0});
    EXPECT(" ", 80, NULL, {"", 0});
    /* U+3000 is an ordinary wide character, not a space: kept at a
     * break, where it ends the line (Unicode 15: class BA, a break after
     * it, none before; Debian's libunibreak 1.1 had it as ID). */
    EXPECT("日本\u3000語", 4, "ja", {"日", 2}, {"本\u3000", 4}, {"語", 2});
    EXPECT("日本\u3000語", 6, "ja", {"日本\u3000", 6}, {"語", 2});
}

static void test_empty_and_odd_input(void **state)
{
    (void)state;
    gn_wrap_line *l = (gn_wrap_line *)&l;
    assert_int_equal(gn_wrap("", 0, 10, NULL, &l), 0);
    assert_null(l);
    l = (gn_wrap_line *)&l;
    assert_int_equal(gn_wrap(NULL, 0, 10, "ja", &l), 0);
    assert_null(l);
    /* Odd language tags are harmless. */
    const char *langs[] = {"", "C", "x", "JA", "ja_JP.UTF-8", "ko-KR", "zh-Hant"};
    for (size_t k = 0; k < sizeof langs / sizeof langs[0]; k++)
        check_layout(japanese, 9, langs[k]);
    /* A width below 1 counts as 1. */
    EXPECT("ab", 0, NULL, {"a", 1}, {"b", 1});
    /* libunibreak 1.1 aborts on regional indicators and U+FFFF, and reads
     * them out of some invalid bytes: gn_wrap must not. */
    check_layout("\U0001F1EF\U0001F1F5 \uFFFF x", 3, NULL);
    check_layout("a\xEF??b \xF0\x1F\x07&c \xF0\x8F\xBF\xBF", 3, "ja");
    /* Invalid UTF-8 wraps (as U+FFFD, one column a byte) without reading
     * past the end. */
    const char bad[] = "ab\xff" "cd\xe3\x81";
    gn_wrap_line *bl;
    size_t n = gn_wrap(bad, sizeof bad - 1, 2, NULL, &bl);
    assert_int_equal(n, 4);
    for (size_t k = 0; k < n; k++)
        assert_true(bl[k].width <= 2);
    assert_int_equal(bl[n - 1].end, sizeof bad - 1);
    free(bl);
}

/* ---- properties ---------------------------------------------------------- */

static const char *mixed =
    "guidenav shows a guide's table of contents as a tree. "
    "日本語の文章は単語の間に空白がないので、文字と文字の間で改行できます。"
    "한국어 문장은 띄어쓰기로 단어를 구분합니다. "
    "中文句子之间没有空格，可以在任意汉字之间换行。"
    "Emoji 😀👍 and cafe\u0301 with a zero\u200Bwidth space, a "
    "very_long_identifier_without_any_break_opportunity_at_all and\n"
    "new lines\n\n  indented after a blank line. "
    "「かぎ括弧」の中身（括弧）も、きちんと折り返します。 "
    "Mixed: guidenav は Markdown を表示します / 이 API를 사용합니다.";

static void test_sweep(void **state)
{
    (void)state;
    size_t len = strlen(mixed);
    assert_true(len >= 550 && len <= 700);
    const char *langs[] = {NULL, "ja", "ko", "zh"};
    for (size_t k = 0; k < 4; k++) {
        for (int w = 1; w <= 200; w++) {
            size_t n = check_layout(mixed, w, langs[k]);
            assert_true(n >= 4); /* the three '\n' make four lines at least */
        }
    }
}

/* A text decoded once (gn_wrap_text) gives at every width and mark, with
 * and without glue, in any order, the lines gn_wrap_marked gives for it
 * afresh; its natural width is that of its widest line unwrapped. */
static void check_decoded_once(const char *text, size_t len, const char *lang)
{
    gn_wrap_text *wt = gn_wrap_text_new(text, len, lang);
    gn_wrap_line *l;
    size_t n = gn_wrap(text, len, INT_MAX, lang, &l);
    int natural = 0;
    for (size_t k = 0; k < n; k++)
        natural = l[k].width > natural ? l[k].width : natural;
    free(l);
    assert_int_equal(gn_wrap_text_natural(wt), natural);
    unsigned char *glue = calloc(len + 1, 1);
    assert_non_null(glue);
    for (size_t i = 1; i < len; i += 3) /* held here and there */
        glue[i] = 1;
    static const int widths[] = {40, 9, 1, 4, 13, 2, 9, 6};
    for (size_t k = 0; k < sizeof widths / sizeof *widths; k++)
        for (int markw = 0; markw < 2; markw++)
            for (int glued = 0; glued < 2; glued++) {
                const unsigned char *g = glued ? glue : NULL;
                gn_wrap_line *a, *b;
                size_t na = gn_wrap_text_lines(wt, widths[k], markw, g, &a);
                size_t nb = gn_wrap_marked(text, len, widths[k], markw, lang, g, &b);
                assert_int_equal(na, nb);
                for (size_t i = 0; i < na; i++) /* (not their padding) */
                    if (a[i].start != b[i].start || a[i].end != b[i].end ||
                        a[i].width != b[i].width || a[i].split != b[i].split)
                        fail_msg("width %d, mark %d, glue %d, line %zu: [%zu, %zu) decoded "
                                 "once, [%zu, %zu) afresh: \"%s\"", widths[k], markw, glued, i,
                                 a[i].start, a[i].end, b[i].start, b[i].end, text);
                free(a);
                free(b);
            }
    free(glue);
    gn_wrap_text_free(wt);
}

static void test_decoded_once(void **state)
{
    (void)state;
    static const struct {
        const char *text, *lang;
        int natural, widest;
    } cases[] = {
        {"日本語の文章は単語の間に空白がないので、改行できます。", "ja-JP", 54, 4},
        {"한국어 셀은 띄어쓰기에서 줄이 바뀝니다", "ko-KR", 38, 12},
        {"Availability  \nin stock", NULL, 12, 12},
        {"", "ja", 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t len = strlen(cases[k].text);
        gn_wrap_text *wt = gn_wrap_text_new(len ? cases[k].text : NULL, len, cases[k].lang);
        assert_int_equal(gn_wrap_text_natural(wt), cases[k].natural);
        assert_int_equal(gn_wrap_text_widest(wt), cases[k].widest);
        check_decoded_once(cases[k].text, len, cases[k].lang);
        gn_wrap_text_free(wt);
    }
    gn_wrap_text_free(NULL);
}

/* Random strings of awkward pieces at random widths, from a fixed seed. */
static void test_random(void **state)
{
    (void)state;
    static const char *pieces[] = {
        " ", " ", " ", "\n", "a", "b", "word", "あ", "日本", "한국어", "中",
        "\u0301", "\u3099", "\u200B", "\u200D", "😀", "👍\U0001F3FD", "。",
        "、", "「", "」", "(", ")", "-", "/", "!", "\u3000", "\U0001F1EF\U0001F1F5",
        "\t", "x\u0301\u0302", "API를", "é",
    };
    size_t npieces = sizeof pieces / sizeof pieces[0];
    const char *langs[] = {NULL, "ja", "ko", "zh"};
    uint32_t seed = 12345;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)((seed >> 16) % 40);
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % npieces];
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        buf[len] = '\0';
        seed = seed * 1103515245u + 12345u;
        int width = 1 + (int)((seed >> 16) % 12);
        check_layout(buf, width, langs[round % 4]);
        /* At the widest word's width no line is split, leading spaces
         * or not (they are dropped when the word after them needs the
         * room). */
        int widest = widest_of(buf, len, langs[round % 4]);
        gn_wrap_line *l;
        size_t n = gn_wrap(buf, len, widest, langs[round % 4], &l);
        for (size_t k = 0; k < n; k++)
            if (l[k].split)
                fail_msg("round %d: line %zu split at the widest word's width %d: \"%s\"",
                         round, k, widest, buf);
        if (n)
            free(l);
        check_decoded_once(buf, len, langs[round % 4]);
    }
}

/* Words of every printable ASCII character, one space apart, wrapped at
 * widths 8 to 40: the lines are those of a plain greedy pass over the
 * opportunities libunibreak gives for the text itself (gn_wrap hands it a
 * copy in which letters stand for their class): a line overflows at the
 * first character past the width, breaks at the last opportunity up to
 * that character, else just before it. */
static void test_ascii_breaks_as_libunibreak(void **state)
{
    (void)state;
    char text[2048];
    size_t len = 0;
    uint32_t seed = 2026;
    while (len < sizeof text - 8) {
        seed = seed * 1103515245u + 12345u;
        int wl = 1 + (int)((seed >> 16) % 6);
        for (int k = 0; k < wl; k++) {
            seed = seed * 1103515245u + 12345u;
            text[len++] = (char)('!' + (seed >> 16) % 94); /* '!'..'~' */
        }
        text[len++] = ' ';
    }
    len--; /* no trailing space */
    char *brks = malloc(len);
    assert_non_null(brks);
    init_linebreak();
    set_linebreaks_utf8((const utf8_t *)text, len, "en", brks);
    for (size_t width = 8; width <= 40; width++) {
        gn_wrap_line *l;
        size_t n = check_layout_n(text, len, (int)width, "en", &l);
        size_t k = 0, ls = 0;
        for (;;) {
            size_t i = ls + width; /* the first character past the width */
            while (i < len && text[i] == ' ')
                i++;
            size_t end = i < len ? i : len, next = i;
            for (size_t q = i; i < len && q > ls; q--)
                if (brks[q - 1] == LINEBREAK_ALLOWBREAK) {
                    end = next = q;
                    break;
                }
            while (end > ls && text[end - 1] == ' ')
                end--;
            assert_true(k < n);
            assert_int_equal(l[k].start, ls);
            assert_int_equal(l[k].end, end);
            k++;
            if (i >= len)
                break;
            ls = next;
        }
        assert_int_equal(k, n);
        free(l);
    }
    free(brks);
}

/* A 1 MB paragraph: every line full to within the longest unbreakable run,
 * and a 1 MB word broken every width columns. Linear time keeps this fast. */
static void test_megabyte(void **state)
{
    (void)state;
    const char *unit = "日本語の文章と English words, 한국어 문장 and 中文句子。";
    size_t ulen = strlen(unit);
    size_t reps = (1u << 20) / ulen + 1;
    size_t len = reps * ulen;
    char *big = malloc(len + 1);
    assert_non_null(big);
    for (size_t r = 0; r < reps; r++)
        memcpy(big + r * ulen, unit, ulen);
    big[len] = '\0';
    long long total = (long long)reps * gn_text_width(unit, ulen);

    gn_wrap_line *l;
    size_t n = check_layout_n(big, len, 80, "ja", &l);
    assert_true((long long)n >= total / 80);
    assert_true((long long)n <= total / 60 + 1);
    for (size_t k = 0; k + 1 < n; k++)
        assert_true(l[k].width >= 60);
    free(l);

    memset(big, 'a', len);
    n = check_layout_n(big, len, 80, NULL, &l);
    assert_int_equal(n, (len + 79) / 80);
    for (size_t k = 0; k + 1 < n; k++)
        assert_int_equal(l[k].width, 80);
    free(l);
    free(big);
}

/* ー (and halfwidth ｰ) continues the kana before it: at no width does a
 * line start with it, in Japanese or next to Korean. */
static void test_prolonged_mark(void **state)
{
    (void)state;
    const char *texts[] = {
        "各ユーザーはスーパーマーケットのデータベースからレポートをダウンロードし、サーバーのフォルダーにコピーします。",
        "ｽｰﾊﾟｰのﾃﾞｰﾀとサーバー 한국어 사용자 데이터",
    };
    for (size_t t = 0; t < 2; t++)
        for (int width = 4; width <= 40; width++) { /* 3: "ユー" cannot share a line */
            gn_wrap_line *l;
            size_t n = check_layout_n(texts[t], strlen(texts[t]), width, "ja", &l);
            for (size_t k = 1; k < n; k++) {
                const char *s = texts[t] + l[k].start;
                if (strncmp(s, "ー", 3) == 0 || strncmp(s, "ｰ", 3) == 0) {
                    dump(texts[t], l, n);
                    fail_msg("width %d: line %zu starts with the prolonged sound mark", width, k);
                }
            }
            free(l);
        }
}

/* Glued text (an inline code span that fits) is not broken inside, at any
 * width it fits in; where it does not fit, an emergency break still cuts
 * it and no line is wider than the width. */
static void test_glued(void **state)
{
    (void)state;
    const char *text = "See magento/catalog-service 설명서 and 日本語の説明を読む。";
    size_t len = strlen(text), a = 4, b = a + strlen("magento/catalog-service");
    unsigned char *glue = calloc(len, 1);
    assert_non_null(glue);
    memset(glue + a + 1, 1, b - a - 1);
    for (int width = 1; width <= 50; width++) {
        gn_wrap_line *l;
        size_t n = gn_wrap_glued(text, len, width, "ko", glue, &l);
        for (size_t k = 0; k < n; k++) {
            assert_true(l[k].width <= width || width < 2); /* a lone wide character */
            bool inside = l[k].start > a && l[k].start < b;
            if (width >= (int)(b - a) && inside) {
                dump(text, l, n);
                fail_msg("width %d: line %zu starts inside the glued span", width, k);
            }
        }
        free(l);
    }
    /* Without the glue, the span breaks after its slash or hyphen. */
    gn_wrap_line *l;
    size_t n = gn_wrap(text, len, 25, "ko", &l);
    bool split = false;
    for (size_t k = 0; k < n; k++)
        split = split || (l[k].start > a && l[k].start < b);
    assert_true(split);
    free(l);
    free(glue);
}

/* ---- gn_wrap_rows: text lines wrapped for a box -------------------------- */

static const char *const diff_lines[] = {
    "@@ -1,3 +1,4 @@",
    "+Create an account. 顧客メニューからアカウントを作成します。 고객 메뉴에서 계정을 만듭니다.",
    " short",
    "",
    "-removed",
};
#define NDIFF (sizeof diff_lines / sizeof *diff_lines)

/* s without its spaces, newly allocated. */
static char *no_spaces(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    assert_non_null(out);
    for (; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return out;
}

/* Assert the contract of gn_wrap_rows for diff_lines at width (indent 1,
 * mark "↵"): rows in line order, each within the width, a line's rows
 * marked and indented, and together its text (but the spaces at breaks). */
static void check_rows(int width)
{
    gn_wrap_row *rows;
    size_t n = gn_wrap_rows((char *const *)diff_lines, NDIFF, width, 1, "↵", NULL, &rows);
    assert_true(n >= NDIFF);
    bool room = width >= 4; /* a wide character beside indent and mark */
    bool mark_room = width >= 3; /* beside the mark alone */
    size_t r = 0;
    for (size_t i = 0; i < NDIFF; i++) {
        assert_true(r < n);
        assert_int_equal(rows[r].line, i);
        gn_buf joined = GN_BUF_INIT;
        for (size_t k = 0; r < n && rows[r].line == i; r++, k++) {
            const char *t = rows[r].text;
            size_t len = strlen(t);
            int w = gn_text_width(t, len);
            assert_true(w <= (width < 2 ? 2 : width)); /* but a lone wide character */
            bool last = r + 1 == n || rows[r + 1].line != i;
            bool marked = len >= 3 && strcmp(t + len - 3, "↵") == 0;
            assert_int_equal(marked, mark_room && !last);
            if (room && k > 0)
                assert_true(t[0] == ' ');
            const char *body = t + (room && k > 0);
            gn_buf_add(&joined, body, strlen(body) - (marked ? 3 : 0));
        }
        char *want = no_spaces(diff_lines[i]);
        char *got = no_spaces(joined.data ? joined.data : "");
        assert_string_equal(got, want);
        free(want);
        free(got);
        gn_buf_free(&joined);
    }
    assert_int_equal(r, n);
    /* Korean words are never split when they fit a row. */
    static const char *const words[] = {"고객", "메뉴에서", "계정을", "만듭니다."};
    for (size_t k = 0; width >= 11 && k < sizeof words / sizeof *words; k++) {
        bool whole = false;
        for (size_t j = 0; j < n; j++)
            whole = whole || strstr(rows[j].text, words[k]);
        assert_true(whole);
    }
    gn_wrap_rows_free(rows, n);
}

static void test_rows(void **state)
{
    (void)state;
    gn_wrap_row *rows;
    size_t n = gn_wrap_rows((char *const *)diff_lines, NDIFF, 30, 1, "↵", "en", &rows);
    static const char *const want[] = {
        "@@ -1,3 +1,4 @@",
        "+Create an account. 顧客メニ↵",
        " ューからアカウントを作成しま↵",
        " す。 고객 메뉴에서 계정을↵",
        " 만듭니다.",
        " short",
        "",
        "-removed",
    };
    static const size_t line[] = {0, 1, 1, 1, 1, 2, 3, 4};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(rows[i].text, want[i]);
        assert_int_equal(rows[i].line, line[i]);
    }
    gn_wrap_rows_free(rows, n);
    /* Lines that fit are rows as they are; no mark asked for, none added. */
    n = gn_wrap_rows((char *const *)diff_lines, NDIFF, 200, 1, "↵", NULL, &rows);
    assert_int_equal(n, NDIFF);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(rows[i].text, diff_lines[i]);
    gn_wrap_rows_free(rows, n);
    n = gn_wrap_rows((char *const *)diff_lines + 1, 1, 40, 0, NULL, NULL, &rows);
    assert_int_equal(n, 3);
    assert_string_equal(rows[0].text, "+Create an account. 顧客メニューからアカ");
    assert_string_equal(rows[1].text, "ウントを作成します。 고객 메뉴에서");
    assert_string_equal(rows[2].text, "계정을 만듭니다.");
    gn_wrap_rows_free(rows, n);
    /* A hanging indent as asked, left out where it leaves no room. */
    n = gn_wrap_rows((char *const *)diff_lines + 1, 1, 30, 4, "↵", NULL, &rows);
    assert_true(n > 2);
    assert_memory_equal(rows[1].text, "    ", 4);
    assert_true(rows[1].text[4] != ' ');
    gn_wrap_rows_free(rows, n);
    n = gn_wrap_rows((char *const *)diff_lines + 1, 1, 30, 28, "↵", NULL, &rows);
    assert_true(n > 2);
    assert_true(rows[1].text[0] != ' ');
    assert_non_null(strstr(rows[1].text, "↵"));
    gn_wrap_rows_free(rows, n);
    /* No lines, no rows. */
    assert_int_equal(gn_wrap_rows(NULL, 0, 10, 1, "↵", NULL, &rows), 0);
    gn_wrap_rows_free(rows, 0);
    for (int w = -1; w <= 100; w++)
        check_rows(w);
}

/* ---- gn_wrap_terms: keys and what they do ------------------------------- */

static const char *const term_keys[] = {
    "j, Down", "Backspace, Ctrl-H, Ctrl-O", "キー", "키", "=",
};
static const char *const term_texts[] = {
    "down: Move down one line or entry",
    "back: Go back to the previous place, at its scroll position",
    "上の行を選択したグループを展開／折りたたみします。リンクをたどります。",
    "고객 메뉴에서 계정을 만들 수 있으며 만든 계정은 바로 사용할 수 있습니다.",
    "",
};
#define NTERMS (sizeof term_keys / sizeof *term_keys)

/* Assert the contract of gn_wrap_terms at width: each term's rows in order,
 * within the width (but a lone wide character), its text in one column
 * (beside the term, or under it when the term is alone), and together the
 * term and its text, but the spaces. */
static void check_terms(int width)
{
    gn_wrap_row *rows;
    size_t n = gn_wrap_terms((char *const *)term_keys, (char *const *)term_texts, NTERMS, width,
                             NULL, &rows);
    assert_true(n >= NTERMS);
    int col = -1; /* the texts' column, the same for all */
    size_t r = 0;
    for (size_t i = 0; i < NTERMS; i++) {
        assert_true(r < n);
        gn_buf joined = GN_BUF_INIT;
        for (; r < n && rows[r].line == i; r++) {
            const char *t = rows[r].text;
            assert_true(gn_text_width(t, strlen(t)) <= (width < 2 ? 2 : width));
            gn_buf_adds(&joined, t);
            size_t lead = strspn(t, " ");
            bool beside = lead == 0 && strncmp(t, term_keys[i], strlen(term_keys[i])) == 0
                          && t[strlen(term_keys[i])] == ' ';
            int at = -1; /* the column this row's text starts in */
            if (beside)
                at = (int)(strlen(term_keys[i]) + strspn(t + strlen(term_keys[i]), " "));
            else if (lead > 0)
                at = (int)lead;
            if (at >= 0 && strchr(t, ' ') && term_texts[i][0]) {
                if (beside) /* the term's width, not its bytes */
                    at = at - (int)strlen(term_keys[i])
                         + gn_text_width(term_keys[i], strlen(term_keys[i]));
                if (col < 0)
                    col = at;
                assert_int_equal(at, col);
            }
        }
        char *want = gn_xasprintf("%s%s", term_keys[i], term_texts[i]);
        char *w = no_spaces(want), *got = no_spaces(joined.data ? joined.data : "");
        assert_string_equal(got, w);
        free(want);
        free(w);
        free(got);
        gn_buf_free(&joined);
    }
    assert_int_equal(r, n);
    gn_wrap_rows_free(rows, n);
}

static void test_terms(void **state)
{
    (void)state;
    gn_wrap_row *rows;
    /* 60 columns: every term fits half; the texts start two past the
     * widest (25 + 2), each of their rows there. */
    size_t n = gn_wrap_terms((char *const *)term_keys, (char *const *)term_texts, NTERMS, 60,
                             "en", &rows);
    static const char *const want60[] = {
        "j, Down                    down: Move down one line or entry",
        "Backspace, Ctrl-H, Ctrl-O  back: Go back to the previous",
        "                           place, at its scroll position",
        "キー                       上の行を選択したグループを展開／",
        "                           折りたたみします。リンクをたどり",
        "                           ます。",
        "키                         고객 메뉴에서 계정을 만들 수",
        "                           있으며 만든 계정은 바로 사용할 수",
        "                           있습니다.",
        "=",
    };
    static const size_t line60[] = {0, 1, 1, 2, 2, 2, 3, 3, 3, 4};
    assert_int_equal(n, sizeof want60 / sizeof *want60);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(rows[i].text, want60[i]);
        assert_int_equal(rows[i].line, line60[i]);
    }
    gn_wrap_rows_free(rows, n);
    /* 36 columns: the long term is wider than half, alone on its row; the
     * texts start two past the widest of the others (7 + 2). */
    n = gn_wrap_terms((char *const *)term_keys, (char *const *)term_texts, NTERMS, 36, "en",
                      &rows);
    static const char *const want36[] = {
        "j, Down  down: Move down one line or",
        "         entry",
        "Backspace, Ctrl-H, Ctrl-O",
        "         back: Go back to the",
        "         previous place, at its",
        "         scroll position",
        "キー     上の行を選択したグループを",
        "         展開／折りたたみします。リ",
        "         ンクをたどります。",
        "키       고객 메뉴에서 계정을 만들",
        "         수 있으며 만든 계정은 바로",
        "         사용할 수 있습니다.",
        "=",
    };
    assert_int_equal(n, sizeof want36 / sizeof *want36);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(rows[i].text, want36[i]);
    gn_wrap_rows_free(rows, n);
    /* No terms, no rows. */
    assert_int_equal(gn_wrap_terms(NULL, NULL, 0, 10, NULL, &rows), 0);
    gn_wrap_rows_free(rows, 0);
    for (int w = -1; w <= 100; w++)
        check_terms(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_10),
        cmocka_unit_test(test_english_20),
        cmocka_unit_test(test_english_80),
        cmocka_unit_test(test_long_word),
        cmocka_unit_test(test_split_lines),
        cmocka_unit_test(test_marked),
        cmocka_unit_test(test_widest),
        cmocka_unit_test(test_decoded_once),
        cmocka_unit_test(test_japanese_exact),
        cmocka_unit_test(test_japanese_widths),
        cmocka_unit_test(test_japanese_kinsoku),
        cmocka_unit_test(test_korean_spaces),
        cmocka_unit_test(test_chinese),
        cmocka_unit_test(test_mixed_latin_japanese),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_unicode15_classes),
        cmocka_unit_test(test_zero_width_space),
        cmocka_unit_test(test_combining),
        cmocka_unit_test(test_emoji),
        cmocka_unit_test(test_newlines),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_empty_and_odd_input),
        cmocka_unit_test(test_sweep),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_ascii_breaks_as_libunibreak),
        cmocka_unit_test(test_megabyte),
        cmocka_unit_test(test_prolonged_mark),
        cmocka_unit_test(test_glued),
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_terms),
    };
    return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
