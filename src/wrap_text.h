/* wrap_text.h: a text decoded once for line breaking (src/wrap.c).
 *
 * gn_wtext_decode reads the text once, as gn_utf8_decode does (one U+FFFD
 * per invalid byte), into one entry per code point: the code point, its
 * length in bytes, its display columns (gn_cp_width) and flags; the
 * same pass measures the widest line of the text. The greedy
 * pass, the fit test and the widths of the lines then read these entries,
 * never the bytes again. gn_wtext_breaks adds each code point's UAX #14
 * break action, from its class (lbclass.h) through libunibreak. */
#ifndef GUIDENAV_WRAP_TEXT_H
#define GUIDENAV_WRAP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The bits of gn_wtext.m: the length in bytes less 1 (bits 0-1), the
 * display columns (bits 2-3), and: */
#define GN_WT_PLAIN 0x10 /* printable ASCII, a wide letter (gn_cp_wide_letter) or
                          * CJK punctuation (gn_wt_cjk_plain):
                          * between two of these a grapheme cluster always
                          * ends, and the grapheme rules start afresh */
#define GN_WT_BAD 0x20    /* an invalid byte (U+FFFD) */
#define GN_WT_HANGUL 0x40 /* Hangul: a syllable or a jamo (conjoining,
                           * compatibility, extended) */
#define GN_WT_NOSTART 0x80 /* the prolonged sound mark (ー, and its halfwidth
                            * form): it continues the kana before it, and
                            * Japanese typesetting never starts a line with
                            * it (UAX #14 leaves it to the tailoring: CJ) */
#define GN_WT_LEN(m) ((size_t)((m) & 3) + 1)
#define GN_WT_WIDTH(m) (((m) >> 2) & 3)

/* CJK punctuation that is wide and of grapheme class Other, as ASCII
 * and the wide letters are (test_wrap_text checks this against utf8proc):
 * 、。〃, the brackets 〈 to 】 and 〔 to 〛, ・ and ー, and the fullwidth
 * forms of ASCII. */
bool gn_wt_cjk_plain(int32_t cp);

typedef struct gn_wtext {
    size_t n;           /* code points */
    int32_t *cp;        /* each code point */
    unsigned char *m;   /* its GN_WT_ bits */
    unsigned char *brk; /* after gn_wtext_breaks: the break action after
                         * it (libunibreak's LINEBREAK_*): an opportunity
                         * unless LINEBREAK_NOBREAK */
} gn_wtext;

/* How many code points (bytes, for the decoding) the passes over a text
 * read between two looks for a stop asked for (interrupt.h): about a
 * millisecond's work. */
#define GN_WT_STOP_EVERY ((size_t)1 << 16)

/* Decode text (len > 0 bytes) into t (free it with gn_wtext_free).
 * Returns the display columns of its widest line (split at '\n'), spaces
 * at its end not counted (at most INT_MAX): every line fits a width of
 * that many columns. Returns -1 when a stop was asked for meanwhile: then
 * t holds only part of the text. */
int gn_wtext_decode(gn_wtext *t, const char *text, size_t len);

/* Decode into t the text of parts[0..n) one after the other (each whole:
 * decoded by gn_wtext_decode, no stop come), from their code points, not
 * their bytes; returns what gn_wtext_decode would of that text. */
int gn_wtext_join(gn_wtext *t, const gn_wtext *const *parts, size_t n);

/* Fill t->brk: the UAX #14 break actions of t's text for lang (a
 * language or locale tag, or NULL: only its language part counts), with
 * an opportunity after the spaces that start the text or a line of it
 * (wrap.h: such spaces are dropped rather than split the word after
 * them). Returns false when a stop was asked for meanwhile (interrupt.h):
 * then t->brk is not to be used. */
bool gn_wtext_breaks(gn_wtext *t, const char *lang);

void gn_wtext_free(gn_wtext *t);

#endif
