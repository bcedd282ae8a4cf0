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
#include "data/build_internal.h"
#include "script/api.h"

/* ---- names the loader knows ----------------------------------------------- */

static const char *const month_names[12] = { "jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec" };

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
                                        "town_side", "town", "format", "title_ar", "briefing_ar", NULL };
    Game *g = b->g;
    if (*seen) {
        bd_problem(b, "", "a file declares one scenario { }; this is a second one");
        return;
    }
    *seen = true;
    bd_check_keys(b, t, keys);
    int fmt = 1;
    if (bd_num_field(b, t, "format", false, 0, 1000, &fmt) && fmt != 1)
        bd_problem(b, "format", "this game reads scenario format 1, not %d", fmt);
    bd_id_field(b, t, "id", b->info->id, sizeof b->info->id);
    bd_str_field(b, t, "title", true, b->info->title, sizeof b->info->title);
    bd_str_field(b, t, "briefing", false, b->info->briefing, sizeof b->info->briefing);
    bd_str_field(b, t, "title_ar", false, b->info->title_ar, sizeof b->info->title_ar);
    bd_str_field(b, t, "briefing_ar", false, b->info->briefing_ar, sizeof b->info->briefing_ar);
    bd_num_field(b, t, "turns", true, 1, 1000, &g->max_turns);
    if (bd_str_field(b, t, "town", false, b->town, sizeof b->town))
        b->town_line = bd_key_line(b, "town");
    int ty = bd_get(b, t, "start");
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
            bd_problem(b, "start", "expected a date such as \"28 Nov 637\" or { 637, 11, 28 } (year, month, day)");
        else if (d > game_month_days(y, m))
            bd_problem(b, "start", "there is no day %d in %c%s %d: it has %d days (Julian calendar, a leap year "
                       "every fourth year)", d, toupper((unsigned char)month_names[m - 1][0]), month_names[m - 1] + 1, y,
                       game_month_days(y, m));
        else {
            g->start_year = y;
            g->start_month = m;
            g->start_day = d;
        }
    }
}

static void do_side(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "morale", "food", "rations", "forages", NULL };
    Game *g = b->g;
    bd_check_keys(b, t, keys);
    Side s;
    memset(&s, 0, sizeof s);
    s.morale = 10;
    bool ok = bd_id_field(b, t, "id", s.id, sizeof s.id);
    if (!bd_str_field(b, t, "name", false, s.name, sizeof s.name))
        snprintf(s.name, sizeof s.name, "%s", s.id);
    bd_num_field(b, t, "morale", false, 0, g->rules.morale_max, &s.morale);
    int idx = -1;
    if (!ok) {
    } else if (game_side_by_id(g, s.id) >= 0) {
        bd_problem(b, "id", "duplicate side id '%s'", s.id);
    } else if (g->nsides >= MAX_SIDES) {
        bd_problem(b, "", "too many sides; a scenario has exactly %d", MAX_SIDES);
    } else {
        idx = g->nsides;
        g->sides[g->nsides++] = s;
    }
    bd_side_supply(b, t, idx);   /* food, rations, forages */
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
        bd_problem(b, key, "hex %s is %s, which %s cannot enter; place the unit on passable ground", hx,
                terrain_name(ter), ty->name);
        return false;
    }
    if (terrain_is_town(ter) && u->side != g->town_side) {
        bd_problem(b, key, "hex %s is inside the town (%s), which only the town side may occupy at the start", hx,
                terrain_name(ter));
        return false;
    }
    return true;
}

/* arrives = { turn =, at =, rumour =, confirm =, column = } at stack index v */
static bool unit_arrives(Build *b, int v, Unit *u)
{
    static const char *const akeys[] = { "turn", "at", "rumour", "confirm", "column", NULL };
    Game *g = b->g;
    int last = g->max_turns > 0 ? g->max_turns : 1000;
    char saved[64];
    snprintf(saved, sizeof saved, "%s", b->what);
    bd_textf(b->what, sizeof b->what, "%s.arrives", saved);
    bd_check_keys(b, v, akeys);
    u->status = UNIT_OFF_MAP;
    bool ok = true;
    char cid[SIEGE_ID];
    if (bd_str_field(b, v, "column", false, cid, sizeof cid)) {
        u->column = siege_column_by_id(&g->siege, cid);
        if (u->column < 0) {
            bd_problem(b, "column", "unknown column '%s'; declare it with column { id = \"%s\", ... }", cid, cid);
            ok = false;
        } else if (g->siege.columns[u->column].side != u->side) {
            bd_problem(b, "column", "column '%s' belongs to the other side", cid);
            ok = false;
        }
    }
    /* a unit with a column comes when the column reaches the town */
    ok = (bd_num_field(b, v, "turn", u->column < 0 && ok, 1, last, &u->arrive_turn) || u->column >= 0) && ok;
    ok = bd_hex_field(b, v, "at", true, &u->arrive_hex) && ok;
    bd_num_field(b, v, "rumour", false, 1, last, &u->rumour_turn);
    bd_num_field(b, v, "confirm", false, 1, last, &u->confirm_turn);
    if (u->arrive_turn && u->rumour_turn > u->arrive_turn)
        bd_problem(b, "rumour", "the rumour (turn %d) comes after the arrival (turn %d)", u->rumour_turn,
                   u->arrive_turn);
    if (u->arrive_turn && u->confirm_turn > u->arrive_turn)
        bd_problem(b, "confirm", "the confirmation (turn %d) comes after the arrival (turn %d)", u->confirm_turn,
                   u->arrive_turn);
    u->hex = u->arrive_hex;
    snprintf(b->what, sizeof b->what, "%s", saved);
    return ok;
}

static void do_unit(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "type", "quality", "sp", "cohesion", "at", "arrives",
                                        "contingent", NULL };
    lua_State *L = b->L;
    Game *g = b->g;
    bd_check_keys(b, t, keys);
    Unit u;
    memset(&u, 0, sizeof u);
    u.column = -1;
    u.contingent = -1;
    bool ok = bd_id_field(b, t, "id", u.id, sizeof u.id);
    if (!bd_str_field(b, t, "name", false, u.name, sizeof u.name))
        snprintf(u.name, sizeof u.name, "%s", u.id);
    ok = bd_side_field(b, t, "side", true, &u.side) && ok;
    char s[ID_LEN] = "";
    if (bd_str_field(b, t, "type", true, s, sizeof s)) {
        u.type = rules_type_by_id(&g->rules, s);
        if (u.type < 0) {
            char list[200] = "";
            for (int i = 0; i < g->rules.ntypes; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", g->rules.types[i].id);
            bd_problem(b, "type", "unknown unit type '%s'; expected one of: %s", s, list);
            ok = false;
        }
    } else {
        ok = false;
    }
    u.quality = QUAL_REGULAR;
    if (bd_str_field(b, t, "quality", false, s, sizeof s)) {
        u.quality = api_name_index(api_quality_names, QUAL_COUNT, s);
        if (u.quality < 0) {
            bd_problem(b, "quality", "unknown quality '%s'; expected elite, veteran, regular or levy", s);
            ok = false;
        }
    }
    ok = bd_num_field(b, t, "sp", true, 1, 100, &u.sp) && ok;
    u.sp_start = u.sp;
    u.cohesion = g->rules.cohesion_max;
    bd_num_field(b, t, "cohesion", false, 0, g->rules.cohesion_max, &u.cohesion);
    bool has_at = bd_get(b, t, "at") != LUA_TNIL;
    lua_pop(L, 1);
    int ty = bd_get(b, t, "arrives");
    int v = lua_gettop(L);
    if (has_at && ty != LUA_TNIL) {
        bd_problem(b, "arrives", "a unit is either on the map at start (at =) or arrives later (arrives =), not both");
        ok = false;
    } else if (has_at) {
        u.status = UNIT_ON_MAP;
        bool placed = bd_hex_field(b, t, "at", true, &u.hex) && ok && unit_hex_ok(b, &u, u.hex, "at");
        if (ok && !placed) {
            /* Said once: the unit is kept, off the board, so that a leader
             * riding with it is not a second problem. The file does not
             * load either way. */
            u.status = UNIT_ELIMINATED;
            u.hex = hex_make(0, 0);
        }
    } else if (ty == LUA_TTABLE) {
        ok = unit_arrives(b, v, &u) && ok;
    } else if (ty != LUA_TNIL) {
        bd_problem(b, "arrives", "expected { turn = ..., at = \"col,row\" } or { column = ..., at = ... }");
        ok = false;
    } else {
        bd_problem(b, "at", "missing; a unit needs at = \"col,row\" or arrives = { turn = ..., at = ... }");
        ok = false;
    }
    lua_settop(L, v - 1);
    char cid[SIEGE_ID];
    if (bd_str_field(b, t, "contingent", false, cid, sizeof cid)) {
        u.contingent = siege_contingent_by_id(&g->siege, cid);
        if (u.contingent < 0) {
            bd_problem(b, "contingent", "unknown contingent '%s'; declare it with contingent { id = \"%s\", ... }", cid,
                       cid);
            ok = false;
        } else if (ok && g->siege.contingents[u.contingent].side != u.side) {
            bd_problem(b, "contingent", "contingent '%s' belongs to the other side", cid);
            ok = false;
        }
    }
    if (!ok)
        return;
    if (game_unit_by_id(g, u.id) >= 0) {
        bd_problem(b, "id", "duplicate unit id '%s'", u.id);
        return;
    }
    if (g->nunits >= MAX_UNITS) {
        bd_problem(b, "", "too many units (at most %d)", MAX_UNITS);
        return;
    }
    if (u.status == UNIT_ON_MAP) {
        int here[32];
        int n = game_units_at(g, u.hex, here, 32);
        char hx[16];
        if (n > 0 && game_enemy_at(g, u.hex, u.side)) {
            bd_problem(b, "at", "hex %s already holds an enemy unit (%s)", hex_format(u.hex, hx, sizeof hx),
                    g->units[here[0]].id);
            return;
        }
        if (n >= g->rules.stack_limit) {
            bd_problem(b, "at", "hex %s already holds %d units; the stacking limit is %d",
                    hex_format(u.hex, hx, sizeof hx), n, g->rules.stack_limit);
            return;
        }
    }
    game_add_unit(g, &u);
}

static void do_leader(Build *b, int t)
{
    static const char *const keys[] = { "id", "name", "side", "command", "initiative", "tactics", "traits", "with",
                                        NULL };
    lua_State *L = b->L;
    Game *g = b->g;
    bd_check_keys(b, t, keys);
    Leader l;
    memset(&l, 0, sizeof l);
    l.alive = true;
    l.unit = -1;
    l.command = l.initiative = l.tactics = 2;
    bool ok = bd_id_field(b, t, "id", l.id, sizeof l.id);
    if (!bd_str_field(b, t, "name", false, l.name, sizeof l.name))
        snprintf(l.name, sizeof l.name, "%s", l.id);
    ok = bd_side_field(b, t, "side", true, &l.side) && ok;
    bd_num_field(b, t, "command", false, 0, 5, &l.command);
    bd_num_field(b, t, "initiative", false, 0, 5, &l.initiative);
    bd_num_field(b, t, "tactics", false, 0, 5, &l.tactics);
    int ty = bd_get(b, t, "traits");
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
                bd_problem(b, "traits", "unknown trait '%s'; expected any of: %s", tn ? tn : "(not a string)", list);
            } else {
                l.traits |= bit;
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        bd_problem(b, "traits", "expected a list of trait names, as in { \"cautious\" }");
    }
    lua_settop(L, v - 1);
    char with[ID_LEN];
    if (bd_get(b, t, "with") != LUA_TNIL) {
        lua_pop(L, 1);
        if (bd_str_field(b, t, "with", true, with, sizeof with)) {
            l.unit = game_unit_by_id(g, with);
            if (l.unit < 0) {
                bd_problem(b, "with", "unknown unit '%s'", with);
                ok = false;
            } else if (ok && g->units[l.unit].side != l.side) {
                bd_problem(b, "with", "unit '%s' belongs to the other side", with);
                ok = false;
            } else if (game_leader_with(g, l.unit) >= 0) {
                bd_problem(b, "with", "unit '%s' already has a leader", with);
                ok = false;
            }
        }
    } else {
        lua_pop(L, 1);
    }
    if (!ok)
        return;
    if (game_leader_by_id(g, l.id) >= 0)
        bd_problem(b, "id", "duplicate leader id '%s'", l.id);
    else if (g->nleaders >= MAX_LEADERS)
        bd_problem(b, "", "too many leaders (at most %d)", MAX_LEADERS);
    else
        g->leaders[g->nleaders++] = l;
}

/* One victory test: kind, and the place or amount it needs, from table t
 * (the victory declaration itself, or one entry of its also = { } list). */
static bool victory_test(Build *b, int t, VictoryTest *v)
{
    Game *g = b->g;
    v->place = -1;
    v->amount = 0;
    char kind[32];
    if (!bd_str_field(b, t, "kind", true, kind, sizeof kind))
        return false;
    VictoryKind vk;
    if (!victory_kind_from_name(kind, &vk)) {
        char list[256] = "";
        for (int j = 0; j < VIC_KIND_COUNT; j++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "",
                     victory_kind_name((VictoryKind)j));
        bd_problem(b, "kind", "unknown kind '%s'; expected one of: %s", kind, list);
        return false;
    }
    v->kind = (int)vk;
    if (v->kind == VIC_HOLD_PLACE || v->kind == VIC_TAKE_PLACE) {
        char pid[ID_LEN];
        if (!bd_str_field(b, t, "place", true, pid, sizeof pid))
            return false;
        v->place = map_place_by_id(&g->map, pid);
        if (v->place < 0) {
            bd_problem(b, "place", "unknown place '%s'; declare it with place { id = \"%s\", ... }", pid, pid);
            return false;
        }
        return true;
    }
    /* the counting kinds need their threshold; the others take none */
    bool needs = v->kind == VIC_DESTROY_SP || v->kind == VIC_ENEMY_MORALE || v->kind == VIC_DISPERSED ||
                 v->kind == VIC_THEATRE_PLACES;
    bool has = bd_num_field(b, t, "amount", needs, 0, 10000, &v->amount);
    return has || !needs;
}

static void do_victory(Build *b, int t)
{
    static const char *const keys[] = { "side", "level", "kind", "place", "amount", "also", "text", NULL };
    static const char *const test_keys[] = { "kind", "place", "amount", NULL };
    Game *g = b->g;
    lua_State *L = b->L;
    bd_check_keys(b, t, keys);
    Victory v;
    memset(&v, 0, sizeof v);
    bool ok = bd_side_field(b, t, "side", true, &v.side);
    snprintf(v.level, sizeof v.level, "major");
    bd_str_field(b, t, "level", false, v.level, sizeof v.level);
    bd_str_field(b, t, "text", false, v.text, sizeof v.text);
    VictoryTest main;
    ok = victory_test(b, t, &main) && ok;
    v.kind = main.kind;
    v.place = main.place;
    v.amount = main.amount;
    int at = bd_get(b, t, "also");
    if (at == LUA_TTABLE) {
        int list = lua_gettop(L);
        int n = (int)lua_rawlen(L, list);
        if (n > VICTORY_ALSO) {
            bd_problem(b, "also", "at most %d further tests, found %d", VICTORY_ALSO, n);
            ok = false;
        }
        for (int i = 1; i <= n && i <= VICTORY_ALSO; i++) {
            if (lua_rawgeti(L, list, i) != LUA_TTABLE) {
                bd_problem(b, "also", "entry %d: expected a table like { kind = \"destroy_sp\", amount = 40 }", i);
                ok = false;
            } else {
                int e = lua_gettop(L);
                bd_check_keys(b, e, test_keys);
                ok = victory_test(b, e, &v.also[v.nalso++]) && ok;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    } else {
        if (at != LUA_TNIL)
            bd_problem(b, "also", "expected a list of tests like { { kind = \"destroy_sp\", amount = 40 } }");
        lua_pop(L, 1);
    }
    if (!ok)
        return;
    if (g->nvictory >= MAX_VICTORY)
        bd_problem(b, "", "too many victory conditions (at most %d)", MAX_VICTORY);
    else
        g->victory[g->nvictory++] = v;
}

static void do_note(Build *b, int t)
{
    static const char *const keys[] = { "id", "title", "text", "conf", "src", "title_ar", "text_ar", NULL };
    ScenarioInfo *in = b->info;
    bd_check_keys(b, t, keys);
    ScenarioNote n;
    memset(&n, 0, sizeof n);
    bool ok = bd_id_field(b, t, "id", n.id, sizeof n.id);
    ok = bd_str_field(b, t, "title", true, n.title, sizeof n.title) && ok;
    ok = bd_str_field(b, t, "text", true, n.text, sizeof n.text) && ok;
    bd_str_field(b, t, "title_ar", false, n.title_ar, sizeof n.title_ar);
    bd_str_field(b, t, "text_ar", false, n.text_ar, sizeof n.text_ar);
    if (bd_str_field(b, t, "conf", false, n.conf, sizeof n.conf) && !bd_valid_conf(n.conf)) {
        bd_problem(b, "conf", "expected \"A\" (attested), \"D\" (derived) or \"I\" (invented), got '%s'", n.conf);
        ok = false;
    }
    bd_str_field(b, t, "src", false, n.src, sizeof n.src);
    if (!ok)
        return;
    for (int i = 0; i < in->nnotes; i++)
        if (!strcmp(in->notes[i].id, n.id)) {
            bd_problem(b, "id", "duplicate note id '%s'", n.id);
            return;
        }
    if (in->nnotes >= SCEN_MAX_NOTES)
        bd_problem(b, "", "too many notes (at most %d)", SCEN_MAX_NOTES);
    else
        in->notes[in->nnotes++] = n;
}

static void do_on(Build *b, int t, int decl)
{
    const char *name = bd_get(b, t, "event") == LUA_TSTRING ? lua_tostring(b->L, -1) : "";
    int type = api_event_from_name(name);
    char names[1024];
    if (type < 0)
        bd_problem_at(b, b->line, 0, "on", "unknown event '%s'; expected one of: %s", name,
                      api_event_names(names, sizeof names));
    else
        api_add_handler(b->sb, type, decl);
    lua_pop(b->L, 1);
}

/* ---- the whole file ------------------------------------------------------------- */

/* scenario { town = "emesa" }: the walled town is that place, held by its
 * owner unless town_side says otherwise. */
static void resolve_town(Build *b)
{
    Game *g = b->g;
    if (!b->town[0])
        return;
    int p = map_place_by_id(&g->map, b->town);
    if (p < 0) {
        bd_problem_at(b, b->town_line, 0, "scenario.town",
                      "unknown place '%s'; declare the town with place { id = \"%s\", at = ... }", b->town, b->town);
        return;
    }
    g->town_place = p;
    int owner = g->map.places[p].owner;
    if (g->town_side < 0)
        g->town_side = owner;
    else if (owner >= 0 && owner != g->town_side)
        bd_problem_at(b, b->town_line, 0, "scenario.town", "place '%s' is held by '%s' but town_side is '%s'", b->town,
                      g->sides[owner].id, g->sides[g->town_side].id);
}

bool build_game(Build *b)
{
    lua_State *L = b->L;
    luaL_checkstack(L, 40, "checking the scenario");
    api_push_decls(L);
    int list = lua_gettop(L);
    int n = (int)lua_rawlen(L, list);
    bool seen_scenario = false, seen_map = false, seen_siege = false;
    int kinds_seen[DECL_KIND_COUNT] = { 0 };
    for (int kind = 0; kind < DECL_KIND_COUNT; kind++) {
        for (int i = 1; i <= n; i++) {
            lua_rawgeti(L, list, i);
            int d = lua_gettop(L);
            bd_get(b, d, "kind");
            int k = api_name_index(api_decl_names, DECL_KIND_COUNT, lua_tostring(L, -1));
            lua_pop(L, 1);
            if (k != kind) {
                lua_settop(L, d - 1);
                continue;
            }
            kinds_seen[kind]++;
            bd_get(b, d, "line");
            b->line = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
            /* the next declaration's line bounds the search for keys */
            b->next_line = 0;
            if (i < n) {
                lua_rawgeti(L, list, i + 1);
                bd_get(b, lua_gettop(L), "line");
                b->next_line = (int)lua_tointeger(L, -1);
                lua_pop(L, 2);
            }
            snprintf(b->what, sizeof b->what, "%s", api_decl_names[kind]);
            bd_get(b, d, "t");
            int t = lua_gettop(L);
            if (kind != DECL_ON && bd_get(b, t, "id") == LUA_TSTRING && lua_rawlen(L, -1) < ID_LEN)
                snprintf(b->what, sizeof b->what, "%s[%s]", api_decl_names[kind], lua_tostring(L, -1));
            lua_settop(L, t);
            switch (kind) {
            case DECL_SCENARIO: do_scenario(b, t, &seen_scenario); break;
            case DECL_RULES: bd_rules(b, t); break;
            case DECL_SIDE: do_side(b, t); break;
            case DECL_MAP: bd_map(b, t, &seen_map); break;
            case DECL_PLACE: if (seen_map) bd_place(b, t); break;
            case DECL_GATE: if (seen_map) bd_gate(b, t); break;
            case DECL_SIEGE: bd_siege(b, t, &seen_siege); break;
            case DECL_THEATRE_PLACE: bd_theatre_place(b, t); break;
            case DECL_ROUTE: bd_route(b, t); break;
            case DECL_COURIER: bd_courier(b, t); break;
            case DECL_COLUMN: bd_column(b, t); break;
            case DECL_CONTINGENT: bd_contingent(b, t); break;
            case DECL_UNIT: if (seen_map) do_unit(b, t); break;
            case DECL_LEADER: do_leader(b, t); break;
            case DECL_VICTORY: do_victory(b, t); break;
            case DECL_NOTE: do_note(b, t); break;
            case DECL_CHRONICLE: bd_chronicle(b, t); break;
            case DECL_DISPUTE: bd_dispute(b, t); break;
            case DECL_ON: do_on(b, t, i); break;
            default: break;
            }
            lua_settop(L, d - 1);
        }
        /* a few facts the later kinds rely on */
        if (kind == DECL_SCENARIO && !seen_scenario)
            bd_problem_at(b, 1, 0, "scenario", "missing; every file declares scenario { id = ..., title = ..., turns = ... }");
        if (kind == DECL_SIDE && b->g->nsides != MAX_SIDES && kinds_seen[DECL_SIDE] <= MAX_SIDES)
            bd_problem_at(b, 1, 0, "side", "found %d side(s); a scenario declares exactly %d with side { id = ... }",
                       b->g->nsides, MAX_SIDES);
        if (kind == DECL_MAP && !seen_map)
            bd_problem_at(b, 1, 0, "map", "missing; every file declares map { width = ..., height = ..., rows = [[ ... ]] }");
        if (kind == DECL_MAP && seen_map && !b->g->map.terrain)
            seen_map = false;   /* the map was bad: do not check hexes against it */
        if (kind == DECL_PLACE && seen_map)
            resolve_town(b);
        if (kind == DECL_LEADER)
            bd_resolve_column_leaders(b);
        if (kind == DECL_DISPUTE)
            bd_check_chronicle(b);
        if (kind == DECL_SIDE) {
            /* scenario's side references need the sides */
            for (int i = 1; i <= n; i++) {
                lua_rawgeti(L, list, i);
                int d = lua_gettop(L);
                bd_get(b, d, "kind");
                bool is_scen = lua_type(L, -1) == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "scenario");
                lua_pop(L, 1);
                if (is_scen) {
                    bd_get(b, d, "line");
                    b->line = (int)lua_tointeger(L, -1);
                    lua_pop(L, 1);
                    b->next_line = 0;
                    snprintf(b->what, sizeof b->what, "scenario");
                    bd_get(b, d, "t");
                    int t = lua_gettop(L);
                    int s;
                    if (bd_side_field(b, t, "first_side", false, &s) && s >= 0)
                        b->g->first_side = s;
                    if (bd_side_field(b, t, "town_side", false, &s))
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
