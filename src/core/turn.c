/* turn.c - the two clocks: 4-day siege turns and battle impulses.
 *
 * A siege turn gives each side a phase (first_side, then the other). A side
 * that attacks in its phase starts a battle on the same map: impulses
 * alternate, starting with the attacker, until two impulses in a row pass
 * without combat or the day's impulses run out; then the attacker's phase
 * resumes with its units spent. When both phases are done the siege
 * upkeep runs (rally, arrivals, victory) and the next turn begins. */
#include <stdio.h>
#include <string.h>
#include "effect.h"
#include "internal.h"
#include "path.h"

static void reset_side(Game *g, int side, bool battle)
{
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->side != side || u->status != UNIT_ON_MAP)
            continue;
        int ma2 = g->rules.types[u->type].ma * 2;
        u->mp = battle ? ma2 : ma2 * g->rules.siege_mp_mult;
        u->attacked = false;
        u->broke_contact = false;
    }
}

static void begin_phase(Game *g)
{
    reset_side(g, g->active, false);
    g->battles_this_phase = 0;
    siege_new_impulse(g);
    Event e = game_event(g, EV_PHASE);
    e.side = g->active;
    game_emit(g, &e);
}

static void arrivals(Game *g)
{
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->status == UNIT_OFF_MAP && u->arrive_turn > 0 && u->arrive_turn == g->turn) {
            char why[128];
            if (!effect_unit_arrives(g, i, u->arrive_hex, why, sizeof why)) {
                u->arrive_turn++; /* try again next turn */
                effect_message(g, u->side, why);
            }
        }
    }
}

static void begin_turn(Game *g)
{
    Event e = game_event(g, EV_TURN_START);
    e.a = g->turn;
    game_emit(g, &e);
    siege_turn_weather(g);
    siege_turn_news(g);
    arrivals(g);
    g->phase = 0;
    g->active = g->first_side;
    begin_phase(g);
}

void turn_begin_game(Game *g)
{
    g->turn = 1;
    g->mode = MODE_SIEGE;
    g->impulse = 0;
    for (int i = 0; i < g->nunits; i++)
        g->units[i].mp = 0;
    for (int i = 0; i < g->siege.nplaces; i++)
        g->siege.places[i].start_owner = g->siege.places[i].owner;
    siege_begin_game(g);
    begin_turn(g);
}

static bool enemy_adjacent(const Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    for (int d = 0; d < HEX_DIRS; d++)
        if (game_enemy_at(g, hex_neighbor(u->hex, d), u->side))
            return true;
    return false;
}

/* Best command rating of a leader with the unit or next to it. */
static int rally_rating(const Game *g, int ui)
{
    int best = -1;
    for (int i = 0; i < g->nleaders; i++) {
        const Leader *l = &g->leaders[i];
        if (!l->alive || l->unit < 0 || l->side != g->units[ui].side)
            continue;
        if (hex_distance(g->units[l->unit].hex, g->units[ui].hex) <= 1 && l->command > best)
            best = l->command;
    }
    return best;
}

/* End of a siege turn: units out of contact recover; shaken and routed
 * ones need a leader's rally roll (d10 <= rating + bonus). */
static void upkeep(Game *g)
{
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->status != UNIT_ON_MAP || u->cohesion >= g->rules.cohesion_max || enemy_adjacent(g, i))
            continue;
        int gain = 0;
        const SiegeSide *ss = &g->siege.side[u->side];
        bool hungry = ss->shortfall_turns > 0 ||
                      (ss->rations == RATION_HALF && ss->half_turns > g->siege.rules.half_grace_turns);
        if (u->cohesion <= g->rules.shaken_at) {
            int rating = rally_rating(g, i);
            if (rating >= 0 && rng_roll(&g->rng, 10) <= rating + g->rules.rally_bonus)
                gain = 2;
            else if (u->cohesion > 0 && !hungry)
                gain = 1;
        } else if (!hungry) {
            gain = 1; /* rest, unless hunger gnaws */
        }
        if (gain) {
            u->cohesion += gain;
            if (u->cohesion > g->rules.cohesion_max)
                u->cohesion = g->rules.cohesion_max;
            Event e = game_event(g, EV_RALLY);
            e.unit = i;
            e.side = u->side;
            e.a = u->cohesion;
            game_emit(g, &e);
        }
    }
}

void turn_end_phase(Game *g)
{
    traits_phase_ends(g);
    if (g->phase == 0) {
        g->phase = 1;
        g->active = 1 - g->first_side;
        begin_phase(g);
        return;
    }
    siege_upkeep(g);
    upkeep(g);
    turn_check_victory(g, g->turn >= g->max_turns);
    if (g->mode == MODE_OVER)
        return;
    g->turn++;
    g->charges_cancelled = false;
    begin_turn(g);
}

void turn_begin_battle(Game *g, BattleKind kind, const char *what)
{
    g->mode = MODE_BATTLE;
    g->impulse = 1;
    g->battle_initiator = g->active;
    g->battles_this_phase++;
    g->battle_quiet = 0;
    g->impulse_fought = false;
    Event e = game_event(g, EV_BATTLE_START);
    e.side = g->active;
    e.a = kind;
    siege_battle_begins(g, kind);
    snprintf(e.text, sizeof e.text, "%s", what ? what : "");
    game_emit(g, &e);
    reset_side(g, g->active, true);
    reset_side(g, 1 - g->active, true);
    Event i = game_event(g, EV_IMPULSE);
    i.a = g->impulse;
    i.side = g->active;
    game_emit(g, &i);
}

static void end_battle(Game *g)
{
    Event e = game_event(g, EV_BATTLE_END);
    e.a = g->impulse;
    g->mode = MODE_SIEGE;
    g->impulse = 0;
    e.side = g->battle_initiator;
    game_emit(g, &e);
    siege_battle_ends(g);
    g->active = g->battle_initiator;
    /* The day of battle spends the attacker's phase; the defender keeps its
     * own phase (if it has not had it yet) with fresh orders. */
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->status == UNIT_ON_MAP) {
            u->mp = 0;
            u->attacked = false;
            u->broke_contact = false;
        }
    }
}

void turn_end_impulse(Game *g)
{
    g->battle_quiet = g->impulse_fought ? 0 : g->battle_quiet + 1;
    g->impulse_fought = false;
    traits_impulse_ends(g, g->active);
    bool back_to_initiator = g->active != g->battle_initiator;
    if (g->battle_quiet >= 2 || (back_to_initiator && g->impulse >= g->rules.battle_max_impulses)) {
        end_battle(g);
        return;
    }
    g->active = 1 - g->active;
    if (back_to_initiator)
        g->impulse++;
    reset_side(g, g->active, true);
    siege_new_impulse(g);
    Event e = game_event(g, EV_IMPULSE);
    e.a = g->impulse;
    e.side = g->active;
    game_emit(g, &e);
}

void turn_update_control(Game *g, Hex h)
{
    int p = map_place_at(&g->map, h);
    if (p < 0)
        return;
    int here[8];
    int n = game_units_at(g, h, here, 8);
    if (n == 0)
        return;
    int side = g->units[here[0]].side;
    if (g->map.places[p].owner != side)
        effect_set_owner(g, p, side);
}

static bool test_holds(const Game *g, int side, const VictoryTest *v)
{
    int enemy = 1 - side;
    switch (v->kind) {
    case VIC_HOLD_PLACE:
    case VIC_TAKE_PLACE:
        return v->place >= 0 && v->place < g->map.nplaces && g->map.places[v->place].owner == side;
    case VIC_DESTROY_SP:
        return g->sides[enemy].sp_lost >= v->amount;
    case VIC_ENEMY_MORALE:
        return g->sides[enemy].morale <= v->amount;
    case VIC_SURRENDER:
        return g->siege.surrendered && side != g->town_side;
    case VIC_DISPERSED: {
        int gone = 0;
        for (int k = 0; k < g->siege.ncontingents; k++)
            gone += g->siege.contingents[k].departed && g->siege.contingents[k].side == enemy;
        return gone >= v->amount;
    }
    case VIC_THEATRE_PLACES: {
        int won = 0;
        for (int p = 0; p < g->siege.nplaces; p++)
            won += g->siege.places[p].owner == side && g->siege.places[p].start_owner != side;
        return won >= v->amount;
    }
    default:
        return false;
    }
}

static bool victory_holds(const Game *g, const Victory *v)
{
    VictoryTest main = {v->kind, v->place, v->amount};
    if (!test_holds(g, v->side, &main))
        return false;
    for (int i = 0; i < v->nalso && i < VICTORY_ALSO; i++)
        if (!test_holds(g, v->side, &v->also[i]))
            return false;
    return true;
}

bool game_victory_holds(const Game *g, int i)
{
    return i >= 0 && i < g->nvictory && victory_holds(g, &g->victory[i]);
}

/* Conditions with a hold_place test are judged at the last turn only. */
static bool judged_at_end(const Victory *v)
{
    if (v->kind == VIC_HOLD_PLACE)
        return true;
    for (int i = 0; i < v->nalso && i < VICTORY_ALSO; i++)
        if (v->also[i].kind == VIC_HOLD_PLACE)
            return true;
    return false;
}

void turn_check_victory(Game *g, bool final_turn)
{
    if (g->mode == MODE_OVER)
        return;
    /* Conditions are tried in the order the scenario lists them, so it
     * lists the greater victories first. */
    for (int i = 0; i < g->nvictory; i++) {
        const Victory *v = &g->victory[i];
        bool at_end = judged_at_end(v);
        if (at_end && !final_turn)
            continue;
        if (victory_holds(g, v)) {
            effect_end_game(g, v->side, v->level, v->text);
            g->outcome.victory = i;
            return;
        }
    }
    if (g->siege.surrendered && g->town_side >= 0) {
        effect_end_game(g, 1 - g->town_side, "major", "the town surrendered");
        return;
    }
    if (final_turn)
        effect_end_game(g, -1, "draw", "no side met its aims by the last turn");
}
