/* whatif_batch.c - emesa --what-if: seeds 1..N played computer against
 * computer on J threads. Games share nothing: each worker runs whole
 * headless games (one Game and one Lua state each) and writes its result
 * into the slot of its seed; everything is printed in seed order after
 * the last game, so the output does not depend on J. */
#include "whatif_batch.h"
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "batch_stats.h"
#include "data/file.h"
#include "headless.h"

enum { MAX_OUTCOMES = 32 };

typedef struct Batch {
    const BatchOptions *o;
    HeadlessResult *results; /* [games], by seed - 1 */
    int *status;             /* [games]: headless_run's exit status */
    pthread_mutex_t lock;
    int next;                /* next game to hand out (under lock) */
    int done;                /* games finished (under lock) */
} Batch;

static void *worker(void *arg)
{
    Batch *b = arg;
    FILE *sink = fopen("/dev/null", "w"); /* the quiet summary and the AI's refusals */
    for (;;) {
        pthread_mutex_lock(&b->lock);
        int i = b->next < b->o->games ? b->next++ : -1;
        pthread_mutex_unlock(&b->lock);
        if (i < 0)
            break;
        HeadlessOptions ho = {0};
        ho.scenario = b->o->scenario;
        ho.data_dir = b->o->data_dir;
        ho.seed = (uint64_t)i + 1;
        ho.ai = "all";
        ho.ai_level = b->o->ai_level;
        ho.quiet = true;
        if (b->o->options)
            ho.options = *b->o->options;
        ho.result = &b->results[i];
        b->status[i] = sink ? headless_run(&ho, sink, sink) : 1;
        pthread_mutex_lock(&b->lock);
        b->done++;
        pthread_mutex_unlock(&b->lock);
    }
    if (sink)
        fclose(sink);
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(FILE *err, int done, int games, double t0)
{
    double dt = now_s() - t0, rate = dt > 0 ? done / dt : 0;
    fprintf(err, "\r%d/%d games, %.1f games/s", done, games, rate);
    if (rate > 0 && done < games)
        fprintf(err, ", %.0f s left   ", (games - done) / rate);
    else
        fprintf(err, "            ");
    fflush(err);
}

/* Runs the workers; the calling thread draws the progress line. */
static int run(Batch *b, FILE *err)
{
    int jobs = b->o->jobs < b->o->games ? b->o->jobs : b->o->games;
    pthread_t *t = calloc((size_t)jobs, sizeof *t);
    if (!t)
        return 1;
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&t[started], NULL, worker, b) != 0)
            break;
    if (started == 0) {
        fprintf(err, "emesa: cannot start a thread for the games\n");
        free(t);
        return 1;
    }
    if (err && isatty(fileno(err))) {
        double t0 = now_s();
        for (;;) {
            pthread_mutex_lock(&b->lock);
            int done = b->done;
            pthread_mutex_unlock(&b->lock);
            progress(err, done, b->o->games, t0);
            if (done >= b->o->games)
                break;
            nanosleep(&(struct timespec){0, 250000000L}, NULL);
        }
        fprintf(err, "\n");
    }
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    free(t);
    return 0;
}

static int write_csv(const BatchOptions *o, FILE *f, const HeadlessResult *r)
{
    const char *a = r[0].side_id[0], *d = r[0].side_id[1];
    fprintf(f, "seed,outcome,turn,hash,%s_morale,%s_sp_lost,%s_morale,%s_sp_lost,%s_food_days,%s_food_days,"
               "departures,homes_taken\n", a, a, d, d, a, d);
    for (int i = 0; i < o->games; i++)
        fprintf(f, "%d,%s,%d,%016" PRIx64 ",%d,%d,%d,%d,%d,%d,%d,%d\n", i + 1, r[i].outcome, r[i].turn, r[i].hash,
                r[i].morale[0], r[i].sp_lost[0], r[i].morale[1], r[i].sp_lost[1], r[i].food_days[0],
                r[i].food_days[1], r[i].departures, r[i].homes_taken);
    return ferror(f) ? -1 : 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void share(FILE *out, const char *name, int k, int n)
{
    double lo, hi;
    batch_wilson(k, n, 1.96, &lo, &hi);
    fprintf(out, "%s %.1f %% (%.1f-%.1f)", name, 100.0 * k / n, 100.0 * lo, 100.0 * hi);
}

static void report(const BatchOptions *o, const HeadlessResult *r, FILE *out)
{
    int n = o->games;
    /* outcomes in alphabetical order */
    const char *names[MAX_OUTCOMES];
    int count[MAX_OUTCOMES], nn = 0, wins[3] = {0, 0, 0};
    for (int i = 0; i < n; i++) {
        int k = 0;
        while (k < nn && strcmp(names[k], r[i].outcome) != 0)
            k++;
        if (k == nn && nn < MAX_OUTCOMES)
            names[nn++] = r[i].outcome;
        wins[r[i].winner == 0 ? 0 : r[i].winner == 1 ? 1 : 2]++;
    }
    qsort(names, (size_t)nn, sizeof *names, cmp_str);
    for (int k = 0; k < nn; k++) {
        count[k] = 0;
        for (int i = 0; i < n; i++)
            count[k] += strcmp(names[k], r[i].outcome) == 0;
        fprintf(out, "%s %d %.1f\n", names[k], count[k], 100.0 * count[k] / n);
    }
    int *turns = malloc((size_t)n * sizeof *turns);
    for (int i = 0; turns && i < n; i++)
        turns[i] = r[i].turn;
    double med = turns ? batch_median(turns, n) : 0;
    free(turns);
    fprintf(out, "what-if: %d games, ", n);
    share(out, r[0].side_id[0], wins[0], n);
    fprintf(out, ", ");
    share(out, r[0].side_id[1], wins[1], n);
    fprintf(out, ", ");
    share(out, "draw", wins[2], n);
    fprintf(out, ", median end turn %g\n", med);
}

int batch_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

int whatif_batch(const BatchOptions *o, FILE *out, FILE *err)
{
    FILE *csv = NULL;
    if (o->csv && !(csv = fopen(o->csv, "w"))) {
        text_say(err, "emesa: --csv %s: cannot write the file: %s", o->csv, strerror(errno));
        return 2;
    }
    /* a scenario that does not load, or an unknown switch: said once, here */
    if (headless_check_options(o->scenario, o->options, err)) {
        if (csv)
            fclose(csv);
        return 1;
    }
    Batch b = {.o = o};
    b.results = calloc((size_t)o->games, sizeof *b.results);
    b.status = calloc((size_t)o->games, sizeof *b.status);
    int status = 0;
    if (!b.results || !b.status || pthread_mutex_init(&b.lock, NULL) != 0) {
        fprintf(err, "emesa: out of memory\n");
        status = 1;
    } else {
        status = run(&b, err);
        pthread_mutex_destroy(&b.lock);
    }
    for (int i = 0; status == 0 && i < o->games; i++)
        if (b.status[i] != 0) {
            fprintf(err, "emesa: the game of seed %d could not be played (try it with --headless --seed %d)\n",
                    i + 1, i + 1);
            status = 1;
        }
    if (status == 0) {
        report(o, b.results, out);
        if (csv && write_csv(o, csv, b.results) != 0) {
            text_say(err, "emesa: --csv %s: write error", o->csv);
            status = 1;
        }
    }
    if (csv && fclose(csv) != 0 && status == 0) {
        text_say(err, "emesa: --csv %s: write error", o->csv);
        status = 1;
    }
    free(b.results);
    free(b.status);
    return status;
}
