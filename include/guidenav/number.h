/* number.h: the numbers of running text, read as a locale writes them.
 *
 * A number is a run of digits (ASCII or full-width) with single
 * separators between digit groups: '.', ',', an apostrophe, a no-break,
 * narrow no-break or thin space, or a plain space before a group of
 * exactly three digits ("1,000.5", "2,5", "1 000", "3.2.0"). Each is read
 * twice: with a decimal point (thousands grouped by ','), and with a
 * decimal comma (thousands grouped by '.', a space or an apostrophe). A
 * reading is canonical: the digits of the whole part without grouping or
 * leading zeros, then "." and the fraction without its trailing zeros, if
 * any is left ("1,000.50" -> "1000.5", "5.00" -> "5"). A group pattern no convention allows (a
 * version "3.2.0", an address "10.0.0.1") is read as written in both. A
 * date written with dots ("15.03.2024", "2024.03.15") is three numbers,
 * its day, month and year. */
#ifndef GUIDENAV_NUMBER_H
#define GUIDENAV_NUMBER_H

#include <stddef.h>

/* Called for each number of the text: its bytes [off, off + len) and its
 * two readings (NUL-terminated, valid during the call). */
typedef void (*gn_number_fn)(size_t off, size_t len, const char *point, const char *comma,
                             void *ctx);

/* Call fn for each number of s[0..len), in order. Linear in len. */
void gn_numbers(const char *s, size_t len, gn_number_fn fn, void *ctx);

#endif
