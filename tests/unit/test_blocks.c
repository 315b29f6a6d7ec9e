/* test_blocks.c: the pieces rendering builds on: Adobe block kinds and
 * their labels, the block HTML of table cells read into paragraphs (the
 * HTML scanner itself: test_html.c), base64 for OSC 52. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/alert.h"
#include "guidenav/para.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

static void test_kinds_and_labels(void **state)
{
    (void)state;
    assert_int_equal(gn_kind_from_name("NOTE", 4), GN_KIND_NOTE);
    assert_int_equal(gn_kind_from_name("PREREQUISITES", 13), GN_KIND_PREREQUISITES);
    assert_int_equal(gn_kind_from_name("MORELIKETHIS", 12), GN_KIND_SEEALSO);
    assert_int_equal(gn_kind_from_name("NOTES", 5), GN_KIND_NONE);
    assert_int_equal(gn_kind_from_name("note", 4), GN_KIND_NONE);
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, NULL), "Note");
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "ja-JP"), "メモ");
    assert_string_equal(gn_kind_label(GN_KIND_WARNING, "ko-KR"), "경고");
    assert_string_equal(gn_kind_label(GN_KIND_TIP, "de-DE"), "Tipp");
    assert_string_equal(gn_kind_label(GN_KIND_SEEALSO, "fr-FR"), "Voir aussi");
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "hu-HU"), "Note"); /* unknown: English */
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "jam"), "Note");   /* not "ja" */
    assert_true(gn_kind_warns(GN_KIND_WARNING));
    assert_false(gn_kind_warns(GN_KIND_TIP));
}

/* The locales of the Experience League. */
static const char *const league[] = {
    "cs-CZ", "da-DK", "de-DE", "es-ES", "fi-FI", "fr-FR", "it-IT", "ja-JP", "ko-KR",
    "nb-NO", "nl-NL", "pl-PL", "pt-BR", "ru-RU", "sv-SE", "tr-TR", "zh-Hans", "zh-Hant",
};

static void test_labels_in_every_locale(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof league / sizeof *league; i++) {
        /* Each has its own word for a note, and a label for every kind. */
        assert_string_not_equal(gn_kind_label(GN_KIND_NOTE, league[i]), "Note");
        for (int k = GN_KIND_NOTE; k <= GN_KIND_SEEALSO; k++) {
            const char *label = gn_kind_label((gn_kind)k, league[i]);
            assert_true(gn_text_width(label, strlen(label)) > 0);
            char *safe = gn_text_sanitized(label);
            assert_string_equal(safe, label); /* valid UTF-8, no control */
            free(safe);
        }
        assert_string_equal(gn_kind_label(GN_KIND_SHADE, league[i]), "");
    }
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "it-IT"), "Nota");
    assert_string_equal(gn_kind_label(GN_KIND_IMPORTANT, "it-IT"), "Importante");
    assert_string_equal(gn_kind_label(GN_KIND_TIP, "nl-NL"), "Tip");
    assert_string_equal(gn_kind_label(GN_KIND_WARNING, "pl-PL"), "Ostrzeżenie");
    assert_string_equal(gn_kind_label(GN_KIND_SEEALSO, "ru-RU"), "См. также");
    assert_string_equal(gn_kind_label(GN_KIND_TIP, "tr-TR"), "İpucu");
    assert_string_equal(gn_kind_label(GN_KIND_CAUTION, "ja-JP"), "注意");
    assert_string_equal(gn_kind_label(GN_KIND_PREREQUISITES, "ja-JP"), "前提条件");
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "ko-KR"), "참고");
    assert_string_equal(gn_kind_label(GN_KIND_PREREQUISITES, "ko-KR"), "전제 조건");
    /* Display columns, not bytes: what the layout measures. */
    assert_int_equal(gn_text_width("전제 조건", strlen("전제 조건")), 9);
}

static void test_label_tags(void **state)
{
    (void)state;
    /* A language alone, any region, "_" for "-", any case, a POSIX name. */
    static const char *const italian[] = {"it", "it-IT", "it-CH", "it_IT", "IT", "iT-it",
                                          "it_IT.UTF-8"};
    for (size_t i = 0; i < sizeof italian / sizeof *italian; i++)
        assert_string_equal(gn_kind_label(GN_KIND_CAUTION, italian[i]), "Attenzione");
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "no"), "Merknad"); /* Norwegian: Bokmål */
    assert_string_equal(gn_kind_label(GN_KIND_NOTE, "nb"), "Merknad");
    /* Chinese: the script decides, else the region; Simplified by default. */
    static const char *const simplified[] = {"zh", "zh-Hans", "zh-CN", "zh-SG", "zh_CN",
                                             "zh-hans", "zh-Hans-HK", "zh-Hans-TW"};
    static const char *const traditional[] = {"zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh_TW",
                                              "zh-hant", "zh-Hant-CN", "zh_TW.UTF-8"};
    for (size_t i = 0; i < sizeof simplified / sizeof *simplified; i++) {
        assert_string_equal(gn_kind_label(GN_KIND_INFO, simplified[i]), "信息");
        assert_string_equal(gn_kind_label(GN_KIND_PREREQUISITES, simplified[i]), "先决条件");
        assert_string_equal(gn_kind_label(GN_KIND_SEEALSO, simplified[i]), "另请参阅");
    }
    for (size_t i = 0; i < sizeof traditional / sizeof *traditional; i++) {
        assert_string_equal(gn_kind_label(GN_KIND_INFO, traditional[i]), "資訊");
        assert_string_equal(gn_kind_label(GN_KIND_PREREQUISITES, traditional[i]), "先決條件");
        assert_string_equal(gn_kind_label(GN_KIND_SEEALSO, traditional[i]), "另請參閱");
    }
    assert_string_equal(gn_kind_label(GN_KIND_TIP, "zh-TW"), "提示");
    /* Unknown languages, and what is not a language, fall back to English. */
    static const char *const english[] = {NULL, "", "en", "en-GB", "hu-HU", "und", "jam", "i",
                                          "-it", "zhx-TW", "Hant"};
    for (size_t i = 0; i < sizeof english / sizeof *english; i++) {
        assert_string_equal(gn_kind_label(GN_KIND_IMPORTANT, english[i]), "Important");
        assert_string_equal(gn_kind_label(GN_KIND_SEEALSO, english[i]), "See also");
    }
    assert_string_equal(gn_kind_label(GN_KIND_NONE, "it-IT"), "");
    assert_string_equal(gn_kind_label(GN_KIND_COUNT, "it-IT"), "");
}

/* A cell's HTML read as text: entities and white space as gn_html_text
 * gives them, lists as blocks (an item's bullet or number, its depth). */
static void test_para_add_html(void **state)
{
    (void)state;
    gn_para p = {0};
    const char *html = " Options:<ul>\n <li><b>高速</b> &amp; 빠름</li>\n<li>two<ol><li>one</li>"
                       "<li>two</li></ol></li></ul>after<p>para</p> ";
    gn_para_add_html(&p, html, strlen(html));
    gn_para_markup(&p);
    assert_string_equal(p.text.data, "Options:\n高速 & 빠름\ntwo\none\ntwo\nafter\n\npara");
    /* Of blocks at one offset, the last counts: what each line starts. */
    static const struct {
        size_t off;
        int depth;
        int32_t number;
    } want[] = {
        {9, 1, 0}, {25, 1, 0}, {29, 2, 1}, {33, 2, 2}, {37, 0, -1},
    };
    size_t k = 0;
    for (size_t i = 0; i < p.nblocks; i++) {
        if (i + 1 < p.nblocks && p.blocks[i + 1].off == p.blocks[i].off)
            continue;
        if (p.blocks[i].off >= p.text.len)
            break;
        assert_true(k < sizeof want / sizeof *want);
        assert_int_equal(p.blocks[i].off, want[k].off);
        assert_int_equal(p.blocks[i].depth, want[k].depth);
        assert_int_equal(p.blocks[i].number, want[k].number);
        k++;
    }
    assert_int_equal(k, sizeof want / sizeof *want);
    gn_para_free(&p);
}

static void test_base64(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"https://example.org/ä", "aHR0cHM6Ly9leGFtcGxlLm9yZy/DpA=="},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "");
        gn_base64(&b, cases[i].in, strlen(cases[i].in));
        assert_string_equal(b.data, cases[i].out);
        gn_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_and_labels),
        cmocka_unit_test(test_labels_in_every_locale),
        cmocka_unit_test(test_label_tags),
        cmocka_unit_test(test_para_add_html),
        cmocka_unit_test(test_base64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
