/* check-batch.c - the figures emesa --what-if prints: the Wilson 95 %
 * interval of a share and the median end turn, against values worked by
 * hand. */
#include <check.h>
#include "sim/batch_stats.h"
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

int main(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("figures");
    tcase_add_test(tc, wilson_half);
    tcase_add_test(tc, wilson_none_and_all);
    tcase_add_test(tc, wilson_two_hundred);
    tcase_add_test(tc, wilson_no_games);
    tcase_add_test(tc, median_odd_even);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
