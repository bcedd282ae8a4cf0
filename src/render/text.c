/* text.c - SDL2_ttf text with a font found by fontconfig and a cache.
 *
 * The font file is read once into memory; one TTF_Font per pixel size is
 * opened from it on demand. Rendered strings are kept as textures in a
 * small LRU cache, so drawing the same label every frame costs one copy.
 * Arabic runs are shaped right-to-left through HarfBuzz (SDL2_ttf's
 * TTF_SetFontDirection and TTF_SetFontScriptName); a line is laid out as
 * left-to-right runs, which is right for the game's Latin text with
 * Arabic names in it and for pure Arabic lines. When the window speaks a
 * right-to-left language (text_set_rtl), a line holding Arabic is laid out
 * with its runs from right to left (numbers and Latin words keep their own
 * order inside their run) and text_wrap aligns its lines on the right. */
/* render.h first: path.h's PATH_MAX_HEXES enum must come before <limits.h>'s
 * macro of the same name, which fontconfig pulls in. */
#include "render/render.h"
#include <fontconfig/fontconfig.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { TEXT_CACHE = 768, TEXT_FONTS = 48, TEXT_KEY = 200, TEXT_WIDTHS = 4096 };

/* A measured width: wrapping a paragraph measures each growing prefix of
 * a line, every frame, and shaping is the dear part of drawing text. */
typedef struct WidthEntry {
    uint64_t hash;          /* of the string, 0 if empty */
    uint32_t len;
    int px;
    int w;
} WidthEntry;

typedef struct TextEntry {
    uint64_t hash;
    char key[TEXT_KEY];
    int px;
    bool bold;
    uint32_t color;
    SDL_Texture *tex;
    int w, h;
    uint64_t used;
} TextEntry;

typedef struct FontSlot {
    int px;
    bool bold;
    TTF_Font *font;
} FontSlot;

struct Text {
    SDL_Renderer *r;
    void *data[2];
    size_t size[2];
    char path[2][1024];     /* the files read (bold may be empty) */
    FontSlot fonts[TEXT_FONTS];
    int nfonts;
    TextEntry cache[TEXT_CACHE];
    uint64_t clock;
    WidthEntry widths[TEXT_WIDTHS];
    bool rtl;               /* the window's language runs right to left */
};

bool text_find_font(char *path, size_t n, bool bold)
{
    const char *env = getenv("EMESA_FONT");
    struct stat st;
    if (env && *env && stat(env, &st) == 0 && S_ISREG(st.st_mode)) {
        snprintf(path, n, "%s", env);
        return true;
    }
    char pat[256];
    snprintf(pat, sizeof pat, "%s%s", env && *env ? env : "DejaVu Sans", bold ? ":weight=bold" : "");
    FcPattern *p = FcNameParse((const FcChar8 *)pat);
    if (!p)
        return false;
    FcConfigSubstitute(NULL, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, p, &res);
    bool ok = false;
    FcChar8 *file = NULL;
    if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
        snprintf(path, n, "%s", (const char *)file);
        ok = true;
    }
    if (m)
        FcPatternDestroy(m);
    FcPatternDestroy(p);
    return ok;
}

static void *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    void *buf = sz > 0 ? malloc((size_t)sz) : NULL;
    if (buf && fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = buf ? (size_t)sz : 0;
    return buf;
}

/* A font file remembered from an earlier run, if it is still there (and
 * EMESA_FONT does not ask for another). */
static bool known_font(const char *known, char *path, size_t n)
{
    struct stat st;
    const char *env = getenv("EMESA_FONT");
    if ((env && *env) || !known || !*known || stat(known, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    snprintf(path, n, "%s", known);
    return true;
}

Text *text_new(SDL_Renderer *r, char *why, size_t n)
{
    return text_new_fonts(r, NULL, NULL, why, n);
}

Text *text_new_fonts(SDL_Renderer *r, const char *regular, const char *bold, char *why, size_t n)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(why, n, "SDL2_ttf: %s", TTF_GetError());
        return NULL;
    }
    Text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(why, n, "out of memory");
        return NULL;
    }
    t->r = r;
    for (int b = 0; b < 2; b++) {
        char path[1024];
        bool found = known_font(b == 1 ? bold : regular, path, sizeof path) || text_find_font(path, sizeof path, b == 1);
        if (found)
            snprintf(t->path[b], sizeof t->path[b], "%s", path);
        if (!found || !(t->data[b] = slurp(path, &t->size[b]))) {
            if (b == 1 && t->data[0]) {
                t->data[1] = NULL;   /* bold falls back to regular */
                continue;
            }
            snprintf(why, n, "no usable font found (set EMESA_FONT to a .ttf file)");
            text_free(t);
            return NULL;
        }
    }
    return t;
}

const char *text_font_path(const Text *t, bool bold)
{
    return t->data[bold ? 1 : 0] ? t->path[bold ? 1 : 0] : "";
}

void text_flush(Text *t)
{
    for (int i = 0; i < TEXT_CACHE; i++) {
        if (t->cache[i].tex)
            SDL_DestroyTexture(t->cache[i].tex);
        t->cache[i].tex = NULL;
        t->cache[i].hash = 0;
    }
    memset(t->widths, 0, sizeof t->widths);
}

void text_free(Text *t)
{
    if (!t)
        return;
    text_flush(t);
    for (int i = 0; i < t->nfonts; i++)
        TTF_CloseFont(t->fonts[i].font);
    free(t->data[0]);
    free(t->data[1]);
    free(t);
}

static TTF_Font *font_for(Text *t, int px, bool bold)
{
    if (px < 6)
        px = 6;
    if (bold && !t->data[1])
        bold = false;
    for (int i = 0; i < t->nfonts; i++)
        if (t->fonts[i].px == px && t->fonts[i].bold == bold)
            return t->fonts[i].font;
    int b = bold ? 1 : 0;
    SDL_RWops *rw = SDL_RWFromConstMem(t->data[b], (int)t->size[b]);
    TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!f)
        return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    if (t->nfonts == TEXT_FONTS) {
        TTF_CloseFont(t->fonts[0].font);
        memmove(t->fonts, t->fonts + 1, sizeof t->fonts[0] * (TEXT_FONTS - 1));
        t->nfonts--;
    }
    t->fonts[t->nfonts].px = px;
    t->fonts[t->nfonts].bold = bold;
    t->fonts[t->nfonts].font = f;
    t->nfonts++;
    return f;
}

/* Decodes one UTF-8 code point; advances *i. */
static uint32_t utf8_next(const char *s, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    uint32_t c = p[0];
    int len = 1;
    if (c >= 0xF0 && p[1] && p[2] && p[3]) {
        c = ((c & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
        len = 4;
    } else if (c >= 0xE0 && p[1] && p[2]) {
        c = ((c & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
        len = 3;
    } else if (c >= 0xC0 && p[1]) {
        c = ((c & 31u) << 6) | (p[1] & 63u);
        len = 2;
    }
    *i += (size_t)len;
    return c;
}

static bool is_arabic(uint32_t c)
{
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

static bool has_arabic(const char *s)
{
    size_t i = 0;
    while (s[i])
        if (is_arabic(utf8_next(s, &i)))
            return true;
    return false;
}

/* A letter or digit that runs left to right (Latin, numbers). */
static bool ltr_strong(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x024F);
}

/* The run from start in a right-to-left line, a rough bidi: a left-to-right
 * run goes from a Latin letter or digit to the last one before an Arabic
 * letter or bracket (spaces and punctuation between them kept inside);
 * everything else - Arabic and the spaces, dashes, colons and brackets
 * around it - is shaped right to left. */
static void rtl_run(const char *s, size_t len, size_t start, bool *arab, size_t *end)
{
    size_t j = start;
    bool ltr = ltr_strong(utf8_next(s, &j));
    size_t k = start, last = j;
    while (k < len) {
        size_t k2 = k;
        uint32_t c = utf8_next(s, &k2);
        if (ltr ? is_arabic(c) || c == '(' || c == ')' || c == '[' || c == ']' : ltr_strong(c))
            break;  /* brackets go with the Arabic, which mirrors them: "(28 Nov 637)" */
        if (ltr && ltr_strong(c))
            last = k2;
        k = k2;
    }
    *arab = !ltr;
    *end = ltr ? last : k;
}

/* Renders s as a surface, splitting Arabic runs out to shape them RTL;
 * with rtl, the runs are placed from right to left. */
static SDL_Surface *render_line(TTF_Font *f, const char *s, SDL_Color col, bool rtl)
{
    if (!has_arabic(s)) {
        TTF_SetFontDirection(f, TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(f, "Latn");
        return TTF_RenderUTF8_Blended(f, s, col);
    }
    SDL_Surface *parts[32];
    int np = 0, total = 0, hmax = 0;
    size_t i = 0, len = strlen(s);
    while (i < len && np < 32) {
        size_t start = i, end = i;
        size_t j = i;
        bool arab = is_arabic(utf8_next(s, &j));
        /* A run continues through neutral spaces while its script holds. */
        size_t k = start;
        while (k < len) {
            size_t k2 = k;
            uint32_t c = utf8_next(s, &k2);
            bool neutral = c == ' ' || c == 0x200C || c == 0x200D || (c >= 0x064B && c <= 0x065F);
            if (!neutral && is_arabic(c) != arab)
                break;
            k = k2;
            if (!neutral || !arab)
                end = k;
        }
        if (end == start)
            end = k > start ? k : start + 1;
        if (rtl)
            rtl_run(s, len, start, &arab, &end);
        char run[512];
        size_t rl = end - start < sizeof run - 1 ? end - start : sizeof run - 1;
        memcpy(run, s + start, rl);
        run[rl] = 0;
        if (rtl && !arab) {
            /* a Latin or number run in a right-to-left line: its spaces
             * change sides (" 1" after an Arabic word is drawn "1 ") */
            size_t lead = strspn(run, " "), tail = 0;
            while (tail < rl - lead && run[rl - 1 - tail] == ' ')
                tail++;
            if (lead != tail) {
                char tmp[512];
                snprintf(tmp, sizeof tmp, "%*s%.*s%*s", (int)tail, "", (int)(rl - lead - tail), run + lead, (int)lead, "");
                memcpy(run, tmp, rl + 1);
            }
        }
        TTF_SetFontDirection(f, arab ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(f, arab ? "Arab" : "Latn");
        SDL_Surface *su = TTF_RenderUTF8_Blended(f, run, col);
        if (su) {
            parts[np++] = su;
            total += su->w;
            if (su->h > hmax)
                hmax = su->h;
        }
        i = end;
    }
    TTF_SetFontDirection(f, TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(f, "Latn");
    if (np == 0)
        return NULL;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, total, hmax, 32, SDL_PIXELFORMAT_ARGB8888);
    int x = 0;
    for (int q = 0; q < np; q++) {
        int p = rtl ? np - 1 - q : q;
        if (out) {
            SDL_Rect dst = { x, 0, parts[p]->w, parts[p]->h };
            SDL_SetSurfaceBlendMode(parts[p], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(parts[p], NULL, out, &dst);
        }
        x += parts[p]->w;
        SDL_FreeSurface(parts[p]);
    }
    return out;
}

static uint64_t fnv(const char *s, int px, uint32_t color, bool bold)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    h = (h ^ (uint64_t)px) * 1099511628211ull;
    h = (h ^ color) * 1099511628211ull;
    h = (h ^ (bold ? 7u : 3u)) * 1099511628211ull;
    return h ? h : 1;
}

static TextEntry *lookup(Text *t, const char *s, int px, Rgba c, bool bold)
{
    if (!s || !*s)
        return NULL;
    uint32_t col = ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
    uint64_t h = fnv(s, px, col, bold);
    size_t slot = (size_t)(h % TEXT_CACHE);
    TextEntry *victim = NULL;
    for (int probe = 0; probe < 8; probe++) {
        TextEntry *e = &t->cache[(slot + (size_t)probe) % TEXT_CACHE];
        if (e->tex && e->hash == h && e->px == px && e->bold == bold && e->color == col &&
            strncmp(e->key, s, TEXT_KEY - 1) == 0) {
            e->used = ++t->clock;
            return e;
        }
        if (!victim || !e->tex || (victim->tex && e->used < victim->used))
            victim = e;
    }
    TTF_Font *f = font_for(t, px, bold);
    if (!f)
        return NULL;
    SDL_Color sc = { c.r, c.g, c.b, c.a };
    SDL_Surface *su = render_line(f, s, sc, t->rtl);
    if (!su)
        return NULL;
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    victim->tex = SDL_CreateTextureFromSurface(t->r, su);
    victim->w = su->w;
    victim->h = su->h;
    SDL_FreeSurface(su);
    if (!victim->tex)
        return NULL;
    SDL_SetTextureBlendMode(victim->tex, SDL_BLENDMODE_BLEND);
    victim->hash = h;
    victim->px = px;
    victim->bold = bold;
    victim->color = col;
    snprintf(victim->key, sizeof victim->key, "%s", s);
    victim->used = ++t->clock;
    return victim;
}

static int draw(Text *t, const char *s, int x, int y, int px, Rgba c, int align, bool bold)
{
    TextEntry *e = lookup(t, s, px, c, bold);
    if (!e)
        return 0;
    int dx = align == TEXT_CENTER ? x - e->w / 2 : align == TEXT_RIGHT ? x - e->w : x;
    SDL_Rect dst = { dx, y, e->w, e->h };
    SDL_RenderCopy(t->r, e->tex, NULL, &dst);
    return e->w;
}

int text_draw(Text *t, const char *s, int x, int y, int px, Rgba c, int align)
{
    return draw(t, s, x, y, px, c, align, false);
}

int text_draw_bold(Text *t, const char *s, int x, int y, int px, Rgba c, int align)
{
    return draw(t, s, x, y, px, c, align, true);
}

int text_width(Text *t, const char *s, int px)
{
    if (!s || !*s)
        return 0;
    uint64_t h = 1469598103934665603ull;
    uint32_t len = 0;
    for (const char *q = s; *q; q++, len++)
        h = (h ^ (unsigned char)*q) * 1099511628211ull;
    h = h ? h : 1;
    WidthEntry *we = &t->widths[(h ^ (uint64_t)px * 0x9E3779B97F4A7C15ull) % TEXT_WIDTHS];
    if (we->hash == h && we->len == len && we->px == px)
        return we->w;
    TTF_Font *f = font_for(t, px, false);
    int w = 0;
    if (!f)
        return 0;
    if (has_arabic(s)) {
        TextEntry *e = lookup(t, s, px, rgba(0xffffff, 255), false);
        w = e ? e->w : 0;
    } else {
        TTF_SizeUTF8(f, s, &w, NULL);
    }
    we->hash = h;
    we->len = len;
    we->px = px;
    we->w = w;
    return w;
}

int text_line_height(Text *t, int px)
{
    TTF_Font *f = font_for(t, px, false);
    return f ? TTF_FontLineSkip(f) : px;
}

void text_set_rtl(Text *t, bool rtl)
{
    if (t->rtl != rtl) {
        t->rtl = rtl;
        text_flush(t);  /* the cached lines were laid out the other way */
    }
}

bool text_rtl(const Text *t)
{
    return t->rtl;
}

static int wrap(Text *t, const char *s, int x, int y, int w, int px, Rgba c, bool do_draw, int *widest);

int text_wrap(Text *t, const char *s, int x, int y, int w, int px, Rgba c, bool do_draw)
{
    return wrap(t, s, x, y, w, px, c, do_draw, NULL);
}

int text_wrap_widest(Text *t, const char *s, int w, int px)
{
    int widest = 0;
    wrap(t, s, 0, 0, w, px, (Rgba){ 0, 0, 0, 0 }, false, &widest);
    return widest;
}

static int wrap(Text *t, const char *s, int x, int y, int w, int px, Rgba c, bool do_draw, int *widest)
{
    int lh = text_line_height(t, px);
    int yy = y;
    bool right = t->rtl && has_arabic(s);   /* an Arabic paragraph in an Arabic window */
    char line[512];
    const char *p = s;
    while (*p) {
        if (*p == '\n') {
            yy += lh;
            p++;
            continue;
        }
        size_t n = 0, best = 0;
        const char *q = p;
        while (*q && *q != '\n' && n < sizeof line - 1) {
            line[n++] = *q++;
            line[n] = 0;
            if (*q == ' ' || *q == 0 || *q == '\n') {
                if (text_width(t, line, px) <= w || best == 0)
                    best = n;
                else
                    break;
            }
        }
        if (best == 0)
            best = n;
        line[best] = 0;
        /* A word wider than the line (a file's path): cut it where it
         * fits, after a '/' if one is there, at a character's start. */
        if (text_width(t, line, px) > w) {
            size_t fit = 0, slash = 0;
            for (size_t k = 1; k < best; k++) {
                if (((unsigned char)line[k] & 0xC0) == 0x80)
                    continue;
                char keep = line[k];
                line[k] = 0;
                bool ok = text_width(t, line, px) <= w;
                line[k] = keep;
                if (!ok)
                    break;
                fit = k;
                if (line[k - 1] == '/')
                    slash = k;
            }
            if (fit > 0) {
                best = slash > fit / 2 ? slash : fit;
                line[best] = 0;
            }
        }
        if (do_draw)
            text_draw(t, line, right ? x + w : x, yy, px, c, right ? TEXT_RIGHT : TEXT_LEFT);
        if (widest) {
            int lw = text_width(t, line, px);
            if (lw > *widest)
                *widest = lw;
        }
        yy += lh;
        p += best;
        while (*p == ' ')
            p++;
    }
    return yy - y;
}
