/* chart.c - the What-if screen's charts, drawn with the renderer's own
 * rectangles and lines: outcome shares as bars with their 95 % intervals
 * (one bar per setup, side by side) and the histogram of end turns with
 * each setup's median. Big type and strong colours: they are read on a
 * projector from the back of a classroom. */
#include <stdio.h>
#include <string.h>
#include "ui/chart.h"
#include "i18n.h"

/* Setup colours: "as it was" a cool slate blue, "with switches" amber. */
Rgba chart_setup_color(const UiApp *a, int setup)
{
    if (a->set.high_contrast)
        return setup ? rgba(0xffff00, 255) : rgba(0x00e0ff, 255);
    return setup ? rgba(0xe8a63a, 255) : rgba(0x86a8d0, 255);
}

static void frect(UiApp *a, int x, int y, int w, int h, Rgba c)
{
    gfx_fill_rect(a->r, (float)x, (float)y, (float)w, (float)h, c);
}

/* Horizontal grid lines and their labels at 0, 25, 50, 75 and 100 %. */
static void share_grid(UiApp *a, int x, int y, int w, int h)
{
    Palette pl = ui_palette(a);
    int fs = ui_px(a, 13);
    for (int k = 0; k <= 4; k++) {
        int gy = y + h - h * k / 4;
        gfx_line(a->r, (float)x, (float)gy, (float)(x + w), (float)gy, k == 0 ? 2.0f : 1.0f,
                 k == 0 ? pl.dim : rgba(0x4a4438, 255));
        char t[16];
        snprintf(t, sizeof t, "%d %%", k * 25);
        text_draw(a->text, t, x - ui_px(a, 6), gy - text_line_height(a->text, fs) / 2, fs, pl.dim, TEXT_RIGHT);
    }
}

/* A vertical interval: the line from lo to hi with caps. */
static void whisker(UiApp *a, int cx, int ylo, int yhi, int cap, Rgba c)
{
    float t = (float)ui_px(a, 3);
    gfx_line(a->r, (float)cx, (float)ylo, (float)cx, (float)yhi, t, c);
    gfx_line(a->r, (float)(cx - cap), (float)ylo, (float)(cx + cap), (float)ylo, t, c);
    gfx_line(a->r, (float)(cx - cap), (float)yhi, (float)(cx + cap), (float)yhi, t, c);
}

int chart_shares(UiApp *a, SDL_Rect r, const ChartSetup *set, int nset, const char *const names[3], int history)
{
    Palette pl = ui_palette(a);
    int lab = ui_px(a, 44);                 /* room for the % labels */
    int fs = ui_px(a, 16), ls = ui_px(a, 15);
    int foot = text_line_height(a->text, ls) * 2 + ui_px(a, 12);
    int top = text_line_height(a->text, fs) + ui_px(a, 6);
    int x = r.x + lab, w = r.w - lab, y = r.y + top, h = r.h - top - foot;
    if (h < ui_px(a, 40) || w < ui_px(a, 60))
        return 0;
    share_grid(a, x, y, w, h);
    int gw = w / 3;
    int bw = nset > 1 ? gw * 3 / 10 : gw * 2 / 5;
    for (int g = 0; g < 3; g++) {
        int gx = x + g * gw;
        int used = nset * bw + (nset - 1) * ui_px(a, 10);
        int bx = gx + (gw - used) / 2;
        if (g == history) {
            /* The historical outcome: a gold frame around its group. */
            int fy = y - text_line_height(a->text, fs) - ui_px(a, 6);
            gfx_rect_outline(a->r, (float)(gx + ui_px(a, 4)), (float)fy, (float)(gw - ui_px(a, 8)),
                             (float)(y + h + ui_px(a, 4) - fy), (float)ui_px(a, 2), pl.accent);
        }
        for (int s = 0; s < nset; s++) {
            const BatchSummary *sm = set[s].sum;
            Rgba c = chart_setup_color(a, s);
            int bh = (int)(sm->share[g] * h + 0.5);
            int x0 = bx + s * (bw + ui_px(a, 10));
            frect(a, x0, y + h - bh, bw, bh, c);
            int ylo = y + h - (int)(sm->lo[g] * h + 0.5), yhi = y + h - (int)(sm->hi[g] * h + 0.5);
            whisker(a, x0 + bw / 2, ylo, yhi, bw / 4, a->set.high_contrast ? rgba(0xffffff, 255) : rgba(0xf7f1e3, 255));
            char t[32];
            snprintf(t, sizeof t, "%.0f %%", 100.0 * sm->share[g]);
            int ty = yhi - text_line_height(a->text, fs) - ui_px(a, 2);
            if (ty < r.y)
                ty = r.y;
            text_draw_bold(a->text, t, x0 + bw / 2, ty, fs, c, TEXT_CENTER);
        }
        /* Under the group: its name, then the difference in points. */
        int ny = y + h + ui_px(a, 6), ns = ls;
        while (ns > ui_px(a, 10) && text_width(a->text, names[g], ns) > gw - ui_px(a, 6))
            ns--;
        text_draw_bold(a->text, names[g], gx + gw / 2, ny + (ls - ns) / 2, ns, g == history ? pl.accent : pl.head,
                       TEXT_CENTER);
        ny += text_line_height(a->text, ls);
        if (nset > 1) {
            double d = 100.0 * (set[1].sum->share[g] - set[0].sum->share[g]);
            char t[48];
            snprintf(t, sizeof t, _("%+.0f points"), d);
            text_draw(a->text, t, gx + gw / 2, ny, ls, d >= 0.5 ? pl.good : d <= -0.5 ? pl.bad : pl.dim, TEXT_CENTER);
        } else if (g == history) {
            text_draw(a->text, _("as in history"), gx + gw / 2, ny, ls, pl.accent, TEXT_CENTER);
        }
    }
    return r.h;
}

bool chart_turns(UiApp *a, SDL_Rect r, const ChartSetup *set, int nset, bool draw, bool click, int cx, int cy,
                 int *hit_setup, int *hit_turn)
{
    Palette pl = ui_palette(a);
    int fs = ui_px(a, 13);
    int lab = ui_px(a, 44), foot = text_line_height(a->text, fs) + ui_px(a, 8);
    int x = r.x + lab, w = r.w - lab, y = r.y, h = r.h - foot;
    if (h < ui_px(a, 30) || w < ui_px(a, 60) || nset < 1)
        return false;
    int t0 = set[0].sum->min_turn, t1 = set[0].sum->max_turn, peak = 1;
    for (int s = 0; s < nset; s++) {
        if (set[s].sum->min_turn < t0)
            t0 = set[s].sum->min_turn;
        if (set[s].sum->max_turn > t1)
            t1 = set[s].sum->max_turn;
    }
    if (t0 < 0)
        t0 = 0;
    if (t1 > BATCH_MAX_TURN)
        t1 = BATCH_MAX_TURN;
    if (t1 < t0)
        t1 = t0;
    for (int s = 0; s < nset; s++)
        for (int t = t0; t <= t1; t++) {
            int pc = set[s].sum->games ? (int)(100.0 * set[s].sum->turns[t] / set[s].sum->games + 0.999) : 0;
            if (pc > peak)
                peak = pc;
        }
    int n = t1 - t0 + 1;
    int cw = w / n;
    if (cw < 2)
        cw = 2;
    int bw = nset > 1 ? (cw - 2) / 2 : cw - 2;
    if (bw < 1)
        bw = 1;
    if (click) {
        if (cx < x || cx >= x + n * cw || cy < y || cy >= y + h + foot)
            return false;
        int t = t0 + (cx - x) / cw, s = (cx - x) % cw - 1 >= bw && nset > 1 ? 1 : 0;
        if (set[s].sum->turns[t] == 0 && nset > 1 && set[1 - s].sum->turns[t] > 0)
            s = 1 - s;      /* the column's only bar */
        if (set[s].sum->turns[t] == 0)
            return false;
        *hit_setup = s;
        *hit_turn = t;
        return true;
    }
    if (!draw)
        return false;
    /* The scale: the next multiple of 10 % above the tallest bin. */
    int top = (peak + 9) / 10 * 10;
    for (int k = 0; k <= 2; k++) {
        int gy = y + h - h * k / 2;
        gfx_line(a->r, (float)x, (float)gy, (float)(x + w), (float)gy, k == 0 ? 2.0f : 1.0f,
                 k == 0 ? pl.dim : rgba(0x4a4438, 255));
        char t[16];
        snprintf(t, sizeof t, "%d %%", top * k / 2);
        text_draw(a->text, t, x - ui_px(a, 6), gy - text_line_height(a->text, fs) / 2, fs, pl.dim, TEXT_RIGHT);
    }
    for (int t = t0; t <= t1; t++) {
        int colx = x + (t - t0) * cw;
        for (int s = 0; s < nset; s++) {
            const BatchSummary *sm = set[s].sum;
            double pc = sm->games ? 100.0 * sm->turns[t] / sm->games : 0;
            int bh = (int)(pc / top * h + 0.5);
            frect(a, colx + 1 + s * bw, y + h - bh, bw, bh, chart_setup_color(a, s));
        }
        /* Turn numbers: every one when there is room, else every 2nd or 5th. */
        int every = cw >= ui_px(a, 22) ? 1 : cw * 2 >= ui_px(a, 22) ? 2 : 5;
        if (t % every == 0) {
            char tl[8];
            snprintf(tl, sizeof tl, "%d", t);
            text_draw(a->text, tl, colx + cw / 2, y + h + ui_px(a, 4), fs, pl.dim, TEXT_CENTER);
        }
    }
    /* Each setup's median end turn: a dashed vertical line. */
    for (int s = 0; s < nset; s++) {
        double m = set[s].sum->median_turn;
        if (m < t0 || m > t1)
            continue;
        int mx = x + (int)((m - t0 + 0.5) * cw);
        for (int yy = y; yy < y + h; yy += ui_px(a, 10))
            gfx_line(a->r, (float)(mx + s * ui_px(a, 3)), (float)yy, (float)(mx + s * ui_px(a, 3)),
                     (float)(yy + ui_px(a, 6)), (float)ui_px(a, 2), chart_setup_color(a, s));
    }
    return false;
}
