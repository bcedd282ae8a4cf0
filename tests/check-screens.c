/* check-screens.c - what a newcomer meets around the game: the window's
 * size on small screens, the Help button, the quick save of another
 * scenario, the objectives and the end-turn warnings. Driven like
 * check-ui.c, on the software renderer with SDL_VIDEODRIVER=dummy. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "core/siege.h"
#include "ui/uiapp.h"
#include "testutil.h"
#include "testwin.h"

static void setup(void)
{
    tw_setup("check-screens");
}

/* ---- the window's size ------------------------------------------------ */

START_TEST(window_fits_the_usable_area)
{
    /* 1280x800 on a 1024x768 screen less a 32-pixel panel: 1024/1280 =
     * 0.8 and 736/800 = 0.92, so x0.8: 1024x640, centred 48 below the
     * panel. */
    SDL_Rect u = {0, 32, 1024, 736};
    SDL_Rect r = uiapp_fit_window(u, 1280, 800);
    ck_assert_int_eq(r.w, 1024);
    ck_assert_int_eq(r.h, 640);
    ck_assert_int_eq(r.x, 0);
    ck_assert_int_eq(r.y, 32 + (736 - 640) / 2);
    /* 1920x1080 (a full-screen size once kept) on 1366x768: 768/1080 is
     * the smaller factor, 1920*0.7111 = 1365. */
    SDL_Rect u2 = {0, 0, 1366, 768};
    r = uiapp_fit_window(u2, 1920, 1080);
    ck_assert_int_eq(r.h, 768);
    ck_assert_int_eq(r.w, 1365);
    ck_assert_int_le(r.x + r.w, 1366);
    /* A size that fits is kept, centred. */
    r = uiapp_fit_window(u2, 1024, 600);
    ck_assert_int_eq(r.w, 1024);
    ck_assert_int_eq(r.h, 600);
    ck_assert_int_eq(r.x, 171);
    ck_assert_int_eq(r.y, 84);
    /* Only a size that fits is remembered. */
    ck_assert(uiapp_window_fits(u2, 1366, 768));
    ck_assert(!uiapp_window_fits(u2, 1920, 1080));
    ck_assert(!uiapp_window_fits(u, 1024, 768));
}
END_TEST


/* ---- the Help button ------------------------------------------------- */

/* The click that opened help was taken as a click outside it, which
 * closes help: the button did nothing. Help's own Close button shows it
 * is open. */
START_TEST(help_button_opens_help)
{
    int x, y;
    tw_frame();
    ck_assert(!uiapp_find_button(tw_app, "Close", &x, &y));
    ck_assert(uiapp_find_button(tw_app, "Help  F1", &x, &y));
    tw_click(x, y);
    tw_frame();
    ck_assert_msg(uiapp_find_button(tw_app, "Close", &x, &y), "the menu's Help button did not open help");
    tw_click(x, y);
    ck_assert(!uiapp_find_button(tw_app, "Close", &x, &y));
    /* In a game, the button on the top bar. */
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    tw_frame();
    ck_assert(uiapp_find_button(tw_app, "Help", &x, &y));
    tw_click(x, y);
    tw_frame();
    ck_assert_msg(uiapp_find_button(tw_app, "Close", &x, &y), "the game's Help button did not open help");
    /* A click outside closes it, as before. */
    tw_click(5, H - 5);
    ck_assert(!uiapp_find_button(tw_app, "Close", &x, &y));
}
END_TEST

/* ---- F9 and another scenario's quick save ------------------------------ */

static void copy_file(const char *from, const char *to)
{
    FILE *f = fopen(from, "rb"), *t = fopen(to, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(t);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, t), n);
    fclose(f);
    fclose(t);
}

/* A 638 quick save once loaded into a 635 game and handed the player the
 * other side. Each scenario now has its own quick save, and a file in
 * another's place is refused with the scenario it holds named. */
START_TEST(quickload_keeps_to_its_scenario)
{
    char why[512], p638[400], p635[400];
    snprintf(p638, sizeof p638, "%s/emesa/emesa/quicksave-emesa-638.emesa-save", tw_home);
    snprintf(p635, sizeof p635, "%s/emesa/emesa/quicksave-emesa-635.emesa-save", tw_home);
    int i638 = uiapp_find_scenario(tw_app, "emesa-638"), i635 = uiapp_find_scenario(tw_app, "emesa-635");
    ck_assert_int_ge(i638, 0);
    ck_assert_int_ge(i635, 0);
    ck_assert_msg(uiapp_start(tw_app, i638, 0, false, why, sizeof why), "%s", why);
    tw_key(SDLK_F5);
    ck_assert_msg(access(p638, R_OK) == 0, "%s", uiapp_status(tw_app));
    ck_assert_ptr_nonnull(strstr(uiapp_status(tw_app), "The Jazira comes to Homs"));
    /* A 635 game: F9 finds no 635 quick save and changes nothing. */
    ck_assert_msg(uiapp_start(tw_app, i635, 1, false, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    tw_key(SDLK_F9);
    ck_assert_ptr_eq(uiapp_game(tw_app), g);
    ck_assert_msg(strstr(uiapp_status(tw_app), "No quick save of Every cold day") != NULL, "%s", uiapp_status(tw_app));
    ck_assert_int_eq(uiapp_ai_level(tw_app, 1), 0);   /* the player still commands side 1 */
    ck_assert_int_gt(uiapp_ai_level(tw_app, 0), 0);
    /* The 638 save copied into the 635 one's place: refused, named. */
    copy_file(p638, p635);
    tw_key(SDLK_F9);
    ck_assert_ptr_eq(uiapp_game(tw_app), g);
    ck_assert_msg(strstr(uiapp_status(tw_app), "Not loaded: the quick save is a game of The Jazira comes to Homs") != NULL,
                  "%s", uiapp_status(tw_app));
    ck_assert_int_eq(uiapp_ai_level(tw_app, 1), 0);
    /* Its own quick save loads. */
    remove(p635);
    tw_key(SDLK_F5);
    tw_key(SDLK_F9);
    ck_assert_msg(strstr(uiapp_status(tw_app), "Loaded the quick save") != NULL, "%s", uiapp_status(tw_app));
    ck_assert_int_eq(uiapp_ai_level(tw_app, 1), 0);
}
END_TEST


/* ---- warnings before the turn ends, and terms for a human garrison ---- */

static void click_button(const char *label)
{
    tw_frame();
    tw_click_button(label);
}

/* 638 for two players: the coalition (the besiegers) acts first; after
 * its turn and the hand-over, the Rashidun garrison is to act. */
static const Game *garrison_to_act(bool offer_terms)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    tw_key(SDLK_RETURN);   /* past the hand-over */
    const Game *g = uiapp_game(tw_app);
    ck_assert_int_ne(g->active, g->town_side);
    if (offer_terms) {
        click_button("Generous");
        ck_assert_msg(g->siege.terms == TERMS_GENEROUS, "%s", uiapp_status(tw_app));
    }
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    tw_key(SDLK_RETURN);   /* the hand-over */
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->active, g->town_side);
    uiapp_tick(tw_app, 1000);
    return g;
}

START_TEST(end_turn_warns_of_gate_and_food)
{
    const Game *g = garrison_to_act(false);
    char w[4000];
    uiapp_turn_warnings(tw_app, w, sizeof w);
    ck_assert_ptr_null(strstr(w, "stands open"));
    /* An open gate is warned of. */
    click_button("Open");
    int open = -1;
    for (int k = 0; k < g->ngates; k++)
        if (g->gates[k].state == GATE_OPEN)
            open = k;
    ck_assert_int_ge(open, 0);
    uiapp_turn_warnings(tw_app, w, sizeof w);
    char want[200];
    snprintf(want, sizeof want, "The %s stands open: the enemy may rush it.", g->gates[open].name);
    ck_assert_msg(strstr(w, want) != NULL, "%s", w);
    /* Food against the turns left: the line is there exactly when the
     * core says the stores will not last (siege_food_turns). */
    int me = g->active, to_go = g->max_turns - g->turn + 1;
    int fed = siege_food_turns(g, me, g->siege.side[me].rations, to_go);
    snprintf(want, sizeof want, "Food for %d of the %d turns left", fed, to_go);
    ck_assert_msg((strstr(w, want) != NULL) == (fed < to_go), "fed %d of %d: %s", fed, to_go, w);
    /* The dialog shows them (drawn without overflowing, at least). */
    tw_key(SDLK_SPACE);
    tw_frame();
    tw_key(SDLK_ESCAPE);
}
END_TEST

START_TEST(garrison_is_asked_about_terms)
{
    const Game *g = garrison_to_act(true);
    ck_assert_msg(uiapp_asking_terms(tw_app), "the garrison was not asked");
    char w[4000];
    uiapp_turn_warnings(tw_app, w, sizeof w);
    ck_assert_msg(strstr(w, "Terms are offered and not answered") != NULL, "%s", w);
    click_button("Refuse");
    ck_assert(!uiapp_asking_terms(tw_app));
    ck_assert_int_eq(g->siege.terms_answer, TERMS_ANSWER_REFUSE);
    uiapp_turn_warnings(tw_app, w, sizeof w);
    ck_assert_ptr_null(strstr(w, "Terms are offered"));
    /* Asked once a turn: no second question after the answer. */
    uiapp_tick(tw_app, 2000);
    ck_assert(!uiapp_asking_terms(tw_app));
    /* At the turn's end the refusal stands, whatever the dice. */
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    g = uiapp_game(tw_app);
    ck_assert(!g->siege.surrendered);
    int refusals = 0;
    for (size_t i = 0; i < g->events.n; i++)
        refusals += g->events.items[i].type == EV_TERMS_REFUSED && strstr(g->events.items[i].text, "refuse");
    ck_assert_int_ge(refusals, 1);
}
END_TEST

START_TEST(council_may_be_left_to_decide)
{
    garrison_to_act(true);
    ck_assert(uiapp_asking_terms(tw_app));
    tw_key(SDLK_ESCAPE);
    ck_assert(!uiapp_asking_terms(tw_app));
    ck_assert_int_eq(uiapp_game(tw_app)->siege.terms_answer, TERMS_ANSWER_COUNCIL);
    /* The panel's Answer button asks again. */
    click_button("Answer");
    ck_assert(uiapp_asking_terms(tw_app));
    click_button("Accept");
    ck_assert_int_eq(uiapp_game(tw_app)->siege.terms_answer, TERMS_ANSWER_ACCEPT);
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    const Game *g = uiapp_game(tw_app);
    ck_assert(g->siege.surrendered);
    ck_assert_int_eq(g->mode, MODE_OVER);
    /* The debrief says why: the condition met, and how the town gave up. */
    char why[1400];
    uiapp_outcome_reason(tw_app, why, sizeof why);
    ck_assert_msg(strstr(why, "Why it ended: Major victory for the Jazira coalition if the town surrenders on terms; "
                              "at the end, the town has surrendered. The town surrendered (surrender: Rashidun's "
                              "commander accepts the generous terms) with ") != NULL, "%s", why);
}
END_TEST

START_TEST(objectives_open_with_o)
{
    garrison_to_act(false);
    int x, y;
    ck_assert(!uiapp_find_button(tw_app, "Close", &x, &y));
    tw_key(SDLK_o);
    tw_frame();
    ck_assert(uiapp_find_button(tw_app, "Close", &x, &y));
    tw_key(SDLK_o);
    ck_assert(!uiapp_find_button(tw_app, "Close", &x, &y));
    click_button("Objectives");
    ck_assert(uiapp_find_button(tw_app, "Close", &x, &y));
    tw_key(SDLK_ESCAPE);
    ck_assert(!uiapp_find_button(tw_app, "Close", &x, &y));
}
END_TEST


/* ---- the menu's briefing scrolls --------------------------------------- */

static void remake(int scale)
{
    uiapp_free(tw_app);
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tw_data_dir;
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.scale_pct = scale;
    char why[512];
    tw_app = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    ck_assert_msg(tw_app != NULL, "%s", why);
}

/* At 200 % the 638 briefing was cut mid-sentence ("...From Kufa"). It
 * now scrolls to its end with PgDn or the wheel, and back. */
START_TEST(briefing_scrolls_to_its_end)
{
    remake(200);
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    for (int k = 0; k < 40; k++)
        tw_key(SDLK_UP);
    for (int k = 0; k < i; k++)
        tw_key(SDLK_DOWN);
    tw_frame();
    int max = 0;
    ck_assert_int_eq(uiapp_briefing_scroll(tw_app, &max), 0);
    ck_assert_int_gt(max, 0);
    tw_key(SDLK_PAGEDOWN);
    tw_frame();
    int s1 = uiapp_briefing_scroll(tw_app, NULL);
    ck_assert_int_gt(s1, 0);
    for (int k = 0; k < 400 && uiapp_briefing_scroll(tw_app, NULL) < max; k++)
        tw_key(SDLK_PAGEDOWN);
    tw_frame();
    ck_assert_int_eq(uiapp_briefing_scroll(tw_app, NULL), max);
    /* The wheel over the briefing scrolls it back up. */
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = W - 200;
    e.motion.y = 300;
    uiapp_handle(tw_app, &e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 1;
    uiapp_handle(tw_app, &e);
    tw_frame();
    ck_assert_int_lt(uiapp_briefing_scroll(tw_app, NULL), max);
    /* At 100 % on this screen it fits and does not scroll. */
    remake(100);
    tw_frame();
    uiapp_briefing_scroll(tw_app, &max);
    ck_assert_int_eq(max, 0);
}
END_TEST


/* ---- hot-seat: each player's log is their own --------------------------- */

START_TEST(hotseat_log_keeps_alerts_secret)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    tw_key(SDLK_RETURN);
    const Game *g = uiapp_game(tw_app);
    ck_assert_int_ne(g->active, g->town_side);
    /* The besiegers put a camp on alert (if it was not already). */
    click_button("Alert");
    ck_assert_msg(uiapp_log_contains(tw_app, "stands to arms"), "%s", uiapp_status(tw_app));
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    tw_key(SDLK_RETURN);   /* the hand-over */
    g = uiapp_game(tw_app);
    ck_assert_int_eq(g->active, g->town_side);
    ck_assert(!uiapp_log_contains(tw_app, "stands to arms"));
    /* What both may know is still there. */
    ck_assert(uiapp_log_contains(tw_app, "turn 1 begins"));
    /* And back to the besiegers: their own order is in their log again. */
    tw_key(SDLK_SPACE);
    tw_key(SDLK_RETURN);
    tw_key(SDLK_RETURN);
    ck_assert_int_eq(uiapp_game(tw_app)->turn, 2);
    ck_assert_int_ne(uiapp_game(tw_app)->active, uiapp_game(tw_app)->town_side);
    ck_assert(uiapp_log_contains(tw_app, "stands to arms"));
}
END_TEST


/* ---- the theatre's place labels --------------------------------------- */

static int overlap(SDL_Rect a, SDL_Rect b)
{
    int w = (a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w) - (a.x > b.x ? a.x : b.x);
    int h = (a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h) - (a.y > b.y ? a.y : b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

/* Around Hit and Antioch/Qinnasrin the names lay on each other. Now no
 * two labels overlap, and each lies on the map (right of the window's
 * edge, above its bottom). */
static void labels_clear(int scale)
{
    remake(scale);
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    if (g->siege.nplaces == 0)
        return;
    uiapp_set_view(tw_app, 1);
    tw_frame();
    SDL_Rect r[64];
    int n = uiapp_theatre_labels(tw_app, r, 64);
    ck_assert_int_eq(n, g->siege.nplaces);
    for (int a = 0; a < n; a++) {
        ck_assert_msg(r[a].x >= 0 && r[a].y >= 0 && r[a].x + r[a].w <= W && r[a].y + r[a].h <= H,
                      "%d %%: the label of %s lies off the window", scale, g->siege.places[a].name);
        for (int b = a + 1; b < n; b++)
            ck_assert_msg(overlap(r[a], r[b]) == 0, "%d %%: the labels of %s and %s overlap", scale,
                          g->siege.places[a].name, g->siege.places[b].name);
    }
}

START_TEST(theatre_labels_do_not_collide)
{
    labels_clear(100);
    labels_clear(150);
}
END_TEST

/* The debrief's chart of morale, food and strength by turn: replayed
 * from the session's commands, it starts where the game started, has a
 * point for each turn's start, ends where the game stands, and reads the
 * same from the quick save loaded in a new window. */
static void figures_now(const Game *g, int morale[2], int food[2], int sp[2])
{
    for (int s = 0; s < 2; s++) {
        morale[s] = g->sides[s].morale;
        int d = siege_food_days(g, s);
        food[s] = d >= 999 ? -1 : d;
        sp[s] = 0;
        for (int u = 0; u < g->nunits; u++)
            if (g->units[u].side == s && g->units[u].status == UNIT_ON_MAP)
                sp[s] += g->units[u].sp;
    }
}

START_TEST(debrief_charts_the_turns)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    const Game *g = uiapp_game(tw_app);
    int m0[2], f0[2], s0[2];
    figures_now(g, m0, f0, s0);
    /* The player (the coalition) ends its turns; the computer plays the other side. */
    uint32_t t = 1000;
    for (int k = 0; k < 4000 && g->turn < 4 && g->mode != MODE_OVER; k++) {
        if (g->active == 0 && !uiapp_asking_terms(tw_app)) {
            tw_key(SDLK_SPACE);
            tw_key(SDLK_RETURN);
        }
        if (uiapp_asking_terms(tw_app))
            tw_key(SDLK_ESCAPE);
        uiapp_finish_animations(tw_app);
        uiapp_tick(tw_app, t += 2000);
        g = uiapp_game(tw_app);
    }
    ck_assert_int_ge(g->turn, 4);
    int turn, m[2], f[2], s[2], n = 0, prev = 0;
    int turns[64], mor[64][2], fd[64][2], sps[64][2];
    while (n < 64 && uiapp_turn_figures(tw_app, n, &turn, m, f, s)) {
        if (n == 0) {
            ck_assert_int_eq(turn, 1);
            for (int k = 0; k < 2; k++) {
                ck_assert_int_eq(m[k], m0[k]);
                ck_assert_int_eq(f[k], f0[k]);
                ck_assert_int_eq(s[k], s0[k]);
            }
        } else if (turn != prev) {
            ck_assert_int_eq(turn, prev + 1);   /* a point for every turn */
        }
        turns[n] = prev = turn;
        memcpy(mor[n], m, sizeof m);
        memcpy(fd[n], f, sizeof f);
        memcpy(sps[n], s, sizeof s);
        n++;
    }
    ck_assert_int_ge(n, 4);
    int mn[2], fn[2], sn[2];
    figures_now(g, mn, fn, sn);
    ck_assert_int_eq(turns[n - 1], g->turn);
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(mor[n - 1][k], mn[k]);
        ck_assert_int_eq(fd[n - 1][k], fn[k]);
        ck_assert_int_eq(sps[n - 1][k], sn[k]);
    }
    /* The quick save, loaded in a fresh game of the scenario. */
    tw_key(SDLK_F5);
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    tw_key(SDLK_F9);
    ck_assert_msg(strstr(uiapp_status(tw_app), "Loaded the quick save") != NULL, "%s", uiapp_status(tw_app));
    for (int k = 0; k < n; k++) {
        ck_assert(uiapp_turn_figures(tw_app, k, &turn, m, f, s));
        ck_assert_int_eq(turn, turns[k]);
        ck_assert_int_eq(memcmp(m, mor[k], sizeof m), 0);
        ck_assert_int_eq(memcmp(f, fd[k], sizeof f), 0);
        ck_assert_int_eq(memcmp(s, sps[k], sizeof s), 0);
    }
    ck_assert(!uiapp_turn_figures(tw_app, n, &turn, m, f, s));
}
END_TEST

/* Shift+click on a unit next to none of the group's targets says that
 * it adds nothing to the odds (it was added silently, odds unchanged). */
START_TEST(shift_click_far_unit_says_so)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    tw_key(SDLK_RETURN);
    const Game *g = uiapp_game(tw_app);
    /* Two units of the side to act, the second three or more hexes from
     * every enemy. */
    int first = -1, far = -1;
    for (int u = 0; u < g->nunits; u++) {
        if (g->units[u].side != g->active || g->units[u].status != UNIT_ON_MAP)
            continue;
        int near = 1 << 20;
        for (int e = 0; e < g->nunits; e++)
            if (g->units[e].side != g->active && g->units[e].status == UNIT_ON_MAP &&
                hex_distance(g->units[u].hex, g->units[e].hex) < near)
                near = hex_distance(g->units[u].hex, g->units[e].hex);
        if (first < 0)
            first = u;
        else if (near >= 3 && hex_distance(g->units[u].hex, g->units[first].hex) > 0 && far < 0)
            far = u;
    }
    ck_assert(first >= 0 && far >= 0);
    int x, y;
    uiapp_center_on(tw_app, g->units[first].hex);
    tw_frame();
    ck_assert(uiapp_hex_screen(tw_app, g->units[first].hex, &x, &y));
    tw_click(x, y);
    uiapp_center_on(tw_app, g->units[far].hex);
    tw_frame();
    ck_assert(uiapp_hex_screen(tw_app, g->units[far].hex, &x, &y));
    SDL_SetModState(KMOD_LSHIFT);
    tw_click(x, y);
    SDL_SetModState(KMOD_NONE);
    int sel[8];
    ck_assert_int_eq(uiapp_selection(tw_app, sel, 8), 2);
    ck_assert_msg(strstr(uiapp_status(tw_app), "is next to none of the group's targets") != NULL, "%s", uiapp_status(tw_app));
}
END_TEST

/* A courier that sets out this turn has no arrival yet (the theatre step
 * reckons it): the theatre says it sets out, never "due turn 0". */
START_TEST(courier_setting_out_is_not_due_turn_0)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, 0, false, why, sizeof why), "%s", why);
    Game *g = (Game *)uiapp_game(tw_app);
    int k = -1;
    for (int c = 0; c < g->siege.ncouriers; c++)
        if (g->siege.couriers[c].side == 0 && !g->siege.couriers[c].arrived)
            k = c;
    if (k < 0)
        for (int c = 0; c < g->siege.ncouriers; c++)
            if (!g->siege.couriers[c].arrived)
                k = c;
    ck_assert_int_ge(k, 0);
    g->siege.couriers[k].side = 0;
    g->siege.couriers[k].depart_turn = g->turn;
    g->siege.couriers[k].arrive_turn = 0;
    uiapp_set_view(tw_app, 1);
    uiapp_record_layout(tw_app, true);
    tw_frame();
    const UiBox *b;
    int n = uiapp_layout_boxes(tw_app, &b), sets_out = 0;
    for (int j = 0; j < n; j++) {
        ck_assert_msg(strstr(b[j].label, "due turn 0") == NULL, "%s", b[j].label);
        sets_out += strstr(b[j].label, "sets out") != NULL;
    }
    uiapp_record_layout(tw_app, false);
    ck_assert_int_ge(sets_out, 1);
}
END_TEST

/* The tooltip over a target the rules will not let the group attack
 * (it has attacked already) says why, not "Click to attack". */
static bool tooltip_has(int x, int y, const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    uiapp_handle(tw_app, &e);
    uiapp_record_layout(tw_app, true);
    tw_frame();
    const UiBox *b;
    int n = uiapp_layout_boxes(tw_app, &b);
    bool found = false;
    for (int j = 0; j < n; j++)
        found |= strstr(b[j].label, s) != NULL;
    uiapp_record_layout(tw_app, false);
    return found;
}

START_TEST(tooltip_after_attack_says_why_not)
{
    char why[512];
    int i = uiapp_find_scenario(tw_app, "emesa-638");
    ck_assert_msg(uiapp_start(tw_app, i, -1, true, why, sizeof why), "%s", why);
    tw_key(SDLK_RETURN);
    Game *g = (Game *)uiapp_game(tw_app);
    int checked = 0, tries = 0;
    for (int e = 0; e < g->nunits && !checked && tries < 12; e++) {
        if (g->units[e].side == g->active || g->units[e].status != UNIT_ON_MAP)
            continue;
        for (int u = 0; u < g->nunits && !checked; u++) {
            if (g->units[u].side != g->active || g->units[u].status != UNIT_ON_MAP || g->units[u].mp <= 0)
                continue;
            tries++;
            for (int d = 0; d < HEX_DIRS && !checked; d++) {
                Hex n = hex_neighbor(g->units[e].hex, d);
                int ids[4];
                if (!map_contains(&g->map, n) || game_units_at(g, n, ids, 4) > 0)
                    continue;
                Hex was = g->units[u].hex;
                game_unit_place(g, u, n);      /* placed next to the enemy */
                int x, y, tx, ty;
                uiapp_center_on(tw_app, n);
                tw_frame();
                ck_assert(uiapp_hex_screen(tw_app, n, &x, &y));
                tw_click(x, y);
                ck_assert(uiapp_hex_screen(tw_app, g->units[e].hex, &tx, &ty));
                if (!tooltip_has(tx, ty, "Attack ")) {   /* the odds, and "Click to attack" */
                    game_unit_place(g, u, was);
                    tw_key(SDLK_ESCAPE);
                    break;
                }
                Hex target = g->units[e].hex;
                tw_click(tx, ty);
                uiapp_finish_animations(tw_app);
                int ids2[4];
                if (game_units_at(g, target, ids2, 4) == 0 || g->units[ids2[0]].side == g->active)
                    continue;   /* the defender left: try another */
                /* Still selected, still next to it: the rules refuse a second attack. */
                tw_click(x, y);
                ck_assert(uiapp_hex_screen(tw_app, target, &tx, &ty));
                ck_assert(!tooltip_has(tx, ty, "Attack "));
                ck_assert(tooltip_has(tx, ty, "No attack on"));
                checked++;
            }
            break;      /* one attacker per enemy */
        }
    }
    ck_assert_int_ge(checked, 1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("screens");
    TCase *tc = tcase_create("screens");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, tw_teardown);
    tcase_add_test(tc, window_fits_the_usable_area);
    tcase_add_test(tc, help_button_opens_help);
    tcase_add_test(tc, quickload_keeps_to_its_scenario);
    tcase_add_test(tc, end_turn_warns_of_gate_and_food);
    tcase_add_test(tc, garrison_is_asked_about_terms);
    tcase_add_test(tc, council_may_be_left_to_decide);
    tcase_add_test(tc, objectives_open_with_o);
    tcase_add_test(tc, briefing_scrolls_to_its_end);
    tcase_add_test(tc, hotseat_log_keeps_alerts_secret);
    tcase_add_test(tc, theatre_labels_do_not_collide);
    tcase_add_test(tc, debrief_charts_the_turns);
    tcase_add_test(tc, shift_click_far_unit_says_so);
    tcase_add_test(tc, courier_setting_out_is_not_due_turn_0);
    tcase_add_test(tc, tooltip_after_attack_says_why_not);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
