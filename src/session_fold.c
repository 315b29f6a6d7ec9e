/* session_fold.c: folding and unfolding the collapsible blocks of the open
 * page (see session.h). */
#include <stdlib.h>
#include <string.h>
#include "guidenav/collapse.h"
#include "guidenav/util.h"
#include "session_priv.h"

/* Lines [*top, *bottom) of the current locale's page on the screen. */
static void screen_lines(const gn_session *s, size_t *top, size_t *bottom)
{
    *top = sess_top_line(s);
    *bottom = *top;
    size_t h = s->height > 0 ? (size_t)s->height : 1;
    for (size_t row = s->top; row < s->top + h; row++) {
        long ln = !sess_comparing(s) ? (long)row
                : row < s->align.nrows ? s->align.left[row] : -1;
        if (ln >= 0 && (size_t)ln + 1 > *bottom)
            *bottom = (size_t)ln + 1;
    }
}

void gn_session_fold(gn_session *s)
{
    gn_session_layout(s);
    const gn_doc *d = &s->left.doc;
    size_t top, bottom;
    screen_lines(s, &top, &bottom);
    long k = s->page && !s->dirty ? gn_collapse_at(d, top, bottom) : -1;
    if (k < 0) {
        sess_say(s, "%s", d->ncolls ? "No collapsible block on the screen."
                                    : "No collapsible block in this page.");
        return;
    }
    const gn_coll *c = &d->colls[k];
    char *title = gn_xstrndup(c->ptitle_len ? d->ptext.data + c->ptitle : "", c->ptitle_len);
    bool fold = !c->folded;
    size_t ordinal = c->ordinal, at = 0;
    sess_keep_place(s); /* (d is the old layout from here) */
    while (at < s->nfolded && s->folded[at] < ordinal)
        at++;
    if (fold) {
        if (s->nfolded == s->cap_folded) {
            s->cap_folded = s->cap_folded ? s->cap_folded * 2 : 8;
            s->folded = gn_xreallocarray(s->folded, s->cap_folded, sizeof *s->folded);
        }
        memmove(s->folded + at + 1, s->folded + at, (s->nfolded - at) * sizeof *s->folded);
        s->folded[at] = ordinal;
        s->nfolded++;
    } else if (at < s->nfolded && s->folded[at] == ordinal) {
        memmove(s->folded + at, s->folded + at + 1, (s->nfolded - at - 1) * sizeof *s->folded);
        s->nfolded--;
    }
    s->link = -1; /* links of the folded text are laid out no more */
    sess_say(s, "%s: %s", fold ? "Folded" : "Unfolded", title);
    free(title);
}
