/* map.c - drawing the hex map: terrain, rivers, roads, walls, gates,
 * places, the grid and the selection overlays. Units are in units.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/hex.h"
#include "render/render.h"

static bool on_screen(const Camera *c, float x, float y, float size)
{
    return x > c->view.x - 2 * size && x < c->view.x + c->view.w + 2 * size &&
           y > c->view.y - 2 * size && y < c->view.y + c->view.h + 2 * size;
}

static void blit_hex(MapRender *mr, SDL_Texture *t, float cx, float cy, float size)
{
    if (!t)
        return;
    int w, h;
    SDL_QueryTexture(t, NULL, NULL, &w, &h);
    SDL_Rect dst = { (int)(cx - w / 2.0f + 0.5f), (int)(cy - h / 2.0f + 0.5f), w, h };
    (void)size;
    SDL_RenderCopy(mr->r, t, NULL, &dst);
}

Rgba side_color(const Game *g, int side)
{
    if (side < 0 || side >= g->nsides)
        return rgba(0x6b6b6b, 255);
    const char *id = g->sides[side].id;
    if (strstr(id, "rashid") || strstr(id, "muslim") || strstr(id, "arab"))
        return rgba(0x2f6b45, 255);
    if (strstr(id, "byz") || strstr(id, "roman"))
        return rgba(0x5b3a86, 255);
    if (strstr(id, "coal") || strstr(id, "jazir"))
        return rgba(0x9c3b26, 255);
    return side == 0 ? rgba(0x2f6b45, 255) : rgba(0x9c3b26, 255);
}

Rgba side_color_light(const Game *g, int side)
{
    Rgba c = side_color(g, side);
    Rgba l = { (uint8_t)(c.r + (255 - c.r) * 3 / 4), (uint8_t)(c.g + (255 - c.g) * 3 / 4),
               (uint8_t)(c.b + (255 - c.b) * 3 / 4), 255 };
    return l;
}

static void label(MapRender *mr, const char *s, int x, int y, int px, Rgba fg, Rgba halo, int align)
{
    text_draw(mr->text, s, x - 1, y, px, halo, align);
    text_draw(mr->text, s, x + 1, y, px, halo, align);
    text_draw(mr->text, s, x, y - 1, px, halo, align);
    text_draw(mr->text, s, x, y + 1, px, halo, align);
    text_draw(mr->text, s, x, y, px, fg, align);
}

static void draw_labels(MapRender *mr, const Game *g, const Camera *cam, const MapOverlay *ov)
{
    float size = cam_size(cam);
    /* Hex labels between 10 and 20 px at 100 %, as the UI scale grows. */
    float us = mr->theme.ui_scale > 0 ? mr->theme.ui_scale : 1.0f;
    int px = (int)(size * 0.42f);
    if (px < (int)(10 * us))
        px = (int)(10 * us);
    if (px > (int)(20 * us))
        px = (int)(20 * us);
    Rgba ink = rgba(0x231c14, 255), halo = rgba(0xf4ecd6, 200);
    if (size >= 12) {
        for (int i = 0; i < g->map.nplaces; i++) {
            const Place *p = &g->map.places[i];
            float x, y;
            cam_hex_center(cam, p->hex, &x, &y);
            if (!on_screen(cam, x, y, size))
                continue;
            Rgba fg = ink;
            if (p->owner >= 0)
                fg = side_color(g, p->owner);
            label(mr, p->name, (int)x, (int)(y + size * 0.62f), px, fg, halo, TEXT_CENTER);
        }
        /* Gate names sit outside the walls, away from the town's centre. */
        float tx = 0, ty = 0;
        int nt = 0;
        for (int row = 0; row < g->map.height; row++)
            for (int col = 0; col < g->map.width; col++)
                if (terrain_is_town(map_terrain(&g->map, hex_from_offset(col, row)))) {
                    float x, y;
                    cam_hex_center(cam, hex_from_offset(col, row), &x, &y);
                    tx += x;
                    ty += y;
                    nt++;
                }
        for (int i = 0; i < g->ngates && nt > 0 && size >= 26; i++) {
            if (map_place_at(&g->map, g->gates[i].hex) >= 0)
                continue;
            float x, y;
            cam_hex_center(cam, g->gates[i].hex, &x, &y);
            if (!on_screen(cam, x, y, size))
                continue;
            float dx = x - tx / (float)nt, dy = y - ty / (float)nt;
            float len = sqrtf(dx * dx + dy * dy);
            if (len < 1)
                len = 1;
            int gpx = (int)(size * 0.32f) < 10 ? 10 : (int)(size * 0.32f);
            float lx = x + dx / len * size * 1.05f, ly = y + dy / len * size * 0.95f - gpx / 2.0f;
            int al = dx > size * 0.5f ? TEXT_LEFT : dx < -size * 0.5f ? TEXT_RIGHT : TEXT_CENTER;
            label(mr, g->gates[i].name, (int)lx, (int)ly, gpx, ink, halo, al);
        }
    }
    if (ov && ov->show_coords && size >= 18) {
        int cpx = px - 3 < 9 ? 9 : px - 3;
        for (int row = 0; row < g->map.height; row++)
            for (int col = 0; col < g->map.width; col++) {
                float x, y;
                cam_hex_center(cam, hex_from_offset(col, row), &x, &y);
                if (!on_screen(cam, x, y, size))
                    continue;
                char b[32];
                snprintf(b, sizeof b, "%d,%d", col, row);
                text_draw(mr->text, b, (int)x, (int)(y - size * 0.82f), cpx, rgba(0x2a241c, 190), TEXT_CENTER);
            }
    }
}

static void draw_overlays(MapRender *mr, const Game *g, const Camera *cam, const MapOverlay *ov)
{
    const Map *m = &g->map;
    float size = cam_size(cam);
    bool hc = mr->theme.high_contrast;
    if (ov->reach) {
        for (int row = 0; row < m->height; row++)
            for (int col = 0; col < m->width; col++) {
                float x, y;
                cam_hex_center(cam, hex_from_offset(col, row), &x, &y);
                if (!on_screen(cam, x, y, size))
                    continue;
                if (ov->reach[row * m->width + col] < 0)
                    gfx_fill_hex(mr->r, x, y, size, rgba(0x10141c, hc ? 130 : 95));
                else
                    gfx_hex_outline(mr->r, x, y, size - 1, hc ? 3.0f : 2.0f, rgba(hc ? 0xffff00 : 0xfff4c2, 200));
            }
    }
    if (ov->show_zoc && ov->nselected > 0) {
        int side = g->units[ov->selected[0]].side;
        for (int row = 0; row < m->height; row++)
            for (int col = 0; col < m->width; col++) {
                Hex h = hex_from_offset(col, row);
                float x, y;
                cam_hex_center(cam, h, &x, &y);
                if (!on_screen(cam, x, y, size))
                    continue;
                if (ov->reach && ov->reach[row * m->width + col] < 0)
                    continue;
                if (path_in_enemy_zoc(g, side, h))
                    blit_hex(mr, art_get(mr->art, ART_ZOC, (int)size, 0), x, y, size);
            }
    }
    if (ov->path && ov->path->len > 0 && ov->nselected > 0) {
        const Unit *u = &g->units[ov->selected[0]];
        float px, py;
        cam_hex_center(cam, u->hex, &px, &py);
        Rgba casing = rgba(0x1c1408, 200), ink = rgba(hc ? 0xffff00 : 0xf7d154, 255);
        float w = size * 0.16f < 3 ? 3 : size * 0.16f;
        float lx = px, ly = py;
        for (int i = 0; i < ov->path->len; i++) {
            float x, y;
            cam_hex_center(cam, ov->path->hexes[i], &x, &y);
            gfx_line(mr->r, lx, ly, x, y, w + 3, casing);
            gfx_disc(mr->r, x, y, (w + 3) / 2, casing);
            lx = x;
            ly = y;
        }
        lx = px;
        ly = py;
        for (int i = 0; i < ov->path->len; i++) {
            float x, y;
            cam_hex_center(cam, ov->path->hexes[i], &x, &y);
            gfx_line(mr->r, lx, ly, x, y, w, ink);
            gfx_disc(mr->r, x, y, w / 2, ink);
            lx = x;
            ly = y;
        }
        gfx_disc(mr->r, lx, ly, size * 0.36f, casing);
        gfx_disc(mr->r, lx, ly, size * 0.32f, ink);
        char b[24];
        int c = ov->path->cost;
        if (c % 2)
            snprintf(b, sizeof b, "%d\xC2\xBD", c / 2);
        else
            snprintf(b, sizeof b, "%d", c / 2);
        int tpx = (int)(size * 0.40f) < 10 ? 10 : (int)(size * 0.40f);
        int lh = text_line_height(mr->text, tpx);
        text_draw_bold(mr->text, b, (int)lx, (int)(ly - lh / 2), tpx, rgba(0x1c1408, 255), TEXT_CENTER);
    }
    for (int i = 0; i < ov->ntargets; i++) {
        float x, y;
        cam_hex_center(cam, ov->targets[i], &x, &y);
        float pulse = (float)((ov->flash_ms / 8) % 100) / 100.0f;
        (void)pulse;
        gfx_hex_outline(mr->r, x, y, size - 1, size * 0.12f < 3 ? 3 : size * 0.12f, rgba(0xd8261b, 235));
        int tpx = (int)(size * 0.36f) < 10 ? 10 : (int)(size * 0.36f);
        int tw = text_width(mr->text, ov->target_label[i], tpx) + 8;
        int th = text_line_height(mr->text, tpx);
        float bx = x - tw / 2.0f, by = y - size * 0.86f - th / 2.0f;
        gfx_fill_rect(mr->r, bx, by, (float)tw, (float)th, rgba(0xb3201a, 240));
        text_draw_bold(mr->text, ov->target_label[i], (int)x, (int)by, tpx, rgba(0xffffff, 255), TEXT_CENTER);
    }
    if (ov->have_hover) {
        float x, y;
        cam_hex_center(cam, ov->hover, &x, &y);
        gfx_hex_outline(mr->r, x, y, size, 2.0f, rgba(0xffffff, 200));
    }
}

/* Relief on its way: the entry hex washed and ringed in the side's colour
 * (a solid ring when confirmed, a broken one when only rumoured) and a
 * pennant naming the turn it is due ("~" an estimate). */
static void draw_relief(MapRender *mr, const Game *g, const Camera *cam, const MapOverlay *ov)
{
    float size = cam_size(cam);
    for (int i = 0; i < ov->nrelief; i++) {
        const ReliefMark *m = &ov->relief[i];
        if (!map_contains(&g->map, m->hex))
            continue;
        float x, y;
        cam_hex_center(cam, m->hex, &x, &y);
        if (!on_screen(cam, x, y, size))
            continue;
        Rgba sc = side_color(g, m->side), light = side_color_light(g, m->side);
        Rgba ink = rgba(0x1c1408, 230);
        float t = size * 0.14f < 3 ? 3 : size * 0.14f;
        gfx_fill_hex(mr->r, x, y, size - 1, rgba((uint32_t)sc.r << 16 | (uint32_t)sc.g << 8 | sc.b, m->confirmed ? 90 : 55));
        if (m->confirmed) {
            gfx_hex_outline(mr->r, x, y, size - 1, t + 2, ink);
            gfx_hex_outline(mr->r, x, y, size - 2, t, sc);
        } else {
            /* A broken ring: every edge of the hex in two dashes. */
            float r0 = size - 1 - t / 2;
            for (int e = 0; e < 6; e++) {
                float a0 = (float)e * 1.0471976f, a1 = (float)(e + 1) * 1.0471976f;
                float x0 = x + cosf(a0) * r0, y0 = y + sinf(a0) * r0, x1 = x + cosf(a1) * r0, y1 = y + sinf(a1) * r0;
                for (int d = 0; d < 2; d++) {
                    float f0 = d == 0 ? 0.08f : 0.58f, f1 = f0 + 0.34f;
                    float ax = x0 + (x1 - x0) * f0, ay = y0 + (y1 - y0) * f0;
                    float bx = x0 + (x1 - x0) * f1, by = y0 + (y1 - y0) * f1;
                    gfx_line(mr->r, ax, ay, bx, by, t + 2, ink);
                    gfx_line(mr->r, ax, ay, bx, by, t, sc);
                }
            }
        }
        /* The pennant: a pole from the hex's centre and a flag. */
        int fpx = (int)(size * 0.40f);
        fpx = fpx < 12 ? 12 : fpx > 20 ? 20 : fpx;
        char b[40];
        if (m->due > 0)
            snprintf(b, sizeof b, "%s %sT%d", m->confirmed ? "Relief" : "Rumour", m->estimate || !m->confirmed ? "~" : "",
                     m->due);
        else
            snprintf(b, sizeof b, "%s T?", m->confirmed ? "Relief" : "Rumour");
        int tw = text_width(mr->text, b, fpx) + 12, th = text_line_height(mr->text, fpx) + 4;
        float ptop = y - size * 0.95f - (float)th;
        /* Keep the flag on the map at its right edge. */
        float fx = x;
        float right = (float)(cam->view.x + cam->view.w) - 4;
        if (fx + (float)tw + 4 > right)
            fx = x - (float)tw - 4;
        gfx_line(mr->r, x, y, x, ptop + (float)th, 4, ink);
        gfx_line(mr->r, x, y, x, ptop + (float)th, 2, light);
        float bx = fx < x ? fx - 2 : fx + 2;
        gfx_fill_rect(mr->r, bx - 1, ptop - 1, (float)tw + 2, (float)th + 2, ink);
        gfx_fill_rect(mr->r, bx, ptop, (float)tw, (float)th, m->confirmed ? sc : rgba(0x3a3328, 240));
        gfx_rect_outline(mr->r, bx, ptop, (float)tw, (float)th, 1, light);
        text_draw_bold(mr->text, b, (int)(bx + tw / 2.0f), (int)ptop + 2, fpx, rgba(0xffffff, 255), TEXT_CENTER);
        gfx_disc(mr->r, x, y, t * 0.9f, ink);
        gfx_disc(mr->r, x, y, t * 0.6f, light);
    }
}

void render_map(MapRender *mr, const Game *g, const Camera *cam0, const MapOverlay *ov)
{
    /* Everything is drawn at whole pixels of the camera, so the terrain
     * layer can be cached as tiles (layer.c) and the units sit on it. */
    Camera c = *cam0;
    c.x = floor(c.x + 0.5);
    c.y = floor(c.y + 0.5);
    const Camera *cam = &c;
    layer_draw(mr->art ? art_layer(mr->art) : NULL, mr, g, cam);
    if (ov)
        draw_overlays(mr, g, cam, ov);
    render_units(mr, g, cam, ov);
    draw_labels(mr, g, cam, ov);
    if (ov)
        draw_relief(mr, g, cam, ov);
    SDL_RenderSetClipRect(mr->r, NULL);
}
