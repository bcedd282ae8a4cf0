/* simple.h - the simple built-in player.
 *
 * A baseline opponent that reads the game state and proposes commands
 * like any player: attack where the odds are good, close in on the enemy,
 * otherwise end the phase. It is deterministic (no randomness) and always
 * proposes a command the engine accepts. The real AI is src/ai/ai.h. */
#pragma once
#include <stdbool.h>
#include "ai.h"
#include "core/command.h"
#include "core/game.h"

/* The next command for g->active. False only when the game is over. */
bool ai_simple_next(const Game *g, Command *out);
/* The same under a plan from outside (a scenario's chronicle), as for
 * ai_set_posture(): HOLD opens no battle in a siege turn, ATTACK opens one
 * at even odds (1:1) instead of 3:2 (5:2 for a sally). */
bool ai_simple_plan_next(const Game *g, AiPosture posture, Command *out);
