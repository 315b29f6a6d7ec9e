/* screen.c: writing text on the screen, in display columns (see view.h). */
#include <curses.h>
#include <string.h>
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
