/* style.c: one table from layout styles to curses attributes, and one from
 * Adobe block kinds to colours. */
#include <stdlib.h>
#include "guidenav/alert.h"
#include "guidenav/config.h"
#include "guidenav/layout.h"
#include "ui/style.h"

/* A colour pair per configurable style (config.h), then the plain one. */
enum { PAIR_HEADING = 1 + GN_CSTYLE_HEADING, PAIR_LINK = 1 + GN_CSTYLE_LINK,
       PAIR_CODE = 1 + GN_CSTYLE_CODE, PAIR_UI = 1 + GN_CSTYLE_UICONTROL,
       PAIR_MARKER = 1 + GN_CSTYLE_MARKER, PAIR_KIND = GN_CSTYLE_NOTE /* + kind */,
       PAIR_PLAIN = 1 + GN_CSTYLE_COUNT };

static bool colors;
/* Each pair's colours were set (not both the terminal's default), and the
 * attributes the configuration adds to its style. */
static bool pair_colored[PAIR_PLAIN + 1];
/* Each pair's background was set (a blank in it shows). */
static bool pair_background[PAIR_PLAIN + 1];
static attr_t pair_attrs[PAIR_PLAIN + 1];

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

/* Start colours when the terminal has them, NO_COLOR is not set, and a
 * style of c has a colour (the theme none has none); set up a pair per
 * style from c's colours (a colour the terminal lacks is its default). */
void gn_style_init(const gn_config *c)
{
    gn_config defaults;
    if (!c) {
        gn_config_defaults(&defaults, NULL);
        c = &defaults;
    }
    bool any = false;
    for (int s = 0; s < GN_CSTYLE_COUNT; s++) {
        const gn_color_spec *k = &c->colors[s];
        pair_colored[1 + s] = k->fg >= 0 || k->bg >= 0;
        pair_background[1 + s] = k->bg >= 0;
        any = any || pair_colored[1 + s];
        pair_attrs[1 + s] = ((k->attrs & GN_ATTR_BOLD) ? A_BOLD : 0) |
                            ((k->attrs & GN_ATTR_UNDERLINE) ? A_UNDERLINE : 0) |
                            ((k->attrs & GN_ATTR_REVERSE) ? A_REVERSE : 0) |
                            ((k->attrs & GN_ATTR_DIM) ? A_DIM : 0);
    }
    const char *no_color = getenv("NO_COLOR"); /* https://no-color.org */
    if (any && has_colors() && !(no_color && *no_color)) {
        start_color();
        use_default_colors();
        for (int s = 0; s < GN_CSTYLE_COUNT; s++) {
            short fg = c->colors[s].fg, bg = c->colors[s].bg;
            init_pair((short)(1 + s), fg < COLORS ? fg : -1, bg < COLORS ? bg : -1);
        }
        /* Plain text and blank cells take a pair of the default colours as
         * well, rather than pair 0: from a coloured span back to plain text
         * ncurses then sends only the colour change, not also a reset of
         * every attribute (6 bytes saved at each, say after every bullet). */
        init_pair(PAIR_PLAIN, -1, -1);
        bkgdset(COLOR_PAIR(PAIR_PLAIN));
        colors = true;
    }
    if (c == &defaults)
        gn_config_free(&defaults);
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
    if (pair)
        a |= pair_attrs[pair];
    if (colors && pair && pair_colored[pair])
        a |= COLOR_PAIR(pair);
    return a;
}

attr_t gn_style_on_blanks(attr_t a)
{
    attr_t shown = a & (A_REVERSE | A_STANDOUT | A_UNDERLINE);
    short pair = (short)PAIR_NUMBER(a);
    if (pair > 0 && pair <= PAIR_PLAIN && pair_background[pair])
        shown |= a & A_COLOR;
    return shown;
}
