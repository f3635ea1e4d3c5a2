/*-------------------------------------------------------------------------
 *
 * growth_state.c
 *	  The type growth_state: the stored summary of the growth and share
 *	  measures, and the partial state of their aggregates.
 *
 * A growth_state has two forms.  Stored, sent or printed it is canonical
 * and compact: the packed form of ts_growth.h (format 2), or its text form.
 * Inside an aggregate it is the working layout ts_growth_state (first byte
 * TS_GS_WORKING), with spare room, a lookup hint and a hash index for
 * periods that come out of order, one allocation in the aggregate's context
 * updated in place; every final function, and every function called outside
 * an aggregate, returns the packed form.  Version 0.1 stored its own working
 * layout; the compat room (growth_compat.c) converts such values when read.
 *
 * Every function here takes its arguments' types from its own SQL
 * signature; none looks at fn_expr.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "trade_stats.h"

static ts_growth_state *working_copy(const ts_growth_state *s, int64 capacity,
									 bool indexed);
static const ts_growth_state *ts_gs_read_01(struct varlena *v);

static void
corrupt_state(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt growth_state value"),
			 errdetail("The state is invalid: %s.", why)));
}

/*
 * Is v laid out as a working state whose size covers its capacity, plain and
 * aligned, so that it can be read, and inside an aggregate updated, where it
 * lies?
 */
static inline bool
is_working(struct varlena *v)
{
	const ts_growth_state *s = (const ts_growth_state *) v;

	return !VARATT_IS_EXTENDED(v) &&
		(uintptr_t) v % MAXIMUM_ALIGNOF == 0 &&
		VARSIZE(v) >= TS_GS_HEADER_SIZE &&
		s->version == TS_GS_WORKING &&
		s->nentries >= 0 && s->capacity >= s->nentries &&
		(s->sorted || s->indexed) &&
		VARSIZE(v) >= ts_gs_size(s->capacity, s->indexed);
}

/*
 * A new state of 'capacity' entries, with room for the hash index or not,
 * zeroed (no byte of it is ever uninitialised), in the current context; the
 * caller initialises it.
 */
static ts_growth_state *
alloc_state(int64 capacity, bool indexed)
{
	ts_growth_state *s;

	if (capacity > PG_INT32_MAX / 2 || (Size) ts_gs_size(capacity, indexed) > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("growth_state has too many periods")));
	s = palloc0(ts_gs_size(capacity, indexed));
	SET_VARSIZE(s, ts_gs_size(capacity, indexed));
	return s;
}

/*
 * The working layout of a value, sorted: a packed one (format 2) unpacked
 * into a fresh palloc'd state; one that version 0.1 stored converted by the
 * compat room; a working one (an aggregate's own) read where it lies when
 * it is sorted, else sorted in a copy.
 */
const ts_growth_state *
ts_gs_read(Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
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
		s = alloc_state(n, false);
		err = ts_gs_unpack(data, len, s);
		if (err != NULL)
			corrupt_state(err);
		return s;
	}
	if (len >= 1 && data[0] == TS_GS_FORMAT1)
		return ts_gs_read_01(v);
	if (len >= 1 && data[0] == TS_GS_WORKING)
	{
		if (!is_working(v))
		{
			/* short header or unaligned: copy it, then check its size */
			v = (struct varlena *) PG_DETOAST_DATUM_COPY(d);
			if (!is_working(v))
				corrupt_state("bad size");
		}
		s = (ts_growth_state *) v;
		if (!s->sorted)
		{
			s = working_copy(s, s->nentries, true);
			ts_gs_sort(s);
		}
		err = ts_gs_validate(s);
		if (err != NULL)
			corrupt_state(err);
		return s;
	}
	corrupt_state("unknown format version");
	return NULL;				/* keep the compiler quiet */
}

/*
 * A value stored by version 0.1: its layout (the frozen struct of
 * growth_compat.c) converted into a fresh working state.
 */
static const ts_growth_state *
ts_gs_read_01(struct varlena *v)
{
	int32		n;
	const char *err = ts_gs01_count((const uint8 *) v, VARSIZE(v), &n);
	ts_growth_state *s;

	if (err != NULL)
		corrupt_state(err);
	s = alloc_state(n, false);
	err = ts_gs01_read((const uint8 *) v, VARSIZE(v), s);
	if (err != NULL)
		corrupt_state(err);
	return s;
}

/*
 * A new working state with room for 'capacity' entries, zeroed (no byte of
 * it is ever uninitialised), in the current memory context.
 */
ts_growth_state *
ts_gs_new_working(int capacity, ts_value_kind kind, int flags)
{
	ts_growth_state *s = alloc_state(capacity, false);

	ts_gs_init(s, capacity, kind, flags);
	return s;
}

/*
 * A working copy of s with room for at least 'capacity' entries, indexed
 * when asked or when s is not sorted.
 */
static ts_growth_state *
working_copy(const ts_growth_state *s, int64 capacity, bool indexed)
{
	int64		cap = Max(capacity, s->nentries);
	ts_growth_state *c;

	indexed = indexed || !s->sorted;
	c = alloc_state(cap, indexed);
	ts_gs_init(c, (int) cap, s->kind, s->flags);
	c->indexed = indexed;
	ts_gs_copy(c, s);
	return c;
}

/*
 * Make room for at least 'need' entries: s itself, or a larger copy in the
 * current context.  The old state is left alone: inside an aggregate the
 * executor frees it once the new one is returned.
 */
ts_growth_state *
ts_gs_reserve(ts_growth_state *s, int need)
{
	if (need <= s->capacity)
		return s;
	return working_copy(s, Max(need, (int64) s->capacity * 2), s->indexed);
}

/* s with room for its hash index: s itself, or an indexed copy. */
static ts_growth_state *
with_index(ts_growth_state *s)
{
	return s->indexed ? s : working_copy(s, s->capacity, true);
}

/*
 * ts_gs_entry_grow beyond its inline case: the entry of *s for 'period',
 * added if absent; *s may move to a larger copy, or to one with room for
 * the index when the period comes out of order.
 */
ts_growth_entry *
ts_gs_entry_grow_slow(ts_growth_state **s, int32 period)
{
	ts_growth_entry *e;

	while ((e = ts_gs_entry(*s, period)) == NULL)
	{
		if ((*s)->nentries == (*s)->capacity)
			*s = ts_gs_reserve(*s, (*s)->nentries + 1);
		else
			*s = with_index(*s);
	}
	return e;
}

/*
 * The state in argument 'argno' for updating: called as an aggregate's
 * transition or combine function on its own working state (argument 0),
 * that state where it lies (PostgreSQL lets an aggregate update its state
 * in place); anything else, a working copy.  NULL when the argument is
 * NULL.  It may be unsorted.
 *
 * Each group's state is one plain allocation in the aggregate's context: a
 * memory context per group would make every new group of a hash aggregate
 * walk all the others (PostgreSQL sums the memory of the hash table's
 * contexts each time one is added).
 */
ts_growth_state *
ts_gs_arg_for_update(FunctionCallInfo fcinfo, int argno)
{
	Datum		d;

	if (PG_ARGISNULL(argno))
		return NULL;
	d = PG_GETARG_DATUM(argno);
	if (argno == 0 && AggCheckCallContext(fcinfo, NULL) &&
		is_working((struct varlena *) DatumGetPointer(d)))
		return (ts_growth_state *) DatumGetPointer(d);
	return working_copy(ts_gs_read(d), 0, false);
}

/* A flat, packed datum of s (sorted), in the current context. */
static Datum
flat_datum(const ts_growth_state *s)
{
	size_t		size = ts_gs_packed_size(s);
	struct varlena *v = palloc0(VARHDRSZ + size);

	Assert(s->sorted);
	ts_gs_pack(s, (uint8 *) VARDATA(v));
	SET_VARSIZE(v, VARHDRSZ + size);
	return PointerGetDatum(v);
}

/*
 * The result of a function that updates a state: inside an aggregate the
 * working state; called as a plain function, the canonical packed form.
 */
Datum
ts_gs_result(FunctionCallInfo fcinfo, ts_growth_state *s)
{
	if (AggCheckCallContext(fcinfo, NULL))
		PG_RETURN_POINTER(s);
	return ts_gs_flat(s);
}

/* The canonical packed form of a working state (sorted first). */
Datum
ts_gs_flat(ts_growth_state *s)
{
	ts_gs_sort(s);
	return flat_datum(s);
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
		appendStringInfo(&buf, " in %s", ts_currency_code(s->currency));
	if (s->flags & TS_GS_PERIODS)
		appendStringInfoString(&buf, " by period");
	if (s->flags & TS_GS_PART)
		appendStringInfoString(&buf, " with part");
	if (s->flags & TS_GS_AS_OF)
		appendStringInfo(&buf, " as of %s", ts_iso_date(s->as_of));
	if (s->flags & TS_GS_YEAR_START)
		appendStringInfo(&buf, " in years from month %d", (int) s->year_start);
	return buf.data;
}

/*
 * Can a and b be combined?  The same value kind, flags, as_of and currency
 * (an amount state without rows has no currency yet).
 */
void
ts_gs_check_compatible(const ts_growth_state *a, const ts_growth_state *b,
					ts_gs_op op)
{
	if (a->kind != b->kind || a->flags != b->flags ||
		((a->flags & TS_GS_AS_OF) && a->as_of != b->as_of) ||
		a->year_start != b->year_start ||
		(a->kind == TS_VAL_AMOUNT && a->currency != b->currency &&
		 a->currency != TS_NO_CURRENCY && b->currency != TS_NO_CURRENCY))
		ts_gs_incompatible(op, describe_kind(a), describe_kind(b));
}

void
ts_gs_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum is out of range for type %s", "growth_state"),
			 errdetail("Sums are exact in 128 bits.")));
}

/* Bring numeric states to one scale: rescale the one with fewer decimals. */
static void
align_scale(ts_growth_state *into, const ts_growth_state **other)
{
	if (into->scale < (*other)->scale)
	{
		if (!ts_gs_rescale(into, (*other)->scale - into->scale))
			ts_gs_overflow();
	}
	else if ((*other)->scale < into->scale)
	{
		ts_growth_state *c = working_copy(*other, 0, false);

		if (!ts_gs_rescale(c, into->scale - c->scale))
			ts_gs_overflow();
		*other = c;
	}
}

/*
 * Add the entries of b (sorted) to a (compatibility checked by the caller).
 * Returns a, or a larger copy of it.  A b that is small beside a (a
 * summary of a month or so rolled up into years of them) is added entry by
 * entry, in constant time each whatever the order; otherwise the two are
 * merged, in time linear in both.
 */
static ts_growth_state *
add_into(ts_growth_state *a, const ts_growth_state *b)
{
	align_scale(a, &b);
	if (a->kind == TS_VAL_AMOUNT && a->currency == TS_NO_CURRENCY)
	{
		a->currency = b->currency;
		a->scale = b->scale;
	}
	if (b->nentries <= 4 || (int64) b->nentries * 16 <= a->nentries)
	{
		for (int j = 0; j < b->nentries; j++)
		{
			if (!ts_gs_add_entry(ts_gs_entry_grow(&a, b->entries[j].period),
								 &b->entries[j]))
				ts_gs_overflow();
			if ((j & 4095) == 4095)
				CHECK_FOR_INTERRUPTS();
		}
	}
	else
	{
		ts_growth_state *out = alloc_state((int64) a->nentries + b->nentries, false);

		ts_gs_init(out, a->nentries + b->nentries, a->kind, a->flags);
		ts_gs_sort(a);
		if (!ts_gs_merge(a, b, out))
			ts_gs_overflow();
		a = out;
	}
	CHECK_FOR_INTERRUPTS();
	return a;
}

/* ---- I/O ---- */

/*
 * At most this many bytes of a text input are quoted in an error.
 * PostgreSQL quotes its own types' input whole, but a growth_state's text
 * can be megabytes (20 bytes and more a period), and the message goes into
 * the server log too.
 */
#define ECHO_MAX 200
/* and of one entry of it */
#define ECHO_ENTRY_MAX 80

/* str, or its first max bytes (whole characters) and "...". */
static const char *
echo_text(const char *str, size_t len, int max)
{
	if (len <= (size_t) max)
		return pnstrdup(str, len);
	return psprintf("%s...", pnstrdup(str, pg_mbcliplen(str, (int) len, max)));
}

/* The text of entry i (from 0) of a growth_state's text form. */
static const char *
entry_text(const char *input, int32 i)
{
	const char *p = strchr(input, '[');
	size_t		len;

	if (p == NULL)
		return "";
	p++;
	for (int32 k = 0; k < i && p != NULL; k++)
	{
		p = strchr(p, ';');
		if (p != NULL)
			p++;
	}
	if (p == NULL)
		return "";
	len = strcspn(p, ";]");
	return echo_text(p, len, ECHO_ENTRY_MAX);
}

/*
 * A text (input) or binary (NULL) growth_state that is not valid: why, and
 * the entry at fault (TS_GS_NO_ENTRY when the state is wrong as a whole).
 */
static void
bad_input(const char *input, const char *why, int32 entry)
{
	if (input != NULL && entry != TS_GS_NO_ENTRY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type growth_state: \"%s\"",
						echo_text(input, strlen(input), ECHO_MAX)),
				 errdetail("The state is invalid in its entry \"%s\" (number %d): %s.",
						   entry_text(input, entry), entry + 1, why)));
	if (input != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type growth_state: \"%s\"",
						echo_text(input, strlen(input), ECHO_MAX)),
				 errdetail("The state is invalid: %s.", why)));
	if (entry != TS_GS_NO_ENTRY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary growth_state"),
				 errdetail("The state is invalid in its entry number %d: %s.",
						   entry + 1, why)));
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
	int32		entry;
	ts_growth_state *s;

	if (err != NULL || n > MAX_ENTRIES)
		bad_input(str, err ? err : "too many periods", TS_GS_NO_ENTRY);
	s = alloc_state(n, false);
	err = ts_gs_parse_at(str, s, &entry);
	if (err != NULL)
		bad_input(str, err, entry);
	PG_RETURN_DATUM(flat_datum(s));
}

PG_FUNCTION_INFO_V1(growth_state_out);
Datum
growth_state_out(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = ts_gs_read(PG_GETARG_DATUM(0));
	char	   *buf = palloc(ts_gs_text_size(s));

	ts_gs_format(s, buf);
	PG_RETURN_CSTRING(buf);
}

/* The binary form is the packed form. */
PG_FUNCTION_INFO_V1(growth_state_send);
Datum
growth_state_send(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = ts_gs_read(PG_GETARG_DATUM(0));
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
	bool		v1 = len >= 1 && data[0] == TS_GS_FORMAT1;
	int32		n;
	const char *err;
	int32		entry = TS_GS_NO_ENTRY;
	ts_growth_state *s;

	err = v1 ? ts_gs_decode_count(data, len, &n) : ts_gs_unpack_count(data, len, &n);
	if (err != NULL)
		bad_input(NULL, err, TS_GS_NO_ENTRY);
	s = alloc_state(n, false);
	err = v1 ? ts_gs_decode(data, len, s) : ts_gs_unpack_at(data, len, s, &entry);
	if (err != NULL)
		bad_input(NULL, err, entry);
	buf->cursor = buf->len;
	PG_RETURN_DATUM(flat_datum(s));
}

/* ---- equality and hashing on the packed form ---- */

/* The packed bytes of a value: the value itself when it is stored packed. */
static const uint8 *
packed_bytes(Datum d, size_t *len)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	const uint8 *data = (const uint8 *) VARDATA(v);
	Datum		flat;

	if (VARSIZE(v) > VARHDRSZ && data[0] == TS_GS_PACKED_VERSION)
	{
		*len = VARSIZE(v) - VARHDRSZ;
		return data;
	}
	flat = flat_datum(ts_gs_read(d));
	*len = VARSIZE(DatumGetPointer(flat)) - VARHDRSZ;
	return (const uint8 *) VARDATA(DatumGetPointer(flat));
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
	ts_growth_state *a;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		a = ts_gs_arg_for_update(fcinfo, 0);
		return ts_gs_result(fcinfo, a);
	}
	if (!PG_ARGISNULL(0))
	{
		struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
		const uint8 *data = (const uint8 *) VARDATA_ANY(v);
		size_t		len = VARSIZE_ANY_EXHDR(v);

		a = ts_gs_arg_for_update(fcinfo, 0);
		if (len >= 1 && data[0] == TS_GS_PACKED_VERSION)
		{
			/* a stored summary: add it where it lies */
			for (;;)
			{
				int32		room;
				const char *err;

				switch (ts_gs_add_packed(a, data, len, &room, &err))
				{
					case TS_GS_ADD_OK:
						CHECK_FOR_INTERRUPTS();
						return ts_gs_result(fcinfo, a);
					case TS_GS_ADD_ROOM:
						a = ts_gs_reserve(a, a->nentries + room);
						continue;
					case TS_GS_ADD_INDEX:
						a = with_index(a);
						continue;
					case TS_GS_ADD_INVALID:
						corrupt_state(err);
						break;
					case TS_GS_ADD_OVERFLOW:
						ts_gs_overflow();
						break;
					case TS_GS_ADD_DIFFERENT:
						break;
				}
				break;
			}
		}
		b = ts_gs_read(PG_GETARG_DATUM(1));
		ts_gs_check_compatible(a, b, TS_GS_COMBINE);
		a = add_into(a, b);
	}
	else
	{
		b = ts_gs_read(PG_GETARG_DATUM(1));
		a = working_copy(b, b->nentries, false);
	}
	return ts_gs_result(fcinfo, a);
}

/* Remove b from a; the error names what b holds that a does not. */
static void
subtract_into(ts_growth_state *a, const ts_growth_state *b)
{
	const char *err;
	int32		period;

	ts_gs_check_compatible(a, b, TS_GS_SUBTRACT);
	align_scale(a, &b);
	ts_gs_sort(a);
	err = ts_gs_subtract(a, b, &period);
	if (err != NULL && period != TS_GS_NO_ENTRY && (b->flags & TS_GS_PERIODS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract a growth_state that was not added"),
				 errdetail("The summary subtracted has %s (period %s).",
						   err, ts_iso_date(period))));
	if (err != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract a growth_state that was not added"),
				 errdetail("The summary subtracted has %s.", err)));
	if (a->nentries == 0 && a->kind == TS_VAL_NUMERIC)
		a->scale = 0;
}

/*
 * rolling()'s transition for moving window frames: growth_combine, declared
 * STRICT.  PostgreSQL then skips the frame's NULL summaries on the way in and
 * out (a calendar left-joined to a summary table), takes the first summary
 * as the state, and goes back to a NULL state when the last one leaves:
 * a moving transition may never return NULL, as growth_combine does for a
 * NULL summary before any other.
 */
PG_FUNCTION_INFO_V1(growth_rolling_accum);
Datum
growth_rolling_accum(PG_FUNCTION_ARGS)
{
	return growth_combine(fcinfo);
}

/* rolling(): the inverse of growth_combine for moving window frames. */
PG_FUNCTION_INFO_V1(growth_rolling_inv);
Datum
growth_rolling_inv(PG_FUNCTION_ARGS)
{
	ts_growth_state *a;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		a = ts_gs_arg_for_update(fcinfo, 0);
		return ts_gs_result(fcinfo, a);
	}
	a = ts_gs_arg_for_update(fcinfo, 0);
	if (a == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract a growth_state that was not added")));
	subtract_into(a, ts_gs_read(PG_GETARG_DATUM(1)));
	return ts_gs_result(fcinfo, a);
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
	s = ts_gs_read(PG_GETARG_DATUM(0));
	PG_RETURN_DATUM(flat_datum(s));
}

PG_FUNCTION_INFO_V1(growth_rolling_final);
Datum
growth_rolling_final(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = ts_gs_read(PG_GETARG_DATUM(0));
	if (s->nentries == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(flat_datum(s));
}

/* a + b */
PG_FUNCTION_INFO_V1(growth_state_pl);
Datum
growth_state_pl(PG_FUNCTION_ARGS)
{
	const ts_growth_state *a = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *b = ts_gs_read(PG_GETARG_DATUM(1));
	ts_growth_state *c;

	ts_gs_check_compatible(a, b, TS_GS_ADD);
	c = add_into(working_copy(a, (int64) a->nentries + b->nentries, false), b);
	ts_gs_sort(c);
	PG_RETURN_DATUM(flat_datum(c));
}

/*
 * summary_holds(a, b): whether a - b can be computed, that is whether a holds
 * every row b does (a maintained summary's row that a removal may be
 * subtracted from).  States of different kinds are an error, as in a - b.
 */
PG_FUNCTION_INFO_V1(growth_state_holds);
Datum
growth_state_holds(PG_FUNCTION_ARGS)
{
	const ts_growth_state *a = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *b = ts_gs_read(PG_GETARG_DATUM(1));
	ts_growth_state *c = working_copy(a, a->nentries, false);
	int32		period;

	ts_gs_check_compatible(c, b, TS_GS_SUBTRACT);
	align_scale(c, &b);
	ts_gs_sort(c);
	PG_RETURN_BOOL(ts_gs_subtract(c, b, &period) == NULL);
}

/* a - b: exact inverse of +; entries whose count reaches 0 disappear. */
PG_FUNCTION_INFO_V1(growth_state_mi);
Datum
growth_state_mi(PG_FUNCTION_ARGS)
{
	const ts_growth_state *a = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *b = ts_gs_read(PG_GETARG_DATUM(1));
	ts_growth_state *c = working_copy(a, a->nentries, false);

	subtract_into(c, b);
	PG_RETURN_DATUM(flat_datum(c));
}
