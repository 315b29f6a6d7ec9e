/* region.h: the terminal's scroll region kept over the pager while the
 * pager owns the screen (full width, the main view on top), so that a
 * scroll is a newline or two and never the region set and reset again.
 *
 * curses knows nothing of a region kept: on each update it would set one
 * and reset it for every scroll it finds. So while the region is kept the
 * scrolling is done here, before curses' update, and curses' picture of
 * the screen (curscr) is moved the same way; its rows are also marked as
 * newly written, which keeps curses from finding scrolls of its own. curses
 * then sends only what still differs: the rows that came into view and
 * the status line's changed characters. */
#ifndef GUIDENAV_UI_REGION_H
#define GUIDENAV_UI_REGION_H

#include "ui/view.h"

/* Update the terminal from stdscr (what refresh() does), scrolling the
 * region first when the pager's rows moved. */
void gn_region_refresh(const gn_ui *u);
/* The whole screen scrolls again: call before curses gives the terminal
 * back (endwin). */
void gn_region_release(void);
/* curses took the terminal back (after endwin): its next update resets
 * the region itself. */
void gn_region_resumed(void);
/* The terminal's size changed: what region it keeps is not known. */
void gn_region_resized(void);

#endif
