/* datadir.h - where the executable finds its read-only data (assets/,
 * scenarios/). */
#pragma once

/* The data directory: `flag` (--data-dir) when given, then
 * $EMESA_DATA_DIR, then the source tree when this executable is the one in
 * the build directory it was built in (an uninstalled build), then the
 * installed data directory: first the one beside the executable
 * (bindir/../share/emesa, so a staged or moved install works), then the
 * datadir meson was configured with. The returned string is static. */
const char *datadir_find(const char *flag);

/* The directory of the translations (LANG/LC_MESSAGES/emesa.mo): the
 * build's po/ for an uninstalled build, then the install's locale
 * directory beside the executable (bindir/../share/locale) when the data
 * directory is beside it too, then the localedir meson was configured
 * with. The returned string is static. */
const char *datadir_locale(void);
