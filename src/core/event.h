/* event.h - what happened, as the engine reports it.
 *
 * Applying a command appends events to the game's log. The window animates
 * them, scripts react to them, the headless run prints them; nobody infers
 * them by diffing state. */
#pragma once
#include <stddef.h>
#include "hex.h"

typedef enum EventType {
    EV_TURN_START,      /* a = turn */
    EV_PHASE,           /* side's part of the siege turn begins */
    EV_MOVE,            /* unit from -> to, a = MP spent (halves) */
    EV_BATTLE_START,    /* side started a battle; a = BattleKind */
    EV_IMPULSE,         /* a = impulse number, side to act */
    EV_COMBAT,          /* unit attacks hex to; a = column, b = d10, c = shifts */
    EV_LOSS,            /* unit loses a SP and b cohesion */
    EV_RETREAT,         /* unit from -> to */
    EV_ROUT,            /* unit routed (cohesion 0) */
    EV_ELIMINATED,      /* unit destroyed */
    EV_RALLY,           /* unit regains a cohesion */
    EV_LEADER_LOST,     /* a = leader index */
    EV_BATTLE_END,      /* a = impulses fought */
    EV_CAPTURE,         /* side takes place a */
    EV_MORALE,          /* side's army morale changes by a, now b */
    EV_MESSAGE,         /* scenario text for the log */
    EV_UNIT_ARRIVES,    /* unit placed on the map at to */
    EV_GAME_OVER,       /* side won (-1: draw); text = outcome */
    EV_GATE,            /* gate a changes to state b (GateState) */
    EV_WEATHER,         /* a = Weather, b = fords closed */
    EV_SUPPLY,          /* food: text says what */
    EV_THEATRE,         /* columns and couriers on the theatre map */
    EV_ARRIVAL_NEWS,    /* "arrival rumoured/confirmed/...": relief news */
    EV_COUNTER_SIEGE,   /* a column besieges or takes a place */
    EV_NEWS,            /* news reaches a side, late */
    EV_DISPERSAL,       /* a contingent goes home */
    EV_SURRENDER,       /* side (the town's) accepts terms a (Terms): score b vs target c */
    EV_ASSAULT_NEWS,    /* a gate opened from within */
    EV_ORDER,           /* a siege order: rations, alert, terms; c = EVENT_SECRET
                           when only its side knows it (alert, columns, answers) */
    EV_TERMS_REFUSED,   /* side (the town's) refuses terms a (Terms): score b (-1: not
                         * weighed), c = TermsRefusal */
    EV_WALL,            /* an enemy of the town's holder stands on a wall
                           section none of its side held; to = the hex */
    EV_COUNT
} EventType;

enum { EVENT_TEXT = 160, EVENT_SECRET = 1 };

typedef struct Event {
    EventType type;
    int turn, impulse;  /* impulse 0 outside battles */
    int side;           /* side concerned, or -1 */
    int unit;           /* unit index, or -1 */
    int unit2;          /* second unit (defender), or -1 */
    Hex from, to;
    int a, b, c;
    char text[EVENT_TEXT];
} Event;

typedef struct EventLog {
    Event *items;
    size_t n, cap;
} EventLog;

/* Stable lower-case word for the event type ("move", "combat", ...). */
const char *event_type_name(EventType t);
