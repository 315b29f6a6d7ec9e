/* list_view.c: a list in a box over the main view: the languages, the
 * bookmarks, the TOC matrix, the changes of a page and the keys (see
 * view.h). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/emit.h"
#include "guidenav/text.h"
#include "ui/style.h"
#include "ui/view.h"

typedef struct list_view {
    gn_view v;
    char *title;
    char **lines, **notes;
    size_t n;
    size_t cur, first;
    bool select;
    gn_list_chosen chosen;
    void *ctx;
    void (*free_ctx)(void *);
} list_view;

/* The box's size and place for the screen; inner: rows of lines. */
static void box_of(const gn_ui *u, const list_view *l, int *x, int *y, int *bw, int *bh, int *inner)
{
    int widest = gn_text_width(l->title, strlen(l->title));
    for (size_t i = 0; i < l->n; i++) {
        int w = gn_text_width(l->lines[i], strlen(l->lines[i]));
        if (w > widest)
            widest = w;
    }
    *bw = widest + 4 < u->cols ? widest + 4 : u->cols;
    *bh = (int)l->n + 2 < u->rows - 1 ? (int)l->n + 2 : u->rows - 1;
    *x = (u->cols - *bw) / 2;
    *y = (u->rows - 1 - *bh) / 2;
    *inner = *bh - 2 > 0 ? *bh - 2 : 0;
}

static void list_draw(gn_ui *u, gn_view *v)
{
    list_view *l = (list_view *)v;
    const gn_glyphs *gl = gn_glyphs_for(u->ascii);
    int x, y, bw, bh, inner;
    box_of(u, l, &x, &y, &bw, &bh, &inner);
    if (l->cur < l->first)
        l->first = l->cur;
    if (inner > 0 && l->cur >= l->first + (size_t)inner)
        l->first = l->cur - (size_t)inner + 1;
    for (int r = 0; r < bh; r++) {
        move(y + r, x);
        attrset(0);
        for (int c = 0; c < bw; c++)
            addch(' ');
    }
    attrset(A_BOLD);
    mvaddstr(y, x, gl->top[0]);
    for (int c = 1; c < bw - 1; c++)
        addstr(gl->hline);
    addstr(gl->top[2]);
    mvaddstr(y + bh - 1, x, gl->bottom[0]);
    for (int c = 1; c < bw - 1; c++)
        addstr(gl->hline);
    addstr(gl->bottom[2]);
    for (int r = 1; r < bh - 1; r++) {
        mvaddstr(y + r, x, gl->vline);
        mvaddstr(y + r, x + bw - 1, gl->vline);
    }
    move(y, x + 2);
    gn_put_clipped(u, l->title, strlen(l->title), bw - 4);
    attrset(0);
    for (int r = 0; r < inner; r++) {
        size_t i = l->first + (size_t)r;
        if (i >= l->n)
            break;
        attrset(l->select && i == l->cur ? A_REVERSE : 0);
        move(y + 1 + r, x + 1);
        int used = gn_put_clipped(u, " ", 1, bw - 2);
        used += gn_put_clipped(u, l->lines[i], strlen(l->lines[i]), bw - 3);
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
    gn_action act = k->act;
    bool moves = act == GN_ACT_DOWN || act == GN_ACT_UP || act == GN_ACT_PAGE_DOWN ||
                 act == GN_ACT_PAGE_UP;
    if ((!k->code && (k->wc == 27 || k->wc == 'q')) || (!l->select && !moves)) {
        gn_ui_close(u);
        return;
    }
    size_t page = inner > 1 ? (size_t)inner - 1 : 1;
    size_t last = l->n ? l->n - 1 : 0;
    if (!l->select) /* scroll the text rather than move a cursor */
        l->cur = l->first + (size_t)(inner > 0 ? inner - 1 : 0);
    switch (act) {
    case GN_ACT_DOWN:
        l->cur = l->cur < last ? l->cur + 1 : last;
        break;
    case GN_ACT_UP:
        if (!l->select)
            l->cur = l->first;
        l->cur = l->cur > 0 ? l->cur - 1 : 0;
        break;
    case GN_ACT_PAGE_DOWN:
        l->cur = l->cur + page < last ? l->cur + page : last;
        break;
    case GN_ACT_PAGE_UP:
        l->cur = l->select ? (l->cur > page ? l->cur - page : 0)
                           : (l->first > page ? l->first - page : 0);
        break;
    case GN_ACT_ENTER:
        if (l->select && l->cur < l->n) {
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
        break;
    default:
        break;
    }
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
    free(l->title);
    if (l->free_ctx)
        l->free_ctx(l->ctx);
    free(l);
}

static const gn_view_ops list_ops = {list_draw, list_key, NULL, list_free};

void gn_list_open(gn_ui *u, const char *title, char **lines, size_t n, size_t start,
                  bool select, char **notes, gn_list_chosen chosen, void *ctx,
                  void (*free_ctx)(void *))
{
    list_view *l = gn_xcalloc(1, sizeof *l);
    l->v.ops = &list_ops;
    l->title = gn_xstrdup(title);
    l->lines = lines;
    l->notes = notes;
    l->n = n;
    l->cur = start < n ? start : 0;
    l->select = select;
    l->chosen = chosen;
    l->ctx = ctx;
    l->free_ctx = free_ctx;
    gn_ui_open(u, &l->v);
}

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
        lines[i - 1] = gn_xasprintf("%-*s  %s", kw, keys[i], gn_action_table[i].help);
        free(keys[i]);
    }
    gn_list_open(u, "Keys (any other key closes)", lines, n, 0, false, NULL, NULL, NULL, NULL);
}
