/* monkey.c - random play of the real game window, in-process.
 *
 *   monkey [--seed S] [--events N] [--data DIR] [--draw-every K] [--quiet]
 *          [--progress P] [--break-at I]   (self-test: spoil the game at event I)
 *
 * Drives a UiApp (src/ui) on SDL's dummy video driver with random events
 * pushed through SDL's own queue (SDL_PushEvent) and taken by the window's
 * loop (uiapp_pump, uiapp_handle): clicks on the buttons on screen and
 * anywhere, clicks on units and the hexes around them, drags, the wheel,
 * every shortcut with and without Ctrl and Shift, text input, window
 * resizes, full screen, focus and pointer leaving, interface scale
 * changes (the settings' buttons) and quitting. Time is a virtual clock
 * that jumps by random steps, so the computer plays and animations end at
 * thousands of events a second. The menu is played too: both scenarios,
 * every opponent, side and level, the replay viewer; the app is made
 * again when the player quits or after a random number of events, and a
 * finished game goes back to the menu through its debrief.
 *
 * After every event the game's own invariant check must hold
 * (core/check.h), and the selection must name units that exist. The first
 * failure prints the seed and the event index and exits 1; AddressSanitizer
 * and UndefinedBehaviorSanitizer reports (with halt_on_error) print them
 * too. A run is a function of its seed and event count: the same seed
 * fails at the same event.
 *
 * Nothing is written outside a temporary directory made for the run
 * (XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME and HOME point there):
 * settings, autosaves, F5 quick saves and F12 screenshots go there, and it
 * is removed at the end. The window opens no file dialogs. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <SDL.h>
#include "core/check.h"
#include "core/hex.h"
#include "ui/uiapp.h"

/* ---- the run's state, for the failure report ------------------------------ */

static uint64_t g_seed;
static long g_event = -1;
static const char *g_what = "starting";
static char g_tmp[256];

static void say_where(void)
{
    char b[256];
    int n = snprintf(b, sizeof b, "monkey: seed %llu, event %ld (%s)\n", (unsigned long long)g_seed, g_event, g_what);
    if (n > 0)
        (void)!write(2, b, (size_t)n < sizeof b ? (size_t)n : sizeof b - 1);
}

/* AddressSanitizer's and UBSan's death callback (halt_on_error). */
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

static void on_signal(int sig)
{
    say_where();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- random numbers: splitmix64 ----------------------------------------- */

static uint64_t rs;

static uint64_t rnd(void)
{
    uint64_t z = (rs += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rn(int n)
{
    return n > 0 ? (int)(rnd() % (uint64_t)n) : 0;
}

static bool chance(int pct)
{
    return rn(100) < pct;
}

/* ---- the window ---------------------------------------------------------- */

typedef struct Monkey {
    const char *data;
    SDL_Window *win;
    SDL_Renderer *r;
    UiApp *app;
    uint32_t now;
    long game_budget;       /* events left before the app is made again */
    int W, H;
    bool down;              /* left button held (a drag) */
    /* Figures. */
    long restarts, quits, games, games_by_year[2], frames, ai_orders;
    long screens[5], views[3];
    long clicks_on_buttons, clicks_on_units, scale_clicks;
    size_t last_events;
} Monkey;

static long rss_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, n) && line[n] == ':')
            v = atol(line + n + 1);
    fclose(f);
    return v;
}

static void die(const char *what, const char *detail)
{
    say_where();
    fprintf(stderr, "monkey: %s: %s\nmonkey: the window's files (settings, saves) are kept in %s\n", what, detail, g_tmp);
    fflush(NULL);
    _exit(1);   /* no leak report of the window left standing */
}

static void new_app(Monkey *m)
{
    if (m->app)
        uiapp_free(m->app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = m->data;
    cfg.seed = rnd() % 1000000;
    cfg.ai_side = chance(10) ? 2 : -1;
    cfg.ai_level = chance(50) ? 1 + rn(2) : 0;
    cfg.scale_pct = 100 + 25 * rn(9);
    char why[512];
    m->app = uiapp_new(m->win, m->r, &cfg, why, sizeof why);
    if (!m->app)
        die("the window does not start", why);
    m->game_budget = 500 + rn(6000);
    m->restarts++;
    m->down = false;
}

/* A point on the screen, mostly inside the window. */
static void any_point(Monkey *m, int *x, int *y)
{
    SDL_GetWindowSize(m->win, &m->W, &m->H);
    if (chance(3)) {
        *x = rn(m->W + 200) - 100;
        *y = rn(m->H + 200) - 100;
    } else {
        *x = rn(m->W > 0 ? m->W : 1);
        *y = rn(m->H > 0 ? m->H : 1);
    }
}

/* The centre of a random button on the screen as it is now. */
static bool button_point(Monkey *m, int *x, int *y)
{
    SDL_Rect b[256];
    int n = uiapp_buttons(m->app, b, 256);
    if (n > 256)
        n = 256;
    if (n <= 0)
        return false;
    SDL_Rect r = b[rn(n)];
    *x = r.x + (r.w > 2 ? 1 + rn(r.w - 2) : 0);
    *y = r.y + (r.h > 2 ? 1 + rn(r.h - 2) : 0);
    return true;
}

/* A unit of the running game, or a hex near one, on the screen. */
static bool hex_point(Monkey *m, int *x, int *y)
{
    const Game *g = uiapp_game(m->app);
    if (!g || g->nunits == 0)
        return false;
    for (int tries = 0; tries < 8; tries++) {
        const Unit *u = &g->units[rn(g->nunits)];
        if (u->status != UNIT_ON_MAP)
            continue;
        Hex h = u->hex;
        if (chance(50)) {
            HexOffset o = hex_to_offset(h);
            h = hex_from_offset(o.col + rn(7) - 3, o.row + rn(7) - 3);
        }
        if (chance(30))
            uiapp_center_on(m->app, h);
        if (uiapp_hex_screen(m->app, h, x, y))
            return true;
    }
    return false;
}

static void push(SDL_Event *e)
{
    if (SDL_PushEvent(e) < 0)
        fprintf(stderr, "monkey: SDL_PushEvent: %s\n", SDL_GetError());
}

static void motion(int x, int y, bool held)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    e.motion.xrel = rn(21) - 10;
    e.motion.yrel = rn(21) - 10;
    e.motion.state = held ? SDL_BUTTON_LMASK : 0;
    push(&e);
}

static void button(int x, int y, Uint8 which, bool press)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = press ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.button = which;
    e.button.state = press ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = (Uint8)(1 + (chance(10) ? 1 : 0));
    e.button.x = x;
    e.button.y = y;
    push(&e);
}

/* Every key the window answers to, and a few it does not. */
static const SDL_Keycode keys[] = {
    SDLK_1, SDLK_2, SDLK_3, SDLK_4, SDLK_5, SDLK_BACKSPACE, SDLK_COMMA, SDLK_DOWN, SDLK_END, SDLK_EQUALS,
    SDLK_ESCAPE, SDLK_F1, SDLK_F10, SDLK_F11, SDLK_F12, SDLK_F5, SDLK_F9, SDLK_HOME, SDLK_KP_ENTER,
    SDLK_KP_MINUS, SDLK_KP_PLUS, SDLK_LEFT, SDLK_LEFTBRACKET, SDLK_MINUS, SDLK_PAGEDOWN, SDLK_PAGEUP,
    SDLK_PERIOD, SDLK_PLUS, SDLK_QUESTION, SDLK_RETURN, SDLK_RIGHT, SDLK_RIGHTBRACKET, SDLK_SLASH, SDLK_SPACE,
    SDLK_TAB, SDLK_UP, SDLK_a, SDLK_c, SDLK_d, SDLK_e, SDLK_h, SDLK_k, SDLK_l, SDLK_m, SDLK_n, SDLK_o,
    SDLK_p, SDLK_q, SDLK_r, SDLK_s, SDLK_t, SDLK_v, SDLK_w, SDLK_y, SDLK_z,
    SDLK_0, SDLK_9, SDLK_b, SDLK_x, SDLK_F2, SDLK_F3, SDLK_F4, SDLK_F6, SDLK_F7, SDLK_F8, SDLK_DELETE, SDLK_INSERT,
    SDLK_KP_4, SDLK_LALT, SDLK_LCTRL, SDLK_LSHIFT, SDLK_CAPSLOCK, SDLK_MENU, SDLK_UNKNOWN,
};
/* The keys that quit or leave a game, asked for less often. */
static bool rare_key(SDL_Keycode k)
{
    return k == SDLK_ESCAPE || k == SDLK_q || k == SDLK_F12 || k == SDLK_F11;
}

static void key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = chance(5);
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    e.key.keysym.mod = mod;
    push(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    push(&e);
}

static Uint16 any_mod(void)
{
    int r = rn(100);
    return r < 70 ? 0 : r < 82 ? KMOD_LCTRL : r < 92 ? KMOD_LSHIFT : r < 96 ? (KMOD_LCTRL | KMOD_LSHIFT) : KMOD_LALT;
}

static void text(void)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    int n = 1 + rn(8);
    for (int i = 0; i < n; i++)
        e.text.text[i] = (char)(chance(80) ? 32 + rn(95) : 1 + rn(255));
    push(&e);
}

static void window_event(Monkey *m, Uint8 what, int d1, int d2)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = SDL_GetWindowID(m->win);
    e.window.event = what;
    e.window.data1 = d1;
    e.window.data2 = d2;
    push(&e);
}

/* Hands the queued events to the window at once (the steps of one
 * action that need the screen as the last one left it). */
static void drain(Monkey *m)
{
    SDL_Event e;
    while (SDL_PollEvent(&e))
        uiapp_handle(m->app, &e);
}

/* One random action of the player; sets g_what. */
static void act(Monkey *m)
{
    UiScreen s = uiapp_screen(m->app);
    int x, y, r = rn(1000);
    if (r < 250) {
        g_what = "click on a button";
        if (!button_point(m, &x, &y))
            any_point(m, &x, &y);
        else
            m->clicks_on_buttons++;
        motion(x, y, false);
        button(x, y, SDL_BUTTON_LEFT, true);
        button(x, y, SDL_BUTTON_LEFT, false);
    } else if (r < 400 && s == UI_GAME) {
        g_what = "click on a unit or a hex near it";
        if (!hex_point(m, &x, &y))
            any_point(m, &x, &y);
        else
            m->clicks_on_units++;
        Uint8 b = chance(80) ? SDL_BUTTON_LEFT : chance(70) ? SDL_BUTTON_RIGHT : SDL_BUTTON_MIDDLE;
        motion(x, y, false);
        button(x, y, b, true);
        button(x, y, b, false);
    } else if (r < 470) {
        g_what = "click anywhere";
        any_point(m, &x, &y);
        Uint8 b = chance(75) ? SDL_BUTTON_LEFT : chance(60) ? SDL_BUTTON_RIGHT : (Uint8)(2 + rn(4));
        button(x, y, b, true);
        button(x, y, b, false);
    } else if (r < 560) {
        g_what = "pointer motion";
        any_point(m, &x, &y);
        motion(x, y, m->down);
    } else if (r < 600) {
        /* A drag: press, move in steps (one event each), release. */
        any_point(m, &x, &y);
        if (!m->down) {
            g_what = "drag start";
            motion(x, y, false);
            button(x, y, SDL_BUTTON_LEFT, true);
            m->down = true;
        } else if (chance(60)) {
            g_what = "drag";
            motion(x, y, true);
        } else {
            g_what = "drag end";
            button(x, y, SDL_BUTTON_LEFT, false);
            m->down = false;
        }
    } else if (r < 660) {
        g_what = "wheel";
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = rn(7) - 3;
        e.wheel.x = chance(10) ? rn(3) - 1 : 0;
        push(&e);
    } else if (r < 900) {
        g_what = "key";
        SDL_Keycode k = keys[rn((int)(sizeof keys / sizeof keys[0]))];
        if (rare_key(k) && (s == UI_MENU ? chance(97) : chance(70)))
            k = SDLK_SPACE;
        key(k, any_mod());
    } else if (r < 930) {
        /* The calls that free and rebuild the game (undo, redo, load),
         * which the window must survive whatever it shows. */
        int k = rn(20);
        g_what = k < 10 ? "undo (Ctrl+Z)" : k < 15 ? "redo (Ctrl+Y)" : k < 18 ? "quick load (F9)" : "quick save (F5)";
        key(k < 10 ? SDLK_z : k < 15 ? SDLK_y : k < 18 ? SDLK_F9 : SDLK_F5, k < 15 ? KMOD_LCTRL : 0);
    } else if (r < 945) {
        g_what = "text input";
        text();
    } else if (r < 960) {
        g_what = "window resize";
        int w = chance(10) ? 200 + rn(300) : 640 + rn(1280), h = chance(10) ? 150 + rn(250) : 480 + rn(720);
        SDL_SetWindowSize(m->win, w, h);
    } else if (r < 985) {
        static const Uint8 ev[] = { SDL_WINDOWEVENT_FOCUS_LOST, SDL_WINDOWEVENT_FOCUS_GAINED, SDL_WINDOWEVENT_LEAVE,
                                    SDL_WINDOWEVENT_ENTER, SDL_WINDOWEVENT_MINIMIZED, SDL_WINDOWEVENT_RESTORED,
                                    SDL_WINDOWEVENT_EXPOSED, SDL_WINDOWEVENT_HIDDEN, SDL_WINDOWEVENT_SHOWN,
                                    SDL_WINDOWEVENT_SIZE_CHANGED };
        g_what = "window focus, pointer or size event";
        Uint8 w = ev[rn((int)sizeof ev)];
        window_event(m, w, w == SDL_WINDOWEVENT_SIZE_CHANGED ? rn(3000) - 100 : 0,
                     w == SDL_WINDOWEVENT_SIZE_CHANGED ? rn(2000) - 100 : 0);
    } else if (r < 999) {
        /* The interface scale: the settings' + and - (F10 opens them). */
        g_what = "interface scale";
        key(SDLK_F10, 0);
        drain(m);
        int n = 1 + rn(4);
        for (int i = 0; i < n; i++)
            if (uiapp_find_button(m->app, chance(50) ? "+" : "\xE2\x88\x92", &x, &y)) {
                button(x, y, SDL_BUTTON_LEFT, true);
                button(x, y, SDL_BUTTON_LEFT, false);
                drain(m);
                m->scale_clicks++;
            }
        if (chance(70))
            key(SDLK_ESCAPE, 0);
    } else if (chance(20)) {
        g_what = "quit";
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_QUIT;
        push(&e);
    } else {
        g_what = "key";
        key(SDLK_SPACE, 0);
    }
}

/* The menu: choose a scenario, an opponent, a side and a level, start. */
static void menu_macro(void)
{
    g_what = "menu: choose and start";
    int n = rn(3);
    for (int i = 0; i < n; i++)
        key(chance(50) ? SDLK_UP : SDLK_DOWN, 0);
    n = rn(4);
    for (int i = 0; i < n; i++)
        key(SDLK_h, 0);
    if (chance(50))
        key(SDLK_TAB, 0);
    key((SDL_Keycode)(SDLK_1 + rn(chance(70) ? 2 : 3)), 0);
    key(chance(5) ? SDLK_w : SDLK_RETURN, 0);
}

/* Gives every save a modification time from its name, so the replay list
 * is in the same order in every run of a seed. */
static void stamp_saves(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        uint64_t h = 1469598103934665603ull;
        for (const char *p = de->d_name; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ull;
        struct timespec ts[2] = { { (time_t)(1700000000 + h % 1000000), 0 }, { (time_t)(1700000000 + h % 1000000), 0 } };
        utimensat(dirfd(d), de->d_name, ts, 0);
    }
    closedir(d);
}

static void check(Monkey *m)
{
    const Game *g = uiapp_game(m->app);
    char why[512];
    if (g && !game_check_invariants(g, why, sizeof why))
        die("the game's invariant check fails", why);
    int sel[64];
    int n = uiapp_selection(m->app, sel, 64);
    for (int i = 0; i < n; i++)
        if (!g || sel[i] < 0 || sel[i] >= g->nunits) {
            snprintf(why, sizeof why, "selected unit %d of %d", sel[i], g ? g->nunits : 0);
            die("the selection names no unit", why);
        }
}

static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *de;
            while ((de = readdir(d))) {
                if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
                    continue;
                char sub[1200];
                snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
                rm_rf(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: monkey [--seed S] [--events N] [--data DIR] [--draw-every K] [--quiet] [--progress P] [--break-at I]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    long events = 20000;
    long break_at = -1;     /* self-test: break the game at this event */
    long progress = 50000;  /* events between progress lines */
    int draw_every = 8;
    bool quiet = false;
    const char *data = getenv("EMESA_SOURCE_DIR");
    g_seed = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            g_seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--events") && i + 1 < argc)
            events = atol(argv[++i]);
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--draw-every") && i + 1 < argc)
            draw_every = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--break-at") && i + 1 < argc)
            break_at = atol(argv[++i]);
        else if (!strcmp(argv[i], "--progress") && i + 1 < argc)
            progress = atol(argv[++i]);
        else if (!strcmp(argv[i], "--quiet"))
            quiet = true;
        else
            usage();
    }
    if (events < 0 || draw_every < 1 || progress < 1)
        usage();
    if (!data)
        data = ".";
    rs = g_seed * 0x2545F4914F6CDD1Dull + 1;

    /* Everything the window writes goes to a directory of the run's own. */
    snprintf(g_tmp, sizeof g_tmp, "%s/emesa-monkey-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(g_tmp)) {
        perror("monkey: mkdtemp");
        return 2;
    }
    char sub[400];
    static const char *const envs[][2] = { { "XDG_DATA_HOME", "data" },
                                            { "XDG_CACHE_HOME", "cache" },
                                            { "XDG_CONFIG_HOME", "config" },
                                            { "HOME", "home" } };
    for (size_t i = 0; i < sizeof envs / sizeof envs[0]; i++) {
        snprintf(sub, sizeof sub, "%s/%s", g_tmp, envs[i][1]);
        mkdir(sub, 0700);
        setenv(envs[i][0], sub, 1);
    }
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(say_where);
    else {
        /* Without the sanitizers (which have handlers of their own). */
        signal(SIGSEGV, on_signal);
        signal(SIGABRT, on_signal);
        signal(SIGFPE, on_signal);
        signal(SIGBUS, on_signal);
    }

    /* SIGINT and SIGTERM stop the run (SDL would make them a quit event). */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "monkey: %s\n", SDL_GetError());
        return 2;
    }
    char *pref = SDL_GetPrefPath("emesa", "emesa");
    Monkey m;
    memset(&m, 0, sizeof m);
    m.data = data;
    m.now = 1000;
    m.win = SDL_CreateWindow("Emesa monkey", 0, 0, 1280, 800, SDL_WINDOW_RESIZABLE);
    m.r = m.win ? SDL_CreateRenderer(m.win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!m.r) {
        fprintf(stderr, "monkey: %s\n", SDL_GetError());
        return 2;
    }
    if (!quiet)
        fprintf(stderr, "monkey: seed %llu, %ld events, data %s, files in %s\n", (unsigned long long)g_seed, events,
                data, g_tmp);
    new_app(&m);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long rss0 = -1, hwm0 = -1;
    UiScreen was = uiapp_screen(m.app);
    long on_screen = 0;
    static const uint32_t steps[] = { 0, 1, 5, 16, 16, 40, 100, 300, 700, 1500, 4000 };
    for (g_event = 0; g_event < events; g_event++) {
        UiScreen s = uiapp_screen(m.app);
        if (s == UI_MENU && pref)
            stamp_saves(pref);
        /* The player's action: in the menu often a whole choice, on a
         * debrief after a while the way back to the menu. */
        if (s == UI_MENU && chance(25))
            menu_macro();
        else if (s == UI_DEBRIEF && on_screen > 20 && chance(30)) {
            g_what = "debrief: back to the menu";
            key(SDLK_RETURN, 0);
        } else
            act(&m);
        /* The window's loop takes the queue; a frame every few events
         * (uiapp_pump), else the events and a tick alone. */
        m.now += steps[rn((int)(sizeof steps / sizeof steps[0]))];
        bool alive;
        if (g_event % draw_every == 0) {
            alive = uiapp_pump(m.app, m.now);
            m.frames++;
        } else {
            SDL_Event e;
            alive = true;
            while (alive && SDL_PollEvent(&e))
                alive = uiapp_handle(m.app, &e);
            uiapp_tick(m.app, m.now);
        }
        if (g_event == break_at) {
            /* The self-test of the failure report: a unit on the map with
             * no strength, as a broken rule would leave it. */
            Game *bg = (Game *)uiapp_game(m.app);
            for (int u = 0; bg && u < bg->nunits; u++)
                if (bg->units[u].status == UNIT_ON_MAP) {
                    bg->units[u].sp = 0;
                    break;
                }
        }
        check(&m);
        /* Now and then the player sits back and watches: the loop ticks
         * on (the computer plays, animations run) with no input. */
        if (alive && chance(15)) {
            g_what = "ticks without input";
            int n = 1 + rn(30);
            for (int i = 0; i < n; i++) {
                m.now += steps[rn((int)(sizeof steps / sizeof steps[0]))];
                uiapp_tick(m.app, m.now);
                check(&m);
            }
        }
        const Game *g = uiapp_game(m.app);
        if (g && g->events.n != m.last_events)
            m.ai_orders++;
        m.last_events = g ? g->events.n : 0;
        UiScreen now_s = uiapp_screen(m.app);
        if (now_s >= UI_MENU && now_s <= UI_SAVES)
            m.screens[now_s]++;
        if (now_s == UI_GAME && uiapp_view(m.app) >= 0 && uiapp_view(m.app) < 3)
            m.views[uiapp_view(m.app)]++;
        if ((was == UI_MENU || was == UI_SAVES) && (now_s == UI_GAME || now_s == UI_HANDOVER) && g) {
            m.games++;
            m.games_by_year[g->start_year >= 637]++;
        }
        on_screen = now_s == was ? on_screen + 1 : 0;
        was = now_s;
        if (!alive) {
            g_what = "making the app again after quit";
            m.quits++;
            new_app(&m);
            was = uiapp_screen(m.app);
        } else if (--m.game_budget <= 0) {
            g_what = "making the app again";
            new_app(&m);
            was = uiapp_screen(m.app);
        }
        if (g_event == 999 || (events < 1000 && g_event == events - 1)) {
            rss0 = rss_kb("VmRSS");
            hwm0 = rss_kb("VmHWM");
        }
        if (!quiet && g_event > 0 && g_event % progress == 0) {
            clock_gettime(CLOCK_MONOTONIC, &t1);
            fprintf(stderr, "monkey: %ld events, %.0f s, RSS %ld kB (peak %ld kB), %ld games\n", g_event,
                    (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, rss_kb("VmRSS"),
                    rss_kb("VmHWM"), m.games);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    long rss1 = rss_kb("VmRSS"), hwm1 = rss_kb("VmHWM");
    g_what = "the end";
    uiapp_free(m.app);
    SDL_DestroyRenderer(m.r);
    SDL_DestroyWindow(m.win);
    SDL_free(pref);
    SDL_Quit();
    rm_rf(g_tmp);
    printf("monkey: seed %llu: %ld events in %.1f s (%.0f a second), 0 failures\n", (unsigned long long)g_seed, events,
           secs, secs > 0 ? events / secs : 0.0);
    printf("  frames %ld, apps made %ld (%ld on quit), games started %ld (635: %ld, 638: %ld), events that changed the game %ld\n",
           m.frames, m.restarts, m.quits, m.games, m.games_by_year[0], m.games_by_year[1], m.ai_orders);
    printf("  events on screen: menu %ld, game %ld (map %ld, theatre %ld, timeline %ld), handover %ld, debrief %ld, "
           "replays %ld\n",
           m.screens[UI_MENU], m.screens[UI_GAME], m.views[0], m.views[1], m.views[2], m.screens[UI_HANDOVER],
           m.screens[UI_DEBRIEF], m.screens[UI_SAVES]);
    printf("  clicks on buttons %ld, on units and hexes %ld, on the interface scale %ld\n", m.clicks_on_buttons,
           m.clicks_on_units, m.scale_clicks);
    printf("  RSS after 1000 events %ld kB (peak %ld kB); at the end %ld kB (peak %ld kB)\n", rss0, hwm0, rss1, hwm1);
    fflush(stdout);
    return 0;
}
