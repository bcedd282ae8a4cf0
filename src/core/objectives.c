/* objectives.c - the scenario's victory conditions in words, how each
 * stands now, and which events a side may read: what the window shows a
 * player as objectives, warnings and the debrief's reason, answered here
 * so no rule is copied outside the core. */
#include <stdio.h>
#include <string.h>
#include "game.h"

static const char *place_name(const Game *g, int p)
{
    return p >= 0 && p < g->map.nplaces ? g->map.places[p].name : "?";
}

static const char *side_name(const Game *g, int s)
{
    return s >= 0 && s < g->nsides ? g->sides[s].name : "nobody";
}

static void test_words(const Game *g, int side, const VictoryTest *t, char *b, size_t n)
{
    int enemy = 1 - side;
    switch (t->kind) {
    case VIC_HOLD_PLACE:
        snprintf(b, n, "the %s hold %s at the end of turn %d", side_name(g, side), place_name(g, t->place),
                 g->max_turns);
        break;
    case VIC_TAKE_PLACE:
        snprintf(b, n, "the %s hold %s at the end of any turn", side_name(g, side), place_name(g, t->place));
        break;
    case VIC_DESTROY_SP:
        snprintf(b, n, "the %s lose %d SP", side_name(g, enemy), t->amount);
        break;
    case VIC_ENEMY_MORALE:
        snprintf(b, n, "the %s's morale falls to %d or less", side_name(g, enemy), t->amount);
        break;
    case VIC_SURRENDER:
        snprintf(b, n, "the town surrenders on terms");
        break;
    case VIC_DISPERSED:
        snprintf(b, n, "%d of the %s's contingents go home", t->amount, side_name(g, enemy));
        break;
    case VIC_THEATRE_PLACES:
        snprintf(b, n, "the %s take %d place%s on the theatre map", side_name(g, side), t->amount,
                 t->amount == 1 ? "" : "s");
        break;
    default:
        snprintf(b, n, "?");
        break;
    }
}

static void test_progress(const Game *g, int side, const VictoryTest *t, char *b, size_t n)
{
    int enemy = 1 - side;
    switch (t->kind) {
    case VIC_HOLD_PLACE:
    case VIC_TAKE_PLACE: {
        int owner = t->place >= 0 && t->place < g->map.nplaces ? g->map.places[t->place].owner : -1;
        snprintf(b, n, "%s is held by %s%s", place_name(g, t->place), owner >= 0 ? "the " : "", side_name(g, owner));
        break;
    }
    case VIC_DESTROY_SP:
        snprintf(b, n, "the %s have lost %d of %d SP", side_name(g, enemy), g->sides[enemy].sp_lost, t->amount);
        break;
    case VIC_ENEMY_MORALE:
        snprintf(b, n, "the %s's morale is %d (needs %d or less)", side_name(g, enemy), g->sides[enemy].morale,
                 t->amount);
        break;
    case VIC_SURRENDER:
        snprintf(b, n, "%s", g->siege.surrendered ? "the town has surrendered" : "the town has not surrendered");
        break;
    case VIC_DISPERSED: {
        int gone = 0;
        for (int k = 0; k < g->siege.ncontingents; k++)
            gone += g->siege.contingents[k].departed && g->siege.contingents[k].side == enemy;
        snprintf(b, n, "%d of %d contingents gone", gone, t->amount);
        break;
    }
    case VIC_THEATRE_PLACES: {
        int won = 0;
        for (int p = 0; p < g->siege.nplaces; p++)
            won += g->siege.places[p].owner == side && g->siege.places[p].start_owner != side;
        snprintf(b, n, "%d of %d places taken", won, t->amount);
        break;
    }
    default:
        snprintf(b, n, "?");
        break;
    }
}

static void join(const Game *g, const Victory *v, bool progress, char *buf, size_t n)
{
    VictoryTest main = {v->kind, v->place, v->amount};
    char part[200];
    (progress ? test_progress : test_words)(g, v->side, &main, part, sizeof part);
    snprintf(buf, n, "%s", part);
    for (int i = 0; i < v->nalso && i < VICTORY_ALSO; i++) {
        (progress ? test_progress : test_words)(g, v->side, &v->also[i], part, sizeof part);
        size_t l = strlen(buf);
        snprintf(buf + l, n > l ? n - l : 0, "%s%s", progress ? "; " : " and ", part);
    }
}

void game_victory_describe(const Game *g, int i, char *buf, size_t n)
{
    if (i < 0 || i >= g->nvictory) {
        snprintf(buf, n, "?");
        return;
    }
    const Victory *v = &g->victory[i];
    char what[600];
    join(g, v, false, what, sizeof what);
    char level[24];
    snprintf(level, sizeof level, "%s", v->level[0] ? v->level : "a");
    if (level[0] >= 'a' && level[0] <= 'z')
        level[0] = (char)(level[0] - 'a' + 'A');
    snprintf(buf, n, "%s victory for the %s if %s", level, side_name(g, v->side), what);
}

void game_victory_progress(const Game *g, int i, char *buf, size_t n)
{
    if (i < 0 || i >= g->nvictory) {
        snprintf(buf, n, "?");
        return;
    }
    join(g, &g->victory[i], true, buf, n);
}

void game_victory_fallbacks(const Game *g, char *buf, size_t n)
{
    buf[0] = 0;
    if (g->town_side >= 0 && g->town_side < g->nsides)
        snprintf(buf, n, "If the town surrenders on terms: a major victory for the %s. ",
                 side_name(g, 1 - g->town_side));
    size_t l = strlen(buf);
    snprintf(buf + l, n > l ? n - l : 0, "If no side meets its aims by the end of turn %d: a draw.", g->max_turns);
}

bool game_event_known_to(const Game *g, const Event *e, int viewer)
{
    (void)g;
    if (viewer < 0)
        return true;
    return !(e->type == EV_ORDER && e->c == EVENT_SECRET && e->side != viewer);
}
