/* check-data.c - loading and checking scenario files (the real ones,
 * the loader's errors with their lines) and running their event handlers;
 * the siege declarations are check-datasiege.c's. */
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


/* A small valid scenario; tests append lines from line 12 on. */
static const char BASE[] =
    "scenario { id = 't', title = 'T', turns = 5, town_side = 'a' }\n"          /* 1 */
    "side { id = 'a', morale = 10 }\n"                                         /* 2 */
    "side { id = 'b' }\n"                                                      /* 3 */
    "map { width = 6, height = 4, rows = [[\n"                                 /* 4 */
    "......\n"                                                                 /* 5 */
    "..cc..\n"                                                                 /* 6 */
    "..cG..\n"                                                                 /* 7 */
    "......\n"                                                                 /* 8 */
    "]] }\n"                                                                   /* 9 */
    "unit { id = 'u1', side = 'a', type = 'infantry', sp = 5, at = '2,1' }\n"  /* 10 */
    "unit { id = 'u2', side = 'b', type = 'light_cav', sp = 5, at = '5,3' }\n"; /* 11 */

static Scenario *load_with(const char *extra, const ScenarioLimits *lim) { return td_load(BASE, extra, lim); }

static Scenario *load(const char *extra) { return load_with(extra, NULL); }

/* ---- the real scenario ------------------------------------------------------ */

START_TEST(real_scenario_loads)
{
    memset(&td_ds, 0, sizeof td_ds);
    Scenario *s = scenario_load(td_path_of("scenarios/emesa-638.lua"), 1, &td_ds);
    if (!s)
        td_dump_diags();
    ck_assert_ptr_nonnull(s);
    const Game *g = scenario_game_const(s);
    ck_assert_int_eq(g->map.width, 40);
    ck_assert_int_eq(g->map.height, 30);
    ck_assert_int_eq(g->nsides, 2);
    ck_assert_int_eq(g->max_turns, 22);
    ck_assert_str_eq(g->sides[g->town_side].id, "rashidun");
    ck_assert_int_eq(g->ngates, 4);
    /* 1 SP = 100 men: 9,000 in the city, al-Qa'qa''s 4,000, 20,000 besiegers */
    int sp[2] = { 0, 0 };
    for (int i = 0; i < g->nunits; i++)
        sp[g->units[i].side] += g->units[i].sp;
    ck_assert_int_eq(sp[game_side_by_id(g, "rashidun")], 90 + 40);
    ck_assert_int_eq(sp[game_side_by_id(g, "coalition")], 200);
    int q = game_unit_by_id(g, "qaqa_1");
    ck_assert_int_eq(g->units[q].status, UNIT_OFF_MAP);
    ck_assert_int_eq(g->units[q].column, siege_column_by_id(&g->siege, "qaqa"));
    ck_assert_int_eq(g->units[q].rumour_turn, 10);
    /* the theatre map, couriers, columns and contingents */
    ck_assert_int_eq(g->town_place, map_place_by_id(&g->map, "emesa"));
    int kufa = siege_place_by_id(&g->siege, "kufa"), hit = siege_place_by_id(&g->siege, "hit");
    ck_assert_int_eq(siege_route_km(&g->siege, kufa, hit), 280);
    ck_assert_int_eq(siege_route_km(&g->siege, kufa, siege_place_by_id(&g->siege, "emesa")), 980); /* by the desert track */
    ck_assert_int_eq(g->siege.ncouriers, 3);
    ck_assert_int_eq(g->siege.ncontingents, 5);
    ck_assert_int_eq(g->siege.places[hit].resistance, 9);
    ck_assert_int_eq(g->siege.places[hit].moat, 5);
    int iyad = siege_column_by_id(&g->siege, "hit");
    ck_assert_int_eq(g->siege.columns[iyad].leader, game_leader_by_id(g, "iyad"));
    ck_assert_int_eq(g->siege.columns[iyad].at, siege_place_by_id(&g->siege, "emesa"));
    int habib = siege_column_by_id(&g->siege, "circesium");
    ck_assert(g->siege.columns[habib].by_via);
    ck_assert_int_eq(g->siege.columns[habib].via, hit);
    int col = siege_column_by_id(&g->siege, "qaqa");
    ck_assert_int_eq(g->siege.columns[col].leader, game_leader_by_id(g, "qaqa"));
    ck_assert_int_eq(g->siege.columns[col].pace, PACE_FORCED);
    ck_assert(g->siege.side[game_side_by_id(g, "coalition")].forages);
    ck_assert_int_eq(map_terrain(&g->map, hex_from_offset(12, 12)), TER_FORD);
    ck_assert_int_eq(map_terrain(&g->map, hex_from_offset(12, 22)), TER_FORD);
    ck_assert_int_eq(map_terrain(&g->map, hex_from_offset(21, 13)), TER_HILL);
    ck_assert_int_eq(map_terrain(&g->map, hex_from_offset(23, 9)), TER_GATE);
    const ScenarioInfo *in = scenario_info(s);
    ck_assert_str_eq(in->id, "emesa-638");
    ck_assert_int_ge(in->nnotes, 5);
    ck_assert_int_ge(in->ntags, 10);
    ck_assert_int_ge(in->ndisputes, 5);
    /* a disputed point may name the turn it concerns: al-Qa'qa''s arrival */
    for (int d = 0; d < in->ndisputes; d++)
        if (!strcmp(in->disputes[d].id, "sequence"))
            ck_assert_int_eq(in->disputes[d].turn, 13);
        else if (!strcmp(in->disputes[d].id, "date"))
            ck_assert_int_eq(in->disputes[d].turn, 0);
    ck_assert_int_ge(in->nchronicle, 6);
    ck_assert_uint_ne(scenario_source_hash(s), 0);
    /* the turn-1 handler ran during loading */
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "Council in Emesa"), 1);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

START_TEST(real_scenario_plays_to_the_end)
{
    memset(&td_ds, 0, sizeof td_ds);
    Scenario *s = scenario_load(td_path_of("scenarios/emesa-638.lua"), 3, &td_ds);
    ck_assert_ptr_nonnull(s);
    td_end_turns(s, 22);
    Game *g = scenario_game(s);
    ck_assert_int_eq(g->mode, MODE_OVER);
    /* the relief came if the game lasted that long */
    if (g->turn >= 14)
        ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "Al-Qa'qa' arrives"), 1);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

START_TEST(winter_scenario_loads_and_plays)
{
    memset(&td_ds, 0, sizeof td_ds);
    Scenario *s = scenario_load(td_path_of("scenarios/emesa-635.lua"), 2, &td_ds);
    if (!s)
        td_dump_diags();
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    ck_assert_int_eq(g->max_turns, 26);
    ck_assert_str_eq(g->sides[g->town_side].id, "byzantine");
    ck_assert_int_eq(g->siege.side[g->town_side].food, 92);
    ck_assert_int_ge(scenario_info(s)->ndisputes, 5);
    const char *orders[4];
    ck_assert_int_eq(scenario_chronicle(s, 22, game_side_by_id(g, "byzantine"), orders, 4), 1);
    ck_assert_str_eq(orders[0], "sally rastan");
    td_end_turns(s, 26);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

START_TEST(source_hash_is_fnv1a)
{
    Scenario *s = load("");
    ck_assert_ptr_nonnull(s);
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < strlen(td_text); i++) {
        h ^= (unsigned char)td_text[i];
        h *= 0x100000001b3ULL;
    }
    ck_assert_uint_eq(scenario_source_hash(s), h);
    scenario_free(s);
}
END_TEST

/* ---- loader errors, each with its line ---------------------------------------- */

START_TEST(unknown_terrain_letter_line_and_column)
{
    memset(&td_ds, 0, sizeof td_ds);
    ck_assert_ptr_null(scenario_load(td_path_of("tests/fixtures/bad-terrain.lua"), 1, &td_ds));
    ck_assert_diag("unknown terrain letter 'X' at hex 3,1", 9);
    ck_assert_int_eq(td_find_diag("unknown terrain letter")->col, 8);
    char buf[700];
    diag_format(td_find_diag("unknown terrain"), buf, sizeof buf);
    ck_assert_msg(strstr(buf, "bad-terrain.lua:9:8: map.rows: unknown terrain letter"), "%s", buf);
}
END_TEST

START_TEST(several_problems_in_one_file)
{
    memset(&td_ds, 0, sizeof td_ds);
    ck_assert_ptr_null(scenario_load(td_path_of("tests/fixtures/bad-refs.lua"), 1, &td_ds));
    ck_assert_diag("duplicate unit id 'u1'", 12);
    ck_assert_diag("unknown side 'c'", 15);        /* the line of side = in a multi-line unit */
    ck_assert_diag("unknown unit type 'elephant'", 20);
    ck_assert_diag("hex 9,9 is off the map", 21);
    ck_assert_diag("unknown unit 'nobody'", 22);
    ck_assert_diag("unknown place 'rome'", 23);
    ck_assert_int_ge(td_ds.n, 6);
    /* sorted by line */
    for (int i = 1; i < td_ds.n; i++)
        ck_assert_int_le(td_ds.items[i - 1].line, td_ds.items[i].line);
}
END_TEST

START_TEST(missing_and_wrong_type)
{
    ck_assert_ptr_null(load("unit { id = 'u3', side = 'a', type = 'infantry', at = '3,1' }\n"
                            "unit { id = 'u4', side = 'a', type = 'infantry', sp = 'five', at = '0,0' }\n"
                            "place { id = 'p', at = 12 }\n"
                            "gate { id = 'g', at = '2,1' }\n"));
    ck_assert_diag("unit[u3].sp: missing", 12);
    ck_assert_diag("unit[u4].sp: expected a whole number, got a string", 13);
    ck_assert_diag("place[p].at: expected a hex", 14);
    ck_assert_diag("gate[g].at: hex 2,1 is city", 15);
}
END_TEST

START_TEST(impassable_and_enemy_town)
{
    ck_assert_ptr_null(load("unit { id = 'u3', side = 'b', type = 'infantry', sp = 5, at = '3,1' }\n"
                            "unit { id = 'u4', side = 'a', type = 'infantry', sp = 5, at = '0,0' }\n"
                            "rules { move_cost = { open = { foot = -1 } } }\n"));
    ck_assert_diag("inside the town", 12);
    ck_assert_diag("which Infantry cannot enter", 13);
}
END_TEST

START_TEST(zero_move_cost_is_refused)
{
    /* A step of 0 would break A*'s estimate (path.c): refused with line and
     * key, once for a number that sets both classes; 1 and -1 are fine. */
    ck_assert_ptr_null(load("rules { move_cost = {\n"
                            "  road = 1, river = -1,\n"
                            "  orchard = { foot = 0, horse = 4 },\n"
                            "  hill = 0,\n"
                            "} }\n"));
    ck_assert_diag("rules.move_cost.orchard.foot: a move cost of 0 is not allowed", 14);
    ck_assert_diag("rules.move_cost.hill: a move cost of 0 is not allowed", 15);
    ck_assert_int_eq(td_ds.n, 2);
}
END_TEST

/* On both scenarios' maps A* (path_find) finds every hex that Dijkstra
 * (path_reachable) reaches with 15 MP, at the same cost: the estimate
 * holds while no step is free. */
START_TEST(astar_costs_match_dijkstra_on_the_maps)
{
    const char *files[] = { "scenarios/emesa-635.lua", "scenarios/emesa-638.lua" };
    for (int f = 0; f < 2; f++) {
        memset(&td_ds, 0, sizeof td_ds);
        Scenario *s = scenario_load(td_path_of(files[f]), 1, &td_ds);
        ck_assert_ptr_nonnull(s);
        Game *g = scenario_game(s);
        int n = g->map.width * g->map.height, paths = 0;
        int *reach = malloc(sizeof(int) * (size_t)n);
        for (int u = 0; u < g->nunits; u++) {
            if (g->units[u].status != UNIT_ON_MAP)
                continue;
            g->units[u].mp = 30;
            path_reachable(g, u, reach);
            for (int i = 0; i < n; i++) {
                if (reach[i] < 0)
                    continue;
                Path p;
                ck_assert(path_find(g, u, hex_from_offset(i % g->map.width, i / g->map.width), true, &p));
                ck_assert_int_eq(p.cost, reach[i]);
                paths++;
            }
        }
        ck_assert_int_gt(paths, 1000);
        free(reach);
        scenario_free(s);
    }
}
END_TEST

START_TEST(unknown_keys_and_values)
{
    ck_assert_ptr_null(load("side { id = 'c' }\n"
                            "leader { id = 'l', side = 'a', traits = { 'brave' }, comand = 3 }\n"
                            "victory { side = 'a', kind = 'win_somehow' }\n"
                            "note { id = 'n', title = 'x', text = 'y', conf = 'maybe' }\n"
                            "on('sunrise', function() end)\n"
                            "unit { id = 'u5', side = 'a', type = 'infantry', sp = { 5, conf = 'Q' }, at = '0,0' }\n"));
    ck_assert_diag("too many sides", 12);
    ck_assert_diag("unknown trait 'brave'", 13);
    ck_assert_diag("unknown key 'comand'", 13);
    ck_assert_diag("unknown kind 'win_somehow'", 14);
    ck_assert_diag("note[n].conf", 15);
    ck_assert_diag("unknown event 'sunrise'", 16);
    ck_assert_diag("conf must be", 17);
}
END_TEST

START_TEST(lua_errors_keep_their_line)
{
    ck_assert_ptr_null(load("local t = nil\nlocal x = t.field\n"));
    ck_assert_diag("attempt to index", 13);
    ck_assert_ptr_null(load("unit { id = 'u9' \n"));
    ck_assert(td_find_diag("this is not valid Lua") != NULL);
    memset(&td_ds, 0, sizeof td_ds);
    ck_assert_ptr_null(scenario_load(td_path_of("tests/fixtures/not-lua.lua"), 1, &td_ds));
    ck_assert_diag("not-lua.lua:1: this is not valid Lua", 1);
    memset(&td_ds, 0, sizeof td_ds);
    ck_assert_ptr_null(scenario_load(td_path_of("tests/fixtures/binary.lua"), 1, &td_ds));
    ck_assert_diag("compiled (binary) Lua chunk", 0);
    memset(&td_ds, 0, sizeof td_ds);
    ck_assert_ptr_null(scenario_load(td_path_of("tests/fixtures/no-such-file.lua"), 1, &td_ds));
    ck_assert_diag("cannot open the scenario: No such file", 0);
}
END_TEST

START_TEST(endless_file_reports_budget)
{
    memset(&td_ds, 0, sizeof td_ds);
    ck_assert_ptr_null(scenario_load(td_path_of("tests/fixtures/endless.lua"), 1, &td_ds));
    const Diag *d = td_find_diag("the scenario ran too long (more than 50000000 instructions) - an endless loop?");
    if (!d)
        td_dump_diags();
    ck_assert_ptr_nonnull(d);
    ck_assert(d->line >= 4 && d->line <= 6);
}
END_TEST

START_TEST(memory_hog_reports_cap)
{
    ScenarioLimits lim = { 4 << 20, 0, 0 };
    ck_assert_ptr_null(load_with("local t = {}\nfor i = 1, 1e9 do t[i] = tostring(i) end\n", &lim));
    ck_assert_diag("the scenario used too much memory (more than 4 MiB)", 13);
}
END_TEST

START_TEST(missing_declarations)
{
    memset(&td_ds, 0, sizeof td_ds);
    const char *src = "local x = 1\n";
    ck_assert_ptr_null(scenario_load_buffer("e.lua", src, strlen(src), 1, &td_ds));
    ck_assert(td_find_diag("scenario: missing") != NULL);
    ck_assert(td_find_diag("map: missing") != NULL);
    ck_assert(td_find_diag("found 0 side(s)") != NULL);
}
END_TEST

/* ---- handlers ------------------------------------------------------------------------- */

START_TEST(handlers_fire_and_effects_become_events)
{
    Scenario *s = load("on('turn', function(ev) emesa.message('turn ' .. ev.turn .. ' ' .. emesa.date()) end)\n"
                       "on('turn_start', function(ev)\n"
                       "  if ev.turn == 2 then\n"
                       "    emesa.morale('b', -3, 'bad news')\n"
                       "    assert(emesa.damage('u2', 2, 1))\n"
                       "    emesa.set_gate('g1', 'open')\n"
                       "    emesa.set_owner('town', 'b')\n"
                       "  end\n"
                       "end)\n"
                       "on('capture', function(ev) emesa.message('captured ' .. ev.place .. ' by ' .. ev.side) end)\n"
                       "on('gate', function(ev) emesa.message('gate ' .. ev.gate .. ' ' .. ev.state) end)\n"
                       "gate { id = 'g1', at = '3,2' }\n"
                       "place { id = 'town', at = '2,1', owner = 'a' }\n");
    if (!s)
        td_dump_diags();
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "turn 1 28 Nov 637"), 1);
    td_end_turns(s, 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "turn 2 2 Dec 637"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MORALE, "bad news"), 1);
    ck_assert_int_eq(g->sides[1].morale, 7);
    ck_assert_int_eq(g->units[1].sp, 3);
    int hit = 0;
    for (size_t i = 0; i < g->events.n; i++)
        hit += g->events.items[i].type == EV_LOSS && g->events.items[i].unit == 1 && g->events.items[i].a == 2;
    ck_assert_int_eq(hit, 1);
    ck_assert_int_eq(g->gates[0].state, GATE_OPEN);
    ck_assert_int_eq(g->map.places[0].owner, 1);
    /* events caused by a handler reach handlers too */
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "captured town by b"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "gate g1 open"), 1);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

START_TEST(handler_error_is_a_message_and_game_goes_on)
{
    Scenario *s = load("on('turn', function(ev)\n"
                       "  if ev.turn == 2 then\n"
                       "    local u = emesa.unit('nobody')\n"
                       "    emesa.message(u.name)\n"
                       "  end\n"
                       "end)\n"
                       "on('turn', function(ev) emesa.message('still here ' .. ev.turn) end)\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    td_end_turns(s, 2);
    /* the error is where the unknown id was asked for, and names it */
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "scenario error: t.lua:14: emesa.unit: unknown unit 'nobody'"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "still here 2"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "still here 3"), 1);
    ck_assert_int_eq(scenario_handler_errors(s), 1);
    ck_assert_int_eq(g->turn, 3);
    scenario_free(s);
}
END_TEST

START_TEST(runaway_handlers_are_stopped)
{
    ScenarioLimits lim = { 0, 0, 100000 };
    Scenario *s = load_with("on('turn', function(ev) if ev.turn == 2 then while true do end end end)\n"
                            "on('message', function(ev) emesa.message('echo') end)\n",
                            &lim);
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    td_end_turns(s, 2);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "keep causing events"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "the 'turn' handler ran too long"), 1);
    ck_assert_int_eq(g->turn, 3);
    ck_assert_int_ge(scenario_handler_errors(s), 2);
    scenario_free(s);
}
END_TEST

START_TEST(arrivals_and_end_game_from_handlers)
{
    Scenario *s = load("unit { id = 'r', side = 'a', type = 'infantry', sp = 3, arrives = { turn = 5, at = '0,3' } }\n"
                       "on('turn', function(ev)\n"
                       "  if ev.turn == 2 then assert(emesa.arrive('r', '1,3')) end\n"
                       "  if ev.turn == 3 then emesa.end_game('a', 'minor', 'by decree') end\n"
                       "end)\n"
                       "on('arrival', function(ev) emesa.message(ev.unit .. ' at ' .. ev.hex) end)\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    td_end_turns(s, 5);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "r at 1,3"), 1);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(g->outcome.winner, 0);
    ck_assert_str_eq(g->outcome.level, "minor");
    scenario_free(s);
}
END_TEST

START_TEST(same_seed_same_game)
{
    const char *extra = "on('turn', function(ev) emesa.message('roll ' .. math.random(1000)) end)\n";
    Scenario *a = load(extra);
    td_end_turns(a, 4);
    uint64_t ha = game_hash(scenario_game(a));
    Scenario *b = load(extra);
    td_end_turns(b, 4);
    ck_assert_uint_eq(game_hash(scenario_game(b)), ha);
    ck_assert_int_eq(scenario_game(a)->events.n, scenario_game(b)->events.n);
    for (size_t i = 0; i < scenario_game(a)->events.n; i++)
        ck_assert_str_eq(scenario_game(a)->events.items[i].text, scenario_game(b)->events.items[i].text);
    scenario_free(a);
    scenario_free(b);
}
END_TEST

static Suite *data_suite(void)
{
    Suite *s = suite_create("data");
    TCase *tc = tcase_create("scenario");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, real_scenario_loads);
    tcase_add_test(tc, real_scenario_plays_to_the_end);
    tcase_add_test(tc, winter_scenario_loads_and_plays);
    tcase_add_test(tc, source_hash_is_fnv1a);
    tcase_add_test(tc, unknown_terrain_letter_line_and_column);
    tcase_add_test(tc, several_problems_in_one_file);
    tcase_add_test(tc, missing_and_wrong_type);
    tcase_add_test(tc, impassable_and_enemy_town);
    tcase_add_test(tc, zero_move_cost_is_refused);
    tcase_add_test(tc, astar_costs_match_dijkstra_on_the_maps);
    tcase_add_test(tc, unknown_keys_and_values);
    tcase_add_test(tc, lua_errors_keep_their_line);
    tcase_add_test(tc, endless_file_reports_budget);
    tcase_add_test(tc, memory_hog_reports_cap);
    tcase_add_test(tc, missing_declarations);
    tcase_add_test(tc, handlers_fire_and_effects_become_events);
    tcase_add_test(tc, handler_error_is_a_message_and_game_goes_on);
    tcase_add_test(tc, runaway_handlers_are_stopped);
    tcase_add_test(tc, arrivals_and_end_game_from_handlers);
    tcase_add_test(tc, same_seed_same_game);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(data_suite());
}
