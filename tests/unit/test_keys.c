/* test_keys.c: the key table of the UI (src/ui/actions.c, linked into this
 * test beside the core) names its keys as a reader types them, binds each
 * key once, and agrees with the man page's KEYS section key by key and
 * action by action. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "guidenav/util.h"
#include "ui/actions.h"

#define MAN_PAGE "man/guidenav.1"

/* ---- a little roff: enough for the KEYS section ----------------------- */

/* Append the UTF-8 encoding of code point c to out. */
static void add_utf8(gn_buf *out, unsigned long c)
{
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c, n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | c >> 6), b[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | c >> 12), b[1] = (char)(0x80 | (c >> 6 & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    } else {
        b[0] = (char)(0xF0 | c >> 18), b[1] = (char)(0x80 | (c >> 12 & 0x3F));
        b[2] = (char)(0x80 | (c >> 6 & 0x3F)), b[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    }
    gn_buf_add(out, b, n);
}

/* Append s[0..n) to out with its roff escapes replaced by the text they
 * print (\- is "-", \(aq is "'", \fB and \& print nothing...). An escape
 * this test does not know is kept as written, so a comparison fails on it
 * rather than passing by accident. */
static void add_roff_text(gn_buf *out, const char *s, size_t n)
{
    static const struct { const char *name, *text; } named[] = {
        {"aq", "'"}, {"lq", "\""}, {"rq", "\""}, {"dq", "\""}, {"em", "--"}, {"en", "-"},
    };
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 == n) {
            gn_buf_addc(out, s[i]);
            continue;
        }
        char e = s[++i];
        if (e == '-' || e == ' ')
            gn_buf_addc(out, e);
        else if (e == 'e')
            gn_buf_addc(out, '\\');
        else if (e == '&' || e == '%')
            ;
        else if (e == 'f' && i + 1 < n)
            i++; /* a font change */
        else if (e == '(' && i + 2 < n) {
            size_t k = 0;
            while (k < sizeof named / sizeof *named && strncmp(named[k].name, s + i + 1, 2) != 0)
                k++;
            if (k < sizeof named / sizeof *named) {
                gn_buf_adds(out, named[k].text);
                i += 2;
            } else {
                gn_buf_add(out, s + i - 1, 2);
            }
        } else if (e == '[' && i + 1 < n && s[i + 1] == 'u') {
            char *end;
            unsigned long c = strtoul(s + i + 2, &end, 16);
            if (*end == ']' && end > s + i + 2) {
                add_utf8(out, c);
                i = (size_t)(end - s);
            } else {
                gn_buf_add(out, s + i - 1, 2);
            }
        } else {
            gn_buf_add(out, s + i - 1, 2);
        }
    }
}

/* Append the text that one input line of roff prints: a text line, or a
 * font macro (.B, .I, .R join their arguments with spaces; .BR, .RB, .BI,
 * .IB, .IR, .RI alternate fonts and join them with nothing). Returns 0, or
 * -1 for another request (.TP, .PP, .SH...), which prints no text here. */
static int add_roff_line(gn_buf *out, const char *line)
{
    if (line[0] != '.') {
        add_roff_text(out, line, strlen(line));
        return 0;
    }
    size_t name_len = strcspn(line + 1, " ");
    static const char *const spaced[] = {"B", "I", "R"};
    static const char *const alternating[] = {"BR", "RB", "BI", "IB", "IR", "RI"};
    const char *sep = NULL;
    for (size_t k = 0; k < 3; k++)
        if (strlen(spaced[k]) == name_len && strncmp(line + 1, spaced[k], name_len) == 0)
            sep = " ";
    for (size_t k = 0; k < 6; k++)
        if (strlen(alternating[k]) == name_len && strncmp(line + 1, alternating[k], name_len) == 0)
            sep = "";
    if (!sep)
        return -1;
    const char *p = line + 1 + name_len;
    bool first = true;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *start = p;
        if (*p == '"') {
            start = ++p;
            while (*p && *p != '"')
                p++;
        } else {
            while (*p && *p != ' ')
                p += p[0] == '\\' && p[1] ? 2 : 1;
        }
        if (!first)
            gn_buf_adds(out, sep);
        add_roff_text(out, start, (size_t)(p - start));
        first = false;
        if (*p == '"')
            p++;
    }
    return 0;
}

/* s with each run of white space made one space, trimmed; newly allocated. */
static char *squeeze(const char *s)
{
    gn_buf out = GN_BUF_INIT;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n') {
            if (out.len > 0 && out.data[out.len - 1] != ' ')
                gn_buf_addc(&out, ' ');
        } else {
            gn_buf_addc(&out, *s);
        }
    }
    if (out.len > 0 && out.data[out.len - 1] == ' ')
        out.data[--out.len] = '\0';
    return gn_buf_take(&out);
}

/* One .TP entry of the KEYS section: its tag ("j, Down"), its text, and
 * the line of the .TP. */
typedef struct man_entry {
    char *tag, *text;
    int line;
} man_entry;

/* The .TP entries of roff's KEYS section (up to the next .SH), into
 * entries (newly allocated; each tag and text too). Returns their number,
 * or -1 when there is no KEYS section. */
static long man_keys(const char *roff, man_entry **entries)
{
    *entries = NULL;
    size_t n = 0;
    bool in_keys = false, found = false;
    gn_buf tag = GN_BUF_INIT, text = GN_BUF_INIT;
    enum { NONE, TAG, TEXT } want = NONE;
    int lineno = 0, entry_line = 0;
    for (const char *p = roff; *p;) {
        size_t len = strcspn(p, "\n");
        char *line = gn_xstrndup(p, len);
        p += len + (p[len] == '\n');
        lineno++;
        bool section = strncmp(line, ".SH", 3) == 0;
        bool tp = strncmp(line, ".TP", 3) == 0;
        bool para = section || tp || strncmp(line, ".PP", 3) == 0 || strncmp(line, ".SS", 3) == 0 ||
                    strncmp(line, ".IP", 3) == 0 || strncmp(line, ".RS", 3) == 0;
        if (in_keys && para && want != NONE) { /* the entry so far ends */
            *entries = gn_xreallocarray(*entries, n + 1, sizeof **entries);
            (*entries)[n++] = (man_entry){squeeze(tag.data ? tag.data : ""),
                                          squeeze(text.data ? text.data : ""), entry_line};
            gn_buf_reset(&tag);
            gn_buf_reset(&text);
            want = NONE;
        }
        if (section) {
            in_keys = strcmp(line, ".SH KEYS") == 0;
            found |= in_keys;
        } else if (in_keys && tp) {
            want = TAG;
            entry_line = lineno;
        } else if (in_keys && want == TAG) {
            add_roff_line(&tag, line);
            want = TEXT;
        } else if (in_keys && want == TEXT) {
            if (add_roff_line(&text, line) == 0)
                gn_buf_addc(&text, ' ');
        }
        free(line);
    }
    gn_buf_free(&tag);
    gn_buf_free(&text);
    return found ? (long)n : -1;
}

static void free_entries(man_entry *entries, long n)
{
    for (long i = 0; i < n; i++) {
        free(entries[i].tag);
        free(entries[i].text);
    }
    free(entries);
}

/* ---- the comparison ----------------------------------------------------- */

/* Whether key (one item, "PgDn" or "m + letter") is among keys, a list
 * joined by ", " as gn_action_keys writes it. */
static bool has_key(const char *keys, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = keys; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, key, n) == 0)
            return true;
        p += len;
        if (*p == ',')
            p += 2;
    }
    return false;
}

/* The action whose keys hold key, or GN_ACT_NONE. */
static gn_action action_of(char *const keys[GN_ACT_COUNT], const char *key)
{
    for (int a = 1; a < GN_ACT_COUNT; a++)
        if (has_key(keys[a], key))
            return (gn_action)a;
    return GN_ACT_NONE;
}

/* Compare the KEYS section of roff with the bindings, and append one line
 * to report per difference: a key of the man page that is not bound or is
 * bound to another action than its entry's, an entry whose keys are not
 * the action's keys in binding order, an entry whose text does not start
 * with the action's help text, an action with no entry or with two.
 * Returns the number of differences (1 when there is no KEYS section). */
static int compare_keys(const char *roff, gn_buf *report)
{
    man_entry *entries;
    long n = man_keys(roff, &entries);
    if (n < 0) {
        gn_buf_adds(report, "no KEYS section\n");
        return 1;
    }
    char *keys[GN_ACT_COUNT] = {NULL};
    for (int a = 1; a < GN_ACT_COUNT; a++)
        keys[a] = gn_action_keys((gn_action)a);
    int entries_of[GN_ACT_COUNT] = {0};
    int differences = 0;
    for (long i = 0; i < n; i++) {
        const man_entry *e = &entries[i];
        gn_action act = GN_ACT_NONE;
        for (const char *p = e->tag; *p;) { /* each key of the entry */
            size_t len = strcspn(p, ",");
            char *key = gn_xstrndup(p, len);
            gn_action of = action_of(keys, key);
            if (of == GN_ACT_NONE) {
                gn_buf_addf(report, "line %d: %s is not bound\n", e->line, key);
                differences++;
            } else if (act == GN_ACT_NONE) {
                act = of;
            } else if (of != act) {
                gn_buf_addf(report, "line %d: %s is bound to %s, not to %s\n", e->line, key,
                            gn_action_table[of].name, gn_action_table[act].name);
                differences++;
            }
            free(key);
            p += len;
            if (*p == ',')
                p += 2;
        }
        if (act == GN_ACT_NONE)
            continue;
        entries_of[act]++;
        if (strcmp(e->tag, keys[act]) != 0) {
            gn_buf_addf(report, "line %d: keys \"%s\"; the bindings of %s are \"%s\"\n", e->line,
                        e->tag, gn_action_table[act].name, keys[act]);
            differences++;
        }
        const char *help = gn_action_table[act].help;
        if (strncmp(e->text, help, strlen(help)) != 0) {
            gn_buf_addf(report, "line %d: %s: \"%.60s\" does not start with \"%s\"\n", e->line,
                        e->tag, e->text, help);
            differences++;
        }
    }
    for (int a = 1; a < GN_ACT_COUNT; a++) {
        if (entries_of[a] != 1) {
            gn_buf_addf(report, "%s (%s): %d entries\n", gn_action_table[a].name, keys[a],
                        entries_of[a]);
            differences++;
        }
        free(keys[a]);
    }
    free_entries(entries, n);
    return differences;
}

/* ---- tests -------------------------------------------------------------- */

static void test_key_names(void **state)
{
    (void)state;
    char buf[32];
    assert_int_equal(gn_key_name(' ', buf, sizeof buf), 5);
    assert_string_equal(buf, "Space");
    assert_int_equal(gn_key_name('j', buf, sizeof buf), 1);
    assert_string_equal(buf, "j");
    gn_key_name(8, buf, sizeof buf);
    assert_string_equal(buf, "Ctrl-H");
    gn_key_name(23, buf, sizeof buf);
    assert_string_equal(buf, "Ctrl-W");
    gn_key_name(127, buf, sizeof buf);
    assert_string_equal(buf, "Backspace");
    gn_key_name(27, buf, sizeof buf);
    assert_string_equal(buf, "Esc");
    gn_key_name('\r', buf, sizeof buf);
    assert_string_equal(buf, "Enter");
    /* Cut as snprintf cuts, with the full length returned. */
    assert_int_equal(gn_key_name(' ', buf, 3), 5);
    assert_string_equal(buf, "Sp");
    /* A byte above 127 has no name. */
    assert_int_equal(gn_key_name(200, buf, sizeof buf), -1);
    assert_string_equal(buf, "");
}

static void test_action_keys(void **state)
{
    (void)state;
    static const struct { gn_action act; const char *keys; } want[] = {
        {GN_ACT_DOWN, "j, Down"},
        {GN_ACT_PAGE_DOWN, "f, Ctrl-F, PgDn"},
        {GN_ACT_READ_ON, "Space"},
        {GN_ACT_HALF_UP, "u, Ctrl-U"},
        {GN_ACT_SCROLL_DOWN, "Ctrl-E"},
        {GN_ACT_COUNT_DIGIT, "0-9"}, /* a run of characters, first and last */
        {GN_ACT_NEXT_PAGE, "}"},
        {GN_ACT_PREV_LINK, "Shift-Tab, ["},
        {GN_ACT_FOCUS, "w, Ctrl-W"},
        {GN_ACT_ENTER, "Enter"}, /* '\n', '\r' and KEY_ENTER, named once */
        {GN_ACT_BACK, "Backspace, Ctrl-H, Ctrl-O"}, /* KEY_BACKSPACE and 127 once */
        {GN_ACT_MARK, "m + letter"},
        {GN_ACT_HELP, "H, F1"},
        {GN_ACT_QUIT, "q, Ctrl-C"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        char *keys = gn_action_keys(want[i].act);
        assert_string_equal(keys, want[i].keys);
        free(keys);
    }
    char *none = gn_action_keys(GN_ACT_NONE);
    assert_string_equal(none, "");
    free(none);
}

/* Every key has a name, is bound once (gn_action_for_key would hide a
 * second binding), and every action has a key. */
static void test_bindings(void **state)
{
    (void)state;
    size_t n;
    const gn_binding *b = gn_bindings(&n);
    bool bound[GN_ACT_COUNT] = {false};
    char buf[32];
    for (size_t i = 0; i < n; i++) {
        if (gn_key_name(b[i].key, buf, sizeof buf) < 0)
            fail_msg("key %d (bound to %s) has no name", b[i].key, gn_action_table[b[i].action].name);
        for (size_t j = 0; j < i; j++)
            if (b[j].key == b[i].key)
                fail_msg("%s is bound twice: to %s and %s", buf, gn_action_table[b[j].action].name,
                         gn_action_table[b[i].action].name);
        assert_int_equal(gn_action_for_key(b[i].key), b[i].action);
        bound[b[i].action] = true;
    }
    for (int a = 1; a < GN_ACT_COUNT; a++)
        if (!bound[a])
            fail_msg("%s has no key", gn_action_table[a].name);
}

/* The motions, as the tree and every list take them: clamped to the rows,
 * other actions left alone. */
static void test_motion(void **state)
{
    (void)state;
    static const struct {
        gn_action act;
        long count;
        size_t from, n, page, to;
    } want[] = {
        {GN_ACT_DOWN, -1, 3, 10, 4, 4},      {GN_ACT_DOWN, -1, 9, 10, 4, 9},
        {GN_ACT_UP, -1, 3, 10, 4, 2},        {GN_ACT_UP, -1, 0, 10, 4, 0},
        {GN_ACT_PAGE_DOWN, -1, 3, 10, 4, 7}, {GN_ACT_PAGE_DOWN, -1, 7, 10, 4, 9},
        {GN_ACT_PAGE_UP, -1, 7, 10, 4, 3},   {GN_ACT_PAGE_UP, -1, 3, 10, 4, 0},
        {GN_ACT_HALF_DOWN, -1, 3, 10, 4, 5}, {GN_ACT_HALF_DOWN, -1, 8, 10, 4, 9},
        {GN_ACT_HALF_UP, -1, 3, 10, 4, 1},   {GN_ACT_HALF_UP, -1, 1, 10, 4, 0},
        {GN_ACT_TOP, -1, 7, 10, 4, 0},       {GN_ACT_BOTTOM, -1, 2, 10, 4, 9},
        {GN_ACT_BOTTOM, -1, 0, 0, 4, 0},     {GN_ACT_DOWN, -1, 0, 0, 4, 0},
        {GN_ACT_DOWN, -1, 12, 10, 4, 9},     /* from past the end: clamped */
        {GN_ACT_PAGE_DOWN, -1, 0, 10, (size_t)-1, 9},
        /* Counts: rows for a row or page key, a row from 1 for g and G, a
         * percentage for %. */
        {GN_ACT_DOWN, 3, 2, 10, 4, 5},       {GN_ACT_UP, 5, 2, 10, 4, 0},
        {GN_ACT_PAGE_DOWN, 2, 2, 10, 4, 4},  {GN_ACT_SCROLL_DOWN, -1, 2, 10, 4, 3},
        {GN_ACT_READ_ON, -1, 2, 10, 4, 6},   {GN_ACT_TOP, 4, 9, 10, 4, 3},
        {GN_ACT_BOTTOM, 4, 9, 10, 4, 3},     {GN_ACT_BOTTOM, 40, 0, 10, 4, 9},
        {GN_ACT_PERCENT, 50, 0, 11, 4, 5},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        size_t cur = want[i].from;
        assert_true(gn_motion(want[i].act, want[i].count, &cur, want[i].n, want[i].page,
                              want[i].page / 2));
        if (cur != want[i].to)
            fail_msg("%s (count %ld) from %zu of %zu: %zu, not %zu",
                     gn_action_table[want[i].act].name, want[i].count, want[i].from, want[i].n,
                     cur, want[i].to);
    }
    static const gn_action others[] = {GN_ACT_ENTER, GN_ACT_EXPAND, GN_ACT_COLLAPSE,
                                       GN_ACT_QUIT, GN_ACT_NONE};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        size_t cur = 5;
        assert_false(gn_motion(others[i], -1, &cur, 10, 4, 2));
        assert_int_equal(cur, 5);
    }
}

static void test_man_page_matches_bindings(void **state)
{
    (void)state;
    char *roff;
    size_t len;
    gn_error err;
    if (gn_read_file(MAN_PAGE, &roff, &len, &err) != 0)
        fail_msg("%s", err.msg);
    gn_buf report = GN_BUF_INIT;
    int differences = compare_keys(roff, &report);
    free(roff);
    if (differences)
        fail_msg("%s KEYS and the bindings (src/ui/actions.c) differ:\n%s", MAN_PAGE, report.data);
    gn_buf_free(&report);
}

/* The comparison sees each kind of difference: a section written from an
 * older table, with a key that is not bound, a key under the wrong action,
 * a missing key, another help text, and every other action missing. */
static void test_comparison_finds_differences(void **state)
{
    (void)state;
    const char *roff = ".TH X 1\n"
                       ".SH KEYS\n"
                       "Some words first.\n"
                       ".TP\n"
                       ".BR j \", \" Down\n"
                       "Move down one line or entry.\n"
                       ".TP\n"
                       ".BR k \", \" Up \", \" Ctrl\\-P\n"
                       "Move up one line or entry.\n"
                       ".TP\n"
                       ".BR f \", \" PgDn \", \" d\n"
                       "Page down.\n"
                       ".TP\n"
                       ".B w\n"
                       "Switch panes.\n"
                       ".TP\n"
                       ".BI \"m + \" letter\n"
                       "Set a bookmark here: under a letter.\n"
                       ".SH SEARCHING\n"
                       ".TP\n"
                       ".B Z\n"
                       "Not in KEYS.\n";
    gn_buf report = GN_BUF_INIT;
    int differences = compare_keys(roff, &report);
    const char *want[] = {
        "line 7: Ctrl-P is not bound\n",
        "line 7: keys \"k, Up, Ctrl-P\"; the bindings of UP are \"k, Up\"\n",
        "line 10: d is bound to HALF_DOWN, not to PAGE_DOWN\n",
        "line 10: keys \"f, PgDn, d\"; the bindings of PAGE_DOWN are \"f, Ctrl-F, PgDn\"\n",
        "line 13: keys \"w\"; the bindings of FOCUS are \"w, Ctrl-W\"\n",
        "line 13: w: \"Switch panes.\" does not start with \"Switch between the tree and the pager\"\n",
        "HALF_DOWN (d, Ctrl-D): 0 entries\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(report.data, want[i]))
            fail_msg("missing \"%s\" in:\n%s", want[i], report.data);
    /* The 6 lines above, and one per action without an entry (5 have one). */
    assert_int_equal(differences, 6 + (GN_ACT_COUNT - 1 - 5));
    gn_buf_free(&report);
    assert_int_equal(compare_keys(".TH X 1\n.SH NAME\n", &report), 1);
    assert_string_equal(report.data, "no KEYS section\n");
    gn_buf_free(&report);
}

/* The configuration's vocabulary: action names as the file writes them,
 * key names read back to their codes, and the defaults, bound through a
 * configuration, binding what the key table binds; a file's keys then
 * rebind. */
static void test_config_vocabulary(void **state)
{
    (void)state;
    assert_string_equal(gn_action_config_name(GN_ACT_PAGE_DOWN), "page-down");
    assert_string_equal(gn_action_config_name(GN_ACT_NEXT_FINDING), "next-finding");
    assert_string_equal(gn_action_config_name(GN_ACT_NONE), "");
    int codes[8];
    assert_int_equal(gn_key_codes("Enter", codes, 8), 3);
    assert_int_equal(gn_key_codes("Backspace", codes, 8), 2);
    assert_int_equal(gn_key_codes("Ctrl-F", codes, 8), 1);
    assert_int_equal(codes[0], 6);
    assert_int_equal(gn_key_codes("F1", codes, 8), 1);
    char name[16];
    gn_key_name(codes[0], name, sizeof name);
    assert_string_equal(name, "F1");
    int down, enter[3];
    assert_int_equal(gn_key_codes("Down", &down, 1), 1);
    gn_key_codes("Enter", enter, 3);
    assert_int_equal(gn_key_codes("Spce", codes, 8), 0);
    assert_int_equal(gn_key_codes("\xe3\x81\x82", codes, 8), 0);

    const gn_config_vocab *v = gn_key_vocab();
    assert_int_equal(v->nactions, GN_ACT_COUNT - 1);
    char *before[GN_ACT_COUNT];
    for (int a = 1; a < GN_ACT_COUNT; a++)
        before[a] = gn_action_keys((gn_action)a);
    gn_config c;
    gn_config_defaults(&c, v);
    gn_bindings_apply(&c);
    for (int a = 1; a < GN_ACT_COUNT; a++) {
        char *after = gn_action_keys((gn_action)a);
        assert_string_equal(after, before[a]);
        free(after);
    }
    size_t n, n0;
    gn_bindings(&n);
    gn_config_free(&c);

    const char *text = "keys: {global: {quit: [q, x, Enter], down: [j]}}\n";
    gn_error err;
    assert_int_equal(gn_config_parse(&c, "t.yaml", text, strlen(text), v, &err), 0);
    gn_bindings_apply(&c);
    assert_int_equal(gn_action_for_key('x'), GN_ACT_QUIT);
    for (int i = 0; i < 3; i++)
        assert_int_equal(gn_action_for_key(enter[i]), GN_ACT_QUIT);
    assert_int_equal(gn_action_for_key(down), GN_ACT_NONE);
    assert_int_equal(gn_action_for_key('q'), GN_ACT_QUIT);
    assert_int_equal(gn_action_for_key(3), GN_ACT_NONE); /* Ctrl-C: not listed */
    char *none = gn_action_keys(GN_ACT_ENTER);
    assert_string_equal(none, "");
    free(none);
    gn_bindings(&n0);
    assert_int_equal(n0, n - 1); /* Enter's three codes move; Down and Ctrl-C go; x comes */
    gn_config_free(&c);
    /* the defaults again, for the tests after this one */
    gn_config_defaults(&c, v);
    gn_bindings_apply(&c);
    gn_config_free(&c);
    for (int a = 1; a < GN_ACT_COUNT; a++)
        free(before[a]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_names),
        cmocka_unit_test(test_action_keys),
        cmocka_unit_test(test_bindings),
        cmocka_unit_test(test_motion),
        cmocka_unit_test(test_man_page_matches_bindings),
        cmocka_unit_test(test_comparison_finds_differences),
        cmocka_unit_test(test_config_vocabulary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
