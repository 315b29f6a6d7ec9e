/* alert.h: the kinds of Adobe block (alerts, videos, "see also", shaded
 * blocks) and their labels in the page's language. */
#ifndef GUIDENAV_ALERT_H
#define GUIDENAV_ALERT_H

#include <stddef.h>

typedef enum gn_kind {
    GN_KIND_NONE,
    GN_KIND_NOTE,
    GN_KIND_TIP,
    GN_KIND_IMPORTANT,
    GN_KIND_CAUTION,
    GN_KIND_WARNING,
    GN_KIND_INFO,
    GN_KIND_ADMIN,
    GN_KIND_AVAILABILITY,
    GN_KIND_PREREQUISITES,
    GN_KIND_ERROR,
    GN_KIND_SUCCESS,
    GN_KIND_VIDEO,
    GN_KIND_SEEALSO,
    GN_KIND_SHADE,
    GN_KIND_COUNT
} gn_kind;

/* The kind named by an alert marker's name ("NOTE", "MORELIKETHIS"...,
 * name_len bytes), or GN_KIND_NONE. */
gn_kind gn_kind_from_name(const char *name, size_t name_len);
/* The label of kind in the language of lang, a locale tag ("ja-JP", "ko",
 * "zh-Hant"; "_" may stand for "-", and case is ignored): every language
 * of the Experience League has its labels, Chinese in Simplified (zh,
 * zh-Hans, zh-CN, zh-SG) or Traditional (zh-Hant, zh-TW, zh-HK, zh-MO)
 * script. English when lang is NULL or its language has none. A static
 * string; "" for GN_KIND_NONE and the shaded block. */
const char *gn_kind_label(gn_kind kind, const char *lang);
/* True for kinds that warn (shown in a warning colour). */
int gn_kind_warns(gn_kind kind);

#endif
