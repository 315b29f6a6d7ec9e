/* fuzz.h: what every libFuzzer harness of tests/fuzz/ shares. */
#ifndef GUIDENAV_FUZZ_H
#define GUIDENAV_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

/* A contract the code under test broke: say which, and abort, which
 * libFuzzer reports as a crash with the input kept. */
#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, \
                    #cond);                                                     \
            abort();                                                            \
        }                                                                       \
    } while (0)

#endif
