/* layout.c: a cmark-gfm document laid out in lines of styled spans
 * (see layout.h).
 *
 * The document is walked once with cmark's iterator (no recursion). Block
 * containers (block quotes, list items, alerts) push a line prefix on a
 * stack; leaf blocks collect their inline content into a gn_para, render
 * Adobe markup, break it with gn_wrap and emit lines. */
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-core-extensions.h>
#include "guidenav/layout.h"
#include "guidenav/para.h"
#include "guidenav/text.h"
#include "guidenav/wrap.h"

#define NO_LINE ((size_t)-1)

/* A block container's contribution to the start of each line. */
typedef struct container {
    const char *first; /* on the container's first line */
    const char *rest;  /* on the following lines (same width) */
    char own[24];      /* storage for a computed first prefix ("12. ") */
    uint32_t style;
    bool used;         /* its first line has been emitted */
    cmark_node *node;
} container;

typedef struct layout {
    gn_doc *doc;
    int width;
    const char *lang;
    container *stack;
    size_t depth, cap;
    bool blank_pending;  /* a blank line is due before the next block */
    cmark_node *directive; /* paragraph whose leading [!KIND] was rendered */
    gn_para para;
} layout;

/* ---- emitting lines ---------------------------------------------------- */

static void add_span(layout *L, const char *s, size_t len, uint32_t style, int32_t link)
{
    gn_doc *d = L->doc;
    if (len == 0)
        return;
    gn_span *last = d->nspans ? &d->spans[d->nspans - 1] : NULL;
    bool in_line = d->nspans > (d->nlines ? d->lines[d->nlines - 1].first +
                                d->lines[d->nlines - 1].n : 0);
    if (last && in_line && last->style == style && last->link == link &&
        last->off + last->len == d->text.len) {
        gn_buf_add(&d->text, s, len);
        last->len += (uint32_t)len;
    } else {
        if (d->nspans == d->cap_spans) {
            d->cap_spans = d->cap_spans ? d->cap_spans * 2 : 256;
            d->spans = gn_xreallocarray(d->spans, d->cap_spans, sizeof *d->spans);
        }
        d->spans[d->nspans++] = (gn_span){(uint32_t)d->text.len, (uint32_t)len, style, link};
        gn_buf_add(&d->text, s, len);
    }
    if (link >= 0 && (size_t)link < d->nlinks && d->links[link].line == NO_LINE)
        d->links[link].line = d->nlines;
}

/* Index of the first container whose prefix is drawn: outer prefixes are
 * dropped when together they would take more than half the width. */
static size_t prefix_from(const layout *L)
{
    int total = 0;
    size_t i = L->depth;
    while (i > 0) {
        int w = gn_text_width(L->stack[i - 1].rest, strlen(L->stack[i - 1].rest));
        if (total + w > L->width / 2)
            break;
        total += w;
        i--;
    }
    return i;
}

static int prefix_width(const layout *L)
{
    int w = 0;
    for (size_t i = prefix_from(L); i < L->depth; i++)
        w += gn_text_width(L->stack[i].rest, strlen(L->stack[i].rest));
    return w;
}

/* Start a line with the containers' prefixes; blank lines use the "rest"
 * prefixes and leave first prefixes for the next real line. */
static void line_start(layout *L, bool blank)
{
    for (size_t i = prefix_from(L); i < L->depth; i++) {
        container *c = &L->stack[i];
        const char *p = blank || c->used ? c->rest : c->first;
        add_span(L, p, strlen(p), c->style, -1);
        if (!blank)
            c->used = true;
    }
}

/* Clip the spans of line ln (the last line) to the width, ending it with
 * a ">" marker. Only a wide character at width 1 or prefixes wider than the
 * page need this. */
static void clip_line(layout *L, gn_line *ln)
{
    gn_doc *d = L->doc;
    int room = L->width - 1, w = 0;
    for (uint32_t k = 0; k < ln->n; k++) {
        gn_span *s = &d->spans[ln->first + k];
        int sw = gn_text_width(gn_span_text(d, s), s->len);
        if (w + sw <= room) {
            w += sw;
            continue;
        }
        s->len = (uint32_t)gn_text_fit(gn_span_text(d, s), s->len, room - w);
        w += gn_text_width(gn_span_text(d, s), s->len);
        ln->n = k + 1;
        break;
    }
    size_t at = ln->first + ln->n;
    if (at == d->cap_spans) {
        d->cap_spans *= 2;
        d->spans = gn_xreallocarray(d->spans, d->cap_spans, sizeof *d->spans);
    }
    d->spans[at] = (gn_span){(uint32_t)d->text.len, 1, GN_ST_CONT, -1};
    gn_buf_add(&d->text, ">", 1);
    d->nspans = at + 1;
    ln->n++;
    ln->width = w + 1;
}

static void line_end(layout *L)
{
    gn_doc *d = L->doc;
    size_t first = d->nlines ? d->lines[d->nlines - 1].first + d->lines[d->nlines - 1].n : 0;
    if (d->nlines == d->cap_lines) {
        d->cap_lines = d->cap_lines ? d->cap_lines * 2 : 128;
        d->lines = gn_xreallocarray(d->lines, d->cap_lines, sizeof *d->lines);
    }
    gn_line *ln = &d->lines[d->nlines++];
    ln->first = first;
    ln->n = (uint32_t)(d->nspans - first);
    int w = 0;
    for (uint32_t k = 0; k < ln->n; k++) {
        const gn_span *s = &d->spans[first + k];
        w += gn_text_width(gn_span_text(d, s), s->len);
    }
    ln->width = w;
    if (w > L->width)
        clip_line(L, ln);
}

static void blank_line(layout *L)
{
    line_start(L, true);
    /* Drop trailing spaces of the prefixes ("| " becomes "|"). */
    gn_doc *d = L->doc;
    size_t first = d->nlines ? d->lines[d->nlines - 1].first + d->lines[d->nlines - 1].n : 0;
    while (d->nspans > first) {
        gn_span *s = &d->spans[d->nspans - 1];
        while (s->len > 0 && d->text.data[s->off + s->len - 1] == ' ')
            s->len--;
        if (s->len > 0)
            break;
        d->nspans--;
    }
    line_end(L);
}

/* Emit the wrapped lines of p (after gn_para_markup) under the prefixes. */
static void emit_para(layout *L, const gn_para *p)
{
    int avail = L->width - prefix_width(L);
    if (avail < 1)
        avail = 1;
    gn_wrap_line *wl;
    size_t n = gn_wrap(p->text.data, p->text.len, avail, L->lang, &wl);
    for (size_t i = 0; i < n; i++) {
        line_start(L, false);
        size_t a = wl[i].start;
        while (a < wl[i].end) {
            size_t b = a + 1;
            while (b < wl[i].end && p->style[b] == p->style[a] && p->link[b] == p->link[a])
                b++;
            add_span(L, p->text.data + a, b - a, p->style[a], p->link[a]);
            a = b;
        }
        line_end(L);
    }
    free(wl);
}

/* ---- containers -------------------------------------------------------- */

static container *push(layout *L, cmark_node *node, const char *first,
                       const char *rest, uint32_t style)
{
    if (L->depth == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 16;
        L->stack = gn_xreallocarray(L->stack, L->cap, sizeof *L->stack);
    }
    container *c = &L->stack[L->depth++];
    memset(c, 0, sizeof *c);
    c->first = first;
    c->rest = rest;
    c->style = style;
    c->node = node;
    return c;
}

static void pop(layout *L)
{
    if (L->depth > 0)
        L->depth--;
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

/* Before a block: the blank line that separates it from the previous one. */
static void block_start(layout *L, cmark_node *node)
{
    if (L->blank_pending && L->doc->nlines > 0 && !in_tight_list(node))
        blank_line(L);
    L->blank_pending = false;
}

/* ---- Adobe block directives: >[!NOTE], >[!TAB x], >[!VIDEO](url)... ----- */

typedef enum dir_kind { DIR_NONE, DIR_ALERT, DIR_WARN, DIR_HIDDEN, DIR_TAB,
                        DIR_SEEALSO, DIR_VIDEO } dir_kind;

static const struct directive {
    const char *name;
    dir_kind kind;
    const char *label;
} directives[] = {
    {"NOTE", DIR_ALERT, "Note"},
    {"TIP", DIR_ALERT, "Tip"},
    {"INFO", DIR_ALERT, "Info"},
    {"IMPORTANT", DIR_WARN, "Important"},
    {"CAUTION", DIR_WARN, "Caution"},
    {"WARNING", DIR_WARN, "Warning"},
    {"ERROR", DIR_WARN, "Error"},
    {"SUCCESS", DIR_ALERT, "Success"},
    {"ADMIN", DIR_ALERT, "Admin"},
    {"AVAILABILITY", DIR_ALERT, "Availability"},
    {"PREREQUISITES", DIR_ALERT, "Prerequisites"},
    {"MORELIKETHIS", DIR_SEEALSO, "See also"},
    {"BEGINTABS", DIR_HIDDEN, NULL},
    {"ENDTABS", DIR_HIDDEN, NULL},
    {"BEGINSHADEBOX", DIR_HIDDEN, NULL},
    {"ENDSHADEBOX", DIR_HIDDEN, NULL},
    {"TAB", DIR_TAB, NULL},
};

/* The directive a block quote's first paragraph opens with, if any: sets
 * *len to the bytes of "[!KIND ...]" in p and *arg, *arg_len to its
 * argument ("[!TAB name]"). For "[!VIDEO](url)", cmark has made a link
 * whose text is "!VIDEO". */
static const struct directive *find_directive(const gn_para *p, size_t *len,
                                              size_t *arg, size_t *arg_len)
{
    static const struct directive video = {"VIDEO", DIR_VIDEO, "Video"};
    const char *s = p->text.data;
    size_t n = p->text.len;
    *arg = *arg_len = 0;
    if (n >= 6 && strncmp(s, "!VIDEO", 6) == 0 && p->link[0] >= 0) {
        *len = 6;
        return &video;
    }
    if (n < 4 || s[0] != '[' || s[1] != '!')
        return NULL;
    size_t i = 2;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        i++;
    size_t name_len = i - 2;
    const char *close = memchr(s + i, ']', n - i);
    if (!close || (s[i] != ']' && s[i] != ' '))
        return NULL;
    for (size_t k = 0; k < sizeof directives / sizeof *directives; k++) {
        const struct directive *d = &directives[k];
        if (strlen(d->name) == name_len && strncmp(s + 2, d->name, name_len) == 0) {
            *len = (size_t)(close - s) + 1;
            if (s[i] == ' ') {
                *arg = i + 1;
                *arg_len = (size_t)(close - s) - i - 1;
            }
            return d;
        }
    }
    return NULL;
}

/* Emit a one-line label ("Note", a tab's title) in style. */
static void emit_label(layout *L, const char *s, size_t len, uint32_t style)
{
    gn_para *p = &L->para;
    gn_para_reset(p);
    gn_para_add(p, s, len, style, -1);
    emit_para(L, p);
}

/* A block quote: an alert, another Adobe directive, or a plain quote.
 * Returns true when the whole quote was consumed (skip its children). */
static bool enter_quote(layout *L, cmark_node *node)
{
    cmark_node *first = cmark_node_first_child(node);
    gn_para *p = &L->para;
    const struct directive *d = NULL;
    size_t len = 0, arg = 0, arg_len = 0;
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
        gn_para_reset(p);
        gn_para_collect(p, first, 0, 0);
        d = find_directive(p, &len, &arg, &arg_len);
    }
    bool only = first && !cmark_node_next(first);
    if (d && d->kind == DIR_HIDDEN && only)
        return true;
    if (d && d->kind == DIR_TAB && only) {
        block_start(L, node);
        char *title = gn_xstrndup(p->text.data + arg, arg_len);
        emit_label(L, title, strlen(title), GN_ST_HEADING);
        free(title);
        L->blank_pending = true;
        return true;
    }
    block_start(L, node);
    if (!d || d->kind == DIR_HIDDEN || d->kind == DIR_TAB) {
        push(L, node, "│ ", "│ ", GN_ST_QUOTE);
        return false;
    }
    uint32_t style = d->kind == DIR_WARN ? GN_ST_ALERT | GN_ST_WARN : GN_ST_ALERT;
    push(L, node, "┃ ", "┃ ", style);
    if (d->kind == DIR_VIDEO) {
        const char *url = p->link[0] >= 0 && p->nurls ? p->urls[p->link[0]] : "";
        char *line = gn_xasprintf("▶ %s: %s", d->label, url);
        emit_label(L, line, strlen(line), style);
        free(line);
    } else {
        emit_label(L, d->label, strlen(d->label), style | GN_ST_STRONG);
    }
    L->directive = first;
    return false;
}

/* ---- leaf blocks ------------------------------------------------------- */

/* Collect node's inlines into p and add their links to the document, so
 * the indices p->link holds are indices in doc->links. Renders markup. */
static void collect_into(layout *L, gn_para *p, cmark_node *node, uint32_t style)
{
    gn_doc *d = L->doc;
    gn_para_collect(p, node, style, (int32_t)d->nlinks);
    for (size_t i = 0; i < p->nurls; i++) {
        if (d->nlinks == d->cap_links) {
            d->cap_links = d->cap_links ? d->cap_links * 2 : 32;
            d->links = gn_xreallocarray(d->links, d->cap_links, sizeof *d->links);
        }
        d->links[d->nlinks++] = (gn_link){gn_xstrdup(p->urls[i]), NO_LINE};
    }
    gn_para_markup(p);
}

/* Collect a leaf's inlines into L->para. */
static void collect(layout *L, cmark_node *node, uint32_t style)
{
    gn_para_reset(&L->para);
    collect_into(L, &L->para, node, style);
}

static void paragraph(layout *L, cmark_node *node)
{
    gn_para *p = &L->para;
    collect(L, node, 0);
    if (node == L->directive) {
        size_t len, arg, arg_len;
        if (find_directive(p, &len, &arg, &arg_len))
            gn_para_cut(p, 0, len);
        while (p->text.len && (p->text.data[0] == ' ' || p->text.data[0] == '\n'))
            gn_para_cut(p, 0, 1);
        L->directive = NULL;
        if (p->text.len == 0)
            return; /* the label stands for it; no blank line follows */
    }
    /* A line that is only an attribute list ({style="..."}) is gone. */
    if (p->text.len == 0) {
        return;
    }
    block_start(L, node);
    emit_para(L, p);
    L->blank_pending = true;
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
    gn_doc *d = L->doc;
    if (d->nheadings == d->cap_headings) {
        d->cap_headings = d->cap_headings ? d->cap_headings * 2 : 16;
        d->headings = gn_xreallocarray(d->headings, d->cap_headings, sizeof *d->headings);
    }
    d->headings[d->nheadings++] = (gn_heading){
        level, gn_xstrndup(p->text.data, p->text.len),
        p->anchor ? gn_xstrdup(p->anchor) : NULL, d->nlines};
    push(L, node, marks[level - 1], pads[level - 1], GN_ST_MARKER | style);
    emit_para(L, p);
    pop(L);
    L->blank_pending = true;
}

/* Code blocks keep their lines; a line wider than the page is broken and
 * each broken line ends with a "↵" marker. Tabs expand to 4 columns. */
static void code_block(layout *L, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    if (!lit)
        lit = "";
    block_start(L, node);
    push(L, node, "  ", "  ", 0);
    int avail = L->width - prefix_width(L);
    gn_buf line = GN_BUF_INIT;
    const char *p = lit;
    while (*p) {
        size_t n = strcspn(p, "\n");
        gn_buf_reset(&line);
        /* Sanitise and expand tabs. */
        gn_buf raw = GN_BUF_INIT;
        gn_text_sanitize(&raw, p, n);
        int col = 0;
        for (size_t i = 0; i < raw.len;) {
            int32_t cp;
            size_t k = gn_utf8_decode(raw.data + i, raw.len - i, &cp);
            if (cp == '\t') {
                do {
                    gn_buf_addc(&line, ' ');
                } while (++col % 4);
            } else {
                gn_buf_add(&line, raw.data + i, k);
                col += gn_cp_width(cp);
            }
            i += k;
        }
        gn_buf_free(&raw);
        /* Break it into pieces that fit. */
        const char *s = line.data ? line.data : "";
        size_t left = line.len;
        do {
            size_t take = left;
            bool more = gn_text_width(s, left) > avail;
            if (more) {
                take = gn_text_fit(s, left, avail > 1 ? avail - 1 : 1);
                if (take == 0) { /* a wide character at width 1 */
                    int32_t cp;
                    take = gn_utf8_decode(s, left, &cp);
                }
            }
            line_start(L, false);
            add_span(L, s, take, GN_ST_CODEBLOCK, -1);
            if (more)
                add_span(L, "↵", strlen("↵"), GN_ST_CONT, -1);
            line_end(L);
            s += take;
            left -= take;
        } while (left > 0);
        p += n;
        if (*p == '\n')
            p++;
    }
    gn_buf_free(&line);
    pop(L);
    L->blank_pending = true;
}

static void thematic_break(layout *L, cmark_node *node)
{
    block_start(L, node);
    int avail = L->width - prefix_width(L);
    gn_buf b = GN_BUF_INIT;
    for (int i = 0; i < avail; i++)
        gn_buf_adds(&b, "─");
    line_start(L, false);
    add_span(L, b.data ? b.data : "", b.len, GN_ST_RULE, -1);
    line_end(L);
    gn_buf_free(&b);
    L->blank_pending = true;
}

/* Decode the few entities raw HTML uses; others stay as written. */
static size_t html_entity(const char *s, gn_buf *out)
{
    static const struct { const char *name; const char *text; } ents[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
        {"&apos;", "'"}, {"&nbsp;", " "}, {"&#39;", "'"},
    };
    for (size_t i = 0; i < sizeof ents / sizeof *ents; i++) {
        size_t n = strlen(ents[i].name);
        if (strncmp(s, ents[i].name, n) == 0) {
            gn_buf_adds(out, ents[i].text);
            return n;
        }
    }
    if (s[1] == '#') {
        char *end;
        long cp = (s[2] == 'x' || s[2] == 'X') ? strtol(s + 3, &end, 16) : strtol(s + 2, &end, 10);
        if (*end == ';' && cp > 0 && cp < 0x110000) {
            gn_utf8_encode(out, (int32_t)cp);
            return (size_t)(end - s) + 1;
        }
    }
    gn_buf_addc(out, '&');
    return 1;
}

/* Text of an HTML block: comments and tags dropped, <br> and block-level
 * closing tags as line breaks, entities decoded, spaces collapsed. */
static void html_text(const char *html, gn_buf *out)
{
    const char *p = html;
    while (*p) {
        if (strncmp(p, "<!--", 4) == 0) {
            const char *end = strstr(p + 4, "-->");
            p = end ? end + 3 : p + strlen(p);
        } else if (*p == '<') {
            const char *end = strchr(p, '>');
            if (!end) {
                gn_buf_addc(out, '<');
                p++;
                continue;
            }
            bool brk = strncmp(p, "<br", 3) == 0 || strncmp(p, "<BR", 3) == 0 ||
                       strncmp(p, "</p", 3) == 0 || strncmp(p, "</tr", 4) == 0 ||
                       strncmp(p, "</li", 4) == 0 || strncmp(p, "</div", 5) == 0 ||
                       strncmp(p, "</h", 3) == 0;
            if (brk)
                gn_buf_addc(out, '\n');
            else if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
                gn_buf_addc(out, ' ');
            p = end + 1;
        } else if (*p == '&') {
            p += html_entity(p, out);
        } else if (*p == '\n' || *p == '\t' || *p == '\r' || *p == ' ') {
            if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
                gn_buf_addc(out, ' ');
            p++;
        } else {
            gn_buf_addc(out, *p++);
        }
    }
}

static void html_block(layout *L, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    gn_buf text = GN_BUF_INIT;
    html_text(lit ? lit : "", &text);
    gn_para *p = &L->para;
    gn_para_reset(p);
    /* One paragraph per line of text, blank lines dropped. */
    const char *s = text.data ? text.data : "";
    bool any = false;
    while (*s) {
        size_t n = strcspn(s, "\n");
        gn_para_reset(p);
        gn_para_add(p, s, n, 0, -1);
        gn_para_markup(p);
        if (p->text.len) {
            if (!any)
                block_start(L, node);
            any = true;
            emit_para(L, p);
        }
        s += n;
        if (*s)
            s++;
    }
    gn_buf_free(&text);
    if (any)
        L->blank_pending = true;
}

/* ---- tables ------------------------------------------------------------ */

typedef struct cell {
    gn_para para;
    gn_wrap_line *lines;
    size_t nlines;
} cell;

/* Widest line (split at '\n') and longest unbreakable word of a cell. */
static void cell_widths(const gn_para *p, int *natural, int *word)
{
    *natural = *word = 0;
    const char *s = p->text.data ? p->text.data : "";
    size_t i = 0;
    int line = 0, w = 0;
    while (i <= p->text.len) {
        int32_t cp = 0;
        size_t k = i < p->text.len ? gn_utf8_decode(s + i, p->text.len - i, &cp) : 1;
        if (i == p->text.len || cp == '\n' || cp == ' ') {
            if (w > *word)
                *word = w;
            w = 0;
            if (i == p->text.len || cp == '\n') {
                if (line > *natural)
                    *natural = line;
                line = 0;
            } else {
                line++;
            }
        } else {
            int cw = gn_cp_width(cp);
            line += cw;
            w += cw;
            if (cw == 2) { /* CJK breaks between characters */
                if (w > *word)
                    *word = w;
                w = 0;
            }
        }
        i += k;
    }
}

/* Column widths that fit room: each column its natural width, capped at a
 * common level found by bisection, so narrow columns are never starved. */
static void fit_columns(int *width, const int *natural, size_t ncols, int room)
{
    long total = 0;
    for (size_t c = 0; c < ncols; c++)
        total += natural[c];
    if (total <= room) {
        memcpy(width, natural, ncols * sizeof *width);
        return;
    }
    int lo = 1, hi = 1;
    for (size_t c = 0; c < ncols; c++)
        if (natural[c] > hi)
            hi = natural[c];
    while (lo < hi) { /* largest cap whose total fits */
        int mid = lo + (hi - lo + 1) / 2;
        long t = 0;
        for (size_t c = 0; c < ncols; c++)
            t += natural[c] < mid ? natural[c] : mid;
        if (t <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    long used = 0;
    for (size_t c = 0; c < ncols; c++) {
        width[c] = natural[c] < lo ? natural[c] : lo;
        if (width[c] < 1)
            width[c] = 1;
        used += width[c];
    }
    /* Give what is left to the columns that were capped. */
    for (size_t c = 0; c < ncols && used < room; c++)
        if (width[c] < natural[c]) {
            width[c]++;
            used++;
        }
}

static void border(layout *L, const int *width, size_t ncols, const char *l,
                   const char *m, const char *r)
{
    line_start(L, false);
    add_span(L, l, strlen(l), GN_ST_BORDER, -1);
    for (size_t c = 0; c < ncols; c++) {
        for (int i = 0; i < width[c] + 2; i++)
            add_span(L, "─", strlen("─"), GN_ST_BORDER, -1);
        add_span(L, c + 1 < ncols ? m : r, strlen(c + 1 < ncols ? m : r), GN_ST_BORDER, -1);
    }
    line_end(L);
}

static void spaces(layout *L, int n)
{
    static const char blanks[] = "                                ";
    while (n > 0) {
        int k = n < 32 ? n : 32;
        add_span(L, blanks, (size_t)k, 0, -1);
        n -= k;
    }
}

/* One table row: cells wrapped in their columns, side by side. */
static void table_row(layout *L, cell *cells, const int *width, size_t ncols,
                      const uint8_t *align, bool head)
{
    size_t height = 1;
    for (size_t c = 0; c < ncols; c++) {
        gn_para *p = &cells[c].para;
        cells[c].nlines = gn_wrap(p->text.data, p->text.len, width[c], L->lang, &cells[c].lines);
        if (cells[c].nlines > height)
            height = cells[c].nlines;
    }
    for (size_t h = 0; h < height; h++) {
        line_start(L, false);
        add_span(L, "│", strlen("│"), GN_ST_BORDER, -1);
        for (size_t c = 0; c < ncols; c++) {
            gn_para *p = &cells[c].para;
            int used = 0;
            int pad = 0;
            if (h < cells[c].nlines)
                used = cells[c].lines[h].width;
            int free_cols = width[c] - used > 0 ? width[c] - used : 0;
            if (align && align[c] == 'r')
                pad = free_cols;
            else if (align && align[c] == 'c')
                pad = free_cols / 2;
            spaces(L, 1 + pad);
            if (h < cells[c].nlines) {
                size_t a = cells[c].lines[h].start, e = cells[c].lines[h].end;
                while (a < e) {
                    size_t b = a + 1;
                    while (b < e && p->style[b] == p->style[a] && p->link[b] == p->link[a])
                        b++;
                    add_span(L, p->text.data + a, b - a,
                             p->style[a] | (head ? GN_ST_TABLEHEAD : 0), p->link[a]);
                    a = b;
                }
            }
            spaces(L, free_cols - pad + 1);
            add_span(L, "│", strlen("│"), GN_ST_BORDER, -1);
        }
        line_end(L);
    }
    for (size_t c = 0; c < ncols; c++) {
        free(cells[c].lines);
        cells[c].lines = NULL;
        cells[c].nlines = 0;
    }
}

/* A row laid out as a record: "Header: value" lines, for tables too wide
 * for even one column per character. */
static void table_record(layout *L, cell *head, cell *cells, size_t ncols)
{
    gn_para *p = &L->para;
    for (size_t c = 0; c < ncols; c++) {
        gn_para_reset(p);
        if (head) {
            gn_para *h = &head[c].para;
            gn_para_add(p, h->text.data ? h->text.data : "", h->text.len, GN_ST_TABLEHEAD, -1);
            gn_para_add(p, ": ", 2, GN_ST_TABLEHEAD, -1);
        }
        size_t at = p->text.len;
        gn_para *v = &cells[c].para;
        gn_para_add(p, v->text.data ? v->text.data : "", v->text.len, 0, -1);
        for (size_t i = 0; i < v->text.len && at + i < p->text.len; i++) {
            p->style[at + i] = v->style[i];
            p->link[at + i] = v->link[i];
        }
        emit_para(L, p);
    }
}

static void table(layout *L, cmark_node *node)
{
    size_t ncols = cmark_gfm_extensions_get_table_columns(node);
    uint8_t *align = cmark_gfm_extensions_get_table_alignments(node);
    if (ncols == 0)
        return;
    block_start(L, node);
    size_t nrows = 0;
    for (cmark_node *r = cmark_node_first_child(node); r; r = cmark_node_next(r))
        nrows++;
    cell *cells = gn_xcalloc(nrows * ncols, sizeof *cells);
    int *natural = gn_xcalloc(ncols, sizeof *natural);
    int *width = gn_xcalloc(ncols, sizeof *width);
    bool *is_head = gn_xcalloc(nrows, sizeof *is_head);
    size_t r = 0;
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row), r++) {
        is_head[r] = cmark_gfm_extensions_get_table_row_is_header(row);
        size_t c = 0;
        for (cmark_node *cl = cmark_node_first_child(row); cl && c < ncols; cl = cmark_node_next(cl), c++) {
            gn_para *p = &cells[r * ncols + c].para;
            collect_into(L, p, cl, 0);
            int nat, word;
            cell_widths(p, &nat, &word);
            if (nat > natural[c])
                natural[c] = nat;
        }
    }
    for (size_t c = 0; c < ncols; c++)
        if (natural[c] < 1)
            natural[c] = 1;
    int room = L->width - prefix_width(L) - (int)(3 * ncols + 1);
    if (room < (int)ncols) {
        cell *head = nrows && is_head[0] ? cells : NULL;
        for (r = head ? 1 : 0; r < nrows; r++) {
            if (r > (head ? 1u : 0u))
                blank_line(L);
            table_record(L, head, &cells[r * ncols], ncols);
        }
    } else {
        fit_columns(width, natural, ncols, room);
        border(L, width, ncols, "┌", "┬", "┐");
        for (r = 0; r < nrows; r++) {
            table_row(L, &cells[r * ncols], width, ncols, align, is_head[r]);
            if (is_head[r] && r + 1 < nrows)
                border(L, width, ncols, "├", "┼", "┤");
        }
        border(L, width, ncols, "└", "┴", "┘");
    }
    for (size_t i = 0; i < nrows * ncols; i++)
        gn_para_free(&cells[i].para);
    free(cells);
    free(natural);
    free(width);
    free(is_head);
    L->blank_pending = true;
}

/* ---- lists ------------------------------------------------------------- */

static void enter_item(layout *L, cmark_node *item)
{
    static const char *const bullets[] = {"• ", "◦ ", "▪ "};
    cmark_node *list = cmark_node_parent(item);
    size_t level = 0;
    for (size_t i = 0; i < L->depth; i++)
        if (L->stack[i].node && cmark_node_get_type(L->stack[i].node) == CMARK_NODE_ITEM)
            level++;
    block_start(L, item);
    if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        int number = cmark_node_get_list_start(list);
        for (cmark_node *n = cmark_node_previous(item); n; n = cmark_node_previous(n))
            number++;
        /* Pad so every item of the list has the width of the largest. */
        int count = 0;
        for (cmark_node *n = cmark_node_first_child(list); n; n = cmark_node_next(n))
            count++;
        int last = cmark_node_get_list_start(list) + count - 1;
        int digits = snprintf(NULL, 0, "%d", last > number ? last : number);
        container *c = push(L, item, NULL, NULL, GN_ST_MARKER);
        snprintf(c->own, sizeof c->own, "%*d. ", digits, number);
        c->first = c->own;
        static const char pad[] = "              ";
        size_t w = strlen(c->own);
        c->rest = pad + (sizeof pad - 1 - (w < sizeof pad - 1 ? w : sizeof pad - 1));
    } else {
        push(L, item, bullets[level % 3], "  ", GN_ST_MARKER);
    }
}

/* ---- the walk ---------------------------------------------------------- */

static bool is_ext(cmark_node *node, const char *name)
{
    return strcmp(cmark_node_get_type_string(node), name) == 0;
}

void gn_layout(cmark_node *root, int width, const char *lang, gn_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->width = width < 1 ? 1 : width;
    layout L = {.doc = doc, .width = doc->width, .lang = lang};
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        bool enter = ev == CMARK_EVENT_ENTER;
        bool skip = false;
        switch (type) {
        case CMARK_NODE_BLOCK_QUOTE:
            if (enter)
                skip = enter_quote(&L, n);
            else {
                pop(&L);
                L.blank_pending = true;
            }
            break;
        case CMARK_NODE_LIST:
            if (enter)
                block_start(&L, n);
            else
                L.blank_pending = true;
            break;
        case CMARK_NODE_ITEM:
            if (enter)
                enter_item(&L, n);
            else {
                /* An empty item still shows its marker. */
                if (!L.stack[L.depth - 1].used) {
                    line_start(&L, false);
                    line_end(&L);
                }
                pop(&L);
            }
            break;
        case CMARK_NODE_PARAGRAPH:
            paragraph(&L, n);
            skip = true;
            break;
        case CMARK_NODE_HEADING:
            heading(&L, n);
            skip = true;
            break;
        case CMARK_NODE_CODE_BLOCK:
            code_block(&L, n);
            break;
        case CMARK_NODE_HTML_BLOCK:
            html_block(&L, n);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            thematic_break(&L, n);
            break;
        default:
            if (enter && is_ext(n, "table")) {
                table(&L, n);
                skip = true;
            }
            break;
        }
        if (skip && enter)
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
    cmark_iter_free(it);
    gn_para_free(&L.para);
    free(L.stack);
}

void gn_layout_message(const char *msg, int width, gn_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->width = width < 1 ? 1 : width;
    layout L = {.doc = doc, .width = doc->width};
    const char *s = msg;
    while (*s) {
        size_t n = strcspn(s, "\n");
        gn_para_reset(&L.para);
        gn_para_add(&L.para, s, n, 0, -1);
        if (n == 0)
            blank_line(&L);
        else
            emit_para(&L, &L.para);
        s += n;
        if (*s)
            s++;
    }
    gn_para_free(&L.para);
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
    memset(doc, 0, sizeof *doc);
}

long gn_doc_section_at(const gn_doc *doc, size_t line)
{
    size_t lo = 0, hi = doc->nheadings;
    while (lo < hi) { /* first heading starting after line */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->headings[mid].line <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}
