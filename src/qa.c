/* qa.c: translation review, block by block (see qa.h).
 *
 * Each block's lines of the file are parsed on their own and walked once:
 * inline code spans and link targets are items as they stand; the text
 * the reader sees (text nodes, the text of raw HTML, in order, with the
 * file line of each piece) is then read for Adobe's labels, numbers,
 * broken markup and words. Items of a pair of blocks are matched through
 * a sorted index, so a block of thousands of numbers costs n log n. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "guidenav/align.h"
#include "guidenav/collapse.h"
#include "guidenav/html.h"
#include "guidenav/interrupt.h"
#include "guidenav/locale.h"
#include "guidenav/markup.h"
#include "guidenav/number.h"
#include "guidenav/page.h"
#include "guidenav/qa.h"
#include "guidenav/resolve.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

const char *gn_qa_kind_name(gn_qa_kind kind)
{
    static const char *const names[GN_QA_NKINDS] = {"uicontrol", "link", "code", "number",
                                                    "markup", "untranslated"};
    return kind < GN_QA_NKINDS ? names[kind] : "?";
}

/* ---- what a block holds ---------------------------------------------------- */

/* Something the translation must keep: its comparison key (and for a
 * number its reading in the other convention), as written, and its line. */
typedef struct qitem {
    char *key, *alt, *shown;
    int line;
} qitem;

typedef struct qlist {
    qitem *v;
    size_t n, cap;
} qlist;

/* The items sought, by the kind of finding their loss makes. */
enum { I_LABEL, I_LINK, I_CODE, I_NUMBER, NITEMS };
static const gn_qa_kind item_kind[NITEMS] = {GN_QA_UICONTROL, GN_QA_LINK, GN_QA_CODE,
                                             GN_QA_NUMBER};

/* Broken markup, counted per block. */
enum { F_BRACKET, F_PAREN, F_LINKTEXT, F_BRACE, F_PLACEHOLDER, F_EMPHASIS, F_LABELRUN, NFAULTS };
static const char *const fault_text[NFAULTS] = {
    "unbalanced brackets", "unbalanced parentheses", "\"](\" left in the text (a link that did not parse)",
    "a '}' that closes nothing", "a numbered placeholder", "an emphasis marker left as text",
    "an emphasis marker inside a label's brackets"};

typedef struct qblock {
    qlist items[NITEMS];
    int faults[NFAULTS];
    int fault_line[NFAULTS]; /* the first one's */
    char *plain;             /* the text, code spans included, spaces collapsed */
    size_t words;            /* words outside labels */
    bool code;               /* a code block: never untranslated */
    int line;                /* its first line in the file */
} qblock;

struct gn_qa_page {
    qblock *b;
    size_t n;
    bool decimal_comma;
};

static void add_item(qlist *l, const char *key, const char *alt, const char *shown, int line)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = gn_xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    l->v[l->n++] = (qitem){gn_xstrdup(key), alt ? gn_xstrdup(alt) : NULL, gn_xstrdup(shown), line};
}

/* ---- reading a block ------------------------------------------------------- */

/* The text of a block as read: its bytes, and the file line where each
 * piece starts. */
typedef struct reader {
    qblock *qb;
    int base;          /* the file line of the tree's line 0 (body_line - 1) */
    gn_buf prose;      /* what the reader sees, markers and all */
    gn_buf plain;
    size_t *mark_off;  /* piece k starts at prose byte mark_off[k], line mark_line[k] */
    int *mark_line;
    size_t nmarks, cap_marks;
} reader;

static void mark(reader *r, int line)
{
    if (r->nmarks == r->cap_marks) {
        r->cap_marks = r->cap_marks ? r->cap_marks * 2 : 16;
        r->mark_off = gn_xreallocarray(r->mark_off, r->cap_marks, sizeof *r->mark_off);
        r->mark_line = gn_xreallocarray(r->mark_line, r->cap_marks, sizeof *r->mark_line);
    }
    r->mark_off[r->nmarks] = r->prose.len;
    r->mark_line[r->nmarks++] = line;
}

/* The file line of prose byte off. */
static int line_of(const reader *r, size_t off)
{
    size_t lo = 0, hi = r->nmarks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->mark_off[mid] <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? r->mark_line[lo - 1] : r->qb->line;
}

/* Append text to what the reader sees (and to the plain text). */
static void add_text(reader *r, cmark_node *n, const char *s, size_t len)
{
    mark(r, gn_node_line(n) + r->base);
    gn_buf_add(&r->prose, s, len);
    gn_buf_add(&r->plain, s, len);
}

/* A path segment that is a locale tag in any case: "de", "pt-br", "zh-hans". */
static bool locale_segment(const char *s, size_t n)
{
    char tag[16];
    if (n != 2 && n != 5 && n != 7)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool upper = n == 5 && i > 2, title = n == 7 && i == 3;
        if (c >= 'A' && c <= 'Z' && !upper && !title)
            c = (char)(c - 'A' + 'a');
        else if (c >= 'a' && c <= 'z' && (upper || title))
            c = (char)(c - 'a' + 'A');
        tag[i] = c;
    }
    return gn_locale_is_tag(tag, n);
}

/* What two link targets must share: the target with "lang=" query
 * parameters dropped and locale-tag path segments as "*". */
static char *link_key(const char *url)
{
    gn_buf b = GN_BUF_INIT;
    size_t frag = strcspn(url, "#"), query = strcspn(url, "?#");
    const char *p = url;
    while ((size_t)(p - url) < query) {
        size_t seg = strcspn(p, "/?#");
        if ((size_t)(p - url) + seg > query)
            seg = query - (size_t)(p - url);
        if (locale_segment(p, seg))
            gn_buf_addc(&b, '*');
        else
            gn_buf_add(&b, p, seg);
        p += seg;
        if ((size_t)(p - url) < query && *p == '/') {
            gn_buf_addc(&b, '/');
            p++;
        }
    }
    if (query < frag) { /* the query, without lang= */
        const char *q = url + query + 1, *end = url + frag;
        char sep = '?';
        while (q < end) {
            size_t n = strcspn(q, "&#");
            if ((size_t)(end - q) < n)
                n = (size_t)(end - q);
            if (n && strncmp(q, "lang=", 5) != 0) {
                gn_buf_addc(&b, sep);
                gn_buf_add(&b, q, n);
                sep = '&';
            }
            q += n + (q + n < end);
        }
    }
    gn_buf_adds(&b, url + frag);
    if (!b.data)
        gn_buf_adds(&b, "");
    return gn_buf_take(&b);
}

/* Walk a node of the block: code spans and links are items, text goes
 * to the reader. */
static void walk(reader *r, cmark_node *root)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        bool enter = ev == CMARK_EVENT_ENTER;
        cmark_node_type type = cmark_node_get_type(n);
        const char *lit = cmark_node_get_literal(n);
        int line = gn_node_line(n) + r->base;
        switch (type) {
        case CMARK_NODE_TEXT:
            add_text(r, n, lit, strlen(lit));
            break;
        case CMARK_NODE_CODE:
            add_item(&r->qb->items[I_CODE], lit, NULL, lit, line);
            gn_buf_addc(&r->prose, ' ');
            gn_buf_addc(&r->plain, '`');
            gn_buf_adds(&r->plain, lit);
            gn_buf_addc(&r->plain, '`');
            break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: {
            gn_buf t = GN_BUF_INIT;
            gn_html_text(lit, strlen(lit), &t);
            if (t.len)
                add_text(r, n, t.data, t.len);
            gn_buf_free(&t);
            break;
        }
        case CMARK_NODE_LINK: {
            const char *url = cmark_node_get_url(n);
            if (gn_markup_link_is_marker(n)) { /* "[!DNL x](으)로": text, not a link */
                gn_buf_adds(&r->prose, enter ? "[" : "] (");
                if (!enter) {
                    gn_buf_adds(&r->prose, url ? url : "");
                    gn_buf_addc(&r->prose, ')');
                }
            } else if (enter && url && *url) {
                char *key = link_key(url);
                add_item(&r->qb->items[I_LINK], key, NULL, url, line);
                free(key);
            }
            break;
        }
        case CMARK_NODE_IMAGE:
            if (enter)
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            gn_buf_addc(&r->prose, ' ');
            gn_buf_addc(&r->plain, ' ');
            break;
        default:
            /* Blocks and table cells end words. */
            if (!enter && (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
                gn_buf_addc(&r->prose, ' ');
                gn_buf_addc(&r->plain, ' ');
            }
            break;
        }
    }
    cmark_iter_free(it);
}

/* Collapse runs of white space to one space, trimmed. Newly allocated. */
static char *collapse_spaces(const char *s, size_t len)
{
    gn_buf b = GN_BUF_INIT;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            gn_buf_addc(&b, ' ');
        space = false;
        gn_buf_addc(&b, (char)c);
    }
    gn_buf_adds(&b, "");
    return gn_buf_take(&b);
}

/* gn_markup_scan's callback: a label of [!UICONTROL] or [!DNL] is an item;
 * its bytes are not counted as words. */
typedef struct labels {
    reader *r;
    unsigned char *del;
} labels;

static void on_label(enum gn_mark kind, size_t inner, size_t inner_end, void *ctx)
{
    labels *lb = ctx;
    if (kind != GN_MARK_UICONTROL && kind != GN_MARK_DNL)
        return;
    char *label = collapse_spaces(lb->r->prose.data + inner, inner_end - inner);
    bool empty = !*label; /* "[!UICONTROL ]": nothing to keep */
    if (!empty)
        add_item(&lb->r->qb->items[I_LABEL], label, NULL, label, line_of(lb->r, inner));
    free(label);
    if (!empty)
        memset(lb->del + inner, 2, inner_end - inner);
}

/* gn_numbers' callback. */
static void on_number(size_t off, size_t len, const char *point, const char *comma, void *ctx)
{
    reader *r = ctx;
    char *shown = gn_xstrndup(r->prose.data + off, len);
    add_item(&r->qb->items[I_NUMBER], point, comma, shown, line_of(r, off));
    free(shown);
}

static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void fault(qblock *qb, int kind, int line)
{
    if (qb->faults[kind]++ == 0)
        qb->fault_line[kind] = line;
}

/* Count the broken markup of s[0..len) (markers and attribute lists
 * blanked). */
static void find_faults(reader *r, const char *s, size_t len)
{
    qblock *qb = r->qb;
    /* The first '[' (or '(') left open is the one that opened the last
     * stretch of text inside brackets. */
    size_t nopen = 0, open_first = 0, parens = 0, braces = 0;
    size_t paren_first = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '[') {
            if (nopen++ == 0)
                open_first = i;
        } else if (c == ']') {
            if (nopen)
                nopen--;
            else
                fault(qb, F_BRACKET, line_of(r, i));
            if (i + 1 < len && s[i + 1] == '(')
                fault(qb, F_LINKTEXT, line_of(r, i));
        } else if (c == '(' || (c == '\xEF' && i + 2 < len && s[i + 1] == '\xBC' && s[i + 2] == '\x88')) {
            if (parens++ == 0) /* '(' or U+FF08 FULLWIDTH LEFT PARENTHESIS */
                paren_first = i;
        } else if (c == ')' || (c == '\xEF' && i + 2 < len && s[i + 1] == '\xBC' && s[i + 2] == '\x89')) {
            if (parens)
                parens--;
            else
                fault(qb, F_PAREN, line_of(r, i));
        } else if (c == '{') {
            braces++;
            if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
                fault(qb, F_PLACEHOLDER, line_of(r, i));
        } else if (c == '}') {
            if (braces)
                braces--;
            else
                fault(qb, F_BRACE, line_of(r, i));
            if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && !(i > 1 && s[i - 2] == '{'))
                fault(qb, F_PLACEHOLDER, line_of(r, i));
        } else if (c == '*' || c == '_') {
            size_t j = i;
            while (j < len && s[j] == c)
                j++;
            bool inside = i > 0 && j < len && ascii_alnum((unsigned char)s[i - 1]) &&
                          ascii_alnum((unsigned char)s[j]);
            if (c == '*' || !inside)
                fault(qb, F_EMPHASIS, line_of(r, i));
            i = j - 1;
        }
    }
    if (nopen)
        fault(qb, F_BRACKET, line_of(r, open_first));
    if (parens)
        fault(qb, F_PAREN, line_of(r, paren_first));
}

/* Words: runs of letters, outside labels (del 2) and markup (del 1). */
static size_t count_words(const char *s, size_t len, const unsigned char *del)
{
    size_t words = 0, i = 0;
    bool in = false;
    while (i < len) {
        int32_t cp;
        size_t k = gn_utf8_decode(s + i, len - i, &cp);
        utf8proc_category_t cat = utf8proc_category(cp);
        bool letter = !del[i] && cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        if (letter && !in)
            words++;
        in = letter;
        i += k;
    }
    return words;
}

/* The nodes of a block: those of the page's tree lying within its file
 * lines, a node inside taken whole, one overlapping looked into. */
typedef struct nodes {
    cmark_node **v;
    size_t n, cap;
} nodes;

/* Where the search of the blocks' nodes stands: blocks come in line
 * order, so the top level and the children of the node last looked into
 * are each walked once. */
typedef struct finder {
    cmark_node *top;          /* the first top-level node not yet passed */
    cmark_node *inside;       /* the top-level node last looked into */
    cmark_node *inside_child; /* ...and its first child not yet passed */
    int off;                  /* file line of the tree's line 0 */
} finder;

static void push_node(nodes *ns, cmark_node *n)
{
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? ns->cap * 2 : 8;
        ns->v = gn_xreallocarray(ns->v, ns->cap, sizeof *ns->v);
    }
    ns->v[ns->n++] = n;
}

/* The nodes from first on (siblings) within file lines [a, b]; *from,
 * when not NULL, is moved past the nodes that end before a. A node that
 * overlaps the lines is looked into, or, when overlap is not NULL, left
 * there (*overlap) for the caller. */
static void nodes_within(cmark_node *first, cmark_node **from, int off, int a, int b, nodes *out,
                         cmark_node **overlap)
{
    for (cmark_node *n = first; n && !gn_interrupted(); n = cmark_node_next(n)) {
        int s, e;
        gn_collapse_node_lines(n, &s, &e);
        s += off;
        e += off;
        if (e < a) {
            if (from)
                *from = cmark_node_next(n);
            continue;
        }
        if (s > b)
            break;
        if (s >= a && e <= b) {
            push_node(out, n);
        } else if (overlap) {
            *overlap = n;
            break;
        } else {
            nodes_within(cmark_node_first_child(n), NULL, off, a, b, out, NULL);
        }
    }
}

/* The nodes of the block at file lines [a, b], in order. */
static void block_nodes(finder *f, int a, int b, nodes *out)
{
    out->n = 0;
    cmark_node *over = NULL;
    nodes_within(f->top, &f->top, f->off, a, b, out, &over);
    /* A top-level node holding several blocks (a list whose items are
     * blocks): its children from where the last block left them. */
    if (over) {
        if (f->inside != over) {
            f->inside = over;
            f->inside_child = cmark_node_first_child(over);
        }
        nodes_within(f->inside_child, &f->inside_child, f->off, a, b, out, NULL);
    }
}

/* Read block qb from its nodes; base is the file line of the tree's line
 * 0, raw[0..rawlen) the block's text as written (for runs inside labels),
 * first_line its first line. */
static void read_block(qblock *qb, const nodes *ns, int base, const char *raw, size_t rawlen,
                       int first_line)
{
    qb->line = first_line;
    /* Runs inside labels are read outside them (markup.h): count them in
     * the text as written. */
    size_t runs = raw ? gn_markup_label_runs(raw, rawlen, NULL) : 0;
    if (runs) {
        qb->faults[F_LABELRUN] = (int)runs;
        qb->fault_line[F_LABELRUN] = first_line;
    }
    reader r = {.qb = qb, .base = base};
    mark(&r, first_line);
    qb->code = ns->n == 1 && cmark_node_get_type(ns->v[0]) == CMARK_NODE_CODE_BLOCK;
    for (size_t i = 0; i < ns->n; i++)
        walk(&r, ns->v[i]);
    gn_buf_adds(&r.prose, "");
    unsigned char *del = gn_xcalloc(r.prose.len + 1, 1);
    labels lb = {&r, del};
    gn_markup_scan(r.prose.data, r.prose.len, del, NULL, on_label, &lb);
    /* Markers and attribute lists blanked, for numbers and faults. */
    char *seen = gn_xstrndup(r.prose.data, r.prose.len);
    for (size_t i = 0; i < r.prose.len; i++)
        if (del[i] == 1)
            seen[i] = ' ';
    gn_numbers(seen, r.prose.len, on_number, &r);
    find_faults(&r, seen, r.prose.len);
    qb->words = count_words(r.prose.data, r.prose.len, del);
    qb->plain = collapse_spaces(r.plain.data ? r.plain.data : "", r.plain.len);
    free(seen);
    free(del);
    gn_buf_free(&r.prose);
    gn_buf_free(&r.plain);
    free(r.mark_off);
    free(r.mark_line);
}

gn_qa_page *gn_qa_page_new(const gn_page *page, const char *text, size_t len, const gn_doc *doc,
                           const char *lang)
{
    gn_qa_page *p = gn_xcalloc(1, sizeof *p);
    p->decimal_comma = gn_locale_decimal_comma(lang);
    p->n = doc->nblocks;
    p->b = gn_xcalloc(p->n + 1, sizeof *p->b);
    /* Where each line of the file starts, lines ending as CommonMark
     * (and so cmark's line numbers) end them: "\n", "\r\n" or "\r". */
    size_t nlines = 1;
    for (size_t i = 0; text && i < len; i++)
        nlines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));
    size_t *start = gn_xcalloc(nlines + 1, sizeof *start);
    for (size_t i = 0, l = 1; text && i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            start[l++] = i + 1;
    start[nlines] = len;
    int off = page->body_line - 1;
    finder f = {.top = page->doc ? cmark_node_first_child(page->doc) : NULL, .off = off};
    nodes ns = {0};
    for (size_t k = 0; k < p->n && !gn_interrupted(); k++) {
        const gn_block *b = &doc->blocks[k];
        if (b->src_line <= 0 || b->src_end < b->src_line)
            continue;
        block_nodes(&f, b->src_line, b->src_end, &ns);
        const char *raw = NULL;
        size_t rawlen = 0;
        if (text && (size_t)b->src_line <= nlines) {
            size_t from = start[b->src_line - 1];
            size_t to = (size_t)b->src_end < nlines ? start[b->src_end] : len;
            raw = text + from;
            rawlen = to - from;
        }
        read_block(&p->b[k], &ns, off, raw, rawlen, b->src_line);
    }
    free(ns.v);
    free(start);
    return p;
}

void gn_qa_page_free(gn_qa_page *page)
{
    if (!page)
        return;
    for (size_t k = 0; k < page->n; k++) {
        qblock *qb = &page->b[k];
        for (int i = 0; i < NITEMS; i++) {
            for (size_t j = 0; j < qb->items[i].n; j++) {
                free(qb->items[i].v[j].key);
                free(qb->items[i].v[j].alt);
                free(qb->items[i].v[j].shown);
            }
            free(qb->items[i].v);
        }
        free(qb->plain);
    }
    free(page->b);
    free(page);
}

/* ---- comparing ------------------------------------------------------------- */

static void add_finding(gn_qa_findings *f, gn_qa_kind kind, int line, size_t block, char *detail)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 16;
        f->v = gn_xreallocarray(f->v, f->cap, sizeof *f->v);
    }
    f->v[f->n++] = (gn_qa_finding){kind, line, block, detail};
}

/* One reading of a translation's item, for the sorted index. */
typedef struct entry {
    const char *key;
    size_t idx;
} entry;

static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* The first entry of e[0..n) with key, or n. */
static size_t lower_bound(const entry *e, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The key an item is sought by: a number's reading in its page's
 * convention (alt holds the decimal-comma one). */
static const char *key_of(const qitem *it, bool comma)
{
    return comma && it->alt ? it->alt : it->key;
}

/* Match the items of the reference block's list rl with the translation's
 * tl (by key; a number by the reading of either convention the pair's
 * locales use); report each reference item left: changed when a
 * translation item is left too (in order), else missing. */
static void match_list(const qlist *rl, const qlist *tl, bool ref_comma, bool tr_comma,
                       gn_qa_kind kind, size_t tblock, int tline, gn_qa_findings *out)
{
    if (rl->n == 0)
        return;
    size_t ne = 0;
    entry *e = gn_xcalloc(tl->n * 2 + 1, sizeof *e);
    for (size_t j = 0; j < tl->n; j++) {
        const char *own = key_of(&tl->v[j], tr_comma), *other = key_of(&tl->v[j], ref_comma);
        e[ne++] = (entry){own, j};
        if (strcmp(own, other) != 0)
            e[ne++] = (entry){other, j};
    }
    qsort(e, ne, sizeof *e, entry_cmp);
    bool *used = gn_xcalloc(tl->n + 1, sizeof *used);
    size_t *next = gn_xcalloc(ne + 1, sizeof *next); /* per key's first entry: where to look */
    for (size_t k = 0; k < ne; k++)
        next[k] = k;
    size_t *left = gn_xcalloc(rl->n + 1, sizeof *left), nleft = 0;
    for (size_t i = 0; i < rl->n; i++) {
        const char *key = key_of(&rl->v[i], ref_comma);
        size_t lo = lower_bound(e, ne, key), k = lo < ne ? next[lo] : ne;
        while (k < ne && strcmp(e[k].key, key) == 0 && used[e[k].idx])
            k++;
        if (lo < ne)
            next[lo] = k;
        if (k < ne && strcmp(e[k].key, key) == 0)
            used[e[k].idx] = true;
        else
            left[nleft++] = i;
    }
    size_t j = 0;
    for (size_t i = 0; i < nleft; i++) {
        const qitem *ri = &rl->v[left[i]];
        while (j < tl->n && used[j])
            j++;
        const char *q = kind == GN_QA_CODE ? "`" : kind == GN_QA_UICONTROL ? "\"" : "";
        if (j < tl->n) {
            const qitem *ti = &tl->v[j++];
            add_finding(out, kind, ti->line, tblock,
                        gn_xasprintf("%s%s%s changed to %s%s%s", q, ri->shown, q, q, ti->shown, q));
        } else {
            add_finding(out, kind, tline, tblock, gn_xasprintf("%s%s%s missing", q, ri->shown, q));
        }
    }
    free(left);
    free(next);
    free(used);
    free(e);
}

/* The start of text, at most 40 columns, with "…" when cut. */
static char *excerpt(const char *s)
{
    size_t len = strlen(s), n = gn_text_fit(s, len, 40);
    return n < len ? gn_xasprintf("%.*s…", (int)n, s) : gn_xstrdup(s);
}

static int finding_cmp(const void *a, const void *b)
{
    const gn_qa_finding *x = a, *y = b;
    if (x->line != y->line)
        return (x->line > y->line) - (x->line < y->line);
    if (x->kind != y->kind)
        return ((int)x->kind > (int)y->kind) - ((int)x->kind < (int)y->kind);
    return strcmp(x->detail, y->detail);
}

void gn_qa_compare(const gn_qa_page *ref, const gn_qa_page *tr, const gn_block_pair *pairs,
                   size_t np, bool ref_left, gn_qa_findings *out)
{
    size_t first = out->n;
    for (size_t k = 0; k < np && !gn_interrupted(); k++) {
        size_t rk = ref_left ? pairs[k].l : pairs[k].r, tk = ref_left ? pairs[k].r : pairs[k].l;
        if (rk >= ref->n || tk >= tr->n)
            continue;
        const qblock *rb = &ref->b[rk], *tb = &tr->b[tk];
        size_t tblock = tk;
        if (rb->line <= 0 || tb->line <= 0) /* a block not read: its lines are unknown */
            continue;
        for (int i = 0; i < NITEMS; i++)
            match_list(&rb->items[i], &tb->items[i], ref->decimal_comma, tr->decimal_comma,
                       item_kind[i], tblock, tb->line, out);
        for (int f = 0; f < NFAULTS; f++)
            if (tb->faults[f] > rb->faults[f])
                add_finding(out, GN_QA_MARKUP, tb->fault_line[f], tblock,
                            rb->faults[f] ? gn_xasprintf("%s (%d, the reference %d)", fault_text[f],
                                                         tb->faults[f], rb->faults[f])
                                          : gn_xstrdup(fault_text[f]));
        if (!rb->code && rb->words >= 4 && rb->plain && tb->plain &&
            strcmp(rb->plain, tb->plain) == 0) {
            char *ex = excerpt(tb->plain);
            add_finding(out, GN_QA_UNTRANSLATED, tb->line, tblock,
                        gn_xasprintf("the same text as the reference: %s", ex));
            free(ex);
        }
    }
    if (out->n > first)
        qsort(out->v + first, out->n - first, sizeof *out->v, finding_cmp);
}

gn_qa_page *gn_qa_read(const gn_source *src, const char *path, gn_page *page, gn_doc *doc,
                       gn_error *err)
{
    char *text;
    size_t len;
    memset(page, 0, sizeof *page);
    memset(doc, 0, sizeof *doc);
    if (gn_source_check_read(src, path, err) != 0 ||
        gn_read_file_within(path, src->real_repo, &text, &len, err) != 0)
        return NULL;
    if (gn_page_parse(path, text, len, page, err) != 0) {
        free(text);
        return NULL;
    }
    gn_layout_opts opts = {.width = 80, .lang = src->tag, .path = path, .repo = src->repo,
                           .line_offset = page->body_line - 1};
    gn_layout(page->doc, &opts, doc);
    gn_qa_page *qa = gn_qa_page_new(page, text, len, doc, src->tag);
    free(text);
    return qa;
}

size_t gn_qa_review(const gn_qa_page *ref, const gn_doc *ref_doc, const gn_qa_page *tr,
                    const gn_doc *tr_doc, gn_qa_findings *out)
{
    gn_block_pair *pairs;
    size_t n = gn_align_block_pairs(ref_doc, tr_doc, &pairs), first = out->n, counted = 0;
    gn_qa_compare(ref, tr, pairs, n, true, out);
    free(pairs);
    for (size_t i = first; i < out->n; i++)
        counted += out->v[i].kind != GN_QA_UNTRANSLATED;
    return counted;
}

void gn_qa_findings_clear(gn_qa_findings *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].detail);
    f->n = 0;
}

void gn_qa_findings_free(gn_qa_findings *f)
{
    gn_qa_findings_clear(f);
    free(f->v);
    memset(f, 0, sizeof *f);
}
