/* fuzz_links.c: libFuzzer harness for links, paths and the inline markup
 * around them.
 *
 * The whole input is used by each function: as a NUL-terminated string
 * (embedded NULs end it) for the path and markup functions, as len bytes
 * with no NUL after them for the HTML and markup scanners.
 *   - gn_path_absolute (and join, dirname, basename), as a link is resolved
 *     against the page's folder: the result is absolute and normalised
 *     (no ".", "..", empty component);
 *   - gn_html_text, gn_html_entity at every '&', gn_html_table_find over
 *     every table (offsets inside the input, cells counted);
 *   - gn_markup_plain, gn_markup_attrs at every '{', gn_markup_scan (every
 *     label inside the text);
 *   - gn_text_sanitize: its output holds no terminal control;
 *   - gn_base64 (OSC 52 copies of a link's URL).
 * Build and run: make fuzz FUZZ=links. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/html.h"
#include "guidenav/markup.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "fuzz.h"

/* An absolute, normalised path: starts with '/', no empty, "." or ".."
 * component. */
static void check_absolute(const char *p)
{
    CHECK(p && p[0] == '/');
    if (p[1] == '\0')
        return;
    for (const char *c = p + 1;;) {
        size_t n = strcspn(c, "/");
        CHECK(n > 0);
        CHECK(!(n == 1 && c[0] == '.'));
        CHECK(!(n == 2 && c[0] == '.' && c[1] == '.'));
        if (!c[n])
            break;
        c += n + 1;
    }
}

/* No terminal control in s[0..len) and valid UTF-8. */
static void check_safe(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = gn_utf8_decode(s + i, len - i, &cp);
        CHECK(!(cp == 0xFFFD && n == 1));
        CHECK(!(cp < 0x20 && cp != '\t' && cp != '\n'));
        CHECK(cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F));
        CHECK(!(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069));
        i += n;
    }
}

struct label_ctx {
    size_t len, count;
};

static void on_label(enum gn_mark kind, size_t inner, size_t inner_end, void *ctx)
{
    struct label_ctx *c = ctx;
    CHECK(kind != GN_MARK_NONE);
    CHECK(inner <= inner_end && inner_end <= c->len);
    c->count++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data; /* size bytes, no NUL after */
    char *s = strndup(bytes, size);        /* up to the first NUL */
    size_t slen = strlen(s);

    /* Paths: the link as the page at /guides/en/help/g/page.md resolves it,
     * without its "#fragment" or "?query". */
    char *abs = gn_path_absolute(s);
    check_absolute(abs);
    free(abs);
    char *target = strndup(s, strcspn(s, "#?"));
    char *dir = gn_path_dirname("/guides/en/help/g/page.md");
    char *joined = gn_path_join(dir, target);
    abs = gn_path_absolute(joined);
    check_absolute(abs);
    CHECK(strlen(abs) <= strlen(joined) + 1);
    free(abs);
    free(joined);
    free(dir);
    char *d = gn_path_dirname(s);
    CHECK(d != NULL);
    free(d);
    const char *base = gn_path_basename(s);
    CHECK(base >= s && base <= s + slen);
    free(target);

    /* HTML. */
    gn_buf out = GN_BUF_INIT;
    gn_html_text(bytes, size, &out);
    gn_buf_free(&out);
    size_t entities = 0;
    for (size_t i = 0; i < size && entities < 256; i++) {
        if (bytes[i] != '&')
            continue;
        entities++;
        size_t n = gn_html_entity(bytes + i, size - i, &out);
        CHECK(n >= 1 && n <= size - i);
    }
    gn_buf_free(&out);
    size_t at = 0;
    for (int tables = 0; at < size && tables < 8; tables++) {
        gn_html_table t;
        size_t start = 0, end = 0;
        if (!gn_html_table_find(bytes + at, size - at, &t, &start, &end))
            break;
        CHECK(start < end && end <= size - at);
        for (size_t i = 0; i < t.nrows * t.ncols; i++)
            CHECK(t.cells[i] != NULL);
        gn_html_table_free(&t);
        at += end;
    }

    /* Adobe markup. */
    char *anchor = NULL;
    char *plain = gn_markup_plain(s, &anchor);
    CHECK(plain != NULL);
    free(plain);
    free(anchor);
    size_t attrs = 0;
    for (size_t i = 0; i < size && attrs < 256; i++) {
        if (bytes[i] != '{')
            continue;
        attrs++;
        size_t aoff = 0, alen = 0;
        size_t n = gn_markup_attrs(bytes + i, size - i, &aoff, &alen);
        CHECK(n <= size - i);
        if (n && alen)
            CHECK(aoff + alen <= n);
    }
    unsigned char *del = calloc(size ? size : 1, 1);
    char *scan_anchor = NULL;
    struct label_ctx lc = {size, 0};
    gn_markup_scan(bytes, size, del, &scan_anchor, on_label, &lc);
    free(scan_anchor);
    free(del);

    /* What reaches a terminal. */
    gn_text_sanitize(&out, bytes, size);
    check_safe(out.data ? out.data : "", out.len);
    gn_buf_free(&out);
    char *safe = gn_text_sanitized(s);
    check_safe(safe, strlen(safe));
    CHECK(gn_text_width(safe, strlen(safe)) >= 0);
    size_t fit = gn_text_fit(bytes, size, (int)(size % 80));
    CHECK(fit <= size);
    free(safe);
    gn_base64(&out, bytes, size);
    CHECK(out.len == (size + 2) / 3 * 4);
    gn_buf_free(&out);

    free(s);
    return 0;
}
