/* matrix.c: a guide's TOC across all its locales (see matrix.h).
 *
 * Locales are merged one after the other, in set order, into a list of rows
 * kept in tree pre-order (every row's subtree is contiguous and a row's
 * depth is its parent row's depth plus one). For each locale:
 *   1. identity matching: a page entry joins the row with the same
 *      normalised target, a group with an anchor the row with that anchor,
 *      an external link the row with the same URL;
 *   2. positional matching, in document order: an entry left over (a group
 *      without anchor, or an external link whose URL matched nothing) joins
 *      the row of the same kind and depth under the same matched parent that
 *      has the same ordinal among the siblings left over after step 1;
 *   3. any other entry becomes a new row, placed after the subtree of the
 *      row of its preceding sibling in this locale (a stable merge), or as
 *      the first child of its parent's row when it has no preceding sibling.
 * Nothing here recurses on the TOC's depth. */
#include <stdlib.h>
#include <string.h>
#include "guidenav/matrix.h"
#include "guidenav/meta.h"
#include "guidenav/qa.h"
#include "guidenav/resolve.h"
#include "guidenav/strmap.h"
#include "guidenav/util.h"

/* A row while the matrix is being merged. Rows never move in `rows`; the
 * display order is a list linked through `next`. */
typedef struct mrow {
    gn_toc_kind kind;
    char *match;   /* page target (normalised), group anchor, or URL; NULL
                      for a group without anchor */
    int depth;
    long parent;   /* row index, or -1 */
    long *entry;   /* per locale: entry index in its TOC, or -1 */
    char *key;     /* the page target, "#anchor" or URL (NULL: positional) */
    long next;     /* the row after this one in display order, or -1 */
} mrow;

typedef struct merge {
    size_t nlocales;
    mrow *rows;
    size_t nrows, cap;
    long first;    /* the first row in display order, or -1 */
} merge;

/* The page target without leading "./", "#fragment" and "?query", newly
 * allocated. */
static char *normal_target(const char *target)
{
    while (target[0] == '.' && target[1] == '/')
        target += 2;
    return gn_xstrndup(target, strcspn(target, "#?"));
}

/* What identity matching compares for entry e (newly allocated), or NULL
 * when e can only be matched by position. */
static char *identity(const gn_toc_entry *e)
{
    switch (e->kind) {
    case GN_TOC_PAGE:
        return normal_target(e->target ? e->target : "");
    case GN_TOC_EXTERNAL:
        return gn_xstrdup(e->target ? e->target : "");
    case GN_TOC_GROUP:
    default:
        return e->anchor ? gn_xstrdup(e->anchor) : NULL;
    }
}

/* The identity-matching key of a row or entry: its kind and match. */
static char *identity_key(gn_toc_kind kind, const char *match)
{
    return gn_xasprintf("%d:%s", (int)kind, match);
}

/* True when entry e may be matched by position (step 2). */
static bool positional_entry(const gn_toc_entry *e)
{
    return e->kind == GN_TOC_EXTERNAL || (e->kind == GN_TOC_GROUP && !e->anchor);
}

/* True when row r may take a positional match. */
static bool positional_row(const mrow *r)
{
    return r->kind == GN_TOC_EXTERNAL || (r->kind == GN_TOC_GROUP && !r->match);
}

/* Create a row for entry e of locale loc, with this parent and depth,
 * after row `after` in display order (first when -1); returns its index. */
static size_t add_row(merge *mg, const gn_toc_entry *e, char *match, long parent,
                      int depth, long after, size_t loc, long entry)
{
    if (mg->nrows == mg->cap) {
        mg->cap = mg->cap ? mg->cap * 2 : 64;
        mg->rows = gn_xreallocarray(mg->rows, mg->cap, sizeof *mg->rows);
    }
    size_t r = mg->nrows++;
    mrow *row = &mg->rows[r];
    memset(row, 0, sizeof *row);
    row->kind = e->kind;
    row->match = match;
    row->depth = depth;
    row->parent = parent;
    row->entry = gn_xreallocarray(NULL, mg->nlocales, sizeof *row->entry);
    for (size_t l = 0; l < mg->nlocales; l++)
        row->entry[l] = -1;
    row->entry[loc] = entry;
    if (e->kind == GN_TOC_GROUP && match)
        row->key = gn_xasprintf("#%s", match);
    else if (match)
        row->key = gn_xstrdup(match);
    long *link = after >= 0 ? &mg->rows[after].next : &mg->first;
    row->next = *link;
    *link = (long)r;
    return r;
}

/* Rows listed per key: heads[k] is the first row of key k not yet taken,
 * rows of one key chained through same[] in row order. */
typedef struct row_lists {
    long *heads, *same;
    size_t n;
} row_lists;

/* Step 1 for locale loc: each entry with an identity takes the first row
 * (in row order) with the same kind and match. Linear: rows are indexed by
 * key once. */
static void match_identities(merge *mg, const gn_toc *toc, char **ident, long *row_of)
{
    gn_strmap index = GN_STRMAP_INIT;
    row_lists keys = {gn_xcalloc(mg->nrows + 1, sizeof(long)),
                      gn_xcalloc(mg->nrows + 1, sizeof(long)), 0};
    long *tails = gn_xcalloc(mg->nrows + 1, sizeof *tails);
    for (size_t r = 0; r < mg->nrows; r++) {
        const mrow *row = &mg->rows[r];
        keys.same[r] = -1;
        if (!row->match)
            continue;
        char *key = identity_key(row->kind, row->match);
        size_t k;
        if (gn_strmap_get(&index, key, &k)) {
            keys.same[tails[k]] = (long)r;
        } else {
            k = keys.n++;
            gn_strmap_put(&index, key, k);
            keys.heads[k] = (long)r;
        }
        tails[k] = (long)r;
        free(key);
    }
    for (size_t i = 0; i < toc->n; i++) {
        if (!ident[i])
            continue;
        char *key = identity_key(toc->entries[i].kind, ident[i]);
        size_t k;
        if (gn_strmap_get(&index, key, &k) && keys.heads[k] >= 0) {
            long r = keys.heads[k];
            keys.heads[k] = keys.same[r];
            row_of[i] = r;
        }
        free(key);
    }
    gn_strmap_free(&index);
    free(keys.heads);
    free(keys.same);
    free(tails);
}

/* The rows free for positional matching in locale loc (not matched in
 * step 1, positional), listed per parent row (index + 1) in display order:
 * the rows of parent p are v[start[p + 1] .. start[p + 2]). */
typedef struct free_rows {
    size_t *start;
    long *v;
    size_t nrows; /* rows when listed: later rows have no free children */
} free_rows;

static free_rows list_free_rows(const merge *mg, size_t loc)
{
    size_t n = mg->nrows;
    free_rows f = {gn_xcalloc(n + 2, sizeof *f.start), gn_xcalloc(n + 1, sizeof *f.v), n};
    for (size_t r = 0; r < n; r++)
        if (mg->rows[r].entry[loc] < 0 && positional_row(&mg->rows[r]))
            f.start[mg->rows[r].parent + 2]++;
    for (size_t p = 1; p < n + 2; p++)
        f.start[p] += f.start[p - 1];
    size_t *fill = gn_xcalloc(n + 1, sizeof *fill);
    for (long r = mg->first; r >= 0; r = mg->rows[r].next)
        if (mg->rows[r].entry[loc] < 0 && positional_row(&mg->rows[r])) {
            long p = mg->rows[r].parent;
            f.v[f.start[p + 1] + fill[p + 1]++] = r;
        }
    free(fill);
    return f;
}

/* The last row of the subtree of row r, in display order. */
static long subtree_end(const merge *mg, long r)
{
    int depth = mg->rows[r].depth;
    long end = r;
    while (mg->rows[end].next >= 0 && mg->rows[mg->rows[end].next].depth > depth)
        end = mg->rows[end].next;
    return end;
}

/* Merge the TOC of locale loc into the rows (steps 1 to 3 above). */
static void merge_locale(merge *mg, const gn_toc *toc, size_t loc)
{
    size_t n = toc->n;
    if (n == 0)
        return;
    long *row_of = gn_xreallocarray(NULL, n, sizeof *row_of);
    long *parent = gn_xreallocarray(NULL, n, sizeof *parent);
    char **ident = gn_xcalloc(n, sizeof *ident);
    long *ordinal = gn_xreallocarray(NULL, n, sizeof *ordinal);
    /* Per parent entry (index + 1): leftover positional children seen so
     * far, and the last child seen. */
    long *count = gn_xcalloc(n + 1, sizeof *count);
    long *last_child = gn_xreallocarray(NULL, n + 1, sizeof *last_child);
    long *stack = gn_xreallocarray(NULL, n, sizeof *stack);
    size_t sp = 0;

    /* Parents from depths: the nearest preceding entry of smaller depth. */
    for (size_t i = 0; i < n; i++) {
        while (sp > 0 && toc->entries[stack[sp - 1]].depth >= toc->entries[i].depth)
            sp--;
        parent[i] = sp > 0 ? stack[sp - 1] : -1;
        stack[sp++] = (long)i;
        row_of[i] = -1;
        last_child[i] = -1;
        ident[i] = identity(&toc->entries[i]);
    }
    last_child[n] = -1;

    /* 1. Identity. */
    match_identities(mg, toc, ident, row_of);
    for (size_t i = 0; i < n; i++)
        if (row_of[i] >= 0)
            mg->rows[row_of[i]].entry[loc] = (long)i;

    /* The rows still free for positional matching, as step 1 left them. */
    free_rows fr = list_free_rows(mg, loc);
    for (size_t i = 0; i < n; i++) {
        ordinal[i] = -1;
        if (row_of[i] < 0 && positional_entry(&toc->entries[i]))
            ordinal[i] = count[parent[i] + 1]++;
    }

    /* 2 and 3, in document order, so a parent has its row before its
     * children look for theirs. */
    for (size_t i = 0; i < n; i++) {
        const gn_toc_entry *e = &toc->entries[i];
        long p = parent[i];
        long prow = p >= 0 ? row_of[p] : -1;
        long prev = last_child[p + 1];
        last_child[p + 1] = (long)i;
        if (row_of[i] >= 0)
            continue;
        if (ordinal[i] >= 0 && prow < (long)fr.nrows) {
            size_t k = fr.start[prow + 1] + (size_t)ordinal[i];
            if (k < fr.start[prow + 2]) {
                mrow *row = &mg->rows[fr.v[k]];
                if (row->kind == e->kind && row->depth == e->depth && row->entry[loc] < 0) {
                    row->entry[loc] = (long)i;
                    row_of[i] = fr.v[k];
                    continue;
                }
            }
        }
        long after, rparent;
        int depth;
        if (prev >= 0) {
            /* After the subtree of the preceding sibling's row. */
            long sib = row_of[prev];
            after = subtree_end(mg, sib);
            rparent = mg->rows[sib].parent;
            depth = mg->rows[sib].depth;
        } else if (prow >= 0) {
            after = prow;
            rparent = prow;
            depth = mg->rows[prow].depth + 1;
        } else {
            after = -1;
            rparent = -1;
            depth = 0;
        }
        row_of[i] = (long)add_row(mg, e, ident[i], rparent, depth, after, loc, (long)i);
        ident[i] = NULL; /* the row owns it */
    }

    for (size_t i = 0; i < n; i++)
        free(ident[i]);
    free(ident);
    free(fr.start);
    free(fr.v);
    free(row_of);
    free(parent);
    free(ordinal);
    free(count);
    free(last_child);
    free(stack);
}

/* Fill cell from the front matter of the page file at path, read only
 * when src's confinement check allows it: -1 when it does not (the page
 * is then no file). Fields stay NULL when it has none or it cannot be
 * read. */
static int read_front_matter(gn_matrix_cell *cell, const gn_source *src, const char *path)
{
    char *text;
    size_t len, body_off;
    int body_line;
    if (gn_source_check_read(src, path, NULL) != 0)
        return -1;
    if (gn_read_file_within(path, src->real_repo, &text, &len, NULL) != 0)
        return 0;
    gn_meta meta;
    if (gn_meta_parse(path, text, len, &meta, &body_off, &body_line, NULL) == 0) {
        static const char *const keys[] = {"ht-degree", "workflow-type",
                                           "source-git-commit", "source-wordcount"};
        char **fields[] = {&cell->ht_degree, &cell->workflow, &cell->commit,
                           &cell->wordcount};
        for (size_t k = 0; k < 4; k++) {
            const char *v = gn_meta_get(&meta, keys[k]);
            *fields[k] = v ? gn_xstrdup(v) : NULL;
        }
    }
    gn_meta_free(&meta);
    free(text);
    return 0;
}

/* Give cell the state and front matter of the cell from (same page). */
static void copy_cell(gn_matrix_cell *cell, const gn_matrix_cell *from)
{
    cell->state = from->state;
    cell->findings = from->findings;
    char *const *src[] = {&from->ht_degree, &from->workflow, &from->commit, &from->wordcount};
    char **dst[] = {&cell->ht_degree, &cell->workflow, &cell->commit, &cell->wordcount};
    for (size_t k = 0; k < 4; k++)
        *dst[k] = *src[k] ? gn_xstrdup(*src[k]) : NULL;
}

/* True when the non-NULL commits of the cells (but the reference's, at
 * index ref, or none when ref is negative) are not all equal. */
static bool commits_differ(const gn_matrix_row *row, size_t nlocales, long ref)
{
    const char *first = NULL;
    for (size_t l = 0; l < nlocales; l++) {
        const char *c = row->cells[l].commit;
        if ((long)l == ref || !c)
            continue;
        if (!first)
            first = c;
        else if (strcmp(first, c) != 0)
            return true;
    }
    return false;
}

/* Review the translated pages of row (files[l]: locale l's page, or
 * NULL) against the reference locale's page at ref_path: each cell's
 * findings. A page that cannot be read is not reviewed. */
static void review_row(gn_matrix_row *row, gn_localeset *set, long ref, const char *ref_path,
                       char *const *files)
{
    gn_page rpage, tpage;
    gn_doc rdoc, tdoc;
    gn_qa_page *rqa = NULL;
    bool tried = false;
    for (size_t l = 0; l < set->n; l++) {
        if (!files[l] || (long)l == ref)
            continue;
        if (!tried) {
            tried = true;
            rqa = gn_qa_read(&set->v[ref], ref_path, &rpage, &rdoc, NULL);
        }
        if (!rqa)
            break;
        gn_qa_page *tqa = gn_qa_read(&set->v[l], files[l], &tpage, &tdoc, NULL);
        if (tqa) {
            gn_qa_findings f = {0};
            row->cells[l].findings = (int)gn_qa_review(rqa, &rdoc, tqa, &tdoc, &f);
            gn_qa_findings_free(&f);
        }
        gn_qa_page_free(tqa);
        gn_doc_free(&tdoc);
        gn_page_free(&tpage);
    }
    if (tried) {
        gn_qa_page_free(rqa);
        gn_doc_free(&rdoc);
        gn_page_free(&rpage);
    }
}

/* Merge every locale's TOC (a locale without the guide, or whose TOC
 * cannot be read, adds nothing), then fill the cells in display order:
 * page files are looked for, their front matter read, and staleness asked
 * of repo for translated cells when the reference page exists. The "@N"
 * key of a row matched by position only is its index in m->rows. */
int gn_matrix_build(gn_matrix *m, gn_localeset *set, const char *guide_id,
                    const char *reference, gn_repo *repo, gn_error *err)
{
    memset(m, 0, sizeof *m);
    m->reference = -1;
    merge mg = {.nlocales = set->n, .first = -1};
    gn_guide **guides = gn_xcalloc(set->n ? set->n : 1, sizeof *guides);
    const gn_toc **tocs = gn_xcalloc(set->n ? set->n : 1, sizeof *tocs);
    size_t read = 0;
    gn_error toc_err;
    bool toc_failed = false;

    for (size_t l = 0; l < set->n; l++) {
        guides[l] = gn_source_guide(&set->v[l], guide_id);
        if (!guides[l])
            continue;
        tocs[l] = gn_guide_toc(guides[l], &toc_err);
        if (!tocs[l]) {
            toc_failed = true;
            continue;
        }
        read++;
        merge_locale(&mg, tocs[l], l);
    }
    if (read == 0) {
        free(guides);
        free(tocs);
        free(mg.rows);
        if (toc_failed)
            return gn_fail(err, "%s", toc_err.msg);
        return gn_fail(err, "%s: no locale has this guide", *guide_id ? guide_id : ".");
    }

    long ref = -1;
    for (size_t l = 0; reference && l < set->n; l++)
        if (strcmp(set->v[l].tag, reference) == 0)
            ref = (long)l;

    m->nlocales = set->n;
    m->reference = ref;
    m->nrows = mg.nrows;
    m->rows = gn_xcalloc(mg.nrows ? mg.nrows : 1, sizeof *m->rows);
    size_t q = 0;
    gn_strmap looked = GN_STRMAP_INIT; /* page path -> q * nlocales + l */
    char **files = gn_xcalloc(set->n ? set->n : 1, sizeof *files); /* a row's pages to review */
    for (long r = mg.first; r >= 0; r = mg.rows[r].next, q++) {
        mrow *src = &mg.rows[r];
        gn_matrix_row *row = &m->rows[q];
        row->kind = src->kind;
        row->key = src->key ? src->key : gn_xasprintf("@%zu", q);
        src->key = NULL;
        row->depth = src->depth;
        row->cells = gn_xcalloc(set->n ? set->n : 1, sizeof *row->cells);
        char *ref_path = NULL;
        for (size_t l = 0; l < set->n; l++) {
            gn_matrix_cell *cell = &row->cells[l];
            cell->entry = src->entry[l];
            cell->stale = GN_STALE_UNKNOWN;
            cell->findings = -1;
            if (cell->entry >= 0) {
                const char *t = tocs[l]->entries[cell->entry].title;
                cell->title = gn_xstrdup(t ? t : "");
            }
            if (cell->entry < 0) {
                cell->state = GN_CELL_ABSENT;
            } else if (src->kind != GN_TOC_PAGE) {
                cell->state = GN_CELL_OK;
            } else {
                gn_target t;
                gn_resolve_in_guide(&set->v[l], guides[l], src->match, &t);
                size_t seen;
                /* A page the TOC lists again is looked at once. */
                if (t.file && gn_strmap_get(&looked, t.file, &seen)) {
                    copy_cell(cell, &m->rows[seen / set->n].cells[seen % set->n]);
                } else {
                    if (t.file)
                        gn_strmap_put(&looked, t.file, q * set->n + l);
                    /* A target outside the guides is never read: no file. */
                    cell->state = t.kind == GN_TARGET_PAGE &&
                                  read_front_matter(cell, &set->v[l], t.file) == 0
                                      ? GN_CELL_OK : GN_CELL_NOFILE;
                }
                if (cell->state == GN_CELL_OK && (long)l == ref) {
                    ref_path = t.file;
                    t.file = NULL;
                } else if (cell->state == GN_CELL_OK && t.file && !files[l] && cell->findings < 0) {
                    files[l] = t.file; /* to review (a page seen before was) */
                    t.file = NULL;
                }
                gn_target_free(&t);
            }
            if (cell->state != GN_CELL_OK)
                row->missing_somewhere = true;
        }
        row->commit_differs = commits_differ(row, set->n, ref);
        if (ref_path)
            review_row(row, set, ref, ref_path, files);
        for (size_t l = 0; l < set->n; l++) {
            free(files[l]);
            files[l] = NULL;
        }
        if (repo && ref_path) {
            for (size_t l = 0; l < set->n; l++) {
                gn_matrix_cell *cell = &row->cells[l];
                if ((long)l != ref && cell->state == GN_CELL_OK && cell->commit && *cell->commit)
                    cell->stale = gn_repo_stale(repo, ref_path, cell->commit);
            }
        }
        free(ref_path);
    }
    gn_strmap_free(&looked);
    free(files);

    for (size_t r = 0; r < mg.nrows; r++) {
        free(mg.rows[r].match);
        free(mg.rows[r].entry);
        free(mg.rows[r].key);
    }
    free(mg.rows);
    free(guides);
    free(tocs);
    return 0;
}

/* Release the rows and their cells; m is left empty. */
void gn_matrix_free(gn_matrix *m)
{
    for (size_t r = 0; r < m->nrows; r++) {
        gn_matrix_row *row = &m->rows[r];
        for (size_t l = 0; l < m->nlocales; l++) {
            free(row->cells[l].title);
            free(row->cells[l].ht_degree);
            free(row->cells[l].workflow);
            free(row->cells[l].commit);
            free(row->cells[l].wordcount);
        }
        free(row->cells);
        free(row->key);
    }
    free(m->rows);
    memset(m, 0, sizeof *m);
    m->reference = -1;
}

const char *gn_matrix_title(const gn_matrix *m, size_t r, size_t loc, size_t *from)
{
    const gn_matrix_cell *cells = m->rows[r].cells;
    size_t l = loc;
    if (l >= m->nlocales || !cells[l].title) {
        l = m->reference >= 0 && cells[m->reference].title ? (size_t)m->reference : 0;
        while (l < m->nlocales && !cells[l].title)
            l++;
    }
    if (from)
        *from = l;
    /* Every row is listed by some locale: it was made from an entry. */
    return l < m->nlocales ? cells[l].title : "";
}

size_t gn_matrix_page_row(const gn_matrix *m, size_t loc, const char *page)
{
    if (!page)
        return 0;
    char *key = normal_target(page);
    size_t found = 0;
    long found_entry = -1;
    bool any = false;
    for (size_t r = 0; r < m->nrows; r++) {
        const gn_matrix_row *row = &m->rows[r];
        if (row->kind != GN_TOC_PAGE || strcmp(row->key, key) != 0)
            continue;
        long e = loc < m->nlocales ? row->cells[loc].entry : -1;
        if (!any || (e >= 0 && (found_entry < 0 || e < found_entry))) {
            found = r;
            found_entry = e;
            any = true;
        }
    }
    free(key);
    return found;
}

const gn_matrix_marks *gn_matrix_marks_for(bool ascii)
{
    static const gn_matrix_marks marks[2] = {
        {"✓", "✗", "·", "*", "≠", "‹", "›"},
        {"+", "x", ".", "*", "!=", "<", ">"},
    };
    return &marks[ascii];
}

void gn_matrix_cell_text(const gn_matrix *m, size_t r, size_t l, bool ascii, gn_buf *out)
{
    const gn_matrix_marks *mk = gn_matrix_marks_for(ascii);
    const gn_matrix_cell *cell = &m->rows[r].cells[l];
    gn_buf_adds(out, cell->state == GN_CELL_ABSENT ? mk->absent
                   : cell->state == GN_CELL_NOFILE ? mk->nofile : mk->present);
    if (cell->stale == GN_STALE_STALE)
        gn_buf_adds(out, mk->stale);
    if (cell->findings > 0)
        gn_buf_addf(out, " %d", cell->findings);
}

char *gn_matrix_legend(bool ascii)
{
    const gn_matrix_marks *mk = gn_matrix_marks_for(ascii);
    return gn_xasprintf("TOC matrix: %s present, %s missing file, %s absent, %s stale, "
                        "N findings, %s commits differ",
                        mk->present, mk->nofile, mk->absent, mk->stale, mk->differs);
}

const char *gn_cell_state_name(gn_cell_state state)
{
    return state == GN_CELL_OK ? "ok" : state == GN_CELL_NOFILE ? "nofile" : "absent";
}
