/* session_locale.c: switching the locale, the comparison with a second
 * locale, and the chooser's lines (see session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/util.h"
#include "session_priv.h"

/* The second locale by default: the reference locale when reading
 * another, else the next one. */
size_t sess_default_right(const gn_session *s)
{
    for (size_t i = 0; s->opts.compare && i < s->set->n; i++)
        if (i != s->loc && strcmp(s->set->v[i].tag, s->opts.compare) == 0)
            return i;
    for (size_t i = 0; i < s->set->n; i++)
        if (i != s->loc && strcmp(s->set->v[i].tag, s->reference) == 0)
            return i;
    return s->set->n > 1 ? (s->loc + 1) % s->set->n : s->loc;
}

void gn_session_switch_locale(gn_session *s, size_t loc)
{
    if (loc >= s->set->n || loc == s->loc)
        return;
    if (s->page)
        sess_history_step(s, s->set->v[loc].tag, s->guide, s->page);
    sess_keep_place(s);
    s->loc = loc;
    if (s->compare && (s->right_loc == loc || !s->right_chosen))
        s->right_loc = sess_default_right(s);
    sess_guide_in(s, gn_session_source(s)); /* adopts a guide reached by a link */
    sess_reread_tree(s, false); /* its TOCs as parsed before, unless changed */
    s->current = GN_NONE;
    if (s->page) {
        sess_load_page(s);
        sess_select_current(s);
    } else {
        sess_set_guide_title(s);
        s->dirty = true;
    }
    sess_say(s, "Language: %s", gn_session_source(s)->tag);
}

void gn_session_compare(gn_session *s, bool on)
{
    if (on == s->compare)
        return;
    if (on && !s->page) {
        sess_say(s, "%s", "Open a page first: c compares it with another locale.");
        return;
    }
    if (on && s->set->n < 2) {
        sess_say(s, "%s", "Only one locale: nothing to compare with.");
        return;
    }
    sess_keep_place(s);
    s->compare = on;
    if (on && !s->right_chosen)
        s->right_loc = sess_default_right(s);
    sess_load_right(s);
}

void gn_session_set_right(gn_session *s, size_t loc)
{
    if (loc >= s->set->n)
        return;
    s->right_chosen = true;
    if (!s->compare) {
        s->right_loc = loc;
        gn_session_compare(s, true);
        return;
    }
    sess_keep_place(s);
    s->right_loc = loc;
    sess_load_right(s);
}

/* Whether src lacks the open page's file. A page read from standard
 * input is in no locale: none lacks it more than another. */
static bool lacks_page(gn_session *s, gn_source *src)
{
    if (s->no_file)
        return false;
    char *file = sess_page_file(s, src);
    free(file);
    return !file;
}

char **gn_session_locale_lines(gn_session *s, bool others, size_t **loc, bool **lacking,
                               size_t *n)
{
    sess_guide_everywhere(s);
    size_t cap = s->set->n ? s->set->n : 1;
    char **lines = gn_xcalloc(cap, sizeof *lines);
    *loc = gn_xcalloc(cap, sizeof **loc);
    *lacking = gn_xcalloc(cap, sizeof **lacking);
    *n = 0;
    gn_guide *cur = gn_session_guide(s);
    char *id = gn_xstrdup(cur ? cur->id : "");
    for (size_t i = 0; i < s->set->n; i++) {
        if (others && i == s->loc)
            continue;
        gn_source *src = &s->set->v[i];
        bool lacks = s->page && lacks_page(s, src); /* first: it may adopt a guide */
        gn_guide *g = gn_source_guide(src, id);
        const char *title = g ? gn_guide_title(g) : NULL; /* the TOC's list unread */
        if (!s->page)
            lacks = !g; /* what the reader has open: the guide */
        lines[*n] = gn_xasprintf("%-7s %s%s", src->tag,
                                 !g ? "(no such guide)" : g->toc_error ? "(unreadable TOC)" : title,
                                 g && lacks ? "  (page missing)" : "");
        (*loc)[*n] = i;
        (*lacking)[(*n)++] = lacks;
    }
    free(id);
    return lines;
}

bool gn_session_warm(gn_session *s)
{
    if (sess_ahead_warm(s)) /* the reader is choosing a locale: first */
        return true;
    for (size_t i = 0; s->guide && i < s->set->n; i++) {
        gn_source *src = &s->set->v[i];
        gn_guide *g = gn_source_guide(src, s->guide);
        if (!g || g->toc || g->toc_error)
            continue;
        gn_guide_toc(g, NULL);
        return true;
    }
    return false;
}
