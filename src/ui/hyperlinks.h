/* hyperlinks.h: OSC 8 hyperlinks over the links the pager drew. */
#ifndef GUIDENAV_UI_HYPERLINKS_H
#define GUIDENAV_UI_HYPERLINKS_H

#include "ui/view.h"

/* Make each web or mail link the pager drew (u->link_cells; see
 * gn_hyperlink_open for which) a hyperlink of the terminal: call it right
 * after refresh(). curses knows nothing of OSC 8, so the link's cells are
 * written again, as curses left them (the same characters and
 * attributes, read back from stdscr), between the sequences that open and
 * close the hyperlink, with the cursor placed by terminfo; then the
 * attributes and the cursor are put back where curses believes they are,
 * so its next update stays right. Writes nothing unless u->hyperlinks, nor
 * while a view that draws over the panes is open. */
void gn_hyperlinks_write(const gn_ui *u);

#endif
