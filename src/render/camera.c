/* camera.c - world <-> screen for flat-topped "odd-q" hexes.
 *
 * World pixels at zoom z: hex (col, row) has its centre at
 * x = size * (1 + 1.5 col), y = size * sqrt3 * (row + 0.5 + 0.5 (col & 1)).
 * Screen conversion goes through offset coordinates and the engine's own
 * hex_from_offset, so the axial convention stays the engine's business. */
#include <math.h>
#include "render/render.h"

const int cam_hex_sizes[CAM_ZOOMS] = { 12, 18, 26, 38, 54 };

#define SQRT3 1.7320508075688772

float cam_size(const Camera *c)
{
    return (float)cam_hex_sizes[c->zoom] * (c->scale > 0 ? c->scale : 1.0f);
}

static void world_of_offset(double size, int col, int row, double *wx, double *wy)
{
    *wx = size * (1.0 + 1.5 * col);
    *wy = size * SQRT3 * (row + 0.5 + 0.5 * (col & 1));
}

void cam_hex_center(const Camera *c, Hex h, float *sx, float *sy)
{
    HexOffset o = hex_to_offset(h);
    double wx, wy;
    world_of_offset(cam_size(c), o.col, o.row, &wx, &wy);
    *sx = (float)(wx - c->x + c->view.x);
    *sy = (float)(wy - c->y + c->view.y);
}

bool cam_hex_at(const Camera *c, int sx, int sy, Hex *out)
{
    double size = cam_size(c);
    double wx = sx - c->view.x + c->x - size;
    double wy = sy - c->view.y + c->y - size * SQRT3 * 0.5;
    /* Standard flat-top pixel -> axial (q, r) with q = col, then cube
     * rounding; convert to odd-q offset ourselves. */
    double q = (2.0 / 3.0 * wx) / size;
    double r = (-1.0 / 3.0 * wx + SQRT3 / 3.0 * wy) / size;
    double x = q, z = r, y = -x - z;
    double rx = round(x), ry = round(y), rz = round(z);
    double dx = fabs(rx - x), dy = fabs(ry - y), dz = fabs(rz - z);
    if (dx > dy && dx > dz)
        rx = -ry - rz;
    else if (dy > dz)
        ry = -rx - rz;
    else
        rz = -rx - ry;
    int col = (int)rx;
    int row = (int)rz + (col - (col & 1)) / 2;
    if (col < 0 || row < 0 || col >= c->map_w || row >= c->map_h)
        return false;
    *out = hex_from_offset(col, row);
    return true;
}

void cam_world_size(const Camera *c, double *w, double *h)
{
    double size = cam_size(c);
    *w = size * (1.5 * c->map_w + 0.5);
    *h = size * SQRT3 * (c->map_h + 0.5);
}

static double clampd(double v, double lo, double hi)
{
    if (hi < lo)
        return (lo + hi) / 2;
    return v < lo ? lo : v > hi ? hi : v;
}

void cam_clamp(Camera *c)
{
    double w, h;
    cam_world_size(c, &w, &h);
    double margin = cam_size(c) * 2;
    c->x = clampd(c->x, -margin, w - c->view.w + margin);
    c->y = clampd(c->y, -margin, h - c->view.h + margin);
}

void cam_center_on(Camera *c, Hex h)
{
    HexOffset o = hex_to_offset(h);
    double wx, wy;
    world_of_offset(cam_size(c), o.col, o.row, &wx, &wy);
    c->x = wx - c->view.w / 2.0;
    c->y = wy - c->view.h / 2.0;
    cam_clamp(c);
}

void cam_pan(Camera *c, double dx, double dy)
{
    c->x += dx;
    c->y += dy;
    cam_clamp(c);
}

void cam_zoom_at(Camera *c, int steps, int sx, int sy)
{
    int z = c->zoom + steps;
    if (z < 0)
        z = 0;
    if (z >= CAM_ZOOMS)
        z = CAM_ZOOMS - 1;
    if (z == c->zoom)
        return;
    double old = cam_size(c);
    double wx = sx - c->view.x + c->x, wy = sy - c->view.y + c->y;
    c->zoom = z;
    double k = cam_size(c) / old;
    c->x = wx * k - (sx - c->view.x);
    c->y = wy * k - (sy - c->view.y);
    cam_clamp(c);
}
