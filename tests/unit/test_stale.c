/* test_stale.c: staleness and diffs read from git history.
 *
 * The tests build their repositories with the git program (src/ never runs
 * it): a small one made here, and a clone of the corpus's English bundle.
 * Both skip, saying why, when git or the corpus is missing. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "unit.h"
#include "guidenav/meta.h"
#include "guidenav/stale.h"
#include "guidenav/util.h"

/* The first line printed by a shell command, newly allocated ("" if none). */
__attribute__((format(printf, 1, 2)))
static char *sh_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char cmd[4096];
    unit_command(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[512] = "";
    if (!fgets(line, sizeof line, p))
        line[0] = '\0';
    pclose(p);
    line[strcspn(line, "\r\n")] = '\0';
    return gn_xstrdup(line);
}

/* A new empty folder under $TMPDIR (or /tmp); the caller removes it with
 * remove_tree and frees the name. Names are single-quoted in commands. */
static char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *tmpl = gn_xasprintf("%s/gn-stale-XXXXXX", base && base[0] ? base : "/tmp");
    assert_non_null(mkdtemp(tmpl));
    assert_null(strchr(tmpl, '\''));
    return tmpl;
}

static void remove_tree(char *dir)
{
    unit_sh("rm -rf '%s'", dir);
    free(dir);
}

/* Each git test works in its own temporary folder, removed by the teardown
 * even when an assertion fails half-way. */
static int setup_tmp(void **state)
{
    *state = make_tmpdir();
    return 0;
}

static int teardown_tmp(void **state)
{
    remove_tree(*state);
    return 0;
}

static void write_text(const char *path, const char *text, const char *mode)
{
    FILE *f = fopen(path, mode);
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* ---- A repository made here: page.md changes between A and B. ---- */

static void test_small_repo(void **state)
{
    const char *tmp = *state;
    if (!unit_have_git()) {
        print_message("skipped: the git program is not installed\n");
        skip();
    }
    char *dir = gn_path_join(tmp, "repo");
    char *page = gn_path_join(dir, "page.md");
    char *other = gn_path_join(dir, "other.md");
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' init -q", dir), 0);
    write_text(page, "# Page\n\nfirst line\nold line\nlast line\n", "w");
    write_text(other, "# Other\n\nunchanging\n", "w");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' add page.md other.md", dir), 0);
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -m A", dir), 0);
    char *a = sh_line("git -C '%s' rev-parse HEAD", dir);
    write_text(page, "# Page\n\nfirst line\nnew line\nlast line\n", "w");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -a -m B", dir), 0);
    char *b = sh_line("git -C '%s' rev-parse HEAD", dir);
    assert_int_equal(strlen(a), 40);
    assert_int_equal(strlen(b), 40);

    gn_error err = {{0}};
    /* Opened from a subfolder's view: the search goes upward. */
    char *sub = gn_path_join(dir, "sub");
    assert_int_equal(mkdir(sub, 0700), 0);
    gn_repo *repo = gn_repo_open(sub, &err);
    assert_non_null(repo);

    assert_int_equal(gn_repo_stale(repo, page, a), GN_STALE_STALE);
    assert_int_equal(gn_repo_stale(repo, page, b), GN_STALE_FRESH);
    assert_int_equal(gn_repo_stale(repo, other, a), GN_STALE_FRESH);
    assert_int_equal(gn_repo_stale(repo, other, b), GN_STALE_FRESH);
    char a7[8], b7[8];
    snprintf(a7, sizeof a7, "%.7s", a);
    snprintf(b7, sizeof b7, "%.7s", b);
    assert_int_equal(gn_repo_stale(repo, page, a7), GN_STALE_STALE);
    assert_int_equal(gn_repo_stale(repo, page, b7), GN_STALE_FRESH);
    assert_int_equal(gn_repo_stale(repo, page, "0123456"), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(repo, page, NULL), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(repo, page, ""), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(repo, page, "HEAD"), GN_STALE_UNKNOWN); /* ids only */
    /* The same commit again, after an unknown one: the cache is not stuck. */
    assert_int_equal(gn_repo_stale(repo, page, a), GN_STALE_STALE);

    /* Other names of the same file: a path with "..", a symlinked folder. */
    char *dotted = gn_xasprintf("%s/sub/../page.md", dir);
    assert_int_equal(gn_repo_stale(repo, dotted, a), GN_STALE_STALE);
    char *link = gn_path_join(tmp, "link");
    assert_int_equal(symlink(dir, link), 0);
    char *linked = gn_path_join(link, "page.md");
    assert_int_equal(gn_repo_stale(repo, linked, a), GN_STALE_STALE);

    /* Outside the work tree, at neither commit, the work tree itself. */
    char *outside = gn_path_join(tmp, "outside.md");
    write_text(outside, "# Outside\n", "w");
    assert_int_equal(gn_repo_stale(repo, outside, a), GN_STALE_UNKNOWN);
    char *untracked = gn_path_join(dir, "untracked.md");
    write_text(untracked, "# Untracked\n", "w");
    assert_int_equal(gn_repo_stale(repo, untracked, a), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(repo, dir, a), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(repo, sub, a), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(NULL, page, a), GN_STALE_UNKNOWN);

    /* Diffs: the changed lines from A, nothing from B. */
    char *d = gn_repo_diff(repo, page, a, &err);
    assert_non_null(d);
    assert_non_null(strstr(d, "--- a/page.md\n"));
    assert_non_null(strstr(d, "+++ b/page.md\n"));
    assert_non_null(strstr(d, "@@ "));
    assert_non_null(strstr(d, "\n-old line\n"));
    assert_non_null(strstr(d, "\n+new line\n"));
    assert_non_null(strstr(d, "\n first line\n"));
    assert_null(strstr(d, "other.md"));
    free(d);
    d = gn_repo_diff(repo, page, b7, &err);
    assert_non_null(d);
    assert_string_equal(d, "");
    free(d);
    d = gn_repo_diff(repo, other, a, &err);
    assert_string_equal(d, "");
    free(d);
    err.msg[0] = '\0';
    assert_null(gn_repo_diff(repo, page, "0123456", &err));
    assert_non_null(strstr(err.msg, "0123456"));
    err.msg[0] = '\0';
    assert_null(gn_repo_diff(repo, page, NULL, &err));
    assert_true(err.msg[0] != '\0');
    err.msg[0] = '\0';
    assert_null(gn_repo_diff(repo, untracked, a, &err));
    assert_non_null(strstr(err.msg, "untracked.md"));
    err.msg[0] = '\0';
    assert_null(gn_repo_diff(repo, outside, a, &err));
    assert_true(err.msg[0] != '\0');
    gn_repo_free(repo);

    /* Commit C deletes other.md and adds new.md: a page at one side only is
     * stale, whether or not it is still in the work tree. A newly opened
     * repository sees the new HEAD. */
    char *added = gn_path_join(dir, "new.md");
    write_text(added, "# New\n", "w");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' rm -q other.md", dir), 0);
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' add new.md", dir), 0);
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -m C", dir), 0);
    repo = gn_repo_open(dir, &err);
    assert_non_null(repo);
    assert_int_equal(gn_repo_stale(repo, other, a), GN_STALE_STALE);
    assert_int_equal(gn_repo_stale(repo, added, a), GN_STALE_STALE);
    assert_int_equal(gn_repo_stale(repo, page, b), GN_STALE_FRESH);
    d = gn_repo_diff(repo, other, b, &err);
    assert_non_null(d);
    assert_non_null(strstr(d, "\n-unchanging\n"));
    free(d);
    gn_repo_free(repo);

    /* A folder outside any checkout, and one that does not exist. */
    char *plain = gn_path_join(tmp, "plain");
    assert_int_equal(mkdir(plain, 0700), 0);
    err.msg[0] = '\0';
    assert_null(gn_repo_open(plain, &err));
    assert_true(err.msg[0] != '\0');
    char *missing = gn_path_join(tmp, "missing");
    assert_null(gn_repo_open(missing, NULL));
    gn_repo_free(NULL);

    /* A bare repository has no work tree. */
    char *bare = gn_path_join(tmp, "bare.git");
    assert_int_equal(unit_sh("git init -q --bare '%s'", bare), 0);
    err.msg[0] = '\0';
    assert_null(gn_repo_open(bare, &err));
    assert_true(err.msg[0] != '\0');

    free(bare);
    free(missing);
    free(plain);
    free(added);
    free(untracked);
    free(outside);
    free(linked);
    free(link);
    free(dotted);
    free(sub);
    free(a);
    free(b);
    free(other);
    free(page);
    free(dir);
}

/* ---- A pack index damaged: a read error is "unknown", not "absent". ---- */

static void test_damaged_pack(void **state)
{
    const char *tmp = *state;
    if (!unit_have_git()) {
        print_message("skipped: the git program is not installed\n");
        skip();
    }
    char *dir = gn_path_join(tmp, "repo");
    char *help = gn_path_join(dir, "help");
    char *a_md = gn_path_join(help, "a.md");
    char *b_md = gn_path_join(help, "b.md");
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(mkdir(help, 0700), 0);
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' init -q", dir), 0);
    write_text(a_md, "# A\n", "w");
    write_text(b_md, "# B\n", "w");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' add help", dir), 0);
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -m A", dir), 0);
    char *a = sh_line("git -C '%s' rev-parse HEAD", dir);
    /* b.md changes: help/ at A and at HEAD are two trees. */
    write_text(b_md, "# B, changed\n", "w");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -a -m B", dir), 0);
    char *b = sh_line("git -C '%s' rev-parse HEAD", dir);
    /* Everything packed, then A's help/ tree pointed past the pack's end
     * in the index (version 2: 8 bytes of header, 1024 of fan-out, then
     * per object 20 bytes of id and 4 of CRC, then the 4-byte offsets). */
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' gc -q", dir), 0);
    char *idx = sh_line("ls '%s'/.git/objects/pack/*.idx", dir);
    char *tree = sh_line("git -C '%s' rev-parse %s:help", dir, a);
    char *n = sh_line("git show-index <'%s' | wc -l", idx);
    char *i = sh_line("git show-index <'%s' | awk '$2 == \"%s\" { print NR - 1 }'", idx, tree);
    assert_true(atoi(n) > 0 && i[0]);
    long at = 8 + 1024 + atol(n) * 24 + atol(i) * 4;
    assert_int_equal(unit_sh("chmod u+w '%s' && printf '\\177\\377\\377\\360' | "
                        "dd of='%s' bs=1 seek=%ld conv=notrunc status=none", idx, idx, at), 0);
    assert_int_not_equal(unit_sh("git -C '%s' cat-file -p %s >/dev/null 2>&1", dir, tree), 0);

    gn_error err = {{0}};
    gn_repo *repo = gn_repo_open(dir, &err);
    assert_non_null(repo);
    /* Against B, whose trees are intact: the answer is known. */
    assert_int_equal(gn_repo_stale(repo, a_md, b), GN_STALE_FRESH);
    /* Against A: its help/ tree cannot be read. a.md did not change and
     * b.md did, but neither is "absent at A", so neither is stale. */
    assert_int_equal(gn_repo_stale(repo, a_md, a), GN_STALE_UNKNOWN);
    assert_int_equal(gn_repo_stale(repo, b_md, a), GN_STALE_UNKNOWN);
    char *diff = gn_repo_diff(repo, b_md, a, &err);
    assert_null(diff);
    assert_non_null(strstr(err.msg, "cannot read its tree"));
    gn_repo_free(repo);
    free(i);
    free(n);
    free(tree);
    free(idx);
    free(b);
    free(a);
    free(b_md);
    free(a_md);
    free(help);
    free(dir);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(gn_stale_name(GN_STALE_UNKNOWN), "unknown");
    assert_string_equal(gn_stale_name(GN_STALE_FRESH), "fresh");
    assert_string_equal(gn_stale_name(GN_STALE_STALE), "stale");
}

/* ---- The corpus: translated pages against the English history. ---- */

#define CORPUS GN_SHARED "/corpus"
#define BUNDLE CORPUS "/commerce-channels.en.bundle"
#define CHANGED "help/channel-manager/onboard.md"

typedef struct {
    char *locale;
    char *rel;     /* relative to the locale root: help/<guide>/<page>.md */
    char *commit;  /* source-git-commit */
} translated;

typedef struct {
    translated *v;
    size_t n, cap;
    size_t without_commit;
} translated_list;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Add every page (not TOC.md) under root/rel with a source-git-commit. */
static void collect(translated_list *list, const char *locale, const char *root,
                    const char *rel)
{
    char *dirpath = gn_path_join(root, rel);
    DIR *d = opendir(dirpath);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *sub = gn_path_join(rel, e->d_name);
        char *full = gn_path_join(root, sub);
        if (gn_is_dir(full)) {
            collect(list, locale, root, sub);
        } else if (ends_with(e->d_name, ".md") && strcmp(e->d_name, "TOC.md") != 0) {
            char *text;
            size_t len, off;
            int line;
            gn_error err;
            gn_meta meta = {0};
            assert_int_equal(gn_read_file(full, &text, &len, &err), 0);
            if (gn_meta_parse(full, text, len, &meta, &off, &line, &err) < 0)
                fail_msg("%s", err.msg);
            const char *commit = gn_meta_get(&meta, "source-git-commit");
            if (commit && commit[0]) {
                if (list->n == list->cap) {
                    list->cap = list->cap ? 2 * list->cap : 256;
                    list->v = gn_xreallocarray(list->v, list->cap, sizeof *list->v);
                }
                list->v[list->n++] = (translated){gn_xstrdup(locale), gn_xstrdup(sub),
                                                  gn_xstrdup(commit)};
            } else {
                list->without_commit++;
            }
            gn_meta_free(&meta);
            free(text);
        }
        free(full);
        free(sub);
    }
    closedir(d);
    free(dirpath);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Check every translated page against the clone: the changed page (NULL
 * for none) must be stale, every other one fresh; returns how many times
 * the changed page was seen. Prints the first few mismatches. */
static size_t check_all(gn_repo *repo, const char *clone, const translated_list *list,
                        const char *changed, size_t *checked, size_t *no_english)
{
    size_t wrong = 0, seen = 0;
    *checked = *no_english = 0;
    for (size_t i = 0; i < list->n; i++) {
        const translated *t = &list->v[i];
        char *en = gn_path_join(clone, t->rel);
        if (!gn_is_file(en)) {
            (*no_english)++;
            free(en);
            continue;
        }
        bool is_changed = changed && strcmp(t->rel, changed) == 0;
        gn_stale want = is_changed ? GN_STALE_STALE : GN_STALE_FRESH;
        gn_stale got = gn_repo_stale(repo, en, t->commit);
        (*checked)++;
        seen += is_changed;
        if (got != want && wrong++ < 10)
            print_message("%s/%s (from %s): %s, expected %s\n", t->locale, t->rel,
                          t->commit, gn_stale_name(got), gn_stale_name(want));
        free(en);
    }
    assert_int_equal(wrong, 0);
    return seen;
}

static void test_corpus_history(void **state)
{
    const char *tmp = *state;
    if (!gn_is_file(BUNDLE)) {
        print_message("skipped: %s is absent\n", BUNDLE);
        skip();
    }
    if (!unit_have_git()) {
        print_message("skipped: the git program is not installed\n");
        skip();
    }
    double t0 = now();
    char *clone = gn_path_join(tmp, "commerce-channels.en");
    assert_int_equal(unit_sh("git clone -q '%s' '%s'", BUNDLE, clone), 0);

    /* The translations were compared with the English snapshot of
     * commerce-channels.en/.source-commit. The bundle's HEAD is that commit
     * today; should a later bundle move on, check the snapshot out (a
     * detached HEAD, which the commit below extends just the same). */
    char *want = sh_line("cat '%s/commerce-channels.en/.source-commit'", CORPUS);
    char *head = sh_line("git -C '%s' rev-parse HEAD", clone);
    assert_int_equal(strlen(want), 40);
    if (strcmp(want, head) != 0) {
        print_message("bundle HEAD %s is not the corpus snapshot %s: checking it out\n",
                      head, want);
        assert_int_equal(unit_sh("git -C '%s' checkout -q '%s'", clone, want), 0);
    }
    double t_clone = now();

    translated_list list = {0};
    static const char *const locales[] = {"ja-JP", "ko-KR", "fr-FR", "pt-BR", "de-DE"};
    for (size_t i = 0; i < sizeof locales / sizeof *locales; i++) {
        char *root = gn_xasprintf(CORPUS "/commerce-channels.%s", locales[i]);
        if (gn_is_dir(root))
            collect(&list, locales[i], root, "help");
        free(root);
    }
    assert_true(list.n > 0);
    double t_read = now();

    gn_error err;
    gn_repo *repo = gn_repo_open(clone, &err);
    if (!repo)
        fail_msg("%s", err.msg);
    size_t checked, no_english;
    check_all(repo, clone, &list, NULL, &checked, &no_english);
    assert_true(checked > 0);
    double t_check = now();

    /* A new English commit changes one page: its translations turn stale. */
    char *page = gn_path_join(clone, CHANGED);
    write_text(page, "\nA line added after every translation was made.\n", "a");
    assert_int_equal(unit_sh(UNIT_GIT " -C '%s' commit -q -a -m 'Change one page'", clone), 0);
    gn_repo_free(repo);
    double t_commit = now();
    repo = gn_repo_open(clone, &err);
    if (!repo)
        fail_msg("%s", err.msg);
    size_t checked2, no_english2;
    size_t seen = check_all(repo, clone, &list, CHANGED, &checked2, &no_english2);
    assert_int_equal(checked2, checked);
    assert_true(seen > 0);
    double t_recheck = now();
    gn_repo_free(repo);

    print_message("%zu translated pages with a source commit (%zu without), %zu "
                  "checked, %zu without an English page; %zu stale after the change\n",
                  list.n, list.without_commit, checked, no_english, seen);
    print_message("clone %.2fs, read pages %.3fs, check %.3fs, recheck %.3fs, "
                  "total %.2fs\n", t_clone - t0, t_read - t_clone, t_check - t_read,
                  t_recheck - t_commit, now() - t0);

    for (size_t i = 0; i < list.n; i++) {
        free(list.v[i].locale);
        free(list.v[i].rel);
        free(list.v[i].commit);
    }
    free(list.v);
    free(page);
    free(head);
    free(want);
    free(clone);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test_setup_teardown(test_small_repo, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_damaged_pack, setup_tmp, teardown_tmp),
        cmocka_unit_test_setup_teardown(test_corpus_history, setup_tmp, teardown_tmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
