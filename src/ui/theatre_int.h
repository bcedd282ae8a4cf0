/* theatre_int.h - what the theatre's files (theatre.c, theatre_lists.c,
 * timeline.c) share. */
#pragma once
#include "ui/internal.h"

/* Does viewer (-1: everybody) know column c's whereabouts and goal? */
bool th_column_known(const Game *g, int viewer, int c);
/* The side that may give theatre orders now, or -1. */
int th_orders_side(const UiApp *a);
bool th_column_orderable(const Game *g, int side, int c);
/* "waiting", "marching", ... for column c; its one-line description. */
const char *th_state_word(const Game *g, int c);
void th_column_line(const Game *g, int viewer, int c, char *b, size_t n);
/* Orders, as commands. */
void th_send_column(UiApp *a, int c, int dest, int pace);
void th_release(UiApp *a, int k);
/* The lists beside the map, in r. */
void th_lists(UiApp *a, Pass *p, const Game *g, SDL_Rect r, int viewer);
