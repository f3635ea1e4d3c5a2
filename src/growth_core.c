/*-------------------------------------------------------------------------
 *
 * growth_core.c
 *	  The working state of the growth and share aggregates (pure C): finding
 *	  and adding periods, merging, windows, subtraction, scales, validation.
 *
 * Its forms outside an aggregate are in growth_format.c, 0.1's in
 * growth_compat.c, the calendar in calendar.c.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_growth.h"

#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;

/* ---- state ---- */

void
ts_gs_init(ts_growth_state *s, int capacity, ts_value_kind kind, int flags)
{
	/* vl_len is PostgreSQL's (the glue may have set it) */
	memset((char *) s + sizeof(s->vl_len), 0, TS_GS_HEADER_SIZE - sizeof(s->vl_len));
	s->version = TS_GS_WORKING;
	s->kind = (uint8_t) kind;
	s->flags = (uint8_t) flags;
	s->sorted = 1;
	s->capacity = capacity;
}

static inline uint32_t
period_hash(int32_t period)
{
	return (uint32_t) period * 2654435761u;
}

/* Index entry i in the hash index (it is not there yet). */
static inline void
hash_insert(ts_growth_state *s, int i)
{
	int32_t    *slots = ts_gs_slots(s);
	uint32_t	mask = (uint32_t) ts_gs_nslots(s->capacity) - 1;
	uint32_t	h;

	for (h = period_hash(s->entries[i].period) & mask; slots[h] != 0; h = (h + 1) & mask)
		;
	slots[h] = i + 1;
}

/* Build the hash index of every entry. */
static void
rehash(ts_growth_state *s)
{
	memset(ts_gs_slots(s), 0, (size_t) ts_gs_nslots(s->capacity) * sizeof(int32_t));
	for (int i = 0; i < s->nentries; i++)
	{
		ts_maybe_interrupt(i);
		hash_insert(s, i);
	}
}

void
ts_gs_copy(ts_growth_state *dst, const ts_growth_state *src)
{
	int32_t		capacity = dst->capacity;
	int32_t		vl_len = dst->vl_len;
	uint8_t		indexed = dst->indexed;

	memcpy(dst, src, TS_GS_HEADER_SIZE);
	dst->vl_len = vl_len;
	dst->capacity = capacity;
	dst->indexed = indexed;
	dst->last = 0;
	memcpy(dst->entries, src->entries, (size_t) src->nentries * sizeof(ts_growth_entry));
	for (int i = 0; i < dst->nentries; i++)
		dst->entries[i].pad = 0;
	if (!dst->sorted)
		rehash(dst);
}

/*
 * Sorted: periods are usually evenly spaced (months, days), so
 * interpolation finds the entry at the first probe, touching one cache line
 * where a binary search touches seven; irregular periods fall back to
 * binary search.  Unsorted: the hash index.
 */
int
ts_gs_find_slow(ts_growth_state *s, int32_t period)
{
	int			n = s->nentries;
	int			i;
	int32_t		first,
				last;

	if (!s->sorted)
	{
		int32_t    *slots = ts_gs_slots(s);
		uint32_t	mask = (uint32_t) ts_gs_nslots(s->capacity) - 1;

		for (uint32_t h = period_hash(period) & mask; slots[h] != 0; h = (h + 1) & mask)
		{
			if (s->entries[slots[h] - 1].period == period)
			{
				s->last = slots[h] - 1;
				return slots[h] - 1;
			}
		}
		return -n - 1;
	}
	if (n == 0)
		return -1;
	first = s->entries[0].period;
	last = s->entries[n - 1].period;
	if (period > last)
		return -n - 1;			/* appending: the usual new period */
	if (period < first)
		return -1;
	if (last > first)
	{
		int			guess = (int) (((int64_t) period - first) * (n - 1) /
								   ((int64_t) last - first));

		for (i = guess > 0 ? guess - 1 : 0; i <= guess + 1 && i < n; i++)
		{
			if (s->entries[i].period == period)
			{
				s->last = i;
				return i;
			}
		}
	}

	i = ts_search_last_le(s->entries, n, sizeof(ts_growth_entry),
						  offsetof(ts_growth_entry, period), period);
	if (i >= 0 && s->entries[i].period == period)
	{
		s->last = i;
		return i;
	}
	return -(i + 1) - 1;
}

ts_growth_entry *
ts_gs_entry(ts_growth_state *s, int32_t period)
{
	int			i = ts_gs_find(s, period);
	int			n = s->nentries;
	bool		was_sorted = s->sorted;
	ts_growth_entry *e;

	if (i >= 0)
		return &s->entries[i];
	if (n == s->capacity)
		return NULL;
	i = -i - 1;
	if (i < n && n - i > TS_GS_SHIFT_MAX)
	{
		/* far out of order: append, and find entries by hash from now on */
		if (!s->indexed)
			return NULL;
		s->sorted = 0;
		i = n;
	}
	e = &s->entries[i];
	if (i < n)
		memmove(e + 1, e, (size_t) (n - i) * sizeof(ts_growth_entry));
	memset(e, 0, sizeof(ts_growth_entry));
	e->period = period;
	s->nentries++;
	s->last = i;
	if (!s->sorted)
	{
		if (was_sorted)
			rehash(s);
		else
			hash_insert(s, i);
	}
	return e;
}

static int
entry_cmp(const void *a, const void *b)
{
	int32_t		pa = ((const ts_growth_entry *) a)->period;
	int32_t		pb = ((const ts_growth_entry *) b)->period;

	return (pa > pb) - (pa < pb);
}

void
ts_gs_sort(ts_growth_state *s)
{
	if (s->sorted)
		return;
	qsort(s->entries, (size_t) s->nentries, sizeof(ts_growth_entry), entry_cmp);
	s->sorted = 1;
	s->last = 0;
}

bool
ts_gs_rescale(ts_growth_state *s, int k)
{
	for (int i = 0; i < s->nentries; i++)
		if (!ts_int128_mul_pow10(&s->entries[i].total, k) ||
			!ts_int128_mul_pow10(&s->entries[i].part, k))
			return false;
	s->scale = (int8_t) (s->scale + k);
	return true;
}

bool
ts_gs_add_entry(ts_growth_entry *into, const ts_growth_entry *from)
{
	return !__builtin_add_overflow(into->count, from->count, &into->count) &&
		!__builtin_add_overflow(into->part_count, from->part_count,
								&into->part_count) &&
		!__builtin_add_overflow(into->total, from->total, &into->total) &&
		!__builtin_add_overflow(into->part, from->part, &into->part);
}

bool
ts_gs_merge(const ts_growth_state *a, const ts_growth_state *b,
			ts_growth_state *out)
{
	int			i = 0,
				j = 0,
				n = 0;
	int32_t		capacity = out->capacity;
	int32_t		vl_len = out->vl_len;
	uint8_t		indexed = out->indexed;

	memcpy(out, a, TS_GS_HEADER_SIZE);
	out->vl_len = vl_len;
	out->capacity = capacity;
	out->indexed = indexed;
	out->sorted = 1;
	while (i < a->nentries || j < b->nentries)
	{
		const ts_growth_entry *ea = i < a->nentries ? &a->entries[i] : NULL;
		const ts_growth_entry *eb = j < b->nentries ? &b->entries[j] : NULL;

		ts_maybe_interrupt(n);
		if (eb == NULL || (ea != NULL && ea->period < eb->period))
		{
			out->entries[n++] = *ea;
			i++;
		}
		else if (ea == NULL || eb->period < ea->period)
		{
			out->entries[n++] = *eb;
			j++;
		}
		else
		{
			out->entries[n] = *ea;
			if (!ts_gs_add_entry(&out->entries[n], eb))
				return false;
			n++;
			i++;
			j++;
		}
	}
	out->nentries = n;
	out->last = 0;
	return true;
}

bool
ts_gs_window(const ts_growth_state *s, int32_t from, int32_t to,
			 ts_window_sums *out)
{
	int			i = 0;

	memset(out, 0, sizeof(*out));
	/* sorted: from the first entry of the window to its end */
	if (s->sorted && from > INT32_MIN)
		i = ts_search_last_le(s->entries, s->nentries, sizeof(ts_growth_entry),
							  offsetof(ts_growth_entry, period), from - 1) + 1;
	for (; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
		if (e->period > to && s->sorted)
			break;
		if (e->period < from || e->period > to)
			continue;
		if (__builtin_add_overflow(out->count, e->count, &out->count) ||
			__builtin_add_overflow(out->part_count, e->part_count,
								   &out->part_count) ||
			__builtin_add_overflow(out->total, e->total, &out->total) ||
			__builtin_add_overflow(out->part, e->part, &out->part))
			return false;
	}
	return true;
}

bool
ts_gs_latest(const ts_growth_state *s, int32_t *period)
{
	if (s->nentries == 0)
		return false;
	*period = s->entries[s->nentries - 1].period;
	return true;
}

bool
ts_gs_sum_possible(ts_value_kind kind, ts_int128 sum, int64_t rows)
{
	ts_int128	row_min,
				row_max,
				lo,
				hi;

	switch (kind)
	{
		case TS_VAL_AMOUNT:
		case TS_VAL_INT8:
			row_min = INT64_MIN;
			row_max = INT64_MAX;
			break;
		case TS_VAL_FLOAT8:
			row_min = -TS_FLOAT8_MAX_MANTISSA;
			row_max = TS_FLOAT8_MAX_MANTISSA;
			break;
		default:
			return true;
	}
	/* a bound beyond 128 bits holds for every sum */
	if (!__builtin_mul_overflow(row_min, (ts_int128) rows, &lo) && sum < lo)
		return false;
	if (!__builtin_mul_overflow(row_max, (ts_int128) rows, &hi) && sum > hi)
		return false;
	return true;
}

/*
 * What one period's counts and sums can be, whoever made them: rows are
 * counted, the part's rows are some of them, and the part's sum is the sum
 * of those rows, so when every row is a part row the part's sum is the
 * whole sum, and without part rows it is zero.  The part's rows and the
 * others each sum to what so many rows can (ts_gs_sum_possible).  NULL
 * when consistent.
 */
const char *
ts_gs_entry_check(const ts_growth_state *s, const ts_growth_entry *e)
{
	ts_int128	rest;

	if (e->count < 1 || e->part_count < 0 || e->part_count > e->count)
		return "bad row counts";
	if (!(s->flags & TS_GS_PART) && (e->part_count != 0 || e->part != 0))
		return "part sums without part";
	if (e->part_count == 0 && e->part != 0)
		return "a part sum without part rows";
	if (e->part_count == e->count && e->part != e->total)
		return "a part of every row whose sum is not the whole sum";
	if (__builtin_sub_overflow(e->total, e->part, &rest) ||
		!ts_gs_sum_possible(s->kind, e->part, e->part_count) ||
		!ts_gs_sum_possible(s->kind, rest, e->count - e->part_count))
		return "a sum larger than its rows allow";
	return NULL;
}

const char *
ts_gs_validate(const ts_growth_state *s)
{
	int32_t		entry;

	return ts_gs_validate_at(s, &entry);
}

const char *
ts_gs_validate_at(const ts_growth_state *s, int32_t *entry)
{
	bool		periods = (s->flags & TS_GS_PERIODS) != 0;

	*entry = TS_GS_NO_ENTRY;

	if (s->version != TS_GS_WORKING)
		return "unknown state version";
	if (!s->sorted)
		return "periods are not in ascending order";
	if (s->kind < TS_VAL_AMOUNT || s->kind > TS_VAL_FLOAT8)
		return "unknown value kind";
	if ((s->flags & ~TS_GS_ALL_FLAGS) != 0)
		return "unknown flags";
	if ((s->flags & TS_GS_AS_OF) && !periods)
		return "as_of without periods";
	if (!(s->flags & TS_GS_AS_OF) && s->as_of != 0)
		return "as_of set without its flag";
	if ((s->flags & TS_GS_AS_OF) &&
		(s->as_of < TS_MIN_PERIOD || s->as_of > TS_MAX_PERIOD))
		return "as_of is outside the years 1 to 9999";
	if ((s->flags & TS_GS_YEAR_START) && !periods)
		return "a year start without periods";
	if ((s->flags & TS_GS_YEAR_START) ?
		(s->year_start < 2 || s->year_start > 12) : s->year_start != 0)
		return "a year start month other than 2 to 12 with its flag, 0 without";
	if (s->nentries < 0 || s->nentries > s->capacity)
		return "bad number of periods";
	if (!periods && s->nentries > 1)
		return "several entries without periods";

	switch (s->kind)
	{
		case TS_VAL_AMOUNT:
			{
				const ts_currency *cur = ts_currency_by_key(s->currency);

				if (s->currency == TS_NO_CURRENCY)
				{
					if (s->nentries > 0 || s->scale != 0)
						return "amounts without a currency";
				}
				else if (cur == NULL)
					return "unknown currency";
				else if (s->scale != cur->minor_units)
					return "scale does not match the currency";
				break;
			}
		case TS_VAL_NUMERIC:
			if (s->currency != 0 || s->scale < 0 || s->scale > TS_NUMERIC_MAX_SCALE)
				return "bad scale or currency for numeric values";
			break;
		default:
			if (s->currency != 0 || s->scale != 0)
				return "bad scale or currency";
			break;
	}

	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
		*entry = i;
		if (periods)
		{
			if (e->period < TS_MIN_PERIOD || e->period > TS_MAX_PERIOD)
				return "a period is outside the years 1 to 9999";
			if (i > 0 && e->period <= s->entries[i - 1].period)
				return "periods are not in ascending order";
		}
		else if (e->period != 0)
			return "a period without periods";
		{
			const char *bad = ts_gs_entry_check(s, e);

			if (bad)
				return bad;
		}
	}
	*entry = TS_GS_NO_ENTRY;
	return NULL;
}

/* ---- subtraction and canonical scale ---- */

const char *
ts_gs_subtract(ts_growth_state *a, const ts_growth_state *b, int32_t *period)
{
	int			i = 0,
				n = 0;

	*period = TS_GS_NO_ENTRY;
	if (a->scale != b->scale)
		return "the scales differ";
	for (int j = 0; j < b->nentries; j++)
	{
		const ts_growth_entry *eb = &b->entries[j];
		ts_growth_entry *ea;

		*period = eb->period;

		/* keep the entries of a before eb's period */
		while (i < a->nentries && a->entries[i].period < eb->period)
			a->entries[n++] = a->entries[i++];
		if (i == a->nentries || a->entries[i].period != eb->period)
			return "a period the other does not hold";
		ea = &a->entries[i++];
		if (ea->count < eb->count || ea->part_count < eb->part_count)
			return "more rows in a period than the other holds";
		ea->count -= eb->count;
		ea->part_count -= eb->part_count;
		if (__builtin_sub_overflow(ea->total, eb->total, &ea->total) ||
			__builtin_sub_overflow(ea->part, eb->part, &ea->part))
			return "sums the other cannot hold";
		if (ea->count == 0 && (ea->total != 0 || ea->part != 0))
			return "sums the other cannot hold";
		if (ea->count > 0)
		{
			if (ts_gs_entry_check(a, ea) != NULL)
				return "sums the other cannot hold";
			a->entries[n++] = *ea;
		}
	}
	while (i < a->nentries)
		a->entries[n++] = a->entries[i++];
	a->nentries = n;
	a->last = 0;
	*period = TS_GS_NO_ENTRY;
	return NULL;
}

/* Trailing decimal zeros of v, at most max (v = 0 has any number). */
static int
trailing_zeros(ts_int128 v, int max)
{
	int			k = 0;

	if (v == 0)
		return max;
	while (k < max && v % 10 == 0)
	{
		v /= 10;
		k++;
	}
	return k;
}

int
ts_gs_reducible_scale(const ts_growth_state *s)
{
	int			k = s->scale;

	if (s->kind != TS_VAL_NUMERIC)
		return 0;
	for (int i = 0; i < s->nentries && k > 0; i++)
	{
		k = trailing_zeros(s->entries[i].total, k);
		k = trailing_zeros(s->entries[i].part, k);
	}
	return k;
}

void
ts_gs_reduce_scale(ts_growth_state *s, int k)
{
	ts_int128	p = 1;

	if (k <= 0)
		return;
	for (int i = 0; i < k; i++)
		p *= 10;
	for (int i = 0; i < s->nentries; i++)
	{
		ts_maybe_interrupt(i);
		s->entries[i].total /= p;
		s->entries[i].part /= p;
	}
	s->scale = (int8_t) (s->scale - k);
}

