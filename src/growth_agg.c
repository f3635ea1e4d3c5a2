/*-------------------------------------------------------------------------
 *
 * growth_agg.c
 *	  The growth and share aggregates: yoy_growth, mom_growth, share,
 *	  share_change, growth_contribution, and their state type growth_state.
 *
 * One transition function serves every aggregate and value type; what its
 * arguments are is worked out once per call site and kept in fn_extra.  The
 * state (ts_growth_state, see ts_growth.h) holds exact 128-bit sums per
 * distinct period, so it grows with periods, never with rows.  Inside an
 * aggregate it is updated in place; when full, a copy with twice the room is
 * returned (nodeAgg moves it into the aggregate context), so a state is
 * copied O(log periods) times, never per row.
 *
 * Values become integer mantissas: currency_amount its minor units, bigint
 * itself, numeric its decimal digits at the largest scale seen (at most 30
 * decimals), double precision a binary fixed point of 2^-40.  Integer sums
 * are associative, so serial and parallel plans give identical results.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "trade_stats.h"
#include "ts_growth.h"

/* What a call site's arguments are: worked out once. */
typedef struct AccumInfo
{
	ts_value_kind kind;
	int			flags;			/* TS_GS_* */
	int			period_arg;		/* or -1 */
	int			part_arg;		/* or -1 */
	int			as_of_arg;		/* or -1 */
} AccumInfo;

/* The value kind of an argument type. */
ts_value_kind
growth_value_kind(Oid type)
{
	switch (type)
	{
		case NUMERICOID:
			return TS_VAL_NUMERIC;
		case INT8OID:
			return TS_VAL_INT8;
		case FLOAT8OID:
			return TS_VAL_FLOAT8;
		default:
			/* the SQL declarations allow only currency_amount besides */
			return TS_VAL_AMOUNT;
	}
}

static AccumInfo *
get_accum_info(FunctionCallInfo fcinfo)
{
	AccumInfo  *info = (AccumInfo *) fcinfo->flinfo->fn_extra;
	Oid			arg2;

	if (info != NULL)
		return info;

	info = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(AccumInfo));
	info->kind = growth_value_kind(get_fn_expr_argtype(fcinfo->flinfo, 1));
	info->period_arg = info->part_arg = info->as_of_arg = -1;
	arg2 = get_fn_expr_argtype(fcinfo->flinfo, 2);
	if (arg2 == BOOLOID)
	{
		info->part_arg = 2;
		info->flags |= TS_GS_PART;
		if (PG_NARGS() > 3)
		{
			info->period_arg = 3;
			info->flags |= TS_GS_PERIODS;
		}
	}
	else
	{
		info->period_arg = 2;
		info->flags |= TS_GS_PERIODS;
		if (PG_NARGS() > 3)
		{
			info->as_of_arg = 3;
			info->flags |= TS_GS_AS_OF;
		}
	}
	fcinfo->flinfo->fn_extra = info;
	return info;
}

/* A state argument, detoasted (stored states may be compressed or short). */
static ts_growth_state *
state_arg(FunctionCallInfo fcinfo, int n)
{
	ts_growth_state *s = (ts_growth_state *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n));

	/* a stored state's capacity is its number of entries */
	if (s->capacity < s->nentries ||
		VARSIZE(s) < TS_GS_SIZE(s->capacity))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt growth_state value")));
	return s;
}

/* A fresh state with room for 'capacity' entries, in the current context. */
static ts_growth_state *
new_state(int capacity, ts_value_kind kind, int flags)
{
	ts_growth_state *s = palloc(TS_GS_SIZE(capacity));

	ts_gs_init(s, capacity, kind, flags);
	SET_VARSIZE(s, TS_GS_SIZE(capacity));
	return s;
}

/* A copy of s with room for 'capacity' entries, in the current context. */
static ts_growth_state *
copy_state(const ts_growth_state *s, int capacity)
{
	ts_growth_state *c = palloc(TS_GS_SIZE(capacity));

	memcpy(c, s, TS_GS_SIZE(s->nentries));
	c->capacity = capacity;
	SET_VARSIZE(c, TS_GS_SIZE(capacity));
	return c;
}

static void
state_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum of values is out of range for a growth or share aggregate"),
			 errdetail("Sums are exact in 128 bits.")));
}

/* The value of a row as a mantissa at the state's scale. */
static ts_int128
value_mantissa(ts_growth_state *s, ts_value_kind kind, Datum value)
{
	switch (kind)
	{
		case TS_VAL_AMOUNT:
			{
				CurrencyAmount *a = DatumGetCurrencyAmountP(value);

				if (unlikely(s->currency != a->currency))
				{
					if (s->currency != TS_NO_CURRENCY)
						ereport(ERROR,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("cannot aggregate amounts in different currencies: %s and %s",
										currency_code(s->currency),
										currency_code(a->currency)),
								 errhint("Group by currency(amount), or convert the amounts to one currency first.")));
					s->currency = a->currency;
					s->scale = amount_currency(a->currency)->minor_units;
				}
				return a->units;
			}
		case TS_VAL_INT8:
			return DatumGetInt64(value);
		case TS_VAL_FLOAT8:
			{
				float8		f = DatumGetFloat8(value);

				if (isnan(f) || isinf(f))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot aggregate %s", isnan(f) ? "NaN" : "infinity")));
				if (fabs(f) >= ldexp(1.0, 86))
					ereport(ERROR,
							(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							 errmsg("value %g is out of range for a growth or share aggregate", f),
							 errdetail("double precision values must be below 2^86 in magnitude.")));
				return (ts_int128) ldexp(f, TS_FLOAT8_FRACTION_BITS);
			}
		case TS_VAL_NUMERIC:
			{
				Numeric		num = DatumGetNumeric(value);
				char	   *str;
				ts_int128	mant;
				int			scale;

				if (numeric_is_nan(num) || numeric_is_inf(num))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot aggregate %s",
									numeric_is_nan(num) ? "NaN" : "infinity")));
				str = DatumGetCString(DirectFunctionCall1(numeric_out, value));
				if (!ts_decimal_to_int128(str, TS_NUMERIC_MAX_SCALE, &mant, &scale))
					ereport(ERROR,
							(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							 errmsg("value %s is out of range for a growth or share aggregate",
									str),
							 errdetail("Sums are exact in 128 bits.")));
				pfree(str);
				if (scale > s->scale)
				{
					if (!ts_gs_rescale(s, scale - s->scale))
						state_overflow();
				}
				else if (!ts_int128_mul_pow10(&mant, s->scale - scale))
					state_overflow();
				return mant;
			}
	}
	return 0;					/* keep the compiler quiet */
}

static void
period_out_of_range(const char *what, DateADT d)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is out of range for growth and share aggregates", what,
					iso_date(d)),
			 errdetail("Periods must lie in the years 1 to 9999.")));
}

/*
 * growth_accum(state, value, period)			yoy_growth, mom_growth
 * growth_accum(state, value, period, as_of)	yoy_growth with as_of
 * growth_accum(state, value, part)				share
 * growth_accum(state, value, part, period)		share_change, growth_contribution
 *
 * Rows with a NULL value or period (or as_of) are ignored; a NULL part
 * counts in the total only.
 */
PG_FUNCTION_INFO_V1(growth_accum);
Datum
growth_accum(PG_FUNCTION_ARGS)
{
	AccumInfo  *info = get_accum_info(fcinfo);
	/* AggCheckCallContext's test, inline: this runs once per row */
	bool		in_agg = fcinfo->context &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState));
	ts_growth_state *s = NULL;
	int32		period = 0;
	bool		part = false;
	ts_int128	v;
	int			i;

	if (!PG_ARGISNULL(0))
	{
		/* the running state is never toasted; a stored one may be */
		s = (ts_growth_state *) PG_GETARG_POINTER(0);
		if (unlikely(VARATT_IS_EXTENDED(s)))
			s = (ts_growth_state *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	}

	if (PG_ARGISNULL(1) ||
		(info->period_arg >= 0 && PG_ARGISNULL(info->period_arg)) ||
		(info->as_of_arg >= 0 && PG_ARGISNULL(info->as_of_arg)))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s);
	}
	if (info->period_arg >= 0)
	{
		period = PG_GETARG_DATEADT(info->period_arg);
		if (period < TS_MIN_PERIOD || period > TS_MAX_PERIOD)
			period_out_of_range("period", period);
	}
	if (info->part_arg >= 0 && !PG_ARGISNULL(info->part_arg))
		part = PG_GETARG_BOOL(info->part_arg);

	if (s == NULL)
		s = new_state(info->flags & TS_GS_PERIODS ? 8 : 1, info->kind, info->flags);
	else if (!in_agg)
		s = copy_state(s, s->nentries + 1);	/* never scribble on an input */

	if (info->as_of_arg >= 0)
	{
		DateADT		as_of = PG_GETARG_DATEADT(info->as_of_arg);

		if (as_of < TS_MIN_PERIOD || as_of > TS_MAX_PERIOD)
			period_out_of_range("as_of", as_of);
		if (s->nentries == 0 && s->as_of == 0)
			s->as_of = as_of;
		else if (s->as_of != as_of)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("as_of must be the same for all rows of a group")));
	}

	v = value_mantissa(s, info->kind, PG_GETARG_DATUM(1));

	i = ts_gs_find(s, period);
	if (i < 0)
	{
		i = -i - 1;
		if (s->nentries == s->capacity)
			s = copy_state(s, s->capacity * 2);
		ts_gs_insert(s, i, period);
	}
	if (!ts_gs_add(&s->entries[i], v, part))
		state_overflow();
	PG_RETURN_POINTER(s);
}

/* Combine two partial states (either may be NULL). */
PG_FUNCTION_INFO_V1(growth_combine);
Datum
growth_combine(PG_FUNCTION_ARGS)
{
	ts_growth_state *a,
			   *b,
			   *out;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state_arg(fcinfo, 0));
	b = state_arg(fcinfo, 1);
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(copy_state(b, Max(b->nentries, 1)));
	a = state_arg(fcinfo, 0);

	if (a->kind != b->kind || a->flags != b->flags)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine states of different aggregates")));
	if ((a->flags & TS_GS_AS_OF) && a->as_of != b->as_of)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of must be the same for all rows of a group")));
	if (a->kind == TS_VAL_AMOUNT && a->currency != b->currency &&
		a->currency != TS_NO_CURRENCY && b->currency != TS_NO_CURRENCY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot aggregate amounts in different currencies: %s and %s",
						currency_code(a->currency), currency_code(b->currency)),
				 errhint("Group by currency(amount), or convert the amounts to one currency first.")));

	/* numeric states of different scales: rescale a copy of the smaller */
	if (a->scale < b->scale)
	{
		a = copy_state(a, Max(a->nentries, 1));
		if (!ts_gs_rescale(a, b->scale - a->scale))
			state_overflow();
	}
	else if (b->scale < a->scale)
	{
		b = copy_state(b, Max(b->nentries, 1));
		if (!ts_gs_rescale(b, a->scale - b->scale))
			state_overflow();
	}

	out = new_state(Max(a->nentries + b->nentries, 1), a->kind, a->flags);
	if (!ts_gs_merge(a, b, out))
		state_overflow();
	if (out->currency == TS_NO_CURRENCY)
		out->currency = b->currency;
	out->capacity = Max(a->nentries + b->nentries, 1);
	SET_VARSIZE(out, TS_GS_SIZE(out->capacity));
	PG_RETURN_POINTER(out);
}

/* ---- results ---- */

static Numeric
int128_numeric(ts_int128 v)
{
	char		buf[42];

	ts_int128_to_text(v, buf);
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/*
 * 100 * num / den as numeric, den != 0: numeric division's precision, with
 * the trailing zeros of exact results dropped (50, not 50.0000000000000000).
 */
Numeric
percent_numeric(Numeric num, Numeric den)
{
	Datum		n = DirectFunctionCall2(numeric_mul, NumericGetDatum(num),
										NumericGetDatum(int64_to_numeric(100)));

	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
											   DirectFunctionCall2(numeric_div, n,
																   NumericGetDatum(den))));
}

static Numeric
percent(ts_int128 num, ts_int128 den)
{
	return percent_numeric(int128_numeric(num), int128_numeric(den));
}

/* 100 * (now - before) / |before|, or NULL-worthy when before is 0. */
static Numeric
growth(ts_int128 now, ts_int128 before)
{
	ts_int128	diff;

	if (__builtin_sub_overflow(now, before, &diff))
		state_overflow();
	return percent(diff, before < 0 ? -before : before);
}

/* The same-period windows of as-of date p: [Jan 1, p] and a year earlier. */
static void
same_period_windows(const ts_growth_state *s, int32 p, ts_window_sums *cur,
					ts_window_sums *prev)
{
	int32		start = ts_date_year_start(p);
	int32		p_before = ts_date_minus_years(p, 1);

	if (!ts_gs_window(s, start, p, cur) ||
		!ts_gs_window(s, ts_date_year_start(p_before), p_before, prev))
		state_overflow();
}

static ts_growth_state *
final_state(FunctionCallInfo fcinfo)
{
	return PG_ARGISNULL(0) ? NULL : state_arg(fcinfo, 0);
}

PG_FUNCTION_INFO_V1(yoy_growth_final);
Datum
yoy_growth_final(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = final_state(fcinfo);
	ts_window_sums cur,
				prev;
	int32		p;

	if (s == NULL)
		PG_RETURN_NULL();
	if (s->flags & TS_GS_AS_OF)
		p = s->as_of;
	else if (!ts_gs_latest(s, &p))
		PG_RETURN_NULL();
	same_period_windows(s, p, &cur, &prev);
	if (prev.count == 0 || prev.total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(growth(cur.total, prev.total));
}

PG_FUNCTION_INFO_V1(mom_growth_final);
Datum
mom_growth_final(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = final_state(fcinfo);
	ts_window_sums cur,
				prev;
	int32		p,
				month;

	if (s == NULL || !ts_gs_latest(s, &p))
		PG_RETURN_NULL();
	month = ts_date_month_start(p);
	if (!ts_gs_window(s, month, p, &cur) ||
		!ts_gs_window(s, ts_date_minus_months(month, 1), month - 1, &prev))
		state_overflow();
	if (prev.count == 0 || prev.total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(growth(cur.total, prev.total));
}

PG_FUNCTION_INFO_V1(share_final);
Datum
share_final(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = final_state(fcinfo);
	const ts_growth_entry *e;

	if (s == NULL || s->nentries == 0)
		PG_RETURN_NULL();
	e = &s->entries[0];
	if (e->total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(percent(e->part, e->total));
}

PG_FUNCTION_INFO_V1(share_change_final);
Datum
share_change_final(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = final_state(fcinfo);
	ts_window_sums cur,
				prev;
	int32		p;

	if (s == NULL || !ts_gs_latest(s, &p))
		PG_RETURN_NULL();
	same_period_windows(s, p, &cur, &prev);
	if (cur.total == 0 || prev.count == 0 || prev.total == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_sub,
										NumericGetDatum(percent(cur.part, cur.total)),
										NumericGetDatum(percent(prev.part, prev.total))));
}

PG_FUNCTION_INFO_V1(growth_contribution_final);
Datum
growth_contribution_final(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = final_state(fcinfo);
	ts_window_sums cur,
				prev;
	ts_int128	diff;
	int32		p;

	if (s == NULL || !ts_gs_latest(s, &p))
		PG_RETURN_NULL();
	same_period_windows(s, p, &cur, &prev);
	if (prev.count == 0 || prev.total == 0)
		PG_RETURN_NULL();
	if (__builtin_sub_overflow(cur.part, prev.part, &diff))
		state_overflow();
	PG_RETURN_NUMERIC(percent(diff, prev.total < 0 ? -prev.total : prev.total));
}

/* ---- the state type's I/O ---- */

static void
bad_state(const char *what, const char *input, const char *why)
{
	ereport(ERROR,
			(errcode(what ? ERRCODE_INVALID_TEXT_REPRESENTATION :
					 ERRCODE_INVALID_BINARY_REPRESENTATION),
			 what ? errmsg("invalid input syntax for type growth_state: \"%s\"", input) :
			 errmsg("invalid binary growth_state"),
			 errdetail("The state is invalid: %s.", why)));
}

PG_FUNCTION_INFO_V1(growth_state_in);
Datum
growth_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int32		n;
	const char *err = ts_gs_parse_count(str, &n);
	ts_growth_state *s;

	if (err != NULL || n > (int32) ((MaxAllocSize - TS_GS_SIZE(0)) / sizeof(ts_growth_entry)))
		bad_state("text", str, err ? err : "too many periods");
	s = palloc0(TS_GS_SIZE(Max(n, 1)));
	err = ts_gs_parse(str, s);
	if (err != NULL)
		bad_state("text", str, err);
	s->capacity = Max(n, 1);
	SET_VARSIZE(s, TS_GS_SIZE(s->capacity));
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(growth_state_out);
Datum
growth_state_out(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = state_arg(fcinfo, 0);
	char	   *buf = palloc(ts_gs_text_size(s));

	ts_gs_format(s, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(growth_state_send);
Datum
growth_state_send(PG_FUNCTION_ARGS)
{
	ts_growth_state *s = state_arg(fcinfo, 0);
	size_t		size = ts_gs_encoded_size(s);
	bytea	   *result = palloc(VARHDRSZ + size);

	ts_gs_encode(s, (uint8 *) VARDATA(result));
	SET_VARSIZE(result, VARHDRSZ + size);
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(growth_state_recv);
Datum
growth_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8 *data = (const uint8 *) buf->data + buf->cursor;
	size_t		len = buf->len - buf->cursor;
	int32		n;
	const char *err = ts_gs_decode_count(data, len, &n);
	ts_growth_state *s;

	if (err != NULL)
		bad_state(NULL, NULL, err);
	s = palloc0(TS_GS_SIZE(Max(n, 1)));
	err = ts_gs_decode(data, len, s);
	if (err != NULL)
		bad_state(NULL, NULL, err);
	buf->cursor = buf->len;
	s->capacity = Max(n, 1);
	SET_VARSIZE(s, TS_GS_SIZE(s->capacity));
	PG_RETURN_POINTER(s);
}
