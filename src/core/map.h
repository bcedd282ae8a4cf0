/* map.h - the hex map: terrain and named places. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "hex.h"

typedef enum Terrain {
    TER_OPEN,
    TER_ROAD,
    TER_ORCHARD,
    TER_BASALT,
    TER_RIVER,
    TER_FORD,
    TER_MARSH,   /* lake or marsh */
    TER_HILL,    /* hill or tell; the citadel stands on one */
    TER_CITY,
    TER_WALL,
    TER_GATE,
    TER_COUNT
} Terrain;

/* Stable lower-case name used in files and logs ("open", "orchard", ...). */
const char *terrain_name(Terrain t);
bool terrain_from_name(const char *name, Terrain *out);
/* City, wall and gate hexes make up the fortified town. */
static inline bool terrain_is_town(Terrain t) { return t == TER_CITY || t == TER_WALL || t == TER_GATE; }

enum { MAP_MAX_W = 128, MAP_MAX_H = 128, MAP_MAX_PLACES = 64, NAME_LEN = 48, ID_LEN = 32 };

typedef struct Place {
    char id[ID_LEN];
    char name[NAME_LEN];
    Hex hex;
    int owner;  /* side index, or -1 */
    int value;  /* victory points the place is worth */
    bool camp;  /* a camp: units within siege camp_radius shelter in tents */
} Place;

typedef struct Map {
    int width, height;          /* in offset columns and rows */
    uint8_t *terrain;           /* width*height, row-major by offset */
    Place places[MAP_MAX_PLACES];
    int nplaces;
} Map;

/* Allocates a map filled with TER_OPEN; false if out of memory or the size
 * is out of range. */
bool map_init(Map *m, int width, int height);
void map_free(Map *m);
/* Offset index of h (row * width + col), or -1 off the map. */
static inline int map_index(const Map *m, Hex h)
{
    HexOffset o = hex_to_offset(h);
    if (o.col < 0 || o.row < 0 || o.col >= m->width || o.row >= m->height)
        return -1;
    return o.row * m->width + o.col;
}
static inline bool map_contains(const Map *m, Hex h) { return map_index(m, h) >= 0; }
/* Terrain at h; TER_COUNT when h is off the map. */
static inline Terrain map_terrain(const Map *m, Hex h)
{
    int i = map_index(m, h);
    return i < 0 ? TER_COUNT : (Terrain)m->terrain[i];
}
void map_set_terrain(Map *m, Hex h, Terrain t);
/* Index of the place at h, or -1. */
int map_place_at(const Map *m, Hex h);
int map_place_by_id(const Map *m, const char *id);
