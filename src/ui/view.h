/* view.h: the navigator's views and the one loop that runs them.
 *
 * The screen is the main view (the tree beside the pager, and the status
 * line) with, on top, a stack of views that take the keys while they are
 * open: lists (help, languages, bookmarks, changes), the TOC matrix, prompts
 * (filter, in-page search, a bookmark's letter) and the search box. Each
 * view has the same operations, as tig's do: draw, take a key, follow a
 * resize, do a step of background work. A view only turns keys into
 * session operations (session.h) and draws what the session holds. */
#ifndef GUIDENAV_UI_VIEW_H
#define GUIDENAV_UI_VIEW_H

#include <stdbool.h>
#include <wchar.h>
#include "guidenav/session.h"
#include "ui/actions.h"

typedef struct gn_ui gn_ui;
typedef struct gn_view gn_view;

/* A key as read: a curses key code (KEY_*), or a character. */
typedef struct gn_key {
    bool code;      /* wc is a KEY_* code */
    wint_t wc;
    gn_action act;  /* what the bindings say of it */
    long count;     /* the count typed before it (15 in 15j), or -1 */
} gn_key;

typedef struct gn_view_ops {
    /* Draw over what the views below drew. */
    void (*draw)(gn_ui *u, gn_view *v);
    /* Take a key; the view may close itself (gn_ui_close). */
    void (*key)(gn_ui *u, gn_view *v, const gn_key *k);
    /* Background work, done while no key waits; true while there is more.
     * NULL: none (the loop then waits for a key). */
    bool (*step)(gn_ui *u, gn_view *v);
    /* Release the view (it is closed). */
    void (*free)(gn_ui *u, gn_view *v);
    /* It draws only on the status line (a prompt): the panes below stay
     * as drawn, their links hyperlinks (hyperlinks.h). */
    bool status_only;
} gn_view_ops;

struct gn_view {
    const gn_view_ops *ops;
    gn_view *below;
};

/* A link of the pager's page as drawn: the cells of one row it covers
 * (one such run a row it is on), and its index in the current locale's
 * doc->links. What a click on the pager and the OSC 8 hyperlinks use. */
typedef struct gn_link_cells {
    int row, x, w;
    long link;
} gn_link_cells;

typedef enum gn_focus { GN_FOCUS_TREE, GN_FOCUS_PAGER } gn_focus;
/* Tree and pager side by side, or one at a time (t toggles; AUTO: one at
 * a time below GN_TWO_PANES_FROM columns). */
typedef enum gn_panes { GN_PANES_AUTO, GN_PANES_ONE, GN_PANES_TWO } gn_panes;
#define GN_TWO_PANES_FROM 100
#define GN_TWO_PANES_MIN 60 /* narrower, only one pane fits */
#define GN_SIDE_BY_SIDE_FROM 100 /* narrower, compared pages interleave */

struct gn_ui {
    gn_session s;
    int rows, cols;     /* the screen */
    gn_panes panes;
    bool one_pane;      /* as the geometry decided */
    gn_focus focus;
    int tree_w;         /* 0 when the tree is hidden */
    int pager_x, pager_w, body_h;
    int status_rows;    /* 1, or 2 while a message longer than the status
                           line shows whole (the pager gives up a row) */
    size_t tree_top;    /* first row of the tree shown */
    long half;          /* rows d and u move once a count gave them
                           (10d), as in less and vim; 0: half the pane */
    bool ascii;         /* the terminal is not UTF-8 */
    bool osc52, secure;
    int keys_fd;        /* the terminal keys come from (standard input,
                           or /dev/tty when that held a page) */
    bool hyperlinks;    /* OSC 8 on the pager's web links (--hyperlinks) */
    bool mouse;         /* mouse reporting asked for (--mouse) */
    gn_link_cells *link_cells; /* the links drawn in the last frame */
    size_t nlink_cells, cap_link_cells;
    bool quit;
    gn_view *top;       /* the open views, topmost first; the main view
                           is always the last */
};

/* Size the panes for the screen and tell the session the pager's size. */
void gn_ui_geometry(gn_ui *u);
/* True, with a message, when the current locale has no guide (a page
 * read alone): there is no tree to show or go to. */
bool gn_ui_no_tree(gn_ui *u);
/* Give the terminal back for a while (a program runs in it, or the
 * navigator stops), and take it again, the screen to be drawn anew. */
void gn_ui_leave_screen(void);
void gn_ui_take_screen(void);
/* Open v on top of the others; close the topmost (freeing it), unless it
 * is the main view. */
void gn_ui_open(gn_ui *u, gn_view *v);
void gn_ui_close(gn_ui *u);
/* The count typed before key k, or dflt when none was. */
long gn_key_count(const gn_key *k, long dflt);
/* The row (from 0) that a count before key k names as a line (120 in
 * 120g: row 119), or dflt when none was typed. */
size_t gn_key_row(const gn_key *k, size_t dflt);
/* The rows a half-page key (d, u) moves: the count typed before k, kept
 * for the next ones (u->half), else the last count kept, else dflt. */
long gn_key_half(gn_ui *u, const gn_key *k, long dflt);

/* The main view: the tree, the pager and the status line. */
void gn_main_draw(gn_ui *u);
void gn_main_key(gn_ui *u, const gn_key *k);
/* Its panes: each draws itself and takes the actions meant for it. */
void gn_tree_pane_draw(gn_ui *u);
void gn_tree_pane_key(gn_ui *u, const gn_key *k);
void gn_pager_pane_draw(gn_ui *u);
void gn_pager_pane_key(gn_ui *u, const gn_key *k);
void gn_pager_status_draw(gn_ui *u);
/* A click (--mouse) on row y of the tree: it selects the entry there, and
 * opens it (as Enter) when it was the selected one already; on row y,
 * column x of the pager: it follows the link drawn there (as Enter on
 * the selected link), and gives the pager the focus. */
void gn_tree_pane_click(gn_ui *u, int y);
void gn_pager_pane_click(gn_ui *u, int y, int x);
/* The rows the pager's status line needs now (gn_status_rows). */
int gn_pager_status_rows(gn_ui *u);

/* A list in a box in the middle of the screen: the motions (gn_motion:
 * j/k, arrows, pages, half pages, g/G, Home/End) move, Enter chooses
 * (chosen(u, index, ctx) is called, then the list closes), the delete
 * action (Delete) removes the selected line when removed(u, index, ctx)
 * says it was (the list closes when none is left), q/Esc close. The
 * box's bottom border says how many rows lie above and below those
 * shown, then footer. */
typedef void (*gn_list_chosen)(gn_ui *u, size_t index, void *ctx);
typedef bool (*gn_list_removed)(gn_ui *u, size_t index, void *ctx);
typedef struct gn_list_opts {
    size_t start;             /* the line selected first */
    char **notes;             /* each line's note, shown in the status line
                                 while it is selected (unless a message
                                 is); may be NULL */
    bool *dim;                /* lines drawn dim; may be NULL */
    const char *footer;       /* the keys it takes; may be NULL */
    gn_list_chosen chosen;    /* may be NULL */
    gn_list_chosen moved;     /* may be NULL: called with the line selected
                                 when the list opens and each time the
                                 selection moves, and with GN_NONE when it
                                 closes (before chosen) */
    gn_list_removed removed;  /* NULL: lines cannot be removed */
    void *ctx;
    void (*free_ctx)(void *); /* frees ctx; may be NULL */
} gn_list_opts;
/* Open such a list of n lines; it takes lines, and o's notes, dim and
 * ctx. */
void gn_list_open(gn_ui *u, const char *title, char **lines, size_t n, const gn_list_opts *o);
/* Text to read in such a box: lines wider than the box wrap (the rows of
 * gn_wrap_rows: UAX #14 breaks, a row that a line goes on after ends with
 * the wrap marker, the next starts indent columns in); the motions
 * scroll, q, Esc and the keys of action closer (the one that opened it)
 * close it, and other keys do nothing; its bottom border says so, and
 * how many rows lie above and below. The view takes lines. */
void gn_text_open(gn_ui *u, const char *title, char **lines, size_t n, int indent,
                  gn_action closer);
/* The list of keys, made from the bindings, as such a text: each key's
 * description wrapped in a column of its own (gn_wrap_terms); H, F1 and
 * ? close it too. */
void gn_help_open(gn_ui *u);
/* The TOC matrix of the guide being read (matrix_view.c): the motions
 * move the selected row (first the open page's), h/l and Left/Right scroll
 * the locale columns, Enter opens a page compared, q/Esc close. */
void gn_matrix_open(gn_ui *u);

/* A line of text typed in the status line after label: changed (may be
 * NULL) is called after each edit, done with the text on Enter or NULL on
 * Esc; then the prompt closes. */
typedef void (*gn_prompt_fn)(gn_ui *u, const char *text);
void gn_prompt_open(gn_ui *u, const char *label, gn_prompt_fn changed, gn_prompt_fn done);
/* Wait for a letter a-z after showing what: done(u, 0..25) or -1. */
void gn_letter_open(gn_ui *u, const char *what, void (*done)(gn_ui *u, int letter));
/* A count typed before a key (15j), starting with the digit of key k (a
 * COUNT_DIGIT key): it is shown in the status line as it grows; Backspace
 * takes its last digit back, Esc forgets it, and any other key closes the
 * view and goes, with the count, to the view below. */
void gn_count_open(gn_ui *u, const gn_key *k);

/* The search box of guides and locales (S). */
void gn_search_open(gn_ui *u);

/* A mouse event (--mouse) while the main view is on top: the wheel
 * scrolls the pane under the pointer, a click selects a tree entry (one
 * on the selected entry opens it) or follows a link of the pager. */
void gn_main_mouse(gn_ui *u, int y, int x, bool wheel, int dir);

/* ---- drawing (screen.c) ---- */
/* Write len bytes of UTF-8 text at the cursor ('?' per column for what a
 * non-UTF-8 terminal cannot show). */
void gn_put_text(const gn_ui *u, const char *s, size_t len);
/* Write s cut to cols columns, an ellipsis ("…", "..." in ASCII) saying
 * where it was cut (gn_text_ellipsize); returns the columns used. */
int gn_put_clipped(const gn_ui *u, const char *s, size_t len, int cols);
/* Fill the status line with text (reverse video), right-aligned right
 * text after it when it fits (right may be NULL). */
void gn_draw_status_line(const gn_ui *u, const char *text, const char *right);
/* The rows a status line of text and right needs: 2 when text is wider
 * than the room left of right (and the screen has 6 rows or more), else 1. */
int gn_status_rows(const gn_ui *u, const char *text, const char *right);
/* The status line on nrows rows (gn_status_rows): with 2, text broken at
 * a break opportunity (UAX #14) to fill the row above, its rest (cut with
 * an ellipsis if even that is too long) on the last row with right. */
void gn_draw_status_lines(const gn_ui *u, const char *text, const char *right, int nrows);
/* A box of w columns and h rows at column x, row y, over what is below:
 * its inside cleared, its border in bold with title (clipped) in the top
 * border. */
void gn_draw_box(const gn_ui *u, int x, int y, int w, int h, const char *title);

#endif
