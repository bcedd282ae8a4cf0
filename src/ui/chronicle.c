/* chronicle.c - the window's chronicle mode: the computer plays both sides
 * along the scenario's recorded course (data/chronicle.h), and the window
 * shows each step's note and sources in a banner over the map and in the
 * log, stopping at every step until the teacher continues. Also the
 * pause/step controls of any game the computer plays on both sides. */
#include <stdio.h>
#include <string.h>
#include "ui/internal.h"
#include "i18n.h"

/* Milliseconds between two computer orders at each pace (slow..fast). */
const int ui_chronicle_paces[UI_CHRON_PACES] = { 1500, 700, 300, 60 };

bool ui_all_computer(const UiApp *a)
{
    return a->ss && a->ai[0] && a->ai[1] && !a->rp.active;
}

void chronicle_begin(UiApp *a)
{
    memset(&a->ch, 0, sizeof a->ch);
    a->ch.on = true;
    a->ch.turn = a->ch.side = -1;
    a->ch.pace = 1;
}

uint32_t chronicle_delay(const UiApp *a, bool end_of_turn)
{
    if (!a->ch.on)
        return end_of_turn ? 250u : 40u;
    int p = a->ch.pace >= 0 && a->ch.pace < UI_CHRON_PACES ? a->ch.pace : 1;
    return (uint32_t)ui_chronicle_paces[p] * (end_of_turn ? 3u : 1u);
}

static const char *plan_words(const ChronicleShown *st)
{
    switch (st->plan) {
    case CHRONICLE_HOLD: return _("the computer starts no battle and offers no terms");
    case CHRONICLE_STRIKE:
        return st->gate >= 0 ? "the computer strikes at even odds, by that gate only" : "the computer strikes at even odds";
    case CHRONICLE_SORTIE: return _("the computer sallies in small parties on cold days only");
    case CHRONICLE_FEINT: return _("the computer falls back from that gate as if beaten");
    default: return st->rations >= 0 ? "kept as ordered" : st->given ? "given" : "not given";
    }
}

const ScenarioChronicle *ui_chronicle_entry(const UiApp *a, int i)
{
    const Scenario *sc = ui_scenario(a);
    const ScenarioInfo *inf = sc ? scenario_info(sc) : NULL;
    return inf && i >= 0 && i < inf->nchronicle ? &inf->chronicle[i] : NULL;
}

/* What the banner keeps of a step just taken: the entry by its index. */
static ChronicleShown shown_of(const UiApp *a, const ChronicleStep *st)
{
    ChronicleShown c;
    memset(&c, 0, sizeof c);
    const Scenario *sc = ui_scenario(a);
    const ScenarioInfo *inf = sc ? scenario_info(sc) : NULL;
    c.entry = inf && st->entry >= inf->chronicle && st->entry < inf->chronicle + inf->nchronicle
                  ? (int)(st->entry - inf->chronicle)
                  : -1;
    c.plan = st->plan;
    c.gate = st->gate;
    c.rations = st->rations;
    c.given = st->given;
    snprintf(c.why, sizeof c.why, "%s", st->why);
    return c;
}

/* The step's note with its sources: "Khalid urges a sally... [TB; MU]". */
static void step_note(const UiApp *a, const ChronicleShown *st, char *b, size_t n)
{
    const ScenarioChronicle *ce = ui_chronicle_entry(a, st->entry);
    snprintf(b, n, "%s%s[%s]", ce && ce->note[0] ? ui_ar(ce->note, ce->note_ar) : _("(no note)"), " ", ce && ce->src[0] ? ce->src : _("no source"));
}

/* "Order: sally rastan \xE2\x80\x94 the computer strikes at even odds". */
static void step_order(const UiApp *a, const ChronicleShown *st, char *b, size_t n)
{
    const ScenarioChronicle *ce = ui_chronicle_entry(a, st->entry);
    snprintf(b, n, _("Order: %s \xE2\x80\x94 %s%s%s"), ce ? ce->order : "?", plan_words(st),
             st->plan == CHRONICLE_COMMAND && !st->given && st->rations < 0 && st->why[0] ? ": " : "",
             st->plan == CHRONICLE_COMMAND && !st->given && st->rations < 0 ? st->why : "");
}

static void banner_head(const UiApp *a, char *b, size_t n)
{
    const Game *g = uiapp_game(a);
    char date[64] = "";
    game_date(g, a->ch.steps_turn, date, sizeof date);
    int s = a->ch.steps_side;
    snprintf(b, n, _("Turn %d%s%s \xE2\x80\x94 %s"), a->ch.steps_turn, date[0] ? ", " : "", date,
             s >= 0 && s < g->nsides ? g->sides[s].name : "?");
}

static int posture_of(const ChronicleStep *st)
{
    return st->plan == CHRONICLE_HOLD     ? AI_POSTURE_HOLD
           : st->plan == CHRONICLE_STRIKE ? AI_POSTURE_ATTACK
           : st->plan == CHRONICLE_SORTIE ? AI_POSTURE_SORTIE
           : st->plan == CHRONICLE_FEINT  ? AI_POSTURE_FEINT
                                          : AI_POSTURE_FREE;
}

bool chronicle_tick(UiApp *a)
{
    const Game *g = uiapp_game(a);
    if (!g)
        return false;
    if (a->ch.on && g->mode == MODE_SIEGE && (g->turn != a->ch.turn || g->active != a->ch.side)) {
        int turn = g->turn, side = g->active;
        a->ch.turn = turn;
        a->ch.side = side;
        ChronicleStep steps[16];
        int n = chronicle_follow(a->ss, steps, 16);
        if (n > 16)
            n = 16;
        /* The same as the headless runner: each entry in file order sets
         * the posture; a command entry sets it free. */
        ChronicleShown shown[16];
        for (int i = 0; i < n; i++) {
            shown[i] = shown_of(a, &steps[i]);
            if (a->aip[side] && steps[i].plan != CHRONICLE_COMMAND)
                ai_set_plan(a->aip[side], posture_of(&steps[i]), steps[i].gate); /* commands leave the plan as it is */
            if (a->aip[side] && steps[i].rations >= 0)
                ai_keep_rations(a->aip[side], steps[i].rations); /* kept as ordered */
            char note[700], line[UI_LOG_TEXT];
            step_note(a, &shown[i], note, sizeof note);
            snprintf(line, sizeof line, "Chronicle, turn %d, %s: %s \xE2\x80\x94 %s", turn, g->sides[side].name,
                     steps[i].entry->order, note);
            ui_log_text(a, UI_LOG_CHRONICLE, side, line);
        }
        ui_process_events(a);
        ui_refresh_selection(a);
        if (n > 0) {
            a->ch.nsteps = n < UI_CHRON_STEPS ? n : UI_CHRON_STEPS;
            memcpy(a->ch.steps, shown, sizeof shown[0] * (size_t)a->ch.nsteps);
            a->ch.steps_turn = turn;
            a->ch.steps_side = side;
            a->ch.followed += n;
            /* A pause-and-ask checkpoint. */
            a->ch.checkpoint = true;
            a->ch.paused = true;
            a->ch.step = false;
        }
        g = uiapp_game(a);
    }
    if (!ui_all_computer(a) || g->mode == MODE_OVER)
        return true;
    return !a->ch.paused || a->ch.step;
}

static void resume(UiApp *a)
{
    a->ch.checkpoint = false;
    a->ch.paused = false;
    a->ch.step = false;
    a->ai_next = a->now + 150;
}

static void step(UiApp *a)
{
    a->ch.checkpoint = false;
    a->ch.paused = true;
    a->ch.step = true;
    a->ai_next = a->now;
}

bool chronicle_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    const Game *g = uiapp_game(a);
    if (!ui_all_computer(a) || !g || g->mode == MODE_OVER)
        return false;
    switch (k->keysym.sym) {
    case SDLK_SPACE:
        if (a->ch.checkpoint || a->ch.paused)
            resume(a);
        else
            a->ch.paused = true;
        return true;
    case SDLK_RETURN: case SDLK_KP_ENTER:
        if (!a->ch.checkpoint)
            return false;
        resume(a);
        return true;
    case SDLK_RIGHT:
        step(a);
        return true;
    case SDLK_LEFTBRACKET:
        if (a->ch.pace > 0)
            a->ch.pace--;
        ui_notice(a, _("Slower: %.1f s between orders."), ui_chronicle_paces[a->ch.pace] / 1000.0);
        return true;
    case SDLK_RIGHTBRACKET:
        if (a->ch.pace + 1 < UI_CHRON_PACES)
            a->ch.pace++;
        ui_notice(a, _("Faster: %.1f s between orders."), ui_chronicle_paces[a->ch.pace] / 1000.0);
        return true;
    default:
        return false;
    }
}

/* The banner's layout, measured or drawn. */
static int banner_body(UiApp *a, int x, int y, int w, bool draw, float f)
{
    Palette pl = ui_palette(a);
    const Game *g = uiapp_game(a);
    int y0 = y;
    char b[900];
    banner_head(a, b, sizeof b);
    int hs = ui_fit_px(a, b, (int)((float)ui_px(a, 32) * f), w * 85 / 100);
    if (draw)
        text_draw_bold(a->text, b, x, y, hs, side_color_light(g, a->ch.steps_side), TEXT_LEFT);
    y += text_line_height(a->text, hs) + ui_px(a, 8);
    int ns = (int)((float)ui_px(a, 30) * f), os = (int)((float)ui_px(a, 21) * f);
    for (int i = 0; i < a->ch.nsteps; i++) {
        step_note(a, &a->ch.steps[i], b, sizeof b);
        y += text_wrap(a->text, b, x, y, w, ns, draw ? rgba(0xfbf6e6, 255) : pl.body, draw);
        step_order(a, &a->ch.steps[i], b, sizeof b);
        y += text_wrap(a->text, b, x, y + ui_px(a, 2), w, os, pl.accent, draw) + ui_px(a, 12);
    }
    return y - y0;
}

void chronicle_banner_pass(UiApp *a, Pass *p, SDL_Rect mr)
{
    const Game *g = uiapp_game(a);
    if (!g || !ui_all_computer(a) || g->mode == MODE_OVER)
        return;
    Palette pl = ui_palette(a);
    if (!a->ch.checkpoint) {
        if (a->ch.paused && p->draw) {
            const char *t = _("Paused \xE2\x80\x94 Space resumes \xC2\xB7 \xE2\x86\x92 one order");
            int fs = ui_px(a, 22), w = text_width(a->text, t, fs) + ui_px(a, 32), h = text_line_height(a->text, fs) + ui_px(a, 16);
            int x = mr.x + (mr.w - w) / 2, y = mr.y + mr.h - h - ui_px(a, 16);
            gfx_fill_rect(a->r, (float)x, (float)y, (float)w, (float)h, rgba(0x101214, 230));
            gfx_rect_outline(a->r, (float)x, (float)y, (float)w, (float)h, 2, pl.accent);
            text_draw_bold(a->text, t, x + w / 2, y + ui_px(a, 8), fs, rgba(0xfbf6e6, 255), TEXT_CENTER);
        }
        return;
    }
    int margin = ui_px(a, 24);
    /* A narrow map (a small screen at 200 %): the banner lies over the
     * side panel too. */
    if (mr.w < ui_px(a, 640)) {
        mr.x = 0;
        mr.w = a->W;
    }
    int bw = mr.w - 2 * margin;
    if (bw > ui_px(a, 1300))
        bw = ui_px(a, 1300);
    int pad = ui_px(a, 26);
    int tw = bw - 2 * pad - ui_px(a, 8);
    int bh_btn = ui_px(a, 52);
    /* The buttons and the pace hint in one row where they fit, else the
     * hint is left to help and the buttons share the row. */
    int cw = ui_px(a, 260), sw = ui_px(a, 220), gap = ui_px(a, 12);
    int hint_w = text_width(a->text, _("[ ] slower / faster"), ui_px(a, 18)) + gap;
    bool hint = cw + sw + gap + hint_w <= bw - 2 * pad;
    if (cw + sw + gap > bw - 2 * pad) {
        cw = (bw - 2 * pad - gap) * 6 / 11;
        sw = bw - 2 * pad - gap - cw;
    }
    /* The notes in smaller type (down to half) until the banner fits
     * the map (a projector's small window at 150 or 200 %). */
    float f = 1.0f;
    int room = mr.h - ui_px(a, 46) - margin;
    int h = banner_body(a, 0, 0, tw, false, f) + pad * 2 + bh_btn;
    while (h > room && f > 0.55f) {
        f -= 0.05f;
        h = banner_body(a, 0, 0, tw, false, f) + pad * 2 + bh_btn;
    }
    if (h > room)
        h = room;
    int x = mr.x + (mr.w - bw) / 2;
    int y = mr.y + mr.h - h - margin;
    if (y < mr.y + ui_px(a, 46))
        y = mr.y + ui_px(a, 46);
    if (p->draw) {
        gfx_fill_rect(a->r, (float)x, (float)y, (float)bw, (float)h, rgba(0x141210, 238));
        gfx_rect_outline(a->r, (float)x, (float)y, (float)bw, (float)h, 2, pl.accent);
        gfx_fill_rect(a->r, (float)x, (float)y, (float)ui_px(a, 8), (float)h, pl.accent);
        /* Still too long: what does not fit is cut at the banner's foot
         * rather than drawn over the map below it. */
        SDL_Rect clip = { x, y, bw, h - pad - bh_btn };
        SDL_RenderSetClipRect(a->r, &clip);
        banner_body(a, x + pad + ui_px(a, 8), y + pad, tw, true, f);
        SDL_RenderSetClipRect(a->r, NULL);
    }
    SDL_Rect cb = { x + bw - pad - cw, y + h - pad - bh_btn + ui_px(a, 6), cw, bh_btn };
    if (ui_button(a, p, cb, _("Continue  (Space)"), true))
        resume(a);
    SDL_Rect sb = { cb.x - sw - gap, cb.y, sw, bh_btn };
    if (ui_button(a, p, sb, _("One order  \xE2\x86\x92"), false))
        step(a);
    if (p->draw && hint)
        text_draw(a->text, _("[ ] slower / faster"), x + pad + ui_px(a, 8), cb.y + ui_px(a, 14), ui_px(a, 18), pl.dim,
                  TEXT_LEFT);
    /* The banner takes its clicks. */
    if (p->clicked && ui_inside((SDL_Rect){ x, y, bw, h }, p->cx, p->cy))
        p->clicked = false;
}

/* ---- for tests --------------------------------------------------------- */

bool uiapp_paused(const UiApp *a)
{
    return ui_all_computer(a) && ((a->ch.paused && !a->ch.step) || lesson_waiting(a));
}

bool uiapp_chronicle_banner(const UiApp *a, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!a->ch.checkpoint || !uiapp_game(a))
        return false;
    size_t len = 0;
    banner_head(a, buf, n);
    for (int i = 0; i < a->ch.nsteps; i++) {
        char note[700], order[400];
        step_note(a, &a->ch.steps[i], note, sizeof note);
        step_order(a, &a->ch.steps[i], order, sizeof order);
        len = strlen(buf);
        snprintf(buf + len, n - len, "\n%s\n%s", note, order);
    }
    return true;
}

int uiapp_chronicle_followed(const UiApp *a)
{
    return a->ch.followed;
}

bool uiapp_start_chronicle(UiApp *a, int scenario, char *why, size_t n)
{
    if (!uiapp_start(a, scenario, -1, false, why, n))
        return false;
    chronicle_begin(a);
    return true;
}

/* ---- the recorded outcome ---------------------------------------------- */

void ui_recorded_outcome(const UiApp *a, char *b, size_t n, int *side)
{
    b[0] = '\0';
    *side = -1;
    const Game *g = uiapp_game(a);
    const ScenarioInfo *inf = ui_scenario(a) ? scenario_info(ui_scenario(a)) : NULL;
    if (!g || !inf)
        return;
    for (int i = 0; i < inf->nnotes; i++)
        if (!strcmp(inf->notes[i].id, "outcome") || !strcmp(inf->notes[i].id, "recorded")) {
            snprintf(b, n, "%s [%s]", ui_ar(inf->notes[i].text, inf->notes[i].text_ar), inf->notes[i].src[0] ? inf->notes[i].src : "?");
            break;
        }
    for (int i = 0; i < g->nvictory; i++) {
        const Victory *v = &g->victory[i];
        if (strcmp(v->level, "historical") != 0)
            continue;
        *side = v->side;
        if (!b[0] && v->side >= 0 && v->side < g->nsides)
            snprintf(b, n, "%s: %s", g->sides[v->side].name, v->text);
        break;
    }
}
