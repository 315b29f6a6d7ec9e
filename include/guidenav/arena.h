/* arena.h: memory for the parse of a page, given back at once.
 *
 * cmark-gfm allocates every node, string and buffer of a parse on its
 * own; an arena hands out memory by moving a pointer through large blocks
 * and gives it back when it is reset; a small allocation freed before
 * then is handed out again to the next allocation of its size. A thread parses into the arena it
 * uses (gn_arena_use): cmark-gfm's own arena is one for the whole process,
 * which two threads cannot share. */
#ifndef GUIDENAV_ARENA_H
#define GUIDENAV_ARENA_H

#include <cmark-gfm.h>

typedef struct gn_arena gn_arena;

gn_arena *gn_arena_new(void);
/* Free a and all it handed out (NULL: no-op). It must not be in use. */
void gn_arena_free(gn_arena *a);
/* Take back all a handed out, keeping its largest block for what comes
 * next. */
void gn_arena_reset(gn_arena *a);

/* Make a the arena of the calling thread (NULL: none): the parses it
 * starts from now on allocate there (gn_arena_current, gn_arena_cmark). */
void gn_arena_use(gn_arena *a);
/* The calling thread's arena, or NULL. */
gn_arena *gn_arena_current(void);
/* The allocator of cmark-gfm that allocates from the calling thread's
 * arena (calloc zeroes, realloc copies, free keeps up to 2 KB handed
 * out by that arena for the next allocation of their size, else does
 * nothing); only while it has one. */
cmark_mem *gn_arena_cmark(void);

#endif
