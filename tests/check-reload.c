/* check-reload.c - hot reload of the scenario file (issue 14).
 *
 * The session: session_reload_buffer() re-plays the commands on the new
 * text; a text that does not load changes nothing; a command refused now
 * stops the re-play before it.
 *
 * The window (SDL_VIDEODRIVER=dummy, software renderer): a copy of
 * tests/fixtures/play/small.lua in a temporary folder is played to turn 2
 * (the garrison moves g1 5,4 -> 5,5 and ends its turn, the computer plays
 * the besiegers), then the file is edited and reloaded with F6 or by the
 * once-a-second watch. Set EMESA_RELOAD_SHOT=prefix to keep pictures of
 * the panel: prefix-broken.png, prefix-refused.png. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <SDL.h>
#include "data/session.h"
#include "ui/uiapp.h"
#include "testutil.h"
#include "testwin.h"
#include "../tools/bench/ui-events.h"

static char *small_text(void)
{
    const char *src = getenv("EMESA_SOURCE_DIR");
    char p[1200];
    snprintf(p, sizeof p, "%s/tests/fixtures/play/small.lua", src ? src : ".");
    return tu_read_file(p, NULL);
}

/* A copy of text with the first `from` replaced by `to` (which must be
 * there: a test that edits nothing proves nothing). */
static char *edit(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    ck_assert_msg(at != NULL, "'%s' not in the scenario", from);
    size_t n = strlen(text) + strlen(to) + 1;
    char *b = malloc(n);
    snprintf(b, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return b;
}

static int unit_by_id(const Game *g, const char *id)
{
    for (int i = 0; i < g->nunits; i++)
        if (strcmp(g->units[i].id, id) == 0)
            return i;
    return -1;
}

/* ---- the session ----------------------------------------------------------- */

/* g1 into 5,5, both sides end turn 1: three commands. */
static Session *played(const char *text)
{
    Diags d;
    memset(&d, 0, sizeof d);
    Session *s = session_new_buffer("small.lua", text, strlen(text), 7, &d);
    ck_assert_msg(s != NULL, "%s", d.n ? d.items[0].msg : "?");
    const char *cmds[] = { "move g1 5,5", "end-turn", "end-turn" };
    for (int i = 0; i < 3; i++) {
        char why[256];
        ck_assert_msg(session_apply_text(s, cmds[i], why, sizeof why), "%s: %s", cmds[i], why);
    }
    ck_assert_int_eq(session_game(s)->turn, 2);
    return s;
}

START_TEST(session_reload_same_text_same_game)
{
    char *text = small_text();
    Session *s = played(text);
    uint64_t h = game_hash(session_game(s));
    unsigned gen = session_generation(s);
    Diags d;
    memset(&d, 0, sizeof d);
    SessionReload r;
    ck_assert(session_reload_buffer(s, text, strlen(text), &d, &r));
    ck_assert_uint_ne(session_generation(s), gen);
    ck_assert_uint_eq(r.replayed, 3);
    ck_assert_uint_eq(r.dropped, 0);
    ck_assert_uint_eq(session_ncommands(s), 3);
    ck_assert_uint_eq(game_hash(session_game(s)), h);
    ck_assert_uint_eq(session_nmarks(s), 2);        /* turns 1 and 2 */
    session_free(s);
    free(text);
}
END_TEST

START_TEST(session_reload_takes_the_edit)
{
    char *text = small_text();
    Session *s = played(text);
    char *e = edit(text, "type = \"archers\", sp = 4", "type = \"archers\", sp = 3");
    SessionReload r;
    Diags d;
    memset(&d, 0, sizeof d);
    ck_assert(session_reload_buffer(s, e, strlen(e), &d, &r));
    const Game *g = session_game(s);
    ck_assert_int_eq(g->turn, 2);
    ck_assert_uint_eq(r.replayed, 3);
    ck_assert_int_eq(g->units[unit_by_id(g, "b4")].sp, 3);
    int g1 = unit_by_id(g, "g1");
    ck_assert_int_eq(g->units[g1].hex.q, hex_from_offset(5, 5).q);
    ck_assert_int_eq(g->units[g1].hex.r, hex_from_offset(5, 5).r);
    session_free(s);
    free(e);
    free(text);
}
END_TEST

START_TEST(session_reload_broken_changes_nothing)
{
    char *text = small_text();
    Session *s = played(text);
    const Game *before = session_game(s);
    uint64_t h = game_hash(before);
    unsigned gen = session_generation(s);
    char *e = edit(text, "sp = 5, at = \"5,4\"", "sp = 5, at = \"40,4\"");
    SessionReload r;
    Diags d;
    memset(&d, 0, sizeof d);
    ck_assert(!session_reload_buffer(s, e, strlen(e), &d, &r));
    ck_assert_int_ge(d.n, 1);
    ck_assert_int_eq(d.items[0].line, 21);          /* unit g1's line */
    ck_assert_ptr_eq(session_game(s), before);
    ck_assert_uint_eq(session_generation(s), gen);
    ck_assert_uint_eq(game_hash(session_game(s)), h);
    ck_assert_uint_eq(session_ncommands(s), 3);
    /* Undo re-plays from the text kept, the old one. */
    session_free(s);
    free(e);
    free(text);
}
END_TEST

START_TEST(session_reload_stops_before_a_refused_command)
{
    char *text = small_text();
    Session *s = played(text);
    /* 5,5 becomes river: the garrison's first order cannot be given now. */
    char *e = edit(text, "....#cc#....\n....####", "....#~c#....\n....####");
    SessionReload r;
    Diags d;
    memset(&d, 0, sizeof d);
    ck_assert_msg(session_reload_buffer(s, e, strlen(e), &d, &r), "%s", d.n ? d.items[0].msg : "");
    ck_assert_uint_eq(r.refused, 0);
    ck_assert_uint_eq(r.replayed, 0);
    ck_assert_uint_eq(r.dropped, 3);
    ck_assert_int_eq(r.turn, 1);
    ck_assert_int_eq(r.side, 0);
    ck_assert_str_eq(r.command, "move g1 5,5");
    ck_assert(r.why[0]);
    ck_assert_uint_eq(session_ncommands(s), 0);
    ck_assert_int_eq(session_game(s)->turn, 1);
    ck_assert_uint_eq(session_nmarks(s), 1);
    session_free(s);
    free(e);
    free(text);
}
END_TEST

/* ---- the window ------------------------------------------------------------ */

static char dir[256], file[300];
static uint32_t now_ms;

static void shot(const char *what)
{
    const char *pre = getenv("EMESA_RELOAD_SHOT");
    char p[600];
    snprintf(p, sizeof p, "%s-%s.png", pre ? pre : "", what);
    if (pre)
        ck_assert(uiapp_screenshot(tw_app, p));
}

static void put(const char *text)
{
    FILE *f = fopen(file, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    tw_window("check-reload");
    snprintf(dir, sizeof dir, "%s/mods", tw_home);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    snprintf(file, sizeof file, "%s/where.lua", dir);
    char *t = small_text();
    put(t);
    free(t);
    tw_app = tw_new_app(file, 0);
    now_ms = 1000;
}

static void teardown(void)
{
    tw_teardown();
    ck_assert(tu_rmtree(tw_home));
}

/* The garrison (the player) moves g1 into 5,5 and ends turn 1; the
 * computer plays the besiegers' part; turn 2 waits for the player. */
static void play_to_turn_2(void)
{
    int i = uiapp_selected_scenario(tw_app);
    ck_assert_int_ge(i, 0);
    char why[512];
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    int g1 = unit_by_id(g, "g1");
    uiapp_set_zoom(tw_app, 2);
    uiapp_center_on(tw_app, g->units[g1].hex);
    uiapp_draw(tw_app);
    int x, y;
    ck_assert(uiapp_hex_screen(tw_app, g->units[g1].hex, &x, &y));
    ue_mouse(tw_app, x, y, true);
    ck_assert(uiapp_hex_screen(tw_app, hex_from_offset(5, 5), &x, &y));
    ue_mouse(tw_app, x, y, true);
    ck_assert_msg(hex_eq(g->units[g1].hex, hex_from_offset(5, 5)), "g1 did not move");
    uiapp_finish_animations(tw_app);
    ue_key(tw_app, SDLK_SPACE);
    ue_key(tw_app, SDLK_RETURN);
    for (int k = 0; k < 400 && !(g->turn == 2 && g->active == 0); k++) {
        if (uiapp_asking_terms(tw_app))
            ue_key(tw_app, SDLK_ESCAPE);
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, now_ms += 2000);
    }
    ck_assert_int_eq(g->turn, 2);
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
}

START_TEST(f6_takes_the_edit_at_the_same_turn)
{
    play_to_turn_2();
    const Game *g = uiapp_game(tw_app);
    uint64_t h = game_hash(g);
    /* The file as it was: the same game. */
    ue_key(tw_app, SDLK_F6);
    g = uiapp_game(tw_app);     /* a new Game: never keep the old pointer */
    ck_assert_int_eq(g->turn, 2);
    ck_assert_uint_eq(game_hash(g), h);
    ck_assert_msg(strstr(uiapp_status(tw_app), "commands played again, turn 2"), "%s",
                  uiapp_status(tw_app));
    /* A unit's strength and the title changed. */
    char *t = small_text();
    char *e1 = edit(t, "type = \"archers\", sp = 4", "type = \"archers\", sp = 3");
    char *e2 = edit(e1, "A small siege", "A smaller siege");
    put(e2);
    ue_key(tw_app, SDLK_F6);
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, 2);
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(g->units[unit_by_id(g, "b4")].sp, 3);
    ck_assert(hex_eq(g->units[unit_by_id(g, "g1")].hex, hex_from_offset(5, 5)));
    char title[200];
    uiapp_title(tw_app, title, sizeof title);
    ck_assert_str_eq(title, "Emesa - A smaller siege");
    ck_assert(!uiapp_reload_panel(tw_app, title, sizeof title));
    ck_assert(uiapp_log_contains(tw_app, "Reloaded where.lua"));
    uiapp_draw(tw_app);     /* draws the new game */
    free(e2);
    free(e1);
    free(t);
}
END_TEST

START_TEST(saving_the_file_reloads_within_a_second)
{
    play_to_turn_2();
    char *t = small_text();
    uiapp_watch(tw_app, now_ms += 1000);           /* watching starts */
    ck_assert_int_ge(uiapp_watch_wait(tw_app, now_ms), 0);
    char *e = edit(t, "type = \"archers\", sp = 4", "type = \"archers\", sp = 2");
    size_t l = strlen(e);
    char *e2 = malloc(l + 32);
    snprintf(e2, l + 32, "%s-- saved again\n", e);   /* the size changes too */
    put(e2);
    ck_assert(!uiapp_watch(tw_app, now_ms + 10));   /* not before the second is up */
    ck_assert_int_eq(uiapp_game(tw_app)->units[unit_by_id(uiapp_game(tw_app), "b4")].sp, 4);
    ck_assert(uiapp_watch(tw_app, now_ms += 1000));
    const Game *g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, 2);
    ck_assert_int_eq(g->units[unit_by_id(g, "b4")].sp, 2);
    ck_assert(!uiapp_watch(tw_app, now_ms += 1000)); /* unchanged since */
    free(e2);
    free(e);
    free(t);
}
END_TEST

START_TEST(a_broken_edit_leaves_the_game_and_shows_file_line)
{
    play_to_turn_2();
    const Game *g = uiapp_game(tw_app);
    uint64_t h = game_hash(g);
    char *t = small_text();
    char *e = edit(t, "sp = 5, at = \"5,4\"", "sp = 5, at = \"40,4\"");
    put(e);
    ue_key(tw_app, SDLK_F6);
    ck_assert_ptr_eq(uiapp_game(tw_app), g);       /* the very same game */
    ck_assert_uint_eq(game_hash(g), h);
    ck_assert_int_eq(g->turn, 2);
    char panel[4000], want[400];
    ck_assert(uiapp_reload_panel(tw_app, panel, sizeof panel));
    snprintf(want, sizeof want, "%s:21:", file);
    ck_assert_msg(strstr(panel, want), "no %s in: %s", want, panel);
    ck_assert_msg(strstr(panel, "did not reload"), "%s", panel);
    ck_assert(uiapp_log_contains(tw_app, want));
    uiapp_draw(tw_app);
    shot("broken");
    /* The player goes on: Esc closes the panel, the game stays. */
    ue_key(tw_app, SDLK_ESCAPE);
    ck_assert(!uiapp_reload_panel(tw_app, panel, sizeof panel));
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    ck_assert_uint_eq(game_hash(uiapp_game(tw_app)), h);
    /* Fixed and saved: it reloads, and the panel stays closed. */
    put(t);
    ue_key(tw_app, SDLK_F6);
    ck_assert_int_eq(uiapp_game(tw_app)->turn, 2);
    ck_assert_uint_eq(game_hash(uiapp_game(tw_app)), h);
    free(e);
    free(t);
}
END_TEST

START_TEST(a_past_command_refused_now_plays_up_to_it)
{
    play_to_turn_2();
    char *t = small_text();
    char *e = edit(t, "....#cc#....\n....####", "....#~c#....\n....####");
    put(e);
    ue_key(tw_app, SDLK_F6);
    const Game *g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, 1);
    ck_assert_int_eq(g->active, 0);
    ck_assert(hex_eq(g->units[unit_by_id(g, "g1")].hex, hex_from_offset(5, 4)));
    char panel[4000];
    ck_assert(uiapp_reload_panel(tw_app, panel, sizeof panel));
    /* How many commands the computer gave after it is the computer's
     * business: the refused one is the player's first. */
    ck_assert_msg(strstr(panel, "Command 1 of "), "%s", panel);
    ck_assert_msg(strstr(panel, "\"move g1 5,5\" (garrison, turn 1), is refused now: g1 has no way to 5,5."), "%s",
                  panel);
    ck_assert_msg(strstr(panel, "0 commands played again; it and the "), "%s", panel);
    ck_assert(uiapp_log_contains(tw_app, "is refused now"));
    uiapp_draw(tw_app);
    shot("refused");
    /* The game goes on: the player can end the turn. */
    ue_key(tw_app, SDLK_ESCAPE);
    ue_key(tw_app, SDLK_SPACE);
    ue_key(tw_app, SDLK_RETURN);
    ck_assert_int_eq(uiapp_game(tw_app)->active, 1);
    free(e);
    free(t);
}
END_TEST

/* The computer plays both sides along the chronicle and waits at its
 * step on turn 2 with the banner up: a reload there must leave the
 * banner nothing of the old scenario (run under ASan). */
START_TEST(a_reload_at_a_chronicle_checkpoint_keeps_nothing_old)
{
    char why[512];
    ck_assert_msg(uiapp_start_chronicle(tw_app, uiapp_selected_scenario(tw_app), why, sizeof why), "%s", why);
    char banner[4000];
    for (int k = 0; k < 400 && !uiapp_chronicle_banner(tw_app, banner, sizeof banner); k++) {
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, now_ms += 2000);
    }
    ck_assert(uiapp_chronicle_banner(tw_app, banner, sizeof banner));
    int turn = uiapp_game(tw_app)->turn;
    char *t = small_text();
    char *e = edit(t, "order = \"hold\" }", "order = \"hold\", note = \"They wait.\" }");
    put(e);
    ue_key(tw_app, SDLK_F6);
    ck_assert_int_eq(uiapp_game(tw_app)->turn, turn);
    uiapp_draw(tw_app);
    uiapp_chronicle_banner(tw_app, banner, sizeof banner);
    for (int k = 0; k < 50; k++) {
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, now_ms += 2000);
        uiapp_draw(tw_app);
    }
    free(e);
    free(t);
}
END_TEST

START_TEST(the_menu_reads_the_file_again)
{
    ck_assert_int_eq(uiapp_screen(tw_app), UI_MENU);
    char title[200];
    uiapp_title(tw_app, title, sizeof title);
    ck_assert_str_eq(title, "Emesa - A small siege");
    char *t = small_text();
    char *e = edit(t, "A small siege", "A siege, retitled");
    put(e);
    ue_key(tw_app, SDLK_F6);
    uiapp_title(tw_app, title, sizeof title);
    ck_assert_str_eq(title, "Emesa - A siege, retitled");
    char *bad = edit(e, "sp = 5, at = \"5,4\"", "sp = 5, at = \"40,4\"");
    put(bad);
    ck_assert(uiapp_watch(tw_app, now_ms += 1000));    /* watched since F6 */
    char panel[4000];
    ck_assert(uiapp_reload_panel(tw_app, panel, sizeof panel));
    ck_assert_msg(strstr(panel, ":21:"), "%s", panel);
    uiapp_draw(tw_app);
    free(bad);
    free(e);
    free(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reload");
    TCase *tc = tcase_create("session");
    tcase_add_test(tc, session_reload_same_text_same_game);
    tcase_add_test(tc, session_reload_takes_the_edit);
    tcase_add_test(tc, session_reload_broken_changes_nothing);
    tcase_add_test(tc, session_reload_stops_before_a_refused_command);
    suite_add_tcase(s, tc);
    TCase *tw = tcase_create("window");
    tcase_add_checked_fixture(tw, setup, teardown);
    tcase_set_timeout(tw, 120);
    tcase_add_test(tw, f6_takes_the_edit_at_the_same_turn);
    tcase_add_test(tw, saving_the_file_reloads_within_a_second);
    tcase_add_test(tw, a_broken_edit_leaves_the_game_and_shows_file_line);
    tcase_add_test(tw, a_past_command_refused_now_plays_up_to_it);
    tcase_add_test(tw, a_reload_at_a_chronicle_checkpoint_keeps_nothing_old);
    tcase_add_test(tw, the_menu_reads_the_file_again);
    suite_add_tcase(s, tw);
    return tu_run(s);
}
