/* test_resolve.c: targets as written resolved to a page, an anchor, a URL,
 * a site path, outside or missing; the confinement check every read
 * passes; the guide that holds a file. The fixture is made at test time in
 * a temporary folder: a repository with two guides, pages with Japanese
 * and Korean names, a folder, links inside and out, and folders with a TOC
 * that discovery does not list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/page.h"
#include "guidenav/resolve.h"
#include "guidenav/source.h"
#include "guidenav/toc.h"
#include "guidenav/util.h"

static char root[256];

/* The absolute path of rel under the temporary folder; newly allocated. */
static char *path_of(const char *rel)
{
    return gn_xasprintf("%s/%s", root, rel);
}

/* Write text to rel under the temporary folder, making its folders. */
static void write_file(const char *rel, const char *text)
{
    unit_write_file(root, rel, text);
}

/* A symbolic link at rel (under the temporary folder) to to (idem). */
static void link_file(const char *to, const char *rel)
{
    char *target = path_of(to), *at = path_of(rel);
    assert_int_equal(symlink(target, at), 0);
    free(target);
    free(at);
}

static const char ja_name[] = "顧客 一覧.md";
static const char ko_name[] = "고객.md";

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gn-resolve-XXXXXX");
    assert_non_null(mkdtemp(root));
    write_file("docs/site.en/help/guide/TOC.md",
               "# Guide\n\n- [Page](page.md)\n- [Other](/help/other/page.md)\n");
    write_file("docs/site.en/help/guide/page.md", "# Page\n");
    write_file("docs/site.en/help/guide/sub/deep.md", "# Deep\n");
    write_file("docs/site.en/help/guide/folder/inner.md", "# Inner\n");
    write_file("docs/site.en/help/guide/顧客 一覧.md", "# 顧客一覧\n");
    write_file("docs/site.en/help/guide/고객.md", "# 고객\n");
    write_file("docs/site.en/help/other/TOC.md", "# Other\n\n- [Page](page.md)\n");
    write_file("docs/site.en/help/other/page.md", "# Other page\n");
    write_file("docs/site.en/extras/deep/TOC.md", "# Extras\n\n- [Note](note.md)\n");
    write_file("docs/site.en/extras/deep/note.md", "# Note\n");
    write_file("docs/site.en/extras/linked/note.md", "# Linked note\n");
    write_file("outside/secret.md", "# Secret\n");
    write_file("outside/TOC.md", "# Not this repository's TOC\n");
    link_file("outside/secret.md", "docs/site.en/help/guide/link-out.md");
    link_file("docs/site.en/help/guide/page.md", "docs/site.en/help/guide/link-in.md");
    link_file("outside/TOC.md", "docs/site.en/extras/linked/TOC.md");
    link_file("outside", "docs/site.en/help/guide/away");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_remove_tree(root);
    return 0;
}

/* s with every byte outside [A-Za-z0-9./-] written %XX, as a site's
 * links spell names; newly allocated. */
static char *pct(const char *s)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '.' || *p == '/' || *p == '-')
            gn_buf_addc(&b, (char)*p);
        else
            gn_buf_addf(&b, "%%%02X", *p);
    }
    return gn_buf_take(&b);
}

/* The locale set of the fixture's repository. */
static void open_set(gn_localeset *set)
{
    char *p = path_of("docs/site.en");
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, set, &err), 0);
    free(p);
    assert_int_equal(set->v[0].nguides, 2);
}

static const char *kind_name(gn_target_kind k)
{
    static const char *const names[] = {"page", "anchor", "external", "site", "outside",
                                        "missing"};
    return names[k];
}

/* One target as written, where, and what it must resolve to. */
typedef struct rcase {
    const char *from;   /* under the repository; NULL: its root */
    const char *target;
    gn_target_kind kind;
    const char *rel;    /* PAGE and MISSING: the file from the repository root */
    const char *anchor;
} rcase;

/* Resolve c in src and compare every field of the answer. */
static void expect(const gn_source *src, const rcase *c)
{
    char *from = c->from ? gn_path_join(src->repo, c->from) : NULL;
    gn_target t;
    gn_resolve(src, from, c->target, &t);
    if (t.kind != c->kind)
        fail_msg("%s (in %s): %s, expected %s", c->target, c->from ? c->from : "/",
                 kind_name(t.kind), kind_name(c->kind));
    if (c->rel) {
        if (!t.rel || strcmp(t.rel, c->rel) != 0)
            fail_msg("%s: rel %s, expected %s", c->target, t.rel ? t.rel : "NULL", c->rel);
        char *file = *c->rel ? gn_path_join(src->repo, c->rel) : gn_xstrdup(src->repo);
        assert_string_equal(t.file, file);
        free(file);
    } else {
        assert_null(t.rel);
    }
    if (c->anchor) {
        if (!t.anchor || strcmp(t.anchor, c->anchor) != 0)
            fail_msg("%s: anchor %s, expected %s", c->target, t.anchor ? t.anchor : "NULL",
                     c->anchor);
    } else {
        assert_null(t.anchor);
    }
    if (c->kind == GN_TARGET_OUTSIDE) {
        assert_non_null(t.file);
        assert_string_equal(t.why, GN_OUTSIDE_MSG);
    }
    if (c->kind == GN_TARGET_EXTERNAL || c->kind == GN_TARGET_ANCHOR || c->kind == GN_TARGET_SITE)
        assert_null(t.file);
    gn_target_free(&t);
    free(from);
}

/* Every form of target resolve.h lists, written in a TOC, in a page and
 * at the repository root. */
static void test_target_forms(void **state)
{
    (void)state;
    gn_localeset set;
    open_set(&set);
    const gn_source *src = &set.v[0];
    const char *toc = "help/guide/TOC.md", *page = "help/guide/page.md";
    const char *deep = "help/guide/sub/deep.md";
    char *ja = pct(ja_name), *ko = pct(ko_name), *ja_up = gn_xasprintf("../%s", ja);
    char *ja_root = gn_xasprintf("/help/guide/%s#%s", ja, "%E6%A6%82%E8%A6%81");
    const rcase cases[] = {
        {toc, "page.md", GN_TARGET_PAGE, "help/guide/page.md", NULL},
        {toc, "./page.md", GN_TARGET_PAGE, "help/guide/page.md", NULL},
        {toc, "./sub/deep.md", GN_TARGET_PAGE, "help/guide/sub/deep.md", NULL},
        {deep, "../page.md", GN_TARGET_PAGE, "help/guide/page.md", NULL},
        {page, "../other/page.md", GN_TARGET_PAGE, "help/other/page.md", NULL},
        {toc, "/help/other/page.md", GN_TARGET_PAGE, "help/other/page.md", NULL},
        {deep, "/help/other/page.md", GN_TARGET_PAGE, "help/other/page.md", NULL},
        {NULL, "help/guide/page.md", GN_TARGET_PAGE, "help/guide/page.md", NULL},
        {toc, ja, GN_TARGET_PAGE, "help/guide/顧客 一覧.md", NULL},
        {toc, ko, GN_TARGET_PAGE, "help/guide/고객.md", NULL},
        {deep, ja_up, GN_TARGET_PAGE, "help/guide/顧客 一覧.md", NULL},
        {page, ja_root, GN_TARGET_PAGE, "help/guide/顧客 一覧.md", "概要"},
        {toc, ja_name, GN_TARGET_PAGE, "help/guide/顧客 一覧.md", NULL},
        {page, "page.md#x", GN_TARGET_PAGE, "help/guide/page.md", "x"},
        {page, "page.md/#x", GN_TARGET_PAGE, "help/guide/page.md", "x"},
        {page, "/help/other/page.md/#set-up", GN_TARGET_PAGE, "help/other/page.md", "set-up"},
        {page, "page.md?view=1#y", GN_TARGET_PAGE, "help/guide/page.md", "y"},
        {page, "page.md#", GN_TARGET_PAGE, "help/guide/page.md", NULL},
        {page, "link-in.md", GN_TARGET_PAGE, "help/guide/link-in.md", NULL},
        {page, "#x", GN_TARGET_ANCHOR, NULL, "x"},
        {page, "#%E6%A6%82%E8%A6%81", GN_TARGET_ANCHOR, NULL, "概要"},
        {page, "https://example.org/page.md", GN_TARGET_EXTERNAL, NULL, NULL},
        {page, "mailto:docs@example.org", GN_TARGET_EXTERNAL, NULL, NULL},
        {page, "//cdn.example.org/logo.png", GN_TARGET_EXTERNAL, NULL, NULL},
        {page, "/docs/commerce/admin/start.html", GN_TARGET_SITE, NULL, NULL},
        {page, "/docs/commerce/admin/start.html#x", GN_TARGET_SITE, NULL, "x"},
        {page, "/../../../tmp/x", GN_TARGET_OUTSIDE, NULL, NULL},
        {toc, "../../../../outside/secret.md", GN_TARGET_OUTSIDE, NULL, NULL},
        {toc, "../../../../outside/none.md", GN_TARGET_OUTSIDE, NULL, NULL},
        {page, "link-out.md", GN_TARGET_OUTSIDE, NULL, NULL},
        {page, "away/secret.md", GN_TARGET_OUTSIDE, NULL, NULL},
        {page, "folder", GN_TARGET_MISSING, "help/guide/folder", NULL},
        {page, "folder/", GN_TARGET_MISSING, "help/guide/folder", NULL},
        {page, "../", GN_TARGET_MISSING, "help", NULL},
        {page, "../../", GN_TARGET_MISSING, "", NULL},
        {page, "/", GN_TARGET_MISSING, "", NULL},
        {page, "gone.md", GN_TARGET_MISSING, "help/guide/gone.md", NULL},
        {page, "/help/gone/page.md#x", GN_TARGET_MISSING, "help/gone/page.md", "x"},
        {page, "%E3%81%AA%E3%81%84.md", GN_TARGET_MISSING, "help/guide/%E3%81%AA%E3%81%84.md",
         NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect(src, &cases[i]);
    free(ja);
    free(ko);
    free(ja_up);
    free(ja_root);
    gn_localeset_free(&set);
}

/* A TOC entry resolves from its guide's folder, like a link in its TOC. */
static void test_resolve_in_guide(void **state)
{
    (void)state;
    gn_localeset set;
    open_set(&set);
    const gn_source *src = &set.v[0];
    const gn_guide *other = gn_source_guide(src, "help/other");
    assert_non_null(other);
    static const struct { const char *page, *rel; gn_target_kind kind; } cases[] = {
        {"page.md", "help/other/page.md", GN_TARGET_PAGE},
        {"page.md#part", "help/other/page.md", GN_TARGET_PAGE},
        {"../guide/page.md", "help/guide/page.md", GN_TARGET_PAGE},
        {"/help/guide/sub/deep.md", "help/guide/sub/deep.md", GN_TARGET_PAGE},
        {"gone.md", "help/other/gone.md", GN_TARGET_MISSING},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_target t;
        gn_resolve_in_guide(src, other, cases[i].page, &t);
        assert_int_equal(t.kind, cases[i].kind);
        assert_string_equal(t.rel, cases[i].rel);
        gn_target_free(&t);
    }
    gn_localeset_free(&set);
}

static void test_url_is_external(void **state)
{
    (void)state;
    static const char *const yes[] = {"https://example.org", "HTTP://x", "mailto:a@b.c",
                                      "tel:+1", "git+ssh://host/x", "//host/x.png"};
    static const char *const no[] = {"page.md", "/help/x.md", "./a:b.md", "1http://x",
                                     "#anchor", "", "/", "sub/page.md"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!gn_url_is_external(yes[i]))
            fail_msg("%s: expected external", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (gn_url_is_external(no[i]))
            fail_msg("%s: expected not external", no[i]);
}

/* OSC 8 hyperlinks: only web and mail addresses, every byte outside
 * printable ASCII percent-encoded, too long ones left out. */
static void test_hyperlink_open(void **state)
{
    (void)state;
    static const struct { const char *url, *want; } cases[] = {
        {"https://example.org/docs", "\033]8;;https://example.org/docs\033\\"},
        {"HTTP://x/a b", "\033]8;;HTTP://x/a%20b\033\\"},
        {"mailto:a@b.c", "\033]8;;mailto:a@b.c\033\\"},
        {"https://x/\033]8;;evil\033\\\a\x9c\x7f", "\033]8;;https://x/%1B]8;;evil%1B\\%07%9C%7F\033\\"},
        {"https://x/caf\xc3\xa9", "\033]8;;https://x/caf%C3%A9\033\\"},
        {"page.md", NULL}, {"//host/x", NULL}, {"tel:+1", NULL}, {"ftp://x", NULL},
        {"javascript:alert(1)", NULL}, {"#top", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        gn_buf b = GN_BUF_INIT;
        gn_buf_adds(&b, "<");
        bool made = gn_hyperlink_open(&b, cases[i].url);
        if (made != (cases[i].want != NULL))
            fail_msg("%s: made %d", cases[i].url, made);
        char *want = gn_xasprintf("<%s", cases[i].want ? cases[i].want : "");
        if (strcmp(b.data, want) != 0)
            fail_msg("%s: got %s", cases[i].url, b.data);
        free(want);
        gn_buf_free(&b);
    }
    /* The longest URL made a hyperlink, and one byte more. */
    gn_buf url = GN_BUF_INIT, b = GN_BUF_INIT;
    gn_buf_adds(&url, "https://x/");
    while (url.len < GN_HYPERLINK_MAX)
        gn_buf_addc(&url, 'a');
    assert_true(gn_hyperlink_open(&b, url.data));
    assert_int_equal(b.len, GN_HYPERLINK_MAX + 7);
    gn_buf_reset(&b);
    gn_buf_addc(&url, 'a');
    assert_false(gn_hyperlink_open(&b, url.data));
    assert_int_equal(b.len, 0);
    gn_buf_free(&url);
    gn_buf_free(&b);
}

/* The check before every read: a regular file inside the repository,
 * through no link leading out. */
static void test_check_read(void **state)
{
    (void)state;
    gn_localeset set;
    open_set(&set);
    const gn_source *src = &set.v[0];
    static const struct { const char *rel, *error; } cases[] = {
        {"docs/site.en/help/guide/page.md", NULL},
        {"docs/site.en/help/guide/link-in.md", NULL},
        {"docs/site.en/help/guide/sub/../page.md", NULL},
        {"docs/site.en/help/guide/고객.md", NULL},
        {"docs/site.en/help/guide/link-out.md", ": " GN_OUTSIDE_MSG},
        {"docs/site.en/help/guide/away/secret.md", ": " GN_OUTSIDE_MSG},
        {"docs/site.en/help/guide/../../../../outside/secret.md", ": " GN_OUTSIDE_MSG},
        {"outside/secret.md", ": " GN_OUTSIDE_MSG},
        {"docs/site.en/help/guide/gone.md", ": no such file"},
        {"docs/site.en/help/guide/folder", ": not a file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = path_of(cases[i].rel);
        gn_error err = {{0}};
        int rc = gn_source_check_read(src, path, &err);
        if (!cases[i].error) {
            if (rc != 0)
                fail_msg("%s: refused: %s", cases[i].rel, err.msg);
        } else {
            char *want = gn_xasprintf("%s%s", path, cases[i].error);
            if (rc != -1 || strcmp(err.msg, want) != 0)
                fail_msg("%s: %d \"%s\", expected \"%s\"", cases[i].rel, rc, err.msg, want);
            free(want);
        }
        free(path);
    }
    gn_localeset_free(&set);
}

/* The read itself is confined on the open descriptor: a page that is a
 * link out (what a swap after gn_source_check_read would leave) is refused
 * by gn_page_load_within in the same words, and a page inside, a link
 * inside and a Korean name are read. */
static void test_read_within(void **state)
{
    (void)state;
    gn_localeset set;
    open_set(&set);
    const gn_source *src = &set.v[0];
    static const struct { const char *rel; bool read; } cases[] = {
        {"docs/site.en/help/guide/page.md", true},
        {"docs/site.en/help/guide/link-in.md", true},
        {"docs/site.en/help/guide/고객.md", true},
        {"docs/site.en/help/guide/link-out.md", false},
        {"docs/site.en/help/guide/away/secret.md", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = path_of(cases[i].rel);
        gn_page page;
        gn_error err = {{0}};
        int rc = gn_page_load_within(path, src->real_repo, &page, &err);
        gn_page_free(&page);
        if (cases[i].read && rc != 0)
            fail_msg("%s: refused: %s", cases[i].rel, err.msg);
        if (!cases[i].read) {
            char *want = gn_xasprintf("%s: " GN_OUTSIDE_MSG, path);
            if (rc != -1 || strcmp(err.msg, want) != 0)
                fail_msg("%s: %d \"%s\", expected \"%s\"", cases[i].rel, rc, err.msg, want);
            free(want);
        }
        /* Unconfined, the same path is read: the check is what refuses. */
        if (!cases[i].read) {
            assert_int_equal(gn_page_load(path, &page, &err), 0);
            gn_page_free(&page);
        }
        free(path);
    }
    gn_localeset_free(&set);
}

/* The guide holding a file: the deepest guide folder holding it, else the
 * nearest folder with a TOC of the repository's own, adopted. */
static void test_guide_of(void **state)
{
    (void)state;
    gn_localeset set;
    open_set(&set);
    gn_source *src = &set.v[0];
    static const struct { const char *rel, *id, *page; } cases[] = {
        {"docs/site.en/help/guide/page.md", "help/guide", "page.md"},
        {"docs/site.en/help/guide/sub/deep.md", "help/guide", "sub/deep.md"},
        {"docs/site.en/help/other/page.md", "help/other", "page.md"},
        {"docs/site.en/extras/deep/note.md", "extras/deep", "note.md"}, /* adopted */
        {"docs/site.en/extras/linked/note.md", NULL, NULL}, /* its TOC links out */
        {"docs/site.en/help/stray.md", NULL, NULL},
        {"outside/secret.md", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *file = path_of(cases[i].rel);
        const char *page = NULL;
        gn_guide *g = gn_source_guide_of(src, file, &page);
        if (!cases[i].id) {
            if (g)
                fail_msg("%s: in guide %s, expected none", cases[i].rel, g->id);
        } else {
            if (!g)
                fail_msg("%s: in no guide, expected %s", cases[i].rel, cases[i].id);
            assert_string_equal(g->id, cases[i].id);
            assert_string_equal(page, cases[i].page);
        }
        free(file);
    }
    /* Adopted once: asked again, the same guide. */
    assert_int_equal(src->nguides, 3);
    char *note = path_of("docs/site.en/extras/deep/note.md");
    const char *page;
    assert_non_null(gn_source_guide_of(src, note, &page));
    assert_int_equal(src->nguides, 3);
    free(note);
    gn_localeset_free(&set);
}

/* A TOC that is a link out of the repository makes no guide, at
 * discovery as when a file's guide is looked for. */
static void test_toc_linked_out(void **state)
{
    (void)state;
    write_file("linked/set.en/help/real/TOC.md", "# Real\n");
    write_file("linked/set.en/help/fake/page.md", "# Page\n");
    link_file("outside/TOC.md", "linked/set.en/help/fake/TOC.md");
    char *p = path_of("linked/set.en");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    assert_int_equal(set.v[0].nguides, 1);
    assert_string_equal(set.v[0].guides[0].id, "help/real");
    gn_localeset_free(&set);
    free(p);
    /* A source whose only TOC links out holds no guide. */
    p = path_of("linked/set.en/help/fake");
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), -1);
    free(p);
}

/* A TOC swapped for a link out after the guides were found is refused
 * when read, its title included: the check is made on the file as opened. */
static void test_toc_swapped_out(void **state)
{
    (void)state;
    write_file("swapped/set.en/help/guide/TOC.md", "---\nuser-guide-title: Mine\n---\n# Mine\n");
    char *p = path_of("swapped/set.en");
    gn_localeset set;
    gn_error err = {{0}};
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    free(p);
    assert_int_equal(set.v[0].nguides, 1);
    gn_guide *g = &set.v[0].guides[0];
    char *toc = path_of("swapped/set.en/help/guide/TOC.md");
    assert_int_equal(unlink(toc), 0);
    link_file("outside/TOC.md", "swapped/set.en/help/guide/TOC.md");
    /* Neither its title (read from the front matter alone) nor the list. */
    assert_string_equal(gn_guide_title(g), "guide");
    assert_null(gn_guide_toc(g, &err));
    char *want = gn_xasprintf("%s: " GN_OUTSIDE_MSG, toc);
    assert_string_equal(err.msg, want);
    free(want);
    /* Unconfined, the same path is read: the check is what refuses. */
    gn_toc t;
    assert_int_equal(gn_toc_load(toc, NULL, &t, &err), 0);
    assert_string_equal(gn_toc_title(&t), "Not this repository's TOC");
    gn_toc_free(&t);
    free(toc);
    gn_localeset_free(&set);
}

/* The source of the guide above a file, found without discovery: its
 * repository confines the reads of --dump. */
static void test_source_of_file(void **state)
{
    (void)state;
    gn_source src;
    char *file = path_of("docs/site.en/help/guide/sub/deep.md");
    char *repo = path_of("docs/site.en");
    assert_int_equal(gn_source_of_file(file, &src), 0);
    assert_string_equal(src.repo, repo);
    assert_int_equal(gn_source_check_read(&src, file, NULL), 0);
    gn_source_free(&src);
    free(file);
    file = path_of("docs/site.en/help/guide/link-out.md");
    gn_error err;
    assert_int_equal(gn_source_of_file(file, &src), 0);
    assert_int_equal(gn_source_check_read(&src, file, &err), -1);
    assert_non_null(strstr(err.msg, GN_OUTSIDE_MSG));
    gn_source_free(&src);
    free(file);
    write_file("loose/notes.md", "# Notes\n");
    file = path_of("loose/notes.md"); /* in no guide */
    assert_int_equal(gn_source_of_file(file, &src), -1);
    free(file);
    free(repo);
}

/* A repository whose path holds a '%': only the target is decoded. */
static void test_percent_in_repository_path(void **state)
{
    (void)state;
    write_file("odd%41name.en/help/g/TOC.md", "# G\n");
    write_file("odd%41name.en/help/g/고객.md", "# 고객\n");
    char *p = path_of("odd%41name.en");
    gn_localeset set;
    gn_error err;
    assert_int_equal(gn_localeset_discover(&p, 1, &set, &err), 0);
    char *ko = pct(ko_name);
    rcase c = {"help/g/TOC.md", ko, GN_TARGET_PAGE, "help/g/고객.md", NULL};
    expect(&set.v[0], &c);
    free(ko);
    gn_localeset_free(&set);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_target_forms),
        cmocka_unit_test(test_resolve_in_guide),
        cmocka_unit_test(test_url_is_external),
        cmocka_unit_test(test_check_read),
        cmocka_unit_test(test_read_within),
        cmocka_unit_test(test_guide_of),
        cmocka_unit_test(test_toc_linked_out),
        cmocka_unit_test(test_toc_swapped_out),
        cmocka_unit_test(test_source_of_file),
        cmocka_unit_test(test_percent_in_repository_path),
        cmocka_unit_test(test_hyperlink_open),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
