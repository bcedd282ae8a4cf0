/* check-batch.c - the figures emesa --what-if prints: the Wilson 95 %
 * interval of a share and the median end turn, against values worked by
 * hand; the batch run in the background (the window's What-if screen):
 * the same games, and cancelling. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/batch_stats.h"
#include "sim/whatif_batch.h"
#include "testutil.h"

/* 5 of 10 at z = 1.96: p = 0.5, z^2 = 3.8416, denominator 1 + 0.38416 =
 * 1.38416; centre (0.5 + 0.19208) / 1.38416 = 0.5; half width
 * 1.96 * sqrt(0.025 + 0.009604) / 1.38416 = 1.96 * 0.186021 / 1.38416 =
 * 0.263410: 0.236590..0.763410. */
START_TEST(wilson_half)
{
    double lo, hi;
    batch_wilson(5, 10, 1.96, &lo, &hi);
    ck_assert_double_eq_tol(lo, 0.236590, 1e-5);
    ck_assert_double_eq_tol(hi, 0.763410, 1e-5);
}
END_TEST

/* 0 of 10: centre 0.19208 / 1.38416 = 0.138770, half width
 * 1.96 * sqrt(0.009604) / 1.38416 = 1.96 * 0.098 / 1.38416 = 0.138770:
 * 0..0.277540 (not 0..0 as the plain p +- z*se would say). 10 of 10 is
 * its mirror. */
START_TEST(wilson_none_and_all)
{
    double lo, hi;
    batch_wilson(0, 10, 1.96, &lo, &hi);
    ck_assert_double_eq_tol(lo, 0.0, 1e-12);
    ck_assert_double_eq_tol(hi, 0.277540, 1e-5);
    ck_assert(lo >= 0.0);
    batch_wilson(10, 10, 1.96, &lo, &hi);
    ck_assert_double_eq_tol(lo, 0.722460, 1e-5);
    ck_assert_double_eq_tol(hi, 1.0, 1e-12);
    ck_assert(hi <= 1.0);
}
END_TEST

/* 102 of 200 (the README's example): p = 0.51, z^2/n = 0.019208,
 * denominator 1.019208; centre (0.51 + 0.009604) / 1.019208 = 0.509809;
 * half 1.96 * sqrt(0.0012495 + 0.00002401) / 1.019208 = 1.96 * 0.035686 /
 * 1.019208 = 0.068628: 0.441181..0.578437, printed 44.1-57.8. */
START_TEST(wilson_two_hundred)
{
    double lo, hi;
    batch_wilson(102, 200, 1.96, &lo, &hi);
    ck_assert_double_eq_tol(lo, 0.441185, 1e-5);
    ck_assert_double_eq_tol(hi, 0.578438, 1e-5);
}
END_TEST

START_TEST(wilson_no_games)
{
    double lo = -1, hi = -1;
    batch_wilson(0, 0, 1.96, &lo, &hi);
    ck_assert_double_eq(lo, 0.0);
    ck_assert_double_eq(hi, 1.0);
}
END_TEST

START_TEST(median_odd_even)
{
    int odd[] = {26, 12, 19};
    ck_assert_double_eq(batch_median(odd, 3), 19.0);
    ck_assert_int_eq(odd[0], 12);   /* sorted in place */
    int even[] = {26, 12, 19, 25};
    ck_assert_double_eq(batch_median(even, 4), 22.0);
    int one[] = {7};
    ck_assert_double_eq(batch_median(one, 1), 7.0);
    ck_assert_double_eq(batch_median(NULL, 0), 0.0);
}
END_TEST

/* Five games: winners rashidun, rashidun, byzantine, draw, rashidun at
 * turns 10, 12, 12, 30 and 70: wins 3 / 1 / 1, median 12, two games end
 * on turn 12, and turn 70 is counted in the last bin (BATCH_MAX_TURN). The
 * rashidun share 3/5 has the interval batch_wilson(3, 5) gives. */
START_TEST(summary_by_hand)
{
    HeadlessResult r[5];
    memset(r, 0, sizeof r);
    int win[5] = {0, 0, 1, -1, 0}, turn[5] = {10, 12, 12, 30, 70};
    for (int i = 0; i < 5; i++) {
        r[i].winner = win[i];
        r[i].turn = turn[i];
        strcpy(r[i].side_id[0], "rashidun");
        strcpy(r[i].side_id[1], "byzantine");
    }
    BatchSummary s;
    batch_summarize(r, 5, &s);
    ck_assert_int_eq(s.games, 5);
    ck_assert_str_eq(s.side_id[1], "byzantine");
    ck_assert_int_eq(s.wins[0], 3);
    ck_assert_int_eq(s.wins[1], 1);
    ck_assert_int_eq(s.wins[2], 1);
    ck_assert_double_eq_tol(s.share[0], 0.6, 1e-12);
    double lo, hi;
    batch_wilson(3, 5, 1.96, &lo, &hi);
    ck_assert_double_eq_tol(s.lo[0], lo, 1e-12);
    ck_assert_double_eq_tol(s.hi[0], hi, 1e-12);
    ck_assert_double_eq(s.median_turn, 12.0);
    ck_assert_int_eq(s.min_turn, 10);
    ck_assert_int_eq(s.max_turn, 70);
    ck_assert_int_eq(s.turns[12], 2);
    ck_assert_int_eq(s.turns[10], 1);
    ck_assert_int_eq(s.turns[BATCH_MAX_TURN], 1);
    ck_assert_int_eq(s.turns[30], 1);
}
END_TEST

static char scen[1200];

static const char *scenario_path(void)
{
    const char *src = getenv("EMESA_SOURCE_DIR");
    snprintf(scen, sizeof scen, "%s/scenarios/emesa-635.lua", src ? src : ".");
    return scen;
}

/* A batch started in the background gives each seed the game the
 * headless runner plays alone. */
START_TEST(background_batch_is_the_headless_games)
{
    BatchOptions o = {.scenario = scenario_path(), .games = 3, .jobs = 2, .ai_level = 1};
    char why[256];
    BatchRun *b = batch_start(&o, why, sizeof why);
    ck_assert_msg(b != NULL, "%s", why);
    ck_assert_int_eq(batch_games(b), 3);
    ck_assert_int_eq(batch_wait(b, NULL), 0);
    ck_assert(!batch_running(b));
    ck_assert_int_eq(batch_done(b), 3);
    HeadlessResult one;
    HeadlessOptions ho;
    memset(&ho, 0, sizeof ho);
    ho.scenario = scen;
    ho.seed = 2;
    ho.ai = "all";
    ho.ai_level = 1;
    ho.quiet = true;
    ho.result = &one;
    FILE *sink = fopen("/dev/null", "w");
    ck_assert_int_eq(headless_run(&ho, sink, sink), 0);
    fclose(sink);
    ck_assert(batch_results(b)[1].hash == one.hash);
    ck_assert_int_eq(batch_results(b)[1].turn, one.turn);
    batch_free(b);
}
END_TEST

/* Cancelled at once on one thread: at most the game under way is
 * finished, and the wait says so. */
START_TEST(cancelled_batch_stops)
{
    BatchOptions o = {.scenario = scenario_path(), .games = 200, .jobs = 1, .ai_level = 1};
    char why[256];
    BatchRun *b = batch_start(&o, why, sizeof why);
    ck_assert_msg(b != NULL, "%s", why);
    batch_cancel(b);
    ck_assert_int_eq(batch_wait(b, NULL), 4);
    ck_assert_int_le(batch_done(b), 1);
    ck_assert(!batch_running(b));
    batch_free(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("figures");
    tcase_add_test(tc, wilson_half);
    tcase_add_test(tc, wilson_none_and_all);
    tcase_add_test(tc, wilson_two_hundred);
    tcase_add_test(tc, wilson_no_games);
    tcase_add_test(tc, median_odd_even);
    tcase_add_test(tc, summary_by_hand);
    tcase_add_test(tc, background_batch_is_the_headless_games);
    tcase_add_test(tc, cancelled_batch_stops);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
