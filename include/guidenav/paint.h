/* paint.h: writing a laid-out document as text, plain or with SGR colours. */
#ifndef GUIDENAV_PAINT_H
#define GUIDENAV_PAINT_H

#include <stdbool.h>
#include <stdio.h>
#include "guidenav/layout.h"

/* Write every line of doc to out, one per line, with SGR sequences for the
 * styles when color is true. Returns 0, or -1 when writing failed. */
int gn_paint_text(FILE *out, const gn_doc *doc, bool color);

#endif
