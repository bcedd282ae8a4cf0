/* panels.c - the top bar and the side panel: the siege, the selected unit,
 * the event log and the end-turn button. */
#include <stdio.h>
#include <string.h>
#include "core/combat.h"
#include "ui/internal.h"
#include "i18n.h"

int game_panel_w(const UiApp *a);
int game_top_h(const UiApp *a);

static const char *gate_word(int s, Rgba *c, const Palette *pl)
{
    switch (s) {
    case GATE_OPEN: *c = pl->good; return _("Open");
    case GATE_FORCED: *c = pl->bad; return _("Forced");
    case GATE_BETRAYED: *c = pl->bad; return _("Betrayed");
    default: *c = pl->body; return _("Shut");
    }
}

enum { TOP_BUTTONS = 4 };
static const struct {
    const char *label, *tip;
} top_buttons[TOP_BUTTONS] = {
    { N_("Menu"), N_("Leave this game and go back to the main menu (Esc).") },
    { N_("Settings"), N_("Interface scale, full screen and high contrast (F10).") },
    { N_("Help"), N_("Every key and mouse action (F1 or ?).") },
    { N_("Objectives"), N_("What each side needs to win, how it stands now, and the turns left (O).") },
};

static int top_button_w(UiApp *a, int k)
{
    return text_width(a->text, _(top_buttons[k].label), ui_px(a, 15)) + ui_px(a, 28);
}

static void top_bar(UiApp *a, Pass *p, const Game *g)
{
    Palette pl = ui_palette(a);
    int h = game_top_h(a);
    SDL_Rect bar = { 0, 0, a->W, h };
    ui_panel(a, p, bar);
    int px = ui_px(a, 16);
    int ty = (h - text_line_height(a->text, px)) / 2;
    char date[64], b[256];
    game_date(g, g->turn, date, sizeof date);
    int x = ui_px(a, 14);
    /* The text stops short of the buttons on the right (Objectives, Help,
     * Settings, Menu): what matters most first, the rest while it fits. */
    int limit = a->W - ui_px(a, 16);
    for (int k = 0; k < TOP_BUTTONS; k++)
        limit -= top_button_w(a, k) + ui_px(a, 6);
    if (p->draw) {
        snprintf(b, sizeof b, _("Turn %d of %d"), g->turn, g->max_turns);
        x += text_draw_bold(a->text, b, x, ty, px, pl.head, TEXT_LEFT) + ui_px(a, 14);
        if (g->mode != MODE_OVER) {
            snprintf(b, sizeof b, "%s %s", g->sides[g->active].name,
                     a->rp.active ? _("to act \xE2\x80\x94 replay")
                     : a->ai[g->active] ? _("\xE2\x80\x94 the computer is playing") : _("to act"));
            int sw = ui_px(a, 14);
            /* Bold runs wider than text_width measures: a margin of 15 %. */
            if (x + sw + ui_px(a, 6) + text_width(a->text, b, px) * 115 / 100 > limit)
                snprintf(b, sizeof b, "%s", g->sides[g->active].name);   /* short: the side's name and colour */
            int npx = ui_fit_px(a, b, px, (limit - x - sw - ui_px(a, 6)) * 100 / 115);
            if (x + sw + ui_px(a, 6) + text_width(a->text, b, npx) * 115 / 100 <= limit) {
                Rgba sc = side_color(g, g->active);
                gfx_fill_rect(a->r, (float)x, (h - sw) / 2.0f, (float)sw, (float)sw, sc);
                gfx_rect_outline(a->r, (float)x, (h - sw) / 2.0f, (float)sw, (float)sw, 1, pl.edge);
                x += sw + ui_px(a, 6);
                x += text_draw_bold(a->text, b, x, ty + (text_line_height(a->text, px) - text_line_height(a->text, npx)) / 2,
                                    npx, pl.head, TEXT_LEFT) + ui_px(a, 18);
            }
        }
        if (g->mode == MODE_BATTLE)
            snprintf(b, sizeof b, _("Battle \xE2\x80\x94 impulse %d of %d"), g->impulse, g->rules.battle_max_impulses);
        else if (g->mode == MODE_OVER)
            snprintf(b, sizeof b, _("The game is over"));
        else
            snprintf(b, sizeof b, _("Siege turn (%d days)"), g->rules.days_per_turn);
        if (x + text_width(a->text, b, px) <= limit)
            x += text_draw(a->text, b, x, ty, px, g->mode == MODE_BATTLE ? pl.bad : pl.body, TEXT_LEFT) + ui_px(a, 18);
        if (x + text_width(a->text, date, px) <= limit)
            text_draw(a->text, date, x, ty, px, pl.body, TEXT_LEFT);
    }
    /* The buttons are as wide as their labels (ui_button's type) and a margin. */
    int bh = h - ui_px(a, 10), by = ui_px(a, 5), bx = a->W - ui_px(a, 8);
    for (int k = 0; k < TOP_BUTTONS; k++) {
        int bw = top_button_w(a, k);
        bx -= bw;
        SDL_Rect rb = { bx, by, bw, bh };
        if (ui_button(a, p, rb, _(top_buttons[k].label), false)) {
            if (k == 0)
                a->confirm_quit = true;
            else if (k == 1)
                a->settings = true;
            else if (k == 2)
                a->help = true;
            else
                a->objectives = true;
        }
        if (ui_inside(rb, p->mx, p->my))
            ui_tooltip_set(p, "%s", _(top_buttons[k].tip));
        bx -= ui_px(a, 6);
    }
}

static int section(UiApp *a, Pass *p, const char *title, int x, int y, int w)
{
    Palette pl = ui_palette(a);
    if (p->draw) {
        text_draw_bold(a->text, title, x, y, ui_px(a, 15), pl.accent, TEXT_LEFT);
        gfx_fill_rect(a->r, (float)x, (float)(y + ui_px(a, 21)), (float)w, 1, pl.edge);
    }
    return y + ui_px(a, 28);
}

const char *ui_gate_word(int state)
{
    switch (state) {
    case GATE_OPEN: return _("Open");
    case GATE_FORCED: return _("Forced");
    case GATE_BETRAYED: return _("Betrayed");
    default: return _("Shut");
    }
}

/* The side that may give siege orders now (human, to act), or -1. */
static int order_side(const UiApp *a, const Game *g)
{
    if (g->mode == MODE_OVER || !ui_is_human(a, g->active))
        return -1;
    return g->active;
}

static void give(UiApp *a, CmdType type, int arg, int arg2)
{
    const Game *g = uiapp_game(a);
    Command c;
    memset(&c, 0, sizeof c);
    c.type = type;
    c.side = g->active;
    c.arg = arg;
    c.arg2 = arg2;
    a->armed = 0;
    ui_apply(a, &c);
}

/* P(2d6 >= k) in per cent. */
static const char *weather_word(int w)
{
    switch (w) {
    case WX_COLD: return _("Cold");
    case WX_RAIN: return _("Rain");
    case WX_FROST: return _("Frost");
    default: return _("Mild");
    }
}

static int small_button(UiApp *a, Pass *p, SDL_Rect r, const char *label, bool on, bool *hit)
{
    ui_probe(a, r, label);
    bool hot = ui_inside(r, p->mx, p->my);
    *hit = p->clicked && ui_inside(r, p->cx, p->cy);
    if (*hit)
        p->clicked = false;
    if (p->draw) {
        Palette pl = ui_palette(a);
        Rgba bg = on ? pl.accent : hot ? pl.button_hover : pl.button;
        gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, bg);
        gfx_rect_outline(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, 1, hot ? pl.accent : pl.edge);
        int px = ui_px(a, 12);
        text_draw(a->text, label, r.x + r.w / 2, r.y + (r.h - text_line_height(a->text, px)) / 2, px,
                  on ? rgba(0x1a1408, 255) : pl.button_text, TEXT_CENTER);
    }
    return hot;
}

static int siege_block(UiApp *a, Pass *p, const Game *g, int x, int y, int w)
{
    Palette pl = ui_palette(a);
    const Siege *s = &g->siege;
    int px = ui_px(a, 14), lh = text_line_height(a->text, px);
    int sm = ui_px(a, 12);
    int me = order_side(a, g);
    int viewer = ui_viewer(a);
    bool hit;
    y = section(a, p, _("The siege"), x, y, w);
    for (int sd = 0; sd < g->nsides; sd++) {
        const Side *side = &g->sides[sd];
        int mm = g->rules.morale_max > 0 ? g->rules.morale_max : 20;
        SDL_Rect row = { x, y, w, lh + ui_px(a, 10) };
        if (p->draw) {
            char b[128];
            text_draw_bold(a->text, side->name, x, y, px, pl.head, TEXT_LEFT);
            snprintf(b, sizeof b, _("morale %d/%d"), side->morale, mm);
            text_draw(a->text, b, x + w, y, px, side->morale <= 5 ? pl.bad : pl.body, TEXT_RIGHT);
            float bw = (float)w, bh = (float)ui_px(a, 5);
            float by = (float)(y + lh + ui_px(a, 2));
            gfx_fill_rect(a->r, (float)x, by, bw, bh, rgba(0x0d0d0d, 255));
            gfx_fill_rect(a->r, (float)x, by, bw * (float)side->morale / (float)mm, bh, side_color(g, sd));
            gfx_fill_rect(a->r, (float)x + bw * 5.0f / (float)mm, by - 2, 1, bh + 4, pl.bad);
        }
        if (ui_inside(row, p->mx, p->my))
            ui_tooltip_set(p,
                           _("Army morale of the %s, 0 to %d. At 5 or less the army may withdraw or surrender.\n"
                           "Lost so far: %d SP and %d unit%s."),
                           side->name, mm, side->sp_lost, side->units_lost, side->units_lost == 1 ? "" : "s");
        y += lh + ui_px(a, 12);
    }
    /* Weather and the townspeople. */
    {
        SDL_Rect row = { x, y, w, lh };
        if (p->draw) {
            char b[128];
            Rgba wc = s->weather == WX_FROST || s->weather == WX_RAIN ? pl.bad : s->weather == WX_COLD ? pl.accent : pl.body;
            /* right to left, the row runs from the right edge leftwards */
            int dir = ui_rtl(a) ? -1 : 1, al = dir > 0 ? TEXT_LEFT : TEXT_RIGHT, x0 = dir > 0 ? x : x + w;
            int wx = x0 + dir * text_draw(a->text, _("Weather "), x0, y, px, pl.dim, al);
            wx += dir * text_draw_bold(a->text, weather_word(s->weather), wx, y, px, wc, al);
            if (s->fords_closed)
                text_draw(a->text, _(" \xC2\xB7 fords closed"), wx, y, px, pl.bad, al);
            if (g->town_side >= 0) {
                snprintf(b, sizeof b, _("town's will %d/%d"), s->civic_will, s->rules.civic_will_max);
                text_draw(a->text, b, dir > 0 ? x + w : x, y, px, s->civic_will <= 3 ? pl.bad : pl.body,
                          dir > 0 ? TEXT_RIGHT : TEXT_LEFT);
            }
        }
        if (ui_inside(row, p->mx, p->my))
            ui_tooltip_set(p,
                           _("%s%s. Rain cancels the charge and may close the fords; frost and cold hurt troops out of "
                           "shelter. Weather is rolled each turn.\nThe townspeople's will (0-10) falls with hunger and "
                           "expulsion; low, it opens the way to surrender or a gate betrayed."),
                           _(weather_name((Weather)s->weather)), s->fords_closed ? _(", the fords are closed") : "");
        y += lh + ui_px(a, 4);
    }
    /* Food and rations, side by side. */
    for (int sd = 0; sd < g->nsides; sd++) {
        const SiegeSide *ss = &s->side[sd];
        bool stores = ss->food > 0 || sd == g->town_side;
        if (!stores && !ss->forages)
            continue;
        /* The enemy's larder is its secret. */
        bool known = viewer < 0 || viewer == sd;
        SDL_Rect row = { x, y, w, lh };
        int days = siege_food_days(g, sd);
        if (p->draw) {
            char b[160];
            text_draw(a->text, g->sides[sd].name, x, y, sm + 1, pl.dim, TEXT_LEFT);
            if (ss->forages)
                snprintf(b, sizeof b, _("lives off the land"));
            else if (!known)
                snprintf(b, sizeof b, _("food: unknown"));
            else if (days >= 999)
                snprintf(b, sizeof b, _("food: plenty"));
            else if (days <= 0)
                snprintf(b, sizeof b, _("no food left: hunger"));
            else
                snprintf(b, sizeof b, _("food %d days \xC2\xB7 %s"), days, _(rations_name((Rations)ss->rations)));
            Rgba c = !known || ss->forages ? pl.body : days <= 8 ? pl.bad : days <= 20 ? pl.accent : pl.good;
            text_draw_bold(a->text, b, x + w, y, px, c, TEXT_RIGHT);
        }
        if (ui_inside(row, p->mx, p->my)) {
            if (ss->forages)
                ui_tooltip_set(p, _("The %s live off the country (less in winter) and draw nothing from stores."), g->sides[sd].name);
            else if (known)
                ui_tooltip_set(p,
                               _("The %s have %d ration-days in store: %d days at %s rations.%s%s\nHalf rations stretch the "
                               "stores but hurt cohesion after %d turns; expelling the townspeople saves food and costs the "
                               "town's will."),
                               g->sides[sd].name, ss->food, days, _(rations_name((Rations)ss->rations)),
                               ss->half_turns > 0 ? _(" On half rations for some turns now.") : "",
                               ss->shortfall_turns > 0 ? _(" Hunger has already struck.") : "", s->rules.half_grace_turns);
            else
                ui_tooltip_set(p, _("How much food the %s have left is not known to you."), g->sides[sd].name);
        }
        y += lh + ui_px(a, 2);
        if (me == sd && g->mode == MODE_SIEGE && !ss->forages && ss->rations != RATION_EXPEL) {
            static const char *const rl[3] = { N_("Full rations"), N_("Half rations"), N_("Expel people") };
            int n = sd == g->town_side ? 3 : 2;
            int gap = ui_px(a, 4), bw = (w - ui_px(a, 10) - gap * (n - 1)) / n, bh = lh + ui_px(a, 6);
            for (int k = 0; k < n; k++) {
                SDL_Rect br = { x + ui_px(a, 10) + k * (bw + gap), y, bw, bh };
                bool armed = k == RATION_EXPEL && a->armed == 1;
                bool hot = small_button(a, p, br, armed ? _("Sure? Expel") : _(rl[k]), ss->rations == k || armed, &hit);
                if (hit && ss->rations != k) {
                    if (k == RATION_EXPEL && !armed)
                        a->armed = 1;
                    else
                        give(a, CMD_RATIONS, k, 0);
                }
                if (hot)
                    ui_tooltip_set(p, "%s", k == RATION_FULL   ? _("Back to full rations.")
                                            : k == RATION_HALF ? _("Half rations: the stores last twice as long; after a few turns cohesion suffers.")
                                                               : _("Drive the townspeople out of the gates: the stores last longer, the town's will falls. It cannot be undone (click twice)."));
            }
            y += bh + ui_px(a, 6);
        }
    }
    y += ui_px(a, 2);
    if (g->town_side >= 0 && p->draw) {
        char b[160];
        snprintf(b, sizeof b, _("The city is held by the %s."), g->sides[g->town_side].name);
        text_draw(a->text, b, x, y, px, pl.body, TEXT_LEFT);
    }
    if (g->town_side >= 0)
        y += lh + ui_px(a, 2);
    if (g->ngates > 0) {
        int taken = 0, walls = siege_walls(g, &taken);
        bool besieger = g->town_side >= 0 && me >= 0 && me != g->town_side && g->mode == MODE_SIEGE;
        bool holder = me >= 0 && me == g->town_side;
        bool see_alert = viewer < 0 || (g->town_side >= 0 && viewer != g->town_side);
        if (p->draw) {
            char b[96];
            if (taken > 0)
                snprintf(b, sizeof b, _("Walls: %d sections, %d in enemy hands"), walls, taken);
            else
                snprintf(b, sizeof b, _("Walls: %d sections, all held"), walls);
            text_draw(a->text, b, x, y, px, taken > 0 ? pl.bad : pl.body, TEXT_LEFT);
        }
        y += lh + ui_px(a, 2);
        int bw = ui_px(a, 74);
        for (int i = 0; i < g->ngates; i++) {
            const Gate *gt = &g->gates[i];
            Rgba c;
            const char *wd = gate_word(gt->state, &c, &pl);
            bool alert = i < 16 && s->gate_alert[i];
            bool btn = (holder && (gt->state == GATE_SHUT || gt->state == GATE_OPEN)) || besieger;
            SDL_Rect row = { x, y, w - (btn ? bw + ui_px(a, 4) : 0), lh + ui_px(a, 2) };
            if (p->draw) {
                char b[96];
                bool named = strstr(gt->name, "gate") || strstr(gt->name, "Gate");
                snprintf(b, sizeof b, named ? "%s" : _("%s gate"), gt->name);
                text_draw(a->text, b, x + ui_px(a, 10), y, px, pl.body, TEXT_LEFT);
                int rx = x + w - (btn ? bw + ui_px(a, 8) : 0);
                int ww = text_draw_bold(a->text, wd, rx, y, px, c, TEXT_RIGHT);
                if (alert && see_alert)
                    text_draw_bold(a->text, _("\xE2\x9A\x91 alert"), rx - ww - ui_px(a, 8), y, sm, pl.bad, TEXT_RIGHT);
            }
            if (ui_inside(row, p->mx, p->my)) {
                char hx[16];
                ui_tooltip_set(p, _("The %s at %s is %s%s. Click to show it on the map."), gt->name,
                               hex_format(gt->hex, hx, sizeof hx), wd,
                               alert && see_alert ? _("; the camp before it stands to arms") : "");
            }
            if (p->clicked && ui_inside(row, p->cx, p->cy)) {
                p->clicked = false;
                ui_set_view(a, VIEW_MAP);
                cam_center_on(&a->cam, gt->hex);
            }
            if (btn) {
                SDL_Rect br = { x + w - bw, y, bw, lh + ui_px(a, 1) };
                const char *lab = holder ? (gt->state == GATE_SHUT ? C_("gate button", "Open") : C_("gate button", "Shut")) : alert ? _("Stand down") : _("Alert");
                bool hot = small_button(a, p, br, lab, besieger && alert, &hit);
                if (hit) {
                    if (holder)
                        give(a, gt->state == GATE_SHUT ? CMD_OPEN_GATE : CMD_SHUT_GATE, i, 0);
                    else
                        give(a, CMD_ALERT, i, alert ? 0 : 1);
                }
                if (hot)
                    ui_tooltip_set(p, "%s",
                                   holder ? (gt->state == GATE_SHUT
                                                 ? _("Open the gate: troops can pass out to sally (a few SP an impulse), and "
                                                   "food slips in; the enemy may rush it while it stands open.")
                                                 : _("Shut the gate, even on your own men still outside."))
                                          : alert ? _("Let the camp before this gate stand down.")
                                                  : _("Put the camp before this gate on alert: a sally from it loses its surprise."));
            }
            y += lh + ui_px(a, 3);
        }
        if (besieger) {
            y += ui_px(a, 3);
            if (p->draw)
                text_draw(a->text, _("Offer terms"), x, y + ui_px(a, 2), px, pl.body, TEXT_LEFT);
            int tw = ui_px(a, 86);
            for (int k = 0; k < 2; k++) {
                int terms = k == 0 ? TERMS_GENEROUS : TERMS_HARSH;
                SDL_Rect br = { x + w - (2 - k) * tw - (1 - k) * ui_px(a, 4), y, tw, lh + ui_px(a, 4) };
                bool offered = s->terms == terms;
                bool hot = small_button(a, p, br, k == 0 ? _("Generous") : _("Harsh"), offered, &hit);
                if (hit && s->terms == TERMS_NONE)
                    give(a, CMD_OFFER_TERMS, terms, 0);
                else if (hit)
                    ui_notice(a, _("Terms have already been offered this turn."));
                if (hot) {
                    int mods = siege_terms_mods(g, terms);
                    ui_tooltip_set(p,
                                   _("Offer %s terms: at the end of the turn the town weighs them on 2d6 (now about %d %% to "
                                   "accept; %d or more is needed with modifiers %+d). Hunger, low morale and no hope of "
                                   "relief make it likelier; a glory-seeking commander may veto."),
                                   k == 0 ? _("generous") : _("harsh"), siege_terms_ways(g, terms) * 100 / 36,
                                   s->rules.surrender_target, mods);
                }
            }
            y += lh + ui_px(a, 6);
        } else if (s->terms != TERMS_NONE) {
            if (p->draw)
                text_draw(a->text, s->terms == TERMS_GENEROUS ? _("Generous terms are on offer.") : _("Harsh terms are on offer."),
                          x, y, px, pl.accent, TEXT_LEFT);
            /* The garrison's own answer, or a way back to the question. */
            if (holder && s->terms_answer != TERMS_ANSWER_COUNCIL) {
                y += lh;
                if (p->draw)
                    text_draw(a->text, s->terms_answer == TERMS_ANSWER_ACCEPT ? _("You will accept them.") : _("You will refuse them."),
                              x, y, px, pl.body, TEXT_LEFT);
            } else if (holder && g->active == me) {
                int tw = ui_px(a, 86);
                SDL_Rect br = { x + w - tw, y, tw, lh + ui_px(a, 4) };
                small_button(a, p, br, _("Answer"), false, &hit);
                if (hit)
                    a->ask_terms = true;
            }
            y += lh + ui_px(a, 4);
        }
    }
    return y + ui_px(a, 6);
}

static void mp_text(char *b, size_t n, int halves)
{
    snprintf(b, n, "%d%s", halves / 2, halves % 2 ? "\xC2\xBD" : "");
}

static int unit_block(UiApp *a, Pass *p, const Game *g, int x, int y, int w)
{
    Palette pl = ui_palette(a);
    int px = ui_px(a, 14), lh = text_line_height(a->text, px);
    y = section(a, p, a->nsel > 1 ? _("Selected units") : _("Selected unit"), x, y, w);
    if (a->nsel == 0) {
        {
            const char *hint = ui_is_human(a, g->active) && g->mode != MODE_OVER
                                   ? N_("Click one of your counters to see where it can go and what it can attack. N selects the next unit that can move.")
                                   : N_("Click a counter to see its details.");
            y += text_wrap(a->text, hint, x, y, w, px, pl.dim, p->draw);
        }
        return y + ui_px(a, 8);
    }
    const Unit *u = &g->units[a->sel[0]];
    float cs = (float)ui_px(a, 58);
    if (p->draw && a->art)
        render_counter(&a->mr, g, a->sel[0], (float)x, (float)y, cs, false);
    int tx = x + (int)cs + ui_px(a, 12), tw = w - (int)cs - ui_px(a, 12);
    if (p->draw) {
        char b[160], m1[16], m2[16];
        const UnitTypeRules *tr = u->type >= 0 && u->type < g->rules.ntypes ? &g->rules.types[u->type] : NULL;
        static const char *const qn[] = { "elite", "veteran", "regular", "levy" };
        text_draw_bold(a->text, u->name, tx, y, ui_px(a, 15), pl.head, TEXT_LEFT);
        snprintf(b, sizeof b, "%s, %s", tr ? tr->name : "?", u->quality >= 0 && u->quality < 4 ? qn[u->quality] : "?");
        text_draw(a->text, b, tx, y + lh + 2, px, pl.body, TEXT_LEFT);
        snprintf(b, sizeof b, _("%d of %d SP (about %d men)"), u->sp, u->sp_start, u->sp * 100);
        text_draw(a->text, b, tx, y + 2 * lh + 2, px, pl.body, TEXT_LEFT);
        mp_text(m1, sizeof m1, u->mp);
        mp_text(m2, sizeof m2, tr ? tr->ma * 2 * (g->mode == MODE_BATTLE ? 1 : (g->rules.siege_mp_mult > 0 ? g->rules.siege_mp_mult : 1)) : 0);
        const char *state = u->cohesion <= 0 ? "routed" : u->cohesion <= g->rules.shaken_at ? "shaken" : "steady";
        snprintf(b, sizeof b, _("Cohesion %d/%d (%s)"), u->cohesion, g->rules.cohesion_max, state);
        text_draw(a->text, b, tx, y + 3 * lh + 2, px, u->cohesion <= g->rules.shaken_at ? pl.bad : pl.body, TEXT_LEFT);
        snprintf(b, sizeof b, _("Movement %s of %s MP left"), m1, m2);
        text_draw(a->text, b, tx, y + 4 * lh + 2, px, u->mp > 0 ? pl.body : pl.dim, TEXT_LEFT);
    }
    (void)tw;
    y += 5 * lh + ui_px(a, 8);
    int l = game_leader_with(g, a->sel[0]);
    if (l >= 0) {
        const Leader *ld = &g->leaders[l];
        char b[256], traits[160] = "";
        for (unsigned bit = 1; bit < (1u << TRAIT_COUNT_); bit <<= 1)
            if (ld->traits & bit) {
                size_t len = strlen(traits);
                snprintf(traits + len, sizeof traits - len, "%s%s", len ? ", " : "", trait_name(bit));
            }
        snprintf(b, sizeof b, _("\xE2\x98\x85 %s \xE2\x80\x94 command %d, initiative %d, tactics %d%s%s"), ld->name, ld->command,
                 ld->initiative, ld->tactics, traits[0] ? "; " : "", traits);
        y += text_wrap(a->text, b, x, y, w, px, pl.accent, p->draw);
    }
    if (a->nsel > 1) {
        char b[256] = "With: ";
        for (int i = 1; i < a->nsel; i++) {
            size_t len = strlen(b);
            snprintf(b + len, sizeof b - len, "%s%s", i > 1 ? ", " : "", g->units[a->sel[i]].name);
        }
        y += text_wrap(a->text, b, x, y, w, px, pl.body, p->draw);
    }
    if (a->ntargets > 0) {
        char b[128];
        snprintf(b, sizeof b, _("%d target%s in reach: hover one for the odds."), a->ntargets, a->ntargets > 1 ? "s" : "");
        y += text_wrap(a->text, b, x, y, w, px, pl.bad, p->draw);
    }
    return y + ui_px(a, 8);
}

static Rgba log_color(const LogLine *l, const Palette *pl, const Game *g)
{
    switch (l->type) {
    case UI_LOG_CHRONICLE: return pl->head;
    case EV_TURN_START: case EV_PHASE: return pl->accent;
    case EV_COMBAT: case EV_LOSS: case EV_ELIMINATED: case EV_ROUT: case EV_LEADER_LOST: return pl->bad;
    case EV_MESSAGE: case EV_GAME_OVER: return pl->head;
    case EV_CAPTURE: case EV_UNIT_ARRIVES: case EV_RALLY: return pl->good;
    case EV_MOVE: case EV_RETREAT: return l->side >= 0 ? side_color_light(g, l->side) : pl->body;
    default: return pl->body;
    }
}

static void log_block(UiApp *a, Pass *p, const Game *g, int x, int y, int w, int bottom)
{
    Palette pl = ui_palette(a);
    y = section(a, p, _("What happened"), x, y, w);
    int px = ui_px(a, 13), lh = text_line_height(a->text, px);
    int rows = (bottom - y) / lh;
    if (rows <= 0)
        return;
    SDL_Rect area = { x, y, w, bottom - y };
    if (ui_inside(area, p->mx, p->my))
        ui_tooltip_set(p, _("Everything the engine reported, newest at the bottom. Scroll with the mouse wheel."));
    if (!p->draw)
        return;
    /* Newest at the bottom: chronicle steps wrapped in full on a
     * highlighted band, other lines trimmed to one row. */
    int maxscroll = a->nlog - 1;
    if (maxscroll < 0)
        maxscroll = 0;
    if (a->log_scroll > maxscroll)
        a->log_scroll = maxscroll;
    int last = a->nlog - 1 - a->log_scroll;
    int pad = ui_px(a, 4);
    int first = last + 1, used = 0;
    while (first > 0) {
        const LogLine *l = &a->log[first - 1];
        int h = l->type == UI_LOG_CHRONICLE ? text_wrap(a->text, l->text, 0, 0, w - 3 * pad, px, pl.head, false) + 2 * pad
                                            : lh;
        if (used + h > bottom - y)
            break;
        used += h;
        first--;
    }
    SDL_Rect clip = area;
    SDL_RenderSetClipRect(a->r, &clip);
    int yy = first == 0 ? y : bottom - used;
    for (int i = first; i <= last; i++) {
        if (a->log[i].type == UI_LOG_CHRONICLE) {
            int h = text_wrap(a->text, a->log[i].text, 0, 0, w - 3 * pad, px, pl.head, false) + 2 * pad;
            gfx_fill_rect(a->r, (float)x, (float)yy, (float)w, (float)h, rgba(0xe0b050, 46));
            gfx_fill_rect(a->r, (float)x, (float)yy, (float)ui_px(a, 3), (float)h, pl.accent);
            text_wrap(a->text, a->log[i].text, x + 2 * pad, yy + pad, w - 3 * pad, px, pl.head, true);
            yy += h;
            continue;
        }
        char line[UI_LOG_TEXT];
        snprintf(line, sizeof line, "%s", a->log[i].text);
        /* Trim to the width. */
        while (strlen(line) > 4 && text_width(a->text, line, px) > w) {
            size_t n = strlen(line);
            line[n - 4] = 0;
            while (n > 5 && ((unsigned char)line[strlen(line) - 1] & 0xC0) == 0x80)
                line[strlen(line) - 1] = 0;
            strcat(line, "\xE2\x80\xA6");
            if (text_width(a->text, line, px) <= w)
                break;
            line[strlen(line) - 3] = 0;
        }
        text_draw(a->text, line, x, yy, px, log_color(&a->log[i], &pl, g), TEXT_LEFT);
        yy += lh;
    }
    SDL_RenderSetClipRect(a->r, NULL);
}

void panels_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    top_bar(a, p, g);
    int pw = game_panel_w(a);
    SDL_Rect panel = { a->W - pw, game_top_h(a), pw, a->H - game_top_h(a) };
    ui_panel(a, p, panel);
    int x = panel.x + ui_px(a, 14), w = pw - ui_px(a, 28);
    int y = panel.y + ui_px(a, 12);
    int bh = ui_px(a, 46);
    int by = a->H - bh - ui_px(a, 12);
    /* The siege and unit blocks leave the log at least its heading and
     * four lines; beyond that they scroll in their own area (a small
     * screen at a large scale). */
    int limit = by - ui_px(a, 36) - 4 * text_line_height(a->text, ui_px(a, 13));
    Pass m = *p;
    m.draw = false;
    m.clicked = false;
    int end = unit_block(a, &m, g, x, siege_block(a, &m, g, x, y, w), w);
    a->panel_over = end - limit > 0 ? end - limit : 0;
    if (a->panel_scroll > a->panel_over)
        a->panel_scroll = a->panel_over;
    if (a->panel_scroll < 0)
        a->panel_scroll = 0;
    a->panel_area = (SDL_Rect){ panel.x, y, pw, limit - y };
    if (a->panel_over > 0) {
        Pass in = *p;
        if (in.clicked && !ui_inside(a->panel_area, in.cx, in.cy))
            in.clicked = false;
        if (p->draw)
            SDL_RenderSetClipRect(a->r, &a->panel_area);
        unit_block(a, &in, g, x, siege_block(a, &in, g, x, y - a->panel_scroll, w), w);
        if (p->draw)
            SDL_RenderSetClipRect(a->r, NULL);
        if (p->clicked && !in.clicked)
            p->clicked = false;
        if (in.tip) {
            snprintf(p->tipbuf, sizeof p->tipbuf, "%s", in.tip);
            p->tip = p->tipbuf;
        }
        if (p->draw) {
            char b[96];
            snprintf(b, sizeof b, _("%s%s (wheel)"), a->panel_scroll > 0 ? "\xE2\x96\xB2 " : "",
                     a->panel_scroll < a->panel_over ? _("\xE2\x96\xBC more") : _("end"));
            int spx = ui_px(a, 11);
            gfx_fill_rect(a->r, (float)panel.x + 1, (float)limit, (float)pw - 2, (float)text_line_height(a->text, spx),
                          pl.panel);
            text_draw(a->text, b, x + w, limit, spx, pl.dim, TEXT_RIGHT);
        }
        y = limit + text_line_height(a->text, ui_px(a, 11));
    } else {
        y = siege_block(a, p, g, x, y, w);
        y = unit_block(a, p, g, x, y, w);
    }
    int status_h = 0;
    if (a->status[0] && a->status_until > a->now) {
        status_h = text_wrap(a->text, a->status, 0, 0, w, ui_px(a, 13), pl.bad, false) + ui_px(a, 6);
        /* Refusals in red, other notices in the accent colour. */
        bool refusal = strncmp(a->status, "Refused", 7) == 0 || strncmp(a->status, "Cannot", 6) == 0 ||
                       strncmp(a->status, "Could not", 9) == 0 || strstr(a->status, "failed") || strstr(a->status, "refused");
        /* Only where it covers neither the blocks above nor the log's
         * heading (a small screen at a large scale leaves no room: the
         * notice is shown in a box at the window's foot, app.c). */
        if (by - status_h - ui_px(a, 36) < y)
            status_h = 0;
        else if (p->draw) {
            text_wrap(a->text, a->status, x, by - status_h, w, ui_px(a, 13), refusal ? pl.bad : pl.accent, true);
            a->status_drawn = true;
        }
    }
    log_block(a, p, g, x, y, w, by - status_h - ui_px(a, 8));
    bool human = g->mode != MODE_OVER && ui_is_human(a, g->active);
    SDL_Rect eb = { x, by, w, bh };
    const char *label = g->mode == MODE_BATTLE ? _("End impulse  (Space)") : _("End turn  (Space)");
    if (!human)
        label = a->rp.active ? "Watching a replay" : g->mode == MODE_OVER ? "Game over" : "The computer is moving\xE2\x80\xA6";
    bool pausable = ui_all_computer(a) && g->mode != MODE_OVER;
    if (pausable)
        label = uiapp_paused(a) || a->ch.checkpoint ? "Resume  (Space)" : "Pause  (Space)";
    if (ui_button(a, p, eb, label, human || pausable)) {
        if (human) {
            a->confirm_end = true;
        } else if (pausable) {
            SDL_KeyboardEvent k;
            memset(&k, 0, sizeof k);
            k.keysym.sym = SDLK_SPACE;
            chronicle_key(a, &k);
        }
    }
    if (ui_inside(eb, p->mx, p->my))
        ui_tooltip_set(p, _("Finish your %s. You will be asked to confirm."), g->mode == MODE_BATTLE ? _("impulse of the battle") : _("part of this siege turn"));
    /* Clicks elsewhere on the panels never reach the map. */
    if (p->clicked && (ui_inside(panel, p->cx, p->cy) || p->cy < game_top_h(a)))
        p->clicked = false;
}
