/* app.c - the UiApp: screens, events in, commands out, and ui_run(). */
#include <SDL_image.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ai/ai.h"
#include "ai/simple.h"
#include "ui/internal.h"

static bool modal(const UiApp *a);

int ui_px(const UiApp *a, int base)
{
    return (int)(base * a->s + 0.5f);
}

void ui_notice(UiApp *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
    a->status_until = a->now + 5000;
}

Scenario *ui_scenario(const UiApp *a)
{
    return a->ss ? session_scenario(a->ss) : NULL;
}

void ui_layout(UiApp *a)
{
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(a->r, &w, &h) != 0 || w <= 0) {
        w = a->set.width;
        h = a->set.height;
    }
    a->W = w;
    a->H = h;
    a->s = a->set.scale_pct / 100.0f;
    a->mr.theme.ui_scale = a->s;
    a->mr.theme.high_contrast = a->set.high_contrast;
    if (ui_scenario(a)) {
        SDL_Rect mr = game_map_rect(a);
        if (mr.w != a->cam.view.w || mr.h != a->cam.view.h || mr.x != a->cam.view.x || mr.y != a->cam.view.y) {
            a->cam.view = mr;
            cam_clamp(&a->cam);
        }
    }
}

static char *dup_pref_path(void)
{
    char *p = SDL_GetPrefPath("emesa", "emesa");
    return p;
}

UiApp *uiapp_new(SDL_Window *win, SDL_Renderer *r, const UiConfig *cfg, char *why, size_t n)
{
    UiApp *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(why, n, "out of memory");
        return NULL;
    }
    a->win = win;
    a->r = r;
    a->cfg = *cfg;
    snprintf(a->data_dir, sizeof a->data_dir, "%s", cfg->data_dir ? cfg->data_dir : ".");
    a->cfg.data_dir = a->data_dir;
    char *pp = dup_pref_path();
    if (pp) {
        snprintf(a->pref_dir, sizeof a->pref_dir, "%s", pp);
        SDL_free(pp);
    }
    settings_load(&a->set, a->pref_dir);
    /* The menu starts where the player left it; the command line's
     * --ai-level and --ai all preselect. */
    a->ai_level = cfg->ai_level >= AI_LEVEL_MIN && cfg->ai_level <= AI_LEVEL_MAX ? cfg->ai_level : a->set.ai_level;
    a->hotseat = a->set.opponent == OPP_HOTSEAT;
    a->watch = a->set.opponent == OPP_WATCH || cfg->ai_side == 2;
    a->chronicle = a->set.opponent == OPP_CHRONICLE && !a->watch;
    if (a->watch || a->chronicle)
        a->hotseat = false;
    a->sel_side = a->set.side;
    if (cfg->scale_pct >= 100 && cfg->scale_pct <= 300)
        a->set.scale_pct = cfg->scale_pct;
    if (cfg->fullscreen)
        a->set.fullscreen = true;
    a->text = text_new(r, why, n);
    if (!a->text) {
        free(a);
        return NULL;
    }
    a->mr.r = r;
    a->mr.text = a->text;
    a->show_zoc = true;
    a->show_minimap = true;
    a->human_side = -1;
    a->last_active = -1;
    a->screen = UI_MENU;
    a->probe_col = -1;
    ui_layout(a);
    menu_scan(a);
    if (cfg->scenario) {
        const char *base = strrchr(cfg->scenario, '/');
        int i = uiapp_find_scenario(a, base ? base + 1 : cfg->scenario);
        if (i >= 0)
            a->sel_scen = i;
    }
    if (cfg->replay)
        ui_replay_open(a, cfg->replay);
    return a;
}

static void free_players(UiApp *a)
{
    for (int s = 0; s < MAX_SIDES; s++) {
        ai_free(a->aip[s]);
        a->aip[s] = NULL;
    }
}

/* One computer player per side the computer plays, at the chosen level;
 * made again whenever the game is rebuilt (load, undo), so it plans from
 * the game as it is. */
static void make_players(UiApp *a)
{
    free_players(a);
    if (!a->ss || a->rp.active)
        return;
    uint64_t seed = session_seed(a->ss);
    for (int s = 0; s < MAX_SIDES; s++)
        if (a->ai[s])
            a->aip[s] = ai_new(s, a->ai_level, seed * 0x9E3779B97F4A7C15ull + (uint64_t)s + 1);
}

int uiapp_ai_level(const UiApp *a, int side)
{
    return side >= 0 && side < MAX_SIDES && a->aip[side] ? ai_level(a->aip[side]) : 0;
}

int uiapp_menu_ai_level(const UiApp *a)
{
    return a->ai_level;
}

static void end_game(UiApp *a)
{
    free_players(a);
    ui_replay_close(a);
    if (a->ss)
        session_free(a->ss);
    a->ss = NULL;
    a->view = VIEW_MAP;
    free(a->reach);
    a->reach = NULL;
    minimap_free(&a->mini);
    a->nsel = 0;
    a->nanims = 0;
    a->nlog = 0;
    memset(&a->ch, 0, sizeof a->ch);
}

void uiapp_free(UiApp *a)
{
    if (!a)
        return;
    end_game(a);
    art_free(a->art);
    text_free(a->text);
    free(a);
}

void ui_back_to_menu(UiApp *a)
{
    end_game(a);
    a->screen = UI_MENU;
    a->confirm_end = a->confirm_quit = false;
}

UiScreen uiapp_screen(const UiApp *a) { return a->screen; }
int uiapp_scenario_count(const UiApp *a) { return a->nscen; }
const Game *uiapp_game(const UiApp *a) { return a->ss ? session_game_const(a->ss) : NULL; }

int uiapp_find_scenario(const UiApp *a, const char *name)
{
    for (int i = 0; i < a->nscen; i++)
        if (strstr(a->scen[i].path, name))
            return i;
    return -1;
}

bool ui_is_human(const UiApp *a, int side)
{
    return side >= 0 && side < MAX_SIDES && !a->ai[side];
}

int ui_viewer(const UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g)
        return -1;
    if (g->mode == MODE_OVER)
        return -1;
    if (a->human_side >= 0)
        return a->human_side;
    if (a->ai[0] && a->ai[1])
        return -1;
    return g->active;
}

/* ---- events from the engine ------------------------------------------ */

static LogLine *new_log_line(UiApp *a)
{
    if (a->nlog == UI_LOG) {
        memmove(a->log, a->log + 1, sizeof a->log[0] * (UI_LOG - 1));
        a->nlog--;
    }
    return &a->log[a->nlog++];
}

static void add_log(UiApp *a, const Event *e)
{
    const Game *g = uiapp_game(a);
    LogLine *l = new_log_line(a);
    game_event_format(g, e, l->text, sizeof l->text);
    l->type = e->type;
    l->side = e->side;
}

void ui_log_text(UiApp *a, int type, int side, const char *text)
{
    LogLine *l = new_log_line(a);
    snprintf(l->text, sizeof l->text, "%s", text);
    l->type = type;
    l->side = side;
    a->log_scroll = 0;
}

static bool visible_to_viewer(const UiApp *a, int u)
{
    const Game *g = uiapp_game(a);
    int v = ui_viewer(a);
    return u >= 0 && (v < 0 || g->units[u].side == v || game_unit_visible(g, u, v));
}

static void start_anim(UiApp *a, int u, Hex from, Hex to)
{
    if (a->nanims == UI_ANIMS)
        return;
    Anim *an = &a->anims[a->nanims++];
    an->unit = u;
    an->npts = 0;
    an->pts[an->npts++] = from;
    /* The path the player just previewed, if it ends here; else straight. */
    if (a->have_path && a->path.len > 0 && hex_eq(a->path.hexes[a->path.len - 1], to)) {
        for (int i = 0; i < a->path.len && an->npts < UI_WAYPOINTS; i++)
            an->pts[an->npts++] = a->path.hexes[i];
    } else {
        an->pts[an->npts++] = to;
    }
    an->start = a->now;
    an->per_step = 90;
}

static bool log_worthy(EventType t)
{
    return t != EV_IMPULSE || true;
}

void ui_process_events(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g)
        return;
    for (; a->events_seen < g->events.n; a->events_seen++) {
        const Event *e = &g->events.items[a->events_seen];
        bool hidden_move = (e->type == EV_MOVE || e->type == EV_RETREAT) && !visible_to_viewer(a, e->unit);
        if (log_worthy(e->type) && !hidden_move)
            add_log(a, e);
        if ((e->type == EV_MOVE || e->type == EV_RETREAT) && !hidden_move)
            start_anim(a, e->unit, e->from, e->to);
    }
    a->log_scroll = 0;
}

static void check_turn_change(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g || g->mode == MODE_OVER)
        return;
    if (g->active != a->last_active) {
        bool both_human = ui_is_human(a, 0) && ui_is_human(a, 1);
        a->last_active = g->active;
        a->nsel = 0;
        if (both_human && a->screen == UI_GAME) {
            a->screen = UI_HANDOVER;
            a->handover_side = g->active;
        }
    }
}

/* Every turn begins with an autosave under the pref path (the newest
 * five are kept). */
static void autosave(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g || !a->pref_dir[0] || g->turn == a->autosaved_turn)
        return;
    a->autosaved_turn = g->turn;
    if (g->turn <= 1)
        return;   /* nothing to keep yet */
    SaveError err;
    if (!save_autosave(a->pref_dir, a->ss, 0, NULL, 0, &err)) {
        char b[900];
        save_error_format(&err, b, sizeof b);
        ui_notice(a, "Autosave failed: %s", b);
    }
}

bool ui_apply(UiApp *a, const Command *c)
{
    if (!a->ss)
        return false;
    char why[256] = "";
    bool ok = session_apply(a->ss, c, why, sizeof why);
    if (!ok)
        ui_notice(a, "Refused: %s", why);
    ui_process_events(a);
    check_turn_change(a);
    ui_refresh_selection(a);
    if (ok)
        autosave(a);
    return ok;
}

/* The session's ai note: which sides the computer plays. */
static void note_ai(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (a->ai[0] && a->ai[1])
        session_set_ai(a->ss, "all");
    else if (a->ai[0] || a->ai[1])
        session_set_ai(a->ss, g->sides[a->ai[0] ? 0 : 1].id);
    else
        session_set_ai(a->ss, "");
}

bool ui_ensure_art(UiApp *a, char *why, size_t n)
{
    if (a->art)
        return true;
    char assets[1100];
    snprintf(assets, sizeof assets, "%s/assets", a->data_dir);
    a->art = art_new(a->r, assets, why, n);
    if (!a->art)
        return false;
    a->mr.art = a->art;
    return true;
}

/* Takes over a running session (new, or loaded from a save, or the replay
 * viewer's game, which nobody plays). */
void ui_adopt_session(UiApp *a, Session *ss, int human_side, bool hotseat, bool replay)
{
    end_game(a);
    a->rp.active = replay;
    a->ss = ss;
    a->ss_gen = session_generation(ss);
    const Game *g = uiapp_game(a);
    a->hotseat = hotseat;
    a->human_side = hotseat ? -1 : human_side;
    for (int s = 0; s < MAX_SIDES; s++)
        a->ai[s] = replay || (!hotseat && s != human_side);
    if (!replay)
        note_ai(a);
    make_players(a);
    a->reach = calloc((size_t)g->map.width * (size_t)g->map.height, sizeof *a->reach);
    a->events_seen = 0;
    a->nlog = 0;
    a->last_active = g->active;
    a->autosaved_turn = g->turn;
    a->th_col = a->th_dest = a->th_hover = -1;
    a->screen = UI_GAME;
    a->cam.map_w = g->map.width;
    a->cam.map_h = g->map.height;
    a->cam.zoom = 2;
    a->cam.view = game_map_rect(a);
    ui_process_events(a);
    a->nanims = 0;
    game_on_start(a);
    if (hotseat && !replay) {
        a->screen = UI_HANDOVER;
        a->handover_side = g->active;
    }
    a->ai_next = a->now + 300;
}

/* After undo or redo the session re-played the game into a new Game:
 * take the new one and rebuild the log from its events. */
static void resync(UiApp *a)
{
    if (!a->ss || session_generation(a->ss) == a->ss_gen)
        return;
    a->ss_gen = session_generation(a->ss);
    a->events_seen = 0;
    a->nlog = 0;
    ui_process_events(a);
    a->nanims = 0;
    a->last_active = uiapp_game(a)->active;
    ui_refresh_selection(a);
    /* The computer plans afresh on the game as it now is. */
    make_players(a);
}

void ui_undo(UiApp *a)
{
    if (!a->ss)
        return;
    char why[256] = "";
    if (!session_undo(a->ss, why, sizeof why)) {
        ui_notice(a, "Cannot undo: %s.", why);
        return;
    }
    resync(a);
    ui_notice(a, "Undone. (Ctrl+Y gives it again.)");
}

static void ui_redo(UiApp *a)
{
    if (!a->ss)
        return;
    char why[256] = "";
    size_t before = uiapp_game(a)->events.n;
    if (!session_redo(a->ss, why, sizeof why)) {
        ui_notice(a, "Cannot redo: %s.", why);
        return;
    }
    resync(a);
    (void)before;
    ui_process_events(a);
    ui_refresh_selection(a);
    ui_notice(a, "Done again.");
}

static void quicksave_path(const UiApp *a, char *b, size_t n)
{
    snprintf(b, n, "%squicksave.emesa-save", a->pref_dir);
}

void ui_quicksave(UiApp *a)
{
    if (!a->ss)
        return;
    if (!a->pref_dir[0]) {
        ui_notice(a, "Cannot save: there is no settings folder to save in.");
        return;
    }
    char path[1200];
    quicksave_path(a, path, sizeof path);
    SaveError err;
    if (save_write(path, a->ss, &err)) {
        ui_notice(a, "Saved turn %d: %s (F9 loads it).", uiapp_game(a)->turn, path);
    } else {
        char b[900];
        save_error_format(&err, b, sizeof b);
        ui_notice(a, "Could not save: %s", b);
    }
}

void ui_quickload(UiApp *a)
{
    char path[1200], why[512];
    quicksave_path(a, path, sizeof path);
    if (!ui_ensure_art(a, why, sizeof why)) {
        ui_notice(a, "Cannot load: %s", why);
        return;
    }
    SaveLoadOptions o;
    memset(&o, 0, sizeof o);
    o.data_dir = a->data_dir;
    Session *out = NULL;
    SaveError err;
    SaveStatus st = save_load(path, &o, &out, &err);
    if (st != SAVE_OK) {
        if (out)
            session_free(out);
        char b[900];
        save_error_format(&err, b, sizeof b);
        ui_notice(a, st == SAVE_IO ? "No quick save to load (F5 makes one): %s" : "Cannot load the quick save: %s", b);
        return;
    }
    /* Keep who plays what when a game is running; from the menu, the
     * menu's choice of side and opponent. */
    bool hotseat = a->ss ? a->human_side < 0 && !a->ai[0] && !a->ai[1] : a->hotseat;
    int human = a->ss ? a->human_side : (a->hotseat || a->watch ? -1 : a->sel_side);
    ui_adopt_session(a, out, human, hotseat, false);
    ui_notice(a, "Loaded the quick save: turn %d.", uiapp_game(a)->turn);
}

bool uiapp_start(UiApp *a, int i, int human_side, bool hotseat, char *why, size_t n)
{
    if (i < 0 || i >= a->nscen) {
        snprintf(why, n, "no such scenario");
        return false;
    }
    if (!ui_ensure_art(a, why, n))
        return false;
    Diags d;
    memset(&d, 0, sizeof d);
    Session *ss = session_new_opts(a->scen[i].path, a->scen[i].path, a->cfg.seed, a->cfg.options, &d);
    if (!ss) {
        if (d.n > 0)
            diag_format(&d.items[0], why, n);
        else
            snprintf(why, n, "%s does not load", a->scen[i].path);
        return false;
    }
    /* A save names the scenario relative to the data directory when it
     * lives there, so saves survive moving the checkout. */
    size_t dl = strlen(a->data_dir);
    if (strncmp(a->scen[i].path, a->data_dir, dl) == 0 && a->scen[i].path[dl] == '/')
        session_set_ref(ss, a->scen[i].path + dl + 1);
    ui_adopt_session(a, ss, human_side, hotseat, false);
    a->scen_index = i;
    return true;
}

/* ---- animation and the computer player -------------------------------- */

static void anim_positions(UiApp *a, MapOverlay *ov)
{
    ov->nanim = 0;
    float size = cam_size(&a->cam);
    for (int i = 0; i < a->nanims && ov->nanim < 16; i++) {
        Anim *an = &a->anims[i];
        float t = (float)(a->now - an->start) / (float)an->per_step;
        int seg = (int)t;
        if (seg >= an->npts - 1) {
            seg = an->npts - 2;
            t = (float)an->npts - 1;
        }
        float f = t - (float)seg;
        float x0, y0, x1, y1;
        cam_hex_center(&a->cam, an->pts[seg], &x0, &y0);
        cam_hex_center(&a->cam, an->pts[seg + 1], &x1, &y1);
        float sx = x0 + (x1 - x0) * f, sy = y0 + (y1 - y0) * f;
        (void)size;
        ov->anim_unit[ov->nanim] = an->unit;
        ov->anim_x[ov->nanim] = sx - a->cam.view.x + (float)a->cam.x;
        ov->anim_y[ov->nanim] = sy - a->cam.view.y + (float)a->cam.y;
        ov->nanim++;
    }
}

void ui_fill_overlay(UiApp *a, MapOverlay *ov);
void ui_fill_overlay(UiApp *a, MapOverlay *ov)
{
    memset(ov, 0, sizeof *ov);
    ov->viewer = ui_viewer(a);
    ov->reach = a->have_reach ? a->reach : NULL;
    for (int i = 0; i < a->nsel; i++)
        ov->selected[i] = a->sel[i];
    ov->nselected = a->nsel;
    ov->path = a->have_path ? &a->path : NULL;
    ov->show_zoc = a->show_zoc;
    ov->show_coords = a->show_coords;
    for (int i = 0; i < a->ntargets; i++) {
        ov->targets[i] = a->targets[i];
        snprintf(ov->target_label[i], sizeof ov->target_label[i], "%s", a->target_label[i]);
    }
    ov->ntargets = a->ntargets;
    ov->have_hover = a->have_hover;
    ov->hover = a->hover;
    ov->flash_ms = a->now;
    anim_positions(a, ov);
    ov->nrelief = ui_relief_marks(uiapp_game(a), ov->viewer, ov->relief, MAP_RELIEF_MAX);
}

void uiapp_finish_animations(UiApp *a)
{
    a->nanims = 0;
}

static bool ai_turn(const UiApp *a)
{
    const Game *g = uiapp_game(a);
    return g && g->mode != MODE_OVER && a->screen == UI_GAME && a->ai[g->active] && !a->rp.active;
}

/* How far the pointer at the window's edge pushes the map, per axis
 * (-1, 0, 1); zero unless the hex map is showing and nothing else holds
 * the pointer. */
static bool edge_dir(const UiApp *a, int *dx, int *dy)
{
    *dx = *dy = 0;
    if (!a->ss || a->screen != UI_GAME || a->view != VIEW_MAP || !a->mouse_in || a->edge_stuck || a->dragging ||
        modal(a))
        return false;
    int m = ui_px(a, 4), x = a->pending.mx, y = a->pending.my;
    *dx = x < m ? -1 : x >= a->W - m ? 1 : 0;
    *dy = y < m ? -1 : y >= a->H - m ? 1 : 0;
    return *dx || *dy;
}

static bool edge_pan(UiApp *a, uint32_t now)
{
    int dx, dy;
    if (!edge_dir(a, &dx, &dy)) {
        a->edge_last = 0;
        return false;
    }
    uint32_t dt = a->edge_last ? now - a->edge_last : 16;
    if (dt > 50)
        dt = 50;
    a->edge_last = now;
    double v = 0.9 * (double)dt * a->s;   /* ~900 px a second */
    double x0 = a->cam.x, y0 = a->cam.y;
    cam_pan(&a->cam, dx * v, dy * v);
    /* At the map's end: stop asking for frames until the pointer moves. */
    if (a->cam.x == x0 && a->cam.y == y0) {
        a->edge_stuck = true;
        a->edge_last = 0;
        return false;
    }
    return true;
}

bool uiapp_tick(UiApp *a, uint32_t now)
{
    a->now = now;
    bool panning = edge_pan(a, now);
    int k = 0;
    for (int i = 0; i < a->nanims; i++) {
        Anim *an = &a->anims[i];
        if (now - an->start < an->per_step * (uint32_t)(an->npts - 1))
            a->anims[k++] = *an;
    }
    a->nanims = k;
    const Game *g = uiapp_game(a);
    bool may_move = g && a->nanims == 0 && ai_turn(a) && !a->confirm_quit && chronicle_tick(a);
    g = uiapp_game(a);
    if (may_move && ai_turn(a) && now >= a->ai_next) {
        Command c;
        memset(&c, 0, sizeof c);
        AiPlayer *p = a->aip[g->active];
        bool have = p ? ai_next(p, g, &c) : ai_simple_next(g, &c);
        if (!have && p)
            have = ai_simple_next(g, &c);
        if (have && !ui_apply(a, &c)) {
            Command f = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
            ui_apply(a, &f);
        }
        a->ai_next = now + chronicle_delay(a, c.type == CMD_END_TURN || c.type == CMD_END_IMPULSE);
        a->ch.step = false;
    }
    bool replaying = a->rp.active && replay_tick(a, now);
    g = uiapp_game(a);
    if (g && g->mode == MODE_OVER && a->nanims == 0 && a->screen == UI_GAME && !a->rp.active)
        a->screen = UI_DEBRIEF;
    return a->nanims > 0 || panning || replaying;
}

int uiapp_next_wake(const UiApp *a, uint32_t now)
{
    int dx, dy;
    if (a->nanims > 0 || edge_dir(a, &dx, &dy))
        return 0;
    if (ai_turn(a) && !a->confirm_quit && !uiapp_paused(a))
        return a->ai_next > now ? (int)(a->ai_next - now) : 0;
    if (a->rp.active && a->rp.playing && a->screen == UI_GAME && !modal(a))
        return a->rp.next_at > now ? (int)(a->rp.next_at - now) : 0;
    const Game *g = uiapp_game(a);
    if (g && g->mode == MODE_OVER && a->screen == UI_GAME && !a->rp.active)
        return 0;
    if (a->status[0] && a->status_until > now)
        return (int)(a->status_until - now);
    return -1;
}

/* ---- drawing ---------------------------------------------------------- */

static bool modal(const UiApp *a)
{
    return a->help || a->settings || a->confirm_end || a->confirm_quit;
}

static void run_pass(UiApp *a, Pass *p)
{
    Pass sp = *p;
    if (modal(a))
        sp.clicked = false;
    switch (a->screen) {
    case UI_MENU: menu_pass(a, &sp); break;
    case UI_GAME: game_pass(a, &sp); break;
    case UI_HANDOVER: handover_pass(a, &sp); break;
    case UI_DEBRIEF: debrief_pass(a, &sp); break;
    case UI_SAVES: saves_pass(a, &sp); break;
    }
    if (!modal(a)) {
        p->clicked = sp.clicked;
        p->tip = sp.tip ? p->tipbuf : NULL;
        if (sp.tip)
            snprintf(p->tipbuf, sizeof p->tipbuf, "%s", sp.tip);
    } else {
        if (p->draw)
            gfx_fill_rect(a->r, 0, 0, (float)a->W, (float)a->H, rgba(0x000000, 120));
        if (a->confirm_end || a->confirm_quit)
            confirm_pass(a, p);
        else if (a->settings)
            settings_pass(a, p);
        else if (a->help)
            help_pass(a, p);
        if (p->clicked && p->draw == false) {
            /* A click outside a dialog closes help. */
            if (a->help && !a->settings)
                a->help = false;
        }
    }
    ui_tooltip_draw(a, p);
}

void uiapp_draw(UiApp *a)
{
    ui_layout(a);
    SDL_SetRenderDrawColor(a->r, 0x17, 0x19, 0x1c, 255);
    SDL_RenderClear(a->r);
    Pass p;
    memset(&p, 0, sizeof p);
    p.draw = true;
    p.mx = a->pending.mx;
    p.my = a->pending.my;
    run_pass(a, &p);
}

static void click(UiApp *a, int x, int y)
{
    Pass p;
    memset(&p, 0, sizeof p);
    p.clicked = true;
    p.cx = x;
    p.cy = y;
    p.mx = x;
    p.my = y;
    ui_layout(a);
    run_pass(a, &p);
}

bool uiapp_screenshot(UiApp *a, const char *path)
{
    uiapp_draw(a);
    int w = a->W, h = a->H;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return false;
    bool ok = SDL_RenderReadPixels(a->r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0 &&
              IMG_SavePNG(s, path) == 0;
    SDL_FreeSurface(s);
    return ok;
}

void ui_screenshot_now(UiApp *a)
{
    char path[1400];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    snprintf(path, sizeof path, "%sscreenshot-%s.png", a->pref_dir, stamp);
    if (uiapp_screenshot(a, path))
        ui_notice(a, "Screenshot saved: %s", path);
    else
        ui_notice(a, "Could not save the screenshot: %s", SDL_GetError());
}

/* ---- input ------------------------------------------------------------ */

static void toggle_fullscreen(UiApp *a)
{
    a->set.fullscreen = !a->set.fullscreen;
    if (a->win)
        SDL_SetWindowFullscreen(a->win, a->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    settings_save(&a->set, a->pref_dir);
}

static bool global_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (sym == SDLK_F1 || (sym == SDLK_SLASH && shift) || sym == SDLK_QUESTION) {
        a->help = !a->help;
        return true;
    }
    if (sym == SDLK_F12) {
        a->want_shot = true;
        if (!a->win)
            ui_screenshot_now(a);
        return true;
    }
    if (sym == SDLK_F11) {
        toggle_fullscreen(a);
        return true;
    }
    if (sym == SDLK_F10 || (sym == SDLK_o && (k->keysym.mod & KMOD_CTRL))) {
        a->settings = !a->settings;
        return true;
    }
    if (modal(a)) {
        if (sym == SDLK_ESCAPE) {
            if (a->confirm_end || a->confirm_quit)
                a->confirm_end = a->confirm_quit = false;
            else if (a->settings)
                a->settings = false;
            else
                a->help = false;
            return true;
        }
        if (a->confirm_end && (sym == SDLK_RETURN || sym == SDLK_KP_ENTER || sym == SDLK_SPACE || sym == SDLK_y)) {
            const Game *g = uiapp_game(a);
            a->confirm_end = false;
            if (g) {
                Command c = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
                ui_apply(a, &c);
            }
            return true;
        }
        if (a->confirm_quit && (sym == SDLK_RETURN || sym == SDLK_KP_ENTER || sym == SDLK_y)) {
            a->confirm_quit = false;
            ui_back_to_menu(a);
            return true;
        }
        if (a->confirm_end && sym == SDLK_n)
            a->confirm_end = false;
        return true;   /* modal: eat the rest */
    }
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (a->rp.active)
        return false;   /* a replay is watched, not played: no saves or undo */
    if (sym == SDLK_F5 || (ctrl && sym == SDLK_s)) {
        if (a->ss && a->screen != UI_HANDOVER)
            ui_quicksave(a);
        return true;
    }
    if (sym == SDLK_F9 || (ctrl && sym == SDLK_l)) {
        if (a->screen != UI_HANDOVER)
            ui_quickload(a);
        return true;
    }
    if (ctrl && sym == SDLK_z && !shift && a->screen == UI_GAME) {
        ui_undo(a);
        return true;
    }
    if (ctrl && (sym == SDLK_y || (sym == SDLK_z && shift)) && a->screen == UI_GAME) {
        ui_redo(a);
        return true;
    }
    return false;
}

bool uiapp_handle(UiApp *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        a->quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_ENTER)
            a->mouse_in = true;
        if (e->window.event == SDL_WINDOWEVENT_LEAVE || e->window.event == SDL_WINDOWEVENT_FOCUS_LOST)
            a->mouse_in = false;
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            ui_layout(a);
            if (!a->set.fullscreen) {
                a->set.width = e->window.data1;
                a->set.height = e->window.data2;
            }
        }
        break;
    case SDL_KEYDOWN:
        if (!global_key(a, &e->key)) {
            if (a->screen == UI_MENU)
                menu_key(a, e->key.keysym.sym);
            else if (a->screen == UI_SAVES)
                saves_key(a, e->key.keysym.sym);
            else if (a->screen == UI_GAME && a->rp.active && replay_key(a, &e->key))
                ;
            else if (a->screen == UI_GAME && chronicle_key(a, &e->key))
                ;
            else if (a->screen == UI_GAME)
                game_key(a, &e->key);
            else if (a->screen == UI_HANDOVER) {
                SDL_Keycode s = e->key.keysym.sym;
                if (s == SDLK_RETURN || s == SDLK_SPACE || s == SDLK_KP_ENTER)
                    a->screen = UI_GAME;
            } else if (a->screen == UI_DEBRIEF) {
                SDL_Keycode s = e->key.keysym.sym;
                if (s == SDLK_RETURN || s == SDLK_ESCAPE || s == SDLK_KP_ENTER)
                    ui_back_to_menu(a);
            }
        }
        break;
    case SDL_MOUSEMOTION:
        a->mouse_in = true;
        a->edge_stuck = false;
        a->pending.mx = e->motion.x;
        a->pending.my = e->motion.y;
        if (a->screen == UI_GAME && !modal(a))
            game_mouse(a, e);
        break;
    case SDL_MOUSEBUTTONDOWN:
        a->pending.mx = e->button.x;
        a->pending.my = e->button.y;
        if (a->screen == UI_GAME && !modal(a))
            game_mouse(a, e);
        break;
    case SDL_MOUSEBUTTONUP:
        a->pending.mx = e->button.x;
        a->pending.my = e->button.y;
        if (e->button.button == SDL_BUTTON_LEFT) {
            bool was_drag = a->dragging && a->drag_moved;
            a->dragging = false;
            if (!was_drag)
                click(a, e->button.x, e->button.y);
        } else if (a->screen == UI_GAME && !modal(a)) {
            game_mouse(a, e);
        }
        break;
    case SDL_MOUSEWHEEL:
        if (a->screen == UI_GAME && !modal(a))
            game_mouse(a, e);
        else if (a->screen == UI_MENU)
            a->menu_scroll -= e->wheel.y;
        else if (a->screen == UI_SAVES)
            a->saves_scroll -= e->wheel.y;
        break;
    default:
        break;
    }
    return !a->quit;
}

/* ---- the loop --------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
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
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "emesa: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    Settings set;
    char *pp = dup_pref_path();
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
            present_frame(a);
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

/* ---- for tests and the benchmark -------------------------------------- */

bool uiapp_hex_screen(const UiApp *a, Hex h, int *x, int *y)
{
    if (!ui_scenario(a))
        return false;
    float fx, fy;
    cam_hex_center(&a->cam, h, &fx, &fy);
    *x = (int)fx;
    *y = (int)fy;
    SDL_Rect v = a->cam.view;
    return fx >= v.x && fy >= v.y && fx < v.x + v.w && fy < v.y + v.h;
}

void uiapp_center_on(UiApp *a, Hex h)
{
    if (ui_scenario(a))
        cam_center_on(&a->cam, h);
}

void uiapp_set_zoom(UiApp *a, int zoom)
{
    if (!ui_scenario(a))
        return;
    SDL_Rect v = a->cam.view;
    cam_zoom_at(&a->cam, zoom - a->cam.zoom, v.x + v.w / 2, v.y + v.h / 2);
}

void uiapp_pan(UiApp *a, int dx, int dy)
{
    if (ui_scenario(a))
        cam_pan(&a->cam, dx, dy);
}

int uiapp_selection(const UiApp *a, int *out, int max)
{
    int n = a->nsel < max ? a->nsel : max;
    for (int i = 0; i < n; i++)
        out[i] = a->sel[i];
    return n;
}

void uiapp_set_view(UiApp *a, int view)
{
    if (view >= VIEW_MAP && view <= VIEW_TIMELINE)
        ui_set_view(a, view);
}

int uiapp_view(const UiApp *a)
{
    return a->view;
}

/* A pass that draws nothing and clicks nothing, noting where a button or
 * a column would be. */
static bool probe(UiApp *a, const char *label, int col, int *x, int *y)
{
    a->probe = label;
    a->probe_col = col;
    a->probe_found = false;
    Pass p;
    memset(&p, 0, sizeof p);
    p.mx = p.my = -1;
    ui_layout(a);
    run_pass(a, &p);
    a->probe = NULL;
    a->probe_col = -1;
    if (!a->probe_found)
        return false;
    *x = a->probe_rect.x + a->probe_rect.w / 2;
    *y = a->probe_rect.y + a->probe_rect.h / 2;
    return true;
}

int uiapp_buttons(UiApp *a, SDL_Rect *out, int max)
{
    a->probe_all = out;
    a->probe_n = 0;
    a->probe_max = max;
    int x, y;
    probe(a, "", -2, &x, &y);
    a->probe_all = NULL;
    return a->probe_n;
}

bool uiapp_find_button(UiApp *a, const char *label, int *x, int *y)
{
    return probe(a, label, -1, x, y);
}

bool uiapp_theatre_column_screen(UiApp *a, int column, int *x, int *y)
{
    return a->view == VIEW_THEATRE && probe(a, NULL, column, x, y);
}

const char *uiapp_status(const UiApp *a)
{
    return a->status;
}
