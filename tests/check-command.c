/* check-command.c - commands are validated, refused with a reason, and a
 * refused command changes nothing. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "core/command.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

static Game *setup(void)
{
    Game *g = tu_game(3);
    tu_unit(g, "n1", 0, "infantry", 5, 2, 2);
    tu_unit(g, "n2", 0, "light_cav", 5, 2, 3);
    tu_unit(g, "s1", 1, "infantry", 5, 6, 2);
    tu_start(g);
    return g;
}

/* Expect text to be refused with a reason containing `want`, and the game
 * hash and event count to stay as they were. */
static void refused(Game *g, const char *text, const char *want)
{
    uint64_t before = game_hash(g);
    size_t events = g->events.n;
    char why[256] = "";
    ck_assert_msg(!tu_cmd(g, text, why, sizeof why), "\"%s\" was accepted", text);
    ck_assert_msg(strstr(why, want) != NULL, "\"%s\": reason \"%s\" lacks \"%s\"", text, why, want);
    ck_assert_uint_eq(game_hash(g), before);
    ck_assert_uint_eq(g->events.n, events);
}

START_TEST(refusals)
{
    Game *g = setup();
    refused(g, "move s1 7,2", "belongs to South");
    Command c = cmd_end_turn(1);
    char why[128];
    ck_assert(!cmd_apply(g, &c, why, sizeof why));
    ck_assert_str_eq(why, "it is North's turn to act, not South's");
    refused(g, "move nobody 3,3", "no unit has the id");
    refused(g, "move n1 40,40", "off the map");
    refused(g, "move n1 2,2", "already at");
    refused(g, "move n1 11,9", "cannot reach");
    refused(g, "move n1 3,x", "not a hex");
    refused(g, "jump n1 3,3", "unknown command");
    refused(g, "move n1", "needs a unit and a hex");
    refused(g, "end-impulse", "no battle");
    refused(g, "attack n1 6,2", "not next to the target");
    refused(g, "attack n1 3,3", "no enemy");
    refused(g, "attack n1+n1 6,2", "named twice");
    refused(g, "end-turn now", "takes no arguments");
    g->units[0].cohesion = 0;
    game_unit_place(g, 0, off(5, 2));
    refused(g, "attack n1 6,2", "routed");
    game_free(g);
}
END_TEST

START_TEST(move_and_phases)
{
    Game *g = setup();
    char why[256];
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(g->mode, MODE_SIEGE);
    ck_assert_int_eq(g->units[0].mp, 3 * 2 * 3); /* siege turn: 3 impulses of 3 MP */
    ck_assert_msg(tu_cmd(g, "move n1 4,2", why, sizeof why), "%s", why);
    ck_assert(hex_eq(g->units[0].hex, off(4, 2)));
    ck_assert_int_eq(g->units[0].mp, 18 - 4);
    ck_assert_int_eq(g->events.items[g->events.n - 1].type, EV_MOVE);
    ck_assert_msg(tu_cmd(g, "end-turn", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->active, 1);
    ck_assert_int_eq(g->turn, 1);
    ck_assert_msg(tu_cmd(g, "end-turn", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->turn, 2);
    ck_assert_int_eq(g->active, 0);
    game_free(g);
}
END_TEST

START_TEST(attack_starts_battle_and_impulses_alternate)
{
    Game *g = setup();
    char why[256];
    ck_assert_msg(tu_cmd(g, "move n1 5,2", why, sizeof why), "%s", why);
    ck_assert_msg(tu_cmd(g, "attack n1 6,2", why, sizeof why), "%s", why);
    ck_assert_int_eq(g->mode, MODE_BATTLE);
    ck_assert_int_eq(g->impulse, 1);
    refused(g, "end-turn", "battle is being fought");
    refused(g, "attack n1 6,2", "already attacked");
    ck_assert(tu_cmd(g, "end-impulse", why, sizeof why));
    ck_assert_int_eq(g->active, 1);
    ck_assert_int_eq(g->impulse, 1);
    ck_assert(tu_cmd(g, "end-impulse", why, sizeof why));
    ck_assert_int_eq(g->impulse, 2);
    ck_assert_int_eq(g->active, 0);
    /* Two quiet impulses in a row end the battle; the attacker's phase
     * resumes with its units spent. */
    ck_assert(tu_cmd(g, "end-impulse", why, sizeof why));
    ck_assert_int_eq(g->mode, MODE_SIEGE);
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(g->units[1].mp, 0);
    refused(g, "attack n1 6,2", "already fought a battle this turn");
    bool started = false, ended = false;
    for (size_t i = 0; i < g->events.n; i++) {
        started |= g->events.items[i].type == EV_BATTLE_START;
        ended |= g->events.items[i].type == EV_BATTLE_END;
    }
    ck_assert(started && ended);
    game_free(g);
}
END_TEST

START_TEST(text_form_round_trip)
{
    Game *g = setup();
    const char *lines[] = {"move n1 4,2", "attack n1+n2 6,2", "end-turn", "end-impulse"};
    for (int i = 0; i < 4; i++) {
        Command c;
        char why[128], back[128];
        ck_assert_msg(cmd_parse(g, lines[i], &c, why, sizeof why), "%s", why);
        cmd_format(g, &c, back, sizeof back);
        ck_assert_str_eq(back, lines[i]);
    }
    game_free(g);
}
END_TEST

START_TEST(game_over_refuses_everything)
{
    Game *g = setup();
    g->max_turns = 1;
    char why[256];
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert(tu_cmd(g, "end-turn", why, sizeof why));
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_int_eq(g->outcome.winner, -1); /* no victory conditions: a draw */
    refused(g, "end-turn", "game is over");
    game_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("command");
    TCase *tc = tcase_create("commands");
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, move_and_phases);
    tcase_add_test(tc, attack_starts_battle_and_impulses_alternate);
    tcase_add_test(tc, text_form_round_trip);
    tcase_add_test(tc, game_over_refuses_everything);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
