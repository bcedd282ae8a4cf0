/* siege.c - the siege rules (history.md section 2, items 4-11).
 *
 * Each rule is a small function called from the turn upkeep or from a
 * command; each number comes from Siege.rules. Where a rule departs from
 * the brief the comment says why. */
#include "siege.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "effect.h"
#include "game.h"
#include "internal.h"

static const char *const WEATHER[WX_COUNT] = {"mild", "cold", "rain", "frost"};
static const char *const RATIONS[RATION_COUNT] = {"full", "half", "expel"};
static const char *const PACES[PACE_COUNT] = {"mixed", "mounted", "forced"};
static const char *const BATTLE_KINDS[BATTLE_KIND_COUNT] = {"battle", "sally", "assault"};

const char *weather_name(Weather w) { return (w >= 0 && w < WX_COUNT) ? WEATHER[w] : "?"; }
const char *rations_name(Rations r) { return (r >= 0 && r < RATION_COUNT) ? RATIONS[r] : "?"; }
const char *pace_name(Pace p) { return (p >= 0 && p < PACE_COUNT) ? PACES[p] : "?"; }
const char *battle_kind_name(BattleKind k) { return (k >= 0 && k < BATTLE_KIND_COUNT) ? BATTLE_KINDS[k] : "?"; }

bool rations_from_name(const char *s, Rations *out)
{
    for (int i = 0; i < RATION_COUNT; i++)
        if (strcmp(s, RATIONS[i]) == 0) {
            *out = (Rations)i;
            return true;
        }
    return false;
}

bool pace_from_name(const char *s, Pace *out)
{
    for (int i = 0; i < PACE_COUNT; i++)
        if (strcmp(s, PACES[i]) == 0) {
            *out = (Pace)i;
            return true;
        }
    return false;
}

void siege_rules_default(SiegeRules *r)
{
    memset(r, 0, sizeof *r);
    /* Winter: mild 1-4, cold 5-7, rain 8-9, frost 10 [history.md 2.10, I].
     * Outside winter: mild 1-7, cold 8, rain 9-10, never frost [I]. */
    const int win[WX_COUNT] = {4, 7, 9, 10}, other[WX_COUNT] = {7, 8, 10, 10};
    memcpy(r->weather_winter, win, sizeof win);
    memcpy(r->weather_other, other, sizeof other);
    r->winter_months = (1u << 11) | (1u << 0) | (1u << 1); /* Dec, Jan, Feb */
    r->ford_closed_max = 3;
    r->camp_radius = 2;
    r->gate_throughput = 10;       /* SP per impulse [2.6] */
    r->shift_surprise = 2;         /* [2.6] */
    r->sector_radius = 3;
    r->consumption_pct[RATION_FULL] = 100;
    r->consumption_pct[RATION_HALF] = 50;
    r->consumption_pct[RATION_EXPEL] = 60; /* -40 % mouths [2.4] */
    r->half_grace_turns = 3;
    r->leak_per_gate = 2;          /* [2.4] */
    r->forage_per_turn = 4;        /* a besieger living off the land breaks even... */
    r->forage_winter_pct = 50;     /* ...except in winter [2.4] */
    r->desertion_max = 2;
    r->expel_will = 3;             /* [2.4] */
    r->terms_bonus[TERMS_NONE] = 0;
    r->terms_bonus[TERMS_GENEROUS] = 3;  /* [2.11] */
    r->terms_bonus[TERMS_HARSH] = -3;
    r->terms_leader_bonus = 2;     /* Abu Ubayda "trusted" [1a] */
    r->surrender_target = 12;      /* brief: 10; see siege_surrender_score */
    r->defiance_morale = 1;        /* a refused offer stiffens the town [I] */
    r->defiant_morale_pct = 25;    /* fed towns held out: Emesa gave in when food ran low [A: AK] */
    r->veto_morale = 12;           /* brief: 6 of 10; our morale runs to 20 */
    r->overrule_will = 2;          /* the townspeople's will when their commander refuses
                                      terms they would take [I] */
    r->betrayal_will = 2;
    r->betrayal_max = 3;           /* [2.11] */
    r->pace_km[PACE_MIXED] = 30;   /* km a day [2.7, D] */
    r->pace_km[PACE_MOUNTED] = 45;
    r->pace_km[PACE_FORCED] = 55;
    r->forced_sp_pct = 5;
    r->news_delay_min = 1;         /* news 1-2 turns late [2.8] */
    r->news_delay_max = 2;
    r->anxiety_unknown = 1;        /* [2.8] */
    r->anxiety_near = 2;
    r->anxiety_besieged = 3;
    r->anxiety_fallen = 5;
    r->anxiety_departure = 1;
    r->sally_allowed = 1;          /* Harbees sallied [A: AK]; 0 is a what-if */
    r->relief_rumour_morale = 1;   /* [I] */
    r->relief_confirm_morale = 2;
    r->enemy_relief_morale = -1;
    r->battle_morale = 1;
    r->home_fallen_morale = -2;
    r->departure_morale = -2;
    /* Numbers that were written into the code until issue #10 [I]. */
    r->defiant_fed_turns = 2;      /* a town with food for more than two turns is "fed" */
    r->hunger_weight = 2;          /* hunger and hope weigh double (siege_surrender_score) */
    r->hope_weight = 2;
    r->surprise_impulses = 2;      /* surprise lasts the sally's first two impulses */
    r->civic_will_max = 10;        /* the civic track runs 0-10 [history.md 2.11] */
    /* No relief hope on a schedule unless the scenario declares one. */
    r->hope_from = 0;
    r->hope_per_turn = 1;          /* history.md 1a: "+1 per turn from T20" */
    r->hope_max = 20;
    /* Traits [history.md 1a, 1b]. */
    r->glory_sally_shift = 1;      /* glory-seeker: "+1 in a sally" [1a] */
    r->council_bonus = 2;          /* council: "major orders need a vote" [1a]; d10 <= command + 2 [I] */
    r->impetuous_turns = 3;        /* impetuous: "-1 morale if overruled" [1a], read as held back */
    r->impetuous_reach = 3;        /*   three turns with an enemy in the open within 3 hexes [I] */
    r->impetuous_morale = 1;
    r->caliph_morale = 3;          /* caliph: "+3 morale once his approach is known" [1b] */
    r->caliph_enemy_morale = -2;   /*   and the enemy loses heart [I] */
    r->caliph_news_turns = 2;      /*   two turns after he sets out [D: news 1-2 turns late, 2.8] */
}

static int eats(const Game *g, int side)
{
    int mouths = 0;
    for (int i = 0; i < g->nunits; i++)
        if (g->units[i].side == side && g->units[i].status == UNIT_ON_MAP)
            mouths++;
    return mouths;
}

int siege_food_days(const Game *g, int side)
{
    const SiegeSide *ss = &g->siege.side[side];
    if (ss->forages || !eats(g, side))
        return 999;
    int pct = g->siege.rules.consumption_pct[ss->rations];
    if (pct <= 0)
        return 999;
    return ss->food * 100 / pct;
}

int siege_sector_of(const Game *g, Hex h)
{
    int best = -1, bd = 0;
    for (int i = 0; i < g->ngates; i++) {
        int d = hex_distance(h, g->gates[i].hex);
        if (d <= g->siege.rules.sector_radius && (best < 0 || d < bd)) {
            best = i;
            bd = d;
        }
    }
    return best;
}

/* ---- events ----------------------------------------------------------- */

/* EV_MESSAGE-like event with a stable first word, e.g. "sally", "news". */
void siege_say(Game *g, EventType t, int side, const char *fmt, ...)
{
    Event e = game_event(g, t);
    e.side = side;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.text, sizeof e.text, fmt, ap);
    va_end(ap);
    game_emit(g, &e);
}

void siege_post_news(Game *g, int side, int place, int level, const char *text)
{
    Siege *s = &g->siege;
    /* The same tidings from several columns in one turn are one piece of news. */
    for (int i = 0; i < s->nnews; i++)
        if (s->news[i].posted == g->turn && s->news[i].side == side && s->news[i].place == place &&
            s->news[i].level == level)
            return;
    if (s->nnews >= MAX_NEWS) {
        /* Drop the oldest delivered item to make room. */
        memmove(&s->news[0], &s->news[1], sizeof s->news[0] * (MAX_NEWS - 1));
        s->nnews--;
    }
    News *n = &s->news[s->nnews++];
    int span = s->rules.news_delay_max - s->rules.news_delay_min + 1;
    n->posted = g->turn;
    n->due = g->turn + s->rules.news_delay_min + (span > 1 ? (int)rng_below(&g->rng, (uint32_t)span) : 0);
    n->side = side;
    n->place = place;
    n->level = level;
    snprintf(n->text, sizeof n->text, "%s", text);
}

/* ---- weather and exposure ---------------------------------------------- */

static bool winter_at(const Game *g, int turn)
{
    char buf[32];
    game_date(g, turn, buf, sizeof buf);
    static const char *const M[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = 0; m < 12; m++)
        if (strstr(buf, M[m]))
            return (g->siege.rules.winter_months >> m) & 1u;
    return false;
}

static bool winter(const Game *g) { return winter_at(g, g->turn); }

int siege_food_turns(const Game *g, int side, int rations, int horizon)
{
    const Siege *s = &g->siege;
    const SiegeSide *ss = &s->side[side];
    int left = horizon;
    if (!eats(g, side) || rations < 0 || rations >= RATION_COUNT)
        return left;
    int need = g->rules.days_per_turn * s->rules.consumption_pct[rations] / 100;
    long food = ss->food;
    for (int t = 0; t < left; t++) {
        if (ss->forages) {
            int got = s->rules.forage_per_turn;
            if (winter_at(g, g->turn + t))
                got = got * s->rules.forage_winter_pct / 100;
            food += got;
        }
        if (food < need)
            return t;
        food -= need;
    }
    return left;
}

void siege_turn_weather(Game *g)
{
    Siege *s = &g->siege;
    const int *table = winter(g) ? s->rules.weather_winter : s->rules.weather_other;
    int roll = rng_roll(&g->rng, 10);
    int w = WX_MILD;
    while (w < WX_FROST && roll > table[w])
        w++;
    s->weather = w;
    g->charges_cancelled = w == WX_RAIN;
    s->fords_closed = w == WX_RAIN && rng_roll(&g->rng, 10) <= s->rules.ford_closed_max;
    Event e = game_event(g, EV_WEATHER);
    e.a = w;
    e.b = s->fords_closed;
    snprintf(e.text, sizeof e.text, "%s%s%s", weather_name((Weather)w), w == WX_RAIN ? ": no charges" : "",
             s->fords_closed ? ", the fords are closed" : "");
    game_emit(g, &e);
}

bool siege_in_camp(const Game *g, int side, Hex h)
{
    for (int p = 0; p < g->map.nplaces; p++) {
        const Place *pl = &g->map.places[p];
        if (pl->camp && pl->owner == side && hex_distance(pl->hex, h) <= g->siege.rules.camp_radius)
            return true;
    }
    return false;
}

/* Exposure [2.10]: none in the town; in tents -1 cohesion on frost; in the
 * open -1 on cold, -2 and a 2 % chance per SP of losing one on frost. A
 * camp on alert stands to arms in the open. */
bool siege_cold_day(const Game *g) { return g->siege.weather == WX_COLD || g->siege.weather == WX_FROST; }

int siege_treat_morale(const Game *g) { return g->rules.morale_max * g->siege.rules.defiant_morale_pct / 100; }

static void exposure(Game *g)
{
    Siege *s = &g->siege;
    if (!siege_cold_day(g))
        return;
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->status != UNIT_ON_MAP || terrain_is_town(map_terrain(&g->map, u->hex)))
            continue;
        int sector = siege_sector_of(g, u->hex);
        bool tents = siege_in_camp(g, u->side, u->hex) && !(sector >= 0 && s->gate_alert[sector] && u->side != g->town_side);
        int coh = 0, sp = 0;
        if (s->weather == WX_FROST) {
            coh = tents ? 1 : 2;
            if (!tents && rng_roll(&g->rng, 100) <= 2 * u->sp)
                sp = 1;
        } else if (!tents) {
            coh = 1;
        }
        if (coh || sp) {
            if (u->cohesion - coh < 1)
                coh = u->cohesion > 1 ? u->cohesion - 1 : 0; /* the cold shakes, it does not rout */
            if (coh || sp)
                unit_lose(g, i, sp, coh);
        }
    }
}

/* ---- food -------------------------------------------------------------- */

static bool sector_blockaded(const Game *g, int gate)
{
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (u->status == UNIT_ON_MAP && u->side != g->town_side &&
            hex_distance(u->hex, g->gates[gate].hex) <= g->siege.rules.sector_radius)
            return false;
    }
    return true;
}

static void food(Game *g)
{
    Siege *s = &g->siege;
    for (int side = 0; side < g->nsides; side++) {
        SiegeSide *ss = &s->side[side];
        if (!eats(g, side))
            continue;
        if (ss->forages) {
            int got = s->rules.forage_per_turn;
            if (winter(g))
                got = got * s->rules.forage_winter_pct / 100;
            ss->food += got;
        }
        if (side == g->town_side) {
            int leaks = 0;
            for (int gi = 0; gi < g->ngates; gi++)
                if (sector_blockaded(g, gi))
                    leaks++;
            if (leaks) {
                ss->food += leaks * s->rules.leak_per_gate;
                siege_say(g, EV_SUPPLY, side, "supplies slip in through %d unwatched gate sector%s (+%d ration-days)", leaks,
                    leaks == 1 ? "" : "s", leaks * s->rules.leak_per_gate);
            }
        }
        int need = g->rules.days_per_turn * s->rules.consumption_pct[ss->rations] / 100;
        if (ss->food >= need) {
            ss->food -= need;
            ss->shortfall_turns = 0;
        } else {
            ss->food = 0;
            ss->shortfall_turns++;
            siege_say(g, EV_SUPPLY, side, "hunger: %s has run out of food", g->sides[side].name);
            for (int i = 0; i < g->nunits; i++) {
                Unit *u = &g->units[i];
                if (u->side != side || u->status != UNIT_ON_MAP)
                    continue;
                int sp = rng_roll(&g->rng, 10) <= s->rules.desertion_max ? 1 : 0;
                unit_lose(g, i, sp, u->cohesion > 1 ? 1 : 0);
            }
        }
        if (ss->rations == RATION_HALF) {
            ss->half_turns++;
            if (side == g->town_side && s->civic_will > 0)
                s->civic_will--;
            if (ss->half_turns > s->rules.half_grace_turns)
                for (int i = 0; i < g->nunits; i++)
                    if (g->units[i].side == side && g->units[i].status == UNIT_ON_MAP && g->units[i].cohesion > 1)
                        unit_lose(g, i, 0, 1);
        }
    }
}

/* ---- relief schedule ------------------------------------------------- */

void siege_turn_news(Game *g)
{
    Siege *s = &g->siege;
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        if (u->status != UNIT_OFF_MAP)
            continue;
        int enemy = 1 - u->side;
        /* A unit marching with a column comes when the column does. */
        int due = u->arrive_turn;
        if (u->column >= 0 && u->column < s->ncolumns) {
            int eta = siege_column_eta(g, u->column);
            due = eta >= 0 ? g->turn + eta : 0;
        }
        if (u->rumour_turn == g->turn) {
            if (due > 0)
                siege_say(g, EV_ARRIVAL_NEWS, u->side, "arrival rumoured: %s may come by turn %d", u->name, due);
            else
                siege_say(g, EV_ARRIVAL_NEWS, u->side, "arrival rumoured: %s is said to be coming", u->name);
            s->side[u->side].relief_hope++;
            effect_morale(g, u->side, s->rules.relief_rumour_morale, "rumour of relief");
        }
        if (u->confirm_turn == g->turn) {
            if (due > 0)
                siege_say(g, EV_ARRIVAL_NEWS, u->side, "arrival confirmed: %s is expected on turn %d", u->name, due);
            else
                siege_say(g, EV_ARRIVAL_NEWS, u->side, "arrival confirmed: %s is on the way", u->name);
            s->side[u->side].relief_hope++;
            effect_morale(g, u->side, s->rules.relief_confirm_morale, "relief confirmed");
            effect_morale(g, enemy, s->rules.enemy_relief_morale, "the enemy's relief is coming");
        }
    }
    siege_turn_hope(g);
    traits_turn_news(g);
}

/* Relief hope on a schedule [history.md 1a: Heraclius musters the Yarmuk
 * army, "+1 per turn from T20, feeding the surrender roll"]. */
void siege_turn_hope(Game *g)
{
    const SiegeRules *r = &g->siege.rules;
    int town = g->town_side;
    if (town < 0 || r->hope_from <= 0 || g->turn < r->hope_from || r->hope_per_turn <= 0)
        return;
    SiegeSide *ss = &g->siege.side[town];
    if (ss->relief_hope >= r->hope_max)
        return;
    ss->relief_hope = ss->relief_hope + r->hope_per_turn > r->hope_max ? r->hope_max : ss->relief_hope + r->hope_per_turn;
    siege_say(g, EV_ARRIVAL_NEWS, town, "hope: the emperor musters a new army; %s's hope of relief is %d",
              g->sides[town].name, ss->relief_hope);
}

void siege_begin_game(Game *g)
{
    Siege *s = &g->siege;
    /* Outside the historical mode each scheduled arrival shifts by a turn
     * either way [2.9]; rumours and confirmations shift with it. */
    if (!s->historical) {
        for (int i = 0; i < g->nunits; i++) {
            Unit *u = &g->units[i];
            if (u->status != UNIT_OFF_MAP || u->arrive_turn <= 1 || u->column >= 0)
                continue;
            int d = (int)rng_below(&g->rng, 3) - 1;
            u->arrive_turn += d;
            if (u->rumour_turn)
                u->rumour_turn = u->rumour_turn + d > 1 ? u->rumour_turn + d : 1;
            if (u->confirm_turn)
                u->confirm_turn = u->confirm_turn + d > 1 ? u->confirm_turn + d : 1;
        }
    }
    for (int c = 0; c < s->ncolumns; c++)
        if (s->columns[c].cohesion == 0)
            s->columns[c].cohesion = g->rules.cohesion_max;
}

/* ---- surrender and betrayal -------------------------------------------- */

bool siege_veto_active(const Game *g, int side)
{
    return g->sides[side].morale > g->siege.rules.veto_morale && game_leader_with_trait(g, side, TRAIT_GLORY_SEEKER) >= 0;
}

static int terms_leader(const Game *g, int side)
{
    return game_leader_with_trait(g, side, TRAIT_TRUSTED | TRAIT_NEGOTIATOR) >= 0 ? g->siege.rules.terms_leader_bonus : 0;
}

/* Surrender [2.11]: 2d6 + terms + leader + (morale_max/2 - morale)/2 +
 * 2 per turn of hunger - 2 per hope of relief >= target (12).
 *
 * Changed from the brief, which as written (2d6 + terms + (10 - morale)/2
 * + deficit - hope >= 10) let a fed town in good heart accept generous
 * terms on turn 1 three times in four, and made offering terms every turn
 * the best play. Here the morale term is centred (a town above half morale
 * counts against surrender), hunger and hope weigh double, a refusal
 * stiffens the town (defiance_morale), and a town that is fed and not in
 * despair (morale above defiant_morale_pct of the scale) does not treat at
 * all (siege_town_defiant). Baladhuri's
 * capitulation came when supplies ran low in March: that is the window
 * this leaves open. */
static int score_with_hunger(const Game *g, int terms, int roll, int hunger)
{
    const Siege *s = &g->siege;
    int town = g->town_side;
    return roll + s->rules.terms_bonus[terms] + terms_leader(g, 1 - town) +
           (g->rules.morale_max / 2 - g->sides[town].morale) / 2 + s->rules.hunger_weight * hunger -
           s->rules.hope_weight * s->side[town].relief_hope;
}

int siege_surrender_score(const Game *g, int terms, int *roll_out)
{
    if (g->town_side < 0)
        return -100;
    return score_with_hunger(g, terms, roll_out ? *roll_out : 7, g->siege.side[g->town_side].shortfall_turns);
}

/* The town's turns of hunger when this turn's upkeep weighs the terms:
 * the food is eaten first, so a town that cannot eat its fill this turn
 * is a turn hungrier then, and one that can is not hungry at all. */
static int hunger_at_upkeep(const Game *g)
{
    const SiegeSide *ss = &g->siege.side[g->town_side];
    int need = g->rules.days_per_turn * g->siege.rules.consumption_pct[ss->rations] / 100;
    return ss->food >= need ? 0 : ss->shortfall_turns + 1;
}

int siege_terms_mods(const Game *g, int terms)
{
    if (g->town_side < 0)
        return -100;
    return score_with_hunger(g, terms, 0, hunger_at_upkeep(g));
}

int siege_terms_ways(const Game *g, int terms)
{
    int need = g->siege.rules.surrender_target - siege_terms_mods(g, terms);
    int ways = 0;
    for (int a = 1; a <= 6; a++)
        for (int b = 1; b <= 6; b++)
            ways += a + b >= need;
    return ways;
}

int siege_walls(const Game *g, int *taken)
{
    int walls = 0, held = 0;
    for (int row = 0; row < g->map.height; row++)
        for (int col = 0; col < g->map.width; col++) {
            Hex h = hex_from_offset(col, row);
            if (map_terrain(&g->map, h) != TER_WALL)
                continue;
            walls++;
            if (g->town_side >= 0 && game_enemy_at(g, h, g->town_side))
                held++;
        }
    if (taken)
        *taken = held;
    return walls;
}

void siege_wall_entered(Game *g, int unit)
{
    const Unit *u = &g->units[unit];
    if (g->town_side < 0 || u->side == g->town_side || u->status != UNIT_ON_MAP ||
        map_terrain(&g->map, u->hex) != TER_WALL)
        return;
    int here[8], n = game_units_at(g, u->hex, here, 8);
    for (int i = 0; i < n; i++)
        if (here[i] != unit && g->units[here[i]].side != g->town_side)
            return;   /* the section was already theirs */
    int taken = 0, walls = siege_walls(g, &taken);
    char hb[16];
    Event e = game_event(g, EV_WALL);
    e.side = u->side;
    e.unit = unit;
    e.to = u->hex;
    snprintf(e.text, sizeof e.text, "wall: %s stands on the wall at %s (%d of %d sections in enemy hands)", u->name,
             hex_format(u->hex, hb, sizeof hb), taken, walls);
    game_emit(g, &e);
}

bool siege_town_defiant(const Game *g)
{
    int town = g->town_side;
    if (town < 0)
        return false;
    const SiegeSide *ss = &g->siege.side[town];
    bool fed = ss->shortfall_turns == 0 && siege_food_days(g, town) > g->siege.rules.defiant_fed_turns * g->rules.days_per_turn;
    return fed && g->sides[town].morale * 100 > g->rules.morale_max * g->siege.rules.defiant_morale_pct;
}

/* The town's answer to terms: EV_SURRENDER when it accepts (a = terms,
 * b = score, c = target), EV_TERMS_REFUSED when not (c = TermsRefusal). */
static void terms_answer(Game *g, EventType t, int town, int terms, int score, int c, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
static void terms_answer(Game *g, EventType t, int town, int terms, int score, int c, const char *fmt, ...)
{
    Event e = game_event(g, t);
    e.side = town;
    e.a = terms;
    e.b = score;
    e.c = c;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.text, sizeof e.text, fmt, ap);
    va_end(ap);
    game_emit(g, &e);
}

/* The terms of this turn weighed: a commander who accepts gives the town
 * up; otherwise the council decides on the dice [2.11], and a commander
 * who refuses what the council would accept keeps the town at the cost of
 * its people's will (overrule_will), as a glory-seeker's veto does. */
static void surrender_check(Game *g)
{
    Siege *s = &g->siege;
    int town = g->town_side;
    int answer = s->terms_answer;
    s->terms_answer = TERMS_ANSWER_COUNCIL;
    if (s->terms == TERMS_NONE || town < 0) {
        s->terms = TERMS_NONE;
        return;
    }
    const char *kind = s->terms == TERMS_GENEROUS ? "generous" : "harsh";
    int target = s->rules.surrender_target;
    if (answer == TERMS_ANSWER_ACCEPT) {
        s->surrendered = true;
        terms_answer(g, EV_SURRENDER, town, s->terms, -1, target, "surrender: %s's commander accepts the %s terms",
                     g->sides[town].name, kind);
        s->terms = TERMS_NONE;
        return;
    }
    if (siege_town_defiant(g)) {
        terms_answer(g, EV_TERMS_REFUSED, town, s->terms, -1, REFUSAL_DEFIANT,
                     "surrender refused: %s, still fed, will not hear the %s terms", g->sides[town].name, kind);
        effect_morale(g, town, s->rules.defiance_morale, "terms defied");
        s->terms = TERMS_NONE;
        return;
    }
    int roll = rng_roll(&g->rng, 6) + rng_roll(&g->rng, 6);
    int score = siege_surrender_score(g, s->terms, &roll);
    if (score >= target) {
        if (answer == TERMS_ANSWER_REFUSE) {
            terms_answer(g, EV_TERMS_REFUSED, town, s->terms, score, REFUSAL_COMMANDER,
                         "surrender refused: the council would accept the %s terms (%d vs %d), but %s's commander refuses",
                         kind, score, target, g->sides[town].name);
            effect_civic_will(g, -s->rules.overrule_will, "the commander refused terms the town wanted");
        } else if (siege_veto_active(g, town)) {
            terms_answer(g, EV_TERMS_REFUSED, town, s->terms, score, REFUSAL_VETO,
                         "surrender refused: the council would accept the %s terms (%d vs %d), but the commander vetoes",
                         kind, score, target);
        } else {
            s->surrendered = true;
            terms_answer(g, EV_SURRENDER, town, s->terms, score, target, "surrender: %s accepts the %s terms (%d vs %d)",
                         g->sides[town].name, kind, score, target);
        }
    } else {
        terms_answer(g, EV_TERMS_REFUSED, town, s->terms, score, REFUSAL_REJECTED,
                     "surrender refused: %s rejects the %s terms (%d vs %d)", g->sides[town].name, kind, score, target);
        effect_morale(g, town, s->rules.defiance_morale, "terms refused");
    }
    s->terms = TERMS_NONE;
}

static void betrayal(Game *g)
{
    Siege *s = &g->siege;
    if (g->town_side < 0 || s->civic_will > s->rules.betrayal_will)
        return;
    if (rng_roll(&g->rng, 10) > s->rules.betrayal_max)
        return;
    for (int i = 0; i < g->ngates; i++)
        if (g->gates[i].state == GATE_SHUT) {
            effect_set_gate(g, i, GATE_BETRAYED);
            siege_say(g, EV_ASSAULT_NEWS, 1 - g->town_side, "assault from within: townspeople open the %s to the besiegers",
                g->gates[i].name);
            return;
        }
}

void siege_upkeep(Game *g)
{
    exposure(g);
    food(g);
    theatre_upkeep(g);
    surrender_check(g);
    betrayal(g);
}

/* ---- battles ----------------------------------------------------------- */

void siege_battle_begins(Game *g, BattleKind kind)
{
    Siege *s = &g->siege;
    s->battle_kind = kind;
    for (int i = 0; i < 2 && i < g->nsides; i++)
        s->battle_sp_lost[i] = g->sides[i].sp_lost;
}

void siege_battle_ends(Game *g)
{
    Siege *s = &g->siege;
    int lost0 = g->sides[0].sp_lost - s->battle_sp_lost[0];
    int lost1 = g->sides[1].sp_lost - s->battle_sp_lost[1];
    int diff = lost0 - lost1;
    if (diff >= 2 || diff <= -2) {
        int winner = diff > 0 ? 1 : 0;
        effect_morale(g, winner, s->rules.battle_morale, "a battle won");
        effect_morale(g, 1 - winner, -s->rules.battle_morale, "a battle lost");
    }
    for (int i = 0; i < g->ngates; i++)
        s->gate_passed[i] = 0;
    traits_battle_ends(g);
}

void siege_new_impulse(Game *g)
{
    for (int i = 0; i < g->ngates; i++)
        g->siege.gate_passed[i] = 0;
}

bool siege_is_sally(const Game *g, int side, Hex from, Hex target)
{
    return side == g->town_side && !terrain_is_town(map_terrain(&g->map, target)) &&
           (terrain_is_town(map_terrain(&g->map, from)) || siege_sector_of(g, from) >= 0);
}

/* A glory-seeking commander of side, alive and in the field, throws
 * himself into a sally: glory_sally_shift for the whole sally. */
static int glory_shift(const Game *g, int side)
{
    for (int i = 0; i < g->nleaders; i++) {
        const Leader *l = &g->leaders[i];
        if (l->alive && l->side == side && (l->traits & TRAIT_GLORY_SEEKER) && l->unit >= 0 &&
            g->units[l->unit].status == UNIT_ON_MAP)
            return g->siege.rules.glory_sally_shift;
    }
    return 0;
}

static int surprise_shift(const Game *g, Hex target)
{
    const Siege *s = &g->siege;
    int sector = siege_sector_of(g, target);
    return sector < 0 || s->gate_alert[sector] ? 0 : s->rules.shift_surprise;
}

/* In a sally, the town's attacks: surprise in the first surprise_impulses
 * impulses against a gate sector whose besiegers are not on alert, and the
 * glory-seeker's shift throughout. */
int siege_attack_shift(const Game *g, int side, Hex target)
{
    const Siege *s = &g->siege;
    if (g->mode != MODE_BATTLE || s->battle_kind != BATTLE_SALLY || side != g->town_side)
        return 0;
    return (g->impulse <= s->rules.surprise_impulses ? surprise_shift(g, target) : 0) + glory_shift(g, side);
}

int siege_sally_surprise(const Game *g, int side, Hex target)
{
    return surprise_shift(g, target) + glory_shift(g, side);
}

int siege_wall_cracks(const Game *g, Hex h)
{
    Terrain t = map_terrain(&g->map, h);
    if (t != TER_WALL && t != TER_GATE)
        return 0;
    int sector = siege_sector_of(g, h);
    return sector >= 0 && sector < 16 ? g->siege.wall_cracks[sector] : 0;
}

/* Gate throughput: SP a move through gate gi may still carry now. */
int siege_gate_room(const Game *g, int gi)
{
    const Siege *s = &g->siege;
    int cap = s->rules.gate_throughput * (g->mode == MODE_BATTLE ? 1 : g->rules.siege_mp_mult);
    if (g->mode == MODE_BATTLE && s->gate_opened_impulse[gi] == g->impulse && g->impulse > 0)
        return 0; /* opening it takes this impulse */
    return cap - s->gate_passed[gi];
}
