/* internal.h - rule steps shared inside core; not for other layers, which
 * change the game only through command.h and effect.h. */
#pragma once
#include "game.h"

/* turn.c: the siege clock and the battle clock. */
void turn_begin_game(Game *g);
void turn_end_phase(Game *g);                 /* end-turn in a siege turn */
void turn_begin_battle(Game *g, BattleKind kind, const char *what);
void turn_end_impulse(Game *g);               /* end-impulse in a battle */
void turn_check_victory(Game *g, bool final_turn);
void turn_update_control(Game *g, Hex h);     /* places change hands */

/* siege.c: the siege rules' steps. */
void siege_begin_game(Game *g);
void siege_turn_weather(Game *g);
void siege_turn_news(Game *g);
void siege_upkeep(Game *g);
/* Unit `unit` has just entered its hex: an EV_WALL event if it is an enemy
 * of the town's holder on a wall section none of its side stood on. */
void siege_wall_entered(Game *g, int unit);
void siege_battle_begins(Game *g, BattleKind kind);
void siege_battle_ends(Game *g);
void siege_new_impulse(Game *g);
int siege_attack_shift(const Game *g, int side, Hex target);
/* An event whose text starts with a stable word ("sally", "news", ...). */
void siege_say(Game *g, EventType t, int side, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* News for side about theatre place, known 1-2 turns from now. */
void siege_post_news(Game *g, int side, int place, int level, const char *text);
/* A contingent leaves the siege; how: "leave the siege for", "are
 * released to defend" (the home place follows). */
void siege_contingent_leaves(Game *g, int k, const char *how);

/* theatre.c: couriers, marches, counter-sieges, news, dispersal. */
void theatre_upkeep(Game *g);

/* combat.c: resolves an attack already validated by the command layer. */
void combat_resolve(Game *g, const int *att, int natt, Hex target);

/* traits.c: the leaders' traits (see the list there). */
/* leader: the leader riding with each unit (CombatPrep.leader), or NULL to ask game_leader_with. */
int traits_combat_shift(const Game *g, const int16_t *leader, const int *att, int natt, const int *def, int ndef);
void traits_feint_breaks_contact(Game *g, int u);   /* before u leaves contact */
void traits_feint_moved(Game *g, int u);            /* after: lures those it fell back from */
void traits_feint_follows(Game *g, int u, bool attacked_it); /* after u moved or attacked its lure */
void traits_impulse_ends(Game *g, int side);
void traits_battle_ends(Game *g);
bool traits_council_vote(Game *g, int side, const char *what); /* rolls; false = voted down */
void traits_phase_ends(Game *g);                    /* impetuous, at the end of a side's phase */
void traits_column_sets_out(Game *g, int column);   /* a caliph's column */
void traits_turn_news(Game *g);                     /* the caliph's approach becomes known */
/* siege.c: the relief hope schedule, at the start of a turn. */
void siege_turn_hope(Game *g);

/* effect.c helpers used by the rules. */
void unit_lose(Game *g, int u, int sp, int coh);   /* emits loss/rout/elimination */
