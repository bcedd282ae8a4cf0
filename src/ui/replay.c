/* replay.c - "Watch a replay": the saves under the pref path, and the
 * replay viewer, which re-plays a checked save one command at a time.
 *
 * The save is loaded with save_load() (every line, the checksum, the
 * scenario's hash and every recorded turn hash checked); any refusal is
 * shown on the saves screen naming the file and the line or turn. The
 * viewer's game is a fresh Session of the same scenario and seed with the
 * first `pos` recorded commands applied: forward applies the next ones,
 * back re-plays from the start (a whole game re-plays in milliseconds).
 * Every turn it reaches is compared with the save's record. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "data/file.h"
#include "ui/internal.h"
#include "i18n.h"

enum { DESCRIBE_MAX_BYTES = 64 << 20 };    /* as the largest save Emesa loads */

const int ui_replay_speeds[UI_REPLAY_SPEEDS] = { 1, 2, 4, 8 };

/* ---- the saves ---------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_save(const void *x, const void *y)
{
    const SaveEntry *a = x, *b = y;
    if (a->mtime != b->mtime)
        return a->mtime > b->mtime ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* A line of what a save holds: scenario and turn, from its text. */
static void describe_save(const char *path, char *out, size_t n)
{
    size_t len;
    char why[FILE_WHY];
    char *text = file_read(path, DESCRIBE_MAX_BYTES, &len, why, sizeof why);   /* never a FIFO or a device */
    snprintf(out, n, "not readable");
    if (!text)
        return;
    char scen[128] = "?", ai[64] = "";
    int turn = 0, cmds = 0;
    bool magic = false;
    TextLines tl;
    text_lines_init(&tl, text, len);
    const char *l;
    size_t ll;
    while (text_lines_next(&tl, &l, &ll)) {
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(ll < sizeof line ? ll : sizeof line - 1), l);
        if (strncmp(line, "emesa-save ", 11) == 0)
            magic = true;
        else if (strncmp(line, "scenario ", 9) == 0)
            sscanf(line + 9, "%127s", scen);
        else if (strncmp(line, "ai ", 3) == 0)
            sscanf(line + 3, "%63s", ai);
        else if (strncmp(line, "cmd ", 4) == 0)
            cmds++;
        else if (strncmp(line, "end turn ", 9) == 0)
            sscanf(line + 9, "%d", &turn);
    }
    free(text);
    if (!magic) {
        snprintf(out, n, "not an Emesa save");
        return;
    }
    if (turn > 0)
        snprintf(out, n, "%s \xC2\xB7 saved on turn %d \xC2\xB7 %d commands%s%s", scen, turn, cmds, ai[0] ? " \xC2\xB7 computer: " : "",
                 ai);
    else
        snprintf(out, n, "%s \xC2\xB7 %d commands \xC2\xB7 no end line", scen, cmds);
}

void saves_scan(UiApp *a)
{
    a->nsaves = 0;
    a->sel_save = 0;
    a->saves_scroll = 0;
    if (!a->pref_dir[0])
        return;
    DIR *d = opendir(a->pref_dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) && a->nsaves < UI_MAX_SAVES) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".emesa-save"))
            continue;
        SaveEntry *e = &a->saves[a->nsaves];
        snprintf(e->path, sizeof e->path, "%s%s", a->pref_dir, de->d_name);
        struct stat st;
        if (stat(e->path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        snprintf(e->name, sizeof e->name, "%s", de->d_name);
        e->mtime = (long)st.st_mtime;
        a->nsaves++;
    }
    closedir(d);
    qsort(a->saves, (size_t)a->nsaves, sizeof a->saves[0], cmp_save);
}

static const char *save_title(const SaveEntry *e, char *b, size_t n)
{
    long num;
    char id[200];
    if (strcmp(e->name, "quicksave.emesa-save") == 0)
        snprintf(b, n, _("Quick save (F5)"));
    else if (sscanf(e->name, "quicksave-%199[^.].emesa-save", id) == 1)
        snprintf(b, n, _("Quick save (F5), %s"), id);
    else if (sscanf(e->name, "autosave-%ld.emesa-save", &num) == 1)
        snprintf(b, n, _("Autosave %ld"), num);
    else
        snprintf(b, n, "%s", e->name);
    return b;
}

bool saves_key(UiApp *a, SDL_Keycode k)
{
    switch (k) {
    case SDLK_UP: if (a->sel_save > 0) a->sel_save--; return true;
    case SDLK_DOWN: if (a->sel_save + 1 < a->nsaves) a->sel_save++; return true;
    case SDLK_RETURN: case SDLK_KP_ENTER:
        if (a->sel_save < a->nsaves)
            ui_replay_open(a, a->saves[a->sel_save].path);
        return true;
    case SDLK_ESCAPE: case SDLK_BACKSPACE: a->screen = UI_MENU; a->replay_error[0] = '\0'; return true;
    default: return false;
    }
}

void saves_pass(UiApp *a, Pass *p)
{
    Palette pl = ui_palette(a);
    int W = a->W, H = a->H;
    if (p->draw) {
        gfx_fill_rect(a->r, 0, 0, (float)W, (float)ui_px(a, 110), a->set.high_contrast ? rgba(0, 255) : rgba(0x2b2a26, 255));
        gfx_fill_rect(a->r, 0, (float)ui_px(a, 110), (float)W, 3, pl.accent);
        text_draw_bold(a->text, _("Watch a replay"), ui_px(a, 40), ui_px(a, 20), ui_px(a, 36), pl.head, TEXT_LEFT);
        text_draw(a->text, _("Saved games and autosaves, re-played from their record: step, play, jump to a turn."),
                  ui_px(a, 42), ui_px(a, 70), ui_px(a, 16), pl.dim, TEXT_LEFT);
    }
    int top = ui_px(a, 140), x = ui_px(a, 40), lw = ui_px(a, 520);
    if (p->draw) {
        char b[1300];
        snprintf(b, sizeof b, _("In %s"), a->pref_dir[0] ? a->pref_dir : _("(no settings folder)"));
        text_draw_bold(a->text, _("Saves"), x, top, ui_px(a, 20), pl.head, TEXT_LEFT);
        text_draw(a->text, b, x + ui_px(a, 80), top + ui_px(a, 5), ui_px(a, 12), pl.dim, TEXT_LEFT);
    }
    int y = top + ui_px(a, 38);
    int rowh = ui_px(a, 62);
    int bottom = H - ui_px(a, 90);
    int rows = (bottom - y) / rowh;
    if (rows < 1)
        rows = 1;
    if (a->sel_save < a->saves_scroll)
        a->saves_scroll = a->sel_save;
    if (a->sel_save >= a->saves_scroll + rows)
        a->saves_scroll = a->sel_save - rows + 1;
    if (a->saves_scroll > a->nsaves - rows)
        a->saves_scroll = a->nsaves - rows;
    if (a->saves_scroll < 0)
        a->saves_scroll = 0;
    if (a->nsaves == 0 && p->draw)
        text_wrap(a->text,
                  _("No saves yet. Every turn of a game in this window is autosaved here, and F5 makes a quick save. "
                  "A save from elsewhere opens with:  emesa --replay FILE"),
                  x, y, lw, ui_px(a, 15), pl.dim, true);
    for (int i = a->saves_scroll; i < a->nsaves && i < a->saves_scroll + rows; i++) {
        SDL_Rect r = { x, y, lw, ui_px(a, 54) };
        if (ui_button(a, p, r, "", i == a->sel_save)) {
            if (a->sel_save == i)
                ui_replay_open(a, a->saves[i].path);
            else
                a->sel_save = i;
            if (a->screen != UI_SAVES)
                return;
        }
        if (p->draw) {
            char t[300], d[400], when[64];
            Rgba c = i == a->sel_save ? rgba(0x1a1408, 255) : pl.body;
            time_t mt = (time_t)a->saves[i].mtime;
            struct tm tm;
            localtime_r(&mt, &tm);
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
            text_draw_bold(a->text, save_title(&a->saves[i], t, sizeof t), r.x + ui_px(a, 12), r.y + ui_px(a, 6),
                           ui_px(a, 16), c, TEXT_LEFT);
            text_draw(a->text, when, r.x + r.w - ui_px(a, 12), r.y + ui_px(a, 8), ui_px(a, 13),
                      i == a->sel_save ? c : pl.dim, TEXT_RIGHT);
            describe_save(a->saves[i].path, d, sizeof d);
            text_draw(a->text, d, r.x + ui_px(a, 12), r.y + ui_px(a, 30), ui_px(a, 13), i == a->sel_save ? c : pl.dim,
                      TEXT_LEFT);
        }
        y += rowh;
    }
    int by = H - ui_px(a, 70);
    SDL_Rect rb = { x, by, ui_px(a, 200), ui_px(a, 44) };
    if (ui_button(a, p, rb, _("Back to the menu"), false)) {
        a->screen = UI_MENU;
        a->replay_error[0] = '\0';
        return;
    }
    SDL_Rect rw = { x + lw - ui_px(a, 200), by, ui_px(a, 200), ui_px(a, 44) };
    if (ui_button(a, p, rw, _("Watch  \xE2\x8F\x8E"), a->nsaves > 0) && a->nsaves > 0) {
        ui_replay_open(a, a->saves[a->sel_save].path);
        if (a->screen != UI_SAVES)
            return;
    }
    /* The right: why the last save did not open, or how the viewer works. */
    int rx = x + lw + ui_px(a, 40), rwid = W - rx - ui_px(a, 40);
    if (rwid < ui_px(a, 200))
        return;
    SDL_Rect panel = { rx, top - ui_px(a, 10), rwid, H - top - ui_px(a, 20) };
    ui_panel(a, p, panel);
    if (!p->draw)
        return;
    int px = rx + ui_px(a, 24), pw = rwid - ui_px(a, 48), yy = top + ui_px(a, 8);
    if (a->replay_error[0]) {
        const char *nl = strchr(a->replay_error, '\n');
        char head[256];
        snprintf(head, sizeof head, "%.*s", nl ? (int)(nl - a->replay_error) : (int)strlen(a->replay_error), a->replay_error);
        gfx_fill_rect(a->r, (float)(rx + 1), (float)(panel.y + 1), (float)ui_px(a, 6), (float)(panel.h - 2), pl.bad);
        yy += text_wrap(a->text, head, px, yy, pw, ui_px(a, 20), pl.bad, true) + ui_px(a, 12);
        if (nl)
            yy += text_wrap(a->text, nl + 1, px, yy, pw, ui_px(a, 15), pl.body, true) + ui_px(a, 16);
        text_wrap(a->text,
                  _("Nothing was changed or overwritten. A save is checked line by line against its checksum, its "
                  "scenario and the state it recorded at every turn, so a damaged or edited file, or a scenario "
                  "that has changed since, is found before anything is shown."),
                  px, yy, pw, ui_px(a, 14), pl.dim, true);
        return;
    }
    text_draw_bold(a->text, _("The replay viewer"), px, yy, ui_px(a, 22), pl.head, TEXT_LEFT);
    yy += ui_px(a, 44);
    static const char *const keys[][2] = {
        { N_("Space"), N_("play or pause") },
        { "\xE2\x86\x90 / \xE2\x86\x92", N_("one command back / forward") },
        { "\xE2\x86\x91 / \xE2\x86\x93", N_("start of the previous / next turn") },
        { N_("Home / End"), N_("the start / the end of the game") },
        { "[ / ]", N_("slower / faster: 1, 2, 4 or 8 commands a second") },
        { N_("Turn strip"), N_("click a turn to jump to its start") },
        { "T / R", N_("the theatre map / the relief timeline") },
        { N_("Esc"), N_("back to this list") },
    };
    int kp = ui_px(a, 15), lh = text_line_height(a->text, kp) + ui_px(a, 4);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        text_draw_bold(a->text, _(keys[i][0]), px, yy, kp, pl.accent, TEXT_LEFT);
        text_draw(a->text, _(keys[i][1]), px + ui_px(a, 150), yy, kp, pl.body, TEXT_LEFT);
        yy += lh;
    }
    yy += ui_px(a, 16);
    text_wrap(a->text,
              _("The replay shows both sides' units, hidden or not, and checks the game against the save's record at "
              "the start of every turn."),
              px, yy, pw, ui_px(a, 14), pl.dim, true);
}

/* ---- the viewer ----------------------------------------------------------- */

static bool readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void refuse(UiApp *a, const char *path, const char *head, const char *detail)
{
    snprintf(a->replay_error, sizeof a->replay_error, "%s\n%s", head, detail);
    if (a->ss)
        ui_back_to_menu(a);
    saves_scan(a);
    for (int i = 0; i < a->nsaves; i++)
        if (strcmp(a->saves[i].path, path) == 0)
            a->sel_save = i;
    a->screen = UI_SAVES;
}

void ui_replay_close(UiApp *a)
{
    if (a->rp.rec)
        session_free(a->rp.rec);
    memset(&a->rp, 0, sizeof a->rp);
}

/* Compares the turns the viewer's game has begun with the save's record. */
static void check_marks(UiApp *a)
{
    const Session *v = a->ss, *rec = a->rp.rec;
    size_t nv = session_nmarks(v), nr = session_nmarks(rec);
    for (size_t i = 0; i < nv; i++) {
        const SessionMark *m = session_mark(v, i), *r = i < nr ? session_mark(rec, i) : NULL;
        if (!r || r->turn != m->turn || r->after != m->after || r->hash != m->hash) {
            snprintf(a->rp.verdict, sizeof a->rp.verdict, "\xE2\x9C\x97 turn %d differs from the save's record", m->turn);
            a->rp.verdict_ok = false;
            return;
        }
    }
    const SessionMark *last = nv ? session_mark(v, nv - 1) : NULL;
    snprintf(a->rp.verdict, sizeof a->rp.verdict, "\xE2\x9C\x93 turn%s 1%s%.0d as recorded", last && last->turn > 1 ? "s" : "",
             last && last->turn > 1 ? "\xE2\x80\x93" : "", last && last->turn > 1 ? last->turn : 0);
    a->rp.verdict_ok = true;
}

bool ui_replay_open(UiApp *a, const char *path)
{
    char why[512];
    if (!ui_ensure_art(a, why, sizeof why)) {
        refuse(a, path, _("The map's art cannot be loaded."), why);
        return false;
    }
    SaveLoadOptions o;
    memset(&o, 0, sizeof o);
    o.data_dir = a->data_dir;
    Session *rec = NULL;
    SaveError err;
    SaveStatus st = save_load(path, &o, &rec, &err);
    if (st != SAVE_OK) {
        session_free(rec);
        char b[1100], head[256];
        save_error_format(&err, b, sizeof b);
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        switch (st) {
        case SAVE_IO: snprintf(head, sizeof head, _("%s cannot be read."), base); break;
        case SAVE_SCENARIO: snprintf(head, sizeof head, _("%s: its scenario is missing or has changed."), base); break;
        case SAVE_DIVERGED:
            snprintf(head, sizeof head, _("%s: the replay went differently from the record at turn %d."), base, err.turn);
            break;
        default:
            if (err.line > 0)
                snprintf(head, sizeof head, _("%s is damaged or not an Emesa save (line %d)."), base, err.line);
            else
                snprintf(head, sizeof head, _("%s is damaged or not an Emesa save."), base);
            break;
        }
        refuse(a, path, head, b);
        return false;
    }
    /* The scenario as save_load() found it: relative to the data directory
     * first. It was just checked against the save's scenario hash. */
    const char *ref = session_ref(rec);
    char scen[1200];
    if (ref[0] != '/') {
        snprintf(scen, sizeof scen, "%s/%s", a->data_dir, ref);
        if (!readable(scen))
            snprintf(scen, sizeof scen, "%s", ref);
    } else {
        snprintf(scen, sizeof scen, "%s", ref);
    }
    Diags d;
    memset(&d, 0, sizeof d);
    Session *view = session_new_opts(scen, ref, session_seed(rec), session_options(rec), &d);
    if (!view) {
        char b[600] = "it does not load";
        if (d.n)
            diag_format(&d.items[0], b, sizeof b);
        session_free(rec);
        refuse(a, path, _("The save's scenario does not load."), b);
        return false;
    }
    ui_adopt_session(a, view, -1, false, true);
    a->rp.rec = rec;
    snprintf(a->rp.file, sizeof a->rp.file, "%s", path);
    snprintf(a->rp.scen, sizeof a->rp.scen, "%s", scen);
    a->rp.pos = 0;
    a->rp.playing = false;
    a->rp.speed = 1;
    a->replay_error[0] = '\0';
    check_marks(a);
    const SessionMark *last = session_mark(rec, session_nmarks(rec) - 1);
    ui_notice(a, _("Replay: %zu commands over %d turns. Space plays, the arrows step."), session_ncommands(rec),
              last ? last->turn : 1);
    return true;
}

bool ui_replay_goto(UiApp *a, size_t pos, bool animate)
{
    if (!a->rp.active || !a->rp.rec)
        return false;
    const Session *rec = a->rp.rec;
    size_t n = session_ncommands(rec);
    if (pos > n)
        pos = n;
    a->nanims = 0;
    if (pos < a->rp.pos) {
        Diags d;
        memset(&d, 0, sizeof d);
        Session *v = session_new_opts(a->rp.scen, session_ref(rec), session_seed(rec), session_options(rec), &d);
        if (!v) {
            char b[600] = "it does not load";
            if (d.n)
                diag_format(&d.items[0], b, sizeof b);
            ui_notice(a, _("The scenario does not load again: %s"), b);
            a->rp.playing = false;
            return false;
        }
        session_free(a->ss);
        a->ss = v;
        a->ss_gen = session_generation(v);
        a->events_seen = 0;
        a->nlog = 0;
        a->rp.pos = 0;
        animate = false;
    }
    bool ok = true;
    for (; a->rp.pos < pos; a->rp.pos++) {
        char why[256];
        const char *cmd = session_command(rec, a->rp.pos);
        if (!session_apply_text(a->ss, cmd, why, sizeof why)) {
            const char *base = strrchr(a->rp.file, '/');
            ui_notice(a, _("%s: command %zu (\"%s\") was refused on turn %d: %s"), base ? base + 1 : a->rp.file,
                      a->rp.pos + 1, cmd, uiapp_game(a)->turn, why);
            a->rp.playing = false;
            ok = false;
            break;
        }
    }
    ui_process_events(a);
    if (!animate)
        a->nanims = 0;
    a->last_active = uiapp_game(a)->active;
    ui_refresh_selection(a);
    check_marks(a);
    if (a->rp.pos >= n)
        a->rp.playing = false;
    return ok;
}

/* The recorded command index where turn t begins, or -1. */
static long turn_start(const UiApp *a, int t)
{
    const Session *rec = a->rp.rec;
    for (size_t i = 0; i < session_nmarks(rec); i++)
        if (session_mark(rec, i)->turn == t)
            return (long)session_mark(rec, i)->after;
    return -1;
}

static int last_turn(const UiApp *a)
{
    size_t nm = session_nmarks(a->rp.rec);
    return nm ? session_mark(a->rp.rec, nm - 1)->turn : 1;
}

static void goto_turn(UiApp *a, int t)
{
    long at = turn_start(a, t);
    if (at >= 0) {
        a->rp.playing = false;
        ui_replay_goto(a, (size_t)at, false);
    }
}

/* The next (dir 1) or previous (dir -1) turn start from here. */
static void step_turn(UiApp *a, int dir)
{
    const Session *rec = a->rp.rec;
    size_t nm = session_nmarks(rec);
    size_t target = dir > 0 ? session_ncommands(rec) : 0;
    for (size_t i = 0; i < nm; i++) {
        size_t at = session_mark(rec, dir > 0 ? i : nm - 1 - i)->after;
        if ((dir > 0 && at > a->rp.pos) || (dir < 0 && at < a->rp.pos)) {
            target = at;
            break;
        }
    }
    a->rp.playing = false;
    ui_replay_goto(a, target, false);
}

static void toggle_play(UiApp *a)
{
    if (a->rp.playing) {
        a->rp.playing = false;
        return;
    }
    if (a->rp.pos >= session_ncommands(a->rp.rec))
        ui_replay_goto(a, 0, false);
    a->rp.playing = true;
    a->rp.next_at = a->now;
}

static void set_speed(UiApp *a, int i)
{
    if (i < 0)
        i = 0;
    if (i >= UI_REPLAY_SPEEDS)
        i = UI_REPLAY_SPEEDS - 1;
    a->rp.speed = i;
}

bool replay_tick(UiApp *a, uint32_t now)
{
    if (!a->rp.playing || a->screen != UI_GAME || a->help || a->settings || a->confirm_quit)
        return false;
    if (now >= a->rp.next_at) {
        ui_replay_goto(a, a->rp.pos + 1, true);
        /* Animate within the step, however fast. */
        uint32_t step = 1000u / (uint32_t)ui_replay_speeds[a->rp.speed];
        for (int i = 0; i < a->nanims; i++) {
            uint32_t per = step * 3 / 4 / (uint32_t)(a->anims[i].npts > 1 ? a->anims[i].npts - 1 : 1);
            if (per < a->anims[i].per_step)
                a->anims[i].per_step = per ? per : 1;
        }
        a->rp.next_at = now + step;
    }
    return a->rp.playing;
}

bool replay_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    if (!a->rp.active)
        return false;
    switch (k->keysym.sym) {
    case SDLK_SPACE: case SDLK_p: case SDLK_k: toggle_play(a); return true;
    case SDLK_RIGHT: case SDLK_PERIOD:
        a->rp.playing = false;
        ui_replay_goto(a, a->rp.pos + 1, true);
        return true;
    case SDLK_LEFT: case SDLK_COMMA:
        a->rp.playing = false;
        if (a->rp.pos > 0)
            ui_replay_goto(a, a->rp.pos - 1, false);
        return true;
    case SDLK_UP: step_turn(a, -1); return true;
    case SDLK_DOWN: step_turn(a, 1); return true;
    case SDLK_HOME: a->rp.playing = false; ui_replay_goto(a, 0, false); return true;
    case SDLK_END: a->rp.playing = false; ui_replay_goto(a, session_ncommands(a->rp.rec), false); return true;
    case SDLK_LEFTBRACKET: set_speed(a, a->rp.speed - 1); return true;
    case SDLK_RIGHTBRACKET: set_speed(a, a->rp.speed + 1); return true;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_e: return true;   /* nothing to end */
    case SDLK_ESCAPE:
        if (a->nsel > 0 || a->view != VIEW_MAP)
            return false;
        ui_back_to_menu(a);
        saves_scan(a);
        a->screen = UI_SAVES;
        return true;
    default: return false;
    }
}

int replay_bar_h(const UiApp *a)
{
    return a->rp.active ? ui_px(a, 96) : 0;
}

int game_panel_w(const UiApp *a);

void replay_bar_pass(UiApp *a, Pass *p)
{
    if (!a->rp.active || !a->rp.rec)
        return;
    const Game *g = uiapp_game(a);
    const Session *rec = a->rp.rec;
    Palette pl = ui_palette(a);
    int h = replay_bar_h(a);
    SDL_Rect bar = { 0, a->H - h, a->W - game_panel_w(a), h };
    ui_panel(a, p, bar);
    if (p->draw)
        gfx_fill_rect(a->r, (float)bar.x, (float)bar.y, (float)bar.w, 2, pl.accent);
    size_t n = session_ncommands(rec);
    int x = bar.x + ui_px(a, 12), y = bar.y + ui_px(a, 10), bh = ui_px(a, 34);
    struct { const char *label, *tip; int w; } b[5] = {
        { "|\xE2\x97\x80", N_("The start of the game (Home)."), 44 },
        { "\xE2\x97\x80", N_("One command back (\xE2\x86\x90)."), 44 },
        { a->rp.playing ? N_("Pause") : N_("Play"), N_("Play or pause (Space)."), 80 },
        { "\xE2\x96\xB6", N_("One command forward (\xE2\x86\x92)."), 44 },
        { "\xE2\x96\xB6|", N_("The end of the game (End)."), 44 },
    };
    for (int i = 0; i < 5; i++) {
        SDL_Rect r = { x, y, ui_px(a, b[i].w), bh };
        if (ui_button(a, p, r, _(b[i].label), i == 2 && a->rp.playing)) {
            switch (i) {
            case 0: a->rp.playing = false; ui_replay_goto(a, 0, false); break;
            case 1: a->rp.playing = false; if (a->rp.pos > 0) ui_replay_goto(a, a->rp.pos - 1, false); break;
            case 2: toggle_play(a); break;
            case 3: a->rp.playing = false; ui_replay_goto(a, a->rp.pos + 1, true); break;
            case 4: a->rp.playing = false; ui_replay_goto(a, n, false); break;
            }
            g = uiapp_game(a);
        }
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, "%s", _(b[i].tip));
        x += r.w + ui_px(a, 4);
    }
    x += ui_px(a, 12);
    /* A narrow bar (a small screen at a large scale) leaves the speeds
     * to their keys ([ and ]) so the words keep their room. */
    int right = bar.x + bar.w - ui_px(a, 12);
    bool speeds = right - (x + UI_REPLAY_SPEEDS * ui_px(a, 43) + ui_px(a, 14)) >= ui_px(a, 260);
    for (int i = 0; speeds && i < UI_REPLAY_SPEEDS; i++) {
        char lab[8];
        snprintf(lab, sizeof lab, "%dx", ui_replay_speeds[i]);
        SDL_Rect r = { x, y, ui_px(a, 40), bh };
        if (ui_button(a, p, r, lab, a->rp.speed == i))
            set_speed(a, i);
        if (ui_inside(r, p->mx, p->my))
            ui_tooltip_set(p, _("Play %d command%s a second ([ and ] change it)."), ui_replay_speeds[i],
                           ui_replay_speeds[i] == 1 ? "" : "s");
        x += r.w + ui_px(a, 3);
    }
    if (speeds)
        x += ui_px(a, 14);
    int room = right - x;
    if (p->draw && room > 0) {
        char t[400], c[300] = "the game as it began";
        snprintf(t, sizeof t, _("Command %zu of %zu \xC2\xB7 turn %d of %d"), a->rp.pos, n, g->turn, last_turn(a));
        /* Bold runs wider than text_width measures: fit it with a margin. */
        int fs = ui_fit_px(a, t, ui_px(a, 14), room * 85 / 100);
        if (text_width(a->text, t, fs) > room * 85 / 100) {
            snprintf(t, sizeof t, _("Turn %d of %d"), g->turn, last_turn(a));
            fs = ui_fit_px(a, t, ui_px(a, 14), room * 85 / 100);
        }
        int tw = text_draw_bold(a->text, t, x, y - ui_px(a, 2), fs, pl.head, TEXT_LEFT);
        if (a->rp.pos > 0) {
            int side = session_command_side(rec, a->rp.pos - 1);
            snprintf(c, sizeof c, "%s: %s", side >= 0 && side < g->nsides ? g->sides[side].name : "?",
                     session_command(rec, a->rp.pos - 1));
        }
        /* The verdict beside the heading when it fits, else beside the
         * last command, which then takes what room is left. */
        int vpx = ui_fit_px(a, a->rp.verdict, ui_px(a, 13), room);
        /* No room even for the verdict: its mark, and the words on hover. */
        char verdict[256];
        snprintf(verdict, sizeof verdict, "%s", a->rp.verdict);
        if (text_width(a->text, verdict, vpx) > room) {
            snprintf(verdict, sizeof verdict, "%.3s", a->rp.verdict);
            SDL_Rect words = { x, y, room, bh };
            if (ui_inside(words, p->mx, p->my))
                ui_tooltip_set(p, "%s", a->rp.verdict);
        }
        int vw = text_width(a->text, verdict, vpx), gap = ui_px(a, 12);
        bool first_line = tw + gap + vw <= room;
        text_draw(a->text, verdict, right, first_line ? y - ui_px(a, 1) : y + ui_px(a, 18), vpx,
                  a->rp.verdict_ok ? pl.good : pl.bad, TEXT_RIGHT);
        int croom = first_line ? room : room - vw - gap;
        while (strlen(c) > 8 && text_width(a->text, c, ui_px(a, 13)) > croom) {
            size_t l = strlen(c);
            c[l - 5] = '\0';
            while (l > 6 && ((unsigned char)c[strlen(c) - 1] & 0xC0) == 0x80)
                c[strlen(c) - 1] = '\0';
            strcat(c, "\xE2\x80\xA6");
        }
        if (text_width(a->text, c, ui_px(a, 13)) <= croom)
            text_draw(a->text, c, x, y + ui_px(a, 18), ui_px(a, 13), pl.body, TEXT_LEFT);
    }
    /* The turn strip: one cell per recorded turn. */
    int sy = y + bh + ui_px(a, 8), sh = ui_px(a, 28);
    int sx = bar.x + ui_px(a, 12);
    if (p->draw)
        text_draw(a->text, _("Turn"), sx, sy + (sh - text_line_height(a->text, ui_px(a, 13))) / 2, ui_px(a, 13), pl.dim,
                  TEXT_LEFT);
    sx += ui_px(a, 44);
    int sw = bar.x + bar.w - ui_px(a, 12) - sx;
    size_t nm = session_nmarks(rec);
    if (nm == 0 || sw <= 0)
        return;
    float cw = (float)sw / (float)nm;
    for (size_t i = 0; i < nm; i++) {
        const SessionMark *m = session_mark(rec, i);
        size_t end = i + 1 < nm ? session_mark(rec, i + 1)->after : n;
        SDL_Rect r = { sx + (int)(cw * (float)i), sy, (int)(cw * (float)(i + 1)) - (int)(cw * (float)i) - 1, sh };
        char lab[16];
        snprintf(lab, sizeof lab, _("turn %d"), m->turn);
        ui_probe(a, r, lab);
        bool cur = a->rp.pos >= m->after && (a->rp.pos < end || (i + 1 == nm));
        bool hot = ui_inside(r, p->mx, p->my);
        if (p->clicked && ui_inside(r, p->cx, p->cy)) {
            p->clicked = false;
            goto_turn(a, m->turn);
            return;
        }
        if (hot)
            ui_tooltip_set(p, _("Turn %d: commands %zu to %zu. Click to see the turn begin."), m->turn, m->after + 1, end);
        if (p->draw) {
            Rgba bg = cur ? pl.accent : hot ? pl.button_hover : a->rp.pos > m->after ? rgba(0x4d4a40, 255) : pl.button;
            gfx_fill_rect(a->r, (float)r.x, (float)r.y, (float)r.w, (float)r.h, bg);
            if (cur && end > m->after) {
                /* How far into the turn. */
                float f = (float)(a->rp.pos - m->after) / (float)(end - m->after);
                gfx_fill_rect(a->r, (float)r.x, (float)(r.y + r.h - ui_px(a, 4)), (float)r.w * f, (float)ui_px(a, 4),
                              rgba(0x1a1408, 255));
            }
            if (cw >= ui_px(a, 20) || m->turn % 5 == 0 || m->turn == 1) {
                char num[8];
                snprintf(num, sizeof num, "%d", m->turn);
                int fs = ui_px(a, 12);
                text_draw(a->text, num, r.x + r.w / 2, r.y + (r.h - text_line_height(a->text, fs)) / 2, fs,
                          cur ? rgba(0x1a1408, 255) : pl.button_text, TEXT_CENTER);
            }
        }
    }
    if (p->clicked && ui_inside(bar, p->cx, p->cy))
        p->clicked = false;
}

/* ---- for tests ------------------------------------------------------------ */

bool uiapp_replay_open(UiApp *a, const char *path)
{
    return ui_replay_open(a, path);
}

bool uiapp_replaying(const UiApp *a)
{
    return a->rp.active;
}

const char *uiapp_replay_error(const UiApp *a)
{
    return a->replay_error;
}

size_t uiapp_replay_pos(const UiApp *a)
{
    return a->rp.active ? a->rp.pos : 0;
}

size_t uiapp_replay_length(const UiApp *a)
{
    return a->rp.active && a->rp.rec ? session_ncommands(a->rp.rec) : 0;
}

bool uiapp_replay_turn_screen(UiApp *a, int turn, int *x, int *y)
{
    char lab[16];
    snprintf(lab, sizeof lab, _("turn %d"), turn);
    return uiapp_find_button(a, lab, x, y);
}
