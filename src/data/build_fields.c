/* build_fields.c - reading one key of a declaration: strings, ids, numbers
 * with their source tags, hexes, sides; and the problems (file, line, key)
 * the loader reports when a key is wrong. Shared by the build_*.c files
 * through build_internal.h. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "core/hex.h"
#include "data/build_internal.h"
#include "script/api.h"

void bd_textf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

/* ---- diagnostics ------------------------------------------------------------ */

void bd_problem_at(Build *b, int line, int col, const char *key, const char *fmt, ...)
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
int bd_key_line(Build *b, const char *key)
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


void bd_problem(Build *b, const char *key, const char *fmt, ...)
{
    char msg[DIAG_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char k[64];
    bd_textf(k, sizeof k, "%s%s%s", b->what, key && key[0] ? "." : "", key ? key : "");
    bd_problem_at(b, key && key[0] ? bd_key_line(b, key) : b->line, 0, k, "%s", msg);
}

/* ---- reading fields (the table is at index t) --------------------------------- */

int bd_get(Build *b, int t, const char *key)
{
    lua_pushstring(b->L, key);
    return lua_rawget(b->L, t);
}

bool bd_str_field(Build *b, int t, const char *key, bool required, char *out, size_t n)
{
    int ty = bd_get(b, t, key);
    bool ok = false;
    if (ty == LUA_TNIL) {
        if (required)
            bd_problem(b, key, "missing; expected a string (%s = \"...\")", key);
    } else if (ty != LUA_TSTRING) {
        bd_problem(b, key, "expected a string, got a %s", lua_typename(b->L, ty));
    } else {
        size_t l;
        const char *s = lua_tolstring(b->L, -1, &l);
        if (l >= n)
            bd_problem(b, key, "too long (%zu characters; at most %zu)", l, n - 1);
        else if (strlen(s) != l)
            bd_problem(b, key, "contains a zero byte");
        else {
            memcpy(out, s, l + 1);
            ok = true;
        }
    }
    lua_pop(b->L, 1);
    return ok;
}

bool bd_valid_id(const char *s)
{
    if (!s[0])
        return false;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
            return false;
    return true;
}

bool bd_id_field(Build *b, int t, const char *key, char *out, size_t n)
{
    if (!bd_str_field(b, t, key, true, out, n))
        return false;
    if (!bd_valid_id(out)) {
        bd_problem(b, key, "'%s' is not a valid id; use letters, digits, '_', '-' or '.'", out);
        return false;
    }
    return true;
}

void bd_add_tag(Build *b, const char *key, int value, const char *conf, const char *src)
{
    ScenarioInfo *in = b->info;
    if (in->ntags >= SCEN_MAX_TAGS)
        return;
    ScenarioTag *tg = &in->tags[in->ntags++];
    bd_textf(tg->what, sizeof tg->what, "%s", b->what);
    snprintf(tg->key, sizeof tg->key, "%s", key);
    tg->value = value;
    snprintf(tg->conf, sizeof tg->conf, "%s", conf);
    snprintf(tg->src, sizeof tg->src, "%s", src);
    tg->line = bd_key_line(b, key);
}

bool bd_valid_conf(const char *c)
{
    return !strcmp(c, "A") || !strcmp(c, "D") || !strcmp(c, "I") || !strcmp(c, "A?");
}

/* A whole number at the top of the stack, possibly written with its tag as
 * { 8, conf = "A", src = "AK" }. Pops it. */
bool bd_top_number(Build *b, const char *key, int lo, int hi, int *out)
{
    lua_State *L = b->L;
    int v = lua_gettop(L);
    bool ok = false;
    char conf[8] = "", src[64] = "";
    bool tagged = false;
    if (lua_type(L, v) == LUA_TTABLE) {
        tagged = true;
        int c = bd_get(b, v, "conf");
        if (c == LUA_TSTRING && lua_rawlen(L, -1) < sizeof conf)
            snprintf(conf, sizeof conf, "%s", lua_tostring(L, -1));
        else if (c != LUA_TNIL)
            conf[0] = '?';
        lua_pop(L, 1);
        int s = bd_get(b, v, "src");
        if (s == LUA_TSTRING && lua_rawlen(L, -1) < sizeof src)
            snprintf(src, sizeof src, "%s", lua_tostring(L, -1));
        else if (s != LUA_TNIL)
            bd_problem(b, key, "src must be a short string (at most 63 characters)");
        lua_pop(L, 1);
        if (conf[0] && !bd_valid_conf(conf))
            bd_problem(b, key, "conf must be \"A\" (attested), \"D\" (derived) or \"I\" (invented)");
        lua_rawgeti(L, v, 1);
        lua_replace(L, v);
    }
    if (lua_type(L, v) != LUA_TNUMBER) {
        bd_problem(b, key, "expected a whole number%s, got a %s", tagged ? " as the first item of the tagged value" : "",
                luaL_typename(L, v));
    } else {
        int isint = 0;
        lua_Integer n = lua_tointegerx(L, v, &isint);
        if (!isint)
            bd_problem(b, key, "expected a whole number, got %g", (double)lua_tonumber(L, v));
        else if (n < lo || n > hi)
            bd_problem(b, key, "%lld is out of range; expected %d to %d", (long long)n, lo, hi);
        else {
            *out = (int)n;
            ok = true;
            if (tagged && (conf[0] || src[0]))
                bd_add_tag(b, key, (int)n, conf, src);
        }
    }
    lua_settop(L, v - 1);
    return ok;
}

/* Returns false if missing (with a problem when required) or bad. */
bool bd_num_field(Build *b, int t, const char *key, bool required, int lo, int hi, int *out)
{
    if (bd_get(b, t, key) == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required)
            bd_problem(b, key, "missing; expected a whole number from %d to %d", lo, hi);
        return false;
    }
    return bd_top_number(b, key, lo, hi, out);
}

bool bd_bool_field(Build *b, int t, const char *key, bool *out)
{
    int ty = bd_get(b, t, key);
    bool ok = false;
    if (ty == LUA_TBOOLEAN) {
        *out = lua_toboolean(b->L, -1);
        ok = true;
    } else if (ty != LUA_TNIL) {
        bd_problem(b, key, "expected true or false, got a %s", lua_typename(b->L, ty));
    }
    lua_pop(b->L, 1);
    return ok;
}

/* A hex: "col,row" or { col, row }, checked against the map. */
bool bd_hex_field(Build *b, int t, const char *key, bool required, Hex *out)
{
    lua_State *L = b->L;
    int ty = bd_get(b, t, key);
    bool ok = false;
    char text[64] = "";
    if (ty == LUA_TNIL) {
        if (required)
            bd_problem(b, key, "missing; expected a hex as \"col,row\"");
    } else if (ty == LUA_TSTRING) {
        snprintf(text, sizeof text, "%s", lua_tostring(L, -1));
        if (!hex_parse(text, out))
            bd_problem(b, key, "'%s' is not a hex; write \"col,row\" such as \"12,9\"", text);
        else
            ok = true;
    } else if (ty == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        int i1 = 0, i2 = 0;
        lua_Integer c = lua_tointegerx(L, -2, &i1), r = lua_tointegerx(L, -1, &i2);
        lua_pop(L, 2);
        if (!i1 || !i2 || c < -1000 || c > 1000 || r < -1000 || r > 1000)
            bd_problem(b, key, "expected a hex as \"col,row\" or { col, row }");
        else {
            *out = hex_from_offset((int)c, (int)r);
            snprintf(text, sizeof text, "%d,%d", (int)c, (int)r);
            ok = true;
        }
    } else {
        bd_problem(b, key, "expected a hex as \"col,row\", got a %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
    if (ok && b->g->map.terrain && !map_contains(&b->g->map, *out)) {
        bd_problem(b, key, "hex %s is off the map (columns 0-%d, rows 0-%d)", text, b->g->map.width - 1,
                b->g->map.height - 1);
        ok = false;
    }
    return ok;
}

/* A side given by id; "none" or absent gives -1 when allowed. */
bool bd_side_field(Build *b, int t, const char *key, bool required, int *out)
{
    char id[ID_LEN];
    *out = -1;
    if (bd_get(b, t, key) == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required)
            bd_problem(b, key, "missing; expected a side id");
        return !required;
    }
    lua_pop(b->L, 1);
    if (!bd_str_field(b, t, key, true, id, sizeof id))
        return false;
    if (!required && strcmp(id, "none") == 0)
        return true;
    int s = game_side_by_id(b->g, id);
    if (s < 0) {
        char list[128] = "";
        for (int i = 0; i < b->g->nsides; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s'%s'", i ? " or " : "", b->g->sides[i].id);
        bd_problem(b, key, "unknown side '%s'; expected %s", id, b->g->nsides ? list : "a side declared with side { }");
        return false;
    }
    *out = s;
    return true;
}

/* Unknown keys are usually typos: report each, with the accepted ones. */
void bd_check_keys(Build *b, int t, const char *const *keys)
{
    lua_State *L = b->L;
    bool list_said = false;     /* one problem for a table's list items, not one each */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (!list_said)
                bd_problem(b, "", "unexpected list item; %s takes named keys (key = value)", b->what);
            list_said = true;
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
            bd_problem(b, kk, "unknown key '%s'; expected one of: %s", kk, list);
        }
    }
}


/* Finds `text` (len n) in the source at or after *pos; returns its offset. */
bool bd_find_text(Build *b, const char *text, size_t n, size_t *pos)
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

int bd_line_of(Build *b, size_t off)
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


void bd_int_fields(Build *b, int t, const BdIntField *f, size_t n, void *base, const char *const *tables)
{
    const char *keys[128];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 120; i++)
        keys[k++] = f[i].key;
    for (size_t i = 0; tables[i] && k < 127; i++)
        keys[k++] = tables[i];
    keys[k] = NULL;
    bd_check_keys(b, t, keys);
    for (size_t i = 0; i < n; i++)
        bd_num_field(b, t, f[i].key, false, f[i].lo, f[i].hi, (int *)((char *)base + f[i].off));
}
