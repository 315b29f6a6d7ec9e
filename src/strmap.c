/* strmap.c: open addressing with linear probing, at most half full (see
 * strmap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/strmap.h"
#include "guidenav/util.h"

/* FNV-1a of the string. */
static size_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)h;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t slot_of(const gn_strmap *m, const char *key)
{
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

bool gn_strmap_get(const gn_strmap *m, const char *key, size_t *val)
{
    if (m->cap == 0)
        return false;
    size_t i = slot_of(m, key);
    if (!m->keys[i])
        return false;
    if (val)
        *val = m->vals[i];
    return true;
}

void gn_strmap_put(gn_strmap *m, const char *key, size_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        gn_strmap old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->keys = gn_xcalloc(m->cap, sizeof *m->keys);
        m->vals = gn_xcalloc(m->cap, sizeof *m->vals);
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = slot_of(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
            }
        free(old.keys);
        free(old.vals);
    }
    size_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = gn_xstrdup(key);
        m->n++;
    }
    m->vals[i] = val;
}

void gn_strmap_free(gn_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
