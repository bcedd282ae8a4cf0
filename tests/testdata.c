/* testdata.c - fixtures of the tests that load scenario text; see
 * testdata.h. */
#include "testdata.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/command.h"
#include "testutil.h"

Diags td_ds;
char td_text[8192];

Scenario *td_load(const char *base, const char *extra, const ScenarioLimits *lim)
{
    snprintf(td_text, sizeof td_text, "%s%s", base, extra);
    memset(&td_ds, 0, sizeof td_ds);
    return scenario_load_buffer_ex("t.lua", td_text, strlen(td_text), 7, lim, &td_ds);
}

Scenario *td_load_text(const char *src)
{
    memset(&td_ds, 0, sizeof td_ds);
    return scenario_load_buffer("t.lua", src, strlen(src), 7, &td_ds);
}

char *td_path_of(const char *rel)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%s/%s", tu_src_dir(), rel);
    return buf;
}

const Diag *td_find_diag(const char *what)
{
    for (int i = 0; i < td_ds.n; i++) {
        char buf[700];
        diag_format(&td_ds.items[i], buf, sizeof buf);
        if (strstr(buf, what))
            return &td_ds.items[i];
    }
    return NULL;
}

void td_dump_diags(void)
{
    for (int i = 0; i < td_ds.n; i++) {
        char buf[700];
        diag_format(&td_ds.items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
}

void td_end_turns(Scenario *s, int n)
{
    Game *g = scenario_game(s);
    char why[160];
    for (int i = 0; i < 2 * n && g->mode != MODE_OVER; i++) {
        Command c = cmd_end_turn(g->active);
        ck_assert_msg(scenario_apply(s, &c, why, sizeof why), "%s", why);
    }
}
