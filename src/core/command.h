/* command.h - the only way the game state changes.
 *
 * A command is validated first; a refused command changes nothing and says
 * why. Commands have a one-line text form used by command files, saves and
 * replays: "move <unit> <col,row>", "attack <unit>[+<unit>...] <col,row>",
 * "end-impulse", "end-turn", and the siege orders listed with CmdType.
 * Units, gates, columns, places and contingents are named by their ids. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include "game.h"

typedef enum CmdType {
    CMD_MOVE,
    CMD_ATTACK,
    CMD_END_IMPULSE,
    CMD_END_TURN,
    CMD_OPEN_GATE,      /* "open-gate <gate>" (the town's holder) */
    CMD_SHUT_GATE,      /* "shut-gate <gate>", even on own troops outside */
    CMD_ALERT,          /* "alert <gate> on|off" (besieger's camp in that sector) */
    CMD_RATIONS,        /* "rations full|half|expel" */
    CMD_SEND_COLUMN,    /* "send-column <column> <place> mixed|mounted|forced" */
    CMD_OFFER_TERMS,    /* "offer-terms generous|harsh" (the besieger) */
    CMD_RELEASE,        /* "release <contingent>" homeward */
    CMD_ANSWER_TERMS,   /* "answer-terms accept|refuse" (the town's holder, to
                           this turn's terms; unanswered, its council decides) */
    CMD_COUNT
} CmdType;

enum { CMD_MAX_UNITS = 4 };

typedef struct Command {
    CmdType type;
    int side;                       /* who issues it; must be g->active */
    int units[CMD_MAX_UNITS];       /* acting unit(s); units[0] for move */
    int nunits;
    Hex to;                         /* destination or target hex */
    int arg;                        /* gate, column, contingent, rations, terms */
    int arg2;                       /* alert on/off; column destination */
    int arg3;                       /* column pace */
} Command;

const char *cmd_type_name(CmdType t);   /* "move", "attack", ... */

/* True if c may be applied now; otherwise false with the reason in why. */
bool cmd_validate(const Game *g, const Command *c, char *why, size_t n);
/* Validates and applies c, appending events. False (and no change) when
 * refused. */
bool cmd_apply(Game *g, const Command *c, char *why, size_t n);

/* Text form. cmd_parse fills c->side with g->active. */
void cmd_format(const Game *g, const Command *c, char *buf, size_t n);
bool cmd_parse(const Game *g, const char *line, Command *c, char *why, size_t n);

/* Convenience constructors. */
Command cmd_move(int side, int unit, Hex to);
Command cmd_attack(int side, int unit, Hex target);
Command cmd_end_impulse(int side);
Command cmd_end_turn(int side);
/* What ends side's part now: its impulse in a battle, else its turn (the
 * answer when a player's command is refused or it issues none). */
Command cmd_end_part(const Game *g, int side);
