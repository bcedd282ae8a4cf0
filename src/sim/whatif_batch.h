/* whatif_batch.h - emesa --what-if: many seeded computer-against-computer
 * games of one scenario and set of switches, on several threads. */
#pragma once
#include <stdio.h>
#include "data/scenario.h"

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
