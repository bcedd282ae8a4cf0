/* theatre_lists.c - the lists beside the theatre map: columns with their
 * orders, couriers, counter-sieges and the coalition's contingents. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "ui/internal.h"
#include "ui/theatre_int.h"
#include "i18n.h"

static int list_header(UiApp *a, Pass *p, const char *t, int x, int y, int w)
{
    Palette pl = ui_palette(a);
    if (p->draw) {
        text_draw_bold(a->text, t, x, y, ui_px(a, 15), pl.accent, TEXT_LEFT);
        gfx_fill_rect(a->r, (float)x, (float)(y + ui_px(a, 21)), (float)w, 1, pl.edge);
    }
    return y + ui_px(a, 26);
}

static bool lists_body(UiApp *a, Pass *p, const Game *g, SDL_Rect r, int viewer, int x, int *yp, int w);

/* The lists beside the drawing: columns with their orders, contingents,
 * couriers. */
void th_lists(UiApp *a, Pass *p, const Game *g, SDL_Rect r, int viewer)
{
    Palette pl = ui_palette(a);
    ui_panel(a, p, r);
    /* Longer than their room (the lists under the map on a small screen):
     * they scroll with the wheel, clipped to r; what is scrolled out of r
     * takes no clicks. */
    a->th_list_rect = r;
    if (a->th_list_scroll > a->th_list_over)
        a->th_list_scroll = a->th_list_over;
    if (a->th_list_scroll < 0)
        a->th_list_scroll = 0;
    int top = r.y + ui_px(a, 10);
    int x = r.x + ui_px(a, 12), w = r.w - ui_px(a, 24), y = top - a->th_list_scroll;
    SDL_Rect clip;
    bool clipped = SDL_RenderIsClipEnabled(a->r);
    if (clipped)
        SDL_RenderGetClipRect(a->r, &clip);
    if (p->draw)
        SDL_RenderSetClipRect(a->r, &r);
    bool was_clicked = p->clicked, mouse_in = ui_inside(r, p->mx, p->my);
    if (p->clicked && !ui_inside(r, p->cx, p->cy))
        p->clicked = false;
    int mx = p->mx, my = p->my;
    if (!mouse_in)
        p->mx = p->my = -100000;
    bool whole = lists_body(a, p, g, r, viewer, x, &y, w);
    p->mx = mx;
    p->my = my;
    if (!ui_inside(r, p->cx, p->cy))
        p->clicked = was_clicked;
    if (p->draw)
        SDL_RenderSetClipRect(a->r, clipped ? &clip : NULL);
    if (!whole)
        return;     /* an order was given: the lists change; measured next frame */
    int content = y + a->th_list_scroll - top + ui_px(a, 10);
    a->th_list_over = content > r.h ? content - r.h : 0;
    if (p->draw && a->th_list_over > 0) {
        char b[96];
        snprintf(b, sizeof b, _("%s%s (wheel)"), a->th_list_scroll > 0 ? "\xE2\x96\xB2 " : "",
                 a->th_list_scroll < a->th_list_over ? _("\xE2\x96\xBC more") : _("end"));
        int spx = ui_px(a, 11), sh = text_line_height(a->text, spx);
        gfx_fill_rect(a->r, (float)(r.x + r.w / 2), (float)(r.y + r.h - sh), (float)(r.w / 2 - 1), (float)sh, pl.panel);
        text_draw(a->text, b, r.x + r.w - ui_px(a, 12), r.y + r.h - sh, spx, pl.dim, TEXT_RIGHT);
    }
}

static bool lists_body(UiApp *a, Pass *p, const Game *g, SDL_Rect r, int viewer, int x, int *yp, int w)
{
    const Siege *s = &g->siege;
    Palette pl = ui_palette(a);
    int y = *yp;
    int fs = ui_px(a, 13), lh = text_line_height(a->text, fs);
    int side = th_orders_side(a);
    y = list_header(a, p, _("Columns"), x, y, w);
    int unknown = 0, shown = 0;
    for (int c = 0; c < s->ncolumns; c++) {
        const Column *col = &s->columns[c];
        if (!th_column_known(g, viewer, c)) {
            unknown += col->state == COL_MARCHING;
            continue;
        }
        shown++;
        char b[200], line[200];
        th_column_line(g, viewer, c, line, sizeof line);
        int h2 = text_wrap(a->text, line, 0, 0, w - ui_px(a, 16), ui_px(a, 12), pl.body, false);
        SDL_Rect row = { x - 4, y - 2, w + 8, lh + h2 + 4 };
        bool can = th_column_orderable(g, side, c);
        if (p->draw) {
            if (a->th_col == c)
                gfx_fill_rect(a->r, (float)row.x, (float)row.y, (float)row.w, (float)row.h, rgba(0x4a3c1a, 255));
            gfx_fill_rect(a->r, (float)x, (float)(y + 3), (float)ui_px(a, 10), (float)ui_px(a, 10), side_color(g, col->side));
            snprintf(b, sizeof b, _("%s  \xC2\xB7 %d SP"), col->name, col->sp);
            text_draw_bold(a->text, b, x + ui_px(a, 16), y, fs, pl.head, TEXT_LEFT);
            text_draw(a->text, th_state_word(g, c), x + w, y, fs, col->state == COL_BESIEGING ? pl.bad : pl.dim, TEXT_RIGHT);
            text_wrap(a->text, line, x + ui_px(a, 16), y + lh, w - ui_px(a, 16), ui_px(a, 12), pl.body, true);
        }
        if (ui_inside(row, p->mx, p->my)) {
            char where[200];
            th_column_line(g, viewer, c, where, sizeof where);
            int l = col->leader;
            ui_tooltip_set(p, _("Column %s of the %s: %d SP, cohesion %d%s%s.\n%s.%s"), col->name, g->sides[col->side].name,
                           col->sp, col->cohesion, l >= 0 && l < g->nleaders ? _(", led by ") : "",
                           l >= 0 && l < g->nleaders ? g->leaders[l].name : "", where,
                           can ? _("\nClick to give it a destination.") : "");
        }
        if (p->clicked && ui_inside(row, p->cx, p->cy)) {
            p->clicked = false;
            if (can) {
                a->th_col = a->th_col == c ? -1 : c;
                a->th_dest = -1;
            }
        }
        y += lh + h2 + ui_px(a, 6);
        if (a->th_col == c && can) {
            if (a->th_dest < 0) {
                if (p->draw)
                    y += text_wrap(a->text, _("Click a place on the map to send it there."), x + ui_px(a, 16), y,
                                   w - ui_px(a, 16), fs, pl.accent, true);
                else
                    y += lh;
            } else {
                if (p->draw) {
                    snprintf(b, sizeof b, _("To %s, at what pace?"), s->places[a->th_dest].name);
                    text_draw(a->text, b, x + ui_px(a, 16), y, fs, pl.accent, TEXT_LEFT);
                }
                y += lh + ui_px(a, 4);
                int bw = (w - ui_px(a, 16) - 2 * ui_px(a, 4)) / 3, bh = ui_px(a, 40);
                for (int pc = 0; pc < PACE_COUNT; pc++) {
                    int eta = ui_column_eta_to(g, c, a->th_dest, pc);
                    char lab[48];
                    snprintf(lab, sizeof lab, "%s", pace_name((Pace)pc));
                    if (lab[0] >= 'a' && lab[0] <= 'z')
                        lab[0] = (char)(lab[0] - 32);
                    SDL_Rect br = { x + ui_px(a, 16) + pc * (bw + ui_px(a, 4)), y, bw, bh };
                    if (br.y < r.y || br.y + bh > r.y + r.h)
                        continue;   /* scrolled out of the lists' room */
                    if (ui_button(a, p, br, lab, false)) {
                        th_send_column(a, c, a->th_dest, pc);
                        return false;
                    }
                    if (p->draw) {
                        char e[32];
                        if (eta >= 0)
                            snprintf(e, sizeof e, _("%d km/day, T%d"), s->rules.pace_km[pc], g->turn + eta);
                        else
                            snprintf(e, sizeof e, _("no road"));
                        text_draw(a->text, e, br.x + bw / 2, br.y + bh + 2, ui_px(a, 11), pl.dim, TEXT_CENTER);
                    }
                    if (ui_inside(br, p->mx, p->my))
                        ui_tooltip_set(p, _("%s pace: %d km a day%s. %s"), lab, s->rules.pace_km[pc],
                                       eta >= 0 ? "" : _(" (no road there)"),
                                       pc == PACE_FORCED ? _("Forced marching costs cohesion and strength every turn.") :
                                       pc == PACE_MOUNTED ? _("Mounted troops only; the fastest sustainable pace.") :
                                                            _("Foot and horse together."));
                }
                y += bh + ui_px(a, 18);
            }
        }
    }
    if (p->draw) {
        if (shown == 0 && unknown == 0)
            y += text_wrap(a->text, _("No columns in this scenario."), x, y, w, fs, pl.dim, true);
        if (unknown > 0) {
            char b[160];
            snprintf(b, sizeof b, _("%d enemy column%s on the roads, %s goal%s kept secret."), unknown, unknown > 1 ? _("s are") : _(" is"),
                     unknown > 1 ? _("their") : _("its"), unknown > 1 ? "s" : "");
            y += text_wrap(a->text, b, x, y, w, fs, pl.bad, true);
        }
    } else {
        y += lh * (unknown > 0 || shown == 0);
    }
    y += ui_px(a, 8);
    if (s->ncontingents > 0) {
        y = list_header(a, p, _("Contingents and their worry for home"), x, y, w);
        for (int k = 0; k < s->ncontingents; k++) {
            const Contingent *ct = &s->contingents[k];
            bool own = viewer < 0 || ct->side == viewer;
            SDL_Rect row = { x, y, w, lh * 2 };
            bool can = side >= 0 && ct->side == side && !ct->departed;
            if (p->draw) {
                char b[160];
                int nx = x + text_draw_bold(a->text, ct->name, x, y, fs, ct->departed ? pl.dim : side_color_light(g, ct->side), TEXT_LEFT);
                snprintf(b, sizeof b, _("  home %s"), ct->home >= 0 && ct->home < s->nplaces ? s->places[ct->home].name : "?");
                /* Clear of the Release button at the row's right (the
                 * home is in the row's tooltip too). */
                int end = can ? x + w - ui_px(a, 96) - ui_px(a, 6) : x + w;
                int hpx = ui_fit_px(a, b, fs, end - nx);
                if (text_width(a->text, b, hpx) <= end - nx)
                    text_draw(a->text, b, nx, y, hpx, pl.dim, TEXT_LEFT);
                if (ct->departed) {
                    text_draw(a->text, _("gone home"), x + ui_px(a, 8), y + lh, ui_px(a, 12), pl.dim, TEXT_LEFT);
                } else if (own) {
                    float bx = (float)(x + ui_px(a, 8)), bw = (float)ui_px(a, 110), by = (float)(y + lh + ui_px(a, 4));
                    float bh = (float)ui_px(a, 7);
                    int an = ct->anxiety < 0 ? 0 : ct->anxiety > 10 ? 10 : ct->anxiety;
                    gfx_fill_rect(a->r, bx, by, bw, bh, rgba(0x0d0d0d, 255));
                    gfx_fill_rect(a->r, bx, by, bw * (float)an / 10.0f, bh,
                                  ct->anxiety - ct->loyalty > 1 ? pl.bad : ct->anxiety > 0 ? rgba(0xe0a030, 255) : pl.good);
                    snprintf(b, sizeof b, _("anxiety %d, loyalty %d"), ct->anxiety, ct->loyalty);
                    text_draw(a->text, b, (int)(bx + bw + ui_px(a, 8)), y + lh, ui_px(a, 12), pl.body, TEXT_LEFT);
                } else {
                    text_draw(a->text, _("in the siege lines"), x + ui_px(a, 8), y + lh, ui_px(a, 12), pl.dim, TEXT_LEFT);
                }
            }
            if (ui_inside(row, p->mx, p->my))
                ui_tooltip_set(p,
                               own ? _("The %s worry for %s. Each turn they may go home when a d10 rolls under their anxiety "
                                     "less their loyalty; news of enemy columns near home, a siege or its fall, and "
                                     "every contingent already gone raise it.")
                                   : _("The %s, whose home is %s. Strike at it, and the news will reach them in the siege lines."),
                               ct->name, ct->home >= 0 && ct->home < s->nplaces ? s->places[ct->home].name : "?");
            if (can && y >= r.y && y + lh + ui_px(a, 2) <= r.y + r.h) {
                int bw = ui_px(a, 96);
                SDL_Rect br = { x + w - bw, y, bw, lh + ui_px(a, 2) };
                bool armed = a->th_release == k;
                if (ui_button(a, p, br, armed ? _("Sure? Release") : _("Release"), armed)) {
                    if (armed)
                        th_release(a, k);
                    else
                        a->th_release = k;
                    return false;
                }
                if (ui_inside(br, p->mx, p->my))
                    ui_tooltip_set(p, _("Send the %s home to defend %s. They leave the siege for good (click twice)."),
                                   ct->name, ct->home >= 0 && ct->home < s->nplaces ? s->places[ct->home].name : "?");
            }
            y += 2 * lh + ui_px(a, 8);
        }
    }
    int ncour = 0;
    for (int i = 0; i < s->ncouriers; i++)
        ncour += viewer < 0 || s->couriers[i].side == viewer;
    if (ncour > 0) {
        y = list_header(a, p, _("Couriers"), x, y + ui_px(a, 4), w);
        for (int i = 0; i < s->ncouriers; i++) {
            const Courier *k = &s->couriers[i];
            if (viewer >= 0 && k->side != viewer)
                continue;
            if (p->draw) {
                char b[200];
                const char *from = k->from >= 0 && k->from < s->nplaces ? s->places[k->from].name : "?";
                const char *to = k->to >= 0 && k->to < s->nplaces ? s->places[k->to].name : "?";
                if (k->arrived)
                    snprintf(b, sizeof b, _("%s: %s \xE2\x86\x92 %s, arrived"), k->name, from, to);
                else if (k->depart_turn > 0 && k->depart_turn <= g->turn && k->arrive_turn > 0)
                    snprintf(b, sizeof b, _("%s: %s \xE2\x86\x92 %s, due turn %d"), k->name, from, to, k->arrive_turn);
                else if (k->depart_turn > 0 && k->depart_turn <= g->turn)
                    /* Its arrival is reckoned at this turn's theatre step. */
                    snprintf(b, sizeof b, _("%s: sets out from %s for %s this turn"), k->name, from, to);
                else if (k->depart_turn > 0)
                    snprintf(b, sizeof b, _("%s: leaves %s on turn %d for %s"), k->name, from, k->depart_turn, to);
                else
                    snprintf(b, sizeof b, _("%s: waiting at %s"), k->name, from);
                y += text_wrap(a->text, b, x, y, w, ui_px(a, 12), k->arrived ? pl.dim : pl.body, true);
            } else {
                y += lh;
            }
        }
    }
    *yp = y;
    return true;
}
