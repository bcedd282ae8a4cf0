/* save.c - writing a Session as a save file and reading one back with
 * every line checked; see save.h for the format. */
#include "data/save.h"
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

enum {
    SAVE_MAX_BYTES = 64 << 20,      /* a save of 64 MiB would be a million-command game */
    SAVE_MAX_SCENARIO = 4 << 20,
    SAVE_PATH_MAX = 4096,           /* PATH_MAX on Linux */
};

#define SAVE_MAGIC "emesa-save"
#define AUTOSAVE_PREFIX "autosave-"
#define AUTOSAVE_SUFFIX ".emesa-save"

/* ---- errors --------------------------------------------------------------- */

static void fail(SaveError *e, SaveStatus st, const char *file, int line, int turn, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void fail(SaveError *e, SaveStatus st, const char *file, int line, int turn, const char *fmt, ...)
{
    if (!e)
        return;
    e->status = st;
    text_shorten(file ? file : "save", e->file, sizeof e->file);
    e->line = line;
    e->turn = turn;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void save_error_format(const SaveError *e, char *buf, size_t n)
{
    if (!e || !buf || !n)
        return;
    char raw[sizeof e->file + sizeof e->msg + 32];
    if (e->line > 0)
        snprintf(raw, sizeof raw, "%s:%d: %s", e->file, e->line, e->msg);
    else
        snprintf(raw, sizeof raw, "%s: %s", e->file, e->msg);
    text_escape(raw, buf, n);   /* a save's bytes never reach a terminal raw */
}

uint64_t save_checksum(const char *text, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* ---- writing -------------------------------------------------------------- */

typedef struct Buf {
    char *p;
    size_t n, cap;
    bool oom;
} Buf;

static void buf_addf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_addf(Buf *b, const char *fmt, ...)
{
    if (b->oom)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->oom = true;
            return;
        }
        if (b->p && b->n + (size_t)k < b->cap) {
            b->n += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap : 4096;
        while (cap <= b->n + (size_t)k)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
}

char *save_format(const Session *s, size_t *len)
{
    if (!s)
        return NULL;
    Buf b = { 0 };
    Scenario *sc = session_scenario((Session *)s);
    const Game *g = session_game_const(s);
    const ScenarioInfo *info = scenario_info(sc);
    const ScenarioOptions *opts = session_options(s);
    buf_addf(&b, "%s %d\n", SAVE_MAGIC, opts->n ? SAVE_VERSION : SAVE_VERSION_PLAIN);
    buf_addf(&b, "# A saved game of Emesa: the scenario, the seed, every command and the state\n"
                 "# hash as each turn began. `emesa --headless --replay FILE` re-plays it.\n");
    buf_addf(&b, "scenario %s %s\n", info->id[0] ? info->id : "-", session_ref(s));
    buf_addf(&b, "scenario-hash %016" PRIx64 "\n", scenario_source_hash(sc));
    buf_addf(&b, "seed %" PRIu64 "\n", session_seed(s));
    for (int i = 0; i < opts->n; i++)
        buf_addf(&b, "option %s\n", opts->ids[i]);
    if (session_ai(s)[0])
        buf_addf(&b, "ai %s\n", session_ai(s));
    size_t nc = session_ncommands(s), nm = session_nmarks(s), m = 0;
    for (size_t i = 0; i <= nc; i++) {
        for (; m < nm && session_mark(s, m)->after == i; m++)
            buf_addf(&b, "turn %d hash %016" PRIx64 "\n", session_mark(s, m)->turn, session_mark(s, m)->hash);
        if (i < nc)
            buf_addf(&b, "cmd %s\n", session_command(s, i));
    }
    buf_addf(&b, "end turn %d hash %016" PRIx64 "\n", g->turn, game_hash(g));
    if (!b.oom) {
        uint64_t sum = save_checksum(b.p, b.n);
        buf_addf(&b, "checksum %016" PRIx64 "\n", sum);
    }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    if (len)
        *len = b.n;
    return b.p;
}

/* The directory part of path ("." if none). */
static void dir_of(const char *path, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, n, ".");
    else if (slash == path)
        snprintf(out, n, "/");
    else
        snprintf(out, n, "%.*s", (int)(slash - path), path);
}

bool save_write_file(const char *path, const char *data, size_t len, SaveError *err)
{
    /* Through a symbolic link to its file, so the link stays a link; never
     * over a device, a FIFO or a directory. */
    char target[SAVE_PATH_MAX], why[FILE_WHY];
    if (!file_write_target(path, target, sizeof target, why, sizeof why)) {
        fail(err, SAVE_IO, path, 0, 0, "cannot write the save: %s; nothing was written", why);
        return false;
    }
    char tmp[SAVE_PATH_MAX + 32];
    int k = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", target, (long)getpid());
    if (k < 0 || (size_t)k >= sizeof tmp) {
        fail(err, SAVE_IO, path, 0, 0, "the path is too long");
        return false;
    }
    /* a new file of our own: never through a link left at the temporary name */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST && unlink(tmp) == 0)
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        fail(err, SAVE_IO, path, 0, 0, "cannot write the save (creating %s: %s); the old save is untouched", tmp,
             strerror(errno));
        return false;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = w < 0 ? errno : EIO;
            close(fd);
            unlink(tmp);
            fail(err, SAVE_IO, path, 0, 0, "cannot write the save: %s; the old save is untouched", strerror(e));
            return false;
        }
        done += (size_t)w;
    }
    if (fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        fail(err, SAVE_IO, path, 0, 0, "cannot write the save to disk: %s; the old save is untouched", strerror(e));
        return false;
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        fail(err, SAVE_IO, path, 0, 0, "cannot write the save: %s; the old save is untouched", strerror(e));
        return false;
    }
    if (rename(tmp, target) != 0) {
        int e = errno;
        unlink(tmp);
        fail(err, SAVE_IO, path, 0, 0, "cannot put the save in place: %s; the old save is untouched", strerror(e));
        return false;
    }
    /* Make the rename itself durable. Some file systems refuse to fsync a
     * directory; the save is in place either way. */
    char dir[SAVE_PATH_MAX];
    dir_of(target, dir, sizeof dir);
    int dfd = open(dir, O_RDONLY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    return true;
}

bool save_write(const char *path, const Session *s, SaveError *err)
{
    size_t len = 0;
    char *text = save_format(s, &len);
    if (!text) {
        fail(err, SAVE_IO, path, 0, 0, "out of memory while writing the save; the old save is untouched");
        return false;
    }
    bool ok = save_write_file(path, text, len, err);
    free(text);
    return ok;
}

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

static bool parse_uint(const char *s, uint64_t max, uint64_t *out)
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
    if (!parse_uint(t, 1000000, &v) || v < 1 || !parse_hex16(h, hash))
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
        fail(err, SAVE_IO, L->name, 0, 0, "out of memory reading the save");
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
        fail(err, SAVE_IO, L->name, 0, 0, "out of memory reading the save");
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
        fail(err, SAVE_BAD, L->name, 1, 0, "the file is empty: not an Emesa save, or one cut short before anything "
             "was written");
        return SAVE_BAD;
    }
    const char *v = after_word(L->lines[0], SAVE_MAGIC);
    if (!v) {
        fail(err, SAVE_BAD, L->name, 1, 0, "this is not an Emesa save: the first line should be \"%s %d\"",
             SAVE_MAGIC, SAVE_VERSION);
        return SAVE_BAD;
    }
    uint64_t ver;
    if (!parse_uint(v, 1000000000, &ver)) {
        fail(err, SAVE_BAD, L->name, 1, 0, "the save's version \"%.40s\" is not a number; expected \"%s %d\"", v,
             SAVE_MAGIC, SAVE_VERSION);
        return SAVE_BAD;
    }
    if (ver < SAVE_VERSION_PLAIN || ver > SAVE_VERSION) {
        fail(err, SAVE_BAD, L->name, 1, 0, "unknown save version %" PRIu64 "; this Emesa reads versions %d to %d%s",
             ver, SAVE_VERSION_PLAIN, SAVE_VERSION, ver > SAVE_VERSION ? " (the save is from a newer Emesa)" : "");
        return SAVE_BAD;
    }
    L->version = (int)ver;
    if (L->nul_line) {
        fail(err, SAVE_BAD, L->name, L->nul_line, 0, "this line holds a NUL byte: the file is damaged (a save is "
             "text)");
        return SAVE_BAD;
    }
    int last = L->nlines;
    if (L->ends_mid_line) {
        fail(err, SAVE_BAD, L->name, last, 0, "the file is cut short: it ends in the middle of line %d, and the "
             "checksum line that closes every save is missing", last);
        return SAVE_BAD;
    }
    for (int i = 1; i < last - 1; i++)
        if (after_word(L->lines[i], "checksum")) {
            fail(err, SAVE_BAD, L->name, i + 2, 0, "there is text after the checksum line (line %d): the file was "
                 "changed after it was saved", i + 1);
            return SAVE_BAD;
        }
    const char *sum = after_word(L->lines[last - 1], "checksum");
    if (!sum) {
        fail(err, SAVE_BAD, L->name, last, 0, "the file is cut short after line %d: the checksum line that closes "
             "every save is missing", last);
        return SAVE_BAD;
    }
    uint64_t want;
    if (!parse_hex16(sum, &want)) {
        fail(err, SAVE_BAD, L->name, last, 0, "the checksum line is damaged: expected \"checksum\" and 16 hex "
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
        fail(err, SAVE_IO, L->name, 0, 0, "out of memory reading the save");
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
            fail(err, SAVE_BAD, L->name, no, 0, "a %s line after the end line (line %d)", s[0] == 'c' ? "cmd" : "turn",
                 L->end_line);
            return SAVE_BAD;
        }
        if ((rest = after_word(s, "scenario"))) {
            const char *sp = strchr(rest, ' ');
            if (scen_line) {
                fail(err, SAVE_BAD, L->name, no, 0, "a second scenario line (the first is line %d)", scen_line);
                return SAVE_BAD;
            }
            if (!sp || sp == rest || (size_t)(sp - rest) >= ID_LEN || !sp[1]) {
                fail(err, SAVE_BAD, L->name, no, 0, "expected \"scenario <id> <path>\"");
                return SAVE_BAD;
            }
            if (strlen(sp + 1) >= SESSION_PATH) {
                fail(err, SAVE_BAD, L->name, no, 0, "the scenario's path is %zu bytes long; Emesa takes paths of up "
                     "to %d bytes", strlen(sp + 1), SESSION_PATH - 1);
                return SAVE_BAD;
            }
            snprintf(L->id, sizeof L->id, "%.*s", (int)(sp - rest), rest);
            L->ref = sp + 1;
            L->ref_line = scen_line = no;
        } else if ((rest = after_word(s, "scenario-hash"))) {
            if (L->hash_line || !parse_hex16(rest, &L->scen_hash)) {
                fail(err, SAVE_BAD, L->name, no, 0, L->hash_line ? "a second scenario-hash line"
                     : "expected \"scenario-hash\" and 16 hex digits");
                return SAVE_BAD;
            }
            L->hash_line = no;
        } else if ((rest = after_word(s, "seed"))) {
            if (L->seed_line || !parse_uint(rest, UINT64_MAX, &L->seed)) {
                fail(err, SAVE_BAD, L->name, no, 0, L->seed_line ? "a second seed line"
                     : "expected \"seed\" and a whole number");
                return SAVE_BAD;
            }
            L->seed_line = no;
        } else if ((rest = after_word(s, "option"))) {
            char why[128];
            if (L->version < 2) {
                fail(err, SAVE_BAD, L->name, no, 0, "an option line in a version %d save; what-if switches came "
                     "with version 2", L->version);
                return SAVE_BAD;
            }
            if (!scenario_options_add(&L->opts, rest, why, sizeof why)) {
                fail(err, SAVE_BAD, L->name, no, 0, "expected \"option <switch id>\": %s", why);
                return SAVE_BAD;
            }
        } else if ((rest = after_word(s, "ai"))) {
            L->ai = rest;
        } else if ((rest = after_word(s, "cmd"))) {
            if (!*rest) {
                fail(err, SAVE_BAD, L->name, no, 0, "a cmd line without a command");
                return SAVE_BAD;
            }
            L->entries[L->nentries++] = (Entry){ .kind = ENT_CMD, .line = no, .text = rest };
        } else if ((rest = after_word(s, "turn"))) {
            Entry e = { .kind = ENT_MARK, .line = no };
            if (!parse_turn_hash(rest, &e.turn, &e.hash)) {
                fail(err, SAVE_BAD, L->name, no, 0, "expected \"turn <number> hash <16 hex digits>\"");
                return SAVE_BAD;
            }
            L->entries[L->nentries++] = e;
        } else if ((rest = after_word(s, "end"))) {
            const char *t = after_word(rest, "turn");
            if (L->end_line || !t || !parse_turn_hash(t, &L->end_turn, &L->end_hash)) {
                fail(err, SAVE_BAD, L->name, no, 0, L->end_line ? "a second end line"
                     : "expected \"end turn <number> hash <16 hex digits>\"");
                return SAVE_BAD;
            }
            L->end_line = no;
        } else {
            fail(err, SAVE_BAD, L->name, no, 0, "unknown line \"%.40s\"; a save has scenario, scenario-hash, seed, "
                 "option, ai, turn, cmd, end and checksum lines", s);
            return SAVE_BAD;
        }
    }
    const char *missing = !L->ref_line ? "scenario" : !L->hash_line ? "scenario-hash" : !L->seed_line ? "seed"
                        : !L->end_line ? "end" : NULL;
    if (missing) {
        fail(err, SAVE_BAD, L->name, L->checksum_line, 0, "the save has no %s line", missing);
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
        fail(err, SAVE_SCENARIO, L->name, L->ref_line, 0, "cannot open the scenario '%s' at %s: %s", L->id, path, why);
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
    fail(err, SAVE_DIVERGED, L->name, line, m->turn, "turn %d: the replay began turn %d after this command, but the "
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
                fail(err, SAVE_DIVERGED, L->name, e->line, e->turn, "turn %d: the save says turn %d began here, but "
                     "the replay is still in turn %d: the game went differently", e->turn, e->turn, g->turn);
                return SAVE_DIVERGED;
            }
            if (m->turn != e->turn || m->hash != e->hash) {
                hexstr(e->hash, a, sizeof a);
                hexstr(m->hash, b, sizeof b);
                fail(err, SAVE_DIVERGED, L->name, e->line, e->turn, "turn %d: the replay's state differs from the "
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
            fail(err, SAVE_BAD, L->name, e->line, g->turn, "this command cannot be read: %s", why);
            return SAVE_BAD;
        }
        if (!session_apply(ss, &c, why, sizeof why)) {
            fail(err, SAVE_DIVERGED, L->name, e->line, g->turn, "turn %d: the recorded command \"%s\" was refused "
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
        fail(err, SAVE_DIVERGED, L->name, L->end_line, g->turn, "turn %d: the replay ends in a different state "
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
        fail(err, SAVE_SCENARIO, L->name, L->hash_line, 0, "the scenario '%s' (%s) has changed since this game was "
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
        fail(err, SAVE_SCENARIO, L->name, L->ref_line, 0, "the scenario '%s' does not load: %s", L->id, d);
        return SAVE_SCENARIO;
    }
    const ScenarioInfo *info = scenario_info(session_scenario(ss));
    if (strcmp(info->id, L->id) != 0) {
        fail(err, SAVE_BAD, L->name, L->ref_line, 0, "the save names scenario '%s', but %s is scenario '%s'", L->id,
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
            fail(err, SAVE_BAD, L.name, L.checksum_line, 0, "the file was altered or damaged after it was saved: "
                 "its checksum does not match its contents");
        else {
            char inner[sizeof err->msg];
            snprintf(inner, sizeof inner, "%s", err->msg);
            fail(err, SAVE_BAD, L.name, err->line, 0, "the file was altered or damaged after it was saved (its "
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
        fail(err, SAVE_IO, path, 0, 0, "cannot open the save: %s", why);
        return SAVE_IO;
    }
    SaveStatus st = save_load_buffer(path, buf, n, o, out, err);
    free(buf);
    return st;
}

/* ---- autosaves ------------------------------------------------------------- */

/* The number N of "autosave-N.emesa-save", or -1. */
static long autosave_number(const char *name)
{
    size_t pl = strlen(AUTOSAVE_PREFIX), sl = strlen(AUTOSAVE_SUFFIX), n = strlen(name);
    if (n <= pl + sl || strncmp(name, AUTOSAVE_PREFIX, pl) != 0 || strcmp(name + n - sl, AUTOSAVE_SUFFIX) != 0)
        return -1;
    long v = 0;
    for (size_t i = pl; i < n - sl; i++) {
        if (name[i] < '0' || name[i] > '9' || v > 100000000)
            return -1;
        v = v * 10 + (name[i] - '0');
    }
    return v;
}

/* Numbers of the autosaves in dir, newest first; returns the count (at
 * most max) or -1 if dir cannot be read. */
static int autosave_list(const char *dir, long *nums, int max)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        long v = autosave_number(de->d_name);
        if (v < 0)
            continue;
        int at;
        if (n < max)
            at = n++;
        else if (v > nums[max - 1])
            at = max - 1;
        else
            continue;
        nums[at] = v;
        for (int i = at; i > 0 && nums[i] > nums[i - 1]; i--) {
            long t = nums[i];
            nums[i] = nums[i - 1];
            nums[i - 1] = t;
        }
    }
    closedir(d);
    return n;
}

enum { AUTOSAVE_SCAN = 256 };

/* Removes "autosave-N.emesa-save.tmp-PID" files whose writer is dead: what
 * a crash in the middle of an autosave leaves behind. */
static void remove_stale_temps(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *tmp = strstr(de->d_name, AUTOSAVE_SUFFIX ".tmp-");
        if (strncmp(de->d_name, AUTOSAVE_PREFIX, strlen(AUTOSAVE_PREFIX)) != 0 || !tmp)
            continue;
        uint64_t pid;
        if (!parse_uint(tmp + strlen(AUTOSAVE_SUFFIX ".tmp-"), INT32_MAX, &pid) || (pid_t)pid == getpid())
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;   /* alive, or not ours to know */
        char path[SESSION_PATH];
        int k = snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (k > 0 && (size_t)k < sizeof path)
            unlink(path);
    }
    closedir(d);
}

bool save_autosave(const char *dir, const Session *s, int keep, char *written, size_t n, SaveError *err)
{
    if (keep <= 0)
        keep = SAVE_AUTOSAVE_KEEP;
    if (keep > AUTOSAVE_SCAN / 2)
        keep = AUTOSAVE_SCAN / 2;
    long nums[AUTOSAVE_SCAN];
    int count = autosave_list(dir, nums, AUTOSAVE_SCAN);
    if (count < 0) {
        fail(err, SAVE_IO, dir, 0, 0, "cannot read the save directory: %s", strerror(errno));
        return false;
    }
    remove_stale_temps(dir);
    long next = count > 0 ? nums[0] + 1 : 1;
    char path[SESSION_PATH];
    int k = snprintf(path, sizeof path, "%s/%s%ld%s", dir, AUTOSAVE_PREFIX, next, AUTOSAVE_SUFFIX);
    if (k < 0 || (size_t)k >= sizeof path) {
        fail(err, SAVE_IO, dir, 0, 0, "the save directory's path is too long");
        return false;
    }
    if (!save_write(path, s, err))
        return false;
    if (written)
        snprintf(written, n, "%s", path);
    /* The new one is in place: now the oldest may go. */
    for (int i = keep - 1; i < count; i++) {
        char old[SESSION_PATH];
        snprintf(old, sizeof old, "%s/%s%ld%s", dir, AUTOSAVE_PREFIX, nums[i], AUTOSAVE_SUFFIX);
        unlink(old);
    }
    return true;
}

bool save_autosave_latest(const char *dir, char *path, size_t n)
{
    long nums[1];
    if (autosave_list(dir, nums, 1) < 1)
        return false;
    snprintf(path, n, "%s/%s%ld%s", dir, AUTOSAVE_PREFIX, nums[0], AUTOSAVE_SUFFIX);
    return true;
}
