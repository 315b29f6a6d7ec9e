/* fuzz_layout.c: libFuzzer harness for a page from text to painted lines.
 *
 * Input: byte 0 chooses the width (1..200), byte 1 the flags:
 *   bit 0      ASCII marks and borders
 *   bit 1      paint with colour (SGR)
 *   bits 2-4   the page's language (none, en, ja-JP, ko-KR, zh-Hans, de-DE,
 *              fr-FR, pt-BR)
 *   bits 5-7   the search query: 0-3 the page's last line (when it is at
 *              most 64 bytes, else as 4-7), 4-7 a slice of the page text
 *              from its middle, 1 + 4 * (bits - 4) bytes long
 * The rest is the page file (front matter and Markdown), parsed with
 * gn_page_parse, laid out with gn_layout (no path: no snippet file is read),
 * painted with gn_paint_text to /dev/null, searched with gn_doc_search and
 * gn_search, with an excerpt of the first hits; laid out again with every
 * other collapsible block folded, places mapped across the fold.
 *
 * Checks the layout's documented contracts: every line at most `width`
 * columns, spans, links and pieces inside their tables, pieces sorted and
 * not overlapping, and no terminal control in any span (a control picture
 * or mark must stand for it), blocks and items in order. Build and run:
 * make fuzz FUZZ=layout. */
#define _GNU_SOURCE /* memrchr */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/align.h"
#include "guidenav/collapse.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/paint.h"
#include "guidenav/search.h"
#include "guidenav/text.h"
#include "fuzz.h"

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    return 0;
}

/* The first terminal control in s[0..len) (see fuzz_toc.c), as an offset,
 * or len when there is none. */
static size_t find_control(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = gn_utf8_decode(s + i, len - i, &cp);
        if ((cp == 0xFFFD && n == 1) || (cp < 0x20 && cp != '\t' && cp != '\n') ||
            cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            return i;
        i += n;
    }
    return len;
}

static void check_doc(const gn_doc *doc, int width)
{
    for (size_t i = 0; i < doc->nlines; i++) {
        const gn_line *l = &doc->lines[i];
        CHECK(l->first + l->n <= doc->nspans);
        CHECK(l->width >= 0 && l->width <= width);
        int w = 0;
        for (uint32_t k = 0; k < l->n; k++) {
            const gn_span *s = &doc->spans[l->first + k];
            CHECK((size_t)s->off + s->len <= doc->text.len);
            CHECK(s->link >= -1 && (s->link < 0 || (size_t)s->link < doc->nlinks));
            const char *t = gn_span_text(doc, s);
            size_t bad = find_control(t, s->len);
            if (bad != s->len) {
                fprintf(stderr, "fuzz_layout: line %zu span %u: control byte 0x%02x "
                        "at %zu of \"%.*s\"\n", i, k, (unsigned char)t[bad], bad,
                        (int)s->len, t);
                CHECK(!"a span holds a terminal control");
            }
            CHECK(memchr(t, '\n', s->len) == NULL);
            w += gn_text_width(t, s->len);
        }
        if (w > width)
            fprintf(stderr, "fuzz_layout: line %zu is %d columns at width %d\n", i, w, width);
        CHECK(w <= width);
    }
    for (size_t i = 0; i < doc->nlinks; i++)
        CHECK(doc->links[i].url != NULL);
    for (size_t i = 0; i < doc->nheadings; i++)
        CHECK(doc->headings[i].text != NULL);
    for (size_t i = 0; i < doc->npars; i++)
        CHECK(doc->pars[i].off + doc->pars[i].len <= doc->ptext.len);
    for (size_t i = 0; i < doc->npieces; i++) {
        const gn_piece *p = &doc->pieces[i];
        CHECK(p->off + p->len <= doc->ptext.len);
        CHECK(p->line < doc->nlines);
        if (i > 0)
            CHECK(doc->pieces[i - 1].off + doc->pieces[i - 1].len <= p->off);
    }
    /* Blocks in the order of their lines, each shown; an item after its
     * top-level block, within its lines of the file. */
    for (size_t i = 0; i < doc->nblocks; i++) {
        const gn_block *b = &doc->blocks[i];
        CHECK(b->line < doc->nlines);
        if (i > 0)
            CHECK(doc->blocks[i - 1].line <= b->line);
        CHECK((b->kind == GN_BLOCK_ITEM) == (b->parent >= 0));
        if (b->parent >= 0) {
            const gn_block *t = &doc->blocks[b->parent];
            CHECK(b->parent < (long)i && t->parent == -1);
            CHECK(!t->src_line || b->src_line >= t->src_line);
            CHECK(!t->src_end || b->src_end <= t->src_end); /* 0: unknown */
        }
    }
    for (size_t i = 0; i < doc->ncolls; i++) {
        const gn_coll *c = &doc->colls[i];
        CHECK(c->line <= c->body && c->body <= c->end && c->end <= doc->nlines);
        CHECK(c->ptitle + c->ptitle_len <= doc->ptext.len);
        CHECK(c->pbody <= c->pend && c->pend <= doc->ptext.len);
        CHECK(c->parent < (long)i);
    }
}

static const char *const langs[8] = {NULL,    "en",    "ja-JP", "ko-KR",
                                     "zh-Hans", "de-DE", "fr-FR", "pt-BR"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    int width = 1 + data[0] % 200;
    unsigned flags = data[1];
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    gn_page page;
    gn_error err;
    if (gn_page_parse("fuzz/help/guide/page.md", text, len, &page, &err) != 0 || !page.doc) {
        gn_page_free(&page);
        return 0;
    }
    char *title = gn_page_title(&page);
    CHECK(title != NULL);
    free(title);

    gn_layout_opts opts = {
        .width = width,
        .lang = langs[(flags >> 2) & 7],
        .ascii = flags & 1,
        .path = NULL,
        .line_offset = page.body_line > 0 ? page.body_line - 1 : 0,
    };
    gn_doc doc;
    memset(&doc, 0, sizeof doc);
    gn_layout(page.doc, &opts, &doc);
    check_doc(&doc, width);
    gn_config colors;
    gn_config_defaults(&colors, NULL);
    CHECK(gn_paint_text(devnull, &doc, flags & 2 ? colors.colors : NULL) == 0);
    gn_config_free(&colors);

    /* Anchors and sections. */
    for (size_t i = 0; i < doc.nheadings && i < 16; i++) {
        if (doc.headings[i].anchor)
            CHECK(gn_doc_find_anchor(&doc, doc.headings[i].anchor) >= 0);
        gn_doc_find_anchor(&doc, doc.headings[i].text);
        gn_doc_section_at(&doc, doc.headings[i].line);
    }
    gn_doc_section_at(&doc, doc.nlines);

    /* Collapsible blocks: every other one folded, laid out again, and
     * places kept across the fold. */
    if (doc.ncolls) {
        size_t *folded = calloc(doc.ncolls, sizeof *folded), nfolded = 0;
        CHECK(folded != NULL);
        for (size_t i = 0; i < doc.ncolls; i++)
            if (doc.colls[i].ordinal != GN_COLL_SNIPPET &&
                doc.colls[i].ordinal % 2 == (size_t)width % 2)
                folded[nfolded++] = doc.colls[i].ordinal;
        gn_layout_opts fo = opts;
        fo.folded = folded;
        fo.nfolded = nfolded;
        gn_doc shut;
        gn_layout(page.doc, &fo, &shut);
        check_doc(&shut, width);
        for (size_t ln = 0; ln < doc.nlines; ln += 1 + doc.nlines / 16) {
            CHECK(gn_align_map(&doc, &shut, ln) < (shut.nlines ? shut.nlines : 1));
            CHECK(gn_align_map(&shut, &doc, ln < shut.nlines ? ln : 0) < doc.nlines);
        }
        long k = gn_collapse_at(&doc, 0, doc.nlines);
        CHECK(k >= -1 && k < (long)doc.ncolls);
        gn_doc_free(&shut);
        free(folded);
    }

    /* The query. */
    char *query = NULL;
    unsigned qmode = flags >> 5;
    const char *nl = len ? memrchr(text, '\n', len) : NULL;
    size_t last = nl ? (size_t)(text + len - (nl + 1)) : len;
    if (qmode < 4 && last > 0 && last <= 64) {
        query = strndup(text + len - last, last);
    } else if (len > 0) {
        size_t qlen = 1 + 4 * (qmode & 3);
        size_t from = len / 2;
        if (qlen > len - from)
            qlen = len - from;
        query = strndup(text + from, qlen);
    }
    gn_query q;
    if (query && gn_query_init(&q, query)) {
        gn_hit *hits = NULL;
        size_t n = gn_doc_search(&doc, &q, &hits);
        for (size_t i = 0; i < n; i++) {
            CHECK(hits[i].npieces >= 1);
            CHECK(hits[i].par < doc.npars);
            for (size_t k = 0; k < hits[i].npieces; k++)
                CHECK(hits[i].pieces[k].line < doc.nlines);
        }
        gn_hits_free(hits, n);

        gn_match *m = NULL;
        size_t nm = gn_search(&q, doc.ptext.data ? doc.ptext.data : "", doc.ptext.len, &m);
        for (size_t i = 0; i < nm && i < 4; i++) {
            CHECK(m[i].off + m[i].len <= doc.ptext.len);
            size_t moff, mlen;
            char *ex = gn_excerpt(doc.ptext.data, doc.ptext.len, &m[i], width, &moff, &mlen);
            size_t exlen = strlen(ex);
            CHECK(moff + mlen <= exlen);
            CHECK(gn_text_width(ex, exlen) <= (width < 1 ? 1 : width));
            free(ex);
        }
        free(m);
        gn_query_free(&q);
    }
    free(query);

    gn_doc_free(&doc);
    gn_page_free(&page);
    return 0;
}
