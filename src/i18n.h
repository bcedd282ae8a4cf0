/* i18n.h - gettext for what the player or the command line reads: _("...")
 * translates a message, N_("...") marks one that is translated where it is
 * used. Event lines, saves and other data stay in English and are never
 * marked. The text domain is "emesa"; main() binds it (i18n_init). */
#pragma once

#ifdef EMESA_NLS
#include <libintl.h>
/* gettext("") is the catalogue's header, never a message: _(names[i]) of
 * an empty entry stays empty. */
static inline __attribute__((format_arg(1))) const char *emesa_gettext(const char *s)
{
    return s[0] ? gettext(s) : s;
}
#define _(s) emesa_gettext(s)
/* C_("gate button", "Open"): a message whose translation depends on where
 * it stands (the verb on a button, not the gate's state); pgettext's way. */
static inline __attribute__((format_arg(2))) const char *emesa_pgettext(const char *ctx_msgid, const char *msgid)
{
    const char *t = gettext(ctx_msgid);
    return t == ctx_msgid ? msgid : t;
}
#define C_(ctx, s) emesa_pgettext(ctx "\004" s, s)
#else
#define _(s) (s)
#define C_(ctx, s) (s)
#endif
#define N_(s) (s)

/* Binds the "emesa" text domain to localedir: only LC_MESSAGES and
 * LC_CTYPE (the charset to write them in) follow the environment, so the
 * numbers of event lines, saves and CSV stay as C writes them. gettext
 * ignores LANGUAGE in the plain C locale; when it is set there, C.UTF-8
 * takes its place so that LANGUAGE=ar works anyway. main() and the window's
 * tools and tests (which have no main of ours) both call it. */
#ifdef EMESA_NLS
#include <locale.h>
#include <stdlib.h>
#include <string.h>
static inline void i18n_bind(const char *localedir)
{
    const char *m = setlocale(LC_MESSAGES, "");
    setlocale(LC_CTYPE, "");
    const char *lang = getenv("LANGUAGE");
    if (lang && *lang && (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0) && setlocale(LC_MESSAGES, "C.UTF-8"))
        setlocale(LC_CTYPE, "C.UTF-8");
    bindtextdomain("emesa", localedir);
    textdomain("emesa");
}
#else
static inline void i18n_bind(const char *localedir)
{
    (void)localedir;
}
#endif
