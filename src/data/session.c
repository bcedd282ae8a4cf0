/* session.c - a game as (scenario, seed, commands), with undo and redo;
 * see session.h.
 *
 * Undo is a re-play from the start: the Lua state of a scenario's event
 * handlers cannot be copied, so a snapshot of the Game alone would not be
 * the same game. The scenario text is kept in memory, so an undo never
 * depends on the file on disk staying the same. */
#include "data/session.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


typedef struct Recorded {
    char text[SESSION_CMD_TEXT];
    int side;
    CmdType type;
    bool rolled;            /* drew from the rules RNG */
    int revealed;           /* an enemy unit it made visible to its side, or -1 */
} Recorded;

typedef struct RecList {
    Recorded *items;
    size_t n, cap;
} RecList;

struct Session {
    Scenario *sc;
    char *src;
    size_t len;
    char name[SESSION_PATH];
    char ref[SESSION_PATH];
    char ai[64];
    uint64_t seed;
    ScenarioOptions opts;   /* as the scenario took them: declaration order */
    unsigned generation;
    RecList cmds;
    RecList redo;
    SessionMark *marks;
    size_t nmarks, cap_marks;
};

static void say(char *why, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *why, size_t n, const char *fmt, ...)
{
    if (!why || !n)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, fmt, ap);
    va_end(ap);
}

static bool rec_push(RecList *l, const Recorded *r)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        Recorded *p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return false;
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = *r;
    return true;
}

static bool mark_push(Session *s, int turn, size_t after, uint64_t hash)
{
    if (s->nmarks == s->cap_marks) {
        size_t cap = s->cap_marks ? s->cap_marks * 2 : 32;
        SessionMark *p = realloc(s->marks, cap * sizeof *p);
        if (!p)
            return false;
        s->marks = p;
        s->cap_marks = cap;
    }
    s->marks[s->nmarks++] = (SessionMark){ turn, after, hash };
    return true;
}

Session *session_new_buffer(const char *name, const char *src, size_t len, uint64_t seed, Diags *diags)
{
    return session_new_buffer_opts(name, src, len, seed, NULL, diags);
}

Session *session_new_buffer_opts(const char *name, const char *src, size_t len, uint64_t seed,
                                 const ScenarioOptions *opts, Diags *diags)
{
    const char *file = name && *name ? name : "scenario";
    if (strlen(file) >= SESSION_PATH) {
        /* a save records the path: it must fit whole */
        diags_add(diags, file, 0, "", "the scenario's path is %zu bytes long; Emesa takes paths of up to %d bytes "
                  "(a save records it): move the scenario, or name it by a shorter path", strlen(file),
                  SESSION_PATH - 1);
        return NULL;
    }
    Session *s = calloc(1, sizeof *s);
    char *copy = malloc(len + 1);
    if (!s || !copy) {
        free(s);
        free(copy);
        diags_add(diags, file, 0, "", "out of memory");
        return NULL;
    }
    if (len)
        memcpy(copy, src, len);
    copy[len] = '\0';
    s->src = copy;
    s->len = len;
    s->seed = seed;
    snprintf(s->name, sizeof s->name, "%s", file);
    snprintf(s->ref, sizeof s->ref, "%s", file);
    s->sc = scenario_load_buffer_opts(file, s->src, s->len, seed, opts, NULL, diags);
    if (!s->sc) {
        session_free(s);
        return NULL;
    }
    s->opts = scenario_info(s->sc)->options;
    const Game *g = scenario_game_const(s->sc);
    if (!mark_push(s, g->turn, 0, game_hash(g))) {
        diags_add(diags, file, 0, "", "out of memory");
        session_free(s);
        return NULL;
    }
    return s;
}

Session *session_new(const char *path, uint64_t seed, Diags *diags)
{
    return session_new_as(path, path, seed, diags);
}

Session *session_new_as(const char *path, const char *name, uint64_t seed, Diags *diags)
{
    return session_new_opts(path, name, seed, NULL, diags);
}

Session *session_new_opts(const char *path, const char *name, uint64_t seed, const ScenarioOptions *opts,
                          Diags *diags)
{
    const char *file = name && *name ? name : path && *path ? path : "scenario";
    size_t n = 0;
    char *buf = scenario_read_file(path, file, &n, diags);
    if (!buf)
        return NULL;
    Session *s = session_new_buffer_opts(file, buf, n, seed, opts, diags);
    free(buf);
    return s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    scenario_free(s->sc);
    free(s->src);
    free(s->cmds.items);
    free(s->redo.items);
    free(s->marks);
    free(s);
}

Scenario *session_scenario(Session *s) { return s ? s->sc : NULL; }
Game *session_game(Session *s) { return s ? scenario_game(s->sc) : NULL; }
const Game *session_game_const(const Session *s) { return s ? scenario_game_const(s->sc) : NULL; }
uint64_t session_seed(const Session *s) { return s ? s->seed : 0; }
unsigned session_generation(const Session *s) { return s ? s->generation : 0; }
const ScenarioOptions *session_options(const Session *s) { return s ? &s->opts : NULL; }
const char *session_ref(const Session *s) { return s ? s->ref : ""; }
const char *session_ai(const Session *s) { return s ? s->ai : ""; }
size_t session_ncommands(const Session *s) { return s ? s->cmds.n : 0; }
size_t session_nmarks(const Session *s) { return s ? s->nmarks : 0; }

void session_set_ref(Session *s, const char *ref)
{
    if (s && ref)
        snprintf(s->ref, sizeof s->ref, "%s", ref);
}

void session_set_ai(Session *s, const char *ai)
{
    if (s)
        snprintf(s->ai, sizeof s->ai, "%s", ai ? ai : "");
}

const char *session_command(const Session *s, size_t i)
{
    return s && i < s->cmds.n ? s->cmds.items[i].text : NULL;
}

int session_command_side(const Session *s, size_t i)
{
    return s && i < s->cmds.n ? s->cmds.items[i].side : -1;
}

const SessionMark *session_mark(const Session *s, size_t i)
{
    return s && i < s->nmarks ? &s->marks[i] : NULL;
}

/* Applies c to sc and fills r with what undo needs to know about it. */
static bool apply_recorded(Scenario *sc, const Command *c, Recorded *r, char *why, size_t n)
{
    Game *g = scenario_game(sc);
    int side = c->side;
    bool seen[MAX_UNITS];
    for (int i = 0; i < g->nunits; i++)
        seen[i] = side >= 0 && side < g->nsides && g->units[i].side != side && game_unit_visible(g, i, side);
    Rng before = g->rng;
    char text[SESSION_CMD_TEXT];
    cmd_format(g, c, text, sizeof text);
    if (!scenario_apply(sc, c, why, n))
        return false;
    memset(r, 0, sizeof *r);
    snprintf(r->text, sizeof r->text, "%s", text);
    r->side = side;
    r->type = c->type;
    r->rolled = before.state != g->rng.state || before.inc != g->rng.inc;
    r->revealed = -1;
    for (int i = 0; i < g->nunits && r->revealed < 0; i++)
        if (side >= 0 && side < g->nsides && g->units[i].side != side && !seen[i] && game_unit_visible(g, i, side))
            r->revealed = i;
    return true;
}

/* Records r as the next command and marks a new turn's start. */
static bool record(Session *s, const Recorded *r, int turn_before)
{
    if (!rec_push(&s->cmds, r))
        return false;
    const Game *g = session_game_const(s);
    if (g->turn != turn_before && !mark_push(s, g->turn, s->cmds.n, game_hash(g))) {
        s->cmds.n--;
        return false;
    }
    return true;
}

static bool apply_and_record(Session *s, const Command *c, char *why, size_t n)
{
    Game *g = session_game(s);
    int turn = g->turn;
    Recorded r;
    if (!apply_recorded(s->sc, c, &r, why, n))
        return false;
    if (!record(s, &r, turn)) {
        /* The command is in the game but not in the record: a save would
         * not be this game any more. Out of memory is the only way here. */
        say(why, n, "out of memory while recording the command");
        return false;
    }
    return true;
}

bool session_apply(Session *s, const Command *c, char *why, size_t n)
{
    if (!s || !c) {
        say(why, n, "no game");
        return false;
    }
    if (!apply_and_record(s, c, why, n))
        return false;
    s->redo.n = 0;
    return true;
}

bool session_apply_text(Session *s, const char *text, char *why, size_t n)
{
    if (!s) {
        say(why, n, "no game");
        return false;
    }
    Command c;
    if (!cmd_parse(session_game(s), text, &c, why, n))
        return false;
    return session_apply(s, &c, why, n);
}

/* ---- undo and redo --------------------------------------------------------- */

bool session_can_undo(const Session *s, char *why, size_t n)
{
    if (!s || s->cmds.n == 0) {
        say(why, n, "nothing to undo");
        return false;
    }
    const Recorded *r = &s->cmds.items[s->cmds.n - 1];
    const Game *g = session_game_const(s);
    if (r->rolled) {
        say(why, n, "the dice were rolled");
        return false;
    }
    if (r->revealed >= 0) {
        say(why, n, "that move revealed an enemy unit (%s)", g->units[r->revealed].name);
        return false;
    }
    if (r->type == CMD_END_TURN || r->type == CMD_END_IMPULSE) {
        say(why, n, "the %s was handed over", r->type == CMD_END_TURN ? "turn" : "impulse");
        return false;
    }
    if (g->mode == MODE_OVER) {
        say(why, n, "the game is over");
        return false;
    }
    if (r->side != g->active) {
        say(why, n, "that was %s's command", r->side >= 0 && r->side < g->nsides ? g->sides[r->side].name : "the other side");
        return false;
    }
    return true;
}

/* A fresh Scenario with the first `count` recorded commands applied, or
 * NULL with the reason. */
static Scenario *replay_prefix(const Session *s, size_t count, char *why, size_t n)
{
    Diags diags;
    memset(&diags, 0, sizeof diags);
    Scenario *sc = scenario_load_buffer_opts(s->name, s->src, s->len, s->seed, &s->opts, NULL, &diags);
    if (!sc) {
        char line[DIAG_TEXT + 320] = "unknown problem";
        if (diags.n)
            diag_format(&diags.items[0], line, sizeof line);
        say(why, n, "the scenario did not load again: %s", line);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        Command c;
        char w[256];
        Game *g = scenario_game(sc);
        if (!cmd_parse(g, s->cmds.items[i].text, &c, w, sizeof w) || !scenario_apply(sc, &c, w, sizeof w)) {
            say(why, n, "re-playing command %zu (\"%s\") failed: %s", i + 1, s->cmds.items[i].text, w);
            scenario_free(sc);
            return NULL;
        }
    }
    return sc;
}

bool session_undo(Session *s, char *why, size_t n)
{
    if (!session_can_undo(s, why, n))
        return false;
    Scenario *sc = replay_prefix(s, s->cmds.n - 1, why, n);
    if (!sc)
        return false;
    if (!rec_push(&s->redo, &s->cmds.items[s->cmds.n - 1])) {
        scenario_free(sc);
        say(why, n, "out of memory");
        return false;
    }
    scenario_free(s->sc);
    s->sc = sc;
    s->cmds.n--;
    while (s->nmarks > 1 && s->marks[s->nmarks - 1].after > s->cmds.n)
        s->nmarks--;
    s->generation++;
    return true;
}

bool session_can_redo(const Session *s, char *why, size_t n)
{
    if (!s || s->redo.n == 0) {
        say(why, n, "nothing to redo");
        return false;
    }
    return true;
}

bool session_redo(Session *s, char *why, size_t n)
{
    if (!session_can_redo(s, why, n))
        return false;
    const Recorded *r = &s->redo.items[s->redo.n - 1];
    Command c;
    Game *g = session_game(s);
    if (!cmd_parse(g, r->text, &c, why, n) || !apply_and_record(s, &c, why, n)) {
        s->redo.n = 0;
        return false;
    }
    s->redo.n--;
    return true;
}

/* ---- hot reload ------------------------------------------------------------ */

const char *session_name(const Session *s) { return s ? s->name : ""; }

/* A session holding only what a re-play builds: the new scenario, the
 * commands it took and its turn marks. */
static void scratch_free(Session *t)
{
    scenario_free(t->sc);
    free(t->cmds.items);
    free(t->marks);
}

bool session_reload_buffer(Session *s, const char *src, size_t len, Diags *diags, SessionReload *out)
{
    SessionReload local;
    if (!out)
        out = &local;
    memset(out, 0, sizeof *out);
    out->turn = out->side = -1;
    if (!s || (!src && len)) {
        diags_add(diags, s ? s->name : "scenario", 0, "", "no game to reload");
        return false;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        diags_add(diags, s->name, 0, "", "out of memory");
        return false;
    }
    if (len)
        memcpy(copy, src, len);
    copy[len] = '\0';
    Session t;
    memset(&t, 0, sizeof t);
    t.sc = scenario_load_buffer_opts(s->name, copy, len, s->seed, &s->opts, NULL, diags);
    if (!t.sc) {
        free(copy);
        return false;
    }
    const Game *g0 = scenario_game_const(t.sc);
    bool ok = mark_push(&t, g0->turn, 0, game_hash(g0));
    for (size_t i = 0; ok && i < s->cmds.n; i++) {
        Game *g = scenario_game(t.sc);
        int turn = g->turn;
        Command c;
        Recorded r;
        char why[256] = "";
        if (!cmd_parse(g, s->cmds.items[i].text, &c, why, sizeof why) ||
            !apply_recorded(t.sc, &c, &r, why, sizeof why)) {
            out->refused = i;
            out->dropped = s->cmds.n - i;
            out->turn = turn;
            out->side = s->cmds.items[i].side;
            snprintf(out->command, sizeof out->command, "%s", s->cmds.items[i].text);
            snprintf(out->why, sizeof out->why, "%s", why[0] ? why : "refused");
            break;
        }
        ok = record(&t, &r, turn);
    }
    if (!ok) {
        scratch_free(&t);
        free(copy);
        diags_add(diags, s->name, 0, "", "out of memory while re-playing the game");
        return false;
    }
    out->replayed = t.cmds.n;
    if (!out->dropped)
        out->refused = t.cmds.n;
    out->handler_errors = scenario_handler_errors(t.sc);
    /* Nothing failed: the new game takes the old one's place. */
    scenario_free(s->sc);
    free(s->src);
    free(s->cmds.items);
    free(s->marks);
    s->sc = t.sc;
    s->src = copy;
    s->len = len;
    s->cmds = t.cmds;
    s->marks = t.marks;
    s->nmarks = t.nmarks;
    s->cap_marks = t.cap_marks;
    s->redo.n = 0;
    s->opts = scenario_info(s->sc)->options;
    s->generation++;
    return true;
}

bool session_reload(Session *s, const char *path, Diags *diags, SessionReload *out)
{
    if (out) {
        memset(out, 0, sizeof *out);
        out->turn = out->side = -1;
    }
    if (!s) {
        diags_add(diags, path ? path : "scenario", 0, "", "no game to reload");
        return false;
    }
    size_t n = 0;
    char *buf = scenario_read_file(path, s->name, &n, diags);
    if (!buf)
        return false;
    bool ok = session_reload_buffer(s, buf, n, diags, out);
    free(buf);
    return ok;
}
