/* interrupt.c: a stop asked for by the host (see interrupt.h). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "guidenav/interrupt.h"
#include "guidenav/util.h"

static volatile sig_atomic_t *watched;

void gn_interrupt_watch(volatile sig_atomic_t *flag)
{
    watched = flag;
}

bool gn_interrupted(void)
{
    return watched && *watched;
}

bool gn_interrupt_watched(void)
{
    return watched != NULL;
}

/* Now plus ms milliseconds on the monotonic clock. */
static struct timespec after_ms(long ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_nsec += ms * 1000000L;
    t.tv_sec += t.tv_nsec / 1000000000L;
    t.tv_nsec %= 1000000000L;
    return t;
}

/* ---- items on several threads --------------------------------------------- */

size_t gn_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (size_t)n;
}

/* Items handed to threads; freed by whichever side sees it last. */
typedef struct batch {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next, n;     /* the next item to run, of n */
    size_t running;     /* threads still working */
    bool abandoned;     /* the caller went on without it */
    void (*work)(void *, size_t, size_t);
    void (*drop)(void *);
    void *arg;
} batch;

typedef struct worker {
    batch *b;
    size_t id;
} worker;

/* Run items of b as worker id until none is left or a stop is asked. */
static void run_items(batch *b, size_t id)
{
    for (;;) {
        pthread_mutex_lock(&b->mu);
        size_t i = b->next < b->n && !gn_interrupted() ? b->next++ : b->n;
        pthread_mutex_unlock(&b->mu);
        if (i == b->n)
            return;
        b->work(b->arg, i, id);
    }
}

static void batch_free(batch *b)
{
    pthread_cond_destroy(&b->cv);
    pthread_mutex_destroy(&b->mu);
    free(b);
}

static void *run_worker(void *p)
{
    worker *w = p;
    batch *b = w->b;
    run_items(b, w->id);
    free(w);
    pthread_mutex_lock(&b->mu);
    bool last = --b->running == 0, abandoned = b->abandoned;
    pthread_cond_signal(&b->cv);
    pthread_mutex_unlock(&b->mu);
    if (last && abandoned) {
        b->drop(b->arg);
        batch_free(b);
    }
    return NULL;
}

bool gn_interruptible_each(void (*work)(void *arg, size_t item, size_t worker),
                           void (*drop)(void *), void *arg, size_t n)
{
    if (watched && gn_interrupted()) {
        drop(arg);
        return false;
    }
    batch *b = gn_xcalloc(1, sizeof *b);
    *b = (batch){.n = n, .work = work, .drop = drop, .arg = arg};
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&b->cv, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_init(&b->mu, NULL);

    /* The caller is worker 0 unless it watches for a stop. */
    size_t want = gn_workers() < n ? gn_workers() : n, first = watched ? 0 : 1;
    pthread_t *t = gn_xcalloc(want ? want : 1, sizeof *t);
    size_t made = 0;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old); /* signals go to the caller */
    for (size_t id = first; id < want; id++) {
        worker *w = gn_xmalloc(sizeof *w);
        *w = (worker){b, id};
        pthread_mutex_lock(&b->mu);
        b->running++;
        pthread_mutex_unlock(&b->mu);
        if (pthread_create(&t[made], NULL, run_worker, w) != 0) {
            free(w);
            pthread_mutex_lock(&b->mu);
            b->running--;
            pthread_mutex_unlock(&b->mu);
            break;
        }
        made++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (!watched || made == 0)
        run_items(b, 0);

    pthread_mutex_lock(&b->mu);
    while (b->running > 0 && !gn_interrupted()) {
        struct timespec until = after_ms(10);
        int w = pthread_cond_timedwait(&b->cv, &b->mu, &until);
        if (w != 0 && w != ETIMEDOUT && w != EINTR)
            break;
    }
    bool done = b->running == 0 && b->next >= b->n;
    bool left = b->running > 0;
    if (left)
        b->abandoned = true;
    pthread_mutex_unlock(&b->mu);
    if (left) {
        for (size_t i = 0; i < made; i++)
            pthread_detach(t[i]);
        free(t);
        return false;
    }
    for (size_t i = 0; i < made; i++)
        pthread_join(t[i], NULL);
    free(t);
    batch_free(b);
    if (!done)
        drop(arg);
    return done;
}

/* One piece of work, as the one item of gn_interruptible_each. */
typedef struct single {
    void (*work)(void *);
    void (*drop)(void *);
    void *arg;
} single;

static void single_work(void *p, size_t item, size_t id)
{
    (void)item;
    (void)id;
    single *w = p;
    w->work(w->arg);
}

static void single_drop(void *p)
{
    single *w = p;
    w->drop(w->arg);
    free(w);
}

bool gn_interruptible(void (*work)(void *), void (*drop)(void *), void *arg)
{
    single *w = gn_xmalloc(sizeof *w);
    *w = (single){work, drop, arg};
    bool done = gn_interruptible_each(single_work, single_drop, w, 1);
    if (done)
        free(w);
    return done;
}
