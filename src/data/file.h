/* file.h - the files a user names (scenarios, saves, replays, command
 * files, settings), opened as a careful Unix tool opens them, and the text
 * of every diagnostic made safe for a terminal.
 *
 * Reading: only regular files. The path is opened with O_NONBLOCK and
 * checked with fstat before a byte is read, so a FIFO, a device (/dev/zero,
 * /dev/urandom, a tape), a socket or a directory is refused at once with a
 * message saying what it is, instead of blocking or reading forever. The
 * whole file is read (never more than the caller's cap, and the message
 * says the cap), so a line is never split, whatever its length.
 *
 * Writing: file_write_target() follows a symbolic link to the file it
 * names, so that an atomic temp-and-rename replaces the target and leaves
 * the link a link, and refuses a path that is something other than a
 * regular file (a device, a FIFO, a directory): a save never replaces
 * /dev/null.
 *
 * Printing: text_escape() is the one place where bytes from a file or the
 * command line are made printable: control bytes (ESC, BEL, CR, ...), DEL,
 * the C1 controls and bytes that are not UTF-8 become "\x1b"-style escapes,
 * so that a hostile file cannot retitle, clear or reprogram the terminal
 * its diagnostic is printed on. text_say() prints a diagnostic line
 * through it. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { FILE_WHY = 512 };

/* Reads the whole regular file at path (at most max bytes) into a malloc'd
 * buffer with a NUL after its last byte, *len its length. On failure
 * returns NULL and why says what is wrong, to follow "cannot open the
 * save: ": "No such file or directory", "it is a FIFO (named pipe), not a
 * file (...)", "it is larger than 64 MiB, the most Emesa reads for it". */
char *file_read(const char *path, size_t max, size_t *len, char *why, size_t n);

/* Where a write to path must go: path itself, or when path is a symbolic
 * link (or a chain of them), the file at its end (out, n bytes; PATH_MAX
 * is enough). False with why when that file exists and is not a regular
 * file, when the links loop, or when the path is too long; why then
 * follows "cannot write the save: ". */
bool file_write_target(const char *path, char *out, size_t n, char *why, size_t wn);

/* Lines of a buffer: each without its "\n" (and a "\r" before it); the
 * last line may lack its "\n". A line is whole, however long; it may hold
 * NUL bytes (len counts them). */
typedef struct TextLines {
    const char *p, *end;
    int line;               /* the number of the line last returned, from 1 */
} TextLines;

void text_lines_init(TextLines *t, const char *buf, size_t len);
bool text_lines_next(TextLines *t, const char **line, size_t *len);

/* s (len bytes) made printable into out (n bytes, NUL-terminated):
 * printable ASCII, tabs and valid UTF-8 are copied; every other byte
 * (controls, DEL, C1 controls, bytes that are not UTF-8, NUL) becomes
 * "\xNN" and a newline "\n". The copy ends at a whole character or
 * escape, never in the middle of one. Returns out. */
char *text_escape_n(const char *s, size_t len, char *out, size_t n);
char *text_escape(const char *s, char *out, size_t n);

/* s, or when it is n bytes or longer its start and end around "...", so
 * that a long path in a fixed buffer is shortened visibly, not cut. */
void text_shorten(const char *s, char *out, size_t n);

/* Prints fmt's text, escaped, and a newline: how every diagnostic reaches
 * the terminal. */
void text_say(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A command file: one order a line, as `emesa --commands` reads it.
 * Blank lines are skipped, and so is a comment: "#" to the end of the
 * line, at the line's start or after a space or tab ("move guard 22,8  #
 * unit id, then the hex"). A line is read whole however long it is; a line
 * holding a NUL byte is refused (a command file is text). */
enum { CMDFILE_MAX_BYTES = 16 << 20 };

typedef struct CmdFile {
    char *buf;
    size_t len;
    TextLines lines;
} CmdFile;

/* Reads the file at path (file_read(), at most CMDFILE_MAX_BYTES); false
 * with why ("it is a directory, not a file ...") if it cannot. */
bool cmdfile_open(CmdFile *cf, const char *path, char *why, size_t n);
/* The same over a copy of len bytes of text. */
bool cmdfile_from_text(CmdFile *cf, const char *text, size_t len);
/* The next command: 1 with *cmd (the line without its comment and the
 * spaces around it, valid until the next call) and *line its line number;
 * 0 at the end; -1 with why and *line for a line that cannot be read. */
int cmdfile_next(CmdFile *cf, const char **cmd, int *line, char *why, size_t n);
void cmdfile_close(CmdFile *cf);
