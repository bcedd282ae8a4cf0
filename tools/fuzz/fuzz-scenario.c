/* fuzz-scenario.c - libFuzzer target for the scenario loader.
 *
 * Feeds arbitrary bytes to scenario_load_buffer_ex with small limits (so
 * an endless loop costs milliseconds, not seconds) and, when a scenario
 * loads, plays a few turns so the event handlers run too. Built only with
 * -Dfuzz=true and clang; see tools/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>

#include "core/command.h"
#include "data/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Diags ds;
    ds.n = ds.dropped = 0;
    ScenarioLimits lim = { 16u << 20, 200000, 20000 };
    Scenario *s = scenario_load_buffer_ex("fuzz.lua", (const char *)data, size, 1, &lim, &ds);
    for (int i = 0; i < ds.n; i++) {
        char buf[700];
        diag_format(&ds.items[i], buf, sizeof buf);
    }
    if (s) {
        Game *g = scenario_game(s);
        char why[160];
        for (int i = 0; i < 6 && g->mode != MODE_OVER; i++) {
            Command c = cmd_end_turn(g->active);
            if (!scenario_apply(s, &c, why, sizeof why))
                break;
        }
        scenario_free(s);
    }
    return 0;
}
