/* fuzz_toc.c: libFuzzer harness for TOC.md parsing (gn_toc_parse).
 *
 * The input is the TOC file's text, passed with its exact length and no
 * terminating NUL (the contract is "len bytes"), so reading past it is an
 * ASan report. Checks the documented contracts: entry titles sanitised (no
 * control character reaches a terminal), depths and lines sensible, a page
 * entry found again by its own target. Build and run: make fuzz FUZZ=toc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/toc.h"
#include "guidenav/text.h"
#include "fuzz.h"

/* True when s holds a terminal control: C0 other than tab and newline, DEL,
 * C1 (U+0080-U+009F) or a bidirectional override/isolate; or invalid
 * UTF-8. */
static int has_control(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = gn_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1)
            return 1; /* a byte that does not decode (a real U+FFFD takes 3) */
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
            (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069))
            return 1;
        i += n;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gn_toc toc;
    gn_error err;
    if (gn_toc_parse("fuzz/help/guide/TOC.md", (const char *)data, size, &toc, &err) == 0) {
        const char *title = gn_toc_title(&toc);
        CHECK(title != NULL);
        CHECK(!has_control(title));
        for (size_t i = 0; i < toc.n; i++) {
            const gn_toc_entry *e = &toc.entries[i];
            CHECK(e->depth >= 0);
            CHECK(e->line >= 1);
            CHECK(e->title != NULL);
            CHECK(!has_control(e->title));
            CHECK((e->kind == GN_TOC_GROUP) == (e->target == NULL));
            if (e->kind == GN_TOC_PAGE && i < 64) {
                long k = gn_toc_find_page(&toc, e->target);
                CHECK(k >= -1 && k < (long)toc.n);
            }
        }
        gn_toc_find_page(&toc, "");
        gn_toc_find_page(&toc, "./#");
    }
    gn_toc_free(&toc);
    return 0;
}
