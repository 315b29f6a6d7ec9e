/* meta.h: YAML front matter of guide files, read through libyaml.
 *
 * A file may start with a front matter block between two "---" lines. Every
 * key of its top-level mapping is kept in order; scalar values are kept as
 * they are, sequences and mappings as their flow text ("a, b"). */
#ifndef GUIDENAV_META_H
#define GUIDENAV_META_H

#include <stddef.h>
#include "guidenav/error.h"

typedef struct gn_meta_entry {
    char *key;
    char *value;
    int line; /* 1-based line of the key in the file */
} gn_meta_entry;

typedef struct gn_meta {
    gn_meta_entry *v;
    size_t n;
} gn_meta;

/* Split text (len bytes, from file path, used in messages) into front matter
 * and body: fills meta (empty when there is no front matter) and sets
 * *body_off to the body's byte offset and *body_line to its 1-based first
 * line. Malformed YAML fails with "path:line: problem". */
int gn_meta_parse(const char *path, const char *text, size_t len, gn_meta *meta,
                  size_t *body_off, int *body_line, gn_error *err);
/* Value of key, or NULL. The pointer lives as long as meta. */
const char *gn_meta_get(const gn_meta *meta, const char *key);
void gn_meta_free(gn_meta *meta);

#endif
