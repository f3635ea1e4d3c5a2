/*-------------------------------------------------------------------------
 *
 * growth_state.c
 *	  The type growth_state: the stored summary of the growth and share
 *	  measures, and the partial state of their aggregates.
 *
 * A growth_state has two forms.  Stored, sent or printed it is canonical
 * and compact: the packed form of ts_growth.h (format 2), or its text form.
 * Inside an aggregate it is a PostgreSQL expanded object (see
 * utils/expandeddatum.h) holding the working layout ts_growth_state, with
 * spare room and a lookup hint, updated in place; PostgreSQL flattens it into
 * the packed form whenever it leaves the aggregate (a tuple, a parallel
 * worker's result, an output function).  Version 0.1 stored the working
 * layout itself (first byte 1); such values are still read.
 *
 * Every function here takes its arguments' types from its own SQL
 * signature; none looks at fn_expr.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

#include "trade_stats.h"

/* ---- the expanded form ---- */

typedef struct GrowthEOH
{
	ExpandedObjectHeader hdr;
	ts_growth_state *s;			/* working layout, in hdr.eoh_context */
} GrowthEOH;

static Size
geoh_get_flat_size(ExpandedObjectHeader *eohptr)
{
	return VARHDRSZ + ts_gs_packed_size(((GrowthEOH *) eohptr)->s);
}

static void
geoh_flatten_into(ExpandedObjectHeader *eohptr, void *result,
				  Size allocated_size)
{
	size_t		n;

	memset(result, 0, allocated_size);
	n = ts_gs_pack(((GrowthEOH *) eohptr)->s, (uint8 *) VARDATA(result));
	if (VARHDRSZ + n != allocated_size)
		elog(ERROR, "growth_state packed into %zu bytes, not %zu",
			 (size_t) (VARHDRSZ + n), (size_t) allocated_size);
	SET_VARSIZE(result, allocated_size);
}

static const ExpandedObjectMethods geoh_methods = {
	geoh_get_flat_size,
	geoh_flatten_into
};

static void
corrupt_state(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt growth_state value"),
			 errdetail("The state is invalid: %s.", why)));
}

/* Our expanded object behind a datum, or NULL if the datum is flat. */
static inline GrowthEOH *
datum_eoh(Datum d)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		GrowthEOH  *g = (GrowthEOH *) DatumGetEOHP(d);

		if (g->hdr.eoh_methods != &geoh_methods)
			elog(ERROR, "expanded object is not a growth_state");
		return g;
	}
	return NULL;
}

/*
 * The working layout of a flat value (detoasted): packed (format 2), or
 * 0.1's stored working layout (format 1).  A fresh palloc'd copy with
 * capacity for its entries.
 */
static ts_growth_state *
decode_flat(struct varlena *v)
{
	const uint8 *data = (const uint8 *) VARDATA(v);
	size_t		len = VARSIZE(v) - VARHDRSZ;
	ts_growth_state *s;
	const char *err;
	int32		n;

	if (len >= 1 && data[0] == TS_GS_PACKED_VERSION)
	{
		err = ts_gs_unpack_count(data, len, &n);
		if (err != NULL)
			corrupt_state(err);
		s = palloc(TS_GS_SIZE(n));
		err = ts_gs_unpack(data, len, s);
		if (err != NULL)
			corrupt_state(err);
		return s;
	}
	if (len >= 1 && data[0] == TS_GS_VERSION)
	{
		/* 0.1 stored the working layout, spare room included */
		const ts_growth_state *old = (const ts_growth_state *) v;

		if (VARSIZE(v) < TS_GS_SIZE(0) || old->nentries < 0 ||
			old->capacity < old->nentries ||
			VARSIZE(v) < TS_GS_SIZE(old->capacity))
			corrupt_state("bad size");
		s = palloc(TS_GS_SIZE(old->nentries));
		memcpy(s, old, TS_GS_SIZE(old->nentries));
		s->capacity = s->nentries;
		s->last = 0;
		s->pad = 0;
		for (int i = 0; i < s->nentries; i++)
			s->entries[i].pad = 0;
		err = ts_gs_validate(s);
		if (err != NULL)
			corrupt_state(err);
		return s;
	}
	corrupt_state("unknown format version");
	return NULL;				/* keep the compiler quiet */
}

const ts_growth_state *
gs_read(Datum d)
{
	GrowthEOH  *g = datum_eoh(d);

	if (g != NULL)
		return g->s;
	return decode_flat(PG_DETOAST_DATUM(d));
}

/* A new expanded state in its own context under 'parent'. */
static GrowthEOH *
geoh_new(MemoryContext parent, int capacity)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "growth_state",
											  ALLOCSET_START_SMALL_SIZES);
	GrowthEOH  *g = MemoryContextAlloc(cxt, sizeof(GrowthEOH));

	EOH_init_header(&g->hdr, &geoh_methods, cxt);
	g->s = MemoryContextAlloc(cxt, TS_GS_SIZE(capacity));
	return g;
}

GrowthEOH *
gs_new_expanded(MemoryContext parent, int capacity, ts_value_kind kind,
				int flags)
{
	GrowthEOH  *g = geoh_new(parent, capacity);

	ts_gs_init(g->s, capacity, kind, flags);
	return g;
}

/* An expanded copy of s with room for 'capacity' entries. */
static GrowthEOH *
geoh_copy(MemoryContext parent, const ts_growth_state *s, int capacity)
{
	GrowthEOH  *g = geoh_new(parent, Max(capacity, s->nentries));

	memcpy(g->s, s, TS_GS_SIZE(s->nentries));
	g->s->capacity = Max(capacity, s->nentries);
	g->s->last = 0;
	return g;
}

ts_growth_state *
gs_eoh_state(GrowthEOH *g)
{
	return g->s;
}

Datum
gs_eoh_datum(GrowthEOH *g)
{
	return EOHPGetRWDatum(&g->hdr);
}

/* Make room for at least 'need' entries. */
ts_growth_state *
gs_reserve(GrowthEOH *g, int need)
{
	if (need > g->s->capacity)
	{
		int			cap = Max(need, g->s->capacity * 2);

		if ((Size) TS_GS_SIZE(cap) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("growth_state has too many periods")));
		g->s = repalloc(g->s, TS_GS_SIZE(cap));
		g->s->capacity = cap;
	}
	return g->s;
}

/*
 * The state in argument 'argno' for updating in place: our read-write
 * expanded object as it is, anything else copied into a new one in the
 * aggregate's context (or the current one outside aggregates).  NULL when
 * the argument is NULL.
 */
GrowthEOH *
gs_arg_for_update(FunctionCallInfo fcinfo, int argno)
{
	Datum		d;
	MemoryContext aggcxt;

	if (PG_ARGISNULL(argno))
		return NULL;
	d = PG_GETARG_DATUM(argno);
	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
		return datum_eoh(d);
	if (!AggCheckCallContext(fcinfo, &aggcxt))
		aggcxt = CurrentMemoryContext;
	return geoh_copy(aggcxt, gs_read(d), 0);
}

MemoryContext
gs_result_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		aggcxt = CurrentMemoryContext;
	return aggcxt;
}

/* A flat, packed datum of s, in the current context. */
Datum
gs_flat_datum(const ts_growth_state *s)
{
	size_t		size = ts_gs_packed_size(s);
	struct varlena *v = palloc0(VARHDRSZ + size);

	ts_gs_pack(s, (uint8 *) VARDATA(v));
	SET_VARSIZE(v, VARHDRSZ + size);
	return PointerGetDatum(v);
}

/* ---- kinds ---- */

/* "numeric by period with part", "amounts in USD by period", ... */
static char *
describe_kind(const ts_growth_state *s)
{
	static const char *const names[] = {NULL, "amounts", "numeric", "bigint",
	"double precision"};
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, names[s->kind]);
	if (s->kind == TS_VAL_AMOUNT && s->currency != TS_NO_CURRENCY)
		appendStringInfo(&buf, " in %s", currency_code(s->currency));
	if (s->flags & TS_GS_PERIODS)
		appendStringInfoString(&buf, " by period");
	if (s->flags & TS_GS_PART)
		appendStringInfoString(&buf, " with part");
	if (s->flags & TS_GS_AS_OF)
		appendStringInfo(&buf, " as of %s", iso_date(s->as_of));
	return buf.data;
}

/*
 * Can a and b be combined?  The same value kind, flags, as_of and currency
 * (an amount state without rows has no currency yet).
 */
void
gs_check_compatible(const ts_growth_state *a, const ts_growth_state *b,
					const char *action)
{
	if (a->kind != b->kind || a->flags != b->flags ||
		((a->flags & TS_GS_AS_OF) && a->as_of != b->as_of) ||
		(a->kind == TS_VAL_AMOUNT && a->currency != b->currency &&
		 a->currency != TS_NO_CURRENCY && b->currency != TS_NO_CURRENCY))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot %s growth_state values of different kinds: %s and %s",
						action, describe_kind(a), describe_kind(b)),
				 errhint("Summaries of one measure, value type and currency can be combined.")));
}

void
gs_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum of values is out of range for a growth or share aggregate"),
			 errdetail("Sums are exact in 128 bits.")));
}

/* Bring numeric states to one scale: rescale the one with fewer decimals. */
static void
align_scale(ts_growth_state *into, const ts_growth_state **other)
{
	if (into->scale < (*other)->scale)
	{
		if (!ts_gs_rescale(into, (*other)->scale - into->scale))
			gs_overflow();
	}
	else if ((*other)->scale < into->scale)
	{
		ts_growth_state *c = palloc(TS_GS_SIZE((*other)->nentries));

		memcpy(c, *other, TS_GS_SIZE((*other)->nentries));
		c->capacity = c->nentries;
		if (!ts_gs_rescale(c, into->scale - c->scale))
			gs_overflow();
		*other = c;
	}
}

/* Add the entries of b to g's state (compatibility checked by the caller). */
void
gs_add_into(GrowthEOH *g, const ts_growth_state *b)
{
	ts_growth_state *a = g->s;

	align_scale(a, &b);
	if (a->kind == TS_VAL_AMOUNT && a->currency == TS_NO_CURRENCY)
	{
		a->currency = b->currency;
		a->scale = b->scale;
	}
	if (b->nentries <= 4)
	{
		/* a summary of a month or so: find or insert each entry */
		for (int j = 0; j < b->nentries; j++)
		{
			int			i = ts_gs_find(a, b->entries[j].period);

			if (i < 0)
			{
				i = -i - 1;
				a = gs_reserve(g, a->nentries + 1);
				ts_gs_insert(a, i, b->entries[j].period);
			}
			if (!ts_gs_add_entry(&a->entries[i], &b->entries[j]))
				gs_overflow();
		}
	}
	else
	{
		ts_growth_state *out = MemoryContextAlloc(g->hdr.eoh_context,
												  TS_GS_SIZE(a->nentries + b->nentries));

		if (!ts_gs_merge(a, b, out))
			gs_overflow();
		out->capacity = a->nentries + b->nentries;
		pfree(a);
		g->s = out;
	}
	CHECK_FOR_INTERRUPTS();
}

/* ---- I/O ---- */

static void
bad_input(const char *input, const char *why)
{
	if (input != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type growth_state: \"%s\"", input),
				 errdetail("The state is invalid: %s.", why)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary growth_state"),
			 errdetail("The state is invalid: %s.", why)));
}

#define MAX_ENTRIES ((int32) ((MaxAllocSize - TS_GS_SIZE(0)) / sizeof(ts_growth_entry)))

PG_FUNCTION_INFO_V1(growth_state_in);
Datum
growth_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int32		n;
	const char *err = ts_gs_parse_count(str, &n);
	ts_growth_state *s;

	if (err != NULL || n > MAX_ENTRIES)
		bad_input(str, err ? err : "too many periods");
	s = palloc0(TS_GS_SIZE(n));
	err = ts_gs_parse(str, s);
	if (err != NULL)
		bad_input(str, err);
	PG_RETURN_DATUM(gs_flat_datum(s));
}

PG_FUNCTION_INFO_V1(growth_state_out);
Datum
growth_state_out(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = gs_read(PG_GETARG_DATUM(0));
	char	   *buf = palloc(ts_gs_text_size(s));

	ts_gs_format(s, buf);
	PG_RETURN_CSTRING(buf);
}

/* The binary form is the packed form. */
PG_FUNCTION_INFO_V1(growth_state_send);
Datum
growth_state_send(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = gs_read(PG_GETARG_DATUM(0));
	size_t		size = ts_gs_packed_size(s);
	bytea	   *result = palloc(VARHDRSZ + size);

	ts_gs_pack(s, (uint8 *) VARDATA(result));
	SET_VARSIZE(result, VARHDRSZ + size);
	PG_RETURN_BYTEA_P(result);
}

/* Format 2 (packed), or format 1 (0.1's fixed-width binary form). */
PG_FUNCTION_INFO_V1(growth_state_recv);
Datum
growth_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8 *data = (const uint8 *) buf->data + buf->cursor;
	size_t		len = buf->len - buf->cursor;
	bool		v1 = len >= 1 && data[0] == TS_GS_VERSION;
	int32		n;
	const char *err;
	ts_growth_state *s;

	err = v1 ? ts_gs_decode_count(data, len, &n) : ts_gs_unpack_count(data, len, &n);
	if (err != NULL)
		bad_input(NULL, err);
	s = palloc0(TS_GS_SIZE(n));
	err = v1 ? ts_gs_decode(data, len, s) : ts_gs_unpack(data, len, s);
	if (err != NULL)
		bad_input(NULL, err);
	buf->cursor = buf->len;
	PG_RETURN_DATUM(gs_flat_datum(s));
}

/* ---- equality and hashing on the packed form ---- */

/* The packed bytes of a value: the value itself when it is stored packed. */
static const uint8 *
packed_bytes(Datum d, size_t *len)
{
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		struct varlena *v = PG_DETOAST_DATUM(d);
		const uint8 *data = (const uint8 *) VARDATA(v);

		if (VARSIZE(v) > VARHDRSZ && data[0] == TS_GS_PACKED_VERSION)
		{
			*len = VARSIZE(v) - VARHDRSZ;
			return data;
		}
	}
	{
		Datum		flat = gs_flat_datum(gs_read(d));

		*len = VARSIZE(DatumGetPointer(flat)) - VARHDRSZ;
		return (const uint8 *) VARDATA(DatumGetPointer(flat));
	}
}

static bool
states_equal(FunctionCallInfo fcinfo)
{
	size_t		la,
				lb;
	const uint8 *a = packed_bytes(PG_GETARG_DATUM(0), &la);
	const uint8 *b = packed_bytes(PG_GETARG_DATUM(1), &lb);

	return la == lb && memcmp(a, b, la) == 0;
}

PG_FUNCTION_INFO_V1(growth_state_eq);
Datum
growth_state_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(states_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(growth_state_ne);
Datum
growth_state_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!states_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(growth_state_hash);
Datum
growth_state_hash(PG_FUNCTION_ARGS)
{
	size_t		len;
	const uint8 *b = packed_bytes(PG_GETARG_DATUM(0), &len);

	return hash_any(b, (int) len);
}

PG_FUNCTION_INFO_V1(growth_state_hash_extended);
Datum
growth_state_hash_extended(PG_FUNCTION_ARGS)
{
	size_t		len;
	const uint8 *b = packed_bytes(PG_GETARG_DATUM(0), &len);

	return hash_any_extended(b, (int) len, PG_GETARG_INT64(1));
}

/* ---- combining: +, -, rollup, rolling ---- */

/*
 * growth_combine(a, b): the combine function of every growth aggregate, and
 * the transition function of rollup() and rolling().  Either may be NULL.
 */
PG_FUNCTION_INFO_V1(growth_combine);
Datum
growth_combine(PG_FUNCTION_ARGS)
{
	const ts_growth_state *b;
	GrowthEOH  *g;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = gs_read(PG_GETARG_DATUM(1));
	if (PG_ARGISNULL(0))
	{
		g = geoh_copy(gs_result_context(fcinfo), b, b->nentries);
		PG_RETURN_DATUM(EOHPGetRWDatum(&g->hdr));
	}
	g = gs_arg_for_update(fcinfo, 0);
	gs_check_compatible(g->s, b, "combine");
	gs_add_into(g, b);
	PG_RETURN_DATUM(EOHPGetRWDatum(&g->hdr));
}

/* Remove b from g's state; the error names what b holds that g does not. */
static void
subtract_into(GrowthEOH *g, const ts_growth_state *b)
{
	const char *err;

	gs_check_compatible(g->s, b, "subtract");
	align_scale(g->s, &b);
	err = ts_gs_subtract(g->s, b);
	if (err != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract a growth_state that was not added"),
				 errdetail("The summary subtracted has %s.", err)));
	if (g->s->nentries == 0 && g->s->kind == TS_VAL_NUMERIC)
		g->s->scale = 0;
}

/* rolling(): the inverse of growth_combine for moving window frames. */
PG_FUNCTION_INFO_V1(growth_rolling_inv);
Datum
growth_rolling_inv(PG_FUNCTION_ARGS)
{
	GrowthEOH  *g;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	g = gs_arg_for_update(fcinfo, 0);
	if (g == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract a growth_state that was not added")));
	subtract_into(g, gs_read(PG_GETARG_DATUM(1)));
	PG_RETURN_DATUM(EOHPGetRWDatum(&g->hdr));
}

/*
 * Final function of growth_summary() and rollup(): the packed summary; of
 * rolling(): the same, NULL for a frame without rows.
 */
PG_FUNCTION_INFO_V1(growth_state_final);
Datum
growth_state_final(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = gs_read(PG_GETARG_DATUM(0));
	PG_RETURN_DATUM(gs_flat_datum(s));
}

PG_FUNCTION_INFO_V1(growth_rolling_final);
Datum
growth_rolling_final(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = gs_read(PG_GETARG_DATUM(0));
	if (s->nentries == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(gs_flat_datum(s));
}

/* a + b */
PG_FUNCTION_INFO_V1(growth_state_pl);
Datum
growth_state_pl(PG_FUNCTION_ARGS)
{
	const ts_growth_state *a = gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *b = gs_read(PG_GETARG_DATUM(1));
	GrowthEOH  *g;

	gs_check_compatible(a, b, "add");
	g = geoh_copy(CurrentMemoryContext, a, a->nentries + b->nentries);
	gs_add_into(g, b);
	PG_RETURN_DATUM(gs_flat_datum(g->s));
}

/* a - b: exact inverse of +; entries whose count reaches 0 disappear. */
PG_FUNCTION_INFO_V1(growth_state_mi);
Datum
growth_state_mi(PG_FUNCTION_ARGS)
{
	const ts_growth_state *a = gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *b = gs_read(PG_GETARG_DATUM(1));
	GrowthEOH  *g = geoh_copy(CurrentMemoryContext, a, a->nentries);

	subtract_into(g, b);
	PG_RETURN_DATUM(gs_flat_datum(g->s));
}
