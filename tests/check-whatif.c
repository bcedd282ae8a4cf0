/* check-whatif.c - what-if switches: the whatif { } declaration, option()
 * at load time and in handlers, the switch as part of the game's identity
 * (hash, undo, save round trip), the sally_allowed rule they can turn off,
 * and the shipped scenarios' switches. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/command.h"
#include "core/game.h"
#include "data/save.h"
#include "data/scenario.h"
#include "data/session.h"
#include "testutil.h"

/* Line numbers matter: the messages name them. */
static const char BASE[] =
    "scenario { id = 't', title = 'T', turns = 5, town_side = 'a' }\n"                    /* 1 */
    "side { id = 'a', morale = 10 }\n"                                                   /* 2 */
    "side { id = 'b' }\n"                                                                /* 3 */
    "map { width = 6, height = 4, rows = [[\n"                                           /* 4 */
    "......\n"                                                                           /* 5 */
    "..cc..\n"                                                                           /* 6 */
    "..cc..\n"                                                                           /* 7 */
    "......\n"                                                                           /* 8 */
    "]] }\n"                                                                             /* 9 */
    "whatif { id = 'weak', label = 'Weak', text = 'u1 has 2 SP' }\n"                     /* 10 */
    "whatif { id = 'quiet', label = 'Quiet', text = 'no greeting' }\n"                   /* 11 */
    "unit { id = 'u1', side = 'a', type = 'infantry', sp = option('weak') and 2 or 5, at = '2,1' }\n" /* 12 */
    "unit { id = 'u2', side = 'b', type = 'infantry', sp = 5, at = '1,1' }\n"            /* 13 */
    "on('turn', function(ev) if not emesa.option('quiet') then emesa.message('hello') end end)\n"; /* 14 */

static Diags ds;
static char text[8192];

static Scenario *load_opts(const char *extra, const char *const *ids, int n)
{
    snprintf(text, sizeof text, "%s%s", BASE, extra);
    memset(&ds, 0, sizeof ds);
    ScenarioOptions o = { .n = 0 };
    char why[128];
    for (int i = 0; i < n; i++)
        ck_assert(scenario_options_add(&o, ids[i], why, sizeof why));
    return scenario_load_buffer_opts("t.lua", text, strlen(text), 7, &o, NULL, &ds);
}

static void dump(void)
{
    char buf[700];
    for (int i = 0; i < ds.n; i++) {
        diag_format(&ds.items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
}

/* The first diag whose text has `what`, or NULL. */
static const Diag *find_diag(const char *what)
{
    char buf[700];
    for (int i = 0; i < ds.n; i++) {
        diag_format(&ds.items[i], buf, sizeof buf);
        if (strstr(buf, what))
            return &ds.items[i];
    }
    dump();
    return NULL;
}

static bool said_hello(const Game *g)
{
    for (size_t i = 0; i < g->events.n; i++)
        if (g->events.items[i].type == EV_MESSAGE && strcmp(g->events.items[i].text, "hello") == 0)
            return true;
    return false;
}

/* ---- declaring and asking ------------------------------------------------ */

START_TEST(switches_are_declared_and_read_at_load_time)
{
    Scenario *s = load_opts("", NULL, 0);
    if (!s)
        dump();
    ck_assert_ptr_nonnull(s);
    const ScenarioInfo *in = scenario_info(s);
    ck_assert_int_eq(in->nwhatifs, 2);
    ck_assert_str_eq(in->whatifs[0].id, "weak");
    ck_assert_str_eq(in->whatifs[0].label, "Weak");
    ck_assert_str_eq(in->whatifs[0].text, "u1 has 2 SP");
    ck_assert_int_eq(in->whatifs[0].line, 10);
    ck_assert_int_eq(in->whatifs[1].line, 11);
    ck_assert_int_eq(in->options.n, 0);
    const Game *g = scenario_game_const(s);
    ck_assert_int_eq(g->units[game_unit_by_id(g, "u1")].sp, 5);
    ck_assert_uint_eq(g->variant, 0);
    ck_assert(said_hello(g));
    scenario_free(s);

    const char *weak[] = { "weak" };
    s = load_opts("", weak, 1);
    ck_assert_ptr_nonnull(s);
    g = scenario_game_const(s);
    ck_assert_int_eq(g->units[game_unit_by_id(g, "u1")].sp, 2);   /* option('weak') and 2 or 5 */
    ck_assert(scenario_option_on(s, "weak"));
    ck_assert(!scenario_option_on(s, "quiet"));
    ck_assert(said_hello(g));
    scenario_free(s);
}
END_TEST

START_TEST(option_works_in_a_handler)
{
    const char *quiet[] = { "quiet" };
    Scenario *s = load_opts("", quiet, 1);
    ck_assert_ptr_nonnull(s);
    ck_assert(!said_hello(scenario_game_const(s)));   /* the turn handler skipped its greeting */
    ck_assert_int_eq(scenario_game_const(s)->units[0].sp, 5);
    scenario_free(s);
}
END_TEST

START_TEST(unknown_switch_names_the_scenarios_switches)
{
    const char *bad[] = { "weak", "bogus" };
    ck_assert_ptr_null(load_opts("", bad, 2));
    const Diag *d = find_diag("unknown what-if switch 'bogus'");
    ck_assert_ptr_nonnull(d);
    ck_assert(strstr(d->msg, "weak, quiet") != NULL);
    ck_assert_str_eq(d->key, "option");
    ck_assert_str_eq(d->file, "t.lua");

    /* a scenario with none says so */
    static const char plain[] = "scenario { id = 'p', title = 'P', turns = 2 }\n";
    ScenarioOptions o = { .n = 0 };
    char why[64];
    ck_assert(scenario_options_add(&o, "no-feint", why, sizeof why));
    memset(&ds, 0, sizeof ds);
    ck_assert_ptr_null(scenario_load_buffer_opts("p.lua", plain, strlen(plain), 1, &o, NULL, &ds));
    ck_assert_ptr_nonnull(find_diag("unknown what-if switch 'no-feint'; this scenario declares none"));
}
END_TEST

START_TEST(declared_twice_is_an_error_with_its_line)
{
    ck_assert_ptr_null(load_opts("whatif { id = 'weak', label = 'Again', text = 't' }\n", NULL, 0));   /* 15 */
    const Diag *d = find_diag("the switch 'weak' is declared twice (first on line 10)");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->line, 15);
}
END_TEST

START_TEST(option_for_an_undeclared_id_is_an_error_with_its_line)
{
    ck_assert_ptr_null(load_opts("local x = option('nope')\n", NULL, 0));   /* 15 */
    const Diag *d = find_diag("no what-if switch 'nope' is declared before this line");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->line, 15);
    ck_assert(strstr(d->msg, "declared so far: weak, quiet") != NULL);
    /* asked before it is declared: the same error, on the asking line */
    ck_assert_ptr_null(load_opts("local y = option('late')\n"                                  /* 15 */
                                 "whatif { id = 'late', label = 'L', text = 't' }\n", NULL, 0)); /* 16 */
    d = find_diag("no what-if switch 'late'");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->line, 15);
}
END_TEST

START_TEST(bad_declarations_name_the_key)
{
    ck_assert_ptr_null(load_opts("whatif { id = 'x', label = 'X', text = 't', colour = 1 }\n", NULL, 0));
    ck_assert_int_eq(find_diag("unknown key 'colour'")->line, 15);
    ck_assert_ptr_null(load_opts("whatif { id = 'x', text = 't' }\n", NULL, 0));
    ck_assert_ptr_nonnull(find_diag("label must be a string"));
    ck_assert_ptr_null(load_opts("whatif { id = 'a b', label = 'X', text = 't' }\n", NULL, 0));
    ck_assert_ptr_nonnull(find_diag("'a b' is not a valid id"));
    ck_assert_ptr_null(load_opts("whatif 'x'\n", NULL, 0));
    ck_assert_ptr_nonnull(find_diag("whatif takes one table"));
    /* not inside a handler */
    Scenario *s = load_opts("on('turn', function() whatif { id = 'z', label = 'Z', text = 't' } end)\n", NULL, 0);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(scenario_handler_errors(s), 1);
    scenario_free(s);
}
END_TEST

/* ---- the game's identity -------------------------------------------------- */

START_TEST(a_switch_changes_the_state_hash)
{
    const char *quiet[] = { "quiet" };
    const char *both[] = { "quiet", "weak" }, *both_rev[] = { "weak", "quiet" };
    Scenario *a = load_opts("", NULL, 0), *b = load_opts("", NULL, 0), *q = load_opts("", quiet, 1);
    Scenario *x = load_opts("", both, 2), *y = load_opts("", both_rev, 2);
    ck_assert(a && b && q && x && y);
    /* 'quiet' changes no rules state at the start, yet the hash differs */
    ck_assert_uint_eq(game_hash(scenario_game_const(a)), game_hash(scenario_game_const(b)));
    ck_assert_uint_ne(game_hash(scenario_game_const(a)), game_hash(scenario_game_const(q)));
    ck_assert_uint_ne(scenario_game_const(q)->variant, 0);
    /* the order of the flags does not matter: declaration order is kept */
    ck_assert_uint_eq(game_hash(scenario_game_const(x)), game_hash(scenario_game_const(y)));
    char buf[64];
    scenario_options_format(&scenario_info(x)->options, buf, sizeof buf);
    ck_assert_str_eq(buf, "weak, quiet");
    /* a game without switches hashes as before: variant 0 adds nothing */
    Game *g = scenario_game(a);
    uint64_t h = game_hash(g);
    g->variant = 0;
    ck_assert_uint_eq(game_hash(g), h);
    scenario_free(a);
    scenario_free(b);
    scenario_free(q);
    scenario_free(x);
    scenario_free(y);
}
END_TEST

START_TEST(undo_rebuilds_with_the_switches)
{
    ScenarioOptions o = { .n = 0 };
    char why[256];
    ck_assert(scenario_options_add(&o, "weak", why, sizeof why));
    snprintf(text, sizeof text, "%s", BASE);
    memset(&ds, 0, sizeof ds);
    Session *ss = session_new_buffer_opts("t.lua", text, strlen(text), 7, &o, &ds);
    ck_assert_ptr_nonnull(ss);
    uint64_t h0 = game_hash(session_game_const(ss));
    ck_assert_msg(session_apply_text(ss, "move u1 3,1", why, sizeof why), "%s", why);
    ck_assert_msg(session_undo(ss, why, sizeof why), "%s", why);
    const Game *g = session_game_const(ss);
    ck_assert_uint_eq(session_generation(ss), 1);
    ck_assert_int_eq(g->units[game_unit_by_id(g, "u1")].sp, 2);
    ck_assert_uint_eq(game_hash(g), h0);
    ck_assert_int_eq(session_options(ss)->n, 1);
    ck_assert_str_eq(session_options(ss)->ids[0], "weak");
    session_free(ss);
}
END_TEST

/* Writes the scenario text to a file the saves can name. */
static char scen_path[512];

static void write_scenario(void)
{
    const char *t = getenv("TMPDIR");
    snprintf(scen_path, sizeof scen_path, "%s/emesa-check-whatif-%d.lua", t && *t ? t : "/tmp", (int)getpid());
    FILE *f = fopen(scen_path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(BASE, f);
    fclose(f);
}

static Session *new_game(const char *const *ids, int n)
{
    ScenarioOptions o = { .n = 0 };
    char why[128];
    for (int i = 0; i < n; i++)
        ck_assert(scenario_options_add(&o, ids[i], why, sizeof why));
    memset(&ds, 0, sizeof ds);
    Session *ss = session_new_opts(scen_path, scen_path, 7, &o, &ds);
    ck_assert_ptr_nonnull(ss);
    ck_assert_msg(session_apply_text(ss, "move u1 3,1", why, sizeof why), "%s", why);
    ck_assert_msg(session_apply_text(ss, "end-turn", why, sizeof why), "%s", why);
    return ss;
}

START_TEST(a_save_records_and_reapplies_the_switches)
{
    write_scenario();
    const char *weak[] = { "weak" };
    Session *ss = new_game(weak, 1);
    size_t len;
    char *saved = save_format(ss, &len);
    ck_assert(strncmp(saved, "emesa-save 2\n", 13) == 0);
    ck_assert(strstr(saved, "\nseed 7\noption weak\n") != NULL);
    SaveLoadOptions lo = { 0 };
    Session *back = NULL;
    SaveError e;
    SaveStatus st = save_load_buffer("w.save", saved, len, &lo, &back, &e);
    char msg[2048];
    save_error_format(&e, msg, sizeof msg);
    ck_assert_msg(st == SAVE_OK, "%s", msg);
    ck_assert_int_eq(session_options(back)->n, 1);
    ck_assert_str_eq(session_options(back)->ids[0], "weak");
    ck_assert_uint_eq(game_hash(session_game_const(back)), game_hash(session_game_const(ss)));
    const Game *g = session_game_const(back);
    ck_assert_int_eq(g->units[game_unit_by_id(g, "u1")].sp, 2);
    session_free(back);

    /* the same save without its option line is another game: the first
     * turn's recorded hash no longer matches */
    char *cut = strdup(saved);
    char *at = strstr(cut, "option weak\n");
    memmove(at, at + 12, strlen(at + 12) + 1);
    char *sum = strstr(cut, "checksum ");
    snprintf(sum, 64, "checksum %016llx\n", (unsigned long long)save_checksum(cut, (size_t)(sum - cut)));
    back = NULL;
    st = save_load_buffer("cut.save", cut, strlen(cut), &lo, &back, &e);
    ck_assert_int_eq(st, SAVE_DIVERGED);
    save_error_format(&e, msg, sizeof msg);
    ck_assert_msg(strstr(msg, "turn 1") != NULL, "%s", msg);
    session_free(back);
    free(cut);

    /* an option the scenario does not declare */
    char *bogus = strdup(saved);
    at = strstr(bogus, "option weak\n");
    memcpy(at, "option wild\n", 12);
    sum = strstr(bogus, "checksum ");
    snprintf(sum, 64, "checksum %016llx\n", (unsigned long long)save_checksum(bogus, (size_t)(sum - bogus)));
    st = save_load_buffer("bogus.save", bogus, strlen(bogus), &lo, NULL, &e);
    ck_assert_int_eq(st, SAVE_SCENARIO);
    save_error_format(&e, msg, sizeof msg);
    ck_assert_msg(strstr(msg, "unknown what-if switch 'wild'") != NULL, "%s", msg);
    free(bogus);
    free(saved);
    session_free(ss);
    remove(scen_path);
}
END_TEST

START_TEST(a_game_without_switches_is_saved_as_version_1)
{
    write_scenario();
    Session *ss = new_game(NULL, 0);
    size_t len;
    char *saved = save_format(ss, &len);
    ck_assert(strncmp(saved, "emesa-save 1\n", 13) == 0);
    ck_assert(strstr(saved, "\noption ") == NULL);
    SaveLoadOptions lo = { 0 };
    Session *back = NULL;
    SaveError e;
    ck_assert_int_eq(save_load_buffer("p.save", saved, len, &lo, &back, &e), SAVE_OK);
    ck_assert_int_eq(session_options(back)->n, 0);
    session_free(back);
    /* an option line needs version 2 */
    char *v1 = malloc(len + 32);
    char *seed = strstr(saved, "seed 7\n") + 7;
    snprintf(v1, len + 32, "%.*soption weak\n%s", (int)(seed - saved), saved, seed);
    char *sum = strstr(v1, "checksum ");
    snprintf(sum, 64, "checksum %016llx\n", (unsigned long long)save_checksum(v1, (size_t)(sum - v1)));
    ck_assert_int_eq(save_load_buffer("v1.save", v1, strlen(v1), &lo, NULL, &e), SAVE_BAD);
    ck_assert_msg(strstr(e.msg, "an option line in a version 1 save") != NULL, "%s", e.msg);
    free(v1);
    free(saved);
    session_free(ss);
    remove(scen_path);
}
END_TEST

START_TEST(an_old_save_still_loads)
{
    /* written before switches existed (tests/fixtures/saves) */
    const char *d = getenv("EMESA_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/saves/skirmish-7.save", d && *d ? d : ".");
    SaveLoadOptions lo = { .data_dir = d && *d ? d : "." };
    Session *s = NULL;
    SaveError e;
    ck_assert_int_eq(save_load(path, &lo, &s, &e), SAVE_OK);
    ck_assert_int_eq(session_options(s)->n, 0);
    ck_assert_uint_eq(session_game_const(s)->variant, 0);
    session_free(s);
}
END_TEST

/* ---- sally_allowed -------------------------------------------------------- */

START_TEST(no_sally_refuses_an_attack_out_of_the_town)
{
    static const char extra[] =
        "whatif { id = 'no-sally', label = 'No sally', text = 't' }\n"   /* 15 */
        "siege { rules = { sally_allowed = option('no-sally') and 0 or 1 } }\n";
    const char *on[] = { "no-sally" };
    char why[256];
    Scenario *s = load_opts(extra, NULL, 0);
    if (!s)
        dump();
    ck_assert_ptr_nonnull(s);
    Game *g = scenario_game(s);
    ck_assert_int_eq(g->siege.rules.sally_allowed, 1);
    Command c;
    /* u1 in the town (2,1) attacks u2 outside (1,1): a sally */
    ck_assert_msg(cmd_parse(g, "attack u1 1,1", &c, why, sizeof why), "%s", why);
    ck_assert_msg(cmd_validate(g, &c, why, sizeof why), "%s", why);
    scenario_free(s);

    s = load_opts(extra, on, 1);
    ck_assert_ptr_nonnull(s);
    g = scenario_game(s);
    ck_assert_int_eq(g->siege.rules.sally_allowed, 0);
    ck_assert(cmd_parse(g, "attack u1 1,1", &c, why, sizeof why));
    ck_assert(!cmd_validate(g, &c, why, sizeof why));
    ck_assert_msg(strstr(why, "may not sally") != NULL, "%s", why);
    scenario_free(s);
}
END_TEST

/* ---- the shipped scenarios ------------------------------------------------ */

/* A shipped scenario, with one switch on (or none). */
static Scenario *shipped(const char *file, const char *option)
{
    const char *d = getenv("EMESA_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/%s", d && *d ? d : ".", file);
    ScenarioOptions o = { .n = 0 };
    char why[64];
    if (option)
        ck_assert(scenario_options_add(&o, option, why, sizeof why));
    memset(&ds, 0, sizeof ds);
    Scenario *s = scenario_load_opts(path, 1, &o, &ds);
    if (!s)
        dump();
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(emesa_635_declares_its_switches_and_each_changes_the_game)
{
    Scenario *base = shipped("emesa-635.lua", NULL);
    ck_assert_int_ge(scenario_info(base)->nwhatifs, 3);
    const Game *b = scenario_game_const(base);
    int khalid = game_leader_by_id(b, "khalid");
    ck_assert(b->leaders[khalid].traits & TRAIT_FEINT);
    ck_assert_int_eq(b->siege.rules.hope_from, 20);
    ck_assert_int_eq(b->siege.rules.sally_allowed, 1);
    static const char *const ids[] = { "no-feint", "no-heraclius-hope", "no-sally", "no-cold" };
    for (int i = 0; i < 4; i++) {
        Scenario *s = shipped("emesa-635.lua", ids[i]);
        const Game *g = scenario_game_const(s);
        switch (i) {
        case 0: ck_assert(!(g->leaders[khalid].traits & TRAIT_FEINT)); break;
        case 1: ck_assert_int_eq(g->siege.rules.hope_from, 0); break;
        case 2: ck_assert_int_eq(g->siege.rules.sally_allowed, 0); break;
        case 3: ck_assert_int_gt(g->siege.rules.weather_winter[WX_MILD], b->siege.rules.weather_winter[WX_MILD]);
            break;
        }
        scenario_free(s);
    }
    scenario_free(base);
}
END_TEST

/* 638's switches: the counter-siege columns, the relief (al-Qa'qa' and
 * the caliph) and the sally. */
START_TEST(emesa_638_declares_its_switches_and_each_changes_the_game)
{
    Scenario *base = shipped("emesa-638.lua", NULL);
    ck_assert_int_ge(scenario_info(base)->nwhatifs, 3);
    const Game *b = scenario_game_const(base);
    ck_assert_int_ge(siege_column_by_id(&b->siege, "hit"), 0);
    ck_assert_int_ge(siege_column_by_id(&b->siege, "qaqa"), 0);
    ck_assert_int_ge(game_unit_by_id(b, "qaqa_1"), 0);
    static const char *const ids[] = { "no-counter-siege", "no-relief", "no-sally" };
    for (int i = 0; i < 3; i++) {
        Scenario *s = shipped("emesa-638.lua", ids[i]);
        const Game *g = scenario_game_const(s);
        switch (i) {
        case 0:
            ck_assert_int_lt(siege_column_by_id(&g->siege, "hit"), 0);
            ck_assert_int_lt(siege_column_by_id(&g->siege, "raqqa"), 0);
            ck_assert_int_ge(siege_column_by_id(&g->siege, "qaqa"), 0);
            break;
        case 1:
            ck_assert_int_lt(siege_column_by_id(&g->siege, "qaqa"), 0);
            ck_assert_int_lt(siege_column_by_id(&g->siege, "caliph"), 0);
            ck_assert_int_lt(game_unit_by_id(g, "qaqa_1"), 0);
            ck_assert_int_ge(siege_column_by_id(&g->siege, "hit"), 0);
            break;
        case 2: ck_assert_int_eq(g->siege.rules.sally_allowed, 0); break;
        }
        scenario_free(s);
    }
    scenario_free(base);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("whatif");
    TCase *tc = tcase_create("whatif");
    tcase_add_test(tc, switches_are_declared_and_read_at_load_time);
    tcase_add_test(tc, option_works_in_a_handler);
    tcase_add_test(tc, unknown_switch_names_the_scenarios_switches);
    tcase_add_test(tc, declared_twice_is_an_error_with_its_line);
    tcase_add_test(tc, option_for_an_undeclared_id_is_an_error_with_its_line);
    tcase_add_test(tc, bad_declarations_name_the_key);
    tcase_add_test(tc, a_switch_changes_the_state_hash);
    tcase_add_test(tc, undo_rebuilds_with_the_switches);
    tcase_add_test(tc, a_save_records_and_reapplies_the_switches);
    tcase_add_test(tc, a_game_without_switches_is_saved_as_version_1);
    tcase_add_test(tc, an_old_save_still_loads);
    tcase_add_test(tc, no_sally_refuses_an_attack_out_of_the_town);
    tcase_add_test(tc, emesa_635_declares_its_switches_and_each_changes_the_game);
    tcase_add_test(tc, emesa_638_declares_its_switches_and_each_changes_the_game);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
