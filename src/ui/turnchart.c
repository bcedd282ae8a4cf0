/* turnchart.c - the debrief's chart of morale, food and strength per side
 * over the turns.
 *
 * The figures come from the game itself, not from what the window saw:
 * the session's commands are applied again to a fresh game of the same
 * scenario, seed and options, and each side's morale, food (days at its
 * rations; none when it lives off the country) and strength (SP on the
 * map) are read at the start of every turn and at the end. So a game
 * loaded from a save (F9, --load) charts its whole course too. Computed
 * once per game, when the debrief first shows it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "core/siege.h"
#include "ui/internal.h"

static void read_figures(const Game *g, TurnFigures *f)
{
    memset(f, 0, sizeof *f);
    f->turn = g->turn;
    for (int s = 0; s < 2 && s < g->nsides; s++) {
        f->morale[s] = g->sides[s].morale;
        int days = siege_food_days(g, s);
        f->food[s] = days >= 999 ? -1 : days;
        for (int u = 0; u < g->nunits; u++)
            if (g->units[u].side == s && g->units[u].status == UNIT_ON_MAP)
                f->sp[s] += g->units[u].sp;
    }
}

static bool readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int ui_turn_figures_compute(UiApp *a)
{
    if (a->figs_for == a->ss && a->figs_gen == session_generation(a->ss) && a->figs_n > 0)
        return a->figs_n;
    a->figs_n = 0;
    a->figs_for = a->ss;
    a->figs_gen = session_generation(a->ss);
    const Session *ss = a->rp.active && a->rp.rec ? a->rp.rec : a->ss;
    const char *ref = session_ref(ss);
    char scen[1200];
    if (a->rp.active && a->rp.scen[0])
        snprintf(scen, sizeof scen, "%s", a->rp.scen);
    else if (ref[0] != '/' && (snprintf(scen, sizeof scen, "%s/%s", a->data_dir, ref), readable(scen)))
        ;
    else
        snprintf(scen, sizeof scen, "%s", ref);
    Diags d;
    memset(&d, 0, sizeof d);
    Session *v = session_new_opts(scen, ref, session_seed(ss), session_options(ss), &d);
    if (!v)
        return 0;
    size_t n = session_ncommands(ss);
    if (a->rp.active)
        n = a->rp.pos;
    const Game *g = session_game_const(v);
    read_figures(g, &a->figs[a->figs_n++]);
    for (size_t i = 0; i < n; i++) {
        char why[256];
        if (!session_apply_text(v, session_command(ss, i), why, sizeof why))
            break;
        g = session_game_const(v);
        if (g->turn != a->figs[a->figs_n - 1].turn && a->figs_n < UI_TURN_FIGS)
            read_figures(g, &a->figs[a->figs_n++]);
    }
    /* And where the game stands now (ended mid-turn). */
    if (a->figs_n < UI_TURN_FIGS)
        read_figures(g, &a->figs[a->figs_n++]);
    session_free(v);
    return a->figs_n;
}

bool uiapp_turn_figures(UiApp *a, int i, int *turn, int morale[2], int food[2], int sp[2])
{
    if (!a->ss || i < 0 || i >= ui_turn_figures_compute(a))
        return false;
    const TurnFigures *f = &a->figs[i];
    *turn = f->turn;
    for (int s = 0; s < 2; s++) {
        morale[s] = f->morale[s];
        food[s] = f->food[s];
        sp[s] = f->sp[s];
    }
    return true;
}

/* One small chart: a line per side over the turns. */
static void one_chart(UiApp *a, SDL_Rect r, const char *title, int what)
{
    const Game *g = uiapp_game(a);
    Palette pl = ui_palette(a);
    int fs = ui_px(a, 12), lh = text_line_height(a->text, fs);
    text_draw_bold(a->text, title, r.x, r.y, ui_fit_px(a, title, ui_px(a, 13), r.w * 85 / 100), pl.head, TEXT_LEFT);
    SDL_Rect c = { r.x, r.y + lh + ui_px(a, 4), r.w, r.h - lh - ui_px(a, 4) };
    gfx_fill_rect(a->r, (float)c.x, (float)c.y, (float)c.w, (float)c.h, rgba(0x101214, 255));
    gfx_rect_outline(a->r, (float)c.x, (float)c.y, (float)c.w, (float)c.h, 1, pl.edge);
    int n = a->figs_n, top = 1;
    for (int i = 0; i < n; i++)
        for (int s = 0; s < 2; s++) {
            const TurnFigures *f = &a->figs[i];
            int v = what == 0 ? f->morale[s] : what == 1 ? f->food[s] : f->sp[s];
            if (v > top)
                top = v;
        }
    int first = a->figs[0].turn, last = a->figs[n - 1].turn;
    int span = last > first ? last - first : 1;
    for (int s = 0; s < 2 && s < g->nsides; s++) {
        Rgba col = side_color(g, s);
        float px = -1, py = -1;
        for (int i = 0; i < n; i++) {
            const TurnFigures *f = &a->figs[i];
            int v = what == 0 ? f->morale[s] : what == 1 ? f->food[s] : f->sp[s];
            if (v < 0) {        /* this side eats from no stores */
                px = -1;
                continue;
            }
            float x = (float)c.x + 3 + (float)(c.w - 6) * (float)(f->turn - first) / (float)span;
            float y = (float)(c.y + c.h - 3) - (float)(c.h - 6) * (float)v / (float)top;
            if (px >= 0)
                gfx_line(a->r, px, py, x, y, (float)ui_px(a, 2), col);
            else
                gfx_disc(a->r, x, y, (float)ui_px(a, 2), col);
            px = x;
            py = y;
        }
    }
    char b[32];
    snprintf(b, sizeof b, "%d", top);
    text_draw(a->text, b, c.x + c.w - ui_px(a, 4), c.y + ui_px(a, 2), fs, pl.dim, TEXT_RIGHT);
}

int ui_turn_chart(UiApp *a, Pass *p, int x, int y, int w)
{
    if (!a->ss || ui_turn_figures_compute(a) < 2)
        return 0;
    int h = ui_px(a, 96), gap = ui_px(a, 16);
    if (p->draw) {
        static const char *const titles[3] = { "Morale by turn", "Food (days) by turn", "Strength (SP) by turn" };
        int cw = (w - 2 * gap) / 3;
        for (int k = 0; k < 3; k++)
            one_chart(a, (SDL_Rect){ x + k * (cw + gap), y, cw, h }, titles[k], k);
    }
    return h + ui_px(a, 12);
}
