/* session_scroll.c: rows, scrolling, the position and reading on at the
 * end of a page (see session.h). */
#include "session_priv.h"

size_t gn_session_rows(gn_session *s)
{
    gn_session_layout(s);
    return sess_comparing(s) ? s->align.nrows : s->left.doc.nlines;
}

static size_t max_top(gn_session *s)
{
    size_t n = gn_session_rows(s), h = s->height > 0 ? (size_t)s->height : 1;
    return n > h ? n - h : 0;
}

/* The row showing line ln of the current locale's page; for its first
 * line, the first row, so that a notice above it (the second locale lacks
 * the page) is in view with it. */
size_t sess_row_for_line(const gn_session *s, size_t ln)
{
    if (!sess_comparing(s))
        return ln;
    return ln > 0 ? gn_align_row_of(&s->align, 0, ln) : 0;
}

void gn_session_scroll_to(gn_session *s, size_t top)
{
    size_t m = max_top(s);
    top = top > m ? m : top;
    if (top != s->top)
        s->end_said = false;
    s->top = top;
}

void gn_session_scroll(gn_session *s, long delta)
{
    gn_session_layout(s);
    if (delta < 0)
        gn_session_scroll_to(s, (size_t)-delta > s->top ? 0 : s->top - (size_t)-delta);
    else
        gn_session_scroll_to(s, s->top + (size_t)delta);
}

size_t gn_session_percent_row(size_t n, unsigned long pct)
{
    if (n == 0)
        return 0;
    if (pct > 100)
        pct = 100;
    size_t row = n / 100 * pct + n % 100 * pct / 100; /* n * pct / 100, never overflowing */
    return row < n ? row : n - 1;
}

void gn_session_scroll_percent(gn_session *s, unsigned long pct)
{
    gn_session_scroll_to(s, gn_session_percent_row(gn_session_rows(s), pct));
}

void gn_session_position(gn_session *s, gn_position *p)
{
    size_t n = gn_session_rows(s), h = s->height > 0 ? (size_t)s->height : 1;
    p->total = n;
    p->top = n ? s->top + 1 : 0;
    p->bottom = s->top + h < n ? s->top + h : n;
    p->percent = n ? (unsigned)(p->bottom * 100 / n) : 100;
}

/* Say (END) at the end of the page, and what reading on does next. */
static void say_end(gn_session *s)
{
    sess_step next;
    if (sess_next_entry(s, 1, &next))
        sess_say(s, "(END) Space goes on to the next page: %s", next.title);
    else
        sess_say(s, "(END) %s", s->msg);
    s->end_said = true;
}

void gn_session_read_on(gn_session *s, long rows)
{
    gn_session_layout(s);
    bool said = s->end_said && s->top >= max_top(s);
    if (s->top < max_top(s))
        gn_session_scroll(s, rows);
    if (!s->page || s->top < max_top(s))
        return;
    sess_step next;
    if (said && sess_next_entry(s, 1, &next))
        sess_open_entry(s, &next);
    else
        say_end(s);
}

/* The current locale's line at the top, from the layout as it is. */
size_t sess_top_line(const gn_session *s)
{
    if (!sess_comparing(s))
        return s->top;
    for (size_t row = s->top; row < s->align.nrows; row++)
        if (s->align.left[row] >= 0)
            return (size_t)s->align.left[row];
    return s->left.doc.nlines ? s->left.doc.nlines - 1 : 0;
}

size_t gn_session_line_at_top(gn_session *s)
{
    gn_session_layout(s);
    if (s->dirty) /* the layout was given up (interrupt.h): the place it keeps */
        return s->keeping ? s->old_line : s->want_line >= 0 ? (size_t)s->want_line : sess_top_line(s);
    return sess_top_line(s);
}
