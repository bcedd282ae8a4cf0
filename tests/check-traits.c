/* check-traits.c - the leaders' traits (core/traits.c) and the siege
 * numbers that were once written into the code, against hand-worked
 * values. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/combat.h"
#include "core/command.h"
#include "core/effect.h"
#include "core/siege.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

static void cmd_ok(Game *g, const char *text)
{
    char why[256];
    ck_assert_msg(tu_cmd(g, text, why, sizeof why), "%s: %s", text, why);
}

/* Both sides live off the country, so hunger does not blur the figures. */
static void fed(Game *g)
{
    g->siege.side[0].forages = g->siege.side[1].forages = true;
}

/* A battle begun by side 0, impulse 1, every unit fresh. */
static void battle(Game *g)
{
    g->mode = MODE_BATTLE;
    g->impulse = 1;
    g->battle_initiator = g->active = 0;
    for (int i = 0; i < g->nunits; i++)
        g->units[i].mp = g->rules.types[g->units[i].type].ma * 2;
}

START_TEST(sword_and_caution_shift_columns)
{
    Game *g = tu_game(1);
    int d = tu_unit(g, "d", 1, "infantry", 5, 5, 4);
    int a = tu_unit(g, "a", 0, "infantry", 5, 5, 3);
    tu_start(g);
    CombatOdds o;
    char why[128];
    int one[1] = {a};
    /* Infantry against infantry, 400 against 400: 1:1 (column 2), no shift. */
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.base_column, 2);
    ck_assert_int_eq(o.shifts, 0);
    /* Khalid's sword (tactics 0 here, so no leader shift): +1. */
    int k = tu_leader(g, "khalid", 0, TRAIT_SWORD, a);
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 1);
    ck_assert_int_eq(o.column, 3);
    g->rules.sword_shift = 3;
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 3);
    /* A cautious leader with the attacker: 3 - 1; with the defender too: - 1. */
    g->leaders[k].traits |= TRAIT_CAUTIOUS;
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 2);
    tu_leader(g, "abu_ubaidah", 1, TRAIT_CAUTIOUS, d);
    g->rules.cautious_def_shift = 2;
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 0);
    /* A dead leader's traits are gone. */
    g->leaders[k].alive = false;
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, -2);
    game_free(g);
}
END_TEST

START_TEST(feint_draws_pursuers_out_of_formation)
{
    Game *g = tu_game(1);
    int lc = tu_unit(g, "lc", 0, "light_cav", 5, 5, 3);
    int e = tu_unit(g, "e", 1, "infantry", 5, 5, 4);
    int far = tu_unit(g, "far", 0, "infantry", 5, 1, 9);
    tu_start(g);
    int k = tu_leader(g, "khalid", 0, TRAIT_FEINT, far);
    battle(g);
    /* Khalid's unit is 8 hexes off: beyond feint_radius (3), no feint. */
    ck_assert_int_eq(hex_distance(g->units[far].hex, g->units[lc].hex), 8);
    ck_assert(!combat_feint_ready(g, lc));
    g->leaders[k].unit = lc;
    ck_assert(combat_feint_ready(g, lc));
    ck_assert(!combat_feint_ready(g, e)); /* foot cannot break contact */
    /* The light horse breaks contact: the infantry it left is lured. */
    cmd_ok(g, "move lc 5,1");
    ck_assert(g->units[lc].broke_contact);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "feint: lc falls back as if beaten"), 1);
    ck_assert_int_eq(combat_feint_lure(g, e), lc);
    ck_assert(!combat_feint_ready(g, lc)); /* once an impulse */
    cmd_ok(g, "end-impulse");
    /* The infantry follows it (ends next to it): drawn out, 8 -> 7 cohesion. */
    ck_assert_int_eq(g->units[e].cohesion, 8);
    cmd_ok(g, "move e 5,2");
    ck_assert(combat_drawn_out(g, e));
    ck_assert_int_eq(g->units[e].cohesion, 7);
    ck_assert_int_eq(combat_feint_lure(g, e), -1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "drawn out of formation"), 1);
    g->impulse_fought = true; /* fighting elsewhere keeps the battle going */
    cmd_ok(g, "end-impulse");
    ck_assert(combat_drawn_out(g, e)); /* still, for the feinting side's impulse */
    /* Light horse on open ground against it: charge +1, feint +2. */
    CombatOdds o;
    char why[128];
    int one[1] = {lc};
    ck_assert(combat_odds(g, one, 1, off(5, 2), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 1 + 2);
    g->rules.feint_shift = 4;
    ck_assert(combat_odds(g, one, 1, off(5, 2), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 1 + 4);
    /* The feinting side's impulse ends: back in formation. */
    cmd_ok(g, "end-impulse");
    ck_assert(!combat_drawn_out(g, e));
    ck_assert(combat_odds(g, one, 1, off(5, 2), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 1);
    game_free(g);
}
END_TEST

START_TEST(feint_not_followed_costs_nothing)
{
    Game *g = tu_game(2);
    int lc = tu_unit(g, "lc", 0, "light_cav", 5, 5, 3);
    int e = tu_unit(g, "e", 1, "infantry", 5, 5, 4);
    tu_start(g);
    tu_leader(g, "khalid", 0, TRAIT_FEINT, lc);
    battle(g);
    cmd_ok(g, "move lc 5,1");
    cmd_ok(g, "end-impulse");
    ck_assert_int_eq(combat_feint_lure(g, e), lc);
    cmd_ok(g, "move e 5,6"); /* holds back instead */
    ck_assert(!combat_drawn_out(g, e));
    ck_assert_int_eq(g->units[e].cohesion, 8);
    cmd_ok(g, "end-impulse");
    ck_assert_int_eq(combat_feint_lure(g, e), -1); /* the chance has passed */
    game_free(g);
}
END_TEST

START_TEST(feint_must_fall_back)
{
    Game *g = tu_game(3);
    int lc = tu_unit(g, "lc", 0, "light_cav", 5, 5, 3);
    int e = tu_unit(g, "e", 1, "infantry", 5, 5, 4);
    tu_start(g);
    tu_leader(g, "khalid", 0, TRAIT_FEINT, lc);
    battle(g);
    /* Sliding along the enemy's front (4,4 is next to both) is no
     * withdrawal: nobody is lured. */
    cmd_ok(g, "move lc 4,4");
    ck_assert(g->units[lc].broke_contact);
    ck_assert_int_eq(hex_distance(g->units[lc].hex, g->units[e].hex), 1);
    ck_assert_int_eq(combat_feint_lure(g, e), -1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "feint:"), 0);
    game_free(g);
}
END_TEST

START_TEST(council_votes_on_major_orders)
{
    Game *g = tu_town(3);
    tu_unit(g, "w", 1, "infantry", 5, 6, 3);       /* on the wall */
    int a = tu_unit(g, "a", 0, "infantry", 5, 5, 3);
    tu_start(g);
    fed(g);
    char why[256];
    /* No council: every order goes, a vote needs a 10 or less. */
    ck_assert_int_eq(siege_council_need(g, 0), 10);
    int l = tu_leader(g, "abu_ubaidah", 0, TRAIT_COUNCIL, a);
    ck_assert_int_eq(siege_council_leader(g, 0), l);
    ck_assert_int_eq(siege_council_need(g, 0), 4 + 2); /* command 4 + council_bonus 2 */
    /* A council that always votes no (needs 0 or less on a d10). */
    g->siege.rules.council_bonus = -4;
    cmd_ok(g, "offer-terms generous");
    ck_assert_int_eq(g->siege.terms, TERMS_NONE);
    ck_assert_int_eq(tu_count_events(g, EV_ORDER, "council: abu_ubaidah's council votes against generous terms"), 1);
    ck_assert(siege_council_refused(g, 0));
    ck_assert(!tu_cmd(g, "offer-terms generous", why, sizeof why));
    ck_assert_str_eq(why, "abu_ubaidah's council voted against a storm, a sally or terms this turn; an offer of terms "
                          "must wait for next turn");
    ck_assert(!tu_cmd(g, "attack a 6,3", why, sizeof why));
    ck_assert_msg(strstr(why, "a storm of the walls must wait for next turn") != NULL, "%s", why);
    tu_end_turn_both(g);
    /* A new turn, and a council no d10 can fail (4 + 6 = 10): no vote is
     * taken, the orders go. */
    ck_assert(!siege_council_refused(g, 0));
    g->siege.rules.council_bonus = 6;
    cmd_ok(g, "offer-terms generous");
    ck_assert_int_eq(g->siege.terms, TERMS_GENEROUS);
    cmd_ok(g, "attack a 6,3");
    ck_assert_int_eq(g->siege.battle_kind, 2); /* the storm went ahead */
    ck_assert_int_eq(tu_count_events(g, EV_ORDER, "council"), 1); /* only the vote against */
    game_free(g);
}
END_TEST

START_TEST(council_vote_rolls_a_d10)
{
    Game *g = tu_town(13);
    tu_unit(g, "w", 1, "infantry", 5, 6, 3);
    int a = tu_unit(g, "a", 0, "infantry", 5, 5, 3);
    tu_start(g);
    tu_leader(g, "abu_ubaidah", 0, TRAIT_COUNCIL, a);
    /* 6 in 10: the d10 decides, and the log says which way. */
    cmd_ok(g, "offer-terms harsh");
    int yes = tu_count_events(g, EV_ORDER, "council agrees to harsh terms (roll ");
    int no = tu_count_events(g, EV_ORDER, "council votes against harsh terms (roll ");
    ck_assert_int_eq(yes + no, 1);
    ck_assert_int_eq(g->siege.terms == TERMS_HARSH, yes);
    ck_assert_int_eq(siege_council_refused(g, 0), no);
    game_free(g);
}
END_TEST

START_TEST(council_vote_down_stops_the_storm)
{
    Game *g = tu_town(4);
    tu_unit(g, "w", 1, "infantry", 5, 6, 3);
    int a = tu_unit(g, "a", 0, "infantry", 5, 5, 3);
    tu_start(g);
    tu_leader(g, "abu_ubaidah", 0, TRAIT_COUNCIL, a);
    g->siege.rules.council_bonus = -4;
    cmd_ok(g, "attack a 6,3"); /* accepted, but voted down: no battle */
    ck_assert_int_eq(g->mode, MODE_SIEGE);
    ck_assert_int_eq(tu_count_events(g, EV_COMBAT, NULL), 0);
    ck_assert(!g->units[a].attacked);
    game_free(g);
}
END_TEST

START_TEST(impetuous_leader_held_back)
{
    Game *g = tu_game(5);
    int k = tu_unit(g, "guard", 0, "light_cav", 5, 2, 2);
    int e = tu_unit(g, "e", 1, "infantry", 5, 2, 5); /* 3 hexes off, in the open */
    tu_start(g);
    fed(g);
    g->max_turns = 20;
    tu_leader(g, "khalid", 0, TRAIT_IMPETUOUS, k);
    int m = g->sides[0].morale;
    /* impetuous_turns 3: two turns held back cost nothing, the third 1. */
    tu_end_turn_both(g);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.side[0].held_back, 2);
    ck_assert_int_eq(g->sides[0].morale, m);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->sides[0].morale, m - 1);
    ck_assert_int_eq(g->siege.side[0].held_back, 0);
    ck_assert_int_eq(tu_count_events(g, EV_MORALE, "khalid chafes at being held back"), 1);
    /* Out of reach (4 hexes): no count. */
    game_unit_place(g, e, off(2, 6));
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.side[0].held_back, 0);
    /* The other side has no impetuous leader. */
    ck_assert_int_eq(g->siege.side[1].held_back, 0);
    game_free(g);
}
END_TEST

START_TEST(caliph_approach_known)
{
    Game *g = tu_game(6);
    tu_unit(g, "x", 0, "infantry", 5, 2, 2);
    tu_unit(g, "y", 1, "infantry", 5, 8, 8);
    int c = tu_unit(g, "umar_1000", 0, "camel", 5, 0, 0);
    game_unit_set_status(g, c, UNIT_OFF_MAP);
    g->units[c].arrive_turn = 5;
    g->units[c].arrive_hex = off(0, 0);
    g->units[c].rumour_turn = 3;
    tu_start(g);
    fed(g);
    tu_leader(g, "umar", 0, TRAIT_CALIPH, c);
    int m0 = g->sides[0].morale, m1 = g->sides[1].morale;
    tu_end_turn_both(g); /* turn 2 */
    ck_assert_int_eq(g->sides[0].morale, m0);
    tu_end_turn_both(g); /* turn 3: his coming rumoured */
    /* +1 relief rumour, +3 the caliph; the enemy -2. */
    ck_assert_int_eq(g->sides[0].morale, m0 + 1 + 3);
    ck_assert_int_eq(g->sides[1].morale, m1 - 2);
    ck_assert_int_eq(tu_count_events(g, EV_NEWS, "umar is on the road himself"), 1);
    tu_end_turn_both(g); /* once only */
    ck_assert_int_eq(g->sides[0].morale, m0 + 4);
    game_free(g);
}
END_TEST

START_TEST(caliph_column_known_two_turns_after)
{
    Game *g = tu_game(7);
    tu_unit(g, "x", 0, "infantry", 5, 2, 2);
    tu_unit(g, "y", 1, "infantry", 5, 8, 8);
    Siege *s = &g->siege;
    s->nplaces = 2;
    strcpy(s->places[0].id, "medina");
    strcpy(s->places[1].id, "jabiya");
    s->places[0].map_place = s->places[1].map_place = -1;
    s->places[0].owner = s->places[1].owner = 0;
    s->nroutes = 1;
    s->routes[0] = (Route){0, 1, 1250};
    s->ncolumns = 1;
    Column *col = &s->columns[0];
    strcpy(col->id, "caliph");
    strcpy(col->name, "The caliph's 1,000");
    col->side = 0;
    col->sp = 10;
    col->at = 0;
    col->dest = 1;
    col->next = -1;
    col->depart_turn = 1;
    tu_start(g);
    fed(g);
    g->max_turns = 20;
    col->leader = tu_leader(g, "umar", 0, TRAIT_CALIPH, -1);
    int m0 = g->sides[0].morale;
    tu_end_turn_both(g); /* the column sets out in turn 1's upkeep: known on turn 1 + 2 */
    ck_assert_int_eq(s->side[0].caliph_due, 3);
    ck_assert_int_eq(g->sides[0].morale, m0);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->turn, 3);
    ck_assert_int_eq(g->sides[0].morale, m0 + 3);
    game_free(g);
}
END_TEST

START_TEST(glory_seeker_in_a_sally)
{
    Game *g = tu_town(8);
    int h = tu_unit(g, "harbees", 1, "infantry", 5, 5, 6);
    tu_unit(g, "e", 0, "infantry", 5, 5, 5);
    tu_start(g);
    tu_leader(g, "harbees", 1, TRAIT_GLORY_SEEKER, h);
    g->mode = MODE_BATTLE;
    g->siege.battle_kind = 1;
    g->impulse = 1;
    CombatOdds o;
    char why[128];
    int one[1] = {h};
    /* First impulse: surprise 2 + glory 1. */
    ck_assert_int_eq(siege_sally_surprise(g, 1, off(5, 5)), 3);
    ck_assert(combat_odds(g, one, 1, off(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 3);
    /* Past surprise_impulses (2): the glory-seeker's 1 only. */
    g->impulse = 3;
    ck_assert(combat_odds(g, one, 1, off(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 1);
    g->siege.rules.surprise_impulses = 3;
    ck_assert(combat_odds(g, one, 1, off(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 3);
    g->siege.rules.glory_sally_shift = 2;
    ck_assert(combat_odds(g, one, 1, off(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 4);
    /* Not a sally: nothing. */
    g->siege.battle_kind = 0;
    ck_assert(combat_odds(g, one, 1, off(5, 5), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 0);
    game_free(g);
}
END_TEST

START_TEST(takbir_cracks_the_walls)
{
    Game *g = tu_town(9);
    tu_unit(g, "w", 1, "infantry", 5, 6, 3);
    tu_unit(g, "w9", 1, "infantry", 5, 6, 9);
    int a = tu_unit(g, "a", 0, "infantry", 5, 5, 3);
    int b = tu_unit(g, "b", 0, "infantry", 5, 5, 9);
    tu_start(g);
    CombatOdds o;
    char why[128];
    int one[1] = {a};
    ck_assert(combat_odds(g, one, 1, off(6, 3), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, -3); /* the wall */
    ck_assert(effect_crack_wall(g, 0, 1, "takbir and tremor"));
    ck_assert_int_eq(siege_wall_cracks(g, off(6, 3)), 1);
    ck_assert(combat_odds(g, one, 1, off(6, 3), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, -2);
    ck_assert_int_eq(tu_count_events(g, EV_ASSAULT_NEWS, "walls: the walls by the Rastan gate crack (defence 2 of 3)"), 1);
    /* Never below no shift at all. */
    ck_assert(effect_crack_wall(g, 0, 5, NULL));
    ck_assert_int_eq(g->siege.wall_cracks[0], 3);
    ck_assert(combat_odds(g, one, 1, off(6, 3), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 0);
    /* A wall outside the gate's sector (5 hexes off) is whole. */
    int other[1] = {b};
    ck_assert_int_eq(siege_wall_cracks(g, off(6, 9)), 0);
    ck_assert(combat_odds(g, other, 1, off(6, 9), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, -3);
    ck_assert(!effect_crack_wall(g, 4, 1, NULL)); /* no such gate */
    game_free(g);
}
END_TEST

START_TEST(relief_hope_on_a_schedule)
{
    Game *g = tu_town(10);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    g->siege.rules.hope_from = 2;
    g->siege.rules.hope_per_turn = 1;
    g->siege.rules.hope_max = 2;
    tu_start(g);
    fed(g);
    int roll = 7;
    int before = siege_surrender_score(g, TERMS_GENEROUS, &roll);
    ck_assert_int_eq(g->siege.side[1].relief_hope, 0);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.side[1].relief_hope, 1);
    tu_end_turn_both(g);
    tu_end_turn_both(g);
    ck_assert_int_eq(g->siege.side[1].relief_hope, 2); /* hope_max */
    ck_assert_int_eq(tu_count_events(g, EV_ARRIVAL_NEWS, "hope:"), 2);
    ck_assert_int_eq(g->siege.side[0].relief_hope, 0); /* the town's side only */
    /* Each point takes hope_weight (2) off the score. */
    g->sides[1].morale = 12;
    ck_assert_int_eq(siege_surrender_score(g, TERMS_GENEROUS, &roll), before - 2 * 2);
    g->siege.rules.hope_weight = 3;
    ck_assert_int_eq(siege_surrender_score(g, TERMS_GENEROUS, &roll), before - 2 * 3);
    game_free(g);
}
END_TEST

START_TEST(siege_numbers_once_in_the_code)
{
    Game *g = tu_town(11);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    tu_start(g);
    /* Score: 2d6 7 + generous 3 + (20/2 - 12)/2 = -1, + hunger_weight x 2 turns. */
    g->sides[1].morale = 12;
    g->siege.side[1].shortfall_turns = 2;
    int roll = 7;
    ck_assert_int_eq(siege_surrender_score(g, TERMS_GENEROUS, &roll), 7 + 3 - 1 + 2 * 2);
    g->siege.rules.hunger_weight = 3;
    ck_assert_int_eq(siege_surrender_score(g, TERMS_GENEROUS, &roll), 7 + 3 - 1 + 3 * 2);
    /* Fed: one unit eating, 12 ration-days = 12 days; more than
     * defiant_fed_turns (2) x 4 days = 8, and morale 12 > 25 % of 20. */
    g->siege.side[1].shortfall_turns = 0;
    g->siege.side[1].food = 12;
    ck_assert(siege_town_defiant(g));
    g->siege.rules.defiant_fed_turns = 3; /* 12 days is not more than 12 */
    ck_assert(!siege_town_defiant(g));
    /* The civic will's scale. */
    ck_assert(effect_civic_will(g, 10, "test"));
    ck_assert_int_eq(g->siege.civic_will, 10);
    g->siege.rules.civic_will_max = 12;
    ck_assert(effect_civic_will(g, 10, "test"));
    ck_assert_int_eq(g->siege.civic_will, 12);
    game_free(g);
}
END_TEST

START_TEST(leader_escapes_to_a_neighbour)
{
    Game *g = tu_game(12);
    int a = tu_unit(g, "a", 0, "infantry", 1, 5, 3);
    int b = tu_unit(g, "b", 0, "infantry", 5, 5, 2);
    tu_unit(g, "c", 0, "infantry", 5, 9, 9);
    tu_start(g);
    int l = tu_leader(g, "khalid", 0, TRAIT_SWORD, a);
    char why[64];
    ck_assert(effect_damage(g, a, 1, 0, why, sizeof why));
    ck_assert_int_eq(g->units[a].status, UNIT_ELIMINATED);
    ck_assert_int_eq(g->leaders[l].unit, b);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "khalid escapes to b"), 1);
    /* No friend next to it: unattached. */
    g->units[b].sp = 1;
    game_unit_place(g, b, off(1, 1));
    ck_assert(effect_damage(g, b, 1, 0, why, sizeof why));
    ck_assert_int_eq(g->leaders[l].unit, -1);
    game_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("traits");
    TCase *tc = tcase_create("traits");
    tcase_add_test(tc, sword_and_caution_shift_columns);
    tcase_add_test(tc, feint_draws_pursuers_out_of_formation);
    tcase_add_test(tc, feint_not_followed_costs_nothing);
    tcase_add_test(tc, feint_must_fall_back);
    tcase_add_test(tc, council_votes_on_major_orders);
    tcase_add_test(tc, council_vote_rolls_a_d10);
    tcase_add_test(tc, council_vote_down_stops_the_storm);
    tcase_add_test(tc, impetuous_leader_held_back);
    tcase_add_test(tc, caliph_approach_known);
    tcase_add_test(tc, caliph_column_known_two_turns_after);
    tcase_add_test(tc, glory_seeker_in_a_sally);
    tcase_add_test(tc, takbir_cracks_the_walls);
    tcase_add_test(tc, relief_hope_on_a_schedule);
    tcase_add_test(tc, siege_numbers_once_in_the_code);
    tcase_add_test(tc, leader_escapes_to_a_neighbour);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
