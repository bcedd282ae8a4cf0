/* demo-save.h - a save of a computer-against-computer game, for the window
 * tests and the screenshots of the replay viewer (a header so both can use
 * it without a library of their own). */
#pragma once
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "ai/ai.h"
#include "data/save.h"
#include "data/session.h"

/* Plays scenario `scen` with `seed` at AI level 2 on both sides until turn
 * `turns` begins (or the game ends) and writes the save to path. The save
 * names the scenario as `ref` (relative to the data directory) if given.
 * The turn the game reached goes to *reached (if not NULL). */
static inline bool demo_save(const char *scen, const char *ref, uint64_t seed, int turns, const char *path, char *why,
                             size_t n, int *reached)
{
    Diags d;
    memset(&d, 0, sizeof d);
    Session *ss = session_new(scen, seed, &d);
    if (!ss) {
        snprintf(why, n, "%s does not load", scen);
        return false;
    }
    if (ref)
        session_set_ref(ss, ref);
    session_set_ai(ss, "all");
    AiPlayer *p[2] = { ai_new(0, 2, seed + 1), ai_new(1, 2, seed + 2) };
    for (int k = 0; k < 100000; k++) {
        const Game *g = session_game_const(ss);
        if (g->mode == MODE_OVER || g->turn >= turns)
            break;
        Command c;
        char w[256];
        if (!ai_next(p[g->active], g, &c) || !session_apply(ss, &c, w, sizeof w)) {
            Command f = cmd_end_part(g, g->active);
            if (!session_apply(ss, &f, w, sizeof w)) {
                snprintf(why, n, "the game stuck: %s", w);
                break;
            }
        }
    }
    ai_free(p[0]);
    ai_free(p[1]);
    if (reached)
        *reached = session_game_const(ss)->turn;
    SaveError err;
    bool ok = save_write(path, ss, &err);
    if (!ok)
        save_error_format(&err, why, n);
    session_free(ss);
    return ok;
}
