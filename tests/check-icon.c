/* check-icon.c - the application icon (data/org.emesa.Emesa.svg) as
 * SDL_image draws it: a 128 px hex, transparent outside, with the basalt
 * wall, the gate tower, the ground and the banner in their colours at
 * points worked out from the SVG's coordinates. */
#include <check.h>
#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>

static SDL_Surface *icon;

static void load_icon(void)
{
    const char *src = getenv("EMESA_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/org.emesa.Emesa.svg", src ? src : ".");
    SDL_Surface *s = IMG_Load(path);
    ck_assert_msg(s != NULL, "%s: %s", path, IMG_GetError());
    icon = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(s);
    ck_assert_ptr_nonnull(icon);
}

static void free_icon(void)
{
    SDL_FreeSurface(icon);
    icon = NULL;
}

/* 0xRRGGBBAA at (x, y) */
static uint32_t px(int x, int y)
{
    const Uint8 *p = (const Uint8 *)icon->pixels + y * icon->pitch + x * 4;
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

START_TEST(icon_is_128_square)
{
    ck_assert_int_eq(icon->w, 128);
    ck_assert_int_eq(icon->h, 128);
}
END_TEST

/* The hex's vertices are (64,4) (116,34) (116,94) (64,124) (12,94)
 * (12,34), stroked 4 wide: the corners of the square and a point 8 px
 * right of the right edge are outside it. */
START_TEST(outside_the_hex_is_transparent)
{
    static const int out[][2] = {{2, 2}, {10, 10}, {124, 64}, {2, 126}, {126, 126}, {125, 2}};
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
        ck_assert_msg((px(out[i][0], out[i][1]) & 0xff) == 0, "(%d,%d) is not transparent: %08x", out[i][0],
                      out[i][1], px(out[i][0], out[i][1]));
}
END_TEST

START_TEST(wall_tower_ground_banner)
{
    ck_assert_uint_eq(px(64, 64), 0x5d606affu);   /* the tower: x 44-84, y 30-94 */
    ck_assert_uint_eq(px(30, 80), 0x4b4d55ffu);  /* the curtain wall: y 62-94, between courses */
    ck_assert_uint_eq(px(64, 110), 0x8a9a4bffu); /* the ground below y 94 */
    ck_assert_uint_eq(px(71, 11), 0xb0302affu);  /* the banner: (65,8) (78,11.5) (65,15) */
    uint32_t sand = px(20, 50);                  /* the plain above the wall */
    int r = (int)(sand >> 24), g = (int)(sand >> 16 & 0xff), b = (int)(sand >> 8 & 0xff);
    ck_assert_msg((sand & 0xff) == 0xff && r > g && g > b && r > 0xd0, "sand at (20,50): %08x", sand);
}
END_TEST

static Suite *icon_suite(void)
{
    Suite *s = suite_create("icon");
    TCase *tc = tcase_create("svg");
    tcase_add_checked_fixture(tc, load_icon, free_icon);
    tcase_add_test(tc, icon_is_128_square);
    tcase_add_test(tc, outside_the_hex_is_transparent);
    tcase_add_test(tc, wall_tower_ground_banner);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(icon_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
