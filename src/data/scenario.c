/* scenario.c - loading a scenario file into a game, and running its event
 * handlers as the game goes on; see scenario.h.
 *
 * Loading: read the bytes (never more than SCEN_MAX_BYTES), run them in a
 * fresh sandbox with the declaration API installed, check the declarations
 * and build the Game (build.c), start it, and run the handlers for the
 * events game_start emitted. Any problem is a Diag; nothing here exits,
 * aborts or writes a file. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "core/effect.h"
#include "data/build.h"
#include "data/scenario.h"
#include "data/file.h"
#include "script/api.h"
#include "script/sandbox.h"
#include "script/whatif.h"

enum {
    SCEN_MAX_BYTES = 4 << 20,   /* a scenario file is text; 4 MiB is plenty */
    DISPATCH_MAX_GENERATIONS = 8,   /* events caused by events caused by ... */
    DISPATCH_MAX_EVENTS = 20000,    /* events handled per dispatch */
};

struct Scenario {
    Game *g;
    Sandbox *sb;
    ScenarioInfo info;
    uint64_t hash;
    size_t cursor;          /* events before this have been dispatched */
    long handler_budget;
    int handler_errors;
};

static uint64_t fnv1a64(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* snprintf that may cut the text short on purpose (log lines are short) */
static void textf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void textf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

/* ---- handlers ------------------------------------------------------------- */

static void handler_error(void *ud, const char *event_name, int handler_line, const SandboxError *err)
{
    Scenario *s = ud;
    s->handler_errors++;
    char text[EVENT_TEXT];
    int line = err->line ? err->line : handler_line;
    if (err->status == SANDBOX_ERR_BUDGET)
        textf(text, sizeof text, "scenario error: %s:%d: the '%s' handler ran too long (more than %ld instructions)",
                 s->info.file, line, event_name, s->handler_budget);
    else if (err->status == SANDBOX_ERR_MEMORY)
        textf(text, sizeof text, "scenario error: %s:%d: the '%s' handler ran out of memory", s->info.file, line,
                 event_name);
    else
        textf(text, sizeof text, "scenario error: %s:%d: %s", s->info.file, line, err->msg);
    effect_message(s->g, -1, text);
}

int scenario_dispatch(Scenario *s)
{
    if (!s)
        return 0;
    Game *g = s->g;
    int before = s->handler_errors;
    size_t begin = s->cursor, handled = 0;
    for (int gen = 0; begin < g->events.n; gen++) {
        size_t end = g->events.n;
        if (gen >= DISPATCH_MAX_GENERATIONS || handled + (end - begin) > DISPATCH_MAX_EVENTS) {
            char text[EVENT_TEXT];
            textf(text, sizeof text, "scenario error: %s: event handlers keep causing events; %zu events "
                     "were not passed to handlers", s->info.file, end - begin);
            s->handler_errors++;
            effect_message(g, -1, text);
            break;
        }
        for (size_t i = begin; i < end; i++) {
            Event e = g->events.items[i];   /* a copy: handlers may grow the log */
            api_dispatch(s->sb, &e, s->handler_budget, handler_error, s);
        }
        handled += end - begin;
        begin = end;
    }
    s->cursor = g->events.n;
    return s->handler_errors - before;
}

int scenario_handler_errors(const Scenario *s) { return s ? s->handler_errors : 0; }

bool scenario_apply(Scenario *s, const Command *c, char *why, size_t n)
{
    if (!cmd_apply(s->g, c, why, n))
        return false;
    scenario_dispatch(s);
    return true;
}

/* ---- loading --------------------------------------------------------------------- */

static int build_cfn(lua_State *L)
{
    Build *b = lua_touserdata(L, 1);
    lua_pushboolean(L, build_game(b));
    return 1;
}

static const char *display_name(const char *chunkname)
{
    return chunkname && chunkname[0] ? chunkname : "scenario";
}

static void script_problem(Diags *ds, const char *file, const SandboxError *err, long budget, size_t cap)
{
    switch (err->status) {
    case SANDBOX_ERR_BUDGET:
        diags_add(ds, file, err->line, "", "the scenario ran too long (more than %ld instructions) - an endless loop?",
                  budget);
        break;
    case SANDBOX_ERR_MEMORY:
        diags_add(ds, file, err->line, "", "the scenario used too much memory (more than %zu MiB)", cap >> 20);
        break;
    case SANDBOX_ERR_BINARY:
        diags_add(ds, file, 0, "", "%s", err->msg);
        break;
    case SANDBOX_ERR_SYNTAX:
        diags_add(ds, file, err->line, "", "this is not valid Lua: %s", err->msg);
        break;
    default:
        diags_add(ds, file, err->line, "", "%s", err->msg);
        break;
    }
}

bool scenario_options_add(ScenarioOptions *o, const char *id, char *why, size_t n)
{
    if (!id || !id[0] || strlen(id) >= ID_LEN) {
        snprintf(why, n, "'%s' is not a switch id (at most %d characters)", id ? id : "", ID_LEN - 1);
        return false;
    }
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->ids[i], id) == 0)
            return true;
    if (o->n >= SCEN_MAX_WHATIF) {
        snprintf(why, n, "too many switches (at most %d)", SCEN_MAX_WHATIF);
        return false;
    }
    snprintf(o->ids[o->n++], ID_LEN, "%s", id);
    return true;
}

void scenario_options_format(const ScenarioOptions *o, char *buf, size_t n)
{
    if (n)
        buf[0] = '\0';
    for (int i = 0; o && i < o->n && strlen(buf) + 1 < n; i++)
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", i ? ", " : "", o->ids[i]);
}

bool scenario_option_on(const Scenario *s, const char *id)
{
    for (int i = 0; s && id && i < s->info.options.n; i++)
        if (strcmp(s->info.options.ids[i], id) == 0)
            return true;
    return false;
}

/* After the file ran: keeps its switches, checks that every requested one
 * is declared, and ties the game to the set (in declaration order, so the
 * order of --option flags does not matter). */
static bool take_switches(Scenario *s, const ScenarioOptions *opts, const char *file, Diags *diags)
{
    ScenarioInfo *in = &s->info;
    in->nwhatifs = whatif_declared(s->sb, in->whatifs, SCEN_MAX_WHATIF);
    bool ok = true;
    for (int i = 0; opts && i < opts->n; i++) {
        bool known = false;
        for (int k = 0; k < in->nwhatifs; k++)
            known |= strcmp(in->whatifs[k].id, opts->ids[i]) == 0;
        if (known)
            continue;
        char list[SCEN_MAX_WHATIF * (ID_LEN + 2) + 8] = "";
        for (int k = 0; k < in->nwhatifs; k++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", in->whatifs[k].id);
        if (in->nwhatifs)
            diags_add(diags, file, 0, "option", "unknown what-if switch '%s'; this scenario's switches are: %s",
                      opts->ids[i], list);
        else
            diags_add(diags, file, 0, "option", "unknown what-if switch '%s'; this scenario declares none",
                      opts->ids[i]);
        ok = false;
    }
    uint64_t h = 0;
    for (int k = 0; k < in->nwhatifs; k++) {
        bool on = false;
        for (int i = 0; opts && i < opts->n; i++)
            on |= strcmp(in->whatifs[k].id, opts->ids[i]) == 0;
        if (!on)
            continue;
        char why[64];
        scenario_options_add(&in->options, in->whatifs[k].id, why, sizeof why);
        h = fnv1a64(in->whatifs[k].id, strlen(in->whatifs[k].id) + 1) ^ (h * 31);
    }
    s->g->variant = h ? h : in->options.n ? 1 : 0;
    return ok;
}

Scenario *scenario_load_buffer_ex(const char *chunkname, const char *src, size_t len, uint64_t seed,
                                  const ScenarioLimits *limits, Diags *diags)
{
    return scenario_load_buffer_opts(chunkname, src, len, seed, NULL, limits, diags);
}

Scenario *scenario_load_buffer_opts(const char *chunkname, const char *src, size_t len, uint64_t seed,
                                    const ScenarioOptions *opts, const ScenarioLimits *limits, Diags *diags)
{
    const char *file = display_name(chunkname);
    Diags scratch;
    if (!diags) {
        memset(&scratch, 0, sizeof scratch);
        diags = &scratch;
    }
    ScenarioLimits lim = { 0, 0, 0 };
    if (limits)
        lim = *limits;
    if (!lim.mem_cap)
        lim.mem_cap = SANDBOX_MEM_DEFAULT;
    if (lim.load_budget <= 0)
        lim.load_budget = SANDBOX_LOAD_BUDGET_DEFAULT;
    if (lim.handler_budget <= 0)
        lim.handler_budget = SANDBOX_HANDLER_BUDGET_DEFAULT;
    if (!src) {
        diags_add(diags, file, 0, "", "no scenario text");
        return NULL;
    }
    if (len > SCEN_MAX_BYTES) {
        diags_add(diags, file, 0, "", "the file is %zu bytes; a scenario may be at most %d MiB", len,
                  SCEN_MAX_BYTES >> 20);
        return NULL;
    }

    Scenario *s = calloc(1, sizeof *s);
    if (!s) {
        diags_add(diags, file, 0, "", "out of memory");
        return NULL;
    }
    s->hash = fnv1a64(src, len);
    s->handler_budget = lim.handler_budget;
    snprintf(s->info.file, sizeof s->info.file, "%s", file);
    s->g = game_new(seed);
    s->sb = sandbox_new(lim.mem_cap);
    if (!s->g || !s->sb) {
        diags_add(diags, file, 0, "", "out of memory");
        scenario_free(s);
        return NULL;
    }
    sandbox_set_game(s->sb, s->g);
    api_install(s->sb);
    const char *on[SCEN_MAX_WHATIF];
    int non = 0;
    for (int i = 0; opts && i < opts->n && i < SCEN_MAX_WHATIF; i++)
        on[non++] = opts->ids[i];
    whatif_install(s->sb, on, non);

    SandboxError err;
    if (!sandbox_run(s->sb, file, src, len, lim.load_budget, &err)) {
        script_problem(diags, file, &err, lim.load_budget, lim.mem_cap);
        scenario_free(s);
        return NULL;
    }
    if (!take_switches(s, opts, file, diags)) {
        scenario_free(s);
        return NULL;
    }

    /* line starts, for naming the line of a key */
    int nlines = 1;
    for (size_t i = 0; i < len; i++)
        nlines += src[i] == '\n';
    Build b;
    memset(&b, 0, sizeof b);
    b.line_start = malloc(((size_t)nlines + 2) * sizeof *b.line_start);
    if (!b.line_start) {
        diags_add(diags, file, 0, "", "out of memory");
        scenario_free(s);
        return NULL;
    }
    b.line_start[1] = 0;
    for (size_t i = 0, ln = 1; i < len; i++)
        if (src[i] == '\n')
            b.line_start[++ln] = i + 1;
    b.nlines = nlines;
    b.L = sandbox_lua(s->sb);
    b.sb = s->sb;
    b.g = s->g;
    b.info = &s->info;
    b.ds = diags;
    b.file = file;
    b.src = src;
    b.len = len;

    int first = diags->n + diags->dropped;
    lua_State *L = b.L;
    lua_pushcfunction(L, build_cfn);
    lua_pushlightuserdata(L, &b);
    int st = lua_pcall(L, 1, 1, 0);
    bool ok = st == LUA_OK && lua_toboolean(L, -1);
    if (st != LUA_OK)
        diags_add(diags, file, 0, "", "the checker ran out of memory (the scenario is too large)");
    lua_pop(L, 1);
    free(b.line_start);
    if (!ok || diags->n + diags->dropped > first) {
        diags_sort(diags);
        scenario_free(s);
        return NULL;
    }

    char why[256] = "";
    if (!game_start(s->g, why, sizeof why)) {
        diags_add(diags, file, 0, "", "the scenario cannot start: %s", why);
        scenario_free(s);
        return NULL;
    }
    api_set_live(s->sb, true);
    scenario_dispatch(s);   /* the first turn's events */
    return s;
}

Scenario *scenario_load_buffer(const char *chunkname, const char *src, size_t len, uint64_t seed, Diags *diags)
{
    return scenario_load_buffer_ex(chunkname, src, len, seed, NULL, diags);
}

char *scenario_read_file(const char *path, const char *name, size_t *len, Diags *diags)
{
    const char *file = name && *name ? name : path && *path ? path : "scenario";
    char why[FILE_WHY];
    char *buf = file_read(path, SCEN_MAX_BYTES, len, why, sizeof why);
    if (!buf)
        diags_add(diags, file, 0, "", "cannot open the scenario: %s", why);
    return buf;
}

Scenario *scenario_load(const char *path, uint64_t seed, Diags *diags)
{
    return scenario_load_opts(path, seed, NULL, diags);
}

Scenario *scenario_load_opts(const char *path, uint64_t seed, const ScenarioOptions *opts, Diags *diags)
{
    size_t n = 0;
    char *buf = scenario_read_file(path, display_name(path), &n, diags);
    if (!buf)
        return NULL;
    Scenario *s = scenario_load_buffer_opts(path, buf, n, seed, opts, NULL, diags);
    free(buf);
    return s;
}

void scenario_free(Scenario *s)
{
    if (!s)
        return;
    sandbox_free(s->sb);
    game_free(s->g);
    free(s);
}

Game *scenario_game(Scenario *s) { return s ? s->g : NULL; }
const Game *scenario_game_const(const Scenario *s) { return s ? s->g : NULL; }
const ScenarioInfo *scenario_info(const Scenario *s) { return s ? &s->info : NULL; }
uint64_t scenario_source_hash(const Scenario *s) { return s ? s->hash : 0; }

int scenario_chronicle(const Scenario *s, int turn, int side, const char **orders, int max)
{
    if (!s)
        return 0;
    int n = 0;
    for (int i = 0; i < s->info.nchronicle; i++) {
        const ScenarioChronicle *c = &s->info.chronicle[i];
        if (c->turn != turn || c->side != side)
            continue;
        if (orders && n < max)
            orders[n] = c->order;
        n++;
    }
    return n;
}

int scenario_chronicle_last_turn(const Scenario *s, int side)
{
    int last = 0;
    for (int i = 0; s && i < s->info.nchronicle; i++)
        if (s->info.chronicle[i].side == side && s->info.chronicle[i].turn > last)
            last = s->info.chronicle[i].turn;
    return last;
}
