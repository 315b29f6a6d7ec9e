/* toc.h: a guide's table of contents (TOC.md), parsed through cmark-gfm.
 *
 * TOC.md is YAML front matter, a "# Title {#anchor}" heading and a nested
 * Markdown list. Each list item is one entry: a page ("[Title](page.md)"),
 * an external link ("[Title](https://...)") or a group ("Label {#anchor}").
 * Entries are kept flat in document (pre-)order with their depth, which is
 * what a tree view and "--toc" walk. */
#ifndef GUIDENAV_TOC_H
#define GUIDENAV_TOC_H

#include <stddef.h>
#include "guidenav/error.h"
#include "guidenav/meta.h"

typedef enum gn_toc_kind {
    GN_TOC_PAGE,     /* target is a page path relative to the guide folder */
    GN_TOC_EXTERNAL, /* target is a URL */
    GN_TOC_GROUP     /* no target; anchor may be set */
} gn_toc_kind;

typedef struct gn_toc_entry {
    gn_toc_kind kind;
    char *title;  /* markup rendered as plain text, sanitised */
    char *target; /* page path or URL, sanitised; NULL for a group */
    char *anchor; /* "{#anchor}" name without '#', or NULL */
    int depth;    /* 0 for top-level items */
    int line;     /* 1-based line in TOC.md */
} gn_toc_entry;

typedef struct gn_toc {
    char *path;          /* the TOC.md file */
    gn_meta meta;        /* every front matter key */
    char *heading;       /* the "# Title" heading, plain, or NULL */
    char *anchor;        /* the heading's anchor, or NULL */
    char *title;         /* what gn_toc_title answers; NULL until parsed */
    gn_toc_entry *entries;
    size_t n;
} gn_toc;

/* Parse TOC text (len bytes) read from path. On failure the toc is left
 * empty and err names the file and line. gn_toc_free releases it either way. */
int gn_toc_parse(const char *path, const char *text, size_t len, gn_toc *toc,
                 gn_error *err);
/* Read and parse the file at path, which as opened must lie at or below
 * real_root (a locale source's real_repo; NULL: anywhere), checked on the
 * open descriptor (gn_read_file_within). */
int gn_toc_load(const char *path, const char *real_root, gn_toc *toc, gn_error *err);
/* The title gn_toc_title would give the TOC at path, when its front
 * matter has one (user-guide-title), read without parsing the list; NULL
 * when it has none or cannot be read (or lies outside real_root, as for
 * gn_toc_load). Newly allocated. */
char *gn_toc_peek_title(const char *path, const char *real_root);
void gn_toc_free(gn_toc *toc);

/* The guide's title: user-guide-title from front matter (markup rendered),
 * else the heading, else the folder name. Lives as long as toc. */
const char *gn_toc_title(const gn_toc *toc);

/* Index of the first page entry whose target names the same file as page
 * (a path relative to the guide folder, "./" and "#fragment" ignored), or
 * -1. */
long gn_toc_find_page(const gn_toc *toc, const char *page);

/* The page entry that reading the guide straight through comes to after
 * entry from (dir 1) or before it (dir -1), in the TOC's order: groups and
 * external links are passed over, and so are entries naming from's file
 * (a "page.md#section" entry under "page.md"), so that reading goes on to
 * another page. Going back, it is the first of the entries just before
 * the one found that name its file too: the page from its top. from may
 * be -1 (dir 1: the first page entry) or toc->n (dir -1: the last).
 * Returns the entry's index, or -1 when there is none that way. */
long gn_toc_next_page(const gn_toc *toc, long from, int dir);

#endif
