/* gfx.c - filled hexes, thick lines and discs through SDL_RenderGeometry. */
#include <math.h>
#include "render/render.h"

static SDL_Color sdl_color(Rgba c)
{
    SDL_Color s = { c.r, c.g, c.b, c.a };
    return s;
}

static SDL_Vertex vtx(float x, float y, Rgba c)
{
    SDL_Vertex v;
    v.position.x = x;
    v.position.y = y;
    v.color = sdl_color(c);
    v.tex_coord.x = 0;
    v.tex_coord.y = 0;
    return v;
}

void gfx_fill_rect(SDL_Renderer *r, float x, float y, float w, float h, Rgba c)
{
    SDL_FRect fr = { x, y, w, h };
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRectF(r, &fr);
}

void gfx_rect_outline(SDL_Renderer *r, float x, float y, float w, float h, float t, Rgba c)
{
    gfx_fill_rect(r, x, y, w, t, c);
    gfx_fill_rect(r, x, y + h - t, w, t, c);
    gfx_fill_rect(r, x, y + t, t, h - 2 * t, c);
    gfx_fill_rect(r, x + w - t, y + t, t, h - 2 * t, c);
}

static void hex_corners(float cx, float cy, float size, float *px, float *py)
{
    static const float cs[6] = { 1.0f, 0.5f, -0.5f, -1.0f, -0.5f, 0.5f };
    static const float sn[6] = { 0.0f, 0.8660254f, 0.8660254f, 0.0f, -0.8660254f, -0.8660254f };
    for (int i = 0; i < 6; i++) {
        px[i] = cx + size * cs[i];
        py[i] = cy + size * sn[i];
    }
}

void gfx_fill_hex(SDL_Renderer *r, float cx, float cy, float size, Rgba c)
{
    float px[6], py[6];
    hex_corners(cx, cy, size, px, py);
    SDL_Vertex v[7];
    v[0] = vtx(cx, cy, c);
    for (int i = 0; i < 6; i++)
        v[i + 1] = vtx(px[i], py[i], c);
    int idx[18];
    for (int i = 0; i < 6; i++) {
        idx[i * 3] = 0;
        idx[i * 3 + 1] = 1 + i;
        idx[i * 3 + 2] = 1 + (i + 1) % 6;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, 7, idx, 18);
}

void gfx_hex_band(SDL_Renderer *r, const SDL_Vertex v[12])
{
    int idx[36];
    for (int i = 0; i < 6; i++) {
        int j = (i + 1) % 6;
        int *k = idx + i * 6;
        k[0] = i; k[1] = j; k[2] = 6 + i;
        k[3] = j; k[4] = 6 + j; k[5] = 6 + i;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, 12, idx, 36);
}

void gfx_hex_outline(SDL_Renderer *r, float cx, float cy, float size, float t, Rgba c)
{
    float po[6], qo[6], pi[6], qi[6];
    hex_corners(cx, cy, size, po, qo);
    hex_corners(cx, cy, size - t, pi, qi);
    SDL_Vertex v[12];
    for (int i = 0; i < 6; i++) {
        v[i] = vtx(po[i], qo[i], c);
        v[i + 6] = vtx(pi[i], qi[i], c);
    }
    gfx_hex_band(r, v);
}

void gfx_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width, Rgba c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f)
        return;
    float nx = -dy / len * width * 0.5f, ny = dx / len * width * 0.5f;
    SDL_Vertex v[4] = {
        vtx(x0 + nx, y0 + ny, c), vtx(x1 + nx, y1 + ny, c),
        vtx(x1 - nx, y1 - ny, c), vtx(x0 - nx, y0 - ny, c),
    };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
}

enum { DISC_SEGS = 20 };

void gfx_disc(SDL_Renderer *r, float cx, float cy, float rad, Rgba c)
{
    SDL_Vertex v[DISC_SEGS + 1];
    int idx[DISC_SEGS * 3];
    v[0] = vtx(cx, cy, c);
    for (int i = 0; i < DISC_SEGS; i++) {
        float a = (float)i * 6.2831853f / DISC_SEGS;
        v[i + 1] = vtx(cx + rad * cosf(a), cy + rad * sinf(a), c);
        idx[i * 3] = 0;
        idx[i * 3 + 1] = 1 + i;
        idx[i * 3 + 2] = 1 + (i + 1) % DISC_SEGS;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, DISC_SEGS + 1, idx, DISC_SEGS * 3);
}

void gfx_ring(SDL_Renderer *r, float cx, float cy, float rad, float t, Rgba c)
{
    SDL_Vertex v[DISC_SEGS * 2];
    int idx[DISC_SEGS * 6];
    for (int i = 0; i < DISC_SEGS; i++) {
        float a = (float)i * 6.2831853f / DISC_SEGS;
        v[i] = vtx(cx + rad * cosf(a), cy + rad * sinf(a), c);
        v[i + DISC_SEGS] = vtx(cx + (rad - t) * cosf(a), cy + (rad - t) * sinf(a), c);
    }
    for (int i = 0; i < DISC_SEGS; i++) {
        int j = (i + 1) % DISC_SEGS;
        int *k = idx + i * 6;
        k[0] = i; k[1] = j; k[2] = DISC_SEGS + i;
        k[3] = j; k[4] = DISC_SEGS + j; k[5] = DISC_SEGS + i;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, DISC_SEGS * 2, idx, DISC_SEGS * 6);
}
