/* app.c: the navigator: a TOC tree on the left, a pager on the right, a
 * status line, a language switcher and a help screen. Everything it shows
 * comes from the core (tree, page, layout); this file only decides what to
 * show and draws it. */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "guidenav/align.h"
#include "guidenav/emit.h"
#include "guidenav/finder.h"
#include "guidenav/history.h"
#include "guidenav/search.h"
#include "guidenav/matrix.h"
#include "guidenav/stale.h"
#include "guidenav/state.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/text.h"
#include "guidenav/tree.h"
#include "ui/actions.h"
#include "ui/style.h"
#include "ui/terminal.h"
#include "ui/ui.h"

typedef enum focus { FOCUS_TREE, FOCUS_PAGER } focus;
/* Tree and pager side by side, or one at a time, full width (t toggles;
 * AUTO: one at a time below TWO_PANES_FROM columns). */
typedef enum panes { PANES_AUTO, PANES_ONE, PANES_TWO } panes;
#define TWO_PANES_FROM 100
#define TWO_PANES_MIN 60 /* narrower, only one pane fits */

typedef struct app {
    gn_localeset *set;
    size_t loc;          /* current locale source */
    gn_tree tree;
    size_t cursor;       /* selected row of the tree */
    size_t tree_top;     /* first row shown */
    size_t current;      /* the open page's tree item, or GN_NONE */
    focus focus;

    char *guide;         /* id of the open page's guide; NULL for a page
                            outside every guide (reached by a link) */
    char *page;          /* the open page: its path in the guide, or the
                            path from the repository root; NULL: none */
    gn_page pg;
    bool have_page;      /* pg holds the page; else the pager shows notice */
    char *notice;
    char *page_title;
    gn_doc doc;
    size_t top;          /* first line shown (first row when comparing) */

    bool compare;        /* the pager shows two locales, aligned */
    bool interleaved;    /* ...one above the other: the screen is narrow */
    size_t right_loc;    /* the second locale */
    gn_page rpg;
    bool right_have_page;
    gn_doc rdoc;         /* the second locale's page (or notice) */
    gn_align align;      /* rows of the comparison */
    long link;           /* selected link, or -1 */

    gn_history history;
    bool osc52;          /* copying through OSC 52 is on */
    bool secure;         /* GUIDENAV_SECURE: nothing leaves the program */
    const char *reference; /* the reference locale's tag */
    gn_repo *repo;       /* its git repository, once looked for */
    bool repo_tried;
    char stale[64];      /* staleness of the compared translation, for the status */

    gn_query query;      /* the in-page search */
    bool have_query;
    bool backward;       /* the last search went backward (?) */
    gn_hit *hits;        /* its matches in a->doc */
    size_t nhits;
    long hit;            /* the current match, or -1 */
    gn_finder *finder;   /* guide-wide and all-locale search */
    gn_scope scope;
    const char *state_path; /* where the place and bookmarks are kept, or NULL */
    const char *cache_dir;  /* where search keeps pages' text, or NULL */
    gn_state state;      /* bookmarks, and the place at the last quit */

    int rows, cols;      /* screen */
    panes panes;
    bool one_pane;       /* as geometry decided: one pane at a time */
    int tree_w;          /* 0 when the tree is hidden */
    int pager_x, pager_w, body_h;
    char message[512];   /* shown in the status line until the next key */
    bool ascii;          /* the terminal is not UTF-8 */
    bool quit;
} app;

static volatile sig_atomic_t terminate;

#define ALL_GUIDES ((size_t)-2)
static void rebuild_tree(app *a, size_t want);
static size_t guide_item(const gn_tree *t, size_t g);

static volatile sig_atomic_t suspend_asked;

static void on_terminate(int sig)
{
    (void)sig;
    terminate = 1;
}

static void on_suspend(int sig)
{
    (void)sig;
    suspend_asked = 1;
}

/* Suspend as asked by SIGTSTP (Ctrl-Z): give the terminal back, stop, and
 * take it again when continued. Where nobody can continue the process (an
 * orphaned process group), the stop is skipped by the system and the
 * screen comes straight back. */
static void suspend(void)
{
    suspend_asked = 0;
    endwin();
    struct sigaction dfl, mine;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &mine);
    kill(getpid(), SIGTSTP);
    sigaction(SIGTSTP, &mine, NULL);
    reset_prog_mode();
    clearok(curscr, TRUE);
}

static gn_source *source(app *a)
{
    return &a->set->v[a->loc];
}

static void say(app *a, const char *fmt, const char *arg)
{
    char *raw = gn_xasprintf(fmt, arg);
    char *safe = gn_text_sanitized(raw);
    snprintf(a->message, sizeof a->message, "%s", safe);
    free(raw);
    free(safe);
}

/* ---- geometry and layout ---------------------------------------------- */

static int doc_width(const app *a)
{
    int w = a->pager_w - 2;
    return w < 1 ? 1 : w;
}

/* Size the panes: one at a time, full width, on narrow terminals or when
 * asked (the focused one), else the tree beside the pager. A full-width
 * pager also lets the terminal scroll its lines (idlok) instead of having
 * each line's right part rewritten. */
static void geometry(app *a)
{
    getmaxyx(stdscr, a->rows, a->cols);
    a->body_h = a->rows > 1 ? a->rows - 1 : 1;
    a->one_pane = a->cols < TWO_PANES_MIN || a->panes == PANES_ONE ||
                  (a->panes == PANES_AUTO && a->cols < TWO_PANES_FROM);
    if (a->one_pane) {
        a->tree_w = a->focus == FOCUS_TREE ? a->cols : 0;
        a->pager_x = 0;
        a->pager_w = a->cols;
    } else {
        a->tree_w = a->cols / 3 < 20 ? 20 : a->cols / 3 > 40 ? 40 : a->cols / 3;
        a->pager_x = a->tree_w + 1;
        a->pager_w = a->cols - a->pager_x;
    }
}

static void relayout_docs(app *a);

/* Lay out one locale's page (or its notice) at width. */
static void lay_out(app *a, gn_source *src, const gn_page *pg, bool have_page,
                    const char *notice, int width, gn_doc *doc)
{
    gn_doc_free(doc);
    if (have_page) {
        gn_layout_opts o = {.width = width, .lang = src->tag, .ascii = a->ascii, .path = pg->path,
                            .line_offset = pg->body_line - 1};
        gn_layout(pg->doc, &o, doc);
    } else {
        gn_layout_message(notice ? notice : "", width, doc);
    }
}

static void find_hits(app *a);

static void relayout(app *a)
{
    relayout_docs(a);
    find_hits(a);
}

static void relayout_docs(app *a)
{
    gn_align_free(&a->align);
    if (!a->compare || !a->page) {
        lay_out(a, source(a), &a->pg, a->have_page, a->notice, doc_width(a), &a->doc);
        return;
    }
    /* Two panes of half the width, or one above the other on a terminal
     * too narrow for two. */
    int w = doc_width(a);
    a->interleaved = a->cols < 100;
    int lw = a->interleaved ? w : (w - 3) / 2;
    int rw = a->interleaved ? w - 2 : w - 3 - lw;
    gn_source *right = &a->set->v[a->right_loc];
    char *missing = gn_xasprintf("This page is not available in %s.", right->tag);
    lay_out(a, source(a), &a->pg, a->have_page, a->notice, lw < 1 ? 1 : lw, &a->doc);
    lay_out(a, right, &a->rpg, a->right_have_page, missing, rw < 1 ? 1 : rw, &a->rdoc);
    free(missing);
    gn_align sbs;
    gn_align_docs(&a->doc, &a->rdoc, &sbs);
    if (a->interleaved) {
        gn_align_interleave(&sbs, &a->align);
        gn_align_free(&sbs);
    } else {
        a->align = sbs;
    }
}

/* Lines (rows, when comparing) the pager can show. */
static size_t view_rows(const app *a)
{
    return a->compare && a->page ? a->align.nrows : a->doc.nlines;
}

static size_t max_top(const app *a)
{
    size_t n = view_rows(a);
    return n > (size_t)a->body_h ? n - (size_t)a->body_h : 0;
}

/* The row (or line) showing line ln of the current locale's page. */
static size_t row_for_line(const app *a, size_t ln)
{
    return a->compare && a->page ? gn_align_row_of(&a->align, 0, ln) : ln;
}

static void scroll_to(app *a, size_t top)
{
    a->top = top > max_top(a) ? max_top(a) : top;
}

/* The current locale's line at the top of the pager. */
static size_t line_at_top(const app *a)
{
    if (!a->compare || !a->page)
        return a->top;
    for (size_t row = a->top; row < a->align.nrows; row++)
        if (a->align.left[row] >= 0)
            return (size_t)a->align.left[row];
    return a->doc.nlines ? a->doc.nlines - 1 : 0;
}

/* ---- pages ------------------------------------------------------------- */

static char *repo_root(app *a)
{
    return gn_source_repo_root(source(a));
}

/* The open page's guide in src. A guide reached by a link and adopted in
 * another locale is adopted here too, from the same place in this locale's
 * repository. */
static gn_guide *guide_in(app *a, gn_source *src)
{
    if (!a->guide)
        return NULL;
    gn_guide *g = gn_source_guide(src, a->guide);
    if (!g && a->guide[0]) {
        char *root = gn_source_repo_root(src);
        char *dir = gn_path_join(root, a->guide);
        g = gn_is_dir(dir) ? gn_source_adopt(src, a->guide, dir) : NULL;
        free(dir);
        free(root);
    }
    return g;
}

/* The open page's guide in the current locale. */
static gn_guide *current_guide(app *a)
{
    return guide_in(a, source(a));
}

/* The file of the open page in src (newly allocated), or NULL when src
 * lacks its guide. */
static char *page_file(app *a, gn_source *src)
{
    gn_guide *g = guide_in(a, src);
    if (a->guide && !g)
        return NULL;
    char *root = g ? NULL : gn_source_repo_root(src);
    char *path = gn_path_join(g ? g->dir : root, a->page);
    free(root);
    char *cut = strpbrk(path, "#?");
    if (cut)
        *cut = '\0';
    return path;
}

/* Load the open page in the second locale, when comparing. */
static void load_right(app *a)
{
    if (a->right_have_page)
        gn_page_free(&a->rpg);
    a->right_have_page = false;
    if (!a->compare || !a->page)
        return;
    gn_source *src = &a->set->v[a->right_loc];
    char *path = page_file(a, src);
    gn_error err;
    if (path && gn_is_file(path) && gn_source_contains(src, path)) {
        if (gn_page_load(path, &a->rpg, &err) == 0)
            a->right_have_page = true;
        else
            gn_page_free(&a->rpg);
    }
    free(path);
}

static void close_page(app *a)
{
    if (a->have_page)
        gn_page_free(&a->pg);
    a->have_page = false;
    free(a->notice);
    a->notice = NULL;
    free(a->page_title);
    a->page_title = NULL;
}

/* Load a->page of a->guide in the current locale, or a notice saying why
 * it cannot be shown. */
/* The reference locale's git repository, opened on first use. */
static gn_repo *reference_repo(app *a)
{
    if (!a->repo_tried) {
        a->repo_tried = true;
        gn_source *ref = gn_localeset_find(a->set, a->reference);
        a->repo = ref ? gn_repo_open(ref->root, NULL) : NULL;
    }
    return a->repo;
}

/* The translation being compared: the side that is not the reference
 * locale. Sets *src and *pg; false when neither side is a translation of
 * the reference or the translation's page is not there. */
static bool compared_translation(app *a, gn_source **src, const gn_page **pg)
{
    gn_source *left = source(a), *right = &a->set->v[a->right_loc];
    if (strcmp(right->tag, a->reference) != 0 && a->right_have_page) {
        *src = right;
        *pg = &a->rpg;
    } else if (strcmp(left->tag, a->reference) != 0 && a->have_page) {
        *src = left;
        *pg = &a->pg;
    } else {
        return false;
    }
    return gn_localeset_find(a->set, a->reference) != NULL;
}

/* Compute the staleness shown in the status line while comparing. */
static void update_staleness(app *a)
{
    a->stale[0] = '\0';
    gn_source *src;
    const gn_page *pg;
    if (!a->compare || !compared_translation(a, &src, &pg))
        return;
    gn_repo *repo = reference_repo(a);
    char *ref_path = page_file(a, gn_localeset_find(a->set, a->reference));
    const char *commit = gn_meta_get(&pg->meta, "source-git-commit");
    gn_stale st = repo && ref_path ? gn_repo_stale(repo, ref_path, commit) : GN_STALE_UNKNOWN;
    snprintf(a->stale, sizeof a->stale, "%s %s", src->tag, gn_stale_name(st));
    free(ref_path);
}

static void load_page(app *a)
{
    close_page(a);
    gn_guide *g = current_guide(a);
    const char *tag = source(a)->tag;
    char *path = page_file(a, source(a));
    gn_error err;
    if (!path) {
        a->notice = gn_xasprintf("This guide is not available in %s.", tag);
    } else if (gn_is_file(path) && !gn_source_contains(source(a), path)) {
        a->notice = gn_xasprintf("Refused: %s is outside the guide.", a->page);
    } else if (!gn_is_file(path)) {
        bool listed = g && g->toc && gn_toc_find_page(g->toc, a->page) >= 0;
        a->notice = gn_xasprintf("This page is not available in %s.\n\n%s %s", tag,
                                 a->page, listed ? "is listed in this locale's table of "
                                 "contents, but its file is missing."
                                 : g ? "is not in this locale's table of contents."
                                 : "does not exist in this locale.");
    } else if (gn_page_load(path, &a->pg, &err) != 0) {
        gn_page_free(&a->pg);
        a->notice = gn_xasprintf("This page cannot be shown.\n\n%s", err.msg);
    } else {
        a->have_page = true;
        a->page_title = gn_page_title(&a->pg);
    }
    free(path);
    if (!a->page_title)
        a->page_title = gn_text_sanitized(gn_path_basename(a->page));
    a->link = -1;
    load_right(a);
    update_staleness(a);
    relayout(a);
}

/* Scroll to the heading with this anchor (or slug); false when there is
 * none. */
static bool goto_anchor(app *a, const char *anchor)
{
    long h = gn_doc_find_anchor(&a->doc, anchor);
    if (h < 0)
        return false;
    scroll_to(a, row_for_line(a, a->doc.headings[h].line));
    return true;
}

/* Find the open page's entry in the tree (a->current), reveal it and put
 * the cursor on it. */
static void select_current(app *a)
{
    gn_tree *t = &a->tree;
    a->current = GN_NONE;
    for (size_t g = 0; g < t->src->nguides && a->guide; g++) {
        if (strcmp(t->src->guides[g].id, a->guide) != 0)
            continue;
        size_t it = guide_item(t, g);
        if (it != GN_NONE && t->items[it].unlisted)
            rebuild_tree(a, g);
        a->current = gn_tree_find_page(t, g, a->page);
        if (a->current == GN_NONE)
            return;
        gn_tree_reveal(t, a->current);
        size_t row = gn_tree_row_of(t, a->current);
        if (row != GN_NONE)
            a->cursor = row;
        return;
    }
}

static void open_page(app *a, const char *guide, const char *page)
{
    char *g = guide ? gn_xstrdup(guide) : NULL, *p = gn_xstrdup(page);
    free(a->guide);
    free(a->page);
    a->guide = g;
    a->page = p;
    a->top = 0;
    load_page(a);
    const char *hash = strchr(page, '#');
    if (hash)
        goto_anchor(a, hash + 1);
    select_current(a);
}

/* Open a page as a new place in the history. */
static void navigate(app *a, const char *guide, const char *page)
{
    gn_history_go(&a->history, a->top, guide, page);
    open_page(a, guide, page);
}

static void go_history(app *a, bool forward)
{
    const gn_place *p = forward ? gn_history_forward(&a->history, a->top)
                                : gn_history_back(&a->history, a->top);
    if (!p) {
        say(a, "%s", forward ? "Nothing to go forward to." : "Nothing to go back to.");
        return;
    }
    size_t top = p->top;
    open_page(a, p->guide, p->page);
    scroll_to(a, top);
}

static bool has_scheme(const char *url)
{
    size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    return (n > 0 && url[n] == ':') || strncmp(url, "//", 2) == 0;
}

/* The guide of source(a) that holds file, adopting the nearest folder
 * with a TOC between file and the repository root when none does (a link
 * into another guide of the repository). Sets *page to file's path in the
 * guide. NULL when no guide holds it. */
static gn_guide *guide_holding(app *a, const char *file, const char *root, const char **page)
{
    gn_source *src = source(a);
    for (size_t g = 0; g < src->nguides; g++) {
        const char *dir = src->guides[g].dir;
        size_t n = strlen(dir);
        if (strncmp(file, dir, n) == 0 && file[n] == '/') {
            *page = file + n + 1;
            return &src->guides[g];
        }
    }
    size_t rn = strlen(root);
    char *dir = gn_path_dirname(file);
    gn_guide *found = NULL;
    while (!found && strlen(dir) > rn && strncmp(dir, root, rn) == 0) {
        found = gn_source_adopt(src, dir + rn + 1, dir);
        if (!found) {
            char *up = gn_path_dirname(dir);
            free(dir);
            dir = up;
        }
    }
    if (found) {
        *page = file + strlen(found->dir) + 1;
        rebuild_tree(a, GN_NONE);
    }
    free(dir);
    return found;
}

/* Follow a link of the open page: an anchor of this page, a page of a
 * guide of this locale source (the tree follows), a page elsewhere in the
 * repository, or a URL (shown, since a terminal cannot open it). */
static void follow(app *a, const char *url)
{
    if (has_scheme(url)) {
        say(a, "External link: %s (y copies it)", url);
        return;
    }
    if (url[0] == '#') {
        if (!goto_anchor(a, url + 1))
            say(a, "No section %s in this page.", url);
        return;
    }
    gn_guide *cur = current_guide(a);
    char *root = repo_root(a);
    size_t path_len = strcspn(url, "#?");
    char *target = gn_xstrndup(url, path_len);
    char *base;
    if (url[0] == '/') {
        base = gn_path_join(root, target + 1);
    } else {
        char *page_path = gn_path_join(cur ? cur->dir : root, a->page);
        char *dir = gn_path_dirname(page_path);
        base = gn_path_join(dir, target);
        free(dir);
        free(page_path);
    }
    char *file = gn_path_absolute(base);
    size_t rn = strlen(root);
    if (!file || !gn_is_file(file)) {
        say(a, "No such page: %s", url);
    } else if (strncmp(file, root, rn) != 0 || file[rn] != '/' ||
               !gn_source_contains(source(a), file)) {
        say(a, "Outside the guide: %s", url);
    } else {
        const char *page = NULL;
        gn_guide *g = guide_holding(a, file, root, &page);
        char *id = g ? gn_xstrdup(g->id) : NULL;
        char *where = gn_xasprintf("%s%s", g ? page : file + rn + 1, url + path_len);
        navigate(a, id, where);
        free(where);
        free(id);
    }
    free(file);
    free(base);
    free(target);
    free(root);
}

/* ---- language switching ----------------------------------------------- */

/* Whether tree t lists the entries of the guide with this id. */
static bool tree_lists(const gn_tree *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].entry >= 0 && strcmp(t->src->guides[t->items[i].guide].id, id) == 0)
            return true;
    return false;
}

/* (Re)build the tree of the current locale, listing the entries of the
 * guides listed before (matched by id), of the open page's guide and of
 * guide `want` (ALL_GUIDES: every guide; GN_NONE: none more), and keeping
 * expanded groups and the cursor by their keys. */
static void rebuild_tree(app *a, size_t want)
{
    gn_tree old = a->tree;
    gn_source *src = source(a);
    bool *list = gn_xcalloc(src->nguides ? src->nguides : 1, sizeof *list);
    for (size_t g = 0; g < src->nguides; g++) {
        const char *id = src->guides[g].id;
        list[g] = want == ALL_GUIDES || g == want || (old.n == 0 && g == 0) ||
                  (a->guide && strcmp(id, a->guide) == 0) || tree_lists(&old, id);
    }
    char *cursor_key = old.nrows ? gn_tree_key(&old, old.rows[a->cursor]) : NULL;
    gn_tree_build(&a->tree, src, list);
    free(list);
    gn_strmap keys;
    gn_tree_key_map(&a->tree, &keys);
    for (size_t i = 0; i < old.n; i++) {
        if (!old.items[i].expanded)
            continue;
        char *key = gn_tree_key(&old, i);
        size_t j;
        if (gn_strmap_get(&keys, key, &j) && !a->tree.items[j].unlisted)
            a->tree.items[j].expanded = true;
        free(key);
    }
    gn_tree_refresh(&a->tree);
    a->cursor = 0;
    size_t item;
    if (cursor_key && gn_strmap_get(&keys, cursor_key, &item)) {
        gn_tree_reveal(&a->tree, item);
        size_t row = gn_tree_row_of(&a->tree, item);
        a->cursor = row != GN_NONE ? row : 0;
    }
    gn_strmap_free(&keys);
    free(cursor_key);
    gn_tree_free(&old);
}

/* The tree item of guide g (with several guides), or GN_NONE. */
static size_t guide_item(const gn_tree *t, size_t g)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].guide == g && t->items[i].entry < 0)
            return i;
    return GN_NONE;
}

/* Expand or collapse a tree item. An unlisted guide is listed first (its
 * TOC read, the tree rebuilt), and the cursor stays on it. */
static void set_expanded(app *a, size_t item, bool on)
{
    gn_tree *t = &a->tree;
    if (on && t->items[item].unlisted) {
        size_t g = t->items[item].guide;
        rebuild_tree(a, g);
        item = guide_item(t, g);
        if (item == GN_NONE)
            return;
        size_t row = gn_tree_row_of(t, item);
        if (row != GN_NONE)
            a->cursor = row;
    }
    gn_tree_set_expanded(t, item, on);
}

static void switch_locale(app *a, size_t loc)
{
    if (loc == a->loc)
        return;
    long section = a->have_page ? gn_doc_section_at(&a->doc, line_at_top(a)) : -1;
    a->loc = loc;
    current_guide(a); /* adopts a guide reached by a link, for the tree */
    rebuild_tree(a, GN_NONE);
    a->current = GN_NONE;
    if (a->page) {
        a->top = 0;
        load_page(a);
        if (section >= 0 && (size_t)section < a->doc.nheadings)
            scroll_to(a, row_for_line(a, a->doc.headings[section].line));
        select_current(a);
    }
    say(a, "Language: %s", source(a)->tag);
}

/* ---- drawing ----------------------------------------------------------- */

/* Draw s clipped to cols columns at the cursor; returns columns used. */
/* Whether the terminal takes UTF-8; set once, when the navigator starts. */
static bool ascii_terminal;

/* Write len bytes of UTF-8 text. A terminal that is not UTF-8 gets '?'
 * for each column of a non-ASCII character, never raw bytes. */
static void put_text(const char *s, size_t len)
{
    if (!ascii_terminal) {
        addnstr(s, (int)len);
        return;
    }
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += gn_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x80)
            addch((chtype)cp);
        else
            for (int w = gn_cp_width(cp); w > 0; w--)
                addch('?');
    }
}

static int put_clipped(const char *s, size_t len, int cols)
{
    size_t fit = gn_text_fit(s, len, cols);
    put_text(s, fit);
    return gn_text_width(s, fit);
}

static void draw_tree(app *a)
{
    gn_tree *t = &a->tree;
    int w = a->tree_w;
    if (w <= 0)
        return;
    if (a->cursor >= t->nrows)
        a->cursor = t->nrows ? t->nrows - 1 : 0;
    if (a->cursor < a->tree_top)
        a->tree_top = a->cursor;
    if (a->cursor >= a->tree_top + (size_t)a->body_h)
        a->tree_top = a->cursor - (size_t)a->body_h + 1;
    for (int r = 0; r < a->body_h; r++) {
        size_t row = a->tree_top + (size_t)r;
        move(r, 0);
        if (row >= t->nrows)
            continue;
        size_t item = t->rows[row];
        const gn_tree_item *it = &t->items[item];
        const gn_toc_entry *e = gn_tree_entry(t, item);
        bool current = item == a->current;
        attr_t attr = it->missing ? A_DIM : 0;
        if (current)
            attr |= A_BOLD;
        if (row == a->cursor)
            attr |= a->focus == FOCUS_TREE ? A_REVERSE : A_UNDERLINE;
        /* Marks: open and closed group, external link, the open page. */
        static const char *const marks[2][4] = {{"▾ ", "▸ ", "⇗ ", "• "}, {"- ", "+ ", "^ ", "* "}};
        const char *const *m = marks[a->ascii];
        const char *mark = it->has_children ? (it->expanded || t->filtering ? m[0] : m[1])
                         : e && e->kind == GN_TOC_EXTERNAL ? m[2]
                         : current ? m[3] : "  ";
        attrset(attr);
        int used = 0;
        for (int d = 0; d < it->depth && used + 2 <= w; d++, used += 2)
            addstr("  ");
        used += put_clipped(mark, strlen(mark), w - used);
        const char *title = gn_tree_title(t, item);
        used += put_clipped(title, strlen(title), w - used);
        if (row == a->cursor)
            for (; used < w; used++)
                addch(' ');
        attrset(0);
    }
    if (a->pager_x > 0)
        for (int r = 0; r < a->body_h; r++)
            mvaddstr(r, a->tree_w, a->ascii ? "|" : "│");
}

/* Draw line ln of d at row r, column x, the selected link reversed when
 * links is true. */
static void draw_line(app *a, const gn_doc *d, size_t ln, int r, int x, bool links)
{
    move(r, x);
    const gn_line *line = &d->lines[ln];
    size_t lo = 0; /* byte offset of the span in the line's text */
    for (uint32_t k = 0; k < line->n; k++) {
        const gn_span *s = &d->spans[line->first + k];
        attr_t attr = gn_style_attr(s->style);
        if (links && s->link >= 0 && s->link == a->link)
            attr |= A_REVERSE;
        const char *text = gn_span_text(d, s);
        /* Split the span where search matches on this line begin and end. */
        size_t at = 0;
        while (at < s->len) {
            size_t end = s->len;
            attr_t extra = 0;
            for (size_t h = 0; links && h < a->nhits; h++)
                for (size_t p = 0; p < a->hits[h].npieces; p++) {
                    const gn_hit_piece *pc = &a->hits[h].pieces[p];
                    if (pc->line != ln)
                        continue;
                    size_t from = pc->off, to = pc->off + pc->len;
                    if (from <= lo + at && to > lo + at) {
                        if (to - lo < end)
                            end = to - lo;
                        extra = (long)h == a->hit ? A_REVERSE | A_BOLD : A_STANDOUT | A_UNDERLINE;
                    } else if (from > lo + at && from - lo < end) {
                        end = from - lo;
                    }
                }
            attrset(attr | extra);
            put_text(text + at, end - at);
            at = end;
        }
        lo += s->len;
    }
    attrset(0);
}

static void draw_pager(app *a)
{
    if (a->one_pane && a->focus == FOCUS_TREE)
        return;
    int x = a->pager_x + 1;
    if (!a->compare || !a->page) {
        for (int r = 0; r < a->body_h && a->top + (size_t)r < a->doc.nlines; r++)
            draw_line(a, &a->doc, a->top + (size_t)r, r, x, true);
        return;
    }
    const char *mark = a->ascii ? "> " : "» ";
    const char *bar = a->ascii ? "|" : "│";
    for (int r = 0; r < a->body_h; r++) {
        size_t row = a->top + (size_t)r;
        if (row >= a->align.nrows)
            break;
        long l = a->align.left[row], rt = a->align.right[row];
        if (a->interleaved) {
            if (l >= 0) {
                draw_line(a, &a->doc, (size_t)l, r, x, true);
            } else if (rt >= 0) {
                attrset(A_DIM);
                mvaddstr(r, x, mark);
                attrset(0);
                draw_line(a, &a->rdoc, (size_t)rt, r, x + 2, false);
            }
            continue;
        }
        if (l >= 0)
            draw_line(a, &a->doc, (size_t)l, r, x, true);
        attrset(A_DIM);
        mvaddstr(r, x + a->doc.width + 1, bar);
        attrset(0);
        if (rt >= 0)
            draw_line(a, &a->rdoc, (size_t)rt, r, x + a->doc.width + 3, false);
    }
}

static void draw_status(app *a)
{
    gn_source *src = source(a);
    gn_guide *g = current_guide(a);
    if (!g && src->nguides)
        g = &src->guides[0];
    const char *guide_title = g ? gn_guide_title(g) : "";
    char right[64] = "";
    if (a->page) {
        size_t n = view_rows(a);
        size_t bottom = a->top + (size_t)a->body_h < n ? a->top + (size_t)a->body_h : n;
        snprintf(right, sizeof right, " %zu-%zu/%zu %3zu%% ", n ? a->top + 1 : 0, bottom, n,
                 n ? bottom * 100 / n : 100);
    }
    gn_buf left = GN_BUF_INIT;
    const char *bar = a->ascii ? "|" : "│";
    if (a->message[0])
        gn_buf_addf(&left, " %s", a->message);
    else if (a->compare && a->page)
        gn_buf_addf(&left, " %s %s %s %s %s %s %s%s%s%s%s", guide_title, bar, src->tag,
                    a->ascii ? "<>" : "⇄", a->set->v[a->right_loc].tag, bar,
                    a->page_title ? a->page_title : "",
                    a->align.structure_differs ? " " : "",
                    a->align.structure_differs ? bar : "",
                    a->align.structure_differs ? " structure differs" : "",
                    a->stale[0] ? a->ascii ? " | " : " │ " : "");
    else
        gn_buf_addf(&left, " %s %s %s %s %s", guide_title, bar, src->tag, bar,
                    a->page_title ? a->page_title : "(no page open: Enter opens one)");
    if (a->compare && a->page && !a->message[0])
        gn_buf_adds(&left, a->stale);
    int rw = (int)strlen(right);
    int room = a->cols - rw;
    move(a->rows - 1, 0);
    attrset(A_REVERSE);
    int used = put_clipped(left.data, left.len, room > 0 ? room : 0);
    for (; used < room; used++)
        addch(' ');
    if (room >= 0)
        addstr(right);
    attrset(0);
    gn_buf_free(&left);
}

/* Below this size, only a message is shown. */
#define MIN_COLS 20
#define MIN_ROWS 4

/* Draw everything into the screen buffer, without sending it yet. */
static void draw_quiet(app *a)
{
    erase();
    if (a->cols < MIN_COLS || a->rows < MIN_ROWS) {
        static const char msg[] = "Terminal too small";
        mvaddnstr(0, 0, msg, a->cols < (int)sizeof msg - 1 ? a->cols : (int)sizeof msg - 1);
        return;
    }
    draw_tree(a);
    draw_pager(a);
    draw_status(a);
}

static void draw(app *a)
{
    draw_quiet(a);
    refresh();
}

/* ---- modal lists: the language switcher and the help screen ------------ */

/* A list of lines in a box in the middle of the screen: j/k/arrows move,
 * Enter chooses, q/Esc cancel. Returns the chosen index or -1. With
 * select == false the list is only read (help) and any other key closes. */
static long modal_list(app *a, const char *title, char **lines, size_t n,
                       size_t start, bool select, char **notes)
{
    const gn_glyphs *gl = gn_glyphs_for(a->ascii);
    size_t cur = start < n ? start : 0, first = 0;
    for (;;) {
        int widest = gn_text_width(title, strlen(title));
        for (size_t i = 0; i < n; i++) {
            int w = gn_text_width(lines[i], strlen(lines[i]));
            if (w > widest)
                widest = w;
        }
        int bw = widest + 4 < a->cols ? widest + 4 : a->cols;
        int bh = (int)n + 2 < a->rows - 1 ? (int)n + 2 : a->rows - 1;
        int x = (a->cols - bw) / 2, y = (a->rows - 1 - bh) / 2;
        int inner = bh - 2 > 0 ? bh - 2 : 0;
        if (cur < first)
            first = cur;
        if (inner > 0 && cur >= first + (size_t)inner)
            first = cur - (size_t)inner + 1;
        draw(a);
        for (int r = 0; r < bh; r++) {
            move(y + r, x);
            attrset(0);
            for (int c = 0; c < bw; c++)
                addch(' ');
        }
        attrset(A_BOLD);
        mvaddstr(y, x, gl->top[0]);
        for (int c = 1; c < bw - 1; c++)
            addstr(gl->hline);
        addstr(gl->top[2]);
        mvaddstr(y + bh - 1, x, gl->bottom[0]);
        for (int c = 1; c < bw - 1; c++)
            addstr(gl->hline);
        addstr(gl->bottom[2]);
        for (int r = 1; r < bh - 1; r++) {
            mvaddstr(y + r, x, gl->vline);
            mvaddstr(y + r, x + bw - 1, gl->vline);
        }
        move(y, x + 2);
        put_clipped(title, strlen(title), bw - 4);
        attrset(0);
        for (int r = 0; r < inner; r++) {
            size_t i = first + (size_t)r;
            if (i >= n)
                break;
            attrset(select && i == cur ? A_REVERSE : 0);
            move(y + 1 + r, x + 1);
            int used = put_clipped(" ", 1, bw - 2);
            used += put_clipped(lines[i], strlen(lines[i]), bw - 3);
            for (; used < bw - 2; used++)
                addch(' ');
        }
        attrset(0);
        if (notes && cur < n && notes[cur]) { /* the selected line's details */
            move(a->rows - 1, 0);
            attrset(A_REVERSE);
            int used = put_clipped(notes[cur], strlen(notes[cur]), a->cols);
            for (; used < a->cols; used++)
                addch(' ');
            attrset(0);
        }
        refresh();
        int key = getch();
        if (terminate)
            return -1;
        if (key == KEY_RESIZE) {
            geometry(a);
            relayout(a);
            continue;
        }
        gn_action act = gn_action_for_key(key);
        if (key == 27 || key == 'q' || (!select && act != GN_ACT_DOWN && act != GN_ACT_UP &&
                                        act != GN_ACT_PAGE_DOWN && act != GN_ACT_PAGE_UP))
            return -1;
        size_t page = inner > 1 ? (size_t)inner - 1 : 1;
        size_t last = n ? n - 1 : 0;
        if (!select) /* scroll the text rather than move a cursor */
            cur = first + (size_t)(inner > 0 ? inner - 1 : 0);
        switch (act) {
        case GN_ACT_DOWN:
            cur = cur < last ? cur + 1 : last;
            break;
        case GN_ACT_UP:
            if (!select)
                cur = first;
            cur = cur > 0 ? cur - 1 : 0;
            break;
        case GN_ACT_PAGE_DOWN:
            cur = cur + page < last ? cur + page : last;
            break;
        case GN_ACT_PAGE_UP:
            cur = select ? (cur > page ? cur - page : 0) : (first > page ? first - page : 0);
            break;
        case GN_ACT_ENTER:
            if (select)
                return (long)cur;
            break;
        default:
            break;
        }
    }
}

/* Let the reader choose a locale: each with its guide title in its own
 * language. Returns the index, or -1. */
static long choose_locale(app *a, const char *title, size_t current)
{
    size_t n = a->set->n;
    char **lines = gn_xcalloc(n, sizeof *lines);
    gn_guide *cur = current_guide(a);
    char *id = gn_xstrdup(cur ? cur->id : source(a)->nguides ? source(a)->guides[0].id : "");
    for (size_t i = 0; i < n; i++) {
        gn_source *s = &a->set->v[i];
        gn_guide *g = gn_source_guide(s, id);
        const char *guide_title = g ? gn_guide_title(g) : NULL; /* the TOC's list unread */
        lines[i] = gn_xasprintf("%-7s %s", s->tag,
                                !g ? "(no such guide)" : g->toc_error ? "(unreadable TOC)" : guide_title);
    }
    free(id);
    long choice = modal_list(a, title, lines, n, current, true, NULL);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    return choice;
}

static void language_switcher(app *a)
{
    long choice = choose_locale(a, "Language", a->loc);
    if (choice >= 0)
        switch_locale(a, (size_t)choice);
}

/* Read the open page again (it may have been edited), keeping the place;
 * a page deleted meanwhile stays on screen, with a message. */
static void reload(app *a)
{
    if (!a->page) {
        say(a, "%s", "No page to reload.");
        return;
    }
    char *path = page_file(a, source(a));
    bool gone = a->have_page && path && !gn_is_file(path);
    free(path);
    if (gone) {
        say(a, "%s", "The page's file was deleted; this is the copy read before.");
        return;
    }
    size_t line = line_at_top(a);
    load_page(a);
    a->top = 0;
    scroll_to(a, row_for_line(a, line));
    say(a, "%s", "Reloaded.");
}

/* Keep the current locale's line at the top across a relayout. */
static void relayout_keeping_place(app *a)
{
    size_t line = line_at_top(a);
    relayout(a);
    a->top = 0;
    scroll_to(a, row_for_line(a, line));
}

/* The second locale by default: English when reading another locale,
 * else the next one. */
static size_t default_right(const app *a)
{
    for (size_t i = 0; i < a->set->n; i++)
        if (i != a->loc && strcmp(a->set->v[i].tag, "en") == 0)
            return i;
    return a->set->n > 1 ? (a->loc + 1) % a->set->n : a->loc;
}

static void toggle_compare(app *a)
{
    if (!a->page) {
        say(a, "%s", "Open a page first: c compares it with another locale.");
        return;
    }
    if (a->set->n < 2 && !a->compare) {
        say(a, "%s", "Only one locale: nothing to compare with.");
        return;
    }
    size_t line = line_at_top(a);
    a->compare = !a->compare;
    if (a->compare && a->right_loc == a->loc)
        a->right_loc = default_right(a);
    load_right(a);
    update_staleness(a);
    relayout(a);
    a->top = 0;
    scroll_to(a, row_for_line(a, line));
}

static void right_switcher(app *a)
{
    long choice = choose_locale(a, "Second locale", a->right_loc);
    if (choice < 0)
        return;
    a->right_loc = (size_t)choice;
    if (!a->compare) {
        toggle_compare(a);
        return;
    }
    load_right(a);
    update_staleness(a);
    relayout_keeping_place(a);
}

static void help_screen(app *a)
{
    size_t n = GN_ACT_COUNT - 1;
    char **lines = gn_xcalloc(n, sizeof *lines);
    char *keys[GN_ACT_COUNT] = {NULL}; /* from the bindings (actions.c) */
    int kw = 0;
    for (size_t i = 1; i < GN_ACT_COUNT; i++) {
        keys[i] = gn_action_keys((gn_action)i);
        int w = (int)strlen(keys[i]);
        if (w > kw)
            kw = w;
    }
    for (size_t i = 1; i < GN_ACT_COUNT; i++) {
        lines[i - 1] = gn_xasprintf("%-*s  %s", kw, keys[i], gn_action_table[i].help);
        free(keys[i]);
    }
    modal_list(a, "Keys (any other key closes)", lines, n, 0, false, NULL);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

/* ---- prompts ----------------------------------------------------------- */

/* Read a line of text in the status line after label. changed (when not
 * NULL) is called after every edit, as the reader types. Returns the text
 * (newly allocated) on Enter, NULL on Esc. */
static char *prompt(app *a, const char *label, void (*changed)(app *, const char *, void *),
                    void *ctx)
{
    gn_buf text = GN_BUF_INIT;
    gn_buf_adds(&text, "");
    for (;;) {
        draw_quiet(a);
        move(a->rows - 1, 0);
        attrset(A_REVERSE);
        gn_buf line = GN_BUF_INIT;
        gn_buf_addf(&line, "%s%s", label, text.data);
        int used = put_clipped(line.data, line.len, a->cols - 1);
        gn_buf_free(&line);
        attrset(0);
        addch(' ' | A_REVERSE);
        used++;
        for (; used < a->cols; used++)
            addch(' ');
        refresh();
        wint_t wc;
        int kind = get_wch(&wc);
        if (terminate || kind == ERR)
            break;
        if (kind == KEY_CODE_YES) {
            if (wc == KEY_RESIZE) {
                geometry(a);
                relayout(a);
                continue;
            }
            if (wc != KEY_BACKSPACE)
                continue;
            wc = 127;
        }
        if (wc == 27)
            break;
        if (wc == '\n' || wc == '\r')
            return gn_buf_take(&text);
        if (wc == 127 || wc == 8) {
            while (text.len > 0 && ((unsigned char)text.data[text.len - 1] & 0xC0) == 0x80)
                text.len--;
            if (text.len > 0)
                text.len--;
            text.data[text.len] = '\0';
        } else if (wc >= 32) {
            gn_utf8_encode(&text, (int32_t)wc);
        } else {
            continue;
        }
        if (changed)
            changed(a, text.data, ctx);
    }
    gn_buf_free(&text);
    return NULL;
}

/* The tree filter, as the reader types: the best match selected. */
static void filter_changed(app *a, const char *text, void *ctx)
{
    (void)ctx;
    size_t best = gn_tree_filter(&a->tree, text);
    size_t row = best != GN_NONE ? gn_tree_row_of(&a->tree, best) : GN_NONE;
    a->cursor = row != GN_NONE ? row : 0;
}

/* End the tree filter, keeping the selected entry selected. */
static void end_filter(app *a)
{
    gn_tree *t = &a->tree;
    size_t item = a->cursor < t->nrows ? t->rows[a->cursor] : GN_NONE;
    gn_tree_filter(t, NULL);
    if (item != GN_NONE) {
        gn_tree_reveal(t, item);
        size_t row = gn_tree_row_of(t, item);
        a->cursor = row != GN_NONE ? row : 0;
    }
}

static void tree_filter(app *a)
{
    for (size_t i = 0; i < a->tree.n; i++)
        if (a->tree.items[i].unlisted) { /* the filter looks at every guide */
            rebuild_tree(a, ALL_GUIDES);
            break;
        }
    char *text = prompt(a, "Filter: ", filter_changed, NULL);
    if (!text)
        end_filter(a);
    else if (!*text)
        end_filter(a);
    else if (a->tree.nrows == 0)
        say(a, "Nothing matches %s.", text);
    else
        say(a, "Filtered by \"%s\": Esc shows every entry.", text);
    free(text);
}

/* ---- in-page search ------------------------------------------------------ */

static void clear_hits(app *a)
{
    gn_hits_free(a->hits, a->nhits);
    a->hits = NULL;
    a->nhits = 0;
    a->hit = -1;
}

/* Find the query's matches in the page as laid out now. */
static void find_hits(app *a)
{
    clear_hits(a);
    if (a->have_query)
        a->nhits = gn_doc_search(&a->doc, &a->query, &a->hits);
}

/* Show match h: scroll so its first line is in view, a third down. */
static void show_hit(app *a, long h)
{
    a->hit = h;
    size_t row = row_for_line(a, a->hits[h].pieces[0].line);
    if (row < a->top || row >= a->top + (size_t)a->body_h)
        scroll_to(a, row > (size_t)a->body_h / 3 ? row - (size_t)a->body_h / 3 : 0);
    char count[64];
    snprintf(count, sizeof count, "%ld/%zu", h + 1, a->nhits);
    say(a, "%s", count);
}

/* The next match after the current one (or after the top of the screen),
 * going backward when back is true; wraps around with a message. */
static void next_hit(app *a, bool back)
{
    if (!a->have_query) {
        say(a, "%s", "No search yet: / searches forward, ? backward.");
        return;
    }
    if (a->nhits == 0) {
        say(a, "Not found: %s", a->query.typed);
        return;
    }
    long n = (long)a->nhits, h = a->hit;
    if (h < 0) { /* from the top of the screen */
        h = back ? n : -1;
        for (long k = 0; k < n; k++) {
            size_t row = row_for_line(a, a->hits[k].pieces[0].line);
            if (row >= a->top) {
                h = back ? k : k - 1;
                break;
            }
        }
    }
    long next = back ? h - 1 : h + 1;
    bool wrapped = next < 0 || next >= n;
    next = (next + n) % n;
    show_hit(a, next);
    if (wrapped) {
        char msg[96];
        snprintf(msg, sizeof msg, "%ld/%zu, search wrapped to the %s", next + 1, a->nhits,
                 back ? "bottom" : "top");
        say(a, "%s", msg);
    }
}

static void search_page(app *a, bool back)
{
    char *text = prompt(a, back ? "?" : "/", NULL, NULL);
    if (!text)
        return;
    if (!*text && !a->have_query) {
        free(text);
        return;
    }
    if (*text) { /* an empty query repeats the last one */
        if (a->have_query)
            gn_query_free(&a->query);
        a->have_query = gn_query_init(&a->query, text);
        find_hits(a);
    }
    a->backward = back;
    a->hit = -1;
    next_hit(a, back);
    free(text);
}

/* ---- guide-wide and all-locale search ------------------------------------ */

static const char *scope_name(gn_scope s)
{
    return s.all_locales ? "all locales" : s.all_guides ? "all guides of this locale" : "this guide";
}

/* Open result r: its locale, its page, the match highlighted. */
static void open_found(app *a, const gn_found *r, const char *query)
{
    char *guide = gn_xstrdup(r->guide), *page = gn_xstrdup(r->page);
    size_t par = r->par, nth = r->nth;
    if (r->loc != a->loc)
        switch_locale(a, r->loc);
    navigate(a, guide, page);
    a->focus = FOCUS_PAGER;
    geometry(a);
    relayout(a);
    if (a->have_query)
        gn_query_free(&a->query);
    a->have_query = gn_query_init(&a->query, query);
    find_hits(a);
    for (size_t h = 0, k = 0; h < a->nhits; h++)
        if (a->hits[h].par == par && k++ == nth) {
            show_hit(a, (long)h);
            break;
        }
    free(guide);
    free(page);
}

/* Open result r of the search for query (copies of both are used: the
 * finder's results move when it goes on). */
static void open_result(app *a, const gn_found *r, const char *query)
{
    char *q = gn_xstrdup(query);
    gn_found pick = *r;
    pick.guide = gn_xstrdup(pick.guide);
    pick.page = gn_xstrdup(pick.page);
    open_found(a, &pick, q);
    free(pick.guide);
    free(pick.page);
    free(q);
}

/* The search box: results as the reader types, in steps so keys are never
 * kept waiting; Tab widens the scope; Up and Down choose; Enter opens. */
static void search_all(app *a)
{
    if (!a->finder) {
        a->finder = gn_finder_new(a->set);
        gn_finder_use_disk(a->finder, a->cache_dir);
    }
    gn_guide *g = current_guide(a);
    char *guide = gn_xstrdup(g ? g->id : source(a)->nguides ? source(a)->guides[0].id : "");
    gn_buf q = GN_BUF_INIT;
    gn_buf_adds(&q, "");
    size_t cur = 0, first = 0;
    bool busy = false, pending = false; /* pending: Enter came before a result */
    for (;;) {
        size_t n, done, total;
        const gn_found *r = gn_finder_results(a->finder, &n);
        gn_finder_progress(a->finder, &done, &total);
        if (pending && n) {
            open_result(a, &r[0], q.data);
            break;
        }
        /* Draw: the results in the pager's place, the query below. */
        draw_quiet(a);
        int h = a->body_h;
        if (cur >= n)
            cur = n ? n - 1 : 0;
        if (cur < first)
            first = cur;
        if (h > 0 && cur >= first + (size_t)h)
            first = cur - (size_t)h + 1;
        for (int row = 0; row < h; row++) {
            move(row, 0);
            clrtoeol();
            size_t i = first + (size_t)row;
            if (i >= n)
                continue;
            gn_buf line = GN_BUF_INIT;
            gn_buf_addf(&line, " %-6s %s │ ", a->set->v[r[i].loc].tag, r[i].title ? r[i].title : r[i].page);
            attrset(i == cur ? A_REVERSE : 0);
            int used = put_clipped(line.data, line.len, a->cols);
            const char *ex = r[i].excerpt;
            used += put_clipped(ex, r[i].moff, a->cols - used);
            attrset((i == cur ? A_REVERSE : 0) | A_BOLD | A_UNDERLINE);
            used += put_clipped(ex + r[i].moff, r[i].mlen, a->cols - used);
            attrset(i == cur ? A_REVERSE : 0);
            used += put_clipped(ex + r[i].moff + r[i].mlen, strlen(ex + r[i].moff + r[i].mlen),
                                a->cols - used);
            for (; i == cur && used < a->cols; used++)
                addch(' ');
            attrset(0);
            gn_buf_free(&line);
        }
        gn_buf status = GN_BUF_INIT;
        gn_buf_addf(&status, "Search %s: %s", scope_name(a->scope), q.data);
        char right[96];
        snprintf(right, sizeof right, "  %zu matches, %zu/%zu pages  Tab: scope ", n, done, total);
        move(a->rows - 1, 0);
        attrset(A_REVERSE);
        int used = put_clipped(status.data, status.len, a->cols);
        for (; used < a->cols; used++)
            addch(' ');
        int rw = gn_text_width(right, strlen(right));
        if (rw < a->cols - 20)
            mvaddstr(a->rows - 1, a->cols - rw, right);
        attrset(0);
        gn_buf_free(&status);
        refresh();
        /* Keys first; search in steps while none is waiting. */
        timeout(busy ? 0 : -1);
        wint_t wc;
        int kind = get_wch(&wc);
        timeout(-1);
        if (terminate)
            break;
        if (kind == ERR) {
            busy = !gn_finder_step(a->finder, 8);
            continue;
        }
        bool changed = false;
        if (kind == KEY_CODE_YES) {
            if (wc == KEY_DOWN)
                cur = cur + 1 < n ? cur + 1 : cur;
            else if (wc == KEY_UP)
                cur = cur > 0 ? cur - 1 : 0;
            else if (wc == KEY_NPAGE)
                cur = cur + (size_t)h < n ? cur + (size_t)h : (n ? n - 1 : 0);
            else if (wc == KEY_PPAGE)
                cur = cur > (size_t)h ? cur - (size_t)h : 0;
            else if (wc == KEY_RESIZE) {
                geometry(a);
                relayout(a);
            } else if (wc == KEY_BACKSPACE && q.len) {
                wc = 127;
                kind = OK;
            } else if (wc == KEY_BTAB) {
                wc = '\t';
                kind = OK;
            }
        }
        if (kind == OK) {
            if (wc == 27)
                break;
            if (wc == '\n' || wc == '\r') {
                if (n) {
                    open_result(a, &r[cur], q.data);
                    break;
                }
                pending = busy; /* open the first result when it comes */
                continue;
            }
            if (wc == '\t') { /* this guide, all guides, all locales */
                a->scope = !a->scope.all_guides ? (gn_scope){true, false}
                         : !a->scope.all_locales ? (gn_scope){true, true}
                         : (gn_scope){false, false};
                changed = true;
            } else if (wc == 127 || wc == 8) {
                while (q.len > 0 && ((unsigned char)q.data[q.len - 1] & 0xC0) == 0x80)
                    q.len--;
                if (q.len > 0)
                    q.len--;
                q.data[q.len] = '\0';
                changed = true;
            } else if (wc >= 32) {
                gn_utf8_encode(&q, (int32_t)wc);
                changed = true;
            }
        }
        if (changed) {
            busy = gn_finder_start(a->finder, q.data, a->scope, a->loc, guide);
            cur = first = 0;
            pending = false;
        }
    }
    gn_buf_free(&q);
    free(guide);
    gn_error err;
    if (gn_finder_save(a->finder, &err) != 0)
        say(a, "search cache not saved: %s", err.msg);
}

/* ---- bookmarks and the saved place --------------------------------------- */

/* Remember where the reader is in spot. */
static void here(app *a, gn_spot *spot)
{
    gn_spot_set(spot, source(a)->tag, a->guide, a->page, line_at_top(a));
}

/* Save the state file; false (with a message in err) when it failed. */
static bool save_state(app *a, gn_error *err)
{
    if (!a->state_path)
        return true;
    if (a->page)
        here(a, &a->state.last);
    a->state.compare = a->compare;
    free(a->state.right_locale);
    a->state.right_locale = gn_xstrdup(a->set->v[a->right_loc].tag);
    return gn_state_save(a->state_path, &a->state, err) == 0;
}

/* Go to a saved spot: its locale, its page, its line. */
static void go_spot(app *a, const gn_spot *spot)
{
    gn_source *src = spot->locale ? gn_localeset_find(a->set, spot->locale) : NULL;
    if (src && src != source(a))
        switch_locale(a, (size_t)(src - a->set->v));
    char *guide = spot->guide ? gn_xstrdup(spot->guide) : NULL;
    char *page = gn_xstrdup(spot->page);
    size_t top = spot->top;
    navigate(a, guide, page);
    scroll_to(a, row_for_line(a, top));
    free(guide);
    free(page);
}

/* The letter after m or ': a bookmark's index, or -1. A resize meanwhile
 * is followed, and the letter still awaited. */
static int read_mark(app *a, const char *what)
{
    int key;
    for (;;) {
        say(a, "%s", what);
        draw(a);
        key = getch();
        if (key != KEY_RESIZE || terminate)
            break;
        geometry(a);
        relayout(a);
    }
    a->message[0] = '\0';
    return key >= 'a' && key <= 'z' ? key - 'a' : -1;
}

static void set_mark(app *a)
{
    if (!a->page) {
        say(a, "%s", "Open a page first: m marks a place in it.");
        return;
    }
    int m = read_mark(a, "Bookmark: press a letter (a-z) to set it here");
    if (m < 0)
        return;
    here(a, &a->state.marks[m]);
    gn_error err;
    if (!save_state(a, &err))
        say(a, "Bookmark set, but not saved: %s", err.msg);
    else
        say(a, "Bookmark %s set.", (char[]){(char)('a' + m), '\0'});
}

static void jump_mark(app *a)
{
    int m = read_mark(a, "Go to bookmark: press its letter");
    if (m < 0)
        return;
    if (!a->state.marks[m].page) {
        say(a, "No bookmark %s: m and a letter sets one.", (char[]){(char)('a' + m), '\0'});
        return;
    }
    go_spot(a, &a->state.marks[m]);
    a->focus = FOCUS_PAGER;
    geometry(a);
}

static void marks_list(app *a)
{
    char *lines[26];
    int which[26];
    size_t n = 0;
    for (int m = 0; m < 26; m++) {
        const gn_spot *s = &a->state.marks[m];
        if (!s->page)
            continue;
        char *page = s->guide && *s->guide ? gn_path_join(s->guide, s->page) : gn_xstrdup(s->page);
        lines[n] = gn_xasprintf("%c  %-6s %s, line %zu", 'a' + m, s->locale ? s->locale : "",
                                page, s->top + 1);
        which[n++] = m;
        free(page);
    }
    if (n == 0) {
        say(a, "%s", "No bookmarks yet: m and a letter sets one.");
        return;
    }
    long choice = modal_list(a, "Bookmarks", lines, n, 0, true, NULL);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    if (choice >= 0) {
        go_spot(a, &a->state.marks[which[choice]]);
        a->focus = FOCUS_PAGER;
        geometry(a);
    }
}

/* Read the state file and go back to where the reader quit. */
static void restore_state(app *a)
{
    gn_error err;
    if (!a->state_path)
        return;
    if (gn_state_load(a->state_path, &a->state, &err) != 0) {
        say(a, "Ignoring the saved state: %s", err.msg); /* reported once */
        return;
    }
    const gn_spot *last = &a->state.last;
    if (!last->page)
        return;
    gn_source *right = a->state.right_locale ? gn_localeset_find(a->set, a->state.right_locale) : NULL;
    if (right)
        a->right_loc = (size_t)(right - a->set->v);
    a->compare = a->state.compare && a->set->n > 1 && a->right_loc != a->loc;
    gn_spot spot = {NULL, NULL, NULL, 0};
    gn_spot_set(&spot, last->locale, last->guide, last->page, last->top);
    go_spot(a, &spot);
    free(spot.locale);
    free(spot.guide);
    free(spot.page);
    a->focus = FOCUS_PAGER;
    geometry(a);
    relayout(a);
    scroll_to(a, row_for_line(a, last->top));
}

/* ---- actions ----------------------------------------------------------- */

static void tree_enter(app *a)
{
    gn_tree *t = &a->tree;
    if (a->cursor >= t->nrows)
        return;
    size_t item = t->rows[a->cursor];
    const gn_tree_item *it = &t->items[item];
    const gn_toc_entry *e = gn_tree_entry(t, item);
    if (!e || e->kind == GN_TOC_GROUP) {
        set_expanded(a, item, !it->expanded);
    } else if (e->kind == GN_TOC_EXTERNAL) {
        say(a, "External link: %s", e->target);
    } else {
        char *id = gn_xstrdup(t->src->guides[it->guide].id);
        navigate(a, id, e->target);
        free(id);
        a->focus = FOCUS_PAGER;
        geometry(a);
        relayout(a);
    }
}

static void tree_action(app *a, gn_action act)
{
    gn_tree *t = &a->tree;
    size_t last = t->nrows ? t->nrows - 1 : 0;
    size_t page = a->body_h > 1 ? (size_t)a->body_h - 1 : 1;
    size_t item = a->cursor < t->nrows ? t->rows[a->cursor] : GN_NONE;
    switch (act) {
    case GN_ACT_DOWN:
        a->cursor = a->cursor < last ? a->cursor + 1 : last;
        break;
    case GN_ACT_UP:
        a->cursor = a->cursor > 0 ? a->cursor - 1 : 0;
        break;
    case GN_ACT_PAGE_DOWN:
        a->cursor = a->cursor + page < last ? a->cursor + page : last;
        break;
    case GN_ACT_PAGE_UP:
        a->cursor = a->cursor > page ? a->cursor - page : 0;
        break;
    case GN_ACT_HALF_DOWN:
        a->cursor = a->cursor + page / 2 < last ? a->cursor + page / 2 : last;
        break;
    case GN_ACT_HALF_UP:
        a->cursor = a->cursor > page / 2 ? a->cursor - page / 2 : 0;
        break;
    case GN_ACT_TOP:
        a->cursor = 0;
        break;
    case GN_ACT_BOTTOM:
        a->cursor = last;
        break;
    case GN_ACT_ENTER:
        tree_enter(a);
        break;
    case GN_ACT_SEARCH:
        tree_filter(a);
        break;
    case GN_ACT_SEARCH_BACK: /* ? in the tree: the keys */
        help_screen(a);
        break;
    case GN_ACT_ESCAPE:
        if (t->filtering)
            end_filter(a);
        break;
    case GN_ACT_NEXT_LINK: /* Tab: from the tree to the pager */
    case GN_ACT_PREV_LINK:
        a->focus = FOCUS_PAGER;
        geometry(a);
        break;
    case GN_ACT_EXPAND:
        if (item != GN_NONE)
            set_expanded(a, item, true);
        break;
    case GN_ACT_COLLAPSE:
        if (item == GN_NONE)
            break;
        if (t->items[item].has_children && t->items[item].expanded) {
            gn_tree_set_expanded(t, item, false);
        } else {
            size_t parent = gn_tree_parent(t, item);
            size_t row = parent != GN_NONE ? gn_tree_row_of(t, parent) : GN_NONE;
            if (row != GN_NONE)
                a->cursor = row;
        }
        break;
    default:
        break;
    }
}

/* Select the next (dir 1) or previous (dir -1) link, scrolling to it. */
static void select_link(app *a, int dir)
{
    const gn_doc *d = &a->doc;
    if (d->nlinks == 0) {
        say(a, "%s", "No links in this page.");
        return;
    }
    long i = a->link;
    if (i < 0) {
        /* Start from the first link on screen (or the last above it). */
        i = dir > 0 ? -1 : (long)d->nlinks;
        for (size_t k = 0; k < d->nlinks; k++)
            if (d->links[k].line >= a->top) {
                i = dir > 0 ? (long)k - 1 : (long)k;
                break;
            }
    }
    for (long k = i + dir; k >= 0 && (size_t)k < d->nlinks; k += dir) {
        if (d->links[k].line == (size_t)-1)
            continue; /* a link whose text was not laid out */
        a->link = k;
        size_t line = row_for_line(a, d->links[k].line);
        if (line < a->top || line >= a->top + (size_t)a->body_h)
            scroll_to(a, line > (size_t)a->body_h / 2 ? line - (size_t)a->body_h / 2 : 0);
        say(a, "Link: %s", d->links[k].url);
        return;
    }
    say(a, "%s", dir > 0 ? "No more links below." : "No more links above.");
}

static void pager_action(app *a, gn_action act)
{
    size_t page = a->body_h > 1 ? (size_t)a->body_h - 1 : 1;
    switch (act) {
    case GN_ACT_DOWN:
        scroll_to(a, a->top + 1);
        break;
    case GN_ACT_UP:
        scroll_to(a, a->top > 0 ? a->top - 1 : 0);
        break;
    case GN_ACT_PAGE_DOWN:
        scroll_to(a, a->top + page);
        break;
    case GN_ACT_PAGE_UP:
        scroll_to(a, a->top > page ? a->top - page : 0);
        break;
    case GN_ACT_HALF_DOWN:
        scroll_to(a, a->top + (size_t)a->body_h / 2);
        break;
    case GN_ACT_HALF_UP:
        scroll_to(a, a->top > (size_t)a->body_h / 2 ? a->top - (size_t)a->body_h / 2 : 0);
        break;
    case GN_ACT_TOP:
        scroll_to(a, 0);
        break;
    case GN_ACT_BOTTOM:
        scroll_to(a, max_top(a));
        break;
    case GN_ACT_ENTER:
        if (a->link >= 0 && (size_t)a->link < a->doc.nlinks) {
            char *url = gn_xstrdup(a->doc.links[a->link].url);
            follow(a, url);
            free(url);
        } else {
            say(a, "%s", "No link selected: ] and [ select links.");
        }
        break;
    case GN_ACT_NEXT_LINK:
        select_link(a, 1);
        break;
    case GN_ACT_PREV_LINK:
        select_link(a, -1);
        break;
    case GN_ACT_SEARCH:
        search_page(a, false);
        break;
    case GN_ACT_SEARCH_BACK:
        search_page(a, true);
        break;
    case GN_ACT_NEXT_MATCH:
        next_hit(a, a->backward);
        break;
    case GN_ACT_PREV_MATCH:
        next_hit(a, !a->backward);
        break;
    case GN_ACT_COLLAPSE: /* h, Left: back to the tree */
        a->focus = FOCUS_TREE;
        geometry(a);
        break;
    default:
        break;
    }
}

/* The TOC matrix of the open guide: one row per entry of any locale, one
 * column per locale. Enter opens a page side by side. */
static void matrix_view(app *a)
{
    gn_guide *g = current_guide(a);
    const char *id = g ? g->id : source(a)->nguides ? source(a)->guides[0].id : "";
    char *guide = gn_xstrdup(id);
    gn_matrix m;
    gn_error err;
    if (gn_matrix_build(&m, a->set, guide, a->reference, reference_repo(a), &err) != 0) {
        say(a, "%s", err.msg);
        free(guide);
        return;
    }
    /* Columns: the entry (indented title), then each locale's mark. */
    int tw = 0;
    for (size_t r = 0; r < m.nrows; r++) {
        int w = m.rows[r].depth * 2 + gn_text_width(m.rows[r].title, strlen(m.rows[r].title));
        if (w > tw)
            tw = w;
    }
    if (tw > 44)
        tw = 44;
    char *legend = gn_xasprintf("TOC matrix: %s present, %s missing file, · absent, * stale, %s commits differ",
                                a->ascii ? "+" : "✓", a->ascii ? "x" : "✗", a->ascii ? "!=" : "≠");
    /* Line 0: the locales above their columns; then one line per row. */
    char **lines = gn_xcalloc(m.nrows + 1, sizeof *lines);
    gn_buf head = GN_BUF_INIT;
    gn_buf_addf(&head, "%*s", tw, "");
    for (size_t l = 0; l < a->set->n; l++)
        gn_buf_addf(&head, " %s", a->set->v[l].tag);
    lines[0] = gn_buf_take(&head);
    for (size_t r = 0; r < m.nrows; r++) {
        const gn_matrix_row *row = &m.rows[r];
        gn_buf b = GN_BUF_INIT;
        gn_buf_addf(&b, "%*s", row->depth * 2, "");
        size_t fit = gn_text_fit(row->title, strlen(row->title), tw - row->depth * 2);
        gn_buf_add(&b, row->title, fit);
        int used = row->depth * 2 + gn_text_width(row->title, fit);
        gn_buf_addf(&b, "%*s", tw - used, "");
        for (size_t l = 0; l < a->set->n; l++) {
            const gn_matrix_cell *c = &row->cells[l];
            const char *mark = c->state == GN_CELL_ABSENT ? "·"
                             : c->state == GN_CELL_NOFILE ? (a->ascii ? "x" : "✗")
                             : (a->ascii ? "+" : "✓");
            int tagw = (int)strlen(a->set->v[l].tag);
            gn_buf_addf(&b, " %s%s%*s", mark, c->stale == GN_STALE_STALE ? "*" : " ",
                        tagw > 2 ? tagw - 2 : 0, "");
        }
        if (row->commit_differs)
            gn_buf_adds(&b, a->ascii ? " !=" : " ≠");
        lines[r + 1] = gn_buf_take(&b);
    }
    /* Each row's front matter per locale, shown while it is selected. */
    char **notes = gn_xcalloc(m.nrows + 1, sizeof *notes);
    for (size_t r = 0; r < m.nrows; r++) {
        if (m.rows[r].kind != GN_TOC_PAGE)
            continue;
        gn_buf b = GN_BUF_INIT;
        gn_buf_addf(&b, " %s", m.rows[r].key);
        for (size_t l = 0; l < a->set->n; l++) {
            const gn_matrix_cell *c = &m.rows[r].cells[l];
            if (c->state != GN_CELL_OK)
                continue;
            gn_buf_addf(&b, " │ %s", a->set->v[l].tag);
            if (c->ht_degree)
                gn_buf_addf(&b, " ht %s", c->ht_degree);
            if (c->workflow)
                gn_buf_addf(&b, " %s", c->workflow);
            if (c->commit)
                gn_buf_addf(&b, " %.7s", c->commit);
            if (c->wordcount)
                gn_buf_addf(&b, " %s words", c->wordcount);
            if (c->stale != GN_STALE_UNKNOWN)
                gn_buf_addf(&b, " %s", gn_stale_name(c->stale));
        }
        char *safe = gn_text_sanitized(b.data);
        notes[r + 1] = safe;
        gn_buf_free(&b);
    }
    long choice = modal_list(a, legend, lines, m.nrows + 1, 1, true, notes) - 1;
    for (size_t r = 0; r <= m.nrows; r++)
        free(notes[r]);
    free(notes);
    if (choice >= 0 && m.rows[choice].kind == GN_TOC_PAGE) {
        char *page = gn_xstrdup(m.rows[choice].key);
        if (!a->compare && a->set->n > 1) {
            a->compare = true;
            if (a->right_loc == a->loc)
                a->right_loc = default_right(a);
        }
        navigate(a, guide, page);
        a->focus = FOCUS_PAGER;
        geometry(a);
        relayout(a);
        free(page);
    } else if (choice >= 0) {
        say(a, "%s", "Not a page: Enter opens page rows.");
    }
    for (size_t r = 0; r <= m.nrows; r++)
        free(lines[r]);
    free(lines);
    free(legend);
    gn_matrix_free(&m);
    free(guide);
}

/* The reference page's changes since the compared translation was made. */
static void diff_view(app *a)
{
    gn_source *src;
    const gn_page *pg;
    if (!a->page || !compared_translation(a, &src, &pg)) {
        say(a, "Compare a translation with %s first (c), then D shows what changed.", a->reference);
        return;
    }
    gn_repo *repo = reference_repo(a);
    const char *commit = gn_meta_get(&pg->meta, "source-git-commit");
    char *ref_path = page_file(a, gn_localeset_find(a->set, a->reference));
    gn_error err;
    char *diff = repo && ref_path ? gn_repo_diff(repo, ref_path, commit, &err) : NULL;
    if (!diff) {
        say(a, "Changes unknown: %s", repo ? err.msg : "the reference locale is not a git checkout");
    } else if (!*diff) {
        say(a, "%s", "The reference page has not changed since this translation was made.");
    } else {
        gn_buf safe = GN_BUF_INIT;
        gn_text_sanitize(&safe, diff, strlen(diff));
        size_t n = 0;
        char **lines = NULL;
        for (char *p = safe.data; p && *p;) {
            size_t len = strcspn(p, "\n");
            lines = gn_xreallocarray(lines, n + 1, sizeof *lines);
            lines[n++] = gn_xstrndup(p, len);
            p += len + (p[len] == '\n');
        }
        char *title = gn_xasprintf("Changes to the %s page since %.10s (%s)", a->reference,
                                   commit ? commit : "?", src->tag);
        modal_list(a, title, lines, n, 0, false, NULL);
        for (size_t i = 0; i < n; i++)
            free(lines[i]);
        free(lines);
        free(title);
        gn_buf_free(&safe);
    }
    free(diff);
    free(ref_path);
}

/* Copy the selected link's URL (or the open page's path) to the
 * terminal's clipboard with OSC 52, when that is on. */
static void copy_link(app *a)
{
    const char *what = a->link >= 0 && (size_t)a->link < a->doc.nlinks
                           ? a->doc.links[a->link].url
                           : a->have_page ? a->pg.path : NULL;
    if (!what) {
        say(a, "%s", "Nothing to copy: select a link with Tab.");
        return;
    }
    if (a->secure) {
        say(a, "%s", "Copying is off: GUIDENAV_SECURE is set.");
        return;
    }
    if (!a->osc52) {
        say(a, "%s", "Copying is off: start guidenav with --osc52 if your terminal accepts OSC 52.");
        return;
    }
    gn_buf seq = GN_BUF_INIT;
    gn_buf_adds(&seq, "\033]52;c;");
    gn_base64(&seq, what, strlen(what));
    gn_buf_adds(&seq, "\a");
    fflush(stdout);
    if (write(STDOUT_FILENO, seq.data, seq.len) < 0)
        say(a, "%s", "Copying failed.");
    else
        say(a, "Copied: %s", what);
    gn_buf_free(&seq);
}

static void act(app *a, gn_action action)
{
    switch (action) {
    case GN_ACT_QUIT:
        a->quit = true;
        break;
    case GN_ACT_HELP:
        help_screen(a);
        break;
    case GN_ACT_LANGUAGE:
        language_switcher(a);
        break;
    case GN_ACT_COMPARE:
        toggle_compare(a);
        break;
    case GN_ACT_RIGHT_LANG:
        right_switcher(a);
        break;
    case GN_ACT_RELOAD:
        reload(a);
        break;
    case GN_ACT_MATRIX:
        matrix_view(a);
        break;
    case GN_ACT_MARK:
        set_mark(a);
        break;
    case GN_ACT_JUMP:
        jump_mark(a);
        break;
    case GN_ACT_MARKS:
        marks_list(a);
        break;
    case GN_ACT_SEARCH_ALL:
        search_all(a);
        break;
    case GN_ACT_DIFF:
        diff_view(a);
        break;
    case GN_ACT_FOCUS:
        a->focus = a->focus == FOCUS_TREE ? FOCUS_PAGER : FOCUS_TREE;
        geometry(a);
        break;
    case GN_ACT_PANES:
        if (a->cols < TWO_PANES_MIN) {
            say(a, "%s", "Too narrow for the tree beside the pager.");
            break;
        }
        a->panes = a->one_pane ? PANES_TWO : PANES_ONE;
        geometry(a);
        relayout_keeping_place(a);
        break;
    case GN_ACT_BACK:
        go_history(a, false);
        break;
    case GN_ACT_FORWARD:
        go_history(a, true);
        break;
    case GN_ACT_COPY:
        copy_link(a);
        break;
    case GN_ACT_REDRAW:
        clearok(curscr, TRUE);
        break;
    default:
        if (a->focus == FOCUS_TREE)
            tree_action(a, action);
        else
            pager_action(a, action);
        break;
    }
}

/* ---- the loop ---------------------------------------------------------- */

/* Catch up with the terminal's real size: after a storm of resizes the
 * last SIGWINCH may have been taken before the size settled. */
static void follow_terminal_size(app *a)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
        return;
    if (is_term_resized(ws.ws_row, ws.ws_col) || ws.ws_row != a->rows || ws.ws_col != a->cols) {
        if (is_term_resized(ws.ws_row, ws.ws_col))
            resize_term(ws.ws_row, ws.ws_col);
        size_t line = line_at_top(a);
        geometry(a);
        relayout(a);
        a->top = 0;
        scroll_to(a, row_for_line(a, line));
    }
}

static void free_app(app *a)
{
    close_page(a);
    gn_doc_free(&a->doc);
    gn_tree_free(&a->tree);
    free(a->guide);
    free(a->page);
    gn_history_free(&a->history);
    gn_repo_free(a->repo);
    clear_hits(a);
    if (a->have_query)
        gn_query_free(&a->query);
    gn_finder_free(a->finder);
    gn_state_free(&a->state);
    if (a->right_have_page)
        gn_page_free(&a->rpg);
    gn_doc_free(&a->rdoc);
    gn_align_free(&a->align);
}

static void welcome(app *a)
{
    gn_source *src = source(a);
    gn_buf b = GN_BUF_INIT;
    gn_buf_addf(&b, "%zu locale%s: ", a->set->n, a->set->n == 1 ? "" : "s");
    for (size_t i = 0; i < a->set->n; i++)
        gn_buf_addf(&b, "%s%s", i ? ", " : "", a->set->v[i].tag);
    gn_buf_adds(&b, "\n\nChoose a page in the tree and press Enter. Press L to switch "
                    "language, / to filter the tree, S to search, H for every key, q to quit.");
    if (a->tree.errors)
        gn_buf_addf(&b, "\n\n%s", a->tree.errors);
    (void)src;
    a->notice = gn_buf_take(&b);
    relayout(a);
}

int gn_ui_run(gn_localeset *set, const gn_ui_opts *opts, gn_error *err)
{
    app a;
    memset(&a, 0, sizeof a);
    a.set = set;
    a.osc52 = opts->osc52;
    a.reference = opts->reference ? opts->reference : "en";
    a.state_path = opts->state;
    a.cache_dir = opts->cache;
    a.link = -1;
    a.current = GN_NONE;
    a.hit = -1;
    setlocale(LC_ALL, "");
    a.ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
    ascii_terminal = a.ascii;
    a.secure = getenv("GUIDENAV_SECURE") && strcmp(getenv("GUIDENAV_SECURE"), "0") != 0;
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
        return gn_fail(err, "the navigator needs a terminal; to write a page to a file or a "
                            "pipe, use --dump PAGE (or --toc, --search)");
    if (gn_terminal_usable(err) != 0)
        return -1;
    /* Our own SIGTSTP handler, set before curses starts so curses does not
     * install its own; the others end the program cleanly. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_suspend;
    sigaction(SIGTSTP, &sa, NULL);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen)
        return gn_fail(err, "cannot use the terminal (TERM=%s)",
                       getenv("TERM") ? getenv("TERM") : "");
    /* cbreak, not raw: Ctrl-C interrupts (and quits cleanly), Ctrl-Z
     * suspends. */
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    idlok(stdscr, TRUE); /* scroll with the terminal's own line operations */
    curs_set(0);
    set_escdelay(25);
    gn_style_init();

    rebuild_tree(&a, GN_NONE); /* the first guide listed */
    geometry(&a);
    welcome(&a);
    restore_state(&a);
    while (!a.quit && !terminate) {
        if (suspend_asked)
            suspend();
        follow_terminal_size(&a);
        draw(&a);
        int key = getch();
        if (terminate)
            break;
        if (suspend_asked)
            continue;
        if (key == KEY_RESIZE) { /* a resize keeps the message shown */
            long section = a.have_page ? gn_doc_section_at(&a.doc, line_at_top(&a)) : -1;
            geometry(&a);
            relayout(&a);
            a.top = 0;
            if (section >= 0)
                scroll_to(&a, row_for_line(&a, a.doc.headings[section].line));
            continue;
        }
        if (key == ERR)
            continue;
        a.message[0] = '\0';
        act(&a, gn_action_for_key(key));
    }
    gn_error save_err;
    bool saved = save_state(&a, &save_err);
    endwin();
    delscreen(screen);
    free_app(&a);
    if (!saved) /* not fatal: the reader's work is not lost, only the place */
        fprintf(stderr, "guidenav: the place and bookmarks were not saved: %s\n", save_err.msg);
    return 0;
}
