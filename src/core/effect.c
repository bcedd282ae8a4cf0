/* effect.c - state changes that follow from rules and scenario events. */
#include "effect.h"
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "path.h"

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

/* A leader whose unit is destroyed escapes to a unit of his side on the
 * same hex or next to it that has no leader (the nearest, then the
 * strongest), or is left unattached. */
static void leader_escapes(Game *g, int l, int ui)
{
    Leader *ld = &g->leaders[l];
    const Unit *u = &g->units[ui];
    int best = -1;
    for (int i = 0; i < g->nunits; i++) {
        const Unit *v = &g->units[i];
        if (i == ui || v->status != UNIT_ON_MAP || v->side != u->side || hex_distance(v->hex, u->hex) > 1 ||
            game_leader_with(g, i) >= 0)
            continue;
        if (best < 0 || hex_distance(v->hex, u->hex) < hex_distance(g->units[best].hex, u->hex) ||
            (hex_distance(v->hex, u->hex) == hex_distance(g->units[best].hex, u->hex) && v->sp > g->units[best].sp))
            best = i;
    }
    ld->unit = best;
    if (best >= 0) {
        Event e = game_event(g, EV_MESSAGE);
        e.side = ld->side;
        e.unit = best;
        snprintf(e.text, sizeof e.text, "%s escapes to %s", ld->name, g->units[best].name);
        game_emit(g, &e);
    }
}

void unit_lose(Game *g, int ui, int sp, int coh)
{
    Unit *u = &g->units[ui];
    if (u->status != UNIT_ON_MAP)
        return;
    if (sp > u->sp)
        sp = u->sp;
    u->sp -= sp;
    g->sides[u->side].sp_lost += sp;
    int was = u->cohesion;
    u->cohesion = clamp(u->cohesion - coh, 0, g->rules.cohesion_max);
    if (u->sp <= 0) {
        game_unit_set_status(g, ui, UNIT_ELIMINATED);
        g->sides[u->side].units_lost++;
        Event e = game_event(g, EV_ELIMINATED);
        e.unit = ui;
        e.side = u->side;
        e.to = u->hex;
        game_emit(g, &e);
        int l = game_leader_with(g, ui);
        if (l >= 0)
            leader_escapes(g, l, ui);
        effect_morale(g, u->side, -g->rules.morale_loss_eliminated, "a unit destroyed");
        return;
    }
    Event e = game_event(g, EV_LOSS);
    e.unit = ui;
    e.side = u->side;
    e.to = u->hex;
    e.a = sp;
    e.b = was - u->cohesion;
    e.c = u->cohesion;
    game_emit(g, &e);
    if (was > 0 && u->cohesion == 0) {
        Event r = game_event(g, EV_ROUT);
        r.unit = ui;
        r.side = u->side;
        r.to = u->hex;
        game_emit(g, &r);
    }
}

void effect_message(Game *g, int side, const char *text)
{
    Event e = game_event(g, EV_MESSAGE);
    e.side = side;
    snprintf(e.text, sizeof e.text, "%s", text ? text : "");
    game_emit(g, &e);
}

bool effect_morale(Game *g, int side, int delta, const char *why_text)
{
    if (side < 0 || side >= g->nsides)
        return false;
    Side *s = &g->sides[side];
    int before = s->morale;
    s->morale = clamp(s->morale + delta, 0, g->rules.morale_max);
    if (s->morale == before)
        return true;
    Event e = game_event(g, EV_MORALE);
    e.side = side;
    e.a = s->morale - before;
    e.b = s->morale;
    snprintf(e.text, sizeof e.text, "%s", why_text ? why_text : "");
    game_emit(g, &e);
    return true;
}

bool effect_unit_arrives(Game *g, int ui, Hex h, char *why, size_t n)
{
    if (ui < 0 || ui >= g->nunits) {
        snprintf(why, n, "no such unit");
        return false;
    }
    Unit *u = &g->units[ui];
    if (u->status != UNIT_OFF_MAP) {
        snprintf(why, n, "%s is not waiting off the map", u->name);
        return false;
    }
    /* The entry hex, or the nearest hex within 3 that is on the map,
     * passable, free of enemies and has room. */
    for (int radius = 0; radius <= 3; radius++) {
        Hex ring[18];
        int k = radius == 0 ? 1 : hex_ring(h, radius, ring, 18);
        if (radius == 0)
            ring[0] = h;
        for (int i = 0; i < k; i++) {
            Hex c = ring[i];
            Terrain t = map_terrain(&g->map, c);
            if (t >= TER_COUNT || g->rules.move_cost[t][g->rules.types[u->type].move_class] < 0)
                continue;
            if (terrain_is_town(t) && u->side != g->town_side)
                continue;
            if (game_enemy_at(g, c, u->side))
                continue;
            int here[8];
            if (game_units_at(g, c, here, 8) >= g->rules.stack_limit)
                continue;
            u->hex = c;
            game_unit_set_status(g, ui, UNIT_ON_MAP);
            u->mp = 0;
            Event e = game_event(g, EV_UNIT_ARRIVES);
            e.unit = ui;
            e.side = u->side;
            e.to = c;
            if (radius > 0) {
                char want[16];
                snprintf(e.text, sizeof e.text, "entry %s blocked", hex_format(h, want, sizeof want));
            }
            game_emit(g, &e);
            return true;
        }
    }
    snprintf(why, n, "no free hex near the entry for %s", u->name);
    return false;
}

bool effect_damage(Game *g, int ui, int sp, int cohesion, char *why, size_t n)
{
    if (ui < 0 || ui >= g->nunits || g->units[ui].status != UNIT_ON_MAP) {
        snprintf(why, n, "that unit is not on the map");
        return false;
    }
    if (sp < 0 || cohesion < 0) {
        snprintf(why, n, "damage must not be negative");
        return false;
    }
    unit_lose(g, ui, sp, cohesion);
    return true;
}

bool effect_set_owner(Game *g, int place, int side)
{
    if (place < 0 || place >= g->map.nplaces || side < -1 || side >= g->nsides)
        return false;
    Place *p = &g->map.places[place];
    if (p->owner == side)
        return true;
    p->owner = side;
    Event e = game_event(g, EV_CAPTURE);
    e.side = side;
    e.a = place;
    e.to = p->hex;
    game_emit(g, &e);
    return true;
}

bool effect_set_gate(Game *g, int gate, int state)
{
    if (gate < 0 || gate >= g->ngates || state < GATE_SHUT || state > GATE_BETRAYED)
        return false;
    if (g->gates[gate].state == state)
        return true;
    g->gates[gate].state = state;
    Event e = game_event(g, EV_GATE);
    e.a = gate;
    e.b = state;
    e.to = g->gates[gate].hex;
    game_emit(g, &e);
    return true;
}

void effect_end_game(Game *g, int winner, const char *level, const char *text)
{
    if (g->mode == MODE_OVER)
        return;
    g->mode = MODE_OVER;
    g->outcome.winner = winner;
    snprintf(g->outcome.level, sizeof g->outcome.level, "%s", level ? level : "");
    g->outcome.victory = -1;
    snprintf(g->outcome.text, sizeof g->outcome.text, "%s", text ? text : "");
    Event e = game_event(g, EV_GAME_OVER);
    e.side = winner;
    if (winner >= 0)
        snprintf(e.text, sizeof e.text, "%s %s victory%s%s", g->sides[winner].name, g->outcome.level,
                 text && text[0] ? " - " : "", text ? text : "");
    else
        snprintf(e.text, sizeof e.text, "draw%s%s", text && text[0] ? " - " : "", text ? text : "");
    game_emit(g, &e);
}

bool effect_civic_will(Game *g, int delta, const char *why_text)
{
    int before = g->siege.civic_will;
    g->siege.civic_will = clamp(before + delta, 0, g->siege.rules.civic_will_max);
    if (g->siege.civic_will != before) {
        Event e = game_event(g, EV_ORDER);
        e.side = g->town_side;
        snprintf(e.text, sizeof e.text, "will: the townspeople's will %+d (now %d)%s%s", g->siege.civic_will - before,
                 g->siege.civic_will, why_text && why_text[0] ? ": " : "", why_text ? why_text : "");
        game_emit(g, &e);
    }
    return true;
}

bool effect_crack_wall(Game *g, int gate, int amount, const char *why_text)
{
    if (gate < 0 || gate >= g->ngates || gate >= 16)
        return false;
    int full = g->rules.defence_shift[TER_WALL];
    int *c = &g->siege.wall_cracks[gate];
    int before = *c;
    *c = clamp(*c + amount, 0, full > 0 ? full : 0);
    if (*c == before)
        return true;
    Event e = game_event(g, EV_ASSAULT_NEWS);
    e.side = -1;
    e.a = gate;
    e.b = *c;
    e.to = g->gates[gate].hex;
    snprintf(e.text, sizeof e.text, "walls: the walls by the %s %s (defence %d of %d)%s%s", g->gates[gate].name,
             *c > before ? "crack" : "are mended", full - *c, full, why_text && why_text[0] ? ": " : "",
             why_text ? why_text : "");
    game_emit(g, &e);
    return true;
}

bool effect_relief_hope(Game *g, int side, int delta, const char *why_text)
{
    if (side < 0 || side >= g->nsides)
        return false;
    SiegeSide *ss = &g->siege.side[side];
    ss->relief_hope = clamp(ss->relief_hope + delta, 0, 20);
    if (why_text && why_text[0])
        effect_message(g, side, why_text);
    return true;
}

bool effect_food(Game *g, int side, int delta, const char *why_text)
{
    if (side < 0 || side >= g->nsides)
        return false;
    SiegeSide *ss = &g->siege.side[side];
    int before = ss->food;
    ss->food = clamp(ss->food + delta, 0, 1000000);
    Event e = game_event(g, EV_SUPPLY);
    e.side = side;
    snprintf(e.text, sizeof e.text, "supplies: %s %+d ration-days (now %d)%s%s", g->sides[side].name, ss->food - before,
             ss->food, why_text && why_text[0] ? ": " : "", why_text ? why_text : "");
    game_emit(g, &e);
    return true;
}

bool effect_release(Game *g, int k, const char *how, char *why, size_t n)
{
    if (k < 0 || k >= g->siege.ncontingents) {
        snprintf(why, n, "no such contingent");
        return false;
    }
    if (g->siege.contingents[k].departed) {
        snprintf(why, n, "the %s have already gone", g->siege.contingents[k].name);
        return false;
    }
    siege_contingent_leaves(g, k, how && how[0] ? how : "leave the siege for");
    return true;
}

bool effect_send_column(Game *g, int c, int dest, int pace, char *why, size_t n)
{
    Siege *s = &g->siege;
    if (c < 0 || c >= s->ncolumns || dest < -1 || dest >= s->nplaces || pace < 0 || pace >= PACE_COUNT) {
        snprintf(why, n, "no such column, place or pace");
        return false;
    }
    Column *col = &s->columns[c];
    if (col->state == COL_DONE || col->state == COL_BESIEGING) {
        snprintf(why, n, "column %s is not free to march", col->name);
        return false;
    }
    siege_column_order(col, dest, pace);
    col->held = dest < 0;
    if (dest < 0) {
        col->state = COL_WAITING;
        col->depart_turn = 0;
        col->after_courier = -1;
        siege_say(g, EV_THEATRE, col->side, "column %s halts at %s", col->name, s->places[col->at].name);
        return true;
    }
    siege_say(g, EV_THEATRE, col->side, "column %s marches for %s at a %s pace", col->name, s->places[dest].name,
              pace_name((Pace)pace));
    return true;
}

bool effect_courier_depart(Game *g, int k, char *why, size_t n)
{
    Siege *s = &g->siege;
    if (k < 0 || k >= s->ncouriers) {
        snprintf(why, n, "no such courier");
        return false;
    }
    Courier *c = &s->couriers[k];
    if (c->arrive_turn) {
        snprintf(why, n, "courier %s has already set out", c->name);
        return false;
    }
    /* It sets out at the next upkeep, which times its ride. */
    c->depart_turn = g->turn;
    return true;
}
