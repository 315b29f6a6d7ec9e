/* session_links.c: following links, selecting them, and going back and
 * forward in the history (see session.h). */
#include <stdlib.h>
#include "guidenav/util.h"
#include "session_priv.h"

void gn_session_follow(gn_session *s, const char *url)
{
    gn_source *src = gn_session_source(s);
    char *from = s->page ? sess_open_file(s) : NULL;
    gn_target t;
    gn_resolve(src, from, url, &t);
    free(from);
    if (s->no_file && t.kind != GN_TARGET_EXTERNAL && t.kind != GN_TARGET_ANCHOR) {
        sess_say(s, SESS_NO_FILE ": links to files cannot be followed (%s).", url);
        gn_target_free(&t);
        return;
    }
    switch (t.kind) {
    case GN_TARGET_EXTERNAL:
        sess_say(s, "External link: %s (y copies it)", url);
        break;
    case GN_TARGET_SITE:
        sess_say(s, "Not a page here: %s (%s)", url, t.why);
        break;
    case GN_TARGET_ANCHOR:
        gn_session_layout(s);
        if (t.anchor)
            sess_go_to_anchor(s, t.anchor);
        break;
    case GN_TARGET_OUTSIDE:
        sess_say(s, "Refused: %s: %s", url, t.why);
        break;
    case GN_TARGET_MISSING:
        sess_say(s, "No such page: %s (%s)", url, t.why);
        break;
    case GN_TARGET_PAGE: {
        const char *page = NULL;
        size_t known = src->nguides;
        gn_guide *g = gn_source_guide_of(src, t.file, &page);
        char *id = g ? gn_xstrdup(g->id) : NULL;
        char *where = gn_xasprintf("%s%s%s", g ? page : t.rel, t.anchor ? "#" : "",
                                   t.anchor ? t.anchor : "");
        if (src->nguides != known) /* a guide adopted: the tree shows it */
            sess_rebuild_tree(s, GN_NONE);
        gn_session_open(s, id, where);
        free(where);
        free(id);
        break;
    }
    }
    gn_target_free(&t);
}

void gn_session_follow_selected(gn_session *s)
{
    gn_session_layout(s);
    if (s->link < 0 || (size_t)s->link >= s->left.doc.nlinks) {
        sess_say(s, "%s", "No link selected: ] and [ select links.");
        return;
    }
    char *url = gn_xstrdup(s->left.doc.links[s->link].url);
    gn_session_follow(s, url);
    free(url);
}

void gn_session_select_link(gn_session *s, int dir)
{
    gn_session_layout(s);
    const gn_doc *d = &s->left.doc;
    if (d->nlinks == 0) {
        sess_say(s, "%s", "No links in this page.");
        return;
    }
    long i = s->link;
    if (i < 0) { /* from the first link on screen (or the last above it) */
        i = dir > 0 ? -1 : (long)d->nlinks;
        for (size_t k = 0; k < d->nlinks; k++)
            if (sess_row_for_line(s, d->links[k].line) >= s->top) {
                i = dir > 0 ? (long)k - 1 : (long)k;
                break;
            }
    }
    size_t h = (size_t)s->height;
    for (long k = i + dir; k >= 0 && (size_t)k < d->nlinks; k += dir) {
        if (d->links[k].line == (size_t)-1)
            continue; /* a link whose text was not laid out */
        s->link = k;
        size_t row = sess_row_for_line(s, d->links[k].line);
        if (row < s->top || row >= s->top + h)
            gn_session_scroll_to(s, row > h / 2 ? row - h / 2 : 0);
        sess_say(s, "Link: %s", d->links[k].url);
        return;
    }
    sess_say(s, "%s", dir > 0 ? "No more links below." : "No more links above.");
}

/* Go to place p of the history. */
void sess_go_place(gn_session *s, const gn_place *p)
{
    char *tag = gn_xstrdup(p->locale), *guide = p->guide ? gn_xstrdup(p->guide) : NULL;
    char *page = gn_xstrdup(p->page);
    size_t line = p->top;
    gn_source *src = gn_localeset_find(s->set, tag);
    if (src && src != gn_session_source(s)) {
        s->loc = (size_t)(src - s->set->v);
        if (s->right_loc == s->loc || !s->right_chosen)
            s->right_loc = sess_default_right(s);
        sess_rebuild_tree(s, GN_NONE);
    }
    sess_show(s, guide, page, (long)line);
    free(tag);
    free(guide);
    free(page);
}

void gn_session_back(gn_session *s)
{
    const gn_place *p = gn_history_back(&s->history, s->page ? sess_place_line(s) : 0);
    if (!p)
        sess_say(s, "%s", "Nothing to go back to.");
    else
        sess_go_place(s, p);
}

void gn_session_forward(gn_session *s)
{
    const gn_place *p = gn_history_forward(&s->history, s->page ? sess_place_line(s) : 0);
    if (!p)
        sess_say(s, "%s", "Nothing to go forward to.");
    else
        sess_go_place(s, p);
}
