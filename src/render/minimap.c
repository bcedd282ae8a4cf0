/* minimap.c - the whole map in a corner: terrain built once per game,
 * units and the camera's view drawn each frame. */
#include "render/render.h"

void minimap_build(Minimap *mm, MapRender *mr, const Game *g, int max_w, int max_h)
{
    minimap_free(mm);
    const Map *m = &g->map;
    if (m->width <= 0 || m->height <= 0)
        return;
    float cw = (float)max_w / (m->width * 0.75f + 0.25f);
    float ch = (float)max_h / ((m->height + 0.5f) * 0.8660254f);
    mm->cell = cw < ch ? cw : ch;     /* hex width */
    mm->w = (int)(mm->cell * (m->width * 0.75f + 0.25f)) + 1;
    mm->h = (int)(mm->cell * 0.8660254f * (m->height + 0.5f)) + 1;
    mm->base = SDL_CreateTexture(mr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, mm->w, mm->h);
    if (!mm->base)
        return;
    SDL_Texture *old = SDL_GetRenderTarget(mr->r);
    SDL_SetRenderTarget(mr->r, mm->base);
    SDL_SetRenderDrawColor(mr->r, 0x3b, 0x35, 0x28, 255);
    SDL_RenderClear(mr->r);
    float s = mm->cell / 2;
    for (int row = 0; row < m->height; row++)
        for (int col = 0; col < m->width; col++) {
            Hex h = hex_from_offset(col, row);
            float x = s * (1 + 1.5f * col), y = s * 1.7320508f * (row + 0.5f + 0.5f * (col & 1));
            Terrain t = map_terrain(m, h);
            Rgba c = art_terrain_color(mr->art, t);
            if (t == TER_RIVER || t == TER_FORD)
                c = rgba(0x4f83b3, 255);
            if (t == TER_WALL || t == TER_GATE)
                c = rgba(0x6e6252, 255);
            gfx_fill_hex(mr->r, x, y, s + 0.4f, c);
        }
    SDL_SetRenderTarget(mr->r, old);
}

void minimap_free(Minimap *mm)
{
    if (mm->base)
        SDL_DestroyTexture(mm->base);
    mm->base = NULL;
}

void minimap_draw(Minimap *mm, MapRender *mr, const Game *g, const Camera *cam, int viewer, int x, int y)
{
    if (!mm->base)
        return;
    gfx_fill_rect(mr->r, (float)x - 3, (float)y - 3, (float)mm->w + 6, (float)mm->h + 6, rgba(0x15120e, 230));
    SDL_Rect d = { x, y, mm->w, mm->h };
    SDL_RenderCopy(mr->r, mm->base, NULL, &d);
    float s = mm->cell / 2;
    float dot = mm->cell * 0.55f < 2 ? 2 : mm->cell * 0.55f;
    for (int i = 0; i < g->nunits; i++) {
        const Unit *u = &g->units[i];
        if (u->status != UNIT_ON_MAP)
            continue;
        if (viewer >= 0 && u->side != viewer && !game_unit_visible(g, i, viewer))
            continue;
        HexOffset o = hex_to_offset(u->hex);
        float ux = x + s * (1 + 1.5f * o.col), uy = y + s * 1.7320508f * (o.row + 0.5f + 0.5f * (o.col & 1));
        gfx_fill_rect(mr->r, ux - dot / 2 - 1, uy - dot / 2 - 1, dot + 2, dot + 2, rgba(0x000000, 255));
        gfx_fill_rect(mr->r, ux - dot / 2, uy - dot / 2, dot, dot, side_color(g, u->side));
    }
    /* The camera's view. */
    double k = s / cam_size(cam);
    float vx = x + (float)(cam->x * k), vy = y + (float)(cam->y * k);
    float vw = (float)(cam->view.w * k), vh = (float)(cam->view.h * k);
    SDL_Rect clip = { x, y, mm->w, mm->h };
    SDL_RenderSetClipRect(mr->r, &clip);
    gfx_rect_outline(mr->r, vx, vy, vw, vh, 2, rgba(0xffffff, 230));
    SDL_RenderSetClipRect(mr->r, NULL);
}

bool minimap_hex_at(const Minimap *mm, const Game *g, int x, int y, int px, int py, Hex *out)
{
    if (!mm->base || px < x || py < y || px >= x + mm->w || py >= y + mm->h)
        return false;
    float s = mm->cell / 2;
    int col = (int)(((px - x) / s - 1) / 1.5f + 0.5f);
    if (col < 0)
        col = 0;
    if (col >= g->map.width)
        col = g->map.width - 1;
    int row = (int)((py - y) / (s * 1.7320508f) - 0.5f * (col & 1));
    if (row < 0)
        row = 0;
    if (row >= g->map.height)
        row = g->map.height - 1;
    *out = hex_from_offset(col, row);
    return true;
}
