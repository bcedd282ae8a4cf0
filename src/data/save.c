/* save.c - writing a Session as a save file, the autosaves, and the
 * errors and checksum the reader shares; save_read.c reads one back.
 * See save.h for the format. */
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

/* ---- errors --------------------------------------------------------------- */

void save_fail(SaveError *e, SaveStatus st, const char *file, int line, int turn, const char *fmt, ...)
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
        save_fail(err, SAVE_IO, path, 0, 0, "cannot write the save: %s; nothing was written", why);
        return false;
    }
    char tmp[SAVE_PATH_MAX + 32];
    int k = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", target, (long)getpid());
    if (k < 0 || (size_t)k >= sizeof tmp) {
        save_fail(err, SAVE_IO, path, 0, 0, "the path is too long");
        return false;
    }
    /* a new file of our own: never through a link left at the temporary name */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST && unlink(tmp) == 0)
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        save_fail(err, SAVE_IO, path, 0, 0, "cannot write the save (creating %s: %s); the old save is untouched", tmp,
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
            save_fail(err, SAVE_IO, path, 0, 0, "cannot write the save: %s; the old save is untouched", strerror(e));
            return false;
        }
        done += (size_t)w;
    }
    if (fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        save_fail(err, SAVE_IO, path, 0, 0, "cannot write the save to disk: %s; the old save is untouched", strerror(e));
        return false;
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        save_fail(err, SAVE_IO, path, 0, 0, "cannot write the save: %s; the old save is untouched", strerror(e));
        return false;
    }
    if (rename(tmp, target) != 0) {
        int e = errno;
        unlink(tmp);
        save_fail(err, SAVE_IO, path, 0, 0, "cannot put the save in place: %s; the old save is untouched", strerror(e));
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
        save_fail(err, SAVE_IO, path, 0, 0, "out of memory while writing the save; the old save is untouched");
        return false;
    }
    bool ok = save_write_file(path, text, len, err);
    free(text);
    return ok;
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
        if (!save_parse_uint(tmp + strlen(AUTOSAVE_SUFFIX ".tmp-"), INT32_MAX, &pid) || (pid_t)pid == getpid())
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
        save_fail(err, SAVE_IO, dir, 0, 0, "cannot read the save directory: %s", strerror(errno));
        return false;
    }
    remove_stale_temps(dir);
    long next = count > 0 ? nums[0] + 1 : 1;
    char path[SESSION_PATH];
    int k = snprintf(path, sizeof path, "%s/%s%ld%s", dir, AUTOSAVE_PREFIX, next, AUTOSAVE_SUFFIX);
    if (k < 0 || (size_t)k >= sizeof path) {
        save_fail(err, SAVE_IO, dir, 0, 0, "the save directory's path is too long");
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
