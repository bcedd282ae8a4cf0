/* ai_flood.c - the AI's floods, remembered: a plan floods the same unit
 * from the same hex among the same enemies again and again (each attack
 * weighed, each approach, the threat map), so a flood's answer is kept
 * under everything path_flood reads and handed back while that holds.
 *
 * What a flood reads: the unit's hex, status, type and free contact break;
 * the MP asked, whether ZOC stops it, whether prev[] is wanted (which
 * decides the order of f->reached too); the enemy and ZOC grids (kept as
 * a few exact versions, see ai_grid_version); the gates and fords (as the
 * step tables are keyed); the terrain and the rules (a change of either
 * forgets everything, see ai_flood_forget). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "ai_internal.h"

/* The key's bytes, padding cleared so memcmp compares fields. */
static void make_key(const AiPlayer *ai, int ui, int mp, bool zoc_stop, bool want_prev, AiFloodKey *k)
{
    const Game *g = ai->wk;
    const Unit *x = &g->units[ui];
    memset(k, 0, sizeof *k);
    k->grids = ai->grid_serial;
    k->ui = ui;
    k->mp = mp;
    k->hex = x->hex;
    k->status = x->status;
    k->type = x->type;
    k->broke_contact = x->broke_contact;
    k->zoc_stop = zoc_stop;
    k->want_prev = want_prev;
    k->fords_closed = g->siege.fords_closed;
    k->ngates = g->ngates;
    for (int i = 0; i < g->ngates && i < MAX_GATES; i++) {
        k->gate_state[i] = g->gates[i].state;
        k->gate_hex[i] = g->gates[i].hex;
    }
}

static uint64_t key_sum(const AiFloodKey *k)
{
    uint64_t h = 0x9e3779b97f4a7c15u;
    const unsigned char *p = (const unsigned char *)k;
    /* the changing head of the key; the gates are compared on a match */
    size_t n = offsetof(AiFloodKey, fords_closed);
    for (size_t i = 0; i < n; i += 4) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        h = (h ^ w) * 0x100000001b3u;
    }
    return h;
}

void ai_flood_forget(AiPlayer *ai)
{
    for (int e = 0; e < AI_FLOOD_KEEP; e++)
        ai->flood[e].used = 0;
    for (int v = 0; v < AI_GRID_KEEP; v++)
        ai->gridv[v].serial = 0;
    ai->grid_serial = 0; /* no version: floods are not kept until ai_grid_version */
}

void ai_flood_free(AiPlayer *ai)
{
    for (int e = 0; e < AI_FLOOD_KEEP; e++) {
        free(ai->flood[e].cost);
        ai->flood[e].cost = NULL;
        ai->flood[e].used = 0;
    }
    for (int v = 0; v < AI_GRID_KEEP; v++) {
        free(ai->gridv[v].grid);
        ai->gridv[v].grid = NULL;
        ai->gridv[v].serial = 0;
    }
    ai->grid_serial = 0;
}

void ai_grid_version(AiPlayer *ai)
{
    size_t n = (size_t)ai->n;
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t a, b;
        memcpy(&a, ai->enemy + i, 8);
        memcpy(&b, ai->zoc + i, 8);
        h = (h ^ a ^ (b << 1 | b >> 63)) * 0x100000001b3u;
    }
    for (size_t i = n & ~(size_t)7; i < n; i++)
        h = (h ^ ai->enemy[i] ^ (uint64_t)ai->zoc[i] << 8) * 0x100000001b3u;
    ai->clock++;
    AiGridVersion *old = NULL;
    for (int v = 0; v < AI_GRID_KEEP; v++) {
        AiGridVersion *gv = &ai->gridv[v];
        if (gv->serial && gv->sum == h && memcmp(gv->grid, ai->enemy, n) == 0 && memcmp(gv->grid + n, ai->zoc, n) == 0) {
            gv->used = ai->clock;
            ai->grid_serial = gv->serial;
            return;
        }
        if (!old || !gv->serial || (old->serial && gv->used < old->used))
            old = gv;
    }
    if (!old->grid && !(old->grid = malloc(2 * n))) {
        ai->grid_serial = 0;
        return;
    }
    memcpy(old->grid, ai->enemy, n);
    memcpy(old->grid + n, ai->zoc, n);
    old->sum = h;
    old->used = ai->clock;
    old->serial = ++ai->serials;
    ai->grid_serial = old->serial;
}

/* Did the kept answer e equal a fresh flood? (ai_flood_check) */
static void check_entry(AiPlayer *ai, const AiFloodEntry *e, int ui, int mp, bool zoc_stop, int *cost, int *prev)
{
    int n = ai->n;
    int *c = malloc(sizeof(int) * (size_t)n * 2);
    if (!c)
        return;
    path_flood(ai->wk, &ai->field, ui, mp, zoc_stop, ai->enemy, ai->zoc, c, prev ? c + n : NULL);
    bool same = memcmp(c, cost, sizeof(int) * (size_t)n) == 0 && (!prev || memcmp(c + n, prev, sizeof(int) * (size_t)n) == 0) &&
                ai->field.nreached == e->nreached &&
                memcmp(ai->field.reached, e->cost + (size_t)n * 2, sizeof(int) * (size_t)e->nreached) == 0;
    if (!same)
        ai->stats.flood_wrong++;
    free(c);
}

void ai_flood(AiPlayer *ai, int ui, int mp, bool zoc_stop, int *cost, int *prev)
{
    ai_spend(ai, 4);
    size_t n = (size_t)ai->n;
    if (!ai->flood_keep || ai->grid_serial == 0) {
        path_flood(ai->wk, &ai->field, ui, mp, zoc_stop, ai->enemy, ai->zoc, cost, prev);
        return;
    }
    AiFloodKey k;
    make_key(ai, ui, mp, zoc_stop, prev != NULL, &k);
    uint64_t sum = key_sum(&k);
    ai->clock++;
    AiFloodEntry *old = NULL;
    for (int i = 0; i < AI_FLOOD_KEEP; i++) {
        AiFloodEntry *e = &ai->flood[i];
        if (e->used && e->sum == sum && memcmp(&e->key, &k, sizeof k) == 0) {
            e->used = ai->clock;
            memcpy(cost, e->cost, sizeof(int) * n);
            if (prev)
                memcpy(prev, e->cost + n, sizeof(int) * n);
            memcpy(ai->field.reached, e->cost + 2 * n, sizeof(int) * (size_t)e->nreached);
            ai->field.nreached = e->nreached;
            ai->stats.flood_kept++;
            if (ai->flood_check)
                check_entry(ai, e, ui, mp, zoc_stop, cost, prev);
            return;
        }
        if (!old || !e->used || (old->used && e->used < old->used))
            old = e;
    }
    path_flood(ai->wk, &ai->field, ui, mp, zoc_stop, ai->enemy, ai->zoc, cost, prev);
    if (!old->cost && !(old->cost = malloc(sizeof(int) * n * 3)))
        return;
    old->key = k;
    old->sum = sum;
    old->used = ai->clock;
    memcpy(old->cost, cost, sizeof(int) * n);
    if (prev)
        memcpy(old->cost + n, prev, sizeof(int) * n);
    memcpy(old->cost + 2 * n, ai->field.reached, sizeof(int) * (size_t)ai->field.nreached);
    old->nreached = ai->field.nreached;
}

void ai_flood_to(AiPlayer *ai, int ui, const int *goals, int ngoals, int *cost, int *prev)
{
    ai_spend(ai, 4);
    path_flood_to(ai->wk, &ai->field, ui, -1, false, ai->enemy, ai->zoc, goals, ngoals, cost, prev);
}

/* The goal hexes ai_flood_to needs to settle to name the cheapest of
 * `goal` (when free) or its neighbours: written to out, the count. */
int ai_goal_ring(const AiPlayer *ai, int goal, bool itself, int *out)
{
    int n = 0;
    if (itself)
        out[n++] = goal;
    else
        for (int d = 0; d < HEX_DIRS; d++)
            if (ai->nb[goal * HEX_DIRS + d] >= 0)
                out[n++] = ai->nb[goal * HEX_DIRS + d];
    return n;
}

void ai_set_flood_keep(AiPlayer *ai, bool keep, bool check)
{
    ai->flood_keep = keep;
    ai->flood_check = check;
    ai_flood_forget(ai);
}
