/* run.c - ui_run(): the window, the renderer and the event loop. */
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/file.h"
#include "ui/internal.h"


static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

enum { MIN_W = 640, MIN_H = 480 };

SDL_Rect uiapp_fit_window(SDL_Rect usable, int want_w, int want_h)
{
    int w = want_w > 0 ? want_w : 1280, h = want_h > 0 ? want_h : 800;
    if (usable.w > 0 && usable.h > 0 && (w > usable.w || h > usable.h)) {
        /* Scaled down, keeping its proportions, to the usable area. */
        double f = (double)usable.w / w < (double)usable.h / h ? (double)usable.w / w : (double)usable.h / h;
        w = (int)(w * f);
        h = (int)(h * f);
        if (w < MIN_W)
            w = MIN_W < usable.w ? MIN_W : usable.w;
        if (h < MIN_H)
            h = MIN_H < usable.h ? MIN_H : usable.h;
    }
    SDL_Rect r = {usable.x + (usable.w - w) / 2, usable.y + (usable.h - h) / 2, w, h};
    if (usable.w <= 0 || usable.h <= 0)
        r.x = r.y = 0;
    return r;
}

bool uiapp_window_fits(SDL_Rect usable, int w, int h)
{
    return w > 0 && h > 0 && w <= usable.w && h <= usable.h;
}

/* The usable area of the display the window is on (or the first), less
 * the window's borders if a window manager draws any. */
static bool usable_for(SDL_Window *win, SDL_Rect *u)
{
    int d = win ? SDL_GetWindowDisplayIndex(win) : 0;
    if (d < 0)
        d = 0;
    if (SDL_GetDisplayUsableBounds(d, u) != 0 && SDL_GetDisplayBounds(d, u) != 0)
        return false;
    int top = 0, left = 0, bottom = 0, right = 0;
    if (win && SDL_GetWindowBordersSize(win, &top, &left, &bottom, &right) == 0) {
        u->x += left;
        u->y += top;
        u->w -= left + right;
        u->h -= top + bottom;
    }
    return u->w > 0 && u->h > 0;
}

void ui_remember_window_size(UiApp *a)
{
    if (!a->win || a->set.fullscreen || (SDL_GetWindowFlags(a->win) & (SDL_WINDOW_FULLSCREEN | SDL_WINDOW_MAXIMIZED)))
        return;
    int w = 0, h = 0;
    SDL_Rect u;
    SDL_GetWindowSize(a->win, &w, &h);   /* now, not as a queued event said */
    if (usable_for(a->win, &u) && uiapp_window_fits(u, w, h)) {
        a->set.width = w;
        a->set.height = h;
    }
}

/* Opens the window inside the display's usable area, scaled down if the
 * size asked for (the settings', or --width/--height) does not fit. */
static SDL_Window *open_window(int want_w, int want_h, bool fs)
{
    SDL_Rect u = {0, 0, 0, 0};
    usable_for(NULL, &u);
    SDL_Rect r = uiapp_fit_window(u, want_w, want_h);
    SDL_Window *win = SDL_CreateWindow("Emesa", u.w > 0 ? r.x : (int)SDL_WINDOWPOS_CENTERED,
                                       u.w > 0 ? r.y : (int)SDL_WINDOWPOS_CENTERED, r.w, r.h,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                           (fs ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
    if (!win || fs)
        return win;
    SDL_SetWindowMinimumSize(win, MIN_W < r.w ? MIN_W : r.w, MIN_H < r.h ? MIN_H : r.h);
    /* A window manager's borders are known only once the window exists:
     * fit again inside what they leave. */
    SDL_Rect in;
    if (usable_for(win, &in) && !uiapp_window_fits(in, r.w, r.h)) {
        SDL_Rect r2 = uiapp_fit_window(in, r.w, r.h);
        SDL_SetWindowSize(win, r2.w, r2.h);
        SDL_SetWindowPosition(win, r2.x, r2.y);
    }
    return win;
}

/* Draws and shows a frame, and the screenshot F12 asked for. */
static void present_frame(UiApp *a)
{
    uiapp_draw(a);
    if (a->want_shot) {
        a->want_shot = false;
        ui_screenshot_now(a);
    }
    SDL_RenderPresent(a->r);
}

bool uiapp_pump(UiApp *a, uint32_t now)
{
    SDL_Event e;
    while (!a->quit && SDL_PollEvent(&e))
        uiapp_handle(a, &e);
    uiapp_tick(a, now);
    present_frame(a);
    return !a->quit;
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
    /* The menu's scenarios are read while SDL opens the display. */
    UiConfig run_cfg = *cfg;
    run_cfg.prefetch = menu_prefetch_start(cfg->data_dir);
    cfg = &run_cfg;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "emesa: cannot open a window: %s\n", SDL_GetError());
        menu_prefetch_free(run_cfg.prefetch);
        return 1;
    }
    Settings set;
    char *pp = ui_pref_path();
    settings_load(&set, pp ? pp : "");
    SDL_free(pp);
    int w = cfg->width > 0 ? cfg->width : set.width, h = cfg->height > 0 ? cfg->height : set.height;
    bool fs = cfg->fullscreen || set.fullscreen;
    SDL_Window *win = open_window(w, h, fs);
    if (!win) {
        fprintf(stderr, "emesa: cannot open a window: %s\n", SDL_GetError());
        menu_prefetch_free(run_cfg.prefetch);
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
        menu_prefetch_free(run_cfg.prefetch);
        SDL_DestroyWindow(win);
        SDL_Quit();
        return 1;
    }
    char why[512];
    UiApp *a = uiapp_new(win, r, cfg, why, sizeof why);
    menu_prefetch_free(run_cfg.prefetch);   /* taken by the menu (or not needed) */
    if (!a) {
        text_say(stderr, "emesa: %s", why);   /* may hold a file's bytes */
        SDL_DestroyRenderer(r);
        SDL_DestroyWindow(win);
        SDL_Quit();
        return 1;
    }
    const char *bench = getenv("EMESA_BENCH_FIRST_FRAME");
    bool dirty = true, first = true;
    uint32_t last_frame = 0;
    char title[200] = "";
    while (!a->quit) {
        uint32_t now = SDL_GetTicks();
        if (uiapp_watch(a, now))
            dirty = true;
        bool moving = uiapp_tick(a, now);
        char want[sizeof title];
        uiapp_title(a, want, sizeof want);
        if (strcmp(want, title) != 0) {
            snprintf(title, sizeof title, "%s", want);
            SDL_SetWindowTitle(win, title);
        }
        if (dirty || moving) {
            present_frame(a);
            last_frame = SDL_GetTicks();
            dirty = false;
            if (first && bench) {
                int wx = 0, wy = 0, ww = 0, wh = 0;
                SDL_GetWindowPosition(win, &wx, &wy);
                SDL_GetWindowSize(win, &ww, &wh);
                printf("first-frame %.6f\nwindow %d %d %d %d\n", now_s(), wx, wy, ww, wh);
                fflush(stdout);
            }
            first = false;
        }
        SDL_Event e;
        int wake = uiapp_next_wake(a, SDL_GetTicks());
        int got;
        if (wake < 0) {
            /* Idle: wake once a second to see whether the scenario file
             * changed on disk (hot reload, reload.c). */
            int poll = uiapp_watch_wait(a, SDL_GetTicks());
            got = poll < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, poll > 0 ? poll : 1);
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
    ui_remember_window_size(a);
    settings_save(&a->set, a->pref_dir);
    uiapp_free(a);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}

