/* save_read.c - reading a save back with every line checked: its frame,
 * its lines, its scenario and the replay of its commands. See save.h. */
#include "data/save.h"
#include "data/save_internal.h"
#include "data/file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading: lines -------------------------------------------------------- */

typedef enum EntryKind { ENT_MARK, ENT_CMD } EntryKind;

typedef struct Entry {
    EntryKind kind;
    int line;
    const char *text;       /* ENT_CMD */
    int turn;               /* ENT_MARK */
    uint64_t hash;
} Entry;

typedef struct Load {
    const char *name;
    char *text;             /* normalised copy; lines are NUL-terminated in place */
    size_t len;
    char **lines;           /* lines[i] is line i + 1 */
    int nlines;
    bool ends_mid_line;     /* the last line has no '\n' */
    bool altered;           /* the checksum does not match */
    int nul_line;           /* first line holding a NUL byte, or 0 */
    int checksum_line;

    /* header */
    char id[ID_LEN];
    const char *ref;
    int ref_line;
    uint64_t scen_hash;
    int hash_line;
    uint64_t seed;
    int seed_line;
    int version;
    ScenarioOptions opts;   /* option lines (version 2) */
    const char *ai;
    Entry *entries;
    int nentries;
    int end_line, end_turn;
    uint64_t end_hash;
} Load;

static bool parse_hex16(const char *s, uint64_t *out)
{
    if (strlen(s) != 16)
        return false;
    uint64_t v = 0;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

bool save_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    if (!*s || strlen(s) > 20)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        uint64_t d = (uint64_t)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* "turn T hash H" (after the keyword). */
static bool parse_turn_hash(const char *s, int *turn, uint64_t *hash)
{
    char t[24], h[24], word[8], extra[2];
    if (sscanf(s, "%23s %7s %23s %1s", t, word, h, extra) != 3 || strcmp(word, "hash") != 0)
        return false;
    uint64_t v;
    if (!save_parse_uint(t, 1000000, &v) || v < 1 || !parse_hex16(h, hash))
        return false;
    *turn = (int)v;
    return true;
}

/* The rest of the line after `word ` if the line starts with it. */
static const char *after_word(const char *line, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(line, word, n) != 0)
        return NULL;
    if (line[n] == '\0')
        return line + n;
    if (line[n] != ' ')
        return NULL;
    return line + n + 1;
}

static void load_free(Load *L)
{
    free(L->text);
    free(L->lines);
    free(L->entries);
}

/* Copies text with "\r\n" turned into "\n" and splits it into lines. */
static SaveStatus split_lines(Load *L, const char *text, size_t len, SaveError *err)
{
    L->text = malloc(len + 1);
    if (!L->text) {
        save_fail(err, SAVE_IO, L->name, 0, 0, "out of memory reading the save");
        return SAVE_IO;
    }
    size_t n = 0;
    int count = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            continue;
        if (text[i] == '\0' && !L->nul_line)
            L->nul_line = count + 1;
        L->text[n++] = text[i];
        count += text[i] == '\n';
    }
    L->text[n] = '\0';
    L->len = n;
    L->lines = malloc(((size_t)count + 2) * sizeof *L->lines);
    if (!L->lines) {
        save_fail(err, SAVE_IO, L->name, 0, 0, "out of memory reading the save");
        return SAVE_IO;
    }
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (L->text[i] != '\n')
            continue;
        L->text[i] = '\0';
        L->lines[L->nlines++] = L->text + start;
        start = i + 1;
    }
    if (start < n) {
        L->lines[L->nlines++] = L->text + start;
        L->ends_mid_line = true;
    }
    return SAVE_OK;
}

/* Version, completeness and checksum: the checks that need no game. */
static SaveStatus check_frame(Load *L, SaveError *err)
{
    if (L->nlines == 0) {
        save_fail(err, SAVE_BAD, L->name, 1, 0, "the file is empty: not an Emesa save, or one cut short before anything "
             "was written");
        return SAVE_BAD;
    }
    const char *v = after_word(L->lines[0], SAVE_MAGIC);
    if (!v) {
        save_fail(err, SAVE_BAD, L->name, 1, 0, "this is not an Emesa save: the first line should be \"%s %d\"",
             SAVE_MAGIC, SAVE_VERSION);
        return SAVE_BAD;
    }
    uint64_t ver;
    if (!save_parse_uint(v, 1000000000, &ver)) {
        save_fail(err, SAVE_BAD, L->name, 1, 0, "the save's version \"%.40s\" is not a number; expected \"%s %d\"", v,
             SAVE_MAGIC, SAVE_VERSION);
        return SAVE_BAD;
    }
    if (ver < SAVE_VERSION_PLAIN || ver > SAVE_VERSION) {
        save_fail(err, SAVE_BAD, L->name, 1, 0, "unknown save version %" PRIu64 "; this Emesa reads versions %d to %d%s",
             ver, SAVE_VERSION_PLAIN, SAVE_VERSION, ver > SAVE_VERSION ? " (the save is from a newer Emesa)" : "");
        return SAVE_BAD;
    }
    L->version = (int)ver;
    if (L->nul_line) {
        save_fail(err, SAVE_BAD, L->name, L->nul_line, 0, "this line holds a NUL byte: the file is damaged (a save is "
             "text)");
        return SAVE_BAD;
    }
    int last = L->nlines;
    if (L->ends_mid_line) {
        save_fail(err, SAVE_BAD, L->name, last, 0, "the file is cut short: it ends in the middle of line %d, and the "
             "checksum line that closes every save is missing", last);
        return SAVE_BAD;
    }
    for (int i = 1; i < last - 1; i++)
        if (after_word(L->lines[i], "checksum")) {
            save_fail(err, SAVE_BAD, L->name, i + 2, 0, "there is text after the checksum line (line %d): the file was "
                 "changed after it was saved", i + 1);
            return SAVE_BAD;
        }
    const char *sum = after_word(L->lines[last - 1], "checksum");
    if (!sum) {
        save_fail(err, SAVE_BAD, L->name, last, 0, "the file is cut short after line %d: the checksum line that closes "
             "every save is missing", last);
        return SAVE_BAD;
    }
    uint64_t want;
    if (!parse_hex16(sum, &want)) {
        save_fail(err, SAVE_BAD, L->name, last, 0, "the checksum line is damaged: expected \"checksum\" and 16 hex "
             "digits");
        return SAVE_BAD;
    }
    L->checksum_line = last;
    size_t covered = (size_t)(L->lines[last - 1] - L->text);
    /* the lines' '\n's are NULs now (the text held none of its own) */
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < covered; i++) {
        h ^= (unsigned char)(L->text[i] ? L->text[i] : '\n');
        h *= 0x100000001b3ULL;
    }
    L->altered = h != want;
    return SAVE_OK;
}

/* Every line's form; no game needed. */
static SaveStatus parse_lines(Load *L, SaveError *err)
{
    L->entries = malloc(((size_t)L->nlines + 1) * sizeof *L->entries);
    if (!L->entries) {
        save_fail(err, SAVE_IO, L->name, 0, 0, "out of memory reading the save");
        return SAVE_IO;
    }
    int scen_line = 0;
    for (int i = 1; i < L->checksum_line - 1; i++) {
        int no = i + 1;
        char *s = L->lines[i];
        const char *rest;
        if (s[0] == '#' || s[0] == '\0')
            continue;
        if (L->end_line && (after_word(s, "cmd") || after_word(s, "turn"))) {
            save_fail(err, SAVE_BAD, L->name, no, 0, "a %s line after the end line (line %d)", s[0] == 'c' ? "cmd" : "turn",
                 L->end_line);
            return SAVE_BAD;
        }
        if ((rest = after_word(s, "scenario"))) {
            const char *sp = strchr(rest, ' ');
            if (scen_line) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "a second scenario line (the first is line %d)", scen_line);
                return SAVE_BAD;
            }
            if (!sp || sp == rest || (size_t)(sp - rest) >= ID_LEN || !sp[1]) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "expected \"scenario <id> <path>\"");
                return SAVE_BAD;
            }
            if (strlen(sp + 1) >= SESSION_PATH) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "the scenario's path is %zu bytes long; Emesa takes paths of up "
                     "to %d bytes", strlen(sp + 1), SESSION_PATH - 1);
                return SAVE_BAD;
            }
            snprintf(L->id, sizeof L->id, "%.*s", (int)(sp - rest), rest);
            L->ref = sp + 1;
            L->ref_line = scen_line = no;
        } else if ((rest = after_word(s, "scenario-hash"))) {
            if (L->hash_line || !parse_hex16(rest, &L->scen_hash)) {
                save_fail(err, SAVE_BAD, L->name, no, 0, L->hash_line ? "a second scenario-hash line"
                     : "expected \"scenario-hash\" and 16 hex digits");
                return SAVE_BAD;
            }
            L->hash_line = no;
        } else if ((rest = after_word(s, "seed"))) {
            if (L->seed_line || !save_parse_uint(rest, UINT64_MAX, &L->seed)) {
                save_fail(err, SAVE_BAD, L->name, no, 0, L->seed_line ? "a second seed line"
                     : "expected \"seed\" and a whole number");
                return SAVE_BAD;
            }
            L->seed_line = no;
        } else if ((rest = after_word(s, "option"))) {
            char why[128];
            if (L->version < 2) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "an option line in a version %d save; what-if switches came "
                     "with version 2", L->version);
                return SAVE_BAD;
            }
            if (!scenario_options_add(&L->opts, rest, why, sizeof why)) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "expected \"option <switch id>\": %s", why);
                return SAVE_BAD;
            }
        } else if ((rest = after_word(s, "ai"))) {
            L->ai = rest;
        } else if ((rest = after_word(s, "cmd"))) {
            if (!*rest) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "a cmd line without a command");
                return SAVE_BAD;
            }
            L->entries[L->nentries++] = (Entry){ .kind = ENT_CMD, .line = no, .text = rest };
        } else if ((rest = after_word(s, "turn"))) {
            Entry e = { .kind = ENT_MARK, .line = no };
            if (!parse_turn_hash(rest, &e.turn, &e.hash)) {
                save_fail(err, SAVE_BAD, L->name, no, 0, "expected \"turn <number> hash <16 hex digits>\"");
                return SAVE_BAD;
            }
            L->entries[L->nentries++] = e;
        } else if ((rest = after_word(s, "end"))) {
            const char *t = after_word(rest, "turn");
            if (L->end_line || !t || !parse_turn_hash(t, &L->end_turn, &L->end_hash)) {
                save_fail(err, SAVE_BAD, L->name, no, 0, L->end_line ? "a second end line"
                     : "expected \"end turn <number> hash <16 hex digits>\"");
                return SAVE_BAD;
            }
            L->end_line = no;
        } else {
            save_fail(err, SAVE_BAD, L->name, no, 0, "unknown line \"%.40s\"; a save has scenario, scenario-hash, seed, "
                 "option, ai, turn, cmd, end and checksum lines", s);
            return SAVE_BAD;
        }
    }
    const char *missing = !L->ref_line ? "scenario" : !L->hash_line ? "scenario-hash" : !L->seed_line ? "seed"
                        : !L->end_line ? "end" : NULL;
    if (missing) {
        save_fail(err, SAVE_BAD, L->name, L->checksum_line, 0, "the save has no %s line", missing);
        return SAVE_BAD;
    }
    return SAVE_OK;
}

/* ---- reading: the scenario ---------------------------------------------- */

static bool readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void resolve_scenario(const Load *L, const SaveLoadOptions *o, char *out, size_t n)
{
    if (o && o->scenario) {
        snprintf(out, n, "%s", o->scenario);
        return;
    }
    if (L->ref[0] != '/' && o && o->data_dir && *o->data_dir) {
        snprintf(out, n, "%s/%s", o->data_dir, L->ref);
        if (readable(out))
            return;
        if (!readable(L->ref))
            return;     /* name the data directory's path in the message */
    }
    snprintf(out, n, "%s", L->ref);
}

/* Reads the scenario file; NULL with err filled. */
static char *read_scenario(const Load *L, const char *path, size_t *len, SaveError *err)
{
    char why[FILE_WHY];
    char *buf = file_read(path, SAVE_MAX_SCENARIO, len, why, sizeof why);
    if (!buf)
        save_fail(err, SAVE_SCENARIO, L->name, L->ref_line, 0, "cannot open the scenario '%s' at %s: %s", L->id, path, why);
    return buf;
}

/* ---- reading: the replay -------------------------------------------------- */

static void hexstr(uint64_t h, char *buf, size_t n) { snprintf(buf, n, "%016" PRIx64, h); }

/* True if the session made a mark the save did not record before the
 * next entry; fills err. */
static bool unrecorded_mark(const Load *L, const Session *ss, size_t verified, int line, SaveError *err)
{
    if (verified >= session_nmarks(ss))
        return false;
    const SessionMark *m = session_mark(ss, verified);
    save_fail(err, SAVE_DIVERGED, L->name, line, m->turn, "turn %d: the replay began turn %d after this command, but the "
         "save records no turn line here: the game went differently", m->turn, m->turn);
    return true;
}

static SaveStatus replay(Load *L, Session *ss, const SaveLoadOptions *o, SaveError *err)
{
    if (o && o->step)
        o->step(o->ud, ss);
    size_t applied = 0, verified = 0;
    int last_line = L->seed_line;
    for (int i = 0; i < L->nentries; i++) {
        const Entry *e = &L->entries[i];
        const Game *g = session_game_const(ss);
        char a[20], b[20];
        if (e->kind == ENT_MARK) {
            const SessionMark *m = session_mark(ss, verified);
            if (!m || m->after != applied) {
                save_fail(err, SAVE_DIVERGED, L->name, e->line, e->turn, "turn %d: the save says turn %d began here, but "
                     "the replay is still in turn %d: the game went differently", e->turn, e->turn, g->turn);
                return SAVE_DIVERGED;
            }
            if (m->turn != e->turn || m->hash != e->hash) {
                hexstr(e->hash, a, sizeof a);
                hexstr(m->hash, b, sizeof b);
                save_fail(err, SAVE_DIVERGED, L->name, e->line, e->turn, "turn %d: the replay's state differs from the "
                     "save's (recorded turn %d hash %s, replay turn %d hash %s): the game went differently",
                     e->turn, e->turn, a, m->turn, b);
                return SAVE_DIVERGED;
            }
            verified++;
            last_line = e->line;
            continue;
        }
        if (unrecorded_mark(L, ss, verified, last_line, err))
            return SAVE_DIVERGED;
        Command c;
        char why[256];
        if (!cmd_parse(g, e->text, &c, why, sizeof why)) {
            save_fail(err, SAVE_BAD, L->name, e->line, g->turn, "this command cannot be read: %s", why);
            return SAVE_BAD;
        }
        if (!session_apply(ss, &c, why, sizeof why)) {
            save_fail(err, SAVE_DIVERGED, L->name, e->line, g->turn, "turn %d: the recorded command \"%s\" was refused "
                 "in the replay: %s", g->turn, e->text, why);
            return SAVE_DIVERGED;
        }
        if (o && o->step)
            o->step(o->ud, ss);
        applied++;
        last_line = e->line;
    }
    if (unrecorded_mark(L, ss, verified, last_line, err))
        return SAVE_DIVERGED;
    const Game *g = session_game_const(ss);
    uint64_t h = game_hash(g);
    if (g->turn != L->end_turn || h != L->end_hash) {
        char a[20], b[20];
        hexstr(L->end_hash, a, sizeof a);
        hexstr(h, b, sizeof b);
        save_fail(err, SAVE_DIVERGED, L->name, L->end_line, g->turn, "turn %d: the replay ends in a different state "
             "(recorded turn %d hash %s, replay turn %d hash %s): the game went differently", g->turn, L->end_turn, a,
             g->turn, b);
        return SAVE_DIVERGED;
    }
    return SAVE_OK;
}

static SaveStatus load_game(Load *L, const SaveLoadOptions *o, Session **out, SaveError *err)
{
    SaveStatus st = parse_lines(L, err);
    if (st != SAVE_OK)
        return st;
    char path[SESSION_PATH];
    resolve_scenario(L, o, path, sizeof path);
    size_t slen = 0;
    char *src = read_scenario(L, path, &slen, err);
    if (!src)
        return err ? err->status : SAVE_SCENARIO;
    uint64_t h = save_checksum(src, slen);
    if (h != L->scen_hash) {
        char a[20], b[20];
        hexstr(L->scen_hash, a, sizeof a);
        hexstr(h, b, sizeof b);
        free(src);
        save_fail(err, SAVE_SCENARIO, L->name, L->hash_line, 0, "the scenario '%s' (%s) has changed since this game was "
             "saved: the save needs scenario-hash %s, the file now has %s", L->id, path, a, b);
        return SAVE_SCENARIO;
    }
    Diags diags;
    memset(&diags, 0, sizeof diags);
    /* named as the saved game named it, so event text is the same */
    Session *ss = session_new_buffer_opts(L->ref, src, slen, L->seed, &L->opts, &diags);
    free(src);
    if (!ss) {
        char d[DIAG_TEXT + 320] = "it does not load";
        if (diags.n)
            diag_format(&diags.items[0], d, sizeof d);
        save_fail(err, SAVE_SCENARIO, L->name, L->ref_line, 0, "the scenario '%s' does not load: %s", L->id, d);
        return SAVE_SCENARIO;
    }
    const ScenarioInfo *info = scenario_info(session_scenario(ss));
    if (strcmp(info->id, L->id) != 0) {
        save_fail(err, SAVE_BAD, L->name, L->ref_line, 0, "the save names scenario '%s', but %s is scenario '%s'", L->id,
             path, info->id);
        session_free(ss);
        return SAVE_BAD;
    }
    session_set_ref(ss, L->ref);
    session_set_ai(ss, L->ai);
    st = replay(L, ss, o, err);
    if (st == SAVE_OK || st == SAVE_DIVERGED)
        *out = ss;
    else
        session_free(ss);
    return st;
}

SaveStatus save_load_buffer(const char *name, const char *text, size_t len, const SaveLoadOptions *o, Session **out,
                            SaveError *err)
{
    Session *dummy = NULL;
    if (!out)
        out = &dummy;
    *out = NULL;
    if (err)
        memset(err, 0, sizeof *err);
    Load L;
    memset(&L, 0, sizeof L);
    L.name = name && *name ? name : "save";
    SaveStatus st = split_lines(&L, text ? text : "", text ? len : 0, err);
    if (st == SAVE_OK)
        st = check_frame(&L, err);
    /* The checksum's verdict comes before anything the save names is
     * opened: an altered save may name any file (a FIFO, a device). Only
     * its lines are read, to point at the first bad one. */
    if (st == SAVE_OK)
        st = L.altered ? parse_lines(&L, err) : load_game(&L, o, out, err);
    if (L.altered) {
        session_free(*out);
        *out = NULL;
        if (st == SAVE_OK || !err)
            save_fail(err, SAVE_BAD, L.name, L.checksum_line, 0, "the file was altered or damaged after it was saved: "
                 "its checksum does not match its contents");
        else {
            char inner[sizeof err->msg];
            snprintf(inner, sizeof inner, "%s", err->msg);
            save_fail(err, SAVE_BAD, L.name, err->line, 0, "the file was altered or damaged after it was saved (its "
                 "checksum does not match); the first problem found is here: %s", inner);
        }
        st = SAVE_BAD;
    }
    load_free(&L);
    if (out == &dummy)
        session_free(dummy);
    return st;
}

SaveStatus save_load(const char *path, const SaveLoadOptions *o, Session **out, SaveError *err)
{
    if (out)
        *out = NULL;
    if (err)
        memset(err, 0, sizeof *err);
    char why[FILE_WHY];
    size_t n = 0;
    char *buf = file_read(path, SAVE_MAX_BYTES, &n, why, sizeof why);
    if (!buf) {
        save_fail(err, SAVE_IO, path, 0, 0, "cannot open the save: %s", why);
        return SAVE_IO;
    }
    SaveStatus st = save_load_buffer(path, buf, n, o, out, err);
    free(buf);
    return st;
}
