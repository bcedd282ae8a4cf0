/* check-modding.c - what a scenario's author meets: handlers' errors that
 * name the id not found, chronicle entries that know their line, and the
 * rules holes found by writing a scenario from the reference alone. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/ai.h"
#include "core/command.h"
#include "core/game.h"
#include "core/siege.h"
#include "data/scenario.h"
#include "data/session.h"
#include "testutil.h"
#include "testdata.h"

/* A small siege (the one of check-data.c); tests append lines from 33 on. */
static const char SIEGE[] =
    "scenario { id = 's', title = 'S', turns = 10, town = 'town' }\n"                      /* 1 */
    "side { id = 'a', food = { 40, conf = 'I' }, rations = 'half' }\n"                       /* 2 */
    "side { id = 'b', forages = true }\n"                                                  /* 3 */
    "siege { historical = false, civic_will = 4, rules = {\n"                              /* 4 */
    "  gate_throughput = 7, pace_km = { forced = 60 }, winter_months = { 'jan' },\n"       /* 5 */
    "  consumption_pct = { expel = 70 } } }\n"                                             /* 6 */
    "map { width = 6, height = 4, rows = [[\n"                                             /* 7 */
    "......\n..cc..\n..cG..\n......\n]] }\n"                                              /* 8-12 */
    "place { id = 'town', at = '2,1', owner = 'a' }\n"                                     /* 13 */
    "place { id = 'camp', at = '5,0', owner = 'b', camp = true }\n"                        /* 14 */
    "gate { id = 'g', at = '3,2', alert = true }\n"                                        /* 15 */
    "theatre_place { id = 'home', owner = 'a', map_place = 'town', x = 1, y = 2 }\n"       /* 16 */
    "theatre_place { id = 'far', owner = 'b', resistance = 8, surprise_resistance = 3 }\n" /* 17 */
    "theatre_place { id = 'base', owner = 'a' }\n"                                         /* 18 */
    "route { from = 'home', to = 'far', km = 300 }\n"                                      /* 19 */
    "route { from = 'far', to = 'base', km = 200 }\n"                                      /* 20 */
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
    "chronicle { side = 'b', turn = 3,\n  order = 'release k' }\n";                         /* 32-33 */

static Scenario *load(const char *extra)
{
    Scenario *s = td_load(SIEGE, extra, NULL);
    if (!s)
        td_dump_diags();
    return s;
}


/* ---- the emesa.* queries: unknown ids are errors -------------------------------- */

START_TEST(queries_raise_on_unknown_ids)
{
    /* each query is asked for a typo under pcall, and its message logged */
    Scenario *s = load("on('turn', function(ev)\n"                                       /* 34 */
                       "  if ev.turn ~= 2 then return end\n"
                       "  for _, f in ipairs({ 'unit', 'column', 'contingent', 'theatre' }) do\n"
                       "    local ok, e = pcall(emesa[f], 'typo')\n"
                       "    emesa.message((ok and 'ok ' or 'error ') .. tostring(e))\n"
                       "  end\n"
                       "  emesa.message('known ' .. emesa.column('relief').state .. ' ' .. emesa.unit('u1').id)\n"
                       "end)\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    td_end_turns(s, 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "error emesa.unit: unknown unit 'typo'"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "error emesa.column: unknown column 'typo'"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "emesa.contingent: unknown contingent 'typo'"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "emesa.theatre: unknown theatre place 'typo'"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "ok "), 0);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "known waiting u1"), 1);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

START_TEST(an_unknown_id_is_a_handler_error_at_its_line)
{
    Scenario *s = load("on('turn', function(ev)\n"                       /* 34 */
                       "  if ev.turn == 3 then\n"                        /* 35 */
                       "    local c = emesa.column('releif')\n"          /* 36 */
                       "    emesa.message(c.state)\n"                    /* 37 */
                       "  end\n"
                       "end)\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    td_end_turns(s, 2);
    ck_assert_int_eq(scenario_handler_errors(s), 1);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "scenario error: t.lua:36: emesa.column: unknown column 'releif'"),
                     1);
    scenario_free(s);
}
END_TEST

START_TEST(chronicle_entries_know_their_line)
{
    Scenario *s = load("");
    ck_assert_ptr_nonnull(s);
    const ScenarioInfo *in = scenario_info(s);
    ck_assert_int_eq(in->nchronicle, 2);
    ck_assert_int_eq(in->chronicle[0].line, 31);
    ck_assert_int_eq(in->chronicle[1].line, 33);    /* the line of its order */
    scenario_free(s);
}
END_TEST

/* ---- rules holes ------------------------------------------------------------ */

/* The reference: a column halts at a place of its own side or of nobody;
 * only an enemy place is besieged. */
START_TEST(a_column_halts_at_a_place_of_nobody)
{
    Scenario *s = load("theatre_place { id = 'waste', owner = 'none', resistance = 1 }\n"
                       "route { from = 'base', to = 'waste', km = 30 }\n"
                       "column { id = 'scouts', side = 'a', sp = 90, at = 'base', dest = 'waste', depart_turn = 1 }\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    int c = siege_column_by_id(&g->siege, "scouts"), p = siege_place_by_id(&g->siege, "waste");
    ck_assert(!siege_place_enemy_of(&g->siege, p, 0));
    ck_assert(!siege_place_enemy_of(&g->siege, siege_place_by_id(&g->siege, "base"), 0));
    ck_assert(siege_place_enemy_of(&g->siege, siege_place_by_id(&g->siege, "far"), 0));
    td_end_turns(s, 4);
    ck_assert_int_eq(g->siege.columns[c].state, COL_DONE);
    ck_assert_int_eq(g->siege.places[p].owner, -1);
    ck_assert_int_eq(tu_count_events(g, EV_THEATRE, "halts at waste"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_COUNTER_SIEGE, "waste"), 0);
    scenario_free(s);
}
END_TEST

static int diag_line(const char *what)
{
    const Diag *d = td_find_diag(what);
    return d ? d->line : -1;
}


START_TEST(dates_that_do_not_exist_are_refused)
{
    /* 634 is no leap year (Julian: every fourth), 636 is */
    static const char *const bad[] = { "'31 Feb 634'", "'29 Feb 634'", "{ 634, 4, 31 }" };
    for (int i = 0; i < 3; i++) {
        /* the start key on a line of its own */
        snprintf(td_text, sizeof td_text,
                 "scenario { id = 's', title = 'S', turns = 10, town = 'town',\n  start = %s }\n%s", bad[i],
                 strchr(SIEGE, '\n') + 1);
        ck_assert_ptr_null(td_load_text(td_text));
        ck_assert_int_eq(diag_line("].start: there is no day"), 2);
    }
    snprintf(td_text, sizeof td_text, "scenario { id = 's', title = 'S', turns = 10, town = 'town', start = '29 Feb 636' }\n%s",
             strchr(SIEGE, '\n') + 1);
    Scenario *s = td_load_text(td_text);
    ck_assert_ptr_nonnull(s);
    char buf[32];
    game_date(scenario_game(s), 1, buf, sizeof buf);
    ck_assert_str_eq(buf, "29 Feb 636");
    scenario_free(s);
    ck_assert_int_eq(game_month_days(634, 2), 28);
    ck_assert_int_eq(game_month_days(636, 2), 29);
    ck_assert_int_eq(game_month_days(634, 13), 0);
}
END_TEST

/* A list where named numbers belong: one problem, at the key's line. */
START_TEST(a_named_table_written_as_a_list_is_one_problem)
{
    static const char *const forms[] = { "{ 4, 7, 9, 10 }", "{ 'mild', 'cold', 'rain', 'frost' }",
                                         "{ mild, cold, rain, frost }" };
    for (int i = 0; i < 3; i++) {
        snprintf(td_text, sizeof td_text,
                 "scenario { id = 's', title = 'S', turns = 10, town = 'town' }\n"       /* 1 */
                 "side { id = 'a' }\nside { id = 'b' }\n"                              /* 2-3 */
                 "siege { rules = {\n"                                                   /* 4 */
                 "  gate_throughput = 7,\n"                                              /* 5 */
                 "  weather_winter = %s } }\n"                                           /* 6 */
                 "%s",
                 forms[i], strstr(SIEGE, "map {"));
        ck_assert_ptr_null(td_load_text(td_text));
        ck_assert_int_eq(td_ds.n, 1);
        ck_assert_int_eq(td_ds.items[0].line, 6);
        ck_assert_str_eq(td_ds.items[0].key, "siege.rules.weather_winter");
        ck_assert(strstr(td_ds.items[0].msg, "expected named numbers, as in { mild = 4, cold = 7 }"));
    }
}
END_TEST

/* Terms refused are no surrender: the surrender handler does not run, the
 * terms_refused one does, with the terms, the score and the reason. */
START_TEST(a_refusal_is_not_a_surrender)
{
    Scenario *s = load("on('surrender', function(ev) emesa.message('SURRENDER') end)\n"
                       "on('terms_refused', function(ev)\n"
                       "  emesa.message('refused ' .. ev.terms .. ' ' .. ev.reason .. ' ' .. tostring(ev.score) ..\n"
                       "                ' of ' .. ev.target .. ' by ' .. ev.side)\n"
                       "end)\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    g->sides[0].morale = 20;            /* a fed town in good heart: defiant */
    g->siege.side[0].food = 1000;
    char why[256];
    Command c;
    ck_assert(cmd_parse(g, "end-turn", &c, why, sizeof why));
    if (g->active == 0)
        ck_assert(scenario_apply(s, &c, why, sizeof why));
    ck_assert_msg(cmd_parse(g, "offer-terms harsh", &c, why, sizeof why), "%s", why);
    ck_assert_msg(scenario_apply(s, &c, why, sizeof why), "%s", why);
    td_end_turns(s, 1);
    ck_assert_int_eq(tu_count_events(g, EV_TERMS_REFUSED, "will not hear the harsh terms"), 1);
    ck_assert_int_eq(tu_count_events(g, EV_SURRENDER, NULL), 0);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "SURRENDER"), 0);
    char want[64];
    snprintf(want, sizeof want, "refused harsh defiant nil of %d by a", g->siege.rules.surrender_target);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, want), 1);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

/* Intercepting a column: a handler's emesa.send_column(c, nil) stops it
 * where it is; no send-column order (a player's, the computer's, the
 * chronicle's) moves it again until a handler sends it on. */
START_TEST(a_column_stopped_by_a_handler_stays_stopped)
{
    Scenario *s = load("on('turn', function(ev)\n"
                       "  if ev.turn == 2 then emesa.send_column('raid', nil) end\n"
                       "  if ev.turn == 6 then emesa.send_column('raid', 'far', 'mounted') end\n"
                       "end)\n");
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    int c = siege_column_by_id(&g->siege, "raid");
    AiPlayer *ai = ai_new(0, 2, 7);
    char why[256];
    while (g->turn < 5 && g->mode != MODE_OVER) {
        Command cmd;
        if (g->active == 0) {
            ck_assert(ai_next(ai, g, &cmd));
            ck_assert_msg(scenario_apply(s, &cmd, why, sizeof why), "the computer's order was refused: %s", why);
        } else {
            cmd = cmd_end_turn(g->active);
            ck_assert(scenario_apply(s, &cmd, why, sizeof why));
        }
        if (g->turn >= 2) {
            ck_assert(g->siege.columns[c].held);
            ck_assert_int_eq(g->siege.columns[c].state, COL_WAITING);   /* depart_turn 3 came and went */
        }
    }
    ai_free(ai);
    ck_assert_int_eq(tu_count_events(g, EV_THEATRE, "column raid halts at base"), 1);
    /* a player's order is refused, with the reason */
    Command cmd;
    if (g->active != 0) {
        cmd = cmd_end_turn(g->active);
        ck_assert(scenario_apply(s, &cmd, why, sizeof why));
    }
    ck_assert_int_eq(g->active, 0);
    ck_assert(cmd_parse(g, "send-column raid far mixed", &cmd, why, sizeof why));
    ck_assert(!scenario_apply(s, &cmd, why, sizeof why));
    ck_assert_str_eq(why, "column raid has been stopped at base and cannot march on");
    /* the handler lets it go on turn 6 */
    td_end_turns(s, 2);
    ck_assert(!g->siege.columns[c].held);
    ck_assert_int_ne(g->siege.columns[c].state, COL_WAITING);
    scenario_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("modding");
    TCase *tc = tcase_create("errors");
    tcase_add_test(tc, queries_raise_on_unknown_ids);
    tcase_add_test(tc, an_unknown_id_is_a_handler_error_at_its_line);
    tcase_add_test(tc, chronicle_entries_know_their_line);
    suite_add_tcase(s, tc);
    tc = tcase_create("rules");
    tcase_add_test(tc, a_column_halts_at_a_place_of_nobody);
    tcase_add_test(tc, dates_that_do_not_exist_are_refused);
    tcase_add_test(tc, a_named_table_written_as_a_list_is_one_problem);
    tcase_add_test(tc, a_refusal_is_not_a_surrender);
    tcase_add_test(tc, a_column_stopped_by_a_handler_stays_stopped);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
