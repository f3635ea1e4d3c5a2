/*-------------------------------------------------------------------------
 *
 * amount_agg.c
 *	  sum() and avg() of currency_amount, and their state type.
 *
 * The state is a fixed-size SQL type, currency_amount_sum_state: a 128-bit
 * sum of minor units, a row count and the currency.  Being a real type with
 * text and binary I/O, partial states can be shipped between servers and
 * stored.  Inside an aggregate the transition functions update the state in
 * place; called as plain functions they work on a copy.
 *
 * Text form: "(sum,count,CODE)", e.g. "(12345,3,USD)"; "(0,0,)" is empty.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"

#include "trade_stats.h"

typedef struct AmountSumState
{
	ts_int128	sum;			/* in minor units */
	int64		count;			/* rows summed */
	uint16		currency;		/* TS_NO_CURRENCY before the first row */
	uint16		pad1;
	uint32		pad2;
} AmountSumState;

StaticAssertDecl(sizeof(AmountSumState) == 32,
				 "currency_amount_sum_state is 32 bytes");

#define PG_GETARG_SUM_STATE_P(n) ((AmountSumState *) PG_GETARG_POINTER(n))

/*
 * The state to update: the argument itself inside an aggregate (it lives in
 * the aggregate's memory context), else a copy.  The test is the one
 * AggCheckCallContext makes, inline: it runs once per row.
 */
static inline AmountSumState *
state_for_update(FunctionCallInfo fcinfo)
{
	AmountSumState *state = PG_GETARG_SUM_STATE_P(0);
	AmountSumState *copy;

	if (likely(fcinfo->context &&
			   (IsA(fcinfo->context, AggState) ||
				IsA(fcinfo->context, WindowAggState))))
		return state;
	copy = (AmountSumState *) palloc(sizeof(AmountSumState));
	memcpy(copy, state, sizeof(AmountSumState));
	return copy;
}

/* Is the state consistent (see ts_sum_state_is_valid), padding zeroed? */
static bool
state_is_valid(const AmountSumState *s)
{
	return s->pad1 == 0 && s->pad2 == 0 &&
		ts_sum_state_is_valid(s->sum, s->count, s->currency);
}

static void
sum_overflow(ts_currency_key currency)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum is out of range for type %s", "currency_amount_sum_state"),
			 errdetail("The running total of %s amounts exceeds 128 bits of minor units.",
					   ts_currency_code(currency))));
}

/* Add (sign 1) or remove (sign -1) one amount. */
static inline void
state_apply(AmountSumState *s, const CurrencyAmount *a, int sign)
{
	ts_int128	sum;

	if (unlikely(s->currency != a->currency))
	{
		if (s->count == 0)
			s->currency = a->currency;	/* also after a moving frame emptied */
		else
			ts_check_same_currency(s->currency, a->currency, TS_OP_SUM);
	}

	if (sign > 0 ? __builtin_add_overflow(s->sum, (ts_int128) a->units, &sum) :
		__builtin_sub_overflow(s->sum, (ts_int128) a->units, &sum))
		sum_overflow(s->currency);
	if (unlikely(sign > 0 && s->count == PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("row count is out of range for type %s",
						"currency_amount_sum_state")));
	s->sum = sum;
	s->count += sign;
}

PG_FUNCTION_INFO_V1(currency_amount_sum_accum);
Datum
currency_amount_sum_accum(PG_FUNCTION_ARGS)
{
	AmountSumState *state = state_for_update(fcinfo);

	state_apply(state, PG_GETARG_CURRENCY_AMOUNT_P(1), 1);
	PG_RETURN_POINTER(state);
}

/* Inverse transition for moving windows: exact, never gives up. */
PG_FUNCTION_INFO_V1(currency_amount_sum_inv);
Datum
currency_amount_sum_inv(PG_FUNCTION_ARGS)
{
	AmountSumState *state = state_for_update(fcinfo);
	const CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(1);

	if (state->count <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove an amount from an empty currency_amount_sum_state")));
	state_apply(state, a, -1);
	/* called by hand, it can remove what was never added */
	if (!state_is_valid(state))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove %s from a currency_amount_sum_state that does not hold it",
						ts_amount_text(a))));
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(currency_amount_sum_combine);
Datum
currency_amount_sum_combine(PG_FUNCTION_ARGS)
{
	AmountSumState *other = PG_GETARG_SUM_STATE_P(1);
	AmountSumState *state;
	ts_int128	sum;
	int64		count;

	if (other->count == 0)
		PG_RETURN_POINTER(PG_GETARG_SUM_STATE_P(0));
	state = state_for_update(fcinfo);
	if (state->count == 0)
	{
		memcpy(state, other, sizeof(AmountSumState));
		PG_RETURN_POINTER(state);
	}
	ts_check_same_currency(state->currency, other->currency, TS_OP_SUM);
	if (__builtin_add_overflow(state->sum, other->sum, &sum) ||
		__builtin_add_overflow(state->count, other->count, &count))
		sum_overflow(state->currency);
	state->sum = sum;
	state->count = count;
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(currency_amount_sum_final);
Datum
currency_amount_sum_final(PG_FUNCTION_ARGS)
{
	AmountSumState *state = PG_GETARG_SUM_STATE_P(0);
	int64		units;

	if (state->count == 0)
		PG_RETURN_NULL();
	if (!ts_int128_to_int64(state->sum, &units))
		ts_amount_out_of_range(TS_RESULT_SUM, state->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, state->currency));
}

/* avg: the sum over the count, rounded half away from zero. */
PG_FUNCTION_INFO_V1(currency_amount_avg_final);
Datum
currency_amount_avg_final(PG_FUNCTION_ARGS)
{
	AmountSumState *state = PG_GETARG_SUM_STATE_P(0);
	int64		units;

	if (state->count == 0)
		PG_RETURN_NULL();
	if (!ts_div128_round(state->sum, state->count, &units))
		ts_amount_out_of_range(TS_RESULT_AVERAGE, state->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, state->currency));
}

/* ---- state type I/O ---- */

static void
invalid_state_text(const char *str)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type currency_amount_sum_state: \"%s\"",
					str),
			 errdetail("Expected \"(sum,count,currency)\" with a consistent sum and count.")));
}


PG_FUNCTION_INFO_V1(currency_amount_sum_state_in);
Datum
currency_amount_sum_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	AmountSumState *state = (AmountSumState *) palloc0(sizeof(AmountSumState));

	if (!ts_sum_state_parse(str, &state->sum, &state->count, &state->currency))
		invalid_state_text(str);
	PG_RETURN_POINTER(state);
}


PG_FUNCTION_INFO_V1(currency_amount_sum_state_out);
Datum
currency_amount_sum_state_out(PG_FUNCTION_ARGS)
{
	AmountSumState *state = PG_GETARG_SUM_STATE_P(0);
	char	   *buf = palloc(TS_SUM_STATE_BUFLEN);

	ts_sum_state_format(state->sum, state->count, state->currency, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary form: sum as int64 high and uint64 low halves, int64 count, three
 * bytes of ISO code (three zero bytes for none).
 */
PG_FUNCTION_INFO_V1(currency_amount_sum_state_send);
Datum
currency_amount_sum_state_send(PG_FUNCTION_ARGS)
{
	AmountSumState *state = PG_GETARG_SUM_STATE_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	ts_pq_send_int128(&buf, state->sum);
	pq_sendint64(&buf, state->count);
	ts_pq_send_currency(&buf, state->currency);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(currency_amount_sum_state_recv);
Datum
currency_amount_sum_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	AmountSumState *state = (AmountSumState *) palloc0(sizeof(AmountSumState));

	state->sum = ts_pq_get_int128(buf);
	state->count = pq_getmsgint64(buf);
	if (!ts_pq_get_currency(buf, &state->currency))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid currency in binary currency_amount_sum_state")));
	if (!state_is_valid(state))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary currency_amount_sum_state"),
				 errdetail("The count is negative or does not fit the sum.")));
	PG_RETURN_POINTER(state);
}
