/* sandbox.c - the Lua state scenarios run in; see sandbox.h. */
#include "script/sandbox.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "core/game.h"
#include "core/rng.h"

/* The count hook runs every HOOK_STEP VM instructions; budgets are
 * therefore exact to within HOOK_STEP. */
enum { HOOK_STEP = 1000 };

struct Sandbox {
    lua_State *L;
    size_t cap, used;
    Game *game;
    long count, budget;     /* instructions run by this call / allowed */
    bool exhausted;         /* the budget ran out: nothing may catch it */
    bool in_call;
    int last_line;          /* line running at the last hook tick */
    int err_line;           /* line where the last error was raised */
    const char *chunk;      /* short name of the running top-level chunk */
};

/* ---- memory ------------------------------------------------------------ */

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sb->used -= old;
        return NULL;
    }
    if (nsize > old && nsize - old > sb->cap - sb->used)
        return NULL;    /* Lua collects garbage, retries, then raises LUA_ERRMEM */
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    sb->used = sb->used - old + nsize;
    return p;
}

Sandbox *sandbox_from_lua(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

/* ---- instruction budget ----------------------------------------------- */

static int budget_error(lua_State *L, Sandbox *sb)
{
    sb->exhausted = true;
    lua_pushfstring(L, "ran too long (more than %d instructions) - an endless loop?", (int)sb->budget);
    return lua_error(L);
}

static void sb_hook(lua_State *L, lua_Debug *ar)
{
    Sandbox *sb = sandbox_from_lua(L);
    sb->count += HOOK_STEP;
    if (lua_getinfo(L, "l", ar) && ar->currentline > 0)
        sb->last_line = ar->currentline;
    if (sb->count > sb->budget)
        budget_error(L, sb);
}

void sandbox_charge(lua_State *L, double n)
{
    Sandbox *sb = sandbox_from_lua(L);
    if (n <= 0)
        return;
    if (n > (double)(sb->budget - sb->count)) {
        sb->count = sb->budget + 1;
        budget_error(L, sb);
    }
    sb->count += (long)n;
}

/* pcall and xpcall that cannot catch the sandbox's limits: when the budget
 * is spent or memory is exhausted the error goes on up to the host. */
static bool fatal(lua_State *L, int status)
{
    return status == LUA_ERRMEM || sandbox_from_lua(L)->exhausted;
}

static int sb_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (status != LUA_OK && fatal(L, status))
        return lua_error(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

/* xpcall's message handler runs the script's handler, unless a limit was
 * hit: Lua calls the message handler again for an error raised inside it,
 * and when that error comes from the count hook, hooks are off while the
 * handler runs - a looping handler would never be stopped. */
static int xpcall_msgh(lua_State *L)
{
    if (sandbox_from_lua(L)->exhausted)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_msgh, 1);
    lua_replace(L, 2);          /* f, msgh, args... */
    lua_pushboolean(L, 1);      /* placeholder for the status */
    lua_pushvalue(L, 1);        /* the function */
    lua_rotate(L, 3, 2);        /* f, msgh, true, function, args... */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
    if (status != LUA_OK && fatal(L, status))
        return lua_error(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 3);
    return lua_gettop(L) - 2;
}

/* ---- base library restrictions ----------------------------------------- */

static int sb_load(lua_State *L)
{
    /* load(chunk [, chunkname [, mode [, env]]]) with mode forced to text */
    int n = lua_gettop(L);
    if (n < 1)
        return luaL_argerror(L, 1, "string or function expected");
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t l;
        const char *s = lua_tolstring(L, 1, &l);
        if (l > 0 && s[0] == LUA_SIGNATURE[0]) {
            luaL_pushfail(L);
            lua_pushliteral(L, "load: compiled (binary) chunks are not allowed in scenarios; pass Lua source text");
            return 2;
        }
    }
    /* an explicit nil env would give the chunk no globals: pass 3 or 4 */
    int nargs = n >= 4 ? 4 : 3;
    lua_settop(L, nargs);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, nargs, LUA_MULTRET);
    return lua_gettop(L);
}

static int sb_collectgarbage(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "count") != 0)
        return luaL_error(L, "collectgarbage: only collectgarbage(\"count\") is allowed in a scenario");
    int k = lua_gc(L, LUA_GCCOUNT, 0);
    int b = lua_gc(L, LUA_GCCOUNTB, 0);
    lua_pushnumber(L, (lua_Number)k + ((lua_Number)b / 1024));
    return 1;
}

static int sb_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_getfield(L, 2, "__gc");
        bool gc = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (gc)
            return luaL_error(L, "setmetatable: __gc finalizers are not allowed in scenarios");
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Calls upvalue 1 with all the arguments. */
static int call_original(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* ---- string guards ------------------------------------------------------ */

/* Lua patterns match by backtracking. Each quantifier (* + - ?) on a
 * single-character class may try every length of the rest of the subject,
 * so a pattern with k quantifiers can take on the order of n^k steps on a
 * subject of n characters before it gives up ("a*a*a*a*b" against a long
 * run of a's), and an unanchored search repeats that from each of the n
 * start positions (one more factor of n). All of it happens inside one C
 * call where the instruction hook never runs, so the sandbox estimates the
 * worst case up front, n^(k+1) (n^k when anchored with '^'), and refuses
 * the call when it exceeds SANDBOX_PATTERN_WORK (1e7 steps, tens of
 * milliseconds). Ordinary scenario uses - "%s+" on a paragraph, "^(%d+),
 * (%d+)$" on a coordinate - stay far below it. */

static size_t skip_set(const char *p, size_t lp, size_t i)
{
    /* p[i] == '['; returns the index after the closing ']' */
    i++;
    if (i < lp && p[i] == '^')
        i++;
    do {
        if (i >= lp)
            return lp;
        if (p[i] == '%')
            i++;
        i++;
    } while (i < lp && p[i] != ']');
    return i < lp ? i + 1 : lp;
}

double sandbox_pattern_cost(const char *p, size_t lp, size_t n, bool anchored_ok)
{
    size_t i = 0;
    int k = 0;
    bool anchored = false;
    if (anchored_ok && lp > 0 && p[0] == '^') {
        anchored = true;
        i = 1;
    }
    while (i < lp) {
        char c = p[i];
        if (c == '(' || c == ')') {
            i++;
            continue;
        }
        if (c == '%' && i + 1 < lp && p[i + 1] == 'b') {
            i += 4;
            continue;
        }
        if (c == '%' && i + 1 < lp && p[i + 1] == 'f') {
            i += 2;
            if (i < lp && p[i] == '[')
                i = skip_set(p, lp, i);
            continue;
        }
        if (c == '%')
            i += 2;
        else if (c == '[')
            i = skip_set(p, lp, i);
        else
            i++;
        if (i < lp && strchr("*+-?", p[i])) {
            k++;
            i++;
        }
    }
    double base = n < 1 ? 1.0 : (double)n;
    return pow(base, k + (anchored ? 0 : 1));
}

enum { PAT_FIND, PAT_MATCH, PAT_GMATCH, PAT_GSUB };
static const char *const pat_names[] = { "find", "match", "gmatch", "gsub" };

static bool no_specials(const char *p, size_t l)
{
    for (size_t i = 0; i < l; i++)
        if (strchr("^$*+?.([%-", p[i]))
            return false;
    return true;
}

static int guarded_pattern(lua_State *L)
{
    int which = (int)lua_tointeger(L, lua_upvalueindex(2));
    size_t ls, lp;
    luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    bool plain = which == PAT_FIND && (lua_toboolean(L, 4) || no_specials(p, lp));
    if (!plain) {
        double cost = sandbox_pattern_cost(p, lp, ls, which != PAT_GMATCH);
        if (cost > SANDBOX_PATTERN_WORK) {
            char buf[320];
            snprintf(buf, sizeof buf,
                     "string.%s: the pattern \"%.40s%s\" is too costly for a %zu-character string "
                     "(worst case %.2g steps, limit %.0g); use fewer repetitions (* + - ?), "
                     "anchor it with ^, or split the string",
                     pat_names[which], p, lp > 40 ? "..." : "", ls, cost, SANDBOX_PATTERN_WORK);
            return luaL_error(L, "%s", buf);
        }
    }
    return call_original(L);
}

static int guarded_rep(lua_State *L)
{
    Sandbox *sb = sandbox_from_lua(L);
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || (l == 0 && lsep == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    double total = (double)l * (double)n + (double)lsep * (double)(n - 1);
    if (total > (double)(sb->cap - sb->used))
        return luaL_error(L, "string.rep: the result (%f bytes) would exceed the scenario's memory limit (%d MiB)",
                          total, (int)(sb->cap >> 20));
    return call_original(L);
}

/* ---- table guards: C loops the hook cannot see are charged by length ---- */

static double span(lua_Integer a, lua_Integer b)
{
    return b >= a ? (double)b - (double)a + 1 : 0;
}

static int guarded_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    sandbox_charge(L, span(f, e));
    return call_original(L);
}

static int guarded_concat(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer j = lua_isnoneornil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4);
    sandbox_charge(L, span(i, j));
    return call_original(L);
}

static int guarded_unpack(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer j = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
    sandbox_charge(L, span(i, j));
    return call_original(L);
}

/* insert, remove, sort: work proportional to #t (which __len can fake) */
static int guarded_bylen(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    double w = (double)n;
    if (lua_tointeger(L, lua_upvalueindex(2)) == 1 && n > 1)
        w *= log2((double)n) + 1;   /* sort */
    sandbox_charge(L, w);
    return call_original(L);
}

/* ---- math.random from the game's rules RNG ------------------------------ */

static int sb_random(lua_State *L)
{
    Sandbox *sb = sandbox_from_lua(L);
    if (!sb->game)
        return luaL_error(L, "math.random: no game is attached to this script");
    Rng *r = &sb->game->rng;
    lua_Integer low, up;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)rng_next(r) / 4294967296.0);
        return 1;
    case 1:
        low = 1;
        up = luaL_checkinteger(L, 1);
        break;
    case 2:
        low = luaL_checkinteger(L, 1);
        up = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "math.random: wrong number of arguments (0, 1 or 2 expected)");
    }
    luaL_argcheck(L, low <= up, lua_gettop(L), "interval is empty");
    lua_Unsigned width = (lua_Unsigned)up - (lua_Unsigned)low;
    if (width >= 0xffffffffu)
        return luaL_error(L, "math.random: interval too large (the game's RNG draws from at most 2^32 values)");
    lua_pushinteger(L, low + (lua_Integer)rng_below(r, (uint32_t)width + 1));
    return 1;
}

static int sb_randomseed(lua_State *L)
{
    /* The seed belongs to the game (so that a replay of scenario + seed +
     * commands reproduces it); a scenario cannot reseed the rules RNG. */
    (void)L;
    return 0;
}

/* ---- set-up -------------------------------------------------------------- */

static void wrap(lua_State *L, const char *lib, const char *name, lua_CFunction fn, int tag)
{
    lua_getglobal(L, lib);
    lua_getfield(L, -1, name);
    lua_pushinteger(L, tag);
    lua_pushcclosure(L, fn, 2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

static void set_nil(lua_State *L, const char *lib, const char *name)
{
    if (lib) {
        lua_getglobal(L, lib);
        lua_pushnil(L);
        lua_setfield(L, -2, name);
        lua_pop(L, 1);
    } else {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
}

static int open_libs(lua_State *L)
{
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);

    static const char *const removed[] = { "dofile", "loadfile", "require", "print", "warn" };
    for (size_t i = 0; i < sizeof removed / sizeof *removed; i++)
        set_nil(L, NULL, removed[i]);
    set_nil(L, LUA_STRLIBNAME, "dump");

    lua_pushcfunction(L, sb_pcall);
    lua_setglobal(L, "pcall");
    lua_pushcfunction(L, sb_xpcall);
    lua_setglobal(L, "xpcall");
    lua_pushcfunction(L, sb_collectgarbage);
    lua_setglobal(L, "collectgarbage");
    lua_getglobal(L, "load");
    lua_pushcclosure(L, sb_load, 1);
    lua_setglobal(L, "load");
    lua_getglobal(L, "setmetatable");
    lua_pushcclosure(L, sb_setmetatable, 1);
    lua_setglobal(L, "setmetatable");

    wrap(L, LUA_STRLIBNAME, "find", guarded_pattern, PAT_FIND);
    wrap(L, LUA_STRLIBNAME, "match", guarded_pattern, PAT_MATCH);
    wrap(L, LUA_STRLIBNAME, "gmatch", guarded_pattern, PAT_GMATCH);
    wrap(L, LUA_STRLIBNAME, "gsub", guarded_pattern, PAT_GSUB);
    wrap(L, LUA_STRLIBNAME, "rep", guarded_rep, 0);

    wrap(L, LUA_TABLIBNAME, "move", guarded_move, 0);
    wrap(L, LUA_TABLIBNAME, "concat", guarded_concat, 0);
    wrap(L, LUA_TABLIBNAME, "unpack", guarded_unpack, 0);
    wrap(L, LUA_TABLIBNAME, "insert", guarded_bylen, 0);
    wrap(L, LUA_TABLIBNAME, "remove", guarded_bylen, 0);
    wrap(L, LUA_TABLIBNAME, "sort", guarded_bylen, 1);

    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushcfunction(L, sb_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, sb_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    return 0;
}

Sandbox *sandbox_new(size_t mem_cap)
{
    Sandbox *sb = calloc(1, sizeof *sb);
    if (!sb)
        return NULL;
    sb->cap = mem_cap ? mem_cap : SANDBOX_MEM_DEFAULT;
    sb->budget = SANDBOX_LOAD_BUDGET_DEFAULT;
    sb->L = lua_newstate(sb_alloc, sb);
    if (!sb->L) {
        free(sb);
        return NULL;
    }
    lua_pushcfunction(sb->L, open_libs);
    if (lua_pcall(sb->L, 0, 0, 0) != LUA_OK) {
        lua_close(sb->L);
        free(sb);
        return NULL;
    }
    lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT, HOOK_STEP);
    return sb;
}

void sandbox_free(Sandbox *sb)
{
    if (!sb)
        return;
    /* __gc is refused, but keep a budget for anything closing runs */
    sb->count = 0;
    sb->budget = SANDBOX_HANDLER_BUDGET_DEFAULT;
    sb->exhausted = false;
    lua_close(sb->L);
    free(sb);
}

lua_State *sandbox_lua(Sandbox *sb) { return sb->L; }
void sandbox_set_game(Sandbox *sb, Game *g) { sb->game = g; }
Game *sandbox_game(Sandbox *sb) { return sb->game; }
size_t sandbox_mem_used(const Sandbox *sb) { return sb->used; }
size_t sandbox_mem_cap(const Sandbox *sb) { return sb->cap; }
long sandbox_instructions(const Sandbox *sb) { return sb->count; }

/* ---- running ---------------------------------------------------------------- */

/* Message handler: remembers the innermost Lua line of the error. */
static int sb_msgh(lua_State *L)
{
    Sandbox *sb = sandbox_from_lua(L);
    lua_Debug ar;
    int first = 0;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0)
            continue;
        if (!first)
            first = ar.currentline;
        if (sb->chunk && strcmp(ar.short_src, sb->chunk) == 0) {
            sb->err_line = ar.currentline;
            return 1;
        }
    }
    sb->err_line = first;
    return 1;
}

/* Splits "chunk:12: text" into 12 and "text"; false if there is no such
 * position at the start. */
static bool split_position(const char *msg, int *line, const char **rest)
{
    const char *nl = strchr(msg, '\n');
    for (const char *p = msg; *p && (!nl || p < nl); p++) {
        if (*p != ':' || !(p[1] >= '0' && p[1] <= '9'))
            continue;
        const char *q = p + 1;
        long v = 0;
        while (*q >= '0' && *q <= '9' && v < 100000000)
            v = v * 10 + (*q++ - '0');
        if (*q == ':') {
            *line = (int)v;
            *rest = q[1] == ' ' ? q + 2 : q + 1;
            return true;
        }
    }
    return false;
}

static void fill_error(Sandbox *sb, SandboxStatus st, SandboxError *err)
{
    lua_State *L = sb->L;
    const char *msg = lua_tostring(L, -1);
    char tmp[64];
    if (!msg) {
        snprintf(tmp, sizeof tmp, "error object is a %s value", luaL_typename(L, -1));
        msg = tmp;
    }
    err->status = st;
    err->line = 0;
    const char *rest = msg;
    int line;
    if (split_position(msg, &line, &rest))
        err->line = line;
    if (st == SANDBOX_ERR_BUDGET) {
        snprintf(err->msg, sizeof err->msg, "ran too long (more than %ld instructions) - an endless loop?",
                 sb->budget);
        err->line = sb->last_line ? sb->last_line : err->line;
    } else if (st == SANDBOX_ERR_MEMORY) {
        snprintf(err->msg, sizeof err->msg, "used too much memory (more than %zu MiB)", sb->cap >> 20);
        err->line = sb->last_line ? sb->last_line : err->line;
    } else {
        snprintf(err->msg, sizeof err->msg, "%s", rest);
        if (st == SANDBOX_ERR_RUNTIME && sb->err_line)
            err->line = sb->err_line;
    }
}

bool sandbox_call(Sandbox *sb, int nargs, int nresults, long budget, SandboxError *err)
{
    lua_State *L = sb->L;
    SandboxError dummy;
    if (!err)
        err = &dummy;
    memset(err, 0, sizeof *err);
    if (sb->in_call) {
        lua_pop(L, nargs + 1);
        err->status = SANDBOX_ERR_RUNTIME;
        snprintf(err->msg, sizeof err->msg, "a script call cannot start another one");
        return false;
    }
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, sb_msgh);
    lua_insert(L, base);
    sb->count = 0;
    sb->budget = budget > 0 ? budget : SANDBOX_HANDLER_BUDGET_DEFAULT;
    sb->exhausted = false;
    sb->err_line = 0;
    sb->last_line = 0;
    sb->in_call = true;
    int st = lua_pcall(L, nargs, nresults, base);
    sb->in_call = false;
    lua_remove(L, base);
    if (st == LUA_OK)
        return true;
    fill_error(sb, sb->exhausted ? SANDBOX_ERR_BUDGET : st == LUA_ERRMEM ? SANDBOX_ERR_MEMORY : SANDBOX_ERR_RUNTIME,
               err);
    sb->exhausted = false;
    lua_pop(L, 1);
    return false;
}

bool sandbox_run(Sandbox *sb, const char *chunkname, const char *src, size_t len, long budget,
                 SandboxError *err)
{
    lua_State *L = sb->L;
    SandboxError dummy;
    if (!err)
        err = &dummy;
    memset(err, 0, sizeof *err);
    if (len > 0 && src[0] == LUA_SIGNATURE[0]) {
        err->status = SANDBOX_ERR_BINARY;
        err->line = 0;
        snprintf(err->msg, sizeof err->msg,
                 "this is a compiled (binary) Lua chunk; a scenario must be Lua source text");
        return false;
    }
    lua_pushfstring(L, "@%s", chunkname);
    int st = luaL_loadbufferx(L, src, len, lua_tostring(L, -1), "t");
    lua_remove(L, -2);
    if (st != LUA_OK) {
        fill_error(sb, st == LUA_ERRMEM ? SANDBOX_ERR_MEMORY : SANDBOX_ERR_SYNTAX, err);
        lua_pop(L, 1);
        return false;
    }
    /* remember the short name Lua uses for this chunk, for sb_msgh */
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    lua_pushstring(L, ar.short_src);
    lua_setfield(L, LUA_REGISTRYINDEX, "emesa.chunk");
    lua_getfield(L, LUA_REGISTRYINDEX, "emesa.chunk");
    sb->chunk = lua_tostring(L, -1);    /* kept alive by the registry */
    lua_pop(L, 1);
    return sandbox_call(sb, 0, 0, budget > 0 ? budget : SANDBOX_LOAD_BUDGET_DEFAULT, err);
}
