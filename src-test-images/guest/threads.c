/*
 * Threads: pthread create/join with return values, a mutex-protected counter, LOCK-prefixed
 * atomics, condition-variable ping-pong, barriers, semaphores, thread-local storage (FS-based
 * addressing), pthread_once and key destructors, and per-thread signal masks. All results are
 * independent of scheduling order.
 */
#define _GNU_SOURCE
#include "common.h"

#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

#define NT 4

static void *sum_part(void *arg)
{
    uintptr_t part = (uintptr_t)arg;
    uint64_t s = 0;
    for (uint64_t i = part * 250000; i < (part + 1) * 250000; i++)
        s += i * i % 1000003;
    return (void *)(uintptr_t)s;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t counter;
static atomic_uint_fast64_t acounter;
static volatile uint64_t xchg_word;

static void *bump(void *arg)
{
    (void)arg;
    for (int i = 0; i < 20000; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        atomic_fetch_add(&acounter, 3);
        /* a CMPXCHG loop doing the same */
        uint64_t old = xchg_word, nw;
        do
            nw = old + 1;
        while (!__atomic_compare_exchange_n(&xchg_word, &old, nw, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
    }
    return NULL;
}

static pthread_mutex_t pp_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pp_cond = PTHREAD_COND_INITIALIZER;
static int pp_turn, pp_rounds;

static void *ponger(void *arg)
{
    int me = (int)(uintptr_t)arg;
    for (int i = 0; i < 500; i++) {
        pthread_mutex_lock(&pp_lock);
        while (pp_turn != me)
            pthread_cond_wait(&pp_cond, &pp_lock);
        pp_rounds++;
        pp_turn = 1 - me;
        pthread_cond_broadcast(&pp_cond);
        pthread_mutex_unlock(&pp_lock);
    }
    return NULL;
}

static pthread_barrier_t barrier;
static int phase_values[NT][3];
static int shared_phase[3];

static void *phased(void *arg)
{
    int me = (int)(uintptr_t)arg;
    for (int ph = 0; ph < 3; ph++) {
        __atomic_fetch_add(&shared_phase[ph], me + 1, __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&barrier);
        /* after the barrier every thread sees the complete sum of this phase */
        phase_values[me][ph] = __atomic_load_n(&shared_phase[ph], __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

static __thread int tls_value = 7;
static __thread char tls_buf[64];

static void *tls_worker(void *arg)
{
    int me = (int)(uintptr_t)arg;
    tls_value += me * 100;
    snprintf(tls_buf, sizeof tls_buf, "thread-%d", me);
    usleep(1000);
    int ok = tls_value == 7 + me * 100;
    char expect[16];
    snprintf(expect, sizeof expect, "thread-%d", me);
    ok = ok && strcmp(tls_buf, expect) == 0;
    return (void *)(uintptr_t)ok;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static pthread_key_t key;
static int destructor_runs;

static void once_fn(void)
{
    once_runs++;
}

static void key_destructor(void *p)
{
    (void)p;
    __atomic_fetch_add(&destructor_runs, 1, __ATOMIC_SEQ_CST);
}

static void *once_worker(void *arg)
{
    pthread_once(&once, once_fn);
    pthread_setspecific(key, arg);
    return pthread_getspecific(key);
}

static sem_t sem_items, sem_done;
static int produced[100];

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        sem_wait(&sem_items);
        produced[i] *= 2;
    }
    sem_post(&sem_done);
    return NULL;
}

static volatile sig_atomic_t usr1_in_thread;

static void on_usr1(int sig)
{
    (void)sig;
    usr1_in_thread = 1;
}

static void *sig_target(void *arg)
{
    (void)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    while (!usr1_in_thread)
        usleep(100);
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    uint64_t total = 0;
    for (uintptr_t i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, sum_part, (void *)i);
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(t[i], &r);
        total += (uint64_t)(uintptr_t)r;
    }
    uint64_t check = 0;
    for (uint64_t i = 0; i < NT * 250000; i++)
        check += i * i % 1000003;
    printf("parallel sum: %" PRIu64 " (matches serial: %s)\n", total, total == check ? "yes" : "no");

    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, bump, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("mutex counter: %" PRIu64 ", atomic counter: %" PRIu64 ", cmpxchg counter: %" PRIu64 "\n", counter,
           (uint64_t)atomic_load(&acounter), xchg_word);

    pthread_t a, b;
    pthread_create(&a, NULL, ponger, (void *)0);
    pthread_create(&b, NULL, ponger, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("condvar ping-pong rounds: %d\n", pp_rounds);

    pthread_barrier_init(&barrier, NULL, NT);
    for (uintptr_t i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, phased, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    int agree = 1;
    for (int i = 0; i < NT; i++)
        for (int ph = 0; ph < 3; ph++)
            agree &= phase_values[i][ph] == 10;
    printf("barrier phases: every thread saw sum 10 in all phases: %s\n", agree ? "yes" : "no");
    pthread_barrier_destroy(&barrier);

    int tls_ok = 1;
    for (uintptr_t i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, tls_worker, (void *)(i + 1));
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(t[i], &r);
        tls_ok &= (int)(uintptr_t)r;
    }
    printf("thread-local storage: private per thread: %s, main still %d\n", tls_ok ? "yes" : "no", tls_value);

    pthread_key_create(&key, key_destructor);
    for (uintptr_t i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, once_worker, (void *)(i + 1));
    uintptr_t keysum = 0;
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(t[i], &r);
        keysum += (uintptr_t)r;
    }
    printf("pthread_once ran %d time(s), key values sum %lu, destructors %d\n", once_runs, (unsigned long)keysum,
           destructor_runs);

    sem_init(&sem_items, 0, 0);
    sem_init(&sem_done, 0, 0);
    pthread_t c;
    pthread_create(&c, NULL, consumer, NULL);
    for (int i = 0; i < 100; i++) {
        produced[i] = i;
        sem_post(&sem_items);
    }
    sem_wait(&sem_done);
    pthread_join(c, NULL);
    int psum = 0;
    for (int i = 0; i < 100; i++)
        psum += produced[i];
    printf("semaphore producer/consumer sum: %d\n", psum);

    /* SIGUSR1 blocked in main, unblocked in one thread: the process-directed signal goes there */
    signal(SIGUSR1, on_usr1);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t s;
    pthread_create(&s, NULL, sig_target, NULL);
    kill(getpid(), SIGUSR1);
    pthread_join(s, NULL);
    printf("process signal handled by the unblocked thread: %s\n", usr1_in_thread ? "yes" : "no");

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
    pthread_create(&s, &attr, sum_part, (void *)1);
    void *r;
    pthread_join(s, &r);
    printf("small-stack thread result: %" PRIu64 "\n", (uint64_t)(uintptr_t)r);
    pthread_attr_destroy(&attr);
    return finish();
}
