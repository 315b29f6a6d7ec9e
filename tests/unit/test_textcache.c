/* test_textcache.c: pages' searchable text kept on disk between runs:
 * entries come back as they were put, only while the page is unchanged,
 * and a damaged cache file is ignored, never trusted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/textcache.h"
#include "guidenav/util.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/gn-textcache-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char *cmd = gn_xasprintf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    return 0;
}

/* A page's text: two paragraphs, one of them Japanese. */
static gn_pagetext sample(const char *title)
{
    static const char text[] = "First paragraph.\n日本語の段落。\n";
    gn_pagetext t = {.title = gn_xstrdup(title)};
    gn_buf_add(&t.ptext, text, sizeof text - 1);
    t.npars = 2;
    t.pars = gn_xcalloc(2, sizeof *t.pars);
    t.pars[0] = (gn_par){0, 16, 3};
    t.pars[1] = (gn_par){17, strlen("日本語の段落。"), 5};
    return t;
}

static struct stat stat_of(long long size, long long mtime)
{
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_size = (off_t)size;
    st.st_mtim.tv_sec = (time_t)mtime;
    st.st_mtim.tv_nsec = 123;
    st.st_ino = 42;
    return st;
}

static void assert_same(const gn_pagetext *a, const gn_pagetext *b)
{
    assert_string_equal(a->title, b->title);
    assert_int_equal(a->ptext.len, b->ptext.len);
    assert_memory_equal(a->ptext.data, b->ptext.data, a->ptext.len);
    assert_int_equal(a->npars, b->npars);
    for (size_t i = 0; i < a->npars; i++) {
        assert_int_equal(a->pars[i].off, b->pars[i].off);
        assert_int_equal(a->pars[i].len, b->pars[i].len);
        assert_int_equal(a->pars[i].src_line, b->pars[i].src_line);
    }
}

/* The one cache file of dir (there must be exactly one). */
static char *only_file(void)
{
    char *cmd = gn_xasprintf("ls '%s'/guidenav/*.text", dir);
    FILE *p = popen(cmd, "r");
    char line[512] = "";
    assert_non_null(fgets(line, sizeof line, p));
    char more[512];
    assert_null(fgets(more, sizeof more, p));
    pclose(p);
    free(cmd);
    line[strcspn(line, "\n")] = '\0';
    return gn_xstrdup(line);
}

/* c gives back want for path, whose stat is st. */
static void assert_cached(gn_textcache *c, const char *path, const struct stat *st,
                          const gn_pagetext *want)
{
    gn_pagetext got;
    assert_true(gn_textcache_get(c, path, st, &got));
    assert_same(&got, want);
    gn_pagetext_free(&got);
}

static void test_round_trip(void **state)
{
    (void)state;
    char *cdir = gn_path_join(dir, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/docs/set.ja-JP", "ja-JP");
    gn_pagetext a = sample("概要"), b = sample("Second"), got;
    struct stat sa = stat_of(100, 1000), sb = stat_of(200, 2000);
    assert_false(gn_textcache_get(c, "/docs/set.ja-JP/a.md", &sa, &got));
    gn_textcache_put(c, "/docs/set.ja-JP/a.md", &sa, &a);
    /* An entry put is there before the save too. */
    assert_cached(c, "/docs/set.ja-JP/a.md", &sa, &a);
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);

    /* A new run: a's entry is read back; b is added; a is kept. */
    c = gn_textcache_open(cdir, "/docs/set.ja-JP", "ja-JP");
    assert_cached(c, "/docs/set.ja-JP/a.md", &sa, &a);
    gn_textcache_put(c, "/docs/set.ja-JP/b.md", &sb, &b);
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/docs/set.ja-JP", "ja-JP");
    assert_cached(c, "/docs/set.ja-JP/a.md", &sa, &a);
    assert_cached(c, "/docs/set.ja-JP/b.md", &sb, &b);

    /* A page that changed (size, time or inode) is not answered. */
    struct stat changed = stat_of(101, 1000);
    assert_false(gn_textcache_get(c, "/docs/set.ja-JP/a.md", &changed, &got));
    changed = stat_of(100, 1001);
    assert_false(gn_textcache_get(c, "/docs/set.ja-JP/a.md", &changed, &got));
    changed = stat_of(100, 1000);
    changed.st_ino = 43;
    assert_false(gn_textcache_get(c, "/docs/set.ja-JP/a.md", &changed, &got));
    gn_textcache_free(c);

    /* Another language or root is another cache. */
    c = gn_textcache_open(cdir, "/docs/set.ja-JP", "ko-KR");
    assert_false(gn_textcache_get(c, "/docs/set.ja-JP/a.md", &sa, &got));
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/docs/set.ko-KR", "ja-JP");
    assert_false(gn_textcache_get(c, "/docs/set.ja-JP/a.md", &sa, &got));
    gn_textcache_free(c);

    /* Nothing put: saving writes nothing. */
    c = gn_textcache_open(cdir, "/docs/set.ja-JP", "ja-JP");
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    char *file = only_file();
    free(file);
    gn_pagetext_free(&a);
    gn_pagetext_free(&b);
    free(cdir);
}

/* Pruning drops the old entries nobody asked for, asked ones stay (even
 * when their page changed), and the file is rewritten only when one went. */
static void test_prune(void **state)
{
    (void)state;
    char *cdir = gn_path_join(dir, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/r", "ja-JP");
    gn_pagetext a = sample("概要"), b = sample("B"), gone = sample("削除"), got;
    struct stat sa = stat_of(10, 1), sb = stat_of(20, 2), sg = stat_of(30, 3);
    gn_textcache_put(c, "/r/a.md", &sa, &a);
    gn_textcache_put(c, "/r/b.md", &sb, &b);
    gn_textcache_put(c, "/r/gone.md", &sg, &gone);
    gn_textcache_prune(c); /* entries put are never pruned */
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    char *file = only_file();
    struct stat before, after;
    assert_int_equal(stat(file, &before), 0);

    c = gn_textcache_open(cdir, "/r", "ja-JP");
    assert_cached(c, "/r/a.md", &sa, &a);
    struct stat changed = stat_of(21, 2);
    assert_false(gn_textcache_get(c, "/r/b.md", &changed, &got));
    gn_textcache_prune(c);
    assert_false(gn_textcache_get(c, "/r/gone.md", &sg, &got));
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    assert_int_equal(stat(file, &after), 0);
    assert_true(after.st_size < before.st_size);

    c = gn_textcache_open(cdir, "/r", "ja-JP");
    assert_cached(c, "/r/a.md", &sa, &a);
    assert_cached(c, "/r/b.md", &sb, &b);
    assert_false(gn_textcache_get(c, "/r/gone.md", &sg, &got));
    gn_textcache_prune(c); /* nothing to drop: the file stays as it is */
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    assert_int_equal(stat(file, &before), 0);
    assert_int_equal(before.st_ino, after.st_ino);
    assert_int_equal(before.st_size, after.st_size);

    /* Pruning every entry leaves an empty cache, not a damaged one. */
    c = gn_textcache_open(cdir, "/r", "ja-JP");
    gn_textcache_prune(c);
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/r", "ja-JP");
    assert_false(gn_textcache_get(c, "/r/a.md", &sa, &got));
    gn_textcache_put(c, "/r/a.md", &sa, &a);
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/r", "ja-JP");
    assert_cached(c, "/r/a.md", &sa, &a);
    gn_textcache_free(c);
    free(file);
    gn_pagetext_free(&a);
    gn_pagetext_free(&b);
    gn_pagetext_free(&gone);
    free(cdir);
}

/* A replaced entry gives its new text; the old one is gone after a save. */
static void test_replace(void **state)
{
    (void)state;
    char *cdir = gn_path_join(dir, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/r", "en");
    gn_pagetext a = sample("Old"), b = sample("New"), got;
    struct stat s1 = stat_of(10, 1), s2 = stat_of(11, 2);
    gn_textcache_put(c, "/r/p.md", &s1, &a);
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_put(c, "/r/p.md", &s2, &b);
    assert_false(gn_textcache_get(c, "/r/p.md", &s1, &got));
    assert_true(gn_textcache_get(c, "/r/p.md", &s2, &got));
    assert_string_equal(got.title, "New");
    gn_pagetext_free(&got);
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/r", "en");
    assert_true(gn_textcache_get(c, "/r/p.md", &s2, &got));
    assert_string_equal(got.title, "New");
    gn_pagetext_free(&got);
    assert_false(gn_textcache_get(c, "/r/p.md", &s1, &got));
    gn_textcache_free(c);
    gn_pagetext_free(&a);
    gn_pagetext_free(&b);
    free(cdir);
}

/* Write len bytes of data over the file at path. */
static void overwrite(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Every truncation and every single-byte change of a cache file is either
 * ignored or, where the change spares the entry's index record and body,
 * read back exactly; never a wrong text, never a crash. */
static void test_damaged_files(void **state)
{
    (void)state;
    char *cdir = gn_path_join(dir, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/d", "ko-KR");
    gn_pagetext a = sample("한국어"), got;
    struct stat sa = stat_of(7, 7);
    gn_textcache_put(c, "/d/a.md", &sa, &a);
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    char *file = only_file();
    FILE *f = fopen(file, "rb");
    struct stat fs;
    assert_int_equal(stat(file, &fs), 0);
    size_t len = (size_t)fs.st_size;
    char *good = gn_xmalloc(len);
    assert_int_equal(fread(good, 1, len, f), len);
    fclose(f);

    char *bad = gn_xmalloc(len);
    size_t answered = 0;
    for (size_t i = 0; i <= len; i++) {
        for (int kind = 0; kind < 2; kind++) {
            if (kind == 1 && i == len)
                continue;
            memcpy(bad, good, len);
            size_t n = len;
            if (kind == 0)
                n = i; /* truncated at i */
            else
                bad[i] ^= 0x5a; /* one byte changed */
            overwrite(file, bad, n);
            c = gn_textcache_open(cdir, "/d", "ko-KR");
            if (gn_textcache_get(c, "/d/a.md", &sa, &got)) {
                assert_same(&got, &a);
                gn_pagetext_free(&got);
                answered++;
            }
            gn_textcache_free(c);
        }
    }
    /* Only the untruncated file answers (a changed byte is always caught
     * here: no part of this small file is unused). */
    assert_int_equal(answered, 1);
    overwrite(file, good, len);
    c = gn_textcache_open(cdir, "/d", "ko-KR");
    assert_true(gn_textcache_get(c, "/d/a.md", &sa, &got));
    gn_pagetext_free(&got);
    gn_textcache_free(c);

    /* A damaged file is replaced on the next save. */
    overwrite(file, "garbage", 7);
    c = gn_textcache_open(cdir, "/d", "ko-KR");
    assert_false(gn_textcache_get(c, "/d/a.md", &sa, &got));
    gn_textcache_put(c, "/d/a.md", &sa, &a);
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/d", "ko-KR");
    assert_true(gn_textcache_get(c, "/d/a.md", &sa, &got));
    gn_pagetext_free(&got);
    gn_textcache_free(c);
    free(bad);
    free(good);
    free(file);
    gn_pagetext_free(&a);
    free(cdir);
}

/* A folder that cannot be made: the put is dropped and the save says why,
 * naming the path; a cache without a folder does nothing. */
static void test_unwritable(void **state)
{
    (void)state;
    char *blocker = gn_path_join(dir, "file");
    overwrite(blocker, "x", 1);
    char *cdir = gn_path_join(blocker, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/u", "en");
    gn_pagetext a = sample("T"), got;
    struct stat sa = stat_of(1, 1);
    gn_textcache_put(c, "/u/a.md", &sa, &a);
    assert_false(gn_textcache_get(c, "/u/a.md", &sa, &got));
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), -1);
    assert_non_null(strstr(err.msg, blocker));
    gn_textcache_free(c);
    c = gn_textcache_open(NULL, "/u", "en");
    gn_textcache_put(c, "/u/a.md", &sa, &a);
    assert_false(gn_textcache_get(c, "/u/a.md", &sa, &got));
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    gn_pagetext_free(&a);
    free(cdir);
    free(blocker);
}

/* The folder: XDG_CACHE_HOME when absolute, else HOME's .cache when HOME
 * exists (a missing HOME is not made: no cache). */
static void test_dir(void **state)
{
    (void)state;
    setenv("XDG_CACHE_HOME", "/x/cache", 1);
    setenv("HOME", dir, 1);
    char *d = gn_textcache_dir();
    assert_string_equal(d, "/x/cache/guidenav");
    free(d);
    setenv("XDG_CACHE_HOME", "relative", 1);
    d = gn_textcache_dir();
    char *want = gn_xasprintf("%s/.cache/guidenav", dir);
    assert_string_equal(d, want);
    free(want);
    free(d);
    unsetenv("XDG_CACHE_HOME");
    setenv("HOME", "relative", 1);
    assert_null(gn_textcache_dir());
    char *gone = gn_path_join(dir, "gone/x");
    setenv("HOME", gone, 1);
    assert_null(gn_textcache_dir());
    free(gone);
}

/* Text guidenav would never write (a raw U+202E in a title, an ESC in a
 * paragraph), found in a cache file: the entry fails the check before use,
 * where text guidenav wrote passes it. */
static void test_forged(void **state)
{
    (void)state;
    char *cdir = gn_path_join(dir, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/f", "en");
    gn_pagetext bidi = sample("Title \xe2\x80\xae gnp.exe"), esc = sample("Fine"), got;
    esc.ptext.data[3] = '\x1b';
    struct stat sa = stat_of(1, 1), sb = stat_of(2, 2);
    gn_textcache_put(c, "/f/a.md", &sa, &bidi);
    gn_textcache_put(c, "/f/b.md", &sb, &esc);
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    c = gn_textcache_open(cdir, "/f", "en");
    assert_true(gn_textcache_get(c, "/f/a.md", &sa, &got));
    assert_false(gn_pagetext_check(&got));
    gn_pagetext_free(&got);
    assert_true(gn_textcache_get(c, "/f/b.md", &sb, &got));
    assert_false(gn_pagetext_check(&got));
    gn_pagetext_free(&got);
    gn_textcache_free(c);
    gn_pagetext t = sample("概要 <U+202E>");
    assert_true(gn_pagetext_check(&t));
    gn_pagetext_free(&t);
    gn_pagetext_free(&bidi);
    gn_pagetext_free(&esc);
    free(cdir);
}

/* c is refused: nothing is read or written, and the save says why. */
static void assert_refused(const char *cdir, const char *why)
{
    gn_textcache *c = gn_textcache_open(cdir, "/t", "en");
    gn_pagetext a = sample("T"), got;
    struct stat sa = stat_of(1, 1), sb = stat_of(2, 2);
    assert_false(gn_textcache_get(c, "/t/a.md", &sa, &got));
    gn_textcache_put(c, "/t/b.md", &sb, &a);
    assert_false(gn_textcache_get(c, "/t/b.md", &sb, &got));
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), -1);
    assert_non_null(strstr(err.msg, why));
    assert_non_null(strstr(err.msg, "the search cache is not used"));
    gn_textcache_free(c);
    gn_pagetext_free(&a);
}

/* A cache folder or file another user could have written, a FIFO or a
 * symbolic link in place of the file: not used (and a FIFO is not waited
 * on). */
static void test_untrusted(void **state)
{
    (void)state;
    char *cdir = gn_path_join(dir, "guidenav");
    gn_textcache *c = gn_textcache_open(cdir, "/t", "en");
    gn_pagetext a = sample("T");
    struct stat sa = stat_of(1, 1);
    gn_textcache_put(c, "/t/a.md", &sa, &a);
    gn_error err;
    assert_int_equal(gn_textcache_save(c, &err), 0);
    gn_textcache_free(c);
    char *file = only_file();

    assert_int_equal(chmod(cdir, 0777), 0);
    assert_refused(cdir, "writable by others");
    assert_int_equal(chmod(cdir, 0770), 0);
    assert_refused(cdir, "writable by its group");
    assert_int_equal(chmod(cdir, 0700), 0);
    assert_int_equal(chmod(file, 0606), 0);
    assert_refused(cdir, "writable by others");
    assert_int_equal(chmod(file, 0600), 0);
    /* Trusted again: the entry is there. */
    assert_cached(c = gn_textcache_open(cdir, "/t", "en"), "/t/a.md", &sa, &a);
    gn_textcache_free(c);

    char *moved = gn_xasprintf("%s.moved", file);
    assert_int_equal(rename(file, moved), 0);
    assert_int_equal(symlink(moved, file), 0);
    assert_refused(cdir, "a symbolic link");
    assert_int_equal(unlink(file), 0);
    assert_int_equal(mkfifo(file, 0600), 0);
    assert_refused(cdir, "not a regular file");
    free(moved);
    free(file);
    gn_pagetext_free(&a);
    free(cdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prune, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_forged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_untrusted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
