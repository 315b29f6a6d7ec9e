/* layout.c: a cmark-gfm document laid out in lines of styled spans
 * (see layout.h).
 *
 * The document is walked with cmark's iterator (no recursion on the
 * document's depth). Block containers (block quotes, list items, Adobe
 * alerts, shaded blocks) push a line prefix (emit.h); leaf blocks collect
 * their inline content into a gn_para, render Adobe markup, and emit
 * wrapped lines. Tables are laid out by table.c, collapsible blocks by
 * collapse.c; {{snippets}} are found and read by snippets.c. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/alert.h"
#include "guidenav/collapse.h"
#include "guidenav/emit.h"
#include "guidenav/html.h"
#include "guidenav/interrupt.h"
#include "guidenav/layout.h"
#include "guidenav/markup.h"
#include "guidenav/snippets.h"
#include "guidenav/table.h"
#include "guidenav/text.h"

/* An open list: the number its next item gets (see enter_item). */
typedef struct open_list {
    cmark_node *list;
    int next, count;
} open_list;

typedef struct layout {
    gn_emit e;
    const gn_layout_opts *o;
    gn_para para;            /* scratch paragraph */
    cmark_node *directive;   /* paragraph whose leading [!KIND] was rendered */
    gn_snippets snips;       /* the page's {{snippets}}, and how deep in them */
    open_list *lists;        /* the lists being walked, innermost last */
    size_t nlists, cap_lists;
    gn_collapse_walk folds;  /* the collapsible blocks met */
} layout;

static void walk(layout *L, cmark_node *root);

static uint32_t kind_style(gn_kind kind)
{
    return GN_ST_ALERT | ((uint32_t)kind << GN_ST_KIND_SHIFT);
}

/* True when node sits directly in a tight list item (or is such a list's
 * item), where blocks are not separated by blank lines. */
static bool in_tight_list(cmark_node *node)
{
    cmark_node *p = cmark_node_parent(node);
    if (cmark_node_get_type(node) == CMARK_NODE_ITEM)
        p = node;
    else if (!p || cmark_node_get_type(p) != CMARK_NODE_ITEM)
        return false;
    cmark_node *list = cmark_node_parent(p);
    return list && cmark_node_get_list_tight(list);
}

static void block_start(layout *L, cmark_node *node)
{
    gn_emit_block_start(&L->e, !in_tight_list(node));
}

/* Emit a one-line label in style. */
static void emit_label(layout *L, const char *s, size_t len, uint32_t style)
{
    gn_para *p = &L->para;
    gn_para_reset(p);
    gn_para_add(p, s, len, style, -1);
    gn_emit_para(&L->e, p);
}

/* ---- Adobe block directives: >[!NOTE], >[!TAB x], >[!VIDEO](url)... ----- */

typedef enum dir_type { DIR_BLOCK, DIR_BEGINTABS, DIR_ENDTABS, DIR_TAB,
                        DIR_BEGINSHADE, DIR_ENDSHADE } dir_type;

typedef struct directive {
    dir_type type;
    gn_kind kind;    /* for DIR_BLOCK */
    size_t len;      /* bytes of "[!KIND ...]" (or "!VIDEO") in the paragraph */
    size_t arg, arg_len; /* "[!TAB name]": the name */
} directive;

/* The directive a block quote's first paragraph p opens with. For
 * "[!VIDEO](url)", cmark has made a link whose text is "!VIDEO". */
static bool find_directive(const gn_para *p, directive *d)
{
    static const struct { const char *name; dir_type type; } others[] = {
        {"BEGINTABS", DIR_BEGINTABS}, {"ENDTABS", DIR_ENDTABS}, {"TAB", DIR_TAB},
        {"BEGINSHADEBOX", DIR_BEGINSHADE}, {"ENDSHADEBOX", DIR_ENDSHADE},
    };
    const char *s = p->text.data;
    size_t n = p->text.len;
    memset(d, 0, sizeof *d);
    if (n >= 6 && strncmp(s, "!VIDEO", 6) == 0 && p->link[0] >= 0) {
        d->type = DIR_BLOCK;
        d->kind = GN_KIND_VIDEO;
        d->len = 6;
        return true;
    }
    if (n < 4 || s[0] != '[' || s[1] != '!')
        return false;
    size_t i = 2;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        i++;
    size_t name_len = i - 2;
    const char *close = memchr(s + i, ']', n - i);
    if (!close || (s[i] != ']' && s[i] != ' '))
        return false;
    d->len = (size_t)(close - s) + 1;
    if (s[i] == ' ') {
        d->arg = i + 1;
        d->arg_len = (size_t)(close - s) - i - 1;
    }
    d->kind = gn_kind_from_name(s + 2, name_len);
    if (d->kind != GN_KIND_NONE) {
        d->type = DIR_BLOCK;
        return true;
    }
    for (size_t k = 0; k < sizeof others / sizeof *others; k++)
        if (strlen(others[k].name) == name_len && strncmp(s + 2, others[k].name, name_len) == 0) {
            d->type = others[k].type;
            return true;
        }
    return false;
}

/* Close the shaded blocks opened inside node, when node ends first. */
static void close_shades(layout *L, cmark_node *node)
{
    while (L->e.depth > 0 && L->e.stack[L->e.depth - 1].node == node &&
           (L->e.stack[L->e.depth - 1].style & GN_ST_SHADE))
        gn_emit_pop(&L->e);
}

/* A block quote: an Adobe directive or a plain quote. Returns true when
 * the whole quote was consumed (skip its children). */
static bool enter_quote(layout *L, cmark_node *node)
{
    cmark_node *first = cmark_node_first_child(node);
    gn_para *p = &L->para;
    directive d;
    bool found = false;
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
        gn_para_reset(p);
        gn_para_collect(p, first, 0, 0);
        found = find_directive(p, &d);
    }
    bool only = first && !cmark_node_next(first);
    if (found && only && d.type != DIR_BLOCK) {
        cmark_node *parent = cmark_node_parent(node);
        switch (d.type) {
        case DIR_TAB: {
            block_start(L, node);
            gn_buf title = GN_BUF_INIT;
            gn_buf_adds(&title, L->e.g->tab);
            gn_buf_add(&title, p->text.data + d.arg, d.arg_len);
            emit_label(L, title.data, title.len, GN_ST_HEADING);
            gn_buf_free(&title);
            L->e.blank_pending = true;
            break;
        }
        case DIR_BEGINSHADE:
            block_start(L, node);
            gn_emit_push(&L->e, parent, L->e.g->shade, L->e.g->shade,
                         GN_ST_SHADE | ((uint32_t)GN_KIND_SHADE << GN_ST_KIND_SHIFT));
            break;
        case DIR_ENDSHADE:
            close_shades(L, parent);
            L->e.blank_pending = true;
            break;
        default: /* BEGINTABS, ENDTABS: the tab titles say it all */
            break;
        }
        return true;
    }
    block_start(L, node);
    if (!found || d.type != DIR_BLOCK) {
        gn_emit_push(&L->e, node, L->e.g->quote, L->e.g->quote, GN_ST_QUOTE);
        return false;
    }
    uint32_t style = kind_style(d.kind);
    gn_emit_push(&L->e, node, L->e.g->alert, L->e.g->alert, style);
    const char *label = gn_kind_label(d.kind, L->o->lang);
    if (d.kind == GN_KIND_VIDEO) {
        const char *url = p->link[0] >= 0 && (size_t)p->link[0] < p->nurls ? p->urls[p->link[0]] : "";
        char *line = gn_xasprintf("%s%s: %s", L->e.g->video, label, url);
        emit_label(L, line, strlen(line), style | GN_ST_STRONG);
        free(line);
    } else {
        emit_label(L, label, strlen(label), style | GN_ST_STRONG);
    }
    L->directive = first;
    return false;
}

/* ---- snippets ------------------------------------------------------------ */

/* Lay out the blocks of the snippet whose heading is h (snippets.h), one
 * snippet deeper. */
static void emit_snippet(layout *L, cmark_node *h)
{
    L->snips.depth++;
    for (cmark_node *n = gn_snippet_next(h, h); n; n = gn_snippet_next(h, n))
        walk(L, n);
    L->snips.depth--;
}

/* ---- leaf blocks ----------------------------------------------------------- */

static void collect(layout *L, cmark_node *node, uint32_t style)
{
    gn_para_reset(&L->para);
    gn_emit_collect(&L->e, &L->para, node, style);
}

static void paragraph(layout *L, cmark_node *node)
{
    gn_para *p = &L->para;
    collect(L, node, 0);
    if (gn_interrupted())
        return;
    if (node == L->directive) {
        directive d;
        if (find_directive(p, &d))
            gn_para_cut(p, 0, d.len);
        size_t lead = 0;
        while (lead < p->text.len && (p->text.data[lead] == ' ' || p->text.data[lead] == '\n'))
            lead++;
        gn_para_cut(p, 0, lead);
        L->directive = NULL;
        if (p->text.len == 0)
            return; /* the label stands for it; no blank line follows */
    }
    /* A paragraph that is one {{snippet}}: the snippet's blocks. */
    cmark_node *h = gn_snippets_whole(&L->snips, p);
    if (h) {
        emit_snippet(L, h);
        return;
    }
    gn_snippets_inline(&L->snips, p);
    if (p->text.len == 0) /* only an attribute list ({style="..."}) */
        return;
    block_start(L, node);
    gn_emit_para(&L->e, p);
    L->e.blank_pending = true;
}

static void heading(layout *L, cmark_node *node)
{
    static const char *const marks[] = {"# ", "## ", "### ", "#### ", "##### ", "###### "};
    static const char *const pads[] = {"  ", "   ", "    ", "     ", "      ", "       "};
    int level = cmark_node_get_heading_level(node);
    if (level < 1 || level > 6)
        level = 1;
    uint32_t style = GN_ST_HEADING | (level == 1 ? GN_ST_TITLE : 0);
    gn_para *p = &L->para;
    collect(L, node, style);
    block_start(L, node);
    gn_doc *d = L->e.doc;
    if (d->nheadings == d->cap_headings) {
        d->cap_headings = d->cap_headings ? d->cap_headings * 2 : 16;
        d->headings = gn_xreallocarray(d->headings, d->cap_headings, sizeof *d->headings);
    }
    d->headings[d->nheadings++] = (gn_heading){
        level, gn_xstrndup(p->text.data ? p->text.data : "", p->text.len),
        p->anchor ? gn_xstrdup(p->anchor) : NULL, d->nlines};
    gn_emit_push(&L->e, node, marks[level - 1], pads[level - 1], GN_ST_MARKER | style);
    gn_emit_para(&L->e, p);
    gn_emit_pop(&L->e);
    L->e.blank_pending = true;
}

/* Code blocks keep their lines; a line wider than the page is broken and
 * each broken line ends with the wrap marker ("↵"). */
static void code_block(layout *L, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    if (!lit)
        lit = "";
    block_start(L, node);
    gn_emit *e = &L->e;
    gn_emit_push(e, node, "  ", "  ", 0);
    int avail = e->width - gn_emit_prefix_width(e);
    const char *wrap = e->g->wrap;
    gn_buf line = GN_BUF_INIT;
    for (const char *p = lit; *p && !gn_interrupted();) {
        size_t n = strcspn(p, "\n");
        gn_buf_reset(&line);
        gn_text_code_line(&line, p, n);
        const char *s = line.data ? line.data : "";
        size_t left = line.len;
        /* Each code line is a paragraph for search; its broken parts are
         * its pieces. */
        size_t at = gn_emit_par(e, s, left);
        do {
            /* Only the columns of one screen line are measured, never the
             * rest of the code line: a 1 MB line is one pass. */
            size_t take = gn_text_fit(s, left, avail > 0 ? avail : 0);
            bool more = take < left;
            if (more) {
                take = gn_text_fit(s, left, avail > 1 ? avail - 1 : 1);
                if (take == 0) { /* a wide character at width 1 */
                    int32_t cp;
                    take = gn_utf8_decode(s, left, &cp);
                }
            }
            gn_emit_line_start(e);
            gn_emit_piece(e, at, take);
            at += take;
            gn_emit_span(e, s, take, GN_ST_CODEBLOCK, -1);
            if (more)
                gn_emit_span(e, wrap, strlen(wrap), GN_ST_CONT, -1);
            gn_emit_line_end(e);
            s += take;
            left -= take;
        } while (left > 0 && !gn_interrupted());
        p += n;
        if (*p == '\n')
            p++;
    }
    gn_buf_free(&line);
    gn_emit_pop(e);
    e->blank_pending = true;
}

static void thematic_break(layout *L, cmark_node *node)
{
    block_start(L, node);
    gn_emit *e = &L->e;
    int avail = e->width - gn_emit_prefix_width(e);
    gn_emit_line_start(e);
    for (int i = 0; i < avail; i++)
        gn_emit_span(e, e->g->rule, strlen(e->g->rule), GN_ST_RULE, -1);
    gn_emit_line_end(e);
    e->blank_pending = true;
}

/* The text of raw HTML as one paragraph, its line breaks kept, empty
 * lines dropped. */
static void html_paragraph(layout *L, cmark_node *node, const char *html, size_t len)
{
    gn_buf text = GN_BUF_INIT;
    gn_html_text(html, len, &text);
    gn_para *p = &L->para;
    gn_para_reset(p);
    /* Whole runs between line breaks (a byte at a time would cut UTF-8
     * sequences, which sanitising turns into U+FFFD). */
    for (size_t i = 0; i < text.len;) {
        if (text.data[i] == '\n') {
            if (p->text.len && p->text.data[p->text.len - 1] != '\n')
                gn_para_add(p, "\n", 1, 0, -1);
            i++;
            continue;
        }
        size_t j = i;
        while (j < text.len && text.data[j] != '\n')
            j++;
        gn_para_add(p, text.data + i, j - i, 0, -1);
        i = j;
    }
    gn_buf_free(&text);
    gn_para_markup(p);
    if (p->text.len) {
        block_start(L, node);
        gn_emit_para(&L->e, p);
        L->e.blank_pending = true;
    }
}

/* An HTML block: its text, and its tables laid out as tables. */
static void html_block(layout *L, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    size_t len = lit ? strlen(lit) : 0;
    size_t pos = 0;
    while (pos < len) {
        gn_html_table ht;
        size_t start, end;
        if (!gn_html_table_find(lit + pos, len - pos, &ht, &start, &end)) {
            html_paragraph(L, node, lit + pos, len - pos);
            break;
        }
        html_paragraph(L, node, lit + pos, start);
        gn_table t;
        gn_table_from_html(&t, &ht);
        if (t.nrows && t.ncols) {
            block_start(L, node);
            gn_table_emit(&L->e, &t);
            L->e.blank_pending = true;
        }
        gn_table_free(&t);
        gn_html_table_free(&ht);
        pos += end > 0 ? end : 1;
    }
}

static void table(layout *L, cmark_node *node)
{
    gn_table t;
    gn_table_from_node(&t, &L->e, node);
    block_start(L, node);
    gn_table_emit(&L->e, &t);
    gn_table_free(&t);
    L->e.blank_pending = true;
}

/* ---- lists ------------------------------------------------------------- */

/* Open a list item: its marker (a bullet by its depth, or its number)
 * is the first prefix of its lines. Returns its depth: how many items
 * hold it (0: an item of a list that is in no item). */
static size_t enter_item(layout *L, cmark_node *item)
{
    gn_emit *e = &L->e;
    cmark_node *list = cmark_node_parent(item);
    size_t level = 0;
    for (size_t i = 0; i < e->depth; i++)
        if (e->stack[i].node && cmark_node_get_type(e->stack[i].node) == CMARK_NODE_ITEM)
            level++;
    block_start(L, item);
    if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        int start = cmark_node_get_list_start(list), number = start, count = 0;
        open_list *ol = L->nlists ? &L->lists[L->nlists - 1] : NULL;
        if (ol && ol->list == list) { /* counted once per list: O(1) per item */
            number = ol->next++;
            count = ol->count;
        } else {
            for (cmark_node *n = cmark_node_previous(item); n; n = cmark_node_previous(n))
                number++;
            for (cmark_node *n = cmark_node_first_child(list); n; n = cmark_node_next(n))
                count++;
        }
        /* Pad so every item of the list has the width of the largest. */
        int last = start + count - 1;
        int digits = snprintf(NULL, 0, "%d", last > number ? last : number);
        gn_container *c = gn_emit_push(e, item, NULL, NULL, GN_ST_MARKER);
        snprintf(c->own, sizeof c->own, "%*d. ", digits, number);
        c->first = c->own;
        static const char pad[] = "                      ";
        size_t w = strlen(c->own);
        c->rest = pad + (sizeof pad - 1 - (w < sizeof pad - 1 ? w : sizeof pad - 1));
    } else {
        gn_emit_push(e, item, e->g->bullet[level % 3], "  ", GN_ST_MARKER);
    }
    return level;
}

/* ---- the walk ---------------------------------------------------------- */

/* The kind of a top-level block, for alignment. */
static gn_block_kind block_kind(cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH: return GN_BLOCK_PARAGRAPH;
    case CMARK_NODE_HEADING: return GN_BLOCK_HEADING;
    case CMARK_NODE_LIST: return GN_BLOCK_LIST;
    case CMARK_NODE_CODE_BLOCK: return GN_BLOCK_CODE;
    case CMARK_NODE_BLOCK_QUOTE: return GN_BLOCK_QUOTE;
    case CMARK_NODE_HTML_BLOCK: return GN_BLOCK_HTML;
    case CMARK_NODE_THEMATIC_BREAK: return GN_BLOCK_RULE;
    case CMARK_NODE_CUSTOM_BLOCK: return GN_BLOCK_COLLAPSE;
    default:
        return strcmp(cmark_node_get_type_string(n), "table") == 0 ? GN_BLOCK_TABLE : GN_BLOCK_OTHER;
    }
}

/* The line of the page's file where node starts (a collapsible block:
 * where its title does), for the paragraphs laid out from it; 0 for a
 * snippet's (another file) or when cmark has none. */
static int src_line(const layout *L, cmark_node *node)
{
    int line, end;
    gn_collapse_node_lines(node, &line, &end);
    if (L->snips.depth > 0 || line <= 0)
        return 0;
    return line + L->o->line_offset;
}

/* The line of the page's file where node ends (a collapsible block: where
 * its last block does); 0 as src_line says. */
static int src_end(const layout *L, cmark_node *node)
{
    int start, line;
    gn_collapse_node_lines(node, &start, &line);
    if (L->snips.depth > 0 || line <= 0)
        return 0;
    return line + L->o->line_offset;
}

static void walk(layout *L, cmark_node *root)
{
    gn_emit *e = &L->e;
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && !gn_interrupted()) {
        cmark_node *n = cmark_iter_get_node(it);
        bool enter = ev == CMARK_EVENT_ENTER, skip = false;
        cmark_node *parent = cmark_node_parent(n);
        if (enter && L->snips.depth == 0 && parent &&
            cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT)
            gn_emit_block(e, block_kind(n), src_line(L, n), src_end(L, n));
        if (enter)
            e->src_line = src_line(L, n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_BLOCK_QUOTE:
            if (enter) {
                skip = enter_quote(L, n);
            } else {
                close_shades(L, n);
                gn_emit_pop(e);
                e->blank_pending = true;
            }
            break;
        case CMARK_NODE_LIST:
            if (enter) {
                block_start(L, n);
                if (L->nlists == L->cap_lists) {
                    L->cap_lists = L->cap_lists ? L->cap_lists * 2 : 8;
                    L->lists = gn_xreallocarray(L->lists, L->cap_lists, sizeof *L->lists);
                }
                int count = 0;
                for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
                    count++;
                L->lists[L->nlists++] = (open_list){n, cmark_node_get_list_start(n), count};
            } else {
                if (L->nlists && L->lists[L->nlists - 1].list == n)
                    L->nlists--;
                e->blank_pending = true;
            }
            break;
        case CMARK_NODE_ITEM:
            if (enter) {
                /* An item of a list in no item, laid out in a top-level
                 * block: the side-by-side view aligns it. */
                if (enter_item(L, n) == 0 && L->snips.depth == 0)
                    gn_emit_item(e, src_line(L, n), src_end(L, n));
            } else {
                close_shades(L, n);
                if (!e->stack[e->depth - 1].used) { /* an empty item shows its marker */
                    gn_emit_line_start(e);
                    gn_emit_line_end(e);
                }
                gn_emit_pop(e);
            }
            break;
        case CMARK_NODE_PARAGRAPH:
            if (!gn_collapse_is_title(n)) /* a title is laid out with its block */
                paragraph(L, n);
            skip = true;
            break;
        case CMARK_NODE_CUSTOM_BLOCK:
            if (enter) {
                block_start(L, n);
                skip = gn_collapse_open(&L->folds, e, &L->para, n, L->snips.depth == 0);
            } else {
                close_shades(L, n);
                gn_collapse_close(&L->folds, e);
            }
            break;
        case CMARK_NODE_HEADING:
            heading(L, n);
            skip = true;
            break;
        case CMARK_NODE_CODE_BLOCK:
            code_block(L, n);
            break;
        case CMARK_NODE_HTML_BLOCK:
            html_block(L, n);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            thematic_break(L, n);
            break;
        default:
            if (enter && strcmp(cmark_node_get_type_string(n), "table") == 0) {
                table(L, n);
                skip = true;
            }
            break;
        }
        if (skip && enter)
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
    cmark_iter_free(it);
}

void gn_layout(cmark_node *root, const gn_layout_opts *opts, gn_doc *doc)
{
    layout L;
    memset(&L, 0, sizeof L);
    L.o = opts;
    gn_emit_init(&L.e, doc, opts->width, opts->lang, opts->ascii);
    L.e.pars_only = opts->pars_only;
    L.e.lines_only = opts->lines_only;
    gn_collapse_walk_init(&L.folds, opts);
    gn_snippets_init(&L.snips, opts->path, opts->repo);
    walk(&L, root);
    gn_emit_finish(&L.e);
    gn_emit_done(&L.e);
    doc->read_snippets = L.snips.tried;
    gn_para_free(&L.para);
    gn_snippets_free(&L.snips);
    free(L.lists);
}

void gn_layout_message(const char *msg, int width, gn_doc *doc)
{
    gn_emit e;
    gn_para p = {0};
    gn_emit_init(&e, doc, width, NULL, false);
    for (const char *s = msg; *s;) {
        size_t n = strcspn(s, "\n");
        gn_para_reset(&p);
        gn_para_add(&p, s, n, 0, -1);
        if (n == 0)
            gn_emit_blank(&e);
        else
            gn_emit_para(&e, &p);
        s += n;
        if (*s)
            s++;
    }
    gn_para_free(&p);
    gn_emit_done(&e);
}

void gn_doc_free(gn_doc *doc)
{
    gn_buf_free(&doc->text);
    free(doc->spans);
    free(doc->lines);
    for (size_t i = 0; i < doc->nlinks; i++)
        free(doc->links[i].url);
    free(doc->links);
    for (size_t i = 0; i < doc->nheadings; i++) {
        free(doc->headings[i].text);
        free(doc->headings[i].anchor);
    }
    free(doc->headings);
    free(doc->blocks);
    free(doc->colls);
    gn_buf_free(&doc->ptext);
    free(doc->pars);
    free(doc->pieces);
    memset(doc, 0, sizeof *doc);
}

/* Does the heading text's slug equal name? Slug: ASCII letters lower-
 * cased and digits kept, spaces and '-' as '-', other ASCII dropped,
 * non-ASCII bytes kept. Folded by this table, never by tolower: the
 * locale's tolower leaves 'I' as it is in tr_TR (its lower case is the
 * dotless ı), and in an 8-bit locale changes bytes of UTF-8 sequences. */
static bool slug_is(const char *text, const char *name)
{
    const char *n = name;
    for (const unsigned char *t = (const unsigned char *)text; *t; t++) {
        char c;
        if (*t >= 'A' && *t <= 'Z')
            c = (char)(*t - 'A' + 'a');
        else if (*t >= 0x80 || (*t >= 'a' && *t <= 'z') || (*t >= '0' && *t <= '9') ||
                 *t == '_')
            c = (char)*t;
        else if (*t == ' ' || *t == '-')
            c = '-';
        else
            continue;
        if (*n++ != c)
            return false;
    }
    return *n == '\0';
}

long gn_doc_find_anchor(const gn_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nheadings; i++)
        if (doc->headings[i].anchor && strcmp(doc->headings[i].anchor, name) == 0)
            return (long)i;
    for (size_t i = 0; i < doc->nheadings; i++)
        if (slug_is(doc->headings[i].text, name))
            return (long)i;
    return -1;
}

/* How many of the n elements of v (size bytes each, sorted by the size_t
 * line at byte offset at of each) start at or before line: the index of
 * the first that starts after it. Headings and blocks alike. */
static size_t starting_by(const void *v, size_t n, size_t size, size_t at, size_t line)
{
    const char *p = v;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, l;
        memcpy(&l, p + mid * size + at, sizeof l);
        if (l <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long gn_doc_section_at(const gn_doc *doc, size_t line)
{
    return (long)starting_by(doc->headings, doc->nheadings, sizeof *doc->headings,
                             offsetof(gn_heading, line), line) - 1;
}

int gn_doc_source_line(const gn_doc *doc, size_t line)
{
    size_t k = starting_by(doc->blocks, doc->nblocks, sizeof *doc->blocks,
                           offsetof(gn_block, line), line);
    while (k > 0 && doc->blocks[k - 1].src_line <= 0)
        k--; /* a snippet's block: the page's block before it */
    return k > 0 ? doc->blocks[k - 1].src_line : 1;
}
