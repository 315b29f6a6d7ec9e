/* resolve.h: what a target as written names, and whether it may be read.
 *
 * Every target a guide writes (a TOC entry, a page link, an image, a
 * snippets file) goes through gn_resolve, whatever the mode: navigator,
 * --dump, --compare, --search, --check, --toc-matrix. So a TOC entry and a
 * page link that name the same file resolve alike:
 *
 *   "page.md", "./sub/page.md", "../other/page.md"   from the folder of the
 *                                                    file the target is in
 *   "/help/guide/page.md"                            from the repository root
 *   "page%20name.md"                                 percent-decoded when the
 *                                                    decoded name exists
 *   "page.md#anchor", "page.md/#anchor", "#anchor"   a fragment
 *   "https://...", "mailto:...", "//host/..."        external
 *
 * and every read of a guide's file passes one confinement check
 * (gn_source_check_read): a regular file inside the locale source's
 * repository, reached through no symbolic link that leads out. */
#ifndef GUIDENAV_RESOLVE_H
#define GUIDENAV_RESOLVE_H

#include <stdbool.h>
#include "guidenav/error.h"
#include "guidenav/source.h"
#include "guidenav/util.h"

typedef enum gn_target_kind {
    GN_TARGET_PAGE,     /* a regular file inside the source's repository */
    GN_TARGET_ANCHOR,   /* "#name" alone: a place in the file it is written in */
    GN_TARGET_EXTERNAL, /* a URL: a scheme ("https:", "mailto:") or a host ("//") */
    GN_TARGET_SITE,     /* a site path ("/docs/...") naming no file of the repository */
    GN_TARGET_OUTSIDE,  /* a file outside the repository, or a link leading out */
    GN_TARGET_MISSING   /* no such file in the repository (or a folder) */
} gn_target_kind;

typedef struct gn_target {
    gn_target_kind kind;
    char *file;   /* absolute and normalised, without fragment or query:
                     PAGE, OUTSIDE and MISSING; else NULL */
    char *rel;    /* file's path from the repository root: PAGE and
                     MISSING; else NULL */
    char *anchor; /* the fragment, percent-decoded; NULL when none */
    const char *why; /* OUTSIDE, MISSING, SITE: one phrase ("outside the
                        guide, not read"); static */
} gn_target;

/* The phrase every mode uses when it refuses a file outside the guide. */
#define GN_OUTSIDE_MSG "outside the guide, not read"

/* True when url names a scheme ("https:", "mailto:") or a host ("//"). */
bool gn_url_is_external(const char *url);

/* The longest URL a terminal hyperlink is made for: longer ones (as some
 * terminals refuse them) are left plain text. */
#define GN_HYPERLINK_MAX 2048

/* Append to out the OSC 8 sequence that opens a terminal hyperlink to url
 * (ESC ] 8 ; ; URL ST) when url is a web or mail address (http:, https:,
 * mailto:, any case), the only ones a terminal is asked to open: every
 * byte outside printable ASCII (control bytes, space, DEL, UTF-8) is
 * percent-encoded, so the sequence cannot end early or carry another one.
 * True when it was appended; false, out unchanged, for any other target or
 * when the URL is longer than GN_HYPERLINK_MAX once encoded. The sequence
 * that closes it is GN_HYPERLINK_CLOSE. */
bool gn_hyperlink_open(gn_buf *out, const char *url);
#define GN_HYPERLINK_CLOSE "\033]8;;\033\\"

/* Resolve target as written in the file `from` (an absolute path of a page
 * or TOC of src; NULL: a target written at the repository root). out is
 * overwritten; free it with gn_target_free. Never fails: what cannot be
 * read is said by out->kind. */
void gn_resolve(const gn_source *src, const char *from, const char *target, gn_target *out);
void gn_target_free(gn_target *t);

/* 0 when path is a regular file inside src's repository (links resolved);
 * else -1 with err "PATH: outside the guide, not read" or "PATH: no such
 * file". The check every mode makes before reading a guide's file. */
int gn_source_check_read(const gn_source *src, const char *path, gn_error *err);

/* True when path, with every symbolic link resolved, is root or lies below
 * it; real_root is root with its links resolved (realpath), or NULL when
 * root cannot be resolved (then nothing is inside). A path spelled below
 * root through no link, "." or ".." is inside without realpath's readlink
 * per component. False when path does not exist. */
bool gn_path_within(const char *path, const char *root, const char *real_root);

/* The guide of src holding file (absolute, inside src's repository): the
 * guide whose folder holds it, or else the nearest folder with a TOC between
 * file and the repository root, adopted (gn_source_adopt; pointers to src's
 * guides are then invalid). *page receives file's path in that guide (a
 * pointer into file). NULL when no guide holds it. */
gn_guide *gn_source_guide_of(gn_source *src, const char *file, const char **page);

/* The same across a locale set: the guide of the first source whose
 * repository holds file, *src receiving that source. */
gn_guide *gn_localeset_guide_of(gn_localeset *set, const char *file, gn_source **src,
                                const char **page);

/* The file of page (a path relative to guide g's folder, as a session or a
 * TOC entry keeps it; a fragment is ignored) resolved like a TOC entry of
 * g. The same as gn_resolve(src, g's TOC, page). */
void gn_resolve_in_guide(const gn_source *src, const gn_guide *g, const char *page,
                         gn_target *out);

#endif
