/* actions.c: the key table (see actions.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/util.h"
#include "guidenav/config.h"
#include "guidenav/session.h"
#include "ui/actions.h"

const gn_action_info gn_action_table[GN_ACT_COUNT] = {
    [GN_ACT_NONE] = {"NONE", ""},
#define X(name, help) [GN_ACT_##name] = {#name, help},
    GN_ACTIONS(X)
#undef X
};

#define CTRL(c) ((c) & 0x1f)

/* The only list of keys. Within an action, the order here is the order of
 * its keys on the help screen and in the man page. Several codes are one
 * key to a reader, and are listed once (gn_action_keys): Enter sends '\r'
 * or '\n' (KEY_ENTER on a keypad); Backspace sends DEL (127) or comes as
 * KEY_BACKSPACE. Ctrl-H stays a key of its own: some terminals send it for
 * Backspace, and it is also typed as itself. Ctrl-C is bound, but with
 * cbreak it arrives as SIGINT, which quits too (after saving the place). */
static const gn_binding bindings[] = {
    {'j', GN_ACT_DOWN, NULL}, {KEY_DOWN, GN_ACT_DOWN, NULL},
    {'k', GN_ACT_UP, NULL}, {KEY_UP, GN_ACT_UP, NULL},
    {CTRL('e'), GN_ACT_SCROLL_DOWN, NULL}, {CTRL('y'), GN_ACT_SCROLL_UP, NULL},
    {' ', GN_ACT_READ_ON, NULL},
    {'f', GN_ACT_PAGE_DOWN, NULL}, {CTRL('f'), GN_ACT_PAGE_DOWN, NULL}, {KEY_NPAGE, GN_ACT_PAGE_DOWN, NULL},
    {'b', GN_ACT_PAGE_UP, NULL}, {CTRL('b'), GN_ACT_PAGE_UP, NULL}, {KEY_PPAGE, GN_ACT_PAGE_UP, NULL},
    {'d', GN_ACT_HALF_DOWN, NULL}, {CTRL('d'), GN_ACT_HALF_DOWN, NULL},
    {'u', GN_ACT_HALF_UP, NULL}, {CTRL('u'), GN_ACT_HALF_UP, NULL},
    {'g', GN_ACT_TOP, NULL}, {KEY_HOME, GN_ACT_TOP, NULL},
    {'G', GN_ACT_BOTTOM, NULL}, {KEY_END, GN_ACT_BOTTOM, NULL},
    {'%', GN_ACT_PERCENT, NULL}, {':', GN_ACT_GO_TO_LINE, NULL},
    {'0', GN_ACT_COUNT_DIGIT, NULL}, {'1', GN_ACT_COUNT_DIGIT, NULL}, {'2', GN_ACT_COUNT_DIGIT, NULL},
    {'3', GN_ACT_COUNT_DIGIT, NULL}, {'4', GN_ACT_COUNT_DIGIT, NULL}, {'5', GN_ACT_COUNT_DIGIT, NULL},
    {'6', GN_ACT_COUNT_DIGIT, NULL}, {'7', GN_ACT_COUNT_DIGIT, NULL}, {'8', GN_ACT_COUNT_DIGIT, NULL},
    {'9', GN_ACT_COUNT_DIGIT, NULL},
    {'}', GN_ACT_NEXT_PAGE, NULL}, {'{', GN_ACT_PREV_PAGE, NULL}, {'=', GN_ACT_WHERE, NULL},
    {'\t', GN_ACT_NEXT_LINK, NULL}, {KEY_BTAB, GN_ACT_PREV_LINK, NULL},
    {'w', GN_ACT_FOCUS, NULL}, {CTRL('w'), GN_ACT_FOCUS, NULL}, {'t', GN_ACT_PANES, NULL},
    {'/', GN_ACT_SEARCH, NULL}, {27, GN_ACT_ESCAPE, NULL},
    {'\n', GN_ACT_ENTER, NULL}, {'\r', GN_ACT_ENTER, NULL}, {KEY_ENTER, GN_ACT_ENTER, NULL},
    {'l', GN_ACT_EXPAND, NULL}, {KEY_RIGHT, GN_ACT_EXPAND, NULL},
    {'h', GN_ACT_COLLAPSE, NULL}, {KEY_LEFT, GN_ACT_COLLAPSE, NULL},
    {']', GN_ACT_NEXT_LINK, NULL}, {'[', GN_ACT_PREV_LINK, NULL},
    {'z', GN_ACT_FOLD, NULL},
    {KEY_BACKSPACE, GN_ACT_BACK, NULL}, {127, GN_ACT_BACK, NULL}, {CTRL('h'), GN_ACT_BACK, NULL},
    {CTRL('o'), GN_ACT_BACK, NULL}, {'F', GN_ACT_FORWARD, NULL},
    {'y', GN_ACT_COPY, NULL}, {'m', GN_ACT_MARK, "letter"}, {'\'', GN_ACT_JUMP, "letter"},
    {'B', GN_ACT_MARKS, NULL}, {KEY_DC, GN_ACT_DELETE, NULL},
    {'L', GN_ACT_LANGUAGE, NULL}, {'c', GN_ACT_COMPARE, NULL}, {'C', GN_ACT_RIGHT_LANG, NULL},
    {')', GN_ACT_NEXT_FINDING, NULL}, {'(', GN_ACT_PREV_FINDING, NULL},
    {'R', GN_ACT_RELOAD, NULL}, {'e', GN_ACT_EDIT, NULL}, {'M', GN_ACT_MATRIX, NULL}, {'D', GN_ACT_DIFF, NULL},
    {'?', GN_ACT_SEARCH_BACK, NULL}, {'H', GN_ACT_HELP, NULL}, {KEY_F(1), GN_ACT_HELP, NULL},
    {'n', GN_ACT_NEXT_MATCH, NULL}, {'N', GN_ACT_PREV_MATCH, NULL}, {'S', GN_ACT_SEARCH_ALL, NULL},
    {CTRL('l'), GN_ACT_REDRAW, NULL},
    {'q', GN_ACT_QUIT, NULL}, {CTRL('c'), GN_ACT_QUIT, NULL},
};

/* The bindings in force: the defaults, or those of a configuration
 * (gn_bindings_apply). */
static const gn_binding *table = bindings;
static size_t ntable = sizeof bindings / sizeof *bindings;
static gn_binding *configured;

const gn_binding *gn_bindings(size_t *count)
{
    *count = ntable;
    return table;
}

gn_action gn_action_for_key(int key)
{
    for (size_t i = 0; i < ntable; i++)
        if (table[i].key == key)
            return table[i].action;
    return GN_ACT_NONE;
}

/* Names of the curses key codes that a binding may use. */
static const struct {
    int key;
    const char *name;
} curses_names[] = {
    {KEY_DOWN, "Down"}, {KEY_UP, "Up"}, {KEY_LEFT, "Left"}, {KEY_RIGHT, "Right"},
    {KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"}, {KEY_HOME, "Home"}, {KEY_END, "End"},
    {KEY_BTAB, "Shift-Tab"}, {KEY_ENTER, "Enter"}, {KEY_BACKSPACE, "Backspace"},
    {KEY_DC, "Delete"}, {KEY_IC, "Insert"},
};

int gn_key_name(int key, char *buf, size_t size)
{
    const char *name = NULL;
    char one[2] = {0};
    switch (key) {
    case ' ': name = "Space"; break;
    case '\t': name = "Tab"; break;
    case '\n': case '\r': name = "Enter"; break;
    case 27: name = "Esc"; break;
    case 127: name = "Backspace"; break;
    default:
        for (size_t i = 0; i < sizeof curses_names / sizeof *curses_names; i++)
            if (curses_names[i].key == key)
                name = curses_names[i].name;
        if (name)
            break;
        if (key >= KEY_F(1) && key <= KEY_F(63))
            return snprintf(buf, size, "F%d", key - KEY_F0);
        if (key >= 1 && key <= 26) /* Ctrl-A to Ctrl-Z */
            return snprintf(buf, size, "Ctrl-%c", 'A' + key - 1);
        if (key > ' ' && key < 127) {
            one[0] = (char)key;
            name = one;
        }
    }
    if (!name) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    return snprintf(buf, size, "%s", name);
}

/* The name gn_action_keys shows for binding b: its key name, or "<N>",
 * then " + then" when b has one. Writes into buf of size bytes. */
static void shown_name(const gn_binding *b, char *buf, size_t size)
{
    if (gn_key_name(b->key, buf, size) < 0)
        snprintf(buf, size, "<%d>", b->key);
    if (b->then) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, " + %s", b->then);
    }
}

/* Whether binding b is a printable character typed alone (no then). */
static bool plain_char(const gn_binding *b)
{
    return b->key > ' ' && b->key < 127 && !b->then;
}

/* The number of act's bindings from index i on (table[i] is one) whose
 * keys are characters following each other, with no binding of act
 * between them ('0', '1', ... '9'); 1 when table[i] starts no run. */
static size_t run_length(gn_action act, size_t i, size_t n)
{
    size_t len = 1;
    for (size_t j = i + 1; j < n && plain_char(&table[i]); j++) {
        if (table[j].action != act)
            continue;
        if (!plain_char(&table[j]) || table[j].key != table[i].key + (int)len)
            break;
        len++;
    }
    return len;
}

char *gn_action_keys(gn_action act)
{
    gn_buf out = GN_BUF_INIT;
    size_t n = ntable;
    for (size_t i = 0; i < n; i++) {
        if (table[i].action != act)
            continue;
        size_t run = run_length(act, i, n);
        if (run >= 3) { /* "0-9" */
            int last = table[i].key + (int)run - 1;
            gn_buf_addf(&out, "%s%c-%c", out.len > 0 ? ", " : "", table[i].key, last);
            for (size_t left = run - 1; left > 0;) /* past the run's other bindings */
                if (table[++i].action == act)
                    left--;
            continue;
        }
        char name[64], earlier[64];
        shown_name(&table[i], name, sizeof name);
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            if (table[j].action != act)
                continue;
            shown_name(&table[j], earlier, sizeof earlier);
            seen = strcmp(name, earlier) == 0;
        }
        if (seen)
            continue;
        if (out.len > 0)
            gn_buf_adds(&out, ", ");
        gn_buf_adds(&out, name);
    }
    return gn_buf_take(&out);
}

bool gn_motion(gn_action act, long count, size_t *cur, size_t n, size_t page, size_t half)
{
    size_t last = n ? n - 1 : 0, at = *cur < last ? *cur : last;
    size_t by = count >= 0 ? (size_t)count : 1;
    switch (act) {
    case GN_ACT_READ_ON:
    case GN_ACT_PAGE_DOWN:
    case GN_ACT_PAGE_UP:
        by = count >= 0 ? (size_t)count : page;
        break;
    case GN_ACT_HALF_DOWN:
    case GN_ACT_HALF_UP:
        by = half;
        break;
    default:
        break;
    }
    switch (act) {
    case GN_ACT_DOWN:
    case GN_ACT_SCROLL_DOWN:
    case GN_ACT_READ_ON:
    case GN_ACT_PAGE_DOWN:
    case GN_ACT_HALF_DOWN:
        at = last - at > by ? at + by : last;
        break;
    case GN_ACT_UP:
    case GN_ACT_SCROLL_UP:
    case GN_ACT_PAGE_UP:
    case GN_ACT_HALF_UP:
        at = at > by ? at - by : 0;
        break;
    case GN_ACT_TOP: /* 10g: row 10 */
        at = count > 0 && (size_t)count - 1 < last ? (size_t)count - 1 : count > 0 ? last : 0;
        break;
    case GN_ACT_BOTTOM: /* 10G: row 10 too */
        at = count > 0 && (size_t)count - 1 < last ? (size_t)count - 1 : last;
        break;
    case GN_ACT_PERCENT:
        at = gn_session_percent_row(n, count > 0 ? (unsigned long)count : 0);
        at = at < last ? at : last;
        break;
    default:
        return false;
    }
    *cur = at;
    return true;
}

/* ---- the configuration's names and keys ---- */

const char *gn_action_config_name(gn_action act)
{
    static char names[GN_ACT_COUNT][32];
    if (act <= GN_ACT_NONE || act >= GN_ACT_COUNT)
        return "";
    if (!names[act][0]) {
        const char *from = gn_action_table[act].name;
        size_t i = 0;
        for (; from[i] && i + 1 < sizeof names[act]; i++)
            names[act][i] = from[i] == '_' ? '-' : (char)(from[i] >= 'A' && from[i] <= 'Z'
                                                              ? from[i] - 'A' + 'a' : from[i]);
        names[act][i] = '\0';
    }
    return names[act];
}

size_t gn_key_codes(const char *name, int *codes, size_t max)
{
    size_t n = 0;
    char buf[32];
    for (int key = 1; key <= KEY_MAX; key++)
        if (gn_key_name(key, buf, sizeof buf) >= 0 && strcmp(buf, name) == 0) {
            if (n < max)
                codes[n] = key;
            n++;
        }
    return n;
}

static bool key_known(const char *name)
{
    int code;
    return gn_key_codes(name, &code, 1) > 0;
}

const gn_config_vocab *gn_key_vocab(void)
{
    enum { N = GN_ACT_COUNT - 1 };
    static const char *names[N];
    static const char **defaults[N];
    static gn_config_vocab vocab;
    if (vocab.nactions)
        return &vocab;
    size_t nb = sizeof bindings / sizeof *bindings;
    for (size_t a = 0; a < N; a++) {
        names[a] = gn_action_config_name((gn_action)(a + 1));
        /* The default keys, by name, each name once (Enter is three codes). */
        const char **list = gn_xcalloc(nb + 1, sizeof *list);
        size_t n = 0;
        for (size_t i = 0; i < nb; i++) {
            if (bindings[i].action != (gn_action)(a + 1))
                continue;
            char buf[32];
            if (gn_key_name(bindings[i].key, buf, sizeof buf) < 0)
                continue;
            bool seen = false;
            for (size_t j = 0; j < n && !seen; j++)
                seen = strcmp(list[j], buf) == 0;
            if (!seen)
                list[n++] = gn_xstrdup(buf);
        }
        defaults[a] = list;
    }
    vocab = (gn_config_vocab){N, names, (const char *const *const *)defaults, key_known};
    return &vocab;
}

void gn_bindings_apply(const gn_config *c)
{
    if (!c || c->nactions != GN_ACT_COUNT - 1)
        return;
    size_t nb = sizeof bindings / sizeof *bindings, n = 0, cap = 0;
    gn_binding *v = NULL;
    for (size_t a = 0; a < c->nactions; a++) {
        gn_action act = (gn_action)(a + 1);
        const char *then = NULL; /* the action's own: "letter" for m and ' */
        for (size_t i = 0; i < nb && !then; i++)
            if (bindings[i].action == act)
                then = bindings[i].then;
        for (size_t k = 0; c->keys[a][k]; k++) {
            int codes[8];
            size_t m = gn_key_codes(c->keys[a][k], codes, 8);
            for (size_t i = 0; i < m && i < 8; i++) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 128;
                    v = gn_xreallocarray(v, cap, sizeof *v);
                }
                v[n++] = (gn_binding){codes[i], act, then};
            }
        }
    }
    free(configured);
    configured = v;
    table = v ? v : bindings;
    ntable = v ? n : 0;
}
