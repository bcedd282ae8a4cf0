/* rng.h - PCG32 random number generator as a plain value.
 *
 * The rules stream lives in the game state; a second, cosmetic stream is
 * kept beside it for anything that must never change the game (animation
 * jitter). Same seed, same numbers, on every machine. */
#pragma once
#include <stdint.h>

typedef struct Rng {
    uint64_t state;
    uint64_t inc;
} Rng;

/* Seed a generator. `stream` selects an independent sequence for the same
 * seed (the rules and cosmetic streams use different ones). */
void rng_seed(Rng *r, uint64_t seed, uint64_t stream);
/* Next 32 uniformly distributed bits. */
uint32_t rng_next(Rng *r);
/* Uniform integer in [0, n); n must be > 0. Unbiased (rejection). */
uint32_t rng_below(Rng *r, uint32_t n);
/* A die roll: uniform integer in [1, sides]. */
int rng_roll(Rng *r, int sides);
