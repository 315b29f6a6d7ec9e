/* search_view.c: the search box of guides and locales: results as the
 * reader types, found in steps between keys; Tab widens the scope, Up and
 * Down choose, Enter opens (see view.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/text.h"
#include "ui/view.h"

typedef struct search_view {
    gn_view v;
    gn_buf q;
    size_t cur, first;
    bool busy;    /* pages are left to search */
    bool pending; /* Enter came before a result: open the first one */
} search_view;

static const char *scope_name(gn_scope s)
{
    return s.all_locales ? "all locales" : s.all_guides ? "all guides of this locale" : "this guide";
}

static void search_draw(gn_ui *u, gn_view *v)
{
    search_view *sv = (search_view *)v;
    gn_session *s = &u->s;
    size_t n = 0, done = 0, total = 0;
    const gn_found *r = s->finder ? gn_finder_results(s->finder, &n) : NULL;
    if (s->finder)
        gn_finder_progress(s->finder, &done, &total);
    int h = u->body_h;
    if (sv->cur >= n)
        sv->cur = n ? n - 1 : 0;
    if (sv->cur < sv->first)
        sv->first = sv->cur;
    if (h > 0 && sv->cur >= sv->first + (size_t)h)
        sv->first = sv->cur - (size_t)h + 1;
    for (int row = 0; row < h; row++) {
        move(row, 0);
        clrtoeol();
        size_t i = sv->first + (size_t)row;
        if (i >= n)
            continue;
        attr_t base = i == sv->cur ? A_REVERSE : 0;
        gn_buf line = GN_BUF_INIT;
        gn_buf_addf(&line, " %-6s %s │ ", s->set->v[r[i].loc].tag, r[i].title ? r[i].title : r[i].page);
        attrset(base);
        int used = gn_put_clipped(u, line.data, line.len, u->cols);
        const char *ex = r[i].excerpt;
        used += gn_put_clipped(u, ex, r[i].moff, u->cols - used);
        attrset(base | A_BOLD | A_UNDERLINE);
        used += gn_put_clipped(u, ex + r[i].moff, r[i].mlen, u->cols - used);
        attrset(base);
        const char *rest = ex + r[i].moff + r[i].mlen;
        used += gn_put_clipped(u, rest, strlen(rest), u->cols - used);
        for (; i == sv->cur && used < u->cols; used++)
            addch(' ');
        attrset(0);
        gn_buf_free(&line);
    }
    gn_buf status = GN_BUF_INIT;
    gn_buf_addf(&status, "Search %s: %s", scope_name(s->scope), sv->q.data);
    char right[96];
    snprintf(right, sizeof right, "  %zu match%s, %zu/%zu page%s  Tab: scope ", n,
             n == 1 ? "" : "es", done, total, total == 1 ? "" : "s");
    gn_draw_status_line(u, status.data, NULL);
    int rw = gn_text_width(right, strlen(right));
    if (rw < u->cols - 20) {
        attrset(A_REVERSE);
        mvaddstr(u->rows - 1, u->cols - rw, right);
        attrset(0);
    }
    gn_buf_free(&status);
}

/* Open result i and close the box (the session's results are copied by
 * gn_session_open_found before the finder moves on). */
static void open_result(gn_ui *u, search_view *sv, size_t i)
{
    size_t n;
    const gn_found *r = gn_finder_results(u->s.finder, &n);
    char *q = gn_xstrdup(sv->q.data);
    gn_found pick = r[i];
    pick.guide = gn_xstrdup(pick.guide);
    pick.page = gn_xstrdup(pick.page);
    gn_ui_close(u);
    gn_session_open_found(&u->s, &pick, q);
    u->focus = GN_FOCUS_PAGER;
    gn_ui_geometry(u);
    free(pick.guide);
    free(pick.page);
    free(q);
}

static void search_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    search_view *sv = (search_view *)v;
    gn_session *s = &u->s;
    size_t n = 0;
    if (s->finder)
        gn_finder_results(s->finder, &n);
    size_t h = u->body_h > 0 ? (size_t)u->body_h : 1;
    wint_t wc = k->wc;
    if (k->code) {
        if (wc == KEY_DOWN)
            sv->cur = sv->cur + 1 < n ? sv->cur + 1 : sv->cur;
        else if (wc == KEY_UP)
            sv->cur = sv->cur > 0 ? sv->cur - 1 : 0;
        else if (wc == KEY_NPAGE)
            sv->cur = sv->cur + h < n ? sv->cur + h : (n ? n - 1 : 0);
        else if (wc == KEY_PPAGE)
            sv->cur = sv->cur > h ? sv->cur - h : 0;
        if (wc == KEY_BACKSPACE && sv->q.len)
            wc = 127;
        else if (wc == KEY_BTAB)
            wc = '\t';
        else
            return;
    }
    if (wc == 27) {
        gn_ui_close(u);
        return;
    }
    if (wc == '\n' || wc == '\r') {
        if (n)
            open_result(u, sv, sv->cur);
        else
            sv->pending = sv->busy;
        return;
    }
    if (wc == '\t') { /* this guide, all guides, all locales */
        gn_session_search_widen(s);
    } else if (wc == 127 || wc == 8) {
        gn_utf8_chop(&sv->q);
    } else if (wc >= 32) {
        gn_utf8_encode(&sv->q, (int32_t)wc);
    } else {
        return;
    }
    sv->busy = gn_session_search(s, sv->q.data);
    sv->cur = sv->first = 0;
    sv->pending = false;
}

static bool search_step(gn_ui *u, gn_view *v)
{
    search_view *sv = (search_view *)v;
    if (!sv->busy)
        return false;
    sv->busy = !gn_finder_step(u->s.finder, 8);
    size_t n;
    gn_finder_results(u->s.finder, &n);
    if (sv->pending && n) {
        open_result(u, sv, 0); /* closes the box */
        return false;
    }
    return sv->busy;
}

/* Close the box: the search cache is kept (a failure is said). */
static void search_free(gn_ui *u, gn_view *v)
{
    search_view *sv = (search_view *)v;
    gn_session_search_done(&u->s);
    gn_buf_free(&sv->q);
    free(sv);
}

static const gn_view_ops search_ops = {search_draw, search_key, search_step, search_free, false};

void gn_search_open(gn_ui *u)
{
    search_view *sv = gn_xcalloc(1, sizeof *sv);
    sv->v.ops = &search_ops;
    gn_buf_adds(&sv->q, "");
    gn_ui_open(u, &sv->v);
}
