/* session.c: the reader's state and every operation on it (see session.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/collapse.h"
#include "guidenav/interrupt.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "session_priv.h"

void sess_say(gn_session *s, const char *fmt, ...)
{
    char raw[sizeof s->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    char *safe = gn_text_sanitized(raw);
    snprintf(s->msg, sizeof s->msg, "%s", safe);
    free(safe);
}

bool sess_page_has_file(gn_session *s, const char *no_page, const char *why)
{
    if (!s->page)
        sess_say(s, "%s", no_page);
    else if (s->no_file)
        sess_say(s, "%s: %s", SESS_NO_FILE, why);
    return s->page && !s->no_file;
}

gn_source *gn_session_source(const gn_session *s)
{
    return &s->set->v[s->loc];
}

gn_source *sess_right_source(const gn_session *s)
{
    return &s->set->v[s->right_loc];
}

/* ---- layout and the place --------------------------------------------------- */

/* FNV-1a of the folded blocks' ordinals; 0 when none is folded. */
static uint64_t folds_hash(const gn_session *s)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < s->nfolded; i++)
        for (size_t v = s->folded[i], k = 0; k < sizeof v; k++, v >>= 8)
            h = (h ^ (v & 0xff)) * 0x100000001b3u;
    return s->nfolded ? h | 1 : 0;
}

gn_view_key sess_view_key(const gn_session *s)
{
    return (gn_view_key){s->loc, s->compare ? s->right_loc : 0, s->width, s->compare,
                         folds_hash(s)};
}

bool sess_same_key(gn_view_key a, gn_view_key b)
{
    return a.loc == b.loc && a.right_loc == b.right_loc && a.width == b.width &&
           a.compare == b.compare && a.folds == b.folds;
}

bool sess_comparing(const gn_session *s)
{
    return s->compare && s->page;
}

/* A change is coming that needs a new layout of the same page (another
 * width, locale or comparison): remember the layout and the line at the
 * top, so the next layout puts the same block at the top. Also remember
 * what to return to when the change is undone at once. */
void sess_keep_place(gn_session *s)
{
    s->dirty = true;
    s->ahead.taken = false; /* a layout taken is for the view as it was */
    if (s->keeping || !s->page || s->want_line >= 0 || s->want_anchor)
        return;
    s->old_line = sess_top_line(s);
    s->old = s->left.doc;
    memset(&s->left.doc, 0, sizeof s->left.doc);
    s->keeping = true;
    /* Undoing the last change, if nothing moved since: its line back. */
    s->back_ok = s->have_undo && s->undo_top == s->top;
    s->back_key = s->undo_key;
    s->back_line = s->undo_line;
    s->undo_key = sess_view_key(s);
    s->undo_line = s->old_line;
}

/* A new page: no place to keep; it starts at line (or anchor). */
static void new_place(gn_session *s, long line, const char *anchor)
{
    if (s->keeping) {
        gn_doc_free(&s->old);
        s->keeping = false;
    }
    s->have_undo = false;
    free(s->want_anchor);
    s->want_anchor = anchor && *anchor ? gn_xstrdup(anchor) : NULL;
    s->want_line = anchor && *anchor ? -1 : line;
    s->dirty = true;
}

void sess_lay_out_page(const gn_session *s, const gn_source *src, const gn_side *side, int width,
                       bool folds, gn_doc *doc)
{
    gn_layout_opts o = {.width = width, .lang = src->tag, .ascii = s->opts.ascii, .repo = src->repo,
                        .path = s->no_file ? NULL : side->pg.path, .line_offset = side->pg.body_line - 1,
                        .folded = folds ? s->folded : NULL, .nfolded = folds ? s->nfolded : 0};
    gn_layout(side->pg.doc, &o, doc);
}

/* Lay one side out at width: its page, or its notice. */
static void lay_out_side(gn_session *s, gn_source *src, gn_side *side, int width)
{
    gn_doc_free(&side->doc);
    if (width < 1)
        width = 1;
    if (side->have_page)
        sess_lay_out_page(s, src, side, width, true, &side->doc);
    else
        gn_layout_message(side->notice ? side->notice : "", width, &side->doc);
}

/* The line at the top of the pager as it is with every collapsible block
 * unfolded, as a page opens: the place the history, the bookmarks and the
 * saved place keep. */
size_t sess_place_line(gn_session *s)
{
    size_t line = gn_session_line_at_top(s);
    if (!s->nfolded || !s->left.have_page || s->dirty)
        return line;
    gn_doc open;
    sess_lay_out_page(s, gn_session_source(s), &s->left, s->left.doc.width, false, &open);
    if (!gn_interrupted())
        line = gn_align_map(&s->left.doc, &open, line);
    gn_doc_free(&open);
    return line;
}

void sess_find_hits(gn_session *s)
{
    gn_hits_free(s->hits, s->nhits);
    gn_hit_lines_free(&s->hit_lines);
    s->hits = NULL;
    s->nhits = 0;
    s->hit = -1;
    if (s->have_query)
        s->nhits = gn_doc_search(&s->left.doc, &s->query, &s->hits);
    gn_hit_lines_build(&s->hit_lines, s->hits, s->nhits, s->left.doc.nlines);
}

void gn_session_layout(gn_session *s)
{
    if (!s->dirty || gn_interrupted())
        return;
    gn_align_free(&s->align);
    s->interleaved = false;
    bool laid = sess_ahead_laid(s); /* (asked once whichever the view) */
    if (!sess_comparing(s)) {
        if (!laid)
            lay_out_side(s, gn_session_source(s), &s->left, s->width);
    } else {
        s->interleaved = !s->wide;
        int lw, rw;
        gn_compare_widths(s->width, s->interleaved, &lw, &rw);
        lay_out_side(s, gn_session_source(s), &s->left, lw);
        lay_out_side(s, sess_right_source(s), &s->right, rw);
        if (s->left.have_page != s->right.have_page) { /* one side is a notice */
            gn_align_notice(&s->left.doc, &s->right.doc, s->left.have_page,
                            s->interleaved, &s->align);
        } else {
            gn_align sbs;
            gn_align_docs(&s->left.doc, &s->right.doc, &sbs);
            if (s->interleaved) {
                gn_align_interleave(&sbs, &s->align);
                gn_align_free(&sbs);
            } else {
                s->align = sbs;
            }
        }
    }
    if (gn_interrupted()) /* the layout is partial: the place stays to keep */
        return;
    s->dirty = false;
    sess_find_hits(s);
    sess_review_forget(s);
    s->top = 0;
    s->end_said = false;
    if (s->keeping) {
        size_t line = gn_align_map(&s->old, &s->left.doc, s->old_line);
        gn_doc_free(&s->old);
        s->keeping = false;
        if (s->back_ok && sess_same_key(sess_view_key(s), s->back_key))
            line = s->back_line;
        gn_session_scroll_to(s, sess_row_for_line(s, line));
        s->undo_top = s->top;
        s->have_undo = true;
    } else if (s->want_anchor) {
        sess_go_to_anchor(s, s->want_anchor);
        free(s->want_anchor);
        s->want_anchor = NULL;
    } else if (s->want_line >= 0) {
        gn_session_scroll_to(s, sess_row_for_line(s, (size_t)s->want_line));
    }
    s->want_line = -1;
}

void gn_session_resize(gn_session *s, int width, int height, bool wide)
{
    if (width < 1)
        width = 1;
    s->height = height < 1 ? 1 : height;
    if (width != s->width || wide != s->wide) {
        sess_keep_place(s);
        s->width = width;
        s->wide = wide;
    }
    if (!s->dirty)
        gn_session_scroll_to(s, s->top);
}

/* ---- pages ------------------------------------------------------------------- */

void sess_free_side(gn_side *side)
{
    if (side->have_page)
        gn_page_free(&side->pg);
    side->have_page = false;
    free(side->notice);
    free(side->gist);
    side->notice = side->gist = NULL;
}

/* The guide with this id in src, adopted from the same place in src's
 * repository when a link led to it in another locale; NULL when src has
 * no such folder with a TOC. */
gn_guide *sess_guide_with_id(gn_source *src, const char *id)
{
    gn_guide *g = gn_source_guide(src, id);
    if (!g && id[0]) {
        char *dir = gn_path_join(src->repo, id);
        g = gn_source_adopt(src, id, dir);
        free(dir);
    }
    return g;
}

/* The guide with s->guide's id in src (see sess_guide_with_id). */
gn_guide *sess_guide_in(gn_session *s, gn_source *src)
{
    return s->guide ? sess_guide_with_id(src, s->guide) : NULL;
}

/* The guide being read, in every locale that has it (adopted where a link
 * led to it in another locale), so that what looks across locales (the
 * locale lines, the matrix, a search) finds it where a switch would. */
void sess_guide_everywhere(gn_session *s)
{
    for (size_t i = 0; s->guide && i < s->set->n; i++)
        sess_guide_with_id(&s->set->v[i], s->guide);
}

gn_guide *gn_session_guide(gn_session *s)
{
    gn_source *src = gn_session_source(s);
    gn_guide *g = sess_guide_in(s, src);
    return g ? g : src->nguides ? &src->guides[0] : NULL;
}

/* Resolve the open page in src; *g receives its guide there (NULL when the
 * page lies outside every guide). False when src lacks the guide. */
static bool resolve_page(gn_session *s, gn_source *src, gn_guide **g, gn_target *t)
{
    *g = sess_guide_in(s, src);
    if (s->guide && !*g)
        return false;
    if (*g) {
        gn_resolve_in_guide(src, *g, s->page, t);
    } else {
        char *abs = gn_xasprintf("/%s", s->page);
        gn_resolve(src, NULL, abs, t);
        free(abs);
    }
    return true;
}

void sess_load_side(gn_session *s, gn_source *src, gn_side *side)
{
    sess_free_side(side);
    gn_guide *g;
    gn_target t;
    if (s->no_file) { /* (the open page's text is kept, never loaded) */
        side->notice = gn_xasprintf("%s: it exists in no locale.", SESS_NO_FILE);
        side->gist = gn_xasprintf("page missing in %s", src->tag);
        return;
    }
    if (!resolve_page(s, src, &g, &t)) {
        side->notice = gn_xasprintf("This guide is not available in %s.", src->tag);
        side->gist = gn_xasprintf("guide missing in %s", src->tag);
        return;
    }
    gn_error err;
    bool missing = false; /* else unreadable */
    if (t.kind == GN_TARGET_OUTSIDE) {
        side->notice = gn_xasprintf("This page cannot be shown.\n\n%s: %s", s->page, t.why);
    } else if (t.kind != GN_TARGET_PAGE) {
        missing = true;
        /* The TOC read now if need be: the second locale's may not be yet. */
        const gn_toc *toc = g ? gn_guide_toc(g, NULL) : NULL;
        bool listed = toc && gn_toc_find_page(toc, s->page) >= 0;
        side->notice = gn_xasprintf("This page is not available in %s.\n\n%s %s", src->tag,
                                    s->page, listed ? "is listed in this locale's table of "
                                    "contents, but its file is missing."
                                    : g ? "is not in this locale's table of contents."
                                    : "does not exist in this locale.");
    } else if (gn_source_check_read(src, t.file, &err) != 0) {
        side->notice = gn_xasprintf("This page cannot be shown.\n\n%s", err.msg);
    } else if (gn_page_load_within(t.file, src->real_repo, &side->pg, &err) != 0) {
        gn_page_free(&side->pg);
        side->notice = gn_xasprintf("This page cannot be shown.\n\n%s", err.msg);
    } else {
        side->have_page = true;
    }
    if (!side->have_page)
        side->gist = gn_xasprintf("page %s in %s", missing ? "missing" : "unreadable", src->tag);
    gn_target_free(&t);
}

/* The heading of the open page that anchor names through the reference
 * locale's page of it, when the open page lacks the anchor and the
 * current locale is not the reference (gn_align_find_anchor): its index
 * in s->left.doc, or -1. *in_ref receives the index of the reference
 * page's heading, or -1 when that page lacks the anchor too or cannot be
 * read. The reference page is read and laid out for this, its blocks
 * folded as the open page's are. */
static long anchor_via_reference(gn_session *s, const char *anchor, long *in_ref)
{
    *in_ref = -1;
    gn_source *ref = gn_localeset_find(s->set, s->reference);
    if (!ref || ref == gn_session_source(s) || !s->left.have_page)
        return -1;
    gn_side side;
    memset(&side, 0, sizeof side);
    sess_load_side(s, ref, &side);
    long h = -1;
    if (side.have_page) {
        sess_lay_out_page(s, ref, &side, s->left.doc.width, true, &side.doc);
        if (!gn_interrupted())
            h = gn_align_find_anchor(&s->left.doc, &side.doc, anchor, in_ref);
        gn_doc_free(&side.doc);
    }
    sess_free_side(&side);
    return h;
}

/* Scroll the open page (laid out) to the heading anchor names: its own,
 * else the one it names through the reference locale's page
 * (anchor_via_reference), saying so in msg; else msg says the page has no
 * such section. */
void sess_go_to_anchor(gn_session *s, const char *anchor)
{
    long in_ref = -1;
    long h = gn_doc_find_anchor(&s->left.doc, anchor);
    if (h < 0)
        h = anchor_via_reference(s, anchor, &in_ref);
    if (h >= 0)
        gn_session_scroll_to(s, sess_row_for_line(s, s->left.doc.headings[h].line));
    const char *tag = gn_session_source(s)->tag;
    if (in_ref >= 0 && h >= 0)
        sess_say(s, "#%s: no such anchor in %s; went to the section it names in %s", anchor, tag,
                 s->reference);
    else if (in_ref >= 0)
        sess_say(s, "#%s: no such anchor in %s; its section in %s has no counterpart here",
                 anchor, tag, s->reference);
    else if (h < 0)
        sess_say(s, "No section #%s in this page.", anchor);
}

/* The translation being compared: the side that is not the reference
 * locale and has its page. */
const gn_side *sess_compared_translation(gn_session *s, gn_source **src)
{
    if (!gn_localeset_find(s->set, s->reference))
        return NULL;
    if (strcmp(sess_right_source(s)->tag, s->reference) != 0 && s->right.have_page) {
        *src = sess_right_source(s);
        return &s->right;
    }
    if (strcmp(gn_session_source(s)->tag, s->reference) != 0 && s->left.have_page) {
        *src = gn_session_source(s);
        return &s->left;
    }
    return NULL;
}

gn_repo *gn_session_repo(gn_session *s)
{
    if (!s->repo_tried) {
        s->repo_tried = true;
        s->repo = gn_repo_of_locale(s->set, s->reference);
    }
    return s->repo;
}

/* The reference locale's file of the open page (newly allocated), or NULL. */
char *sess_reference_file(gn_session *s)
{
    return sess_page_file(s, gn_localeset_find(s->set, s->reference));
}

/* The file of the open page in src (newly allocated), or NULL. */
char *sess_page_file(gn_session *s, gn_source *src)
{
    gn_guide *g;
    gn_target t;
    char *file = NULL;
    if (src && resolve_page(s, src, &g, &t)) {
        if (t.kind == GN_TARGET_PAGE) {
            file = t.file;
            t.file = NULL;
        }
        gn_target_free(&t);
    }
    return file;
}

static void update_staleness(gn_session *s)
{
    s->stale[0] = '\0';
    gn_source *src;
    const gn_side *tr = sess_translation_read(s, &src);
    if (!tr)
        return;
    gn_repo *repo = gn_session_repo(s);
    char *ref = sess_reference_file(s);
    const char *commit = gn_meta_get(&tr->pg.meta, "source-git-commit");
    gn_stale st = repo && ref ? gn_repo_stale(repo, ref, commit) : GN_STALE_UNKNOWN;
    if (sess_comparing(s))
        snprintf(s->stale, sizeof s->stale, "%s %s", src->tag, gn_stale_name(st));
    else if (st == GN_STALE_STALE) /* read alone: said only when stale */
        snprintf(s->stale, sizeof s->stale, "%s", gn_stale_name(st));
    free(ref);
}

/* Load the second locale's page, when comparing. */
void sess_load_right(gn_session *s)
{
    sess_free_side(&s->right);
    if (sess_comparing(s))
        sess_load_side(s, sess_right_source(s), &s->right);
    update_staleness(s);
}

/* The title of the guide being read, for the status line. */
void sess_set_guide_title(gn_session *s)
{
    gn_guide *g = gn_session_guide(s);
    free(s->guide_title);
    /* A locale without guides (a page alone, standard input): the page. */
    s->guide_title = g ? gn_xstrdup(gn_guide_title(g))
                   : s->page ? gn_text_sanitized(s->page) : gn_xstrdup("");
}

/* Load the open page (s->guide, s->page) in the current locale. */
void sess_load_page(gn_session *s)
{
    if (s->no_file) { /* read once: what was read stays */
        s->dirty = true;
        return;
    }
    sess_free_side(&s->left);
    free(s->title);
    s->title = NULL;
    if (!sess_ahead_take(s, &s->left))
        sess_load_side(s, gn_session_source(s), &s->left);
    if (s->left.have_page)
        s->title = gn_page_title(&s->left.pg);
    else
        s->title = gn_text_sanitized(gn_path_basename(s->page));
    sess_set_guide_title(s);
    s->link = -1;
    sess_load_right(s);
    s->dirty = true;
}

/* Show page (anchor or line) of guide in the current locale. */
void sess_show(gn_session *s, const char *guide, const char *page, long line)
{
    char *g = guide ? gn_xstrdup(guide) : NULL;
    size_t n = strcspn(page, "#");
    char *p = gn_xstrndup(page, n);
    const char *anchor = page[n] == '#' ? page + n + 1 : NULL;
    free(s->guide);
    free(s->page);
    s->guide = g;
    s->page = p;
    s->no_file = false;
    s->nfolded = 0;
    new_place(s, line, anchor);
    sess_load_page(s);
    sess_select_current(s);
}

/* Leave the current place for a new one in the history. */
void sess_history_step(gn_session *s, const char *tag, const char *guide, const char *page)
{
    size_t n = strcspn(page, "#");
    char *p = gn_xstrndup(page, n);
    if (s->history.n == 0 && s->page) /* the place the session started at */
        gn_history_go(&s->history, 0, gn_session_source(s)->tag, s->guide, s->page);
    gn_history_go(&s->history, s->page ? sess_place_line(s) : 0, tag, guide, p);
    free(p);
}

void gn_session_open(gn_session *s, const char *guide, const char *page)
{
    char *g = guide ? gn_xstrdup(guide) : NULL, *p = gn_xstrdup(page);
    sess_history_step(s, gn_session_source(s)->tag, g, p);
    sess_show(s, g, p, 0);
    free(g);
    free(p);
}

int gn_session_open_file(gn_session *s, const char *file)
{
    char *abs = gn_path_absolute(file);
    gn_source *src = NULL;
    const char *rel = NULL;
    size_t known = 0;
    for (size_t i = 0; abs && i < s->set->n && !src; i++)
        if (gn_path_below(abs, s->set->v[i].repo)) {
            src = &s->set->v[i];
            known = src->nguides;
        }
    if (!src) {
        sess_say(s, "%s: in no locale source here", file);
        free(abs);
        return -1;
    }
    /* Its guide (adopted when its folder was not listed), else none. */
    gn_guide *g = gn_source_guide_of(src, abs, &rel);
    size_t n = strlen(src->repo);
    gn_place p = {src->tag, g ? gn_xstrdup(g->id) : NULL,
                  gn_xstrdup(g ? rel : abs + (n == 1 ? 1 : n + 1)), 0};
    if (src->nguides != known && src == gn_session_source(s))
        sess_rebuild_tree(s, GN_NONE);
    sess_history_step(s, p.locale, p.guide, p.page);
    sess_go_place(s, &p);
    free(p.guide);
    free(p.page);
    free(abs);
    return 0;
}

int gn_session_open_text(gn_session *s, const char *name, const char *text, size_t len)
{
    free(s->guide);
    free(s->page);
    s->guide = NULL;
    s->page = gn_xstrdup(name);
    s->no_file = true;
    s->nfolded = 0;
    new_place(s, 0, NULL);
    sess_free_side(&s->left);
    free(s->title);
    gn_error err;
    int rc = gn_page_parse(name, text, len, &s->left.pg, &err);
    if (rc == 0) {
        s->left.have_page = true;
        s->title = gn_page_title(&s->left.pg);
    } else {
        gn_page_free(&s->left.pg);
        s->left.notice = gn_xasprintf("This page cannot be shown.\n\n%s", err.msg);
        s->title = gn_text_sanitized(name);
        sess_say(s, "%s", err.msg);
    }
    sess_set_guide_title(s);
    s->link = -1;
    s->current = GN_NONE;
    sess_load_right(s);
    s->dirty = true;
    return rc;
}


void gn_session_where(gn_session *s)
{
    if (!s->page) {
        sess_say(s, "%s", "No page open: Enter opens one.");
        return;
    }
    gn_position p;
    gn_session_position(s, &p);
    gn_source *src = gn_session_source(s);
    gn_guide *g;
    gn_target t;
    char *file = NULL;
    if (resolve_page(s, src, &g, &t)) {
        file = t.rel ? gn_xstrdup(t.rel) : NULL;
        gn_target_free(&t);
    }
    sess_say(s, "%s (%s: %s): lines %zu-%zu of %zu, %u%%", s->title, src->tag,
             file ? file : s->page, p.top, p.bottom, p.total, p.percent);
    free(file);
}

char *sess_open_file(gn_session *s)
{
    if (s->left.have_page)
        return gn_xstrdup(s->left.pg.path);
    gn_guide *g;
    gn_target t;
    char *file = NULL;
    if (resolve_page(s, gn_session_source(s), &g, &t)) {
        file = t.file;
        t.file = NULL;
        gn_target_free(&t);
    }
    return file;
}

void gn_session_reload(gn_session *s)
{
    if (!sess_page_has_file(s, "No page to reload.", "it cannot be read again."))
        return;
    char *file = sess_open_file(s);
    bool gone = s->left.have_page && file && !gn_is_file(file);
    free(file);
    if (gone) {
        sess_say(s, "%s", "The page's file was deleted; this is the copy read before.");
        return;
    }
    size_t line = gn_session_line_at_top(s);
    sess_reread_tree(s, true); /* the TOCs and their pages' files too */
    sess_load_page(s);
    sess_select_current(s);
    new_place(s, (long)line, NULL);
    sess_say(s, "%s", "Reloaded.");
}

int gn_session_edit_place(gn_session *s, char **file, int *line)
{
    if (!sess_page_has_file(s, "No page open: e edits the open page.", "there is no file to edit."))
        return -1;
    char *f = sess_open_file(s);
    gn_error err;
    if (!f || gn_source_check_read(gn_session_source(s), f, &err) != 0) {
        sess_say(s, "No file to edit: %s", f ? err.msg : s->page);
        free(f);
        return -1;
    }
    gn_session_layout(s);
    *line = s->left.have_page && !s->dirty ? gn_doc_source_line(&s->left.doc, sess_top_line(s)) : 1;
    *file = f;
    return 0;
}

/* ---- life ----------------------------------------------------------------------- */

/* The notice shown before a page is opened. */
static void welcome(gn_session *s)
{
    gn_buf b = GN_BUF_INIT;
    gn_buf_addf(&b, "%zu locale%s: ", s->set->n, s->set->n == 1 ? "" : "s");
    for (size_t i = 0; i < s->set->n; i++)
        gn_buf_addf(&b, "%s%s", i ? ", " : "", s->set->v[i].tag);
    gn_buf_adds(&b, "\n\nChoose a page in the tree and press Enter. Press L to switch "
                    "language, / to filter the tree, S to search, H for every key, q to quit.");
    if (s->tree.errors)
        gn_buf_addf(&b, "\n\n%s", s->tree.errors);
    s->left.notice = gn_buf_take(&b);
    sess_set_guide_title(s);
    s->dirty = true;
}

void gn_session_init(gn_session *s, gn_localeset *set, const gn_session_opts *opts)
{
    memset(s, 0, sizeof *s);
    s->set = set;
    s->opts = *opts;
    s->reference = opts->reference ? opts->reference : "en";
    s->current = GN_NONE;
    s->link = -1;
    s->hit = -1;
    s->finding = -1;
    s->want_line = -1;
    s->width = 80;
    s->height = 24;
    s->wide = true;
    s->ahead.want = GN_NONE;
    sess_rebuild_tree(s, GN_NONE); /* the first guide listed */
    welcome(s);
}

void gn_session_free(gn_session *s)
{
    sess_free_side(&s->left);
    sess_free_side(&s->right);
    gn_doc_free(&s->left.doc);
    gn_doc_free(&s->right.doc);
    gn_doc_free(&s->old);
    sess_ahead_free(s);
    gn_align_free(&s->align);
    gn_qa_findings_free(&s->review);
    free(s->review_rows);
    gn_tree_free(&s->tree);
    free(s->guide);
    free(s->page);
    free(s->title);
    free(s->guide_title);
    free(s->want_anchor);
    free(s->folded);
    gn_history_free(&s->history);
    gn_hits_free(s->hits, s->nhits);
    gn_hit_lines_free(&s->hit_lines);
    if (s->have_query)
        gn_query_free(&s->query);
    gn_finder_free(s->finder);
    gn_state_free(&s->state);
    gn_repo_free(s->repo);
    memset(s, 0, sizeof *s);
}
