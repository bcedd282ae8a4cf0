/* screens.c - the hot-seat hand-over, the debrief, help, settings and the
 * confirmation dialogs. */
#include <stdio.h>
#include <string.h>
#include "ui/internal.h"
#include "i18n.h"

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
        snprintf(b, sizeof b, _("Turn %d, %s%s"), g->turn, date, g->mode == MODE_BATTLE ? _(" \xE2\x80\x94 battle") : "");
        text_draw(a->text, b, a->W / 2, a->H / 2 - ui_px(a, 40), ui_px(a, 20), rgba(0xf4ecd6, 255), TEXT_CENTER);
        const char *pass = _("Pass the screen to this player. The other side should look away.");
        text_draw(a->text, pass, a->W / 2, a->H / 2 - ui_px(a, 8), ui_fit_px(a, pass, ui_px(a, 17), a->W - ui_px(a, 24)),
                  rgba(0xf4ecd6, 255), TEXT_CENTER);
    }
    SDL_Rect b = { a->W / 2 - ui_px(a, 130), a->H / 2 + ui_px(a, 40), ui_px(a, 260), ui_px(a, 50) };
    if (ui_button(a, p, b, _("I am ready  \xE2\x8F\x8E"), true))
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
    snprintf(b, len, "%s%s%s%s [%s%s%s]", ui_note_disputed(n) ? _("Disputed \xE2\x80\x94 ") : "", ui_ar(n->title, n->title_ar),
             n->title[0] ? ": " : "", ui_ar(n->text, n->text_ar), n->conf[0] ? n->conf : "?", n->src[0] ? ", " : "", n->src);
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
    SDL_Rect r = ui_centered(a, ui_px(a, 1100), ui_px(a, 760));
    if (p->draw) {
        gfx_fill_rect(a->r, 0, 0, (float)a->W, (float)a->H, rgba(0x17191c, 255));
        ui_panel(a, p, r);
    }
    int x = r.x + ui_px(a, 28), w = r.w - ui_px(a, 56), y = r.y + ui_px(a, 22);
    if (p->draw) {
        const Outcome *o = &g->outcome;
        char b[400];
        if (o->winner >= 0)
            snprintf(b, sizeof b, _("%s victory for the %s"), o->level[0] ? o->level : "A", g->sides[o->winner].name);
        else
            snprintf(b, sizeof b, _("A draw"));
        if (b[0] >= 'a' && b[0] <= 'z')
            b[0] = (char)(b[0] - 'a' + 'A');
        text_draw_bold(a->text, b, x, y, ui_fit_px(a, b, ui_px(a, 30), w * 85 / 100), o->winner >= 0 ? side_color_light(g, o->winner) : pl.head, TEXT_LEFT);
        y += ui_px(a, 48);
        if (o->text[0])
            y += text_wrap(a->text, o->text, x, y, w, ui_px(a, 16), pl.body, true) + ui_px(a, 10);
        char why[1400];
        ui_outcome_reason(a, why, sizeof why);
        if (why[0])
            y += text_wrap(a->text, why, x, y, w, ui_px(a, 16), pl.head, true) + ui_px(a, 10);
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
            snprintf(t, sizeof t, "%s%s%s%s", rec[0] ? _("As recorded: ") : "", rec, rec[0] ? "  \xE2\x80\x94 " : "", verdict);
            int hh = text_wrap(a->text, t, 0, 0, w - ui_px(a, 14), ui_px(a, 20), pl.head, false);
            gfx_fill_rect(a->r, (float)x, (float)y, (float)ui_px(a, 4), (float)hh, pl.accent);
            y += text_wrap(a->text, t, x + ui_px(a, 14), y, w - ui_px(a, 14), ui_px(a, 20), pl.head, true) + ui_px(a, 10);
            if (a->ch.on) {
                snprintf(t, sizeof t, _("The computer followed %d step%s of the scenario's chronicle."), a->ch.followed,
                         a->ch.followed == 1 ? "" : "s");
                text_draw(a->text, t, x + ui_px(a, 14), y, ui_px(a, 14), pl.dim, TEXT_LEFT);
                y += ui_px(a, 24);
            }
        }
        char date[64];
        game_date(g, g->turn, date, sizeof date);
        snprintf(b, sizeof b, _("The game ended on turn %d of %d (%s)."), g->turn, g->max_turns, date);
        text_draw(a->text, b, x, y, ui_px(a, 14), pl.dim, TEXT_LEFT);
        y += ui_px(a, 30);
        /* Side by side numbers, each wrapped in its half. */
        int cw = w / 2, fig_h = 0;
        for (int s = 0; s < g->nsides; s++) {
            int cx = ui_mirror_x(a, x + s * cw, cw, x, w);     /* right to left: the first side on the right */
            text_draw_bold(a->text, g->sides[s].name, cx, y, ui_px(a, 16), side_color_light(g, s), TEXT_LEFT);
            int sp = 0, units = 0;
            for (int u = 0; u < g->nunits; u++)
                if (g->units[u].side == s && g->units[u].status == UNIT_ON_MAP) {
                    sp += g->units[u].sp;
                    units++;
                }
            snprintf(b, sizeof b, _("Morale %d \xC2\xB7 %d unit%s with %d SP left \xC2\xB7 lost %d SP, %d unit%s"),
                     g->sides[s].morale, units, units == 1 ? "" : "s", sp, g->sides[s].sp_lost, g->sides[s].units_lost,
                     g->sides[s].units_lost == 1 ? "" : "s");
            int hh = text_wrap(a->text, b, cx, y + ui_px(a, 24), cw - ui_px(a, 16), ui_px(a, 14), pl.body, true);
            if (hh > fig_h)
                fig_h = hh;
        }
        y += ui_px(a, 24) + fig_h + ui_px(a, 16);
        /* Morale, food and strength by turn, when the room below leaves
         * the key moments a few lines. */
        if (r.y + r.h - ui_px(a, 84) - y > ui_px(a, 96 + 12 + 160))
            y += ui_turn_chart(a, p, x, y, w);
        /* Two columns: the game's key moments, and history's. */
        int gap = ui_px(a, 28);
        int lw = (w - gap) * 9 / 20, rw = w - gap - lw, rx = ui_mirror_x(a, x + lw + gap, rw, x, w);
        int kx = ui_mirror_x(a, x, lw, x, w);   /* right to left, the key moments go right */
        int bottom = r.y + r.h - ui_px(a, 84);
        int top = y;
        if (y + ui_px(a, 28) <= bottom)
            text_draw_bold(a->text, _("Key moments"), x, y, ui_px(a, 16), pl.accent, TEXT_LEFT);
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
            char line[UI_LOG_TEXT];
            game_event_format(g, &g->events.items[idx[k]], line, sizeof line);
            int h = text_wrap(a->text, line, 0, 0, lw - ui_px(a, 8), fs, pl.body, false) + ui_px(a, 3);
            if (y + used + h > bottom)
                break;
            used += h;
            first = k + 1;
        }
        for (int k = first - 1; k >= 0; k--) {
            char line[UI_LOG_TEXT];
            game_event_format(g, &g->events.items[idx[k]], line, sizeof line);
            y += text_wrap(a->text, line, kx + ui_px(a, 8), y, lw - ui_px(a, 8), fs, pl.body, true) + ui_px(a, 3);
            shown++;
        }
        if (shown == 0 && y + lh <= bottom) {
            /* None of note, or none that fits this size (never "none" then). */
            char none[96];
            if (n > 0)
                snprintf(none, sizeof none, _("%d moment%s: no room at this size and scale."), n, n == 1 ? "" : "s");
            else
                snprintf(none, sizeof none, _("No battles, captures or losses of note."));
            text_draw(a->text, none, x + ui_px(a, 8), y, ui_fit_px(a, none, fs, lw - ui_px(a, 8)), pl.dim, TEXT_LEFT);
            y += lh;
        }
        int left_end = y;
        /* What happened in history: every note of the scenario, the
         * disputed ones first and marked. */
        y = top;
        const ScenarioInfo *inf = ui_scenario(a) ? scenario_info(ui_scenario(a)) : NULL;
        /* No room left under the figures (a short screen at 200 %): the
         * columns give way to the Back button. */
        if (y + ui_px(a, 28) <= bottom)
            text_draw_bold(a->text, _("How it went in history"), rx, y, ui_px(a, 16), pl.accent, TEXT_LEFT);
        y += ui_px(a, 28);
        if (!inf || (inf->nnotes == 0 && inf->ndisputes == 0)) {
            text_draw(a->text, _("This scenario carries no historical notes."), rx, y, ui_px(a, 14), pl.dim, TEXT_LEFT);
        } else {
            int order[SCEN_MAX_NOTES], no = 0;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < inf->nnotes; i++)
                    if (ui_note_disputed(&inf->notes[i]) == (pass == 0))
                        order[no++] = i;
            /* The disputed points, then the notes, in readable type: the
             * list scrolls (wheel, arrows) instead of shrinking. */
            int nfs = ui_px(a, 14), total = inf->ndisputes + no, item = 0, left = 0;
            if (a->debrief_scroll > total - 1)
                a->debrief_scroll = total > 0 ? total - 1 : 0;
            if (a->debrief_scroll < 0)
                a->debrief_scroll = 0;
            int above = a->debrief_scroll;
            if (above > 0) {
                char b2[96];
                snprintf(b2, sizeof b2, _("\xE2\x96\xB2 %d above (\xE2\x86\x91, wheel)"), above);
                text_draw(a->text, b2, rx + rw, y - ui_px(a, 26), ui_px(a, 12), pl.dim, TEXT_RIGHT);
            }
            bool full = false;
            /* The items end a line above the column's foot: room for the
             * "more below" mark. */
            int hbottom = bottom - text_line_height(a->text, ui_px(a, 12)) - ui_px(a, 4);
            /* The disputed points: each version side by side. */
            for (int d = 0; d < inf->ndisputes; d++) {
                if (item++ < above)
                    continue;
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
                if (full || y + th + vh > hbottom) {
                    full = true;
                    left++;
                    continue;
                }
                gfx_fill_rect(a->r, (float)rx - ui_px(a, 8), (float)y, (float)ui_px(a, 3), (float)(th + vh), pl.accent);
                char t0[200];
                snprintf(t0, sizeof t0, _("Disputed \xE2\x80\x94 %s"), ds->title);
                text_draw_bold(a->text, t0, rx, y, ui_fit_px(a, t0, nfs + 1, rw * 85 / 100), pl.head, TEXT_LEFT);
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
                if (item++ < above)
                    continue;
                const ScenarioNote *nt = &inf->notes[order[k]];
                char t[1300];
                ui_note_text(nt, t, sizeof t);
                int h = text_wrap(a->text, t, 0, 0, rw, nfs, pl.body, false);
                if (full || y + h > hbottom) {
                    full = true;
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
            a->debrief_shown = total - above - left;
            a->debrief_total = total;
            if (left > 0) {
                char b2[96];
                snprintf(b2, sizeof b2, _("\xE2\x96\xBC %d more below (\xE2\x86\x93, wheel)"), left);
                if (y + text_line_height(a->text, ui_px(a, 12)) <= bottom)
                    text_draw(a->text, b2, rx, y, ui_px(a, 12), pl.dim, TEXT_LEFT);
            }
            /* The sources' marks at the panel's foot, left of Back. */
            const char *legend = _("A attested \xC2\xB7 D derived \xC2\xB7 I invented for play \xC2\xB7 marked: disputed");
            int room = r.x + r.w - ui_px(a, 260) - ui_px(a, 16) - x;
            int lpx = ui_fit_px(a, legend, ui_px(a, 12), room);
            int ly = r.y + r.h - ui_px(a, 70) + (ui_px(a, 46) - text_line_height(a->text, lpx)) / 2;
            if (text_width(a->text, legend, lpx) <= room && ly >= left_end)
                text_draw(a->text, legend, x, ly, lpx, pl.dim, TEXT_LEFT);
        }
    }
    SDL_Rect b = { r.x + r.w - ui_px(a, 260), r.y + r.h - ui_px(a, 70), ui_px(a, 232), ui_px(a, 46) };
    if (ui_button(a, p, b, _("Back to the menu  \xE2\x8F\x8E"), true))
        ui_back_to_menu(a);
}

static const char *const help_lines[][2] = {
    { N_("Mouse"), "" },
    { N_("Left click"), N_("select your unit; click again to cycle a stack") },
    { N_("Shift + click"), N_("add a unit to the group that attacks together") },
    { N_("Click a lit hex"), N_("move the selected unit there (the path and cost show first)") },
    { N_("Click a red hex"), N_("attack it (hover to see the odds and the expected result)") },
    { N_("Right click"), N_("clear the selection") },
    { N_("Drag / middle drag"), N_("move the map") },
    { N_("Wheel"), N_("zoom in and out at the pointer; over the log: scroll") },
    { N_("Minimap"), N_("click to jump there") },
    { N_("Keys"), "" },
    { N_("Arrows / W A S D"), N_("move the map (or push the pointer against the screen's edge)") },
    { N_("+ / - / PgUp / PgDn"), N_("zoom; 1 to 5 pick a zoom level") },
    { N_("N or Tab"), N_("next unit that can still move") },
    { N_("H or Home"), N_("centre on the selected unit") },
    { N_("Space / Enter / E"), N_("end the turn (or the battle impulse), after a confirmation and its warnings") },
    { "O", N_("objectives: what each side needs to win, how it stands, turns left") },
    { "T / R", N_("the theatre map / the relief timeline (again: back to the map)") },
    { N_("Ctrl+Z / Ctrl+Y"), N_("take back the last order when it revealed nothing / give it again") },
    { "F5 / F9", N_("quick save / quick load (every turn is also autosaved)") },
    { "F6", N_("reload the scenario file and play the game so far again (saving the file does it too)") },
    { "C", N_("show hex coordinates") },
    { "Z", N_("show enemy zones of control (red hatching)") },
    { "M", N_("show or hide the minimap") },
    { N_("Esc"), N_("clear the selection; then back to the menu") },
    { N_("F1 or ?"), N_("this help") },
    { "F10", N_("settings: interface scale, full screen, high contrast, the computer's pace") },
    { "F11", N_("full screen") },
    { "F12", N_("save a screenshot (PNG) in your settings folder") },
    { N_("In the menu"), N_("arrows: scenario and side; O: opponent; L or 1-3: level; W: replays; Enter: start") },
    { N_("In a replay"), N_("Space play/pause; \xE2\x86\x90 \xE2\x86\x92 step; \xE2\x86\x91 \xE2\x86\x93 turn; [ ] speed; Esc: the saves") },
};

void help_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    int n = (int)(sizeof help_lines / sizeof help_lines[0]);
    /* The keys' column as wide as the widest key, the type as large as
     * the window lets every line fit its box (down to 60 % of the scale). */
    int px = ui_px(a, 15), min_px = px * 3 / 5, w = 0, h = 0, kw = 0;
    for (; px >= min_px; px--) {
        kw = 0;
        int dw = 0;
        for (int i = 0; i < n; i++) {
            int k = text_width(a->text, _(help_lines[i][0]), px) * 11 / 10 + ui_px(a, 12);
            int d = text_width(a->text, _(help_lines[i][1]), px);
            kw = help_lines[i][1][0] && k > kw ? k : kw;
            dw = d > dw ? d : dw;
        }
        kw += ui_px(a, 16);
        w = ui_px(a, 52) + kw + dw;
        h = text_line_height(a->text, px) * n + ui_px(a, 130);
        if (w <= a->W - 20 && h <= a->H - 20)
            break;
    }
    int lh = text_line_height(a->text, px);
    SDL_Rect r = ui_centered(a, w > ui_px(a, 820) ? w : ui_px(a, 820), h);
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 18);
    if (p->draw) {
        text_draw_bold(a->text, _("Keys and mouse"), x, y, ui_px(a, 22), pl.head, TEXT_LEFT);
        y += ui_px(a, 42);
        SDL_RenderSetClipRect(a->r, &r);
        for (int i = 0; i < n; i++) {
            if (!help_lines[i][1][0]) {
                text_draw_bold(a->text, _(help_lines[i][0]), x, y, px, pl.accent, TEXT_LEFT);
            } else {
                text_draw_bold(a->text, _(help_lines[i][0]), x + ui_px(a, 12), y, px, pl.head, TEXT_LEFT);
                text_draw(a->text, _(help_lines[i][1]), x + kw, y, px, pl.body, TEXT_LEFT);
            }
            y += lh;
        }
        SDL_RenderSetClipRect(a->r, NULL);
    }
    SDL_Rect b = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 56), ui_px(a, 126), ui_px(a, 40) };
    if (ui_button(a, p, b, _("Close"), false))
        a->help = false;
}

void settings_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    SDL_Rect r = ui_centered(a, ui_px(a, 560), ui_px(a, 492));
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 18);
    int px = ui_px(a, 16);
    if (p->draw)
        text_draw_bold(a->text, _("Settings"), x, y, ui_px(a, 22), pl.head, TEXT_LEFT);
    y += ui_px(a, 56);
    /* Five rows above Close: on a short window at a large scale (the
     * dialog is cut to the window) the rows and their buttons close up. */
    int step = ui_px(a, 54), avail = r.y + r.h - ui_px(a, 64) - y;
    if (step * 5 > avail)
        step = avail / 5;
    int bh = ui_px(a, 38) < step - ui_px(a, 4) ? ui_px(a, 38) : step - ui_px(a, 4);
    char b[64];
    snprintf(b, sizeof b, _("Interface scale: %d %%"), a->set.scale_pct);
    if (p->draw)
        text_draw(a->text, b, x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    bool changed = false;
    SDL_Rect minus = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 56), bh };
    SDL_Rect plus = { r.x + r.w - ui_px(a, 84), y, ui_px(a, 56), bh };
    if (ui_button(a, p, minus, "\xE2\x88\x92", false) && a->set.scale_pct > 100) {
        a->set.scale_pct -= 25;
        changed = true;
    }
    if (ui_button(a, p, plus, "+", false) && a->set.scale_pct < 300) {
        a->set.scale_pct += 25;
        changed = true;
    }
    y += step;
    if (p->draw)
        text_draw(a->text, _("Full screen (F11)"), x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    SDL_Rect fs = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 122), bh };
    if (ui_button(a, p, fs, a->set.fullscreen ? _("On") : _("Off"), a->set.fullscreen)) {
        a->set.fullscreen = !a->set.fullscreen;
        if (a->win)
            SDL_SetWindowFullscreen(a->win, a->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        changed = true;
    }
    y += step;
    if (p->draw)
        text_draw(a->text, _("High contrast"), x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    SDL_Rect hc = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 122), bh };
    if (ui_button(a, p, hc, a->set.high_contrast ? _("On") : _("Off"), a->set.high_contrast)) {
        a->set.high_contrast = !a->set.high_contrast;
        changed = true;
    }
    y += step;
    if (p->draw)
        text_draw(a->text, _("The computer's moves"), x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    SDL_Rect pace = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 122), bh };
    if (ui_button(a, p, pace, _(settings_pace_names[a->set.ai_pace]), false)) {
        a->set.ai_pace = (a->set.ai_pace + 1) % AI_PACE_COUNT;
        settings_save(&a->set, a->pref_dir);
    }
    y += step;
    if (p->draw)
        text_draw(a->text, _("Language"), x, y + ui_px(a, 8), px, pl.body, TEXT_LEFT);
    SDL_Rect lang = { r.x + r.w - ui_px(a, 150), y, ui_px(a, 122), bh };
    int lg = a->set.language >= 0 && a->set.language < UI_LANG_COUNT ? a->set.language : UI_LANG_SYSTEM;
    if (ui_button(a, p, lang, lg == UI_LANG_SYSTEM ? _(ui_lang_names[lg]) : ui_lang_names[lg], false)) {
        a->set.language = (lg + 1) % UI_LANG_COUNT;    /* the system's, English, Arabic */
        ui_lang_apply(a);
        changed = true;
    }
    if (ui_inside(lang, p->mx, p->my))
        ui_tooltip_set(p, _("The window's language: the system's (the locale), English or Arabic. Saves and event lines stay in English."));
    SDL_Rect close = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 56), ui_px(a, 126), ui_px(a, 40) };
    if (ui_button(a, p, close, _("Close"), false))
        a->settings = false;
    if (changed) {
        settings_save(&a->set, a->pref_dir);
        ui_layout(a);
        text_flush(a->text);
        if (ui_scenario(a)) {
            ui_build_minimap(a);
            a->cam.view = game_map_rect(a);
            cam_clamp(&a->cam);
        }
    }
}

void confirm_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    /* Before a turn ends: what may go wrong (objectives.c), each line
     * wrapped, the dialog as tall as they need. */
    char warn[UI_WARNINGS][UI_WARN_LEN];
    int nwarn = a->confirm_end && g ? ui_turn_warnings(a, warn, UI_WARNINGS) : 0;
    int ww = ui_px(a, 560), wpx = ui_px(a, 14), wh = 0;
    if (ww > a->W - 20)
        ww = a->W - 20;
    for (int i = 0; i < nwarn; i++)
        wh += text_wrap(a->text, warn[i], 0, 0, ww - ui_px(a, 52), wpx, pl.body, false) + ui_px(a, 4);
    SDL_Rect r = ui_centered(a, ww, ui_px(a, 150) + wh);
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 22);
    char b[256];
    if (a->confirm_end && g)
        snprintf(b, sizeof b, _("End %s for the %s?"), g->mode == MODE_BATTLE ? _("this impulse") : _("this turn"), g->sides[g->active].name);
    else if (a->screen == UI_MENU)
        snprintf(b, sizeof b, _("Quit Emesa?"));
    else
        snprintf(b, sizeof b, _("Leave this game and go back to the menu?"));
    if (p->draw) {
        text_wrap(a->text, b, x, y, r.w - ui_px(a, 52), ui_px(a, 19), pl.head, true);
        int wy = y + ui_px(a, 40);
        for (int i = 0; i < nwarn; i++) {
            /* The last line (units that could move) is advice, the rest warnings. */
            bool advice = strstr(warn[i], "could still move") != NULL;
            wy += text_wrap(a->text, warn[i], x, wy, r.w - ui_px(a, 52), wpx, advice ? pl.dim : pl.bad, true) +
                  ui_px(a, 4);
        }
    }
    SDL_Rect yes = { r.x + r.w - ui_px(a, 300), r.y + r.h - ui_px(a, 62), ui_px(a, 140), ui_px(a, 44) };
    SDL_Rect no = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 62), ui_px(a, 126), ui_px(a, 44) };
    if (ui_button(a, p, yes, _("Yes  \xE2\x8F\x8E"), true)) {
        if (a->confirm_end && g) {
            a->confirm_end = false;
            Command c = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
            ui_apply(a, &c);
        } else {
            a->confirm_quit = false;
            if (a->screen == UI_MENU)
                a->quit = true;
            else
                ui_back_to_menu(a);
        }
    }
    if (ui_button(a, p, no, _("No  Esc"), false))
        a->confirm_end = a->confirm_quit = false;
}
