/* testutil.h - small fixtures shared by the unit tests. */
#pragma once
#include <check.h>
#include "core/game.h"

/* A 12x10 open map with two sides ("north" id 0, "south" id 1), no units,
 * 5 turns, ready for tu_unit() calls and then game_start(). */
Game *tu_game(uint64_t seed);
/* tu_game() with a town: walls on column 6 with the Rastan gate at (6,4)
 * and the city beyond; side 1 ("south") holds it, 30 turns. */
Game *tu_town(uint64_t seed);
/* Adds a unit of type id at col,row; returns its index. */
int tu_unit(Game *g, const char *id, int side, const char *type, int sp, int col, int row);
/* Adds a leader (command 4, the given LeaderTrait bits) riding with unit
 * (or -1); returns its index. */
int tu_leader(Game *g, const char *id, int side, unsigned traits, int unit);
/* Sets one hex's terrain. */
void tu_terrain(Game *g, int col, int row, Terrain t);
/* game_start() or abort the test. */
void tu_start(Game *g);
/* Applies a command given in text form; returns 1 if accepted. */
int tu_cmd(Game *g, const char *text, char *why, size_t n);
/* Events of type t in the log whose text contains word (any, if NULL). */
int tu_count_events(const Game *g, EventType t, const char *word);
/* Both sides end their part of the siege turn (asserts they may). */
void tu_end_turn_both(Game *g);
/* A unit of the side to act that can reach an empty hex 2 away (its
 * index, and that hex in *dest), or -1. */
int tu_pick_mover(const Game *g, Hex *dest);
/* The source tree: EMESA_SOURCE_DIR, or "." when it is unset or empty. */
const char *tu_src_dir(void);
/* Makes a fresh directory $TMPDIR/emesa-<tag>-XXXXXX (/tmp without
 * TMPDIR) into out, or fails the test. */
void tu_tmpdir(char *out, size_t n, const char *tag);
/* Removes dir and all below it; false if that failed. */
bool tu_rmtree(const char *dir);
/* The whole file at path, NUL-terminated (its length in *len if len), or
 * fails the test; free() it. */
char *tu_read_file(const char *path, size_t *len);
/* Writes len bytes of data as the file at path, or fails the test. */
void tu_write_file(const char *path, const char *data, size_t len);
/* Runs the suite and returns the process exit status (Check's summary
 * line is printed on the way). */
int tu_run(Suite *s);
