/* img.c - SDL2_image, opened when first needed.
 *
 * The menu draws no art, and SDL2_image brings a dozen image libraries
 * (TIFF, WebP, JPEG...) the game never uses; loading them at start cost
 * ~2-3 ms of CPU and more of the wall clock before the first menu frame.
 * So the library is opened the first time art is rasterised or a
 * screenshot saved. */
#include <stdio.h>
#include "render/render.h"

typedef SDL_Surface *(*LoadSvgFn)(SDL_RWops *src, int width, int height);
typedef int (*SavePngFn)(SDL_Surface *surface, const char *file);

static void *lib;
static LoadSvgFn load_svg;
static SavePngFn save_png;

static bool img_open(void)
{
    if (lib)
        return load_svg && save_png;
    static const char *const names[] = { "libSDL2_image-2.0.so.0", "libSDL2_image.so", "libSDL2_image-2.0.0.dylib",
                                         "libSDL2_image.dylib", "SDL2_image.dll" };
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++)
        lib = SDL_LoadObject(names[i]);
    if (!lib)
        return false;
    load_svg = (LoadSvgFn)SDL_LoadFunction(lib, "IMG_LoadSizedSVG_RW");
    save_png = (SavePngFn)SDL_LoadFunction(lib, "IMG_SavePNG");
    return load_svg && save_png;
}

bool img_available(char *why, size_t n)
{
    if (img_open())
        return true;
    snprintf(why, n, "cannot load SDL2_image (%s)", SDL_GetError());
    return false;
}

SDL_Surface *img_load_svg(SDL_RWops *rw, int w, int h)
{
    return img_open() ? load_svg(rw, w, h) : NULL;
}

int img_save_png(SDL_Surface *s, const char *path)
{
    return img_open() ? save_png(s, path) : -1;
}
