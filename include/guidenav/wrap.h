/* wrap.h: breaking text into lines of a given display width.
 *
 * Break opportunities come from UAX #14 (libunibreak), widths from utf8proc
 * (gn_cp_width), so Japanese, Korean and Chinese text breaks between
 * characters, Latin text between words, and a double-width character is
 * never split. */
#ifndef GUIDENAV_WRAP_H
#define GUIDENAV_WRAP_H

#include <stddef.h>

typedef struct gn_wrap_line {
    size_t start, end; /* byte range of the line's text in the input */
    int width;         /* its display columns */
} gn_wrap_line;

/* Break text (len bytes of UTF-8) into lines of at most width columns
 * (width >= 1). '\n' is a mandatory break. Spaces where a line is broken
 * are left out of both lines' ranges; leading spaces of the text are kept.
 * Where no break opportunity fits, a line is broken between characters.
 * A single character wider than width (only possible when width < 2) gets a
 * line of its own, the one case where a line exceeds width. lang ("ja",
 * "ko", "zh", or NULL) tunes UAX #14. Returns the number of lines and sets
 * *lines to a new array the caller frees (NULL when 0 lines: empty text). */
size_t gn_wrap(const char *text, size_t len, int width, const char *lang,
               gn_wrap_line **lines);

#endif
