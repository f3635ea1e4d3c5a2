/*-------------------------------------------------------------------------
 *
 * growth_format.c
 *	  The forms a growth_state takes outside an aggregate (pure C): its text
 *	  form, and the packed binary form (format 2) that is stored and sent,
 *	  with the in-place addition of a packed state that rollup() uses.
 *
 * 0.1's fixed-width binary form (format 1) is in growth_compat.c.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_growth.h"

#include <stdio.h>
#include <string.h>

typedef unsigned __int128 u128;

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
	if (s->flags & TS_GS_YEAR_START)
		p += sprintf(p, ",%d", (int) s->year_start);
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
	if (m < 1 || m > 12 || d < 1 || d > ts_days_in_month(y, m))
		return false;
	*out = ts_date_from_ymd(y, m, d);
	*pp = p;
	return true;
}

const char *
ts_gs_parse(const char *str, ts_growth_state *out)
{
	int32_t		entry;

	return ts_gs_parse_at(str, out, &entry);
}

const char *
ts_gs_parse_at(const char *str, ts_growth_state *out, int32_t *entry)
{
	const char *p = str;
	int32_t		n;
	int64_t		num;
	int			kind = 0;
	const char *err = ts_gs_parse_count(str, &n);

	*entry = TS_GS_NO_ENTRY;
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
	if (*p != ')' && *p != ',')
	{
		if (!(out->flags & TS_GS_AS_OF) || !parse_date(&p, &out->as_of))
			return "bad as_of date";
	}
	else if (out->flags & TS_GS_AS_OF)
		return "no as_of date";
	if (out->flags & TS_GS_YEAR_START)
	{
		if (*p++ != ',' || !parse_int64(&p, &num) || num < 2 || num > 12)
			return "bad year start month";
		out->year_start = (int32_t) num;
	}
	if (*p++ != ')' || *p++ != '[')
		return "bad header";

	for (int i = 0; i < n; i++)
	{
		ts_growth_entry *e = &out->entries[i];

		ts_maybe_interrupt(i);
		memset(e, 0, sizeof(*e));
		if (i > 0 && *p++ != ';')
			return "bad separator";
		*entry = i;
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
	*entry = TS_GS_NO_ENTRY;
	out->nentries = n;
	if (*p++ != ']' || *p != '\0')
		return "trailing characters";
	return ts_gs_validate_at(out, entry);
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
	if (s->flags & TS_GS_YEAR_START)
		size++;
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
	if (s->flags & TS_GS_YEAR_START)
		*p++ = (uint8_t) s->year_start;
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
	if (out->flags & TS_GS_YEAR_START)
	{
		if (end - p < 1 || p[0] < 2 || p[0] > 12)
			return "bad year start month";
		out->year_start = *p++;
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
	return ts_gs_entry_check(hdr, e);
}

const char *
ts_gs_unpack(const uint8_t *buf, size_t len, ts_growth_state *out)
{
	int32_t		entry;

	return ts_gs_unpack_at(buf, len, out, &entry);
}

const char *
ts_gs_unpack_at(const uint8_t *buf, size_t len, ts_growth_state *out,
				int32_t *entry)
{
	const uint8_t *p = buf;
	const uint8_t *end = buf + len;
	int32_t		n;
	const char *err;
	int64_t		period = 0;

	*entry = TS_GS_NO_ENTRY;
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
		{
			*entry = i;
			return err;
		}
		out->nentries = i + 1;
	}
	if (p != end)
		return "trailing bytes";
	if (ts_gs_reducible_scale(out) != 0)
		return "the scale is not canonical";
	return ts_gs_validate_at(out, entry);
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
		hdr.currency != a->currency || hdr.as_of != a->as_of ||
		hdr.year_start != a->year_start)
		return TS_GS_ADD_DIFFERENT;
	if (a->capacity - a->nentries < n)
	{
		*room = n;
		return TS_GS_ADD_ROOM;
	}
	if (!a->indexed && n > 0 && a->nentries > 0)
	{
		/* in order, the first period comes after a's last */
		const uint8_t *q = p;
		u128		v;

		if (!(hdr.flags & TS_GS_PERIODS) || !get_varint(&q, end, 33, &v) ||
			(int64_t) unzigzag(v) <= a->entries[a->nentries - 1].period)
			return TS_GS_ADD_INDEX;
	}
	for (int i = 0; i < n; i++)
	{
		ts_growth_entry e;
		ts_growth_entry *into;

		ts_maybe_interrupt(i);
		*err = unpack_entry(&p, end, &hdr, i, &period, &e);
		if (*err)
			return TS_GS_ADD_INVALID;
		into = ts_gs_entry(a, e.period);	/* room checked above */
		if (!ts_gs_add_entry(into, &e))
			return TS_GS_ADD_OVERFLOW;
	}
	if (p != end)
	{
		*err = "trailing bytes";
		return TS_GS_ADD_INVALID;
	}
	return TS_GS_ADD_OK;
}
