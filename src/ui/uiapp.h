/* uiapp.h - the window's state machine without the platform loop.
 *
 * ui_run() (ui.h) owns a window and feeds events to a UiApp; tests and the
 * benchmark drive a UiApp directly on any SDL_Renderer (a software
 * renderer on a surface works), send it synthetic events and read the
 * game and the pixels back. Everything the player does becomes a Command
 * applied through scenario_apply(); the UiApp never changes the game
 * itself. */
#pragma once
#include <stdbool.h>
#include <SDL.h>
#include "core/game.h"
#include "ui/ui.h"

typedef struct UiApp UiApp;

/* UI_SAVES: "Watch a replay", the saves to pick from and why one did not
 * open. The replay viewer itself is UI_GAME with uiapp_replaying(). */
/* UI_WHATIF: the What if? laboratory (batches of games and their charts). */
typedef enum UiScreen { UI_MENU, UI_GAME, UI_HANDOVER, UI_DEBRIEF, UI_SAVES, UI_WHATIF } UiScreen;

/* win may be NULL (no fullscreen toggling then). */
UiApp *uiapp_new(SDL_Window *win, SDL_Renderer *r, const UiConfig *cfg, char *why, size_t n);
void uiapp_free(UiApp *a);
/* Binds the "emesa" text domain to localedir with the environment's
 * language, as main() does: for tools and tests (lang.c). */
void ui_lang_bind(const char *localedir);
/* Handles one event. False once the player has asked to quit. */
bool uiapp_handle(UiApp *a, const SDL_Event *e);
/* Advances animation and the computer player to time now_ms. True if
 * something is still moving (the loop should keep drawing frames). */
bool uiapp_tick(UiApp *a, uint32_t now_ms);
/* Milliseconds until the next tick is needed, or -1 to wait for input. */
int uiapp_next_wake(const UiApp *a, uint32_t now_ms);
/* Draws a whole frame (no present). */
void uiapp_draw(UiApp *a);
/* One turn of ui_run()'s loop without the wait: every event in SDL's
 * queue (SDL_PushEvent puts synthetic ones there) goes to uiapp_handle,
 * then a tick to now_ms and a frame, presented (with the F12 screenshot
 * when asked). False once the player has asked to quit. The monkey
 * (tools/monkey) drives the window through it. */
bool uiapp_pump(UiApp *a, uint32_t now_ms);
/* Every button on the screen as it is now (overlays included), as
 * rectangles: up to max written to out; returns how many there are. */
int uiapp_buttons(UiApp *a, SDL_Rect *out, int max);
/* Draws a frame and saves it as PNG. */
bool uiapp_screenshot(UiApp *a, const char *path);

/* The window's rectangle for a wanted size on a display whose usable area
 * (less the window's borders) is `usable`: the wanted size centred there
 * when it fits, else scaled down, keeping its proportions, to fit. */
SDL_Rect uiapp_fit_window(SDL_Rect usable, int want_w, int want_h);
/* Whether a window of w x h fits the usable area (only then does
 * settings.ini remember its size). */
bool uiapp_window_fits(SDL_Rect usable, int w, int h);

/* The warnings the end-turn confirmation shows the side to act now (an
 * open gate, wall sections lost, food that will not last, a contingent
 * about to leave, terms unanswered, units that could move), one a line;
 * returns how many. */
int uiapp_turn_warnings(UiApp *a, char *buf, size_t n);
/* The debrief's "Why it ended: ..." line ("" while the game runs). */
void uiapp_outcome_reason(const UiApp *a, char *b, size_t n);
/* True while a human garrison is asked to answer the besiegers' terms. */
bool uiapp_asking_terms(const UiApp *a);

/* The menu's briefing: how far it is scrolled, and (*max) how far it can
 * scroll (0 when it fits its box), as last drawn. */
int uiapp_briefing_scroll(const UiApp *a, int *max);

UiScreen uiapp_screen(const UiApp *a);
int uiapp_scenario_count(const UiApp *a);
/* The menu's selected entry (a --scenario file is selected, and added to
 * the menu when it lies elsewhere), or -1 with no scenarios. */
int uiapp_selected_scenario(const UiApp *a);
/* The window title: "Emesa - <title>" of the scenario being played, or
 * else of the menu's selected one; "Emesa" with none. */
void uiapp_title(const UiApp *a, char *buf, size_t n);
/* Index of the menu entry whose file name contains `name`, or -1. */
int uiapp_find_scenario(const UiApp *a, const char *name);
/* Starts scenario i from the menu: human side (or -1), hot-seat or not. */
bool uiapp_start(UiApp *a, int scenario, int human_side, bool hotseat, char *why, size_t n);
const Game *uiapp_game(const UiApp *a);
/* Screen centre of hex h in the current view (false if not shown). */
bool uiapp_hex_screen(const UiApp *a, Hex h, int *x, int *y);
void uiapp_center_on(UiApp *a, Hex h);
void uiapp_set_zoom(UiApp *a, int zoom);
void uiapp_pan(UiApp *a, int dx, int dy);
/* The units the player has selected; returns the count. */
int uiapp_selection(const UiApp *a, int *out, int max);
/* What the map area shows: 0 the hex map, 1 the theatre map, 2 the
 * reinforcement timeline (the T and R keys). */
void uiapp_set_view(UiApp *a, int view);
int uiapp_view(const UiApp *a);
/* Screen centre of theatre place i, or of column c's counter, as the
 * theatre view draws them (false if not drawn). */
bool uiapp_theatre_place_screen(UiApp *a, int place, int *x, int *y);
/* The theatre's place labels (name, state, contingents) as last drawn,
 * one rectangle a place; returns the count. */
int uiapp_theatre_labels(const UiApp *a, SDL_Rect *out, int max);
bool uiapp_theatre_column_screen(UiApp *a, int column, int *x, int *y);
/* Centre of the button labelled `label` on the screen as it is now. */
bool uiapp_find_button(UiApp *a, const char *label, int *x, int *y);
/* Whether a line of the event log, as the player now sees it, contains s. */
bool uiapp_log_contains(const UiApp *a, const char *s);
/* The tooltip of the last frame drawn, "" if none. */
const char *uiapp_tooltip(const UiApp *a);
/* The last notice or refusal shown to the player ("" if none). */
const char *uiapp_status(const UiApp *a);
/* Skips the running animations (tests). */
void uiapp_finish_animations(UiApp *a);

/* The level of the computer player for side (1..3), 0 if the computer does
 * not play it. */
int uiapp_ai_level(const UiApp *a, int side);
/* The level the menu has chosen for the next game. */
int uiapp_menu_ai_level(const UiApp *a);

/* Chronicle mode: the computer plays both sides along the scenario's
 * recorded course, stopping at each chronicle step with its note. */
bool uiapp_start_chronicle(UiApp *a, int scenario, char *why, size_t n);
/* True while the computer waits in a game it plays on both sides (paused,
 * or at a chronicle checkpoint until Space, the right arrow or Continue). */
bool uiapp_paused(const UiApp *a);
/* The chronicle banner's text (heading, then each step's note with its
 * sources and its order, one a line); false if no banner shows. */
bool uiapp_chronicle_banner(const UiApp *a, char *buf, size_t n);
/* Chronicle steps taken in this game so far. */
int uiapp_chronicle_followed(const UiApp *a);

/* The replay viewer. uiapp_replay_open() loads and checks the save; on
 * any refusal it shows UI_SAVES with the message (uiapp_replay_error()) and
 * returns false. */
bool uiapp_replay_open(UiApp *a, const char *path);
bool uiapp_replaying(const UiApp *a);
const char *uiapp_replay_error(const UiApp *a);
/* Commands shown so far, and in the whole save. */
size_t uiapp_replay_pos(const UiApp *a);
size_t uiapp_replay_length(const UiApp *a);
/* Screen centre of the turn strip's cell for turn t (false if not drawn). */
bool uiapp_replay_turn_screen(UiApp *a, int turn, int *x, int *y);

/* The What if? screen (ui/whatif.c). Opens it (from the menu: Y). */
bool uiapp_whatif_open(UiApp *a);
/* True while its games are being played. */
bool uiapp_whatif_running(const UiApp *a);
/* Setups charted: 0 none yet, 1 as it was, 2 also with the switches. */
int uiapp_whatif_setups(const UiApp *a);
/* Setup's share of outcome (0 side 0 wins, 1 side 1, 2 draw) with its
 * 95 % interval, and its median end turn. */
bool uiapp_whatif_share(const UiApp *a, int setup, int outcome, double *share, double *lo, double *hi, double *median);
/* The final hash of the charted game of this seed (0 if none). */
uint64_t uiapp_whatif_hash(const UiApp *a, int setup, int seed);
const char *uiapp_whatif_status(const UiApp *a);

/* The chronicle as a lesson (ui/lesson.c). Back a turn: the game so far
 * in the replay viewer from the previous turn's start; jump: to a turn
 * played (the viewer) or a later one (the computer plays on to it);
 * live: back to the game where it stood. */
bool uiapp_lesson_back(UiApp *a);
bool uiapp_lesson_jump(UiApp *a, int turn);
bool uiapp_lesson_live(UiApp *a);
bool uiapp_lesson_rewound(const UiApp *a);
/* The disputed point shown on the map ("turn 13: title", then each
 * version with its sources, one a line); false if none shows. */
bool uiapp_lesson_dispute(const UiApp *a, char *buf, size_t n);

/* Hot reload (ui/reload.c). uiapp_reload() is F6: the scenario file of
 * the game (or, in the menu, of the selected entry) is read again and the
 * game's commands re-played on it; false if it did not load (the game
 * unchanged, the errors in the reload panel). uiapp_watch() looks at the
 * file once a second (now_ms) and reloads it when its time or size
 * changed; true if it did (draw again). uiapp_watch_wait(): ms until it
 * wants to look again, -1 if nothing is watched. */
bool uiapp_reload(UiApp *a);
bool uiapp_watch(UiApp *a, uint32_t now_ms);
int uiapp_watch_wait(const UiApp *a, uint32_t now_ms);
/* The reload panel's text (heading, then one line a problem); false if it
 * is not shown (none, or dismissed with Esc or its Close button). */
bool uiapp_reload_panel(const UiApp *a, char *buf, size_t n);

/* The debrief's history column (disputed points, then notes) as last
 * drawn: the first item shown, how many were shown, of how many. */
void uiapp_debrief_history(const UiApp *a, int *first, int *shown, int *total);

/* The layout test's record (ui/layout_rec.c): while on, each frame drawn
 * lists the boxes it shows: each line or paragraph of text, each button
 * (with its label's width as set). Text hidden under a panel or dialog
 * drawn later is marked UIBOX_HIDDEN; text cut at the side by a clip
 * rectangle is marked cut. */
typedef enum UiBoxKind { UIBOX_TEXT, UIBOX_BUTTON, UIBOX_HIDDEN } UiBoxKind;
typedef struct UiBox {
    int kind;               /* UiBoxKind */
    SDL_Rect r;
    int text_w;             /* the text's width (a button's label as set) */
    bool cut;
    char label[80];
} UiBox;
void uiapp_record_layout(UiApp *a, bool on);
/* The debrief chart's figures: entry i (0 the start, then each turn's
 * start, the last where the game stands): its turn, and per side morale,
 * food days at its rations (-1 when it eats from no stores) and SP on the
 * map. False past the last. */
bool uiapp_turn_figures(UiApp *a, int i, int *turn, int morale[2], int food[2], int sp[2]);
/* The boxes of the last frame drawn; returns the count. */
int uiapp_layout_boxes(const UiApp *a, const UiBox **out);
