/* toc.c: a guide's TOC.md, parsed through cmark-gfm (see toc.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "guidenav/markup.h"
#include "guidenav/page.h"
#include "guidenav/resolve.h"
#include "guidenav/text.h"
#include "guidenav/toc.h"
#include "guidenav/util.h"

/* Raw title text as one line, plain and sanitised, newly allocated: tabs
 * and line breaks (a YAML block scalar, an entity such as "&#10;") become
 * spaces, markup is rendered, its first anchor goes to *anchor (anchor may
 * be NULL). */
static char *title_text(const char *raw, char **anchor)
{
    char *line = gn_xstrdup(raw);
    for (char *c = line; *c; c++)
        if (*c == '\t' || *c == '\n' || *c == '\r' || *c == '\v' || *c == '\f')
            *c = ' ';
    char *plain = gn_markup_plain(line, anchor);
    char *safe = gn_text_sanitized(plain);
    free(line);
    free(plain);
    return safe;
}

/* The inline text of node as a title (see title_text). */
static char *plain_title(cmark_node *node, char **anchor)
{
    char *raw = gn_node_text(node);
    char *title = title_text(raw, anchor);
    free(raw);
    return title;
}

/* The first link among node's descendants, or NULL. */
static cmark_node *first_link(cmark_node *node)
{
    cmark_node *link = NULL;
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while (!link && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK)
            link = n;
    }
    cmark_iter_free(it);
    return link;
}

/* Fill e from the list item: its first child, when a paragraph, gives the
 * title and the kind (the first link in it makes a page or external entry,
 * else a group); an item without one is a group with an empty title. */
static void read_item(cmark_node *item, gn_toc_entry *e)
{
    cmark_node *para = cmark_node_first_child(item);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) {
        e->kind = GN_TOC_GROUP;
        e->title = gn_xstrdup("");
        return;
    }
    cmark_node *link = first_link(para);
    if (!link) {
        e->kind = GN_TOC_GROUP;
        e->title = plain_title(para, &e->anchor);
        return;
    }
    const char *url = cmark_node_get_url(link);
    if (!url)
        url = "";
    e->kind = gn_url_is_external(url) ? GN_TOC_EXTERNAL : GN_TOC_PAGE;
    /* Sanitised like titles: every view prints targets (the tree's status
     * line, --toc, --check), and cmark decodes "&#27;" in a URL into a real
     * ESC. A path with a control character or invalid UTF-8 in it then
     * names no file and shows as missing, which is safe. */
    e->target = gn_text_sanitized(url);
    e->title = plain_title(link, &e->anchor);
}

/* The title gn_toc_title answers, computed once the TOC is read. */
static void set_title(gn_toc *toc)
{
    const char *t = gn_meta_get(&toc->meta, "user-guide-title");
    if (t) {
        toc->title = title_text(t, NULL);
        if (*toc->title)
            return;
        free(toc->title);
    }
    if (toc->heading && *toc->heading) {
        toc->title = gn_xstrdup(toc->heading);
        return;
    }
    char *dir = gn_path_dirname(toc->path);
    char *abs = gn_path_absolute(dir);
    toc->title = gn_text_sanitized(gn_path_basename(abs ? abs : dir));
    free(abs);
    free(dir);
}


/* Walk the body's AST in document order with cmark's iterator: the first
 * level-1 heading names the TOC, every list item is an entry whose depth is
 * the number of list items enclosing it. */
int gn_toc_parse(const char *path, const char *text, size_t len, gn_toc *toc,
                 gn_error *err)
{
    memset(toc, 0, sizeof *toc);
    toc->path = gn_xstrdup(path);
    size_t body_off;
    int body_line;
    if (gn_meta_parse(path, text, len, &toc->meta, &body_off, &body_line, err) != 0)
        return -1;

    cmark_node *doc = gn_markdown_parse_with(text + body_off, len - body_off, false);
    if (!doc)
        return gn_fail(err, "%s: interrupted", path);

    size_t cap = 0;
    int depth = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_ITEM && ev == CMARK_EVENT_EXIT) {
            depth--;
        } else if (type == CMARK_NODE_ITEM) {
            if (toc->n == cap) {
                cap = cap ? cap * 2 : 32;
                toc->entries = gn_xreallocarray(toc->entries, cap, sizeof *toc->entries);
            }
            gn_toc_entry *e = &toc->entries[toc->n++];
            memset(e, 0, sizeof *e);
            read_item(n, e);
            e->depth = depth++;
            e->line = cmark_node_get_start_line(n) + body_line - 1;
        } else if (type == CMARK_NODE_HEADING && ev == CMARK_EVENT_ENTER &&
                   !toc->heading && cmark_node_get_heading_level(n) == 1) {
            toc->heading = plain_title(n, &toc->anchor);
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    set_title(toc);
    return 0;
}

int gn_toc_load(const char *path, const char *real_root, gn_toc *toc, gn_error *err)
{
    char *text;
    size_t len;
    memset(toc, 0, sizeof *toc);
    if (gn_read_file_within(path, real_root, &text, &len, err) != 0)
        return -1;
    int rc = gn_toc_parse(path, text, len, toc, err);
    free(text);
    return rc;
}

char *gn_toc_peek_title(const char *path, const char *real_root)
{
    char *text;
    size_t len, body_off;
    int body_line;
    if (gn_read_file_within(path, real_root, &text, &len, NULL) != 0)
        return NULL;
    gn_meta meta;
    char *title = NULL;
    if (gn_meta_parse(path, text, len, &meta, &body_off, &body_line, NULL) == 0) {
        const char *t = gn_meta_get(&meta, "user-guide-title");
        if (t)
            title = title_text(t, NULL);
        if (title && !*title) {
            free(title);
            title = NULL;
        }
    }
    gn_meta_free(&meta);
    free(text);
    return title;
}

void gn_toc_free(gn_toc *toc)
{
    for (size_t i = 0; i < toc->n; i++) {
        free(toc->entries[i].title);
        free(toc->entries[i].target);
        free(toc->entries[i].anchor);
    }
    free(toc->entries);
    free(toc->path);
    free(toc->heading);
    free(toc->anchor);
    free(toc->title);
    gn_meta_free(&toc->meta);
    memset(toc, 0, sizeof *toc);
}

/* When toc was not read (a failed load), the title is empty. */
const char *gn_toc_title(const gn_toc *toc)
{
    return toc->title ? toc->title : "";
}

/* Length of the file part of target: before any '#' or '?'; *skip is the
 * number of leading "./" bytes. */
static size_t file_part(const char *target, size_t *skip)
{
    size_t a = 0;
    while (target[a] == '.' && target[a + 1] == '/')
        a += 2;
    *skip = a;
    return strcspn(target + a, "#?");
}

/* Whether entry e is a page entry whose target names the same file as
 * page (a target as written: "./" and "#fragment" ignored). */
static bool names_page(const gn_toc_entry *e, const char *page)
{
    if (e->kind != GN_TOC_PAGE)
        return false;
    size_t pskip, plen = file_part(page, &pskip);
    size_t tskip, tlen = file_part(e->target, &tskip);
    return tlen == plen && memcmp(e->target + tskip, page + pskip, plen) == 0;
}

long gn_toc_find_page(const gn_toc *toc, const char *page)
{
    for (size_t i = 0; i < toc->n; i++)
        if (names_page(&toc->entries[i], page))
            return (long)i;
    return -1;
}

long gn_toc_next_page(const gn_toc *toc, long from, int dir)
{
    long n = (long)toc->n;
    if (from < -1)
        from = -1;
    if (from > n)
        from = n;
    const char *here = from >= 0 && from < n ? toc->entries[from].target : NULL;
    for (long i = from + dir; i >= 0 && i < n; i += dir) {
        const gn_toc_entry *e = &toc->entries[i];
        if (e->kind != GN_TOC_PAGE || (here && names_page(e, here)))
            continue;
        while (dir < 0 && i > 0 && names_page(&toc->entries[i - 1], e->target))
            e = &toc->entries[--i];
        return i;
    }
    return -1;
}
