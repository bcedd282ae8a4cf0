/* lesson.c - the chronicle as a lesson.
 *
 * - A disputed point the scenario places on a turn (dispute{ turn = }) is
 *   shown on the map when the game reaches that turn: its versions side by
 *   side with their sources; a game the computer plays on both sides waits
 *   until the teacher goes on.
 * - In the chronicle the teacher can step back a turn or jump to any turn.
 *   Back: the game played so far is looked at in the replay viewer (the
 *   live game's Session becomes the viewer's record, its computer players
 *   and chronicle state are kept aside); the viewer's own controls step
 *   and jump within it, and "Back to the live game" (Esc) goes on from
 *   where the game stood. Ahead: the computer plays on without pausing up
 *   to that turn, then pauses. Either way the game is the one the command
 *   line plays: nothing is re-decided. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/internal.h"
#include "i18n.h"

struct Lesson {
    /* The live game while it is looked at in the viewer. */
    bool rewound;
    AiPlayer *ai[MAX_SIDES];
    ChronicleView ch;
    /* The disputed points of a turn. */
    int card_turn;              /* turn whose points show (0 none) */
    int card_index;             /* which of them */
    int done_turn;              /* the last turn whose points were read */
    bool picker;                /* the turn picker is open */
};

static Lesson *lesson(UiApp *a)
{
    if (!a->lesson)
        a->lesson = calloc(1, sizeof *a->lesson);
    return a->lesson;
}

/* The disputed points placed on turn t: their indexes, how many. */
static int turn_disputes(const UiApp *a, int t, int *idx, int max)
{
    const ScenarioInfo *in = ui_scenario(a) ? scenario_info(ui_scenario(a)) : NULL;
    int n = 0;
    for (int d = 0; in && d < in->ndisputes; d++)
        if (in->disputes[d].turn == t && t > 0) {
            if (n < max)
                idx[n] = d;
            n++;
        }
    return n;
}

static bool live_chronicle(const UiApp *a)
{
    const Game *g = uiapp_game(a);
    return a->ch.on && ui_all_computer(a) && g && !(a->lesson && a->lesson->rewound);
}

void lesson_forget(UiApp *a)
{
    Lesson *l = a->lesson;
    if (!l)
        return;
    if (l->rewound)
        for (int s = 0; s < MAX_SIDES; s++)
            ai_free(l->ai[s]);
    free(l);
    a->lesson = NULL;
}

/* Opens the card of the current turn's points if it has some not yet read. */
static void check_card(UiApp *a)
{
    const Game *g = uiapp_game(a);
    Lesson *l = lesson(a);
    /* Only where the computer plays both sides (the chronicle, watching):
     * a player's own game is not interrupted. */
    if (!g || !l || a->rp.active || g->mode == MODE_OVER || !ui_all_computer(a))
        return;
    int idx[8];
    if (g->turn != l->done_turn && g->turn != l->card_turn && turn_disputes(a, g->turn, idx, 8) > 0) {
        l->card_turn = g->turn;
        l->card_index = 0;
    }
}

bool lesson_holds(UiApp *a)
{
    check_card(a);
    /* The chronicle's own banner first, then the disputed points. */
    return a->lesson && a->lesson->card_turn > 0 && !a->ch.checkpoint;
}

bool lesson_waiting(const UiApp *a)
{
    return a->lesson && a->lesson->card_turn > 0 && !a->ch.checkpoint && !a->rp.active;
}

static void close_card(Lesson *l)
{
    l->done_turn = l->card_turn;
    l->card_turn = 0;
}

/* The start of turn t in session s: the number of commands before it. */
static size_t turn_start(const Session *s, int t)
{
    size_t nm = session_nmarks(s);
    for (size_t i = 0; i < nm; i++)
        if (session_mark(s, i)->turn >= t)
            return session_mark(s, i)->after;
    return session_ncommands(s);
}

bool lesson_rewind(UiApp *a, int turn)
{
    Lesson *l = lesson(a);
    if (!l || !live_chronicle(a) || a->scen_index < 0 || a->scen_index >= a->nscen)
        return false;
    Session *live = a->ss;
    for (int s = 0; s < MAX_SIDES; s++) {
        l->ai[s] = a->aip[s];
        a->aip[s] = NULL;
    }
    l->ch = a->ch;
    memset(&a->ch, 0, sizeof a->ch);
    l->rewound = true;
    l->card_turn = 0;
    a->ss = NULL;           /* the viewer's record owns it now */
    memset(&a->rp, 0, sizeof a->rp);
    a->rp.active = true;
    a->rp.rec = live;
    a->rp.speed = 1;
    a->rp.pos = (size_t)-1; /* builds its game afresh */
    snprintf(a->rp.file, sizeof a->rp.file, "the chronicle so far");
    snprintf(a->rp.scen, sizeof a->rp.scen, "%s", a->scen[a->scen_index].path);
    if (!ui_replay_goto(a, turn_start(live, turn), false) || !a->ss) {
        /* It could not be built: the live game again. */
        lesson_resume(a);
        return false;
    }
    ui_notice(a, _("Turn %d again. The arrows step, \xE2\x86\x91\xE2\x86\x93 go by turns; Esc goes back to the live game."),
              uiapp_game(a)->turn);
    return true;
}

bool lesson_resume(UiApp *a)
{
    Lesson *l = a->lesson;
    if (!l || !l->rewound || !a->rp.active || !a->rp.rec)
        return false;
    Session *live = a->rp.rec;
    a->rp.rec = NULL;
    ui_replay_close(a);
    session_free(a->ss);
    a->ss = live;
    a->ss_gen = session_generation(live);
    for (int s = 0; s < MAX_SIDES; s++) {
        a->aip[s] = l->ai[s];
        l->ai[s] = NULL;
        a->ai[s] = true;
    }
    a->ch = l->ch;
    a->ch.paused = true;    /* the teacher goes on with Space */
    l->rewound = false;
    l->done_turn = uiapp_game(a)->turn;
    a->events_seen = 0;
    a->nlog = 0;
    ui_process_events(a);
    a->nanims = 0;
    a->nsel = 0;
    a->last_active = uiapp_game(a)->active;
    a->ai_next = a->now + 300;
    ui_refresh_selection(a);
    ui_notice(a, _("Back to the live game: turn %d. Space goes on."), uiapp_game(a)->turn);
    return true;
}

/* The computer plays on, not stopping at the chronicle's steps, until
 * turn t begins (or the game ends); then it pauses. */
static void fast_forward(UiApp *a, int t)
{
    uint32_t now = a->now, clock = a->now;
    const Game *g = uiapp_game(a);
    Lesson *l = lesson(a);
    for (int k = 0; k < 400000 && g && g->mode != MODE_OVER && g->turn < t; k++) {
        uiapp_finish_animations(a);
        if (a->ch.checkpoint || a->ch.paused) {
            a->ch.checkpoint = false;
            a->ch.paused = false;
            a->ch.step = false;
        }
        if (l && l->card_turn)
            close_card(l);
        uiapp_tick(a, clock += 100000);
        g = uiapp_game(a);
    }
    uiapp_finish_animations(a);
    /* Back to the real clock; the chronicle's steps for turn t show next. */
    a->now = now;
    a->ai_next = now + 300;
    a->ch.paused = true;
    a->ch.step = false;
    a->nanims = 0;
}

bool lesson_jump(UiApp *a, int turn)
{
    Lesson *l = lesson(a);
    const Game *g = uiapp_game(a);
    if (!l || !g || (!a->ch.on && !l->rewound))
        return false;
    l->picker = false;
    if (l->rewound) {
        const Session *rec = a->rp.rec;
        size_t nm = session_nmarks(rec);
        int last = nm ? session_mark(rec, nm - 1)->turn : 1;
        if (turn <= last) {
            a->rp.playing = false;
            return ui_replay_goto(a, turn_start(rec, turn), false);
        }
        lesson_resume(a);
    } else if (turn <= g->turn) {
        return lesson_rewind(a, turn);
    }
    fast_forward(a, turn);
    return true;
}

static void open_picker(UiApp *a)
{
    Lesson *l = lesson(a);
    if (l && (live_chronicle(a) || l->rewound))
        l->picker = !l->picker;
}

bool lesson_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    Lesson *l = lesson(a);
    const Game *g = uiapp_game(a);
    if (!l || !g)
        return false;
    SDL_Keycode s = k->keysym.sym;
    if (l->picker && s == SDLK_ESCAPE) {
        l->picker = false;
        return true;
    }
    if (l->card_turn && !a->ch.checkpoint && !a->rp.active) {
        if (s == SDLK_SPACE || s == SDLK_RETURN || s == SDLK_KP_ENTER || s == SDLK_ESCAPE) {
            close_card(l);
            return true;
        }
        if (s == SDLK_TAB || s == SDLK_n) {
            int idx[8], n = turn_disputes(a, l->card_turn, idx, 8);
            l->card_index = n ? (l->card_index + 1) % n : 0;
            return true;
        }
    }
    if (s == SDLK_d && !a->rp.active) {
        /* The current turn's points again (or none: a notice). */
        int idx[8];
        if (turn_disputes(a, g->turn, idx, 8) > 0) {
            l->card_turn = g->turn;
            l->card_index = 0;
        } else {
            ui_notice(a, _("No disputed point is placed on turn %d; the debrief lists them all."), g->turn);
        }
        return true;
    }
    if (l->rewound) {
        if (s == SDLK_ESCAPE) {
            lesson_resume(a);
            return true;
        }
        if (s == SDLK_j) {
            open_picker(a);
            return true;
        }
        return false;
    }
    if (!live_chronicle(a) || g->mode == MODE_OVER)
        return false;
    if (s == SDLK_LEFT || s == SDLK_BACKSPACE) {
        lesson_rewind(a, g->turn > 1 ? g->turn - 1 : 1);
        return true;
    }
    if (s == SDLK_j) {
        open_picker(a);
        return true;
    }
    return false;
}

/* ---- drawing ----------------------------------------------------------- */

/* The card of the turn's disputed point: its versions side by side. */
static int card_body(UiApp *a, const ScenarioDispute *ds, int x, int y, int w, int size, bool draw)
{
    Palette pl = ui_palette(a);
    int y0 = y, ts = ui_px(a, size + 5), vs = ui_px(a, size), ss = ui_px(a, size - 3);
    y += text_wrap(a->text, ds->title, x, y, w, ts, pl.head, draw) + ui_px(a, 10);
    int nv = ds->nversions > 0 ? ds->nversions : 1, gap = ui_px(a, 18);
    int vw = (w - gap * (nv - 1)) / nv, vh = 0;
    /* Three or four versions side by side get narrow: two rows then. */
    int per_row = nv > 2 && vw < ui_px(a, 220) ? 2 : nv;
    vw = (w - gap * (per_row - 1)) / per_row;
    for (int v = 0; v < ds->nversions; v++) {
        int col = v % per_row;
        if (v > 0 && col == 0) {
            y += vh + ui_px(a, 12);
            vh = 0;
        }
        int vx = x + col * (vw + gap);
        if (draw && col > 0)
            gfx_fill_rect(a->r, (float)vx - gap / 2.0f, (float)y, 2, (float)ui_px(a, 60), pl.edge);
        int h = text_wrap(a->text, ds->versions[v].text, vx, y, vw, vs, rgba(0xfbf6e6, 255), draw);
        char src[96];
        snprintf(src, sizeof src, "[%s]", ds->versions[v].src[0] ? ds->versions[v].src : "?");
        h += text_wrap(a->text, src, vx, y + h + ui_px(a, 2), vw, ss, pl.accent, draw) + ui_px(a, 2);
        vh = h > vh ? h : vh;
    }
    y += vh;
    return y - y0;
}

static void card_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    Lesson *l = a->lesson;
    if (!l || !l->card_turn || a->ch.checkpoint || a->rp.active)
        return;
    int idx[8], n = turn_disputes(a, l->card_turn, idx, 8);
    if (n == 0) {
        l->card_turn = 0;
        return;
    }
    if (n > 8)
        n = 8;
    if (l->card_index >= n)
        l->card_index = 0;
    const ScenarioDispute *ds = &scenario_info(ui_scenario(a))->disputes[idx[l->card_index]];
    Palette pl = ui_palette(a);
    /* Over the whole window below the top bar (the side panel too): on a
     * projector the versions need the room. */
    int margin = ui_px(a, 20), pad = ui_px(a, 22);
    SDL_Rect room = { margin, mr.y + ui_px(a, 84), a->W - 2 * margin, a->H - mr.y - ui_px(a, 84) - margin };
    int bw = room.w > ui_px(a, 1300) ? ui_px(a, 1300) : room.w;
    int tw = bw - 2 * pad - ui_px(a, 8), bh_btn = ui_px(a, 48), hs = ui_px(a, 17);
    int head = text_line_height(a->text, hs) + ui_px(a, 8);
    int size = 20, h = 0;
    for (; size >= 13; size -= 2) {
        h = head + card_body(a, ds, 0, 0, tw, size, false) + pad * 2 + bh_btn + ui_px(a, 10);
        if (h <= room.h)
            break;
    }
    if (size < 13)
        size = 13;
    if (h > room.h)
        h = room.h;
    int x = room.x + (room.w - bw) / 2, y = room.y;
    if (p->draw) {
        gfx_fill_rect(a->r, (float)x, (float)y, (float)bw, (float)h, rgba(0x171a22, 255));
        gfx_rect_outline(a->r, (float)x, (float)y, (float)bw, (float)h, 2, pl.accent);
        gfx_fill_rect(a->r, (float)x, (float)y, (float)ui_px(a, 8), (float)h, rgba(0x86a8d0, 255));
        char t[128];
        if (n > 1)
            snprintf(t, sizeof t, _("Disputed \xE2\x80\x94 turn %d \xC2\xB7 point %d of %d"), l->card_turn, l->card_index + 1, n);
        else
            snprintf(t, sizeof t, _("Disputed \xE2\x80\x94 turn %d: the sources disagree"), l->card_turn);
        text_draw_bold(a->text, t, x + pad + ui_px(a, 8), y + pad, hs, rgba(0x86a8d0, 255), TEXT_LEFT);
        SDL_Rect clip = { x, y, bw, h - pad - bh_btn };
        SDL_RenderSetClipRect(a->r, &clip);
        card_body(a, ds, x + pad + ui_px(a, 8), y + pad + head, tw, size, true);
        SDL_RenderSetClipRect(a->r, NULL);
    }
    SDL_Rect cb = { x + bw - pad - ui_px(a, 230), y + h - pad - bh_btn + ui_px(a, 6), ui_px(a, 230), bh_btn };
    if (ui_button(a, p, cb, _("Go on  (Space)"), true))
        close_card(l);
    if (n > 1) {
        SDL_Rect nb = { cb.x - ui_px(a, 200), cb.y, ui_px(a, 188), bh_btn };
        if (ui_button(a, p, nb, _("Next point  (N)"), false))
            l->card_index = (l->card_index + 1) % n;
    }
    if (p->clicked && ui_inside((SDL_Rect){ x, y, bw, h }, p->cx, p->cy))
        p->clicked = false;
}

/* The turn picker: a button per turn; those played so far are looked at
 * again, later ones are played up to. */
static void picker_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    Lesson *l = a->lesson;
    const Game *g = uiapp_game(a);
    if (!l || !l->picker || !g)
        return;
    Palette pl = ui_palette(a);
    int max = g->max_turns > 0 ? g->max_turns : g->turn;
    int cols = 8, cw = ui_px(a, 54), ch = ui_px(a, 40), gap = ui_px(a, 6), pad = ui_px(a, 16);
    int rows = (max + cols - 1) / cols;
    int w = cols * (cw + gap) - gap + 2 * pad, h = rows * (ch + gap) - gap + 2 * pad + ui_px(a, 36);
    int x = mr.x + (mr.w - w) / 2, y = mr.y + ui_px(a, 84);
    if (x < ui_px(a, 8))
        x = ui_px(a, 8);
    if (p->draw) {
        gfx_fill_rect(a->r, (float)x, (float)y, (float)w, (float)h, rgba(0x141210, 245));
        gfx_rect_outline(a->r, (float)x, (float)y, (float)w, (float)h, 2, pl.accent);
        text_draw_bold(a->text, _("Jump to turn"), x + pad, y + pad - ui_px(a, 4), ui_px(a, 17), pl.head, TEXT_LEFT);
    }
    int live_turn = l->rewound && a->rp.rec && session_nmarks(a->rp.rec)
                        ? session_mark(a->rp.rec, session_nmarks(a->rp.rec) - 1)->turn
                        : g->turn;
    for (int t = 1; t <= max; t++) {
        SDL_Rect r = { x + pad + ((t - 1) % cols) * (cw + gap), y + pad + ui_px(a, 28) + ((t - 1) / cols) * (ch + gap),
                       cw, ch };
        char lab[24];
        snprintf(lab, sizeof lab, "%d", t);
        char probe[32];
        snprintf(probe, sizeof probe, "jump %d", t);
        ui_probe(a, r, probe);
        if (ui_button(a, p, r, lab, t == g->turn)) {
            lesson_jump(a, t);
            return;
        }
        if (ui_inside(r, p->mx, p->my)) {
            int idx[8], nd = turn_disputes(a, t, idx, 8);
            ui_tooltip_set(p, _("%s turn %d%s"), t <= live_turn ? _("See again") : _("Play on to"), t,
                           nd ? _(" (a disputed point)") : "");
        }
        if (p->draw) {
            int idx[8];
            if (turn_disputes(a, t, idx, 8) > 0)
                gfx_fill_rect(a->r, (float)(r.x + r.w - ui_px(a, 10)), (float)(r.y + ui_px(a, 3)), (float)ui_px(a, 7),
                              (float)ui_px(a, 7), rgba(0x86a8d0, 255));
            if (t > live_turn)
                gfx_fill_rect(a->r, (float)r.x, (float)(r.y + r.h - ui_px(a, 3)), (float)r.w, (float)ui_px(a, 3),
                              pl.dim);
        }
    }
    if (p->clicked && ui_inside((SDL_Rect){ x, y, w, h }, p->cx, p->cy))
        p->clicked = false;
}

/* The lesson's buttons, at the map's top right. */
static void bar_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    Lesson *l = a->lesson;
    bool rew = l && l->rewound;
    if (!rew && !live_chronicle(a))
        return;
    const Game *g = uiapp_game(a);
    if (!g || g->mode == MODE_OVER)
        return;
    /* Right of the view tabs when there is room, else under them. */
    int bh = ui_px(a, 30), y = mr.y + ui_px(a, 8);
    int wj = ui_px(a, 104), wb = rew ? ui_px(a, 170) : ui_px(a, 136);
    int tabs_end = mr.x + ui_px(a, 10 + 3 * 122 + 2 * 4);
    /* A narrow map (a small screen at 200 %): the two share its width. */
    if (wj + wb + ui_px(a, 22) > mr.w) {
        wb = (mr.w - ui_px(a, 22)) * 3 / 5;
        wj = mr.w - ui_px(a, 22) - wb;
    }
    if (mr.x + mr.w - ui_px(a, 8) - wj - ui_px(a, 6) - wb < tabs_end + ui_px(a, 8))
        y += bh + ui_px(a, 6);
    SDL_Rect jb = { mr.x + mr.w - wj - ui_px(a, 8), y, wj, bh };
    SDL_Rect bb = { jb.x - wb - ui_px(a, 6), y, wb, bh };
    if (rew) {
        if (ui_button(a, p, bb, _("Live game  Esc"), true))
            lesson_resume(a);
    } else {
        if (ui_button(a, p, bb, _("\xE2\x97\x80 Turn back"), false))
            lesson_rewind(a, g->turn > 1 ? g->turn - 1 : 1);
        if (ui_inside(bb, p->mx, p->my))
            ui_tooltip_set(p, _("See the previous turn again (\xE2\x86\x90); the live game waits."));
    }
    if (ui_button(a, p, jb, _("Turn\xE2\x80\xA6  J"), l && l->picker))
        open_picker(a);
    if (ui_inside(jb, p->mx, p->my))
        ui_tooltip_set(p, _("Jump to any turn: back to one played, or on to a later one."));
}

void lesson_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    if (!lesson(a))
        return;
    /* The card and the picker lie over the side panel: they take their
     * clicks here, before it, and are drawn by lesson_overlay_pass after. */
    if (!p->draw) {
        picker_pass(a, p, mr);
        card_pass(a, p, mr);
    }
    bar_pass(a, p, mr);
}

void lesson_overlay_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    if (!a->lesson || !p->draw)
        return;
    picker_pass(a, p, mr);
    card_pass(a, p, mr);
}

/* ---- for tests --------------------------------------------------------- */

bool uiapp_lesson_back(UiApp *a)
{
    const Game *g = uiapp_game(a);
    return g && lesson_rewind(a, g->turn > 1 ? g->turn - 1 : 1);
}

bool uiapp_lesson_jump(UiApp *a, int turn)
{
    return lesson_jump(a, turn);
}

bool uiapp_lesson_live(UiApp *a)
{
    return lesson_resume(a);
}

bool uiapp_lesson_rewound(const UiApp *a)
{
    return a->lesson && a->lesson->rewound;
}

bool uiapp_lesson_dispute(const UiApp *a, char *buf, size_t n)
{
    buf[0] = '\0';
    const Lesson *l = a->lesson;
    if (!l || !l->card_turn || a->ch.checkpoint || a->rp.active || !ui_scenario(a))
        return false;
    int idx[8], k = turn_disputes(a, l->card_turn, idx, 8);
    if (k == 0)
        return false;
    const ScenarioDispute *ds = &scenario_info(ui_scenario(a))->disputes[idx[l->card_index < k && l->card_index < 8 ? l->card_index : 0]];
    snprintf(buf, n, "turn %d: %s", l->card_turn, ds->title);
    for (int v = 0; v < ds->nversions; v++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "\n%s [%s]", ds->versions[v].text, ds->versions[v].src);
    }
    return true;
}
