/* screen.c: writing text on the screen, in display columns (see view.h). */
#include <curses.h>
#include <string.h>
#include "guidenav/emit.h"
#include "guidenav/text.h"
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
    size_t fit = gn_text_fit(s, len, cols);
    gn_put_text(u, s, fit);
    return gn_text_width(s, fit);
}

void gn_draw_status_line(const gn_ui *u, const char *text, const char *right)
{
    int rw = right ? gn_text_width(right, strlen(right)) : 0;
    int room = u->cols - rw;
    move(u->rows - 1, 0);
    attrset(A_REVERSE);
    int used = gn_put_clipped(u, text, strlen(text), room > 0 ? room : 0);
    for (; used < room; used++)
        addch(' ');
    if (right && room >= 0)
        addstr(right);
    attrset(0);
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
