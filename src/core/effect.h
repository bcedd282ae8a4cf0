/* effect.h - changes that scenario events and siege rules make.
 *
 * Like commands they emit events; unlike commands they are not a player's
 * choice, so they are not recorded (they follow from the recorded commands
 * and the seed). Each returns false with a reason if it cannot apply. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include "game.h"

void effect_message(Game *g, int side, const char *text);
bool effect_morale(Game *g, int side, int delta, const char *why_text);
/* Puts an off-map unit on the map at h (or the nearest free hex). */
bool effect_unit_arrives(Game *g, int u, Hex h, char *why, size_t n);
bool effect_damage(Game *g, int u, int sp, int cohesion, char *why, size_t n);
bool effect_set_owner(Game *g, int place, int side);
bool effect_set_gate(Game *g, int gate, int state);
/* Siege effects for scenario events. */
bool effect_civic_will(Game *g, int delta, const char *why_text);
bool effect_relief_hope(Game *g, int side, int delta, const char *why_text);
bool effect_food(Game *g, int side, int delta, const char *why_text);
/* A contingent leaves (how: "defects", "is bought off", ...). */
bool effect_release(Game *g, int contingent, const char *how, char *why, size_t n);
/* A column is sent (or redirected, or halted with dest -1) at a pace. */
bool effect_send_column(Game *g, int column, int dest, int pace, char *why, size_t n);
/* A courier sets out now. */
bool effect_courier_depart(Game *g, int courier, char *why, size_t n);
/* The walls of gate's sector lose amount of their defence shift (takbir,
 * tremor; negative mends), never below none. */
bool effect_crack_wall(Game *g, int gate, int amount, const char *why_text);
/* Ends the game now with the given winner (-1 draw), level and text. */
void effect_end_game(Game *g, int winner, const char *level, const char *text);
