/*-------------------------------------------------------------------------
 *
 * window.c
 *	  Window functions yoy, mom, prior_year, monthly_from_ytd,
 *	  share_of_total, rolling_sum and rolling_yoy, and the scalar pct_change.
 *
 * Each SQL signature has its own C entry point (window_yoy_amount, ...,
 * trade_stats_pct_change_float8), so the argument's type is known at
 * compile time; 0.1's and 0.2's shared symbols are in legacy.c.
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

#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "miscadmin.h"
#include "windowapi.h"

#include "trade_stats.h"

static Numeric growth_value_numeric(ts_value_kind kind, Datum value);

/*
 * How a value of each kind is stored: currency_amount is 16 bytes by
 * reference, numeric a varlena, bigint and double precision 8 bytes (by
 * value where PostgreSQL passes them so).
 */
static void
kind_storage(ts_value_kind kind, int16 *typlen, bool *typbyval)
{
	switch (kind)
	{
		case TS_VAL_AMOUNT:
			*typlen = sizeof(CurrencyAmount);
			*typbyval = false;
			return;
		case TS_VAL_NUMERIC:
			*typlen = -1;
			*typbyval = false;
			return;
		case TS_VAL_INT8:
		case TS_VAL_FLOAT8:
			*typlen = 8;
			*typbyval = FLOAT8PASSBYVAL;
			return;
	}
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
	ts_value_kind kind;			/* of the argument (the entry point's) */
	int16		typlen;
	bool		typbyval;
	int64		nrows;			/* rows with a period */
	PeriodRow  *rows;
	int32	   *slots;			/* hash table: row index + 1, 0 empty */
	uint32		mask;
	/* rolling_sum, rolling_yoy: the rows with a value, by period */
	struct SortedRow *sorted;
	int64		nsorted;
	Numeric    *prefix;			/* prefix[i]: the sum of sorted[0 .. i - 1] */
	uint16	  **dscale_max;		/* [k][i]: the largest dscale of sorted[i .. i + 2^k - 1] */
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
mixed_currencies(ts_amount_op op, uint16 a, uint16 b)
{
	ts_mixed_currencies(op, a, b,
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
get_index(WindowObject winobj, bool with_periods, ts_value_kind kind,
		  ts_amount_op op)
{
	PartitionIndex *idx;
	MemoryContext partcxt;
	int64		n;
	uint32		size;

	idx = (PartitionIndex *) WinGetPartitionLocalMemory(winobj, sizeof(PartitionIndex));
	if (idx->built)
		return idx;

	partcxt = GetMemoryChunkContext(idx);
	idx->kind = kind;
	kind_storage(kind, &idx->typlen, &idx->typbyval);
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
				mixed_currencies(op, idx->currency, a->currency);
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
current_and_neighbour(FunctionCallInfo fcinfo, ts_value_kind value_kind,
					  NeighbourKind kind, PartitionIndex **pidx, Datum *value,
					  Datum *neighbour, bool *january)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PartitionIndex *idx = get_index(winobj, true, value_kind, TS_OP_COMPARE);
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
window_growth(FunctionCallInfo fcinfo, ts_value_kind value_kind, NeighbourKind kind)
{
	PartitionIndex *idx;
	Datum		value,
				before;
	Numeric		result;

	if (!current_and_neighbour(fcinfo, value_kind, kind, &idx, &value, &before, NULL) ||
		!growth_of(idx->kind, value, before, &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* prior_year(value, period): the value of the row one year earlier. */
static Datum
prior_year_of(FunctionCallInfo fcinfo, ts_value_kind value_kind)
{
	PartitionIndex *idx;
	Datum		value,
				before;

	if (!current_and_neighbour(fcinfo, value_kind, PREVIOUS_YEAR, &idx, &value,
							   &before, NULL))
		PG_RETURN_NULL();
	return idx->typbyval ? before : datumCopy(before, false, idx->typlen);
}

/*
 * monthly_from_ytd(value, period): a year-to-date series made monthly: the
 * value minus the previous month's of the same year; January's own value;
 * NULL when the previous month is missing.
 */
static Datum
monthly_from_ytd_of(FunctionCallInfo fcinfo, ts_value_kind value_kind)
{
	PartitionIndex *idx;
	Datum		value,
				before;
	bool		january;

	if (!current_and_neighbour(fcinfo, value_kind, PREVIOUS_MONTH_SAME_YEAR, &idx,
							   &value, &before, &january))
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
static Datum
share_of_total_of(FunctionCallInfo fcinfo, ts_value_kind value_kind)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PartitionIndex *idx = get_index(winobj, false, value_kind, TS_OP_COMPARE);
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

/* ---- rolling_sum and rolling_yoy: windows of calendar months ---- */

/* A row with a value, for the windows by date; sorted by period. */
typedef struct SortedRow
{
	int32		period;
	int32		pad;
	Numeric		value;			/* growth_value_numeric: amounts in minor units */
} SortedRow;

static int
sorted_row_cmp(const void *a, const void *b)
{
	int32		pa = ((const SortedRow *) a)->period;
	int32		pb = ((const SortedRow *) b)->period;

	return pa < pb ? -1 : pa > pb;
}

/* The partition's rows with a value, sorted by period, built once. */
static void
sort_rows(PartitionIndex *idx)
{
	MemoryContext partcxt = GetMemoryChunkContext(idx);
	MemoryContext old;

	if (idx->sorted != NULL || idx->nrows == 0)
		return;
	old = MemoryContextSwitchTo(partcxt);
	idx->sorted = palloc(sizeof(SortedRow) * idx->nrows);
	for (int64 i = 0; i < idx->nrows; i++)
	{
		const PeriodRow *row = &idx->rows[i];

		CHECK_FOR_INTERRUPTS();
		if (row->isnull)
			continue;
		idx->sorted[idx->nsorted].period = row->period;
		idx->sorted[idx->nsorted].pad = 0;
		if ((idx->kind == TS_VAL_FLOAT8 && !isfinite(DatumGetFloat8(row->value))) ||
			(idx->kind == TS_VAL_NUMERIC &&
			 (numeric_is_nan(DatumGetNumeric(row->value)) ||
			  numeric_is_inf(DatumGetNumeric(row->value)))))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot compute a rolling window of NaN or infinity")));
		idx->sorted[idx->nsorted].value = growth_value_numeric(idx->kind, row->value);
		idx->nsorted++;
	}
	qsort(idx->sorted, idx->nsorted, sizeof(SortedRow), sorted_row_cmp);

	/*
	 * Exact prefix sums, and a sparse table of the values' display scales:
	 * a window's sum is the difference of two prefix sums, at the largest
	 * scale of its own values, as adding them one by one would give it.
	 */
	idx->prefix = palloc(sizeof(Numeric) * (idx->nsorted + 1));
	idx->prefix[0] = int64_to_numeric(0);
	for (int64 i = 0; i < idx->nsorted; i++)
	{
		CHECK_FOR_INTERRUPTS();
		idx->prefix[i + 1] = DatumGetNumeric(DirectFunctionCall2(numeric_add,
																 NumericGetDatum(idx->prefix[i]),
																 NumericGetDatum(idx->sorted[i].value)));
	}
	if (idx->nsorted > 0)
	{
		int			levels = 1;

		while (((int64) 1 << levels) <= idx->nsorted)
			levels++;
		idx->dscale_max = palloc(sizeof(uint16 *) * levels);
		idx->dscale_max[0] = palloc(sizeof(uint16) * idx->nsorted);
		for (int64 i = 0; i < idx->nsorted; i++)
			idx->dscale_max[0][i] =
				(uint16) DatumGetInt32(DirectFunctionCall1(numeric_scale,
														   NumericGetDatum(idx->sorted[i].value)));
		for (int k = 1; k < levels; k++)
		{
			int64		half = (int64) 1 << (k - 1);
			int64		len = idx->nsorted - ((int64) 1 << k) + 1;

			CHECK_FOR_INTERRUPTS();
			idx->dscale_max[k] = palloc(sizeof(uint16) * len);
			for (int64 i = 0; i < len; i++)
				idx->dscale_max[k][i] = Max(idx->dscale_max[k - 1][i],
											idx->dscale_max[k - 1][i + half]);
		}
	}
	MemoryContextSwitchTo(old);
}

/*
 * The sum of the values of the rows with a period in [from, to] (as
 * growth_value_numeric gives them); false when there is none.  The
 * windows are dates: a month without a row adds nothing.  Two binary
 * searches and a difference of prefix sums, at the largest display scale
 * of the window's values (exact: no digit of the sum lies beyond it), so
 * each row costs O(log n), not the rows of its window.
 */
static bool
window_sum(const PartitionIndex *idx, int32 from, int32 to, Numeric *sum)
{
	int			lo = ts_search_last_le(idx->sorted, (int) idx->nsorted, sizeof(SortedRow),
									   offsetof(SortedRow, period), from - 1) + 1;
	int			hi = ts_search_last_le(idx->sorted, (int) idx->nsorted, sizeof(SortedRow),
									   offsetof(SortedRow, period), to) + 1;
	int			k = 0;
	int			dscale;
	Datum		diff;

	if (hi <= lo)
	{
		*sum = int64_to_numeric(0);
		return false;
	}
	while (((int64) 1 << (k + 1)) <= hi - lo)
		k++;
	dscale = Max(idx->dscale_max[k][lo], idx->dscale_max[k][hi - ((int64) 1 << k)]);
	diff = DirectFunctionCall2(numeric_sub, NumericGetDatum(idx->prefix[hi]),
							   NumericGetDatum(idx->prefix[lo]));
	*sum = DatumGetNumeric(DirectFunctionCall2(numeric_round, diff, Int32GetDatum(dscale)));
	return true;
}

/*
 * The current row's window of 'months' calendar months (argument 2), from
 * the first of the month months - 1 months before its period's to its
 * period, and the same a year earlier when prev is given.  False when the
 * current row has a NULL value, period or months.
 */
static bool
rolling_windows(FunctionCallInfo fcinfo, ts_value_kind value_kind,
				PartitionIndex **pidx, Numeric *cur, Numeric *prev, bool *prev_found)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	PartitionIndex *idx = get_index(winobj, true, value_kind, TS_OP_SUM);
	bool		isnull;
	int32		period,
				months,
				before;

	*pidx = idx;
	(void) WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		return false;
	period = DatumGetDateADT(WinGetFuncArgCurrent(winobj, 1, &isnull));
	if (isnull)
		return false;
	months = DatumGetInt32(WinGetFuncArgCurrent(winobj, 2, &isnull));
	if (isnull)
		return false;
	ts_check_window_months(months);
	sort_rows(idx);
	(void) window_sum(idx, ts_date_months_window_start(period, months), period, cur);
	if (prev != NULL)
	{
		before = ts_date_minus_years(period, 1);
		*prev_found = window_sum(idx, ts_date_months_window_start(before, months),
								 before, prev);
	}
	return true;
}

/*
 * rolling_sum(value, period, months): the sum of the partition's values in
 * the calendar months to the current row's period; an amount for amounts,
 * numeric for the others.
 */
static Datum
rolling_sum_of(FunctionCallInfo fcinfo, ts_value_kind value_kind)
{
	PartitionIndex *idx;
	Numeric		cur;
	ts_int128	mant;
	int			scale;
	int64		units;

	if (!rolling_windows(fcinfo, value_kind, &idx, &cur, NULL, NULL))
		PG_RETURN_NULL();
	if (value_kind != TS_VAL_AMOUNT)
		PG_RETURN_NUMERIC(cur);
	if (!ts_numeric_to_int128(cur, 0, &mant, &scale) || !ts_int128_to_int64(mant, &units))
		ts_amount_out_of_range(TS_RESULT_SUM, idx->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, idx->currency));
}

/*
 * rolling_yoy(value, period, months): the growth of the current row's
 * window over the same months a year earlier, in percent; NULL when those
 * have no row with a value or sum to 0.
 */
static Datum
rolling_yoy_of(FunctionCallInfo fcinfo, ts_value_kind value_kind)
{
	PartitionIndex *idx;
	Numeric		cur,
				prev;
	bool		prev_found;
	Datum		abs_prev;

	if (!rolling_windows(fcinfo, value_kind, &idx, &cur, &prev, &prev_found) ||
		!prev_found || numeric_is_zero(prev))
		PG_RETURN_NULL();
	abs_prev = DirectFunctionCall1(numeric_abs, NumericGetDatum(prev));
	PG_RETURN_NUMERIC(ts_percent_numeric(DatumGetNumeric(DirectFunctionCall2(numeric_sub,
																			  NumericGetDatum(cur),
																			  NumericGetDatum(prev))),
										 DatumGetNumeric(abs_prev)));
}

#define ROLLING_ENTRY(name, fn, kind) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS); \
	Datum \
	name(PG_FUNCTION_ARGS) \
	{ \
		return fn(fcinfo, kind); \
	}

ROLLING_ENTRY(window_rolling_sum_amount, rolling_sum_of, TS_VAL_AMOUNT)
ROLLING_ENTRY(window_rolling_sum_numeric, rolling_sum_of, TS_VAL_NUMERIC)
ROLLING_ENTRY(window_rolling_sum_int8, rolling_sum_of, TS_VAL_INT8)
ROLLING_ENTRY(window_rolling_sum_float8, rolling_sum_of, TS_VAL_FLOAT8)
ROLLING_ENTRY(window_rolling_yoy_amount, rolling_yoy_of, TS_VAL_AMOUNT)
ROLLING_ENTRY(window_rolling_yoy_numeric, rolling_yoy_of, TS_VAL_NUMERIC)
ROLLING_ENTRY(window_rolling_yoy_int8, rolling_yoy_of, TS_VAL_INT8)
ROLLING_ENTRY(window_rolling_yoy_float8, rolling_yoy_of, TS_VAL_FLOAT8)

/* The window function fn of values of one kind. */
Datum
ts_window_call(FunctionCallInfo fcinfo, TsWindowFunction fn, ts_value_kind kind)
{
	switch (fn)
	{
		case TS_WINDOW_YOY:
			return window_growth(fcinfo, kind, PREVIOUS_YEAR);
		case TS_WINDOW_MOM:
			return window_growth(fcinfo, kind, PREVIOUS_MONTH);
		case TS_WINDOW_PRIOR_YEAR:
			return prior_year_of(fcinfo, kind);
		case TS_WINDOW_MONTHLY_FROM_YTD:
			return monthly_from_ytd_of(fcinfo, kind);
		case TS_WINDOW_SHARE_OF_TOTAL:
			return share_of_total_of(fcinfo, kind);
	}
	elog(ERROR, "unknown window function %d", (int) fn);
	return (Datum) 0;			/* keep the compiler quiet */
}

/*
 * One C entry point per SQL signature: yoy, mom, prior_year,
 * monthly_from_ytd and share_of_total of each value type, so that what the
 * argument is is fixed at compile time.
 */
#define WINDOW_ENTRY(name, fn, kind) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS); \
	Datum \
	name(PG_FUNCTION_ARGS) \
	{ \
		return ts_window_call(fcinfo, fn, kind); \
	}

#define WINDOW_ENTRIES(suffix, kind) \
	WINDOW_ENTRY(window_yoy_##suffix, TS_WINDOW_YOY, kind) \
	WINDOW_ENTRY(window_mom_##suffix, TS_WINDOW_MOM, kind) \
	WINDOW_ENTRY(window_prior_year_##suffix, TS_WINDOW_PRIOR_YEAR, kind) \
	WINDOW_ENTRY(window_monthly_from_ytd_##suffix, TS_WINDOW_MONTHLY_FROM_YTD, kind) \
	WINDOW_ENTRY(window_share_of_total_##suffix, TS_WINDOW_SHARE_OF_TOTAL, kind)

WINDOW_ENTRIES(amount, TS_VAL_AMOUNT)
WINDOW_ENTRIES(numeric, TS_VAL_NUMERIC)
WINDOW_ENTRIES(int8, TS_VAL_INT8)
WINDOW_ENTRIES(float8, TS_VAL_FLOAT8)

/*
 * pct_change(current, base): 100 * (current - base) / |base|, of values of
 * one kind.
 */
Datum
ts_pct_change_call(FunctionCallInfo fcinfo, ts_value_kind kind)
{
	Numeric		result;

	if (kind == TS_VAL_AMOUNT)
	{
		CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
		CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

		if (a->currency != b->currency)
			mixed_currencies(TS_OP_COMPARE, a->currency, b->currency);
	}
	if (!growth_of(kind, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), &result))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* One C entry point per SQL signature of pct_change. */
PG_FUNCTION_INFO_V1(trade_stats_pct_change_amount);
Datum
trade_stats_pct_change_amount(PG_FUNCTION_ARGS)
{
	return ts_pct_change_call(fcinfo, TS_VAL_AMOUNT);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_numeric);
Datum
trade_stats_pct_change_numeric(PG_FUNCTION_ARGS)
{
	return ts_pct_change_call(fcinfo, TS_VAL_NUMERIC);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_int8);
Datum
trade_stats_pct_change_int8(PG_FUNCTION_ARGS)
{
	return ts_pct_change_call(fcinfo, TS_VAL_INT8);
}

PG_FUNCTION_INFO_V1(trade_stats_pct_change_float8);
Datum
trade_stats_pct_change_float8(PG_FUNCTION_ARGS)
{
	return ts_pct_change_call(fcinfo, TS_VAL_FLOAT8);
}
