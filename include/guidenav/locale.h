/* locale.h: locale tags such as "en", "ja-JP", "zh-Hans", "pt-BR". */
#ifndef GUIDENAV_LOCALE_H
#define GUIDENAV_LOCALE_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is a locale tag: an ISO 639-1 language code, optionally
 * followed by "-" and a region (two upper-case letters or three digits) or
 * a script (four letters, first upper-case) and then a region. */
bool gn_locale_is_tag(const char *s, size_t n);

/* For a folder name "stem.TAG" (e.g. "commerce-admin.ja-JP"), return the
 * offset of the '.' before TAG, or 0 when the name has no locale suffix. */
size_t gn_locale_suffix(const char *name);

/* Order for showing locales: "en" first, then by tag. strcmp-like. */
int gn_locale_cmp(const char *a, const char *b);

/* The BCP 47 form of a POSIX locale name ("ja_JP.UTF-8" -> "ja-JP") into
 * out (size n); empty when name is NULL, "C" or "POSIX". */
void gn_locale_from_posix(const char *name, char *out, size_t n);

/* True when the locale writes a decimal comma and groups thousands with
 * '.', a space or an apostrophe ("2,5", "1.000"): most European languages;
 * false for English, Japanese, Korean and Chinese ("2.5", "1,000"). Only
 * the language subtag is read. */
bool gn_locale_decimal_comma(const char *tag);

#endif
