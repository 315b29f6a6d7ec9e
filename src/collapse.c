/* collapse.c: Adobe's collapsible blocks, "+++Title" ... "+++" (see
 * collapse.h): found after a parse, made custom blocks, laid out with a
 * marker and folded or not, and the place kept when a fold changes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmark-gfm-extension_api.h>
#include "guidenav/collapse.h"
#include "guidenav/util.h"

/* ---- marker lines ----------------------------------------------------------- */

/* A space or a tab. */
static bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Where the content of the line s[b..e) starts: after a byte order mark
 * (at the start of the text), white space, '>' and list markers ("-", "+",
 * "*", up to nine digits and '.' or ')', each followed by white space). */
static size_t content_start(const char *s, size_t b, size_t e)
{
    size_t i = b;
    if (b == 0 && e >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    for (;;) {
        while (i < e && is_ws(s[i]))
            i++;
        if (i < e && s[i] == '>') {
            i++;
            continue;
        }
        size_t m = 0;
        if (i < e && (s[i] == '-' || s[i] == '+' || s[i] == '*')) {
            m = 1;
        } else {
            size_t j = i;
            while (j < e && j - i < 9 && s[j] >= '0' && s[j] <= '9')
                j++;
            if (j > i && j < e && (s[j] == '.' || s[j] == ')'))
                m = j - i + 1;
        }
        if (m == 0 || i + m >= e || !is_ws(s[i + m]))
            return i;
        i += m;
    }
}

/* Does s[i..e) hold a marker: exactly three '+' and the rest of the line?
 * Its title, white space (and a carriage return an HTML block's text may
 * keep) trimmed, is s[*t0..*t1): empty for a closer. */
static bool marker_at(const char *s, size_t i, size_t e, size_t *t0, size_t *t1)
{
    if (i + 3 > e || memcmp(s + i, "+++", 3) != 0 || (i + 3 < e && s[i + 3] == '+'))
        return false;
    size_t a = i + 3, b = e;
    while (a < b && (is_ws(s[a]) || s[a] == '\r'))
        a++;
    while (b > a && (is_ws(s[b - 1]) || s[b - 1] == '\r'))
        b--;
    *t0 = a;
    *t1 = b;
    return true;
}

/* A marker line of the text: its 1-based line, where its "+++" is, its
 * title (title == title_end: a closer), whether it may be rewritten. */
typedef struct mark {
    size_t line, plus, title, title_end;
    bool row;     /* cmark took it for a table row: it must hold no '|' */
    bool keep;    /* left as written (it became no heading when rewritten) */
    bool matched; /* a heading or an HTML block of the parse holds it */
} mark;

typedef struct marks {
    mark *v;
    size_t n, cap;
} marks;

/* Append a candidate for line (row: a table row's). */
static void add_mark(marks *M, size_t line, bool row)
{
    if (M->n == M->cap) {
        M->cap = M->cap ? M->cap * 2 : 16;
        M->v = gn_xreallocarray(M->v, M->cap, sizeof *M->v);
    }
    M->v[M->n++] = (mark){line, 0, 0, 0, row, false, false};
}

/* qsort order of marks: by line. */
static int mark_cmp(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* The mark of line, or NULL. */
static mark *mark_of(const marks *M, size_t line)
{
    size_t lo = 0, hi = M->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (M->v[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < M->n && M->v[lo].line == line ? &M->v[lo] : NULL;
}

/* Does the text node start with exactly three '+'? */
static bool starts_with_plus3(cmark_node *text)
{
    const char *lit = cmark_node_get_literal(text);
    return lit && strncmp(lit, "+++", 3) == 0 && lit[3] != '+';
}

/* The lines of doc that may be markers, by what cmark made of them: a
 * paragraph's line that starts with a text "+++", a table row whose text
 * starts so (sorted by line, once each). */
static void candidates(cmark_node *doc, marks *M)
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_PARAGRAPH) {
            /* cmark-gfm gives no position to the paragraph a table's header
             * row was taken from: its lines are the table's first ones. */
            int base = cmark_node_get_start_line(n);
            cmark_node *next = cmark_node_next(n);
            if (base <= 0 && next && strcmp(cmark_node_get_type_string(next), "table") == 0)
                base = cmark_node_get_start_line(next);
            bool line_start = true;
            int breaks = 0;
            for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
                cmark_node_type ct = cmark_node_get_type(c);
                int line = cmark_node_get_start_line(c);
                if (line <= 0 && base > 0)
                    line = base + breaks;
                if (line_start && ct == CMARK_NODE_TEXT && starts_with_plus3(c) && line > 0)
                    add_mark(M, (size_t)line, false);
                line_start = ct == CMARK_NODE_SOFTBREAK || ct == CMARK_NODE_LINEBREAK;
                breaks += line_start;
            }
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        } else if (strcmp(cmark_node_get_type_string(n), "table_row") == 0) {
            cmark_node *cell = cmark_node_first_child(n);
            cmark_node *text = cell ? cmark_node_first_child(cell) : NULL;
            if (text && cmark_node_get_type(text) == CMARK_NODE_TEXT && starts_with_plus3(text) &&
                cmark_node_get_start_line(n) > 0)
                add_mark(M, (size_t)cmark_node_get_start_line(n), true);
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        }
    }
    cmark_iter_free(it);
    if (M->n > 1)
        qsort(M->v, M->n, sizeof *M->v, mark_cmp);
    size_t out = 0;
    for (size_t i = 0; i < M->n; i++)
        if (out == 0 || M->v[out - 1].line != M->v[i].line)
            M->v[out++] = M->v[i];
    M->n = out;
}

/* Keep the candidates whose line of text really starts with a marker
 * (an entity such as "&#43;++" makes a text "+++" too), with where: one
 * walk over the text's lines ("\n", "\r\n" or "\r" end one, as for cmark)
 * up to the last candidate's. */
static void confirm(const char *s, size_t len, marks *M)
{
    size_t at = 0, line = 1, out = 0, k = 0;
    while (k < M->n) {
        size_t e = at;
        while (e < len && s[e] != '\n' && s[e] != '\r')
            e++;
        if (M->v[k].line == line) {
            mark m = M->v[k++];
            size_t c = content_start(s, at, e);
            if (marker_at(s, c, e, &m.title, &m.title_end) &&
                !(m.row && memchr(s + at, '|', e - at))) {
                m.plus = c;
                M->v[out++] = m;
            }
        }
        if (e >= len)
            break;
        at = e + (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n' ? 2 : 1);
        line++;
    }
    M->n = out;
}

/* The text with each marker not kept written as an ATX heading: "+++" and
 * the title become "# " and the title ('#' ending it escaped, so it is no
 * closing sequence), a closer "#". Newly allocated, *out_len bytes. */
static char *rewrite(const char *s, size_t len, const marks *M, size_t *out_len)
{
    gn_buf b = GN_BUF_INIT;
    size_t done = 0;
    for (size_t k = 0; k < M->n; k++) {
        const mark *m = &M->v[k];
        if (m->keep)
            continue;
        gn_buf_add(&b, s + done, m->plus - done);
        if (m->title == m->title_end) {
            gn_buf_addc(&b, '#');
        } else {
            size_t run = m->title_end;
            while (run > m->title && s[run - 1] == '#')
                run--;
            gn_buf_adds(&b, "# ");
            gn_buf_add(&b, s + m->title, run - m->title);
            if (run < m->title_end && (run == m->title || s[run - 1] != '\\'))
                gn_buf_addc(&b, '\\');
            gn_buf_add(&b, s + run, m->title_end - run);
        }
        done = m->title_end;
    }
    gn_buf_add(&b, s + done, len - done);
    *out_len = b.len;
    return gn_buf_take(&b);
}

/* ---- the blocks ---------------------------------------------------------------- */

/* A marker in the document: a heading a marker line became, or a
 * paragraph split out of an HTML block (or, while collecting, such an HTML
 * block itself: html). */
typedef struct entry {
    cmark_node *node;
    bool opener, heading, html, done;
} entry;

typedef struct entries {
    entry *v;
    size_t n, cap;
} entries;

/* Append x. */
static void add_entry(entries *E, entry x)
{
    if (E->n == E->cap) {
        E->cap = E->cap ? E->cap * 2 : 16;
        E->v = gn_xreallocarray(E->v, E->cap, sizeof *E->v);
    }
    E->v[E->n++] = x;
}

/* Is an HTML block literal text, where "+++" is no marker: CommonMark's
 * kinds 1 to 5 (<pre>, <script>, <style>, <textarea>, comments, processing
 * instructions, declarations, CDATA)? */
static bool html_literal(const char *lit)
{
    static const char *const tags[] = {"pre", "script", "style", "textarea"};
    while (*lit == ' ' || *lit == '\t')
        lit++;
    if (lit[0] != '<' || lit[1] == '!' || lit[1] == '?')
        return true;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        size_t n = strlen(tags[i]);
        char after = lit[1 + n];
        if (strncasecmp(lit + 1, tags[i], n) == 0 &&
            (after == '\0' || after == '>' || after == ' ' || after == '\t' || after == '\n' ||
             after == '\r'))
            return true;
    }
    return false;
}

/* Is the line l[b..e) of an HTML block's text, line `line` of the text
 * (0: unknown), a marker: a mark's (rewritten), or "+++..." as written?
 * Its title's bytes in *title, *title_len. */
static bool html_marker(const marks *M, const char *text, const char *l, size_t b, size_t e,
                        size_t line, const char **title, size_t *title_len)
{
    const mark *m = line ? mark_of(M, line) : NULL;
    if (m && !m->keep) {
        *title = text + m->title;
        *title_len = m->title_end - m->title;
        return true;
    }
    size_t c = b, t0, t1;
    while (c < e && is_ws(l[c]))
        c++;
    if (!marker_at(l, c, e, &t0, &t1))
        return false;
    *title = l + t0;
    *title_len = t1 - t0;
    return true;
}

/* The headings the marks of M became (matched), and the HTML blocks that
 * hold markers, into E in document order. */
static void collect(cmark_node *doc, marks *M, const char *text, entries *E)
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        int sl = cmark_node_get_start_line(n);
        cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HEADING) {
            mark *m = sl > 0 ? mark_of(M, (size_t)sl) : NULL;
            if (m && !m->keep) {
                m->matched = true;
                add_entry(E, (entry){n, m->title < m->title_end, true, false, false});
            }
        } else if (type == CMARK_NODE_HTML_BLOCK) {
            const char *lit = cmark_node_get_literal(n);
            if (!lit || html_literal(lit))
                continue;
            bool any = false;
            size_t line = sl > 0 ? (size_t)sl : 0;
            for (size_t b = 0, i = 0; lit[b]; i++) {
                size_t e = b + strcspn(lit + b, "\n");
                const char *t;
                size_t tl;
                if (html_marker(M, text, lit, b, e, line ? line + i : 0, &t, &tl)) {
                    any = true;
                    mark *m = line ? mark_of(M, line + i) : NULL;
                    if (m)
                        m->matched = true;
                }
                b = lit[e] ? e + 1 : e;
            }
            if (any)
                add_entry(E, (entry){n, false, false, true, false});
        }
    }
    cmark_iter_free(it);
}

/* A new paragraph holding text s[0..n) (none when n is 0). */
static cmark_node *new_paragraph(cmark_mem *mem, const char *s, size_t n)
{
    cmark_node *p = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, mem);
    if (n) {
        cmark_node *t = cmark_node_new_with_mem(CMARK_NODE_TEXT, mem);
        char *lit = gn_xstrndup(s, n);
        cmark_node_set_literal(t, lit);
        free(lit);
        cmark_node_append_child(p, t);
    }
    return p;
}

/* Split the HTML block h at its marker lines: its other lines stay HTML
 * blocks (the first one h itself, keeping its line), each marker line
 * becomes a paragraph holding its title, an entry of E. */
static void split_html(cmark_node *h, const marks *M, const char *text, cmark_mem *mem,
                       entries *E)
{
    char *lit = gn_xstrdup(cmark_node_get_literal(h));
    int sl = cmark_node_get_start_line(h);
    size_t line = sl > 0 ? (size_t)sl : 0;
    gn_buf run = GN_BUF_INIT;
    cmark_node *prev = NULL; /* the last node placed */
    bool kept = false;       /* h holds the first run */
    for (size_t b = 0, i = 0;; i++) {
        bool end = !lit[b];
        size_t e = b + strcspn(lit + b, "\n");
        const char *t = NULL;
        size_t tl = 0;
        bool marker = !end && html_marker(M, text, lit, b, e, line ? line + i : 0, &t, &tl);
        if ((marker || end) && run.len) {
            cmark_node *piece = h;
            if (prev) {
                piece = cmark_node_new_with_mem(CMARK_NODE_HTML_BLOCK, mem);
                cmark_node_insert_after(prev, piece);
            } else {
                kept = true;
            }
            cmark_node_set_literal(piece, run.data);
            prev = piece;
            gn_buf_reset(&run);
        }
        if (end)
            break;
        if (marker) {
            cmark_node *p = new_paragraph(mem, t, tl);
            if (prev)
                cmark_node_insert_after(prev, p);
            else
                cmark_node_insert_before(h, p);
            prev = p;
            add_entry(E, (entry){p, tl > 0, false, false, false});
        } else {
            gn_buf_add(&run, lit + b, e - b);
            gn_buf_addc(&run, '\n');
        }
        b = lit[e] ? e + 1 : e;
    }
    gn_buf_free(&run);
    free(lit);
    if (!kept) {
        cmark_node_unlink(h);
        cmark_node_free(h);
    }
}

/* A marker left as written: a paragraph that starts with "+++". */
static void make_literal(cmark_mem *mem, entry *m)
{
    if (m->heading)
        cmark_node_set_type(m->node, CMARK_NODE_PARAGRAPH);
    cmark_node *t = cmark_node_new_with_mem(CMARK_NODE_TEXT, mem);
    cmark_node_set_literal(t, "+++");
    cmark_node_prepend_child(m->node, t);
}

/* Make the blocks of the container holding the marker `first` (its first
 * marker): after each opener, the blocks up to its closer or the end move
 * into a new custom block, the opener its title. Every node is moved once. */
static void build_in(cmark_node *first, cmark_mem *mem)
{
    cmark_node *open[GN_COLLAPSE_DEPTH];
    size_t depth = 0, literal = 0; /* openers too deep, left as written */
    cmark_node *next;
    for (cmark_node *c = first; c; c = next) {
        next = cmark_node_next(c);
        entry *m = cmark_node_get_user_data(c);
        cmark_node *into = depth ? open[depth - 1] : NULL;
        if (m) {
            cmark_node_set_user_data(c, NULL);
            m->done = true;
        }
        if (m && m->opener && depth < GN_COLLAPSE_DEPTH) {
            cmark_node *block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, mem);
            if (into)
                cmark_node_append_child(into, block);
            else
                cmark_node_insert_before(c, block);
            cmark_node_unlink(c);
            cmark_node_append_child(block, c);
            if (m->heading) /* (a node without a parent keeps its type) */
                cmark_node_set_type(c, CMARK_NODE_PARAGRAPH);
            open[depth++] = block;
            continue;
        }
        if (m && (m->opener || literal > 0)) {
            literal = m->opener ? literal + 1 : literal - 1;
            make_literal(mem, m);
        } else if (m) { /* a closer: of the innermost block, or of none */
            if (depth > 0)
                depth--;
            cmark_node_unlink(c);
            cmark_node_free(c);
            continue;
        }
        if (into) {
            cmark_node_unlink(c);
            cmark_node_append_child(into, c);
        }
    }
}

cmark_node *gn_collapse_blocks(cmark_node *doc, const char *text, size_t len, cmark_mem *mem,
                               gn_collapse_parse_fn parse, void *ctx)
{
    if (!doc || len < 3 || !gn_holds(text, len, "+++", 3))
        return doc;
    marks M = {0};
    candidates(doc, &M);
    confirm(text, len, &M);
    entries E = {0};
    bool collected = false;
    /* Rewrite and parse again; a marker line that became no heading (a
     * line indented like code under a paragraph) is kept as written, and
     * the text parsed once more: its blocks are the same. */
    for (int pass = 0; pass < 2 && M.n; pass++) {
        size_t n;
        char *again = rewrite(text, len, &M, &n);
        cmark_node *d = parse(again, n, ctx);
        free(again);
        if (!d)
            break;
        cmark_node_free(doc);
        doc = d;
        E.n = 0;
        bool missed = false;
        for (size_t k = 0; k < M.n; k++)
            M.v[k].matched = false;
        collect(doc, &M, text, &E);
        collected = true;
        for (size_t k = 0; k < M.n; k++)
            if (!M.v[k].keep && !M.v[k].matched)
                missed = M.v[k].keep = true;
        if (!missed)
            break;
    }
    if (!collected) /* markers in HTML blocks only, if any */
        collect(doc, &M, text, &E);
    /* HTML blocks holding markers are split into the markers' paragraphs. */
    entries F = {0};
    for (size_t i = 0; i < E.n; i++) {
        if (E.v[i].html)
            split_html(E.v[i].node, &M, text, mem, &F);
        else
            add_entry(&F, E.v[i]);
    }
    for (size_t i = 0; i < F.n; i++)
        cmark_node_set_user_data(F.v[i].node, &F.v[i]);
    for (size_t i = 0; i < F.n; i++)
        if (!F.v[i].done)
            build_in(F.v[i].node, mem);
    free(F.v);
    free(E.v);
    free(M.v);
    return doc;
}

bool gn_collapse_is_block(cmark_node *node)
{
    return node && cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK;
}

bool gn_collapse_is_title(cmark_node *node)
{
    cmark_node *parent = cmark_node_parent(node);
    return gn_collapse_is_block(parent) && cmark_node_first_child(parent) == node &&
           cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH;
}

/* ---- layout --------------------------------------------------------------------- */

void gn_collapse_walk_init(gn_collapse_walk *w, const gn_layout_opts *o)
{
    w->folded = o->folded;
    w->nfolded = o->folded ? o->nfolded : 0;
    w->next = 0;
    w->open = -1;
}

/* Is the block of this ordinal among those the layout folds? */
static bool is_folded(const gn_collapse_walk *w, size_t ordinal)
{
    size_t lo = 0, hi = w->nfolded;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->folded[mid] < ordinal)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->nfolded && w->folded[lo] == ordinal;
}

/* The collapsible blocks inside node, which a folded block's ordinals
 * pass over. */
static size_t inner_blocks(cmark_node *node)
{
    size_t n = 0;
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *c = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && c != node && gn_collapse_is_block(c))
            n++;
    }
    cmark_iter_free(it);
    return n;
}

bool gn_collapse_open(gn_collapse_walk *w, gn_emit *e, gn_para *p, cmark_node *node,
                      bool foldable)
{
    gn_doc *d = e->doc;
    size_t ordinal = foldable ? w->next++ : GN_COLL_SNIPPET;
    bool folded = foldable && is_folded(w, ordinal);
    cmark_node *title = cmark_node_first_child(node);
    gn_para_reset(p);
    if (title && gn_collapse_is_title(title))
        gn_emit_collect(e, p, title, GN_ST_STRONG);
    if (d->ncolls == d->cap_colls) {
        d->cap_colls = d->cap_colls ? d->cap_colls * 2 : 8;
        d->colls = gn_xreallocarray(d->colls, d->cap_colls, sizeof *d->colls);
    }
    size_t k = d->ncolls++;
    size_t line = d->nlines, ptitle = d->ptext.len;
    gn_emit_push(e, node, folded ? e->g->folded : e->g->unfolded, e->g->fold_indent,
                 GN_ST_MARKER);
    if (p->text.len) {
        gn_emit_para(e, p);
    } else { /* the marker alone */
        gn_emit_line_start(e);
        gn_emit_line_end(e);
    }
    d->colls[k] = (gn_coll){ordinal, line, d->nlines, d->nlines, ptitle, p->text.len,
                            d->ptext.len, d->ptext.len, w->open, folded};
    if (folded) {
        gn_emit_pop(e);
        w->next += inner_blocks(node);
        e->blank_pending = true;
        return true;
    }
    w->open = (long)k;
    return false;
}

void gn_collapse_close(gn_collapse_walk *w, gn_emit *e)
{
    gn_emit_pop(e);
    e->blank_pending = true;
    if (w->open < 0)
        return;
    gn_coll *c = &e->doc->colls[w->open];
    c->end = e->doc->nlines;
    c->pend = e->doc->ptext.len;
    w->open = c->parent;
}

/* ---- the fold key and the place -------------------------------------------------- */

long gn_collapse_at(const gn_doc *d, size_t top, size_t bottom)
{
    long holding = -1;
    for (size_t i = 0; i < d->ncolls; i++) {
        const gn_coll *c = &d->colls[i];
        if (c->ordinal == GN_COLL_SNIPPET)
            continue;
        if (c->line >= top)
            return c->line < bottom ? (long)i : holding;
        if (top < c->end)
            holding = (long)i;
    }
    return holding;
}

/* The blocks of the same ordinal in both documents whose fold differs:
 * pairs (index in from, index in to), in document order. Neither of two
 * such blocks holds the other: the inner one is not laid out in the
 * document where the outer one is folded. */
static size_t toggled(const gn_doc *from, const gn_doc *to, size_t (*pairs)[2])
{
    size_t n = 0, j = 0;
    for (size_t i = 0; i < from->ncolls; i++) {
        size_t o = from->colls[i].ordinal;
        if (o == GN_COLL_SNIPPET)
            continue;
        while (j < to->ncolls && (to->colls[j].ordinal == GN_COLL_SNIPPET || to->colls[j].ordinal < o))
            j++;
        if (j < to->ncolls && to->colls[j].ordinal == o &&
            from->colls[i].folded != to->colls[j].folded) {
            pairs[n][0] = i;
            pairs[n][1] = j;
            n++;
        }
    }
    return n;
}

/* The first byte at or after i outside the ranges r[*k..n) (sorted,
 * disjoint), *k moved past those left behind. */
static size_t outside(size_t i, size_t (*r)[2], size_t n, size_t *k)
{
    while (*k < n && i >= r[*k][0]) {
        if (i < r[*k][1])
            i = r[*k][1];
        (*k)++;
    }
    return i;
}

/* Is text a[0..na), less the ranges ra[0..nra), the same as b[0..nb) less
 * rb[0..nrb)? One walk over both. */
static bool same_outside(const char *a, size_t na, size_t (*ra)[2], size_t nra,
                         const char *b, size_t nb, size_t (*rb)[2], size_t nrb)
{
    size_t i = 0, j = 0, ka = 0, kb = 0;
    for (;;) {
        i = outside(i, ra, nra, &ka);
        j = outside(j, rb, nrb, &kb);
        if (i >= na || j >= nb)
            return i >= na && j >= nb;
        size_t ea = ka < nra && ra[ka][0] < na ? ra[ka][0] : na;
        size_t eb = kb < nrb && rb[kb][0] < nb ? rb[kb][0] : nb;
        size_t m = ea - i < eb - j ? ea - i : eb - j;
        if (memcmp(a + i, b + j, m) != 0)
            return false;
        i += m;
        j += m;
    }
}

/* The content text [pbody, pend) of the blocks of d that pairs (side 0 or
 * 1) holds unfolded there, into r; their number. */
static size_t hidden_text(const gn_doc *d, size_t (*pairs)[2], size_t n, int side, size_t (*r)[2])
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const gn_coll *c = &d->colls[pairs[i][side]];
        if (!c->folded) {
            r[k][0] = c->pbody;
            r[k][1] = c->pend;
            k++;
        }
    }
    return k;
}

bool gn_collapse_map(const gn_doc *from, const gn_doc *to, size_t line, size_t *out)
{
    if (from->width != to->width || from->ascii != to->ascii || !from->ncolls || !to->ncolls)
        return false;
    size_t (*pairs)[2] = gn_xcalloc(from->ncolls, sizeof *pairs);
    size_t (*rf)[2] = gn_xcalloc(from->ncolls, sizeof *rf);
    size_t (*rt)[2] = gn_xcalloc(from->ncolls, sizeof *rt);
    size_t n = toggled(from, to, pairs);
    size_t nrf = hidden_text(from, pairs, n, 0, rf), nrt = hidden_text(to, pairs, n, 1, rt);
    bool ok = n > 0 && same_outside(from->ptext.data ? from->ptext.data : "", from->ptext.len, rf,
                                    nrf, to->ptext.data ? to->ptext.data : "", to->ptext.len, rt,
                                    nrt);
    free(rf);
    free(rt);
    long shift = 0;
    *out = line;
    for (size_t k = 0; ok && k < n; k++) {
        const gn_coll *f = &from->colls[pairs[k][0]], *t = &to->colls[pairs[k][1]];
        if (line < f->body) /* before this block's content */
            break;
        if (!f->folded && line < f->end) { /* content folded away: the title */
            *out = t->line;
            free(pairs);
            return true;
        }
        shift += (long)(t->end - t->body) - (long)(f->end - f->body);
    }
    free(pairs);
    if (!ok)
        return false;
    *out = (size_t)((long)line + shift);
    return true;
}
