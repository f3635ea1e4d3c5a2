/*-------------------------------------------------------------------------
 *
 * ts_quantity.h
 *	  Pure C core of the quantity measures (quantity_core.c): sums of
 *	  values and quantities by commodity and period, the same-period
 *	  windows over them.  No PostgreSQL headers.
 *
 * Values and quantities are integer mantissas at their state's scales
 * (minor units of an amount, a numeric's digits); periods are DateADT.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TS_QUANTITY_H
#define TS_QUANTITY_H

#include "ts_core.h"

/*
 * rows before the 128-bit sums, in what would be their alignment's padding:
 * 48 bytes an entry, not 64 (the indices' transition touches one a row).
 */
typedef struct ts_qty_entry
{
	int32_t		commodity;		/* index into the state's commodities */
	int32_t		period;			/* DateADT; 0 where no period is given */
	int64_t		rows;
	ts_int128	value;
	ts_int128	qty;
} ts_qty_entry;

/*
 * Sort entries by commodity and period and merge those of one key; *n
 * becomes the number of distinct keys.  False on overflow.
 */
extern bool ts_qty_compact(ts_qty_entry *e, int *n);

/* Multiply the values (qty false) or quantities (qty true) by 10^k. */
extern bool ts_qty_rescale(ts_qty_entry *e, int n, bool qty, int k);

/*
 * The sums of one commodity's entries with from <= period <= to; false on
 * overflow.  *rows is 0 when no entry falls into the window.
 */
extern bool ts_qty_window(const ts_qty_entry *e, int n, int32_t commodity,
						  int32_t from, int32_t to, ts_int128 *value,
						  ts_int128 *qty, int64_t *rows);

/*
 * The sums of each commodity's entries with from <= period <= to, into
 * value[c], qty[c] and rows[c] for c < ncommodities (zeroed first): one
 * pass over the entries.  False on overflow or an entry of another
 * commodity number.
 */
extern bool ts_qty_window_all(const ts_qty_entry *e, int n, int ncommodities,
							  int32_t from, int32_t to, ts_int128 *value,
							  ts_int128 *qty, int64_t *rows);

/* The latest period of the entries, or INT32_MIN when there are none. */
extern int32_t ts_qty_latest(const ts_qty_entry *e, int n);

/*
 * An exact sum of quotients, as numeric computes and adds them: each term
 * round(a * b, dscale) / c with numeric_div's result scale and rounding
 * (half away from zero), the sum at the largest of their scales.  The
 * integer is unsigned, in 32-bit limbs, least significant first.
 *
 * A term whose a * b fits in 128 bits and c in 64, at a scale of at most
 * TS_QTY_DEC_CHUNKS * 18 decimals (the common one), is divided in decimal
 * instead, 18 digits a step, and summed apart: an integer part and decimal
 * chunks.  The two parts are added exactly when the sum is read
 * (ts_qty_quot_sum_text).
 */
#define TS_QTY_SUM_LIMBS 16
#define TS_QTY_DEC_CHUNKS 4

typedef struct ts_qty_quot_sum
{
	int			scale;			/* decimals of sum */
	int			nlimbs;			/* limbs in use */
	uint32_t	limb[TS_QTY_SUM_LIMBS];
	int			dec_scale;		/* largest scale of the decimal terms; -1: none */
	unsigned __int128 dec_int;	/* their integer parts' sum */
	uint64_t	dec_frac[TS_QTY_DEC_CHUNKS];	/* their decimals, 18 a chunk,
												 * each < 10^18, first the
												 * first 18 decimals */
} ts_qty_quot_sum;

/* An empty sum: 0 with no decimals, as numeric's 0. */
extern void ts_qty_quot_sum_init(ts_qty_quot_sum *s);

/*
 * Add the term (a * b rounded to dscale decimals) / c (c > 0) as numeric
 * does: round(a::numeric * b, dscale) / c::numeric, the quotient to the
 * scale numeric_div selects (at least 16 significant digits, at least
 * dscale), rounded half away from zero; the sum exact.  False when a term
 * or the sum does not fit (the sum is then left unspecified).
 */
extern bool ts_qty_quot_sum_add(ts_qty_quot_sum *s, unsigned __int128 a,
								unsigned __int128 b, unsigned __int128 c,
								int dscale);

/*
 * The same without the decimal division: each term in limbs.  For the unit
 * tests, which compare the two.
 */
extern bool ts_qty_quot_sum_add_limbs(ts_qty_quot_sum *s, unsigned __int128 a,
									  unsigned __int128 b, unsigned __int128 c,
									  int dscale);

/*
 * The sum as plain decimal text with exactly s->scale decimals ("12.50",
 * "0.000"), into buf of len bytes; the length, or -1 when it does not fit.
 */
extern int	ts_qty_quot_sum_text(const ts_qty_quot_sum *s, char *buf, int len);

#endif							/* TS_QUANTITY_H */
