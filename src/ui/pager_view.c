/* pager_view.c: the pager pane of the main view (one page, or two
 * compared) and the status line under it (see view.h). */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "guidenav/text.h"
#include "ui/style.h"
#include "ui/view.h"

/* The attribute of the search match on line ln at byte `at` of the line's
 * text, and in *end where it (or the next match) changes: the session's
 * index of matches by line, never a scan of every match. */
static attr_t match_attr(const gn_session *s, size_t ln, size_t at, size_t *end)
{
    const gn_hit_mark *mk = gn_hit_at(&s->hit_lines, ln, at, end);
    if (!mk)
        return 0;
    return (long)mk->hit == s->hit ? A_REVERSE | A_BOLD : A_STANDOUT | A_UNDERLINE;
}

/* Note that link `link` covers columns [x0, x1) of row r: joined to the
 * run just noted when it goes on from it (a link's text in several
 * styles is several spans). */
static void note_link(gn_ui *u, long link, int r, int x0, int x1)
{
    if (x1 <= x0)
        return;
    gn_link_cells *last = u->nlink_cells ? &u->link_cells[u->nlink_cells - 1] : NULL;
    if (last && last->link == link && last->row == r && last->x + last->w == x0) {
        last->w += x1 - x0;
        return;
    }
    if (u->nlink_cells == u->cap_link_cells) {
        u->cap_link_cells = u->cap_link_cells ? u->cap_link_cells * 2 : 16;
        u->link_cells = gn_xreallocarray(u->link_cells, u->cap_link_cells, sizeof *u->link_cells);
    }
    u->link_cells[u->nlink_cells++] = (gn_link_cells){r, x0, x1 - x0, link};
}

/* The n bytes at text are all spaces. */
static bool blanks(const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (text[i] != ' ')
            return false;
    return true;
}

/* Draw line ln of d at row r, column x; marks (the selected link, search
 * matches) only on the current locale's page, whose links are noted
 * (note_link). */
static void draw_line(gn_ui *u, const gn_doc *d, size_t ln, int r, int x, bool marks)
{
    const gn_session *s = &u->s;
    move(r, x);
    const gn_line *line = &d->lines[ln];
    size_t lo = 0; /* byte offset of the span in the line's text */
    for (uint32_t k = 0; k < line->n; k++) {
        const gn_span *sp = &d->spans[line->first + k];
        const char *text = gn_span_text(d, sp);
        attr_t attr = gn_style_attr(sp->style);
        if (blanks(text, sp->len))
            attr = gn_style_on_blanks(attr);
        if (marks && sp->link >= 0 && sp->link == s->link)
            attr |= A_REVERSE;
        int x0 = getcurx(stdscr);
        for (size_t at = 0; at < sp->len;) {
            size_t end = lo + sp->len;
            attr_t extra = marks ? match_attr(s, ln, lo + at, &end) : 0;
            attrset(attr | extra);
            gn_put_text(u, text + at, end - lo - at);
            at = end - lo;
        }
        if (marks && sp->link >= 0)
            note_link(u, sp->link, r, x0, getcurx(stdscr));
        lo += sp->len;
    }
    attrset(0);
}

void gn_pager_pane_draw(gn_ui *u)
{
    gn_session *s = &u->s;
    if (u->one_pane && u->focus == GN_FOCUS_TREE)
        return;
    gn_session_layout(s);
    int x = u->pager_x + 1;
    const gn_doc *l = &s->left.doc, *rd = &s->right.doc;
    if (!s->compare || !s->page) {
        for (int r = 0; r < u->body_h && s->top + (size_t)r < l->nlines; r++)
            draw_line(u, l, s->top + (size_t)r, r, x, true);
        return;
    }
    const char *mark = u->ascii ? "> " : "» ";
    const char *bar = u->ascii ? "|" : "│";
    const char *flag = u->ascii ? "!" : "◆";
    for (int r = 0; r < u->body_h; r++) {
        size_t row = s->top + (size_t)r;
        if (row >= s->align.nrows)
            break;
        long lt = s->align.left[row], rt = s->align.right[row];
        long f = gn_session_finding_at_row(s, row);
        if (f >= 0) { /* a block pair with a finding: a mark in the margin */
            attrset(gn_style_attr(GN_ST_ALERT) | (f == s->finding ? A_REVERSE : 0));
            mvaddstr(r, x - 1, flag);
            attrset(0);
        }
        if (s->interleaved) {
            if (lt >= 0) {
                draw_line(u, l, (size_t)lt, r, x, true);
            } else if (rt >= 0) {
                attrset(A_DIM);
                mvaddstr(r, x, mark);
                attrset(0);
                draw_line(u, rd, (size_t)rt, r, x + 2, false);
            }
            continue;
        }
        if (lt >= 0)
            draw_line(u, l, (size_t)lt, r, x, true);
        attrset(A_DIM);
        mvaddstr(r, x + l->width + 1, bar);
        attrset(0);
        if (rt >= 0)
            draw_line(u, rd, (size_t)rt, r, x + l->width + 3, false);
    }
}

/* The pager's status line: *left (the message, else where the reader is)
 * and right (the place in the page); the caller frees left. */
static void status_text(gn_ui *u, gn_buf *left, char right[64])
{
    gn_session *s = &u->s;
    right[0] = '\0';
    if (s->page) {
        gn_position p;
        gn_session_position(s, &p);
        snprintf(right, 64, " %zu-%zu/%zu %3u%% ", p.top, p.bottom, p.total, p.percent);
    }
    const char *bar = u->ascii ? "|" : "│";
    const char *tag = gn_session_source(s)->tag;
    if (s->msg[0]) {
        gn_buf_addf(left, " %s", s->msg);
    } else if (s->compare && s->page) {
        gn_buf_addf(left, " %s %s %s %s %s", s->guide_title, bar, tag,
                    u->ascii ? "<>" : "⇄", s->set->v[s->right_loc].tag);
        /* A page missing on a side, before the title a narrow line cuts. */
        const gn_side *sides[2] = {&s->left, &s->right};
        for (int k = 0; k < 2; k++)
            if (sides[k]->gist)
                gn_buf_addf(left, " %s %s", bar, sides[k]->gist);
        gn_buf_addf(left, " %s %s", bar, s->title);
    } else {
        gn_buf_addf(left, " %s %s %s %s %s", s->guide_title, bar, tag, bar,
                    s->page ? s->title : "(no page open: Enter opens one)");
    }
    if (!s->msg[0] && !s->compare && s->page && s->stale[0]) /* a stale translation */
        gn_buf_addf(left, " %s %s", bar, s->stale);
    if (!s->msg[0] && s->compare && s->page) {
        if (s->align.structure_differs)
            gn_buf_addf(left, " %s structure differs", bar);
        if (s->stale[0])
            gn_buf_addf(left, " %s %s", bar, s->stale);
        size_t nf = gn_session_findings(s);
        if (nf)
            gn_buf_addf(left, " %s %zu finding%s", bar, nf, nf == 1 ? "" : "s");
    }
}

int gn_pager_status_rows(gn_ui *u)
{
    if (!u->s.msg[0])
        return 1;
    gn_buf left = GN_BUF_INIT;
    char right[64];
    status_text(u, &left, right);
    int n = gn_status_rows(u, left.data, right);
    gn_buf_free(&left);
    return n;
}

void gn_pager_status_draw(gn_ui *u)
{
    gn_buf left = GN_BUF_INIT;
    char right[64];
    status_text(u, &left, right);
    gn_draw_status_lines(u, left.data, right, u->status_rows);
    gn_buf_free(&left);
}

void gn_pager_pane_click(gn_ui *u, int y, int x)
{
    if (u->focus != GN_FOCUS_PAGER) {
        u->focus = GN_FOCUS_PAGER;
        gn_ui_geometry(u);
    }
    for (size_t i = 0; i < u->nlink_cells; i++) {
        const gn_link_cells *lc = &u->link_cells[i];
        if (lc->row == y && x >= lc->x && x < lc->x + lc->w) {
            u->s.link = lc->link;
            gn_session_follow_selected(&u->s);
            return;
        }
    }
}

static void find_done(gn_ui *u, const char *text, bool back)
{
    if (text)
        gn_session_find(&u->s, text, back);
}

static void find_forward(gn_ui *u, const char *text)
{
    find_done(u, text, false);
}

static void find_backward(gn_ui *u, const char *text)
{
    find_done(u, text, true);
}

/* The keys of the pager. A count before a key (see gn_count_open) is,
 * as in less, the lines to move (5 Space: five lines; 10d: ten, and d and
 * u move ten from then on), the line to go to (120g, 120G) or the
 * percent (50%); other keys leave it. */
void gn_pager_pane_key(gn_ui *u, const gn_key *k)
{
    gn_session *s = &u->s;
    long page = u->body_h > 1 ? u->body_h - 1 : 1;
    switch (k->act) {
    case GN_ACT_DOWN:
    case GN_ACT_SCROLL_DOWN: /* no cursor here: j and Ctrl-E are one */
        gn_session_scroll(s, gn_key_count(k, 1));
        break;
    case GN_ACT_UP:
    case GN_ACT_SCROLL_UP:
        gn_session_scroll(s, -gn_key_count(k, 1));
        break;
    case GN_ACT_READ_ON:
        gn_session_read_on(s, gn_key_count(k, page));
        break;
    case GN_ACT_PAGE_DOWN:
        gn_session_scroll(s, gn_key_count(k, page));
        break;
    case GN_ACT_PAGE_UP:
        gn_session_scroll(s, -gn_key_count(k, page));
        break;
    case GN_ACT_HALF_DOWN:
        gn_session_scroll(s, gn_key_half(u, k, u->body_h / 2));
        break;
    case GN_ACT_HALF_UP:
        gn_session_scroll(s, -gn_key_half(u, k, u->body_h / 2));
        break;
    case GN_ACT_TOP:
        gn_session_scroll_to(s, gn_key_row(k, 0));
        break;
    case GN_ACT_BOTTOM:
        gn_session_scroll_to(s, gn_key_row(k, (size_t)-1));
        break;
    case GN_ACT_PERCENT: /* only with a count: gn_main_key asks for one */
        gn_session_scroll_percent(s, (unsigned long)gn_key_count(k, 0));
        break;
    case GN_ACT_ENTER:
        gn_session_follow_selected(s);
        break;
    case GN_ACT_NEXT_LINK:
        gn_session_select_link(s, 1);
        break;
    case GN_ACT_PREV_LINK:
        gn_session_select_link(s, -1);
        break;
    case GN_ACT_FOLD:
        gn_session_fold(s);
        break;
    case GN_ACT_NEXT_FINDING:
        gn_session_next_finding(s, 1);
        break;
    case GN_ACT_PREV_FINDING:
        gn_session_next_finding(s, -1);
        break;
    case GN_ACT_SEARCH:
        gn_prompt_open(u, "/", NULL, find_forward);
        break;
    case GN_ACT_SEARCH_BACK:
        gn_prompt_open(u, "?", NULL, find_backward);
        break;
    case GN_ACT_NEXT_MATCH:
        gn_session_find_next(s, false);
        break;
    case GN_ACT_PREV_MATCH:
        gn_session_find_next(s, true);
        break;
    case GN_ACT_COLLAPSE: /* h, Left: back to the tree */
        if (gn_ui_no_tree(u))
            break;
        u->focus = GN_FOCUS_TREE;
        gn_ui_geometry(u);
        break;
    default:
        break;
    }
}
