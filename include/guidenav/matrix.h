/* matrix.h: a guide's TOC across all its locales.
 *
 * One row per TOC entry of the union over the locales of one guide:
 * entries are matched by page target, then by group anchor, then by
 * position (the same depth under the same matched parent, in order). One
 * cell per locale says whether the entry is in that locale's TOC, and for
 * pages whether the file exists, with the page's front matter fields. */
#ifndef GUIDENAV_MATRIX_H
#define GUIDENAV_MATRIX_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/source.h"
#include "guidenav/stale.h"

typedef enum gn_cell_state {
    GN_CELL_ABSENT, /* not in this locale's TOC */
    GN_CELL_OK,     /* listed; for a page, its file exists */
    GN_CELL_NOFILE  /* listed page whose file is missing */
} gn_cell_state;

typedef struct gn_matrix_cell {
    gn_cell_state state;
    long entry;            /* index in this locale's TOC, or -1 */
    char *ht_degree;       /* front matter of the page, or NULL */
    char *workflow;        /* workflow-type */
    char *commit;          /* source-git-commit (full) */
    char *wordcount;       /* source-wordcount */
    gn_stale stale;        /* against the reference locale */
} gn_matrix_cell;

typedef struct gn_matrix_row {
    gn_toc_kind kind;
    char *key;             /* page target, "#anchor", or "@position" */
    char *title;           /* from the first locale that lists it */
    int depth;
    gn_matrix_cell *cells; /* one per locale of the set, in set order */
    bool commit_differs;   /* locales' source-git-commit values differ */
    bool missing_somewhere;/* absent or nofile in some locale */
} gn_matrix_row;

typedef struct gn_matrix {
    size_t nlocales;
    gn_matrix_row *rows;
    size_t nrows;
} gn_matrix;

/* Build the matrix of the guide with this id over every locale of set.
 * Page front matter is read for every listed page that exists. Staleness
 * is computed against the locale tagged reference (e.g. "en") when repo is
 * its git repository; else every cell's stale is GN_STALE_UNKNOWN. Fails
 * only when no locale's TOC can be read. */
int gn_matrix_build(gn_matrix *m, gn_localeset *set, const char *guide_id,
                    const char *reference, gn_repo *repo, gn_error *err);
void gn_matrix_free(gn_matrix *m);

#endif
