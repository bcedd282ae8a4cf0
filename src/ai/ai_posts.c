/* ai_posts.c - where the units stand in a siege turn: the garrison's
 * posts on the walls and its men outside coming in, the besiegers' posts
 * in each gate's sector (the blockade), and a field force closing on the
 * enemy. Split from ai_siege.c, which calls these after its orders and its
 * choice of an opening attack. */
#include "ai_internal.h"
#include "core/combat.h"

int ai_side_cv(const Game *g, int side, bool in_town_only)
{
    int cv = 0;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->status == UNIT_ON_MAP && x->side == side &&
            (!in_town_only || terrain_is_town(map_terrain(&g->map, x->hex))))
            cv += combat_unit_cv(g, u);
    }
    return cv;
}

/* ---- positions ------------------------------------------------------ */

static bool touches_town(const AiPlayer *ai, int i)
{
    for (int d = 0; d < HEX_DIRS; d++) {
        int nb = ai->nb[i * HEX_DIRS + d];
        if (nb >= 0 && ai_is_town(ai, nb))
            return true;
    }
    return false;
}

static bool movable(const AiPlayer *ai, int u, const bool *reserved)
{
    const Unit *x = &ai->wk->units[u];
    return x->status == UNIT_ON_MAP && x->side == ai->side && x->mp > 0 && !x->attacked && !reserved[u];
}

/* Into the town through a gate, if unit u can get there this phase. */
static bool enter_town(AiPlayer *ai, int u)
{
    Game *g = ai->wk;
    for (int k = 0; k < g->ngates; k++) {
        Gate *gt = &g->gates[k];
        if (game_enemy_at(g, gt->hex, ai->side))
            continue;
        int was = gt->state;
        if (was == GATE_SHUT)
            gt->state = GATE_OPEN;
        ai_grids(ai, ai->side);
        ai_flood(ai, u, g->units[u].mp, true, ai->cost, NULL);
        gt->state = was;
        int best = -1;
        for (int i = 0; i < ai->n; i++)
            if (ai->cost[i] >= 0 && ai_is_town(ai, i) && ai->friends[i] < g->rules.stack_limit &&
                (best < 0 || (!touches_town(ai, i) && touches_town(ai, best)) || ai->cost[i] < ai->cost[best]))
                best = i;
        ai_grids(ai, ai->side);
        if (best < 0)
            continue;
        if (was == GATE_SHUT) {
            Command c = {.type = CMD_OPEN_GATE, .side = ai->side, .units = {-1, -1, -1, -1}, .arg = k};
            if (!ai_step(ai, &c))
                continue;
        }
        Command m = cmd_move(ai->side, u, ai->hexof[best]);
        if (ai_step(ai, &m))
            return true;
    }
    return false;
}

void ai_garrison_posts(AiPlayer *ai, const bool *reserved)
{
    Game *g = ai->wk;
    int place = ai_town_place(ai);
    /* Someone always stands on the town's heart. */
    if (place >= 0 && !ai->friends[place]) {
        int best = -1;
        for (int u = 0; u < g->nunits; u++) {
            if (!movable(ai, u, reserved) || !ai_is_town(ai, ai_idx(ai, g->units[u].hex)))
                continue;
            if (best < 0 || combat_unit_cv(g, u) > combat_unit_cv(g, best))
                best = u;
        }
        if (best >= 0)
            ai_move_toward(ai, best, place, NULL);
    }
    ai_threat(ai);
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        if (!movable(ai, u, reserved))
            continue;
        const Unit *x = &g->units[u];
        int here = ai_idx(ai, x->hex);
        if (ai_is_town(ai, here)) {
            /* Off a wall the enemy could storm at good odds. */
            if (ai->level >= 2 && touches_town(ai, here) && ai->threat[here] > 0) {
                bool outside = false;
                for (int d = 0; d < HEX_DIRS; d++) {
                    int nb = ai->nb[here * HEX_DIRS + d];
                    outside |= nb >= 0 && !ai_is_town(ai, nb);
                }
                double ratio = ai->threat[here] / (combat_unit_cv(g, u) + 1);
                if (outside && ratio >= (ai->level >= 3 ? 4.0 : 6.0))
                    ai_withdraw(ai, u);
            }
            continue;
        }
        /* Outside: come in if possible, else keep out of reach. */
        if (enter_town(ai, u))
            continue;
        if (place >= 0 && ai->threat[here] / (combat_unit_cv(g, u) + 1) > 1.0)
            ai_withdraw(ai, u);
        else if (place >= 0 && hex_distance(x->hex, ai->hexof[place]) > 6)
            ai_move_toward(ai, u, place, NULL);
    }
}

enum { MAX_POSTS = 512 };

void ai_blockade(AiPlayer *ai, const bool *reserved)
{
    Game *g = ai->wk;
    int place = ai_town_place(ai);
    int ng = g->ngates;
    /* A gate open to us, or our men already inside: make for the heart. */
    bool way_in = false;
    for (int k = 0; k < ng; k++)
        if (g->gates[k].state != GATE_SHUT && !game_enemy_at(g, g->gates[k].hex, ai->side))
            way_in = true;
    for (int u = 0; u < g->nunits; u++)
        if (g->units[u].status == UNIT_ON_MAP && g->units[u].side == ai->side &&
            ai_is_town(ai, ai_idx(ai, g->units[u].hex)))
            way_in = true;
    if (way_in && place >= 0 && ai_may_storm(ai)) { /* under a plan to wait or pursue, the lines are kept */
        for (int u = 0; u < g->nunits; u++) {
            if (!movable(ai, u, reserved) || g->units[u].cohesion <= g->rules.shaken_at)
                continue;
            if (hex_distance(g->units[u].hex, ai->hexof[place]) <= 12)
                ai_move_toward(ai, u, place, NULL);
        }
    }
    if (ng == 0)
        return;
    /* Posts in each gate's sector, out of reach of a stroke from the walls,
     * in the tents of a camp where there is one. */
    static const int R_MIN = 2;
    int rmax = g->siege.rules.sector_radius > R_MIN ? g->siege.rules.sector_radius : R_MIN;
    int posts[MAX_POSTS], post_gate[MAX_POSTS], np = 0;
    double post_score[MAX_POSTS];
    for (int i = 0; i < ai->n && np < MAX_POSTS; i++) {
        if (ai_is_town(ai, i) || g->rules.move_cost[ai->ter[i]][MOVE_FOOT] < 0 || ai->enemy[i])
            continue;
        if (ai->level >= 2 && touches_town(ai, i))
            continue;
        int k = siege_sector_of(g, ai->hexof[i]);
        if (k < 0)
            continue;
        int d = hex_distance(ai->hexof[i], g->gates[k].hex);
        if (d < R_MIN || d > rmax)
            continue;
        double sc = -0.2 * d;
        if (ai->level >= 2) {
            sc += g->rules.defence_shift[ai->ter[i]] * 0.8;
            if (siege_in_camp(g, ai->side, ai->hexof[i]))
                sc += 2;
        }
        posts[np] = i;
        post_gate[np] = k;
        post_score[np] = sc;
        np++;
    }
    if (np == 0)
        return;
    /* How much each gate needs: more where the garrison gathers. */
    double weight[MAX_GATES], assigned[MAX_GATES];
    double garrison = ai_side_cv(g, g->town_side, false) + 1;
    for (int k = 0; k < ng && k < MAX_GATES; k++) {
        double near = 0;
        for (int u = 0; u < g->nunits; u++) {
            const Unit *x = &g->units[u];
            if (x->status == UNIT_ON_MAP && x->side == g->town_side && hex_distance(x->hex, g->gates[k].hex) <= 3)
                near += combat_unit_cv(g, u);
        }
        weight[k] = 1.0 + (ai->level >= 2 ? 2.0 * near / garrison : 0);
        assigned[k] = 0;
    }
    uint8_t *used = ai->mark;
    int order_u[MAX_UNITS], nu = 0;
    for (int u = 0; u < g->nunits; u++)
        if (g->units[u].status == UNIT_ON_MAP && g->units[u].side == ai->side &&
            !ai_is_town(ai, ai_idx(ai, g->units[u].hex)))
            order_u[nu++] = u;
    /* Strongest first (insertion sort keeps it stable). */
    for (int i = 1; i < nu; i++) {
        int v = order_u[i], j = i;
        while (j > 0 && combat_unit_cv(g, order_u[j - 1]) < combat_unit_cv(g, v)) {
            order_u[j] = order_u[j - 1];
            j--;
        }
        order_u[j] = v;
    }
    int dest[MAX_UNITS], gate_of[MAX_UNITS];
    for (int i = 0; i < ai->n; i++)
        used[i] = 0;
    for (int u = 0; u < g->nunits; u++)
        if (reserved[u] && g->units[u].status == UNIT_ON_MAP)
            used[ai_idx(ai, g->units[u].hex)]++;
    /* Each unit keeps its sector; those without one go where the load is
     * lightest; then the heaviest sector gives units to the lightest while
     * that evens things out (no marching about for nothing). */
    for (int j = 0; j < nu; j++) {
        int u = order_u[j];
        gate_of[j] = reserved[u] ? -2 : siege_sector_of(g, g->units[u].hex);
        if (gate_of[j] >= MAX_GATES)
            gate_of[j] = -1;
        if (gate_of[j] >= 0)
            assigned[gate_of[j]] += combat_unit_cv(g, u);
    }
    for (int j = 0; j < nu; j++) {
        if (gate_of[j] != -1)
            continue;
        int bk = 0;
        for (int k = 1; k < ng && k < MAX_GATES; k++)
            if (assigned[k] / weight[k] < assigned[bk] / weight[bk])
                bk = k;
        gate_of[j] = bk;
        assigned[bk] += combat_unit_cv(g, order_u[j]);
    }
    for (int pass = 0; pass < nu && ng > 1; pass++) {
        int hi = 0, lo = 0;
        for (int k = 1; k < ng && k < MAX_GATES; k++) {
            if (assigned[k] / weight[k] > assigned[hi] / weight[hi])
                hi = k;
            if (assigned[k] / weight[k] < assigned[lo] / weight[lo])
                lo = k;
        }
        /* The smallest unit of the heaviest sector that improves the balance. */
        int pick = -1;
        double before = assigned[hi] / weight[hi] - assigned[lo] / weight[lo];
        for (int j = nu - 1; j >= 0; j--) {
            if (gate_of[j] != hi)
                continue;
            double cv = combat_unit_cv(g, order_u[j]);
            double after = (assigned[hi] - cv) / weight[hi] - (assigned[lo] + cv) / weight[lo];
            if (after < 0)
                after = -after;
            if (after < before * (ai->level >= 2 ? 0.6 : 0.9)) {
                pick = j;
                break;
            }
        }
        if (pick < 0)
            break;
        double cv = combat_unit_cv(g, order_u[pick]);
        assigned[hi] -= cv;
        assigned[lo] += cv;
        gate_of[pick] = lo;
    }
    for (int j = 0; j < nu; j++) {
        int u = order_u[j];
        const Unit *x = &g->units[u];
        dest[j] = -1;
        if (gate_of[j] < 0)
            continue;
        int here = ai_idx(ai, x->hex);
        int bk = gate_of[j];
        int stay = -1, best = -1;
        double bs = -1e9;
        for (int p = 0; p < np; p++) {
            if (post_gate[p] != bk || used[posts[p]] >= g->rules.stack_limit)
                continue;
            if (posts[p] == here)
                stay = p;
            double s = post_score[p] - 0.15 * hex_distance(x->hex, ai->hexof[posts[p]]);
            if (s > bs) {
                bs = s;
                best = p;
            }
        }
        if (stay >= 0 && post_score[stay] >= post_score[best] - 1.0)
            best = stay;
        if (best < 0)
            continue;
        used[posts[best]]++;
        dest[j] = posts[best];
    }
    /* On the way there, level 3 does not stop at the foot of the walls,
     * where the men on them can strike without opening a gate. */
    uint8_t *avoid = NULL;
    if (ai->level >= 3) {
        avoid = ai->mark; /* the posts' counts are no longer needed */
        for (int i = 0; i < ai->n; i++)
            avoid[i] = !ai_is_town(ai, i) && touches_town(ai, i);
    }
    for (int j = 0; j < nu && !ai->out_of_budget; j++) {
        int u = order_u[j];
        if (dest[j] < 0 || !movable(ai, u, reserved) || ai_idx(ai, g->units[u].hex) == dest[j])
            continue;
        ai_move_toward(ai, u, dest[j], avoid);
    }
}

/* Units of a side without a town (or a field force): close on the enemy
 * where it is safe. */
void ai_field_posts(AiPlayer *ai, const bool *reserved)
{
    Game *g = ai->wk;
    ai_threat(ai);
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        if (!movable(ai, u, reserved))
            continue;
        const Unit *x = &g->units[u];
        int here = ai_idx(ai, x->hex);
        if (ai->threat[here] / (combat_unit_cv(g, u) + 1) > 1.5) {
            ai_withdraw(ai, u);
            continue;
        }
        int goal = -1, bd = 0;
        for (int e = 0; e < g->nunits; e++) {
            const Unit *y = &g->units[e];
            if (y->status != UNIT_ON_MAP || y->side == ai->side || !game_unit_visible(g, e, ai->side))
                continue;
            int d = hex_distance(x->hex, y->hex);
            if (goal < 0 || d < bd) {
                goal = ai_idx(ai, y->hex);
                bd = d;
            }
        }
        if (goal >= 0 && bd > 2)
            ai_move_toward(ai, u, goal, NULL);
    }
}
