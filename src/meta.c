/* meta.c: YAML front matter, read through libyaml's event API (see meta.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "guidenav/meta.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

#define META_MAX_BYTES (64 * 1024)
#define META_MAX_DEPTH 64

/* End of the line starting at i: the offset of its '\n', or len. */
static size_t line_end(const char *text, size_t len, size_t i)
{
    const char *nl = memchr(text + i, '\n', len - i);
    return nl ? (size_t)(nl - text) : len;
}

/* True when text[a..b) is mark ("---" or "...") followed only by spaces,
 * tabs or a CR. */
static bool is_fence(const char *text, size_t a, size_t b, const char *mark)
{
    if (b - a < 3 || memcmp(text + a, mark, 3) != 0)
        return false;
    for (size_t i = a + 3; i < b; i++)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            return false;
    return true;
}

/* Append a new entry (taking key and value) to meta. */
static void meta_add(gn_meta *meta, char *key, char *value, int line)
{
    meta->v = gn_xreallocarray(meta->v, meta->n + 1, sizeof *meta->v);
    meta->v[meta->n++] = (gn_meta_entry){key, value, line};
}

/* A collection being rendered: a mapping or a sequence, and how many
 * nodes (keys and values) it has had so far. */
struct frame {
    bool map;
    size_t count;
};

/* The parse of one front matter block. */
struct reader {
    const char *path;
    int first_line;      /* file line of the block's first line */
    gn_meta *meta;
    struct frame stack[META_MAX_DEPTH];
    int depth;           /* open collections; 1 inside the top mapping */
    int documents;
    gn_buf node;         /* the flow text of the node being read */
    char *key;           /* the top-level key waiting for its value */
    int key_line;
};

/* Before a node nested in a rendered collection: its separator. */
static void add_separator(struct reader *r)
{
    struct frame *f = &r->stack[r->depth - 1];
    if (f->map && f->count % 2 == 1)
        gn_buf_adds(&r->node, ": ");
    else if (f->count > 0)
        gn_buf_adds(&r->node, ", ");
    f->count++;
}

/* A node of the top mapping is complete in r->node: keep it as the key or
 * as the value of the key before it. */
static void top_node_done(struct reader *r, const yaml_mark_t *start)
{
    struct frame *top = &r->stack[0];
    char *text = gn_buf_take(&r->node);
    if (top->count % 2 == 0) {
        r->key = text;
        r->key_line = (int)start->line + r->first_line;
    } else {
        meta_add(r->meta, r->key, text, r->key_line);
        r->key = NULL;
    }
    top->count++;
}

/* Handle one event. Returns 0, 1 at the end of the stream, or -1 with err
 * set. The start mark of the node that started at the top level is kept in
 * *node_start so its key gets its line. */
static int on_event(struct reader *r, const yaml_event_t *ev,
                    yaml_mark_t *node_start, gn_error *err)
{
    int line = (int)ev->start_mark.line + r->first_line;
    switch (ev->type) {
    case YAML_STREAM_END_EVENT:
        return 1;
    case YAML_DOCUMENT_START_EVENT:
        if (++r->documents > 1)
            return gn_fail(err, "%s:%d: front matter holds more than one YAML document",
                           r->path, line);
        return 0;
    case YAML_ALIAS_EVENT:
        return gn_fail(err, "%s:%d: YAML aliases are not supported in front matter",
                       r->path, line);
    case YAML_SCALAR_EVENT:
        if (r->depth == 0)
            return gn_fail(err, "%s:%d: front matter is not a mapping", r->path, line);
        if (r->depth == 1) {
            gn_buf_add(&r->node, (const char *)ev->data.scalar.value, ev->data.scalar.length);
            top_node_done(r, &ev->start_mark);
        } else {
            add_separator(r);
            gn_buf_add(&r->node, (const char *)ev->data.scalar.value, ev->data.scalar.length);
        }
        return 0;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        bool map = ev->type == YAML_MAPPING_START_EVENT;
        if (r->depth == 0 && !map)
            return gn_fail(err, "%s:%d: front matter is not a mapping", r->path, line);
        if (r->depth == META_MAX_DEPTH)
            return gn_fail(err, "%s:%d: front matter is nested deeper than %d levels",
                           r->path, line, META_MAX_DEPTH);
        if (r->depth == 1)
            *node_start = ev->start_mark;
        if (r->depth >= 2) {
            add_separator(r);
            gn_buf_adds(&r->node, map ? "{" : "[");
        }
        r->stack[r->depth++] = (struct frame){map, 0};
        return 0;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        r->depth--;
        if (r->depth >= 2)
            gn_buf_adds(&r->node, ev->type == YAML_MAPPING_END_EVENT ? "}" : "]");
        else if (r->depth == 1)
            top_node_done(r, node_start);
        return 0;
    default:
        return 0;
    }
}

/* ---- the common case, without libyaml ----------------------------------- */

/* Whether text[a..b) holds only characters libyaml reads as printable and
 * not as a line break (valid UTF-8, no control character, no tab, no
 * U+0085, U+2028, U+2029 or U+FEFF). */
static bool plain_chars(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                return false;
            i++;
            continue;
        }
        int32_t cp;
        size_t n = gn_utf8_decode(text + i, b - i, &cp);
        if (n == 1 || cp < 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
            cp == 0xFFFE || cp == 0xFFFF)
            return false;
        i += n;
    }
    return true;
}

/* The value of a "key: value" line, text[a..b) after the ": " and the
 * spaces that follow, as libyaml reads it, appended to out; false when it
 * is not one of the simple forms read here: a plain scalar that needs no
 * rule of YAML but the trimming of trailing spaces, or a single- or
 * double-quoted one on one line (no escape in double quotes). */
static bool simple_value(const char *text, size_t a, size_t b, gn_buf *out)
{
    while (b > a && text[b - 1] == ' ')
        b--;
    if (a == b)
        return false;
    char q = text[a];
    if (q == '\'' || q == '"') {
        size_t i = a + 1;
        for (;; i++) {
            if (i == b)
                return false; /* not closed on the line */
            if (text[i] == '\\' && q == '"')
                return false;
            if (text[i] != q)
                continue;
            if (q == '\'' && i + 1 < b && text[i + 1] == '\'') {
                gn_buf_add(out, text + a + 1, i + 1 - (a + 1));
                a = ++i; /* "''" is one quote: the text goes on after it */
                continue;
            }
            break;
        }
        if (i + 1 != b) /* something after the closing quote */
            return false;
        gn_buf_add(out, text + a + 1, i - (a + 1));
        return true;
    }
    if (strchr("-?:,[]{}#&*!|>%@`", q) || text[b - 1] == ':')
        return false;
    for (size_t i = a; i + 1 < b; i++)
        if ((text[i] == ':' && text[i + 1] == ' ') || (text[i] == ' ' && text[i + 1] == '#'))
            return false;
    gn_buf_add(out, text + a, b - a);
    return true;
}

/* Read the block text[0..len) (as parse_block) when each of its lines is
 * empty or "key: value", key made of ASCII letters, digits, '_' and '-',
 * and value a simple scalar (simple_value): front matter as guides write
 * it, read as libyaml reads it. False, meta untouched, for anything else. */
static bool simple_block(const char *text, size_t len, int first_line, gn_meta *meta)
{
    gn_meta got = {NULL, 0};
    gn_buf value = GN_BUF_INIT;
    bool ok = true;
    int line = first_line;
    for (size_t i = 0; ok && i < len; line++) {
        size_t e = line_end(text, len, i);
        if (e > i) {
            size_t k = i;
            while (k < e && k - i <= 128 &&
                   ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z') ||
                    (text[k] >= '0' && text[k] <= '9') || text[k] == '_' ||
                    (text[k] == '-' && k > i)))
                k++;
            size_t v = k + 2;
            while (v < e && text[v] == ' ')
                v++;
            ok = k > i && k + 1 < e && text[k] == ':' && text[k + 1] == ' ' &&
                 plain_chars(text, k + 2, e) && simple_value(text, v, e, &value);
            if (ok)
                meta_add(&got, gn_xstrndup(text + i, k - i), gn_buf_take(&value), line);
        }
        i = e < len ? e + 1 : len;
    }
    gn_buf_free(&value);
    if (!ok) {
        gn_meta_free(&got);
        return false;
    }
    for (size_t k = 0; k < got.n; k++)
        meta_add(meta, got.v[k].key, got.v[k].value, got.v[k].line);
    free(got.v);
    return true;
}

/* Parse the block text[0..len) whose first line is line first_line of the
 * file, appending its top-level keys to meta. */
static int parse_block(const char *path, const char *text, size_t len,
                       int first_line, gn_meta *meta, gn_error *err)
{
    if (simple_block(text, len, first_line, meta))
        return 0;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return gn_fail(err, "%s:%d: cannot start the YAML parser", path, first_line);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);

    struct reader r = {.path = path, .first_line = first_line, .meta = meta};
    yaml_mark_t node_start = {0, 0, 0};
    int rc = 0;
    while (rc == 0) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            const char *problem = parser.problem ? parser.problem : "malformed YAML";
            int at = (int)parser.problem_mark.line + first_line;
            if (parser.context)
                rc = gn_fail(err, "%s:%d: %s (%s at line %d)", path, at, problem,
                             parser.context, (int)parser.context_mark.line + first_line);
            else
                rc = gn_fail(err, "%s:%d: %s", path, at, problem);
            break;
        }
        rc = on_event(&r, &ev, &node_start, err);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    gn_buf_free(&r.node);
    free(r.key);
    return rc < 0 ? -1 : 0;
}

/* The front matter is the lines between a first line "---" (after an
 * optional BOM) and the next line "---" or "..."; the YAML is parsed only
 * when that closing line exists and the block is at most 64 KiB. path is
 * the sanitised name messages give. */
static int meta_parse(const char *path, const char *text, size_t len, gn_meta *meta,
                      size_t *body_off, int *body_line, gn_error *err)
{
    meta->v = NULL;
    meta->n = 0;
    *body_off = 0;
    *body_line = 1;

    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    size_t e = line_end(text, len, i);
    if (!is_fence(text, i, e, "---"))
        return 0;

    size_t block = e < len ? e + 1 : len;
    int line = 2;
    for (i = block; i < len; line++) {
        e = line_end(text, len, i);
        if (is_fence(text, i, e, "---") || is_fence(text, i, e, "...")) {
            if (i - block > META_MAX_BYTES)
                return gn_fail(err, "%s:1: front matter is larger than 64 KiB", path);
            if (parse_block(path, text + block, i - block, 2, meta, err) != 0) {
                gn_meta_free(meta);
                return -1;
            }
            *body_off = e < len ? e + 1 : len;
            *body_line = line + 1;
            return 0;
        }
        i = e < len ? e + 1 : len;
    }
    return gn_fail(err, "%s:1: front matter is not closed", path);
}

/* Messages name the file sanitised: a file name may hold an ESC. */
int gn_meta_parse(const char *path, const char *text, size_t len, gn_meta *meta,
                  size_t *body_off, int *body_line, gn_error *err)
{
    char *shown = gn_text_sanitized(path);
    int rc = meta_parse(shown, text, len, meta, body_off, body_line, err);
    free(shown);
    return rc;
}

/* Linear search: front matter has a few keys. The first of duplicate keys
 * wins. */
const char *gn_meta_get(const gn_meta *meta, const char *key)
{
    for (size_t i = 0; i < meta->n; i++)
        if (strcmp(meta->v[i].key, key) == 0)
            return meta->v[i].value;
    return NULL;
}

void gn_meta_free(gn_meta *meta)
{
    for (size_t i = 0; i < meta->n; i++) {
        free(meta->v[i].key);
        free(meta->v[i].value);
    }
    free(meta->v);
    meta->v = NULL;
    meta->n = 0;
}
