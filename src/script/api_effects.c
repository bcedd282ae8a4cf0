/* api_effects.c - the emesa.* functions that change the game: messages,
 * morale, arrivals, damage, gates, walls, owners, the end, and the siege's
 * will, hope, food, releases, columns and couriers. See api.h. */
#include "script/api.h"
#include "script/api_internal.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "core/effect.h"
#include "core/hex.h"

/* ---- emesa.* effects ---------------------------------------------------- */

static int l_message(lua_State *L)
{
    Game *g = api_live_game(L, "message");
    const char *text = luaL_checkstring(L, 1);
    int side = api_check_side(L, g, 2, true, "message");
    effect_message(g, side, text);
    return 0;
}

static int l_morale(lua_State *L)
{
    Game *g = api_live_game(L, "morale");
    int side = api_check_side(L, g, 1, false, "morale");
    lua_Integer d = luaL_checkinteger(L, 2);
    luaL_argcheck(L, d >= -100 && d <= 100, 2, "morale change out of range (-100..100)");
    const char *why = luaL_optstring(L, 3, "");
    return api_result(L, effect_morale(g, side, (int)d, why), "the morale change was refused");
}

static int l_arrive(lua_State *L)
{
    Game *g = api_live_game(L, "arrive");
    int u = api_check_unit(L, g, 1, "arrive");
    Hex h = lua_isnoneornil(L, 2) ? g->units[u].arrive_hex : api_check_hex(L, g, 2, "arrive");
    char why[160] = "";
    return api_result(L, effect_unit_arrives(g, u, h, why, sizeof why), why);
}

static int l_damage(lua_State *L)
{
    Game *g = api_live_game(L, "damage");
    int u = api_check_unit(L, g, 1, "damage");
    lua_Integer sp = luaL_checkinteger(L, 2), coh = luaL_optinteger(L, 3, 0);
    luaL_argcheck(L, sp >= 0 && sp <= 1000, 2, "strength points out of range (0..1000)");
    luaL_argcheck(L, coh >= 0 && coh <= 100, 3, "cohesion out of range (0..100)");
    char why[160] = "";
    return api_result(L, effect_damage(g, u, (int)sp, (int)coh, why, sizeof why), why);
}

static int l_set_gate(lua_State *L)
{
    Game *g = api_live_game(L, "set_gate");
    int gate = api_check_gate(L, g, 1, "set_gate");
    const char *st = luaL_checkstring(L, 2);
    int state = api_name_index(api_gate_state_names, 4, st);
    if (state < 0)
        return luaL_error(L, "emesa.set_gate: unknown gate state '%s' (expected shut, open, forced or betrayed)", st);
    return api_result(L, effect_set_gate(g, gate, state), "the gate change was refused");
}

/* emesa.crack_wall(gate [, amount [, why]]): the walls of the gate's
 * sector lose amount (default 1) of their defence shift. */
static int l_crack_wall(lua_State *L)
{
    Game *g = api_live_game(L, "crack_wall");
    int gate = api_check_gate(L, g, 1, "crack_wall");
    lua_Integer d = luaL_optinteger(L, 2, 1);
    luaL_argcheck(L, d >= -9 && d <= 9, 2, "change out of range (-9..9)");
    return api_result(L, effect_crack_wall(g, gate, (int)d, luaL_optstring(L, 3, "")), "refused");
}

static int l_set_owner(lua_State *L)
{
    Game *g = api_live_game(L, "set_owner");
    int p = api_check_place(L, g, 1, "set_owner");
    int side = api_check_side(L, g, 2, true, "set_owner");
    return api_result(L, effect_set_owner(g, p, side), "the change of owner was refused");
}

static int l_end_game(lua_State *L)
{
    Game *g = api_live_game(L, "end_game");
    int side = api_check_side(L, g, 1, true, "end_game");
    const char *level = luaL_optstring(L, 2, "major");
    const char *text = luaL_optstring(L, 3, "");
    effect_end_game(g, side, level, text);
    return 0;
}

/* ---- emesa.* siege effects ------------------------------------------------- */

static int l_civic_will(lua_State *L)
{
    Game *g = api_live_game(L, "civic_will");
    lua_Integer d = luaL_checkinteger(L, 1);
    luaL_argcheck(L, d >= -10 && d <= 10, 1, "change out of range (-10..10)");
    return api_result(L, effect_civic_will(g, (int)d, luaL_optstring(L, 2, "")), "refused");
}

static int l_relief_hope(lua_State *L)
{
    Game *g = api_live_game(L, "relief_hope");
    int side = api_check_side(L, g, 1, false, "relief_hope");
    lua_Integer d = luaL_checkinteger(L, 2);
    luaL_argcheck(L, d >= -20 && d <= 20, 2, "change out of range (-20..20)");
    return api_result(L, effect_relief_hope(g, side, (int)d, luaL_optstring(L, 3, "")), "refused");
}

static int l_add_food(lua_State *L)
{
    Game *g = api_live_game(L, "add_food");
    int side = api_check_side(L, g, 1, false, "add_food");
    lua_Integer d = luaL_checkinteger(L, 2);
    luaL_argcheck(L, d >= -100000 && d <= 100000, 2, "ration-days out of range (-100000..100000)");
    return api_result(L, effect_food(g, side, (int)d, luaL_optstring(L, 3, "")), "refused");
}

static int l_release(lua_State *L)
{
    Game *g = api_live_game(L, "release");
    int k = api_check_named(L, siege_contingent_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "contingent", "release");
    char why[160] = "";
    return api_result(L, effect_release(g, k, luaL_optstring(L, 2, ""), why, sizeof why), why);
}

static int l_send_column(lua_State *L)
{
    Game *g = api_live_game(L, "send_column");
    int c = api_check_named(L, siege_column_by_id(&g->siege, luaL_checkstring(L, 1)), 1, "column", "send_column");
    int dest = -1;
    if (!lua_isnoneornil(L, 2))
        dest = api_check_named(L, siege_place_by_id(&g->siege, luaL_checkstring(L, 2)), 2, "theatre place", "send_column");
    Pace pace = (Pace)g->siege.columns[c].pace;
    if (!lua_isnoneornil(L, 3) && !pace_from_name(luaL_checkstring(L, 3), &pace))
        return luaL_error(L, "emesa.send_column: unknown pace '%s' (expected mixed, mounted or forced)",
                          lua_tostring(L, 3));
    char why[160] = "";
    return api_result(L, effect_send_column(g, c, dest, (int)pace, why, sizeof why), why);
}

static int l_courier_depart(lua_State *L)
{
    Game *g = api_live_game(L, "courier_depart");
    const char *id = luaL_checkstring(L, 1);
    int k = -1;
    for (int i = 0; i < g->siege.ncouriers; i++)
        if (strcmp(g->siege.couriers[i].id, id) == 0)
            k = i;
    api_check_named(L, k, 1, "courier", "courier_depart");
    char why[160] = "";
    return api_result(L, effect_courier_depart(g, k, why, sizeof why), why);
}

const luaL_Reg api_effect_fns[] = {
    { "message", l_message },
    { "morale", l_morale },
    { "arrive", l_arrive },
    { "damage", l_damage },
    { "set_gate", l_set_gate },
    { "set_owner", l_set_owner },
    { "crack_wall", l_crack_wall },
    { "end_game", l_end_game },
    { NULL, NULL },
};

const luaL_Reg api_siege_effect_fns[] = {
    { "civic_will", l_civic_will },
    { "relief_hope", l_relief_hope },
    { "add_food", l_add_food },
    { "release", l_release },
    { "send_column", l_send_column },
    { "courier_depart", l_courier_depart },
    { NULL, NULL },
};
