/* headless.h - playing a game without a window. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "core/event.h"
#include "core/siege.h"
#include "data/scenario.h"

/* How a headless game ended, for a batch of games (emesa --what-if). */
typedef struct HeadlessResult {
    char outcome[64];           /* as the result line: <side>-<level>, draw or unfinished */
    int winner;                 /* side index, or -1 (draw, unfinished) */
    int turn;
    uint64_t hash;
    char side_id[2][32];
    int morale[2], sp_lost[2];
    int food_days[2];           /* siege_food_days at the end */
    int departures;             /* contingents gone home */
    int homes_taken;            /* contingents' home places held by another side than at the start */
    /* The turn of each theatre column's setting out and arrival (reaching
     * its destination: the town it relieves, or the place it besieges or
     * halts at), and of each contingent's going home; 0 if it never did. */
    int ncolumns, ncontingents;
    char column_id[MAX_COLUMNS][SIEGE_ID], contingent_id[MAX_CONTINGENTS][SIEGE_ID];
    int column_out[MAX_COLUMNS], column_arrived[MAX_COLUMNS], contingent_left[MAX_CONTINGENTS];
} HeadlessResult;

/* What went wrong in a game that a scenario's author must hear of: a
 * run-time error in an event handler, or a chronicle order that could not
 * be given. Each different problem is kept once, with how often it
 * happened. */
enum { HEADLESS_MAX_PROBLEMS = 32 };
typedef enum HeadlessProblemKind { PROBLEM_SCRIPT, PROBLEM_CHRONICLE } HeadlessProblemKind;
typedef struct HeadlessProblem {
    int kind;                   /* HeadlessProblemKind */
    int line;                   /* in the scenario file; 0 if unknown */
    char msg[320];              /* without the "file:line: " */
    int count;                  /* times in the game */
    int turn;                   /* the first time */
} HeadlessProblem;
typedef struct HeadlessProblems {
    HeadlessProblem items[HEADLESS_MAX_PROBLEMS];
    int n;
    int total;                  /* all occurrences, also of those not kept */
} HeadlessProblems;

typedef struct HeadlessOptions {
    const char *scenario;       /* path */
    uint64_t seed;
    const char *ai;             /* side id, "all" or NULL */
    int max_turns;              /* stop after this many turns; 0 = play out */
    const char *commands;       /* command file for the human side(s), or NULL */
    bool quiet;                 /* print only the summary */
    const char *save;           /* write the game's save here at the end, or NULL */
    const char *resume;         /* go on with the game in this save (play by e-mail), or NULL */
    const char *data_dir;       /* relative scenario paths in saves are relative to this */
    bool scenario_given;        /* --scenario was on the command line (overrides a save's) */
    int ai_level;               /* 1..3 the computer opponent; 0 the simple built-in player */
    bool chronicle;             /* the computer sides follow the scenario's recorded course */
    ScenarioOptions options;    /* what-if switches to build the game with (--option) */
    HeadlessResult *result;     /* filled at the end of headless_run when not NULL */
    HeadlessProblems *problems; /* filled as the game goes when not NULL */
    bool strict;                /* a handler's run-time error stops the game (exit 1) */
} HeadlessOptions;

enum { HEADLESS_EXIT_DIVERGED = 3 };

/* The seed of the computer player for side s in a game of this seed: the
 * window's players take it too, so that a game of the same scenario, seed
 * and switches is the same game in the window and on the command line. */
uint64_t headless_ai_seed(uint64_t game_seed, int side);

/* Plays the game, printing one line per event and then the summary whose
 * last line is "result: <outcome> turn <T> hash <16 hex>". Each different
 * run-time error of the scenario's handlers is printed once to err as
 * "file:line: message" (also when quiet), and the summary counts them;
 * with o->strict the first one ends the game with status 1. With o->resume
 * the game goes on from that save (only the new events are printed); with
 * o->save its save is written at the end. Returns the process exit status
 * (0 ok, 1 scenario, command or save error, 3 the resumed save diverged). */
int headless_run(const HeadlessOptions *o, FILE *out, FILE *err);
/* Re-plays the save at path, checking every recorded hash, and prints
 * the same event lines and summary as the game that was saved. Returns 0,
 * 1 for a save that cannot be read, is damaged or whose scenario changed
 * (the message names the file and line), or 3 when the replay diverges
 * from the recorded hashes (the message names the turn). */
int headless_replay(const char *path, const HeadlessOptions *o, FILE *out, FILE *err);
/* Validates scenario files, printing "file:line: message" per problem.
 * Returns 0 if all are valid, 1 otherwise. */
int headless_check(const char *const *paths, int n, const ScenarioOptions *opts, FILE *out, FILE *err);
/* Prints the scenario's what-if switches, one a line: id, label and
 * explanation separated by tabs. Returns 0, or 1 if it does not load. */
int headless_list_options(const char *path, FILE *out, FILE *err);
/* Loads the scenario with the switches on, printing its problems (an
 * unknown switch among them) to err; for the window to check --option
 * before it opens. Returns 0 or 1. */
int headless_check_options(const char *path, const ScenarioOptions *opts, FILE *err);
