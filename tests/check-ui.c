/* check-ui.c - the window driven like a player would, on the software
 * renderer with SDL_VIDEODRIVER=dummy: the menu lists the 638 scenario,
 * a unit is selected, moved and the turn ended, all through synthetic
 * mouse and key events; assertions on the engine state reached through
 * commands and on the pixels. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <SDL.h>
#include "core/effect.h"
#include "core/path.h"
#include "ui/uiapp.h"
#include "../tools/bench/demo-theatre.h"
#include "../tools/bench/demo-save.h"
#include "testutil.h"

enum { W = 1280, H = 800 };

static SDL_Surface *surf;
static SDL_Renderer *ren;
static UiApp *app;
static char scen_path[1200];
static char home[256];

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    snprintf(home, sizeof home, "/tmp/emesa-check-ui-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(home));
    setenv("XDG_DATA_HOME", home, 1);
    ck_assert_int_eq(SDL_Init(SDL_INIT_VIDEO), 0);
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    ren = SDL_CreateSoftwareRenderer(surf);
    ck_assert_ptr_nonnull(ren);
    const char *src = getenv("EMESA_SOURCE_DIR");
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = src ? src : ".";
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.scale_pct = 100;
    char why[512];
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
    snprintf(scen_path, sizeof scen_path, "%s/scenarios/emesa-638.lua", cfg.data_dir);
}

static void teardown(void)
{
    uiapp_free(app);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
}

static void send_click(int x, int y, Uint8 button)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    uiapp_handle(app, &e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = button;
    e.button.x = x;
    e.button.y = y;
    uiapp_handle(app, &e);
    e.type = SDL_MOUSEBUTTONUP;
    uiapp_handle(app, &e);
}

static void send_key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    uiapp_handle(app, &e);
}

static void frame(void)
{
    uiapp_draw(app);
    SDL_RenderPresent(ren);
}

static uint32_t px(int x, int y)
{
    return ((uint32_t *)((uint8_t *)surf->pixels + y * surf->pitch))[x] & 0xffffff;
}

static int lum_at(int x, int y)
{
    uint32_t p = px(x, y);
    return (int)((((p >> 16) & 255) * 3 + ((p >> 8) & 255) * 6 + (p & 255)) / 10);
}

static bool have_scenario(void)
{
    return access(scen_path, R_OK) == 0;
}

START_TEST(menu_lists_the_scenarios)
{
    ck_assert_int_eq(uiapp_screen(app), UI_MENU);
    ck_assert_int_ge(uiapp_scenario_count(app), 1);
    ck_assert_int_ge(uiapp_find_scenario(app, "emesa-638"), 0);
    frame();
    /* The menu is drawn: many different colours on screen. */
    uint32_t seen[64];
    int n = 0;
    for (int y = 5; y < H && n < 64; y += 37)
        for (int x = 5; x < W && n < 64; x += 41) {
            uint32_t p = px(x, y);
            bool dup = false;
            for (int i = 0; i < n; i++)
                dup |= seen[i] == p;
            if (!dup)
                seen[n++] = p;
        }
    ck_assert_int_ge(n, 4);
}
END_TEST

/* A unit of the side to act that can reach some hex at least 2 away. */
static int pick_mover(const Game *g, Hex *dest)
{
    int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
    int found = -1;
    for (int u = 0; u < g->nunits && found < 0; u++) {
        if (g->units[u].side != g->active || g->units[u].status != UNIT_ON_MAP || g->units[u].mp <= 0)
            continue;
        path_reachable(g, u, reach);
        for (int row = 0; row < g->map.height && found < 0; row++)
            for (int col = 0; col < g->map.width && found < 0; col++) {
                Hex h = hex_from_offset(col, row);
                int ids[8];
                if (reach[row * g->map.width + col] > 0 && hex_distance(h, g->units[u].hex) == 2 &&
                    game_units_at(g, h, ids, 8) == 0) {
                    found = u;
                    *dest = h;
                }
            }
    }
    free(reach);
    return found;
}

START_TEST(select_move_end_turn)
{
    if (!have_scenario()) {
        fprintf(stderr, "check-ui: %s not there yet; skipping\n", scen_path);
        return;
    }
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(app);
    ck_assert_ptr_nonnull(g);
    /* Hot-seat: the hand-over screen hides the map first. */
    ck_assert_int_eq(uiapp_screen(app), UI_HANDOVER);
    send_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);

    Hex dest;
    int u = pick_mover(g, &dest);
    ck_assert_int_ge(u, 0);
    Hex start = g->units[u].hex;
    uiapp_set_zoom(app, 2);
    uiapp_center_on(app, start);
    frame();
    /* A hex far from the unit, in view, before and after selecting. */
    int fx = -1, fy = -1;
    for (int row = 0; row < g->map.height && fx < 0; row++)
        for (int col = 0; col < g->map.width && fx < 0; col++) {
            Hex h = hex_from_offset(col, row);
            int ids[8], x, y;
            if (hex_distance(h, start) >= 8 && game_units_at(g, h, ids, 8) == 0 && uiapp_hex_screen(app, h, &x, &y) &&
                map_terrain(&g->map, h) == TER_OPEN) {
                fx = x;
                fy = y;
            }
        }
    ck_assert_int_ge(fx, 0);
    int lum_before = lum_at(fx, fy);

    int ux, uy;
    ck_assert(uiapp_hex_screen(app, start, &ux, &uy));
    send_click(ux, uy, SDL_BUTTON_LEFT);
    int sel[4];
    ck_assert_int_ge(uiapp_selection(app, sel, 4), 1);
    ck_assert_int_eq(g->units[sel[0]].hex.q, start.q);
    ck_assert_int_eq(g->units[sel[0]].hex.r, start.r);
    u = sel[0];
    frame();
    ck_assert_int_gt(lum_before - lum_at(fx, fy), 15);   /* unreachable dimmed */

    /* Recompute a destination for the unit actually selected (top of stack). */
    {
        int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
        path_reachable(g, u, reach);
        bool ok = false;
        for (int row = 0; row < g->map.height && !ok; row++)
            for (int col = 0; col < g->map.width && !ok; col++) {
                Hex h = hex_from_offset(col, row);
                int ids[8], x, y;
                if (reach[row * g->map.width + col] > 0 && hex_distance(h, start) == 2 && game_units_at(g, h, ids, 8) == 0 &&
                    uiapp_hex_screen(app, h, &x, &y)) {
                    dest = h;
                    ok = true;
                }
            }
        free(reach);
        ck_assert(ok);
    }
    int dx, dy;
    ck_assert(uiapp_hex_screen(app, dest, &dx, &dy));
    uint32_t dest_before = px(dx, dy);
    size_t nev = g->events.n;
    send_click(dx, dy, SDL_BUTTON_LEFT);
    ck_assert_msg(hex_eq(g->units[u].hex, dest), "the unit did not move");
    ck_assert_uint_gt(g->events.n, nev);
    uiapp_finish_animations(app);
    frame();
    ck_assert_uint_ne(px(dx, dy), dest_before);      /* the counter is drawn there */

    /* End the turn: Space asks, Enter confirms. */
    int active = g->active, turn = g->turn, phase = g->phase;
    send_key(SDLK_SPACE);
    ck_assert_int_eq(g->active, active);             /* only asked so far */
    send_key(SDLK_RETURN);
    ck_assert(g->active != active || g->turn != turn || g->phase != phase);
    /* Hot-seat: hand-over again, hiding the map. */
    ck_assert_int_eq(uiapp_screen(app), UI_HANDOVER);
    frame();
}
END_TEST

START_TEST(gate_pixels_follow_the_gate)
{
    if (!have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, 0, false, why, sizeof why), "%s", why);
    Game *g = (Game *)uiapp_game(app);
    ck_assert_int_ge(g->ngates, 1);
    /* The test, not the window, changes the gate (through an effect). */
    uiapp_set_zoom(app, 3);
    uiapp_center_on(app, g->gates[0].hex);
    int x, y;
    ck_assert(uiapp_hex_screen(app, g->gates[0].hex, &x, &y));
    effect_set_gate(g, 0, GATE_SHUT);
    frame();
    uint32_t shut[64];
    for (int k = 0; k < 64; k++)
        shut[k] = px(x - 8 + k % 8 * 2, y - 8 + k / 8 * 2);
    effect_set_gate(g, 0, GATE_OPEN);
    frame();
    int diff = 0;
    for (int k = 0; k < 64; k++)
        diff += shut[k] != px(x - 8 + k % 8 * 2, y - 8 + k / 8 * 2);
    ck_assert_int_gt(diff, 16);
}
END_TEST

START_TEST(computer_plays_its_side)
{
    if (!have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, 0, false, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(app);
    int human = g->active == 0 ? 1 : 0;
    uiapp_free(app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    cfg.seed = 7;
    cfg.ai_side = -1;
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(uiapp_start(app, i, human, false, why, sizeof why), "%s", why);
    g = uiapp_game(app);
    size_t nev = g->events.n;
    uint32_t t = 1000;
    for (int k = 0; k < 5000 && g->active != human && g->mode != MODE_OVER; k++) {
        uiapp_finish_animations(app);
        uiapp_tick(app, t += 500);
    }
    ck_assert_int_eq(g->active, human);
    ck_assert_uint_gt(g->events.n, nev);
    frame();
}
END_TEST

/* ---- the computer's pace ------------------------------------------------ */

static void write_pace(int pace)
{
    char path[600];
    snprintf(path, sizeof path, "%s/emesa", home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/emesa/emesa", home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", home);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "ai_pace = %d\n", pace);
    fclose(f);
}

static int saved_pace(void)
{
    char path[600], line[256];
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", home);
    FILE *f = fopen(path, "r");
    int v = -1;
    while (f && fgets(line, sizeof line, f))
        sscanf(line, "ai_pace = %d", &v);
    if (f)
        fclose(f);
    return v;
}

/* A new window (reading settings.ini) with the 638 game started so that
 * the computer is to move; returns the human's side. */
static int computer_to_move(void)
{
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, 0, false, why, sizeof why), "%s", why);
    int human = uiapp_game(app)->active == 0 ? 1 : 0;
    uiapp_free(app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.ai_level = 1;
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
    ck_assert_msg(uiapp_start(app, i, human, false, why, sizeof why), "%s", why);
    ck_assert_int_ne(uiapp_game(app)->active, human);
    return human;
}

START_TEST(computer_pace_is_a_setting)
{
    if (!have_scenario())
        return;
    /* Instant: with the clock standing still the computer plays its whole
     * turn and nothing is left to animate. */
    write_pace(0);
    int human = computer_to_move();
    const Game *g = uiapp_game(app);
    for (int k = 0; k < 400 && g->active != human && g->mode != MODE_OVER; k++)
        uiapp_tick(app, 1000);
    ck_assert_int_eq(g->active, human);
    ck_assert_int_ne(uiapp_next_wake(app, 1000), 0);
    /* Normal (as before the setting): one command, then the turn waits
     * for its animation or its 40 ms pause while the clock stands still. */
    write_pace(2);
    human = computer_to_move();
    g = uiapp_game(app);
    size_t nev = g->events.n;
    for (int k = 0; k < 50; k++)
        uiapp_tick(app, 1000);
    ck_assert_uint_gt(g->events.n, nev);
    ck_assert_int_ne(g->active, human);
    int wake = uiapp_next_wake(app, 1000);
    ck_assert_msg(wake == 0 || wake == 40 || wake == 250, "wake %d", wake);
    /* The Settings screen cycles it and settings.ini keeps it. */
    uiapp_free(app);
    char why[512];
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    cfg.ai_side = -1;
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    send_key(SDLK_F10);
    frame();
    int x, y;
    ck_assert(uiapp_find_button(app, "Normal", &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    ck_assert_int_eq(saved_pace(), 3);
    ck_assert(uiapp_find_button(app, "Slow", &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    ck_assert_int_eq(saved_pace(), 0);
    ck_assert(uiapp_find_button(app, "Instant", &x, &y));
}
END_TEST

/* The font file fontconfig found, from settings.ini ("" if none). */
static void saved_font(char *out, size_t n)
{
    char path[600], line[700];
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", home);
    FILE *f = fopen(path, "r");
    out[0] = 0;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "font = ", 7) == 0) {
            line[strcspn(line, "\n")] = 0;
            snprintf(out, n, "%s", line + 7);
        }
    if (f)
        fclose(f);
}

START_TEST(font_path_is_remembered)
{
    if (getenv("EMESA_FONT"))
        return;
    /* The first start asked fontconfig and kept its answer. */
    char font[600];
    saved_font(font, sizeof font);
    struct stat st;
    ck_assert_msg(font[0] && stat(font, &st) == 0 && S_ISREG(st.st_mode), "font '%s'", font);
    /* A remembered file that has gone: fontconfig is asked again. */
    write_pace(2);
    char path[600];
    snprintf(path, sizeof path, "%s/emesa/emesa/settings.ini", home);
    FILE *f = fopen(path, "a");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "font = %s/no-such-font.ttf\n", home);
    fclose(f);
    uiapp_free(app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    cfg.ai_side = -1;
    char why[512];
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
    char again[600];
    saved_font(again, sizeof again);
    ck_assert_str_eq(again, font);
    ck_assert_int_eq(saved_pace(), 2);
    frame();
}
END_TEST

START_TEST(menu_read_on_a_thread_is_the_same)
{
    /* The window reads the menu's scenarios while SDL opens the display. */
    const char *src = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = src;
    cfg.ai_side = -1;
    cfg.prefetch = menu_prefetch_start(src);
    ck_assert_ptr_nonnull(cfg.prefetch);
    char why[512];
    UiApp *b = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    menu_prefetch_free(cfg.prefetch);
    ck_assert_msg(b != NULL, "%s", why);
    ck_assert_int_gt(uiapp_scenario_count(app), 1);
    ck_assert_int_eq(uiapp_scenario_count(b), uiapp_scenario_count(app));
    ck_assert_int_eq(uiapp_find_scenario(b, "emesa-638"), uiapp_find_scenario(app, "emesa-638"));
    ck_assert_int_eq(uiapp_find_scenario(b, "emesa-635"), uiapp_find_scenario(app, "emesa-635"));
    uiapp_free(b);
}
END_TEST

START_TEST(f12_saves_a_screenshot)
{
    frame();
    send_key(SDLK_F12);
    char dir[400];
    snprintf(dir, sizeof dir, "%s/emesa/emesa", home);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *de;
    int pngs = 0;
    while ((de = readdir(d)))
        pngs += strstr(de->d_name, ".png") != NULL;
    closedir(d);
    ck_assert_int_eq(pngs, 1);
}
END_TEST

START_TEST(help_and_settings_open_and_close)
{
    send_key(SDLK_F1);
    frame();
    send_key(SDLK_ESCAPE);
    send_key(SDLK_F10);
    frame();
    send_key(SDLK_ESCAPE);
    ck_assert_int_eq(uiapp_screen(app), UI_MENU);
}
END_TEST

/* Escape (or q) on the main menu asks "Quit Emesa?" before quitting: Esc
 * or No keeps the menu, Return or Yes quits. */
START_TEST(escape_on_menu_asks_before_quitting)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_ESCAPE;
    int x, y;
    ck_assert(uiapp_handle(app, &e));           /* still running */
    frame();
    ck_assert(uiapp_find_button(app, "No  Esc", &x, &y));
    ck_assert(uiapp_handle(app, &e));           /* Esc: no */
    ck_assert_int_eq(uiapp_screen(app), UI_MENU);
    e.key.keysym.sym = SDLK_RETURN;
    ck_assert(uiapp_handle(app, &e));           /* Return with no question: the menu's own start */
    ck_assert_int_ne(uiapp_screen(app), UI_MENU);
}
END_TEST

START_TEST(menu_quits_after_yes)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_q;
    ck_assert(uiapp_handle(app, &e));
    e.key.keysym.sym = SDLK_RETURN;
    ck_assert(!uiapp_handle(app, &e));          /* yes: quit */
}
END_TEST

/* ---- the siege panel, the theatre and the timeline ------------------- */

/* Starts the 638 game at two players, past the hand-over, with the
 * hand-built theatre; the coalition (the besieger) is to act. */
static Game *start_siege_game(void)
{
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    send_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);
    Game *g = (Game *)uiapp_game(app);
    demo_theatre(g);
    return g;
}

static void click_button(const char *label)
{
    int x, y;
    ck_assert_msg(uiapp_find_button(app, label, &x, &y), "no button '%s' on screen", label);
    send_click(x, y, SDL_BUTTON_LEFT);
}

static bool near_rgb(uint32_t p, uint32_t c, int tol)
{
    int dr = (int)((p >> 16) & 255) - (int)((c >> 16) & 255), dg = (int)((p >> 8) & 255) - (int)((c >> 8) & 255),
        db = (int)(p & 255) - (int)(c & 255);
    return dr * dr + dg * dg + db * db <= tol * tol;
}

/* Pixels near colour c in the side panel (the right 340 px). */
static int panel_pixels(uint32_t c)
{
    int n = 0;
    for (int y = 40; y < H; y++)
        for (int x = W - 340; x < W; x++)
            n += near_rgb(px(x, y), c, 40);
    return n;
}

START_TEST(theatre_draws_places_and_columns)
{
    if (!have_scenario())
        return;
    Game *g = start_siege_game();
    uiapp_set_view(app, 1);
    frame();
    /* Every place is a disc in its owner's colour, roads between them. */
    int emesa = 0, hit = siege_place_by_id(&g->siege, "hit");
    ck_assert_int_ge(hit, 0);
    int x, y;
    ck_assert(uiapp_theatre_place_screen(app, emesa, &x, &y));
    uint32_t own = px(x + 4, y + 4);
    ck_assert(uiapp_theatre_place_screen(app, hit, &x, &y));
    uint32_t enemy = px(x + 3, y + 3);
    ck_assert_uint_ne(own, enemy);
    ck_assert_uint_ne(own, px(5, H - 60));          /* not the parchment */
    /* Al-Qa'qa''s column is drawn on its road; after the theatre loses it,
     * the same pixels show the map again. */
    int cx, cy;
    ck_assert(uiapp_theatre_column_screen(app, 0, &cx, &cy));
    uint32_t col_px = px(cx - 12, cy);
    int n = g->siege.ncolumns;
    g->siege.ncolumns = 0;
    frame();
    uint32_t bare = px(cx - 12, cy);
    g->siege.ncolumns = n;
    frame();
    ck_assert_uint_ne(col_px, bare);
    ck_assert_uint_eq(px(cx - 12, cy), col_px);
    /* The enemy's secret column is not drawn for the coalition... */
    int raid = siege_column_by_id(&g->siege, "raid");
    ck_assert(uiapp_theatre_column_screen(app, raid, &cx, &cy));   /* its own */
    g->siege.columns[raid].side = 0;                               /* now the enemy's */
    ck_assert(!uiapp_theatre_column_screen(app, raid, &cx, &cy));
    g->siege.columns[raid].side = 1;
    /* The timeline lists the Rashidun relief once it is rumoured. */
    send_key(SDLK_r);
    ck_assert_int_eq(uiapp_view(app), 2);
    frame();
    send_key(SDLK_r);
    ck_assert_int_eq(uiapp_view(app), 0);
}
END_TEST

START_TEST(siege_panel_shows_food_and_weather)
{
    if (!have_scenario())
        return;
    Game *g = start_siege_game();
    const uint32_t bad = 0xe0604a, good = 0x7ccc6a;
    /* Seen by the Rashidun (the holder of the stores). */
    ck_assert(g->active == 1);
    uiapp_set_view(app, 0);
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    send_key(SDLK_RETURN);   /* hand-over */
    g = (Game *)uiapp_game(app);
    ck_assert_int_eq(g->active, 0);
    g->siege.weather = WX_MILD;
    g->siege.fords_closed = false;
    g->siege.side[0].food = 200;
    frame();
    int bad_mild = panel_pixels(bad), good_fed = panel_pixels(good);
    g->siege.weather = WX_RAIN;
    g->siege.fords_closed = true;
    frame();
    int bad_rain = panel_pixels(bad);
    ck_assert_int_gt(bad_rain, bad_mild + 40);       /* "Rain · fords closed" */
    g->siege.side[0].food = 5;                       /* 5 days: in red */
    frame();
    ck_assert_int_lt(panel_pixels(good), good_fed - 40);
    ck_assert_int_gt(panel_pixels(bad), bad_rain + 40);
    ck_assert_int_le(siege_food_days(g, 0), 8);
}
END_TEST

START_TEST(siege_orders_become_commands)
{
    if (!have_scenario())
        return;
    Game *g = start_siege_game();
    ck_assert_int_eq(g->active, 1);                  /* the coalition besieges */
    frame();
    ck_assert(!g->siege.gate_alert[0]);
    click_button("Alert");
    ck_assert(g->siege.gate_alert[0]);
    click_button("Stand down");
    ck_assert(!g->siege.gate_alert[0]);
    click_button("Generous");
    ck_assert_int_eq(g->siege.terms, TERMS_GENEROUS);
    /* Release a contingent from the theatre: two clicks. */
    send_key(SDLK_t);
    frame();
    int k = siege_contingent_by_id(&g->siege, "rabia");
    click_button("Release");
    ck_assert(!g->siege.contingents[k].departed);
    click_button("Sure? Release");
    ck_assert(g->siege.contingents[k].departed);
    /* The Rashidun's part: gates and rations, then a column. */
    send_key(SDLK_t);
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    send_key(SDLK_RETURN);
    g = (Game *)uiapp_game(app);
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(g->gates[0].state, GATE_SHUT);
    click_button("Open");
    ck_assert_int_eq(g->gates[0].state, GATE_OPEN);
    click_button("Half rations");
    ck_assert_int_eq(g->siege.side[0].rations, RATION_HALF);
    send_key(SDLK_t);
    int ab = siege_column_by_id(&g->siege, "abdallah"), hit = siege_place_by_id(&g->siege, "hit");
    int x, y;
    ck_assert(uiapp_theatre_column_screen(app, ab, &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    ck_assert(uiapp_theatre_place_screen(app, hit, &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    click_button("Mounted");
    ck_assert_int_eq(g->siege.columns[ab].state, COL_MARCHING);
    ck_assert_int_eq(g->siege.columns[ab].dest, hit);
    ck_assert_int_eq(g->siege.columns[ab].pace, PACE_MOUNTED);
}
END_TEST

START_TEST(undo_save_and_load)
{
    if (!have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    send_key(SDLK_RETURN);
    const Game *g = uiapp_game(app);
    /* A move that reveals nothing can be taken back. */
    Hex dest;
    int u = pick_mover(g, &dest);
    ck_assert_int_ge(u, 0);
    Hex start = g->units[u].hex;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    /* Give the move through the map as a player does. */
    uiapp_center_on(app, start);
    int x, y;
    ck_assert(uiapp_hex_screen(app, start, &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    int sel[4];
    ck_assert_int_ge(uiapp_selection(app, sel, 4), 1);
    u = sel[0];
    int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
    path_reachable(g, u, reach);
    bool found = false;
    for (int row = 0; row < g->map.height && !found; row++)
        for (int col = 0; col < g->map.width && !found; col++) {
            Hex h = hex_from_offset(col, row);
            int ids[8];
            if (reach[row * g->map.width + col] > 0 && hex_distance(h, start) == 1 && game_units_at(g, h, ids, 8) == 0 &&
                uiapp_hex_screen(app, h, &x, &y)) {
                dest = h;
                found = true;
            }
        }
    free(reach);
    ck_assert(found);
    send_click(x, y, SDL_BUTTON_LEFT);
    uiapp_finish_animations(app);
    ck_assert(hex_eq(g->units[u].hex, dest));
    e.key.keysym.sym = SDLK_z;
    e.key.keysym.mod = KMOD_LCTRL;
    uiapp_handle(app, &e);
    g = uiapp_game(app);                            /* undo re-plays into a new game */
    ck_assert_msg(hex_eq(g->units[u].hex, start), "undo did not take the move back: %s", uiapp_status(app));
    frame();
    /* F5 saves; a change; F9 brings the save back. */
    send_key(SDLK_F5);
    char path[400];
    snprintf(path, sizeof path, "%s/emesa/emesa/quicksave-emesa-638.emesa-save", home);
    ck_assert_msg(access(path, R_OK) == 0, "%s", uiapp_status(app));
    int turn = g->turn, active = g->active;
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    g = uiapp_game(app);
    ck_assert(g->active != active || g->turn != turn);
    /* The turn handed over: undo refuses, and says why. */
    send_key(SDLK_RETURN);
    uiapp_handle(app, &e);
    ck_assert_ptr_nonnull(strstr(uiapp_status(app), "Cannot undo"));
    send_key(SDLK_F9);
    g = uiapp_game(app);
    ck_assert_msg(g->turn == turn && g->active == active, "%s", uiapp_status(app));
    ck_assert(hex_eq(g->units[u].hex, start));
}
END_TEST


/* ---- the computer's level, the replay viewer, the relief marker ------- */

static void menu_select(const char *name)
{
    int i = uiapp_find_scenario(app, name);
    ck_assert_int_ge(i, 0);
    for (int k = 0; k < 40; k++)
        send_key(SDLK_UP);
    for (int k = 0; k < i; k++)
        send_key(SDLK_DOWN);
}

static UiApp *remake(int ai_level)
{
    uiapp_free(app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.ai_level = ai_level;
    cfg.scale_pct = 100;
    char why[512];
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
    return app;
}

START_TEST(menu_level_reaches_the_computer)
{
    if (!have_scenario())
        return;
    menu_select("emesa-638");
    frame();
    click_button("Level 3");
    click_button("The computer");
    ck_assert_int_eq(uiapp_menu_ai_level(app), 3);
    send_key(SDLK_RETURN);                           /* Start */
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);
    /* The player took the first side (the default); the computer plays
     * the other at level 3, and nothing plays the player's side. */
    ck_assert_int_eq(uiapp_ai_level(app, 1), 3);
    ck_assert_int_eq(uiapp_ai_level(app, 0), 0);
    const Game *g = uiapp_game(app);
    size_t nev = g->events.n;
    uint32_t t = 1000;
    for (int k = 0; k < 5000 && g->active != 0 && g->mode != MODE_OVER; k++) {
        uiapp_finish_animations(app);
        uiapp_tick(app, t += 500);
    }
    ck_assert_uint_gt(g->events.n, nev);             /* it played */
    /* Remembered: the next window's menu starts at level 3. */
    remake(0);
    ck_assert_int_eq(uiapp_menu_ai_level(app), 3);
    /* --ai-level preselects; computer against computer plays both sides. */
    remake(1);
    ck_assert_int_eq(uiapp_menu_ai_level(app), 1);
    menu_select("emesa-638");
    frame();
    click_button("Computer vs computer");
    click_button("Start  \xE2\x8F\x8E");
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);
    ck_assert_int_eq(uiapp_ai_level(app, 0), 1);
    ck_assert_int_eq(uiapp_ai_level(app, 1), 1);
    /* Leaving the game frees its computer players. */
    send_key(SDLK_ESCAPE);
    send_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_screen(app), UI_MENU);
    ck_assert_int_eq(uiapp_ai_level(app, 0), 0);     /* freed with the game */
}
END_TEST

/* A save of a short computer game in the test's own home; its turn hashes. */
static int make_save(char *path, size_t n, int *turns, uint64_t *hashes, int max, uint64_t *end_hash)
{
    snprintf(path, n, "%s/demo.emesa-save", home);
    char why[600];
    ck_assert_msg(demo_save(scen_path, "scenarios/emesa-638.lua", 3, 4, path, why, sizeof why, NULL), "%s", why);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char line[512];
    int k = 0;
    while (fgets(line, sizeof line, f)) {
        int t;
        unsigned long long h;
        if (sscanf(line, "turn %d hash %llx", &t, &h) == 2 && k < max) {
            turns[k] = t;
            hashes[k++] = h;
        }
        if (sscanf(line, "end turn %d hash %llx", &t, &h) == 2)
            *end_hash = h;
    }
    fclose(f);
    return k;
}

START_TEST(replay_steps_and_jumps)
{
    if (!have_scenario())
        return;
    char path[600];
    int turns[64];
    uint64_t hashes[64], end_hash = 0;
    int nt = make_save(path, sizeof path, turns, hashes, 64, &end_hash);
    ck_assert_int_ge(nt, 2);
    ck_assert_msg(uiapp_replay_open(app, path), "%s", uiapp_replay_error(app));
    ck_assert(uiapp_replaying(app));
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);
    ck_assert_uint_eq(uiapp_replay_pos(app), 0);
    ck_assert_uint_gt(uiapp_replay_length(app), 3);
    ck_assert_uint_eq(game_hash(uiapp_game(app)), hashes[0]);
    /* Step forward twice and back once. */
    send_key(SDLK_RIGHT);
    uint64_t after1 = game_hash(uiapp_game(app));
    ck_assert_uint_eq(uiapp_replay_pos(app), 1);
    send_key(SDLK_RIGHT);
    ck_assert_uint_eq(uiapp_replay_pos(app), 2);
    send_key(SDLK_LEFT);
    ck_assert_uint_eq(uiapp_replay_pos(app), 1);
    ck_assert_uint_eq(game_hash(uiapp_game(app)), after1);
    /* Jump to the last recorded turn on the turn strip. */
    frame();
    int t = turns[nt - 1], x, y;
    ck_assert(uiapp_replay_turn_screen(app, t, &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    const Game *g = uiapp_game(app);
    ck_assert_int_eq(g->turn, t);
    ck_assert_uint_eq(game_hash(g), hashes[nt - 1]);
    frame();
    ck_assert(near_rgb(px(x, y - 8), 0xd9a93a, 30));  /* the turn's cell is lit */
    /* And back to turn 2 (re-played from the start). */
    ck_assert(uiapp_replay_turn_screen(app, turns[1], &x, &y));
    send_click(x, y, SDL_BUTTON_LEFT);
    g = uiapp_game(app);
    ck_assert_int_eq(g->turn, turns[1]);
    ck_assert_uint_eq(game_hash(g), hashes[1]);
    /* End: the state the save ends with. */
    send_key(SDLK_END);
    ck_assert_uint_eq(uiapp_replay_pos(app), uiapp_replay_length(app));
    ck_assert_uint_eq(game_hash(uiapp_game(app)), end_hash);
    /* Play from the start at 8 commands a second. */
    send_key(SDLK_HOME);
    ck_assert_uint_eq(uiapp_replay_pos(app), 0);
    for (int k = 0; k < 3; k++)
        send_key(SDLK_RIGHTBRACKET);
    send_key(SDLK_SPACE);
    uint32_t now = 10000;
    for (int k = 0; k < 10; k++)
        uiapp_tick(app, now += 130);
    ck_assert_uint_ge(uiapp_replay_pos(app), 8);
    ck_assert_uint_le(uiapp_replay_pos(app), 11);
    send_key(SDLK_SPACE);                            /* pause */
    size_t at = uiapp_replay_pos(app);
    for (int k = 0; k < 5; k++)
        uiapp_tick(app, now += 130);
    ck_assert_uint_eq(uiapp_replay_pos(app), at);
    frame();
    /* Esc goes back to the list of saves; nothing was played. */
    send_key(SDLK_ESCAPE);
    ck_assert_int_eq(uiapp_screen(app), UI_SAVES);
    ck_assert(!uiapp_replaying(app));
}
END_TEST

START_TEST(replay_of_a_damaged_save_says_why)
{
    if (!have_scenario())
        return;
    char path[600], bad[700];
    int turns[64];
    uint64_t hashes[64], end_hash = 0;
    make_save(path, sizeof path, turns, hashes, 64, &end_hash);
    snprintf(bad, sizeof bad, "%s/flipped.emesa-save", home);
    FILE *in = fopen(path, "rb"), *out = fopen(bad, "wb");
    ck_assert(in && out);
    int c, k = 0;
    while ((c = fgetc(in)) != EOF) {
        if (k++ == 700)
            c ^= 0x01;
        fputc(c, out);
    }
    fclose(in);
    fclose(out);
    frame();
    ck_assert(!uiapp_replay_open(app, bad));
    ck_assert(!uiapp_replaying(app));
    ck_assert_int_eq(uiapp_screen(app), UI_SAVES);
    const char *e = uiapp_replay_error(app);
    ck_assert_msg(strstr(e, "flipped.emesa-save") != NULL, "%s", e);
    ck_assert_msg(strstr(e, ":") && (strstr(e, "line") || strstr(e, "damaged")), "%s", e);
    frame();
    int red = 0;
    for (int yy = 120; yy < 220; yy++)
        for (int xx = 600; xx < W - 40; xx++)
            red += near_rgb(px(xx, yy), 0xe0604a, 40);
    ck_assert_int_gt(red, 200);                      /* the headline, in red */
    /* A file that is not there at all, and a truncated one. */
    char gone[700];
    snprintf(gone, sizeof gone, "%s/nothing.emesa-save", home);
    ck_assert(!uiapp_replay_open(app, gone));
    ck_assert_ptr_nonnull(strstr(uiapp_replay_error(app), "nothing.emesa-save"));
    ck_assert(truncate(bad, 300) == 0);
    ck_assert(!uiapp_replay_open(app, bad));
    ck_assert_ptr_nonnull(strstr(uiapp_replay_error(app), "flipped.emesa-save"));
    frame();
    /* The good one still opens from here. */
    ck_assert_msg(uiapp_replay_open(app, path), "%s", uiapp_replay_error(app));
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);
}
END_TEST

/* The first off-map unit of `side` on its way to the battle map with a
 * rumour scheduled. */
static int relief_unit(const Game *g, int side)
{
    for (int u = 0; u < g->nunits; u++)
        if (g->units[u].side == side && g->units[u].status == UNIT_OFF_MAP && g->units[u].rumour_turn > 0 &&
            map_contains(&g->map, g->units[u].arrive_hex))
            return u;
    return -1;
}

/* Pixels of a patch round hex h, as drawn now. */
static void patch(Hex h, uint32_t *out)
{
    int x, y;
    ck_assert(uiapp_hex_screen(app, h, &x, &y));
    frame();
    for (int k = 0; k < 100; k++)
        out[k] = px(x - 20 + k % 10 * 4, y - 20 + k / 10 * 4);
}

static int patch_diff(const uint32_t *a, const uint32_t *b)
{
    int d = 0;
    for (int k = 0; k < 100; k++)
        d += a[k] != b[k];
    return d;
}

START_TEST(relief_marker_on_the_entry_hex)
{
    if (!have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    /* The garrison's view: its relief is marked once the rumour comes. */
    ck_assert_msg(uiapp_start(app, i, 0, false, why, sizeof why), "%s", why);
    Game *g = (Game *)uiapp_game(app);
    int u = relief_unit(g, 0);
    ck_assert_int_ge(u, 0);
    Hex entry = g->units[u].arrive_hex;
    int rumour = g->units[u].rumour_turn, confirm = g->units[u].confirm_turn;
    ck_assert_int_gt(rumour, g->turn);
    uiapp_set_zoom(app, 3);
    uiapp_center_on(app, entry);
    uint32_t none[100], rumoured[100], confirmed[100];
    patch(entry, none);
    for (int k = 0; k < g->nunits; k++)
        if (g->units[k].column >= 0 && g->units[k].column == g->units[u].column)
            g->units[k].rumour_turn = g->turn;
    g->units[u].rumour_turn = g->turn;
    patch(entry, rumoured);
    ck_assert_int_gt(patch_diff(none, rumoured), 20);
    /* The marker is in the side's colour. */
    int x, y, green = 0;
    ck_assert(uiapp_hex_screen(app, entry, &x, &y));
    for (int dy = -40; dy < 40; dy++)
        for (int dx = -40; dx < 40; dx++)
            green += near_rgb(px(x + dx, y + dy), 0x2f6b45, 30);
    ck_assert_int_gt(green, 30);
    for (int k = 0; k < g->nunits; k++)
        if (g->units[k].column >= 0 && g->units[k].column == g->units[u].column)
            g->units[k].confirm_turn = g->turn;
    g->units[u].confirm_turn = g->turn;
    patch(entry, confirmed);
    ck_assert_int_gt(patch_diff(rumoured, confirmed), 5);   /* solid now */
    /* The coalition's view: a rumour of the enemy's relief shows nothing
     * on the map, its confirmation shows the marker. */
    ck_assert_msg(uiapp_start(app, i, 1, false, why, sizeof why), "%s", why);
    g = (Game *)uiapp_game(app);
    uiapp_set_zoom(app, 3);
    uiapp_center_on(app, entry);
    patch(entry, none);
    for (int k = 0; k < g->nunits; k++)
        if (k == u || (g->units[k].column >= 0 && g->units[k].column == g->units[u].column))
            g->units[k].rumour_turn = g->turn;
    patch(entry, rumoured);
    ck_assert_int_eq(patch_diff(none, rumoured), 0);
    (void)confirm;
}
END_TEST


/* ---- chronicle mode ----------------------------------------------------- */

static int side_index(const Game *g, const char *id)
{
    for (int s = 0; s < g->nsides; s++)
        if (!strcmp(g->sides[s].id, id))
            return s;
    return -1;
}

/* Ticks the computer (animations skipped) until it waits at a chronicle
 * checkpoint for side `side` (-1 any) or the game ends; true if there. */
static bool tick_to_checkpoint(uint32_t *t, int side, int max)
{
    char b[4096];
    for (int k = 0; k < max; k++) {
        const Game *g = uiapp_game(app);
        if (!g || g->mode == MODE_OVER)
            return false;
        uiapp_finish_animations(app);
        uiapp_tick(app, *t += 5000);
        g = uiapp_game(app);
        if (uiapp_chronicle_banner(app, b, sizeof b) && (side < 0 || g->active == side))
            return true;
        if (uiapp_chronicle_banner(app, b, sizeof b) || uiapp_lesson_dispute(app, b, sizeof b))
            send_key(SDLK_SPACE);
    }
    return false;
}

/* Bright text pixels in the band of the map above (x, y). */
static int light_pixels(int x0, int x1, int y0, int y1)
{
    int n = 0;
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < H; y += 2)
        for (int x = x0 < 0 ? 0 : x0; x < x1 && x < W; x += 2)
            n += lum_at(x, y) > 215;
    return n;
}

START_TEST(chronicle_shows_and_waits)
{
    if (!have_scenario())
        return;
    /* Level 2: level 1 now and then misjudges, and may attack on turn 1. */
    remake(2);
    menu_select("emesa-638");
    frame();
    click_button("Chronicle");
    click_button("Start  \xE2\x8F\x8E");
    ck_assert_int_eq(uiapp_screen(app), UI_GAME);
    /* Computer against computer, at the chosen level. */
    ck_assert_int_eq(uiapp_ai_level(app, 0), 2);
    ck_assert_int_eq(uiapp_ai_level(app, 1), 2);
    const Game *g = uiapp_game(app);
    int coal = side_index(g, "coalition"), rash = side_index(g, "rashidun");
    ck_assert_int_ge(coal, 0);
    ck_assert_int_ge(rash, 0);
    uint32_t t = 1000;
    char b[4096];
    /* Turn 1: the coalition acts first; its steps are a plan word and a
     * command, which is given through the session. */
    ck_assert(tick_to_checkpoint(&t, coal, 5));
    g = uiapp_game(app);
    ck_assert_int_eq(g->turn, 1);
    ck_assert(uiapp_chronicle_banner(app, b, sizeof b));
    ck_assert_msg(strstr(b, "Turn 1") && strstr(b, "invests the city") && strstr(b, "[TB; S1]"), "%s", b);
    ck_assert_msg(strstr(b, "Order: alert rastan on \xE2\x80\x94 given"), "%s", b);
    int rastan = -1;
    for (int i = 0; i < g->ngates; i++)
        if (!strcmp(g->gates[i].id, "rastan"))
            rastan = i;
    ck_assert_int_ge(rastan, 0);
    ck_assert(g->siege.gate_alert[rastan]);
    ck_assert_int_eq(uiapp_chronicle_followed(app), 2);
    /* A checkpoint: paused until the teacher continues. */
    ck_assert(uiapp_paused(app));
    size_t nev = g->events.n;
    uint64_t h0 = game_hash(g);
    for (int k = 0; k < 20; k++)
        uiapp_tick(app, t += 5000);
    ck_assert_uint_eq(g->events.n, nev);
    ck_assert(game_hash(uiapp_game(app)) == h0);
    /* The banner is on the map: the Continue button, and large light text
     * above it that goes when the banner does. */
    int cx, cy;
    frame();
    ck_assert(uiapp_find_button(app, "Continue  (Space)", &cx, &cy));
    int with = light_pixels(0, W - 340, cy - 160, cy - 30);
    send_key(SDLK_SPACE);
    ck_assert(!uiapp_paused(app));
    ck_assert(!uiapp_chronicle_banner(app, b, sizeof b));
    frame();
    ck_assert(!uiapp_find_button(app, "Continue  (Space)", &cx, &cy));
    int without = light_pixels(0, W - 340, cy - 160, cy - 30);
    ck_assert_msg(with > without + 200, "banner text pixels %d, without %d", with, without);
    /* Continued: the engine moves on. */
    for (int k = 0; k < 10 && uiapp_game(app)->events.n == nev; k++) {
        uiapp_finish_animations(app);
        uiapp_tick(app, t += 5000);
    }
    ck_assert_uint_gt(uiapp_game(app)->events.n, nev);
    /* The Rashidun's turn 1: the council holds the walls. */
    ck_assert_msg(tick_to_checkpoint(&t, rash, 4000), "no Rashidun checkpoint (turn %d, %s)", uiapp_game(app)->turn,
                  uiapp_game(app)->mode == MODE_OVER ? "over" : "running");
    g = uiapp_game(app);
    ck_assert_int_eq(g->turn, 1);
    ck_assert(uiapp_chronicle_banner(app, b, sizeof b));
    ck_assert_msg(strstr(b, "council overrules Khalid") && strstr(b, "[TB]") && strstr(b, "Order: hold"), "%s", b);
    ck_assert(uiapp_paused(app));
    /* The right arrow: one order, then paused again. */
    nev = g->events.n;
    send_key(SDLK_RIGHT);
    ck_assert(!uiapp_chronicle_banner(app, b, sizeof b));
    uiapp_tick(app, t += 5000);
    ck_assert_uint_gt(uiapp_game(app)->events.n, nev);
    ck_assert(uiapp_paused(app));
    nev = uiapp_game(app)->events.n;
    for (int k = 0; k < 10; k++) {
        uiapp_finish_animations(app);
        uiapp_tick(app, t += 5000);
    }
    ck_assert_uint_eq(uiapp_game(app)->events.n, nev);
}
END_TEST

/* --option on the command line reaches the game the menu starts. */
START_TEST(command_line_switches_reach_the_game)
{
    if (!have_scenario())
        return;
    uiapp_free(app);
    ScenarioOptions o = { .n = 0 };
    char why[512];
    ck_assert(scenario_options_add(&o, "no-feint", why, sizeof why));
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = getenv("EMESA_SOURCE_DIR") ? getenv("EMESA_SOURCE_DIR") : ".";
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.options = &o;
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
    int i = uiapp_find_scenario(app, "emesa-635");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(app);
    ck_assert_uint_ne(g->variant, 0);
    ck_assert(!(g->leaders[game_leader_by_id(g, "khalid")].traits & TRAIT_FEINT));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ui");
    TCase *tc = tcase_create("window");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, menu_lists_the_scenarios);
    tcase_add_test(tc, select_move_end_turn);
    tcase_add_test(tc, gate_pixels_follow_the_gate);
    tcase_add_test(tc, computer_plays_its_side);
    tcase_add_test(tc, computer_pace_is_a_setting);
    tcase_add_test(tc, font_path_is_remembered);
    tcase_add_test(tc, menu_read_on_a_thread_is_the_same);
    tcase_add_test(tc, f12_saves_a_screenshot);
    tcase_add_test(tc, help_and_settings_open_and_close);
    tcase_add_test(tc, escape_on_menu_asks_before_quitting);
    tcase_add_test(tc, menu_quits_after_yes);
    tcase_add_test(tc, theatre_draws_places_and_columns);
    tcase_add_test(tc, siege_panel_shows_food_and_weather);
    tcase_add_test(tc, siege_orders_become_commands);
    tcase_add_test(tc, undo_save_and_load);
    tcase_add_test(tc, menu_level_reaches_the_computer);
    tcase_add_test(tc, replay_steps_and_jumps);
    tcase_add_test(tc, replay_of_a_damaged_save_says_why);
    tcase_add_test(tc, relief_marker_on_the_entry_hex);
    tcase_add_test(tc, chronicle_shows_and_waits);
    tcase_add_test(tc, command_line_switches_reach_the_game);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
