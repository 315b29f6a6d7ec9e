/* interrupt.c: a stop asked for by the host (see interrupt.h). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
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

/* Work handed to a thread; freed by whichever side sees it last. */
typedef struct job {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool done;      /* work has ended */
    bool abandoned; /* the caller went on without it */
    void (*work)(void *);
    void (*drop)(void *);
    void *arg;
} job;

static void job_free(job *j)
{
    pthread_cond_destroy(&j->cv);
    pthread_mutex_destroy(&j->mu);
    free(j);
}

static void *run_job(void *p)
{
    job *j = p;
    j->work(j->arg);
    pthread_mutex_lock(&j->mu);
    bool abandoned = j->abandoned;
    j->done = true;
    pthread_cond_signal(&j->cv);
    pthread_mutex_unlock(&j->mu);
    if (abandoned) {
        j->drop(j->arg);
        job_free(j);
    }
    return NULL;
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

bool gn_interruptible(void (*work)(void *), void (*drop)(void *), void *arg)
{
    if (!watched) {
        work(arg);
        return true;
    }
    if (gn_interrupted()) {
        drop(arg);
        return false;
    }
    job *j = gn_xcalloc(1, sizeof *j);
    j->work = work;
    j->drop = drop;
    j->arg = arg;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&j->cv, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_init(&j->mu, NULL);

    /* Signals go to the caller's thread, whose handlers set the flag. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_t t;
    int rc = pthread_create(&t, NULL, run_job, j);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) { /* no thread to spare: the work runs here */
        job_free(j);
        work(arg);
        return true;
    }

    pthread_mutex_lock(&j->mu);
    while (!j->done && !gn_interrupted()) {
        struct timespec until = after_ms(10);
        int w = pthread_cond_timedwait(&j->cv, &j->mu, &until);
        if (w != 0 && w != ETIMEDOUT && w != EINTR)
            break;
    }
    bool done = j->done;
    if (!done)
        j->abandoned = true;
    pthread_mutex_unlock(&j->mu);
    if (!done) {
        pthread_detach(t);
        return false;
    }
    pthread_join(t, NULL);
    job_free(j);
    return true;
}
