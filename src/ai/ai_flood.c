/* ai_flood.c - the AI's floods, remembered: a plan floods the same unit
 * from the same hex among the same enemies again and again (each attack
 * weighed, each approach, the threat map), so a flood's answer is kept
 * under everything path_flood reads and handed back while that holds.
 *
 * What a flood reads: the unit's hex, status, type and free contact break;
 * the MP asked, whether ZOC stops it, whether prev[] is wanted (which
 * decides the order of f->reached too); the fords; the gates, and the
 * enemy and ZOC grids, but only where the flood
 * reached or looked (a copy is kept with it and compared there, so a
 * unit moving far away does not spoil it); the terrain and the rules (a
 * change of either forgets everything, see ai_flood_forget). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "ai_internal.h"

/* The key's bytes, padding cleared so memcmp compares fields. The gates'
 * states are not in it: see still_holds. */
static void make_key(const AiPlayer *ai, int ui, int mp, bool zoc_stop, bool want_prev, AiFloodKey *k)
{
    const Game *g = ai->wk;
    const Unit *x = &g->units[ui];
    memset(k, 0, sizeof *k);
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
    for (int u = 0; u < MAX_UNITS; u++)
        ai->reach[u].valid = false;
    for (int e = 0; e < AI_FLOOD_KEEP; e++)
        ai->flood[e].used = 0;
    ai->grid_key_valid = false;
}

void ai_flood_free(AiPlayer *ai)
{
    for (int u = 0; u < MAX_UNITS; u++) {
        free(ai->reach[u].stand);
        ai->reach[u] = (AiReachHits){0};
    }
    free(ai->hitbuf);
    ai->hitbuf = NULL;
    for (int e = 0; e < AI_FLOOD_KEEP; e++) {
        free(ai->flood[e].cost);
        free(ai->flood[e].grids);
        ai->flood[e].cost = NULL;
        ai->flood[e].grids = NULL;
        ai->flood[e].used = 0;
    }
}

/* Could the flood kept in e have read hex i: i reached, or next to a hex
 * reached? (A flood reads zoc[] of the hexes it settles and enemy[] of
 * their neighbours, nothing else of the grids.) */
static bool in_reach(const AiPlayer *ai, const AiFloodEntry *e, int i)
{
    if (e->cost[i] >= 0)
        return true;
    const int *nb = ai->nb + i * HEX_DIRS;
    for (int d = 0; d < HEX_DIRS; d++)
        if (nb[d] >= 0 && e->cost[nb[d]] >= 0)
            return true;
    return false;
}

/* Does the flood kept in e still hold: do the grids now agree with those
 * it was made on wherever it could have read them? The same reads make
 * the same run, so the same costs, prev[] and reached list. */
static bool still_holds(const AiPlayer *ai, const AiFloodEntry *e)
{
    /* A gate opened or shut changes only the steps into and out of its
     * hex, which a flood that never came next to it did not take. */
    const Game *g = ai->wk;
    for (int k = 0; k < g->ngates && k < MAX_GATES; k++)
        if (g->gates[k].state != e->gate_state[k]) {
            int gi = ai_idx(ai, g->gates[k].hex);
            if (gi < 0 || in_reach(ai, e, gi))
                return false;
        }
    size_t n = e->hi, i = e->lo; /* the rows it reached, and one more each way */
    const uint8_t *ge = e->grids, *gz = e->grids + ai->n;
    for (; i + 8 <= n; i += 8) {
        uint64_t a, b, c, d;
        memcpy(&a, ai->enemy + i, 8);
        memcpy(&b, ge + i, 8);
        memcpy(&c, ai->zoc + i, 8);
        memcpy(&d, gz + i, 8);
        if (a == b && c == d)
            continue;
        for (size_t j = i; j < i + 8; j++)
            if ((ai->enemy[j] != ge[j] || ai->zoc[j] != gz[j]) && in_reach(ai, e, (int)j))
                return false;
    }
    for (; i < n; i++)
        if ((ai->enemy[i] != ge[i] || ai->zoc[i] != gz[i]) && in_reach(ai, e, (int)i))
            return false;
    return true;
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
    if (!ai->flood_keep) {
        path_flood(ai->wk, &ai->field, ui, mp, zoc_stop, ai->enemy, ai->zoc, cost, prev);
        return;
    }
    AiFloodKey k;
    make_key(ai, ui, mp, zoc_stop, prev != NULL, &k);
    uint64_t sum = key_sum(&k);
    ai->clock++;
    AiFloodEntry *old = NULL;
    bool stale = false;
    for (int i = 0; i < AI_FLOOD_KEEP; i++) {
        if (ai->flood_sum[i] != sum)
            continue;
        AiFloodEntry *e = &ai->flood[i];
        if (e->used && memcmp(&e->key, &k, sizeof k) == 0) {
            if (!still_holds(ai, e)) {
                old = e; /* the one flood kept for this key: made anew below */
                stale = true;
                break;
            }
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
    }
    for (int i = 0; i < AI_FLOOD_KEEP && !stale && (!old || old->used); i++) /* a free one, or the least recently used */
        if (!old || ai->flood[i].used < old->used)
            old = &ai->flood[i];
    path_flood(ai->wk, &ai->field, ui, mp, zoc_stop, ai->enemy, ai->zoc, cost, prev);
    if (!old->cost)
        old->cost = malloc(sizeof(int) * n * 3);
    if (!old->grids)
        old->grids = malloc(2 * n);
    if (!old->cost || !old->grids) {
        old->used = 0;
        return;
    }
    old->key = k;
    old->sum = sum;
    ai->flood_sum[old - ai->flood] = sum;
    old->used = ai->clock;
    memcpy(old->cost, cost, sizeof(int) * n);
    if (prev)
        memcpy(old->cost + n, prev, sizeof(int) * n);
    memcpy(old->cost + 2 * n, ai->field.reached, sizeof(int) * (size_t)ai->field.nreached);
    old->nreached = ai->field.nreached;
    for (int i = 0; i < ai->wk->ngates && i < MAX_GATES; i++)
        old->gate_state[i] = ai->wk->gates[i].state;
    int lo = ai->n, hi = 0;
    for (int r = 0; r < old->nreached; r++) {
        int i = ai->field.reached[r];
        lo = i < lo ? i : lo;
        hi = i > hi ? i : hi;
    }
    /* whole rows, one beyond each way: every neighbour of a reached hex */
    lo = lo >= ai->n ? 0 : (lo / ai->w - 1) * ai->w;
    hi = (hi / ai->w + 2) * ai->w;
    old->lo = (size_t)(lo < 0 ? 0 : lo);
    old->hi = (size_t)(hi > ai->n ? ai->n : hi);
    memcpy(old->grids, ai->enemy, n);
    memcpy(old->grids + n, ai->zoc, n);
}

int ai_reach_hits(AiPlayer *ai, int u, const int **out)
{
    const Game *g = ai->wk;
    const Unit *x = &g->units[u];
    int n = ai->n, *stand = ai->touched, nstand = 0;
    for (int r = 0; r < ai->field.nreached; r++) {
        int i = ai->field.reached[r];
        if (ai->friends[i] >= g->rules.stack_limit && !hex_eq(ai->hexof[i], x->hex))
            continue;
        stand[nstand++] = i;
    }
    AiReachHits *c = u >= 0 && u < MAX_UNITS && ai->flood_keep ? &ai->reach[u] : NULL;
    if (c && !c->stand && (c->stand = malloc(sizeof(int) * (size_t)n * 2)) != NULL)
        c->hit = c->stand + n;
    if (c && !c->stand)
        c = NULL;
    bool kept = c && c->valid && c->nstand == nstand && memcmp(c->stand, stand, sizeof(int) * (size_t)nstand) == 0;
    if (kept && !ai->flood_check) {
        *out = c->hit;
        return c->nhit;
    }
    /* Every hex next to one it can stand on, once. */
    if ((!c || kept) && !ai->hitbuf && !(ai->hitbuf = malloc(sizeof(int) * (size_t)n))) {
        *out = NULL;
        return 0;
    }
    int *mark = ai->prev, *hit = c && !kept ? c->hit : ai->hitbuf, nhit = 0;
    for (int k = 0; k < nstand; k++) {
        const int *nb = ai->nb + stand[k] * HEX_DIRS;
        for (int d = 0; d < HEX_DIRS; d++)
            if (nb[d] >= 0 && !mark[nb[d]]) {
                mark[nb[d]] = 1;
                hit[nhit++] = nb[d];
            }
    }
    for (int k = 0; k < nhit; k++)
        mark[hit[k]] = 0;
    if (kept) { /* checking: the kept list against the one just made */
        ai->stats.flood_kept++;
        if (nhit != c->nhit || memcmp(hit, c->hit, sizeof(int) * (size_t)nhit) != 0)
            ai->stats.flood_wrong++;
        *out = c->hit;
        return c->nhit;
    }
    if (c) {
        memcpy(c->stand, stand, sizeof(int) * (size_t)nstand);
        c->nstand = nstand;
        c->nhit = nhit;
        c->valid = true;
    }
    *out = hit;
    return nhit;
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
