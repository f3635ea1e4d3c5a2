/*-------------------------------------------------------------------------
 *
 * concentration.c
 *	  The measures over a group's parts: the aggregates hhi(value) and
 *	  cr(value, n), and the set-returning function top_n(labels, values, n).
 *
 * Each row of hhi and cr is one part (a partner's or a product's total):
 * its value is kept as an integer mantissa (minor units of an amount, the
 * digits of a numeric at the group's common scale) in an internal state
 * allocated in the aggregate's memory context.  The state is a list of
 * parts, not a sum, because cr needs the largest of them; combine
 * concatenates the lists, and the serial form is portable (pq_send*).
 * The final functions compute in numeric, exactly up to numeric division.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "trade_stats.h"
#include "ts_parts.h"

typedef struct PartsState
{
	int			n;				/* parts so far */
	int			capacity;
	int			scale;			/* decimals of the numeric mantissas */
	int			top;			/* cr's n; 0 for hhi */
	ts_currency_key currency;	/* TS_NO_CURRENCY before the first amount */
	ts_value_kind kind;
	ts_int128  *values;
} PartsState;

/* The first byte of the serial form; a new layout gets a new one. */
#define PARTS_SERIAL_V1 1
/* At most this many parts in one state (the serial form's counts are int32). */
#define PARTS_MAX (MaxAllocSize / sizeof(ts_int128) / 2)

static PartsState *
parts_new(MemoryContext cxt, ts_value_kind kind)
{
	PartsState *s = MemoryContextAllocZero(cxt, sizeof(PartsState));

	s->kind = kind;
	s->capacity = 16;
	s->values = MemoryContextAlloc(cxt, s->capacity * sizeof(ts_int128));
	return s;
}

/* Room for 'more' parts (the array lives in the state's context). */
static void
parts_reserve(PartsState *s, int more)
{
	if ((Size) s->n + more > PARTS_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many parts for hhi or cr: more than %zu",
						(Size) PARTS_MAX)));
	if (s->n + more > s->capacity)
	{
		int			cap = Max(s->capacity * 2, s->n + more);

		if ((Size) cap > PARTS_MAX)
			cap = (int) PARTS_MAX;
		s->values = repalloc(s->values, cap * sizeof(ts_int128));
		s->capacity = cap;
	}
}

static void
parts_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum of the parts is out of range for hhi or cr"),
			 errdetail("The parts' values are summed exactly in 128 bits.")));
}

/* The same for the values of top_n, at one scale. */
static void
top_n_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("values of top_n are out of range at a common scale"),
			 errdetail("The values are compared and summed exactly in 128 bits, at the scale of the value with the most decimals.")));
}

/* Bring s to 'scale' decimals (numeric values only). */
static void
parts_rescale(PartsState *s, int scale)
{
	if (scale > s->scale)
	{
		if (!ts_parts_rescale(s->values, s->n, scale - s->scale))
			parts_overflow();
		s->scale = scale;
	}
}

static void
negative_part(const char *value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("negative part %s for hhi or cr", value),
			 errdetail("A share of the whole is defined for parts of at least zero."),
			 errhint("Give each part's total, for example sum(value) grouped by part.")));
}

/* The state of an aggregate call, created on the first row. */
static PartsState *
parts_state(FunctionCallInfo fcinfo, ts_value_kind kind)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "hhi and cr transition functions called in a non-aggregate context");
	if (PG_ARGISNULL(0))
		return parts_new(aggcxt, kind);
	return (PartsState *) PG_GETARG_POINTER(0);
}

/* cr's n: the same on every row of a group, at least 1. */
static void
parts_check_top(PartsState *s, FunctionCallInfo fcinfo)
{
	int32		top;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("cr needs n, not NULL")));
	top = PG_GETARG_INT32(2);
	if (top < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n of cr must be at least 1, not %d", top)));
	if (s->top != 0 && s->top != top)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cr takes one n per group, not %d and %d", s->top, top)));
	s->top = top;
}

static void
parts_add_amount(PartsState *s, const CurrencyAmount *a)
{
	if (unlikely(s->currency != a->currency))
	{
		if (s->currency != TS_NO_CURRENCY)
			ts_mixed_currencies(TS_OP_AGGREGATE, s->currency, a->currency,
								"Group by currency(amount), or convert the amounts to one currency first.");
		s->currency = a->currency;
	}
	if (a->units < 0)
		negative_part(ts_amount_text(a));
	parts_reserve(s, 1);
	s->values[s->n++] = a->units;
}

/* A numeric part, as its argument comes (not detoasted). */
static void
parts_add_numeric(PartsState *s, Datum num)
{
	ts_int128	mant;
	int			scale;

	if (!ts_numeric_arg_to_int128(num, &mant, &scale))
		parts_overflow();
	if (mant < 0)
		negative_part(DatumGetCString(DirectFunctionCall1(numeric_out, num)));
	parts_rescale(s, scale);
	if (!ts_int128_mul_pow10(&mant, s->scale - scale))
		parts_overflow();
	parts_reserve(s, 1);
	s->values[s->n++] = mant;
}

/* ---- transition functions, one per SQL signature ---- */

PG_FUNCTION_INFO_V1(parts_accum_amount);
Datum
parts_accum_amount(PG_FUNCTION_ARGS)
{
	PartsState *s = parts_state(fcinfo, TS_VAL_AMOUNT);

	if (!PG_ARGISNULL(1))
		parts_add_amount(s, PG_GETARG_CURRENCY_AMOUNT_P(1));
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(parts_accum_numeric);
Datum
parts_accum_numeric(PG_FUNCTION_ARGS)
{
	PartsState *s = parts_state(fcinfo, TS_VAL_NUMERIC);

	if (!PG_ARGISNULL(1))
		parts_add_numeric(s, PG_GETARG_DATUM(1));
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(parts_accum_amount_n);
Datum
parts_accum_amount_n(PG_FUNCTION_ARGS)
{
	PartsState *s = parts_state(fcinfo, TS_VAL_AMOUNT);

	parts_check_top(s, fcinfo);
	if (!PG_ARGISNULL(1))
		parts_add_amount(s, PG_GETARG_CURRENCY_AMOUNT_P(1));
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(parts_accum_numeric_n);
Datum
parts_accum_numeric_n(PG_FUNCTION_ARGS)
{
	PartsState *s = parts_state(fcinfo, TS_VAL_NUMERIC);

	parts_check_top(s, fcinfo);
	if (!PG_ARGISNULL(1))
		parts_add_numeric(s, PG_GETARG_DATUM(1));
	PG_RETURN_POINTER(s);
}

/*
 * Combine: the parts of both, in the aggregate's context; a NULL first
 * state becomes a copy of the second, never the second itself.
 */
PG_FUNCTION_INFO_V1(parts_combine);
Datum
parts_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	PartsState *a = PG_ARGISNULL(0) ? NULL : (PartsState *) PG_GETARG_POINTER(0);
	PartsState *b = PG_ARGISNULL(1) ? NULL : (PartsState *) PG_GETARG_POINTER(1);

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "parts_combine called in a non-aggregate context");
	if (b == NULL)
		PG_RETURN_POINTER(a);
	if (a == NULL)
	{
		a = parts_new(aggcxt, b->kind);
		a->currency = b->currency;
		a->scale = b->scale;
		a->top = b->top;
	}
	else
	{
		if (b->currency != TS_NO_CURRENCY)
		{
			if (a->currency == TS_NO_CURRENCY)
				a->currency = b->currency;
			else if (a->currency != b->currency)
				ts_mixed_currencies(TS_OP_AGGREGATE, a->currency, b->currency,
									"Group by currency(amount), or convert the amounts to one currency first.");
		}
		if (b->top != 0 && a->top != 0 && a->top != b->top)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cr takes one n per group, not %d and %d", a->top, b->top)));
		if (a->top == 0)
			a->top = b->top;
	}
	parts_rescale(a, b->scale);
	parts_reserve(a, b->n);
	for (int i = 0; i < b->n; i++)
	{
		ts_int128	v = b->values[i];

		CHECK_FOR_INTERRUPTS();
		if (!ts_int128_mul_pow10(&v, a->scale - b->scale))
			parts_overflow();
		a->values[a->n++] = v;
	}
	PG_RETURN_POINTER(a);
}

/*
 * Serial form: a version byte, the kind, the currency's code (three zero
 * bytes for none), scale, n of cr, the count, then each mantissa as its
 * high and low 64 bits.
 */
PG_FUNCTION_INFO_V1(parts_serialize);
Datum
parts_serialize(PG_FUNCTION_ARGS)
{
	PartsState *s = (PartsState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PARTS_SERIAL_V1);
	ts_pq_send_kind_currency(&buf, s->kind, s->currency);
	pq_sendint32(&buf, s->scale);
	pq_sendint32(&buf, s->top);
	pq_sendint32(&buf, s->n);
	for (int i = 0; i < s->n; i++)
		ts_pq_send_int128(&buf, s->values[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
invalid_serial(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid serialized state of hhi or cr")));
}

PG_FUNCTION_INFO_V1(parts_deserialize);
Datum
parts_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcxt;
	StringInfoData buf;
	PartsState *s;
	ts_value_kind kind;
	ts_currency_key currency;
	int			n;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "parts_deserialize called in a non-aggregate context");
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	if (buf.len < 17 || pq_getmsgbyte(&buf) != PARTS_SERIAL_V1)
		invalid_serial();
	if (!ts_pq_get_kind_currency(&buf, &kind, &currency))
		invalid_serial();
	s = parts_new(aggcxt, kind);
	s->currency = currency;
	s->scale = pq_getmsgint(&buf, 4);
	s->top = pq_getmsgint(&buf, 4);
	n = pq_getmsgint(&buf, 4);
	if (s->scale < 0 || s->scale > TS_NUMERIC_MAX_SCALE ||
		(kind == TS_VAL_AMOUNT && s->scale != 0) || s->top < 0 || n < 0 ||
		(Size) n > PARTS_MAX || buf.len - buf.cursor != 16 * n)
		invalid_serial();
	parts_reserve(s, n);
	for (int i = 0; i < n; i++)
	{
		ts_int128	v = ts_pq_get_int128(&buf);

		if (v < 0)
			invalid_serial();
		s->values[s->n++] = v;
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* ---- final functions ---- */

static Numeric
num_add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

/*
 * hhi: the Herfindahl-Hirschman index as WITS defines it, the sum of the
 * squared shares in percent, 10000 * sum(v^2) / sum(v)^2: 10000 for one
 * part, 10000 / k for k equal parts.  NULL without parts or when the
 * total is 0.
 */
PG_FUNCTION_INFO_V1(hhi_final);
Datum
hhi_final(PG_FUNCTION_ARGS)
{
	PartsState *s = PG_ARGISNULL(0) ? NULL : (PartsState *) PG_GETARG_POINTER(0);
	ts_int128	total,
				sum_squares;
	Numeric		squares = int64_to_numeric(0);
	Numeric		t;

	if (s == NULL || s->n == 0)
		PG_RETURN_NULL();
	if (!ts_parts_sum(s->values, s->n, &total))
		parts_overflow();
	if (total == 0)
		PG_RETURN_NULL();
	/* the squares in 128 bits while they fit, else (rarely) in numeric */
	if (ts_parts_sum_squares(s->values, s->n, &sum_squares))
		squares = ts_int128_numeric(sum_squares);
	else
		for (int i = 0; i < s->n; i++)
		{
			Numeric		v;

			CHECK_FOR_INTERRUPTS();
			if (s->values[i] == 0)
				continue;
			v = ts_int128_numeric(s->values[i]);
			squares = num_add(squares, num_mul(v, v));
		}
	t = ts_int128_numeric(total);
	PG_RETURN_NUMERIC(ts_percent_numeric(num_mul(squares, int64_to_numeric(100)),
										 num_mul(t, t)));
}

/*
 * cr: the concentration ratio CR-n, the share of the n largest parts in
 * the total, in percent (100 when there are at most n parts).  NULL as
 * for hhi.
 */
PG_FUNCTION_INFO_V1(cr_final);
Datum
cr_final(PG_FUNCTION_ARGS)
{
	PartsState *s = PG_ARGISNULL(0) ? NULL : (PartsState *) PG_GETARG_POINTER(0);
	ts_int128	total,
				top;
	ts_int128  *heap;

	if (s == NULL || s->n == 0)
		PG_RETURN_NULL();
	if (!ts_parts_sum(s->values, s->n, &total))
		parts_overflow();
	if (total == 0)
		PG_RETURN_NULL();
	/* the state stays as it is: a window may call this again */
	heap = palloc(Min(s->top, s->n) * sizeof(ts_int128));
	if (!ts_parts_top_sum(s->values, s->n, s->top, heap, &top))
		parts_overflow();
	pfree(heap);
	PG_RETURN_NUMERIC(ts_percent_numeric(ts_int128_numeric(top), ts_int128_numeric(total)));
}

/* ---- top_n ---- */

/*
 * top_n(labels, values, n, others): the n largest parts, one row each
 * (rank 1 to n, ties by label in byte order, a NULL label last, then by
 * position), then one row labelled 'others' with the sum of the rest, when
 * there is a rest.  NULL values are no parts.  The rows add up exactly to
 * the sum of the values.  Materialized: the parts must all be sorted first.
 */
static Datum
top_n_call(FunctionCallInfo fcinfo, ts_value_kind kind)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *labels_arr = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *values_arr = PG_GETARG_ARRAYTYPE_P(1);
	int32		top = PG_GETARG_INT32(2);
	text	   *others = PG_GETARG_TEXT_PP(3);
	Datum	   *labels,
			   *values;
	bool	   *label_nulls,
			   *value_nulls;
	int			nlabels,
				nvalues,
				nparts = 0,
				scale = 0;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	ts_part    *parts;
	ts_int128	rest = 0;
	Datum		rest_numeric = (Datum) 0;
	ts_currency_key currency = TS_NO_CURRENCY;
	Datum		out[4];
	bool		out_nulls[4] = {false, false, false, false};

	if (top < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n of top_n must be at least 0, not %d", top)));
	if (ARR_NDIM(labels_arr) > 1 || ARR_NDIM(values_arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("top_n takes one-dimensional arrays")));
	deconstruct_array(labels_arr, TEXTOID, -1, false, TYPALIGN_INT,
					  &labels, &label_nulls, &nlabels);
	get_typlenbyvalalign(ARR_ELEMTYPE(values_arr), &typlen, &typbyval, &typalign);
	deconstruct_array(values_arr, ARR_ELEMTYPE(values_arr), typlen, typbyval,
					  typalign, &values, &value_nulls, &nvalues);
	if (nlabels != nvalues)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("top_n needs as many labels as values, not %d and %d",
						nlabels, nvalues)));

	/* the parts as mantissas at one scale */
	parts = palloc(Max(nvalues, 1) * sizeof(ts_part));
	for (int i = 0; i < nvalues; i++)
	{
		ts_part    *p = &parts[nparts];

		CHECK_FOR_INTERRUPTS();
		if (value_nulls[i])
			continue;
		if (kind == TS_VAL_AMOUNT)
		{
			CurrencyAmount *a = DatumGetCurrencyAmountP(values[i]);

			if (currency == TS_NO_CURRENCY)
				currency = a->currency;
			else if (currency != a->currency)
				ts_mixed_currencies(TS_OP_AGGREGATE, currency, a->currency,
									"Give top_n the amounts of one currency, or convert them first.");
			p->value = a->units;
		}
		else
		{
			Numeric		num = DatumGetNumeric(values[i]);
			int			sc;

			if (numeric_is_nan(num) || numeric_is_inf(num))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot aggregate %s", numeric_is_nan(num) ? "NaN" : "infinity")));
			if (!ts_numeric_to_int128(num, TS_NUMERIC_MAX_SCALE, &p->value, &sc))
				top_n_overflow();
			if (sc > scale)
			{
				for (int j = 0; j < nparts; j++)
					if (!ts_int128_mul_pow10(&parts[j].value, sc - scale))
						top_n_overflow();
				scale = sc;
			}
			else if (!ts_int128_mul_pow10(&p->value, scale - sc))
				top_n_overflow();
		}
		p->label = label_nulls[i] ? NULL : text_to_cstring(DatumGetTextPP(labels[i]));
		p->pos = i;
		nparts++;
	}
	ts_parts_sort(parts, nparts);

	InitMaterializedSRF(fcinfo, 0);
	for (int r = 0; r < nparts; r++)
	{
		int			i = parts[r].pos;

		CHECK_FOR_INTERRUPTS();
		if (r < top)
		{
			out[0] = Int32GetDatum(r + 1);
			out_nulls[0] = false;
			out[1] = labels[i];
			out_nulls[1] = label_nulls[i];
			out[2] = values[i];
			out[3] = Int32GetDatum(1);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, out, out_nulls);
		}
		else if (kind == TS_VAL_AMOUNT)
		{
			if (__builtin_add_overflow(rest, parts[r].value, &rest))
				ts_amount_out_of_range(TS_RESULT_SUM, currency);
		}
		else
			rest_numeric = rest_numeric == (Datum) 0 ? values[i] :
				NumericGetDatum(num_add(DatumGetNumeric(rest_numeric),
										DatumGetNumeric(values[i])));
	}
	if (nparts > top)
	{
		out_nulls[0] = true;
		out[1] = PointerGetDatum(others);
		out_nulls[1] = false;
		if (kind == TS_VAL_AMOUNT)
		{
			int64		units;

			if (!ts_int128_to_int64(rest, &units))
				ts_amount_out_of_range(TS_RESULT_SUM, currency);
			out[2] = CurrencyAmountPGetDatum(ts_make_amount(units, currency));
		}
		else
			out[2] = rest_numeric;
		out[3] = Int32GetDatum(nparts - top);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, out, out_nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(top_n_amount);
Datum
top_n_amount(PG_FUNCTION_ARGS)
{
	return top_n_call(fcinfo, TS_VAL_AMOUNT);
}

PG_FUNCTION_INFO_V1(top_n_numeric);
Datum
top_n_numeric(PG_FUNCTION_ARGS)
{
	return top_n_call(fcinfo, TS_VAL_NUMERIC);
}
