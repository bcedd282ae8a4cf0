/* siege.h - the siege rules: weather, food and rations, gates and sallies,
 * civic will and surrender, the theatre map with columns, counter-sieges,
 * news and the coalition's worry for home, and scheduled relief.
 *
 * The state lives in Game.siege; its numbers in Game.siege.rules, which
 * siege_rules_default() fills with the proposals of history.md section 2
 * and a scenario overrides. Everything here is reached through commands
 * (command.h) and the end-of-turn upkeep. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "hex.h"

typedef struct Game Game;

enum {
    THEATRE_MAX_PLACES = 24, THEATRE_MAX_ROUTES = 48, MAX_COLUMNS = 16,
    MAX_CONTINGENTS = 8, MAX_NEWS = 64, MAX_COURIERS = 8, SIEGE_ID = 32, SIEGE_NAME = 48,
};

typedef enum Weather { WX_MILD, WX_COLD, WX_RAIN, WX_FROST, WX_COUNT } Weather;
typedef enum Rations { RATION_FULL, RATION_HALF, RATION_EXPEL, RATION_COUNT } Rations;
typedef enum Pace { PACE_MIXED, PACE_MOUNTED, PACE_FORCED, PACE_COUNT } Pace;
typedef enum Terms { TERMS_NONE, TERMS_GENEROUS, TERMS_HARSH } Terms;
/* Why the town refused terms (EV_TERMS_REFUSED's c): still fed and in
 * heart (not weighed), the score fell short, its commander vetoed (a
 * glory-seeker's trait), or its player refused what the council would
 * have accepted (answer-terms refuse). */
typedef enum TermsRefusal { REFUSAL_DEFIANT, REFUSAL_REJECTED, REFUSAL_VETO, REFUSAL_COMMANDER } TermsRefusal;
/* The town's holder's answer to terms: none (its council decides on the
 * dice, as it always did), accept, or refuse. */
typedef enum TermsAnswer { TERMS_ANSWER_COUNCIL, TERMS_ANSWER_ACCEPT, TERMS_ANSWER_REFUSE } TermsAnswer;
typedef enum ColumnState { COL_WAITING, COL_MARCHING, COL_BESIEGING, COL_DONE } ColumnState;
/* What a battle is, fixed by its first attack: a sally is the town's holder
 * attacking out of the town or a gate sector, an assault is its enemy
 * attacking into the town, anything else a field battle. */
typedef enum BattleKind { BATTLE_FIELD, BATTLE_SALLY, BATTLE_ASSAULT, BATTLE_KIND_COUNT } BattleKind;

const char *weather_name(Weather w);
const char *rations_name(Rations r);
const char *pace_name(Pace p);
const char *battle_kind_name(BattleKind k);   /* "battle", "sally", "assault" */
bool rations_from_name(const char *s, Rations *out);
bool pace_from_name(const char *s, Pace *out);

typedef struct SiegeRules {
    /* Weather on a d10: the highest roll giving each kind, in winter
     * months (winter_months bit m-1 set) and otherwise. */
    int weather_winter[WX_COUNT], weather_other[WX_COUNT];
    unsigned winter_months;
    int ford_closed_max;          /* in rain, fords close on d10 <= this */
    int camp_radius;              /* hexes from an own camp that count as tents */
    int gate_throughput;          /* SP through one gate per impulse */
    int shift_surprise;           /* sally against a sector not on alert */
    int sally_allowed;            /* 0: the town's holder may not attack out of the walls */
    int sector_radius;            /* hexes around a gate that make its sector */
    int consumption_pct[RATION_COUNT];   /* of full rations */
    int half_grace_turns;         /* half rations hurt after this many turns */
    int leak_per_gate;            /* ration-days slipping in per open sector */
    int forage_per_turn, forage_winter_pct;
    int desertion_max;            /* on shortfall, a unit loses 1 SP on d10 <= this */
    int expel_will;               /* civic will lost when civilians are expelled */
    int terms_bonus[3];           /* none, generous, harsh */
    int terms_leader_bonus;       /* a trusted or negotiating commander */
    int surrender_target;         /* 2d6 + ... >= this */
    int defiance_morale;          /* town morale gained when it refuses terms */
    int defiant_morale_pct;       /* a fed town above this share of morale_max will not treat */
    int veto_morale;              /* a glory-seeker vetoes while morale > this */
    int overrule_will;            /* civic will lost when the town's commander refuses
                                     terms its council would accept */
    int betrayal_will, betrayal_max;   /* will <= will: gate opened on d10 <= max */
    int pace_km[PACE_COUNT];      /* per day */
    int forced_sp_pct;            /* strength lost per turn at forced pace */
    int news_delay_min, news_delay_max;
    int anxiety_unknown, anxiety_near, anxiety_besieged, anxiety_fallen, anxiety_departure;
    int relief_rumour_morale, relief_confirm_morale, enemy_relief_morale;
    int battle_morale;            /* won/lost battle (by 2+ SP more) */
    int home_fallen_morale;       /* coalition morale when a home falls */
    int departure_morale;
    /* Numbers that were written into the code (issue #10, part 6). */
    int defiant_fed_turns;        /* "fed": food for more than this many turns */
    int hunger_weight;            /* surrender score per turn of hunger */
    int hope_weight;              /* surrender score lost per point of relief hope */
    int surprise_impulses;        /* a sally's surprise lasts this many impulses */
    int civic_will_max;           /* the townspeople's will runs 0..this */
    /* Relief hope on a schedule, for the town's side: from turn hope_from
     * (0 = never) it gains hope_per_turn each turn up to hope_max. */
    int hope_from, hope_per_turn, hope_max;
    /* Leader traits that act on the siege. */
    int glory_sally_shift;        /* a glory-seeker's side attacking in a sally */
    int council_bonus;            /* council: a major order passes on d10 <= command + this */
    int impetuous_turns;          /* impetuous: turns held back before morale is lost */
    int impetuous_reach;          /* ...with an enemy in the open this close to him */
    int impetuous_morale;         /* ...morale lost then */
    int caliph_morale, caliph_enemy_morale; /* when a caliph's approach is known */
    int caliph_news_turns;        /* turns after his column sets out that it is known */
} SiegeRules;

void siege_rules_default(SiegeRules *r);

typedef struct TheatrePlace {
    char id[SIEGE_ID], name[SIEGE_NAME];
    int owner;                    /* side, -1 neutral */
    int resistance;               /* counter-siege target */
    int surprise_resistance;      /* when the column comes unannounced (0 = same) */
    int ravage_per_turn;          /* resistance lost each turn besieged */
    int moat;                     /* resistance added on the first turn of a siege,
                                     one less each turn after (a trench to cross) */
    int map_place;                /* index of the battle-map place it stands for, or -1 */
    int x, y;                     /* position for drawing the theatre map */
    int besieged_turns;
    int start_owner;
    bool announced;               /* its owner has had news of a column coming */
} TheatrePlace;

typedef struct Route {
    int a, b;
    int km;
} Route;

typedef struct Column {
    char id[SIEGE_ID], name[SIEGE_NAME];
    int side;
    int sp, cohesion;
    int leader;                   /* Game.leaders index or -1 */
    int at;                       /* last place reached */
    int next;                     /* place it is marching to on the current leg, -1 */
    int dest;                     /* final destination, -1 */
    int via;                      /* place it passes first, while by_via */
    bool by_via;                  /* false once via is reached (or the column is redirected) */
    int km_left;                  /* on the current leg */
    int pace;
    int state;                    /* ColumnState */
    bool hidden;                  /* destination unknown to the enemy */
    int after_courier;            /* waits for this courier, -1 */
    int depart_turn;              /* or sets out on this turn (0 = on command) */
    int attrition;                /* per-cent of an SP lost to forced marching */
    bool arrived_unannounced;
    bool held;                    /* stopped by the scenario (a handler's emesa.send_column(c, nil)):
                                   * send-column orders are refused until a handler sends it on */
} Column;

typedef struct Courier {
    char id[SIEGE_ID], name[SIEGE_NAME];
    int side, from, to;
    int km, km_per_day;
    int depart_turn;              /* 0 = not yet */
    int after_courier;            /* or sets out when this courier arrives, -1 */
    int arrive_turn;              /* computed when it sets out */
    bool arrived;
} Courier;

typedef struct Contingent {
    char id[SIEGE_ID], name[SIEGE_NAME];
    int side;
    int home;                     /* theatre place */
    int also_home;                /* a second place it worries for, while has_also_home */
    bool has_also_home;
    int loyalty;
    int anxiety;                  /* last computed */
    bool departed;
} Contingent;

typedef struct News {
    int due;                      /* turn it is known */
    int posted;                   /* turn it happened */
    int side;                     /* who learns it */
    int place;                    /* theatre place concerned */
    int level;                    /* threat: anxiety_near .. anxiety_fallen */
    char text[128];
} News;

typedef struct SiegeSide {
    int food;                     /* ration-days */
    int rations;                  /* Rations */
    int half_turns;               /* turns on half rations so far */
    int shortfall_turns;
    int relief_hope;
    bool forages;                 /* a besieger living off the country */
    int held_back;                /* siege turns in a row an impetuous leader was held back */
    int council_no_turn;          /* turn the council voted a major order down (0 = none) */
    int caliph_due;               /* turn the caliph's approach becomes known (0 = not yet) */
    bool caliph_heard;            /* ...and the news has come */
    int threat_known[THEATRE_MAX_PLACES];
} SiegeSide;

typedef struct Siege {
    SiegeRules rules;
    bool historical;              /* schedules fixed; otherwise +-1 turn */
    int weather;
    bool fords_closed;
    int civic_will;               /* the townspeople's will, 0..10 */
    int terms;                    /* offered this turn (Terms) */
    int terms_side;
    int terms_answer;             /* TermsAnswer, to this turn's terms */
    bool surrendered;
    SiegeSide side[2];
    bool gate_alert[16];          /* besiegers on alert at gate i */
    int gate_passed[16];          /* SP through gate i this impulse/phase */
    int gate_opened_impulse[16];  /* impulse it was opened in battle, 0 */
    int wall_cracks[16];          /* wall shift lost in gate i's sector (takbir, tremor) */
    int battle_sp_lost[2];        /* at battle start */
    BattleKind battle_kind;
    TheatrePlace places[THEATRE_MAX_PLACES];
    int nplaces;
    Route routes[THEATRE_MAX_ROUTES];
    int nroutes;
    Column columns[MAX_COLUMNS];
    int ncolumns;
    Courier couriers[MAX_COURIERS];
    int ncouriers;
    Contingent contingents[MAX_CONTINGENTS];
    int ncontingents;
    News news[MAX_NEWS];
    int nnews;
    int departures;
} Siege;

/* Lookups. */
int siege_place_by_id(const Siege *s, const char *id);
int siege_column_by_id(const Siege *s, const char *id);
int siege_contingent_by_id(const Siege *s, const char *id);
/* A new march order for a column (a send-column order, or a handler's
 * emesa.send_column): place dest at pace, straight for it (not by its via);
 * a waiting column sets out when dest is a place (dest -1 leaves its state
 * to the caller). */
void siege_column_order(Column *col, int dest, int pace);
/* Shortest route distance in km between theatre places, -1 if none. */
int siege_route_km(const Siege *s, int from, int to);
/* Does a column of side that reaches theatre place p lay siege to it? Only
 * when the enemy holds it: a place of its own side or of nobody (owner
 * "none") is where it halts. */
bool siege_place_enemy_of(const Siege *s, int p, int side);
/* Food days left for side at its current rations (a large number when it
 * does not eat from stores). */
int siege_food_days(const Game *g, int side);
/* Whole siege turns from this one that side's stores feed it at the
 * given rations (Rations), with its foraging by season and no supplies
 * slipping in, counted up to horizon turns. */
int siege_food_turns(const Game *g, int side, int rations, int horizon);
/* The gate whose sector covers hex h (nearest gate within sector_radius),
 * or -1. */
int siege_sector_of(const Game *g, Hex h);
/* SP a move through gate `gate` may still carry now (gate_throughput, times
 * siege_mp_mult in a siege turn; 0 in the battle impulse it was opened). */
int siege_gate_room(const Game *g, int gate);
/* A glory-seeking commander of side, alive, vetoes surrender while its
 * army's morale is above veto_morale. */
bool siege_veto_active(const Game *g, int side);
/* Hex h is within camp_radius of one of side's camps (tents, not the open). */
bool siege_in_camp(const Game *g, int side, Hex h);
/* The surrender score [2.11] for the town if terms were offered now with
 * the given 2d6 roll (*roll): compare with rules.surrender_target. */
int siege_surrender_score(const Game *g, int terms, int *roll);
/* Would an attack by side from `from` on `target` be a sally: the town's
 * holder striking outside the walls from the town or a gate sector? */
bool siege_is_sally(const Game *g, int side, Hex from, Hex target);
/* Column shifts a sally against target would get in its first impulse:
 * shift_surprise if the sector's camp is not on alert, plus
 * glory_sally_shift while a glory-seeker of side is in the field. */
int siege_sally_surprise(const Game *g, int side, Hex target);
/* The modifiers to the 2d6 of terms offered now, as they will be weighed
 * at this turn's end (after this turn's food: a town that cannot eat its
 * fill is a turn hungrier by then). */
int siege_terms_mods(const Game *g, int terms);
/* Of the 36 rolls of 2d6, how many would reach surrender_target with
 * siege_terms_mods (the score alone: siege_town_defiant and
 * siege_veto_active are separate refusals). */
int siege_terms_ways(const Game *g, int terms);
/* Wall sections (wall hexes) of the town, and in *taken those on which
 * a unit of a side other than the town's holder stands. */
int siege_walls(const Game *g, int *taken);
/* A town that is fed and in good heart does not treat at all. */
bool siege_town_defiant(const Game *g);
/* The army morale at or below which a town, fed or not, will hear terms
 * (defiant_morale_pct of the scale, rounded down). */
int siege_treat_morale(const Game *g);
/* Cold or frost: the besiegers suffer in the open (exposure), the day
 * Heraclius bade Harbees fight on. */
bool siege_cold_day(const Game *g);
/* The wall shift lost (takbir, tremor) at a wall or gate hex h: its gate
 * sector's cracks, 0 elsewhere. */
int siege_wall_cracks(const Game *g, Hex h);
/* Council (traits.c): the council leader of side (alive, highest command)
 * or -1; the d10 roll a major order needs (command + council_bonus; 10
 * without a council); whether the council has voted a major order down
 * this turn (then storms, sallies and terms are refused until next turn). */
int siege_council_leader(const Game *g, int side);
int siege_council_need(const Game *g, int side);
bool siege_council_refused(const Game *g, int side);
/* Contingent k's worry for home now [2.8]: the worst news its side has
 * of its home(s), at least anxiety_unknown while a hidden enemy column
 * marches, plus anxiety_departure for each contingent already gone. */
int siege_contingent_worry(const Game *g, int k);
/* Of the ten rolls of the d10, how many would send contingent k home at
 * this turn's end (d10 < worry - loyalty). */
int siege_desertion_ways(const Game *g, int k);
/* Turns until column c arrives at its destination at its pace (-1 if it
 * has none). */
int siege_column_eta(const Game *g, int c);
