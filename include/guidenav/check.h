/* check.h: the problems a localization engineer wants listed, for CI. */
#ifndef GUIDENAV_CHECK_H
#define GUIDENAV_CHECK_H

#include <stddef.h>
#include "guidenav/source.h"
#include "guidenav/stale.h"

typedef struct gn_problem {
    char *locale;
    char *file;   /* path as the locale source names it */
    int line;     /* 1-based; 0 when not about a line */
    const char *kind; /* "nofile", "orphan", "badlink", "badanchor",
                         "anchorlost", "structure", "stale", "unreadable",
                         "outside" */
    char *detail;
} gn_problem;

typedef struct gn_problems {
    gn_problem *v;
    size_t n;
} gn_problems;

/* Check every guide of every locale of set: TOC entries whose file is
 * missing, pages on disk that no TOC of their locale reaches, links that
 * lead nowhere, anchors found neither in the target page nor in the
 * reference locale's page of it (badanchor), anchors the target page lacks
 * but the reference locale's page has (anchorlost: the translation's
 * heading lost its {#anchor}; the detail names the heading the link lands
 * on, gn_align_find_anchor), TOC entries and links naming a file outside
 * the repository (never read), pages whose heading structure (levels in
 * order) differs from the reference locale's page, and pages stale against
 * the reference (when repo is its git repository). TOC entries and links
 * are resolved by gn_resolve, and every page is read only after
 * gn_source_check_read. Problems are in locale, then file, then line
 * order. */
void gn_check(gn_localeset *set, const char *reference, gn_repo *repo, gn_problems *out);
void gn_problems_free(gn_problems *p);

#endif
