/* test_markup.c: Adobe inline markup in plain strings. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "guidenav/markup.h"

/* gn_markup_plain(s) must equal want, and its anchor must equal
 * want_anchor (NULL: none). */
static void check_plain(const char *s, const char *want, const char *want_anchor)
{
    char *anchor = (char *)1;
    char *got = gn_markup_plain(s, &anchor);
    assert_string_equal(got, want);
    if (want_anchor) {
        assert_non_null(anchor);
        assert_string_equal(anchor, want_anchor);
    } else {
        assert_null(anchor);
    }
    free(got);
    free(anchor);
}

static void test_plain_markers(void **state)
{
    (void)state;
    check_plain("[!UICONTROL Save]", "Save", NULL);
    check_plain("Click [!UICONTROL Save Config] now", "Click Save Config now", NULL);
    check_plain("[!DNL Acme Cloud]", "Acme Cloud", NULL);
    check_plain("[!BADGE Beta]", "Beta", NULL);
    check_plain("[!UICONTROL a [b] c]", "a [b] c", NULL);
    check_plain("[!DNL [!UICONTROL x]]", "x", NULL);
    check_plain("[!UICONTROL [!DNL A] and [!DNL B]] tail", "A and B tail", NULL);
    check_plain("[[!UICONTROL My Settings]]", "[My Settings]", NULL);
    /* Not markers: unknown name, no space, unclosed. */
    check_plain("[!NOTE] text", "[!NOTE] text", NULL);
    check_plain("[!UICONTROL]", "[!UICONTROL]", NULL);
    check_plain("[!DNL open", "[!DNL open", NULL);
    /* An unclosed outer marker leaves the inner one to be rendered. */
    check_plain("[!DNL a [!UICONTROL b]", "[!DNL a b", NULL);
    /* Two spaces after the marker name leave no double space. */
    check_plain("x [!BADGE  Beta] y", "x Beta y", NULL);
}

static void test_plain_anchors(void **state)
{
    (void)state;
    check_plain("Account options {#configure}", "Account options", "configure");
    check_plain("Accounts{#manage}", "Accounts", "manage");
    check_plain("\xEA\xB3\x84\xEC\xA0\x95 \xEA\xB4\x80\xEB\xA6\xAC{#manage}",
                "\xEA\xB3\x84\xEC\xA0\x95 \xEA\xB4\x80\xEB\xA6\xAC", "manage");
    /* Text after the anchor, with spaces on both sides: one space left. */
    check_plain("\xE8\xB2\xA9\xE5\xA3\xB2 {#manage} \xE7\xAE\xA1\xE7\x90\x86",
                "\xE8\xB2\xA9\xE5\xA3\xB2 \xE7\xAE\xA1\xE7\x90\x86", "manage");
    check_plain("Left{#x}right", "Leftright", "x");
    check_plain("Left {#x}right", "Left right", "x");
    check_plain("{#first} Title {#second}", "Title", "first");
    check_plain("Title {#a.b:c_d-e}", "Title", "a.b:c_d-e");
    /* Spaces the text had on its own are kept. */
    check_plain("a  b", "a  b", NULL);
    check_plain("  padded\t", "padded", NULL);
    check_plain("", "", NULL);
}

static void test_plain_attrs(void **state)
{
    (void)state;
    check_plain("Picture {width=\"600\" zoomable=\"yes\"}", "Picture", NULL);
    check_plain("[!BADGE Beta]{type=Informative tooltip=\"Not for all\"} after",
                "Beta after", NULL);
    check_plain("{style=\"table-layout:auto\"}", "", NULL);
    /* Not attribute lists: kept as they are. */
    check_plain("Use {{snippet}} here", "Use {{snippet}} here", NULL);
    check_plain("a { foo } b", "a { foo } b", NULL);
    check_plain("{\"json\": 1}", "{\"json\": 1}", NULL);
    check_plain("{Commerce Root}", "{Commerce Root}", NULL);
    /* A NULL anchor pointer is allowed. */
    char *s = gn_markup_plain("T {#t}", NULL);
    assert_string_equal(s, "T");
    free(s);
}

/* gn_markup_attrs on a whole string. */
static size_t attrs(const char *s, size_t *off, size_t *len)
{
    return gn_markup_attrs(s, strlen(s), off, len);
}

static void test_attrs(void **state)
{
    (void)state;
    size_t off = 99, len = 99;
    assert_int_equal(attrs("{#intro} rest", &off, &len), 8);
    assert_int_equal(off, 2);
    assert_int_equal(len, 5);

    assert_int_equal(attrs("{width=\"600\" zoomable=\"yes\"}x", &off, &len), 28);
    assert_int_equal(len, 0);
    assert_int_equal(attrs("{style='a b}c'} tail", &off, &len), 15);
    assert_int_equal(attrs("{type=Informative tooltip=\"A tip\"}", &off, &len), 34);
    assert_int_equal(attrs("{a=1  b=2}", &off, &len), 10);
    assert_int_equal(attrs("{data-x:y=z}", &off, &len), 12);
    assert_int_equal(attrs("{_k=v}", &off, &len), 6);

    assert_int_equal(attrs("{#}", &off, &len), 0);
    assert_int_equal(attrs("{#a b}", &off, &len), 0);
    assert_int_equal(attrs("{#a", &off, &len), 0);
    assert_int_equal(attrs("{{snippet}}", &off, &len), 0);
    assert_int_equal(attrs("{ foo }", &off, &len), 0);
    assert_int_equal(attrs("{foo}", &off, &len), 0);
    assert_int_equal(attrs("{\"a\": 1}", &off, &len), 0);
    assert_int_equal(attrs("{a=}", &off, &len), 0);
    assert_int_equal(attrs("{a=\"open}", &off, &len), 0);
    assert_int_equal(attrs("{a=\"x\"y}", &off, &len), 0);
    assert_int_equal(attrs("{a=1 }", &off, &len), 0);
    assert_int_equal(attrs("{1a=b}", &off, &len), 0);
    assert_int_equal(attrs("{a=b", &off, &len), 0);
    assert_int_equal(attrs("{a=\"{x}\"}", &off, &len), 0);
    assert_int_equal(attrs("x{#a}", &off, &len), 0);
    assert_int_equal(attrs("", &off, &len), 0);
    /* len bounds the scan: the closing brace is past it. */
    assert_int_equal(gn_markup_attrs("{#abc}", 5, &off, &len), 0);
}

/* The labels gn_markup_scan reports, and the bytes it marks, as text:
 * "KIND:label" per marker, then the text left once marked bytes go. */
typedef struct found {
    const char *s;
    char out[256];
} found;

static void note_label(enum gn_mark kind, size_t inner, size_t inner_end, void *ctx)
{
    static const char *const names[] = {"none", "ui", "dnl", "badge"};
    found *f = ctx;
    size_t n = strlen(f->out);
    snprintf(f->out + n, sizeof f->out - n, "%s:%.*s|", names[kind], (int)(inner_end - inner),
             f->s + inner);
}

static const char *scan(found *f, const char *s)
{
    size_t len = strlen(s);
    unsigned char del[256] = {0};
    f->s = s;
    f->out[0] = '\0';
    gn_markup_scan(s, len, del, NULL, note_label, f);
    size_t n = strlen(f->out);
    for (size_t i = 0; i < len && n + 1 < sizeof f->out; i++)
        if (!del[i])
            f->out[n++] = s[i];
    f->out[n] = '\0';
    return f->out;
}

static void test_scan(void **state)
{
    (void)state;
    found f;
    assert_string_equal(scan(&f, "Go to [!UICONTROL Stores] > [!DNL Acme]"),
                        "ui:Stores|dnl:Acme|Go to Stores > Acme");
    /* Nesting: inner markers come first; plain brackets nest in labels. */
    assert_string_equal(scan(&f, "[!BADGE a [!DNL b]] c"), "dnl:b|badge:a [!DNL b]|a b c");
    assert_string_equal(scan(&f, "[!UICONTROL [x] y] z]"), "ui:[x] y|[x] y z]");
    /* A marker never closed is text; the ones inside it still count. */
    assert_string_equal(scan(&f, "[!DNL [!UICONTROL a] [!UICONTROL b]"),
                        "ui:a|ui:b|[!DNL a b");
    assert_string_equal(scan(&f, "no markers [here] ]]] [["), "no markers [here] ]]] [[");
    assert_string_equal(scan(&f, "[!UICONTROL"), "[!UICONTROL");
    assert_string_equal(scan(&f, "[!DNL x] {#anchor} [!UNKNOWN y]"), "dnl:x|x  [!UNKNOWN y]");
}

/* Pathological inputs must not take quadratic time or crash: 200 000
 * unclosed markers and 200 000 unfinished attribute lists. */
static void test_large_inputs(void **state)
{
    (void)state;
    size_t n = 200000, len = n * 6;
    char *s = malloc(len + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * 6, "[!DNL ", 6);
    s[len] = '\0';
    unsigned char *del = calloc(len, 1);
    gn_markup_scan(s, len, del, NULL, NULL, NULL);
    assert_null(memchr(del, 1, len)); /* none closed: nothing marked */

    /* n markers nested, each closed: "[!UICONTROL [!UICONTROL ...]]". */
    free(s);
    len = n * 13;
    s = malloc(len + 1);
    for (size_t i = 0; i < n; i++) {
        memcpy(s + i * 12, "[!UICONTROL ", 12);
        s[n * 12 + i] = ']';
    }
    s[len] = '\0';
    free(del);
    del = calloc(len, 1);
    gn_markup_scan(s, len, del, NULL, NULL, NULL);
    assert_null(memchr(del, 0, len)); /* every byte is markup */
    free(del);
    free(s);
    len = n * 6;
    s = malloc(len + 1);
    s[len] = '\0';

    for (size_t i = 0; i < n; i++)
        memcpy(s + i * 6, "{a=\"b ", 6);
    char *anchor;
    char *plain = gn_markup_plain(s, &anchor);
    assert_int_equal(strlen(plain), len - 1); /* the trailing space trimmed */
    assert_null(anchor);
    free(plain);
    free(s);
}

/* Emphasis runs inside a label's brackets are moved out of them: at the
 * start before a non-space, at the end after one; the text keeps its
 * length; code spans and runs that are the label's own are left. */
static void test_label_runs(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
        size_t runs;
    } cases[] = {
        {"*[!UICONTROL *Orders]**を選択", "**[!UICONTROL Orders]**を選択", 1},
        {"**[!UICONTROL Magento Price Source*]* に", "**[!UICONTROL Magento Price Source]** に", 1},
        {"[!DNL _Name_]은", "_[!DNL Name]_은", 2},
        {"**[!UICONTROL Save]**", "**[!UICONTROL Save]**", 0},
        {"[!UICONTROL * spaced *]", "[!UICONTROL * spaced *]", 0},
        {"`[!UICONTROL *x]` and [!UICONTROL *y]*", "`[!UICONTROL *x]` and *[!UICONTROL y]*", 1},
        {"[!UICONTROL Outer [!DNL *In]* x]", "[!UICONTROL Outer *[!DNL In]* x]", 1},
        {"[!UICONTROL ***]", "[!UICONTROL ***]", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = strlen(cases[i].in);
        char out[128] = "";
        assert_int_equal(gn_markup_label_runs(cases[i].in, len, NULL), cases[i].runs);
        assert_int_equal(gn_markup_label_runs(cases[i].in, len, out), cases[i].runs);
        out[len] = '\0';
        assert_string_equal(out, cases[i].out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_markers),
        cmocka_unit_test(test_plain_anchors),
        cmocka_unit_test(test_plain_attrs),
        cmocka_unit_test(test_attrs),
        cmocka_unit_test(test_scan),
        cmocka_unit_test(test_label_runs),
        cmocka_unit_test(test_large_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
