/* ui.h - the game window. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

typedef struct UiConfig {
    const char *data_dir;       /* read-only data: assets/, scenarios/ */
    const char *scenario;       /* path to preselect, or NULL for the menu */
    uint64_t seed;
    int ai_side;                /* -1 none, 0/1 that side, 2 both */
    int ai_level;               /* 1..3 preselects the computer's level in the
                                   menu; 0 keeps the one remembered in settings */
    const char *replay;         /* a save to open in the replay viewer, or NULL */
    int scale_pct;              /* 0 = from settings */
    bool fullscreen;
    int width, height;          /* 0 = from settings */
    const struct ScenarioOptions *options;  /* what-if switches for every game the menu starts, or NULL */
    struct MenuPrefetch *prefetch;          /* the menu's scenarios, being read on a thread (ui_run), or NULL */
} UiConfig;

/* Starts reading the menu's scenarios on a thread; uiapp_new() takes the
 * result when cfg.prefetch names it. Free it (joining the thread) once
 * uiapp_new() has returned. */
typedef struct MenuPrefetch MenuPrefetch;
MenuPrefetch *menu_prefetch_start(const char *data_dir);
void menu_prefetch_free(MenuPrefetch *p);

/* Runs the window until the player quits; returns a process exit status. */
int ui_run(const UiConfig *cfg);
