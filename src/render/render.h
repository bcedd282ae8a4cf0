/* render.h - the hex-map renderer: camera, art cache, text and drawing.
 *
 * The renderer only reads the game: it draws a Game through a Camera with
 * the overlays the window asks for (reachable hexes, a path, targets).
 * Art comes from SVG files under <data>/assets, read once into memory and
 * rasterised once per zoom level; text goes through SDL2_ttf with a font
 * found by fontconfig and a cache of rendered strings, so a steady frame
 * loads nothing and rasterises nothing. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <SDL.h>
#include "core/game.h"
#include "core/command.h"
#include "core/path.h"

/* ---- colours and primitives (gfx.c) ---------------------------------- */

typedef struct Rgba {
    uint8_t r, g, b, a;
} Rgba;

static inline Rgba rgba(uint32_t hex, uint8_t a)
{
    Rgba c = { (uint8_t)(hex >> 16), (uint8_t)(hex >> 8), (uint8_t)hex, a };
    return c;
}

void gfx_fill_rect(SDL_Renderer *r, float x, float y, float w, float h, Rgba c);
void gfx_rect_outline(SDL_Renderer *r, float x, float y, float w, float h, float t, Rgba c);
/* A flat-topped hexagon of outer radius `size` centred on (cx, cy). */
void gfx_fill_hex(SDL_Renderer *r, float cx, float cy, float size, Rgba c);
void gfx_hex_outline(SDL_Renderer *r, float cx, float cy, float size, float t, Rgba c);
/* The band between a hexagon's six outer corners v[0..5] and six inner
 * corners v[6..11], blended: what the outlines draw. */
void gfx_hex_band(SDL_Renderer *r, const SDL_Vertex v[12]);
void gfx_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width, Rgba c);
void gfx_disc(SDL_Renderer *r, float cx, float cy, float rad, Rgba c);
void gfx_ring(SDL_Renderer *r, float cx, float cy, float rad, float t, Rgba c);

/* ---- camera (camera.c) ----------------------------------------------- */

enum { CAM_ZOOMS = 5 };
extern const int cam_hex_sizes[CAM_ZOOMS];   /* outer radius in px per level */

typedef struct Camera {
    int zoom;           /* 0..CAM_ZOOMS-1 */
    double x, y;        /* world pixel (at this zoom) at the view's top left */
    SDL_Rect view;      /* the part of the window the map occupies */
    int map_w, map_h;   /* map size in hexes */
    float scale;        /* the UI scale (0 is taken as 1): hexes, counters and their labels grow with it */
} Camera;

float cam_size(const Camera *c);
/* Screen position of hex h's centre. */
void cam_hex_center(const Camera *c, Hex h, float *sx, float *sy);
/* The hex under screen point (sx, sy); false if off the map. */
bool cam_hex_at(const Camera *c, int sx, int sy, Hex *out);
/* World extent of the whole map at the current zoom. */
void cam_world_size(const Camera *c, double *w, double *h);
void cam_clamp(Camera *c);
void cam_center_on(Camera *c, Hex h);
void cam_pan(Camera *c, double dx, double dy);
/* Zoom by `steps` keeping the world point under (sx, sy) fixed. */
void cam_zoom_at(Camera *c, int steps, int sx, int sy);

/* ---- text (text.c) ---------------------------------------------------- */

typedef struct Text Text;

enum { TEXT_LEFT = 0, TEXT_CENTER = 1, TEXT_RIGHT = 2 };

/* Finds the font: env EMESA_FONT (a file path or a fontconfig pattern),
 * else fontconfig's match for "DejaVu Sans". Fills path. */
bool text_find_font(char *path, size_t n, bool bold);
Text *text_new(SDL_Renderer *r, char *why, size_t n);
/* text_new() trying the font files found last time first: asking
 * fontconfig costs more than the rest of opening the window's menu. */
Text *text_new_fonts(SDL_Renderer *r, const char *regular, const char *bold, char *why, size_t n);
/* The font file in use ("" if none, e.g. bold falling back to regular). */
const char *text_font_path(const Text *t, bool bold);
void text_free(Text *t);
/* Draws one line at (x, y) (top of the line) aligned by `align`; returns
 * its width. Arabic runs are shaped right-to-left. */
int text_draw(Text *t, const char *s, int x, int y, int px, Rgba c, int align);
int text_draw_bold(Text *t, const char *s, int x, int y, int px, Rgba c, int align);
int text_width(Text *t, const char *s, int px);
int text_line_height(Text *t, int px);
/* Word-wrapped paragraph in width w; returns the height used. Draws
 * nothing when `draw` is false (to measure). */
int text_wrap(Text *t, const char *s, int x, int y, int w, int px, Rgba c, bool draw);
/* The width of the widest line text_wrap makes of s in w. */
int text_wrap_widest(Text *t, const char *s, int w, int px);
/* Drops cached strings (e.g. after a scale change). */
void text_flush(Text *t);
/* Right to left (an Arabic window): lines holding Arabic place their runs
 * from the right, text_wrap aligns on the right. Flushes the cache. */
void text_set_rtl(Text *t, bool rtl);
bool text_rtl(const Text *t);

/* ---- SDL2_image, opened on first use (img.c) -------------------------- */

bool img_available(char *why, size_t n);
SDL_Surface *img_load_svg(SDL_RWops *rw, int w, int h);
int img_save_png(SDL_Surface *s, const char *path);

/* ---- art (art.c) ------------------------------------------------------ */

typedef enum ArtId {
    ART_T_OPEN, ART_T_ROAD, ART_T_ORCHARD, ART_T_BASALT, ART_T_RIVER,
    ART_T_FORD, ART_T_MARSH, ART_T_HILL, ART_T_CITY, ART_T_WALL, ART_T_GATE,
    ART_ROAD_SEG, ART_RIVER_SEG, ART_WALL_SEG,   /* 6 rotations each */
    ART_RIVER_NODE, ART_WALL_NODE, ART_FORD_MARK,
    ART_GATE_SHUT, ART_GATE_OPEN, ART_GATE_FORCED, ART_GATE_BETRAYED,
    ART_CITADEL, ART_CAMP, ART_ZOC, ART_PLACE,
    ART_U_INFANTRY, ART_U_HEAVY_CAV, ART_U_LIGHT_CAV, ART_U_CAMEL,
    ART_U_ARCHER, ART_U_MILITIA, ART_U_GENERIC, ART_LEADER,
    ART_COUNT
} ArtId;

typedef struct Art Art;

/* Reads every SVG under assets_dir into memory (nothing is read later). */
Art *art_new(SDL_Renderer *r, const char *assets_dir, char *why, size_t n);
void art_free(Art *a);
/* The texture of `id` for hex radius `size` (rotation 0..5 for segments),
 * rasterised on first use and kept. Hex-shaped art is 2*size wide; unit
 * symbols are square, `size` px. NULL if the art is missing. */
SDL_Texture *art_get(Art *a, ArtId id, int size, int rot);
/* Average colour of a terrain tile (the minimap uses it) and the colour
 * at its centre (tests compare the drawn map with it). */
Rgba art_terrain_color(Art *a, Terrain t);
Rgba art_terrain_center(Art *a, Terrain t);
/* How many rasterisations were done (tests check the cache works). */
int art_raster_count(const Art *a);
/* Unit symbol art for a unit type id ("infantry", "light_cav", ...). */
ArtId art_unit_symbol(const char *type_id);

/* ---- the map (map.c, units.c, minimap.c) ------------------------------ */

typedef struct Theme {
    bool high_contrast;
    float ui_scale;         /* 1.0 .. 3.0 */
} Theme;

Rgba side_color(const Game *g, int side);
Rgba side_color_light(const Game *g, int side);

/* Relief known to the viewer: where it enters the battle map and when. */
typedef struct ReliefMark {
    Hex hex;
    int side;
    int due;                    /* turn it is due, 0 if not known */
    bool confirmed;             /* else only rumoured */
    bool estimate;              /* due turn from a column's pace */
    int sp;
} ReliefMark;

enum { MAP_RELIEF_MAX = 12 };

/* What the window overlays on the map. Every pointer may be NULL. */
typedef struct MapOverlay {
    int viewer;                 /* side whose view it is; -1 sees all */
    const int *reach;           /* path_reachable costs, or NULL */
    int selected[CMD_MAX_UNITS];
    int nselected;
    const Path *path;           /* path preview, or NULL */
    bool show_zoc;
    bool show_coords;
    Hex targets[8];             /* attackable hexes */
    char target_label[8][16];   /* "3:1" */
    int ntargets;
    bool have_hover;
    Hex hover;
    /* Units drawn at an animated position instead of their hex. */
    int anim_unit[16];
    float anim_x[16], anim_y[16];   /* world px at the current zoom */
    int nanim;
    uint32_t flash_ms;          /* for pulsing highlights */
    ReliefMark relief[MAP_RELIEF_MAX];
    int nrelief;
} MapOverlay;

typedef struct MapRender {
    SDL_Renderer *r;
    Art *art;
    Text *text;
    Theme theme;
    bool uncached;              /* paint the terrain layer every frame (tests) */
} MapRender;

/* The terrain layer (layer.c): ground, rivers, roads, walls, the grid,
 * gates and places, kept as tiles per zoom and painted again only when
 * the zoom, the terrain, a gate's state or the contrast theme change.
 * Each Art owns one (art_layer). */
typedef struct Layer Layer;
Layer *layer_new(SDL_Renderer *r);
void layer_free(Layer *l);
/* Drops every tile (e.g. when the renderer's targets were lost). */
void layer_flush(Layer *l);
/* How many tiles were painted so far (tests check the cache works). */
int layer_painted(const Layer *l);
/* The tiles' side in px: 256, or 512 once a view needed over 64 tiles. */
int layer_tile_size(const Layer *l);
/* Draws the layer for the camera (at whole pixels) and leaves the clip
 * set to the view. With l NULL or mr->uncached it paints straight to the
 * screen, which gives the same pixels. */
void layer_draw(Layer *l, MapRender *mr, const Game *g, const Camera *cam);
Layer *art_layer(Art *a);

void render_map(MapRender *mr, const Game *g, const Camera *cam, const MapOverlay *ov);
/* Every visible unit, stacked per hex (called by render_map). */
void render_units(MapRender *mr, const Game *g, const Camera *cam, const MapOverlay *ov);
/* One unit counter with its top-left at (x, y), side `px`. */
void render_counter(MapRender *mr, const Game *g, int u, float x, float y, float px, bool selected);

typedef struct Minimap {
    SDL_Texture *base;      /* terrain, built once per game */
    int w, h;
    float cell;             /* px per hex column */
} Minimap;

void minimap_build(Minimap *mm, MapRender *mr, const Game *g, int max_w, int max_h);
void minimap_free(Minimap *mm);
void minimap_draw(Minimap *mm, MapRender *mr, const Game *g, const Camera *cam, int viewer, int x, int y);
/* The hex under a point in the minimap drawn at (x, y). */
bool minimap_hex_at(const Minimap *mm, const Game *g, int x, int y, int px, int py, Hex *out);
