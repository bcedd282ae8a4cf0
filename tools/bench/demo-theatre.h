/* demo-theatre.h - a hand-built theatre for the 638 game (until the
 * scenario file fills one): places from Emesa to Kufa with roads, columns
 * marching, one besieging Hit, a courier, the coalition's contingents and
 * a rumoured relief. Shared by tests/check-ui.c and bench-window's
 * screenshots; side 0 holds the town, side 1 besieges it. Only ever used
 * on a game the caller owns, the way tests/check-siege.c sets siege data
 * by hand. */
#pragma once
#include <stdio.h>
#include <string.h>
#include "core/game.h"

static int demo_place(Game *g, const char *id, const char *name, int owner, double lon, double lat, int map_place)
{
    Siege *s = &g->siege;
    TheatrePlace *p = &s->places[s->nplaces];
    memset(p, 0, sizeof *p);
    snprintf(p->id, sizeof p->id, "%s", id);
    snprintf(p->name, sizeof p->name, "%s", name);
    p->owner = p->start_owner = owner;
    p->resistance = 8;
    p->map_place = map_place;
    p->x = (int)((lon - 36.0) * 90);
    p->y = (int)((37.0 - lat) * 110);
    return s->nplaces++;
}

static void demo_route(Game *g, int a, int b, int km)
{
    Siege *s = &g->siege;
    s->routes[s->nroutes++] = (Route){ a, b, km };
}

static int demo_column(Game *g, const char *id, const char *name, int side, int sp, int at)
{
    Siege *s = &g->siege;
    Column *c = &s->columns[s->ncolumns];
    memset(c, 0, sizeof *c);
    snprintf(c->id, sizeof c->id, "%s", id);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->side = side;
    c->sp = sp;
    c->cohesion = 8;
    c->leader = -1;
    c->at = at;
    c->next = c->dest = -1;
    c->after_courier = -1;
    c->state = COL_WAITING;
    return s->ncolumns++;
}

static void demo_theatre(Game *g)
{
    Siege *s = &g->siege;
    s->nplaces = s->nroutes = s->ncolumns = s->ncontingents = s->ncouriers = 0;
    int emesa = demo_place(g, "emesa", "Emesa", 0, 36.72, 34.73, g->town_place >= 0 ? g->town_place : 0);
    int damascus = demo_place(g, "damascus", "Damascus", 0, 36.29, 33.51, -1);
    int aleppo = demo_place(g, "qinnasrin", "Qinnasrin", 0, 37.0, 35.95, -1);
    int palmyra = demo_place(g, "tadmur", "Tadmur", 0, 38.27, 34.56, -1);
    int raqqa = demo_place(g, "raqqa", "Raqqa", 1, 39.01, 35.95, -1);
    int circ = demo_place(g, "circesium", "Circesium", 1, 40.45, 35.17, -1);
    int anah = demo_place(g, "anah", "Anah", 1, 41.95, 34.47, -1);
    int hit = demo_place(g, "hit", "Hit", 1, 42.83, 33.64, -1);
    int kufa = demo_place(g, "kufa", "Kufa", 0, 44.4, 32.03, -1);
    demo_route(g, emesa, damascus, 160);
    demo_route(g, emesa, aleppo, 190);
    demo_route(g, emesa, palmyra, 155);
    demo_route(g, aleppo, raqqa, 190);
    demo_route(g, palmyra, raqqa, 210);
    demo_route(g, raqqa, circ, 170);
    demo_route(g, circ, anah, 190);
    demo_route(g, anah, hit, 150);
    demo_route(g, hit, kufa, 280);
    demo_route(g, palmyra, hit, 420);
    /* Al-Qa'qa' rides from Kufa for Emesa by Hit and Tadmur. */
    int q = demo_column(g, "qaqa", "al-Qa'qa'", 0, 8, hit);
    s->columns[q].state = COL_MARCHING;
    s->columns[q].next = palmyra;
    s->columns[q].dest = emesa;
    s->columns[q].km_left = 250;
    s->columns[q].pace = PACE_MOUNTED;
    /* Suhail besieges Hit; a third column waits at Kufa for orders. */
    int su = demo_column(g, "suhail", "Suhail", 0, 6, hit);
    s->columns[su].state = COL_BESIEGING;
    s->places[hit].besieged_turns = 2;
    int ab = demo_column(g, "abdallah", "Abdallah", 0, 5, kufa);
    (void)ab;
    /* A coalition raiding column with a secret goal. */
    int cr = demo_column(g, "raid", "Namir raiders", 1, 3, raqqa);
    s->columns[cr].state = COL_MARCHING;
    s->columns[cr].next = aleppo;
    s->columns[cr].dest = aleppo;
    s->columns[cr].km_left = 120;
    s->columns[cr].hidden = true;
    /* Circesium has fallen to a column that is done. */
    int wl = demo_column(g, "walid", "al-Walid", 0, 4, circ);
    s->columns[wl].state = COL_DONE;
    s->places[circ].owner = 0;
    /* The letter to the caliph. */
    Courier *k = &s->couriers[s->ncouriers++];
    memset(k, 0, sizeof *k);
    snprintf(k->id, sizeof k->id, "letter");
    snprintf(k->name, sizeof k->name, "Abu Ubaidah's letter");
    k->side = 0;
    k->from = emesa;
    k->to = kufa;
    k->km = 700;
    k->km_per_day = 100;
    k->depart_turn = g->turn;
    k->arrive_turn = g->turn + 2;
    static const char *const cn[][2] = { { "rabia", "Rabi'a" }, { "tanukh", "Tanukh" }, { "iyad", "Iyad" }, { "hitarabs", "Arabs of Hit" } };
    int homes[4] = { raqqa, raqqa, circ, hit };
    int anx[4] = { 2, 0, 5, 7 };
    for (int i = 0; i < 4; i++) {
        Contingent *c = &s->contingents[s->ncontingents++];
        memset(c, 0, sizeof *c);
        snprintf(c->id, sizeof c->id, "%s", cn[i][0]);
        snprintf(c->name, sizeof c->name, "%s", cn[i][1]);
        c->side = 1;
        c->home = homes[i];
        c->loyalty = i == 1 ? 4 : 2;
        c->anxiety = anx[i];
        c->departed = i == 2;
    }
    s->side[1].threat_known[hit] = s->rules.anxiety_besieged;
    s->side[1].threat_known[circ] = s->rules.anxiety_fallen;
    s->side[1].threat_known[raqqa] = s->rules.anxiety_near;
    /* Food, weather and the townspeople. */
    s->side[0].food = 58;
    s->side[0].rations = RATION_FULL;
    s->side[1].forages = true;
    s->weather = WX_RAIN;
    s->fords_closed = true;
    s->civic_will = 6;
    /* A second relief: the caliph's men, rumoured and confirmed. */
    for (int u = 0; u < g->nunits; u++)
        if (g->units[u].status == UNIT_OFF_MAP && g->units[u].side == 0) {
            g->units[u].rumour_turn = g->turn;
            g->units[u].confirm_turn = g->turn + 4;
        }
}
