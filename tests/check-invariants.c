/* check-invariants.c - game_check_invariants(): it holds after every
 * command of whole computer games of both scenarios, and each kind of
 * broken state it is there to catch is caught, with what and where. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ai/ai.h"
#include "core/check.h"
#include "core/command.h"
#include "data/scenario.h"
#include "testutil.h"

static Scenario *load(const char *name, uint64_t seed)
{
    char path[1024];
    const char *root = getenv("EMESA_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/scenarios/%s", root ? root : ".", name);
    Diags d = {0};
    Scenario *sc = scenario_load(path, seed, &d);
    ck_assert_msg(sc != NULL, "%s: %s", path, d.n ? d.items[0].msg : "?");
    return sc;
}

/* Seeds 1-6 of each scenario, the levels varied, checked after every
 * command. */
START_TEST(whole_games_keep_the_invariants)
{
    const char *name = _i % 2 ? "emesa-635.lua" : "emesa-638.lua";
    uint64_t seed = (uint64_t)(_i / 2) + 1;
    Scenario *sc = load(name, seed);
    Game *g = scenario_game(sc);
    char why[256];
    ck_assert_msg(game_check_invariants(g, why, sizeof why), "%s at the start: %s", name, why);
    AiPlayer *ai[2] = {ai_new(0, 1 + _i % 3, seed * 3), ai_new(1, 1 + (_i / 3) % 3, seed * 3 + 1)};
    int k = 0;
    for (; k < 100000 && g->mode != MODE_OVER; k++) {
        Command c;
        ck_assert(ai_next(ai[g->active], g, &c));
        if (!scenario_apply(sc, &c, why, sizeof why)) {
            Command f = cmd_end_part(g, g->active);
            ck_assert(scenario_apply(sc, &f, why, sizeof why));
        }
        ck_assert_msg(game_check_invariants(g, why, sizeof why), "%s seed %llu, command %d (turn %d): %s", name,
                      (unsigned long long)seed, k, g->turn, why);
    }
    ck_assert_int_eq(g->mode, MODE_OVER);
    ai_free(ai[0]);
    ai_free(ai[1]);
    scenario_free(sc);
}
END_TEST

/* A small game: north's units at 2,2 and 2,3, south's at 8,5. */
static Game *small(void)
{
    Game *g = tu_game(5);
    tu_unit(g, "n1", 0, "infantry", 4, 2, 2);
    tu_unit(g, "n2", 0, "infantry", 4, 2, 3);
    tu_unit(g, "s1", 1, "infantry", 4, 8, 5);
    tu_leader(g, "ln", 0, 0, 0);
    tu_start(g);
    char why[256];
    ck_assert_msg(game_check_invariants(g, why, sizeof why), "%s", why);
    return g;
}

/* Breaks the state one way (case _i) and expects the check to name it. */
START_TEST(each_broken_state_is_named)
{
    static const struct {
        const char *word;
    } want[] = {
        {"two sides"}, {"stack limit"}, {"off the map"}, {"cohesion 11"}, {"with 0 SP"}, {"morale"},
        {"leader 0 (ln) of side 0 rides with unit 2"}, {"active side 2"}, {"food -1"}, {"gate"}, {"turn 7 of 5"},
    };
    Game *g = small();
    switch (_i) {
    case 0: g->units[2].hex = g->units[0].hex; break;
    case 1:
        tu_unit(g, "n3", 0, "infantry", 4, 2, 2);
        tu_unit(g, "n4", 0, "infantry", 4, 2, 2);
        g->units[1].hex = g->units[0].hex;
        break;
    case 2: g->units[0].hex = hex_from_offset(40, 2); break;
    case 3: g->units[0].cohesion = g->rules.cohesion_max + 1; break;
    case 4: g->units[1].sp = 0; break;
    case 5: g->sides[1].morale = g->rules.morale_max + 1; break;
    case 6: g->leaders[0].unit = 2; break;
    case 7: g->active = 2; break;
    case 8: g->siege.side[0].food = -1; break;
    case 9:
        g->ngates = 1;
        g->gates[0].hex = hex_from_offset(1, 1);
        g->gates[0].state = 9;
        break;
    case 10: g->turn = 7; break;
    }
    char why[256];
    ck_assert(!game_check_invariants(g, why, sizeof why));
    ck_assert_msg(strstr(why, want[_i].word), "case %d: \"%s\" does not say \"%s\"", _i, why, want[_i].word);
    game_free(g);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("invariants");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, whole_games_keep_the_invariants, 0, 12);
    tcase_add_loop_test(tc, each_broken_state_is_named, 0, 11);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
