/* textcache.h: the searchable text of pages, kept on disk between runs,
 * so that a search reads again only the pages that changed.
 *
 * One file per locale source (its root and language) in a cache folder. An
 * entry holds what search needs of a page (its title, its paragraphs'
 * text, folded too, and source lines) and is used only while the page's size,
 * modification time and inode are those recorded. A cache file that is
 * missing, of another format or version, or damaged in any way is ignored
 * and replaced on the next save: the cache can make a search faster, never
 * different. Pages whose text depends on other files (snippets) are not
 * recorded.
 *
 * The file: a header, the entries' bodies, an index of the entries, and a
 * trailer giving the index's offset. Opening reads the header, trailer
 * and index only; an entry's body is read when it is asked for. */
#ifndef GUIDENAV_TEXTCACHE_H
#define GUIDENAV_TEXTCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include "guidenav/error.h"
#include "guidenav/layout.h"
#include "guidenav/util.h"

typedef struct gn_textcache gn_textcache;

/* A page's searchable text, as gn_layout gives it (doc->ptext, pars),
 * and ptext folded for matching (gn_fold) with where each paragraph's
 * folding starts in it, kept so that a search from the cache folds only
 * the paragraphs that match (gn_pagetext_fold makes them). */
typedef struct gn_pagetext {
    char *title;
    gn_buf ptext;
    gn_buf folded;
    gn_par *pars;
    size_t *fpars; /* per paragraph: its folding's offset in folded */
    size_t npars;
} gn_pagetext;

/* Make t's folded and fpars from its ptext and pars (replacing them). */
void gn_pagetext_fold(gn_pagetext *t);

void gn_pagetext_free(gn_pagetext *t);
/* True when t's title and text are as gn_text_sanitize makes text (no
 * control but tab and newline, no bidirectional control, valid UTF-8), as
 * the text guidenav writes in the cache always is. An entry of the cache
 * that is not was not written by guidenav: its page is to be read again
 * (and put, replacing it). Thread-safe: the search checks the entries on
 * the threads that search them. */
bool gn_pagetext_check(const gn_pagetext *t);

/* The cache folder: $XDG_CACHE_HOME/guidenav when that is absolute, else
 * $HOME/.cache/guidenav when HOME is absolute and exists; NULL otherwise.
 * Newly allocated. */
char *gn_textcache_dir(void);

/* The cache of the source at root (absolute) in language lang, kept in
 * folder dir; its file is read when it exists. Never fails: a cache that
 * cannot be read starts empty. A folder or file that another user could
 * have written (not owned by the user, or writable by group or others),
 * a file that is not a regular file (a FIFO, a symbolic link) is neither
 * read nor written: gn_textcache_save then says why. */
gn_textcache *gn_textcache_open(const char *dir, const char *root, const char *lang);

/* The entry of the page at path when there is one, st (the page's stat)
 * matches it and its bytes are whole (a hash): fills out (free it with
 * gn_pagetext_free). Whether its text is as guidenav writes it is for
 * gn_pagetext_check to say, before it is used. */
bool gn_textcache_get(gn_textcache *c, const char *path, const struct stat *st,
                      gn_pagetext *out);

/* The same in two steps, the second on any thread: the entry's bytes as
 * stored (into body, replacing what it held) and their checksum, then
 * decoded: false when they are damaged (the page is then read again, and
 * put; or forgotten, when it cannot be). */
bool gn_textcache_fetch(gn_textcache *c, const char *path, const struct stat *st, gn_buf *body,
                        uint64_t *sum);
bool gn_textcache_decode(const char *body, size_t n, uint64_t sum, gn_pagetext *out);
/* Drop the entry of path, if any (it is left out of the next save). */
void gn_textcache_forget(gn_textcache *c, const char *path);

/* Record the text of the page at path, whose stat is st (an entry already
 * there is replaced). Written to a temporary file at once; an entry that
 * cannot be written is dropped (the cache is only a help). */
void gn_textcache_put(gn_textcache *c, const char *path, const struct stat *st,
                      const gn_pagetext *t);

/* Drop the old entries (those read from the file) that no
 * gn_textcache_get asked for since opening: call it once every page of the
 * source has been asked for, and the entries of pages deleted, renamed or
 * no longer listed go at the next save. */
void gn_textcache_prune(gn_textcache *c);

/* When entries were put or pruned: write the cache file anew (the new
 * entries and the old ones neither replaced nor pruned) and rename it over
 * the old one. 0 when done or nothing changed; -1 with err set when the
 * file cannot be written (the old one stays) or the cache was not used
 * ("PATH: owned by another user; the search cache is not used"). */
int gn_textcache_save(gn_textcache *c, gn_error *err);

/* Release c; entries put and not saved are lost. NULL is a no-op. */
void gn_textcache_free(gn_textcache *c);

#endif
