/* chronicle.h - following a scenario's recorded course of decisions.
 *
 * A scenario's chronicle { } entries are the history as a plan for each
 * side. chronicle_follow() gives the entries for the side to act on the
 * current turn: commands through the session (so they are recorded like a
 * player's), plan words returned for the caller's computer player to take
 * as its posture (it holds until the side's next plan word; commands
 * leave it), with the gate a sally or storm must use; rations given by
 * the chronicle are returned too, for the computer player to keep as they
 * are. Used by the headless runner and the window alike. */
#pragma once
#include <stdbool.h>
#include "data/scenario.h"
#include "data/session.h"

typedef enum ChroniclePlan {
    CHRONICLE_COMMAND,      /* the entry was a command (see given/why) */
    CHRONICLE_HOLD,         /* "hold", "wait": start no battle, offer no terms */
    CHRONICLE_STRIKE,       /* "sally G", "storm G", "pursue": strike at even odds (by gate G) */
    CHRONICLE_SORTIE,       /* "sortie": small sallies on cold days only, else hold */
    CHRONICLE_FEINT,        /* "feint G": fall back from gate G's sector, start no battle */
} ChroniclePlan;

typedef struct ChronicleStep {
    const ScenarioChronicle *entry;
    int plan;               /* ChroniclePlan */
    int gate;               /* the gate of "sally G"/"storm G" (Game.gates index), else -1 */
    int rations;            /* a given "rations R" command: R (Rations), else -1 */
    bool given;             /* a command that was accepted */
    char why[192];          /* why a command was refused */
} ChronicleStep;

/* The plan word of an order and its gate (*gate, -1 when none or the gate
 * is unknown): CHRONICLE_COMMAND when the order is not a plan word. */
int chronicle_plan_of(const Game *g, const char *order, int *gate);
/* The plan words, NULL-terminated; the first CHRONICLE_GATE_WORDS take a
 * gate. */
extern const char *const chronicle_plan_words[];
enum { CHRONICLE_GATE_WORDS = 3 };

/* Applies the chronicle's entries for g->active on g->turn (in a siege
 * turn), filling up to max steps in file order; returns how many entries
 * there were. */
int chronicle_follow(Session *ss, ChronicleStep *steps, int max);
/* "T12 chronicle rashidun: sally rastan - note" for a step. */
void chronicle_format(const Game *g, const ChronicleStep *st, char *buf, size_t n);
