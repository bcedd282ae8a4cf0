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

/* ---- floods over one map, many times ---------------------------------- */

/* One move class's ground cost (path_ground_cost) of every step, for the
 * gates and fords as they were when it was built. */
typedef struct PathSteps {
    bool built;
    int move_class;
    bool fords_closed;
    int ngates;
    Hex gate_hex[MAX_GATES];
    int gate_state[MAX_GATES];
    int min, max;                       /* over the open steps; min -1 if none */
    unsigned used;                      /* when it last served, to replace the oldest */
    int *step;                          /* n * HEX_DIRS, -1 closed */
    /* the open steps only, in direction order: hex i's are the pairs
     * (neighbour, cost) open[2k], open[2k + 1] for first[i] <= k < first[i + 1] */
    int *first, *open;
} PathSteps;

enum { PATH_STEP_TABLES = 16 };

/* A flood field: one game map's neighbour table and a few step tables
 * (PathSteps: a table per move class and state of the gates and fords
 * met lately), with the flood's queues. The AI floods through it
 * thousands of times a turn. Indexes are offsets (row * width + col), as
 * path_reachable's cost_out. */
typedef struct PathField {
    int w, h, n;
    int *nb;                            /* n * HEX_DIRS neighbours, -1 off the map */
    PathSteps steps[PATH_STEP_TABLES];
    unsigned clock;
    /* the terrain and movement costs the step tables were built for */
    uint8_t *terrain;
    int move_cost[TER_COUNT][MOVE_CLASSES];
    int *heap_idx, *heap_cost, heap_cap;
    /* the bucket queue path_flood uses when every step costs something */
    int *bucket, nbucket;               /* heads, by cost modulo nbucket */
    int *ent_idx, *ent_next, *order;    /* heap_cap entries; one bucket in index order */
    uint64_t *bits;                     /* n bits, all clear between floods */
    int *reached, nreached;             /* the last flood's hexes with a cost (in no set order) */
} PathField;

/* Makes f fit g's map (allocating on the first call or a new size) and
 * forgets step tables built for other terrain or movement costs. False if
 * out of memory (f is then empty). */
bool path_field_sync(PathField *f, const Game *g);
void path_field_free(PathField *f);
/* Dijkstra from unit ui's hex with mp half-MP (-1 unlimited). enemy[i]
 * nonzero closes hex i (an enemy stands there); zoc[i] nonzero is an enemy
 * zone of control: entering it ends the move when zoc_stop, leaving it
 * costs path_zoc_leave_cost. Stacking is not checked. Fills cost[] (-1
 * where unreachable) and prev[] (may be NULL) for all f->n hexes, and
 * f->reached. Ties are settled by the lower index, so the result is fully
 * defined. */
void path_flood(const Game *g, PathField *f, int ui, int mp, bool zoc_stop, const uint8_t *enemy,
                const uint8_t *zoc, int *cost, int *prev);
/* path_flood, stopped early once the cheapest of the ngoals hexes goals[]
 * is settled: every hex that costs no more than that one has its final
 * cost and prev[] (as path_flood gives them); any other holds -1 or a
 * cost above it, not final, and f->reached is not all of them. With no
 * goal reached it is the whole flood. */
void path_flood_to(const Game *g, PathField *f, int ui, int mp, bool zoc_stop, const uint8_t *enemy,
                   const uint8_t *zoc, const int *goals, int ngoals, int *cost, int *prev);
