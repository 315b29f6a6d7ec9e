/* config_vocab.h: a small action vocabulary of the tests' own, for the
 * configuration's unit tests and its fuzz harness (the navigator's lives
 * in the UI; the core checks names against whatever it is given). Five
 * actions, each with default keys, and a test of key names: printable
 * ASCII characters and a few named keys. */
#ifndef GUIDENAV_TESTS_CONFIG_VOCAB_H
#define GUIDENAV_TESTS_CONFIG_VOCAB_H

#include <stdbool.h>
#include <string.h>
#include "guidenav/config.h"

static const char *const actions[] = {"down", "up", "page-down", "quit", "help"};
static const char *const d_down[] = {"j", "Down", NULL};
static const char *const d_up[] = {"k", "Up", NULL};
static const char *const d_page[] = {"f", "Ctrl-F", "PgDn", "Space", NULL};
static const char *const d_quit[] = {"q", NULL};
static const char *const d_help[] = {"H", "F1", NULL};
static const char *const *const defaults[] = {d_down, d_up, d_page, d_quit, d_help};

static bool key_known(const char *name)
{
    static const char *const named[] = {"Down", "Up", "PgDn", "Space", "Ctrl-E", "Ctrl-F",
                                        "F1", "Enter", "Ctrl-N", "Ctrl-P"};
    if (strlen(name) == 1 && name[0] > ' ' && name[0] < 127)
        return true;
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strcmp(named[i], name) == 0)
            return true;
    return false;
}

static const gn_config_vocab vocab = {5, actions, defaults, key_known};

#endif
