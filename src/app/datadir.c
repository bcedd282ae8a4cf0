/* datadir.c - where the executable finds its read-only data. meson passes
 * EMESA_DATADIR (prefix/datadir/emesa), EMESA_DATADIR_FROM_BIN (the same,
 * relative to bindir; empty when either is absolute), the same two for the
 * localedir (EMESA_LOCALEDIR, EMESA_LOCALEDIR_FROM_BIN), EMESA_BUILD_ROOT
 * and EMESA_SOURCE_DIR. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "datadir.h"
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EMESA_DATADIR
#define EMESA_DATADIR "/usr/local/share/emesa"
#endif
#ifndef EMESA_DATADIR_FROM_BIN
#define EMESA_DATADIR_FROM_BIN ""
#endif
#ifndef EMESA_LOCALEDIR
#define EMESA_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef EMESA_LOCALEDIR_FROM_BIN
#define EMESA_LOCALEDIR_FROM_BIN ""
#endif

/* A data directory is one with a scenarios/ folder. */
static bool has_scenarios(const char *dir)
{
    char p[PATH_MAX + 16];
    struct stat st;
    snprintf(p, sizeof p, "%s/scenarios", dir);
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory this executable is in (resolved), or false. */
static bool exe_dir(char *out, size_t n)
{
    char buf[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (len <= 0)
        return false;
    buf[len] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return false;
    *slash = '\0';
    snprintf(out, n, "%s", buf[0] ? buf : "/");
    return true;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* This executable is the one in the build directory (never installed). */
static bool uninstalled(const char *exe)
{
#ifdef EMESA_BUILD_ROOT
    char root[PATH_MAX];
    return realpath(EMESA_BUILD_ROOT, root) && strcmp(root, exe) == 0;
#else
    (void)exe;
    return false;
#endif
}

const char *datadir_find(const char *flag)
{
    static char found[PATH_MAX + 64];
    if (flag)
        return flag;
    const char *env = getenv("EMESA_DATA_DIR");
    if (env && *env)
        return env;
    char dir[PATH_MAX];
    bool have_exe = exe_dir(dir, sizeof dir);
#ifdef EMESA_SOURCE_DIR
    if (have_exe && uninstalled(dir) && has_scenarios(EMESA_SOURCE_DIR))
        return EMESA_SOURCE_DIR;
#endif
    if (have_exe && EMESA_DATADIR_FROM_BIN[0]) {
        snprintf(found, sizeof found, "%s/%s", dir, EMESA_DATADIR_FROM_BIN);
        char real[PATH_MAX];
        if (realpath(found, real) && has_scenarios(real)) {
            snprintf(found, sizeof found, "%s", real);
            return found;
        }
    }
#ifdef EMESA_SOURCE_DIR
    /* no /proc: a build that was never installed still runs from its tree */
    if (!have_exe && !has_scenarios(EMESA_DATADIR) && has_scenarios(EMESA_SOURCE_DIR))
        return EMESA_SOURCE_DIR;
#endif
    return EMESA_DATADIR;
}

const char *datadir_locale(void)
{
    static char found[PATH_MAX + 64];
    char dir[PATH_MAX];
    if (!exe_dir(dir, sizeof dir))
        return EMESA_LOCALEDIR;
#ifdef EMESA_BUILD_ROOT
    if (uninstalled(dir))
        return EMESA_BUILD_ROOT "/po";
#endif
    /* beside the executable only when its data is there too: a whole
     * install staged or moved, not a binary copied next to another share/ */
    char data[PATH_MAX + 64], real[PATH_MAX];
    snprintf(data, sizeof data, "%s/%s", dir, EMESA_DATADIR_FROM_BIN);
    if (EMESA_LOCALEDIR_FROM_BIN[0] && EMESA_DATADIR_FROM_BIN[0] && has_scenarios(data)) {
        snprintf(found, sizeof found, "%s/%s", dir, EMESA_LOCALEDIR_FROM_BIN);
        if (realpath(found, real) && is_dir(real)) {
            snprintf(found, sizeof found, "%s", real);
            return found;
        }
    }
    return EMESA_LOCALEDIR;
}
