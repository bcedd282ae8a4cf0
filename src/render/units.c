/* units.c - unit counters: side colour, type symbol, strength, a cohesion
 * bar, a leader star; stacks drawn as offset piles with a count. */
#include <stdio.h>
#include "render/render.h"

static Rgba cohesion_color(const Game *g, int coh)
{
    if (coh <= g->rules.shaken_at)
        return rgba(0xd8322a, 255);
    if (coh * 10 < g->rules.cohesion_max * 7)
        return rgba(0xe8b63a, 255);
    return rgba(0x58c255, 255);
}

void render_counter(MapRender *mr, const Game *g, int ui, float x, float y, float px, bool selected)
{
    const Unit *u = &g->units[ui];
    SDL_Renderer *r = mr->r;
    Rgba col = side_color(g, u->side), light = side_color_light(g, u->side);
    float bw = px < 24 ? 1.0f : 1.5f;
    gfx_fill_rect(r, x + 2, y + 2, px, px, rgba(0x000000, 90));
    gfx_fill_rect(r, x, y, px, px, col);
    gfx_rect_outline(r, x, y, px, px, bw, rgba(0x15120e, 255));
    /* Type symbol in a light box. */
    float sw = px * 0.70f, sh = sw * 0.64f;
    float sx = x + (px - sw) / 2, sy = y + px * 0.09f;
    gfx_fill_rect(r, sx, sy, sw, sh, light);
    const char *tid = u->type >= 0 && u->type < g->rules.ntypes ? g->rules.types[u->type].id : "";
    SDL_Texture *sym = art_get(mr->art, art_unit_symbol(tid), (int)sw, 0);
    if (sym) {
        SDL_Rect d = { (int)sx, (int)sy, (int)sw, (int)sh };
        SDL_RenderCopy(r, sym, NULL, &d);
    }
    /* Strength and cohesion. */
    if (px >= 22) {
        char b[16];
        snprintf(b, sizeof b, "%d", u->sp);
        int tpx = (int)(px * 0.30f);
        text_draw_bold(mr->text, b, (int)(x + px / 2), (int)(sy + sh - 1), tpx, rgba(0xffffff, 255), TEXT_CENTER);
    }
    float bh = px * 0.09f < 2 ? 2 : px * 0.09f;
    float bx = x + bw + 1, by = y + px - bh - bw - 1, bwid = px - 2 * bw - 2;
    gfx_fill_rect(r, bx, by, bwid, bh, rgba(0x1a1a1a, 255));
    int cmax = g->rules.cohesion_max > 0 ? g->rules.cohesion_max : 10;
    int coh = u->cohesion < 0 ? 0 : u->cohesion > cmax ? cmax : u->cohesion;
    gfx_fill_rect(r, bx, by, bwid * (float)coh / (float)cmax, bh, cohesion_color(g, coh));
    if (game_leader_with(g, ui) >= 0) {
        float ls = px * 0.42f;
        SDL_Texture *st = art_get(mr->art, ART_LEADER, (int)ls, 0);
        if (st) {
            SDL_Rect d = { (int)(x + px - ls * 0.7f), (int)(y - ls * 0.3f), (int)ls, (int)(ls * 0.64f) };
            SDL_RenderCopy(r, st, NULL, &d);
        }
    }
    if (u->cohesion <= 0) {
        gfx_fill_rect(r, x, y, px, px, rgba(0x202020, 140));
        if (px >= 22)
            text_draw_bold(mr->text, "ROUT", (int)(x + px / 2), (int)(y + px * 0.3f), (int)(px * 0.24f),
                           rgba(0xff6a5a, 255), TEXT_CENTER);
    } else if (g->mode != MODE_OVER && u->side == g->active && u->mp <= 0) {
        gfx_fill_rect(r, x, y, px, px, rgba(0x000000, 70));
    }
    if (selected) {
        gfx_rect_outline(r, x - 3, y - 3, px + 6, px + 6, 3, rgba(mr->theme.high_contrast ? 0xffff00 : 0xf7d154, 255));
    }
}

static bool sees(const Game *g, int u, int viewer)
{
    return viewer < 0 || g->units[u].side == viewer || game_unit_visible(g, u, viewer);
}

static bool animated(const MapOverlay *ov, int u, float *wx, float *wy)
{
    if (!ov)
        return false;
    for (int i = 0; i < ov->nanim; i++)
        if (ov->anim_unit[i] == u) {
            *wx = ov->anim_x[i];
            *wy = ov->anim_y[i];
            return true;
        }
    return false;
}

static bool is_selected(const MapOverlay *ov, int u)
{
    if (!ov)
        return false;
    for (int i = 0; i < ov->nselected; i++)
        if (ov->selected[i] == u)
            return true;
    return false;
}

void render_units(MapRender *mr, const Game *g, const Camera *cam, const MapOverlay *ov)
{
    float size = cam_size(cam);
    float px = size * 1.10f;
    int viewer = ov ? ov->viewer : -1;
    const Map *m = &g->map;
    for (int row = 0; row < m->height; row++)
        for (int col = 0; col < m->width; col++) {
            Hex h = hex_from_offset(col, row);
            float cx, cy;
            cam_hex_center(cam, h, &cx, &cy);
            if (cx < cam->view.x - 2 * size || cx > cam->view.x + cam->view.w + 2 * size ||
                cy < cam->view.y - 2 * size || cy > cam->view.y + cam->view.h + 2 * size)
                continue;
            int ids[16];
            int n = game_units_at(g, h, ids, 16);
            int vis[16], nv = 0, top = -1;
            for (int i = 0; i < n; i++) {
                float ax, ay;
                if (!sees(g, ids[i], viewer) || animated(ov, ids[i], &ax, &ay))
                    continue;
                vis[nv++] = ids[i];
                if (is_selected(ov, ids[i]) && top < 0)
                    top = nv - 1;
            }
            if (nv == 0)
                continue;
            if (top < 0)
                top = 0;
            float off = px * 0.10f < 2 ? 2 : px * 0.10f;
            int shown = nv > 3 ? 3 : nv;
            /* Under-counters first, the top one last. */
            int k = shown - 1;
            for (int i = 0; i < nv && k > 0; i++) {
                if (i == top)
                    continue;
                render_counter(mr, g, vis[i], cx - px / 2 + off * (float)k, cy - px / 2 - off * (float)k, px, false);
                k--;
            }
            render_counter(mr, g, vis[top], cx - px / 2, cy - px / 2, px, is_selected(ov, vis[top]));
            if (nv > 1 && size >= 18) {
                char b[16];
                snprintf(b, sizeof b, "%d", nv);
                float bx = cx - px / 2 - 4, by = cy + px / 2 - 8;
                int tpx = (int)(size * 0.32f);
                gfx_disc(mr->r, bx, by, tpx * 0.75f, rgba(0x15120e, 255));
                gfx_disc(mr->r, bx, by, tpx * 0.75f - 1.5f, rgba(0xf4ecd6, 255));
                text_draw_bold(mr->text, b, (int)bx, (int)(by - text_line_height(mr->text, tpx) / 2), tpx,
                               rgba(0x15120e, 255), TEXT_CENTER);
            }
        }
    if (ov) {
        for (int i = 0; i < ov->nanim; i++) {
            int u = ov->anim_unit[i];
            if (!sees(g, u, viewer))
                continue;
            float sx = ov->anim_x[i] - (float)cam->x + cam->view.x;
            float sy = ov->anim_y[i] - (float)cam->y + cam->view.y;
            render_counter(mr, g, u, sx - px / 2, sy - px / 2, px, is_selected(ov, u));
        }
    }
}
