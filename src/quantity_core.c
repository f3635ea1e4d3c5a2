/*-------------------------------------------------------------------------
 *
 * quantity_core.c
 *	  Pure C: the sums of values and quantities by commodity and period
 *	  behind the quantity measures (ts_quantity.h).
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "ts_quantity.h"

static int
cmp_entry(const void *a, const void *b)
{
	const ts_qty_entry *x = (const ts_qty_entry *) a;
	const ts_qty_entry *y = (const ts_qty_entry *) b;

	if (x->commodity != y->commodity)
		return x->commodity < y->commodity ? -1 : 1;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return 0;
}

bool
ts_qty_compact(ts_qty_entry *e, int *n)
{
	int			out = 0;

	if (*n <= 1)
		return true;
	qsort(e, (size_t) *n, sizeof(ts_qty_entry), cmp_entry);
	for (int i = 1; i < *n; i++)
	{
		ts_maybe_interrupt(i);
		if (cmp_entry(&e[out], &e[i]) == 0)
		{
			if (__builtin_add_overflow(e[out].value, e[i].value, &e[out].value) ||
				__builtin_add_overflow(e[out].qty, e[i].qty, &e[out].qty) ||
				__builtin_add_overflow(e[out].rows, e[i].rows, &e[out].rows))
				return false;
		}
		else
			e[++out] = e[i];
	}
	*n = out + 1;
	return true;
}

bool
ts_qty_rescale(ts_qty_entry *e, int n, bool qty, int k)
{
	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (!ts_int128_mul_pow10(qty ? &e[i].qty : &e[i].value, k))
			return false;
	}
	return true;
}

bool
ts_qty_window(const ts_qty_entry *e, int n, int32_t commodity, int32_t from,
			  int32_t to, ts_int128 *value, ts_int128 *qty, int64_t *rows)
{
	ts_int128	v = 0,
				q = 0;
	int64_t		r = 0;

	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (e[i].commodity != commodity || e[i].period < from || e[i].period > to)
			continue;
		if (__builtin_add_overflow(v, e[i].value, &v) ||
			__builtin_add_overflow(q, e[i].qty, &q) ||
			__builtin_add_overflow(r, e[i].rows, &r))
			return false;
	}
	*value = v;
	*qty = q;
	*rows = r;
	return true;
}

bool
ts_qty_window_all(const ts_qty_entry *e, int n, int ncommodities, int32_t from,
				  int32_t to, ts_int128 *value, ts_int128 *qty, int64_t *rows)
{
	for (int c = 0; c < ncommodities; c++)
	{
		value[c] = 0;
		qty[c] = 0;
		rows[c] = 0;
	}
	for (int i = 0; i < n; i++)
	{
		int32_t		c = e[i].commodity;

		ts_maybe_interrupt(i);
		if (e[i].period < from || e[i].period > to)
			continue;
		if (c < 0 || c >= ncommodities ||
			__builtin_add_overflow(value[c], e[i].value, &value[c]) ||
			__builtin_add_overflow(qty[c], e[i].qty, &qty[c]) ||
			__builtin_add_overflow(rows[c], e[i].rows, &rows[c]))
			return false;
	}
	return true;
}

int32_t
ts_qty_latest(const ts_qty_entry *e, int n)
{
	int32_t		latest = INT32_MIN;

	for (int i = 0; i < n; i++)
		if (e[i].period > latest)
			latest = e[i].period;
	return latest;
}
