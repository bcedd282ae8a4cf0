/* main.c - the emesa command line: windowed game, headless runs, checks. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_play.h"
#include "data/file.h"
#include "datadir.h"
#include "i18n.h"
#include "sim/headless.h"
#include "sim/whatif_batch.h"
#ifdef EMESA_WINDOW
#include "ui/ui.h"
#endif

#ifndef EMESA_VERSION
#define EMESA_VERSION "0.0.0"
#endif

/* Messages in the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
static void i18n_init(void)
{
    i18n_bind(datadir_locale());
}

/* --help, one message per paragraph and per option so that a translation
 * keeps what did not change. */
static void usage(FILE *f)
{
    /* TRANSLATORS: keep "emesa" and the options as they are; translate
       the words after them. */
    fputs(_("Usage: emesa [OPTION]...                   play in a window\n"
            "  or:  emesa --headless --scenario PATH --seed N --ai SIDE|all [--turns N]\n"
            "  or:  emesa --replay FILE                  watch a save in the window\n"
            "  or:  emesa --headless --replay FILE\n"
            "  or:  emesa --check [--play N] [--strict] PATH...\n"
            "  or:  emesa --what-if [--scenario PATH] [--games N] [--jobs J] [--option ID]...\n"), f);
    fputs(_("Emesa: a turn-based wargame of the sieges of Emesa (Homs), 635-636 and 638.\n"), f);
    fputs("\n", f);
    /* TRANSLATORS: each option is one message: keep the option and its
       value (PATH, N, FILE...) and the column where the explanation
       starts. */
    fputs(_("  -s, --scenario=PATH    scenario file (default: scenarios/emesa-638.lua)\n"), f);
    fputs(_("  -S, --seed=N           seed of the game's dice (default 1)\n"), f);
    fputs(_("      --headless         play without a window and print the game's events\n"), f);
    fputs(_("      --ai=SIDE|all      the computer plays this side (by id) or both\n"), f);
    fputs(_("      --ai-level=N       computer opponent level 1-3 (default 2); 0 is the\n"
            "                         simple built-in player\n"), f);
    fputs(_("      --turns=N          stop a headless game after N turns\n"), f);
    fputs(_("      --commands=FILE    commands for the sides the computer does not play\n"), f);
    fputs(_("  -q, --quiet            headless: print only the summary\n"), f);
    fputs(_("      --chronicle        headless: the computer follows the scenario's recorded\n"
            "                         course of decisions (the history as a plan)\n"), f);
    fputs(_("      --save=FILE        headless: write the game's save to FILE at the end\n"), f);
    fputs(_("      --replay=FILE      open a save in the window's replay viewer; with\n"
            "                         --headless or -q (or with no display, or output\n"
            "                         not to a terminal) re-play it without a window,\n"
            "                         checking the state hash of every turn and printing\n"
            "                         what the game printed\n"), f);
    fputs(_("      --continue=FILE    headless: go on with the game saved in FILE (play by\n"
            "                         e-mail); --save writes the longer game\n"), f);
    fputs(_("      --check            validate the scenario files named as arguments\n"), f);
    fputs(_("      --play=N           --check: then play N seeded games of each file computer\n"
            "                         against computer (levels 1-3 and the chronicle) and\n"
            "                         report the handlers' run-time errors, chronicle orders\n"
            "                         that could not be given, games over by turn 2, sides\n"
            "                         that never win, and the outcomes\n"), f);
    fputs(_("      --strict           --check --play: warnings fail too; a game: the\n"
            "                         scenario's first run-time error stops it (exit 1)\n"), f);
    fputs(_("      --option=ID        build the game with the scenario's what-if switch ID\n"
            "                         (repeatable; in the window, --headless and --check;\n"
            "                         a save records it)\n"), f);
    fputs(_("      --list-options     print the scenario's what-if switches: id, label and\n"
            "                         explanation, separated by tabs\n"), f);
    /* xgettext:no-c-format */
    fputs(_("      --what-if          play seeds 1..N computer against computer (--ai-level,\n"
            "                         --option apply) and print the outcome shares with\n"
            "                         their 95 % intervals and the median end turn\n"), f);
    fputs(_("      --games=N          --what-if: how many games (default 200)\n"), f);
    fputs(_("      --jobs=J           --what-if: games at once (default: the cores)\n"), f);
    fputs(_("      --csv=FILE         --what-if: write one row per game to FILE\n"), f);
    fputs(_("      --data-dir=DIR     read assets and scenarios from DIR\n"
            "                         (also EMESA_DATA_DIR)\n"), f);
    fputs(_("      --fullscreen       start the window full screen\n"), f);
    fputs(_("      --scale=PCT        interface scale, 100-300\n"), f);
    fputs(_("  -h, --help             display this help and exit\n"), f);
    fputs(_("  -V, --version          output version information and exit\n"), f);
    fputs("\n", f);
    fputs(_("Exit status: 0 ok, 1 a scenario, command or save problem, 2 a usage error,\n"
            "3 a replay that went differently from its save.\n"), f);
}

/* A seed: 0 to UINT64_MAX, digits only (strtoull would take "-1"). */
static bool parse_u64(const char *s, uint64_t *out)
{
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > UINT64_MAX)
        return false;
    *out = (uint64_t)v;
    return true;
}

static bool parse_int(const char *s, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

int main(int argc, char **argv)
{
    enum { OPT_CHRONICLE = 200, OPT_HEADLESS = 256, OPT_AI, OPT_AI_LEVEL, OPT_TURNS, OPT_COMMANDS, OPT_CHECK, OPT_DATA, OPT_FULL, OPT_SCALE,
           OPT_SAVE, OPT_REPLAY, OPT_CONTINUE, OPT_OPTION, OPT_LIST_OPTIONS,
           OPT_WHAT_IF, OPT_GAMES, OPT_JOBS, OPT_CSV, OPT_PLAY, OPT_STRICT };
    static const struct option opts[] = {
        {"scenario", required_argument, NULL, 's'},
        {"seed", required_argument, NULL, 'S'},
        {"headless", no_argument, NULL, OPT_HEADLESS},
        {"ai", required_argument, NULL, OPT_AI},
        {"ai-level", required_argument, NULL, OPT_AI_LEVEL},
        {"turns", required_argument, NULL, OPT_TURNS},
        {"commands", required_argument, NULL, OPT_COMMANDS},
        {"quiet", no_argument, NULL, 'q'},
        {"chronicle", no_argument, NULL, OPT_CHRONICLE},
        {"check", no_argument, NULL, OPT_CHECK},
        {"data-dir", required_argument, NULL, OPT_DATA},
        {"fullscreen", no_argument, NULL, OPT_FULL},
        {"scale", required_argument, NULL, OPT_SCALE},
        {"save", required_argument, NULL, OPT_SAVE},
        {"replay", required_argument, NULL, OPT_REPLAY},
        {"continue", required_argument, NULL, OPT_CONTINUE},
        {"option", required_argument, NULL, OPT_OPTION},
        {"list-options", no_argument, NULL, OPT_LIST_OPTIONS},
        {"what-if", no_argument, NULL, OPT_WHAT_IF},
        {"games", required_argument, NULL, OPT_GAMES},
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"csv", required_argument, NULL, OPT_CSV},
        {"play", required_argument, NULL, OPT_PLAY},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    i18n_init();
    HeadlessOptions ho = {0};
    ho.seed = 1;
    bool headless = false, check = false, fullscreen = false, list_options = false;
    const char *ddir = NULL, *replay = NULL;
    long long level = 2, scale = 0, games = 200, jobs = 0;
    bool what_if = false, batch_flag = false;
    const char *csv = NULL;
    long long play = 0;
    bool level_given = false, seed_given = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":s:S:qhV", opts, NULL)) != -1) {
        long long v;
        switch (c) {
        case 's':
            ho.scenario = optarg;
            ho.scenario_given = true;
            break;
        case 'S':
            if (!parse_u64(optarg, &ho.seed)) {
                /* as a save's seed line: any 64-bit seed */
                text_say(stderr, _("emesa: --seed %s: expected a whole number from 0 to 18446744073709551615"), optarg);
                return 2;
            }
            seed_given = true;
            break;
        case OPT_HEADLESS:
            headless = true;
            break;
        case OPT_AI:
            ho.ai = optarg;
            break;
        case OPT_AI_LEVEL:
            if (!parse_int(optarg, 0, 3, &level)) {
                text_say(stderr, _("emesa: --ai-level %s: expected 0, 1, 2 or 3"), optarg);
                return 2;
            }
            level_given = true;
            break;
        case OPT_TURNS:
            if (!parse_int(optarg, 1, 100000, &v)) {
                text_say(stderr, _("emesa: --turns %s: expected a number of turns from 1 to 100000"), optarg);
                return 2;
            }
            ho.max_turns = (int)v;
            break;
        case OPT_COMMANDS:
            ho.commands = optarg;
            break;
        case OPT_CHRONICLE:
            ho.chronicle = true;
            break;
        case 'q':
            ho.quiet = true;
            break;
        case OPT_CHECK:
            check = true;
            break;
        case OPT_DATA:
            ddir = optarg;
            break;
        case OPT_FULL:
            fullscreen = true;
            break;
        case OPT_SCALE:
            if (!parse_int(optarg, 100, 300, &scale)) {
                text_say(stderr, _("emesa: --scale %s: expected a percentage from 100 to 300"), optarg);
                return 2;
            }
            break;
        case OPT_SAVE:
            ho.save = optarg;
            break;
        case OPT_REPLAY:
            replay = optarg;
            break;
        case OPT_CONTINUE:
            ho.resume = optarg;
            break;
        case OPT_OPTION: {
            char why[128];
            if (!scenario_options_add(&ho.options, optarg, why, sizeof why)) {
                text_say(stderr, _("emesa: --option %s: %s"), optarg, why);
                return 2;
            }
            break;
        }
        case OPT_WHAT_IF:
            what_if = true;
            break;
        case OPT_GAMES:
            if (!parse_int(optarg, 1, 1000000, &games)) {
                text_say(stderr, _("emesa: --games %s: expected a number of games from 1 to 1000000"), optarg);
                return 2;
            }
            batch_flag = true;
            break;
        case OPT_JOBS:
            if (!parse_int(optarg, 1, 256, &jobs)) {
                text_say(stderr, _("emesa: --jobs %s: expected a number of threads from 1 to 256"), optarg);
                return 2;
            }
            batch_flag = true;
            break;
        case OPT_CSV:
            csv = optarg;
            batch_flag = true;
            break;
        case OPT_PLAY:
            if (!parse_int(optarg, 1, 10000, &play)) {
                fprintf(stderr, _("emesa: --play %s: expected a number of games from 1 to 10000\n"), optarg);
                return 2;
            }
            break;
        case OPT_STRICT:
            ho.strict = true;
            break;
        case OPT_LIST_OPTIONS:
            list_options = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("emesa %s\n", EMESA_VERSION);
            fputs(_("A turn-based wargame of the sieges of Emesa. Free software: GPL-3.0-or-later.\n"), stdout);
            return 0;
        case ':':
            text_say(stderr, _("emesa: option %s needs a value"), argv[optind - 1]);
            usage(stderr);
            return 2;
        default:
            text_say(stderr, _("emesa: unknown option %s"), argv[optind - 1]);
            usage(stderr);
            return 2;
        }
    }
    if (what_if && (seed_given || ho.max_turns)) {
        fprintf(stderr,
                _("emesa: --what-if plays seeds 1..N (--games N) to the end: --seed and --turns do not apply\n"));
        return 2;
    }
    if (batch_flag && !what_if) {
        fprintf(stderr, _("emesa: --games, --jobs and --csv go with --what-if\n"));
        return 2;
    }
    if (what_if && (headless || check || replay || ho.resume || ho.ai || ho.commands || ho.save || ho.chronicle)) {
        fprintf(stderr, _("emesa: --what-if plays its own games: it cannot be used with --headless, --check, "
                        "--replay, --continue, --ai, --commands, --save or --chronicle\n"));
        return 2;
    }
    if (play && !check) {
        fprintf(stderr, _("emesa: --play goes with --check\n"));
        return 2;
    }
    if (check) {
        if (optind >= argc) {
            fprintf(stderr, _("emesa: --check needs at least one scenario file\n"));
            return 2;
        }
        if (play) {
            CheckPlayOptions co = {&ho.options, datadir_find(ddir), batch_default_jobs(), ho.strict};
            return check_play((const char *const *)argv + optind, argc - optind, (int)play, &co, stdout, stderr);
        }
        return headless_check((const char *const *)argv + optind, argc - optind, &ho.options, stdout, stderr);
    }
    if (optind < argc) {
        text_say(stderr, _("emesa: unexpected argument %s"), argv[optind]);
        usage(stderr);
        return 2;
    }
    if (replay && ho.resume) {
        fprintf(stderr, _("emesa: --replay and --continue cannot be used together\n"));
        return 2;
    }
    const char *dd = datadir_find(ddir);
    ho.data_dir = dd;
    ho.ai_level = (int)level;
    static char default_scenario[4096];
    if (!ho.scenario) {
        snprintf(default_scenario, sizeof default_scenario, "%s/scenarios/emesa-638.lua", dd);
        ho.scenario = default_scenario;
    }
    if (list_options)
        return headless_list_options(ho.scenario, stdout, stderr);
    if (what_if) {
        BatchOptions bo = {ho.scenario, dd, (int)games, jobs ? (int)jobs : batch_default_jobs(), (int)level,
                           &ho.options, csv};
        return whatif_batch(&bo, stdout, stderr);
    }
    /* A replay opens the window's viewer, unless it is asked for without a
     * window (--headless, -q), there is no display to open one on, or the
     * output goes to a pipe or a file (a script wants the text). The window
     * has no resume on the command line yet: --continue runs without one. */
#ifdef EMESA_WINDOW
    const char *vd = getenv("SDL_VIDEODRIVER"), *x11 = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    bool display = (vd && *vd) || (x11 && *x11) || (wl && *wl);
    bool window_replay = replay && !headless && !ho.quiet && display && isatty(STDOUT_FILENO);
#else
    bool window_replay = false;
#endif
    if (replay && !window_replay)
        return headless_replay(replay, &ho, stdout, stderr);
    if (headless || ho.resume)
        return headless_run(&ho, stdout, stderr);
#ifdef EMESA_WINDOW
    /* a switch the scenario does not declare is an error before a window opens */
    if (ho.options.n && headless_check_options(ho.scenario, &ho.options, stderr))
        return 1;
    UiConfig cfg = {0};
    cfg.options = &ho.options;
    cfg.data_dir = dd;
    cfg.scenario = ho.scenario;
    cfg.seed = ho.seed;
    cfg.ai_side = -1;
    cfg.ai_level = level_given ? (int)level : 0;   /* 0: the level the menu remembers */
    cfg.replay = replay;
    cfg.scale_pct = (int)scale;
    cfg.fullscreen = fullscreen;
    if (ho.ai)
        cfg.ai_side = strcmp(ho.ai, "all") == 0 ? 2 : -1; /* one side: chosen in the menu */
    return ui_run(&cfg);
#else
    (void)fullscreen;
    (void)scale;
    (void)level;
    (void)level_given;
    fprintf(stderr, _("emesa: this build has no window (SDL2 was not found); use --headless\n"));
    return 1;
#endif
}
