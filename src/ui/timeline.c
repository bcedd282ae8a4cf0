/* timeline.c - the reinforcement timeline (R): the relief each side
 * expects, rumoured, confirmed or arrived, as the viewer knows it, and the
 * relief markers on the battle map. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "ui/internal.h"
#include "ui/theatre_int.h"
#include "i18n.h"

static const Game *G(const UiApp *a)
{
    return uiapp_game(a);
}

/* ---- the reinforcement timeline ---------------------------------------- */

typedef struct Relief {
    int side;
    int unit;           /* first unit, or -1 for a column */
    int column;         /* theatre column, or -1 */
    int nunits, sp;
    int arrive, rumour, confirm;
    Hex hex;
    bool arrived;
    bool estimated;     /* arrival from a column's ETA */
} Relief;

enum { MAX_RELIEF = 32 };

static int gather(const Game *g, int viewer, Relief *out, int max)
{
    int n = 0;
    for (int u = 0; u < g->nunits; u++) {
        const Unit *un = &g->units[u];
        if (un->arrive_turn <= 0 || un->column >= 0)
            continue;
        if (un->status != UNIT_OFF_MAP && un->status != UNIT_ON_MAP)
            continue;
        bool arrived = un->status == UNIT_ON_MAP;
        /* The enemy's relief shows from the turn it is rumoured. */
        if (viewer >= 0 && un->side != viewer && !arrived) {
            int heard = un->rumour_turn > 0 ? un->rumour_turn : un->confirm_turn;
            if (heard <= 0 || heard > g->turn)
                continue;
        }
        int k;
        for (k = 0; k < n; k++)
            if (out[k].column < 0 && out[k].side == un->side && out[k].arrive == un->arrive_turn &&
                hex_eq(out[k].hex, un->arrive_hex) && out[k].arrived == arrived)
                break;
        if (k == n) {
            if (n == max)
                continue;
            memset(&out[n], 0, sizeof out[n]);
            out[n].side = un->side;
            out[n].unit = u;
            out[n].column = -1;
            out[n].arrive = un->arrive_turn;
            out[n].rumour = un->rumour_turn;
            out[n].confirm = un->confirm_turn;
            out[n].hex = un->arrive_hex;
            out[n].arrived = arrived;
            n++;
        }
        out[k].nunits++;
        out[k].sp += un->sp;
    }
    /* Columns on the road to the battle map. */
    const Siege *s = &g->siege;
    for (int c = 0; c < s->ncolumns && n < max; c++) {
        const Column *col = &s->columns[c];
        if (col->dest < 0 || col->dest >= s->nplaces || s->places[col->dest].map_place < 0)
            continue;
        if (col->state != COL_MARCHING && col->state != COL_WAITING)
            continue;
        if (!th_column_known(g, viewer, c))
            continue;
        memset(&out[n], 0, sizeof out[n]);
        out[n].side = col->side;
        out[n].unit = -1;
        out[n].column = c;
        int eta = col->state == COL_MARCHING ? siege_column_eta(g, c) : -1;
        out[n].arrive = eta >= 0 ? g->turn + eta : 0;
        if (col->state == COL_WAITING) {
            /* It sets out on a set turn or when its courier comes. */
            int start = col->depart_turn;
            if (col->after_courier >= 0 && col->after_courier < s->ncouriers) {
                const Courier *k = &s->couriers[col->after_courier];
                int km = k->km > 0 ? k->km : siege_route_km(s, k->from, k->to);
                int per = k->km_per_day * g->rules.days_per_turn;
                start = k->arrive_turn > 0 ? k->arrive_turn
                        : k->depart_turn > 0 ? k->depart_turn + (per > 0 && km > 0 ? (km + per - 1) / per : 1)
                                             : 0;
            }
            int km = siege_route_km(s, col->at, col->dest);
            int per = s->rules.pace_km[col->pace] * g->rules.days_per_turn;
            if (start > 0 && km >= 0 && per > 0)
                out[n].arrive = start + (km + per - 1) / per;
        }
        out[n].estimated = true;
        out[n].sp = col->sp;
        out[n].hex = hex_from_offset(-1, -1);
        for (int u = 0; u < g->nunits; u++)
            if (g->units[u].column == c && g->units[u].status == UNIT_OFF_MAP) {
                const Unit *un = &g->units[u];
                if (out[n].nunits == 0 || (un->rumour_turn > 0 && (out[n].rumour <= 0 || un->rumour_turn < out[n].rumour)))
                    out[n].rumour = un->rumour_turn;
                if (out[n].nunits == 0 || (un->confirm_turn > 0 && (out[n].confirm <= 0 || un->confirm_turn < out[n].confirm)))
                    out[n].confirm = un->confirm_turn;
                out[n].nunits++;
                out[n].hex = un->arrive_hex;
            }
        n++;
    }
    return n;
}

/* The battle map's relief markers: the viewer's own relief once word of
 * it has come (or at once when no rumour is scheduled: its own plans), the
 * enemy's only once confirmed. Nothing about units already on the map. */
int ui_relief_marks(const Game *g, int viewer, ReliefMark *out, int max)
{
    Relief rl[MAX_RELIEF];
    int n = gather(g, viewer, rl, MAX_RELIEF), k = 0;
    for (int i = 0; i < n && k < max; i++) {
        const Relief *q = &rl[i];
        if (q->arrived || !map_contains(&g->map, q->hex))
            continue;
        bool own = viewer < 0 || q->side == viewer;
        bool confirmed = q->confirm > 0 && q->confirm <= g->turn;
        bool rumoured = q->rumour > 0 && q->rumour <= g->turn;
        bool planned = q->rumour <= 0 && q->confirm <= 0;
        if (!(confirmed || (own && (rumoured || planned || viewer < 0))))
            continue;
        /* Two entries (a column and a unit) on one hex make one marker. */
        bool dup = false;
        for (int j = 0; j < k; j++)
            if (hex_eq(out[j].hex, q->hex) && out[j].side == q->side) {
                out[j].sp += q->sp;
                dup = true;
            }
        if (dup)
            continue;
        memset(&out[k], 0, sizeof out[k]);
        out[k].hex = q->hex;
        out[k].side = q->side;
        out[k].due = q->arrive;
        out[k].confirmed = confirmed || planned;
        out[k].estimate = q->estimated;
        out[k].sp = q->sp;
        k++;
    }
    return k;
}

static const char *relief_status(const Game *g, const Relief *rl, Rgba *c, const Palette *pl)
{
    if (rl->arrived) {
        *c = pl->dim;
        return _("arrived");
    }
    if (rl->column >= 0) {
        *c = rgba(0xe0a030, 255);
        return g->siege.columns[rl->column].state == COL_WAITING ? "not yet marching" : "on the march";
    }
    if (rl->confirm > 0 && rl->confirm <= g->turn) {
        *c = pl->good;
        return _("confirmed");
    }
    if (rl->rumour > 0 && rl->rumour <= g->turn) {
        *c = rgba(0xe0a030, 255);
        return _("rumoured");
    }
    *c = pl->dim;
    return rl->rumour > 0 || rl->confirm > 0 ? "no word yet" : "scheduled";
}

void timeline_pass(UiApp *a, Pass *p, SDL_Rect r)
{
    const Game *g = G(a);
    Palette pl = ui_palette(a);
    int viewer = ui_viewer(a);
    if (p->draw)
        gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, pl.panel);
    int x = r.x + ui_px(a, 24), y = r.y + ui_px(a, 52), w = r.w - ui_px(a, 48);
    {
        const char *intro =
            _("Who is coming, when and where they enter the battle map. Your own relief shows from the start; "
            "the enemy's only once a rumour of it reaches you, and its entry hex once it is confirmed. "
            "News of relief moves both armies' morale. If the entry hex is held by the enemy, the column "
            "waits a turn on the road.");
        /* A narrow view (a small screen at a large scale) keeps the first
         * sentence; the rest is in help. */
        if (text_wrap(a->text, intro, 0, 0, w, ui_px(a, 13), pl.dim, false) > r.h / 5)
            intro = "Who is coming, when and where they enter the battle map.";
        const char *head = _("Reinforcements and relief");
        /* Right of the view tabs, where it fits. */
        int room = (r.x + r.w - ui_px(a, 24)) - (r.x + ui_px(a, 10) + ui_tabs_width(a, r) + ui_px(a, 16));
        int hpx = ui_fit_px(a, head, ui_px(a, 20), room * 85 / 100);
        if (p->draw && text_width(a->text, head, hpx) <= room * 85 / 100)
            text_draw_bold(a->text, head, x + w, r.y + ui_px(a, 12), hpx, pl.head, TEXT_RIGHT);
        y += text_wrap(a->text, intro, x, y, w, ui_px(a, 13), pl.dim, p->draw) + ui_px(a, 12);
    }
    Relief rl[MAX_RELIEF];
    int n = gather(g, viewer, rl, MAX_RELIEF);
    int labw = ui_px(a, 330);
    if (labw > w * 2 / 5)
        labw = w * 2 / 5;
    int tx = x + labw, tw = w - labw - ui_px(a, 10);
    int T = g->max_turns > 0 ? g->max_turns : 1;
    float colw = (float)tw / (float)T;
    int fs = ui_px(a, 12), lh = text_line_height(a->text, fs);
    int rowh = ui_px(a, 46);
    int axis_y = y;
    int top = y + lh + ui_px(a, 6);
    int bottom = top + (n > 0 ? n : 1) * rowh;
    if (p->draw) {
        /* The turns, each label clear of the one before. */
        int last_right = tx - ui_px(a, 4);
        for (int t = 1; t <= T; t++) {
            float cx = (float)tx + colw * ((float)t - 0.5f);
            if (t % 2 == 0)
                gfx_fill_rect(a->r, (float)tx + colw * (float)(t - 1), (float)top, colw, (float)(bottom - top), rgba(0xffffff, 10));
            bool label = colw >= ui_px(a, 22) || t == 1 || t % 5 == 0 || t == T;
            char b[8];
            snprintf(b, sizeof b, "%d", t);
            int bw = text_width(a->text, b, fs);
            /* The last turn's label takes the place of a tick too close to it. */
            if (label && t != T && (int)cx + bw / 2 + ui_px(a, 4) > (int)((float)tx + colw * ((float)T - 0.5f)) - bw / 2)
                label = false;
            if (label && (int)cx - bw / 2 > last_right + ui_px(a, 3)) {
                text_draw(a->text, b, (int)cx, axis_y, fs, t == g->turn ? pl.accent : pl.dim, TEXT_CENTER);
                last_right = (int)cx + bw / 2;
            }
        }
        text_draw(a->text, _("turn"), tx - ui_px(a, 8), axis_y, fs, pl.dim, TEXT_RIGHT);
        /* Now. */
        float nx = (float)tx + colw * ((float)g->turn - 1);
        gfx_fill_rect(a->r, nx, (float)top, colw, (float)(bottom - top), rgba(0xd9a93a, 40));
        gfx_fill_rect(a->r, nx, (float)top, 2, (float)(bottom - top), pl.accent);
    }
    if (n == 0) {
        if (p->draw)
            text_draw(a->text, _("No relief is known to be on its way."), x, top + ui_px(a, 12), ui_px(a, 14), pl.dim, TEXT_LEFT);
        return;
    }
    for (int i = 0; i < n; i++) {
        const Relief *q = &rl[i];
        int ry = top + i * rowh;
        SDL_Rect row = { x, ry, w, rowh };
        bool own = viewer < 0 || q->side == viewer;
        bool know_hex = own || (q->confirm > 0 && q->confirm <= g->turn) || q->arrived;
        char name[160];
        if (q->column >= 0)
            snprintf(name, sizeof name, _("Column %s"), g->siege.columns[q->column].name);
        else if (q->nunits > 1)
            snprintf(name, sizeof name, _("%s and %d more"), g->units[q->unit].name, q->nunits - 1);
        else
            snprintf(name, sizeof name, "%s", g->units[q->unit].name);
        Rgba stc;
        const char *st = relief_status(g, q, &stc, &pl);
        if (p->draw) {
            if (ui_inside(row, p->mx, p->my))
                gfx_fill_rect(a->r, (float)row.x, (float)row.y, (float)row.w, (float)row.h, rgba(0xffffff, 14));
            gfx_fill_rect(a->r, (float)x, (float)(ry + ui_px(a, 6)), (float)ui_px(a, 10), (float)ui_px(a, 10), side_color(g, q->side));
            text_draw_bold(a->text, name, x + ui_px(a, 16), ry + ui_px(a, 2),
                           ui_fit_px(a, name, ui_px(a, 14), (labw - ui_px(a, 24)) * 85 / 100), side_color_light(g, q->side),
                           TEXT_LEFT);
            char b[160], hx[16];
            if (know_hex && q->hex.q != hex_from_offset(-1, -1).q)
                snprintf(b, sizeof b, _("%d SP \xC2\xB7 %s \xC2\xB7 enters at %s"), q->sp, st, hex_format(q->hex, hx, sizeof hx));
            else
                snprintf(b, sizeof b, _("%d SP \xC2\xB7 %s%s"), q->sp, st, know_hex ? "" : _(" \xC2\xB7 entry unknown"));
            if (text_width(a->text, b, ui_fit_px(a, b, fs, labw - ui_px(a, 24))) > labw - ui_px(a, 24))
                snprintf(b, sizeof b, "%s", st);   /* the rest is in the row's tooltip */
            if (text_width(a->text, b, ui_fit_px(a, b, fs, labw - ui_px(a, 24))) <= labw - ui_px(a, 24))
                text_draw(a->text, b, x + ui_px(a, 16), ry + ui_px(a, 22), ui_fit_px(a, b, fs, labw - ui_px(a, 24)), stc,
                          TEXT_LEFT);
            /* The bar: from the first word of it (or now) to the arrival. */
            float bh = (float)ui_px(a, 14), by = (float)ry + (float)rowh / 2 - bh / 2;
            int from = q->rumour > 0 ? q->rumour : q->confirm > 0 ? q->confirm : g->turn;
            if (q->column >= 0)
                from = g->turn;
            if (q->arrive > 0) {
                int to = q->arrive;
                if (from > to)
                    from = to;
                float x0 = (float)tx + colw * (float)(from - 1), x1 = (float)tx + colw * (float)to;
                Rgba sc = side_color(g, q->side);
                bool firm = q->arrived || (q->confirm > 0 && q->confirm <= g->turn) || q->column >= 0;
                if (firm) {
                    gfx_fill_rect(a->r, x0, by, x1 - x0, bh, rgba((uint32_t)sc.r << 16 | (uint32_t)sc.g << 8 | sc.b, 150));
                } else {
                    /* Rumoured: hatched. */
                    for (float hxp = x0; hxp < x1; hxp += 6)
                        gfx_fill_rect(a->r, hxp, by, 3, bh, rgba((uint32_t)sc.r << 16 | (uint32_t)sc.g << 8 | sc.b, 150));
                }
                gfx_rect_outline(a->r, x0, by, x1 - x0, bh, 1, side_color_light(g, q->side));
                /* Markers: rumour, confirmation, arrival. */
                if (q->rumour > 0 && q->column < 0) {
                    float mx = (float)tx + colw * ((float)q->rumour - 0.5f);
                    gfx_disc(a->r, mx, by + bh / 2, (float)ui_px(a, 4), rgba(0xe0a030, 255));
                }
                if (q->confirm > 0 && q->column < 0) {
                    float mx = (float)tx + colw * ((float)q->confirm - 0.5f);
                    gfx_disc(a->r, mx, by + bh / 2, (float)ui_px(a, 5), pl.good);
                    gfx_ring(a->r, mx, by + bh / 2, (float)ui_px(a, 5), 1, rgba(0x000000, 255));
                }
                float ax = (float)tx + colw * ((float)to - 0.5f);
                gfx_fill_rect(a->r, ax - 1, by - (float)ui_px(a, 8), 2, bh + (float)ui_px(a, 8), pl.head);
                gfx_fill_rect(a->r, ax + 1, by - (float)ui_px(a, 8), (float)ui_px(a, 9), (float)ui_px(a, 6), side_color_light(g, q->side));
                snprintf(b, sizeof b, "%sT%d", q->estimated || (!q->arrived && !(q->confirm > 0 && q->confirm <= g->turn) && !own) ? "~" : "", to);
                text_draw_bold(a->text, b, (int)ax + ui_px(a, 12), (int)(by - ui_px(a, 10)), fs, pl.head, TEXT_LEFT);
            } else {
                text_draw(a->text, _("arrival not yet known"), tx + ui_px(a, 8), (int)by,
                          ui_fit_px(a, "arrival not yet known", fs, tw - ui_px(a, 8)), pl.dim, TEXT_LEFT);
            }
        }
        if (ui_inside(row, p->mx, p->my)) {
            char hx[16];
            char r1[8] = "-", c1[8] = "-";
            if (q->rumour > 0)
                snprintf(r1, sizeof r1, "%d", q->rumour);
            if (q->confirm > 0)
                snprintf(c1, sizeof c1, "%d", q->confirm);
            if (q->column >= 0)
                ui_tooltip_set(p, _("%s: %d SP marching for the battle map; at its pace it arrives about turn %d. "
                                  "Click to see it on the theatre map."), name, q->sp, q->arrive);
            else
                ui_tooltip_set(p, _("%s (%s): %d SP. Rumoured on turn %s, confirmed on turn %s, arrives turn %d%s%s.%s"), name,
                               g->sides[q->side].name, q->sp, r1, c1, q->arrive, know_hex ? _(" at ") : "",
                               know_hex ? hex_format(q->hex, hx, sizeof hx) : "",
                               know_hex ? _("\nClick to show the entry hex on the battle map.") : "");
        }
        if (p->clicked && ui_inside(row, p->cx, p->cy)) {
            p->clicked = false;
            if (q->column >= 0) {
                ui_set_view(a, VIEW_THEATRE);
            } else if (know_hex && map_contains(&g->map, q->hex)) {
                ui_set_view(a, VIEW_MAP);
                cam_center_on(&a->cam, q->hex);
                a->hover = q->hex;
                a->have_hover = true;
            }
            return;
        }
    }
    if (p->draw) {
        /* The legend, wrapped to the width. */
        int ly = bottom + ui_px(a, 14);
        int lx = x;
        static const char *const words[4] = { N_("rumour"), N_("confirmed"), N_("arrival (~ an estimate)"), N_("hatched: not yet confirmed") };
        for (int k = 0; k < 4; k++) {
            int ww = 16 + text_width(a->text, _(words[k]), fs) + (k == 3 ? 14 : 0);
            if (lx > x && lx + ww > x + w) {
                lx = x;
                ly += lh + ui_px(a, 4);
            }
            if (k == 0)
                gfx_disc(a->r, (float)lx + 6, (float)(ly + lh / 2), (float)ui_px(a, 4), rgba(0xe0a030, 255));
            else if (k == 1)
                gfx_disc(a->r, (float)lx + 6, (float)(ly + lh / 2), (float)ui_px(a, 5), pl.good);
            else if (k == 2)
                gfx_fill_rect(a->r, (float)lx + 5, (float)ly, 2, (float)lh, pl.head);
            else
                for (int j = 0; j < 4; j++)
                    gfx_fill_rect(a->r, (float)lx + (float)j * 6, (float)ly + 2, 3, (float)lh - 4, pl.dim);
            lx += text_draw(a->text, _(words[k]), lx + (k == 3 ? 30 : 16), ly, fs, pl.dim, TEXT_LEFT) + ui_px(a, 30) +
                  (k == 3 ? 14 : 0);
        }
    }
}
