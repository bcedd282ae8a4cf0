/* session.h - one game as (scenario, seed, commands): what a save holds,
 * what a replay re-plays and what undo takes back.
 *
 * A Session owns the Scenario (and so the Game), a copy of the scenario
 * file's text, the list of commands applied so far in their text form, and
 * the state hash at the start of every turn. Every command a player or the
 * computer gives goes through session_apply(), which records it.
 *
 * Undo re-plays the game from the start without the last command, so the
 * Scenario and Game are replaced: after session_undo() fetch session_game()
 * again and re-read its event log from the start (session_generation()
 * changes each time that happens). Redo applies the command again to the
 * same Game, appending its events as any command does. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/command.h"
#include "core/game.h"
#include "data/scenario.h"

enum { SESSION_CMD_TEXT = 256, SESSION_PATH = 1024 };

typedef struct Session Session;

/* A turn's first state: `turn` began after the first `after` commands,
 * and game_hash() was `hash` at that moment. Turn 1 has after = 0. */
typedef struct SessionMark {
    int turn;
    size_t after;
    uint64_t hash;
} SessionMark;

/* Loads the scenario file at path (keeping its text for undo) and starts a
 * game with seed. NULL with diags filled on any problem. The path is also
 * what a save records as the scenario's place until session_set_ref(). */
Session *session_new(const char *path, uint64_t seed, Diags *diags);
/* session_new() naming the file `name` in messages and event text (a
 * replay names it the same way as the game it re-plays). */
Session *session_new_as(const char *path, const char *name, uint64_t seed, Diags *diags);
/* The same from the scenario text in memory; name is used in messages. */
Session *session_new_buffer(const char *name, const char *src, size_t len, uint64_t seed, Diags *diags);
/* session_new_as / session_new_buffer with what-if switches on (opts may
 * be NULL); the session keeps them, so undo and a save apply them again. */
Session *session_new_opts(const char *path, const char *name, uint64_t seed, const ScenarioOptions *opts,
                          Diags *diags);
Session *session_new_buffer_opts(const char *name, const char *src, size_t len, uint64_t seed,
                                 const ScenarioOptions *opts, Diags *diags);
void session_free(Session *s);

Scenario *session_scenario(Session *s);
Game *session_game(Session *s);
const Game *session_game_const(const Session *s);
uint64_t session_seed(const Session *s);
/* Counts the times the Scenario and Game were rebuilt (undo, redo). */
unsigned session_generation(const Session *s);
/* The what-if switches the game was built with, in declaration order. */
const ScenarioOptions *session_options(const Session *s);

/* How a save names the scenario file: a path relative to the data
 * directory ("scenarios/emesa-638.lua") or an absolute one. */
void session_set_ref(Session *s, const char *ref);
const char *session_ref(const Session *s);
/* Free text recorded in a save for information, e.g. which side the
 * computer played ("coalition", "all"); "" for none. */
void session_set_ai(Session *s, const char *ai);
const char *session_ai(const Session *s);

/* Applies c through scenario_apply() and records it. False with the reason
 * when refused (nothing changes). Clears the redo list. */
bool session_apply(Session *s, const Command *c, char *why, size_t n);
/* The same from the command's text form ("move guard 22,8"). */
bool session_apply_text(Session *s, const char *text, char *why, size_t n);

size_t session_ncommands(const Session *s);
/* Text form of command i (0-based), as cmd_format() wrote it. */
const char *session_command(const Session *s, size_t i);
/* Side that gave command i. */
int session_command_side(const Session *s, size_t i);
size_t session_nmarks(const Session *s);
const SessionMark *session_mark(const Session *s, size_t i);

/* Undo takes back the last command if it drew no random number, revealed
 * no enemy unit to its side, did not hand the turn over, and its side is
 * the one to act now. Otherwise false with the reason in why, e.g. "the
 * dice were rolled" or "that move revealed an enemy unit (Red Archers)". */
bool session_can_undo(const Session *s, char *why, size_t n);
bool session_undo(Session *s, char *why, size_t n);
/* Redo gives an undone command again; any new command empties the list. */
bool session_can_redo(const Session *s, char *why, size_t n);
bool session_redo(Session *s, char *why, size_t n);

/* ---- hot reload: the scenario file edited while its game runs ---------- */

/* What a reload found. A command of the game so far that the new file
 * refuses stops the re-play just before it: `refused` is its index
 * (0-based; == the count replayed), its text, the turn and side it was
 * given on and why it is refused now, and `dropped` how many commands
 * (it and those after it) are gone. dropped == 0: every command played. */
typedef struct SessionReload {
    size_t replayed;
    size_t dropped;
    size_t refused;
    int turn, side;
    char command[SESSION_CMD_TEXT];
    char why[256];
    int handler_errors;     /* the new file's handlers' errors while re-playing */
} SessionReload;

/* Replaces the scenario by the text src (the file as edited) and plays the
 * recorded commands again on it, with the same seed and switches. If the
 * text does not load: false, diags filled (file:line as for a new game)
 * and the session exactly as it was. Otherwise true: the Scenario and
 * Game are new (session_generation() changes), the commands and turn marks
 * are those re-played, the redo list is emptied, and *out (may be NULL)
 * says whether a command was refused. */
bool session_reload_buffer(Session *s, const char *src, size_t len, Diags *diags, SessionReload *out);
/* The same from the file at path (read whole before anything changes). */
bool session_reload(Session *s, const char *path, Diags *diags, SessionReload *out);
/* The name the session's scenario file goes by in messages. */
const char *session_name(const Session *s);
