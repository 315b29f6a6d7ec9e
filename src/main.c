/* main.c: command line, non-interactive modes, and the only place that
 * decides to exit. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "guidenav/align.h"
#include "guidenav/check.h"
#include "guidenav/config.h"
#include "guidenav/sarif.h"
#include "guidenav/interrupt.h"
#include "guidenav/finder.h"
#include "guidenav/textcache.h"
#include "guidenav/matrix.h"
#include "guidenav/stale.h"
#include "guidenav/state.h"
#include "guidenav/layout.h"
#include "guidenav/locale.h"
#include "guidenav/page.h"
#include "guidenav/paint.h"
#include "guidenav/resolve.h"
#include "guidenav/session.h"
#include "guidenav/source.h"
#include "guidenav/text.h"
#include "guidenav/util.h"
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

typedef enum mode { MODE_TUI, MODE_TOC, MODE_DUMP, MODE_LOCALES, MODE_COMPARE, MODE_MATRIX,
                    MODE_CHECK, MODE_SEARCH, MODE_PRINT_CONFIG } mode;

typedef struct options {
    mode mode;
    const char *page;
    int width;
    bool plain;
    bool ascii;
    bool osc52;
    int hyperlinks;      /* --hyperlinks 1, --no-hyperlinks 0, else -1 */
    bool mouse;
    const char *pair;    /* --compare A,B */
    bool interleave;
    const char *reference; /* --reference LOCALE: staleness and --check;
                            * NULL: the configuration's */
    const char *config;  /* --config FILE */
    bool no_config;      /* --no-config */
    bool kinds[GN_CHECK_MAX_KINDS];      /* --check: the kinds of problem reported */
    bool sarif;          /* --format sarif */
    const char *query;   /* --search */
    gn_scope scope;
    bool no_state;
    bool no_cache;
} options;

/* Print "guidenav: MESSAGE" on stderr, the message made safe for a
 * terminal: paths and arguments may hold control characters. */
static void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void report(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *safe = gn_text_sanitized(msg);
    fprintf(stderr, "guidenav: %s\n", safe);
    free(safe);
}

/* Print one record on stdout: the n fields joined by tabs, then a newline.
 * Each field is written by gn_text_field (backslash, tab and newline
 * escaped, the rest made safe for a terminal), so a record is one line of
 * n fields whatever the titles, file names and link targets hold. */
static void say_fields(size_t n, const char *const *fields)
{
    gn_buf rec = GN_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            gn_buf_addc(&rec, '\t');
        gn_text_field(&rec, fields[i], strlen(fields[i]));
    }
    gn_buf_addc(&rec, '\n');
    fwrite(rec.data, 1, rec.len, stdout);
    gn_buf_free(&rec);
}

/* say_fields with the fields as arguments, up to a NULL (16 at most). */
static void say(const char *field, ...) __attribute__((sentinel));
static void say(const char *field, ...)
{
    const char *fields[16];
    size_t n = 0;
    va_list ap;
    va_start(ap, field);
    for (const char *f = field; f && n < sizeof fields / sizeof *fields; f = va_arg(ap, const char *))
        fields[n++] = f;
    va_end(ap);
    say_fields(n, fields);
}

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
static int parse_options(int argc, char **argv, options *o)
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
                report("--width: not a width from 1 to 10000: %s", optarg);
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
                report("--max-file-size: not a size in bytes: %s", optarg);
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
                report("--only: %s", kerr.msg);
                return -1;
            }
            break;
        case 'S': {
            bool skip[GN_CHECK_MAX_KINDS] = {false};
            if (gn_check_kinds_parse(optarg, skip, &kerr) != 0) {
                report("--skip: %s", kerr.msg);
                return -1;
            }
            for (size_t k = 0; k < gn_check_nkinds; k++)
                o->kinds[k] = o->kinds[k] && !skip[k];
            break;
        }
        case 'F':
            if (strcmp(optarg, "sarif") != 0 && strcmp(optarg, "tsv") != 0) {
                report("--format: tsv or sarif, not %s", optarg);
                return -1;
            }
            o->sarif = strcmp(optarg, "sarif") == 0;
            break;
        case 's':
            if (!*optarg) {
                report("--search needs a non-empty QUERY");
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
            report("%s needs a %s (see guidenav --help)", name, option_arg_name(optopt));
            free(name);
            return -1;
        }
        default: {
            char *name = option_typed(argv);
            report("unknown option %s (see guidenav --help)", name);
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

static int run_toc(gn_localeset *set, gn_error *err)
{
    gn_source *src = &set->v[0];
    for (size_t g = 0; g < src->nguides; g++) {
        const gn_toc *toc = gn_guide_toc(&src->guides[g], err);
        if (!toc)
            return -1;
        gn_buf line = GN_BUF_INIT, target = GN_BUF_INIT;
        gn_buf_addf(&line, "# %s", gn_toc_title(toc));
        say(line.data, NULL);
        for (size_t i = 0; i < toc->n; i++) {
            const gn_toc_entry *e = &toc->entries[i];
            gn_buf_reset(&line);
            gn_buf_addf(&line, "%*s%s", e->depth * 2, "", e->title);
            gn_buf_reset(&target);
            gn_buf_adds(&target, "");
            if (e->target)
                gn_buf_adds(&target, e->target);
            else if (e->anchor)
                gn_buf_addf(&target, "#%s", e->anchor);
            say(line.data, target.data, NULL);
        }
        gn_buf_free(&line);
        gn_buf_free(&target);
    }
    return 0;
}

static int run_locales(gn_localeset *set, const char *guide_id)
{
    int rc = 0;
    for (size_t i = 0; i < set->n; i++) {
        gn_source *src = &set->v[i];
        gn_guide *g = gn_source_guide(src, guide_id);
        gn_error err;
        const gn_toc *toc = g ? gn_guide_toc(g, &err) : NULL;
        if (g && !toc) {
            report("%s", err.msg);
            rc = -1;
        }
        say(src->tag, src->root, toc ? gn_toc_title(toc) : "", NULL);
    }
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

/* True when the locale's character set is UTF-8. Sets LC_CTYPE from the
 * environment, which the painters read (a non-UTF-8 one gets ASCII text):
 * call it before painting, with --ascii too. */
static bool utf8_locale(void)
{
    setlocale(LC_CTYPE, "");
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

static int run_dump(const options *o, gn_error *err)
{
    /* A page of a guide (a TOC above it) is read only inside its
     * repository; any other Markdown file is read as it is. */
    gn_source src; /* left empty when no guide holds the page */
    if (gn_source_of_file(o->page, &src) == 0 && gn_source_check_read(&src, o->page, err) != 0) {
        gn_source_free(&src);
        return -1;
    }
    gn_page page;
    if (gn_page_load_within(o->page, src.real_repo, &page, err) != 0) {
        gn_page_free(&page);
        gn_source_free(&src);
        return -1;
    }
    char *lang = gn_path_locale(o->page);
    gn_doc doc;
    gn_layout_opts lo = {.width = o->width ? o->width : terminal_width(), .lang = lang,
                         .ascii = !utf8_locale() || o->ascii, .path = o->page,
                         .repo = src.repo, .line_offset = page.body_line - 1};
    gn_layout(page.doc, &lo, &doc);
    bool color = !o->plain && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    int rc = gn_paint_text(stdout, &doc, color);
    if (fflush(stdout) != 0)
        rc = -1;
    if (rc != 0)
        gn_fail(err, "writing the page: output error");
    gn_doc_free(&doc);
    gn_page_free(&page);
    free(lang);
    gn_source_free(&src);
    return rc;
}

/* The index of the locale with this tag in set; -1 with err naming the
 * locales there when it has none. */
static long locale_index(const gn_localeset *set, const char *tag, gn_error *err)
{
    gn_source *src = gn_localeset_find(set, tag);
    if (src)
        return (long)(src - set->v);
    gn_buf have = GN_BUF_INIT;
    for (size_t i = 0; i < set->n; i++)
        gn_buf_addf(&have, "%s%s", i ? ", " : "", set->v[i].tag);
    gn_fail(err, "no locale %s here (the locale set has %s)", tag, have.data);
    gn_buf_free(&have);
    return -1;
}

/* --compare A,B PAGE: the page in two locales, aligned. */
static int run_compare(const options *o, char **args, int nargs, gn_error *err)
{
    const char *comma = strchr(o->pair, ',');
    if (nargs < 1 || !comma)
        return gn_fail(err, "--compare takes A,B and a page: --compare en,ja-JP PAGE");
    char *a = gn_xstrndup(o->pair, (size_t)(comma - o->pair));
    const char *b = comma + 1;
    const char *page = args[0];
    gn_source alone; /* the page's guide, found as --dump finds it */
    bool in_guide = gn_source_of_file(page, &alone) == 0;
    char *abs = gn_path_absolute(page);
    gn_localeset set = {0};
    int rc = -1;
    if (!in_guide || !abs || !gn_is_file(abs)) {
        gn_fail(err, "%s: not a page of a guide (no TOC.md above it)", page);
        goto done;
    }
    int rc_set = nargs > 1 ? gn_localeset_discover(args + 1, (size_t)nargs - 1, &set, err)
                           : gn_localeset_of_page(page, &set, err);
    if (rc_set != 0)
        goto done;
    /* The page's guide id and its path in the guide. */
    gn_source *where;
    const char *rel = NULL;
    gn_guide *g = gn_localeset_guide_of(&set, abs, &where, &rel);
    if (!g) {
        gn_fail(err, "%s: not in a guide of the locale set", page);
        goto done;
    }
    int width = o->width ? o->width : terminal_width();
    bool ascii = !utf8_locale() || o->ascii;
    int lw, rw;
    long la = locale_index(&set, a, err), lb = la < 0 ? -1 : locale_index(&set, b, err);
    if (la < 0 || lb < 0)
        goto done;
    if (gn_compare_widths(width, o->interleave, &lw, &rw) != 0) {
        gn_fail(err, "--width %d is too narrow to compare", width);
        goto done;
    }
    /* The page compared as the navigator compares it. */
    gn_session s;
    gn_session_opts so = {.reference = o->reference, .ascii = ascii};
    gn_session_init(&s, &set, &so);
    gn_session_switch_locale(&s, (size_t)la);
    gn_session_open(&s, g->id, rel);
    gn_session_set_right(&s, (size_t)lb);
    gn_session_resize(&s, width, 1, !o->interleave);
    gn_session_layout(&s);
    bool color = !o->plain && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    rc = o->interleave
             ? gn_paint_interleaved(stdout, &s.left.doc, &s.right.doc, &s.align, color,
                                    ascii ? "> " : "» ")
             : gn_paint_side_by_side(stdout, &s.left.doc, &s.right.doc, &s.align, color, ascii);
    if (fflush(stdout) != 0 || rc != 0)
        rc = gn_fail(err, "writing the comparison: output error");
    else if (s.left.gist || s.right.gist) /* its notice is at the top */
        report("%s%s%s", s.left.gist ? s.left.gist : "", s.left.gist && s.right.gist ? ", " : "",
               s.right.gist ? s.right.gist : "");
    else if (s.align.structure_differs)
        report("the heading structure differs: %s has %zu headings, %s %zu",
                a, s.left.doc.nheadings, b, s.right.doc.nheadings);
    gn_session_free(&s);
done:
    gn_localeset_free(&set);
    gn_source_free(&alone);
    free(abs);
    free(a);
    return rc;
}

/* --toc-matrix: each guide of the first locale across every locale, as
 * one table: a header line, then one record a row of each guide's matrix,
 * the guide first (its folder from the locale source, "." for the source
 * itself), then the entry, each locale's state, then each locale's
 * ht-degree, source commit and staleness. */
static int run_matrix(gn_localeset *set, const char *reference, gn_error *err)
{
    gn_repo *repo = gn_repo_of_locale(set, reference);
    size_t nf = 2 + set->n * 5;
    const char **f = gn_xreallocarray(NULL, nf, sizeof *f);
    char **names = gn_xreallocarray(NULL, set->n * 4, sizeof *names);
    static const char *const suffix[4] = {"ht-degree", "source-git-commit", "stale", "findings"};
    f[0] = "guide";
    f[1] = "entry";
    for (size_t l = 0; l < set->n; l++) {
        f[2 + l] = set->v[l].tag;
        for (size_t k = 0; k < 4; k++) {
            names[l * 4 + k] = gn_xasprintf("%s:%s", set->v[l].tag, suffix[k]);
            f[2 + set->n + l * 4 + k] = names[l * 4 + k];
        }
    }
    char (*counts)[16] = gn_xcalloc(set->n ? set->n : 1, sizeof *counts);
    int rc = 0;
    for (size_t g = 0; g < set->v[0].nguides && rc == 0; g++) {
        const char *id = set->v[0].guides[g].id;
        gn_matrix m;
        if (gn_matrix_build(&m, set, id, reference, repo, err) != 0) {
            rc = -1;
            break;
        }
        if (g == 0) /* the header, once the first guide could be read */
            say_fields(nf, f);
        f[0] = *id ? id : ".";
        for (size_t r = 0; r < m.nrows; r++) {
            const gn_matrix_row *row = &m.rows[r];
            bool page = row->kind == GN_TOC_PAGE;
            f[1] = row->key;
            for (size_t l = 0; l < set->n; l++) {
                const gn_matrix_cell *c = &row->cells[l];
                const char **cf = &f[2 + set->n + l * 4];
                f[2 + l] = gn_cell_state_name(c->state);
                cf[0] = page && c->ht_degree ? c->ht_degree : "";
                cf[1] = page && c->commit ? c->commit : "";
                cf[2] = !page || c->state != GN_CELL_OK ? ""
                      : (long)l == m.reference ? "-" : gn_stale_name(c->stale);
                snprintf(counts[l], sizeof counts[l], "%d", c->findings);
                cf[3] = c->findings >= 0 ? counts[l] : "";
            }
            say_fields(nf, f);
        }
        gn_matrix_free(&m);
    }
    for (size_t i = 0; i < set->n * 4; i++)
        free(names[i]);
    free(names);
    free(counts);
    free(f);
    gn_repo_free(repo);
    return rc;
}

/* The signal that asked a non-interactive search to stop, or 0. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

/* SIGINT, SIGTERM and SIGHUP set stop_signal instead of ending the
 * process at once; one the process was started with ignored (SIGINT in a
 * shell's background job, SIGHUP under nohup) stays ignored. */
static void catch_stop_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
}

/* --search: one line per match; 1 when there is none, 2 when the output
 * cannot be written. A reader that stops reading (| head -1: EPIPE, with
 * SIGPIPE ignored) ends the search quietly, with status 0 (a match was
 * written): the text cache is saved with the pages read so far, and its
 * temporary file removed, as when the search is done. */
static int run_search(gn_localeset *set, const options *o)
{
    gn_finder *f = gn_finder_new(set);
    gn_finder_set_cache_limit(f, 0); /* one query: nothing to keep */
    char *cache = o->no_cache ? NULL : gn_textcache_dir();
    gn_finder_use_disk(f, cache);
    free(cache);
    if (!gn_finder_start(f, o->query, o->scope, 0, set->v[0].guides[0].id)) {
        gn_finder_free(f);
        return 1;
    }
    /* Each step's matches are printed as they come, then let go. */
    size_t total = 0;
    int out_errno = 0;
    for (bool done = false; !done && !out_errno && !stop_signal;) {
        done = gn_finder_step(f, 64);
        size_t n;
        const gn_found *r = gn_finder_results(f, &n);
        errno = 0; /* what a failed write leaves is the output's error */
        for (size_t i = 0; i < n; i++) {
            char line[16];
            snprintf(line, sizeof line, "%d", r[i].src_line);
            say(set->v[r[i].loc].tag, r[i].rel, line, r[i].excerpt, NULL);
        }
        total += n;
        gn_finder_forget_results(f);
        /* Pages outside the guide are named, never read. */
        char **refused = gn_finder_take_refused(f, &n);
        for (size_t i = 0; i < n; i++) {
            report("%s", refused[i]);
            free(refused[i]);
        }
        free(refused);
        if (fflush(stdout) != 0 || ferror(stdout))
            out_errno = errno ? errno : EIO;
    }
    gn_error err;
    if (gn_finder_save(f, &err) != 0)
        report("warning: search cache not saved: %s", err.msg);
    gn_finder_free(f);
    if (out_errno && out_errno != EPIPE && !stop_signal) {
        report("writing the results: %s", strerror(out_errno));
        return 2;
    }
    return total ? 0 : 1;
}

/* --check: the problems of the kinds chosen, a line each (or a SARIF
 * log); 1 when there is any that counts (untranslated blocks do not). */
static int run_check(gn_localeset *set, const options *o)
{
    gn_repo *repo = gn_repo_of_locale(set, o->reference);
    gn_problems probs;
    gn_check(set, o->reference, repo, &probs);
    size_t counted = 0;
    for (size_t i = 0; i < probs.n; i++) {
        const gn_problem *p = &probs.v[i];
        long k = gn_check_kind_index(p->kind, strlen(p->kind));
        if (k < 0 || !o->kinds[k])
            continue;
        counted += gn_check_kinds[k].counts;
        if (o->sarif)
            continue;
        char *where = gn_xasprintf("%s:%d", p->file, p->line);
        say(p->locale, where, p->kind, p->detail, NULL);
        free(where);
    }
    if (o->sarif)
        gn_sarif_write(stdout, &probs, o->kinds, set, GN_VERSION);
    gn_problems_free(&probs);
    gn_repo_free(repo);
    return counted ? 1 : 0;
}

/* The navigator over set: at file, showing text (len bytes), or at the
 * place saved (state: whether there is one to read and write); with the
 * configuration read (problem: its message for the status line, or
 * NULL). */
static int run_navigator(gn_localeset *set, const options *o, const gn_config *config,
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
static int run_page_or_text(const options *o, char **args, int n, const gn_config *config,
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
 * defaults; its message goes into *problem (newly allocated, else NULL). */
static void read_config(const options *o, gn_config *c, char **problem)
{
    *problem = NULL;
    const gn_config_vocab *vocab = gn_key_vocab();
    if (o->no_config) {
        gn_config_defaults(c, vocab);
        return;
    }
    char *path = o->config ? gn_xstrdup(o->config) : gn_config_default_path();
    gn_error err;
    if (!path)
        gn_config_defaults(c, vocab);
    else if (gn_config_load(c, path, !o->config, vocab, &err) != 0)
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

static int guidenav(const options *given, char **args, int nargs, const gn_config *config,
                    const char *problem);

int main(int argc, char **argv)
{
    options o;
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
            report("%s", problem);
        int rc = problem || fflush(stdout) != 0 ? EXIT_ERROR : 0;
        free(problem);
        gn_config_free(&config);
        return rc;
    }
    if (problem && o.mode != MODE_TUI)
        report("%s", problem);
    if (!o.reference)
        o.reference = config.reference;
    int nargs = argc - optind;
    gn_error serr;
    char **args = expand_sets(argv + optind, &nargs, &config, &serr);
    int rc;
    if (!args) {
        report("%s", serr.msg);
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
static int guidenav(const options *given, char **args, int nargs, const gn_config *config,
                    const char *problem)
{
    options o = *given;
    gn_error err = {{0}};
    if (o.mode == MODE_DUMP) {
        if (nargs > 0) {
            report("--dump takes one page; unexpected: %s", args[0]);
            return EXIT_USAGE;
        }
        gn_markdown_use_arena(); /* one page (and its snippets), then exit */
        if (run_dump(&o, &err) != 0) {
            report("%s", err.msg);
            return EXIT_ERROR;
        }
        return 0;
    }
    if (o.mode == MODE_COMPARE) {
        if (run_compare(&o, args, nargs, &err) != 0) {
            report("%s", err.msg);
            return EXIT_ERROR;
        }
        return 0;
    }
    if (o.mode == MODE_TUI) {
        int rc = run_page_or_text(&o, args, nargs, config, problem, &err);
        if (rc != 1) { /* else a guide's folder, or none given */
            if (rc != 0 && err.msg[0])
                report("%s", err.msg);
            return rc == 0 ? 0 : EXIT_ERROR;
        }
    }
    gn_localeset set;
    if (discover(args, nargs, &set, &err) != 0) {
        report("%s", err.msg);
        /* --search keeps 1 for "no match". */
        return o.mode == MODE_SEARCH ? EXIT_USAGE : EXIT_ERROR;
    }
    int rc;
    switch (o.mode) {
    case MODE_TOC:
        rc = run_toc(&set, &err);
        break;
    case MODE_SEARCH:
        /* A closed output is EPIPE, the end of the search, not a death
         * that leaves the cache's temporary file behind; SIGINT, SIGTERM
         * and SIGHUP end it between steps, the cache saved, and then end
         * the process as the signal would have. */
        signal(SIGPIPE, SIG_IGN);
        catch_stop_signals();
        gn_interrupt_watch(&stop_signal); /* a page's reading gives up */
        rc = run_search(&set, &o);
        gn_localeset_free(&set);
        if (stop_signal) {
            signal(stop_signal, SIG_DFL);
            raise(stop_signal);
        }
        return rc == 0 ? 0 : rc == 1 ? EXIT_ERROR : EXIT_USAGE;
    case MODE_MATRIX:
        rc = run_matrix(&set, o.reference, &err);
        break;
    case MODE_CHECK:
        rc = run_check(&set, &o);
        if (rc == 1) {
            gn_localeset_free(&set);
            return EXIT_ERROR;
        }
        break;
    case MODE_LOCALES:
        rc = run_locales(&set, set.v[0].guides[0].id);
        err.msg[0] = '\0';
        break;
    default:
        rc = run_navigator(&set, &o, config, problem, NULL, true, NULL, 0, &err);
        break;
    }
    gn_localeset_free(&set);
    if (rc != 0) {
        if (err.msg[0])
            report("%s", err.msg);
        return EXIT_ERROR;
    }
    return 0;
}
