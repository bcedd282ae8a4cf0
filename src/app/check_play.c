/* check_play.c - emesa --check --play N: the static checks, then N seeded
 * computer-against-computer games per file that run every handler that
 * fires, to find what only a game shows: a handler's run-time error, a
 * chronicle order that cannot be given, a side that never wins, a game
 * over before it has begun. */
#include "check_play.h"
#include <stdlib.h>
#include <string.h>
#include "sim/whatif_batch.h"

/* The games a file gets, in turn: levels 1, 2 and 3, and the chronicle
 * (both sides at level 2 following it) when the file has one. */
typedef struct Kind {
    int level;
    bool chronicle;
} Kind;

static const Kind kinds[] = { {1, false}, {2, false}, {3, false}, {2, true} };

/* A game over this early never ran the handlers of a siege. */
enum { SHORTEST_GAME = 2 };

typedef struct FileRun {
    const char *path;
    bool loaded;
    int nsides;
    char side[2][32];
    int games;              /* games of this file */
    int first;              /* its first game in the batch */
} FileRun;

static void kind_name(const HeadlessOptions *ho, char *buf, size_t n)
{
    snprintf(buf, n, "seed %llu, level %d%s", (unsigned long long)ho->seed, ho->ai_level,
             ho->chronicle ? ", chronicle" : "");
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "file: N games (levels 1-3[, the chronicle]): <outcome> K, ...; end turn A-B, median M" */
static void spread(const FileRun *f, const HeadlessResult *r, bool chron, FILE *out)
{
    const char *names[64];
    int nn = 0;
    int *turns = malloc((size_t)f->games * sizeof *turns);
    for (int i = 0; i < f->games; i++) {
        const char *o = r[f->first + i].outcome;
        int k = 0;
        while (k < nn && strcmp(names[k], o) != 0)
            k++;
        if (k == nn && nn < 64)
            names[nn++] = o;
        if (turns)
            turns[i] = r[f->first + i].turn;
    }
    qsort(names, (size_t)nn, sizeof *names, cmp_str);
    fprintf(out, "%s: %d games (levels 1-3%s):", f->path, f->games, chron ? " and the chronicle" : "");
    for (int k = 0; k < nn; k++) {
        int c = 0;
        for (int i = 0; i < f->games; i++)
            c += strcmp(r[f->first + i].outcome, names[k]) == 0;
        fprintf(out, "%s %s %d", k ? "," : "", names[k], c);
    }
    if (turns) {
        qsort(turns, (size_t)f->games, sizeof *turns, cmp_int);
        int m = f->games / 2;
        double med = f->games % 2 ? turns[m] : (turns[m - 1] + turns[m]) / 2.0;
        fprintf(out, "; end turn %d-%d, median %g\n", turns[0], turns[f->games - 1], med);
    } else {
        fprintf(out, "\n");
    }
    free(turns);
}

/* Each different problem of the file's games once, with how many games
 * had it and the first of them. A handler's error is an error; a
 * chronicle order that could not be given in every game that followed
 * the chronicle is one too (the order cannot work), in only some of them
 * a warning (the game had gone otherwise: a contingent gone home before
 * the chronicle releases it). Returns the number of errors; adds the
 * warnings to *warnings. */
static int problems(const FileRun *f, const HeadlessOptions *games, const HeadlessProblems *pr, int *warnings,
                    FILE *out)
{
    int errors = 0, chronicled = 0;
    for (int i = 0; i < f->games; i++)
        chronicled += games[f->first + i].chronicle;
    for (int i = 0; i < f->games; i++) {
        const HeadlessProblems *p = &pr[f->first + i];
        for (int k = 0; k < p->n; k++) {
            const HeadlessProblem *it = &p->items[k];
            bool seen = false;   /* said already for an earlier game */
            for (int j = 0; j < i && !seen; j++)
                for (int q = 0; q < pr[f->first + j].n && !seen; q++) {
                    const HeadlessProblem *o = &pr[f->first + j].items[q];
                    seen = o->kind == it->kind && o->line == it->line && strcmp(o->msg, it->msg) == 0;
                }
            if (seen)
                continue;
            int in = 0;
            for (int j = i; j < f->games; j++)
                for (int q = 0; q < pr[f->first + j].n; q++) {
                    const HeadlessProblem *o = &pr[f->first + j].items[q];
                    if (o->kind == it->kind && o->line == it->line && strcmp(o->msg, it->msg) == 0) {
                        in++;
                        break;
                    }
                }
            char kn[64];
            kind_name(&games[f->first + i], kn, sizeof kn);
            bool warn = it->kind == PROBLEM_CHRONICLE && in < chronicled;
            fprintf(out, "%s:%d: %s%s (in %d of %d games; first: %s, turn %d)\n", f->path, it->line,
                    warn ? "warning: " : "", it->msg, in, f->games, kn, it->turn);
            if (warn)
                (*warnings)++;
            else
                errors++;
        }
    }
    return errors;
}

int check_play(const char *const *paths, int n, int per_file, const CheckPlayOptions *o, FILE *out, FILE *err)
{
    int errors = 0, warnings = 0;
    FileRun *files = calloc((size_t)n, sizeof *files);
    if (!files)
        return 1;
    int total = 0;
    for (int i = 0; i < n; i++) {
        Diags diags = {0};
        FileRun *f = &files[i];
        f->path = paths[i];
        Scenario *sc = scenario_load_opts(paths[i], 1, o->options, &diags);
        if (!sc) {
            char line[DIAG_TEXT + 320];
            for (int k = 0; k < diags.n; k++) {
                diag_format(&diags.items[k], line, sizeof line);
                fprintf(out, "%s\n", line);
            }
            if (diags.dropped)
                fprintf(out, "(%d more problems not shown)\n", diags.dropped);
            errors++;
            continue;
        }
        const Game *g = scenario_game(sc);
        f->loaded = true;
        f->nsides = g->nsides < 2 ? g->nsides : 2;
        for (int s = 0; s < f->nsides; s++)
            snprintf(f->side[s], sizeof f->side[s], "%s", g->sides[s].id);
        f->games = per_file;
        f->first = total;
        total += per_file;
        /* the chronicle is a fourth kind of game only when there is one */
        if (scenario_info(sc)->nchronicle == 0)
            f->games = -per_file;
        scenario_free(sc);
    }
    HeadlessOptions *games = calloc((size_t)(total ? total : 1), sizeof *games);
    HeadlessResult *results = calloc((size_t)(total ? total : 1), sizeof *results);
    HeadlessProblems *probs = calloc((size_t)(total ? total : 1), sizeof *probs);
    int *status = calloc((size_t)(total ? total : 1), sizeof *status);
    if (!games || !results || !probs || !status) {
        fprintf(err, "emesa: out of memory\n");
        free(files), free(games), free(results), free(probs), free(status);
        return 1;
    }
    for (int i = 0; i < n; i++) {
        FileRun *f = &files[i];
        if (!f->loaded)
            continue;
        bool chron = f->games > 0;
        int nk = chron ? 4 : 3;
        if (f->games < 0)
            f->games = -f->games;
        for (int k = 0; k < f->games; k++) {
            HeadlessOptions *ho = &games[f->first + k];
            ho->scenario = f->path;
            ho->data_dir = o->data_dir;
            ho->seed = (uint64_t)k + 1;
            ho->ai = "all";
            ho->ai_level = kinds[k % nk].level;
            ho->chronicle = kinds[k % nk].chronicle;
            ho->quiet = true;
            if (o->options)
                ho->options = *o->options;
            ho->result = &results[f->first + k];
            ho->problems = &probs[f->first + k];
        }
    }
    if (batch_play(games, status, total, o->jobs, err) != 0)
        errors++;
    for (int i = 0; i < n; i++) {
        const FileRun *f = &files[i];
        if (!f->loaded)
            continue;
        bool chron = false;
        for (int k = 0; k < f->games; k++)
            chron |= games[f->first + k].chronicle;
        spread(f, results, chron, out);
        errors += problems(f, games, probs, &warnings, out);
        int short_games = 0;
        for (int k = 0; k < f->games; k++) {
            const HeadlessOptions *ho = &games[f->first + k];
            const HeadlessResult *r = &results[f->first + k];
            char kn[64];
            kind_name(ho, kn, sizeof kn);
            if (status[f->first + k] != 0) {
                fprintf(out, "%s: the game (%s) could not be played; try it with --headless --ai all --seed %llu "
                             "--ai-level %d%s\n", f->path, kn, (unsigned long long)ho->seed, ho->ai_level,
                        ho->chronicle ? " --chronicle" : "");
                errors++;
            } else if (r->winner < 0 && strcmp(r->outcome, "unfinished") == 0) {
                fprintf(out, "%s: the game (%s) did not finish: it stopped on turn %d\n", f->path, kn, r->turn);
                errors++;
            } else if (r->turn <= SHORTEST_GAME) {
                fprintf(out, "%s: warning: the game (%s) was over on turn %d (%s): its later handlers never ran\n",
                        f->path, kn, r->turn, r->outcome);
                warnings++;
                short_games++;
            }
        }
        if (short_games == f->games) {
            fprintf(out, "%s: no game went past turn %d: are the victory conditions met at the start?\n", f->path,
                    SHORTEST_GAME);
            errors++;
        }
        for (int s = 0; s < f->nsides; s++) {
            int won = 0;
            for (int k = 0; k < f->games; k++)
                won += results[f->first + k].winner == s;
            if (!won) {
                fprintf(out, "%s: warning: %s won none of the %d games\n", f->path, f->side[s], f->games);
                warnings++;
            }
        }
    }
    fprintf(out, "check --play: %d file%s, %d games, %d error%s, %d warning%s\n", n, n == 1 ? "" : "s", total, errors,
            errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    free(files), free(games), free(results), free(probs), free(status);
    return errors || (o->strict && warnings) ? 1 : 0;
}
