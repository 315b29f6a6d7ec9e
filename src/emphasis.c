/* emphasis.c: CJK-friendly emphasis in cmark-gfm's inline parser (see
 * emphasis.h).
 *
 * cmark-gfm calls an inline extension at every character its own parser
 * does not handle, where a text would start. This one answers for the
 * bytes that start a non-ASCII character and reads the text from there
 * itself; when a run of '*' or '_' follows that text, it reads the run
 * too and pushes it on cmark's delimiter stack with the amended flags.
 * When it is called right after a run cmark read (the run's text is the
 * last node and its delimiter the last one), it sets that run's flags
 * again from both its neighbours. cmark then pairs the delimiters as it
 * always does. Its SPECIAL_CHARS include the bytes that start CJK
 * characters (registered below), so a text never runs past the start of
 * one: the character before every run is either in a text read here or
 * is not CJK. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm/chunk.h>
#include <cmark-gfm/utf8.h>
#include <utf8proc.h>
#include "guidenav/emphasis.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

/* What the extension keeps for one parse. */
typedef struct ctx {
    cmark_mem *mem; /* the parser's allocator: the nodes' */
    bool tilde;     /* '~' is looked through for a run's neighbours (strikethrough) */
    gn_buf scratch; /* a node's text, NUL-terminated for cmark_node_set_literal */
} ctx;

/* A run's neighbour, as the flanking rules see it. */
enum cls {
    WS,    /* Unicode white space, and the start or end of the text */
    NP,    /* punctuation that is not CJK */
    CJKP,  /* CJK punctuation */
    CJKL,  /* any other CJK character; an ideographic variation selector before a run */
    NL,    /* a letter that is not CJK */
    OTHER, /* anything else */
};

static enum cls class_of(int32_t cp)
{
    if (cmark_utf8proc_is_space(cp))
        return WS;
    bool punct = cmark_utf8proc_is_punctuation(cp) != 0;
    if (gn_cp_is_cjk(cp))
        return punct ? CJKP : CJKL;
    if (punct)
        return NP;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO ? NL : OTHER;
}

/* The code point starting at s[at] (at < end), or -1 when invalid. */
static int32_t decode(const unsigned char *s, size_t at, size_t end)
{
    int32_t cp = -1;
    if (cmark_utf8proc_iterate(s + at, (bufsize_t)(end - at), &cp) < 0)
        return -1;
    return cp;
}

/* Where the code point ending just before s[at] (at > 0) starts. */
static size_t start_before(const unsigned char *s, size_t at)
{
    size_t p = at - 1;
    while (p > 0 && (s[p] & 0xC0) == 0x80)
        p--;
    return p;
}

/* The class of the character before a run starting at s[at]. As cmark
 * does, '~' are looked through when tilde, and the start of the text, an
 * invalid sequence or nothing but '~' count as white space. A variation
 * selector U+FE00..U+FE0E after a CJK character or punctuation takes that
 * character's class (a "sequence"); an ideographic variation selector
 * (U+E0100..U+E01EF) counts as CJK. */
static enum cls class_before(const unsigned char *s, size_t at, bool tilde)
{
    if (at == 0)
        return WS;
    size_t p = at - 1;
    while (p > 0 && ((s[p] & 0xC0) == 0x80 || (tilde && s[p] == '~')))
        p--;
    int32_t cp = decode(s, p, at);
    if (cp < 0 || (tilde && cp == '~'))
        return WS;
    if (cp >= 0xE0100 && cp <= 0xE01EF)
        return CJKL;
    if (cp >= 0xFE00 && cp <= 0xFE0E && p > 0) {
        size_t b = start_before(s, p);
        int32_t base = decode(s, b, p);
        enum cls c = base < 0 ? OTHER : class_of(base);
        return c == NP || c == CJKP || c == CJKL ? c : OTHER;
    }
    return class_of(cp);
}

/* The class of the character after a run ending before s[at], looking
 * through '~' when tilde; the end of the text counts as white space. */
static enum cls class_after(const unsigned char *s, size_t len, size_t at, bool tilde)
{
    while (tilde && at < len && s[at] == '~')
        at++;
    if (at >= len)
        return WS;
    int32_t cp = decode(s, at, len);
    return cp < 0 ? WS : class_of(cp);
}

/* May a run of c ('*' or '_') between characters of classes p and n open
 * and close emphasis? The amended flanking rules and CommonMark's rules
 * for '*' and '_', with the '_' at a word's edge of emphasis.h: between
 * non-CJK punctuation and a CJK letter, or between a CJK letter and
 * another letter. */
static void run_flags(enum cls p, enum cls n, unsigned char c, bool *open, bool *close)
{
    bool cjk_p = p == CJKP || p == CJKL, cjk_n = n == CJKP || n == CJKL;
    bool left = n != WS && (n != NP || p == WS || p == NP || cjk_p);
    bool right = p != WS && (p != NP || n == WS || n == NP || cjk_n);
    if (c == '_') {
        bool script_edge = (p == CJKL && n == NL) || (p == NL && n == CJKL);
        *open = left && (!right || p == NP || p == CJKP || (p == CJKL && n == NP) || script_edge);
        *close = right && (!left || n == NP || n == CJKP || (n == CJKL && p == NP) || script_edge);
    } else {
        *open = left;
        *close = right;
    }
}

/* The end of the text starting at s[at] that is read here: non-ASCII
 * characters, ASCII letters and digits but 'w' (where the autolink
 * extension looks for "www."), and spaces. It stops before every byte
 * cmark or an extension may handle (punctuation, line ends, controls). */
static size_t text_end(const unsigned char *s, size_t len, size_t at)
{
    for (; at < len; at++) {
        unsigned char b = s[at];
        if (b >= 0x80 || b == ' ')
            continue;
        unsigned char l = b | 0x20; /* an ASCII letter in lower case */
        if (!((b >= '0' && b <= '9') || (l >= 'a' && l <= 'z')) || b == 'w')
            break;
    }
    return at;
}

/* A text node holding s[0..n), made in the parser's allocator. */
static cmark_node *text_node(ctx *x, const unsigned char *s, size_t n)
{
    gn_buf_reset(&x->scratch);
    gn_buf_add(&x->scratch, (const char *)s, n);
    cmark_node *node = cmark_node_new_with_mem(CMARK_NODE_TEXT, x->mem);
    cmark_node_set_literal(node, x->scratch.data);
    return node;
}

/* When the last node of parent is a run of '*' or '_' that ends just
 * before s[at], give it its flags again: cmark set them without the
 * amendment. A run cmark left off its delimiter stack (it could neither
 * open nor close by CommonMark's rules, as '_' inside a word) is pushed
 * when the amended rules let it open or close. */
static void reflag_last(const ctx *x, cmark_inline_parser *ip, cmark_node *parent,
                        const unsigned char *s, size_t len, size_t at)
{
    cmark_node *last = cmark_node_last_child(parent);
    const char *lit = last && cmark_node_get_type(last) == CMARK_NODE_TEXT
                          ? cmark_node_get_literal(last) : NULL;
    if (!lit || (lit[0] != '*' && lit[0] != '_'))
        return;
    size_t n = strspn(lit, lit[0] == '*' ? "*" : "_"), from = at - n;
    if (lit[n] != '\0' || n > at)
        return;
    for (size_t i = from; i < at; i++)
        if (s[i] != (unsigned char)lit[0])
            return;
    size_t slashes = 0; /* an escaped '*' is a text too, never a run */
    while (slashes < from && s[from - 1 - slashes] == '\\')
        slashes++;
    if (slashes % 2)
        return;
    bool open, close;
    run_flags(class_before(s, from, x->tilde), class_after(s, len, at, x->tilde),
              (unsigned char)lit[0], &open, &close);
    delimiter *d = cmark_inline_parser_get_last_delimiter(ip);
    if (d && d->inl_text == last) {
        d->can_open = open;
        d->can_close = close;
    } else if (open || close) {
        cmark_inline_parser_push_delimiter(ip, (unsigned char)lit[0], open, close, last);
    }
}

/* cmark's match_inline callback: at the start of a non-ASCII character,
 * read the text from there and a run of '*' or '_' right after it. */
static cmark_node *match(cmark_syntax_extension *ext, cmark_parser *parser,
                         cmark_node *parent, unsigned char c, cmark_inline_parser *ip)
{
    (void)parser;
    if (c < 0x80)
        return NULL;
    ctx *x = cmark_syntax_extension_get_private(ext);
    cmark_chunk *chunk = cmark_inline_parser_get_chunk(ip);
    const unsigned char *s = chunk->data;
    size_t len = (size_t)chunk->len, at = (size_t)cmark_inline_parser_get_offset(ip);
    reflag_last(x, ip, parent, s, len, at);

    size_t end = text_end(s, len, at), keep = end;
    /* As cmark does, spaces before a line end are not text. */
    if (end < len && (s[end] == '\n' || s[end] == '\r'))
        while (s[keep - 1] == ' ')
            keep--;
    cmark_node *text = text_node(x, s + at, keep - at);
    cmark_inline_parser_set_offset(ip, (int)end);
    if (end == len || (s[end] != '*' && s[end] != '_'))
        return text;

    cmark_node_append_child(parent, text);
    size_t stop = end;
    while (stop < len && s[stop] == s[end])
        stop++;
    cmark_node *run = text_node(x, s + end, stop - end);
    cmark_inline_parser_set_offset(ip, (int)stop);
    bool open, close;
    run_flags(class_before(s, end, x->tilde), class_after(s, len, stop, x->tilde), s[end],
              &open, &close);
    if (open || close)
        cmark_inline_parser_push_delimiter(ip, s[end], open, close, run);
    return run;
}

static void drop_ctx(cmark_mem *mem, void *p)
{
    (void)mem;
    ctx *x = p;
    gn_buf_free(&x->scratch);
    free(x);
}

cmark_syntax_extension *gn_emphasis_attach(cmark_parser *parser, cmark_mem *mem)
{
    ctx *x = gn_xcalloc(1, sizeof *x);
    x->mem = mem;
    x->scratch = (gn_buf)GN_BUF_INIT;
    cmark_syntax_extension *strike = cmark_find_syntax_extension("strikethrough");
    for (cmark_llist *l = cmark_parser_get_syntax_extensions(parser); l && strike; l = l->next)
        if (l->data == strike)
            x->tilde = true;

    cmark_syntax_extension *ext = cmark_syntax_extension_new("guidenav-cjk-emphasis");
    /* The lead bytes of the characters that may stand before a run here:
     * U+1100..U+DFFF, U+F000..U+3FFFF and the variation selectors
     * U+E0100.. (0xEE starts U+E000..U+EFFF, private use). */
    cmark_mem *dm = cmark_get_default_mem_allocator();
    cmark_llist *chars = NULL;
    for (size_t b = 0xE1; b <= 0xF3; b++)
        if (b != 0xEE && (b <= 0xF0 || b == 0xF3))
            chars = cmark_llist_append(dm, chars, (void *)b);
    cmark_syntax_extension_set_special_inline_chars(ext, chars);
    cmark_syntax_extension_set_match_inline_func(ext, match);
    cmark_syntax_extension_set_private(ext, x, drop_ctx);
    cmark_parser_attach_syntax_extension(parser, ext);
    return ext;
}

void gn_emphasis_free(cmark_syntax_extension *ext)
{
    if (ext)
        cmark_syntax_extension_free(cmark_get_default_mem_allocator(), ext);
}
