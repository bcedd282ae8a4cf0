/* testwin.c - the window tests' fixture (see testwin.h). */
#include "testwin.h"
#include "testutil.h"
#include "../tools/bench/ui-events.h"
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SDL_Surface *tw_surf;
SDL_Renderer *tw_ren;
UiApp *tw_app;
char tw_home[256];
char tw_data_dir[1024];
char tw_scen_path[1200];

UiApp *tw_new_app(const char *scenario, int ai_level)
{
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = tw_data_dir;
    cfg.scenario = scenario;
    cfg.seed = 7;
    cfg.ai_side = -1;
    cfg.ai_level = ai_level;
    cfg.scale_pct = 100;
    char why[512];
    UiApp *a = uiapp_new(NULL, tw_ren, &cfg, why, sizeof why);
    ck_assert_msg(a != NULL, "%s", why);
    return a;
}

void tw_window(const char *tag)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    snprintf(tw_home, sizeof tw_home, "/tmp/emesa-%s-XXXXXX", tag);
    ck_assert_ptr_nonnull(mkdtemp(tw_home));
    setenv("XDG_DATA_HOME", tw_home, 1);
    ck_assert_int_eq(SDL_Init(SDL_INIT_VIDEO), 0);
    tw_surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    tw_ren = SDL_CreateSoftwareRenderer(tw_surf);
    ck_assert_ptr_nonnull(tw_ren);
    snprintf(tw_data_dir, sizeof tw_data_dir, "%s", tu_src_dir());
    snprintf(tw_scen_path, sizeof tw_scen_path, "%s/scenarios/emesa-638.lua", tw_data_dir);
    tw_app = NULL;
}

void tw_setup(const char *tag)
{
    tw_window(tag);
    tw_app = tw_new_app(NULL, 0);
}

UiApp *tw_remake(int ai_level)
{
    uiapp_free(tw_app);
    tw_app = tw_new_app(NULL, ai_level);
    return tw_app;
}

void tw_teardown(void)
{
    if (tw_app)
        uiapp_free(tw_app);
    SDL_DestroyRenderer(tw_ren);
    SDL_FreeSurface(tw_surf);
    SDL_Quit();
}

void tw_click(int x, int y) { ue_mouse(tw_app, x, y, true); }

void tw_key(SDL_Keycode k) { ue_key(tw_app, k); }

void tw_frame(void)
{
    uiapp_draw(tw_app);
    SDL_RenderPresent(tw_ren);
}

uint32_t tw_px(int x, int y)
{
    return ((uint32_t *)((uint8_t *)tw_surf->pixels + y * tw_surf->pitch))[x] & 0xffffff;
}

int tw_lum_at(int x, int y)
{
    uint32_t p = tw_px(x, y);
    return (int)((((p >> 16) & 255) * 3 + ((p >> 8) & 255) * 6 + (p & 255)) / 10);
}

bool tw_have_scenario(void)
{
    return access(tw_scen_path, R_OK) == 0;
}

void tw_click_button(const char *label)
{
    int x, y;
    ck_assert_msg(uiapp_find_button(tw_app, label, &x, &y), "no button '%s' on screen", label);
    tw_click(x, y);
}

void tw_menu_select(const char *name)
{
    int i = uiapp_find_scenario(tw_app, name);
    ck_assert_int_ge(i, 0);
    for (int k = 0; k < 40; k++)
        tw_key(SDLK_UP);
    for (int k = 0; k < i; k++)
        tw_key(SDLK_DOWN);
}

bool tw_near_rgb(uint32_t p, uint32_t c, int tol)
{
    int dr = (int)((p >> 16) & 255) - (int)((c >> 16) & 255), dg = (int)((p >> 8) & 255) - (int)((c >> 8) & 255),
        db = (int)(p & 255) - (int)(c & 255);
    return dr * dr + dg * dg + db * db <= tol * tol;
}

int tw_light_pixels(int x0, int x1, int y0, int y1)
{
    int n = 0;
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < H; y += 2)
        for (int x = x0 < 0 ? 0 : x0; x < x1 && x < W; x += 2)
            n += tw_lum_at(x, y) > 215;
    return n;
}
