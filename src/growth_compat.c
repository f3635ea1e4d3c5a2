/*-------------------------------------------------------------------------
 *
 * growth_compat.c
 *	  What version 0.1 of trade_stats wrote, read by every later version
 *	  (pure C): its binary form (format 1), and its stored layout.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_growth.h"

#include <string.h>

typedef unsigned __int128 u128;

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

