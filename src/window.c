/*-------------------------------------------------------------------------
 *
 * window.c
 *	  Window functions yoy, mom, prior_year, monthly_from_ytd and
 *	  share_of_total, and the scalar pct_change.
 *
 * On its first row in a partition a function reads the whole partition once,
 * in order, and keeps each row's period and value in partition-local memory:
 * an open-addressing hash table from period to row.  Every row then finds
 * its neighbour a year or a month earlier in constant time, so a partition
 * costs linear time however its rows are ordered, and the tuplestore is never
 * read backwards.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "miscadmin.h"
#include "windowapi.h"

#include "trade_stats.h"

static Numeric growth_value_numeric(ts_value_kind kind, Datum value);

/*
 * The first argument's declared type, its value kind and storage, from the
 * function's own pg_proc entry: every signature of a window function is
 * bound to one symbol, and fn_oid is set by every fmgr caller, where fn_expr
 * is not.  Looked up once per call site and kept in fn_extra, not once per
 * partition.
 */
typedef struct ArgInfo
{
	Oid			type;
	ts_value_kind kind;
	int16		typlen;
	bool		typbyval;
} ArgInfo;

static const ArgInfo *
first_arg(FunctionCallInfo fcinfo)
{
	ArgInfo    *info = (ArgInfo *) fcinfo->flinfo->fn_extra;
	HeapTuple	tup;

	if (info != NULL)
		return info;
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	info = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ArgInfo));
	info->type = ((Form_pg_proc) GETSTRUCT(tup))->proargtypes.values[0];
	ReleaseSysCache(tup);
	info->kind = ts_value_kind_of(info->type);
	get_typlenbyval(info->type, &info->typlen, &info->typbyval);
	fcinfo->flinfo->fn_extra = info;
	return info;
}

typedef struct PeriodRow
{
	int32		period;
	bool		isnull;			/* the value is NULL */
	Datum		value;			/* a copy in partition memory */
} PeriodRow;

/* Partition-local state (WinGetPartitionLocalMemory zeroes it). */
typedef struct PartitionIndex
{
	bool		built;
	ts_value_kind kind;			/* of the argument (first_arg) */
	int16		typlen;
	bool		typbyval;
	int64		nrows;			/* rows with a period */
	PeriodRow  *rows;
	int32	   *slots;			/* hash table: row index + 1, 0 empty */
	uint32		mask;
	/* share_of_total */
	bool		total_isnull;	/* no values */
	Numeric		total;
	uint16		currency;		/* currency_amount: the partition's */
} PartitionIndex;

static inline uint32
period_hash(int32 period)
{
	return (uint32) period * 2654435761u;
}

static bool
numeric_is_zero(Numeric n)
{
	return DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(n),
											NumericGetDatum(int64_to_numeric(0))));
}

static void
duplicate_period(int32 period)
{
	ereport(ERROR,
			(errcode(ERRCODE_CARDINALITY_VIOLATION),
			 errmsg("window partition has more than one row for period %s",
					ts_iso_date(period)),
			 errhint("Aggregate first, e.g. sum(value) ... GROUP BY partner, period, then apply the window function to the sums.")));
}

static void
mixed_currencies(uint16 a, uint16 b)
{
	ts_mixed_currencies(TS_OP_COMPARE, a, b,
						"Partition by currency(amount), or convert the amounts to one currency first.");
}

/* Row index of a period, or -1. */
static int64
find_period(const PartitionIndex *idx, int32 period)
{
	uint32		h;

	if (idx->slots == NULL)
		return -1;
	for (h = period_hash(period) & idx->mask;; h = (h + 1) & idx->mask)
	{
		int32		slot = idx->slots[h];

		if (slot == 0)
			return -1;
		if (idx->rows[slot - 1].period == period)
			return slot - 1;
	}
}

/*
 * Read the partition once: every row's period and value (with_periods), or
 * the sum of the values (for share_of_total).
 */
static PartitionIndex *
get_index(FunctionCallInfo fcinfo, WindowObject winobj, bool with_periods)
{
	PartitionIndex *idx;
	MemoryContext partcxt;
	int64		n;
	uint32		size;

	idx = (PartitionIndex *) WinGetPartitionLocalMemory(winobj, sizeof(PartitionIndex));
	if (idx->built)
		return idx;

	partcxt = GetMemoryChunkContext(idx);
	{
		const ArgInfo *arg = first_arg(fcinfo);

		idx->kind = arg->kind;
		idx->typlen = arg->typlen;
		idx->typbyval = arg->typbyval;
	}
	n = WinGetPartitionRowCount(winobj);
	if (with_periods && n > INT32_MAX / 4)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("window partition has too many rows (" INT64_FORMAT ")", n)));
	if (with_periods && n > 0)
	{
		for (size = 16; size < 2 * n; size *= 2)
			;
		idx->rows = MemoryContextAlloc(partcxt, sizeof(PeriodRow) * n);
		idx->slots = MemoryContextAllocZero(partcxt, sizeof(int32) * size);
		idx->mask = size - 1;
	}
	idx->total_isnull = true;

	for (int64 i = 0; i < n; i++)
	{
		bool		isnull,
					isout,
					period_isnull = false;
		Datum		value,
					period = 0;

		CHECK_FOR_INTERRUPTS();

		/*
		 * The period first: each fetch may free the row the previous one
		 * pointed into, so the value, fetched last, is used (and copied)
		 * before the next fetch.
		 */
		if (with_periods)
			period = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD,
											  false, &period_isnull, &isout);
		value = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false,
										 &isnull, &isout);

		if (!isnull && idx->kind == TS_VAL_AMOUNT)
		{
			CurrencyAmount *a = DatumGetCurrencyAmountP(value);

			if (idx->currency == 0)
				idx->currency = a->currency;
			else if (idx->currency != a->currency)
				mixed_currencies(idx->currency, a->currency);
		}

		if (with_periods)
		{
			PeriodRow  *row;
			uint32		h;
			int32		p;

			if (period_isnull)
				continue;
			p = DatumGetDateADT(period);
			ts_check_period(p);
			for (h = period_hash(p) & idx->mask; idx->slots[h] != 0;
				 h = (h + 1) & idx->mask)
				if (idx->rows[idx->slots[h] - 1].period == p)
					duplicate_period(p);
			row = &idx->rows[idx->nrows];
			row->period = p;
			row->isnull = isnull;
			row->value = 0;
			if (!isnull)
			{
				MemoryContext old = MemoryContextSwitchTo(partcxt);

				row->value = datumCopy(value, idx->typbyval, idx->typlen);
				MemoryContextSwitchTo(old);
			}
			idx->slots[h] = (int32) (++idx->nrows);
		}
		else if (!isnull)
		{
			Numeric		v = growth_value_numeric(idx->kind, value);
			MemoryContext old = MemoryContextSwitchTo(partcxt);

			/* the total lives in partition memory, never in the row's */
			idx->total = idx->total_isnull ?
				DatumGetNumeric(datumCopy(NumericGetDatum(v), false, -1)) :
				DatumGetNumeric(DirectFunctionCall2(numeric_add,
													NumericGetDatum(idx->total),
													NumericGetDatum(v)));
			idx->total_isnull = false;
			MemoryContextSwitchTo(old);
		}
	}
	idx->built = true;
	return idx;
}

/*
 * A value as numeric for percentages: an amount's minor units (the ratio of
 * two amounts of one currency does not depend on the scale), bigint and
 * double as numeric.
 */
static Numeric
growth_value_numeric(ts_value_kind kind, Datum value)
{
	switch (kind)
	{
		case TS_VAL_NUMERIC:
			return DatumGetNumeric(value);
		case TS_VAL_INT8:
			return int64_to_numeric(DatumGetInt64(value));
		case TS_VAL_FLOAT8:
			{
				float8		f = DatumGetFloat8(value);

				if (isnan(f) || isinf(f))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot compute a percentage of %s",
									isnan(f) ? "NaN" : "infinity")));
				return DatumGetNumeric(DirectFunctionCall1(float8_numeric, value));
			}
		case TS_VAL_AMOUNT:
			break;
	}
	return int64_to_numeric(DatumGetCurrencyAmountP(value)->units);
}

/* 100 * (now - before) / |before|; NULL (false) when before is 0. */
static bool
growth_of(ts_value_kind kind, Datum now, Datum before, Numeric *result)
{
	Numeric		n = growth_value_numeric(kind, now);
	Numeric		b = growth_value_numeric(kind, before);
	Datum		abs_b = DirectFunctionCall1(numeric_abs, NumericGetDatum(b));

	if (numeric_is_nan(n) || numeric_is_nan(b) || numeric_is_inf(n) || numeric_is_inf(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compute a percentage of NaN or infinity")));
	if (numeric_is_zero(DatumGetNumeric(abs_b)))
		return false;
	*result = ts_percent_numeric(DatumGetNumeric(DirectFunctionCall2(numeric_sub,
																  NumericGetDatum(n),
																  NumericGetDatum(b))),
							  DatumGetNumeric(abs_b));
	return true;
}

typedef enum NeighbourKind
{
	PREVIOUS_YEAR,
	PREVIOUS_MONTH,
	PREVIOUS_MONTH_SAME_YEAR
} NeighbourKind;

/*
 * The current row's value and its neighbour's.  False when the current row
 * has a NULL value or period, or there is no neighbour with a value; with
 * PREVIOUS_MONTH_SAME_YEAR, *january is set for a January row.
 */
static bool
current_and_neighbour(FunctionCallInfo fcinfo, NeighbourKind kind,
					  PartitionIndex **pidx, Datum *value, Datum *neighbour,
					  bool *january)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PartitionIndex *idx = get_index(fcinfo, winobj, true);
	bool		isnull;
	int32		period,
				target;
	int64		row;
	int64		y;
	int			m,
				d;

	*pidx = idx;
	if (january)
		*january = false;
	*value = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		return false;
	period = DatumGetDateADT(WinGetFuncArgCurrent(winobj, 1, &isnull));
	if (isnull)
		return false;

	switch (kind)
	{
		case PREVIOUS_YEAR:
			target = ts_date_minus_years(period, 1);
			break;
		case PREVIOUS_MONTH_SAME_YEAR:
			ts_date_to_ymd(period, &y, &m, &d);
			if (m == 1)
			{
				*january = true;
				return false;
			}
			/* FALLTHROUGH */
		default:
			target = ts_date_minus_months(period, 1);
			break;
	}
	row = find_period(idx, target);
	if (row < 0 || idx->rows[row].isnull)
		return false;
	*neighbour = idx->rows[row].value;
	return true;
}

static Datum
window_growth(FunctionCallInfo fcinfo, NeighbourKind kind)
{
	PartitionIndex *idx;
	Datum		value,
				before;
	Numeric		result;

	if (!current_and_neighbour(fcinfo, kind, &idx, &value, &before, NULL) ||
		!growth_of(idx->kind, value, before, &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* yoy(value, period): growth over the row of exactly one year earlier. */
PG_FUNCTION_INFO_V1(window_yoy);
Datum
window_yoy(PG_FUNCTION_ARGS)
{
	return window_growth(fcinfo, PREVIOUS_YEAR);
}

/* mom(value, period): growth over the row of exactly one month earlier. */
PG_FUNCTION_INFO_V1(window_mom);
Datum
window_mom(PG_FUNCTION_ARGS)
{
	return window_growth(fcinfo, PREVIOUS_MONTH);
}

/* prior_year(value, period): the value of the row one year earlier. */
PG_FUNCTION_INFO_V1(window_prior_year);
Datum
window_prior_year(PG_FUNCTION_ARGS)
{
	PartitionIndex *idx;
	Datum		value,
				before;

	if (!current_and_neighbour(fcinfo, PREVIOUS_YEAR, &idx, &value, &before, NULL))
		PG_RETURN_NULL();
	return idx->typbyval ? before : datumCopy(before, false, idx->typlen);
}

/*
 * monthly_from_ytd(value, period): a year-to-date series made monthly: the
 * value minus the previous month's of the same year; January's own value;
 * NULL when the previous month is missing.
 */
PG_FUNCTION_INFO_V1(window_monthly_from_ytd);
Datum
window_monthly_from_ytd(PG_FUNCTION_ARGS)
{
	PartitionIndex *idx;
	Datum		value,
				before;
	bool		january;

	if (!current_and_neighbour(fcinfo, PREVIOUS_MONTH_SAME_YEAR, &idx, &value,
							   &before, &january))
	{
		if (january)
			return idx->typbyval ? value : datumCopy(value, false, idx->typlen);
		PG_RETURN_NULL();
	}
	switch (idx->kind)
	{
		case TS_VAL_NUMERIC:
			return DirectFunctionCall2(numeric_sub, value, before);
		case TS_VAL_INT8:
			return DirectFunctionCall2(int8mi, value, before);
		case TS_VAL_FLOAT8:
			return DirectFunctionCall2(float8mi, value, before);
		case TS_VAL_AMOUNT:
			break;
	}
	return PointerGetDatum(ts_amount_sub(DatumGetCurrencyAmountP(value),
										 DatumGetCurrencyAmountP(before)));
}

/* share_of_total(value): 100 * value / the partition's total. */
PG_FUNCTION_INFO_V1(window_share_of_total);
Datum
window_share_of_total(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PartitionIndex *idx = get_index(fcinfo, winobj, false);
	bool		isnull;
	Datum		value = WinGetFuncArgCurrent(winobj, 0, &isnull);
	Numeric		n;

	if (isnull || idx->total_isnull)
		PG_RETURN_NULL();
	n = growth_value_numeric(idx->kind, value);
	/* as every other measure: no percentage of NaN or infinity */
	if (numeric_is_nan(n) || numeric_is_inf(n) ||
		numeric_is_nan(idx->total) || numeric_is_inf(idx->total))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compute a percentage of NaN or infinity")));
	if (numeric_is_zero(idx->total))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(ts_percent_numeric(n, idx->total));
}

/*
 * pct_change(current, base): 100 * (current - base) / |base|.  One C entry
 * point per SQL signature, so that nothing depends on fn_expr.
 */
static inline Datum
pct_change(FunctionCallInfo fcinfo, ts_value_kind kind)
{
	Numeric		result;

	if (kind == TS_VAL_AMOUNT)
	{
		CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
		CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

		if (a->currency != b->currency)
			mixed_currencies(a->currency, b->currency);
	}
	if (!growth_of(kind, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_amount);
Datum
trade_stats_pct_change_amount(PG_FUNCTION_ARGS)
{
	return pct_change(fcinfo, TS_VAL_AMOUNT);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_numeric);
Datum
trade_stats_pct_change_numeric(PG_FUNCTION_ARGS)
{
	return pct_change(fcinfo, TS_VAL_NUMERIC);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_int8);
Datum
trade_stats_pct_change_int8(PG_FUNCTION_ARGS)
{
	return pct_change(fcinfo, TS_VAL_INT8);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_float8);
Datum
trade_stats_pct_change_float8(PG_FUNCTION_ARGS)
{
	return pct_change(fcinfo, TS_VAL_FLOAT8);
}

/*
 * trade_stats_pct_change: the symbol all four signatures of version 0.1 are
 * bound to, kept so that a 0.1 installation works with this library until
 * ALTER EXTENSION trade_stats UPDATE.  It reads its argument type from its
 * own pg_proc entry (fn_oid is set by every fmgr caller), never from
 * fn_expr.
 */
PG_FUNCTION_INFO_V1(trade_stats_pct_change);
Datum
trade_stats_pct_change(PG_FUNCTION_ARGS)
{
	return pct_change(fcinfo, first_arg(fcinfo)->kind);
}
