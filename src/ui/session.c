/* session.c - the game the window plays: starting one from the menu,
 * taking over a session (new, loaded, replayed), the computer's players,
 * undo and redo, and the quick save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ai/ai.h"
#include "sim/headless.h"
#include "ui/internal.h"
#include "i18n.h"

void ui_free_players(UiApp *a)
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
    ui_free_players(a);
    if (!a->ss || a->rp.active)
        return;
    uint64_t seed = session_seed(a->ss);
    for (int s = 0; s < MAX_SIDES; s++)
        if (a->ai[s])
            a->aip[s] = ai_new(s, a->ai_level, headless_ai_seed(seed, s)); /* as emesa --headless */
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

/* Takes over a running session (new, or loaded from a save, or the replay
 * viewer's game, which nobody plays). */
void ui_adopt_session(UiApp *a, Session *ss, int human_side, bool hotseat, bool replay)
{
    ui_end_game(a);
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
void ui_session_resync(UiApp *a)
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
        ui_notice(a, _("Cannot undo: %s."), why);
        return;
    }
    ui_session_resync(a);
    ui_notice(a, _("Undone. (Ctrl+Y gives it again.)"));
}

void ui_redo(UiApp *a)
{
    if (!a->ss)
        return;
    char why[256] = "";
    size_t before = uiapp_game(a)->events.n;
    if (!session_redo(a->ss, why, sizeof why)) {
        ui_notice(a, _("Cannot redo: %s."), why);
        return;
    }
    ui_session_resync(a);
    (void)before;
    ui_process_events(a);
    ui_refresh_selection(a);
    ui_notice(a, _("Done again."));
}

/* The scenario a quick save is for: the game's, or from the menu the one
 * chosen there. Each scenario has its own quick save, so F9 never brings
 * another scenario's game (and with it another side to command). */
static bool quick_scenario(const UiApp *a, char *id, size_t idn, char *title, size_t tn)
{
    if (ui_scenario(a)) {
        const ScenarioInfo *inf = scenario_info(ui_scenario(a));
        snprintf(id, idn, "%s", inf->id);
        snprintf(title, tn, "%s", inf->title[0] ? inf->title : inf->id);
    } else if (a->sel_scen >= 0 && a->sel_scen < a->nscen && a->scen[a->sel_scen].id[0]) {
        snprintf(id, idn, "%s", a->scen[a->sel_scen].id);
        snprintf(title, tn, "%s", a->scen[a->sel_scen].title);
    } else {
        return false;
    }
    return id[0] != 0;
}

static void quicksave_path(const UiApp *a, const char *id, char *b, size_t n)
{
    /* A file name: letters, digits, '-' and '_' only. */
    char name[ID_LEN];
    snprintf(name, sizeof name, "%s", id);
    for (char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
            *c = '_';
    snprintf(b, n, "%squicksave-%s.emesa-save", a->pref_dir, name);
}

void ui_quicksave(UiApp *a)
{
    if (!a->ss)
        return;
    if (!a->pref_dir[0]) {
        ui_notice(a, _("Cannot save: there is no settings folder to save in."));
        return;
    }
    char path[1200], id[ID_LEN], title[256];
    if (!quick_scenario(a, id, sizeof id, title, sizeof title)) {
        ui_notice(a, _("Cannot save: this scenario has no id to name its quick save by."));
        return;
    }
    quicksave_path(a, id, path, sizeof path);
    SaveError err;
    if (save_write(path, a->ss, &err)) {
        ui_notice(a, _("Saved turn %d of %s: %s (F9 loads it)."), uiapp_game(a)->turn, title, path);
    } else {
        char b[900];
        save_error_format(&err, b, sizeof b);
        ui_notice(a, _("Could not save: %s"), b);
    }
}

void ui_quickload(UiApp *a)
{
    char path[1200], why[512], id[ID_LEN], title[256];
    if (!quick_scenario(a, id, sizeof id, title, sizeof title)) {
        ui_notice(a, _("No scenario chosen: pick one in the menu, then F9 loads its quick save."));
        return;
    }
    quicksave_path(a, id, path, sizeof path);
    if (!ui_ensure_art(a, why, sizeof why)) {
        ui_notice(a, _("Cannot load: %s"), why);
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
        if (st == SAVE_IO)
            ui_notice(a, _("No quick save of %s to load (F5 makes one)."), title);
        else
            ui_notice(a, _("Cannot load the quick save of %s: %s"), title, b);
        return;
    }
    /* A file put in another's place: the game it holds is not this one. */
    const ScenarioInfo *got = scenario_info(session_scenario(out));
    if (strcmp(got->id, id) != 0) {
        ui_notice(a, _("Not loaded: the quick save is a game of %s, not of %s."), got->title[0] ? got->title : got->id,
                  title);
        session_free(out);
        return;
    }
    /* Keep who plays what when a game is running; from the menu, the
     * menu's choice of side and opponent. */
    bool hotseat = a->ss ? a->human_side < 0 && !a->ai[0] && !a->ai[1] : a->hotseat;
    int human = a->ss ? a->human_side : (a->hotseat || a->watch ? -1 : a->sel_side);
    ui_adopt_session(a, out, human, hotseat, false);
    ui_notice(a, _("Loaded the quick save: turn %d."), uiapp_game(a)->turn);
}

bool uiapp_start(UiApp *a, int i, int human_side, bool hotseat, char *why, size_t n)
{
    if (i < 0 || i >= a->nscen) {
        snprintf(why, n, _("no such scenario"));
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
            snprintf(why, n, _("%s does not load"), a->scen[i].path);
        return false;
    }
    /* A save names the scenario relative to the data directory when it
     * lives there, so saves survive moving the checkout. */
    size_t dl = strlen(a->data_dir);
    if (strncmp(a->scen[i].path, a->data_dir, dl) == 0 && a->scen[i].path[dl] == '/')
        session_set_ref(ss, a->scen[i].path + dl + 1);
    ui_adopt_session(a, ss, human_side, hotseat, false);
    a->scen_index = i;
    ui_notice(a, _("What each side needs to win: O, or the Objectives button."));
    return true;
}

