/*-------------------------------------------------------------------------
 *
 * growth_compat.c
 *	  What version 0.1 of trade_stats wrote, read by every later version
 *	  (pure C): its binary form (format 1), and its stored layout as a
 *	  frozen struct, converted into today's working state when read.
 *
 * The compat room of 0.1 (as hstore_compat.c is hstore's): everything a
 * later version must still read from 0.1 lives here or in its glue,
 * legacy.c, so that the working state of ts_growth.h is free to change.
 * Nothing here may change: these are stored bytes.
 *
 * legacy.c also keeps 0.1's C symbols, each bound by 0.1 to several SQL
 * signatures, and is the only place that learns a signature from pg_proc
 * (by fn_oid).  Everything else follows one dispatch convention: one C
 * entry point per SQL signature.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_growth.h"

#include <string.h>

typedef unsigned __int128 u128;

/* The flags 0.1 knew: periods, part, as_of (no year start). */
#define GS01_FLAGS (TS_GS_PERIODS | TS_GS_PART | TS_GS_AS_OF)

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

	*p++ = TS_GS_FORMAT1;
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
	if (*p++ != TS_GS_FORMAT1)
		return "unknown state version";
	out->kind = *p++;
	out->flags = *p++;
	out->scale = (int8_t) *p++;
	if (out->flags & ~GS01_FLAGS)
		return "unknown flags";
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


/* ---- 0.1's stored layout ---- */

/*
 * What 0.1 stored: its working state, the varlena datum itself, in the
 * server's byte order (x86-64 and other 64-bit little-endian platforms:
 * 0.1 built nowhere else).  Frozen: never change these structs.
 */
typedef struct ts_gs01_entry
{
	int32_t		period;
	int32_t		pad;
	int64_t		count;
	int64_t		part_count;
	ts_int128	total;
	ts_int128	part;
} ts_gs01_entry;

typedef struct ts_gs01_state
{
	int32_t		vl_len;
	uint8_t		version;		/* TS_GS_FORMAT1 */
	uint8_t		kind;
	uint8_t		flags;
	int8_t		scale;
	uint16_t	currency;		/* ts_currency_key */
	uint16_t	pad;
	int32_t		as_of;
	int32_t		nentries;		/* sorted by period, distinct */
	int32_t		capacity;		/* entries allocated (>= nentries) */
	int32_t		last;			/* a lookup hint, ignored */
	ts_gs01_entry entries[];
} ts_gs01_state;

_Static_assert(offsetof(ts_gs01_state, entries) == 32, "0.1's header is 32 bytes");
_Static_assert(sizeof(ts_gs01_entry) == 56, "0.1's entries are 56 bytes");
_Static_assert(offsetof(ts_gs01_entry, total) == 24, "0.1's sums start at byte 24");

#define GS01_SIZE(capacity) \
	(offsetof(ts_gs01_state, entries) + (size_t) (capacity) * sizeof(ts_gs01_entry))

const char *
ts_gs01_count(const uint8_t *datum, size_t len, int32_t *nentries)
{
	ts_gs01_state h;

	/* copied out: a stored datum need not be aligned for 128-bit reads */
	if (len < GS01_SIZE(0))
		return "bad size";
	memcpy(&h, datum, GS01_SIZE(0));
	if (h.version != TS_GS_FORMAT1)
		return "unknown state version";
	if (h.nentries < 0 || h.capacity < h.nentries ||
		(size_t) h.capacity > (len - GS01_SIZE(0)) / sizeof(ts_gs01_entry))
		return "bad size";
	*nentries = h.nentries;
	return NULL;
}

const char *
ts_gs01_read(const uint8_t *datum, size_t len, ts_growth_state *out)
{
	ts_gs01_state h;
	int32_t		n;
	const char *err = ts_gs01_count(datum, len, &n);

	if (err)
		return err;
	memcpy(&h, datum, GS01_SIZE(0));
	ts_gs_init(out, n, TS_VAL_AMOUNT, 0);
	out->kind = h.kind;
	out->flags = h.flags;
	if (out->flags & ~GS01_FLAGS)
		return "unknown flags";
	out->scale = h.scale;
	out->currency = h.currency;
	out->as_of = h.as_of;
	for (int i = 0; i < n; i++)
	{
		ts_gs01_entry e;

		ts_maybe_interrupt(i);
		memcpy(&e, datum + GS01_SIZE(i), sizeof(e));
		out->entries[i].period = e.period;
		out->entries[i].pad = 0;
		out->entries[i].count = e.count;
		out->entries[i].part_count = e.part_count;
		out->entries[i].total = e.total;
		out->entries[i].part = e.part;
	}
	out->nentries = n;
	return ts_gs_validate(out);
}
