/* check-uiscen.c - the window opens a scenario file from anywhere: given
 * with --scenario (UiConfig.scenario) it is added to the menu, selected,
 * and named in the window title. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "ui/uiapp.h"
#include "testutil.h"
#include "testwin.h"

static UiApp *open_with(const char *scenario) { return tw_new_app(scenario, 0); }

static void setup(void)
{
    tw_window("check-uiscen");
}

static void teardown(void)
{
    tw_teardown();
    ck_assert(tu_rmtree(tw_home));
}

START_TEST(a_file_elsewhere_is_added_selected_and_named)
{
    const char *src = getenv("EMESA_SOURCE_DIR");
    char tmp[] = "/tmp/emesa-uiscen-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    char from[1200], to[1200], cmd[2600];
    snprintf(from, sizeof from, "%s/tests/fixtures/play/small.lua", src ? src : ".");
    snprintf(to, sizeof to, "%s/where.lua", tmp);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    ck_assert_int_eq(system(cmd), 0);
    UiApp *a = open_with(to);
    int n = uiapp_scenario_count(a);
    ck_assert_int_ge(n, 3);                         /* the two shipped, and this one */
    int i = uiapp_find_scenario(a, "where.lua");
    ck_assert_int_ge(i, 0);
    ck_assert_int_eq(uiapp_selected_scenario(a), i);
    char title[200];
    uiapp_title(a, title, sizeof title);
    ck_assert_str_eq(title, "Emesa - A small siege");
    char why[256];
    ck_assert_msg(uiapp_start(a, i, 0, false, why, sizeof why), "%s", why);
    ck_assert_int_eq(uiapp_game(a)->map.width, 12);
    uiapp_title(a, title, sizeof title);
    ck_assert_str_eq(title, "Emesa - A small siege");
    uiapp_free(a);
    unlink(to);
    rmdir(tmp);
}
END_TEST

START_TEST(a_shipped_file_is_not_listed_twice)
{
    const char *src = getenv("EMESA_SOURCE_DIR");
    char path[1200];
    /* another spelling of the same file */
    snprintf(path, sizeof path, "%s/scenarios/../scenarios/emesa-635.lua", src ? src : ".");
    UiApp *a = open_with(path);
    ck_assert_int_eq(uiapp_scenario_count(a), 2);
    ck_assert_int_eq(uiapp_selected_scenario(a), uiapp_find_scenario(a, "emesa-635"));
    char title[200];
    uiapp_title(a, title, sizeof title);
    ck_assert(strncmp(title, "Emesa - ", 8) == 0 && strlen(title) > 8);
    uiapp_free(a);
}
END_TEST

/* The player's own folder: <pref path>/scenarios/ (here XDG_DATA_HOME,
 * which SDL's pref path follows) is listed after the installed ones. */
START_TEST(the_players_own_scenarios_are_listed)
{
    const char *src = getenv("EMESA_SOURCE_DIR");
    char dir[600], cmd[2600];
    snprintf(dir, sizeof dir, "%s/emesa/emesa/scenarios", tw_home);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s/tests/fixtures/play/small.lua' '%s/mine.lua'", dir,
             src ? src : ".", dir);
    ck_assert_int_eq(system(cmd), 0);
    UiApp *a = open_with(NULL);
    ck_assert_int_eq(uiapp_scenario_count(a), 3);
    ck_assert_int_eq(uiapp_find_scenario(a, "emesa/scenarios/mine.lua"), 2);
    uiapp_free(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("uiscen");
    TCase *tc = tcase_create("menu");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_file_elsewhere_is_added_selected_and_named);
    tcase_add_test(tc, a_shipped_file_is_not_listed_twice);
    tcase_add_test(tc, the_players_own_scenarios_are_listed);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
