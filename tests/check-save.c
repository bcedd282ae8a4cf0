/* check-save.c - saves, replays, undo and redo: the round trip, every
 * refusal with its message, autosave rotation, play by e-mail, and a save
 * that survives being killed at random moments. */
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "data/save.h"
#include "data/session.h"
#include "testutil.h"

/* ---- fixtures ------------------------------------------------------------- */

static char fixture_save[1024], fixture_scen[1024];
static char tmpdir[256];

static void setup(void)
{
    snprintf(fixture_save, sizeof fixture_save, "%s/tests/fixtures/saves/skirmish-7.save", tu_src_dir());
    snprintf(fixture_scen, sizeof fixture_scen, "%s/tests/fixtures/saves/skirmish.lua", tu_src_dir());
    tu_tmpdir(tmpdir, sizeof tmpdir, "check-save");
}

static void teardown(void)
{
    if (!tu_rmtree(tmpdir))
        fprintf(stderr, "could not remove %s\n", tmpdir);
}

static SaveLoadOptions opts(void)
{
    SaveLoadOptions o = { tu_src_dir(), NULL, NULL, NULL };
    return o;
}

/* The fixture game (skirmish, seed 7, the built-in player on both sides). */
static Session *fixture_session(void)
{
    SaveLoadOptions o = opts();
    Session *s = NULL;
    SaveError e;
    SaveStatus st = save_load(fixture_save, &o, &s, &e);
    char msg[2048];
    save_error_format(&e, msg, sizeof msg);
    ck_assert_msg(st == SAVE_OK, "the fixture save does not load: %s (after a rule change on purpose, "
                  "regenerate it as tests/fixtures/saves/README.md says)", msg);
    return s;
}

/* Replaces the whole line starting with `prefix` (the first one) by
 * `repl` and recomputes the checksum, as a careful forger would. */
static char *edit_line(const char *text, const char *prefix, const char *repl, bool fix_checksum)
{
    size_t len = strlen(text);
    char *out = malloc(len + strlen(repl) + 64);
    ck_assert_ptr_nonnull(out);
    const char *at = strstr(text, prefix);
    ck_assert_msg(at != NULL, "no line starting with %s", prefix);
    const char *eol = strchr(at, '\n');
    size_t n = (size_t)(at - text);
    memcpy(out, text, n);
    n += (size_t)sprintf(out + n, "%s", repl);
    strcpy(out + n, eol);
    if (fix_checksum) {
        char *sum = strstr(out, "\nchecksum ");
        ck_assert_ptr_nonnull(sum);
        sum++;
        sprintf(sum, "checksum %016" PRIx64 "\n", save_checksum(out, (size_t)(sum - out)));
    }
    return out;
}

/* Number of the line that starts with prefix. */
static int line_of(const char *text, const char *prefix)
{
    const char *at = strstr(text, prefix);
    ck_assert_ptr_nonnull(at);
    int line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

static SaveStatus load_text(const char *text, size_t len, SaveError *e, Session **out)
{
    SaveLoadOptions o = opts();
    Session *s = NULL;
    SaveStatus st = save_load_buffer("edited.save", text, len, &o, &s, e);
    if (out)
        *out = s;
    else
        session_free(s);
    return st;
}

#define ck_assert_has(hay, needle) ck_assert_msg(strstr((hay), (needle)) != NULL, "\"%s\" lacks \"%s\"", (hay), (needle))

/* ---- the round trip --------------------------------------------------------- */

START_TEST(fixture_replays_to_its_end)
{
    Session *s = fixture_session();
    const Game *g = session_game_const(s);
    ck_assert_int_eq(g->mode, MODE_OVER);
    ck_assert_uint_gt(session_ncommands(s), 30);
    ck_assert_uint_ge(session_nmarks(s), 6);
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    char end[64];
    snprintf(end, sizeof end, "end turn %d hash %016" PRIx64 "\n", g->turn, game_hash(g));
    ck_assert_has(text, end);
    free(text);
    session_free(s);
}
END_TEST

START_TEST(save_load_same_game)
{
    Session *s = fixture_session();
    size_t len, flen;
    char *text = save_format(s, &len);
    char *fixture = tu_read_file(fixture_save, &flen);
    /* the format is stable: the loaded game saves to the very same bytes */
    ck_assert_uint_eq(len, flen);
    ck_assert_mem_eq(text, fixture, len);

    /* the same commands given one by one make the same save */
    Session *t = session_new_as(fixture_scen, session_ref(s), 7, NULL);
    ck_assert_ptr_nonnull(t);
    session_set_ai(t, "all");
    char why[256];
    for (size_t i = 0; i < session_ncommands(s); i++)
        ck_assert_msg(session_apply_text(t, session_command(s, i), why, sizeof why), "%s: %s", session_command(s, i),
                      why);
    size_t tlen;
    char *ttext = save_format(t, &tlen);
    ck_assert_str_eq(ttext, text);

    /* written to disk and read back: the same final hash and last line */
    char path[512];
    snprintf(path, sizeof path, "%s/game.emesa-save", tmpdir);
    SaveError e;
    ck_assert(save_write(path, t, &e));
    Session *u = NULL;
    SaveLoadOptions o = opts();
    ck_assert_int_eq(save_load(path, &o, &u, &e), SAVE_OK);
    ck_assert_uint_eq(game_hash(session_game_const(u)), game_hash(session_game_const(s)));
    ck_assert_int_eq(session_game_const(u)->turn, session_game_const(s)->turn);
    ck_assert_int_eq(session_game_const(u)->outcome.winner, session_game_const(s)->outcome.winner);
    ck_assert_uint_eq(session_game_const(u)->events.n, session_game_const(s)->events.n);
    free(text);
    free(ttext);
    free(fixture);
    session_free(s);
    session_free(t);
    session_free(u);
}
END_TEST

START_TEST(crlf_line_ends_load)
{
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    char *crlf = malloc(len * 2 + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n')
            crlf[n++] = '\r';
        crlf[n++] = text[i];
    }
    SaveError e;
    ck_assert_int_eq(load_text(crlf, n, &e, NULL), SAVE_OK);
    free(text);
    free(crlf);
}
END_TEST

/* Play by e-mail: a loaded save goes on, and its save holds both parts. */
START_TEST(continue_a_save)
{
    char path[512];
    snprintf(path, sizeof path, "%s/pbem.emesa-save", tmpdir);
    Session *s = session_new_as(fixture_scen, "tests/fixtures/saves/skirmish.lua", 3, NULL);
    ck_assert_ptr_nonnull(s);
    char why[256];
    ck_assert_msg(session_apply_text(s, "move r1 3,4", why, sizeof why), "%s", why);
    ck_assert(session_apply_text(s, "end-turn", why, sizeof why));
    SaveError e;
    ck_assert(save_write(path, s, &e));
    uint64_t first = game_hash(session_game_const(s));
    session_free(s);

    SaveLoadOptions o = opts();
    ck_assert_int_eq(save_load(path, &o, &s, &e), SAVE_OK);
    ck_assert_uint_eq(game_hash(session_game_const(s)), first);
    ck_assert_int_eq(session_game_const(s)->active, 1);
    ck_assert_msg(session_apply_text(s, "move b3 13,5", why, sizeof why), "%s", why);
    ck_assert(session_apply_text(s, "end-turn", why, sizeof why));
    uint64_t second = game_hash(session_game_const(s));
    ck_assert(save_write(path, s, &e));
    session_free(s);

    ck_assert_int_eq(save_load(path, &o, &s, &e), SAVE_OK);
    ck_assert_uint_eq(session_ncommands(s), 4);
    ck_assert_str_eq(session_command(s, 2), "move b3 13,5");
    ck_assert_uint_eq(game_hash(session_game_const(s)), second);
    ck_assert_int_eq(session_game_const(s)->turn, 2);
    session_free(s);
}
END_TEST

/* ---- refusals ------------------------------------------------------------------ */

START_TEST(refuse_unknown_version)
{
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    text[strlen("emesa-save ")] = '3';
    SaveError e;
    ck_assert_int_eq(load_text(text, len, &e, NULL), SAVE_BAD);
    ck_assert_int_eq(e.line, 1);
    ck_assert_str_eq(e.file, "edited.save");
    ck_assert_has(e.msg, "unknown save version 3");
    ck_assert_has(e.msg, "reads versions 1 to 2");
    free(text);
}
END_TEST

START_TEST(refuse_not_a_save)
{
    SaveError e;
    const char *lua = "scenario { id = \"x\" }\n";
    ck_assert_int_eq(load_text(lua, strlen(lua), &e, NULL), SAVE_BAD);
    ck_assert_int_eq(e.line, 1);
    ck_assert_has(e.msg, "not an Emesa save");
    ck_assert_int_eq(load_text("", 0, &e, NULL), SAVE_BAD);
    ck_assert_has(e.msg, "empty");
    char path[512];
    snprintf(path, sizeof path, "%s/no-such.emesa-save", tmpdir);
    SaveLoadOptions o = opts();
    Session *s = (Session *)1;
    ck_assert_int_eq(save_load(path, &o, &s, &e), SAVE_IO);
    ck_assert_ptr_null(s);
    char msg[2048];
    save_error_format(&e, msg, sizeof msg);
    ck_assert_has(msg, path);
    ck_assert_has(msg, "cannot open the save");
}
END_TEST

START_TEST(refuse_changed_scenario)
{
    /* a copy of the scenario, saved against, then changed */
    char scen[512], path[512];
    snprintf(scen, sizeof scen, "%s/skirmish.lua", tmpdir);
    snprintf(path, sizeof path, "%s/game.emesa-save", tmpdir);
    size_t len;
    char *src = tu_read_file(fixture_scen, &len);
    tu_write_file(scen, src, len);
    Session *s = session_new(scen, 5, NULL);
    ck_assert_ptr_nonnull(s);
    char why[256];
    ck_assert(session_apply_text(s, "end-turn", why, sizeof why));
    SaveError e;
    ck_assert(save_write(path, s, &e));
    session_free(s);
    SaveLoadOptions o = opts();
    ck_assert_int_eq(save_load(path, &o, &s, &e), SAVE_OK);
    session_free(s);

    char *changed = malloc(len + 64);
    memcpy(changed, src, len);
    memcpy(changed + len, "-- one more line\n", 17);
    tu_write_file(scen, changed, len + 17);
    s = (Session *)1;
    ck_assert_int_eq(save_load(path, &o, &s, &e), SAVE_SCENARIO);
    ck_assert_ptr_null(s);
    ck_assert_has(e.msg, "scenario 'skirmish'");
    ck_assert_has(e.msg, "has changed since this game was saved");
    ck_assert_has(e.msg, scen);
    size_t slen;
    char *save = tu_read_file(path, &slen);
    ck_assert_int_eq(e.line, line_of(save, "scenario-hash "));
    ck_assert_str_eq(e.file, path);

    /* and a scenario that is gone */
    unlink(scen);
    ck_assert_int_eq(save_load(path, &o, &s, &e), SAVE_SCENARIO);
    ck_assert_has(e.msg, "cannot open the scenario 'skirmish'");
    ck_assert_int_eq(e.line, line_of(save, "scenario "));
    free(src);
    free(changed);
    free(save);
}
END_TEST

START_TEST(refuse_truncated)
{
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    /* cut everywhere: at every line end and in the middle of every line */
    int cuts = 0;
    for (size_t cut = 1; cut < len; cut++) {
        bool line_end = text[cut - 1] == '\n';
        bool mid = cut >= 2 && text[cut - 1] != '\n' && text[cut - 2] == '\n';
        if (!line_end && !mid && cut % 37 != 0)
            continue;
        SaveError e;
        SaveStatus st = load_text(text, cut, &e, NULL);
        ck_assert_msg(st == SAVE_BAD, "cut at %zu: status %d (%s)", cut, st, e.msg);
        ck_assert_msg(e.line >= 1, "cut at %zu names no line", cut);
        if (cut > 40)   /* past the first line, which is checked first */
            ck_assert_msg(strstr(e.msg, "cut short") != NULL, "cut at %zu: %s", cut, e.msg);
        cuts++;
    }
    ck_assert_int_gt(cuts, 100);
    /* where: the line it ends in */
    const char *at = strstr(text, "cmd attack");
    size_t cut = (size_t)(at - text) + 5;
    SaveError e;
    ck_assert_int_eq(load_text(text, cut, &e, NULL), SAVE_BAD);
    ck_assert_int_eq(e.line, line_of(text, "cmd attack"));
    ck_assert_has(e.msg, "ends in the middle of line");
    free(text);
}
END_TEST

START_TEST(refuse_flipped_byte)
{
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    char *copy = malloc(len);
    /* every byte, one bit each (cycling through the bits) */
    for (size_t i = 0; i < len; i++) {
        memcpy(copy, text, len);
        copy[i] ^= (char)(1u << (i % 8));
        SaveError e;
        SaveStatus st = load_text(copy, len, &e, NULL);
        ck_assert_msg(st != SAVE_OK, "a flip at byte %zu was not noticed", i);
        ck_assert_msg(st == SAVE_BAD, "a flip at byte %zu: status %d: %s", i, st, e.msg);
        ck_assert_msg(e.line >= 1, "a flip at byte %zu names no line: %s", i, e.msg);
    }
    /* a flip in a command: the checksum catches it before anything the
     * save names is opened, so there is no replay to say where (issue 16) */
    memcpy(copy, text, len);
    size_t at = (size_t)(strstr(text, "cmd move b2") - text) + 5;
    copy[at] ^= 0x01;
    SaveError e;
    ck_assert_int_eq(load_text(copy, len, &e, NULL), SAVE_BAD);
    ck_assert_has(e.msg, "altered or damaged");
    ck_assert_has(e.msg, "checksum");
    ck_assert_int_eq(e.line, line_of(text, "checksum "));
    /* a line that is wrong in form is still pointed at: no game needed */
    memcpy(copy, text, len);
    copy[strstr(text, "cmd move b2") - text] = 'x';
    ck_assert_int_eq(load_text(copy, len, &e, NULL), SAVE_BAD);
    ck_assert_has(e.msg, "the first problem found is here: unknown line");
    ck_assert_int_eq(e.line, line_of(text, "cmd move b2"));
    /* a flip in a comment: only the checksum can tell */
    memcpy(copy, text, len);
    copy[strstr(text, "# A saved") - text + 4] ^= 0x20;
    ck_assert_int_eq(load_text(copy, len, &e, NULL), SAVE_BAD);
    ck_assert_has(e.msg, "checksum does not match");
    ck_assert_int_eq(e.line, line_of(text, "checksum "));
    free(copy);
    free(text);
}
END_TEST

START_TEST(refuse_unreadable_command)
{
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    char *bad = edit_line(text, "cmd move b2 10,1", "cmd move nobody 10,1", true);
    SaveError e;
    Session *s = (Session *)1;
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, &s), SAVE_BAD);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(e.line, line_of(text, "cmd move b2 10,1"));
    ck_assert_has(e.msg, "cannot be read");
    ck_assert_has(e.msg, "nobody");
    free(bad);
    bad = edit_line(text, "cmd move b2 10,1", "cmd dance b2", true);
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, NULL), SAVE_BAD);
    ck_assert_has(e.msg, "unknown command");
    free(bad);
    /* a line of no known kind */
    bad = edit_line(text, "cmd move b2 10,1", "teleport b2 10,1", true);
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, NULL), SAVE_BAD);
    ck_assert_int_eq(e.line, line_of(text, "cmd move b2 10,1"));
    ck_assert_has(e.msg, "unknown line");
    free(bad);
    free(text);
}
END_TEST

START_TEST(refuse_diverged_hash)
{
    size_t len;
    char *text = tu_read_file(fixture_save, &len);
    char *bad = edit_line(text, "turn 3 hash ", "turn 3 hash 0123456789abcdef", true);
    SaveError e;
    Session *s = NULL;
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, &s), SAVE_DIVERGED);
    ck_assert_int_eq(e.turn, 3);
    ck_assert_int_eq(e.line, line_of(text, "turn 3 hash "));
    ck_assert_has(e.msg, "turn 3:");
    ck_assert_has(e.msg, "0123456789abcdef");
    /* the game as far as the replay got, for showing it */
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(session_game_const(s)->turn, 3);
    session_free(s);
    free(bad);

    /* the final hash */
    bad = edit_line(text, "end turn ", "end turn 6 hash 0000000000000000", true);
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, NULL), SAVE_DIVERGED);
    ck_assert_int_eq(e.turn, 6);
    ck_assert_has(e.msg, "turn 6:");
    free(bad);

    /* a command the replay refuses */
    bad = edit_line(text, "cmd move b2 10,1", "cmd move b2 60,60", true);
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, NULL), SAVE_DIVERGED);
    ck_assert_int_eq(e.turn, 1);
    ck_assert_has(e.msg, "was refused");
    free(bad);

    /* a turn line where no turn began, and a turn that began unrecorded */
    bad = edit_line(text, "cmd move b5 14,3", "turn 2 hash 0123456789abcdef", true);
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, NULL), SAVE_DIVERGED);
    ck_assert_has(e.msg, "still in turn 1");
    free(bad);
    bad = edit_line(text, "turn 2 hash", "# no turn line", true);
    ck_assert_int_eq(load_text(bad, strlen(bad), &e, NULL), SAVE_DIVERGED);
    ck_assert_int_eq(e.turn, 2);
    ck_assert_has(e.msg, "records no turn line");
    free(bad);
    free(text);
}
END_TEST

/* ---- undo and redo ------------------------------------------------------------ */

static Session *fresh(uint64_t seed)
{
    Session *s = session_new_as(fixture_scen, "tests/fixtures/saves/skirmish.lua", seed, NULL);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(undo_redo_a_quiet_move)
{
    Session *s = fresh(7);
    char why[256];
    ck_assert(!session_can_undo(s, why, sizeof why));
    ck_assert_str_eq(why, "nothing to undo");
    ck_assert(!session_can_redo(s, why, sizeof why));
    ck_assert_str_eq(why, "nothing to redo");
    uint64_t h0 = game_hash(session_game_const(s));
    ck_assert(session_apply_text(s, "move r1 3,4", why, sizeof why));
    uint64_t h1 = game_hash(session_game_const(s));
    ck_assert(session_apply_text(s, "move r2 3,5", why, sizeof why));
    uint64_t h2 = game_hash(session_game_const(s));
    ck_assert_msg(session_can_undo(s, why, sizeof why), "%s", why);
    unsigned gen = session_generation(s);
    ck_assert(session_undo(s, why, sizeof why));
    ck_assert_uint_ne(session_generation(s), gen);
    ck_assert_uint_eq(game_hash(session_game_const(s)), h1);
    ck_assert(session_undo(s, why, sizeof why));
    ck_assert_uint_eq(game_hash(session_game_const(s)), h0);
    ck_assert_uint_eq(session_ncommands(s), 0);
    ck_assert(session_redo(s, why, sizeof why));
    ck_assert_uint_eq(game_hash(session_game_const(s)), h1);
    ck_assert(session_redo(s, why, sizeof why));
    ck_assert_uint_eq(game_hash(session_game_const(s)), h2);
    ck_assert(!session_can_redo(s, why, sizeof why));

    /* a new command empties the redo list */
    ck_assert(session_undo(s, why, sizeof why));
    ck_assert(session_can_redo(s, why, sizeof why));
    ck_assert(session_apply_text(s, "move r2 2,5", why, sizeof why));
    ck_assert(!session_can_redo(s, why, sizeof why));

    /* the save of an undone game holds no trace of the undone move */
    size_t len;
    char *text = save_format(s, &len);
    ck_assert_ptr_null(strstr(text, "move r2 3,5"));
    ck_assert_ptr_nonnull(strstr(text, "move r2 2,5"));
    SaveError e;
    Session *t = NULL;
    ck_assert_int_eq(load_text(text, len, &e, &t), SAVE_OK);
    ck_assert_uint_eq(game_hash(session_game_const(t)), game_hash(session_game_const(s)));
    session_free(t);
    free(text);
    session_free(s);
}
END_TEST

START_TEST(undo_refused_dice)
{
    /* the fixture game's first attack rolls the dice */
    Session *f = fixture_session();
    Session *s = fresh(7);
    char why[256];
    size_t i = 0;
    for (; strncmp(session_command(f, i), "attack", 6) != 0; i++)
        ck_assert(session_apply_text(s, session_command(f, i), why, sizeof why));
    ck_assert(session_apply_text(s, session_command(f, i), why, sizeof why));
    ck_assert(!session_can_undo(s, why, sizeof why));
    ck_assert_str_eq(why, "the dice were rolled");
    uint64_t h = game_hash(session_game_const(s));
    ck_assert(!session_undo(s, why, sizeof why));
    ck_assert_str_eq(why, "the dice were rolled");
    ck_assert_uint_eq(game_hash(session_game_const(s)), h);
    session_free(f);
    session_free(s);
}
END_TEST

START_TEST(undo_refused_reveal)
{
    /* b2 waits unseen in the orchard at 4,2; r3 rides up next to it */
    Session *s = fresh(7);
    const Game *g = session_game_const(s);
    int b2 = game_unit_by_id(g, "b2");
    ck_assert(!game_unit_visible(g, b2, 0));
    char why[256];
    ck_assert_msg(session_apply_text(s, "move r3 3,2", why, sizeof why), "%s", why);
    g = session_game_const(s);
    ck_assert(game_unit_visible(g, b2, 0));
    ck_assert(!session_can_undo(s, why, sizeof why));
    ck_assert_has(why, "revealed an enemy unit");
    ck_assert_has(why, "b2");
    session_free(s);
}
END_TEST

START_TEST(undo_refused_hand_over)
{
    Session *s = fresh(7);
    char why[256];
    ck_assert(session_apply_text(s, "end-turn", why, sizeof why));
    ck_assert(!session_can_undo(s, why, sizeof why));
    ck_assert_has(why, "handed over");
    session_free(s);
}
END_TEST

/* ---- autosaves ------------------------------------------------------------------ */

START_TEST(autosave_keeps_the_newest)
{
    Session *s = fresh(2);
    char why[256], written[1024], latest[1024];
    const char *moves[] = { "move r1 2,4", "move r1 3,4", "move r1 4,4", "move r1 5,4", "move r2 2,5",
                            "move r2 3,5", "move r2 4,5", "move r2 5,5" };
    SaveError e;
    ck_assert(!save_autosave_latest(tmpdir, latest, sizeof latest));
    /* what a killed autosave leaves: a temporary file of a dead process */
    pid_t dead = fork();
    if (dead == 0)
        _exit(0);
    ck_assert_int_eq(waitpid(dead, NULL, 0), dead);
    char stale[1024];
    snprintf(stale, sizeof stale, "%s/autosave-1.emesa-save.tmp-%ld", tmpdir, (long)dead);
    tu_write_file(stale, "emesa-save 1\nscen", 18);
    for (int i = 0; i < 8; i++) {
        ck_assert_msg(session_apply_text(s, moves[i], why, sizeof why), "%s: %s", moves[i], why);
        ck_assert_msg(save_autosave(tmpdir, s, 5, written, sizeof written, &e), "%s", e.msg);
    }
    int count = 0;
    for (int n = 1; n <= 10; n++) {
        char p[1024];
        snprintf(p, sizeof p, "%s/autosave-%d.emesa-save", tmpdir, n);
        struct stat st;
        bool there = stat(p, &st) == 0;
        ck_assert_msg(there == (n >= 4 && n <= 8), "autosave-%d %s", n, there ? "kept" : "missing");
        count += there;
    }
    ck_assert_int_eq(count, 5);
    struct stat st;
    ck_assert_msg(stat(stale, &st) != 0, "the dead writer's temporary file is still there");
    ck_assert(save_autosave_latest(tmpdir, latest, sizeof latest));
    ck_assert_str_eq(latest, written);
    ck_assert_has(latest, "autosave-8.emesa-save");
    Session *t = NULL;
    SaveLoadOptions o = opts();
    ck_assert_int_eq(save_load(latest, &o, &t, &e), SAVE_OK);
    ck_assert_uint_eq(session_ncommands(t), 8);
    session_free(t);
    session_free(s);
}
END_TEST

/* ---- killed while saving ------------------------------------------------------- */

enum { KILL_VERSIONS = 4, KILL_ROUNDS = 200 };

START_TEST(kill_during_save)
{
    /* versions of one game: after 0, 20, 40 and all of its commands */
    Session *f = fixture_session();
    char *versions[KILL_VERSIONS];
    size_t lens[KILL_VERSIONS];
    size_t counts[KILL_VERSIONS] = { 0, 20, 40, session_ncommands(f) };
    for (int v = 0; v < KILL_VERSIONS; v++) {
        Session *s = fresh(7);
        session_set_ai(s, "all");
        char why[256];
        for (size_t i = 0; i < counts[v]; i++)
            ck_assert(session_apply_text(s, session_command(f, i), why, sizeof why));
        versions[v] = save_format(s, &lens[v]);
        session_free(s);
    }
    session_free(f);

    char path[512];
    snprintf(path, sizeof path, "%s/game.emesa-save", tmpdir);
    SaveError e;
    ck_assert(save_write_file(path, versions[0], lens[0], &e));
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    int mid_write = 0;
    for (int round = 0; round < KILL_ROUNDS; round++) {
        pid_t pid = fork();
        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
            for (unsigned k = (unsigned)round;; k++)
                save_write_file(path, versions[k % KILL_VERSIONS], lens[k % KILL_VERSIONS], NULL);
        }
        struct timespec ts = { 0, (long)(rand() % 3000) * 1000 };
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        ck_assert_int_eq(waitpid(pid, &status, 0), pid);
        ck_assert(WIFSIGNALED(status));
        char tmp[600];
        snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)pid);
        struct stat st;
        if (stat(tmp, &st) == 0) {
            mid_write++;
            unlink(tmp);
        }

        size_t len;
        char *text = tu_read_file(path, &len);
        int match = -1;
        for (int v = 0; v < KILL_VERSIONS; v++)
            if (len == lens[v] && memcmp(text, versions[v], len) == 0)
                match = v;
        ck_assert_msg(match >= 0, "round %d: the save is none of the complete versions (%zu bytes)", round, len);
        free(text);
        if (round % 10 == 0 || match == KILL_VERSIONS - 1) {
            Session *s = NULL;
            SaveLoadOptions o = opts();
            SaveStatus st2 = save_load(path, &o, &s, &e);
            ck_assert_msg(st2 == SAVE_OK, "round %d: %s", round, e.msg);
            ck_assert_uint_eq(session_ncommands(s), counts[match]);
            session_free(s);
        }
    }
    printf("kill_during_save: %d of %d kills came while a save was being written\n", mid_write, KILL_ROUNDS);
    for (int v = 0; v < KILL_VERSIONS; v++)
        free(versions[v]);
}
END_TEST

/* ---- a failed write leaves the old save ---------------------------------------- */

START_TEST(failed_write_keeps_old)
{
    char path[512];
    snprintf(path, sizeof path, "%s/nodir/game.emesa-save", tmpdir);
    SaveError e;
    ck_assert(!save_write_file(path, "x\n", 2, &e));
    ck_assert_int_eq(e.status, SAVE_IO);
    ck_assert_has(e.msg, "old save is untouched");
    /* a directory in the way of the rename */
    snprintf(path, sizeof path, "%s/dir.emesa-save", tmpdir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    ck_assert(!save_write_file(path, "x\n", 2, &e));
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("save");
    TCase *t = tcase_create("save");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, fixture_replays_to_its_end);
    tcase_add_test(t, save_load_same_game);
    tcase_add_test(t, crlf_line_ends_load);
    tcase_add_test(t, continue_a_save);
    tcase_add_test(t, refuse_unknown_version);
    tcase_add_test(t, refuse_not_a_save);
    tcase_add_test(t, refuse_changed_scenario);
    tcase_add_test(t, refuse_truncated);
    tcase_add_test(t, refuse_flipped_byte);
    tcase_add_test(t, refuse_unreadable_command);
    tcase_add_test(t, refuse_diverged_hash);
    tcase_add_test(t, undo_redo_a_quiet_move);
    tcase_add_test(t, undo_refused_dice);
    tcase_add_test(t, undo_refused_reveal);
    tcase_add_test(t, undo_refused_hand_over);
    tcase_add_test(t, autosave_keeps_the_newest);
    tcase_add_test(t, kill_during_save);
    tcase_add_test(t, failed_write_keeps_old);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
