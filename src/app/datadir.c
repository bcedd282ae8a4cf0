/* datadir.c - where the executable finds its read-only data. meson passes
 * EMESA_DATADIR (prefix/datadir/emesa), EMESA_DATADIR_FROM_BIN (the same,
 * relative to bindir; empty when either is absolute), EMESA_BUILD_ROOT and
 * EMESA_SOURCE_DIR. */
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
#if defined(EMESA_BUILD_ROOT) && defined(EMESA_SOURCE_DIR)
    char root[PATH_MAX];
    if (have_exe && realpath(EMESA_BUILD_ROOT, root) && strcmp(root, dir) == 0 && has_scenarios(EMESA_SOURCE_DIR))
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
