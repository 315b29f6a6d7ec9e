/* screen.c: writing text on the screen, in display columns (see view.h). */
#include <curses.h>
#include <string.h>
#include "guidenav/emit.h"
#include "guidenav/text.h"
#include "guidenav/wrap.h"
#include "ui/view.h"

void gn_put_text(const gn_ui *u, const char *s, size_t len)
{
    if (!u->ascii) {
        addnstr(s, (int)len);
        return;
    }
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += gn_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x80)
            addch((chtype)cp);
        else
            for (int w = gn_cp_width(cp); w > 0; w--)
                addch('?');
    }
}

int gn_put_clipped(const gn_ui *u, const char *s, size_t len, int cols)
{
    if (cols <= 0)
        return 0;
    const char *mark;
    size_t fit = gn_text_ellipsize(s, len, cols, u->ascii, &mark);
    gn_put_text(u, s, fit);
    int used = gn_text_width(s, fit);
    if (mark) {
        addstr(mark);
        used += gn_text_width(mark, strlen(mark));
    }
    return used;
}

/* The columns left of right (may be NULL) on a status line. */
static int status_room(const gn_ui *u, const char *right)
{
    int rw = right ? gn_text_width(right, strlen(right)) : 0;
    return u->cols - rw;
}

int gn_status_rows(const gn_ui *u, const char *text, const char *right)
{
    return gn_text_width(text, strlen(text)) > status_room(u, right) && u->rows >= 6 ? 2 : 1;
}

/* Fill row y with text (reverse video), right after it when it fits. */
static void status_row(const gn_ui *u, int y, const char *text, const char *right)
{
    int room = status_room(u, right);
    move(y, 0);
    attrset(A_REVERSE);
    int used = gn_put_clipped(u, text, strlen(text), room > 0 ? room : 0);
    for (; used < room; used++)
        addch(' ');
    if (right && room >= 0)
        addstr(right);
    attrset(0);
}

void gn_draw_status_line(const gn_ui *u, const char *text, const char *right)
{
    status_row(u, u->rows - 1, text, right);
}

void gn_draw_status_lines(const gn_ui *u, const char *text, const char *right, int nrows)
{
    if (nrows < 2) {
        gn_draw_status_line(u, text, right);
        return;
    }
    /* The first row broken where UAX #14 allows, the rest under it. */
    const char *body = text + strspn(text, " ");
    char *line = (char *)body;
    gn_wrap_row *rows;
    size_t n = gn_wrap_rows(&line, 1, u->cols - 1, 0, NULL, NULL, &rows);
    size_t first = n ? strlen(rows[0].text) : strlen(body);
    if (strncmp(body, n ? rows[0].text : body, first) != 0)
        first = gn_text_fit(body, strlen(body), u->cols - 1);
    gn_buf a = GN_BUF_INIT, b = GN_BUF_INIT;
    gn_buf_addf(&a, " %.*s", (int)first, body);
    const char *rest = body + first;
    gn_buf_addf(&b, " %s", rest + strspn(rest, " "));
    status_row(u, u->rows - 2, a.data, NULL);
    status_row(u, u->rows - 1, b.data, right);
    gn_buf_free(&a);
    gn_buf_free(&b);
    gn_wrap_rows_free(rows, n);
}

void gn_draw_box(const gn_ui *u, int x, int y, int w, int h, const char *title)
{
    const gn_glyphs *gl = gn_glyphs_for(u->ascii);
    attrset(0);
    for (int r = 0; r < h; r++) {
        move(y + r, x);
        for (int c = 0; c < w; c++)
            addch(' ');
    }
    attrset(A_BOLD);
    mvaddstr(y, x, gl->top[0]);
    for (int c = 1; c < w - 1; c++)
        addstr(gl->hline);
    addstr(gl->top[2]);
    mvaddstr(y + h - 1, x, gl->bottom[0]);
    for (int c = 1; c < w - 1; c++)
        addstr(gl->hline);
    addstr(gl->bottom[2]);
    for (int r = 1; r < h - 1; r++) {
        mvaddstr(y + r, x, gl->vline);
        mvaddstr(y + r, x + w - 1, gl->vline);
    }
    move(y, x + 2);
    gn_put_clipped(u, title, strlen(title), w - 4);
    attrset(0);
}
