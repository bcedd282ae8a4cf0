/* command.c - validation, application and text form of commands. */
#include "command.h"
#include <stdio.h>
#include <string.h>
#include "combat.h"
#include "effect.h"
#include "internal.h"
#include "path.h"

static const char *const NAMES[CMD_COUNT] = {"move", "attack", "end-impulse", "end-turn", "open-gate", "shut-gate",
                                             "alert", "rations", "send-column", "offer-terms", "release",
                                             "answer-terms"};

const char *cmd_type_name(CmdType t) { return (t >= 0 && t < CMD_COUNT) ? NAMES[t] : "?"; }

Command cmd_move(int side, int unit, Hex to)
{
    Command c = {.type = CMD_MOVE, .side = side, .units = {unit, -1, -1, -1}, .nunits = 1, .to = to};
    return c;
}

Command cmd_attack(int side, int unit, Hex target)
{
    Command c = {.type = CMD_ATTACK, .side = side, .units = {unit, -1, -1, -1}, .nunits = 1, .to = target};
    return c;
}

Command cmd_end_impulse(int side)
{
    Command c = {.type = CMD_END_IMPULSE, .side = side, .units = {-1, -1, -1, -1}};
    return c;
}

Command cmd_end_turn(int side)
{
    Command c = {.type = CMD_END_TURN, .side = side, .units = {-1, -1, -1, -1}};
    return c;
}

Command cmd_end_part(const Game *g, int side)
{
    return g->mode == MODE_BATTLE ? cmd_end_impulse(side) : cmd_end_turn(side);
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

/* The gate whose passage a step from a to b uses (town <-> outside), or -1. */
static int gate_crossed(const Game *g, Hex a, Hex b)
{
    Terrain ta = map_terrain(&g->map, a), tb = map_terrain(&g->map, b);
    if (terrain_is_town(ta) == terrain_is_town(tb))
        return -1;
    return game_gate_at(g, terrain_is_town(ta) ? a : b);
}

/* Escalade: a besieger next to a wall section that no defender stands on
 * or next to may climb it with ladders, spending its whole allowance
 * (history.md 2.5: no siege train, only ladders). Returns true when c is
 * such a climb. */
static bool is_escalade(const Game *g, const Command *c)
{
    const Unit *u = &g->units[c->units[0]];
    return u->side != g->town_side && g->town_side >= 0 && map_terrain(&g->map, c->to) == TER_WALL &&
           !terrain_is_town(map_terrain(&g->map, u->hex)) && hex_distance(u->hex, c->to) == 1;
}

static int full_allowance(const Game *g, const Unit *u)
{
    int ma2 = g->rules.types[u->type].ma * 2;
    return g->mode == MODE_BATTLE ? ma2 : ma2 * g->rules.siege_mp_mult;
}

static bool validate_escalade(const Game *g, const Command *c, char *why, size_t n)
{
    const Unit *u = &g->units[c->units[0]];
    char hb[16];
    hex_format(c->to, hb, sizeof hb);
    for (int i = 0; i < g->nunits; i++) {
        const Unit *d = &g->units[i];
        if (d->status == UNIT_ON_MAP && d->side == g->town_side && hex_distance(d->hex, c->to) <= 1)
            REFUSE("the wall at %s is defended by %s: attack it instead", hb, d->name);
    }
    if (u->mp < full_allowance(g, u) || u->attacked)
        REFUSE("%s must start fresh to climb the wall at %s (the ladders take its whole %s)", u->name, hb,
               g->mode == MODE_BATTLE ? "impulse" : "turn");
    int here[8];
    if (game_units_at(g, c->to, here, 8) >= g->rules.stack_limit)
        REFUSE("there is no room on the wall at %s", hb);
    return true;
}

/* found, when given, receives the path a valid move takes (len -1 for a
 * climb over the wall, which takes none), for apply_move. */
static bool validate_move(const Game *g, const Command *c, char *why, size_t n, Path *found)
{
    Path local, *pp = found ? found : &local;
    pp->len = -1;
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
    if (is_escalade(g, c))
        return validate_escalade(g, c, why, n);
    Path *p = pp;
    if (!path_find(g, ui, c->to, true, p)) {
        p->len = -1;
        Path far;
        if (path_find(g, ui, c->to, false, &far))
            REFUSE("%s cannot reach %s this %s (needs %d.%d MP, has %d.%d)", u->name, hb,
                   g->mode == MODE_BATTLE ? "impulse" : "turn", far.cost / 2, far.cost % 2 * 5, u->mp / 2,
                   u->mp % 2 * 5);
        REFUSE("%s has no way to %s", u->name, hb);
    }
    Hex prev = u->hex;
    for (int i = 0; i < p->len; i++) {
        int gi = gate_crossed(g, prev, p->hexes[i]);
        if (gi >= 0 && siege_gate_room(g, gi) < u->sp)
            REFUSE("the %s cannot pass %s (%d SP) now: %d SP more can go through it this %s", g->gates[gi].name, u->name,
                   u->sp, siege_gate_room(g, gi) > 0 ? siege_gate_room(g, gi) : 0,
                   g->mode == MODE_BATTLE ? "impulse" : "turn");
        prev = p->hexes[i];
    }
    return true;
}

/* A storm of the walls or a sally started from a siege turn: a major
 * order, which a council must vote (traits.c). NULL for other attacks. */
static const char *major_attack(const Game *g, const Command *c)
{
    if (g->mode != MODE_SIEGE || c->nunits < 1 || c->units[0] < 0 || c->units[0] >= g->nunits)
        return NULL;
    const Unit *u = &g->units[c->units[0]];
    if (siege_is_sally(g, u->side, u->hex, c->to))
        return "a sally";
    if (g->town_side >= 0 && u->side != g->town_side && terrain_is_town(map_terrain(&g->map, c->to)))
        return "a storm of the walls";
    return NULL;
}

static bool council_refuses(const Game *g, int side, const char *what, char *why, size_t n)
{
    if (!siege_council_refused(g, side))
        return false;
    snprintf(why, n, "%s's council voted against a storm, a sally or terms this turn; %s must wait for next turn",
             g->leaders[siege_council_leader(g, side)].name, what);
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
    if (!g->siege.rules.sally_allowed && siege_is_sally(g, c->side, g->units[c->units[0]].hex, c->to))
        REFUSE("%s may not sally: the garrison stays behind its walls (sally_allowed = 0)", g->sides[c->side].name);
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
    const char *major = major_attack(g, c);
    if (major && council_refuses(g, c->side, major, why, n))
        return false;
    CombatOdds o;
    return combat_odds(g, c->units, c->nunits, c->to, &o, why, n);
}

static bool validate_siege(const Game *g, const Command *c, char *why, size_t n)
{
    const Siege *s = &g->siege;
    const char *me = g->sides[c->side].name;
    switch (c->type) {
    case CMD_OPEN_GATE:
    case CMD_SHUT_GATE: {
        if (c->arg < 0 || c->arg >= g->ngates)
            REFUSE("there is no such gate");
        const Gate *gt = &g->gates[c->arg];
        if (c->side != g->town_side)
            REFUSE("%s does not hold the town's gates", me);
        if (game_enemy_at(g, gt->hex, c->side))
            REFUSE("the enemy stands in the %s", gt->name);
        if (c->type == CMD_OPEN_GATE && gt->state != GATE_SHUT)
            REFUSE("the %s is not shut", gt->name);
        if (c->type == CMD_SHUT_GATE && gt->state != GATE_OPEN)
            REFUSE(gt->state == GATE_SHUT ? "the %s is already shut" : "the %s is broken and cannot be shut", gt->name);
        return true;
    }
    case CMD_ALERT:
        if (c->arg < 0 || c->arg >= g->ngates)
            REFUSE("there is no such gate");
        if (c->side == g->town_side || g->town_side < 0)
            REFUSE("only the besiegers put their camps on alert");
        if (g->mode != MODE_SIEGE)
            REFUSE("camps are set on alert between battles");
        return true;
    case CMD_RATIONS:
        if (g->mode != MODE_SIEGE)
            REFUSE("rations are set between battles");
        if (c->arg < 0 || c->arg >= RATION_COUNT)
            REFUSE("rations are full, half or expel");
        if (c->arg == RATION_EXPEL && c->side != g->town_side)
            REFUSE("only the town's holder can expel the townspeople");
        if (s->side[c->side].rations == RATION_EXPEL)
            REFUSE("the townspeople have already been expelled");
        if (s->side[c->side].rations == c->arg)
            REFUSE("rations are already %s", rations_name((Rations)c->arg));
        return true;
    case CMD_SEND_COLUMN: {
        if (g->mode != MODE_SIEGE)
            REFUSE("columns are sent between battles");
        if (c->arg < 0 || c->arg >= s->ncolumns)
            REFUSE("there is no such column");
        const Column *col = &s->columns[c->arg];
        if (col->side != c->side)
            REFUSE("column %s is not %s's", col->name, me);
        if (col->state == COL_DONE || col->state == COL_BESIEGING)
            REFUSE("column %s is %s", col->name, col->state == COL_DONE ? "no longer free to march" : "besieging");
        if (col->state == COL_WAITING && col->after_courier >= 0)
            REFUSE("column %s waits for its orders by courier", col->name);
        if (col->held)
            REFUSE("column %s has been stopped at %s and cannot march on", col->name, s->places[col->at].name);
        if (c->arg2 < 0 || c->arg2 >= s->nplaces)
            REFUSE("there is no such place");
        if (c->arg3 < 0 || c->arg3 >= PACE_COUNT)
            REFUSE("the pace is mixed, mounted or forced");
        int from = col->next >= 0 ? col->next : col->at;
        if (c->arg2 != from && siege_route_km(s, from, c->arg2) < 0)
            REFUSE("no road leads from %s to %s", s->places[from].name, s->places[c->arg2].name);
        if (c->arg2 == col->at && col->next < 0)
            REFUSE("column %s is already at %s", col->name, s->places[c->arg2].name);
        return true;
    }
    case CMD_OFFER_TERMS:
        if (g->mode != MODE_SIEGE)
            REFUSE("terms are offered between battles");
        if (g->town_side < 0 || c->side == g->town_side)
            REFUSE("only the besiegers offer terms");
        if (c->arg != TERMS_GENEROUS && c->arg != TERMS_HARSH)
            REFUSE("terms are generous or harsh");
        if (s->terms != TERMS_NONE)
            REFUSE("terms have already been offered this turn");
        if (council_refuses(g, c->side, "an offer of terms", why, n))
            return false;
        return true;
    case CMD_ANSWER_TERMS:
        if (g->town_side < 0 || c->side != g->town_side)
            REFUSE("only the town's holder answers terms");
        if (s->terms == TERMS_NONE)
            REFUSE("no terms have been offered this turn");
        if (c->arg != TERMS_ANSWER_ACCEPT && c->arg != TERMS_ANSWER_REFUSE)
            REFUSE("terms are accepted or refused");
        if (s->terms_answer != TERMS_ANSWER_COUNCIL)
            REFUSE("the terms have already been answered");
        return true;
    case CMD_RELEASE: {
        if (g->mode != MODE_SIEGE)
            REFUSE("contingents are released between battles");
        if (c->arg < 0 || c->arg >= s->ncontingents)
            REFUSE("there is no such contingent");
        const Contingent *ct = &s->contingents[c->arg];
        if (ct->side != c->side)
            REFUSE("the %s are not %s's to release", ct->name, me);
        if (ct->departed)
            REFUSE("the %s have already gone", ct->name);
        return true;
    }
    default:
        REFUSE("unknown command");
    }
}

static void apply_siege(Game *g, const Command *c)
{
    Siege *s = &g->siege;
    Event e = game_event(g, EV_ORDER);
    e.side = c->side;
    switch (c->type) {
    case CMD_OPEN_GATE:
        effect_set_gate(g, c->arg, GATE_OPEN);
        s->gate_opened_impulse[c->arg] = g->mode == MODE_BATTLE ? g->impulse : 0;
        return;
    case CMD_SHUT_GATE: {
        effect_set_gate(g, c->arg, GATE_SHUT);
        int outside = 0;
        for (int i = 0; i < g->nunits; i++) {
            const Unit *u = &g->units[i];
            if (u->status == UNIT_ON_MAP && u->side == c->side && !terrain_is_town(map_terrain(&g->map, u->hex)) &&
                siege_sector_of(g, u->hex) == c->arg)
                outside++;
        }
        if (outside)
            effect_message(g, c->side, "the gate is shut on our own men outside");
        return;
    }
    case CMD_ALERT:
        s->gate_alert[c->arg] = c->arg2 != 0;
        e.c = EVENT_SECRET;
        snprintf(e.text, sizeof e.text, "order: the camp before the %s %s", g->gates[c->arg].name,
                 c->arg2 ? "stands to arms" : "stands down");
        break;
    case CMD_RATIONS:
        s->side[c->side].rations = c->arg;
        s->side[c->side].half_turns = 0;
        if (c->arg == RATION_EXPEL)
            s->civic_will = s->civic_will > s->rules.expel_will ? s->civic_will - s->rules.expel_will : 0;
        snprintf(e.text, sizeof e.text, "order: %s %s", g->sides[c->side].name,
                 c->arg == RATION_EXPEL ? "expels the townspeople" : c->arg == RATION_HALF ? "goes on half rations"
                                                                                          : "returns to full rations");
        break;
    case CMD_SEND_COLUMN: {
        Column *col = &s->columns[c->arg];
        siege_column_order(col, c->arg2, c->arg3);
        e.c = EVENT_SECRET;
        snprintf(e.text, sizeof e.text, "order: column %s marches for %s at a %s pace%s", col->name,
                 s->places[c->arg2].name, pace_name((Pace)c->arg3), col->hidden ? " (its goal kept secret)" : "");
        break;
    }
    case CMD_OFFER_TERMS:
        if (!traits_council_vote(g, c->side, c->arg == TERMS_GENEROUS ? "generous terms" : "harsh terms"))
            return;
        s->terms = c->arg;
        s->terms_side = c->side;
        snprintf(e.text, sizeof e.text, "order: %s offers %s terms to the town", g->sides[c->side].name,
                 c->arg == TERMS_GENEROUS ? "generous" : "harsh");
        break;
    case CMD_ANSWER_TERMS:
        s->terms_answer = c->arg;
        e.c = EVENT_SECRET;   /* the besiegers learn it when the town answers */
        snprintf(e.text, sizeof e.text, "order: %s will %s the %s terms", g->sides[c->side].name,
                 c->arg == TERMS_ANSWER_ACCEPT ? "accept" : "refuse", s->terms == TERMS_HARSH ? "harsh" : "generous");
        break;
    case CMD_RELEASE: {
        siege_contingent_leaves(g, c->arg, "are released to defend");
        return;
    }
    default:
        return;
    }
    game_emit(g, &e);
}

/* cmd_validate; a move's path goes to found (see validate_move). */
static bool validate(const Game *g, const Command *c, char *why, size_t n, Path *found)
{
    if (g->mode == MODE_OVER)
        REFUSE("the game is over");
    if (c->side < 0 || c->side >= g->nsides)
        REFUSE("no such side");
    if (c->side != g->active)
        REFUSE("it is %s's turn to act, not %s's", g->sides[g->active].name, g->sides[c->side].name);
    switch (c->type) {
    case CMD_MOVE:
        return validate_move(g, c, why, n, found);
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
        return validate_siege(g, c, why, n);
    }
}

bool cmd_validate(const Game *g, const Command *c, char *why, size_t n) { return validate(g, c, why, n, NULL); }

/* found: the path validate_move found for c in this very state. */
static void apply_move(Game *g, const Command *c, const Path *found)
{
    int ui = c->units[0];
    Unit *u = &g->units[ui];
    if (is_escalade(g, c)) {
        Event e = game_event(g, EV_ASSAULT_NEWS);
        e.unit = ui;
        e.side = u->side;
        e.from = u->hex;
        e.to = c->to;
        char hb[16];
        snprintf(e.text, sizeof e.text, "assault: %s climbs the undefended wall at %s", u->name,
                 hex_format(c->to, hb, sizeof hb));
        game_unit_place(g, ui, c->to);
        u->mp = 0;
        game_emit(g, &e);
        if (u->cohesion > 1)
            unit_lose(g, ui, 0, 1); /* the climb costs order */
        turn_update_control(g, c->to);
        siege_wall_entered(g, ui);
        return;
    }
    if (found->len < 0)
        return;
    const Path *p = found;
    if (path_in_enemy_zoc(g, u->side, u->hex)) {
        const UnitTypeRules *t = &g->rules.types[u->type];
        if (t->breaks_contact && !u->broke_contact) {
            traits_feint_breaks_contact(g, ui);
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
    e.a = p->cost;
    Hex prev = u->hex;
    for (int i = 0; i < p->len; i++) {
        int gi = gate_crossed(g, prev, p->hexes[i]);
        if (gi >= 0)
            g->siege.gate_passed[gi] += u->sp;
        prev = p->hexes[i];
    }
    u->mp -= p->cost;
    game_unit_place(g, ui, c->to);
    if (path_in_enemy_zoc(g, u->side, u->hex))
        u->mp = 0;
    game_emit(g, &e);
    for (int i = 0; i < p->len; i++)
        turn_update_control(g, p->hexes[i]);
    siege_wall_entered(g, ui);
    traits_feint_moved(g, ui);
    traits_feint_follows(g, ui, false);
}

bool cmd_apply(Game *g, const Command *c, char *why, size_t n)
{
    Path found;
    if (!validate(g, c, why, n, &found))
        return false;
    switch (c->type) {
    case CMD_MOVE:
        apply_move(g, c, &found);
        break;
    case CMD_ATTACK: {
        const char *major = major_attack(g, c);
        if (major && !traits_council_vote(g, c->side, major))
            break; /* voted down: no battle */
        if (g->mode == MODE_SIEGE) {
            char what[EVENT_TEXT];
            const Unit *u = &g->units[c->units[0]];
            Terrain tt = map_terrain(&g->map, c->to);
            /* A sally: the town's holder attacks outside the walls from the
             * town or within a gate sector of it. */
            bool sally = siege_is_sally(g, u->side, u->hex, c->to);
            bool assault = u->side != g->town_side && terrain_is_town(tt);
            int gi = siege_sector_of(g, sally ? c->to : u->hex);
            if (sally)
                snprintf(what, sizeof what, "%s sallies%s%s", u->name, gi >= 0 ? " by the " : "",
                         gi >= 0 ? g->gates[gi].name : "");
            else if (assault)
                snprintf(what, sizeof what, "%s storms the walls%s%s", u->name, gi >= 0 ? " by the " : "",
                         gi >= 0 ? g->gates[gi].name : "");
            else
                snprintf(what, sizeof what, "%s offers battle", u->name);
            turn_begin_battle(g, sally ? BATTLE_SALLY : assault ? BATTLE_ASSAULT : BATTLE_FIELD, what);
        }
        combat_resolve(g, c->units, c->nunits, c->to);
        turn_check_victory(g, false);
        break;
    }
    case CMD_END_IMPULSE:
        turn_end_impulse(g);
        break;
    case CMD_END_TURN:
        turn_end_phase(g);
        break;
    default:
        apply_siege(g, c);
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
    case CMD_OPEN_GATE:
    case CMD_SHUT_GATE:
        snprintf(buf, n, "%s %s", cmd_type_name(c->type), (c->arg >= 0 && c->arg < g->ngates) ? g->gates[c->arg].id : "?");
        break;
    case CMD_ALERT:
        snprintf(buf, n, "alert %s %s", (c->arg >= 0 && c->arg < g->ngates) ? g->gates[c->arg].id : "?", c->arg2 ? "on" : "off");
        break;
    case CMD_RATIONS:
        snprintf(buf, n, "rations %s", rations_name((Rations)c->arg));
        break;
    case CMD_SEND_COLUMN:
        snprintf(buf, n, "send-column %s %s %s",
                 (c->arg >= 0 && c->arg < g->siege.ncolumns) ? g->siege.columns[c->arg].id : "?",
                 (c->arg2 >= 0 && c->arg2 < g->siege.nplaces) ? g->siege.places[c->arg2].id : "?",
                 pace_name((Pace)c->arg3));
        break;
    case CMD_OFFER_TERMS:
        snprintf(buf, n, "offer-terms %s", c->arg == TERMS_HARSH ? "harsh" : "generous");
        break;
    case CMD_ANSWER_TERMS:
        snprintf(buf, n, "answer-terms %s", c->arg == TERMS_ANSWER_ACCEPT ? "accept" : "refuse");
        break;
    case CMD_RELEASE:
        snprintf(buf, n, "release %s",
                 (c->arg >= 0 && c->arg < g->siege.ncontingents) ? g->siege.contingents[c->arg].id : "?");
        break;
    default:
        snprintf(buf, n, "%s", cmd_type_name(c->type));
        break;
    }
}

static int gate_by_id(const Game *g, const char *id)
{
    for (int i = 0; i < g->ngates; i++)
        if (strcmp(g->gates[i].id, id) == 0)
            return i;
    return -1;
}

/* The siege orders' text forms; words[0] is the verb. */
static bool parse_siege(const Game *g, char words[][64], int k, Command *c, char *why, size_t n)
{
    const char *v = words[0];
    const Siege *s = &g->siege;
    if (strcmp(v, "open-gate") == 0 || strcmp(v, "shut-gate") == 0) {
        if (k != 2)
            REFUSE("%s needs a gate, e.g. \"%s rastan\"", v, v);
        c->type = v[0] == 'o' ? CMD_OPEN_GATE : CMD_SHUT_GATE;
        if ((c->arg = gate_by_id(g, words[1])) < 0)
            REFUSE("no gate has the id \"%s\"", words[1]);
        return true;
    }
    if (strcmp(v, "alert") == 0) {
        if (k != 3 || (strcmp(words[2], "on") != 0 && strcmp(words[2], "off") != 0))
            REFUSE("alert needs a gate and on or off, e.g. \"alert rastan on\"");
        c->type = CMD_ALERT;
        if ((c->arg = gate_by_id(g, words[1])) < 0)
            REFUSE("no gate has the id \"%s\"", words[1]);
        c->arg2 = strcmp(words[2], "on") == 0;
        return true;
    }
    if (strcmp(v, "rations") == 0) {
        Rations r;
        if (k != 2 || !rations_from_name(words[1], &r))
            REFUSE("rations takes full, half or expel");
        c->type = CMD_RATIONS;
        c->arg = r;
        return true;
    }
    if (strcmp(v, "send-column") == 0) {
        Pace p;
        if (k != 4)
            REFUSE("send-column needs a column, a place and a pace, e.g. \"send-column iraq hit forced\"");
        c->type = CMD_SEND_COLUMN;
        if ((c->arg = siege_column_by_id(s, words[1])) < 0)
            REFUSE("no column has the id \"%s\"", words[1]);
        if ((c->arg2 = siege_place_by_id(s, words[2])) < 0)
            REFUSE("no place on the theatre map has the id \"%s\"", words[2]);
        if (!pace_from_name(words[3], &p))
            REFUSE("\"%s\" is not a pace: mixed, mounted or forced", words[3]);
        c->arg3 = p;
        return true;
    }
    if (strcmp(v, "offer-terms") == 0) {
        if (k != 2 || (strcmp(words[1], "generous") != 0 && strcmp(words[1], "harsh") != 0))
            REFUSE("offer-terms takes generous or harsh");
        c->type = CMD_OFFER_TERMS;
        c->arg = words[1][0] == 'g' ? TERMS_GENEROUS : TERMS_HARSH;
        return true;
    }
    if (strcmp(v, "answer-terms") == 0) {
        if (k != 2 || (strcmp(words[1], "accept") != 0 && strcmp(words[1], "refuse") != 0))
            REFUSE("answer-terms takes accept or refuse");
        c->type = CMD_ANSWER_TERMS;
        c->arg = words[1][0] == 'a' ? TERMS_ANSWER_ACCEPT : TERMS_ANSWER_REFUSE;
        return true;
    }
    if (strcmp(v, "release") == 0) {
        if (k != 2)
            REFUSE("release needs a contingent");
        c->type = CMD_RELEASE;
        if ((c->arg = siege_contingent_by_id(s, words[1])) < 0)
            REFUSE("no contingent has the id \"%s\"", words[1]);
        return true;
    }
    REFUSE("unknown command \"%s\" (expected move, attack, end-impulse, end-turn, open-gate, shut-gate, alert, "
           "rations, send-column, offer-terms, answer-terms or release)", v);
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
    if (k == 4 && strcmp(verb, "send-column") != 0)
        REFUSE("too many words in \"%s\"", line);
    if (strcmp(verb, "end-turn") == 0 || strcmp(verb, "end-impulse") == 0) {
        if (k != 1)
            REFUSE("%s takes no arguments", verb);
        c->type = verb[4] == 't' ? CMD_END_TURN : CMD_END_IMPULSE;
        return true;
    }
    bool move = strcmp(verb, "move") == 0, attack = strcmp(verb, "attack") == 0;
    if (!move && !attack) {
        char words[5][64] = {{0}};
        int wk = sscanf(line, "%63s %63s %63s %63s %63s", words[0], words[1], words[2], words[3], words[4]);
        if (wk == 5)
            REFUSE("too many words in \"%s\"", line);
        return parse_siege(g, words, wk, c, why, n);
    }
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
