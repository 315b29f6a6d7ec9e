/* columns.c: a table's column widths from its content (see columns.h). */
#include <stdlib.h>
#include <string.h>
#include "guidenav/columns.h"
#include "guidenav/util.h"

/* A column and a key to order columns by. */
typedef struct keyed {
    long long key;
    size_t col;
} keyed;

/* qsort: columns by key, least first (ties in column order). */
static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

/* Widths from `from` towards `to` that take room columns in all (room at
 * least sum(from)): `to` when it fits; else each column from, then what
 * it lacks of to up to half an even share of the rest (so a column that
 * lacks little gets it all), then a share of what is left in proportion
 * to what it still lacks; what rounding left completes the columns that
 * lack least, and the rest goes a column each to those below to, largest
 * remainder first. */
static void share(int *width, const int *from, const int *to, size_t ncols, long room)
{
    long long extra = room, lack = 0, used = 0;
    for (size_t c = 0; c < ncols; c++) {
        extra -= from[c];
        lack += to[c] - from[c];
    }
    if (lack <= extra) {
        memcpy(width, to, ncols * sizeof *width);
        return;
    }
    long long even = extra / (2 * (long long)ncols);
    for (size_t c = 0; c < ncols; c++) {
        int take = to[c] - from[c] < even ? to[c] - from[c] : (int)even;
        width[c] = from[c] + take;
        extra -= take;
        lack -= take;
    }
    keyed *order = gn_xcalloc(ncols, sizeof *order);
    for (size_t c = 0; c < ncols; c++) {
        long long part = lack > 0 ? (long long)(to[c] - width[c]) * extra : 0;
        width[c] += lack > 0 ? (int)(part / lack) : 0;
        used += width[c];
        order[c] = (keyed){-(lack > 0 ? part % lack : 0), c};
    }
    /* What rounding left: first whole, to the columns that lack least;
     * then a column each, largest remainder first. */
    keyed *least = gn_xcalloc(ncols, sizeof *least);
    for (size_t c = 0; c < ncols; c++)
        least[c] = (keyed){to[c] - width[c], c};
    qsort(least, ncols, sizeof *least, by_key);
    for (size_t k = 0; k < ncols && least[k].key <= room - used; k++) {
        used += least[k].key;
        width[least[k].col] = to[least[k].col];
    }
    free(least);
    qsort(order, ncols, sizeof *order, by_key);
    for (size_t k = 0; k < ncols && used < room; k++)
        if (width[order[k].col] < to[order[k].col]) {
            width[order[k].col]++;
            used++;
        }
    free(order);
}

void gn_columns_fit(int *width, const int *natural, const int *body, const int *min,
                    size_t ncols, long room)
{
    long long sum = 0;
    for (size_t c = 0; c < ncols; c++)
        sum += body[c];
    if (sum <= room)
        share(width, body, natural, ncols, room);
    else
        share(width, min, body, ncols, room);
}
