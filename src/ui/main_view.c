/* main_view.c: the main view: the tree beside the pager, the status line,
 * and the keys that act on the whole session (see view.h). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guidenav/editor.h"
#include "guidenav/text.h"
#include "ui/view.h"

/* Below this size, only a message is shown. */
#define MIN_COLS 20
#define MIN_ROWS 4

void gn_main_draw(gn_ui *u)
{
    erase();
    u->nlink_cells = 0; /* the pager notes those it draws */
    if (u->cols < MIN_COLS || u->rows < MIN_ROWS) {
        static const char msg[] = "Terminal too small";
        mvaddnstr(0, 0, msg, u->cols < (int)sizeof msg - 1 ? u->cols : (int)sizeof msg - 1);
        return;
    }
    gn_tree_pane_draw(u);
    gn_pager_pane_draw(u);
    gn_pager_status_draw(u);
}

/* The rows a notch of the mouse wheel scrolls. */
#define WHEEL_ROWS 3

void gn_main_mouse(gn_ui *u, int y, int x, bool wheel, int dir)
{
    if (u->cols < MIN_COLS || u->rows < MIN_ROWS || y < 0 || y >= u->body_h)
        return;
    bool tree = u->tree_w > 0 && x < u->tree_w;
    bool pager = !tree && x >= u->pager_x && !(u->one_pane && u->focus == GN_FOCUS_TREE);
    if (wheel) {
        gn_key k = {.act = dir > 0 ? GN_ACT_SCROLL_DOWN : GN_ACT_SCROLL_UP, .count = WHEEL_ROWS};
        if (tree)
            gn_tree_pane_key(u, &k);
        else if (pager)
            gn_pager_pane_key(u, &k);
    } else if (tree) {
        gn_tree_pane_click(u, y);
    } else if (pager) {
        gn_pager_pane_click(u, y, x);
    }
}

/* The pager takes the focus (after a page was opened from a list). */
static void to_pager(gn_ui *u)
{
    u->focus = GN_FOCUS_PAGER;
    gn_ui_geometry(u);
}

/* ctx of the locale choosers: each line's locale index. */
static void locale_chosen(gn_ui *u, size_t i, void *ctx)
{
    gn_session_switch_locale(&u->s, ((const size_t *)ctx)[i]);
}

/* The locale the chooser of L selects: the page is read there ahead. */
static void locale_seen(gn_ui *u, size_t i, void *ctx)
{
    gn_session_expect_locale(&u->s, i == GN_NONE ? GN_NONE : ((const size_t *)ctx)[i]);
}

static void right_chosen(gn_ui *u, size_t i, void *ctx)
{
    gn_session_set_right(&u->s, ((const size_t *)ctx)[i]);
}

/* The chooser of a locale (L: every locale) or of the second locale (C:
 * the others), current selected; the locales lacking the open page dim. */
static void choose_locale(gn_ui *u, const char *title, bool others, size_t current,
                          gn_list_chosen chosen, gn_list_chosen moved)
{
    size_t n, *loc;
    bool *lacking;
    char **lines = gn_session_locale_lines(&u->s, others, &loc, &lacking, &n);
    if (n == 0) {
        free(lines);
        free(loc);
        free(lacking);
        snprintf(u->s.msg, sizeof u->s.msg, "%s", "Only one locale: nothing to compare with.");
        return;
    }
    gn_list_opts o = {.dim = lacking, .chosen = chosen, .moved = moved, .ctx = loc,
                      .free_ctx = free};
    for (size_t i = 0; i < n; i++)
        if (loc[i] == current)
            o.start = i;
    gn_list_open(u, title, lines, n, &o);
}

static void mark_set(gn_ui *u, int letter)
{
    if (letter >= 0)
        gn_session_mark(&u->s, letter);
}

static void mark_jump(gn_ui *u, int letter)
{
    if (letter >= 0 && gn_session_jump(&u->s, letter) == 0)
        to_pager(u);
}

/* ctx of the list of bookmarks: each line's letter index (26 of room). */
static void mark_chosen(gn_ui *u, size_t i, void *ctx)
{
    const int *which = ctx;
    if (gn_session_jump(&u->s, which[i]) == 0)
        to_pager(u);
}

static bool mark_removed(gn_ui *u, size_t i, void *ctx)
{
    int *which = ctx;
    gn_session_unmark(&u->s, which[i]);
    if (u->s.state.marks[which[i]].page)
        return false;
    memmove(which + i, which + i + 1, (26 - i - 1) * sizeof *which);
    return true;
}

/* The list of bookmarks (B): their titles and locales, each one's file
 * and line in the status line; Enter goes, the delete action deletes. */
static void marks_list(gn_ui *u)
{
    int *which;
    char **notes;
    size_t n;
    char **lines = gn_session_mark_lines(&u->s, &which, &notes, &n);
    if (n == 0) {
        free(lines);
        free(notes);
        free(which);
        snprintf(u->s.msg, sizeof u->s.msg, "%s", "No bookmarks yet: m and a letter sets one.");
        return;
    }
    char *del = gn_action_keys(GN_ACT_DELETE);
    char *footer = gn_xasprintf("Enter: go  %s%sq: close", del, *del ? ": delete  " : "");
    gn_list_opts o = {.notes = notes, .footer = footer, .chosen = mark_chosen,
                      .removed = mark_removed, .ctx = which, .free_ctx = free};
    gn_list_open(u, "Bookmarks", lines, n, &o);
    free(footer);
    free(del);
}

/* The reference page's changes since the compared translation (D). */
static void changes_view(gn_ui *u)
{
    char *text, *title;
    if (gn_session_changes(&u->s, &text, &title) != 0)
        return;
    size_t n = 0;
    char **lines = NULL;
    for (char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        lines = gn_xreallocarray(lines, n + 1, sizeof *lines);
        lines[n++] = gn_xstrndup(p, len);
        p += len + (p[len] == '\n');
    }
    gn_text_open(u, title, lines, n, 1, GN_ACT_DIFF); /* continued past the diff's signs */
    free(title);
    free(text);
}

/* Copy what the session says (the selected link's URL, else the page's
 * file) to the terminal's clipboard with OSC 52, when that is on. */
static void copy_link(gn_ui *u)
{
    gn_session *s = &u->s;
    const char *what = gn_session_copy_target(s);
    if (!what)
        return;
    if (u->secure) {
        snprintf(s->msg, sizeof s->msg, "%s", "Copying is off: GUIDENAV_SECURE is set.");
        return;
    }
    if (!u->osc52) {
        snprintf(s->msg, sizeof s->msg, "%s",
                 "Copying is off: start guidenav with --osc52 if your terminal accepts OSC 52.");
        return;
    }
    gn_buf seq = GN_BUF_INIT;
    gn_buf_adds(&seq, "\033]52;c;");
    gn_base64(&seq, what, strlen(what));
    gn_buf_adds(&seq, "\a");
    fflush(stdout);
    char *safe = gn_text_sanitized(what);
    if (write(STDOUT_FILENO, seq.data, seq.len) < 0)
        snprintf(s->msg, sizeof s->msg, "%s", "Copying failed.");
    else
        snprintf(s->msg, sizeof s->msg, "Copied: %s", safe);
    free(safe);
    gn_buf_free(&seq);
}

/* A key bound to nothing: the status line says so, naming it. */
static void unbound(gn_ui *u, const gn_key *k)
{
    char name[64];
    if (!k->code && k->wc >= 0x80) { /* a character beyond ASCII, as typed */
        gn_buf b = GN_BUF_INIT;
        gn_utf8_encode(&b, (int32_t)k->wc);
        snprintf(name, sizeof name, "%s", b.data);
        gn_buf_free(&b);
    } else if (gn_key_name((int)k->wc, name, sizeof name) < 0) {
        const char *cn = k->code ? keyname((int)k->wc) : NULL;
        if (cn)
            snprintf(name, sizeof name, "%s", cn);
        else
            snprintf(name, sizeof name, "<%d>", (int)k->wc);
    }
    char *safe = gn_text_sanitized(name);
    snprintf(u->s.msg, sizeof u->s.msg, "%s: no such key (H lists the keys)", safe);
    free(safe);
}

/* The line typed after ':' (:120): go to it, as 120g does. */
static void line_typed(gn_ui *u, const char *text)
{
    if (!text || !*text)
        return;
    char *end;
    long n = strtol(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || *end) {
        char *safe = gn_text_sanitized(text);
        snprintf(u->s.msg, sizeof u->s.msg, "Not a line number: %s", safe);
        free(safe);
        return;
    }
    gn_key k = {.act = GN_ACT_TOP, .count = n};
    gn_main_key(u, &k);
}

/* Edit the open page's file in the reader's editor ($VISUAL, else
 * $EDITOR, else vi) at the line of the block at the top of the pager, the
 * terminal given to it meanwhile; then read the page again, keeping the
 * place. Off under GUIDENAV_SECURE, as every key that reaches out. */
static void edit_page(gn_ui *u)
{
    gn_session *s = &u->s;
    if (u->secure) {
        snprintf(s->msg, sizeof s->msg, "%s", "Editing is off: GUIDENAV_SECURE is set.");
        return;
    }
    char *file;
    int line;
    if (gn_session_edit_place(s, &file, &line) != 0)
        return;
    const char *editor = gn_editor_command(getenv("VISUAL"), getenv("EDITOR"));
    char **argv = gn_editor_argv(editor, file, line);
    gn_ui_leave_screen();
    gn_error err;
    int rc = gn_editor_run(argv, editor, u->keys_fd, &err);
    gn_ui_take_screen();
    gn_session_reload(s);
    if (rc != 0) {
        char *safe = gn_text_sanitized(err.msg);
        snprintf(s->msg, sizeof s->msg, "%s", safe);
        free(safe);
    }
    gn_editor_argv_free(argv);
    free(file);
}

void gn_main_key(gn_ui *u, const gn_key *k)
{
    gn_session *s = &u->s;
    switch (k->act) {
    case GN_ACT_NONE:
        unbound(u, k);
        break;
    case GN_ACT_COUNT_DIGIT:
        gn_count_open(u, k);
        break;
    case GN_ACT_GO_TO_LINE:
        gn_prompt_open(u, ":", NULL, line_typed);
        break;
    case GN_ACT_WHERE:
        gn_session_where(s);
        break;
    case GN_ACT_NEXT_PAGE:
    case GN_ACT_PREV_PAGE:
        if (gn_session_next_page(s, k->act == GN_ACT_NEXT_PAGE ? 1 : -1))
            to_pager(u);
        break;
    case GN_ACT_QUIT:
        u->quit = true;
        break;
    case GN_ACT_HELP:
        gn_help_open(u);
        break;
    case GN_ACT_LANGUAGE:
        choose_locale(u, "Language", false, s->loc, locale_chosen, locale_seen);
        break;
    case GN_ACT_COMPARE:
        gn_session_compare(s, !s->compare);
        break;
    case GN_ACT_RIGHT_LANG:
        choose_locale(u, "Second locale", true, s->right_loc, right_chosen, NULL);
        break;
    case GN_ACT_RELOAD:
        gn_session_reload(s);
        break;
    case GN_ACT_EDIT:
        edit_page(u);
        break;
    case GN_ACT_MATRIX:
        gn_matrix_open(u);
        break;
    case GN_ACT_MARK:
        if (!s->page || s->no_file)
            gn_session_mark(s, -1); /* says why not */
        else
            gn_letter_open(u, "Bookmark: press a letter (a-z) to set it here", mark_set);
        break;
    case GN_ACT_JUMP:
        gn_letter_open(u, "Go to bookmark: press its letter", mark_jump);
        break;
    case GN_ACT_MARKS:
        marks_list(u);
        break;
    case GN_ACT_DELETE:
        snprintf(s->msg, sizeof s->msg, "%s",
                 "Nothing to delete here: bookmarks are deleted from their list (B).");
        break;
    case GN_ACT_SEARCH_ALL:
        gn_search_open(u);
        break;
    case GN_ACT_DIFF:
        changes_view(u);
        break;
    case GN_ACT_FOCUS:
        if (gn_ui_no_tree(u))
            break;
        u->focus = u->focus == GN_FOCUS_TREE ? GN_FOCUS_PAGER : GN_FOCUS_TREE;
        gn_ui_geometry(u);
        break;
    case GN_ACT_PANES:
        if (gn_ui_no_tree(u))
            break;
        if (u->cols < GN_TWO_PANES_MIN) {
            snprintf(s->msg, sizeof s->msg, "%s", "Too narrow for the tree beside the pager.");
            break;
        }
        u->panes = u->one_pane ? GN_PANES_TWO : GN_PANES_ONE;
        gn_ui_geometry(u);
        break;
    case GN_ACT_BACK:
        gn_session_back(s);
        break;
    case GN_ACT_FORWARD:
        gn_session_forward(s);
        break;
    case GN_ACT_COPY:
        copy_link(u);
        break;
    case GN_ACT_REDRAW:
        clearok(curscr, TRUE);
        break;
    case GN_ACT_PERCENT: /* with a count, the pane goes there */
        if (k->count < 0) {
            snprintf(s->msg, sizeof s->msg, "%s", "Type a number before %: 50% goes halfway.");
            break;
        }
        /* fall through */
    default:
        if (u->focus == GN_FOCUS_TREE)
            gn_tree_pane_key(u, k);
        else
            gn_pager_pane_key(u, k);
        break;
    }
}
