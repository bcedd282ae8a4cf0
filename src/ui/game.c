/* game.c - the game screen's map: selection, previews, input -> commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/combat.h"
#include "ui/internal.h"
#include "i18n.h"

void ui_fill_overlay(UiApp *a, MapOverlay *ov);

int game_panel_w(const UiApp *a);
int game_panel_w(const UiApp *a)
{
    return ui_px(a, 340);
}

int game_top_h(const UiApp *a);
int game_top_h(const UiApp *a)
{
    return ui_px(a, 40);
}

SDL_Rect game_map_rect(const UiApp *a)
{
    SDL_Rect r = { 0, game_top_h(a), a->W - game_panel_w(a), a->H - game_top_h(a) - replay_bar_h(a) };
    if (r.w < 100)
        r.w = 100;
    if (r.h < 100)
        r.h = 100;
    return r;
}

static SDL_Rect minimap_rect(const UiApp *a)
{
    SDL_Rect m = game_map_rect(a);
    SDL_Rect r = { m.x + ui_px(a, 12), m.y + m.h - a->mini.h - ui_px(a, 12), a->mini.w, a->mini.h };
    return r;
}

static const Game *G(const UiApp *a)
{
    return uiapp_game(a);
}

static bool own_controllable(const UiApp *a, int u)
{
    const Game *g = G(a);
    return u >= 0 && g->units[u].status == UNIT_ON_MAP && g->units[u].side == g->active &&
           ui_is_human(a, g->active) && g->mode != MODE_OVER;
}

static void update_path(UiApp *a)
{
    const Game *g = G(a);
    a->have_path = false;
    if (!a->have_reach || !a->have_hover || a->nsel == 0)
        return;
    HexOffset o = hex_to_offset(a->hover);
    if (!map_contains(&g->map, a->hover) || a->reach[o.row * g->map.width + o.col] < 0)
        return;
    if (hex_eq(a->hover, g->units[a->sel[0]].hex))
        return;
    a->have_path = path_find(g, a->sel[0], a->hover, true, &a->path);
}

void ui_refresh_selection(UiApp *a)
{
    const Game *g = G(a);
    a->have_reach = false;
    a->have_path = false;
    a->ntargets = 0;
    if (!g)
        return;
    /* Keep only units still on the map that the viewer can see. */
    int k = 0;
    int viewer = ui_viewer(a);
    for (int i = 0; i < a->nsel; i++) {
        int u = a->sel[i];
        if (g->units[u].status != UNIT_ON_MAP)
            continue;
        if (viewer >= 0 && g->units[u].side != viewer && !game_unit_visible(g, u, viewer))
            continue;
        a->sel[k++] = u;
    }
    a->nsel = k;
    if (a->nsel == 0 || !own_controllable(a, a->sel[0]))
        return;
    path_reachable(g, a->sel[0], a->reach);
    a->have_reach = true;
    /* Attack targets: enemy hexes next to a selected unit. */
    for (int i = 0; i < a->nsel && a->ntargets < 8; i++) {
        const Unit *u = &g->units[a->sel[i]];
        for (int d = 0; d < HEX_DIRS && a->ntargets < 8; d++) {
            Hex h = hex_neighbor(u->hex, d);
            if (!game_enemy_at(g, h, u->side))
                continue;
            bool seen = false;
            int ids[16], n = game_units_at(g, h, ids, 16);
            for (int j = 0; j < n; j++)
                if (viewer < 0 || game_unit_visible(g, ids[j], viewer))
                    seen = true;
            bool dup = false;
            for (int t = 0; t < a->ntargets; t++)
                dup |= hex_eq(a->targets[t], h);
            if (!seen || dup)
                continue;
            int att[CMD_MAX_UNITS], na = 0;
            for (int s = 0; s < a->nsel; s++)
                if (hex_distance(g->units[a->sel[s]].hex, h) == 1)
                    att[na++] = a->sel[s];
            CombatOdds o;
            char why[128];
            if (!combat_odds(g, att, na, h, &o, why, sizeof why))
                continue;
            a->targets[a->ntargets] = h;
            combat_column_label(g, o.column, a->target_label[a->ntargets], sizeof a->target_label[0]);
            a->ntargets++;
        }
    }
    update_path(a);
}

static void select_only(UiApp *a, int u)
{
    a->sel[0] = u;
    a->nsel = 1;
    ui_refresh_selection(a);
}

static int target_index(const UiApp *a, Hex h)
{
    for (int i = 0; i < a->ntargets; i++)
        if (hex_eq(a->targets[i], h))
            return i;
    return -1;
}

static void map_click(UiApp *a, Hex h, bool shift)
{
    const Game *g = G(a);
    int ids[16], n = game_units_at(g, h, ids, 16);
    int own[16], nown = 0, vis = -1;
    int viewer = ui_viewer(a);
    for (int i = 0; i < n; i++) {
        if (own_controllable(a, ids[i]))
            own[nown++] = ids[i];
        if (vis < 0 && (viewer < 0 || g->units[ids[i]].side == viewer || game_unit_visible(g, ids[i], viewer)))
            vis = ids[i];
    }
    bool have_own_sel = a->nsel > 0 && own_controllable(a, a->sel[0]);
    if (nown > 0) {
        if (shift && have_own_sel) {
            for (int i = 0; i < a->nsel; i++)
                if (a->sel[i] == own[0]) {
                    memmove(a->sel + i, a->sel + i + 1, sizeof a->sel[0] * (size_t)(a->nsel - i - 1));
                    a->nsel--;
                    ui_refresh_selection(a);
                    return;
                }
            /* A unit next to none of the group's targets joins the
             * selection but no attack: say so rather than leave the odds
             * unchanged without a word. */
            bool shares = false;
            for (int t = 0; t < a->ntargets; t++)
                shares |= hex_distance(g->units[own[0]].hex, a->targets[t]) == 1;
            if (a->nsel < CMD_MAX_UNITS)
                a->sel[a->nsel++] = own[0];
            ui_refresh_selection(a);
            if (!shares)
                ui_notice(a, _("%s is next to none of the group's targets: only units next to the hex attacked fight, so "
                             "it adds nothing to those odds."), g->units[own[0]].name);
            return;
        }
        int next = own[0];
        if (a->nsel > 0)
            for (int i = 0; i < nown; i++)
                if (own[i] == a->sel[0])
                    next = own[(i + 1) % nown];
        select_only(a, next);
        return;
    }
    if (have_own_sel && target_index(a, h) >= 0) {
        Command c;
        memset(&c, 0, sizeof c);
        c.type = CMD_ATTACK;
        c.side = g->active;
        for (int s = 0; s < a->nsel; s++)
            if (hex_distance(g->units[a->sel[s]].hex, h) == 1 && c.nunits < CMD_MAX_UNITS)
                c.units[c.nunits++] = a->sel[s];
        c.to = h;
        ui_apply(a, &c);
        return;
    }
    if (have_own_sel && a->have_reach) {
        HexOffset o = hex_to_offset(h);
        if (a->reach[o.row * g->map.width + o.col] >= 0 && !hex_eq(h, g->units[a->sel[0]].hex)) {
            a->hover = h;
            a->have_hover = true;
            update_path(a);
            Command c = cmd_move(g->active, a->sel[0], h);
            ui_apply(a, &c);
            return;
        }
    }
    if (vis >= 0) {
        select_only(a, vis);
        return;
    }
    a->nsel = 0;
    ui_refresh_selection(a);
}

static void next_unit(UiApp *a)
{
    const Game *g = G(a);
    int start = a->nsel > 0 ? a->sel[0] : -1;
    for (int k = 1; k <= g->nunits; k++) {
        int u = (start + k + g->nunits) % g->nunits;
        if (own_controllable(a, u) && g->units[u].mp > 0 && g->units[u].cohesion > 0) {
            select_only(a, u);
            cam_center_on(&a->cam, g->units[u].hex);
            return;
        }
    }
    ui_notice(a, _("Every unit has moved. Press Space to end the %s."), g->mode == MODE_BATTLE ? _("impulse") : _("turn"));
}

/* The minimap: 230 x 170 px at 100 %, growing with the scale but never
 * more than a quarter of the map's width and a third of its height (at
 * 150 % on a small screen it covered a quarter of the map). */
void ui_build_minimap(UiApp *a)
{
    SDL_Rect m = game_map_rect(a);
    int w = ui_px(a, 230), h = ui_px(a, 170);
    if (w > m.w / 4)
        w = m.w / 4;
    if (h > m.h / 3)
        h = m.h / 3;
    minimap_build(&a->mini, &a->mr, G(a), w, h);
}

void game_on_start(UiApp *a)
{
    const Game *g = G(a);
    ui_build_minimap(a);
    Hex c = hex_from_offset(g->map.width / 2, g->map.height / 2);
    if (g->ngates > 0)
        c = g->gates[0].hex;
    for (int i = 0; i < g->map.nplaces; i++)
        if (terrain_is_town(map_terrain(&g->map, g->map.places[i].hex))) {
            c = g->map.places[i].hex;
            break;
        }
    cam_center_on(&a->cam, c);
    a->nsel = 0;
    ui_refresh_selection(a);
}

static void request_end(UiApp *a)
{
    const Game *g = G(a);
    if (g && g->mode != MODE_OVER && ui_is_human(a, g->active))
        a->confirm_end = true;
}

bool game_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    const Game *g = G(a);
    if (!g)
        return false;
    SDL_Rect v = a->cam.view;
    SDL_Keycode sym = k->keysym.sym;
    if (sym == SDLK_t || sym == SDLK_r) {
        int want = sym == SDLK_t ? VIEW_THEATRE : VIEW_TIMELINE;
        ui_set_view(a, a->view == want ? VIEW_MAP : want);
        return true;
    }
    if (a->view != VIEW_MAP) {
        /* Off the hex map only the view keys, Esc and ending the turn. */
        if (sym == SDLK_ESCAPE) {
            if (a->th_col >= 0 || a->th_release >= 0)
                a->th_col = a->th_dest = a->th_release = -1;
            else
                ui_set_view(a, VIEW_MAP);
            return true;
        }
        if (sym != SDLK_SPACE && sym != SDLK_RETURN && sym != SDLK_KP_ENTER && sym != SDLK_e)
            return false;
    }
    switch (sym) {
    case SDLK_LEFT: case SDLK_a: cam_pan(&a->cam, -v.w / 6.0, 0); break;
    case SDLK_RIGHT: case SDLK_d: cam_pan(&a->cam, v.w / 6.0, 0); break;
    case SDLK_UP: case SDLK_w: cam_pan(&a->cam, 0, -v.h / 6.0); break;
    case SDLK_DOWN: case SDLK_s: cam_pan(&a->cam, 0, v.h / 6.0); break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: case SDLK_PAGEUP:
        cam_zoom_at(&a->cam, 1, v.x + v.w / 2, v.y + v.h / 2);
        break;
    case SDLK_MINUS: case SDLK_KP_MINUS: case SDLK_PAGEDOWN:
        cam_zoom_at(&a->cam, -1, v.x + v.w / 2, v.y + v.h / 2);
        break;
    case SDLK_1: case SDLK_2: case SDLK_3: case SDLK_4: case SDLK_5:
        cam_zoom_at(&a->cam, (int)(k->keysym.sym - SDLK_1) - a->cam.zoom, v.x + v.w / 2, v.y + v.h / 2);
        break;
    case SDLK_c: a->show_coords = !a->show_coords; break;
    case SDLK_z: a->show_zoc = !a->show_zoc; break;
    case SDLK_m: a->show_minimap = !a->show_minimap; break;
    case SDLK_n: case SDLK_TAB: next_unit(a); break;
    case SDLK_h: case SDLK_HOME:
        if (a->nsel > 0)
            cam_center_on(&a->cam, g->units[a->sel[0]].hex);
        break;
    case SDLK_SPACE: case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_e: request_end(a); break;
    case SDLK_ESCAPE:
        if (a->nsel > 0) {
            a->nsel = 0;
            ui_refresh_selection(a);
        } else {
            a->confirm_quit = true;
        }
        break;
    default: return false;
    }
    return true;
}

bool game_mouse(UiApp *a, const SDL_Event *e)
{
    const Game *g = G(a);
    if (!g)
        return false;
    SDL_Rect mr = game_map_rect(a);
    if (a->view == VIEW_THEATRE && e->type == SDL_MOUSEWHEEL && ui_inside(a->th_list_rect, a->pending.mx, a->pending.my)) {
        a->th_list_scroll -= e->wheel.y * ui_px(a, 40);   /* clamped when drawn */
        return true;
    }
    if (a->view != VIEW_MAP) {
        a->dragging = false;
        a->have_hover = false;
        return false;
    }
    switch (e->type) {
    case SDL_MOUSEMOTION: {
        int x = e->motion.x, y = e->motion.y;
        if (a->dragging) {
            int dx = x - a->drag_x, dy = y - a->drag_y;
            if (!a->drag_moved && (abs(x - a->press_x) > 5 || abs(y - a->press_y) > 5))
                a->drag_moved = true;
            if (a->drag_moved)
                cam_pan(&a->cam, -dx, -dy);
            a->drag_x = x;
            a->drag_y = y;
        }
        Hex h;
        bool in = ui_inside(mr, x, y) && !(a->show_minimap && ui_inside(minimap_rect(a), x, y)) &&
                  cam_hex_at(&a->cam, x, y, &h);
        if (in != a->have_hover || (in && !hex_eq(h, a->hover))) {
            a->have_hover = in;
            if (in)
                a->hover = h;
            update_path(a);
        }
        return true;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (ui_inside(mr, e->button.x, e->button.y)) {
            if (a->show_minimap && ui_inside(minimap_rect(a), e->button.x, e->button.y)) {
                SDL_Rect m = minimap_rect(a);
                Hex h;
                if (minimap_hex_at(&a->mini, g, m.x, m.y, e->button.x, e->button.y, &h))
                    cam_center_on(&a->cam, h);
                return true;
            }
            a->dragging = true;
            a->drag_moved = e->button.button != SDL_BUTTON_LEFT;
            a->drag_x = a->press_x = e->button.x;
            a->drag_y = a->press_y = e->button.y;
        }
        return true;
    case SDL_MOUSEBUTTONUP:
        /* Right button: deselect unless it dragged the map. */
        if (e->button.button == SDL_BUTTON_RIGHT && a->dragging &&
            abs(e->button.x - a->press_x) <= 5 && abs(e->button.y - a->press_y) <= 5) {
            a->nsel = 0;
            ui_refresh_selection(a);
        }
        a->dragging = false;
        return true;
    case SDL_MOUSEWHEEL: {
        int mx = a->pending.mx, my = a->pending.my;
        if (ui_inside(mr, mx, my)) {
            cam_zoom_at(&a->cam, e->wheel.y > 0 ? 1 : e->wheel.y < 0 ? -1 : 0, mx, my);
            Hex h;
            a->have_hover = cam_hex_at(&a->cam, mx, my, &h);
            if (a->have_hover)
                a->hover = h;
            update_path(a);
        } else if (a->panel_over > 0 && ui_inside(a->panel_area, mx, my)) {
            a->panel_scroll -= e->wheel.y * ui_px(a, 40);
        } else {
            a->log_scroll += e->wheel.y;
            if (a->log_scroll < 0)
                a->log_scroll = 0;
        }
        return true;
    }
    default:
        return false;
    }
}

static const char *gate_state_word(int s)
{
    switch (s) {
    case GATE_OPEN: return _("open");
    case GATE_FORCED: return _("forced");
    case GATE_BETRAYED: return _("opened by treachery");
    default: return _("shut");
    }
}

/* Why the selected unit cannot move to h, in the core's words (the
 * command refused) and, where the town's wall lies between, which gates
 * are open and how many SP more may pass them; false when it may, or h
 * is neither next to it nor across the wall from it. */
static bool move_refusal(const UiApp *a, Hex h, char *b, size_t n)
{
    const Game *g = G(a);
    if (a->nsel == 0 || a->have_path || !ui_is_human(a, g->active))
        return false;
    int u = a->sel[0];
    const Unit *un = &g->units[u];
    if (un->side != g->active || un->status != UNIT_ON_MAP || hex_eq(un->hex, h) || !map_contains(&g->map, h))
        return false;
    bool across = terrain_is_town(map_terrain(&g->map, un->hex)) != terrain_is_town(map_terrain(&g->map, h));
    if (!across && hex_distance(un->hex, h) != 1)
        return false;
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_MOVE;
    c.side = g->active;
    c.units[c.nunits++] = u;
    c.to = h;
    char why[200];
    if (cmd_validate(g, &c, why, sizeof why))
        return false;
    snprintf(b, n, _("%s cannot go here: %s."), un->name, why);
    if (!across || un->attacked || un->mp <= 0)
        return true;
    char gates[240] = "";
    int open = 0;
    for (int i = 0; i < g->ngates; i++) {
        if (g->gates[i].state == GATE_SHUT)
            continue;
        size_t l = strlen(gates);
        int room = siege_gate_room(g, i);
        snprintf(gates + l, sizeof gates - l, _("%sthe %s (%d SP more may pass)"), open ? ", " : "", g->gates[i].name,
                 room > 0 ? room : 0);
        open++;
    }
    size_t l = strlen(b);
    if (hex_distance(un->hex, h) == 1 && path_wall_between(g, un->hex, h))
        snprintf(b + l, n - l, _("\nThe wall stands between: the town is entered and left only through a gate that is not shut, "
                                 "never over the wall (an attack over it does not open it)."));
    else
        snprintf(b + l, n - l, _("\nThe wall closes the town: the way in or out is through a gate that is not shut."));
    l = strlen(b);
    if (open)
        snprintf(b + l, n - l, _(" Open now: %s."), gates);
    else
        snprintf(b + l, n - l, _(" Every gate is shut."));
    return true;
}

static void hover_tooltip(UiApp *a, Pass *p)
{
    const Game *g = G(a);
    if (!a->have_hover || !ui_inside(game_map_rect(a), p->mx, p->my))
        return;
    Hex h = a->hover;
    char hx[16];
    hex_format(h, hx, sizeof hx);
    int ti = target_index(a, h);
    if (ti >= 0) {
        int att[CMD_MAX_UNITS], na = 0;
        for (int s = 0; s < a->nsel; s++)
            if (hex_distance(g->units[a->sel[s]].hex, h) == 1)
                att[na++] = a->sel[s];
        CombatOdds o;
        char why[128];
        /* The attack as the click would give it: if the rules refuse it
         * (the group has attacked already), the tooltip says why instead
         * of "Click to attack". */
        Command c;
        memset(&c, 0, sizeof c);
        c.type = CMD_ATTACK;
        c.side = g->active;
        for (int s = 0; s < na && c.nunits < CMD_MAX_UNITS; s++)
            c.units[c.nunits++] = att[s];
        c.to = h;
        char refused[200];
        if (!cmd_validate(g, &c, refused, sizeof refused)) {
            ui_tooltip_set(p, _("No attack on %s: %s"), hx, refused);
            return;
        }
        if (combat_odds(g, att, na, h, &o, why, sizeof why)) {
            double asp = 0, dsp = 0;
            combat_expected(g, o.column, &asp, &dsp);
            char col[16], base[16];
            combat_column_label(g, o.column, col, sizeof col);
            combat_column_label(g, o.base_column, base, sizeof base);
            ui_tooltip_set(p,
                           _("Attack %s at %s odds (strength %d against %d; %s before %+d column shift%s).\n"
                           "Expected: you lose %.1f SP, they lose %.1f SP.\nClick to attack."),
                           hx, col, o.att_cv / 100, o.def_cv / 100, base, o.shifts, o.shifts == 1 || o.shifts == -1 ? "" : "s",
                           asp, dsp);
            return;
        }
    }
    int ids[16], n = game_units_at(g, h, ids, 16);
    int viewer = ui_viewer(a);
    for (int i = 0; i < n; i++) {
        int u = ids[i];
        if (viewer >= 0 && g->units[u].side != viewer && !game_unit_visible(g, u, viewer))
            continue;
        const Unit *un = &g->units[u];
        const char *tn = un->type >= 0 && un->type < g->rules.ntypes ? g->rules.types[un->type].name : "?";
        int l = game_leader_with(g, u);
        char lead[96] = "";
        if (l >= 0)
            snprintf(lead, sizeof lead, _("\nLed by %s."), g->leaders[l].name);
        ui_tooltip_set(p, _("%s (%s)\n%s, %d SP (about %d men), cohesion %d of %d%s%s"), un->name,
                       g->sides[un->side].name, tn, un->sp, un->sp * 100, un->cohesion, g->rules.cohesion_max,
                       n > 1 ? "" : "", lead);
        if (n > 1) {
            size_t len = strlen(p->tipbuf);
            snprintf(p->tipbuf + len, sizeof p->tipbuf - len, "\n%d units in this hex: click again to pick another.", n);
        }
        return;
    }
    ReliefMark rm[MAP_RELIEF_MAX];
    int nr = ui_relief_marks(g, viewer, rm, MAP_RELIEF_MAX);
    for (int i = 0; i < nr; i++)
        if (hex_eq(rm[i].hex, h)) {
            char due[32] = "when is not known";
            if (rm[i].due > 0)
                snprintf(due, sizeof due, _("%sturn %d"), rm[i].estimate || !rm[i].confirmed ? _("about ") : "", rm[i].due);
            ui_tooltip_set(p, _("%s relief of the %s (%d SP) enters the map here, due %s.%s"),
                           rm[i].confirmed ? _("Confirmed") : _("Rumoured"), g->sides[rm[i].side].name, rm[i].sp, due,
                           rm[i].side == viewer || viewer < 0 ? "" : _(" An enemy unit here when it comes holds it back."));
            return;
        }
    char refusal[640];
    bool refused = move_refusal(a, h, refusal, sizeof refusal);
    int gi = game_gate_at(g, h);
    if (gi >= 0) {
        ui_tooltip_set(p, _("%s gate: %s.%s%s"), g->gates[gi].name, gate_state_word(g->gates[gi].state), refused ? "\n" : "",
                       refused ? refusal : "");
        return;
    }
    if (refused) {
        ui_tooltip_set(p, "%s", refusal);
        return;
    }
    if (a->have_path) {
        int c = a->path.cost;
        ui_tooltip_set(p, _("Move here: %d%s MP of %d%s left."), c / 2, c % 2 ? "\xC2\xBD" : "",
                       g->units[a->sel[0]].mp / 2, g->units[a->sel[0]].mp % 2 ? "\xC2\xBD" : "");
        return;
    }
    int pi = map_place_at(&g->map, h);
    Terrain t = map_terrain(&g->map, h);
    if (pi >= 0)
        ui_tooltip_set(p, "%s  (%s, %s)", g->map.places[pi].name, terrain_name(t), hx);
    else if (a->show_coords)
        ui_tooltip_set(p, "%s  %s", terrain_name(t), hx);
}

void game_pass(UiApp *a, Pass *p)
{
    const Game *g = G(a);
    if (!g)
        return;
    SDL_Rect mr = game_map_rect(a);
    if (a->view != VIEW_MAP) {
        /* The tabs lie over the view: they take their clicks first. */
        if (p->clicked) {
            Pass tp = *p;
            view_tabs_pass(a, &tp, mr);
            if (!tp.clicked) {
                p->clicked = false;
                return;
            }
        }
        /* The banner lies over the view too: its clicks first. */
        if (p->clicked) {
            Pass bp = *p;
            chronicle_banner_pass(a, &bp, mr);
            if (bp.clicked)
                lesson_pass(a, &bp, mr);
            if (!bp.clicked) {
                p->clicked = false;
                return;
            }
        }
        if (a->view == VIEW_THEATRE)
            theatre_pass(a, p, mr);
        else
            timeline_pass(a, p, mr);
        if (a->view != VIEW_MAP)
            view_tabs_pass(a, p, mr);
        if (!p->clicked) {
            chronicle_banner_pass(a, p, mr);
            lesson_pass(a, p, mr);
        }
        replay_bar_pass(a, p);
        panels_pass(a, p);
        lesson_overlay_pass(a, p, mr);
        if (p->clicked && ui_inside(mr, p->cx, p->cy))
            p->clicked = false;
        return;
    }
    if (p->draw) {
        MapOverlay ov;
        ui_fill_overlay(a, &ov);
        render_map(&a->mr, g, &a->cam, &ov);
        if (a->show_minimap) {
            SDL_Rect m = minimap_rect(a);
            minimap_draw(&a->mini, &a->mr, g, &a->cam, ui_viewer(a), m.x, m.y);
        }
        hover_tooltip(a, p);
    }
    chronicle_banner_pass(a, p, mr);
    lesson_pass(a, p, mr);
    view_tabs_pass(a, p, mr);
    replay_bar_pass(a, p);
    panels_pass(a, p);
    lesson_overlay_pass(a, p, mr);
    if (p->clicked && ui_inside(mr, p->cx, p->cy) && !(a->show_minimap && ui_inside(minimap_rect(a), p->cx, p->cy))) {
        Hex h;
        p->clicked = false;
        if (cam_hex_at(&a->cam, p->cx, p->cy, &h))
            map_click(a, h, (SDL_GetModState() & KMOD_SHIFT) != 0);
    }
}
