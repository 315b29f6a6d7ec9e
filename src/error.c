/* error.c: errors as values (see error.h). */
#include <stdarg.h>
#include <stdio.h>
#include "guidenav/error.h"

int gn_fail(gn_error *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}
