/* check.c - game_check_invariants(): what holds in every reachable state. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

static bool fail(char *why, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(char *why, size_t n, const char *fmt, ...)
{
    if (why && n) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, n, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool in(int v, int lo, int hi)
{
    return v >= lo && v <= hi;
}

/* Counts and the turn structure. */
static bool check_frame(const Game *g, char *why, size_t n)
{
    if (!in(g->nsides, 1, MAX_SIDES))
        return fail(why, n, "nsides %d outside 1..%d", g->nsides, MAX_SIDES);
    if (!in(g->nunits, 0, MAX_UNITS) || !in(g->nleaders, 0, MAX_LEADERS) || !in(g->ngates, 0, MAX_GATES) ||
        !in(g->nvictory, 0, MAX_VICTORY))
        return fail(why, n, "a count outside its array: units %d, leaders %d, gates %d, victory %d", g->nunits,
                    g->nleaders, g->ngates, g->nvictory);
    if (!in(g->map.width, 1, MAP_MAX_W) || !in(g->map.height, 1, MAP_MAX_H) || !g->map.terrain ||
        !in(g->map.nplaces, 0, MAP_MAX_PLACES))
        return fail(why, n, "map %dx%d with %d places", g->map.width, g->map.height, g->map.nplaces);
    if (!in(g->mode, MODE_SIEGE, MODE_OVER))
        return fail(why, n, "mode %d", (int)g->mode);
    if (!in(g->active, 0, g->nsides - 1) || !in(g->first_side, 0, g->nsides - 1) || !in(g->phase, 0, 1))
        return fail(why, n, "active side %d, first side %d, phase %d", g->active, g->first_side, g->phase);
    if (g->turn < 1 || g->max_turns < 1 || g->turn > g->max_turns + 1)
        return fail(why, n, "turn %d of %d", g->turn, g->max_turns);
    if (g->mode == MODE_BATTLE ? g->impulse < 1 : g->impulse < 0)
        return fail(why, n, "impulse %d in %s", g->impulse, g->mode == MODE_BATTLE ? "a battle" : "no battle");
    if (g->mode == MODE_BATTLE && !in(g->battle_initiator, 0, g->nsides - 1))
        return fail(why, n, "battle started by side %d", g->battle_initiator);
    if (g->town_side != -1 && !in(g->town_side, 0, g->nsides - 1))
        return fail(why, n, "town held by side %d", g->town_side);
    if (g->town_place != -1 && !in(g->town_place, 0, g->map.nplaces - 1))
        return fail(why, n, "town place %d", g->town_place);
    if (g->mode == MODE_OVER && !in(g->outcome.winner, -1, g->nsides - 1))
        return fail(why, n, "winner %d", g->outcome.winner);
    if (g->events.n > 0 && !g->events.items)
        return fail(why, n, "%zu events and no log", g->events.n);
    for (int s = 0; s < g->nsides; s++) {
        const Side *sd = &g->sides[s];
        if (!in(sd->morale, 0, g->rules.morale_max))
            return fail(why, n, "side %d (%s): morale %d outside 0..%d", s, sd->id, sd->morale, g->rules.morale_max);
        if (sd->sp_lost < 0 || sd->units_lost < 0 || sd->units_lost > g->nunits)
            return fail(why, n, "side %d (%s): %d SP and %d units lost", s, sd->id, sd->sp_lost, sd->units_lost);
    }
    return true;
}

/* Units on the map, and the stacking rule: at most stack_limit counters a
 * hex, all of one side. */
static bool check_units(const Game *g, char *why, size_t n)
{
    enum { none = -1 };
    int16_t first[MAP_MAX_W * MAP_MAX_H];   /* the first unit met on each hex */
    int16_t count[MAP_MAX_W * MAP_MAX_H];
    int cells = g->map.width * g->map.height;
    for (int i = 0; i < cells; i++) {
        first[i] = none;
        count[i] = 0;
    }
    for (int u = 0; u < g->nunits; u++) {
        const Unit *un = &g->units[u];
        if (!in(un->side, 0, g->nsides - 1) || !in(un->type, 0, g->rules.ntypes - 1) ||
            !in(un->quality, 0, QUAL_COUNT - 1) || !in(un->status, UNIT_ON_MAP, UNIT_DEPARTED))
            return fail(why, n, "unit %d (%s): side %d, type %d, quality %d, status %d", u, un->id, un->side, un->type,
                        un->quality, un->status);
        if (!in(un->cohesion, 0, g->rules.cohesion_max))
            return fail(why, n, "unit %d (%s): cohesion %d outside 0..%d", u, un->id, un->cohesion,
                        g->rules.cohesion_max);
        if (un->sp < 0 || un->mp < 0)
            return fail(why, n, "unit %d (%s): %d SP, %d half-MP", u, un->id, un->sp, un->mp);
        if (un->column != -1 && !in(un->column, 0, g->siege.ncolumns - 1))
            return fail(why, n, "unit %d (%s): column %d", u, un->id, un->column);
        if (un->contingent != -1 && !in(un->contingent, 0, g->siege.ncontingents - 1))
            return fail(why, n, "unit %d (%s): contingent %d", u, un->id, un->contingent);
        if (un->status != UNIT_ON_MAP)
            continue;
        if (un->sp < 1)
            return fail(why, n, "unit %d (%s) on the map with %d SP", u, un->id, un->sp);
        if (!map_contains(&g->map, un->hex)) {
            HexOffset o = hex_to_offset(un->hex);
            return fail(why, n, "unit %d (%s) on the map at %d,%d, off the map", u, un->id, o.col, o.row);
        }
        HexOffset o = hex_to_offset(un->hex);
        int i = o.row * g->map.width + o.col;
        if (first[i] == none)
            first[i] = (int16_t)u;
        else if (g->units[first[i]].side != un->side)
            return fail(why, n, "units %d (%s) and %d (%s) of two sides on %d,%d", first[i], g->units[first[i]].id, u,
                        un->id, o.col, o.row);
        if (++count[i] > g->rules.stack_limit)
            return fail(why, n, "%d units on %d,%d, the stack limit is %d", count[i], o.col, o.row,
                        g->rules.stack_limit);
    }
    return true;
}

static bool check_pieces(const Game *g, char *why, size_t n)
{
    for (int l = 0; l < g->nleaders; l++) {
        const Leader *ld = &g->leaders[l];
        if (!in(ld->side, 0, g->nsides - 1) || (ld->unit != -1 && !in(ld->unit, 0, g->nunits - 1)))
            return fail(why, n, "leader %d (%s): side %d, unit %d", l, ld->id, ld->side, ld->unit);
        if (ld->alive && ld->unit >= 0 && g->units[ld->unit].side != ld->side)
            return fail(why, n, "leader %d (%s) of side %d rides with unit %d (%s) of side %d", l, ld->id, ld->side,
                        ld->unit, g->units[ld->unit].id, g->units[ld->unit].side);
    }
    for (int i = 0; i < g->ngates; i++)
        if (!in(g->gates[i].state, GATE_SHUT, GATE_BETRAYED) || !map_contains(&g->map, g->gates[i].hex))
            return fail(why, n, "gate %d (%s): state %d", i, g->gates[i].id, g->gates[i].state);
    for (int i = 0; i < g->map.nplaces; i++)
        if (g->map.places[i].owner != -1 && !in(g->map.places[i].owner, 0, g->nsides - 1))
            return fail(why, n, "place %d (%s): owner %d", i, g->map.places[i].id, g->map.places[i].owner);
    return true;
}

static bool check_siege(const Game *g, char *why, size_t n)
{
    const Siege *s = &g->siege;
    if (!in(s->nplaces, 0, THEATRE_MAX_PLACES) || !in(s->nroutes, 0, THEATRE_MAX_ROUTES) ||
        !in(s->ncolumns, 0, MAX_COLUMNS) || !in(s->ncouriers, 0, MAX_COURIERS) ||
        !in(s->ncontingents, 0, MAX_CONTINGENTS) || !in(s->nnews, 0, MAX_NEWS))
        return fail(why, n, "a siege count outside its array");
    if (!in(s->weather, 0, WX_COUNT - 1) || !in(s->civic_will, 0, s->rules.civic_will_max) ||
        !in(s->terms, TERMS_NONE, TERMS_HARSH))
        return fail(why, n, "weather %d, civic will %d of %d, terms %d", s->weather, s->civic_will,
                    s->rules.civic_will_max, s->terms);
    for (int i = 0; i < 2; i++) {
        const SiegeSide *ss = &s->side[i];
        if (ss->food < 0 || !in(ss->rations, 0, RATION_COUNT - 1) || ss->half_turns < 0 || ss->shortfall_turns < 0)
            return fail(why, n, "side %d: food %d, rations %d", i, ss->food, ss->rations);
    }
    for (int i = 0; i < s->nplaces; i++)
        if (s->places[i].owner != -1 && !in(s->places[i].owner, 0, g->nsides - 1))
            return fail(why, n, "theatre place %d (%s): owner %d", i, s->places[i].id, s->places[i].owner);
    for (int i = 0; i < s->ncolumns; i++) {
        const Column *c = &s->columns[i];
        if (!in(c->side, 0, g->nsides - 1) || !in(c->state, COL_WAITING, COL_DONE) || !in(c->at, 0, s->nplaces - 1) ||
            (c->next != -1 && !in(c->next, 0, s->nplaces - 1)) || (c->dest != -1 && !in(c->dest, 0, s->nplaces - 1)) ||
            (c->leader != -1 && !in(c->leader, 0, g->nleaders - 1)) || c->sp < 0 || c->km_left < 0)
            return fail(why, n, "column %d (%s): side %d, state %d, at %d, next %d, dest %d, %d SP, %d km left", i,
                        c->id, c->side, c->state, c->at, c->next, c->dest, c->sp, c->km_left);
    }
    for (int i = 0; i < s->ncontingents; i++) {
        const Contingent *c = &s->contingents[i];
        if (!in(c->side, 0, g->nsides - 1) || !in(c->home, -1, s->nplaces - 1))
            return fail(why, n, "contingent %d (%s): side %d, home %d", i, c->id, c->side, c->home);
    }
    return true;
}

bool game_check_invariants(const Game *g, char *why, size_t n)
{
    if (why && n)
        why[0] = '\0';
    if (!g)
        return fail(why, n, "no game");
    return check_frame(g, why, n) && check_units(g, why, n) && check_pieces(g, why, n) && check_siege(g, why, n);
}
