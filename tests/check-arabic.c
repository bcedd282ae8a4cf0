/* check-arabic.c - the window in Arabic (issue 15): the catalogue is read,
 * Arabic glyphs are drawn and laid out right to left, the menu, the map
 * with the siege panel and the debrief show their Arabic labels inside the
 * window, Settings' language overrides the locale, and both shipped
 * scenarios carry their Arabic texts. LANGUAGE=ar, on the software
 * renderer with SDL_VIDEODRIVER=dummy; the catalogue is build/po. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "core/effect.h"
#include "data/scenario.h"
#include "render/render.h"
#include "ui/uiapp.h"
#include "testutil.h"
#include "testwin.h"

/* Settings' language for the next app: -1 leaves settings.ini alone. */
static void write_language(int lang)
{
    char *pp = SDL_GetPrefPath("emesa", "emesa");
    ck_assert_ptr_nonnull(pp);
    char path[1200];
    snprintf(path, sizeof path, "%ssettings.ini", pp);
    SDL_free(pp);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "language = %d\n", lang);
    fclose(f);
}

static UiApp *make(void) { return tw_new_app(NULL, 0); }

static void setup(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("LANGUAGE", "ar", 1);
    ui_lang_bind(EMESA_BUILD_PO);
    tw_window("check-arabic");
}

/* The button is there, its centre inside the window. */
static void button_inside(const char *label)
{
    int x = -1, y = -1;
    ck_assert_msg(uiapp_find_button(tw_app, label, &x, &y), "no button '%s'", label);
    ck_assert_msg(x > 0 && x < W && y > 0 && y < H, "'%s' at %d,%d is outside the window", label, x, y);
}

static void no_button(const char *label)
{
    int x, y;
    ck_assert_msg(!uiapp_find_button(tw_app, label, &x, &y), "'%s' is still in English", label);
}

static uint32_t *copy_pixels(void)
{
    size_t n = (size_t)tw_surf->pitch * (size_t)tw_surf->h;
    uint32_t *c = malloc(n);
    ck_assert_ptr_nonnull(c);
    memcpy(c, tw_surf->pixels, n);
    return c;
}

static int differing(const uint32_t *a, const uint32_t *b)
{
    int d = 0;
    for (int i = 0; i < tw_surf->pitch / 4 * tw_surf->h; i++)
        d += a[i] != b[i];
    return d;
}

/* ---- text ------------------------------------------------------------ */

static int lit_columns(SDL_Surface *s, int *first, int *last)
{
    int n = 0;
    *first = -1;
    *last = -1;
    for (int x = 0; x < s->w; x++)
        for (int y = 0; y < s->h; y++) {
            uint32_t p = ((uint32_t *)s->pixels)[y * s->pitch / 4 + x];
            if ((p & 0xFFFFFF) != 0) {
                if (*first < 0)
                    *first = x;
                *last = x;
                n++;
                break;
            }
        }
    return n;
}

START_TEST(arabic_is_drawn_right_to_left)
{
    char why[256];
    Text *t = text_new(tw_ren, why, sizeof why);
    ck_assert_msg(t != NULL, "%s", why);
    /* the font has the glyphs: "حمص" has a width and lights pixels */
    ck_assert_int_gt(text_width(t, "\xD8\xAD\xD9\x85\xD8\xB5", 20), 10);
    Rgba white = { 255, 255, 255, 255 };
    SDL_SetRenderDrawColor(tw_ren, 0, 0, 0, 255);
    SDL_RenderClear(tw_ren);
    int w = text_draw(t, "\xD8\xAD\xD9\x85\xD8\xB5", 10, 10, 20, white, TEXT_LEFT);
    int first, last;
    ck_assert_int_gt(w, 10);
    ck_assert_int_gt(lit_columns(tw_surf, &first, &last), 10);
    /* "المستوى 2": left to right the digit comes last (at the right);
     * right to left it is drawn first (at the left) */
    const char *lvl = "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB3\xD8\xAA\xD9\x88\xD9\x89 2";
    int digit = text_width(t, "2", 24);
    SDL_RenderClear(tw_ren);
    text_draw(t, lvl, 0, 0, 24, white, TEXT_LEFT);
    uint32_t *ltr = copy_pixels();
    text_set_rtl(t, true);
    ck_assert(text_rtl(t));
    SDL_RenderClear(tw_ren);
    int wr = text_draw(t, lvl, 0, 0, 24, white, TEXT_LEFT);
    ck_assert_int_gt(differing(ltr, tw_surf->pixels), 50);
    /* the leftmost digit-wide strip holds the "2" now: the same pixels as
     * the "2" drawn alone at x 0 */
    uint32_t *rtl = copy_pixels();
    SDL_RenderClear(tw_ren);
    text_draw(t, "2", 0, 0, 24, white, TEXT_LEFT);
    int same = 0, lit = 0;
    for (int y = 0; y < 30; y++)
        for (int x = 0; x < digit; x++) {
            uint32_t p = ((uint32_t *)tw_surf->pixels)[y * tw_surf->pitch / 4 + x];
            if (p & 0xFFFFFF) {
                lit++;
                same += rtl[y * tw_surf->pitch / 4 + x] == p;
            }
        }
    ck_assert_int_gt(lit, 10);
    ck_assert_int_ge(same * 10, lit * 9);
    ck_assert_int_gt(wr, digit);
    /* a Latin line is laid out the same either way */
    SDL_RenderClear(tw_ren);
    text_draw(t, "Level 2", 0, 0, 24, white, TEXT_LEFT);
    uint32_t *lat = copy_pixels();
    text_set_rtl(t, false);
    SDL_RenderClear(tw_ren);
    text_draw(t, "Level 2", 0, 0, 24, white, TEXT_LEFT);
    ck_assert_int_eq(differing(lat, tw_surf->pixels), 0);
    free(ltr);
    free(rtl);
    free(lat);
    text_free(t);
}
END_TEST

/* ---- the screens ------------------------------------------------------ */

START_TEST(menu_in_arabic_and_english_by_settings)
{
    tw_app = make();
    tw_frame();
    button_inside("\xD8\xAE\xD8\xB1\xD9\x88\xD8\xAC");                          /* خروج: Quit */
    button_inside("\xD8\xA7\xD9\x84\xD8\xA5\xD8\xB9\xD8\xAF\xD8\xA7\xD8\xAF\xD8\xA7\xD8\xAA"); /* الإعدادات */
    no_button("Quit");
    no_button("Settings");
    uint32_t *ar = copy_pixels();
    uiapp_free(tw_app);
    /* Settings' English wins over LANGUAGE=ar */
    write_language(1);
    tw_app = make();
    tw_frame();
    button_inside("Quit");
    no_button("\xD8\xAE\xD8\xB1\xD9\x88\xD8\xAC");
    ck_assert_int_gt(differing(ar, tw_surf->pixels), 1000);
    uiapp_free(tw_app);
    /* and Arabic, chosen there, comes back */
    write_language(2);
    tw_app = make();
    tw_frame();
    button_inside("\xD8\xAE\xD8\xB1\xD9\x88\xD8\xAC");
    ck_assert_int_eq(differing(ar, tw_surf->pixels), 0);
    free(ar);
}
END_TEST

START_TEST(map_and_siege_panel_in_arabic)
{
    tw_app = make();
    int sc = uiapp_find_scenario(tw_app, "emesa-635");     /* the Rashidun (side 0) move first */
    ck_assert_int_ge(sc, 0);
    char why[256];
    ck_assert_msg(uiapp_start(tw_app, sc, 0, false, why, sizeof why), "%s", why);
    uiapp_finish_animations(tw_app);
    tw_frame();
    /* إنهاء الدور  (المسافة): End turn (Space); الأهداف: Objectives */
    button_inside("\xD8\xA5\xD9\x86\xD9\x87\xD8\xA7\xD8\xA1 \xD8\xA7\xD9\x84\xD8\xAF\xD9\x88\xD8\xB1  (\xD8\xA7\xD9\x84\xD9\x85\xD8\xB3\xD8\xA7\xD9\x81\xD8\xA9)");
    button_inside("\xD8\xA7\xD9\x84\xD8\xA3\xD9\x87\xD8\xAF\xD8\xA7\xD9\x81");
    no_button("End turn  (Space)");
    no_button("Objectives");
    /* the top bar's Menu: القائمة */
    button_inside("\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD8\xA6\xD9\x85\xD8\xA9");
    no_button("Menu");
}
END_TEST

START_TEST(debrief_in_arabic)
{
    tw_app = make();
    int sc = uiapp_find_scenario(tw_app, "emesa-635");
    ck_assert_int_ge(sc, 0);
    char why[256];
    ck_assert_msg(uiapp_start(tw_app, sc, 0, false, why, sizeof why), "%s", why);
    effect_end_game((Game *)uiapp_game(tw_app), 0, "historical", "Emesa surrendered.");
    uint32_t t = 1000;
    for (int k = 0; k < 10; k++)
        uiapp_tick(tw_app, t += 100);
    tw_frame();
    /* العودة إلى القائمة  ⏎: Back to the menu */
    button_inside("\xD8\xA7\xD9\x84\xD8\xB9\xD9\x88\xD8\xAF\xD8\xA9 \xD8\xA5\xD9\x84\xD9\x89 "
                  "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD8\xA6\xD9\x85\xD8\xA9  \xE2\x8F\x8E");
    no_button("Back to the menu  \xE2\x8F\x8E");
}
END_TEST

/* ---- the scenarios' Arabic ------------------------------------------- */

static char *path_of(const char *rel)
{
    static char buf[1200];
    snprintf(buf, sizeof buf, "%s/%s", tw_data_dir, rel);
    return buf;
}

START_TEST(shipped_scenarios_carry_arabic)
{
    static const char *const files[] = { "scenarios/emesa-635.lua", "scenarios/emesa-638.lua" };
    for (int f = 0; f < 2; f++) {
        static Diags ds;
        memset(&ds, 0, sizeof ds);
        Scenario *s = scenario_load(path_of(files[f]), 1, &ds);
        ck_assert_msg(s != NULL, "%s does not load", files[f]);
        const ScenarioInfo *in = scenario_info(s);
        ck_assert_msg(in->title_ar[0] && in->briefing_ar[0], "%s: no title_ar or briefing_ar", files[f]);
        for (int i = 0; i < in->nnotes; i++)
            ck_assert_msg(in->notes[i].text_ar[0] && in->notes[i].title_ar[0], "%s: note %s has no Arabic", files[f],
                          in->notes[i].id);
        ck_assert_int_gt(in->nchronicle, 0);
        for (int i = 0; i < in->nchronicle; i++)
            ck_assert_msg(!in->chronicle[i].note[0] || in->chronicle[i].note_ar[0], "%s: chronicle step %d has no note_ar",
                          files[f], i);
        scenario_free(s);
    }
}
END_TEST

START_TEST(bad_arabic_key_names_file_line_key)
{
    const char *src = "scenario { id = 'x', title = 'X', turns = 3, title_ar = 5 }\n";
    static Diags ds;
    memset(&ds, 0, sizeof ds);
    Scenario *s = scenario_load_buffer("bad.lua", src, strlen(src), 1, &ds);
    ck_assert_ptr_null(s);
    bool found = false;
    for (int i = 0; i < ds.n; i++) {
        char b[700];
        diag_format(&ds.items[i], b, sizeof b);
        if (strstr(b, "bad.lua:1") && strstr(b, "title_ar") && strstr(b, "expected a string"))
            found = true;
    }
    ck_assert(found);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("arabic");
    TCase *tc = tcase_create("window");
    tcase_add_checked_fixture(tc, setup, tw_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, arabic_is_drawn_right_to_left);
    tcase_add_test(tc, menu_in_arabic_and_english_by_settings);
    tcase_add_test(tc, map_and_siege_panel_in_arabic);
    tcase_add_test(tc, debrief_in_arabic);
    tcase_add_test(tc, shipped_scenarios_carry_arabic);
    tcase_add_test(tc, bad_arabic_key_names_file_line_key);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
