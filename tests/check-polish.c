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

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    snprintf(home, sizeof home, "/tmp/emesa-check-polish-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(home));
    setenv("XDG_DATA_HOME", home, 1);
    ck_assert_int_eq(SDL_Init(SDL_INIT_VIDEO), 0);
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    ren = SDL_CreateSoftwareRenderer(surf);
    ck_assert_ptr_nonnull(ren);
    const char *src = getenv("EMESA_SOURCE_DIR");
    snprintf(data_dir, sizeof data_dir, "%s", src ? src : ".");
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = data_dir;
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.scale_pct = 100;
    char why[512];
    app = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(app != NULL, "%s", why);
}

static void teardown(void)
{
    uiapp_free(app);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
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

static Suite *suite(void)
{
    Suite *s = suite_create("polish");
    TCase *tc = tcase_create("polish");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, columns_sent_by_the_scenario_say_so);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
