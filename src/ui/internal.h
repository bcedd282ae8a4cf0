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
} Settings;

void settings_default(Settings *s);
bool settings_load(Settings *s, const char *pref_dir);
bool settings_save(const Settings *s, const char *pref_dir);

typedef struct MenuEntry {
    char path[1400];
    char title[128];
    char briefing[2048];
    char side_name[MAX_SIDES][NAME_LEN];
    int nsides;
    char problem[256];      /* set if the file does not load */
} MenuEntry;

typedef enum UiView { VIEW_MAP, VIEW_THEATRE, VIEW_TIMELINE } UiView;

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

/* Immediate-mode widgets: layout is recomputed each pass; a pass either
 * draws or only handles the pending click. */
typedef struct Pass {
    bool draw;
    bool clicked;           /* a click is pending at (cx, cy) */
    int cx, cy;
    int mx, my;             /* mouse position */
    const char *tip;        /* tooltip chosen during the pass */
    char tipbuf[512];
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

    /* Menu. */
    MenuEntry scen[UI_MAX_SCEN];
    int nscen, sel_scen, sel_side;
    bool hotseat;
    bool watch;             /* computer against computer */
    bool chronicle;         /* computer against computer, following the chronicle */
    int ai_level;           /* 1..3: the level a new game's computer plays at */
    int menu_scroll;

    /* "Watch a replay": the saves found, and why the last one did not open. */
    SaveEntry saves[UI_MAX_SAVES];
    int nsaves, sel_save, saves_scroll;
    char replay_error[1400];
    Replay rp;
    ChronicleView ch;

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
bool ui_inside(SDL_Rect r, int x, int y);
void ui_tooltip_set(Pass *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_tooltip_draw(UiApp *a, Pass *p);

/* menu.c */
void menu_scan(UiApp *a);
void menu_pass(UiApp *a, Pass *p);
bool menu_key(UiApp *a, SDL_Keycode k);

/* game.c */
void game_pass(UiApp *a, Pass *p);
bool game_key(UiApp *a, const SDL_KeyboardEvent *k);
bool game_mouse(UiApp *a, const SDL_Event *e);
void game_on_start(UiApp *a);
SDL_Rect game_map_rect(const UiApp *a);

/* panels.c */
void panels_pass(UiApp *a, Pass *p);
const char *ui_gate_word(int state);

/* theatre.c: the theatre map and the reinforcement timeline, drawn in
 * the map's place. */
void theatre_pass(UiApp *a, Pass *p, SDL_Rect r);
void timeline_pass(UiApp *a, Pass *p, SDL_Rect r);
void view_tabs_pass(UiApp *a, Pass *p, SDL_Rect r);
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

/* app.c: for replay.c, taking over a session (the viewer plays none). */
void ui_adopt_session(UiApp *a, Session *ss, int human_side, bool hotseat, bool replay);
bool ui_ensure_art(UiApp *a, char *why, size_t n);
void ui_process_events(UiApp *a);

/* theatre.c: relief markers on the battle map for this viewer. */
int ui_relief_marks(const Game *g, int viewer, ReliefMark *out, int max);

/* app.c: saves. */
void ui_quicksave(UiApp *a);
void ui_quickload(UiApp *a);
void ui_undo(UiApp *a);

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

/* screens.c: overlays and whole-screen pages. */
void handover_pass(UiApp *a, Pass *p);
void debrief_pass(UiApp *a, Pass *p);
void help_pass(UiApp *a, Pass *p);
void settings_pass(UiApp *a, Pass *p);
void confirm_pass(UiApp *a, Pass *p);
bool ui_note_disputed(const ScenarioNote *n);
void ui_note_text(const ScenarioNote *n, char *b, size_t len);
