/* unit.h: what every cmocka unit test includes. */
#ifndef GUIDENAV_TESTS_UNIT_H
#define GUIDENAV_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

#endif
