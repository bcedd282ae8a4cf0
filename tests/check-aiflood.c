/* check-aiflood.c - the AI's kept floods and the flood that stops at its
 * goals: the same answers as a fresh, whole flood. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ai/ai.h"
#include "core/command.h"
#include "core/path.h"
#include "data/session.h"
#include "testutil.h"

/* On the 12x10 open map (a step costs the same everywhere) a unit at
 * (2,4) and its goal ring around (7,4): path_flood_to stops when the
 * nearest of the ring is settled, with that hex's cost and path as the
 * whole flood's, and everything dearer left unsettled. */
START_TEST(flood_to_stops_at_the_ring)
{
    Game *g = tu_game(1);
    int a = tu_unit(g, "a", 0, "infantry", 5, 2, 4);
    tu_start(g);
    PathField f = {0};
    ck_assert(path_field_sync(&f, g));
    int n = g->map.width * g->map.height, w = g->map.width;
    uint8_t *none = calloc((size_t)n, 1);
    int *cost = malloc(sizeof(int) * (size_t)n), *prev = malloc(sizeof(int) * (size_t)n);
    int *cost2 = malloc(sizeof(int) * (size_t)n), *prev2 = malloc(sizeof(int) * (size_t)n);
    path_flood(g, &f, a, -1, false, none, none, cost, prev);
    int whole = f.nreached;
    ck_assert_int_eq(whole, n); /* an open map: every hex */
    Hex goal = hex_from_offset(7, 4);
    int ring[HEX_DIRS], nring = 0;
    for (int d = 0; d < HEX_DIRS; d++) {
        HexOffset o = hex_to_offset(hex_neighbor(goal, d));
        ring[nring++] = o.row * w + o.col;
    }
    path_flood_to(g, &f, a, -1, false, none, none, ring, nring, cost2, prev2);
    /* The nearest of the ring is (6,4), 4 steps from (2,4): the same cost
     * and the same way back as the whole flood's. */
    int near = 4 * w + 6, step = g->rules.move_cost[TER_OPEN][MOVE_FOOT];
    ck_assert_int_eq(cost2[near], 4 * step);
    ck_assert_int_eq(cost2[near], cost[near]);
    for (int i = near; i != 4 * w + 2; i = prev2[i]) {
        ck_assert_int_eq(prev2[i], prev[i]);
        ck_assert_int_eq(cost2[i], cost[i]);
    }
    /* It stopped: fewer hexes reached, and the far corner never. */
    ck_assert_int_lt(f.nreached, whole);
    ck_assert_int_eq(cost2[n - 1], -1);
    /* Every hex as cheap as the nearest one is final. */
    for (int i = 0; i < n; i++)
        if (cost[i] <= cost2[near])
            ck_assert_int_eq(cost2[i], cost[i]);
    /* No goal reached: the whole flood. */
    int nowhere = -5;
    path_flood_to(g, &f, a, -1, false, none, none, &nowhere, 1, cost2, prev2);
    ck_assert_int_eq(f.nreached, whole);
    ck_assert_mem_eq(cost2, cost, sizeof(int) * (size_t)n);
    ck_assert_mem_eq(prev2, prev, sizeof(int) * (size_t)n);
    free(none);
    free(cost);
    free(prev);
    free(cost2);
    free(prev2);
    path_field_free(&f);
    game_free(g);
}
END_TEST

/* Plays a whole computer game of file at level for both sides, the
 * players keeping their floods (and checking each kept answer against a
 * fresh flood when check) or not; the final hash, the commands played
 * and the players' counters out. */
static uint64_t play(const char *file, int level, uint64_t seed, bool keep, bool check, int *ncmd, AiStats *st)
{
    const char *root = getenv("EMESA_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/%s", root ? root : ".", file);
    Diags d = {0};
    Session *s = session_new(path, seed, &d);
    ck_assert_msg(s != NULL, "%s", d.n ? d.items[0].msg : "?");
    AiPlayer *ai[2] = {ai_new(0, level, seed), ai_new(1, level, seed + 1)};
    ai_set_flood_keep(ai[0], keep, check);
    ai_set_flood_keep(ai[1], keep, check);
    char why[256];
    int k = 0;
    for (; k < 20000 && session_game(s)->mode != MODE_OVER; k++) {
        Game *g = session_game(s);
        Command c;
        ck_assert(ai_next(ai[g->active], g, &c));
        if (!session_apply(s, &c, why, sizeof why)) {
            Command f = cmd_end_part(g, g->active);
            ck_assert_msg(session_apply(s, &f, why, sizeof why), "%s", why);
        }
    }
    *ncmd = k;
    memset(st, 0, sizeof *st);
    for (int i = 0; i < 2; i++) {
        st->flood_kept += ai_stats(ai[i])->flood_kept;
        st->flood_wrong += ai_stats(ai[i])->flood_wrong;
        st->evals += ai_stats(ai[i])->evals;
    }
    uint64_t h = game_hash(session_game(s));
    ai_free(ai[0]);
    ai_free(ai[1]);
    session_free(s);
    return h;
}

/* Whole games of both scenarios at levels 1-3: every kept flood equals a
 * fresh one (costs, the way back, the hexes reached in their order), and
 * the game played with kept floods is the game played without them. */
START_TEST(kept_floods_are_fresh_floods)
{
    static const char *const FILES[] = {"emesa-635.lua", "emesa-638.lua"};
    const char *file = FILES[_i % 2];
    int level = 1 + _i / 2;
    int n1, n2;
    AiStats kept, fresh;
    uint64_t h1 = play(file, level, 3, true, true, &n1, &kept);
    uint64_t h2 = play(file, level, 3, false, false, &n2, &fresh);
    ck_assert_msg(kept.flood_kept > 0, "%s level %d: no flood kept", file, level);
    ck_assert_msg(kept.flood_wrong == 0, "%s level %d: %ld of %ld kept floods wrong", file, level, kept.flood_wrong,
                  kept.flood_kept);
    ck_assert_int_eq(fresh.flood_kept, 0);
    ck_assert_int_eq(n1, n2);
    ck_assert_int_eq(kept.evals, fresh.evals); /* the same budget spent */
    ck_assert_msg(h1 == h2, "%s level %d: the game changed", file, level);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("aiflood");
    TCase *tc = tcase_create("aiflood");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, flood_to_stops_at_the_ring);
    tcase_add_loop_test(tc, kept_floods_are_fresh_floods, 0, 6);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
