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
#include "script/whatif.h"

enum { DIAG_MAX = 64, DIAG_TEXT = 320 };

/* One problem found in a scenario file. */
typedef struct Diag {
    char file[256];
    int line;               /* 0 if unknown */
    char key[64];           /* offending key, "" if none */
    char msg[DIAG_TEXT];    /* what is wrong and what was expected */
    int col;                /* 1-based column in the line, 0 if unknown */
} Diag;

typedef struct Diags {
    Diag items[DIAG_MAX];
    int n;
    int dropped;            /* problems beyond DIAG_MAX */
} Diags;

/* "file:line: msg" (with "key: " before msg when key is set, and
 * "file:line:col:" when the column is known). */
void diag_format(const Diag *d, char *buf, size_t n);
void diags_add(Diags *ds, const char *file, int line, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The same with a column. */
void diags_add_at(Diags *ds, const char *file, int line, int col, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Sorts the problems by file and line (stable), for reading top to bottom. */
void diags_sort(Diags *ds);

enum { SCEN_MAX_NOTES = 64 };

typedef struct ScenarioNote {
    char id[ID_LEN];
    char title[NAME_LEN * 2];
    char text[1024];
    char title_ar[NAME_LEN * 4], text_ar[2048];    /* Arabic, "" if none */
    char conf[4];           /* "A", "D", "I" or "" */
    char src[64];
} ScenarioNote;

enum { SCEN_MAX_TAGS = 512 };

/* A number the file tagged as attested/derived/invented, e.g.
 * unit { id = "guard", sp = { 6, conf = "I", src = "history.md 1b" } }. */
typedef struct ScenarioTag {
    char what[ID_LEN + 16];     /* "unit guard", "side rashidun", "rules" */
    char key[32];               /* "sp" */
    int value;
    char conf[4];               /* "A", "D" or "I" */
    char src[64];
    int line;
} ScenarioTag;

enum { SCEN_MAX_CHRONICLE = 96, SCEN_MAX_DISPUTES = 24, SCEN_MAX_VERSIONS = 4, SCEN_ORDER = 96 };

/* One step of the recorded course of events, as a plan for one side:
 * chronicle { side = "rashidun", turn = 13, order = "sally rastan",
 * note = "..." }. The order is a command's text form (command.h) or one of
 * the plan words "sally <gate>", "storm <gate>", "hold", "pursue", "wait"
 * (see scenarios/README.md); the built-in player issues it on that turn and
 * handles the details. */
typedef struct ScenarioChronicle {
    int side;
    int turn;
    char order[SCEN_ORDER];
    char note[512];
    char note_ar[1024];     /* the note in Arabic, "" if none */
    char src[64];
    int line;               /* of its order key in the file */
} ScenarioChronicle;

/* A disputed point: the versions side by side, each with its sources. */
typedef struct ScenarioVersion {
    char text[512];
    char src[64];
} ScenarioVersion;

typedef struct ScenarioDispute {
    char id[ID_LEN];
    char title[NAME_LEN * 2];
    int turn;               /* the turn it concerns (shown then during play), 0 none */
    ScenarioVersion versions[SCEN_MAX_VERSIONS];
    int nversions;
} ScenarioDispute;

/* What-if switches (script/whatif.h): a scenario declares each with
 * whatif { id =, label =, text = } and its Lua asks option("id") while it
 * loads. The switches a game is built with are part of its identity: a
 * save records them, a replay and undo apply them again, and game_hash
 * differs (Game.variant). */
enum { SCEN_MAX_WHATIF = WHATIF_MAX };
typedef WhatIf ScenarioWhatIf;

/* A set of switch ids to apply, e.g. from --option; at most
 * SCEN_MAX_WHATIF, no id twice. */
typedef struct ScenarioOptions {
    char ids[SCEN_MAX_WHATIF][ID_LEN];
    int n;
} ScenarioOptions;

/* Adds id (ignoring a repeat); false with the reason if it is too long or
 * too many. */
bool scenario_options_add(ScenarioOptions *o, const char *id, char *why, size_t n);
/* "no-feint, no-sally", or "" for none. */
void scenario_options_format(const ScenarioOptions *o, char *buf, size_t n);

typedef struct ScenarioInfo {
    char id[ID_LEN];
    char title[128];
    char briefing[2048];
    char title_ar[256], briefing_ar[4096];  /* Arabic versions shown by an Arabic window, "" if none */
    char file[256];
    ScenarioNote notes[SCEN_MAX_NOTES];
    int nnotes;
    ScenarioTag tags[SCEN_MAX_TAGS];
    int ntags;
    ScenarioChronicle chronicle[SCEN_MAX_CHRONICLE];   /* in file order */
    int nchronicle;
    ScenarioDispute disputes[SCEN_MAX_DISPUTES];
    int ndisputes;
    ScenarioWhatIf whatifs[SCEN_MAX_WHATIF];    /* declared, in file order */
    int nwhatifs;
    ScenarioOptions options;    /* the switches this game was built with, in declaration order */
} ScenarioInfo;

typedef struct Scenario Scenario;

/* Reads a scenario file's bytes (at most 4 MiB) into a new buffer the
 * caller frees, or NULL with a diag naming `name`. */
char *scenario_read_file(const char *path, const char *name, size_t *len, Diags *diags);
/* Loads and validates the scenario file at path, seeding the game with
 * seed. On any problem returns NULL and fills diags; never exits. */
Scenario *scenario_load(const char *path, uint64_t seed, Diags *diags);
/* Same from memory; chunkname is used as the file name in messages. */
Scenario *scenario_load_buffer(const char *chunkname, const char *src, size_t len, uint64_t seed, Diags *diags);
void scenario_free(Scenario *s);

/* Limits for one scenario's script; zero fields take the defaults
 * (64 MiB, 50 M instructions to load the file, 1 M per handler call). */
typedef struct ScenarioLimits {
    size_t mem_cap;
    long load_budget;
    long handler_budget;
} ScenarioLimits;

/* scenario_load_buffer with explicit limits (tests, the fuzzer). */
Scenario *scenario_load_buffer_ex(const char *chunkname, const char *src, size_t len, uint64_t seed,
                                  const ScenarioLimits *limits, Diags *diags);
/* scenario_load / scenario_load_buffer with what-if switches on (opts
 * may be NULL: none). An id the file does not declare is a problem naming
 * it and the file's switches. */
Scenario *scenario_load_opts(const char *path, uint64_t seed, const ScenarioOptions *opts, Diags *diags);
Scenario *scenario_load_buffer_opts(const char *chunkname, const char *src, size_t len, uint64_t seed,
                                    const ScenarioOptions *opts, const ScenarioLimits *limits, Diags *diags);
/* Is the switch id on in this game? */
bool scenario_option_on(const Scenario *s, const char *id);

Game *scenario_game(Scenario *s);
const Game *scenario_game_const(const Scenario *s);
const ScenarioInfo *scenario_info(const Scenario *s);
/* The chronicle's orders for side on turn, in file order: up to max
 * pointers (into the scenario's own storage) written to orders; returns
 * how many there are (which may exceed max). */
int scenario_chronicle(const Scenario *s, int turn, int side, const char **orders, int max);
/* The last turn with a chronicle order for side (0 if none). */
int scenario_chronicle_last_turn(const Scenario *s, int side);

/* 64-bit FNV-1a hash of the file's bytes, to tie saves to a version. */
uint64_t scenario_source_hash(const Scenario *s);

/* Applies c and runs the scenario's handlers for the events it produced.
 * False (nothing changed) if the command is refused. A handler error does
 * not fail the command: it is logged as an EV_MESSAGE naming file:line. */
bool scenario_apply(Scenario *s, const Command *c, char *why, size_t n);

/* Runs the handlers for events in the log that no handler has seen yet
 * (scenario_apply does this itself; call it after changing the game by
 * other means, such as an effect). Returns the number of handler errors. */
int scenario_dispatch(Scenario *s);
/* Handler errors so far (each also logged as an EV_MESSAGE). */
int scenario_handler_errors(const Scenario *s);
