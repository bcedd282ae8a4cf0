/* ai_tactics.c - the battle level: valuing an attack, finding the best one
 * (concentration, flank and rear, surrounding), carrying it out, and
 * moving a unit toward a goal. The impulse's other moves (withdrawals,
 * the feint, coming home, approach) are ai_battle.c's. */
#include <string.h>
#include "ai_internal.h"
#include "core/combat.h"
#include "core/path.h"

enum { MAX_TARGETS = 64 };

/* Worth, in strength points, of a unit destroyed beyond its SP (army
 * morale), of a leader, and of a foothold on the walls. */
static const double ELIM_BONUS = 1.0, LEADER_VALUE = 4.0, INTRUDER_VALUE = 8.0, LURE_VALUE = 2.0;
static double own_weight(const AiPlayer *ai)
{
    static const double w[AI_LEVEL_MAX + 1] = {1, 1.0, 1.15, 1.25};
    return w[ai->level];
}


double ai_unit_cv(const Game *g, int u)
{
    int cv = combat_unit_cv(g, u);
    return cv > 0 ? cv : 1;
}

int ai_morale_floor(const AiPlayer *ai, int side)
{
    const Game *g = ai->wk;
    int floor = -1, theirs = -1;
    for (int i = 0; i < g->nvictory; i++) {
        const Victory *v = &g->victory[i];
        if (v->kind != VIC_ENEMY_MORALE)
            continue;
        if (v->side != side && v->amount > floor)
            floor = v->amount;
        if (v->side == side && v->amount > theirs)
            theirs = v->amount;
    }
    return floor >= 0 || ai->level < 3 ? floor : theirs;
}

/* Points of army morale side has above the level at which it loses by
 * its morale (ai_morale_floor; 99 when there is none). */
static int morale_margin(const AiPlayer *ai, int side)
{
    const Game *g = ai->wk;
    int floor = ai_morale_floor(ai, side);
    int m = floor >= 0 ? g->sides[side].morale - floor : 99;
    /* A town whose heart falls below the defiant share will hear terms:
     * for its holder that is the morale that loses the game. */
    if (side == g->town_side) {
        int treat = siege_treat_morale(g);
        if (g->sides[side].morale - treat < m)
            m = g->sides[side].morale - treat;
    }
    return m < 1 ? 1 : m;
}

/* Worth, in SP, of one point of our army morale: little while there is
 * plenty, much when the army is near breaking. Level 1 does not weigh it. */
static double morale_worth(const AiPlayer *ai)
{
    if (ai->level < 2)
        return 0;
    int m = morale_margin(ai, ai->side);
    if (m >= 99)
        return 0.5;
    return 1.0 + 8.0 / m;
}

/* The garrison's unit on the town's heart stays there: an empty heart is
 * an open invitation. */
bool ai_holds_heart(const AiPlayer *ai, int u)
{
    const Game *g = ai->wk;
    return ai->side == g->town_side && g->units[u].side == ai->side && ai_idx(ai, g->units[u].hex) == ai_town_place(ai);
}

int ai_nearest_gate(const AiPlayer *ai, Hex h, bool open_only)
{
    const Game *g = ai->wk;
    int best = -1, bd = 0;
    for (int k = 0; k < g->ngates; k++) {
        if (open_only && g->gates[k].state == GATE_SHUT)
            continue;
        int d = hex_distance(h, g->gates[k].hex);
        if (best < 0 || d < bd) {
            best = k;
            bd = d;
        }
    }
    return best;
}

int ai_surprise_shift(const Game *g, int side, Hex from, Hex target)
{
    return siege_is_sally(g, side, from, target) ? siege_sally_surprise(g, side, target) : 0;
}

static bool can_retreat(const Game *g, int u)
{
    Hex h = g->units[u].hex;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex nb = hex_neighbor(h, d);
        if (map_contains(&g->map, nb) && path_step_cost(g, u, h, nb) >= 0)
            return true;
    }
    return false;
}

/* Our horse that could cut down routers (ai_attack_value): on the map,
 * not shaken. Their hexes are read when asked; the list holds while
 * units only change hexes (as in ai_best_attack's trials). */
static int our_horse(const AiPlayer *ai, int *out)
{
    const Game *g = ai->wk;
    int n = 0;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *x = &g->units[u];
        if (x->status == UNIT_ON_MAP && x->side == ai->side && x->cohesion > g->rules.shaken_at &&
            g->rules.types[x->type].move_class == MOVE_HORSE)
            out[n++] = u;
    }
    return n;
}

/* What an attack's value reads that holds through one search (units
 * only change hexes in its trials): the odds' leaders, combat values and
 * last stack, our horse, the weights of our own losses and of morale. */
enum { ROWS_KEPT = 256, RISKS_KEPT = 128 };

/* exposure_risk of unit u standing at idx, against target (whose value
 * is set aside). */
typedef struct RiskKept {
    int target, u, idx;
    double risk;
} RiskKept;

/* The average over the results table's rows of one attack (attack_value)
 * reads, besides what holds through the search, only: the target, the
 * attackers in order, the column, which defenders could retreat and
 * whether our horse is near. Trials that agree on these (one man tried
 * on several hexes at the same odds) share it. */
typedef struct RowsKey {
    Hex target;
    int att[CMD_MAX_UNITS];
    int natt, col;
    unsigned retreat;
    bool horse_near;
} RowsKey;

typedef struct RowsKept {
    bool used;
    RowsKey key;
    double total;
} RowsKept;

/* What an attack's value reads that holds through one search (units
 * only change hexes in its trials): the odds' leaders, combat values and
 * last stack, our horse, the weights of our own losses and of morale;
 * the row averages found so far. */
typedef struct AttackCtx {
    CombatPrep prep;
    int horse[MAX_UNITS];
    int nhorse;
    int ours[MAX_UNITS]; /* our units on the map, in order */
    int nours;
    double ow, mw;
    RowsKept rows[ROWS_KEPT];
    RiskKept risks[RISKS_KEPT];
} AttackCtx;

static void attack_ctx(AiPlayer *ai, AttackCtx *c)
{
    combat_prep(ai->wk, &c->prep);
    c->nhorse = our_horse(ai, c->horse);
    const Game *g = ai->wk;
    c->nours = 0;
    for (int u = 0; u < g->nunits; u++)
        if (g->units[u].status == UNIT_ON_MAP && g->units[u].side == ai->side)
            c->ours[c->nours++] = u;
    c->ow = own_weight(ai);
    c->mw = morale_worth(ai);
    for (int i = 0; i < ROWS_KEPT; i++)
        c->rows[i].used = false;
    for (int i = 0; i < RISKS_KEPT; i++)
        c->risks[i].target = -1;
}

static unsigned rows_slot(const RowsKey *k)
{
    unsigned h = (unsigned)k->target.q * 131u + (unsigned)k->target.r * 7919u + (unsigned)k->col * 31u +
                 k->retreat * 17u + (k->horse_near ? 101u : 0u) + (unsigned)k->natt;
    for (int i = 0; i < k->natt; i++)
        h = h * 2654435761u + (unsigned)k->att[i];
    return (h ^ (h >> 13)) % ROWS_KEPT;
}

static double attack_value(AiPlayer *ai, AttackCtx *cx, const int *att, int natt, Hex target, int extra, int *column);

double ai_attack_value(AiPlayer *ai, const int *att, int natt, Hex target, int extra, int *column)
{
    AttackCtx c;
    attack_ctx(ai, &c);
    return attack_value(ai, &c, att, natt, target, extra, column);
}

static double attack_value(AiPlayer *ai, AttackCtx *cx, const int *att, int natt, Hex target, int extra, int *column)
{
    const Game *g = ai->wk;
    const Rules *r = &g->rules;
    CombatOdds o;
    char why[128];
    ai_spend(ai, 1);
    if (!combat_odds_prep(g, &cx->prep, att, natt, target, &o, why, sizeof why))
        return -1e9;
    int col = o.column + extra;
    col = col < 0 ? 0 : col >= CRT_COLUMNS ? CRT_COLUMNS - 1 : col;
    if (column)
        *column = col;
    int nd = o.ndef;
    bool retreat_ok[16];
    double dworth[16];
    bool dleader[16];
    for (int i = 0; i < nd; i++) {
        retreat_ok[i] = can_retreat(g, o.defenders[i]);
        dworth[i] = ai_sp_worth(g, o.defenders[i]);
        dleader[i] = cx->prep.leader[o.defenders[i]] >= 0;
    }
    /* Our horse close by cuts down routers. */
    bool horse_near = false;
    for (int k = 0; k < cx->nhorse && !horse_near; k++)
        horse_near = hex_distance(g->units[cx->horse[k]].hex, target) <= 2;
    int tidx = ai_idx(ai, target);
    bool assault = tidx >= 0 && ai_is_town(ai, tidx) && ai->side != g->town_side;
    bool takes_town = assault && tidx == ai_town_place(ai);
    /* An enemy inside the walls is a mortal threat to the town's holder:
     * throwing him out is worth more than the strength it costs. */
    bool intruder = tidx >= 0 && ai_is_town(ai, tidx) && ai->side == g->town_side;
    /* An enemy falling back as if beaten (core's feint rule): to a
     * beginner, an ordinary player or a sally that has been told to press
     * on, a beaten enemy to run down; a level 3 player smells the trap. */
    double lure = 0;
    for (int i = 0; i < natt && lure == 0; i++) {
        int f = combat_feint_lure(g, att[i]);
        for (int k = 0; f >= 0 && k < nd; k++)
            if (o.defenders[k] == f)
                lure = ai->level >= 3 && ai->posture != AI_POSTURE_ATTACK ? -LURE_VALUE : LURE_VALUE;
    }
    const Unit *lead = &g->units[att[0]];
    double lworth = ai_sp_worth(g, att[0]);
    bool lead_leader = cx->prep.leader[att[0]] >= 0;
    double ow = cx->ow;
    double mw = cx->mw;
    RowsKey key;
    RowsKept *kept = NULL;
    if (natt <= CMD_MAX_UNITS) {
        memset(&key, 0, sizeof key);
        key.target = target;
        for (int i = 0; i < natt; i++)
            key.att[i] = att[i];
        key.natt = natt;
        key.col = col;
        for (int i = 0; i < nd; i++)
            key.retreat |= retreat_ok[i] ? 1u << i : 0u;
        key.horse_near = horse_near;
        kept = &cx->rows[rows_slot(&key)];
        if (kept->used && memcmp(&kept->key, &key, sizeof key) == 0)
            return kept->total / CRT_ROWS + lure;
    }
    double aworth[CMD_MAX_UNITS];
    for (int i = 0; i < natt && i < CMD_MAX_UNITS; i++)
        aworth[i] = ai_sp_worth(g, att[i]);
    double total = 0;
    for (int row = 0; row < CRT_ROWS; row++) {
        CrtResult res = r->crt[row][col];
        int lost[16] = {0};
        for (int k = 0; k < res.def_sp; k++) {
            int bi = -1;
            for (int i = 0; i < nd; i++)
                if (g->units[o.defenders[i]].sp - lost[i] > 0 &&
                    (bi < 0 || g->units[o.defenders[i]].sp - lost[i] > g->units[o.defenders[bi]].sp - lost[bi]))
                    bi = i;
            if (bi >= 0)
                lost[bi]++;
        }
        double v = 0;
        bool cleared = true;
        for (int i = 0; i < nd; i++) {
            const Unit *d = &g->units[o.defenders[i]];
            int left = d->sp - lost[i];
            if (left <= 0) {
                v += d->sp * dworth[i] + ELIM_BONUS + (dleader[i] ? LEADER_VALUE : 0);
                continue;
            }
            int coh_after = d->cohesion - res.def_coh;
            v += lost[i] * dworth[i] + 0.07 * (res.def_coh < d->cohesion ? res.def_coh : d->cohesion) * left * dworth[i];
            if (lost[i] && dleader[i])
                v += r->leader_loss_pct / 100.0 * LEADER_VALUE;
            bool routed = coh_after <= 0;
            bool retreats = res.def_retreat || routed;
            if (retreats && !retreat_ok[i]) {
                v += left * dworth[i] + ELIM_BONUS + (dleader[i] ? LEADER_VALUE : 0); /* surrounded */
                continue;
            }
            if (retreats) {
                v += 0.3;
                if (routed)
                    v += 0.3 * left * dworth[i] + (horse_near ? 0.35 * left * dworth[i] : 0);
            } else {
                cleared = false;
            }
        }
        int asp = res.att_sp < lead->sp ? res.att_sp : lead->sp;
        v -= ow * (asp * lworth + (asp >= lead->sp ? ELIM_BONUS + mw * r->morale_loss_eliminated : 0));
        if (asp && lead_leader)
            v -= ow * (r->leader_loss_pct / 100.0 + (asp >= lead->sp ? 1.0 : 0)) * LEADER_VALUE;
        int lead_coh = lead->cohesion;
        for (int i = 0; i < natt; i++) {
            const Unit *a = &g->units[att[i]];
            int sp = i == 0 ? a->sp - asp : a->sp;
            if (sp <= 0)
                continue;
            double w = i < CMD_MAX_UNITS ? aworth[i] : ai_sp_worth(g, att[i]);
            int c = res.att_coh < a->cohesion ? res.att_coh : a->cohesion;
            v -= ow * 0.07 * c * sp * w;
            if (a->cohesion - res.att_coh <= 0)
                v -= ow * (0.3 * sp * w + 0.3 * mw * r->morale_loss_eliminated);
            if (i == 0)
                lead_coh = a->cohesion - res.att_coh;
        }
        if (res.att_retreat)
            v -= ow * 0.2;
        if (assault && cleared && asp < lead->sp && lead_coh > r->shaken_at)
            v += takes_town ? 30.0 : (ai->level >= 2 ? 4.0 : 2.0);
        if (intruder && cleared)
            v += INTRUDER_VALUE;
        total += v;
    }
    if (kept) {
        kept->used = true;
        kept->key = key;
        kept->total = total;
    }
    return total / CRT_ROWS + lure;
}

/* Expected loss (SP worth) of our unit u if it stood at idx in front of
 * the enemy threat there, the target's own value `minus` set aside. */
static double exposure_risk(AiPlayer *ai, const AttackCtx *c, int u, int idx, double minus)
{
    const Game *g = ai->wk;
    double threat = ai->threat[idx] - minus;
    if (threat <= 0)
        return 0;
    int cv = c->prep.cv[u];
    if (cv <= 0)
        cv = 1;
    int col = combat_column(g, (int)(threat * 100.0 / cv));
    Terrain t = (Terrain)ai->ter[idx];
    int shift = 1 - g->rules.defence_shift[t]; /* they will find a flank */
    if (t == TER_GATE) {
        int gi = game_gate_at(g, ai->hexof[idx]);
        if (gi >= 0 && g->gates[gi].state != GATE_SHUT)
            shift = 1;
    }
    col += shift;
    col = col < 0 ? 0 : col >= CRT_COLUMNS ? CRT_COLUMNS - 1 : col;
    double a, d;
    combat_expected(g, col, &a, &d);
    double w = ai_sp_worth(g, u);
    double loss = d * w;
    /* A rout or a blocked retreat costs the whole unit. */
    int routs = 0;
    for (int row = 0; row < CRT_ROWS; row++)
        if (g->units[u].cohesion - g->rules.crt[row][col].def_coh <= 0)
            routs++;
    loss += routs / (double)CRT_ROWS * (0.5 * g->units[u].sp * w + 0.5 * c->mw * g->rules.morale_loss_eliminated);
    if (c->prep.leader[u] >= 0)
        loss += (d > 0 ? g->rules.leader_loss_pct / 100.0 : 0) * LEADER_VALUE + (ai->level >= 3 ? 0.3 : 0);
    return loss * 0.7; /* they may not come */
}

/* exposure_risk, kept through one target's trials (the threat, the
 * ground and the target's value do not change in them). */
static double exposure_kept(AiPlayer *ai, AttackCtx *c, int target, int u, int idx, double minus)
{
    RiskKept *k = &c->risks[((unsigned)u * 40503u + (unsigned)idx * 2654435761u) % RISKS_KEPT];
    if (k->target == target && k->u == u && k->idx == idx)
        return k->risk;
    double risk = exposure_risk(ai, c, u, idx, minus);
    *k = (RiskKept){target, u, idx, risk};
    return risk;
}

static bool may_attack(const AiPlayer *ai, int u)
{
    const Game *g = ai->wk;
    const Unit *x = &g->units[u];
    if (x->status != UNIT_ON_MAP || x->side != ai->side || x->attacked || x->cohesion <= 0)
        return false;
    /* Shaken units do not lead attacks above the first level. */
    return ai->level == 1 || x->cohesion > g->rules.shaken_at;
}

/* The attacker who takes the losses: the strongest without a leader. */
static void order_attackers(const AiPlayer *ai, const int16_t *leader, int *att, int *at, int natt)
{
    const Game *g = ai->wk;
    if (ai->level < 2 || natt < 2)
        return;
    int best = 0;
    for (int i = 1; i < natt; i++) {
        bool li = leader[att[i]] >= 0, lb = leader[att[best]] >= 0;
        if ((lb && !li) || (li == lb && g->units[att[i]].sp > g->units[att[best]].sp))
            best = i;
    }
    int t = att[0];
    att[0] = att[best];
    att[best] = t;
    t = at[0];
    at[0] = at[best];
    at[best] = t;
}

static double threshold(const AiPlayer *ai, bool siege_opening)
{
    static const double battle[AI_LEVEL_MAX + 1] = {0, 0.15, 0.25, 0.3};
    static const double opening[AI_LEVEL_MAX + 1] = {0, 0.3, 0.5, 0.6};
    if (siege_opening && (ai->posture == AI_POSTURE_ATTACK || ai->posture == AI_POSTURE_SORTIE))
        return opening[ai->level] - 0.5; /* the plan says strike: an even chance will do */
    return siege_opening ? opening[ai->level] : battle[ai->level];
}

static double risk_weight(const AiPlayer *ai)
{
    static const double w[AI_LEVEL_MAX + 1] = {0, 0.0, 0.5, 0.8};
    return w[ai->level];
}

/* How far a garrison's men standing outside the walls may be outmatched
 * by what can strike them next impulse (enemy combat value that can reach
 * them over their own), by level; a plan to strike allows more, an army
 * near breaking less. */
static double outside_limit(const AiPlayer *ai)
{
    static const double lim[AI_LEVEL_MAX + 1] = {0, 2.5, 1.75, 99.0};
    if (ai->posture == AI_POSTURE_SORTIE)
        return AI_SORTIE_OUTSIDE_LIMIT; /* a cold-day sortie does not lose the army */
    /* Only an army that can lose the game by its morale holds back so. */
    if (morale_margin(ai, ai->side) >= 99)
        return 99.0;
    double l = lim[ai->level];
    if (ai->posture == AI_POSTURE_ATTACK)
        l += 1.0;
    if (ai->level >= 2 && morale_margin(ai, ai->side) <= 4)
        l *= 0.75;
    return l;
}

/* True when the attackers (standing on at[] in ai->wk) are a garrison's
 * sally outside the walls, and what the enemy can strike back with next
 * impulse at any of their hexes outweighs the whole sally beyond
 * outside_limit(); the target's own value, `minus`, is set aside (it may
 * be beaten). */
static bool outmatched(AiPlayer *ai, const AttackCtx *c, const int *att, const int *at, int natt, double minus,
                       bool siege_opening, const bool *from_town)
{
    const Game *g = ai->wk;
    if (g->town_side < 0 || ai->side != g->town_side)
        return false;
    double force = 0, worst = 0;
    bool outside = false, leaves = siege_opening;
    for (int i = 0; i < natt; i++) {
        if (ai_is_town(ai, at[i]))
            continue;
        outside = true;
        leaves |= from_town[att[i]];
        force += (double)(c->prep.cv[att[i]] > 0 ? c->prep.cv[att[i]] : 1);
        double t = ai->threat[at[i]] - minus;
        if (t > worst)
            worst = t;
    }
    if (!outside || !leaves)
        return false;
    /* Our men already standing on those hexes fight with them. */
    for (int k = 0; k < c->nours; k++) {
        int u = c->ours[k];
        const Unit *x = &g->units[u];
        bool in = false, isatt = false;
        for (int i = 0; i < natt; i++) {
            in |= !ai_is_town(ai, at[i]) && ai_idx(ai, x->hex) == at[i];
            isatt |= att[i] == u;
        }
        if (in && !isatt)
            force += (double)(c->prep.cv[u] > 0 ? c->prep.cv[u] : 1);
    }
    return worst / force > outside_limit(ai);
}

bool ai_best_attack(AiPlayer *ai, bool siege_opening, int gate, AiAttack *out)
{
    Game *g = ai->wk;
    int side = ai->side;
    ai_grids(ai, side);
    int targets[MAX_TARGETS], nt = 0;
    for (int u = 0; u < g->nunits && nt < MAX_TARGETS; u++) {
        const Unit *x = &g->units[u];
        if (x->status != UNIT_ON_MAP || x->side == side || !game_unit_visible(g, u, side))
            continue;
        if (siege_opening && ai->open_sector >= 0 && siege_sector_of(g, x->hex) != ai->open_sector)
            continue; /* the plan names the gate */
        int i = ai_idx(ai, x->hex);
        if (!ai_may_storm(ai) && side != g->town_side && ai_is_town(ai, i))
            continue; /* the plan is to wait or to pursue, not to storm */
        bool dup = false;
        for (int k = 0; k < nt; k++)
            dup |= targets[k] == i;
        if (i >= 0 && !dup)
            targets[nt++] = i;
    }
    if (nt == 0)
        return false;
    /* Slots: where each unit could stand to strike each target. */
    ai->nslots = 0;
    for (int u = 0; u < g->nunits; u++) {
        if (!may_attack(ai, u))
            continue;
        const Unit *x = &g->units[u];
        int here = ai_idx(ai, x->hex);
        if (siege_opening && ai->open_sector >= 0 && !ai_is_town(ai, here) && siege_sector_of(g, x->hex) != ai->open_sector)
            continue; /* out of the named gate's sector */
        bool moves = x->mp > 0 && !ai_holds_heart(ai, u) && (ai->level >= 2 || g->mode == MODE_BATTLE || siege_opening);
        if (moves)
            ai_flood(ai, u, x->mp, true, ai->cost, NULL);
        for (int k = 0; k < nt; k++) {
            for (int d = 0; d < HEX_DIRS; d++) {
                int nb = ai->nb[targets[k] * HEX_DIRS + d];
                if (nb < 0 || ai->nslots >= AI_SLOTS_MAX)
                    continue;
                if (nb == here || (moves && ai->cost[nb] >= 0 && ai->friends[nb] < g->rules.stack_limit))
                    ai->slots[ai->nslots++] = (AiSlot){u, nb, targets[k]};
            }
        }
    }
    AttackCtx ctx;
    attack_ctx(ai, &ctx);
    /* Who stands inside the walls before anyone moves. */
    bool from_town[MAX_UNITS];
    for (int u = 0; u < g->nunits && u < MAX_UNITS; u++)
        from_town[u] = g->units[u].status == UNIT_ON_MAP && ai_is_town(ai, ai_idx(ai, g->units[u].hex));
    int maxatt = ai->level == 1 ? 2 : CMD_MAX_UNITS;
    if (siege_opening && ai->open_max > 0 && ai->open_max < maxatt)
        maxatt = ai->open_max;
    int room = gate >= 0 ? siege_gate_room(g, gate) : 0;
    AiAttack best = {0};
    best.value = -1e9;
    bool found = false;
    for (int k = 0; k < nt && !ai->out_of_budget; k++) {
        int T = targets[k];
        Hex th = ai->hexof[T];
        AiAttack cur = {0};
        cur.target = T;
        cur.gate = gate;
        cur.value = -1e9;
        Hex saved[CMD_MAX_UNITS];
        int used_at[CMD_MAX_UNITS];
        int passed = 0;
        double target_cv = 0;
        for (int u = 0; u < g->nunits; u++)
            if (g->units[u].status == UNIT_ON_MAP && g->units[u].side != side && hex_eq(g->units[u].hex, th))
                target_cv += ctx.prep.cv[u];
        for (int round = 0; round < maxatt; round++) {
            int bs = -1;
            double bv = -1e9;
            int bcol = 0;
            for (int s = 0; s < ai->nslots; s++) {
                const AiSlot *sl = &ai->slots[s];
                if (sl->target != T)
                    continue;
                bool dup = false;
                int here = 0;
                for (int i = 0; i < cur.natt; i++) {
                    dup |= cur.att[i] == sl->unit;
                    here += cur.at[i] == sl->at;
                }
                if (dup)
                    continue;
                Unit *x = &g->units[sl->unit];
                int from = ai_idx(ai, x->hex);
                if (sl->at != from && ai->friends[sl->at] + here >= g->rules.stack_limit)
                    continue;
                bool through = gate >= 0 && ai_is_town(ai, from) && !ai_is_town(ai, sl->at);
                if (through && passed + x->sp > room)
                    continue;
                if (!ai_spend(ai, 1))
                    break;
                Hex old = x->hex;
                game_unit_place(g, sl->unit, ai->hexof[sl->at]);
                int att[CMD_MAX_UNITS], at[CMD_MAX_UNITS];
                for (int i = 0; i < cur.natt; i++) {
                    att[i] = cur.att[i];
                    at[i] = cur.at[i];
                }
                att[cur.natt] = sl->unit;
                at[cur.natt] = sl->at;
                order_attackers(ai, ctx.prep.leader, att, at, cur.natt + 1);
                int extra = siege_opening ? ai_surprise_shift(g, side, ai->hexof[at[0]], th) : 0;
                int col;
                double v = attack_value(ai, &ctx, att, cur.natt + 1, th, extra, &col);
                if (ai->level >= 2) {
                    double risk = 0;
                    for (int i = 0; i <= cur.natt; i++)
                        risk += exposure_kept(ai, &ctx, T, att[i], at[i], target_cv * 0.5);
                    v -= risk_weight(ai) * risk;
                }
                if (outmatched(ai, &ctx, att, at, cur.natt + 1, target_cv * 0.5, siege_opening, from_town))
                    v = -1e9;
                game_unit_place(g, sl->unit, old);
                if (v > bv) {
                    bv = v;
                    bs = s;
                    bcol = col;
                }
            }
            if (bs < 0 || (cur.natt > 0 && bv <= cur.value + 0.05))
                break;
            const AiSlot *sl = &ai->slots[bs];
            Unit *x = &g->units[sl->unit];
            int from = ai_idx(ai, x->hex);
            if (gate >= 0 && ai_is_town(ai, from) && !ai_is_town(ai, sl->at))
                passed += x->sp;
            saved[cur.natt] = x->hex;
            used_at[cur.natt] = sl->at;
            game_unit_place(g, sl->unit, ai->hexof[sl->at]);
            cur.att[cur.natt] = sl->unit;
            cur.at[cur.natt] = sl->at;
            cur.natt++;
            cur.value = bv;
            cur.column = bcol;
        }
        for (int i = cur.natt - 1; i >= 0; i--)
            game_unit_place(g, cur.att[i], saved[i]);
        (void)used_at;
        if (cur.natt == 0)
            continue;
        order_attackers(ai, ctx.prep.leader, cur.att, cur.at, cur.natt);
        cur.value += ai_noise(ai, ai->level == 1 ? 0.6 : ai->level == 2 ? 0.15 : 0.0);
        if (cur.value > best.value) {
            best = cur;
            found = true;
        }
    }
    if (!found || best.value < threshold(ai, siege_opening))
        return false;
    /* A beginner makes mistakes, but attacks only at fair odds. */
    if (ai->level == 1 && best.column < combat_column(g, 100))
        return false;
    *out = best;
    return true;
}

bool ai_execute_attack(AiPlayer *ai, const AiAttack *a)
{
    Game *g = ai->wk;
    if (a->gate >= 0 && g->gates[a->gate].state == GATE_SHUT) {
        Command c = {.type = CMD_OPEN_GATE, .side = ai->side, .units = {-1, -1, -1, -1}, .arg = a->gate};
        if (!ai_step(ai, &c))
            return false;
    }
    int att[CMD_MAX_UNITS], n = 0;
    /* Movers that pass the gate go first, the rest after. */
    for (int i = 0; i < a->natt; i++) {
        const Unit *x = &g->units[a->att[i]];
        int from = ai_idx(ai, x->hex);
        if (from != a->at[i]) {
            Command c = cmd_move(ai->side, a->att[i], ai->hexof[a->at[i]]);
            if (!ai_step(ai, &c))
                continue; /* attack with the others */
        }
        att[n++] = a->att[i];
    }
    if (n == 0)
        return false;
    Command c = cmd_attack(ai->side, att[0], ai->hexof[a->target]);
    c.nunits = n;
    for (int i = 0; i < n; i++)
        c.units[i] = att[i];
    return ai_step(ai, &c);
}

/* ---- moves ------------------------------------------------------------ */


bool ai_move_toward(AiPlayer *ai, int u, int goal, const uint8_t *avoid)
{
    Game *g = ai->wk;
    const Unit *x = &g->units[u];
    if (x->status != UNIT_ON_MAP || x->mp <= 0 || x->attacked || goal < 0)
        return false;
    int here = ai_idx(ai, x->hex);
    if (here == goal)
        return false;
    ai_grids(ai, ai->side);
    /* The goal itself, or its cheapest free neighbour if the enemy holds it
     * (a goal never reached floods the whole map: every cost is final). */
    int ring[HEX_DIRS];
    ai_flood_to(ai, u, ring, ai_goal_ring(ai, goal, !ai->enemy[goal], ring), ai->cost2, ai->prev);
    int end = goal;
    if (ai->enemy[goal] || ai->cost2[goal] < 0) {
        end = -1;
        for (int d = 0; d < HEX_DIRS; d++) {
            int nb = ai->nb[goal * HEX_DIRS + d];
            if (nb >= 0 && ai->cost2[nb] >= 0 && (end < 0 || ai->cost2[nb] < ai->cost2[end]))
                end = nb;
        }
        if (end < 0 || end == here)
            return false;
    }
    int path[1024], len = 0;
    for (int i = end; i >= 0 && i != here && len < 1024; i = ai->prev[i])
        path[len++] = i;
    ai_flood(ai, u, x->mp, true, ai->cost, NULL);
    for (int k = 0; k < len; k++) { /* path[0] is the far end */
        int i = path[k];
        if (ai->cost[i] < 0 || ai->friends[i] >= g->rules.stack_limit || (avoid && avoid[i]))
            continue;
        Command c = cmd_move(ai->side, u, ai->hexof[i]);
        if (ai_step(ai, &c))
            return true;
    }
    return false;
}
