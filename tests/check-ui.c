/* check-ui.c - the window driven like a player would, on the software
 * renderer with SDL_VIDEODRIVER=dummy: the menu lists the 638 scenario,
 * a unit is selected, moved and the turn ended, all through synthetic
 * mouse and key events; assertions on the engine state reached through
 * commands and on the pixels. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <SDL.h>
#include "core/effect.h"
#include "core/path.h"
#include "data/scenario.h"
#include "ui/uiapp.h"
#include "testutil.h"
#include "testwin.h"

static void setup(void)
{
    tw_setup("check-ui");
}

START_TEST(menu_lists_the_scenarios)
{
    ck_assert_int_eq(uiapp_screen(tw_app), UI_MENU);
    ck_assert_int_ge(uiapp_scenario_count(tw_app), 1);
    ck_assert_int_ge(uiapp_find_scenario(tw_app, "emesa-638"), 0);
    tw_frame();
    /* The menu is drawn: many different colours on screen. */
    uint32_t seen[64];
    int n = 0;
    for (int y = 5; y < H && n < 64; y += 37)
        for (int x = 5; x < W && n < 64; x += 41) {
            uint32_t p = tw_px(x, y);
            bool dup = false;
            for (int i = 0; i < n; i++)
                dup |= seen[i] == p;
            if (!dup)
                seen[n++] = p;
        }
    ck_assert_int_ge(n, 4);
}
END_TEST

START_TEST(select_move_end_turn)
{
    if (!tw_have_scenario()) {
        fprintf(stderr, "check-ui: %s not there yet; skipping\n", tw_scen_path);
        return;
    }
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    ck_assert_ptr_nonnull(g);
    /* Hot-seat: the hand-over screen hides the map first. */
    ck_assert_int_eq(uiapp_screen(tw_app), UI_HANDOVER);
    tw_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);

    Hex dest;
    int u = tu_pick_mover(g, &dest);
    ck_assert_int_ge(u, 0);
    Hex start = g->units[u].hex;
    uiapp_set_zoom(tw_app, 2);
    uiapp_center_on(tw_app, start);
    tw_frame();
    /* A hex far from the unit, in view, before and after selecting. */
    int fx = -1, fy = -1;
    for (int row = 0; row < g->map.height && fx < 0; row++)
        for (int col = 0; col < g->map.width && fx < 0; col++) {
            Hex h = hex_from_offset(col, row);
            int ids[8], x, y;
            if (hex_distance(h, start) >= 8 && game_units_at(g, h, ids, 8) == 0 && uiapp_hex_screen(tw_app, h, &x, &y) &&
                map_terrain(&g->map, h) == TER_OPEN) {
                fx = x;
                fy = y;
            }
        }
    ck_assert_int_ge(fx, 0);
    int lum_before = tw_lum_at(fx, fy);

    int ux, uy;
    ck_assert(uiapp_hex_screen(tw_app, start, &ux, &uy));
    tw_click(ux, uy);
    int sel[4];
    ck_assert_int_ge(uiapp_selection(tw_app, sel, 4), 1);
    ck_assert_int_eq(g->units[sel[0]].hex.q, start.q);
    ck_assert_int_eq(g->units[sel[0]].hex.r, start.r);
    u = sel[0];
    tw_frame();
    ck_assert_int_gt(lum_before - tw_lum_at(fx, fy), 15);   /* unreachable dimmed */

    /* Recompute a destination for the unit actually selected (top of stack). */
    {
        int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
        path_reachable(g, u, reach);
        bool ok = false;
        for (int row = 0; row < g->map.height && !ok; row++)
            for (int col = 0; col < g->map.width && !ok; col++) {
                Hex h = hex_from_offset(col, row);
                int ids[8], x, y;
                if (reach[row * g->map.width + col] > 0 && hex_distance(h, start) == 2 && game_units_at(g, h, ids, 8) == 0 &&
                    uiapp_hex_screen(tw_app, h, &x, &y)) {
                    dest = h;
                    ok = true;
                }
            }
        free(reach);
        ck_assert(ok);
    }
    int dx, dy;
    ck_assert(uiapp_hex_screen(tw_app, dest, &dx, &dy));
    uint32_t dest_before = tw_px(dx, dy);
    size_t nev = g->events.n;
    tw_click(dx, dy);
    ck_assert_msg(hex_eq(g->units[u].hex, dest), "the unit did not move");
    ck_assert_uint_gt(g->events.n, nev);
    uiapp_finish_animations(tw_app);
    tw_frame();
    ck_assert_uint_ne(tw_px(dx, dy), dest_before);      /* the counter is drawn there */

    /* End the turn: Space asks, Enter confirms. */
    int active = g->active, turn = g->turn, phase = g->phase;
    tw_key(SDLK_SPACE);
    ck_assert_int_eq(g->active, active);             /* only asked so far */
    tw_key(SDLK_RETURN);
    ck_assert(g->active != active || g->turn != turn || g->phase != phase);
    /* Hot-seat: hand-over again, hiding the map. */
    ck_assert_int_eq(uiapp_screen(tw_app), UI_HANDOVER);
    tw_frame();
}
END_TEST

START_TEST(gate_pixels_follow_the_gate)
{
    if (!tw_have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    Game *g = (Game *)uiapp_game(tw_app);
    ck_assert_int_ge(g->ngates, 1);
    /* The test, not the window, changes the gate (through an effect). */
    uiapp_set_zoom(tw_app, 3);
    uiapp_center_on(tw_app, g->gates[0].hex);
    int x, y;
    ck_assert(uiapp_hex_screen(tw_app, g->gates[0].hex, &x, &y));
    effect_set_gate(g, 0, GATE_SHUT);
    tw_frame();
    uint32_t shut[64];
    for (int k = 0; k < 64; k++)
        shut[k] = tw_px(x - 8 + k % 8 * 2, y - 8 + k / 8 * 2);
    effect_set_gate(g, 0, GATE_OPEN);
    tw_frame();
    int diff = 0;
    for (int k = 0; k < 64; k++)
        diff += shut[k] != tw_px(x - 8 + k % 8 * 2, y - 8 + k / 8 * 2);
    ck_assert_int_gt(diff, 16);
}
END_TEST

START_TEST(computer_plays_its_side)
{
    if (!tw_have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    int human = g->active == 0 ? 1 : 0;
    uiapp_free(tw_app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tu_src_dir();
    cfg.seed = 7;
    cfg.ai_side = -1;
    tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    ck_assert_msg(uiapp_start(tw_app, i, human, false, why, sizeof why), "%s", why);
    g = uiapp_game(tw_app);
    size_t nev = g->events.n;
    uint32_t t = 1000;
    for (int k = 0; k < 5000 && g->active != human && g->mode != MODE_OVER; k++) {
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, t += 500);
    }
    ck_assert_int_eq(g->active, human);
    ck_assert_uint_gt(g->events.n, nev);
    tw_frame();
}
END_TEST

/* ---- the computer's pace ------------------------------------------------ */

static void write_pace(int pace)
{
    char path[600];
    snprintf(path, sizeof path, "%s/emesa", tw_home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/emesa/emesa", tw_home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", tw_home);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "ai_pace = %d\n", pace);
    fclose(f);
}

static int saved_pace(void)
{
    char path[600], line[256];
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", tw_home);
    FILE *f = fopen(path, "r");
    int v = -1;
    while (f && fgets(line, sizeof line, f))
        sscanf(line, "ai_pace = %d", &v);
    if (f)
        fclose(f);
    return v;
}

/* A new window (reading settings.ini) with the 638 game started so that
 * the computer is to move; returns the human's side. */
static int computer_to_move(void)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    int human = uiapp_game(tw_app)->active == 0 ? 1 : 0;
    uiapp_free(tw_app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tu_src_dir();
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.ai_level = 1;
    tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    ck_assert_msg(tw_app != NULL, "%s", why);
    ck_assert_msg(uiapp_start(tw_app, i, human, false, why, sizeof why), "%s", why);
    ck_assert_int_ne(uiapp_game(tw_app)->active, human);
    return human;
}

START_TEST(computer_pace_is_a_setting)
{
    if (!tw_have_scenario())
        return;
    /* Instant: with the clock standing still the computer plays its whole
     * turn and nothing is left to animate. */
    write_pace(0);
    int human = computer_to_move();
    const Game *g = uiapp_game(tw_app);
    for (int k = 0; k < 400 && g->active != human && g->mode != MODE_OVER; k++)
        uiapp_tick(tw_app, 1000);
    ck_assert_int_eq(g->active, human);
    ck_assert_int_ne(uiapp_next_wake(tw_app, 1000), 0);
    /* Normal (as before the setting): one command, then the turn waits
     * for its animation or its 40 ms pause while the clock stands still. */
    write_pace(2);
    human = computer_to_move();
    g = uiapp_game(tw_app);
    size_t nev = g->events.n;
    for (int k = 0; k < 50; k++)
        uiapp_tick(tw_app, 1000);
    ck_assert_uint_gt(g->events.n, nev);
    ck_assert_int_ne(g->active, human);
    int wake = uiapp_next_wake(tw_app, 1000);
    ck_assert_msg(wake == 0 || wake == 40 || wake == 250, "wake %d", wake);
    /* The Settings screen cycles it and settings.ini keeps it. */
    uiapp_free(tw_app);
    char why[512];
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tu_src_dir();
    cfg.ai_side = -1;
    tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    tw_key(SDLK_F10);
    tw_frame();
    int x, y;
    ck_assert(uiapp_find_button(tw_app, "Normal", &x, &y));
    tw_click(x, y);
    ck_assert_int_eq(saved_pace(), 3);
    ck_assert(uiapp_find_button(tw_app, "Slow", &x, &y));
    tw_click(x, y);
    ck_assert_int_eq(saved_pace(), 0);
    ck_assert(uiapp_find_button(tw_app, "Instant", &x, &y));
}
END_TEST

/* The font file fontconfig found, from settings.ini ("" if none). */
static void saved_font(char *out, size_t n)
{
    char path[600], line[700];
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", tw_home);
    FILE *f = fopen(path, "r");
    out[0] = 0;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "font = ", 7) == 0) {
            line[strcspn(line, "\n")] = 0;
            snprintf(out, n, "%s", line + 7);
        }
    if (f)
        fclose(f);
}

START_TEST(font_path_is_remembered)
{
    if (getenv("EMESA_FONT"))
        return;
    /* The first start asked fontconfig and kept its answer. */
    char font[600];
    saved_font(font, sizeof font);
    struct stat st;
    ck_assert_msg(font[0] && stat(font, &st) == 0 && S_ISREG(st.st_mode), "font '%s'", font);
    /* A remembered file that has gone: fontconfig is asked again. */
    write_pace(2);
    char path[600];
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", tw_home);
    FILE *f = fopen(path, "a");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "font = %s/no-such-font.ttf\n", tw_home);
    fclose(f);
    uiapp_free(tw_app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tu_src_dir();
    cfg.ai_side = -1;
    char why[512];
    tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    ck_assert_msg(tw_app != NULL, "%s", why);
    char again[600];
    saved_font(again, sizeof again);
    ck_assert_str_eq(again, font);
    ck_assert_int_eq(saved_pace(), 2);
    tw_frame();
}
END_TEST

START_TEST(menu_read_on_a_thread_is_the_same)
{
    /* The window reads the menu's scenarios while SDL opens the display. */
    const char *src = tu_src_dir();
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = src;
    cfg.ai_side = -1;
    cfg.prefetch = menu_prefetch_start(src);
    ck_assert_ptr_nonnull(cfg.prefetch);
    char why[512];
    UiApp *b = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    menu_prefetch_free(cfg.prefetch);
    ck_assert_msg(b != NULL, "%s", why);
    ck_assert_int_gt(uiapp_scenario_count(tw_app), 1);
    ck_assert_int_eq(uiapp_scenario_count(b), uiapp_scenario_count(tw_app));
    ck_assert_int_eq(uiapp_find_scenario(b, "emesa-638"), uiapp_find_scenario(tw_app, "emesa-638"));
    ck_assert_int_eq(uiapp_find_scenario(b, "emesa-635"), uiapp_find_scenario(tw_app, "emesa-635"));
    uiapp_free(b);
}
END_TEST

START_TEST(f12_saves_a_screenshot)
{
    tw_frame();
    tw_key(SDLK_F12);
    char dir[400];
    snprintf(dir, sizeof dir, "%s/emesa/emesa", tw_home);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *de;
    int pngs = 0;
    while ((de = readdir(d)))
        pngs += strstr(de->d_name, ".png") != NULL;
    closedir(d);
    ck_assert_int_eq(pngs, 1);
}
END_TEST

START_TEST(help_and_settings_open_and_close)
{
    tw_key(SDLK_F1);
    tw_frame();
    tw_key(SDLK_ESCAPE);
    tw_key(SDLK_F10);
    tw_frame();
    tw_key(SDLK_ESCAPE);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_MENU);
}
END_TEST

/* Escape (or q) on the main menu asks "Quit Emesa?" before quitting: Esc
 * or No keeps the menu, Return or Yes quits. */
START_TEST(escape_on_menu_asks_before_quitting)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_ESCAPE;
    int x, y;
    ck_assert(uiapp_handle(tw_app, &e));           /* still running */
    tw_frame();
    ck_assert(uiapp_find_button(tw_app, "No  Esc", &x, &y));
    ck_assert(uiapp_handle(tw_app, &e));           /* Esc: no */
    ck_assert_int_eq(uiapp_screen(tw_app), UI_MENU);
    e.key.keysym.sym = SDLK_RETURN;
    ck_assert(uiapp_handle(tw_app, &e));           /* Return with no question: the menu's own start */
    ck_assert_int_ne(uiapp_screen(tw_app), UI_MENU);
}
END_TEST

START_TEST(menu_quits_after_yes)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_q;
    ck_assert(uiapp_handle(tw_app, &e));
    e.key.keysym.sym = SDLK_RETURN;
    ck_assert(!uiapp_handle(tw_app, &e));          /* yes: quit */
}
END_TEST

/* ---- the computer's level ------------------------------------------- */

START_TEST(menu_level_reaches_the_computer)
{
    if (!tw_have_scenario())
        return;
    tw_menu_select("emesa-638");
    tw_frame();
    tw_click_button("Level 3");
    tw_click_button("The computer");
    ck_assert_int_eq(uiapp_menu_ai_level(tw_app), 3);
    tw_key(SDLK_RETURN);                           /* Start */
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    /* The player took the first side (the default); the computer plays
     * the other at level 3, and nothing plays the player's side. */
    ck_assert_int_eq(uiapp_ai_level(tw_app, 1), 3);
    ck_assert_int_eq(uiapp_ai_level(tw_app, 0), 0);
    const Game *g = uiapp_game(tw_app);
    size_t nev = g->events.n;
    uint32_t t = 1000;
    for (int k = 0; k < 5000 && g->active != 0 && g->mode != MODE_OVER; k++) {
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, t += 500);
    }
    ck_assert_uint_gt(g->events.n, nev);             /* it played */
    /* Remembered: the next window's menu starts at level 3. */
    tw_remake(0);
    ck_assert_int_eq(uiapp_menu_ai_level(tw_app), 3);
    /* --ai-level preselects; computer against computer plays both sides. */
    tw_remake(1);
    ck_assert_int_eq(uiapp_menu_ai_level(tw_app), 1);
    tw_menu_select("emesa-638");
    tw_frame();
    tw_click_button("Computer vs computer");
    tw_click_button("Start  \xE2\x8F\x8E");
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    ck_assert_int_eq(uiapp_ai_level(tw_app, 0), 1);
    ck_assert_int_eq(uiapp_ai_level(tw_app, 1), 1);
    /* Leaving the game frees its computer players. */
    tw_key(SDLK_ESCAPE);
    tw_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_MENU);
    ck_assert_int_eq(uiapp_ai_level(tw_app, 0), 0);     /* freed with the game */
}
END_TEST

/* --option on the command line reaches the game the menu starts. */
START_TEST(command_line_switches_reach_the_game)
{
    if (!tw_have_scenario())
        return;
    uiapp_free(tw_app);
    ScenarioOptions o = { .n = 0 };
    char why[512];
    ck_assert(scenario_options_add(&o, "no-feint", why, sizeof why));
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tu_src_dir();
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.options = &o;
    tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    ck_assert_msg(tw_app != NULL, "%s", why);
    int i = uiapp_find_scenario(tw_app, "emesa-635");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    ck_assert_uint_ne(g->variant, 0);
    ck_assert(!(g->leaders[game_leader_by_id(g, "khalid")].traits & TRAIT_FEINT));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ui");
    TCase *tc = tcase_create("window");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, tw_teardown);
    tcase_add_test(tc, menu_lists_the_scenarios);
    tcase_add_test(tc, select_move_end_turn);
    tcase_add_test(tc, gate_pixels_follow_the_gate);
    tcase_add_test(tc, computer_plays_its_side);
    tcase_add_test(tc, computer_pace_is_a_setting);
    tcase_add_test(tc, font_path_is_remembered);
    tcase_add_test(tc, menu_read_on_a_thread_is_the_same);
    tcase_add_test(tc, f12_saves_a_screenshot);
    tcase_add_test(tc, help_and_settings_open_and_close);
    tcase_add_test(tc, escape_on_menu_asks_before_quitting);
    tcase_add_test(tc, menu_quits_after_yes);
    tcase_add_test(tc, menu_level_reaches_the_computer);
    tcase_add_test(tc, command_line_switches_reach_the_game);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
