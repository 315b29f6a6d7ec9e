/* arena.c: memory for the parse of a page (see arena.h).
 *
 * Blocks are chained, the newest first; each allocation is preceded by its
 * size (for realloc) and aligned to a size_t, as cmark-gfm's own arena
 * aligns them: nothing it allocates needs more, and a node (168 bytes)
 * takes 176 bytes here where max_align_t's 16 made it 192. An allocation
 * larger than a quarter of a block gets a block of its own. A small allocation freed
 * goes on a list by its rounded size, and the next allocation of that size
 * takes it: cmark-gfm frees about half of what a parse allocates (the
 * inline parser's brackets and delimiters, the blocks' content), and
 * every page of memory first touched costs the process a page fault. */
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/arena.h"
#include "guidenav/util.h"

#define BLOCK ((size_t)256 << 10)
#define ALIGN sizeof(size_t)
#define HEAD sizeof(size_t)

typedef struct block {
    struct block *prev;
    size_t size, used; /* bytes of data */
    alignas(max_align_t) unsigned char data[];
} block;

/* Free lists for sizes ALIGN, 2 ALIGN, ... CLASSES ALIGN (2 KB): a table
 * row's buffers (600 to 1,000 bytes, one pair per row) are freed as the
 * next row's are taken. */
#define CLASSES 256

struct gn_arena {
    block *top;
    void *last; /* the latest allocation, which realloc may grow in place */
    void *freed[CLASSES]; /* freed[c]: allocations of (c + 1) ALIGN bytes */
};

static _Thread_local gn_arena *current;

gn_arena *gn_arena_new(void)
{
    return gn_xcalloc(1, sizeof(gn_arena));
}

void gn_arena_free(gn_arena *a)
{
    if (!a)
        return;
    while (a->top) {
        block *b = a->top;
        a->top = b->prev;
        free(b);
    }
    free(a);
}

void gn_arena_reset(gn_arena *a)
{
    block *keep = NULL;
    while (a->top) {
        block *b = a->top;
        a->top = b->prev;
        if (!keep || b->size > keep->size) {
            free(keep);
            keep = b;
        } else {
            free(b);
        }
    }
    if (keep) {
        keep->prev = NULL;
        keep->used = 0;
    }
    a->top = keep;
    a->last = NULL;
    memset(a->freed, 0, sizeof a->freed);
}

/* n bytes (not zeroed) from a, with their size before them. */
static void *take(gn_arena *a, size_t n)
{
    if (n > SIZE_MAX / 2)
        abort(); /* no parse asks for that much */
    size_t rounded = (n + ALIGN - 1) / ALIGN * ALIGN, need = HEAD + rounded;
    size_t c = rounded / ALIGN - 1;
    if (rounded && c < CLASSES && a->freed[c]) {
        void *p = a->freed[c];
        memcpy(&a->freed[c], p, sizeof(void *));
        memcpy((unsigned char *)p - HEAD, &n, sizeof n);
        return p;
    }
    block *b = a->top;
    if (!b || b->size - b->used < need) {
        size_t size = need > BLOCK / 4 ? need : BLOCK;
        block *nb = gn_xmalloc(sizeof *nb + size);
        nb->size = size;
        nb->used = 0;
        if (size == BLOCK || !b) { /* a new top */
            nb->prev = b;
            a->top = nb;
        } else { /* its own block, under the top */
            nb->prev = b->prev;
            b->prev = nb;
        }
        b = nb;
    }
    unsigned char *p = b->data + b->used;
    b->used += need;
    memcpy(p, &n, sizeof n);
    a->last = p + HEAD;
    return p + HEAD;
}

static size_t size_of(const void *p)
{
    size_t n;
    memcpy(&n, (const unsigned char *)p - HEAD, sizeof n);
    return n;
}

static void *arena_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        abort();
    void *p = take(current, count * size);
    memset(p, 0, count * size);
    return p;
}

static void arena_free(void *p);

static void *arena_realloc(void *p, size_t n)
{
    gn_arena *a = current;
    if (!p)
        return take(a, n);
    size_t old = size_of(p);
    block *b = a->top;
    /* The latest allocation of the top block grows where it is. */
    if (p == a->last && b && (unsigned char *)p >= b->data && (unsigned char *)p < b->data + b->size) {
        size_t start = (size_t)((unsigned char *)p - b->data);
        size_t need = (n + ALIGN - 1) / ALIGN * ALIGN;
        if (need <= b->size - start) {
            b->used = start + need;
            memcpy((unsigned char *)p - HEAD, &n, sizeof n);
            return p;
        }
    }
    void *q = take(a, n);
    memcpy(q, p, old < n ? old : n);
    arena_free(p);
    return q;
}

/* Whether p was handed out by a from one of its newest blocks (the top
 * and the two under it), where the small allocations freed soon after
 * lie; an older one is left alone. A bounded look: a walk of every block
 * on each free made a large parse quadratic. */
static bool owns(const gn_arena *a, const void *p)
{
    int n = 0;
    for (const block *b = a->top; b && n < 3; b = b->prev, n++)
        if ((const unsigned char *)p >= b->data && (const unsigned char *)p < b->data + b->used)
            return true;
    return false;
}

/* Put p on its size's free list, when it is small and the thread's arena
 * handed it out from a recent block; else nothing (the memory comes back
 * at reset). */
static void arena_free(void *p)
{
    gn_arena *a = current;
    if (!p || !a || !owns(a, p))
        return;
    size_t c = (size_of(p) + ALIGN - 1) / ALIGN;
    if (c == 0 || c > CLASSES)
        return;
    if (p == a->last)
        a->last = NULL; /* a later realloc must not grow it in place */
    memcpy(p, &a->freed[c - 1], sizeof(void *));
    a->freed[c - 1] = p;
}

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

void gn_arena_use(gn_arena *a)
{
    current = a;
}

gn_arena *gn_arena_current(void)
{
    return current;
}

cmark_mem *gn_arena_cmark(void)
{
    return &arena_mem;
}
