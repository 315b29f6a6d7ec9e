/* page.c: guide pages: front matter and cmark-gfm body (see page.h). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include "guidenav/arena.h"
#include "guidenav/bound.h"
#include "guidenav/collapse.h"
#include "guidenav/emphasis.h"
#include "guidenav/interrupt.h"
#include "guidenav/markup.h"
#include "guidenav/page.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

void gn_markdown_use_arena(void)
{
    if (!gn_arena_current())
        gn_arena_use(gn_arena_new());
}

void gn_markdown_drop_arena(void)
{
    gn_arena *a = gn_arena_current();
    gn_arena_use(NULL);
    gn_arena_free(a);
}

/* The allocator of the parses: the thread's arena when it has one. */
static cmark_mem *parse_mem(void)
{
    return gn_arena_current() ? gn_arena_cmark() : cmark_get_default_mem_allocator();
}

/* The state of the whole process that cmark-gfm 0.29.0.gfm.6 (Debian's,
 * linked statically) writes, from its archives' symbols and source:
 *  - the extension registry, the node types the extensions add
 *    (CMARK_NODE_LAST_*, CMARK_NODE_TABLE*, CMARK_NODE_STRIKETHROUGH) and
 *    ensure_registered's flag: written by the registration alone, once,
 *    under pthread_once (gn_markdown_ready) before any parse reads them;
 *  - SPECIAL_CHARS and SKIP_CHARS, the inline parser's special bytes:
 *    an attached extension's are set and cleared in cmark_parser_finish,
 *    the only caller of the inline parser in that version: serialised
 *    (gn_markdown_run). Later versions' table extension parses a row's
 *    inlines while lines are fed: with those the feed is serialised too;
 *  - cmark's own arena (cmark_arena_push/pop, which the table extension
 *    calls on every header row): both only read its pointer while no one
 *    allocates from CMARK_ARENA_MEM_ALLOCATOR, which guidenav never does
 *    (parses use gn_arena's allocator or the default one, a constant
 *    table of malloc's functions).
 * The rest is the parser's own (reference map, delimiters, buffers). */
static bool feed_alone; /* set once, with the registration */

static void register_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
    feed_alone = cmark_version() > ((0 << 24) | (29 << 16) | (0 << 8) | 6);
}

void gn_markdown_ready(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_extensions);
}

/* cmark-gfm's inline parser marks the special characters of the parser's
 * extensions in a table of the whole process for the time of the parse,
 * and unmarks them at its end: two parses at once would spoil each
 * other's. */
static pthread_mutex_t inlines = PTHREAD_MUTEX_INITIALIZER;

cmark_node *gn_markdown_run(cmark_parser *parser, const char *text, size_t len)
{
    gn_markdown_ready();
    if (feed_alone)
        pthread_mutex_lock(&inlines);
    cmark_parser_feed(parser, text, len);
    if (!feed_alone)
        pthread_mutex_lock(&inlines);
    cmark_node *doc = cmark_parser_finish(parser);
    pthread_mutex_unlock(&inlines);
    return doc;
}

/* Parse text[0..len) as it is, with the extensions of
 * gn_markdown_parse_with (*(bool *)inline_extensions). */
static cmark_node *parse_text(const char *text, size_t len, void *inline_extensions)
{
    gn_markdown_ready();
    cmark_mem *mem = parse_mem();
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, mem);
    static const char *const exts[] = {"table", "strikethrough", "autolink"};
    bool all = *(const bool *)inline_extensions;
    for (size_t i = 0; i < (all ? sizeof exts / sizeof *exts : 1); i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(exts[i]);
        if (ext)
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    /* Emphasis next to Japanese, Korean and Chinese text (emphasis.h). */
    cmark_syntax_extension *cjk = gn_emphasis_attach(parser, mem);
    cmark_node *doc = gn_markdown_run(parser, text, len);
    cmark_parser_free(parser);
    gn_emphasis_free(cjk);
    return doc;
}

/* Parse text as gn_markdown_parse_with says, on the caller's thread. */
static cmark_node *parse_now(const char *text, size_t len, bool inline_extensions)
{
    /* What would make the parser quadratic is bounded first. */
    size_t blen;
    char *bounded = gn_md_bound(text, len, &blen);
    const char *t = bounded ? bounded : text;
    size_t n = bounded ? blen : len;
    /* Emphasis runs slipped inside Adobe's labels, outside again. */
    char *moved = gn_markup_label_runs(t, n, NULL) ? gn_xmalloc(n + 1) : NULL;
    if (moved) {
        gn_markup_label_runs(t, n, moved);
        moved[n] = '\0';
        t = moved;
    }
    cmark_node *doc = parse_text(t, n, &inline_extensions);
    /* Pages (not TOCs) have Adobe's collapsible blocks. */
    if (inline_extensions)
        doc = gn_collapse_blocks(doc, t, n, parse_mem(), parse_text, &inline_extensions);
    free(moved);
    free(bounded);
    return doc;
}

/* A parse that a stop may leave behind: it owns its text. */
typedef struct parse_job {
    char *text;
    size_t len;
    bool inline_extensions;
    cmark_node *doc;
} parse_job;

static void parse_work(void *arg)
{
    parse_job *j = arg;
    j->doc = parse_now(j->text, j->len, j->inline_extensions);
}

static void parse_drop(void *arg)
{
    parse_job *j = arg;
    if (j->doc)
        cmark_node_free(j->doc);
    free(j->text);
    free(j);
}

cmark_node *gn_markdown_parse_with(const char *text, size_t len, bool inline_extensions)
{
    /* cmark-gfm cannot be asked to stop: a parse that may be interrupted
     * runs beside the caller (not in the caller's arena), unless the
     * caller already runs beside the one that watches for a stop (it has
     * an arena of its own: gn_finder's workers). */
    if (!gn_interrupt_watched() || gn_arena_current())
        return parse_now(text, len, inline_extensions);
    parse_job *j = gn_xcalloc(1, sizeof *j);
    j->text = gn_xstrndup(text, len);
    j->len = len;
    j->inline_extensions = inline_extensions;
    if (!gn_interruptible(parse_work, parse_drop, j))
        return NULL;
    cmark_node *doc = j->doc;
    free(j->text);
    free(j);
    return doc;
}

cmark_node *gn_markdown_parse(const char *text, size_t len)
{
    return gn_markdown_parse_with(text, len, true);
}

int gn_page_parse(const char *path, const char *text, size_t len,
                  gn_page *page, gn_error *err)
{
    memset(page, 0, sizeof *page);
    page->path = gn_xstrdup(path);
    size_t body_off;
    if (gn_meta_parse(path, text, len, &page->meta, &body_off, &page->body_line, err) != 0)
        return -1;
    page->doc = gn_markdown_parse(text + body_off, len - body_off);
    if (!page->doc)
        return gn_fail(err, "%s: interrupted", path);
    return 0;
}

int gn_page_load(const char *path, gn_page *page, gn_error *err)
{
    return gn_page_load_within(path, NULL, page, err);
}

int gn_page_load_within(const char *path, const char *real_root, gn_page *page,
                        gn_error *err)
{
    char *text;
    size_t len;
    memset(page, 0, sizeof *page);
    if (gn_read_file_within(path, real_root, &text, &len, err) != 0)
        return -1;
    int rc = gn_page_parse(path, text, len, page, err);
    free(text);
    return rc;
}

void gn_page_free(gn_page *page)
{
    free(page->path);
    gn_meta_free(&page->meta);
    if (page->doc)
        cmark_node_free(page->doc);
    memset(page, 0, sizeof *page);
}

char *gn_node_text(cmark_node *node)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_adds(&b, "");
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            gn_buf_adds(&b, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            gn_buf_addc(&b, ' ');
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    return gn_buf_take(&b);
}

char *gn_page_title(const gn_page *page)
{
    const char *t = gn_meta_get(&page->meta, "title");
    char *raw = NULL;
    if (t && *t) {
        raw = gn_xstrdup(t);
    } else if (page->doc) {
        for (cmark_node *n = cmark_node_first_child(page->doc); n; n = cmark_node_next(n))
            if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
                raw = gn_node_text(n);
                break;
            }
    }
    if (raw && !*raw) { /* an empty heading names nothing */
        free(raw);
        raw = NULL;
    }
    if (!raw)
        raw = gn_xstrdup(gn_path_basename(page->path));
    char *plain = gn_markup_plain(raw, NULL);
    char *safe = gn_text_sanitized(plain);
    free(raw);
    free(plain);
    return safe;
}

int gn_node_line(cmark_node *node)
{
    int line = cmark_node_get_start_line(node);
    for (cmark_node *b = node; line <= 0 && b; b = cmark_node_parent(b))
        if ((cmark_node_get_type(b) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_INLINE)
            line = cmark_node_get_start_line(b);
    return line > 0 ? line : 1;
}
