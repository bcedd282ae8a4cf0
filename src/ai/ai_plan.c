/* ai_plan.c - the computer player under a plan from outside (a scenario's
 * chronicle; ai.h AiPosture): the sally by the plan's gate and the
 * committed sally force, the cold-day sortie, the besiegers' feigned
 * retreat, and when a besieger under a plan may storm. The judgement of
 * a free player is in ai_siege.c and ai_tactics.c; this file only narrows
 * or directs it. */
#include "ai_internal.h"
#include "core/combat.h"

/* How far a cold-day sortie's party outside the walls may be outmatched
 * by what can strike it next impulse (see outside_limit). */
const double AI_SORTIE_OUTSIDE_LIMIT = 1.5;
/* How far from its gate a committed sally's force goes out, in hexes
 * (never into another gate's sector). */
enum { SALLY_REACH = 6 };

bool ai_may_storm(const AiPlayer *ai)
{
    return ai->posture == AI_POSTURE_FREE || (ai->posture == AI_POSTURE_ATTACK && ai->plan_gate >= 0);
}

/* A garrison whose plan is "sally G" (AI_POSTURE_ATTACK with a gate) has
 * committed its sally force: in the battle it keeps that gate open and
 * its men in good order fight on rather than come home. */
bool ai_committed_sally(const AiPlayer *ai)
{
    return ai->posture == AI_POSTURE_ATTACK && ai->plan_gate >= 0 && ai->side == ai->wk->town_side;
}

/* The sally (storm) a plan with a gate or a cold-day sortie allows: by
 * the plan's gate only, or a sortie of at most two units by any gate,
 * each against besiegers in that gate's own sector. */
bool ai_planned_attack(AiPlayer *ai, AiAttack *best)
{
    Game *g = ai->wk;
    bool sortie = ai->posture == AI_POSTURE_SORTIE;
    bool found = false;
    best->value = -1e9;
    ai->open_max = sortie ? 2 : 0;
    for (int k = 0; k < g->ngates && !ai->out_of_budget; k++) {
        if (ai->plan_gate >= 0 && k != ai->plan_gate)
            continue;
        ai->open_sector = k;
        AiAttack a;
        bool ok = false;
        if (ai->side != g->town_side) {
            ai_threat(ai);
            ok = ai_best_attack(ai, true, -1, &a);
        } else if (!game_enemy_at(g, g->gates[k].hex, ai->side)) {
            ok = ai_gate_attack(ai, k, &a);
        }
        if (ok && a.value > best->value) {
            *best = a;
            found = true;
        }
    }
    ai->open_sector = -1;
    ai->open_max = 0;
    ai_grids(ai, ai->side);
    return found;
}

/* "feint G" (AI_POSTURE_FEINT): the besiegers in gate G's sector fall
 * back out of it, as if beaten, to draw a sally away from the walls; they
 * stay where they fall back to this phase (reserved). */
void ai_fall_back(AiPlayer *ai, bool *reserved)
{
    Game *g = ai->wk;
    int k = ai->plan_gate;
    if (ai->posture != AI_POSTURE_FEINT || k < 0 || k >= g->ngates || ai->side == g->town_side)
        return;
    /* Only an army with a feint leader can pretend to be beaten and turn
     * again; without one it stands (the plan word is then a "wait"). */
    if (!combat_side_can_feint(g, ai->side))
        return;
    int r = g->siege.rules.sector_radius;
    Hex gh = g->gates[k].hex;
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side != ai->side || x->mp <= 0 || x->attacked || reserved[u] || ai_is_town(ai, ai_idx(ai, x->hex)) || hex_distance(x->hex, gh) > r + 1)
            continue;
        ai_grids(ai, ai->side);
        ai_flood(ai, u, x->mp, true, ai->cost, NULL);
        int best = -1, bd = 0;
        for (int i = 0; i < ai->n; i++) {
            if (ai->cost[i] < 0 || ai_is_town(ai, i) || ai->friends[i] >= g->rules.stack_limit)
                continue;
            int d = hex_distance(ai->hexof[i], gh);
            d = d > r + 3 ? r + 3 : d; /* far enough; then the cheapest */
            if (best < 0 || d > bd || (d == bd && ai->cost[i] < ai->cost[best])) {
                best = i;
                bd = d;
            }
        }
        reserved[u] = true;
        if (best >= 0 && best != ai_idx(ai, x->hex)) {
            Command c = cmd_move(ai->side, u, ai->hexof[best]);
            ai_step(ai, &c);
        }
    }
}

/* A cold-day sortie (AI_POSTURE_SORTIE) strikes once, in its opening
 * attack, and comes home: no more attacks, the party back inside, the
 * gate shut behind it. */
static void sortie_impulse(AiPlayer *ai)
{
    ai_withdraw_all(ai);
    ai_come_home(ai);
    ai_threat(ai);
    ai_shut_idle_gates(ai);
    Command c = cmd_end_impulse(ai->side);
    ai_step(ai, &c);
}

void ai_sally_out(AiPlayer *ai, const AiAttack *atk, const bool *reserved)
{
    Game *g = ai->wk;
    int k = ai->plan_gate;
    if (!ai_committed_sally(ai) || k >= g->ngates || game_enemy_at(g, g->gates[k].hex, ai->side))
        return;
    int keep = 0; /* gate room for the attackers still to pass */
    for (int i = 0; atk && i < atk->natt; i++)
        if (ai_is_town(ai, ai_idx(ai, g->units[atk->att[i]].hex)) && !ai_is_town(ai, atk->at[i]))
            keep += g->units[atk->att[i]].sp;
    if (g->gates[k].state == GATE_SHUT) {
        Command c = {.type = CMD_OPEN_GATE, .side = ai->side, .units = {-1, -1, -1, -1}, .arg = k};
        if (!ai_step(ai, &c) || g->mode == MODE_BATTLE)
            return; /* in a battle, opening it takes this impulse */
    }
    for (int u = 0; u < g->nunits && !ai->out_of_budget; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side != ai->side || x->mp <= 0 || x->attacked ||
            x->cohesion <= g->rules.shaken_at || ai_holds_heart(ai, u) || !ai_is_town(ai, ai_idx(ai, x->hex)) ||
            (reserved && reserved[u]) || siege_gate_room(g, k) - x->sp < keep)
            continue;
        ai_grids(ai, ai->side);
        ai_flood(ai, u, x->mp, true, ai->cost, NULL);
        int best = -1;
        double bd = 0;
        for (int i = 0; i < ai->n; i++) {
            int planned = 0; /* attackers still to come there */
            for (int j = 0; atk && j < atk->natt; j++)
                planned += atk->at[j] == i && ai_idx(ai, g->units[atk->att[j]].hex) != i;
            int sector = siege_sector_of(g, ai->hexof[i]);
            if (ai->cost[i] < 0 || ai_is_town(ai, i) || ai->friends[i] + planned >= g->rules.stack_limit ||
                (sector >= 0 && sector != k) || hex_distance(ai->hexof[i], g->gates[k].hex) > SALLY_REACH)
                continue;
            double d = ai_nearest_enemy(ai, ai->hexof[i]);
            if (best < 0 || d < bd) {
                best = i;
                bd = d;
            }
        }
        if (best < 0)
            continue;
        Command c = cmd_move(ai->side, u, ai->hexof[best]);
        ai_step(ai, &c); /* refused once the gate has let through all it can */
    }
}

/* A committed sally ("sally G"): its force fights on, and more of the
 * garrison comes out to join it; only routed and shaken men come home. */
static void sally_impulse(AiPlayer *ai)
{
    ai_withdraw_all(ai);
    AiAttack a;
    if (ai_best_attack(ai, false, -1, &a) && ai_execute_attack(ai, &a))
        return;
    ai_sally_out(ai, NULL, NULL);
    Command c = cmd_end_impulse(ai->side);
    ai_step(ai, &c);
}

bool ai_plan_impulse(AiPlayer *ai)
{
    if (ai->posture == AI_POSTURE_SORTIE && ai->side == ai->wk->town_side) {
        sortie_impulse(ai);
        return true;
    }
    if (ai_committed_sally(ai)) {
        sally_impulse(ai);
        return true;
    }
    return false;
}
