/* ai.c - the computer opponent: planning copy, grids, floods, dispatch. */
#include "ai.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "ai_internal.h"
#include "core/combat.h"
#include "core/path.h"

/* Evaluations per decision at each level: enough for the whole search on
 * the 40x30 maps; the budget only bites on much larger set-ups. */
static const long BUDGET[AI_LEVEL_MAX + 1] = {0, 4000, 12000, 40000};

AiPlayer *ai_new(int side, int level, uint64_t seed)
{
    AiPlayer *ai = calloc(1, sizeof *ai);
    if (!ai)
        return NULL;
    ai->side = side;
    ai->level = level < AI_LEVEL_MIN ? AI_LEVEL_MIN : level > AI_LEVEL_MAX ? AI_LEVEL_MAX : level;
    rng_seed(&ai->rng, seed, 0x41490000u + (uint64_t)side); /* "AI" + side: never the game's streams */
    ai->budget = BUDGET[ai->level];
    ai->plan_gate = ai->kept_rations = ai->open_sector = -1;
    ai->flood_keep = true;
    ai->wk = malloc(sizeof *ai->wk);
    ai->slots = malloc(sizeof *ai->slots * AI_SLOTS_MAX);
    if (!ai->wk || !ai->slots) {
        ai_free(ai);
        return NULL;
    }
    return ai;
}

static void free_map(AiPlayer *ai)
{
    free(ai->nb);
    free(ai->hexof);
    free(ai->ter);
    free(ai->enemy);
    free(ai->friends);
    free(ai->zoc);
    free(ai->threat);
    free(ai->threat_key);
    free(ai->touched);
    ai->threat_key = NULL;
    ai->touched = NULL;
    ai->grid_key_valid = false;
    ai->threat_valid = false;
    free(ai->mark);
    free(ai->cost);
    free(ai->cost2);
    free(ai->prev);
    path_field_free(&ai->field);
    ai_flood_free(ai);
    ai->nb = NULL;
    ai->n = 0;
}

void ai_free(AiPlayer *ai)
{
    if (!ai)
        return;
    free_map(ai);
    free(ai->wk);
    free(ai->wk_events);
    free(ai->slots);
    free(ai);
}

int ai_side(const AiPlayer *ai) { return ai->side; }
int ai_level(const AiPlayer *ai) { return ai->level; }
const AiStats *ai_stats(const AiPlayer *ai) { return &ai->stats; }
void ai_set_budget(AiPlayer *ai, long evals) { ai->budget = evals > 0 ? evals : BUDGET[ai->level]; }

bool ai_spend(AiPlayer *ai, long n)
{
    ai->spent += n;
    ai->stats.evals += n;
    if (ai->spent > ai->budget) {
        if (!ai->out_of_budget)
            ai->stats.budget_hits++;
        ai->out_of_budget = true;
        return false;
    }
    return true;
}

double ai_noise(AiPlayer *ai, double scale)
{
    if (scale <= 0)
        return 0;
    return ((double)rng_below(&ai->rng, 2001) - 1000.0) / 1000.0 * scale;
}

double ai_sp_worth(const Game *g, int u)
{
    const Unit *x = &g->units[u];
    int q = (x->quality >= 0 && x->quality < QUAL_COUNT) ? g->rules.quality_pct[x->quality] : 100;
    return g->rules.types[x->type].strength_pct * q / 10000.0;
}

/* ---- the map ---------------------------------------------------------- */


static bool map_setup(AiPlayer *ai, const Game *g)
{
    if (ai->nb && ai->w == g->map.width && ai->h == g->map.height) {
        /* ai->ter is the map's terrain by the same row-major index */
        if (memcmp(ai->ter, g->map.terrain, (size_t)ai->n) != 0) {
            ai->threat_valid = false; /* another map: the threat map is not its */
            ai->grid_key_valid = false;
            ai_flood_forget(ai);
            memcpy(ai->ter, g->map.terrain, (size_t)ai->n);
        }
        return path_field_sync(&ai->field, g);
    }
    free_map(ai);
    int w = g->map.width, h = g->map.height, n = w * h;
    if (n <= 0)
        return false;
    ai->w = w;
    ai->h = h;
    ai->n = n;
    size_t un = (size_t)n;
    ai->nb = malloc(sizeof(int) * un * HEX_DIRS);
    ai->hexof = malloc(sizeof(Hex) * un);
    ai->ter = malloc(un);
    ai->enemy = malloc(un);
    ai->friends = malloc(un);
    ai->zoc = malloc(un);
    ai->threat = malloc(sizeof(float) * un);
    ai->threat_key = calloc(MAX_UNITS + MAX_GATES + 1, sizeof(AiThreatKey));
    ai->touched = malloc(sizeof(int) * un);
    ai->mark = malloc(un);
    ai->cost = malloc(sizeof(int) * un);
    ai->cost2 = malloc(sizeof(int) * un);
    ai->prev = malloc(sizeof(int) * un);
    if (!ai->nb || !ai->hexof || !ai->ter || !ai->enemy || !ai->friends ||
        !ai->zoc || !ai->threat || !ai->threat_key || !ai->touched || !ai->mark || !ai->cost || !ai->cost2 || !ai->prev) {
        free_map(ai);
        return false;
    }
    for (int i = 0; i < n; i++) {
        ai->hexof[i] = hex_from_offset(i % w, i / w);
        ai->ter[i] = (uint8_t)map_terrain(&g->map, ai->hexof[i]);
    }
    for (int i = 0; i < n; i++)
        for (int d = 0; d < HEX_DIRS; d++)
            ai->nb[i * HEX_DIRS + d] = ai_idx(ai, hex_neighbor(ai->hexof[i], d));
    if (!path_field_sync(&ai->field, g)) {
        free_map(ai);
        return false;
    }
    return true;
}

/* ---- grids and floods ------------------------------------------------ */

/* Are the grids already those of side on ai->wk? Everything ai_grids
 * reads that changes in a game is in the key: the side asked, each unit's
 * status, side, hex and whether it has cohesion left (path_unit_zoc), the
 * gates; a new map or terrain forgets it (grid_key_valid). */
static bool grids_hold(AiPlayer *ai, int side)
{
    const Game *g = ai->wk;
    uint64_t key[MAX_UNITS + MAX_GATES + 1];
    int nk = 0;
    key[nk++] = (uint64_t)(uint32_t)side | (uint64_t)(uint32_t)g->nunits << 16 | (uint64_t)(uint32_t)g->ngates << 40;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        key[nk++] = (uint64_t)(uint8_t)x->status | (uint64_t)(uint8_t)x->side << 8 | (uint64_t)(x->cohesion > 0) << 16 |
                    (uint64_t)(uint16_t)x->hex.q << 24 | (uint64_t)(uint16_t)x->hex.r << 40;
    }
    for (int k = 0; k < g->ngates && k < MAX_GATES; k++)
        key[nk++] = (uint64_t)(uint32_t)g->gates[k].state | (uint64_t)(uint16_t)g->gates[k].hex.q << 32 |
                    (uint64_t)(uint16_t)g->gates[k].hex.r << 48;
    size_t bytes = sizeof key[0] * (size_t)nk;
    bool same = ai->grid_key_valid && ai->grid_nkey == nk && memcmp(ai->grid_key, key, bytes) == 0;
    if (!same) {
        memcpy(ai->grid_key, key, bytes);
        ai->grid_nkey = nk;
        ai->grid_key_valid = true;
    }
    return same;
}

void ai_grids(AiPlayer *ai, int side)
{
    const Game *g = ai->wk;
    if (grids_hold(ai, side))
        return;
    ai->grid_side = side;
    for (int i = 0; i < ai->n; i++)
        ai->enemy[i] = ai->friends[i] = ai->zoc[i] = 0;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP)
            continue;
        int i = ai_idx(ai, x->hex);
        if (i < 0)
            continue;
        if (x->side == side) {
            ai->friends[i]++;
            continue;
        }
        ai->enemy[i]++;
        if (x->cohesion <= 0)
            continue; /* routed: no zone (path_unit_zoc) */
        /* path_unit_zoc for a unit on the map and its neighbours: only a
         * wall or shut gate between them, where town meets country, stops it. */
        const uint8_t *ter = g->map.terrain; /* the copy's own, by the same index */
        bool town = terrain_is_town((Terrain)ter[i]);
        for (int d = 0; d < HEX_DIRS; d++) {
            int nb = ai->nb[i * HEX_DIRS + d];
            if (nb < 0 || ai->zoc[nb])
                continue;
            if (terrain_is_town((Terrain)ter[nb]) != town && path_wall_between(g, x->hex, ai->hexof[nb]))
                continue;
            ai->zoc[nb] = 1;
        }
    }
}

bool ai_visible_enemy_at(const AiPlayer *ai, int idx)
{
    const Game *g = ai->wk;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->status == UNIT_ON_MAP && x->side != ai->side && ai_idx(ai, x->hex) == idx &&
            game_unit_visible(g, u, ai->side))
            return true;
    }
    return false;
}

/* Stores entry k of the threat map's key; true if it was already so. */
static bool key_put(AiPlayer *ai, int k, AiThreatKey e)
{
    if (memcmp(&ai->threat_key[k], &e, sizeof e) == 0)
        return true;
    ai->threat_key[k] = e;
    return false;
}

/* Is ai->threat the map of ai->wk as it is now? Everything ai_threat
 * reads that can change during a game is in the key: each unit's status,
 * side, type, SP, cohesion, hex and free contact break, the gates, the
 * fords; and the rules. (A new map forgets it, see map_setup.) */
static bool threat_holds(AiPlayer *ai)
{
    const Game *g = ai->wk;
    bool same = ai->threat_valid && ai->threat_nkey == g->nunits + g->ngates + 1 &&
                memcmp(&ai->threat_rules, &g->rules, sizeof g->rules) == 0;
    ai->threat_rules = g->rules;
    int k = 0;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        AiThreatKey e = {x->status, x->side, x->type, x->sp, x->cohesion, x->broke_contact, x->hex};
        same = key_put(ai, k++, e) && same;
    }
    for (int i = 0; i < g->ngates && i < MAX_GATES; i++) {
        AiThreatKey e = {g->gates[i].state, -1, -1, 0, 0, 0, g->gates[i].hex};
        same = key_put(ai, k++, e) && same;
    }
    AiThreatKey e = {g->siege.fords_closed, g->nunits, g->ngates, 0, 0, 0, {0, 0}};
    same = key_put(ai, k++, e) && same;
    ai->threat_nkey = k;
    return same;
}

void ai_threat(AiPlayer *ai)
{
    Game *g = ai->wk;
    if (threat_holds(ai)) {
        /* The same floods again would find the same map: count them. */
        if (ai->threat_floods > 0)
            ai_spend(ai, 4L * ai->threat_floods);
        ai_grids(ai, ai->side);
        return;
    }
    ai->threat_valid = false;
    ai->threat_floods = 0;
    for (int i = 0; i < ai->n; i++)
        ai->threat[i] = 0;
    int enemy = 1 - ai->side;
    ai_grids(ai, enemy);
    for (int i = 0; i < ai->n; i++)
        ai->prev[i] = 0; /* ai_reach_hits's marks */
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side == ai->side || x->cohesion <= g->rules.shaken_at ||
            !game_unit_visible(g, u, ai->side))
            continue;
        /* A fresh impulse's worth of movement. */
        ai_flood(ai, u, g->rules.types[x->type].ma * 2, true, ai->cost2, NULL);
        ai->threat_floods++;
        float cv = (float)combat_unit_cv(g, u);
        /* Every hex next to one it can reach (and stand on): each gets cv
         * once from this unit. */
        const int *hit;
        int nhit = ai_reach_hits(ai, u, &hit);
        for (int k = 0; k < nhit; k++)
            ai->threat[hit[k]] += cv;
    }
    ai_grids(ai, ai->side);
    ai->threat_valid = true;
}

/* ---- the plan ------------------------------------------------------- */

bool ai_step(AiPlayer *ai, const Command *c)
{
    if (ai->nplan >= AI_PLAN_MAX)
        return false;
    uint64_t h = game_state_key(ai->wk);
    char why[256];
    if (!cmd_apply(ai->wk, c, why, sizeof why))
        return false;
    ai->plan[ai->nplan] = *c;
    ai->plan_hash[ai->nplan] = h;
    ai->nplan++;
    ai->wk->events.n = 0; /* the copy's log is scratch */
    ai_grids(ai, ai->side);
    return true;
}

/* Copies g into the planning game, keeping the copy's own event buffer. */
static void copy_game(AiPlayer *ai, const Game *g)
{
    Game *w = ai->wk;
    if (!ai->wk_copied || w->map.width != g->map.width || w->map.height != g->map.height || w->nunits > g->nunits ||
        g->map.height > MAP_MAX_H) {
        memcpy(w, g, sizeof *g);
        ai->wk_copied = true;
    } else {
        /* Over a copy of the same game: the units in play and the index's
         * rows of the map are all that can differ in the big arrays. */
        size_t units = offsetof(Game, units), rest = units + sizeof g->units, occ = offsetof(Game, occ);
        memcpy(w, g, units);
        memcpy(w->units, g->units, sizeof *g->units * (size_t)g->nunits);
        memcpy((char *)w + rest, (const char *)g + rest, occ - rest);
        for (int s = 0; s < MAX_SIDES; s++)
            memcpy(w->occ[s], g->occ[s], sizeof g->occ[s][0] * MAP_MAX_W * (size_t)g->map.height);
        size_t tail = occ + sizeof g->occ; /* anything after the index */
        memcpy((char *)w + tail, (const char *)g + tail, sizeof *g - tail);
    }
    ai->wk->events.items = ai->wk_events;
    ai->wk->events.cap = ai->wk_cap;
    ai->wk->events.n = 0;
}

static void keep_events(AiPlayer *ai)
{
    /* game_emit may have grown the copy's buffer */
    ai->wk_events = ai->wk->events.items;
    ai->wk_cap = ai->wk->events.cap;
}

static void build_plan(AiPlayer *ai, const Game *g)
{
    ai->nplan = ai->next = 0;
    ai->spent = 0;
    ai->out_of_budget = false;
    ai->stats.plans++;
    copy_game(ai, g);
    if (memcmp(&ai->flood_rules, &g->rules, sizeof g->rules) != 0) {
        ai->flood_rules = g->rules;
        ai_flood_forget(ai);
    }
    ai_grids(ai, ai->side);
    if (g->mode == MODE_SIEGE)
        ai_plan_siege(ai);
    else if (g->mode == MODE_BATTLE)
        ai_plan_battle(ai);
    keep_events(ai);
}

bool ai_next(AiPlayer *ai, const Game *g, Command *out)
{
    if (g->mode == MODE_OVER || g->active != ai->side || !g->map.terrain)
        return false;
    char why[256];
    if (!map_setup(ai, g)) {
        *out = cmd_end_part(g, ai->side);
        return true;
    }
    uint64_t h = game_state_key(g);
    for (int attempt = 0; attempt < 2; attempt++) {
        if (ai->next < ai->nplan && ai->plan_hash[ai->next] == h) {
            Command c = ai->plan[ai->next++];
            if (cmd_validate(g, &c, why, sizeof why)) {
                *out = c;
                ai->stats.decisions++;
                return true;
            }
        }
        build_plan(ai, g);
    }
    ai->nplan = ai->next = 0;
    *out = cmd_end_part(g, ai->side);
    ai->stats.decisions++;
    return true;
}

void ai_set_plan(AiPlayer *ai, AiPosture posture, int gate)
{
    if (gate < -1)
        gate = -1;
    if ((int)posture != ai->posture || gate != ai->plan_gate) {
        ai->posture = posture;
        ai->plan_gate = gate;
        ai->nplan = ai->next = 0; /* re-plan under the new posture */
    }
}

void ai_set_posture(AiPlayer *ai, AiPosture posture) { ai_set_plan(ai, posture, -1); }

void ai_keep_rations(AiPlayer *ai, int rations)
{
    if (rations < -1 || rations >= RATION_COUNT)
        rations = -1;
    if (rations != ai->kept_rations) {
        ai->kept_rations = rations;
        ai->nplan = ai->next = 0;
    }
}

int ai_kept_rations(const AiPlayer *ai) { return ai->kept_rations; }
int ai_plan_gate(const AiPlayer *ai) { return ai->plan_gate; }

AiPosture ai_posture(const AiPlayer *ai) { return (AiPosture)ai->posture; }


int ai_town_place(const AiPlayer *ai)
{
    const Game *g = ai->wk;
    if (g->town_place >= 0 && g->town_place < g->map.nplaces)
        return ai_idx(ai, g->map.places[g->town_place].hex);
    for (int p = 0; p < g->map.nplaces; p++) {
        int i = ai_idx(ai, g->map.places[p].hex);
        if (ai_is_town(ai, i))
            return i;
    }
    return -1;
}
