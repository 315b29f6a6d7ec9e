/* source.h: locale sources and the guides they hold.
 *
 * A locale source is a folder for one locale: a guide folder (holding
 * TOC.md or toc.md) or any folder holding guides (help/<guide>/TOC.md, or
 * <guide>/TOC.md). A locale set is every source given on the command line
 * plus the sibling folders discovered from them. Guides are identified
 * across locales by their path relative to the source root ("help/customers",
 * or "" when the source is itself a guide folder). TOCs are read lazily. */
#ifndef GUIDENAV_SOURCE_H
#define GUIDENAV_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include "guidenav/error.h"
#include "guidenav/toc.h"

typedef struct gn_guide {
    char *id;       /* path relative to the source root; "" for the root */
    char *dir;      /* the guide folder */
    char *toc_path; /* its TOC.md */
    gn_toc *toc;    /* NULL until gn_guide_toc loads it; then kept (each
                       locale's, for every switch) until the file changes
                       (gn_guide_refresh) */
    struct stat toc_stat; /* the TOC file as it was before it was read */
    signed char *found; /* per entry of toc: 0 not looked at yet, 1 a
                           page, -1 no page (gn_guide_entry_missing) */
    char *title;    /* gn_guide_title's answer before the TOC is loaded */
    char *toc_error; /* the load error, once it failed */
    const char *real_root; /* its source's real_repo: the TOC as opened
                              must lie below it */
} gn_guide;

typedef struct gn_source {
    char *tag;  /* locale tag, "" when unknown */
    char *root; /* absolute folder */
    char *repo; /* its repository root: the folder above "help/" when
                   the source lies inside one (or is one), else root;
                   "/help/..." links start there, and every read of the
                   source stays inside it (resolve.h) */
    char *real_repo; /* repo with every link resolved; NULL when it cannot be */
    char *real_root; /* root so resolved, once, when first needed */
    gn_guide *guides;
    size_t nguides;
} gn_source;

typedef struct gn_localeset {
    gn_source *v;
    size_t n;
} gn_localeset;

/* Build the locale set from command-line arguments (each "PATH" or
 * "LOCALE=PATH"). With one PATH, sibling folders with the same stem and
 * another locale suffix (or, for a path component that is a tag, sibling
 * folders named by other tags) join the set. Fails when a path does not
 * exist or holds no guide. */
int gn_localeset_discover(char *const *args, size_t nargs, gn_localeset *set,
                          gn_error *err);
void gn_localeset_free(gn_localeset *set);

/* The locale source of the guide above file, alone: the nearest folder
 * holding a TOC file from file's folder up (16 levels at most, "/" not
 * included), with its repository (gn_source's repo); no sibling
 * locale is looked for and no folder listed, so it costs a few stats (for
 * --dump of one page). Its guides may be none when that TOC is a link out
 * of the repository; its confinement holds all the same. 0 with src
 * filled, -1 when no folder above holds a TOC (src is then empty); free
 * src with gn_source_free either way. */
int gn_source_of_file(const char *file, gn_source *src);
/* The locale set of the guide above file, as a page named on the command
 * line opens in (--compare, the navigator): that guide's folder
 * (gn_source_of_file) discovered with its sibling locales
 * (gn_localeset_discover). -1 with err when no guide lies above file, or
 * discovery fails; set is then empty. Free set with gn_localeset_free. */
int gn_localeset_of_page(const char *file, gn_localeset *set, gn_error *err);
/* A set of one source at folder that holds no guide, for a page read
 * alone (a file in no guide, in the folder it really lies in; standard
 * input, in the current folder): its tag from its path, its repository
 * the folder itself, so a link from the page reads nothing above it.
 * Free set with gn_localeset_free. */
void gn_localeset_alone(const char *folder, gn_localeset *set);
/* Release what src holds; src is left empty. */
void gn_source_free(gn_source *src);

/* The source with this tag, or NULL. */
gn_source *gn_localeset_find(const gn_localeset *set, const char *tag);
/* The guide with this id in src, or NULL. */
gn_guide *gn_source_guide(const gn_source *src, const char *id);

/* The repository root a source at the absolute folder path would have
 * (the rule above): the folder above path's first "help" component, else
 * path itself. Newly allocated. */
char *gn_path_repo_root(const char *path);

/* Add the guide in folder dir (holding TOC.md) to src under id, unless a
 * guide of src already lives there; returns that guide, or NULL when dir
 * holds no TOC. Pointers to src's guides are invalid afterwards. */
gn_guide *gn_source_adopt(gn_source *src, const char *id, const char *dir);

/* Add every guide of src's repository (its guides as a source at the
 * repository root would find them: help/<guide>, <guide>) that src does
 * not hold yet, under ids from the repository root, when src was opened
 * on a folder inside it (a guide folder); returns how many were added.
 * Pointers to src's guides are invalid afterwards. */
size_t gn_source_adopt_repo(gn_source *src);

/* The guide's TOC, read on first use; NULL on failure with err set (and the
 * failure remembered, so it is reported again without rereading). */
const gn_toc *gn_guide_toc(gn_guide *g, gn_error *err);

/* Whether entry (an index in the guide's TOC, loaded: gn_guide_toc) is a
 * page entry whose target names no page of src (no file, or one outside:
 * gn_resolve_in_guide). Looked at when first asked (the rows a tree
 * shows, not every entry) and kept with the TOC: a tree of the guide
 * built again (a locale switch) looks at no file. */
bool gn_guide_entry_missing(const gn_source *src, gn_guide *g, size_t entry);

/* Forget the guide's TOC (with its title and its entries' states) when
 * its file changed since it was read (its size, time or inode; or it is
 * gone, or came back), and with files, which of its entries' files were
 * missing in any case: the next use reads and looks again. True when
 * something was forgotten: pointers to its TOC or states are then
 * invalid. */
bool gn_guide_refresh(gn_guide *g, bool files);

/* The guide's title (gn_toc_title of its TOC): from the TOC's front
 * matter alone when it has one, without reading the list; else the TOC is
 * loaded; the folder's name when it cannot be. Valid while g is. */
const char *gn_guide_title(gn_guide *g);

/* The locale tag a path names: the deepest "stem.TAG" folder suffix, else
 * the deepest component that is a tag, else "und". Newly allocated. */
char *gn_path_locale(const char *path);

/* True when folder holds a guide or guides. */
bool gn_folder_has_guides(const char *folder);

#endif
