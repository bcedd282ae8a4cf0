/* internal.h - the UiApp's insides, shared by the files of src/ui. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <SDL.h>
#include "core/command.h"
#include "core/game.h"
#include "core/path.h"
#include "ai/ai.h"
#include "data/chronicle.h"
#include "data/save.h"
#include "data/scenario.h"
#include "data/session.h"
#include "render/render.h"
#include "ui/uiapp.h"

enum { UI_WARNINGS = 16, UI_WARN_LEN = 240 };
enum { UI_MAX_SCEN = 32, UI_LOG = 400, UI_LOG_TEXT = 640, UI_ANIMS = 16, UI_WAYPOINTS = 40 };

/* Who plays against whom, as the menu offers it. */
typedef enum Opponent { OPP_COMPUTER, OPP_HOTSEAT, OPP_WATCH, OPP_CHRONICLE, OPP_COUNT } Opponent;

typedef struct Settings {
    int scale_pct;          /* 100..300 */
    bool fullscreen;
    bool high_contrast;
    int width, height;
    /* The menu's last choice. */
    int ai_level;           /* 1..3 */
    int opponent;           /* Opponent */
    int side;               /* the side the player last chose */
    int ai_pace;            /* AiPace: how the computer's moves are played out */
    char font[512], font_bold[512];     /* found by fontconfig last time */
    int language;           /* UiLang: the system's, English or Arabic */
} Settings;

/* The window's language (lang.c): Settings' choice, applied at start and
 * when it changes; ui_rtl says the text runs right to left (Arabic), and
 * ui_mirror_x mirrors a box's x inside an area when it does. */
typedef enum UiLang { UI_LANG_SYSTEM, UI_LANG_ENGLISH, UI_LANG_ARABIC, UI_LANG_COUNT } UiLang;
extern const char *const ui_lang_names[UI_LANG_COUNT];
extern const char *const ui_core_words[];
struct UiApp;
void ui_lang_apply(struct UiApp *a);
bool ui_rtl(const struct UiApp *a);
int ui_mirror_x(const struct UiApp *a, int x, int w, int x0, int aw);
/* A scenario's text in the window's language: ar (title_ar, briefing_ar,
 * text_ar, note_ar) when the window speaks Arabic and the file gave it. */
const char *ui_ar(const char *en, const char *ar);

/* The pace at which the window plays out the computer's moves (the rules
 * are instant either way): a hex step of a move's animation, the pause
 * after each command and after its turn, in ms. Instant draws only the
 * result. The chronicle keeps its own pace ([ and ]). */
typedef enum AiPace { AI_PACE_INSTANT, AI_PACE_FAST, AI_PACE_NORMAL, AI_PACE_SLOW, AI_PACE_COUNT } AiPace;
extern const char *const settings_pace_names[AI_PACE_COUNT];
uint32_t settings_pace_step_ms(const Settings *s);
uint32_t settings_pace_delay_ms(const Settings *s, bool end_of_turn);

void settings_default(Settings *s);
bool settings_load(Settings *s, const char *pref_dir);
bool settings_save(const Settings *s, const char *pref_dir);

typedef struct MenuEntry {
    char path[1400];
    char id[ID_LEN];        /* the scenario's id (its quick save is named by it) */
    char title[128];
    char briefing[2048];
    char title_ar[256], briefing_ar[4096];  /* "" if the file has none */
    char side_name[MAX_SIDES][NAME_LEN];
    int nsides;
    char problem[256];      /* set if the file does not load */
} MenuEntry;

typedef enum UiView { VIEW_MAP, VIEW_THEATRE, VIEW_TIMELINE } UiView;

/* turnchart.c: each side's figures at a turn's start (and at the end). */
enum { UI_TURN_FIGS = 130 };
typedef struct TurnFigures {
    int turn;
    int morale[2], food[2], sp[2];   /* food: days at its rations, -1 if it eats from no stores */
} TurnFigures;

typedef struct LogLine {
    char text[UI_LOG_TEXT];
    int type;               /* EventType, or UI_LOG_CHRONICLE */
    int side;
} LogLine;

/* A log line that is a step of the scenario's chronicle (highlighted). */
enum { UI_LOG_CHRONICLE = -1 };

enum { UI_CHRON_STEPS = 8, UI_CHRON_PACES = 4 };

/* A chronicle step as the banner keeps it. Ownership rule of src/ui:
 * nothing here keeps a pointer into the scenario or the game across a
 * call that may rebuild them (undo, redo, load, a replay's jump back):
 * the entry is an index into the scenario's chronicle, looked up on each
 * use (ui_chronicle_entry), not data/chronicle.h's ChronicleStep.entry. */
typedef struct ChronicleShown {
    int entry;              /* index into ScenarioInfo.chronicle */
    int plan;               /* ChroniclePlan */
    int gate;               /* Game.gates index, or -1 */
    int rations;            /* a given "rations R": R, else -1 */
    bool given;
    char why[192];
} ChronicleShown;

/* Computer against computer following the scenario's chronicle, and the
 * pause/step controls of any game both sides of which the computer plays.
 * At the start of each side's siege phase the chronicle's steps for it
 * are taken (data/chronicle.h) and shown in a banner over the map; the
 * game then waits at that checkpoint until the teacher continues. */
typedef struct ChronicleView {
    bool on;                /* this game follows the chronicle */
    int turn, side;         /* the phase last followed */
    bool paused;            /* the computer waits (Space resumes) */
    bool step;              /* one computer order, then pause again (->) */
    bool checkpoint;        /* the banner shows steps waiting to be read */
    int pace;               /* index into ui_chronicle_paces */
    ChronicleShown steps[UI_CHRON_STEPS];
    int nsteps, steps_turn, steps_side;
    int followed;           /* chronicle steps taken in this game */
} ChronicleView;

extern const int ui_chronicle_paces[UI_CHRON_PACES];

typedef struct Anim {
    int unit;
    Hex pts[UI_WAYPOINTS];
    int npts;
    uint32_t start, per_step;
} Anim;


/* A save or autosave listed by "Watch a replay". */
typedef struct SaveEntry {
    char path[1200];
    char name[256];
    long mtime;
} SaveEntry;

enum { UI_MAX_SAVES = 48, UI_REPLAY_SPEEDS = 4 };

/* The replay viewer: `rec` is the save as loaded and checked (its commands
 * and turn marks); the UiApp's Session is a fresh game of the same
 * scenario and seed with the first `pos` of those commands applied. */
typedef struct Replay {
    bool active;
    Session *rec;
    char file[1200];        /* the save */
    char scen[1200];        /* its scenario file, as found */
    size_t pos;
    bool playing;
    int speed;              /* index into ui_replay_speeds */
    uint32_t next_at;
    char verdict[256];      /* what the last turn-start check found */
    bool verdict_ok;
} Replay;

extern const int ui_replay_speeds[UI_REPLAY_SPEEDS];

/* whatif.c: the What if? laboratory's state. */
typedef struct WhatIfLab WhatIfLab;
/* lesson.c: the chronicle as a lesson (disputed points on their turn,
 * turning back and jumping). */
typedef struct Lesson Lesson;

/* reload.c: hot reload of the scenario file (F6, or when the file
 * changes on disk). Holds only the file's path, what stat() said of it
 * and text: never a pointer into a scenario or game (they are rebuilt). */
enum { UI_RELOAD_LINES = 10 };
typedef struct ReloadView {
    char path[1400];        /* the file watched, "" none */
    bool exists;
    long long mtime_ns, size;
    uint32_t next_poll;     /* SDL ticks of the next stat() */
    bool panel;             /* the panel of what the reload found shows */
    bool failed;            /* ...the file did not load (else a command was refused) */
    char head[400];
    char lines[UI_RELOAD_LINES][UI_LOG_TEXT];
    int nlines, more;
} ReloadView;

/* Immediate-mode widgets: layout is recomputed each pass; a pass either
 * draws or only handles the pending click. */
typedef struct Pass {
    bool draw;
    bool clicked;           /* a click is pending at (cx, cy) */
    int cx, cy;
    int mx, my;             /* mouse position */
    const char *tip;        /* tooltip chosen during the pass */
    char tipbuf[1024];
} Pass;

struct UiApp {
    SDL_Window *win;
    SDL_Renderer *r;
    UiConfig cfg;
    char data_dir[1024];
    char pref_dir[1024];
    Settings set;
    float s;                /* UI scale factor */
    int W, H;
    bool quit;

    MapRender mr;
    Art *art;               /* loaded on first use */
    Text *text;

    UiScreen screen;
    /* Overlays on top of the screen. */
    bool help, settings, confirm_end, confirm_quit;
    bool objectives;        /* the scenario's aims and how they stand (O) */
    bool ask_terms;         /* a human garrison is asked to answer terms */
    int terms_asked_turn;   /* ...once a turn */

    /* Menu. */
    MenuEntry scen[UI_MAX_SCEN];
    int nscen, sel_scen, sel_side;
    bool hotseat;
    bool watch;             /* computer against computer */
    bool chronicle;         /* computer against computer, following the chronicle */
    int ai_level;           /* 1..3: the level a new game's computer plays at */
    int menu_scroll;
    /* The selected scenario's briefing, scrolled (pixels) when it is
     * longer than its box: the box and the most it scrolls, as drawn. */
    int brief_scroll, brief_max, brief_for;
    SDL_Rect brief_rect;

    /* "Watch a replay": the saves found, and why the last one did not open. */
    SaveEntry saves[UI_MAX_SAVES];
    int nsaves, sel_save, saves_scroll;
    char replay_error[1400];
    Replay rp;
    ReloadView rl;
    ChronicleView ch;
    WhatIfLab *lab;         /* the What if? screen, made when first opened */
    Lesson *lesson;         /* made when a game first needs it; freed with the game */
    int debrief_scroll;     /* the debrief's history column: items scrolled past */
    int debrief_shown, debrief_total;   /* ...items it showed when last drawn, of how many */

    /* Game: the Session records every command (saves, undo). Its
     * Scenario and Game are rebuilt by undo, redo and a replay's jump
     * back: ask ui_scenario() and uiapp_game() each time, never keep them. */
    Session *ss;
    unsigned ss_gen;
    int autosaved_turn;
    /* What the map area shows: the hex map, the theatre or the timeline. */
    int view;               /* UiView */
    int th_col;             /* theatre: column picked for orders, -1 */
    int th_dest;            /* its destination picked on the map, -1 */
    int th_hover;           /* place under the pointer, -1 */
    int armed;              /* a drastic button waiting for its second click (1 expel) */
    int th_release;         /* contingent whose release awaits a second click, -1 */
    int th_list_scroll, th_list_over; /* the theatre's lists scrolled by, and the most they may be */
    SDL_Rect th_list_rect;  /* where they are (the wheel scrolls them) */
    SDL_Rect th_labels[THEATRE_MAX_PLACES];   /* the place labels as last drawn */
    int th_nlabels;
    SDL_Rect th_obst[64];   /* column counters and the legend, for the labels to avoid */
    int th_nobst;
    /* Edge-of-screen panning. */
    bool mouse_in, edge_stuck;
    uint32_t edge_last;
    int scen_index;
    int human_side;         /* -1 with hot-seat or computer-vs-computer */
    bool ai[MAX_SIDES];
    AiPlayer *aip[MAX_SIDES];   /* the computer's player for each side it plays */
    Camera cam;
    Minimap mini;
    bool show_coords, show_zoc, show_minimap;
    int sel[CMD_MAX_UNITS];
    int nsel;
    int *reach;             /* width*height */
    bool have_reach;
    Path path;
    bool have_path;
    Hex hover;
    bool have_hover;
    Hex targets[8];
    char target_label[8][16];
    int ntargets;
    size_t events_seen;
    LogLine log[UI_LOG];
    int nlog, log_scroll;
    char last_tip[1024];
    bool status_drawn;      /* a screen showed the notice this frame */    /* the tooltip last drawn ("" none), for tests */
    /* The side panel's siege and unit blocks scroll (wheel) when they
     * leave the log fewer than four lines: by how much they can (0 when
     * they fit) and the area they scroll in, as last drawn. */
    int panel_scroll, panel_over;
    /* The debrief's chart: the figures by turn, and the game they are of. */
    TurnFigures figs[UI_TURN_FIGS];
    int figs_n;
    const Session *figs_for;
    unsigned figs_gen;
    SDL_Rect panel_area;
    char status[256];       /* last refusal or notice */
    uint32_t status_until;
    int handover_side;
    int last_active;
    Anim anims[UI_ANIMS];
    int nanims;
    uint32_t now;
    uint32_t ai_next;
    bool dragging, drag_moved;
    int drag_x, drag_y, press_x, press_y;
    bool want_shot;
    Pass pending;
    /* Tests: where a button or a theatre column would be drawn. */
    const char *probe;
    int probe_col;
    bool probe_found;
    SDL_Rect probe_rect;
    SDL_Rect *probe_all;    /* uiapp_buttons(): every button's rectangle */
    int probe_n, probe_max;
};

/* app.c */
/* The running game's scenario (NULL with none), as it is now. */
/* widgets.c: a dialog of w x h centred in the window (cut to fit). */
SDL_Rect ui_centered(const UiApp *a, int w, int h);
Scenario *ui_scenario(const UiApp *a);
void ui_layout(UiApp *a);
bool ui_apply(UiApp *a, const Command *c);
int ui_viewer(const UiApp *a);
bool ui_is_human(const UiApp *a, int side);
void ui_refresh_selection(UiApp *a);
/* Adds a line to the log (type an EventType or UI_LOG_CHRONICLE). */
void ui_log_text(UiApp *a, int type, int side, const char *text);
void ui_notice(UiApp *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_screenshot_now(UiApp *a);
void ui_back_to_menu(UiApp *a);
int ui_px(const UiApp *a, int base);

/* widgets.c */
typedef struct Palette {
    Rgba panel, edge, head, body, dim, accent, good, bad, button, button_hover, button_text;
} Palette;
Palette ui_palette(const UiApp *a);
bool ui_button(UiApp *a, Pass *p, SDL_Rect r, const char *label, bool active);
void ui_probe(UiApp *a, SDL_Rect r, const char *label);
void ui_panel(UiApp *a, Pass *p, SDL_Rect r);
/* The type size (px, down to 60 % of it) at which s fits in width w. */
int ui_fit_px(UiApp *a, const char *s, int px, int w);
bool ui_inside(SDL_Rect r, int x, int y);
void ui_tooltip_set(Pass *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_tooltip_draw(UiApp *a, Pass *p);

/* menu.c */
void menu_scan(UiApp *a);
/* The menu entry of the scenario file at path (the same file found by its
 * real path): an installed one, or a new entry added for it (--scenario
 * FILE from anywhere). -1 if the menu is full. */
int menu_add_file(UiApp *a, const char *path);
void menu_pass(UiApp *a, Pass *p);
bool menu_key(UiApp *a, SDL_Keycode k);

/* game.c */
void game_pass(UiApp *a, Pass *p);
bool game_key(UiApp *a, const SDL_KeyboardEvent *k);
bool game_mouse(UiApp *a, const SDL_Event *e);
void game_on_start(UiApp *a);
SDL_Rect game_map_rect(const UiApp *a);
void ui_build_minimap(UiApp *a);
/* turnchart.c: the figures by turn (computed once a game); the chart's
 * height drawn at (x, y) in width w (0 when there is nothing to chart). */
int ui_turn_figures_compute(UiApp *a);
int ui_turn_chart(UiApp *a, Pass *p, int x, int y, int w);

/* panels.c */
void panels_pass(UiApp *a, Pass *p);
const char *ui_gate_word(int state);

/* theatre.c: the theatre map and the reinforcement timeline, drawn in
 * the map's place. */
void theatre_pass(UiApp *a, Pass *p, SDL_Rect r);
void timeline_pass(UiApp *a, Pass *p, SDL_Rect r);
void view_tabs_pass(UiApp *a, Pass *p, SDL_Rect r);
int ui_tabs_width(const UiApp *a, SDL_Rect mr);
void ui_set_view(UiApp *a, int view);
/* Turns until a column starting from its current leg reaches place dest at
 * pace (-1 if no road). */
int ui_column_eta_to(const Game *g, int c, int dest, int pace);

/* replay.c: the saves list and the replay viewer. */
void saves_scan(UiApp *a);
void saves_pass(UiApp *a, Pass *p);
bool saves_key(UiApp *a, SDL_Keycode k);
bool ui_replay_open(UiApp *a, const char *path);
void ui_replay_close(UiApp *a);
bool ui_replay_goto(UiApp *a, size_t pos, bool animate);
void replay_bar_pass(UiApp *a, Pass *p);
bool replay_key(UiApp *a, const SDL_KeyboardEvent *k);
bool replay_tick(UiApp *a, uint32_t now);
int replay_bar_h(const UiApp *a);

/* session.c: for replay.c, taking over a session (the viewer plays none). */
void ui_adopt_session(UiApp *a, Session *ss, int human_side, bool hotseat, bool replay);
bool ui_ensure_art(UiApp *a, char *why, size_t n);
void ui_process_events(UiApp *a);

/* theatre.c: relief markers on the battle map for this viewer. */
int ui_relief_marks(const Game *g, int viewer, ReliefMark *out, int max);

/* app.c: what the files of the window share. */
char *ui_pref_path(void);       /* SDL_GetPrefPath("emesa", "emesa"), SDL_free it */
void ui_end_game(UiApp *a);
bool ui_modal(const UiApp *a);  /* help, settings or a confirmation is open */
void ui_run_pass(UiApp *a, Pass *p);

/* run.c: keeps the window's size in the settings, only when it is
 * windowed and fits the display's usable area (a full-screen size left
 * there would open the next start off the screen). */
void ui_remember_window_size(UiApp *a);

/* session.c: the game played, undo/redo and the quick save. */
void ui_free_players(UiApp *a);
void ui_redo(UiApp *a);
void ui_quicksave(UiApp *a);
void ui_quickload(UiApp *a);
void ui_undo(UiApp *a);

/* session.c: after the session rebuilt its game (undo, redo, reload):
 * take the new one, rebuild the log, plan afresh. */
void ui_session_resync(UiApp *a);

/* menu.c: reads entry i's title, briefing and sides from its file again. */
void menu_refill(UiApp *a, int i);

/* reload.c: F6 and the file watch. */
bool reload_key(UiApp *a, const SDL_KeyboardEvent *k);
/* The panel takes a click on it (before the screen's pass) ... */
void reload_click(UiApp *a, Pass *p);
/* ... and is drawn over the screen. */
void reload_draw(UiApp *a, Pass *p);

/* chronicle.c: the chronicle's banner, pause and step. */
void chronicle_begin(UiApp *a);
/* Takes the chronicle's steps at the start of a siege phase; true if the
 * computer may move now (not paused at a checkpoint). */
bool chronicle_tick(UiApp *a);
bool chronicle_key(UiApp *a, const SDL_KeyboardEvent *k);
/* The scenario's chronicle entry i as it is now, or NULL. */
const ScenarioChronicle *ui_chronicle_entry(const UiApp *a, int i);
void chronicle_banner_pass(UiApp *a, Pass *p, SDL_Rect map);
/* The computer's delay after a command, at the chosen pace. */
uint32_t chronicle_delay(const UiApp *a, bool end_of_turn);
bool ui_all_computer(const UiApp *a);
/* The recorded outcome as the scenario states it ("" if it does not);
 * *side is its winner or -1. */
void ui_recorded_outcome(const UiApp *a, char *b, size_t n, int *side);

/* whatif.c: the What if? screen (UI_WHATIF): batches on worker threads,
 * charted by chart.c. */
void whatif_open(UiApp *a);
void whatif_pass(UiApp *a, Pass *p);
bool whatif_key(UiApp *a, SDL_Keycode k);
/* Collects a finished batch; true while one runs. */
bool whatif_tick(UiApp *a);
/* Milliseconds until the progress bar should be redrawn, -1 if idle. */
int whatif_wake(const UiApp *a);
void whatif_free(UiApp *a);

/* lesson.c */
void lesson_pass(UiApp *a, Pass *p, SDL_Rect map);
/* Draws the disputed point's card and the turn picker over everything
 * (after the side panel). */
void lesson_overlay_pass(UiApp *a, Pass *p, SDL_Rect map);
bool lesson_key(UiApp *a, const SDL_KeyboardEvent *k);
/* True while a disputed point of this turn waits to be read (the
 * computer waits too). */
bool lesson_holds(UiApp *a);
/* The same, without opening the card of a turn just begun. */
bool lesson_waiting(const UiApp *a);
/* Looks at the chronicle so far from the start of turn t in the replay
 * viewer, the live game kept aside; lesson_resume() goes back to it. */
bool lesson_rewind(UiApp *a, int turn);
bool lesson_resume(UiApp *a);
/* Back to a turn played, or on to a later one. */
bool lesson_jump(UiApp *a, int turn);
/* Frees what the lesson kept aside (with the game). */
void lesson_forget(UiApp *a);

/* objectives.c: the objectives overlay, the end-turn warnings of the side
 * to act (returns how many), the garrison's answer to terms (asked once a
 * turn by objectives_tick) and why the game ended. */
int ui_turn_warnings(const UiApp *a, char (*out)[UI_WARN_LEN], int max);
void objectives_pass(UiApp *a, Pass *p);
void objectives_tick(UiApp *a);
void terms_pass(UiApp *a, Pass *p);
void ui_outcome_reason(const UiApp *a, char *b, size_t n);

/* screens.c: overlays and whole-screen pages. */
void handover_pass(UiApp *a, Pass *p);
void debrief_pass(UiApp *a, Pass *p);
void help_pass(UiApp *a, Pass *p);
void settings_pass(UiApp *a, Pass *p);
void confirm_pass(UiApp *a, Pass *p);
bool ui_note_disputed(const ScenarioNote *n);
void ui_note_text(const ScenarioNote *n, char *b, size_t len);

/* layout_rec.c: the layout test's record of what a frame draws. Every
 * file of src/ui draws text and fills through these. */
void ui_rec_begin_frame(void);
void ui_rec_suspend(bool on);
void ui_rec_occlude(SDL_Rect r);
/* The notice (a->status) in a box at the window's foot, when no screen
 * showed it this frame (widgets.c). */
void ui_notice_toast(UiApp *a, Pass *p);
void ui_rec_button(SDL_Rect r, const char *label, int text_w);
int ui_rec_text_draw(Text *t, const char *s, int x, int y, int px, Rgba c, int align, bool bold);
int ui_rec_text_wrap(Text *t, const char *s, int x, int y, int w, int px, Rgba c, bool draw);
void ui_rec_fill_rect(SDL_Renderer *r, float x, float y, float w, float h, Rgba c);
#define text_draw(t, s, x, y, px, c, al) ui_rec_text_draw((t), (s), (x), (y), (px), (c), (al), false)
#define text_draw_bold(t, s, x, y, px, c, al) ui_rec_text_draw((t), (s), (x), (y), (px), (c), (al), true)
#define text_wrap(t, s, x, y, w, px, c, d) ui_rec_text_wrap((t), (s), (x), (y), (w), (px), (c), (d))
#define gfx_fill_rect(r, x, y, w, h, c) ui_rec_fill_rect((r), (x), (y), (w), (h), (c))
