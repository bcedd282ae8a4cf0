/* whatif.c - the whatif { } declaration and option(); see whatif.h. */
#include "script/whatif.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#define REG_WHATIF "emesa.whatif"

typedef struct WhatIfState {
    WhatIf decl[WHATIF_MAX];
    int n;
    char on[WHATIF_MAX][ID_LEN];
    int non;
} WhatIfState;

static WhatIfState *state(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, REG_WHATIF);
    WhatIfState *st = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return st;
}

static int find(const WhatIfState *st, const char *id)
{
    for (int i = 0; i < st->n; i++)
        if (strcmp(st->decl[i].id, id) == 0)
            return i;
    return -1;
}

static int caller_line(lua_State *L)
{
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
        return ar.currentline;
    return 0;
}

/* "a, b, c" or "none", for messages. */
static void list_ids(const WhatIfState *st, char *buf, size_t n)
{
    snprintf(buf, n, "%s", st->n ? "" : "none");
    for (int i = 0; i < st->n; i++)
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", i ? ", " : "", st->decl[i].id);
}

static bool valid_id(const char *s)
{
    if (!s[0])
        return false;
    for (const char *p = s; *p; p++)
        if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') && *p != '_' &&
            *p != '-' && *p != '.')
            return false;
    return true;
}

/* t[key] as a string of at most n-1 bytes, raw; raises an error if absent
 * or not a string. */
static void str_key(lua_State *L, const char *key, char *out, size_t n)
{
    if (lua_getfield(L, 1, key) != LUA_TSTRING)   /* the table is checked for metatables below */
        luaL_error(L, "whatif: %s must be a string, as in whatif { id = \"no-feint\", label = \"No feint\", "
                      "text = \"...\" } (got %s)", key, luaL_typename(L, -1));
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    if (len >= n)
        luaL_error(L, "whatif: %s is %zu characters long; at most %zu", key, len, n - 1);
    memcpy(out, s, len + 1);
    lua_pop(L, 1);
}

static int l_whatif(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "emesa.live");
    bool live = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (live)
        return luaL_error(L, "whatif { ... } declares a switch and may only be used while the file loads");
    if (lua_type(L, 1) != LUA_TTABLE || lua_gettop(L) != 1)
        return luaL_error(L, "whatif takes one table, as in whatif { id = \"no-feint\", label = \"No feint\", "
                             "text = \"...\" }");
    if (lua_getmetatable(L, 1))
        return luaL_error(L, "whatif: the table may not have a metatable");
    /* every key is one of ours */
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (!k || (strcmp(k, "id") && strcmp(k, "label") && strcmp(k, "text")))
            return luaL_error(L, "whatif: unknown key '%s' (expected id, label and text)",
                              k ? k : luaL_typename(L, -1));
    }
    WhatIf w;
    memset(&w, 0, sizeof w);
    str_key(L, "id", w.id, sizeof w.id);
    if (!valid_id(w.id))
        return luaL_error(L, "whatif: '%s' is not a valid id; use letters, digits, '_', '-' or '.'", w.id);
    str_key(L, "label", w.label, sizeof w.label);
    str_key(L, "text", w.text, sizeof w.text);
    w.line = caller_line(L);
    WhatIfState *st = state(L);
    int old = find(st, w.id);
    if (old >= 0)
        return luaL_error(L, "whatif: the switch '%s' is declared twice (first on line %d)", w.id, st->decl[old].line);
    if (st->n >= WHATIF_MAX)
        return luaL_error(L, "whatif: too many switches (at most %d)", WHATIF_MAX);
    st->decl[st->n++] = w;
    return 0;
}

static int l_option(lua_State *L)
{
    const char *id = luaL_checkstring(L, 1);
    WhatIfState *st = state(L);
    if (find(st, id) < 0) {
        char list[WHATIF_MAX * ID_LEN + 8];
        list_ids(st, list, sizeof list);
        return luaL_error(L, "option(\"%s\"): no what-if switch '%s' is declared before this line; declare it "
                             "first with whatif { id = \"%s\", label = ..., text = ... } (declared so far: %s)",
                          id, id, id, list);
    }
    bool on = false;
    for (int i = 0; i < st->non; i++)
        on |= strcmp(st->on[i], id) == 0;
    lua_pushboolean(L, on);
    return 1;
}

void whatif_install(Sandbox *sb, const char *const *on, int non)
{
    lua_State *L = sandbox_lua(sb);
    WhatIfState *st = lua_newuserdatauv(L, sizeof *st, 0);
    memset(st, 0, sizeof *st);
    for (int i = 0; i < non && i < WHATIF_MAX; i++)
        snprintf(st->on[st->non++], ID_LEN, "%s", on[i]);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_WHATIF);
    lua_pushcfunction(L, l_whatif);
    lua_setglobal(L, "whatif");
    lua_pushcfunction(L, l_option);
    lua_setglobal(L, "option");
    if (lua_getglobal(L, "emesa") == LUA_TTABLE) {
        lua_pushcfunction(L, l_option);
        lua_setfield(L, -2, "option");
    }
    lua_pop(L, 1);
}

int whatif_declared(Sandbox *sb, WhatIf *out, int max)
{
    WhatIfState *st = state(sandbox_lua(sb));
    if (!st)
        return 0;
    for (int i = 0; i < st->n && i < max; i++)
        out[i] = st->decl[i];
    return st->n;
}
