/* wrap.h: breaking text into lines of a given display width.
 *
 * Break opportunities come from UAX #14 (libunibreak's rules, with the
 * classes of the build's LineBreak.txt: lbclass.h), widths from utf8proc
 * (gn_cp_width), so Japanese and Chinese text breaks between characters,
 * Latin and Korean text between words, and a double-width character is
 * never split. */
#ifndef GUIDENAV_WRAP_H
#define GUIDENAV_WRAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gn_wrap_line {
    size_t start, end; /* byte range of the line's text in the input */
    int width;         /* its display columns */
    bool split;        /* it ends inside a word: no break opportunity fitted
                        * and the next line goes on with the word */
} gn_wrap_line;

/* Break text (len bytes of UTF-8; text may be NULL when len is 0) into
 * lines of at most width columns (a width below 1 counts as 1). Returns the
 * number of lines and sets *lines to a new array the caller frees (NULL
 * when 0 lines: empty text). Each line's width is the display columns of
 * its byte range. Linear time: a 1 MB paragraph is one pass. When a stop
 * is asked for while it runs (interrupt.h), it ends early, with 0 lines
 * or the first ones, which the caller's layout does not keep.
 *
 * - '\n' is a mandatory break and belongs to neither line: it separates
 *   lines, so "a\n\nb" gives "a", "", "b", "a\n" gives "a", "" and "\n"
 *   two empty lines. Other mandatory breaks of UAX #14 (CR, U+2028...)
 *   only allow a break.
 * - Only U+0020 counts as a space. Spaces where a line is broken are left
 *   out of both lines' ranges, however many; trailing spaces before '\n'
 *   or the end are left out too, so no line ends with a space. U+3000 is
 *   an ordinary wide character, with a break after it and none before
 *   (UAX #14 class BA); U+200B takes no column, allows a break after it
 *   and stays at the end of the line before that break.
 * - Leading spaces of the text, and after a '\n', are kept, as many as fit
 *   before the first character; they are dropped when the first word does
 *   not fit after them (rather than splitting that word).
 * - Non-empty text gives at least one line; text of spaces only gives one
 *   empty line (start == end, width 0).
 * - Breaks are the UAX #14 opportunities (so no line starts with "。",
 *   "、", "」"...), but never inside a grapheme cluster (an emoji with its
 *   modifier or ZWJ sequence, a flag) and, as in CSS word-break:
 *   keep-all, never between two Hangul characters or Hangul and a narrow
 *   letter or digit: Korean breaks at its spaces, whatever lang says.
 * - Where no opportunity fits, a line is broken between grapheme clusters
 *   (emergency break); a cluster wider than width is split between its
 *   code points. A single character wider than width (only possible when
 *   width < 2) gets a line of its own, the one case where a line exceeds
 *   width.
 * - A line never starts with a zero-width character (combining mark, ZWJ)
 *   unless it follows '\n' or starts the text; a space right before one is
 *   its base, kept with it, and may start a line.
 * - lang is a language or locale tag ("ja", "ko", "zh", "ja-JP", or NULL);
 *   only its language part tunes UAX #14, and any other value is harmless.
 * - Any bytes are accepted: invalid UTF-8 counts one U+FFFD (one column)
 *   per byte, as gn_utf8_decode reads it.
 * - The prolonged sound mark ー (U+30FC, halfwidth U+FF70) never starts a
 *   line but by an emergency break, as Japanese typesetting wants. */
size_t gn_wrap(const char *text, size_t len, int width, const char *lang,
               gn_wrap_line **lines);
/* The same, with text held together where glue says: glue[i] nonzero
 * (glue has len bytes, or is NULL) takes away the opportunity before byte
 * i, as for an inline code span that fits the width (gn_para_glue); an
 * emergency break may still fall there. */
size_t gn_wrap_glued(const char *text, size_t len, int width, const char *lang,
                     const unsigned char *glue, gn_wrap_line **lines);

/* One row of text lines wrapped for reading (gn_wrap_rows). */
typedef struct gn_wrap_row {
    size_t line; /* the index of the line it shows (part of) */
    char *text;  /* what it shows, at most the width in columns */
} gn_wrap_row;

/* Rows of at most width columns showing n lines of text (UTF-8, each
 * shown as it is: made safe and without tabs beforehand), for a box that
 * shows text wider than itself. A line that fits is one row, unchanged.
 * A longer one is soft-wrapped by gn_wrap (UAX #14 breaks, display
 * columns, lang as there): each of its rows but the last ends with cont,
 * a continuation mark (the wrap marker of code blocks, "↵"; NULL: none),
 * and each but the first starts with indent spaces, so that a diff's sign
 * column or a list's first column stays clear. The indent is left out
 * where it would leave less than 2 columns (a wide character) beside it
 * and cont, and cont where it would leave less than 2 beside it. Returns the number of rows (n or more) and
 * sets *rows to a new array: free it with gn_wrap_rows_free. Linear in the
 * length of the text. */
size_t gn_wrap_rows(char *const *lines, size_t n, int width, int indent, const char *cont,
                    const char *lang, gn_wrap_row **rows);
/* Rows of at most width columns showing n terms, each with its text (a
 * list of keys and what they do, as a man page's tagged paragraphs show
 * them), all in UTF-8, safe and without tabs. The texts start in one
 * column: two columns past the widest term that is no wider than about
 * half the width, so a text keeps at least the other half. A term wider
 * than that (or with an empty text) is alone on its row (wrapped by
 * gn_wrap if it is wider than width), its text starting on the next row,
 * in the texts' column. A text is wrapped by gn_wrap (UAX #14 breaks,
 * display columns, lang as there) to the columns right of it, every row
 * of it starting in that column: a hanging indent, with no continuation
 * mark. Where the width leaves less than 2 columns right of any such
 * column, the texts start at column 0, under their terms. Each row's
 * line is the index of its term. Returns the number of rows (n or more)
 * and sets *rows to a new array: free it with gn_wrap_rows_free. */
size_t gn_wrap_terms(char *const *terms, char *const *texts, size_t n, int width,
                     const char *lang, gn_wrap_row **rows);
/* Free rows made by gn_wrap_rows or gn_wrap_terms (n of them; NULL is
 * fine). */
void gn_wrap_rows_free(gn_wrap_row *rows, size_t n);

/* gn_wrap_glued, but a line broken inside a word (split) keeps to width -
 * markw columns, leaving room for a continuation mark of markw columns
 * after it (when width leaves room for it and one character more). */
size_t gn_wrap_marked(const char *text, size_t len, int width, int markw, const char *lang,
                      const unsigned char *glue, gn_wrap_line **lines);

/* A text decoded once, to be measured and wrapped at several widths (a
 * table's cell, while its columns are fitted): its code points and their
 * widths, and its break opportunities when first needed, so that the
 * bytes are read once and libunibreak asked once. */
typedef struct gn_wrap_text gn_wrap_text;

/* text (len bytes; NULL when len is 0) decoded for lang (as gn_wrap's);
 * neither is kept. Free the result with gn_wrap_text_free. Linear in len. */
gn_wrap_text *gn_wrap_text_new(const char *text, size_t len, const char *lang);
/* The texts parts[0..n) one after the other, decoded for lang, from what
 * their decoding holds (no byte read again; their break opportunities
 * are found again when needed: they depend on what is around). */
gn_wrap_text *gn_wrap_text_join(gn_wrap_text *const *parts, size_t n, const char *lang);
/* (NULL is fine.) */
void gn_wrap_text_free(gn_wrap_text *wt);

/* The display columns of the text's widest line (split at '\n'), spaces
 * at its end left out: the narrowest width at which gn_wrap breaks it
 * only at its '\n's. */
int gn_wrap_text_natural(const gn_wrap_text *wt);

/* The display columns of the widest word of the text: the widest run
 * between two break opportunities gn_wrap takes (UAX #14, Korean kept
 * whole, a '\n'), without the spaces around it. gn_wrap at that width or
 * more splits no word. Japanese and Chinese break between characters, so
 * their words are a character or two ("す。": no line starts with "。"). */
int gn_wrap_text_widest(gn_wrap_text *wt);

/* The lines gn_wrap_marked gives for the text at width, markw and glue
 * (glue of the text's length, or NULL); *lines as there. */
size_t gn_wrap_text_lines(gn_wrap_text *wt, int width, int markw, const unsigned char *glue,
                          gn_wrap_line **lines);

#endif
