/* input.c - events in: global keys (help, settings, fullscreen, saves,
 * undo), the window's events, clicks routed through a pass. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/internal.h"

static void click(UiApp *a, int x, int y)
{
    Pass p;
    memset(&p, 0, sizeof p);
    p.clicked = true;
    p.cx = x;
    p.cy = y;
    p.mx = x;
    p.my = y;
    ui_layout(a);
    ui_run_pass(a, &p);
}


static void toggle_fullscreen(UiApp *a)
{
    if (!a->set.fullscreen)
        ui_remember_window_size(a);   /* the windowed size, before it fills the screen */
    a->set.fullscreen = !a->set.fullscreen;
    if (a->win)
        SDL_SetWindowFullscreen(a->win, a->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    settings_save(&a->set, a->pref_dir);
}

static bool global_key(UiApp *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (sym == SDLK_F1 || (sym == SDLK_SLASH && shift) || sym == SDLK_QUESTION) {
        a->help = !a->help;
        return true;
    }
    if (sym == SDLK_F12) {
        a->want_shot = true;
        if (!a->win)
            ui_screenshot_now(a);
        return true;
    }
    if (sym == SDLK_F11) {
        toggle_fullscreen(a);
        return true;
    }
    if (sym == SDLK_F10 || (sym == SDLK_o && (k->keysym.mod & KMOD_CTRL))) {
        a->settings = !a->settings;
        return true;
    }
    if (sym == SDLK_o && !(k->keysym.mod & KMOD_CTRL) && a->screen == UI_GAME && a->ss && !a->help && !a->settings &&
        !a->confirm_end && !a->confirm_quit && !a->ask_terms) {
        a->objectives = !a->objectives;
        return true;
    }
    if (ui_modal(a)) {
        if (sym == SDLK_ESCAPE) {
            if (a->confirm_end || a->confirm_quit)
                a->confirm_end = a->confirm_quit = false;
            else if (a->settings)
                a->settings = false;
            else if (a->help)
                a->help = false;
            else if (a->ask_terms)
                a->ask_terms = false;   /* the council decides */
            else
                a->objectives = false;
            return true;
        }
        if (a->confirm_end && (sym == SDLK_RETURN || sym == SDLK_KP_ENTER || sym == SDLK_SPACE || sym == SDLK_y)) {
            const Game *g = uiapp_game(a);
            a->confirm_end = false;
            if (g) {
                Command c = g->mode == MODE_BATTLE ? cmd_end_impulse(g->active) : cmd_end_turn(g->active);
                ui_apply(a, &c);
            }
            return true;
        }
        if (a->confirm_quit && (sym == SDLK_RETURN || sym == SDLK_KP_ENTER || sym == SDLK_y)) {
            a->confirm_quit = false;
            if (a->screen == UI_MENU)
                a->quit = true;     /* on the menu it asks before quitting Emesa */
            else
                ui_back_to_menu(a);
            return true;
        }
        if (a->confirm_end && sym == SDLK_n)
            a->confirm_end = false;
        return true;   /* modal: eat the rest */
    }
    if (reload_key(a, k))
        return true;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (a->rp.active)
        return false;   /* a replay is watched, not played: no saves or undo */
    if (sym == SDLK_F5 || (ctrl && sym == SDLK_s)) {
        if (a->ss && a->screen != UI_HANDOVER)
            ui_quicksave(a);
        return true;
    }
    if (sym == SDLK_F9 || (ctrl && sym == SDLK_l)) {
        if (a->screen != UI_HANDOVER)
            ui_quickload(a);
        return true;
    }
    if (ctrl && sym == SDLK_z && !shift && a->screen == UI_GAME) {
        ui_undo(a);
        return true;
    }
    if (ctrl && (sym == SDLK_y || (sym == SDLK_z && shift)) && a->screen == UI_GAME) {
        ui_redo(a);
        return true;
    }
    return false;
}

bool uiapp_handle(UiApp *a, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT:
        a->quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_ENTER)
            a->mouse_in = true;
        if (e->window.event == SDL_WINDOWEVENT_LEAVE || e->window.event == SDL_WINDOWEVENT_FOCUS_LOST)
            a->mouse_in = false;
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            ui_layout(a);
            ui_remember_window_size(a);
        }
        break;
    case SDL_KEYDOWN:
        if (!global_key(a, &e->key)) {
            if (a->screen == UI_MENU)
                menu_key(a, e->key.keysym.sym);
            else if (a->screen == UI_SAVES)
                saves_key(a, e->key.keysym.sym);
            else if (a->screen == UI_WHATIF)
                whatif_key(a, e->key.keysym.sym);
            else if (a->screen == UI_GAME && lesson_key(a, &e->key))
                ;
            else if (a->screen == UI_GAME && a->rp.active && replay_key(a, &e->key))
                ;
            else if (a->screen == UI_GAME && chronicle_key(a, &e->key))
                ;
            else if (a->screen == UI_GAME)
                game_key(a, &e->key);
            else if (a->screen == UI_HANDOVER) {
                SDL_Keycode s = e->key.keysym.sym;
                if (s == SDLK_RETURN || s == SDLK_SPACE || s == SDLK_KP_ENTER)
                    a->screen = UI_GAME;
            } else if (a->screen == UI_DEBRIEF) {
                SDL_Keycode s = e->key.keysym.sym;
                if (s == SDLK_RETURN || s == SDLK_ESCAPE || s == SDLK_KP_ENTER)
                    ui_back_to_menu(a);
                else if (s == SDLK_DOWN || s == SDLK_PAGEDOWN)
                    a->debrief_scroll += s == SDLK_DOWN ? 1 : 3;
                else if ((s == SDLK_UP || s == SDLK_PAGEUP) && a->debrief_scroll > 0)
                    a->debrief_scroll -= s == SDLK_UP ? 1 : a->debrief_scroll < 3 ? a->debrief_scroll : 3;
            }
        }
        break;
    case SDL_MOUSEMOTION:
        a->mouse_in = true;
        a->edge_stuck = false;
        a->pending.mx = e->motion.x;
        a->pending.my = e->motion.y;
        if (a->screen == UI_GAME && !ui_modal(a))
            game_mouse(a, e);
        break;
    case SDL_MOUSEBUTTONDOWN:
        a->pending.mx = e->button.x;
        a->pending.my = e->button.y;
        if (a->screen == UI_GAME && !ui_modal(a))
            game_mouse(a, e);
        break;
    case SDL_MOUSEBUTTONUP:
        a->pending.mx = e->button.x;
        a->pending.my = e->button.y;
        if (e->button.button == SDL_BUTTON_LEFT) {
            bool was_drag = a->dragging && a->drag_moved;
            a->dragging = false;
            if (!was_drag)
                click(a, e->button.x, e->button.y);
        } else if (a->screen == UI_GAME && !ui_modal(a)) {
            game_mouse(a, e);
        }
        break;
    case SDL_MOUSEWHEEL:
        if (a->screen == UI_GAME && !ui_modal(a))
            game_mouse(a, e);
        else if (a->screen == UI_MENU && ui_inside(a->brief_rect, a->pending.mx, a->pending.my) && a->brief_max > 0) {
            a->brief_scroll -= e->wheel.y * ui_px(a, 48);
            if (a->brief_scroll > a->brief_max)
                a->brief_scroll = a->brief_max;
            if (a->brief_scroll < 0)
                a->brief_scroll = 0;
        } else if (a->screen == UI_MENU)
            a->menu_scroll -= e->wheel.y;
        else if (a->screen == UI_SAVES)
            a->saves_scroll -= e->wheel.y;
        else if (a->screen == UI_DEBRIEF && (a->debrief_scroll -= e->wheel.y) < 0)
            a->debrief_scroll = 0;
        break;
    default:
        break;
    }
    return !a->quit;
}

