/* api.h - the scenario API: the declarations a scenario file makes and the
 * emesa.* functions its event handlers call.
 *
 * Declarations (scenario, rules, map, place, gate, side, leader, unit,
 * victory, note, on) are global functions taking one table. Each call only
 * records { kind, line, t } in a list, in file order; the loader in
 * src/data reads that list after the file has run, validates every key and
 * builds the game. So a file can declare things in any order, and every
 * problem can be reported with the line of the call that caused it.
 *
 * Handlers act on the game only through emesa.* functions, which call
 * core/effect.h; they may be used only while a handler runs (after the
 * game has started), never at load time. scenarios/README.md documents
 * every declaration, key and function. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <lua.h>

#include "core/event.h"
#include "core/game.h"
#include "script/sandbox.h"

/* Declaration kinds, in the order the loader processes them. */
typedef enum ApiDeclKind {
    DECL_SCENARIO,
    DECL_RULES,
    DECL_SIEGE,
    DECL_SIDE,
    DECL_MAP,
    DECL_PLACE,
    DECL_GATE,
    DECL_THEATRE_PLACE,
    DECL_ROUTE,
    DECL_COURIER,
    DECL_COLUMN,
    DECL_CONTINGENT,
    DECL_UNIT,
    DECL_LEADER,
    DECL_VICTORY,
    DECL_NOTE,
    DECL_CHRONICLE,
    DECL_DISPUTE,
    DECL_ON,
    DECL_KIND_COUNT
} ApiDeclKind;

extern const char *const api_decl_names[DECL_KIND_COUNT];

/* Word lists shared by the loader and the API (index = enum value). */
extern const char *const api_quality_names[QUAL_COUNT];     /* "elite", ... */
extern const char *const api_gate_state_names[4];           /* "shut", ... */
extern const char *const api_status_names[4];               /* "on_map", ..., "departed" */
/* Index of s in names[0..n), or -1. */
int api_name_index(const char *const *names, int n, const char *s);

/* Installs the declaration functions and the emesa table in the sandbox's
 * globals. Call once, before running the file. */
void api_install(Sandbox *sb);

/* Pushes the declaration list: an array of { kind = "unit", line = 12,
 * t = <the table> }; for on(event, fn) t is { event = "...", fn = fn }. */
void api_push_decls(lua_State *L);

/* Event type for a handler name: event_type_name() of any type, or one of
 * the documented aliases ("unit_moves" for "move", ...). "any" gives
 * EV_COUNT (every event). -1 if unknown. */
int api_event_from_name(const char *name);
/* Writes a comma-separated list of every accepted event name, for
 * messages, into buf (n bytes; cut to fit) and returns buf. The caller's
 * buffer keeps it safe for games played on several threads at once. */
const char *api_event_names(char *buf, size_t n);

/* Binds the handler of declaration number decl (1-based, in the list
 * api_push_decls gives) to event type `type` (EV_COUNT: every event). */
void api_add_handler(Sandbox *sb, int type, int decl);
/* Number of handlers bound to type (not counting "any" ones). */
int api_handler_count(Sandbox *sb, int type);

/* Turns the emesa.* effect and query functions on once the game has
 * started (sandbox_game must be set), or off. */
void api_set_live(Sandbox *sb, bool live);

/* A handler that failed: its registration line, and the error. */
typedef void (*ApiErrorFn)(void *ud, const char *event_name, int handler_line, const SandboxError *err);

/* Runs every handler bound to e's type (and to "any"), each under the
 * instruction budget, passing an event table. Errors are reported through
 * on_error and do not stop the other handlers. Returns the number run. */
int api_dispatch(Sandbox *sb, const Event *e, long budget, ApiErrorFn on_error, void *ud);

/* Pushes the table a handler receives for event e (for tests and tools). */
void api_push_event(lua_State *L, const Game *g, const Event *e);
