/* check.h: the problems a localization engineer wants listed, for CI. */
#ifndef GUIDENAV_CHECK_H
#define GUIDENAV_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/error.h"
#include "guidenav/source.h"
#include "guidenav/stale.h"

typedef struct gn_problem {
    char *locale;
    char *file;   /* path as the locale source names it */
    int line;     /* 1-based; 0 when not about a line */
    const char *kind; /* one of gn_check_kinds' names (static) */
    char *detail;
} gn_problem;

typedef struct gn_problems {
    gn_problem *v;
    size_t n;
} gn_problems;

/* A kind of problem: its name, what it means (one line), and whether it
 * counts in --check's exit status. */
typedef struct gn_check_kind {
    const char *name;
    const char *what;
    bool counts;
} gn_check_kind;

/* Every kind gn_check reports, gn_check_nkinds of them (at most
 * GN_CHECK_MAX_KINDS: a caller's flags per kind may be an array of that). */
#define GN_CHECK_MAX_KINDS 32
extern const gn_check_kind gn_check_kinds[];
extern const size_t gn_check_nkinds;

/* The index of the kind named name[0..len) in gn_check_kinds, or -1. */
long gn_check_kind_index(const char *name, size_t len);

/* Read a comma-separated list of kinds ("link,code") into chosen (one
 * flag per kind, set for each kind named; the others left as they are).
 * -1 with err naming an unknown kind. */
int gn_check_kinds_parse(const char *list, bool *chosen, gn_error *err);

/* Check every guide of every locale of set: TOC entries whose file is
 * missing, pages on disk that no TOC of their locale reaches, links that
 * lead nowhere, anchors found neither in the target page nor in the
 * reference locale's page of it (badanchor), anchors the target page lacks
 * but the reference locale's page has (anchorlost: the translation's
 * heading lost its {#anchor}; the detail names the heading the link lands
 * on, gn_align_find_anchor), TOC entries and links naming a file outside
 * the repository (never read), pages whose heading structure (levels in
 * order) differs from the reference locale's page, pages stale against
 * the reference or naming a commit it does not have (when repo is its git
 * repository), and the translation checks of each translated page against
 * its reference page, block by block (qa.h). TOC entries and links
 * are resolved by gn_resolve, and every page is read only after
 * gn_source_check_read. Problems are in locale, then file, then line
 * order. */
void gn_check(gn_localeset *set, const char *reference, gn_repo *repo, gn_problems *out);
void gn_problems_free(gn_problems *p);

#endif
