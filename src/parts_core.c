/*-------------------------------------------------------------------------
 *
 * parts_core.c
 *	  Pure C: the arithmetic of the measures over a group's parts (hhi, cr,
 *	  top N with others) on integer mantissas (ts_parts.h).
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "ts_parts.h"

static int
cmp_part(const void *a, const void *b)
{
	const ts_part *x = (const ts_part *) a;
	const ts_part *y = (const ts_part *) b;
	int			c;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	if (x->label != NULL && y->label != NULL)
	{
		c = strcmp(x->label, y->label);
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	else if (x->label != NULL || y->label != NULL)
		return x->label != NULL ? -1 : 1;
	return x->pos < y->pos ? -1 : (x->pos > y->pos);
}

void
ts_parts_sort(ts_part *parts, int n)
{
	if (n > 1)
		qsort(parts, (size_t) n, sizeof(ts_part), cmp_part);
}

bool
ts_parts_rescale(ts_int128 *v, int n, int k)
{
	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (!ts_int128_mul_pow10(&v[i], k))
			return false;
	}
	return true;
}

bool
ts_parts_sum(const ts_int128 *v, int n, ts_int128 *sum)
{
	ts_int128	s = 0;

	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (__builtin_add_overflow(s, v[i], &s))
			return false;
	}
	*sum = s;
	return true;
}

static int
cmp_desc(const void *a, const void *b)
{
	ts_int128	x = *(const ts_int128 *) a;
	ts_int128	y = *(const ts_int128 *) b;

	return x > y ? -1 : (x < y);
}

bool
ts_parts_top_sum(ts_int128 *v, int n, int k, ts_int128 *sum)
{
	if (k < n)
		qsort(v, (size_t) n, sizeof(ts_int128), cmp_desc);
	return ts_parts_sum(v, k < n ? k : n, sum);
}
