/* tree_view.c: the tree pane of the main view: the guides' tables of
 * contents, the selected entry and the open page marked (see view.h). */
#include <curses.h>
#include <string.h>
#include "ui/view.h"

void gn_tree_pane_draw(gn_ui *u)
{
    gn_session *s = &u->s;
    gn_tree *t = &s->tree;
    int w = u->tree_w;
    if (w <= 0)
        return;
    if (s->cursor >= t->nrows)
        s->cursor = t->nrows ? t->nrows - 1 : 0;
    if (s->cursor < u->tree_top)
        u->tree_top = s->cursor;
    if (s->cursor >= u->tree_top + (size_t)u->body_h)
        u->tree_top = s->cursor - (size_t)u->body_h + 1;
    /* Marks: open and closed group, external link, the open page. */
    static const char *const marks[2][4] = {{"▾ ", "▸ ", "⇗ ", "• "}, {"- ", "+ ", "^ ", "* "}};
    const char *const *m = marks[u->ascii];
    for (int r = 0; r < u->body_h; r++) {
        size_t row = u->tree_top + (size_t)r;
        move(r, 0);
        if (row >= t->nrows)
            continue;
        size_t item = t->rows[row];
        const gn_tree_item *it = &t->items[item];
        const gn_toc_entry *e = gn_tree_entry(t, item);
        bool current = item == s->current;
        attr_t attr = gn_tree_missing(t, item) ? A_DIM : 0;
        if (current)
            attr |= A_BOLD;
        if (row == s->cursor)
            attr |= u->focus == GN_FOCUS_TREE ? A_REVERSE : A_UNDERLINE;
        const char *mark = it->has_children ? (it->expanded || t->filtering ? m[0] : m[1])
                         : e && e->kind == GN_TOC_EXTERNAL ? m[2]
                         : current ? m[3] : "  ";
        attrset(attr);
        int used = 0;
        for (int d = 0; d < it->depth && used + 2 <= w; d++, used += 2)
            addstr("  ");
        used += gn_put_clipped(u, mark, strlen(mark), w - used);
        const char *title = gn_tree_title(t, item);
        used += gn_put_clipped(u, title, strlen(title), w - used);
        if (row == s->cursor)
            for (; used < w; used++)
                addch(' ');
        attrset(0);
    }
    if (u->pager_x > 0)
        for (int r = 0; r < u->body_h; r++)
            mvaddstr(r, u->tree_w, u->ascii ? "|" : "│");
}

static void filter_changed(gn_ui *u, const char *text)
{
    gn_session_tree_filter(&u->s, text);
}

static void filter_done(gn_ui *u, const char *text)
{
    gn_session *s = &u->s;
    if (!text || !*text)
        gn_session_tree_filter(s, NULL);
    else if (s->tree.nrows == 0)
        snprintf(s->msg, sizeof s->msg, "Nothing matches %s.", text);
    else
        snprintf(s->msg, sizeof s->msg, "Filtered by \"%s\": Esc shows every entry.", text);
}

/* Put the cursor on row (clamped to the rows). */
static void cursor_to(gn_session *s, size_t row)
{
    size_t last = s->tree.nrows ? s->tree.nrows - 1 : 0;
    s->cursor = row < last ? row : last;
}

/* Scroll the tree's rows by delta (Ctrl-E, Ctrl-Y), as vim scrolls a
 * window: the selection moves only to stay on the screen. */
static void scroll_tree(gn_ui *u, long delta)
{
    gn_session *s = &u->s;
    size_t h = u->body_h > 0 ? (size_t)u->body_h : 1;
    size_t last = s->tree.nrows > h ? s->tree.nrows - h : 0, back = delta < 0 ? (size_t)-delta : 0;
    size_t top = delta >= 0 ? u->tree_top + (size_t)delta : u->tree_top > back ? u->tree_top - back : 0;
    u->tree_top = top < last ? top : last;
    if (s->cursor < u->tree_top)
        cursor_to(s, u->tree_top);
    if (s->cursor >= u->tree_top + h)
        cursor_to(s, u->tree_top + h - 1);
}

/* The keys of the tree. A count before a key (see gn_count_open) is the
 * entries to move (15j), the row to go to (10g, 10G) or the percent of
 * the rows (50%), as in the pager. */
void gn_tree_pane_key(gn_ui *u, const gn_key *k)
{
    gn_session *s = &u->s;
    gn_tree *t = &s->tree;
    long page = u->body_h > 1 ? u->body_h - 1 : 1;
    size_t item = s->cursor < t->nrows ? t->rows[s->cursor] : GN_NONE;
    if (k->act == GN_ACT_SCROLL_DOWN || k->act == GN_ACT_SCROLL_UP) {
        long by = gn_key_count(k, 1);
        scroll_tree(u, k->act == GN_ACT_SCROLL_DOWN ? by : -by);
        return;
    }
    size_t half = (size_t)gn_key_half(u, k, page / 2);
    if (gn_motion(k->act, k->count, &s->cursor, t->nrows, (size_t)page, half))
        return;
    switch (k->act) {
    case GN_ACT_ENTER:
        if (gn_session_tree_enter(s)) {
            u->focus = GN_FOCUS_PAGER;
            gn_ui_geometry(u);
        }
        break;
    case GN_ACT_SEARCH:
        gn_session_tree_filter(s, ""); /* every guide listed for the filter */
        gn_prompt_open(u, "Filter: ", filter_changed, filter_done);
        break;
    case GN_ACT_SEARCH_BACK: /* ? in the tree: the keys */
        gn_help_open(u);
        break;
    case GN_ACT_ESCAPE:
        if (t->filtering)
            gn_session_tree_filter(s, NULL);
        break;
    case GN_ACT_NEXT_LINK: /* Tab: from the tree to the pager */
    case GN_ACT_PREV_LINK:
        u->focus = GN_FOCUS_PAGER;
        gn_ui_geometry(u);
        break;
    case GN_ACT_EXPAND:
        if (item != GN_NONE)
            gn_session_tree_expand(s, item, true);
        break;
    case GN_ACT_COLLAPSE:
        if (item == GN_NONE)
            break;
        if (t->items[item].has_children && t->items[item].expanded) {
            gn_session_tree_expand(s, item, false);
        } else {
            size_t parent = gn_tree_parent(t, item);
            size_t row = parent != GN_NONE ? gn_tree_row_of(t, parent) : GN_NONE;
            if (row != GN_NONE)
                s->cursor = row;
        }
        break;
    default:
        break;
    }
}

void gn_tree_pane_click(gn_ui *u, int y)
{
    gn_session *s = &u->s;
    size_t row = u->tree_top + (size_t)y;
    if (y < 0 || row >= s->tree.nrows)
        return;
    if (row == s->cursor) {
        gn_key enter = {.act = GN_ACT_ENTER, .count = -1};
        gn_tree_pane_key(u, &enter);
        return;
    }
    s->cursor = row;
    if (u->focus != GN_FOCUS_TREE) {
        u->focus = GN_FOCUS_TREE;
        gn_ui_geometry(u);
    }
}
