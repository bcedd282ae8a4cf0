/* check-siege.c - the siege rules against hand-computed expectations. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "core/combat.h"
#include "core/command.h"
#include "core/effect.h"
#include "core/siege.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

START_TEST(gate_throughput_and_opening)
{
    Game *g = tu_town(1);
    g->first_side = 1;
    /* Three 5-SP units inside; the gate passes 10 SP an impulse (30 in a
     * 4-day turn, three impulses' worth). */
    int a = tu_unit(g, "a", 1, "infantry", 5, 7, 4);
    int b = tu_unit(g, "b", 1, "infantry", 5, 7, 5);
    int c = tu_unit(g, "c", 1, "infantry", 5, 7, 3);
    tu_unit(g, "e", 0, "infantry", 5, 1, 9);
    tu_start(g);
    char why[256];
    ck_assert(!tu_cmd(g, "move a 5,4", why, sizeof why)); /* shut */
    ck_assert_msg(tu_cmd(g, "open-gate rastan", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->gates[0].state, GATE_OPEN);
    ck_assert(!tu_cmd(g, "open-gate rastan", why, sizeof why));
    ck_assert_str_eq(why, "the Rastan gate is not shut");
    g->siege.rules.gate_throughput = 4; /* 12 SP this turn */
    ck_assert_int_eq(siege_gate_room(g, 0), 12);
    ck_assert_msg(tu_cmd(g, "move a 4,4", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->siege.gate_passed[0], 5);
    ck_assert_msg(tu_cmd(g, "move b 4,5", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->siege.gate_passed[0], 10);
    ck_assert_int_eq(siege_gate_room(g, 0), 2);
    ck_assert(!tu_cmd(g, "move c 5,3", why, sizeof why));
    ck_assert_msg(strstr(why, "2 SP more can go through it") != NULL, "%s", why);
    /* Shutting it on our own men outside is allowed, and said. */
    ck_assert_msg(tu_cmd(g, "shut-gate rastan", why, sizeof why), "%s", why);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "shut on our own men"), 1);
    /* The besiegers cannot work the gates. */
    tu_end_turn_both(g);
    (void)a, (void)b, (void)c;
    game_free(g);
}
END_TEST

START_TEST(rations_over_turns)
{
    Game *g = tu_town(1);
    g->siege.rules.half_grace_turns = 2;
    int u = tu_unit(g, "g", 1, "infantry", 5, 8, 4);
    tu_unit(g, "b", 0, "infantry", 5, 4, 4); /* watches the gate sector: no leaks */
    g->siege.side[1].food = 20;
    g->siege.side[0].forages = true;
    g->units[u].cohesion = 10;
    tu_start(g);
    char why[256];
    ck_assert_int_eq(siege_food_days(g, 1), 20);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.side[1].food, 16); /* 4 days at full */
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_msg(tu_cmd(g, "rations half", why, sizeof why), "%s", why);
    ck_assert_int_eq(siege_food_days(g, 1), 32);
    int will = g->siege.civic_will;
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_int_eq(g->siege.side[1].food, 14); /* 2 days at half */
    ck_assert_int_eq(g->siege.civic_will, will - 1);
    ck_assert_int_eq(g->units[u].cohesion, 10);   /* within the grace turns */
    tu_end_turn_both(g);
    ck_assert_int_eq(g->units[u].cohesion, 10);
    tu_end_turn_both(g);                               /* third turn on half */
    ck_assert_int_eq(g->units[u].cohesion, 9);
    ck_assert_int_eq(g->siege.civic_will, will - 3);
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_msg(tu_cmd(g, "rations expel", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->siege.civic_will, will - 6);
    ck_assert(!tu_cmd(g, "rations full", why, sizeof why));
    ck_assert_str_eq(why, "the townspeople have already been expelled");
    game_free(g);
}
END_TEST

/* How long the stores last, with the season's foraging (hand-worked):
 * a besieger with 30 ration-days eating 4 a turn and foraging 4, half of
 * it in winter, loses 2 a turn in winter: the 15th turn finds it short.
 * On half rations (2 a turn) the forage feeds it. In spring the full
 * forage feeds it at full rations. */
START_TEST(food_turns_count_the_forage_of_the_season)
{
    Game *g = tu_town(1);
    g->start_year = 635;
    g->start_month = 12;
    g->start_day = 15;
    g->max_turns = 40;
    tu_unit(g, "g", 1, "infantry", 5, 8, 4);
    tu_unit(g, "b", 0, "infantry", 5, 4, 4);
    g->siege.side[0].forages = true;
    g->siege.side[0].food = 30;
    g->siege.side[1].food = 30;
    tu_start(g);
    ck_assert_int_eq(siege_food_turns(g, 0, RATION_FULL, 40), 15);
    ck_assert_int_eq(siege_food_turns(g, 0, RATION_HALF, 40), 40);
    ck_assert_int_eq(siege_food_turns(g, 0, RATION_FULL, 10), 10); /* counted up to the horizon */
    /* The town does not forage: 30 days, 4 a turn -> 7 turns (2 left). */
    ck_assert_int_eq(siege_food_turns(g, 1, RATION_FULL, 40), 7);
    ck_assert_int_eq(siege_food_turns(g, 1, RATION_HALF, 40), 15);
    g->start_month = 4; /* April: no winter, the full forage */
    ck_assert_int_eq(siege_food_turns(g, 0, RATION_FULL, 40), 40);
    game_free(g);
}
END_TEST

/* The town is left only through a gate that is not shut: a defender who
 * beats an enemy from the wall does not follow him down into the field;
 * through an open gate he may. */
START_TEST(defenders_do_not_advance_over_the_wall)
{
    for (int open = 0; open < 2; open++) {
        Game *g = tu_town(2);
        int d = tu_unit(g, "d", 1, "heavy_cav", 5, 6, open ? 4 : 3);
        int e = tu_unit(g, "e", 0, "militia", 1, 5, open ? 4 : 3);
        tu_start(g);
        if (open)
            g->gates[0].state = GATE_OPEN;
        g->mode = MODE_BATTLE;
        g->impulse = 1;
        g->battle_initiator = g->active = 1;
        g->units[d].mp = g->rules.types[g->units[d].type].ma * 2;
        g->units[e].cohesion = 1;
        g->units[e].sp = 1;
        Hex wall = g->units[d].hex, field = g->units[e].hex;
        char why[256];
        Command c = cmd_attack(1, d, field);
        ck_assert_msg(cmd_apply(g, &c, why, sizeof why), "%s", why);
        ck_assert(g->units[e].status != UNIT_ON_MAP || !hex_eq(g->units[e].hex, field));
        ck_assert(hex_eq(g->units[d].hex, open ? field : wall));
        game_free(g);
    }
}
END_TEST

/* A shut gate taken by an advance after combat is forced, and says so:
 * a gate event (gate 0, state forced) that handlers hear. */
START_TEST(a_gate_taken_by_storm_is_a_gate_event)
{
    Game *g = tu_town(2);
    int a = tu_unit(g, "a", 0, "heavy_cav", 5, 5, 4);
    int d = tu_unit(g, "d", 1, "militia", 1, 6, 4);
    tu_start(g);
    ck_assert_int_eq(g->gates[0].state, GATE_SHUT);
    g->mode = MODE_BATTLE;
    g->impulse = 1;
    g->battle_initiator = g->active = 0;
    g->units[a].mp = g->rules.types[g->units[a].type].ma * 2;
    g->units[d].cohesion = 1;
    Hex gate = g->gates[0].hex;
    char why[256];
    Command c = cmd_attack(0, a, gate);
    ck_assert_msg(cmd_apply(g, &c, why, sizeof why), "%s", why);
    ck_assert(hex_eq(g->units[a].hex, gate));
    ck_assert_int_eq(g->gates[0].state, GATE_FORCED);
    int n = 0;
    for (size_t i = 0; i < g->events.n; i++) {
        const Event *e = &g->events.items[i];
        if (e->type == EV_GATE) {
            n++;
            ck_assert_int_eq(e->a, 0);
            ck_assert_int_eq(e->b, GATE_FORCED);
        }
    }
    ck_assert_int_eq(n, 1);
    game_free(g);
}
END_TEST

START_TEST(supplies_leak_through_unwatched_sectors)
{
    Game *g = tu_town(1);
    tu_unit(g, "g", 1, "infantry", 5, 8, 4);
    tu_unit(g, "far", 0, "infantry", 5, 0, 9);
    g->siege.side[1].food = 10;
    g->siege.side[0].forages = true;
    tu_start(g);
    tu_end_turn_both(g);
    /* +2 leaked in, -4 eaten. */
    ck_assert_int_eq(g->siege.side[1].food, 8);
    ck_assert_int_eq(tu_count_events(g, EV_SUPPLY, "slip in"), 1);
    game_free(g);
}
END_TEST

START_TEST(hunger_costs_cohesion)
{
    Game *g = tu_town(3);
    int u = tu_unit(g, "g", 1, "infantry", 5, 8, 4);
    tu_unit(g, "b", 0, "infantry", 5, 4, 4);
    g->siege.side[1].food = 3;
    g->siege.side[0].forages = true;
    g->units[u].cohesion = 10;
    tu_start(g);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.side[1].food, 0);
    ck_assert_int_eq(g->siege.side[1].shortfall_turns, 1);
    ck_assert_int_eq(g->units[u].cohesion, 9); /* -1 hunger, and no rest on an empty stomach */
    ck_assert_int_eq(tu_count_events(g, EV_SUPPLY, "hunger"), 1);
    game_free(g);
}
END_TEST

/* A theatre: kufa -(280)- hit -(150)- anah -(190)- circesium. */
static void theatre(Game *g)
{
    Siege *s = &g->siege;
    const char *ids[4] = {"kufa", "hit", "anah", "circesium"};
    for (int i = 0; i < 4; i++) {
        strcpy(s->places[i].id, ids[i]);
        strcpy(s->places[i].name, ids[i]);
        s->places[i].owner = i == 0 ? 0 : 1;
        s->places[i].resistance = 9;
        s->places[i].map_place = -1;
    }
    s->places[3].resistance = 7;
    s->places[3].surprise_resistance = 4;
    s->nplaces = 4;
    const int km[3] = {280, 150, 190};
    for (int i = 0; i < 3; i++)
        s->routes[s->nroutes++] = (Route){i, i + 1, km[i]};
    Column *c = &s->columns[s->ncolumns++];
    strcpy(c->id, "kufans");
    strcpy(c->name, "Kufans");
    c->side = 0;
    c->sp = 40;
    c->leader = -1;
    c->at = 0;
    c->next = -1;
    c->dest = -1;
    c->after_courier = -1;
    c->hidden = true;
    Contingent *k = &s->contingents[s->ncontingents++];
    strcpy(k->id, "rabia");
    strcpy(k->name, "Rabi'a");
    k->side = 1;
    k->home = 3;
    k->loyalty = 0;
    k = &s->contingents[s->ncontingents++];
    strcpy(k->id, "hitmen");
    strcpy(k->name, "Hit Arabs");
    k->side = 1;
    k->home = 1;
    k->loyalty = 9;
}

START_TEST(columns_march_and_news_comes_late)
{
    Game *g = tu_town(5);
    theatre(g);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    tu_start(g);
    ck_assert_int_eq(siege_route_km(&g->siege, 0, 3), 620);
    char why[256];
    ck_assert(!tu_cmd(g, "send-column kufans atlantis mixed", why, sizeof why));
    ck_assert_msg(tu_cmd(g, "send-column kufans circesium mounted", why, sizeof why), "%s", why);
    /* 45 km a day x 4 days = 180 km a turn: 620 km takes 4 turns. */
    ck_assert_int_eq(siege_column_eta(g, 0), 4);
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_int_eq(g->siege.columns[0].at, 0);
    ck_assert_int_eq(g->siege.columns[0].km_left, 100);
    tu_end_turn_both(g); /* 360: past hit (280) */
    ck_assert_int_eq(g->siege.columns[0].at, 1);
    tu_end_turn_both(g); /* 540: past anah (430), next to circesium */
    ck_assert_int_eq(g->siege.columns[0].at, 2);
    /* Passing Anah, next to the Rabi'a's home, posted news due 1-2 turns on. */
    int due = -1;
    for (int i = 0; i < g->siege.nnews; i++)
        if (g->siege.news[i].place == 3)
            due = g->siege.news[i].due;
    ck_assert_int_ge(due, 4);
    ck_assert_int_le(due, 5);
    ck_assert_int_eq(g->siege.side[1].threat_known[3], 0); /* not known yet */
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.columns[0].state == COL_BESIEGING || g->siege.columns[0].state == COL_DONE, 1);
    ck_assert_int_ge(tu_count_events(g, EV_COUNTER_SIEGE, "counter-siege"), 1);
    game_free(g);
}
END_TEST

/* A column sent by a place it must pass first: Kufa -> Anah (430 km) -> back
 * to Hit (150 km); it goes through Hit on the way without stopping. */
START_TEST(column_passes_via_first)
{
    Game *g = tu_town(5);
    theatre(g);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    tu_start(g);
    Column *c = &g->siege.columns[0];
    c->dest = 1;
    c->via = 2;
    c->by_via = true;
    c->pace = PACE_MOUNTED;
    c->state = COL_MARCHING;
    /* 580 km at 180 km a turn: 4 turns (Hit alone would be 2). */
    ck_assert_int_eq(siege_column_eta(g, 0), 4);
    tu_end_turn_both(g); /* 180 */
    tu_end_turn_both(g); /* 360: through Hit (280), not stopping */
    ck_assert_int_eq(c->at, 1);
    ck_assert_int_eq(c->state, COL_MARCHING);
    ck_assert_int_eq(c->km_left, 70);
    ck_assert_int_eq(siege_column_eta(g, 0), 2); /* 70 + 150 = 220 km */
    tu_end_turn_both(g); /* 540: Anah (430), then 110 back towards Hit */
    ck_assert_int_eq(c->at, 2);
    ck_assert(!c->by_via);
    ck_assert_int_eq(c->km_left, 40);
    ck_assert_int_eq(tu_count_events(g, EV_THEATRE, "passes anah and goes on for hit"), 1);
    tu_end_turn_both(g);
    ck_assert_int_eq(c->at, 1);
    ck_assert(c->state == COL_BESIEGING || c->state == COL_DONE);
    /* A new order forgets the place to pass. */
    c->via = 3;
    c->by_via = true;
    c->state = COL_WAITING;
    char why[256];
    ck_assert_msg(tu_cmd(g, "send-column kufans anah mounted", why, sizeof why), "%s", why);
    ck_assert(!c->by_via);
    game_free(g);
}
END_TEST

/* A trench round the walls adds its depth to the resistance on the first
 * turn of the siege and one less each turn after: Hit, resistance 9 and a
 * moat of 4, against a column of 1 SP with no leader (d10 + 0): 13, 12, 11,
 * which no d10 reaches, then 10. */
START_TEST(moat_wears_down_turn_by_turn)
{
    Game *g = tu_town(5);
    theatre(g);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    g->siege.places[1].moat = 4;
    tu_start(g);
    Column *c = &g->siege.columns[0];
    c->sp = 1;
    c->at = c->dest = 1;
    c->state = COL_BESIEGING;
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_COUNTER_SIEGE, "vs 13"), 1);
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_COUNTER_SIEGE, "vs 12"), 1);
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_COUNTER_SIEGE, "vs 11"), 1);
    ck_assert_int_eq(g->siege.places[1].owner, 1);
    ck_assert_int_eq(c->state, COL_BESIEGING);
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_COUNTER_SIEGE, "vs 10"), 1);
    /* Without the moat the same siege starts at 9. */
    g->siege.places[1].moat = 0;
    g->siege.places[1].besieged_turns = 0;
    g->siege.places[1].owner = 1;
    c->state = COL_BESIEGING;
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_COUNTER_SIEGE, "vs 9"), 1);
    game_free(g);
}
END_TEST

/* A contingent with two homes worries for the worse of the two. */
START_TEST(second_home_counts_the_worse_news)
{
    Game *g = tu_town(5);
    theatre(g);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    tu_start(g);
    Contingent *k = &g->siege.contingents[0];
    k->loyalty = 20; /* worries, but stays */
    k->also_home = 2;
    k->has_also_home = true;
    g->siege.side[1].threat_known[2] = g->siege.rules.anxiety_besieged;
    tu_end_turn_both(g);
    ck_assert_int_eq(k->anxiety, 3);
    g->siege.side[1].threat_known[3] = g->siege.rules.anxiety_fallen;
    tu_end_turn_both(g);
    ck_assert_int_eq(k->anxiety, 5);
    /* What the AI asks: the same worry, and the d10 rolls under it less
     * the loyalty: 5 - 2 = 3, so rolls 1 and 2 send it home. */
    ck_assert_int_eq(siege_contingent_worry(g, 0), 5);
    ck_assert_int_eq(siege_desertion_ways(g, 0), 0); /* loyalty 20 */
    k->loyalty = 2;
    ck_assert_int_eq(siege_desertion_ways(g, 0), 2);
    g->siege.departures = 1; /* anxiety_departure 1 each */
    ck_assert_int_eq(siege_contingent_worry(g, 0), 6);
    ck_assert_int_eq(siege_desertion_ways(g, 0), 3);
    g->siege.departures = 0;
    k->loyalty = 20;
    k->has_also_home = false;
    g->siege.side[1].threat_known[3] = 0;
    tu_end_turn_both(g);
    ck_assert_int_eq(k->anxiety, 0);
    game_free(g);
}
END_TEST

START_TEST(home_anxiety_cascade)
{
    Game *g = tu_town(9);
    theatre(g);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    int r = tu_unit(g, "r", 1, "infantry", 5, 2, 2);
    g->units[r].contingent = 0;
    tu_start(g);
    /* The Rabi'a hear that Circesium has fallen: anxiety 5, loyalty 0: they
     * leave unless the d10 is 5 or more... so force certainty with a
     * loyalty of -10; the Hit Arabs (loyalty 9) hear nothing and stay, but
     * the departure adds 1 to their anxiety. */
    g->siege.contingents[0].loyalty = -10;
    g->siege.side[1].threat_known[3] = g->siege.rules.anxiety_fallen;
    int morale = g->sides[1].morale;
    tu_end_turn_both(g);
    ck_assert(g->siege.contingents[0].departed);
    ck_assert_int_eq(g->units[r].status, UNIT_DEPARTED);
    ck_assert_int_eq(g->siege.departures, 1);
    ck_assert_int_eq(g->sides[1].morale, morale + g->siege.rules.departure_morale);
    ck_assert_int_eq(tu_count_events(g, EV_DISPERSAL, "dispersal"), 1);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.contingents[1].anxiety, 1); /* the cascade */
    ck_assert(!g->siege.contingents[1].departed);
    char why[256];
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert(!tu_cmd(g, "release rabia", why, sizeof why));
    ck_assert_str_eq(why, "the Rabi'a have already gone");
    ck_assert_msg(tu_cmd(g, "release hitmen", why, sizeof why), "%s", why);
    ck_assert(g->siege.contingents[1].departed);
    game_free(g);
}
END_TEST

START_TEST(surrender_score_and_veto)
{
    Game *g = tu_town(1);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    tu_start(g);
    g->sides[1].morale = 8;
    g->siege.side[1].shortfall_turns = 2;
    g->siege.side[1].relief_hope = 1;
    int roll = 7;
    /* 7 + 3 (generous) + 0 (no trusted leader) + (10-8)/2 = 1 + 2x2 hunger
     * - 2x1 hope = 13 */
    ck_assert_int_eq(siege_surrender_score(g, TERMS_GENEROUS, &roll), 13);
    ck_assert_int_eq(siege_surrender_score(g, TERMS_HARSH, &roll), 7);
    /* Terms offered now are weighed at the turn's end, after the food:
     * a town with nothing to eat is a turn hungrier by then (3 turns,
     * +6), a town that can eat its fill is not hungry at all. */
    int food = g->siege.side[1].food;
    g->siege.side[1].food = 0;
    ck_assert_int_eq(siege_terms_mods(g, TERMS_GENEROUS), 3 + 1 + 2 * 3 - 2);
    ck_assert_int_eq(siege_terms_ways(g, TERMS_GENEROUS), 33); /* 2d6 >= 12 - 8 */
    g->siege.side[1].food = 40;
    ck_assert_int_eq(siege_terms_mods(g, TERMS_GENEROUS), 3 + 1 - 2);
    ck_assert_int_eq(siege_terms_ways(g, TERMS_GENEROUS), 6); /* 2d6 >= 10 */
    g->siege.side[1].food = food;
    Leader *l = &g->leaders[g->nleaders++];
    l->side = 0;
    l->alive = true;
    l->unit = -1;
    l->traits = TRAIT_TRUSTED;
    ck_assert_int_eq(siege_surrender_score(g, TERMS_GENEROUS, &roll), 15);
    char why[256];
    ck_assert_msg(tu_cmd(g, "offer-terms generous", why, sizeof why), "%s", why);
    ck_assert(!tu_cmd(g, "offer-terms harsh", why, sizeof why));
    ck_assert_str_eq(why, "terms have already been offered this turn");
    /* A glory-seeker in the town vetoes while morale is above 12. */
    Leader *h = &g->leaders[g->nleaders++];
    h->side = 1;
    h->alive = true;
    h->unit = -1;
    h->traits = TRAIT_GLORY_SEEKER;
    g->sides[1].morale = 13;
    g->siege.side[1].shortfall_turns = 12; /* the score is sure to pass */
    tu_end_turn_both(g);
    ck_assert(!g->siege.surrendered);
    ck_assert_int_eq(tu_count_events(g, EV_TERMS_REFUSED, "vetoes"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_SURRENDER, NULL), 0);   /* a refusal is no surrender */
    const Event *no = &g->events.items[g->events.n - 1];
    for (size_t i = 0; i < g->events.n; i++)
        if (g->events.items[i].type == EV_TERMS_REFUSED)
            no = &g->events.items[i];
    ck_assert_int_eq(no->c, REFUSAL_VETO);
    ck_assert_int_eq(no->a, TERMS_GENEROUS);
    ck_assert(tu_cmd(g, "offer-terms generous", why, sizeof why));
    g->sides[1].morale = 10;
    tu_end_turn_both(g);
    ck_assert(g->siege.surrendered);
    ck_assert_int_eq(tu_count_events(g, EV_SURRENDER, "accepts the generous terms"), 1);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(g->outcome.winner, 0);
    game_free(g);
}
END_TEST

START_TEST(fed_town_defies_terms)
{
    Game *g = tu_town(1);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 4, 4);
    g->siege.side[1].food = 200;
    g->siege.side[0].forages = true;
    tu_start(g);
    g->sides[1].morale = 14;
    ck_assert(siege_town_defiant(g));
    char why[256];
    ck_assert(tu_cmd(g, "offer-terms generous", why, sizeof why));
    tu_end_turn_both(g);
    ck_assert(!g->siege.surrendered);
    ck_assert_int_eq(tu_count_events(g, EV_TERMS_REFUSED, "still fed"), 1);
    ck_assert_int_eq(g->sides[1].morale, 15); /* defiance */
    g->sides[1].morale = 6; /* still above a quarter of 20: fed towns hold out */
    ck_assert(siege_town_defiant(g));
    g->sides[1].morale = 5;
    ck_assert(!siege_town_defiant(g));
    g->sides[1].morale = 14;
    g->siege.side[1].food = 5; /* about a turn's food left: it will listen */
    ck_assert(!siege_town_defiant(g));
    game_free(g);
}
END_TEST

START_TEST(escalade_of_an_undefended_wall)
{
    Game *g = tu_town(1);
    int a = tu_unit(g, "a", 0, "infantry", 5, 5, 2);
    int d = tu_unit(g, "d", 1, "infantry", 5, 9, 6);
    g->siege.side[0].forages = true;
    g->siege.side[1].food = 100;
    tu_start(g);
    char why[256];
    g->units[a].cohesion = 8;
    ck_assert_msg(tu_cmd(g, "move a 6,2", why, sizeof why), "%s", why);
    ck_assert(hex_eq(g->units[a].hex, off(6, 2)));
    ck_assert_int_eq(g->units[a].mp, 0);
    ck_assert_int_eq(g->units[a].cohesion, 7);
    ck_assert_int_eq(tu_count_events(g, EV_ASSAULT_NEWS, "assault: a climbs"), 1);
    /* From the wall it may go on into the town next turn. */
    tu_end_turn_both(g);
    ck_assert_msg(tu_cmd(g, "move a 7,2", why, sizeof why), "%s", why);
    (void)d;
    game_free(g);
    /* A wall section with a defender next to it must be attacked. */
    g = tu_town(1);
    tu_unit(g, "b", 0, "infantry", 5, 5, 6);
    tu_unit(g, "d", 1, "infantry", 5, 7, 6);
    tu_start(g);
    ck_assert(!tu_cmd(g, "move b 6,6", why, sizeof why));
    ck_assert_msg(strstr(why, "defended by d") != NULL, "%s", why);
    game_free(g);
}
END_TEST

START_TEST(sally_surprise_and_alert)
{
    Game *g = tu_town(1);
    g->first_side = 1;
    tu_unit(g, "a", 1, "infantry", 5, 5, 4);       /* already out by the gate */
    int b = tu_unit(g, "b", 1, "infantry", 5, 5, 6);
    tu_unit(g, "e", 0, "infantry", 5, 4, 4);
    tu_unit(g, "e2", 0, "infantry", 5, 5, 5);
    tu_start(g);
    g->gates[0].state = GATE_OPEN;
    char why[256];
    ck_assert_msg(tu_cmd(g, "attack a 4,4", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->mode, MODE_BATTLE);
    ck_assert_int_eq(g->siege.battle_kind, BATTLE_SALLY);
    ck_assert_int_eq(tu_count_events(g, EV_BATTLE_START, NULL), 1);
    char line[300];
    for (size_t i = 0; i < g->events.n; i++)
        if (g->events.items[i].type == EV_BATTLE_START) {
            game_event_format(g, &g->events.items[i], line, sizeof line);
            ck_assert_msg(strncmp(line, "T1.1 sally: ", 12) == 0, "%s", line);
        }
    /* In the sally's first impulses the town's attacks get +2 surprise
     * against a sector not on alert (b and e2 both stand in open ground). */
    int one[1] = {b};
    CombatOdds o;
    ck_assert(combat_odds(g, one, 1, hex_from_offset(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 2);
    g->siege.gate_alert[0] = true;
    ck_assert(combat_odds(g, one, 1, hex_from_offset(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 0);
    game_free(g);
}
END_TEST

START_TEST(weather_rolls_and_frost_exposure)
{
    int kinds[WX_COUNT] = {0};
    for (uint64_t seed = 1; seed <= 200; seed++) {
        Game *g = tu_town(seed);
        g->start_month = 1; /* January: winter table */
        tu_unit(g, "x", 1, "infantry", 5, 8, 4);
        tu_unit(g, "y", 0, "infantry", 5, 2, 2);
        tu_start(g);
        kinds[g->siege.weather]++;
        ck_assert_int_eq(g->charges_cancelled, g->siege.weather == WX_RAIN);
        if (g->siege.fords_closed)
            ck_assert_int_eq(g->siege.weather, WX_RAIN);
        game_free(g);
    }
    /* d10: mild 4/10, cold 3/10, rain 2/10, frost 1/10 of 200 games. */
    ck_assert(kinds[WX_MILD] > 55 && kinds[WX_MILD] < 105);
    ck_assert(kinds[WX_FROST] > 5 && kinds[WX_FROST] < 40);
    /* Frost in the open: -2 cohesion; in the town: nothing. */
    Game *g = tu_town(1);
    int out = tu_unit(g, "out", 0, "infantry", 5, 2, 2);
    int in = tu_unit(g, "in", 1, "infantry", 5, 8, 4);
    g->siege.side[0].forages = true;
    g->siege.side[1].food = 100;
    tu_start(g);
    g->siege.weather = WX_FROST;
    g->units[out].cohesion = 10;
    g->units[in].cohesion = 10;
    char why[128];
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_int_eq(g->units[out].cohesion, 10 - 2 + 1); /* then rests +1 */
    ck_assert_int_eq(g->units[in].cohesion, 10);
    game_free(g);
}
END_TEST

START_TEST(relief_rumour_confirm_and_morale)
{
    Game *g = tu_town(1);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    int r = tu_unit(g, "qaqa", 1, "light_cav", 8, 0, 0);
    game_unit_set_status(g, r, UNIT_OFF_MAP);
    g->units[r].arrive_turn = 4;
    g->units[r].rumour_turn = 2;
    g->units[r].confirm_turn = 3;
    g->units[r].arrive_hex = off(3, 8);
    tu_start(g);
    int m1 = g->sides[1].morale, m0 = g->sides[0].morale;
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_ARRIVAL_NEWS, "arrival rumoured"), 1);
    ck_assert_int_eq(g->sides[1].morale, m1 + 1);
    tu_end_turn_both(g);
    ck_assert_int_eq(tu_count_events(g, EV_ARRIVAL_NEWS, "arrival confirmed"), 1);
    ck_assert_int_eq(g->sides[1].morale, m1 + 3);
    ck_assert_int_eq(g->sides[0].morale, m0 - 1);
    ck_assert_int_eq(g->siege.side[1].relief_hope, 2);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->units[r].status, UNIT_ON_MAP);
    game_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("siege");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, gate_throughput_and_opening);
    tcase_add_test(tc, rations_over_turns);
    tcase_add_test(tc, food_turns_count_the_forage_of_the_season);
    tcase_add_test(tc, defenders_do_not_advance_over_the_wall);
    tcase_add_test(tc, a_gate_taken_by_storm_is_a_gate_event);
    tcase_add_test(tc, supplies_leak_through_unwatched_sectors);
    tcase_add_test(tc, hunger_costs_cohesion);
    tcase_add_test(tc, columns_march_and_news_comes_late);
    tcase_add_test(tc, column_passes_via_first);
    tcase_add_test(tc, moat_wears_down_turn_by_turn);
    tcase_add_test(tc, second_home_counts_the_worse_news);
    tcase_add_test(tc, home_anxiety_cascade);
    tcase_add_test(tc, surrender_score_and_veto);
    tcase_add_test(tc, fed_town_defies_terms);
    tcase_add_test(tc, escalade_of_an_undefended_wall);
    tcase_add_test(tc, sally_surprise_and_alert);
    tcase_add_test(tc, weather_rolls_and_frost_exposure);
    tcase_add_test(tc, relief_rumour_confirm_and_morale);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
