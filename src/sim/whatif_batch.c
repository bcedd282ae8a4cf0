/* whatif_batch.c - emesa --what-if: seeds 1..N played computer against
 * computer on J threads. Games share nothing: each worker runs whole
 * headless games (one Game and one Lua state each) and writes its result
 * into the slot of its seed; everything is printed in seed order after
 * the last game, so the output does not depend on J. */
#include "whatif_batch.h"
#include "i18n.h"
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

struct BatchRun {
    BatchOptions o;          /* o.scenario, o.data_dir and o.options point into this struct */
    char scenario[4096], data_dir[4096];
    ScenarioOptions options;
    HeadlessOptions *games;  /* [games], ready to play (batch_play), or NULL: built from o */
    HeadlessResult *results; /* [games], by seed - 1 */
    int *status;             /* [games]: headless_run's exit status */
    pthread_mutex_t lock;
    int next;                /* next game to hand out (under lock) */
    int done;                /* games finished (under lock) */
    int working;             /* workers not yet stopped (under lock) */
    bool cancel;             /* (under lock) */
    pthread_t *threads;
    int nthreads;
    bool joined;
};

static void *worker(void *arg)
{
    BatchRun *b = arg;
    FILE *sink = fopen("/dev/null", "w"); /* the quiet summary and the AI's refusals */
    for (;;) {
        pthread_mutex_lock(&b->lock);
        int i = !b->cancel && b->next < b->o.games ? b->next++ : -1;
        pthread_mutex_unlock(&b->lock);
        if (i < 0)
            break;
        if (b->games) {
            b->status[i] = sink ? headless_run(&b->games[i], sink, sink) : 1;
            pthread_mutex_lock(&b->lock);
            b->done++;
            pthread_mutex_unlock(&b->lock);
            continue;
        }
        HeadlessOptions ho = {0};
        ho.scenario = b->o.scenario;
        ho.data_dir = b->o.data_dir;
        ho.seed = (uint64_t)i + 1;
        ho.ai = "all";
        ho.ai_level = b->o.ai_level;
        ho.quiet = true;
        if (b->o.options)
            ho.options = *b->o.options;
        ho.result = &b->results[i];
        b->status[i] = sink ? headless_run(&ho, sink, sink) : 1;
        pthread_mutex_lock(&b->lock);
        b->done++;
        pthread_mutex_unlock(&b->lock);
    }
    if (sink)
        fclose(sink);
    pthread_mutex_lock(&b->lock);
    b->working--;
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

static BatchRun *start(const BatchOptions *o, HeadlessOptions *games, char *why, size_t n)
{
    BatchRun *b = calloc(1, sizeof *b);
    if (!b || o->games < 1) {
        snprintf(why, n, o->games < 1 ? "no games to play" : "out of memory");
        free(b);
        return NULL;
    }
    b->o = *o;
    b->o.csv = NULL;
    b->games = games;
    snprintf(b->scenario, sizeof b->scenario, "%s", o->scenario);
    b->o.scenario = b->scenario;
    if (o->data_dir) {
        snprintf(b->data_dir, sizeof b->data_dir, "%s", o->data_dir);
        b->o.data_dir = b->data_dir;
    }
    if (o->options) {
        b->options = *o->options;
        b->o.options = &b->options;
    }
    int jobs = o->jobs < 1 ? 1 : o->jobs < o->games ? o->jobs : o->games;
    b->results = calloc((size_t)o->games, sizeof *b->results);
    b->status = calloc((size_t)o->games, sizeof *b->status);
    b->threads = calloc((size_t)jobs, sizeof *b->threads);
    if (!b->results || !b->status || !b->threads || pthread_mutex_init(&b->lock, NULL) != 0) {
        snprintf(why, n, "out of memory");
        free(b->results);
        free(b->status);
        free(b->threads);
        free(b);
        return NULL;
    }
    pthread_mutex_lock(&b->lock);
    for (; b->nthreads < jobs; b->nthreads++) {
        if (pthread_create(&b->threads[b->nthreads], NULL, worker, b) != 0)
            break;
        b->working++;
    }
    pthread_mutex_unlock(&b->lock);
    if (b->nthreads == 0) {
        snprintf(why, n, "cannot start a thread for the games");
        pthread_mutex_destroy(&b->lock);
        free(b->results);
        free(b->status);
        free(b->threads);
        free(b);
        return NULL;
    }
    return b;
}

BatchRun *batch_start(const BatchOptions *o, char *why, size_t n)
{
    return start(o, NULL, why, n);
}

int batch_done(BatchRun *b)
{
    pthread_mutex_lock(&b->lock);
    int d = b->done;
    pthread_mutex_unlock(&b->lock);
    return d;
}

int batch_games(const BatchRun *b)
{
    return b->o.games;
}

bool batch_running(BatchRun *b)
{
    pthread_mutex_lock(&b->lock);
    bool r = b->working > 0;
    pthread_mutex_unlock(&b->lock);
    return r;
}

void batch_cancel(BatchRun *b)
{
    pthread_mutex_lock(&b->lock);
    b->cancel = true;
    pthread_mutex_unlock(&b->lock);
}

int batch_wait(BatchRun *b, int *bad_seed)
{
    if (!b->joined) {
        for (int k = 0; k < b->nthreads; k++)
            pthread_join(b->threads[k], NULL);
        b->joined = true;
    }
    if (b->done < b->o.games)
        return 4;
    for (int i = 0; i < b->o.games; i++)
        if (b->status[i] != 0) {
            if (bad_seed)
                *bad_seed = i + 1;
            return 1;
        }
    return 0;
}

const HeadlessResult *batch_results(const BatchRun *b)
{
    return b->results;
}

void batch_free(BatchRun *b)
{
    if (!b)
        return;
    batch_cancel(b);
    batch_wait(b, NULL);
    pthread_mutex_destroy(&b->lock);
    free(b->results);
    free(b->status);
    free(b->threads);
    free(b);
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
    fputc('\r', err);
    fprintf(err, _("%d/%d games, %.1f games/s"), done, games, rate);
    if (rate > 0 && done < games)
        fprintf(err, _(", %.0f s left   "), (games - done) / rate);
    else
        fprintf(err, "            ");
    fflush(err);
}

/* The calling thread draws the progress line while the workers play. */
static void follow(BatchRun *b, FILE *err)
{
    if (!err || !isatty(fileno(err)))
        return;
    double t0 = now_s();
    for (;;) {
        int done = batch_done(b);
        progress(err, done, b->o.games, t0);
        if (done >= b->o.games || !batch_running(b))
            break;
        nanosleep(&(struct timespec){0, 250000000L}, NULL);
    }
    fprintf(err, "\n");
}

/* A turn for the CSV: empty when it never happened. */
static void csv_turn(FILE *f, int turn)
{
    if (turn > 0)
        fprintf(f, ",%d", turn);
    else
        fputc(',', f);
}

int batch_write_csv(FILE *f, const HeadlessResult *r, int n)
{
    const char *a = r[0].side_id[0], *d = r[0].side_id[1];
    fprintf(f, "seed,outcome,turn,hash,%s_morale,%s_sp_lost,%s_morale,%s_sp_lost,%s_food_days,%s_food_days,"
               "departures,homes_taken", a, a, d, d, a, d);
    /* every game of a batch has the same columns and contingents */
    for (int c = 0; c < r[0].ncolumns; c++)
        fprintf(f, ",%s_out,%s_arrived", r[0].column_id[c], r[0].column_id[c]);
    for (int k = 0; k < r[0].ncontingents; k++)
        fprintf(f, ",%s_left", r[0].contingent_id[k]);
    fputc('\n', f);
    for (int i = 0; i < n; i++) {
        fprintf(f, "%d,%s,%d,%016" PRIx64 ",%d,%d,%d,%d,%d,%d,%d,%d", i + 1, r[i].outcome, r[i].turn, r[i].hash,
                r[i].morale[0], r[i].sp_lost[0], r[i].morale[1], r[i].sp_lost[1], r[i].food_days[0],
                r[i].food_days[1], r[i].departures, r[i].homes_taken);
        for (int c = 0; c < r[0].ncolumns; c++) {
            csv_turn(f, r[i].column_out[c]);
            csv_turn(f, r[i].column_arrived[c]);
        }
        for (int k = 0; k < r[0].ncontingents; k++)
            csv_turn(f, r[i].contingent_left[k]);
        fputc('\n', f);
    }
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
        text_say(err, _("emesa: --csv %s: cannot write the file: %s"), o->csv, strerror(errno));
        return 2;
    }
    /* a scenario that does not load, or an unknown switch: said once, here */
    if (headless_check_options(o->scenario, o->options, err)) {
        if (csv)
            fclose(csv);
        return 1;
    }
    char why[256];
    BatchRun *b = batch_start(o, why, sizeof why);
    int status = 0, bad = 0;
    if (!b) {
        fprintf(err, "emesa: %s\n", why);
        status = 1;
    } else {
        follow(b, err);
        if (batch_wait(b, &bad) != 0) {
            fprintf(err, _("emesa: the game of seed %d could not be played (try it with --headless --seed %d)\n"),
                    bad, bad);
            status = 1;
        }
    }
    if (status == 0) {
        report(o, batch_results(b), out);
        if (csv && batch_write_csv(csv, batch_results(b), o->games) != 0) {
            text_say(err, _("emesa: --csv %s: write error"), o->csv);
            status = 1;
        }
    }
    if (csv && fclose(csv) != 0 && status == 0) {
        text_say(err, _("emesa: --csv %s: write error"), o->csv);
        status = 1;
    }
    batch_free(b);
    return status;
}

int batch_play(HeadlessOptions *games, int *status, int n, int jobs, FILE *err)
{
    if (n <= 0)
        return 0;
    BatchOptions o = {.scenario = "", .games = n, .jobs = jobs};
    char why[256];
    BatchRun *b = start(&o, games, why, sizeof why);
    if (!b) {
        fprintf(err, "emesa: %s\n", why);
        return 1;
    }
    follow(b, err);
    batch_wait(b, NULL);
    memcpy(status, b->status, (size_t)n * sizeof *status);
    batch_free(b);
    return 0;
}

void batch_summarize(const HeadlessResult *r, int n, BatchSummary *s)
{
    memset(s, 0, sizeof *s);
    s->games = n;
    if (n <= 0)
        return;
    for (int k = 0; k < 2; k++)
        snprintf(s->side_id[k], sizeof s->side_id[k], "%s", r[0].side_id[k]);
    int *turns = malloc((size_t)n * sizeof *turns);
    s->min_turn = s->max_turn = r[0].turn;
    for (int i = 0; i < n; i++) {
        s->wins[r[i].winner == 0 ? 0 : r[i].winner == 1 ? 1 : 2]++;
        int t = r[i].turn < 0 ? 0 : r[i].turn > BATCH_MAX_TURN ? BATCH_MAX_TURN : r[i].turn;
        s->turns[t]++;
        if (r[i].turn < s->min_turn)
            s->min_turn = r[i].turn;
        if (r[i].turn > s->max_turn)
            s->max_turn = r[i].turn;
        if (turns)
            turns[i] = r[i].turn;
    }
    s->median_turn = turns ? batch_median(turns, n) : 0;
    free(turns);
    for (int k = 0; k < 3; k++) {
        s->share[k] = (double)s->wins[k] / n;
        batch_wilson(s->wins[k], n, 1.96, &s->lo[k], &s->hi[k]);
    }
}
