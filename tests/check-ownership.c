/* check-ownership.c - the window keeps no pointer into the scenario or
 * the game across a call that rebuilds them (undo, redo, load). Driven
 * like a player on the software renderer with SDL_VIDEODRIVER=dummy and
 * fresh settings in a temporary XDG_DATA_HOME; the events go through
 * SDL's own queue (SDL_PushEvent) as the window's loop takes them. Under
 * AddressSanitizer a stale pointer is a heap-use-after-free; without it,
 * a banner that changed its text. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "ui/uiapp.h"
#include "testutil.h"
#include "testwin.h"

static uint32_t now_ms = 1000;

static void setup(void)
{
    tw_setup("check-own");
}

static void teardown(void)
{
    tw_teardown();
    ck_assert(tu_rmtree(tw_home));
}

/* Queues a key press, then lets the app take every queued event and draw
 * a frame, as ui_run's loop does. */
static void press(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    ck_assert_int_eq(SDL_PushEvent(&e), 1);
    uiapp_pump(tw_app, now_ms);
}

/* Ticks (five seconds a step, animations skipped) until the chronicle
 * banner shows; true if it does. */
static bool wait_for_banner(char *b, size_t n)
{
    for (int k = 0; k < 400; k++) {
        uiapp_finish_animations(tw_app);
        uiapp_pump(tw_app, now_ms += 5000);
        if (uiapp_chronicle_banner(tw_app, b, n))
            return true;
    }
    return false;
}

/* Issue 16's repro: fresh settings, h h h in the menu (the opponent
 * becomes the Chronicle), Return, the banner, then Ctrl+Z. The banner's
 * notes were pointers into the scenario that undo frees. */
START_TEST(chronicle_banner_survives_undo)
{
    press(SDLK_h, 0);
    press(SDLK_h, 0);
    press(SDLK_h, 0);
    press(SDLK_RETURN, 0);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    char before[4096], after[4096];
    /* Checkpoints until one whose last command may be undone (a step
     * that only sets the computer's plan leaves nothing to undo). */
    bool undone = false;
    for (int k = 0; k < 40 && !undone; k++) {
        ck_assert(wait_for_banner(before, sizeof before));
        ck_assert_msg(strstr(before, "Order: ") && strstr(before, "["), "%s", before);
        /* Ctrl+Z, then a frame drawn with the banner over the map. */
        press(SDLK_z, KMOD_LCTRL);
        undone = strstr(uiapp_status(tw_app), "Undone") != NULL;
        if (!undone)
            press(SDLK_SPACE, 0);
    }
    ck_assert_msg(undone, "no checkpoint could be undone: %s", uiapp_status(tw_app));
    uiapp_pump(tw_app, now_ms += 16);
    ck_assert(uiapp_chronicle_banner(tw_app, after, sizeof after));
    ck_assert_str_eq(after, before);
    /* Redo rebuilds the game again. */
    press(SDLK_y, KMOD_LCTRL);
    ck_assert_msg(strstr(uiapp_status(tw_app), "Done again") != NULL, "%s", uiapp_status(tw_app));
    uiapp_pump(tw_app, now_ms += 16);
    ck_assert(uiapp_chronicle_banner(tw_app, after, sizeof after));
    ck_assert_str_eq(after, before);
}
END_TEST

/* A quick save and load of a chronicle game at its checkpoint: the loaded
 * game is a new session and the old one's banner goes with it. */
START_TEST(quickload_drops_the_old_banner)
{
    press(SDLK_h, 0);
    press(SDLK_h, 0);
    press(SDLK_h, 0);
    press(SDLK_RETURN, 0);
    char b[4096];
    ck_assert(wait_for_banner(b, sizeof b));
    press(SDLK_F5, 0);
    ck_assert_msg(strstr(uiapp_status(tw_app), "Saved") != NULL, "%s", uiapp_status(tw_app));
    press(SDLK_F9, 0);
    ck_assert_msg(strstr(uiapp_status(tw_app), "Loaded") != NULL, "%s", uiapp_status(tw_app));
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    ck_assert(!uiapp_chronicle_banner(tw_app, b, sizeof b));
    uiapp_pump(tw_app, now_ms += 16);
    const Game *g = uiapp_game(tw_app);
    ck_assert_ptr_nonnull(g);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ownership");
    TCase *tc = tcase_create("window");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, chronicle_banner_survives_undo);
    tcase_add_test(tc, quickload_drops_the_old_banner);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
