/* api_queries.c - the emesa.* functions that read the game: the turn,
 * date, mode, units, owners, morale, losses, gates, the siege's
 * contingents, theatre, columns and food. See api.h. */
#include "script/api.h"
#include "script/api_internal.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "core/effect.h"
#include "core/hex.h"

static const char *const mode_names[3] = { "siege", "battle", "over" };

/* ---- emesa.* queries ---------------------------------------------------- */

static int l_turn(lua_State *L)
{
    Game *g = api_live_game(L, "turn");
    lua_pushinteger(L, g->turn);
    return 1;
}

static int l_date(lua_State *L)
{
    Game *g = api_live_game(L, "date");
    lua_Integer t = luaL_optinteger(L, 1, g->turn);
    luaL_argcheck(L, t >= 1 && t <= 10000, 1, "turn out of range");
    char buf[64];
    game_date(g, (int)t, buf, sizeof buf);
    lua_pushstring(L, buf);
    return 1;
}

static int l_mode(lua_State *L)
{
    Game *g = api_live_game(L, "mode");
    lua_pushstring(L, g->mode >= 0 && g->mode < 3 ? mode_names[g->mode] : "?");
    return 1;
}

static int l_unit(lua_State *L)
{
    Game *g = api_live_game(L, "unit");
    int u = api_check_unit(L, g, 1, "unit");
    const Unit *un = &g->units[u];
    lua_createtable(L, 0, 12);
    api_set_str(L, "id", un->id);
    api_set_str(L, "name", un->name);
    api_set_str(L, "side", g->sides[un->side].id);
    api_set_str(L, "type", g->rules.types[un->type].id);
    api_set_str(L, "quality", api_quality_names[un->quality]);
    api_set_int(L, "sp", un->sp);
    api_set_int(L, "sp_start", un->sp_start);
    api_set_int(L, "cohesion", un->cohesion);
    api_set_str(L, "status", un->status >= 0 && un->status < 4 ? api_status_names[un->status] : "?");
    if (un->status == UNIT_ON_MAP) {
        api_set_hex(L, "at", un->hex);
    }
    int l = game_leader_with(g, u);
    if (l >= 0) {
        api_set_str(L, "leader", g->leaders[l].id);
    }
    return 1;
}

static int l_owner(lua_State *L)
{
    Game *g = api_live_game(L, "owner");
    int p = api_check_place(L, g, 1, "owner");
    int o = g->map.places[p].owner;
    if (o >= 0 && o < g->nsides)
        lua_pushstring(L, g->sides[o].id);
    else
        lua_pushnil(L);
    return 1;
}

static int l_morale_of(lua_State *L)
{
    Game *g = api_live_game(L, "morale_of");
    int s = api_check_side(L, g, 1, false, "morale_of");
    lua_pushinteger(L, g->sides[s].morale);
    return 1;
}

static int l_losses(lua_State *L)
{
    Game *g = api_live_game(L, "losses");
    int s = api_check_side(L, g, 1, false, "losses");
    lua_pushinteger(L, g->sides[s].sp_lost);
    lua_pushinteger(L, g->sides[s].units_lost);
    return 2;
}

static int l_gate(lua_State *L)
{
    Game *g = api_live_game(L, "gate");
    int gate = api_check_gate(L, g, 1, "gate");
    int st = g->gates[gate].state;
    lua_pushstring(L, st >= 0 && st < 4 ? api_gate_state_names[st] : "?");
    return 1;
}

static int l_units_at(lua_State *L)
{
    Game *g = api_live_game(L, "units_at");
    Hex h = api_check_hex(L, g, 1, "units_at");
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
    Game *g = api_live_game(L, "leader_alive");
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
    Game *g = api_live_game(L, "contingent");
    int k = api_check_named(L, siege_contingent_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "contingent", "contingent");
    const Contingent *c = &g->siege.contingents[k];
    lua_createtable(L, 0, 6);
    api_set_str(L, "id", c->id);
    api_set_str(L, "name", c->name);
    api_set_side(L, g, "side", c->side);
    api_set_str(L, "home", g->siege.places[c->home].id);
    api_set_int(L, "loyalty", c->loyalty);
    api_set_int(L, "anxiety", c->anxiety);
    api_set_bool(L, "departed", c->departed);
    return 1;
}

static int l_theatre(lua_State *L)
{
    Game *g = api_live_game(L, "theatre");
    int p = api_check_named(L, siege_place_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "theatre place", "theatre");
    const TheatrePlace *tp = &g->siege.places[p];
    lua_createtable(L, 0, 6);
    api_set_str(L, "id", tp->id);
    api_set_str(L, "name", tp->name);
    api_set_side(L, g, "owner", tp->owner);
    api_set_side(L, g, "start_owner", tp->start_owner);
    api_set_int(L, "besieged_turns", tp->besieged_turns);
    api_set_bool(L, "announced", tp->announced);
    return 1;
}

static int l_column(lua_State *L)
{
    Game *g = api_live_game(L, "column");
    int c = api_check_named(L, siege_column_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "column", "column");
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    lua_createtable(L, 0, 8);
    api_set_str(L, "id", col->id);
    api_set_str(L, "name", col->name);
    api_set_side(L, g, "side", col->side);
    api_set_int(L, "sp", col->sp);
    api_set_str(L, "at", s->places[col->at].id);
    if (col->dest >= 0) {
        api_set_str(L, "dest", s->places[col->dest].id);
    }
    api_set_str(L, "state", col->state >= 0 && col->state < 4 ? column_states[col->state] : "?");
    api_set_int(L, "eta", siege_column_eta(g, c));
    return 1;
}

static int l_food(lua_State *L)
{
    Game *g = api_live_game(L, "food");
    int s = api_check_side(L, g, 1, false, "food");
    lua_pushinteger(L, g->siege.side[s].food);
    lua_pushinteger(L, siege_food_days(g, s));
    return 2;
}

static int l_siege(lua_State *L)
{
    Game *g = api_live_game(L, "siege");
    const Siege *s = &g->siege;
    lua_createtable(L, 0, 6);
    api_set_str(L, "weather", weather_name((Weather)s->weather));
    api_set_bool(L, "fords_closed", s->fords_closed);
    api_set_int(L, "civic_will", s->civic_will);
    api_set_bool(L, "surrendered", s->surrendered);
    api_set_int(L, "departures", s->departures);
    api_set_bool(L, "historical", s->historical);
    api_set_side(L, g, "town_side", g->town_side);
    return 1;
}

const luaL_Reg api_query_fns[] = {
    { "turn", l_turn },
    { "date", l_date },
    { "mode", l_mode },
    { "unit", l_unit },
    { "owner", l_owner },
    { "morale_of", l_morale_of },
    { "losses", l_losses },
    { "gate", l_gate },
    { "units_at", l_units_at },
    { "leader_alive", l_leader_alive },
    { NULL, NULL },
};

const luaL_Reg api_siege_query_fns[] = {
    { "contingent", l_contingent },
    { "theatre", l_theatre },
    { "column", l_column },
    { "food", l_food },
    { "siege", l_siege },
    { NULL, NULL },
};
