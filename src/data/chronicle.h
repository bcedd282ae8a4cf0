/* chronicle.h - following a scenario's recorded course of decisions.
 *
 * A scenario's chronicle { } entries are the history as a plan for each
 * side. chronicle_follow() gives the entries for the side to act on the
 * current turn: commands through the session (so they are recorded like a
 * player's), plan words returned for the caller's computer player to take
 * as its posture (it holds until the side's next plan word; commands
 * leave it). Used by the headless runner and the window alike. */
#pragma once
#include <stdbool.h>
#include "data/scenario.h"
#include "data/session.h"

typedef enum ChroniclePlan {
    CHRONICLE_COMMAND,      /* the entry was a command (see given/why) */
    CHRONICLE_HOLD,         /* "hold", "wait": start no battle */
    CHRONICLE_STRIKE,       /* "sally", "storm", "pursue": strike at even odds */
} ChroniclePlan;

typedef struct ChronicleStep {
    const ScenarioChronicle *entry;
    int plan;               /* ChroniclePlan */
    bool given;             /* a command that was accepted */
    char why[192];          /* why a command was refused */
} ChronicleStep;

/* Applies the chronicle's entries for g->active on g->turn (in a siege
 * turn), filling up to max steps in file order; returns how many entries
 * there were. */
int chronicle_follow(Session *ss, ChronicleStep *steps, int max);
/* "T12 chronicle rashidun: sally rastan - note" for a step. */
void chronicle_format(const Game *g, const ChronicleStep *st, char *buf, size_t n);
