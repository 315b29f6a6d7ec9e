/* test_editor.c: the reader's editor (editor.h): which command, its
 * arguments ("EDITOR +LINE FILE" through /bin/sh, a file name never read
 * by the shell), how it ends, and the signals while it runs. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "guidenav/editor.h"
#include "guidenav/util.h"

static char root[256];

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/gn-editor-XXXXXX");
    assert_non_null(mkdtemp(root));
    /* An editor that records its arguments, one a line, and the first
     * line of its standard input when asked to. */
    char *script = gn_xasprintf("%s/record", root);
    unit_write_file(root, "record",
                    "#!/bin/sh\n"
                    "out=\"$(dirname \"$0\")/args\"\n"
                    ": >\"$out\"\n"
                    "for a in \"$@\"; do printf '%s\\n' \"$a\" >>\"$out\"; done\n"
                    "if [ \"$1\" = --stdin ]; then read -r line; printf 'stdin %s\\n' \"$line\" >>\"$out\"; fi\n"
                    "if [ \"$1\" = --fail ]; then exit 3; fi\n"
                    "if [ \"$1\" = --interrupt ]; then kill -INT \"$GN_TEST_PID\"; sleep 0.2; fi\n"
                    "exit 0\n");
    assert_int_equal(chmod(script, 0755), 0);
    free(script);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unit_remove_tree(root);
    return 0;
}

/* The text of the file root/rel (newly allocated), "" when none. */
static char *slurp(const char *rel)
{
    char *path = gn_xasprintf("%s/%s", root, rel), *text = NULL;
    size_t len;
    if (gn_read_file(path, &text, &len, NULL) != 0)
        text = gn_xstrdup("");
    free(path);
    return text;
}

static void test_command(void **state)
{
    (void)state;
    assert_string_equal(gn_editor_command("vim", "nano"), "vim");
    assert_string_equal(gn_editor_command("", "nano"), "nano");
    assert_string_equal(gn_editor_command(NULL, "code -w"), "code -w");
    assert_string_equal(gn_editor_command(NULL, ""), "vi");
    assert_string_equal(gn_editor_command(NULL, NULL), "vi");
}

static void test_argv(void **state)
{
    (void)state;
    char **argv = gn_editor_argv("code -w", "/x/it's a page.md", 12);
    static const char *const want[] = {"/bin/sh", "-c", "code -w \"$@\"", "sh", "+12",
                                       "/x/it's a page.md"};
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(argv[i], want[i]);
    assert_null(argv[6]);
    gn_editor_argv_free(argv);
    argv = gn_editor_argv("vi", "/p.md", 0);
    assert_string_equal(argv[4], "+1");
    gn_editor_argv_free(argv);
    gn_editor_argv_free(NULL);
}

/* The command line is split as a shell splits it; the file name, however
 * hostile, arrives whole and runs nothing. */
static void test_run_records(void **state)
{
    (void)state;
    char *cmd = gn_xasprintf("'%s/record' --flag 'two words'", root);
    char *file = gn_xasprintf("%s/a page; touch %s/PWNED; $(touch %s/PWNED2) `x` \"q\".md",
                              root, root, root);
    char **argv = gn_editor_argv(cmd, file, 42);
    gn_error err;
    assert_int_equal(gn_editor_run(argv, "record", -1, &err), 0);
    char *args = slurp("args");
    char *want = gn_xasprintf("--flag\ntwo words\n+42\n%s\n", file);
    assert_string_equal(args, want);
    char *pwned = gn_xasprintf("%s/PWNED", root), *pwned2 = gn_xasprintf("%s/PWNED2", root);
    assert_int_not_equal(access(pwned, F_OK), 0);
    assert_int_not_equal(access(pwned2, F_OK), 0);
    free(pwned);
    free(pwned2);
    free(want);
    free(args);
    gn_editor_argv_free(argv);
    free(file);
    free(cmd);
}

/* keys becomes the editor's standard input. */
static void test_run_keys(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], "typed\n", 6), 6);
    close(fds[1]);
    char *cmd = gn_xasprintf("'%s/record' --stdin", root);
    char **argv = gn_editor_argv(cmd, "/p.md", 3);
    gn_error err;
    assert_int_equal(gn_editor_run(argv, "record", fds[0], &err), 0);
    close(fds[0]);
    char *args = slurp("args");
    assert_string_equal(args, "--stdin\n+3\n/p.md\nstdin typed\n");
    free(args);
    gn_editor_argv_free(argv);
    free(cmd);
}

static void test_run_fails(void **state)
{
    (void)state;
    gn_error err;
    char *cmd = gn_xasprintf("'%s/record' --fail", root);
    char **argv = gn_editor_argv(cmd, "/p.md", 1);
    assert_int_equal(gn_editor_run(argv, "record", -1, &err), -1);
    assert_string_equal(err.msg, "record exited with status 3");
    gn_editor_argv_free(argv);
    free(cmd);

    argv = gn_editor_argv("no-such-editor-here", "/p.md", 1);
    assert_int_equal(gn_editor_run(argv, "no-such-editor-here", -1, &err), -1);
    assert_string_equal(err.msg, "no-such-editor-here was not found (status 127)");
    gn_editor_argv_free(argv);

    argv = gn_editor_argv("kill -KILL $$ #", "/p.md", 1);
    assert_int_equal(gn_editor_run(argv, "killer", -1, &err), -1);
    assert_string_equal(err.msg, "killer was killed by signal 9");
    gn_editor_argv_free(argv);
}

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* Ctrl-C in the editor is the editor's: SIGINT (which the terminal sends
 * to the whole process group) does not reach this process while the
 * editor runs, and its handler is back after. The editor sends it here
 * alone: to the group, it would reach the test runner too. */
static void test_run_interrupt(void **state)
{
    (void)state;
    struct sigaction sa, old, now;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, &old);
    interrupted = 0;
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    setenv("GN_TEST_PID", pid, 1);
    char *cmd = gn_xasprintf("'%s/record' --interrupt", root);
    char **argv = gn_editor_argv(cmd, "/p.md", 1);
    gn_error err;
    assert_int_equal(gn_editor_run(argv, "record", -1, &err), 0);
    assert_int_equal(interrupted, 0);
    sigaction(SIGINT, NULL, &now);
    assert_true(now.sa_handler == on_interrupt);
    sigaction(SIGINT, &old, NULL);
    gn_editor_argv_free(argv);
    free(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_command),
        cmocka_unit_test(test_argv),
        cmocka_unit_test(test_run_records),
        cmocka_unit_test(test_run_keys),
        cmocka_unit_test(test_run_fails),
        cmocka_unit_test(test_run_interrupt),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
