/* session_find.c: the in-page search and the search of guides and
 * locales (see session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "session_priv.h"

/* ---- in-page search ------------------------------------------------------------ */

/* Show match h: scroll so its first line is in view, a third down. */
static void show_hit(gn_session *s, long h)
{
    s->hit = h;
    size_t row = sess_row_for_line(s, s->hits[h].pieces[0].line), third = (size_t)s->height / 3;
    if (row < s->top || row >= s->top + (size_t)s->height)
        gn_session_scroll_to(s, row > third ? row - third : 0);
    sess_say(s, "%ld/%zu", h + 1, s->nhits);
}

/* The next match after the current one (or after the top of the pager),
 * backward when back; wraps around with a message. */
static void next_hit(gn_session *s, bool back)
{
    gn_session_layout(s);
    if (!s->have_query) {
        sess_say(s, "%s", "No search yet: / searches forward, ? backward.");
        return;
    }
    if (s->nhits == 0) {
        sess_say(s, "Not found: %s%s", s->query.typed,
                 s->nfolded ? " (folded blocks are not searched)" : "");
        return;
    }
    long n = (long)s->nhits, h = s->hit;
    if (h < 0) {
        h = back ? n : -1;
        for (long k = 0; k < n; k++)
            if (sess_row_for_line(s, s->hits[k].pieces[0].line) >= s->top) {
                h = back ? k : k - 1;
                break;
            }
    }
    long next = back ? h - 1 : h + 1;
    bool wrapped = next < 0 || next >= n;
    next = (next + n) % n;
    show_hit(s, next);
    if (wrapped)
        sess_say(s, "%ld/%zu, search wrapped to the %s", next + 1, s->nhits, back ? "bottom" : "top");
}

/* Make text the in-page query (the matches found at the next layout). */
static void set_query(gn_session *s, const char *text)
{
    if (s->have_query)
        gn_query_free(&s->query);
    s->have_query = gn_query_init(&s->query, text);
    gn_session_layout(s);
    sess_find_hits(s);
}

void gn_session_find(gn_session *s, const char *text, bool backward)
{
    if (!*text && !s->have_query)
        return;
    if (*text)
        set_query(s, text);
    s->backward = backward;
    s->hit = -1;
    next_hit(s, backward);
}

void gn_session_find_next(gn_session *s, bool reverse)
{
    next_hit(s, reverse ? !s->backward : s->backward);
}

/* ---- search of guides and locales ----------------------------------------------- */

bool gn_session_search(gn_session *s, const char *query)
{
    if (!s->finder) {
        s->finder = gn_finder_new(s->set);
        gn_finder_use_disk(s->finder, s->opts.cache_dir);
    }
    sess_guide_everywhere(s);
    gn_guide *g = gn_session_guide(s);
    return gn_finder_start(s->finder, query, s->scope, s->loc, g ? g->id : "");
}

void gn_session_search_widen(gn_session *s)
{
    s->scope = !s->scope.all_guides ? (gn_scope){true, false}
             : !s->scope.all_locales ? (gn_scope){true, true}
             : (gn_scope){false, false};
}

void gn_session_open_found(gn_session *s, const gn_found *r, const char *query)
{
    char *guide = gn_xstrdup(r->guide), *page = gn_xstrdup(r->page), *q = gn_xstrdup(query);
    size_t par = r->par, nth = r->nth, loc = r->loc;
    /* One step in the history, whatever the locale: not a switch (which
     * would load the open page in the match's locale) and then an open. */
    gn_place p = {s->set->v[loc < s->set->n ? loc : s->loc].tag, guide, page, 0};
    sess_history_step(s, p.locale, guide, page);
    sess_go_place(s, &p);
    set_query(s, q);
    for (size_t h = 0, k = 0; h < s->nhits; h++)
        if (s->hits[h].par == par && k++ == nth) {
            show_hit(s, (long)h);
            break;
        }
    free(guide);
    free(page);
    free(q);
}

int gn_session_search_done(gn_session *s)
{
    if (!s->finder)
        return 0;
    size_t n;
    char **refused = gn_finder_take_refused(s->finder, &n);
    if (n)
        sess_say(s, "%zu page%s not searched: %s", n, n == 1 ? "" : "s", refused[0]);
    for (size_t i = 0; i < n; i++)
        free(refused[i]);
    free(refused);
    gn_error err;
    if (gn_finder_save(s->finder, &err) != 0) {
        sess_say(s, "search cache not saved: %s", err.msg);
        return -1;
    }
    return 0;
}
