/* ai_battle.c - the battle impulse: getting out of harm's way (and the
 * feigned withdrawal of light horse near a feint leader), coming home
 * behind the walls, approaching the enemy, and the impulse's plan. The
 * valuing and choosing of attacks is ai_tactics.c's. */
#include <math.h>
#include <string.h>
#include "ai_internal.h"
#include "core/combat.h"
#include "core/path.h"

/* The hexes of the enemies nearest_enemy_dist counts (on the map, not
 * routed, seen by us), written to out (MAX_UNITS long): the count. A
 * search that asks it for many hexes of one position lists them once. */
static int foes_of(const AiPlayer *ai, Hex *out)
{
    const Game *g = ai->wk;
    int n = 0;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->status == UNIT_ON_MAP && x->side != ai->side && x->cohesion > 0 && game_unit_visible(g, u, ai->side))
            out[n++] = x->hex;
    }
    return n;
}

static double nearest_of(const Hex *foes, int nfoes, Hex h)
{
    int best = 99;
    for (int k = 0; k < nfoes; k++) {
        int d = hex_distance(h, foes[k]);
        if (d < best)
            best = d;
    }
    return best;
}

static double nearest_enemy_dist(const AiPlayer *ai, Hex h)
{
    Hex foes[MAX_UNITS];
    return nearest_of(foes, foes_of(ai, foes), h);
}

static bool leader_near(const Game *g, int side, Hex h)
{
    for (int l = 0; l < g->nleaders; l++) {
        const Leader *ld = &g->leaders[l];
        if (ld->alive && ld->side == side && ld->unit >= 0 && hex_distance(g->units[ld->unit].hex, h) <= 1)
            return true;
    }
    return false;
}

static double safety(AiPlayer *ai, int u, int idx, const Hex *foes, int nfoes)
{
    const Game *g = ai->wk;
    double cv = ai_unit_cv(g, u);
    double s = -ai->threat[idx] / cv * 3.0;
    if (ai->zoc[idx])
        s -= 2;
    if (ai->side == g->town_side && ai_is_town(ai, idx))
        s += 4;
    else if (ai->side == g->town_side && g->ngates > 0) {
        int k = ai_nearest_gate(ai, ai->hexof[idx], false);
        int dg = hex_distance(ai->hexof[idx], g->gates[k].hex);
        s -= 0.4 * (dg > 10 ? 10 : dg);
    }
    double d = nearest_of(foes, nfoes, ai->hexof[idx]);
    s += 0.3 * (d > 5 ? 5 : d);
    if (g->units[u].cohesion <= g->rules.shaken_at && leader_near(g, ai->side, ai->hexof[idx]))
        s += 1;
    s += g->rules.defence_shift[ai->ter[idx]] * 0.3;
    return s;
}

/* How unit u scores reachable hex i (higher is better; -INFINITY: not
 * a candidate). */
typedef double (*HexScore)(AiPlayer *ai, int u, int i, const Hex *foes, int nfoes);

/* Moves unit u, flooded into ai->cost, to the reachable hex other than
 * `here`, with room in the stack, that scores highest above floor; false
 * if none does or the move is refused. spend: each hex scored costs search
 * budget, and the search stops when it is out. */
static bool move_to_best(AiPlayer *ai, int u, int here, double floor, bool spend, HexScore score, const Hex *foes,
                         int nfoes)
{
    const Game *g = ai->wk;
    int best = -1;
    double bs = floor;
    for (int i = 0; i < ai->n; i++) {
        if (i == here || ai->cost[i] < 0 || ai->friends[i] >= g->rules.stack_limit)
            continue;
        if (spend && !ai_spend(ai, 0))
            break;
        double s = score(ai, u, i, foes, nfoes);
        if (s > bs) {
            bs = s;
            best = i;
        }
    }
    if (best < 0)
        return false;
    Command c = cmd_move(ai->side, u, ai->hexof[best]);
    return ai_step(ai, &c);
}

static double withdraw_score(AiPlayer *ai, int u, int i, const Hex *foes, int nfoes)
{
    return safety(ai, u, i, foes, nfoes) - 0.05 * ai->cost[i];
}

bool ai_withdraw(AiPlayer *ai, int u)
{
    Game *g = ai->wk;
    const Unit *x = &g->units[u];
    if (x->status != UNIT_ON_MAP || x->mp <= 0 || x->attacked)
        return false;
    ai_grids(ai, ai->side);
    int here = ai_idx(ai, x->hex);
    ai_flood(ai, u, x->mp, true, ai->cost, NULL);
    Hex foes[MAX_UNITS];
    int nfoes = foes_of(ai, foes);
    double cur = safety(ai, u, here, foes, nfoes);
    return move_to_best(ai, u, here, cur + 0.5, true, withdraw_score, foes, nfoes);
}

static bool adjacent_enemy(const AiPlayer *ai, int idx)
{
    for (int d = 0; d < HEX_DIRS; d++) {
        int nb = ai->nb[idx * HEX_DIRS + d];
        if (nb >= 0 && ai->enemy[nb])
            return true;
    }
    return false;
}

/* Should unit u get out of harm's way this impulse? */
static bool wants_out(AiPlayer *ai, int u)
{
    const Game *g = ai->wk;
    const Unit *x = &g->units[u];
    if (ai_committed_sally(ai) && x->cohesion > g->rules.shaken_at)
        return false;
    int here = ai_idx(ai, x->hex);
    if (here < 0 || x->mp <= 0 || x->attacked || ai_holds_heart(ai, u))
        return false;
    bool contact = adjacent_enemy(ai, here);
    double ratio = ai->threat[here] / ai_unit_cv(g, u);
    if (x->cohesion <= 0)
        return contact || ratio > 0;
    if (ai->level == 1)
        return false;
    if (x->cohesion <= g->rules.shaken_at)
        return contact || ratio > 0.5;
    bool walls = ai_is_town(ai, here) && ai->side == g->town_side;
    if (walls)
        return false; /* the walls are the safe place */
    /* A leader is not left where the enemy is much the stronger. */
    if (ai->level >= 3 && game_leader_with(g, u) >= 0 && ratio >= 2.5)
        return true;
    if (ai->level >= 3 && contact && g->rules.types[x->type].breaks_contact && !x->broke_contact && ratio >= 1.5)
        return true;
    /* A sallying garrison gets back behind its walls when outmatched. */
    if (ai->side == g->town_side && g->town_side >= 0 && ratio >= 1.5)
        return true;
    return false;
}

static void shut_idle_gates(AiPlayer *ai)
{
    Game *g = ai->wk;
    if (ai->side != g->town_side)
        return;
    for (int k = 0; k < g->ngates; k++) {
        if (g->gates[k].state != GATE_OPEN || game_enemy_at(g, g->gates[k].hex, ai->side))
            continue;
        if (ai_committed_sally(ai) && k == ai->plan_gate && g->mode == MODE_BATTLE)
            continue; /* the sally's gate stays open */
        double outside = 0;
        for (int u = 0; u < g->nunits; u++) {
            const Unit *x = &g->units[u];
            if (x->status == UNIT_ON_MAP && x->side == ai->side &&
                !terrain_is_town(map_terrain(&g->map, x->hex)) &&
                hex_distance(x->hex, g->gates[k].hex) <= g->siege.rules.sector_radius + 3)
                outside += combat_unit_cv(g, u);
        }
        int gi = ai_idx(ai, g->gates[k].hex);
        /* Shut on our own men rather than let the enemy in [2.6]. */
        bool pressed = ai->level >= 2 && gi >= 0 && ai->threat[gi] > 1.5 * outside + 100;
        if (outside > 0 && g->mode == MODE_BATTLE && !pressed)
            continue;
        Command c = {.type = CMD_SHUT_GATE, .side = ai->side, .units = {-1, -1, -1, -1}, .arg = k};
        ai_step(ai, &c);
    }
}

/* The garrison's men outside the walls come home: through an open gate if
 * they can reach one now, else toward the nearest gate, which is opened
 * for them when no enemy stands next to it. */
static void come_home(AiPlayer *ai)
{
    Game *g = ai->wk;
    if (ai->side != g->town_side || g->ngates == 0)
        return;
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side != ai->side || x->mp <= 0 || x->attacked ||
            ai_is_town(ai, ai_idx(ai, x->hex)))
            continue;
        ai_grids(ai, ai->side);
        ai_flood(ai, u, x->mp, true, ai->cost, NULL);
        int best = -1;
        for (int i = 0; i < ai->n; i++)
            if (ai->cost[i] >= 0 && ai_is_town(ai, i) && ai->friends[i] < g->rules.stack_limit &&
                (best < 0 || ai->cost[i] < ai->cost[best]))
                best = i;
        if (best >= 0) {
            Command c = cmd_move(ai->side, u, ai->hexof[best]);
            if (ai_step(ai, &c))
                continue;
        }
        int k = ai_nearest_gate(ai, x->hex, false);
        if (k < 0)
            continue;
        const Gate *gt = &g->gates[k];
        if (gt->state == GATE_SHUT && hex_distance(x->hex, gt->hex) <= 3 && !game_enemy_at(g, gt->hex, ai->side)) {
            bool pressed = false;
            for (int d = 0; d < HEX_DIRS; d++)
                pressed |= game_enemy_at(g, hex_neighbor(gt->hex, d), ai->side);
            if (!pressed) {
                Command c = {.type = CMD_OPEN_GATE, .side = ai->side, .units = {-1, -1, -1, -1}, .arg = k};
                ai_step(ai, &c);
            }
        }
        ai_move_toward(ai, u, ai_idx(ai, gt->hex), NULL);
    }
}

/* Gets units back toward the walls or forward toward a weak enemy for the
 * next impulse. */
static void approach(AiPlayer *ai)
{
    Game *g = ai->wk;
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side != ai->side || x->mp <= 0 || x->attacked ||
            x->cohesion <= g->rules.shaken_at)
            continue;
        int here = ai_idx(ai, x->hex);
        if (adjacent_enemy(ai, here))
            continue;
        if (ai->side == g->town_side)
            continue; /* the garrison stays in, or comes home (come_home) */
        /* Nearest visible enemy in the open that we could take on. */
        int goal = -1, bd = 0;
        for (int e = 0; e < g->nunits; e++) {
            const Unit *y = &g->units[e];
            if (y->status != UNIT_ON_MAP || y->side == ai->side || !game_unit_visible(g, e, ai->side))
                continue;
            int ei = ai_idx(ai, y->hex);
            if (ai_is_town(ai, ei))
                continue;
            int d = hex_distance(x->hex, y->hex);
            if (d <= 8 && (goal < 0 || d < bd)) {
                goal = ei;
                bd = d;
            }
        }
        if (goal < 0)
            continue;
        /* Do not walk into a beating. */
        double cv = ai_unit_cv(g, u);
        ai_grids(ai, ai->side);
        /* Only the goal's neighbours are read: the cheapest is final. */
        int ring[HEX_DIRS];
        ai_flood_to(ai, u, ring, ai_goal_ring(ai, goal, false, ring), ai->cost2, ai->prev);
        int end = -1;
        for (int d = 0; d < HEX_DIRS; d++) {
            int nb = ai->nb[goal * HEX_DIRS + d];
            if (nb >= 0 && ai->cost2[nb] >= 0 && (end < 0 || ai->cost2[nb] < ai->cost2[end]))
                end = nb;
        }
        if (end < 0)
            continue;
        int path[1024], len = 0;
        for (int i = end; i >= 0 && i != here && len < 1024; i = ai->prev[i])
            path[len++] = i;
        ai_flood(ai, u, x->mp, true, ai->cost, NULL);
        for (int k = 0; k < len; k++) {
            int i = path[k];
            if (ai->cost[i] < 0 || ai->friends[i] >= g->rules.stack_limit)
                continue;
            if (ai->threat[i] / cv > (ai->level >= 3 ? 1.2 : 1.6))
                continue;
            Command c = cmd_move(ai->side, u, ai->hexof[i]);
            if (ai_step(ai, &c))
                break;
        }
    }
}

/* The feigned withdrawal near a feint leader (core's feint rule): light
 * horse in contact with an enemy that is not the weaker falls back only
 * two hexes, near friends, so that those who follow it are drawn out of
 * formation within reach of the counter-charge. */
static double feint_score(AiPlayer *ai, int u, int i, const Hex *foes, int nfoes)
{
    const Game *g = ai->wk;
    if (adjacent_enemy(ai, i))
        return -INFINITY;
    double near = nearest_of(foes, nfoes, ai->hexof[i]);
    if (near < 2 || near > 3)
        return -INFINITY;
    return (leader_near(g, ai->side, ai->hexof[i]) ? 1.0 : 0) + 0.3 * ai->friends[i] - 0.05 * ai->cost[i];
}

static bool feint_withdraw(AiPlayer *ai, int u)
{
    Game *g = ai->wk;
    const Unit *x = &g->units[u];
    if (ai->level < 2 || !combat_feint_ready(g, u) || x->mp <= 0)
        return false;
    int here = ai_idx(ai, x->hex);
    if (here < 0 || ai->threat[here] < ai_unit_cv(g, u))
        return false;
    ai_grids(ai, ai->side);
    ai_flood(ai, u, x->mp, true, ai->cost, NULL);
    Hex foes[MAX_UNITS];
    int nfoes = foes_of(ai, foes);
    return move_to_best(ai, u, here, -1e9, false, feint_score, foes, nfoes);
}

void ai_withdraw_all(AiPlayer *ai)
{
    const Game *g = ai->wk;
    ai_threat(ai);
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side != ai->side)
            continue;
        if (!feint_withdraw(ai, u) && wants_out(ai, u))
            ai_withdraw(ai, u);
    }
}

void ai_plan_battle(AiPlayer *ai)
{
    if (ai_plan_impulse(ai))
        return; /* a sortie or a committed sally (ai_plan.c) */
    /* Out of harm's way first: routed, shaken, outmatched. */
    ai_withdraw_all(ai);
    AiAttack a;
    if (ai_best_attack(ai, false, -1, &a) && ai_execute_attack(ai, &a))
        return; /* the dice decide what comes next */
    if (ai->level >= 2) {
        ai_threat(ai);
        come_home(ai);
        approach(ai);
    }
    ai_threat(ai);
    shut_idle_gates(ai);
    Command c = cmd_end_impulse(ai->side);
    ai_step(ai, &c);
}

/* ---- for ai_plan.c ---------------------------------------------------- */

bool ai_wants_out(AiPlayer *ai, int u) { return wants_out(ai, u); }
void ai_come_home(AiPlayer *ai) { come_home(ai); }
void ai_shut_idle_gates(AiPlayer *ai) { shut_idle_gates(ai); }
double ai_nearest_enemy(const AiPlayer *ai, Hex h) { return nearest_enemy_dist(ai, h); }
