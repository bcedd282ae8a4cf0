/* check-occ.c - the occupancy index (Game.occ): every effect that moves,
 * adds or removes a unit keeps it equal to a walk over the units, in
 * hand-built cases and in whole computer games with undo. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ai/ai.h"
#include "core/command.h"
#include "core/effect.h"
#include "data/session.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

/* What the index says about h against what a walk over the units says. */
static void same_as_a_walk(const Game *g, Hex h)
{
    int n[MAX_SIDES] = {0}, all = 0;
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (u->status == UNIT_ON_MAP && hex_eq(u->hex, h)) {
            n[u->side]++;
            all++;
        }
    }
    int here[16];
    ck_assert_int_eq(game_units_at(g, h, here, 16), all);
    for (int s = 0; s < MAX_SIDES; s++) {
        ck_assert_int_eq(game_side_count_at(g, h, s), n[s]);
        ck_assert(game_enemy_at(g, h, s) == (all - n[s] > 0));
    }
}

START_TEST(follows_a_move)
{
    Game *g = tu_game(1);
    int a = tu_unit(g, "a", 0, "infantry", 5, 4, 4);
    tu_unit(g, "b", 0, "infantry", 5, 4, 4);
    tu_unit(g, "s", 1, "infantry", 5, 8, 4);
    tu_start(g);
    ck_assert(game_occ_check(g));
    ck_assert_int_eq(game_side_count_at(g, off(4, 4), 0), 2);
    ck_assert_int_eq(game_side_count_at(g, off(4, 4), 1), 0);
    ck_assert(game_enemy_at(g, off(8, 4), 0));
    ck_assert(!game_enemy_at(g, off(8, 4), 1));
    ck_assert(game_enemy_at(g, off(4, 4), 1));
    char why[256];
    ck_assert_msg(tu_cmd(g, "move a 5,4", why, sizeof why), "%s", why);
    ck_assert(hex_eq(g->units[a].hex, off(5, 4)));
    ck_assert_int_eq(game_side_count_at(g, off(4, 4), 0), 1);
    ck_assert_int_eq(game_side_count_at(g, off(5, 4), 0), 1);
    ck_assert(game_occ_check(g));
    same_as_a_walk(g, off(4, 4));
    same_as_a_walk(g, off(5, 4));
    same_as_a_walk(g, off(8, 4));
    game_free(g);
}
END_TEST

START_TEST(follows_a_loss_an_arrival_and_a_departure)
{
    Game *g = tu_game(1);
    int s = tu_unit(g, "s", 1, "infantry", 3, 8, 4);
    int r = tu_unit(g, "relief", 0, "light_cav", 8, 0, 0);
    game_unit_set_status(g, r, UNIT_OFF_MAP);
    g->units[r].arrive_turn = 2;
    g->units[r].arrive_hex = off(3, 3);
    tu_unit(g, "block", 1, "infantry", 5, 3, 3);
    int k = tu_unit(g, "ally", 1, "infantry", 4, 9, 9);
    Siege *sg = &g->siege;
    sg->nplaces = 1;
    strcpy(sg->places[0].name, "Home");
    Contingent *ct = &sg->contingents[sg->ncontingents++];
    strcpy(ct->id, "allies");
    strcpy(ct->name, "Allies");
    ct->side = 1;
    ct->home = 0;
    g->units[k].contingent = 0;
    tu_start(g);
    ck_assert(game_occ_check(g));
    char why[256];
    /* killed: all its 3 SP lost */
    ck_assert_msg(effect_damage(g, s, 3, 0, why, sizeof why), "%s", why);
    ck_assert_int_eq(g->units[s].status, UNIT_ELIMINATED);
    ck_assert_int_eq(game_side_count_at(g, off(8, 4), 1), 0);
    ck_assert(!game_enemy_at(g, off(8, 4), 0));
    ck_assert(game_occ_check(g));
    /* arrives on turn 2 next to its blocked entry hex */
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_int_eq(g->units[r].status, UNIT_ON_MAP);
    ck_assert_int_eq(hex_distance(g->units[r].hex, off(3, 3)), 1);
    ck_assert_int_eq(game_side_count_at(g, g->units[r].hex, 0), 1);
    ck_assert_int_eq(game_side_count_at(g, off(3, 3), 1), 1);
    ck_assert(game_occ_check(g));
    /* the contingent goes home */
    ck_assert_msg(effect_release(g, 0, "go home to", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->units[k].status, UNIT_DEPARTED);
    ck_assert_int_eq(game_side_count_at(g, off(9, 9), 1), 0);
    ck_assert(game_occ_check(g));
    game_free(g);
}
END_TEST

/* The invariant can fail: a hex written behind the index's back. */
START_TEST(check_sees_a_stray_write)
{
    Game *g = tu_game(1);
    int a = tu_unit(g, "a", 0, "infantry", 5, 4, 4);
    tu_start(g);
    g->units[a].hex = off(9, 9);
    ck_assert(!game_occ_check(g));
    ck_assert_int_eq(game_side_count_at(g, off(9, 9), 0), 0); /* the index, not the truth */
    game_occ_rebuild(g);
    ck_assert(game_occ_check(g));
    ck_assert_int_eq(game_side_count_at(g, off(9, 9), 0), 1);
    ck_assert_int_eq(game_side_count_at(g, off(4, 4), 0), 0);
    game_free(g);
}
END_TEST

/* Whole games of both scenarios between computer sides, through the
 * session as the window plays them: the index after every command, and
 * after an undo every 40 commands (the game is rebuilt by replay). */
START_TEST(computer_games_with_undo)
{
    static const char *const FILES[] = {"emesa-635.lua", "emesa-638.lua"};
    const char *root = getenv("EMESA_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/%s", root ? root : ".", FILES[_i % 2]);
    uint64_t seed = (uint64_t)_i / 2 + 1;
    Diags d = {0};
    Session *s = session_new(path, seed, &d);
    ck_assert_msg(s != NULL, "%s", d.n ? d.items[0].msg : "?");
    AiPlayer *ai[2] = {ai_new(0, 1 + _i % 3, seed), ai_new(1, 3, seed + 1)};
    char why[256];
    int undone = 0;
    for (int k = 1; k < 20000 && session_game(s)->mode != MODE_OVER; k++) {
        Game *g = session_game(s);
        Command c;
        ck_assert(ai_next(ai[g->active], g, &c));
        if (!session_apply(s, &c, why, sizeof why)) {
            Command f = cmd_end_part(g, g->active);
            ck_assert_msg(session_apply(s, &f, why, sizeof why), "%s", why);
        }
        ck_assert_msg(game_occ_check(session_game(s)), "command %d", k);
        if (k % 40 == 0 && session_can_undo(s, why, sizeof why)) {
            ck_assert_msg(session_undo(s, why, sizeof why), "%s", why);
            ck_assert_msg(game_occ_check(session_game(s)), "undo after command %d", k);
            undone++;
        }
    }
    ck_assert_int_gt(undone, 0);
    ai_free(ai[0]);
    ai_free(ai[1]);
    session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("occ");
    TCase *tc = tcase_create("occ");
    tcase_add_test(tc, follows_a_move);
    tcase_add_test(tc, follows_a_loss_an_arrival_and_a_departure);
    tcase_add_test(tc, check_sees_a_stray_write);
    tcase_add_loop_test(tc, computer_games_with_undo, 0, 6);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
