/* list_view.c: a box over the main view: a list to choose from (the
 * languages, the bookmarks) or text to read, its long lines wrapped (the
 * changes of a page, the keys). Its bottom border says what lies above
 * and below the rows shown, and which keys it takes. See view.h. */
#include <curses.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/emit.h"
#include "guidenav/text.h"
#include "guidenav/wrap.h"
#include "ui/style.h"
#include "ui/view.h"

typedef struct list_view {
    gn_view v;
    char *title;
    char **lines, **notes;
    char **texts;         /* the keys: each line's description (lines are
                             the keys), laid out by gn_wrap_terms */
    bool *dim;            /* lines drawn dim (may be NULL) */
    size_t n;
    int widest;           /* columns of the widest line, title or footer */
    char *footer;         /* the keys it takes, in its bottom border */
    /* Text shows its lines wrapped to the box (gn_wrap_rows, or
     * gn_wrap_terms for the keys), as wide as they were made for,
     * continued indent columns in; a list to choose from shows its lines. */
    gn_wrap_row *rows;
    size_t nrows;
    int rows_w, indent;
    size_t cur, first;    /* in rows */
    bool select;
    gn_action closers[2]; /* text: what closes it besides q and Esc */
    gn_list_chosen chosen, moved;
    gn_list_removed removed;
    void *ctx;
    void (*free_ctx)(void *);
} list_view;

/* How many rows the list shows, and the text of row i. */
static size_t row_count(const list_view *l)
{
    return l->select ? l->n : l->nrows;
}

static const char *row_text(const list_view *l, size_t i)
{
    return l->select ? l->lines[i] : l->rows[i].text;
}

/* Wrap a text list's lines to w columns, unless they are already; the
 * line at the top stays at the top. */
static void wrap_to(const gn_ui *u, list_view *l, int w)
{
    if (l->select || (l->rows && l->rows_w == w))
        return;
    size_t top = l->first < l->nrows ? l->rows[l->first].line : 0;
    gn_wrap_rows_free(l->rows, l->nrows);
    l->nrows = l->texts ? gn_wrap_terms(l->lines, l->texts, l->n, w, NULL, &l->rows)
                        : gn_wrap_rows(l->lines, l->n, w, l->indent, gn_glyphs_for(u->ascii)->wrap,
                                       NULL, &l->rows);
    l->rows_w = w;
    size_t first = 0;
    while (first + 1 < l->nrows && l->rows[first].line < top)
        first++;
    l->first = l->cur = first;
}

/* The box's size and place for the screen; inner: rows of text. A text
 * list's lines are wrapped to its width here, a space on either side. */
static void box_of(const gn_ui *u, list_view *l, int *x, int *y, int *bw, int *bh, int *inner)
{
    *bw = l->widest + 4 < u->cols ? l->widest + 4 : u->cols;
    wrap_to(u, l, *bw - 4);
    int n = (int)row_count(l);
    *bh = n + 2 < u->rows - 1 ? n + 2 : u->rows - 1;
    *x = (u->cols - *bw) / 2;
    *y = (u->rows - 1 - *bh) / 2;
    *inner = *bh - 2 > 0 ? *bh - 2 : 0;
}

/* The bottom border's text: how many rows lie above and below the inner
 * rows shown, then the keys the box takes. */
static void draw_footer(const gn_ui *u, const list_view *l, int x, int y, int bw, int inner)
{
    size_t n = row_count(l), shown = inner > 0 ? (size_t)inner : 0;
    size_t below = n > l->first + shown ? n - l->first - shown : 0;
    gn_buf b = GN_BUF_INIT;
    if (l->first > 0)
        gn_buf_addf(&b, "%s %zu above", u->ascii ? "^" : "↑", l->first);
    if (below > 0)
        gn_buf_addf(&b, "%s%s %zu more", b.len ? "  " : "", u->ascii ? "v" : "↓", below);
    if (l->footer)
        gn_buf_addf(&b, "%s%s", b.len ? "  " : "", l->footer);
    if (b.len) {
        attrset(A_BOLD);
        move(y, x + 2);
        gn_put_clipped(u, b.data, b.len, bw - 4);
        attrset(0);
    }
    gn_buf_free(&b);
}

static void list_draw(gn_ui *u, gn_view *v)
{
    list_view *l = (list_view *)v;
    int x, y, bw, bh, inner;
    box_of(u, l, &x, &y, &bw, &bh, &inner);
    if (l->cur < l->first)
        l->first = l->cur;
    if (inner > 0 && l->cur >= l->first + (size_t)inner)
        l->first = l->cur - (size_t)inner + 1;
    gn_draw_box(u, x, y, bw, bh, l->title);
    for (int r = 0; r < inner; r++) {
        size_t i = l->first + (size_t)r;
        if (i >= row_count(l))
            break;
        attr_t a = l->select && l->dim && l->dim[i] ? A_DIM : 0;
        attrset(l->select && i == l->cur ? A_REVERSE | a : a);
        move(y + 1 + r, x + 1);
        int used = gn_put_clipped(u, " ", 1, bw - 2);
        used += gn_put_clipped(u, row_text(l, i), strlen(row_text(l, i)), bw - 4);
        for (; used < bw - 2; used++)
            addch(' ');
    }
    attrset(0);
    draw_footer(u, l, x, y + bh - 1, bw, inner);
    /* A message (what a key just did) shows until the next key. */
    if (l->notes && l->cur < l->n && l->notes[l->cur] && !u->s.msg[0])
        gn_draw_status_line(u, l->notes[l->cur], NULL);
}

/* Take line i out of a list to choose from (it was removed). */
static void drop_line(list_view *l, size_t i)
{
    free(l->lines[i]);
    memmove(l->lines + i, l->lines + i + 1, (l->n - i - 1) * sizeof *l->lines);
    if (l->notes) {
        free(l->notes[i]);
        memmove(l->notes + i, l->notes + i + 1, (l->n - i - 1) * sizeof *l->notes);
    }
    if (l->dim)
        memmove(l->dim + i, l->dim + i + 1, (l->n - i - 1) * sizeof *l->dim);
    l->n--;
    if (l->cur >= l->n && l->cur > 0)
        l->cur = l->n - 1;
}

static void list_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    list_view *l = (list_view *)v;
    int x, y, bw, bh, inner;
    box_of(u, l, &x, &y, &bw, &bh, &inner);
    size_t page = inner > 1 ? (size_t)inner - 1 : 1;
    if (!k->code && (k->wc == 27 || k->wc == 'q')) {
        gn_ui_close(u);
        return;
    }
    if (!l->select) {
        /* Text scrolls: the motions move its first row, down to the
         * last screenful; the keys that opened it close it. */
        size_t shown = inner > 0 ? (size_t)inner : 1, n = row_count(l);
        if (gn_motion(k->act, k->count, &l->first, n > shown ? n - shown + 1 : 1, page, page / 2))
            l->cur = l->first;
        else if (k->act != GN_ACT_NONE && (k->act == l->closers[0] || k->act == l->closers[1]))
            gn_ui_close(u);
        return;
    }
    size_t was = l->cur;
    if (gn_motion(k->act, k->count, &l->cur, row_count(l), page, page / 2)) {
        if (l->moved && l->cur != was)
            l->moved(u, l->cur, l->ctx);
        return;
    }
    if (k->act == GN_ACT_DELETE && l->removed && l->cur < l->n) {
        if (l->removed(u, l->cur, l->ctx))
            drop_line(l, l->cur);
        if (l->n == 0)
            gn_ui_close(u);
        else if (l->moved)
            l->moved(u, l->cur, l->ctx);
        return;
    }
    if (k->act != GN_ACT_ENTER || l->cur >= l->n)
        return;
    gn_list_chosen chosen = l->chosen;
    void *ctx = l->ctx;
    void (*free_ctx)(void *) = l->free_ctx;
    size_t cur = l->cur;
    l->free_ctx = NULL; /* the context outlives the list until chosen has run */
    gn_ui_close(u);
    if (chosen)
        chosen(u, cur, ctx);
    if (free_ctx)
        free_ctx(ctx);
}

static void list_free(gn_ui *u, gn_view *v)
{
    list_view *l = (list_view *)v;
    for (size_t i = 0; i < l->n; i++) {
        free(l->lines[i]);
        if (l->notes)
            free(l->notes[i]);
        if (l->texts)
            free(l->texts[i]);
    }
    free(l->lines);
    free(l->notes);
    free(l->texts);
    free(l->dim);
    free(l->footer);
    gn_wrap_rows_free(l->rows, l->nrows);
    free(l->title);
    if (l->moved)
        l->moved(u, GN_NONE, l->ctx);
    if (l->free_ctx)
        l->free_ctx(l->ctx);
    free(l);
}

static const gn_view_ops list_ops = {list_draw, list_key, NULL, list_free, false};

/* Make l's box as wide as text needs (NULL: no change). */
static void widen(list_view *l, const char *text)
{
    int w = text ? gn_text_width(text, strlen(text)) : 0;
    if (w > l->widest)
        l->widest = w;
}

/* A new box of n lines (taken) under title, its bottom border saying
 * footer (may be NULL), not yet open. */
static list_view *list_new(const char *title, char **lines, size_t n, const char *footer)
{
    list_view *l = gn_xcalloc(1, sizeof *l);
    l->v.ops = &list_ops;
    l->title = gn_xstrdup(title);
    l->footer = footer ? gn_xstrdup(footer) : NULL;
    l->lines = lines;
    l->n = n;
    widen(l, title);
    widen(l, footer);
    for (size_t i = 0; i < n; i++)
        widen(l, lines[i]);
    return l;
}

void gn_list_open(gn_ui *u, const char *title, char **lines, size_t n, const gn_list_opts *o)
{
    list_view *l = list_new(title, lines, n, o->footer);
    l->notes = o->notes;
    l->dim = o->dim;
    l->cur = o->start < n ? o->start : 0;
    l->select = true;
    l->chosen = o->chosen;
    l->moved = o->moved;
    l->removed = o->removed;
    l->ctx = o->ctx;
    l->free_ctx = o->free_ctx;
    gn_ui_open(u, &l->v);
    if (l->moved)
        l->moved(u, l->cur, l->ctx);
}

/* What closes a text box besides q and Esc, in its bottom border. */
#define TEXT_FOOTER "q: close"

void gn_text_open(gn_ui *u, const char *title, char **lines, size_t n, int indent, gn_action closer)
{
    list_view *l = list_new(title, lines, n, TEXT_FOOTER);
    l->indent = indent;
    l->closers[0] = closer;
    gn_ui_open(u, &l->v);
}

/* The keys: each action's keys in force, then its name in the
 * configuration file (page-down) and what it does ("f, Ctrl-F, PgDn
 * page-down: Page down"), so a reader sees what to write in config.yaml's
 * keys. The descriptions wrap in their column (gn_wrap_terms). */
void gn_help_open(gn_ui *u)
{
    size_t n = GN_ACT_COUNT - 1;
    char **keys = gn_xcalloc(n, sizeof *keys), **texts = gn_xcalloc(n, sizeof *texts);
    int kw = 0, tw = 0;
    for (size_t i = 0; i < n; i++) {
        gn_action act = (gn_action)(i + 1);
        keys[i] = gn_action_keys(act); /* from the bindings (actions.c) */
        texts[i] = gn_xasprintf("%s: %s", gn_action_config_name(act), gn_action_table[act].help);
        int w = gn_text_width(keys[i], strlen(keys[i]));
        kw = w > kw ? w : kw;
        w = gn_text_width(texts[i], strlen(texts[i]));
        tw = w > tw ? w : tw;
    }
    list_view *l = list_new("Keys", keys, n, TEXT_FOOTER);
    l->texts = texts;
    if (kw + 2 + tw > l->widest)
        l->widest = kw + 2 + tw;
    /* H, F1 and, from the tree, ? open it: they close it too. */
    l->closers[0] = GN_ACT_HELP;
    l->closers[1] = GN_ACT_SEARCH_BACK;
    gn_ui_open(u, &l->v);
}
