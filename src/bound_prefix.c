/* bound_prefix.c: what starts a line, as cmark-gfm's block parser reads
 * it, for the pre-pass (bound.h, bound_priv.h): the container prefix of
 * block quote and list markers, bounded in pass 1, and the fences,
 * thematic breaks and link reference definitions that open a line's
 * content. */
#include "bound_priv.h"

/* ---- container prefixes -------------------------------------------------- */

bool bound_thematic_at(const char *s, size_t p, size_t e)
{
    char c = s[p];
    int n = 0;
    if (c != '-' && c != '*' && c != '_')
        return false;
    for (size_t i = p; i < e; i++) {
        if (s[i] == c)
            n++;
        else if (!bound_is_ws(s[i]))
            return false;
    }
    return n >= 3;
}

/* Length of the container marker at s[i] (i < e), or 0: '>', or a list
 * marker ("-", "+", "*", up to nine digits and '.' or ')') followed by a
 * space, a tab or the end of the line, unless the rest of the line is a
 * thematic break (which cmark tries first). */
static size_t marker_len(const char *s, size_t i, size_t e)
{
    char c = s[i];
    size_t m;
    if (c == '>')
        return 1;
    if (c == '-' || c == '+' || c == '*') {
        m = 1;
    } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < e && j - i < 9 && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j == e || (s[j] != '.' && s[j] != ')'))
            return 0;
        m = j - i + 1;
    } else {
        return 0;
    }
    if (i + m < e && !bound_is_ws(s[i + m]))
        return 0;
    if ((c == '-' || c == '*') && bound_thematic_at(s, i, e))
        return 0;
    return m;
}

size_t bound_prefix(const char *s, size_t b, size_t e, bound_editor *ed, bool *escaped)
{
    if (escaped)
        *escaped = false;
    size_t i = b;
    int col = 0, ws = 0, markers = 0;
    for (;;) {
        size_t run = i;
        while (i < e && bound_is_ws(s[i])) {
            int w = s[i] == '\t' ? 4 - col % 4 : 1;
            if (ed && ws + w > GN_BOUND_INDENT) {
                size_t j = i;
                while (j < e && bound_is_ws(s[j]))
                    j++;
                if (i == run) { /* one space stays */
                    if (j - i > 1 || s[i] != ' ')
                        bound_ed_replace(ed, i, j - i, " ", 1);
                    ws++;
                    col++;
                } else {
                    bound_ed_replace(ed, i, j - i, "", 0);
                }
                i = j;
                break;
            }
            ws += w;
            col += w;
            i++;
        }
        if (i >= e)
            break;
        size_t m = marker_len(s, i, e);
        if (m == 0)
            break;
        if (markers == GN_BOUND_CONTAINERS) {
            if (ed) {
                bound_ed_escape(ed, i + m - 1); /* before '>', '-', '+', '*', or '.' / ')' */
                if (escaped)
                    *escaped = true;
            }
            break;
        }
        markers++;
        col += (int)m;
        i += m;
    }
    return i;
}

/* ---- what opens a line's content ---------------------------------------- */

bool bound_fence_like(const char *s, size_t c, size_t e)
{
    if (c + 3 > e || (s[c] != '`' && s[c] != '~'))
        return false;
    return s[c + 1] == s[c] && s[c + 2] == s[c];
}

size_t bound_definition_like(const char *s, size_t c, size_t e)
{
    bool text = false;
    if (c >= e || s[c] != '[')
        return 0;
    for (size_t i = c + 1; i < e && i - c <= 1000; i++) {
        if (s[i] == '\\' && i + 1 < e) {
            text = true;
            i++;
        } else if (s[i] == '[') {
            return 0;
        } else if (s[i] == ']') {
            return text && i + 1 < e && s[i + 1] == ':' ? i : 0;
        } else if (!bound_is_ws(s[i])) {
            text = true;
        }
    }
    return 0;
}
