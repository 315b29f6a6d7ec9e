/* style.h: layout styles as curses attributes. */
#ifndef GUIDENAV_UI_STYLE_H
#define GUIDENAV_UI_STYLE_H

#include <curses.h>
#include <stdint.h>

/* Set up colour pairs when the terminal has colours. After initscr. */
void gn_style_init(void);
/* The attributes for a gn_style flag set. */
attr_t gn_style_attr(uint32_t style);

#endif
