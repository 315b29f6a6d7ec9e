/* strmap.h: a hash map from strings (copied) to indices, for lookups that
 * would otherwise scan a list: pages read, TOC entries matched. */
#ifndef GUIDENAV_STRMAP_H
#define GUIDENAV_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gn_strmap {
    char **keys; /* owned; NULL for an empty slot */
    size_t *vals;
    size_t cap, n;
} gn_strmap;

#define GN_STRMAP_INIT {NULL, NULL, 0, 0}

/* The value stored under key in *val (when val is not NULL); false when
 * there is none. */
bool gn_strmap_get(const gn_strmap *m, const char *key, size_t *val);
/* Store val under key (copied), replacing any value. */
void gn_strmap_put(gn_strmap *m, const char *key, size_t val);
/* Release the map and its keys; m is left empty. */
void gn_strmap_free(gn_strmap *m);

#endif
