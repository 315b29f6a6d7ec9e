/* style.c: layout styles as curses attributes: how each looks is the
 * core's (gn_style_look); the colours are the configuration's, a colour
 * pair per configurable style. */
#include <stdlib.h>
#include "guidenav/config.h"
#include "guidenav/paint.h"
#include "ui/style.h"

/* Pair 1 + s for configurable style s (config.h), then the plain one. */
enum { PAIR_PLAIN = 1 + GN_CSTYLE_COUNT };

static bool colors;
/* Each pair's colours were set (not both the terminal's default), and the
 * attributes the configuration adds to its style. */
static bool pair_colored[PAIR_PLAIN + 1];
/* Each pair's background was set (a blank in it shows). */
static bool pair_background[PAIR_PLAIN + 1];
static attr_t pair_attrs[PAIR_PLAIN + 1];

/* The curses attributes of GN_ATTR_* flags. */
static attr_t curses_attrs(unsigned attrs)
{
    return ((attrs & GN_ATTR_BOLD) ? A_BOLD : 0) | ((attrs & GN_ATTR_UNDERLINE) ? A_UNDERLINE : 0) |
           ((attrs & GN_ATTR_REVERSE) ? A_REVERSE : 0) | ((attrs & GN_ATTR_DIM) ? A_DIM : 0) |
           ((attrs & GN_ATTR_ITALIC) ? A_ITALIC : 0);
}

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
        pair_attrs[1 + s] = curses_attrs(k->attrs);
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
    gn_look l = gn_style_look(style); /* curses has no strike-through */
    attr_t a = curses_attrs(l.attrs);
    short pair = (short)(l.cstyle + 1);
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
