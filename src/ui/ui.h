/* ui.h: the interactive navigator (ncursesw). The only part of guidenav
 * that draws on the terminal. */
#ifndef GUIDENAV_UI_H
#define GUIDENAV_UI_H

#include "guidenav/config.h"
#include "guidenav/error.h"
#include "guidenav/source.h"

#include <stdbool.h>

typedef struct gn_ui_opts {
    bool osc52;            /* copy links to the clipboard with OSC 52 */
    bool hyperlinks;       /* web links as OSC 8 hyperlinks in the pager */
    bool mouse;            /* the wheel scrolls, a click selects or follows */
    const char *reference; /* the locale translations are checked against */
    const char *state;     /* the state file (place, bookmarks), or NULL */
    const char *cache;     /* the search text cache's folder, or NULL */
    const char *file;      /* a page file to open first (guidenav FILE), or
                              NULL: the place saved, if any */
    const char *text;      /* else Markdown text with no file to show (read
                              from standard input), or NULL */
    size_t text_len;
    const char *text_name; /* what to call it ("standard input") */
    const gn_config *config; /* keys and colours (read with gn_key_vocab);
                              * NULL: the defaults */
    const char *compare;   /* the default second locale, or NULL */
    const char *notice;    /* said on the status line at start (a bad
                            * configuration file's message), or NULL */
} gn_ui_opts;

/* Run the navigator over set, starting in its first locale (or at
 * opts->file, or showing opts->text), until the user quits. Keys come from
 * standard input, or from the controlling terminal (/dev/tty) when
 * standard input is not one (it held the text). The terminal is restored
 * before returning. Returns 0, or -1 with err set when the terminal could
 * not be used. */
int gn_ui_run(gn_localeset *set, const gn_ui_opts *opts, gn_error *err);

#endif
