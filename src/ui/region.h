/* region.h: the terminal's scroll region kept over the pager while the
 * pager owns the screen (full width, no view over it but on the status
 * line), so that a scroll is a newline or two and never the region set
 * and reset again.
 *
 * curses knows nothing of a region kept: on each update it would set one
 * and reset it for every scroll it finds. So while the region is kept the
 * scrolling is done here, before curses' update (the cursor waits on the
 * region's last row, where a newline scrolls it), and curses' picture of
 * the screen (curscr) is moved the same way, its rows marked as newly
 * written (wredrawln), which keeps curses from finding a scroll of its
 * own; so are they when it would find one anyway. curses then sends only
 * what still differs: the rows that came into view and the status line's
 * changed characters. Its updates always finish (typeahead(-1)), so the
 * cursor is where the last one left it. */
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
