/* event.c - event names. */
#include "event.h"

static const char *const NAMES[EV_COUNT] = {
    "turn", "phase", "move", "battle", "impulse", "combat", "loss", "retreat",
    "rout", "eliminated", "rally", "leader-lost", "battle-end", "capture",
    "morale", "message", "arrival", "game-over", "gate", "weather", "supply",
    "theatre", "arrival-news", "counter-siege", "news", "dispersal", "surrender", "assault", "order",
    "terms-refused",
    "wall",
};

const char *event_type_name(EventType t)
{
    return (t >= 0 && t < EV_COUNT) ? NAMES[t] : "unknown";
}
