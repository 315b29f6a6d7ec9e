/* list_view.c: a box over the main view: a list to choose from (the
 * languages, the bookmarks) or text to read, its long
 * lines wrapped (the changes of a page, the keys). See view.h. */
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
    size_t n;
    int widest;           /* columns of the widest line or the title */
    /* Text shows its lines wrapped to the box (gn_wrap_rows), as wide as
     * they were made for, continued indent columns in; a list to choose
     * from shows its lines. */
    gn_wrap_row *rows;
    size_t nrows;
    int rows_w, indent;
    size_t cur, first;    /* in rows */
    bool select;
    gn_list_chosen chosen;
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
    l->nrows = gn_wrap_rows(l->lines, l->n, w, l->indent, gn_glyphs_for(u->ascii)->wrap, NULL,
                            &l->rows);
    l->rows_w = w;
    size_t first = 0;
    while (first + 1 < l->nrows && l->rows[first].line < top)
        first++;
    l->first = l->cur = first;
}

/* The box's size and place for the screen; inner: rows of text. A text
 * list's lines are wrapped to its width here. */
static void box_of(const gn_ui *u, list_view *l, int *x, int *y, int *bw, int *bh, int *inner)
{
    *bw = l->widest + 4 < u->cols ? l->widest + 4 : u->cols;
    wrap_to(u, l, *bw - 3);
    int n = (int)row_count(l);
    *bh = n + 2 < u->rows - 1 ? n + 2 : u->rows - 1;
    *x = (u->cols - *bw) / 2;
    *y = (u->rows - 1 - *bh) / 2;
    *inner = *bh - 2 > 0 ? *bh - 2 : 0;
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
        attrset(l->select && i == l->cur ? A_REVERSE : 0);
        move(y + 1 + r, x + 1);
        int used = gn_put_clipped(u, " ", 1, bw - 2);
        used += gn_put_clipped(u, row_text(l, i), strlen(row_text(l, i)), bw - 3);
        for (; used < bw - 2; used++)
            addch(' ');
    }
    attrset(0);
    if (l->notes && l->cur < l->n && l->notes[l->cur])
        gn_draw_status_line(u, l->notes[l->cur], NULL);
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
         * last screenful; any other key closes it. */
        size_t shown = inner > 0 ? (size_t)inner : 1, n = row_count(l);
        if (gn_motion(k->act, k->count, &l->first, n > shown ? n - shown + 1 : 1, page, page / 2))
            l->cur = l->first;
        else
            gn_ui_close(u);
        return;
    }
    if (gn_motion(k->act, k->count, &l->cur, row_count(l), page, page / 2))
        return;
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
    (void)u;
    list_view *l = (list_view *)v;
    for (size_t i = 0; i < l->n; i++) {
        free(l->lines[i]);
        if (l->notes)
            free(l->notes[i]);
    }
    free(l->lines);
    free(l->notes);
    gn_wrap_rows_free(l->rows, l->nrows);
    free(l->title);
    if (l->free_ctx)
        l->free_ctx(l->ctx);
    free(l);
}

static const gn_view_ops list_ops = {list_draw, list_key, NULL, list_free, false};

/* A new box of n lines (taken) under title, not yet open. */
static list_view *list_new(const char *title, char **lines, size_t n)
{
    list_view *l = gn_xcalloc(1, sizeof *l);
    l->v.ops = &list_ops;
    l->title = gn_xstrdup(title);
    l->lines = lines;
    l->n = n;
    l->widest = gn_text_width(title, strlen(title));
    for (size_t i = 0; i < n; i++) {
        int w = gn_text_width(lines[i], strlen(lines[i]));
        if (w > l->widest)
            l->widest = w;
    }
    return l;
}

void gn_list_open(gn_ui *u, const char *title, char **lines, size_t n, size_t start,
                  char **notes, gn_list_chosen chosen, void *ctx, void (*free_ctx)(void *))
{
    list_view *l = list_new(title, lines, n);
    l->notes = notes;
    l->cur = start < n ? start : 0;
    l->select = true;
    l->chosen = chosen;
    l->ctx = ctx;
    l->free_ctx = free_ctx;
    gn_ui_open(u, &l->v);
}

void gn_text_open(gn_ui *u, const char *title, char **lines, size_t n, int indent)
{
    list_view *l = list_new(title, lines, n);
    l->indent = indent;
    gn_ui_open(u, &l->v);
}

/* The keys: each action's name in the configuration file (page-down), its
 * keys in force, and what it does ("f, Ctrl-F, PgDn  page-down: Page down"), so a reader sees what to write in
 * config.yaml's keys. */
void gn_help_open(gn_ui *u)
{
    size_t n = GN_ACT_COUNT - 1;
    char **lines = gn_xcalloc(n, sizeof *lines);
    char *keys[GN_ACT_COUNT] = {NULL}; /* from the bindings (actions.c) */
    int kw = 0;
    for (size_t i = 1; i < GN_ACT_COUNT; i++) {
        keys[i] = gn_action_keys((gn_action)i);
        int w = gn_text_width(keys[i], strlen(keys[i]));
        if (w > kw)
            kw = w;
    }
    for (size_t i = 1; i < GN_ACT_COUNT; i++) {
        lines[i - 1] = gn_xasprintf("%-*s  %s: %s", kw, keys[i],
                                    gn_action_config_name((gn_action)i), gn_action_table[i].help);
        free(keys[i]);
    }
    /* A description too long for the box goes on under its column. */
    gn_text_open(u, "Keys (any other key closes)", lines, n, kw + 2);
}
