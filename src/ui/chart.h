/* chart.h - charts of a batch of games (the What-if screen). */
#pragma once
#include "sim/whatif_batch.h"
#include "ui/internal.h"

/* One setup of a comparison: its summary (setup 0 "as it was", 1 "with
 * the switches"). */
typedef struct ChartSetup {
    const BatchSummary *sum;
} ChartSetup;

Rgba chart_setup_color(const UiApp *a, int setup);
/* Outcome shares in r: three groups (side 0 wins, side 1 wins, draw)
 * named by names, a bar per setup with its 95 % interval and its share
 * above; the group `history` (or -1) framed as the historical outcome;
 * with two setups, the difference in points under each group. Returns
 * the height used (0 if r is too small). */
int chart_shares(UiApp *a, SDL_Rect r, const ChartSetup *set, int nset, const char *const names[3], int history);
/* The end turns' histogram in r: per turn a bar per setup (share of its
 * games), and each setup's median as a dashed line. Drawn when draw; a
 * click (cx, cy) on a turn's column, when click, gives its setup and turn
 * in *hit_setup, *hit_turn (true). */
bool chart_turns(UiApp *a, SDL_Rect r, const ChartSetup *set, int nset, bool draw, bool click, int cx, int cy,
                 int *hit_setup, int *hit_turn);
