/* theatre_labels.c - where the theatre map's place labels go so that none
 * covers another, a place's marker or a road's distance: the eight
 * positions around the place first (below, above, right, left, then the
 * corners), then the same eight further out with a leader line back to
 * the place, and if nothing is free the spot that overlaps least (a name
 * on another name counting eight times a name on a road's distance). */
#include <math.h>
#include "ui/theatre_int.h"

static int overlap(SDL_Rect a, SDL_Rect b)
{
    int w = (a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w) - (a.x > b.x ? a.x : b.x);
    int h = (a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h) - (a.y > b.y ? a.y : b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

/* How much rect r collides with what is already there (the area's edge
 * counts as an obstacle). */
static long cost(SDL_Rect r, SDL_Rect area, const SDL_Rect *taken, int ntaken, int nfixed, const ThLabel *in, int n)
{
    long c = 0;
    SDL_Rect inside = r;
    int w = (r.x + r.w < area.x + area.w ? r.x + r.w : area.x + area.w) - (r.x > area.x ? r.x : area.x);
    int h = (r.y + r.h < area.y + area.h ? r.y + r.h : area.y + area.h) - (r.y > area.y ? r.y : area.y);
    long in_area = w > 0 && h > 0 ? (long)w * h : 0;
    c += ((long)inside.w * inside.h - in_area) * 4;
    /* Another label weighs most: a name on a name cannot be read. */
    for (int i = 0; i < ntaken; i++)
        c += overlap(r, taken[i]) * (i < nfixed ? 1 : 8);
    for (int i = 0; i < n; i++) {
        SDL_Rect m = { (int)(in[i].x - in[i].r), (int)(in[i].y - in[i].r), (int)(2 * in[i].r), (int)(2 * in[i].r) };
        c += overlap(r, m) * 2;
    }
    return c;
}

/* The label's rectangle at direction d (0-7) and distance step k from the
 * place: d 0 below, 1 above, 2 right, 3 left, 4-7 the corners. */
static SDL_Rect at(const ThLabel *l, int d, int k, int gap)
{
    static const int dx[8] = { 0, 0, 1, -1, 1, -1, 1, -1 }, dy[8] = { 1, -1, 0, 0, 1, 1, -1, -1 };
    float off = l->r + (float)gap + (float)(k * (l->h + gap));
    float cx = l->x + dx[d] * (off + (dx[d] ? l->w / 2.0f : 0)), cy = l->y + dy[d] * (off + (dy[d] ? l->h / 2.0f : 0));
    if (d >= 4) {   /* corners: the label's near corner at 45 degrees */
        cx = l->x + dx[d] * (off * 0.72f + l->w / 2.0f);
        cy = l->y + dy[d] * (off * 0.72f + l->h / 2.0f);
    }
    SDL_Rect r = { (int)(cx - l->w / 2.0f), (int)(cy - l->h / 2.0f), l->w, l->h };
    return r;
}

long th_place_labels(const ThLabel *in, int n, SDL_Rect area, const SDL_Rect *fixed, int nfixed, int gap,
                     SDL_Rect *out, bool *leader)
{
    long total = 0;
    SDL_Rect taken[TH_MAX_LABELS + 64];
    int ntaken = 0;
    for (int i = 0; i < nfixed && ntaken < (int)(sizeof taken / sizeof taken[0]); i++)
        taken[ntaken++] = fixed[i];
    int nfix = ntaken;
    /* The larger places (towns) choose first. */
    int order[TH_MAX_LABELS];
    int m = n < TH_MAX_LABELS ? n : TH_MAX_LABELS;
    for (int i = 0; i < m; i++)
        order[i] = i;
    for (int i = 1; i < m; i++)
        for (int j = i; j > 0 && in[order[j]].r > in[order[j - 1]].r; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (int oi = 0; oi < m; oi++) {
        int i = order[oi];
        SDL_Rect best = at(&in[i], 0, 0, gap);
        long best_cost = -1;
        int best_k = 0;
        for (int k = 0; k < 6 && best_cost != 0; k++)
            for (int d = 0; d < 8; d++) {
                SDL_Rect r = at(&in[i], d, k, gap);
                long c = cost(r, area, taken, ntaken, nfix, in, n);
                if (best_cost < 0 || c < best_cost) {
                    best_cost = c;
                    best = r;
                    best_k = k;
                    if (c == 0)
                        break;
                }
            }
        out[i] = best;
        leader[i] = best_k > 0;
        total += best_cost;
        if (ntaken < (int)(sizeof taken / sizeof taken[0]))
            taken[ntaken++] = best;
    }
    return total;
}
