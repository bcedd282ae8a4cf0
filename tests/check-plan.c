/* check-plan.c - the computer player under a plan from outside (a
 * scenario's chronicle): "sally G" goes out by gate G only, "wait" offers
 * no terms, rations the chronicle ordered stay as ordered, and the 635
 * chronicle fights its first battle on a cold day. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ai/ai.h"
#include "core/command.h"
#include "data/chronicle.h"
#include "data/session.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

/* A 20x14 open map; a walled town in columns 12-16, rows 4-8, gates north
 * (14,4, gate 0) and west (12,6, gate 1), its heart at 14,6. Side 1
 * holds it, side 0 besieges; the town side moves first. */
static Game *town(void)
{
    Game *g = game_new(1);
    ck_assert_ptr_nonnull(g);
    ck_assert(map_init(&g->map, 20, 14));
    g->nsides = 2;
    strcpy(g->sides[0].id, "north");
    strcpy(g->sides[1].id, "south");
    g->sides[0].morale = g->sides[1].morale = 12;
    g->max_turns = 10;
    for (int c = 12; c <= 16; c++)
        for (int r = 4; r <= 8; r++)
            map_set_terrain(&g->map, off(c, r), (c == 12 || c == 16 || r == 4 || r == 8) ? TER_WALL : TER_CITY);
    static const int at[2][2] = {{14, 4}, {12, 6}};
    for (int k = 0; k < 2; k++) {
        Gate *gt = &g->gates[g->ngates++];
        snprintf(gt->id, sizeof gt->id, "%s", k ? "west" : "north");
        gt->hex = off(at[k][0], at[k][1]);
        gt->state = GATE_SHUT;
        map_set_terrain(&g->map, gt->hex, TER_GATE);
    }
    Place *p = &g->map.places[g->map.nplaces++];
    strcpy(p->id, "town");
    p->hex = off(14, 6);
    p->owner = 1;
    g->town_side = 1;
    g->town_place = 0;
    g->first_side = 1;
    return g;
}

/* What side's player did in its phase under a plan. */
typedef struct Seen {
    int opened[2];      /* CMD_OPEN_GATE per gate */
    int attacks;
    int attack_sector[4];
    int terms, rations;
} Seen;

static Seen phase(Game *g, int side, int level, AiPosture posture, int gate, int kept)
{
    Seen s = {{0, 0}, 0, {-1, -1, -1, -1}, 0, 0};
    AiPlayer *ai = ai_new(side, level, 42);
    ai_set_plan(ai, posture, gate);
    ai_keep_rations(ai, kept);
    char why[256];
    for (int k = 0; k < 500 && g->mode != MODE_OVER && g->active == side; k++) {
        Command c;
        ck_assert(ai_next(ai, g, &c));
        if (c.type == CMD_OPEN_GATE)
            s.opened[c.arg]++;
        if (c.type == CMD_ATTACK && g->mode == MODE_SIEGE && s.attacks < 4)
            s.attack_sector[s.attacks++] = siege_sector_of(g, c.to);
        s.terms += c.type == CMD_OFFER_TERMS;
        s.rations += c.type == CMD_RATIONS;
        bool end = c.type == CMD_END_TURN;
        ck_assert_msg(cmd_apply(g, &c, why, sizeof why), "%s", why);
        if (end || g->mode == MODE_BATTLE)
            break;
    }
    ai_free(ai);
    return s;
}

/* A garrison of horse by both gates; a weak besieging party before each. */
static Game *two_parties(bool north_party)
{
    Game *g = town();
    tu_unit(g, "g1", 1, "heavy_cav", 4, 13, 5);
    tu_unit(g, "g2", 1, "heavy_cav", 4, 14, 5);
    tu_unit(g, "g3", 1, "infantry", 4, 14, 6);
    if (north_party) {
        int n = tu_unit(g, "n", 0, "militia", 2, 14, 2);
        g->units[n].quality = QUAL_LEVY;
    }
    int w = tu_unit(g, "w", 0, "militia", 2, 10, 6);
    g->units[w].quality = QUAL_LEVY;
    tu_unit(g, "far", 0, "infantry", 4, 2, 12);
    tu_start(g);
    return g;
}

START_TEST(sally_goes_out_by_the_plan_gate_only)
{
    for (int level = 1; level <= 3; level++)
        for (int gate = 0; gate < 2; gate++) {
            Game *g = two_parties(true);
            Seen s = phase(g, 1, level, AI_POSTURE_ATTACK, gate, -1);
            ck_assert_msg(s.attacks == 1, "level %d, gate %d: no sally", level, gate);
            ck_assert_int_eq(s.attack_sector[0], gate);
            ck_assert_int_ge(s.opened[gate], 1);
            ck_assert_int_eq(s.opened[1 - gate], 0);
            ck_assert_int_eq(g->gates[1 - gate].state, GATE_SHUT);
            game_free(g);
        }
}
END_TEST

/* No enemy before the named gate: the garrison waits rather than sally by
 * the other gate, where it would have struck without a plan. */
START_TEST(sally_waits_rather_than_use_another_gate)
{
    for (int level = 2; level <= 3; level++) {
        Game *g = two_parties(false);
        Seen free = phase(g, 1, level, AI_POSTURE_ATTACK, -1, -1);
        ck_assert_int_eq(free.attacks, 1);
        ck_assert_int_eq(free.attack_sector[0], 1);
        game_free(g);
        g = two_parties(false);
        Seen s = phase(g, 1, level, AI_POSTURE_ATTACK, 0, -1);
        ck_assert_int_eq(s.attacks, 0);
        ck_assert_int_eq(s.opened[1], 0);
        ck_assert_int_eq(g->gates[1].state, GATE_SHUT);
        game_free(g);
    }
}
END_TEST

/* A starving town in despair: terms would be taken (36 rolls of 36:
 * 2d6 + 3 generous + (10 - 3) / 2 + 2 x 3 hungry turns >= 12), and the
 * besieger offers them - unless its plan is to wait. */
static Game *starving_town(void)
{
    Game *g = town();
    g->first_side = 0;
    tu_unit(g, "g1", 1, "infantry", 4, 14, 6);
    tu_unit(g, "b1", 0, "infantry", 4, 14, 1);
    tu_start(g);
    g->siege.side[1].food = 0;
    g->siege.side[1].shortfall_turns = 3;
    g->sides[1].morale = 3;
    ck_assert_int_eq(siege_terms_ways(g, TERMS_GENEROUS), 36);
    return g;
}

/* "feint G": the besiegers before gate G fall back out of its sector
 * when they have a leader with the feint trait; without one they stand
 * (a plain wait). */
START_TEST(feint_falls_back_only_with_a_feint_leader)
{
    for (int feint = 0; feint < 2; feint++) {
        Game *g = town();
        g->first_side = 0;
        int u = tu_unit(g, "b1", 0, "light_cav", 4, 14, 2); /* 2 hexes before the north gate */
        tu_unit(g, "g1", 1, "infantry", 4, 14, 6);
        tu_start(g);
        tu_leader(g, "khalid", 0, feint ? TRAIT_FEINT : 0, u);
        Hex before = g->units[u].hex;
        phase(g, 0, 2, AI_POSTURE_FEINT, 0, -1);
        int d = hex_distance(g->units[u].hex, g->gates[0].hex);
        if (feint)
            ck_assert_msg(d > g->siege.rules.sector_radius, "still %d hexes from the gate", d);
        else
            ck_assert(hex_eq(g->units[u].hex, before));
        game_free(g);
    }
}
END_TEST

START_TEST(wait_offers_no_terms)
{
    for (int level = 1; level <= 3; level++) {
        Game *g = starving_town();
        ck_assert_int_eq(phase(g, 0, level, AI_POSTURE_FREE, -1, -1).terms, 1);
        game_free(g);
        static const AiPosture plans[] = {AI_POSTURE_HOLD, AI_POSTURE_FEINT, AI_POSTURE_ATTACK};
        for (int p = 0; p < 3; p++) {
            g = starving_town();
            ck_assert_int_eq(phase(g, 0, level, plans[p], p == 1 ? 0 : -1, -1).terms, 0);
            ck_assert_int_eq(g->siege.terms, TERMS_NONE);
            game_free(g);
        }
    }
}
END_TEST

/* A garrison with food for 60 turns on half rations goes back to full
 * of its own accord; one with 5 ration-days on full goes on half. Rations
 * the chronicle ordered are left as they are. */
START_TEST(chronicle_rations_are_kept)
{
    for (int level = 1; level <= 3; level++)
        for (int r = RATION_FULL; r <= RATION_HALF; r++) {
            for (int kept = -1; kept <= 0; kept++) {
                Game *g = town();
                tu_unit(g, "g1", 1, "infantry", 4, 14, 6);
                tu_unit(g, "b1", 0, "infantry", 4, 14, 1);
                tu_start(g);
                g->siege.civic_will = 8; /* the town can bear short commons */
                g->siege.side[1].rations = r;
                g->siege.side[1].food = r == RATION_HALF ? 240 : 5;
                Seen s = phase(g, 1, level, AI_POSTURE_HOLD, -1, kept < 0 ? -1 : r);
                if (kept < 0) {
                    ck_assert_msg(s.rations == 1, "level %d left rations %d alone", level, r);
                    ck_assert_int_ne(g->siege.side[1].rations, r);
                } else {
                    ck_assert_int_eq(s.rations, 0);
                    ck_assert_int_eq(g->siege.side[1].rations, r);
                }
                game_free(g);
            }
        }
}
END_TEST

/* ---- the 635 chronicle ------------------------------------------------ */

typedef struct Course {
    int first_cold;     /* first turn with cold or frost weather */
    int first_battle;   /* turn the first battle began, 0 none */
    int warm_battles;   /* battles before turn 22 begun on a mild or wet turn */
    int over_turn;      /* turn the game ended, 0 if it went on */
    uint64_t hash;
} Course;

/* Plays the 635 chronicle at level 2 up to turn `last` as the headless
 * runner does: each side takes its chronicle steps at the start of its
 * siege phase (plan words set the posture and gate, rations are kept). */
static Course play_635(uint64_t seed, int last)
{
    char path[1024];
    const char *root = getenv("EMESA_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/scenarios/emesa-635.lua", root ? root : ".");
    Diags d = {0};
    Session *ss = session_new(path, seed, &d);
    ck_assert_msg(ss != NULL, "%s", d.n ? d.items[0].msg : "?");
    AiPlayer *ai[2] = {ai_new(0, 2, seed * 2654435761u), ai_new(1, 2, seed * 2654435761u + 1)};
    Course c = {0, 0, 0, 0, 0};
    int done_turn = 0, done_side = -1;
    char why[256];
    for (int k = 0; k < 200000; k++) {
        Game *g = session_game(ss);
        if (g->mode == MODE_OVER) {
            c.over_turn = g->turn;
            break;
        }
        if (g->turn > last)
            break;
        if (!c.first_cold && (g->siege.weather == WX_COLD || g->siege.weather == WX_FROST))
            c.first_cold = g->turn;
        if (g->mode == MODE_SIEGE && (g->turn != done_turn || g->active != done_side)) {
            done_turn = g->turn;
            done_side = g->active;
            ChronicleStep st[16];
            int n = chronicle_follow(ss, st, 16);
            for (int i = 0; i < n && i < 16; i++) {
                AiPosture p = st[i].plan == CHRONICLE_HOLD     ? AI_POSTURE_HOLD
                              : st[i].plan == CHRONICLE_SORTIE ? AI_POSTURE_SORTIE
                              : st[i].plan == CHRONICLE_FEINT  ? AI_POSTURE_FEINT
                                                               : AI_POSTURE_ATTACK;
                if (st[i].plan != CHRONICLE_COMMAND)
                    ai_set_plan(ai[done_side], p, st[i].gate);
                if (st[i].rations >= 0)
                    ai_keep_rations(ai[done_side], st[i].rations);
            }
            continue;
        }
        Command cmd;
        ck_assert(ai_next(ai[g->active], g, &cmd));
        bool was_siege = g->mode == MODE_SIEGE;
        Weather w = (Weather)g->siege.weather;
        int turn = g->turn;
        ck_assert_msg(session_apply(ss, &cmd, why, sizeof why), "%s", why);
        g = session_game(ss);
        if (was_siege && g->mode == MODE_BATTLE) {
            if (!c.first_battle)
                c.first_battle = turn;
            if (turn < 22 && w != WX_COLD && w != WX_FROST)
                c.warm_battles++;
        }
    }
    c.hash = game_hash(session_game(ss));
    ai_free(ai[0]);
    ai_free(ai[1]);
    session_free(ss);
    return c;
}

/* Heraclius's order: fight them on every cold day. The garrison's small
 * sorties come on cold or frosty turns only, so its first battle is not
 * before the first cold day, and the city is still standing for the
 * sally of March 636 (turn 22, 8 March). */
START_TEST(chronicle_635_fights_on_cold_days)
{
    uint64_t seed = (uint64_t)_i + 1;
    Course c = play_635(seed, 21);
    ck_assert_int_gt(c.first_cold, 0);
    ck_assert_msg(c.first_battle == 0 || c.first_battle >= c.first_cold, "seed %d: battle on turn %d, cold first on %d",
                  (int)seed, c.first_battle, c.first_cold);
    ck_assert_int_eq(c.warm_battles, 0);
    ck_assert_msg(c.over_turn == 0, "seed %d: over on turn %d", (int)seed, c.over_turn);
}
END_TEST

START_TEST(chronicle_635_is_deterministic)
{
    Course a = play_635(3, 8), b = play_635(3, 8);
    ck_assert(a.hash == b.hash);
    ck_assert_int_eq(a.first_battle, b.first_battle);
}
END_TEST

static Suite *plan_suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("postures");
    tcase_add_test(tc, sally_goes_out_by_the_plan_gate_only);
    tcase_add_test(tc, sally_waits_rather_than_use_another_gate);
    tcase_add_test(tc, wait_offers_no_terms);
    tcase_add_test(tc, feint_falls_back_only_with_a_feint_leader);
    tcase_add_test(tc, chronicle_rations_are_kept);
    suite_add_tcase(s, tc);
    TCase *games = tcase_create("chronicle");
    tcase_add_loop_test(games, chronicle_635_fights_on_cold_days, 0, 6);
    tcase_add_test(games, chronicle_635_is_deterministic);
    suite_add_tcase(s, games);
    return s;
}

int main(void)
{
    return tu_run(plan_suite());
}
