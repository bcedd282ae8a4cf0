/* check_play.h - emesa --check --play N: a scenario checked by playing it. */
#pragma once
#include <stdbool.h>
#include <stdio.h>
#include "data/scenario.h"

typedef struct CheckPlayOptions {
    const ScenarioOptions *options; /* what-if switches every game is built with, or NULL */
    const char *data_dir;
    int jobs;                       /* games at once, >= 1 */
    bool strict;                    /* warnings fail too */
} CheckPlayOptions;

/* Checks each file as --check does, then plays per_file seeded games of
 * each that loads, computer against computer (seeds 1..per_file, levels
 * 1, 2, 3 and - when the file has a chronicle - the chronicle, in turn),
 * and prints to out, as "file:line: message", each different run-time
 * error of its handlers and each chronicle order that could not be given
 * (with how many games had it and the first), each game that could not
 * be played or stopped unfinished, a file none of whose games went past
 * turn 2 (errors), a chronicle order refused in some but not all of the
 * games that followed the chronicle, each game over by turn 2 and each
 * side that won no game (warnings), the outcomes of the file's games, and
 * a last line
 * "check --play: F files, G games, E errors, W warnings".
 * Returns 1 when there is an error (or, with strict, a warning), else 0. */
int check_play(const char *const *paths, int n, int per_file, const CheckPlayOptions *o, FILE *out, FILE *err);
