/* fuzz_meta.c: libFuzzer harness for front matter (gn_meta_parse, libyaml).
 *
 * The input is a whole file (front matter and body), passed with its exact
 * length and no terminating NUL. Checks: the body offset lies inside the
 * input, lines are 1-based, every key is found again by gn_meta_get, a
 * failure leaves a message. Build and run: make fuzz FUZZ=meta. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/meta.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gn_meta meta;
    gn_error err;
    size_t body_off = (size_t)-1;
    int body_line = -1;
    err.msg[0] = '\0';
    memset(&meta, 0, sizeof meta);
    int rc = gn_meta_parse("fuzz/page.md", (const char *)data, size, &meta, &body_off,
                           &body_line, &err);
    if (rc == 0) {
        CHECK(body_off <= size);
        CHECK(body_line >= 1);
        for (size_t i = 0; i < meta.n; i++) {
            CHECK(meta.v[i].key != NULL && meta.v[i].value != NULL);
            CHECK(meta.v[i].line >= 1);
            CHECK(gn_meta_get(&meta, meta.v[i].key) != NULL);
        }
        gn_meta_get(&meta, "title");
        gn_meta_get(&meta, "");
    } else {
        CHECK(rc == -1);
        CHECK(err.msg[0] != '\0');
        CHECK(memchr(err.msg, '\0', sizeof err.msg) != NULL);
    }
    gn_meta_free(&meta);
    return 0;
}
