/* simple.c - the simple built-in player. */
#include "simple.h"
#include <stdlib.h>
#include <string.h>
#include "core/combat.h"
#include "core/path.h"

/* Lowest column worth attacking at: 3:2 to open a fight during a siege
 * turn, 1:1 once the battle is joined. Column indexes into rules.odds_pct. */
enum { SIEGE_ATTACK_COLUMN = 3, BATTLE_ATTACK_COLUMN = 2, SALLY_ATTACK_COLUMN = 5 };

static bool can_attack(const Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    return u->status == UNIT_ON_MAP && u->side == g->active && !u->attacked &&
           u->cohesion > g->rules.shaken_at && (g->mode == MODE_BATTLE || u->mp > 0);
}

/* Best attack on offer: for each visible enemy hex, all our fit units next
 * to it (up to CMD_MAX_UNITS) attack together. */
static bool best_attack(const Game *g, int min_column, bool town_units_only, Command *out)
{
    int best_col = -1;
    Command best;
    memset(&best, 0, sizeof best);
    for (int e = 0; e < g->nunits; e++) {
        const Unit *eu = &g->units[e];
        if (eu->status != UNIT_ON_MAP || eu->side == g->active || !game_unit_visible(g, e, g->active))
            continue;
        Command c = cmd_attack(g->active, -1, eu->hex);
        c.nunits = 0;
        for (int i = 0; i < g->nunits && c.nunits < CMD_MAX_UNITS; i++) {
            if (!can_attack(g, i) || hex_distance(g->units[i].hex, eu->hex) != 1)
                continue;
            if (town_units_only && !terrain_is_town(map_terrain(&g->map, g->units[i].hex)))
                continue;
            c.units[c.nunits++] = i;
        }
        if (c.nunits == 0)
            continue;
        char why[128];
        CombatOdds o;
        if (!combat_odds(g, c.units, c.nunits, eu->hex, &o, why, sizeof why))
            continue;
        if (o.column > best_col && cmd_validate(g, &c, why, sizeof why)) {
            best_col = o.column;
            best = c;
        }
    }
    if (best_col >= min_column) {
        *out = best;
        return true;
    }
    return false;
}

/* Nearest visible enemy unit to hex h, as a goal. */
static bool nearest_enemy(const Game *g, Hex h, Hex *goal)
{
    int best = -1;
    for (int e = 0; e < g->nunits; e++) {
        const Unit *eu = &g->units[e];
        if (eu->status != UNIT_ON_MAP || eu->side == g->active || !game_unit_visible(g, e, g->active))
            continue;
        int d = hex_distance(h, eu->hex);
        if (best < 0 || d < best) {
            best = d;
            *goal = eu->hex;
        }
    }
    return best >= 0;
}

static bool adjacent_enemy(const Game *g, const Unit *u)
{
    for (int d = 0; d < HEX_DIRS; d++)
        if (game_enemy_at(g, hex_neighbor(u->hex, d), u->side))
            return true;
    return false;
}

static int map_idx(const Map *m, Hex h)
{
    HexOffset o = hex_to_offset(h);
    return map_contains(m, h) ? o.row * m->width + o.col : -1;
}

/* Could unit i walk to h at all? False only when core's regions say it
 * cannot (path_regions), filled per move class on first need in
 * region[MOVE_CLASSES * map size]; a search that must fail is skipped. */
static bool may_reach(const Game *g, int i, Hex h, int *region, bool *filled)
{
    const Unit *u = &g->units[i];
    int mc = g->rules.types[u->type].move_class;
    int *r = region ? region + (size_t)mc * (size_t)(g->map.width * g->map.height) : NULL;
    if (r && !filled[mc])
        filled[mc] = path_regions(g, u->side, mc, r);
    int from = map_idx(&g->map, u->hex), to = map_idx(&g->map, h);
    if (!r || !filled[mc] || from < 0 || to < 0 || r[from] < 0)
        return true; /* cannot tell: let the search say */
    return r[to] == r[from];
}

/* Move one unit toward the nearest enemy: follow the unlimited path and
 * stop at the farthest hex of it this unit can reach now. */
static bool advance(const Game *g, bool skip_town_units, Command *out, int *region, bool *filled)
{
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (u->status != UNIT_ON_MAP || u->side != g->active || u->mp <= 0 || u->attacked ||
            u->cohesion <= g->rules.shaken_at || adjacent_enemy(g, u))
            continue;
        if (skip_town_units && terrain_is_town(map_terrain(&g->map, u->hex)))
            continue;
        Hex goal = {0, 0};
        if (!nearest_enemy(g, u->hex, &goal))
            return false;
        /* Head for a free hex next to the enemy. */
        Path full;
        bool found = false;
        for (int d = 0; d < HEX_DIRS && !found; d++) {
            Hex next = hex_neighbor(goal, d);
            if (may_reach(g, i, next, region, filled) && path_find(g, i, next, false, &full))
                found = true;
        }
        if (!found)
            continue;
        for (int k = full.len - 1; k >= 0; k--) {
            Command c = cmd_move(g->active, i, full.hexes[k]);
            char why[160];
            if (cmd_validate(g, &c, why, sizeof why)) {
                *out = c;
                return true;
            }
        }
    }
    return false;
}

static bool advance_one(const Game *g, bool skip_town_units, Command *out)
{
    bool filled[MOVE_CLASSES] = {false};
    int *region = malloc(sizeof(int) * MOVE_CLASSES * (size_t)(g->map.width * g->map.height));
    bool moved = advance(g, skip_town_units, out, region, filled);
    free(region);
    return moved;
}

bool ai_simple_next(const Game *g, Command *out) { return ai_simple_plan_next(g, AI_POSTURE_FREE, out); }

bool ai_simple_plan_next(const Game *g, AiPosture posture, Command *out)
{
    if (g->mode == MODE_OVER)
        return false;
    bool town = g->active == g->town_side;
    /* The column that opens a battle in a siege turn; past the last, none. */
    int siege_col = posture == AI_POSTURE_HOLD     ? CRT_COLUMNS
                    : posture == AI_POSTURE_ATTACK ? BATTLE_ATTACK_COLUMN
                    : town                         ? SALLY_ATTACK_COLUMN
                                                   : SIEGE_ATTACK_COLUMN;
    if (g->mode == MODE_BATTLE) {
        if (best_attack(g, BATTLE_ATTACK_COLUMN, false, out))
            return true;
        *out = cmd_end_impulse(g->active);
        return true;
    }
    if (town) {
        /* The garrison holds the walls and strikes only at a clear chance. */
        if (siege_col < CRT_COLUMNS && best_attack(g, siege_col, true, out))
            return true;
        /* A relief force in the field marches on the besiegers. */
        if (advance_one(g, true, out))
            return true;
    } else {
        if (siege_col < CRT_COLUMNS && best_attack(g, siege_col, false, out))
            return true;
        if (advance_one(g, false, out))
            return true;
    }
    *out = cmd_end_turn(g->active);
    return true;
}
