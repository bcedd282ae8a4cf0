/* check.h - the game state's own consistency check.
 *
 * game_check_invariants() tests what must hold in every state a Game can
 * reach through commands, whatever was played: counts within their
 * arrays, every index naming something that exists, units on the map on a
 * hex of the map with strength and cohesion in range, no hex holding more
 * counters than the stack limit or counters of two sides, gauges (morale,
 * food, the town's will) within their scales. The window's monkey
 * (tools/monkey) asks it after every event; tests ask it of whole games. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include "game.h"

/* True if g is consistent; otherwise false with the first broken
 * invariant in why ("unit 12 (guard): cohesion 14 outside 0..10"). */
bool game_check_invariants(const Game *g, char *why, size_t n);
