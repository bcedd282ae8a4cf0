/* save_internal.h - what save.c (writing, autosaves) and save_read.c
 * (reading, replaying) share. Private to src/data. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "data/save.h"


enum {
    SAVE_MAX_BYTES = 64 << 20,      /* a save of 64 MiB would be a million-command game */
    SAVE_MAX_SCENARIO = 4 << 20,
    SAVE_PATH_MAX = 4096,           /* PATH_MAX on Linux */
};

#define SAVE_MAGIC "emesa-save"
#define AUTOSAVE_PREFIX "autosave-"
#define AUTOSAVE_SUFFIX ".emesa-save"
/* Fills *e (if any) with the status, the file (shortened), line, turn and
 * message. */
void save_fail(SaveError *e, SaveStatus st, const char *file, int line, int turn, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* A decimal number of at most max, digits only (no sign, no spaces). */
bool save_parse_uint(const char *s, uint64_t max, uint64_t *out);
