/* region.c: the pager's scroll region (see region.h). Kept apart, as
 * terminal.c is, because <term.h> defines a macro for every capability
 * name. */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guidenav/util.h"
#include "ui/region.h"
#include <term.h> /* last: its macros name capabilities */

/* The rows the terminal's scroll region holds from the top of the screen:
 * 0 when it is the whole screen, -1 when that is not known. */
static int kept;
/* curses resets the region itself in its next update. */
static bool resuming;
/* curscr's rows while they are moved, and a row of blanks as the terminal
 * shows one that scrolled in; both the screen's width. */
static WINDOW *saved, *blank_row;
/* The rows read back to find a scroll (one screen row each), their
 * hashes and weights; grown with the screen. */
static cchar_t *cells;
static uint64_t *old_hash, *new_hash;
static int *weight;
static int nrows_alloc, ncols_alloc;
/* old_hash holds curscr's rows (of the size last hashed). */
static bool old_known;
static int known_rows, known_cols;

/* A capability the terminal has. */
static bool has(const char *cap)
{
    return cap && cap != (char *)-1;
}

/* The terminal can keep a region and scroll it: it sets one (moving the
 * cursor, which is saved around it), scrolls it up and down, and a
 * character written in the last column of the region's bottom row does
 * not scroll it (the cursor waits there, or stays). Not when the cursor's
 * save is part of the alternate screen's start: curses then leaves sc and
 * rc alone too, as they do not nest. */
static bool usable(void)
{
    return has(change_scroll_region) && has(cursor_address) && has(save_cursor) &&
           has(restore_cursor) && (has(scroll_forward) || has(parm_index)) &&
           (has(scroll_reverse) || has(parm_rindex)) && (eat_newline_glitch || !auto_right_margin) &&
           !(has(enter_ca_mode) && strstr(enter_ca_mode, save_cursor));
}

/* The rows of the region while the pager owns the screen: full width, no
 * view over it but on the status line; else 0 (no region). */
static int pager_rows(const gn_ui *u)
{
    for (const gn_view *v = u->top; v->below; v = v->below)
        if (!v->ops->status_only)
            return 0;
    if (!u->one_pane || u->focus != GN_FOCUS_PAGER || u->pager_x != 0 || u->rows != LINES ||
        u->cols != COLS || u->body_h < 2 || u->body_h >= u->rows)
        return 0;
    return u->body_h;
}

/* What is sent before curses' update: its own output is written at the
 * end of each update, so this goes out first. */
static gn_buf out;

/* Add capability string s (NULL: nothing) to out. */
static void put(const char *s)
{
    if (has(s))
        gn_buf_adds(&out, s);
}

/* Send out. */
static void send_out(void)
{
    if (out.len)
        gn_write_all(STDOUT_FILENO, out.data, out.len);
    gn_buf_reset(&out);
}

/* Set the terminal's region to the top rows rows (0: the whole screen);
 * the cursor stays where curses believes it is. */
static void set_region(int rows)
{
    put(save_cursor);
    put(tiparm(change_scroll_region, 0, (rows ? rows : LINES) - 1));
    put(restore_cursor);
    kept = rows;
}

/* Make room for the screen's rows and columns. */
static void reserve(int rows, int cols)
{
    if (saved && (getmaxy(saved) != rows || getmaxx(saved) != cols)) {
        delwin(saved);
        delwin(blank_row);
        saved = blank_row = NULL;
    }
    if (!saved) {
        saved = newwin(rows, cols, 0, 0);
        blank_row = newwin(1, cols, 0, 0);
        werase(blank_row);
    }
    if (rows > nrows_alloc || cols > ncols_alloc) {
        nrows_alloc = rows > nrows_alloc ? rows : nrows_alloc;
        ncols_alloc = cols > ncols_alloc ? cols : ncols_alloc;
        cells = gn_xreallocarray(cells, (size_t)ncols_alloc + 1, sizeof *cells);
        old_hash = gn_xreallocarray(old_hash, (size_t)nrows_alloc, sizeof *old_hash);
        new_hash = gn_xreallocarray(new_hash, (size_t)nrows_alloc, sizeof *new_hash);
        weight = gn_xreallocarray(weight, (size_t)nrows_alloc, sizeof *weight);
    }
}

/* h and v mixed (a multiply and a shift: cheap, and enough to tell
 * rows apart; a collision only costs bytes, curses compares the cells). */
static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * UINT64_C(0x9e3779b97f4a7c15);
    return h ^ (h >> 29);
}

/* The hash of row y of w, and in *w8 what writing it costs: its cells
 * other than plain blanks. Moves w's cursor. curses hands a wide
 * character's cell once (not its continuation), so a row of CJK gives
 * fewer cells than columns: the cells are cleared first and read up to
 * the first one left empty. */
static uint64_t row_hash(WINDOW *w, int y, int cols, int *w8)
{
    memset(cells, 0, ((size_t)cols + 1) * sizeof *cells);
    mvwin_wchnstr(w, y, 0, cells, cols);
    uint64_t h = 0;
    int n = 0;
    for (int x = 0; x < cols && cells[x].chars[0] != 0; x++) {
        const cchar_t *c = &cells[x];
        if (c->chars[0] != L' ' || (c->attr & (A_REVERSE | A_UNDERLINE | A_STANDOUT)))
            n++;
        uint64_t words[4] = {0}; /* the cell's bytes, all of them */
        _Static_assert(sizeof *c <= sizeof words, "a cell fits in four words");
        memcpy(words, c, sizeof *c);
        for (int k = 0; k < 4; k++)
            h = mix(h, words[k]);
    }
    *w8 = n;
    return h;
}

/* Hash the top rows rows of stdscr (new_hash, weight) and, unless they
 * are known (the last update left curscr's rows as that update's
 * new_hash says: it always finishes), of curscr (old_hash). */
static void hash_rows(int rows, int cols)
{
    for (int y = 0; y < rows; y++) {
        int unused;
        if (!old_known)
            old_hash[y] = row_hash(curscr, y, cols, &unused);
        new_hash[y] = row_hash(stdscr, y, cols, &weight[y]);
    }
}

/* The scroll (rows up, negative down) that leaves most of the new rows of
 * stdscr where curscr has them already, weighed by what they would cost
 * to write again; 0 when no scroll pays for itself. */
static int best_shift(int rows)
{
    long best = -1;
    int shift = 0;
    for (int k = -(rows - 1); k < rows; k++) {
        long score = 0;
        for (int y = k < 0 ? -k : 0; y < rows && y + k < rows; y++)
            if (new_hash[y] == old_hash[y + k])
                score += weight[y] + 1;
        /* A scroll costs a few bytes: a newline a row, or one sequence. */
        if (k != 0)
            score -= abs(k) < 4 ? abs(k) : 4;
        if (score > best || (score == best && k == 0)) {
            best = score;
            shift = k;
        }
    }
    return shift;
}

/* curses would find a scroll of its own among the top rows rows: a row
 * shown once before and once now, at another place (an anchor of its
 * search; without one it moves nothing). Over these rows alone, which
 * may count once a row that curses sees twice (the safe way round: it
 * then finds no anchor where this finds one). */
static bool curses_would_scroll(int rows)
{
    for (int y = 0; y < rows; y++) {
        int in_old = 0, in_new = 0, at = -1;
        for (int z = 0; z < rows; z++) {
            in_new += new_hash[z] == new_hash[y];
            if (old_hash[z] == new_hash[y]) {
                in_old++;
                at = z;
            }
        }
        if (in_old == 1 && in_new == 1 && at != y)
            return true;
    }
    return false;
}

/* The sequence that moves the cursor to the start of row y. */
static const char *go_to(int y)
{
    return y == 0 && has(cursor_home) ? cursor_home : tiparm(cursor_address, y, 0);
}

/* Scroll the region's rows rows by k (up when positive), the cursor left
 * where curses believes it is: (y, x). Up, from the region's bottom row
 * (where the pager parks the cursor, so a newline does it), down from its
 * top. */
static void scroll_terminal(int rows, int k, int y, int x)
{
    int n = abs(k), row = k > 0 ? rows - 1 : 0;
    const char *one = k > 0 ? scroll_forward : scroll_reverse;
    const char *many_cap = k > 0 ? parm_index : parm_rindex;
    bool parked = y == row && x == 0;
    /* Away from the row, the cursor goes there and is put back; after one
     * sequence for many rows too, as terminfo does not say where that
     * leaves it. */
    size_t around = strlen(save_cursor) + strlen(restore_cursor);
    size_t go = parked ? 0 : around + strlen(go_to(row));
    size_t cost_one = has(one) ? go + (size_t)n * strlen(one) : SIZE_MAX;
    size_t cost_many = has(many_cap) ? (parked ? around : go) + strlen(tiparm(many_cap, n))
                                     : SIZE_MAX;
    bool many = cost_many < cost_one;
    bool back = many || !parked;
    if (back) {
        put(save_cursor);
        if (!parked)
            put(go_to(row));
    }
    if (many)
        put(tiparm(many_cap, n));
    else
        for (int i = 0; i < n; i++)
            put(one);
    if (back)
        put(restore_cursor);
}

/* Make curscr's top rows rows what the terminal shows once they scrolled
 * by k (0: as they are), each row marked as written anew: curses compares
 * it with what it wants there and sends only the difference, and finds no
 * scroll of its own in these rows. */
static void move_curscr(int rows, int cols, int k)
{
    copywin(curscr, saved, 0, 0, 0, 0, rows - 1, cols - 1, FALSE);
    wredrawln(stdscr, 0, rows); /* curscr's rows emptied, curses' memo of them too */
    wtouchln(stdscr, 0, rows, 0); /* stdscr itself was copied out already */
    int from = k > 0 ? k : 0, to = k < 0 ? -k : 0, n = rows - abs(k);
    copywin(saved, curscr, from, 0, to, 0, to + n - 1, cols - 1, FALSE);
    for (int y = 0; y < rows; y++)
        if (y < to || y >= to + n)
            copywin(blank_row, curscr, 0, 0, y, 0, y, cols - 1, FALSE);
}

void gn_region_refresh(const gn_ui *u)
{
    int rows = usable() ? pager_rows(u) : 0;
    if (rows && u->top->below == NULL)
        move(rows - 1, 0); /* park the cursor: a newline scrolls */
    wnoutrefresh(stdscr);
    if (resuming) { /* curses resets the region in this update */
        resuming = false;
        kept = 0;
        doupdate();
        return;
    }
    if (rows != kept && (rows || kept))
        set_region(rows);
    old_known = old_known && rows == known_rows && COLS == known_cols;
    if (rows) {
        int cy, cx;
        getyx(curscr, cy, cx);
        reserve(LINES, COLS);
        hash_rows(rows, COLS);
        int k = best_shift(rows);
        if (k)
            scroll_terminal(rows, k, cy, cx);
        if (k || curses_would_scroll(rows))
            move_curscr(rows, COLS, k);
        wmove(curscr, cy, cx);
        memcpy(old_hash, new_hash, (size_t)rows * sizeof *old_hash); /* what curses leaves */
        known_rows = rows;
        known_cols = COLS;
    }
    old_known = rows != 0;
    send_out();
    doupdate();
}

void gn_region_release(void)
{
    if (kept != 0)
        set_region(0);
    send_out();
}

void gn_region_resumed(void)
{
    resuming = true;
    old_known = false;
}

void gn_region_resized(void)
{
    kept = -1;
    old_known = false;
}
