/* build_siege.c - the siege's declarations: siege { } with every number of
 * the siege rules, each side's stores, the theatre map (theatre_place,
 * route), couriers, columns and contingents; and the classroom data, the
 * chronicle and the disputed points. The numbers land in Game.siege
 * (core/siege.h); the texts in ScenarioInfo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "core/command.h"
#include "data/build_internal.h"
#include "data/chronicle.h"
#include "script/api.h"

/* ---- siege { } ---------------------------------------------------------------- */

static const BdIntField siege_ints[] = {
#define R(f, lo, hi) { #f, offsetof(SiegeRules, f), lo, hi }
    R(ford_closed_max, 0, 10),      R(camp_radius, 0, 20),          R(gate_throughput, 1, 1000),
    R(shift_surprise, 0, 9),        R(sally_allowed, 0, 1),         R(sector_radius, 0, 20),        R(half_grace_turns, 0, 100),
    R(leak_per_gate, 0, 1000),      R(forage_per_turn, 0, 1000),    R(forage_winter_pct, 0, 100),
    R(desertion_max, 0, 10),        R(expel_will, 0, 10),           R(terms_leader_bonus, -20, 20),
    R(surrender_target, 0, 40),     R(veto_morale, 0, 100),         R(overrule_will, 0, 100),         R(betrayal_will, 0, 10),
    R(defiance_morale, 0, 20),      R(defiant_morale_pct, 0, 100),
    R(betrayal_max, 0, 10),         R(forced_sp_pct, 0, 100),       R(news_delay_min, 0, 20),
    R(news_delay_max, 0, 20),       R(anxiety_unknown, 0, 20),      R(anxiety_near, 0, 20),
    R(anxiety_besieged, 0, 20),     R(anxiety_fallen, 0, 20),       R(anxiety_departure, 0, 20),
    R(relief_rumour_morale, -20, 20), R(relief_confirm_morale, -20, 20), R(enemy_relief_morale, -20, 20),
    R(battle_morale, 0, 20),        R(home_fallen_morale, -20, 20), R(departure_morale, -20, 20),
    R(defiant_fed_turns, 0, 100),   R(hunger_weight, 0, 20),        R(hope_weight, 0, 20),
    R(surprise_impulses, 0, 100),   R(civic_will_max, 1, 100),
    R(hope_from, 0, 1000),          R(hope_per_turn, 0, 20),        R(hope_max, 0, 20),
    R(glory_sally_shift, 0, 9),     R(council_bonus, -10, 10),      R(impetuous_turns, 0, 100),
    R(impetuous_reach, 0, 100),     R(impetuous_morale, 0, 20),     R(caliph_morale, -20, 20),
    R(caliph_enemy_morale, -20, 20), R(caliph_news_turns, 0, 20),
#undef R
};

static const char *const weather_keys[] = { "mild", "cold", "rain", "frost", NULL };
static const char *const ration_keys[] = { "full", "half", "expel", NULL };
static const char *const terms_keys[] = { "none", "generous", "harsh", NULL };
static const char *const pace_keys[] = { "mixed", "mounted", "forced", NULL };
static const char *const months[12] = { "jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec" };

/* A table of named numbers, e.g. pace_km = { mixed = 30, forced = 55 },
 * into out[0..]; keys not given keep their value. */
static void named_numbers(Build *b, int t, const char *key, const char *const *names, int lo, int hi, int *out)
{
    lua_State *L = b->L;
    int ty = bd_get(b, t, key);
    int v = lua_gettop(L);
    bool list = false, empty = ty == LUA_TTABLE;
    if (ty == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, v)) {
            lua_pop(L, 1);
            empty = false;
            list |= lua_type(L, -1) != LUA_TSTRING;
        }
    }
    /* { 4, 7, 9, 10 } or { "mild", ... }: one problem, at the key's line;
     * { mild, cold } is a table of undefined Lua variables (nil): empty */
    if (list || empty) {
        if (list)
            bd_problem(b, key, "a list: expected named numbers, as in { %s = %d, %s = %d }: write each name with "
                       "its number", names[0], out[0], names[1], out[1]);
        else
            bd_problem(b, key, "an empty table (a bare word such as %s is an undefined Lua variable, nil): "
                       "expected named numbers, as in { %s = %d, %s = %d }", names[0], names[0], out[0], names[1],
                       out[1]);
    } else if (ty == LUA_TTABLE) {
        char saved[64];
        snprintf(saved, sizeof saved, "%s", b->what);
        bd_textf(b->what, sizeof b->what, "%s.%s", saved, key);
        bd_check_keys(b, v, names);
        for (int i = 0; names[i]; i++)
            bd_num_field(b, v, names[i], false, lo, hi, &out[i]);
        snprintf(b->what, sizeof b->what, "%s", saved);
    } else if (ty != LUA_TNIL) {
        bd_problem(b, key, "expected a table such as { %s = ..., %s = ... }", names[0], names[1]);
    }
    lua_settop(L, v - 1);
}

static void weather_table(Build *b, int t, const char *key, int *table)
{
    int w[WX_COUNT];
    memcpy(w, table, sizeof w);
    named_numbers(b, t, key, weather_keys, 0, 10, w);
    for (int i = 1; i < WX_COUNT; i++)
        if (w[i] < w[i - 1]) {
            bd_problem(b, key, "the highest d10 roll for each weather must not go down from mild to frost "
                               "(got %d, %d, %d, %d)", w[0], w[1], w[2], w[3]);
            return;
        }
    if (w[WX_COUNT - 1] != 10 && w[WX_RAIN] != 10) {
        bd_problem(b, key, "a d10 roll of 10 must give some weather: frost (or rain) must reach 10");
        return;
    }
    memcpy(table, w, sizeof w);
}

static void siege_rules(Build *b, int t)
{
    lua_State *L = b->L;
    SiegeRules *r = &b->g->siege.rules;
    static const char *const tables[] = { "weather_winter", "weather_other", "winter_months", "consumption_pct",
                                          "terms_bonus", "pace_km", NULL };
    bd_int_fields(b, t, siege_ints, sizeof siege_ints / sizeof *siege_ints, r, tables);
    if (r->news_delay_min > r->news_delay_max)
        bd_problem(b, "news_delay_max", "must be at least news_delay_min (%d)", r->news_delay_min);
    weather_table(b, t, "weather_winter", r->weather_winter);
    weather_table(b, t, "weather_other", r->weather_other);
    named_numbers(b, t, "consumption_pct", ration_keys, 0, 1000, r->consumption_pct);
    named_numbers(b, t, "terms_bonus", terms_keys, -20, 20, r->terms_bonus);
    named_numbers(b, t, "pace_km", pace_keys, 1, 1000, r->pace_km);
    int ty = bd_get(b, t, "winter_months");
    int v = lua_gettop(L);
    if (ty == LUA_TTABLE) {
        unsigned mask = 0;
        int n = (int)lua_rawlen(L, v);
        for (int i = 1; i <= n; i++) {
            const char *m = lua_rawgeti(L, v, i) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            int found = -1;
            for (int j = 0; m && j < 12; j++)
                if (strncmp(m, months[j], 3) == 0 && strlen(m) == 3)
                    found = j;
            if (found < 0)
                bd_problem(b, "winter_months", "'%s' is not a month; write three letters such as \"dec\"",
                           m ? m : "(not a string)");
            else
                mask |= 1u << found;
            lua_pop(L, 1);
        }
        r->winter_months = mask;
    } else if (ty != LUA_TNIL) {
        bd_problem(b, "winter_months", "expected a list of months, as in { \"dec\", \"jan\", \"feb\" }");
    }
    lua_settop(L, v - 1);
}

void bd_siege(Build *b, int t, bool *seen)
{
    static const char *const keys[] = { "historical", "civic_will", "rules", NULL };
    Siege *s = &b->g->siege;
    Siege *keep = NULL;
    if (*seen) {
        /* still check it, so that one run reports its problems too */
        bd_problem(b, "", "a file declares one siege { }; this is a second one");
        keep = malloc(sizeof *keep);
        if (!keep)
            return;
        *keep = *s;
    }
    *seen = true;
    bd_check_keys(b, t, keys);
    bool h;
    if (bd_bool_field(b, t, "historical", &h))
        s->historical = h;
    bd_num_field(b, t, "civic_will", false, 0, 100, &s->civic_will);
    int ty = bd_get(b, t, "rules");
    int v = lua_gettop(b->L);
    if (ty == LUA_TTABLE) {
        char saved[64];
        snprintf(saved, sizeof saved, "%s", b->what);
        bd_textf(b->what, sizeof b->what, "siege.rules");
        siege_rules(b, v);
        snprintf(b->what, sizeof b->what, "%s", saved);
    } else if (ty != LUA_TNIL) {
        bd_problem(b, "rules", "expected a table of siege rule numbers, as in rules = { gate_throughput = 10 }");
    }
    lua_settop(b->L, v - 1);
    if (s->civic_will > s->rules.civic_will_max)
        bd_problem(b, "civic_will", "%d is above the will's scale (civic_will_max %d)", s->civic_will,
                   s->rules.civic_will_max);
    if (keep) {
        *s = *keep;
        free(keep);
    }
}

/* food, rations, forages of side { } (side < 0: check only) */
void bd_side_supply(Build *b, int t, int side)
{
    SiegeSide ss;
    memset(&ss, 0, sizeof ss);
    bd_num_field(b, t, "food", false, 0, 100000, &ss.food);
    char r[16];
    if (bd_str_field(b, t, "rations", false, r, sizeof r)) {
        Rations rr;
        if (!rations_from_name(r, &rr))
            bd_problem(b, "rations", "unknown rations '%s'; expected full, half or expel", r);
        else
            ss.rations = (int)rr;
    }
    bool f;
    if (bd_bool_field(b, t, "forages", &f))
        ss.forages = f;
    if (side >= 0 && side < MAX_SIDES)
        b->g->siege.side[side] = ss;
}

/* ---- the theatre map --------------------------------------------------------- */

int bd_theatre_field(Build *b, int t, const char *key, bool required)
{
    char id[SIEGE_ID];
    if (bd_get(b, t, key) == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required)
            bd_problem(b, key, "missing; expected the id of a theatre_place");
        return -1;
    }
    lua_pop(b->L, 1);
    if (!bd_str_field(b, t, key, true, id, sizeof id))
        return -1;
    int p = siege_place_by_id(&b->g->siege, id);
    if (p < 0)
        bd_problem(b, key, "unknown theatre place '%s'; declare it with theatre_place { id = \"%s\", ... }", id, id);
    return p;
}

void bd_theatre_place(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "owner", "resistance", "surprise_resistance", "ravage",
                                        "moat", "map_place", "x", "y", NULL };
    Game *g = b->g;
    Siege *s = &g->siege;
    bd_check_keys(b, t, keys);
    TheatrePlace p;
    memset(&p, 0, sizeof p);
    p.map_place = -1;
    p.resistance = 7;
    bool ok = bd_id_field(b, t, "id", p.id, sizeof p.id);
    if (!bd_str_field(b, t, "name", false, p.name, sizeof p.name))
        snprintf(p.name, sizeof p.name, "%s", p.id);
    ok = bd_side_field(b, t, "owner", false, &p.owner) && ok;
    bd_num_field(b, t, "resistance", false, 0, 100, &p.resistance);
    bd_num_field(b, t, "surprise_resistance", false, 0, 100, &p.surprise_resistance);
    bd_num_field(b, t, "ravage", false, 0, 100, &p.ravage_per_turn);
    bd_num_field(b, t, "moat", false, 0, 100, &p.moat);
    bd_num_field(b, t, "x", false, -10000, 10000, &p.x);
    bd_num_field(b, t, "y", false, -10000, 10000, &p.y);
    char mp[ID_LEN];
    if (bd_get(b, t, "map_place") != LUA_TNIL) {
        lua_pop(b->L, 1);
        if (bd_str_field(b, t, "map_place", true, mp, sizeof mp)) {
            p.map_place = map_place_by_id(&g->map, mp);
            if (p.map_place < 0) {
                bd_problem(b, "map_place", "unknown place '%s' on the battle map; declare it with place { id = \"%s\" }",
                           mp, mp);
                ok = false;
            }
        } else {
            ok = false;
        }
    } else {
        lua_pop(b->L, 1);
    }
    if (!ok)
        return;
    if (siege_place_by_id(s, p.id) >= 0)
        bd_problem(b, "id", "duplicate theatre place id '%s'", p.id);
    else if (s->nplaces >= THEATRE_MAX_PLACES)
        bd_problem(b, "", "too many theatre places (at most %d)", THEATRE_MAX_PLACES);
    else
        s->places[s->nplaces++] = p;
}

void bd_route(Build *b, int t)
{
    static const char *const keys[] = { "from", "to", "km", NULL };
    Siege *s = &b->g->siege;
    bd_check_keys(b, t, keys);
    Route r = { -1, -1, 0 };
    r.a = bd_theatre_field(b, t, "from", true);
    r.b = bd_theatre_field(b, t, "to", true);
    bool ok = bd_num_field(b, t, "km", true, 1, 100000, &r.km);
    if (r.a < 0 || r.b < 0 || !ok)
        return;
    if (r.a == r.b) {
        bd_problem(b, "to", "a route joins two different places");
        return;
    }
    for (int i = 0; i < s->nroutes; i++)
        if ((s->routes[i].a == r.a && s->routes[i].b == r.b) || (s->routes[i].a == r.b && s->routes[i].b == r.a)) {
            bd_problem(b, "to", "a route from %s to %s is already declared", s->places[r.a].id, s->places[r.b].id);
            return;
        }
    if (s->nroutes >= THEATRE_MAX_ROUTES)
        bd_problem(b, "", "too many routes (at most %d)", THEATRE_MAX_ROUTES);
    else
        s->routes[s->nroutes++] = r;
}

void bd_courier(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "from", "to", "km", "km_per_day", "depart_turn",
                                        "after_courier", NULL };
    Game *g = b->g;
    Siege *s = &g->siege;
    bd_check_keys(b, t, keys);
    Courier k;
    memset(&k, 0, sizeof k);
    k.km_per_day = 100;
    k.after_courier = -1;
    bool ok = bd_id_field(b, t, "id", k.id, sizeof k.id);
    if (!bd_str_field(b, t, "name", false, k.name, sizeof k.name))
        snprintf(k.name, sizeof k.name, "%s", k.id);
    ok = bd_side_field(b, t, "side", true, &k.side) && ok;
    k.from = bd_theatre_field(b, t, "from", true);
    k.to = bd_theatre_field(b, t, "to", true);
    ok = k.from >= 0 && k.to >= 0 && ok;
    bd_num_field(b, t, "km", false, 0, 100000, &k.km);
    bd_num_field(b, t, "km_per_day", false, 1, 10000, &k.km_per_day);
    bd_num_field(b, t, "depart_turn", false, 0, g->max_turns > 0 ? g->max_turns : 1000, &k.depart_turn);
    if (bd_get(b, t, "after_courier") != LUA_TNIL) {
        char cid[SIEGE_ID] = "";
        if (bd_str_field(b, t, "after_courier", true, cid, sizeof cid)) {
            for (int i = 0; i < s->ncouriers; i++)
                if (!strcmp(s->couriers[i].id, cid))
                    k.after_courier = i;
            if (k.after_courier < 0) {
                bd_problem(b, "after_courier", "unknown courier '%s'; declare it first with courier { id = \"%s\", ... }",
                           cid, cid);
                ok = false;
            } else if (k.depart_turn > 0) {
                bd_problem(b, "depart_turn", "a courier sets out on a turn or after another courier, not both");
                ok = false;
            }
        }
    }
    if (ok && k.km == 0 && siege_route_km(s, k.from, k.to) < 0) {
        bd_problem(b, "to", "no route leads from %s to %s; give km = ... or declare the routes",
                   s->places[k.from].id, s->places[k.to].id);
        ok = false;
    }
    if (!ok)
        return;
    for (int i = 0; i < s->ncouriers; i++)
        if (!strcmp(s->couriers[i].id, k.id)) {
            bd_problem(b, "id", "duplicate courier id '%s'", k.id);
            return;
        }
    if (s->ncouriers >= MAX_COURIERS)
        bd_problem(b, "", "too many couriers (at most %d)", MAX_COURIERS);
    else
        s->couriers[s->ncouriers++] = k;
}

void bd_column(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "sp", "cohesion", "leader", "at", "via", "dest",
                                        "pace", "hidden", "depart_turn", "after_courier", NULL };
    Game *g = b->g;
    Siege *s = &g->siege;
    bd_check_keys(b, t, keys);
    Column c;
    memset(&c, 0, sizeof c);
    c.leader = -1;
    c.next = -1;
    c.dest = -1;
    c.after_courier = -1;
    c.state = COL_WAITING;
    bool ok = bd_id_field(b, t, "id", c.id, sizeof c.id);
    if (!bd_str_field(b, t, "name", false, c.name, sizeof c.name))
        snprintf(c.name, sizeof c.name, "%s", c.id);
    ok = bd_side_field(b, t, "side", true, &c.side) && ok;
    ok = bd_num_field(b, t, "sp", true, 1, 10000, &c.sp) && ok;
    bd_num_field(b, t, "cohesion", false, 1, g->rules.cohesion_max, &c.cohesion);
    c.at = bd_theatre_field(b, t, "at", true);
    ok = c.at >= 0 && ok;
    if (bd_get(b, t, "dest") != LUA_TNIL) {
        lua_pop(b->L, 1);
        c.dest = bd_theatre_field(b, t, "dest", true);
        ok = c.dest >= 0 && ok;
    } else {
        lua_pop(b->L, 1);
    }
    c.via = -1;
    if (bd_get(b, t, "via") != LUA_TNIL) {
        lua_pop(b->L, 1);
        c.via = bd_theatre_field(b, t, "via", true);
        ok = c.via >= 0 && ok;
        c.by_via = c.via >= 0;
    } else {
        lua_pop(b->L, 1);
    }
    char pace[16];
    if (bd_str_field(b, t, "pace", false, pace, sizeof pace)) {
        Pace p;
        if (!pace_from_name(pace, &p)) {
            bd_problem(b, "pace", "unknown pace '%s'; expected mixed, mounted or forced", pace);
            ok = false;
        } else {
            c.pace = (int)p;
        }
    }
    bool h;
    if (bd_bool_field(b, t, "hidden", &h))
        c.hidden = h;
    bd_num_field(b, t, "depart_turn", false, 0, g->max_turns > 0 ? g->max_turns : 1000, &c.depart_turn);
    char cid[SIEGE_ID];
    if (bd_get(b, t, "after_courier") != LUA_TNIL) {
        lua_pop(b->L, 1);
        if (bd_str_field(b, t, "after_courier", true, cid, sizeof cid)) {
            for (int i = 0; i < s->ncouriers; i++)
                if (!strcmp(s->couriers[i].id, cid))
                    c.after_courier = i;
            if (c.after_courier < 0) {
                bd_problem(b, "after_courier", "unknown courier '%s'; declare it with courier { id = \"%s\", ... }",
                           cid, cid);
                ok = false;
            } else if (s->couriers[c.after_courier].side != c.side) {
                bd_problem(b, "after_courier", "courier '%s' rides for the other side", cid);
                ok = false;
            }
        } else {
            ok = false;
        }
    } else {
        lua_pop(b->L, 1);
    }
    if (ok && (c.after_courier >= 0 || c.depart_turn > 0) && c.dest < 0) {
        bd_problem(b, "dest", "a column that sets out by itself (depart_turn or after_courier) needs a dest");
        ok = false;
    }
    if (ok && c.by_via && (c.dest < 0 || c.via == c.at || c.via == c.dest)) {
        bd_problem(b, "via", "a place to pass on the way needs a dest, and must be neither at nor dest");
        ok = false;
    }
    if (ok && c.by_via && (siege_route_km(s, c.at, c.via) < 0 || siege_route_km(s, c.via, c.dest) < 0)) {
        bd_problem(b, "via", "no route leads from %s by %s to %s", s->places[c.at].id, s->places[c.via].id,
                   s->places[c.dest].id);
        ok = false;
    }
    if (ok && c.dest >= 0 && c.dest != c.at && siege_route_km(s, c.at, c.dest) < 0) {
        bd_problem(b, "dest", "no route leads from %s to %s", s->places[c.at].id, s->places[c.dest].id);
        ok = false;
    }
    char lid[ID_LEN] = "";
    bd_str_field(b, t, "leader", false, lid, sizeof lid);
    if (!ok)
        return;
    if (siege_column_by_id(s, c.id) >= 0) {
        bd_problem(b, "id", "duplicate column id '%s'", c.id);
        return;
    }
    if (s->ncolumns >= MAX_COLUMNS) {
        bd_problem(b, "", "too many columns (at most %d)", MAX_COLUMNS);
        return;
    }
    snprintf(b->column_leader[s->ncolumns], ID_LEN, "%s", lid);
    b->column_leader_line[s->ncolumns] = lid[0] ? bd_key_line(b, "leader") : 0;
    s->columns[s->ncolumns++] = c;
}

void bd_resolve_column_leaders(Build *b)
{
    Game *g = b->g;
    Siege *s = &g->siege;
    for (int i = 0; i < s->ncolumns; i++) {
        const char *id = b->column_leader[i];
        if (!id[0])
            continue;
        int l = game_leader_by_id(g, id);
        char key[64];
        bd_textf(key, sizeof key, "column[%s].leader", s->columns[i].id);
        if (l < 0)
            bd_problem_at(b, b->column_leader_line[i], 0, key,
                          "unknown leader '%s'; declare it with leader { id = \"%s\", ... }", id, id);
        else if (g->leaders[l].side != s->columns[i].side)
            bd_problem_at(b, b->column_leader_line[i], 0, key, "leader '%s' belongs to the other side", id);
        else
            s->columns[i].leader = l;
    }
}

void bd_contingent(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "home", "also_home", "loyalty", NULL };
    Siege *s = &b->g->siege;
    bd_check_keys(b, t, keys);
    Contingent c;
    memset(&c, 0, sizeof c);
    bool ok = bd_id_field(b, t, "id", c.id, sizeof c.id);
    if (!bd_str_field(b, t, "name", false, c.name, sizeof c.name))
        snprintf(c.name, sizeof c.name, "%s", c.id);
    ok = bd_side_field(b, t, "side", true, &c.side) && ok;
    c.home = bd_theatre_field(b, t, "home", true);
    ok = c.home >= 0 && ok;
    c.also_home = -1;
    if (bd_get(b, t, "also_home") != LUA_TNIL) {
        lua_pop(b->L, 1);
        c.also_home = bd_theatre_field(b, t, "also_home", true);
        ok = c.also_home >= 0 && ok;
        c.has_also_home = c.also_home >= 0;
        if (ok && c.also_home == c.home) {
            bd_problem(b, "also_home", "the second home is the first one again");
            ok = false;
        }
    } else {
        lua_pop(b->L, 1);
    }
    bd_num_field(b, t, "loyalty", false, -10, 20, &c.loyalty);
    if (!ok)
        return;
    if (siege_contingent_by_id(s, c.id) >= 0)
        bd_problem(b, "id", "duplicate contingent id '%s'", c.id);
    else if (s->ncontingents >= MAX_CONTINGENTS)
        bd_problem(b, "", "too many contingents (at most %d)", MAX_CONTINGENTS);
    else
        s->contingents[s->ncontingents++] = c;
}

/* ---- the classroom: chronicle and disputed points ------------------------------ */

void bd_chronicle(Build *b, int t)
{
    static const char *const keys[] = { "side", "turn", "order", "note", "src", "note_ar", NULL };
    ScenarioInfo *in = b->info;
    Game *g = b->g;
    bd_check_keys(b, t, keys);
    ScenarioChronicle c;
    memset(&c, 0, sizeof c);
    bool ok = bd_side_field(b, t, "side", true, &c.side);
    ok = bd_num_field(b, t, "turn", true, 1, g->max_turns > 0 ? g->max_turns : 1000, &c.turn) && ok;
    ok = bd_str_field(b, t, "order", true, c.order, sizeof c.order) && ok;
    bd_str_field(b, t, "note", false, c.note, sizeof c.note);
    bd_str_field(b, t, "note_ar", false, c.note_ar, sizeof c.note_ar);
    bd_str_field(b, t, "src", false, c.src, sizeof c.src);
    if (!ok)
        return;
    if (in->nchronicle >= SCEN_MAX_CHRONICLE) {
        bd_problem(b, "", "too many chronicle entries (at most %d)", SCEN_MAX_CHRONICLE);
        return;
    }
    b->chronicle_line[in->nchronicle] = c.line = bd_key_line(b, "order");
    in->chronicle[in->nchronicle++] = c;
}

static int gate_by_id(const Game *g, const char *id)
{
    for (int i = 0; i < g->ngates; i++)
        if (!strcmp(g->gates[i].id, id))
            return i;
    return -1;
}

void bd_check_chronicle(Build *b)
{
    const ScenarioInfo *in = b->info;
    Game *g = b->g;
    for (int i = 0; i < in->nchronicle; i++) {
        const ScenarioChronicle *c = &in->chronicle[i];
        char verb[32] = "", arg[64] = "", extra[8] = "";
        int n = sscanf(c->order, "%31s %63s %7s", verb, arg, extra);
        char key[64];
        bd_textf(key, sizeof key, "chronicle.order");
        int w = -1;
        for (int k = 0; chronicle_plan_words[k]; k++)
            if (!strcmp(verb, chronicle_plan_words[k]))
                w = k;
        if (w >= 0) {
            bool gate_word = w < CHRONICLE_GATE_WORDS;   /* sally, storm, feint take a gate */
            if (gate_word && (n != 2 || gate_by_id(g, arg) < 0))
                bd_problem_at(b, b->chronicle_line[i], 0, key, "'%s' needs a gate id, as in \"%s %s\"", c->order, verb,
                              g->ngates ? g->gates[0].id : "north");
            else if (!gate_word && n != 1)
                bd_problem_at(b, b->chronicle_line[i], 0, key, "'%s' takes no arguments", verb);
            continue;
        }
        Command cmd;
        char why[256];
        int active = g->active;
        g->active = c->side;
        bool parsed = cmd_parse(g, c->order, &cmd, why, sizeof why);
        g->active = active;
        if (!parsed)
            bd_problem_at(b, b->chronicle_line[i], 0, key,
                          "'%s': %s; an order is a command (\"send-column iraq hit forced\") or one of sally <gate>, "
                          "storm <gate>, feint <gate>, hold, pursue, wait, sortie", c->order, why);
    }
}

void bd_dispute(Build *b, int t)
{
    static const char *const keys[] = { "id", "title", "turn", "versions", NULL };
    static const char *const vkeys[] = { "text", "src", NULL };
    lua_State *L = b->L;
    ScenarioInfo *in = b->info;
    bd_check_keys(b, t, keys);
    ScenarioDispute d;
    memset(&d, 0, sizeof d);
    bool ok = bd_id_field(b, t, "id", d.id, sizeof d.id);
    ok = bd_str_field(b, t, "title", true, d.title, sizeof d.title) && ok;
    int ty0 = bd_get(b, t, "turn");
    lua_pop(L, 1);
    if (ty0 != LUA_TNIL)     /* optional: 0 when absent */
        ok = bd_num_field(b, t, "turn", true, 1, b->g->max_turns > 0 ? b->g->max_turns : 1000, &d.turn) && ok;
    int ty = bd_get(b, t, "versions");
    int v = lua_gettop(L);
    if (ty != LUA_TTABLE) {
        bd_problem(b, "versions", ty == LUA_TNIL ? "missing; expected versions = { { text = ..., src = ... }, ... }"
                                                 : "expected a list of { text = ..., src = ... }");
        ok = false;
    } else {
        int n = (int)lua_rawlen(L, v);
        if (n < 2 || n > SCEN_MAX_VERSIONS) {
            bd_problem(b, "versions", "a disputed point has 2 to %d versions; found %d", SCEN_MAX_VERSIONS, n);
            ok = false;
        }
        for (int i = 1; i <= n && i <= SCEN_MAX_VERSIONS; i++) {
            lua_rawgeti(L, v, i);
            int e = lua_gettop(L);
            if (lua_type(L, e) != LUA_TTABLE) {
                bd_problem(b, "versions", "version %d: expected { text = ..., src = ... }", i);
                ok = false;
            } else {
                bd_check_keys(b, e, vkeys);
                ScenarioVersion *sv = &d.versions[d.nversions];
                ok = bd_str_field(b, e, "text", true, sv->text, sizeof sv->text) && ok;
                ok = bd_str_field(b, e, "src", true, sv->src, sizeof sv->src) && ok;
                d.nversions++;
            }
            lua_settop(L, e - 1);
        }
    }
    lua_settop(L, v - 1);
    if (!ok)
        return;
    for (int i = 0; i < in->ndisputes; i++)
        if (!strcmp(in->disputes[i].id, d.id)) {
            bd_problem(b, "id", "duplicate dispute id '%s'", d.id);
            return;
        }
    if (in->ndisputes >= SCEN_MAX_DISPUTES)
        bd_problem(b, "", "too many disputed points (at most %d)", SCEN_MAX_DISPUTES);
    else
        in->disputes[in->ndisputes++] = d;
}
