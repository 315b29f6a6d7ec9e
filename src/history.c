/* history.c: back and forward through visited places (see history.h). */
#include <stdlib.h>
#include <string.h>
#include "guidenav/history.h"
#include "guidenav/util.h"

static void drop(gn_place *p)
{
    free(p->locale);
    free(p->guide);
    free(p->page);
}

void gn_history_go(gn_history *h, size_t top, const char *locale, const char *guide,
                   const char *page)
{
    if (h->n > 0) {
        h->v[h->pos].top = top;
        for (size_t i = h->pos + 1; i < h->n; i++)
            drop(&h->v[i]);
        h->n = h->pos + 1;
    }
    if (h->n == GN_HISTORY_MAX) {
        drop(&h->v[0]);
        memmove(h->v, h->v + 1, (h->n - 1) * sizeof *h->v);
        h->n--;
    }
    h->v = gn_xreallocarray(h->v, h->n + 1, sizeof *h->v);
    h->v[h->n] = (gn_place){gn_xstrdup(locale), guide ? gn_xstrdup(guide) : NULL,
                           gn_xstrdup(page), 0};
    h->pos = h->n++;
}

const gn_place *gn_history_back(gn_history *h, size_t top)
{
    if (h->n == 0 || h->pos == 0)
        return NULL;
    h->v[h->pos].top = top;
    return &h->v[--h->pos];
}

const gn_place *gn_history_forward(gn_history *h, size_t top)
{
    if (h->n == 0 || h->pos + 1 >= h->n)
        return NULL;
    h->v[h->pos].top = top;
    return &h->v[++h->pos];
}

void gn_history_free(gn_history *h)
{
    for (size_t i = 0; i < h->n; i++)
        drop(&h->v[i]);
    free(h->v);
    memset(h, 0, sizeof *h);
}
