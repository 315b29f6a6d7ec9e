/* stale.h: translation staleness, read from the reference locale's git
 * history through libgit2.
 *
 * A translated page records in its front matter the reference commit it was
 * translated from (source-git-commit). It is stale when the reference page
 * changed after that commit: its content at HEAD differs from its content
 * at that commit. Without a git checkout, or when the commit or the page is
 * unknown to the repository, the answer is "unknown", never a guess. */
#ifndef GUIDENAV_STALE_H
#define GUIDENAV_STALE_H

#include <stdbool.h>
#include "guidenav/error.h"
#include "guidenav/source.h"

typedef enum gn_stale {
    GN_STALE_UNKNOWN,
    GN_STALE_FRESH,
    GN_STALE_STALE
} gn_stale;

/* "unknown", "fresh" or "stale". */
const char *gn_stale_name(gn_stale s);

typedef struct gn_repo gn_repo;

/* The git repository whose work tree holds folder (found by searching
 * upward), or NULL when folder is not inside a checkout (err then says
 * why, when err is not NULL). gn_repo_free(NULL) is a no-op. */
gn_repo *gn_repo_open(const char *folder, gn_error *err);
/* HEAD is read once, at first use: reopen the repository to see later
 * commits. */
void gn_repo_free(gn_repo *repo);
/* The repository of the locale with this tag in set (the reference locale,
 * where staleness is read): a .git folder at the locale's repository root
 * (gn_source's repo). NULL when set has no such locale, or no .git
 * folder is there: none is looked for above it, and a .git file or link
 * (a worktree's, a submodule's, one leading to another repository) is not
 * followed. */
gn_repo *gn_repo_of_locale(const gn_localeset *set, const char *tag);

/* Whether the reference page at path (a file inside repo's work tree; any
 * form that names it: absolute, or relative to the current folder) changed
 * between commit (a full or abbreviated hex id; NULL or "" for none) and
 * HEAD. Unknown when commit is missing or not in the repository, or the
 * page is at neither. */
gn_stale gn_repo_stale(gn_repo *repo, const char *path, const char *commit);

/* True when commit (a full or abbreviated hex id) names a commit of
 * repo; false for anything else, a branch name included. */
bool gn_repo_knows_commit(gn_repo *repo, const char *commit);

/* The unified diff of the page at path from commit to HEAD, as text (newly
 * allocated; empty when it did not change), or NULL with err set when the
 * commit or the page is unknown. */
char *gn_repo_diff(gn_repo *repo, const char *path, const char *commit, gn_error *err);

#endif
