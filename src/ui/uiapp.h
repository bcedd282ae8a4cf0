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
typedef enum UiScreen { UI_MENU, UI_GAME, UI_HANDOVER, UI_DEBRIEF, UI_SAVES } UiScreen;

/* win may be NULL (no fullscreen toggling then). */
UiApp *uiapp_new(SDL_Window *win, SDL_Renderer *r, const UiConfig *cfg, char *why, size_t n);
void uiapp_free(UiApp *a);
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

UiScreen uiapp_screen(const UiApp *a);
int uiapp_scenario_count(const UiApp *a);
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
bool uiapp_theatre_column_screen(UiApp *a, int column, int *x, int *y);
/* Centre of the button labelled `label` on the screen as it is now. */
bool uiapp_find_button(UiApp *a, const char *label, int *x, int *y);
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
