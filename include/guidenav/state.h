/* state.h: where the reader was, and their bookmarks, kept between runs.
 *
 * One file per locale set (named after a hash of its sources' roots) under
 * $XDG_STATE_HOME/guidenav/ (default ~/.local/state/guidenav/). Files are
 * written atomically: a temporary file in the same folder, fsync, rename;
 * so a crash or a full disk never leaves a half-written file, and two
 * instances quitting at once leave one whole file. A file that cannot be
 * read or parsed is reported (as an error value) and otherwise ignored. */
#ifndef GUIDENAV_STATE_H
#define GUIDENAV_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/error.h"
#include "guidenav/source.h"

/* A place in the locale set. Strings are owned by the struct. */
typedef struct gn_spot {
    char *locale;   /* tag */
    char *guide;    /* guide id, or NULL */
    char *page;     /* page path in the guide, or NULL */
    size_t top;     /* first line shown */
} gn_spot;

typedef struct gn_state {
    gn_spot last;          /* where the reader quit (page NULL: none) */
    bool compare;          /* the side-by-side view was on */
    char *right_locale;    /* its second locale, or NULL */
    gn_spot marks[26];     /* bookmarks 'a'..'z'; page NULL: unset */
} gn_state;

/* The state file for set (newly allocated path), under state_home when
 * not NULL, else $XDG_STATE_HOME, else $HOME/.local/state. NULL when no
 * folder can be named (no HOME). */
char *gn_state_path(const gn_localeset *set, const char *state_home);

/* Read the state at path into st (zeroed first). A missing file is not an
 * error (st stays empty, returns 0); an unreadable or corrupt one fails
 * with a message naming the file and line, leaving st empty. */
int gn_state_load(const char *path, gn_state *st, gn_error *err);

/* Write st to path atomically, creating the folder (0700) if needed. */
int gn_state_save(const char *path, const gn_state *st, gn_error *err);

void gn_state_free(gn_state *st);
/* Replace a spot's contents with copies (any argument may be NULL). */
void gn_spot_set(gn_spot *s, const char *locale, const char *guide, const char *page, size_t top);

#endif
