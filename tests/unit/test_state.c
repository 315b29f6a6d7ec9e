/* test_state.c: the state file's name, format, atomic saves and corrupt
 * files. Each test that touches the disk gets its own mkdtemp folder,
 * removed in teardown. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/state.h"
#include "guidenav/util.h"

#define FIXTURES GN_FIXTURES "/state"

/* ---------- helpers ---------- */

static int setup_tmp(void **state)
{
    const char *base = getenv("TMPDIR");
    char *tmpl = gn_xasprintf("%s/gn-state-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpl)) {
        free(tmpl);
        return -1;
    }
    *state = tmpl;
    return 0;
}

static int make_writable(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    if (type == FTW_D || type == FTW_DNR)
        chmod(path, 0700);
    return 0;
}

static int remove_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

static int teardown_tmp(void **state)
{
    char *dir = *state;
    nftw(dir, make_writable, 16, FTW_PHYS);
    int rc = nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
    return rc;
}

static void write_bytes(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path, size_t *len)
{
    char *data;
    gn_error err;
    if (gn_read_file(path, &data, len, &err) != 0)
        fail_msg("%s", err.msg);
    return data;
}

/* Entries of dir other than ".", "..", keep (may be NULL) and keep's
 * lock file (keep.lock), which saves leave beside it. */
static int count_others(const char *dir, const char *keep)
{
    char *lock = keep ? gn_xasprintf("%s.lock", keep) : NULL;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (keep && (strcmp(e->d_name, keep) == 0 || strcmp(e->d_name, lock) == 0))
            continue;
        n++;
    }
    closedir(d);
    free(lock);
    return n;
}

/* The file at path holds exactly the text want. */
static void assert_file_is(const char *path, const char *want)
{
    size_t n;
    char *text = slurp(path, &n);
    assert_string_equal(text, want);
    free(text);
}

static void assert_state_empty(const gn_state *st)
{
    gn_state zero;
    memset(&zero, 0, sizeof zero);
    assert_memory_equal(st, &zero, sizeof zero);
}

static void assert_str_or_null(const char *got, const char *want)
{
    if (!want)
        assert_null(got);
    else {
        assert_non_null(got);
        assert_string_equal(got, want);
    }
}

static void assert_spot(const gn_spot *s, const char *locale, const char *guide,
                        const char *page, size_t top)
{
    assert_str_or_null(s->locale, locale);
    assert_str_or_null(s->guide, guide);
    assert_str_or_null(s->page, page);
    assert_int_equal(s->top, top);
}

/* The state that tests/fixtures/state/v1.state holds. */
static void sample_state(gn_state *st)
{
    memset(st, 0, sizeof *st);
    gn_spot_set(&st->last, "ja-JP", "help/customers", "顧客の管理.md", 42);
    st->compare = true;
    st->right_locale = gn_xstrdup("en");
    gn_spot_set(&st->marks[0], "en", NULL, "tab\there\\and back.md", 0);
    gn_spot_set(&st->marks[25], "ja-JP", "help/orders", "注文/概要.md", 7);
}

static void assert_sample(const gn_state *st)
{
    assert_spot(&st->last, "ja-JP", "help/customers", "顧客の管理.md", 42);
    assert_true(st->compare);
    assert_str_or_null(st->right_locale, "en");
    assert_spot(&st->marks[0], "en", NULL, "tab\there\\and back.md", 0);
    assert_spot(&st->marks[25], "ja-JP", "help/orders", "注文/概要.md", 7);
    for (int i = 1; i < 25; i++)
        assert_spot(&st->marks[i], NULL, NULL, NULL, 0);
    for (int i = 0; i < 26; i++)
        assert_int_equal(st->marks[i].set, 0); /* no set times in v1.state */
}

/* ---------- the file's name ---------- */

static void test_path_naming(void **state)
{
    (void)state;
    gn_source two[] = {{.tag = "en", .root = "/srv/docs/a.en"},
                       {.tag = "ja-JP", .root = "/srv/docs/a.ja-JP"}};
    gn_source swapped[] = {two[1], two[0]};
    gn_source other[] = {two[0]};
    gn_localeset set = {two, 2}, set2 = {swapped, 2}, set3 = {other, 1};

    char *p = gn_state_path(&set, "/home/u/st");
    assert_non_null(p);
    /* FNV-1a 64 of "/srv/docs/a.en\n/srv/docs/a.ja-JP". */
    assert_string_equal(p, "/home/u/st/guidenav/f8d339169048b46a.state");
    char *q = gn_state_path(&set2, "/home/u/st");
    assert_string_equal(p, q);
    char *r = gn_state_path(&set3, "/home/u/st");
    assert_string_not_equal(p, r);
    assert_int_equal(strlen(gn_path_basename(r)), 16 + strlen(".state"));
    free(p);
    free(q);
    free(r);
}

static void restore_env(const char *name, char *saved)
{
    if (saved) {
        setenv(name, saved, 1);
        free(saved);
    } else
        unsetenv(name);
}

static void test_path_env(void **state)
{
    (void)state;
    char *old_xdg = getenv("XDG_STATE_HOME") ? gn_xstrdup(getenv("XDG_STATE_HOME")) : NULL;
    char *old_home = getenv("HOME") ? gn_xstrdup(getenv("HOME")) : NULL;
    gn_source one[] = {{.tag = "en", .root = "/x"}};
    gn_localeset set = {one, 1};
    const char *name = "07d64e07b49caeb2.state"; /* FNV-1a 64 of "/x" */
    char *want, *p;

    setenv("HOME", "/tmp", 1); /* a HOME that exists (a missing one is not used) */
    setenv("XDG_STATE_HOME", "/var/xdg", 1);
    p = gn_state_path(&set, NULL);
    want = gn_xasprintf("/var/xdg/guidenav/%s", name);
    assert_string_equal(p, want);
    free(p);
    free(want);

    /* An explicit folder wins over the environment. */
    p = gn_state_path(&set, "/opt/st");
    want = gn_xasprintf("/opt/st/guidenav/%s", name);
    assert_string_equal(p, want);
    free(p);
    free(want);

    /* A relative XDG_STATE_HOME is ignored, as the XDG spec asks. */
    setenv("XDG_STATE_HOME", "relative/state", 1);
    p = gn_state_path(&set, NULL);
    want = gn_xasprintf("/tmp/.local/state/guidenav/%s", name);
    assert_string_equal(p, want);
    free(p);

    unsetenv("XDG_STATE_HOME");
    p = gn_state_path(&set, NULL);
    assert_string_equal(p, want);
    free(p);
    free(want);

    /* No HOME, or one that does not exist, and no XDG_STATE_HOME: no
     * folder can be named. */
    setenv("HOME", "/nonexistent/reader", 1);
    assert_null(gn_state_path(&set, NULL));
    unsetenv("HOME");
    assert_null(gn_state_path(&set, NULL));

    restore_env("XDG_STATE_HOME", old_xdg);
    restore_env("HOME", old_home);
}

/* ---------- spots ---------- */

static void test_spot_set_and_free(void **state)
{
    (void)state;
    gn_state st;
    memset(&st, 0, sizeof st);
    char page[] = "a.md";
    gn_spot_set(&st.last, "en", "help/g", page, 3);
    page[0] = 'b'; /* copies, not borrowed pointers */
    assert_spot(&st.last, "en", "help/g", "a.md", 3);
    /* Arguments may be the spot's own strings. */
    gn_spot_set(&st.last, st.last.page, st.last.locale, NULL, 4);
    assert_spot(&st.last, "a.md", "en", NULL, 4);
    st.right_locale = gn_xstrdup("fr-FR");
    gn_spot_set(&st.marks[3], "de-DE", NULL, "x.md", 1);
    gn_state_free(&st);
    assert_state_empty(&st);
    gn_state_free(&st); /* freeing an empty state is fine */
}

/* ---------- saving and loading ---------- */

static void test_round_trip(void **state)
{
    const char *tmp = *state;
    char *dir = gn_xasprintf("%s/deep/er/guidenav", tmp);
    char *path = gn_path_join(dir, "0123456789abcdef.state");
    gn_state st, back;
    gn_error err;
    sample_state(&st);
    if (gn_state_save(path, &st, &err) != 0)
        fail_msg("%s", err.msg);

    /* Missing folders were made private; the file too (mkstemp). */
    struct stat sb;
    assert_int_equal(stat(dir, &sb), 0);
    assert_int_equal(sb.st_mode & 0077, 0);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(count_others(dir, "0123456789abcdef.state"), 0);

    /* The bytes are the documented format. */
    size_t n, m;
    char *got = slurp(path, &n);
    char *want = slurp(FIXTURES "/v1.state", &m);
    assert_int_equal(n, m);
    assert_memory_equal(got, want, n);
    free(got);
    free(want);

    if (gn_state_load(path, &back, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    assert_sample(&back);

    /* Saving again replaces the place and the compare view; a bookmark
     * the saver lacks is kept from the file (saves merge bookmarks). */
    gn_spot_set(&back.marks[25], NULL, NULL, NULL, 0);
    gn_spot_set(&back.last, "en", NULL, "b.md", 1);
    back.compare = false;
    free(back.right_locale);
    back.right_locale = NULL;
    assert_int_equal(gn_state_save(path, &back, &err), 0);
    assert_spot(&back.marks[25], "ja-JP", "help/orders", "注文/概要.md", 7);
    gn_state again;
    assert_int_equal(gn_state_load(path, &again, NULL, &err), 0);
    assert_false(again.compare);
    assert_null(again.right_locale);
    assert_spot(&again.last, "en", NULL, "b.md", 1);
    assert_spot(&again.marks[25], "ja-JP", "help/orders", "注文/概要.md", 7);
    assert_spot(&again.marks[0], "en", NULL, "tab\there\\and back.md", 0);

    gn_state_free(&st);
    gn_state_free(&back);
    gn_state_free(&again);
    free(path);
    free(dir);
}

static void test_load_fixture(void **state)
{
    (void)state;
    gn_state st;
    gn_error err;
    if (gn_state_load(FIXTURES "/v1.state", &st, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    assert_sample(&st);
    gn_state_free(&st);
}

/* Keys and fields a newer guidenav may add are skipped, not errors. */
static void test_forward_compatible(void **state)
{
    (void)state;
    gn_state st;
    gn_error err;
    if (gn_state_load(FIXTURES "/future.state", &st, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    assert_spot(&st.last, "en", "help/a", "page.md", 3);
    assert_spot(&st.marks['q' - 'a'], "fr-FR", "help/b", "x.md", 1);
    assert_false(st.compare);
    assert_null(st.right_locale);
    gn_state_free(&st);
}

static void test_missing_file(void **state)
{
    const char *tmp = *state;
    char *path = gn_xasprintf("%s/nope/none.state", tmp);
    gn_state st;
    gn_error err = {{0}};
    assert_int_equal(gn_state_load(path, &st, NULL, &err), 0);
    assert_state_empty(&st);
    free(path);
}

static void test_corrupt_files(void **state)
{
    const char *tmp = *state;
    static const struct {
        const char *what;
        const char *data;
        size_t len;
        const char *where; /* ":LINE:" */
        const char *says;
    } cases[] = {
#define C(what, lit, where, says) {what, lit, sizeof lit - 1, where, says}
        C("bad header", "guidenav-state 9\ncompare\t0\n", ":1:", "first line"),
        C("not a state file", "# my notes\n", ":1:", "first line"),
        C("empty file", "", ":1:", "empty"),
        C("garbage line", "guidenav-state 1\ncompare\t1\nGARBAGE\n", ":3:", "without a TAB"),
        C("blank line", "guidenav-state 1\n\ncompare\t1\n", ":2:", "without a TAB"),
        C("bad number", "guidenav-state 1\nright\ten\nlast\ten\thelp/a\tp.md\t12x\n", ":3:", "bad number"),
        C("negative number", "guidenav-state 1\nmark.c\ten\t\tp.md\t-1\n", ":2:", "bad number"),
        C("overflowing number", "guidenav-state 1\nmark.c\ten\t\tp.md\t99999999999999999999999\n", ":2:",
          "bad number"),
        C("bad compare", "guidenav-state 1\ncompare\tyes\n", ":2:", "bad number"),
        C("NUL byte", "guidenav-state 1\ncompare\t1\nlast\ten\t\tp\0q.md\t0\n", ":3:", "NUL"),
        C("too few fields", "guidenav-state 1\nlast\ten\thelp/a\n", ":2:", "fields"),
        C("bad escape", "guidenav-state 1\nright\ten\\x\n", ":2:", "escape"),
        C("bad set time", "guidenav-state 1\nmark.c\ten\t\tp.md\t1\tsoon\n", ":2:", "bad number"),
        C("lone backslash", "guidenav-state 1\nright\ten\\\n", ":2:", "backslash"),
#undef C
    };
    char *path = gn_path_join(tmp, "bad.state");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_bytes(path, cases[i].data, cases[i].len);
        gn_state st;
        gn_error err = {{0}};
        if (gn_state_load(path, &st, NULL, &err) != -1)
            fail_msg("%s: loaded", cases[i].what);
        char *where = gn_xasprintf("%s%s", path, cases[i].where);
        if (strncmp(err.msg, where, strlen(where)) != 0 || !strstr(err.msg, cases[i].says))
            fail_msg("%s: message \"%s\", wanted \"%s ... %s\"", cases[i].what, err.msg,
                     where, cases[i].says);
        free(where);
        assert_state_empty(&st);
    }
    free(path);
}

/* The size limit: exactly 1 MiB loads, one byte more is refused. */
static void test_size_limit(void **state)
{
    const char *tmp = *state;
    char *path = gn_path_join(tmp, "big.state");
    size_t mib = (size_t)1 << 20;
    char *data = gn_xmalloc(mib + 1);
    const char *head = "guidenav-state 1\ncompare\t1\nfuture\t";
    memcpy(data, head, strlen(head));
    memset(data + strlen(head), 'x', mib - strlen(head) - 1);
    data[mib - 1] = '\n';
    gn_state st;
    gn_error err;

    write_bytes(path, data, mib);
    if (gn_state_load(path, &st, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    assert_true(st.compare);
    gn_state_free(&st);

    data[mib - 1] = 'x';
    data[mib] = '\n';
    write_bytes(path, data, mib + 1);
    assert_int_equal(gn_state_load(path, &st, NULL, &err), -1);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "1 MiB"));
    assert_state_empty(&st);
    free(data);
    free(path);
}

/* A state path that is a folder: an error naming it, not a hang or a crash. */
static void test_unreadable(void **state)
{
    const char *tmp = *state;
    gn_state st;
    gn_error err;
    assert_int_equal(gn_state_load(tmp, &st, NULL, &err), -1);
    assert_non_null(strstr(err.msg, tmp));
    assert_state_empty(&st);
}

/* ---------- failing saves ---------- */

static void test_readonly_folder(void **state)
{
    const char *tmp = *state;
    char *dir = gn_path_join(tmp, "guidenav");
    char *path = gn_path_join(dir, "ro.state");
    char *nested = gn_xasprintf("%s/sub/guidenav/ro.state", dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(chmod(dir, 0500), 0);

    /* Root ignores permissions: find out before relying on them. */
    char *probe = gn_path_join(dir, "probe");
    int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
        close(fd);
        unlink(probe);
        chmod(dir, 0700);
        free(probe);
        free(nested);
        free(path);
        free(dir);
        print_message("# running as root: a read-only folder is still writable, "
                      "so the failing save cannot be tested here\n");
        skip();
    }
    free(probe);

    gn_state st;
    gn_error err = {{0}};
    sample_state(&st);
    assert_int_equal(gn_state_save(path, &st, &err), -1);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, strerror(EACCES)));
    assert_int_equal(count_others(dir, NULL), 0);

    /* Folders that would have to be made inside it. */
    err.msg[0] = '\0';
    assert_int_equal(gn_state_save(nested, &st, &err), -1);
    assert_non_null(strstr(err.msg, dir));
    assert_int_equal(count_others(dir, NULL), 0);

    chmod(dir, 0700);
    gn_state_free(&st);
    free(nested);
    free(path);
    free(dir);
}

/* A folder component that is a regular file (fails even for root). */
static void test_folder_is_a_file(void **state)
{
    const char *tmp = *state;
    char *file = gn_path_join(tmp, "plain");
    write_bytes(file, "x", 1);
    char *path = gn_xasprintf("%s/guidenav/a.state", file);
    gn_state st;
    gn_error err = {{0}};
    sample_state(&st);
    assert_int_equal(gn_state_save(path, &st, &err), -1);
    assert_non_null(strstr(err.msg, file));
    assert_non_null(strstr(err.msg, "a file is in the way"));
    assert_int_equal(count_others(tmp, NULL), 1);
    gn_state_free(&st);
    free(path);
    free(file);
}

/* A write that fails half-way (here: the file size limit, which binds
 * root too, standing in for a full disk) leaves the old file whole and no
 * temporary file. The save runs in a child, which reports by exit code. */
static void test_write_failure(void **state)
{
    const char *tmp = *state;
    char *path = gn_path_join(tmp, "full.state");
    gn_state st, big;
    gn_error err;
    sample_state(&st);
    assert_int_equal(gn_state_save(path, &st, &err), 0);

    memset(&big, 0, sizeof big);
    char page[400];
    memset(page, 'p', sizeof page - 1);
    page[sizeof page - 1] = '\0';
    for (int i = 0; i < 26; i++)
        gn_spot_set(&big.marks[i], "en", "help/big", page, (size_t)i);

    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {1024, 1024};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(10);
        gn_error e = {{0}};
        int code = 0;
        if (gn_state_save(path, &big, &e) == 0)
            code = 11;
        else if (!strstr(e.msg, path) || !strstr(e.msg, strerror(EFBIG)))
            code = 12;
        gn_state_free(&big); /* so valgrind sees a clean child too */
        gn_state_free(&st);
        free(path);
        _exit(code);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);

    assert_int_equal(count_others(tmp, "full.state"), 0);
    gn_state back;
    if (gn_state_load(path, &back, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    assert_sample(&back);
    gn_state_free(&back);
    gn_state_free(&big);
    gn_state_free(&st);
    free(path);
}

/* A bookmark's set time is its fifth field, written only when known. */
static void test_set_time(void **state)
{
    const char *tmp = *state;
    char *path = gn_path_join(tmp, "t.state");
    gn_state st, back;
    gn_error err;
    memset(&st, 0, sizeof st);
    gn_spot_set(&st.marks[0], "en", NULL, "p.md", 3);
    st.marks[0].set = 1700000000;
    gn_spot_set(&st.marks[1], "en", NULL, "q.md", 4); /* set time unknown */
    gn_spot_set(&st.last, "en", NULL, "p.md", 5);
    st.last.set = 9; /* not a bookmark: not written */
    assert_int_equal(gn_state_save(path, &st, &err), 0);
    assert_file_is(path, "guidenav-state 1\n"
                         "last\ten\t\tp.md\t5\n"
                         "compare\t0\n"
                         "mark.a\ten\t\tp.md\t3\t1700000000\n"
                         "mark.b\ten\t\tq.md\t4\n");
    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_int_equal(back.marks[0].set, 1700000000);
    assert_int_equal(back.marks[1].set, 0);
    assert_int_equal(back.last.set, 0);
    gn_state_free(&back);
    /* gn_spot_set makes a new spot: its set time is unknown again. */
    gn_spot_set(&st.marks[0], "en", NULL, "r.md", 1);
    assert_int_equal(st.marks[0].set, 0);
    gn_state_free(&st);
    free(path);
}

/* A deleted bookmark is written as a deletion with its time, so that a
 * save of another navigator, which loaded the bookmark before, does not
 * bring it back; a letter set again after the deletion wins. */
static void test_deleted_marks(void **state)
{
    const char *tmp = *state;
    char *path = gn_path_join(tmp, "del.state");
    gn_state mine, other, back;
    gn_error err;
    memset(&mine, 0, sizeof mine);
    gn_spot_set(&mine.marks[0], "ja-JP", "help/g", "注文.md", 3);
    mine.marks[0].set = 1000;
    gn_spot_set(&mine.marks[1], "ko-KR", "help/g", "주문.md", 4);
    mine.marks[1].set = 1000;
    assert_int_equal(gn_state_save(path, &mine, &err), 0);
    assert_int_equal(gn_state_load(path, &other, NULL, &err), 0);
    assert_spot(&other.marks[0], "ja-JP", "help/g", "注文.md", 3);

    gn_spot_delete(&mine.marks[0], 2000);
    assert_spot(&mine.marks[0], NULL, NULL, NULL, 0);
    assert_int_equal(gn_state_save(path, &mine, &err), 0);
    assert_file_is(path, "guidenav-state 1\n"
                         "compare\t0\n"
                         "mark.a\t\t\t\t0\t2000\n"
                         "mark.b\tko-KR\thelp/g\t주문.md\t4\t1000\n");
    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_null(back.marks[0].page);
    assert_int_equal(back.marks[0].set, 2000);
    gn_state_free(&back);

    /* The other navigator still holds a (set at 1000) and saves: the
     * later deletion stays, and it learns of it. */
    assert_int_equal(gn_state_save(path, &other, &err), 0);
    assert_null(other.marks[0].page);
    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_null(back.marks[0].page);
    assert_spot(&back.marks[1], "ko-KR", "help/g", "주문.md", 4);
    gn_state_free(&back);

    /* Set again after the deletion, elsewhere: that bookmark wins. */
    gn_spot_set(&other.marks[0], "en", "help/g", "orders.md", 9);
    other.marks[0].set = 3000;
    assert_int_equal(gn_state_save(path, &other, &err), 0);
    assert_int_equal(gn_state_save(path, &mine, &err), 0);
    assert_spot(&mine.marks[0], "en", "help/g", "orders.md", 9);

    /* A bookmark of an older file (no set time) loses to a deletion. */
    const char *old = "guidenav-state 1\nmark.c\ten\t\told.md\t0\n";
    write_bytes(path, old, strlen(old));
    gn_spot_delete(&mine.marks[2], 1);
    assert_int_equal(gn_state_save(path, &mine, &err), 0);
    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_null(back.marks[2].page);
    gn_state_free(&back);

    gn_state_free(&mine);
    gn_state_free(&other);
    free(path);
}

/* Issue 13: two navigators on one set; each loaded the file before the
 * other saved. The first sets mark a and saves, the second sets mark b
 * and saves: the file holds both (a save used to write only its own). */
static void test_two_writers_in_turn(void **state)
{
    const char *tmp = *state;
    char *path = gn_path_join(tmp, "two.state");
    gn_state first, second, back;
    gn_error err;
    assert_int_equal(gn_state_load(path, &first, NULL, &err), 0);
    assert_int_equal(gn_state_load(path, &second, NULL, &err), 0);

    gn_spot_set(&first.last, "en", "help/a", "one.md", 1);
    gn_spot_set(&first.marks[0], "en", "help/a", "one.md", 10);
    first.marks[0].set = 1000;
    gn_spot_set(&second.last, "ja-JP", "help/b", "two.md", 2);
    gn_spot_set(&second.marks[1], "ja-JP", "help/b", "two.md", 20);
    second.marks[1].set = 900; /* set earlier, saved later: still kept */
    second.compare = true;
    assert_int_equal(gn_state_save(path, &first, &err), 0);
    assert_int_equal(gn_state_save(path, &second, &err), 0);

    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_spot(&back.marks[0], "en", "help/a", "one.md", 10);
    assert_spot(&back.marks[1], "ja-JP", "help/b", "two.md", 20);
    assert_spot(&back.last, "ja-JP", "help/b", "two.md", 2); /* the saver's */
    assert_true(back.compare);
    /* The second saver now holds the first's bookmark too. */
    assert_spot(&second.marks[0], "en", "help/a", "one.md", 10);
    gn_state_free(&back);

    /* One letter set by both: the later-set one stays, whichever saves
     * last. Here the first set c later but saves first... */
    gn_spot_set(&first.marks[2], "en", "help/a", "first-c.md", 3);
    first.marks[2].set = 3000;
    gn_spot_set(&second.marks[2], "ja-JP", "help/b", "second-c.md", 4);
    second.marks[2].set = 2000;
    assert_int_equal(gn_state_save(path, &first, &err), 0);
    assert_int_equal(gn_state_save(path, &second, &err), 0);
    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_spot(&back.marks[2], "en", "help/a", "first-c.md", 3);
    assert_int_equal(back.marks[2].set, 3000);
    gn_state_free(&back);
    /* ...and here the second sets d later and saves last. */
    gn_spot_set(&first.marks[3], "en", "help/a", "first-d.md", 5);
    first.marks[3].set = 4000;
    gn_spot_set(&second.marks[3], "ja-JP", "help/b", "second-d.md", 6);
    second.marks[3].set = 5000;
    assert_int_equal(gn_state_save(path, &first, &err), 0);
    assert_int_equal(gn_state_save(path, &second, &err), 0);
    assert_int_equal(gn_state_load(path, &back, NULL, &err), 0);
    assert_spot(&back.marks[3], "ja-JP", "help/b", "second-d.md", 6);
    gn_state_free(&back);
    /* A bookmark of an older file (no set time) loses to a timed one. */
    const char *old = "guidenav-state 1\nmark.e\ten\t\told.md\t0\n";
    write_bytes(path, old, strlen(old));
    gn_spot_set(&first.marks[4], "en", NULL, "new.md", 1);
    first.marks[4].set = 1;
    assert_int_equal(gn_state_save(path, &first, &err), 0);
    assert_spot(&first.marks[4], "en", NULL, "new.md", 1);

    gn_state_free(&first);
    gn_state_free(&second);
    free(path);
}

/* The bytes of the file at path, NUL bytes included (n: how many). */
static char *slurp_raw(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *data = gn_xmalloc(4096);
    *n = fread(data, 1, 4096, f);
    assert_int_equal(fclose(f), 0);
    return data;
}

static bool file_exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

/* Issue 13: a state file guidenav cannot parse was reported, then
 * rewritten on quit without its bookmarks. Now it is kept as FILE.bad,
 * byte for byte, by the load that finds it; a later bad file replaces
 * the older .bad (one is kept); a save that finds one keeps it aside too
 * and writes its state. A folder in the way is not moved. */
static void test_bad_file_kept(void **state)
{
    const char *tmp = *state;
    char *path = gn_path_join(tmp, "b.state");
    char *bad = gn_xasprintf("%s.bad", path);
    static const char first[] = "guidenav-state 1\nmark.a\ten\t\tp\0q.md\t0\nmark.b\tx\n";
    static const char second[] = "guidenav-state 2\nmark.a\ten\t\tr.md\t1\n";
    gn_state st;
    gn_error err;
    size_t n;
    char *got;

    write_bytes(path, first, sizeof first - 1);
    char *kept = NULL;
    assert_int_equal(gn_state_load(path, &st, &kept, &err), -1);
    assert_state_empty(&st);
    assert_string_equal(kept, bad);
    free(kept);
    char *want = gn_xasprintf("%s:2: corrupt state file: NUL byte", path);
    assert_string_equal(err.msg, want);
    assert_false(file_exists(path));
    got = slurp_raw(bad, &n);
    assert_int_equal(n, sizeof first - 1);
    assert_memory_equal(got, first, n);
    free(got);

    write_bytes(path, second, sizeof second - 1);
    assert_int_equal(gn_state_load(path, &st, NULL, &err), -1);
    got = slurp_raw(bad, &n);
    assert_int_equal(n, sizeof second - 1);
    assert_memory_equal(got, second, n);
    free(got);
    assert_int_equal(count_others(tmp, "b.state"), 1); /* the one .bad */

    /* A bad file that appears while a guidenav runs: its save keeps it. */
    write_bytes(path, first, sizeof first - 1);
    sample_state(&st);
    assert_int_equal(gn_state_save(path, &st, &err), 0);
    got = slurp_raw(bad, &n);
    assert_int_equal(n, sizeof first - 1);
    assert_memory_equal(got, first, n);
    free(got);
    gn_state_free(&st);
    assert_int_equal(gn_state_load(path, &st, NULL, &err), 0);
    assert_sample(&st);
    gn_state_free(&st);

    /* A bad file that cannot be kept aside (a folder with files in it is
     * in the way of the .bad name) is not overwritten by a save either. */
    assert_int_equal(rename(bad, path), 0); /* a bad file again */
    assert_int_equal(mkdir(bad, 0700), 0);
    char *inside = gn_path_join(bad, "x");
    write_bytes(inside, "x", 1);
    assert_int_equal(gn_state_load(path, &st, &kept, &err), -1);
    assert_null(kept);
    assert_non_null(strstr(err.msg, "could not be kept as"));
    sample_state(&st);
    assert_int_equal(gn_state_save(path, &st, &err), -1);
    assert_non_null(strstr(err.msg, "could not be kept as"));
    gn_state_free(&st);
    got = slurp_raw(path, &n);
    assert_int_equal(n, sizeof first - 1);
    assert_memory_equal(got, first, n);
    free(got);
    unlink(inside);
    free(inside);

    /* A folder at the state path is reported and left where it is. */
    char *folder = gn_path_join(tmp, "dir.state");
    assert_int_equal(mkdir(folder, 0700), 0);
    char sentinel;
    kept = &sentinel; /* set to NULL by the load */
    assert_int_equal(gn_state_load(folder, &st, &kept, &err), -1);
    assert_null(kept);
    struct stat sb;
    assert_int_equal(stat(folder, &sb), 0);
    assert_true(S_ISDIR(sb.st_mode));
    free(folder);
    free(want);
    free(bad);
    free(path);
}

/* ---------- concurrent saves ---------- */

#define WRITERS 8
#define ROUNDS 50

/* Writer k's state: every field says k, and the pages are long enough
 * that the file takes several write() calls. */
static void writer_state(gn_state *st, int k)
{
    char loc[16], guide[32], page[300], right[16];
    memset(st, 0, sizeof *st);
    snprintf(loc, sizeof loc, "loc-%d", k);
    snprintf(guide, sizeof guide, "help/guide-%d", k);
    snprintf(right, sizeof right, "right-%d", k);
    int n = snprintf(page, sizeof page, "page-%d-", k);
    memset(page + n, '0' + k, sizeof page - (size_t)n - 1);
    page[sizeof page - 1] = '\0';
    gn_spot_set(&st->last, loc, guide, page, (size_t)k);
    st->compare = k % 2;
    st->right_locale = gn_xstrdup(right);
    for (int i = 0; i < 26; i++) {
        page[n - 1] = (char)('a' + i);
        gn_spot_set(&st->marks[i], loc, guide, page, (size_t)(k * 100 + i));
    }
}

static bool spot_equal(const gn_spot *a, const gn_spot *b)
{
    return a->top == b->top && strcmp(a->locale, b->locale) == 0
           && strcmp(a->guide, b->guide) == 0 && strcmp(a->page, b->page) == 0;
}

/* Which writer st came from, whole; -1 when it is no writer's state. */
static int which_writer(const gn_state *st)
{
    if (!st->last.locale || strncmp(st->last.locale, "loc-", 4) != 0)
        return -1;
    int k = atoi(st->last.locale + 4);
    if (k < 0 || k >= WRITERS || !st->right_locale || !st->last.guide || !st->last.page)
        return -1;
    gn_state want;
    writer_state(&want, k);
    bool ok = spot_equal(&st->last, &want.last) && st->compare == want.compare
              && strcmp(st->right_locale, want.right_locale) == 0;
    for (int i = 0; ok && i < 26; i++)
        ok = st->marks[i].locale && st->marks[i].guide && st->marks[i].page
             && spot_equal(&st->marks[i], &want.marks[i]);
    gn_state_free(&want);
    return ok ? k : -1;
}

static void test_concurrent_saves(void **state)
{
    const char *tmp = *state;
    char *dir = gn_path_join(tmp, "guidenav");
    char *path = gn_path_join(dir, "shared.state");
    pid_t pids[WRITERS];

    fflush(NULL);
    for (int k = 0; k < WRITERS; k++) {
        pids[k] = fork();
        assert_true(pids[k] >= 0);
        if (pids[k] == 0) {
            gn_state mine;
            writer_state(&mine, k);
            int code = 0;
            for (int r = 0; r < ROUNDS && !code; r++) {
                gn_error e;
                if (gn_state_save(path, &mine, &e) != 0) {
                    fprintf(stderr, "writer %d: %s\n", k, e.msg);
                    code = 1;
                    break;
                }
                /* Whatever is there now is some writer's whole state. */
                gn_state seen;
                if (gn_state_load(path, &seen, NULL, &e) != 0) {
                    fprintf(stderr, "writer %d: %s\n", k, e.msg);
                    code = 2;
                } else if (which_writer(&seen) < 0)
                    code = 3;
                gn_state_free(&seen);
            }
            gn_state_free(&mine);
            free(path);
            free(dir);
            _exit(code);
        }
    }
    for (int k = 0; k < WRITERS; k++) {
        int status;
        assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }

    gn_state st;
    gn_error err;
    if (gn_state_load(path, &st, NULL, &err) != 0)
        fail_msg("%s", err.msg);
    int k = which_writer(&st);
    assert_in_range(k, 0, WRITERS - 1);
    assert_int_equal(count_others(dir, "shared.state"), 0);
    gn_state_free(&st);
    free(path);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_naming),
        cmocka_unit_test(test_path_env),
        cmocka_unit_test(test_spot_set_and_free),
        cmocka_unit_test_setup_teardown(test_round_trip, setup_tmp, teardown_tmp),
        cmocka_unit_test(test_load_fixture),
        cmocka_unit_test(test_forward_compatible),
        cmocka_unit_test_setup_teardown(test_missing_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_corrupt_files, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_size_limit, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_unreadable, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_readonly_folder, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_folder_is_a_file, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_write_failure, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_set_time, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_two_writers_in_turn, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_deleted_marks, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_bad_file_kept, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_concurrent_saves, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
