/* layout_rec.c - a record of the boxes a frame draws, for the layout test.
 *
 * While a test records (uiapp_record_layout), every line of text, every
 * wrapped paragraph and every button the files of src/ui draw registers
 * its rectangle here (internal.h routes text_draw, text_draw_bold,
 * text_wrap and gfx_fill_rect through these functions). An opaque fill
 * or panel drawn later hides the text under it (a dialog over the map),
 * so only what stays visible is checked. Text under a clip rectangle (a
 * scrolled list) is kept to the part that shows; text cut sideways by
 * its clip is marked cut. Nothing is recorded unless a test asks. */
#include <string.h>
#include "ui/internal.h"
#undef text_draw
#undef text_draw_bold
#undef text_wrap
#undef gfx_fill_rect

enum { REC_MAX = 1200 };

static struct {
    bool on;
    SDL_Renderer *r;
    int suspend;
    UiBox box[REC_MAX];
    int n;
} rec;

void uiapp_record_layout(UiApp *a, bool on)
{
    rec.on = on;
    rec.r = a->r;
    rec.n = 0;
}

int uiapp_layout_boxes(const UiApp *a, const UiBox **out)
{
    (void)a;
    *out = rec.box;
    return rec.n;
}

void ui_rec_begin_frame(void)
{
    rec.n = 0;
    rec.suspend = 0;
}

void ui_rec_suspend(bool on)
{
    rec.suspend += on ? 1 : -1;
}

static bool overlap(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void add(int kind, SDL_Rect r, int text_w, const char *s)
{
    if (!rec.on || rec.suspend || rec.n >= REC_MAX || r.w <= 0 || r.h <= 0)
        return;
    UiBox *b = &rec.box[rec.n];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->r = r;
    b->text_w = text_w;
    snprintf(b->label, sizeof b->label, "%s", s ? s : "");
    if (kind != UIBOX_BUTTON && SDL_RenderIsClipEnabled(rec.r)) {
        SDL_Rect clip, in;
        SDL_RenderGetClipRect(rec.r, &clip);
        if (!SDL_IntersectRect(&r, &clip, &in))
            return;
        /* Scrolled off the top or bottom is fine; cut at the side is not. */
        if (in.w < r.w)
            b->cut = true;
        b->r = in;
    }
    rec.n++;
}

void ui_rec_occlude(SDL_Rect r)
{
    if (!rec.on || rec.suspend)
        return;
    for (int i = 0; i < rec.n; i++)
        if (rec.box[i].kind != UIBOX_HIDDEN && overlap(rec.box[i].r, r))
            rec.box[i].kind = UIBOX_HIDDEN;
}

void ui_rec_button(SDL_Rect r, const char *label, int text_w)
{
    add(UIBOX_BUTTON, r, text_w, label);
}

static void text_box(Text *t, const char *s, int x, int y, int px, int align, int w)
{
    if (!rec.on || rec.suspend || !s || !*s)
        return;
    int h = text_line_height(t, px);
    int left = align == TEXT_CENTER ? x - w / 2 : align == TEXT_RIGHT ? x - w : x;
    SDL_Rect r = {left, y, w, h};
    add(UIBOX_TEXT, r, w, s);
}

int ui_rec_text_draw(Text *t, const char *s, int x, int y, int px, Rgba c, int align, bool bold)
{
    int w = bold ? text_draw_bold(t, s, x, y, px, c, align) : text_draw(t, s, x, y, px, c, align);
    text_box(t, s, x, y, px, align, w);
    return w;
}

int ui_rec_text_wrap(Text *t, const char *s, int x, int y, int w, int px, Rgba c, bool draw)
{
    int h = text_wrap(t, s, x, y, w, px, c, draw);
    if (draw && rec.on && !rec.suspend && s && *s) {
        /* A paragraph is one box as wide as its longest line (a word
         * wider than the line would stick out: its width is kept). */
        int tw = text_wrap_widest(t, s, w, px);
        SDL_Rect r = {x, y, tw < w ? tw : w, h};
        add(UIBOX_TEXT, r, tw, s);
    }
    return h;
}

void ui_rec_fill_rect(SDL_Renderer *r, float x, float y, float w, float h, Rgba c)
{
    gfx_fill_rect(r, x, y, w, h, c);
    if (c.a >= 200) {
        SDL_Rect rr = {(int)x, (int)y, (int)w, (int)h};
        ui_rec_occlude(rr);
    }
}
