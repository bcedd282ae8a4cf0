/* art.c - SVG art read once, rasterised once per size, kept as textures.
 *
 * Terrain tiles and map features are drawn in a 200 x 173.2 box around a
 * flat-topped hexagon (centre 100, 86.6). Segment art (roads, rivers,
 * walls) is drawn pointing north from the centre; the six rotations are
 * made here by wrapping the file's content in a rotate() group before
 * rasterising. Unit symbols are 100 x 64 boxes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "render/render.h"

enum { ART_SIZES = 10 };

static const char *const art_files[ART_COUNT] = {
    [ART_T_OPEN] = "terrain/open.svg",
    [ART_T_ROAD] = "terrain/road.svg",
    [ART_T_ORCHARD] = "terrain/orchard.svg",
    [ART_T_BASALT] = "terrain/basalt.svg",
    [ART_T_RIVER] = "terrain/river.svg",
    [ART_T_FORD] = "terrain/ford.svg",
    [ART_T_MARSH] = "terrain/marsh.svg",
    [ART_T_HILL] = "terrain/hill.svg",
    [ART_T_CITY] = "terrain/city.svg",
    [ART_T_WALL] = "terrain/wall.svg",
    [ART_T_GATE] = "terrain/gate.svg",
    [ART_ROAD_SEG] = "terrain/road-seg.svg",
    [ART_RIVER_SEG] = "terrain/river-seg.svg",
    [ART_WALL_SEG] = "terrain/wall-seg.svg",
    [ART_RIVER_NODE] = "terrain/river-node.svg",
    [ART_WALL_NODE] = "terrain/wall-node.svg",
    [ART_FORD_MARK] = "terrain/ford-mark.svg",
    [ART_GATE_SHUT] = "features/gate-shut.svg",
    [ART_GATE_OPEN] = "features/gate-open.svg",
    [ART_GATE_FORCED] = "features/gate-forced.svg",
    [ART_GATE_BETRAYED] = "features/gate-betrayed.svg",
    [ART_CITADEL] = "features/citadel.svg",
    [ART_CAMP] = "features/camp.svg",
    [ART_ZOC] = "features/zoc.svg",
    [ART_PLACE] = "features/place.svg",
    [ART_U_INFANTRY] = "units/infantry.svg",
    [ART_U_HEAVY_CAV] = "units/heavy-cav.svg",
    [ART_U_LIGHT_CAV] = "units/light-cav.svg",
    [ART_U_CAMEL] = "units/camel.svg",
    [ART_U_ARCHER] = "units/archer.svg",
    [ART_U_MILITIA] = "units/militia.svg",
    [ART_U_GENERIC] = "units/generic.svg",
    [ART_LEADER] = "units/leader.svg",
};

typedef struct ArtSized {
    int size;
    SDL_Texture *tex[6];
} ArtSized;

struct Art {
    SDL_Renderer *r;
    char *src[ART_COUNT];
    size_t len[ART_COUNT];
    ArtSized sized[ART_COUNT][ART_SIZES];
    int nsized[ART_COUNT];
    int rasters;
    bool have_colors;
    Rgba avg[TER_COUNT], center[TER_COUNT];
    Layer *layer;           /* the terrain layer's tiles, made of this art */
};

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = sz > 0 ? malloc((size_t)sz + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[sz] = 0;
    *len = buf ? (size_t)sz : 0;
    return buf;
}

Art *art_new(SDL_Renderer *r, const char *assets_dir, char *why, size_t n)
{
    Art *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(why, n, "out of memory");
        return NULL;
    }
    a->r = r;
    if (!img_available(why, n)) {
        free(a);
        return NULL;
    }
    a->layer = layer_new(r);
    for (int i = 0; i < ART_COUNT; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", assets_dir, art_files[i]);
        a->src[i] = slurp(path, &a->len[i]);
        if (!a->src[i]) {
            snprintf(why, n, "missing art %s", path);
            art_free(a);
            return NULL;
        }
    }
    return a;
}

void art_free(Art *a)
{
    if (!a)
        return;
    layer_free(a->layer);
    for (int i = 0; i < ART_COUNT; i++) {
        free(a->src[i]);
        for (int s = 0; s < a->nsized[i]; s++)
            for (int k = 0; k < 6; k++)
                if (a->sized[i][s].tex[k])
                    SDL_DestroyTexture(a->sized[i][s].tex[k]);
    }
    free(a);
}

static bool is_unit_art(ArtId id)
{
    return id >= ART_U_INFANTRY && id <= ART_LEADER;
}

static bool is_segment(ArtId id)
{
    return id == ART_ROAD_SEG || id == ART_RIVER_SEG || id == ART_WALL_SEG;
}

/* The SVG text for id, rotated by rot*60 degrees when rot > 0. */
static char *svg_source(Art *a, ArtId id, int rot, size_t *len)
{
    if (rot == 0) {
        *len = a->len[id];
        return NULL;
    }
    const char *s = a->src[id];
    const char *open = strstr(s, "<svg");
    const char *gt = open ? strchr(open, '>') : NULL;
    const char *close = strstr(s, "</svg>");
    if (!gt || !close || close < gt)
        return NULL;
    char head[64];
    int hl = snprintf(head, sizeof head, "<g transform=\"rotate(%d 100 86.6)\">", rot * 60);
    size_t pre = (size_t)(gt + 1 - s), mid = (size_t)(close - (gt + 1));
    size_t total = pre + (size_t)hl + mid + 4 + strlen(close);
    char *out = malloc(total + 1);
    if (!out)
        return NULL;
    char *p = out;
    memcpy(p, s, pre);
    p += pre;
    memcpy(p, head, (size_t)hl);
    p += hl;
    memcpy(p, gt + 1, mid);
    p += mid;
    memcpy(p, "</g>", 4);
    p += 4;
    strcpy(p, close);
    *len = total;
    return out;
}

static SDL_Surface *raster(Art *a, ArtId id, int size, int rot)
{
    int w, h;
    if (is_unit_art(id)) {
        w = size;
        h = (size * 64 + 50) / 100;
    } else {
        w = 2 * size;
        h = (int)(size * 1.7320508f + 0.5f);
    }
    size_t len = 0;
    char *rotated = svg_source(a, id, rot, &len);
    const char *src = rotated ? rotated : a->src[id];
    SDL_RWops *rw = SDL_RWFromConstMem(src, (int)len);
    SDL_Surface *su = rw ? img_load_svg(rw, w, h) : NULL;
    if (rw)
        SDL_RWclose(rw);
    free(rotated);
    a->rasters++;
    return su;
}

SDL_Texture *art_get(Art *a, ArtId id, int size, int rot)
{
    if (id < 0 || id >= ART_COUNT || size < 2)
        return NULL;
    if (!is_segment(id))
        rot = 0;
    rot = ((rot % 6) + 6) % 6;
    ArtSized *slot = NULL;
    for (int i = 0; i < a->nsized[id]; i++)
        if (a->sized[id][i].size == size) {
            slot = &a->sized[id][i];
            break;
        }
    if (slot && slot->tex[rot])
        return slot->tex[rot];
    if (!slot) {
        if (a->nsized[id] == ART_SIZES) {
            /* Drop the oldest size (sizes change only with zoom or scale). */
            for (int k = 0; k < 6; k++)
                if (a->sized[id][0].tex[k])
                    SDL_DestroyTexture(a->sized[id][0].tex[k]);
            memmove(&a->sized[id][0], &a->sized[id][1], sizeof(ArtSized) * (ART_SIZES - 1));
            a->nsized[id]--;
        }
        slot = &a->sized[id][a->nsized[id]++];
        memset(slot, 0, sizeof *slot);
        slot->size = size;
    }
    SDL_Surface *su = raster(a, id, size, rot);
    if (!su)
        return NULL;
    slot->tex[rot] = SDL_CreateTextureFromSurface(a->r, su);
    SDL_FreeSurface(su);
    if (slot->tex[rot])
        SDL_SetTextureBlendMode(slot->tex[rot], SDL_BLENDMODE_BLEND);
    return slot->tex[rot];
}

Layer *art_layer(Art *a)
{
    return a->layer;
}

int art_raster_count(const Art *a)
{
    return a->rasters;
}

static void compute_colors(Art *a)
{
    for (int t = 0; t < TER_COUNT; t++) {
        SDL_Surface *su0 = raster(a, (ArtId)(ART_T_OPEN + t), 24, 0);
        SDL_Surface *su = su0 ? SDL_ConvertSurfaceFormat(su0, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
        a->avg[t] = rgba(0x808080, 255);
        a->center[t] = rgba(0x808080, 255);
        if (su) {
            SDL_LockSurface(su);
            uint64_t sr = 0, sg = 0, sb = 0, cnt = 0;
            for (int y = 0; y < su->h; y++) {
                const uint32_t *row = (const uint32_t *)((const uint8_t *)su->pixels + y * su->pitch);
                for (int x = 0; x < su->w; x++) {
                    uint32_t p = row[x];
                    if ((p >> 24) < 200)
                        continue;
                    sr += (p >> 16) & 255;
                    sg += (p >> 8) & 255;
                    sb += p & 255;
                    cnt++;
                }
            }
            if (cnt)
                a->avg[t] = (Rgba){ (uint8_t)(sr / cnt), (uint8_t)(sg / cnt), (uint8_t)(sb / cnt), 255 };
            uint32_t c = ((const uint32_t *)((const uint8_t *)su->pixels + (su->h / 2) * su->pitch))[su->w / 2];
            a->center[t] = (Rgba){ (uint8_t)(c >> 16), (uint8_t)(c >> 8), (uint8_t)c, 255 };
            SDL_UnlockSurface(su);
            SDL_FreeSurface(su);
        }
        if (su0)
            SDL_FreeSurface(su0);
    }
    a->have_colors = true;
}

Rgba art_terrain_color(Art *a, Terrain t)
{
    if (!a->have_colors)
        compute_colors(a);
    return t < TER_COUNT ? a->avg[t] : rgba(0, 255);
}

Rgba art_terrain_center(Art *a, Terrain t)
{
    if (!a->have_colors)
        compute_colors(a);
    return t < TER_COUNT ? a->center[t] : rgba(0, 255);
}

ArtId art_unit_symbol(const char *id)
{
    if (!id)
        return ART_U_GENERIC;
    if (strstr(id, "camel"))
        return ART_U_CAMEL;
    if (strstr(id, "light") || strstr(id, "horse_arch") || strstr(id, "skirm"))
        return ART_U_LIGHT_CAV;
    if (strstr(id, "cav") || strstr(id, "horse") || strstr(id, "cataphract"))
        return ART_U_HEAVY_CAV;
    if (strstr(id, "arch") || strstr(id, "bow"))
        return ART_U_ARCHER;
    if (strstr(id, "militia") || strstr(id, "levy") || strstr(id, "garrison"))
        return ART_U_MILITIA;
    if (strstr(id, "inf") || strstr(id, "foot") || strstr(id, "spear"))
        return ART_U_INFANTRY;
    return ART_U_GENERIC;
}
