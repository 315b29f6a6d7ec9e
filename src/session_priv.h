/* session_priv.h: what the parts of the session share (session.c, the
 * tree in session_tree.c, searches in session_find.c, bookmarks, the saved
 * place and translation views in session_marks.c, locales and the
 * comparison in session_locale.c, folds in session_fold.c, the review of
 * the compared translation in session_review.c). Not for
 * callers of session.h. */
#ifndef GUIDENAV_SESSION_PRIV_H
#define GUIDENAV_SESSION_PRIV_H

#include "guidenav/resolve.h"
#include "guidenav/session.h"

/* What the status line says of a page without a file, before why an
 * operation cannot be done ("...: it cannot be read again"). */
#define SESS_NO_FILE "This page came from standard input"

/* True when the open page has a file to act on; else false, msg saying
 * no_page when no page is open, SESS_NO_FILE ": " why when it has no
 * file. */
bool sess_page_has_file(gn_session *s, const char *no_page, const char *why);

/* sess_rebuild_tree's want: every guide listed. */
#define ALL_GUIDES ((size_t)-2)

/* The translation being compared: the side that is not the reference
 * locale and has its page. */
const gn_side *sess_compared_translation(gn_session *s, gn_source **src);
/* The pager shows two locales (compare on and a page open). */
bool sess_comparing(const gn_session *s);
/* The second locale by default: the reference locale when reading
 * another, else the next one. */
size_t sess_default_right(const gn_session *s);
/* Find the in-page query's matches in the current layout. */
void sess_find_hits(gn_session *s);
/* The file of the open page in the current locale (newly allocated), or
 * NULL. */
char *sess_open_file(gn_session *s);
/* Scroll so the heading with this anchor is at the top (in the
 * reference's page when the translation lost it), or say it is missing. */
void sess_go_to_anchor(gn_session *s, const char *anchor);
/* Go to place p of the history. */
void sess_go_place(gn_session *s, const gn_place *p);
/* The guide being read, in every locale that has it (adopted where a link
 * led to it in another locale), so that what looks across locales (the
 * locale lines, the matrix, a search) finds it where a switch would. */
void sess_guide_everywhere(gn_session *s);
/* Leave the current place for a new one in the history. */
void sess_history_step(gn_session *s, const char *tag, const char *guide, const char *page);
/* (Re)build the tree of the current locale, listing the entries of the
 * guides listed before (matched by id), of the open page's guide and of
 * guide `want` (ALL_GUIDES: every guide; GN_NONE: none more), and keeping
 * expanded groups and the cursor by their keys. */
void sess_rebuild_tree(gn_session *s, size_t want);
/* The same, each listed guide's TOC read again first when its file
 * changed on disk, and with files, its entries' files looked at again
 * (gn_guide_refresh): a locale switch, R. */
void sess_reread_tree(gn_session *s, bool files);
/* The reference locale's file of the open page (newly allocated), or NULL. */
char *sess_reference_file(gn_session *s);
/* The file of the open page in src (newly allocated), or NULL when src
 * lacks it (or is NULL). */
char *sess_page_file(gn_session *s, gn_source *src);
/* The guide with this id in src, adopted from the same place in src's
 * repository when a link led to it in another locale; NULL when src has
 * no such folder with a TOC. Pointers to src's guides are invalid after. */
gn_guide *sess_guide_with_id(gn_source *src, const char *id);
/* The translation whose staleness the status line tells (s->stale): the
 * compared one (sess_compared_translation), else the page read alone when
 * its locale is not the reference and the page was read; NULL when none.
 * *src receives its locale. */
const gn_side *sess_translation_read(gn_session *s, gn_source **src);
/* The second locale's source. */
gn_source *sess_right_source(const gn_session *s);
/* A change is coming that needs a new layout of the same page (another
 * width, locale, comparison or fold): the next layout keeps the block at
 * the top of the pager, and undoing the change at once returns to the
 * same line. */
void sess_keep_place(gn_session *s);
/* The current locale's line at the top of the pager, in the layout as it
 * is (which may be stale). */
size_t sess_top_line(const gn_session *s);
/* The guide with s->guide's id in src (adopted there when a link led to
 * it), or NULL. */
gn_guide *sess_guide_in(gn_session *s, gn_source *src);
/* Read the open page again in the current locale (and the second). */
void sess_load_page(gn_session *s);
/* Read the second locale's page of the comparison and its staleness. */
void sess_load_right(gn_session *s);
/* Set the title of the guide being read. */
void sess_set_guide_title(gn_session *s);
/* The line at the top of the pager as it is with every collapsible block
 * unfolded, as a page opens: the place the history, the bookmarks and the
 * saved place keep. */
size_t sess_place_line(gn_session *s);
/* A new layout: the findings of the compared translation (s->review,
 * s->review_rows) are forgotten, to be found again when asked for. */
void sess_review_forget(gn_session *s);
/* The row showing line ln of the current locale's page. */
size_t sess_row_for_line(const gn_session *s, size_t ln);
/* Say something in the status line (s->msg), made safe for a terminal. */
void sess_say(gn_session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Find the open page's entry in the tree, reveal it and select it. */
void sess_select_current(gn_session *s);
/* A TOC entry that reading the guide straight through comes to: its
 * guide (an index in the current locale's guides), its index in the
 * guide's TOC, and its title (in the TOC, which outlives the step). */
typedef struct sess_step {
    size_t guide;
    long entry;
    const char *title;
} sess_step;
/* The entry after (dir 1) or before (dir -1) the open page's in its
 * guide's TOC order (gn_session_next_page): true with *step; false with
 * msg saying why there is none. */
bool sess_next_entry(gn_session *s, int dir, sess_step *step);
/* Open the page of step's entry as a new place, and make that entry the
 * tree's current and selected one. */
void sess_open_entry(gn_session *s, const sess_step *step);
/* The key of the view as it is (the layout it needs), and whether two
 * keys are the same. */
gn_view_key sess_view_key(const gn_session *s);
bool sess_same_key(gn_view_key a, gn_view_key b);
/* Load the open page of src into side (freed first), or a notice saying
 * why not. */
void sess_load_side(gn_session *s, gn_source *src, gn_side *side);
/* Free what side holds but its layout. */
void sess_free_side(gn_side *side);
/* Lay side's page (of src) out at width into *doc, its collapsible blocks
 * folded as the session has them, or all unfolded. */
void sess_lay_out_page(const gn_session *s, const gn_source *src, const gn_side *side, int width,
                       bool folds, gn_doc *doc);
/* The page read ahead (session_ahead.c): one piece of gn_session_warm's
 * work for it (false: none left); side takes it when it is the open page
 * of the current locale, its file unchanged (true; side's layout is freed
 * and, when the page was laid out ahead, replaced); else it is forgotten
 * (false). sess_ahead_laid: s->left.doc is the layout taken and the view
 * still needs that one (once: the next layout asks again). */
bool sess_ahead_warm(gn_session *s);
bool sess_ahead_take(gn_session *s, gn_side *side);
bool sess_ahead_laid(gn_session *s);
void sess_ahead_free(gn_session *s);
/* Show page (anchor or line) of guide in the current locale. */
void sess_show(gn_session *s, const char *guide, const char *page, long line);

#endif
