/* check-rng.c - the PCG32 generator. */
#include <check.h>
#include <stdlib.h>
#include "core/rng.h"
#include "testutil.h"

START_TEST(known_sequence)
{
    /* Reference values of pcg32 for seed 42, stream 54 (the pcg32-global
     * demo in the PCG paper's minimal C library). */
    Rng r;
    rng_seed(&r, 42u, 54u);
    const uint32_t want[6] = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u, 0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
    for (int i = 0; i < 6; i++)
        ck_assert_uint_eq(rng_next(&r), want[i]);
}
END_TEST

START_TEST(same_seed_same_numbers)
{
    Rng a, b, c;
    rng_seed(&a, 7, 1);
    rng_seed(&b, 7, 1);
    rng_seed(&c, 8, 1);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t x = rng_next(&a), y = rng_next(&b), z = rng_next(&c);
        ck_assert_uint_eq(x, y);
        differ += x != z;
    }
    ck_assert_int_gt(differ, 90);
}
END_TEST

START_TEST(streams_independent)
{
    Rng a, b;
    rng_seed(&a, 7, 1);
    rng_seed(&b, 7, 2);
    int same = 0;
    for (int i = 0; i < 100; i++)
        same += rng_next(&a) == rng_next(&b);
    ck_assert_int_lt(same, 3);
}
END_TEST

START_TEST(rolls_in_range_and_fair)
{
    Rng r;
    rng_seed(&r, 1, 1);
    int count[11] = {0};
    for (int i = 0; i < 100000; i++) {
        int d = rng_roll(&r, 10);
        ck_assert_int_ge(d, 1);
        ck_assert_int_le(d, 10);
        count[d]++;
    }
    for (int d = 1; d <= 10; d++) {
        ck_assert_int_gt(count[d], 9400);
        ck_assert_int_lt(count[d], 10600);
    }
    ck_assert_uint_eq(rng_below(&r, 1), 0);
    ck_assert_int_eq(rng_roll(&r, 1), 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rng");
    TCase *tc = tcase_create("pcg32");
    tcase_add_test(tc, known_sequence);
    tcase_add_test(tc, same_seed_same_numbers);
    tcase_add_test(tc, streams_independent);
    tcase_add_test(tc, rolls_in_range_and_fair);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
