/* batch_stats.h - figures for a batch of games: shares with their
 * intervals and the median. */
#pragma once

/* The Wilson score interval of a share of k successes in n trials at the
 * normal quantile z (1.96 for 95 %): *lo and *hi in 0..1. n == 0 gives
 * 0..1. */
void batch_wilson(int k, int n, double z, double *lo, double *hi);
/* The median of n whole numbers (sorts v in place): the middle one, or
 * the mean of the two middle ones. 0 for n == 0. */
double batch_median(int *v, int n);
