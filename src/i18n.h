/* i18n.h - gettext for what the player or the command line reads: _("...")
 * translates a message, N_("...") marks one that is translated where it is
 * used. Event lines, saves and other data stay in English and are never
 * marked. The text domain is "emesa"; main() binds it (i18n_init). */
#pragma once

#ifdef EMESA_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)
