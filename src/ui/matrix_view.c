/* matrix_view.c: the TOC matrix (M), a box over the main view: a row per
 * TOC entry of any locale, titled for the locale being read, and a column
 * per locale whose cells say what that locale has of the entry (see
 * matrix.h). The title column stays put; the locale columns scroll
 * sideways (h/l, Left/Right), a mark in their header saying that columns
 * are hidden on that side. The motions move the selected row, which starts
 * on the open page's; Enter opens a page compared. See view.h. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "guidenav/text.h"
#include "ui/view.h"

/* The title column is at most this wide; longer titles are cut. */
#define TITLE_MAX 44

typedef struct matrix_view {
    gn_view v;
    gn_matrix m;
    char *legend;
    size_t loc;        /* the locale being read: its titles, its column shown */
    char **cells;      /* the cells' texts, row by row (nrows * nlocales) */
    int *cw;           /* columns of each locale's column */
    int tw;            /* columns of the title column, indentation included */
    int dw;            /* columns of the commits-differ column (0: no row) */
    size_t cur, first; /* the selected row, the first row shown */
    size_t left;       /* the first locale column shown */
    bool placed;       /* the first screen was placed (the open page's row
                          and the reader's column in view) */
} matrix_view;

/* Where the parts of the box go on the screen as it is now. */
typedef struct frame {
    int x, y, w, h;    /* the box */
    int rows;          /* rows of entries shown, under the header */
    int tw;            /* title columns shown */
    int cells_x;       /* screen column of the left mark, before the cells */
    size_t last;       /* the last locale column shown; left - 1: none */
    bool more_left, more_right;
} frame;

/* The last locale column that fits, from column left, in region columns
 * (a mark column on either side, one space between columns); left - 1
 * (wrapping at 0) when none does. */
static size_t last_fitting(const matrix_view *mv, size_t left, int region)
{
    int used = 1;
    size_t last = left - 1;
    for (size_t l = left; l < mv->m.nlocales; l++) {
        int need = (l > left) + mv->cw[l];
        if (used + need + 1 > region)
            break;
        used += need;
        last = l;
    }
    return last;
}

/* The frame for the screen; left is kept where it shows the most columns
 * (none hidden on the left when all from there fit) and, on the first
 * screen, the selected row and the reader's column are placed in view. */
static void frame_of(const gn_ui *u, matrix_view *mv, frame *f)
{
    size_t n = mv->m.nlocales;
    int cells_w = 2; /* the two mark columns */
    for (size_t l = 0; l < n; l++)
        cells_w += mv->cw[l] + (l > 0);
    int legend_w = gn_text_width(mv->legend, strlen(mv->legend));
    int want = 1 + mv->tw + mv->dw + cells_w; /* inside the border */
    if (want < legend_w + 2)
        want = legend_w + 2;
    f->w = want + 2 < u->cols ? want + 2 : u->cols;
    int inner_w = f->w - 2;
    int widest = 0;
    for (size_t l = 0; l < n; l++)
        widest = mv->cw[l] > widest ? mv->cw[l] : widest;
    /* The title column gives way, so that a locale column shows. */
    f->tw = mv->tw;
    if (1 + f->tw + mv->dw + widest + 2 > inner_w)
        f->tw = inner_w - 1 - mv->dw - widest - 2 > 0 ? inner_w - 1 - mv->dw - widest - 2 : 0;
    int region = inner_w - 1 - f->tw - mv->dw;

    if (mv->left >= n)
        mv->left = n ? n - 1 : 0;
    while (mv->left > 0 && last_fitting(mv, mv->left - 1, region) + 1 == n)
        mv->left--;
    f->last = last_fitting(mv, mv->left, region);
    if (!mv->placed)
        while (mv->loc < n && mv->left < mv->loc && (f->last + 1 == mv->left || f->last < mv->loc))
            f->last = last_fitting(mv, ++mv->left, region);
    f->more_left = mv->left > 0;
    f->more_right = f->last + 1 < n;

    f->h = (int)mv->m.nrows + 3 < u->rows - 1 ? (int)mv->m.nrows + 3 : u->rows - 1;
    f->rows = f->h - 3 > 0 ? f->h - 3 : 0;
    f->x = (u->cols - f->w) / 2;
    f->y = (u->rows - 1 - f->h) / 2;
    f->cells_x = f->x + 1 + 1 + f->tw + mv->dw;

    size_t shown = f->rows > 0 ? (size_t)f->rows : 1;
    if (!mv->placed) /* the selected row in the middle */
        mv->first = mv->cur > shown / 2 ? mv->cur - shown / 2 : 0;
    if (mv->first + shown > mv->m.nrows)
        mv->first = mv->m.nrows > shown ? mv->m.nrows - shown : 0;
    if (mv->cur < mv->first)
        mv->first = mv->cur;
    if (mv->cur >= mv->first + shown)
        mv->first = mv->cur - shown + 1;
    mv->placed = true;
}

/* Write s clipped to cols columns and pad it with spaces to cols. */
static void put_padded(const gn_ui *u, const char *s, int cols)
{
    int used = gn_put_clipped(u, s, strlen(s), cols);
    for (; used < cols; used++)
        addch(' ');
}

/* The header: the locale tags of the columns shown, the reader's in bold,
 * between the marks of columns hidden on either side. */
static void draw_header(const gn_ui *u, const matrix_view *mv, const frame *f)
{
    const gn_matrix_marks *mk = gn_matrix_marks_for(u->ascii);
    const gn_localeset *set = u->s.set;
    move(f->y + 1, f->cells_x);
    attrset(A_BOLD);
    put_padded(u, f->more_left ? mk->left : " ", 1);
    for (size_t l = mv->left; l <= f->last && f->last + 1 != mv->left; l++) {
        attrset(l == mv->loc ? A_BOLD | A_UNDERLINE : 0);
        put_padded(u, set->v[l].tag, mv->cw[l]);
        attrset(A_BOLD);
        if (l < f->last || f->more_right)
            put_padded(u, l < f->last ? " " : mk->right, 1);
    }
    if (f->last + 1 == mv->left && f->more_right)
        put_padded(u, mk->right, 1);
    attrset(0);
}

/* Row r of the matrix at screen row y: its title (in another locale's
 * words when the reader's lacks the entry: dim), the commits-differ mark,
 * and the cells of the columns shown. */
static void draw_row(const gn_ui *u, const matrix_view *mv, const frame *f, size_t r, int y)
{
    const gn_matrix_row *row = &mv->m.rows[r];
    const gn_matrix_marks *mk = gn_matrix_marks_for(u->ascii);
    attr_t sel = r == mv->cur ? A_REVERSE : 0;
    size_t from;
    const char *title = gn_matrix_title(&mv->m, r, mv->loc, &from);
    int indent = row->depth * 2 < f->tw ? row->depth * 2 : f->tw;
    move(y, f->x + 1);
    attrset(sel);
    put_padded(u, "", 1 + indent);
    attrset(sel | (from != mv->loc ? A_DIM : 0));
    put_padded(u, title, f->tw - indent);
    attrset(sel);
    if (mv->dw > 0) {
        addch(' ');
        put_padded(u, row->commit_differs ? mk->differs : "", mv->dw - 1);
    }
    addch(' '); /* under the left mark */
    int used = f->cells_x + 1;
    for (size_t l = mv->left; l <= f->last && f->last + 1 != mv->left; l++) {
        if (l > mv->left) {
            addch(' ');
            used++;
        }
        put_padded(u, mv->cells[r * mv->m.nlocales + l], mv->cw[l]);
        used += mv->cw[l];
    }
    for (; used < f->x + f->w - 1; used++)
        addch(' ');
    attrset(0);
}

/* The status line for a page row: its key and each locale's front matter
 * (newly allocated, made safe); NULL for other rows. */
static char *row_note(const gn_ui *u, const matrix_view *mv, size_t r)
{
    const gn_matrix_row *row = &mv->m.rows[r];
    if (row->kind != GN_TOC_PAGE)
        return NULL;
    gn_buf nb = GN_BUF_INIT;
    gn_buf_addf(&nb, " %s", row->key);
    for (size_t l = 0; l < mv->m.nlocales; l++) {
        const gn_matrix_cell *cell = &row->cells[l];
        if (cell->state != GN_CELL_OK)
            continue;
        gn_buf_addf(&nb, " %s %s", u->ascii ? "|" : "│", u->s.set->v[l].tag);
        if (cell->ht_degree)
            gn_buf_addf(&nb, " ht %s", cell->ht_degree);
        if (cell->workflow)
            gn_buf_addf(&nb, " %s", cell->workflow);
        if (cell->commit)
            gn_buf_addf(&nb, " %.7s", cell->commit);
        if (cell->wordcount)
            gn_buf_addf(&nb, " %s words", cell->wordcount);
        if (cell->stale != GN_STALE_UNKNOWN)
            gn_buf_addf(&nb, " %s", gn_stale_name(cell->stale));
    }
    char *note = gn_text_sanitized(nb.data);
    gn_buf_free(&nb);
    return note;
}

static void matrix_draw(gn_ui *u, gn_view *v)
{
    matrix_view *mv = (matrix_view *)v;
    frame f;
    frame_of(u, mv, &f);
    gn_draw_box(u, f.x, f.y, f.w, f.h, mv->legend);
    if (f.h < 3)
        return;
    draw_header(u, mv, &f);
    for (int i = 0; i < f.rows && mv->first + (size_t)i < mv->m.nrows; i++)
        draw_row(u, mv, &f, mv->first + (size_t)i, f.y + 2 + i);
    char *note = mv->cur < mv->m.nrows ? row_note(u, mv, mv->cur) : NULL;
    if (note)
        gn_draw_status_line(u, note, NULL);
    free(note);
}

/* Enter: open the selected page compared, the pager taking the focus. */
static void open_row(gn_ui *u, matrix_view *mv)
{
    if (mv->cur >= mv->m.nrows)
        return;
    if (mv->m.rows[mv->cur].kind != GN_TOC_PAGE) {
        snprintf(u->s.msg, sizeof u->s.msg, "%s", "Not a page: Enter opens page rows.");
        return;
    }
    char *key = gn_xstrdup(mv->m.rows[mv->cur].key);
    gn_ui_close(u); /* frees mv */
    gn_session_open_compared(&u->s, key);
    free(key);
    u->focus = GN_FOCUS_PAGER;
    gn_ui_geometry(u);
}

static void matrix_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    matrix_view *mv = (matrix_view *)v;
    frame f;
    frame_of(u, mv, &f);
    size_t page = f.rows > 1 ? (size_t)f.rows - 1 : 1;
    if (!k->code && (k->wc == 27 || k->wc == 'q')) {
        gn_ui_close(u);
        return;
    }
    if (gn_motion(k->act, k->count, &mv->cur, mv->m.nrows, page, page / 2))
        return;
    switch (k->act) {
    case GN_ACT_EXPAND: /* l, Right */
        if (f.more_right)
            mv->left++;
        break;
    case GN_ACT_COLLAPSE: /* h, Left */
        if (mv->left > 0)
            mv->left--;
        break;
    case GN_ACT_ENTER:
        open_row(u, mv);
        break;
    default:
        break;
    }
}

static void matrix_free(gn_ui *u, gn_view *v)
{
    (void)u;
    matrix_view *mv = (matrix_view *)v;
    for (size_t i = 0; i < mv->m.nrows * mv->m.nlocales; i++)
        free(mv->cells[i]);
    free(mv->cells);
    free(mv->cw);
    free(mv->legend);
    gn_matrix_free(&mv->m);
    free(mv);
}

static const gn_view_ops matrix_ops = {matrix_draw, matrix_key, NULL, matrix_free, false};

void gn_matrix_open(gn_ui *u)
{
    matrix_view *mv = gn_xcalloc(1, sizeof *mv);
    if (gn_session_matrix(&u->s, &mv->m, &mv->cur) != 0) {
        free(mv);
        return;
    }
    const gn_matrix *m = &mv->m;
    const gn_localeset *set = u->s.set;
    mv->v.ops = &matrix_ops;
    mv->loc = u->s.loc;
    mv->legend = gn_matrix_legend(u->ascii);
    mv->cells = gn_xcalloc(m->nrows * m->nlocales + 1, sizeof *mv->cells);
    mv->cw = gn_xcalloc(m->nlocales + 1, sizeof *mv->cw);
    for (size_t l = 0; l < m->nlocales; l++)
        mv->cw[l] = gn_text_width(set->v[l].tag, strlen(set->v[l].tag));
    for (size_t r = 0; r < m->nrows; r++) {
        const char *title = gn_matrix_title(m, r, mv->loc, NULL);
        int w = m->rows[r].depth * 2 + gn_text_width(title, strlen(title));
        mv->tw = w > mv->tw ? w : mv->tw;
        if (m->rows[r].commit_differs) {
            const char *d = gn_matrix_marks_for(u->ascii)->differs;
            mv->dw = 1 + gn_text_width(d, strlen(d));
        }
        for (size_t l = 0; l < m->nlocales; l++) {
            gn_buf b = GN_BUF_INIT;
            gn_buf_adds(&b, "");
            gn_matrix_cell_text(m, r, l, u->ascii, &b);
            char *text = gn_buf_take(&b);
            int cw = gn_text_width(text, strlen(text));
            mv->cw[l] = cw > mv->cw[l] ? cw : mv->cw[l];
            mv->cells[r * m->nlocales + l] = text;
        }
    }
    mv->tw = mv->tw < TITLE_MAX ? mv->tw : TITLE_MAX;
    gn_ui_open(u, &mv->v);
}
