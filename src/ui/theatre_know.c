/* theatre_know.c - what a side knows of the theatre: columns whose goal
 * is secret, places threatened, besieged or fallen as its news tells it,
 * who may give orders, roads and arrival turns, and the words for a
 * column's state. */
#include <stdio.h>
#include <string.h>
#include "ui/theatre_int.h"
#include "i18n.h"

static const Game *G(const UiApp *a)
{
    return uiapp_game(a);
}

/* ---- knowledge --------------------------------------------------------- */

bool th_column_known(const Game *g, int viewer, int c)
{
    const Column *col = &g->siege.columns[c];
    return viewer < 0 || col->side == viewer || !col->hidden || col->state == COL_BESIEGING ||
           col->state == COL_DONE;
}

/* The side that may give orders in the theatre now, or -1. */
int th_orders_side(const UiApp *a)
{
    const Game *g = G(a);
    if (!g || g->mode != MODE_SIEGE || !ui_is_human(a, g->active))
        return -1;
    return g->active;
}

bool th_column_orderable(const Game *g, int side, int c)
{
    const Column *col = &g->siege.columns[c];
    return side >= 0 && col->side == side &&
           (col->state == COL_MARCHING || (col->state == COL_WAITING && col->after_courier < 0));
}


/* What viewer knows of place i: a place of its own by the news it has had,
 * any other by what its columns see. */
int th_place_state(const Game *g, int viewer, int i)
{
    const Siege *s = &g->siege;
    const TheatrePlace *pl = &s->places[i];
    int truth = PS_NONE;
    for (int c = 0; c < s->ncolumns; c++) {
        const Column *col = &s->columns[c];
        if (!th_column_known(g, viewer, c))
            continue;
        if (col->state == COL_BESIEGING && col->at == i)
            truth = PS_BESIEGED;
        else if (col->state == COL_MARCHING && col->dest == i && col->side != pl->owner && truth < PS_THREAT)
            truth = PS_THREAT;
    }
    if (pl->owner != pl->start_owner)
        truth = PS_FALLEN;
    if (viewer >= 0 && pl->start_owner == viewer) {
        const SiegeRules *r = &s->rules;
        int k = s->side[viewer].threat_known[i];
        int known = k >= r->anxiety_fallen && r->anxiety_fallen > 0     ? PS_FALLEN
                    : k >= r->anxiety_besieged && r->anxiety_besieged > 0 ? PS_BESIEGED
                    : k >= r->anxiety_near && k > 0                       ? PS_THREAT
                                                                          : PS_NONE;
        /* Its own columns' doings it knows at once. */
        return known > truth || pl->owner == viewer ? known : truth;
    }
    return truth;
}

/* The neighbour of u on a shortest road to dest, -1 if none. */
int th_next_hop(const Siege *s, int u, int dest)
{
    int total = siege_route_km(s, u, dest);
    if (total < 0 || u == dest)
        return -1;
    for (int i = 0; i < s->nroutes; i++) {
        const Route *r = &s->routes[i];
        int w = r->a == u ? r->b : r->b == u ? r->a : -1;
        if (w < 0)
            continue;
        int rest = w == dest ? 0 : siege_route_km(s, w, dest);
        if (rest >= 0 && r->km + rest == total)
            return w;
    }
    return -1;
}

int ui_column_eta_to(const Game *g, int c, int dest, int pace)
{
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    int km;
    if (col->next >= 0) {
        int r = col->next == dest ? 0 : siege_route_km(s, col->next, dest);
        if (r < 0)
            return -1;
        km = col->km_left + r;
    } else {
        if (col->at == dest)
            return 0;
        km = siege_route_km(s, col->at, dest);
        if (km < 0)
            return -1;
    }
    int per = s->rules.pace_km[pace] * g->rules.days_per_turn;
    if (per <= 0)
        return -1;
    return (km + per - 1) / per;
}

const char *th_state_word(const Game *g, int c)
{
    const Column *col = &g->siege.columns[c];
    switch (col->state) {
    case COL_WAITING: return _("waiting");
    case COL_MARCHING: return col->pace == PACE_FORCED ? "forced march" : col->pace == PACE_MOUNTED ? "riding" : "marching";
    case COL_BESIEGING: return _("besieging");
    default: return _("arrived");
    }
}

/* The turn at whose end (the theatre step) a waiting column sets out by
 * itself, by the scenario's order (its depart_turn, or its courier's
 * arrival once the courier rides);
 * 0 when its courier has not yet set out; -1 when it waits for orders. */
int th_column_self_turn(const Game *g, int c)
{
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    if (col->state != COL_WAITING || col->held)
        return -1;
    if (col->after_courier >= 0 && col->after_courier < s->ncouriers) {
        const Courier *k = &s->couriers[col->after_courier];
        return k->arrived ? g->turn : k->arrive_turn > 0 ? k->arrive_turn : 0;
    }
    return col->depart_turn > 0 ? col->depart_turn : -1;
}

/* One line on a column: where it is and where it goes. */
void th_column_line(const Game *g, int viewer, int c, char *b, size_t n)
{
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    const char *at = s->places[col->at].name;
    bool own = viewer < 0 || col->side == viewer;
    switch (col->state) {
    case COL_WAITING:
        if (col->after_courier >= 0 && th_column_self_turn(g, c) > 0)
            snprintf(b, n, _("at %s; sets out by itself at the end of turn %d, when the courier \"%s\" comes (the scenario's order)"), at,
                     th_column_self_turn(g, c), s->couriers[col->after_courier].name);
        else if (col->after_courier >= 0)
            snprintf(b, n, _("at %s; sets out by itself when the courier \"%s\" comes (the scenario's order)"), at,
                     s->couriers[col->after_courier].name);
        else if (col->depart_turn > 0 && !col->held)
            snprintf(b, n, _("at %s; sets out by itself at the end of turn %d (the scenario's order)"), at, col->depart_turn);
        else
            snprintf(b, n, _("at %s, waiting for orders"), at);
        break;
    case COL_MARCHING: {
        int eta = col->dest >= 0 ? siege_column_eta(g, c) : -1;
        if (col->dest < 0 || (!own && col->hidden))
            snprintf(b, n, _("near %s, goal unknown"), col->next >= 0 ? s->places[col->next].name : at);
        else if (eta >= 0) {
            int km = col->next >= 0 ? col->km_left + (col->next == col->dest ? 0 : siege_route_km(s, col->next, col->dest))
                                    : siege_route_km(s, col->at, col->dest);
            char via[80] = "";
            if (col->next >= 0 && col->next != col->dest)
                snprintf(via, sizeof via, _(" by %s"), s->places[col->next].name);
            snprintf(b, n, _("\xE2\x86\x92 %s%s \xC2\xB7 %s \xC2\xB7 %d km \xC2\xB7 due turn %d"), s->places[col->dest].name, via,
                     pace_name((Pace)col->pace), km, g->turn + eta);
        }
        else
            snprintf(b, n, _("bound for %s, %s pace"), s->places[col->dest].name, pace_name((Pace)col->pace));
        break;
    }
    case COL_BESIEGING:
        snprintf(b, n, _("besieging %s for %d turn%s%s"), at, s->places[col->at].besieged_turns,
                 s->places[col->at].besieged_turns == 1 ? "" : "s", col->arrived_unannounced ? _(", came by surprise") : "");
        break;
    default:
        snprintf(b, n, _("at %s, its march done"), at);
        break;
    }
}

