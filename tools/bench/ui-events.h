/* ui-events.h - a player's key presses and mouse as SDL events handed to
 * a UiApp, for the window tests and the screenshot tools (a header so
 * both can use it without a library of their own, like demo-save.h). */
#pragma once
#include <stdbool.h>
#include <string.h>
#include <SDL.h>
#include "ui/uiapp.h"

/* A key pressed (no modifier). */
static inline void ue_key(UiApp *a, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    uiapp_handle(a, &e);
}

/* The pointer moved to x,y; with click, the left button pressed and
 * released there. */
static inline void ue_mouse(UiApp *a, int x, int y, bool click)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    uiapp_handle(a, &e);
    if (!click)
        return;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    uiapp_handle(a, &e);
    e.type = SDL_MOUSEBUTTONUP;
    uiapp_handle(a, &e);
}
