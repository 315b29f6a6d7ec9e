/* config.c: the configuration file, read through libyaml's event API into
 * a small tree of nodes, then checked key by key (see config.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "guidenav/config.h"
#include "guidenav/locale.h"
#include "guidenav/text.h"
#include "guidenav/util.h"

/* The limits of front matter (meta.c): a configuration is as small. */
#define CONFIG_MAX_BYTES (64 * 1024)
#define CONFIG_MAX_DEPTH 64

static const char *const style_names[GN_CSTYLE_COUNT] = {
#define X(name, text) [GN_CSTYLE_##name] = text,
    GN_CONFIG_STYLES(X)
#undef X
};

const char *gn_cstyle_name(gn_cstyle s)
{
    return s < GN_CSTYLE_COUNT ? style_names[s] : "";
}

enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE };

static const char *const color_names[8] = {"black", "red", "green", "yellow",
                                           "blue", "magenta", "cyan", "white"};

/* The dark theme: colours for a dark background, as guidenav always had. */
static const short dark_fg[GN_CSTYLE_COUNT] = {
    [GN_CSTYLE_HEADING] = BLUE, [GN_CSTYLE_LINK] = CYAN, [GN_CSTYLE_CODE] = YELLOW,
    [GN_CSTYLE_UICONTROL] = MAGENTA, [GN_CSTYLE_MARKER] = CYAN,
    [GN_CSTYLE_NOTE] = BLUE, [GN_CSTYLE_TIP] = GREEN, [GN_CSTYLE_IMPORTANT] = YELLOW,
    [GN_CSTYLE_CAUTION] = YELLOW, [GN_CSTYLE_WARNING] = RED, [GN_CSTYLE_INFO] = CYAN,
    [GN_CSTYLE_ADMIN] = MAGENTA, [GN_CSTYLE_AVAILABILITY] = CYAN,
    [GN_CSTYLE_PREREQUISITES] = MAGENTA, [GN_CSTYLE_ERROR] = RED,
    [GN_CSTYLE_SUCCESS] = GREEN, [GN_CSTYLE_VIDEO] = MAGENTA, [GN_CSTYLE_SEEALSO] = BLUE,
    [GN_CSTYLE_SHADE] = WHITE,
};

/* The light theme is the dark one with the colours that fade on a light
 * background made darker: cyan as blue, yellow as red, white as black. */
gn_color_spec gn_theme_color(gn_theme t, gn_cstyle s)
{
    gn_color_spec c = {-1, -1, 0};
    if (s >= GN_CSTYLE_COUNT || t == GN_THEME_NONE)
        return c;
    c.fg = dark_fg[s];
    if (t == GN_THEME_LIGHT)
        c.fg = c.fg == CYAN ? BLUE : c.fg == YELLOW ? RED : c.fg == WHITE ? BLACK : c.fg;
    return c;
}

/* ---- the tree of nodes ---- */

enum { N_SCALAR, N_MAP, N_SEQ };

typedef struct node {
    int type;
    char *text;          /* a scalar's value */
    bool plain;          /* a scalar written without quotes */
    int line;            /* 1-based */
    struct node **kids;  /* a mapping's keys and values, in turn */
    size_t n;
} node;

static void node_free(node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        node_free(n->kids[i]);
    free(n->kids);
    free(n->text);
    free(n);
}

static void node_add(node *parent, node *kid)
{
    parent->kids = gn_xreallocarray(parent->kids, parent->n + 1, sizeof *parent->kids);
    parent->kids[parent->n++] = kid;
}

/* Build the tree of text[0..len) into *root (NULL for an empty file).
 * Fails with "path:line: problem" as front matter does. */
static int build_tree(const char *path, const char *text, size_t len, node **root,
                      gn_error *err)
{
    *root = NULL;
    if (len > CONFIG_MAX_BYTES)
        return gn_fail(err, "%s:1: the configuration is larger than 64 KiB", path);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return gn_fail(err, "%s:1: cannot start the YAML parser", path);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    node *stack[CONFIG_MAX_DEPTH];
    int depth = 0, documents = 0, rc = 0;
    bool done = false;
    while (rc == 0 && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            const char *problem = parser.problem ? parser.problem : "malformed YAML";
            int at = (int)parser.problem_mark.line + 1;
            if (parser.context)
                rc = gn_fail(err, "%s:%d: %s (%s at line %d)", path, at, problem,
                             parser.context, (int)parser.context_mark.line + 1);
            else
                rc = gn_fail(err, "%s:%d: %s", path, at, problem);
            break;
        }
        int line = (int)ev.start_mark.line + 1;
        node *n = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1)
                rc = gn_fail(err, "%s:%d: the configuration holds more than one YAML document",
                             path, line);
            break;
        case YAML_ALIAS_EVENT:
            rc = gn_fail(err, "%s:%d: YAML aliases are not supported in the configuration",
                         path, line);
            break;
        case YAML_SCALAR_EVENT:
            n = gn_xcalloc(1, sizeof *n);
            n->type = N_SCALAR;
            n->text = gn_xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
            n->plain = ev.data.scalar.plain_implicit;
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (depth == CONFIG_MAX_DEPTH) {
                rc = gn_fail(err, "%s:%d: the configuration is nested deeper than %d levels",
                             path, line, CONFIG_MAX_DEPTH);
                break;
            }
            n = gn_xcalloc(1, sizeof *n);
            n->type = ev.type == YAML_MAPPING_START_EVENT ? N_MAP : N_SEQ;
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        default:
            break;
        }
        if (n) {
            n->line = line;
            if (depth > 0)
                node_add(stack[depth - 1], n);
            else
                *root = n;
            if (n->type != N_SCALAR)
                stack[depth++] = n;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    if (rc != 0) {
        node_free(*root);
        *root = NULL;
    }
    return rc;
}

/* ---- checking the tree ---- */

/* The parse of one file: where messages point, the vocabulary, and the
 * file's own keys (keys[a] NULL: not in the file). */
struct ctx {
    const char *path;
    const gn_config_vocab *vocab;
    gn_config *c;
    gn_error *err;
    char ***keys;
    const node **key_at; /* the node each action's keys were given at */
};

/* Fail with "path:line: what: problem" for node n, the message made safe
 * for a terminal (it quotes the file's text). */
static int fail_at(struct ctx *x, const node *n, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail_at(struct ctx *x, const node *n, const char *what, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *safe = gn_text_vsanitizedf(fmt, ap);
    va_end(ap);
    gn_fail(x->err, "%s:%d: %s%s%s", x->path, n->line, what, *what ? ": " : "", safe);
    free(safe);
    return -1;
}

static const char *type_name(const node *n)
{
    return n->type == N_MAP ? "a mapping" : n->type == N_SEQ ? "a list" : "a single value";
}

static int want(struct ctx *x, const node *n, int type, const char *what)
{
    if (n->type == type)
        return 0;
    return fail_at(x, n, what, "%s was expected, not %s",
                   type == N_MAP ? "a mapping (key: value)" : type == N_SEQ ? "a list"
                                                                            : "a single value",
                   type_name(n));
}

/* Check mapping n's keys: scalars, each once. */
static int check_keys(struct ctx *x, const node *n, const char *what)
{
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        if (n->kids[i]->type != N_SCALAR)
            return fail_at(x, n->kids[i], what, "a key must be a single value, not %s",
                           type_name(n->kids[i]));
        for (size_t j = 0; j < i; j += 2)
            if (strcmp(n->kids[j]->text, n->kids[i]->text) == 0)
                return fail_at(x, n->kids[i], what, "'%s' is given twice (first at line %d)",
                               n->kids[i]->text, n->kids[j]->line);
    }
    return 0;
}

/* on/off (and auto when allowed) into *out. */
static int read_switch(struct ctx *x, const node *n, const char *what, bool allow_auto,
                       gn_switch *out)
{
    if (want(x, n, N_SCALAR, what) != 0)
        return -1;
    static const char *const on[] = {"on", "true", "yes"}, *const off[] = {"off", "false", "no"};
    for (size_t i = 0; i < 3; i++) {
        if (strcasecmp(n->text, on[i]) == 0)
            return *out = GN_ON, 0;
        if (strcasecmp(n->text, off[i]) == 0)
            return *out = GN_OFF, 0;
    }
    if (allow_auto && strcasecmp(n->text, "auto") == 0)
        return *out = GN_AUTO, 0;
    return fail_at(x, n, what, "%s, not '%s'", allow_auto ? "on, off or auto" : "on or off",
                   n->text);
}

/* A locale tag into *out (NULL for an empty value or ~ when allow_none). */
static int read_locale(struct ctx *x, const node *n, const char *what, bool allow_none,
                       char **out)
{
    if (want(x, n, N_SCALAR, what) != 0)
        return -1;
    bool none = !n->text[0] || (n->plain && (strcmp(n->text, "~") == 0 ||
                                             strcmp(n->text, "null") == 0));
    if (none && allow_none) {
        free(*out);
        *out = NULL;
        return 0;
    }
    if (!gn_locale_is_tag(n->text, strlen(n->text)))
        return fail_at(x, n, what, "not a locale tag: '%s'", n->text);
    free(*out);
    *out = gn_xstrdup(n->text);
    return 0;
}

/* A colour: a name, bright-NAME, default, or 0-255; -2 when word is
 * none of these. */
static int color_of(const char *word)
{
    if (strcmp(word, "default") == 0)
        return -1;
    bool bright = strncmp(word, "bright-", 7) == 0;
    for (int i = 0; i < 8; i++)
        if (strcmp(word + (bright ? 7 : 0), color_names[i]) == 0)
            return i + (bright ? 8 : 0);
    char *end;
    long v = strtol(word, &end, 10);
    if (word[0] >= '0' && word[0] <= '9' && !*end && v >= 0 && v <= 255)
        return (int)v;
    return -2;
}

static const char *const attr_names[] = {"bold", "underline", "reverse", "dim"};

/* A style's value, "[FG] [on BG] [ATTR...]", into *out. */
static int read_color(struct ctx *x, const node *n, const char *what, gn_color_spec *out)
{
    if (want(x, n, N_SCALAR, what) != 0)
        return -1;
    gn_color_spec c = {-1, -1, 0};
    bool have_fg = false, have_bg = false, on = false;
    char *copy = gn_xstrdup(n->text), *save = NULL;
    int rc = 0;
    for (char *w = strtok_r(copy, " \t,", &save); w && rc == 0; w = strtok_r(NULL, " \t,", &save)) {
        if (strcmp(w, "on") == 0 && !on && !have_bg) {
            on = true;
            continue;
        }
        int col = color_of(w);
        if (col >= -1 && on && !have_bg) {
            c.bg = (short)col;
            have_bg = true;
            continue;
        }
        if (col >= -1 && !on && !have_fg) {
            c.fg = (short)col;
            have_fg = true;
            continue;
        }
        size_t a = 0;
        while (a < 4 && strcmp(w, attr_names[a]) != 0)
            a++;
        if (a < 4 && !(on && !have_bg)) {
            c.attrs |= 1u << a;
            continue;
        }
        rc = fail_at(x, n, what,
                     col >= -1 ? "'%s': one foreground colour, then 'on' and one background"
                               : "'%s' is neither a colour (black, red, green, yellow, blue, "
                                 "magenta, cyan, white, bright-NAME, default, 0-255) nor an "
                                 "attribute (bold, underline, reverse, dim)",
                     w);
    }
    if (rc == 0 && on && !have_bg)
        rc = fail_at(x, n, what, "'on' without a background colour");
    free(copy);
    if (rc == 0)
        *out = c;
    return rc;
}

static int read_colors(struct ctx *x, const node *n)
{
    if (want(x, n, N_MAP, "colors") != 0 || check_keys(x, n, "colors") != 0)
        return -1;
    gn_color_spec given[GN_CSTYLE_COUNT];
    bool has[GN_CSTYLE_COUNT] = {false};
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const node *k = n->kids[i], *v = n->kids[i + 1];
        if (strcmp(k->text, "theme") == 0) {
            if (want(x, v, N_SCALAR, "colors.theme") != 0)
                return -1;
            static const char *const themes[] = {"dark", "light", "none"};
            size_t t = 0;
            while (t < 3 && strcmp(v->text, themes[t]) != 0)
                t++;
            if (t == 3)
                return fail_at(x, v, "colors.theme", "dark, light or none, not '%s'", v->text);
            x->c->theme = (gn_theme)t;
            continue;
        }
        size_t s = 0;
        while (s < GN_CSTYLE_COUNT && strcmp(k->text, style_names[s]) != 0)
            s++;
        if (s == GN_CSTYLE_COUNT) {
            gn_buf all = GN_BUF_INIT;
            for (size_t j = 0; j < GN_CSTYLE_COUNT; j++)
                gn_buf_addf(&all, ", %s", style_names[j]);
            fail_at(x, k, "colors", "unknown style '%s' (theme%s)", k->text, all.data);
            gn_buf_free(&all);
            return -1;
        }
        char what[64];
        snprintf(what, sizeof what, "colors.%s", style_names[s]);
        if (read_color(x, v, what, &given[s]) != 0)
            return -1;
        has[s] = true;
    }
    for (size_t s = 0; s < GN_CSTYLE_COUNT; s++)
        x->c->colors[s] = has[s] ? given[s] : gn_theme_color(x->c->theme, (gn_cstyle)s);
    return 0;
}

/* The index of the action named name, or -1. */
static long action_index(const gn_config_vocab *v, const char *name)
{
    for (size_t a = 0; v && a < v->nactions; a++)
        if (strcmp(v->actions[a], name) == 0)
            return (long)a;
    return -1;
}

static void free_list(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* The file's keys of one action (a key name or a list of them). */
static int read_action_keys(struct ctx *x, const node *v, size_t act, const char *what)
{
    const node *one[1] = {v};
    const node *const *items = one;
    size_t n = 1;
    if (v->type == N_SEQ) {
        items = (const node *const *)v->kids;
        n = v->n;
    } else if (want(x, v, N_SCALAR, what) != 0) {
        return -1;
    }
    char **keys = gn_xcalloc(n + 1, sizeof *keys);
    x->keys[act] = keys;
    x->key_at[act] = v;
    for (size_t i = 0; i < n; i++) {
        const node *k = items[i];
        if (want(x, k, N_SCALAR, what) != 0)
            return -1;
        if (!x->vocab->key_known(k->text))
            return fail_at(x, k, what,
                           "unknown key name '%s' (name keys as H shows them)", k->text);
        for (size_t a = 0; a < x->vocab->nactions; a++)
            for (size_t j = 0; x->keys[a] && x->keys[a][j]; j++)
                if (strcmp(x->keys[a][j], k->text) == 0)
                    return a == act ? fail_at(x, k, what, "%s is listed twice", k->text)
                                    : fail_at(x, k, what, "%s is bound to %s too (line %d)",
                                              k->text, x->vocab->actions[a], x->key_at[a]->line);
        keys[i] = gn_xstrdup(k->text);
    }
    return 0;
}

static int read_keys(struct ctx *x, const node *n)
{
    if (want(x, n, N_MAP, "keys") != 0 || check_keys(x, n, "keys") != 0)
        return -1;
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const node *view = n->kids[i], *table = n->kids[i + 1];
        if (strcmp(view->text, "global") != 0)
            return fail_at(x, view, "keys",
                           "unknown view '%s' (the navigator has one key table, for every "
                           "view: global)", view->text);
        if (want(x, table, N_MAP, "keys.global") != 0 ||
            check_keys(x, table, "keys.global") != 0)
            return -1;
        for (size_t j = 0; j + 1 < table->n; j += 2) {
            const node *name = table->kids[j];
            long act = action_index(x->vocab, name->text);
            if (act < 0)
                return fail_at(x, name, "keys.global",
                               "unknown action '%s' (H shows the actions' names)", name->text);
            char what[96];
            snprintf(what, sizeof what, "keys.global.%s", name->text);
            if (read_action_keys(x, table->kids[j + 1], (size_t)act, what) != 0)
                return -1;
        }
    }
    /* A key the file gives to another action leaves the defaults; then the
     * file's keys replace an action's defaults. Two passes: every action's
     * defaults are weighed against all the file's keys before any move. */
    for (size_t a = 0; a < x->c->nactions; a++) {
        if (x->keys[a])
            continue;
        char **d = x->c->keys[a];
        size_t out = 0;
        for (size_t i = 0; d[i]; i++) {
            bool taken = false;
            for (size_t b = 0; b < x->c->nactions && !taken; b++)
                for (size_t j = 0; x->keys[b] && x->keys[b][j] && !taken; j++)
                    taken = strcmp(x->keys[b][j], d[i]) == 0;
            if (taken)
                free(d[i]);
            else
                d[out++] = d[i];
        }
        d[out] = NULL;
    }
    for (size_t a = 0; a < x->c->nactions; a++)
        if (x->keys[a]) {
            free_list(x->c->keys[a]);
            x->c->keys[a] = x->keys[a];
            x->keys[a] = NULL;
        }
    return 0;
}

/* path with a leading ~ (alone or before '/') made $HOME's. */
static char *expand_home(const char *path)
{
    const char *home = getenv("HOME");
    if (path[0] != '~' || (path[1] && path[1] != '/') || !home || !home[0])
        return gn_xstrdup(path);
    return gn_xasprintf("%s%s", home, path + 1);
}

/* A set's argument: PATH or LOCALE=PATH, the path's ~ expanded. */
static char *expand_arg(const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (eq && gn_locale_is_tag(arg, (size_t)(eq - arg))) {
        char *path = expand_home(eq + 1);
        char *out = gn_xasprintf("%.*s=%s", (int)(eq - arg), arg, path);
        free(path);
        return out;
    }
    return expand_home(arg);
}

static int read_sets(struct ctx *x, const node *n)
{
    if (want(x, n, N_MAP, "sets") != 0 || check_keys(x, n, "sets") != 0)
        return -1;
    gn_config *c = x->c;
    for (size_t i = 0; i + 1 < n->n; i += 2) {
        const node *name = n->kids[i], *v = n->kids[i + 1];
        if (!name->text[0] || strpbrk(name->text, " \t/@"))
            return fail_at(x, name, "sets", "'%s' cannot name a set (no space, '/' or '@')",
                           name->text);
        char what[96];
        snprintf(what, sizeof what, "sets.%s", name->text);
        const node *one[1] = {v};
        const node *const *items = one;
        size_t m = 1;
        if (v->type == N_SEQ) {
            items = (const node *const *)v->kids;
            m = v->n;
        }
        if (m == 0)
            return fail_at(x, v, what, "a set needs at least one PATH or LOCALE=PATH");
        for (size_t j = 0; j < m; j++)
            if (want(x, items[j], N_SCALAR, what) != 0)
                return -1;
            else if (!items[j]->text[0])
                return fail_at(x, items[j], what, "an empty path");
        c->sets = gn_xreallocarray(c->sets, c->nsets + 1, sizeof *c->sets);
        gn_config_set *s = &c->sets[c->nsets++];
        s->name = gn_xstrdup(name->text);
        s->n = m;
        s->args = gn_xcalloc(m, sizeof *s->args);
        for (size_t j = 0; j < m; j++)
            s->args[j] = expand_arg(items[j]->text);
    }
    return 0;
}

static int read_top(struct ctx *x, const node *root)
{
    if (!root)
        return 0; /* an empty file */
    if (root->type != N_MAP)
        return fail_at(x, root, "", "the configuration is not a mapping (key: value)");
    if (check_keys(x, root, "") != 0)
        return -1;
    gn_config *c = x->c;
    for (size_t i = 0; i + 1 < root->n; i += 2) {
        const node *k = root->kids[i], *v = root->kids[i + 1];
        const char *key = k->text;
        int rc;
        if (strcmp(key, "reference") == 0)
            rc = read_locale(x, v, key, false, &c->reference);
        else if (strcmp(key, "compare") == 0)
            rc = read_locale(x, v, key, true, &c->compare);
        else if (strcmp(key, "keys") == 0)
            rc = read_keys(x, v);
        else if (strcmp(key, "colors") == 0)
            rc = read_colors(x, v);
        else if (strcmp(key, "sets") == 0)
            rc = read_sets(x, v);
        else if (strcmp(key, "mouse") == 0)
            rc = read_switch(x, v, key, false, &c->mouse);
        else if (strcmp(key, "osc52") == 0)
            rc = read_switch(x, v, key, true, &c->osc52);
        else if (strcmp(key, "hyperlinks") == 0)
            rc = read_switch(x, v, key, true, &c->hyperlinks);
        else
            rc = fail_at(x, k, "", "unknown key '%s' (the keys are reference, compare, keys, "
                         "colors, sets, mouse, osc52, hyperlinks)", key);
        if (rc != 0)
            return -1;
    }
    return 0;
}

void gn_config_defaults(gn_config *c, const gn_config_vocab *vocab)
{
    memset(c, 0, sizeof *c);
    c->reference = gn_xstrdup("en");
    c->vocab = vocab;
    c->nactions = vocab ? vocab->nactions : 0;
    c->keys = gn_xcalloc(c->nactions ? c->nactions : 1, sizeof *c->keys);
    for (size_t a = 0; a < c->nactions; a++) {
        const char *const *d = vocab->defaults[a];
        size_t n = 0;
        while (d && d[n])
            n++;
        c->keys[a] = gn_xcalloc(n + 1, sizeof **c->keys);
        for (size_t i = 0; i < n; i++)
            c->keys[a][i] = gn_xstrdup(d[i]);
    }
    c->theme = GN_THEME_DARK;
    for (size_t s = 0; s < GN_CSTYLE_COUNT; s++)
        c->colors[s] = gn_theme_color(GN_THEME_DARK, (gn_cstyle)s);
    c->mouse = GN_OFF;
    c->osc52 = GN_AUTO;
    c->hyperlinks = GN_AUTO;
}

/* A theme given with no style sets every style's colours: read_colors
 * does it after the loop, so the theme may come after styles too. */
int gn_config_parse(gn_config *c, const char *path, const char *text, size_t len,
                    const gn_config_vocab *vocab, gn_error *err)
{
    gn_config_defaults(c, vocab);
    char *shown = gn_text_sanitized(path);
    node *root;
    int rc = build_tree(shown, text, len, &root, err);
    if (rc == 0) {
        struct ctx x = {shown, vocab, c, err, NULL, NULL};
        x.keys = gn_xcalloc(c->nactions ? c->nactions : 1, sizeof *x.keys);
        x.key_at = gn_xcalloc(c->nactions ? c->nactions : 1, sizeof *x.key_at);
        rc = read_top(&x, root);
        for (size_t a = 0; a < c->nactions; a++)
            free_list(x.keys[a]);
        free(x.keys);
        free(x.key_at);
    }
    node_free(root);
    free(shown);
    if (rc != 0) {
        gn_config_free(c);
        gn_config_defaults(c, vocab);
    }
    c->path = gn_xstrdup(path);
    return rc;
}

int gn_config_load(gn_config *c, const char *path, bool may_be_missing,
                   const gn_config_vocab *(*vocab_of)(void), bool keys, gn_error *err)
{
    char *text;
    size_t len;
    if (gn_read_file(path, &text, &len, err) != 0) {
        bool missing = errno == ENOENT;
        gn_config_defaults(c, keys ? vocab_of() : NULL);
        if (may_be_missing && missing)
            return 0;
        c->path = gn_xstrdup(path);
        return -1;
    }
    int rc = gn_config_parse(c, path, text, len, vocab_of(), err);
    free(text);
    return rc;
}

char *gn_config_default_path(void)
{
    char *dir = gn_user_dir("XDG_CONFIG_HOME", ".config");
    if (!dir)
        return NULL;
    char *path = gn_path_join(dir, "config.yaml");
    free(dir);
    return path;
}

/* s as a YAML double-quoted scalar. */
static void add_quoted(gn_buf *out, const char *s)
{
    gn_buf_addc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            gn_buf_addf(out, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            gn_buf_addf(out, "\\x%02x", *p);
        else
            gn_buf_addc(out, (char)*p);
    }
    gn_buf_addc(out, '"');
}

static void add_color(gn_buf *out, short col)
{
    if (col < 0)
        gn_buf_adds(out, "default");
    else if (col < 16)
        gn_buf_addf(out, "%s%s", col >= 8 ? "bright-" : "", color_names[col % 8]);
    else
        gn_buf_addf(out, "%d", col);
}

static const char *switch_name(gn_switch s)
{
    return s == GN_ON ? "on" : s == GN_AUTO ? "auto" : "off";
}

void gn_config_print(const gn_config *c, gn_buf *out)
{
    static const char *const themes[] = {"dark", "light", "none"};
    gn_buf_adds(out, "# guidenav configuration: ~/.config/guidenav/config.yaml\n"
                     "# (or $XDG_CONFIG_HOME/guidenav/config.yaml); see guidenav(1).\n");
    gn_buf_adds(out, "reference: ");
    add_quoted(out, c->reference ? c->reference : "en");
    gn_buf_adds(out, "\n");
    if (c->compare) {
        gn_buf_adds(out, "compare: ");
        add_quoted(out, c->compare);
        gn_buf_adds(out, "\n");
    } else {
        gn_buf_adds(out, "compare: ~   # none: the reference locale, else the next\n");
    }
    gn_buf_addf(out, "mouse: %s\nosc52: %s\nhyperlinks: %s\n", switch_name(c->mouse),
                switch_name(c->osc52), switch_name(c->hyperlinks));
    gn_buf_addf(out, "colors:\n  theme: %s\n", themes[c->theme]);
    for (size_t s = 0; s < GN_CSTYLE_COUNT; s++) {
        const gn_color_spec *k = &c->colors[s];
        gn_buf_addf(out, "  %s: \"", style_names[s]);
        add_color(out, k->fg);
        if (k->bg >= 0) {
            gn_buf_adds(out, " on ");
            add_color(out, k->bg);
        }
        for (size_t a = 0; a < 4; a++)
            if (k->attrs & (1u << a))
                gn_buf_addf(out, " %s", attr_names[a]);
        gn_buf_adds(out, "\"\n");
    }
    gn_buf_adds(out, "keys:\n  global:\n");
    for (size_t a = 0; a < c->nactions; a++) {
        gn_buf_addf(out, "    %s: [", c->vocab->actions[a]);
        for (size_t i = 0; c->keys[a][i]; i++) {
            if (i)
                gn_buf_adds(out, ", ");
            add_quoted(out, c->keys[a][i]);
        }
        gn_buf_adds(out, "]\n");
    }
    gn_buf_adds(out, c->nsets ? "sets:\n" : "sets: {}\n");
    for (size_t i = 0; i < c->nsets; i++) {
        gn_buf_adds(out, "  ");
        add_quoted(out, c->sets[i].name);
        gn_buf_adds(out, ": [");
        for (size_t j = 0; j < c->sets[i].n; j++) {
            if (j)
                gn_buf_adds(out, ", ");
            add_quoted(out, c->sets[i].args[j]);
        }
        gn_buf_adds(out, "]\n");
    }
}

const gn_config_set *gn_config_find_set(const gn_config *c, const char *name)
{
    for (size_t i = 0; i < c->nsets; i++)
        if (strcmp(c->sets[i].name, name) == 0)
            return &c->sets[i];
    return NULL;
}

void gn_config_free(gn_config *c)
{
    free(c->path);
    free(c->reference);
    free(c->compare);
    for (size_t a = 0; a < c->nactions; a++)
        free_list(c->keys[a]);
    free(c->keys);
    for (size_t i = 0; i < c->nsets; i++) {
        for (size_t j = 0; j < c->sets[i].n; j++)
            free(c->sets[i].args[j]);
        free(c->sets[i].args);
        free(c->sets[i].name);
    }
    free(c->sets);
    memset(c, 0, sizeof *c);
}
