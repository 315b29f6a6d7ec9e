/* main.c: the command line (options, configuration, sets), the choice of
 * mode, and the only place that decides to exit. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guidenav/check.h"
#include "guidenav/config.h"
#include "guidenav/textcache.h"
#include "guidenav/state.h"
#include "guidenav/locale.h"
#include "guidenav/util.h"
#include "modes.h"
#include "ui/actions.h"
#include "ui/ui.h"

enum { EXIT_ERROR = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: guidenav [OPTION]... [PATH | LOCALE=PATH | @SET]...\n"
    "       guidenav [OPTION]... FILE | -\n"
    "Browse documentation guides kept in several locales.\n"
    "\n"
    "  PATH            a guide folder (holding TOC.md) or a folder holding guides\n"
    "                  (help/*/TOC.md); sibling folders of other locales join\n"
    "  LOCALE=PATH     the same, with its locale tag given\n"
    "  FILE            a page: opened in its guide (found as --dump finds it) with\n"
    "                  its sibling locales, or alone when no guide holds it\n"
    "  -               the page read from standard input (so is a pipe given no\n"
    "                  PATH); keys then come from the terminal\n"
    "  @SET            the paths of the set SET of the configuration file\n"
    "  --toc           print the table of contents of each guide of the first locale\n"
    "  --dump PAGE     print a page laid out for the terminal\n"
    "  --compare A,B PAGE  print PAGE in locales A and B side by side, aligned\n"
    "                  section by section (PAGE: its path in any locale)\n"
    "  --interleave    with --compare: each block of A followed by B's, for narrow\n"
    "                  screens\n"
    "  --toc-matrix    print each guide's TOC across the locales, tab-separated\n"
    "  --check         list missing files, orphan pages, broken links and anchors,\n"
    "                  anchors lost in translation, differing heading structures,\n"
    "                  stale translations, and what each translated block lost\n"
    "                  against the reference's (labels, links, code, numbers,\n"
    "                  broken markup); exit status 1 when there are any\n"
    "                  (untranslated blocks do not count)\n"
    "  --only KINDS    with --check: only these kinds (comma-separated)\n"
    "  --skip KINDS    with --check: not these kinds\n"
    "  --format F      with --check: tsv (default) or sarif (SARIF 2.1.0)\n"
    "  --reference L   the locale translations are checked against (default: en)\n"
    "  --search QUERY  print each match: locale, page, line, excerpt (tab-separated);\n"
    "                  exit status 1 when there is none. Searches the first guide\n"
    "                  of the first locale, or more with:\n"
    "  --all-guides    every guide of the locale's repository\n"
    "  --all-locales   every locale\n"
    "  --no-state      neither read nor write the saved place and bookmarks\n"
    "  --no-cache      neither read nor write the search cache (pages' text)\n"
    "  --max-file-size BYTES  refuse files larger than this (default: 16 MiB)\n"
    "  --width N       the width for --dump and --compare (default: the terminal's,\n"
    "                  or 80)\n"
    "  --plain         no colours in --dump and --compare\n"
    "  --ascii         ASCII borders and marks in --dump (the default when the\n"
    "                  locale's character set is not UTF-8)\n"
    "  --locales       print the locale set: tag, path, guide title\n"
    "  --osc52         let y copy links to the terminal's clipboard (OSC 52); on by\n"
    "                  default in terminals known to accept it\n"
    "  --config FILE   read this configuration file (default:\n"
    "                  $XDG_CONFIG_HOME/guidenav/config.yaml, else\n"
    "                  ~/.config/guidenav/config.yaml)\n"
    "  --no-config     read no configuration file: the defaults\n"
    "  --print-config  print the configuration in force as YAML, to start one from\n"
    "  --hyperlinks    make the pager's web and mail links hyperlinks the terminal\n"
    "                  opens (OSC 8); on by default in the same terminals\n"
    "  --no-hyperlinks never write hyperlinks\n"
    "  --mouse         the wheel scrolls the pane under the pointer, a click selects\n"
    "                  a tree entry (on the selected one, opens it) or follows a\n"
    "                  link; off by default, so the terminal selects text\n"
    "  --help          show this help\n"
    "  --version       show the version\n"
    "\n"
    "With no PATH, the guide in the current folder, else the bundled guide.\n"
    "In the navigator, press H or F1 for the keys; e edits the page in $VISUAL\n"
    "or $EDITOR (not under GUIDENAV_SECURE=1).\n";


/* The folder of the bundled guide: beside the program in the source tree
 * (build/../guide), installed (bin/../share/guidenav/guide), or at the
 * compiled-in data folder. NULL when none exists. Newly allocated. */
static char *bundled_guide(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *dir = NULL;
    if (n > 0) {
        exe[n] = '\0';
        dir = gn_path_dirname(exe);
    }
    const char *rel[] = {"../guide", "../share/guidenav/guide"};
    for (size_t i = 0; dir && i < 2; i++) {
        char *p = gn_path_join(dir, rel[i]);
        if (gn_is_dir(p)) {
            free(dir);
            return p;
        }
        free(p);
    }
    free(dir);
    return gn_is_dir(GN_DATADIR "/guide") ? gn_xstrdup(GN_DATADIR "/guide") : NULL;
}

/* The bundled guide's folder for the user's language (LC_ALL, LC_MESSAGES,
 * LANG: "ja_JP.UTF-8" gives ja-JP, "fr_CA" gives fr-FR), else English. */
static char *bundled_locale(const char *guide)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    char tag[32] = "";
    for (size_t i = 0; i < 3 && !tag[0]; i++)
        gn_locale_from_posix(getenv(vars[i]), tag, sizeof tag);
    if (tag[0]) {
        char *p = gn_path_join(guide, tag);
        if (gn_is_dir(p))
            return p;
        free(p);
        /* Another region of the same language. */
        DIR *d = opendir(guide);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL)
            if (strncmp(e->d_name, tag, 2) == 0 && e->d_name[2] == '-' &&
                gn_locale_is_tag(e->d_name, strlen(e->d_name))) {
                p = gn_path_join(guide, e->d_name);
                closedir(d);
                return p;
            }
        if (d)
            closedir(d);
    }
    return gn_path_join(guide, "en");
}

/* The name of the option argv[optind - 1] is, as typed: "--dump" of
 * "--dump" or "--dump=x" (newly allocated). */
static char *option_typed(char **argv)
{
    const char *a = argv[optind - 1];
    return gn_xstrndup(a, strcspn(a, "="));
}

/* What the option with this getopt value takes, for "--dump needs a
 * PAGE". */
static const char *option_arg_name(int val)
{
    switch (val) {
    case 'd': return "PAGE";
    case 'w': return "N";
    case 'c': return "A,B";
    case 'r': return "LOCALE";
    case 'O': case 'S': return "KINDS";
    case 'F': return "FORMAT (tsv or sarif)";
    case 's': return "QUERY";
    case 'M': return "BYTES";
    default: return "value";
    }
}

/* Parse the options into *o; -1 after a one-line usage error on stderr
 * (the option named, "see guidenav --help"): an unknown option, a missing
 * or bad argument, an empty --search QUERY. --help and --version exit. */
static int parse_options(int argc, char **argv, gn_options *o)
{
    static const struct option longopts[] = {
        {"toc", no_argument, NULL, 't'},
        {"dump", required_argument, NULL, 'd'},
        {"width", required_argument, NULL, 'w'},
        {"plain", no_argument, NULL, 'p'},
        {"ascii", no_argument, NULL, 'a'},
        {"osc52", no_argument, NULL, 'o'},
        {"hyperlinks", no_argument, NULL, 'Y'},
        {"no-hyperlinks", no_argument, NULL, 'y'},
        {"mouse", no_argument, NULL, 'u'},
        {"compare", required_argument, NULL, 'c'},
        {"interleave", no_argument, NULL, 'i'},
        {"toc-matrix", no_argument, NULL, 'm'},
        {"check", no_argument, NULL, 'k'},
        {"reference", required_argument, NULL, 'r'},
        {"only", required_argument, NULL, 'O'},
        {"skip", required_argument, NULL, 'S'},
        {"format", required_argument, NULL, 'F'},
        {"search", required_argument, NULL, 's'},
        {"all-locales", no_argument, NULL, 'A'},
        {"all-guides", no_argument, NULL, 'G'},
        {"no-state", no_argument, NULL, 'n'},
        {"no-cache", no_argument, NULL, 'N'},
        {"max-file-size", required_argument, NULL, 'M'},
        {"locales", no_argument, NULL, 'l'},
        {"config", required_argument, NULL, 'C'},
        {"no-config", no_argument, NULL, 'X'},
        {"print-config", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->hyperlinks = -1;
    for (size_t k = 0; k < gn_check_nkinds; k++)
        o->kinds[k] = true;
    bool only = false;
    gn_error kerr;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            o->mode = MODE_TOC;
            break;
        case 'd':
            o->mode = MODE_DUMP;
            o->page = optarg;
            break;
        case 'w': {
            char *end;
            long w = strtol(optarg, &end, 10);
            if (*end || w < 1 || w > 10000) {
                gn_report("--width: not a width from 1 to 10000: %s", optarg);
                return -1;
            }
            o->width = (int)w;
            break;
        }
        case 'M': {
            char *end;
            errno = 0;
            unsigned long long bytes = strtoull(optarg, &end, 10);
            if (*end || end == optarg || optarg[0] == '-' || errno || bytes == 0 ||
                bytes > SIZE_MAX / 2) {
                gn_report("--max-file-size: not a size in bytes: %s", optarg);
                return -1;
            }
            gn_set_max_file_size((size_t)bytes);
            break;
        }
        case 'p':
            o->plain = true;
            break;
        case 'a':
            o->ascii = true;
            break;
        case 'o':
            o->osc52 = true;
            break;
        case 'Y':
        case 'y':
            o->hyperlinks = c == 'Y';
            break;
        case 'u':
            o->mouse = true;
            break;
        case 'c':
            o->mode = MODE_COMPARE;
            o->pair = optarg;
            break;
        case 'i':
            o->interleave = true;
            break;
        case 'm':
            o->mode = MODE_MATRIX;
            break;
        case 'k':
            o->mode = MODE_CHECK;
            break;
        case 'r':
            o->reference = optarg;
            break;
        case 'O': /* --only: the first one starts from none */
            if (!only)
                memset(o->kinds, 0, sizeof o->kinds);
            only = true;
            if (gn_check_kinds_parse(optarg, o->kinds, &kerr) != 0) {
                gn_report("--only: %s", kerr.msg);
                return -1;
            }
            break;
        case 'S': {
            bool skip[GN_CHECK_MAX_KINDS] = {false};
            if (gn_check_kinds_parse(optarg, skip, &kerr) != 0) {
                gn_report("--skip: %s", kerr.msg);
                return -1;
            }
            for (size_t k = 0; k < gn_check_nkinds; k++)
                o->kinds[k] = o->kinds[k] && !skip[k];
            break;
        }
        case 'F':
            if (strcmp(optarg, "sarif") != 0 && strcmp(optarg, "tsv") != 0) {
                gn_report("--format: tsv or sarif, not %s", optarg);
                return -1;
            }
            o->sarif = strcmp(optarg, "sarif") == 0;
            break;
        case 's':
            if (!*optarg) {
                gn_report("--search needs a non-empty QUERY");
                return -1;
            }
            o->mode = MODE_SEARCH;
            o->query = optarg;
            break;
        case 'A':
            o->scope.all_locales = true;
            break;
        case 'G':
            o->scope.all_guides = true;
            break;
        case 'n':
            o->no_state = true;
            break;
        case 'N':
            o->no_cache = true;
            break;
        case 'l':
            o->mode = MODE_LOCALES;
            break;
        case 'C':
            o->config = optarg;
            o->no_config = false;
            break;
        case 'X':
            o->no_config = true;
            o->config = NULL;
            break;
        case 'P':
            o->mode = MODE_PRINT_CONFIG;
            break;
        case 'h':
            fputs(usage_text, stdout);
            exit(0);
        case 'V':
            puts("guidenav " GN_VERSION);
            exit(0);
        case ':': {
            char *name = option_typed(argv);
            gn_report("%s needs a %s (see guidenav --help)", name, option_arg_name(optopt));
            free(name);
            return -1;
        }
        default: {
            char *name = option_typed(argv);
            gn_report("unknown option %s (see guidenav --help)", name);
            free(name);
            return -1;
        }
        }
    }
    return 0;
}

/* The locale set from the remaining arguments, the current folder, or the
 * bundled guide. */
static int discover(char **args, int n, gn_localeset *set, gn_error *err)
{
    if (n > 0)
        return gn_localeset_discover(args, (size_t)n, set, err);
    if (gn_folder_has_guides(".")) {
        char *dot[] = {"."};
        return gn_localeset_discover(dot, 1, set, err);
    }
    char *bundled = bundled_guide();
    if (!bundled)
        return gn_fail(err, "no guide in the current folder and no bundled guide found");
    char *folder = bundled_locale(bundled);
    int rc = gn_localeset_discover(&folder, 1, set, err);
    free(folder);
    free(bundled);
    return rc;
}


/* True when the terminal is known to accept the escapes the navigator
 * writes only where they are understood: OSC 52 clipboard writes (y) and
 * OSC 8 hyperlinks. The one list of such terminals. */
static bool escapes_known(void)
{
    static const char *const terms[] = {"kitty", "alacritty", "foot", "wezterm", "ghostty"};
    const char *term = getenv("TERM"), *program = getenv("TERM_PROGRAM");
    for (size_t i = 0; term && i < sizeof terms / sizeof *terms; i++)
        if (strstr(term, terms[i]))
            return true;
    return program && (strcmp(program, "iTerm.app") == 0 || strcmp(program, "WezTerm") == 0);
}


/* The navigator over set: at file, showing text (len bytes), or at the
 * place saved (state: whether there is one to read and write); with the
 * configuration read (problem: its message for the status line, or
 * NULL). */
static int run_navigator(gn_localeset *set, const gn_options *o, const gn_config *config,
                         const char *problem, const char *file, bool state, const char *text,
                         size_t len, gn_error *err)
{
    char *state_path = o->no_state || !state ? NULL : gn_state_path(set, NULL);
    char *cache = o->no_cache ? NULL : gn_textcache_dir();
    /* The command line first, then the configuration; auto: on in the
     * terminals known to take these escapes. */
    bool osc52 = o->osc52 || config->osc52 == GN_ON || (config->osc52 == GN_AUTO && escapes_known());
    bool links = o->hyperlinks >= 0 ? o->hyperlinks == 1
               : config->hyperlinks == GN_ON || (config->hyperlinks == GN_AUTO && escapes_known());
    gn_ui_opts ui = {
        .osc52 = osc52, .reference = o->reference, .state = state_path, .cache = cache,
        .file = file, .text = text, .text_len = len, .text_name = "standard input",
        .config = config, .compare = config->compare, .mouse = o->mouse || config->mouse == GN_ON,
        .hyperlinks = links, .notice = problem,
    };
    int rc = gn_ui_run(set, &ui, err);
    free(state_path);
    free(cache);
    return rc;
}

/* The navigator on one page: args is one file ("guidenav page.md"), opened
 * in its guide with its locale set, or alone when no guide holds it (its
 * place then not saved); or "-", or nothing while standard input is not a
 * terminal: Markdown read from standard input (its keys then come from
 * the terminal). 1 when args is none of these (guide folders, or nothing
 * with a terminal as standard input); else 0, or -1 with err. */
static int run_page_or_text(const gn_options *o, char **args, int n, const gn_config *config,
                            const char *problem, gn_error *err)
{
    bool piped = n == 0 && !isatty(STDIN_FILENO);
    if (!piped && !(n == 1 && (strcmp(args[0], "-") == 0 || gn_is_file(args[0]))))
        return 1;
    gn_localeset set;
    int rc;
    if (piped || strcmp(args[0], "-") == 0) {
        char *text;
        size_t len;
        if (gn_read_stream(STDIN_FILENO, "standard input", &text, &len, err) != 0)
            return -1;
        gn_localeset_alone(".", &set);
        rc = run_navigator(&set, o, config, problem, NULL, false, text, len, err);
        free(text);
    } else if (gn_localeset_of_page(args[0], &set, err) == 0) {
        rc = run_navigator(&set, o, config, problem, args[0], true, NULL, 0, err);
    } else { /* in no guide: alone, in the folder it really lies in */
        char *real = realpath(args[0], NULL);
        char *folder = real ? gn_path_dirname(real) : gn_xstrdup(".");
        gn_localeset_alone(folder, &set);
        rc = run_navigator(&set, o, config, problem, real ? real : args[0], false, NULL, 0, err);
        free(folder);
        free(real);
    }
    gn_localeset_free(&set);
    return rc;
}

/* Read the configuration into c: --config's file, none with --no-config,
 * else the default file when there is one. A bad file leaves c the
 * defaults; its message goes into *problem (newly allocated, else NULL).
 * The key vocabulary (gn_key_vocab, about 120,000 instructions) is built
 * when the navigator or --print-config shows the keys, or when a file is
 * read (its keys are checked in every mode); the other modes without a
 * file get the defaults without keys. */
static void read_config(const gn_options *o, gn_config *c, char **problem)
{
    *problem = NULL;
    bool keys = o->mode == MODE_TUI || o->mode == MODE_PRINT_CONFIG;
    if (o->no_config) {
        gn_config_defaults(c, keys ? gn_key_vocab() : NULL);
        return;
    }
    char *path = o->config ? gn_xstrdup(o->config) : gn_config_default_path();
    gn_error err;
    if (!path)
        gn_config_defaults(c, keys ? gn_key_vocab() : NULL);
    else if (gn_config_load(c, path, !o->config, gn_key_vocab, keys, &err) != 0)
        *problem = gn_xasprintf("%s (the defaults are used)", err.msg);
    free(path);
}

/* The arguments with each @SET replaced by the set's paths; NULL with
 * err set for a set the configuration does not have. *n is updated; the
 * array (not its strings) is newly allocated. */
static char **expand_sets(char **args, int *n, const gn_config *c, gn_error *err)
{
    size_t cap = (size_t)*n + 1, out = 0;
    char **v = gn_xcalloc(cap, sizeof *v);
    for (int i = 0; i < *n; i++) {
        if (args[i][0] != '@') {
            v[out++] = args[i];
            continue;
        }
        const gn_config_set *set = gn_config_find_set(c, args[i] + 1);
        if (!set) {
            gn_buf names = GN_BUF_INIT;
            for (size_t k = 0; k < c->nsets; k++)
                gn_buf_addf(&names, "%s@%s", k ? ", " : "", c->sets[k].name);
            gn_fail(err, "%s: no such set in %s (%s)", args[i],
                    c->path ? c->path : "the configuration",
                    names.len ? names.data : "it has none: see sets in guidenav(1)");
            gn_buf_free(&names);
            free(v);
            return NULL;
        }
        cap += set->n;
        v = gn_xreallocarray(v, cap, sizeof *v);
        for (size_t k = 0; k < set->n; k++)
            v[out++] = set->args[k];
    }
    *n = (int)out;
    return v;
}

static int guidenav(const gn_options *given, char **args, int nargs, const gn_config *config,
                    const char *problem);

int main(int argc, char **argv)
{
    gn_options o;
    if (parse_options(argc, argv, &o) != 0)
        return EXIT_USAGE;
    gn_config config;
    char *problem;
    read_config(&o, &config, &problem);
    if (o.mode == MODE_PRINT_CONFIG) {
        gn_buf out = GN_BUF_INIT;
        gn_config_print(&config, &out);
        fwrite(out.data, 1, out.len, stdout);
        gn_buf_free(&out);
        if (problem)
            gn_report("%s", problem);
        int rc = problem || fflush(stdout) != 0 ? EXIT_ERROR : 0;
        free(problem);
        gn_config_free(&config);
        return rc;
    }
    if (problem && o.mode != MODE_TUI)
        gn_report("%s", problem);
    if (!o.reference)
        o.reference = config.reference;
    o.colors = config.colors;
    int nargs = argc - optind;
    gn_error serr;
    char **args = expand_sets(argv + optind, &nargs, &config, &serr);
    int rc;
    if (!args) {
        gn_report("%s", serr.msg);
        rc = EXIT_USAGE;
    } else {
        rc = guidenav(&o, args, nargs, &config, problem);
    }
    free(args);
    free(problem);
    gn_config_free(&config);
    return rc;
}

/* Run the mode of the options given over the arguments (PATH or
 * LOCALE=PATH, the sets expanded), with the configuration read (problem:
 * its message, for the navigator's status line, or NULL); the exit
 * status. */
static int guidenav(const gn_options *given, char **args, int nargs, const gn_config *config,
                    const char *problem)
{
    gn_options o = *given;
    gn_error err = {{0}};
    if (o.mode == MODE_DUMP) {
        if (nargs > 0) {
            gn_report("--dump takes one page; unexpected: %s", args[0]);
            return EXIT_USAGE;
        }
        if (gn_mode_dump(&o, &err) != 0) {
            gn_report("%s", err.msg);
            return EXIT_ERROR;
        }
        return 0;
    }
    if (o.mode == MODE_COMPARE) {
        if (gn_mode_compare(&o, args, nargs, &err) != 0) {
            gn_report("%s", err.msg);
            return EXIT_ERROR;
        }
        return 0;
    }
    if (o.mode == MODE_TUI) {
        int rc = run_page_or_text(&o, args, nargs, config, problem, &err);
        if (rc != 1) { /* else a guide's folder, or none given */
            if (rc != 0 && err.msg[0])
                gn_report("%s", err.msg);
            return rc == 0 ? 0 : EXIT_ERROR;
        }
    }
    gn_localeset set;
    if (discover(args, nargs, &set, &err) != 0) {
        gn_report("%s", err.msg);
        /* --search keeps 1 for "no match". */
        return o.mode == MODE_SEARCH ? EXIT_USAGE : EXIT_ERROR;
    }
    int rc;
    switch (o.mode) {
    case MODE_TOC:
        rc = gn_mode_toc(&set, &err);
        break;
    case MODE_SEARCH:
        return gn_mode_search(&set, &o); /* it frees set */
    case MODE_MATRIX:
        rc = gn_mode_matrix(&set, o.reference, &err);
        break;
    case MODE_CHECK:
        rc = gn_mode_check(&set, &o);
        if (rc == 1) {
            gn_localeset_free(&set);
            return EXIT_ERROR;
        }
        break;
    case MODE_LOCALES:
        rc = gn_mode_locales(&set, set.v[0].guides[0].id);
        err.msg[0] = '\0';
        break;
    default:
        rc = run_navigator(&set, &o, config, problem, NULL, true, NULL, 0, &err);
        break;
    }
    gn_localeset_free(&set);
    if (rc != 0) {
        if (err.msg[0])
            gn_report("%s", err.msg);
        return EXIT_ERROR;
    }
    return 0;
}
