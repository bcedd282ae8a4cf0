/* check-uisiege.c - the siege in the window, driven like check-ui.c on
 * the software renderer with SDL_VIDEODRIVER=dummy: the theatre, the
 * siege panel and its orders, undo, save and load, the replay viewer, the
 * relief marker and chronicle mode. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "core/effect.h"
#include "core/path.h"
#include "ui/uiapp.h"
#include "../tools/bench/demo-theatre.h"
#include "../tools/bench/demo-save.h"
#include "testutil.h"
#include "testwin.h"

static void setup(void)
{
    tw_setup("check-ui");
}

/* ---- the siege panel, the theatre and the timeline ------------------- */

/* Starts the 638 game at two players, past the hand-over, with the
 * hand-built theatre; the coalition (the besieger) is to act. */
static Game *start_siege_game(void)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    tw_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    Game *g = (Game *)uiapp_game(tw_app);
    demo_theatre(g);
    return g;
}

/* Pixels near colour c in the side panel (the right 340 px). */
static int panel_pixels(uint32_t c)
{
    int n = 0;
    for (int y = 40; y < H; y++)
        for (int x = W - 340; x < W; x++)
            n += tw_near_rgb(tw_px(x, y), c, 40);
    return n;
}

START_TEST(theatre_draws_places_and_columns)
{
    if (!tw_have_scenario())
        return;
    Game *g = start_siege_game();
    uiapp_set_view(tw_app, 1);
    tw_frame();
    /* Every place is a disc in its owner's colour, roads between them. */
    int emesa = 0, hit = siege_place_by_id(&g->siege, "hit");
    ck_assert_int_ge(hit, 0);
    int x, y;
    ck_assert(uiapp_theatre_place_screen(tw_app, emesa, &x, &y));
    uint32_t own = tw_px(x + 4, y + 4);
    ck_assert(uiapp_theatre_place_screen(tw_app, hit, &x, &y));
    uint32_t enemy = tw_px(x + 3, y + 3);
    ck_assert_uint_ne(own, enemy);
    ck_assert_uint_ne(own, tw_px(5, H - 60));          /* not the parchment */
    /* Al-Qa'qa''s column is drawn on its road; after the theatre loses it,
     * the same pixels show the map again. */
    int cx, cy;
    ck_assert(uiapp_theatre_column_screen(tw_app, 0, &cx, &cy));
    uint32_t col_px = tw_px(cx - 12, cy);
    int n = g->siege.ncolumns;
    g->siege.ncolumns = 0;
    tw_frame();
    uint32_t bare = tw_px(cx - 12, cy);
    g->siege.ncolumns = n;
    tw_frame();
    ck_assert_uint_ne(col_px, bare);
    ck_assert_uint_eq(tw_px(cx - 12, cy), col_px);
    /* The enemy's secret column is not drawn for the coalition... */
    int raid = siege_column_by_id(&g->siege, "raid");
    ck_assert(uiapp_theatre_column_screen(tw_app, raid, &cx, &cy));   /* its own */
    g->siege.columns[raid].side = 0;                               /* now the enemy's */
    ck_assert(!uiapp_theatre_column_screen(tw_app, raid, &cx, &cy));
    g->siege.columns[raid].side = 1;
    /* The timeline lists the Rashidun relief once it is rumoured. */
    tw_key(SDLK_r);
    ck_assert_int_eq(uiapp_view(tw_app), 2);
    tw_frame();
    tw_key(SDLK_r);
    ck_assert_int_eq(uiapp_view(tw_app), 0);
}
END_TEST

START_TEST(siege_panel_shows_food_and_weather)
{
    if (!tw_have_scenario())
        return;
    Game *g = start_siege_game();
    const uint32_t bad = 0xe0604a, good = 0x7ccc6a;
    /* Seen by the Rashidun (the holder of the stores). */
    ck_assert(g->active == 1);
    uiapp_set_view(tw_app, 0);
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    tw_key(SDLK_RETURN);   /* hand-over */
    g = (Game *)uiapp_game(tw_app);
    ck_assert_int_eq(g->active, 0);
    g->siege.weather = WX_MILD;
    g->siege.fords_closed = false;
    g->siege.side[0].food = 200;
    tw_frame();
    int bad_mild = panel_pixels(bad), good_fed = panel_pixels(good);
    g->siege.weather = WX_RAIN;
    g->siege.fords_closed = true;
    tw_frame();
    int bad_rain = panel_pixels(bad);
    ck_assert_int_gt(bad_rain, bad_mild + 40);       /* "Rain · fords closed" */
    g->siege.side[0].food = 5;                       /* 5 days: in red */
    tw_frame();
    ck_assert_int_lt(panel_pixels(good), good_fed - 40);
    ck_assert_int_gt(panel_pixels(bad), bad_rain + 40);
    ck_assert_int_le(siege_food_days(g, 0), 8);
}
END_TEST

START_TEST(siege_orders_become_commands)
{
    if (!tw_have_scenario())
        return;
    Game *g = start_siege_game();
    ck_assert_int_eq(g->active, 1);                  /* the coalition besieges */
    tw_frame();
    ck_assert(!g->siege.gate_alert[0]);
    tw_click_button("Alert");
    ck_assert(g->siege.gate_alert[0]);
    tw_click_button("Stand down");
    ck_assert(!g->siege.gate_alert[0]);
    tw_click_button("Generous");
    ck_assert_int_eq(g->siege.terms, TERMS_GENEROUS);
    /* Release a contingent from the theatre: two clicks. */
    tw_key(SDLK_t);
    tw_frame();
    int k = siege_contingent_by_id(&g->siege, "rabia");
    tw_click_button("Release");
    ck_assert(!g->siege.contingents[k].departed);
    tw_click_button("Sure? Release");
    ck_assert(g->siege.contingents[k].departed);
    /* The Rashidun's part: gates and rations, then a column. */
    tw_key(SDLK_t);
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    tw_key(SDLK_RETURN);
    g = (Game *)uiapp_game(tw_app);
    ck_assert_int_eq(g->active, 0);
    ck_assert_int_eq(g->gates[0].state, GATE_SHUT);
    tw_click_button("Open");
    ck_assert_int_eq(g->gates[0].state, GATE_OPEN);
    tw_click_button("Half rations");
    ck_assert_int_eq(g->siege.side[0].rations, RATION_HALF);
    tw_key(SDLK_t);
    int ab = siege_column_by_id(&g->siege, "abdallah"), hit = siege_place_by_id(&g->siege, "hit");
    int x, y;
    ck_assert(uiapp_theatre_column_screen(tw_app, ab, &x, &y));
    tw_click(x, y);
    ck_assert(uiapp_theatre_place_screen(tw_app, hit, &x, &y));
    tw_click(x, y);
    tw_click_button("Mounted");
    ck_assert_int_eq(g->siege.columns[ab].state, COL_MARCHING);
    ck_assert_int_eq(g->siege.columns[ab].dest, hit);
    ck_assert_int_eq(g->siege.columns[ab].pace, PACE_MOUNTED);
}
END_TEST

START_TEST(undo_save_and_load)
{
    if (!tw_have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    tw_key(SDLK_RETURN);
    const Game *g = uiapp_game(tw_app);
    /* A move that reveals nothing can be taken back. */
    Hex dest;
    int u = tu_pick_mover(g, &dest);
    ck_assert_int_ge(u, 0);
    Hex start = g->units[u].hex;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    /* Give the move through the map as a player does. */
    uiapp_center_on(tw_app, start);
    int x, y;
    ck_assert(uiapp_hex_screen(tw_app, start, &x, &y));
    tw_click(x, y);
    int sel[4];
    ck_assert_int_ge(uiapp_selection(tw_app, sel, 4), 1);
    u = sel[0];
    int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
    path_reachable(g, u, reach);
    bool found = false;
    for (int row = 0; row < g->map.height && !found; row++)
        for (int col = 0; col < g->map.width && !found; col++) {
            Hex h = hex_from_offset(col, row);
            int ids[8];
            if (reach[row * g->map.width + col] > 0 && hex_distance(h, start) == 1 && game_units_at(g, h, ids, 8) == 0 &&
                uiapp_hex_screen(tw_app, h, &x, &y)) {
                dest = h;
                found = true;
            }
        }
    free(reach);
    ck_assert(found);
    tw_click(x, y);
    uiapp_finish_animations(tw_app);
    ck_assert(hex_eq(g->units[u].hex, dest));
    e.key.keysym.sym = SDLK_z;
    e.key.keysym.mod = KMOD_LCTRL;
    uiapp_handle(tw_app, &e);
    g = uiapp_game(tw_app);                            /* undo re-plays into a new game */
    ck_assert_msg(hex_eq(g->units[u].hex, start), "undo did not take the move back: %s", uiapp_status(tw_app));
    tw_frame();
    /* F5 saves; a change; F9 brings the save back. */
    tw_key(SDLK_F5);
    char path[400];
    snprintf(path, sizeof path, "%s/emesa/emesa/quicksave-emesa-638.emesa-save", tw_home);
    ck_assert_msg(access(path, R_OK) == 0, "%s", uiapp_status(tw_app));
    int turn = g->turn, active = g->active;
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    g = uiapp_game(tw_app);
    ck_assert(g->active != active || g->turn != turn);
    /* The turn handed over: undo refuses, and says why. */
    tw_key(SDLK_RETURN);
    uiapp_handle(tw_app, &e);
    ck_assert_ptr_nonnull(strstr(uiapp_status(tw_app), "Cannot undo"));
    tw_key(SDLK_F9);
    g = uiapp_game(tw_app);
    ck_assert_msg(g->turn == turn && g->active == active, "%s", uiapp_status(tw_app));
    ck_assert(hex_eq(g->units[u].hex, start));
}
END_TEST



/* A save of a short computer game in the test's own home; its turn hashes. */
static int make_save(char *path, size_t n, int *turns, uint64_t *hashes, int max, uint64_t *end_hash)
{
    snprintf(path, n, "%s/demo.emesa-save", tw_home);
    char why[600];
    ck_assert_msg(demo_save(tw_scen_path, "scenarios/emesa-638.lua", 3, 4, path, why, sizeof why, NULL), "%s", why);
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
    if (!tw_have_scenario())
        return;
    char path[600];
    int turns[64];
    uint64_t hashes[64], end_hash = 0;
    int nt = make_save(path, sizeof path, turns, hashes, 64, &end_hash);
    ck_assert_int_ge(nt, 2);
    ck_assert_msg(uiapp_replay_open(tw_app, path), "%s", uiapp_replay_error(tw_app));
    ck_assert(uiapp_replaying(tw_app));
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), 0);
    ck_assert_uint_gt(uiapp_replay_length(tw_app), 3);
    ck_assert_uint_eq(game_hash(uiapp_game(tw_app)), hashes[0]);
    /* Step forward twice and back once. */
    tw_key(SDLK_RIGHT);
    uint64_t after1 = game_hash(uiapp_game(tw_app));
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), 1);
    tw_key(SDLK_RIGHT);
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), 2);
    tw_key(SDLK_LEFT);
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), 1);
    ck_assert_uint_eq(game_hash(uiapp_game(tw_app)), after1);
    /* Jump to the last recorded turn on the turn strip. */
    tw_frame();
    int t = turns[nt - 1], x, y;
    ck_assert(uiapp_replay_turn_screen(tw_app, t, &x, &y));
    tw_click(x, y);
    const Game *g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, t);
    ck_assert_uint_eq(game_hash(g), hashes[nt - 1]);
    tw_frame();
    ck_assert(tw_near_rgb(tw_px(x, y - 8), 0xd9a93a, 30));  /* the turn's cell is lit */
    /* And back to turn 2 (re-played from the start). */
    ck_assert(uiapp_replay_turn_screen(tw_app, turns[1], &x, &y));
    tw_click(x, y);
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, turns[1]);
    ck_assert_uint_eq(game_hash(g), hashes[1]);
    /* End: the state the save ends with. */
    tw_key(SDLK_END);
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), uiapp_replay_length(tw_app));
    ck_assert_uint_eq(game_hash(uiapp_game(tw_app)), end_hash);
    /* Play from the start at 8 commands a second. */
    tw_key(SDLK_HOME);
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), 0);
    for (int k = 0; k < 3; k++)
        tw_key(SDLK_RIGHTBRACKET);
    tw_key(SDLK_SPACE);
    uint32_t now = 10000;
    for (int k = 0; k < 10; k++)
        uiapp_tick(tw_app, now += 130);
    ck_assert_uint_ge(uiapp_replay_pos(tw_app), 8);
    ck_assert_uint_le(uiapp_replay_pos(tw_app), 11);
    tw_key(SDLK_SPACE);                            /* pause */
    size_t at = uiapp_replay_pos(tw_app);
    for (int k = 0; k < 5; k++)
        uiapp_tick(tw_app, now += 130);
    ck_assert_uint_eq(uiapp_replay_pos(tw_app), at);
    tw_frame();
    /* Esc goes back to the list of saves; nothing was played. */
    tw_key(SDLK_ESCAPE);
    ck_assert_int_eq(uiapp_screen(tw_app), UI_SAVES);
    ck_assert(!uiapp_replaying(tw_app));
}
END_TEST

START_TEST(replay_of_a_damaged_save_says_why)
{
    if (!tw_have_scenario())
        return;
    char path[600], bad[700];
    int turns[64];
    uint64_t hashes[64], end_hash = 0;
    make_save(path, sizeof path, turns, hashes, 64, &end_hash);
    snprintf(bad, sizeof bad, "%s/flipped.emesa-save", tw_home);
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
    tw_frame();
    ck_assert(!uiapp_replay_open(tw_app, bad));
    ck_assert(!uiapp_replaying(tw_app));
    ck_assert_int_eq(uiapp_screen(tw_app), UI_SAVES);
    const char *e = uiapp_replay_error(tw_app);
    ck_assert_msg(strstr(e, "flipped.emesa-save") != NULL, "%s", e);
    ck_assert_msg(strstr(e, ":") && (strstr(e, "line") || strstr(e, "damaged")), "%s", e);
    tw_frame();
    int red = 0;
    for (int yy = 120; yy < 220; yy++)
        for (int xx = 600; xx < W - 40; xx++)
            red += tw_near_rgb(tw_px(xx, yy), 0xe0604a, 40);
    ck_assert_int_gt(red, 200);                      /* the headline, in red */
    /* A file that is not there at all, and a truncated one. */
    char gone[700];
    snprintf(gone, sizeof gone, "%s/nothing.emesa-save", tw_home);
    ck_assert(!uiapp_replay_open(tw_app, gone));
    ck_assert_ptr_nonnull(strstr(uiapp_replay_error(tw_app), "nothing.emesa-save"));
    ck_assert(truncate(bad, 300) == 0);
    ck_assert(!uiapp_replay_open(tw_app, bad));
    ck_assert_ptr_nonnull(strstr(uiapp_replay_error(tw_app), "flipped.emesa-save"));
    tw_frame();
    /* The good one still opens from here. */
    ck_assert_msg(uiapp_replay_open(tw_app, path), "%s", uiapp_replay_error(tw_app));
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
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
    ck_assert(uiapp_hex_screen(tw_app, h, &x, &y));
    tw_frame();
    for (int k = 0; k < 100; k++)
        out[k] = tw_px(x - 20 + k % 10 * 4, y - 20 + k / 10 * 4);
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
    if (!tw_have_scenario())
        return;
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    /* The garrison's view: its relief is marked once the rumour comes. */
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    Game *g = (Game *)uiapp_game(tw_app);
    int u = relief_unit(g, 0);
    ck_assert_int_ge(u, 0);
    Hex entry = g->units[u].arrive_hex;
    int rumour = g->units[u].rumour_turn, confirm = g->units[u].confirm_turn;
    ck_assert_int_gt(rumour, g->turn);
    uiapp_set_zoom(tw_app, 3);
    uiapp_center_on(tw_app, entry);
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
    ck_assert(uiapp_hex_screen(tw_app, entry, &x, &y));
    for (int dy = -40; dy < 40; dy++)
        for (int dx = -40; dx < 40; dx++)
            green += tw_near_rgb(tw_px(x + dx, y + dy), 0x2f6b45, 30);
    ck_assert_int_gt(green, 30);
    for (int k = 0; k < g->nunits; k++)
        if (g->units[k].column >= 0 && g->units[k].column == g->units[u].column)
            g->units[k].confirm_turn = g->turn;
    g->units[u].confirm_turn = g->turn;
    patch(entry, confirmed);
    ck_assert_int_gt(patch_diff(rumoured, confirmed), 5);   /* solid now */
    /* The coalition's view: a rumour of the enemy's relief shows nothing
     * on the map, its confirmation shows the marker. */
    ck_assert_msg(uiapp_start(tw_app, i, 1, false, why, sizeof why), "%s", why);
    g = (Game *)uiapp_game(tw_app);
    uiapp_set_zoom(tw_app, 3);
    uiapp_center_on(tw_app, entry);
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
        const Game *g = uiapp_game(tw_app);
        if (!g || g->mode == MODE_OVER)
            return false;
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, *t += 5000);
        g = uiapp_game(tw_app);
        if (uiapp_chronicle_banner(tw_app, b, sizeof b) && (side < 0 || g->active == side))
            return true;
        if (uiapp_chronicle_banner(tw_app, b, sizeof b) || uiapp_lesson_dispute(tw_app, b, sizeof b))
            tw_key(SDLK_SPACE);
    }
    return false;
}

START_TEST(chronicle_shows_and_waits)
{
    if (!tw_have_scenario())
        return;
    /* Level 2: level 1 now and then misjudges, and may attack on turn 1. */
    tw_remake(2);
    tw_menu_select("emesa-638");
    tw_frame();
    tw_click_button("Chronicle");
    tw_click_button("Start  \xE2\x8F\x8E");
    ck_assert_int_eq(uiapp_screen(tw_app), UI_GAME);
    /* Computer against computer, at the chosen level. */
    ck_assert_int_eq(uiapp_ai_level(tw_app, 0), 2);
    ck_assert_int_eq(uiapp_ai_level(tw_app, 1), 2);
    const Game *g = uiapp_game(tw_app);
    int coal = side_index(g, "coalition"), rash = side_index(g, "rashidun");
    ck_assert_int_ge(coal, 0);
    ck_assert_int_ge(rash, 0);
    uint32_t t = 1000;
    char b[4096];
    /* Turn 1: the coalition acts first; its steps are a plan word and a
     * command, which is given through the session. */
    ck_assert(tick_to_checkpoint(&t, coal, 5));
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, 1);
    ck_assert(uiapp_chronicle_banner(tw_app, b, sizeof b));
    ck_assert_msg(strstr(b, "Turn 1") && strstr(b, "invests the city") && strstr(b, "[TB; S1]"), "%s", b);
    ck_assert_msg(strstr(b, "Order: alert rastan on \xE2\x80\x94 given"), "%s", b);
    int rastan = -1;
    for (int i = 0; i < g->ngates; i++)
        if (!strcmp(g->gates[i].id, "rastan"))
            rastan = i;
    ck_assert_int_ge(rastan, 0);
    ck_assert(g->siege.gate_alert[rastan]);
    ck_assert_int_eq(uiapp_chronicle_followed(tw_app), 2);
    /* A checkpoint: paused until the teacher continues. */
    ck_assert(uiapp_paused(tw_app));
    size_t nev = g->events.n;
    uint64_t h0 = game_hash(g);
    for (int k = 0; k < 20; k++)
        uiapp_tick(tw_app, t += 5000);
    ck_assert_uint_eq(g->events.n, nev);
    ck_assert(game_hash(uiapp_game(tw_app)) == h0);
    /* The banner is on the map: the Continue button, and large light text
     * above it that goes when the banner does. */
    int cx, cy;
    tw_frame();
    ck_assert(uiapp_find_button(tw_app, "Continue  (Space)", &cx, &cy));
    int with = tw_light_pixels(0, W - 340, cy - 160, cy - 30);
    tw_key(SDLK_SPACE);
    ck_assert(!uiapp_paused(tw_app));
    ck_assert(!uiapp_chronicle_banner(tw_app, b, sizeof b));
    tw_frame();
    ck_assert(!uiapp_find_button(tw_app, "Continue  (Space)", &cx, &cy));
    int without = tw_light_pixels(0, W - 340, cy - 160, cy - 30);
    ck_assert_msg(with > without + 200, "banner text pixels %d, without %d", with, without);
    /* Continued: the engine moves on. */
    for (int k = 0; k < 10 && uiapp_game(tw_app)->events.n == nev; k++) {
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, t += 5000);
    }
    ck_assert_uint_gt(uiapp_game(tw_app)->events.n, nev);
    /* The Rashidun's turn 1: the council holds the walls. */
    ck_assert_msg(tick_to_checkpoint(&t, rash, 4000), "no Rashidun checkpoint (turn %d, %s)", uiapp_game(tw_app)->turn,
                  uiapp_game(tw_app)->mode == MODE_OVER ? "over" : "running");
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->turn, 1);
    ck_assert(uiapp_chronicle_banner(tw_app, b, sizeof b));
    ck_assert_msg(strstr(b, "council overrules Khalid") && strstr(b, "[TB]") && strstr(b, "Order: hold"), "%s", b);
    ck_assert(uiapp_paused(tw_app));
    /* The right arrow: one order, then paused again. */
    nev = g->events.n;
    tw_key(SDLK_RIGHT);
    ck_assert(!uiapp_chronicle_banner(tw_app, b, sizeof b));
    uiapp_tick(tw_app, t += 5000);
    ck_assert_uint_gt(uiapp_game(tw_app)->events.n, nev);
    ck_assert(uiapp_paused(tw_app));
    nev = uiapp_game(tw_app)->events.n;
    for (int k = 0; k < 10; k++) {
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, t += 5000);
    }
    ck_assert_uint_eq(uiapp_game(tw_app)->events.n, nev);
}
END_TEST


static Suite *suite(void)
{
    Suite *s = suite_create("uisiege");
    TCase *tc = tcase_create("window");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, tw_teardown);
    tcase_add_test(tc, theatre_draws_places_and_columns);
    tcase_add_test(tc, siege_panel_shows_food_and_weather);
    tcase_add_test(tc, siege_orders_become_commands);
    tcase_add_test(tc, undo_save_and_load);
    tcase_add_test(tc, replay_steps_and_jumps);
    tcase_add_test(tc, replay_of_a_damaged_save_says_why);
    tcase_add_test(tc, relief_marker_on_the_entry_hex);
    tcase_add_test(tc, chronicle_shows_and_waits);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
