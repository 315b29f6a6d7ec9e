/* snippets.h: the {{name}} snippets of a page.
 *
 * A page may name a snippet, "{{name}}", alone in a paragraph (its blocks
 * stand there) or inside a sentence (its text does). Snippets are the
 * sections of the nearest snippets file, _includes/snippets.md or
 * help/_includes/snippets.md, in a folder from the page's up to the
 * repository root its reads are confined to, never above it: a file there
 * that is a symbolic link out of that root is not read. A snippet is the
 * heading whose anchor ("## Title {#name}") is its name and the blocks
 * after it up to the next heading of its level or above; of two headings
 * with the same anchor, the first in the file is the snippet.
 *
 * The file is read and parsed when a snippet is first looked up, and its
 * headings sorted by anchor once, so each later look-up is O(log n). */
#ifndef GUIDENAV_SNIPPETS_H
#define GUIDENAV_SNIPPETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmark-gfm.h>
#include "guidenav/para.h"

/* Snippets may include snippets; this bounds the chain (and any cycle). */
#define GN_SNIPPET_DEPTH 4

/* The snippets of one page: its snippets file, parsed, and the file's
 * headings by anchor. */
typedef struct gn_snippets {
    const char *page;  /* the page's file, or NULL: no snippet is found */
    const char *repo;  /* the root reads are confined to, or NULL (see
                        * gn_snippets_path) */
    int depth;         /* snippets being laid out, one inside another;
                        * the caller counts them */
    bool tried;        /* the file was looked for (a snippet was looked up) */
    cmark_node *doc;   /* the parsed file, or NULL */
    struct gn_snippet_head *heads; /* its headings with an anchor, sorted */
    size_t nheads;
} gn_snippets;

/* Start the snippets of the page file page (NULL: none) whose reads are
 * confined to repo (may be NULL). Reads nothing; both strings are
 * borrowed and must outlive sn. Free with gn_snippets_free. */
void gn_snippets_init(gn_snippets *sn, const char *page, const char *repo);
/* Free what sn holds (the parsed file, its headings); NULL-safe. */
void gn_snippets_free(gn_snippets *sn);

/* The snippets file of the page file page: the nearest
 * _includes/snippets.md or help/_includes/snippets.md in each folder from
 * the page's up to the repository root it is confined to, repo when
 * given, else the one its locale source would have (gn_path_repo_root of
 * the page's folder). A file outside that root (a link leading out) is
 * not taken. Newly allocated, or NULL when there is none. */
char *gn_snippets_path(const char *page, const char *repo);

/* The heading of the snippet name (len bytes, not NUL-terminated), or
 * NULL when there is none or sn->depth has reached GN_SNIPPET_DEPTH. The
 * first look-up reads and parses the snippets file (sn->tried). */
cmark_node *gn_snippets_find(gn_snippets *sn, const char *name, size_t len);

/* The block of the snippet whose heading is h after block n (n == h: its
 * first block), or NULL after its last: the blocks up to the next heading
 * of h's level or above. */
cmark_node *gn_snippet_next(cmark_node *h, cmark_node *n);

/* The length of a "{{name}}" reference at s[0..len) (name: letters,
 * digits, '-' and '_'), or 0 when s does not start with one. The name is
 * s[*name, *name + *name_len). */
size_t gn_snippet_ref(const char *s, size_t len, size_t *name, size_t *name_len);

/* The heading of the snippet p's text is a reference to, all of it (a
 * paragraph that is one "{{name}}", whose blocks stand for it), or NULL:
 * the text is more, or the snippet is not found (gn_snippets_find). */
cmark_node *gn_snippets_whole(gn_snippets *sn, const gn_para *p);

/* Replace each "{{name}}" in p's text (p after gn_para_markup) by its
 * snippet's text, the blocks' plain text joined by spaces, in the style
 * of the reference's first byte with the snippet's own styles added; a
 * snippet not found by a visible placeholder, "[snippet name not found]".
 * p's links, anchor and soft breaks are kept. One pass builds the new
 * text: many references cost no more than one each. */
void gn_snippets_inline(gn_snippets *sn, gn_para *p);

#endif
