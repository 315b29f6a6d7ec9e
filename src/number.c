/* number.c: numbers of running text and their readings (see number.h). */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "guidenav/number.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

/* The digit value of cp (ASCII or full-width), or -1. */
static int digit_of(int32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return cp - '0';
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return cp - 0xFF10;
    return -1;
}

/* The separators a number may hold between digit groups. */
static bool is_separator(int32_t cp)
{
    return cp == '.' || cp == ',' || cp == '\'' || cp == 0x00A0 || cp == 0x202F || cp == 0x2009;
}

/* True when s[at..] is three ASCII digits and then no digit: a group of
 * thousands after a plain space ("1 000" in French). */
static bool three_digits(const char *s, size_t len, size_t at)
{
    for (size_t i = 0; i < 3; i++)
        if (at + i >= len || s[at + i] < '0' || s[at + i] > '9')
            return false;
    return at + 3 >= len || s[at + 3] < '0' || s[at + 3] > '9';
}

/* A number as groups of ASCII digits and the separators between them. */
#define MAX_GROUPS 16
typedef struct num {
    char digits[128];                 /* the groups' digits, one after the other */
    size_t gstart[MAX_GROUPS + 1];    /* group k is digits[gstart[k], gstart[k + 1]) */
    int32_t sep[MAX_GROUPS];          /* sep[k] is between groups k and k + 1 */
    size_t ngroups;
} num;

/* Read a number at s[at] (a digit): fills n and returns its end, or at
 * when it is too long to read (then skipped as digits only). */
static size_t read_num(const char *s, size_t len, size_t at, num *n)
{
    size_t p = at, nd = 0;
    n->ngroups = 0;
    n->gstart[0] = 0;
    while (p < len) {
        int32_t cp;
        size_t k = gn_utf8_decode(s + p, len - p, &cp);
        int d = digit_of(cp);
        if (d < 0)
            break;
        if (nd + 1 >= sizeof n->digits)
            return at;
        n->digits[nd++] = (char)('0' + d);
        p += k;
        /* A separator counts only between two digits. */
        if (p < len) {
            int32_t sp, nx = -1;
            size_t k2 = gn_utf8_decode(s + p, len - p, &sp);
            if (p + k2 < len)
                gn_utf8_decode(s + p + k2, len - p - k2, &nx);
            if ((is_separator(sp) || (sp == ' ' && three_digits(s, len, p + 1))) &&
                digit_of(nx) >= 0) {
                if (n->ngroups + 1 >= MAX_GROUPS)
                    return at;
                n->sep[n->ngroups++] = sp;
                n->gstart[n->ngroups] = nd;
                p += k2;
            }
        }
    }
    n->gstart[++n->ngroups] = nd;
    n->digits[nd] = '\0';
    return p;
}

static size_t glen(const num *n, size_t k)
{
    return n->gstart[k + 1] - n->gstart[k];
}

/* The canonical reading of n with decimal mark dec and grouping marks
 * group (a NUL-terminated list of code points), into out; false when the
 * groups do not follow that convention. */
static bool reading(const num *n, int32_t dec, const int32_t *group, gn_buf *out)
{
    size_t ng = n->ngroups, whole = ng; /* groups of the whole part */
    if (ng > 1 && n->sep[ng - 2] == dec)
        whole = ng - 1;
    int32_t grouping = 0;
    for (size_t k = 0; k + 1 < whole; k++) {
        bool ok = false;
        for (const int32_t *g = group; *g; g++)
            ok |= n->sep[k] == *g;
        if (!ok || (grouping && n->sep[k] != grouping) || glen(n, k + 1) != 3)
            return false;
        grouping = n->sep[k];
    }
    if (whole > 1 && glen(n, 0) > 3)
        return false;
    gn_buf_reset(out);
    size_t end = n->gstart[whole], i = 0;
    while (i + 1 < end && n->digits[i] == '0')
        i++;
    gn_buf_add(out, n->digits + i, end - i);
    /* A fraction without its trailing zeros: 2.50 is 2.5, 5.00 is 5. */
    size_t fend = n->gstart[ng];
    while (whole < ng && fend > end && n->digits[fend - 1] == '0')
        fend--;
    if (fend > end) {
        gn_buf_addc(out, '.');
        gn_buf_add(out, n->digits + end, fend - end);
    }
    return true;
}

/* Report group k of n as a number of its own (a date's part). */
static void report_group(const num *n, size_t k, size_t off, size_t len, gn_number_fn fn,
                         void *ctx)
{
    char v[128];
    size_t a = n->gstart[k], b = n->gstart[k + 1];
    while (a + 1 < b && n->digits[a] == '0')
        a++;
    memcpy(v, n->digits + a, b - a);
    v[b - a] = '\0';
    fn(off, len, v, v, ctx);
}

/* True when n is a date written with dots: d.m.yyyy or yyyy.m.d. */
static bool is_dot_date(const num *n)
{
    if (n->ngroups != 3 || n->sep[0] != '.' || n->sep[1] != '.')
        return false;
    bool dmy = glen(n, 0) <= 2 && glen(n, 1) <= 2 && glen(n, 2) == 4;
    bool ymd = glen(n, 0) == 4 && glen(n, 1) <= 2 && glen(n, 2) <= 2;
    return dmy || ymd;
}

void gn_numbers(const char *s, size_t len, gn_number_fn fn, void *ctx)
{
    static const int32_t by_comma[] = {',', 0};
    static const int32_t by_dot[] = {'.', ' ', '\'', 0x00A0, 0x202F, 0x2009, 0};
    gn_buf point = GN_BUF_INIT, comma = GN_BUF_INIT;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        size_t k = gn_utf8_decode(s + i, len - i, &cp);
        if (digit_of(cp) < 0) {
            i += k;
            continue;
        }
        num n;
        size_t end = read_num(s, len, i, &n);
        if (end == i) { /* too long to be a number anyone reads: skipped */
            while (i < len) {
                size_t k2 = gn_utf8_decode(s + i, len - i, &cp);
                if (digit_of(cp) < 0 && !is_separator(cp))
                    break;
                i += k2;
            }
            continue;
        }
        if (is_dot_date(&n)) {
            for (size_t g = 0; g < 3; g++)
                report_group(&n, g, i, end - i, fn, ctx);
        } else {
            gn_buf_reset(&point);
            gn_buf_reset(&comma);
            bool p = reading(&n, '.', by_comma, &point);
            bool c = reading(&n, ',', by_dot, &comma);
            if (!p)
                gn_buf_add(&point, s + i, end - i);
            if (!c)
                gn_buf_add(&comma, s + i, end - i);
            fn(i, end - i, point.data, comma.data, ctx);
        }
        i = end;
    }
    gn_buf_free(&point);
    gn_buf_free(&comma);
}
