/* state.h: where the reader was, and their bookmarks, kept between runs.
 *
 * One file per locale set (named after a hash of its sources' roots) under
 * $XDG_STATE_HOME/guidenav/ (default ~/.local/state/guidenav/). Files are
 * written atomically: a temporary file in the same folder, fsync, rename;
 * so a crash or a full disk never leaves a half-written file. Two
 * instances on one set share the file: a save locks it ("FILE.lock"),
 * reads it again and merges, so neither loses the other's bookmarks. A
 * file that cannot be read or parsed is reported (as an error value) and
 * renamed to "FILE.bad", never destroyed. */
#ifndef GUIDENAV_STATE_H
#define GUIDENAV_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "guidenav/error.h"
#include "guidenav/source.h"

/* A place in the locale set. Strings are owned by the struct. */
typedef struct gn_spot {
    char *locale;   /* tag */
    char *guide;    /* guide id, or NULL */
    char *page;     /* page path in the guide, or NULL */
    size_t top;     /* first line shown */
    uint64_t set;   /* a bookmark: when it was set (or deleted: page
                       NULL), in seconds since 1970; 0: unknown (files
                       of older versions) */
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
 * with a message naming the file and line, leaving st empty, and is
 * renamed to "PATH.bad" (replacing an older one): *kept (when kept is not
 * NULL) gets that name, newly allocated, or NULL when the file could not
 * be kept aside, which the message then explains. A folder at path is
 * left where it is. */
int gn_state_load(const char *path, gn_state *st, char **kept, gn_error *err);

/* Save st to path, creating the folder (0700) if needed: under the lock,
 * read the file again (keeping a bad one aside as gn_state_load does, and
 * failing rather than overwrite it when that cannot be done), merge, and
 * write atomically. The merge keeps st's place, compare and second
 * locale, and the bookmarks of both: for a letter both have, the one with
 * the later set time (a tie: st's), a bookmark deleted (gn_spot_delete)
 * counting as set at the time it was deleted. st then holds the merged
 * state, what was written on success. A bookmark the file holds is
 * removed only by a deletion saved after it was set. */
int gn_state_save(const char *path, gn_state *st, gn_error *err);

void gn_state_free(gn_state *st);
/* Replace a spot's contents with copies (any argument may be NULL); its
 * set time becomes 0 (unknown). */
void gn_spot_set(gn_spot *s, const char *locale, const char *guide, const char *page, size_t top);
/* Empty bookmark spot s, remembering that it was deleted at when (seconds
 * since 1970): a save then removes the bookmark from the file, unless
 * another guidenav sharing it set that letter later. */
void gn_spot_delete(gn_spot *s, uint64_t when);

#endif
