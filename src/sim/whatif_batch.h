/* whatif_batch.h - emesa --what-if: many seeded computer-against-computer
 * games of one scenario and set of switches, on several threads. */
#pragma once
#include <stdio.h>
#include "data/scenario.h"
#include "sim/headless.h"

typedef struct BatchOptions {
    const char *scenario;           /* path */
    const char *data_dir;           /* as for --headless (the scenario's name in events) */
    int games;                      /* seeds 1..games */
    int jobs;                       /* worker threads, >= 1 */
    int ai_level;                   /* 0..3, both sides */
    const ScenarioOptions *options; /* what-if switches every game is built with */
    const char *csv;                /* one row per game here, or NULL */
} BatchOptions;

/* The number of cores online (at least 1): the default --jobs. */
int batch_default_jobs(void);
/* Plays the games and prints one line per outcome and the summary line
 * "what-if: N games, <side> P % (lo-hi), <side> Q % (lo-hi), draw R %
 * (lo-hi), median end turn T" to out; a progress line goes to err when it
 * is a terminal. Each game is exactly the one `emesa --headless --quiet
 * --ai all` plays with the same seed, level and switches, and nothing
 * printed depends on the number of threads. Returns the exit status: 0,
 * 1 a scenario that does not load or a game that could not be played, 2
 * a CSV file that cannot be written. */
int whatif_batch(const BatchOptions *o, FILE *out, FILE *err);

/* Plays the n prepared games (their results go where each one's result
 * points) on jobs threads, with the progress line on a terminal; each
 * game's headless_run status goes to status[i]. 0, or 1 if no thread could
 * be started. */
int batch_play(HeadlessOptions *games, int *status, int n, int jobs, FILE *err);

/* ---- a batch that runs while its caller goes on (the window) --------- */

typedef struct BatchRun BatchRun;

/* Starts the games on o->jobs threads and returns at once; o and what it
 * points to are copied (o->csv is not used). NULL with the reason in why
 * if no thread could be started. */
BatchRun *batch_start(const BatchOptions *o, char *why, size_t n);
/* Games finished so far, and in all. */
int batch_done(BatchRun *b);
int batch_games(const BatchRun *b);
/* True while a worker may still begin or finish a game. */
bool batch_running(BatchRun *b);
/* No game is begun after this; the ones being played finish (each takes
 * well under a second). */
void batch_cancel(BatchRun *b);
/* Waits for the workers: 0 if every game was played, 1 if one could not
 * be (the seed is in *bad_seed when not NULL), 4 if it was cancelled
 * before the end. */
int batch_wait(BatchRun *b, int *bad_seed);
/* Each game's result by seed - 1, once batch_wait returned 0. */
const HeadlessResult *batch_results(const BatchRun *b);
/* Cancels, waits and frees (NULL is fine). */
void batch_free(BatchRun *b);

/* Writes the CSV (header, then a row per game) of n results. */
int batch_write_csv(FILE *f, const HeadlessResult *r, int n);

enum { BATCH_MAX_TURN = 64 };

/* What a batch came to: per side and draws (unfinished games count as
 * draws), the share with its 95 % Wilson interval, the median end turn and
 * the end turns' histogram (turns above BATCH_MAX_TURN counted there). */
typedef struct BatchSummary {
    int games;
    char side_id[2][32];
    int wins[3];                /* side 0, side 1, draw */
    double share[3], lo[3], hi[3];
    double median_turn;
    int min_turn, max_turn;
    int turns[BATCH_MAX_TURN + 1];
} BatchSummary;

void batch_summarize(const HeadlessResult *r, int n, BatchSummary *s);
