/* unit.h: what every cmocka unit test includes. */
#ifndef GUIDENAV_TESTS_UNIT_H
#define GUIDENAV_TESTS_UNIT_H

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

/* Tests run from the project root; the shared data (seeds, corpus) lives
 * beside the checkout and may be absent. */
#define GN_SHARED "../shared"
#define GN_FIXTURES "tests/fixtures"

/* Write text to the file dir/rel (a fixture made at test time), making
 * the folders on its way. */
static inline void unit_write_file(const char *dir, const char *rel, const char *text)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s/%s", dir, rel);
    assert_true(n > 0 && (size_t)n < sizeof path);
    for (char *p = path + strlen(dir) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Remove the folder dir (a fixture made at test time) and all it holds. */
static inline void unit_remove_tree(const char *dir)
{
    char cmd[1100];
    int n = snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_true(n > 0 && (size_t)n < sizeof cmd);
    assert_int_equal(system(cmd), 0);
}

/* git as a throwaway identity, whatever the user's configuration says,
 * for tests that build repositories (src/ never runs git). */
#define UNIT_GIT "git -c user.name=t -c user.email=t@t -c commit.gpgsign=false " \
                 "-c init.defaultBranch=main -c core.autocrlf=false"

/* A shell command built from fmt and ap into cmd (size bytes), which it
 * must fit. */
static inline void unit_command(char *cmd, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(cmd, size, fmt, ap);
    assert_true(n > 0 && (size_t)n < size);
}

/* Run a shell command built from fmt; its exit status (0 on success). */
__attribute__((format(printf, 1, 2)))
static inline int unit_sh(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char cmd[4096];
    unit_command(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* Whether the git program can be run (a test that needs it skips, saying
 * so, when not), with the variables a calling git (a hook, say) may set,
 * which would redirect the test's own, unset. */
static inline bool unit_have_git(void)
{
    unsetenv("GIT_DIR");
    unsetenv("GIT_WORK_TREE");
    unsetenv("GIT_INDEX_FILE");
    return system("git --version >/dev/null 2>&1") == 0;
}

/* Set LC_CTYPE to the locale name, "LANG_TERRITORY.CHARSET" such as
 * "tr_TR.UTF-8". When the system lacks it, it is compiled with localedef
 * from the system's locale sources (no network) into a temporary folder
 * given by LOCPATH, loaded, and the folder removed. False when neither
 * works: the test then skips, saying so. The caller restores "C". */
static inline bool unit_use_locale(const char *name)
{
    if (setlocale(LC_CTYPE, name))
        return true;
    const char *dot = strchr(name, '.');
    const char *base = getenv("TMPDIR");
    char dir[512], cmd[1600];
    snprintf(dir, sizeof dir, "%s/gn-locale-%ld", base && base[0] ? base : "/tmp", (long)getpid());
    if (!dot || strchr(name, '\'') || strchr(dir, '\''))
        return false;
    int n = snprintf(cmd, sizeof cmd,
                     "mkdir -p '%s' && localedef -i '%.*s' -f '%s' '%s/%s' >/dev/null 2>&1",
                     dir, (int)(dot - name), name, dot + 1, dir, name);
    bool ok = n > 0 && (size_t)n < sizeof cmd && system(cmd) == 0;
    if (ok) {
        setenv("LOCPATH", dir, 1);
        ok = setlocale(LC_CTYPE, name) != NULL;
        unsetenv("LOCPATH");
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        ok = false;
    return ok;
}

#endif
