/* session_review.c: the translation checks in the comparison (see
 * session.h): the compared translation's findings against the other side,
 * where their blocks are shown, and going from one to the next. They are
 * found when first asked for after a layout (a view drawing its marks),
 * so what never shows them (--compare) never pays for them. */
#include <stdlib.h>
#include <string.h>
#include "guidenav/interrupt.h"
#include "guidenav/util.h"
#include "session_priv.h"

/* What the checks read of one side: its page as parsed, and its file as
 * written (the side's locale source confines the read). */
static gn_qa_page *side_review(const gn_side *side, const gn_source *src)
{
    char *text = NULL;
    size_t len = 0;
    if (gn_read_file_within(side->pg.path, src->real_repo, &text, &len, NULL) != 0)
        text = NULL; /* the page as parsed is read all the same */
    gn_qa_page *p = gn_qa_page_new(&side->pg, text, len, &side->doc, src->tag);
    free(text);
    return p;
}

void sess_review_forget(gn_session *s)
{
    gn_qa_findings_clear(&s->review);
    free(s->review_rows);
    s->review_rows = NULL;
    s->finding = -1;
    s->reviewed = false;
}

/* Review the compared translation when that is not done for this layout.
 * After a stop is asked for, nothing is begun: a review it cut short is
 * forgotten, and each row drawn would begin it again. */
static void review(gn_session *s)
{
    gn_session_layout(s);
    if (s->reviewed || s->dirty || gn_interrupted())
        return;
    s->reviewed = true;
    gn_source *tsrc;
    const gn_side *tr = sess_comparing(s) && s->left.have_page && s->right.have_page
                            ? sess_compared_translation(s, &tsrc) : NULL;
    if (!tr)
        return;
    const gn_side *ref = tr == &s->left ? &s->right : &s->left;
    gn_source *rsrc = tr == &s->left ? sess_right_source(s) : gn_session_source(s);
    gn_qa_page *rq = side_review(ref, rsrc), *tq = side_review(tr, tsrc);
    if (rq && tq) /* the blocks paired as the view pairs them */
        gn_qa_compare(rq, tq, s->align.pairs, s->align.npairs, ref == &s->left, &s->review);
    gn_qa_page_free(rq);
    gn_qa_page_free(tq);
    if (gn_interrupted()) { /* a part only: not kept */
        sess_review_forget(s);
        return;
    }
    int side = tr == &s->left ? 0 : 1;
    size_t *lines = gn_xcalloc(s->review.n + 1, sizeof *lines);
    for (size_t i = 0; i < s->review.n; i++) {
        size_t b = s->review.v[i].block;
        lines[i] = b < tr->doc.nblocks ? tr->doc.blocks[b].line : 0;
    }
    s->review_rows = gn_xcalloc(s->review.n + 1, sizeof *s->review_rows);
    gn_align_rows_of(&s->align, side, lines, s->review.n, s->review_rows);
    free(lines);
}

size_t gn_session_findings(gn_session *s)
{
    review(s);
    return s->review.n;
}

long gn_session_finding_at_row(gn_session *s, size_t row)
{
    review(s);
    /* Rows grow with the findings' lines: a binary search. */
    size_t lo = 0, hi = s->review.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->review_rows[mid] < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->review.n && s->review_rows[lo] == row ? (long)lo : -1;
}

void gn_session_next_finding(gn_session *s, int dir)
{
    review(s);
    if (!sess_comparing(s)) {
        sess_say(s, "The translation checks show in the comparison: press c.");
        return;
    }
    size_t n = s->review.n;
    if (n == 0) {
        sess_say(s, "No finding: the translation keeps the labels, links, code, numbers "
                    "and markup of the other side.");
        return;
    }
    /* From the finding gone to last while the pager stays where that
     * left it (near the end of a page, not at its block), else from the
     * top of the pager. */
    long k = -1;
    if (s->finding >= 0 && (size_t)s->finding < n && s->finding_top == s->top) {
        k = s->finding + dir;
    } else if (dir > 0) {
        for (k = 0; (size_t)k < n && s->review_rows[k] <= s->top; k++)
            ;
    } else {
        for (k = (long)n - 1; k >= 0 && s->review_rows[k] >= s->top; k--)
            ;
    }
    if (k < 0 || (size_t)k >= n) {
        sess_say(s, "No more findings %s (%zu in all).", dir > 0 ? "below" : "above", n);
        return;
    }
    s->finding = k;
    gn_session_scroll_to(s, s->review_rows[k]);
    s->finding_top = s->top;
    const gn_qa_finding *f = &s->review.v[k];
    gn_source *src;
    sess_compared_translation(s, &src);
    sess_say(s, "%ld/%zu %s line %d: %s: %s", k + 1, n, src->tag, f->line,
             gn_qa_kind_name(f->kind), f->detail);
}
