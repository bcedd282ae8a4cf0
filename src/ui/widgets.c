/* widgets.c - panels, buttons and tooltips (immediate mode). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "ui/internal.h"

Palette ui_palette(const UiApp *a)
{
    Palette p;
    if (a->set.high_contrast) {
        p.panel = rgba(0x000000, 245);
        p.edge = rgba(0xffffff, 255);
        p.head = rgba(0xffff00, 255);
        p.body = rgba(0xffffff, 255);
        p.dim = rgba(0xe0e0e0, 255);
        p.accent = rgba(0xffff00, 255);
        p.good = rgba(0x00ff66, 255);
        p.bad = rgba(0xff5050, 255);
        p.button = rgba(0x202020, 255);
        p.button_hover = rgba(0x505000, 255);
        p.button_text = rgba(0xffffff, 255);
    } else {
        p.panel = rgba(0x1e2125, 255);
        p.edge = rgba(0x4a4438, 255);
        p.head = rgba(0xf0dfb4, 255);
        p.body = rgba(0xdcd4c2, 255);
        p.dim = rgba(0x9d9586, 255);
        p.accent = rgba(0xd9a93a, 255);
        p.good = rgba(0x7ccc6a, 255);
        p.bad = rgba(0xe0604a, 255);
        p.button = rgba(0x3a3e44, 255);
        p.button_hover = rgba(0x555b63, 255);
        p.button_text = rgba(0xf4ead0, 255);
    }
    return p;
}

bool ui_inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void ui_panel(UiApp *a, Pass *p, SDL_Rect r)
{
    if (!p->draw)
        return;
    Palette pl = ui_palette(a);
    gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, pl.panel);
    gfx_rect_outline(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, 1, pl.edge);
}

void ui_probe(UiApp *a, SDL_Rect r, const char *label)
{
    if (a->probe_all) {
        if (a->probe_n < a->probe_max)
            a->probe_all[a->probe_n] = r;
        a->probe_n++;
    }
    if (a->probe && !a->probe_found && strcmp(a->probe, label) == 0) {
        a->probe_found = true;
        a->probe_rect = r;
    }
}

bool ui_button(UiApp *a, Pass *p, SDL_Rect r, const char *label, bool active)
{
    ui_probe(a, r, label);
    bool hot = ui_inside(r, p->mx, p->my);
    bool hit = p->clicked && ui_inside(r, p->cx, p->cy);
    if (hit)
        p->clicked = false;
    if (p->draw) {
        Palette pl = ui_palette(a);
        Rgba bg = active ? pl.accent : hot ? pl.button_hover : pl.button;
        /* A button lies on its screen's layer: the layout test flags text
         * under it instead of taking it for hidden. */
        ui_rec_suspend(true);
        gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, bg);
        gfx_rect_outline(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, 1,
                         hot ? pl.accent : pl.edge);
        ui_rec_suspend(false);
        /* A label wider than its button is set smaller (to 60 %) rather
         * than spilling over its neighbours. */
        int px = ui_px(a, 15), min_px = px * 3 / 5;
        while (px > min_px && text_width(a->text, label, px) > r.w - ui_px(a, 8))
            px--;
        int lh = text_line_height(a->text, px);
        ui_rec_button(r, label, text_width(a->text, label, px));
        ui_rec_suspend(true);
        text_draw(a->text, label, r.x + r.w / 2, r.y + (r.h - lh) / 2, px,
                  active ? rgba(0x1a1408, 255) : pl.button_text, TEXT_CENTER);
        ui_rec_suspend(false);
    }
    return hit;
}

int ui_fit_px(UiApp *a, const char *s, int px, int w)
{
    int min_px = px * 3 / 5;
    while (px > min_px && text_width(a->text, s, px) > w)
        px--;
    return px;
}

void ui_tooltip_set(Pass *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->tipbuf, sizeof p->tipbuf, fmt, ap);
    va_end(ap);
    p->tip = p->tipbuf;
}

void ui_tooltip_draw(UiApp *a, Pass *p)
{
    if (p->draw)
        snprintf(a->last_tip, sizeof a->last_tip, "%s", p->tip ? p->tip : "");
    if (!p->draw || !p->tip || !*p->tip)
        return;
    Palette pl = ui_palette(a);
    int px = ui_px(a, 14);
    int w = ui_px(a, 300);
    int h = text_wrap(a->text, p->tip, 0, 0, w, px, pl.body, false);
    /* Shrink to the longest line when short. */
    int tw = text_width(a->text, p->tip, px);
    if (tw < w && h <= text_line_height(a->text, px) + 1)
        w = tw;
    int pad = ui_px(a, 7);
    int x = p->mx + ui_px(a, 18), y = p->my + ui_px(a, 18);
    if (x + w + 2 * pad > a->W)
        x = p->mx - w - 2 * pad - ui_px(a, 8);
    if (y + h + 2 * pad > a->H)
        y = p->my - h - 2 * pad - ui_px(a, 8);
    gfx_fill_rect(a->r, (float)x + 3, (float)y + 3, (float)(w + 2 * pad), (float)(h + 2 * pad), rgba(0, 90));
    gfx_fill_rect(a->r, (float)x, (float)y, (float)(w + 2 * pad), (float)(h + 2 * pad),
                  a->set.high_contrast ? rgba(0x000000, 255) : rgba(0x2a2620, 250));
    gfx_rect_outline(a->r, (float)x, (float)y, (float)(w + 2 * pad), (float)(h + 2 * pad), 1, pl.accent);
    text_wrap(a->text, p->tip, x + pad, y + pad, w, px, pl.body, true);
}

/* A notice no screen had room for (a save's confirmation on the debrief
 * or on a small window at a large scale): a box at the window's foot. */
void ui_notice_toast(UiApp *a, Pass *p)
{
    if (!p->draw || a->status_drawn || !a->status[0] || a->status_until <= a->now)
        return;
    Palette pl = ui_palette(a);
    int px = ui_px(a, 14), pad = ui_px(a, 10);
    int w = a->W - 2 * ui_px(a, 16);
    if (w > ui_px(a, 640))
        w = ui_px(a, 640);
    int h = text_wrap(a->text, a->status, 0, 0, w - 2 * pad, px, pl.accent, false) + 2 * pad;
    SDL_Rect r = { (a->W - w) / 2, a->H - h - ui_px(a, 16), w, h };
    if (r.y < 0)
        r.y = 0;
    ui_rec_occlude(r);
    gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, rgba(0x000000, 220));
    gfx_rect_outline(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, 1, pl.accent);
    text_wrap(a->text, a->status, r.x + pad, r.y + pad, w - 2 * pad, px, pl.accent, true);
    a->status_drawn = true;
}

/* A dialog of w x h centred in the window, cut to the window less a margin. */
SDL_Rect ui_centered(const UiApp *a, int w, int h)
{
    if (w > a->W - 20)
        w = a->W - 20;
    if (h > a->H - 20)
        h = a->H - 20;
    SDL_Rect r = { (a->W - w) / 2, (a->H - h) / 2, w, h };
    return r;
}
