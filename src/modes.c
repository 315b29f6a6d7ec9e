/* modes.c: the non-interactive modes, for scripts and CI: each prints
 * records on stdout (tab-separated fields, gn_text_field) and messages on
 * stderr (gn_report), and returns a status. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "guidenav/align.h"
#include "guidenav/interrupt.h"
#include "guidenav/layout.h"
#include "guidenav/matrix.h"
#include "guidenav/page.h"
#include "guidenav/resolve.h"
#include "guidenav/paint.h"
#include "guidenav/sarif.h"
#include "guidenav/session.h"
#include "guidenav/source.h"
#include "guidenav/stale.h"
#include "guidenav/text.h"
#include "guidenav/textcache.h"
#include "guidenav/util.h"
#include "modes.h"

void gn_report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *safe = gn_text_vsanitizedf(fmt, ap);
    va_end(ap);
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

int gn_mode_toc(gn_localeset *set, gn_error *err)
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

int gn_mode_locales(gn_localeset *set, const char *guide_id)
{
    int rc = 0;
    for (size_t i = 0; i < set->n; i++) {
        gn_source *src = &set->v[i];
        gn_guide *g = gn_source_guide(src, guide_id);
        gn_error err;
        const gn_toc *toc = g ? gn_guide_toc(g, &err) : NULL;
        if (g && !toc) {
            gn_report("%s", err.msg);
            rc = -1;
        }
        say(src->tag, src->root, toc ? gn_toc_title(toc) : "", NULL);
    }
    return rc;
}

/* True when the locale's character set is UTF-8. Sets LC_CTYPE from the
 * environment, which the painters read (a non-UTF-8 one gets ASCII text):
 * call it before painting, with --ascii too. */
bool gn_utf8_locale(void)
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

/* The colours of --dump and --compare: the configuration's when the
 * output is a terminal, neither --plain nor NO_COLOR (set and not empty,
 * https://no-color.org) says otherwise; else NULL, plain text. */
static const gn_color_spec *out_colors(const gn_options *o)
{
    const char *no_color = getenv("NO_COLOR");
    if (o->plain || !isatty(STDOUT_FILENO) || (no_color && *no_color))
        return NULL;
    return o->colors;
}

int gn_mode_dump(const gn_options *o, gn_error *err)
{
    gn_markdown_use_arena(); /* one page (and its snippets), then exit */
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
                         .ascii = !gn_utf8_locale() || o->ascii, .path = o->page,
                         .repo = src.repo, .line_offset = page.body_line - 1,
                         .lines_only = true};
    gn_layout(page.doc, &lo, &doc);
    int rc = gn_paint_text(stdout, &doc, out_colors(o));
    if (fflush(stdout) != 0)
        rc = -1;
    if (rc != 0)
        gn_fail(err, "writing the page: output error");
    gn_doc_free(&doc);
    page.doc = NULL; /* its nodes go with the arena, at once */
    gn_page_free(&page);
    gn_markdown_drop_arena();
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
int gn_mode_compare(const gn_options *o, char **args, int nargs, gn_error *err)
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
    bool ascii = !gn_utf8_locale() || o->ascii;
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
    const gn_color_spec *color = out_colors(o);
    rc = o->interleave
             ? gn_paint_interleaved(stdout, &s.left.doc, &s.right.doc, &s.align, color,
                                    ascii ? "> " : "» ")
             : gn_paint_side_by_side(stdout, &s.left.doc, &s.right.doc, &s.align, color, ascii);
    if (fflush(stdout) != 0 || rc != 0)
        rc = gn_fail(err, "writing the comparison: output error");
    else if (s.left.gist || s.right.gist) /* its notice is at the top */
        gn_report("%s%s%s", s.left.gist ? s.left.gist : "", s.left.gist && s.right.gist ? ", " : "",
               s.right.gist ? s.right.gist : "");
    else if (s.align.structure_differs)
        gn_report("the heading structure differs: %s has %zu headings, %s %zu",
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
int gn_mode_matrix(gn_localeset *set, const char *reference, gn_error *err)
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
static atomic_int stop_signal;

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
static int search(gn_localeset *set, const gn_options *o)
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
            gn_report("%s", refused[i]);
            free(refused[i]);
        }
        free(refused);
        if (fflush(stdout) != 0 || ferror(stdout))
            out_errno = errno ? errno : EIO;
    }
    gn_error err;
    if (gn_finder_save(f, &err) != 0)
        gn_report("warning: search cache not saved: %s", err.msg);
    gn_finder_free(f);
    if (out_errno && out_errno != EPIPE && !stop_signal) {
        gn_report("writing the results: %s", strerror(out_errno));
        return 2;
    }
    return total ? 0 : 1;
}

/* --check: the problems of the kinds chosen, a line each (or a SARIF
 * log); 1 when there is any that counts (untranslated blocks do not). */
int gn_mode_check(gn_localeset *set, const gn_options *o)
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

int gn_mode_search(gn_localeset *set, const gn_options *o)
{
    /* A closed output is EPIPE, the end of the search, not a death that
     * leaves the cache's temporary file behind. */
    signal(SIGPIPE, SIG_IGN);
    catch_stop_signals();
    gn_interrupt_watch(&stop_signal); /* a page's reading gives up */
    int rc = search(set, o);
    gn_localeset_free(set);
    if (stop_signal) {
        signal(stop_signal, SIG_DFL);
        raise(stop_signal);
    }
    return rc;
}
