/* check-files.c - the files a user names, opened as a careful Unix tool
 * opens them (data/file.h): FIFOs, devices and directories refused at
 * once, lines read whole, saves written through symbolic links and never
 * over a device, a save's checksum judged before its scenario is opened,
 * and every diagnostic escaped before it reaches a terminal. */
#define _XOPEN_SOURCE 700   /* mknod, S_IFCHR */
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include "data/file.h"
#include "data/save.h"
#include "data/scenario.h"
#include "data/session.h"
#include "testutil.h"

#define ck_assert_has(hay, needle) ck_assert_msg(strstr((hay), (needle)) != NULL, "\"%s\" lacks \"%s\"", (hay), (needle))

static char tmpdir[256];

static void setup(void)
{
    tu_tmpdir(tmpdir, sizeof tmpdir, "check-files");
}

static void teardown(void)
{
    if (!tu_rmtree(tmpdir))
        fprintf(stderr, "could not remove %s\n", tmpdir);
}

static void in_tmp(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", tmpdir, name);
}

static bool has_byte(const char *s, unsigned char c)
{
    return strchr(s, (char)c) != NULL;
}

/* ---- reading: regular files only -------------------------------------------- */

START_TEST(read_refuses_fifo_device_directory)
{
    char fifo[512], why[FILE_WHY];
    size_t len = 99;
    in_tmp(fifo, sizeof fifo, "fifo");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    time_t t0 = time(NULL);
    ck_assert_ptr_null(file_read(fifo, 1 << 20, &len, why, sizeof why));   /* must not block */
    ck_assert_int_le(time(NULL) - t0, 1);
    ck_assert_str_eq(why, "it is a FIFO (named pipe), not a file (Emesa reads only regular files)");
    ck_assert_ptr_null(file_read("/dev/zero", 1 << 20, &len, why, sizeof why));   /* never read forever */
    ck_assert_str_eq(why, "it is a device, not a file (Emesa reads only regular files)");
    ck_assert_ptr_null(file_read(tmpdir, 1 << 20, &len, why, sizeof why));
    ck_assert_str_eq(why, "it is a directory, not a file (Emesa reads only regular files)");
    char none[512];
    in_tmp(none, sizeof none, "none");
    ck_assert_ptr_null(file_read(none, 1 << 20, &len, why, sizeof why));
    ck_assert_str_eq(why, strerror(ENOENT));
    ck_assert_uint_eq(len, 99);     /* untouched on failure */
}
END_TEST

START_TEST(read_is_whole_and_capped)
{
    char path[512], why[FILE_WHY];
    in_tmp(path, sizeof path, "big");
    char data[3000];
    memset(data, 'x', sizeof data);
    data[1500] = '\n';
    tu_write_file(path, data, sizeof data);
    size_t len = 0;
    char *buf = file_read(path, 3000, &len, why, sizeof why);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(len, 3000);
    ck_assert_int_eq(buf[3000], '\0');
    ck_assert_int_eq(memcmp(buf, data, 3000), 0);
    free(buf);
    ck_assert_ptr_null(file_read(path, 2048, &len, why, sizeof why));
    ck_assert_str_eq(why, "it is larger than 2 KiB, the most Emesa reads for it");
    /* a file whose size stat does not know (/proc) is read to its end */
    buf = file_read("/proc/self/status", 1 << 20, &len, why, sizeof why);
    ck_assert_msg(buf != NULL, "%s", why);
    ck_assert_uint_gt(len, 0);
    ck_assert_has(buf, "Name:");
    free(buf);
}
END_TEST

/* ---- command files: lines whole, comments, NUL ------------------------------ */

/* The issue's case: "#", 591 letters and "end-turn" on one 601-byte line
 * was split at 511 bytes and the tail ran as a command. */
START_TEST(long_comment_is_one_line)
{
    char text[700];
    text[0] = '#';
    memset(text + 1, 'a', 591);
    strcpy(text + 592, "end-turn\n");
    CmdFile cf;
    ck_assert(cmdfile_from_text(&cf, text, strlen(text)));
    const char *cmd;
    int line = 0;
    char why[128];
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 0);   /* as an empty file */
    cmdfile_close(&cf);
}
END_TEST

START_TEST(command_lines_and_comments)
{
    static char text[8000];
    char *p = text;
    p += sprintf(p, "move guard 22,8          # unit id, then the hex as col,row\r\n");
    p += sprintf(p, "\n   # a comment\n\t\n");
    p += sprintf(p, "  attack guard+abu 23,7\t# up to four units\n");
    p += sprintf(p, "rations a#b\n");                  /* '#' inside a word is not a comment */
    p += sprintf(p, "move ");
    memset(p, 'x', 5000);                               /* longer than any old buffer: whole */
    p += 5000;
    p += sprintf(p, " 1,1\nend-turn");                  /* the last line without '\n' */
    CmdFile cf;
    ck_assert(cmdfile_from_text(&cf, text, strlen(text)));
    const char *cmd;
    int line = 0;
    char why[128];
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 1);
    ck_assert_str_eq(cmd, "move guard 22,8");
    ck_assert_int_eq(line, 1);
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 1);
    ck_assert_str_eq(cmd, "attack guard+abu 23,7");
    ck_assert_int_eq(line, 5);
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 1);
    ck_assert_str_eq(cmd, "rations a#b");
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 1);
    ck_assert_uint_eq(strlen(cmd), 5 + 5000 + 4);
    ck_assert_int_eq(line, 7);
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 1);
    ck_assert_str_eq(cmd, "end-turn");
    ck_assert_int_eq(line, 8);
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 0);
    cmdfile_close(&cf);

    static const char nul[] = "end-turn\nend-turn\0rm -rf\n";
    ck_assert(cmdfile_from_text(&cf, nul, sizeof nul - 1));
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), 1);
    ck_assert_int_eq(cmdfile_next(&cf, &cmd, &line, why, sizeof why), -1);
    ck_assert_int_eq(line, 2);
    ck_assert_str_eq(why, "this line holds a NUL byte: a command file is text");
    cmdfile_close(&cf);
}
END_TEST

/* ---- printable diagnostics ----------------------------------------------- */

START_TEST(escape_control_bytes)
{
    char out[256];
    ck_assert_str_eq(text_escape("a\x1b]0;x\x07\x1b[2J\r\nb\tc\x7f", out, sizeof out), "a\\x1b]0;x\\x07\\x1b[2J\\x0d\\nb\tc\\x7f");
    /* UTF-8 stays (Ḥimṣ, حمص); bytes that are not UTF-8 and the C1 CSI do not */
    ck_assert_str_eq(text_escape("\xE1\xB8\xA4ims \xD8\xAD\xD9\x85\xD8\xB5", out, sizeof out),
                     "\xE1\xB8\xA4ims \xD8\xAD\xD9\x85\xD8\xB5");
    ck_assert_str_eq(text_escape("\xff\x9b" "1m \xC2\x9B" "2J \xC0\xAF \xED\xA0\x80", out, sizeof out),
                     "\\xff\\x9b" "1m \\xc2\\x9b" "2J \\xc0\\xaf \\xed\\xa0\\x80");
    ck_assert_str_eq(text_escape_n("a\0b", 3, out, sizeof out), "a\\x00b");
    /* cut at a whole escape: "ab" fits, "\x1b" (4 bytes) does not */
    ck_assert_str_eq(text_escape("ab\x1b", out, 6), "ab");
    ck_assert_str_eq(text_escape("ab\xD8\xAD", out, 4), "ab");
}
END_TEST

START_TEST(shorten_keeps_both_ends)
{
    char path[2001], out[256];
    memset(path, 'd', 2000);
    path[0] = '/';
    memcpy(path + 1990, "/skirmish!", 10);
    path[2000] = '\0';
    text_shorten(path, out, sizeof out);
    ck_assert_uint_eq(strlen(out), 255);
    ck_assert(strstr(out, "...") != NULL);
    ck_assert_int_eq(out[0], '/');
    ck_assert_str_eq(out + 245, "/skirmish!");
    text_shorten("short", out, sizeof out);
    ck_assert_str_eq(out, "short");
}
END_TEST

/* A scenario's own error text (with terminal escapes) comes out escaped,
 * and a file name too long for a Diag is shortened visibly, not cut. */
START_TEST(diagnostics_are_escaped)
{
    static Diags ds;
    memset(&ds, 0, sizeof ds);
    const char *src = "error('\\27]0;pwned\\7\\27[2J')\n";
    char name[1100];
    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    ck_assert_ptr_null(scenario_load_buffer(name, src, strlen(src), 1, &ds));
    ck_assert_int_ge(ds.n, 1);
    char line[DIAG_TEXT + 320];
    diag_format(&ds.items[0], line, sizeof line);
    ck_assert_msg(!has_byte(line, 0x1b) && !has_byte(line, 0x07), "raw control bytes in: %s", line);
    ck_assert_has(line, "\\x1b]0;pwned\\x07\\x1b[2J");
    ck_assert_has(line, "nnn...nnn");
}
END_TEST

/* ---- writing: through links, never over a device --------------------------- */

START_TEST(write_target_follows_links)
{
    char file[512], link[512], link2[512], out[4096], why[FILE_WHY];
    in_tmp(file, sizeof file, "game.save");
    in_tmp(link, sizeof link, "link.save");
    in_tmp(link2, sizeof link2, "link2.save");
    ck_assert_int_eq(symlink("game.save", link), 0);       /* relative: to the link's directory */
    ck_assert_int_eq(symlink(link, link2), 0);             /* a chain */
    ck_assert(file_write_target(link2, out, sizeof out, why, sizeof why));
    ck_assert_str_eq(out, file);                            /* dangling: the file it would create */
    ck_assert(file_write_target(file, out, sizeof out, why, sizeof why));
    ck_assert_str_eq(out, file);
    ck_assert(!file_write_target("/dev/null", out, sizeof out, why, sizeof why));
    ck_assert_str_eq(why, "it is a device, not a file (Emesa replaces only a regular file)");
    ck_assert(!file_write_target(tmpdir, out, sizeof out, why, sizeof why));
    ck_assert_has(why, "it is a directory, not a file");
    char devlink[512], loop[512];
    in_tmp(devlink, sizeof devlink, "null.save");
    ck_assert_int_eq(symlink("/dev/null", devlink), 0);
    ck_assert(!file_write_target(devlink, out, sizeof out, why, sizeof why));
    ck_assert_str_eq(why, "the link leads to /dev/null, which is a device, not a file (Emesa replaces only a "
                          "regular file)");
    in_tmp(loop, sizeof loop, "loop");
    ck_assert_int_eq(symlink("loop", loop), 0);
    ck_assert(!file_write_target(loop, out, sizeof out, why, sizeof why));
    ck_assert_has(why, "symbolic links in a row");
}
END_TEST

/* --save LINK writes the file the link names and leaves the link a link;
 * a save over a FIFO or a device is refused and it stays what it was. */
START_TEST(save_through_link_not_over_device)
{
    char file[512], link[512];
    in_tmp(file, sizeof file, "game.save");
    in_tmp(link, sizeof link, "link.save");
    tu_write_file(file, "old\n", 4);
    ck_assert_int_eq(symlink("game.save", link), 0);
    SaveError e;
    ck_assert(save_write_file(link, "new save\n", 9, &e));
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_int_eq(stat(file, &st), 0);
    ck_assert_int_eq(st.st_size, 9);
    /* Not /dev/null itself: with the bug, a test run as root would replace
     * the machine's. A FIFO of our own, and a null device when we may. */
    char fifo[512], null[512];
    in_tmp(fifo, sizeof fifo, "fifo");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    ck_assert(!save_write_file(fifo, "x\n", 2, &e));
    ck_assert_int_eq(e.status, SAVE_IO);
    ck_assert_has(e.msg, "cannot write the save: it is a FIFO (named pipe), not a file (Emesa replaces only a "
                         "regular file); nothing was written");
    ck_assert_int_eq(lstat(fifo, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    in_tmp(null, sizeof null, "null");
    if (mknod(null, S_IFCHR | 0666, makedev(1, 3)) == 0) {
        ck_assert(!save_write_file(null, "x\n", 2, &e));
        char msg[4096];
        save_error_format(&e, msg, sizeof msg);
        ck_assert_has(msg, "null: cannot write the save: it is a device, not a file (Emesa replaces only a "
                           "regular file); nothing was written");
        ck_assert_int_eq(lstat(null, &st), 0);
        ck_assert(S_ISCHR(st.st_mode));
    }
}
END_TEST

/* ---- loading: the checksum first, escaped lines, long paths ---------------- */

static char *fixture_save_text(size_t *len)
{
    char path[1200], why[FILE_WHY];
    snprintf(path, sizeof path, "%s/tests/fixtures/saves/skirmish-7.save", tu_src_dir());
    char *t = file_read(path, 1 << 20, len, why, sizeof why);
    ck_assert_msg(t != NULL, "%s: %s", path, why);
    return t;
}

/* The text with its scenario line replaced, and re-signed or not. */
static char *with_scenario_line(const char *text, const char *line, bool sign)
{
    const char *at = strstr(text, "\nscenario ");
    ck_assert_ptr_nonnull(at);
    at++;
    const char *eol = strchr(at, '\n');
    size_t head = (size_t)(at - text);
    char *out = malloc(strlen(text) + strlen(line) + 64);
    ck_assert_ptr_nonnull(out);
    memcpy(out, text, head);
    strcpy(out + head, line);
    strcat(out, eol);
    if (sign) {
        char *sum = strstr(out, "\nchecksum ");
        ck_assert_ptr_nonnull(sum);
        sum++;
        sprintf(sum, "checksum %016" PRIx64 "\n", save_checksum(out, (size_t)(sum - out)));
    }
    return out;
}

/* An altered save names a FIFO as its scenario: the verdict is the
 * checksum's, and the FIFO is never opened (it would block). */
START_TEST(checksum_before_scenario)
{
    size_t len;
    char *text = fixture_save_text(&len);
    char fifo[512], line[700];
    in_tmp(fifo, sizeof fifo, "scenario-fifo");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    snprintf(line, sizeof line, "scenario skirmish %s", fifo);
    char *bad = with_scenario_line(text, line, false);
    SaveLoadOptions o = { NULL, NULL, NULL, NULL };
    SaveError e;
    Session *s = NULL;
    time_t t0 = time(NULL);
    ck_assert_int_eq(save_load_buffer("altered.save", bad, strlen(bad), &o, &s, &e), SAVE_BAD);
    ck_assert_int_le(time(NULL) - t0, 1);
    ck_assert_ptr_null(s);
    ck_assert_str_eq(e.msg, "the file was altered or damaged after it was saved: its checksum does not match its "
                            "contents");
    free(bad);
    /* the same with a scenario that does not exist: nothing about it */
    bad = with_scenario_line(text, "scenario skirmish /no/such/scenario.lua", false);
    ck_assert_int_eq(save_load_buffer("altered.save", bad, strlen(bad), &o, &s, &e), SAVE_BAD);
    ck_assert_msg(strstr(e.msg, "scenario") == NULL, "the scenario was looked at: %s", e.msg);
    free(bad);
    /* re-signed, the FIFO is refused by the reader, at once */
    bad = with_scenario_line(text, line, true);
    ck_assert_int_eq(save_load_buffer("signed.save", bad, strlen(bad), &o, &s, &e), SAVE_SCENARIO);
    ck_assert_has(e.msg, "it is a FIFO (named pipe), not a file");
    free(bad);
    free(text);
}
END_TEST

START_TEST(save_lines_are_escaped)
{
    size_t len;
    char *text = fixture_save_text(&len);
    char *bad = with_scenario_line(text, "scenario skirmish tests/fixtures/saves/skirmish.lua\n\x1b]2;owned\x07\x1b[2J",
                                   true);
    SaveLoadOptions o = { tu_src_dir(), NULL, NULL, NULL };
    SaveError e;
    ck_assert_int_eq(save_load_buffer("esc.save", bad, strlen(bad), &o, NULL, &e), SAVE_BAD);
    char msg[4096];
    save_error_format(&e, msg, sizeof msg);
    ck_assert_msg(!has_byte(msg, 0x1b) && !has_byte(msg, 0x07), "raw control bytes in: %s", msg);
    ck_assert_has(msg, "esc.save:5: unknown line \"\\x1b]2;owned\\x07\\x1b[2J\"");
    free(bad);
    free(text);
}
END_TEST

/* A scenario path of 1,024 bytes or more cannot be recorded whole: it is
 * refused, saying so, in a save and when a game starts. */
START_TEST(long_scenario_path_refused)
{
    size_t len;
    char *text = fixture_save_text(&len);
    char line[1200] = "scenario skirmish /";
    size_t k = strlen(line);
    memset(line + k, 'p', 1100 - 1);
    line[k + 1099] = '\0';
    char *bad = with_scenario_line(text, line, true);
    SaveLoadOptions o = { NULL, NULL, NULL, NULL };
    SaveError e;
    ck_assert_int_eq(save_load_buffer("long.save", bad, strlen(bad), &o, NULL, &e), SAVE_BAD);
    ck_assert_str_eq(e.msg, "the scenario's path is 1100 bytes long; Emesa takes paths of up to 1023 bytes");
    free(bad);
    free(text);

    static Diags ds;
    memset(&ds, 0, sizeof ds);
    char name[1101];
    memset(name, 'q', 1100);
    name[1100] = '\0';
    ck_assert_ptr_null(session_new_buffer(name, "", 0, 1, &ds));
    ck_assert_int_eq(ds.n, 1);
    ck_assert_has(ds.items[0].msg, "the scenario's path is 1100 bytes long; Emesa takes paths of up to 1023 bytes");
    ck_assert_has(ds.items[0].file, "qqq...qqq");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("files");
    TCase *t = tcase_create("files");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 20);
    tcase_add_test(t, read_refuses_fifo_device_directory);
    tcase_add_test(t, read_is_whole_and_capped);
    tcase_add_test(t, long_comment_is_one_line);
    tcase_add_test(t, command_lines_and_comments);
    tcase_add_test(t, escape_control_bytes);
    tcase_add_test(t, shorten_keeps_both_ends);
    tcase_add_test(t, diagnostics_are_escaped);
    tcase_add_test(t, write_target_follows_links);
    tcase_add_test(t, save_through_link_not_over_device);
    tcase_add_test(t, checksum_before_scenario);
    tcase_add_test(t, save_lines_are_escaped);
    tcase_add_test(t, long_scenario_path_refused);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
