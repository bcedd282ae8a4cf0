/* whatif.h - what-if switches: the whatif { } declaration and option().
 *
 * A scenario file declares its switches with
 *     whatif { id = "no-feint", label = "No feint", text = "one line" }
 * and asks, while it loads, whether one is on with option("no-feint")
 * (also emesa.option), so the file itself says what the switch changes:
 *     traits = option("no-feint") and { "sword" } or { "sword", "feint" }
 * The switches that are on are given before the file runs (the command
 * line's --option, a save's option lines). A switch declared twice, a bad
 * key, or option() for an id not declared above the call is a Lua error,
 * so the loader reports it with the file and line. Unlike the other
 * declarations, whatif { } takes effect at once: option() needs it. */
#pragma once
#include <stdbool.h>

#include "core/map.h"
#include "script/sandbox.h"

enum { WHATIF_MAX = 16, WHATIF_LABEL = 64, WHATIF_TEXT = 256 };

typedef struct WhatIf {
    char id[ID_LEN];
    char label[WHATIF_LABEL];
    char text[WHATIF_TEXT];
    int line;
} WhatIf;

/* Installs whatif and option (and emesa.option, so call after
 * api_install) in the sandbox; on[0..non) are the ids switched on. */
void whatif_install(Sandbox *sb, const char *const *on, int non);
/* The switches the file declared, in file order, up to max; returns how
 * many there are. */
int whatif_declared(Sandbox *sb, WhatIf *out, int max);
