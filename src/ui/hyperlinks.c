/* hyperlinks.c: OSC 8 hyperlinks written after curses' update (see
 * hyperlinks.h). Kept apart, as terminal.c is, because <term.h> defines
 * a macro for every capability name. */
#include <curses.h>
#include <unistd.h>
#include <wchar.h>
#include "guidenav/resolve.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "ui/hyperlinks.h"
#include <term.h> /* last: its macros name capabilities */

/* Where vid_puts writes the attributes' sequences. */
static gn_buf *out;

static int out_char(int c)
{
    gn_buf_addc(out, (char)c);
    return c;
}

/* Append the cells [x, x + w) of row r as stdscr holds them: each
 * character in its attributes and colours. */
static void add_cells(int r, int x, int w)
{
    for (int c = x; c < x + w;) {
        cchar_t cc;
        wchar_t wch[CCHARW_MAX + 1] = {0};
        attr_t attrs;
        short pair;
        if (mvwin_wch(stdscr, r, c, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
            break;
        vid_puts(attrs & ~A_COLOR, pair, NULL, out_char);
        for (size_t i = 0; i < CCHARW_MAX && wch[i]; i++)
            gn_utf8_encode(out, (int32_t)wch[i]);
        int cw = wcwidth(wch[0]);
        c += cw > 0 ? cw : 1;
    }
}

void gn_hyperlinks_write(const gn_ui *u)
{
    if (!u->hyperlinks || u->nlink_cells == 0)
        return;
    for (const gn_view *v = u->top; v->below; v = v->below)
        if (!v->ops->status_only)
            return;
    const gn_doc *d = &u->s.left.doc;
    gn_buf b = GN_BUF_INIT;
    out = &b;
    for (size_t i = 0; i < u->nlink_cells; i++) {
        const gn_link_cells *lc = &u->link_cells[i];
        if (lc->link < 0 || (size_t)lc->link >= d->nlinks)
            continue;
        size_t mark = b.len;
        const char *move_to = tiparm(cursor_address, lc->row, lc->x);
        if (move_to)
            tputs(move_to, 1, out_char);
        if (!move_to || !gn_hyperlink_open(&b, d->links[lc->link].url)) {
            b.len = mark;
            continue;
        }
        add_cells(lc->row, lc->x, lc->w);
        vid_puts(A_NORMAL, 0, NULL, out_char); /* as curses left them */
        gn_buf_adds(&b, GN_HYPERLINK_CLOSE);
    }
    if (b.len) {
        int y, x;
        getyx(curscr, y, x);
        const char *back = tiparm(cursor_address, y, x);
        if (back)
            tputs(back, 1, out_char);
        gn_write_all(STDOUT_FILENO, b.data, b.len);
    }
    out = NULL;
    gn_buf_free(&b);
}
