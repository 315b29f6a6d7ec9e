/* columns.h: a table's column widths from its content.
 *
 * Each column has a natural width (its widest cell unwrapped), the width
 * its body rows need (the same without the header rows) and a minimum
 * (its widest word). The widths never go below the minimums and are
 * shared from what the cells hold, never in equal parts. */
#ifndef GUIDENAV_COLUMNS_H
#define GUIDENAV_COLUMNS_H

#include <stddef.h>

/* Column widths (into width) that take at most room columns, room being
 * at least the sum of the minimums, and min <= body <= natural for each
 * column: the natural widths when they fit; else the widths the body rows
 * need first, from the minimums up (a header cell, short words over a
 * column, wraps before a body cell does), then the header rows'. Each
 * column gets its start and what it lacks up to half an even share of the
 * rest, so a column that lacks little gets it all, then a share of what is
 * left in proportion to what it still lacks: a column of short labels
 * beside one of long descriptions keeps what its labels need, and the rest
 * goes where the text is. Columns rounding leaves just short of their
 * width get it, those that lack least first. O(ncols log ncols). */
void gn_columns_fit(int *width, const int *natural, const int *body, const int *min,
                    size_t ncols, long room);

#endif
