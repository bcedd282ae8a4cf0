/* balance.c - seeded AI-vs-AI games for balance figures.
 *
 *   balance [--games N] [--seed S] [--setups LIST] [--option ID]...
 *           [--deltas [A:B]] [--quiet] [--log] SCENARIO...
 *
 * For each scenario and setup it plays N games with seeds S, S+1, ...
 * A setup "A:B" names who plays the scenario's first and second side:
 * 1, 2 or 3 for the AI at that level, s for the simple built-in player.
 * The default setups are 3:3,3:s,s:3. --option builds every game with
 * that what-if switch. A progress line goes to stderr; the outcome table
 * (per outcome level, per side), the wins per side, the median end turn,
 * and the median and 95th-percentile wall-clock time the AI spent per
 * siege turn of its side (battles fought in that turn included) go to
 * stdout. Times are a benchmark: printed, never asserted.
 *
 * --deltas (setup A:B, default 2:2) measures the scenario's decisions: for
 * each what-if switch it declares, the same seeds are played with the
 * switch on, and the Rashidun win share with it minus without is printed
 * (the first side's, in a scenario without a "rashidun" side). At the end
 * two Markdown tables sum everything up: per scenario and setup the win
 * shares and median end turn, and per switch the delta. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ai/ai.h"
#include "ai/simple.h"
#include "data/scenario.h"

enum { MAX_SETUPS = 16, MAX_OUTCOMES = 32, MAX_CMDS = 200000, MAX_ROWS = 256 };

static bool log_events; /* --log: print every game's events (with --games 1) */
static ScenarioOptions base_opts; /* --option: every game */

/* The summary tables, printed at the end. */
static char rows[MAX_ROWS][256];
static int nrows;
static char drows[MAX_ROWS][256];
static int ndrows;

typedef struct Setup {
    int level[2]; /* 0 = simple */
    char name[16];
} Setup;

typedef struct Samples {
    double *v;
    size_t n, cap;
} Samples;

static void push(Samples *s, double x)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        double *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            fprintf(stderr, "balance: out of memory\n");
            exit(1);
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = x;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(Samples *s, double p)
{
    if (s->n == 0)
        return 0;
    qsort(s->v, s->n, sizeof *s->v, cmp_d);
    size_t i = (size_t)(p / 100.0 * (double)(s->n - 1) + 0.5);
    return s->v[i < s->n ? i : s->n - 1];
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static bool parse_setups(const char *text, Setup *out, int *n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    *n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (*n >= MAX_SETUPS || strlen(tok) != 3 || tok[1] != ':')
            return false;
        Setup *s = &out[(*n)++];
        for (int k = 0; k < 2; k++) {
            char c = tok[k * 2];
            if (c == 's')
                s->level[k] = 0;
            else if (c >= '1' && c <= '3')
                s->level[k] = c - '0';
            else
                return false;
        }
        snprintf(s->name, sizeof s->name, "%s", tok);
    }
    return *n > 0;
}

typedef struct Tally {
    char outcome[MAX_OUTCOMES][48];
    int count[MAX_OUTCOMES];
    int n;
    int wins[3]; /* side 0, side 1, draw/unfinished */
    long refused;
    Samples turn_ms[4]; /* by level, 0 = simple */
    Samples game_ms;
    Samples end_turn;
} Tally;

static void tally_free(Tally *t)
{
    for (int l = 0; l < 4; l++)
        free(t->turn_ms[l].v);
    free(t->game_ms.v);
    free(t->end_turn.v);
    free(t);
}

static void tally_outcome(Tally *t, const char *name)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->outcome[i], name) == 0) {
            t->count[i]++;
            return;
        }
    if (t->n < MAX_OUTCOMES) {
        snprintf(t->outcome[t->n], sizeof t->outcome[t->n], "%s", name);
        t->count[t->n++] = 1;
    }
}

/* Plays one game; returns false if the scenario would not load. */
static bool play(const char *path, const Setup *su, uint64_t seed, const ScenarioOptions *opts, Tally *t)
{
    Diags diags = {0};
    Scenario *sc = scenario_load_opts(path, seed, opts, &diags);
    if (!sc) {
        char line[DIAG_TEXT + 320];
        for (int i = 0; i < diags.n; i++) {
            diag_format(&diags.items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        return false;
    }
    Game *g = scenario_game(sc);
    AiPlayer *ai[2] = {NULL, NULL};
    for (int s = 0; s < 2; s++)
        if (su->level[s] > 0 && !(ai[s] = ai_new(s, su->level[s], seed * 2654435761u + (uint64_t)s))) {
            fprintf(stderr, "balance: out of memory\n");
            exit(1);
        }
    double acc[2] = {0, 0};
    double start = now_ms();
    for (int k = 0; g->mode != MODE_OVER && k < MAX_CMDS; k++) {
        int side = g->active;
        Command c;
        double t0 = now_ms();
        bool ok = ai[side] ? ai_next(ai[side], g, &c) : ai_simple_next(g, &c);
        acc[side] += now_ms() - t0;
        if (!ok)
            break;
        bool end_turn = c.type == CMD_END_TURN;
        char why[256];
        if (!scenario_apply(sc, &c, why, sizeof why)) {
            t->refused++;
            Command f = cmd_end_part(g, side);
            end_turn = f.type == CMD_END_TURN;
            scenario_apply(sc, &f, why, sizeof why);
        }
        if (end_turn) {
            push(&t->turn_ms[su->level[side]], acc[side]);
            acc[side] = 0;
        }
    }
    push(&t->game_ms, now_ms() - start);
    push(&t->end_turn, g->turn);
    if (log_events) {
        char line[EVENT_TEXT + 256];
        for (size_t i = 0; i < g->events.n; i++) {
            game_event_format(g, &g->events.items[i], line, sizeof line);
            printf("%s\n", line);
        }
    }
    char name[48];
    if (g->mode != MODE_OVER) {
        snprintf(name, sizeof name, "unfinished");
        t->wins[2]++;
    } else if (g->outcome.winner < 0) {
        snprintf(name, sizeof name, "draw");
        t->wins[2]++;
    } else {
        snprintf(name, sizeof name, "%s-%s", g->sides[g->outcome.winner].id, g->outcome.level);
        t->wins[g->outcome.winner]++;
    }
    tally_outcome(t, name);
    ai_free(ai[0]);
    ai_free(ai[1]);
    scenario_free(sc);
    return true;
}

static const char *who(int level)
{
    static const char *const names[] = {"simple", "AI level 1", "AI level 2", "AI level 3"};
    return names[level];
}

static void report(const char *path, const Setup *su, int games, uint64_t seed, const char *side_id[2], Tally *t)
{
    printf("\n%s  setup %s: %s = %s, %s = %s; %d games, seeds %llu-%llu\n", path, su->name, side_id[0],
           who(su->level[0]), side_id[1], who(su->level[1]), games, (unsigned long long)seed,
           (unsigned long long)(seed + (uint64_t)games - 1));
    printf("  %-28s %6s %7s\n", "outcome", "games", "share");
    for (int i = 0; i < t->n; i++)
        printf("  %-28s %6d %6.1f%%\n", t->outcome[i], t->count[i], 100.0 * t->count[i] / games);
    printf("  wins: %s %.1f%% (%s), %s %.1f%% (%s), neither %.1f%%\n", side_id[0], 100.0 * t->wins[0] / games,
           who(su->level[0]), side_id[1], 100.0 * t->wins[1] / games, who(su->level[1]),
           100.0 * t->wins[2] / games);
    for (int l = 0; l < 4; l++)
        if (t->turn_ms[l].n)
            printf("  time per siege turn, %-10s median %7.3f ms, p95 %7.3f ms (%zu turns)\n", who(l),
                   pct(&t->turn_ms[l], 50), pct(&t->turn_ms[l], 95), t->turn_ms[l].n);
    printf("  median end turn: %.0f\n", pct(&t->end_turn, 50));
    printf("  time per game (engine + players): median %.1f ms, p95 %.1f ms\n", pct(&t->game_ms, 50),
           pct(&t->game_ms, 95));
    printf("  refused commands: %ld\n", t->refused);
    fflush(stdout);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: balance [--games N] [--seed S] [--setups A:B,...] [--option ID]... [--deltas [A:B]]\n"
               "               [--quiet] [--log] SCENARIO...\n"
               "  A, B: 1-3 for the AI at that level, s for the simple player (default 3:3,3:s,s:3)\n"
               "  --deltas: per what-if switch, the Rashidun win share with it minus without (default 2:2)\n");
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* Plays games seeds; false if the scenario would not load. */
static bool play_all(const char *path, const Setup *su, int games, uint64_t seed, const ScenarioOptions *opts,
                     const char *what, bool quiet, Tally *t)
{
    for (int i = 0; i < games; i++) {
        if (!quiet)
            fprintf(stderr, "\rbalance: %s %s%s game %d/%d ", base_name(path), su->name, what, i + 1, games);
        if (!play(path, su, seed + (uint64_t)i, opts, t))
            return false;
    }
    if (!quiet)
        fprintf(stderr, "\r%*s\r", 78, "");
    return true;
}

/* The side whose share the deltas report: "rashidun", or the first. */
static int focus_side(const char *side_id[2])
{
    return strcmp(side_id[1], "rashidun") == 0 ? 1 : 0;
}

static void table_row(const char *path, const Setup *su, int games, const char *side_id[2], Tally *t)
{
    if (nrows >= MAX_ROWS)
        return;
    snprintf(rows[nrows++], sizeof rows[0], "| %s | %s | %d | %s %.1f %% | %s %.1f %% | %.1f %% | %.0f |",
             base_name(path), su->name, games, side_id[0], 100.0 * t->wins[0] / games, side_id[1],
             100.0 * t->wins[1] / games, 100.0 * t->wins[2] / games, pct(&t->end_turn, 50));
}

/* For each switch the scenario declares: the same seeds with it on. */
static bool deltas(const char *path, const Setup *su, int games, uint64_t seed, bool quiet, const char *side_id[2],
                   Tally *base)
{
    Diags d = {0};
    Scenario *sc = scenario_load_opts(path, seed, &base_opts, &d);
    if (!sc)
        return false;
    ScenarioWhatIf sw[SCEN_MAX_WHATIF];
    int nsw = scenario_info(sc)->nwhatifs;
    memcpy(sw, scenario_info(sc)->whatifs, sizeof sw);
    scenario_free(sc);
    int f = focus_side(side_id);
    double without = 100.0 * base->wins[f] / games;
    printf("\n%s  decisions at setup %s, %d games, seeds %llu-%llu: %s wins %.1f%% without a switch, "
           "median end turn %.0f\n", path, su->name, games, (unsigned long long)seed,
           (unsigned long long)(seed + (uint64_t)games - 1), side_id[f], without, pct(&base->end_turn, 50));
    if (nsw == 0)
        printf("  (the scenario declares no what-if switch)\n");
    for (int k = 0; k < nsw; k++) {
        const char *id = sw[k].id;
        ScenarioOptions o = base_opts;
        char why[128], what[ID_LEN + 4];
        bool already = false;
        for (int i = 0; i < o.n; i++)
            already |= strcmp(o.ids[i], id) == 0;
        if (already || !scenario_options_add(&o, id, why, sizeof why))
            continue;
        snprintf(what, sizeof what, " +%s", id);
        Tally *t = calloc(1, sizeof *t);
        if (!t)
            return false;
        if (!play_all(path, su, games, seed, &o, what, quiet, t)) {
            tally_free(t);
            return false;
        }
        double with = 100.0 * t->wins[f] / games;
        printf("  %-22s %s wins %5.1f%% (%+6.1f points), median end turn %.0f  - %s\n", id, side_id[f], with,
               with - without, pct(&t->end_turn, 50), sw[k].label);
        fflush(stdout);
        if (ndrows < MAX_ROWS)
            snprintf(drows[ndrows++], sizeof drows[0], "| %s | %s | %s | %.1f %% | %.1f %% | %+.1f | %.0f |",
                     base_name(path), id, su->name, without, with, with - without, pct(&t->end_turn, 50));
        tally_free(t);
    }
    return true;
}

static void print_tables(int games, uint64_t seed)
{
    char opts[SCEN_MAX_WHATIF * (ID_LEN + 2)];
    scenario_options_format(&base_opts, opts, sizeof opts);
    printf("\n## Balance: %d games a row, seeds %llu-%llu%s%s\n\n", games, (unsigned long long)seed,
           (unsigned long long)(seed + (uint64_t)games - 1), opts[0] ? ", switches on: " : "", opts);
    printf("| scenario | setup | games | first side wins | second side wins | neither | median end turn |\n");
    printf("|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < nrows; i++)
        printf("%s\n", rows[i]);
    if (ndrows) {
        printf("\n| scenario | switch | setup | Rashidun wins without | with | delta (points) | median end turn with |\n");
        printf("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < ndrows; i++)
            printf("%s\n", drows[i]);
    }
}

int main(int argc, char **argv)
{
    int games = 200;
    uint64_t seed = 1;
    bool quiet = false, want_deltas = false;
    Setup setups[MAX_SETUPS], delta_setup;
    int nsetups = 0, ndelta = 0;
    parse_setups("3:3,3:s,s:3", setups, &nsetups);
    parse_setups("2:2", &delta_setup, &ndelta);
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--games") == 0 && i + 1 < argc) {
            games = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--setups") == 0 && i + 1 < argc) {
            if (!parse_setups(argv[++i], setups, &nsetups)) {
                usage(stderr);
                return 2;
            }
        } else if (strcmp(argv[i], "--option") == 0 && i + 1 < argc) {
            char why[128];
            if (!scenario_options_add(&base_opts, argv[++i], why, sizeof why)) {
                fprintf(stderr, "balance: --option %s: %s\n", argv[i], why);
                return 2;
            }
        } else if (strcmp(argv[i], "--deltas") == 0) {
            want_deltas = true;
            if (i + 1 < argc && strlen(argv[i + 1]) == 3 && argv[i + 1][1] == ':' &&
                !parse_setups(argv[++i], &delta_setup, &ndelta)) {
                usage(stderr);
                return 2;
            }
        } else if (strcmp(argv[i], "--log") == 0) {
            log_events = true;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-') {
            usage(stderr);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc || games < 1) {
        usage(stderr);
        return 2;
    }
    for (int a = first; a < argc; a++) {
        const char *side_id[2] = {"side0", "side1"};
        char ids[2][ID_LEN];
        Diags d = {0};
        Scenario *sc = scenario_load_opts(argv[a], seed, &base_opts, &d);
        if (!sc) {
            char line[DIAG_TEXT + 320];
            for (int i = 0; i < d.n; i++) {
                diag_format(&d.items[i], line, sizeof line);
                fprintf(stderr, "%s\n", line);
            }
            return 1;
        }
        for (int k = 0; k < 2; k++) {
            snprintf(ids[k], sizeof ids[k], "%s", scenario_game(sc)->sides[k].id);
            side_id[k] = ids[k];
        }
        scenario_free(sc);
        Tally *base = NULL;     /* the delta setup's games without a switch */
        for (int s = 0; s < nsetups; s++) {
            Tally *t = calloc(1, sizeof *t);
            if (!t)
                return 1;
            if (!play_all(argv[a], &setups[s], games, seed, &base_opts, "", quiet, t))
                return 1;
            report(argv[a], &setups[s], games, seed, side_id, t);
            table_row(argv[a], &setups[s], games, side_id, t);
            if (want_deltas && !base && strcmp(setups[s].name, delta_setup.name) == 0)
                base = t;
            else
                tally_free(t);
        }
        if (want_deltas) {
            if (!base) {
                if (!(base = calloc(1, sizeof *base)))
                    return 1;
                if (!play_all(argv[a], &delta_setup, games, seed, &base_opts, "", quiet, base))
                    return 1;
                table_row(argv[a], &delta_setup, games, side_id, base);
            }
            bool ok = deltas(argv[a], &delta_setup, games, seed, quiet, side_id, base);
            tally_free(base);
            if (!ok)
                return 1;
        }
    }
    print_tables(games, seed);
    return 0;
}
