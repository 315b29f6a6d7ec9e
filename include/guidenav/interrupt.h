/* interrupt.h: a stop asked for by the host, obeyed by the core's long work.
 *
 * The host (the navigator, --search) hands the core the flag its handlers
 * of SIGINT, SIGTERM and SIGHUP set. Work whose length grows with a
 * document (parsing, layout, alignment, the search of a page) checks it
 * between steps of bounded length and gives up: its result is then empty
 * or partial, and the caller, seeing gn_interrupted(), keeps nothing of it.
 * The host then saves what it must and exits. While no flag is handed,
 * nothing is ever interrupted and gn_interruptible runs the work on the
 * caller's thread. */
#ifndef GUIDENAV_INTERRUPT_H
#define GUIDENAV_INTERRUPT_H

#include <signal.h>
#include <stdbool.h>

/* Watch flag (a signal handler's, nonzero: stop); NULL: watch none. */
void gn_interrupt_watch(volatile sig_atomic_t *flag);
/* True once the watched flag is set. Cheap: call it in loops. */
bool gn_interrupted(void);
/* True while a flag is watched. */
bool gn_interrupt_watched(void);

/* Run work(arg), which cannot check the flag itself (a library's), so that
 * a stop is still obeyed within about 10 ms: while a flag is watched it
 * runs on a thread of its own (all signals blocked there) and the caller
 * waits for it or for the stop. Returns true when work ended; false when a
 * stop came first: the caller goes on without the result, and the thread,
 * when work ends, calls drop(arg), which must free arg and whatever work
 * made. So arg must own everything work reads. */
bool gn_interruptible(void (*work)(void *), void (*drop)(void *), void *arg);

/* How many threads gn_interruptible_each spreads its items over: the
 * processors online, from 1 to 8. */
size_t gn_workers(void);

/* Run work(arg, item, worker) for each item in [0, n), each once, on up
 * to gn_workers() threads at once; worker, below gn_workers(), tells the
 * thread apart from the others running at the same time (for state of
 * its own, such as an arena). The order of the items is not told. While
 * no flag is watched, the caller's thread is one of them, and every item
 * runs: true. While one is, the caller only waits, and a stop ends the
 * wait within about 10 ms: the items not started are not run, false is
 * returned, and drop(arg) is called, which must free arg and all the
 * items made: by the caller, or by the last thread to end when one is
 * still at an item (so arg must own everything the items read). A
 * thread that cannot be made leaves its items to the others (to the
 * caller when none can be). */
bool gn_interruptible_each(void (*work)(void *arg, size_t item, size_t worker),
                           void (*drop)(void *), void *arg, size_t n);

#endif
