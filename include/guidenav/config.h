/* config.h: the configuration file, read through libyaml.
 *
 * $XDG_CONFIG_HOME/guidenav/config.yaml (else ~/.config/guidenav/
 * config.yaml), or the file of --config, is one YAML mapping:
 *
 *     reference: en              the reference locale
 *     compare: ja-JP             the default second locale of the comparison
 *     keys:                      the key table, by view; the navigator has
 *       global:                  one table, `global`, read by every view
 *         page-down: [Space, f, Ctrl-F]    an action's keys (one or a list)
 *     colors:
 *       theme: dark              dark, light or none
 *       heading: blue bold       a style: [FG] [on BG] [bold underline
 *                                reverse dim], colours by name or 0-255
 *     sets:                      named locale sets: guidenav @admin
 *       admin: [~/docs/admin.en, ja-JP=~/docs/admin.ja-JP]
 *     mouse: off                 on or off
 *     osc52: auto                on, off or auto
 *     hyperlinks: auto           on, off, or auto: on in terminals known for it
 *
 * The core knows no key and no action: the UI gives their names in a
 * gn_config_vocab, so the core checks them without curses. An action's
 * keys in the file replace its default keys, and a key taken from another
 * action's defaults leaves that action (a key does one thing).
 *
 * A file is read whole or not at all: the first problem fails the read
 * with one message "FILE:LINE: problem", and the configuration stays the
 * defaults. */
#ifndef GUIDENAV_CONFIG_H
#define GUIDENAV_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include "guidenav/error.h"
#include "guidenav/util.h"

/* X(NAME, "name in the file"): the styles a colour can be set for; the
 * alert kinds follow the order of gn_kind (alert.h), from NOTE. */
#define GN_CONFIG_STYLES(X) \
    X(HEADING, "heading") \
    X(LINK, "link") \
    X(CODE, "code") \
    X(UICONTROL, "ui-control") \
    X(MARKER, "marker") \
    X(NOTE, "note") \
    X(TIP, "tip") \
    X(IMPORTANT, "important") \
    X(CAUTION, "caution") \
    X(WARNING, "warning") \
    X(INFO, "info") \
    X(ADMIN, "admin") \
    X(AVAILABILITY, "availability") \
    X(PREREQUISITES, "prerequisites") \
    X(ERROR, "error") \
    X(SUCCESS, "success") \
    X(VIDEO, "video") \
    X(SEEALSO, "seealso") \
    X(SHADE, "shade")

typedef enum gn_cstyle {
#define X(name, text) GN_CSTYLE_##name,
    GN_CONFIG_STYLES(X)
#undef X
    GN_CSTYLE_COUNT
} gn_cstyle;

/* The name of style s in the file ("ui-control"). */
const char *gn_cstyle_name(gn_cstyle s);

/* Text attributes: the four a configuration can add to a style, then two
 * only the layout gives (gn_style_look). */
enum { GN_ATTR_BOLD = 1, GN_ATTR_UNDERLINE = 2, GN_ATTR_REVERSE = 4, GN_ATTR_DIM = 8,
       GN_ATTR_ITALIC = 16, GN_ATTR_STRIKE = 32 };

/* A style's colours (-1: the terminal's default; 0-255: a colour of the
 * 256, the first 16 being black red green yellow blue magenta cyan white
 * and their bright-* forms) and attributes (GN_ATTR_*), added to those the
 * layout gives (headings bold, links underlined...). */
typedef struct gn_color_spec {
    short fg, bg;
    unsigned attrs;
} gn_color_spec;

typedef enum gn_theme { GN_THEME_DARK, GN_THEME_LIGHT, GN_THEME_NONE } gn_theme;

/* The colour of style s in theme t. */
gn_color_spec gn_theme_color(gn_theme t, gn_cstyle s);

/* on, off, or (osc52 only) auto: on in terminals known to accept it. */
typedef enum gn_switch { GN_OFF = 0, GN_ON = 1, GN_AUTO = 2 } gn_switch;

/* A named locale set: its arguments, PATH or LOCALE=PATH, ~ expanded. */
typedef struct gn_config_set {
    char *name;
    char **args;
    size_t n;
} gn_config_set;

/* What the UI knows of keys, for the core to check a file against:
 * nactions actions, each with its name in the file ("page-down") and
 * its default keys (a NULL-terminated list of key names as gn_key_name
 * writes them); key_known says whether a name is a key's. */
typedef struct gn_config_vocab {
    size_t nactions;
    const char *const *actions;
    const char *const *const *defaults;
    bool (*key_known)(const char *name);
} gn_config_vocab;

typedef struct gn_config {
    char *path;          /* the file read, or NULL: defaults only */
    char *reference;     /* the reference locale ("en") */
    char *compare;       /* the default second locale, or NULL: none */
    const gn_config_vocab *vocab; /* the action names (NULL: none) */
    size_t nactions;     /* each action's keys in force, by action */
    char ***keys;        /* keys[a]: NULL-terminated key names */
    gn_theme theme;
    gn_color_spec colors[GN_CSTYLE_COUNT]; /* the theme's, then the file's */
    gn_config_set *sets;
    size_t nsets;
    gn_switch mouse, osc52, hyperlinks;
} gn_config;

/* Fill c with the defaults: reference en, no compare, the vocabulary's
 * default keys, the dark theme, no set, mouse off, hyperlinks and osc52
 * auto. vocab may be NULL (no keys at all). Free with gn_config_free. */
void gn_config_defaults(gn_config *c, const gn_config_vocab *vocab);

/* Parse text[0..len) (the file path, named in messages) over the defaults
 * into c. On success c is the defaults changed by the file. On failure
 * (more than 64 KiB, YAML nested deeper than 64 levels, malformed YAML,
 * an alias, more than one document, an unknown key, a value of the wrong
 * type, an unknown view, action, key name, style, colour or attribute, a
 * key bound twice) err says "PATH:LINE: problem" and c holds the
 * defaults. c is always filled; the caller frees it. */
int gn_config_parse(gn_config *c, const char *path, const char *text, size_t len,
                    const gn_config_vocab *vocab, gn_error *err);

/* Read the file at path into c as gn_config_parse does, the file opened
 * once. A missing file is no error when it may be missing (the default
 * path): c holds the defaults and c->path stays NULL. vocab_of gives the
 * action names; it is called only when they are needed: to check a file
 * read, or when keys is true (the defaults' keys are wanted). Without a
 * call c has no keys, so a mode that binds none does not build them. */
int gn_config_load(gn_config *c, const char *path, bool may_be_missing,
                   const gn_config_vocab *(*vocab_of)(void), bool keys, gn_error *err);

/* The default file: $XDG_CONFIG_HOME/guidenav/config.yaml when that
 * variable is an absolute path, else ~/.config/guidenav/config.yaml; NULL
 * when neither can be named. Newly allocated. */
char *gn_config_default_path(void);

/* Append c as a YAML file that gn_config_parse reads back to the same
 * configuration: every key, each action's keys, each style's colours. */
void gn_config_print(const gn_config *c, gn_buf *out);

/* The set named name (without its '@'), or NULL. */
const gn_config_set *gn_config_find_set(const gn_config *c, const char *name);

/* Free what c holds; c is left as zeroes. */
void gn_config_free(gn_config *c);

#endif
