/* layer.c - the terrain layer: the ground, rivers, roads, walls, the grid,
 * gates and places, the part of the map that does not move while the
 * player pans.
 *
 * It is painted into square tiles of world pixels (256 px, or 512 px when
 * the view is too big for 64 of those, as on a 4K screen), one set per zoom, kept in a small LRU cache and copied to the screen each
 * frame; a tile is painted again only when the zoom, the map, a gate's
 * state or the contrast theme change (they are all in the tile's key).
 * Painting a tile and painting the view straight to the screen run the
 * same code with a different integer origin, and every position is
 * snapped to whole pixels in world coordinates before the origin is taken
 * off, so the cached and the uncached draw give the same pixels
 * (check-render pins that). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/hex.h"
#include "render/render.h"

enum { LAYER_TILE = 256, LAYER_TILE_BIG = 512, LAYER_TILES_MAX = 128, MAX_VIEW_TILES = LAYER_TILES_MAX / 2 };

typedef struct LayerTile {
    SDL_Texture *tex;
    uint64_t key;
    int zoom, tx, ty;
    uint64_t used;
} LayerTile;

struct Layer {
    SDL_Renderer *r;
    uint32_t format;
    bool broken;            /* render targets do not work: draw directly */
    LayerTile tiles[LAYER_TILES_MAX];
    int ntiles;
    int tile;               /* LAYER_TILE or LAYER_TILE_BIG */
    uint64_t clock;
    int painted;
};

Layer *layer_new(SDL_Renderer *r)
{
    Layer *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->r = r;
    /* Tiles in the screen's own format, so blending onto a tile is the
     * blending onto the screen and the copy is a plain copy. */
    SDL_Window *w = SDL_RenderGetWindow(r);
    l->format = w ? SDL_GetWindowPixelFormat(w) : SDL_PIXELFORMAT_UNKNOWN;
    if (l->format == SDL_PIXELFORMAT_UNKNOWN || SDL_ISPIXELFORMAT_INDEXED(l->format) || SDL_BYTESPERPIXEL(l->format) != 4)
        l->format = SDL_PIXELFORMAT_ARGB8888;
    l->broken = !SDL_RenderTargetSupported(r);
    l->tile = LAYER_TILE;
    return l;
}

void layer_flush(Layer *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->ntiles; i++)
        if (l->tiles[i].tex)
            SDL_DestroyTexture(l->tiles[i].tex);
    l->ntiles = 0;
}

void layer_free(Layer *l)
{
    layer_flush(l);
    free(l);
}

int layer_tile_size(const Layer *l)
{
    return l ? l->tile : 0;
}

int layer_painted(const Layer *l)
{
    return l ? l->painted : 0;
}

/* ---- painting ---------------------------------------------------------- */

static bool is_river(Terrain t) { return t == TER_RIVER || t == TER_FORD; }
static bool is_wallish(Terrain t) { return t == TER_WALL || t == TER_GATE; }
static bool is_roadish(Terrain t) { return t == TER_ROAD || t == TER_GATE || t == TER_FORD; }

static bool near_town(const Game *g, Hex h)
{
    for (int d = 0; d < HEX_DIRS; d++)
        if (terrain_is_town(map_terrain(&g->map, hex_neighbor(h, d))))
            return true;
    return false;
}

static bool is_camp_place(const Place *p)
{
    return strstr(p->id, "camp") || strstr(p->name, "camp") || strstr(p->name, "Camp");
}

/* Where the layer is painted: world pixel (ox, oy) lands on the target's
 * (0, 0); hexes whose art may touch [x0, x1) x [y0, y1) (world) are drawn. */
typedef struct Paint {
    MapRender *mr;
    const Game *g;
    double size;             /* the camera's hex size (cam_size: zoom x interface scale) */
    double ox, oy;
    double x0, y0, x1, y1;
} Paint;

static bool visible(const Paint *p, double wx, double wy)
{
    double m = 2.0 * p->size;
    return wx > p->x0 - m && wx < p->x1 + m && wy > p->y0 - m && wy < p->y1 + m;
}

static void blit(const Paint *p, SDL_Texture *t, double wx, double wy)
{
    if (!t)
        return;
    int w, h;
    SDL_QueryTexture(t, NULL, NULL, &w, &h);
    SDL_Rect dst = { (int)(floor(wx - w / 2.0 + 0.5) - p->ox), (int)(floor(wy - h / 2.0 + 0.5) - p->oy), w, h };
    SDL_RenderCopy(p->mr->r, t, NULL, &dst);
}

static void hex_world(const Paint *p, int col, int row, double *wx, double *wy)
{
    *wx = p->size * (1.0 + 1.5 * col);
    *wy = p->size * 1.7320508075688772 * (row + 0.5 + 0.5 * (col & 1));
}

static void paint_ground(const Paint *p)
{
    const Map *m = &p->g->map;
    for (int row = 0; row < m->height; row++)
        for (int col = 0; col < m->width; col++) {
            double x, y;
            hex_world(p, col, row, &x, &y);
            if (!visible(p, x, y))
                continue;
            Terrain t = map_terrain(m, hex_from_offset(col, row));
            blit(p, art_get(p->mr->art, (ArtId)(ART_T_OPEN + t), (int)p->size, 0), x, y);
        }
    /* Water, then roads, then walls, so each sits on the one before. */
    for (int pass = 0; pass < 3; pass++)
        for (int row = 0; row < m->height; row++)
            for (int col = 0; col < m->width; col++) {
                Hex h = hex_from_offset(col, row);
                Terrain t = map_terrain(m, h);
                double x, y;
                hex_world(p, col, row, &x, &y);
                if (!visible(p, x, y))
                    continue;
                for (int d = 0; d < HEX_DIRS; d++) {
                    Terrain nt = map_terrain(m, hex_neighbor(h, d));
                    bool link = false;
                    ArtId seg = ART_ROAD_SEG;
                    if (pass == 0 && is_river(t)) {
                        seg = ART_RIVER_SEG;
                        link = is_river(nt) || nt == TER_MARSH || (nt == TER_COUNT && (d == 0 || d == 3));
                    } else if (pass == 1 && (is_roadish(t) || (t == TER_CITY && is_roadish(nt) && nt != TER_FORD))) {
                        link = is_roadish(nt) && !(t == TER_GATE && nt == TER_GATE);
                        if (t == TER_GATE && nt == TER_CITY)
                            link = true;
                        if (t == TER_CITY)
                            link = nt == TER_GATE;
                    } else if (pass == 2 && is_wallish(t)) {
                        seg = ART_WALL_SEG;
                        link = is_wallish(nt);
                    }
                    if (link)
                        blit(p, art_get(p->mr->art, seg, (int)p->size, d), x, y);
                }
                if (pass == 0 && is_river(t))
                    blit(p, art_get(p->mr->art, ART_RIVER_NODE, (int)p->size, 0), x, y);
                if (pass == 1 && t == TER_FORD)
                    blit(p, art_get(p->mr->art, ART_FORD_MARK, (int)p->size, 0), x, y);
                if (pass == 2 && t == TER_WALL)
                    blit(p, art_get(p->mr->art, ART_WALL_NODE, (int)p->size, 0), x, y);
                if (pass == 2 && t == TER_HILL && near_town(p->g, h))
                    blit(p, art_get(p->mr->art, ART_CITADEL, (int)p->size, 0), x, y);
            }
}

/* A hexagon's outline, its corners snapped to whole world pixels. */
static void outline(const Paint *p, double cx, double cy, double size, double t, Rgba c)
{
    static const double cs[6] = { 1.0, 0.5, -0.5, -1.0, -0.5, 0.5 };
    static const double sn[6] = { 0.0, 0.8660254, 0.8660254, 0.0, -0.8660254, -0.8660254 };
    SDL_Vertex v[12];
    memset(v, 0, sizeof v);
    SDL_Color col = { c.r, c.g, c.b, c.a };
    for (int i = 0; i < 6; i++) {
        v[i].position.x = (float)(floor(cx + size * cs[i]) - p->ox);
        v[i].position.y = (float)(floor(cy + size * sn[i]) - p->oy);
        v[i + 6].position.x = (float)(floor(cx + (size - t) * cs[i]) - p->ox);
        v[i + 6].position.y = (float)(floor(cy + (size - t) * sn[i]) - p->oy);
        v[i].color = v[i + 6].color = col;
    }
    gfx_hex_band(p->mr->r, v);
}

static void paint_grid(const Paint *p)
{
    const Map *m = &p->g->map;
    bool hc = p->mr->theme.high_contrast;
    Rgba c = hc ? rgba(0x000000, 150) : rgba(0x4a4030, p->size < 15 ? 40 : 70);
    for (int row = 0; row < m->height; row++)
        for (int col = 0; col < m->width; col++) {
            double x, y;
            hex_world(p, col, row, &x, &y);
            if (visible(p, x, y))
                outline(p, x, y, p->size + 0.5, hc ? 1.5 : 1.0, c);
        }
}

static ArtId gate_art(int s)
{
    switch (s) {
    case GATE_OPEN: return ART_GATE_OPEN;
    case GATE_FORCED: return ART_GATE_FORCED;
    case GATE_BETRAYED: return ART_GATE_BETRAYED;
    default: return ART_GATE_SHUT;
    }
}

/* The mark drawn at a place: a camp, a plain place, or none (gates and
 * towns show themselves). */
static ArtId place_art(const Game *g, const Place *p)
{
    if (is_camp_place(p))
        return ART_CAMP;
    if (game_gate_at(g, p->hex) < 0 && !terrain_is_town(map_terrain(&g->map, p->hex)))
        return ART_PLACE;
    return ART_COUNT;
}

static void paint_features(const Paint *p)
{
    const Game *g = p->g;
    for (int i = 0; i < g->ngates; i++) {
        HexOffset o = hex_to_offset(g->gates[i].hex);
        double x, y;
        hex_world(p, o.col, o.row, &x, &y);
        if (visible(p, x, y))
            blit(p, art_get(p->mr->art, gate_art(g->gates[i].state), (int)p->size, 0), x, y);
    }
    for (int i = 0; i < g->map.nplaces; i++) {
        const Place *pl = &g->map.places[i];
        HexOffset o = hex_to_offset(pl->hex);
        double x, y;
        hex_world(p, o.col, o.row, &x, &y);
        ArtId a = place_art(g, pl);
        if (a != ART_COUNT && visible(p, x, y))
            blit(p, art_get(p->mr->art, a, (int)p->size, 0), x, y);
    }
}

/* Paints the layer onto the current target: (tx, ty, tw, th) is the
 * target rectangle filled, world pixel (ox, oy) at the target's (0, 0). */
static void paint(MapRender *mr, const Game *g, double size, double ox, double oy, int tx, int ty, int tw, int th)
{
    Paint p = { mr, g, size, ox, oy, ox + tx, oy + ty, ox + tx + tw, oy + ty + th };
    gfx_fill_rect(mr->r, (float)tx, (float)ty, (float)tw, (float)th, rgba(0x3b3528, 255));
    paint_ground(&p);
    paint_grid(&p);
    paint_features(&p);
}

/* ---- the cache ---------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v;
    return h * 0x100000001b3ull;
}

/* Everything the layer's pixels depend on besides the zoom. */
static uint64_t layer_key(const MapRender *mr, const Game *g)
{
    const Map *m = &g->map;
    uint64_t h = 0xcbf29ce484222325ull;
    h = mix(h, (uint64_t)m->width << 32 | (uint32_t)m->height);
    h = mix(h, mr->theme.high_contrast);
    size_t n = (size_t)m->width * (size_t)m->height;
    for (size_t i = 0; i < n; i++)
        h = mix(h, m->terrain[i]);
    for (int i = 0; i < g->ngates; i++)
        h = mix(h, (uint64_t)(uint32_t)g->gates[i].hex.q << 40 ^ (uint64_t)(uint32_t)g->gates[i].hex.r << 8 ^
                       (uint64_t)g->gates[i].state);
    for (int i = 0; i < m->nplaces; i++)
        h = mix(h, (uint64_t)(uint32_t)m->places[i].hex.q << 40 ^ (uint64_t)(uint32_t)m->places[i].hex.r << 8 ^
                       (uint64_t)place_art(g, &m->places[i]));
    return h ? h : 1;
}

static LayerTile *tile_get(Layer *l, MapRender *mr, const Game *g, uint64_t key, double size, int tx, int ty)
{
    int zoom = (int)(size * 64.0 + 0.5);   /* tiles are kept per hex size, in 1/64 px */
    LayerTile *lru = NULL;
    for (int i = 0; i < l->ntiles; i++) {
        LayerTile *t = &l->tiles[i];
        if (t->key == key && t->zoom == zoom && t->tx == tx && t->ty == ty) {
            t->used = ++l->clock;
            return t;
        }
        if (!lru || t->used < lru->used)
            lru = t;
    }
    LayerTile *t;
    if (l->ntiles < LAYER_TILES_MAX) {
        t = &l->tiles[l->ntiles++];
        memset(t, 0, sizeof *t);
    } else {
        t = lru;
    }
    if (!t->tex) {
        t->tex = SDL_CreateTexture(l->r, l->format, SDL_TEXTUREACCESS_TARGET, l->tile, l->tile);
        if (!t->tex) {
            l->broken = true;
            return NULL;
        }
        SDL_SetTextureBlendMode(t->tex, SDL_BLENDMODE_NONE);
    }
    t->key = key;
    t->zoom = zoom;
    t->tx = tx;
    t->ty = ty;
    t->used = ++l->clock;
    SDL_Texture *old = SDL_GetRenderTarget(l->r);
    if (SDL_SetRenderTarget(l->r, t->tex) != 0) {
        l->broken = true;
        return NULL;
    }
    paint(mr, g, size, (double)tx * l->tile, (double)ty * l->tile, 0, 0, l->tile, l->tile);
    SDL_SetRenderTarget(l->r, old);
    l->painted++;
    return t;
}

static int floor_div(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Draws the layer of the view of a camera at whole pixels, clipped to the
 * view (the clip is left set). */
void layer_draw(Layer *l, MapRender *mr, const Game *g, const Camera *cam)
{
    double ox = cam->x - cam->view.x, oy = cam->y - cam->view.y;
    SDL_Rect clip = cam->view;
    int wx0 = (int)cam->x, wy0 = (int)cam->y;
    int ts = l ? l->tile : LAYER_TILE;
    /* A view too big for 64 small tiles switches to big ones for good. */
    if (l && ts == LAYER_TILE && ((cam->view.w + 2 * ts - 2) / ts) * ((cam->view.h + 2 * ts - 2) / ts) > MAX_VIEW_TILES) {
        layer_flush(l);
        l->tile = ts = LAYER_TILE_BIG;
    }
    int c0 = floor_div(wx0, ts), c1 = floor_div(wx0 + cam->view.w - 1, ts);
    int r0 = floor_div(wy0, ts), r1 = floor_div(wy0 + cam->view.h - 1, ts);
    SDL_Texture *tex[MAX_VIEW_TILES];
    int n = 0;
    bool cached = l && !l->broken && !mr->uncached && (c1 - c0 + 1) * (r1 - r0 + 1) <= MAX_VIEW_TILES;
    if (cached) {
        /* Paint what is missing first: a render target resets the clip.
         * The tiles of this frame are the newest, so none is evicted. */
        uint64_t key = layer_key(mr, g);
        for (int ty = r0; ty <= r1 && cached; ty++)
            for (int tx = c0; tx <= c1 && cached; tx++) {
                LayerTile *t = tile_get(l, mr, g, key, cam_size(cam), tx, ty);
                if (t)
                    tex[n++] = t->tex;
                else
                    cached = false;
            }
    }
    SDL_RenderSetClipRect(mr->r, &clip);
    if (!cached) {
        paint(mr, g, cam_size(cam), ox, oy, cam->view.x, cam->view.y, cam->view.w, cam->view.h);
        return;
    }
    int k = 0;
    for (int ty = r0; ty <= r1; ty++)
        for (int tx = c0; tx <= c1; tx++) {
            SDL_Rect d = { tx * ts - (int)ox, ty * ts - (int)oy, ts, ts };
            SDL_RenderCopy(mr->r, tex[k++], NULL, &d);
        }
}
