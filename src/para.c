/* para.c: styled paragraphs and the Adobe inline markup pass (see para.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/interrupt.h"
#include "guidenav/layout.h"
#include "guidenav/markup.h"
#include "guidenav/para.h"
#include "guidenav/text.h"

static void reserve(gn_para *p, size_t need)
{
    if (need <= p->cap)
        return;
    size_t cap = p->cap ? p->cap : 64;
    while (cap < need)
        cap *= 2;
    p->style = gn_xreallocarray(p->style, cap, sizeof *p->style);
    p->link = gn_xreallocarray(p->link, cap, sizeof *p->link);
    p->cap = cap;
}

static void add_now(gn_para *p, const char *s, size_t len, uint32_t style, int32_t link)
{
    size_t before = p->text.len;
    gn_text_sanitize(&p->text, s, len);
    if (p->text.len == before)
        return; /* nothing added: the text may still have no buffer */
    reserve(p, p->text.len);
    char *t = p->text.data;
    size_t n = p->text.len - before;
    if (style == 0) /* (most text: a fill of bytes) */
        memset(p->style + before, 0, n * sizeof *p->style);
    else
        for (size_t i = before; i < p->text.len; i++)
            p->style[i] = style;
    if (link == -1) /* all bits set */
        memset(p->link + before, 0xFF, n * sizeof *p->link);
    else
        for (size_t i = before; i < p->text.len; i++)
            p->link[i] = link;
    for (char *tab = memchr(t + before, '\t', p->text.len - before); tab;
         tab = memchr(tab + 1, '\t', (size_t)(t + p->text.len - tab - 1)))
        *tab = ' ';
}

/* Text longer than this is added in parts, split between characters (a
 * UTF-8 continuation byte never starts one, so each is made safe as the
 * whole would be), and a stop asked for ends it between them. */
#define ADD_PART ((size_t)1 << 20)

void gn_para_add(gn_para *p, const char *s, size_t len, uint32_t style, int32_t link)
{
    while (len > ADD_PART) {
        size_t n = ADD_PART;
        while (n > ADD_PART - 3 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        add_now(p, s, n, style, link);
        s += n;
        len -= n;
        if (gn_interrupted())
            return;
    }
    add_now(p, s, len, style, link);
}

void gn_para_append(gn_para *dst, const gn_para *src, size_t a, size_t b)
{
    size_t at = dst->text.len;
    if (b <= a)
        return;
    /* src's text came through gn_para_add: it is safe as it is. */
    gn_buf_add(&dst->text, src->text.data + a, b - a);
    reserve(dst, dst->text.len);
    memcpy(dst->style + at, src->style + a, (b - a) * sizeof *dst->style);
    memcpy(dst->link + at, src->link + a, (b - a) * sizeof *dst->link);
}

unsigned char *gn_para_glue(const gn_para *p, int width)
{
    unsigned char *glue = NULL;
    size_t len = p->text.len;
    for (size_t a = 0; a < len;) {
        if (!(p->style[a] & GN_ST_CODE)) {
            a++;
            continue;
        }
        size_t b = a + 1;
        while (b < len && (p->style[b] & GN_ST_CODE))
            b++;
        if (b - a > 1 && gn_text_width(p->text.data + a, b - a) <= width) {
            if (!glue)
                glue = gn_xcalloc(len, 1);
            memset(glue + a + 1, 1, b - a - 1);
        }
        a = b;
    }
    return glue;
}

static void add_soft_break(gn_para *p, uint32_t style, int32_t link)
{
    if (p->nsoft == p->cap_soft) {
        p->cap_soft = p->cap_soft ? p->cap_soft * 2 : 8;
        p->soft = gn_xreallocarray(p->soft, p->cap_soft, sizeof *p->soft);
    }
    p->soft[p->nsoft++] = p->text.len;
    gn_para_add(p, " ", 1, style, link);
}

/* Whether p's text ends with a line break (or is empty): a line starts. */
static bool at_line_start(const gn_para *p)
{
    return p->text.len == 0 || p->text.data[p->text.len - 1] == '\n';
}

/* End the line being written (its trailing spaces dropped), if any. */
static void end_line(gn_para *p, uint32_t style, int32_t link)
{
    size_t end = p->text.len;
    while (end > 0 && p->text.data[end - 1] == ' ')
        end--;
    gn_para_cut(p, end, p->text.len);
    if (!at_line_start(p))
        gn_para_add(p, "\n", 1, style, link);
}

/* Whether p's text ends with a blank line. */
static bool after_blank(const gn_para *p)
{
    return p->text.len >= 2 && p->text.data[p->text.len - 1] == '\n' &&
           p->text.data[p->text.len - 2] == '\n';
}

/* Lines from the end of the text on are at depth, the first one an item
 * numbered number (0: a bullet; -1: no item). */
static void add_block(gn_para *p, int depth, int32_t number)
{
    size_t off = p->text.len;
    if (p->nblocks && p->blocks[p->nblocks - 1].off == off) {
        p->blocks[p->nblocks - 1] = (gn_para_block){off, depth, number};
        return;
    }
    if (p->nblocks == p->cap_blocks) {
        p->cap_blocks = p->cap_blocks ? p->cap_blocks * 2 : 8;
        p->blocks = gn_xreallocarray(p->blocks, p->cap_blocks, sizeof *p->blocks);
    }
    p->blocks[p->nblocks++] = (gn_para_block){off, depth, number};
}

/* The lists open while block HTML is read into a table cell. */
typedef struct lists {
    int depth;                       /* however deep */
    int32_t next[GN_PARA_DEPTH + 1]; /* per depth: the next number, 0 for bullets */
} lists;

/* Lay out the lines that a tag of block HTML (not GN_HTML_INLINE) makes
 * in a table cell (gn_para_collect), l the lists open (zeroed before the
 * cell); its line breaks are '\n' with style and link. */
static void html_block(gn_para *p, lists *l, gn_html_block kind, uint32_t style, int32_t link)
{
    int depth = l->depth < GN_PARA_DEPTH ? l->depth : GN_PARA_DEPTH;
    switch (kind) {
    case GN_HTML_BR:
        if (!at_line_start(p))
            end_line(p, style, link);
        else if (p->text.len && !after_blank(p))
            gn_para_add(p, "\n", 1, style, link);
        break;
    case GN_HTML_P: {
        end_line(p, style, link);
        /* A blank line before a paragraph, but at the start of an item. */
        const gn_para_block *last = p->nblocks ? &p->blocks[p->nblocks - 1] : NULL;
        if (p->text.len && !after_blank(p) &&
            !(last && last->off == p->text.len && last->number >= 0))
            gn_para_add(p, "\n", 1, style, link);
        break;
    }
    case GN_HTML_P_END:
        end_line(p, style, link);
        break;
    case GN_HTML_UL:
    case GN_HTML_OL:
        end_line(p, style, link);
        l->depth++;
        depth = l->depth < GN_PARA_DEPTH ? l->depth : GN_PARA_DEPTH;
        l->next[depth] = kind == GN_HTML_OL ? 1 : 0;
        add_block(p, depth, -1);
        break;
    case GN_HTML_LIST_END:
        end_line(p, style, link);
        if (l->depth > 0)
            l->depth--;
        add_block(p, l->depth < GN_PARA_DEPTH ? l->depth : GN_PARA_DEPTH, -1);
        break;
    case GN_HTML_LI: {
        end_line(p, style, link);
        if (depth == 0) /* an item outside any list: a bullet */
            depth = 1;
        int32_t number = l->next[depth];
        if (number > 0 && number < INT32_MAX)
            l->next[depth]++;
        add_block(p, depth, number);
        break;
    }
    case GN_HTML_LI_END:
        end_line(p, style, link);
        add_block(p, depth, -1);
        break;
    case GN_HTML_INLINE:
        break;
    }
}

/* gn_html_text_blocks' callback: the text so far, then the block's lines. */
static void html_cell_block(gn_html_block kind, gn_buf *out, void *ctx)
{
    void **c = ctx;
    gn_para *p = c[0];
    if (out->len)
        gn_para_add(p, out->data, out->len, 0, -1);
    gn_buf_reset(out);
    html_block(p, c[1], kind, 0, -1);
}

void gn_para_add_html(gn_para *p, const char *html, size_t len)
{
    lists open = {0};
    void *ctx[2] = {p, &open};
    gn_buf text = GN_BUF_INIT;
    gn_html_text_blocks(html, len, &text, html_cell_block, ctx);
    if (text.len)
        gn_para_add(p, text.data, text.len, 0, -1);
    gn_buf_free(&text);
}

/* A saved style and link, restored when the node that changed them exits. */
typedef struct saved {
    uint32_t style;
    int32_t link;
    size_t mark; /* for images: where the alt text starts */
    bool markup; /* a "link" that is Adobe markup: [!DNL x](text) */
} saved;

void gn_para_collect(gn_para *p, cmark_node *block, uint32_t style, int32_t link_base)
{
    saved *stack = NULL;
    size_t depth = 0, cap = 0;
    int32_t link = -1;
    bool dropped = false; /* inline HTML was dropped after a space */
    bool cell = strcmp(cmark_node_get_type_string(block), "table_cell") == 0;
    lists open = {0};
    cmark_iter *it = cmark_iter_new(block);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && !gn_interrupted()) {
        cmark_node *n = cmark_iter_get_node(it);
        if (n == block)
            continue;
        cmark_node_type type = cmark_node_get_type(n);
        const char *lit = cmark_node_get_literal(n);
        bool eat_space = dropped && ev == CMARK_EVENT_ENTER;
        if (ev == CMARK_EVENT_ENTER)
            dropped = false;
        /* cmark's iterator gives an exit event to every non-leaf node. */
        bool container = type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE &&
                         type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK &&
                         type != CMARK_NODE_HTML_INLINE;
        if (ev == CMARK_EVENT_EXIT) {
            if (type == CMARK_NODE_IMAGE && depth > 0) {
                const char *url = cmark_node_get_url(n);
                const char *name = url ? gn_path_basename(url) : "";
                /* The alt text without the spaces around it. */
                size_t mark = stack[depth - 1].mark, lead = mark;
                while (lead < p->text.len && p->text.data[lead] == ' ')
                    lead++;
                gn_para_cut(p, mark, lead);
                size_t end = p->text.len;
                while (end > mark && p->text.data[end - 1] == ' ')
                    end--;
                gn_para_cut(p, end, p->text.len);
                bool alt = p->text.len > mark;
                bool paren = alt && *name; /* "[image: alt (name)]", "[image: name]" */
                if (paren)
                    gn_para_add(p, " (", 2, style, link);
                gn_para_add(p, name, strlen(name), style, link);
                gn_para_add(p, paren ? ")]" : "]", paren ? 2 : 1, style, link);
            }
            if (type == CMARK_NODE_LINK && depth > 0 && stack[depth - 1].markup) {
                /* Give back what cmark took for a link: "](text)". */
                const char *url = cmark_node_get_url(n);
                gn_para_add(p, "](", 2, stack[depth - 1].style, stack[depth - 1].link);
                gn_para_add(p, url ? url : "", url ? strlen(url) : 0, stack[depth - 1].style,
                            stack[depth - 1].link);
                gn_para_add(p, ")", 1, stack[depth - 1].style, stack[depth - 1].link);
            }
            if (container && depth > 0) {
                depth--;
                style = stack[depth].style;
                link = stack[depth].link;
            }
            continue;
        }
        if (container) {
            if (depth == cap) {
                cap = cap ? cap * 2 : 8;
                stack = gn_xreallocarray(stack, cap, sizeof *stack);
            }
            stack[depth++] = (saved){style, link, 0, false};
        }
        switch (type) {
        case CMARK_NODE_TEXT: {
            /* "a <!-- x --> b": the dropped HTML leaves one space, not two. */
            size_t skip = eat_space && lit[0] == ' ' ? 1 : 0;
            if (cell && at_line_start(p))
                while (lit[skip] == ' ')
                    skip++;
            gn_para_add(p, lit + skip, strlen(lit) - skip, style, link);
            break;
        }
        case CMARK_NODE_CODE:
            gn_para_add(p, lit, strlen(lit), style | GN_ST_CODE, link);
            break;
        case CMARK_NODE_SOFTBREAK:
            add_soft_break(p, style, link);
            break;
        case CMARK_NODE_LINEBREAK:
            gn_para_add(p, "\n", 1, style, link);
            break;
        case CMARK_NODE_HTML_INLINE: {
            gn_html_block kind = lit ? gn_html_block_of(lit, strlen(lit)) : GN_HTML_INLINE;
            if (cell && kind != GN_HTML_INLINE)
                html_block(p, &open, kind, style, link);
            else if (kind == GN_HTML_BR)
                gn_para_add(p, "\n", 1, style, link);
            else
                dropped = p->text.len > 0 && p->text.data[p->text.len - 1] == ' ';
            break;
        }
        case CMARK_NODE_EMPH:
            style |= GN_ST_EMPH;
            break;
        case CMARK_NODE_STRONG:
            style |= GN_ST_STRONG;
            break;
        case CMARK_NODE_LINK: {
            if (gn_markup_link_is_marker(n)) {
                /* "[!DNL name](으)로": Adobe markup, then text in brackets. */
                stack[depth - 1].markup = true;
                gn_para_add(p, "[", 1, style, link);
                break;
            }
            const char *url = cmark_node_get_url(n);
            /* Grown to powers of two: many links cost amortised O(1). */
            if ((p->nurls & (p->nurls - 1)) == 0)
                p->urls = gn_xreallocarray(p->urls, p->nurls ? 2 * p->nurls : 1, sizeof *p->urls);
            p->urls[p->nurls] = gn_text_sanitized(url ? url : "");
            link = link_base + (int32_t)p->nurls++;
            style |= GN_ST_LINK;
            break;
        }
        case CMARK_NODE_IMAGE:
            style |= GN_ST_IMAGE;
            gn_para_add(p, GN_PARA_IMAGE, sizeof GN_PARA_IMAGE - 1, style, link);
            stack[depth - 1].mark = p->text.len;
            break;
        default:
            if (strcmp(cmark_node_get_type_string(n), "strikethrough") == 0)
                style |= GN_ST_STRIKE;
            break;
        }
    }
    cmark_iter_free(it);
    free(stack);
}

void gn_para_cut(gn_para *p, size_t from, size_t to)
{
    if (to > p->text.len)
        to = p->text.len;
    if (from >= to)
        return;
    size_t tail = p->text.len - to;
    memmove(p->text.data + from, p->text.data + to, tail + 1);
    memmove(p->style + from, p->style + to, tail * sizeof *p->style);
    memmove(p->link + from, p->link + to, tail * sizeof *p->link);
    p->text.len -= to - from;
    /* Soft breaks are recorded in increasing order: those before from stay
     * as they are, found by bisection, so a cut near the end (an image's
     * alt text) costs O(log n + what follows), not O(n). */
    size_t lo = 0, hi = p->nsoft;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->soft[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    for (size_t i = lo; i < p->nsoft; i++) {
        if (p->soft[i] < to)
            continue;
        p->soft[k++] = p->soft[i] - (to - from);
    }
    p->nsoft = k;
    /* Blocks from `from` on move back; those that meet at one offset
     * leave the last. Found by bisection too. */
    lo = 0;
    hi = p->nblocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->blocks[mid].off < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    k = lo;
    for (size_t i = lo; i < p->nblocks; i++) {
        gn_para_block b = p->blocks[i];
        b.off = b.off < to ? from : b.off - (to - from);
        if (k > lo && p->blocks[k - 1].off == b.off)
            k--;
        p->blocks[k++] = b;
    }
    p->nblocks = k;
}

/* Width of the code point that ends just before byte i (0 when none). */
static int width_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    int32_t cp;
    gn_utf8_decode(s + j, i - j, &cp);
    return gn_cp_width(cp);
}

static int width_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    int32_t cp;
    gn_utf8_decode(s + i, len - i, &cp);
    return gn_cp_width(cp);
}

/* The labels of a paragraph's markers, as the bytes where a label opens
 * (+1) or closes (-1): nested labels ("[!UICONTROL [!UICONTROL ...]]")
 * are then styled in one sweep of the labels, not each over its whole
 * length, and the text between labels is not looked at. */
typedef struct label_edge {
    size_t at;
    int d;        /* +1 opens, -1 closes */
    uint32_t st;  /* GN_ST_UICONTROL or GN_ST_BADGE */
} label_edge;

typedef struct labels {
    label_edge *v;
    size_t n, cap;
} labels;

/* gn_markup_scan's callback: note a marker's label. */
static void style_label(enum gn_mark kind, size_t inner, size_t inner_end, void *ctx)
{
    labels *lb = ctx;
    if (kind != GN_MARK_UICONTROL && kind != GN_MARK_BADGE)
        return;
    if (lb->n + 2 > lb->cap) {
        lb->cap = lb->cap ? lb->cap * 2 : 16;
        lb->v = gn_xreallocarray(lb->v, lb->cap, sizeof *lb->v);
    }
    uint32_t st = kind == GN_MARK_UICONTROL ? GN_ST_UICONTROL : GN_ST_BADGE;
    lb->v[lb->n++] = (label_edge){inner, 1, st};
    lb->v[lb->n++] = (label_edge){inner_end, -1, st};
}

static int edge_cmp(const void *a, const void *b)
{
    const label_edge *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

/* Give the labels noted their styles: a byte inside at least one label of
 * a kind takes its style. */
static void apply_labels(gn_para *p, labels *lb)
{
    if (!lb->n)
        return;
    qsort(lb->v, lb->n, sizeof *lb->v, edge_cmp);
    int ui = 0, badge = 0;
    for (size_t k = 0; k < lb->n;) {
        size_t at = lb->v[k].at;
        for (; k < lb->n && lb->v[k].at == at; k++)
            *(lb->v[k].st == GN_ST_UICONTROL ? &ui : &badge) += lb->v[k].d;
        size_t end = k < lb->n ? lb->v[k].at : at;
        uint32_t st = (ui > 0 ? GN_ST_UICONTROL : 0) | (badge > 0 ? GN_ST_BADGE : 0);
        for (size_t i = at; st && i < end && i < p->text.len; i++)
            p->style[i] |= st;
    }
    free(lb->v);
}

void gn_para_markup(gn_para *p)
{
    size_t len = p->text.len;
    if (len == 0)
        return;
    char *s = p->text.data;
    unsigned char *del = gn_xcalloc(len, 1);

    /* [!UICONTROL x], [!DNL x], [!BADGE x]: drop the brackets, style x;
     * drop attribute lists, keeping the first anchor. */
    labels lb = {NULL, 0, 0};
    bool marked = gn_markup_scan(s, len, del, &p->anchor, style_label, &lb);
    apply_labels(p, &lb);
    if (gn_interrupted()) { /* the layout is not kept: leave the text */
        free(del);
        return;
    }
    /* Bytes before the first marked one stay where they are. */
    const unsigned char *first = marked ? memchr(del, 1, len) : NULL;
    size_t from = first ? (size_t)(first - del) : len;
    /* "a {#x} b" leaves one space, not two. Each run of bytes dropped is
     * found with memchr. */
    for (size_t i = from > 1 ? from : 1; i < len; i++) {
        const unsigned char *d = memchr(del + i, 1, len - i);
        if (!d)
            break;
        i = (size_t)(d - del);
        size_t j = i;
        while (j < len && del[j])
            j++;
        if (!del[i - 1] && s[i - 1] == ' ' && (j == len || s[j] == ' ')) {
            del[i - 1] = 1;
            from = i - 1 < from ? i - 1 : from;
        }
        i = j;
    }

    /* A soft break between two CJK characters joins them. */
    for (size_t k = 0; k < p->nsoft; k++) {
        size_t i = p->soft[k];
        if (i < len && width_before(s, i) == 2 && width_at(s, len, i + 1) == 2) {
            del[i] = 1;
            from = i < from ? i : from;
        }
    }

    /* Compact; a block's offset follows its byte (or the next kept one). */
    size_t out = from, k = 0;
    while (k < p->nblocks && p->blocks[k].off < from)
        k++;
    for (size_t i = from; i < len;) {
        /* The run of bytes kept from i, moved at once. */
        const unsigned char *d = memchr(del + i, 1, len - i);
        size_t j = d ? (size_t)(d - del) : len;
        for (; k < p->nblocks && p->blocks[k].off <= j; k++)
            p->blocks[k].off = out + (p->blocks[k].off > i ? p->blocks[k].off - i : 0);
        if (j > i && out != i) {
            memmove(s + out, s + i, j - i);
            memmove(p->style + out, p->style + i, (j - i) * sizeof *p->style);
            memmove(p->link + out, p->link + i, (j - i) * sizeof *p->link);
        }
        out += j - i;
        /* Then the run dropped. */
        i = j;
        while (i < len && del[i])
            i++;
        for (; k < p->nblocks && p->blocks[k].off < i; k++)
            p->blocks[k].off = out;
    }
    for (; k < p->nblocks; k++)
        p->blocks[k].off = out;
    s[out] = '\0';
    p->text.len = out;
    p->nsoft = 0;
    free(del);

    /* Trim. */
    size_t a = 0;
    while (a < p->text.len && (s[a] == ' ' || s[a] == '\n'))
        a++;
    gn_para_cut(p, 0, a);
    size_t b = p->text.len;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\n'))
        b--;
    gn_para_cut(p, b, p->text.len);
}

void gn_para_reset(gn_para *p)
{
    gn_buf_reset(&p->text);
    for (size_t i = 0; i < p->nurls; i++)
        free(p->urls[i]);
    p->nurls = 0;
    p->nsoft = 0;
    p->nblocks = 0;
    free(p->anchor);
    p->anchor = NULL;
}

void gn_para_free(gn_para *p)
{
    gn_para_reset(p);
    gn_buf_free(&p->text);
    free(p->style);
    free(p->link);
    free(p->urls);
    free(p->soft);
    free(p->blocks);
    memset(p, 0, sizeof *p);
}
