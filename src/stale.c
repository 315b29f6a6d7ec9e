/* stale.c: translation staleness through libgit2 (see stale.h).
 *
 * A page is compared by blob id: the id of its file in the tree of the
 * translation's source commit against the id in the tree of HEAD. Equal ids
 * mean equal content, so no file is read. Many pages of a guide name the
 * same source commit, so the repository keeps the last resolved commit (and
 * its tree) and HEAD's tree; HEAD is read once, at first use, so a commit
 * made after that is seen only by a newly opened gn_repo.
 *
 * libgit2 is loaded with dlopen when a repository is first opened: linked
 * in, it and the eighteen libraries it needs (TLS, SSH, Kerberos...) made
 * every start of the program 1.7 ms slower, also when no history is read. */
#include <ctype.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <git2.h>
#include "guidenav/stale.h"
#include "guidenav/util.h"

struct gn_repo {
    git_repository *git;
    char *workdir;          /* real path of the work tree, no trailing '/' */

    int head_state;         /* 0 not read yet, 1 read, -1 unreadable */
    git_tree *head_tree;    /* NULL when HEAD is unborn (an empty repo) */
    gn_error head_err;

    char *last_spec;        /* the commit string last asked about */
    git_tree *last_tree;    /* its commit's tree, NULL when it is unknown */
    gn_error last_err;      /* why it is unknown */
};

const char *gn_stale_name(gn_stale s)
{
    switch (s) {
    case GN_STALE_FRESH: return "fresh";
    case GN_STALE_STALE: return "stale";
    case GN_STALE_UNKNOWN: break;
    }
    return "unknown";
}

/* The libgit2 functions used here, as pointers filled by git_ready. */
#define GIT_FUNCTIONS(X) \
    X(libgit2_init) X(error_last) X(repository_open_ext) X(repository_workdir) \
    X(repository_is_bare) X(repository_free) X(repository_head) X(reference_peel) \
    X(reference_free) X(revparse_single) X(object_peel) X(object_free) X(commit_tree) \
    X(tree_free) X(tree_entry_bypath) X(tree_entry_id) X(tree_entry_type) \
    X(tree_entry_free) X(oid_cpy) X(oid_equal) X(diff_options_init) \
    X(diff_tree_to_tree) X(diff_print) X(diff_free)

static struct {
#define X(name) __typeof__(git_##name) *name;
    GIT_FUNCTIONS(X)
#undef X
} lib;

/* Load and initialise libgit2 (GN_LIBGIT2, its soname, set by the
 * Makefile) on first use. Its global state lives until the process ends:
 * gn_repo objects come and go, and shutting the library down under a
 * still-open repository would be worse than a few reachable bytes. */
static int git_ready(gn_error *err)
{
    static int ready; /* 0 not tried, 1 ready, -1 failed */
    static gn_error failure;
    if (ready == 0) {
        ready = -1;
        void *h = dlopen(GN_LIBGIT2, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            gn_fail(&failure, "cannot load libgit2 (%s): %s", GN_LIBGIT2, dlerror());
        } else {
            const char *missing = NULL;
#define X(name)                                                              \
            if (!missing && !(*(void **)&lib.name = dlsym(h, "git_" #name))) \
                missing = "git_" #name;
            GIT_FUNCTIONS(X)
#undef X
            if (missing)
                gn_fail(&failure, "%s lacks %s", GN_LIBGIT2, missing);
            else if (lib.libgit2_init() < 0)
                gn_fail(&failure, "libgit2: cannot initialise");
            else
                ready = 1;
        }
    }
    if (ready < 0)
        return gn_fail(err, "%s", failure.msg);
    return 0;
}

/* libgit2's last error message, or fallback when it has none. */
static const char *git_message(const char *fallback)
{
    const git_error *e = lib.error_last();
    return e && e->message && e->message[0] ? e->message : fallback;
}

gn_repo *gn_repo_open(const char *folder, gn_error *err)
{
    if (!folder || !folder[0]) {
        gn_fail(err, "no folder given");
        return NULL;
    }
    if (git_ready(err) < 0)
        return NULL;
    git_repository *git = NULL;
    /* Flags 0: search upward from folder, staying on its file system. */
    if (lib.repository_open_ext(&git, folder, 0, NULL) < 0) {
        gn_fail(err, "%s: not inside a git checkout (%s)", folder,
                git_message("no repository found"));
        return NULL;
    }
    const char *wd = lib.repository_workdir(git);
    if (lib.repository_is_bare(git) || !wd) {
        gn_fail(err, "%s: the git repository has no work tree", folder);
        lib.repository_free(git);
        return NULL;
    }
    char *real = realpath(wd, NULL);
    char *workdir = real ? gn_xstrdup(real) : gn_path_absolute(wd);
    free(real);
    if (!workdir) {
        gn_fail(err, "%s: cannot resolve the work tree", wd);
        lib.repository_free(git);
        return NULL;
    }
    size_t n = strlen(workdir);
    while (n > 1 && workdir[n - 1] == '/')
        workdir[--n] = '\0';

    gn_repo *repo = gn_xcalloc(1, sizeof *repo);
    repo->git = git;
    repo->workdir = workdir;
    return repo;
}

void gn_repo_free(gn_repo *repo)
{
    if (!repo)
        return;
    lib.tree_free(repo->head_tree);
    lib.tree_free(repo->last_tree);
    free(repo->last_spec);
    free(repo->workdir);
    lib.repository_free(repo->git);
    free(repo);
}

/* The real absolute form of path, which need not exist: realpath when it
 * does, else its folder's realpath joined with its name (a page deleted
 * from the work tree), else the textual absolute form. NULL only when the
 * current folder is unknown. The caller frees the result. */
static char *resolve_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real) {
        char *r = gn_xstrdup(real);
        free(real);
        return r;
    }
    char *abs = gn_path_absolute(path);
    if (!abs)
        return NULL;
    char *dir = gn_path_dirname(abs);
    char *rdir = realpath(dir, NULL);
    free(dir);
    if (!rdir)
        return abs;
    char *r = gn_path_join(rdir, gn_path_basename(abs));
    free(rdir);
    free(abs);
    return r;
}

/* path relative to repo's work tree ("help/a/b.md"), newly allocated, or
 * NULL (err set) when it is not a file name strictly inside the work tree. */
static char *relative_path(gn_repo *repo, const char *path, gn_error *err)
{
    if (!path || !path[0]) {
        gn_fail(err, "no page given");
        return NULL;
    }
    char *abs = resolve_path(path);
    if (!abs) {
        gn_fail(err, "%s: cannot resolve the path", path);
        return NULL;
    }
    size_t n = strlen(repo->workdir);
    const char *rel = NULL;
    if (n == 1 && repo->workdir[0] == '/')
        rel = abs + 1;                       /* a work tree at the root */
    else if (strncmp(abs, repo->workdir, n) == 0 && abs[n] == '/')
        rel = abs + n + 1;
    if (!rel || !rel[0]) {
        gn_fail(err, "%s: not inside the work tree %s", path, repo->workdir);
        free(abs);
        return NULL;
    }
    char *r = gn_xstrdup(rel);
    free(abs);
    return r;
}

/* HEAD's tree, read once: 0 with *tree set (NULL for an unborn HEAD), or -1
 * with err set when HEAD cannot be read. */
static int head_tree(gn_repo *repo, git_tree **tree, gn_error *err)
{
    if (repo->head_state == 0) {
        git_reference *head = NULL;
        git_object *obj = NULL;
        int rc = lib.repository_head(&head, repo->git);
        if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) {
            repo->head_state = 1;
        } else if (rc < 0 || lib.reference_peel(&obj, head, GIT_OBJECT_TREE) < 0) {
            gn_fail(&repo->head_err, "%s: cannot read HEAD (%s)",
                    repo->workdir, git_message("unknown error"));
            repo->head_state = -1;
        } else {
            repo->head_tree = (git_tree *)obj;
            repo->head_state = 1;
        }
        lib.reference_free(head);
    }
    if (repo->head_state < 0) {
        if (err)
            *err = repo->head_err;
        return -1;
    }
    *tree = repo->head_tree;
    return 0;
}

/* Whether spec looks like a full or abbreviated hex object id. Only ids are
 * accepted: a front matter value such as "main" must not name a branch. */
static bool is_hex_id(const char *spec)
{
    size_t n = strlen(spec);
    if (n < GIT_OID_MINPREFIXLEN || n > GIT_OID_HEXSZ)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)spec[i]))
            return false;
    return true;
}

/* The tree of the commit named by spec, cached for the next call with the
 * same spec (an unknown commit is cached too): 0 with *tree set, or -1 with
 * err set when spec is missing, not an id, or names no commit. */
static int commit_tree(gn_repo *repo, const char *spec, git_tree **tree, gn_error *err)
{
    if (!spec || !spec[0])
        return gn_fail(err, "no source commit given");
    if (!repo->last_spec || strcmp(repo->last_spec, spec) != 0) {
        lib.tree_free(repo->last_tree);
        repo->last_tree = NULL;
        free(repo->last_spec);
        repo->last_spec = gn_xstrdup(spec);
        git_object *obj = NULL, *commit = NULL;
        if (!is_hex_id(spec)) {
            gn_fail(&repo->last_err, "%s: not a commit id", spec);
        } else if (lib.revparse_single(&obj, repo->git, spec) < 0
                   || lib.object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0) {
            gn_fail(&repo->last_err, "commit %s: not in %s (%s)", spec,
                    repo->workdir, git_message("not found"));
        } else if (lib.commit_tree(&repo->last_tree, (git_commit *)commit) < 0) {
            repo->last_tree = NULL;
            gn_fail(&repo->last_err, "commit %s: cannot read its tree (%s)",
                    spec, git_message("unknown error"));
        }
        lib.object_free(commit);
        lib.object_free(obj);
    }
    if (!repo->last_tree) {
        if (err)
            *err = repo->last_err;
        return -1;
    }
    *tree = repo->last_tree;
    return 0;
}

/* The blob id of rel in tree into *id: 1 when tree holds a file there, 0
 * when it holds none (libgit2's "not found": no such entry, or a folder or
 * a submodule at rel), -1 with err set on any other error, such as a tree
 * object that cannot be read from a damaged pack: the answer is then
 * unknown, never "absent". */
static int blob_id(git_tree *tree, const char *rel, git_oid *id, gn_error *err)
{
    git_tree_entry *e = NULL;
    if (!tree)
        return 0;
    int rc = lib.tree_entry_bypath(&e, tree, rel);
    if (rc == GIT_ENOTFOUND)
        return 0;
    if (rc < 0)
        return gn_fail(err, "%s: cannot read its tree (%s)", rel, git_message("unknown error"));
    bool blob = lib.tree_entry_type(e) == GIT_OBJECT_BLOB;
    if (blob)
        lib.oid_cpy(id, lib.tree_entry_id(e));
    lib.tree_entry_free(e);
    return blob;
}

/* What gn_repo_stale and gn_repo_diff share: the page's relative path and
 * both trees, and whether the page is at each side. Returns -1 (err set)
 * when the answer is unknown; on 0 the caller frees *rel. */
static int locate(gn_repo *repo, const char *path, const char *commit, char **rel,
                  git_tree **old_tree, git_tree **new_tree, int *same, gn_error *err)
{
    *rel = NULL;
    if (!repo)
        return gn_fail(err, "no repository");
    if (commit_tree(repo, commit, old_tree, err) < 0
        || head_tree(repo, new_tree, err) < 0)
        return -1;
    char *r = relative_path(repo, path, err);
    if (!r)
        return -1;
    git_oid a, b;
    int in_old = blob_id(*old_tree, r, &a, err);
    int in_new = in_old < 0 ? -1 : blob_id(*new_tree, r, &b, err);
    if (in_old < 0 || in_new < 0) {
        free(r);
        return -1;
    }
    if (!in_old && !in_new) {
        gn_fail(err, "%s: not in commit %s nor at HEAD", r, commit);
        free(r);
        return -1;
    }
    *same = in_old && in_new && lib.oid_equal(&a, &b);
    *rel = r;
    return 0;
}

gn_stale gn_repo_stale(gn_repo *repo, const char *path, const char *commit)
{
    char *rel;
    git_tree *old_tree, *new_tree;
    int same;
    if (locate(repo, path, commit, &rel, &old_tree, &new_tree, &same, NULL) < 0)
        return GN_STALE_UNKNOWN;
    free(rel);
    return same ? GN_STALE_FRESH : GN_STALE_STALE;
}

bool gn_repo_knows_commit(gn_repo *repo, const char *commit)
{
    git_tree *tree;
    return repo && commit_tree(repo, commit, &tree, NULL) == 0;
}

/* git_diff_print callback: append one line of the patch to a gn_buf. The
 * origin of added, removed and context lines is not part of their content. */
static int add_diff_line(const git_diff_delta *delta, const git_diff_hunk *hunk,
                         const git_diff_line *line, void *payload)
{
    (void)delta;
    (void)hunk;
    gn_buf *out = payload;
    if (line->origin == GIT_DIFF_LINE_ADDITION || line->origin == GIT_DIFF_LINE_DELETION
        || line->origin == GIT_DIFF_LINE_CONTEXT)
        gn_buf_addc(out, line->origin);
    gn_buf_add(out, line->content, line->content_len);
    return 0;
}

char *gn_repo_diff(gn_repo *repo, const char *path, const char *commit, gn_error *err)
{
    char *rel;
    git_tree *old_tree, *new_tree;
    int same;
    if (locate(repo, path, commit, &rel, &old_tree, &new_tree, &same, err) < 0)
        return NULL;
    if (same) {
        free(rel);
        return gn_xstrdup("");
    }
    git_diff_options opts;
    lib.diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    char *spec[1] = {rel};
    opts.pathspec.strings = spec;
    opts.pathspec.count = 1;
    opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH; /* the exact path, no globs */
    git_diff *diff = NULL;
    gn_buf out = GN_BUF_INIT;
    char *text = NULL;
    if (lib.diff_tree_to_tree(&diff, repo->git, old_tree, new_tree, &opts) < 0
        || lib.diff_print(diff, GIT_DIFF_FORMAT_PATCH, add_diff_line, &out) < 0) {
        gn_fail(err, "%s: cannot diff from %s to HEAD (%s)", rel, commit,
                git_message("unknown error"));
        gn_buf_free(&out);
    } else {
        text = gn_buf_take(&out);
    }
    lib.diff_free(diff);
    free(rel);
    return text;
}

gn_repo *gn_repo_of_locale(const gn_localeset *set, const char *tag)
{
    gn_source *src = tag ? gn_localeset_find(set, tag) : NULL;
    if (!src)
        return NULL;
    /* The locale's own checkout, at its repository root: a .git folder
     * there, no search above it, and no .git file or link (a gitfile, a
     * worktree's or a link to another repository) followed out. */
    char *dotgit = gn_path_join(src->repo, ".git");
    struct stat st;
    bool own = lstat(dotgit, &st) == 0 && S_ISDIR(st.st_mode);
    free(dotgit);
    return own ? gn_repo_open(src->repo, NULL) : NULL;
}
