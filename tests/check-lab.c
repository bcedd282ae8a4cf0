/* check-lab.c - the window's classroom screens driven like a teacher
 * would, on the software renderer with SDL_VIDEODRIVER=dummy: the What if?
 * screen (a batch on worker threads, its chart, watching a game of it,
 * cancelling), the chronicle as a lesson (a disputed point on its turn,
 * turning back, jumping, the debrief's scrolling) and the window's
 * chronicle being the command line's game. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <SDL.h>
#include "ui/uiapp.h"
#include "sim/headless.h"
#include "testutil.h"
#include "testwin.h"

static void setup(void)
{
    tw_setup("check-ui");
}

/* The window's chronicle is the command line's: the same scenario, seed
 * and level give the same game (same end turn and final hash) as
 * `emesa --headless --chronicle --ai all --seed 1 --ai-level L`. Before,
 * the window seeded its computer players differently and played another
 * game (638 seed 1: 3 homes taken, 20 SP lost against 2 and 7). */
START_TEST(window_chronicle_is_the_command_lines)
{
    if (!tw_have_scenario())
        return;
    for (int level = 1; level <= 2; level++) {
        uiapp_free(tw_app);
        UiConfig cfg;
        memset(&cfg, 0, sizeof cfg);
        cfg.data_dir = tu_src_dir();
        cfg.seed = 1;
        cfg.ai_side = -1;
        cfg.ai_level = level;
        cfg.scale_pct = 100;
        char why[512];
        tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
        ck_assert_msg(tw_app != NULL, "%s", why);
        int i = uiapp_find_scenario(tw_app, "emesa-638");
        ck_assert_int_ge(i, 0);
        ck_assert_msg(uiapp_start_chronicle(tw_app, i, why, sizeof why), "%s", why);
        uint32_t t = 1000;
        for (int k = 0; k < 400000 && uiapp_game(tw_app)->mode != MODE_OVER; k++) {
            uiapp_finish_animations(tw_app);
            if (uiapp_paused(tw_app))
                tw_key(SDLK_SPACE);
            uiapp_tick(tw_app, t += 5000);
        }
        const Game *g = uiapp_game(tw_app);
        ck_assert_int_eq(g->mode, MODE_OVER);
        HeadlessResult r;
        HeadlessOptions o;
        memset(&o, 0, sizeof o);
        o.scenario = tw_scen_path;
        o.data_dir = cfg.data_dir;
        o.seed = 1;
        o.ai = "all";
        o.ai_level = level;
        o.quiet = true;
        o.chronicle = true;
        o.result = &r;
        FILE *sink = fopen("/dev/null", "w");
        ck_assert_ptr_nonnull(sink);
        ck_assert_int_eq(headless_run(&o, sink, sink), 0);
        fclose(sink);
        ck_assert_int_eq(g->turn, r.turn);
        ck_assert_msg(game_hash(g) == r.hash, "level %d: window %016llx, command line %016llx", level,
                      (unsigned long long)game_hash(g), (unsigned long long)r.hash);
        ck_assert_int_eq(g->sides[0].sp_lost, r.sp_lost[0]);
        ck_assert_int_eq(g->sides[1].sp_lost, r.sp_lost[1]);
    }
}
END_TEST

/* Ticks the app until its What-if batch ends (at most about 120 s). */
static void whatif_wait(void)
{
    for (int k = 0; k < 1200 && uiapp_whatif_running(tw_app); k++) {
        nanosleep(&(struct timespec){ 0, 100000000L }, NULL);
        uiapp_tick(tw_app, SDL_GetTicks());
    }
}

/* Pixels of colour c (within 24 per channel) in the rectangle. */
static int colour_pixels(uint32_t c, int x0, int y0, int x1, int y1)
{
    int n = 0;
    for (int y = y0; y < y1 && y < H; y++)
        for (int x = x0; x < x1 && x < W; x++) {
            uint32_t p = tw_px(x, y);
            int dr = (int)((p >> 16) & 255) - (int)((c >> 16) & 255), dg = (int)((p >> 8) & 255) - (int)((c >> 8) & 255),
                db = (int)(p & 255) - (int)(c & 255);
            n += dr > -24 && dr < 24 && dg > -24 && dg < 24 && db > -24 && db < 24;
        }
    return n;
}

/* The What if? screen from the menu: the 635 scenario, the "no hope of
 * relief" switch ticked, 20 games at level 1, Run. Both setups are
 * played on worker threads while the window goes on answering; the chart
 * shows two sets of bars, the shares add up, and the game of seed 2 with
 * the switch is the one the headless runner plays with --option. */
START_TEST(whatif_runs_and_charts_two_setups)
{
    if (!tw_have_scenario())
        return;
    tw_remake(1);
    tw_frame();
    tw_click_button("What if?  (Y)");
    ck_assert_int_eq(uiapp_screen(tw_app), UI_WHATIF);
    tw_frame();
    tw_click_button("Every cold day: Emesa, winter 635-636");
    tw_frame();
    tw_click_button("No hope of relief");
    tw_click_button("20");
    tw_click_button("1");
    tw_frame();
    int cx, cy;
    ck_assert(uiapp_find_button(tw_app, "Run  \xE2\x8F\x8E", &cx, &cy));
    tw_click(cx, cy);
    ck_assert(uiapp_whatif_running(tw_app));
    /* The window answers while the games are played: a frame, a key. */
    tw_frame();
    ck_assert(uiapp_find_button(tw_app, "Cancel", &cx, &cy));
    ck_assert_int_ge(uiapp_next_wake(tw_app, SDL_GetTicks()), 0);
    whatif_wait();
    ck_assert(!uiapp_whatif_running(tw_app));
    ck_assert_msg(uiapp_whatif_setups(tw_app) == 2, "%s", uiapp_whatif_status(tw_app));
    for (int s = 0; s < 2; s++) {
        double sum = 0, sh, lo, hi, med;
        for (int o = 0; o < 3; o++) {
            ck_assert(uiapp_whatif_share(tw_app, s, o, &sh, &lo, &hi, &med));
            ck_assert(lo <= sh && sh <= hi);
            sum += sh;
        }
        ck_assert_double_eq_tol(sum, 1.0, 1e-9);
        ck_assert(med >= 1);
    }
    HeadlessResult r;
    HeadlessOptions o;
    memset(&o, 0, sizeof o);
    char p635[1200];
    snprintf(p635, sizeof p635, "%s/scenarios/emesa-635.lua", tu_src_dir());
    o.scenario = p635;
    o.seed = 2;
    o.ai = "all";
    o.ai_level = 1;
    o.quiet = true;
    o.result = &r;
    char why[256];
    ck_assert(scenario_options_add(&o.options, "no-heraclius-hope", why, sizeof why));
    FILE *sink = fopen("/dev/null", "w");
    ck_assert_int_eq(headless_run(&o, sink, sink), 0);
    ck_assert(uiapp_whatif_hash(tw_app, 1, 2) == r.hash);
    memset(&o.options, 0, sizeof o.options);
    ck_assert_int_eq(headless_run(&o, sink, sink), 0);
    fclose(sink);
    ck_assert(uiapp_whatif_hash(tw_app, 0, 2) == r.hash);
    /* Both setups' bars are drawn in their colours on the chart's side. */
    SDL_Event mv;
    memset(&mv, 0, sizeof mv);
    mv.type = SDL_MOUSEMOTION;
    mv.motion.x = mv.motion.y = 5;     /* no tooltip over the chart */
    uiapp_handle(tw_app, &mv);
    tw_frame();
    int blue = colour_pixels(0x86a8d0, W / 3, 0, W, H), amber = colour_pixels(0xe8a63a, W / 3, 0, W, H);
    ck_assert_msg(blue > 2000 && amber > 2000, "as it was %d px, with the switch %d px", blue, amber);
    /* A bar of the end-turn histogram opens one of its games in the
     * replay viewer: played to its end it is a game of the batch. */
    int bx = -1, by = -1;
    for (int y = H - 30; y > H / 2 && bx < 0; y -= 2)
        for (int x = W / 3; x < W && bx < 0; x++)
            if (colour_pixels(0xe8a63a, x, y, x + 1, y + 1))
                bx = x, by = y;
    ck_assert_int_ge(bx, 0);
    tw_click(bx + 1, by);
    ck_assert_msg(uiapp_replaying(tw_app), "%s", uiapp_whatif_status(tw_app));
    tw_key(SDLK_END);
    uint64_t end = game_hash(uiapp_game(tw_app));
    bool found = false;
    for (int seed = 1; seed <= 20; seed++)
        found = found || uiapp_whatif_hash(tw_app, 1, seed) == end;
    ck_assert(found);
    ck_assert(uiapp_whatif_open(tw_app));
    tw_frame();
    /* Cancel: a long batch stops at once and the last chart stays. */
    tw_click_button("200");
    ck_assert(uiapp_find_button(tw_app, "Run  \xE2\x8F\x8E", &cx, &cy));
    tw_click(cx, cy);
    ck_assert(uiapp_whatif_running(tw_app));
    tw_frame();
    tw_click_button("Cancel");
    ck_assert(!uiapp_whatif_running(tw_app));
    ck_assert_msg(strstr(uiapp_whatif_status(tw_app), "Cancelled"), "%s", uiapp_whatif_status(tw_app));
    ck_assert_int_eq(uiapp_whatif_setups(tw_app), 2);
    ck_assert(uiapp_whatif_hash(tw_app, 1, 2) != 0);
    /* Idle again: the window waits for input. */
    ck_assert_int_eq(uiapp_next_wake(tw_app, SDL_GetTicks() + 60000), -1);   /* past any notice */
    tw_key(SDLK_ESCAPE);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_MENU);
}
END_TEST

/* Ticks the chronicle, reading on past banners and disputed points, until
 * turn t begins or the game ends. */
static void chronicle_to_turn(uint32_t *t, int turn)
{
    char b[4096];
    for (int k = 0; k < 400000; k++) {
        const Game *g = uiapp_game(tw_app);
        if (!g || g->mode == MODE_OVER || g->turn >= turn)
            return;
        uiapp_finish_animations(tw_app);
        if (uiapp_paused(tw_app))
            tw_key(SDLK_SPACE);
        (void)b;
        uiapp_tick(tw_app, *t += 5000);
    }
}

/* The chronicle as a lesson: the disputed points placed on turn 2 show on
 * the map then and the computer waits for them; the teacher turns back a
 * turn and jumps within the game played, goes back to the live game and
 * jumps ahead; and none of it changes the game: it ends with the hash the
 * command line's chronicle gives. */
START_TEST(chronicle_lesson_back_jump_disputes)
{
    if (!tw_have_scenario())
        return;
    tw_remake(2);
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    char why[512], b[4096];
    ck_assert_msg(uiapp_start_chronicle(tw_app, i, why, sizeof why), "%s", why);
    uint32_t t = 1000;
    /* Turn 2: after the chronicle's banner, the disputed points. */
    bool seen = false;
    for (int k = 0; k < 4000 && !seen; k++) {
        uiapp_finish_animations(tw_app);
        if (uiapp_chronicle_banner(tw_app, b, sizeof b))
            tw_key(SDLK_SPACE);
        uiapp_tick(tw_app, t += 5000);
        seen = uiapp_lesson_dispute(tw_app, b, sizeof b);
    }
    ck_assert(seen);
    ck_assert_int_eq(uiapp_game(tw_app)->turn, 2);
    ck_assert_msg(strstr(b, "turn 2: Where did the Muslims wait?") && strstr(b, "[S1]") && strstr(b, "[TB; IA]"), "%s", b);
    ck_assert(uiapp_paused(tw_app));
    size_t nev = uiapp_game(tw_app)->events.n;
    for (int k = 0; k < 10; k++)
        uiapp_tick(tw_app, t += 5000);
    ck_assert_uint_eq(uiapp_game(tw_app)->events.n, nev);
    /* On the map: the card's light text and its button. */
    tw_frame();
    int cx, cy;
    ck_assert(uiapp_find_button(tw_app, "Go on  (Space)", &cx, &cy));
    ck_assert_int_gt(tw_light_pixels(0, W - 340, 60, cy - 40), 300);
    tw_key(SDLK_n);
    ck_assert(uiapp_lesson_dispute(tw_app, b, sizeof b));
    ck_assert_msg(strstr(b, "Who besieged Emesa?"), "%s", b);
    tw_key(SDLK_SPACE);
    ck_assert(!uiapp_lesson_dispute(tw_app, b, sizeof b));
    chronicle_to_turn(&t, 5);
    const Game *g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, 5);
    uint64_t live = game_hash(g);
    size_t live_events = g->events.n;
    /* Back a turn: the game so far, from turn 4's start, in the viewer. */
    tw_frame();
    tw_click_button("\xE2\x97\x80 Turn back");
    ck_assert(uiapp_lesson_rewound(tw_app));
    ck_assert(uiapp_replaying(tw_app));
    ck_assert_int_eq(uiapp_game(tw_app)->turn, 4);
    ck_assert_uint_lt(uiapp_game(tw_app)->events.n, live_events);
    /* Jump to turn 2 within it, then back to the live game as it stood. */
    ck_assert(uiapp_lesson_jump(tw_app, 2));
    ck_assert_int_eq(uiapp_game(tw_app)->turn, 2);
    tw_frame();
    ck_assert(uiapp_find_button(tw_app, "turn 2", &cx, &cy));   /* the viewer's turn strip */
    tw_key(SDLK_ESCAPE);
    ck_assert(!uiapp_lesson_rewound(tw_app));
    ck_assert(!uiapp_replaying(tw_app));
    ck_assert(game_hash(uiapp_game(tw_app)) == live);
    ck_assert_uint_eq(uiapp_game(tw_app)->events.n, live_events);
    ck_assert(uiapp_paused(tw_app));
    /* Ahead: the computer plays on to turn 9 and pauses there. */
    ck_assert(uiapp_lesson_jump(tw_app, 9));
    ck_assert_int_eq(uiapp_game(tw_app)->turn, 9);
    ck_assert(uiapp_paused(tw_app));
    chronicle_to_turn(&t, 999);
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->mode, MODE_OVER);
    HeadlessResult r;
    HeadlessOptions o;
    memset(&o, 0, sizeof o);
    o.scenario = tw_scen_path;
    o.seed = 7;
    o.ai = "all";
    o.ai_level = 2;
    o.quiet = true;
    o.chronicle = true;
    o.result = &r;
    FILE *sink = fopen("/dev/null", "w");
    ck_assert_int_eq(headless_run(&o, sink, sink), 0);
    fclose(sink);
    ck_assert_int_eq(g->turn, r.turn);
    ck_assert(game_hash(g) == r.hash);
    /* The debrief: its history column (the 10 disputed points, then the
     * notes) scrolls; every point can be brought into view. */
    uiapp_finish_animations(tw_app);
    uiapp_tick(tw_app, t += 5000);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_DEBRIEF);
    tw_frame();
    int first, shown, total;
    uiapp_debrief_history(tw_app, &first, &shown, &total);
    ck_assert_int_eq(first, 0);
    ck_assert_int_ge(total, 10 + 5);
    ck_assert_int_ge(shown, 1);
    ck_assert_int_lt(shown, total);
    int lit = tw_light_pixels(W / 2, W, H / 2 - 100, H / 2 + 100);
    int seen_to = shown;
    for (int k = 0; k < 9 && seen_to < 10; k++) {
        tw_key(SDLK_DOWN);
        tw_frame();
        uiapp_debrief_history(tw_app, &first, &shown, &total);
        ck_assert_int_eq(first, k + 1);
        ck_assert_int_ge(shown, 1);
        if (first + shown > seen_to)
            seen_to = first + shown;
    }
    ck_assert_int_ge(seen_to, 10);
    ck_assert_int_ne(tw_light_pixels(W / 2, W, H / 2 - 100, H / 2 + 100), lit);
    SDL_Event wh;
    memset(&wh, 0, sizeof wh);
    wh.type = SDL_MOUSEWHEEL;
    wh.wheel.y = 40;
    uiapp_handle(tw_app, &wh);
    tw_frame();
    uiapp_debrief_history(tw_app, &first, &shown, &total);
    ck_assert_int_eq(first, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lab");
    TCase *tc = tcase_create("classroom");
    tcase_add_checked_fixture(tc, setup, tw_teardown);
    tcase_add_test(tc, window_chronicle_is_the_command_lines);
    tcase_add_test(tc, whatif_runs_and_charts_two_setups);
    tcase_add_test(tc, chronicle_lesson_back_jump_disputes);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
