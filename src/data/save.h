/* save.h - saved games and replays: a Session written as text, and read
 * back with every line checked.
 *
 * A save is the game as (scenario, seed, commands) plus the state hash at
 * the start of every turn, in a versioned text format:
 *
 *     emesa-save 2                    (1 when the game has no what-if switch)
 *     scenario skirmish tests/fixtures/saves/skirmish.lua
 *     scenario-hash 0123456789abcdef
 *     seed 7
 *     option no-feint                 (version 2: a what-if switch, one a line)
 *     ai all                          (optional, for information)
 *     turn 1 hash 89ab...             (state hash as turn 1 begins)
 *     cmd move r1 5,3
 *     cmd end-turn
 *     ...
 *     turn 2 hash ...                 (after the command that began turn 2)
 *     end turn 6 hash 8f00...         (state hash when the game was saved)
 *     checksum 0123456789abcdef       (FNV-1a 64 of every byte before this line)
 *
 * Lines starting with '#' are comments. The scenario's place is a path
 * relative to the data directory, or an absolute path. Carriage returns
 * before line ends are ignored, so a save mailed through a system that
 * changes line ends still loads.
 *
 * Loading re-plays the game and checks the checksum, the scenario's hash,
 * every recorded turn hash and the final one; every problem is reported as
 * "file:line: what is wrong". Writing is atomic: a temporary file in the
 * same directory, flushed to disk, then renamed over the old save, so a
 * crash or a kill at any moment leaves either the old save or the new one.
 *
 * Nothing here knows about SDL: the window passes SDL_GetPrefPath() as the
 * directory for autosaves; the headless runner passes the paths it is
 * given. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "data/session.h"

/* Version 2 adds "option ID" lines, one per what-if switch the game was
 * built with, after the seed line. A game without switches is still
 * written as version 1, so that older Emesas read it; both load. */
enum { SAVE_VERSION = 2, SAVE_VERSION_PLAIN = 1, SAVE_AUTOSAVE_KEEP = 5 };

typedef enum SaveStatus {
    SAVE_OK = 0,
    SAVE_IO,            /* the file cannot be read or written */
    SAVE_BAD,           /* not a save, unknown version, truncated, altered, a bad line */
    SAVE_SCENARIO,      /* the scenario is missing or changed since the save */
    SAVE_DIVERGED,      /* the replay does not give the recorded hashes */
} SaveStatus;

typedef struct SaveError {
    SaveStatus status;
    char file[SESSION_PATH];
    int line;           /* 1-based line of the save, 0 if none */
    int turn;           /* the game turn where a replay diverged, else 0 */
    char msg[SESSION_PATH + 768];   /* room for a whole path of SESSION_PATH - 1 */
} SaveError;

/* "file:line: msg" (or "file: msg" without a line). */
void save_error_format(const SaveError *e, char *buf, size_t n);

/* FNV-1a 64 of text, as used by the checksum line. */
uint64_t save_checksum(const char *text, size_t len);

/* The save text for s (malloc'd, NUL-terminated, *len without the NUL);
 * NULL if out of memory. */
char *save_format(const Session *s, size_t *len);

/* Writes data to path atomically (temporary file, fsync, rename, fsync of
 * the directory). On failure the old file at path is untouched and err
 * says why. */
bool save_write_file(const char *path, const char *data, size_t len, SaveError *err);
/* save_format() + save_write_file(). */
bool save_write(const char *path, const Session *s, SaveError *err);

typedef struct SaveLoadOptions {
    const char *data_dir;   /* where relative scenario paths are looked up first; NULL: only as given */
    const char *scenario;   /* use this scenario file instead of the recorded one (its hash is still checked) */
    /* Called once the scenario has started and after every re-played
     * command, e.g. to print the new events while the state they describe
     * is current. NULL for none. */
    void (*step)(void *ud, Session *s);
    void *ud;
} SaveLoadOptions;

/* Reads the save at path, checks it and re-plays it. On SAVE_OK *out is
 * the game as saved, ready to go on (play by e-mail: new commands append).
 * On SAVE_DIVERGED *out is the game re-played up to the point where it
 * left the record (for showing what happened), else *out is NULL. */
SaveStatus save_load(const char *path, const SaveLoadOptions *o, Session **out, SaveError *err);
/* The same from text in memory; name is the file named in messages. */
SaveStatus save_load_buffer(const char *name, const char *text, size_t len, const SaveLoadOptions *o, Session **out,
                            SaveError *err);

/* Autosaves in dir: writes "autosave-<N>.emesa-save" with N one more than
 * the newest there, then removes all but the newest `keep` (0: the default,
 * SAVE_AUTOSAVE_KEEP), and the temporary files of autosaves whose writer
 * was killed. The path written goes to written if not NULL. */
bool save_autosave(const char *dir, const Session *s, int keep, char *written, size_t n, SaveError *err);
/* Path of the newest autosave in dir; false if there is none. */
bool save_autosave_latest(const char *dir, char *path, size_t n);
