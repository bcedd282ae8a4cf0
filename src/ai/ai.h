/* ai.h - the computer opponent.
 *
 * An AiPlayer plays one side. It reads the game state (as a player would:
 * enemy units hidden in orchards are not looked at) and proposes the next
 * command for that side; the caller applies it (scenario_apply or
 * session_apply) and asks again. Every proposed command has passed
 * cmd_validate(); when nothing better is found the player ends its turn or
 * impulse, so a game driven by ai_next() always moves on.
 *
 * Deterministic: the same seed, level and game give the same commands. The
 * player has its own random stream (never the game's), no global state, and
 * a work budget per decision counted in evaluations, not in wall-clock
 * time, so results are the same on every machine.
 *
 * Levels change judgement, not dice:
 *   1  attacks at fair odds with the units at hand, keeps the blockade and
 *      the rations simply, plays with some noise in its judgement;
 *   2  manoeuvres for flank and rear, pulls back shaken units, pursues
 *      routers, sets alerts where the enemy gathers, sends columns, offers
 *      terms, weighs the enemy's answer before a sally or an assault;
 *   3  all of that with a larger search, the feigned withdrawal of light
 *      horse, care for its leaders, releasing a contingent before it
 *      deserts (sooner when the news on its way leaves the army room for
 *      one desertion), a blockade that never halts at the foot of the
 *      walls, and surprise sallies timed against camps not on alert. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "core/command.h"
#include "core/game.h"

enum { AI_LEVEL_MIN = 1, AI_LEVEL_MAX = 3 };

typedef struct AiPlayer AiPlayer;

/* Counters for tests and the balance tool. */
typedef struct AiStats {
    long decisions;     /* ai_next calls that returned a command */
    long plans;         /* times a plan was (re)built */
    long evals;         /* evaluations spent (odds, floods) */
    long budget_hits;   /* decisions cut short by the budget */
    long flood_kept;    /* floods answered from the kept ones (and, when
                           checked, threat reaches kept, see ai_reach_hits) */
    long flood_wrong;   /* of those, answers unlike fresh ones (checked only) */
} AiStats;

/* A player for side (0 or 1) at level 1..3 (clamped). NULL if out of
 * memory. */
AiPlayer *ai_new(int side, int level, uint64_t seed);
void ai_free(AiPlayer *ai);

int ai_side(const AiPlayer *ai);
int ai_level(const AiPlayer *ai);
/* Evaluations allowed per decision (a default per level is set by
 * ai_new); 0 restores the default. */
void ai_set_budget(AiPlayer *ai, long evals);
const AiStats *ai_stats(const AiPlayer *ai);
/* Whether the player keeps its floods' answers while what they read holds
 * (on by default: the same moves, fewer floods); with check, each kept
 * answer is also flooded afresh and a difference counted in
 * AiStats.flood_wrong (for the tests). */
void ai_set_flood_keep(AiPlayer *ai, bool keep, bool check);

/* A plan from outside (a scenario's chronicle, a teacher's what-if): the
 * player still chooses its moves, but
 *   HOLD    starts no battle of its own (no sally, no storm, no field
 *           attack in a siege turn) and offers no terms;
 *   ATTACK  takes an opening attack at even odds that it would otherwise
 *           pass up;
 *   SORTIE  (a garrison) makes small sallies on cold and frosty turns
 *           only - at most two units, against besiegers within a gate's
 *           sector, at even odds, never where what can strike back
 *           outweighs the party 1.5 to 1 - strikes once and comes home;
 *           otherwise it holds like HOLD;
 *   FEINT   (a besieger, with a gate) holds like HOLD, and its men in
 *           that gate's sector fall back out of it, as if beaten, to
 *           draw a sally away from the walls.
 * With a gate (>= 0) an opening attack must be a sally or storm by that
 * gate: its target in that gate's sector, the garrison going out through
 * that gate alone; the player waits a turn rather than use another gate.
 * A garrison told to sally by a gate has committed its sally force: as
 * much of it as the gate lets through goes out into that gate's sector
 * (with an attack or without one), and in the battle the gate stays open
 * and the men in good order fight on instead of coming home.
 * A besieger under a plan storms the walls only when told "storm G" (not
 * on HOLD, FEINT or a pursuit), and no side under a plan offers terms of
 * its own accord: the plan orders them.
 * ai_set_posture() sets the posture with no gate. */
typedef enum AiPosture {
    AI_POSTURE_FREE, AI_POSTURE_HOLD, AI_POSTURE_ATTACK, AI_POSTURE_SORTIE, AI_POSTURE_FEINT
} AiPosture;
void ai_set_posture(AiPlayer *ai, AiPosture posture);
void ai_set_plan(AiPlayer *ai, AiPosture posture, int gate);
AiPosture ai_posture(const AiPlayer *ai);
int ai_plan_gate(const AiPlayer *ai);
/* Rations ordered from outside (a Rations value) that the player keeps as
 * they are, never changing them itself; -1 gives the choice back. */
void ai_keep_rations(AiPlayer *ai, int rations);
int ai_kept_rations(const AiPlayer *ai);

/* The next command for the AI's side. False (and *out untouched) when the
 * game is over or it is not this side's turn to act. The command always
 * passes cmd_validate(g, out, ...). */
bool ai_next(AiPlayer *ai, const Game *g, Command *out);
