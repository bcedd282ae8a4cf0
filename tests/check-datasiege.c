/* check-datasiege.c - the siege declarations of a scenario file: what
 * they fill in the core, the chronicle's steps and orders, columns,
 * victory tests, traits, and their errors with line and key. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/command.h"
#include "core/path.h"
#include "core/game.h"
#include "data/chronicle.h"
#include "data/scenario.h"
#include "data/session.h"
#include "testutil.h"
#include "testdata.h"

/* ---- the siege declarations ---------------------------------------------------- */

static const char SIEGE[] =
    "scenario { id = 's', title = 'S', turns = 10, town = 'town' }\n"                      /* 1 */
    "side { id = 'a', food = { 40, conf = 'I' }, rations = 'half' }\n"                       /* 2 */
    "side { id = 'b', forages = true }\n"                                                  /* 3 */
    "siege { historical = false, civic_will = 4, rules = {\n"                              /* 4 */
    "  gate_throughput = 7, pace_km = { forced = 60 }, winter_months = { 'jan' },\n"       /* 5 */
    "  consumption_pct = { expel = 70 }, weather_winter = { mild = 2, cold = 5, rain = 8, frost = 10 } } }\n" /* 6 */
    "map { width = 6, height = 4, rows = [[\n"                                             /* 7 */
    "......\n..cc..\n..cG..\n......\n]] }\n"                                              /* 8-12 */
    "place { id = 'town', at = '2,1', owner = 'a' }\n"                                     /* 13 */
    "place { id = 'camp', at = '5,0', owner = 'b', camp = true }\n"                        /* 14 */
    "gate { id = 'g', at = '3,2', alert = true }\n"                                        /* 15 */
    "theatre_place { id = 'home', owner = 'a', map_place = 'town', x = 1, y = 2 }\n"       /* 16 */
    "theatre_place { id = 'far', owner = 'b', resistance = 8, surprise_resistance = 3, ravage = 1 }\n" /* 17 */
    "theatre_place { id = 'base', owner = 'a' }\n"                                         /* 18 */
    "route { from = 'home', to = 'far', km = 300 }\n"                                      /* 19 */
    "route { from = 'far', to = 'base', km = { 200, conf = 'D', src = 'x' } }\n"           /* 20 */
    "courier { id = 'letter', side = 'a', from = 'home', to = 'base', km_per_day = 50, depart_turn = 2 }\n" /* 21 */
    "column { id = 'relief', side = 'a', sp = 30, leader = 'l', at = 'base', dest = 'home', pace = 'forced',\n" /* 22 */
    "         after_courier = 'letter' }\n"                                                /* 23 */
    "column { id = 'raid', side = 'a', sp = 20, at = 'base', dest = 'far', hidden = true, depart_turn = 3 }\n" /* 24 */
    "contingent { id = 'k', side = 'b', home = 'far', loyalty = 2 }\n"                     /* 25 */
    "unit { id = 'u1', side = 'a', type = 'infantry', sp = 5, at = '2,1' }\n"              /* 26 */
    "unit { id = 'u2', side = 'b', type = 'infantry', sp = 5, at = '5,3', contingent = 'k' }\n" /* 27 */
    "unit { id = 'r1', side = 'a', type = 'light_cav', sp = 5,\n"                          /* 28 */
    "       arrives = { column = 'relief', at = '0,3', rumour = 4, confirm = 5 } }\n"      /* 29 */
    "leader { id = 'l', side = 'a', traits = { 'forced_marcher' }, with = 'r1' }\n"        /* 30 */
    "chronicle { side = 'a', turn = 3, order = 'hold', note = 'n' }\n"                      /* 31 */
    "chronicle { side = 'b', turn = 3, order = 'release k' }\n"                             /* 32 */
    "chronicle { side = 'a', turn = 3, order = 'sally g' }\n"                               /* 33 */
    "chronicle { side = 'a', turn = 5, order = 'send-column raid home mixed', src = 'TB' }\n" /* 34 */
    "dispute { id = 'd', title = 'D', versions = { { text = 'x', src = 'A' }, { text = 'y', src = 'B' } } }\n"; /* 35 */

static Scenario *load_siege(const char *extra) { return td_load(SIEGE, extra, NULL); }

START_TEST(siege_declarations_fill_the_core)
{
    Scenario *s = load_siege("");
    if (!s)
        td_dump_diags();
    ck_assert_ptr_nonnull(s);
    const Game *g = scenario_game_const(s);
    const Siege *sg = &g->siege;
    ck_assert(!sg->historical);
    ck_assert_int_eq(sg->civic_will, 4);
    ck_assert_int_eq(sg->rules.gate_throughput, 7);
    ck_assert_int_eq(sg->rules.pace_km[PACE_FORCED], 60);
    ck_assert_int_eq(sg->rules.pace_km[PACE_MIXED], 30);     /* default kept */
    ck_assert_uint_eq(sg->rules.winter_months, 1u);
    ck_assert_int_eq(sg->rules.consumption_pct[RATION_EXPEL], 70);
    ck_assert_int_eq(sg->rules.weather_winter[WX_COLD], 5);
    ck_assert_int_eq(sg->side[0].food, 40);
    ck_assert_int_eq(sg->side[0].rations, RATION_HALF);
    ck_assert(sg->side[1].forages);
    ck_assert_int_eq(g->town_place, 0);
    ck_assert_int_eq(g->town_side, 0);
    ck_assert(g->map.places[1].camp);
    ck_assert(sg->gate_alert[0]);
    ck_assert_int_eq(sg->nplaces, 3);
    ck_assert_int_eq(sg->places[0].map_place, 0);
    ck_assert_int_eq(sg->places[1].resistance, 8);
    ck_assert_int_eq(sg->places[1].surprise_resistance, 3);
    ck_assert_int_eq(sg->places[1].ravage_per_turn, 1);
    ck_assert_int_eq(sg->places[2].resistance, 7);          /* default */
    ck_assert_int_eq(sg->nroutes, 2);
    ck_assert_int_eq(siege_route_km(sg, 0, 2), 500);
    ck_assert_int_eq(sg->ncouriers, 1);
    ck_assert_int_eq(sg->couriers[0].km_per_day, 50);
    ck_assert_int_eq(sg->couriers[0].depart_turn, 2);
    ck_assert_int_eq(sg->ncolumns, 2);
    ck_assert_int_eq(sg->columns[0].after_courier, 0);
    ck_assert_int_eq(sg->columns[0].leader, game_leader_by_id(g, "l"));
    ck_assert_int_eq(sg->columns[0].pace, PACE_FORCED);
    ck_assert_int_eq(sg->columns[0].dest, 0);
    ck_assert(sg->columns[1].hidden);
    ck_assert_int_eq(sg->columns[1].depart_turn, 3);
    ck_assert_int_eq(sg->ncontingents, 1);
    ck_assert_int_eq(sg->contingents[0].home, 1);
    ck_assert_int_eq(sg->contingents[0].loyalty, 2);
    const Unit *u2 = &g->units[game_unit_by_id(g, "u2")], *r1 = &g->units[game_unit_by_id(g, "r1")];
    ck_assert_int_eq(u2->contingent, 0);
    ck_assert_int_eq(r1->column, 0);
    ck_assert_int_eq(r1->status, UNIT_OFF_MAP);
    ck_assert_int_eq(r1->rumour_turn, 4);
    ck_assert_int_eq(r1->confirm_turn, 5);
    ck_assert_int_eq(r1->arrive_turn, 0);
    const ScenarioInfo *in = scenario_info(s);
    ck_assert_int_eq(in->ndisputes, 1);
    ck_assert_int_eq(in->disputes[0].nversions, 2);
    ck_assert_str_eq(in->disputes[0].versions[1].src, "B");
    ck_assert_int_eq(in->nchronicle, 4);
    ck_assert_str_eq(in->chronicle[3].src, "TB");
    scenario_free(s);
}
END_TEST

START_TEST(chronicle_follow_gives_orders_and_plans)
{
    snprintf(td_text, sizeof td_text, "%s", SIEGE);
    memset(&td_ds, 0, sizeof td_ds);
    Session *ss = session_new_buffer("t.lua", td_text, strlen(td_text), 7, &td_ds);
    ck_assert_ptr_nonnull(ss);
    char why[256];
    ChronicleStep st[4];
    ck_assert_int_eq(chronicle_follow(ss, st, 4), 0); /* nothing on turn 1 */
    for (int i = 0; i < 4; i++)
        ck_assert_msg(session_apply_text(ss, "end-turn", why, sizeof why), "%s", why);
    const Game *g = scenario_game(session_scenario(ss));
    ck_assert_int_eq(g->turn, 3);
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(chronicle_follow(ss, st, 4), 2);
    ck_assert_int_eq(st[0].plan, CHRONICLE_HOLD);
    ck_assert_int_eq(st[0].gate, -1);
    ck_assert_int_eq(st[1].plan, CHRONICLE_STRIKE);
    ck_assert_int_eq(st[1].gate, 0); /* "sally g" */
    char line[900];
    chronicle_format(g, &st[0], line, sizeof line);
    ck_assert_str_eq(line, "T3 chronicle a: hold - n");
    ck_assert(session_apply_text(ss, "end-turn", why, sizeof why));
    g = scenario_game(session_scenario(ss));
    ck_assert_int_eq(g->active, 1);
    ck_assert_int_eq(chronicle_follow(ss, st, 4), 1);
    ck_assert_int_eq(st[0].plan, CHRONICLE_COMMAND);
    ck_assert_msg(st[0].given, "%s", st[0].why);
    g = scenario_game(session_scenario(ss));
    ck_assert(g->siege.contingents[0].departed);
    /* Given again, the order is refused and says why. */
    ck_assert_int_eq(chronicle_follow(ss, st, 4), 1);
    ck_assert(!st[0].given);
    chronicle_format(g, &st[0], line, sizeof line);
    ck_assert_msg(strstr(line, "(not given: ") != NULL, "%s", line);
    session_free(ss);
}
END_TEST

/* Plan words carry their gate; rations the chronicle orders are handed on
 * to be kept, also when the side is on them already (not given). */
START_TEST(chronicle_steps_carry_gate_and_rations)
{
    snprintf(td_text, sizeof td_text, "%s%s", SIEGE,
             "chronicle { side = 'a', turn = 1, order = 'rations half' }\n"
             "chronicle { side = 'a', turn = 1, order = 'sortie' }\n"
             "chronicle { side = 'a', turn = 1, order = 'feint g' }\n"
             "chronicle { side = 'a', turn = 1, order = 'rations full' }\n");
    memset(&td_ds, 0, sizeof td_ds);
    Session *ss = session_new_buffer("t.lua", td_text, strlen(td_text), 7, &td_ds);
    if (!ss)
        td_dump_diags();
    ck_assert_ptr_nonnull(ss);
    ChronicleStep st[8];
    ck_assert_int_eq(chronicle_follow(ss, st, 8), 4);
    ck_assert_int_eq(st[0].plan, CHRONICLE_COMMAND);
    ck_assert(!st[0].given); /* already on half */
    ck_assert_int_eq(st[0].rations, RATION_HALF);
    char line[900];
    chronicle_format(scenario_game(session_scenario(ss)), &st[0], line, sizeof line);
    ck_assert_str_eq(line, "T1 chronicle a: rations half"); /* kept, not a refusal */
    ck_assert_int_eq(st[1].plan, CHRONICLE_SORTIE);
    ck_assert_int_eq(st[1].gate, -1);
    ck_assert_int_eq(st[1].rations, -1);
    ck_assert_int_eq(st[2].plan, CHRONICLE_FEINT);
    ck_assert_int_eq(st[2].gate, 0);
    ck_assert_msg(st[3].given, "%s", st[3].why);
    ck_assert_int_eq(st[3].rations, RATION_FULL);
    ck_assert_int_eq(scenario_game(session_scenario(ss))->siege.side[0].rations, RATION_FULL);
    session_free(ss);
    /* feint takes a gate, sortie none. */
    ck_assert_ptr_null(load_siege("chronicle { side = 'a', turn = 2, order = 'feint' }\n"));
    ck_assert_int_eq(td_ds.items[0].line, 36);
    ck_assert_msg(strstr(td_ds.items[0].msg, "'feint' needs a gate id") != NULL, "%s", td_ds.items[0].msg);
    ck_assert_ptr_null(load_siege("chronicle { side = 'a', turn = 2, order = 'sortie g' }\n"));
    ck_assert_msg(strstr(td_ds.items[0].msg, "'sortie' takes no arguments") != NULL, "%s", td_ds.items[0].msg);
}
END_TEST

START_TEST(victory_with_further_tests)
{
    Scenario *s = load_siege("victory { side = 'a', kind = 'surrender', level = 'historical',\n"
                             "  also = { { kind = 'destroy_sp', amount = 40 }, { kind = 'dispersed', amount = 1 } } }\n");
    ck_assert_msg(s != NULL, "%s", td_ds.n ? td_ds.items[0].msg : "");
    const Game *g = scenario_game(s);
    const Victory *v = &g->victory[g->nvictory - 1];
    ck_assert_int_eq(v->kind, VIC_SURRENDER);
    ck_assert_int_eq(v->nalso, 2);
    ck_assert_int_eq(v->also[0].kind, VIC_DESTROY_SP);
    ck_assert_int_eq(v->also[0].amount, 40);
    ck_assert_int_eq(v->also[1].kind, VIC_DISPERSED);
    scenario_free(s);
    s = load_siege("victory { side = 'a', kind = 'surrender', also = { { kind = 'glory' } } }\n");
    ck_assert_ptr_null(s);
    ck_assert_int_eq(td_ds.items[0].line, 36);
    ck_assert_msg(strstr(td_ds.items[0].msg, "unknown kind 'glory'") != NULL, "%s", td_ds.items[0].msg);
}
END_TEST

START_TEST(chronicle_per_turn_and_side)
{
    Scenario *s = load_siege("");
    ck_assert_ptr_nonnull(s);
    const char *orders[4];
    ck_assert_int_eq(scenario_chronicle(s, 3, 0, orders, 4), 2);
    ck_assert_str_eq(orders[0], "hold");
    ck_assert_str_eq(orders[1], "sally g");
    ck_assert_int_eq(scenario_chronicle(s, 3, 1, orders, 4), 1);
    ck_assert_str_eq(orders[0], "release k");
    ck_assert_int_eq(scenario_chronicle(s, 3, 0, orders, 1), 2);   /* count beyond max */
    ck_assert_int_eq(scenario_chronicle(s, 4, 0, orders, 4), 0);
    ck_assert_int_eq(scenario_chronicle(s, 5, 0, orders, 4), 1);
    ck_assert_str_eq(orders[0], "send-column raid home mixed");
    ck_assert_int_eq(scenario_chronicle_last_turn(s, 0), 5);
    ck_assert_int_eq(scenario_chronicle_last_turn(s, 1), 3);
    scenario_free(s);
}
END_TEST

START_TEST(siege_columns_march_from_the_file)
{
    Scenario *s = load_siege("");
    ck_assert_ptr_nonnull(s);
    td_end_turns(s, 6);
    Game *g = scenario_game(s);
    /* the raid set out on turn 3 and besieged 'far'; the letter (500 km at
     * 50 km a day) reached base on turn 5 and sent the relief */
    ck_assert_int_ge(tu_count_events(g, EV_COUNTER_SIEGE, "counter-siege"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_THEATRE, "courier"), 2);
    ck_assert_int_ge(tu_count_events(g, EV_ARRIVAL_NEWS, "rumoured"), 1);
    scenario_free(s);
}
END_TEST

START_TEST(siege_errors_name_line_and_key)
{
    Scenario *s = load_siege(
        "siege { civic_will = 3 }\n"                                                   /* 36 */
        "theatre_place { id = 'x', resistance = 'high' }\n"                            /* 37 */
        "route { from = 'home', to = 'nowhere', km = 5 }\n"                            /* 38 */
        "courier { id = 'c2', side = 'a', from = 'home',\n"                            /* 39 */
        "          to = 'far', km_per_day = 0 }\n"                                     /* 40 */
        "column { id = 'c3', side = 'a', sp = 5, at = 'home', pace = 'trot' }\n"       /* 41 */
        "column { id = 'c4', side = 'a', sp = 5, at = 'home', after_courier = 'nope' }\n" /* 42 */
        "column { id = 'c5', side = 'a', sp = 5, at = 'home', leader = 'ghost' }\n"    /* 43 */
        "contingent { id = 'k2', side = 'b', home = 'mars' }\n"                        /* 44 */
        "unit { id = 'u3', side = 'a', type = 'infantry', sp = 5, at = '2,2', contingent = 'k' }\n" /* 45 */
        "unit { id = 'u4', side = 'a', type = 'infantry', sp = 5, arrives = { column = 'zz', at = '0,0' } }\n" /* 46 */
        "chronicle { side = 'a', turn = 2, order = 'sally nogate' }\n"                 /* 47 */
        "chronicle { side = 'a', turn = 2, order = 'fly away' }\n"                     /* 48 */
        "dispute { id = 'd2', title = 'T', turn = 0, versions = { { text = 'only one', src = 'A' } } }\n" /* 49 */
        "side { id = 'c', rations = 'double' }\n"                                      /* 50 */
        "place { id = 'p9', at = '0,0', camp = 'yes' }\n"                              /* 51 */
        "siege { rules = { gate_troughput = 3, news_delay_min = 3,\n"                  /* 52 */
        "  winter_months = { 'winter' } } }\n");                                      /* 53 */
    ck_assert_ptr_null(s);
    ck_assert_diag("siege: a file declares one siege", 36);
    ck_assert_diag("theatre_place[x].resistance: expected a whole number", 37);
    ck_assert_diag("route.to: unknown theatre place 'nowhere'", 38);
    ck_assert_diag("courier[c2].km_per_day: 0 is out of range", 40);
    ck_assert_diag("column[c3].pace: unknown pace 'trot'", 41);
    ck_assert_diag("column[c4].after_courier: unknown courier 'nope'", 42);
    ck_assert_diag("column[c5].leader: unknown leader 'ghost'", 43);
    ck_assert_diag("contingent[k2].home: unknown theatre place 'mars'", 44);
    ck_assert_diag("unit[u3].contingent: contingent 'k' belongs to the other side", 45);
    ck_assert_diag("unit[u4].arrives.column: unknown column 'zz'", 46);
    ck_assert_diag("chronicle.order: 'sally nogate' needs a gate id", 47);
    ck_assert_diag("chronicle.order: 'fly away'", 48);
    ck_assert_diag("dispute[d2].versions: a disputed point has 2 to 4 versions", 49);
    ck_assert_diag("dispute[d2].turn: 0 is out of range", 49);
    ck_assert_diag("side[c].rations: unknown rations 'double'", 50);
    ck_assert_diag("place[p9].camp: expected true or false", 51);
    ck_assert_diag("siege.rules.gate_troughput: unknown key 'gate_troughput'", 52);
    ck_assert_diag("siege.rules.news_delay_max: must be at least news_delay_min", 52);
    ck_assert_diag("siege.rules.winter_months: 'winter' is not a month", 53);
    scenario_free(s);
}
END_TEST

START_TEST(trait_numbers_load_and_are_checked)
{
    Scenario *s = load_siege("rules { sword_shift = 2, feint_shift = { 3, conf = 'I' }, feint_radius = 4 }\n"); /* 36 */
    if (!s)
        td_dump_diags();
    ck_assert_ptr_nonnull(s);
    const Game *g = scenario_game_const(s);
    ck_assert_int_eq(g->rules.sword_shift, 2);
    ck_assert_int_eq(g->rules.feint_shift, 3);
    ck_assert_int_eq(g->rules.feint_radius, 4);
    ck_assert_int_eq(g->rules.cautious_def_shift, 1); /* default kept */
    ck_assert_int_eq(g->siege.rules.council_bonus, 2);
    scenario_free(s);
    s = load_siege("rules { feint_shift = 12 }\n"                                                /* 36 */
                   "siege { civic_will = 11, rules = { hope_max = 99, council_bonus = 2 } }\n"); /* 37 */
    ck_assert_ptr_null(s);
    ck_assert_diag("rules.feint_shift: 12 is out of range", 36);
    ck_assert_diag("siege.rules.hope_max: 99 is out of range", 37);
    ck_assert_diag("siege.civic_will: 11 is above the will's scale (civic_will_max 10)", 37);
    scenario_free(s);
}
END_TEST

START_TEST(via_moat_and_second_home_errors)
{
    Scenario *s = load_siege(
        "column { id = 'c6', side = 'a', sp = 5, at = 'home', via = 'home', dest = 'far' }\n" /* 36 */
        "column { id = 'c7', side = 'a', sp = 5, at = 'home', via = 'moon', dest = 'far' }\n" /* 37 */
        "contingent { id = 'k3', side = 'b', home = 'far', also_home = 'far' }\n"             /* 38 */
        "theatre_place { id = 'y', moat = -1 }\n");                                          /* 39 */
    ck_assert_ptr_null(s);
    ck_assert_diag("column[c6].via: a place to pass on the way needs a dest, and must be neither at nor dest", 36);
    ck_assert_diag("column[c7].via: unknown theatre place 'moon'", 37);
    ck_assert_diag("contingent[k3].also_home: the second home is the first one again", 38);
    ck_assert_diag("theatre_place[y].moat: -1 is out of range", 39);
    scenario_free(s);
}
END_TEST

START_TEST(crack_wall_from_a_handler)
{
    snprintf(td_text, sizeof td_text, "%s%s", SIEGE,
             "on('turn', function(ev) if ev.turn == 2 then emesa.crack_wall('g', 2, 'takbir and tremor') end end)\n");
    memset(&td_ds, 0, sizeof td_ds);
    Session *ss = session_new_buffer("t.lua", td_text, strlen(td_text), 7, &td_ds);
    ck_assert_ptr_nonnull(ss);
    char why[256];
    const Game *g = scenario_game(session_scenario(ss));
    ck_assert_int_eq(g->siege.wall_cracks[0], 0);
    for (int i = 0; i < 2; i++)
        ck_assert_msg(session_apply_text(ss, "end-turn", why, sizeof why), "%s", why);
    g = scenario_game(session_scenario(ss));
    ck_assert_int_eq(g->turn, 2);
    ck_assert_int_eq(g->siege.wall_cracks[0], 2);
    int said = 0;
    for (size_t i = 0; i < g->events.n; i++)
        said += strstr(g->events.items[i].text, "walls: the walls by the g crack (defence 1 of 3): takbir and tremor") != NULL;
    ck_assert_int_eq(said, 1);
    session_free(ss);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("datasiege");
    TCase *tc = tcase_create("siege");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, siege_declarations_fill_the_core);
    tcase_add_test(tc, chronicle_per_turn_and_side);
    tcase_add_test(tc, chronicle_steps_carry_gate_and_rations);
    tcase_add_test(tc, chronicle_follow_gives_orders_and_plans);
    tcase_add_test(tc, victory_with_further_tests);
    tcase_add_test(tc, siege_columns_march_from_the_file);
    tcase_add_test(tc, siege_errors_name_line_and_key);
    tcase_add_test(tc, trait_numbers_load_and_are_checked);
    tcase_add_test(tc, via_moat_and_second_home_errors);
    tcase_add_test(tc, crack_wall_from_a_handler);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
