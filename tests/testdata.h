/* testdata.h - fixtures of the tests that load scenario text (check-data,
 * check-datasiege, check-modding): loading, the problems found, turns. */
#pragma once
#include <check.h>
#include "data/scenario.h"

/* The problems of the last td_load*() call. */
extern Diags td_ds;
/* The text it loaded (base and extra). */
extern char td_text[8192];

/* Loads base followed by extra as "t.lua" with seed 7 and limits lim (NULL:
 * the defaults); NULL and the problems in td_ds if it does not load. */
Scenario *td_load(const char *base, const char *extra, const ScenarioLimits *lim);
/* Loads src as it is, as "t.lua" with seed 7. */
Scenario *td_load_text(const char *src);
/* rel under the source tree (EMESA_SOURCE_DIR, or "."); one static buffer. */
char *td_path_of(const char *rel);
/* The first problem whose formatted text contains `what`, or NULL. */
const Diag *td_find_diag(const char *what);
/* Prints the problems to stderr. */
void td_dump_diags(void);
/* Ends n turns of both sides (fewer if the game ends first). */
void td_end_turns(Scenario *s, int n);

/* Asserts a problem containing `what` on `line`. */
#define ck_assert_diag(what, want_line)                                                      \
    do {                                                                                     \
        const Diag *d_ = td_find_diag(what);                                                 \
        if (!d_)                                                                             \
            td_dump_diags();                                                                 \
        ck_assert_msg(d_ != NULL, "no problem mentioning \"%s\"", what);                     \
        ck_assert_int_eq(d_->line, want_line);                                               \
    } while (0)
