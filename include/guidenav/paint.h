/* paint.h: writing laid-out documents as text, plain or with SGR colours:
 * one document, or two aligned side by side or interleaved. */
#ifndef GUIDENAV_PAINT_H
#define GUIDENAV_PAINT_H

#include <stdbool.h>
#include <stdio.h>
#include "guidenav/align.h"
#include "guidenav/config.h"
#include "guidenav/layout.h"

/* How text of a layout style (GN_ST_*) looks: its attributes (GN_ATTR_*)
 * and the configurable style (config.h) whose colours and attributes it
 * takes, or -1. The one table of looks, for the SGR sequences written
 * here and for the navigator's curses attributes. */
typedef struct gn_look {
    unsigned attrs;
    int cstyle;
} gn_look;
gn_look gn_style_look(uint32_t style);

/* Write every line of doc to out, one per line, with SGR sequences for the
 * styles when colors (GN_CSTYLE_COUNT colours, a configuration's) is not
 * NULL. Returns 0, or -1 when writing failed.
 * A document laid out with ASCII marks is written in ASCII when the
 * locale's character set is not UTF-8 (gn_text_ascii): an 8-bit terminal
 * would take bytes of UTF-8 sequences for C1 controls. So do the others. */
int gn_paint_text(FILE *out, const gn_doc *doc, const gn_color_spec *colors);

/* Write line ln of doc (no newline); returns its width in columns. */
int gn_paint_line(FILE *out, const gn_doc *doc, size_t ln, const gn_color_spec *colors);

/* Write l and r side by side as a aligns them: each row is the left line
 * padded to l->width columns, " │ " (" | " when ascii), the right line.
 * Returns 0, or -1 when writing failed. */
int gn_paint_side_by_side(FILE *out, const gn_doc *l, const gn_doc *r,
                          const gn_align *a, const gn_color_spec *colors, bool ascii);

/* Write the rows of a, an interleaved alignment (gn_align_interleave):
 * each stretch of l followed by its counterpart in r, whose lines are
 * marked with mark ("» "); r must be laid out narrower by the mark's
 * width. */
int gn_paint_interleaved(FILE *out, const gn_doc *l, const gn_doc *r,
                         const gn_align *a, const gn_color_spec *colors,
                         const char *mark);

#endif
