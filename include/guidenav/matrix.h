/* matrix.h: a guide's TOC across all its locales.
 *
 * One row per TOC entry of the union over the locales of one guide:
 * entries are matched by page target, then by group anchor, then by
 * position (the same depth under the same matched parent, in order). One
 * cell per locale says whether the entry is in that locale's TOC, and for
 * pages whether the file exists, with the page's front matter fields and
 * the entry's title there.
 *
 * Besides the table, what readers of it are shown: a row's title for the
 * reader of a locale, the row of the page being read, and each cell's text
 * (the navigator's marks, the words of --toc-matrix), each decided here
 * once. */
#ifndef GUIDENAV_MATRIX_H
#define GUIDENAV_MATRIX_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/source.h"
#include "guidenav/stale.h"
#include "guidenav/util.h"

typedef enum gn_cell_state {
    GN_CELL_ABSENT, /* not in this locale's TOC */
    GN_CELL_OK,     /* listed; for a page, its file exists */
    GN_CELL_NOFILE  /* listed page whose file is missing */
} gn_cell_state;

typedef struct gn_matrix_cell {
    gn_cell_state state;
    long entry;            /* index in this locale's TOC, or -1 */
    char *title;           /* the entry's title in this locale's TOC, or
                              NULL when the entry is absent */
    char *ht_degree;       /* front matter of the page, or NULL */
    char *workflow;        /* workflow-type */
    char *commit;          /* source-git-commit (full) */
    char *wordcount;       /* source-wordcount */
    gn_stale stale;        /* against the reference locale */
    int findings;          /* the translation checks' findings against the
                              reference locale's page (qa.h; untranslated
                              blocks not counted), or -1 when not checked
                              (the reference itself, no page, no reference
                              page) */
} gn_matrix_cell;

typedef struct gn_matrix_row {
    gn_toc_kind kind;
    char *key;             /* page target, "#anchor", or "@position" */
    int depth;
    gn_matrix_cell *cells; /* one per locale of the set, in set order */
    bool commit_differs;   /* locales' source-git-commit values differ */
    bool missing_somewhere;/* absent or nofile in some locale */
} gn_matrix_row;

typedef struct gn_matrix {
    size_t nlocales;
    long reference;        /* the reference locale's index, or -1 */
    gn_matrix_row *rows;
    size_t nrows;
} gn_matrix;

/* Build the matrix of the guide with this id over every locale of set.
 * Page front matter is read for every listed page that exists, and each
 * translated page is reviewed against the reference locale's page (the
 * translation checks of --check: cell findings). Staleness
 * is computed against the locale tagged reference (e.g. "en") when repo is
 * its git repository; else every cell's stale is GN_STALE_UNKNOWN. Fails
 * only when no locale's TOC can be read. */
int gn_matrix_build(gn_matrix *m, gn_localeset *set, const char *guide_id,
                    const char *reference, gn_repo *repo, gn_error *err);
void gn_matrix_free(gn_matrix *m);

/* The title of row r for a reader of locale loc: the entry's title in
 * loc's TOC; when loc lacks the entry, its title in the reference locale,
 * else in the first locale of the set that lists it. *from (may be NULL)
 * receives the locale the title comes from. Valid while m is. */
const char *gn_matrix_title(const gn_matrix *m, size_t r, size_t loc, size_t *from);

/* The row of page, for a reader of locale loc: page is the open page's path
 * in the matrix's guide, as a TOC entry names it ("./" before it and a
 * "#anchor" or "?query" after it do not count), or NULL when no page is
 * open. Of the page rows for that page (a TOC may list a page twice), the
 * one of loc's first entry for it, else the first; 0 when none is. */
size_t gn_matrix_page_row(const gn_matrix *m, size_t loc, const char *page);

/* The marks the navigator shows in the matrix; ASCII ones for a terminal
 * that is not UTF-8. */
typedef struct gn_matrix_marks {
    const char *present;  /* listed; for a page, its file exists */
    const char *nofile;   /* a listed page whose file is missing */
    const char *absent;   /* not in the locale's TOC */
    const char *stale;    /* after a mark: the translation is stale */
    const char *differs;  /* the row's source-git-commit values differ */
    const char *left;     /* locale columns are hidden on the left */
    const char *right;    /* ... on the right */
} gn_matrix_marks;

const gn_matrix_marks *gn_matrix_marks_for(bool ascii);

/* Append to out the text of cell (row r, locale l) as the navigator shows
 * it: its state's mark, then the stale mark when the translation is stale,
 * then its number of findings when it has any.
 * Column widths are measured on these texts, so whatever a cell comes to
 * show is added here. */
void gn_matrix_cell_text(const gn_matrix *m, size_t r, size_t l, bool ascii, gn_buf *out);

/* The legend of the marks, as the navigator titles the matrix. Newly
 * allocated. */
char *gn_matrix_legend(bool ascii);

/* The word --toc-matrix writes for a cell's state: "ok", "nofile" or
 * "absent". Static. */
const char *gn_cell_state_name(gn_cell_state state);

#endif
