/* rules.c - the default rule numbers.
 *
 * The values follow the proposal in history.md section 2 and are marked
 * there as invented for play [I] unless noted. Scenario files override them
 * and scenarios/README.md documents each field. */
#include "rules.h"
#include <string.h>

static void set_type(Rules *r, const char *id, const char *name, int ma, int mc, int pct,
                     bool breaks, bool charges, char symbol)
{
    if (r->ntypes >= RULES_MAX_TYPES)
        return;
    UnitTypeRules *t = &r->types[r->ntypes++];
    memset(t, 0, sizeof *t);
    strncpy(t->id, id, sizeof t->id - 1);
    strncpy(t->name, name, sizeof t->name - 1);
    t->ma = ma;
    t->move_class = mc;
    t->strength_pct = pct;
    t->breaks_contact = breaks;
    t->charges = charges;
    t->symbol = symbol;
}

static void set_cost(Rules *r, Terrain t, int foot, int horse)
{
    r->move_cost[t][MOVE_FOOT] = foot;
    r->move_cost[t][MOVE_HORSE] = horse;
}

void rules_default(Rules *r)
{
    memset(r, 0, sizeof *r);
    /* Movement in half-MP: open 1, road 1/2, orchard 2, basalt 2 (horse 3),
     * tell +1, ford +2 [history.md 2.1]. Marsh and the lake edge: 3 on
     * foot, 4 mounted [I]. Walls are entered only from inside the town or
     * by an assault that clears them (path.c). */
    set_cost(r, TER_OPEN, 2, 2);
    set_cost(r, TER_ROAD, 1, 1);
    set_cost(r, TER_ORCHARD, 4, 4);
    set_cost(r, TER_BASALT, 4, 6);
    set_cost(r, TER_RIVER, -1, -1);
    set_cost(r, TER_FORD, 6, 6);
    set_cost(r, TER_MARSH, 6, 8);
    set_cost(r, TER_HILL, 4, 4);
    set_cost(r, TER_CITY, 2, 2);
    set_cost(r, TER_WALL, 2, 2);
    set_cost(r, TER_GATE, 2, 2);

    r->blocks_los[TER_ORCHARD] = true;
    r->blocks_los[TER_CITY] = true;
    r->blocks_los[TER_WALL] = true;
    r->blocks_los[TER_GATE] = true;
    r->blocks_los[TER_HILL] = true;
    r->hides_units[TER_ORCHARD] = true;

    /* Column shifts in the defender's favour. Walls 3, tell 4 (1 here plus
     * the uphill shift... kept separate so a scenario can tune each), a
     * shut gate 2 [history.md 2.5]. Orchards and basalt break up a charge:
     * 1 [I]. */
    r->defence_shift[TER_ORCHARD] = 1;
    r->defence_shift[TER_BASALT] = 1;
    r->defence_shift[TER_MARSH] = 1;
    r->defence_shift[TER_HILL] = 3;
    r->defence_shift[TER_CITY] = 2;
    r->defence_shift[TER_WALL] = 3;
    r->defence_shift[TER_GATE] = 2;

    /* Men on a wall are worth three on the ground and a shut gate two
     * [I, from the brief's "wall 3, tell 4, shut gate 2" read as strength
     * as well as shifts]: without it a besieger who brings four stacks
     * against one wall section takes it at 6:1 on the first day, which no
     * army without siege engines did. */
    for (int t = 0; t < TER_COUNT; t++)
        r->defence_pct[t] = 100;
    r->defence_pct[TER_WALL] = 300;
    r->defence_pct[TER_GATE] = 200;
    r->defence_pct[TER_HILL] = 150;

    r->zoc_leave_cost = 4;     /* +2 MP */
    r->siege_mp_mult = 3;      /* a 4-day turn lets a unit go three impulses' worth [I] */
    r->stack_limit = 3;        /* 3 counters, about 1,500 men, per 250 m hex [I] */

    /* MA: infantry 3, heavy cavalry 5, light cavalry 7, camel 5 [2.1].
     * Type value per SP: heavy cavalry 1.25, militia 0.6 [I]. */
    set_type(r, "infantry", "Infantry", 3, MOVE_FOOT, 100, false, false, 'I');
    set_type(r, "heavy_cav", "Heavy cavalry", 5, MOVE_HORSE, 125, false, true, 'H');
    set_type(r, "light_cav", "Light cavalry", 7, MOVE_HORSE, 100, true, true, 'L');
    set_type(r, "camel", "Camel-borne", 5, MOVE_HORSE, 100, false, false, 'C');
    set_type(r, "archers", "Archers", 3, MOVE_FOOT, 80, false, false, 'A');
    set_type(r, "militia", "Militia", 3, MOVE_FOOT, 60, false, false, 'M');

    /* Quality factors 1.25 / 1 / 0.8 / 0.6 [2.2]. */
    r->quality_pct[0] = 125;
    r->quality_pct[1] = 100;
    r->quality_pct[2] = 80;
    r->quality_pct[3] = 60;

    /* Odds columns: 1:3 (anything worse than 1:2), 1:2, 1:1, 3:2, 2:1,
     * 3:1, 4:1, 5:1, 6:1, 8:1. */
    static const int odds[CRT_COLUMNS] = {0, 50, 100, 150, 200, 300, 400, 500, 600, 800};
    memcpy(r->odds_pct, odds, sizeof odds);

    /* The results table, built from one idea: the attacker's edge is
     * column + die (1..19). Defender losses grow with it, attacker losses
     * shrink; a strong edge drives the defender back, a poor one the
     * attacker. Average loss at 1:1 is about 1 SP each way, so a 5-SP
     * counter survives a few fights, as a day of skirmishing should. */
    for (int d = 1; d <= CRT_ROWS; d++) {
        for (int c = 0; c < CRT_COLUMNS; c++) {
            int edge = c + d;
            CrtResult *x = &r->crt[d - 1][c];
            int dsp = (edge - 6) / 3, asp = (12 - edge) / 4;
            int dcoh = edge / 4, acoh = (13 - edge) / 4;
            x->def_sp = (signed char)(dsp < 0 ? 0 : dsp > 4 ? 4 : dsp);
            x->att_sp = (signed char)(asp < 0 ? 0 : asp > 3 ? 3 : asp);
            x->def_coh = (signed char)(dcoh > 4 ? 4 : dcoh);
            x->att_coh = (signed char)(acoh < 0 ? 0 : acoh > 3 ? 3 : acoh);
            x->def_retreat = edge >= 11;
            x->att_retreat = edge <= 4;
        }
    }
    r->shift_flank = 1;
    r->shift_rear = 2;
    r->shift_charge = 1;
    r->shift_leader = 2;      /* at most; a leader gives tactics/2 */
    r->shift_uphill = 1;
    r->cohesion_min_pct = 30;

    r->cohesion_max = 10;
    r->shaken_at = 3;
    r->rally_bonus = 2;
    r->morale_max = 20;
    r->morale_loss_eliminated = 1;
    r->morale_loss_leader = 2;
    r->leader_loss_pct = 2;

    /* Traits [history.md 1a, 1b; numbers I]. Sword: "+2 tactical" in the
     * brief; Khalid's tactics 5 already give the leader shift's cap of 2,
     * so the sword adds one column on top. Caution: one column each way.
     * Feint: light horse breaking contact draws its pursuers out of
     * formation, 1 cohesion and 2 columns against them (the 636 sally's
     * end); the feinting unit must be within 3 hexes (750 m) of its
     * leader's. */
    r->sword_shift = 1;
    r->cautious_att_shift = 1;
    r->cautious_def_shift = 1;
    r->feint_shift = 2;
    r->feint_radius = 3;
    r->feint_cohesion = 1;

    r->days_per_turn = 4;
    r->battle_max_impulses = 12;   /* 20-minute impulses: a 4-hour action */
}

int rules_type_by_id(const Rules *r, const char *id)
{
    for (int i = 0; i < r->ntypes; i++)
        if (strcmp(r->types[i].id, id) == 0)
            return i;
    return -1;
}
