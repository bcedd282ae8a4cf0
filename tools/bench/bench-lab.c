/* bench-lab.c - screenshots of the classroom screens, drawn on the
 * software renderer (SDL_VIDEODRIVER=dummy):
 *
 *   bench-lab whatif DATA_DIR OUT_DIR [W H [SCALE [GAMES]]]
 *        the What if? screen: empty, a batch running, the 638 results as
 *        it was against no counter-siege (GAMES 20, 50, 100 or 200)
 *   bench-lab lesson DATA_DIR OUT_DIR [W H [SCALE]]
 *        the 638 chronicle as a lesson: a disputed point during play, the
 *        turn strip after stepping back, the debrief's disputes scrolled
 *
 * XDG_DATA_HOME is set to OUT_DIR/home so the user's settings stay out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <SDL.h>
#include "ui/uiapp.h"
#include "demo-shots.h"
#include "ui-events.h"

static UiApp *make(SDL_Renderer *r, const char *data, int scale)
{
    return demo_app(NULL, r, data, 1, 2, scale, "bench-lab");
}

static void shot(UiApp *a, const char *dir, const char *name) { demo_shot(a, dir, name, "bench-lab"); }

static bool press(UiApp *a, const char *label)
{
    int x, y;
    if (!uiapp_find_button(a, label, &x, &y)) {
        fprintf(stderr, "bench-lab: no button '%s'\n", label);
        return false;
    }
    ue_mouse(a, x, y, true);
    return true;
}

static void sleep_ms(int ms)
{
    nanosleep(&(struct timespec){ ms / 1000, (long)(ms % 1000) * 1000000L }, NULL);
}

static int whatif_shots(UiApp *a, const char *dir, int games)
{
    int i = uiapp_find_scenario(a, "emesa-638");
    for (int k = 0; k < 40; k++)
        ue_key(a, SDLK_UP);
    for (int k = 0; k < i; k++)
        ue_key(a, SDLK_DOWN);
    shot(a, dir, "lab-menu");
    if (!press(a, "What if?  (Y)"))
        return 1;
    press(a, "The Jazira comes to Homs (637-638)");
    shot(a, dir, "whatif-empty");
    char g[16];
    snprintf(g, sizeof g, "%d", games);
    press(a, g);
    press(a, "2");
    if (!press(a, "No counter-siege"))
        return 1;
    ue_key(a, SDLK_RETURN);
    sleep_ms(1500);
    uiapp_tick(a, SDL_GetTicks());
    shot(a, dir, "whatif-running");
    while (uiapp_whatif_running(a)) {
        sleep_ms(200);
        uiapp_tick(a, SDL_GetTicks());
    }
    ue_mouse(a, 5, 5, false);
    shot(a, dir, "whatif-results");
    printf("status: %s\n", uiapp_whatif_status(a));
    for (int s = 0; s < uiapp_whatif_setups(a); s++) {
        double sh, lo, hi, med;
        for (int o = 0; o < 3; o++)
            if (uiapp_whatif_share(a, s, o, &sh, &lo, &hi, &med))
                printf("setup %d outcome %d: %.1f %% (%.1f-%.1f), median end turn %g\n", s, o, 100 * sh, 100 * lo,
                       100 * hi, med);
    }
    return 0;
}

/* Ticks the chronicle until turn t begins, reading on past the banners
 * and the disputed points of turns before it; stops early at a disputed
 * point of turn t itself. */
static void chronicle_to(UiApp *a, uint32_t *t, int turn)
{
    char b[4096];
    for (int k = 0; k < 400000; k++) {
        const Game *g = uiapp_game(a);
        if (!g || g->mode == MODE_OVER || (g->turn >= turn && uiapp_lesson_dispute(a, b, sizeof b)))
            return;
        if (g->turn >= turn && uiapp_chronicle_banner(a, b, sizeof b))
            return;
        uiapp_finish_animations(a);
        if (uiapp_paused(a))
            ue_key(a, SDLK_SPACE);
        uiapp_tick(a, *t += 5000);
    }
}

static int lesson_shots(UiApp *a, const char *dir)
{
    char why[512];
    int i = uiapp_find_scenario(a, "emesa-638");
    if (i < 0 || !uiapp_start_chronicle(a, i, why, sizeof why)) {
        fprintf(stderr, "bench-lab: the chronicle did not start: %s\n", why);
        return 1;
    }
    uint32_t t = 1000;
    uiapp_set_zoom(a, 2);
    char b[4096];
    chronicle_to(a, &t, 2);
    shot(a, dir, "lesson-t2-banner");
    for (int k = 0; k < 4 && !uiapp_lesson_dispute(a, b, sizeof b); k++) {
        ue_key(a, SDLK_SPACE);
        chronicle_to(a, &t, 2);
    }
    ue_mouse(a, 5, 5, false);
    shot(a, dir, "lesson-t2-dispute");
    chronicle_to(a, &t, 13);
    for (int k = 0; k < 4 && !uiapp_lesson_dispute(a, b, sizeof b); k++) {
        ue_key(a, SDLK_SPACE);
        chronicle_to(a, &t, 13);
    }
    shot(a, dir, "lesson-t13-dispute");
    ue_key(a, SDLK_SPACE);
    ue_key(a, SDLK_j);
    shot(a, dir, "lesson-picker");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_LEFT);
    shot(a, dir, "lesson-turned-back");
    ue_key(a, SDLK_ESCAPE);
    chronicle_to(a, &t, 999);
    for (int k = 0; k < 10; k++)
        uiapp_tick(a, t += 100);
    shot(a, dir, "lesson-debrief");
    for (int k = 0; k < 3; k++)
        ue_key(a, SDLK_DOWN);
    shot(a, dir, "lesson-debrief-scrolled");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench-lab whatif|lesson DATA_DIR OUT_DIR [W H [SCALE [GAMES]]]\n");
        return 2;
    }
    int w = argc > 5 ? atoi(argv[4]) : 1280, h = argc > 5 ? atoi(argv[5]) : 800;
    int scale = argc > 6 ? atoi(argv[6]) : 150, games = argc > 7 ? atoi(argv[7]) : 50;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    char home[1100];
    snprintf(home, sizeof home, "%s/home", argv[3]);
    setenv("XDG_DATA_HOME", home, 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return fprintf(stderr, "bench-lab: %s\n", SDL_GetError()), 1;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    UiApp *a = make(r, argv[2], scale);
    int st = 2;
    if (strcmp(argv[1], "whatif") == 0)
        st = whatif_shots(a, argv[3], games);
    else if (strcmp(argv[1], "lesson") == 0)
        st = lesson_shots(a, argv[3]);
    else
        fprintf(stderr, "bench-lab: unknown mode %s\n", argv[1]);
    uiapp_free(a);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    SDL_Quit();
    return st;
}
