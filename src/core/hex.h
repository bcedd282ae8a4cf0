/* hex.h - hexagonal grid geometry.
 *
 * Inside the engine hexes are axial (q, r) coordinates; files, the screen
 * and logs use offset "col,row" coordinates. The layout is flat-topped
 * hexes in columns, odd columns shoved down half a hex ("odd-q" in the Red
 * Blob Games guide). Direction 0 is north, then clockwise: 1 NE, 2 SE,
 * 3 S, 4 SW, 5 NW. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

typedef struct Hex {
    int q, r;
} Hex;

typedef struct HexOffset {
    int col, row;
} HexOffset;

enum { HEX_DIRS = 6, HEX_LINE_MAX = 512 };

/* The small geometry is inline: the path searches call it per step. */
static inline Hex hex_make(int q, int r)
{
    Hex h = {q, r};
    return h;
}
static inline bool hex_eq(Hex a, Hex b) { return a.q == b.q && a.r == b.r; }
static inline Hex hex_add(Hex a, Hex b) { return hex_make(a.q + b.q, a.r + b.r); }
/* Flat-topped axial directions, starting north and going clockwise. */
static const Hex HEX_DIR_STEP_[HEX_DIRS] = {
    {0, -1}, {1, -1}, {1, 0}, {0, 1}, {-1, 1}, {-1, 0},
};
static inline Hex hex_neighbor(Hex h, int dir) { return hex_add(h, HEX_DIR_STEP_[((dir % 6) + 6) % 6]); }
/* Direction from a to an adjacent b (0..5), or -1 if not adjacent. */
int hex_direction_to(Hex a, Hex b);
static inline int hex_abs_(int x) { return x < 0 ? -x : x; }
static inline int hex_distance(Hex a, Hex b)
{
    int dq = a.q - b.q, dr = a.r - b.r;
    int ds = -dq - dr;
    return (hex_abs_(dq) + hex_abs_(dr) + hex_abs_(ds)) / 2;
}

/* Floor division by 2, so negative columns convert correctly. */
static inline int hex_floor_div2_(int x) { return (x - (x & 1)) / 2; }
static inline Hex hex_from_offset(int col, int row) { return hex_make(col, row - hex_floor_div2_(col)); }
static inline HexOffset hex_to_offset(Hex h)
{
    HexOffset o = {h.q, h.r + hex_floor_div2_(h.q)};
    return o;
}
/* Formats "col,row" into buf (at least 16 bytes); returns buf. */
char *hex_format(Hex h, char *buf, size_t n);
/* Parses "col,row" (spaces allowed around the numbers). */
bool hex_parse(const char *s, Hex *out);

/* The 6*radius hexes at exactly `radius` from c (radius >= 1), written to
 * out (at most max); returns how many there are. */
int hex_ring(Hex c, int radius, Hex *out, int max);
/* The hexes on the straight line from a to b, both ends included, written
 * to out (at most max); returns how many there are (distance + 1). Ties on
 * a hex edge are broken consistently by a small nudge toward +q. */
int hex_line(Hex a, Hex b, Hex *out, int max);
