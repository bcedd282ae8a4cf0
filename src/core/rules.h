/* rules.h - every number the rules use, in one value.
 *
 * rules_default() fills in the values proposed in the design brief
 * (history.md section 2); a scenario file may override any of them, and
 * the scenario reference documents each. Movement points are counted in
 * halves so that a road costs 1/2 without floating point. */
#pragma once
#include <stdbool.h>
#include "map.h"

enum { RULES_MAX_TYPES = 12, CRT_COLUMNS = 10, CRT_ROWS = 10, MOVE_CLASSES = 2 };

typedef enum MoveClass { MOVE_FOOT, MOVE_HORSE } MoveClass;

typedef struct UnitTypeRules {
    char id[ID_LEN];        /* "infantry", "light_cav", ... */
    char name[NAME_LEN];    /* "Light cavalry" */
    int ma;                 /* movement allowance, whole MP per impulse */
    int move_class;         /* MoveClass */
    int strength_pct;       /* combat value per SP, percent */
    bool breaks_contact;    /* may leave enemy ZOC freely once an impulse */
    bool charges;           /* gets the charge shift in open ground */
    char symbol;            /* one letter for logs and counters */
} UnitTypeRules;

/* One cell of the combat results table. */
typedef struct CrtResult {
    signed char att_sp, def_sp;      /* strength points lost */
    signed char att_coh, def_coh;    /* cohesion lost */
    bool def_retreat, att_retreat;
} CrtResult;

typedef struct Rules {
    /* Movement cost in half-MP per terrain and move class; -1 = impassable. */
    int move_cost[TER_COUNT][MOVE_CLASSES];
    bool blocks_los[TER_COUNT];
    bool hides_units[TER_COUNT];       /* units unseen until an enemy is adjacent */
    int defence_shift[TER_COUNT];      /* column shifts against the attacker */
    int defence_pct[TER_COUNT];        /* defenders' combat value, percent, when
                                          attacked from outside the town (walls
                                          and shut gates) or from below (the tell) */
    int zoc_leave_cost;                /* extra half-MP to leave an enemy ZOC */
    int siege_mp_mult;                 /* MA multiplier in a 4-day siege turn */
    int stack_limit;                   /* units per hex */

    UnitTypeRules types[RULES_MAX_TYPES];
    int ntypes;
    int quality_pct[4];                /* elite, veteran, regular, levy */

    /* The odds columns: attacker:defender ratio thresholds in percent,
     * ascending (e.g. 33 = 1:3 ... 600 = 6:1); column i applies when the
     * ratio is at least odds_pct[i]. */
    int odds_pct[CRT_COLUMNS];
    CrtResult crt[CRT_ROWS][CRT_COLUMNS];   /* [d10 - 1][column] */
    int shift_flank, shift_rear, shift_charge, shift_leader, shift_uphill;
    int cohesion_min_pct;              /* floor of the cohesion factor, percent */

    int cohesion_max;                  /* 10 */
    int shaken_at;                     /* cohesion at or below this: shaken */
    int rally_bonus;                   /* rally on d10 <= leader rating + this */
    int morale_max;                    /* army morale scale, 20 */
    int morale_loss_eliminated;        /* army morale lost per unit destroyed */
    int morale_loss_leader;            /* army morale lost per leader lost */
    int leader_loss_pct;               /* chance a leader in combat falls */

    /* Leader traits in battle. */
    int sword_shift;                   /* attacks with a sword leader's unit */
    int cautious_att_shift;            /* taken off attacks with a cautious leader's unit */
    int cautious_def_shift;            /* against attacks on a cautious leader's stack */
    int feint_shift;                   /* attacks on a unit drawn out of formation */
    int feint_radius;                  /* a feint leader's unit within this of the feinting unit */
    int feint_cohesion;                /* cohesion a unit drawn out of formation loses */

    int days_per_turn;                 /* 4 */
    int battle_max_impulses;           /* impulses before a battle day ends */
} Rules;

void rules_default(Rules *r);
/* Index of the unit type with this id, or -1. */
int rules_type_by_id(const Rules *r, const char *id);
