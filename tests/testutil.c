/* testutil.c - small fixtures shared by the unit tests. */
#include "testutil.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/command.h"
#include "core/path.h"

Game *tu_game(uint64_t seed)
{
    Game *g = game_new(seed);
    if (!g || !map_init(&g->map, 12, 10))
        abort();
    g->nsides = 2;
    strcpy(g->sides[0].id, "north");
    strcpy(g->sides[0].name, "North");
    strcpy(g->sides[1].id, "south");
    strcpy(g->sides[1].name, "South");
    g->sides[0].morale = g->sides[1].morale = 12;
    g->max_turns = 5;
    return g;
}

int tu_unit(Game *g, const char *id, int side, const char *type, int sp, int col, int row)
{
    Unit unit, *u = &unit;
    memset(u, 0, sizeof *u);
    snprintf(u->id, sizeof u->id, "%s", id);
    snprintf(u->name, sizeof u->name, "%s", id);
    u->side = side;
    u->type = rules_type_by_id(&g->rules, type);
    if (u->type < 0)
        abort();
    u->quality = QUAL_VETERAN;
    u->sp = sp;
    u->cohesion = 8;
    u->hex = hex_from_offset(col, row);
    u->status = UNIT_ON_MAP;
    u->column = -1;
    u->contingent = -1;
    int i = game_add_unit(g, u);
    if (i < 0)
        abort();
    return i;
}

void tu_terrain(Game *g, int col, int row, Terrain t) { map_set_terrain(&g->map, hex_from_offset(col, row), t); }

void tu_start(Game *g)
{
    char why[256];
    if (!game_start(g, why, sizeof why)) {
        fprintf(stderr, "game_start: %s\n", why);
        abort();
    }
}

int tu_cmd(Game *g, const char *text, char *why, size_t n)
{
    Command c;
    if (!cmd_parse(g, text, &c, why, n))
        return 0;
    return cmd_apply(g, &c, why, n) ? 1 : 0;
}

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

Game *tu_town(uint64_t seed)
{
    Game *g = tu_game(seed);
    for (int r = 0; r < 10; r++) {
        tu_terrain(g, 6, r, r == 4 ? TER_GATE : TER_WALL);
        for (int c = 7; c < 12; c++)
            tu_terrain(g, c, r, TER_CITY);
    }
    g->ngates = 1;
    strcpy(g->gates[0].id, "rastan");
    strcpy(g->gates[0].name, "Rastan gate");
    g->gates[0].hex = hex_from_offset(6, 4);
    g->gates[0].state = GATE_SHUT;
    g->town_side = 1;
    g->max_turns = 30;
    return g;
}

int tu_leader(Game *g, const char *id, int side, unsigned traits, int unit)
{
    int i = g->nleaders++;
    Leader *l = &g->leaders[i];
    memset(l, 0, sizeof *l);
    snprintf(l->id, sizeof l->id, "%s", id);
    snprintf(l->name, sizeof l->name, "%s", id);
    l->side = side;
    l->command = 4;
    l->traits = traits;
    l->unit = unit;
    l->alive = true;
    return i;
}

int tu_count_events(const Game *g, EventType t, const char *word)
{
    int n = 0;
    for (size_t i = 0; i < g->events.n; i++)
        if (g->events.items[i].type == t && (!word || strstr(g->events.items[i].text, word)))
            n++;
    return n;
}

void tu_end_turn_both(Game *g)
{
    char why[256];
    ck_assert_msg(tu_cmd(g, "end-turn", why, sizeof why), "%s", why);
    ck_assert_msg(tu_cmd(g, "end-turn", why, sizeof why), "%s", why);
}

int tu_pick_mover(const Game *g, Hex *dest)
{
    int *reach = calloc((size_t)(g->map.width * g->map.height), sizeof *reach);
    int found = -1;
    for (int u = 0; u < g->nunits && found < 0; u++) {
        if (g->units[u].side != g->active || g->units[u].status != UNIT_ON_MAP || g->units[u].mp <= 0)
            continue;
        path_reachable(g, u, reach);
        for (int row = 0; row < g->map.height && found < 0; row++)
            for (int col = 0; col < g->map.width && found < 0; col++) {
                Hex h = hex_from_offset(col, row);
                int ids[8];
                if (reach[row * g->map.width + col] > 0 && hex_distance(h, g->units[u].hex) == 2 &&
                    game_units_at(g, h, ids, 8) == 0) {
                    found = u;
                    *dest = h;
                }
            }
    }
    free(reach);
    return found;
}

const char *tu_src_dir(void)
{
    const char *d = getenv("EMESA_SOURCE_DIR");
    return d && *d ? d : ".";
}

void tu_tmpdir(char *out, size_t n, const char *tag)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, n, "%s/emesa-%s-XXXXXX", t && *t ? t : "/tmp", tag);
    ck_assert_ptr_nonnull(mkdtemp(out));
}

bool tu_rmtree(const char *dir)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s: %s", path, strerror(errno));
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

void tu_write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}
