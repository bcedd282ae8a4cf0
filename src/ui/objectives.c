/* objectives.c - what a player must do and what may go wrong: the
 * objectives overlay (O, or the Objectives button), the warnings the
 * end-turn confirmation gives, the garrison's answer to terms, and why the
 * game ended. Every rule answer comes from the core (game_victory_*,
 * siege_*); nothing here decides a rule. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core/command.h"
#include "ui/theatre_int.h"
#include "i18n.h"

/* A wrapped paragraph; its height (drawn only when draw). */
static int para(UiApp *a, bool draw, const char *s, int x, int y, int w, int px, Rgba c)
{
    return text_wrap(a->text, s, x, y, w, px, c, draw);
}

static int turns_to_go(const Game *g)
{
    int n = g->max_turns - g->turn + 1;
    return n > 0 ? n : 0;
}

/* ---- warnings before the end of a turn -------------------------------- */

static void add(char (*out)[UI_WARN_LEN], int *n, int max, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void add(char (*out)[UI_WARN_LEN], int *n, int max, const char *fmt, ...)
{
    if (*n >= max)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out[*n], UI_WARN_LEN, fmt, ap);
    va_end(ap);
    (*n)++;
}

int ui_turn_warnings(const UiApp *a, char (*out)[UI_WARN_LEN], int max)
{
    const Game *g = uiapp_game(a);
    int n = 0;
    if (!g || g->mode == MODE_OVER)
        return 0;
    int me = g->active;
    const Siege *s = &g->siege;
    bool holder = g->town_side >= 0 && me == g->town_side;
    if (holder) {
        for (int i = 0; i < g->ngates; i++) {
            if (g->gates[i].state == GATE_OPEN)
                add(out, &n, max, _("The %s stands open: the enemy may rush it."), g->gates[i].name);
            else if (g->gates[i].state == GATE_FORCED || g->gates[i].state == GATE_BETRAYED)
                add(out, &n, max, _("The %s is %s: the enemy can pass it."), g->gates[i].name,
                    g->gates[i].state == GATE_FORCED ? _("forced") : _("betrayed"));
        }
        int taken = 0, walls = siege_walls(g, &taken);
        if (taken > 0)
            add(out, &n, max, _("%d of the %d wall sections %s in enemy hands."), taken, walls, taken == 1 ? _("is") : _("are"));
        if (s->terms != TERMS_NONE && s->terms_side != me && s->terms_answer == TERMS_ANSWER_COUNCIL) {
            if (siege_town_defiant(g))
                add(out, &n, max, _("Terms are offered and not answered: the council, fed and in good heart, will refuse them."));
            else
                add(out, &n, max, _("Terms are offered and not answered: the council will decide (it accepts on %d of 36 rolls)."),
                    siege_terms_ways(g, s->terms));
        }
    }
    /* Food: the turns the stores feed this side, against the turns left. */
    int to_go = turns_to_go(g);
    const SiegeSide *ss = &s->side[me];
    if (g->town_side >= 0 && !ss->forages && to_go > 0) {
        int fed = siege_food_turns(g, me, ss->rations, to_go);
        if (fed < to_go) {
            int half = ss->rations == RATION_FULL ? siege_food_turns(g, me, RATION_HALF, to_go) : fed;
            char more[120] = "";
            if (half > fed)
                snprintf(more, sizeof more, _(" (on half rations: %d turn%s)"), half, half == 1 ? "" : "s");
            add(out, &n, max, _("Food for %d of the %d turns left (%d days at %s rations): hunger from turn %d%s."), fed,
                to_go, siege_food_days(g, me), _(rations_name((Rations)ss->rations)), g->turn + fed, more);
        }
    }
    for (int k = 0; k < s->ncontingents; k++) {
        const Contingent *c = &s->contingents[k];
        if (c->side != me || c->departed)
            continue;
        int ways = siege_desertion_ways(g, k);
        if (ways > 0)
            add(out, &n, max, _("The %s may go home at this turn's end (%d in 10): their worry for home is %d."), c->name,
                ways, siege_contingent_worry(g, k));
    }
    /* Columns the scenario sends by itself at this turn's theatre step. */
    for (int c = 0; c < s->ncolumns; c++)
        if (s->columns[c].side == me && th_column_self_turn(g, c) == g->turn)
            add(out, &n, max, _("Column %s sets out by itself at this turn's end (the scenario's order) for %s."),
                s->columns[c].name, s->columns[c].dest >= 0 ? s->places[s->columns[c].dest].name : "?");
    int left = 0;
    for (int u = 0; u < g->nunits; u++)
        left += g->units[u].side == me && g->units[u].status == UNIT_ON_MAP && g->units[u].mp > 0 &&
                g->units[u].cohesion > 0;
    if (left > 0)
        add(out, &n, max, _("%d of your units could still move."), left);
    return n;
}

int uiapp_turn_warnings(UiApp *a, char *buf, size_t len)
{
    char w[UI_WARNINGS][UI_WARN_LEN];
    int n = ui_turn_warnings(a, w, UI_WARNINGS);
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(buf);
        snprintf(buf + l, len > l ? len - l : 0, "%s\n", w[i]);
    }
    return n;
}

/* ---- the objectives overlay ------------------------------------------ */

/* The body at font factor f (1 = the interface scale's size). */
static int objectives_body(UiApp *a, bool draw, int x, int y, int w, float f)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    int px = (int)(ui_px(a, 15) * f + 0.5f), sm = (int)(ui_px(a, 13) * f + 0.5f), y0 = y;
    char b[1200], t[800];
    int to_go = turns_to_go(g);
    snprintf(b, sizeof b, _("Turn %d of %d: %d turn%s left, this one included."), g->turn, g->max_turns, to_go,
             to_go == 1 ? "" : "s");
    y += para(a, draw, b, x, y, w, px, pl.head) + ui_px(a, 10);
    int me = ui_viewer(a);
    for (int i = 0; i < g->nvictory; i++) {
        const Victory *v = &g->victory[i];
        game_victory_describe(g, i, t, sizeof t);
        snprintf(b, sizeof b, "%s%s.", t, me >= 0 && v->side == me ? _(" (yours)") : "");
        Rgba c = side_color_light(g, v->side);
        if (draw)
            gfx_fill_rect(a->r, (float)x, (float)y, (float)ui_px(a, 4), (float)text_line_height(a->text, px), c);
        y += para(a, draw, b, x + ui_px(a, 12), y, w - ui_px(a, 12), px, pl.body);
        game_victory_progress(g, i, t, sizeof t);
        bool holds = game_victory_holds(g, i);
        snprintf(b, sizeof b, _("Now: %s%s%s%s"), t, holds ? _(" \xE2\x80\x94 met now") : "", v->text[0] ? ". \xE2\x80\x9C" : "",
                 v->text);
        if (v->text[0])
            strncat(b, "\xE2\x80\x9D", sizeof b - strlen(b) - 1);
        y += para(a, draw, b, x + ui_px(a, 12), y, w - ui_px(a, 12), sm, holds ? pl.good : pl.dim) + ui_px(a, 8);
    }
    game_victory_fallbacks(g, b, sizeof b);
    y += para(a, draw, b, x, y, w, sm, pl.dim) + ui_px(a, 6);
    return y - y0;
}

void objectives_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    if (!g) {
        a->objectives = false;
        return;
    }
    Palette pl = ui_palette(a);
    int w = ui_px(a, 760);
    if (w > a->W - 20)
        w = a->W - 20;
    int inner = w - ui_px(a, 52);
    int head = ui_px(a, 52), foot = ui_px(a, 70);
    /* Many conditions on a small screen at a large scale: smaller type
     * (down to 60 %) rather than text cut off. */
    float f = 1.0f;
    int body = objectives_body(a, false, 0, 0, inner, f);
    while (head + body + foot > a->H - 20 && f > 0.65f) {
        f -= 0.1f;
        body = objectives_body(a, false, 0, 0, inner, f);
    }
    int h = head + body + foot;
    SDL_Rect r = ui_centered(a, w, h);
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 18);
    if (p->draw) {
        char b[300];
        snprintf(b, sizeof b, _("Objectives \xE2\x80\x94 %s"), ui_scenario(a) ? ui_ar(scenario_info(ui_scenario(a))->title, scenario_info(ui_scenario(a))->title_ar) : "");
        /* The scenario's title only where it fits (bold runs wider than
         * text_width measures). */
        int tpx = ui_fit_px(a, b, ui_px(a, 20), inner * 85 / 100);
        if (text_width(a->text, b, tpx) > inner * 85 / 100)
            snprintf(b, sizeof b, _("Objectives"));
        text_draw_bold(a->text, b, x, y, tpx, pl.head, TEXT_LEFT);
        /* Long lists scroll off the foot rather than over the buttons. */
        SDL_Rect clip = { r.x, r.y + head, r.w, r.h - head - foot };
        SDL_RenderSetClipRect(a->r, &clip);
        objectives_body(a, true, x, r.y + head, inner, f);
        SDL_RenderSetClipRect(a->r, NULL);
    }
    SDL_Rect b = { r.x + r.w - ui_px(a, 150), r.y + r.h - ui_px(a, 56), ui_px(a, 126), ui_px(a, 40) };
    if (ui_button(a, p, b, _("Close"), false))
        a->objectives = false;
}

/* ---- terms offered to a human garrison ------------------------------- */

static bool terms_waiting(const UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g || g->mode != MODE_SIEGE || g->town_side < 0 || a->rp.active || g->active != g->town_side ||
        !ui_is_human(a, g->town_side))
        return false;
    const Siege *s = &g->siege;
    return s->terms != TERMS_NONE && s->terms_side != g->town_side && s->terms_answer == TERMS_ANSWER_COUNCIL;
}

void objectives_tick(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (a->screen != UI_GAME || !terms_waiting(a)) {
        if (a->ask_terms && !terms_waiting(a))
            a->ask_terms = false;
        return;
    }
    if (a->terms_asked_turn != g->turn) {
        a->terms_asked_turn = g->turn;
        a->ask_terms = true;
    }
}

bool uiapp_asking_terms(const UiApp *a)
{
    return a->ask_terms;
}

static void answer(UiApp *a, int ans)
{
    const Game *g = uiapp_game(a);
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_ANSWER_TERMS;
    c.side = g->active;
    c.arg = ans;
    a->ask_terms = false;
    ui_apply(a, &c);
}

void terms_pass(UiApp *a, Pass *p)
{
    const Game *g = uiapp_game(a);
    if (!g || !terms_waiting(a)) {
        a->ask_terms = false;
        return;
    }
    const Siege *s = &g->siege;
    int town = g->town_side;
    Palette pl = ui_palette(a);
    char q[300], mind[400], what[700];
    const char *kind = s->terms == TERMS_HARSH ? "harsh" : "generous";
    snprintf(q, sizeof q, _("The %s offer %s terms. Will the %s give up the town?"), g->sides[s->terms_side].name, kind,
             g->sides[town].name);
    if (siege_town_defiant(g))
        snprintf(mind, sizeof mind, _("Your council, fed and in good heart, would refuse them."));
    else
        snprintf(mind, sizeof mind, _("Left to the dice, your council accepts on %d of the 36 rolls of 2d6%s."),
                 siege_terms_ways(g, s->terms),
                 siege_veto_active(g, town) ? _(", but your glory-seeking commander would veto it") : "");
    snprintf(what, sizeof what,
             _("Accept: the town surrenders at this turn's end, and the game ends. Refuse: the town holds; if the council "
             "would have accepted, the townspeople's will falls by %d (now %d of %d). Council: the dice decide at the "
             "turn's end."),
             s->rules.overrule_will, s->civic_will, s->rules.civic_will_max);
    int w = ui_px(a, 640);
    if (w > a->W - 20)
        w = a->W - 20;
    int inner = w - ui_px(a, 52), px = ui_px(a, 15);
    int body = para(a, false, q, 0, 0, inner, ui_px(a, 18), pl.head) + para(a, false, mind, 0, 0, inner, px, pl.body) +
               para(a, false, what, 0, 0, inner, ui_px(a, 13), pl.dim) + ui_px(a, 24);
    int bh = ui_px(a, 40);
    SDL_Rect r = ui_centered(a, w, ui_px(a, 36) + body + bh + ui_px(a, 24));
    ui_panel(a, p, r);
    int x = r.x + ui_px(a, 26), y = r.y + ui_px(a, 18);
    y += para(a, p->draw, q, x, y, inner, ui_px(a, 18), pl.head) + ui_px(a, 12);
    y += para(a, p->draw, mind, x, y, inner, px, pl.body) + ui_px(a, 12);
    para(a, p->draw, what, x, y, inner, ui_px(a, 13), pl.dim);
    int gap = ui_px(a, 10), bw = (inner - 2 * gap) / 3, by = r.y + r.h - bh - ui_px(a, 18);
    SDL_Rect ra = { x, by, bw, bh }, rr = { x + bw + gap, by, bw, bh }, rc = { x + 2 * (bw + gap), by, bw, bh };
    if (ui_button(a, p, ra, _("Accept"), false))
        answer(a, TERMS_ANSWER_ACCEPT);
    else if (ui_button(a, p, rr, _("Refuse"), false))
        answer(a, TERMS_ANSWER_REFUSE);
    else if (ui_button(a, p, rc, _("Council"), true))
        a->ask_terms = false;
}

/* ---- why the game ended ----------------------------------------------- */

/* The town's surrender as the log said it, with its food, hunger and
 * morale then ("" if it did not surrender). */
static void surrender_words(const Game *g, char *b, size_t n)
{
    b[0] = 0;
    if (!g->siege.surrendered || g->town_side < 0)
        return;
    const char *said = "";
    for (size_t i = g->events.n; i-- > 0;)
        if (g->events.items[i].type == EV_SURRENDER) {
            said = g->events.items[i].text;
            break;
        }
    int town = g->town_side, hunger = g->siege.side[town].shortfall_turns;
    snprintf(b, n, _(" The town surrendered (%s) with %d days of food, %d turn%s of hunger behind it and army morale %d of %d."),
             said, siege_food_days(g, town), hunger, hunger == 1 ? "" : "s", g->sides[town].morale, g->rules.morale_max);
}

void ui_outcome_reason(const UiApp *a, char *b, size_t n)
{
    const Game *g = uiapp_game(a);
    b[0] = 0;
    if (!g || g->mode != MODE_OVER)
        return;
    const Outcome *o = &g->outcome;
    char t[800], now[600], sur[600];
    surrender_words(g, sur, sizeof sur);
    if (o->victory >= 0) {
        game_victory_describe(g, o->victory, t, sizeof t);
        game_victory_progress(g, o->victory, now, sizeof now);
        snprintf(b, n, _("Why it ended: %s; at the end, %s.%s"), t, now, sur);
    } else if (sur[0]) {
        snprintf(b, n, _("Why it ended:%s"), sur);
    } else if (o->winner < 0 && g->turn >= g->max_turns) {
        snprintf(b, n, _("Why it ended: the last turn passed and no side had met its aims."));
    }
    /* Otherwise the scenario's script ended it, and its text says why. */
}

void uiapp_outcome_reason(const UiApp *a, char *b, size_t n)
{
    ui_outcome_reason(a, b, n);
}
