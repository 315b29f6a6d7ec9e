/* prompt_view.c: a line typed in the status line (the tree filter, the
 * in-page search) and the wait for a bookmark's letter (see view.h). */
#include <curses.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "guidenav/text.h"
#include "ui/view.h"

typedef struct prompt_view {
    gn_view v;
    char *label;
    gn_buf text;
    gn_prompt_fn changed, done;
} prompt_view;

static void prompt_draw(gn_ui *u, gn_view *v)
{
    prompt_view *p = (prompt_view *)v;
    move(u->rows - 1, 0);
    attrset(A_REVERSE);
    gn_buf line = GN_BUF_INIT;
    gn_buf_addf(&line, "%s%s", p->label, p->text.data);
    int used = gn_put_clipped(u, line.data, line.len, u->cols - 1);
    gn_buf_free(&line);
    attrset(0);
    addch(' ' | A_REVERSE); /* the cursor */
    for (used++; used < u->cols; used++)
        addch(' ');
}

static void prompt_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    prompt_view *p = (prompt_view *)v;
    wint_t wc = k->wc;
    if (k->code) {
        if (wc != KEY_BACKSPACE)
            return;
        wc = 127;
    }
    if (wc == 27 || wc == '\n' || wc == '\r') {
        gn_prompt_fn done = p->done;
        char *text = wc == 27 ? NULL : gn_xstrdup(p->text.data);
        gn_ui_close(u);
        done(u, text);
        free(text);
        return;
    }
    if (wc == 127 || wc == 8)
        gn_utf8_chop(&p->text);
    else if (wc >= 32)
        gn_utf8_encode(&p->text, (int32_t)wc);
    else
        return;
    if (p->changed)
        p->changed(u, p->text.data);
}

static void prompt_free(gn_ui *u, gn_view *v)
{
    (void)u;
    prompt_view *p = (prompt_view *)v;
    gn_buf_free(&p->text);
    free(p->label);
    free(p);
}

static const gn_view_ops prompt_ops = {prompt_draw, prompt_key, NULL, prompt_free, true};

void gn_prompt_open(gn_ui *u, const char *label, gn_prompt_fn changed, gn_prompt_fn done)
{
    prompt_view *p = gn_xcalloc(1, sizeof *p);
    p->v.ops = &prompt_ops;
    p->label = gn_xstrdup(label);
    gn_buf_adds(&p->text, "");
    p->changed = changed;
    p->done = done;
    gn_ui_open(u, &p->v);
}

typedef struct letter_view {
    gn_view v;
    void (*done)(gn_ui *u, int letter);
} letter_view;

/* The question is the status line's message (set when the view opens),
 * drawn by the main view with the page's position. */
static void letter_draw(gn_ui *u, gn_view *v)
{
    (void)u;
    (void)v;
}

static void letter_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    letter_view *l = (letter_view *)v;
    void (*done)(gn_ui *, int) = l->done;
    int letter = !k->code && k->wc >= 'a' && k->wc <= 'z' ? (int)(k->wc - 'a') : -1;
    gn_ui_close(u);
    done(u, letter);
}

static void letter_free(gn_ui *u, gn_view *v)
{
    (void)u;
    free(v);
}

static const gn_view_ops letter_ops = {letter_draw, letter_key, NULL, letter_free, true};

void gn_letter_open(gn_ui *u, const char *what, void (*done)(gn_ui *u, int letter))
{
    letter_view *l = gn_xcalloc(1, sizeof *l);
    l->v.ops = &letter_ops;
    l->done = done;
    snprintf(u->s.msg, sizeof u->s.msg, "%s", what);
    gn_ui_open(u, &l->v);
}

/* The count as typed so far; at most COUNT_DIGITS digits are taken. */
#define COUNT_DIGITS 9
typedef struct count_view {
    gn_view v;
    char digits[COUNT_DIGITS + 1];
    size_t n;
} count_view;

/* The digit a COUNT_DIGIT key gives (its character), or -1. */
static int count_digit(const gn_key *k)
{
    bool digit = k->act == GN_ACT_COUNT_DIGIT && !k->code && k->wc >= '0' && k->wc <= '9';
    return digit ? (int)(k->wc - '0') : -1;
}

/* Show the count in the status line (the main view draws it). */
static void count_show(gn_ui *u, const count_view *c)
{
    snprintf(u->s.msg, sizeof u->s.msg, "Count: %s", c->digits);
}

static void count_draw(gn_ui *u, gn_view *v)
{
    (void)u;
    (void)v;
}

static void count_key(gn_ui *u, gn_view *v, const gn_key *k)
{
    count_view *c = (count_view *)v;
    int digit = count_digit(k);
    if (digit >= 0) {
        if (c->n < COUNT_DIGITS)
            c->digits[c->n++] = (char)('0' + digit);
        count_show(u, c);
        return;
    }
    if (k->act == GN_ACT_BACK && c->n > 1) {
        c->digits[--c->n] = '\0';
        count_show(u, c);
        return;
    }
    gn_key with = *k;
    with.count = strtol(c->digits, NULL, 10);
    gn_ui_close(u);
    if (k->act != GN_ACT_ESCAPE && k->act != GN_ACT_BACK) /* those forget the count */
        u->top->ops->key(u, u->top, &with);
}

static void count_free(gn_ui *u, gn_view *v)
{
    (void)u;
    free(v);
}

static const gn_view_ops count_ops = {count_draw, count_key, NULL, count_free, true};

void gn_count_open(gn_ui *u, const gn_key *k)
{
    int digit = count_digit(k);
    if (digit < 0)
        return;
    count_view *c = gn_xcalloc(1, sizeof *c);
    c->v.ops = &count_ops;
    c->digits[c->n++] = (char)('0' + digit);
    count_show(u, c);
    gn_ui_open(u, &c->v);
}
