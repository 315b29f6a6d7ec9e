/* modes.h: the command line's options, and the non-interactive modes
 * (--toc, --locales, --dump, --compare, --toc-matrix, --search, --check):
 * each prints on stdout and returns a status; main decides the exit. */
#ifndef GN_MODES_H
#define GN_MODES_H

#include <stdbool.h>
#include "guidenav/check.h"
#include "guidenav/config.h"
#include "guidenav/error.h"
#include "guidenav/finder.h"
#include "guidenav/locale.h"

typedef enum gn_mode { MODE_TUI, MODE_TOC, MODE_DUMP, MODE_LOCALES, MODE_COMPARE, MODE_MATRIX,
                    MODE_CHECK, MODE_SEARCH, MODE_PRINT_CONFIG } gn_mode;

/* The options given on the command line. */
typedef struct gn_options {
    gn_mode mode;
    const char *page;
    int width;
    bool plain;
    bool ascii;
    bool osc52;
    int hyperlinks;      /* --hyperlinks 1, --no-hyperlinks 0, else -1 */
    bool mouse;
    const char *pair;    /* --compare A,B */
    bool interleave;
    const char *reference; /* --reference LOCALE: staleness and --check;
                            * NULL: the configuration's */
    const char *config;  /* --config FILE */
    bool no_config;      /* --no-config */
    bool kinds[GN_CHECK_MAX_KINDS];      /* --check: the kinds of problem reported */
    bool sarif;          /* --format sarif */
    const char *query;   /* --search */
    gn_scope scope;
    bool no_state;
    bool no_cache;
    const gn_color_spec *colors; /* the configuration's, for --dump and --compare */
} gn_options;

/* Print "guidenav: MESSAGE" on stderr, the message made safe for a
 * terminal: paths and arguments may hold control characters. */
void gn_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when the locale's character set is UTF-8. Sets LC_CTYPE from the
 * environment, which the painters read (a non-UTF-8 one gets ASCII text):
 * call it before painting, with --ascii too. */
bool gn_utf8_locale(void);

/* --toc: each guide's table of contents of the first locale, an entry a
 * record (indented title, target); -1 with err. */
int gn_mode_toc(gn_localeset *set, gn_error *err);

/* --locales: tag, path and the guide's title of each locale; -1 (each
 * message already reported) when a TOC cannot be read. */
int gn_mode_locales(gn_localeset *set, const char *guide_id);

/* --dump PAGE: the page laid out for the terminal; -1 with err. Pages are
 * parsed into an arena from then on: the process is to end after. */
int gn_mode_dump(const gn_options *o, gn_error *err);

/* --compare A,B PAGE [PATH...]: the page in two locales, aligned; -1 with
 * err. */
int gn_mode_compare(const gn_options *o, char **args, int nargs, gn_error *err);

/* --toc-matrix: every guide's TOC across the locales, one table; -1 with
 * err. */
int gn_mode_matrix(gn_localeset *set, const char *reference, gn_error *err);

/* --search: one line per match; the exit status (0 a match, 1 none, 2 the
 * output cannot be written). SIGINT, SIGTERM and SIGHUP end it between
 * steps, the cache saved, and then end the process as the signal would
 * have; set is freed before that. */
int gn_mode_search(gn_localeset *set, const gn_options *o);

/* --check: the problems of the kinds chosen; 1 when any counts. */
int gn_mode_check(gn_localeset *set, const gn_options *o);

#endif
