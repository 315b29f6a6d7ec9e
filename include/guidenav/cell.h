/* cell.h: a table cell's text as lines.
 *
 * A cell's block HTML (lists, paragraphs, line breaks: para.h's blocks)
 * makes runs of lines: the text before any list, each list item with its
 * bullet or number, more text of an item or after a list, each indented
 * by its list depth. A run is wrapped at its column's width less its
 * indent (gn_wrap), so no word that fits the column is split; a word wider
 * than the column is, with room left for the wrap mark. */
#ifndef GUIDENAV_CELL_H
#define GUIDENAV_CELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "guidenav/emit.h"
#include "guidenav/para.h"
#include "guidenav/wrap.h"

/* A run of a cell's lines: bytes [start, end) of its text (lines split at
 * '\n'), shown indent columns in; the first one after its marker, which
 * stands in the indent's last columns. */
typedef struct gn_cell_run {
    size_t start, end;
    int indent;
    int depth;      /* list depth, 0 outside lists: the bullet's glyph */
    int32_t number; /* the marker: -1 none, 0 a bullet, > 0 "number. " */
} gn_cell_run;

/* One line of a cell as shown. */
typedef struct gn_cell_line {
    size_t start, end; /* bytes of the cell's text */
    int width;         /* their columns */
    int indent;        /* columns before them, the marker's included */
    int depth;
    int32_t number;    /* a marker before them (the first line of an item) */
    bool split;        /* they end inside a word: the wrap mark goes after */
} gn_cell_line;

/* The marker of a run or line with number >= 0 in buf: the bullet of its
 * depth, or "number. "; "" for number -1. */
const char *gn_cell_marker(int depth, int32_t number, const gn_glyphs *g, char buf[16]);

/* A cell of a table being laid out: its runs, read once, each decoded
 * once for line breaking (its break opportunities found at most once),
 * and its lines at the width last asked for, kept until another width is
 * asked for, so a table reads each cell's text once, and wraps it once
 * per width however often its columns are fitted. */
typedef struct gn_cell {
    const gn_para *p;
    gn_cell_run *runs; /* the runs of p, in order, none empty but an item's */
    size_t nruns;
    gn_wrap_text **texts; /* each run's text, decoded */
    gn_cell_line *lines; /* at width and markw; NULL before the first */
    size_t nlines;
    int width, markw;
} gn_cell;

/* Read cell p (after gn_para_markup; it must outlive c) into c, for
 * lines in language lang (as gn_wrap's): its runs, each decoded (linear
 * in its text and blocks). */
void gn_cell_init(gn_cell *c, const gn_para *p, const gn_glyphs *g, const char *lang);
void gn_cell_free(gn_cell *c);

/* The widths a column needs for cell c, each with the indent before it:
 * its widest line unwrapped (known from the decoding: no work), and its
 * widest word (gn_wrap_text_widest: its break opportunities found), never
 * more than the first. */
int gn_cell_natural(const gn_cell *c);
int gn_cell_word(const gn_cell *c);

/* The lines of cell c in a column of width columns: each run wrapped at
 * width less its indent, its code spans that fit held together
 * (gn_para_glue) unless that splits a word, a word split only when wider
 * than the width, and then with markw columns left for the wrap mark
 * (gn_wrap_marked). Returns the number of lines and sets *lines to them
 * (NULL for an empty cell), which c keeps: they stay valid until c is
 * asked for another width or mark, or freed. The same width and mark
 * again cost nothing. */
size_t gn_cell_lines(gn_cell *c, int width, int markw, const gn_cell_line **lines);

#endif
