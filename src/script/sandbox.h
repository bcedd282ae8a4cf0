/* sandbox.h - a Lua 5.4 state that a broken or hostile scenario cannot use
 * to hang, exhaust or escape the game.
 *
 * What a script gets: the base library without dofile, loadfile, require,
 * print and warn (load only accepts source text, collectgarbage only
 * answers "count", setmetatable refuses __gc finalizers, pcall/xpcall
 * cannot catch the sandbox's own limits); table (table.move charged to the
 * instruction budget); string without string.dump, with the pattern
 * functions guarded against catastrophic backtracking and string.rep
 * bounded by the memory cap; math, whose random numbers come from the
 * game's rules RNG; and utf8. No io, os, package, debug or coroutine.
 *
 * Limits: every allocation is counted against a memory cap, and a count
 * hook stops a call that runs more than its instruction budget. Both raise
 * Lua errors the script cannot catch; the caller learns which limit was hit
 * from SandboxStatus. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <lua.h>

typedef struct Game Game;

enum {
    SANDBOX_MEM_DEFAULT = 64 << 20,             /* bytes */
};
#define SANDBOX_LOAD_BUDGET_DEFAULT 50000000L    /* VM instructions to run a file */
#define SANDBOX_HANDLER_BUDGET_DEFAULT 1000000L  /* VM instructions per handler call */
/* Work the pattern guard allows one string.find/match/gmatch/gsub call. */
#define SANDBOX_PATTERN_WORK 1e7

typedef enum SandboxStatus {
    SANDBOX_OK,
    SANDBOX_ERR_SYNTAX,     /* the text is not valid Lua */
    SANDBOX_ERR_BINARY,     /* a compiled chunk was offered */
    SANDBOX_ERR_RUNTIME,    /* the script raised an error */
    SANDBOX_ERR_BUDGET,     /* it ran more than its instruction budget */
    SANDBOX_ERR_MEMORY,     /* it used more than the memory cap */
} SandboxStatus;

/* Where a failure happened, for the caller's diagnostics. */
typedef struct SandboxError {
    SandboxStatus status;
    int line;               /* 0 if unknown */
    char msg[512];          /* without the "file:line:" prefix */
} SandboxError;

typedef struct Sandbox Sandbox;

/* A new sandbox with the given memory cap in bytes (0: the default).
 * NULL if out of memory. */
Sandbox *sandbox_new(size_t mem_cap);
void sandbox_free(Sandbox *sb);
lua_State *sandbox_lua(Sandbox *sb);
/* The sandbox owning L (set by sandbox_new). */
Sandbox *sandbox_from_lua(lua_State *L);

/* The game whose rules RNG math.random draws from; may be NULL, in which
 * case math.random raises an error. */
void sandbox_set_game(Sandbox *sb, Game *g);
Game *sandbox_game(Sandbox *sb);

size_t sandbox_mem_used(const Sandbox *sb);
size_t sandbox_mem_cap(const Sandbox *sb);
/* Instructions run (in steps of the hook granularity) by the current or
 * last call. */
long sandbox_instructions(const Sandbox *sb);

/* Compiles and runs a chunk of Lua source text named chunkname (shown in
 * messages as given) with the given instruction budget (<= 0: default).
 * Binary chunks are refused. Returns true on success; otherwise fills err. */
bool sandbox_run(Sandbox *sb, const char *chunkname, const char *src, size_t len,
                 long budget, SandboxError *err);

/* Calls the function below nargs arguments on the stack (like lua_pcall
 * with nresults results) under the given budget. On failure the stack is
 * left as before the function was pushed, and err is filled. */
bool sandbox_call(Sandbox *sb, int nargs, int nresults, long budget, SandboxError *err);

/* Charges n units of work done inside a C function to the running call's
 * budget; raises the budget error if it is exceeded. For library code that
 * loops without running VM instructions. */
void sandbox_charge(lua_State *L, double n);

/* The pattern guard, exposed for tests: the estimated worst-case work of
 * matching pattern p (length lp) against a subject of length n, by the
 * rule in sandbox.c. */
double sandbox_pattern_cost(const char *p, size_t lp, size_t n, bool anchored_ok);
