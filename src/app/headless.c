/* headless.c - the same engine with no window: AI or a command file plays,
 * every event is printed, and a summary ends the run. */
#include "headless.h"
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "ai/simple.h"
#include "data/scenario.h"

/* A game that needs more commands than this is stuck in a loop. */
enum { MAX_COMMANDS = 200000 };

static void print_diags(const Diags *d, FILE *err)
{
    char line[DIAG_TEXT + 320];
    for (int i = 0; i < d->n; i++) {
        diag_format(&d->items[i], line, sizeof line);
        fprintf(err, "%s\n", line);
    }
    if (d->dropped)
        fprintf(err, "(%d more problems not shown)\n", d->dropped);
}

static void flush_events(const Game *g, size_t *cursor, FILE *out, bool quiet)
{
    char line[EVENT_TEXT + 256];
    for (; *cursor < g->events.n; (*cursor)++) {
        if (quiet)
            continue;
        game_event_format(g, &g->events.items[*cursor], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
}

static void summary(const Game *g, bool finished, FILE *out)
{
    fprintf(out, "summary:\n");
    for (int s = 0; s < g->nsides; s++) {
        int sp = 0, units = 0, waiting = 0;
        for (int i = 0; i < g->nunits; i++) {
            const Unit *u = &g->units[i];
            if (u->side != s)
                continue;
            if (u->status == UNIT_ON_MAP) {
                sp += u->sp;
                units++;
            } else if (u->status == UNIT_OFF_MAP) {
                waiting++;
            }
        }
        fprintf(out, "  %s: %d units, %d SP on the map, %d SP lost, %d units destroyed, %d not arrived, morale %d\n",
                g->sides[s].id, units, sp, g->sides[s].sp_lost, g->sides[s].units_lost, waiting, g->sides[s].morale);
    }
    for (int p = 0; p < g->map.nplaces; p++) {
        const Place *pl = &g->map.places[p];
        fprintf(out, "  %s held by %s\n", pl->name, pl->owner >= 0 ? g->sides[pl->owner].id : "nobody");
    }
    char outcome[64];
    if (!finished)
        snprintf(outcome, sizeof outcome, "unfinished");
    else if (g->outcome.winner < 0)
        snprintf(outcome, sizeof outcome, "draw");
    else
        snprintf(outcome, sizeof outcome, "%s-%s", g->sides[g->outcome.winner].id, g->outcome.level);
    if (finished && g->outcome.text[0])
        fprintf(out, "  %s\n", g->outcome.text);
    fprintf(out, "result: %s turn %d hash %016" PRIx64 "\n", outcome, g->turn, game_hash(g));
}

/* Reads the next command line from a command file, skipping blanks and
 * comments; returns false at the end. */
static bool next_line(FILE *f, char *buf, size_t n, int *lineno)
{
    while (fgets(buf, (int)n, f)) {
        (*lineno)++;
        buf[strcspn(buf, "\r\n")] = '\0';
        char *p = buf;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0' || *p == '#')
            continue;
        memmove(buf, p, strlen(p) + 1);
        return true;
    }
    return false;
}

int headless_run(const HeadlessOptions *o, FILE *out, FILE *err)
{
    Diags diags = {0};
    Scenario *sc = scenario_load(o->scenario, o->seed, &diags);
    if (!sc) {
        print_diags(&diags, err);
        return 1;
    }
    Game *g = scenario_game(sc);
    bool ai_side[MAX_SIDES] = {false, false};
    if (o->ai) {
        if (strcmp(o->ai, "all") == 0) {
            ai_side[0] = ai_side[1] = true;
        } else {
            int s = game_side_by_id(g, o->ai);
            if (s < 0) {
                fprintf(err, "emesa: --ai %s: no side of that id in %s (sides: %s, %s, or all)\n", o->ai,
                        o->scenario, g->sides[0].id, g->sides[1].id);
                scenario_free(sc);
                return 2;
            }
            ai_side[s] = true;
        }
    }
    FILE *cmdf = NULL;
    if (o->commands) {
        cmdf = fopen(o->commands, "r");
        if (!cmdf) {
            fprintf(err, "emesa: cannot open command file %s\n", o->commands);
            scenario_free(sc);
            return 1;
        }
    } else if (!ai_side[0] || !ai_side[1]) {
        fprintf(err, "emesa: a headless game needs --ai all, or a --commands file for the sides the computer does not play\n");
        scenario_free(sc);
        return 2;
    }
    size_t cursor = 0;
    int status = 0, lineno = 0;
    flush_events(g, &cursor, out, o->quiet);
    for (int issued = 0; g->mode != MODE_OVER; issued++) {
        if (o->max_turns > 0 && g->turn > o->max_turns)
            break;
        Command c;
        char why[256];
        if (ai_side[g->active]) {
            if (issued >= MAX_COMMANDS) {
                /* Safety net: a player that never ends its turn. */
                c = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
            } else if (!ai_simple_next(g, &c)) {
                break;
            }
        } else {
            char line[512];
            if (!cmdf || !next_line(cmdf, line, sizeof line, &lineno)) {
                fprintf(err, "%s: the command file ended before the game did (turn %d, %s to act)\n",
                        o->commands ? o->commands : "commands", g->turn, g->sides[g->active].id);
                status = 1;
                break;
            }
            if (!cmd_parse(g, line, &c, why, sizeof why)) {
                fprintf(err, "%s:%d: %s\n", o->commands, lineno, why);
                status = 1;
                break;
            }
        }
        if (!scenario_apply(sc, &c, why, sizeof why)) {
            char text[128];
            cmd_format(g, &c, text, sizeof text);
            if (ai_side[g->active]) {
                fprintf(err, "emesa: the computer's command \"%s\" was refused: %s\n", text, why);
                c = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
                scenario_apply(sc, &c, why, sizeof why);
            } else {
                fprintf(err, "%s:%d: \"%s\" refused: %s\n", o->commands, lineno, text, why);
                status = 1;
                break;
            }
        }
        flush_events(g, &cursor, out, o->quiet);
    }
    flush_events(g, &cursor, out, o->quiet);
    summary(g, g->mode == MODE_OVER, out);
    if (cmdf)
        fclose(cmdf);
    scenario_free(sc);
    return status;
}

int headless_check(const char *const *paths, int n, FILE *out, FILE *err)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        Diags diags = {0};
        Scenario *sc = scenario_load(paths[i], 1, &diags);
        if (!sc) {
            print_diags(&diags, out);
            bad++;
            continue;
        }
        scenario_free(sc);
    }
    (void)err;
    return bad ? 1 : 0;
}
