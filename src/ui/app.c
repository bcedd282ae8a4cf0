/* app.c - the UiApp: creation, the log of events, the computer's moves and
 * animation, drawing passes and the probes tests use. Input is input.c,
 * the game played session.c, the window loop run.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ai/ai.h"
#include "ai/simple.h"
#include "data/file.h"
#include "sim/headless.h"
#include "ui/internal.h"
#include "i18n.h"

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
    if (a->cam.scale != a->s) {
        /* Hexes and counters follow the scale; keep the view's centre. */
        float old = a->cam.scale > 0 ? a->cam.scale : 1.0f;
        double cx = a->cam.x + a->cam.view.w / 2.0, cy = a->cam.y + a->cam.view.h / 2.0;
        a->cam.scale = a->s;
        a->cam.x = cx * a->s / old - a->cam.view.w / 2.0;
        a->cam.y = cy * a->s / old - a->cam.view.h / 2.0;
        cam_clamp(&a->cam);
    }
    a->mr.theme.high_contrast = a->set.high_contrast;
    if (ui_scenario(a)) {
        SDL_Rect mr = game_map_rect(a);
        if (mr.w != a->cam.view.w || mr.h != a->cam.view.h || mr.x != a->cam.view.x || mr.y != a->cam.view.y) {
            a->cam.view = mr;
            cam_clamp(&a->cam);
        }
    }
}

char *ui_pref_path(void)
{
    char *p = SDL_GetPrefPath("emesa", "emesa");
    return p;
}

UiApp *uiapp_new(SDL_Window *win, SDL_Renderer *r, const UiConfig *cfg, char *why, size_t n)
{
    UiApp *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(why, n, _("out of memory"));
        return NULL;
    }
    a->win = win;
    a->r = r;
    a->cfg = *cfg;
    snprintf(a->data_dir, sizeof a->data_dir, "%s", cfg->data_dir ? cfg->data_dir : ".");
    a->cfg.data_dir = a->data_dir;
    char *pp = ui_pref_path();
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
    a->text = text_new_fonts(r, a->set.font, a->set.font_bold, why, n);
    if (!a->text) {
        free(a);
        return NULL;
    }
    /* Remember the fonts for the next start (not those EMESA_FONT asked
     * for, and nothing else from this run's command line). */
    const char *env_font = getenv("EMESA_FONT");
    if ((!env_font || !*env_font) && (strcmp(a->set.font, text_font_path(a->text, false)) != 0 ||
                                      strcmp(a->set.font_bold, text_font_path(a->text, true)) != 0)) {
        Settings disk;
        settings_load(&disk, a->pref_dir);
        snprintf(a->set.font, sizeof a->set.font, "%s", text_font_path(a->text, false));
        snprintf(a->set.font_bold, sizeof a->set.font_bold, "%s", text_font_path(a->text, true));
        memcpy(disk.font, a->set.font, sizeof disk.font);
        memcpy(disk.font_bold, a->set.font_bold, sizeof disk.font_bold);
        settings_save(&disk, a->pref_dir);
    }
    ui_lang_apply(a);
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
        /* any file: one of the menu's, or added to it */
        int i = menu_add_file(a, cfg->scenario);
        if (i >= 0)
            a->sel_scen = i;
    }
    if (cfg->replay)
        ui_replay_open(a, cfg->replay);
    return a;
}

int uiapp_ai_level(const UiApp *a, int side)
{
    return side >= 0 && side < MAX_SIDES && a->aip[side] ? ai_level(a->aip[side]) : 0;
}

int uiapp_menu_ai_level(const UiApp *a)
{
    return a->ai_level;
}

void ui_end_game(UiApp *a)
{
    lesson_forget(a);
    a->debrief_scroll = 0;
    ui_free_players(a);
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
    ui_end_game(a);
    whatif_free(a);
    art_free(a->art);
    text_free(a->text);
    free(a);
}

void ui_back_to_menu(UiApp *a)
{
    ui_end_game(a);
    a->screen = UI_MENU;
    a->confirm_end = a->confirm_quit = false;
}

UiScreen uiapp_screen(const UiApp *a) { return a->screen; }
int uiapp_scenario_count(const UiApp *a) { return a->nscen; }

int uiapp_selected_scenario(const UiApp *a) { return a->nscen ? a->sel_scen : -1; }

void uiapp_title(const UiApp *a, char *buf, size_t n)
{
    const char *t = ui_scenario(a) ? scenario_info(ui_scenario(a))->title
                          : a->nscen && a->sel_scen >= 0 && a->sel_scen < a->nscen ? a->scen[a->sel_scen].title : "";
    if (t[0])
        snprintf(buf, n, "Emesa - %s", t);
    else
        snprintf(buf, n, "Emesa");
}
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
    /* The computer's moves at the pace the player set (none: instant). */
    const Game *g = uiapp_game(a);
    bool computer = !a->rp.active && !a->ch.on && g && u >= 0 && u < g->nunits && a->ai[g->units[u].side];
    uint32_t step = computer ? settings_pace_step_ms(&a->set) : 90;
    if (a->nanims == UI_ANIMS || step == 0)
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
    an->per_step = step;
}

static bool log_worthy(EventType t)
{
    return t != EV_IMPULSE || true;
}

/* A column the scenario sends by itself (its courier came, or its turn):
 * the core says "column X sets out from ..." only then (an order given in
 * the window says "marches for"); a human side is told it was not its own. */
static void column_self_note(UiApp *a, const Event *e)
{
    const Game *g = uiapp_game(a);
    int v = ui_viewer(a);
    if (e->type != EV_THEATRE || e->side < 0 || e->side > 1 || !ui_is_human(a, e->side) || (v >= 0 && v != e->side))
        return;
    for (int c = 0; c < g->siege.ncolumns; c++) {
        const Column *col = &g->siege.columns[c];
        char head[128];
        snprintf(head, sizeof head, "column %s sets out from ", col->name);
        if (col->side != e->side || strncmp(e->text, head, strlen(head)) != 0)
            continue;
        char b[UI_LOG_TEXT];
        snprintf(b, sizeof b, _("%s set out by itself: the scenario's order, not yours (you may redirect it now)."), col->name);
        ui_log_text(a, EV_THEATRE, e->side, b);
        return;
    }
}

void ui_process_events(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g)
        return;
    for (; a->events_seen < g->events.n; a->events_seen++) {
        const Event *e = &g->events.items[a->events_seen];
        bool hidden_move = (e->type == EV_MOVE || e->type == EV_RETREAT) && !visible_to_viewer(a, e->unit);
        /* Orders only their side knows (the besiegers' alerts, columns, the
         * garrison's answer to terms) stay out of the other's log. */
        bool secret = !game_event_known_to(g, e, ui_viewer(a));
        if (log_worthy(e->type) && !hidden_move && !secret) {
            add_log(a, e);
            column_self_note(a, e);
        }
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
        /* Two players at one screen: the log is rebuilt for the player now
         * to act, without what only the other may know (hot-seat leaked the
         * besiegers' alert orders to the garrison). */
        if (both_human) {
            a->events_seen = 0;
            a->nlog = 0;
            ui_process_events(a);
            a->nanims = 0;
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
        ui_notice(a, _("Autosave failed: %s"), b);
    }
}

bool ui_apply(UiApp *a, const Command *c)
{
    if (!a->ss)
        return false;
    char why[256] = "";
    bool ok = session_apply(a->ss, c, why, sizeof why);
    if (!ok)
        ui_notice(a, _("Refused: %s"), why);
    ui_process_events(a);
    check_turn_change(a);
    ui_refresh_selection(a);
    if (ok)
        autosave(a);
    return ok;
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
        ui_modal(a))
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
    objectives_tick(a);
    const Game *g = uiapp_game(a);
    bool may_move = g && a->nanims == 0 && ai_turn(a) && !a->confirm_quit && chronicle_tick(a) && !lesson_holds(a);
    g = uiapp_game(a);
    while (may_move && ai_turn(a) && now >= a->ai_next) {
        g = uiapp_game(a);
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
        bool end = c.type == CMD_END_TURN || c.type == CMD_END_IMPULSE;
        a->ai_next = now + (a->ch.on ? chronicle_delay(a, end) : settings_pace_delay_ms(&a->set, end));
        a->ch.step = false;
        /* Instant: the computer plays on within this frame (50 ms at most),
         * so only the result is drawn. */
        if (a->ch.on || a->set.ai_pace != AI_PACE_INSTANT || a->nanims > 0 || SDL_GetTicks() - now > 50)
            break;
    }
    bool replaying = a->rp.active && replay_tick(a, now);
    whatif_tick(a);     /* the progress bar is redrawn at whatif_wake's pace */
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
    if (a->screen == UI_WHATIF && whatif_wake(a) >= 0)
        return whatif_wake(a);
    if (ai_turn(a) && !a->confirm_quit && !uiapp_paused(a))
        return a->ai_next > now ? (int)(a->ai_next - now) : 0;
    if (a->rp.active && a->rp.playing && a->screen == UI_GAME && !ui_modal(a))
        return a->rp.next_at > now ? (int)(a->rp.next_at - now) : 0;
    const Game *g = uiapp_game(a);
    if (g && g->mode == MODE_OVER && a->screen == UI_GAME && !a->rp.active)
        return 0;
    if (a->status[0] && a->status_until > now)
        return (int)(a->status_until - now);
    return -1;
}

/* ---- drawing ---------------------------------------------------------- */

bool ui_modal(const UiApp *a)
{
    return a->help || a->settings || a->confirm_end || a->confirm_quit || a->objectives || a->ask_terms;
}

void ui_run_pass(UiApp *a, Pass *p)
{
    if (p->draw)
        a->status_drawn = false;
    Pass sp = *p;
    /* An overlay the screen opens during this pass (the Help button) does
     * not take the click that opened it: it was not there when clicked. */
    bool was_modal = ui_modal(a);
    if (was_modal)
        sp.clicked = false;
    else
        reload_click(a, &sp);
    switch (a->screen) {
    case UI_MENU: menu_pass(a, &sp); break;
    case UI_GAME: game_pass(a, &sp); break;
    case UI_HANDOVER: handover_pass(a, &sp); break;
    case UI_DEBRIEF: debrief_pass(a, &sp); break;
    case UI_SAVES: saves_pass(a, &sp); break;
    case UI_WHATIF: whatif_pass(a, &sp); break;
    }
    if (!was_modal) {
        reload_draw(a, &sp);
        p->clicked = sp.clicked;
    }
    ui_notice_toast(a, p);
    if (!ui_modal(a)) {
        p->tip = sp.tip ? p->tipbuf : NULL;
        if (sp.tip)
            snprintf(p->tipbuf, sizeof p->tipbuf, "%s", sp.tip);
    } else {
        if (p->draw) {
            gfx_fill_rect(a->r, 0, 0, (float)a->W, (float)a->H, rgba(0x000000, 120));
            /* The layout test checks the dialog, not the screen dimmed under it. */
            ui_rec_occlude((SDL_Rect){0, 0, a->W, a->H});
        }
        if (a->confirm_end || a->confirm_quit)
            confirm_pass(a, p);
        else if (a->settings)
            settings_pass(a, p);
        else if (a->help)
            help_pass(a, p);
        else if (a->ask_terms)
            terms_pass(a, p);
        else if (a->objectives)
            objectives_pass(a, p);
        if (p->clicked && p->draw == false) {
            /* A click outside a dialog closes help or the objectives. */
            if (a->help && !a->settings)
                a->help = false;
            else if (a->objectives && !a->settings && !a->ask_terms && !a->confirm_end && !a->confirm_quit)
                a->objectives = false;
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
    ui_rec_begin_frame();
    p.mx = a->pending.mx;
    p.my = a->pending.my;
    ui_run_pass(a, &p);
}

bool uiapp_screenshot(UiApp *a, const char *path)
{
    uiapp_draw(a);
    int w = a->W, h = a->H;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return false;
    bool ok = SDL_RenderReadPixels(a->r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0 &&
              img_save_png(s, path) == 0;
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
        ui_notice(a, _("Screenshot saved: %s"), path);
    else
        ui_notice(a, _("Could not save the screenshot: %s"), SDL_GetError());
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
    ui_run_pass(a, &p);
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

const char *uiapp_tooltip(const UiApp *a)
{
    return a->last_tip;
}

bool uiapp_log_contains(const UiApp *a, const char *s)
{
    for (int i = 0; i < a->nlog; i++)
        if (strstr(a->log[i].text, s))
            return true;
    return false;
}

const char *uiapp_status(const UiApp *a)
{
    return a->status;
}

void uiapp_debrief_history(const UiApp *a, int *first, int *shown, int *total)
{
    *first = a->debrief_scroll;
    *shown = a->debrief_shown;
    *total = a->debrief_total;
}
