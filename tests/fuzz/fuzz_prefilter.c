/* fuzz_prefilter.c: libFuzzer harness for the search's prefilter
 * (gn_prefilter, prefilter.h): it must never skip a page that holds the
 * query.
 *
 * Input: byte 0 chooses the page's locale (bits 0-2: none, en, ja-JP,
 * ko-KR, zh-Hans, de-DE, fr-FR, pt-BR) and where the query comes from
 * (bit 3). Bit 3 clear ("0".."7" in the seeds): the query follows, up to
 * the first newline (or NUL), then the page file (front matter and
 * Markdown). Bit 3 set ("H".."O"): bytes 1 and 2 choose a slice of the
 * page's laid-out text (byte 1 its paragraph, byte 2 its start, in
 * sixteenths, and length, 1 to 61 bytes, widened to whole characters),
 * which is the query; the page file follows.
 *
 * The page is read as the finder reads it (gn_page_parse, gn_layout of its
 * paragraphs at the search's width, no snippet file read) and searched
 * paragraph by paragraph with gn_search, which the finder's search
 * equals. When gn_prefilter_may_match says the page cannot hold the
 * query, no match may be found. Build and run: make fuzz FUZZ=prefilter. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/prefilter.h"
#include "guidenav/search.h"
#include "fuzz.h"

static const char *const langs[] = {NULL, "en", "ja-JP", "ko-KR", "zh-Hans", "de-DE", "fr-FR",
                                    "pt-BR"};

/* A page as the finder reads it for searching. */
typedef struct read_page {
    bool ok;
    gn_page page;
    gn_doc doc;
} read_page;

static void read_page_of(read_page *r, const char *src, size_t len, const char *lang)
{
    gn_error err;
    memset(r, 0, sizeof *r);
    r->ok = gn_page_parse("page.md", src, len, &r->page, &err) == 0;
    if (!r->ok)
        return;
    gn_layout_opts o = {.width = 10000, .lang = lang, .line_offset = r->page.body_line - 1,
                        .pars_only = true};
    gn_layout(r->page.doc, &o, &r->doc);
}

static void read_page_free(read_page *r)
{
    if (r->ok)
        gn_doc_free(&r->doc);
    gn_page_free(&r->page);
}

/* Whether the search finds q in the page read. */
static bool search_finds(const gn_query *q, const read_page *r)
{
    bool found = false;
    for (size_t i = 0; r->ok && i < r->doc.npars && !found; i++) {
        gn_match *m;
        const gn_par *par = &r->doc.pars[i];
        found = gn_search(q, r->doc.ptext.data + par->off, par->len, &m) > 0;
        free(m);
    }
    return found;
}

/* The slice of the page read that bytes a and b choose (see above), or
 * NULL when it has no text. */
static char *slice(const read_page *r, uint8_t a, uint8_t b)
{
    if (!r->ok || r->doc.npars == 0)
        return NULL;
    const gn_par *par = &r->doc.pars[a % r->doc.npars];
    const char *t = r->doc.ptext.data + par->off;
    size_t from = (b >> 4) * par->len / 16, to = from + 1 + (b & 15) * 4u;
    if (to > par->len)
        to = par->len;
    while (from < to && ((unsigned char)t[from] & 0xC0) == 0x80)
        from++;
    while (to < par->len && ((unsigned char)t[to] & 0xC0) == 0x80)
        to++;
    return from < to ? strndup(t + from, to - from) : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const char *lang = langs[data[0] & 7];
    bool from_page = data[0] & 8;
    const char *in = (const char *)data + 1, *src;
    size_t n = size - 1, len;
    char *query = NULL;
    read_page r = {0};
    if (from_page) {
        src = in + 2;
        len = n - 2;
        read_page_of(&r, src, len, lang);
        query = slice(&r, data[1], data[2]);
    } else {
        size_t qlen = 0;
        while (qlen < n && in[qlen] != '\n' && in[qlen] != '\0')
            qlen++;
        query = strndup(in, qlen);
        CHECK(query != NULL);
        src = in + (qlen < n ? qlen + 1 : n);
        len = n - (size_t)(src - in);
    }

    gn_query q;
    if (query && gn_query_init(&q, query)) {
        gn_prefilter *p = gn_prefilter_new(&q, lang);
        if (!gn_prefilter_may_match(p, src, len)) {
            if (!from_page)
                read_page_of(&r, src, len, lang);
            CHECK(!search_finds(&q, &r)); /* a page skipped holds the query */
        }
        gn_prefilter_free(p);
        gn_query_free(&q);
    }
    read_page_free(&r);
    free(query);
    return 0;
}
