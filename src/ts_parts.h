/*-------------------------------------------------------------------------
 *
 * ts_parts.h
 *	  Pure C core of the measures over a group's parts (parts_core.c):
 *	  concentration (hhi, cr) and top N with others.  No PostgreSQL headers.
 *
 * A part's value is an integer mantissa: a currency_amount's minor units,
 * or a numeric's decimal digits at the group's common scale.  Shares are
 * ratios of mantissas, so the scale cancels out.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TS_PARTS_H
#define TS_PARTS_H

#include "ts_core.h"

/* A part: its mantissa, its label (NULL for none) and its input position. */
typedef struct ts_part
{
	ts_int128	value;
	const char *label;
	int			pos;
} ts_part;

/*
 * Sort parts largest value first; ties by label in byte order (as
 * COLLATE "C"), a NULL label after every label; then by input position.
 * A total order, so that the result never depends on the sort algorithm.
 */
extern void ts_parts_sort(ts_part *parts, int n);

/* v[i] *= 10^k for each of n mantissas; false on overflow (v is then undefined). */
extern bool ts_parts_rescale(ts_int128 *v, int n, int k);

/* The sum of n mantissas; false on overflow. */
extern bool ts_parts_sum(const ts_int128 *v, int n, ts_int128 *sum);

/*
 * The sum of the squares of n mantissas; false when a square or the sum
 * does not fit in 128 bits (the caller then sums in numeric).
 */
extern bool ts_parts_sum_squares(const ts_int128 *v, int n, ts_int128 *sum);

/*
 * The sum of the k largest of n mantissas (all of them when k >= n), in
 * one pass through a min-heap of k: heap has room for min(k, n) of them.
 * False on overflow.
 */
extern bool ts_parts_top_sum(const ts_int128 *v, int n, int k, ts_int128 *heap,
							 ts_int128 *sum);

#endif							/* TS_PARTS_H */
