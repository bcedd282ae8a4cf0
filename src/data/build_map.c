/* build_map.c - the rules { }, map { }, place { } and gate { }
 * declarations. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "core/hex.h"
#include "data/build_internal.h"
#include "script/api.h"

static const struct {
    char letter;
    Terrain t;
} default_legend[] = {
    { '.', TER_OPEN }, { '=', TER_ROAD }, { 't', TER_ORCHARD }, { 'b', TER_BASALT },
    { '~', TER_RIVER }, { 'f', TER_FORD }, { '%', TER_MARSH }, { '^', TER_HILL },
    { 'c', TER_CITY }, { '#', TER_WALL }, { 'G', TER_GATE },
};


/* ---- rules ---------------------------------------------------------------------- */

static const BdIntField rule_ints[] = {
#define R(f, lo, hi) { #f, offsetof(Rules, f), lo, hi }
    R(zoc_leave_cost, 0, 40),       R(siege_mp_mult, 1, 20),       R(stack_limit, 1, 16),
    R(shift_flank, 0, 9),           R(shift_rear, 0, 9),           R(shift_charge, 0, 9),
    R(shift_leader, 0, 9),          R(shift_uphill, 0, 9),         R(cohesion_min_pct, 0, 100),
    R(cohesion_max, 1, 100),        R(shaken_at, 0, 100),          R(rally_bonus, -10, 10),
    R(morale_max, 1, 100),          R(morale_loss_eliminated, 0, 20), R(morale_loss_leader, 0, 20),
    R(leader_loss_pct, 0, 100),     R(days_per_turn, 1, 60),       R(battle_max_impulses, 1, 100),
    R(sword_shift, 0, 9),           R(cautious_att_shift, 0, 9),   R(cautious_def_shift, 0, 9),
    R(feint_shift, 0, 9),           R(feint_radius, 0, 100),       R(feint_cohesion, 0, 100),
#undef R
};

static int bd_terrain_key(Build *b, const char *key, const char *name)
{
    Terrain t;
    if (terrain_from_name(name, &t))
        return (int)t;
    char list[160] = "";
    for (int i = 0; i < TER_COUNT; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", terrain_name((Terrain)i));
    bd_problem(b, key, "unknown terrain '%s'; expected one of: %s", name, list);
    return -1;
}

/* A step costs -1 (closed ground) or 1 to 60 half-MP. A 0 is refused: the
 * A* search (path.c) takes hex distance as its estimate, which holds only
 * while every step costs at least 1; with a 0 it returned dearer paths
 * than Dijkstra's (1,733 of 14,997). */
static bool move_cost_set(Build *b, const char *ter, const char *cls, int c, int *dst)
{
    if (c != 0) {
        *dst = c;
        return true;
    }
    char key[80];
    bd_textf(key, sizeof key, "%s.move_cost.%s%s%s", b->what, ter, cls ? "." : "", cls ? cls : "");
    bd_problem_at(b, bd_key_line(b, ter), 0, key,
                  "a move cost of 0 is not allowed; use 1 (half an MP, a road's cost) or more, or -1 for impassable");
    return false;
}

static void rules_move_cost(Build *b, int t)
{
    lua_State *L = b->L;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int v = lua_gettop(L);
        if (lua_type(L, v - 1) != LUA_TSTRING) {
            bd_problem(b, "move_cost", "keys must be terrain names");
            lua_pop(L, 1);
            continue;
        }
        const char *name = lua_tostring(L, v - 1);
        int ter = bd_terrain_key(b, "move_cost", name);
        if (ter >= 0) {
            int *cost = b->g->rules.move_cost[ter];
            int c;
            if (lua_type(L, v) == LUA_TTABLE) {
                if (bd_num_field(b, v, "foot", false, -1, 60, &c))
                    move_cost_set(b, name, "foot", c, &cost[MOVE_FOOT]);
                if (bd_num_field(b, v, "horse", false, -1, 60, &c))
                    move_cost_set(b, name, "horse", c, &cost[MOVE_HORSE]);
            } else {
                lua_pushvalue(L, v);
                if (bd_top_number(b, "move_cost", -1, 60, &c) && move_cost_set(b, name, NULL, c, &cost[MOVE_FOOT]))
                    cost[MOVE_HORSE] = c;
            }
        }
        lua_settop(L, v - 1);
    }
}

static void rules_terrain(Build *b, int t)
{
    lua_State *L = b->L;
    static const char *const keys[] = { "blocks_los", "hides", "defence", "defence_pct", NULL };
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int v = lua_gettop(L);
        int ter = lua_type(L, v - 1) == LUA_TSTRING ? bd_terrain_key(b, "terrain", lua_tostring(L, v - 1)) : -1;
        if (ter >= 0 && lua_type(L, v) != LUA_TTABLE) {
            bd_problem(b, "terrain", "expected terrain = { blocks_los = ..., hides = ..., defence = ..., defence_pct = ... }");
        } else if (ter >= 0) {
            Rules *r = &b->g->rules;
            bd_check_keys(b, v, keys);
            bool x;
            if (bd_bool_field(b, v, "blocks_los", &x))
                r->blocks_los[ter] = x;
            if (bd_bool_field(b, v, "hides", &x))
                r->hides_units[ter] = x;
            bd_num_field(b, v, "defence", false, -9, 9, &r->defence_shift[ter]);
            bd_num_field(b, v, "defence_pct", false, 10, 1000, &r->defence_pct[ter]);
        }
        lua_settop(L, v - 1);
    }
}

static void rules_unit_types(Build *b, int t)
{
    lua_State *L = b->L;
    static const char *const keys[] = { "id", "name", "ma", "move", "strength", "breaks_contact", "charges",
                                        "symbol", NULL };
    Rules *r = &b->g->rules;
    int n = (int)lua_rawlen(L, t);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, t, i);
        int v = lua_gettop(L);
        if (lua_type(L, v) != LUA_TTABLE) {
            bd_problem(b, "unit_types", "item %d: expected { id = ..., ma = ..., move = \"foot\" or \"horse\", ... }", i);
            lua_pop(L, 1);
            continue;
        }
        bd_check_keys(b, v, keys);
        char id[ID_LEN];
        if (!bd_id_field(b, v, "id", id, sizeof id)) {
            lua_pop(L, 1);
            continue;
        }
        int k = rules_type_by_id(r, id);
        if (k < 0) {
            if (r->ntypes >= RULES_MAX_TYPES) {
                bd_problem(b, "unit_types", "too many unit types (at most %d)", RULES_MAX_TYPES);
                lua_pop(L, 1);
                continue;
            }
            k = r->ntypes++;
            UnitTypeRules *u = &r->types[k];
            memset(u, 0, sizeof *u);
            snprintf(u->id, sizeof u->id, "%s", id);
            snprintf(u->name, sizeof u->name, "%s", id);
            u->ma = 3;
            u->strength_pct = 100;
            u->symbol = (char)toupper((unsigned char)id[0]);
        }
        UnitTypeRules *u = &r->types[k];
        bd_str_field(b, v, "name", false, u->name, sizeof u->name);
        bd_num_field(b, v, "ma", false, 1, 30, &u->ma);
        bd_num_field(b, v, "strength", false, 1, 1000, &u->strength_pct);
        bool x;
        if (bd_bool_field(b, v, "breaks_contact", &x))
            u->breaks_contact = x;
        if (bd_bool_field(b, v, "charges", &x))
            u->charges = x;
        char mv[16] = "";
        if (bd_str_field(b, v, "move", false, mv, sizeof mv)) {
            if (!strcmp(mv, "foot"))
                u->move_class = MOVE_FOOT;
            else if (!strcmp(mv, "horse"))
                u->move_class = MOVE_HORSE;
            else
                bd_problem(b, "move", "unknown move class '%s'; expected \"foot\" or \"horse\"", mv);
        }
        char sym[4] = "";
        if (bd_str_field(b, v, "symbol", false, sym, sizeof sym)) {
            if (strlen(sym) != 1)
                bd_problem(b, "symbol", "expected one letter");
            else
                u->symbol = sym[0];
        }
        lua_pop(L, 1);
    }
}

void bd_rules(Build *b, int t)
{
    lua_State *L = b->L;
    Rules *r = &b->g->rules;
    static const char *const tables[] = { "move_cost", "terrain", "unit_types", "quality", "odds", NULL };
    bd_int_fields(b, t, rule_ints, sizeof rule_ints / sizeof *rule_ints, r, tables);
    for (int i = 0; i < 5; i++) {
        int ty = bd_get(b, t, tables[i]);
        int v = lua_gettop(L);
        if (ty == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        if (ty != LUA_TTABLE) {
            bd_problem(b, tables[i], "expected a table, got a %s", lua_typename(L, ty));
        } else if (i == 0) {
            rules_move_cost(b, v);
        } else if (i == 1) {
            rules_terrain(b, v);
        } else if (i == 2) {
            rules_unit_types(b, v);
        } else if (i == 3) {
            static const char *const q[] = { "elite", "veteran", "regular", "levy", NULL };
            bd_check_keys(b, v, q);
            for (int j = 0; j < 4; j++)
                bd_num_field(b, v, q[j], false, 1, 1000, &r->quality_pct[j]);
        } else {
            if ((int)lua_rawlen(L, v) != CRT_COLUMNS) {
                bd_problem(b, "odds", "expected %d ascending percentages, one per column", CRT_COLUMNS);
            } else {
                int odds[CRT_COLUMNS];
                bool ok = true;
                for (int j = 0; j < CRT_COLUMNS; j++) {
                    lua_rawgeti(L, v, j + 1);
                    ok = bd_top_number(b, "odds", 0, 100000, &odds[j]) && ok;
                    if (ok && j > 0 && odds[j] <= odds[j - 1]) {
                        bd_problem(b, "odds", "the percentages must ascend");
                        ok = false;
                    }
                }
                if (ok)
                    memcpy(r->odds_pct, odds, sizeof odds);
            }
        }
        lua_settop(L, v - 1);
    }
    if (r->shaken_at >= r->cohesion_max)
        bd_problem(b, "shaken_at", "must be below cohesion_max (%d)", r->cohesion_max);
}

/* ---- the map ------------------------------------------------------------------- */
void bd_map(Build *b, int t, bool *seen)
{
    static const char *const keys[] = { "width", "height", "legend", "rows", NULL };
    lua_State *L = b->L;
    Game *g = b->g;
    if (*seen) {
        bd_problem(b, "", "a file declares one map { }; this is a second one");
        return;
    }
    *seen = true;
    bd_check_keys(b, t, keys);
    int w = 0, h = 0;
    bool ok = bd_num_field(b, t, "width", true, 1, MAP_MAX_W, &w);
    ok = bd_num_field(b, t, "height", true, 1, MAP_MAX_H, &h) && ok;

    int legend[256];
    for (int i = 0; i < 256; i++)
        legend[i] = -1;
    for (size_t i = 0; i < sizeof default_legend / sizeof *default_legend; i++)
        legend[(unsigned char)default_legend[i].letter] = default_legend[i].t;
    int ty = bd_get(b, t, "legend");
    int v = lua_gettop(L);
    if (ty == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, v)) {
            size_t kl = 0;
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &kl) : NULL;
            if (!k || kl != 1 || isspace((unsigned char)k[0]))
                bd_problem(b, "legend", "keys must be single letters (not spaces), as in [\".\"] = \"open\"");
            else if (lua_type(L, -1) != LUA_TSTRING)
                bd_problem(b, "legend", "'%s' must map to a terrain name such as \"open\"", k);
            else {
                int ter = bd_terrain_key(b, "legend", lua_tostring(L, -1));
                if (ter >= 0)
                    legend[(unsigned char)k[0]] = ter;
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        bd_problem(b, "legend", "expected a table of letter = terrain name");
    }
    lua_settop(L, v - 1);

    ty = bd_get(b, t, "rows");
    v = lua_gettop(L);
    if (ty != LUA_TSTRING) {
        bd_problem(b, "rows", ty == LUA_TNIL ? "missing; expected the map as text, one line per row (rows = [[ ... ]])"
                                          : "expected a string with one line per map row");
        lua_settop(L, v - 1);
        return;
    }
    if (!ok) {
        lua_settop(L, v - 1);
        return;
    }
    if (!map_init(&g->map, w, h)) {
        bd_problem(b, "", "could not allocate a %dx%d map", w, h);
        lua_settop(L, v - 1);
        return;
    }
    size_t len;
    const char *rows = lua_tolstring(L, v, &len);
    /* where the rows are in the source, to name the line of a bad letter */
    size_t pos = b->line >= 1 && b->line <= b->nlines ? b->line_start[b->line] : 0;
    int rows_line = bd_key_line(b, "rows");
    if (rows_line >= 1 && rows_line <= b->nlines)
        pos = b->line_start[rows_line];
    int row = 0, bad = 0;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && rows[e] != '\n')
            e++;
        size_t s = i, end = e;
        i = e + 1;
        while (s < end && isspace((unsigned char)rows[s]))
            s++;
        while (end > s && isspace((unsigned char)rows[end - 1]))
            end--;
        if (s == end)
            continue;
        size_t at = pos;
        bool found = bd_find_text(b, rows + s, end - s, &at);
        int line = found ? bd_line_of(b, at) : rows_line;
        if (found)
            pos = at + (end - s);
        if (row >= h) {
            if (row == h)
                bd_problem_at(b, line, 0, "map.rows", "more rows than height = %d", h);
            row++;
            continue;
        }
        if ((int)(end - s) != w)
            bd_problem_at(b, line, 0, "map.rows", "row %d has %d letters; expected %d (the map width)", row,
                       (int)(end - s), w);
        for (size_t c = 0; c < end - s && (int)c < w; c++) {
            unsigned char ch = (unsigned char)rows[s + c];
            if (legend[ch] < 0) {
                if (bad++ < 8) {
                    int col = found ? (int)(at + c - b->line_start[line]) + 1 : 0;
                    bd_problem_at(b, line, col, "map.rows",
                               "unknown terrain letter '%c' at hex %d,%d; add it to the legend or use one of "
                               ". = t b ~ f %% ^ c # G",
                               isprint(ch) ? ch : '?', (int)c, row);
                }
                continue;
            }
            map_set_terrain(&g->map, hex_from_offset((int)c, row), (Terrain)legend[ch]);
        }
        row++;
    }
    if (bad > 8)
        bd_problem_at(b, rows_line, 0, "map.rows", "%d more unknown letters", bad - 8);
    if (row < h)
        bd_problem(b, "rows", "%d rows given; expected %d (the map height)", row, h);
    lua_settop(L, v - 1);
}

void bd_place(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "at", "owner", "value", "camp", NULL };
    Game *g = b->g;
    bd_check_keys(b, t, keys);
    Place p;
    memset(&p, 0, sizeof p);
    bool ok = bd_id_field(b, t, "id", p.id, sizeof p.id);
    if (!bd_str_field(b, t, "name", false, p.name, sizeof p.name))
        snprintf(p.name, sizeof p.name, "%s", p.id);
    ok = bd_hex_field(b, t, "at", true, &p.hex) && ok;
    ok = bd_side_field(b, t, "owner", false, &p.owner) && ok;
    bd_num_field(b, t, "value", false, 0, 1000, &p.value);
    bool camp;
    if (bd_bool_field(b, t, "camp", &camp))
        p.camp = camp;
    if (!ok)
        return;
    if (map_place_by_id(&g->map, p.id) >= 0)
        bd_problem(b, "id", "duplicate place id '%s'", p.id);
    else if (map_place_at(&g->map, p.hex) >= 0)
        bd_problem(b, "at", "place '%s' is on the same hex as place '%s'", p.id,
                g->map.places[map_place_at(&g->map, p.hex)].id);
    else if (g->map.nplaces >= MAP_MAX_PLACES)
        bd_problem(b, "", "too many places (at most %d)", MAP_MAX_PLACES);
    else
        g->map.places[g->map.nplaces++] = p;
}

void bd_gate(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "at", "state", "alert", NULL };
    Game *g = b->g;
    bd_check_keys(b, t, keys);
    Gate gt;
    memset(&gt, 0, sizeof gt);
    bool ok = bd_id_field(b, t, "id", gt.id, sizeof gt.id);
    if (!bd_str_field(b, t, "name", false, gt.name, sizeof gt.name))
        snprintf(gt.name, sizeof gt.name, "%s", gt.id);
    ok = bd_hex_field(b, t, "at", true, &gt.hex) && ok;
    char st[16] = "shut";
    if (bd_str_field(b, t, "state", false, st, sizeof st) || 1) {
        gt.state = api_name_index(api_gate_state_names, 4, st);
        if (gt.state < 0) {
            bd_problem(b, "state", "unknown gate state '%s'; expected shut, open, forced or betrayed", st);
            ok = false;
        }
    }
    bool alert = false;
    bd_bool_field(b, t, "alert", &alert);
    if (!ok)
        return;
    Terrain ter = map_terrain(&g->map, gt.hex);
    char hx[16];
    if (ter != TER_GATE)
        bd_problem(b, "at", "hex %s is %s; a gate must stand on a gate hex (letter G in the map)",
                hex_format(gt.hex, hx, sizeof hx), terrain_name(ter));
    else if (game_gate_at(g, gt.hex) >= 0)
        bd_problem(b, "at", "another gate already stands on %s", hex_format(gt.hex, hx, sizeof hx));
    else {
        for (int i = 0; i < g->ngates; i++)
            if (!strcmp(g->gates[i].id, gt.id)) {
                bd_problem(b, "id", "duplicate gate id '%s'", gt.id);
                return;
            }
        if (g->ngates >= MAX_GATES)
            bd_problem(b, "", "too many gates (at most %d)", MAX_GATES);
        else {
            g->siege.gate_alert[g->ngates] = alert;
            g->gates[g->ngates++] = gt;
        }
    }
}

