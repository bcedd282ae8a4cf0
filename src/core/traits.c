/* traits.c - what the leaders' traits do (history.md 1a, 1b).
 *
 * Each trait is a rule with its numbers in Rules (battle) or SiegeRules
 * (siege); scenarios/README.md documents each:
 *   sword          attacks with his unit: +sword_shift columns
 *   cautious       attacks with his unit -cautious_att_shift, attacks on his
 *                  stack -cautious_def_shift
 *   feint          light horse near him that breaks contact in a battle and
 *                  falls back lures the enemies it left: those who follow
 *                  lose feint_cohesion and are attacked at +feint_shift
 *   council        storms, sallies and offers of terms need the council's
 *                  vote: d10 <= his command + council_bonus
 *   impetuous      held back impetuous_turns siege turns in a row with an
 *                  enemy in the open within impetuous_reach: -impetuous_morale
 *   caliph         his approach known: +caliph_morale, the enemy
 *                  caliph_enemy_morale
 *   glory_seeker   (siege.c) vetoes surrender; +glory_sally_shift in a sally
 *   trusted, negotiator (siege.c) +terms_leader_bonus to the surrender score
 *   forced_marcher (theatre.c) his column marches forced without losses */
#include <stdio.h>
#include "combat.h"
#include "effect.h"
#include "internal.h"
#include "path.h"

/* The unit leader l rides with, if he is alive and it is on the map; -1. */
static int riding(const Game *g, int l)
{
    const Leader *ld = &g->leaders[l];
    if (!ld->alive || ld->unit < 0 || ld->unit >= g->nunits || g->units[ld->unit].status != UNIT_ON_MAP)
        return -1;
    return ld->unit;
}

/* A leader of side with the trait riding with a unit on the map; -1. */
static int trait_leader(const Game *g, int side, unsigned trait)
{
    for (int i = 0; i < g->nleaders; i++)
        if (g->leaders[i].side == side && (g->leaders[i].traits & trait) && riding(g, i) >= 0)
            return i;
    return -1;
}

static bool carries(const Game *g, const int16_t *leader, const int *units, int n, unsigned trait)
{
    for (int i = 0; i < n; i++) {
        int l = leader ? leader[units[i]] : game_leader_with(g, units[i]);
        if (l >= 0 && g->leaders[l].alive && (g->leaders[l].traits & trait))
            return true;
    }
    return false;
}

/* ---- battle ----------------------------------------------------------- */

int traits_combat_shift(const Game *g, const int16_t *leader, const int *att, int natt, const int *def, int ndef)
{
    const Rules *r = &g->rules;
    int shift = 0;
    if (carries(g, leader, att, natt, TRAIT_SWORD))
        shift += r->sword_shift;
    if (carries(g, leader, att, natt, TRAIT_CAUTIOUS))
        shift -= r->cautious_att_shift;
    if (carries(g, leader, def, ndef, TRAIT_CAUTIOUS))
        shift -= r->cautious_def_shift;
    for (int i = 0; i < ndef; i++)
        if (g->units[def[i]].drawn_out) {
            shift += r->feint_shift;
            break;
        }
    return shift;
}

bool combat_feint_ready(const Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    if (g->mode != MODE_BATTLE || u->status != UNIT_ON_MAP || !g->rules.types[u->type].breaks_contact ||
        u->broke_contact || u->attacked || u->cohesion <= 0 || !path_in_enemy_zoc(g, u->side, u->hex))
        return false;
    for (int i = 0; i < g->nleaders; i++) {
        if (g->leaders[i].side != u->side || !(g->leaders[i].traits & TRAIT_FEINT))
            continue;
        int lu = riding(g, i);
        if (lu >= 0 && hex_distance(g->units[lu].hex, u->hex) <= g->rules.feint_radius)
            return true;
    }
    return false;
}

bool combat_drawn_out(const Game *g, int ui) { return g->units[ui].drawn_out; }

bool combat_side_can_feint(const Game *g, int side) { return game_leader_with_trait(g, side, TRAIT_FEINT) >= 0; }

int combat_feint_lure(const Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    if (u->lure <= 0 || u->lure > g->nunits || u->drawn_out)
        return -1;
    return g->units[u->lure - 1].status == UNIT_ON_MAP ? u->lure - 1 : -1;
}

void traits_feint_breaks_contact(Game *g, int ui)
{
    if (!combat_feint_ready(g, ui))
        return;
    Unit *u = &g->units[ui];
    for (int i = 0; i < g->nunits; i++) {
        Unit *e = &g->units[i];
        if (e->status == UNIT_ON_MAP && e->side != u->side && e->cohesion > 0 && hex_distance(e->hex, u->hex) == 1)
            e->lure = ui + 1;
    }
}

void traits_feint_moved(Game *g, int ui)
{
    const Unit *u = &g->units[ui];
    int lured = 0;
    for (int i = 0; i < g->nunits; i++) {
        Unit *e = &g->units[i];
        if (e->lure != ui + 1)
            continue;
        if (hex_distance(e->hex, u->hex) <= 1)
            e->lure = 0; /* it did not fall back from this one */
        else
            lured++;
    }
    if (!lured)
        return;
    Event e = game_event(g, EV_MESSAGE);
    e.unit = ui;
    e.side = -1;
    snprintf(e.text, sizeof e.text, "feint: %s falls back as if beaten; %d enemy unit%s may follow it", u->name, lured,
             lured == 1 ? "" : "s");
    game_emit(g, &e);
}

void traits_feint_follows(Game *g, int ui, bool attacked_it)
{
    int f = combat_feint_lure(g, ui);
    if (f < 0)
        return;
    Unit *u = &g->units[ui];
    if (u->status != UNIT_ON_MAP || (!attacked_it && hex_distance(u->hex, g->units[f].hex) > 1))
        return;
    u->drawn_out = true;
    u->lure = 0;
    Event e = game_event(g, EV_MESSAGE);
    e.unit = ui;
    e.unit2 = f;
    e.side = -1;
    snprintf(e.text, sizeof e.text, "feint: %s is drawn out of formation after %s (-%d cohesion, attacks on it %+d)",
             u->name, g->units[f].name, g->rules.feint_cohesion, g->rules.feint_shift);
    game_emit(g, &e);
    int coh = g->rules.feint_cohesion;
    if (u->cohesion - coh < 1)
        coh = u->cohesion > 1 ? u->cohesion - 1 : 0; /* disorder, not rout */
    if (coh)
        unit_lose(g, ui, 0, coh);
}

void traits_impulse_ends(Game *g, int side)
{
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->side == side)
            u->lure = 0;          /* its chance to follow has passed */
        else
            u->drawn_out = false; /* the feinting side has had its turn at it */
    }
}

void traits_battle_ends(Game *g)
{
    for (int i = 0; i < g->nunits; i++) {
        g->units[i].lure = 0;
        g->units[i].drawn_out = false;
    }
}

/* ---- siege ------------------------------------------------------------ */

int siege_council_leader(const Game *g, int side)
{
    int best = -1;
    for (int i = 0; i < g->nleaders; i++) {
        const Leader *l = &g->leaders[i];
        if (l->alive && l->side == side && (l->traits & TRAIT_COUNCIL) && (best < 0 || l->command > g->leaders[best].command))
            best = i;
    }
    return best;
}

int siege_council_need(const Game *g, int side)
{
    int l = siege_council_leader(g, side);
    return l < 0 ? 10 : g->leaders[l].command + g->siege.rules.council_bonus;
}

bool siege_council_refused(const Game *g, int side)
{
    return g->siege.side[side].council_no_turn == g->turn && siege_council_leader(g, side) >= 0;
}

bool traits_council_vote(Game *g, int side, const char *what)
{
    int l = siege_council_leader(g, side);
    if (l < 0)
        return true;
    int need = siege_council_need(g, side);
    if (need >= 10)
        return true; /* no d10 can fail: no vote is taken */
    int roll = rng_roll(&g->rng, 10);
    bool yes = roll <= need;
    if (!yes)
        g->siege.side[side].council_no_turn = g->turn;
    siege_say(g, EV_ORDER, side, "council: %s's council %s %s (roll %d, needs %d or less)%s", g->leaders[l].name,
              yes ? "agrees to" : "votes against", what, roll, need,
              yes ? "" : "; no storm, sally or terms this turn");
    return yes;
}

void traits_phase_ends(Game *g)
{
    int side = g->active;
    SiegeSide *ss = &g->siege.side[side];
    const SiegeRules *r = &g->siege.rules;
    int l = trait_leader(g, side, TRAIT_IMPETUOUS);
    bool reach = false;
    if (l >= 0 && r->impetuous_turns > 0 && g->battles_this_phase == 0) {
        Hex at = g->units[g->leaders[l].unit].hex;
        for (int i = 0; i < g->nunits && !reach; i++) {
            const Unit *e = &g->units[i];
            reach = e->status == UNIT_ON_MAP && e->side != side && !terrain_is_town(map_terrain(&g->map, e->hex)) &&
                    hex_distance(e->hex, at) <= r->impetuous_reach;
        }
    }
    if (!reach) {
        ss->held_back = 0;
        return;
    }
    if (++ss->held_back < r->impetuous_turns)
        return;
    ss->held_back = 0;
    char why[96];
    snprintf(why, sizeof why, "%s chafes at being held back", g->leaders[l].name);
    effect_morale(g, side, -r->impetuous_morale, why);
}

void traits_column_sets_out(Game *g, int c)
{
    const Column *col = &g->siege.columns[c];
    SiegeSide *ss = &g->siege.side[col->side];
    if (col->leader >= 0 && g->leaders[col->leader].alive && (g->leaders[col->leader].traits & TRAIT_CALIPH) &&
        !ss->caliph_due)
        ss->caliph_due = g->turn + g->siege.rules.caliph_news_turns;
}

void traits_turn_news(Game *g)
{
    /* A caliph riding with a unit whose coming is rumoured or confirmed. */
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        int l = game_leader_with(g, i);
        if (u->status == UNIT_OFF_MAP && l >= 0 && (g->leaders[l].traits & TRAIT_CALIPH) &&
            (u->rumour_turn == g->turn || u->confirm_turn == g->turn) && !g->siege.side[u->side].caliph_due)
            g->siege.side[u->side].caliph_due = g->turn;
    }
    for (int side = 0; side < g->nsides; side++) {
        SiegeSide *ss = &g->siege.side[side];
        if (!ss->caliph_due || ss->caliph_heard || g->turn < ss->caliph_due)
            continue;
        ss->caliph_heard = true;
        const char *who = "the caliph";
        for (int i = 0; i < g->nleaders; i++)
            if (g->leaders[i].side == side && (g->leaders[i].traits & TRAIT_CALIPH))
                who = g->leaders[i].name;
        siege_say(g, EV_NEWS, side, "news reaches %s: %s is on the road himself", g->sides[side].name, who);
        effect_morale(g, side, g->siege.rules.caliph_morale, "the caliph is coming");
        effect_morale(g, 1 - side, g->siege.rules.caliph_enemy_morale, "the caliph is coming");
    }
}
