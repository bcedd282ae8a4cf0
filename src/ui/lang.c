/* lang.c - the window's language: the Settings choice (the system's,
 * English or Arabic) handed to gettext, and whether the window's text runs
 * right to left. main() bound the text domain (i18n_init); this only
 * changes LANGUAGE, which gettext reads at each call, and tells gettext to
 * look its catalogues up again. Event lines and saves stay in English. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "ui/internal.h"

static bool saved, had_language, rtl;
static char system_language[256];

/* The core's words for the weather and the rations, which the window shows
 * through _(weather_name(w)) and _(rations_name(r)): the core stays English
 * (event lines and saves use them), these put them in the catalogue. */
const char *const ui_core_words[] = { N_("mild"), N_("cold"), N_("rain"), N_("frost"), N_("full"), N_("half"), N_("expel") };

const char *const ui_lang_names[UI_LANG_COUNT] = { N_("System"), "English", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9" };

void ui_lang_apply(UiApp *a)
{
    if (!saved) {   /* what the environment said, for "System" */
        const char *l = getenv("LANGUAGE");
        had_language = l != NULL;
        snprintf(system_language, sizeof system_language, "%s", l ? l : "");
        saved = true;
    }
    int lang = a->set.language;
    const char *want = lang == UI_LANG_ENGLISH ? "en" : lang == UI_LANG_ARABIC ? "ar" : system_language;
    if (*want)
        setenv("LANGUAGE", want, 1);
    else if (!had_language)
        unsetenv("LANGUAGE");
#ifdef EMESA_NLS
    /* gettext ignores LANGUAGE in the plain C locale (see i18n_init) */
    const char *m = setlocale(LC_MESSAGES, NULL);
    if (*want && m && (strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0) && setlocale(LC_MESSAGES, "C.UTF-8"))
        setlocale(LC_CTYPE, "C.UTF-8");
    textdomain(textdomain(NULL));   /* forget the catalogue looked up so far */
#endif
    /* TRANSLATORS: write "default:RTL" if your language is written from
       right to left (the window then mirrors its text), else leave it. */
    rtl = strcmp(_("default:LTR"), "default:RTL") == 0;
    if (a->text)
        text_set_rtl(a->text, rtl);
}

void ui_lang_bind(const char *localedir)
{
    /* as main()'s i18n_init, for the tools and tests that make a window
     * without main() */
    i18n_bind(localedir);
}

const char *ui_ar(const char *en, const char *ar)
{
    return rtl && ar && ar[0] ? ar : en;
}

bool ui_rtl(const UiApp *a)
{
    (void)a;
    return rtl;
}

/* The x of a box of width w placed at x in the area [x0, x0 + aw): itself
 * left to right, its mirror right to left. */
int ui_mirror_x(const UiApp *a, int x, int w, int x0, int aw)
{
    return ui_rtl(a) ? x0 + aw - (x - x0) - w : x;
}
