/* session.h: the reader, in the core: where they are in a locale set and
 * every operation on it, shared by the navigator and the command-line
 * modes.
 *
 * A session holds the locale set's current locale, the tree of its guides
 * with the selected entry, the open page (of a guide, by its path in the
 * guide's folder) laid out at the pager's width, the comparison with a
 * second locale, the history (a locale switch is a step in it), the in-page
 * search, the bookmarks and the place saved between runs.
 *
 * Operations change the state and say what happened in `msg` (one line,
 * sanitised, for a status line); those that can fail return 0 or -1. A
 * change that needs a new layout marks it stale: the page is laid out once,
 * when gn_session_layout (or an operation that needs the lines) runs next.
 * Across a relayout (a locale switch, a new width, the comparison turned
 * on or off) the block at the top of the pager stays at the top, and
 * undoing the change at once returns to the same line.
 *
 * The fields are read by the views; only these functions change them. */
#ifndef GUIDENAV_SESSION_H
#define GUIDENAV_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include "guidenav/align.h"
#include "guidenav/error.h"
#include "guidenav/finder.h"
#include "guidenav/history.h"
#include "guidenav/layout.h"
#include "guidenav/matrix.h"
#include "guidenav/page.h"
#include "guidenav/qa.h"
#include "guidenav/search.h"
#include "guidenav/source.h"
#include "guidenav/stale.h"
#include "guidenav/state.h"
#include "guidenav/tree.h"

typedef struct gn_session_opts {
    const char *reference;  /* the reference locale (default "en") */
    const char *state_path; /* the place and bookmarks, or NULL: none */
    const char *cache_dir;  /* the search cache, or NULL: none */
    bool ascii;             /* lay out with ASCII marks */
    const char *compare;    /* the default second locale of the comparison,
                               or NULL: the reference locale, else the next */
} gn_session_opts;

/* One side of the pager: a page of a locale, or a notice saying why not. */
typedef struct gn_side {
    gn_page pg;
    bool have_page;  /* pg holds the page */
    char *notice;    /* else: why it is not shown */
    char *gist;      /* ...and that in a few words, for a status line
                      * ("page missing in pt-BR"); NULL with no page open */
    gn_doc doc;      /* laid out (page or notice) */
} gn_side;

/* The layout a place was kept through (see keep_place in session.c). */
typedef struct gn_view_key {
    size_t loc, right_loc;
    int width;
    bool compare;
    uint64_t folds; /* a hash of the folded blocks; 0: none */
} gn_view_key;

/* The open page read, then laid out, between keys in the locale a switch
 * is expected to (gn_session_expect_locale), for the switch to take as
 * it is when the page's file has not changed since (session_ahead.c). */
typedef struct gn_ahead {
    size_t want;        /* the locale expected, or GN_NONE */
    bool have;          /* side holds the open page of locale loc, read */
    size_t loc;
    char *guide, *page; /* which page: s->guide and s->page when read */
    struct stat st;     /* its file's, before it was read (zero: none) */
    gn_side side;       /* the page (or the notice why not) */
    bool laid;          /* side.doc is its layout at key */
    gn_view_key key;
    bool taken;         /* a switch took side's layout into s->left.doc:
                           the next layout keeps it when its key is still
                           the view's */
} gn_ahead;

typedef struct gn_session {
    gn_localeset *set;
    size_t loc;             /* the current locale */
    const char *reference;
    gn_session_opts opts;

    gn_tree tree;           /* the current locale's guides */
    size_t cursor;          /* selected row of the tree */
    size_t current;         /* the open page's tree item, or GN_NONE */

    char *guide;            /* the open page's guide id; NULL: a page reached
                               by a link outside every guide */
    char *page;             /* its path in the guide (or from the
                               repository root); NULL: no page open */
    bool no_file;           /* the open page has no file: text read from
                               standard input (gn_session_open_text), named
                               by page; it is never read again, so nothing
                               leaves it for a place to come back to */
    char *title;            /* the open page's title */
    char *guide_title;      /* the title of the guide being read */
    gn_side left;           /* the current locale (the welcome notice when
                               no page is open) */
    size_t top;             /* first row shown */
    bool end_said;          /* gn_session_read_on said (END) at this top of
                               this layout: the next read on goes on */
    long link;              /* selected link of left.doc, or -1 */
    size_t *folded;         /* the open page's collapsible blocks shown
                               folded, by ordinal (gn_coll), increasing, on
                               both sides of a comparison; none when a page
                               opens */
    size_t nfolded, cap_folded;

    bool compare;           /* two locales side by side (or interleaved) */
    bool right_chosen;      /* the reader chose the second locale */
    size_t right_loc;
    gn_side right;
    gn_align align;         /* rows of the comparison; when one side lacks
                               its page, its notice above the other's page
                               (interleaved) or beside its top */
    bool interleaved;       /* one above the other: the pager is narrow */
    char stale[64];         /* "ja-JP stale" (fresh, unknown) of the
                               compared translation; "stale" of a stale
                               translation read alone, else "" */
    gn_qa_findings review;  /* the compared translation's findings (qa.h),
                               against the other side, in line order, once
                               asked for (gn_session_findings) */
    size_t *review_rows;    /* the row where each one's block starts */
    bool reviewed;          /* review holds this layout's findings */
    long finding;           /* the one gone to last, or -1 */
    size_t finding_top;     /* the top of the pager just after going there */

    int width, height;      /* the pager's text columns and rows */
    bool wide;              /* room for two pages side by side */
    bool dirty;             /* the layout is stale */
    long want_line;         /* after the next layout: this line at the top */
    char *want_anchor;      /* ...or this anchor's heading */
    bool keeping;           /* old holds the layout the place is kept from */
    gn_doc old;
    size_t old_line;
    gn_view_key undo_key;   /* the layout before the last change, */
    size_t undo_line;       /* its line at the top, */
    size_t undo_top;        /* and the top just after the change */
    bool have_undo;
    gn_view_key back_key;   /* the same, for the change being made */
    size_t back_line;
    bool back_ok;           /* it is an undo if it restores back_key */
    gn_ahead ahead;         /* the open page read ahead in another locale */

    gn_history history;
    gn_query query;         /* the in-page search */
    bool have_query;
    bool backward;
    gn_hit *hits;
    size_t nhits;
    gn_hit_lines hit_lines; /* the hits' pieces by line, for drawing them */
    long hit;

    gn_finder *finder;      /* search of guides and locales */
    gn_scope scope;
    gn_state state;         /* bookmarks, and the place at the last quit */
    gn_repo *repo;          /* the reference locale's repository */
    bool repo_tried;
    char msg[512];          /* what the last operation has to say */
} gn_session;

/* Start a session on set (which must outlive it) in its first locale:
 * the tree of its first guide, no page open (the welcome notice). */
void gn_session_init(gn_session *s, gn_localeset *set, const gn_session_opts *opts);
void gn_session_free(gn_session *s);

/* The pager's size: width columns of text, height rows; wide: two pages
 * fit side by side. Keeps the place when the width changes. */
void gn_session_resize(gn_session *s, int width, int height, bool wide);
/* Lay the page out now if that is stale; views call it before drawing. */
void gn_session_layout(gn_session *s);

/* ---- where the reader is ---- */
gn_source *gn_session_source(const gn_session *s);
/* The open page's guide in the current locale (adopted when reached by a
 * link), else the first guide; NULL when the locale has none. */
gn_guide *gn_session_guide(gn_session *s);
/* Rows (lines, or rows of the comparison) of the pager, laid out first. */
size_t gn_session_rows(gn_session *s);
/* The current locale's line at the top of the pager. */
size_t gn_session_line_at_top(gn_session *s);
/* Scroll so row top is first (clamped); by delta rows. */
void gn_session_scroll_to(gn_session *s, size_t top);
void gn_session_scroll(gn_session *s, long delta);
/* The row pct percent into n rows, as less's N% counts: pct x n / 100
 * (pct above 100 is 100), the last row at most; 0 when n is 0. */
size_t gn_session_percent_row(size_t n, unsigned long pct);
/* Scroll so that the row pct percent into the pager's rows is first
 * (clamped as gn_session_scroll_to clamps). */
void gn_session_scroll_percent(gn_session *s, unsigned long pct);
/* Read on, as Space does: scroll down rows. When that shows the end of
 * the page, or the end showed already, msg says "(END)" and what comes
 * next; a read on at the end after "(END)" was said there opens the next
 * page in the TOC's order (gn_session_next_page), or says that this is
 * the last page. */
void gn_session_read_on(gn_session *s, long rows);

/* Where the pager is in its rows: the first row shown (1-based; 0 when
 * there are none), the last row shown, the rows in all, and how far the
 * last row shown is into them, in percent (as less counts: 100 when the
 * end shows). The status line and gn_session_where both show these. */
typedef struct gn_position {
    size_t top, bottom, total;
    unsigned percent;
} gn_position;
void gn_session_position(gn_session *s, gn_position *p);
/* Say where the reader is, as less's = does: msg holds the page's title,
 * its locale and file (its path from the repository root), the line at
 * the top of the pager of how many, and gn_session_position's percent. */
void gn_session_where(gn_session *s);

/* ---- pages ---- */
/* Open page (of guide id; NULL: a path from the repository root) as a new
 * place in the history, at its anchor when page has "#anchor". */
void gn_session_open(gn_session *s, const char *guide, const char *page);
/* Open the page at file (a path as the reader gave it) as a new place:
 * in the guide of the locale set that holds it, its locale made current
 * and its entry selected in the tree; else, when a locale source's
 * repository holds it but no guide does, as a page outside every guide
 * (a set made by gn_localeset_alone). -1 with msg when no source holds it
 * (nothing changes). */
int gn_session_open_file(gn_session *s, const char *file);
/* Show Markdown text that has no file (standard input), named name, as
 * the open page: it cannot be read again (R), edited or bookmarked, and
 * its links to files cannot be followed (anchors and URLs still work).
 * -1 with msg when the text cannot be parsed (its front matter): the
 * pager then says why. */
int gn_session_open_text(gn_session *s, const char *name, const char *text, size_t len);
/* Enter on the tree's selected row: open a page, toggle a group, or say
 * an external link's URL. Returns true when a page was opened. */
bool gn_session_tree_enter(gn_session *s);
/* Expand (or collapse) a tree item; an unlisted guide is read first. */
void gn_session_tree_expand(gn_session *s, size_t item, bool on);
/* Filter the tree as the reader types: every guide is listed, and the
 * best match selected ("": none typed). NULL ends the filter, the selected
 * entry staying selected. */
void gn_session_tree_filter(gn_session *s, const char *text);
/* Follow a link as written in the open page. */
void gn_session_follow(gn_session *s, const char *url);
/* Follow the selected link. */
void gn_session_follow_selected(gn_session *s);
/* Select the next (dir 1) or previous (-1) link, scrolling to it. */
void gn_session_select_link(gn_session *s, int dir);
/* Read the guide straight through: open the next (dir 1) or previous
 * (dir -1) page of the open page's guide in its TOC's order
 * (gn_toc_next_page), from the TOC entry the page was opened by (else the
 * first that names it), as a new place in the history, and select that
 * entry in the tree. With no page open: the first (last) page of the
 * guide gn_session_guide names. msg says when there is no such page (the
 * last or first page of the guide) or the open page is not in the guide's
 * TOC. Returns true when a page was opened. */
bool gn_session_next_page(gn_session *s, int dir);
/* Start reading, as info and glow start at the top node: go back to the
 * place of the last run (gn_session_restore), else open the first page of
 * the guide in its TOC's order, its entry selected in the tree, msg saying
 * the keys that help. Returns true when the saved place was restored
 * (false: the first page, or none when the guide has no page). */
bool gn_session_start(gn_session *s);
/* Back and forward in the history (locale switches included). */
void gn_session_back(gn_session *s);
void gn_session_forward(gn_session *s);
/* Read the open page again, keeping the place (and the folds). */
void gn_session_reload(gn_session *s);
/* Where an editor should open the open page (e): its file in the current
 * locale (newly allocated; the caller frees it) and *line, the line of
 * that file where the block at the top of the pager starts (1 when the
 * page could not be read: a file to mend). -1 with msg when there is none
 * to edit: no page open, a page with no file (standard input), a file
 * missing in this locale or outside the guide. Read the page again after
 * the edit with gn_session_reload. */
int gn_session_edit_place(gn_session *s, char **file, int *line);
/* Fold or unfold a collapsible block of the open page: the first whose
 * title is on the screen, else the one the top line is in (gn_collapse_at).
 * The text at the top stays at the top (the block's title when it is folded
 * away). In-page search skips folded blocks; the search of guides does not.
 * msg names the block. */
void gn_session_fold(gn_session *s);

/* ---- locales ---- */
/* Switch to locale loc, keeping the page and the place in it; a step in
 * the history. */
void gn_session_switch_locale(gn_session *s, size_t loc);
/* Compare on or off; the second locale is the one chosen, else the
 * default one (opts.compare), else the reference locale, else the next. */
void gn_session_compare(gn_session *s, bool on);
/* Choose the second locale (turning the comparison on). */
void gn_session_set_right(gn_session *s, size_t loc);
/* The lines of a chooser of locales: one per locale of the set, or per
 * locale but the current one when others (the second locale of a
 * comparison is another), in the set's order: its tag and its title of
 * the guide being read ("ja-JP   ブックガイド"). A locale that lacks the
 * open page (or, with no page open, the guide) says so at the end of its
 * line ("(page missing)"; "(no such guide)" in place of the title), and
 * (*lacking)[i] is true for it. (*loc)[i] is line i's locale index. The
 * caller frees each line and the three arrays. */
char **gn_session_locale_lines(gn_session *s, bool others, size_t **loc, bool **lacking,
                               size_t *n);
/* Work done ahead while the reader reads, a piece a call: the open page
 * in the locale expected (gn_session_expect_locale) read, then laid out,
 * so that a switch there reads and lays out nothing when the page's file
 * is unchanged; the TOC of the guide being read parsed in one more
 * locale, so that a switch there parses no TOC. False when nothing is
 * left to do (true: call again). */
bool gn_session_warm(gn_session *s);
/* The reader looks at locale loc (GN_NONE: at none any more), as in the
 * chooser of L: gn_session_warm reads the open page there ahead, unless
 * it is the current locale or the pager compares two. */
void gn_session_expect_locale(gn_session *s, size_t loc);

/* ---- in-page search ---- */
/* Search the page for text (empty: the last query again), forward or
 * backward from the top of the pager, and show the first match. */
void gn_session_find(gn_session *s, const char *text, bool backward);
/* The next match in the search's direction (or the other way). */
void gn_session_find_next(gn_session *s, bool reverse);

/* ---- search of guides and locales ---- */
/* Start a search of query in s->scope (the current guide or every guide,
 * of this locale or every locale); false when query is empty. */
bool gn_session_search(gn_session *s, const char *query);
/* Widen the scope: this guide, all guides, all locales, and round. */
void gn_session_search_widen(gn_session *s);
/* Open match r of the search for query (its locale, page and match). */
void gn_session_open_found(gn_session *s, const gn_found *r, const char *query);
/* The search box closed: keep the text cache; msg says which pages were
 * refused (outside the guide); -1 with msg when the cache could not be
 * written. */
int gn_session_search_done(gn_session *s);

/* ---- bookmarks and the saved place ---- */
/* Set bookmark m (0..25) here; -1 with msg when it cannot be saved. */
int gn_session_mark(gn_session *s, int m);
/* Go to bookmark m; -1 when it is not set. */
int gn_session_jump(gn_session *s, int m);
/* One line per bookmark set, in letter order: its letter, its locale and
 * the title of its page in that locale's TOC, else the page's file name
 * ("a  ja-JP  キー", the titles in one column). (*which)[i] is line i's
 * letter index (0..25); (*notes)[i] says where it is, for a status line
 * ("ja-JP: help/main/keys.md, line 12"). The caller frees each line and
 * note and the three arrays. */
char **gn_session_mark_lines(gn_session *s, int **which, char ***notes, size_t *n);
/* Delete bookmark m (0..25) and save at once (gn_spot_delete: a save of
 * another guidenav on the same set does not bring it back); -1 with msg
 * when it is not set, or the deletion could not be saved. */
int gn_session_unmark(gn_session *s, int m);
/* Go back to the place of the last run; -1 with msg when the state file
 * could not be read (it is then ignored). */
int gn_session_restore(gn_session *s);
/* Read the bookmarks of the state file, not going to the place saved
 * (a page named on the command line is opened instead); -1 with msg when
 * the file could not be read (it is then ignored). */
int gn_session_restore_marks(gn_session *s);
/* Save the place and bookmarks; -1 with err when it failed. */
int gn_session_save(gn_session *s, gn_error *err);

/* ---- translation ---- */
/* The reference locale's repository, opened on first use, or NULL. */
gn_repo *gn_session_repo(gn_session *s);
/* The reference page's changes since the compared translation was made:
 * *text (the diff, each line ending in '\n' and made safe with its tabs
 * expanded: gn_text_code_line) and *title, newly allocated; -1 with msg
 * when there is nothing to show. */
int gn_session_changes(gn_session *s, char **text, char **title);
/* Go to the next (dir 1) or previous (-1) finding of the translation
 * checks in the comparison, from the top of the pager: its block at the
 * top, msg saying it ("2/5 ja-JP line 14: link: ... missing"). */
void gn_session_next_finding(gn_session *s, int dir);
/* How many findings the comparison has (found now if not yet). */
size_t gn_session_findings(gn_session *s);
/* The first finding whose block starts on row of the comparison, or -1. */
long gn_session_finding_at_row(gn_session *s, size_t row);

/* The TOC matrix of the guide being read; -1 with msg on failure. *row
 * (may be NULL) receives the row to start on: the open page's
 * (gn_matrix_page_row, for the current locale), else 0. Its titles are
 * for the current locale: gn_matrix_title(m, r, s->loc, ...). */
int gn_session_matrix(gn_session *s, gn_matrix *m, size_t *row);
/* Open page (of the matrix's guide) compared with a second locale. */
void gn_session_open_compared(gn_session *s, const char *page);
/* What y copies: the selected link's URL, else the open page's file;
 * NULL (with msg) when nothing. */
const char *gn_session_copy_target(gn_session *s);

#endif
