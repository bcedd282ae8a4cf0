/* menu.c - the main menu: scenarios with their briefing, side, opponent. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/internal.h"

static int cmp_entry(const void *x, const void *y)
{
    return strcmp(((const MenuEntry *)x)->path, ((const MenuEntry *)y)->path);
}

void menu_scan(UiApp *a)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/scenarios", a->data_dir);
    a->nscen = 0;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) && a->nscen < UI_MAX_SCEN) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".lua") != 0 || de->d_name[0] == '.')
            continue;
        MenuEntry *m = &a->scen[a->nscen++];
        memset(m, 0, sizeof *m);
        snprintf(m->path, sizeof m->path, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    qsort(a->scen, (size_t)a->nscen, sizeof a->scen[0], cmp_entry);
    for (int i = 0; i < a->nscen; i++) {
        MenuEntry *m = &a->scen[i];
        Diags dg;
        memset(&dg, 0, sizeof dg);
        Scenario *s = scenario_load(m->path, 1, &dg);
        const char *base = strrchr(m->path, '/');
        if (!s) {
            snprintf(m->title, sizeof m->title, "%s", base ? base + 1 : m->path);
            if (dg.n > 0)
                diag_format(&dg.items[0], m->problem, sizeof m->problem);
            else
                snprintf(m->problem, sizeof m->problem, "does not load");
            continue;
        }
        const ScenarioInfo *inf = scenario_info(s);
        const Game *g = scenario_game_const(s);
        snprintf(m->title, sizeof m->title, "%s", inf->title[0] ? inf->title : (base ? base + 1 : m->path));
        snprintf(m->briefing, sizeof m->briefing, "%s", inf->briefing);
        m->nsides = g->nsides;
        for (int k = 0; k < g->nsides && k < MAX_SIDES; k++)
            snprintf(m->side_name[k], sizeof m->side_name[k], "%s", g->sides[k].name);
        scenario_free(s);
    }
}

static const char *const level_text[3] = {
    "Level 1 \xE2\x80\x94 steady: attacks at fair odds with the units at hand, keeps the blockade and the rations "
    "simply, and now and then misjudges.",
    "Level 2 \xE2\x80\x94 cunning: manoeuvres for flank and rear, pulls back shaken units, pursues routers, sets gate "
    "alerts, sends columns, offers terms and weighs your answer before a sally or an assault.",
    "Level 3 \xE2\x80\x94 a master: everything level 2 does, with a deeper search, the feigned withdrawal of light horse, care for "
    "its leaders, releasing a wavering contingent in time and surprise sallies against camps off their guard.",
};

/* The choice is remembered for the next time the window opens. */
static void remember(UiApp *a)
{
    a->set.ai_level = a->ai_level;
    a->set.opponent = a->chronicle ? OPP_CHRONICLE : a->watch ? OPP_WATCH : a->hotseat ? OPP_HOTSEAT : OPP_COMPUTER;
    a->set.side = a->sel_side;
    settings_save(&a->set, a->pref_dir);
}

static void set_opponent(UiApp *a, int opp)
{
    a->hotseat = opp == OPP_HOTSEAT;
    a->watch = opp == OPP_WATCH;
    a->chronicle = opp == OPP_CHRONICLE;
    remember(a);
}

static int opponent(const UiApp *a)
{
    return a->chronicle ? OPP_CHRONICLE : a->watch ? OPP_WATCH : a->hotseat ? OPP_HOTSEAT : OPP_COMPUTER;
}

static void start(UiApp *a)
{
    char why[512];
    remember(a);
    bool nobody = a->hotseat || a->watch;
    bool ok = a->chronicle ? uiapp_start_chronicle(a, a->sel_scen, why, sizeof why)
                           : uiapp_start(a, a->sel_scen, nobody ? -1 : a->sel_side, a->hotseat, why, sizeof why);
    if (!ok)
        ui_notice(a, "%s", why);
}

static void open_replays(UiApp *a)
{
    a->replay_error[0] = '\0';
    saves_scan(a);
    a->screen = UI_SAVES;
}

bool menu_key(UiApp *a, SDL_Keycode k)
{
    switch (k) {
    case SDLK_UP: if (a->sel_scen > 0) a->sel_scen--; return true;
    case SDLK_DOWN: if (a->sel_scen + 1 < a->nscen) a->sel_scen++; return true;
    case SDLK_LEFT: case SDLK_RIGHT: case SDLK_TAB: a->sel_side = 1 - a->sel_side; remember(a); return true;
    case SDLK_o: case SDLK_h:
        set_opponent(a, (opponent(a) + 1) % OPP_COUNT);
        return true;
    case SDLK_l:
        a->ai_level = a->ai_level % AI_LEVEL_MAX + 1;
        remember(a);
        return true;
    case SDLK_1: case SDLK_2: case SDLK_3:
        a->ai_level = (int)(k - SDLK_1) + 1;
        remember(a);
        return true;
    case SDLK_w: case SDLK_v: open_replays(a); return true;
    case SDLK_RETURN: case SDLK_KP_ENTER: start(a); return true;
    case SDLK_ESCAPE: case SDLK_q: a->confirm_quit = true; return true;   /* asks first: a stray Esc is not a quit */
    default: return false;
    }
}

void menu_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    int W = a->W, H = a->H;
    if (p->draw) {
        /* A warm parchment band behind the title. */
        gfx_fill_rect(a->r, 0, 0, (float)W, (float)ui_px(a, 110), a->set.high_contrast ? rgba(0, 255) : rgba(0x2b2a26, 255));
        gfx_fill_rect(a->r, 0, (float)ui_px(a, 110), (float)W, 3, pl.accent);
        text_draw_bold(a->text, "EMESA", ui_px(a, 40), ui_px(a, 16), ui_px(a, 44), pl.head, TEXT_LEFT);
        text_draw(a->text, "The sieges of Homs, 635\xE2\x80\x93""638  \xC2\xB7  \xD8\xAD\xD9\x85\xD8\xB5", ui_px(a, 44),
                  ui_px(a, 72), ui_px(a, 18), pl.dim, TEXT_LEFT);
    }
    int top = ui_px(a, 140);
    int lw = ui_px(a, 420);
    int x = ui_px(a, 40);
    if (p->draw)
        text_draw_bold(a->text, "Scenarios", x, top, ui_px(a, 20), pl.head, TEXT_LEFT);
    int y = top + ui_px(a, 38);
    if (a->nscen == 0 && p->draw)
        text_wrap(a->text, "No scenarios found. Put .lua scenario files in the data directory's scenarios/ folder.", x, y, lw,
                  ui_px(a, 15), pl.bad, true);
    for (int i = 0; i < a->nscen; i++) {
        SDL_Rect r = { x, y, lw, ui_px(a, 54) };
        if (ui_button(a, p, r, "", i == a->sel_scen))
            a->sel_scen = i;
        if (p->draw) {
            Rgba c = i == a->sel_scen ? rgba(0x1a1408, 255) : pl.body;
            text_draw_bold(a->text, a->scen[i].title, r.x + ui_px(a, 12), r.y + ui_px(a, 6), ui_px(a, 16), c, TEXT_LEFT);
            const char *base = strrchr(a->scen[i].path, '/');
            text_draw(a->text, a->scen[i].problem[0] ? "cannot be loaded" : (base ? base + 1 : ""), r.x + ui_px(a, 12),
                      r.y + ui_px(a, 30), ui_px(a, 13), a->scen[i].problem[0] ? pl.bad : (i == a->sel_scen ? c : pl.dim),
                      TEXT_LEFT);
        }
        y += ui_px(a, 62);
    }
    /* Buttons under the list. */
    int by = H - ui_px(a, 70);
    SDL_Rect rr = { x, by - ui_px(a, 52), ui_px(a, 414), ui_px(a, 40) };
    if (ui_button(a, p, rr, "Watch a replay  (W)", false))
        open_replays(a);
    if (ui_inside(rr, p->mx, p->my))
        ui_tooltip_set(p, "Open a saved game or an autosave and watch it again, step by step or turn by turn.");
    SDL_Rect rs = { x, by, ui_px(a, 130), ui_px(a, 40) };
    if (ui_button(a, p, rs, "Settings", false))
        a->settings = true;
    SDL_Rect rh = { x + ui_px(a, 142), by, ui_px(a, 130), ui_px(a, 40) };
    if (ui_button(a, p, rh, "Help  F1", false))
        a->help = true;
    SDL_Rect rq = { x + ui_px(a, 284), by, ui_px(a, 130), ui_px(a, 40) };
    if (ui_button(a, p, rq, "Quit", false))
        a->quit = true;

    /* The selected scenario. */
    if (a->nscen == 0)
        return;
    MenuEntry *m = &a->scen[a->sel_scen];
    int rx = x + lw + ui_px(a, 40), rw = W - rx - ui_px(a, 40);
    SDL_Rect panel = { rx, top - ui_px(a, 10), rw, H - top - ui_px(a, 20) };
    ui_panel(a, p, panel);
    int px = rx + ui_px(a, 24), pw = rw - ui_px(a, 48);
    int yy = top + ui_px(a, 8);
    if (p->draw) {
        text_draw_bold(a->text, m->title, px, yy, ui_px(a, 24), pl.head, TEXT_LEFT);
    }
    yy += ui_px(a, 44);
    if (m->problem[0]) {
        if (p->draw)
            text_wrap(a->text, m->problem, px, yy, pw, ui_px(a, 15), pl.bad, true);
        return;
    }
    /* Four opponents in a row when their labels fit, else two rows. */
    int lab0 = ui_px(a, 130);
    bool opp_rows = text_width(a->text, "A second player here", ui_px(a, 15)) + ui_px(a, 24) > (pw - lab0) / 4 - ui_px(a, 8);
    int bottom_block = ui_px(a, 318) + (opp_rows ? ui_px(a, 46) : 0);
    int avail = panel.y + panel.h - bottom_block - yy;
    if (p->draw) {
        int bh = text_wrap(a->text, m->briefing, px, yy, pw, ui_px(a, 16), pl.body, false);
        /* Never over the choices below: what does not fit is cut. */
        SDL_Rect clip = { px, yy, pw, avail > 0 ? avail : 0 };
        SDL_RenderSetClipRect(a->r, &clip);
        if (bh <= avail)
            text_wrap(a->text, m->briefing, px, yy, pw, ui_px(a, 16), pl.body, true);
        else
            text_wrap(a->text, m->briefing, px, yy, pw, ui_px(a, 14), pl.body, true);
        SDL_RenderSetClipRect(a->r, NULL);
    }
    int cy = panel.y + panel.h - bottom_block + ui_px(a, 10);
    int lab = ui_px(a, 130);
    int bw = (pw - lab) / 2, bw3 = (pw - lab) / 3, bw4 = (pw - lab) / 4;
    bool nobody = a->watch || a->chronicle;
    if (p->draw)
        text_draw_bold(a->text, "Play as", px, cy, ui_px(a, 16), nobody ? pl.dim : pl.head, TEXT_LEFT);
    for (int s = 0; s < m->nsides && s < 2; s++) {
        SDL_Rect r = { px + lab + s * (bw + ui_px(a, 8)), cy - ui_px(a, 8), bw - ui_px(a, 8), ui_px(a, 38) };
        if (ui_button(a, p, r, m->side_name[s], !a->hotseat && !nobody && a->sel_side == s)) {
            a->sel_side = s;
            set_opponent(a, a->hotseat ? OPP_HOTSEAT : OPP_COMPUTER);
        }
    }
    cy += ui_px(a, 48);
    if (p->draw)
        text_draw_bold(a->text, "Opponent", px, cy, ui_px(a, 16), pl.head, TEXT_LEFT);
    static const char *const opp_label[OPP_COUNT] = { "The computer", "A second player here", "Computer vs computer",
                                                      "Chronicle" };
    static const char *const opp_tip[OPP_COUNT] = {
        "The computer plays the other side.",
        "Two players take turns at this screen (hot-seat); each side's secrets are hidden at the hand-over.",
        "The computer plays both sides and you watch, seeing everything. Space pauses, the right arrow steps.",
        "The computer plays both sides along the recorded course of events (the scenario's chronicle), stopping "
        "at each recorded decision with its note and sources until you continue. Space pauses and resumes, the "
        "right arrow gives one order at a time, [ and ] change the pace.",
    };
    int cur = opponent(a);
    for (int o = 0; o < OPP_COUNT; o++) {
        SDL_Rect r = { px + lab + o * bw4, cy - ui_px(a, 8), bw4 - ui_px(a, 8), ui_px(a, 38) };
        if (opp_rows)
            r = (SDL_Rect){ px + lab + (o % 2) * bw, cy - ui_px(a, 8) + (o / 2) * ui_px(a, 46), bw - ui_px(a, 8), ui_px(a, 38) };
        if (ui_button(a, p, r, opp_label[o], cur == o))
            set_opponent(a, o);
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, "%s (O changes it.)", opp_tip[o]);
    }
    cy += ui_px(a, 48) + (opp_rows ? ui_px(a, 46) : 0);
    bool with_ai = !a->hotseat;
    if (p->draw)
        text_draw_bold(a->text, "Computer", px, cy, ui_px(a, 16), with_ai ? pl.head : pl.dim, TEXT_LEFT);
    static const char *const lvl_label[3] = { "Level 1", "Level 2", "Level 3" };
    for (int l = 0; l < 3; l++) {
        SDL_Rect r = { px + lab + l * bw3, cy - ui_px(a, 8), bw3 - ui_px(a, 8), ui_px(a, 38) };
        if (ui_button(a, p, r, lvl_label[l], with_ai && a->ai_level == l + 1)) {
            a->ai_level = l + 1;
            remember(a);
        }
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, "The computer plays at level %d. (L or the keys 1-3 change it.)", l + 1);
    }
    cy += ui_px(a, 38);
    if (p->draw) {
        int lv = a->ai_level >= 1 && a->ai_level <= 3 ? a->ai_level : 2;
        text_wrap(a->text, with_ai ? level_text[lv - 1] : "No computer player: both sides are played here.", px + lab, cy,
                  pw - lab, ui_px(a, 13), with_ai ? pl.body : pl.dim, true);
    }
    cy += ui_px(a, 50);
    SDL_Rect st = { px + pw - ui_px(a, 220), cy, ui_px(a, 220), ui_px(a, 50) };
    if (ui_button(a, p, st, "Start  \xE2\x8F\x8E", true))
        start(a);
    if (p->draw) {
        const char *who = a->hotseat ? "Two players take turns at this screen; the map hides each side's secrets between turns."
                          : a->chronicle ? "The computer replays the recorded course and stops at each step: Space or "
                                           "Continue goes on, \xE2\x86\x92 gives one order. Esc leaves."
                          : a->watch ? "The computer plays both sides; you see everything. Space pauses. Esc leaves the game."
                                     : "You command the side you chose; the computer plays the other.";
        text_wrap(a->text, who, px, cy + ui_px(a, 4), pw - ui_px(a, 240), ui_px(a, 14), pl.dim, true);
        if (a->status[0] && a->status_until > a->now)
            text_wrap(a->text, a->status, px, cy - ui_px(a, 20), pw, ui_px(a, 14), pl.bad, true);
    }
}
