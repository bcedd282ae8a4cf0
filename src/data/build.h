/* build.h - turning a scenario file's declarations into a Game (private to
 * src/data). */
#pragma once
#include <lua.h>

#include "data/scenario.h"
#include "script/sandbox.h"

typedef struct Build {
    lua_State *L;
    Sandbox *sb;
    Game *g;
    ScenarioInfo *info;
    Diags *ds;
    const char *file;
    const char *src;
    size_t len;
    size_t *line_start;     /* offset of each line (1-based index) */
    int nlines;
    int problems;           /* found by this build */
    /* the declaration being checked */
    int line, next_line;
    char what[64];          /* "unit guard", for messages */
    /* column { leader = "id" } waits for the leaders: id and line per column */
    char column_leader[MAX_COLUMNS][ID_LEN];
    int column_leader_line[MAX_COLUMNS];
    int chronicle_line[SCEN_MAX_CHRONICLE];
    /* scenario { town = "id" } waits for the places */
    char town[ID_LEN];
    int town_line;
} Build;

/* Reads the declaration list (api_push_decls) and fills b->g and b->info,
 * reporting every problem found to b->ds. Must run inside lua_pcall (it
 * may raise memory errors). True if no problem was found. */
bool build_game(Build *b);
