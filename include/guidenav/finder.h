/* finder.h: searching many pages at once: this guide, every guide of a
 * locale, or every locale. Pages are read and laid out on demand and kept
 * for the session; the work is done in steps so a caller can keep
 * answering keys while results stream in. A TOC's targets are resolved
 * like page links (resolve.h), and a page is read only when the
 * confinement check allows it. */
#ifndef GUIDENAV_FINDER_H
#define GUIDENAV_FINDER_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/layout.h"
#include "guidenav/search.h"
#include "guidenav/source.h"

/* Where to search: one guide or every guide, of one locale or of all. */
typedef struct gn_scope {
    bool all_guides;
    bool all_locales;
} gn_scope;

/* One match. */
typedef struct gn_found {
    size_t loc;      /* locale index in the set */
    char *guide;     /* guide id */
    char *page;      /* page path in the guide: its TOC target, without
                        fragment (see gn_resolve_in_guide) */
    char *rel;       /* the page's file from the repository root */
    const char *title; /* the page's title (lives as long as the finder) */
    int src_line;    /* line in the page's file where its paragraph starts */
    size_t par;      /* paragraph index in the page's laid-out text */
    size_t nth;      /* which match in that paragraph (0-based) */
    char *excerpt;   /* text around the match, one line */
    size_t moff, mlen; /* the match inside the excerpt */
} gn_found;

typedef struct gn_finder gn_finder;

gn_finder *gn_finder_new(gn_localeset *set);
void gn_finder_free(gn_finder *f);
/* Keep the paragraphs of the pages read, for the next query, up to this
 * many bytes (64 MiB unless set); 0 keeps none (a single query). */
void gn_finder_set_cache_limit(gn_finder *f, size_t bytes);
/* Keep pages' searchable text on disk between runs (textcache.h), in
 * folder dir; NULL keeps none (the default). */
void gn_finder_use_disk(gn_finder *f, const char *dir);
/* Write the text caches of the pages read since they were opened; -1 with
 * err set when one cannot be written (searching is not affected). */
int gn_finder_save(gn_finder *f, gn_error *err);

/* Start a search (dropping the previous one's results): query in scope:
 * the guide with id guide_id (or every guide) of locale loc (or of every
 * locale). Every guide is every guide of the repository the locale lies
 * in, though it was opened on one guide's folder (gn_source_adopt_repo).
 * Returns false when the query is empty. */
bool gn_finder_start(gn_finder *f, const char *query, gn_scope scope, size_t loc,
                     const char *guide_id);
/* Search up to budget more pages; true when every page in scope is done.
 * A stop asked for (interrupt.h) ends it early: a page being read then is
 * neither searched nor written to the text cache. */
bool gn_finder_step(gn_finder *f, size_t budget);
/* The results so far, in scope order (locale, guide, TOC order). */
const gn_found *gn_finder_results(const gn_finder *f, size_t *n);
/* Free the results so far, for a caller that has used them (printed
 * them, say): memory then stays small however many matches there are. The
 * results of the next steps start at index 0. */
void gn_finder_forget_results(gn_finder *f);
/* The messages ("PATH: outside the guide, not read") of the pages in
 * scope that the confinement check refused since the last call: such a
 * page is neither read nor kept in the text cache, and is said once per
 * finder. The caller takes the array and each message (and frees them);
 * NULL when none. */
char **gn_finder_take_refused(gn_finder *f, size_t *n);
/* Pages searched so far and in all, for a progress figure. */
void gn_finder_progress(const gn_finder *f, size_t *done, size_t *total);

#endif
