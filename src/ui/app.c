/* app.c: the navigator's one loop: the terminal set up and given back,
 * signals, the screen's geometry, and keys read and handed to the topmost
 * view (see view.h). Everything about guides, locales and files is the
 * session's (session.h). */
#define _GNU_SOURCE /* ppoll */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "guidenav/interrupt.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "ui/actions.h"
#include "ui/hyperlinks.h"
#include "ui/region.h"
#include "ui/style.h"
#include "ui/terminal.h"
#include "ui/ui.h"
#include "ui/view.h"

static atomic_int terminate;
static volatile sig_atomic_t suspend_asked;

static void on_terminate(int sig)
{
    (void)sig;
    terminate = 1;
}

static void on_suspend(int sig)
{
    (void)sig;
    suspend_asked = 1;
}

/* Suspend as asked by SIGTSTP (Ctrl-Z): give the terminal back, stop, and
 * take it again when continued. Where nobody can continue the process (an
 * orphaned process group), the stop is skipped by the system and the
 * screen comes straight back. */
static void suspend(void)
{
    suspend_asked = 0;
    gn_ui_leave_screen();
    struct sigaction dfl, mine;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &mine);
    kill(getpid(), SIGTSTP);
    sigaction(SIGTSTP, &mine, NULL);
    gn_ui_take_screen();
}

void gn_ui_leave_screen(void)
{
    gn_region_release();
    endwin();
}

void gn_ui_take_screen(void)
{
    reset_prog_mode();
    clearok(curscr, TRUE);
    gn_region_resumed();
}

/* Size the panes: one at a time, full width, on narrow terminals or when
 * asked (the focused one), else the tree beside the pager; the session
 * lays the page out for the pager. */
void gn_ui_geometry(gn_ui *u)
{
    getmaxyx(stdscr, u->rows, u->cols);
    int sr = u->status_rows > 1 ? u->status_rows : 1;
    u->body_h = u->rows > sr ? u->rows - sr : 1;
    bool no_tree = gn_session_source(&u->s)->nguides == 0; /* a page alone */
    if (no_tree)
        u->focus = GN_FOCUS_PAGER;
    u->one_pane = no_tree || u->cols < GN_TWO_PANES_MIN || u->panes == GN_PANES_ONE ||
                  (u->panes == GN_PANES_AUTO && u->cols < GN_TWO_PANES_FROM);
    if (u->one_pane) {
        u->tree_w = u->focus == GN_FOCUS_TREE ? u->cols : 0;
        u->pager_x = 0;
        u->pager_w = u->cols;
    } else {
        u->tree_w = u->cols / 3 < 20 ? 20 : u->cols / 3 > 40 ? 40 : u->cols / 3;
        u->pager_x = u->tree_w + 1;
        u->pager_w = u->cols - u->pager_x;
    }
    gn_session_resize(&u->s, u->pager_w - 2, u->body_h, u->cols >= GN_SIDE_BY_SIDE_FROM);
}

bool gn_ui_no_tree(gn_ui *u)
{
    if (gn_session_source(&u->s)->nguides > 0)
        return false;
    snprintf(u->s.msg, sizeof u->s.msg, "%s", "No table of contents: this page is in no guide.");
    return true;
}

void gn_ui_open(gn_ui *u, gn_view *v)
{
    v->below = u->top;
    u->top = v;
}

void gn_ui_close(gn_ui *u)
{
    gn_view *v = u->top;
    if (!v->below) /* the main view stays */
        return;
    u->top = v->below;
    v->ops->free(u, v);
}

long gn_key_count(const gn_key *k, long dflt)
{
    return k->count >= 0 ? k->count : dflt;
}

size_t gn_key_row(const gn_key *k, size_t dflt)
{
    return k->count > 0 ? (size_t)k->count - 1 : k->count == 0 ? 0 : dflt;
}

long gn_key_half(gn_ui *u, const gn_key *k, long dflt)
{
    if (k->count > 0)
        u->half = k->count;
    return u->half > 0 ? u->half : dflt;
}

/* Draw the views from the bottom (the main view) up. */
static void draw_views(gn_ui *u, gn_view *v)
{
    if (v->below)
        draw_views(u, v->below);
    v->ops->draw(u, v);
}

static void main_draw(gn_ui *u, gn_view *v)
{
    (void)v;
    gn_main_draw(u);
}

static void main_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    (void)v;
    gn_main_key(u, k);
}

static void main_free(gn_ui *u, gn_view *v)
{
    (void)u;
    (void)v;
}

/* The main view: always open, at the bottom. */
static const gn_view_ops main_ops = {main_draw, main_key, NULL, main_free, false};

/* Catch up with the terminal's real size: after a storm of resizes the
 * last SIGWINCH may have been taken before the size settled. */
static void follow_terminal_size(gn_ui *u)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
        return;
    if (is_term_resized(ws.ws_row, ws.ws_col)) {
        resize_term(ws.ws_row, ws.ws_col);
        gn_region_resized();
    }
    if (ws.ws_row != u->rows || ws.ws_col != u->cols)
        gn_ui_geometry(u);
}

/* True when the terminal is gone (hung up, closed): a blocking read
 * failed and the keys' descriptor says so. */
static bool terminal_gone(int keys)
{
    struct pollfd p = {.fd = keys, .events = POLLIN};
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* Wait until the terminal has input (or is gone): true; false when a
 * signal came first. The signals the loop acts on are blocked while the
 * flags are checked and unblocked only inside ppoll, so one that comes
 * just before the wait (after a draw that long work filled) is never
 * missed by a read that would block until the next key. */
static bool wait_for_input(int keys)
{
    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    sigaddset(&sigs, SIGTSTP);
    sigaddset(&sigs, SIGWINCH);
    sigprocmask(SIG_BLOCK, &sigs, &old);
    bool ready = false;
    if (!terminate && !suspend_asked) {
        struct pollfd p = {.fd = keys, .events = POLLIN};
        ready = ppoll(&p, 1, NULL, &old) == 1;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return ready;
}

/* A key waits on descriptor keys. */
static bool key_waiting(int keys)
{
    struct pollfd p = {.fd = keys, .events = POLLIN};
    return poll(&p, 1, 0) == 1;
}

/* Read a key (from descriptor keys, the terminal's); when busy (the
 * topmost view has work to do between keys), without waiting. False when
 * none came; a read that fails because the terminal is gone ends the loop
 * (*gone). A key curses holds already (the rest of a sequence it read) is
 * taken before any wait. Before a wait, session s (NULL: none) works
 * ahead (gn_session_warm) a piece at a time until a key comes or it is
 * done: nothing it does shows, so nothing is drawn again. */
static bool read_key(int keys, bool busy, gn_session *s, gn_key *k, bool *gone)
{
    timeout(0);
    int kind = get_wch(&k->wc);
    if (kind == ERR && !busy) {
        while (s && !terminate && !suspend_asked && !key_waiting(keys) && gn_session_warm(s))
            continue;
        /* After a signal, only what curses makes of it (KEY_RESIZE). */
        timeout(wait_for_input(keys) ? -1 : 0);
        kind = get_wch(&k->wc);
    }
    timeout(-1);
    if (kind == ERR) {
        *gone = !busy && !terminate && !suspend_asked && terminal_gone(keys);
        return false;
    }
    k->code = kind == KEY_CODE_YES;
    k->act = k->code || k->wc < 0x80 ? gn_action_for_key((int)k->wc) : GN_ACT_NONE;
    k->count = -1;
    return true;
}

/* A mouse event read (KEY_MOUSE): the main view's, when it is on top and
 * the mouse is on; anything else (a view above, a button not asked for)
 * is dropped, never taken for a key. */
static void take_mouse(gn_ui *u)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || !u->mouse || u->top->below)
        return;
    u->s.msg[0] = '\0';
    if (ev.bstate & BUTTON4_PRESSED)
        gn_main_mouse(u, ev.y, ev.x, true, -1);
    else if (ev.bstate & BUTTON5_PRESSED)
        gn_main_mouse(u, ev.y, ev.x, true, 1);
    else if (ev.bstate & BUTTON1_PRESSED)
        gn_main_mouse(u, ev.y, ev.x, false, 0);
}

/* The loop: draw, read a key, hand it to the topmost view, until the
 * reader quits or a signal ends it. */
static void run(gn_ui *u)
{
    bool busy = false;
    /* Work ahead once the reader reads (a key came): a start that quits
     * at once costs what it did. */
    bool reading = false;
    while (!u->quit && !terminate) {
        if (suspend_asked)
            suspend();
        follow_terminal_size(u);
        int sr = gn_pager_status_rows(u); /* a long message takes a row more */
        if (sr != u->status_rows) {
            u->status_rows = sr;
            gn_ui_geometry(u);
        }
        draw_views(u, u->top);
        gn_region_refresh(u);
        gn_hyperlinks_write(u);
        gn_key k;
        bool gone = false;
        if (!read_key(u->keys_fd, busy, reading ? &u->s : NULL, &k, &gone)) {
            if (gone)
                break; /* nobody to draw for: save the place and end */
            busy = busy && u->top->ops->step && u->top->ops->step(u, u->top);
            continue;
        }
        if (terminate || suspend_asked)
            continue;
        if (k.code && k.wc == KEY_RESIZE) { /* the message stays */
            gn_region_resized();
            gn_ui_geometry(u);
            continue;
        }
        if (k.code && k.wc == KEY_MOUSE) {
            take_mouse(u);
            continue;
        }
        u->s.msg[0] = '\0';
        u->top->ops->key(u, u->top, &k);
        busy = u->top->ops->step != NULL; /* the key may have started work */
        reading = true;
    }
    while (u->top->below)
        gn_ui_close(u);
}

/* The stream the keys come from: standard input when it is a terminal,
 * else the controlling terminal, opened (*opened: the caller closes it).
 * NULL with err when there is none. */
static FILE *keys_stream(bool *opened, gn_error *err)
{
    *opened = false;
    if (isatty(STDIN_FILENO))
        return stdin;
    gn_error why;
    int fd = gn_terminal_open(&why);
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        gn_fail(err, "the navigator needs a terminal to read keys from (%s)", why.msg);
        return NULL;
    }
    *opened = true;
    return f;
}

/* The first page: the text or file given, else the place saved, else the
 * guide's first page (gn_session_start). True when the reader starts
 * reading (the pager takes the focus): a text, a file or the place saved.
 * A failure is said in the status line. */
static bool first_page(gn_session *s, const gn_ui_opts *opts)
{
    if (opts->text) {
        gn_session_open_text(s, opts->text_name, opts->text, opts->text_len);
    } else if (opts->file) {
        gn_session_restore_marks(s);
        gn_session_open_file(s, opts->file);
    } else {
        /* The saved place, else the first page beside the tree. */
        return gn_session_start(s);
    }
    return s->page != NULL;
}

int gn_ui_run(gn_localeset *set, const gn_ui_opts *opts, gn_error *err)
{
    setlocale(LC_ALL, "");
    bool ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
    if (!isatty(STDOUT_FILENO))
        return gn_fail(err, "the navigator needs a terminal; to write a page to a file or a "
                            "pipe, use --dump PAGE (or --toc, --search)");
    if (gn_terminal_usable(err) != 0)
        return -1;
    bool opened;
    FILE *keys = keys_stream(&opened, err);
    if (!keys)
        return -1;
    /* Our own SIGTSTP handler, set before curses starts so curses does not
     * install its own; the others end the program cleanly. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_suspend;
    sigaction(SIGTSTP, &sa, NULL);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    gn_interrupt_watch(&terminate); /* long work gives up at once */
    SCREEN *screen = newterm(NULL, stdout, keys);
    if (!screen) {
        if (opened)
            fclose(keys);
        return gn_fail(err, "cannot use the terminal (TERM=%s)",
                       getenv("TERM") ? getenv("TERM") : "");
    }
    /* cbreak, not raw: Ctrl-C interrupts (and quits cleanly), Ctrl-Z
     * suspends. */
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    idlok(stdscr, TRUE); /* scroll with the terminal's own line operations */
    curs_set(0);
    /* Every update is finished, even with keys waiting: the pager's
     * scroll region (region.h) counts on the cursor being where the last
     * one left it. */
    typeahead(-1);
    set_escdelay(25);
    gn_style_init(opts->config);
    gn_bindings_apply(opts->config);
    if (opts->mouse) {
        /* Presses, not clicks: no wait to tell a click from a press. Off,
         * the terminal is never asked to report the mouse, so its own
         * text selection works. */
        mouseinterval(0);
        mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    }

    gn_ui *u = gn_xcalloc(1, sizeof *u);
    gn_view main_view = {&main_ops, NULL};
    u->top = &main_view;
    u->ascii = ascii;
    u->keys_fd = fileno(keys);
    u->osc52 = opts->osc52;
    u->hyperlinks = opts->hyperlinks;
    u->mouse = opts->mouse;
    u->secure = getenv("GUIDENAV_SECURE") && strcmp(getenv("GUIDENAV_SECURE"), "0") != 0;
    gn_session_opts so = {opts->reference, opts->state, opts->cache, ascii, opts->compare};
    gn_session_init(&u->s, set, &so);
    gn_ui_geometry(u);
    bool reading = first_page(&u->s, opts);
    if (opts->notice) { /* before what opening the first page had to say */
        char *both = u->s.msg[0] ? gn_xasprintf("%s; %s", opts->notice, u->s.msg)
                                 : gn_xstrdup(opts->notice);
        char *safe = gn_text_sanitized(both);
        snprintf(u->s.msg, sizeof u->s.msg, "%s", safe);
        free(safe);
        free(both);
    }
    if (reading) {
        u->focus = GN_FOCUS_PAGER;
        gn_ui_geometry(u);
    }
    run(u);
    gn_error save_err;
    bool saved = gn_session_save(&u->s, &save_err) == 0;
    gn_region_release();
    endwin();
    delscreen(screen);
    if (opened)
        fclose(keys);
    gn_session_free(&u->s);
    free(u->link_cells);
    free(u);
    if (!saved) /* not fatal: the reader's work is not lost, only the place */
        fprintf(stderr, "guidenav: the place and bookmarks were not saved: %s\n", save_err.msg);
    return 0;
}
