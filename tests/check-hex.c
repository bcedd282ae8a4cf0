/* check-hex.c - hex geometry against hand-computed values. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "core/hex.h"
#include "testutil.h"

static Hex off(int c, int r) { return hex_from_offset(c, r); }

START_TEST(offset_round_trip)
{
    for (int c = -3; c < 20; c++)
        for (int r = -3; r < 20; r++) {
            HexOffset o = hex_to_offset(hex_from_offset(c, r));
            ck_assert_int_eq(o.col, c);
            ck_assert_int_eq(o.row, r);
        }
    /* odd-q: column 3 row 4 is axial (3, 3). */
    Hex h = off(3, 4);
    ck_assert_int_eq(h.q, 3);
    ck_assert_int_eq(h.r, 3);
}
END_TEST

START_TEST(neighbours_even_and_odd_columns)
{
    /* Worked out on paper for flat-topped, odd columns shoved down. */
    const int even[6][2] = {{2, 1}, {3, 1}, {3, 2}, {2, 3}, {1, 2}, {1, 1}};
    const int odd[6][2] = {{3, 1}, {4, 2}, {4, 3}, {3, 3}, {2, 3}, {2, 2}};
    for (int d = 0; d < 6; d++) {
        HexOffset e = hex_to_offset(hex_neighbor(off(2, 2), d));
        HexOffset o = hex_to_offset(hex_neighbor(off(3, 2), d));
        ck_assert_int_eq(e.col, even[d][0]);
        ck_assert_int_eq(e.row, even[d][1]);
        ck_assert_int_eq(o.col, odd[d][0]);
        ck_assert_int_eq(o.row, odd[d][1]);
        ck_assert_int_eq(hex_direction_to(off(2, 2), hex_neighbor(off(2, 2), d)), d);
    }
    ck_assert_int_eq(hex_direction_to(off(2, 2), off(5, 5)), -1);
}
END_TEST

START_TEST(distances)
{
    ck_assert_int_eq(hex_distance(off(0, 0), off(3, 4)), 6);
    ck_assert_int_eq(hex_distance(off(0, 0), off(0, 0)), 0);
    ck_assert_int_eq(hex_distance(off(2, 2), off(3, 1)), 1);
    ck_assert_int_eq(hex_distance(off(0, 0), off(4, 0)), 4);
    ck_assert_int_eq(hex_distance(off(21, 9), off(25, 13)), 6);
    ck_assert_int_eq(hex_distance(off(5, 5), off(1, 2)), hex_distance(off(1, 2), off(5, 5)));
}
END_TEST

START_TEST(rings)
{
    Hex ring[32];
    ck_assert_int_eq(hex_ring(off(5, 5), 1, ring, 32), 6);
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(hex_distance(ring[i], off(5, 5)), 1);
    int n = hex_ring(off(5, 5), 2, ring, 32);
    ck_assert_int_eq(n, 12);
    for (int i = 0; i < n; i++) {
        ck_assert_int_eq(hex_distance(ring[i], off(5, 5)), 2);
        for (int j = 0; j < i; j++)
            ck_assert(!hex_eq(ring[i], ring[j]));
    }
    ck_assert_int_eq(hex_ring(off(5, 5), 0, ring, 32), 0);
}
END_TEST

START_TEST(lines)
{
    Hex line[16];
    ck_assert_int_eq(hex_line(off(0, 0), off(4, 0), line, 16), 5);
    for (int i = 0; i < 5; i++) {
        HexOffset o = hex_to_offset(line[i]);
        ck_assert_int_eq(o.col, i);
        ck_assert_int_eq(o.row, 0);
    }
    ck_assert_int_eq(hex_line(off(2, 1), off(2, 5), line, 16), 5);
    for (int i = 0; i < 5; i++) {
        HexOffset o = hex_to_offset(line[i]);
        ck_assert_int_eq(o.col, 2);
        ck_assert_int_eq(o.row, 1 + i);
    }
    /* Every step of a line is one hex. */
    int n = hex_line(off(1, 7), off(9, 2), line, 16);
    ck_assert_int_eq(n, hex_distance(off(1, 7), off(9, 2)) + 1);
    for (int i = 1; i < n; i++)
        ck_assert_int_eq(hex_distance(line[i - 1], line[i]), 1);
}
END_TEST

START_TEST(parse_and_format)
{
    Hex h;
    char buf[16];
    ck_assert(hex_parse("22,9", &h));
    ck_assert_str_eq(hex_format(h, buf, sizeof buf), "22,9");
    ck_assert(hex_parse("3 , 4", &h));
    ck_assert(hex_eq(h, off(3, 4)));
    ck_assert(!hex_parse("22;9", &h));
    ck_assert(!hex_parse("x,1", &h));
    ck_assert(!hex_parse("1,2,3", &h));
    ck_assert(!hex_parse("", &h));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hex");
    TCase *tc = tcase_create("geometry");
    tcase_add_test(tc, offset_round_trip);
    tcase_add_test(tc, neighbours_even_and_odd_columns);
    tcase_add_test(tc, distances);
    tcase_add_test(tc, rings);
    tcase_add_test(tc, lines);
    tcase_add_test(tc, parse_and_format);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
