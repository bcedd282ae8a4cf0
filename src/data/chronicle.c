/* chronicle.c - following a scenario's recorded course of decisions. */
#include "data/chronicle.h"
#include <stdio.h>
#include <string.h>

const char *const chronicle_plan_words[] = { "sally", "storm", "feint", "hold", "pursue", "wait", "sortie", NULL };

int chronicle_plan_of(const Game *g, const char *order, int *gate)
{
    char word[32] = "", arg[64] = "";
    sscanf(order, "%31s %63s", word, arg);
    *gate = -1;
    if (!strcmp(word, "hold") || !strcmp(word, "wait"))
        return CHRONICLE_HOLD;
    if (!strcmp(word, "sortie"))
        return CHRONICLE_SORTIE;
    if (!strcmp(word, "pursue"))
        return CHRONICLE_STRIKE;
    if (!strcmp(word, "sally") || !strcmp(word, "storm") || !strcmp(word, "feint")) {
        for (int k = 0; k < g->ngates; k++)
            if (!strcmp(g->gates[k].id, arg))
                *gate = k;
        return word[0] == 'f' ? CHRONICLE_FEINT : CHRONICLE_STRIKE;
    }
    return CHRONICLE_COMMAND;
}

int chronicle_follow(Session *ss, ChronicleStep *steps, int max)
{
    Scenario *sc = session_scenario(ss);
    const ScenarioInfo *inf = scenario_info(sc);
    const Game *g = scenario_game(sc);
    if (g->mode != MODE_SIEGE)
        return 0;
    int turn = g->turn, side = g->active, n = 0;
    for (int i = 0; i < inf->nchronicle; i++) {
        const ScenarioChronicle *ch = &inf->chronicle[i];
        if (ch->turn != turn || ch->side != side)
            continue;
        g = scenario_game(sc);
        ChronicleStep st = {.entry = ch, .rations = -1};
        st.plan = chronicle_plan_of(g, ch->order, &st.gate);
        if (st.plan == CHRONICLE_COMMAND) {
            Command c;
            bool parsed = false;
            if (g->mode == MODE_OVER)
                snprintf(st.why, sizeof st.why, "the game is over");
            else if ((parsed = cmd_parse(g, ch->order, &c, st.why, sizeof st.why)))
                st.given = session_apply(ss, &c, st.why, sizeof st.why);
            /* Rations ordered are kept, also when they are so already. */
            if (parsed && c.type == CMD_RATIONS &&
                (st.given || scenario_game(sc)->siege.side[side].rations == c.arg))
                st.rations = c.arg;
        }
        if (n < max)
            steps[n] = st;
        n++;
    }
    return n;
}

void chronicle_format(const Game *g, const ChronicleStep *st, char *buf, size_t n)
{
    const ScenarioChronicle *ch = st->entry;
    /* rations the side is on already are kept: nothing went wrong */
    bool refused = st->plan == CHRONICLE_COMMAND && !st->given && st->rations < 0;
    snprintf(buf, n, "T%d chronicle %s: %s%s%s%s%s", ch->turn,
             (ch->side >= 0 && ch->side < g->nsides) ? g->sides[ch->side].id : "?", ch->order,
             ch->note[0] ? " - " : "", ch->note, refused ? " (not given: " : "", refused ? st->why : "");
    if (refused) {
        size_t len = strlen(buf);
        if (len + 1 < n) {
            buf[len] = ')';
            buf[len + 1] = '\0';
        }
    }
}
