/* demo-shots.h - what the screenshot tools (bench-window, bench-lab) and
 * the layout test share: an app on the menu, a screenshot into a folder,
 * and the unit that makes a telling picture (a header so tests and tools
 * can use it without a library of their own, like demo-save.h). */
#pragma once
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL.h>
#include "core/game.h"
#include "ui/uiapp.h"
#include "ui-events.h"

/* An app on the menu over data with this seed, computer level and scale
 * (no computer side); on failure prints "<tool>: why" and exits 1. */
static inline UiApp *demo_app(SDL_Window *win, SDL_Renderer *r, const char *data, uint64_t seed, int ai_level,
                              int scale, const char *tool)
{
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = data;
    cfg.seed = seed;
    cfg.ai_side = -1;
    cfg.ai_level = ai_level;
    cfg.scale_pct = scale;
    char why[512];
    UiApp *a = uiapp_new(win, r, &cfg, why, sizeof why);
    if (!a) {
        fprintf(stderr, "%s: %s\n", tool, why);
        exit(1);
    }
    return a;
}

/* Saves the app's picture as dir/name.png and prints its path (or a
 * warning naming tool). */
static inline void demo_shot(UiApp *a, const char *dir, const char *name, const char *tool)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    if (!uiapp_screenshot(a, path))
        fprintf(stderr, "%s: cannot save %s: %s\n", tool, path, SDL_GetError());
    else
        printf("%s\n", path);
}

/* The unit of the side to act, with movement left, nearest an enemy; -1
 * if none. */
static inline int demo_unit_near_enemy(const Game *g)
{
    int best = -1, bd = 1 << 30;
    for (int u = 0; u < g->nunits; u++) {
        if (g->units[u].side != g->active || g->units[u].status != UNIT_ON_MAP || g->units[u].mp <= 0)
            continue;
        for (int e = 0; e < g->nunits; e++) {
            if (g->units[e].side == g->active || g->units[e].status != UNIT_ON_MAP)
                continue;
            int d = hex_distance(g->units[u].hex, g->units[e].hex);
            if (d < bd) {
                bd = d;
                best = u;
            }
        }
    }
    return best;
}

/* In the 638 game with the besiegers (side 0) not to act: they offer
 * generous terms if the button is there, end their turn and the hand-over
 * is passed, so that the garrison is asked. */
static inline void demo_terms_offered(UiApp *a)
{
    if (uiapp_game(a)->active == 0)
        return;
    int x, y;
    if (uiapp_find_button(a, "Generous", &x, &y))
        ue_mouse(a, x, y, true);
    ue_key(a, SDLK_SPACE);
    ue_key(a, SDLK_RETURN);
    ue_key(a, SDLK_RETURN);
}
