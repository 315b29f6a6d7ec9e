/* text.c: UTF-8, display widths and sanitising (see text.h). */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>
#include "guidenav/text.h"

void gn_utf8_encode(gn_buf *b, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
    if (n <= 0)
        n = utf8proc_encode_char(0xFFFD, tmp);
    gn_buf_add(b, (const char *)tmp, (size_t)n);
}

int gn_cp_width_lookup(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    switch (p->category) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
        return 0;
    default:
        break;
    }
    int w = p->charwidth;
    return w < 0 ? 0 : w > 2 ? 2 : w;
}

int gn_text_width(const char *s, size_t len)
{
    int w = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII without a call */
            w += c >= 0x20 && c < 0x7F;
            i++;
            continue;
        }
        int32_t cp;
        i += gn_utf8_decode(s + i, len - i, &cp);
        w += gn_cp_width(cp);
    }
    return w;
}

/* The CJK characters of gn_cp_is_cjk, as sorted ranges: derived from
 * Unicode 15's EastAsianWidth.txt (W, F, H), emoji-data.txt
 * (Emoji_Presentation, left out) and Scripts.txt (Hangul). */
static const int32_t cjk_ranges[][2] = {
    {0x1100, 0x11FF}, {0x20A9, 0x20A9}, {0x2329, 0x232A}, {0x2E80, 0x2E99},
    {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5}, {0x2FF0, 0x2FFB}, {0x3000, 0x303E},
    {0x3041, 0x3096}, {0x3099, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E},
    {0x3190, 0x31E3}, {0x31F0, 0x321E}, {0x3220, 0x3247}, {0x3250, 0x4DBF},
    {0x4E00, 0xA48C}, {0xA490, 0xA4C6}, {0xA960, 0xA97C}, {0xAC00, 0xD7A3},
    {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
    {0xFE30, 0xFE52}, {0xFE54, 0xFE66}, {0xFE68, 0xFE6B}, {0xFF01, 0xFFBE},
    {0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC},
    {0xFFE0, 0xFFE6}, {0xFFE8, 0xFFEE}, {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1},
    {0x17000, 0x187F7}, {0x18800, 0x18CD5}, {0x18D00, 0x18D08}, {0x1AFF0, 0x1AFF3},
    {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE}, {0x1B000, 0x1B122}, {0x1B132, 0x1B132},
    {0x1B150, 0x1B152}, {0x1B155, 0x1B155}, {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB},
    {0x1F200, 0x1F200}, {0x1F202, 0x1F202}, {0x1F210, 0x1F219}, {0x1F21B, 0x1F22E},
    {0x1F230, 0x1F231}, {0x1F237, 0x1F237}, {0x1F23B, 0x1F23B}, {0x1F240, 0x1F248},
    {0x1F260, 0x1F265}, {0x20000, 0x3FFFD},
};

bool gn_cp_is_cjk(int32_t cp)
{
    if (cp < 0x1100)
        return false;
    size_t lo = 0, hi = sizeof cjk_ranges / sizeof *cjk_ranges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < cjk_ranges[mid][0])
            hi = mid;
        else if (cp > cjk_ranges[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static int is_bidi_control(int32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Whether s[i..len) starts with a character of U+1000..U+CFFF but
 * U+2000..U+2FFF (the bidirectional controls): any two continuation
 * bytes after a lead from 0xE1 to 0xEC but 0xE2 (most of Japanese, Korean
 * and Chinese text), without decoding. */
static inline bool three_safe(const char *s, size_t len, size_t i)
{
    if (len - i < 3)
        return false;
    unsigned char c = (unsigned char)s[i];
    return c >= 0xE1 && c <= 0xEC && c != 0xE2 && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
           ((unsigned char)s[i + 2] & 0xC0) == 0x80;
}

/* The length of the longest start of s[0..len) that gn_text_sanitize
 * copies as it is: printable ASCII, tab, newline, and valid UTF-8 that is
 * neither a C1 nor a bidirectional control. */
static size_t plain_run(const char *s, size_t len)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    size_t i = 0;
    while (i < len) {
        /* Eight bytes of printable ASCII at a time: none from 0x80, none
         * below 0x20 (w - 0x20 borrows into the high bit), none 0x7F. */
        while (len - i >= 8) {
            uint64_t w, d;
            memcpy(&w, s + i, 8);
            d = w ^ (0x7F * ones);
            if (((w | ((w - 0x20 * ones) & ~w) | ((d - ones) & ~d)) & highs) != 0)
                break;
            i += 8;
        }
        if (i == len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
                break;
            i++;
            continue;
        }
        if (three_safe(s, len, i)) {
            do /* (a run of them, without the look at eight bytes between) */
                i += 3;
            while (three_safe(s, len, i));
            continue;
        }
        int32_t cp;
        size_t n = gn_utf8_decode(s + i, len - i, &cp);
        if ((cp == 0xFFFD && n == 1) || (cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp))
            break;
        i += n;
    }
    return i;
}

void gn_text_sanitize(gn_buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* Copy what needs no change at once. */
        size_t j = i + plain_run(s + i, len - i);
        if (j > i) {
            gn_buf_add(b, s + i, j - i);
            i = j;
            continue;
        }
        int32_t cp;
        size_t n = gn_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1)
            gn_utf8_encode(b, 0xFFFD); /* an invalid byte */
        else if (cp < 0x20)
            gn_utf8_encode(b, 0x2400 + cp); /* control pictures: ␛ */
        else if (cp == 0x7F)
            gn_utf8_encode(b, 0x2421);      /* ␡ */
        else if (cp >= 0x80 && cp < 0xA0)
            gn_utf8_encode(b, 0xFFFD);
        else /* a bidirectional control */
            gn_buf_addf(b, "<U+%04X>", (unsigned)cp);
        i += n;
    }
}

bool gn_text_is_sanitized(const char *s, size_t len)
{
    return plain_run(s, len) == len;
}

void gn_text_code_line(gn_buf *b, const char *s, size_t len)
{
    gn_buf raw = GN_BUF_INIT;
    gn_text_sanitize(&raw, s, len);
    int col = 0;
    for (size_t i = 0; i < raw.len;) {
        int32_t cp;
        size_t k = gn_utf8_decode(raw.data + i, raw.len - i, &cp);
        if (cp == '\t') {
            do
                gn_buf_addc(b, ' ');
            while (++col % 4);
        } else {
            gn_buf_add(b, raw.data + i, k);
            col += gn_cp_width(cp);
        }
        i += k;
    }
    gn_buf_free(&raw);
}

char *gn_text_sanitized(const char *s)
{
    gn_buf b = GN_BUF_INIT;
    gn_text_sanitize(&b, s, strlen(s));
    return gn_buf_take(&b);
}

char *gn_text_vsanitizedf(const char *fmt, va_list ap)
{
    gn_buf raw = GN_BUF_INIT, safe = GN_BUF_INIT;
    gn_buf_vaddf(&raw, fmt, ap);
    gn_buf_adds(&safe, "");
    gn_text_sanitize(&safe, raw.data ? raw.data : "", raw.len);
    gn_buf_free(&raw);
    return gn_buf_take(&safe);
}

void gn_text_field(gn_buf *b, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *esc = s[i] == '\\' ? "\\\\" : s[i] == '\t' ? "\\t"
                        : s[i] == '\n' ? "\\n" : NULL;
        if (!esc)
            continue;
        /* These are ASCII bytes: never inside a UTF-8 sequence. */
        gn_text_sanitize(b, s + start, i - start);
        gn_buf_adds(b, esc);
        start = i + 1;
    }
    gn_text_sanitize(b, s + start, len - start);
}

void gn_text_ascii(gn_buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && (unsigned char)s[j] < 0x80)
            j++;
        gn_buf_add(b, s + i, j - i);
        if (j == len)
            break;
        int32_t cp;
        i = j + gn_utf8_decode(s + j, len - j, &cp);
        for (int w = gn_cp_width(cp); w > 0; w--)
            gn_buf_addc(b, '?');
    }
}

size_t gn_text_fit(const char *s, size_t len, int cols)
{
    int w = 0;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t n = gn_utf8_decode(s + i, len - i, &cp);
        int cw = gn_cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        i += n;
    }
    return i;
}

size_t gn_text_ellipsize(const char *s, size_t len, int cols, bool ascii, const char **mark)
{
    *mark = NULL;
    if (cols < 0)
        cols = 0;
    size_t fit = gn_text_fit(s, len, cols);
    if (fit == len)
        return len;
    const char *m = ascii ? "..." : "\u2026";
    int mw = ascii ? 3 : 1;
    if (cols < mw)
        return fit;
    fit = gn_text_fit(s, len, cols - mw);
    while (fit > 0 && s[fit - 1] == ' ')
        fit--;
    *mark = m;
    return fit;
}

void gn_utf8_chop(gn_buf *b)
{
    while (b->len > 0 && ((unsigned char)b->data[b->len - 1] & 0xC0) == 0x80)
        b->len--;
    if (b->len > 0)
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
}
