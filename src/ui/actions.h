/* actions.h: what the keys do. GN_ACTIONS names each action and gives its
 * help text; the bindings in actions.c are the only list of keys. The help
 * screen shows each action's keys as gn_action_keys writes them from the
 * bindings, and tests/unit/test_keys.c checks the man page's KEYS section
 * against the same bindings, so the three cannot drift apart. */
#ifndef GUIDENAV_UI_ACTIONS_H
#define GUIDENAV_UI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/config.h"

/* X(NAME, "help text") */
#define GN_ACTIONS(X) \
    X(DOWN,        "Move down one line or entry") \
    X(UP,          "Move up one line or entry") \
    X(SCROLL_DOWN, "Scroll one line down; in the tree, the selection stays in view") \
    X(SCROLL_UP,   "Scroll one line up; in the tree, the selection stays in view") \
    X(READ_ON,     "Page down; at the end of the page, (END), then on to the next page") \
    X(PAGE_DOWN,   "Page down") \
    X(PAGE_UP,     "Page up") \
    X(HALF_DOWN,   "Half a page down") \
    X(HALF_UP,     "Half a page up") \
    X(TOP,         "Go to the top, or to line N") \
    X(BOTTOM,      "Go to the bottom, or to line N") \
    X(PERCENT,     "Go N percent into the page (50%)") \
    X(GO_TO_LINE,  "Go to a line: type its number") \
    X(COUNT_DIGIT, "A count N for the next key: 15j, 5 Space, 50%, 10g") \
    X(NEXT_PAGE,   "Read on: the next page of the guide, in its TOC's order") \
    X(PREV_PAGE,   "The previous page of the guide, in its TOC's order") \
    X(WHERE,       "Show where you are: the page, its file, its lines, the percentage") \
    X(ENTER,       "Open the selected page or toggle a group; in the pager, follow the selected link") \
    X(EXPAND,      "Expand a group; in the TOC matrix, scroll right") \
    X(COLLAPSE,    "Collapse a group or go to its parent; in the pager, go to the tree; in the TOC matrix, scroll left") \
    X(NEXT_LINK,   "Select the next link of the page (from the tree: go to the pager)") \
    X(PREV_LINK,   "Select the previous link of the page") \
    X(FOLD,        "In the pager: fold or unfold a collapsible block") \
    X(FOCUS,       "Switch between the tree and the pager") \
    X(PANES,       "The tree beside the pager, or one at a time, full width") \
    X(SEARCH,      "In the tree: filter entries as you type; in the pager: search forward") \
    X(SEARCH_BACK, "In the pager: search backward; in the tree: show the keys") \
    X(NEXT_MATCH,  "The next match of the search") \
    X(PREV_MATCH,  "The previous match of the search") \
    X(SEARCH_ALL,  "Search the guide, every guide, or every locale (Tab widens)") \
    X(ESCAPE,      "End the tree filter, showing every entry again") \
    X(BACK,        "Go back to the previous place, at its scroll position") \
    X(FORWARD,     "Go forward again (Ctrl-I is Tab in a terminal)") \
    X(COPY,        "Copy the selected link's URL with OSC 52 (see --osc52)") \
    X(MARK,        "Set a bookmark here") \
    X(JUMP,        "Go to a bookmark") \
    X(MARKS,       "The list of bookmarks: their pages' titles and locales") \
    X(DELETE,      "In the list of bookmarks: delete the selected one") \
    X(LANGUAGE,    "Switch language: the same page in another locale") \
    X(COMPARE,     "Compare: the page beside its second locale, aligned") \
    X(RIGHT_LANG,  "Choose the second locale of the comparison") \
    X(NEXT_FINDING, "In the comparison: the next finding of the translation checks") \
    X(PREV_FINDING, "In the comparison: the previous finding of the translation checks") \
    X(RELOAD,      "Read the page again (after it was edited)") \
    X(EDIT,        "Edit the page in $VISUAL or $EDITOR at the line at the top, then read it again") \
    X(MATRIX,      "The guide's TOC across all locales") \
    X(DIFF,        "Reference page's changes since this translation") \
    X(HELP,        "Show the keys") \
    X(REDRAW,      "Redraw the screen") \
    X(QUIT,        "Quit")

typedef enum gn_action {
    GN_ACT_NONE = 0,
#define X(name, help) GN_ACT_##name,
    GN_ACTIONS(X)
#undef X
    GN_ACT_COUNT
} gn_action;

typedef struct gn_action_info {
    const char *name; /* "PAGE_DOWN": the X-macro name */
    const char *help;
} gn_action_info;

/* Name and help of each action, indexed by gn_action. */
extern const gn_action_info gn_action_table[GN_ACT_COUNT];

/* One key bound to an action. then, when not NULL, says what the reader
 * types after the key ("letter" for the bookmark keys). */
typedef struct gn_binding {
    int key; /* a character or a KEY_* code, as getch/get_wch return it */
    gn_action action;
    const char *then;
} gn_binding;

/* Every binding in force (the defaults, or a configuration's after
 * gn_bindings_apply), in the order the help lists keys; *count receives
 * their number. The caller neither changes nor frees the array. */
const gn_binding *gn_bindings(size_t *count);

/* The action bound to a key code from getch/get_wch (KEY_* or a character),
 * or GN_ACT_NONE. */
gn_action gn_action_for_key(int key);

/* The name of a key code as a reader types it: "j", "Space", "Down",
 * "PgDn", "Shift-Tab", "Ctrl-W", "F1", "Backspace"... Writes the name into
 * buf as snprintf does (truncated to size - 1 bytes, NUL-terminated when
 * size > 0) and returns its full length; returns -1, with buf empty, for a
 * code that has no name here (a byte above 127, a KEY_* code not listed). */
int gn_key_name(int key, char *buf, size_t size);

/* The keys of act as a reader types them, in binding order, joined by
 * ", " ("f, Ctrl-F, PgDn"; "m + letter" for a key with a then; three or
 * more characters in a row, bound one after the other, as their first and
 * last: "0-9"). Codes that show as the same name are listed once
 * ("Backspace" is both KEY_BACKSPACE and DEL). A key without a name shows
 * as "<N>", its code in decimal. Newly allocated, never NULL (empty for an
 * action with no key); the caller frees it. */
char *gn_action_keys(gn_action act);

/* The action's name in the configuration file: its X-macro name in lower
 * case with '-' for '_' (PAGE_DOWN: "page-down"). A static string; ""
 * for GN_ACT_NONE. */
const char *gn_action_config_name(gn_action act);

/* The key codes named name, as gn_key_name writes names ("Enter": '\n',
 * '\r' and KEY_ENTER): up to max of them into codes; returns how many
 * there are (0: no key has that name). */
size_t gn_key_codes(const char *name, int *codes, size_t max);

/* The actions and keys for the core to read a configuration with: each
 * action's configuration name and its default keys by name. Static, built
 * on first use. */
const gn_config_vocab *gn_key_vocab(void);

/* Bind the keys of configuration c (read with gn_key_vocab): each action
 * gets the keys c lists for it, in their order, and no other. Until it is
 * called, the defaults are in force. */
void gn_bindings_apply(const gn_config *c);

/* Move a cursor on row *cur of n rows by a motion action, count the
 * count typed before its key (-1: none): rows (DOWN, UP and the scrolls:
 * count rows, else 1), pages (PAGE_DOWN, PAGE_UP, READ_ON: count rows,
 * else `page`), half pages (`half` rows: the caller keeps a count typed
 * before d or u, as less does), the first or the last row (TOP, BOTTOM;
 * with a count, row count from 1), a percentage (PERCENT), clamped to the
 * rows (row 0 when n is 0). True when act is one of these, *cur then
 * moved; false for any other action, *cur unchanged. The one meaning of
 * these keys in the tree and every list. */
bool gn_motion(gn_action act, long count, size_t *cur, size_t n, size_t page, size_t half);

#endif
