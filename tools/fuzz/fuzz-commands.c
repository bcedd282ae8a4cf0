/* fuzz-commands.c - libFuzzer target for command files (emesa --commands).
 *
 * The first byte is the seed, the rest a command file, read as the
 * headless runner reads it (data/file.h: cmdfile_*): every command is
 * parsed and applied to a game of the fixture tests/fixtures/saves/
 * skirmish.lua for the side to act; a refused one is skipped, so that
 * mutated files reach deep into a game. Then the oracles: every message
 * escapes to printable text; the game written as a save loads back to the
 * same state hash; undo and redo of the last command come back to it.
 * Any break is an abort(). Built only with -Dfuzz=true and clang; see
 * tools/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/file.h"
#include "data/save.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef EMESA_SOURCE_DIR
#define EMESA_SOURCE_DIR "."
#endif
#define FIXTURE EMESA_SOURCE_DIR "/tests/fixtures/saves/skirmish.lua"

enum { MAX_APPLIED = 400 };

static char *scenario_text;
static size_t scenario_len;

static void escaped_check(const char *s)
{
    char out[1200];
    text_escape(s, out, sizeof out);
    for (const unsigned char *p = (const unsigned char *)out; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {   /* a tab is harmless */
            fprintf(stderr, "text_escape left a raw byte 0x%02x\n", *p);
            abort();
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 20))
        return 0;
    if (!scenario_text) {
        char why[FILE_WHY];
        scenario_text = file_read(FIXTURE, 1 << 20, &scenario_len, why, sizeof why);
        if (!scenario_text) {
            fprintf(stderr, "%s: %s\n", FIXTURE, why);
            abort();
        }
    }
    Diags ds;
    memset(&ds, 0, sizeof ds);
    Session *s = session_new_buffer(FIXTURE, scenario_text, scenario_len, data[0], &ds);
    if (!s)
        abort();
    CmdFile cf;
    if (!cmdfile_from_text(&cf, (const char *)data + 1, size - 1)) {
        session_free(s);
        return 0;
    }
    const char *cmd;
    int line = 0, applied = 0;
    char why[256];
    int r;
    while (applied < MAX_APPLIED && session_game(s)->mode != MODE_OVER &&
           (r = cmdfile_next(&cf, &cmd, &line, why, sizeof why)) != 0) {
        if (r < 0) {
            escaped_check(why);
            break;
        }
        Command c;
        if (!cmd_parse(session_game(s), cmd, &c, why, sizeof why)) {
            escaped_check(why);
            continue;
        }
        if (session_apply(s, &c, why, sizeof why))
            applied++;
        else
            escaped_check(why);
    }
    cmdfile_close(&cf);
    uint64_t h = game_hash(session_game_const(s));
    size_t n = 0;
    char *text = save_format(s, &n);
    SaveLoadOptions o = { NULL, FIXTURE, NULL, NULL };
    Session *back = NULL;
    SaveError e;
    if (text && save_load_buffer("fuzz.save", text, n, &o, &back, &e) != SAVE_OK) {
        char msg[sizeof e.msg + sizeof e.file + 64];
        save_error_format(&e, msg, sizeof msg);
        fprintf(stderr, "the game's save does not load: %s\n", msg);
        abort();
    }
    if (text && game_hash(session_game_const(back)) != h) {
        fprintf(stderr, "the game's save loads to another state\n");
        abort();
    }
    session_free(back);
    free(text);
    if (session_can_undo(s, why, sizeof why)) {
        if (!session_undo(s, why, sizeof why) || !session_redo(s, why, sizeof why) ||
            game_hash(session_game_const(s)) != h) {
            fprintf(stderr, "undo and redo of the last command do not come back: %s\n", why);
            abort();
        }
    }
    session_free(s);
    return 0;
}
