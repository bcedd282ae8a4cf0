/* whatif.c - the "What if?" laboratory: a teacher picks a scenario, ticks
 * some of its what-if switches, the number of games and the computer's
 * level, and presses Run. The same seeded games as `emesa --what-if` are
 * played on worker threads (src/sim), first "as it was" (no switch), then
 * "with the switches"; the window stays responsive (a progress bar, a
 * Cancel button) and, when both batches are done, charts the outcome
 * shares with their 95 % intervals side by side and the end turns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sim/whatif_batch.h"
#include "ui/chart.h"
#include "ui/internal.h"
#include "i18n.h"

static const int lab_games[] = { 20, 50, 100, 200 };
enum { LAB_NGAMES = 4, LAB_POLL_MS = 120 };

struct WhatIfLab {
    int scen;                           /* menu entry whose switches are listed */
    bool loaded;
    char problem[256];
    ScenarioWhatIf whatifs[SCEN_MAX_WHATIF];
    int nwhatifs;
    bool on[SCEN_MAX_WHATIF];
    char side_name[2][NAME_LEN];
    int history;                        /* the historical winner's side, or -1 */
    int games_i, level;
    /* The run: setup 0 as it was, setup 1 with the switches. */
    BatchRun *run;
    int phase;                          /* setup being played, -1 none */
    int nsetups;                        /* 1 without switches, else 2 */
    ScenarioOptions opts;               /* the switches of setup 1 */
    HeadlessResult *pend[2];            /* the run's results so far, per setup */
    int npend[2];
    HeadlessResult *res[2];             /* the charted games, per setup */
    int nres[2];
    BatchSummary sum[2];
    int hist_games[2];                  /* games ending in the historical outcome */
    bool have;                          /* the charts show sum[0..nshown) */
    int nshown;
    char shown_opts[256];               /* the switches of the charted setup 1 */
    char shown_scen[128];
    int shown_games, shown_level;
    char status[512];
    uint32_t t0;
};

static WhatIfLab *lab(UiApp *a)
{
    if (!a->lab) {
        a->lab = calloc(1, sizeof *a->lab);
        if (a->lab) {
            a->lab->scen = -1;
            a->lab->phase = -1;
            a->lab->games_i = 2;
            a->lab->history = -1;
        }
    }
    return a->lab;
}

/* Lists the switches of menu entry i (loads the scenario once). */
static void load_scenario(UiApp *a, WhatIfLab *l, int i)
{
    if (i < 0 || i >= a->nscen || (l->scen == i && l->loaded))
        return;
    l->scen = i;
    l->loaded = true;
    l->nwhatifs = 0;
    l->problem[0] = '\0';
    l->history = -1;
    memset(l->on, 0, sizeof l->on);
    Diags d;
    memset(&d, 0, sizeof d);
    Scenario *sc = scenario_load(a->scen[i].path, 1, &d);
    if (!sc) {
        if (d.n > 0)
            diag_format(&d.items[0], l->problem, sizeof l->problem);
        else
            snprintf(l->problem, sizeof l->problem, "%s does not load", a->scen[i].path);
        return;
    }
    const ScenarioInfo *in = scenario_info(sc);
    l->nwhatifs = in->nwhatifs < SCEN_MAX_WHATIF ? in->nwhatifs : SCEN_MAX_WHATIF;
    memcpy(l->whatifs, in->whatifs, sizeof l->whatifs[0] * (size_t)l->nwhatifs);
    const Game *g = scenario_game(sc);
    for (int s = 0; s < 2 && s < g->nsides; s++)
        snprintf(l->side_name[s], sizeof l->side_name[s], "%s", g->sides[s].name);
    for (int v = 0; v < g->nvictory; v++)
        if (!strcmp(g->victory[v].level, "historical")) {
            l->history = g->victory[v].side;
            break;
        }
    scenario_free(sc);
}

void whatif_open(UiApp *a)
{
    WhatIfLab *l = lab(a);
    if (!l) {
        ui_notice(a, _("Out of memory."));
        return;
    }
    if (l->level < 1)
        l->level = a->ai_level >= 1 && a->ai_level <= 3 ? a->ai_level : 2;
    load_scenario(a, l, l->scen >= 0 ? l->scen : a->sel_scen);
    a->screen = UI_WHATIF;
}

static void drop_pending(WhatIfLab *l)
{
    for (int s = 0; s < 2; s++) {
        free(l->pend[s]);
        l->pend[s] = NULL;
        l->npend[s] = 0;
    }
}

void whatif_free(UiApp *a)
{
    if (!a->lab)
        return;
    batch_free(a->lab->run);
    drop_pending(a->lab);
    for (int s = 0; s < 2; s++)
        free(a->lab->res[s]);
    free(a->lab);
    a->lab = NULL;
}

/* Starts the batch of setup s (0 without switches, 1 with them). */
static bool start_setup(UiApp *a, WhatIfLab *l, int s)
{
    BatchOptions o;
    memset(&o, 0, sizeof o);
    o.scenario = a->scen[l->scen].path;
    o.data_dir = a->data_dir;
    o.games = lab_games[l->games_i];
    o.jobs = batch_default_jobs();
    o.ai_level = l->level;
    o.options = s == 1 ? &l->opts : NULL;
    char why[256];
    l->run = batch_start(&o, why, sizeof why);
    if (!l->run) {
        snprintf(l->status, sizeof l->status, "The games could not start: %s.", why);
        l->phase = -1;
        return false;
    }
    l->phase = s;
    return true;
}

static void run(UiApp *a, WhatIfLab *l)
{
    if (l->run || l->scen < 0 || l->problem[0])
        return;
    memset(&l->opts, 0, sizeof l->opts);
    for (int i = 0; i < l->nwhatifs; i++) {
        char why[128];
        if (l->on[i])
            scenario_options_add(&l->opts, l->whatifs[i].id, why, sizeof why);
    }
    l->nsetups = l->opts.n > 0 ? 2 : 1;
    drop_pending(l);
    l->status[0] = '\0';
    l->t0 = SDL_GetTicks();
    start_setup(a, l, 0);
}

static void cancel(WhatIfLab *l)
{
    if (!l->run)
        return;
    batch_free(l->run);     /* waits for the games under way: under a second */
    l->run = NULL;
    l->phase = -1;
    drop_pending(l);
    snprintf(l->status, sizeof l->status, l->have ? "Cancelled; the chart is the last run's." : "Cancelled.");
}

/* The batch of the current setup has ended: keep its results, start the
 * next setup or chart them all. */
static void collect(UiApp *a, WhatIfLab *l)
{
    int bad = 0, st = batch_wait(l->run, &bad);
    int s = l->phase, n = batch_games(l->run);
    if (st != 0) {
        snprintf(l->status, sizeof l->status,
                 st == 4 ? "Cancelled." : "The game of seed %d could not be played; try it with emesa --headless --seed %d.",
                 bad, bad);
        batch_free(l->run);
        l->run = NULL;
        l->phase = -1;
        drop_pending(l);
        return;
    }
    l->pend[s] = malloc(sizeof *l->pend[s] * (size_t)n);
    if (l->pend[s]) {
        memcpy(l->pend[s], batch_results(l->run), sizeof *l->pend[s] * (size_t)n);
        l->npend[s] = n;
    }
    batch_free(l->run);
    l->run = NULL;
    l->phase = -1;
    if (!l->pend[s]) {
        snprintf(l->status, sizeof l->status, "Out of memory.");
        drop_pending(l);
        return;
    }
    if (s + 1 < l->nsetups) {
        start_setup(a, l, s + 1);
        return;
    }
    for (int k = 0; k < 2; k++) {
        free(l->res[k]);
        l->res[k] = l->pend[k];
        l->nres[k] = l->npend[k];
        l->pend[k] = NULL;
        l->npend[k] = 0;
    }
    for (int k = 0; k < l->nsetups; k++) {
        batch_summarize(l->res[k], l->nres[k], &l->sum[k]);
        /* The historical outcome is an outcome level (a victory{} or a
         * handler's end_game): its winner marks the chart when the file
         * declares none. */
        l->hist_games[k] = 0;
        for (int i = 0; i < l->nres[k]; i++) {
            const char *o = l->res[k][i].outcome;
            size_t len = strlen(o);
            if (len > 11 && !strcmp(o + len - 11, "-historical")) {
                l->hist_games[k]++;
                if (l->history < 0)
                    l->history = l->res[k][i].winner;
            }
        }
    }
    l->have = true;
    l->nshown = l->nsetups;
    scenario_options_format(&l->opts, l->shown_opts, sizeof l->shown_opts);
    snprintf(l->shown_scen, sizeof l->shown_scen, "%s", a->scen[l->scen].title);
    l->shown_games = n;
    l->shown_level = l->level;
    if (l->nsetups > 1)
        snprintf(l->status, sizeof l->status, "2 \xC3\x97 %d games in %.0f s.", n, (SDL_GetTicks() - l->t0) / 1000.0);
    else
        snprintf(l->status, sizeof l->status, "%d games in %.0f s. Tick a switch to compare.", n,
                 (SDL_GetTicks() - l->t0) / 1000.0);
}

bool whatif_tick(UiApp *a)
{
    WhatIfLab *l = a->lab;
    if (!l || !l->run)
        return false;
    if (!batch_running(l->run))
        collect(a, l);
    return l->run != NULL;
}

int whatif_wake(const UiApp *a)
{
    return a->lab && a->lab->run ? LAB_POLL_MS : -1;
}

/* Writes the games of each charted setup as CSV and the screen as PNG
 * under the pref path. */
static void export_files(UiApp *a, WhatIfLab *l)
{
    if (!l->have || !l->res[0])
        return;
    char stamp[32], path[1400], shown[1400] = "";
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    for (int s = 0; s < l->nshown; s++) {
        snprintf(path, sizeof path, "%swhatif-%s-%s.csv", a->pref_dir, stamp, s ? "with-switches" : "as-it-was");
        FILE *f = fopen(path, "w");
        bool ok = f && batch_write_csv(f, l->res[s], l->nres[s]) == 0;
        if (f && fclose(f) != 0)
            ok = false;
        if (!ok) {
            snprintf(l->status, sizeof l->status, "Could not write %s.", path);
            return;
        }
    }
    snprintf(path, sizeof path, "%swhatif-%s.png", a->pref_dir, stamp);
    if (!uiapp_screenshot(a, path)) {
        snprintf(l->status, sizeof l->status, "Could not write %s.", path);
        return;
    }
    snprintf(shown, sizeof shown, "Saved the chart and the games' CSV in %s (whatif-%s...).", a->pref_dir, stamp);
    snprintf(l->status, sizeof l->status, "%s", shown);
}

bool whatif_key(UiApp *a, SDL_Keycode k)
{
    WhatIfLab *l = lab(a);
    if (!l)
        return false;
    switch (k) {
    case SDLK_ESCAPE: case SDLK_BACKSPACE:
        a->screen = UI_MENU;
        return true;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_r:
        if (l->run)
            cancel(l);
        else
            run(a, l);
        return true;
    case SDLK_1: case SDLK_2: case SDLK_3:
        if (!l->run)
            l->level = (int)(k - SDLK_1) + 1;
        return true;
    default:
        return false;
    }
}

/* A switch's row: a check box and its label; the whole row toggles. */
static bool check_row(UiApp *a, Pass *p, SDL_Rect r, const char *label, bool on, bool enabled)
{
    ui_probe(a, r, label);
    Palette pl = ui_palette(a);
    bool hot = enabled && ui_inside(r, p->mx, p->my);
    bool hit = enabled && p->clicked && ui_inside(r, p->cx, p->cy);
    if (hit)
        p->clicked = false;
    if (p->draw) {
        if (hot)
            gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, pl.button);
        int b = ui_px(a, 20), bx = r.x + ui_px(a, 6), by = r.y + (r.h - b) / 2;
        gfx_fill_rect(a->r, (float)bx, (float)by, (float)b, (float)b, on ? pl.accent : rgba(0x101214, 255));
        gfx_rect_outline(a->r, (float)bx, (float)by, (float)b, (float)b, (float)ui_px(a, 2), on ? pl.accent : pl.dim);
        if (on) {
            Rgba ink = rgba(0x1a1408, 255);
            float t = (float)ui_px(a, 3);
            gfx_line(a->r, (float)bx + b * 0.2f, (float)by + b * 0.55f, (float)bx + b * 0.42f, (float)by + b * 0.78f, t, ink);
            gfx_line(a->r, (float)bx + b * 0.42f, (float)by + b * 0.78f, (float)bx + b * 0.82f, (float)by + b * 0.25f, t, ink);
        }
        int fs = ui_px(a, 15);
        text_draw(a->text, label, bx + b + ui_px(a, 10), r.y + (r.h - text_line_height(a->text, fs)) / 2, fs,
                  enabled ? pl.body : pl.dim, TEXT_LEFT);
    }
    return hit;
}

/* The left column: scenario, switches, games, level, Run. */
static void controls(UiApp *a, Pass *p, WhatIfLab *l, SDL_Rect c)
{
    Palette pl = ui_palette(a);
    int x = c.x + ui_px(a, 14), w = c.w - ui_px(a, 28), y = c.y + ui_px(a, 10);
    /* A short window (720 lines at 150 %): tighter rows. */
    bool tight = c.h < ui_px(a, 440);
    int hs = ui_px(a, 16), rh = ui_px(a, tight ? 30 : 34), row = ui_px(a, tight ? 27 : 31), gap = ui_px(a, tight ? 20 : 24);
    bool idle = !l->run;
    if (p->draw)
        text_draw_bold(a->text, _("Scenario"), x, y, hs, pl.head, TEXT_LEFT);
    y += gap;
    for (int i = 0; i < a->nscen; i++) {
        SDL_Rect r = { x, y, w, rh };
        ui_probe(a, r, a->scen[i].title);
        if (ui_button(a, p, r, "", i == l->scen) && idle)
            load_scenario(a, l, i);
        if (p->draw) {
            /* The title in the largest type that fits the button. */
            int fs = ui_px(a, 15);
            fs = ui_fit_px(a, a->scen[i].title, fs, w - ui_px(a, 12));
            text_draw(a->text, a->scen[i].title, r.x + r.w / 2, r.y + (r.h - text_line_height(a->text, fs)) / 2, fs,
                      i == l->scen ? rgba(0x1a1408, 255) : pl.button_text, TEXT_CENTER);
        }
        y += rh + ui_px(a, 4);
    }
    y += ui_px(a, 6);
    if (p->draw)
        text_draw_bold(a->text, _("Switches (with vs as it was)"), x, y,
                       ui_fit_px(a, "Switches (with vs as it was)", hs, w * 85 / 100), pl.head, TEXT_LEFT);
    y += gap;
    if (l->problem[0] && p->draw)
        y += text_wrap(a->text, l->problem, x, y, w, ui_px(a, 13), pl.bad, true);
    if (!l->problem[0] && l->nwhatifs == 0 && p->draw) {
        text_draw(a->text, _("This scenario declares none."), x, y, ui_px(a, 14), pl.dim, TEXT_LEFT);
        y += ui_px(a, 24);
    }
    for (int i = 0; i < l->nwhatifs; i++) {
        SDL_Rect r = { x, y, w, row - ui_px(a, 1) };
        const char *label = l->whatifs[i].label[0] ? l->whatifs[i].label : l->whatifs[i].id;
        if (check_row(a, p, r, label, l->on[i], idle))
            l->on[i] = !l->on[i];
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, "%s (%s)", l->whatifs[i].text, l->whatifs[i].id);
        y += row;
    }
    y += ui_px(a, 8);
    int lw = ui_px(a, 64);
    if (p->draw)
        text_draw_bold(a->text, _("Games"), x, y + ui_px(a, 7), hs, pl.head, TEXT_LEFT);
    int bw = (w - lw) / LAB_NGAMES;
    for (int i = 0; i < LAB_NGAMES; i++) {
        char t[8];
        snprintf(t, sizeof t, "%d", lab_games[i]);
        SDL_Rect r = { x + lw + i * bw, y, bw - ui_px(a, 4), rh };
        if (ui_button(a, p, r, t, i == l->games_i) && idle)
            l->games_i = i;
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, _("Seeds 1 to %d, each setup: the same games as emesa --what-if --games %d."), lab_games[i],
                           lab_games[i]);
    }
    y += rh + ui_px(a, 6);
    if (p->draw)
        text_draw_bold(a->text, _("Level"), x, y + ui_px(a, 7), hs, pl.head, TEXT_LEFT);
    bw = (w - lw) / 3;
    for (int i = 0; i < 3; i++) {
        char t[8];
        snprintf(t, sizeof t, "%d", i + 1);
        SDL_Rect r = { x + lw + i * bw, y, bw - ui_px(a, 4), rh };
        if (ui_button(a, p, r, t, l->level == i + 1) && idle)
            l->level = i + 1;
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, _("The computer plays both sides at level %d (1-3 change it)."), i + 1);
    }
    y += rh + ui_px(a, tight ? 8 : 12);
    /* Run, or the progress bar and Cancel. */
    int runh = ui_px(a, tight ? 40 : 44);
    SDL_Rect rb = { x, y, w, runh };
    if (idle) {
        if (ui_button(a, p, rb, _("Run  \xE2\x8F\x8E"), true))
            run(a, l);
        if (ui_inside(rb, p->mx, p->my))
            ui_tooltip_set(p, _("Play the games as it was, then with the ticked switches, computer against computer."));
    } else {
        int games = lab_games[l->games_i], done = (l->phase > 0 ? games * l->phase : 0) + batch_done(l->run);
        int total = games * l->nsetups;
        SDL_Rect bar = { x, y, w - ui_px(a, 110), runh };
        if (p->draw) {
            gfx_fill_rect(a->r, (float)bar.x, (float)bar.y, (float)bar.w, (float)bar.h, rgba(0x101214, 255));
            gfx_fill_rect(a->r, (float)bar.x, (float)bar.y, (float)(bar.w * done / (total ? total : 1)), (float)bar.h,
                          chart_setup_color(a, l->phase > 0 ? 1 : 0));
            gfx_rect_outline(a->r, (float)bar.x, (float)bar.y, (float)bar.w, (float)bar.h, 1, pl.edge);
            char t[64];
            snprintf(t, sizeof t, _("%d / %d games"), done, total);
            int fs = ui_px(a, 15);
            text_draw_bold(a->text, t, bar.x + bar.w / 2, bar.y + (bar.h - text_line_height(a->text, fs)) / 2, fs,
                           rgba(0xfbf6e6, 255), TEXT_CENTER);
        }
        SDL_Rect cb = { x + w - ui_px(a, 100), y, ui_px(a, 100), runh };
        if (ui_button(a, p, cb, _("Cancel"), false))
            cancel(l);
    }
    y += runh + ui_px(a, 6);
    if (p->draw && l->status[0])
        text_wrap(a->text, l->status, x, y, w, ui_px(a, 13), pl.dim, true);
}

/* Plays the game of this seed and setup again (as the batch did, a few
 * tenths of a second) with its save under the pref path, and opens it in
 * the replay viewer. */
static void watch_seed(UiApp *a, WhatIfLab *l, int setup, int seed)
{
    char path[1400];
    snprintf(path, sizeof path, "%swhatif-seed-%d%s.emesa-save", a->pref_dir, seed, setup ? "-with-switches" : "");
    HeadlessOptions o;
    memset(&o, 0, sizeof o);
    o.scenario = a->scen[l->scen].path;
    o.data_dir = a->data_dir;
    o.seed = (uint64_t)seed;
    o.ai = "all";
    o.ai_level = l->shown_level;
    o.quiet = true;
    o.save = path;
    if (setup)
        o.options = l->opts;
    FILE *sink = fopen("/dev/null", "w");
    int st = sink ? headless_run(&o, sink, sink) : 1;
    if (sink)
        fclose(sink);
    if (st != 0) {
        snprintf(l->status, sizeof l->status, "The game of seed %d could not be saved in %s.", seed, path);
        return;
    }
    if (!ui_replay_open(a, path))
        snprintf(l->status, sizeof l->status, "The game of seed %d did not open: %s", seed, a->replay_error);
}

/* The right side: the legend, the shares and the end turns. */
static void charts(UiApp *a, Pass *p, WhatIfLab *l, SDL_Rect c)
{
    Palette pl = ui_palette(a);
    int x = c.x + ui_px(a, 16), w = c.w - ui_px(a, 32), y = c.y + ui_px(a, 10);
    if (!p->draw && (!l->have || l->run || !p->clicked))
        return;
    if (l->run) {
        char t[256];
        snprintf(t, sizeof t, _("Playing the games %s (%d of %d)\xE2\x80\xA6"), l->phase > 0 ? _("with the switches") : _("as it was"),
                 l->phase + 1, l->nsetups);
        text_draw_bold(a->text, t, x, y, ui_px(a, 17), chart_setup_color(a, l->phase > 0 ? 1 : 0), TEXT_LEFT);
        y += ui_px(a, 30);
        if (!l->have)
            return;
        text_draw(a->text, _("The last run's chart:"), x, y, ui_px(a, 13), pl.dim, TEXT_LEFT);
        y += ui_px(a, 20);
    } else if (!l->have) {
        text_wrap(a->text,
                  _("Tick one or more switches and press Run. The computer plays the same seeded games twice: as it "
                  "was, and with the switches. The chart then shows how often each side wins, with the range the "
                  "true share lies in 19 times out of 20, and when the games end."),
                  x, y + ui_px(a, 20), w, ui_px(a, 17), pl.body, true);
        return;
    }
    char t[512];
    bool d = p->draw;
    y += text_wrap(a->text, l->shown_scen, x, y, w, ui_px(a, 17), pl.head, d);
    snprintf(t, sizeof t, _("Seeds 1 to %d, the computer at level %d on both sides"), l->shown_games, l->shown_level);
    if (d)
        text_draw(a->text, t, x, y, ui_px(a, 13), pl.dim, TEXT_LEFT);
    y += ui_px(a, 22);
    /* The legend: a swatch, the setup, its median end turn and how many
     * games ended as history did. */
    int fs = ui_px(a, 15), sw = ui_px(a, 18);
    for (int s = 0; s < l->nshown; s++) {
        if (d)
            gfx_fill_rect(a->r, (float)x, (float)(y + ui_px(a, 2)), (float)sw, (float)sw, chart_setup_color(a, s));
        char hist[64] = "";
        if (l->history >= 0)
            snprintf(hist, sizeof hist, ", as in history %.0f\xC2\xA0%%", 100.0 * l->hist_games[s] / l->sum[s].games);
        snprintf(t, sizeof t, _("%s%s: median end turn %g%s"), s ? _("With ") : _("As it was"), s ? l->shown_opts : "",
                 l->sum[s].median_turn, hist);
        y += text_wrap(a->text, t, x + sw + ui_px(a, 8), y, w - sw - ui_px(a, 8), fs, pl.body, d) + ui_px(a, 2);
    }
    y += ui_px(a, 6);
    if (d)
        text_draw_bold(a->text, _("Who wins"), x, y, ui_px(a, 14), pl.head, TEXT_LEFT);
    y += ui_px(a, 20);
    const char *names[3] = { l->side_name[0], l->side_name[1], "Draw" };
    ChartSetup set[2] = { { &l->sum[0] }, { &l->sum[1] } };
    int bottom = c.y + c.h - ui_px(a, 10);
    int avail = bottom - y;
    int hist_h = avail * 32 / 100;
    SDL_Rect rs = { x, y, w, avail - hist_h - ui_px(a, 30) };
    if (d)
        chart_shares(a, rs, set, l->nshown, names, l->history);
    int hy = rs.y + rs.h + ui_px(a, 6);
    if (d) {
        text_draw_bold(a->text, _("Games ending on each turn"), x, hy, ui_px(a, 14), pl.head, TEXT_LEFT);
        const char *hint = _("click a bar to watch one");
        if (text_width(a->text, _("Games ending on each turn"), ui_px(a, 14)) + text_width(a->text, hint, ui_px(a, 12)) +
                ui_px(a, 16) < w)
            text_draw(a->text, hint, x + w, hy + ui_px(a, 2), ui_px(a, 12), pl.dim, TEXT_RIGHT);
    }
    SDL_Rect rt = { x, hy + ui_px(a, 22), w, bottom - hy - ui_px(a, 22) };
    if (ui_inside(rt, p->mx, p->my))
        ui_tooltip_set(p, _("Click a bar to watch one of the games that ended on that turn."));
    int hs = 0, ht = 0;
    if (d)
        chart_turns(a, rt, set, l->nshown, true, false, 0, 0, &hs, &ht);
    else if (chart_turns(a, rt, set, l->nshown, false, true, p->cx, p->cy, &hs, &ht)) {
        p->clicked = false;
        for (int i = 0; i < l->nres[hs]; i++)
            if (l->res[hs][i].turn == ht) {
                watch_seed(a, l, hs, i + 1);
                break;
            }
    }
}

void whatif_pass(UiApp *a, Pass *p)
{
    WhatIfLab *l = lab(a);
    if (!l)
        return;
    Palette pl = ui_palette(a);
    int W = a->W, H = a->H, band = ui_px(a, 64);
    if (p->draw) {
        gfx_fill_rect(a->r, 0, 0, (float)W, (float)band, a->set.high_contrast ? rgba(0, 255) : rgba(0x2b2a26, 255));
        gfx_fill_rect(a->r, 0, (float)band, (float)W, 3, pl.accent);
        text_draw_bold(a->text, _("What if?"), ui_px(a, 24), ui_px(a, 6), ui_px(a, 26), pl.head, TEXT_LEFT);
        const char *sub = _("Play the same games with and without a change to history");
        if (ui_px(a, 26) + text_width(a->text, sub, ui_px(a, 14)) < W - ui_px(a, 330))
            text_draw(a->text, sub, ui_px(a, 26), ui_px(a, 42), ui_px(a, 14), pl.dim, TEXT_LEFT);
    }
    SDL_Rect back = { W - ui_px(a, 150), ui_px(a, 12), ui_px(a, 130), ui_px(a, 40) };
    if (ui_button(a, p, back, _("Back  Esc"), false))
        a->screen = UI_MENU;
    if (l->have) {
        SDL_Rect ex = { back.x - ui_px(a, 150), back.y, ui_px(a, 140), ui_px(a, 40) };
        if (ui_button(a, p, ex, _("Export"), false))
            export_files(a, l);
        if (ui_inside(ex, p->mx, p->my))
            ui_tooltip_set(p, _("Save the chart as PNG and every game as CSV in %s."), a->pref_dir);
    }
    int top = band + ui_px(a, 12), lw = ui_px(a, 300);
    if (lw > W * 2 / 5)
        lw = W * 2 / 5;
    SDL_Rect left = { ui_px(a, 12), top, lw, H - top - ui_px(a, 12) };
    SDL_Rect right = { left.x + lw + ui_px(a, 12), top, W - lw - ui_px(a, 36), H - top - ui_px(a, 12) };
    ui_panel(a, p, left);
    ui_panel(a, p, right);
    controls(a, p, l, left);
    charts(a, p, l, right);
}

/* ---- for tests --------------------------------------------------------- */

bool uiapp_whatif_open(UiApp *a)
{
    whatif_open(a);
    return a->screen == UI_WHATIF;
}

bool uiapp_whatif_running(const UiApp *a)
{
    return a->lab && a->lab->run;
}

int uiapp_whatif_setups(const UiApp *a)
{
    return a->lab && a->lab->have ? a->lab->nshown : 0;
}

bool uiapp_whatif_share(const UiApp *a, int setup, int outcome, double *share, double *lo, double *hi, double *median)
{
    const WhatIfLab *l = a->lab;
    if (!l || !l->have || setup < 0 || setup >= l->nshown || outcome < 0 || outcome > 2)
        return false;
    *share = l->sum[setup].share[outcome];
    *lo = l->sum[setup].lo[outcome];
    *hi = l->sum[setup].hi[outcome];
    *median = l->sum[setup].median_turn;
    return true;
}

uint64_t uiapp_whatif_hash(const UiApp *a, int setup, int seed)
{
    const WhatIfLab *l = a->lab;
    if (!l || !l->have || setup < 0 || setup >= l->nshown || seed < 1 || seed > l->nres[setup])
        return 0;
    return l->res[setup][seed - 1].hash;
}

const char *uiapp_whatif_status(const UiApp *a)
{
    return a->lab ? a->lab->status : "";
}
