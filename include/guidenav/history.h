/* history.h: where the reader has been, for back and forward, as in info,
 * vim and browsers. Each place keeps its scroll position, recorded when
 * the reader leaves it. Places name the locale, a guide by id and a page by
 * its path: switching locale is a step too, and back returns to the
 * locale left. */
#ifndef GUIDENAV_HISTORY_H
#define GUIDENAV_HISTORY_H

#include <stddef.h>

/* Places beyond this many are forgotten, oldest first. */
#define GN_HISTORY_MAX 500

typedef struct gn_place {
    char *locale; /* tag */
    char *guide; /* guide id, or NULL for a page outside the guides */
    char *page;
    size_t top;  /* the line at the top when the reader left */
} gn_place;

typedef struct gn_history {
    gn_place *v;
    size_t n;
    size_t pos; /* the current place, when n > 0 */
} gn_history;

/* Going to a new place: the current one keeps top as its scroll position,
 * places ahead of it are dropped, and the new one becomes current. */
void gn_history_go(gn_history *h, size_t top, const char *locale, const char *guide,
                   const char *page);
/* Back (forward): the current place keeps top; returns the place to show,
 * or NULL when there is none. The pointer lives until the next call. */
const gn_place *gn_history_back(gn_history *h, size_t top);
const gn_place *gn_history_forward(gn_history *h, size_t top);
void gn_history_free(gn_history *h);

#endif
