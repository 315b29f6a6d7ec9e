/* error.h: errors as values.
 *
 * Library functions return 0 on success and -1 on failure; on failure they
 * fill a gn_error with one line naming the file (and line) and the problem.
 * Nothing in the core prints or exits: only main decides. */
#ifndef GUIDENAV_ERROR_H
#define GUIDENAV_ERROR_H

typedef struct gn_error {
    char msg[1024];
} gn_error;

/* Format a message into err (when err is not NULL) and return -1, so a
 * failing function can end with `return gn_fail(err, "%s: ...", path);`. */
int gn_fail(gn_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
