/* test_check.c: the problems gn_check lists, over the project's fixtures
 * (anchors lost in translation among them), temporary folders, the seeds
 * and the corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/check.h"
#include "guidenav/util.h"

#define MATRIX_FIXTURES GN_FIXTURES "/matrix"
#define SEEDS GN_SHARED "/seeds"
#define CORPUS GN_SHARED "/corpus"

static void discover(const char *path, gn_localeset *set)
{
    char *arg = gn_xstrdup(path);
    gn_error err;
    int rc = gn_localeset_discover(&arg, 1, set, &err);
    if (rc != 0)
        print_message("%s\n", err.msg);
    assert_int_equal(rc, 0);
    free(arg);
}

static bool have_dir(const char *path)
{
    if (gn_is_dir(path))
        return true;
    print_message("%s is absent: skipped\n", path);
    return false;
}

typedef struct want {
    const char *locale, *file;
    int line;
    const char *kind, *detail; /* detail: a substring for "unreadable" */
} want;

static void dump(const gn_problems *p)
{
    for (size_t i = 0; i < p->n; i++)
        print_message("%s %s:%d %s %s\n", p->v[i].locale, p->v[i].file, p->v[i].line,
                      p->v[i].kind, p->v[i].detail);
}

/* The translation checks (qa.h) have tests of their own: drop their
 * findings from p, so the other kinds can be counted exactly. Returns how
 * many were dropped. */
static size_t drop_translation_checks(gn_problems *p)
{
    static const char *const qa[] = {"uicontrol", "link", "code", "number", "markup",
                                     "untranslated"};
    size_t kept = 0, n = p->n;
    for (size_t i = 0; i < n; i++) {
        bool drop = false;
        for (size_t k = 0; k < sizeof qa / sizeof *qa; k++)
            drop |= strcmp(p->v[i].kind, qa[k]) == 0;
        if (drop) {
            free(p->v[i].locale);
            free(p->v[i].file);
            free(p->v[i].detail);
        } else {
            p->v[kept++] = p->v[i];
        }
    }
    p->n = kept;
    return n - kept;
}

/* p is exactly the list w (n entries). */
static void problems_are(const gn_problems *p, const want *w, size_t n)
{
    if (p->n != n)
        dump(p);
    assert_int_equal(p->n, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(p->v[i].locale, w[i].locale);
        assert_string_equal(p->v[i].file, w[i].file);
        assert_int_equal(p->v[i].line, w[i].line);
        assert_string_equal(p->v[i].kind, w[i].kind);
        if (strcmp(w[i].kind, "unreadable") == 0)
            assert_non_null(strstr(p->v[i].detail, w[i].detail));
        else
            assert_string_equal(p->v[i].detail, w[i].detail);
    }
}

/* The number of problems of this kind (and locale, unless NULL). */
static size_t count(const gn_problems *p, const char *locale, const char *kind)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++)
        if ((!locale || strcmp(p->v[i].locale, locale) == 0) && strcmp(p->v[i].kind, kind) == 0)
            n++;
    return n;
}

/* Problems come in set order, then file, then line. */
static void assert_sorted(const gn_problems *p, const gn_localeset *set)
{
    size_t loc = 0;
    for (size_t i = 0; i < p->n; i++) {
        while (loc < set->n && strcmp(set->v[loc].tag, p->v[i].locale) != 0)
            loc++;
        assert_true(loc < set->n);
        if (i > 0 && strcmp(p->v[i - 1].locale, p->v[i].locale) == 0) {
            int k = strcmp(p->v[i - 1].file, p->v[i].file);
            assert_true(k < 0 || (k == 0 && p->v[i - 1].line <= p->v[i].line));
        }
    }
}

/* ---- the project's fixture ----------------------------------------------- */

static const want fixture_problems[] = {
    /* notes.md and extra/deep.md are not in the TOC; _includes/ and .drafts/
     * are skipped. */
    {"en", "help/tour/extra/deep.md", 0, "orphan", "not in the table of contents"},
    {"en", "help/tour/notes.md", 0, "orphan", "not in the table of contents"},
    /* welcome.md: ferries.md#timetable (an anchor), sailboats.md#rigging-basics
     * (a slug), /help/tour/tides.md (repository-absolute), #safety-first, a
     * URL, mailto: and "[!DNL Harbor](으)" (Adobe markup, not a link) are
     * fine. */
    {"en", "help/tour/welcome.md", 9, "badlink", "missing-map.md"},
    {"en", "help/tour/welcome.md", 9, "badanchor", "ferries.md#night-trips"},
    {"en", "help/tour/welcome.md", 13, "badanchor", "#nowhere"},
    {"de-DE", "help/tour/TOC.md", 11, "nofile", "kayaks.md"},
    {"de-DE", "help/tour/ferries.md", 0, "structure", "2 headings, reference has 3"},
    {"de-DE", "help/tour/sailboats.md", 0, "structure", "heading 2 is level 3, reference level 2"},
    {"ja-JP", "help/tour/TOC.md", 10, "nofile", "sailboats.md"},
    {"ja-JP", "help/tour/glossary.md", 3, "unreadable", "glossary.md:3: "},
};
#define NFIXTURE (sizeof fixture_problems / sizeof *fixture_problems)

static void test_fixture(void **state)
{
    (void)state;
    gn_localeset set;
    discover(MATRIX_FIXTURES "/manual.en", &set);
    gn_problems p;
    gn_check(&set, "en", NULL, &p);
    drop_translation_checks(&p);
    problems_are(&p, fixture_problems, NFIXTURE);
    gn_problems_free(&p);
    assert_int_equal(p.n, 0);

    /* Without a reference there is nothing to compare structure with. */
    gn_check(&set, NULL, NULL, &p);
    drop_translation_checks(&p);
    want w[NFIXTURE];
    size_t n = 0;
    for (size_t i = 0; i < NFIXTURE; i++)
        if (strcmp(fixture_problems[i].kind, "structure") != 0)
            w[n++] = fixture_problems[i];
    problems_are(&p, w, n);
    gn_problems_free(&p);

    /* A reference the set lacks: the same. */
    gn_check(&set, "zh-CN", NULL, &p);
    drop_translation_checks(&p);
    problems_are(&p, w, n);
    gn_problems_free(&p);
    gn_localeset_free(&set);
}

static void test_fixture_guide_folders(void **state)
{
    (void)state;
    /* Sources given as guide folders: paths are relative to them, and
     * "/help/..." links start from the folder above help/. */
    gn_localeset set;
    discover(MATRIX_FIXTURES "/manual.ja-JP/help/tour", &set);
    assert_int_equal(set.n, 3);
    gn_problems p;
    gn_check(&set, "en", NULL, &p);
    drop_translation_checks(&p);
    static const want w[] = {
        {"ja-JP", "TOC.md", 10, "nofile", "sailboats.md"},
        {"ja-JP", "glossary.md", 3, "unreadable", "glossary.md:3: "},
        {"en", "extra/deep.md", 0, "orphan", "not in the table of contents"},
        {"en", "notes.md", 0, "orphan", "not in the table of contents"},
        {"en", "welcome.md", 9, "badlink", "missing-map.md"},
        {"en", "welcome.md", 9, "badanchor", "ferries.md#night-trips"},
        {"en", "welcome.md", 13, "badanchor", "#nowhere"},
        {"de-DE", "TOC.md", 11, "nofile", "kayaks.md"},
        {"de-DE", "ferries.md", 0, "structure", "2 headings, reference has 3"},
        {"de-DE", "sailboats.md", 0, "structure", "heading 2 is level 3, reference level 2"},
    };
    problems_are(&p, w, sizeof w / sizeof *w);
    assert_sorted(&p, &set);
    gn_problems_free(&p);
    gn_localeset_free(&set);
}

/* ---- anchors lost in translation ------------------------------------------- */

#define ANCHOR_FIXTURES GN_FIXTURES "/anchors"

/* overview.md links to anchors of brakes.md, tyres.md and itself in three
 * locales. A translated heading without its {#anchor} (ja-JP's "Adjust
 * the cable", "In short"; ko-KR's "Pads"), or whose text makes another
 * slug (both translations' "Fix a puncture"), loses the anchor: the
 * English page has it, so the link lands on the heading paired with the
 * English one, which the detail names. ko-KR's tyres.md lacks the
 * "Tubeless tyres" section: lost, and no heading to land on. The anchor
 * no page has ("true-a-wheel") is a bad anchor in every locale. */
static const want anchor_problems[] = {
    {"en", "help/repair/overview.md", 18, "badanchor", "tyres.md#true-a-wheel"},
    {"ja-JP", "help/repair/overview.md", 15, "anchorlost",
     "brakes.md#adjust-the-cable: lands on \"ケーブルを調整する\" (en: \"Adjust the cable\")"},
    {"ja-JP", "help/repair/overview.md", 16, "anchorlost",
     "tyres.md#fix-a-puncture: lands on \"パンクを直す\" (en: \"Fix a puncture\")"},
    {"ja-JP", "help/repair/overview.md", 18, "badanchor", "tyres.md#true-a-wheel"},
    {"ja-JP", "help/repair/overview.md", 19, "anchorlost",
     "#in-short: lands on \"要約\" (en: \"In short\")"},
    {"ko-KR", "help/repair/overview.md", 16, "anchorlost",
     "tyres.md#fix-a-puncture: lands on \"펑크 수리\" (en: \"Fix a puncture\")"},
    {"ko-KR", "help/repair/overview.md", 17, "anchorlost",
     "brakes.md#pads: lands on \"패드\" (en: \"Pads\")"},
    {"ko-KR", "help/repair/overview.md", 18, "badanchor", "tyres.md#true-a-wheel"},
    {"ko-KR", "help/repair/overview.md", 20, "anchorlost",
     "tyres.md#tubeless: no heading here pairs with en's \"Tubeless tyres\""},
    {"ko-KR", "help/repair/tyres.md", 0, "structure", "3 headings, reference has 4"},
};
#define NANCHOR (sizeof anchor_problems / sizeof *anchor_problems)

static void test_lost_anchors(void **state)
{
    (void)state;
    gn_localeset set;
    discover(ANCHOR_FIXTURES "/bikes.en", &set);
    assert_int_equal(set.n, 3);
    gn_problems p;
    gn_check(&set, "en", NULL, &p);
    problems_are(&p, anchor_problems, NANCHOR);
    gn_problems_free(&p);

    /* Without a reference page to ask, every anchor a page lacks is bad. */
    gn_check(&set, NULL, NULL, &p);
    static const want unreferenced[] = {
        {"en", "help/repair/overview.md", 18, "badanchor", "tyres.md#true-a-wheel"},
        {"ja-JP", "help/repair/overview.md", 15, "badanchor", "brakes.md#adjust-the-cable"},
        {"ja-JP", "help/repair/overview.md", 16, "badanchor", "tyres.md#fix-a-puncture"},
        {"ja-JP", "help/repair/overview.md", 18, "badanchor", "tyres.md#true-a-wheel"},
        {"ja-JP", "help/repair/overview.md", 19, "badanchor", "#in-short"},
        {"ko-KR", "help/repair/overview.md", 16, "badanchor", "tyres.md#fix-a-puncture"},
        {"ko-KR", "help/repair/overview.md", 17, "badanchor", "brakes.md#pads"},
        {"ko-KR", "help/repair/overview.md", 18, "badanchor", "tyres.md#true-a-wheel"},
        {"ko-KR", "help/repair/overview.md", 20, "badanchor", "tyres.md#tubeless"},
    };
    problems_are(&p, unreferenced, sizeof unreferenced / sizeof *unreferenced);
    gn_problems_free(&p);

    /* ja-JP as the reference: ko-KR's "Pads" is found through ja-JP's
     * page, its "Tubeless tyres" is lost with nothing to land on; ja-JP's
     * page lacks "fix-a-puncture" as ko-KR's does, so that one is bad. The
     * reference's own anchors are never lost, only bad (its four), and
     * en's pages have every anchor but one. */
    gn_check(&set, "ja-JP", NULL, &p);
    assert_int_equal(count(&p, "en", "badanchor"), 1);
    assert_int_equal(count(&p, "ja-JP", "badanchor"), 4);
    assert_int_equal(count(&p, "en", "anchorlost") + count(&p, "ja-JP", "anchorlost"), 0);
    assert_int_equal(count(&p, "ko-KR", "anchorlost"), 2);
    assert_int_equal(count(&p, "ko-KR", "badanchor"), 2);
    gn_problems_free(&p);
    gn_localeset_free(&set);
}

/* ---- temporary folders: symbolic links, toc.md, unreadable TOCs ------------ */

static char root[256];

static void write_file(const char *rel, const char *text)
{
    unit_write_file(root, rel, text);
}

static void link_to(const char *target, const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(symlink(target, path), 0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gn-check-XXXXXX");
    assert_non_null(mkdtemp(root));
    write_file("site.en/help/a/toc.md", "# A\n\n* [One](one.md)\n* [Two](sub/two.md)\n");
    write_file("site.en/help/a/one.md",
               "# One\n\n## Part two {#p2}\n\n"
               "[a](sub/two.md#top) [b](my%20page.md) [c](one.md?x=1#p2) [d](sub/)\n"
               "[e](sub/two.md#p3) [f](/elsewhere/x.md) [g](../b/TOC.md) [h](../b/gone.md)\n"
               "[i](notes.txt#x)\n\n"
               "| k | v |\n|---|---|\n| [j](nowhere.md) | x |\n");
    write_file("site.en/help/a/notes.txt", "plain\n");
    write_file("site.en/help/a/my page.md", "# My page\n");
    write_file("site.en/help/a/sub/two.md", "# Two {#top}\n");
    write_file("outside/linked.md", "# Linked\n");
    write_file("outside/dir/inner.md", "# Inner\n");
    link_to("../../../outside/linked.md", "site.en/help/a/linked.md");
    link_to("../../../outside/dir", "site.en/help/a/dirlink");
    write_file("site.en/help/b/TOC.md", "---\nbad: [\n---\n# B\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_remove_tree(root);
    return 0;
}

static void test_folders(void **state)
{
    (void)state;
    char *path = gn_xasprintf("%s/site.en", root);
    gn_localeset set;
    discover(path, &set);
    assert_int_equal(set.v[0].nguides, 2);
    gn_problems p;
    gn_check(&set, "en", NULL, &p);
    drop_translation_checks(&p);
    /* "my page.md" is "my%20page.md" decoded; a folder link is fine; the
     * anchor of a file that is not Markdown is not looked for; a
     * site-absolute path outside /help/ is not checked; the symbolic links
     * (linked.md, dirlink/) are not followed, so no orphans there. "my
     * page.md" is an orphan: a link does not reach a page from the TOC. */
    static const want w[] = {
        {"en", "help/a/my page.md", 0, "orphan", "not in the table of contents"},
        {"en", "help/a/one.md", 6, "badanchor", "sub/two.md#p3"},
        {"en", "help/a/one.md", 6, "badlink", "../b/gone.md"},
        {"en", "help/a/one.md", 11, "badlink", "nowhere.md"},
        {"en", "help/b/TOC.md", 3, "unreadable", "TOC.md:3: "},
    };
    problems_are(&p, w, sizeof w / sizeof *w);
    gn_problems_free(&p);
    gn_localeset_free(&set);
    free(path);
}

/* ---- the seeds: TOCs without pages ------------------------------------------ */

static void test_seeds(void **state)
{
    (void)state;
    if (!have_dir(SEEDS "/commerce-admin.ja-JP/help/customers")) {
        skip();
        return;
    }
    gn_localeset set;
    discover(SEEDS "/commerce-admin.ja-JP/help/customers", &set);
    assert_int_equal(set.n, 5);
    gn_problems p;
    gn_check(&set, NULL, NULL, &p);
    drop_translation_checks(&p);
    /* Every listed page is missing: 34 pages in ja-JP and de-DE, 35 (with
     * personalize-scale.md) in the others. Nothing else is wrong. */
    static const struct {
        const char *tag;
        size_t nofile;
    } per[] = {{"ja-JP", 34}, {"de-DE", 34}, {"fr-FR", 35}, {"ko-KR", 35}, {"pt-BR", 35}};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(count(&p, per[i].tag, "nofile"), per[i].nofile);
    assert_int_equal(p.n, 34 + 34 + 35 * 3);
    for (size_t i = 0; i < p.n; i++) {
        assert_string_equal(p.v[i].file, "TOC.md");
        assert_true(p.v[i].line > 0);
    }
    assert_string_equal(p.v[0].locale, "ja-JP");
    assert_string_equal(p.v[0].detail, "guide-overview.md");
    assert_sorted(&p, &set);
    gn_problems_free(&p);
    gn_localeset_free(&set);
}

/* ---- the corpus: complete guides ------------------------------------------------ */

static void test_corpus(void **state)
{
    (void)state;
    if (!have_dir(CORPUS "/commerce-channels.en")) {
        skip();
        return;
    }
    gn_localeset set;
    discover(CORPUS "/commerce-channels.en", &set);
    assert_int_equal(set.n, 6);
    gn_problems p;
    gn_check(&set, "en", NULL, &p);
    /* The translation checks find real faults in every translation, and
     * none in the reference itself. */
    static const char *const qa[] = {"uicontrol", "link", "number", "markup"};
    static const char *const translated[] = {"de-DE", "ja-JP", "ko-KR", "pt-BR"};
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(count(&p, "en", qa[k]), 0);
        for (size_t i = 0; i < 4; i++)
            assert_true(count(&p, translated[i], qa[k]) > 0);
    }
    assert_true(count(&p, "fr-FR", "markup") > 0);
    drop_translation_checks(&p);
    /* Translations keep the English heading structure (corpus README). */
    assert_int_equal(count(&p, NULL, "structure"), 0);
    assert_int_equal(count(&p, NULL, "nofile"), 0);
    assert_int_equal(count(&p, NULL, "orphan"), 0);
    assert_int_equal(count(&p, NULL, "unreadable"), 0);
    /* ko-KR writes "[!DNL name](으)로" 34 times: Adobe markup with a Korean
     * particle, not a link, so not a bad link. */
    assert_int_equal(count(&p, NULL, "badlink"), 0);
    /* The published channel-manager pages do have broken anchors. In en:
     * "#connect-the-channel-to-walmart-marketplace" and
     * "#complete-sales-channel-store-setup" in connect-marketplace.md name
     * no heading, "walmart-requirements.md##generate-..." has a doubled
     * '#', manage-orders.md has no "about-order-status" heading... The
     * translations keep these links, and de-DE has one more
     * ("process-orders.md#fix-shipping-and-cancel-errors"), ko-KR one
     * fewer. The translations also keep the English slugs while their
     * headings are translated without {#anchor}: 13 links each
     * ("#create-the-sales-channel", "process-orders.md#ship-an-order"...)
     * whose anchor only the English page has, anchorlost, each landing on
     * a translated heading. */
    static const struct {
        const char *tag;
        size_t bad, lost;
    } per[] = {{"en", 9, 0},  {"de-DE", 10, 13}, {"fr-FR", 9, 13},
               {"ja-JP", 9, 13}, {"ko-KR", 8, 13}, {"pt-BR", 10, 13}};
    for (size_t i = 0; i < 6; i++) {
        if (count(&p, per[i].tag, "badanchor") != per[i].bad ||
            count(&p, per[i].tag, "anchorlost") != per[i].lost)
            dump(&p);
        assert_int_equal(count(&p, per[i].tag, "badanchor"), per[i].bad);
        assert_int_equal(count(&p, per[i].tag, "anchorlost"), per[i].lost);
    }
    for (size_t i = 0; i < p.n; i++)
        if (strcmp(p.v[i].kind, "anchorlost") == 0)
            assert_non_null(strstr(p.v[i].detail, ": lands on \""));
    assert_int_equal(p.n, 120);
    for (size_t i = 0; i < p.n; i++)
        assert_non_null(strstr(p.v[i].file, "help/channel-manager/"));
    assert_string_equal(p.v[0].locale, "en");
    assert_string_equal(p.v[0].file, "help/channel-manager/connect-marketplace.md");
    assert_int_equal(p.v[0].line, 14);
    assert_string_equal(p.v[0].detail, "#connect-the-channel-to-walmart-marketplace");
    assert_sorted(&p, &set);
    gn_problems_free(&p);
    gn_localeset_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture),
        cmocka_unit_test(test_fixture_guide_folders),
        cmocka_unit_test(test_lost_anchors),
        cmocka_unit_test(test_folders),
        cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_corpus),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
