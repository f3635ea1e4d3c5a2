/*-------------------------------------------------------------------------
 *
 * growth_core.c
 *	  Calendar arithmetic and the per-period aggregate state of the growth
 *	  and share measures, with its binary and text forms (pure C).
 *
 *-------------------------------------------------------------------------
 */
#include "ts_growth.h"

#include <stdio.h>
#include <string.h>

typedef unsigned __int128 u128;

/* DateADT counts days from 2000-01-01, which is day 10957 from 1970-01-01. */
#define UNIX_TO_PG_DAYS 10957

/* ---- calendar (proleptic Gregorian, as PostgreSQL) ---- */

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return (m == 2 && is_leap(y)) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 of a civil date (y, m, d). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= (m <= 2);
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era,
				doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int32_t
clamp_date(int64_t days)
{
	if (days < INT32_MIN + 1)
		return INT32_MIN + 1;
	if (days > INT32_MAX - 1)
		return INT32_MAX - 1;
	return (int32_t) days;
}

int32_t
ts_date_from_ymd(int64_t y, int m, int d)
{
	return clamp_date(days_from_civil(y, m, d) - UNIX_TO_PG_DAYS);
}

void
ts_date_to_ymd(int32_t date, int64_t *y, int *m, int *d)
{
	civil_from_days((int64_t) date + UNIX_TO_PG_DAYS, y, m, d);
}

int32_t
ts_date_minus_years(int32_t date, int n)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	y -= n;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return ts_date_from_ymd(y, m, d);
}

int32_t
ts_date_minus_months(int32_t date, int n)
{
	int64_t		y,
				months;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	months = y * 12 + (m - 1) - n;
	y = floor_div(months, 12);
	m = (int) (months - y * 12) + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return ts_date_from_ymd(y, m, d);
}

int32_t
ts_date_year_start(int32_t date)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	return ts_date_from_ymd(y, 1, 1);
}

int32_t
ts_date_month_start(int32_t date)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	return ts_date_from_ymd(y, m, 1);
}

/* ---- state ---- */

void
ts_gs_init(ts_growth_state *s, int capacity, ts_value_kind kind, int flags)
{
	memset(s, 0, TS_GS_SIZE(0));
	s->version = TS_GS_VERSION;
	s->kind = (uint8_t) kind;
	s->flags = (uint8_t) flags;
	s->capacity = capacity;
}

/*
 * Periods are usually evenly spaced (months, days), so interpolation finds
 * the entry at the first probe, touching one cache line where a binary
 * search touches seven; irregular periods fall back to binary search.
 */
int
ts_gs_find_slow(ts_growth_state *s, int32_t period)
{
	int			n = s->nentries;
	int			i;
	int32_t		first,
				last;

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
ts_gs_insert(ts_growth_state *s, int index, int32_t period)
{
	ts_growth_entry *e = &s->entries[index];

	memmove(e + 1, e, (size_t) (s->nentries - index) * sizeof(ts_growth_entry));
	memset(e, 0, sizeof(ts_growth_entry));
	e->period = period;
	s->nentries++;
	s->last = index;
	return e;
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

	memcpy(out, a, TS_GS_SIZE(0));
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
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
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

/*
 * What one period's counts and sums can be, whoever made them: rows are
 * counted, the part's rows are some of them, and the part's sum is the sum
 * of those rows, so when every row is a part row the part's sum is the
 * whole sum, and without part rows it is zero.  Amounts and bigints add at
 * most 2^63 a row, to the part and to the rest.  NULL when consistent.
 */
static const char *
entry_check(const ts_growth_state *s, const ts_growth_entry *e)
{
	if (e->count < 1 || e->part_count < 0 || e->part_count > e->count)
		return "bad row counts";
	if (!(s->flags & TS_GS_PART) && (e->part_count != 0 || e->part != 0))
		return "part sums without part";
	if (e->part_count == 0 && e->part != 0)
		return "a part sum without part rows";
	if (e->part_count == e->count && e->part != e->total)
		return "a part of every row whose sum is not the whole sum";
	if (s->kind == TS_VAL_AMOUNT || s->kind == TS_VAL_INT8)
	{
		ts_int128	rest;

		if (__builtin_sub_overflow(e->total, e->part, &rest) ||
			ts_magnitude128(e->part) > ((u128) e->part_count << 63) ||
			ts_magnitude128(rest) > ((u128) (e->count - e->part_count) << 63))
			return "a sum larger than its rows allow";
	}
	return NULL;
}

const char *
ts_gs_validate(const ts_growth_state *s)
{
	bool		periods = (s->flags & TS_GS_PERIODS) != 0;

	if (s->version != TS_GS_VERSION)
		return "unknown state version";
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
			const char *bad = entry_check(s, e);

			if (bad)
				return bad;
		}
	}
	return NULL;
}

/* ---- binary form ---- */

#define GS_HEADER_BYTES 15
#define GS_ENTRY_BYTES 52

static void
put32(uint8_t **p, uint32_t v)
{
	for (int i = 3; i >= 0; i--)
		*(*p)++ = (uint8_t) (v >> (8 * i));
}

static void
put64(uint8_t **p, uint64_t v)
{
	for (int i = 7; i >= 0; i--)
		*(*p)++ = (uint8_t) (v >> (8 * i));
}

static void
put128(uint8_t **p, ts_int128 v)
{
	u128		u = (u128) v;

	put64(p, (uint64_t) (u >> 64));
	put64(p, (uint64_t) u);
}

static uint32_t
get32(const uint8_t **p)
{
	uint32_t	v = 0;

	for (int i = 0; i < 4; i++)
		v = (v << 8) | *(*p)++;
	return v;
}

static uint64_t
get64(const uint8_t **p)
{
	uint64_t	v = 0;

	for (int i = 0; i < 8; i++)
		v = (v << 8) | *(*p)++;
	return v;
}

static ts_int128
get128(const uint8_t **p)
{
	u128		hi = get64(p);
	u128		lo = get64(p);

	return (ts_int128) ((hi << 64) | lo);
}

size_t
ts_gs_encoded_size(const ts_growth_state *s)
{
	return GS_HEADER_BYTES + (size_t) s->nentries * GS_ENTRY_BYTES;
}

void
ts_gs_encode(const ts_growth_state *s, uint8_t *buf)
{
	uint8_t    *p = buf;
	const ts_currency *cur = ts_currency_by_key(s->currency);

	*p++ = s->version;
	*p++ = s->kind;
	*p++ = s->flags;
	*p++ = (uint8_t) s->scale;
	if (cur)
		memcpy(p, cur->code, 3);
	else
		memset(p, 0, 3);
	p += 3;
	put32(&p, (uint32_t) s->as_of);
	put32(&p, (uint32_t) s->nentries);
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
		put32(&p, (uint32_t) e->period);
		put64(&p, (uint64_t) e->count);
		put64(&p, (uint64_t) e->part_count);
		put128(&p, e->total);
		put128(&p, e->part);
	}
}

const char *
ts_gs_decode_count(const uint8_t *buf, size_t len, int32_t *nentries)
{
	const uint8_t *p = buf + GS_HEADER_BYTES - 4;
	uint32_t	n;

	if (len < GS_HEADER_BYTES)
		return "too short";
	n = get32(&p);
	if (n > (len - GS_HEADER_BYTES) / GS_ENTRY_BYTES ||
		len != GS_HEADER_BYTES + (size_t) n * GS_ENTRY_BYTES)
		return "length does not match the number of periods";
	*nentries = (int32_t) n;
	return NULL;
}

const char *
ts_gs_decode(const uint8_t *buf, size_t len, ts_growth_state *out)
{
	const uint8_t *p = buf;
	int32_t		n;
	const char *err = ts_gs_decode_count(buf, len, &n);

	if (err)
		return err;
	ts_gs_init(out, n, TS_VAL_AMOUNT, 0);
	out->version = *p++;
	out->kind = *p++;
	out->flags = *p++;
	out->scale = (int8_t) *p++;
	if (p[0] != 0 || p[1] != 0 || p[2] != 0)
	{
		const ts_currency *cur = ts_currency_exact((const char *) p, 3);

		if (cur == NULL)
			return "unknown currency";
		out->currency = ts_currency_key_from_code(cur->code);
	}
	p += 3;
	out->as_of = (int32_t) get32(&p);
	out->nentries = (int32_t) get32(&p);
	for (int i = 0; i < n; i++)
	{
		ts_growth_entry *e = &out->entries[i];

		ts_maybe_interrupt(i);
		e->period = (int32_t) get32(&p);
		e->pad = 0;
		e->count = (int64_t) get64(&p);
		e->part_count = (int64_t) get64(&p);
		e->total = get128(&p);
		e->part = get128(&p);
	}
	return ts_gs_validate(out);
}

/* ---- text form ---- */

static const char *const kind_names[] = {NULL, "amount", "numeric", "bigint", "double"};


static int
format_date(int32_t date, char *buf)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	return sprintf(buf, "%04lld-%02d-%02d", (long long) y, m, d);
}

size_t
ts_gs_text_size(const ts_growth_state *s)
{
	/* header ~60; an entry: date 12, two int64 20 each, two int128 41 each */
	return 80 + (size_t) s->nentries * 140;
}

void
ts_gs_format(const ts_growth_state *s, char *buf)
{
	const ts_currency *cur = ts_currency_by_key(s->currency);
	char	   *p = buf;

	p += sprintf(p, "(%s,%d,%d,%s,", kind_names[s->kind], s->flags, s->scale,
				 cur ? cur->code : "");
	if (s->flags & TS_GS_AS_OF)
		p += format_date(s->as_of, p);
	p += sprintf(p, ")[");
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
		if (i > 0)
			*p++ = ';';
		if (s->flags & TS_GS_PERIODS)
			p += format_date(e->period, p);
		else
			*p++ = '*';
		p += sprintf(p, ":%lld:", (long long) e->count);
		p += ts_int128_to_text(e->total, p);
		p += sprintf(p, ":%lld:", (long long) e->part_count);
		p += ts_int128_to_text(e->part, p);
	}
	strcpy(p, "]");
}

const char *
ts_gs_parse_count(const char *str, int32_t *nentries)
{
	const char *p = strchr(str, '[');
	int32_t		n = 0;

	if (p == NULL)
		return "no '['";
	if (p[1] == ']')
	{
		*nentries = 0;
		return NULL;
	}
	n = 1;
	for (p++; *p; p++)
	{
		if (*p == ';')
		{
			if (n == INT32_MAX / 2)
				return "too many periods";
			n++;
		}
	}
	*nentries = n;
	return NULL;
}


static bool
parse_int64(const char **pp, int64_t *out)
{
	ts_int128	v;

	if (!ts_int128_parse(pp, &v) || v < INT64_MIN || v > INT64_MAX)
		return false;
	*out = (int64_t) v;
	return true;
}

/* YYYY-MM-DD with a year of 1 or more; false if malformed. */
static bool
parse_date(const char **pp, int32_t *out)
{
	const char *p = *pp;
	int64_t		y = 0;
	int			m = 0,
				d = 0,
				digits = 0;

	while (*p >= '0' && *p <= '9' && digits < 5)
	{
		y = y * 10 + (*p++ - '0');
		digits++;
	}
	if (digits < 4 || y < 1 || y > 9999 || *p++ != '-')
		return false;
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' || p[2] != '-')
		return false;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	p += 3;
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return false;
	d = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*out = ts_date_from_ymd(y, m, d);
	*pp = p;
	return true;
}

const char *
ts_gs_parse(const char *str, ts_growth_state *out)
{
	const char *p = str;
	int32_t		n;
	int64_t		num;
	int			kind = 0;
	const char *err = ts_gs_parse_count(str, &n);

	if (err)
		return err;
	ts_gs_init(out, n, TS_VAL_AMOUNT, 0);

	if (*p++ != '(')
		return "no '('";
	for (int k = 1; k <= 4; k++)
	{
		size_t		len = strlen(kind_names[k]);

		if (strncmp(p, kind_names[k], len) == 0 && p[len] == ',')
		{
			kind = k;
			p += len + 1;
			break;
		}
	}
	if (kind == 0)
		return "unknown value kind";
	out->kind = (uint8_t) kind;
	if (!parse_int64(&p, &num) || num < 0 || num > TS_GS_ALL_FLAGS || *p++ != ',')
		return "bad flags";
	out->flags = (uint8_t) num;
	if (!parse_int64(&p, &num) || num < 0 || num > TS_NUMERIC_MAX_SCALE || *p++ != ',')
		return "bad scale";
	out->scale = (int8_t) num;
	if (*p != ',')
	{
		const ts_currency *cur = ts_currency_at_start(p);

		if (cur == NULL)
			return "unknown currency";
		out->currency = ts_currency_key_from_code(cur->code);
		p += 3;
	}
	if (*p++ != ',')
		return "bad currency";
	if (*p != ')')
	{
		if (!(out->flags & TS_GS_AS_OF) || !parse_date(&p, &out->as_of))
			return "bad as_of date";
	}
	else if (out->flags & TS_GS_AS_OF)
		return "no as_of date";
	if (*p++ != ')' || *p++ != '[')
		return "bad header";

	for (int i = 0; i < n; i++)
	{
		ts_growth_entry *e = &out->entries[i];

		ts_maybe_interrupt(i);
		memset(e, 0, sizeof(*e));
		if (i > 0 && *p++ != ';')
			return "bad separator";
		if (*p == '*')
		{
			if (out->flags & TS_GS_PERIODS)
				return "'*' in a state with periods";
			e->period = 0;
			p++;
		}
		else if (!(out->flags & TS_GS_PERIODS) || !parse_date(&p, &e->period))
			return "bad period";
		if (*p++ != ':' || !parse_int64(&p, &e->count) || *p++ != ':' ||
			!ts_int128_parse(&p, &e->total) || *p++ != ':' ||
			!parse_int64(&p, &e->part_count) || *p++ != ':' ||
			!ts_int128_parse(&p, &e->part))
			return "bad period sums";
	}
	out->nentries = n;
	if (*p++ != ']' || *p != '\0')
		return "trailing characters";
	return ts_gs_validate(out);
}

/* ---- subtraction and canonical scale ---- */

const char *
ts_gs_subtract(ts_growth_state *a, const ts_growth_state *b)
{
	int			i = 0,
				n = 0;

	if (a->scale != b->scale)
		return "the scales differ";
	for (int j = 0; j < b->nentries; j++)
	{
		const ts_growth_entry *eb = &b->entries[j];
		ts_growth_entry *ea;

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
			if (entry_check(a, ea) != NULL)
				return "sums the other cannot hold";
			a->entries[n++] = *ea;
		}
	}
	while (i < a->nentries)
		a->entries[n++] = a->entries[i++];
	a->nentries = n;
	a->last = 0;
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

/* ---- packed form (format 2) ---- */

static ts_int128
pow10_128(int k)
{
	ts_int128	p = 1;

	for (int i = 0; i < k; i++)
		p *= 10;
	return p;
}

static u128
zigzag(ts_int128 v)
{
	return ((u128) v << 1) ^ (u128) (v >> 127);
}

static ts_int128
unzigzag(u128 z)
{
	return (ts_int128) ((z >> 1) ^ ((u128) 0 - (z & 1)));
}

static size_t
varint_size(u128 v)
{
	size_t		n = 1;

	while (v >= 0x80)
	{
		v >>= 7;
		n++;
	}
	return n;
}

static uint8_t *
put_varint(uint8_t *p, u128 v)
{
	while (v >= 0x80)
	{
		*p++ = (uint8_t) (v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t) v;
	return p;
}

/*
 * Read a minimal varint of at most 'bits' bits; false if bad.  The first
 * nine bytes (63 bits, every count and period and most sums) are gathered
 * in 64-bit arithmetic.
 */
static inline bool
get_varint(const uint8_t **pp, const uint8_t *end, int bits, u128 *out)
{
	const uint8_t *p = *pp;
	uint64_t	v64 = 0;
	u128		v = 0;
	int			shift = 0;

	for (;;)
	{
		uint8_t		b;

		if (p >= end || shift >= bits)
			return false;
		b = *p++;
		if (shift > 0 && b == 0)
			return false;		/* not minimal */
		if (shift + 7 > bits && (b & 0x7f) >> (bits - shift) != 0)
			return false;		/* too large */
		if (shift < 63)
			v64 |= (uint64_t) (b & 0x7f) << shift;
		else
		{
			if (shift == 63)
				v = v64;
			v |= (u128) (b & 0x7f) << shift;
		}
		shift += 7;
		if (!(b & 0x80))
			break;
	}
	*pp = p;
	*out = shift <= 63 ? (u128) v64 : v;
	return true;
}

size_t
ts_gs_packed_size(const ts_growth_state *s)
{
	bool		periods = (s->flags & TS_GS_PERIODS) != 0;
	bool		part = (s->flags & TS_GS_PART) != 0;
	ts_int128	div = pow10_128(ts_gs_reducible_scale(s));
	size_t		size = 4 + (s->kind == TS_VAL_AMOUNT ? 3 : 0);

	if (s->flags & TS_GS_AS_OF)
		size += varint_size(zigzag(s->as_of));
	size += varint_size((u128) s->nentries);
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
		if (periods)
			size += varint_size(i == 0 ? zigzag(e->period) :
								(u128) ((int64_t) e->period - s->entries[i - 1].period));
		size += varint_size((u128) e->count);
		size += varint_size(zigzag(e->total / div));
		if (part)
			size += varint_size((u128) e->part_count) +
				varint_size(zigzag(e->part / div));
	}
	return size;
}

size_t
ts_gs_pack(const ts_growth_state *s, uint8_t *buf)
{
	bool		periods = (s->flags & TS_GS_PERIODS) != 0;
	bool		part = (s->flags & TS_GS_PART) != 0;
	int			k = ts_gs_reducible_scale(s);
	ts_int128	div = pow10_128(k);
	uint8_t    *p = buf;

	*p++ = TS_GS_PACKED_VERSION;
	*p++ = s->kind;
	*p++ = s->flags;
	*p++ = (uint8_t) (s->scale - k);
	if (s->kind == TS_VAL_AMOUNT)
	{
		const ts_currency *cur = ts_currency_by_key(s->currency);

		if (cur)
			memcpy(p, cur->code, 3);
		else
			memset(p, 0, 3);
		p += 3;
	}
	if (s->flags & TS_GS_AS_OF)
		p = put_varint(p, zigzag(s->as_of));
	p = put_varint(p, (u128) s->nentries);
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];

		ts_maybe_interrupt(i);
		if (periods)
			p = put_varint(p, i == 0 ? zigzag(e->period) :
						   (u128) ((int64_t) e->period - s->entries[i - 1].period));
		p = put_varint(p, (u128) e->count);
		p = put_varint(p, zigzag(e->total / div));
		if (part)
		{
			p = put_varint(p, (u128) e->part_count);
			p = put_varint(p, zigzag(e->part / div));
		}
	}
	return (size_t) (p - buf);
}

/*
 * The header of a packed state, up to the number of entries.  The number is
 * bounded by the bytes left (an entry takes at least two), so a caller can
 * allocate for it safely.
 */
static const char *
unpack_header(const uint8_t **pp, const uint8_t *end, ts_growth_state *out,
			  int32_t *nentries)
{
	const uint8_t *p = *pp;
	u128		v;
	int64_t		as_of;

	if (end - p < 4)
		return "too short";
	if (p[0] != TS_GS_PACKED_VERSION)
		return "unknown format version";
	out->kind = p[1];
	out->flags = p[2];
	out->scale = (int8_t) p[3];
	p += 4;
	if (out->kind < TS_VAL_AMOUNT || out->kind > TS_VAL_FLOAT8)
		return "unknown value kind";
	if (out->flags & ~TS_GS_ALL_FLAGS)
		return "unknown flags";
	if (p[-1] > TS_NUMERIC_MAX_SCALE)
		return "bad scale";
	if (out->kind == TS_VAL_AMOUNT)
	{
		if (end - p < 3)
			return "too short";
		if (p[0] != 0 || p[1] != 0 || p[2] != 0)
		{
			const ts_currency *cur = ts_currency_by_code((const char *) p, 3);

			if (cur == NULL || memcmp(p, cur->code, 3) != 0)
				return "unknown currency";
			out->currency = ts_currency_key_from_code(cur->code);
		}
		p += 3;
	}
	if (out->flags & TS_GS_AS_OF)
	{
		if (!get_varint(&p, end, 33, &v))
			return "bad as_of";
		as_of = (int64_t) unzigzag(v);
		/* checked before narrowing: a wrapped value could pass as a date */
		if (as_of < TS_MIN_PERIOD || as_of > TS_MAX_PERIOD)
			return "as_of is outside the years 1 to 9999";
		out->as_of = (int32_t) as_of;
	}
	if (!get_varint(&p, end, 32, &v) || v > (u128) (end - p) / 2)
		return "bad number of entries";
	*nentries = (int32_t) v;
	*pp = p;
	return NULL;
}

const char *
ts_gs_unpack_count(const uint8_t *buf, size_t len, int32_t *nentries)
{
	ts_growth_state hdr;
	const uint8_t *p = buf;

	memset(&hdr, 0, sizeof(hdr));
	return unpack_header(&p, buf + len, &hdr, nentries);
}

/*
 * Entry i of a packed state whose header is hdr, into e; *period carries the
 * period from one entry to the next.  Checks what ts_gs_validate checks of
 * an entry, the order of periods included.
 */
static const char *
unpack_entry(const uint8_t **pp, const uint8_t *end, const ts_growth_state *hdr,
			 int i, int64_t *period, ts_growth_entry *e)
{
	bool		part = (hdr->flags & TS_GS_PART) != 0;
	u128		v;

	memset(e, 0, sizeof(*e));
	if (hdr->flags & TS_GS_PERIODS)
	{
		if (!get_varint(pp, end, i == 0 ? 33 : 32, &v))
			return "bad period";
		if (i == 0)
			*period = (int64_t) unzigzag(v);
		else if (v == 0)
			return "periods are not in ascending order";
		else
			*period += (int64_t) v;
		if (*period < TS_MIN_PERIOD || *period > TS_MAX_PERIOD)
			return "a period is outside the years 1 to 9999";
		e->period = (int32_t) *period;
	}
	if (!get_varint(pp, end, 63, &v))
		return "bad row count";
	e->count = (int64_t) v;
	if (!get_varint(pp, end, 128, &v))
		return "bad sum";
	e->total = unzigzag(v);
	if (part)
	{
		if (!get_varint(pp, end, 63, &v))
			return "bad row count";
		e->part_count = (int64_t) v;
		if (!get_varint(pp, end, 128, &v))
			return "bad sum";
		e->part = unzigzag(v);
	}
	if (e->count < 1 || e->part_count < 0 || e->part_count > e->count)
		return "bad row counts";
	if (e->part_count == 0 && e->part != 0)
		return "a part sum without part rows";
	if ((hdr->kind == TS_VAL_AMOUNT || hdr->kind == TS_VAL_INT8) &&
		(ts_magnitude128(e->total) > ((u128) e->count << 63) ||
		 ts_magnitude128(e->part) > ((u128) e->part_count << 63)))
		return "a sum larger than its rows allow";
	return NULL;
}

const char *
ts_gs_unpack(const uint8_t *buf, size_t len, ts_growth_state *out)
{
	const uint8_t *p = buf;
	const uint8_t *end = buf + len;
	int32_t		n;
	const char *err;
	int64_t		period = 0;

	ts_gs_init(out, 0, TS_VAL_AMOUNT, 0);
	err = unpack_header(&p, end, out, &n);
	if (err)
		return err;
	out->capacity = n;
	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		err = unpack_entry(&p, end, out, i, &period, &out->entries[i]);
		if (err)
			return err;
		out->nentries = i + 1;
	}
	if (p != end)
		return "trailing bytes";
	if (ts_gs_reducible_scale(out) != 0)
		return "the scale is not canonical";
	return ts_gs_validate(out);
}

ts_gs_add_result
ts_gs_add_packed(ts_growth_state *a, const uint8_t *buf, size_t len,
				 int32_t *room, const char **err)
{
	const uint8_t *p = buf;
	const uint8_t *end = buf + len;
	ts_growth_state hdr;
	int32_t		n;
	int64_t		period = 0;

	ts_gs_init(&hdr, 0, TS_VAL_AMOUNT, 0);
	*err = unpack_header(&p, end, &hdr, &n);
	if (*err)
		return TS_GS_ADD_INVALID;
	if (hdr.kind != a->kind || hdr.flags != a->flags || hdr.scale != a->scale ||
		hdr.currency != a->currency || hdr.as_of != a->as_of)
		return TS_GS_ADD_DIFFERENT;
	if (a->capacity - a->nentries < n)
	{
		*room = n;
		return TS_GS_ADD_ROOM;
	}
	for (int i = 0; i < n; i++)
	{
		ts_growth_entry e;
		int			j;

		ts_maybe_interrupt(i);
		*err = unpack_entry(&p, end, &hdr, i, &period, &e);
		if (*err)
			return TS_GS_ADD_INVALID;
		j = ts_gs_find(a, e.period);
		if (j < 0)
			ts_gs_insert(a, j = -j - 1, e.period);
		if (!ts_gs_add_entry(&a->entries[j], &e))
			return TS_GS_ADD_OVERFLOW;
	}
	if (p != end)
	{
		*err = "trailing bytes";
		return TS_GS_ADD_INVALID;
	}
	return TS_GS_ADD_OK;
}
