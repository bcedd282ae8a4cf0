/* ai_internal.h - what the AI's files share; not for other layers.
 *
 * The player plans on a private copy of the game (AiPlayer.wk): it applies
 * its intended commands there one after another, recording each with the
 * state hash it expects to find before it, and hands them out one per
 * ai_next() call while the real game keeps matching. An attack ends a plan
 * (its dice are unknown), as do end-turn and end-impulse. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "ai.h"
#include "core/rng.h"
#include "core/path.h"

enum { AI_PLAN_MAX = 96, AI_SLOTS_MAX = 4096 };

/* One way for a unit to join an attack: stand on `at` (index) next to the
 * target hex `target` (index). */
typedef struct AiSlot {
    int unit, at, target;
} AiSlot;

/* An attack the player intends: units to move to hexes, then attack. */
typedef struct AiAttack {
    int natt;
    int att[CMD_MAX_UNITS];
    int at[CMD_MAX_UNITS];      /* hex index each attacker attacks from */
    int target;                 /* hex index */
    int gate;                   /* gate to open first (sally), or -1 */
    double value;               /* expected gain in strength-point worth */
    int column;
} AiAttack;

/* What ai_threat reads of one unit (and the gates and fords, as unit -1). */
typedef struct AiThreatKey {
    int status, side, type, sp, cohesion, broke_contact;
    Hex hex;
} AiThreatKey;

/* What a kept flood was made from (ai_flood.c); zeroed padding. */
typedef struct AiFloodKey {
    int ui, mp;
    Hex hex;
    int status, type, broke_contact;
    bool zoc_stop, want_prev;
    int fords_closed, ngates;
    Hex gate_hex[MAX_GATES];
} AiFloodKey;

enum { AI_FLOOD_KEEP = 160 };

/* A kept flood: cost[n], prev[n] (if wanted), the reached list; and the
 * enemy and ZOC grids it was made on (2 * n bytes). */
typedef struct AiFloodEntry {
    AiFloodKey key;
    uint64_t sum, used;         /* used 0: empty */
    int *cost;                  /* 3 * n ints */
    uint8_t *grids;
    int nreached;
    size_t lo, hi;              /* the part of the grids it could have read */
    int gate_state[MAX_GATES];  /* the gates it was made with */
} AiFloodEntry;

/* The hexes a unit's last threat flood let it stand on, and the hexes
 * next to those (ai_reach_hits). */
typedef struct AiReachHits {
    int *stand, *hit;           /* n ints each, one allocation */
    int nstand, nhit;
    bool valid;
} AiReachHits;

struct AiPlayer {
    int side, level;
    int posture;                /* AiPosture */
    int plan_gate;              /* the gate an opening attack must use, -1 any */
    int kept_rations;           /* rations ordered from outside, -1 none */
    /* limits a plan puts on the opening attack being searched (ai_siege.c
     * sets them around its calls of ai_best_attack) */
    int open_sector;            /* target and outside attackers in this gate's sector, -1 any */
    int open_max;               /* at most this many attackers, 0 the level's */
    Rng rng;
    long budget, spent;
    bool out_of_budget;
    AiStats stats;

    /* the plan being handed out */
    Command plan[AI_PLAN_MAX];
    uint64_t plan_hash[AI_PLAN_MAX];
    int nplan, next;

    /* the map, by offset index (row * w + col) */
    int w, h, n;
    int *nb;                    /* n * 6 neighbour indexes, -1 off the map */
    Hex *hexof;
    uint8_t *ter;

    /* grids, rebuilt for a side by ai_grids() */
    int grid_side;
    uint8_t *enemy;             /* units of the other side on the hex */
    uint8_t *friends;           /* units of grid_side on the hex */
    uint8_t *zoc;               /* the other side's zone of control */
    float *threat;              /* enemy combat value (x100) that can strike a unit here */
    /* what the grids were made from (ai_grids keeps them while that holds) */
    uint64_t grid_key[MAX_UNITS + MAX_GATES + 1];
    int grid_nkey;
    bool grid_key_valid;
    /* what the threat map was made from (ai_threat keeps it while that holds) */
    AiThreatKey *threat_key;
    int threat_nkey, threat_floods;
    Rules threat_rules;         /* the rules it was made under */
    int *touched;               /* scratch list of hexes, n long */
    bool threat_valid;
    uint8_t *mark;              /* scratch counts */

    /* flood scratch; the floods are core's (path_flood) */
    int *cost, *cost2, *prev;
    PathField field;

    /* the kept floods (ai_flood.c) */
    bool flood_keep, flood_check;
    uint64_t clock;
    Rules flood_rules;          /* the rules they were made under */
    AiFloodEntry flood[AI_FLOOD_KEEP];
    uint64_t flood_sum[AI_FLOOD_KEEP]; /* each one's key sum, for a quick scan */
    AiReachHits reach[MAX_UNITS];
    int *hitbuf;                /* the hits when not kept */

    /* attack slots of the current search */
    AiSlot *slots;
    int nslots;

    Game *wk;                   /* the planning copy */
    Event *wk_events;           /* its own event buffer */
    size_t wk_cap;
    bool wk_copied;             /* wk holds a whole copy of a game */
};

/* ---- ai.c: infrastructure ---- */
static inline int ai_idx(const AiPlayer *ai, Hex h)
{
    HexOffset o = hex_to_offset(h);
    if (o.col < 0 || o.row < 0 || o.col >= ai->w || o.row >= ai->h)
        return -1;
    return o.row * ai->w + o.col;
}
/* A city, wall or gate hex (i may be -1). */
static inline bool ai_is_town(const AiPlayer *ai, int i) { return i >= 0 && terrain_is_town((Terrain)ai->ter[i]); }
/* Index of the town's own place (its heart), or -1. */
int ai_town_place(const AiPlayer *ai);
/* Counts work; false once this decision's budget is spent. */
bool ai_spend(AiPlayer *ai, long n);
/* Rebuilds the occupancy and ZOC grids of ai->wk for side. */
void ai_grids(AiPlayer *ai, int side);
/* Dijkstra for unit ui of ai->wk with mp half-MP (-1 unlimited), with
 * ZOC stopping movement (zoc_stop) or only costing. Fills cost[] (-1 where
 * unreachable) and prev[] (may be NULL); the grids must be for the unit's
 * side. Step costs and ZOC are core's (path.h), as path_reachable() finds
 * them; stacking is not checked here. */
void ai_flood(AiPlayer *ai, int ui, int mp, bool zoc_stop, int *cost, int *prev);
/* ai_flood.c: the kept floods forgotten (another map, other rules) or
 * freed. */
/* ai_flood(ai, ui, -1, false, ...) stopped once the cheapest of goals is
 * settled (path_flood_to: only hexes no dearer than it are final); never
 * kept. ai_goal_ring: the goal itself or its neighbours on the map. */
void ai_flood_to(AiPlayer *ai, int ui, const int *goals, int ngoals, int *cost, int *prev);
int ai_goal_ring(const AiPlayer *ai, int goal, bool itself, int *out);
/* After a flood of unit u (ai->field.reached), the grids for u's side: the
 * hexes next to one it reached and may stand on (stacking; its own hex
 * always), each once, in *out (valid until the next call); the count.
 * Kept per unit while the hexes it may stand on are the same list. Uses
 * ai->touched, and ai->prev as marks (left all zero). */
int ai_reach_hits(AiPlayer *ai, int u, const int **out);
void ai_flood_forget(AiPlayer *ai);
void ai_flood_free(AiPlayer *ai);
/* Enemy threat map for ai->side: for each hex, the combat value of enemy
 * units that could attack a unit standing there in one battle impulse. */
void ai_threat(AiPlayer *ai);
/* Applies c to the planning copy and records it. False if refused. */
bool ai_step(AiPlayer *ai, const Command *c);
bool ai_visible_enemy_at(const AiPlayer *ai, int idx);
double ai_noise(AiPlayer *ai, double scale);
/* Combat value worth of one SP of unit u (type x quality), about 1. */
double ai_sp_worth(const Game *g, int u);

/* ---- ai_tactics.c: attacks and battle moves ---- */
/* Best attack for ai->side on ai->wk. siege_opening: the attack would open
 * a battle from a siege turn (units move with their siege MP, surprise is
 * added for a sally). gate >= 0: that gate is taken as open (a sally
 * through it). Returns true with *out if one is worth making. */
bool ai_best_attack(AiPlayer *ai, bool siege_opening, int gate, AiAttack *out);
/* Expected value of attackers att (already standing where they attack
 * from in ai->wk) against target; extra column shifts added. */
double ai_attack_value(AiPlayer *ai, const int *att, int natt, Hex target, int extra, int *column);
/* Issues the moves and the attack; false if a step was refused. */
bool ai_execute_attack(AiPlayer *ai, const AiAttack *a);
/* A battle impulse: withdrawals, attacks, pursuit, then end-impulse. */
void ai_plan_battle(AiPlayer *ai);
/* Moves unit u one step along the cheapest way toward goal index, as far
 * as it can go now; false if it cannot move closer. */
bool ai_move_toward(AiPlayer *ai, int u, int goal, const uint8_t *avoid);
/* Moves unit u to the safest hex it can reach now (toward the town or
 * friends, away from the enemy). */
bool ai_withdraw(AiPlayer *ai, int u);
/* Surprise shifts a sally opened now by side against target would get. */
int ai_surprise_shift(const Game *g, int side, Hex from, Hex target);

/* For ai_plan.c: the free player's own helpers. */
bool ai_wants_out(AiPlayer *ai, int u);
/* The threat map anew, then every unit of ours that wants out of harm's
 * way (routed, shaken, outmatched) withdraws. */
void ai_withdraw_all(AiPlayer *ai);
void ai_come_home(AiPlayer *ai);
void ai_shut_idle_gates(AiPlayer *ai);
bool ai_holds_heart(const AiPlayer *ai, int u);
/* The army morale at or below which side loses the game: the enemy's
 * victory by morale; with none, at level 3, the level at which side's own
 * victory by morale breaks the enemy (what breaks them would break us);
 * -1 if neither (ai_tactics.c). */
int ai_morale_floor(const AiPlayer *ai, int side);
/* A unit's combat value, at least 1 (ai_tactics.c). */
double ai_unit_cv(const Game *g, int u);
/* The gate (index) nearest hex h, open ones only if asked; -1 if none. */
int ai_nearest_gate(const AiPlayer *ai, Hex h, bool open_only);
double ai_nearest_enemy(const AiPlayer *ai, Hex h);

/* ---- ai_siege.c: the siege turn ---- */
void ai_plan_siege(AiPlayer *ai);

/* ---- ai_posts.c: where the units stand in a siege turn ---- */
/* Combat value of side's units on the map (in the town only, if asked). */
int ai_side_cv(const Game *g, int side, bool in_town_only);
/* The garrison's posts: the heart held, off walls the enemy could storm
 * at good odds, men outside coming in. Reserved units stay. */
void ai_garrison_posts(AiPlayer *ai, const bool *reserved);
/* The besiegers' posts in each gate's sector, weighted where the garrison
 * gathers; into the town when a way is open. Reserved units stay. */
void ai_blockade(AiPlayer *ai, const bool *reserved);
/* A side without a town closes on the enemy where it is safe. */
void ai_field_posts(AiPlayer *ai, const bool *reserved);

/* ---- ai_plan.c: a plan from outside (AiPosture) ---- */
/* How far a sortie's party outside the walls may be outmatched by what
 * can strike it next impulse (outside_limit). */
extern const double AI_SORTIE_OUTSIDE_LIMIT;
/* Whether the plan lets a besieger attack the walls or march in by an
 * open gate: its own judgement (no plan) or "storm G"; not "wait",
 * "hold", "feint" or "pursue". */
bool ai_may_storm(const AiPlayer *ai);
/* The garrison's plan is "sally G": its sally force is committed. */
bool ai_committed_sally(const AiPlayer *ai);
/* The opening attack a plan with a gate, or a sortie, allows. */
bool ai_planned_attack(AiPlayer *ai, AiAttack *best);
/* The best sally by gate k, searched as if the gate were open (it is
 * restored after); gate -1 in the result when it is open already. */
bool ai_gate_attack(AiPlayer *ai, int k, AiAttack *out);
/* "feint G": the besiegers in G's sector fall back out of it (and are
 * marked reserved). */
void ai_fall_back(AiPlayer *ai, bool *reserved);
/* A committed sally: more of the garrison comes out by the plan's gate,
 * up to 6 hexes from it and never into another gate's sector, as near the
 * enemy as it can get, leaving the gate's room and the hexes the attack
 * atk (may be NULL) needs, and the reserved units (may be NULL), alone. */
void ai_sally_out(AiPlayer *ai, const AiAttack *atk, const bool *reserved);
/* A battle impulse under a sortie or a committed sally; false when the
 * free player's ai_plan_battle() should play it. */
bool ai_plan_impulse(AiPlayer *ai);
