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

Hex hex_make(int q, int r);
bool hex_eq(Hex a, Hex b);
Hex hex_add(Hex a, Hex b);
Hex hex_neighbor(Hex h, int dir);
/* Direction from a to an adjacent b (0..5), or -1 if not adjacent. */
int hex_direction_to(Hex a, Hex b);
int hex_distance(Hex a, Hex b);

Hex hex_from_offset(int col, int row);
HexOffset hex_to_offset(Hex h);
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
