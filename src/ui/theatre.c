/* theatre.c - the theatre map (Syria - Jazira - Iraq) with its places,
 * roads, columns, counter-sieges, couriers and the coalition's
 * contingents; and the reinforcement timeline. Both are drawn in the hex
 * map's place (T and R), read the game only, and give their orders as
 * commands (send-column, release). What a side does not know stays hidden:
 * enemy columns whose goal is secret, the enemy's couriers and worries,
 * relief the enemy has not yet heard of. */
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

void ui_set_view(UiApp *a, int view)
{
    a->view = view;
    a->th_col = a->th_dest = a->th_hover = a->th_release = -1;
    a->dragging = false;
}

/* ---- layout of the theatre drawing -------------------------------------- */

typedef struct Frame {
    SDL_Rect area;
    float sc, ox, oy;
    int minx, miny;
    /* Places far beyond the rest (Medina, 1,250 km down the road) are
     * drawn pulled in to the edge of the others, their roads broken. */
    int cminx, cminy, cmaxx, cmaxy;
    uint32_t far;
} Frame;

/* A place whose every road is a long haul, lying well outside the box of
 * the other places. */
static bool is_far(const Siege *s, int i, int *bx)
{
    int nr = 0;
    for (int r = 0; r < s->nroutes; r++)
        if (s->routes[r].a == i || s->routes[r].b == i) {
            if (s->routes[r].km < 800)
                return false;
            nr++;
        }
    if (nr == 0)
        return false;
    int dim = bx[2] - bx[0] > bx[3] - bx[1] ? bx[2] - bx[0] : bx[3] - bx[1];
    int x = s->places[i].x, y = s->places[i].y;
    int out = x < bx[0] ? bx[0] - x : x > bx[2] ? x - bx[2] : 0;
    int outy = y < bx[1] ? bx[1] - y : y > bx[3] ? y - bx[3] : 0;
    return (out > outy ? out : outy) > dim / 2;
}

static void pulled(const Frame *f, const Game *g, int i, int *x, int *y)
{
    *x = g->siege.places[i].x;
    *y = g->siege.places[i].y;
    if (!(f->far >> i & 1))
        return;
    int px = (f->cmaxx - f->cminx) / 5 + 1, py = (f->cmaxy - f->cminy) / 5 + 1;
    *x = *x < f->cminx - px ? f->cminx - px : *x > f->cmaxx + px ? f->cmaxx + px : *x;
    *y = *y < f->cminy - py ? f->cminy - py : *y > f->cmaxy + py ? f->cmaxy + py : *y;
}

static Frame frame_for(const UiApp *a, const Game *g, SDL_Rect area)
{
    Frame f;
    memset(&f, 0, sizeof f);
    f.area = area;
    const Siege *s = &g->siege;
    /* The box of all places but each one in turn decides who is far. */
    for (int i = 0; i < s->nplaces && i < 32; i++) {
        int bx[4] = { 1 << 30, 1 << 30, -(1 << 30), -(1 << 30) };
        for (int j = 0; j < s->nplaces; j++) {
            if (j == i)
                continue;
            bx[0] = s->places[j].x < bx[0] ? s->places[j].x : bx[0];
            bx[1] = s->places[j].y < bx[1] ? s->places[j].y : bx[1];
            bx[2] = s->places[j].x > bx[2] ? s->places[j].x : bx[2];
            bx[3] = s->places[j].y > bx[3] ? s->places[j].y : bx[3];
        }
        if (s->nplaces > 2 && is_far(s, i, bx))
            f.far |= 1u << i;
    }
    f.cminx = f.cminy = 1 << 30;
    f.cmaxx = f.cmaxy = -(1 << 30);
    for (int i = 0; i < s->nplaces; i++) {
        if (f.far >> i & 1)
            continue;
        f.cminx = s->places[i].x < f.cminx ? s->places[i].x : f.cminx;
        f.cminy = s->places[i].y < f.cminy ? s->places[i].y : f.cminy;
        f.cmaxx = s->places[i].x > f.cmaxx ? s->places[i].x : f.cmaxx;
        f.cmaxy = s->places[i].y > f.cmaxy ? s->places[i].y : f.cmaxy;
    }
    int minx = 1 << 30, miny = 1 << 30, maxx = -(1 << 30), maxy = -(1 << 30);
    for (int i = 0; i < s->nplaces; i++) {
        int x, y;
        pulled(&f, g, i, &x, &y);
        minx = x < minx ? x : minx;
        miny = y < miny ? y : miny;
        maxx = x > maxx ? x : maxx;
        maxy = y > maxy ? y : maxy;
    }
    if (s->nplaces == 0)
        minx = miny = maxx = maxy = 0;
    int mx = ui_px(a, 90), my = ui_px(a, 70);
    if (mx > area.w / 7)
        mx = area.w / 7;
    if (my > area.h / 7)
        my = area.h / 7;
    float w = (float)(maxx - minx), h = (float)(maxy - miny);
    float sx = w > 0 ? (float)(area.w - 2 * mx) / w : 1e9f, sy = h > 0 ? (float)(area.h - 2 * my - ui_px(a, 40)) / h : 1e9f;
    f.sc = sx < sy ? sx : sy;
    if (f.sc > 1e8f)
        f.sc = 1;
    f.minx = minx;
    f.miny = miny;
    f.ox = (float)area.x + ((float)area.w - w * f.sc) / 2;
    f.oy = (float)area.y + ui_px(a, 40) + ((float)(area.h - ui_px(a, 40)) - h * f.sc) / 2;
    return f;
}

static void place_xy(const Frame *f, const Game *g, int i, float *x, float *y)
{
    int px, py;
    pulled(f, g, i, &px, &py);
    *x = f->ox + (float)(px - f->minx) * f->sc;
    *y = f->oy + (float)(py - f->miny) * f->sc;
}

static bool route_broken(const Frame *f, const Route *r)
{
    return (f->far >> r->a & 1) || (f->far >> r->b & 1);
}

/* Where column c is drawn: on its leg between two places, or at one. */
static void column_xy(const Frame *f, const Game *g, int c, float *x, float *y)
{
    const Siege *s = &g->siege;
    const Column *col = &s->columns[c];
    place_xy(f, g, col->at, x, y);
    if (col->next >= 0 && col->state == COL_MARCHING) {
        float x1, y1;
        place_xy(f, g, col->next, &x1, &y1);
        int leg = siege_route_km(s, col->at, col->next);
        float t = leg > 0 ? 1.0f - (float)col->km_left / (float)leg : 0.5f;
        t = t < 0.08f ? 0.08f : t > 0.92f ? 0.92f : t;
        *x += (x1 - *x) * t;
        *y += (y1 - *y) * t;
    }
}

static void dashed(SDL_Renderer *r, float x0, float y0, float x1, float y1, float w, float dash, Rgba c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 1)
        return;
    for (float t = 0; t < len; t += 2 * dash) {
        float e = t + dash < len ? t + dash : len;
        gfx_line(r, x0 + dx * t / len, y0 + dy * t / len, x0 + dx * e / len, y0 + dy * e / len, w, c);
    }
}

/* ---- the tabs ------------------------------------------------------------ */

/* The three tabs' width: 122 px each at 100 %, less when the map is narrow. */
int ui_tabs_width(const UiApp *a, SDL_Rect mr)
{
    int w = 3 * ui_px(a, 122) + 2 * ui_px(a, 4);
    return w < mr.w - ui_px(a, 20) ? w : mr.w - ui_px(a, 20);
}

void view_tabs_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    static const char *const names[3] = { N_("Battle map"), N_("Theatre  T"), N_("Relief  R") };
    static const char *const short_names[3] = { N_("Map"), N_("Theatre"), N_("Relief") };
    static const char *const tips[3] = {
        N_("The hex map around the town."),
        N_("The theatre map, Syria to Iraq: places and roads, columns on the march, counter-sieges, couriers and "
        "the coalition's contingents with their worry for home (T)."),
        N_("The reinforcement timeline: relief on its way, rumoured or confirmed, with the turn and hex it arrives (R)."),
    };
    int w = (ui_tabs_width(a, mr) - 2 * ui_px(a, 4)) / 3, h = ui_px(a, 30), x = mr.x + ui_px(a, 10), y = mr.y + ui_px(a, 8);
    for (int i = 0; i < 3; i++) {
        SDL_Rect r = { x + i * (w + ui_px(a, 4)), y, w, h };
        /* Narrow tabs (a small screen at 200 %) take the short names. */
        const char *name = text_width(a->text, _(names[i]), ui_px(a, 15) * 3 / 5) > w - ui_px(a, 8) ? _(short_names[i]) : _(names[i]);
        if (ui_button(a, p, r, name, a->view == i))
            ui_set_view(a, a->view == i && i != VIEW_MAP ? VIEW_MAP : i);
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, "%s", _(tips[i]));
    }
}

/* ---- the theatre map ------------------------------------------------------ */

void th_send_column(UiApp *a, int c, int dest, int pace)
{
    const Game *g = G(a);
    Command cmd;
    memset(&cmd, 0, sizeof cmd);
    cmd.type = CMD_SEND_COLUMN;
    cmd.side = g->active;
    cmd.arg = c;
    cmd.arg2 = dest;
    cmd.arg3 = pace;
    if (ui_apply(a, &cmd))
        ui_notice(a, _("Column %s marches for %s."), g->siege.columns[c].name, g->siege.places[dest].name);
    a->th_col = a->th_dest = -1;
}

void th_release(UiApp *a, int k)
{
    const Game *g = G(a);
    Command cmd;
    memset(&cmd, 0, sizeof cmd);
    cmd.type = CMD_RELEASE;
    cmd.side = g->active;
    cmd.arg = k;
    ui_apply(a, &cmd);
    a->th_release = -1;
}

static void draw_places_and_roads(UiApp *a, Pass *p, const Game *g, const Frame *f, int viewer)
{
    const Siege *s = &g->siege;
    Palette pl = ui_palette(a);
    int fs = ui_px(a, 12);
    Rgba road = a->set.high_contrast ? rgba(0xffffff, 255) : rgba(0x8a6a3e, 255);
    for (int i = 0; i < s->nroutes; i++) {
        float x0, y0, x1, y1;
        place_xy(f, g, s->routes[i].a, &x0, &y0);
        place_xy(f, g, s->routes[i].b, &x1, &y1);
        gfx_line(a->r, x0, y0, x1, y1, (float)ui_px(a, 3), road);
        if (route_broken(f, &s->routes[i])) {
            /* Not to scale: two slashes across the road, a third of the way. */
            float mx = x0 + (x1 - x0) * 0.3f, my = y0 + (y1 - y0) * 0.3f;
            float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
            if (len > 1) {
                float ux = dx / len, uy = dy / len, k = (float)ui_px(a, 9);
                for (int t = -1; t <= 1; t += 2) {
                    float cx = mx + ux * (float)t * (float)ui_px(a, 3), cy = my + uy * (float)t * (float)ui_px(a, 3);
                    gfx_line(a->r, cx - uy * k - ux * 3, cy + ux * k - uy * 3, cx + uy * k + ux * 3, cy - ux * k + uy * 3,
                             (float)ui_px(a, 3), rgba(0xe6d8b4, 255));
                    gfx_line(a->r, cx - uy * k - ux * 3, cy + ux * k - uy * 3, cx + uy * k + ux * 3, cy - ux * k + uy * 3,
                             1, road);
                }
            }
        }
    }
    /* Distances on the roads. */
    for (int i = 0; i < s->nroutes; i++) {
        float x0, y0, x1, y1;
        place_xy(f, g, s->routes[i].a, &x0, &y0);
        place_xy(f, g, s->routes[i].b, &x1, &y1);
        char b[24];
        snprintf(b, sizeof b, _("%d km"), s->routes[i].km);
        int tw = text_width(a->text, b, fs), th = text_line_height(a->text, fs);
        float mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
        gfx_fill_rect(a->r, mx - tw / 2.0f - 3, my - th / 2.0f, (float)tw + 6, (float)th, rgba(0xf3ead2, 235));
        gfx_rect_outline(a->r, mx - tw / 2.0f - 3, my - th / 2.0f, (float)tw + 6, (float)th, 1, road);
        text_draw(a->text, b, (int)mx, (int)(my - th / 2.0f), fs, rgba(0x3b2a14, 255), TEXT_CENTER);
    }
    (void)p;
    for (int i = 0; i < s->nplaces; i++) {
        const TheatrePlace *tp = &s->places[i];
        float x, y;
        place_xy(f, g, i, &x, &y);
        bool town = tp->map_place >= 0 && (tp->map_place == g->town_place || g->town_place < 0);
        float rad = (float)ui_px(a, town ? 13 : 9);
        Rgba fill = tp->owner >= 0 ? side_color(g, tp->owner) : rgba(0x8c8c8c, 255);
        int st = th_place_state(g, viewer, i);
        if (st == PS_BESIEGED || st == PS_FALLEN || st == PS_THREAT) {
            Rgba rc = st == PS_THREAT ? rgba(0xe0a030, 230) : rgba(0xc0281c, 240);
            float pulse = st == PS_BESIEGED ? (float)ui_px(a, 9) : (float)ui_px(a, 6);
            gfx_ring(a->r, x, y, rad + pulse, (float)ui_px(a, st == PS_THREAT ? 2 : 4), rc);
        }
        if (a->th_hover == i)
            gfx_disc(a->r, x, y, rad + (float)ui_px(a, 5), rgba(0xffffff, 150));
        if (a->th_col >= 0 && a->th_dest == i)
            gfx_ring(a->r, x, y, rad + (float)ui_px(a, 6), (float)ui_px(a, 3), pl.accent);
        gfx_disc(a->r, x, y, rad, rgba(0x1b1711, 255));
        gfx_disc(a->r, x, y, rad - (float)ui_px(a, 2), fill);
        if (town)
            gfx_ring(a->r, x, y, rad - (float)ui_px(a, 5), (float)ui_px(a, 2), rgba(0xf3ead2, 255));
        if (st == PS_FALLEN) {
            float d = rad * 0.7f;
            gfx_line(a->r, x - d, y - d, x + d, y + d, (float)ui_px(a, 3), rgba(0xf3ead2, 255));
            gfx_line(a->r, x - d, y + d, x + d, y - d, (float)ui_px(a, 3), rgba(0xf3ead2, 255));
        }
    }
}

/* The labels: each place's name, its state and the contingents whose home
 * it is, as one block placed clear of the others, of the roads' distances,
 * the column counters and the legend (drawn after them). */
static void draw_place_labels(UiApp *a, Pass *p, const Game *g, const Frame *f, int viewer)
{
    const Siege *s = &g->siege;
    int fs = ui_px(a, 12);
    SDL_Rect km[THEATRE_MAX_ROUTES + 64];
    int nkm = 0;
    for (int i = 0; i < s->nroutes && i < THEATRE_MAX_ROUTES; i++) {
        float x0, y0, x1, y1;
        place_xy(f, g, s->routes[i].a, &x0, &y0);
        place_xy(f, g, s->routes[i].b, &x1, &y1);
        char b[24];
        snprintf(b, sizeof b, _("%d km"), s->routes[i].km);
        int tw = text_width(a->text, b, fs), th = text_line_height(a->text, fs);
        km[nkm++] = (SDL_Rect){ (int)((x0 + x1) / 2 - tw / 2.0f - 3), (int)((y0 + y1) / 2 - th / 2.0f), tw + 6, th };
    }
    for (int i = 0; i < a->th_nobst && nkm < (int)(sizeof km / sizeof km[0]); i++)
        km[nkm++] = a->th_obst[i];
    ThLabel lab[TH_MAX_LABELS];
    char homes[TH_MAX_LABELS][200];
    int n = s->nplaces < TH_MAX_LABELS ? s->nplaces : TH_MAX_LABELS;
    for (int i = 0; i < n; i++) {
        homes[i][0] = 0;
        int nh = 0;
        for (int k = 0; k < s->ncontingents; k++) {
            const Contingent *ct = &s->contingents[k];
            if (ct->home != i)
                continue;
            size_t len = strlen(homes[i]);
            snprintf(homes[i] + len, sizeof homes[i] - len, "%s%s%s", nh ? ", " : "\xE2\x9A\x91 ", ct->name,
                     ct->departed ? " (gone home)" : "");
            nh++;
        }
    }
    SDL_Rect area = f->area;
    area.y += ui_px(a, 40);   /* under the tabs */
    area.h -= ui_px(a, 40);
    bool leader[TH_MAX_LABELS];
    /* Where the map is crowded: first without the contingents' line (the
     * list beside the map names their homes), then in smaller type. */
    static const float factors[5] = { 1.0f, 1.0f, 0.85f, 0.72f, 0.6f };
    bool with_homes = true;
    float fac = 1.0f;
    long best = -1;
    SDL_Rect best_r[TH_MAX_LABELS];
    bool best_l[TH_MAX_LABELS];
    int best_v = 0;
    for (int v = 0; v < 5; v++) {
        bool wh = v == 0;
        float fc = factors[v];
        int tfs = (int)(fs * fc + 0.5f);
        for (int i = 0; i < n; i++) {
            const TheatrePlace *tp = &s->places[i];
            bool town = tp->map_place >= 0 && (tp->map_place == g->town_place || g->town_place < 0);
            int st = th_place_state(g, viewer, i);
            place_xy(f, g, i, &lab[i].x, &lab[i].y);
            lab[i].r = (float)ui_px(a, town ? 13 : 9) + (st ? (float)ui_px(a, 9) : 0);
            int nfs = (int)(ui_px(a, town ? 16 : 14) * fc + 0.5f);
            lab[i].w = text_width(a->text, tp->name, nfs) + 8;
            lab[i].h = text_line_height(a->text, nfs);
            const char *tag = st == PS_FALLEN ? _("fallen") : st == PS_BESIEGED ? _("besieged") : st == PS_THREAT ? _("threatened") : NULL;
            if (tag) {
                int tw = text_width(a->text, tag, tfs) + 8;
                lab[i].w = tw > lab[i].w ? tw : lab[i].w;
                lab[i].h += text_line_height(a->text, tfs);
            }
            if (wh && homes[i][0]) {
                int hw = text_width(a->text, homes[i], tfs) + 6;
                lab[i].w = hw > lab[i].w ? hw : lab[i].w;
                lab[i].h += text_line_height(a->text, tfs);
            }
        }
        long c = th_place_labels(lab, n, area, km, nkm, ui_px(a, 3), a->th_labels, leader);
        if (best < 0 || c < best) {
            best = c;
            best_v = v;
            memcpy(best_r, a->th_labels, sizeof best_r);
            memcpy(best_l, leader, sizeof best_l);
        }
        if (c == 0)
            break;
    }
    with_homes = best_v == 0;
    fac = factors[best_v];
    memcpy(a->th_labels, best_r, sizeof best_r);
    memcpy(leader, best_l, sizeof best_l);
    a->th_nlabels = n;
    fs = (int)(fs * fac + 0.5f);
    for (int i = 0; i < n; i++)   /* the places again, for the leader lines */
        place_xy(f, g, i, &lab[i].x, &lab[i].y);
    if (!p->draw)
        return;
    for (int i = 0; i < n; i++) {
        const TheatrePlace *tp = &s->places[i];
        bool town = tp->map_place >= 0 && (tp->map_place == g->town_place || g->town_place < 0);
        int st = th_place_state(g, viewer, i);
        SDL_Rect r = a->th_labels[i];
        float cx = (float)r.x + r.w / 2.0f;
        if (leader[i]) {
            /* A line from the place to the nearest point of its label. */
            float nx = lab[i].x < r.x ? (float)r.x : lab[i].x > r.x + r.w ? (float)(r.x + r.w) : lab[i].x;
            float ny = lab[i].y < r.y ? (float)r.y : lab[i].y > r.y + r.h ? (float)(r.y + r.h) : lab[i].y;
            gfx_line(a->r, lab[i].x, lab[i].y, nx, ny, (float)ui_px(a, 1), rgba(0x21180c, 220));
        }
        int nfs = (int)(ui_px(a, town ? 16 : 14) * fac + 0.5f);
        int ty = r.y;
        int nw = text_width(a->text, tp->name, nfs);
        gfx_fill_rect(a->r, cx - nw / 2.0f - 4, (float)ty, (float)nw + 8, (float)text_line_height(a->text, nfs),
                      rgba(0xf3ead2, 200));
        text_draw_bold(a->text, tp->name, (int)cx, ty, nfs, rgba(0x21180c, 255), TEXT_CENTER);
        ty += text_line_height(a->text, nfs);
        const char *tag = st == PS_FALLEN ? _("fallen") : st == PS_BESIEGED ? _("besieged") : st == PS_THREAT ? _("threatened") : NULL;
        if (tag) {
            text_draw_bold(a->text, tag, (int)cx, ty, fs, st == PS_THREAT ? rgba(0x9a5a00, 255) : rgba(0xa01a10, 255),
                           TEXT_CENTER);
            ty += text_line_height(a->text, fs);
        }
        if (with_homes && homes[i][0]) {
            int ncs = 0;
            for (int k = 0; k < s->ncontingents; k++)
                if (s->contingents[k].home == i)
                    ncs = s->contingents[k].side;
            int hw = text_width(a->text, homes[i], fs);
            gfx_fill_rect(a->r, cx - hw / 2.0f - 3, (float)ty, (float)hw + 6, (float)text_line_height(a->text, fs),
                          rgba(0xf3ead2, 170));
            text_draw(a->text, homes[i], (int)cx, ty, fs, side_color(g, ncs), TEXT_CENTER);
        }
    }
}

static void draw_couriers(UiApp *a, const Game *g, const Frame *f, int viewer)
{
    const Siege *s = &g->siege;
    for (int i = 0; i < s->ncouriers; i++) {
        const Courier *k = &s->couriers[i];
        if (viewer >= 0 && k->side != viewer)
            continue;
        if (k->depart_turn <= 0 || k->arrived || k->depart_turn > g->turn || k->from < 0 || k->to < 0)
            continue;
        float x0, y0, x1, y1;
        place_xy(f, g, k->from, &x0, &y0);
        place_xy(f, g, k->to, &x1, &y1);
        dashed(a->r, x0, y0, x1, y1, (float)ui_px(a, 2), (float)ui_px(a, 6), side_color_light(g, k->side));
        int span = k->arrive_turn - k->depart_turn;
        float t = span > 0 ? ((float)(g->turn - k->depart_turn) + 0.5f) / (float)span : 0.5f;
        t = t < 0.1f ? 0.1f : t > 0.9f ? 0.9f : t;
        float x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
        float w = (float)ui_px(a, 18), h = (float)ui_px(a, 12);
        gfx_fill_rect(a->r, x - w / 2, y - h / 2, w, h, rgba(0xf7f0dc, 255));
        gfx_rect_outline(a->r, x - w / 2, y - h / 2, w, h, 1, rgba(0x21180c, 255));
        gfx_line(a->r, x - w / 2, y - h / 2, x, y + 1, 1, rgba(0x21180c, 255));
        gfx_line(a->r, x + w / 2, y - h / 2, x, y + 1, 1, rgba(0x21180c, 255));
        char b[64];
        /* Its arrival is reckoned at the turn's theatre step: until then it sets out. */
        if (k->arrive_turn > 0)
            snprintf(b, sizeof b, _("%s, due turn %d"), k->name, k->arrive_turn);
        else
            snprintf(b, sizeof b, _("%s, sets out"), k->name);
        text_draw(a->text, b, (int)x, (int)(y + h / 2 + 2), ui_px(a, 12), rgba(0x21180c, 255), TEXT_CENTER);
    }
}

/* The counters of the columns; returns the column under the pointer. */
static int draw_columns(UiApp *a, Pass *p, const Game *g, const Frame *f, int viewer, int *hit_click)
{
    const Siege *s = &g->siege;
    Palette pl = ui_palette(a);
    int hover = -1;
    *hit_click = -1;
    /* Several columns at one place stack upwards. */
    int stack[THEATRE_MAX_PLACES], at_place[THEATRE_MAX_PLACES];
    memset(stack, 0, sizeof stack);
    memset(at_place, 0, sizeof at_place);
    for (int c = 0; c < s->ncolumns; c++) {
        const Column *col = &s->columns[c];
        if (th_column_known(g, viewer, c) && col->at >= 0 && col->at < s->nplaces && !(col->next >= 0 && col->state == COL_MARCHING) &&
            !(col->state == COL_DONE && s->places[col->at].map_place >= 0))
            at_place[col->at]++;
    }
    for (int c = 0; c < s->ncolumns; c++) {
        const Column *col = &s->columns[c];
        if (!th_column_known(g, viewer, c) || col->at < 0 || col->at >= s->nplaces)
            continue;
        if (col->state == COL_DONE && col->at >= 0 && s->places[col->at].map_place >= 0)
            continue;   /* it has reached the battle map */
        float x, y;
        column_xy(f, g, c, &x, &y);
        bool moving = col->next >= 0 && col->state == COL_MARCHING;
        /* Its road ahead. */
        bool goal_known = viewer < 0 || col->side == viewer || !col->hidden;
        if (col->state == COL_MARCHING && col->dest >= 0 && goal_known) {
            float px0 = x, py0 = y;
            int u = col->next >= 0 ? col->next : col->at;
            if (col->next < 0) {
                u = th_next_hop(s, col->at, col->dest);
            }
            for (int guard = 0; u >= 0 && guard < THEATRE_MAX_PLACES; guard++) {
                float ux, uy;
                place_xy(f, g, u, &ux, &uy);
                dashed(a->r, px0, py0, ux, uy, (float)ui_px(a, 3), (float)ui_px(a, 7), side_color(g, col->side));
                px0 = ux;
                py0 = uy;
                if (u == col->dest)
                    break;
                u = th_next_hop(s, u, col->dest);
            }
        }
        float w = (float)ui_px(a, 40), h = (float)ui_px(a, 24);
        float cx = x - w / 2, cy = y - h / 2;
        bool left_label = false, group = false;
        int k = 0;
        if (!moving) {
            k = stack[col->at]++;
            /* Beside the place, on the side with room for the label; more
             * than two side by side in a row, named in the list. */
            left_label = x > (float)(f->area.x + f->area.w) - (float)ui_px(a, 220);
            group = at_place[col->at] > 2;
            if (group) {
                float step = w + (float)ui_px(a, 3);
                float row0 = x - (float)(at_place[col->at]) * step / 2;
                float right = (float)(f->area.x + f->area.w - ui_px(a, 6));
                if (row0 + (float)at_place[col->at] * step > right)
                    row0 = right - (float)at_place[col->at] * step;
                cx = row0 + (float)k * step;
                cy = y - h - (float)ui_px(a, 16);
            } else {
                cx = left_label ? x - w - (float)ui_px(a, 16) : x + (float)ui_px(a, 16);
                cy = y - h - (float)ui_px(a, 14) - (float)k * (h + ui_px(a, 3));
            }
        }
        SDL_Rect box = { (int)cx, (int)cy, (int)w, (int)h };
        if (a->th_nobst < (int)(sizeof a->th_obst / sizeof a->th_obst[0]))
            a->th_obst[a->th_nobst++] = group && k == 0 ? (SDL_Rect){ (int)cx, (int)cy - ui_px(a, 18), (int)w, (int)h + ui_px(a, 18) }
                                                        : box;
        if (group && k == 0 && a->th_nobst < (int)(sizeof a->th_obst / sizeof a->th_obst[0])) {
            int gw = text_width(a->text, _("3 columns waiting"), ui_px(a, 12));
            a->th_obst[a->th_nobst++] = (SDL_Rect){ (int)x - gw / 2, (int)cy - ui_px(a, 17), gw, ui_px(a, 16) };
        }
        if (a->probe_col == c && !a->probe_found) {
            a->probe_found = true;
            a->probe_rect = box;
        }
        bool hot = ui_inside(box, p->mx, p->my);
        if (hot)
            hover = c;
        if (p->clicked && ui_inside(box, p->cx, p->cy))
            *hit_click = c;
        if (!p->draw)
            continue;
        if (a->th_col == c)
            gfx_fill_rect(a->r, cx - 4, cy - 4, w + 8, h + 8, pl.accent);
        gfx_fill_rect(a->r, cx + 2, cy + 2, w, h, rgba(0x000000, 90));
        gfx_fill_rect(a->r, cx, cy, w, h, side_color(g, col->side));
        gfx_rect_outline(a->r, cx, cy, w, h, 1, hot ? rgba(0xffffff, 255) : rgba(0x1b1711, 255));
        /* A marching man: the NATO-ish mark of a column, a chevron. */
        float mx = cx + ui_px(a, 9), my = cy + h / 2;
        gfx_line(a->r, mx - 5, my - 5, mx + 1, my, 2, rgba(0xffffff, 230));
        gfx_line(a->r, mx + 1, my, mx - 5, my + 5, 2, rgba(0xffffff, 230));
        char b[16];
        snprintf(b, sizeof b, "%d", col->sp);
        text_draw_bold(a->text, b, (int)(cx + w - ui_px(a, 5)), (int)(cy + (h - text_line_height(a->text, ui_px(a, 13))) / 2),
                       ui_px(a, 13), rgba(0xffffff, 255), TEXT_RIGHT);
        if (group) {
            if (k == 0) {
                char gb[64];
                snprintf(gb, sizeof gb, _("%d columns %s"), at_place[col->at], col->state == COL_WAITING ? _("waiting") : _("here"));
                text_draw_bold(a->text, gb, (int)x, (int)cy - ui_px(a, 16), ui_px(a, 12), rgba(0x21180c, 255), TEXT_CENTER);
            }
            continue;
        }
        int lx = left_label ? (int)(cx - ui_px(a, 5)) : (int)(cx + w + ui_px(a, 5));
        int al = left_label ? TEXT_RIGHT : TEXT_LEFT;
        text_draw_bold(a->text, col->name, lx, (int)cy, ui_px(a, 12), rgba(0x21180c, 255), al);
        char st[64];
        if (col->state == COL_MARCHING && col->dest >= 0 && goal_known)
            snprintf(st, sizeof st, _("\xE2\x86\x92 %s, due T%d"), s->places[col->dest].name, g->turn + siege_column_eta(g, c));
        else
            snprintf(st, sizeof st, "%s", th_state_word(g, c));
        text_draw(a->text, st, lx, (int)cy + ui_px(a, 12), ui_px(a, 11), rgba(0x3b2a14, 255), al);
    }
    return hover;
}

static int place_at(const UiApp *a, const Game *g, const Frame *f, int x, int y)
{
    int best = -1;
    float bd = (float)ui_px(a, 22);
    bd *= bd;
    for (int i = 0; i < g->siege.nplaces; i++) {
        float px, py;
        place_xy(f, g, i, &px, &py);
        float d = (px - x) * (px - x) + (py - y) * (py - y);
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    return best;
}

/* A scale bar from the roads' km against their drawn lengths. */
static void scale_bar(UiApp *a, const Game *g, const Frame *f, int x, int y)
{
    const Siege *s = &g->siege;
    double sum = 0;
    int n = 0;
    for (int i = 0; i < s->nroutes; i++) {
        float x0, y0, x1, y1;
        place_xy(f, g, s->routes[i].a, &x0, &y0);
        place_xy(f, g, s->routes[i].b, &x1, &y1);
        double px = sqrt((double)(x1 - x0) * (x1 - x0) + (double)(y1 - y0) * (y1 - y0));
        if (px > 1 && s->routes[i].km > 0 && !route_broken(f, &s->routes[i])) {
            sum += s->routes[i].km / px;
            n++;
        }
    }
    if (n == 0)
        return;
    double km_per_px = sum / n;
    int km = 100;
    while (km / km_per_px < ui_px(a, 60))
        km *= 2;
    float len = (float)(km / km_per_px);
    Rgba ink = rgba(0x3b2a14, 255);
    gfx_fill_rect(a->r, (float)x, (float)y, len, (float)ui_px(a, 4), ink);
    gfx_fill_rect(a->r, (float)x, (float)y - 4, 2, (float)ui_px(a, 4) + 8, ink);
    gfx_fill_rect(a->r, (float)x + len - 2, (float)y - 4, 2, (float)ui_px(a, 4) + 8, ink);
    char b[48];
    snprintf(b, sizeof b, _("%d km (roads, roughly)"), km);
    text_draw(a->text, b, x + (int)len + ui_px(a, 8), y - ui_px(a, 6), ui_px(a, 12), ink, TEXT_LEFT);
}

void theatre_pass(UiApp *a, Pass *p, SDL_Rect r)
{
    const Game *g = G(a);
    const Siege *s = &g->siege;
    Palette pl = ui_palette(a);
    int viewer = ui_viewer(a);
    int lw = ui_px(a, 370);
    if (lw > r.w / 2)
        lw = r.w / 2;
    SDL_Rect area = { r.x, r.y, r.w - lw, r.h };
    SDL_Rect list = { r.x + r.w - lw, r.y, lw, r.h };
    if (r.w - lw < ui_px(a, 420)) {
        /* Too narrow for both side by side (a projector at 150 %): the map
         * across the whole width, the lists under it. */
        area = (SDL_Rect){ r.x, r.y, r.w, r.h * 58 / 100 };
        list = (SDL_Rect){ r.x, r.y + area.h, r.w, r.h - area.h };
    }
    Frame f = frame_for(a, g, area);
    if (p->draw) {
        gfx_fill_rect(a->r, (float)area.x, (float)area.y, (float)area.w, (float)area.h,
                      a->set.high_contrast ? rgba(0x101010, 255) : rgba(0xe6d8b4, 255));
        /* A faint graticule, as on an old map. */
        Rgba gr = a->set.high_contrast ? rgba(0x404040, 255) : rgba(0xd6c59c, 255);
        int step = ui_px(a, 80);
        for (int gx = area.x + step; gx < area.x + area.w; gx += step)
            gfx_fill_rect(a->r, (float)gx, (float)area.y, 1, (float)area.h, gr);
        for (int gy = area.y + step; gy < area.y + area.h; gy += step)
            gfx_fill_rect(a->r, (float)area.x, (float)gy, (float)area.w, 1, gr);
        const char *title = _("The theatre: Syria \xE2\x80\x93 Jazira \xE2\x80\x93 Iraq");
        int tabs_end = area.x + ui_tabs_width(a, area) + ui_px(a, 16);
        if (area.x + area.w - ui_px(a, 16) - text_width(a->text, title, ui_px(a, 18)) * 11 / 10 >= tabs_end)
            text_draw_bold(a->text, title, area.x + area.w - ui_px(a, 16), area.y + ui_px(a, 12), ui_px(a, 18),
                           rgba(0x3b2a14, 255), TEXT_RIGHT);
    }
    if (s->nplaces == 0) {
        if (p->draw)
            text_wrap(a->text,
                      _("This scenario has no theatre map: the war beyond the battle map reaches it only as news in the log."),
                      area.x + ui_px(a, 40), area.y + area.h / 2 - ui_px(a, 20), area.w - ui_px(a, 80), ui_px(a, 17),
                      rgba(0x3b2a14, 255), true);
        th_lists(a, p, g, list, viewer);
        if (p->clicked && ui_inside(area, p->cx, p->cy))
            p->clicked = false;
        return;
    }
    SDL_RenderSetClipRect(a->r, &area);
    a->th_hover = ui_inside(area, p->mx, p->my) ? place_at(a, g, &f, p->mx, p->my) : -1;
    if (p->draw) {
        draw_places_and_roads(a, p, g, &f, viewer);
        draw_couriers(a, g, &f, viewer);
        scale_bar(a, g, &f, area.x + ui_px(a, 16), area.y + area.h - ui_px(a, 24));
    }
    int clicked_col = -1;
    /* The legend's box (drawn last) and the counters: the labels keep clear. */
    a->th_nobst = 0;
    a->th_obst[a->th_nobst++] = (SDL_Rect){ area.x + ui_px(a, 10), area.y + ui_px(a, 46), ui_px(a, 210),
                                            (g->nsides + 2) * text_line_height(a->text, ui_px(a, 12)) + ui_px(a, 10) +
                                                (th_orders_side(a) >= 0 && a->th_col < 0 ? 2 * text_line_height(a->text, ui_px(a, 12)) + ui_px(a, 6) : 0) };
    int hover_col = draw_columns(a, p, g, &f, viewer, &clicked_col);
    if (p->draw)
        draw_place_labels(a, p, g, &f, viewer);
    SDL_RenderSetClipRect(a->r, NULL);
    int side = th_orders_side(a);
    /* Tooltips on the drawing. */
    if (hover_col >= 0) {
        char where[200];
        th_column_line(g, viewer, hover_col, where, sizeof where);
        const Column *col = &s->columns[hover_col];
        ui_tooltip_set(p, _("Column %s (%s), %d SP: %s.%s"), col->name, g->sides[col->side].name, col->sp, where,
                       th_column_orderable(g, side, hover_col) ? _("\nClick to give it a destination.") : "");
    } else if (a->th_hover >= 0) {
        const TheatrePlace *tp = &s->places[a->th_hover];
        int st = th_place_state(g, viewer, a->th_hover);
        char extra[200] = "";
        if (a->th_col >= 0) {
            int best = -1;
            for (int pc = 0; pc < PACE_COUNT; pc++) {
                int e = ui_column_eta_to(g, a->th_col, a->th_hover, pc);
                if (e >= 0 && (best < 0 || e < best))
                    best = e;
            }
            if (best >= 0)
                snprintf(extra, sizeof extra, _("\nClick to send %s here: %d km, turn %d at best."), s->columns[a->th_col].name,
                         (s->columns[a->th_col].next >= 0 ? s->columns[a->th_col].km_left : 0) +
                             siege_route_km(s, s->columns[a->th_col].next >= 0 ? s->columns[a->th_col].next
                                                                               : s->columns[a->th_col].at,
                                            a->th_hover),
                         g->turn + best);
            else
                snprintf(extra, sizeof extra, _("\nNo road leads there."));
        }
        ui_tooltip_set(p, _("%s, held by %s%s%s. Resistance to a siege %d.%s"), tp->name,
                       tp->owner >= 0 ? g->sides[tp->owner].name : _("no one"),
                       st == PS_FALLEN ? _("; it has fallen") : st == PS_BESIEGED ? _("; under siege") : st == PS_THREAT ? _("; a column is coming") : "",
                       tp->owner != tp->start_owner && tp->start_owner >= 0 ? "" : "",
                       tp->resistance, extra);
    }
    if (p->clicked && ui_inside(area, p->cx, p->cy)) {
        p->clicked = false;
        if (clicked_col >= 0) {
            if (th_column_orderable(g, side, clicked_col)) {
                a->th_col = a->th_col == clicked_col ? -1 : clicked_col;
                a->th_dest = -1;
            } else if (side >= 0) {
                ui_notice(a, _("Column %s cannot be given orders now (%s)."), s->columns[clicked_col].name,
                          th_state_word(g, clicked_col));
            }
        } else {
            int pi = place_at(a, g, &f, p->cx, p->cy);
            if (a->th_col >= 0 && pi >= 0) {
                const Column *col = &s->columns[a->th_col];
                int from = col->next >= 0 ? col->next : col->at;
                if (pi != from && siege_route_km(s, from, pi) < 0)
                    ui_notice(a, _("No road leads from %s to %s."), s->places[from].name, s->places[pi].name);
                else if (pi == col->at && col->next < 0)
                    ui_notice(a, _("Column %s is already at %s."), col->name, s->places[pi].name);
                else
                    a->th_dest = pi;
            } else if (pi < 0) {
                a->th_col = a->th_dest = -1;
            }
        }
    }
    if (p->draw) {
        /* The legend. */
        int lx = area.x + ui_px(a, 16), ly = area.y + ui_px(a, 50), fs = ui_px(a, 12);
        int lh = text_line_height(a->text, fs);
        Rgba ink = rgba(0x3b2a14, 255);
        for (int sd = 0; sd < g->nsides; sd++) {
            gfx_disc(a->r, (float)lx + 6, (float)(ly + lh / 2), 6, side_color(g, sd));
            text_draw(a->text, g->sides[sd].name, lx + 18, ly, fs, ink, TEXT_LEFT);
            ly += lh;
        }
        gfx_ring(a->r, (float)lx + 6, (float)(ly + lh / 2), 7, 3, rgba(0xc0281c, 240));
        text_draw(a->text, _("under siege"), lx + 18, ly, fs, ink, TEXT_LEFT);
        ly += lh;
        gfx_ring(a->r, (float)lx + 6, (float)(ly + lh / 2), 7, 2, rgba(0xe0a030, 230));
        text_draw(a->text, _("a column is coming"), lx + 18, ly, fs, ink, TEXT_LEFT);
        ly += lh;
        if (side >= 0 && a->th_col < 0)
            text_wrap(a->text, _("Click one of your columns to send it."), lx, ly + ui_px(a, 6), ui_px(a, 200), fs,
                      rgba(0x6a4a10, 255), true);
    }
    (void)pl;
    th_lists(a, p, g, list, viewer);
}

int uiapp_theatre_labels(const UiApp *a, SDL_Rect *out, int max)
{
    int n = a->th_nlabels < max ? a->th_nlabels : max;
    for (int i = 0; i < n; i++)
        out[i] = a->th_labels[i];
    return n;
}

bool uiapp_theatre_place_screen(UiApp *a, int place, int *x, int *y)
{
    const Game *g = G(a);
    if (!g || place < 0 || place >= g->siege.nplaces)
        return false;
    ui_layout(a);
    SDL_Rect r = game_map_rect(a);
    int lw = ui_px(a, 370);
    if (lw > r.w / 2)
        lw = r.w / 2;
    SDL_Rect area = { r.x, r.y, r.w - lw, r.h };
    Frame f = frame_for(a, g, area);
    float fx, fy;
    place_xy(&f, g, place, &fx, &fy);
    *x = (int)fx;
    *y = (int)fy;
    return true;
}
