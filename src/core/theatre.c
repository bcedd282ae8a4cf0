/* theatre.c - the theatre map (history.md 2.7-2.8): routes, columns on the
 * march, couriers, counter-sieges, news that travels late, and the
 * coalition contingents' worry for home. */
#include <stdio.h>
#include <string.h>
#include "effect.h"
#include "game.h"
#include "internal.h"

/* ---- lookups ---------------------------------------------------------- */

int siege_place_by_id(const Siege *s, const char *id)
{
    for (int i = 0; i < s->nplaces; i++)
        if (strcmp(s->places[i].id, id) == 0)
            return i;
    return -1;
}

int siege_column_by_id(const Siege *s, const char *id)
{
    for (int i = 0; i < s->ncolumns; i++)
        if (strcmp(s->columns[i].id, id) == 0)
            return i;
    return -1;
}

void siege_column_order(Column *col, int dest, int pace)
{
    col->pace = pace;
    col->dest = dest;
    col->by_via = false; /* a new order: straight for the new goal */
    if (dest >= 0 && col->state == COL_WAITING) {
        col->state = COL_MARCHING;
        col->next = -1;
    }
}

int siege_contingent_by_id(const Siege *s, const char *id)
{
    for (int i = 0; i < s->ncontingents; i++)
        if (strcmp(s->contingents[i].id, id) == 0)
            return i;
    return -1;
}

/* Dijkstra over the theatre graph; fills prev[] (may be NULL). */
static void theatre_paths(const Siege *s, int from, int *dist, int *prev)
{
    bool done[THEATRE_MAX_PLACES] = {false};
    for (int i = 0; i < s->nplaces; i++) {
        dist[i] = -1;
        if (prev)
            prev[i] = -1;
    }
    if (from < 0 || from >= s->nplaces)
        return;
    dist[from] = 0;
    for (;;) {
        int u = -1;
        for (int i = 0; i < s->nplaces; i++)
            if (!done[i] && dist[i] >= 0 && (u < 0 || dist[i] < dist[u]))
                u = i;
        if (u < 0)
            return;
        done[u] = true;
        for (int k = 0; k < s->nroutes; k++) {
            const Route *r = &s->routes[k];
            int v = r->a == u ? r->b : r->b == u ? r->a : -1;
            if (v < 0 || done[v])
                continue;
            if (dist[v] < 0 || dist[u] + r->km < dist[v]) {
                dist[v] = dist[u] + r->km;
                if (prev)
                    prev[v] = u;
            }
        }
    }
}

bool siege_place_enemy_of(const Siege *s, int p, int side)
{
    return p >= 0 && p < s->nplaces && s->places[p].owner >= 0 && s->places[p].owner != side;
}

int siege_route_km(const Siege *s, int from, int to)
{
    int dist[THEATRE_MAX_PLACES];
    theatre_paths(s, from, dist, NULL);
    return (to >= 0 && to < s->nplaces) ? dist[to] : -1;
}

/* The next place on the shortest way from `from` to `to`, or -1. */
static int next_hop(const Siege *s, int from, int to)
{
    int dist[THEATRE_MAX_PLACES], prev[THEATRE_MAX_PLACES];
    theatre_paths(s, from, dist, prev);
    if (to < 0 || to >= s->nplaces || dist[to] < 0 || to == from)
        return -1;
    int v = to;
    while (prev[v] != from)
        v = prev[v];
    return v;
}

static int leg_km(const Siege *s, int a, int b)
{
    for (int k = 0; k < s->nroutes; k++)
        if ((s->routes[k].a == a && s->routes[k].b == b) || (s->routes[k].a == b && s->routes[k].b == a))
            return s->routes[k].km;
    return -1;
}

/* Where the column marches now: the place it must pass first, or its
 * destination. */
static int column_goal(const Column *col)
{
    return col->by_via && col->via >= 0 ? col->via : col->dest;
}

int siege_column_eta(const Game *g, int c)
{
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    if (col->dest < 0 || col->state == COL_DONE)
        return -1;
    int goal = column_goal(col), km;
    if (col->next >= 0)
        km = col->km_left + (col->next == goal ? 0 : siege_route_km(s, col->next, goal));
    else
        km = siege_route_km(s, col->at, goal);
    if (km >= 0 && goal != col->dest) {
        int on = siege_route_km(s, goal, col->dest);
        km = on < 0 ? -1 : km + on;
    }
    if (km < 0)
        return -1;
    int per_turn = s->rules.pace_km[col->pace] * g->rules.days_per_turn;
    return per_turn > 0 ? (km + per_turn - 1) / per_turn : -1;
}

/* ---- the theatre ------------------------------------------------------- */

static void column_sets_out(Game *g, int c)
{
    Column *col = &g->siege.columns[c];
    col->state = COL_MARCHING;
    col->next = -1;
    siege_say(g, EV_THEATRE, col->side, "column %s sets out from %s for %s at a %s pace", col->name,
        g->siege.places[col->at].name, col->dest >= 0 ? g->siege.places[col->dest].name : "?",
        pace_name((Pace)col->pace));
    traits_column_sets_out(g, c);
}

static void couriers(Game *g)
{
    Siege *s = &g->siege;
    for (int i = 0; i < s->ncouriers; i++) {
        Courier *k = &s->couriers[i];
        if (!k->arrive_turn && k->depart_turn && k->depart_turn <= g->turn) {
            int km = k->km > 0 ? k->km : siege_route_km(s, k->from, k->to);
            int per_turn = k->km_per_day * g->rules.days_per_turn;
            k->arrive_turn = g->turn + (per_turn > 0 && km > 0 ? (km + per_turn - 1) / per_turn : 1);
            siege_say(g, EV_THEATRE, k->side, "courier %s rides for %s (%d km, due turn %d)", k->name,
                s->places[k->to].name, km, k->arrive_turn);
        }
        if (k->arrive_turn && !k->arrived && k->arrive_turn <= g->turn) {
            k->arrived = true;
            siege_say(g, EV_THEATRE, k->side, "courier %s reaches %s", k->name, s->places[k->to].name);
            /* A letter answered: the next courier in the chain sets out. */
            for (int j = 0; j < s->ncouriers; j++) {
                Courier *next = &s->couriers[j];
                if (j != i && next->after_courier == i && !next->depart_turn) {
                    next->depart_turn = g->turn;
                    int km = next->km > 0 ? next->km : siege_route_km(s, next->from, next->to);
                    int per_turn = next->km_per_day * g->rules.days_per_turn;
                    next->arrive_turn = g->turn + (per_turn > 0 && km > 0 ? (km + per_turn - 1) / per_turn : 1);
                    siege_say(g, EV_THEATRE, next->side, "courier %s rides for %s (%d km, due turn %d)", next->name,
                              s->places[next->to].name, km, next->arrive_turn);
                }
            }
            for (int c = 0; c < s->ncolumns; c++)
                if (s->columns[c].after_courier == i && s->columns[c].state == COL_WAITING)
                    column_sets_out(g, c);
        }
    }
}

/* A column reaching the town brings its units onto the battle map. */
static void column_reaches_town(Game *g, int c)
{
    Column *col = &g->siege.columns[c];
    col->state = COL_DONE;
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->column != c || u->status != UNIT_OFF_MAP)
            continue;
        char why[128];
        if (!effect_unit_arrives(g, i, u->arrive_hex, why, sizeof why)) {
            u->arrive_turn = g->turn + 1; /* waits on the road a turn */
            effect_message(g, u->side, why);
        }
    }
}

static void march(Game *g)
{
    Siege *s = &g->siege;
    for (int c = 0; c < s->ncolumns; c++) {
        Column *col = &s->columns[c];
        if (col->state == COL_WAITING && col->depart_turn && col->depart_turn <= g->turn && col->after_courier < 0)
            column_sets_out(g, c);
        if (col->state != COL_MARCHING || col->dest < 0)
            continue;
        int km = s->rules.pace_km[col->pace] * g->rules.days_per_turn;
        while (km > 0 && col->state == COL_MARCHING) {
            if (col->next < 0) {
                if (!col->by_via && col->at == col->dest)
                    break;
                int goal = column_goal(col);
                col->next = next_hop(s, col->at, goal);
                if (col->next < 0) {
                    siege_say(g, EV_THEATRE, col->side, "column %s finds no road to %s", col->name, s->places[goal].name);
                    col->state = COL_DONE;
                    break;
                }
                col->km_left = leg_km(s, col->at, col->next);
            }
            int step = km < col->km_left ? km : col->km_left;
            col->km_left -= step;
            km -= step;
            if (col->km_left > 0)
                break;
            col->at = col->next;
            col->next = -1;
            TheatrePlace *p = &s->places[col->at];
            int enemy = 1 - col->side;
            /* Passing near a contingent's home alarms it, late. */
            for (int k = 0; k < s->ncontingents; k++) {
                const Contingent *ct = &s->contingents[k];
                if (ct->side != enemy || ct->departed)
                    continue;
                for (int h = 0; h < 2; h++) {
                    int home = h ? (ct->has_also_home ? ct->also_home : -1) : ct->home;
                    if (home >= 0 && leg_km(s, col->at, home) > 0) {
                        char t[128];
                        snprintf(t, sizeof t, "enemy column near %s", s->places[home].name);
                        siege_post_news(g, enemy, home, s->rules.anxiety_near, t);
                    }
                }
            }
            /* The place it had to pass first: it goes on to its goal. */
            if (col->by_via && col->at == col->via) {
                col->by_via = false;
                if (col->at != col->dest) {
                    siege_say(g, EV_THEATRE, col->side, "column %s passes %s and goes on for %s", col->name, p->name,
                              s->places[col->dest].name);
                    continue;
                }
            }
            if (!col->by_via && col->at == col->dest) {
                if (p->map_place >= 0 && p->owner == col->side) {
                    siege_say(g, EV_ARRIVAL_NEWS, col->side, "arrival: column %s reaches %s", col->name, p->name);
                    column_reaches_town(g, c);
                } else if (siege_place_enemy_of(s, col->at, col->side)) {
                    col->state = COL_BESIEGING;
                    col->arrived_unannounced = !p->announced;
                    p->besieged_turns = 0;
                    siege_say(g, EV_COUNTER_SIEGE, col->side, "counter-siege: column %s lays siege to %s%s", col->name, p->name,
                        col->arrived_unannounced ? " by surprise" : "");
                    char t[128];
                    snprintf(t, sizeof t, "%s is besieged", p->name);
                    siege_post_news(g, enemy, col->at, s->rules.anxiety_besieged, t);
                } else {
                    col->state = COL_DONE;
                    siege_say(g, EV_THEATRE, col->side, "column %s halts at %s", col->name, p->name);
                }
            }
        }
        if (col->state == COL_MARCHING && col->pace == PACE_FORCED) {
            bool marcher = col->leader >= 0 && (g->leaders[col->leader].traits & TRAIT_FORCED_MARCHER);
            if (!marcher) {
                if (col->cohesion > 1)
                    col->cohesion--;
                col->attrition += col->sp * s->rules.forced_sp_pct;
                while (col->attrition >= 100 && col->sp > 1) {
                    col->attrition -= 100;
                    col->sp--;
                }
            }
        }
    }
}

/* Counter-siege [2.7]: d10 + SP/10 + leader >= resistance; a column that
 * came unannounced faces the surprise resistance; a ravaged countryside
 * lowers resistance each turn. */
static void counter_sieges(Game *g)
{
    Siege *s = &g->siege;
    for (int c = 0; c < s->ncolumns; c++) {
        Column *col = &s->columns[c];
        if (col->state != COL_BESIEGING)
            continue;
        TheatrePlace *p = &s->places[col->at];
        p->besieged_turns++;
        int res = p->resistance - p->ravage_per_turn * (p->besieged_turns - 1);
        if (col->arrived_unannounced && p->surprise_resistance > 0)
            res = p->surprise_resistance;
        /* A trench round the walls: it must be crossed first, a little
         * more of it each turn (not even a surprise spares it). */
        int moat = p->moat - (p->besieged_turns - 1);
        if (moat > 0)
            res += moat;
        int lead = col->leader >= 0 && g->leaders[col->leader].alive ? g->leaders[col->leader].command / 2 : 0;
        int roll = rng_roll(&g->rng, 10);
        int total = roll + col->sp / 10 + lead;
        col->arrived_unannounced = false;
        if (total >= res) {
            int was = p->owner;
            p->owner = col->side;
            col->state = COL_DONE;
            siege_say(g, EV_COUNTER_SIEGE, col->side, "counter-siege: %s falls to %s (roll %d + %d SP/10 + leader %d vs %d)",
                p->name, col->name, roll, col->sp, lead, res);
            if (was >= 0) {
                char t[128];
                snprintf(t, sizeof t, "%s has fallen", p->name);
                siege_post_news(g, was, col->at, s->rules.anxiety_fallen, t);
            }
        } else {
            siege_say(g, EV_COUNTER_SIEGE, col->side, "counter-siege: %s holds against %s (roll %d + %d vs %d)", p->name,
                col->name, roll, col->sp / 10 + lead, res);
        }
    }
}

static void deliver_news(Game *g)
{
    Siege *s = &g->siege;
    for (int i = 0; i < s->nnews; i++) {
        News *n = &s->news[i];
        if (n->due != g->turn)
            continue;
        SiegeSide *ss = &s->side[n->side];
        if (n->place >= 0 && n->level > ss->threat_known[n->place]) {
            ss->threat_known[n->place] = n->level;
            s->places[n->place].announced = true;
        }
        siege_say(g, EV_NEWS, n->side, "news reaches %s: %s", g->sides[n->side].name, n->text);
        if (n->level >= s->rules.anxiety_fallen)
            effect_morale(g, n->side, s->rules.home_fallen_morale, n->text);
    }
}

void siege_contingent_leaves(Game *g, int k, const char *how)
{
    Siege *s = &g->siege;
    Contingent *ct = &s->contingents[k];
    ct->departed = true;
    s->departures++;
    int sp = 0;
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->contingent == k && (u->status == UNIT_ON_MAP || u->status == UNIT_OFF_MAP)) {
            sp += u->sp;
            game_unit_set_status(g, i, UNIT_DEPARTED);
        }
    }
    siege_say(g, EV_DISPERSAL, ct->side, "dispersal: %s (%d SP) %s %s", ct->name, sp, how, s->places[ct->home].name);
}

/* Worry for home [2.8]: each contingent adds up what its side has heard of
 * threats to its home, plus one for every contingent already gone; it
 * leaves when d10 < anxiety - loyalty. */
int siege_contingent_worry(const Game *g, int k)
{
    const Siege *s = &g->siege;
    const Contingent *ct = &s->contingents[k];
    const SiegeSide *ss = &s->side[ct->side];
    int a = ss->threat_known[ct->home];
    if (ct->has_also_home && ss->threat_known[ct->also_home] > a)
        a = ss->threat_known[ct->also_home];
    bool unknown = false;
    for (int c = 0; c < s->ncolumns; c++)
        if (s->columns[c].side != ct->side && s->columns[c].hidden && s->columns[c].state == COL_MARCHING)
            unknown = true;
    if (unknown && a < s->rules.anxiety_unknown)
        a = s->rules.anxiety_unknown;
    return a + s->departures * s->rules.anxiety_departure;
}

int siege_desertion_ways(const Game *g, int k)
{
    int x = siege_contingent_worry(g, k) - g->siege.contingents[k].loyalty;
    return x <= 1 ? 0 : x > 11 ? 10 : x - 1; /* d10 < x */
}

static void dispersal(Game *g)
{
    Siege *s = &g->siege;
    for (int k = 0; k < s->ncontingents; k++) {
        Contingent *ct = &s->contingents[k];
        if (ct->departed)
            continue;
        int a = siege_contingent_worry(g, k);
        ct->anxiety = a;
        if (a - ct->loyalty <= 1)
            continue; /* a d10 cannot come under it */
        int roll = rng_roll(&g->rng, 10);
        if (roll < a - ct->loyalty) {
            siege_contingent_leaves(g, k, "leave the siege for");
            effect_morale(g, ct->side, s->rules.departure_morale, "a contingent deserts the siege");
        }
    }
}

void theatre_upkeep(Game *g)
{
    couriers(g);
    march(g);
    counter_sieges(g);
    deliver_news(g);
    dispersal(g);
}
