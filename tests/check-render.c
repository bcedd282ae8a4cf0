/* check-render.c - the map renderer on the software renderer, pixels read
 * back: terrain drawn, gate states visible, reachable hexes lit, the art
 * cache working and screen <-> hex round trips. Runs with
 * SDL_VIDEODRIVER=dummy: no display is needed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL.h>
#include "core/path.h"
#include "render/render.h"
#include "testutil.h"

enum { W = 900, H = 700 };

static SDL_Surface *surf;
static SDL_Renderer *ren;
static MapRender mr;

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    ck_assert_int_eq(SDL_Init(SDL_INIT_VIDEO), 0);
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(surf);
    ren = SDL_CreateSoftwareRenderer(surf);
    ck_assert_ptr_nonnull(ren);
    const char *src = getenv("EMESA_SOURCE_DIR");
    char assets[1024], why[256];
    snprintf(assets, sizeof assets, "%s/assets", src ? src : ".");
    memset(&mr, 0, sizeof mr);
    mr.r = ren;
    mr.art = art_new(ren, assets, why, sizeof why);
    ck_assert_msg(mr.art != NULL, "%s", why);
    mr.text = text_new(ren, why, sizeof why);
    ck_assert_msg(mr.text != NULL, "%s", why);
    mr.theme.ui_scale = 1;
}

static void teardown(void)
{
    text_free(mr.text);
    art_free(mr.art);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
}

static Rgba pixel(int x, int y)
{
    uint32_t p = ((uint32_t *)((uint8_t *)surf->pixels + y * surf->pitch))[x];
    Rgba c = { (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255 };
    return c;
}

static int cdist(Rgba a, Rgba b)
{
    return abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b);
}

static int lum(Rgba c)
{
    return (c.r * 3 + c.g * 6 + c.b) / 10;
}

static Camera cam_for(const Game *g, int zoom)
{
    Camera c;
    memset(&c, 0, sizeof c);
    c.zoom = zoom;
    c.view = (SDL_Rect){ 0, 0, W, H };
    c.map_w = g->map.width;
    c.map_h = g->map.height;
    c.x = 0;
    c.y = 0;
    return c;
}

static void draw(const Game *g, const Camera *c, const MapOverlay *ov)
{
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
    render_map(&mr, g, c, ov);
    SDL_RenderPresent(ren);
}

static void center_px(const Camera *c, int col, int row, int *x, int *y)
{
    float fx, fy;
    cam_hex_center(c, hex_from_offset(col, row), &fx, &fy);
    *x = (int)fx;
    *y = (int)fy;
}

START_TEST(terrain_colours_at_hex_centres)
{
    Game *g = tu_game(1);
    const Terrain ts[] = { TER_CITY, TER_OPEN, TER_ORCHARD, TER_BASALT, TER_MARSH, TER_HILL };
    const int n = (int)(sizeof ts / sizeof ts[0]);
    for (int i = 0; i < n; i++)
        tu_terrain(g, 1 + i, 3, ts[i]);
    tu_start(g);
    Camera c = cam_for(g, 2);
    draw(g, &c, NULL);
    for (int i = 0; i < n; i++) {
        int x, y;
        center_px(&c, 1 + i, 3, &x, &y);
        Rgba want = art_terrain_center(mr.art, ts[i]), got = pixel(x, y);
        ck_assert_msg(cdist(want, got) < 24, "%s at (%d,%d): got %02x%02x%02x want %02x%02x%02x", terrain_name(ts[i]), x, y,
                      got.r, got.g, got.b, want.r, want.g, want.b);
    }
    /* Distinct terrains look distinct. */
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            ck_assert_int_gt(cdist(art_terrain_center(mr.art, ts[i]), art_terrain_center(mr.art, ts[j])), 20);
    /* A river hex is water blue. */
    tu_terrain(g, 8, 6, TER_RIVER);
    draw(g, &c, NULL);
    int x, y;
    center_px(&c, 8, 6, &x, &y);
    Rgba w = pixel(x, y);
    ck_assert_msg(w.b > w.r + 40, "river centre %02x%02x%02x", w.r, w.g, w.b);
    game_free(g);
}
END_TEST

static long block_diff(SDL_Surface *a, SDL_Surface *b, int cx, int cy, int rad)
{
    long d = 0;
    for (int y = cy - rad; y <= cy + rad; y++)
        for (int x = cx - rad; x <= cx + rad; x++) {
            uint32_t pa = ((uint32_t *)((uint8_t *)a->pixels + y * a->pitch))[x];
            uint32_t pb = ((uint32_t *)((uint8_t *)b->pixels + y * b->pitch))[x];
            d += pa != pb;
        }
    return d;
}

START_TEST(gate_shows_its_state)
{
    Game *g = tu_game(1);
    for (int col = 3; col <= 7; col++) {
        tu_terrain(g, col, 2, TER_WALL);
        tu_terrain(g, col, 6, TER_WALL);
    }
    for (int row = 3; row <= 5; row++) {
        tu_terrain(g, 3, row, TER_WALL);
        tu_terrain(g, 7, row, TER_WALL);
        for (int col = 4; col <= 6; col++)
            tu_terrain(g, col, row, TER_CITY);
    }
    tu_terrain(g, 5, 2, TER_GATE);
    g->ngates = 1;
    snprintf(g->gates[0].id, sizeof g->gates[0].id, "north");
    snprintf(g->gates[0].name, sizeof g->gates[0].name, "North");
    g->gates[0].hex = hex_from_offset(5, 2);
    g->gates[0].state = GATE_SHUT;
    tu_start(g);
    Camera c = cam_for(g, 3);
    int x, y;
    center_px(&c, 5, 2, &x, &y);
    SDL_Surface *shots[3];
    const int states[3] = { GATE_SHUT, GATE_OPEN, GATE_FORCED };
    for (int i = 0; i < 3; i++) {
        g->gates[0].state = states[i];
        draw(g, &c, NULL);
        shots[i] = SDL_ConvertSurface(surf, surf->format, 0);
    }
    int rad = (int)(cam_size(&c) * 0.4f);
    ck_assert_int_gt(block_diff(shots[0], shots[1], x, y, rad), rad * rad / 4);
    ck_assert_int_gt(block_diff(shots[0], shots[2], x, y, rad), rad * rad / 4);
    ck_assert_int_gt(block_diff(shots[1], shots[2], x, y, rad), rad * rad / 4);
    /* Shut again: the same pixels as at first. */
    g->gates[0].state = GATE_SHUT;
    draw(g, &c, NULL);
    ck_assert_int_eq(block_diff(shots[0], surf, x, y, rad), 0);
    for (int i = 0; i < 3; i++)
        SDL_FreeSurface(shots[i]);
    game_free(g);
}
END_TEST

START_TEST(reachable_hexes_are_lit)
{
    Game *g = tu_game(1);
    int u = tu_unit(g, "foot", 0, "infantry", 5, 2, 2);
    tu_start(g);
    Camera c = cam_for(g, 2);
    draw(g, &c, NULL);
    SDL_Surface *plain = SDL_ConvertSurface(surf, surf->format, 0);
    int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
    ck_assert_int_gt(path_reachable(g, u, reach), 1);
    MapOverlay ov;
    memset(&ov, 0, sizeof ov);
    ov.viewer = -1;
    ov.reach = reach;
    ov.selected[0] = u;
    ov.nselected = 1;
    draw(g, &c, &ov);
    /* Far away (unreachable) hex: darker. Next door (reachable): not. */
    ck_assert_int_lt(reach[9 * g->map.width + 11], 0);
    ck_assert_int_ge(reach[2 * g->map.width + 3], 0);
    int fx, fy, nx, ny;
    center_px(&c, 11, 9, &fx, &fy);
    center_px(&c, 3, 2, &nx, &ny);
    Rgba before = ((Rgba){ 0 }), after;
    {
        uint32_t p = ((uint32_t *)((uint8_t *)plain->pixels + fy * plain->pitch))[fx];
        before = (Rgba){ (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255 };
    }
    after = pixel(fx, fy);
    ck_assert_int_gt(lum(before) - lum(after), 15);
    uint32_t p = ((uint32_t *)((uint8_t *)plain->pixels + ny * plain->pitch))[nx];
    Rgba nb = { (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255 };
    ck_assert_int_lt(cdist(nb, pixel(nx, ny)), 12);
    free(reach);
    SDL_FreeSurface(plain);
    game_free(g);
}
END_TEST

START_TEST(art_is_rasterised_once_per_size)
{
    Game *g = tu_game(1);
    tu_unit(g, "foot", 0, "infantry", 5, 2, 2);
    tu_unit(g, "horse", 1, "light_cav", 4, 6, 6);
    tu_terrain(g, 4, 4, TER_ORCHARD);
    tu_start(g);
    Camera c = cam_for(g, 1);
    draw(g, &c, NULL);
    int n = art_raster_count(mr.art);
    draw(g, &c, NULL);
    cam_pan(&c, 10, 10);
    draw(g, &c, NULL);
    ck_assert_int_eq(art_raster_count(mr.art), n);
    c.zoom = 3;
    draw(g, &c, NULL);
    ck_assert_int_gt(art_raster_count(mr.art), n);
    game_free(g);
}
END_TEST

START_TEST(screen_to_hex_round_trip)
{
    Game *g = tu_game(1);
    for (int z = 0; z < CAM_ZOOMS; z++) {
        Camera c = cam_for(g, z);
        c.x = 7;
        c.y = 3;
        for (int col = 0; col < g->map.width; col++)
            for (int row = 0; row < g->map.height; row++) {
                float x, y;
                Hex h = hex_from_offset(col, row), back;
                cam_hex_center(&c, h, &x, &y);
                if (x < 0 || y < 0 || x >= W || y >= H)
                    continue;
                /* The centre and points near it map back to the hex. */
                float s = cam_size(&c) * 0.6f;
                const float dx[5] = { 0, s, -s, 0, 0 }, dy[5] = { 0, 0, 0, s * 0.8f, -s * 0.8f };
                for (int k = 0; k < 5; k++) {
                    ck_assert(cam_hex_at(&c, (int)(x + dx[k]), (int)(y + dy[k]), &back));
                    ck_assert_msg(hex_eq(back, h), "zoom %d hex %d,%d probe %d", z, col, row, k);
                }
            }
    }
    game_free(g);
}
END_TEST

START_TEST(zoom_keeps_the_point_under_the_pointer)
{
    Game *g = tu_game(1);
    Camera c = cam_for(g, 2);
    c.view = (SDL_Rect){ 0, 0, 300, 200 };
    Hex before, after;
    ck_assert(cam_hex_at(&c, 150, 100, &before));
    cam_zoom_at(&c, 1, 150, 100);
    ck_assert_int_eq(c.zoom, 3);
    ck_assert(cam_hex_at(&c, 150, 100, &after));
    ck_assert(hex_eq(before, after));
    cam_zoom_at(&c, 10, 150, 100);
    ck_assert_int_eq(c.zoom, CAM_ZOOMS - 1);
    game_free(g);
}
END_TEST

START_TEST(arabic_text_is_shaped)
{
    /* "Hims" in Arabic, shaped: joined letters are narrower than the
     * isolated forms laid side by side. */
    int joined = text_width(mr.text, "\xD8\xAD\xD9\x85\xD8\xB5", 24);
    int apart = text_width(mr.text, "\xD8\xAD", 24) + text_width(mr.text, "\xD9\x85", 24) +
                text_width(mr.text, "\xD8\xB5", 24);
    ck_assert_int_gt(joined, 0);
    ck_assert_int_lt(joined, apart);
    ck_assert_int_gt(text_draw(mr.text, "Khalid \xD8\xAE\xD8\xA7\xD9\x84\xD8\xAF", 10, 10, 18, rgba(0xffffff, 255), TEXT_LEFT), 0);
}
END_TEST

/* A town with its walls and gate, a river with a ford, a road, marsh, a
 * citadel hill and a unit: every kind of thing in the terrain layer. */
static Game *layer_game(void)
{
    Game *g = tu_town(1);
    for (int row = 0; row < g->map.height; row++)
        tu_terrain(g, 2, row, row == 5 ? TER_FORD : TER_RIVER);
    for (int col = 0; col < 6; col++)
        tu_terrain(g, col, 4, col == 2 ? TER_FORD : TER_ROAD);
    tu_terrain(g, 1, 8, TER_MARSH);
    tu_terrain(g, 5, 2, TER_HILL);
    tu_terrain(g, 4, 7, TER_ORCHARD);
    tu_unit(g, "foot", 0, "infantry", 5, 4, 3);
    tu_start(g);
    return g;
}

/* Draws the map through the tile cache and straight to the screen at
 * every zoom and after pans of odd sizes (off the map's edge too), reads
 * the pixels back and counts those that differ. */
static long cached_vs_uncached(MapRender *m, SDL_Renderer *r, const Game *g, int w, int h)
{
    long bad = 0;
    size_t bytes = (size_t)w * (size_t)h * 4;
    uint32_t *a = malloc(bytes), *b = malloc(bytes);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    const int pans[][2] = { { 0, 0 }, { 37, 23 }, { -53, 11 }, { 128, -77 }, { -301, -290 }, { 255, 257 }, { 1, 1 } };
    for (int z = 0; z < CAM_ZOOMS; z++) {
        Camera c;
        memset(&c, 0, sizeof c);
        c.zoom = z;
        c.view = (SDL_Rect){ 20, 30, w - 60, h - 50 };
        c.map_w = g->map.width;
        c.map_h = g->map.height;
        c.x = -2 * cam_size(&c);
        c.y = -2 * cam_size(&c);
        for (size_t k = 0; k < sizeof pans / sizeof pans[0]; k++) {
            cam_pan(&c, pans[k][0], pans[k][1]);
            for (int pass = 0; pass < 2; pass++) {
                m->uncached = pass == 1;
                SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
                SDL_RenderClear(r);
                render_map(m, g, &c, NULL);
                ck_assert_int_eq(SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, pass ? b : a, w * 4), 0);
            }
            for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
                bad += a[i] != b[i];
        }
    }
    m->uncached = false;
    free(a);
    free(b);
    return bad;
}

START_TEST(cached_terrain_layer_draws_the_same_pixels)
{
    Game *g = layer_game();
    ck_assert_int_eq(cached_vs_uncached(&mr, ren, g, W, H), 0);
    /* The cache is used: the same view again paints no tile... */
    Camera c = cam_for(g, 3);
    draw(g, &c, NULL);
    int n = layer_painted(art_layer(mr.art));
    ck_assert_int_gt(n, 0);
    draw(g, &c, NULL);
    ck_assert_int_eq(layer_painted(art_layer(mr.art)), n);
    /* ...and a gate that opens, or high contrast, paints it again. */
    g->gates[0].state = GATE_OPEN;
    ck_assert_int_eq(cached_vs_uncached(&mr, ren, g, W, H), 0);
    ck_assert_int_gt(layer_painted(art_layer(mr.art)), n);
    mr.theme.high_contrast = true;
    ck_assert_int_eq(cached_vs_uncached(&mr, ren, g, W, H), 0);
    mr.theme.high_contrast = false;
    /* So does a change of terrain. */
    draw(g, &c, NULL);
    n = layer_painted(art_layer(mr.art));
    tu_terrain(g, 8, 8, TER_BASALT);
    draw(g, &c, NULL);
    ck_assert_int_gt(layer_painted(art_layer(mr.art)), n);
    game_free(g);
}
END_TEST

/* A view too big for 64 small tiles (a 4K screen) uses big ones, with the
 * same pixels. */
START_TEST(cached_terrain_layer_big_view)
{
    enum { BW = 2600, BH = 1700 };
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, BW, BH, 32, SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(s);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    ck_assert_ptr_nonnull(r);
    const char *src = getenv("EMESA_SOURCE_DIR");
    char assets[1024], why[256];
    snprintf(assets, sizeof assets, "%s/assets", src ? src : ".");
    MapRender m;
    memset(&m, 0, sizeof m);
    m.r = r;
    m.art = art_new(r, assets, why, sizeof why);
    ck_assert_msg(m.art != NULL, "%s", why);
    m.text = text_new(r, why, sizeof why);
    ck_assert_msg(m.text != NULL, "%s", why);
    m.theme.ui_scale = 1;
    ck_assert_int_eq(layer_tile_size(art_layer(m.art)), 256);
    Game *g = layer_game();
    ck_assert_int_eq(cached_vs_uncached(&m, r, g, BW, BH), 0);
    ck_assert_int_eq(layer_tile_size(art_layer(m.art)), 512);
    ck_assert_int_gt(layer_painted(art_layer(m.art)), 0);
    game_free(g);
    text_free(m.text);
    art_free(m.art);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}
END_TEST

/* The same on a window's own renderer, whose screen has no alpha (as the
 * game's window has). */
START_TEST(cached_terrain_layer_same_pixels_in_a_window)
{
    enum { WW = 640, WH = 480 };
    SDL_Window *win = SDL_CreateWindow("check-render", 0, 0, WW, WH, SDL_WINDOW_HIDDEN);
    ck_assert_ptr_nonnull(win);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    ck_assert_ptr_nonnull(r);
    const char *src = getenv("EMESA_SOURCE_DIR");
    char assets[1024], why[256];
    snprintf(assets, sizeof assets, "%s/assets", src ? src : ".");
    MapRender m;
    memset(&m, 0, sizeof m);
    m.r = r;
    m.art = art_new(r, assets, why, sizeof why);
    ck_assert_msg(m.art != NULL, "%s", why);
    m.text = text_new(r, why, sizeof why);
    ck_assert_msg(m.text != NULL, "%s", why);
    m.theme.ui_scale = 1;
    Game *g = layer_game();
    ck_assert_int_eq(cached_vs_uncached(&m, r, g, WW, WH), 0);
    ck_assert_int_gt(layer_painted(art_layer(m.art)), 0);
    game_free(g);
    text_free(m.text);
    art_free(m.art);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("render");
    TCase *tc = tcase_create("map");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, terrain_colours_at_hex_centres);
    tcase_add_test(tc, gate_shows_its_state);
    tcase_add_test(tc, reachable_hexes_are_lit);
    tcase_add_test(tc, art_is_rasterised_once_per_size);
    tcase_add_test(tc, screen_to_hex_round_trip);
    tcase_add_test(tc, zoom_keeps_the_point_under_the_pointer);
    tcase_add_test(tc, arabic_text_is_shaped);
    tcase_add_test(tc, cached_terrain_layer_draws_the_same_pixels);
    tcase_add_test(tc, cached_terrain_layer_same_pixels_in_a_window);
    tcase_add_test(tc, cached_terrain_layer_big_view);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
