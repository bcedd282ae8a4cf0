/* game.h - the whole rules state of one game.
 *
 * A Game is a plain value owned by whoever made it with game_new(); any
 * number of games can live in one process. Readers (window, AI, scripts)
 * may look at every field; only commands (command.h) and the effects in
 * effect.h change it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "event.h"
#include "hex.h"
#include "map.h"
#include "rng.h"
#include "rules.h"
#include "siege.h"

enum { MAX_SIDES = 2, MAX_UNITS = 512, MAX_LEADERS = 64, MAX_GATES = 16, MAX_VICTORY = 16, TEXT_LEN = 256 };

typedef enum Quality { QUAL_ELITE, QUAL_VETERAN, QUAL_REGULAR, QUAL_LEVY, QUAL_COUNT } Quality;

typedef enum LeaderTrait {
    TRAIT_CAUTIOUS = 1 << 0,
    TRAIT_IMPETUOUS = 1 << 1,
    TRAIT_GLORY_SEEKER = 1 << 2,
    TRAIT_FEINT = 1 << 3,
    TRAIT_SWORD = 1 << 4,
    TRAIT_TRUSTED = 1 << 5,
    TRAIT_COUNCIL = 1 << 6,
    TRAIT_FORCED_MARCHER = 1 << 7,
    TRAIT_NEGOTIATOR = 1 << 8,
    TRAIT_CALIPH = 1 << 9,
    TRAIT_COUNT_ = 10
} LeaderTrait;

const char *trait_name(unsigned bit);   /* "cautious", ... for one bit */
bool trait_from_name(const char *name, unsigned *bit);

typedef struct Leader {
    char id[ID_LEN];
    char name[NAME_LEN];
    int side;
    int command, initiative, tactics;   /* ratings 0..5 */
    unsigned traits;                    /* LeaderTrait bits */
    int unit;                           /* unit it rides with, or -1 */
    bool alive;
} Leader;

typedef enum UnitStatus { UNIT_ON_MAP, UNIT_OFF_MAP, UNIT_ELIMINATED, UNIT_DEPARTED } UnitStatus;

typedef struct Unit {
    char id[ID_LEN];
    char name[NAME_LEN];
    int side;
    int type;           /* index into rules.types */
    int quality;        /* Quality */
    int sp;             /* strength points, 1 SP ~ 100 men */
    int sp_start;
    int cohesion;       /* 0..rules.cohesion_max; 0 = routed */
    Hex hex;
    int status;         /* UnitStatus */
    int mp;             /* half-MP left this impulse / siege phase */
    bool attacked;      /* has attacked this impulse */
    bool broke_contact; /* used its free ZOC break this impulse */
    int lure;           /* 1 + the enemy unit whose feigned withdrawal it may
                           follow this impulse (0 = none) */
    bool drawn_out;     /* followed a feint: out of formation until the end
                           of the feinting side's next impulse */
    int arrive_turn;    /* for off-map units: turn they enter (0 = never) */
    Hex arrive_hex;
    int rumour_turn;    /* relief: turn the coming is rumoured (0 = never) */
    int confirm_turn;   /* relief: turn it is confirmed (0 = never) */
    int column;         /* theatre column it marches with (arrives when the
                           column reaches the town), or -1 */
    int contingent;     /* coalition contingent it belongs to, or -1 */
} Unit;

typedef enum GateState { GATE_SHUT, GATE_OPEN, GATE_FORCED, GATE_BETRAYED } GateState;

typedef struct Gate {
    char id[ID_LEN];
    char name[NAME_LEN];
    Hex hex;
    int state;          /* GateState */
} Gate;

typedef struct Side {
    char id[ID_LEN];
    char name[NAME_LEN];
    int morale;         /* army morale 0..rules.morale_max */
    int sp_lost;        /* strength points lost so far */
    int units_lost;
} Side;

typedef enum VictoryKind {
    VIC_HOLD_PLACE,     /* at the last turn, side holds place */
    VIC_TAKE_PLACE,     /* at any turn end, side holds place */
    VIC_DESTROY_SP,     /* at any turn end, enemy has lost >= amount SP */
    VIC_ENEMY_MORALE,   /* at any turn end, enemy morale <= amount */
    VIC_SURRENDER,      /* the town surrendered to side */
    VIC_DISPERSED,      /* at least amount enemy contingents have gone home */
    VIC_THEATRE_PLACES, /* at any turn end, side holds >= amount theatre places it did not hold at start */
    VIC_KIND_COUNT
} VictoryKind;

const char *victory_kind_name(VictoryKind k);
bool victory_kind_from_name(const char *name, VictoryKind *out);

enum { VICTORY_ALSO = 3 };

/* One test of a victory condition. */
typedef struct VictoryTest {
    int kind;           /* VictoryKind */
    int place;          /* map place index, for place kinds */
    int amount;
} VictoryTest;

typedef struct Victory {
    int kind;           /* VictoryKind */
    int side;           /* who wins when it holds */
    char level[16];     /* "major", "minor", "historical" */
    int place;          /* map place index, for place kinds */
    int amount;
    VictoryTest also[VICTORY_ALSO];  /* further tests that must all hold too */
    int nalso;
    char text[TEXT_LEN];
} Victory;

typedef enum Mode { MODE_SIEGE, MODE_BATTLE, MODE_OVER } Mode;

typedef struct Outcome {
    int winner;         /* side index, -1 for a draw */
    int victory;        /* the condition met (Game.victory index); -1 when
                           the town surrendered without one, at a draw by
                           the last turn, or when a script ended the game */
    char level[16];
    char text[TEXT_LEN];
} Outcome;

typedef struct Game {
    Rules rules;
    Siege siege;
    Map map;
    Side sides[MAX_SIDES];
    int nsides;
    Unit units[MAX_UNITS];
    int nunits;
    Leader leaders[MAX_LEADERS];
    int nleaders;
    Gate gates[MAX_GATES];
    int ngates;
    int town_side;      /* the side that holds the walled town, or -1 */
    int town_place;     /* map place of the town, or -1 */
    Victory victory[MAX_VICTORY];
    int nvictory;

    int turn;           /* 1-based siege turn */
    int max_turns;
    int start_year, start_month, start_day;  /* date of turn 1 (Julian) */
    Mode mode;
    int first_side;     /* who acts first in each siege turn */
    int active;         /* side to act */
    int phase;          /* 0 or 1: which side's part of the siege turn */
    int impulse;        /* battle impulse, 1-based; 0 outside battle */
    int battle_initiator;
    int battle_quiet;   /* impulses in a row without combat */
    bool impulse_fought; /* a combat happened in this impulse */
    bool charges_cancelled; /* rain: no charge shift this turn */
    int battles_this_phase; /* one battle per side's part of a siege turn */
    Outcome outcome;

    Rng rng;            /* the rules stream */
    Rng cosmetic;       /* never touches the rules */
    uint64_t seed;
    /* Which what-if switches the game was built with: a hash of their ids
     * (data/scenario.h), 0 for none. Part of game_hash, so two games that
     * differ only by a switch never share a state hash. */
    uint64_t variant;
    EventLog events;
    /* The occupancy index: how many units of each side stand on the map
     * at each hex (cell GAME_OCC_CELL of the hex), so "who stands here"
     * needs no walk over the units. Derived from units[] (not hashed):
     * kept by game_unit_place and game_unit_set_status, rebuilt by
     * game_occ_rebuild after anything else writes a unit's hex or status. */
    uint16_t occ[MAX_SIDES][MAP_MAX_W * MAP_MAX_H];
} Game;

/* A new, empty game (rules at their defaults, no map) seeded with seed.
 * NULL only if out of memory. */
Game *game_new(uint64_t seed);
void game_free(Game *g);
/* After the scenario has set everything up: checks the set-up is playable
 * (fills why on failure) and emits the first turn's events. */
bool game_start(Game *g, char *why, size_t n);

/* 64-bit FNV-1a hash of every rules-relevant field (not the event log,
 * not the cosmetic stream). */
uint64_t game_hash(const Game *g);
/* A quick key of the same state for telling two states of one game apart
 * (the AI checks its plan still fits the game before each command): the
 * same fields but the fixed ones (terrain, unit ids, sides, types), mixed a
 * word at a time. Not game_hash's value; never for records. */
uint64_t game_state_key(const Game *g);

int game_side_by_id(const Game *g, const char *id);
int game_unit_by_id(const Game *g, const char *id);
int game_leader_by_id(const Game *g, const char *id);
int game_gate_at(const Game *g, Hex h);
/* Units on hex h (on the map), written to out; returns the count. */
int game_units_at(const Game *g, Hex h, int *out, int max);
/* True if hex h holds at least one unit of a side other than `side`. */
bool game_enemy_at(const Game *g, Hex h, int side);
/* The occupancy index (Game.occ). A unit's hex and status change only
 * through these two (or game_occ_rebuild after setting units directly,
 * as a loader or a test does). */
void game_unit_place(Game *g, int u, Hex h);
void game_unit_set_status(Game *g, int u, int status);
void game_occ_rebuild(Game *g);
/* Appends a copy of *u to the units and indexes it: its index, or -1 when
 * MAX_UNITS are in play. */
int game_add_unit(Game *g, const Unit *u);
/* Does the index agree with a walk over the units? (The tests' invariant.) */
bool game_occ_check(const Game *g);
/* How many units of side stand on h (on the map), from the index. */
int game_side_count_at(const Game *g, Hex h, int side);
/* Leader riding with unit u, or -1. (Inline: the odds ask it per unit.) */
static inline int game_leader_with(const Game *g, int unit)
{
    for (int i = 0; i < g->nleaders; i++)
        if (g->leaders[i].unit == unit && g->leaders[i].alive)
            return i;
    return -1;
}
/* The first living leader of side with any of the LeaderTrait bits, or -1. */
int game_leader_with_trait(const Game *g, int side, unsigned traits);
/* Can `viewer` see unit u? Units in hiding terrain are unseen until an
 * enemy of theirs stands adjacent. */
bool game_unit_visible(const Game *g, int u, int viewer);
/* Line of sight between hex centres, blocked by terrain between them. */
bool game_los(const Game *g, Hex a, Hex b);

/* Date of the given turn's first day: "28 Nov 637". */
void game_date(const Game *g, int turn, char *buf, size_t n);
/* Days in month m (1-12) of year y in the Julian calendar (a leap year
 * every fourth year); 0 for a month that does not exist. */
int game_month_days(int y, int m);
/* One log line for event e, starting with "T<turn>" (and ".<impulse>" in
 * battle), e.g. "T3.2 combat Mobile Guard attacks 22,9: 3:1 roll 7 ...". */
void game_event_format(const Game *g, const Event *e, char *buf, size_t n);
/* Objectives (objectives.c): victory condition i in words ("Major victory
 * for the Rashidun if the Coalition lose 100 SP"), how its tests stand
 * now ("the Coalition have lost 12 of 100 SP"), and whether it holds now
 * (turn.c; a hold_place test holds whenever the place is held, though it
 * is judged only at the last turn). */
void game_victory_describe(const Game *g, int i, char *buf, size_t n);
void game_victory_progress(const Game *g, int i, char *buf, size_t n);
bool game_victory_holds(const Game *g, int i);
/* What ends the game when no listed condition does: "If the town
 * surrenders on terms: a major victory for the Rashidun. If no side meets
 * its aims by the end of turn 26: a draw." */
void game_victory_fallbacks(const Game *g, char *buf, size_t n);
/* May viewer (a side, -1 everybody) read event e? Orders only their side
 * knows (EVENT_SECRET: alerts, columns, answers to terms) are hidden from
 * the other: the hot-seat log shows each player only their own. */
bool game_event_known_to(const Game *g, const Event *e, int viewer);
/* Appends an event (used by rules and effects). */
void game_emit(Game *g, const Event *e);
/* Starts an event pre-filled with turn, impulse and -1s. */
Event game_event(const Game *g, EventType t);
