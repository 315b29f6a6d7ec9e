/* terminal.h: whether the terminal can run the navigator. */
#ifndef GUIDENAV_UI_TERMINAL_H
#define GUIDENAV_UI_TERMINAL_H

#include "guidenav/error.h"

/* 0 when TERM names a terminal type terminfo knows and that can address
 * the cursor; else -1 with a message saying what to do instead. */
int gn_terminal_usable(gn_error *err);

#endif
