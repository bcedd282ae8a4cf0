/* hex.c - axial hex math, odd-q offset conversion, rings and lines. */
#include "hex.h"
#include <stdio.h>
#include <stdlib.h>

int hex_direction_to(Hex a, Hex b)
{
    for (int d = 0; d < HEX_DIRS; d++)
        if (hex_eq(hex_neighbor(a, d), b))
            return d;
    return -1;
}


char *hex_format(Hex h, char *buf, size_t n)
{
    HexOffset o = hex_to_offset(h);
    snprintf(buf, n, "%d,%d", o.col, o.row);
    return buf;
}

bool hex_parse(const char *s, Hex *out)
{
    if (!s)
        return false;
    char *end;
    long c = strtol(s, &end, 10);
    if (end == s)
        return false;
    while (*end == ' ')
        end++;
    if (*end != ',')
        return false;
    const char *p = end + 1;
    long r = strtol(p, &end, 10);
    if (end == p)
        return false;
    while (*end == ' ')
        end++;
    if (*end != '\0')
        return false;
    if (c < -100000 || c > 100000 || r < -100000 || r > 100000)
        return false;
    *out = hex_from_offset((int)c, (int)r);
    return true;
}

int hex_ring(Hex c, int radius, Hex *out, int max)
{
    if (radius < 1)
        return 0;
    /* Start radius steps to the south-west (direction 4), then walk each
     * side of the ring. */
    Hex h = c;
    for (int i = 0; i < radius; i++)
        h = hex_neighbor(h, 4);
    int n = 0;
    for (int side = 0; side < 6; side++) {
        for (int i = 0; i < radius; i++) {
            if (n < max)
                out[n] = h;
            n++;
            h = hex_neighbor(h, side);
        }
    }
    return n;
}

/* Rounds fractional cube coordinates, all scaled by `scale`, to a hex. */
static Hex cube_round(long long qs, long long rs, long long scale)
{
    /* Work in doubles only for the rounding of exact rationals; the
     * inputs are integers so results are the same on every machine. */
    double fq = (double)qs / (double)scale, fr = (double)rs / (double)scale;
    double fs = -fq - fr;
    double rq = (double)(long long)(fq < 0 ? fq - 0.5 : fq + 0.5);
    double rr = (double)(long long)(fr < 0 ? fr - 0.5 : fr + 0.5);
    double rsv = (double)(long long)(fs < 0 ? fs - 0.5 : fs + 0.5);
    double dq = rq > fq ? rq - fq : fq - rq;
    double dr = rr > fr ? rr - fr : fr - rr;
    double ds = rsv > fs ? rsv - fs : fs - rsv;
    if (dq > dr && dq > ds)
        rq = -rr - rsv;
    else if (dr > ds)
        rr = -rq - rsv;
    return hex_make((int)rq, (int)rr);
}

int hex_line(Hex a, Hex b, Hex *out, int max)
{
    int n = hex_distance(a, b);
    if (n == 0) {
        if (max > 0)
            out[0] = a;
        return 1;
    }
    /* Linear interpolation in fixed point: position i of n at
     * a + (b - a) * i / n, nudged by a tiny epsilon (1/1e6 of a hex) so a
     * point exactly on an edge falls to one side consistently. */
    const long long S = 1000000LL * n;
    for (int i = 0; i <= n; i++) {
        long long qs = (long long)a.q * S + (long long)(b.q - a.q) * i * 1000000LL + 1;
        long long rs = (long long)a.r * S + (long long)(b.r - a.r) * i * 1000000LL + 1;
        /* The nudge on s (= -q - r) is -2, keeping the cube sum zero. */
        if (i < max)
            out[i] = cube_round(qs, rs, S);
    }
    return n + 1;
}
