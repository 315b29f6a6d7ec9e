/* test_interrupt.c: a stop asked for by the host (interrupt.h), and the
 * long work of the core that obeys it: the parse (run beside the caller),
 * the layout, a paragraph's text, wrapping, alignment and in-page search.
 * Each is run with the flag set and gives up (an empty or partial result,
 * or a failure saying "interrupted"), and runs whole with it clear. Items
 * spread over threads (gn_interruptible_each) run once each, and a stop
 * leaves the rest. */
#include <pthread.h>
#include <time.h>
#include "unit.h"
#include "guidenav/align.h"
#include "guidenav/interrupt.h"
#include "guidenav/layout.h"
#include "guidenav/page.h"
#include "guidenav/para.h"
#include "guidenav/search.h"
#include "guidenav/toc.h"
#include "guidenav/util.h"
#include "guidenav/wrap.h"

static volatile sig_atomic_t stop;

static int teardown(void **state)
{
    (void)state;
    gn_interrupt_watch(NULL);
    stop = 0;
    return 0;
}

/* ---- gn_interruptible ---- */

typedef struct job {
    pthread_t ran_on;
    bool ran;
    int release[2];          /* work waits for a byte here, when asked to */
    bool wait;
    volatile sig_atomic_t *dropped; /* set by drop */
} job;

static void work(void *arg)
{
    job *j = arg;
    j->ran_on = pthread_self();
    char c; /* (no cmocka assertion here: this may be another thread) */
    j->ran = !j->wait || read(j->release[0], &c, 1) == 1;
}

static void drop(void *arg)
{
    job *j = arg;
    *j->dropped = 1;
    free(j);
}

static job *new_job(volatile sig_atomic_t *dropped)
{
    job *j = gn_xcalloc(1, sizeof *j);
    j->dropped = dropped;
    return j;
}

static void test_unwatched_runs_here(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    job *j = new_job(&dropped);
    assert_false(gn_interrupt_watched());
    assert_true(gn_interruptible(work, drop, j));
    assert_true(j->ran);
    assert_true(pthread_equal(j->ran_on, pthread_self()));
    assert_int_equal(dropped, 0);
    free(j);
}

static void test_watched_runs_beside(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    gn_interrupt_watch(&stop);
    job *j = new_job(&dropped);
    assert_true(gn_interruptible(work, drop, j));
    assert_true(j->ran);
    assert_false(pthread_equal(j->ran_on, pthread_self()));
    assert_int_equal(dropped, 0);
    free(j);
}

static void test_stop_before(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    gn_interrupt_watch(&stop);
    stop = 1;
    assert_true(gn_interrupted());
    job *j = new_job(&dropped);
    assert_false(gn_interruptible(work, drop, j));
    assert_int_equal(dropped, 1); /* and j is freed */
}

static void *ask_stop_later(void *arg)
{
    (void)arg;
    struct timespec t = {0, 30 * 1000000L};
    nanosleep(&t, NULL);
    stop = 1;
    return NULL;
}

/* Let the work waiting on the pipe (release, keep) go, and wait (5 s at
 * most) for what it made to be dropped. */
static void release_and_wait(int release, int keep, volatile sig_atomic_t *dropped)
{
    assert_int_equal(write(release, "x", 1), 1);
    for (int i = 0; i < 500 && !*dropped; i++) {
        struct timespec t = {0, 10 * 1000000L};
        nanosleep(&t, NULL);
    }
    assert_int_equal(*dropped, 1);
    close(release);
    close(keep);
}

/* Work that does not end by itself: the caller goes on when the stop
 * comes, and the work, let go later, drops what it made. */
static void test_stop_during(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    gn_interrupt_watch(&stop);
    job *j = new_job(&dropped);
    j->wait = true;
    assert_int_equal(pipe(j->release), 0);
    int release = j->release[1], keep = j->release[0];
    pthread_t asker;
    assert_int_equal(pthread_create(&asker, NULL, ask_stop_later, NULL), 0);
    assert_false(gn_interruptible(work, drop, j));
    pthread_join(asker, NULL);
    assert_int_equal(dropped, 0); /* the work has not ended */
    release_and_wait(release, keep, &dropped);
}

/* ---- the core's long work ---- */

/* A page of n paragraphs and headings, each paragraph long enough to be
 * broken into lines, Japanese and Korean among the words. */
static char *page_text(size_t n)
{
    gn_buf b = GN_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i % 10 == 0)
            gn_buf_addf(&b, "## Section %zu\n\n", i);
        gn_buf_adds(&b, "Words of a paragraph 日本語の文章はここで折り返されます。"
                        " 한국어 문장은 띄어쓰기에서 나뉩니다. and some more words to wrap.\n\n");
    }
    return gn_buf_take(&b);
}

static void lay_out(cmark_node *doc, gn_doc *out)
{
    gn_layout_opts o = {.width = 40, .lang = "ja-JP"};
    gn_layout(doc, &o, out);
}

static void test_parse_interrupted(void **state)
{
    (void)state;
    char *text = page_text(200);
    gn_interrupt_watch(&stop);
    stop = 1;
    assert_null(gn_markdown_parse(text, strlen(text)));
    gn_page page;
    gn_error err = {{0}};
    assert_int_equal(gn_page_parse("p.md", text, strlen(text), &page, &err), -1);
    assert_string_equal(err.msg, "p.md: interrupted");
    gn_page_free(&page);
    gn_toc toc;
    const char *list = "# Guide\n\n- [A](a.md)\n";
    assert_int_equal(gn_toc_parse("TOC.md", list, strlen(list), &toc, &err), -1);
    assert_string_equal(err.msg, "TOC.md: interrupted");
    gn_toc_free(&toc);
    stop = 0;
    cmark_node *doc = gn_markdown_parse(text, strlen(text));
    assert_non_null(doc);
    assert_non_null(cmark_node_first_child(doc));
    cmark_node_free(doc);
    free(text);
}

static void test_layout_interrupted(void **state)
{
    (void)state;
    char *text = page_text(200);
    cmark_node *md = gn_markdown_parse(text, strlen(text));
    gn_doc whole, part;
    lay_out(md, &whole);
    assert_true(whole.nlines > 400);
    gn_interrupt_watch(&stop);
    stop = 1;
    lay_out(md, &part);
    assert_int_equal(part.nlines, 0);
    gn_doc_free(&part);

    /* Aligning and searching stop too. */
    gn_align a;
    gn_align_docs(&whole, &whole, &a);
    assert_int_equal(a.nrows, 0);
    gn_align_free(&a);
    gn_query q;
    assert_true(gn_query_init(&q, "日本語"));
    gn_hit *hits;
    assert_int_equal(gn_doc_search(&whole, &q, &hits), 0);
    stop = 0;
    gn_align_docs(&whole, &whole, &a);
    assert_int_equal(a.nrows, whole.nlines);
    gn_align_free(&a);
    size_t n = gn_doc_search(&whole, &q, &hits);
    assert_int_equal(n, 200);
    gn_hits_free(hits, n);
    gn_query_free(&q);
    gn_doc_free(&whole);
    cmark_node_free(md);
    free(text);
}

/* One paragraph of megabytes: its text is added, and wrapped, in parts
 * between which a stop is seen. */
static void test_long_paragraph_interrupted(void **state)
{
    (void)state;
    const char *unit = "日本語の文章と한국어 문장 and words ";
    size_t ulen = strlen(unit), len = 3 * ((size_t)1 << 20) / ulen * ulen;
    char *big = gn_xmalloc(len);
    for (size_t i = 0; i < len; i += ulen)
        memcpy(big + i, unit, ulen);
    gn_interrupt_watch(&stop);
    stop = 1;
    gn_para p = {0};
    gn_para_add(&p, big, len, 0, -1);
    assert_true(p.text.len > 0 && p.text.len <= ((size_t)1 << 20));
    gn_para_free(&p);
    gn_wrap_line *lines;
    assert_int_equal(gn_wrap(big, len, 60, "ja", &lines), 0);
    free(lines);
    stop = 0;
    memset(&p, 0, sizeof p);
    gn_para_add(&p, big, len, 0, -1);
    assert_int_equal(p.text.len, len);
    gn_para_free(&p);
    size_t n = gn_wrap(big, len, 60, "ja", &lines);
    assert_true(n > len / 100);
    free(lines);
    free(big);
}

/* ---- gn_interruptible_each ---- */

/* Items that note who ran them; an item may wait for a byte. */
typedef struct items {
    size_t n;
    int *runs;               /* per item, how often it ran */
    size_t *worker;          /* per item, the worker that ran it */
    pthread_t *thread;       /* per item, the thread */
    int release[2];
    size_t wait_at;          /* the item that waits (n: none) */
    bool nap;                /* the others take a millisecond */
    volatile sig_atomic_t *dropped;
} items;

static void item_work(void *arg, size_t i, size_t worker)
{
    items *it = arg;
    __atomic_add_fetch(&it->runs[i], 1, __ATOMIC_RELAXED);
    it->worker[i] = worker;
    it->thread[i] = pthread_self();
    char c;
    if (i == it->wait_at && read(it->release[0], &c, 1) != 1)
        it->runs[i] = -100;
    struct timespec t = {0, 1000000L};
    if (i != it->wait_at && it->nap)
        nanosleep(&t, NULL);
}

static void items_drop(void *arg)
{
    items *it = arg;
    *it->dropped = 1;
    free(it->runs);
    free(it->worker);
    free(it->thread);
    free(it);
}

static items *new_items(size_t n, volatile sig_atomic_t *dropped)
{
    items *it = gn_xcalloc(1, sizeof *it);
    it->n = n;
    it->runs = gn_xcalloc(n, sizeof *it->runs);
    it->worker = gn_xcalloc(n, sizeof *it->worker);
    it->thread = gn_xcalloc(n, sizeof *it->thread);
    it->wait_at = n;
    it->dropped = dropped;
    return it;
}

/* Run n items, unwatched or watched: each runs once, on a worker below
 * gn_workers(), and nothing is dropped. Returns the items. */
static items *run_each_once(size_t n, volatile sig_atomic_t *dropped)
{
    items *it = new_items(n, dropped);
    assert_true(gn_interruptible_each(item_work, items_drop, it, it->n));
    for (size_t i = 0; i < it->n; i++) {
        assert_int_equal(it->runs[i], 1);
        assert_true(it->worker[i] < gn_workers());
    }
    assert_int_equal(*dropped, 0);
    return it;
}

/* Unwatched: every item runs once, on the caller (worker 0) and on other
 * threads (the others) when there are several processors; which runs how
 * many is the scheduler's choice. */
static void test_each_runs_every_item(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    assert_true(gn_workers() >= 1 && gn_workers() <= 8);
    items *it = run_each_once(500, &dropped);
    for (size_t i = 0; i < it->n; i++)
        assert_int_equal(it->worker[i] == 0, pthread_equal(it->thread[i], pthread_self()) != 0);
    /* No item at all: nothing runs, true. */
    assert_true(gn_interruptible_each(item_work, items_drop, it, 0));
    items_drop(it);
}

/* Watched: the caller only waits; every item runs on other threads. */
static void test_each_watched_runs_beside(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    gn_interrupt_watch(&stop);
    items *it = run_each_once(64, &dropped);
    for (size_t i = 0; i < it->n; i++)
        assert_false(pthread_equal(it->thread[i], pthread_self()));
    items_drop(it);
}

/* A stop while an item does not end: the caller goes on at once, the items
 * not started do not run, and the last thread drops the items. */
static void test_each_stop_during(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    gn_interrupt_watch(&stop);
    items *it = new_items(10000, &dropped);
    it->wait_at = 0;
    it->nap = true;
    assert_int_equal(pipe(it->release), 0);
    int release = it->release[1], keep = it->release[0];
    int *runs = it->runs; /* read before the drop frees it */
    pthread_t asker;
    assert_int_equal(pthread_create(&asker, NULL, ask_stop_later, NULL), 0);
    assert_false(gn_interruptible_each(item_work, items_drop, it, it->n));
    pthread_join(asker, NULL);
    assert_int_equal(dropped, 0); /* item 0 has not ended */
    size_t ran = 0;
    for (size_t i = 0; i < 10000; i++)
        ran += __atomic_load_n(&runs[i], __ATOMIC_RELAXED) != 0;
    assert_true(ran < 10000);
    release_and_wait(release, keep, &dropped);
}

/* A stop before: nothing runs, the items are dropped. */
static void test_each_stop_before(void **state)
{
    (void)state;
    static volatile sig_atomic_t dropped;
    gn_interrupt_watch(&stop);
    stop = 1;
    items *it = new_items(8, &dropped);
    assert_false(gn_interruptible_each(item_work, items_drop, it, it->n));
    assert_int_equal(dropped, 1);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_unwatched_runs_here, teardown),
        cmocka_unit_test_teardown(test_watched_runs_beside, teardown),
        cmocka_unit_test_teardown(test_stop_before, teardown),
        cmocka_unit_test_teardown(test_stop_during, teardown),
        cmocka_unit_test_teardown(test_each_runs_every_item, teardown),
        cmocka_unit_test_teardown(test_each_watched_runs_beside, teardown),
        cmocka_unit_test_teardown(test_each_stop_during, teardown),
        cmocka_unit_test_teardown(test_each_stop_before, teardown),
        cmocka_unit_test_teardown(test_parse_interrupted, teardown),
        cmocka_unit_test_teardown(test_layout_interrupted, teardown),
        cmocka_unit_test_teardown(test_long_paragraph_interrupted, teardown),
    };
    return cmocka_run_group_tests_name("interrupt", tests, NULL, NULL);
}
