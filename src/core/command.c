/* command.c - validation, application and text form of commands. */
#include "command.h"
#include <stdio.h>
#include <string.h>
#include "combat.h"
#include "internal.h"
#include "path.h"

static const char *const NAMES[CMD_COUNT] = {"move", "attack", "end-impulse", "end-turn"};

const char *cmd_type_name(CmdType t) { return (t >= 0 && t < CMD_COUNT) ? NAMES[t] : "?"; }

Command cmd_move(int side, int unit, Hex to)
{
    Command c = {CMD_MOVE, side, {unit, -1, -1, -1}, 1, to};
    return c;
}

Command cmd_attack(int side, int unit, Hex target)
{
    Command c = {CMD_ATTACK, side, {unit, -1, -1, -1}, 1, target};
    return c;
}

Command cmd_end_impulse(int side)
{
    Command c = {CMD_END_IMPULSE, side, {-1, -1, -1, -1}, 0, {0, 0}};
    return c;
}

Command cmd_end_turn(int side)
{
    Command c = {CMD_END_TURN, side, {-1, -1, -1, -1}, 0, {0, 0}};
    return c;
}

#define REFUSE(...)                       \
    do {                                  \
        snprintf(why, n, __VA_ARGS__);    \
        return false;                     \
    } while (0)

static bool check_unit(const Game *g, const Command *c, int ui, char *why, size_t n)
{
    if (ui < 0 || ui >= g->nunits)
        REFUSE("there is no unit number %d", ui);
    const Unit *u = &g->units[ui];
    if (u->side != c->side)
        REFUSE("%s belongs to %s", u->name, g->sides[u->side].name);
    if (u->status == UNIT_OFF_MAP)
        REFUSE("%s has not arrived yet", u->name);
    if (u->status != UNIT_ON_MAP)
        REFUSE("%s has been destroyed", u->name);
    return true;
}

static bool validate_move(const Game *g, const Command *c, char *why, size_t n)
{
    if (c->nunits != 1)
        REFUSE("a move takes exactly one unit");
    int ui = c->units[0];
    if (!check_unit(g, c, ui, why, n))
        return false;
    const Unit *u = &g->units[ui];
    char hb[16];
    hex_format(c->to, hb, sizeof hb);
    if (!map_contains(&g->map, c->to))
        REFUSE("%s is off the map", hb);
    if (hex_eq(c->to, u->hex))
        REFUSE("%s is already at %s", u->name, hb);
    if (u->attacked)
        REFUSE("%s has attacked and cannot move again this impulse", u->name);
    if (u->mp <= 0)
        REFUSE("%s has no movement left this %s", u->name, g->mode == MODE_BATTLE ? "impulse" : "turn");
    Path p;
    if (!path_find(g, ui, c->to, true, &p)) {
        Path far;
        if (path_find(g, ui, c->to, false, &far))
            REFUSE("%s cannot reach %s this %s (needs %d.%d MP, has %d.%d)", u->name, hb,
                   g->mode == MODE_BATTLE ? "impulse" : "turn", far.cost / 2, far.cost % 2 * 5, u->mp / 2,
                   u->mp % 2 * 5);
        REFUSE("%s has no way to %s", u->name, hb);
    }
    return true;
}

static bool validate_attack(const Game *g, const Command *c, char *why, size_t n)
{
    if (c->nunits < 1 || c->nunits > CMD_MAX_UNITS)
        REFUSE("an attack takes 1 to %d units", CMD_MAX_UNITS);
    for (int i = 0; i < c->nunits; i++) {
        if (!check_unit(g, c, c->units[i], why, n))
            return false;
        for (int j = 0; j < i; j++)
            if (c->units[j] == c->units[i])
                REFUSE("%s is named twice", g->units[c->units[i]].name);
        const Unit *u = &g->units[c->units[i]];
        if (u->attacked)
            REFUSE("%s has already attacked this impulse", u->name);
        if (u->cohesion <= 0)
            REFUSE("%s is routed and will not attack", u->name);
    }
    if (g->mode == MODE_SIEGE && g->battles_this_phase > 0)
        REFUSE("%s has already fought a battle this turn", g->sides[c->side].name);
    char hb[16];
    hex_format(c->to, hb, sizeof hb);
    if (!map_contains(&g->map, c->to))
        REFUSE("%s is off the map", hb);
    bool seen = false;
    for (int i = 0; i < g->nunits; i++)
        if (g->units[i].status == UNIT_ON_MAP && g->units[i].side != c->side && hex_eq(g->units[i].hex, c->to) &&
            game_unit_visible(g, i, c->side))
            seen = true;
    if (!seen)
        REFUSE("there is no enemy to be seen at %s", hb);
    CombatOdds o;
    return combat_odds(g, c->units, c->nunits, c->to, &o, why, n);
}

bool cmd_validate(const Game *g, const Command *c, char *why, size_t n)
{
    if (g->mode == MODE_OVER)
        REFUSE("the game is over");
    if (c->side < 0 || c->side >= g->nsides)
        REFUSE("no such side");
    if (c->side != g->active)
        REFUSE("it is %s's turn to act, not %s's", g->sides[g->active].name, g->sides[c->side].name);
    switch (c->type) {
    case CMD_MOVE:
        return validate_move(g, c, why, n);
    case CMD_ATTACK:
        return validate_attack(g, c, why, n);
    case CMD_END_IMPULSE:
        if (g->mode != MODE_BATTLE)
            REFUSE("there is no battle going on; use end-turn");
        return true;
    case CMD_END_TURN:
        if (g->mode != MODE_SIEGE)
            REFUSE("a battle is being fought; use end-impulse");
        return true;
    default:
        REFUSE("unknown command");
    }
}

static void apply_move(Game *g, const Command *c)
{
    int ui = c->units[0];
    Unit *u = &g->units[ui];
    Path p;
    if (!path_find(g, ui, c->to, true, &p))
        return;
    if (path_in_enemy_zoc(g, u->side, u->hex)) {
        const UnitTypeRules *t = &g->rules.types[u->type];
        if (t->breaks_contact && !u->broke_contact) {
            u->broke_contact = true;
        } else if (rng_roll(&g->rng, 10) > u->cohesion) {
            /* Leaving contact under pressure shakes a unit. */
            unit_lose(g, ui, 0, 1);
        }
    }
    Event e = game_event(g, EV_MOVE);
    e.unit = ui;
    e.side = u->side;
    e.from = u->hex;
    e.to = c->to;
    e.a = p.cost;
    u->mp -= p.cost;
    u->hex = c->to;
    if (path_in_enemy_zoc(g, u->side, u->hex))
        u->mp = 0;
    game_emit(g, &e);
    for (int i = 0; i < p.len; i++)
        turn_update_control(g, p.hexes[i]);
}

bool cmd_apply(Game *g, const Command *c, char *why, size_t n)
{
    if (!cmd_validate(g, c, why, n))
        return false;
    switch (c->type) {
    case CMD_MOVE:
        apply_move(g, c);
        break;
    case CMD_ATTACK:
        if (g->mode == MODE_SIEGE) {
            char what[96];
            const Unit *u = &g->units[c->units[0]];
            Terrain tt = map_terrain(&g->map, c->to);
            bool sally = u->side == g->town_side && terrain_is_town(map_terrain(&g->map, u->hex)) &&
                         !terrain_is_town(tt);
            snprintf(what, sizeof what, "%s", sally ? "a sally from the town"
                                               : terrain_is_town(tt) ? "an assault on the walls"
                                                                     : "a field battle");
            turn_begin_battle(g, what);
        }
        combat_resolve(g, c->units, c->nunits, c->to);
        turn_check_victory(g, false);
        break;
    case CMD_END_IMPULSE:
        turn_end_impulse(g);
        break;
    case CMD_END_TURN:
        turn_end_phase(g);
        break;
    default:
        break;
    }
    return true;
}

void cmd_format(const Game *g, const Command *c, char *buf, size_t n)
{
    char hb[16];
    hex_format(c->to, hb, sizeof hb);
    switch (c->type) {
    case CMD_MOVE:
        snprintf(buf, n, "move %s %s", (c->units[0] >= 0 && c->units[0] < g->nunits) ? g->units[c->units[0]].id : "?",
                 hb);
        break;
    case CMD_ATTACK: {
        size_t len = (size_t)snprintf(buf, n, "attack ");
        for (int i = 0; i < c->nunits && len < n; i++)
            len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? "+" : "",
                                    (c->units[i] >= 0 && c->units[i] < g->nunits) ? g->units[c->units[i]].id : "?");
        if (len < n)
            snprintf(buf + len, n - len, " %s", hb);
        break;
    }
    default:
        snprintf(buf, n, "%s", cmd_type_name((CmdType)c->type));
        break;
    }
}

bool cmd_parse(const Game *g, const char *line, Command *c, char *why, size_t n)
{
    char verb[24] = "", who[200] = "", where[32] = "", extra[8] = "";
    memset(c, 0, sizeof *c);
    c->side = g->active;
    for (int i = 0; i < CMD_MAX_UNITS; i++)
        c->units[i] = -1;
    int k = sscanf(line, "%23s %199s %31s %7s", verb, who, where, extra);
    if (k < 1)
        REFUSE("empty command");
    if (k == 4)
        REFUSE("too many words in \"%s\"", line);
    if (strcmp(verb, "end-turn") == 0 || strcmp(verb, "end-impulse") == 0) {
        if (k != 1)
            REFUSE("%s takes no arguments", verb);
        c->type = verb[4] == 't' ? CMD_END_TURN : CMD_END_IMPULSE;
        return true;
    }
    bool move = strcmp(verb, "move") == 0, attack = strcmp(verb, "attack") == 0;
    if (!move && !attack)
        REFUSE("unknown command \"%s\" (expected move, attack, end-impulse or end-turn)", verb);
    if (k != 3)
        REFUSE("%s needs a unit and a hex, e.g. \"%s guard 22,9\"", verb, verb);
    c->type = move ? CMD_MOVE : CMD_ATTACK;
    if (!hex_parse(where, &c->to))
        REFUSE("\"%s\" is not a hex; expected col,row", where);
    char *save = NULL;
    for (char *tok = strtok_r(who, "+", &save); tok; tok = strtok_r(NULL, "+", &save)) {
        if (c->nunits >= (move ? 1 : CMD_MAX_UNITS))
            REFUSE("too many units for %s", verb);
        int ui = game_unit_by_id(g, tok);
        if (ui < 0)
            REFUSE("no unit has the id \"%s\"", tok);
        c->units[c->nunits++] = ui;
    }
    if (c->nunits == 0)
        REFUSE("%s needs a unit", verb);
    return true;
}
