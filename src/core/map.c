/* map.c - terrain storage and places. */
#include "map.h"
#include <stdlib.h>
#include <string.h>

static const char *const TERRAIN_NAMES[TER_COUNT] = {
    "open", "road", "orchard", "basalt", "river", "ford",
    "marsh", "hill", "city", "wall", "gate",
};

const char *terrain_name(Terrain t)
{
    return (t >= 0 && t < TER_COUNT) ? TERRAIN_NAMES[t] : "off-map";
}

bool terrain_from_name(const char *name, Terrain *out)
{
    for (int i = 0; i < TER_COUNT; i++) {
        if (strcmp(name, TERRAIN_NAMES[i]) == 0) {
            *out = (Terrain)i;
            return true;
        }
    }
    return false;
}

bool map_init(Map *m, int width, int height)
{
    memset(m, 0, sizeof *m);
    if (width < 1 || height < 1 || width > MAP_MAX_W || height > MAP_MAX_H)
        return false;
    m->terrain = calloc((size_t)width * (size_t)height, 1);
    if (!m->terrain)
        return false;
    m->width = width;
    m->height = height;
    return true;
}

void map_free(Map *m)
{
    free(m->terrain);
    m->terrain = NULL;
    m->width = m->height = 0;
}

void map_set_terrain(Map *m, Hex h, Terrain t)
{
    int i = map_index(m, h);
    if (i >= 0 && t >= 0 && t < TER_COUNT)
        m->terrain[i] = (uint8_t)t;
}

int map_place_at(const Map *m, Hex h)
{
    for (int i = 0; i < m->nplaces; i++)
        if (hex_eq(m->places[i].hex, h))
            return i;
    return -1;
}

int map_place_by_id(const Map *m, const char *id)
{
    for (int i = 0; i < m->nplaces; i++)
        if (strcmp(m->places[i].id, id) == 0)
            return i;
    return -1;
}
