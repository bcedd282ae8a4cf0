/* ai_siege.c - the siege level: rations, alerts, terms, columns on the
 * theatre map, releasing contingents, gates, and the one battle a side may
 * open in its part of a siege turn (sally, storm or field attack). The
 * units' posts (the garrison's, the blockade's) are ai_posts.c's. */
#include <string.h>
#include "ai_internal.h"
#include "core/combat.h"
#include "core/path.h"

static Command order(int side, CmdType t, int arg, int arg2, int arg3)
{
    Command c = {.type = t, .side = side, .units = {-1, -1, -1, -1}, .arg = arg, .arg2 = arg2, .arg3 = arg3};
    return c;
}


/* ---- rations ---------------------------------------------------------- */

static void rations(AiPlayer *ai)
{
    Game *g = ai->wk;
    int side = ai->side;
    const Siege *s = &g->siege;
    const SiegeSide *ss = &s->side[side];
    if (ai->kept_rations >= 0) { /* ordered from outside: kept as ordered */
        if (ai->kept_rations != ss->rations) {
            Command c = order(side, CMD_RATIONS, ai->kept_rations, 0, 0);
            ai_step(ai, &c);
        }
        return;
    }
    if (ss->rations == RATION_EXPEL)
        return;
    /* Core says how long the stores last at each ration, with the
     * foraging of the season: stretch them only when full rations would
     * not reach the end. */
    bool town = side == g->town_side;
    int left = g->max_turns - g->turn + 1;
    /* A town still fed at the end need not treat: a careful holder keeps
     * the days that make it so (siege_town_defiant). */
    if (town && ai->level >= 2)
        left += 2;
    int full = siege_food_turns(g, side, RATION_FULL, left);
    int want = RATION_FULL;
    if (full < left) {
        if (ai->level == 1) {
            /* A beginner stretches the food only when it is nearly gone. */
            want = full * 2 < left ? RATION_HALF : RATION_FULL;
        } else {
            /* The will below which someone opens a gate, and a point in
             * hand for what cannot be foreseen (the elders, hunger). */
            int floor = s->rules.betrayal_will + 1;
            bool will_spare = !town || s->civic_will - 1 > floor;
            bool expel_ok = town && siege_food_turns(g, side, RATION_EXPEL, left) > full &&
                            s->civic_will - s->rules.expel_will > floor;
            /* Each turn of half rations costs a town a point of will: the
             * turns it can afford before betrayal threatens, and the turns
             * of food they would save. */
            int half_turns = town ? s->civic_will - floor - 1 : left;
            int full_pct = s->rules.consumption_pct[RATION_FULL], half_pct = s->rules.consumption_pct[RATION_HALF];
            int saved = full_pct > 0 ? half_turns * (full_pct - half_pct) / full_pct : 0;
            bool half_enough = siege_food_turns(g, side, RATION_HALF, left) >= left && full + saved >= left;
            if (expel_ok && (!will_spare || !half_enough))
                want = RATION_EXPEL;
            else if (will_spare)
                want = RATION_HALF;
            else if (ai->level >= 3 && full == 0)
                want = RATION_HALF; /* nothing left to stretch: at least stretch it */
        }
    }
    if (want != ss->rations) {
        Command c = order(side, CMD_RATIONS, want, 0, 0);
        ai_step(ai, &c);
    }
}

/* ---- the besieger's orders -------------------------------------------- */

static void alerts(AiPlayer *ai)
{
    Game *g = ai->wk;
    if (g->town_side < 0 || ai->side == g->town_side)
        return;
    const Siege *s = &g->siege;
    bool cold = siege_cold_day(g);
    double garrison = ai_side_cv(g, g->town_side, false);
    for (int k = 0; k < g->ngates && k < 16; k++) {
        /* What the garrison could throw out of this gate. */
        double near = 0;
        for (int u = 0; u < g->nunits; u++) {
            const Unit *x = &g->units[u];
            if (x->status == UNIT_ON_MAP && x->side == g->town_side && x->cohesion > g->rules.shaken_at &&
                hex_distance(x->hex, g->gates[k].hex) <= (ai->level >= 3 ? 3 : 2))
                near += combat_unit_cv(g, u);
        }
        bool want;
        if (ai->level == 1)
            want = !cold;
        else if (!cold)
            want = true;
        else if (g->gates[k].state != GATE_SHUT)
            want = true;
        else if (s->weather == WX_FROST)
            want = near >= 0.5 * garrison && near > 0;
        else
            want = near >= (ai->level >= 3 ? 0.25 : 0.4) * garrison && near > 0;
        if (want != s->gate_alert[k]) {
            Command c = order(ai->side, CMD_ALERT, k, want, 0);
            ai_step(ai, &c);
        }
    }
}

static void terms(AiPlayer *ai)
{
    Game *g = ai->wk;
    if (g->town_side < 0 || ai->side == g->town_side || g->siege.terms != TERMS_NONE)
        return;
    /* A fed town in good heart refuses outright, and every refusal
     * stiffens it: offer only when the rules give the offer a chance. */
    if (siege_town_defiant(g))
        return;
    if (ai->posture != AI_POSTURE_FREE)
        return; /* under a plan, terms are offered when the plan orders them */
    if (ai->level >= 2 && siege_veto_active(g, g->town_side))
        return;
    int ways = siege_terms_ways(g, TERMS_GENEROUS); /* of 36 */
    static const int least[AI_LEVEL_MAX + 1] = {0, 6, 6, 4};
    if (ways < least[ai->level])
        return;
    Command c = order(ai->side, CMD_OFFER_TERMS, TERMS_GENEROUS, 0, 0);
    ai_step(ai, &c);
}

/* ---- the theatre map ------------------------------------------------- */

static int contingent_sp(const Game *g, int k)
{
    int sp = 0;
    for (int u = 0; u < g->nunits; u++)
        if (g->units[u].contingent == k && (g->units[u].status == UNIT_ON_MAP || g->units[u].status == UNIT_OFF_MAP))
            sp += g->units[u].sp;
    return sp;
}

static bool direct_route(const Siege *s, int a, int b)
{
    for (int k = 0; k < s->nroutes; k++)
        if ((s->routes[k].a == a && s->routes[k].b == b) || (s->routes[k].a == b && s->routes[k].b == a))
            return true;
    return false;
}

static bool wins_by_places(const Game *g, int side)
{
    for (int i = 0; i < g->nvictory; i++)
        if (g->victory[i].side == side && g->victory[i].kind == VIC_THEATRE_PLACES)
            return true;
    return false;
}

static void columns(AiPlayer *ai)
{
    Game *g = ai->wk;
    const Siege *s = &g->siege;
    int side = ai->side;
    for (int c = 0; c < s->ncolumns; c++) {
        const Column *col = &s->columns[c];
        if (col->side != side || col->state != COL_WAITING || col->after_courier >= 0)
            continue;
        if (col->dest >= 0 && col->depart_turn > 0 && col->depart_turn <= g->turn + 1 && ai->level < 3)
            continue; /* it sets out by itself */
        int from = col->next >= 0 ? col->next : col->at;
        int pace = PACE_MOUNTED;
        if (col->leader >= 0 && (g->leaders[col->leader].traits & TRAIT_FORCED_MARCHER))
            pace = PACE_FORCED;
        int per_turn = s->rules.pace_km[pace] * g->rules.days_per_turn;
        int turns_left = g->max_turns - g->turn;
        int lead = col->leader >= 0 && g->leaders[col->leader].alive ? g->leaders[col->leader].command / 2 : 0;
        double own_cv = ai_side_cv(g, side, false) + 1, enemy_cv = ai_side_cv(g, 1 - side, false);
        int best = -1;
        double bv = 0;
        for (int p = 0; p < s->nplaces; p++) {
            if (p == from && col->next < 0)
                continue;
            int km = p == from ? 0 : siege_route_km(s, from, p);
            if (km < 0)
                continue;
            int eta = per_turn > 0 ? (km + per_turn - 1) / per_turn : 99;
            if (eta > turns_left)
                continue;
            const TheatrePlace *pl = &s->places[p];
            double v = 0;
            if (siege_place_enemy_of(s, p, side) && pl->resistance > 0) {
                int res = (col->hidden && !pl->announced && pl->surprise_resistance > 0) ? pl->surprise_resistance
                                                                                          : pl->resistance;
                int need = res - col->sp / 10 - lead; /* d10 >= need */
                double p_take = need <= 1 ? 1.0 : need > 10 ? 0.0 : (11 - need) / 10.0;
                double homes = 0, near = 0;
                for (int k = 0; k < s->ncontingents; k++) {
                    const Contingent *ct = &s->contingents[k];
                    if (ct->side == side || ct->departed)
                        continue;
                    if (ct->home == p)
                        homes += contingent_sp(g, k);
                    else if (direct_route(s, p, ct->home))
                        near += contingent_sp(g, k);
                }
                v = homes * (0.5 + p_take) + 0.3 * near;
                if (ai->level >= 2 && wins_by_places(g, side))
                    v += 5 * p_take;
                if (ai->level == 1)
                    v = homes + near + p_take; /* nearest home, more or less */
            } else if (pl->owner == side && pl->map_place >= 0 && ai->level >= 2) {
                /* Reinforce the town when the enemy is much stronger there. */
                double urgency = enemy_cv > 1.5 * own_cv ? 1.0 : 0.3;
                v = col->sp * urgency;
            }
            v /= 1.0 + eta / 3.0;
            if (v > bv) {
                bv = v;
                best = p;
            }
        }
        if (best < 0)
            continue;
        if (col->dest == best && col->state == COL_MARCHING)
            continue;
        Command cmd = order(side, CMD_SEND_COLUMN, c, best, pace);
        ai_step(ai, &cmd);
    }
}

/* Army morale side stands to lose to news of its theatre places falling:
 * every place of its own it has heard an enemy column is near or
 * besieging (core's news levels) is taken as lost. */
static int morale_at_risk(const Game *g, int side)
{
    const Siege *s = &g->siege;
    int n = 0;
    for (int p = 0; p < s->nplaces; p++) {
        int t = s->side[side].threat_known[p];
        if (s->places[p].owner == side && s->places[p].map_place < 0 && t >= s->rules.anxiety_near &&
            t < s->rules.anxiety_fallen)
            n++;
    }
    return n * (s->rules.home_fallen_morale < 0 ? -s->rules.home_fallen_morale : 0);
}

/* A contingent about to desert is better let go with honour: a desertion
 * costs army morale, a release does not. Level 3 also looks ahead: when
 * the army's heart, less what the news already on its way will cost it,
 * has room for no more than one desertion before it breaks, a contingent
 * likely to go before the end (at today's chance each turn) is let go. */
static void releases(AiPlayer *ai)
{
    Game *g = ai->wk;
    const Siege *s = &g->siege;
    if (ai->level < 2)
        return;
    int morale = g->sides[ai->side].morale;
    int floor = ai_morale_floor(ai, ai->side);
    if (floor < 0)
        floor = 0;
    int cost = -s->rules.departure_morale; /* what a desertion costs */
    int room = morale - floor - morale_at_risk(g, ai->side);
    int left = g->max_turns - g->turn + 1; /* upkeeps still to come */
    for (int k = 0; k < s->ncontingents; k++) {
        const Contingent *ct = &s->contingents[k];
        if (ct->side != ai->side || ct->departed)
            continue;
        double p = siege_desertion_ways(g, k) / 10.0; /* core's rule, asked */
        double limit = ai->level >= 3 ? 0.5 : 0.7;
        if (ai->level >= 3 && morale + s->rules.departure_morale <= floor + 1)
            limit = 0.3; /* a desertion now could break the army */
        bool go = p >= limit;
        if (ai->level >= 3 && p > 0 && cost > 0 && room <= cost) {
            double stays = 1.0; /* the chance it is still here at the end */
            for (int t = 0; t < left; t++)
                stays *= 1.0 - p;
            go |= stays <= 0.5;
        }
        if (go) {
            Command c = order(ai->side, CMD_RELEASE, k, 0, 0);
            ai_step(ai, &c);
        }
    }
}

static void shut_gates(AiPlayer *ai)
{
    Game *g = ai->wk;
    if (ai->side != g->town_side)
        return;
    for (int k = 0; k < g->ngates; k++)
        if (g->gates[k].state == GATE_OPEN && !game_enemy_at(g, g->gates[k].hex, ai->side) &&
            !(ai->posture == AI_POSTURE_ATTACK && k == ai->plan_gate)) { /* a committed sally's gate stays open */
            Command c = order(ai->side, CMD_SHUT_GATE, k, 0, 0);
            ai_step(ai, &c);
        }
}

/* ---- the siege phase ------------------------------------------------- */

/* Combat value of the steadiest units of the garrison near gate k, as
 * many as make up sp strength points: what a sally there could be. */
static double sally_force(const AiPlayer *ai, int k, int sp)
{
    const Game *g = ai->wk;
    bool used[MAX_UNITS] = {false};
    double cv = 0;
    for (int left = sp; left > 0;) {
        int best = -1, bcv = 0;
        for (int u = 0; u < g->nunits && u < MAX_UNITS; u++) {
            const Unit *x = &g->units[u];
            if (used[u] || x->status != UNIT_ON_MAP || x->side != ai->side || x->cohesion <= g->rules.shaken_at ||
                !ai_is_town(ai, ai_idx(ai, x->hex)) || hex_distance(x->hex, g->gates[k].hex) > 4)
                continue;
            int c = combat_unit_cv(g, u);
            if (c > bcv) {
                bcv = c;
                best = u;
            }
        }
        if (best < 0)
            break;
        used[best] = true;
        cv += bcv;
        left -= g->units[best].sp;
    }
    return cv;
}

/* A garrison at the end of its tether: hungry, or food for less than the
 * turns that keep a town fed (defiant_fed_turns). Then a sally is the
 * last throw. */
static bool garrison_desperate(const Game *g, int side)
{
    const SiegeSide *ss = &g->siege.side[side];
    return ss->shortfall_turns > 0 || siege_food_days(g, side) < g->siege.rules.defiant_fed_turns * g->rules.days_per_turn;
}

/* Column c is still on its way to the town (its men will come to the
 * battle map). */
static bool relief_column(const Game *g, int c)
{
    const Column *col = &g->siege.columns[c];
    if (col->state != COL_WAITING && col->state != COL_MARCHING)
        return false;
    int dest = col->dest >= 0 ? col->dest : col->at;
    return dest >= 0 && g->siege.places[dest].map_place >= 0 && g->siege.places[dest].map_place == g->town_place;
}

/* The enemy wins if it still holds a place outside the town when the
 * game ends (the besiegers' camp): then sitting behind the walls loses,
 * and once no relief of ours is still to come the siege must be broken. */
static bool must_break_out(const Game *g, int side)
{
    bool sitting = false;
    for (int i = 0; i < g->nvictory; i++) {
        const Victory *v = &g->victory[i];
        if (v->side != side && v->kind == VIC_HOLD_PLACE && v->place >= 0 && v->place != g->town_place &&
            g->map.places[v->place].owner == v->side)
            sitting = true;
    }
    if (!sitting)
        return false;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->side != side || x->status != UNIT_OFF_MAP)
            continue;
        if (x->column < 0 ? x->arrive_turn > g->turn : relief_column(g, x->column))
            return false;
    }
    return true;
}

/* The commander's judgement of a sally by gate k, before the tactics:
 * the garrison goes out when the day favours it - cold or frost, when
 * the besiegers suffer in the open, as Heraclius ordered [A: TB], or a
 * camp caught off its guard - when it is not outmatched before that gate,
 * and when its army's heart can stand a repulse; or when it is desperate.
 * Otherwise it holds the walls. A plan to strike (the chronicle) decides
 * for it. Level 1 does not count the enemy before the gate. */
static bool sally_judged(AiPlayer *ai, int k)
{
    const Game *g = ai->wk;
    if (ai->posture == AI_POSTURE_ATTACK)
        return true;
    int side = ai->side;
    int margin = g->sides[side].morale - siege_treat_morale(g);
    bool desperate = garrison_desperate(g, side);
    if (desperate)
        return true;
    if (margin < (ai->level >= 3 ? 3 : 4))
        return false;
    const Siege *s = &g->siege;
    bool cold = siege_cold_day(g);
    bool surprise = !s->gate_alert[k]; /* the camp before it is not standing to arms */
    bool breakout = must_break_out(g, side);
    if (!cold && !surprise && !breakout)
        return false;
    if (ai->level == 1)
        return true; /* a beginner does not count the enemy before the gate */
    /* What can go out (two impulses through the gate) against what can
     * strike the ground before the gate in one. */
    Hex at = g->gates[k].hex;
    double ours = sally_force(ai, k, 2 * s->rules.gate_throughput), theirs = 0;
    for (int i = 0; i < ai->n; i++)
        if (!ai_is_town(ai, i) && hex_distance(ai->hexof[i], at) <= 2 && ai->threat[i] > theirs)
            theirs = ai->threat[i];
    double need = ai->level >= 3 ? 0.8 : 1.0;
    if (cold && surprise)
        need *= 0.75;
    if (breakout)
        need *= 0.7;
    return ours >= need * theirs;
}

bool ai_gate_attack(AiPlayer *ai, int k, AiAttack *out)
{
    Gate *gt = &ai->wk->gates[k];
    int was = gt->state;
    gt->state = GATE_OPEN; /* as if opened, for the search */
    ai_grids(ai, ai->side);
    ai_threat(ai);
    bool ok = ai_best_attack(ai, true, k, out);
    gt->state = was;
    if (ok && was != GATE_SHUT)
        out->gate = -1; /* already open: nothing to open first */
    return ok;
}

static bool opening_attack(AiPlayer *ai, AiAttack *best)
{
    Game *g = ai->wk;
    if (ai->plan_gate >= 0 || ai->posture == AI_POSTURE_SORTIE)
        return ai_planned_attack(ai, best);
    bool found = false;
    best->value = -1e9;
    ai_threat(ai);
    AiAttack a;
    if (ai_best_attack(ai, true, -1, &a)) {
        /* From the walls or a gate onto the field is a sally too. */
        Hex th = ai->hexof[a.target];
        int k = siege_sector_of(g, th);
        bool sally = ai->side == g->town_side && !ai_is_town(ai, a.target);
        if (!sally || (k >= 0 ? sally_judged(ai, k) : garrison_desperate(g, ai->side))) {
            *best = a;
            found = true;
        }
    }
    if (ai->side != g->town_side)
        return found;
    /* A sally by each gate in turn. */
    for (int k = 0; k < g->ngates && !ai->out_of_budget; k++) {
        Gate *gt = &g->gates[k];
        if (gt->state != GATE_SHUT || game_enemy_at(g, gt->hex, ai->side))
            continue;
        if (!sally_judged(ai, k))
            continue;
        bool ok = ai_gate_attack(ai, k, &a);
        if (ok && a.value > best->value) {
            *best = a;
            found = true;
        }
    }
    ai_grids(ai, ai->side);
    return found;
}

void ai_plan_siege(AiPlayer *ai)
{
    Game *g = ai->wk;
    int side = ai->side;
    rations(ai);
    alerts(ai);
    terms(ai);
    columns(ai);
    releases(ai);
    if (g->mode != MODE_SIEGE || g->active != side)
        return;
    shut_gates(ai);
    AiAttack atk;
    bool may_open = ai->posture != AI_POSTURE_HOLD && ai->posture != AI_POSTURE_FEINT &&
                    (ai->posture != AI_POSTURE_SORTIE || siege_cold_day(g));
    bool attack = g->battles_this_phase == 0 && may_open && opening_attack(ai, &atk);
    bool reserved[MAX_UNITS] = {false};
    if (attack)
        for (int i = 0; i < atk.natt; i++)
            reserved[atk.att[i]] = true;
    ai_fall_back(ai, reserved);
    if (g->town_side < 0)
        ai_field_posts(ai, reserved);
    else if (side == g->town_side)
        ai_garrison_posts(ai, reserved);
    else
        ai_blockade(ai, reserved);
    if (attack || g->battles_this_phase == 0)
        ai_sally_out(ai, attack ? &atk : NULL, reserved); /* "sally G": in strength, even with no one to strike */
    if (attack && ai_execute_attack(ai, &atk))
        return;
    shut_gates(ai);
    Command c = cmd_end_turn(side);
    ai_step(ai, &c);
}
