/* menu.c - the main menu: scenarios with their briefing, side, opponent. */
#define _XOPEN_SOURCE 700   /* realpath */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/internal.h"
#include "i18n.h"

static int cmp_entry(const void *x, const void *y)
{
    return strcmp(((const MenuEntry *)x)->path, ((const MenuEntry *)y)->path);
}

/* A briefing is written with its lines broken in the scenario file: one
 * line break is a space, a blank line a new paragraph, so the text wraps
 * to the width it is shown at. */
static void reflow(char *t)
{
    char *w = t;
    for (char *r = t; *r; r++) {
        if (*r == '\n' && r[1] == '\n') {
            *w++ = '\n';
            while (r[1] == '\n')
                r++;
        } else if (*r == '\n') {
            if (w > t && w[-1] != ' ' && w[-1] != '\n')
                *w++ = ' ';
        } else {
            *w++ = *r;
        }
    }
    while (w > t && (w[-1] == ' ' || w[-1] == '\n'))
        w--;
    *w = 0;
    while (*t == '\n') {
        memmove(t, t + 1, strlen(t));
    }
}

/* The entry's title, briefing and sides from its file, or why it does
 * not load. */
static void menu_fill(MenuEntry *m)
{
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
        return;
    }
    const ScenarioInfo *inf = scenario_info(s);
    const Game *g = scenario_game_const(s);
    snprintf(m->title, sizeof m->title, "%s", inf->title[0] ? inf->title : (base ? base + 1 : m->path));
    snprintf(m->briefing, sizeof m->briefing, "%s", inf->briefing);
    reflow(m->briefing);
    snprintf(m->title_ar, sizeof m->title_ar, "%s", inf->title_ar);
    snprintf(m->briefing_ar, sizeof m->briefing_ar, "%s", inf->briefing_ar);
    reflow(m->briefing_ar);
    snprintf(m->id, sizeof m->id, "%s", inf->id);
    m->nsides = g->nsides;
    for (int k = 0; k < g->nsides && k < MAX_SIDES; k++)
        snprintf(m->side_name[k], sizeof m->side_name[k], "%s", g->sides[k].name);
    scenario_free(s);
}

/* Adds the .lua files of dir to scen (at most max), in name order, each
 * loaded once for its title, briefing and sides; returns how many. */
static int scan_dir(const char *dir, MenuEntry *scen, int max)
{
    int n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < max) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".lua") != 0 || de->d_name[0] == '.')
            continue;
        MenuEntry *m = &scen[n++];
        memset(m, 0, sizeof *m);
        snprintf(m->path, sizeof m->path, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    qsort(scen, (size_t)n, sizeof scen[0], cmp_entry);
    for (int i = 0; i < n; i++)
        menu_fill(&scen[i]);
    return n;
}

/* The scan of the installed scenarios on a thread of its own, started
 * before the window opens so it runs while SDL talks to the display (~10
 * ms of the start). */
struct MenuPrefetch {
    SDL_Thread *thread;
    char data_dir[1024];
    MenuEntry scen[UI_MAX_SCEN];
    int n;
};

static int data_scan(const char *data_dir, MenuEntry *scen, int max)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/scenarios", data_dir);
    return scan_dir(dir, scen, max);
}

static int prefetch_run(void *arg)
{
    MenuPrefetch *p = arg;
    p->n = data_scan(p->data_dir, p->scen, UI_MAX_SCEN);
    return 0;
}

MenuPrefetch *menu_prefetch_start(const char *data_dir)
{
    MenuPrefetch *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    snprintf(p->data_dir, sizeof p->data_dir, "%s", data_dir ? data_dir : ".");
    p->thread = SDL_CreateThread(prefetch_run, "menu-scan", p);
    if (!p->thread) {
        free(p);
        return NULL;
    }
    return p;
}

void menu_prefetch_free(MenuPrefetch *p)
{
    if (!p)
        return;
    if (p->thread)
        SDL_WaitThread(p->thread, NULL);
    free(p);
}

void menu_scan(UiApp *a)
{
    MenuPrefetch *p = a->cfg.prefetch;
    a->cfg.prefetch = NULL;     /* ui_run frees it once uiapp_new returns */
    if (p && p->thread && strcmp(p->data_dir, a->data_dir) == 0) {
        SDL_WaitThread(p->thread, NULL);
        p->thread = NULL;
        memcpy(a->scen, p->scen, sizeof a->scen[0] * (size_t)p->n);
        a->nscen = p->n;
    } else {
        a->nscen = data_scan(a->data_dir, a->scen, UI_MAX_SCEN);
    }
    /* the player's own: <pref path>/scenarios/ */
    if (a->pref_dir[0]) {
        char dir[1100];
        snprintf(dir, sizeof dir, "%sscenarios", a->pref_dir);
        a->nscen += scan_dir(dir, a->scen + a->nscen, UI_MAX_SCEN - a->nscen);
    }
}

void menu_refill(UiApp *a, int i)
{
    if (i < 0 || i >= a->nscen)
        return;
    MenuEntry *m = &a->scen[i];
    char path[sizeof m->path];
    snprintf(path, sizeof path, "%s", m->path);
    memset(m, 0, sizeof *m);
    snprintf(m->path, sizeof m->path, "%s", path);
    menu_fill(m);
    if (i == a->sel_scen)
        a->brief_scroll = 0;
}

int menu_add_file(UiApp *a, const char *path)
{
    char want[PATH_MAX], have[PATH_MAX];
    bool real = realpath(path, want) != NULL;
    for (int i = 0; i < a->nscen; i++)
        if (strcmp(a->scen[i].path, path) == 0 || (real && realpath(a->scen[i].path, have) && !strcmp(have, want)))
            return i;
    if (a->nscen >= UI_MAX_SCEN)
        return -1;
    MenuEntry *m = &a->scen[a->nscen];
    memset(m, 0, sizeof *m);
    snprintf(m->path, sizeof m->path, "%s", path);
    menu_fill(m);
    return a->nscen++;
}

static const char *const level_text[3] = {
    N_("Level 1 \xE2\x80\x94 steady: attacks at fair odds with the units at hand, keeps the blockade and the rations "
    "simply, and now and then misjudges."),
    N_("Level 2 \xE2\x80\x94 cunning: manoeuvres for flank and rear, pulls back shaken units, pursues routers, sets gate "
    "alerts, sends columns, offers terms and weighs your answer before a sally or an assault."),
    N_("Level 3 \xE2\x80\x94 a master: everything level 2 does, with a deeper search, the feigned withdrawal of light horse, care for "
    "its leaders, releasing a wavering contingent in time and surprise sallies against camps off their guard."),
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

int uiapp_briefing_scroll(const UiApp *a, int *max)
{
    if (max)
        *max = a->brief_max;
    return a->brief_scroll;
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
    case SDLK_y: whatif_open(a); return true;
    case SDLK_PAGEDOWN: case SDLK_PAGEUP: {
        int step = a->brief_rect.h > 0 ? a->brief_rect.h * 3 / 4 : ui_px(a, 100);
        a->brief_scroll += k == SDLK_PAGEDOWN ? step : -step;
        if (a->brief_scroll > a->brief_max)
            a->brief_scroll = a->brief_max;
        if (a->brief_scroll < 0)
            a->brief_scroll = 0;
        return true;
    }
    case SDLK_RETURN: case SDLK_KP_ENTER: start(a); return true;
    case SDLK_ESCAPE: case SDLK_q: a->confirm_quit = true; return true;   /* asks first: a stray Esc is not a quit */
    default: return false;
    }
}

/* The largest size up to px (down to 60 %) at which s fits w. */
static int fit_px(UiApp *a, const char *s, int px, int w, bool bold)
{
    (void)bold;
    int min_px = px * 3 / 5;
    while (px > min_px && text_width(a->text, s, px) > w)
        px--;
    return px;
}

/* The choices under the briefing (side, opponent, level, start), laid out
 * from the width they get: labels beside the buttons when there is room,
 * above them when not; four opponents a row, or two. Returns the height;
 * draws and takes clicks only when p does. */
static int choices(UiApp *a, Pass *p, MenuEntry *m, int px, int y0, int pw)
{
    Palette pl = ui_palette(a);
    int cy = y0;
    int lab = ui_px(a, 130);
    bool above = pw - lab < ui_px(a, 380);
    if (above)
        lab = 0;
    int lab_h = above ? ui_px(a, 28) : 0;
    int bh = ui_px(a, 38), row = ui_px(a, 46);
    int bw = (pw - lab) / 2, bw3 = (pw - lab) / 3, bw4 = (pw - lab) / 4;
    bool nobody = a->watch || a->chronicle;
    int ty = above ? cy : cy + ui_px(a, 8);
    if (p->draw)
        text_draw_bold(a->text, _("Play as"), px, ty, ui_px(a, 16), nobody ? pl.dim : pl.head, TEXT_LEFT);
    cy += lab_h;
    for (int s = 0; s < m->nsides && s < 2; s++) {
        SDL_Rect r = { px + lab + s * bw, cy, bw - ui_px(a, 8), bh };
        if (ui_button(a, p, r, m->side_name[s], !a->hotseat && !nobody && a->sel_side == s)) {
            a->sel_side = s;
            set_opponent(a, a->hotseat ? OPP_HOTSEAT : OPP_COMPUTER);
        }
    }
    cy += row + ui_px(a, 4);
    ty = above ? cy : cy + ui_px(a, 8);
    if (p->draw)
        text_draw_bold(a->text, _("Opponent"), px, ty, ui_px(a, 16), pl.head, TEXT_LEFT);
    cy += lab_h;
    static const char *const opp_label[OPP_COUNT] = { N_("The computer"), N_("A second player here"), N_("Computer vs computer"),
                                                      N_("Chronicle") };
    static const char *const opp_tip[OPP_COUNT] = {
        N_("The computer plays the other side."),
        N_("Two players take turns at this screen (hot-seat); each side's secrets are hidden at the hand-over."),
        N_("The computer plays both sides and you watch, seeing everything. Space pauses, the right arrow steps."),
        N_("The computer plays both sides along the recorded course of events (the scenario's chronicle), stopping "
        "at each recorded decision with its note and sources until you continue. Space pauses and resumes, the "
        "right arrow gives one order at a time, [ and ] change the pace."),
    };
    bool opp_rows = text_width(a->text, _("A second player here"), ui_px(a, 15)) + ui_px(a, 24) > bw4 - ui_px(a, 8);
    int cur = opponent(a);
    for (int o = 0; o < OPP_COUNT; o++) {
        SDL_Rect r = { px + lab + o * bw4, cy, bw4 - ui_px(a, 8), bh };
        if (opp_rows)
            r = (SDL_Rect){ px + lab + (o % 2) * bw, cy + (o / 2) * row, bw - ui_px(a, 8), bh };
        if (ui_button(a, p, r, _(opp_label[o]), cur == o))
            set_opponent(a, o);
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, _("%s (O changes it.)"), _(opp_tip[o]));
    }
    cy += row * (opp_rows ? 2 : 1) + ui_px(a, 4);
    bool with_ai = !a->hotseat;
    ty = above ? cy : cy + ui_px(a, 8);
    if (p->draw)
        text_draw_bold(a->text, _("Computer"), px, ty, ui_px(a, 16), with_ai ? pl.head : pl.dim, TEXT_LEFT);
    cy += lab_h;
    static const char *const lvl_label[3] = { N_("Level 1"), N_("Level 2"), N_("Level 3") };
    for (int l = 0; l < 3; l++) {
        SDL_Rect r = { px + lab + l * bw3, cy, bw3 - ui_px(a, 8), bh };
        if (ui_button(a, p, r, _(lvl_label[l]), with_ai && a->ai_level == l + 1)) {
            a->ai_level = l + 1;
            remember(a);
        }
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, _("The computer plays at level %d. (L or the keys 1-3 change it.)"), l + 1);
    }
    cy += bh + ui_px(a, 6);
    int lv = a->ai_level >= 1 && a->ai_level <= 3 ? a->ai_level : 2;
    const char *lt = with_ai ? _(level_text[lv - 1]) : _("No computer player: both sides are played here.");
    cy += text_wrap(a->text, lt, px + lab, cy, pw - lab, ui_px(a, 13), with_ai ? pl.body : pl.dim, p->draw) +
          ui_px(a, 12);
    const char *who = a->hotseat ? _("Two players take turns at this screen; the map hides each side's secrets between turns.")
                      : a->chronicle ? _("The computer replays the recorded course and stops at each step: Space or "
                                       "Continue goes on, \xE2\x86\x92 gives one order. Esc leaves.")
                      : a->watch ? _("The computer plays both sides; you see everything. Space pauses. Esc leaves the game.")
                                 : _("You command the side you chose; the computer plays the other.");
    int sw = ui_px(a, 220), sh = ui_px(a, 50);
    if (sw > pw)
        sw = pw;
    bool beside = pw - sw - ui_px(a, 20) >= ui_px(a, 260);
    int ww = beside ? pw - sw - ui_px(a, 20) : pw;
    int wh = text_wrap(a->text, who, px, cy + (beside ? ui_px(a, 4) : 0), ww, ui_px(a, 14), pl.dim, p->draw);
    if (!beside)
        cy += wh + ui_px(a, 8);
    SDL_Rect st = { px + pw - sw, cy, sw, sh };
    if (ui_button(a, p, st, _("Start  \xE2\x8F\x8E"), true))
        start(a);
    cy += (beside && wh > sh ? wh : sh);
    return cy - y0;
}

void menu_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    int W = a->W, H = a->H;
    /* Margins, the band and the list's width follow the window as well as
     * the scale: a projector at 1024x768 and 150 % still gets two columns. */
    int band = ui_px(a, 110);
    if (band > H / 6)
        band = H / 6;
    int mg = ui_px(a, 40);
    if (mg > W / 32)
        mg = W / 32;
    if (p->draw) {
        /* A warm parchment band behind the title. */
        gfx_fill_rect(a->r, 0, 0, (float)W, (float)band, a->set.high_contrast ? rgba(0, 255) : rgba(0x2b2a26, 255));
        gfx_fill_rect(a->r, 0, (float)band, (float)W, 3, pl.accent);
        int tp = band * 44 / 110, sp = band * 18 / 110;
        text_draw_bold(a->text, _("EMESA"), mg, band * 16 / 110, tp, pl.head, TEXT_LEFT);
        text_draw(a->text, _("The sieges of Homs, 635\xE2\x80\x93""638  \xC2\xB7  \xD8\xAD\xD9\x85\xD8\xB5"), mg + 4,
                  band * 72 / 110, sp, pl.dim, TEXT_LEFT);
    }
    int top = band + ui_px(a, 30);
    int lw = ui_px(a, 420);
    if (lw > (W - 3 * mg) * 38 / 100)
        lw = (W - 3 * mg) * 38 / 100;
    int x = ui_mirror_x(a, mg, lw, mg, W - 2 * mg);   /* right to left: the list on the right */
    if (p->draw)
        text_draw_bold(a->text, _("Scenarios"), x, top, ui_px(a, 20), pl.head, TEXT_LEFT);
    int y = top + ui_px(a, 38);
    if (a->nscen == 0 && p->draw)
        text_wrap(a->text, _("No scenarios found. Put .lua scenario files in the data directory's scenarios/ folder."), x, y, lw,
                  ui_px(a, 15), pl.bad, true);
    /* The list stops above the buttons under it: entries get shorter
     * (the file name goes) when they do not all fit. */
    int list_bottom = H - ui_px(a, 20 + 40 + 52 + 52) - ui_px(a, 12);
    int eh = ui_px(a, 54), step = ui_px(a, 62);
    if (a->nscen > 0 && y + a->nscen * step > list_bottom) {
        step = (list_bottom - y) / a->nscen;
        eh = step - ui_px(a, 4);
    }
    bool file_line = eh >= ui_px(a, 50);
    for (int i = 0; i < a->nscen; i++) {
        SDL_Rect r = { x, y, lw, eh };
        if (ui_button(a, p, r, "", i == a->sel_scen))
            a->sel_scen = i;
        if (p->draw) {
            Rgba c = i == a->sel_scen ? rgba(0x1a1408, 255) : pl.body;
            int tw = lw - ui_px(a, 24);
            const char *st = ui_ar(a->scen[i].title, a->scen[i].title_ar);
            int tpx = fit_px(a, st, ui_px(a, 16), tw * 9 / 10, true);
            text_draw_bold(a->text, st, r.x + ui_px(a, 12),
                           file_line ? r.y + ui_px(a, 6) : r.y + (eh - text_line_height(a->text, tpx)) / 2, tpx, c, TEXT_LEFT);
            const char *base = strrchr(a->scen[i].path, '/');
            if (file_line)
                text_draw(a->text, a->scen[i].problem[0] ? _("cannot be loaded") : (base ? base + 1 : ""), r.x + ui_px(a, 12),
                      r.y + ui_px(a, 30), ui_px(a, 13), a->scen[i].problem[0] ? pl.bad : (i == a->sel_scen ? c : pl.dim),
                      TEXT_LEFT);
        }
        y += step;
    }
    /* Buttons under the list, as wide as the list. */
    int gap = ui_px(a, 12), bw = (lw - 2 * gap) / 3;
    int by = H - ui_px(a, 20) - ui_px(a, 40);
    SDL_Rect rr = { x, by - ui_px(a, 52), lw, ui_px(a, 40) };
    if (ui_button(a, p, rr, _("Watch a replay  (W)"), false))
        open_replays(a);
    if (ui_inside(rr, p->mx, p->my))
        ui_tooltip_set(p, _("Open a saved game or an autosave and watch it again, step by step or turn by turn."));
    SDL_Rect rwi = { x, rr.y - ui_px(a, 52), lw, ui_px(a, 40) };
    if (ui_button(a, p, rwi, _("What if?  (Y)"), false))
        whatif_open(a);
    if (ui_inside(rwi, p->mx, p->my))
        ui_tooltip_set(p, _("A laboratory: play many games as history went and with a change (no counter-siege, no "
                          "sally...) and compare how often each side wins."));
    SDL_Rect rs = { x, by, bw, ui_px(a, 40) };
    if (ui_button(a, p, rs, _("Settings"), false))
        a->settings = true;
    SDL_Rect rh = { x + bw + gap, by, bw, ui_px(a, 40) };
    if (ui_button(a, p, rh, _("Help  F1"), false))
        a->help = true;
    SDL_Rect rq = { x + 2 * (bw + gap), by, bw, ui_px(a, 40) };
    if (ui_button(a, p, rq, _("Quit"), false))
        a->quit = true;

    /* The selected scenario. */
    if (a->nscen == 0)
        return;
    MenuEntry *m = &a->scen[a->sel_scen];
    int rw = W - lw - 3 * mg, rx = ui_mirror_x(a, 2 * mg + lw, rw, mg, W - 2 * mg);
    SDL_Rect panel = { rx, top - ui_px(a, 10), rw, H - top - ui_px(a, 10) };
    ui_panel(a, p, panel);
    int pad = ui_px(a, 24);
    if (pad > rw / 20)
        pad = rw / 20;
    int px = rx + pad, pw = rw - 2 * pad;
    int yy = top + ui_px(a, 8);
    const char *mt = ui_ar(m->title, m->title_ar);
    if (p->draw)
        text_draw_bold(a->text, mt, px, yy, fit_px(a, mt, ui_px(a, 24), pw * 9 / 10, true), pl.head, TEXT_LEFT);
    yy += ui_px(a, 44);
    if (m->problem[0]) {
        if (p->draw)
            text_wrap(a->text, m->problem, px, yy, pw, ui_px(a, 15), pl.bad, true);
        return;
    }
    /* The choices' height, measured on a pass that neither draws nor
     * clicks (nor answers a test's probe), then the briefing above them. */
    /* On a small screen at a large scale the choices are set smaller (to
     * 60 % of the scale) until the briefing keeps at least four lines. */
    Pass mp;
    memset(&mp, 0, sizeof mp);
    mp.mx = mp.my = -1;
    const char *probe = a->probe;
    a->probe = NULL;
    float s0 = a->s;
    int min_brief = 4 * text_line_height(a->text, ui_px(a, 16)) + ui_px(a, 20);
    int bottom_block = 0, avail = 0;
    for (float f = 1.0f; f > 0.55f; f -= 0.1f) {
        a->s = s0 * f;
        bottom_block = choices(a, &mp, m, px, 0, pw) + ui_px(a, 24);
        avail = panel.y + panel.h - bottom_block - yy - ui_px(a, 16);
        if (avail >= min_brief)
            break;
    }
    float choice_s = a->s;
    a->s = s0;
    a->probe = probe;
    {
        /* Never over the choices below: a briefing longer than its box
         * scrolls (the wheel over it, or PgUp/PgDn), with a bar and a
         * "more" mark while text remains below. */
        if (a->brief_for != a->sel_scen) {
            a->brief_for = a->sel_scen;
            a->brief_scroll = 0;
        }
        int bpx = ui_px(a, 16);
        int bar = ui_px(a, 6), tw = pw - bar - ui_px(a, 8);
        int bh = text_wrap(a->text, ui_ar(m->briefing, m->briefing_ar), 0, 0, pw, bpx, pl.body, false);
        bool scrolls = bh > avail;
        if (scrolls)
            bh = text_wrap(a->text, ui_ar(m->briefing, m->briefing_ar), 0, 0, tw, bpx, pl.body, false);
        int lh = text_line_height(a->text, bpx);
        /* A briefing that scrolls keeps a line under its box for the
         * "more" mark (it lay over the side buttons). */
        int markh = text_line_height(a->text, ui_px(a, 12)) + ui_px(a, 4);
        bool mark = scrolls && avail - markh >= 2 * lh;   /* else the bar alone shows it scrolls */
        if (mark)
            avail -= markh;
        a->brief_rect = (SDL_Rect){ px, yy, pw, avail > 0 ? avail : 0 };
        a->brief_max = scrolls ? bh - avail + lh / 2 : 0;
        if (a->brief_scroll > a->brief_max)
            a->brief_scroll = a->brief_max;
        if (a->brief_scroll < 0)
            a->brief_scroll = 0;
        if (p->draw && avail > 0) {
            SDL_RenderSetClipRect(a->r, &a->brief_rect);
            text_wrap(a->text, ui_ar(m->briefing, m->briefing_ar), px, yy - a->brief_scroll, scrolls ? tw : pw, bpx, pl.body, true);
            SDL_RenderSetClipRect(a->r, NULL);
            if (scrolls) {
                float bx = (float)(px + pw - bar), h = (float)avail;
                gfx_fill_rect(a->r, bx, (float)yy, (float)bar, h, pl.button);
                float th = h * (float)avail / (float)(bh + lh / 2);
                float ty = (float)yy + (h - th) * (float)a->brief_scroll / (float)(a->brief_max > 0 ? a->brief_max : 1);
                gfx_fill_rect(a->r, bx, ty, (float)bar, th, pl.accent);
                if (mark && a->brief_scroll < a->brief_max)
                    text_draw(a->text, _("\xE2\x96\xBC more (wheel, PgDn)"), px + pw - bar - ui_px(a, 6), yy + avail + ui_px(a, 2),
                              ui_px(a, 12), pl.accent, TEXT_RIGHT);
            }
        }
        if (ui_inside(a->brief_rect, p->mx, p->my) && scrolls)
            ui_tooltip_set(p, _("The wheel or PgUp/PgDn scrolls the briefing."));
    }
    a->s = choice_s;
    choices(a, p, m, px, panel.y + panel.h - bottom_block + ui_px(a, 6), pw);
    a->s = s0;
    if (p->draw && a->status[0] && a->status_until > a->now && (a->status_drawn = true))
        text_wrap(a->text, a->status, px, panel.y + panel.h - bottom_block - ui_px(a, 14), pw, ui_px(a, 14), pl.bad, true);
}
