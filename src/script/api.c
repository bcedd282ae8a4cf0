/* api.c - scenario declarations and the emesa.* handler API; see api.h. */
#include "script/api.h"
#include "script/api_internal.h"

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
void api_set_str(lua_State *L, const char *k, const char *v)
{
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

void api_set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

void api_set_side(lua_State *L, const Game *g, const char *k, int s)
{
    if (s >= 0 && s < g->nsides)
        api_set_str(L, k, g->sides[s].id);
}

static void set_unit(lua_State *L, const Game *g, const char *k, int u)
{
    if (u >= 0 && u < g->nunits)
        api_set_str(L, k, g->units[u].id);
}

void api_set_bool(lua_State *L, const char *k, bool v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

void api_set_hex(lua_State *L, const char *k, Hex h)
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
    api_set_str(L, "kind", name);
    api_set_int(L, "line", line);
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

Game *api_live_game(lua_State *L, const char *fn)
{
    Game *g = sandbox_game(sandbox_from_lua(L));
    if (!g || !is_live(L))
        luaL_error(L, "emesa.%s can only be used inside an event handler (on(\"...\", function(ev) ... end)), "
                   "once the game has started", fn);
    return g;
}

int api_check_side(lua_State *L, const Game *g, int arg, bool nil_ok, const char *fn)
{
    if (nil_ok && lua_isnoneornil(L, arg))
        return -1;
    const char *id = luaL_checkstring(L, arg);
    int s = game_side_by_id(g, id);
    if (s < 0)
        luaL_error(L, "emesa.%s: unknown side '%s'", fn, id);
    return s;
}

int api_check_unit(lua_State *L, const Game *g, int arg, const char *fn)
{
    const char *id = luaL_checkstring(L, arg);
    int u = game_unit_by_id(g, id);
    if (u < 0)
        luaL_error(L, "emesa.%s: unknown unit '%s'", fn, id);
    return u;
}

int api_check_place(lua_State *L, const Game *g, int arg, const char *fn)
{
    const char *id = luaL_checkstring(L, arg);
    int p = map_place_by_id(&g->map, id);
    if (p < 0)
        luaL_error(L, "emesa.%s: unknown place '%s'", fn, id);
    return p;
}

int api_check_gate(lua_State *L, const Game *g, int arg, const char *fn)
{
    const char *id = luaL_checkstring(L, arg);
    for (int i = 0; i < g->ngates; i++)
        if (strcmp(g->gates[i].id, id) == 0)
            return i;
    return luaL_error(L, "emesa.%s: unknown gate '%s'", fn, id);
}

/* idx, or the error "emesa.fn: unknown <what> '<id>'" when it is -1 */
int api_check_named(lua_State *L, int idx, int arg, const char *what, const char *fn)
{
    if (idx < 0)
        return luaL_error(L, "emesa.%s: unknown %s '%s'", fn, what, luaL_checkstring(L, arg));
    return idx;
}

Hex api_check_hex(lua_State *L, const Game *g, int arg, const char *fn)
{
    Hex h;
    const char *s = luaL_checkstring(L, arg);
    if (!hex_parse(s, &h))
        luaL_error(L, "emesa.%s: '%s' is not a hex; write \"col,row\" such as \"12,9\"", fn, s);
    if (!map_contains(&g->map, h))
        luaL_error(L, "emesa.%s: hex %s is off the map (%dx%d)", fn, s, g->map.width, g->map.height);
    return h;
}

int api_result(lua_State *L, bool ok, const char *why)
{
    lua_pushboolean(L, ok);
    if (ok)
        return 1;
    lua_pushstring(L, why);
    return 2;
}

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
    /* the emesa table: its functions in the order they were always set */
    const luaL_Reg *const libs[] = { api_siege_effect_fns, api_siege_query_fns, api_effect_fns, api_query_fns };
    int nfns = 0;
    for (int i = 0; i < 4; i++)
        for (const luaL_Reg *r = libs[i]; r->name; r++)
            nfns++;
    luaL_checkversion(L);
    lua_createtable(L, 0, nfns);
    for (int i = 0; i < 4; i++)
        luaL_setfuncs(L, libs[i], 0);
    api_set_str(L, "version", EMESA_VERSION);
    lua_setglobal(L, "emesa");
}

/* ---- dispatch ------------------------------------------------------------ */

void api_push_event(lua_State *L, const Game *g, const Event *e)
{
    lua_createtable(L, 0, 16);
    api_set_str(L, "type", event_type_name(e->type));
    api_set_int(L, "turn", e->turn);
    api_set_int(L, "impulse", e->impulse);
    api_set_side(L, g, "side", e->side);
    set_unit(L, g, "unit", e->unit);
    set_unit(L, g, "unit2", e->unit2);
    api_set_int(L, "a", e->a);
    api_set_int(L, "b", e->b);
    api_set_int(L, "c", e->c);
    api_set_str(L, "text", e->text);
    switch (e->type) {
    case EV_MOVE:
    case EV_RETREAT:
        api_set_hex(L, "from", e->from);
        api_set_hex(L, "to", e->to);
        api_set_hex(L, "hex", e->to);
        if (e->type == EV_MOVE)
            api_set_int(L, "cost", e->a);
        break;
    case EV_COMBAT:
        api_set_hex(L, "to", e->to);
        api_set_hex(L, "hex", e->to);
        api_set_int(L, "column", e->a);
        api_set_int(L, "roll", e->b);
        api_set_int(L, "shifts", e->c);
        set_unit(L, g, "defender", e->unit2);
        break;
    case EV_UNIT_ARRIVES:
        api_set_hex(L, "to", e->to);
        api_set_hex(L, "hex", e->to);
        break;
    case EV_LOSS:
        api_set_hex(L, "hex", e->to);
        api_set_int(L, "sp", e->a);
        api_set_int(L, "cohesion", e->b);
        break;
    case EV_BATTLE_START:
        api_set_side(L, g, "initiator", e->side);
        api_set_str(L, "kind", battle_kind_name((BattleKind)e->a));
        break;
    case EV_IMPULSE:
        api_set_int(L, "number", e->a);
        break;
    case EV_BATTLE_END:
        api_set_int(L, "impulses", e->a);
        break;
    case EV_LEADER_LOST:
        if (e->a >= 0 && e->a < g->nleaders)
            api_set_str(L, "leader", g->leaders[e->a].id);
        break;
    case EV_CAPTURE:
        if (e->a >= 0 && e->a < g->map.nplaces) {
            api_set_str(L, "place", g->map.places[e->a].id);
            api_set_hex(L, "hex", g->map.places[e->a].hex);
        }
        break;
    case EV_MORALE:
        api_set_int(L, "delta", e->a);
        api_set_int(L, "value", e->b);
        break;
    case EV_GAME_OVER:
        api_set_side(L, g, "winner", e->side);
        break;
    case EV_GATE:
        if (e->a >= 0 && e->a < g->ngates) {
            api_set_str(L, "gate", g->gates[e->a].id);
            api_set_hex(L, "hex", g->gates[e->a].hex);
        }
        if (e->b >= 0 && e->b < 4)
            api_set_str(L, "state", api_gate_state_names[e->b]);
        break;
    case EV_ELIMINATED:
    case EV_ROUT:
        api_set_hex(L, "hex", e->to);
        break;
    case EV_SURRENDER:
    case EV_TERMS_REFUSED: {
        static const char *const terms[] = { "none", "generous", "harsh" };
        static const char *const why[] = { "defiant", "rejected", "veto", "commander" };
        api_set_str(L, "terms", e->a >= 0 && e->a < 3 ? terms[e->a] : "?");
        if (e->b >= 0)
            api_set_int(L, "score", e->b);
        api_set_int(L, "target", g->siege.rules.surrender_target);
        if (e->type == EV_TERMS_REFUSED)
            api_set_str(L, "reason", e->c >= 0 && e->c < 4 ? why[e->c] : "?");
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
