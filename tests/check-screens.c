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
    snprintf(home, sizeof home, "/tmp/emesa-check-screens-XXXXXX");
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

static Suite *suite(void)
{
    Suite *s = suite_create("screens");
    TCase *tc = tcase_create("screens");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, window_fits_the_usable_area);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
