/* headless.c - the same engine with no window: AI or a command file plays,
 * every event is printed, and a summary ends the run. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "headless.h"
#include "i18n.h"
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "ai/ai.h"
#include "ai/simple.h"
#include "core/siege.h"
#include "data/save.h"
#include "data/chronicle.h"
#include "data/file.h"
#include "data/scenario.h"
#include "data/session.h"

/* A game that needs more commands than this is stuck in a loop. */
enum { MAX_COMMANDS = 200000 };

static void print_diags(const Diags *d, FILE *err)
{
    char line[DIAG_TEXT + 320];
    for (int i = 0; i < d->n; i++) {
        diag_format(&d->items[i], line, sizeof line);
        text_say(err, "%s", line);
    }
    if (d->dropped)
        fprintf(err, _("(%d more problems not shown)\n"), d->dropped);
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

/* The log line a failed handler leaves (scenario.c): "scenario error: " and
 * then "file:line: message". */
static const char SCRIPT_ERROR[] = "scenario error: ";

/* Keeps a problem once, counting repeats; true when it is new. */
static bool add_problem(HeadlessProblems *p, int kind, int line, const char *msg, int turn)
{
    p->total++;
    for (int i = 0; i < p->n; i++)
        if (p->items[i].kind == kind && p->items[i].line == line && strcmp(p->items[i].msg, msg) == 0) {
            p->items[i].count++;
            return false;
        }
    if (p->n < HEADLESS_MAX_PROBLEMS) {
        HeadlessProblem *it = &p->items[p->n++];
        *it = (HeadlessProblem){.kind = kind, .line = line, .count = 1, .turn = turn};
        snprintf(it->msg, sizeof it->msg, "%s", msg);
    }
    return true;
}

/* Takes the handlers' errors logged since *cursor, printing each new one
 * to err as "file:line: message"; returns how many there were. */
static int note_script_errors(const Game *g, const char *file, size_t *cursor, HeadlessProblems *p, FILE *err)
{
    int n = 0;
    size_t fl = strlen(file);
    for (; *cursor < g->events.n; (*cursor)++) {
        const Event *e = &g->events.items[*cursor];
        if (e->type != EV_MESSAGE || strncmp(e->text, SCRIPT_ERROR, sizeof SCRIPT_ERROR - 1) != 0)
            continue;
        const char *t = e->text + sizeof SCRIPT_ERROR - 1, *msg = t;
        int line = 0;
        if (strncmp(t, file, fl) == 0 && t[fl] == ':') {
            char *end;
            long l = strtol(t + fl + 1, &end, 10);
            if (end > t + fl + 1 && *end == ':') {
                line = (int)l;
                msg = end + 1;
            } else {
                msg = t + fl + 1;
            }
            while (*msg == ' ')
                msg++;
        }
        n++;
        if (add_problem(p, PROBLEM_SCRIPT, line, msg, e->turn) && err)
            fprintf(err, "%s\n", t);
    }
    return n;
}

static void outcome_name(const Game *g, bool finished, char *out, size_t n)
{
    if (!finished)
        snprintf(out, n, "unfinished");
    else if (g->outcome.winner < 0)
        snprintf(out, n, "draw");
    else
        snprintf(out, n, "%s-%s", g->sides[g->outcome.winner].id, g->outcome.level);
}

/* A contingent's home (or second home) that is no longer held by the side
 * that held it at the start; each place counted once. */
static int homes_taken(const Siege *s)
{
    bool seen[THEATRE_MAX_PLACES] = {false};
    int n = 0;
    for (int k = 0; k < s->ncontingents; k++) {
        const Contingent *c = &s->contingents[k];
        int homes[2] = {c->home, c->has_also_home ? c->also_home : -1};
        for (int i = 0; i < 2; i++) {
            int p = homes[i];
            if (p < 0 || p >= s->nplaces || seen[p])
                continue;
            seen[p] = true;
            if (s->places[p].owner != s->places[p].start_owner)
                n++;
        }
    }
    return n;
}

/* The turn of the event among those from index `from` on that tells of
 * `name` (a column or contingent): the state changes at the end of a turn,
 * after which the game's turn is already the next one. */
static int event_turn(const Game *g, size_t from, const char *name)
{
    for (size_t i = from; i < g->events.n; i++) {
        const Event *e = &g->events.items[i];
        if ((e->type == EV_THEATRE || e->type == EV_ARRIVAL_NEWS || e->type == EV_COUNTER_SIEGE ||
             e->type == EV_DISPERSAL) && strstr(e->text, name))
            return e->turn;
    }
    return g->turn;
}

/* Notes the turn columns set out and arrive and contingents leave, as it
 * happens: called after every command (whose events start at index from)
 * with the result being filled. */
static void track_turns(const Game *g, size_t from, HeadlessResult *r)
{
    const Siege *s = &g->siege;
    for (int c = 0; c < s->ncolumns && c < MAX_COLUMNS; c++) {
        const Column *col = &s->columns[c];
        if (!r->column_out[c] && col->state != COL_WAITING)
            r->column_out[c] = event_turn(g, from, col->name);
        if (!r->column_arrived[c] &&
            (col->state == COL_BESIEGING || (col->state == COL_DONE && !col->by_via && col->at == col->dest)))
            r->column_arrived[c] = event_turn(g, from, col->name);
    }
    for (int k = 0; k < s->ncontingents && k < MAX_CONTINGENTS; k++)
        if (!r->contingent_left[k] && s->contingents[k].departed)
            r->contingent_left[k] = event_turn(g, from, s->contingents[k].name);
}

static void fill_result(const Game *g, bool finished, HeadlessResult *r)
{
    HeadlessResult turns = *r; /* what track_turns noted */
    memset(r, 0, sizeof *r);
    const Siege *sg = &g->siege;
    r->ncolumns = sg->ncolumns < MAX_COLUMNS ? sg->ncolumns : MAX_COLUMNS;
    r->ncontingents = sg->ncontingents < MAX_CONTINGENTS ? sg->ncontingents : MAX_CONTINGENTS;
    for (int c = 0; c < r->ncolumns; c++) {
        snprintf(r->column_id[c], sizeof r->column_id[c], "%s", sg->columns[c].id);
        r->column_out[c] = turns.column_out[c];
        r->column_arrived[c] = turns.column_arrived[c];
    }
    for (int k = 0; k < r->ncontingents; k++) {
        snprintf(r->contingent_id[k], sizeof r->contingent_id[k], "%s", sg->contingents[k].id);
        r->contingent_left[k] = turns.contingent_left[k];
    }
    outcome_name(g, finished, r->outcome, sizeof r->outcome);
    r->winner = finished ? g->outcome.winner : -1;
    r->turn = g->turn;
    r->hash = game_hash(g);
    for (int s = 0; s < g->nsides && s < 2; s++) {
        snprintf(r->side_id[s], sizeof r->side_id[s], "%s", g->sides[s].id);
        r->morale[s] = g->sides[s].morale;
        r->sp_lost[s] = g->sides[s].sp_lost;
        r->food_days[s] = siege_food_days(g, s);
    }
    r->departures = g->siege.departures;
    r->homes_taken = homes_taken(&g->siege);
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
    int errors = 0;
    for (size_t i = 0; i < g->events.n; i++)
        errors += g->events.items[i].type == EV_MESSAGE &&
                  strncmp(g->events.items[i].text, SCRIPT_ERROR, sizeof SCRIPT_ERROR - 1) == 0;
    if (errors)
        fprintf(out, "  scenario errors: %d in the event handlers\n", errors);
    char outcome[64];
    outcome_name(g, finished, outcome, sizeof outcome);
    if (finished && g->outcome.text[0])
        fprintf(out, "  %s\n", g->outcome.text);
    fprintf(out, "result: %s turn %d hash %016" PRIx64 "\n", outcome, g->turn, game_hash(g));
}

/* The chronicle: at the start of each of its siege phases a computer side
 * takes the scenario's recorded orders for that turn (data/chronicle.h);
 * plan words set its posture and gate until the side's next plan word
 * (commands leave it as it is): the AI's, or *simple for the simple
 * player; rations the chronicle orders are kept as ordered. */
static void follow_chronicle(Session *ss, AiPlayer *ai, AiPosture *simple, HeadlessProblems *probs, FILE *out)
{
    ChronicleStep steps[16];
    int n = chronicle_follow(ss, steps, 16);
    const Game *g = scenario_game(session_scenario(ss));
    for (int i = 0; i < n && i < 16; i++) {
        AiPosture posture = steps[i].plan == CHRONICLE_HOLD     ? AI_POSTURE_HOLD
                            : steps[i].plan == CHRONICLE_SORTIE ? AI_POSTURE_SORTIE
                            : steps[i].plan == CHRONICLE_FEINT  ? AI_POSTURE_FEINT
                                                                : AI_POSTURE_ATTACK;
        if (ai && steps[i].plan != CHRONICLE_COMMAND)
            ai_set_plan(ai, posture, steps[i].gate);
        else if (steps[i].plan != CHRONICLE_COMMAND)
            *simple = posture == AI_POSTURE_SORTIE || posture == AI_POSTURE_FEINT ? AI_POSTURE_HOLD : posture;
        if (ai && steps[i].rations >= 0)
            ai_keep_rations(ai, steps[i].rations);
        if (steps[i].plan == CHRONICLE_COMMAND && !steps[i].given && steps[i].rations < 0) {
            const ScenarioChronicle *ch = steps[i].entry;
            char msg[320];
            snprintf(msg, sizeof msg, "chronicle (%s, turn %d): '%s' could not be given: %s", g->sides[ch->side].id,
                     ch->turn, ch->order, steps[i].why);
            add_problem(probs, PROBLEM_CHRONICLE, ch->line, msg, ch->turn);
        }
        if (out) {
            char line[900];
            chronicle_format(g, &steps[i], line, sizeof line);
            fprintf(out, "%s\n", line);
        }
    }
}

/* How a save names the scenario: relative to the data directory when the
 * file is inside it (so the save works on another machine), else the
 * absolute path. */
static void scenario_ref(const char *scenario, const char *data_dir, char *out, size_t n)
{
    char file[PATH_MAX], dir[PATH_MAX];
    const char *ref = scenario;
    size_t dl;
    if (realpath(scenario, file)) {
        ref = file;
        if (data_dir && realpath(data_dir, dir) && (dl = strlen(dir)) > 1 && strncmp(file, dir, dl) == 0 &&
            file[dl] == '/')
            ref = file + dl + 1;
    }
    if (strlen(ref) >= n)
        ref = scenario;     /* too long to record: the path as given */
    snprintf(out, n, "%.*s", (int)(n - 1), ref);
}

static void print_save_error(const SaveError *e, FILE *err)
{
    char line[sizeof e->msg + sizeof e->file + 64];
    save_error_format(e, line, sizeof line);
    text_say(err, "%s", line);
    if (e->status == SAVE_DIVERGED)
        fprintf(err, _("emesa: the replay diverged from the save at turn %d\n"), e->turn);
}

static int save_exit_status(SaveStatus st)
{
    return st == SAVE_OK ? 0 : st == SAVE_DIVERGED ? HEADLESS_EXIT_DIVERGED : 1;
}

typedef struct ReplayPrint {
    FILE *out;
    bool quiet;
    size_t cursor;
} ReplayPrint;

/* Prints the events of each re-played command as it happens: an event
 * line describes the state right after its command ("now 3 SP"). */
static void replay_step(void *ud, Session *ss)
{
    ReplayPrint *p = ud;
    flush_events(session_game(ss), &p->cursor, p->out, p->quiet);
}

static SaveStatus load_save(const char *path, const HeadlessOptions *o, Session **ss, ReplayPrint *print,
                            FILE *err)
{
    SaveLoadOptions lo = {o->data_dir, o->scenario_given ? o->scenario : NULL, print ? replay_step : NULL, print};
    SaveError e;
    SaveStatus st = save_load(path, &lo, ss, &e);
    if (st != SAVE_OK)
        print_save_error(&e, err);
    return st;
}

static int write_save(const char *path, const Session *ss, FILE *err)
{
    SaveError e;
    if (save_write(path, ss, &e))
        return 0;
    char line[sizeof e.msg + sizeof e.file + 64];
    save_error_format(&e, line, sizeof line);
    text_say(err, "emesa: %s", line);
    return 1;
}

uint64_t headless_ai_seed(uint64_t game_seed, int side)
{
    return game_seed * 2654435761u + (uint64_t)side;
}

int headless_run(const HeadlessOptions *o, FILE *out, FILE *err)
{
    Session *ss = NULL;
    if (o->resume && o->options.n) {
        fprintf(err, _("emesa: --option cannot be used with --continue: the save records the what-if switches its "
                     "game was built with\n"));
        return 2;
    }
    if (o->resume) {
        SaveStatus st = load_save(o->resume, o, &ss, NULL, err);
        if (st != SAVE_OK) {
            session_free(ss);
            return save_exit_status(st);
        }
    } else {
        /* The file is named as its save will name it, so that a replay
         * prints the same event text. */
        Diags diags = {0};
        char ref[PATH_MAX + 1];     /* whole: the session refuses one too long to save */
        scenario_ref(o->scenario, o->data_dir, ref, sizeof ref);
        ss = session_new_opts(o->scenario, ref, o->seed, &o->options, &diags);
        if (!ss) {
            print_diags(&diags, err);
            return 1;
        }
    }
    if (o->ai)
        session_set_ai(ss, o->ai);
    Scenario *sc = session_scenario(ss);
    Game *g = scenario_game(sc);
    bool ai_side[MAX_SIDES] = {false, false};
    if (o->ai) {
        if (strcmp(o->ai, "all") == 0) {
            ai_side[0] = ai_side[1] = true;
        } else {
            int s = game_side_by_id(g, o->ai);
            if (s < 0) {
                text_say(err, _("emesa: --ai %s: no side of that id in %s (sides: %s, %s, or all)"), o->ai,
                        scenario_info(sc)->file, g->sides[0].id, g->sides[1].id);
                session_free(ss);
                return 2;
            }
            ai_side[s] = true;
        }
    }
    CmdFile cmdf = {0};
    if (o->commands) {
        char why[FILE_WHY];
        if (!cmdfile_open(&cmdf, o->commands, why, sizeof why)) {
            text_say(err, _("emesa: cannot open the command file %s: %s"), o->commands, why);
            session_free(ss);
            return 1;
        }
    } else if (!ai_side[0] || !ai_side[1]) {
        fprintf(err, _("emesa: a headless game needs --ai all, or a --commands file for the sides the computer "
                       "does not play\n"));
        session_free(ss);
        return 2;
    }
    AiPlayer *ai[MAX_SIDES] = {NULL, NULL};
    for (int s = 0; s < g->nsides && s < MAX_SIDES; s++) {
        if (ai_side[s] && o->ai_level > 0 && !(ai[s] = ai_new(s, o->ai_level, headless_ai_seed(o->seed, s)))) {
            fprintf(err, _("emesa: out of memory\n"));
            cmdfile_close(&cmdf);
            session_free(ss);
            return 1;
        }
    }
    int chronicled_turn = -1, chronicled_side = -1;
    AiPosture simple_posture[MAX_SIDES] = {AI_POSTURE_FREE, AI_POSTURE_FREE};
    /* a resumed game prints only what happens from here on */
    size_t cursor = o->resume ? g->events.n : 0, err_cursor = cursor;
    int status = 0, lineno = 0;
    HeadlessProblems own = {0}, *probs = o->problems ? o->problems : &own;
    char file[sizeof scenario_info(sc)->file];
    snprintf(file, sizeof file, "%s", scenario_info(sc)->file);
    if (o->result) {
        memset(o->result, 0, sizeof *o->result);
        track_turns(g, 0, o->result);
    }
    flush_events(g, &cursor, out, o->quiet);
    /* the handlers of the game's start have run already */
    if (note_script_errors(g, file, &err_cursor, probs, err) && o->strict) {
        fprintf(err, "emesa: --strict: the game stops at the scenario's first error (turn %d)\n", g->turn);
        status = 1;
    }
    for (int issued = 0; status == 0 && g->mode != MODE_OVER; issued++) {
        if (o->max_turns > 0 && g->turn > o->max_turns)
            break;
        Command c;
        char why[256];
        if (o->chronicle && ai_side[g->active] && g->mode == MODE_SIEGE &&
            (g->turn != chronicled_turn || g->active != chronicled_side)) {
            chronicled_turn = g->turn;
            chronicled_side = g->active;
            flush_events(g, &cursor, out, o->quiet);
            follow_chronicle(ss, ai[g->active], &simple_posture[g->active], probs, o->quiet ? NULL : out);
            g = scenario_game(session_scenario(ss));
            if (g->mode == MODE_OVER)
                break;
        }
        if (ai_side[g->active]) {
            if (issued >= MAX_COMMANDS) {
                /* Safety net: a player that never ends its turn. */
                c = cmd_end_part(g, g->active);
            } else if (ai[g->active] ? !ai_next(ai[g->active], g, &c)
                                     : !ai_simple_plan_next(g, simple_posture[g->active], &c)) {
                break;
            }
        } else {
            const char *line = NULL;
            int got = o->commands ? cmdfile_next(&cmdf, &line, &lineno, why, sizeof why) : 0;
            if (got < 0) {
                text_say(err, "%s:%d: %s", o->commands, lineno, why);
                status = 1;
                break;
            }
            if (!got) {
                if (o->save) {
                    /* play by e-mail: the orders for this turn are given;
                     * the save goes to the other player */
                    text_say(err, _("%s: the command file ended (turn %d, %s to act); the game so far is saved in %s"),
                            o->commands ? o->commands : "commands", g->turn, g->sides[g->active].id, o->save);
                    break;
                }
                text_say(err, _("%s: the command file ended before the game did (turn %d, %s to act)"),
                        o->commands ? o->commands : "commands", g->turn, g->sides[g->active].id);
                status = 1;
                break;
            }
            if (!cmd_parse(g, line, &c, why, sizeof why)) {
                text_say(err, "%s:%d: %s", o->commands, lineno, why);
                status = 1;
                break;
            }
        }
        size_t before = g->events.n;
        if (!session_apply(ss, &c, why, sizeof why)) {
            char text[128];
            cmd_format(g, &c, text, sizeof text);
            if (ai_side[g->active]) {
                text_say(err, _("emesa: the computer's command \"%s\" was refused: %s"), text, why);
                c = cmd_end_part(g, g->active);
                session_apply(ss, &c, why, sizeof why);
            } else {
                text_say(err, _("%s:%d: \"%s\" refused: %s"), o->commands, lineno, text, why);
                status = 1;
                break;
            }
        }
        flush_events(g, &cursor, out, o->quiet);
        if (note_script_errors(g, file, &err_cursor, probs, err) && o->strict) {
            fprintf(err, "emesa: --strict: the game stops at the scenario's first error (turn %d)\n", g->turn);
            status = 1;
            break;
        }
        if (o->result)
            track_turns(g, before < g->events.n ? before : 0, o->result);
    }
    flush_events(g, &cursor, out, o->quiet);
    if (note_script_errors(g, file, &err_cursor, probs, err) && o->strict && status == 0) {
        fprintf(err, "emesa: --strict: the game stops at the scenario's first error (turn %d)\n", g->turn);
        status = 1;
    }
    summary(g, g->mode == MODE_OVER, out);
    if (o->result)
        fill_result(g, g->mode == MODE_OVER, o->result);
    ai_free(ai[0]);
    ai_free(ai[1]);
    cmdfile_close(&cmdf);
    if (o->save && write_save(o->save, ss, err) && status == 0)
        status = 1;
    session_free(ss);
    return status;
}

int headless_replay(const char *path, const HeadlessOptions *o, FILE *out, FILE *err)
{
    Session *ss = NULL;
    if (o->options.n) {
        fprintf(err, _("emesa: --option cannot be used with --replay: the save records the what-if switches its "
                     "game was built with\n"));
        return 2;
    }
    ReplayPrint print = {out, o->quiet, 0};
    SaveStatus st = load_save(path, o, &ss, &print, err);
    if (ss && st == SAVE_OK) {
        const Game *g = session_game(ss);
        flush_events(g, &print.cursor, out, o->quiet);
        summary(g, g->mode == MODE_OVER, out);
    }
    int status = save_exit_status(st);
    if (st == SAVE_OK && o->save && write_save(o->save, ss, err))
        status = 1;
    session_free(ss);
    return status;
}

int headless_check(const char *const *paths, int n, const ScenarioOptions *opts, FILE *out, FILE *err)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        Diags diags = {0};
        Scenario *sc = scenario_load_opts(paths[i], 1, opts, &diags);
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

int headless_list_options(const char *path, FILE *out, FILE *err)
{
    Diags diags = {0};
    Scenario *sc = scenario_load(path, 1, &diags);
    if (!sc) {
        print_diags(&diags, err);
        return 1;
    }
    const ScenarioInfo *in = scenario_info(sc);
    for (int i = 0; i < in->nwhatifs; i++)
        fprintf(out, "%s\t%s\t%s\n", in->whatifs[i].id, in->whatifs[i].label, in->whatifs[i].text);
    scenario_free(sc);
    return 0;
}

int headless_check_options(const char *path, const ScenarioOptions *opts, FILE *err)
{
    Diags diags = {0};
    Scenario *sc = scenario_load_opts(path, 1, opts, &diags);
    if (!sc) {
        print_diags(&diags, err);
        return 1;
    }
    scenario_free(sc);
    return 0;
}
