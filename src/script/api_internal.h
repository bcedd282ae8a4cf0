/* api_internal.h - what api.c (declarations, dispatch, the emesa table),
 * api_effects.c and api_queries.c share: the helpers of the emesa.*
 * functions and the four lists of them. Private to src/script. */
#pragma once
#include <stdbool.h>
#include <lua.h>
#include <lauxlib.h>

#include "core/game.h"
#include "core/hex.h"

/* Fields of the table on top of the stack; a side out of range leaves the
 * field unset (nil). */
void api_set_str(lua_State *L, const char *k, const char *v);
void api_set_int(lua_State *L, const char *k, lua_Integer v);
void api_set_side(lua_State *L, const Game *g, const char *k, int s);
void api_set_bool(lua_State *L, const char *k, bool v);
void api_set_hex(lua_State *L, const char *k, Hex h);

/* The game, or a Lua error when emesa.fn is called outside a handler. */
Game *api_live_game(lua_State *L, const char *fn);
/* Argument arg as a side, unit, place, gate or hex of g, or a Lua error
 * "emesa.fn: unknown ..." (a nil side is -1 when nil_ok). */
int api_check_side(lua_State *L, const Game *g, int arg, bool nil_ok, const char *fn);
int api_check_unit(lua_State *L, const Game *g, int arg, const char *fn);
int api_check_place(lua_State *L, const Game *g, int arg, const char *fn);
int api_check_gate(lua_State *L, const Game *g, int arg, const char *fn);
/* idx, or the error "emesa.fn: unknown <what> '<id>'" when it is -1 */
int api_check_named(lua_State *L, int idx, int arg, const char *what, const char *fn);
Hex api_check_hex(lua_State *L, const Game *g, int arg, const char *fn);
/* true, or false and why: the values an effect returns to Lua. */
int api_result(lua_State *L, bool ok, const char *why);

/* The emesa.* functions (api_effects.c, api_queries.c), NULL-ended. */
extern const luaL_Reg api_effect_fns[];
extern const luaL_Reg api_siege_effect_fns[];
extern const luaL_Reg api_query_fns[];
extern const luaL_Reg api_siege_query_fns[];
