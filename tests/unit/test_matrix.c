/* test_matrix.c: a guide's TOC across locales: row matching and order,
 * cells, front matter fields, over the project's fixtures, temporary
 * folders, the seeds and the corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/matrix.h"
#include "guidenav/util.h"

#define MATRIX_FIXTURES GN_FIXTURES "/matrix"
#define SEEDS GN_SHARED "/seeds"
#define CORPUS GN_SHARED "/corpus"

/* Build the set discovered from path (siblings join). */
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

static long locale_index(const gn_localeset *set, const char *tag)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i].tag, tag) == 0)
            return (long)i;
    fail_msg("no locale %s", tag);
    return -1;
}

static const gn_matrix_row *find_row(const gn_matrix *m, const char *key)
{
    for (size_t r = 0; r < m->nrows; r++)
        if (strcmp(m->rows[r].key, key) == 0)
            return &m->rows[r];
    return NULL;
}

/* The cells of a row as letters, one per locale: '-' absent, 'o' OK,
 * 'x' nofile. */
static void cells_are(const gn_matrix_row *row, size_t n, const char *want)
{
    char got[16] = {0};
    assert_true(n < sizeof got);
    for (size_t l = 0; l < n; l++)
        got[l] = row->cells[l].state == GN_CELL_ABSENT ? '-'
               : row->cells[l].state == GN_CELL_OK ? 'o' : 'x';
    assert_string_equal(got, want);
}

static bool have_dir(const char *path)
{
    if (gn_is_dir(path))
        return true;
    print_message("%s is absent: skipped\n", path);
    return false;
}

/* ---- the project's fixture: a small guide in en, de-DE and ja-JP ---------- */

/* The fixture's set (en, de-DE, ja-JP) and its matrix, against reference
 * (may be NULL), without a repository. */
static void fixture_matrix(gn_localeset *set, gn_matrix *m, const char *reference)
{
    discover(MATRIX_FIXTURES "/manual.en", set);
    gn_error err;
    assert_int_equal(gn_matrix_build(m, set, "help/tour", reference, NULL, &err), 0);
}

/* Assert that row r's title for a reader of locale loc is want, in the
 * words of locale want_from. */
static void title_is(const gn_matrix *m, size_t r, size_t loc, const char *want, size_t want_from)
{
    size_t from = (size_t)-1;
    assert_string_equal(gn_matrix_title(m, r, loc, &from), want);
    assert_int_equal(from, want_from);
}

static void test_fixture_rows(void **state)
{
    (void)state;
    gn_localeset set;
    discover(MATRIX_FIXTURES "/manual.en", &set);
    assert_int_equal(set.n, 3);
    assert_string_equal(set.v[0].tag, "en");
    assert_string_equal(set.v[1].tag, "de-DE");
    assert_string_equal(set.v[2].tag, "ja-JP");

    gn_matrix m;
    gn_error err;
    assert_int_equal(gn_matrix_build(&m, &set, "help/tour", "en", NULL, &err), 0);
    assert_int_equal(m.nlocales, 3);
    /* en's order, with rows of later locales merged in near their place:
     * rowboats.md (de-DE only) after kayaks.md, its preceding sibling in
     * de-DE; glossary.md (ja-JP only, a first child) right after its group. */
    static const struct {
        const char *key, *title, *cells;
        gn_toc_kind kind;
        int depth;
        long entries[3];
        bool differs, missing;
    } want[] = {
        {"welcome.md", "Welcome", "ooo", GN_TOC_PAGE, 0, {0, 0, 0}, true, false},
        {"#boats", "Boats", "ooo", GN_TOC_GROUP, 0, {1, 1, 1}, false, false},
        {"ferries.md", "Ferries", "ooo", GN_TOC_PAGE, 1, {2, 2, 2}, false, false},
        {"sailboats.md", "Sailboats", "oox", GN_TOC_PAGE, 1, {3, 3, 3}, false, true},
        {"kayaks.md", "Kayaks", "ox-", GN_TOC_PAGE, 1, {4, 4, -1}, false, true},
        {"rowboats.md", "Ruderboote", "-o-", GN_TOC_PAGE, 1, {-1, 5, -1}, false, true},
        {"@6", "Extras", "ooo", GN_TOC_GROUP, 0, {5, 6, 4}, false, false},
        {"glossary.md", "用語集", "--o", GN_TOC_PAGE, 1, {-1, -1, 5}, false, true},
        {"tides.md", "Tide tables", "ooo", GN_TOC_PAGE, 1, {6, 7, 6}, false, false},
        /* ja-JP's link has another URL: matched by its position among the
         * entries left over, after the group without anchor. */
        {"https://example.org/harbor", "Harbor office", "ooo", GN_TOC_EXTERNAL, 0,
         {7, 8, 7}, false, false},
    };
    assert_int_equal(m.nrows, sizeof want / sizeof *want);
    for (size_t r = 0; r < m.nrows; r++) {
        const gn_matrix_row *row = &m.rows[r];
        assert_string_equal(row->key, want[r].key);
        assert_string_equal(gn_matrix_title(&m, r, 0, NULL), want[r].title);
        assert_int_equal(row->kind, want[r].kind);
        assert_int_equal(row->depth, want[r].depth);
        cells_are(row, 3, want[r].cells);
        for (size_t l = 0; l < 3; l++) {
            assert_int_equal(row->cells[l].entry, want[r].entries[l]);
            assert_int_equal(row->cells[l].stale, GN_STALE_UNKNOWN); /* no repo */
        }
        assert_int_equal(row->commit_differs, want[r].differs);
        assert_int_equal(row->missing_somewhere, want[r].missing);
    }

    /* Front matter of the pages that exist. */
    const gn_matrix_row *welcome = &m.rows[0];
    assert_null(welcome->cells[0].commit);
    assert_string_equal(welcome->cells[1].commit, "aaaa111");
    assert_string_equal(welcome->cells[1].workflow, "tm+mt");
    assert_string_equal(welcome->cells[1].wordcount, "120");
    assert_string_equal(welcome->cells[1].ht_degree, "0%");
    assert_string_equal(welcome->cells[2].commit, "bbbb222");
    assert_string_equal(welcome->cells[2].workflow, "tm");
    assert_string_equal(welcome->cells[2].ht_degree, "100%");
    /* ferries.md: en's own commit is not compared, the translations agree. */
    const gn_matrix_row *ferries = &m.rows[2];
    assert_string_equal(ferries->cells[0].commit, "ffff999");
    assert_string_equal(ferries->cells[1].commit, "aaaa111");
    assert_string_equal(ferries->cells[2].commit, "aaaa111");
    assert_null(ferries->cells[2].workflow);
    /* A missing file has no front matter; an unreadable one neither. */
    assert_null(m.rows[3].cells[2].commit);
    assert_null(m.rows[7].cells[2].commit);
    gn_matrix_free(&m);

    /* Without a reference, every locale's commit counts. */
    assert_int_equal(gn_matrix_build(&m, &set, "help/tour", NULL, NULL, &err), 0);
    assert_true(find_row(&m, "ferries.md")->commit_differs);
    assert_true(find_row(&m, "welcome.md")->commit_differs);
    assert_false(find_row(&m, "tides.md")->commit_differs);
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

static void test_fixture_from_ja(void **state)
{
    (void)state;
    gn_localeset set;
    discover(MATRIX_FIXTURES "/manual.ja-JP", &set);
    assert_string_equal(set.v[0].tag, "ja-JP"); /* the given path comes first */
    gn_matrix m;
    gn_error err;
    /* Built from ja-JP, the rows follow ja-JP's order; en's kayaks.md, not
     * in ja-JP, follows sailboats.md, its preceding sibling in en. */
    assert_int_equal(gn_matrix_build(&m, &set, "help/tour", "en", NULL, &err), 0);
    assert_string_equal(m.rows[0].key, "welcome.md");
    assert_string_equal(m.rows[3].key, "sailboats.md");
    assert_string_equal(m.rows[4].key, "kayaks.md");
    assert_string_equal(m.rows[5].key, "rowboats.md");
    assert_string_equal(gn_matrix_title(&m, 6, 0, NULL), "付録");
    assert_string_equal(m.rows[7].key, "glossary.md");
    assert_string_equal(m.rows[8].key, "tides.md");
    assert_string_equal(m.rows[9].key, "https://example.org/ja/harbor");
    assert_int_equal(m.nrows, 10);
    long en = locale_index(&set, "en");
    /* en is the reference: a ja-JP commit alone does not differ. */
    assert_string_equal(m.rows[2].cells[en].commit, "ffff999");
    assert_false(m.rows[2].commit_differs);
    gn_matrix_free(&m);

    memset(&err, 0, sizeof err);
    assert_int_equal(gn_matrix_build(&m, &set, "help/nowhere", "en", NULL, &err), -1);
    assert_non_null(strstr(err.msg, "help/nowhere"));
    assert_int_equal(m.nrows, 0);
    gn_matrix_free(&m); /* harmless after a failure */
    gn_localeset_free(&set);
}

/* Titles for the reader of each locale: the reader's own, else the
 * reference locale's, else the first locale's (set order) that lists the
 * entry. Each cell keeps its locale's title. */
static void test_fixture_titles(void **state)
{
    (void)state;
    gn_localeset set;
    gn_matrix m;
    gn_error err;
    fixture_matrix(&set, &m, "en");
    assert_int_equal(m.reference, 0);
    size_t en = 0, de = 1, ja = 2;
    title_is(&m, 0, ja, "ようこそ", ja);
    title_is(&m, 0, de, "Willkommen", de);
    title_is(&m, 0, en, "Welcome", en);
    title_is(&m, 3, ja, "ヨット", ja);           /* sailboats.md: listed, no file */
    title_is(&m, 4, ja, "Kayaks", en);           /* kayaks.md: not in ja-JP */
    title_is(&m, 5, ja, "Ruderboote", de);       /* rowboats.md: de-DE only */
    title_is(&m, 5, en, "Ruderboote", de);
    title_is(&m, 6, de, "Extras und mehr", de);  /* the group matched by position */
    title_is(&m, 6, ja, "付録", ja);
    title_is(&m, 7, de, "用語集", ja);           /* glossary.md: ja-JP only */
    title_is(&m, 9, ja, "港湾事務所", ja);
    assert_string_equal(m.rows[4].cells[de].title, "Kajaks");
    assert_null(m.rows[4].cells[ja].title);
    /* A locale out of range reads the others' titles. */
    title_is(&m, 0, 7, "Welcome", en);
    gn_matrix_free(&m);
    assert_int_equal(m.reference, -1);

    /* Without a reference locale, the first that lists the entry. */
    assert_int_equal(gn_matrix_build(&m, &set, "help/tour", NULL, NULL, &err), 0);
    assert_int_equal(m.reference, -1);
    title_is(&m, 4, ja, "Kayaks", en);
    title_is(&m, 7, en, "用語集", ja);
    gn_matrix_free(&m);
    /* A reference locale not in the set is none. */
    assert_int_equal(gn_matrix_build(&m, &set, "help/tour", "it-IT", NULL, &err), 0);
    assert_int_equal(m.reference, -1);
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

/* The row of the open page: by its path as a TOC names it. */
static void test_fixture_page_row(void **state)
{
    (void)state;
    gn_localeset set;
    gn_matrix m;
    fixture_matrix(&set, &m, "en");
    static const struct {
        size_t loc;
        const char *page;
        size_t row;
    } want[] = {
        {0, "tides.md", 8},   {0, "./tides.md#today", 8}, {2, "tides.md?lang=ja", 8},
        {1, "sailboats.md", 3},
        {0, "glossary.md", 7}, /* not in en's TOC: the row all the same */
        {0, "nowhere.md", 0},  {0, "#boats", 0} /* a group */, {0, NULL, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_int_equal(gn_matrix_page_row(&m, want[i].loc, want[i].page), want[i].row);
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

/* Each translated page's findings against the reference page (the
 * translation checks): five faults planted in the Japanese page, none in
 * the Korean one; the reference and a page not listed are not checked. */
static void test_findings(void **state)
{
    (void)state;
    gn_localeset set;
    discover(GN_FIXTURES "/review/shop.en", &set);
    gn_matrix m;
    gn_error err;
    assert_int_equal(gn_matrix_build(&m, &set, "help/orders", "en", NULL, &err), 0);
    assert_int_equal(set.n, 3); /* en, ja-JP, ko-KR */
    size_t ship = gn_matrix_page_row(&m, 0, "ship.md"), limits = gn_matrix_page_row(&m, 0, "limits.md");
    assert_int_equal(m.rows[ship].cells[0].findings, -1);
    assert_int_equal(m.rows[ship].cells[1].findings, 5);
    assert_int_equal(m.rows[ship].cells[2].findings, 0);
    assert_int_equal(m.rows[limits].cells[1].findings, 0);
    gn_buf b = GN_BUF_INIT;
    gn_matrix_cell_text(&m, ship, 1, false, &b);
    assert_string_equal(b.data, "✓ 5");
    gn_buf_free(&b);
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

/* What the navigator shows of a cell, and the words of --toc-matrix. */
static void test_cell_text(void **state)
{
    (void)state;
    gn_localeset set;
    gn_matrix m;
    fixture_matrix(&set, &m, "en");
    m.rows[0].cells[1].stale = GN_STALE_STALE; /* as a repository would say */
    m.rows[0].cells[1].findings = 3;            /* and the translation checks */
    m.rows[0].cells[2].findings = 0;
    m.rows[9].cells[1].findings = -1;
    static const struct {
        size_t r, l;
        const char *utf8, *ascii;
    } want[] = {
        {0, 0, "✓", "+"}, {0, 1, "✓* 3", "+* 3"}, {0, 2, "✓", "+"},
        {3, 2, "✗", "x"}, {4, 2, "·", "."}, {9, 1, "✓", "+"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        for (int ascii = 0; ascii < 2; ascii++) {
            gn_buf b = GN_BUF_INIT;
            gn_buf_adds(&b, "");
            gn_matrix_cell_text(&m, want[i].r, want[i].l, ascii, &b);
            assert_string_equal(b.data, ascii ? want[i].ascii : want[i].utf8);
            gn_buf_free(&b);
        }
    }
    /* The legend names every mark the cells and rows show. */
    for (int ascii = 0; ascii < 2; ascii++) {
        const gn_matrix_marks *mk = gn_matrix_marks_for(ascii);
        char *legend = gn_matrix_legend(ascii);
        const char *marks[] = {mk->present, mk->nofile, mk->absent, mk->stale, mk->differs};
        for (size_t k = 0; k < 5; k++)
            assert_non_null(strstr(legend, marks[k]));
        for (const char *p = legend; ascii && *p; p++)
            assert_true((unsigned char)*p < 0x80);
        free(legend);
    }
    assert_string_equal(gn_cell_state_name(m.rows[0].cells[0].state), "ok");
    assert_string_equal(gn_cell_state_name(m.rows[3].cells[2].state), "nofile");
    assert_string_equal(gn_cell_state_name(m.rows[4].cells[2].state), "absent");
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

/* ---- temporary folders: merge order, duplicates, unreadable TOCs ---------- */

static char root[256];

static void write_file(const char *rel, const char *text)
{
    unit_write_file(root, rel, text);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gn-matrix-XXXXXX");
    assert_non_null(mkdtemp(root));
    /* Groups without anchors nest: children match under matched parents. */
    write_file("set.en/help/g/TOC.md",
               "# G\n\n- A\n  - B\n    - [P](p.md)\n  - C\n- [Q](q.md)\n");
    write_file("set.fr-FR/help/g/TOC.md",
               "# G\n\n- [N](n.md)\n- A2\n  - X\n  - B2\n    - [P](./p.md#top)\n  - C2\n"
               "- [Q](q.md)\n- [Q again](q.md)\n");
    write_file("set.en/help/g/p.md", "# P\n");
    write_file("set.fr-FR/help/g/n.md", "# N\n");
    write_file("set.de-DE/help/g/TOC.md", "---\nbroken: [\n---\n# G\n");
    write_file("solo.en/help/g/TOC.md", "---\nbroken: [\n---\n# G\n");
    /* Titles: x.md is in ja-JP and en, not in ko-KR. */
    write_file("titles.en/help/g/TOC.md", "# G\n\n- [One](one.md)\n- [X](x.md)\n");
    write_file("titles.ja-JP/help/g/TOC.md", "# G\n\n- [一](one.md)\n- [エックス](x.md)\n");
    write_file("titles.ko-KR/help/g/TOC.md", "# G\n\n- [하나](one.md)\n");
    /* A page listed twice by de-DE, its second entry's row shown first. */
    write_file("dup.en/help/g/TOC.md", "# G\n\n- [X](x.md)\n- [Q](q.md)\n");
    write_file("dup.de-DE/help/g/TOC.md", "# G\n\n- [Q](q.md)\n- [X](x.md)\n- [Q2](q.md)\n");
    write_file("dup.fr-FR/help/g/TOC.md", "# G\n\n- [X](x.md)\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_remove_tree(root);
    return 0;
}

static void test_merge_order(void **state)
{
    (void)state;
    char *p = gn_xasprintf("%s/set.en", root);
    gn_localeset set;
    discover(p, &set);
    assert_int_equal(set.n, 3);
    assert_string_equal(set.v[1].tag, "de-DE"); /* its TOC cannot be read */
    gn_matrix m;
    gn_error err;
    assert_int_equal(gn_matrix_build(&m, &set, "help/g", "en", NULL, &err), 0);
    /* en: A { B { p.md }, C }, q.md. fr-FR: n.md, A2 { X, B2 { p.md }, C2 },
     * q.md, q.md again. n.md has no preceding sibling and no parent: it
     * comes first. Groups without anchor match by position: A2 is the
     * first top-level leftover, like A; under A, X, B2 and C2 are the
     * leftovers 0, 1 and 2, so X takes B's row and B2 C's (p.md follows
     * its target, not its parent); C2 is new, placed after C, the row of its
     * preceding sibling B2. The second q.md cannot take the first's row. */
    static const char *const keys[] = {"n.md", "@1", "@2", "p.md", "@4", "@5", "q.md", "q.md"};
    static const char *const titles[] = {"N", "A", "B", "P", "C", "C2", "Q", "Q again"};
    static const char *const cells[] = {"--o", "o-o", "o-o", "o-x", "o-o", "--o", "x-x", "--x"};
    static const int depths[] = {0, 0, 1, 2, 1, 1, 0, 0};
    static const long fr_entries[] = {0, 1, 2, 4, 3, 5, 6, 7};
    assert_int_equal(m.nrows, 8);
    for (size_t r = 0; r < 8; r++) {
        assert_string_equal(m.rows[r].key, keys[r]);
        assert_string_equal(gn_matrix_title(&m, r, 0, NULL), titles[r]);
        cells_are(&m.rows[r], 3, cells[r]);
        assert_int_equal(m.rows[r].depth, depths[r]);
        assert_int_equal(m.rows[r].cells[2].entry, fr_entries[r]);
        assert_int_equal(m.rows[r].cells[1].entry, -1); /* de-DE: unreadable TOC */
    }
    gn_matrix_free(&m);
    gn_localeset_free(&set);
    free(p);

    /* A set whose only TOC cannot be read fails, naming the file. */
    p = gn_xasprintf("%s/solo.en", root);
    discover(p, &set);
    memset(&err, 0, sizeof err);
    assert_int_equal(gn_matrix_build(&m, &set, "help/g", "en", NULL, &err), -1);
    assert_non_null(strstr(err.msg, "TOC.md"));
    gn_localeset_free(&set);
    free(p);
}

/* A reader's locale that lacks an entry reads the reference locale's title
 * before the title of a locale that comes earlier in the set. */
static void test_title_reference_first(void **state)
{
    (void)state;
    char *args[] = {gn_xasprintf("ko-KR=%s/titles.ko-KR", root),
                    gn_xasprintf("ja-JP=%s/titles.ja-JP", root),
                    gn_xasprintf("en=%s/titles.en", root)};
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(args, 3, &set, &err), 0);
    assert_int_equal(set.n, 3);
    assert_string_equal(set.v[0].tag, "ko-KR");
    gn_matrix m;
    assert_int_equal(gn_matrix_build(&m, &set, "help/g", "en", NULL, &err), 0);
    assert_int_equal(m.nrows, 2);
    assert_int_equal(m.reference, 2);
    title_is(&m, 0, 0, "하나", 0);
    title_is(&m, 1, 0, "X", 2);
    title_is(&m, 1, 1, "エックス", 1);
    gn_matrix_free(&m);
    assert_int_equal(gn_matrix_build(&m, &set, "help/g", NULL, NULL, &err), 0);
    title_is(&m, 1, 0, "エックス", 1);
    gn_matrix_free(&m);
    gn_localeset_free(&set);
    for (size_t i = 0; i < 3; i++)
        free(args[i]);
}

/* A page a TOC lists twice: the row of the reader's first entry for it,
 * wherever it is shown; the first row when the reader's TOC lacks it. */
static void test_page_row_listed_twice(void **state)
{
    (void)state;
    char *p = gn_xasprintf("%s/dup.en", root);
    gn_localeset set;
    discover(p, &set);
    free(p);
    assert_int_equal(set.n, 3);
    size_t en = (size_t)locale_index(&set, "en"), de = (size_t)locale_index(&set, "de-DE"),
           fr = (size_t)locale_index(&set, "fr-FR");
    gn_matrix m;
    gn_error err;
    assert_int_equal(gn_matrix_build(&m, &set, "help/g", "en", NULL, &err), 0);
    /* x.md, then de-DE's second q.md after it, then the q.md of en and
     * of de-DE's first entry. */
    assert_int_equal(m.nrows, 3);
    assert_string_equal(m.rows[0].key, "x.md");
    assert_string_equal(m.rows[1].key, "q.md");
    assert_string_equal(m.rows[2].key, "q.md");
    assert_int_equal(m.rows[1].cells[de].entry, 2);
    assert_int_equal(m.rows[2].cells[de].entry, 0);
    assert_int_equal(gn_matrix_page_row(&m, en, "q.md"), 2);
    assert_int_equal(gn_matrix_page_row(&m, de, "q.md"), 2);
    assert_int_equal(gn_matrix_page_row(&m, fr, "q.md"), 1);
    assert_int_equal(gn_matrix_page_row(&m, fr, "x.md"), 0);
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

/* ---- the seeds: five TOCs, no pages ------------------------------------------ */

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
    gn_matrix m;
    gn_error err;
    assert_int_equal(gn_matrix_build(&m, &set, set.v[0].guides[0].id, NULL, NULL, &err), 0);
    long ja = locale_index(&set, "ja-JP"), de = locale_index(&set, "de-DE"),
         ko = locale_index(&set, "ko-KR"), fr = locale_index(&set, "fr-FR"),
         pt = locale_index(&set, "pt-BR");

    const gn_matrix_row *ps = find_row(&m, "personalize-scale.md");
    assert_non_null(ps);
    assert_int_equal(ps->cells[ja].state, GN_CELL_ABSENT);
    assert_int_equal(ps->cells[de].state, GN_CELL_ABSENT);
    assert_int_equal(ps->cells[ko].state, GN_CELL_NOFILE);
    assert_int_equal(ps->cells[fr].state, GN_CELL_NOFILE);
    assert_int_equal(ps->cells[pt].state, GN_CELL_NOFILE);
    assert_true(ps->missing_somewhere);
    /* Not in ja-JP, yet in its place: after now-online.md. */
    assert_string_equal((ps - 1)->key, "now-online.md");

    size_t pages = 0, externals = 0;
    for (size_t r = 0; r < m.nrows; r++) {
        const gn_matrix_row *row = &m.rows[r];
        for (size_t l = 0; row->kind == GN_TOC_PAGE && l < m.nlocales; l++)
            assert_int_not_equal(row->cells[l].state, GN_CELL_OK);
        if (row->kind == GN_TOC_PAGE)
            pages++;
        if (row->kind == GN_TOC_EXTERNAL) {
            externals++;
            for (size_t l = 0; l < m.nlocales; l++)
                assert_int_equal(row->cells[l].state,
                                 (long)l == ko ? GN_CELL_OK : GN_CELL_ABSENT);
            assert_int_equal(r, m.nrows - 1); /* ko-KR's last entry */
        }
        /* Groups match by anchor, "계정 관리{#manage}" included. */
        if (row->kind == GN_TOC_GROUP)
            cells_are(row, 5, "ooooo");
    }
    assert_int_equal(externals, 1);
    assert_int_equal(pages, 35);
    assert_non_null(find_row(&m, "#manage"));
    gn_matrix_free(&m);
    gn_localeset_free(&set);
}

/* ---- the corpus: complete guides in six locales ---------------------------- */

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
    static const char *const guides[] = {"help/amazon-channel", "help/channel-manager"};
    for (size_t g = 0; g < 2; g++) {
        gn_matrix m;
        gn_error err;
        assert_int_equal(gn_matrix_build(&m, &set, guides[g], "en", NULL, &err), 0);
        assert_true(m.nrows > 20);
        for (size_t r = 0; r < m.nrows; r++) {
            assert_int_equal(m.rows[r].cells[0].state, GN_CELL_OK);
            /* en pages carry no source commit; translations do. */
            if (m.rows[r].kind == GN_TOC_PAGE) {
                assert_null(m.rows[r].cells[0].commit);
                assert_non_null(m.rows[r].cells[1].commit);
            }
        }
        gn_matrix_free(&m);
    }
    gn_localeset_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_rows),
        cmocka_unit_test(test_fixture_from_ja),
        cmocka_unit_test(test_fixture_titles),
        cmocka_unit_test(test_fixture_page_row),
        cmocka_unit_test(test_cell_text),
        cmocka_unit_test(test_findings),
        cmocka_unit_test(test_merge_order),
        cmocka_unit_test(test_title_reference_first),
        cmocka_unit_test(test_page_row_listed_twice),
        cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_corpus),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
