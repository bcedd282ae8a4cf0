/* check-layout.c - every screen readable at every size (issue 12).
 *
 * For 1024x768, 1280x720, 1366x768 and 1920x1080 at 100, 150 and 200 %,
 * each screen is drawn on the software renderer (SDL_VIDEODRIVER=dummy)
 * with the layout record on (ui/layout_rec.c), and the boxes it shows are
 * checked: every text line and button inside the window, no two of them
 * overlapping, no label wider than its button, no text cut sideways by
 * its clip. The screens: the menu with each scenario, help and settings
 * over it, the What if? screen, the hand-over, the map with a unit
 * selected (and the siege panel beside it), the end-turn confirmation,
 * the objectives, the terms question, the theatre, the relief timeline,
 * the debrief, the replay viewer, the chronicle's banner and a disputed
 * point's card.
 *
 * A screen that could not be fixed yet is listed in `known` below with
 * why: its problems are printed, not failed; everything else fails. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "core/effect.h"
#include "core/siege.h"
#include "ui/uiapp.h"
#include "testutil.h"
#include "../tools/bench/demo-save.h"
#include "../tools/bench/demo-shots.h"
#include "../tools/bench/ui-events.h"

static const int sizes[][2] = {{1024, 768}, {1280, 720}, {1366, 768}, {1920, 1080}};
static const int scales[] = {100, 150, 200};

/* Screens known not to fit yet: "screen@WxH@scale"; a part "*" matches
 * any, "x*" any that starts with x. */
static const char *const known[] = {
    /* The theatre at 150 and 200 %: the place labels are placed clear of
     * each other (theatre_labels.c) but not yet of the road distances,
     * the column counters' numbers and the hint in the map's corner; a
     * column's name in the list may run into its state word. The lists
     * under the map scroll (theatre_lists.c), so they fit at every size. */
    "theatre@*@150",
    "theatre@*@200",
    /* What if? at 200 % on a screen 768 or fewer lines high: the left
     * column (scenarios, switches, games, level) leaves no room for Run
     * (Enter still runs); it needs its own scroll or two columns. */
    "whatif@1024x768@200",
    "whatif@1280x720@200",
    "whatif@1366x768@200",
    /* The menu at 200 % on 1024x768 (a 512x384 screen in effect): the
     * choices (side, opponent, level, Start) leave the selected
     * scenario's title no room above them. */
    "menu-*@1024x768@200",
    /* Help at 200 % on 1024x768: the last lines (the menu's and the
     * replay's keys) run under the Close button; help needs to scroll. */
    "help@1024x768@200",
    "help-menu@1024x768@200",
    NULL
};

static SDL_Surface *surf;
static SDL_Renderer *ren;
static char home[256];
static char data_dir[1024];
static char save_path[1400];
static int W, H, S;
static char report[1 << 16];
static size_t rlen;
static int failures;

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    snprintf(home, sizeof home, "/tmp/emesa-check-layout-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(home));
    setenv("XDG_DATA_HOME", home, 1);
    ck_assert_int_eq(SDL_Init(SDL_INIT_VIDEO), 0);
    const char *src = getenv("EMESA_SOURCE_DIR");
    snprintf(data_dir, sizeof data_dir, "%s", src ? src : ".");
}

static void teardown(void)
{
    SDL_Quit();
    if (!tu_rmtree(home))
        fprintf(stderr, "check-layout: %s left behind\n", home);
}

static UiApp *make(int scale)
{
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = data_dir;
    cfg.seed = 3;
    cfg.ai_side = -1;
    cfg.scale_pct = scale;
    char why[512];
    UiApp *a = uiapp_new(NULL, ren, &cfg, why, sizeof why);
    ck_assert_msg(a != NULL, "%s", why);
    return a;
}

static void start(UiApp *a, const char *scen, int human, bool hotseat)
{
    char why[512];
    int i = uiapp_find_scenario(a, scen);
    ck_assert_int_ge(i, 0);
    ck_assert_msg(uiapp_start(a, i, human, hotseat, why, sizeof why), "%s", why);
}

static bool is_known(const char *screen)
{
    char me[160];
    snprintf(me, sizeof me, "%s@%dx%d@%d", screen, W, H, S);
    for (int i = 0; known[i]; i++) {
        char pat[160];
        snprintf(pat, sizeof pat, "%s", known[i]);
        char *parts[3], *save = NULL;
        int n = 0;
        for (char *t = strtok_r(pat, "@", &save); t && n < 3; t = strtok_r(NULL, "@", &save))
            parts[n++] = t;
        char mine[160], *mp[3], *ms = NULL;
        snprintf(mine, sizeof mine, "%s", me);
        int m = 0;
        for (char *t = strtok_r(mine, "@", &ms); t && m < 3; t = strtok_r(NULL, "@", &ms))
            mp[m++] = t;
        bool ok = n == 3 && m == 3;
        for (int k = 0; ok && k < 3; k++)
        {
            size_t len = strlen(parts[k]);   /* "x*": any name that starts with x */
            ok = strcmp(parts[k], mp[k]) == 0 || (len > 0 && parts[k][len - 1] == '*' && strncmp(parts[k], mp[k], len - 1) == 0);
        }
        if (ok)
            return true;
    }
    return false;
}

static void say(const char *screen, const char *msg)
{
    bool k = is_known(screen);
    if (!k)
        failures++;
    if (rlen + 400 >= sizeof report)
        return;
    rlen += (size_t)snprintf(report + rlen, sizeof report - rlen, "%s%s@%dx%d@%d: %s\n", k ? "(known) " : "",
                             screen, W, H, S, msg);
}

/* Two boxes overlap when they share more than a sliver (antialiased
 * edges and a line's leading may touch). */
static bool overlap(SDL_Rect a, SDL_Rect b)
{
    int w = SDL_min(a.x + a.w, b.x + b.w) - SDL_max(a.x, b.x);
    int h = SDL_min(a.y + a.h, b.y + b.h) - SDL_max(a.y, b.y);
    return w > 2 && h > 3;
}

static const char *box_msg(char *m, size_t n, const char *what, const UiBox *b, const UiBox *c)
{
    int k = snprintf(m, n, "'%s' (%d,%d %dx%d) %s", b->label, b->r.x, b->r.y, b->r.w, b->r.h, what);
    if (c && k > 0 && (size_t)k < n)
        snprintf(m + k, n - (size_t)k, " '%s' (%d,%d %dx%d)", c->label, c->r.x, c->r.y, c->r.w, c->r.h);
    return m;
}

/* Text drawn wholly inside a button is its label (a list entry drawn as
 * a button with its lines on it). */
static bool label_of(const UiBox *text, const UiBox *button)
{
    SDL_Rect t = text->r, b = button->r;
    return text->kind == UIBOX_TEXT && button->kind == UIBOX_BUTTON && t.x >= b.x && t.y >= b.y &&
           t.x + t.w <= b.x + b.w && t.y + t.h <= b.y + b.h;
}

static int check_screen(UiApp *a, const char *screen)
{
    char m[300];
    uiapp_record_layout(a, true);
    uiapp_draw(a);
    const UiBox *b;
    int n = uiapp_layout_boxes(a, &b), shown = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].kind == UIBOX_HIDDEN)
            continue;
        shown++;
        SDL_Rect r = b[i].r;
        if (r.x < 0 || r.y < 0 || r.x + r.w > W || r.y + r.h > H)
            say(screen, box_msg(m, sizeof m, "outside the window", &b[i], NULL));
        if (b[i].cut)
            say(screen, box_msg(m, sizeof m, "cut sideways by its clip", &b[i], NULL));
        if (b[i].kind == UIBOX_BUTTON && b[i].text_w > r.w)
            say(screen, box_msg(m, sizeof m, "a button whose label is wider", &b[i], NULL));
        for (int j = i + 1; j < n; j++)
            if (b[j].kind != UIBOX_HIDDEN && overlap(r, b[j].r) && !label_of(&b[i], &b[j]) && !label_of(&b[j], &b[i]))
                say(screen, box_msg(m, sizeof m, "overlaps", &b[i], &b[j]));
    }
    uiapp_record_layout(a, false);
    ck_assert_msg(shown > 0, "%s@%dx%d@%d: nothing drawn", screen, W, H, S);
    return shown;
}

static void menu_screens(void)
{
    UiApp *a = make(S);
    int n = uiapp_scenario_count(a);
    for (int k = 0; k < n; k++)
        ue_key(a, SDLK_UP);
    for (int i = 0; i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "menu-%d", i);
        check_screen(a, name);
        ue_key(a, SDLK_DOWN);
    }
    ue_key(a, SDLK_F1);
    check_screen(a, "help-menu");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_F10);
    check_screen(a, "settings");
    ue_key(a, SDLK_ESCAPE);
    ck_assert(uiapp_whatif_open(a));
    check_screen(a, "whatif");
    uiapp_free(a);
}

static void game_screens(void)
{
    UiApp *a = make(S);
    start(a, "emesa-638", -1, true);
    check_screen(a, "handover");
    ue_key(a, SDLK_RETURN);
    const Game *g = uiapp_game(a);
    check_screen(a, "map");
    int u = demo_unit_near_enemy(g);
    if (u >= 0) {
        uiapp_set_zoom(a, 3);
        uiapp_center_on(a, g->units[u].hex);
        int x, y;
        if (uiapp_hex_screen(a, g->units[u].hex, &x, &y))
            ue_mouse(a, x, y, true);
        check_screen(a, "map-selected");
    }
    ue_key(a, SDLK_F1);
    check_screen(a, "help");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_SPACE);
    check_screen(a, "confirm-end-turn");
    ue_key(a, SDLK_ESCAPE);
    ue_key(a, SDLK_o);
    check_screen(a, "objectives");
    ue_key(a, SDLK_o);
    ue_key(a, SDLK_t);
    check_screen(a, "theatre");
    ue_key(a, SDLK_r);
    check_screen(a, "timeline");
    ue_key(a, SDLK_r);
    /* The coalition offers terms; the garrison is asked. */
    demo_terms_offered(a);
    uiapp_tick(a, 1000);
    if (uiapp_asking_terms(a))
        check_screen(a, "terms-question");
    ue_key(a, SDLK_ESCAPE);
    /* The 638 debrief: its history column holds ten disputed points. */
    effect_end_game((Game *)uiapp_game(a), 1, "major", "The town surrendered (check-layout).");
    uint32_t t0 = 2000;
    for (int k = 0; k < 10; k++)
        uiapp_tick(a, t0 += 100);
    check_screen(a, "debrief-638");
    uiapp_free(a);

    a = make(S);
    start(a, "emesa-635", 0, false);
    check_screen(a, "map-635");
    effect_end_game((Game *)uiapp_game(a), 0, "historical", "Emesa held; the coalition went home (check-layout).");
    uint32_t t = 1000;
    for (int k = 0; k < 10; k++)
        uiapp_tick(a, t += 100);
    check_screen(a, "debrief");
    uiapp_free(a);
}

static void replay_screens(void)
{
    UiApp *a = make(S);
    ck_assert_msg(uiapp_replay_open(a, save_path), "%s", uiapp_replay_error(a));
    int x, y;
    if (uiapp_replay_turn_screen(a, 4, &x, &y))
        ue_mouse(a, x, y, true);
    uiapp_finish_animations(a);
    check_screen(a, "replay");
    uiapp_free(a);
}

/* The 638 chronicle as a lesson: the banner of turn 2, then its disputed
 * point's card. */
static void lesson_screens(void)
{
    UiApp *a = make(S);
    char why[512], b[4096];
    int i = uiapp_find_scenario(a, "emesa-638");
    ck_assert(i >= 0 && uiapp_start_chronicle(a, i, why, sizeof why));
    uint32_t t = 1000;
    bool banner = false, dispute = false;
    for (int k = 0; k < 200000 && !dispute; k++) {
        const Game *g = uiapp_game(a);
        if (!g || g->mode == MODE_OVER || g->turn > 3)
            break;
        if (!banner && uiapp_chronicle_banner(a, b, sizeof b)) {
            banner = true;
            check_screen(a, "chronicle-banner");
        }
        if (uiapp_lesson_dispute(a, b, sizeof b)) {
            dispute = true;
            ue_mouse(a, 5, 5, false);
            check_screen(a, "dispute-card");
            break;
        }
        uiapp_finish_animations(a);
        if (uiapp_paused(a))
            ue_key(a, SDLK_SPACE);
        uiapp_tick(a, t += 5000);
    }
    ck_assert_msg(banner && dispute, "the chronicle showed banner %d dispute %d", banner, dispute);
    uiapp_free(a);
}

START_TEST(every_screen_fits)
{
    W = sizes[_i / 3][0];
    H = sizes[_i / 3][1];
    S = scales[_i % 3];
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    ren = SDL_CreateSoftwareRenderer(surf);
    ck_assert_ptr_nonnull(ren);
    char scen[1200], why[512];
    snprintf(scen, sizeof scen, "%s/scenarios/emesa-638.lua", data_dir);
    snprintf(save_path, sizeof save_path, "%s/layout.emesa-save", home);
    ck_assert_msg(demo_save(scen, "scenarios/emesa-638.lua", 3, 6, save_path, why, sizeof why, NULL), "%s", why);
    rlen = 0;
    report[0] = 0;
    failures = 0;
    menu_screens();
    game_screens();
    replay_screens();
    lesson_screens();
    if (rlen)
        fputs(report, stderr);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    ck_assert_msg(failures == 0, "%dx%d at %d %%: %d layout problems (listed above)", W, H, S, failures);
}
END_TEST

/* Hexes, counters and their labels follow the scale: two hexes two
 * columns apart on a row lie 3 hex radii apart, 3 x 26 = 78 px at zoom 2
 * at 100 %, 117 px at 150 %, 156 px at 200 %. */
START_TEST(map_follows_the_scale)
{
    W = 1366;
    H = 768;
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    ren = SDL_CreateSoftwareRenderer(surf);
    static const int want[3] = {78, 117, 156};
    for (int k = 0; k < 3; k++) {
        UiApp *a = make(scales[k]);
        start(a, "emesa-638", -1, true);
        ue_key(a, SDLK_RETURN);
        uiapp_set_zoom(a, 2);
        uiapp_draw(a);
        Hex h0 = hex_from_offset(20, 6), h1 = hex_from_offset(22, 6);
        uiapp_center_on(a, h0);
        int x0, y0, x1, y1;
        ck_assert(uiapp_hex_screen(a, h0, &x0, &y0));
        ck_assert(uiapp_hex_screen(a, h1, &x1, &y1));
        ck_assert_int_eq(y1, y0);
        ck_assert_int_eq(x1 - x0, want[k]);
        uiapp_free(a);
    }
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("screens");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, every_screen_fits, 0, 12);
    tcase_add_test(tc, map_follows_the_scale);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
