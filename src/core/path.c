/* path.c - step costs, zones of control, Dijkstra/A* over the hex map, and
 * the flood field (path_flood) the AI floods through. */
#include "path.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Is the boundary between adjacent hexes a and b closed by the town wall?
 * Crossing between the town (city, wall, gate) and the country outside is
 * possible only through a gate that is not shut. */
static bool wall_shut(const Game *g, Hex a, Terrain ta, Hex b, Terrain tb)
{
    bool town_a = terrain_is_town(ta);
    if (town_a == terrain_is_town(tb))
        return false;
    if ((town_a ? ta : tb) != TER_GATE)
        return true;
    int gi = game_gate_at(g, town_a ? a : b);
    return gi < 0 || g->gates[gi].state == GATE_SHUT;
}

bool path_wall_between(const Game *g, Hex a, Hex b)
{
    return wall_shut(g, a, map_terrain(&g->map, a), b, map_terrain(&g->map, b));
}

bool path_unit_zoc(const Game *g, int ui, Hex h)
{
    const Unit *u = &g->units[ui];
    /* Routed units hold no ground. */
    return u->status == UNIT_ON_MAP && u->cohesion > 0 && hex_distance(u->hex, h) == 1 &&
           map_contains(&g->map, u->hex) && !path_wall_between(g, u->hex, h);
}

bool path_in_enemy_zoc(const Game *g, int side, Hex h)
{
    if (map_terrain(&g->map, h) >= TER_COUNT)
        return false;
    /* Only a unit next to h can put it in its zone: ask the occupancy
     * index which neighbours hold an enemy, then look at those units. */
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex nb = hex_neighbor(h, d);
        if (!game_enemy_at(g, nb, side))
            continue;
        int here[16];
        int n = game_units_at(g, nb, here, 16);
        if (n > 16) {
            for (int i = 0; i < g->nunits; i++)
                if (g->units[i].side != side && path_unit_zoc(g, i, h))
                    return true;
            return false;
        }
        for (int k = 0; k < n; k++)
            if (g->units[here[k]].side != side && path_unit_zoc(g, here[k], h))
                return true;
    }
    return false;
}

int path_zoc_leave_cost(const Game *g, int ui, bool first_step)
{
    const Unit *u = &g->units[ui];
    bool free_break = g->rules.types[u->type].breaks_contact && !u->broke_contact;
    return first_step && free_break ? 0 : g->rules.zoc_leave_cost;
}

static int friendly_count(const Game *g, int side, Hex h, int except)
{
    int n = game_side_count_at(g, h, side);
    if (except >= 0 && except < g->nunits) {
        const Unit *u = &g->units[except];
        if (u->status == UNIT_ON_MAP && u->side == side && hex_eq(u->hex, h))
            n--;
    }
    return n;
}

static int idx_of(const Map *m, Hex h)
{
    HexOffset o = hex_to_offset(h);
    return o.row * m->width + o.col;
}

static Hex hex_of(const Map *m, int idx) { return hex_from_offset(idx % m->width, idx / m->width); }

/* May a unit of move class mc enter ground t at all (from a side the
 * wall does not close)? */
static bool ground_open(const Game *g, int mc, Terrain t)
{
    if (t >= TER_COUNT || g->rules.move_cost[t][mc] < 0)
        return false;
    return !(t == TER_FORD && g->siege.fords_closed); /* rain has closed the fords */
}

int path_ground_cost(const Game *g, int move_class, int from, int to)
{
    const Map *m = &g->map;
    int n = m->width * m->height;
    if (from < 0 || from >= n || to < 0 || to >= n)
        return -1;
    Terrain t = (Terrain)m->terrain[to], tf = (Terrain)m->terrain[from];
    if (!ground_open(g, move_class, t))
        return -1;
    int cost = g->rules.move_cost[t][move_class];
    /* Walls and shut gates close the town: it is entered through an open
     * gate or by an assault that clears a wall section (the attacker then
     * advances onto it, see command.c). */
    if (terrain_is_town(t) != terrain_is_town(tf) && wall_shut(g, hex_of(m, from), tf, hex_of(m, to), t))
        return -1;
    return cost;
}

/* Cost to enter h, ignoring stacking (which only matters where a move
 * ends). -1 if impassable for this unit. */
static int enter_cost(const Game *g, int ui, Hex from, Hex h)
{
    const Unit *u = &g->units[ui];
    if (!map_contains(&g->map, from) || !map_contains(&g->map, h))
        return -1;
    int cost = path_ground_cost(g, g->rules.types[u->type].move_class, idx_of(&g->map, from), idx_of(&g->map, h));
    return cost < 0 || game_enemy_at(g, h, u->side) ? -1 : cost;
}

int path_step_cost(const Game *g, int ui, Hex from, Hex h)
{
    int c = enter_cost(g, ui, from, h);
    if (c < 0)
        return -1;
    if (friendly_count(g, g->units[ui].side, h, ui) >= g->rules.stack_limit)
        return -1;
    return c;
}

/* ---- search ----------------------------------------------------------- */

typedef struct Node {
    int cost, prio, idx;
} Node;

typedef struct Heap {
    Node *a;
    int n;
} Heap;

static void heap_push(Heap *h, Node x)
{
    int i = h->n++;
    h->a[i] = x;
    while (i > 0) {
        int p = (i - 1) / 2;
        /* Ties broken by index so the search order is fully defined. */
        if (h->a[p].prio < h->a[i].prio || (h->a[p].prio == h->a[i].prio && h->a[p].idx <= h->a[i].idx))
            break;
        Node t = h->a[p];
        h->a[p] = h->a[i];
        h->a[i] = t;
        i = p;
    }
}

static Node heap_pop(Heap *h)
{
    Node top = h->a[0];
    h->a[0] = h->a[--h->n];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && (h->a[l].prio < h->a[m].prio || (h->a[l].prio == h->a[m].prio && h->a[l].idx < h->a[m].idx)))
            m = l;
        if (r < h->n && (h->a[r].prio < h->a[m].prio || (h->a[r].prio == h->a[m].prio && h->a[r].idx < h->a[m].idx)))
            m = r;
        if (m == i)
            break;
        Node t = h->a[m];
        h->a[m] = h->a[i];
        h->a[i] = t;
        i = m;
    }
    return top;
}

typedef struct Search {
    int *cost, *prev;
    uint8_t *enemy, *zoc;   /* the searching unit's enemies' hexes and ZOC */
    Heap heap;
    int n;
} Search;

/* -1 everywhere, a kilobyte at a time: glibc clears a larger block with
 * `rep stosb`, which is as quick but counts a byte an instruction under
 * callgrind, the yardstick of the engine's speed. */
static void fill_unreached(int *a, int n)
{
    for (int i = 0; i < n; i += 256)
        memset(a + i, 0xff, sizeof(int) * (size_t)(n - i < 256 ? n - i : 256));
}

static bool search_init(Search *s, const Map *m)
{
    s->n = m->width * m->height;
    s->cost = malloc(sizeof(int) * (size_t)s->n);
    s->prev = malloc(sizeof(int) * (size_t)s->n);
    /* Each hex is pushed at most once per improvement; 6 per hex bounds it. */
    s->heap.a = malloc(sizeof(Node) * (size_t)s->n * 7);
    s->heap.n = 0;
    s->enemy = calloc((size_t)s->n, 1);
    s->zoc = calloc((size_t)s->n, 1);
    if (!s->cost || !s->prev || !s->heap.a || !s->enemy || !s->zoc) {
        free(s->cost);
        free(s->prev);
        free(s->heap.a);
        free(s->enemy);
        free(s->zoc);
        return false;
    }
    fill_unreached(s->cost, s->n);
    fill_unreached(s->prev, s->n);
    return true;
}

static void search_free(Search *s)
{
    free(s->cost);
    free(s->prev);
    free(s->heap.a);
    free(s->enemy);
    free(s->zoc);
}

/* Marks the hexes of side's enemies and their zones of control once, so
 * that each step asks a table what game_enemy_at() and
 * path_in_enemy_zoc() would answer. */
static void search_mark_enemies(const Game *g, int side, Search *s)
{
    const Map *m = &g->map;
    for (int i = 0; i < g->nunits; i++) {
        const Unit *x = &g->units[i];
        if (x->status != UNIT_ON_MAP || x->side == side || !map_contains(m, x->hex))
            continue;
        s->enemy[idx_of(m, x->hex)] = 1;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex nb = hex_neighbor(x->hex, d);
            if (map_contains(m, nb) && path_unit_zoc(g, i, nb))
                s->zoc[idx_of(m, nb)] = 1;
        }
    }
}

/* Dijkstra (A* when goal is given) from unit u's hex. Entering an enemy
 * ZOC ends the move there; leaving one costs extra unless the unit may
 * break contact freely. Returns the goal's index once settled, or -1. */
static int search_run(const Game *g, int ui, Search *s, int mp_limit, const Hex *goal, bool zoc_stops)
{
    const Unit *u = &g->units[ui];
    const Map *m = &g->map;
    int mc = g->rules.types[u->type].move_class;
    /* Who stands where comes from the occupancy index; a hex's zone of
     * control is asked when the search first stands on it (s->zoc: 0 not
     * yet asked, 1 free, 2 in an enemy zone). */
    int start = idx_of(m, u->hex);
    s->cost[start] = 0;
    heap_push(&s->heap, (Node){0, 0, start});
    int goal_idx = goal ? idx_of(m, *goal) : -1;
    while (s->heap.n > 0) {
        Node cur = heap_pop(&s->heap);
        if (cur.cost != s->cost[cur.idx])
            continue; /* stale */
        if (cur.idx == goal_idx)
            return goal_idx;
        Hex h = hex_of(m, cur.idx);
        if (!s->zoc[cur.idx])
            s->zoc[cur.idx] = path_in_enemy_zoc(g, u->side, h) ? 2 : 1;
        bool here_zoc = s->zoc[cur.idx] == 2;
        if (cur.idx != start && here_zoc && zoc_stops)
            continue; /* movement ends on entering a ZOC */
        int leave = here_zoc ? path_zoc_leave_cost(g, ui, cur.idx == start) : 0;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex nb = hex_neighbor(h, d);
            if (!map_contains(m, nb))
                continue;
            int ni = idx_of(m, nb);
            int c = game_enemy_at(g, nb, u->side) ? -1 : path_ground_cost(g, mc, cur.idx, ni); /* enter_cost() */
            if (c < 0)
                continue;
            int nc = cur.cost + c + leave;
            if (mp_limit >= 0 && nc > mp_limit)
                continue;
            if (s->cost[ni] >= 0 && s->cost[ni] <= nc)
                continue;
            s->cost[ni] = nc;
            s->prev[ni] = cur.idx;
            int prio = nc + (goal ? hex_distance(nb, *goal) : 0);
            heap_push(&s->heap, (Node){nc, prio, ni});
        }
    }
    return -1;
}

bool path_find(const Game *g, int ui, Hex goal, bool limit_mp, Path *out)
{
    memset(out, 0, sizeof *out);
    const Unit *u = &g->units[ui];
    if (u->status != UNIT_ON_MAP || !map_contains(&g->map, goal) || hex_eq(goal, u->hex))
        return false;
    Search s;
    if (!search_init(&s, &g->map))
        return false;
    /* The A* heuristic (hex distance) never overestimates: the cheapest
     * step costs 1 half-MP (a road), and the loader refuses a cost of 0. */
    int gi = search_run(g, ui, &s, limit_mp ? u->mp : -1, &goal, limit_mp);
    bool ok = false;
    if (gi >= 0 && friendly_count(g, u->side, goal, ui) < g->rules.stack_limit) {
        int len = 0;
        for (int i = gi; i >= 0 && s.prev[i] >= 0; i = s.prev[i])
            len++;
        if (len <= PATH_MAX_HEXES) {
            out->len = len;
            out->cost = s.cost[gi];
            int k = len - 1;
            for (int i = gi; k >= 0; i = s.prev[i])
                out->hexes[k--] = hex_of(&g->map, i);
            ok = true;
        }
    }
    search_free(&s);
    return ok;
}

int path_reachable(const Game *g, int ui, int *cost_out)
{
    const Map *m = &g->map;
    int total = m->width * m->height;
    for (int i = 0; i < total; i++)
        cost_out[i] = -1;
    const Unit *u = &g->units[ui];
    if (u->status != UNIT_ON_MAP)
        return 0;
    Search s;
    if (!search_init(&s, m))
        return 0;
    search_run(g, ui, &s, u->mp, NULL, true);
    int n = 0;
    int start = idx_of(m, u->hex);
    for (int i = 0; i < total; i++) {
        if (s.cost[i] < 0 || i == start)
            continue;
        if (friendly_count(g, u->side, hex_of(m, i), ui) >= g->rules.stack_limit)
            continue;
        cost_out[i] = s.cost[i];
        n++;
    }
    search_free(&s);
    return n;
}

bool path_regions(const Game *g, int side, int move_class, int *region)
{
    const Map *m = &g->map;
    Search s;
    if (!search_init(&s, m))
        return false;
    search_mark_enemies(g, side, &s);
    int *queue = s.prev;
    for (int i = 0; i < s.n; i++)
        region[i] = -1;
    int nregions = 0;
    for (int i = 0; i < s.n; i++) {
        if (region[i] >= 0 || s.enemy[i] || !ground_open(g, move_class, (Terrain)m->terrain[i]))
            continue;
        /* Between two open hexes a step is open both ways or neither (the
         * wall and its gates close both), so a flood finds the region. */
        int head = 0, tail = 0;
        region[i] = nregions;
        queue[tail++] = i;
        while (head < tail) {
            int cur = queue[head++];
            Hex h = hex_of(m, cur);
            for (int d = 0; d < HEX_DIRS; d++) {
                Hex nb = hex_neighbor(h, d);
                if (!map_contains(m, nb))
                    continue;
                int ni = idx_of(m, nb);
                if (region[ni] < 0 && !s.enemy[ni] && path_ground_cost(g, move_class, cur, ni) >= 0) {
                    region[ni] = nregions;
                    queue[tail++] = ni;
                }
            }
        }
        nregions++;
    }
    search_free(&s);
    return true;
}

/* ---- the flood field ---------------------------------------------------- */

void path_field_free(PathField *f)
{
    free(f->nb);
    for (int t = 0; t < PATH_STEP_TABLES; t++)
        free(f->steps[t].step), free(f->steps[t].first), free(f->steps[t].open);
    free(f->terrain);
    free(f->heap_idx);
    free(f->heap_cost);
    free(f->reached);
    free(f->bucket);
    free(f->ent_idx);
    free(f->ent_next);
    free(f->order);
    free(f->bits);
    memset(f, 0, sizeof *f);
}

bool path_field_sync(PathField *f, const Game *g)
{
    const Map *m = &g->map;
    int n = m->width * m->height;
    if (n <= 0 || !m->terrain) {
        path_field_free(f);
        return false;
    }
    if (!f->nb || f->w != m->width || f->h != m->height) {
        path_field_free(f);
        size_t un = (size_t)n;
        f->w = m->width;
        f->h = m->height;
        f->n = n;
        f->heap_cap = n * 8;
        f->nb = malloc(sizeof(int) * un * HEX_DIRS);
        f->terrain = malloc(un);
        f->heap_idx = malloc(sizeof(int) * (size_t)f->heap_cap);
        f->heap_cost = malloc(sizeof(int) * (size_t)f->heap_cap);
        f->reached = malloc(sizeof(int) * un);
        f->ent_idx = malloc(sizeof(int) * (size_t)f->heap_cap);
        f->ent_next = malloc(sizeof(int) * (size_t)f->heap_cap);
        f->order = malloc(sizeof(int) * (size_t)f->heap_cap);
        f->bits = calloc((size_t)(n + 63) / 64, sizeof(uint64_t));
        bool ok = f->nb && f->terrain && f->heap_idx && f->heap_cost && f->reached && f->ent_idx && f->ent_next &&
                  f->order && f->bits;
        for (int t = 0; t < PATH_STEP_TABLES && ok; t++)
            ok = (f->steps[t].step = malloc(sizeof(int) * un * HEX_DIRS)) != NULL &&
                 (f->steps[t].first = malloc(sizeof(int) * (un + 1))) != NULL &&
                 (f->steps[t].open = malloc(sizeof(int) * un * HEX_DIRS * 2)) != NULL;
        if (!ok) {
            path_field_free(f);
            return false;
        }
        for (int i = 0; i < n; i++)
            for (int d = 0; d < HEX_DIRS; d++)
                f->nb[i * HEX_DIRS + d] = map_index(m, hex_neighbor(hex_of(m, i), d));
    } else if (memcmp(f->terrain, m->terrain, (size_t)n) == 0 &&
               memcmp(f->move_cost, g->rules.move_cost, sizeof f->move_cost) == 0) {
        return true;
    }
    memcpy(f->terrain, m->terrain, (size_t)n);
    memcpy(f->move_cost, g->rules.move_cost, sizeof f->move_cost);
    for (int t = 0; t < PATH_STEP_TABLES; t++)
        f->steps[t].built = false;
    return true;
}

static bool steps_fit(const PathSteps *s, const Game *g, int mc)
{
    if (!s->built || s->move_class != mc || s->fords_closed != g->siege.fords_closed || s->ngates != g->ngates)
        return false;
    for (int k = 0; k < g->ngates && k < MAX_GATES; k++)
        if (s->gate_state[k] != g->gates[k].state || !hex_eq(s->gate_hex[k], g->gates[k].hex))
            return false;
    return true;
}

/* The step table of move class mc for the gates and fords as they are
 * now: one kept from before, or the oldest rebuilt. */
static const PathSteps *field_steps(const Game *g, PathField *f, int mc)
{
    f->clock++;
    PathSteps *s = NULL;
    for (int t = 0; t < PATH_STEP_TABLES; t++) {
        PathSteps *c = &f->steps[t];
        if (steps_fit(c, g, mc)) {
            c->used = f->clock;
            return c;
        }
        if (!s || !c->built || (s->built && c->used < s->used))
            s = c;
    }
    int *st = s->step, lo = -1, hi = 0, k = 0;
    for (int i = 0; i < f->n; i++) {
        s->first[i] = k;
        for (int d = 0; d < HEX_DIRS; d++) {
            int nb = f->nb[i * HEX_DIRS + d];
            int c = nb < 0 ? -1 : path_ground_cost(g, mc, i, nb);
            st[i * HEX_DIRS + d] = c;
            if (c >= 0) {
                s->open[2 * k] = nb;
                s->open[2 * k + 1] = c;
                k++;
            }
            if (c >= 0 && (lo < 0 || c < lo))
                lo = c;
            if (c > hi)
                hi = c;
        }
    }
    s->first[f->n] = k;
    s->built = true;
    s->move_class = mc;
    s->min = lo;
    s->max = hi;
    s->used = f->clock;
    s->fords_closed = g->siege.fords_closed;
    s->ngates = g->ngates;
    for (int gi = 0; gi < g->ngates && gi < MAX_GATES; gi++) {
        s->gate_state[gi] = g->gates[gi].state;
        s->gate_hex[gi] = g->gates[gi].hex;
    }
    return s;
}

/* The flood's heap: by cost, ties by index (as search_run's). */
static void field_push(PathField *f, int *hn, int idx, int cost)
{
    int *hi = f->heap_idx, *hc = f->heap_cost;
    int i = (*hn)++;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (hc[p] < cost || (hc[p] == cost && hi[p] <= idx))
            break;
        hi[i] = hi[p];
        hc[i] = hc[p];
        i = p;
    }
    hi[i] = idx;
    hc[i] = cost;
}

static void field_pop(PathField *f, int *hn, int *idx, int *cost)
{
    int *hi = f->heap_idx, *hc = f->heap_cost;
    *idx = hi[0];
    *cost = hc[0];
    int n = --(*hn);
    int xi = hi[n], xc = hc[n];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = -1, mi = xi, mcst = xc;
        if (l < n && (hc[l] < mcst || (hc[l] == mcst && hi[l] < mi))) {
            m = l;
            mi = hi[l];
            mcst = hc[l];
        }
        if (r < n && (hc[r] < mcst || (hc[r] == mcst && hi[r] < mi)))
            m = r;
        if (m < 0)
            break;
        hi[i] = hi[m];
        hc[i] = hc[m];
        i = m;
    }
    hi[i] = xi;
    hc[i] = xc;
}

/* Is hex i one of the flood's goals? */
static inline bool is_goal(const int *goals, int ngoals, int i)
{
    for (int k = 0; k < ngoals; k++)
        if (goals[k] == i)
            return true;
    return false;
}

/* Dijkstra with a binary heap: any step costs. With goals, it stops once
 * a hex costs more than the first goal settled. */
static void flood_heap(const Game *g, PathField *f, int ui, int start, const int *steps, int mp, bool zoc_stop,
                       const uint8_t *enemy, const uint8_t *zoc, const int *goals, int ngoals, int *cost, int *prev)
{
    int hn = 0, stop = INT_MAX;
    field_push(f, &hn, start, 0);
    while (hn > 0) {
        int cur, cc;
        field_pop(f, &hn, &cur, &cc);
        if (cc > stop)
            break;
        if (cc != cost[cur])
            continue;
        if (stop == INT_MAX && is_goal(goals, ngoals, cur))
            stop = cc;
        if (cur != start && zoc[cur] && zoc_stop)
            continue;
        int leave = zoc[cur] ? path_zoc_leave_cost(g, ui, cur == start) : 0;
        const int *nbs = f->nb + cur * HEX_DIRS, *st = steps + cur * HEX_DIRS;
        for (int d = 0; d < HEX_DIRS; d++) {
            int nb = nbs[d], c = st[d];
            if (c < 0 || enemy[nb])
                continue;
            int nc = cc + c + leave;
            if (mp >= 0 && nc > mp)
                continue;
            if (cost[nb] >= 0 && cost[nb] <= nc)
                continue;
            if (cost[nb] < 0)
                f->reached[f->nreached++] = nb;
            cost[nb] = nc;
            if (prev)
                prev[nb] = cur;
            if (hn < f->heap_cap)
                field_push(f, &hn, nb, nc);
        }
    }
}

/* The same search with a bucket queue, for steps that all cost at least 1
 * and at most `span` - 1 with the ZOC toll: whatever enters bucket c does
 * so before bucket c is taken up, so taking each bucket in index order
 * settles the hexes in exactly the heap's order (cost, then index), and
 * prev[] comes out the same. Without prev[] the order within a bucket is
 * left as it comes: the cheapest costs are the same whatever the order. */
static void flood_buckets(const Game *g, PathField *f, int ui, int start, const PathSteps *ps, int span, int mp,
                          bool zoc_stop, const uint8_t *enemy, const uint8_t *zoc, const int *goals, int ngoals,
                          int *cost, int *prev)
{
    int stop = INT_MAX;
    for (int b = 0; b < span; b++)
        f->bucket[b] = -1;
    int lim = mp >= 0 ? mp : INT_MAX, nwords = (f->n + 63) / 64;
    int leave_first = path_zoc_leave_cost(g, ui, true), leave_later = path_zoc_leave_cost(g, ui, false);
    int nent = 0, pending = 0, waiting = 0; /* entries made, not yet taken, in buckets */
    f->ent_idx[nent] = start;
    f->ent_next[nent] = -1;
    f->bucket[0] = nent++;
    pending = waiting = 1;
    for (int cc = 0; waiting > 0 && cc <= stop; cc++) {
        int b = cc % span, k = 0;
        if (prev) {
            /* In index order, which decides prev[] (the costs come out the
             * same in any order): a bit per hex, read back word by word. */
            int lo = nwords, hi = -1;
            for (int e = f->bucket[b]; e >= 0; e = f->ent_next[e]) {
                int x = f->ent_idx[e], w = x >> 6;
                f->bits[w] |= 1ULL << (x & 63);
                lo = w < lo ? w : lo;
                hi = w > hi ? w : hi;
            }
            for (int w = lo; w <= hi; w++)
                for (uint64_t m = f->bits[w]; m; m &= m - 1)
                    f->order[k++] = (w << 6) + __builtin_ctzll(m);
            for (int w = lo; w <= hi; w++)
                f->bits[w] = 0;
        } else {
            for (int e = f->bucket[b]; e >= 0; e = f->ent_next[e])
                f->order[k++] = f->ent_idx[e];
        }
        f->bucket[b] = -1;
        waiting -= k;
        for (int q = 0; q < k; q++) {
            int cur = f->order[q];
            pending--;
            if (cc != cost[cur])
                continue;
            if (stop == INT_MAX && is_goal(goals, ngoals, cur))
                stop = cc;
            int leave = 0;
            if (zoc[cur]) {
                if (cur != start && zoc_stop)
                    continue;
                leave = cur == start ? leave_first : leave_later;
            }
            int base = cc + leave;
            const int *op = ps->open + 2 * ps->first[cur], *end = ps->open + 2 * ps->first[cur + 1];
            for (; op < end; op += 2) {
                int nb = op[0], c = op[1];
                if (enemy[nb])
                    continue;
                int nc = base + c;
                if (nc > lim)
                    continue;
                int old = cost[nb];
                if ((unsigned)old <= (unsigned)nc) /* -1, unreached, is the largest */
                    continue;
                if (old < 0)
                    f->reached[f->nreached++] = nb;
                cost[nb] = nc;
                if (prev)
                    prev[nb] = cur;
                if (pending < f->heap_cap && nent < f->heap_cap) {
                    int nbk = nc % span;
                    f->ent_idx[nent] = nb;
                    f->ent_next[nent] = f->bucket[nbk];
                    f->bucket[nbk] = nent++;
                    pending++;
                    waiting++;
                }
            }
        }
    }
}

void path_flood(const Game *g, PathField *f, int ui, int mp, bool zoc_stop, const uint8_t *enemy,
                const uint8_t *zoc, int *cost, int *prev)
{
    path_flood_to(g, f, ui, mp, zoc_stop, enemy, zoc, NULL, 0, cost, prev);
}

void path_flood_to(const Game *g, PathField *f, int ui, int mp, bool zoc_stop, const uint8_t *enemy,
                   const uint8_t *zoc, const int *goals, int ngoals, int *cost, int *prev)
{
    const Unit *u = &g->units[ui];
    fill_unreached(cost, f->n);
    if (prev)
        fill_unreached(prev, f->n);
    f->nreached = 0;
    HexOffset o = hex_to_offset(u->hex);
    if (o.col < 0 || o.row < 0 || o.col >= f->w || o.row >= f->h || u->status != UNIT_ON_MAP)
        return;
    int start = o.row * f->w + o.col;
    int mc = g->rules.types[u->type].move_class;
    const PathSteps *ps = field_steps(g, f, mc);
    const int *steps = ps->step;
    cost[start] = 0;
    f->reached[f->nreached++] = start;
    int toll = g->rules.zoc_leave_cost > 0 ? g->rules.zoc_leave_cost : 0;
    int span = ps->max + toll + 1;
    if (ps->min >= 1 && span <= 1024 && (f->bucket || f->nbucket == 0)) {
        if (span > f->nbucket) {
            int *nbk = realloc(f->bucket, sizeof(int) * (size_t)span);
            if (nbk) {
                f->bucket = nbk;
                f->nbucket = span;
            }
        }
        if (span <= f->nbucket) {
            flood_buckets(g, f, ui, start, ps, f->nbucket, mp, zoc_stop, enemy, zoc, goals, ngoals, cost, prev);
            return;
        }
    }
    flood_heap(g, f, ui, start, steps, mp, zoc_stop, enemy, zoc, goals, ngoals, cost, prev);
}
