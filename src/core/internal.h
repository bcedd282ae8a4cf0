/* internal.h - rule steps shared inside core; not for other layers, which
 * change the game only through command.h and effect.h. */
#pragma once
#include "game.h"

/* turn.c: the siege clock and the battle clock. */
void turn_begin_game(Game *g);
void turn_end_phase(Game *g);                 /* end-turn in a siege turn */
void turn_begin_battle(Game *g, int kind, const char *what);
void turn_end_impulse(Game *g);               /* end-impulse in a battle */
void turn_check_victory(Game *g, bool final_turn);
void turn_update_control(Game *g, Hex h);     /* places change hands */

/* siege.c: the siege rules' steps. */
void siege_begin_game(Game *g);
void siege_turn_weather(Game *g);
void siege_turn_news(Game *g);
void siege_upkeep(Game *g);
void siege_battle_begins(Game *g, int kind);
void siege_battle_ends(Game *g);
void siege_new_impulse(Game *g);
int siege_attack_shift(const Game *g, int side, Hex target);
int siege_gate_room(const Game *g, int gate);

/* combat.c: resolves an attack already validated by the command layer. */
void combat_resolve(Game *g, const int *att, int natt, Hex target);

/* effect.c helpers used by the rules. */
void unit_lose(Game *g, int u, int sp, int coh);   /* emits loss/rout/elimination */
