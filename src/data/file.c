/* file.c - reading and writing the files a user names, and printable
 * diagnostics; see file.h. */
#include "data/file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

enum { LINK_HOPS = 40 };    /* as the kernel's own limit on a chain of links */

static void sayf(char *why, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void sayf(char *why, size_t n, const char *fmt, ...)
{
    if (!why || !n)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, fmt, ap);
    va_end(ap);
}

/* "a directory", "a FIFO (named pipe)", ... for a file that is not regular. */
static const char *kind_of(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO (named pipe)" : S_ISCHR(m) || S_ISBLK(m) ? "a device"
         : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* "64 MiB", "512 KiB", "100 bytes". */
static void size_text(size_t v, char *out, size_t n)
{
    if (v >= (1u << 20) && v % (1u << 20) == 0)
        snprintf(out, n, "%zu MiB", v >> 20);
    else if (v >= 1024 && v % 1024 == 0)
        snprintf(out, n, "%zu KiB", v >> 10);
    else
        snprintf(out, n, "%zu bytes", v);
}

char *file_read(const char *path, size_t max, size_t *len, char *why, size_t n)
{
    if (!path || !*path) {
        sayf(why, n, "no path given");
        return NULL;
    }
    /* O_NONBLOCK: opening a FIFO with no writer, or a device, must not
     * wait; fstat then says what was opened. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        sayf(why, n, "%s", errno == ENXIO ? "it is a socket or a device with nothing behind it, not a file"
             : strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        sayf(why, n, "%s", strerror(errno));
        close(fd);
        return NULL;
    }
    char cap[32];
    size_text(max, cap, sizeof cap);
    if (!S_ISREG(st.st_mode)) {
        sayf(why, n, "it is %s, not a file (Emesa reads only regular files)", kind_of(st.st_mode));
        close(fd);
        return NULL;
    }
    if (st.st_size < 0 || (uintmax_t)st.st_size > max) {
        sayf(why, n, "it is larger than %s, the most Emesa reads for it", cap);
        close(fd);
        return NULL;
    }
    /* st_size may be 0 for a file that is not (/proc): read to the end,
     * growing up to the cap. */
    size_t size = (size_t)st.st_size + 1, got = 0;
    if (size < 4096)
        size = 4096;
    if (size > max + 1)
        size = max + 1;
    char *buf = malloc(size + 1);
    if (!buf) {
        sayf(why, n, "out of memory");
        close(fd);
        return NULL;
    }
    for (;;) {
        if (got == size) {
            if (size > max)
                break;
            size_t bigger = size > max / 2 ? max + 1 : size * 2;
            char *p = realloc(buf, bigger + 1);
            if (!p) {
                free(buf);
                close(fd);
                sayf(why, n, "out of memory");
                return NULL;
            }
            buf = p;
            size = bigger;
        }
        ssize_t k = read(fd, buf + got, size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            free(buf);
            close(fd);
            sayf(why, n, "%s", strerror(e));
            return NULL;
        }
        if (k == 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    if (got > max) {
        free(buf);
        sayf(why, n, "it is larger than %s, the most Emesa reads for it", cap);
        return NULL;
    }
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

bool file_write_target(const char *path, char *out, size_t n, char *why, size_t wn)
{
    char cur[PATH_MAX];
    if (!path || !*path || strlen(path) >= sizeof cur) {
        sayf(why, wn, "%s", path && *path ? "the path is too long" : "no path given");
        return false;
    }
    snprintf(cur, sizeof cur, "%s", path);
    for (int hop = 0;; hop++) {
        struct stat st;
        if (lstat(cur, &st) != 0)
            break;      /* a new file (or an error the write itself reports) */
        if (!S_ISLNK(st.st_mode)) {
            if (!S_ISREG(st.st_mode)) {
                sayf(why, wn, "%s%s%s is %s, not a file (Emesa replaces only a regular file)",
                     hop ? "the link leads to " : "it", hop ? cur : "", hop ? ", which" : "", kind_of(st.st_mode));
                return false;
            }
            break;
        }
        if (hop >= LINK_HOPS) {
            sayf(why, wn, "more than %d symbolic links in a row (a loop?)", LINK_HOPS);
            return false;
        }
        char to[PATH_MAX];
        ssize_t k = readlink(cur, to, sizeof to - 1);
        if (k < 0) {
            sayf(why, wn, "cannot read the symbolic link %s: %s", cur, strerror(errno));
            return false;
        }
        to[k] = '\0';
        char next[PATH_MAX];
        const char *slash = strrchr(cur, '/');
        int m = to[0] == '/' || !slash ? snprintf(next, sizeof next, "%s", to)
                                       : snprintf(next, sizeof next, "%.*s/%s", (int)(slash - cur), cur, to);
        if (m < 0 || (size_t)m >= sizeof next) {
            sayf(why, wn, "the symbolic link leads to a path that is too long");
            return false;
        }
        memcpy(cur, next, (size_t)m + 1);
    }
    if (strlen(cur) >= n) {
        sayf(why, wn, "the path is too long");
        return false;
    }
    snprintf(out, n, "%s", cur);
    return true;
}

/* ---- lines ------------------------------------------------------------------ */

void text_lines_init(TextLines *t, const char *buf, size_t len)
{
    t->p = buf;
    t->end = buf ? buf + len : NULL;
    t->line = 0;
}

bool text_lines_next(TextLines *t, const char **line, size_t *len)
{
    if (!t->p || t->p >= t->end)
        return false;
    const char *nl = memchr(t->p, '\n', (size_t)(t->end - t->p));
    const char *stop = nl ? nl : t->end;
    size_t k = (size_t)(stop - t->p);
    if (nl && k > 0 && t->p[k - 1] == '\r')
        k--;
    *line = t->p;
    *len = k;
    t->p = nl ? nl + 1 : t->end;
    t->line++;
    return true;
}

/* ---- printable text --------------------------------------------------------- */

/* Length of the valid UTF-8 character at s (at most len bytes) that is not
 * a C1 control, or 0. */
static size_t utf8_char(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    size_t k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!k || k > len)
        return 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;     /* no surrogates */
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    if (c == 0xC2 && s[1] <= 0x9F)
        return 0;       /* U+0080..U+009F: the C1 controls (0x9B is a CSI) */
    return k;
}

char *text_escape_n(const char *s, size_t len, char *out, size_t n)
{
    if (!out || !n)
        return out;
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; s && i < len;) {
        char piece[8];
        size_t k = 0, take = 1;
        unsigned char c = u[i];
        if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
            piece[k++] = (char)c;
        } else if (c == '\n') {
            piece[k++] = '\\';
            piece[k++] = 'n';
        } else if (c >= 0x80 && (take = utf8_char(u + i, len - i)) > 0) {
            memcpy(piece, u + i, take);
            k = take;
        } else {
            take = 1;
            k = (size_t)snprintf(piece, sizeof piece, "\\x%02x", c);
        }
        if (o + k + 1 > n)
            break;
        memcpy(out + o, piece, k);
        o += k;
        i += take;
    }
    out[o] = '\0';
    return out;
}

char *text_escape(const char *s, char *out, size_t n)
{
    return text_escape_n(s, s ? strlen(s) : 0, out, n);
}

void text_shorten(const char *s, char *out, size_t n)
{
    if (!out || !n)
        return;
    size_t len = s ? strlen(s) : 0;
    if (len < n || n < 8) {
        snprintf(out, n, "%s", s ? s : "");
        return;
    }
    size_t keep = n - 1 - 3, head = keep / 3, tail = keep - head;
    while (head > 0 && ((unsigned char)s[head] & 0xC0) == 0x80)
        head--;     /* not inside a UTF-8 character */
    size_t from = len - tail;
    while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++;
    snprintf(out, n, "%.*s...%s", (int)head, s, s + from);
}

void text_say(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[2048], *raw = small;
    int k = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if ((size_t)k >= sizeof small && (raw = malloc((size_t)k + 1))) {
        va_start(ap, fmt);
        vsnprintf(raw, (size_t)k + 1, fmt, ap);
        va_end(ap);
    } else if (!raw) {
        raw = small;    /* out of memory: the first 2 KiB, still escaped */
    }
    size_t rl = strlen(raw), cap = rl * 4 + 1;
    char *esc = malloc(cap);
    if (esc) {
        text_escape_n(raw, rl, esc, cap);
        fprintf(f, "%s\n", esc);
        free(esc);
    } else {
        char part[1024];
        fprintf(f, "%s\n", text_escape_n(raw, rl, part, sizeof part));
    }
    if (raw != small)
        free(raw);
}

/* ---- command files ------------------------------------------------------------ */

bool cmdfile_open(CmdFile *cf, const char *path, char *why, size_t n)
{
    memset(cf, 0, sizeof *cf);
    cf->buf = file_read(path, CMDFILE_MAX_BYTES, &cf->len, why, n);
    if (!cf->buf)
        return false;
    text_lines_init(&cf->lines, cf->buf, cf->len);
    return true;
}

bool cmdfile_from_text(CmdFile *cf, const char *text, size_t len)
{
    memset(cf, 0, sizeof *cf);
    if (!(cf->buf = malloc(len + 1)))
        return false;
    if (len)
        memcpy(cf->buf, text, len);
    cf->buf[len] = '\0';
    cf->len = len;
    text_lines_init(&cf->lines, cf->buf, cf->len);
    return true;
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

int cmdfile_next(CmdFile *cf, const char **cmd, int *line, char *why, size_t n)
{
    const char *l;
    size_t len;
    while (text_lines_next(&cf->lines, &l, &len)) {
        if (line)
            *line = cf->lines.line;
        if (memchr(l, '\0', len)) {
            sayf(why, n, "this line holds a NUL byte: a command file is text");
            return -1;
        }
        char *s = (char *)cf->buf + (l - cf->buf);     /* the buffer is ours */
        s[len] = '\0';                                  /* its '\n', '\r' or final NUL */
        for (size_t i = 0; i < len; i++)
            if (s[i] == '#' && (i == 0 || blank(s[i - 1]))) {
                s[i] = '\0';
                len = i;
                break;
            }
        while (len > 0 && blank(s[len - 1]))
            s[--len] = '\0';
        while (blank(*s))
            s++;
        if (!*s)
            continue;
        *cmd = s;
        return 1;
    }
    return 0;
}

void cmdfile_close(CmdFile *cf)
{
    free(cf->buf);
    memset(cf, 0, sizeof *cf);
}
