/* fuzz_config.c: libFuzzer harness for the configuration file
 * (gn_config_parse, libyaml).
 *
 * The input is a whole file, passed with its exact length and no
 * terminating NUL. The vocabulary is the tests' own (config_vocab.h:
 * the navigator's lives in the UI). Checks: a failure leaves a message
 * naming the file and the configuration the defaults; a success prints
 * (gn_config_print) a file that parses again and prints the same bytes;
 * every action keeps a NULL-terminated list of known keys, and no key is
 * bound twice. Build and run: make fuzz FUZZ=config. */
#include <stdint.h>
#include <string.h>
#include "guidenav/config.h"
#include "fuzz.h"
#include "../lib/config_vocab.h"


/* Each action's keys are known key names, and no key serves two. */
static void check_keys(const gn_config *c)
{
    CHECK(c->nactions == vocab.nactions);
    for (size_t a = 0; a < c->nactions; a++)
        for (char **k = c->keys[a]; *k; k++) {
            CHECK(key_known(*k));
            for (size_t b = 0; b < c->nactions; b++)
                for (char **o = c->keys[b]; *o; o++)
                    CHECK(o == k || strcmp(*o, *k) != 0);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gn_config c;
    gn_error err;
    err.msg[0] = '\0';
    int rc = gn_config_parse(&c, "fuzz/config.yaml", (const char *)data, size, &vocab, &err);
    check_keys(&c);
    if (rc != 0) {
        CHECK(rc == -1);
        CHECK(strncmp(err.msg, "fuzz/config.yaml", 16) == 0);
        CHECK(c.nsets == 0 && c.theme == GN_THEME_DARK);
        gn_config_free(&c);
        return 0;
    }
    gn_buf out = GN_BUF_INIT, again = GN_BUF_INIT;
    gn_config_print(&c, &out);
    gn_config back;
    CHECK(gn_config_parse(&back, "fuzz/printed.yaml", out.data, out.len, &vocab, &err) == 0);
    check_keys(&back);
    gn_config_print(&back, &again);
    CHECK(out.len == again.len && memcmp(out.data, again.data, out.len) == 0);
    gn_buf_free(&out);
    gn_buf_free(&again);
    gn_config_free(&back);
    gn_config_free(&c);
    return 0;
}
