/* path.h - movement: costs, zones of control, reachable hexes, A*. */
#pragma once
#include <stdbool.h>
#include "game.h"

enum { PATH_MAX_HEXES = 256 };

/* Cost in half-MP for unit u to enter h from the adjacent hex `from`,
 * or -1 if it may not (terrain, walls, shut gates, enemy units, stacking). */
int path_step_cost(const Game *g, int u, Hex from, Hex h);
/* The ground's part of it, for a unit of move class move_class stepping
 * from map index `from` to the adjacent index `to` (row * width + col, as
 * path_reachable's cost_out): terrain, fords closed by rain, the wall and
 * shut gates; -1 if closed. Units are not counted: an enemy's hex is
 * closed to it and stacking is path_step_cost's. */
int path_ground_cost(const Game *g, int move_class, int from, int to);
/* Does side `side` have an enemy zone of control on h? (ZOC does not
 * reach across walls, shut gates or the river.) */
bool path_in_enemy_zoc(const Game *g, int side, Hex h);
/* Is the boundary between adjacent hexes a and b closed by the town wall?
 * The town (city, wall, gate) and the country outside meet only through
 * a gate that is not shut. */
bool path_wall_between(const Game *g, Hex a, Hex b);
/* Does unit u put h in its zone of control: h is next to it, it is on the
 * map and not routed, and no wall or shut gate is between? */
bool path_unit_zoc(const Game *g, int u, Hex h);
/* Extra half-MP unit u pays to step out of an enemy ZOC (zoc_leave_cost);
 * nothing on the first step of its move if its type breaks contact and
 * it has not yet done so this impulse. */
int path_zoc_leave_cost(const Game *g, int u, bool first_step);

typedef struct Path {
    Hex hexes[PATH_MAX_HEXES];    /* from the start (excluded) to the goal */
    int len;
    int cost;               /* half-MP, including ZOC penalties */
} Path;

/* Cheapest path for unit u to goal with the MP it has now (ZOC stops and
 * the leave-ZOC cost apply). If limit_mp is false the unit's MP is ignored,
 * which the AI uses to head for far goals. False if no path exists. */
bool path_find(const Game *g, int u, Hex goal, bool limit_mp, Path *out);

/* Every hex unit u can reach with its MP now. cost_out is indexed by
 * offset (row * width + col) and holds the cheapest cost, or -1; it must
 * have room for width*height ints. Returns the number reachable. */
int path_reachable(const Game *g, int u, int *cost_out);

/* The map cut into regions for a unit of side `side` moving as
 * move_class: region[i] (indexed as cost_out) is the same for two hexes
 * it could walk between at any cost, ZOC and stacking aside, and -1 for a
 * hex it may not enter (its ground or an enemy on it). So path_find(...,
 * false, ...) from a hex of one region to a hex of another fails, and
 * callers may skip that search. False (region untouched) if out of memory. */
bool path_regions(const Game *g, int side, int move_class, int *region);
