/* check-objectives.c - what the core tells a player of aims and dangers:
 * the town's commander answering terms, wall sections and forced gates
 * said in the log, orders kept from the other side, and the victory
 * conditions in words. Hand-worked values on the tu_town fixture (side 0
 * "north" besieges, side 1 "south" holds the town, walls on column 6). */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include "core/command.h"
#include "core/siege.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

/* A town in despair with nothing to eat: the council would take generous
 * terms on any roll (score 2d6 + 3 + (10 - 4)/2 + 2 x 6 >= 12). */
static Game *hungry_town(void)
{
    Game *g = tu_town(1);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    g->siege.side[0].forages = true;
    tu_start(g);
    g->sides[1].morale = 4;
    g->siege.side[1].food = 0;
    g->siege.side[1].shortfall_turns = 5;
    return g;
}

static void offer_and_answer(Game *g, const char *answer)
{
    char why[256];
    ck_assert_int_eq(g->active, 0);
    ck_assert_msg(tu_cmd(g, "offer-terms generous", why, sizeof why), "%s", why);
    /* Only the town's holder answers, and only to terms on the table. */
    ck_assert(!tu_cmd(g, "answer-terms accept", why, sizeof why));
    ck_assert_str_eq(why, "only the town's holder answers terms");
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_int_eq(g->active, 1);
    if (answer) {
        ck_assert_msg(tu_cmd(g, answer, why, sizeof why), "%s", why);
        ck_assert(!tu_cmd(g, answer, why, sizeof why));
        ck_assert_str_eq(why, "the terms have already been answered");
    }
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
}

START_TEST(commander_accepts_terms)
{
    /* A fed town in good heart would never treat (siege_town_defiant);
     * its commander may still give it up. */
    Game *g = tu_town(1);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    g->siege.side[1].food = 200;
    g->siege.side[0].forages = true;
    tu_start(g);
    g->sides[1].morale = 14;
    ck_assert(siege_town_defiant(g));
    offer_and_answer(g, "answer-terms accept");
    ck_assert(g->siege.surrendered);
    ck_assert_int_eq(tu_count_events(g, EV_SURRENDER, "commander accepts the generous terms"), 1);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(g->outcome.winner, 0);
    game_free(g);
}
END_TEST

START_TEST(commander_refuses_what_the_council_would_take)
{
    Game *g = hungry_town();
    int will = g->siege.civic_will;
    offer_and_answer(g, "answer-terms refuse");
    ck_assert(!g->siege.surrendered);
    ck_assert_int_eq(tu_count_events(g, EV_TERMS_REFUSED, "commander refuses"), 1);
    /* overrule_will 2: the townspeople's will falls by two. */
    ck_assert_int_eq(g->siege.civic_will, will - 2);
    ck_assert_int_eq(g->siege.terms_answer, TERMS_ANSWER_COUNCIL);   /* cleared for the next offer */
    game_free(g);
    /* Unanswered, the council decides on the dice, as before: it takes them. */
    g = hungry_town();
    offer_and_answer(g, NULL);
    ck_assert(g->siege.surrendered);
    ck_assert_int_eq(tu_count_events(g, EV_SURRENDER, "accepts the generous terms"), 1);
    game_free(g);
    /* overrule_will from the scenario's rules: 0 costs nothing. */
    g = hungry_town();
    g->siege.rules.overrule_will = 0;
    will = g->siege.civic_will;
    offer_and_answer(g, "answer-terms refuse");
    ck_assert(!g->siege.surrendered);
    ck_assert_int_eq(g->siege.civic_will, will);
    game_free(g);
}
END_TEST

START_TEST(answer_needs_terms_on_the_table)
{
    Game *g = hungry_town();
    char why[256];
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert(!tu_cmd(g, "answer-terms refuse", why, sizeof why));
    ck_assert_str_eq(why, "no terms have been offered this turn");
    Command c;
    ck_assert(!cmd_parse(g, "answer-terms maybe", &c, why, sizeof why));
    ck_assert_str_eq(why, "answer-terms takes accept or refuse");
    ck_assert(cmd_parse(g, "answer-terms refuse", &c, why, sizeof why));
    char b[64];
    cmd_format(g, &c, b, sizeof b);
    ck_assert_str_eq(b, "answer-terms refuse");
    game_free(g);
}
END_TEST

/* ---- walls and gates in the log --------------------------------------- */

START_TEST(enemy_on_the_wall_is_said)
{
    Game *g = tu_town(1);
    tu_unit(g, "a", 0, "infantry", 5, 5, 2);
    tu_unit(g, "b", 0, "infantry", 5, 5, 7);
    tu_unit(g, "d", 1, "infantry", 5, 9, 6);
    g->siege.side[0].forages = true;
    g->siege.side[1].food = 100;
    tu_start(g);
    int taken = -1;
    ck_assert_int_eq(siege_walls(g, &taken), 9);   /* column 6, rows 0-9, less the gate */
    ck_assert_int_eq(taken, 0);
    char why[256];
    ck_assert_msg(tu_cmd(g, "move a 6,2", why, sizeof why), "%s", why);
    ck_assert_int_eq(tu_count_events(g, EV_WALL, "a stands on the wall at 6,2 (1 of 9 sections in enemy hands)"), 1);
    ck_assert_int_eq(siege_walls(g, &taken), 9);
    ck_assert_int_eq(taken, 1);
    /* A move that does not end on a wall says nothing. */
    ck_assert_msg(tu_cmd(g, "move b 4,7", why, sizeof why), "%s", why);
    ck_assert_int_eq(tu_count_events(g, EV_WALL, NULL), 1);
    game_free(g);
}
END_TEST

START_TEST(forced_gate_is_said)
{
    /* A 20-SP attack on a 1-SP defender in the shut gate: on the seeds
     * where the attacker advances into it, the gate is forced and an
     * EV_GATE event says so (it used to change without one). */
    int forced = 0;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        Game *g = tu_town(seed);
        tu_unit(g, "a", 0, "infantry", 20, 5, 4);
        tu_unit(g, "d", 1, "infantry", 1, 6, 4);
        g->siege.side[0].forages = true;
        g->siege.side[1].food = 100;
        tu_start(g);
        char why[256];
        if (!tu_cmd(g, "attack a 6,4", why, sizeof why)) {
            game_free(g);
            ck_abort_msg("attack refused: %s", why);
        }
        if (g->gates[0].state == GATE_FORCED) {
            forced++;
            int said = 0;
            for (size_t i = 0; i < g->events.n; i++)
                said += g->events.items[i].type == EV_GATE && g->events.items[i].b == GATE_FORCED;
            ck_assert_int_eq(said, 1);
        }
        game_free(g);
    }
    ck_assert_int_gt(forced, 0);
}
END_TEST

/* ---- orders only their side knows -------------------------------------- */

START_TEST(alert_orders_are_the_besiegers_own)
{
    Game *g = tu_town(1);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    tu_unit(g, "x", 1, "infantry", 5, 8, 4);
    g->siege.side[0].forages = true;
    tu_start(g);
    char why[256];
    ck_assert_msg(tu_cmd(g, "alert rastan on", why, sizeof why), "%s", why);
    const Event *e = &g->events.items[g->events.n - 1];
    ck_assert_int_eq(e->type, EV_ORDER);
    ck_assert(game_event_known_to(g, e, 0));
    ck_assert(!game_event_known_to(g, e, 1));
    ck_assert(game_event_known_to(g, e, -1));
    /* The town's rations are no secret. */
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_msg(tu_cmd(g, "rations half", why, sizeof why), "%s", why);
    e = &g->events.items[g->events.n - 1];
    ck_assert(game_event_known_to(g, e, 0));
    game_free(g);
}
END_TEST

/* ---- the victory conditions in words ---------------------------------- */

START_TEST(victory_conditions_in_words)
{
    Game *g = tu_town(1);
    tu_unit(g, "y", 0, "infantry", 5, 2, 2);
    g->map.nplaces = 1;
    strcpy(g->map.places[0].id, "town");
    strcpy(g->map.places[0].name, "Homs");
    g->map.places[0].hex = off(9, 5);
    g->map.places[0].owner = 1;
    Victory *v = &g->victory[g->nvictory++];
    memset(v, 0, sizeof *v);
    v->kind = VIC_DESTROY_SP;
    v->side = 1;
    v->amount = 30;
    strcpy(v->level, "major");
    v = &g->victory[g->nvictory++];
    memset(v, 0, sizeof *v);
    v->kind = VIC_HOLD_PLACE;
    v->side = 1;
    v->place = 0;
    strcpy(v->level, "minor");
    v->nalso = 1;
    v->also[0].kind = VIC_ENEMY_MORALE;
    v->also[0].amount = 5;
    tu_start(g);
    g->sides[0].sp_lost = 12;
    g->sides[0].morale = 9;
    char b[400];
    game_victory_describe(g, 0, b, sizeof b);
    ck_assert_str_eq(b, "Major victory for the South if the North lose 30 SP");
    game_victory_progress(g, 0, b, sizeof b);
    ck_assert_str_eq(b, "the North have lost 12 of 30 SP");
    ck_assert(!game_victory_holds(g, 0));
    game_victory_describe(g, 1, b, sizeof b);
    ck_assert_str_eq(b, "Minor victory for the South if the South hold Homs at the end of turn 30 and the North's morale falls to 5 or less");
    game_victory_progress(g, 1, b, sizeof b);
    ck_assert_str_eq(b, "Homs is held by the South; the North's morale is 9 (needs 5 or less)");
    g->sides[0].morale = 5;
    ck_assert(game_victory_holds(g, 1));
    game_victory_fallbacks(g, b, sizeof b);
    ck_assert_str_eq(b, "If the town surrenders on terms: a major victory for the North. "
                        "If no side meets its aims by the end of turn 30: a draw.");
    /* Which condition ended the game is kept for the debrief. */
    ck_assert_int_eq(g->outcome.victory, -1);
    g->sides[0].sp_lost = 30;
    tu_end_turn_both(g);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(g->outcome.winner, 1);
    ck_assert_int_eq(g->outcome.victory, 0);
    game_free(g);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("objectives");
    TCase *tc = tcase_create("objectives");
    tcase_add_test(tc, commander_accepts_terms);
    tcase_add_test(tc, commander_refuses_what_the_council_would_take);
    tcase_add_test(tc, answer_needs_terms_on_the_table);
    tcase_add_test(tc, enemy_on_the_wall_is_said);
    tcase_add_test(tc, forced_gate_is_said);
    tcase_add_test(tc, alert_orders_are_the_besiegers_own);
    tcase_add_test(tc, victory_conditions_in_words);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
