/* locale.c: locale tags (see locale.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "guidenav/locale.h"

/* ISO 639-1 language codes: a folder named "api" or "src" is not a locale,
 * so a bare language subtag must be one of these. */
static const char iso639_1[] =
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce "
    "ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr "
    "fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is "
    "it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln "
    "lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk "
    "sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw "
    "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

static bool is_language(const char *s)
{
    if (!islower((unsigned char)s[0]) || !islower((unsigned char)s[1]))
        return false;
    for (const char *p = iso639_1; p[0] && p[1]; p += p[2] ? 3 : 2)
        if (p[0] == s[0] && p[1] == s[1])
            return true;
    return false;
}

static bool all(const char *s, size_t n, int (*cls)(int))
{
    for (size_t i = 0; i < n; i++)
        if (!cls((unsigned char)s[i]))
            return false;
    return true;
}

/* A region subtag: "JP", "BR", "419". */
static bool is_region(const char *s, size_t n)
{
    return (n == 2 && all(s, n, isupper)) || (n == 3 && all(s, n, isdigit));
}

/* A script subtag: "Hans", "Latn". */
static bool is_script(const char *s, size_t n)
{
    return n == 4 && isupper((unsigned char)s[0]) && all(s + 1, 3, islower);
}

bool gn_locale_is_tag(const char *s, size_t n)
{
    if (n < 2 || !is_language(s))
        return false;
    if (n == 2)
        return true;
    if (s[2] != '-')
        return false;
    const char *sub = s + 3;
    size_t rest = n - 3;
    const char *dash = memchr(sub, '-', rest);
    if (!dash)
        return is_region(sub, rest) || is_script(sub, rest);
    size_t first = (size_t)(dash - sub);
    return is_script(sub, first) && is_region(dash + 1, rest - first - 1);
}

size_t gn_locale_suffix(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    return gn_locale_is_tag(dot + 1, strlen(dot + 1)) ? (size_t)(dot - name) : 0;
}

int gn_locale_cmp(const char *a, const char *b)
{
    bool ea = strcmp(a, "en") == 0, eb = strcmp(b, "en") == 0;
    if (ea != eb)
        return ea ? -1 : 1;
    return strcmp(a, b);
}

void gn_locale_from_posix(const char *name, char *out, size_t n)
{
    if (n == 0)
        return;
    out[0] = '\0';
    if (!name || !*name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0)
        return;
    size_t len = strcspn(name, ".@");
    if (len >= n)
        len = n - 1;
    for (size_t i = 0; i < len; i++)
        out[i] = name[i] == '_' ? '-' : name[i];
    out[len] = '\0';
}

bool gn_locale_decimal_comma(const char *tag)
{
    /* The languages of the Experience League and their neighbours whose
     * usual decimal mark is a comma (CLDR). */
    static const char comma[] = "bg cs da de el es et fi fr hr hu id it lt lv nb nl nn no pl "
                                "pt ro ru sk sl sr sv tr uk vi";
    if (!tag || !islower((unsigned char)tag[0]) || !islower((unsigned char)tag[1]) ||
        (tag[2] && tag[2] != '-'))
        return false;
    for (const char *p = comma; p[0] && p[1]; p += p[2] ? 3 : 2)
        if (p[0] == tag[0] && p[1] == tag[1])
            return true;
    return false;
}
