/* game.c - the game value: creation, lookups, hashing, dates, log lines. */
#include "game.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

Game *game_new(uint64_t seed)
{
    Game *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    rules_default(&g->rules);
    g->seed = seed;
    rng_seed(&g->rng, seed, 0x53494547u);       /* "SIEG" */
    rng_seed(&g->cosmetic, seed, 0x434f534du);  /* "COSM" */
    g->town_side = -1;
    g->max_turns = 1;
    g->start_year = 637;
    g->start_month = 11;
    g->start_day = 28;
    g->outcome.winner = -1;
    g->outcome.victory = -1;
    g->town_place = -1;
    siege_rules_default(&g->siege.rules);
    g->siege.historical = true;
    g->siege.civic_will = 6;
    for (int i = 0; i < MAX_COLUMNS; i++) {
        g->siege.columns[i].after_courier = -1;
        g->siege.columns[i].via = -1;
    }
    for (int i = 0; i < MAX_CONTINGENTS; i++)
        g->siege.contingents[i].also_home = -1;
    for (int i = 0; i < MAX_COURIERS; i++)
        g->siege.couriers[i].after_courier = -1;
    return g;
}

void game_free(Game *g)
{
    if (!g)
        return;
    map_free(&g->map);
    free(g->events.items);
    free(g);
}

bool game_start(Game *g, char *why, size_t n)
{
    if (!g->map.terrain) {
        snprintf(why, n, "the scenario has no map");
        return false;
    }
    if (g->nsides != 2) {
        snprintf(why, n, "a scenario needs exactly two sides, found %d", g->nsides);
        return false;
    }
    if (g->max_turns < 1) {
        snprintf(why, n, "the scenario needs at least one turn");
        return false;
    }
    if (g->first_side < 0 || g->first_side >= g->nsides)
        g->first_side = 0;
    for (int i = 0; i < g->nunits; i++) {
        Unit *u = &g->units[i];
        u->sp_start = u->sp_start ? u->sp_start : u->sp;
        if (u->status == UNIT_ON_MAP && !map_contains(&g->map, u->hex)) {
            snprintf(why, n, "unit %s stands off the map", u->id);
            return false;
        }
    }
    game_occ_rebuild(g);
    turn_begin_game(g);
    return true;
}

/* ---- hashing ---------------------------------------------------------- */

typedef struct Hasher {
    uint64_t h;
    bool quick;     /* game_state_key: a word at a time, fixed parts left out */
} Hasher;

static void hash_bytes(Hasher *hs, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        hs->h ^= b[i];
        hs->h *= 0x100000001b3ULL;
    }
}

static void hash_int_bytes(Hasher *hs, long long v)
{
    /* Fixed width, fixed byte order: the same on every machine. */
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)((unsigned long long)v >> (8 * i));
    hash_bytes(hs, b, 8);
}

static inline void hash_int(Hasher *hs, long long v)
{
    if (hs->quick) {
        hs->h = (hs->h ^ (uint64_t)v) * 0x9e3779b97f4a7c15ULL;
        hs->h ^= hs->h >> 29;
        return;
    }
    hash_int_bytes(hs, v);
}

static void hash_str(Hasher *hs, const char *s)
{
    size_t n = strlen(s);
    hash_int(hs, (long long)n);
    hash_bytes(hs, s, n);
}

static uint64_t hash_game(const Game *g, bool quick)
{
    Hasher hs = {0xcbf29ce484222325ULL, quick};
    hash_int(&hs, g->map.width);
    hash_int(&hs, g->map.height);
    if (quick)
        hash_int(&hs, g->nunits);
    else /* the terrain does not change in a game */
        hash_bytes(&hs, g->map.terrain, (size_t)g->map.width * (size_t)g->map.height);
    for (int i = 0; i < g->map.nplaces; i++)
        hash_int(&hs, g->map.places[i].owner);
    for (int i = 0; i < g->nsides; i++) {
        hash_int(&hs, g->sides[i].morale);
        hash_int(&hs, g->sides[i].sp_lost);
        hash_int(&hs, g->sides[i].units_lost);
    }
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (!quick) { /* nor do a unit's id, side and type */
            hash_str(&hs, u->id);
            hash_int(&hs, u->side);
            hash_int(&hs, u->type);
        }
        hash_int(&hs, u->sp);
        hash_int(&hs, u->cohesion);
        hash_int(&hs, u->hex.q);
        hash_int(&hs, u->hex.r);
        hash_int(&hs, u->status);
        hash_int(&hs, u->mp);
        hash_int(&hs, u->attacked);
        hash_int(&hs, u->broke_contact);
        hash_int(&hs, u->lure);
        hash_int(&hs, u->drawn_out);
    }
    for (int i = 0; i < g->nleaders; i++) {
        hash_int(&hs, g->leaders[i].alive);
        hash_int(&hs, g->leaders[i].unit);
    }
    for (int i = 0; i < g->ngates; i++)
        hash_int(&hs, g->gates[i].state);
    hash_int(&hs, g->turn);
    hash_int(&hs, g->mode);
    hash_int(&hs, g->active);
    hash_int(&hs, g->phase);
    hash_int(&hs, g->impulse);
    hash_int(&hs, g->battle_initiator);
    hash_int(&hs, g->battle_quiet);
    hash_int(&hs, g->impulse_fought);
    hash_int(&hs, g->charges_cancelled);
    hash_int(&hs, g->battles_this_phase);
    hash_int(&hs, g->outcome.winner);
    hash_str(&hs, g->outcome.level);
    {
        const Siege *s = &g->siege;
        hash_int(&hs, s->weather);
        hash_int(&hs, s->fords_closed);
        hash_int(&hs, s->civic_will);
        hash_int(&hs, s->terms);
        if (s->terms_answer != TERMS_ANSWER_COUNCIL)   /* (unanswered: the hash of saves made before it) */
            hash_int(&hs, s->terms_answer);
        hash_int(&hs, s->surrendered);
        hash_int(&hs, s->departures);
        for (int i = 0; i < 2; i++) {
            hash_int(&hs, s->side[i].food);
            hash_int(&hs, s->side[i].rations);
            hash_int(&hs, s->side[i].half_turns);
            hash_int(&hs, s->side[i].shortfall_turns);
            hash_int(&hs, s->side[i].relief_hope);
            hash_int(&hs, s->side[i].held_back);
            hash_int(&hs, s->side[i].council_no_turn);
            hash_int(&hs, s->side[i].caliph_due);
            hash_int(&hs, s->side[i].caliph_heard);
            for (int p = 0; p < s->nplaces; p++)
                hash_int(&hs, s->side[i].threat_known[p]);
        }
        for (int i = 0; i < g->ngates && i < 16; i++) {
            hash_int(&hs, s->gate_alert[i]);
            hash_int(&hs, s->gate_passed[i]);
            hash_int(&hs, s->wall_cracks[i]);
        }
        for (int i = 0; i < s->nplaces; i++) {
            hash_int(&hs, s->places[i].owner);
            hash_int(&hs, s->places[i].besieged_turns);
            hash_int(&hs, s->places[i].announced);
        }
        for (int i = 0; i < s->ncolumns; i++) {
            const Column *c = &s->columns[i];
            hash_int(&hs, c->sp);
            hash_int(&hs, c->cohesion);
            hash_int(&hs, c->at);
            hash_int(&hs, c->next);
            hash_int(&hs, c->dest);
            hash_int(&hs, c->km_left);
            hash_int(&hs, c->pace);
            hash_int(&hs, c->state);
        }
        for (int i = 0; i < s->ncouriers; i++)
            hash_int(&hs, s->couriers[i].arrive_turn);
        for (int i = 0; i < s->ncontingents; i++)
            hash_int(&hs, s->contingents[i].departed);
        hash_int(&hs, s->nnews);
    }
    hash_int(&hs, (long long)g->rng.state);
    hash_int(&hs, (long long)g->rng.inc);
    if (g->variant)     /* a game without switches hashes as it always did */
        hash_int(&hs, (long long)g->variant);
    return hs.h;
}

uint64_t game_hash(const Game *g) { return hash_game(g, false); }

uint64_t game_state_key(const Game *g) { return hash_game(g, true); }

/* ---- lookups ---------------------------------------------------------- */

int game_side_by_id(const Game *g, const char *id)
{
    for (int i = 0; i < g->nsides; i++)
        if (strcmp(g->sides[i].id, id) == 0)
            return i;
    return -1;
}

int game_unit_by_id(const Game *g, const char *id)
{
    for (int i = 0; i < g->nunits; i++)
        if (strcmp(g->units[i].id, id) == 0)
            return i;
    return -1;
}

int game_leader_by_id(const Game *g, const char *id)
{
    for (int i = 0; i < g->nleaders; i++)
        if (strcmp(g->leaders[i].id, id) == 0)
            return i;
    return -1;
}

int game_gate_at(const Game *g, Hex h)
{
    for (int i = 0; i < g->ngates; i++)
        if (hex_eq(g->gates[i].hex, h))
            return i;
    return -1;
}

/* ---- the occupancy index ------------------------------------------------ */

/* The index cell of h, or -1 outside the largest map. */
static int occ_cell(Hex h)
{
    HexOffset o = hex_to_offset(h);
    if (o.col < 0 || o.row < 0 || o.col >= MAP_MAX_W || o.row >= MAP_MAX_H)
        return -1;
    return o.row * MAP_MAX_W + o.col;
}

/* Adds (d = 1) or removes (d = -1) unit u where it stands now. */
static void occ_count(Game *g, int u, int d)
{
    const Unit *x = &g->units[u];
    if (x->status != UNIT_ON_MAP || x->side < 0 || x->side >= MAX_SIDES)
        return;
    int c = occ_cell(x->hex);
    if (c >= 0)
        g->occ[x->side][c] = (uint16_t)(g->occ[x->side][c] + d);
}

void game_unit_place(Game *g, int u, Hex h)
{
    occ_count(g, u, -1);
    g->units[u].hex = h;
    occ_count(g, u, 1);
}

void game_unit_set_status(Game *g, int u, int status)
{
    occ_count(g, u, -1);
    g->units[u].status = status;
    occ_count(g, u, 1);
}

int game_add_unit(Game *g, const Unit *u)
{
    if (g->nunits >= MAX_UNITS)
        return -1;
    int i = g->nunits++;
    g->units[i] = *u;
    occ_count(g, i, 1);
    return i;
}

void game_occ_rebuild(Game *g)
{
    memset(g->occ, 0, sizeof g->occ);
    for (int i = 0; i < g->nunits; i++)
        occ_count(g, i, 1);
}

/* A unit the index cannot hold (a side out of range, a hex outside the
 * largest map) sends the lookups back to the walk over the units. */
static bool occ_holds(const Unit *x)
{
    return x->status != UNIT_ON_MAP || (x->side >= 0 && x->side < MAX_SIDES && occ_cell(x->hex) >= 0);
}

bool game_occ_check(const Game *g)
{
    uint16_t(*fresh)[MAP_MAX_W * MAP_MAX_H] = calloc(MAX_SIDES, sizeof *fresh);
    if (!fresh)
        return false;
    bool ok = true;
    for (int i = 0; i < g->nunits; i++) {
        const Unit *x = &g->units[i];
        if (!occ_holds(x))
            ok = false;
        else if (x->status == UNIT_ON_MAP)
            fresh[x->side][occ_cell(x->hex)]++;
    }
    ok = ok && memcmp(fresh, g->occ, sizeof g->occ) == 0;
    free(fresh);
    return ok;
}

int game_side_count_at(const Game *g, Hex h, int side)
{
    int c = occ_cell(h);
    if (c < 0 || side < 0 || side >= MAX_SIDES) {
        int n = 0;
        for (int i = 0; i < g->nunits; i++) {
            const Unit *u = &g->units[i];
            n += u->status == UNIT_ON_MAP && u->side == side && hex_eq(u->hex, h);
        }
        return n;
    }
    return g->occ[side][c];
}

int game_units_at(const Game *g, Hex h, int *out, int max)
{
    int c = occ_cell(h);
    if (c >= 0) {
        int total = 0;
        for (int s = 0; s < MAX_SIDES; s++)
            total += g->occ[s][c];
        if (total == 0)
            return 0;
    }
    int n = 0;
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (u->status == UNIT_ON_MAP && hex_eq(u->hex, h)) {
            if (n < max)
                out[n] = i;
            n++;
        }
    }
    return n;
}

bool game_enemy_at(const Game *g, Hex h, int side)
{
    int c = occ_cell(h);
    if (c >= 0) {
        for (int s = 0; s < MAX_SIDES; s++)
            if (s != side && g->occ[s][c])
                return true;
        return false;
    }
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (u->status == UNIT_ON_MAP && u->side != side && hex_eq(u->hex, h))
            return true;
    }
    return false;
}


int game_leader_with_trait(const Game *g, int side, unsigned traits)
{
    for (int i = 0; i < g->nleaders; i++)
        if (g->leaders[i].alive && g->leaders[i].side == side && (g->leaders[i].traits & traits))
            return i;
    return -1;
}

bool game_unit_visible(const Game *g, int ui, int viewer)
{
    const Unit *u = &g->units[ui];
    if (u->status != UNIT_ON_MAP)
        return false;
    if (viewer < 0 || u->side == viewer)
        return true;
    Terrain t = map_terrain(&g->map, u->hex);
    if (t >= TER_COUNT || !g->rules.hides_units[t])
        return true;
    for (int d = 0; d < HEX_DIRS; d++)
        if (game_enemy_at(g, hex_neighbor(u->hex, d), u->side))
            return true;
    return false;
}

bool game_los(const Game *g, Hex a, Hex b)
{
    Hex line[HEX_LINE_MAX];
    int n = hex_line(a, b, line, HEX_LINE_MAX);
    if (n > HEX_LINE_MAX)
        return false;
    bool from_height = map_terrain(&g->map, a) == TER_HILL;
    for (int i = 1; i < n - 1; i++) {
        Terrain t = map_terrain(&g->map, line[i]);
        if (t >= TER_COUNT)
            return false;
        /* Looking down from the tell sees over orchards and roofs. */
        if (g->rules.blocks_los[t] && !(from_height && t != TER_HILL))
            return false;
    }
    return true;
}

/* ---- dates (Julian calendar) ------------------------------------------ */

int game_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && y % 4 == 0)
        return 29;
    return days[m - 1];
}

static int month_days(int y, int m) { return game_month_days(y, m); }

void game_date(const Game *g, int turn, char *buf, size_t n)
{
    static const char *const MONTHS[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y = g->start_year, m = g->start_month, d = g->start_day;
    if (m < 1 || m > 12)
        m = 1;
    if (d < 1 || d > month_days(y, m))
        d = 1;
    long days = (long)(turn > 1 ? turn - 1 : 0) * g->rules.days_per_turn;
    while (days > 0) {
        int left = month_days(y, m) - d;
        if (days <= left) {
            d += (int)days;
            days = 0;
        } else {
            days -= left + 1;
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    snprintf(buf, n, "%d %s %d", d, MONTHS[m - 1], y);
}

/* ---- events ----------------------------------------------------------- */

Event game_event(const Game *g, EventType t)
{
    Event e;
    memset(&e, 0, sizeof e);
    e.type = t;
    e.turn = g->turn;
    e.impulse = g->mode == MODE_BATTLE ? g->impulse : 0;
    e.side = -1;
    e.unit = -1;
    e.unit2 = -1;
    return e;
}

void game_emit(Game *g, const Event *e)
{
    EventLog *log = &g->events;
    if (log->n == log->cap) {
        size_t cap = log->cap ? log->cap * 2 : 256;
        Event *items = realloc(log->items, cap * sizeof *items);
        if (!items)
            return; /* the log is lost, the game is not */
        log->items = items;
        log->cap = cap;
    }
    log->items[log->n++] = *e;
}

static const char *unit_name(const Game *g, int u)
{
    return (u >= 0 && u < g->nunits) ? g->units[u].name : "?";
}

static const char *side_name(const Game *g, int s)
{
    return (s >= 0 && s < g->nsides) ? g->sides[s].name : "nobody";
}

void game_event_format(const Game *g, const Event *e, char *buf, size_t n)
{
    char pre[32], a[16], b[16];
    if (e->impulse > 0)
        snprintf(pre, sizeof pre, "T%d.%d", e->turn, e->impulse);
    else
        snprintf(pre, sizeof pre, "T%d", e->turn);
    hex_format(e->from, a, sizeof a);
    hex_format(e->to, b, sizeof b);
    const char *w = event_type_name(e->type);
    switch (e->type) {
    case EV_TURN_START: {
        char date[32];
        game_date(g, e->turn, date, sizeof date);
        snprintf(buf, n, "%s %s %d begins, %s", pre, w, e->turn, date);
        break;
    }
    case EV_PHASE:
        snprintf(buf, n, "%s %s %s to act", pre, w, side_name(g, e->side));
        break;
    case EV_MOVE:
        snprintf(buf, n, "%s %s %s %s -> %s", pre, w, unit_name(g, e->unit), a, b);
        break;
    case EV_BATTLE_START:
        snprintf(buf, n, "%s %s: %s attacks%s%s", pre, battle_kind_name((BattleKind)e->a),
                 side_name(g, e->side), e->text[0] ? " - " : "", e->text);
        break;
    case EV_WEATHER:
        snprintf(buf, n, "%s weather %s", pre, e->text);
        break;
    case EV_SUPPLY:
    case EV_THEATRE:
    case EV_ARRIVAL_NEWS:
    case EV_COUNTER_SIEGE:
    case EV_NEWS:
    case EV_DISPERSAL:
    case EV_SURRENDER:
    case EV_TERMS_REFUSED:
    case EV_ASSAULT_NEWS:
    case EV_ORDER:
    case EV_WALL:
        snprintf(buf, n, "%s %s", pre, e->text);
        break;
    case EV_IMPULSE:
        snprintf(buf, n, "%s %s %d, %s to act", pre, w, e->a, side_name(g, e->side));
        break;
    case EV_COMBAT:
        snprintf(buf, n, "%s %s %s attacks %s: %s roll %d", pre, w, unit_name(g, e->unit), b, e->text, e->b);
        break;
    case EV_LOSS:
        snprintf(buf, n, "%s %s %s loses %d SP and %d cohesion (now %d SP, cohesion %d)", pre, w,
                 unit_name(g, e->unit), e->a, e->b,
                 e->unit >= 0 ? g->units[e->unit].sp : 0, e->c);
        break;
    case EV_RETREAT:
        snprintf(buf, n, "%s %s %s falls back %s -> %s", pre, w, unit_name(g, e->unit), a, b);
        break;
    case EV_ROUT:
        snprintf(buf, n, "%s %s %s breaks and runs at %s", pre, w, unit_name(g, e->unit), b);
        break;
    case EV_ELIMINATED:
        snprintf(buf, n, "%s %s %s is destroyed at %s", pre, w, unit_name(g, e->unit), b);
        break;
    case EV_RALLY:
        snprintf(buf, n, "%s %s %s rallies (cohesion %d)", pre, w, unit_name(g, e->unit), e->a);
        break;
    case EV_LEADER_LOST:
        snprintf(buf, n, "%s %s %s falls", pre, w,
                 (e->a >= 0 && e->a < g->nleaders) ? g->leaders[e->a].name : "?");
        break;
    case EV_BATTLE_END:
        snprintf(buf, n, "%s %s after %d impulses", pre, w, e->a);
        break;
    case EV_CAPTURE:
        snprintf(buf, n, "%s %s %s takes %s", pre, w, side_name(g, e->side),
                 (e->a >= 0 && e->a < g->map.nplaces) ? g->map.places[e->a].name : "?");
        break;
    case EV_MORALE:
        snprintf(buf, n, "%s %s %s %+d (now %d)%s%s", pre, w, side_name(g, e->side), e->a, e->b,
                 e->text[0] ? ": " : "", e->text);
        break;
    case EV_UNIT_ARRIVES:
        snprintf(buf, n, "%s %s %s at %s", pre, w, unit_name(g, e->unit), b);
        break;
    case EV_GATE: {
        static const char *const STATES[] = {"shut", "open", "forced", "betrayed"};
        snprintf(buf, n, "%s %s %s is %s", pre, w,
                 (e->a >= 0 && e->a < g->ngates) ? g->gates[e->a].name : "?",
                 (e->b >= 0 && e->b < 4) ? STATES[e->b] : "?");
        break;
    }
    case EV_GAME_OVER:
        snprintf(buf, n, "%s %s: %s", pre, w, e->text);
        break;
    default:
        snprintf(buf, n, "%s %s %s", pre, w, e->text);
        break;
    }
}

/* ---- names ------------------------------------------------------------ */

static const char *const TRAITS[TRAIT_COUNT_] = {
    "cautious", "impetuous", "glory_seeker", "feint", "sword",
    "trusted", "council", "forced_marcher", "negotiator", "caliph",
};

const char *trait_name(unsigned bit)
{
    for (int i = 0; i < TRAIT_COUNT_; i++)
        if (bit == (1u << i))
            return TRAITS[i];
    return "?";
}

bool trait_from_name(const char *name, unsigned *bit)
{
    for (int i = 0; i < TRAIT_COUNT_; i++)
        if (strcmp(name, TRAITS[i]) == 0) {
            *bit = 1u << i;
            return true;
        }
    return false;
}

static const char *const VICTORY_KINDS[VIC_KIND_COUNT] = {
    "hold_place", "take_place", "destroy_sp", "enemy_morale", "surrender", "dispersed", "theatre_places",
};

const char *victory_kind_name(VictoryKind k)
{
    return (k >= 0 && k < VIC_KIND_COUNT) ? VICTORY_KINDS[k] : "?";
}

bool victory_kind_from_name(const char *name, VictoryKind *out)
{
    for (int i = 0; i < VIC_KIND_COUNT; i++)
        if (strcmp(name, VICTORY_KINDS[i]) == 0) {
            *out = (VictoryKind)i;
            return true;
        }
    return false;
}
