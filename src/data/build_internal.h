/* build_internal.h - what the build_*.c files share: reading one key of a
 * declaration table (build_fields.c) and the declarations each file checks.
 * Private to src/data. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

#include "core/hex.h"
#include "data/build.h"

/* ---- problems (file, line, key) ---------------------------------------- */

/* snprintf that may cut the text short on purpose */
void bd_textf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void bd_problem_at(Build *b, int line, int col, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A problem with `key` of the declaration being checked, on the line where
 * `key =` is written (or the declaration's line). */
void bd_problem(Build *b, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int bd_key_line(Build *b, const char *key);

/* ---- reading fields of the table at stack index t ----------------------- */

int bd_get(Build *b, int t, const char *key);   /* pushes t[key] raw; returns its type */
bool bd_str_field(Build *b, int t, const char *key, bool required, char *out, size_t n);
bool bd_valid_id(const char *s);
bool bd_id_field(Build *b, int t, const char *key, char *out, size_t n);
void bd_add_tag(Build *b, const char *key, int value, const char *conf, const char *src);
bool bd_valid_conf(const char *c);
/* The whole number on top of the stack, maybe tagged { n, conf=, src= }; pops it. */
bool bd_top_number(Build *b, const char *key, int lo, int hi, int *out);
bool bd_num_field(Build *b, int t, const char *key, bool required, int lo, int hi, int *out);
bool bd_bool_field(Build *b, int t, const char *key, bool *out);
bool bd_hex_field(Build *b, int t, const char *key, bool required, Hex *out);
bool bd_side_field(Build *b, int t, const char *key, bool required, int *out);
/* Reports every key of t not in the NULL-terminated list. */
void bd_check_keys(Build *b, int t, const char *const *keys);

/* A whole-number field of a rules struct, by name, with its range. */
typedef struct BdIntField {
    const char *key;
    size_t off;
    int lo, hi;
} BdIntField;
/* Checks table t's keys against the int fields plus `tables` (the keys
 * the caller reads itself, NULL-terminated) and reads every int field
 * present into the struct at base. */
void bd_int_fields(Build *b, int t, const BdIntField *f, size_t n, void *base, const char *const *tables);
bool bd_find_text(Build *b, const char *text, size_t n, size_t *pos);
int bd_line_of(Build *b, size_t off);

/* ---- declarations ------------------------------------------------------- */

/* build_map.c */
void bd_rules(Build *b, int t);
void bd_map(Build *b, int t, bool *seen);
void bd_place(Build *b, int t);
void bd_gate(Build *b, int t);

/* build_siege.c */
void bd_siege(Build *b, int t, bool *seen);
void bd_side_supply(Build *b, int t, int side);
void bd_theatre_place(Build *b, int t);
void bd_route(Build *b, int t);
void bd_courier(Build *b, int t);
void bd_column(Build *b, int t);
void bd_contingent(Build *b, int t);
void bd_chronicle(Build *b, int t);
void bd_dispute(Build *b, int t);
/* After leaders: names each column's leader (given by id in column { }). */
void bd_resolve_column_leaders(Build *b);
/* After everything: checks that the chronicle's orders parse. */
void bd_check_chronicle(Build *b);
/* The index of the theatre place named by key, or -1 (with a problem). */
int bd_theatre_field(Build *b, int t, const char *key, bool required);
