/* table.h: tables laid out in columns that fit the page.
 *
 * Columns get their cells' natural display widths; a table wider than the
 * page gives each column at least its widest word and shares the rest by
 * content (columns.h), and its cells wrap inside their columns by UAX #14
 * (cell.h: lists and paragraphs of block HTML on lines of their own), so
 * no word is split. When the columns cannot get their widest words (a
 * word over 20 columns counting as 20, broken with the wrap mark), each
 * row is laid out as a record of "Header: value" lines. */
#ifndef GUIDENAV_TABLE_H
#define GUIDENAV_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <cmark-gfm.h>
#include "guidenav/emit.h"
#include "guidenav/html.h"
#include "guidenav/para.h"

typedef struct gn_table {
    size_t nrows, ncols;
    gn_para *cells; /* nrows * ncols, row by row, markup rendered */
    bool *head;     /* per row: a header row */
    uint8_t *align; /* per column: 'l', 'c', 'r' or 0 */
} gn_table;

/* A table of nrows x ncols empty cells. */
void gn_table_init(gn_table *t, size_t nrows, size_t ncols);
void gn_table_free(gn_table *t);

/* Read a GFM table node's cells (their links join e's document). */
void gn_table_from_node(gn_table *t, gn_emit *e, cmark_node *node);
/* Read a table parsed from HTML. */
void gn_table_from_html(gn_table *t, const gn_html_table *h);

/* Emit the table's lines under e's prefixes. */
void gn_table_emit(gn_emit *e, gn_table *t);

#endif
