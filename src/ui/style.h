/* style.h: layout styles as curses attributes. */
#ifndef GUIDENAV_UI_STYLE_H
#define GUIDENAV_UI_STYLE_H

#include <curses.h>
#include <stdint.h>
#include "guidenav/config.h"

/* Set up the styles of configuration c (NULL: the defaults): colour
 * pairs when the terminal has colours and c has any. After initscr. */
void gn_style_init(const gn_config *c);
/* The attributes for a gn_style flag set. */
attr_t gn_style_attr(uint32_t style);
/* What of attributes a shows on blank cells: reverse, standout,
 * underline, and a colour pair with a background; not a foreground
 * colour, bold, dim or italic (an indent in a bullet's colour is drawn
 * plain, saving the colour's change and its return). */
attr_t gn_style_on_blanks(attr_t a);

#endif
