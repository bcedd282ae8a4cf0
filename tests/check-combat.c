/* check-combat.c - combat values, odds, shifts and the results table. */
#include <check.h>
#include <stdlib.h>
#include "core/combat.h"
#include "core/command.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

START_TEST(combat_value)
{
    Game *g = tu_game(1);
    int a = tu_unit(g, "a", 0, "infantry", 5, 2, 2);
    int h = tu_unit(g, "h", 0, "heavy_cav", 4, 3, 3);
    tu_start(g);
    /* 5 SP x 1.00 x veteran 1.00 x cohesion 8/10 = 4.00 */
    ck_assert_int_eq(combat_unit_cv(g, a), 400);
    /* 4 x 1.25 x 1.00 x 0.8 = 4.00 */
    ck_assert_int_eq(combat_unit_cv(g, h), 400);
    g->units[a].cohesion = 1; /* floor at 30 % */
    ck_assert_int_eq(combat_unit_cv(g, a), 150);
    g->units[a].quality = QUAL_LEVY;
    ck_assert_int_eq(combat_unit_cv(g, a), 90);
    game_free(g);
}
END_TEST

START_TEST(odds_columns_and_shifts)
{
    Game *g = tu_game(1);
    /* Defender at (5,4); attackers at its N (5,3) and NE (6,4). */
    int d = tu_unit(g, "d", 1, "infantry", 5, 5, 4);
    int a1 = tu_unit(g, "a1", 0, "infantry", 5, 5, 3);
    int a2 = tu_unit(g, "a2", 0, "infantry", 5, 6, 4);
    int a3 = tu_unit(g, "a3", 0, "infantry", 5, 5, 5);
    tu_start(g);
    CombatOdds o;
    char why[128];
    /* Columns 1:2 1:1 3:2 2:1 3:1 ... 8:1 start at 50, 100, 150, 200, 300,
     * ... 800 percent. */
    ck_assert_int_eq(combat_column(g, 49), 0);
    ck_assert_int_eq(combat_column(g, 99), 1);
    ck_assert_int_eq(combat_column(g, 100), 2);
    ck_assert_int_eq(combat_column(g, 299), 4);
    ck_assert_int_eq(combat_column(g, 800), 9);
    ck_assert_int_eq(combat_column(g, 100000), 9);
    int pair[2] = {a1, a2};
    ck_assert(combat_odds(g, pair, 2, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.att_cv, 800);
    ck_assert_int_eq(o.def_cv, 400);
    ck_assert_int_eq(o.base_column, 4); /* 2:1 */
    ck_assert_int_eq(o.shifts, 0);       /* neighbouring directions: no flank */
    ck_assert_int_eq(o.column, 4);
    int rear[2] = {a1, a3};               /* N and S: from opposite sides */
    ck_assert(combat_odds(g, rear, 2, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 2);
    ck_assert_int_eq(o.column, 6);
    /* The defender in an orchard: one column to the left. */
    map_set_terrain(&g->map, off(5, 4), TER_ORCHARD);
    ck_assert(combat_odds(g, pair, 2, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.column, 3);
    map_set_terrain(&g->map, off(5, 4), TER_WALL);
    ck_assert(combat_odds(g, pair, 2, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.def_cv, 1200);    /* men on a wall count three times */
    ck_assert_int_eq(o.base_column, 1);  /* 800:1200 is 1:2 */
    ck_assert_int_eq(o.column, 0);       /* less 3 for the wall */
    ck_assert(combat_odds(g, rear, 2, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, -3);      /* no rear attack up ladders */
    /* Not adjacent: refused with a reason. */
    game_unit_place(g, a3, off(9, 9));
    int far[1] = {a3};
    ck_assert(!combat_odds(g, far, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_str_eq(why, "a3 is not next to the target");
    (void)d;
    game_free(g);
}
END_TEST

START_TEST(charge_and_leader_shifts)
{
    Game *g = tu_game(1);
    tu_unit(g, "d", 1, "infantry", 5, 5, 4);
    int lc = tu_unit(g, "lc", 0, "light_cav", 5, 5, 3);
    Leader *l = &g->leaders[g->nleaders++];
    l->side = 0;
    l->tactics = 4;
    l->alive = true;
    l->unit = lc;
    tu_start(g);
    CombatOdds o;
    char why[128];
    int one[1] = {lc};
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.base_column, 2);  /* 1:1 */
    ck_assert_int_eq(o.shifts, 1 + 2);   /* charge + leader (tactics 4 / 2) */
    g->charges_cancelled = true;         /* rain */
    ck_assert(combat_odds(g, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.shifts, 2);
    game_free(g);
}
END_TEST

/* combat_odds_prep gives combat_odds's odds from what it keeps: the first
 * living leader with each unit, combat values, the target's stack (kept
 * while only the attackers move). */
START_TEST(odds_from_prep)
{
    Game *g = tu_game(1);
    int d1 = tu_unit(g, "d1", 1, "infantry", 5, 5, 4);
    int d2 = tu_unit(g, "d2", 1, "infantry", 5, 5, 4);
    int a1 = tu_unit(g, "a1", 0, "infantry", 5, 5, 3); /* N */
    int a2 = tu_unit(g, "a2", 0, "infantry", 5, 6, 4); /* NE */
    int old = tu_leader(g, "old", 0, 0, a2);
    g->leaders[old].alive = false; /* a dead leader gives nothing */
    g->leaders[old].tactics = 6;
    g->leaders[tu_leader(g, "kh", 0, 0, a2)].tactics = 2;
    g->leaders[tu_leader(g, "cau", 1, TRAIT_CAUTIOUS, d2)].tactics = 4;
    tu_start(g);
    CombatPrep p;
    combat_prep(g, &p);
    ck_assert_int_eq(p.leader[a1], -1);
    ck_assert_int_eq(p.leader[a2], old + 1);
    ck_assert_int_eq(p.leader[d2], old + 2);
    ck_assert_int_eq(p.cv[d1], 400);
    CombatOdds o, q;
    char why[128];
    int pair[2] = {a1, a2};
    ck_assert(combat_odds_prep(g, &p, pair, 2, off(5, 4), &o, why, sizeof why));
    ck_assert(combat_odds(g, pair, 2, off(5, 4), &q, why, sizeof why));
    ck_assert_int_eq(o.att_cv, 800);
    ck_assert_int_eq(o.def_cv, 800);
    ck_assert_int_eq(o.base_column, 2); /* 1:1 */
    /* leaders 2/2 - 4/2, the cautious defender -1: -2 */
    ck_assert_int_eq(o.shifts, -2);
    ck_assert_int_eq(o.column, 0);
    ck_assert_int_eq(o.ndef, 2);
    ck_assert_int_eq(o.defenders[0], d1);
    ck_assert_int_eq(o.defenders[1], d2);
    ck_assert_mem_eq(&o, &q, sizeof o);
    /* a2 goes round to the south: from the rear, +2, on the kept stack. */
    game_unit_place(g, a2, off(5, 5));
    ck_assert(combat_odds_prep(g, &p, pair, 2, off(5, 4), &o, why, sizeof why));
    ck_assert(combat_odds(g, pair, 2, off(5, 4), &q, why, sizeof why));
    ck_assert_int_eq(o.shifts, 0);
    ck_assert_int_eq(o.column, 2);
    ck_assert_mem_eq(&o, &q, sizeof o);
    /* Another hex: asked anew (nobody there), then the stack again. */
    int one[1] = {a1};
    ck_assert(!combat_odds_prep(g, &p, one, 1, off(4, 3), &o, why, sizeof why));
    ck_assert_str_eq(why, "there is no enemy there to attack");
    ck_assert(combat_odds_prep(g, &p, one, 1, off(5, 4), &o, why, sizeof why));
    ck_assert_int_eq(o.ndef, 2);
    ck_assert_int_eq(o.def_cv, 800);
    ck_assert(combat_odds_prep(g, NULL, one, 1, off(5, 4), &q, why, sizeof why));
    ck_assert_mem_eq(&o, &q, sizeof o);
    game_free(g);
}
END_TEST

START_TEST(results_table)
{
    Game *g = tu_game(1);
    /* Column 1:1 (2), roll 5: edge 7: attacker loses 1 SP, each 1 cohesion. */
    CrtResult r = g->rules.crt[4][2];
    ck_assert_int_eq(r.def_sp, 0);
    ck_assert_int_eq(r.att_sp, 1);
    ck_assert_int_eq(r.def_coh, 1);
    ck_assert_int_eq(r.att_coh, 1);
    ck_assert(!r.def_retreat && !r.att_retreat);
    /* 3:1 (5), roll 10: edge 15: defender loses 3 SP and 3 cohesion, retreats. */
    r = g->rules.crt[9][5];
    ck_assert_int_eq(r.def_sp, 3);
    ck_assert_int_eq(r.att_sp, 0);
    ck_assert_int_eq(r.def_coh, 3);
    ck_assert(r.def_retreat);
    /* 1:3, roll 1: the attacker is thrown back. */
    r = g->rules.crt[0][0];
    ck_assert_int_eq(r.att_sp, 2);
    ck_assert(r.att_retreat);
    /* Better odds never hurt the attacker more. */
    for (int d = 0; d < CRT_ROWS; d++)
        for (int c = 1; c < CRT_COLUMNS; c++) {
            ck_assert_int_ge(g->rules.crt[d][c].def_sp, g->rules.crt[d][c - 1].def_sp);
            ck_assert_int_le(g->rules.crt[d][c].att_sp, g->rules.crt[d][c - 1].att_sp);
        }
    double as, ds;
    combat_expected(g, 2, &as, &ds);
    ck_assert(as > 0.5 && as < 1.5);
    char lab[16];
    combat_column_label(g, 0, lab, sizeof lab);
    ck_assert_str_eq(lab, "<1:2");
    combat_column_label(g, 3, lab, sizeof lab);
    ck_assert_str_eq(lab, "3:2");
    combat_column_label(g, 5, lab, sizeof lab);
    ck_assert_str_eq(lab, "3:1");
    game_free(g);
}
END_TEST

START_TEST(surrounded_unit_destroyed_on_retreat)
{
    /* Play many seeds of a 3:1+ attack on a unit with no way back: every
     * retreat result must destroy it, never move it. */
    int destroyed = 0, retreat_results = 0;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        Game *g = tu_game(seed);
        int d = tu_unit(g, "d", 1, "infantry", 3, 5, 4);
        const int ring[6][2] = {{5, 3}, {6, 4}, {6, 5}, {5, 5}, {4, 5}, {4, 4}};
        int att[4];
        for (int i = 0; i < 6; i++) {
            char id[8] = {'a', (char)('0' + i), 0};
            int u = tu_unit(g, id, 0, "infantry", 5, ring[i][0], ring[i][1]);
            if (i < 4)
                att[i] = u;
        }
        tu_start(g);
        Command c = cmd_attack(0, att[0], off(5, 4));
        c.nunits = 4;
        for (int i = 0; i < 4; i++)
            c.units[i] = att[i];
        char why[128];
        ck_assert_msg(cmd_apply(g, &c, why, sizeof why), "%s", why);
        ck_assert(g->mode == MODE_BATTLE);
        bool retreat = false;
        for (size_t i = 0; i < g->events.n; i++)
            if (g->events.items[i].type == EV_COMBAT) {
                const Event *e = &g->events.items[i];
                retreat = g->rules.crt[e->b - 1][e->a].def_retreat;
            }
        if (retreat) {
            retreat_results++;
            ck_assert_int_ne(g->units[d].status, UNIT_ON_MAP);
        }
        if (g->units[d].status == UNIT_ELIMINATED)
            destroyed++;
        /* Nothing ever retreated through the ring. */
        for (size_t i = 0; i < g->events.n; i++)
            ck_assert_int_ne(g->events.items[i].type, EV_RETREAT);
        game_free(g);
    }
    ck_assert_int_gt(retreat_results, 10);
    ck_assert_int_ge(destroyed, retreat_results);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("combat");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, combat_value);
    tcase_add_test(tc, odds_columns_and_shifts);
    tcase_add_test(tc, charge_and_leader_shifts);
    tcase_add_test(tc, odds_from_prep);
    tcase_add_test(tc, results_table);
    tcase_add_test(tc, surrounded_unit_destroyed_on_retreat);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
