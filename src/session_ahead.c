/* session_ahead.c: the open page read and laid out ahead, between keys, in
 * the locale the reader looks at in the chooser of L, so that a switch
 * there shows it at once (see gn_session_expect_locale in session.h). The
 * page is taken only when its file is the version read: a switch reads
 * what it would have read. */
#include <stdlib.h>
#include <string.h>
#include "guidenav/interrupt.h"
#include "guidenav/util.h"
#include "session_priv.h"

void sess_ahead_free(gn_session *s)
{
    gn_ahead *a = &s->ahead;
    if (a->have) {
        sess_free_side(&a->side);
        gn_doc_free(&a->side.doc);
    }
    free(a->guide);
    free(a->page);
    a->guide = a->page = NULL;
    a->have = a->laid = false;
}

void gn_session_expect_locale(gn_session *s, size_t loc)
{
    s->ahead.want = loc;
}

/* Whether two optional strings are the same (both NULL, or equal). */
static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether the page read ahead is the open page in locale loc. */
static bool holds(const gn_session *s, size_t loc)
{
    const gn_ahead *a = &s->ahead;
    return a->have && a->loc == loc && same_str(a->guide, s->guide) && same_str(a->page, s->page);
}

/* Read the open page in a->want into a->side, its file's version first. */
static void read_ahead(gn_session *s)
{
    gn_ahead *a = &s->ahead;
    gn_source *src = &s->set->v[a->want];
    char *file = sess_page_file(s, src);
    if (!file || stat(file, &a->st) != 0) /* before the read: a change after it shows */
        memset(&a->st, 0, sizeof a->st);
    free(file);
    memset(&a->side, 0, sizeof a->side);
    sess_load_side(s, src, &a->side);
    a->have = true;
    a->loc = a->want;
    a->guide = s->guide ? gn_xstrdup(s->guide) : NULL;
    a->page = gn_xstrdup(s->page);
}

bool sess_ahead_warm(gn_session *s)
{
    gn_ahead *a = &s->ahead;
    if (a->want == GN_NONE || a->want >= s->set->n || a->want == s->loc || !s->page ||
        s->no_file || s->compare)
        return false;
    if (!holds(s, a->want)) {
        sess_ahead_free(s);
        read_ahead(s);
        return true;
    }
    gn_view_key key = sess_view_key(s);
    key.loc = a->loc;
    if (!a->side.have_page || (a->laid && sess_same_key(a->key, key)))
        return false;
    gn_doc_free(&a->side.doc);
    sess_lay_out_page(s, &s->set->v[a->loc], &a->side, s->width < 1 ? 1 : s->width, true,
                      &a->side.doc);
    a->laid = !gn_interrupted(); /* a stop leaves a part: not kept */
    a->key = key;
    return a->laid;
}

bool sess_ahead_take(gn_session *s, gn_side *side)
{
    gn_ahead *a = &s->ahead;
    s->ahead.taken = false;
    gn_source *src = gn_session_source(s);
    char *file = NULL;
    gn_error err;
    bool ok = holds(s, s->loc) && a->side.have_page && !s->no_file &&
              (file = sess_page_file(s, src)) && strcmp(file, a->side.pg.path) == 0 &&
              gn_file_same_version(&a->st, file) && gn_source_check_read(src, file, &err) == 0;
    free(file);
    if (!ok) {
        sess_ahead_free(s);
        return false;
    }
    /* The snippets file may have changed since: such a page is laid out
     * again, as a switch lays it out. */
    bool laid = a->laid && !a->side.doc.read_snippets;
    if (!laid)
        gn_doc_free(&a->side.doc);
    gn_doc_free(&side->doc);
    *side = a->side;
    memset(&a->side, 0, sizeof a->side);
    a->have = false;
    sess_ahead_free(s);
    a->taken = laid;
    return true;
}

bool sess_ahead_laid(gn_session *s)
{
    bool laid = s->ahead.taken && s->left.have_page &&
                sess_same_key(s->ahead.key, sess_view_key(s));
    s->ahead.taken = false;
    return laid;
}
