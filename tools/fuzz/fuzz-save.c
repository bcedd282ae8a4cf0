/* fuzz-save.c - libFuzzer target for the save loader.
 *
 * The first byte chooses the mode, the rest is the save's text:
 *   even: the text as it is (the checksum almost always fails: the frame,
 *         the line parser and the refusal messages are what is fuzzed);
 *   odd:  the text re-signed (its last line, if a checksum line, replaced
 *         by the right one), so that mutated saves reach the replay.
 * The scenario is always the fixture tests/fixtures/saves/skirmish.lua
 * (SaveLoadOptions.scenario), so no input opens a file of its choosing.
 * A save that loads must survive a round trip: written again and loaded
 * again, it gives the same game hash; otherwise the target aborts. Every
 * message is formatted and must hold no raw control byte. Built only with
 * -Dfuzz=true and clang; see tools/fuzz/README.md. */
#include <inttypes.h>
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

static void no_raw_bytes(const char *msg)
{
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {   /* a tab is harmless */
            fprintf(stderr, "raw control byte 0x%02x in a message: %s\n", *p, msg);
            abort();
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 20))
        return 0;
    bool sign = data[0] & 1;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    char *signed_text = NULL;
    if (sign) {
        /* drop a last "checksum" line, end the body with '\n', sign it */
        size_t body = len;
        while (body > 0 && text[body - 1] == '\n')
            body--;
        size_t start = body;
        while (start > 0 && text[start - 1] != '\n')
            start--;
        if (body - start >= 9 && memcmp(text + start, "checksum ", 9) == 0)
            body = start;
        signed_text = malloc(body + 40);
        if (!signed_text)
            return 0;
        memcpy(signed_text, text, body);
        if (body > 0 && signed_text[body - 1] != '\n')
            signed_text[body++] = '\n';
        /* the loader checks the text with "\r\n" read as "\n": sign that */
        size_t n = 0;
        char *norm = malloc(body + 1);
        if (!norm) {
            free(signed_text);
            return 0;
        }
        for (size_t i = 0; i < body; i++)
            if (!(signed_text[i] == '\r' && i + 1 < body && signed_text[i + 1] == '\n'))
                norm[n++] = signed_text[i];
        uint64_t sum = save_checksum(norm, n);
        free(norm);
        body += (size_t)snprintf(signed_text + body, 40, "checksum %016" PRIx64 "\n", sum);
        text = signed_text;
        len = body;
    }
    SaveLoadOptions o = { NULL, EMESA_SOURCE_DIR "/tests/fixtures/saves/skirmish.lua", NULL, NULL };
    Session *s = NULL;
    SaveError e;
    SaveStatus st = save_load_buffer("fuzz.save", text, len, &o, &s, &e);
    char msg[sizeof e.msg + sizeof e.file + 64];
    if (st != SAVE_OK) {
        save_error_format(&e, msg, sizeof msg);
        no_raw_bytes(msg);
    }
    if (st == SAVE_OK) {
        size_t n = 0;
        char *again = save_format(s, &n);
        Session *s2 = NULL;
        if (again && save_load_buffer("again.save", again, n, &o, &s2, &e) != SAVE_OK) {
            save_error_format(&e, msg, sizeof msg);
            fprintf(stderr, "a loaded save does not load again after save_format: %s\n", msg);
            abort();
        }
        if (again && game_hash(session_game_const(s)) != game_hash(session_game_const(s2))) {
            fprintf(stderr, "a save's round trip changed the game\n");
            abort();
        }
        session_free(s2);
        free(again);
    }
    session_free(s);
    free(signed_text);
    return 0;
}
