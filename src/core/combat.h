/* combat.h - odds, shifts and the combat results table. */
#pragma once
#include <stdbool.h>
#include "game.h"

typedef struct CombatOdds {
    int att_cv, def_cv;     /* combat values x100 */
    int column;             /* after shifts, 0..CRT_COLUMNS-1 */
    int base_column;
    int shifts;             /* net column shift */
    int defenders[16];
    int ndef;
} CombatOdds;

/* What the odds read that holds while only units' hexes change (an AI
 * trying where its men might stand): the leader riding with each unit (as
 * game_leader_with), each unit's combat value, and the last target's
 * stack. combat_prep fills it; it holds until a unit's strength,
 * cohesion, quality, status or side or a leader changes, or a unit moves
 * onto or off a target hex it was asked about. */
typedef struct CombatPrep {
    int16_t leader[MAX_UNITS];
    int cv[MAX_UNITS];
    bool has_stack;         /* the kept stack: defenders of def_hex */
    Hex def_hex;            /* against attackers of def_side */
    int def_side, ndef;
    int def[16];
} CombatPrep;

/* Combat value x100 of one unit: SP x type x quality x cohesion factor. */
int combat_unit_cv(const Game *g, int u);
/* The odds column (before shifts) of an attack at ratio_pct percent of
 * the defenders' combat value: the last whose odds_pct it reaches. */
int combat_column(const Game *g, int ratio_pct);
/* Odds of attackers att[0..natt) against hex target. False (with why) if
 * the attack is not possible. */
bool combat_odds(const Game *g, const int *att, int natt, Hex target, CombatOdds *o, char *why, size_t n);
/* Fills p from g (see CombatPrep). */
void combat_prep(const Game *g, CombatPrep *p);
/* combat_odds with what p holds read from it instead of g (the same odds
 * while p holds); p NULL is combat_odds. */
bool combat_odds_prep(const Game *g, CombatPrep *p, const int *att, int natt, Hex target, CombatOdds *o, char *why,
                      size_t n);
/* Feint (traits.c): unit u may now break contact as a feint (light horse
 * in a battle, in an enemy zone of control, not yet broken contact this
 * impulse, a feint leader's unit within rules.feint_radius). */
bool combat_feint_ready(const Game *g, int u);
/* Side has a living leader with the feint trait: its army can fall back
 * as if beaten and turn again (without one, falling back is retreat). */
bool combat_side_can_feint(const Game *g, int side);
/* The enemy unit whose feigned withdrawal u would follow by moving next
 * to it or attacking it this impulse (and be drawn out), or -1. */
int combat_feint_lure(const Game *g, int u);
/* u followed a feint and is out of formation: attacks on it get
 * rules.feint_shift until the end of the feinting side's next impulse. */
bool combat_drawn_out(const Game *g, int u);
/* The expected result at the column: the average over the d10. */
void combat_expected(const Game *g, int column, double *att_sp, double *def_sp);
/* "1:2", "3:1" for column i. */
void combat_column_label(const Game *g, int column, char *buf, size_t n);
