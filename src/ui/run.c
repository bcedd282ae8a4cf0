/* run.c - ui_run(): the window, the renderer and the event loop. */
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/internal.h"


static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int ui_run(const UiConfig *cfg)
{
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    /* The software renderer by default: a turn-based map redraws only on
     * input, and it starts faster and in a fifth of the memory of a GL
     * context (far less than a software GL driver such as llvmpipe).
     * EMESA_RENDERER=gpu asks for the accelerated renderer. */
    const char *rd = getenv("EMESA_RENDERER");
    bool software = !(rd && strcmp(rd, "gpu") == 0);
    if (software) {
        /* Keep OpenGL out entirely. */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "emesa: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    Settings set;
    char *pp = ui_pref_path();
    settings_load(&set, pp ? pp : "");
    SDL_free(pp);
    int w = cfg->width > 0 ? cfg->width : set.width, h = cfg->height > 0 ? cfg->height : set.height;
    bool fs = cfg->fullscreen || set.fullscreen;
    SDL_Window *win = SDL_CreateWindow("Emesa", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                           (fs ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
    if (!win) {
        fprintf(stderr, "emesa: cannot open a window: %s\n", SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_Renderer *r = NULL;
    if (!software)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!r)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    if (!r) {
        fprintf(stderr, "emesa: no renderer: %s\n", SDL_GetError());
        SDL_DestroyWindow(win);
        SDL_Quit();
        return 1;
    }
    char why[512];
    UiApp *a = uiapp_new(win, r, cfg, why, sizeof why);
    if (!a) {
        fprintf(stderr, "emesa: %s\n", why);
        SDL_DestroyRenderer(r);
        SDL_DestroyWindow(win);
        SDL_Quit();
        return 1;
    }
    const char *bench = getenv("EMESA_BENCH_FIRST_FRAME");
    bool dirty = true, first = true;
    uint32_t last_frame = 0;
    while (!a->quit) {
        uint32_t now = SDL_GetTicks();
        bool moving = uiapp_tick(a, now);
        if (dirty || moving) {
            uiapp_draw(a);
            if (a->want_shot) {
                a->want_shot = false;
                ui_screenshot_now(a);
            }
            SDL_RenderPresent(r);
            last_frame = SDL_GetTicks();
            dirty = false;
            if (first && bench) {
                printf("first-frame %.6f\n", now_s());
                fflush(stdout);
            }
            first = false;
        }
        SDL_Event e;
        int wake = uiapp_next_wake(a, SDL_GetTicks());
        int got;
        if (wake < 0) {
            got = SDL_WaitEvent(&e);
        } else {
            /* Animating: about one frame per 16 ms even without vsync. */
            uint32_t since = SDL_GetTicks() - last_frame;
            int frame_wait = wake == 0 ? (since >= 16 ? 0 : 16 - (int)since) : wake;
            got = frame_wait > 0 ? SDL_WaitEventTimeout(&e, frame_wait) : SDL_PollEvent(&e);
            if (!got)
                dirty = true;
        }
        while (got) {
            uiapp_handle(a, &e);
            dirty = true;
            got = SDL_PollEvent(&e);
        }
    }
    settings_save(&a->set, a->pref_dir);
    uiapp_free(a);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}

