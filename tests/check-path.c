/* check-path.c - movement costs, zones of control and A*. */
#include <check.h>
#include <stdlib.h>
#include "core/path.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

START_TEST(open_ground_costs)
{
    Game *g = tu_game(1);
    int u = tu_unit(g, "a", 0, "infantry", 5, 2, 2);
    tu_start(g);
    g->units[u].mp = 6; /* 3 MP */
    Path p;
    ck_assert(path_find(g, u, off(2, 5), true, &p));
    ck_assert_int_eq(p.len, 3);
    ck_assert_int_eq(p.cost, 6);
    ck_assert(!path_find(g, u, off(2, 6), true, &p)); /* 4 MP away */
    ck_assert(path_find(g, u, off(2, 6), false, &p)); /* ignoring MP */
    game_free(g);
}
END_TEST

START_TEST(terrain_costs_and_road)
{
    Game *g = tu_game(1);
    int u = tu_unit(g, "a", 0, "infantry", 5, 0, 4);
    for (int c = 1; c <= 6; c++)
        tu_terrain(g, c, 4, TER_ROAD);
    tu_terrain(g, 1, 3, TER_ORCHARD);
    tu_start(g);
    g->units[u].mp = 6;
    Path p;
    /* Along the road: 1/2 MP a hex, so 6 hexes for 3 MP (a row of an
     * odd-q map zigzags, each hex adjacent to the next). */
    ck_assert(path_find(g, u, off(1, 4), true, &p));
    ck_assert_int_eq(p.cost, 1);
    ck_assert(path_find(g, u, off(6, 4), true, &p));
    ck_assert_int_eq(p.cost, 6);
    ck_assert_int_eq(p.len, 6);
    /* The orchard costs 2 MP. */
    ck_assert(path_find(g, u, off(1, 3), true, &p));
    ck_assert_int_eq(p.cost, 4);
    game_free(g);
}
END_TEST

START_TEST(zoc_stops_and_detours)
{
    Game *g = tu_game(1);
    int u = tu_unit(g, "a", 0, "infantry", 5, 2, 2);
    tu_unit(g, "e", 1, "infantry", 5, 5, 2);
    tu_start(g);
    ck_assert(path_in_enemy_zoc(g, 0, off(4, 2)));
    ck_assert(path_in_enemy_zoc(g, 0, off(6, 2)));
    ck_assert(!path_in_enemy_zoc(g, 0, off(4, 1)));
    ck_assert(!path_in_enemy_zoc(g, 1, off(4, 2))); /* own units exert none on us */
    g->units[u].mp = 10;
    Path p;
    /* (6,2) is 4 hexes away, but every short way passes through the ZOC,
     * which stops movement: the way round costs 5 MP. */
    ck_assert(path_find(g, u, off(6, 2), true, &p));
    ck_assert_int_eq(p.cost, 10);
    ck_assert_int_eq(p.len, 5);
    for (int i = 0; i < p.len - 1; i++)
        ck_assert(!path_in_enemy_zoc(g, 0, p.hexes[i]));
    g->units[u].mp = 8;
    ck_assert(!path_find(g, u, off(6, 2), true, &p));
    /* Reachable set: (4,2) is reachable (entering ZOC), (5,3)'s far side is not. */
    int cost[120];
    g->units[u].mp = 6;
    int n = path_reachable(g, u, cost);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(cost[2 * 12 + 4], 4);
    ck_assert_int_eq(cost[2 * 12 + 6], -1);
    game_free(g);
}
END_TEST

START_TEST(leaving_zoc_costs_extra_unless_light_cavalry)
{
    Game *g = tu_game(1);
    int inf = tu_unit(g, "a", 0, "infantry", 5, 4, 2);
    int lc = tu_unit(g, "b", 0, "light_cav", 5, 4, 3);
    tu_unit(g, "e", 1, "infantry", 5, 5, 2);
    tu_start(g);
    g->units[inf].mp = 20;
    g->units[lc].mp = 20;
    Path p;
    ck_assert(path_find(g, inf, off(3, 2), true, &p));
    ck_assert_int_eq(p.cost, 2 + g->rules.zoc_leave_cost);
    ck_assert(path_find(g, lc, off(3, 3), true, &p));
    ck_assert_int_eq(p.cost, 2); /* breaks contact freely once */
    ck_assert_int_eq(path_zoc_leave_cost(g, inf, true), 4);
    ck_assert_int_eq(path_zoc_leave_cost(g, lc, true), 0);
    ck_assert_int_eq(path_zoc_leave_cost(g, lc, false), 4); /* only its first step */
    g->units[lc].broke_contact = true;
    ck_assert_int_eq(path_zoc_leave_cost(g, lc, true), 4);
    ck_assert(path_find(g, lc, off(3, 3), true, &p));
    ck_assert_int_eq(p.cost, 2 + g->rules.zoc_leave_cost);
    game_free(g);
}
END_TEST

START_TEST(walls_gates_river_and_stacking)
{
    Game *g = tu_game(1);
    /* A wall line at column 6 with a gate at (6,4); a river at column 2. */
    for (int r = 0; r < 10; r++) {
        tu_terrain(g, 6, r, r == 4 ? TER_GATE : TER_WALL);
        tu_terrain(g, 7, r, TER_CITY);
        tu_terrain(g, 2, r, r == 7 ? TER_FORD : TER_RIVER);
    }
    g->ngates = 1;
    g->gates[0].hex = off(6, 4);
    g->gates[0].state = GATE_SHUT;
    g->town_side = 1;
    int out = tu_unit(g, "out", 0, "infantry", 5, 5, 4);
    int in = tu_unit(g, "in", 1, "infantry", 5, 7, 4);
    int west = tu_unit(g, "w", 0, "infantry", 5, 1, 4);
    tu_unit(g, "s1", 0, "infantry", 5, 4, 6);
    tu_unit(g, "s2", 0, "infantry", 5, 4, 6);
    tu_unit(g, "s3", 0, "infantry", 5, 4, 6);
    tu_start(g);
    ck_assert_int_eq(path_step_cost(g, out, off(5, 4), off(6, 4)), -1); /* shut gate */
    ck_assert_int_eq(path_step_cost(g, out, off(5, 3), off(6, 3)), -1); /* wall */
    ck_assert_int_eq(path_step_cost(g, in, off(7, 4), off(6, 4)), 2);  /* onto the gate from inside */
    ck_assert_int_eq(path_step_cost(g, in, off(6, 4), off(5, 4)), -1); /* out through a shut gate */
    g->gates[0].state = GATE_OPEN;
    ck_assert_int_eq(path_step_cost(g, in, off(6, 4), off(5, 5)), 2);
    ck_assert_int_eq(path_step_cost(g, west, off(1, 4), off(2, 4)), -1); /* river */
    ck_assert_int_eq(path_step_cost(g, west, off(1, 7), off(2, 7)), 6);  /* ford: 3 MP */
    ck_assert_int_eq(path_step_cost(g, out, off(4, 5), off(4, 6)), -1);  /* stack of 3 is full */
    /* The ground alone, by index (row * 12 + col): the gate is open now,
     * the full stack and the enemy's hex do not count. */
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 4 * 12 + 5, 4 * 12 + 6), 2);
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 5 * 12 + 4, 6 * 12 + 4), 2);
    ck_assert_int_eq(path_step_cost(g, out, off(6, 4), off(7, 4)), -1);   /* "in" holds it */
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 4 * 12 + 6, 4 * 12 + 7), 2);
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 3 * 12 + 5, 3 * 12 + 6), -1); /* wall */
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 7 * 12 + 1, 7 * 12 + 2), 6);  /* ford */
    g->siege.fords_closed = true;
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 7 * 12 + 1, 7 * 12 + 2), -1); /* rain */
    g->siege.fords_closed = false;
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 7 * 12 + 1, 10 * 12), -1);    /* off the map */
    ck_assert(path_unit_zoc(g, out, off(6, 4)));
    ck_assert(!path_unit_zoc(g, out, off(7, 4))); /* two hexes off */
    /* ZOC reaches through an open gate, not through a shut one. */
    ck_assert(path_in_enemy_zoc(g, 1, off(6, 4)));
    g->gates[0].state = GATE_SHUT;
    ck_assert(!path_in_enemy_zoc(g, 1, off(6, 4)));
    ck_assert(!path_unit_zoc(g, out, off(6, 4)));
    ck_assert_int_eq(path_ground_cost(g, MOVE_FOOT, 4 * 12 + 5, 4 * 12 + 6), -1); /* shut gate */
    g->units[out].cohesion = 0; /* routed: holds no ground */
    g->gates[0].state = GATE_OPEN;
    ck_assert(!path_unit_zoc(g, out, off(6, 4)));
    ck_assert(!path_in_enemy_zoc(g, 1, off(6, 4)));
    g->units[out].cohesion = 5;
    g->gates[0].state = GATE_SHUT;
    /* ZOC does not reach across a wall. */
    game_unit_place(g, in, off(7, 2));
    ck_assert(!path_in_enemy_zoc(g, 0, off(5, 2)));
    game_unit_place(g, in, off(6, 2)); /* on the wall: its ZOC stays inside */
    ck_assert(!path_in_enemy_zoc(g, 0, off(5, 2)));
    ck_assert(path_in_enemy_zoc(g, 0, off(6, 1))); /* but does along it */
    game_free(g);
}
END_TEST

START_TEST(regions_rule_out_hopeless_searches)
{
    Game *g = tu_game(1);
    /* As above: the wall at column 6 (gate at row 4) runs the whole height,
     * the town is column 7, the river at column 2 has a ford at row 7. */
    for (int r = 0; r < 10; r++) {
        tu_terrain(g, 6, r, r == 4 ? TER_GATE : TER_WALL);
        tu_terrain(g, 7, r, TER_CITY);
        tu_terrain(g, 2, r, r == 7 ? TER_FORD : TER_RIVER);
    }
    g->ngates = 1;
    g->gates[0].hex = off(6, 4);
    g->gates[0].state = GATE_SHUT;
    g->town_side = 1;
    int u = tu_unit(g, "u", 0, "infantry", 5, 4, 4);
    tu_unit(g, "e", 1, "infantry", 5, 9, 9);
    tu_start(g);
    int reg[120];
#define R(c, r) reg[(r) * 12 + (c)]
    ck_assert(path_regions(g, 0, MOVE_FOOT, reg));
    ck_assert_int_ge(R(4, 4), 0);
    ck_assert_int_eq(R(0, 0), R(4, 4)); /* over the ford */
    ck_assert_int_eq(R(2, 4), -1);      /* the river */
    ck_assert_int_eq(R(9, 9), -1);      /* the enemy's hex */
    ck_assert_int_ne(R(7, 4), R(4, 4)); /* the town, its gate shut */
    ck_assert_int_eq(R(7, 4), R(6, 3)); /* the wall, from inside */
    ck_assert_int_ne(R(8, 4), R(4, 4)); /* beyond the town */
    ck_assert_int_ne(R(8, 4), R(7, 4));
    Path p;
    ck_assert(!path_find(g, u, off(7, 4), false, &p));
    g->gates[0].state = GATE_OPEN;
    ck_assert(path_regions(g, 0, MOVE_FOOT, reg));
    ck_assert_int_eq(R(7, 4), R(4, 4));
    ck_assert_int_ne(R(8, 4), R(4, 4)); /* the town's far side has no gate */
    ck_assert(path_find(g, u, off(7, 4), false, &p));
    g->siege.fords_closed = true;
    ck_assert(path_regions(g, 0, MOVE_FOOT, reg));
    ck_assert_int_eq(R(2, 7), -1);
    ck_assert_int_ne(R(0, 0), R(4, 4));
#undef R
    game_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("path");
    TCase *tc = tcase_create("movement");
    tcase_add_test(tc, open_ground_costs);
    tcase_add_test(tc, terrain_costs_and_road);
    tcase_add_test(tc, zoc_stops_and_detours);
    tcase_add_test(tc, leaving_zoc_costs_extra_unless_light_cavalry);
    tcase_add_test(tc, walls_gates_river_and_stacking);
    tcase_add_test(tc, regions_rule_out_hopeless_searches);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
