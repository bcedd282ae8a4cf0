/* settings.c - the player's settings, kept in settings.ini under SDL's
 * pref path. Unknown lines are ignored; bad values fall back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/file.h"
#include "i18n.h"
#include "ui/internal.h"

enum { SETTINGS_MAX_BYTES = 64 << 10 };

void settings_default(Settings *s)
{
    s->scale_pct = 100;
    s->fullscreen = false;
    s->high_contrast = false;
    s->width = 1280;
    s->height = 800;
    s->ai_level = 2;
    s->opponent = OPP_COMPUTER;
    s->side = 0;
    s->ai_pace = AI_PACE_NORMAL;
    s->language = UI_LANG_SYSTEM;
}

const char *const settings_pace_names[AI_PACE_COUNT] = { N_("Instant"), N_("Fast"), N_("Normal"), N_("Slow") };
static const uint32_t pace_step[AI_PACE_COUNT] = { 0, 35, 90, 180 };
static const uint32_t pace_command[AI_PACE_COUNT] = { 0, 15, 40, 200 };
static const uint32_t pace_turn[AI_PACE_COUNT] = { 0, 100, 250, 800 };

uint32_t settings_pace_step_ms(const Settings *s)
{
    return pace_step[s->ai_pace >= 0 && s->ai_pace < AI_PACE_COUNT ? s->ai_pace : AI_PACE_NORMAL];
}

uint32_t settings_pace_delay_ms(const Settings *s, bool end_of_turn)
{
    int p = s->ai_pace >= 0 && s->ai_pace < AI_PACE_COUNT ? s->ai_pace : AI_PACE_NORMAL;
    return end_of_turn ? pace_turn[p] : pace_command[p];
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

bool settings_load(Settings *s, const char *pref_dir)
{
    settings_default(s);
    if (!pref_dir || !*pref_dir)
        return false;
    char path[1200];
    snprintf(path, sizeof path, "%ssettings.ini", pref_dir);
    size_t len;
    char why[FILE_WHY];
    char *text = file_read(path, SETTINGS_MAX_BYTES, &len, why, sizeof why);   /* never a FIFO or a device */
    if (!text)
        return false;
    TextLines tl;
    text_lines_init(&tl, text, len);
    const char *l;
    size_t ll;
    while (text_lines_next(&tl, &l, &ll)) {
        char line[600], key[64];
        int v;
        if (ll >= sizeof line)
            continue;   /* no setting is that long */
        snprintf(line, sizeof line, "%.*s", (int)ll, l);
        char *val = NULL;
        if (strncmp(line, "font", 4) == 0 && (val = strstr(line, " = ")) != NULL) {
            val += 3;
            val[strcspn(val, "\r\n")] = 0;
            if (strncmp(line, "font_bold ", 10) == 0)
                snprintf(s->font_bold, sizeof s->font_bold, "%s", val);
            else if (strncmp(line, "font ", 5) == 0)
                snprintf(s->font, sizeof s->font, "%s", val);
            continue;
        }
        if (sscanf(line, " %63[a-z_] = %d", key, &v) != 2)
            continue;
        if (strcmp(key, "scale") == 0)
            s->scale_pct = clampi(v, 100, 300);
        else if (strcmp(key, "fullscreen") == 0)
            s->fullscreen = v != 0;
        else if (strcmp(key, "high_contrast") == 0)
            s->high_contrast = v != 0;
        else if (strcmp(key, "width") == 0)
            s->width = clampi(v, 640, 7680);
        else if (strcmp(key, "height") == 0)
            s->height = clampi(v, 480, 4320);
        else if (strcmp(key, "ai_level") == 0)
            s->ai_level = clampi(v, 1, 3);
        else if (strcmp(key, "opponent") == 0)
            s->opponent = clampi(v, OPP_COMPUTER, OPP_COUNT - 1);
        else if (strcmp(key, "side") == 0)
            s->side = clampi(v, 0, 1);
        else if (strcmp(key, "ai_pace") == 0)
            s->ai_pace = clampi(v, AI_PACE_INSTANT, AI_PACE_COUNT - 1);
        else if (strcmp(key, "language") == 0)
            s->language = clampi(v, UI_LANG_SYSTEM, UI_LANG_COUNT - 1);
    }
    free(text);
    return true;
}

bool settings_save(const Settings *s, const char *pref_dir)
{
    if (!pref_dir || !*pref_dir)
        return false;
    char path[1200], tmp[1210];
    snprintf(path, sizeof path, "%ssettings.ini", pref_dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return false;
    fprintf(f,
            "# Emesa window settings\nscale = %d\nfullscreen = %d\nhigh_contrast = %d\nwidth = %d\nheight = %d\n"
            "# the menu's last choice: opponent 0 the computer, 1 a second player, 2 computer against computer, 3 the chronicle\n"
            "ai_level = %d\nopponent = %d\nside = %d\n"
            "# the computer's moves played out: 0 instant, 1 fast, 2 normal, 3 slow\nai_pace = %d\n"
            "# the window's language: 0 the system's (the locale), 1 English, 2 Arabic\nlanguage = %d\n",
            s->scale_pct, s->fullscreen ? 1 : 0, s->high_contrast ? 1 : 0, s->width, s->height, s->ai_level, s->opponent,
            s->side, s->ai_pace, s->language);
    if (s->font[0])
        fprintf(f, "# the fonts fontconfig found (asked again if they go)\nfont = %s\n", s->font);
    if (s->font_bold[0])
        fprintf(f, "font_bold = %s\n", s->font_bold);
    bool ok = fclose(f) == 0;
    return ok && rename(tmp, path) == 0;
}
