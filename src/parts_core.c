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

bool
ts_parts_sum_squares(const ts_int128 *v, int n, ts_int128 *sum)
{
	ts_int128	s = 0;

	for (int i = 0; i < n; i++)
	{
		ts_int128	sq;

		ts_maybe_interrupt(i);
		if (__builtin_mul_overflow(v[i], v[i], &sq) ||
			__builtin_add_overflow(s, sq, &s))
			return false;
	}
	*sum = s;
	return true;
}

/* Restore the min-heap h[0..k-1] below position i. */
static void
heap_sift_down(ts_int128 *h, int k, int i)
{
	for (;;)
	{
		int			l = 2 * i + 1,
					r = l + 1,
					m = i;
		ts_int128	t;

		if (l < k && h[l] < h[m])
			m = l;
		if (r < k && h[r] < h[m])
			m = r;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

bool
ts_parts_top_sum(const ts_int128 *v, int n, int k, ts_int128 *heap, ts_int128 *sum)
{
	if (k >= n)
		return ts_parts_sum(v, n, sum);
	if (k <= 0)
	{
		*sum = 0;
		return true;
	}
	/* the k largest in a min-heap: one pass, no sort */
	for (int i = 0; i < k; i++)
		heap[i] = v[i];
	for (int i = k / 2 - 1; i >= 0; i--)
		heap_sift_down(heap, k, i);
	for (int i = k; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (v[i] > heap[0])
		{
			heap[0] = v[i];
			heap_sift_down(heap, k, 0);
		}
	}
	return ts_parts_sum(heap, k, sum);
}
