/* bench-window.c - window figures and screenshots for the game window.
 *
 *   bench-window frames DATA_DIR [W H]   frame times while panning and
 *                                        zooming the 638 map in a real
 *                                        window (run it under Xvfb)
 *   bench-window shots DATA_DIR OUT_DIR [W H [SCALE]]
 *                                        screenshots of every screen,
 *                                        drawn on the software renderer
 *   bench-window chronicle DATA_DIR OUT_DIR [W H [SCALE]]
 *                                        the 638 chronicle as a class
 *                                        sees it: menu, checkpoints,
 *                                        pause, the debrief
 *
 * tools/bench-window.sh runs both, and measures start-up, idle CPU and
 * memory on the real `emesa` binary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <SDL.h>
#include "core/effect.h"
#include "core/path.h"
#include "ui/uiapp.h"
#include "demo-theatre.h"
#include "demo-save.h"
#include "demo-shots.h"
#include "ui-events.h"

static UiApp *make(SDL_Window *win, SDL_Renderer *r, const char *data, int scale)
{
    return demo_app(win, r, data, 3, 0, scale, "bench-window");
}

static void shot(UiApp *a, const char *dir, const char *name) { demo_shot(a, dir, name, "bench-window"); }

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: steadier than the wall clock on a busy machine. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void start(UiApp *a, int human, bool hotseat)
{
    char why[512];
    int i = uiapp_find_scenario(a, "emesa-638");
    if (i < 0 || !uiapp_start(a, i, human, hotseat, why, sizeof why)) {
        fprintf(stderr, "bench-window: cannot start the 638 scenario: %s\n", i < 0 ? "not found" : why);
        exit(1);
    }
}

static int frames(const char *data, int w, int h)
{
    const char *rd = getenv("EMESA_RENDERER");
    bool gpu = rd && strcmp(rd, "gpu") == 0;
    if (!gpu) {   /* as ui_run() does */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return fprintf(stderr, "bench-window: %s\n", SDL_GetError()), 1;
    SDL_Window *win = SDL_CreateWindow("Emesa bench", 0, 0, w, h, 0);
    SDL_Renderer *r = NULL;
    if (gpu)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED);
    if (!r)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(r, &info);
    UiApp *a = make(win, r, data, 100);
    start(a, 0, false);
    const Game *g = uiapp_game(a);
    uiapp_center_on(a, hex_from_offset(g->map.width / 2, g->map.height / 2));
    /* Warm the caches at every zoom level first (that is a one-off). */
    for (int z = 0; z < 5; z++) {
        uiapp_set_zoom(a, z);
        uiapp_draw(a);
        SDL_RenderPresent(r);
    }
    enum { N = 300 };
    double t[N], cpu = 0;
    for (int i = 0; i < N; i++) {
        if (i % 60 == 0)
            uiapp_set_zoom(a, (i / 60) % 5);
        int dir = (i / 15) % 4;
        uiapp_pan(a, dir == 0 ? 24 : dir == 2 ? -24 : 0, dir == 1 ? 18 : dir == 3 ? -18 : 0);
        double t0 = now_ms(), c0 = cpu_ms();
        uiapp_draw(a);
        SDL_RenderPresent(r);
        t[i] = now_ms() - t0;
        cpu += cpu_ms() - c0;
    }
    qsort(t, N, sizeof t[0], cmp_d);
    double sum = 0;
    for (int i = 0; i < N; i++)
        sum += t[i];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("renderer %s\n", info.name);
    printf("frame-ms mean %.2f median %.2f p95 %.2f max %.2f (%d frames at %dx%d, panning and zooming)\n", sum / N,
           t[N / 2], t[N * 95 / 100], t[N - 1], N, w, h);
    printf("frame-cpu-ms mean %.2f (this process only, not the X server)\n", cpu / N);
    printf("game-peak-rss-kb %ld\n", ru.ru_maxrss);
    uiapp_free(a);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}

/* The replay viewer, the saves list with a damaged save, and the relief
 * marker on the battle map. */
static void replay_shots(SDL_Renderer *r, const char *data, const char *dir)
{
    char scen[1200], why[600], path[1200];
    snprintf(scen, sizeof scen, "%s/scenarios/emesa-638.lua", data);
    UiApp *a = make(NULL, r, data, 100);
    char *pref = SDL_GetPrefPath("emesa", "emesa");
    snprintf(path, sizeof path, "%sautosave-15.emesa-save", pref ? pref : "/tmp/");
    /* A game long enough to show the relief from Iraq come. */
    int reached = 0;
    bool saved = false;
    for (uint64_t seed = 1; seed <= 30 && reached < 13; seed++)
        saved = demo_save(scen, "scenarios/emesa-638.lua", seed, 15, path, why, sizeof why, &reached);
    if (!saved) {
        fprintf(stderr, "bench-window: no demo save: %s\n", why);
        uiapp_free(a);
        SDL_free(pref);
        return;
    }
    /* A copy with one byte changed. */
    char bad[1200];
    snprintf(bad, sizeof bad, "%sdamaged.emesa-save", pref ? pref : "/tmp/");
    FILE *in = fopen(path, "rb"), *out = fopen(bad, "wb");
    if (in && out) {
        int c, k = 0;
        while ((c = fgetc(in)) != EOF) {
            if (k++ == 900)
                c = c == '7' ? '8' : '7';
            fputc(c, out);
        }
    }
    if (in)
        fclose(in);
    if (out)
        fclose(out);
    SDL_free(pref);
    ue_key(a, SDLK_w);
    shot(a, dir, "replay-list");
    ue_key(a, SDLK_DOWN);               /* the damaged copy (after autosave-15) */
    ue_key(a, SDLK_RETURN);
    shot(a, dir, "replay-damaged");
    if (!uiapp_replay_open(a, path)) {
        fprintf(stderr, "bench-window: %s\n", uiapp_replay_error(a));
        uiapp_free(a);
        return;
    }
    int x, y;
    if (uiapp_replay_turn_screen(a, 6, &x, &y))
        ue_mouse(a, x, y, true);
    for (int i = 0; i < 9; i++)
        ue_key(a, SDLK_RIGHT);
    uiapp_finish_animations(a);
    uiapp_set_zoom(a, 2);
    shot(a, dir, "replay");
    /* The relief from Iraq: rumoured on turn 10, confirmed on 12. */
    if (uiapp_replay_turn_screen(a, 12, &x, &y))
        ue_mouse(a, x, y, true);
    const Game *g = uiapp_game(a);
    uiapp_set_zoom(a, 2);
    uiapp_center_on(a, hex_from_offset(36, 5));
    if (uiapp_hex_screen(a, hex_from_offset(39, 3), &x, &y))
        ue_mouse(a, x, y, false);
    shot(a, dir, "replay-relief");
    (void)g;
    uiapp_free(a);
    /* As the garrison would see it once the rumour has come. */
    a = make(NULL, r, data, 100);
    start(a, 0, false);
    Game *gm = (Game *)uiapp_game(a);
    for (int u = 0; u < gm->nunits; u++)
        if (gm->units[u].status == UNIT_OFF_MAP && gm->units[u].side == 0 && gm->units[u].rumour_turn > 0)
            gm->units[u].rumour_turn = 1;
    uiapp_set_zoom(a, 3);
    uiapp_center_on(a, hex_from_offset(37, 4));
    shot(a, dir, "relief-rumoured");
    uiapp_free(a);
}

static int shots(const char *data, const char *dir, int w, int h, int scale)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return fprintf(stderr, "bench-window: %s\n", SDL_GetError()), 1;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    /* Saves and settings of the pictures' own, not the user's. */
    char home[1100];
    snprintf(home, sizeof home, "%s/home", dir);
    setenv("XDG_DATA_HOME", home, 1);
    UiApp *a = make(NULL, r, data, scale);
    shot(a, dir, "menu");
    {
        int x, y;
        if (uiapp_find_button(a, "Level 3", &x, &y)) {
            ue_mouse(a, x, y, true);
            shot(a, dir, "menu-level3");
        }
        if (uiapp_find_button(a, "Level 2", &x, &y))
            ue_mouse(a, x, y, true);
    }
    start(a, -1, true);      /* both sides human: the side to act is ours */
    ue_key(a, SDLK_RETURN);
    const Game *g = uiapp_game(a);
    uiapp_set_zoom(a, 1);
    shot(a, dir, "map-overview");
    int u = demo_unit_near_enemy(g);
    if (u >= 0) {
        uiapp_set_zoom(a, 3);
        uiapp_center_on(a, g->units[u].hex);
        int x, y;
        uiapp_hex_screen(a, g->units[u].hex, &x, &y);
        ue_mouse(a, x, y, true);
        /* Hover a reachable hex two or three away to show the path. */
        int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
        path_reachable(g, u, reach);
        for (int row = 0; row < g->map.height; row++)
            for (int col = 0; col < g->map.width; col++) {
                Hex hx = hex_from_offset(col, row);
                int ids[4];
                if (reach[row * g->map.width + col] > 0 && hex_distance(hx, g->units[u].hex) == 3 &&
                    game_units_at(g, hx, ids, 4) == 0) {
                    uiapp_hex_screen(a, hx, &x, &y);
                    row = g->map.height;
                    break;
                }
            }
        free(reach);
        ue_mouse(a, x, y, false);
        shot(a, dir, "map-selected");
        ue_key(a, SDLK_c);
        shot(a, dir, "map-coords");
        ue_key(a, SDLK_c);
    }
    ue_key(a, SDLK_F1);
    shot(a, dir, "help");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_SPACE);
    shot(a, dir, "confirm-end-turn");
    ue_key(a, SDLK_ESCAPE);
    uiapp_free(a);
    a = make(NULL, r, data, 150);
    start(a, -1, true);
    shot(a, dir, "hotseat-handover");
    ue_key(a, SDLK_RETURN);
    ue_key(a, SDLK_F10);
    shot(a, dir, "settings-150");
    ue_key(a, SDLK_ESCAPE);
    uiapp_free(a);
    a = make(NULL, r, data, scale);
    start(a, 0, false);
    Game *gm = (Game *)uiapp_game(a);
    /* Play eight turns against the computer (the player's side ends its
     * turns) for a debrief with a chart. */
    uint32_t t = 1000;
    for (int k = 0; k < 8000 && gm->turn < 9 && gm->mode != MODE_OVER; k++) {
        if (gm->active == 0 && !uiapp_asking_terms(a)) {
            ue_key(a, SDLK_SPACE);
            ue_key(a, SDLK_RETURN);
        }
        if (uiapp_asking_terms(a))
            ue_key(a, SDLK_ESCAPE);
        uiapp_finish_animations(a);
        uiapp_tick(a, t += 2000);
        gm = (Game *)uiapp_game(a);
    }
    effect_end_game(gm, 0, "historical", "Emesa held; the coalition went home (picture made by bench-window).");
    for (int k = 0; k < 10; k++)
        uiapp_tick(a, t += 100);
    shot(a, dir, "debrief");
    uiapp_free(a);
    /* The theatre, the timeline and the siege panel on a hand-built
     * theatre (the 638 file does not fill one yet). */
    a = make(NULL, r, data, scale);
    start(a, -1, true);
    ue_key(a, SDLK_RETURN);
    gm = (Game *)uiapp_game(a);
    if (gm->siege.nplaces == 0)
        demo_theatre(gm);
    /* Play the coalition's part of turn 1 away so the Rashidun act; it
     * offers generous terms first, and the garrison is asked. */
    demo_terms_offered(a);
    uiapp_set_zoom(a, 2);
    shot(a, dir, "siege-panel");
    uiapp_tick(a, 1000);
    if (uiapp_asking_terms(a))
        shot(a, dir, "terms-question");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_o);
    shot(a, dir, "objectives");
    ue_key(a, SDLK_o);
    ue_key(a, SDLK_SPACE);
    shot(a, dir, "confirm-end-garrison");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_t);
    shot(a, dir, "theatre");
    {
        /* Orders: pick the column waiting at Kufa, then Hit. */
        int x, y, c = siege_column_by_id(&gm->siege, "abdallah"), hit = siege_place_by_id(&gm->siege, "hit");
        if (c >= 0 && hit >= 0 && uiapp_theatre_column_screen(a, c, &x, &y)) {
            ue_mouse(a, x, y, true);
            uiapp_theatre_place_screen(a, hit, &x, &y);
            ue_mouse(a, x, y, true);
            if (uiapp_find_button(a, "Mounted", &x, &y))
                ue_mouse(a, x, y, false);
            shot(a, dir, "theatre-orders");
        }
    }
    ue_key(a, SDLK_r);
    shot(a, dir, "timeline");
    ue_key(a, SDLK_r);
    uiapp_free(a);
    a = make(NULL, r, data, scale);
    start(a, 1, false);
    gm = (Game *)uiapp_game(a);
    if (gm->siege.nplaces == 0)
        demo_theatre(gm);
    ue_key(a, SDLK_t);
    shot(a, dir, "theatre-coalition");
    uiapp_free(a);
    replay_shots(r, data, dir);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    SDL_Quit();
    return 0;
}

/* Ticks until the chronicle's banner shows for turn >= min_turn (Space past
 * earlier ones) or the game ends. */
static bool chronicle_until(UiApp *a, uint32_t *t, int min_turn)
{
    char b[4096];
    for (int k = 0; k < 200000; k++) {
        const Game *g = uiapp_game(a);
        if (!g || g->mode == MODE_OVER)
            return false;
        if (uiapp_chronicle_banner(a, b, sizeof b)) {
            if (g->turn >= min_turn)
                return true;
            ue_key(a, SDLK_SPACE);
        } else if (uiapp_lesson_dispute(a, b, sizeof b)) {
            ue_key(a, SDLK_SPACE);     /* a disputed point of the turn: read on */
        }
        uiapp_finish_animations(a);
        uiapp_tick(a, *t += 5000);
    }
    return false;
}

static int chronicle_shots(const char *data, const char *dir, int w, int h, int scale)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return fprintf(stderr, "bench-window: %s\n", SDL_GetError()), 1;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    char home[1100];
    snprintf(home, sizeof home, "%s/home", dir);
    setenv("XDG_DATA_HOME", home, 1);
    UiApp *a = make(NULL, r, data, scale);
    int x, y;
    int i = uiapp_find_scenario(a, "emesa-638");
    for (int k = 0; k < i; k++)
        ue_key(a, SDLK_DOWN);
    if (uiapp_find_button(a, "Level 2", &x, &y))
        ue_mouse(a, x, y, true);
    if (uiapp_find_button(a, "Chronicle", &x, &y))
        ue_mouse(a, x, y, true);
    shot(a, dir, "chronicle-menu");
    ue_key(a, SDLK_RETURN);
    if (!uiapp_game(a)) {
        fprintf(stderr, "bench-window: the chronicle did not start\n");
        return 1;
    }
    uint32_t t = 1000;
    uiapp_set_zoom(a, 2);
    if (chronicle_until(a, &t, 1))
        shot(a, dir, "chronicle-t1-coalition");
    ue_key(a, SDLK_SPACE);
    if (chronicle_until(a, &t, 1))
        shot(a, dir, "chronicle-t1-rashidun");
    ue_key(a, SDLK_RIGHT);
    uiapp_tick(a, t += 5000);
    shot(a, dir, "chronicle-paused");
    ue_key(a, SDLK_SPACE);
    if (chronicle_until(a, &t, 10)) {
        shot(a, dir, "chronicle-t10");
        ue_key(a, SDLK_t);
        shot(a, dir, "chronicle-t10-theatre");
        ue_key(a, SDLK_t);
    }
    if (chronicle_until(a, &t, 13))
        shot(a, dir, "chronicle-t13");
    ue_key(a, SDLK_SPACE);
    chronicle_until(a, &t, 99);
    for (int k = 0; k < 10; k++)
        uiapp_tick(a, t += 100);
    shot(a, dir, "chronicle-debrief");
    uiapp_free(a);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    SDL_Quit();
    return 0;
}

int main(int argc, char **argv)
{
#ifdef EMESA_BUILD_PO
    ui_lang_bind(EMESA_BUILD_PO);   /* LANGUAGE=ar takes the screenshots in Arabic */
#endif
    if (argc >= 3 && strcmp(argv[1], "frames") == 0)
        return frames(argv[2], argc >= 5 ? atoi(argv[3]) : 1920, argc >= 5 ? atoi(argv[4]) : 1080);
    if (argc >= 4 && strcmp(argv[1], "shots") == 0)
        return shots(argv[2], argv[3], argc >= 6 ? atoi(argv[4]) : 1600, argc >= 6 ? atoi(argv[5]) : 1000,
                     argc >= 7 ? atoi(argv[6]) : 100);
    if (argc >= 4 && strcmp(argv[1], "chronicle") == 0)
        return chronicle_shots(argv[2], argv[3], argc >= 6 ? atoi(argv[4]) : 1920, argc >= 6 ? atoi(argv[5]) : 1080,
                               argc >= 7 ? atoi(argv[6]) : 100);
    fprintf(stderr, "usage: bench-window frames DATA_DIR [W H] | shots DATA_DIR OUT_DIR [W H [SCALE]] | "
                    "chronicle DATA_DIR OUT_DIR [W H [SCALE]]\n");
    return 2;
}
