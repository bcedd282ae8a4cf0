/* check-data.c - loading and checking scenario files, and running their
 * event handlers. */
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

static Diags ds;
static char text[8192];

static Scenario *load_with(const char *extra, const ScenarioLimits *lim)
{
    snprintf(text, sizeof text, "%s%s", BASE, extra);
    memset(&ds, 0, sizeof ds);
    return scenario_load_buffer_ex("t.lua", text, strlen(text), 7, lim, &ds);
}

static Scenario *load(const char *extra) { return load_with(extra, NULL); }

static char *path_of(const char *rel)
{
    static char buf[1024];
    const char *root = getenv("EMESA_SOURCE_DIR");
    snprintf(buf, sizeof buf, "%s/%s", root ? root : ".", rel);
    return buf;
}

/* The first diag whose formatted text contains `what`, or NULL. */
static const Diag *find_diag(const char *what)
{
    for (int i = 0; i < ds.n; i++) {
        char buf[700];
        diag_format(&ds.items[i], buf, sizeof buf);
        if (strstr(buf, what))
            return &ds.items[i];
    }
    return NULL;
}

static void dump_diags(void)
{
    for (int i = 0; i < ds.n; i++) {
        char buf[700];
        diag_format(&ds.items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
}

/* Asserts a problem containing `what` on `line`. */
#define ck_assert_diag(what, want_line)                                                      \
    do {                                                                                     \
        const Diag *d_ = find_diag(what);                                                    \
        if (!d_)                                                                             \
            dump_diags();                                                                    \
        ck_assert_msg(d_ != NULL, "no problem mentioning \"%s\"", what);                     \
        ck_assert_int_eq(d_->line, want_line);                                               \
    } while (0)

static void end_turns(Scenario *s, int n)
{
    Game *g = scenario_game(s);
    char why[160];
    for (int i = 0; i < 2 * n && g->mode != MODE_OVER; i++) {
        Command c = cmd_end_turn(g->active);
        ck_assert_msg(scenario_apply(s, &c, why, sizeof why), "%s", why);
    }
}

/* ---- the real scenario ------------------------------------------------------ */

START_TEST(real_scenario_loads)
{
    memset(&ds, 0, sizeof ds);
    Scenario *s = scenario_load(path_of("scenarios/emesa-638.lua"), 1, &ds);
    if (!s)
        dump_diags();
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
    memset(&ds, 0, sizeof ds);
    Scenario *s = scenario_load(path_of("scenarios/emesa-638.lua"), 3, &ds);
    ck_assert_ptr_nonnull(s);
    end_turns(s, 22);
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
    memset(&ds, 0, sizeof ds);
    Scenario *s = scenario_load(path_of("scenarios/emesa-635.lua"), 2, &ds);
    if (!s)
        dump_diags();
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    ck_assert_int_eq(g->max_turns, 26);
    ck_assert_str_eq(g->sides[g->town_side].id, "byzantine");
    ck_assert_int_eq(g->siege.side[g->town_side].food, 92);
    ck_assert_int_ge(scenario_info(s)->ndisputes, 5);
    const char *orders[4];
    ck_assert_int_eq(scenario_chronicle(s, 22, game_side_by_id(g, "byzantine"), orders, 4), 1);
    ck_assert_str_eq(orders[0], "sally rastan");
    end_turns(s, 26);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(scenario_handler_errors(s), 0);
    scenario_free(s);
}
END_TEST

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

static Scenario *load_siege(const char *extra)
{
    snprintf(text, sizeof text, "%s%s", SIEGE, extra);
    memset(&ds, 0, sizeof ds);
    return scenario_load_buffer("t.lua", text, strlen(text), 7, &ds);
}

START_TEST(siege_declarations_fill_the_core)
{
    Scenario *s = load_siege("");
    if (!s)
        dump_diags();
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
    snprintf(text, sizeof text, "%s", SIEGE);
    memset(&ds, 0, sizeof ds);
    Session *ss = session_new_buffer("t.lua", text, strlen(text), 7, &ds);
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
    snprintf(text, sizeof text, "%s%s", SIEGE,
             "chronicle { side = 'a', turn = 1, order = 'rations half' }\n"
             "chronicle { side = 'a', turn = 1, order = 'sortie' }\n"
             "chronicle { side = 'a', turn = 1, order = 'feint g' }\n"
             "chronicle { side = 'a', turn = 1, order = 'rations full' }\n");
    memset(&ds, 0, sizeof ds);
    Session *ss = session_new_buffer("t.lua", text, strlen(text), 7, &ds);
    if (!ss)
        dump_diags();
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
    ck_assert_int_eq(ds.items[0].line, 36);
    ck_assert_msg(strstr(ds.items[0].msg, "'feint' needs a gate id") != NULL, "%s", ds.items[0].msg);
    ck_assert_ptr_null(load_siege("chronicle { side = 'a', turn = 2, order = 'sortie g' }\n"));
    ck_assert_msg(strstr(ds.items[0].msg, "'sortie' takes no arguments") != NULL, "%s", ds.items[0].msg);
}
END_TEST

START_TEST(victory_with_further_tests)
{
    Scenario *s = load_siege("victory { side = 'a', kind = 'surrender', level = 'historical',\n"
                             "  also = { { kind = 'destroy_sp', amount = 40 }, { kind = 'dispersed', amount = 1 } } }\n");
    ck_assert_msg(s != NULL, "%s", ds.n ? ds.items[0].msg : "");
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
    ck_assert_int_eq(ds.items[0].line, 36);
    ck_assert_msg(strstr(ds.items[0].msg, "unknown kind 'glory'") != NULL, "%s", ds.items[0].msg);
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
    end_turns(s, 6);
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
        dump_diags();
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
    snprintf(text, sizeof text, "%s%s", SIEGE,
             "on('turn', function(ev) if ev.turn == 2 then emesa.crack_wall('g', 2, 'takbir and tremor') end end)\n");
    memset(&ds, 0, sizeof ds);
    Session *ss = session_new_buffer("t.lua", text, strlen(text), 7, &ds);
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

START_TEST(source_hash_is_fnv1a)
{
    Scenario *s = load("");
    ck_assert_ptr_nonnull(s);
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < strlen(text); i++) {
        h ^= (unsigned char)text[i];
        h *= 0x100000001b3ULL;
    }
    ck_assert_uint_eq(scenario_source_hash(s), h);
    scenario_free(s);
}
END_TEST

/* ---- loader errors, each with its line ---------------------------------------- */

START_TEST(unknown_terrain_letter_line_and_column)
{
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load(path_of("tests/fixtures/bad-terrain.lua"), 1, &ds));
    ck_assert_diag("unknown terrain letter 'X' at hex 3,1", 9);
    ck_assert_int_eq(find_diag("unknown terrain letter")->col, 8);
    char buf[700];
    diag_format(find_diag("unknown terrain"), buf, sizeof buf);
    ck_assert_msg(strstr(buf, "bad-terrain.lua:9:8: map.rows: unknown terrain letter"), "%s", buf);
}
END_TEST

START_TEST(several_problems_in_one_file)
{
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load(path_of("tests/fixtures/bad-refs.lua"), 1, &ds));
    ck_assert_diag("duplicate unit id 'u1'", 12);
    ck_assert_diag("unknown side 'c'", 15);        /* the line of side = in a multi-line unit */
    ck_assert_diag("unknown unit type 'elephant'", 20);
    ck_assert_diag("hex 9,9 is off the map", 21);
    ck_assert_diag("unknown unit 'nobody'", 22);
    ck_assert_diag("unknown place 'rome'", 23);
    ck_assert_int_ge(ds.n, 6);
    /* sorted by line */
    for (int i = 1; i < ds.n; i++)
        ck_assert_int_le(ds.items[i - 1].line, ds.items[i].line);
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
    ck_assert_int_eq(ds.n, 2);
}
END_TEST

/* On both scenarios' maps A* (path_find) finds every hex that Dijkstra
 * (path_reachable) reaches with 15 MP, at the same cost: the estimate
 * holds while no step is free. */
START_TEST(astar_costs_match_dijkstra_on_the_maps)
{
    const char *files[] = { "scenarios/emesa-635.lua", "scenarios/emesa-638.lua" };
    for (int f = 0; f < 2; f++) {
        memset(&ds, 0, sizeof ds);
        Scenario *s = scenario_load(path_of(files[f]), 1, &ds);
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
    ck_assert(find_diag("this is not valid Lua") != NULL);
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load(path_of("tests/fixtures/not-lua.lua"), 1, &ds));
    ck_assert_diag("not-lua.lua:1: this is not valid Lua", 1);
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load(path_of("tests/fixtures/binary.lua"), 1, &ds));
    ck_assert_diag("compiled (binary) Lua chunk", 0);
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load(path_of("tests/fixtures/no-such-file.lua"), 1, &ds));
    ck_assert_diag("cannot open the scenario: No such file", 0);
}
END_TEST

START_TEST(endless_file_reports_budget)
{
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load(path_of("tests/fixtures/endless.lua"), 1, &ds));
    const Diag *d = find_diag("the scenario ran too long (more than 50000000 instructions) - an endless loop?");
    if (!d)
        dump_diags();
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
    memset(&ds, 0, sizeof ds);
    const char *src = "local x = 1\n";
    ck_assert_ptr_null(scenario_load_buffer("e.lua", src, strlen(src), 1, &ds));
    ck_assert(find_diag("scenario: missing") != NULL);
    ck_assert(find_diag("map: missing") != NULL);
    ck_assert(find_diag("found 0 side(s)") != NULL);
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
        dump_diags();
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    ck_assert_int_eq(tu_count_events(g, EV_MESSAGE, "turn 1 28 Nov 637"), 1);
    end_turns(s, 1);
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
    end_turns(s, 2);
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
    end_turns(s, 2);
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
    end_turns(s, 5);
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
    end_turns(a, 4);
    uint64_t ha = game_hash(scenario_game(a));
    Scenario *b = load(extra);
    end_turns(b, 4);
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
