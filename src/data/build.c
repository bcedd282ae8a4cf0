/* build.c - checks a scenario file's declarations and builds the Game.
 *
 * Every table is read with raw accesses (no metamethod can run here, out of
 * the instruction budget's reach). Each problem becomes a Diag naming the
 * line of the key when it can be found in the source text, or else the line
 * of the declaration; checking goes on after a problem so that one run
 * reports as many as it can. */
#include "data/build.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "core/hex.h"
#include "script/api.h"

/* ---- names the loader knows ----------------------------------------------- */

static const char *const month_names[12] = { "jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec" };

/* The map letters every file may use without a legend. */
static const struct {
    char letter;
    Terrain t;
} default_legend[] = {
    { '.', TER_OPEN }, { '=', TER_ROAD }, { 't', TER_ORCHARD }, { 'b', TER_BASALT },
    { '~', TER_RIVER }, { 'f', TER_FORD }, { '%', TER_MARSH }, { '^', TER_HILL },
    { 'c', TER_CITY }, { '#', TER_WALL }, { 'G', TER_GATE },
};

/* snprintf that may cut the text short on purpose */
static void textf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void textf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

/* ---- diagnostics ------------------------------------------------------------ */

static void problem_at(Build *b, int line, int col, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void problem_at(Build *b, int line, int col, const char *key, const char *fmt, ...)
{
    char msg[DIAG_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    b->problems++;
    diags_add_at(b->ds, b->file, line, col, key, "%s", msg);
}

/* The line where `key =` first appears in the current declaration, or the
 * declaration's own line. */
static int key_line(Build *b, const char *key)
{
    size_t kl = strlen(key);
    int last = b->next_line > b->line ? b->next_line - 1 : b->line + 200;
    if (last > b->nlines)
        last = b->nlines;
    for (int ln = b->line; ln >= 1 && ln <= last; ln++) {
        size_t s = b->line_start[ln], e = ln < b->nlines ? b->line_start[ln + 1] : b->len;
        for (size_t i = s; i + kl <= e; i++) {
            if (memcmp(b->src + i, key, kl) != 0)
                continue;
            if (i > s && (isalnum((unsigned char)b->src[i - 1]) || b->src[i - 1] == '_'))
                continue;
            size_t j = i + kl;
            while (j < e && (b->src[j] == ' ' || b->src[j] == '\t'))
                j++;
            if (j < e && b->src[j] == '=' && (j + 1 >= e || b->src[j + 1] != '='))
                return ln;
        }
    }
    return b->line;
}

static void problem(Build *b, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(Build *b, const char *key, const char *fmt, ...)
{
    char msg[DIAG_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char k[64];
    textf(k, sizeof k, "%s%s%s", b->what, key && key[0] ? "." : "", key ? key : "");
    problem_at(b, key && key[0] ? key_line(b, key) : b->line, 0, k, "%s", msg);
}

/* ---- reading fields (the table is at index t) --------------------------------- */

static int get(Build *b, int t, const char *key)
{
    lua_pushstring(b->L, key);
    return lua_rawget(b->L, t);
}

static bool str_field(Build *b, int t, const char *key, bool required, char *out, size_t n)
{
    int ty = get(b, t, key);
    bool ok = false;
    if (ty == LUA_TNIL) {
        if (required)
            problem(b, key, "missing; expected a string (%s = \"...\")", key);
    } else if (ty != LUA_TSTRING) {
        problem(b, key, "expected a string, got a %s", lua_typename(b->L, ty));
    } else {
        size_t l;
        const char *s = lua_tolstring(b->L, -1, &l);
        if (l >= n)
            problem(b, key, "too long (%zu characters; at most %zu)", l, n - 1);
        else if (strlen(s) != l)
            problem(b, key, "contains a zero byte");
        else {
            memcpy(out, s, l + 1);
            ok = true;
        }
    }
    lua_pop(b->L, 1);
    return ok;
}

static bool valid_id(const char *s)
{
    if (!s[0])
        return false;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
            return false;
    return true;
}

static bool id_field(Build *b, int t, const char *key, char *out, size_t n)
{
    if (!str_field(b, t, key, true, out, n))
        return false;
    if (!valid_id(out)) {
        problem(b, key, "'%s' is not a valid id; use letters, digits, '_', '-' or '.'", out);
        return false;
    }
    return true;
}

static void add_tag(Build *b, const char *key, int value, const char *conf, const char *src)
{
    ScenarioInfo *in = b->info;
    if (in->ntags >= SCEN_MAX_TAGS)
        return;
    ScenarioTag *tg = &in->tags[in->ntags++];
    textf(tg->what, sizeof tg->what, "%s", b->what);
    snprintf(tg->key, sizeof tg->key, "%s", key);
    tg->value = value;
    snprintf(tg->conf, sizeof tg->conf, "%s", conf);
    snprintf(tg->src, sizeof tg->src, "%s", src);
    tg->line = key_line(b, key);
}

static bool valid_conf(const char *c)
{
    return !strcmp(c, "A") || !strcmp(c, "D") || !strcmp(c, "I") || !strcmp(c, "A?");
}

/* A whole number at the top of the stack, possibly written with its tag as
 * { 8, conf = "A", src = "AK" }. Pops it. */
static bool top_number(Build *b, const char *key, int lo, int hi, int *out)
{
    lua_State *L = b->L;
    int v = lua_gettop(L);
    bool ok = false;
    char conf[8] = "", src[64] = "";
    bool tagged = false;
    if (lua_type(L, v) == LUA_TTABLE) {
        tagged = true;
        int c = get(b, v, "conf");
        if (c == LUA_TSTRING && lua_rawlen(L, -1) < sizeof conf)
            snprintf(conf, sizeof conf, "%s", lua_tostring(L, -1));
        else if (c != LUA_TNIL)
            conf[0] = '?';
        lua_pop(L, 1);
        int s = get(b, v, "src");
        if (s == LUA_TSTRING && lua_rawlen(L, -1) < sizeof src)
            snprintf(src, sizeof src, "%s", lua_tostring(L, -1));
        else if (s != LUA_TNIL)
            problem(b, key, "src must be a short string (at most 63 characters)");
        lua_pop(L, 1);
        if (conf[0] && !valid_conf(conf))
            problem(b, key, "conf must be \"A\" (attested), \"D\" (derived) or \"I\" (invented)");
        lua_rawgeti(L, v, 1);
        lua_replace(L, v);
    }
    if (lua_type(L, v) != LUA_TNUMBER) {
        problem(b, key, "expected a whole number%s, got a %s", tagged ? " as the first item of the tagged value" : "",
                luaL_typename(L, v));
    } else {
        int isint = 0;
        lua_Integer n = lua_tointegerx(L, v, &isint);
        if (!isint)
            problem(b, key, "expected a whole number, got %g", (double)lua_tonumber(L, v));
        else if (n < lo || n > hi)
            problem(b, key, "%lld is out of range; expected %d to %d", (long long)n, lo, hi);
        else {
            *out = (int)n;
            ok = true;
            if (tagged && (conf[0] || src[0]))
                add_tag(b, key, (int)n, conf, src);
        }
    }
    lua_settop(L, v - 1);
    return ok;
}

/* Returns false if missing (with a problem when required) or bad. */
static bool num_field(Build *b, int t, const char *key, bool required, int lo, int hi, int *out)
{
    if (get(b, t, key) == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required)
            problem(b, key, "missing; expected a whole number from %d to %d", lo, hi);
        return false;
    }
    return top_number(b, key, lo, hi, out);
}

static bool bool_field(Build *b, int t, const char *key, bool *out)
{
    int ty = get(b, t, key);
    bool ok = false;
    if (ty == LUA_TBOOLEAN) {
        *out = lua_toboolean(b->L, -1);
        ok = true;
    } else if (ty != LUA_TNIL) {
        problem(b, key, "expected true or false, got a %s", lua_typename(b->L, ty));
    }
    lua_pop(b->L, 1);
    return ok;
}

/* A hex: "col,row" or { col, row }, checked against the map. */
static bool hex_field(Build *b, int t, const char *key, bool required, Hex *out)
{
    lua_State *L = b->L;
    int ty = get(b, t, key);
    bool ok = false;
    char text[64] = "";
    if (ty == LUA_TNIL) {
        if (required)
            problem(b, key, "missing; expected a hex as \"col,row\"");
    } else if (ty == LUA_TSTRING) {
        snprintf(text, sizeof text, "%s", lua_tostring(L, -1));
        if (!hex_parse(text, out))
            problem(b, key, "'%s' is not a hex; write \"col,row\" such as \"12,9\"", text);
        else
            ok = true;
    } else if (ty == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        int i1 = 0, i2 = 0;
        lua_Integer c = lua_tointegerx(L, -2, &i1), r = lua_tointegerx(L, -1, &i2);
        lua_pop(L, 2);
        if (!i1 || !i2 || c < -1000 || c > 1000 || r < -1000 || r > 1000)
            problem(b, key, "expected a hex as \"col,row\" or { col, row }");
        else {
            *out = hex_from_offset((int)c, (int)r);
            snprintf(text, sizeof text, "%d,%d", (int)c, (int)r);
            ok = true;
        }
    } else {
        problem(b, key, "expected a hex as \"col,row\", got a %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
    if (ok && b->g->map.terrain && !map_contains(&b->g->map, *out)) {
        problem(b, key, "hex %s is off the map (columns 0-%d, rows 0-%d)", text, b->g->map.width - 1,
                b->g->map.height - 1);
        ok = false;
    }
    return ok;
}

/* A side given by id; "none" or absent gives -1 when allowed. */
static bool side_field(Build *b, int t, const char *key, bool required, int *out)
{
    char id[ID_LEN];
    *out = -1;
    if (get(b, t, key) == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required)
            problem(b, key, "missing; expected a side id");
        return !required;
    }
    lua_pop(b->L, 1);
    if (!str_field(b, t, key, true, id, sizeof id))
        return false;
    if (!required && strcmp(id, "none") == 0)
        return true;
    int s = game_side_by_id(b->g, id);
    if (s < 0) {
        char list[128] = "";
        for (int i = 0; i < b->g->nsides; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s'%s'", i ? " or " : "", b->g->sides[i].id);
        problem(b, key, "unknown side '%s'; expected %s", id, b->g->nsides ? list : "a side declared with side { }");
        return false;
    }
    *out = s;
    return true;
}

/* Unknown keys are usually typos: report each, with the accepted ones. */
static void check_keys(Build *b, int t, const char *const *keys)
{
    lua_State *L = b->L;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            problem(b, "", "unexpected list item; %s takes named keys (key = value)", b->what);
            continue;
        }
        const char *k = lua_tostring(L, -1);
        bool known = false;
        for (int i = 0; keys[i]; i++)
            if (strcmp(keys[i], k) == 0)
                known = true;
        if (!known) {
            char list[256] = "";
            for (int i = 0; keys[i]; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", keys[i]);
            char kk[40];
            snprintf(kk, sizeof kk, "%s", k);
            problem(b, kk, "unknown key '%s'; expected one of: %s", kk, list);
        }
    }
}

/* ---- declarations ------------------------------------------------------------ */

static bool parse_date(const char *s, int *y, int *m, int *d)
{
    char mon[16];
    int dd, yy;
    if (sscanf(s, "%d %15s %d", &dd, mon, &yy) != 3)
        return false;
    for (int i = 0; i < 12; i++) {
        if (strncasecmp(mon, month_names[i], 3) == 0) {
            *y = yy;
            *m = i + 1;
            *d = dd;
            return true;
        }
    }
    return false;
}

static void do_scenario(Build *b, int t, bool *seen)
{
    static const char *const keys[] = { "id", "title", "briefing", "turns", "start", "first_side",
                                        "town_side", "format", NULL };
    Game *g = b->g;
    if (*seen) {
        problem(b, "", "a file declares one scenario { }; this is a second one");
        return;
    }
    *seen = true;
    check_keys(b, t, keys);
    int fmt = 1;
    if (num_field(b, t, "format", false, 0, 1000, &fmt) && fmt != 1)
        problem(b, "format", "this game reads scenario format 1, not %d", fmt);
    id_field(b, t, "id", b->info->id, sizeof b->info->id);
    str_field(b, t, "title", true, b->info->title, sizeof b->info->title);
    str_field(b, t, "briefing", false, b->info->briefing, sizeof b->info->briefing);
    num_field(b, t, "turns", true, 1, 1000, &g->max_turns);
    int ty = get(b, t, "start");
    int y = 0, m = 0, d = 0;
    bool ok = true;
    if (ty == LUA_TSTRING) {
        ok = parse_date(lua_tostring(b->L, -1), &y, &m, &d);
    } else if (ty == LUA_TTABLE) {
        int v = lua_gettop(b->L);
        lua_rawgeti(b->L, v, 1);
        lua_rawgeti(b->L, v, 2);
        lua_rawgeti(b->L, v, 3);
        int i1 = 0, i2 = 0, i3 = 0;
        y = (int)lua_tointegerx(b->L, -3, &i1);
        m = (int)lua_tointegerx(b->L, -2, &i2);
        d = (int)lua_tointegerx(b->L, -1, &i3);
        lua_pop(b->L, 3);
        ok = i1 && i2 && i3;
    } else if (ty != LUA_TNIL) {
        ok = false;
    }
    lua_pop(b->L, 1);
    if (ty != LUA_TNIL) {
        if (!ok || m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 3000)
            problem(b, "start", "expected a date such as \"28 Nov 637\" or { 637, 11, 28 } (year, month, day)");
        else {
            g->start_year = y;
            g->start_month = m;
            g->start_day = d;
        }
    }
}

static void do_side(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "morale", NULL };
    Game *g = b->g;
    check_keys(b, t, keys);
    Side s;
    memset(&s, 0, sizeof s);
    s.morale = 10;
    bool ok = id_field(b, t, "id", s.id, sizeof s.id);
    if (!str_field(b, t, "name", false, s.name, sizeof s.name))
        snprintf(s.name, sizeof s.name, "%s", s.id);
    num_field(b, t, "morale", false, 0, g->rules.morale_max, &s.morale);
    if (!ok)
        return;
    if (game_side_by_id(g, s.id) >= 0) {
        problem(b, "id", "duplicate side id '%s'", s.id);
        return;
    }
    if (g->nsides >= MAX_SIDES) {
        problem(b, "", "too many sides; a scenario has exactly %d", MAX_SIDES);
        return;
    }
    g->sides[g->nsides++] = s;
}

/* ---- rules ---------------------------------------------------------------------- */

static const struct {
    const char *key;
    size_t off;
    int lo, hi;
} rule_ints[] = {
#define R(f, lo, hi) { #f, offsetof(Rules, f), lo, hi }
    R(zoc_leave_cost, 0, 40),       R(siege_mp_mult, 1, 20),       R(stack_limit, 1, 16),
    R(shift_flank, 0, 9),           R(shift_rear, 0, 9),           R(shift_charge, 0, 9),
    R(shift_leader, 0, 9),          R(shift_uphill, 0, 9),         R(cohesion_min_pct, 0, 100),
    R(cohesion_max, 1, 100),        R(shaken_at, 0, 100),          R(rally_bonus, -10, 10),
    R(morale_max, 1, 100),          R(morale_loss_eliminated, 0, 20), R(morale_loss_leader, 0, 20),
    R(leader_loss_pct, 0, 100),     R(days_per_turn, 1, 60),       R(battle_max_impulses, 1, 100),
#undef R
};

static int terrain_key(Build *b, const char *key, const char *name)
{
    Terrain t;
    if (terrain_from_name(name, &t))
        return (int)t;
    char list[160] = "";
    for (int i = 0; i < TER_COUNT; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", terrain_name((Terrain)i));
    problem(b, key, "unknown terrain '%s'; expected one of: %s", name, list);
    return -1;
}

/* for each string key of the table at top: calls fn with the value on top */
static void rules_move_cost(Build *b, int t)
{
    lua_State *L = b->L;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int v = lua_gettop(L);
        if (lua_type(L, v - 1) != LUA_TSTRING) {
            problem(b, "move_cost", "keys must be terrain names");
            lua_pop(L, 1);
            continue;
        }
        int ter = terrain_key(b, "move_cost", lua_tostring(L, v - 1));
        if (ter >= 0) {
            int *cost = b->g->rules.move_cost[ter];
            if (lua_type(L, v) == LUA_TTABLE) {
                num_field(b, v, "foot", false, -1, 60, &cost[MOVE_FOOT]);
                num_field(b, v, "horse", false, -1, 60, &cost[MOVE_HORSE]);
            } else {
                lua_pushvalue(L, v);
                int c;
                if (top_number(b, "move_cost", -1, 60, &c))
                    cost[MOVE_FOOT] = cost[MOVE_HORSE] = c;
            }
        }
        lua_settop(L, v - 1);
    }
}

static void rules_terrain(Build *b, int t)
{
    lua_State *L = b->L;
    static const char *const keys[] = { "blocks_los", "hides", "defence", NULL };
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int v = lua_gettop(L);
        int ter = lua_type(L, v - 1) == LUA_TSTRING ? terrain_key(b, "terrain", lua_tostring(L, v - 1)) : -1;
        if (ter >= 0 && lua_type(L, v) != LUA_TTABLE) {
            problem(b, "terrain", "expected terrain = { blocks_los = ..., hides = ..., defence = ... }");
        } else if (ter >= 0) {
            Rules *r = &b->g->rules;
            check_keys(b, v, keys);
            bool x;
            if (bool_field(b, v, "blocks_los", &x))
                r->blocks_los[ter] = x;
            if (bool_field(b, v, "hides", &x))
                r->hides_units[ter] = x;
            num_field(b, v, "defence", false, -9, 9, &r->defence_shift[ter]);
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
            problem(b, "unit_types", "item %d: expected { id = ..., ma = ..., move = \"foot\" or \"horse\", ... }", i);
            lua_pop(L, 1);
            continue;
        }
        check_keys(b, v, keys);
        char id[ID_LEN];
        if (!id_field(b, v, "id", id, sizeof id)) {
            lua_pop(L, 1);
            continue;
        }
        int k = rules_type_by_id(r, id);
        if (k < 0) {
            if (r->ntypes >= RULES_MAX_TYPES) {
                problem(b, "unit_types", "too many unit types (at most %d)", RULES_MAX_TYPES);
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
        str_field(b, v, "name", false, u->name, sizeof u->name);
        num_field(b, v, "ma", false, 1, 30, &u->ma);
        num_field(b, v, "strength", false, 1, 1000, &u->strength_pct);
        bool x;
        if (bool_field(b, v, "breaks_contact", &x))
            u->breaks_contact = x;
        if (bool_field(b, v, "charges", &x))
            u->charges = x;
        char mv[16] = "";
        if (str_field(b, v, "move", false, mv, sizeof mv)) {
            if (!strcmp(mv, "foot"))
                u->move_class = MOVE_FOOT;
            else if (!strcmp(mv, "horse"))
                u->move_class = MOVE_HORSE;
            else
                problem(b, "move", "unknown move class '%s'; expected \"foot\" or \"horse\"", mv);
        }
        char sym[4] = "";
        if (str_field(b, v, "symbol", false, sym, sizeof sym)) {
            if (strlen(sym) != 1)
                problem(b, "symbol", "expected one letter");
            else
                u->symbol = sym[0];
        }
        lua_pop(L, 1);
    }
}

static void do_rules(Build *b, int t)
{
    lua_State *L = b->L;
    Rules *r = &b->g->rules;
    const char *keys[sizeof rule_ints / sizeof *rule_ints + 8];
    size_t k = 0;
    for (size_t i = 0; i < sizeof rule_ints / sizeof *rule_ints; i++)
        keys[k++] = rule_ints[i].key;
    keys[k++] = "move_cost";
    keys[k++] = "terrain";
    keys[k++] = "unit_types";
    keys[k++] = "quality";
    keys[k++] = "odds";
    keys[k] = NULL;
    check_keys(b, t, keys);
    for (size_t i = 0; i < sizeof rule_ints / sizeof *rule_ints; i++)
        num_field(b, t, rule_ints[i].key, false, rule_ints[i].lo, rule_ints[i].hi,
                  (int *)((char *)r + rule_ints[i].off));
    static const char *const tables[] = { "move_cost", "terrain", "unit_types", "quality", "odds" };
    for (int i = 0; i < 5; i++) {
        int ty = get(b, t, tables[i]);
        int v = lua_gettop(L);
        if (ty == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        if (ty != LUA_TTABLE) {
            problem(b, tables[i], "expected a table, got a %s", lua_typename(L, ty));
        } else if (i == 0) {
            rules_move_cost(b, v);
        } else if (i == 1) {
            rules_terrain(b, v);
        } else if (i == 2) {
            rules_unit_types(b, v);
        } else if (i == 3) {
            static const char *const q[] = { "elite", "veteran", "regular", "levy", NULL };
            check_keys(b, v, q);
            for (int j = 0; j < 4; j++)
                num_field(b, v, q[j], false, 1, 1000, &r->quality_pct[j]);
        } else {
            if ((int)lua_rawlen(L, v) != CRT_COLUMNS) {
                problem(b, "odds", "expected %d ascending percentages, one per column", CRT_COLUMNS);
            } else {
                int odds[CRT_COLUMNS];
                bool ok = true;
                for (int j = 0; j < CRT_COLUMNS; j++) {
                    lua_rawgeti(L, v, j + 1);
                    ok = top_number(b, "odds", 0, 100000, &odds[j]) && ok;
                    if (ok && j > 0 && odds[j] <= odds[j - 1]) {
                        problem(b, "odds", "the percentages must ascend");
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
        problem(b, "shaken_at", "must be below cohesion_max (%d)", r->cohesion_max);
}

/* ---- the map ------------------------------------------------------------------- */

/* Finds `text` (len n) in the source at or after *pos; returns its offset. */
static bool find_text(Build *b, const char *text, size_t n, size_t *pos)
{
    if (n == 0)
        return false;
    for (size_t i = *pos; i + n <= b->len; i++) {
        if (b->src[i] == text[0] && memcmp(b->src + i, text, n) == 0) {
            *pos = i;
            return true;
        }
    }
    return false;
}

static int line_of(Build *b, size_t off)
{
    int lo = 1, hi = b->nlines;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (b->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static void do_map(Build *b, int t, bool *seen)
{
    static const char *const keys[] = { "width", "height", "legend", "rows", NULL };
    lua_State *L = b->L;
    Game *g = b->g;
    if (*seen) {
        problem(b, "", "a file declares one map { }; this is a second one");
        return;
    }
    *seen = true;
    check_keys(b, t, keys);
    int w = 0, h = 0;
    bool ok = num_field(b, t, "width", true, 1, MAP_MAX_W, &w);
    ok = num_field(b, t, "height", true, 1, MAP_MAX_H, &h) && ok;

    int legend[256];
    for (int i = 0; i < 256; i++)
        legend[i] = -1;
    for (size_t i = 0; i < sizeof default_legend / sizeof *default_legend; i++)
        legend[(unsigned char)default_legend[i].letter] = default_legend[i].t;
    int ty = get(b, t, "legend");
    int v = lua_gettop(L);
    if (ty == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, v)) {
            size_t kl = 0;
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &kl) : NULL;
            if (!k || kl != 1 || isspace((unsigned char)k[0]))
                problem(b, "legend", "keys must be single letters (not spaces), as in [\".\"] = \"open\"");
            else if (lua_type(L, -1) != LUA_TSTRING)
                problem(b, "legend", "'%s' must map to a terrain name such as \"open\"", k);
            else {
                int ter = terrain_key(b, "legend", lua_tostring(L, -1));
                if (ter >= 0)
                    legend[(unsigned char)k[0]] = ter;
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        problem(b, "legend", "expected a table of letter = terrain name");
    }
    lua_settop(L, v - 1);

    ty = get(b, t, "rows");
    v = lua_gettop(L);
    if (ty != LUA_TSTRING) {
        problem(b, "rows", ty == LUA_TNIL ? "missing; expected the map as text, one line per row (rows = [[ ... ]])"
                                          : "expected a string with one line per map row");
        lua_settop(L, v - 1);
        return;
    }
    if (!ok) {
        lua_settop(L, v - 1);
        return;
    }
    if (!map_init(&g->map, w, h)) {
        problem(b, "", "could not allocate a %dx%d map", w, h);
        lua_settop(L, v - 1);
        return;
    }
    size_t len;
    const char *rows = lua_tolstring(L, v, &len);
    /* where the rows are in the source, to name the line of a bad letter */
    size_t pos = b->line >= 1 && b->line <= b->nlines ? b->line_start[b->line] : 0;
    int rows_line = key_line(b, "rows");
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
        bool found = find_text(b, rows + s, end - s, &at);
        int line = found ? line_of(b, at) : rows_line;
        if (found)
            pos = at + (end - s);
        if (row >= h) {
            if (row == h)
                problem_at(b, line, 0, "map.rows", "more rows than height = %d", h);
            row++;
            continue;
        }
        if ((int)(end - s) != w)
            problem_at(b, line, 0, "map.rows", "row %d has %d letters; expected %d (the map width)", row,
                       (int)(end - s), w);
        for (size_t c = 0; c < end - s && (int)c < w; c++) {
            unsigned char ch = (unsigned char)rows[s + c];
            if (legend[ch] < 0) {
                if (bad++ < 8) {
                    int col = found ? (int)(at + c - b->line_start[line]) + 1 : 0;
                    problem_at(b, line, col, "map.rows",
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
        problem_at(b, rows_line, 0, "map.rows", "%d more unknown letters", bad - 8);
    if (row < h)
        problem(b, "rows", "%d rows given; expected %d (the map height)", row, h);
    lua_settop(L, v - 1);
}

static void do_place(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "at", "owner", "value", NULL };
    Game *g = b->g;
    check_keys(b, t, keys);
    Place p;
    memset(&p, 0, sizeof p);
    bool ok = id_field(b, t, "id", p.id, sizeof p.id);
    if (!str_field(b, t, "name", false, p.name, sizeof p.name))
        snprintf(p.name, sizeof p.name, "%s", p.id);
    ok = hex_field(b, t, "at", true, &p.hex) && ok;
    ok = side_field(b, t, "owner", false, &p.owner) && ok;
    num_field(b, t, "value", false, 0, 1000, &p.value);
    if (!ok)
        return;
    if (map_place_by_id(&g->map, p.id) >= 0)
        problem(b, "id", "duplicate place id '%s'", p.id);
    else if (map_place_at(&g->map, p.hex) >= 0)
        problem(b, "at", "place '%s' is on the same hex as place '%s'", p.id,
                g->map.places[map_place_at(&g->map, p.hex)].id);
    else if (g->map.nplaces >= MAP_MAX_PLACES)
        problem(b, "", "too many places (at most %d)", MAP_MAX_PLACES);
    else
        g->map.places[g->map.nplaces++] = p;
}

static void do_gate(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "at", "state", NULL };
    Game *g = b->g;
    check_keys(b, t, keys);
    Gate gt;
    memset(&gt, 0, sizeof gt);
    bool ok = id_field(b, t, "id", gt.id, sizeof gt.id);
    if (!str_field(b, t, "name", false, gt.name, sizeof gt.name))
        snprintf(gt.name, sizeof gt.name, "%s", gt.id);
    ok = hex_field(b, t, "at", true, &gt.hex) && ok;
    char st[16] = "shut";
    if (str_field(b, t, "state", false, st, sizeof st) || 1) {
        gt.state = api_name_index(api_gate_state_names, 4, st);
        if (gt.state < 0) {
            problem(b, "state", "unknown gate state '%s'; expected shut, open, forced or betrayed", st);
            ok = false;
        }
    }
    if (!ok)
        return;
    Terrain ter = map_terrain(&g->map, gt.hex);
    char hx[16];
    if (ter != TER_GATE)
        problem(b, "at", "hex %s is %s; a gate must stand on a gate hex (letter G in the map)",
                hex_format(gt.hex, hx, sizeof hx), terrain_name(ter));
    else if (game_gate_at(g, gt.hex) >= 0)
        problem(b, "at", "another gate already stands on %s", hex_format(gt.hex, hx, sizeof hx));
    else {
        for (int i = 0; i < g->ngates; i++)
            if (!strcmp(g->gates[i].id, gt.id)) {
                problem(b, "id", "duplicate gate id '%s'", gt.id);
                return;
            }
        if (g->ngates >= MAX_GATES)
            problem(b, "", "too many gates (at most %d)", MAX_GATES);
        else
            g->gates[g->ngates++] = gt;
    }
}

static bool unit_hex_ok(Build *b, const Unit *u, Hex h, const char *key)
{
    Game *g = b->g;
    Terrain ter = map_terrain(&g->map, h);
    char hx[16];
    hex_format(h, hx, sizeof hx);
    const UnitTypeRules *ty = &g->rules.types[u->type];
    if (ter >= TER_COUNT)
        return false;
    if (g->rules.move_cost[ter][ty->move_class] < 0) {
        problem(b, key, "hex %s is %s, which %s cannot enter; place the unit on passable ground", hx,
                terrain_name(ter), ty->name);
        return false;
    }
    if (terrain_is_town(ter) && u->side != g->town_side) {
        problem(b, key, "hex %s is inside the town (%s), which only the town side may occupy at the start", hx,
                terrain_name(ter));
        return false;
    }
    return true;
}

static void do_unit(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "type", "quality", "sp", "cohesion", "at", "arrives",
                                        NULL };
    lua_State *L = b->L;
    Game *g = b->g;
    check_keys(b, t, keys);
    Unit u;
    memset(&u, 0, sizeof u);
    u.column = -1;
    u.contingent = -1;
    bool ok = id_field(b, t, "id", u.id, sizeof u.id);
    if (!str_field(b, t, "name", false, u.name, sizeof u.name))
        snprintf(u.name, sizeof u.name, "%s", u.id);
    ok = side_field(b, t, "side", true, &u.side) && ok;
    char s[ID_LEN] = "";
    if (str_field(b, t, "type", true, s, sizeof s)) {
        u.type = rules_type_by_id(&g->rules, s);
        if (u.type < 0) {
            char list[200] = "";
            for (int i = 0; i < g->rules.ntypes; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", g->rules.types[i].id);
            problem(b, "type", "unknown unit type '%s'; expected one of: %s", s, list);
            ok = false;
        }
    } else {
        ok = false;
    }
    u.quality = QUAL_REGULAR;
    if (str_field(b, t, "quality", false, s, sizeof s)) {
        u.quality = api_name_index(api_quality_names, QUAL_COUNT, s);
        if (u.quality < 0) {
            problem(b, "quality", "unknown quality '%s'; expected elite, veteran, regular or levy", s);
            ok = false;
        }
    }
    ok = num_field(b, t, "sp", true, 1, 100, &u.sp) && ok;
    u.sp_start = u.sp;
    u.cohesion = g->rules.cohesion_max;
    num_field(b, t, "cohesion", false, 0, g->rules.cohesion_max, &u.cohesion);
    bool has_at = get(b, t, "at") != LUA_TNIL;
    lua_pop(L, 1);
    int ty = get(b, t, "arrives");
    int v = lua_gettop(L);
    if (has_at && ty != LUA_TNIL) {
        problem(b, "arrives", "a unit is either on the map at start (at =) or arrives later (arrives =), not both");
        ok = false;
    } else if (has_at) {
        u.status = UNIT_ON_MAP;
        ok = hex_field(b, t, "at", true, &u.hex) && ok && unit_hex_ok(b, &u, u.hex, "at");
    } else if (ty == LUA_TTABLE) {
        static const char *const akeys[] = { "turn", "at", NULL };
        check_keys(b, v, akeys);
        u.status = UNIT_OFF_MAP;
        ok = num_field(b, v, "turn", true, 1, g->max_turns > 0 ? g->max_turns : 1000, &u.arrive_turn) && ok;
        ok = hex_field(b, v, "at", true, &u.arrive_hex) && ok;
        u.hex = u.arrive_hex;
    } else if (ty != LUA_TNIL) {
        problem(b, "arrives", "expected { turn = ..., at = \"col,row\" }");
        ok = false;
    } else {
        problem(b, "at", "missing; a unit needs at = \"col,row\" or arrives = { turn = ..., at = ... }");
        ok = false;
    }
    lua_settop(L, v - 1);
    if (!ok)
        return;
    if (game_unit_by_id(g, u.id) >= 0) {
        problem(b, "id", "duplicate unit id '%s'", u.id);
        return;
    }
    if (g->nunits >= MAX_UNITS) {
        problem(b, "", "too many units (at most %d)", MAX_UNITS);
        return;
    }
    if (u.status == UNIT_ON_MAP) {
        int here[32];
        int n = game_units_at(g, u.hex, here, 32);
        char hx[16];
        if (n > 0 && game_enemy_at(g, u.hex, u.side)) {
            problem(b, "at", "hex %s already holds an enemy unit (%s)", hex_format(u.hex, hx, sizeof hx),
                    g->units[here[0]].id);
            return;
        }
        if (n >= g->rules.stack_limit) {
            problem(b, "at", "hex %s already holds %d units; the stacking limit is %d",
                    hex_format(u.hex, hx, sizeof hx), n, g->rules.stack_limit);
            return;
        }
    }
    g->units[g->nunits++] = u;
}

static void do_leader(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "command", "initiative", "tactics", "traits", "with",
                                        NULL };
    lua_State *L = b->L;
    Game *g = b->g;
    check_keys(b, t, keys);
    Leader l;
    memset(&l, 0, sizeof l);
    l.alive = true;
    l.unit = -1;
    l.command = l.initiative = l.tactics = 2;
    bool ok = id_field(b, t, "id", l.id, sizeof l.id);
    if (!str_field(b, t, "name", false, l.name, sizeof l.name))
        snprintf(l.name, sizeof l.name, "%s", l.id);
    ok = side_field(b, t, "side", true, &l.side) && ok;
    num_field(b, t, "command", false, 0, 5, &l.command);
    num_field(b, t, "initiative", false, 0, 5, &l.initiative);
    num_field(b, t, "tactics", false, 0, 5, &l.tactics);
    int ty = get(b, t, "traits");
    int v = lua_gettop(L);
    if (ty == LUA_TTABLE) {
        int n = (int)lua_rawlen(L, v);
        for (int i = 1; i <= n; i++) {
            const char *tn = lua_rawgeti(L, v, i) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            unsigned bit = 0;
            if (!tn || !trait_from_name(tn, &bit)) {
                char list[256] = "";
                for (int j = 0; j < TRAIT_COUNT_; j++)
                    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "",
                             trait_name(1u << j));
                problem(b, "traits", "unknown trait '%s'; expected any of: %s", tn ? tn : "(not a string)", list);
            } else {
                l.traits |= bit;
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        problem(b, "traits", "expected a list of trait names, as in { \"cautious\" }");
    }
    lua_settop(L, v - 1);
    char with[ID_LEN];
    if (get(b, t, "with") != LUA_TNIL) {
        lua_pop(L, 1);
        if (str_field(b, t, "with", true, with, sizeof with)) {
            l.unit = game_unit_by_id(g, with);
            if (l.unit < 0) {
                problem(b, "with", "unknown unit '%s'", with);
                ok = false;
            } else if (ok && g->units[l.unit].side != l.side) {
                problem(b, "with", "unit '%s' belongs to the other side", with);
                ok = false;
            } else if (game_leader_with(g, l.unit) >= 0) {
                problem(b, "with", "unit '%s' already has a leader", with);
                ok = false;
            }
        }
    } else {
        lua_pop(L, 1);
    }
    if (!ok)
        return;
    if (game_leader_by_id(g, l.id) >= 0)
        problem(b, "id", "duplicate leader id '%s'", l.id);
    else if (g->nleaders >= MAX_LEADERS)
        problem(b, "", "too many leaders (at most %d)", MAX_LEADERS);
    else
        g->leaders[g->nleaders++] = l;
}

static void do_victory(Build *b, int t)
{
    static const char *const keys[] = { "side", "level", "kind", "place", "amount", "text", NULL };
    Game *g = b->g;
    check_keys(b, t, keys);
    Victory v;
    memset(&v, 0, sizeof v);
    v.place = -1;
    bool ok = side_field(b, t, "side", true, &v.side);
    snprintf(v.level, sizeof v.level, "major");
    str_field(b, t, "level", false, v.level, sizeof v.level);
    str_field(b, t, "text", false, v.text, sizeof v.text);
    char kind[32];
    if (str_field(b, t, "kind", true, kind, sizeof kind)) {
        VictoryKind vk;
        if (victory_kind_from_name(kind, &vk)) {
            v.kind = (int)vk;
        } else {
            char list[256] = "";
            for (int j = 0; j < VIC_KIND_COUNT; j++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "",
                         victory_kind_name((VictoryKind)j));
            problem(b, "kind", "unknown kind '%s'; expected one of: %s", kind, list);
            ok = false;
        }
    } else {
        ok = false;
    }
    if (ok && (v.kind == VIC_HOLD_PLACE || v.kind == VIC_TAKE_PLACE)) {
        char pid[ID_LEN];
        if (str_field(b, t, "place", true, pid, sizeof pid)) {
            v.place = map_place_by_id(&g->map, pid);
            if (v.place < 0) {
                problem(b, "place", "unknown place '%s'; declare it with place { id = \"%s\", ... }", pid, pid);
                ok = false;
            }
        } else {
            ok = false;
        }
    } else if (ok) {
        /* the counting kinds need their threshold; the others take none */
        bool needs = v.kind == VIC_DESTROY_SP || v.kind == VIC_ENEMY_MORALE || v.kind == VIC_DISPERSED ||
                     v.kind == VIC_THEATRE_PLACES;
        bool has = num_field(b, t, "amount", needs, 0, 10000, &v.amount);
        ok = has || !needs;
    }
    if (!ok)
        return;
    if (g->nvictory >= MAX_VICTORY)
        problem(b, "", "too many victory conditions (at most %d)", MAX_VICTORY);
    else
        g->victory[g->nvictory++] = v;
}

static void do_note(Build *b, int t)
{
    static const char *const keys[] = { "id", "title", "text", "conf", "src", NULL };
    ScenarioInfo *in = b->info;
    check_keys(b, t, keys);
    ScenarioNote n;
    memset(&n, 0, sizeof n);
    bool ok = id_field(b, t, "id", n.id, sizeof n.id);
    ok = str_field(b, t, "title", true, n.title, sizeof n.title) && ok;
    ok = str_field(b, t, "text", true, n.text, sizeof n.text) && ok;
    if (str_field(b, t, "conf", false, n.conf, sizeof n.conf) && !valid_conf(n.conf)) {
        problem(b, "conf", "expected \"A\" (attested), \"D\" (derived) or \"I\" (invented), got '%s'", n.conf);
        ok = false;
    }
    str_field(b, t, "src", false, n.src, sizeof n.src);
    if (!ok)
        return;
    for (int i = 0; i < in->nnotes; i++)
        if (!strcmp(in->notes[i].id, n.id)) {
            problem(b, "id", "duplicate note id '%s'", n.id);
            return;
        }
    if (in->nnotes >= SCEN_MAX_NOTES)
        problem(b, "", "too many notes (at most %d)", SCEN_MAX_NOTES);
    else
        in->notes[in->nnotes++] = n;
}

static void do_on(Build *b, int t, int decl)
{
    const char *name = get(b, t, "event") == LUA_TSTRING ? lua_tostring(b->L, -1) : "";
    int type = api_event_from_name(name);
    if (type < 0)
        problem_at(b, b->line, 0, "on", "unknown event '%s'; expected one of: %s", name, api_event_names());
    else
        api_add_handler(b->sb, type, decl);
    lua_pop(b->L, 1);
}

/* ---- the whole file ------------------------------------------------------------- */

bool build_game(Build *b)
{
    lua_State *L = b->L;
    luaL_checkstack(L, 40, "checking the scenario");
    api_push_decls(L);
    int list = lua_gettop(L);
    int n = (int)lua_rawlen(L, list);
    bool seen_scenario = false, seen_map = false;
    int kinds_seen[DECL_KIND_COUNT] = { 0 };
    for (int kind = 0; kind < DECL_KIND_COUNT; kind++) {
        for (int i = 1; i <= n; i++) {
            lua_rawgeti(L, list, i);
            int d = lua_gettop(L);
            get(b, d, "kind");
            int k = api_name_index(api_decl_names, DECL_KIND_COUNT, lua_tostring(L, -1));
            lua_pop(L, 1);
            if (k != kind) {
                lua_settop(L, d - 1);
                continue;
            }
            kinds_seen[kind]++;
            get(b, d, "line");
            b->line = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
            /* the next declaration's line bounds the search for keys */
            b->next_line = 0;
            if (i < n) {
                lua_rawgeti(L, list, i + 1);
                get(b, lua_gettop(L), "line");
                b->next_line = (int)lua_tointeger(L, -1);
                lua_pop(L, 2);
            }
            snprintf(b->what, sizeof b->what, "%s", api_decl_names[kind]);
            get(b, d, "t");
            int t = lua_gettop(L);
            if (kind != DECL_ON && get(b, t, "id") == LUA_TSTRING && lua_rawlen(L, -1) < ID_LEN)
                snprintf(b->what, sizeof b->what, "%s[%s]", api_decl_names[kind], lua_tostring(L, -1));
            lua_settop(L, t);
            switch (kind) {
            case DECL_SCENARIO: do_scenario(b, t, &seen_scenario); break;
            case DECL_RULES: do_rules(b, t); break;
            case DECL_SIDE: do_side(b, t); break;
            case DECL_MAP: do_map(b, t, &seen_map); break;
            case DECL_PLACE: if (seen_map) do_place(b, t); break;
            case DECL_GATE: if (seen_map) do_gate(b, t); break;
            case DECL_UNIT: if (seen_map) do_unit(b, t); break;
            case DECL_LEADER: do_leader(b, t); break;
            case DECL_VICTORY: do_victory(b, t); break;
            case DECL_NOTE: do_note(b, t); break;
            case DECL_ON: do_on(b, t, i); break;
            default: break;
            }
            lua_settop(L, d - 1);
        }
        /* a few facts the later kinds rely on */
        if (kind == DECL_SCENARIO && !seen_scenario)
            problem_at(b, 1, 0, "scenario", "missing; every file declares scenario { id = ..., title = ..., turns = ... }");
        if (kind == DECL_SIDE && b->g->nsides != MAX_SIDES && kinds_seen[DECL_SIDE] <= MAX_SIDES)
            problem_at(b, 1, 0, "side", "found %d side(s); a scenario declares exactly %d with side { id = ... }",
                       b->g->nsides, MAX_SIDES);
        if (kind == DECL_MAP && !seen_map)
            problem_at(b, 1, 0, "map", "missing; every file declares map { width = ..., height = ..., rows = [[ ... ]] }");
        if (kind == DECL_MAP && seen_map && !b->g->map.terrain)
            seen_map = false;   /* the map was bad: do not check hexes against it */
        if (kind == DECL_SIDE) {
            /* scenario's side references need the sides */
            for (int i = 1; i <= n; i++) {
                lua_rawgeti(L, list, i);
                int d = lua_gettop(L);
                get(b, d, "kind");
                bool is_scen = lua_type(L, -1) == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "scenario");
                lua_pop(L, 1);
                if (is_scen) {
                    get(b, d, "line");
                    b->line = (int)lua_tointeger(L, -1);
                    lua_pop(L, 1);
                    b->next_line = 0;
                    snprintf(b->what, sizeof b->what, "scenario");
                    get(b, d, "t");
                    int t = lua_gettop(L);
                    int s;
                    if (side_field(b, t, "first_side", false, &s) && s >= 0)
                        b->g->first_side = s;
                    if (side_field(b, t, "town_side", false, &s))
                        b->g->town_side = s;
                }
                lua_settop(L, d - 1);
                if (is_scen)
                    break;
            }
        }
    }
    lua_settop(L, list - 1);
    return b->problems == 0;
}
