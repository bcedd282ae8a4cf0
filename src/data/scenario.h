/* scenario.h - loading a scenario file into a running game.
 *
 * A Scenario owns the Game built from a Lua scenario file and the sandboxed
 * Lua state that holds the file's event handlers. scenario_apply() is how
 * every caller (app, window, AI driver, replays) issues commands: it applies
 * the command to the game and then runs the scenario's handlers for the
 * events it produced. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/command.h"
#include "core/game.h"

enum { DIAG_MAX = 64, DIAG_TEXT = 320 };

/* One problem found in a scenario file. */
typedef struct Diag {
    char file[256];
    int line;               /* 0 if unknown */
    char key[64];           /* offending key, "" if none */
    char msg[DIAG_TEXT];    /* what is wrong and what was expected */
} Diag;

typedef struct Diags {
    Diag items[DIAG_MAX];
    int n;
    int dropped;            /* problems beyond DIAG_MAX */
} Diags;

/* "file:line: msg" (with "key: " before msg when key is set). */
void diag_format(const Diag *d, char *buf, size_t n);
void diags_add(Diags *ds, const char *file, int line, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

enum { SCEN_MAX_NOTES = 64 };

typedef struct ScenarioNote {
    char id[ID_LEN];
    char title[NAME_LEN * 2];
    char text[1024];
    char conf[4];           /* "A", "D", "I" or "" */
    char src[64];
} ScenarioNote;

typedef struct ScenarioInfo {
    char id[ID_LEN];
    char title[128];
    char briefing[2048];
    char file[256];
    ScenarioNote notes[SCEN_MAX_NOTES];
    int nnotes;
} ScenarioInfo;

typedef struct Scenario Scenario;

/* Loads and validates the scenario file at path, seeding the game with
 * seed. On any problem returns NULL and fills diags; never exits. */
Scenario *scenario_load(const char *path, uint64_t seed, Diags *diags);
/* Same from memory; chunkname is used as the file name in messages. */
Scenario *scenario_load_buffer(const char *chunkname, const char *src, size_t len, uint64_t seed, Diags *diags);
void scenario_free(Scenario *s);

Game *scenario_game(Scenario *s);
const Game *scenario_game_const(const Scenario *s);
const ScenarioInfo *scenario_info(const Scenario *s);
/* 64-bit FNV-1a hash of the file's bytes, to tie saves to a version. */
uint64_t scenario_source_hash(const Scenario *s);

/* Applies c and runs the scenario's handlers for the events it produced.
 * False (nothing changed) if the command is refused. A handler error does
 * not fail the command: it is logged as an EV_MESSAGE naming file:line. */
bool scenario_apply(Scenario *s, const Command *c, char *why, size_t n);
