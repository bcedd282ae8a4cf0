/* combat.c - combat values, odds columns and shifts (history.md 2.2).
 *
 * CV = SP x type x quality x cohesion/10 (the cohesion factor never below
 * rules.cohesion_min_pct), all in integer percent. The attacker:defender
 * ratio picks a column; shifts move it. */
#include "combat.h"
#include "effect.h"
#include "internal.h"
#include "path.h"
#include <stdio.h>
#include <string.h>

int combat_unit_cv(const Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    const Rules *r = &g->rules;
    int coh_pct = u->cohesion * 100 / (r->cohesion_max > 0 ? r->cohesion_max : 10);
    if (coh_pct < r->cohesion_min_pct)
        coh_pct = r->cohesion_min_pct;
    int q = (u->quality >= 0 && u->quality < QUAL_COUNT) ? r->quality_pct[u->quality] : 100;
    long long cv = (long long)u->sp * 100;
    cv = cv * r->types[u->type].strength_pct / 100;
    cv = cv * q / 100;
    cv = cv * coh_pct / 100;
    return (int)cv;
}

static bool is_open_ground(Terrain t) { return t == TER_OPEN || t == TER_ROAD; }

static int best_tactics(const Game *g, const CombatPrep *p, const int *units, int n)
{
    int best = 0;
    for (int i = 0; i < n; i++) {
        int l = p ? p->leader[units[i]] : game_leader_with(g, units[i]);
        if (l >= 0 && g->leaders[l].tactics > best)
            best = g->leaders[l].tactics;
    }
    return best;
}

int combat_column(const Game *g, int ratio_pct)
{
    int col = 0;
    for (int c = 0; c < CRT_COLUMNS; c++)
        if (ratio_pct >= g->rules.odds_pct[c])
            col = c;
    return col;
}

void combat_prep(const Game *g, CombatPrep *p)
{
    for (int u = 0; u < g->nunits; u++) {
        p->leader[u] = -1;
        p->cv[u] = combat_unit_cv(g, u);
    }
    /* The first living leader riding with a unit, as game_leader_with. */
    for (int i = g->nleaders - 1; i >= 0; i--) {
        const Leader *l = &g->leaders[i];
        if (l->alive && l->unit >= 0 && l->unit < g->nunits)
            p->leader[l->unit] = (int16_t)i;
    }
    p->has_stack = false;
}

bool combat_odds(const Game *g, const int *att, int natt, Hex target, CombatOdds *o, char *why, size_t n)
{
    return combat_odds_prep(g, NULL, att, natt, target, o, why, n);
}

bool combat_odds_prep(const Game *g, CombatPrep *p, const int *att, int natt, Hex target, CombatOdds *o, char *why,
                      size_t n)
{
    memset(o, 0, sizeof *o);
    if (natt < 1) {
        snprintf(why, n, "no attacking unit given");
        return false;
    }
    int side = g->units[att[0]].side;
    int dirs[16];
    if (natt > 16) {
        snprintf(why, n, "at most 16 units may attack together");
        return false;
    }
    for (int i = 0; i < natt; i++) {
        const Unit *u = &g->units[att[i]];
        if (u->status != UNIT_ON_MAP) {
            snprintf(why, n, "%s is not on the map", u->name);
            return false;
        }
        if (u->side != side) {
            snprintf(why, n, "%s fights for the other side", u->name);
            return false;
        }
        dirs[i] = hex_direction_to(target, u->hex);
        if (dirs[i] < 0) {
            snprintf(why, n, "%s is not next to the target", u->name);
            return false;
        }
        o->att_cv += p ? p->cv[att[i]] : combat_unit_cv(g, att[i]);
    }
    /* Walls, shut gates and the tell multiply their defenders' value
     * against attackers from outside or below, and ladders leave no room to
     * take a wall in flank, rear or at the charge. */
    Terrain tt = map_terrain(&g->map, target);
    bool fortified = false;
    for (int i = 0; i < natt; i++) {
        Terrain ta = map_terrain(&g->map, g->units[att[i]].hex);
        if ((tt == TER_WALL || tt == TER_GATE) && !terrain_is_town(ta))
            fortified = true;
        if (tt == TER_HILL && ta != TER_HILL)
            fortified = true;
    }
    if (tt == TER_GATE) {
        int gi = game_gate_at(g, target);
        if (gi >= 0 && g->gates[gi].state != GATE_SHUT)
            fortified = false;
    }
    int def_pct = fortified ? g->rules.defence_pct[tt] : 100;
    o->ndef = 0;
    if (p && p->has_stack && p->def_side == side && hex_eq(p->def_hex, target)) {
        for (int k = 0; k < p->ndef; k++) {
            o->defenders[o->ndef++] = p->def[k];
            o->def_cv += p->cv[p->def[k]] * def_pct / 100;
        }
    } else {
        for (int i = 0; i < g->nunits && o->ndef < 16; i++) {
            const Unit *u = &g->units[i];
            if (u->status == UNIT_ON_MAP && u->side != side && hex_eq(u->hex, target)) {
                o->defenders[o->ndef++] = i;
                o->def_cv += (p ? p->cv[i] : combat_unit_cv(g, i)) * def_pct / 100;
            }
        }
        if (p) {
            p->has_stack = true;
            p->def_hex = target;
            p->def_side = side;
            p->ndef = o->ndef;
            memcpy(p->def, o->defenders, sizeof p->def);
        }
    }
    if (o->ndef == 0) {
        snprintf(why, n, "there is no enemy there to attack");
        return false;
    }
    const Rules *r = &g->rules;
    int ratio = o->def_cv > 0 ? (int)((long long)o->att_cv * 100 / o->def_cv) : 100000;
    int col = combat_column(g, ratio);
    o->base_column = col;

    int shifts = -r->defence_shift[tt];
    /* Cracked walls (takbir, tremor) give less, never nothing less. */
    if (tt == TER_WALL || tt == TER_GATE) {
        int cracks = siege_wall_cracks(g, target);
        shifts += cracks < -shifts ? cracks : -shifts > 0 ? -shifts : 0;
    }
    /* A shut gate counts as wall; an open or forced one is just a gap. */
    if (tt == TER_GATE) {
        int gi = game_gate_at(g, target);
        if (gi >= 0 && g->gates[gi].state != GATE_SHUT)
            shifts = 0;
    }
    /* Flank: attacked from two directions that are not neighbours; rear:
     * from opposite sides. */
    int flank = 0;
    for (int i = 0; i < natt; i++)
        for (int j = i + 1; j < natt; j++) {
            int diff = (dirs[i] - dirs[j] + 6) % 6;
            if (diff == 3)
                flank = flank < 2 ? 2 : flank;
            else if (diff == 2 || diff == 4)
                flank = flank < 1 ? 1 : flank;
        }
    bool on_ladders = fortified && tt != TER_HILL;
    if (!on_ladders)
        shifts += flank == 2 ? r->shift_rear : flank == 1 ? r->shift_flank : 0;
    /* Charge: a mounted unit that charges, attacking across open ground. */
    if (is_open_ground(tt) && !on_ladders) {
        for (int i = 0; i < natt; i++) {
            const Unit *u = &g->units[att[i]];
            if (r->types[u->type].charges && is_open_ground(map_terrain(&g->map, u->hex)) && !g->charges_cancelled) {
                shifts += r->shift_charge;
                break;
            }
        }
    }
    /* Uphill: attacking onto a hill from lower ground. */
    if (tt == TER_HILL) {
        bool all_high = true;
        for (int i = 0; i < natt; i++)
            if (map_terrain(&g->map, g->units[att[i]].hex) != TER_HILL)
                all_high = false;
        if (!all_high)
            shifts -= r->shift_uphill;
    }
    /* Leaders: half their tactics rating, at most shift_leader, each way. */
    int la = best_tactics(g, p, att, natt) / 2, ld = best_tactics(g, p, o->defenders, o->ndef) / 2;
    shifts += (la > r->shift_leader ? r->shift_leader : la) - (ld > r->shift_leader ? r->shift_leader : ld);
    shifts += siege_attack_shift(g, side, target);
    shifts += traits_combat_shift(g, p ? p->leader : NULL, att, natt, o->defenders, o->ndef);
    o->shifts = shifts;
    col += shifts;
    if (col < 0)
        col = 0;
    if (col >= CRT_COLUMNS)
        col = CRT_COLUMNS - 1;
    o->column = col;
    return true;
}

void combat_expected(const Game *g, int column, double *att_sp, double *def_sp)
{
    double a = 0, d = 0;
    for (int r = 0; r < CRT_ROWS; r++) {
        a += g->rules.crt[r][column].att_sp;
        d += g->rules.crt[r][column].def_sp;
    }
    *att_sp = a / CRT_ROWS;
    *def_sp = d / CRT_ROWS;
}

static void ratio_label(int pct, char *buf, size_t n)
{
    if (pct >= 100 && pct % 100 == 0)
        snprintf(buf, n, "%d:1", pct / 100);
    else if (pct >= 100 && pct % 50 == 0)
        snprintf(buf, n, "%d:2", pct / 50);
    else if (pct > 0 && 100 % pct == 0)
        snprintf(buf, n, "1:%d", 100 / pct);
    else
        snprintf(buf, n, "%d%%", pct);
}

void combat_column_label(const Game *g, int column, char *buf, size_t n)
{
    if (column < 0 || column >= CRT_COLUMNS) {
        snprintf(buf, n, "?");
        return;
    }
    int pct = g->rules.odds_pct[column];
    if (pct <= 0 && column + 1 < CRT_COLUMNS) {
        char next[16];
        ratio_label(g->rules.odds_pct[column + 1], next, sizeof next);
        snprintf(buf, n, "<%s", next);
        return;
    }
    ratio_label(pct, buf, n);
}

/* ---- resolution ------------------------------------------------------- */

static int sum_dist(Hex h, const Hex *from, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += hex_distance(h, from[i]);
    return s;
}

static bool enemy_horse_adjacent(const Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    for (int i = 0; i < g->nunits; i++) {
        const Unit *e = &g->units[i];
        if (e->status == UNIT_ON_MAP && e->side != u->side && e->cohesion > 0 &&
            g->rules.types[e->type].move_class == MOVE_HORSE && hex_distance(e->hex, u->hex) == 1)
            return true;
    }
    return false;
}

/* Moves unit ui one hex away from the hexes in `away`; a unit that cannot
 * go back is destroyed (surrounded). A routed unit caught by enemy horse
 * loses half its strength on the way. */
static void retreat_unit(Game *g, int ui, const Hex *away, int naway)
{
    Unit *u = &g->units[ui];
    if (u->status != UNIT_ON_MAP)
        return;
    Hex best = u->hex;
    int best_score = -1;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex nb = hex_neighbor(u->hex, d);
        if (!map_contains(&g->map, nb) || path_step_cost(g, ui, u->hex, nb) < 0)
            continue;
        int score = sum_dist(nb, away, naway) * 4 + (path_in_enemy_zoc(g, u->side, nb) ? 0 : 2);
        if (score > best_score) {
            best_score = score;
            best = nb;
        }
    }
    if (best_score < 0) {
        /* Nowhere to go: surrounded units are destroyed on a retreat. */
        unit_lose(g, ui, u->sp, 0);
        return;
    }
    Event e = game_event(g, EV_RETREAT);
    e.unit = ui;
    e.side = u->side;
    e.from = u->hex;
    e.to = best;
    game_unit_place(g, ui, best);
    game_emit(g, &e);
    if (u->cohesion == 0 && enemy_horse_adjacent(g, ui) && u->sp > 0)
        unit_lose(g, ui, (u->sp + 1) / 2, 0);
}

static void maybe_lose_leader(Game *g, int ui)
{
    int l = game_leader_with(g, ui);
    if (l < 0)
        return;
    if (rng_roll(&g->rng, 100) <= g->rules.leader_loss_pct || g->units[ui].status != UNIT_ON_MAP) {
        Leader *ld = &g->leaders[l];
        ld->alive = false;
        ld->unit = -1;
        Event e = game_event(g, EV_LEADER_LOST);
        e.side = ld->side;
        e.unit = ui;
        e.a = l;
        game_emit(g, &e);
        Side *s = &g->sides[ld->side];
        int before = s->morale;
        s->morale -= g->rules.morale_loss_leader;
        if (s->morale < 0)
            s->morale = 0;
        Event m = game_event(g, EV_MORALE);
        m.side = ld->side;
        m.a = s->morale - before;
        m.b = s->morale;
        snprintf(m.text, sizeof m.text, "%s is lost", ld->name);
        game_emit(g, &m);
    }
}

void combat_resolve(Game *g, const int *att, int natt, Hex target)
{
    CombatOdds o;
    char why[128];
    if (!combat_odds(g, att, natt, target, &o, why, sizeof why))
        return;
    int roll = rng_roll(&g->rng, 10);
    CrtResult res = g->rules.crt[roll - 1][o.column];
    char col[16], base[16];
    combat_column_label(g, o.column, col, sizeof col);
    combat_column_label(g, o.base_column, base, sizeof base);
    Event ev = game_event(g, EV_COMBAT);
    ev.side = g->units[att[0]].side;
    ev.unit = att[0];
    ev.unit2 = o.defenders[0];
    ev.from = g->units[att[0]].hex;
    ev.to = target;
    ev.a = o.column;
    ev.b = roll;
    ev.c = o.shifts;
    snprintf(ev.text, sizeof ev.text, "%s (odds %s, shifts %+d)", col, base, o.shifts);
    game_emit(g, &ev);
    g->impulse_fought = true;

    /* Attacking the unit that feigned withdrawal is following it. */
    for (int i = 0; i < natt; i++) {
        int f = combat_feint_lure(g, att[i]);
        if (f >= 0 && hex_eq(g->units[f].hex, target))
            traits_feint_follows(g, att[i], true);
    }
    Hex att_hexes[16];
    for (int i = 0; i < natt; i++) {
        Unit *u = &g->units[att[i]];
        u->attacked = true;
        u->mp = 0;
        att_hexes[i] = u->hex;
    }
    /* Defender losses, one SP at a time to the strongest unit. */
    int lost_by[16] = {0};
    for (int k = 0; k < res.def_sp; k++) {
        int bi = -1;
        for (int i = 0; i < o.ndef; i++)
            if (g->units[o.defenders[i]].sp - lost_by[i] > 0 &&
                (bi < 0 || g->units[o.defenders[i]].sp - lost_by[i] > g->units[o.defenders[bi]].sp - lost_by[bi]))
                bi = i;
        if (bi >= 0)
            lost_by[bi]++;
    }
    for (int i = 0; i < o.ndef; i++) {
        if (lost_by[i] || res.def_coh)
            unit_lose(g, o.defenders[i], lost_by[i], res.def_coh);
        if (lost_by[i])
            maybe_lose_leader(g, o.defenders[i]);
    }
    /* A ladder assault that is thrown back costs double [history.md 2.5]. */
    Terrain target_t = map_terrain(&g->map, target);
    if (res.att_retreat && target_t == TER_WALL && g->units[att[0]].side != g->town_side)
        res.att_sp = (signed char)(res.att_sp * 2);
    /* Attacker losses fall on the leading unit; cohesion on all. */
    for (int i = 0; i < natt; i++) {
        int sp = i == 0 ? res.att_sp : 0;
        if (sp || res.att_coh)
            unit_lose(g, att[i], sp, res.att_coh);
        if (sp)
            maybe_lose_leader(g, att[i]);
    }
    /* Retreats: ordered, or forced on routed units. */
    for (int i = 0; i < o.ndef; i++) {
        Unit *u = &g->units[o.defenders[i]];
        if (u->status == UNIT_ON_MAP && (res.def_retreat || u->cohesion == 0))
            retreat_unit(g, o.defenders[i], att_hexes, natt);
    }
    for (int i = 0; i < natt; i++) {
        Unit *u = &g->units[att[i]];
        if (u->status == UNIT_ON_MAP && (res.att_retreat || u->cohesion == 0)) {
            Hex t[1] = {target};
            retreat_unit(g, att[i], t, 1);
        }
    }
    /* Advance after combat: the leading attacker takes the emptied hex if
     * it is still in good order. This is how a ladder assault wins a wall
     * section and how a gate is forced. */
    {
        bool any_def = false;
        for (int i = 0; i < g->nunits; i++)
            if (g->units[i].status == UNIT_ON_MAP && g->units[i].side != g->units[att[0]].side &&
                hex_eq(g->units[i].hex, target))
                any_def = true;
        Unit *lead = &g->units[att[0]];
        int stack = 0;
        for (int i = 0; i < g->nunits; i++)
            if (g->units[i].status == UNIT_ON_MAP && g->units[i].side == lead->side && hex_eq(g->units[i].hex, target))
                stack++;
        Terrain tt = map_terrain(&g->map, target);
        /* The town is left only through a gate that is not shut: a
         * defender does not follow a beaten enemy down from the wall. */
        bool over_wall = lead->side == g->town_side && path_wall_between(g, lead->hex, target);
        if (!any_def && !over_wall && lead->status == UNIT_ON_MAP && lead->cohesion > g->rules.shaken_at &&
            stack < g->rules.stack_limit && g->rules.move_cost[tt][g->rules.types[lead->type].move_class] >= 0) {
            Event e = game_event(g, EV_MOVE);
            e.unit = att[0];
            e.side = lead->side;
            e.from = lead->hex;
            e.to = target;
            snprintf(e.text, sizeof e.text, "advance");
            game_unit_place(g, att[0], target);
            game_emit(g, &e);
            traits_feint_follows(g, att[0], false);
            if (tt == TER_GATE) {
                int gi = game_gate_at(g, target);
                if (gi >= 0 && g->gates[gi].state == GATE_SHUT && lead->side != g->town_side)
                    effect_set_gate(g, gi, GATE_FORCED); /* logged and heard by handlers: a gate event */
            }
            turn_update_control(g, target);
            siege_wall_entered(g, att[0]);
        }
    }
}
