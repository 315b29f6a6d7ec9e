/* session_marks.c: bookmarks, the place saved between runs, and what the
 * reference locale tells of a translation (see session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "guidenav/text.h"
#include "guidenav/util.h"
#include "session_priv.h"

/* ---- bookmarks and the saved place -------------------------------------------- */

static void here(gn_session *s, gn_spot *spot)
{
    gn_spot_set(spot, gn_session_source(s)->tag, s->guide, s->page, sess_place_line(s));
}

int gn_session_save(gn_session *s, gn_error *err)
{
    if (!s->opts.state_path)
        return 0;
    if (s->page && !s->no_file)
        here(s, &s->state.last);
    s->state.compare = s->compare;
    free(s->state.right_locale);
    s->state.right_locale = gn_xstrdup(sess_right_source(s)->tag);
    return gn_state_save(s->opts.state_path, &s->state, err);
}

/* The guide of a spot read from the state file, which writes a page
 * outside every guide (no guide) and a guide that is the repository root
 * (id "") alike and reads both back as NULL. When locale tag has a root
 * guide, every page of the repository lies in it: it is that one. */
static char *saved_guide(const gn_session *s, const char *tag, char *guide)
{
    gn_source *src = tag ? gn_localeset_find(s->set, tag) : NULL;
    if (!src)
        src = gn_session_source(s);
    return !guide && gn_source_guide(src, "") ? "" : guide;
}

/* Go to a saved spot: its locale, its page, its line. */
static void go_spot(gn_session *s, const gn_spot *spot)
{
    gn_place p = {spot->locale ? spot->locale : gn_session_source(s)->tag,
                  saved_guide(s, spot->locale, spot->guide), spot->page, spot->top};
    sess_history_step(s, p.locale, p.guide, p.page);
    sess_go_place(s, &p);
}

int gn_session_mark(gn_session *s, int m)
{
    if (!sess_page_has_file(s, "Open a page first: m marks a place in it.", "it cannot be bookmarked."))
        return -1;
    if (m < 0 || m >= 26)
        return -1;
    here(s, &s->state.marks[m]);
    time_t now = time(NULL);
    s->state.marks[m].set = now > 0 ? (uint64_t)now : 0; /* the later wins in a merge */
    gn_error err;
    if (gn_session_save(s, &err) != 0) {
        sess_say(s, "Bookmark set, but not saved: %s", err.msg);
        return -1;
    }
    sess_say(s, "Bookmark %c set.", 'a' + m);
    return 0;
}

int gn_session_jump(gn_session *s, int m)
{
    if (m < 0 || m >= 26)
        return -1;
    if (!s->state.marks[m].page) {
        sess_say(s, "No bookmark %c: m and a letter sets one.", 'a' + m);
        return -1;
    }
    gn_spot spot = {0};
    const gn_spot *mk = &s->state.marks[m];
    gn_spot_set(&spot, mk->locale, mk->guide, mk->page, mk->top);
    go_spot(s, &spot);
    gn_spot_set(&spot, NULL, NULL, NULL, 0);
    return 0;
}

int gn_session_unmark(gn_session *s, int m)
{
    if (m < 0 || m >= 26 || !s->state.marks[m].page) {
        sess_say(s, "No bookmark %c to delete.", m >= 0 && m < 26 ? 'a' + m : '?');
        return -1;
    }
    /* After the setting it deletes, even within the same second: a tie
     * would keep a copy of the bookmark another navigator saves. */
    time_t now = time(NULL);
    uint64_t when = now > 0 ? (uint64_t)now : 0;
    if (when <= s->state.marks[m].set)
        when = s->state.marks[m].set + 1;
    gn_spot_delete(&s->state.marks[m], when);
    gn_error err;
    if (gn_session_save(s, &err) != 0) {
        sess_say(s, "Bookmark %c deleted, but not saved: %s", 'a' + m, err.msg);
        return -1;
    }
    sess_say(s, "Bookmark %c deleted.", 'a' + m);
    return 0;
}

/* The title of bookmark sp's page: that of its entry in the TOC of its
 * guide in its locale, else its file's name (newly allocated, safe for a
 * terminal). */
static char *mark_title(gn_session *s, const gn_spot *sp)
{
    gn_source *src = sp->locale ? gn_localeset_find(s->set, sp->locale) : NULL;
    const char *id = src ? saved_guide(s, sp->locale, sp->guide) : NULL;
    gn_guide *g = id ? sess_guide_with_id(src, id) : NULL;
    const gn_toc *toc = g ? gn_guide_toc(g, NULL) : NULL;
    long e = toc ? gn_toc_find_page(toc, sp->page) : -1;
    const char *title = e >= 0 && toc->entries[e].title[0] ? toc->entries[e].title
                                                            : gn_path_basename(sp->page);
    return gn_text_sanitized(title);
}

char **gn_session_mark_lines(gn_session *s, int **which, char ***notes, size_t *n)
{
    char **lines = gn_xcalloc(26, sizeof *lines);
    *notes = gn_xcalloc(26, sizeof **notes);
    *which = gn_xcalloc(26, sizeof **which);
    *n = 0;
    char *tags[26];
    int tagw = 0; /* the widest locale tag: the titles start past it */
    for (int m = 0; m < 26; m++) {
        const gn_spot *sp = &s->state.marks[m];
        if (!sp->page)
            continue;
        tags[*n] = gn_text_sanitized(sp->locale ? sp->locale : "");
        int w = gn_text_width(tags[*n], strlen(tags[*n]));
        tagw = w > tagw ? w : tagw;
        (*which)[(*n)++] = m;
    }
    for (size_t i = 0; i < *n; i++) {
        const gn_spot *sp = &s->state.marks[(*which)[i]];
        char *title = mark_title(s, sp);
        int pad = tagw - gn_text_width(tags[i], strlen(tags[i]));
        lines[i] = gn_xasprintf("%c  %s%*s  %s", 'a' + (*which)[i], tags[i], pad, "", title);
        char *page = sp->guide && *sp->guide ? gn_path_join(sp->guide, sp->page) : gn_xstrdup(sp->page);
        char *note = gn_xasprintf("%s: %s, line %zu", tags[i], page, sp->top + 1);
        (*notes)[i] = gn_text_sanitized(note);
        free(note);
        free(page);
        free(title);
        free(tags[i]);
    }
    return lines;
}

int gn_session_restore_marks(gn_session *s)
{
    if (!s->opts.state_path)
        return 0;
    gn_error err;
    char *kept;
    if (gn_state_load(s->opts.state_path, &s->state, &kept, &err) != 0) {
        /* Where the file was kept first: the status line cuts the rest. */
        if (kept)
            sess_say(s, "Ignoring the saved state, kept as %s: %s", kept, err.msg);
        else
            sess_say(s, "Ignoring the saved state: %s", err.msg);
        free(kept);
        return -1;
    }
    return 0;
}

int gn_session_restore(gn_session *s)
{
    if (!s->opts.state_path)
        return 0;
    if (gn_session_restore_marks(s) != 0)
        return -1;
    const gn_spot *last = &s->state.last;
    if (!last->page)
        return 0;
    gn_source *right = s->state.right_locale ? gn_localeset_find(s->set, s->state.right_locale) : NULL;
    if (right) {
        s->right_loc = (size_t)(right - s->set->v);
        s->right_chosen = s->state.compare;
    }
    gn_source *src = last->locale ? gn_localeset_find(s->set, last->locale) : NULL;
    if (src && src != gn_session_source(s)) {
        s->loc = (size_t)(src - s->set->v);
        sess_rebuild_tree(s, GN_NONE);
        sess_say(s, "Language: %s", src->tag);
    }
    s->compare = s->state.compare && s->set->n > 1 && s->right_loc != s->loc;
    sess_show(s, saved_guide(s, last->locale, last->guide), last->page, (long)last->top);
    return 0;
}

/* ---- translation ------------------------------------------------------------ */

const gn_side *sess_translation_read(gn_session *s, gn_source **src)
{
    if (sess_comparing(s))
        return sess_compared_translation(s, src);
    if (!s->page || s->no_file || !s->left.have_page
        || strcmp(gn_session_source(s)->tag, s->reference) == 0)
        return NULL;
    *src = gn_session_source(s);
    return &s->left;
}

int gn_session_changes(gn_session *s, char **text, char **title)
{
    gn_source *src;
    const gn_side *tr = s->page && sess_comparing(s) ? sess_compared_translation(s, &src) : NULL;
    if (!tr) {
        sess_say(s, "Compare a translation with %s first (c), then D shows what changed.", s->reference);
        return -1;
    }
    gn_repo *repo = gn_session_repo(s);
    const char *commit = gn_meta_get(&tr->pg.meta, "source-git-commit");
    char *ref = sess_reference_file(s);
    gn_error err;
    char *diff = repo && ref ? gn_repo_diff(repo, ref, commit, &err) : NULL;
    free(ref);
    int rc = -1;
    if (!diff) {
        sess_say(s, "Changes unknown: %s", repo ? err.msg : "the reference locale is not a git checkout");
    } else if (!*diff) {
        sess_say(s, "%s", "The reference page has not changed since this translation was made.");
    } else {
        gn_buf out = GN_BUF_INIT;
        for (const char *p = diff; *p;) {
            size_t len = strcspn(p, "\n");
            gn_text_code_line(&out, p, len);
            gn_buf_addc(&out, '\n');
            p += len + (p[len] == '\n');
        }
        *text = gn_buf_take(&out);
        *title = gn_xasprintf("Changes to the %s page since %.10s (%s)", s->reference,
                              commit ? commit : "?", src->tag);
        rc = 0;
    }
    free(diff);
    return rc;
}

int gn_session_matrix(gn_session *s, gn_matrix *m, size_t *row)
{
    sess_guide_everywhere(s);
    gn_guide *g = gn_session_guide(s);
    if (!g) {
        sess_say(s, "%s", "No guide here: the TOC matrix is a guide's.");
        return -1;
    }
    gn_error err;
    if (row)
        *row = 0;
    if (gn_matrix_build(m, s->set, g->id, s->reference, gn_session_repo(s), &err) != 0) {
        sess_say(s, "%s", err.msg);
        return -1;
    }
    /* The open page is of this guide, or of none (a page reached by a
     * link outside every guide, which no row can be). */
    if (row && g && s->guide && strcmp(s->guide, g->id) == 0)
        *row = gn_matrix_page_row(m, s->loc, s->page);
    return 0;
}

void gn_session_open_compared(gn_session *s, const char *page)
{
    gn_guide *g = gn_session_guide(s);
    char *id = gn_xstrdup(g ? g->id : "");
    if (!s->compare && s->set->n > 1) {
        s->compare = true;
        if (!s->right_chosen || s->right_loc == s->loc)
            s->right_loc = sess_default_right(s);
    }
    gn_session_open(s, id, page);
    free(id);
}

const char *gn_session_copy_target(gn_session *s)
{
    gn_session_layout(s);
    if (s->link >= 0 && (size_t)s->link < s->left.doc.nlinks)
        return s->left.doc.links[s->link].url;
    if (s->left.have_page && !s->no_file)
        return s->left.pg.path;
    sess_say(s, "%s", "Nothing to copy: select a link with Tab.");
    return NULL;
}
