/* check-polish.c - issue 12's smaller surprises for a newcomer: columns the
 * scenario sends by itself, the reasons a unit cannot leave or go back,
 * and the polish of replay, saves and the debrief's words. Driven like
 * check-screens.c, on the software renderer with SDL_VIDEODRIVER=dummy. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "core/siege.h"
#include "ui/theatre_int.h"
#include "ui/uiapp.h"
#include "testutil.h"

enum { W = 1280, H = 800 };

static SDL_Surface *surf;
static SDL_Renderer *ren;
static UiApp *app;
static char home[256];
static char data_dir[1024];

static void open_app(int w, int h, int scale)
{
    surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    ren = SDL_CreateSoftwareRenderer(surf);
    ck_assert_ptr_nonnull(ren);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = data_dir;
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.scale_pct = scale;
    char why[512];
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
}

static void close_app(void)
{
    uiapp_free(app);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    snprintf(home, sizeof home, "/tmp/emesa-check-polish-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(home));
    setenv("XDG_DATA_HOME", home, 1);
    ck_assert_int_eq(SDL_Init(SDL_INIT_VIDEO), 0);
    const char *src = getenv("EMESA_SOURCE_DIR");
    snprintf(data_dir, sizeof data_dir, "%s", src ? src : ".");
    open_app(W, H, 100);
}

static void teardown(void)
{
    close_app();
    SDL_Quit();
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

/* Does a drawn text box hold s? */
static bool screen_has(const char *s)
{
    uiapp_record_layout(app, true);
    frame();
    const UiBox *b;
    int n = uiapp_layout_boxes(app, &b);
    bool found = false;
    for (int j = 0; j < n; j++)
        found |= strstr(b[j].label, s) != NULL;
    uiapp_record_layout(app, false);
    return found;
}

static int find_courier(const Game *g, const char *name)
{
    for (int k = 0; k < g->siege.ncouriers; k++)
        if (strcmp(g->siege.couriers[k].name, name) == 0)
            return k;
    ck_abort_msg("no courier %s", name);
    return -1;
}

/* ---- columns the scenario sends by itself (item 9) ------------------- */

/* 638 for two players: the coalition acts first, the Rashidun second.
 * Umar's orders are made to reach Kufa at turn 1's theatre step (its end); the three
 * columns waiting for them at Kufa (al-Qa'qa', Suhayl, Abdallah) set out
 * then without a word from the player. The theatre's list says so ahead,
 * the end-turn warnings name each on that turn, and the log says
 * it was the scenario's order when it happens. */
START_TEST(columns_sent_by_the_scenario_say_so)
{
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    send_key(SDLK_RETURN);   /* past the hand-over */
    Game *g = (Game *)uiapp_game(app);
    int orders = find_courier(g, "Umar's orders to Sa'd in Kufa");
    int rash = g->siege.couriers[orders].side;
    ck_assert_int_ne(g->active, rash);
    /* Before its courier rides: by itself, when the courier comes. */
    uiapp_set_view(app, 1);
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    send_key(SDLK_RETURN);   /* the hand-over to the Rashidun */
    g = (Game *)uiapp_game(app);
    ck_assert_int_eq(g->active, rash);
    uiapp_set_view(app, 1);
    int qaqa = -1;
    for (int c = 0; c < g->siege.ncolumns; c++)
        if (strcmp(g->siege.columns[c].name, "al-Qa'qa's 4,000 (from Sa'd)") == 0)
            qaqa = c;
    ck_assert_int_ge(qaqa, 0);
    char line[300];
    th_column_line(g, rash, qaqa, line, sizeof line);
    ck_assert_str_eq(line, "at Kufa; sets out by itself when the courier \"Umar's orders to Sa'd in Kufa\" comes (the scenario's order)");
    ck_assert(screen_has("at Kufa; sets out by itself"));
    /* The courier rides, due at turn 1 (it comes at the turn's end). */
    g->siege.couriers[orders].depart_turn = 1;
    g->siege.couriers[orders].arrive_turn = 1;
    th_column_line(g, rash, qaqa, line, sizeof line);
    ck_assert_str_eq(line, "at Kufa; sets out by itself at the end of turn 1, when the courier \"Umar's orders to Sa'd in Kufa\" comes (the scenario's order)");
    char w[4000];
    uiapp_turn_warnings(app, w, sizeof w);
    ck_assert_msg(strstr(w, "Column al-Qa'qa's 4,000 (from Sa'd) sets out by itself at this turn's end (the scenario's order) for Emesa.") != NULL,
                  "%s", w);
    int lines = 0;
    for (const char *q = w; (q = strstr(q, "sets out by itself at this turn's end")) != NULL; q++)
        lines++;
    ck_assert_int_eq(lines, 3);
    ck_assert(!uiapp_log_contains(app, "set out by itself"));
    /* The turn ends; its theatre step sends them. */
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    send_key(SDLK_RETURN);   /* the hand-over to the coalition */
    g = (Game *)uiapp_game(app);
    ck_assert_int_eq(g->turn, 2);
    ck_assert_int_ne(g->active, rash);
    /* The coalition's log does not learn of it. */
    ck_assert(!uiapp_log_contains(app, "set out by itself"));
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    send_key(SDLK_RETURN);
    g = (Game *)uiapp_game(app);
    ck_assert_int_eq(g->active, rash);
    ck_assert(uiapp_log_contains(app, "al-Qa'qa's 4,000 (from Sa'd) set out by itself: the scenario's order, not yours"));
    uiapp_turn_warnings(app, w, sizeof w);
    ck_assert_ptr_null(strstr(w, "sets out by itself"));
}
END_TEST

/* ---- why a unit cannot go out or back over the wall (item 8) -------- */

static void send_mouse(int type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = (Uint32)type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
    }
    uiapp_handle(app, &e);
}

/* The tooltip of a frame drawn with the pointer at (x, y). */
static void screen_text_at(int x, int y, char *out, size_t n)
{
    send_mouse(SDL_MOUSEMOTION, x, y);
    frame();
    snprintf(out, n, "%s", uiapp_tooltip(app));
}

/* 638, the garrison to act (hot-seat, past the coalition's turn): one
 * of its units is put on a wall hex with open country beyond. The wall
 * closes the town (path.c: only a gate not shut opens it), so the hover
 * over the country hex says why, in the core's words and the gates'. */
START_TEST(wall_hex_hover_says_why_no_way_out)
{
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    send_key(SDLK_RETURN);
    send_key(SDLK_SPACE);
    send_key(SDLK_RETURN);
    send_key(SDLK_RETURN);
    Game *g = (Game *)uiapp_game(app);
    ck_assert_int_eq(g->active, g->town_side);
    for (int k = 0; k < g->ngates; k++)
        ck_assert_int_eq(g->gates[k].state, GATE_SHUT);
    int u = -1;
    for (int k = 0; k < g->nunits && u < 0; k++)
        if (g->units[k].side == g->active && g->units[k].status == UNIT_ON_MAP && g->units[k].mp > 0)
            u = k;
    ck_assert_int_ge(u, 0);
    /* An empty wall hex with an empty country hex beyond. */
    Hex wall = { 0, 0 }, out = { 0, 0 };
    bool found = false;
    for (int r = 0; r < g->map.height && !found; r++)
        for (int c = 0; c < g->map.width && !found; c++) {
            Hex h = hex_from_offset(c, r);
            int ids[4];
            if (map_terrain(&g->map, h) != TER_WALL || game_units_at(g, h, ids, 4) > 0)
                continue;
            for (int d = 0; d < HEX_DIRS && !found; d++) {
                Hex o = hex_neighbor(h, d);
                if (map_contains(&g->map, o) && !terrain_is_town(map_terrain(&g->map, o)) &&
                    map_terrain(&g->map, o) == TER_OPEN && game_units_at(g, o, ids, 4) == 0 && !path_in_enemy_zoc(g, g->active, o)) {
                    wall = h;
                    out = o;
                    found = true;
                }
            }
        }
    ck_assert(found);
    game_unit_place(g, u, wall);
    uiapp_center_on(app, wall);
    frame();
    int x, y, ox, oy;
    ck_assert(uiapp_hex_screen(app, wall, &x, &y));
    send_mouse(SDL_MOUSEMOTION, x, y);
    send_mouse(SDL_MOUSEBUTTONDOWN, x, y);
    send_mouse(SDL_MOUSEBUTTONUP, x, y);
    int sel[4];
    ck_assert_int_ge(uiapp_selection(app, sel, 4), 1);
    ck_assert_int_eq(sel[0], u);
    ck_assert(uiapp_hex_screen(app, out, &ox, &oy));
    char text[16000], want[300], hb[16];
    hex_format(out, hb, sizeof hb);
    screen_text_at(ox, oy, text, sizeof text);
    snprintf(want, sizeof want, "%s cannot go here: %s has no way to %s.", g->units[u].name, g->units[u].name, hb);
    ck_assert_msg(strstr(text, want) != NULL, "%s", text);
    ck_assert_msg(strstr(text, "The wall stands between: the town is entered and left only through a gate that is not shut") != NULL,
                  "%s", text);
    ck_assert_msg(strstr(text, "Every gate is shut.") != NULL, "%s", text);
    /* Having attacked, it may not move at all this impulse: the core says so. */
    g->units[u].attacked = true;
    screen_text_at(ox, oy, text, sizeof text);
    snprintf(want, sizeof want, "%s has attacked and cannot move again this impulse.", g->units[u].name);
    ck_assert_msg(strstr(text, want) != NULL, "%s", text);
    ck_assert_ptr_null(strstr(text, "Every gate is shut."));
    g->units[u].attacked = false;
    /* Far from the wall and on its own side: no refusal is shown. */
    Hex inner = wall;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex o = hex_neighbor(wall, d);
        if (map_contains(&g->map, o) && map_terrain(&g->map, o) == TER_CITY)
            inner = o;
    }
    if (!hex_eq(inner, wall)) {
        ck_assert(uiapp_hex_screen(app, inner, &ox, &oy));
        screen_text_at(ox, oy, text, sizeof text);
        ck_assert_ptr_null(strstr(text, "cannot go here"));
    }
}
END_TEST

/* ---- notices, food and plurals (item 11) ----------------------------- */

/* The drawn text boxes holding s: how many, and none cut or outside the
 * window (w x h). */
static int boxes_with(const char *s, int w, int h)
{
    uiapp_record_layout(app, true);
    frame();
    const UiBox *b;
    int n = uiapp_layout_boxes(app, &b), found = 0;
    for (int j = 0; j < n; j++) {
        if (b[j].kind == UIBOX_HIDDEN || !strstr(b[j].label, s))
            continue;
        found++;
        ck_assert_msg(!b[j].cut && b[j].text_w <= b[j].r.w, "cut: %s (%d px in %d)", b[j].label, b[j].text_w, b[j].r.w);
        ck_assert_msg(b[j].r.x >= 0 && b[j].r.y >= 0 && b[j].r.x + b[j].r.w <= w && b[j].r.y + b[j].r.h <= h,
                      "outside: %s at %d,%d %dx%d", b[j].label, b[j].r.x, b[j].r.y, b[j].r.w, b[j].r.h);
    }
    uiapp_record_layout(app, false);
    return found;
}

/* F5's confirmation is shown on every screen and size: in the side panel
 * where it has room, else in a box at the window's foot (1024x768 at
 * 200 %: the panel's blocks leave none; the debrief has no panel). F12's
 * path is broken over lines inside the window, not clipped. */
START_TEST(save_and_screenshot_notices_always_shown)
{
    static const int sizes[][3] = { { 1280, 800, 100 }, { 1024, 768, 200 } };
    for (int k = 0; k < 2; k++) {
        close_app();
        open_app(sizes[k][0], sizes[k][1], sizes[k][2]);
        char why[512];
        int i = uiapp_find_scenario(app, "emesa-638");
        ck_assert_msg(uiapp_start(app, i, 0, false, why, sizeof why), "%s", why);
        uiapp_tick(app, 100);
        send_key(SDLK_F5);
        ck_assert_msg(strstr(uiapp_status(app), "Saved turn 1 of") != NULL, "%s", uiapp_status(app));
        int nb = boxes_with("Saved turn 1 of", sizes[k][0], sizes[k][1]);
        ck_assert_msg(nb == 1, "size %d: %d boxes", k, nb);
        /* The theatre view, too. */
        uiapp_set_view(app, 1);
        ck_assert_int_eq(boxes_with("Saved turn 1 of", sizes[k][0], sizes[k][1]), 1);
        uiapp_set_view(app, 0);
        send_key(SDLK_F12);
        ck_assert_msg(strstr(uiapp_status(app), "Screenshot saved: ") != NULL, "%s", uiapp_status(app));
        ck_assert_int_eq(boxes_with("Screenshot saved:", sizes[k][0], sizes[k][1]), 1);
    }
}
END_TEST

/* A side with no food left says so, not "food 0 days · full"; a side
 * that lost one unit reads "1 unit". */
START_TEST(no_food_and_one_unit_read_right)
{
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, 0, false, why, sizeof why), "%s", why);
    uiapp_tick(app, 100);
    Game *g = (Game *)uiapp_game(app);
    int town = g->town_side;
    ck_assert_int_ge(town, 0);
    g->siege.side[town].food = 0;
    ck_assert_int_eq(siege_food_days(g, town), 0);
    ck_assert_int_eq(boxes_with("food 0 days", W, H), 0);
    ck_assert_int_eq(boxes_with("no food left: hunger", W, H), 1);
    /* The morale row's tooltip, with one unit lost. */
    g->sides[town].units_lost = 1;
    g->sides[town].sp_lost = 20;
    char label[64];
    snprintf(label, sizeof label, "morale %d/", g->sides[town].morale);
    uiapp_record_layout(app, true);
    frame();
    const UiBox *b;
    int n = uiapp_layout_boxes(app, &b), x = -1, y = -1, rows = 0;
    for (int j = 0; j < n; j++)
        if (strncmp(b[j].label, label, strlen(label)) == 0 && rows++ == town) {
            x = b[j].r.x + b[j].r.w / 2;
            y = b[j].r.y + b[j].r.h / 2;
        }
    uiapp_record_layout(app, false);
    ck_assert_int_ge(x, 0);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    uiapp_handle(app, &e);
    frame();
    ck_assert_msg(strstr(uiapp_tooltip(app), "Lost so far: 20 SP and 1 unit.") != NULL, "%s", uiapp_tooltip(app));
}
END_TEST

/* ---- the theatre's lists on a small screen (item 4) ------------------ */

/* 1024x768 at 100 %: the lists run under the theatre map and are longer
 * than their room. They are clipped to it (the layout test checks every
 * box inside the window) and the wheel over them brings the last
 * contingent, with its Release button, into view. */
START_TEST(theatre_lists_scroll_on_a_small_screen)
{
    close_app();
    open_app(1024, 768, 100);
    char why[512];
    int i = uiapp_find_scenario(app, "emesa-638");
    ck_assert_msg(uiapp_start(app, i, -1, true, why, sizeof why), "%s", why);
    send_key(SDLK_RETURN);
    const Game *g = uiapp_game(app);
    ck_assert_int_ge(g->siege.ncontingents, 2);
    ck_assert_int_eq(g->siege.contingents[0].side, g->active);   /* the coalition acts first */
    const char *last = g->siege.contingents[g->siege.ncontingents - 1].name;
    uiapp_set_view(app, 1);
    int lx = -1, ly = -1, seen = 0;
    uiapp_record_layout(app, true);
    frame();
    const UiBox *b;
    int n = uiapp_layout_boxes(app, &b);
    for (int j = 0; j < n; j++) {
        if (strcmp(b[j].label, "Contingents and their worry for home") == 0) {
            lx = b[j].r.x + 10;
            ly = b[j].r.y + 5;
        }
        if (strstr(b[j].label, "(wheel)"))
            seen++;
        ck_assert_msg(b[j].r.y + b[j].r.h <= 768, "'%s' below the window", b[j].label);
    }
    uiapp_record_layout(app, false);
    ck_assert_int_ge(lx, 0);
    ck_assert_int_eq(seen, 1);          /* "more (wheel)" */
    int releases = boxes_with("Release", 1024, 768);
    ck_assert_int_lt(releases, g->siege.ncontingents);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = lx;
    e.motion.y = ly;
    uiapp_handle(app, &e);
    for (int k = 0; k < 20; k++) {
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = -1;
        uiapp_handle(app, &e);
        frame();
    }
    ck_assert_int_ge(boxes_with(last, 1024, 768), 1);
    ck_assert_int_gt(boxes_with("Release", 1024, 768), releases);
    ck_assert_int_eq(boxes_with("end (wheel)", 1024, 768), 1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("polish");
    TCase *tc = tcase_create("polish");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, columns_sent_by_the_scenario_say_so);
    tcase_add_test(tc, wall_hex_hover_says_why_no_way_out);
    tcase_add_test(tc, save_and_screenshot_notices_always_shown);
    tcase_add_test(tc, no_food_and_one_unit_read_right);
    tcase_add_test(tc, theatre_lists_scroll_on_a_small_screen);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
