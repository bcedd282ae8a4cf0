/* api.c - scenario declarations and the emesa.* handler API; see api.h. */
#include "script/api.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "core/effect.h"
#include "core/hex.h"

const char *const api_decl_names[DECL_KIND_COUNT] = {
    "scenario", "rules", "siege", "side", "map", "place", "gate", "theatre_place", "route", "courier",
    "column", "contingent", "unit", "leader", "victory", "note", "chronicle", "dispute", "on",
};
const char *const api_quality_names[QUAL_COUNT] = { "elite", "veteran", "regular", "levy" };
const char *const api_gate_state_names[4] = { "shut", "open", "forced", "betrayed" };
const char *const api_status_names[4] = { "on_map", "off_map", "eliminated", "departed" };

static const char *const mode_names[3] = { "siege", "battle", "over" };

#define REG_DECLS "emesa.decls"
#define REG_HANDLERS "emesa.handlers"
#define REG_LIVE "emesa.live"

int api_name_index(const char *const *names, int n, const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* ---- event names ------------------------------------------------------- */

/* Names from the brief and the first drafts of the reference; the
 * canonical names are event_type_name()'s, and '_' may stand for '-'. */
static const struct {
    const char *alias;
    EventType type;
} aliases[] = {
    { "turn_start", EV_TURN_START },
    { "unit_moves", EV_MOVE },
    { "battle_start", EV_BATTLE_START },
    { "unit_arrives", EV_UNIT_ARRIVES },
    /* core names both EV_UNIT_ARRIVES and EV_ARRIVAL_NEWS "arrival" */
    { "arrival_news", EV_ARRIVAL_NEWS },
};

static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a == '_' ? '-' : *a, y = *b == '_' ? '-' : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

int api_event_from_name(const char *name)
{
    if (!name)
        return -1;
    if (strcmp(name, "any") == 0)
        return EV_COUNT;
    for (int t = 0; t < EV_COUNT; t++)
        if (same_name(event_type_name((EventType)t), name))
            return t;
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(aliases[i].alias, name) == 0)
            return (int)aliases[i].type;
    return -1;
}

const char *api_event_names(char *buf, size_t n)
{
    if (!buf || n == 0)
        return "";
    buf[0] = '\0';
    size_t k = 0;
    for (int t = 0; t < EV_COUNT && k < n; t++)
        k += (size_t)snprintf(buf + k, n - k, "%s%s", t ? ", " : "", event_type_name((EventType)t));
    if (k < n)
        snprintf(buf + k, n - k, ", any");
    return buf;
}

/* ---- declarations ------------------------------------------------------- */

static int caller_line(lua_State *L)
{
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
        return ar.currentline;
    return 0;
}

static bool is_live(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, REG_LIVE);
    bool live = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return live;
}

static void push_hex(lua_State *L, Hex h)
{
    char buf[32];
    lua_pushstring(L, hex_format(h, buf, sizeof buf));
}

/* Fields of the table on top of the stack; a side or unit out of range
 * leaves the field unset (nil). */
static void set_str(lua_State *L, const char *k, const char *v)
{
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_side(lua_State *L, const Game *g, const char *k, int s)
{
    if (s >= 0 && s < g->nsides)
        set_str(L, k, g->sides[s].id);
}

static void set_unit(lua_State *L, const Game *g, const char *k, int u)
{
    if (u >= 0 && u < g->nunits)
        set_str(L, k, g->units[u].id);
}

static void set_bool(lua_State *L, const char *k, bool v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

static void set_hex(lua_State *L, const char *k, Hex h)
{
    push_hex(L, h);
    lua_setfield(L, -2, k);
}

static int decl_fn(lua_State *L)
{
    int kind = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *name = api_decl_names[kind];
    if (is_live(L))
        return luaL_error(L, "%s { ... } declares scenario data and may only be used while the file loads, "
                          "not inside an event handler", name);
    int line = caller_line(L);
    if (kind == DECL_ON) {
        if (lua_type(L, 1) != LUA_TSTRING)
            return luaL_error(L, "on: the first argument must be an event name such as \"turn_start\" (got %s)",
                              luaL_typename(L, 1));
        if (lua_type(L, 2) != LUA_TFUNCTION)
            return luaL_error(L, "on(\"%s\", ...): the second argument must be a function (got %s)",
                              lua_tostring(L, 1), luaL_typename(L, 2));
        lua_createtable(L, 0, 2);
        lua_pushvalue(L, 1);
        lua_setfield(L, -2, "event");
        lua_pushvalue(L, 2);
        lua_setfield(L, -2, "fn");
    } else {
        if (lua_type(L, 1) != LUA_TTABLE)
            return luaL_error(L, "%s expects a table, as in %s { id = \"...\", ... } (got %s)", name, name,
                              luaL_typename(L, 1));
        if (lua_gettop(L) > 1)
            return luaL_error(L, "%s takes one table; write %s { key = value, ... }", name, name);
        lua_pushvalue(L, 1);
    }
    int t = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_DECLS);
    lua_Integer n = luaL_len(L, -1);
    lua_createtable(L, 0, 3);
    set_str(L, "kind", name);
    set_int(L, "line", line);
    lua_pushvalue(L, t);
    lua_setfield(L, -2, "t");
    lua_rawseti(L, -2, n + 1);
    return 0;
}

void api_push_decls(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, REG_DECLS);
}

void api_add_handler(Sandbox *sb, int type, int decl)
{
    lua_State *L = sandbox_lua(sb);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_HANDLERS);
    if (lua_rawgeti(L, -1, type) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, type);
    }
    lua_Integer n = luaL_len(L, -1);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_DECLS);
    lua_rawgeti(L, -1, decl);               /* handlers, list, decls, decl */
    lua_createtable(L, 0, 2);
    lua_getfield(L, -2, "line");
    lua_setfield(L, -2, "line");
    lua_getfield(L, -2, "t");
    lua_getfield(L, -1, "fn");
    lua_setfield(L, -3, "fn");
    lua_getfield(L, -1, "event");
    lua_setfield(L, -3, "event");
    lua_pop(L, 1);
    lua_rawseti(L, -4, n + 1);
    lua_pop(L, 4);
}

int api_handler_count(Sandbox *sb, int type)
{
    lua_State *L = sandbox_lua(sb);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_HANDLERS);
    int n = 0;
    if (lua_rawgeti(L, -1, type) == LUA_TTABLE)
        n = (int)lua_rawlen(L, -1);
    lua_pop(L, 2);
    return n;
}

void api_set_live(Sandbox *sb, bool live)
{
    lua_State *L = sandbox_lua(sb);
    lua_pushboolean(L, live);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_LIVE);
}

/* ---- helpers for emesa.* ------------------------------------------------ */

static Game *live_game(lua_State *L, const char *fn)
{
    Game *g = sandbox_game(sandbox_from_lua(L));
    if (!g || !is_live(L))
        luaL_error(L, "emesa.%s can only be used inside an event handler (on(\"...\", function(ev) ... end)), "
                   "once the game has started", fn);
    return g;
}

static int check_side(lua_State *L, const Game *g, int arg, bool nil_ok, const char *fn)
{
    if (nil_ok && lua_isnoneornil(L, arg))
        return -1;
    const char *id = luaL_checkstring(L, arg);
    int s = game_side_by_id(g, id);
    if (s < 0)
        luaL_error(L, "emesa.%s: unknown side '%s'", fn, id);
    return s;
}

static int check_unit(lua_State *L, const Game *g, int arg, const char *fn)
{
    const char *id = luaL_checkstring(L, arg);
    int u = game_unit_by_id(g, id);
    if (u < 0)
        luaL_error(L, "emesa.%s: unknown unit '%s'", fn, id);
    return u;
}

static int check_place(lua_State *L, const Game *g, int arg, const char *fn)
{
    const char *id = luaL_checkstring(L, arg);
    int p = map_place_by_id(&g->map, id);
    if (p < 0)
        luaL_error(L, "emesa.%s: unknown place '%s'", fn, id);
    return p;
}

static int check_gate(lua_State *L, const Game *g, int arg, const char *fn)
{
    const char *id = luaL_checkstring(L, arg);
    for (int i = 0; i < g->ngates; i++)
        if (strcmp(g->gates[i].id, id) == 0)
            return i;
    return luaL_error(L, "emesa.%s: unknown gate '%s'", fn, id);
}

/* idx, or the error "emesa.fn: unknown <what> '<id>'" when it is -1 */
static int check_named(lua_State *L, int idx, int arg, const char *what, const char *fn)
{
    if (idx < 0)
        return luaL_error(L, "emesa.%s: unknown %s '%s'", fn, what, luaL_checkstring(L, arg));
    return idx;
}

static Hex check_hex(lua_State *L, const Game *g, int arg, const char *fn)
{
    Hex h;
    const char *s = luaL_checkstring(L, arg);
    if (!hex_parse(s, &h))
        luaL_error(L, "emesa.%s: '%s' is not a hex; write \"col,row\" such as \"12,9\"", fn, s);
    if (!map_contains(&g->map, h))
        luaL_error(L, "emesa.%s: hex %s is off the map (%dx%d)", fn, s, g->map.width, g->map.height);
    return h;
}

static int result(lua_State *L, bool ok, const char *why)
{
    lua_pushboolean(L, ok);
    if (ok)
        return 1;
    lua_pushstring(L, why);
    return 2;
}

/* ---- emesa.* effects ---------------------------------------------------- */

static int l_message(lua_State *L)
{
    Game *g = live_game(L, "message");
    const char *text = luaL_checkstring(L, 1);
    int side = check_side(L, g, 2, true, "message");
    effect_message(g, side, text);
    return 0;
}

static int l_morale(lua_State *L)
{
    Game *g = live_game(L, "morale");
    int side = check_side(L, g, 1, false, "morale");
    lua_Integer d = luaL_checkinteger(L, 2);
    luaL_argcheck(L, d >= -100 && d <= 100, 2, "morale change out of range (-100..100)");
    const char *why = luaL_optstring(L, 3, "");
    return result(L, effect_morale(g, side, (int)d, why), "the morale change was refused");
}

static int l_arrive(lua_State *L)
{
    Game *g = live_game(L, "arrive");
    int u = check_unit(L, g, 1, "arrive");
    Hex h = lua_isnoneornil(L, 2) ? g->units[u].arrive_hex : check_hex(L, g, 2, "arrive");
    char why[160] = "";
    return result(L, effect_unit_arrives(g, u, h, why, sizeof why), why);
}

static int l_damage(lua_State *L)
{
    Game *g = live_game(L, "damage");
    int u = check_unit(L, g, 1, "damage");
    lua_Integer sp = luaL_checkinteger(L, 2), coh = luaL_optinteger(L, 3, 0);
    luaL_argcheck(L, sp >= 0 && sp <= 1000, 2, "strength points out of range (0..1000)");
    luaL_argcheck(L, coh >= 0 && coh <= 100, 3, "cohesion out of range (0..100)");
    char why[160] = "";
    return result(L, effect_damage(g, u, (int)sp, (int)coh, why, sizeof why), why);
}

static int l_set_gate(lua_State *L)
{
    Game *g = live_game(L, "set_gate");
    int gate = check_gate(L, g, 1, "set_gate");
    const char *st = luaL_checkstring(L, 2);
    int state = api_name_index(api_gate_state_names, 4, st);
    if (state < 0)
        return luaL_error(L, "emesa.set_gate: unknown gate state '%s' (expected shut, open, forced or betrayed)", st);
    return result(L, effect_set_gate(g, gate, state), "the gate change was refused");
}

/* emesa.crack_wall(gate [, amount [, why]]): the walls of the gate's
 * sector lose amount (default 1) of their defence shift. */
static int l_crack_wall(lua_State *L)
{
    Game *g = live_game(L, "crack_wall");
    int gate = check_gate(L, g, 1, "crack_wall");
    lua_Integer d = luaL_optinteger(L, 2, 1);
    luaL_argcheck(L, d >= -9 && d <= 9, 2, "change out of range (-9..9)");
    return result(L, effect_crack_wall(g, gate, (int)d, luaL_optstring(L, 3, "")), "refused");
}

static int l_set_owner(lua_State *L)
{
    Game *g = live_game(L, "set_owner");
    int p = check_place(L, g, 1, "set_owner");
    int side = check_side(L, g, 2, true, "set_owner");
    return result(L, effect_set_owner(g, p, side), "the change of owner was refused");
}

static int l_end_game(lua_State *L)
{
    Game *g = live_game(L, "end_game");
    int side = check_side(L, g, 1, true, "end_game");
    const char *level = luaL_optstring(L, 2, "major");
    const char *text = luaL_optstring(L, 3, "");
    effect_end_game(g, side, level, text);
    return 0;
}

/* ---- emesa.* queries ---------------------------------------------------- */

static int l_turn(lua_State *L)
{
    Game *g = live_game(L, "turn");
    lua_pushinteger(L, g->turn);
    return 1;
}

static int l_date(lua_State *L)
{
    Game *g = live_game(L, "date");
    lua_Integer t = luaL_optinteger(L, 1, g->turn);
    luaL_argcheck(L, t >= 1 && t <= 10000, 1, "turn out of range");
    char buf[64];
    game_date(g, (int)t, buf, sizeof buf);
    lua_pushstring(L, buf);
    return 1;
}

static int l_mode(lua_State *L)
{
    Game *g = live_game(L, "mode");
    lua_pushstring(L, g->mode >= 0 && g->mode < 3 ? mode_names[g->mode] : "?");
    return 1;
}

static int l_unit(lua_State *L)
{
    Game *g = live_game(L, "unit");
    int u = check_unit(L, g, 1, "unit");
    const Unit *un = &g->units[u];
    lua_createtable(L, 0, 12);
    set_str(L, "id", un->id);
    set_str(L, "name", un->name);
    set_str(L, "side", g->sides[un->side].id);
    set_str(L, "type", g->rules.types[un->type].id);
    set_str(L, "quality", api_quality_names[un->quality]);
    set_int(L, "sp", un->sp);
    set_int(L, "sp_start", un->sp_start);
    set_int(L, "cohesion", un->cohesion);
    set_str(L, "status", un->status >= 0 && un->status < 4 ? api_status_names[un->status] : "?");
    if (un->status == UNIT_ON_MAP) {
        set_hex(L, "at", un->hex);
    }
    int l = game_leader_with(g, u);
    if (l >= 0) {
        set_str(L, "leader", g->leaders[l].id);
    }
    return 1;
}

static int l_owner(lua_State *L)
{
    Game *g = live_game(L, "owner");
    int p = check_place(L, g, 1, "owner");
    int o = g->map.places[p].owner;
    if (o >= 0 && o < g->nsides)
        lua_pushstring(L, g->sides[o].id);
    else
        lua_pushnil(L);
    return 1;
}

static int l_morale_of(lua_State *L)
{
    Game *g = live_game(L, "morale_of");
    int s = check_side(L, g, 1, false, "morale_of");
    lua_pushinteger(L, g->sides[s].morale);
    return 1;
}

static int l_losses(lua_State *L)
{
    Game *g = live_game(L, "losses");
    int s = check_side(L, g, 1, false, "losses");
    lua_pushinteger(L, g->sides[s].sp_lost);
    lua_pushinteger(L, g->sides[s].units_lost);
    return 2;
}

static int l_gate(lua_State *L)
{
    Game *g = live_game(L, "gate");
    int gate = check_gate(L, g, 1, "gate");
    int st = g->gates[gate].state;
    lua_pushstring(L, st >= 0 && st < 4 ? api_gate_state_names[st] : "?");
    return 1;
}

static int l_units_at(lua_State *L)
{
    Game *g = live_game(L, "units_at");
    Hex h = check_hex(L, g, 1, "units_at");
    int us[32];
    int n = game_units_at(g, h, us, 32);
    if (n > 32)
        n = 32;
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_pushstring(L, g->units[us[i]].id);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int l_leader_alive(lua_State *L)
{
    Game *g = live_game(L, "leader_alive");
    const char *id = luaL_checkstring(L, 1);
    int l = game_leader_by_id(g, id);
    if (l < 0)
        return luaL_error(L, "emesa.leader_alive: unknown leader '%s'", id);
    lua_pushboolean(L, g->leaders[l].alive);
    return 1;
}

/* ---- emesa.* siege queries -------------------------------------------------- */

static const char *const column_states[4] = { "waiting", "marching", "besieging", "done" };

static int l_contingent(lua_State *L)
{
    Game *g = live_game(L, "contingent");
    int k = check_named(L, siege_contingent_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "contingent", "contingent");
    const Contingent *c = &g->siege.contingents[k];
    lua_createtable(L, 0, 6);
    set_str(L, "id", c->id);
    set_str(L, "name", c->name);
    set_side(L, g, "side", c->side);
    set_str(L, "home", g->siege.places[c->home].id);
    set_int(L, "loyalty", c->loyalty);
    set_int(L, "anxiety", c->anxiety);
    set_bool(L, "departed", c->departed);
    return 1;
}

static int l_theatre(lua_State *L)
{
    Game *g = live_game(L, "theatre");
    int p = check_named(L, siege_place_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "theatre place", "theatre");
    const TheatrePlace *tp = &g->siege.places[p];
    lua_createtable(L, 0, 6);
    set_str(L, "id", tp->id);
    set_str(L, "name", tp->name);
    set_side(L, g, "owner", tp->owner);
    set_side(L, g, "start_owner", tp->start_owner);
    set_int(L, "besieged_turns", tp->besieged_turns);
    set_bool(L, "announced", tp->announced);
    return 1;
}

static int l_column(lua_State *L)
{
    Game *g = live_game(L, "column");
    int c = check_named(L, siege_column_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "column", "column");
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    lua_createtable(L, 0, 8);
    set_str(L, "id", col->id);
    set_str(L, "name", col->name);
    set_side(L, g, "side", col->side);
    set_int(L, "sp", col->sp);
    set_str(L, "at", s->places[col->at].id);
    if (col->dest >= 0) {
        set_str(L, "dest", s->places[col->dest].id);
    }
    set_str(L, "state", col->state >= 0 && col->state < 4 ? column_states[col->state] : "?");
    set_int(L, "eta", siege_column_eta(g, c));
    return 1;
}

static int l_food(lua_State *L)
{
    Game *g = live_game(L, "food");
    int s = check_side(L, g, 1, false, "food");
    lua_pushinteger(L, g->siege.side[s].food);
    lua_pushinteger(L, siege_food_days(g, s));
    return 2;
}

static int l_siege(lua_State *L)
{
    Game *g = live_game(L, "siege");
    const Siege *s = &g->siege;
    lua_createtable(L, 0, 6);
    set_str(L, "weather", weather_name((Weather)s->weather));
    set_bool(L, "fords_closed", s->fords_closed);
    set_int(L, "civic_will", s->civic_will);
    set_bool(L, "surrendered", s->surrendered);
    set_int(L, "departures", s->departures);
    set_bool(L, "historical", s->historical);
    set_side(L, g, "town_side", g->town_side);
    return 1;
}

/* ---- emesa.* siege effects ------------------------------------------------- */

static int l_civic_will(lua_State *L)
{
    Game *g = live_game(L, "civic_will");
    lua_Integer d = luaL_checkinteger(L, 1);
    luaL_argcheck(L, d >= -10 && d <= 10, 1, "change out of range (-10..10)");
    return result(L, effect_civic_will(g, (int)d, luaL_optstring(L, 2, "")), "refused");
}

static int l_relief_hope(lua_State *L)
{
    Game *g = live_game(L, "relief_hope");
    int side = check_side(L, g, 1, false, "relief_hope");
    lua_Integer d = luaL_checkinteger(L, 2);
    luaL_argcheck(L, d >= -20 && d <= 20, 2, "change out of range (-20..20)");
    return result(L, effect_relief_hope(g, side, (int)d, luaL_optstring(L, 3, "")), "refused");
}

static int l_add_food(lua_State *L)
{
    Game *g = live_game(L, "add_food");
    int side = check_side(L, g, 1, false, "add_food");
    lua_Integer d = luaL_checkinteger(L, 2);
    luaL_argcheck(L, d >= -100000 && d <= 100000, 2, "ration-days out of range (-100000..100000)");
    return result(L, effect_food(g, side, (int)d, luaL_optstring(L, 3, "")), "refused");
}

static int l_release(lua_State *L)
{
    Game *g = live_game(L, "release");
    int k = check_named(L, siege_contingent_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "contingent", "release");
    char why[160] = "";
    return result(L, effect_release(g, k, luaL_optstring(L, 2, ""), why, sizeof why), why);
}

static int l_send_column(lua_State *L)
{
    Game *g = live_game(L, "send_column");
    int c = check_named(L, siege_column_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "column", "send_column");
    int dest = -1;
    if (!lua_isnoneornil(L, 2))
        dest = check_named(L, siege_place_by_id(&g->siege, luaL_checkstring(L, 2)), 2, "theatre place", "send_column");
    Pace pace = (Pace)g->siege.columns[c].pace;
    if (!lua_isnoneornil(L, 3) && !pace_from_name(luaL_checkstring(L, 3), &pace))
        return luaL_error(L, "emesa.send_column: unknown pace '%s' (expected mixed, mounted or forced)",
                          lua_tostring(L, 3));
    char why[160] = "";
    return result(L, effect_send_column(g, c, dest, (int)pace, why, sizeof why), why);
}

static int l_courier_depart(lua_State *L)
{
    Game *g = live_game(L, "courier_depart");
    const char *id = luaL_checkstring(L, 1);
    int k = -1;
    for (int i = 0; i < g->siege.ncouriers; i++)
        if (strcmp(g->siege.couriers[i].id, id) == 0)
            k = i;
    check_named(L, k, 1, "courier", "courier_depart");
    char why[160] = "";
    return result(L, effect_courier_depart(g, k, why, sizeof why), why);
}

static const luaL_Reg emesa_fns[] = {
    { "civic_will", l_civic_will }, { "relief_hope", l_relief_hope }, { "add_food", l_add_food },
    { "release", l_release },       { "send_column", l_send_column }, { "courier_depart", l_courier_depart },
    { "contingent", l_contingent }, { "theatre", l_theatre }, { "column", l_column },
    { "food", l_food },             { "siege", l_siege },
    { "message", l_message },     { "morale", l_morale },       { "arrive", l_arrive },
    { "damage", l_damage },       { "set_gate", l_set_gate },   { "set_owner", l_set_owner },
    { "crack_wall", l_crack_wall },
    { "end_game", l_end_game },   { "turn", l_turn },           { "date", l_date },
    { "mode", l_mode },           { "unit", l_unit },           { "owner", l_owner },
    { "morale_of", l_morale_of }, { "losses", l_losses },       { "gate", l_gate },
    { "units_at", l_units_at },   { "leader_alive", l_leader_alive },
    { NULL, NULL },
};

void api_install(Sandbox *sb)
{
    lua_State *L = sandbox_lua(sb);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_DECLS);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_HANDLERS);
    lua_pushboolean(L, 0);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_LIVE);
    for (int k = 0; k < DECL_KIND_COUNT; k++) {
        lua_pushinteger(L, k);
        lua_pushcclosure(L, decl_fn, 1);
        lua_setglobal(L, api_decl_names[k]);
    }
    luaL_newlib(L, emesa_fns);
    set_str(L, "version", EMESA_VERSION);
    lua_setglobal(L, "emesa");
}

/* ---- dispatch ------------------------------------------------------------ */

void api_push_event(lua_State *L, const Game *g, const Event *e)
{
    lua_createtable(L, 0, 16);
    set_str(L, "type", event_type_name(e->type));
    set_int(L, "turn", e->turn);
    set_int(L, "impulse", e->impulse);
    set_side(L, g, "side", e->side);
    set_unit(L, g, "unit", e->unit);
    set_unit(L, g, "unit2", e->unit2);
    set_int(L, "a", e->a);
    set_int(L, "b", e->b);
    set_int(L, "c", e->c);
    set_str(L, "text", e->text);
    switch (e->type) {
    case EV_MOVE:
    case EV_RETREAT:
        set_hex(L, "from", e->from);
        set_hex(L, "to", e->to);
        set_hex(L, "hex", e->to);
        if (e->type == EV_MOVE)
            set_int(L, "cost", e->a);
        break;
    case EV_COMBAT:
        set_hex(L, "to", e->to);
        set_hex(L, "hex", e->to);
        set_int(L, "column", e->a);
        set_int(L, "roll", e->b);
        set_int(L, "shifts", e->c);
        set_unit(L, g, "defender", e->unit2);
        break;
    case EV_UNIT_ARRIVES:
        set_hex(L, "to", e->to);
        set_hex(L, "hex", e->to);
        break;
    case EV_LOSS:
        set_hex(L, "hex", e->to);
        set_int(L, "sp", e->a);
        set_int(L, "cohesion", e->b);
        break;
    case EV_BATTLE_START:
        set_side(L, g, "initiator", e->side);
        set_str(L, "kind", battle_kind_name((BattleKind)e->a));
        break;
    case EV_IMPULSE:
        set_int(L, "number", e->a);
        break;
    case EV_BATTLE_END:
        set_int(L, "impulses", e->a);
        break;
    case EV_LEADER_LOST:
        if (e->a >= 0 && e->a < g->nleaders)
            set_str(L, "leader", g->leaders[e->a].id);
        break;
    case EV_CAPTURE:
        if (e->a >= 0 && e->a < g->map.nplaces) {
            set_str(L, "place", g->map.places[e->a].id);
            set_hex(L, "hex", g->map.places[e->a].hex);
        }
        break;
    case EV_MORALE:
        set_int(L, "delta", e->a);
        set_int(L, "value", e->b);
        break;
    case EV_GAME_OVER:
        set_side(L, g, "winner", e->side);
        break;
    case EV_GATE:
        if (e->a >= 0 && e->a < g->ngates) {
            set_str(L, "gate", g->gates[e->a].id);
            set_hex(L, "hex", g->gates[e->a].hex);
        }
        if (e->b >= 0 && e->b < 4)
            set_str(L, "state", api_gate_state_names[e->b]);
        break;
    case EV_ELIMINATED:
    case EV_ROUT:
        set_hex(L, "hex", e->to);
        break;
    case EV_SURRENDER:
    case EV_TERMS_REFUSED: {
        static const char *const terms[] = { "none", "generous", "harsh" };
        static const char *const why[] = { "defiant", "rejected", "veto", "commander" };
        set_str(L, "terms", e->a >= 0 && e->a < 3 ? terms[e->a] : "?");
        if (e->b >= 0)
            set_int(L, "score", e->b);
        set_int(L, "target", g->siege.rules.surrender_target);
        if (e->type == EV_TERMS_REFUSED)
            set_str(L, "reason", e->c >= 0 && e->c < 4 ? why[e->c] : "?");
        break;
    }
    default:
        break;
    }
}

static int run_list(Sandbox *sb, int type, const Event *e, long budget, ApiErrorFn on_error, void *ud)
{
    lua_State *L = sandbox_lua(sb);
    const Game *g = sandbox_game(sb);
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_HANDLERS);
    if (lua_rawgeti(L, -1, type) != LUA_TTABLE) {
        lua_settop(L, top);
        return 0;
    }
    int list = lua_gettop(L);
    int n = (int)lua_rawlen(L, list), ran = 0;
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        lua_getfield(L, -1, "line");
        int line = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "fn");
        lua_remove(L, -2);
        api_push_event(L, g, e);
        SandboxError err;
        ran++;
        if (!sandbox_call(sb, 1, 0, budget, &err) && on_error)
            on_error(ud, event_type_name(e->type), line, &err);
    }
    lua_settop(L, top);
    return ran;
}

int api_dispatch(Sandbox *sb, const Event *e, long budget, ApiErrorFn on_error, void *ud)
{
    if (!sandbox_game(sb) || (int)e->type < 0 || e->type >= EV_COUNT)
        return 0;
    return run_list(sb, (int)e->type, e, budget, on_error, ud) + run_list(sb, EV_COUNT, e, budget, on_error, ud);
}
