/* ui.h - the game window. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

typedef struct UiConfig {
    const char *data_dir;       /* read-only data: assets/, scenarios/ */
    const char *scenario;       /* path to preselect, or NULL for the menu */
    uint64_t seed;
    int ai_side;                /* -1 none, 0/1 that side, 2 both */
    int ai_level;
    int scale_pct;              /* 0 = from settings */
    bool fullscreen;
    int width, height;          /* 0 = from settings */
} UiConfig;

/* Runs the window until the player quits; returns a process exit status. */
int ui_run(const UiConfig *cfg);
