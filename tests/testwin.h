/* testwin.h - the window tests' fixture: a 1280x800 software renderer
 * with SDL_VIDEODRIVER=dummy, a UiApp on the source tree's data, a home
 * of the test's own, and the mouse, keys and pixels of that window. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <SDL.h>
#include "ui/uiapp.h"

enum { W = 1280, H = 800 };

extern SDL_Surface *tw_surf;
extern SDL_Renderer *tw_ren;
extern UiApp *tw_app;
/* The XDG_DATA_HOME of this test (a fresh directory under /tmp). */
extern char tw_home[256];
/* The source tree (EMESA_SOURCE_DIR, or "."). */
extern char tw_data_dir[1024];
/* The 638 scenario in the source tree. */
extern char tw_scen_path[1200];

/* Makes /tmp/emesa-<tag>-XXXXXX the home, the surface and the renderer
 * (tw_app NULL). */
void tw_window(const char *tag);
/* tw_window() and an app on the menu in tw_app. */
void tw_setup(const char *tag);
/* Frees tw_app (if any), the renderer and the surface; quits SDL. */
void tw_teardown(void);
/* A new app on tw_ren over the source tree: seed 7, no computer side,
 * computer level ai_level, scale 100 %, scenario (a file to add to the
 * menu) if not NULL. */
UiApp *tw_new_app(const char *scenario, int ai_level);
/* A left click at x,y (the pointer moved there first). */
void tw_click(int x, int y);
void tw_key(SDL_Keycode k);
/* Draws the app and presents it onto the surface. */
void tw_frame(void);
/* The surface's pixel at x,y (0xRRGGBB) and its luminance (0..255). */
uint32_t tw_px(int x, int y);
int tw_lum_at(int x, int y);
bool tw_have_scenario(void);
/* Clicks the button labelled label on the screen as last drawn (fails
 * the test if there is none). */
void tw_click_button(const char *label);
/* Moves the menu's highlight to scenario `name` with the arrow keys. */
void tw_menu_select(const char *name);
/* Frees the app and makes a new one as tw_setup() does, with the
 * computer's level ai_level; returns it (also in tw_app). */
UiApp *tw_remake(int ai_level);
/* Whether pixel p lies within tol (RGB distance) of colour c. */
bool tw_near_rgb(uint32_t p, uint32_t c, int tol);
/* Bright (luminance > 215) pixels in the box x0..x1, y0..y1, every
 * second pixel, clipped to the window. */
int tw_light_pixels(int x0, int x1, int y0, int y1);
