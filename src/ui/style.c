/* style.c: one table from layout styles to curses attributes, and one from
 * Adobe block kinds to colours. */
#include <stdlib.h>
#include "guidenav/alert.h"
#include "guidenav/layout.h"
#include "ui/style.h"

enum { PAIR_HEADING = 1, PAIR_LINK, PAIR_CODE, PAIR_UI, PAIR_MARKER, PAIR_PLAIN, PAIR_KIND };

static bool colors;

static const struct {
    uint32_t style;
    attr_t attr;
    short pair; /* used when the terminal has colours */
} table[] = {
    {GN_ST_TITLE, A_BOLD | A_UNDERLINE, PAIR_HEADING},
    {GN_ST_HEADING, A_BOLD, PAIR_HEADING},
    {GN_ST_STRONG, A_BOLD, 0},
    {GN_ST_EMPH, A_ITALIC, 0},
    {GN_ST_CODE, 0, PAIR_CODE},
    {GN_ST_CODEBLOCK, 0, PAIR_CODE},
    {GN_ST_LINK, A_UNDERLINE, PAIR_LINK},
    {GN_ST_UICONTROL, A_BOLD, PAIR_UI},
    {GN_ST_BADGE, A_REVERSE, 0},
    {GN_ST_QUOTE, A_DIM, 0},
    {GN_ST_SHADE, A_DIM, 0},
    {GN_ST_MARKER, 0, PAIR_MARKER},
    {GN_ST_IMAGE, A_DIM, 0},
    {GN_ST_RULE, A_DIM, 0},
    {GN_ST_BORDER, A_DIM, 0},
    {GN_ST_TABLEHEAD, A_BOLD, 0},
    {GN_ST_CONT, A_DIM, 0},
};

/* The colour of each Adobe block kind's bar and label. */
static const short kind_color[GN_KIND_COUNT] = {
    [GN_KIND_NOTE] = COLOR_BLUE, [GN_KIND_TIP] = COLOR_GREEN,
    [GN_KIND_IMPORTANT] = COLOR_YELLOW, [GN_KIND_CAUTION] = COLOR_YELLOW,
    [GN_KIND_WARNING] = COLOR_RED, [GN_KIND_INFO] = COLOR_CYAN,
    [GN_KIND_ADMIN] = COLOR_MAGENTA, [GN_KIND_AVAILABILITY] = COLOR_CYAN,
    [GN_KIND_PREREQUISITES] = COLOR_MAGENTA, [GN_KIND_ERROR] = COLOR_RED,
    [GN_KIND_SUCCESS] = COLOR_GREEN, [GN_KIND_VIDEO] = COLOR_MAGENTA,
    [GN_KIND_SEEALSO] = COLOR_BLUE, [GN_KIND_SHADE] = COLOR_WHITE,
};

void gn_style_init(void)
{
    const char *no_color = getenv("NO_COLOR"); /* https://no-color.org */
    if (!has_colors() || (no_color && *no_color))
        return;
    start_color();
    use_default_colors();
    init_pair(PAIR_HEADING, COLOR_BLUE, -1);
    init_pair(PAIR_LINK, COLOR_CYAN, -1);
    init_pair(PAIR_CODE, COLOR_YELLOW, -1);
    init_pair(PAIR_UI, COLOR_MAGENTA, -1);
    init_pair(PAIR_MARKER, COLOR_CYAN, -1);
    for (int k = 1; k < GN_KIND_COUNT; k++)
        init_pair((short)(PAIR_KIND + k), kind_color[k], -1);
    /* Plain text and blank cells take a pair of the default colours as
     * well, rather than pair 0: from a coloured span back to plain text
     * ncurses then sends only the colour change, not also a reset of
     * every attribute (6 bytes saved at each, say after every bullet). */
    init_pair(PAIR_PLAIN, -1, -1);
    bkgdset(COLOR_PAIR(PAIR_PLAIN));
    colors = true;
}

attr_t gn_style_attr(uint32_t style)
{
    attr_t a = 0;
    short pair = 0;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        if (!(style & table[i].style))
            continue;
        a |= table[i].attr;
        if (table[i].pair && !pair)
            pair = table[i].pair;
    }
    unsigned kind = GN_ST_KIND(style);
    if (kind > 0 && kind < GN_KIND_COUNT)
        pair = (short)(PAIR_KIND + (int)kind);
    if (gn_kind_warns((gn_kind)kind) && (style & GN_ST_ALERT))
        a |= A_BOLD;
    if (colors && pair)
        a |= COLOR_PAIR(pair);
    return a;
}
