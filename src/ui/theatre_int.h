/* theatre_int.h - what the theatre's files (theatre.c, theatre_lists.c,
 * timeline.c) share. */
#pragma once
#include "ui/internal.h"

/* theatre_know.c: what viewer knows of place i (PS_*), and the next
 * place on the shortest road from u to dest (-1 if none). */
enum { PS_NONE, PS_THREAT, PS_BESIEGED, PS_FALLEN };
int th_place_state(const Game *g, int viewer, int i);
int th_next_hop(const Siege *s, int u, int dest);
/* Does viewer (-1: everybody) know column c's whereabouts and goal? */
bool th_column_known(const Game *g, int viewer, int c);
/* The side that may give theatre orders now, or -1. */
int th_orders_side(const UiApp *a);
bool th_column_orderable(const Game *g, int side, int c);
/* "waiting", "marching", ... for column c; its one-line description. */
const char *th_state_word(const Game *g, int c);
void th_column_line(const Game *g, int viewer, int c, char *b, size_t n);
/* The turn at whose end waiting column c sets out by itself (the
 * scenario's order),
 * 0 when its courier has not yet set out, -1 when it waits for orders. */
int th_column_self_turn(const Game *g, int c);
/* Orders, as commands. */
void th_send_column(UiApp *a, int c, int dest, int pace);
void th_release(UiApp *a, int k);
/* The lists beside the map, in r. */
void th_lists(UiApp *a, Pass *p, const Game *g, SDL_Rect r, int viewer);

/* theatre_labels.c: a place's label to set, centred on (x, y) with a
 * marker of radius r, w x h pixels. */
enum { TH_MAX_LABELS = THEATRE_MAX_PLACES };
typedef struct ThLabel {
    float x, y, r;
    int w, h;
} ThLabel;
/* Sets out[i] (and leader[i] when it stands away with a line) for each of
 * n labels inside area, clear of the markers, of fixed[] (the roads'
 * distances) and of each other where the map leaves room. Returns the
 * overlap left (0: every label clear). */
long th_place_labels(const ThLabel *in, int n, SDL_Rect area, const SDL_Rect *fixed, int nfixed, int gap,
                     SDL_Rect *out, bool *leader);
