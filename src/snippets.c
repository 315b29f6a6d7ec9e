/* snippets.c: the {{name}} snippets of a page (see snippets.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/resolve.h"
#include "guidenav/snippets.h"
#include "guidenav/source.h"

/* A heading of the snippets file, by anchor (see gn_snippets_find). */
typedef struct gn_snippet_head {
    char *anchor;
    cmark_node *heading;
    size_t order; /* its place in the file: the first of equal anchors wins */
} gn_snippet_head;

void gn_snippets_init(gn_snippets *sn, const char *page, const char *repo)
{
    memset(sn, 0, sizeof *sn);
    sn->page = page;
    sn->repo = repo;
}

void gn_snippets_free(gn_snippets *sn)
{
    if (!sn)
        return;
    if (sn->doc)
        cmark_node_free(sn->doc);
    for (size_t i = 0; i < sn->nheads; i++)
        free(sn->heads[i].anchor);
    free(sn->heads);
    sn->doc = NULL;
    sn->heads = NULL;
    sn->nheads = 0;
}

char *gn_snippets_path(const char *page, const char *repo)
{
    static const char *const rel[] = {"_includes/snippets.md", "help/_includes/snippets.md"};
    char *abs = gn_path_absolute(page);
    char *dir = abs ? gn_path_dirname(abs) : NULL;
    free(abs);
    if (!dir)
        return NULL;
    char *root = repo ? gn_path_absolute(repo) : gn_path_repo_root(dir);
    char *real_root = root ? realpath(root, NULL) : NULL;
    char *found = NULL;
    for (int up = 0; up < 64 && real_root && !found; up++) {
        for (size_t i = 0; i < 2 && !found; i++) {
            char *p = gn_path_join(dir, rel[i]);
            if (gn_is_file(p) && gn_path_within(p, root, real_root))
                found = p;
            else
                free(p);
        }
        if (strcmp(dir, root) == 0 || strcmp(dir, "/") == 0)
            break;
        char *parent = gn_path_dirname(dir);
        free(dir);
        dir = parent;
    }
    free(dir);
    free(root);
    free(real_root);
    return found;
}

/* The anchor a heading node carries ("## Title {#name}"), newly allocated,
 * or NULL when it has none. */
static char *heading_anchor(cmark_node *heading)
{
    gn_para p = {0};
    gn_para_collect(&p, heading, 0, 0);
    gn_para_markup(&p);
    char *anchor = p.anchor ? gn_xstrdup(p.anchor) : NULL;
    gn_para_free(&p);
    return anchor;
}

/* qsort's order of headings: by anchor, then by place in the file. */
static int head_cmp(const void *a, const void *b)
{
    const gn_snippet_head *x = a, *y = b;
    int c = strcmp(x->anchor, y->anchor);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

/* Read and parse sn's snippets file, if there is one, and sort its
 * headings with an anchor into sn->heads. */
static void load(gn_snippets *sn)
{
    char *file = sn->page ? gn_snippets_path(sn->page, sn->repo) : NULL;
    char *text;
    size_t n;
    if (file && gn_read_file(file, &text, &n, NULL) == 0) {
        gn_page page;
        if (gn_page_parse(file, text, n, &page, NULL) == 0) {
            sn->doc = page.doc;
            page.doc = NULL;
        }
        gn_page_free(&page);
        free(text);
    }
    free(file);
    size_t cap = 0;
    for (cmark_node *h = sn->doc ? cmark_node_first_child(sn->doc) : NULL; h;
         h = cmark_node_next(h)) {
        if (cmark_node_get_type(h) != CMARK_NODE_HEADING)
            continue;
        char *anchor = heading_anchor(h);
        if (!anchor)
            continue;
        if (sn->nheads == cap) {
            cap = cap ? cap * 2 : 16;
            sn->heads = gn_xreallocarray(sn->heads, cap, sizeof *sn->heads);
        }
        sn->heads[sn->nheads] = (gn_snippet_head){anchor, h, sn->nheads};
        sn->nheads++;
    }
    if (sn->nheads > 1)
        qsort(sn->heads, sn->nheads, sizeof *sn->heads, head_cmp);
}

cmark_node *gn_snippets_find(gn_snippets *sn, const char *name, size_t len)
{
    if (sn->depth >= GN_SNIPPET_DEPTH)
        return NULL;
    if (!sn->tried) {
        sn->tried = true;
        load(sn);
    }
    /* The first of the anchors equal to name (in file order). */
    size_t lo = 0, hi = sn->nheads;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *a = sn->heads[mid].anchor;
        size_t alen = strlen(a);
        int c = memcmp(a, name, alen < len ? alen : len);
        if (c == 0)
            c = alen < len ? -1 : alen > len;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < sn->nheads && strlen(sn->heads[lo].anchor) == len &&
        memcmp(sn->heads[lo].anchor, name, len) == 0)
        return sn->heads[lo].heading;
    return NULL;
}

cmark_node *gn_snippet_next(cmark_node *h, cmark_node *n)
{
    cmark_node *next = cmark_node_next(n);
    if (next && cmark_node_get_type(next) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(next) <= cmark_node_get_heading_level(h))
        return NULL;
    return next;
}

size_t gn_snippet_ref(const char *s, size_t len, size_t *name, size_t *name_len)
{
    if (len < 5 || s[0] != '{' || s[1] != '{')
        return 0;
    size_t i = 2;
    while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
        i++;
    if (i == 2 || i + 1 >= len || s[i] != '}' || s[i + 1] != '}')
        return 0;
    *name = 2;
    *name_len = i - 2;
    return i + 2;
}

cmark_node *gn_snippets_whole(gn_snippets *sn, const gn_para *p)
{
    size_t name, name_len;
    if (p->text.len == 0 ||
        gn_snippet_ref(p->text.data, p->text.len, &name, &name_len) != p->text.len)
        return NULL;
    return gn_snippets_find(sn, p->text.data + name, name_len);
}

/* Append to out the plain text of the snippet whose heading is h, for one
 * used inside a sentence: its blocks' text joined by spaces, in style
 * with their own markup's styles, without links. */
static void snippet_text(cmark_node *h, gn_para *out, uint32_t style)
{
    for (cmark_node *n = gn_snippet_next(h, h); n; n = gn_snippet_next(h, n)) {
        gn_para p = {0};
        gn_para_collect(&p, n, style, -1);
        for (size_t i = 0; i < p.text.len; i++)
            p.link[i] = -1;
        gn_para_markup(&p);
        if (out->text.len && p.text.len)
            gn_para_add(out, " ", 1, style, -1);
        size_t at = out->text.len;
        gn_para_add(out, p.text.data ? p.text.data : "", p.text.len, style, -1);
        for (size_t i = 0; i < p.text.len && at + i < out->text.len; i++)
            out->style[at + i] = p.style[i];
        gn_para_free(&p);
    }
}

void gn_snippets_inline(gn_snippets *sn, gn_para *p)
{
    const char *s = p->text.data;
    size_t len = p->text.len;
    gn_para out = {0};
    size_t done = 0; /* p's bytes before this are in out */
    for (size_t i = 0; i + 4 < len; i++) {
        const char *brace = memchr(s + i, '{', len - 4 - i);
        if (!brace)
            break;
        i = (size_t)(brace - s);
        size_t name, name_len;
        size_t n = gn_snippet_ref(s + i, len - i, &name, &name_len);
        if (n == 0)
            continue;
        char *key = gn_xstrndup(s + i + name, name_len);
        cmark_node *h = gn_snippets_find(sn, key, name_len);
        gn_para repl = {0};
        if (h) {
            snippet_text(h, &repl, p->style[i]);
        } else {
            char *ph = gn_xasprintf("[snippet %s not found]", key);
            gn_para_add(&repl, ph, strlen(ph), p->style[i] | GN_ST_CONT, -1);
            free(ph);
        }
        gn_para_append(&out, p, done, i);
        size_t at = out.text.len;
        gn_para_add(&out, repl.text.data ? repl.text.data : "", repl.text.len, 0, -1);
        for (size_t k = 0; k < repl.text.len && at + k < out.text.len; k++)
            out.style[at + k] = repl.style[k];
        gn_para_free(&repl);
        free(key);
        done = i + n;
        i += n - 1;
    }
    if (done == 0)
        return; /* no reference */
    gn_para_append(&out, p, done, len);
    /* p takes out's text; its links, anchor and soft breaks stay (markup
     * has run: there are none of the last). */
    gn_buf_free(&p->text);
    free(p->style);
    free(p->link);
    p->text = out.text;
    p->style = out.style;
    p->link = out.link;
    p->cap = out.cap;
    free(out.urls);
    free(out.soft);
    free(out.anchor);
}
