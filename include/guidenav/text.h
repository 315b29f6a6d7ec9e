/* text.h: UTF-8 decoding, display widths, character classes and
 * sanitising.
 *
 * Widths are display columns as utf8proc computes them: East Asian wide and
 * fullwidth characters take 2, combining marks and zero-width characters
 * (U+200B and friends) take 0. Never bytes, never code points. */
#ifndef GUIDENAV_TEXT_H
#define GUIDENAV_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "guidenav/util.h"

/* Decode one code point from s (at most len bytes, len > 0). Returns the
 * number of bytes used (at least 1); an invalid sequence yields U+FFFD and
 * consumes one byte. Strict UTF-8, as utf8proc_iterate reads it (no
 * overlong forms, no surrogates, nothing above U+10FFFF); inline, as every
 * pass over text calls it once a character. */
static inline size_t gn_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    *cp = 0xFFFD;
    if (len == 0)
        return 1;
    unsigned c0 = u[0];
    if (c0 < 0x80) {
        *cp = (int32_t)c0;
        return 1;
    }
    if (c0 < 0xC2 || c0 > 0xF4 || len < 2 || (u[1] & 0xC0) != 0x80)
        return 1;
    int32_t c = (int32_t)(u[1] & 0x3F);
    if (c0 < 0xE0) {
        *cp = (int32_t)(c0 & 0x1F) << 6 | c;
        return 2;
    }
    if (len < 3 || (u[2] & 0xC0) != 0x80)
        return 1;
    c = c << 6 | (u[2] & 0x3F);
    if (c0 < 0xF0) {
        c |= (int32_t)(c0 & 0x0F) << 12;
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return 1;
        *cp = c;
        return 3;
    }
    if (len < 4 || (u[3] & 0xC0) != 0x80)
        return 1;
    c = (int32_t)(c0 & 0x07) << 18 | c << 6 | (u[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF)
        return 1;
    *cp = c;
    return 4;
}
/* Append the UTF-8 encoding of cp to b. */
void gn_utf8_encode(gn_buf *b, int32_t cp);
/* Remove the last character (UTF-8) of b's text, if any. */
void gn_utf8_chop(gn_buf *b);

/* Hiragana, katakana, CJK ideographs and Hangul syllables: wide letters,
 * each a grapheme cluster of its own (Grapheme_Cluster_Break Other, or LV
 * and LVT, which only a jamo joins); not the combining marks U+3099 and
 * U+309A between them. */
static inline bool gn_cp_wide_letter(int32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

/* gn_cp_width of a code point from U+00A0 up that is no wide letter, from
 * utf8proc's tables. */
int gn_cp_width_lookup(int32_t cp);

/* Display columns of one code point: 0, 1 or 2. Controls count 0. ASCII
 * and the wide letters, most of every page, without a table lookup. */
static inline int gn_cp_width(int32_t cp)
{
    if (cp < 0x7F)
        return cp >= 0x20;
    if (cp < 0xA0)
        return 0;
    return gn_cp_wide_letter(cp) ? 2 : gn_cp_width_lookup(cp);
}
/* Display columns of a UTF-8 string of len bytes. */
int gn_text_width(const char *s, size_t len);

/* Is cp a CJK character, as the CJK-friendly amendment to CommonMark's
 * emphasis rules defines one: East Asian Width wide, fullwidth or
 * halfwidth and not an emoji shown as such by default, or of the Hangul
 * script (ideographs, kana, Hangul, bopomofo, CJK punctuation and symbols,
 * fullwidth and halfwidth forms)? Unicode 15; the unassigned code points
 * of the ideograph blocks count as wide, as UAX #11 says. */
bool gn_cp_is_cjk(int32_t cp);

/* Append s to b made safe for a terminal: invalid UTF-8 becomes U+FFFD,
 * C0 controls (but tab and newline), DEL and C1 controls become visible
 * control pictures, bidirectional overrides become a visible mark. */
void gn_text_sanitize(gn_buf *b, const char *s, size_t len);
/* The same as a new string; the caller frees it. */
char *gn_text_sanitized(const char *s);
/* The text fmt and ap format, made safe as gn_text_sanitize does: a
 * message quoting a file's text or name. A new string, never NULL. */
char *gn_text_vsanitizedf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* True when gn_text_sanitize would copy s[0..len) as it is. */
bool gn_text_is_sanitized(const char *s, size_t len);

/* Append one line of code or of a diff (s, len bytes, no newline) to b,
 * made safe as gn_text_sanitize does and each tab expanded to spaces up
 * to the next multiple of 4 columns from the start of s, so that its
 * display width is what gn_text_width measures. */
void gn_text_code_line(gn_buf *b, const char *s, size_t len);

/* Append s (len bytes) to b as one field of a tab-separated record, the
 * form of every record the command line prints: a backslash is written as
 * two (\\), a tab as \t, a newline as \n, so a field never holds a tab or
 * a line end of its own; the rest is made safe as gn_text_sanitize does. */
void gn_text_field(gn_buf *b, const char *s, size_t len);

/* Append s (UTF-8, len bytes) to b in ASCII for a terminal whose
 * character set is not UTF-8: ASCII bytes as they are, every other
 * character as one '?' per display column it takes (none for a combining
 * mark), so widths measured on s still hold and no byte from 0x80 up (C1
 * controls 0x80-0x9F among them) is written. */
void gn_text_ascii(gn_buf *b, const char *s, size_t len);

/* Byte length of the longest prefix of s (len bytes) whose display width
 * is at most cols; characters are never split. */
size_t gn_text_fit(const char *s, size_t len, int cols);
/* s (len bytes) cut to cols display columns with a mark that says so:
 * the byte length to show, all of s when it fits (*mark NULL); else the
 * longest prefix (spaces at its end dropped) that leaves room for the
 * ellipsis, *mark receiving it ("…", or "..." when ascii), so that prefix
 * and mark take at most cols columns. Narrower than the mark: the prefix
 * that fits, no mark. */
size_t gn_text_ellipsize(const char *s, size_t len, int cols, bool ascii, const char **mark);

#endif
