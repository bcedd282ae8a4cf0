/* reload.c - hot reload: the scenario file edited while the window shows
 * it. F6, or the file's time or size changing on disk (looked at once a
 * second from the window loop), reads it again:
 *
 * - in a game, the session re-plays the game's commands on the new file
 *   (data/session.h, session_reload). If the file does not load, nothing
 *   changes and the problems are shown, file:line each, in a panel over
 *   the screen (Esc or Close dismisses it), the log and on stderr. If a
 *   command of the game so far is refused now, the game is played up to
 *   it and the panel says which command, on which turn, and why;
 * - in the menu, the selected entry's title, briefing and sides are read
 *   again (and the panel shows why the file does not load, if it does not).
 *
 * Ownership: the session replaces its Scenario and Game; the window keeps
 * nothing of the old ones (selection, theatre picks, the chronicle
 * banner's steps, the reachable-hex buffer sized by the old map are all
 * reset) and takes the new ones through ui_session_resync(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ui/internal.h"
#include "i18n.h"

enum { POLL_MS = 1000 };

/* ---- which file ------------------------------------------------------------ */

/* The file the running game was loaded from: its save reference when that
 * is absolute or found under the data directory (a quick save names it
 * so), else the name the session gives it (a game from the menu). */
static bool game_path(const UiApp *a, char *b, size_t n)
{
    if (!a->ss || a->rp.active)
        return false;
    const char *ref = session_ref(a->ss);
    if (ref[0] == '/') {
        snprintf(b, n, "%s", ref);
        return true;
    }
    if (ref[0] && a->data_dir[0]) {
        snprintf(b, n, "%s/%s", a->data_dir, ref);
        if (access(b, R_OK) == 0)
            return true;
    }
    snprintf(b, n, "%s", session_name(a->ss));
    return b[0] != 0;
}

/* What is watched now: the game's file, or in the menu the selected
 * entry's. */
static bool watched_path(const UiApp *a, char *b, size_t n)
{
    if (a->screen == UI_MENU)
        return a->sel_scen >= 0 && a->sel_scen < a->nscen && snprintf(b, n, "%s", a->scen[a->sel_scen].path) > 0;
    if (a->screen == UI_GAME || a->screen == UI_HANDOVER || a->screen == UI_DEBRIEF)
        return game_path(a, b, n);
    return false;
}

static void take_stat(ReloadView *rl)
{
    struct stat st;
    rl->exists = stat(rl->path, &st) == 0;
    rl->mtime_ns = rl->exists ? (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec : 0;
    rl->size = rl->exists ? (long long)st.st_size : 0;
}

/* ---- the panel ------------------------------------------------------------- */

static void panel_begin(UiApp *a, bool failed, const char *head)
{
    ReloadView *rl = &a->rl;
    rl->panel = true;
    rl->failed = failed;
    rl->nlines = rl->more = 0;
    snprintf(rl->head, sizeof rl->head, "%s", head);
    fprintf(stderr, "emesa: %s\n", rl->head);
}

static void panel_line(UiApp *a, const char *text)
{
    ReloadView *rl = &a->rl;
    fprintf(stderr, "%s\n", text);
    if (rl->nlines < UI_RELOAD_LINES)
        snprintf(rl->lines[rl->nlines++], sizeof rl->lines[0], "%s", text);
    else
        rl->more++;
}

/* The panel's lines into the game's log (after a re-play rebuilt it). */
static void panel_to_log(UiApp *a)
{
    if (!a->ss)
        return;
    ui_log_text(a, EV_MESSAGE, -1, a->rl.head);
    for (int i = 0; i < a->rl.nlines; i++)
        ui_log_text(a, EV_MESSAGE, -1, a->rl.lines[i]);
}

static void show_diags(UiApp *a, const char *head, const Diags *d)
{
    panel_begin(a, true, head);
    if (d->n == 0)
        panel_line(a, _("(no message: the file could not be read)"));
    for (int i = 0; i < d->n; i++) {
        char b[DIAG_TEXT + 400];
        diag_format(&d->items[i], b, sizeof b);
        panel_line(a, b);
    }
    a->rl.more += d->dropped;
}

static SDL_Rect panel_rect(UiApp *a, int *close_h)
{
    int pad = ui_px(a, 12), px = ui_px(a, 14), hs = ui_px(a, 16);
    int w = (a->screen == UI_MENU ? a->W : game_map_rect(a).w) - 2 * ui_px(a, 16);
    if (w > ui_px(a, 900))
        w = ui_px(a, 900);
    int tw = w - 2 * pad;
    int h = pad + text_wrap(a->text, a->rl.head, 0, 0, tw, hs, rgba(0, 255), false) + ui_px(a, 8);
    for (int i = 0; i < a->rl.nlines; i++)
        h += text_wrap(a->text, a->rl.lines[i], 0, 0, tw, px, rgba(0, 255), false) + ui_px(a, 4);
    if (a->rl.more)
        h += text_line_height(a->text, px);
    *close_h = ui_px(a, 30);
    h += *close_h + 2 * pad;
    /* Over the map, under its tabs (the side panel and the log stay in
     * sight); in the menu, at the top. */
    SDL_Rect area = { 0, ui_px(a, 16), a->W, a->H - ui_px(a, 16) };
    if (a->screen != UI_MENU) {
        SDL_Rect m = game_map_rect(a);
        area = (SDL_Rect){ m.x, m.y + ui_px(a, 50), m.w, m.h - ui_px(a, 50) };
    }
    if (h > area.h - ui_px(a, 8))
        h = area.h - ui_px(a, 8);
    SDL_Rect r = { area.x + (area.w - w) / 2, area.y, w, h };
    return r;
}

static SDL_Rect close_rect(UiApp *a, SDL_Rect r, int close_h)
{
    int bw = ui_px(a, 130), pad = ui_px(a, 12);
    SDL_Rect b = { r.x + r.w - pad - bw, r.y + r.h - pad - close_h, bw, close_h };
    return b;
}

void reload_click(UiApp *a, Pass *p)
{
    if (!a->rl.panel || !p->clicked)
        return;
    int ch;
    SDL_Rect r = panel_rect(a, &ch);
    if (ui_button(a, p, close_rect(a, r, ch), _("Close (Esc)"), false))
        a->rl.panel = false;
    else if (ui_inside(r, p->cx, p->cy))
        p->clicked = false;   /* the panel is not the map under it */
}

void reload_draw(UiApp *a, Pass *p)
{
    if (!a->rl.panel || !p->draw)
        return;
    Palette pl = ui_palette(a);
    int ch, pad = ui_px(a, 12), px = ui_px(a, 14), hs = ui_px(a, 16);
    SDL_Rect r = panel_rect(a, &ch);
    gfx_fill_rect(a->r, (float)r.x + 4, (float)r.y + 4, (float)r.w, (float)r.h, rgba(0, 110));
    ui_panel(a, p, r);
    gfx_rect_outline(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, 2, a->rl.failed ? pl.bad : pl.accent);
    SDL_Rect close = close_rect(a, r, ch);
    SDL_RenderSetClipRect(a->r, &(SDL_Rect){ r.x, r.y, r.w, close.y - r.y });
    int x = r.x + pad, y = r.y + pad, tw = r.w - 2 * pad;
    y += text_wrap(a->text, a->rl.head, x, y, tw, hs, a->rl.failed ? pl.bad : pl.head, true) + ui_px(a, 8);
    for (int i = 0; i < a->rl.nlines; i++)
        y += text_wrap(a->text, a->rl.lines[i], x, y, tw, px, pl.body, true) + ui_px(a, 4);
    if (a->rl.more) {
        char b[64];
        snprintf(b, sizeof b, _("... and %d more (on stderr)"), a->rl.more);
        text_draw(a->text, b, x, y, px, pl.dim, TEXT_LEFT);
    }
    SDL_RenderSetClipRect(a->r, NULL);
    text_draw(a->text, _("F6 reloads the file; saving it reloads too."), x, close.y + ui_px(a, 6), ui_px(a, 13), pl.dim,
              TEXT_LEFT);
    ui_button(a, p, close, _("Close (Esc)"), false);
}

bool uiapp_reload_panel(const UiApp *a, char *buf, size_t n)
{
    if (!a->rl.panel)
        return false;
    size_t l = (size_t)snprintf(buf, n, "%s", a->rl.head);
    for (int i = 0; i < a->rl.nlines && l < n; i++)
        l += (size_t)snprintf(buf + l, n - l, "\n%s", a->rl.lines[i]);
    return true;
}

/* ---- reloading ------------------------------------------------------------- */

/* The window lets go of everything that belonged to the old game before
 * it takes the new one. */
static void forget_old_game(UiApp *a)
{
    const Game *g = uiapp_game(a);
    a->nsel = 0;
    a->have_reach = a->have_path = false;
    a->ntargets = 0;
    a->nanims = 0;
    a->th_col = a->th_dest = a->th_hover = a->th_release = -1;
    a->armed = 0;
    a->ch.nsteps = 0;       /* its steps point into the old chronicle */
    minimap_free(&a->mini);
    free(a->reach);
    a->reach = calloc((size_t)g->map.width * (size_t)g->map.height, sizeof *a->reach);
    if (a->cam.map_w != g->map.width || a->cam.map_h != g->map.height) {
        a->cam.map_w = g->map.width;
        a->cam.map_h = g->map.height;
        cam_clamp(&a->cam);   /* kept on the map */
    }
}

/* The menu entry of the same file, read again (the title in the menu and
 * the window's). */
static void refill_menu_of(UiApp *a, const char *path)
{
    for (int i = 0; i < a->nscen; i++)
        if (strcmp(a->scen[i].path, path) == 0)
            menu_refill(a, i);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static bool reload_game(UiApp *a, const char *path)
{
    Diags d;
    memset(&d, 0, sizeof d);
    SessionReload r;
    size_t before = session_ncommands(a->ss);
    if (!session_reload(a->ss, path, &d, &r)) {
        char head[400];
        snprintf(head, sizeof head,
                 _("%s did not reload. Nothing changed: the game goes on as it was. Fix the file and save it (or "
                 "press F6)."),
                 base_name(path));
        show_diags(a, head, &d);
        panel_to_log(a);
        ui_notice(a, _("%s did not reload: the game is unchanged (the panel says why)."), base_name(path));
        return false;
    }
    const Game *g = uiapp_game(a);
    forget_old_game(a);
    ui_session_resync(a);
    if (g->mode != MODE_OVER && a->screen == UI_DEBRIEF)
        a->screen = UI_GAME;
    refill_menu_of(a, path);
    if (r.dropped) {
        const char *side = r.side >= 0 && r.side < g->nsides ? g->sides[r.side].name : "a side";
        char b[UI_LOG_TEXT];
        snprintf(b, sizeof b, _("%s reloaded, but the game so far does not play on it to the end."), base_name(path));
        panel_begin(a, false, b);
        snprintf(b, sizeof b, _("Command %zu of %zu, \"%s\" (%s, turn %d), is refused now: %s."), r.refused + 1, before,
                 r.command, side, r.turn, r.why);
        panel_line(a, b);
        snprintf(b, sizeof b,
                 _("The game was played up to it: %zu command%s played again; it and the %zu after it were dropped. "
                 "The game goes on from turn %d."),
                 r.replayed, r.replayed == 1 ? "" : "s", r.dropped - 1, g->turn);
        panel_line(a, b);
        panel_to_log(a);
        ui_notice(a, _("Reloaded %s: played up to command %zu (turn %d), refused now."), base_name(path), r.refused + 1,
                  r.turn);
    } else {
        a->rl.panel = false;
        char b[UI_LOG_TEXT];
        snprintf(b, sizeof b, _("Reloaded %s: %zu command%s played again, turn %d."), base_name(path), r.replayed,
                 r.replayed == 1 ? "" : "s", g->turn);
        ui_log_text(a, EV_MESSAGE, -1, b);
        ui_notice(a, "%s", b);
        fprintf(stderr, "emesa: %s\n", b);
    }
    if (r.handler_errors)
        ui_notice(a, _("Reloaded %s: %d handler error%s while playing the game again (see the log)."), base_name(path),
                  r.handler_errors, r.handler_errors == 1 ? "" : "s");
    return true;
}

static bool reload_menu(UiApp *a, const char *path)
{
    Diags d;
    memset(&d, 0, sizeof d);
    Scenario *s = scenario_load(path, 1, &d);
    int i = a->sel_scen;
    menu_refill(a, i);
    if (!s) {
        char head[400];
        snprintf(head, sizeof head, _("%s does not load. Fix the file and save it (or press F6)."), base_name(path));
        show_diags(a, head, &d);
        return false;
    }
    scenario_free(s);
    a->rl.panel = false;
    ui_notice(a, _("Reloaded %s."), base_name(path));
    return true;
}

static bool reload_now(UiApp *a)
{
    char path[sizeof a->rl.path];
    if (!watched_path(a, path, sizeof path)) {
        if (a->rp.active)
            ui_notice(a, _("A replay is watched as it was saved: F6 reloads a game being played."));
        return false;
    }
    snprintf(a->rl.path, sizeof a->rl.path, "%s", path);
    take_stat(&a->rl);
    a->rl.next_poll = a->now + POLL_MS;
    return a->screen == UI_MENU ? reload_menu(a, path) : reload_game(a, path);
}

bool uiapp_reload(UiApp *a)
{
    return reload_now(a);
}

bool reload_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    if (k->keysym.sym == SDLK_F6) {
        reload_now(a);
        return true;
    }
    if (k->keysym.sym == SDLK_ESCAPE && a->rl.panel) {
        a->rl.panel = false;
        return true;
    }
    return false;
}

int uiapp_watch_wait(const UiApp *a, uint32_t now)
{
    char path[sizeof a->rl.path];
    if (!watched_path(a, path, sizeof path))
        return -1;
    return a->rl.next_poll > now && a->rl.next_poll - now <= POLL_MS ? (int)(a->rl.next_poll - now) : 0;
}

bool uiapp_watch(UiApp *a, uint32_t now)
{
    ReloadView *rl = &a->rl;
    if (rl->next_poll && now < rl->next_poll && rl->next_poll - now <= POLL_MS)
        return false;
    rl->next_poll = now + POLL_MS;
    char path[sizeof rl->path];
    if (!watched_path(a, path, sizeof path)) {
        rl->path[0] = 0;
        return false;
    }
    if (strcmp(path, rl->path) != 0) {
        /* A new file to watch: what it is now is the start. */
        snprintf(rl->path, sizeof rl->path, "%s", path);
        take_stat(rl);
        return false;
    }
    bool was = rl->exists;
    long long t = rl->mtime_ns, sz = rl->size;
    take_stat(rl);
    /* Gone (an editor writes a new file, then renames it): wait for it. */
    if (!rl->exists || (was && rl->mtime_ns == t && rl->size == sz))
        return false;
    if (now > a->now)
        a->now = now;
    reload_now(a);
    return true;
}
