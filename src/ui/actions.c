/* actions.c: the key table (see actions.h). */
#include <curses.h>
#include "ui/actions.h"

const gn_action_info gn_action_table[GN_ACT_COUNT] = {
    [GN_ACT_NONE] = {"", ""},
#define X(name, keys, help) [GN_ACT_##name] = {keys, help},
    GN_ACTIONS(X)
#undef X
};

#define CTRL(c) ((c) & 0x1f)

static const struct binding {
    int key;
    gn_action action;
} bindings[] = {
    {'j', GN_ACT_DOWN}, {KEY_DOWN, GN_ACT_DOWN},
    {'k', GN_ACT_UP}, {KEY_UP, GN_ACT_UP},
    {' ', GN_ACT_PAGE_DOWN}, {'f', GN_ACT_PAGE_DOWN}, {KEY_NPAGE, GN_ACT_PAGE_DOWN},
    {'b', GN_ACT_PAGE_UP}, {KEY_PPAGE, GN_ACT_PAGE_UP},
    {'d', GN_ACT_HALF_DOWN}, {'u', GN_ACT_HALF_UP},
    {'g', GN_ACT_TOP}, {KEY_HOME, GN_ACT_TOP},
    {'G', GN_ACT_BOTTOM}, {KEY_END, GN_ACT_BOTTOM},
    {'\t', GN_ACT_NEXT_LINK}, {KEY_BTAB, GN_ACT_PREV_LINK},
    {'w', GN_ACT_FOCUS}, {CTRL('w'), GN_ACT_FOCUS}, {'t', GN_ACT_PANES},
    {'/', GN_ACT_SEARCH}, {27, GN_ACT_ESCAPE},
    {'\n', GN_ACT_ENTER}, {'\r', GN_ACT_ENTER}, {KEY_ENTER, GN_ACT_ENTER},
    {'l', GN_ACT_EXPAND}, {KEY_RIGHT, GN_ACT_EXPAND},
    {'h', GN_ACT_COLLAPSE}, {KEY_LEFT, GN_ACT_COLLAPSE},
    {']', GN_ACT_NEXT_LINK}, {'[', GN_ACT_PREV_LINK},
    {KEY_BACKSPACE, GN_ACT_BACK}, {127, GN_ACT_BACK}, {CTRL('h'), GN_ACT_BACK},
    {CTRL('o'), GN_ACT_BACK}, {'F', GN_ACT_FORWARD},
    {'y', GN_ACT_COPY}, {'m', GN_ACT_MARK}, {'\'', GN_ACT_JUMP}, {'B', GN_ACT_MARKS},
    {'L', GN_ACT_LANGUAGE}, {'c', GN_ACT_COMPARE}, {'C', GN_ACT_RIGHT_LANG}, {'R', GN_ACT_RELOAD},
    {'M', GN_ACT_MATRIX}, {'D', GN_ACT_DIFF},
    {'?', GN_ACT_SEARCH_BACK}, {'H', GN_ACT_HELP}, {KEY_F(1), GN_ACT_HELP},
    {'n', GN_ACT_NEXT_MATCH}, {'N', GN_ACT_PREV_MATCH}, {'S', GN_ACT_SEARCH_ALL},
    {CTRL('l'), GN_ACT_REDRAW},
    {'q', GN_ACT_QUIT}, {CTRL('c'), GN_ACT_QUIT},
};

gn_action gn_action_for_key(int key)
{
    for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
        if (bindings[i].key == key)
            return bindings[i].action;
    return GN_ACT_NONE;
}
