/* check-script.c - the Lua sandbox: what scripts may not do, and the
 * limits that stop them. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "core/game.h"
#include "core/rng.h"
#include "script/api.h"
#include "script/sandbox.h"
#include "testutil.h"

static Sandbox *sb;

static void setup(void)
{
    sb = sandbox_new(0);
    ck_assert_ptr_nonnull(sb);
}

static void teardown(void)
{
    sandbox_free(sb);
    sb = NULL;
}

/* Runs src; returns the status (SANDBOX_OK on success). */
static SandboxStatus run(const char *src, long budget, SandboxError *err)
{
    SandboxError e;
    if (!err)
        err = &e;
    return sandbox_run(sb, "t.lua", src, strlen(src), budget, err) ? SANDBOX_OK : err->status;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

START_TEST(forbidden_libraries_are_absent)
{
    const char *src =
        "assert(io == nil and os == nil and package == nil and debug == nil and coroutine == nil)\n"
        "assert(require == nil and dofile == nil and loadfile == nil and print == nil)\n"
        "assert(string.dump == nil and ('').dump == nil)\n"
        "assert(type(table.insert) == 'function' and type(utf8.char) == 'function')\n"
        "assert(math.floor(2.5) == 2 and string.format('%d', 3) == '3')\n";
    SandboxError err;
    ck_assert_int_eq(run(src, 0, &err), SANDBOX_OK);
}
END_TEST

START_TEST(calling_forbidden_functions_fails_with_line)
{
    static const char *const calls[] = { "io.open('x')", "os.exit(1)", "require('os')", "dofile('x.lua')",
                                         "loadfile('x.lua')", "string.dump(function() end)" };
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
        char src[128];
        snprintf(src, sizeof src, "local x = 1\n%s\n", calls[i]);
        SandboxError err;
        ck_assert_int_eq(run(src, 0, &err), SANDBOX_ERR_RUNTIME);
        ck_assert_int_eq(err.line, 2);
        ck_assert_msg(strstr(err.msg, "nil"), "%s: %s", calls[i], err.msg);
    }
}
END_TEST

START_TEST(collectgarbage_only_counts)
{
    SandboxError err;
    ck_assert_int_eq(run("assert(collectgarbage('count') > 0)", 0, &err), SANDBOX_OK);
    ck_assert_int_eq(run("collectgarbage('collect')", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_ptr_nonnull(strstr(err.msg, "only collectgarbage(\"count\")"));
    ck_assert_int_eq(run("collectgarbage('stop')", 0, &err), SANDBOX_ERR_RUNTIME);
}
END_TEST

START_TEST(gc_finalizers_refused)
{
    SandboxError err;
    ck_assert_int_eq(run("setmetatable({}, { __gc = function() end })", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_ptr_nonnull(strstr(err.msg, "__gc"));
    ck_assert_int_eq(run("local t = setmetatable({}, { __index = function() return 7 end }) assert(t.x == 7)", 0, &err),
                     SANDBOX_OK);
}
END_TEST

/* Real bytecode, made by an ordinary Lua state. */
typedef struct Bytes {
    char *p;
    size_t n;
} Bytes;

static int writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    Bytes *b = ud;
    b->p = realloc(b->p, b->n + sz);
    memcpy(b->p + b->n, p, sz);
    b->n += sz;
    return 0;
}

static char *bytecode(size_t *len)
{
    lua_State *L = luaL_newstate();
    ck_assert_int_eq(luaL_loadstring(L, "x = 1"), LUA_OK);
    Bytes b = { NULL, 0 };
    lua_dump(L, writer, &b, 0);
    lua_close(L);
    *len = b.n;
    return b.p;
}

START_TEST(binary_chunks_refused)
{
    size_t n;
    char *bc = bytecode(&n);
    ck_assert_int_eq(bc[0], LUA_SIGNATURE[0]);
    SandboxError err;
    ck_assert(!sandbox_run(sb, "b.lua", bc, n, 0, &err));
    ck_assert_int_eq(err.status, SANDBOX_ERR_BINARY);
    ck_assert_ptr_nonnull(strstr(err.msg, "binary"));

    /* and through load() from a script */
    lua_State *L = sandbox_lua(sb);
    lua_pushlstring(L, bc, n);
    lua_setglobal(L, "BC");
    ck_assert_int_eq(run("local f, msg = load(BC)\nassert(f == nil)\nassert(msg:find('binary'))\n"
                         "local g = load(BC, 'x', 'b')\nassert(g == nil)\n"
                         "assert(load('return 1 + 1')() == 2)\n"
                         "local e = load('return y', 'c', 't', { y = 5 })\nassert(e() == 5)",
                         0, &err),
                     SANDBOX_OK);
    free(bc);
}
END_TEST

START_TEST(syntax_error_names_line)
{
    SandboxError err;
    ck_assert_int_eq(run("x = 1\n\ny = = 2\n", 0, &err), SANDBOX_ERR_SYNTAX);
    ck_assert_int_eq(err.line, 3);
    ck_assert_ptr_nonnull(strstr(err.msg, "unexpected symbol"));
    ck_assert_int_eq(run("this is not lua at all", 0, &err), SANDBOX_ERR_SYNTAX);
    ck_assert_int_eq(err.line, 1);
}
END_TEST

START_TEST(runtime_error_names_line)
{
    SandboxError err;
    ck_assert_int_eq(run("local a = 1\nlocal b = nil\nlocal c = b.x\n", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_int_eq(err.line, 3);
    ck_assert_ptr_nonnull(strstr(err.msg, "attempt to index"));
    ck_assert_int_eq(run("\n\nerror({})\n", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_int_eq(err.line, 3);
}
END_TEST

START_TEST(endless_loop_stopped_quickly)
{
    SandboxError err;
    double t0 = now();
    ck_assert_int_eq(run("local x = 0\nwhile true do\n  x = x + 1\nend\n", 2000000, &err), SANDBOX_ERR_BUDGET);
    ck_assert(now() - t0 < 2.0);
    ck_assert(err.line >= 2 && err.line <= 4);
    ck_assert_ptr_nonnull(strstr(err.msg, "ran too long"));
    ck_assert_int_le(sandbox_instructions(sb), 2001000);
}
END_TEST

START_TEST(pcall_cannot_swallow_the_budget)
{
    SandboxError err;
    double t0 = now();
    ck_assert_int_eq(run("while true do pcall(function() while true do end end) end", 1000000, &err),
                     SANDBOX_ERR_BUDGET);
    ck_assert_int_eq(run("while true do xpcall(function() while true do end end, function(m) return m end) end",
                         1000000, &err),
                     SANDBOX_ERR_BUDGET);
    ck_assert_int_eq(run("while true do xpcall(function() error('x') end, function(m) while true do end end) end",
                         1000000, &err),
                     SANDBOX_ERR_BUDGET);
    ck_assert(now() - t0 < 3.0);
    /* ordinary errors are still caught */
    ck_assert_int_eq(run("local ok, e = pcall(error, 'boom')\nassert(not ok and e == 'boom')", 0, &err), SANDBOX_OK);
}
END_TEST

START_TEST(c_loops_are_charged)
{
    SandboxError err;
    double t0 = now();
    ck_assert_int_eq(run("table.move({}, 1, 1e15, 2)", 1000000, &err), SANDBOX_ERR_BUDGET);
    ck_assert_int_eq(run("local t = setmetatable({}, { __len = function() return 1e15 end })\ntable.insert(t, 1, 'x')",
                         1000000, &err),
                     SANDBOX_ERR_BUDGET);
    ck_assert_int_eq(run("assert(string.rep('', 1e15) == '' and string.rep('ab', 3, ',') == 'ab,ab,ab')", 0, &err),
                     SANDBOX_OK);
    ck_assert(now() - t0 < 2.0);
}
END_TEST

START_TEST(memory_bombs_stopped_by_cap)
{
    sandbox_free(sb);
    sb = sandbox_new(8 << 20);
    SandboxError err;
    double t0 = now();
    ck_assert_int_eq(run("local s = string.rep('x', 1e9)", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_ptr_nonnull(strstr(err.msg, "memory limit"));
    ck_assert_int_eq(run("local t = {}\nfor i = 1, 1e9 do t[i] = i end\n", 0, &err), SANDBOX_ERR_MEMORY);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.msg, "too much memory"));
    ck_assert_int_eq(run("local s = 'xy'\nwhile true do s = s .. s end\n", 0, &err), SANDBOX_ERR_MEMORY);
    ck_assert_int_eq(run("while true do pcall(function() local t = {} for i = 1, 1e9 do t[i] = i end end) end", 0,
                         &err),
                     SANDBOX_ERR_MEMORY);
    ck_assert(now() - t0 < 5.0);
    ck_assert_uint_le(sandbox_mem_used(sb), 8u << 20);
    /* the state still works afterwards */
    ck_assert_int_eq(run("local t = {} for i = 1, 100 do t[i] = i end assert(#t == 100)", 0, &err), SANDBOX_OK);
}
END_TEST

START_TEST(pathological_patterns_refused)
{
    SandboxError err;
    double t0 = now();
    ck_assert_int_eq(run("local s = string.rep('a', 5000)\nreturn s:find('a*a*a*a*a*b')", 0, &err),
                     SANDBOX_ERR_RUNTIME);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.msg, "too costly"));
    ck_assert_int_eq(run("local s = string.rep('a', 200)\nfor w in s:gmatch('(a-)(a-)(a-)b') do end", 0, &err),
                     SANDBOX_ERR_RUNTIME);
    ck_assert_int_eq(run("string.gsub(string.rep('a', 100), '.-.-.-.-x', '')", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert(now() - t0 < 1.0);
    /* ordinary uses pass */
    ck_assert_int_eq(run("local c, r = ('12,9'):match('^(%d+),(%d+)$')\nassert(c == '12' and r == '9')\n"
                         "assert(('a  b   c'):gsub('%s+', ' ') == 'a b c')\n"
                         "assert(string.find(string.rep('x', 100000), 'y', 1, true) == nil)\n"
                         "assert(('[x]'):find('[', 1, true) == 1)",
                         0, &err),
                     SANDBOX_OK);
    /* the estimate itself */
    ck_assert(sandbox_pattern_cost("abc", 3, 1000, true) == 1000.0);
    ck_assert(sandbox_pattern_cost("^a*b", 4, 1000, true) == 1000.0);
    ck_assert(sandbox_pattern_cost("a*b", 3, 1000, true) == 1e6);
    ck_assert(sandbox_pattern_cost("%d+-%d+", 7, 10, true) == 1000.0);   /* the middle '-' is a literal */
    ck_assert(sandbox_pattern_cost("[*+]x", 5, 10, true) == 10.0);       /* inside a set: literal */
}
END_TEST

START_TEST(random_comes_from_the_game_rng)
{
    Game *g = game_new(42);
    sandbox_set_game(sb, g);
    Rng copy = g->rng;
    SandboxError err;
    ck_assert_int_eq(run("math.randomseed(1234)\nR = {}\nfor i = 1, 20 do R[i] = math.random(6) end\n"
                         "R[21] = math.random(10, 20)\nF = math.random()",
                         0, &err),
                     SANDBOX_OK);
    lua_State *L = sandbox_lua(sb);
    lua_getglobal(L, "R");
    for (int i = 1; i <= 20; i++) {
        lua_rawgeti(L, -1, i);
        ck_assert_int_eq(lua_tointeger(L, -1), (lua_Integer)rng_below(&copy, 6) + 1);
        lua_pop(L, 1);
    }
    lua_rawgeti(L, -1, 21);
    ck_assert_int_eq(lua_tointeger(L, -1), 10 + (lua_Integer)rng_below(&copy, 11));
    lua_pop(L, 2);
    lua_getglobal(L, "F");
    ck_assert(lua_tonumber(L, -1) == (double)rng_next(&copy) / 4294967296.0);
    lua_pop(L, 1);
    ck_assert_uint_eq(copy.state, g->rng.state);
    ck_assert_int_eq(run("math.random(5, 1)", 0, &err), SANDBOX_ERR_RUNTIME);
    sandbox_set_game(sb, NULL);
    ck_assert_int_eq(run("math.random(6)", 0, &err), SANDBOX_ERR_RUNTIME);
    game_free(g);
}
END_TEST

START_TEST(effects_refused_at_load_time)
{
    Game *g = game_new(1);
    sandbox_set_game(sb, g);
    api_install(sb);
    SandboxError err;
    ck_assert_int_eq(run("side { id = 'a' }\nemesa.message('hi')\n", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.msg, "inside an event handler"));
    ck_assert_int_eq(run("unit 'x'\n", 0, &err), SANDBOX_ERR_RUNTIME);
    ck_assert_ptr_nonnull(strstr(err.msg, "expects a table"));
    game_free(g);
}
END_TEST

static Suite *script_suite(void)
{
    Suite *s = suite_create("script");
    TCase *tc = tcase_create("sandbox");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, forbidden_libraries_are_absent);
    tcase_add_test(tc, calling_forbidden_functions_fails_with_line);
    tcase_add_test(tc, collectgarbage_only_counts);
    tcase_add_test(tc, gc_finalizers_refused);
    tcase_add_test(tc, binary_chunks_refused);
    tcase_add_test(tc, syntax_error_names_line);
    tcase_add_test(tc, runtime_error_names_line);
    tcase_add_test(tc, endless_loop_stopped_quickly);
    tcase_add_test(tc, pcall_cannot_swallow_the_budget);
    tcase_add_test(tc, c_loops_are_charged);
    tcase_add_test(tc, memory_bombs_stopped_by_cap);
    tcase_add_test(tc, pathological_patterns_refused);
    tcase_add_test(tc, random_comes_from_the_game_rng);
    tcase_add_test(tc, effects_refused_at_load_time);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(script_suite());
}
