/* headless.h - playing a game without a window. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct HeadlessOptions {
    const char *scenario;       /* path */
    uint64_t seed;
    const char *ai;             /* side id, "all" or NULL */
    int max_turns;              /* stop after this many turns; 0 = play out */
    const char *commands;       /* command file for the human side(s), or NULL */
    bool quiet;                 /* print only the summary */
} HeadlessOptions;

/* Plays the game, printing one line per event and then the summary whose
 * last line is "result: <outcome> turn <T> hash <16 hex>". Returns the
 * process exit status (0 ok, 1 scenario or command error). */
int headless_run(const HeadlessOptions *o, FILE *out, FILE *err);
/* Validates scenario files, printing "file:line: message" per problem.
 * Returns 0 if all are valid, 1 otherwise. */
int headless_check(const char *const *paths, int n, FILE *out, FILE *err);
