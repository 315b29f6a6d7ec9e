/* actions.h: what the keys do. One table defines each action's name, its
 * keys and its help text, so the help screen and the key handling cannot
 * drift apart (the man page's KEYS section follows the same table). */
#ifndef GUIDENAV_UI_ACTIONS_H
#define GUIDENAV_UI_ACTIONS_H

#include <stddef.h>

/* X(NAME, "keys as shown", "help text") */
#define GN_ACTIONS(X) \
    X(DOWN,       "j, Down",              "Move down one line or entry") \
    X(UP,         "k, Up",                "Move up one line or entry") \
    X(PAGE_DOWN,  "Space, f, PgDn",       "Page down") \
    X(PAGE_UP,    "b, PgUp",              "Page up") \
    X(HALF_DOWN,  "d",                    "Half a page down") \
    X(HALF_UP,    "u",                    "Half a page up") \
    X(TOP,        "g, Home",              "Go to the top") \
    X(BOTTOM,     "G, End",               "Go to the bottom") \
    X(ENTER,      "Enter",                "Open the selected page or toggle a group; in the pager, follow the selected link") \
    X(EXPAND,     "l, Right",             "Expand a group") \
    X(COLLAPSE,   "h, Left",              "Collapse a group or go to its parent; in the pager, go to the tree") \
    X(NEXT_LINK,  "Tab, ]",               "Select the next link of the page (from the tree: go to the pager)") \
    X(PREV_LINK,  "Shift-Tab, [",         "Select the previous link of the page") \
    X(FOCUS,      "w",                    "Switch between the tree and the pager") \
    X(PANES,      "t",                    "The tree beside the pager, or one at a time, full width") \
    X(SEARCH,     "/",                    "In the tree: filter entries as you type; in the pager: search forward") \
    X(SEARCH_BACK, "?",                   "In the pager: search backward; in the tree: show the keys") \
    X(NEXT_MATCH, "n",                    "The next match of the search") \
    X(PREV_MATCH, "N",                    "The previous match of the search") \
    X(SEARCH_ALL, "S",                    "Search the guide, every guide, or every locale (Tab widens)") \
    X(ESCAPE,     "Esc",                  "End the tree filter, showing every entry again") \
    X(BACK,       "Backspace, Ctrl-O",    "Go back to the previous place, at its scroll position") \
    X(FORWARD,    "F",                    "Go forward again (Ctrl-I is Tab in a terminal)") \
    X(COPY,       "y",                    "Copy the selected link's URL with OSC 52 (see --osc52)") \
    X(MARK,       "m + letter",           "Set a bookmark here") \
    X(JUMP,       "' + letter",           "Go to a bookmark") \
    X(MARKS,      "B",                    "The list of bookmarks") \
    X(LANGUAGE,   "L",                    "Switch language: the same page in another locale") \
    X(COMPARE,    "c",                    "Compare: the page beside its second locale, aligned") \
    X(RIGHT_LANG, "C",                    "Choose the second locale of the comparison") \
    X(RELOAD,     "R",                    "Read the page again (after it was edited)") \
    X(MATRIX,     "M",                    "The guide's TOC across all locales") \
    X(DIFF,       "D",                    "Reference page's changes since this translation") \
    X(HELP,       "H, F1",                "Show the keys") \
    X(REDRAW,     "Ctrl-L",               "Redraw the screen") \
    X(QUIT,       "q",                    "Quit")

typedef enum gn_action {
    GN_ACT_NONE = 0,
#define X(name, keys, help) GN_ACT_##name,
    GN_ACTIONS(X)
#undef X
    GN_ACT_COUNT
} gn_action;

typedef struct gn_action_info {
    const char *keys;
    const char *help;
} gn_action_info;

/* Keys and help of each action, indexed by gn_action. */
extern const gn_action_info gn_action_table[GN_ACT_COUNT];

/* The action bound to a key code from getch/get_wch (KEY_* or a character),
 * or GN_ACT_NONE. */
gn_action gn_action_for_key(int key);

#endif
