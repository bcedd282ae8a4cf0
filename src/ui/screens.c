/* screens.c - the hot-seat hand-over, the debrief, help, settings and the
 * confirmation dialogs. */
#include <stdio.h>
#include <string.h>
#include "ui/internal.h"

static SDL_Rect centered(const UiApp *a, int w, int h)
{
    if (w > a->W - 20)
        w = a->W - 20;
    if (h > a->H - 20)
        h = a->H - 20;
    SDL_Rect r = { (a->W - w) / 2, (a->H - h) / 2, w, h };
    return r;
}

void handover_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    if (p->draw) {
        /* Cover the whole map: nothing of either side shows. */
        Rgba c = side_color(g, a->handover_side);
        gfx_fill_rect(a->r, 0, 0, (float)a->W, (float)a->H, rgba(0x17191c, 255));
        gfx_fill_rect(a->r, 0, (float)(a->H / 2 - ui_px(a, 120)), (float)a->W, (float)ui_px(a, 240), c);
        char b[160], date[64];
        game_date(g, g->turn, date, sizeof date);
        snprintf(b, sizeof b, "%s", g->sides[a->handover_side].name);
        text_draw_bold(a->text, b, a->W / 2, a->H / 2 - ui_px(a, 96), ui_px(a, 40), rgba(0xffffff, 255), TEXT_CENTER);
        snprintf(b, sizeof b, "Turn %d, %s%s", g->turn, date, g->mode == MODE_BATTLE ? " \xE2\x80\x94 battle" : "");
        text_draw(a->text, b, a->W / 2, a->H / 2 - ui_px(a, 40), ui_px(a, 20), rgba(0xf4ecd6, 255), TEXT_CENTER);
        text_draw(a->text, "Pass the screen to this player. The other side should look away.", a->W / 2,
                  a->H / 2 - ui_px(a, 8), ui_px(a, 17), rgba(0xf4ecd6, 255), TEXT_CENTER);
    }
    SDL_Rect b = { a->W / 2 - ui_px(a, 130), a->H / 2 + ui_px(a, 40), ui_px(a, 260), ui_px(a, 50) };
    if (ui_button(a, p, b, "I am ready  \xE2\x8F\x8E", true))
        a->screen = UI_GAME;
    (void)pl;
}

/* A note is disputed when the file says so ("A?" or an id or title
 * naming a dispute) or its text sets one account against another. */
bool ui_note_disputed(const ScenarioNote *n)
{
    return strchr(n->conf, '?') || strstr(n->id, "disput") || strstr(n->title, "isput") ||
           strstr(n->text, "another account") || strstr(n->text, "other account") || strstr(n->text, "sources differ") ||
           strstr(n->text, "disputed");
}

void ui_note_text(const ScenarioNote *n, char *b, size_t len)
{
    snprintf(b, len, "%s%s%s%s [%s%s%s]", ui_note_disputed(n) ? "Disputed \xE2\x80\x94 " : "", n->title,
             n->title[0] ? ": " : "", n->text, n->conf[0] ? n->conf : "?", n->src[0] ? ", " : "", n->src);
}

static bool key_moment(EventType t)
{
    return t == EV_BATTLE_START || t == EV_ELIMINATED || t == EV_LEADER_LOST || t == EV_CAPTURE ||
           t == EV_MESSAGE || t == EV_UNIT_ARRIVES || t == EV_GAME_OVER || t == EV_ROUT;
}

void debrief_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    SDL_Rect r = centered(a, ui_px(a, 1100), ui_px(a, 760));
    if (p->draw) {
        gfx_fill_rect(a->r, 0, 0, (float)a->W, (float)a->H, rgba(0x17191c, 255));
        ui_panel(a, p, r);
    }
    int x = r.x + ui_px(a, 28), w = r.w - ui_px(a, 56), y = r.y + ui_px(a, 22);
    if (p->draw) {
        const Outcome *o = &g->outcome;
        char b[400];
        if (o->winner >= 0)
            snprintf(b, sizeof b, "%s victory for the %s", o->level[0] ? o->level : "A", g->sides[o->winner].name);
        else
            snprintf(b, sizeof b, "A draw");
        if (b[0] >= 'a' && b[0] <= 'z')
            b[0] = (char)(b[0] - 'a' + 'A');
        text_draw_bold(a->text, b, x, y, ui_px(a, 30), o->winner >= 0 ? side_color_light(g, o->winner) : pl.head, TEXT_LEFT);
        y += ui_px(a, 48);
        if (o->text[0])
            y += text_wrap(a->text, o->text, x, y, w, ui_px(a, 16), pl.body, true) + ui_px(a, 10);
        /* Next to it, the outcome history records. */
        char rec[1200];
        int rside = -1;
        ui_recorded_outcome(a, rec, sizeof rec, &rside);
        if (rec[0] || a->ch.on) {
            bool hist = !strcmp(o->level, "historical");
            const char *verdict = !rec[0] ? (hist ? "The game ended as history did (the scenario's historical ending)."
                                                  : "The scenario's historical ending was not reached.")
                                  : hist ? "The game ended as history did."
                                  : rside >= 0 && o->winner == rside ? "The same side won as in history, but not as it happened."
                                  : rside >= 0 ? "History went the other way."
                                                : "";
            char t[1500];
            snprintf(t, sizeof t, "%s%s%s%s", rec[0] ? "As recorded: " : "", rec, rec[0] ? "  \xE2\x80\x94 " : "", verdict);
            int hh = text_wrap(a->text, t, 0, 0, w - ui_px(a, 14), ui_px(a, 20), pl.head, false);
            gfx_fill_rect(a->r, (float)x, (float)y, (float)ui_px(a, 4), (float)hh, pl.accent);
            y += text_wrap(a->text, t, x + ui_px(a, 14), y, w - ui_px(a, 14), ui_px(a, 20), pl.head, true) + ui_px(a, 10);
            if (a->ch.on) {
                snprintf(t, sizeof t, "The computer followed %d step%s of the scenario's chronicle.", a->ch.followed,
                         a->ch.followed == 1 ? "" : "s");
                text_draw(a->text, t, x + ui_px(a, 14), y, ui_px(a, 14), pl.dim, TEXT_LEFT);
                y += ui_px(a, 24);
            }
        }
        char date[64];
        game_date(g, g->turn, date, sizeof date);
        snprintf(b, sizeof b, "The game ended on turn %d of %d (%s).", g->turn, g->max_turns, date);
        text_draw(a->text, b, x, y, ui_px(a, 14), pl.dim, TEXT_LEFT);
        y += ui_px(a, 30);
        /* Side by side numbers. */
        int cw = w / 2;
        for (int s = 0; s < g->nsides; s++) {
            int cx = x + s * cw;
            text_draw_bold(a->text, g->sides[s].name, cx, y, ui_px(a, 16), side_color_light(g, s), TEXT_LEFT);
            int sp = 0, units = 0;
            for (int u = 0; u < g->nunits; u++)
                if (g->units[u].side == s && g->units[u].status == UNIT_ON_MAP) {
                    sp += g->units[u].sp;
                    units++;
                }
            snprintf(b, sizeof b, "Morale %d \xC2\xB7 %d units with %d SP left \xC2\xB7 lost %d SP, %d units", g->sides[s].morale,
                     units, sp, g->sides[s].sp_lost, g->sides[s].units_lost);
            text_draw(a->text, b, cx, y + ui_px(a, 24), ui_px(a, 13), pl.body, TEXT_LEFT);
        }
        y += ui_px(a, 62);
        /* Two columns: the game's key moments, and history's. */
        int gap = ui_px(a, 28);
        int lw = (w - gap) * 9 / 20, rw = w - gap - lw, rx = x + lw + gap;
        int bottom = r.y + r.h - ui_px(a, 84);
        int top = y;
        text_draw_bold(a->text, "Key moments", x, y, ui_px(a, 16), pl.accent, TEXT_LEFT);
        y += ui_px(a, 28);
        int fs = ui_px(a, 13), lh = text_line_height(a->text, fs);
        int idx[64], n = 0;
        for (size_t i = g->events.n; i-- > 0 && n < 64;)
            if (key_moment(g->events.items[i].type))
                idx[n++] = (int)i;
        int shown = 0;
        /* Oldest first among the newest that fit. */
        int first = 0, used = 0;
        for (int k = 0; k < n; k++) {
            char line[256];
            game_event_format(g, &g->events.items[idx[k]], line, sizeof line);
            int h = text_wrap(a->text, line, 0, 0, lw - ui_px(a, 8), fs, pl.body, false) + ui_px(a, 3);
            if (y + used + h > bottom)
                break;
            used += h;
            first = k + 1;
        }
        for (int k = first - 1; k >= 0; k--) {
            char line[256];
            game_event_format(g, &g->events.items[idx[k]], line, sizeof line);
            y += text_wrap(a->text, line, x + ui_px(a, 8), y, lw - ui_px(a, 8), fs, pl.body, true) + ui_px(a, 3);
            shown++;
        }
        if (shown == 0) {
            text_draw(a->text, "No battles, captures or losses of note.", x + ui_px(a, 8), y, fs, pl.dim, TEXT_LEFT);
            y += lh;
        }
        /* What happened in history: every note of the scenario, the
         * disputed ones first and marked. */
        y = top;
        const ScenarioInfo *inf = ui_scenario(a) ? scenario_info(ui_scenario(a)) : NULL;
        text_draw_bold(a->text, "How it went in history", rx, y, ui_px(a, 16), pl.accent, TEXT_LEFT);
        y += ui_px(a, 28);
        if (!inf || (inf->nnotes == 0 && inf->ndisputes == 0)) {
            text_draw(a->text, "This scenario carries no historical notes.", rx, y, ui_px(a, 14), pl.dim, TEXT_LEFT);
        } else {
            int order[SCEN_MAX_NOTES], no = 0;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < inf->nnotes; i++)
                    if (ui_note_disputed(&inf->notes[i]) == (pass == 0))
                        order[no++] = i;
            /* Shrink the type until the notes fit. */
            int nfs = ui_px(a, 13);
            for (; nfs > ui_px(a, 10); nfs--) {
                int h = 0;
                for (int k = 0; k < no; k++) {
                    char t[1300];
                    ui_note_text(&inf->notes[order[k]], t, sizeof t);
                    h += text_wrap(a->text, t, 0, 0, rw, nfs, pl.body, false) + ui_px(a, 6);
                }
                for (int d = 0; d < inf->ndisputes; d++) {
                    int nv = inf->disputes[d].nversions > 0 ? inf->disputes[d].nversions : 1;
                    int vw = (rw - ui_px(a, 14) * (nv - 1)) / nv, vh = 0;
                    for (int v = 0; v < inf->disputes[d].nversions; v++) {
                        int hv = text_wrap(a->text, inf->disputes[d].versions[v].text, 0, 0, vw, nfs, pl.body, false) +
                                 text_line_height(a->text, nfs);
                        vh = hv > vh ? hv : vh;
                    }
                    h += vh + text_line_height(a->text, nfs + 1) + ui_px(a, 8);
                }
                if (y + h <= bottom)
                    break;
            }
            int left = 0;
            /* The disputed points: each version side by side. */
            for (int d = 0; d < inf->ndisputes; d++) {
                const ScenarioDispute *ds = &inf->disputes[d];
                int nv = ds->nversions > 0 ? ds->nversions : 1;
                int vg = ui_px(a, 14), vw = (rw - vg * (nv - 1)) / nv;
                int th = text_line_height(a->text, nfs + 1), vh = 0;
                for (int v = 0; v < ds->nversions; v++) {
                    char t[700];
                    snprintf(t, sizeof t, "%s [%s]", ds->versions[v].text, ds->versions[v].src[0] ? ds->versions[v].src : "?");
                    int h = text_wrap(a->text, t, 0, 0, vw, nfs, pl.body, false);
                    vh = h > vh ? h : vh;
                }
                if (y + th + vh > bottom) {
                    left++;
                    continue;
                }
                gfx_fill_rect(a->r, (float)rx - ui_px(a, 8), (float)y, (float)ui_px(a, 3), (float)(th + vh), pl.accent);
                char t0[200];
                snprintf(t0, sizeof t0, "Disputed \xE2\x80\x94 %s", ds->title);
                text_draw_bold(a->text, t0, rx, y, nfs + 1, pl.head, TEXT_LEFT);
                y += th;
                for (int v = 0; v < ds->nversions; v++) {
                    char t[700];
                    snprintf(t, sizeof t, "%s [%s]", ds->versions[v].text, ds->versions[v].src[0] ? ds->versions[v].src : "?");
                    int vx = rx + v * (vw + vg);
                    if (v > 0)
                        gfx_fill_rect(a->r, (float)vx - vg / 2.0f, (float)y, 1, (float)vh, pl.edge);
                    text_wrap(a->text, t, vx, y, vw, nfs, pl.body, true);
                }
                y += vh + ui_px(a, 8);
            }
            for (int k = 0; k < no; k++) {
                const ScenarioNote *nt = &inf->notes[order[k]];
                char t[1300];
                ui_note_text(nt, t, sizeof t);
                int h = text_wrap(a->text, t, 0, 0, rw, nfs, pl.body, false);
                if (y + h > bottom) {
                    left++;
                    continue;
                }
                bool disp = ui_note_disputed(nt);
                if (disp) {
                    gfx_fill_rect(a->r, (float)rx - ui_px(a, 8), (float)y, (float)ui_px(a, 3), (float)h, pl.accent);
                }
                text_wrap(a->text, t, rx, y, rw, nfs, disp ? pl.head : pl.body, true);
                y += h + ui_px(a, 6);
            }
            if (left > 0) {
                char b2[96];
                snprintf(b2, sizeof b2, "\xE2\x80\xA6 and %d more note%s in the scenario file.", left, left > 1 ? "s" : "");
                text_draw(a->text, b2, rx, y, ui_px(a, 12), pl.dim, TEXT_LEFT);
            }
            text_draw(a->text, "A attested \xC2\xB7 D derived \xC2\xB7 I invented for play \xC2\xB7 marked: disputed", rx,
                      bottom + ui_px(a, 8), ui_px(a, 11), pl.dim, TEXT_LEFT);
        }
    }
    SDL_Rect b = { r.x + r.w - ui_px(a, 260), r.y + r.h - ui_px(a, 70), ui_px(a, 232), ui_px(a, 46) };
    if (ui_button(a, p, b, "Back to the menu  \xE2\x8F\x8E", true))
        ui_back_to_menu(a);
}

static const char *const help_lines[][2] = {
    { "Mouse", "" },
    { "Left click", "select your unit; click again to cycle a stack" },
    { "Shift + click", "add a unit to the group that attacks together" },
    { "Click a lit hex", "move the selected unit there (the path and cost show first)" },
    { "Click a red hex", "attack it (hover to see the odds and the expected result)" },
    { "Right click", "clear the selection" },
    { "Drag / middle drag", "move the map" },
    { "Wheel", "zoom in and out at the pointer; over the log: scroll" },
    { "Minimap", "click to jump there" },
    { "Keys", "" },
    { "Arrows / W A S D", "move the map (or push the pointer against the screen's edge)" },
    { "+ / - / PgUp / PgDn", "zoom; 1 to 5 pick a zoom level" },
    { "N or Tab", "next unit that can still move" },
    { "H or Home", "centre on the selected unit" },
    { "Space / Enter / E", "end the turn (or the battle impulse), after a confirmation" },
    { "T / R", "the theatre map / the relief timeline (again: back to the map)" },
    { "Ctrl+Z / Ctrl+Y", "take back the last order when it revealed nothing / give it again" },
    { "F5 / F9", "quick save / quick load (every turn is also autosaved)" },
    { "C", "show hex coordinates" },
    { "Z", "show enemy zones of control (red hatching)" },
    { "M", "show or hide the minimap" },
    { "Esc", "clear the selection; then back to the menu" },
    { "F1 or ?", "this help" },
    { "F10", "settings: interface scale, full screen, high contrast" },
    { "F11", "full screen" },
    { "F12", "save a screenshot (PNG) in your settings folder" },
    { "In the menu", "arrows: scenario and side; O: opponent; L or 1-3: level; W: replays; Enter: start" },
    { "In a replay", "Space play/pause; \xE2\x86\x90 \xE2\x86\x92 step; \xE2\x86\x91 \xE2\x86\x93 turn; [ ] speed; Esc: the saves" },
};

void help_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    int n = (int)(sizeof help_lines / sizeof help_lines[0]);
    int px = ui_px(a, 15), lh = text_line_height(a->text, px);
    SDL_Rect r = centered(a, ui_px(a, 820), lh * n + ui_px(a, 130));
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 18);
    if (p->draw) {
        text_draw_bold(a->text, "Keys and mouse", x, y, ui_px(a, 22), pl.head, TEXT_LEFT);
        y += ui_px(a, 42);
        for (int i = 0; i < n; i++) {
            if (!help_lines[i][1][0]) {
                text_draw_bold(a->text, help_lines[i][0], x, y, px, pl.accent, TEXT_LEFT);
            } else {
                text_draw_bold(a->text, help_lines[i][0], x + ui_px(a, 12), y, px, pl.head, TEXT_LEFT);
                text_draw(a->text, help_lines[i][1], x + ui_px(a, 300), y, px, pl.body, TEXT_LEFT);
            }
            y += lh;
        }
    }
    SDL_Rect b = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 56), ui_px(a, 126), ui_px(a, 40) };
    if (ui_button(a, p, b, "Close", false))
        a->help = false;
}

void settings_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    SDL_Rect r = centered(a, ui_px(a, 560), ui_px(a, 330));
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 18);
    int px = ui_px(a, 16);
    if (p->draw)
        text_draw_bold(a->text, "Settings", x, y, ui_px(a, 22), pl.head, TEXT_LEFT);
    y += ui_px(a, 56);
    char b[64];
    snprintf(b, sizeof b, "Interface scale: %d %%", a->set.scale_pct);
    if (p->draw)
        text_draw(a->text, b, x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    bool changed = false;
    SDL_Rect minus = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 56), ui_px(a, 38) };
    SDL_Rect plus = { r.x + r.w - ui_px(a, 84), y, ui_px(a, 56), ui_px(a, 38) };
    if (ui_button(a, p, minus, "\xE2\x88\x92", false) && a->set.scale_pct > 100) {
        a->set.scale_pct -= 25;
        changed = true;
    }
    if (ui_button(a, p, plus, "+", false) && a->set.scale_pct < 300) {
        a->set.scale_pct += 25;
        changed = true;
    }
    y += ui_px(a, 54);
    if (p->draw)
        text_draw(a->text, "Full screen (F11)", x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    SDL_Rect fs = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 122), ui_px(a, 38) };
    if (ui_button(a, p, fs, a->set.fullscreen ? "On" : "Off", a->set.fullscreen)) {
        a->set.fullscreen = !a->set.fullscreen;
        if (a->win)
            SDL_SetWindowFullscreen(a->win, a->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        changed = true;
    }
    y += ui_px(a, 54);
    if (p->draw)
        text_draw(a->text, "High contrast", x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    SDL_Rect hc = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 122), ui_px(a, 38) };
    if (ui_button(a, p, hc, a->set.high_contrast ? "On" : "Off", a->set.high_contrast)) {
        a->set.high_contrast = !a->set.high_contrast;
        changed = true;
    }
    SDL_Rect close = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 56), ui_px(a, 126), ui_px(a, 40) };
    if (ui_button(a, p, close, "Close", false))
        a->settings = false;
    if (changed) {
        settings_save(&a->set, a->pref_dir);
        ui_layout(a);
        text_flush(a->text);
        if (ui_scenario(a)) {
            minimap_build(&a->mini, &a->mr, uiapp_game(a), ui_px(a, 230), ui_px(a, 170));
            a->cam.view = game_map_rect(a);
            cam_clamp(&a->cam);
        }
    }
}

void confirm_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    SDL_Rect r = centered(a, ui_px(a, 520), ui_px(a, 190));
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 22);
    char b[256];
    if (a->confirm_end && g)
        snprintf(b, sizeof b, "End %s for the %s?", g->mode == MODE_BATTLE ? "this impulse" : "this turn", g->sides[g->active].name);
    else
        snprintf(b, sizeof b, "Leave this game and go back to the menu?");
    if (p->draw) {
        text_wrap(a->text, b, x, y, r.w - ui_px(a, 52), ui_px(a, 19), pl.head, true);
        if (a->confirm_end && g) {
            int left = 0;
            for (int u = 0; u < g->nunits; u++)
                left += g->units[u].side == g->active && g->units[u].status == UNIT_ON_MAP && g->units[u].mp > 0 &&
                        g->units[u].cohesion > 0;
            snprintf(b, sizeof b, "%d of your units could still move.", left);
            text_draw(a->text, b, x, y + ui_px(a, 44), ui_px(a, 14), pl.dim, TEXT_LEFT);
        }
    }
    SDL_Rect yes = { r.x + r.w - ui_px(a, 300), r.y + r.h - ui_px(a, 62), ui_px(a, 140), ui_px(a, 44) };
    SDL_Rect no = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 62), ui_px(a, 126), ui_px(a, 44) };
    if (ui_button(a, p, yes, "Yes  \xE2\x8F\x8E", true)) {
        if (a->confirm_end && g) {
            a->confirm_end = false;
            Command c = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
            ui_apply(a, &c);
        } else {
            a->confirm_quit = false;
            ui_back_to_menu(a);
        }
    }
    if (ui_button(a, p, no, "No  Esc", false))
        a->confirm_end = a->confirm_quit = false;
}
