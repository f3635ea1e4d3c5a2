/*-------------------------------------------------------------------------
 *
 * growth_agg.c
 *	  The growth and share aggregates (yoy_growth, mom_growth, share,
 *	  share_change, growth_contribution, growth_summary) and the accessors
 *	  that answer the same measures from a stored summary.
 *
 * Each SQL signature of the transition function has its own C entry point
 * (growth_accum_<type>_<shape>), so what the arguments are is fixed at
 * compile time: nothing is read from fn_expr, which Citus and other fmgr
 * callers do not set.  The state is a growth_state (see growth_state.c):
 * exact 128-bit sums per distinct period, updated in place.
 *
 * Values become integer mantissas: currency_amount its minor units, bigint
 * itself, numeric its decimal digits at the largest scale seen (at most 30
 * decimals), double precision a binary fixed point of 2^-40 (rounded to the
 * nearest, half away from zero: ts_float8_mantissa).  Integer sums
 * are associative, so any split of the rows gives identical results.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/float.h"

#include "trade_stats.h"

/*
 * The transition function: add one row to the state.  Rows with a NULL
 * value or period are ignored, a NULL as_of or year_start is an error; a
 * NULL part counts in the total only.  Inlined into one entry point per value kind and shape.
 */
static pg_attribute_always_inline Datum
accum(FunctionCallInfo fcinfo, ts_value_kind kind, TsAccumShape shape)
{
	const bool	has_part = shape == TS_ACCUM_PART || shape == TS_ACCUM_PART_PERIOD ||
		shape == TS_ACCUM_PART_PERIOD_AS_OF || shape == TS_ACCUM_PART_PERIOD_AS_OF_YEAR;
	const bool	has_year = shape == TS_ACCUM_PERIOD_AS_OF_YEAR ||
		shape == TS_ACCUM_PART_PERIOD_AS_OF_YEAR;
	const bool	has_as_of = shape == TS_ACCUM_PERIOD_AS_OF ||
		shape == TS_ACCUM_PART_PERIOD_AS_OF || has_year;
	const int	period_arg = shape == TS_ACCUM_PART ? -1 : has_part ? 3 : 2;
	const int	as_of_arg = period_arg + 1;
	const int	year_arg = as_of_arg + 1;
	int			flags = (shape == TS_ACCUM_PART ? 0 : TS_GS_PERIODS) |
		(has_part ? TS_GS_PART : 0) | (has_as_of ? TS_GS_AS_OF : 0);
	int32		year_start = 0;
	ts_growth_state *s;
	int32		period = 0;
	DateADT		as_of = 0;
	bool		part = false;
	ts_int128	v;

	/*
	 * A NULL as_of or year_start is an error, not a row left out: the
	 * group's other rows would be measured without it, silently.
	 */
	if (has_as_of && PG_ARGISNULL(as_of_arg))
		ts_null_as_of();
	if (has_year && PG_ARGISNULL(year_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("year_start of a growth or share aggregate must not be NULL"),
				 errhint("Give the month the year starts in, 1 to 12.")));
	/* as_of and year_start are checked even on a row that is left out */
	if (has_as_of)
	{
		as_of = PG_GETARG_DATEADT(as_of_arg);
		ts_check_as_of(as_of);
	}
	if (has_year)
	{
		/* January years are calendar years: the state of (…, as_of) */
		year_start = PG_GETARG_INT32(year_arg);
		ts_check_year_start(year_start);
		if (year_start == 1)
			year_start = 0;
		else
			flags |= TS_GS_YEAR_START;
	}
	if (PG_ARGISNULL(1) || (period_arg >= 0 && PG_ARGISNULL(period_arg)))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (period_arg >= 0)
	{
		period = PG_GETARG_DATEADT(period_arg);
		ts_check_period(period);
	}
	if (has_part && !PG_ARGISNULL(2))
		part = PG_GETARG_BOOL(2);

	if (PG_ARGISNULL(0))
	{
		s = ts_gs_new_working(flags & TS_GS_PERIODS ? 8 : 1, kind, flags);
		s->as_of = as_of;
		s->year_start = year_start;
	}
	else
	{
		s = ts_gs_arg_for_update(fcinfo, 0);
		if (has_year && s->kind == kind && s->year_start != year_start)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("year_start must be the same for all rows of a group"),
					 errdetail("The group's year starts in month %d, this row's in month %d.",
							   s->year_start == 0 ? 1 : s->year_start,
							   year_start == 0 ? 1 : year_start)));
		if (unlikely(s->kind != kind || s->flags != flags))
		{
			ts_growth_state expected;

			ts_gs_init(&expected, 0, kind, flags);
			expected.as_of = as_of;
			expected.year_start = year_start;
			ts_gs_check_compatible(s, &expected, TS_GS_ADD_ROW);
		}
		if (has_as_of && s->as_of != as_of)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("as_of must be the same for all rows of a group"),
					 errdetail("The group's as_of is %s, this row's %s.",
							   ts_iso_date(s->as_of), ts_iso_date(as_of))));
	}

	v = ts_gs_value_mantissa(s, kind, PG_GETARG_DATUM(1));

	if (!ts_gs_add(ts_gs_entry_grow(&s, period), v, part))
		ts_gs_overflow();
	return ts_gs_result(fcinfo, s);
}

#define ACCUM_ENTRY(name, kind, shape) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS); \
	Datum \
	name(PG_FUNCTION_ARGS) \
	{ \
		return accum(fcinfo, kind, shape); \
	}

ACCUM_ENTRY(growth_accum_amount_period, TS_VAL_AMOUNT, TS_ACCUM_PERIOD)
ACCUM_ENTRY(growth_accum_amount_period_as_of, TS_VAL_AMOUNT, TS_ACCUM_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_amount_part, TS_VAL_AMOUNT, TS_ACCUM_PART)
ACCUM_ENTRY(growth_accum_amount_part_period, TS_VAL_AMOUNT, TS_ACCUM_PART_PERIOD)
ACCUM_ENTRY(growth_accum_amount_part_period_as_of, TS_VAL_AMOUNT, TS_ACCUM_PART_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_amount_period_as_of_year, TS_VAL_AMOUNT, TS_ACCUM_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_amount_part_period_as_of_year, TS_VAL_AMOUNT, TS_ACCUM_PART_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_numeric_period, TS_VAL_NUMERIC, TS_ACCUM_PERIOD)
ACCUM_ENTRY(growth_accum_numeric_period_as_of, TS_VAL_NUMERIC, TS_ACCUM_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_numeric_part, TS_VAL_NUMERIC, TS_ACCUM_PART)
ACCUM_ENTRY(growth_accum_numeric_part_period, TS_VAL_NUMERIC, TS_ACCUM_PART_PERIOD)
ACCUM_ENTRY(growth_accum_numeric_part_period_as_of, TS_VAL_NUMERIC, TS_ACCUM_PART_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_numeric_period_as_of_year, TS_VAL_NUMERIC, TS_ACCUM_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_numeric_part_period_as_of_year, TS_VAL_NUMERIC, TS_ACCUM_PART_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_int8_period, TS_VAL_INT8, TS_ACCUM_PERIOD)
ACCUM_ENTRY(growth_accum_int8_period_as_of, TS_VAL_INT8, TS_ACCUM_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_int8_part, TS_VAL_INT8, TS_ACCUM_PART)
ACCUM_ENTRY(growth_accum_int8_part_period, TS_VAL_INT8, TS_ACCUM_PART_PERIOD)
ACCUM_ENTRY(growth_accum_int8_part_period_as_of, TS_VAL_INT8, TS_ACCUM_PART_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_int8_period_as_of_year, TS_VAL_INT8, TS_ACCUM_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_int8_part_period_as_of_year, TS_VAL_INT8, TS_ACCUM_PART_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_float8_period, TS_VAL_FLOAT8, TS_ACCUM_PERIOD)
ACCUM_ENTRY(growth_accum_float8_period_as_of, TS_VAL_FLOAT8, TS_ACCUM_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_float8_part, TS_VAL_FLOAT8, TS_ACCUM_PART)
ACCUM_ENTRY(growth_accum_float8_part_period, TS_VAL_FLOAT8, TS_ACCUM_PART_PERIOD)
ACCUM_ENTRY(growth_accum_float8_part_period_as_of, TS_VAL_FLOAT8, TS_ACCUM_PART_PERIOD_AS_OF)
ACCUM_ENTRY(growth_accum_float8_period_as_of_year, TS_VAL_FLOAT8, TS_ACCUM_PERIOD_AS_OF_YEAR)
ACCUM_ENTRY(growth_accum_float8_part_period_as_of_year, TS_VAL_FLOAT8, TS_ACCUM_PART_PERIOD_AS_OF_YEAR)

/* The transition function of values of one kind and shape. */
Datum
ts_growth_accum_call(FunctionCallInfo fcinfo, ts_value_kind kind, TsAccumShape shape)
{
	return accum(fcinfo, kind, shape);
}

/* ---- measures ---- */

/*
 * The weight and first digit in numeric's base 10000 of the value v / 10^scale
 * (v > 0, scale >= 0): where numeric_div would see them in the numeric the
 * window functions and plain SQL divide, not in the integer v.
 */
static void
nbase_first_digit(unsigned __int128 v, int scale, int *weight, int *first)
{
	int			digits = 1;
	int			exponent;
	int			w;
	int			shift;
	unsigned __int128 p = 10;

	/* digits counted by comparisons, not divisions (each a library call) */
	while (digits < 39 && v >= p)
	{
		digits++;
		p *= 10;
	}
	exponent = digits - 1 - scale;	/* of v's leading decimal digit */
	w = exponent >= 0 ? exponent / 4 : -((3 - exponent) / 4);
	shift = scale + 4 * w;		/* v / 10^shift: the first base-10000 digit */
	if (shift > 0)
	{
		for (p = 1; shift > 0; shift--)
			p *= 10;
		v /= p;
	}
	for (; shift < 0; shift++)
		v *= 10;
	*weight = w;
	*first = (int) v;
}

/*
 * 100 * num / den (den != 0) of values at scale (num / 10^scale and
 * den / 10^scale), as numeric_trim_scale(numeric_div(100 * num, den))
 * computes it on those numerics, in 128-bit integers: numeric_div's result
 * scale (select_div_scale in numeric.c: 16 significant digits from the
 * estimated weight of the quotient, at least the operands' scale), rounded
 * half away from zero as div_var rounds an exact quotient, then trailing
 * zeros dropped.  So a summary of numerics gives the digits the window
 * functions and plain SQL give over the same values, whatever the summary's
 * scale.  False when an intermediate does not fit; the caller then uses
 * numeric.
 */
static bool
percent_int128(ts_int128 num, ts_int128 den, int scale, Numeric *result)
{
	unsigned __int128 n,
				d,
				q,
				r,
				scaled;
	int			w1,
				f1,
				w2,
				f2,
				qweight,
				rscale;
	bool		negative = (num < 0) != (den < 0);

	if (__builtin_mul_overflow(num, 100, &num) || den == 0)
		return false;
	if (num == 0)
	{
		*result = int64_to_numeric(0);
		return true;
	}
	n = num < 0 ? -(unsigned __int128) num : (unsigned __int128) num;
	d = den < 0 ? -(unsigned __int128) den : (unsigned __int128) den;
	nbase_first_digit(n, scale, &w1, &f1);
	nbase_first_digit(d, scale, &w2, &f2);
	qweight = w1 - w2;
	if (f1 <= f2)
		qweight--;
	rscale = Max(Max(16 - qweight * 4, scale), 0);
	scaled = n;
	for (int i = 0; i < rscale; i++)
		if (__builtin_mul_overflow(scaled, 10, &scaled))
			return false;
	q = scaled / d;
	r = scaled % d;
	if (r >= d - r)				/* 2r >= d without overflow */
		q++;
	while (rscale > 0 && q > (unsigned __int128) PG_UINT64_MAX && q % 10 == 0)
	{
		q /= 10;
		rscale--;
	}
	if (q <= (unsigned __int128) PG_UINT64_MAX)
	{
		uint64		q64 = (uint64) q;

		while (rscale > 0 && q64 % 10 == 0)
		{
			q64 /= 10;
			rscale--;
		}
		q = q64;
	}
	if (q >> 127 != 0 || rscale > TS_SCALED_NUMERIC_MAX)
		return false;
	*result = ts_scaled_numeric(negative ? -(ts_int128) q : (ts_int128) q, rscale);
	return true;
}

StaticAssertDecl(TS_NUMERIC_MAX_SCALE <= TS_SCALED_NUMERIC_MAX,
				 "a summary's scale is one ts_scaled_numeric takes");

/*
 * The percentage of two sums of a summary: numeric sums as the numerics
 * they stand for (values at the summary's scale), other kinds as integers
 * (minor units of amounts, bigints; doubles in units of 2^-40), as the
 * window functions divide them.
 */
static Numeric
percent(const ts_growth_state *s, ts_int128 num, ts_int128 den)
{
	int			scale = s->kind == TS_VAL_NUMERIC ? s->scale : 0;
	Numeric		result;

	if (percent_int128(num, den, scale, &result))
		return result;
	/* the sums as the numerics the window functions see */
	return ts_percent_numeric(ts_scaled_numeric(num, scale), ts_scaled_numeric(den, scale));
}

/* 100 * (now - before) / |before|; before != 0. */
static Numeric
growth(const ts_growth_state *s, ts_int128 now, ts_int128 before)
{
	ts_int128	diff;

	if (__builtin_sub_overflow(now, before, &diff))
		ts_gs_overflow();
	return percent(s, diff, before < 0 ? -before : before);
}

static void
window_sums(const ts_growth_state *s, int32 from, int32 to, ts_window_sums *out)
{
	if (!ts_gs_window(s, from, to, out))
		ts_gs_overflow();
}

/*
 * The month years start in: year_start when given (1 to 12), else the
 * state's (the fiscal-year aggregates keep it), else January.
 */
static int
year_start_of(const ts_growth_state *s, int year_start)
{
	if (year_start > 0)
		return year_start;
	return (s->flags & TS_GS_YEAR_START) ? s->year_start : 1;
}

/*
 * The same-period windows of as-of date p: from the first day of p's year
 * (a year starting on the first of month year_start) to p, and the same a
 * year earlier, to p minus one year (29 February maps to 28 February).
 */
static void
same_period_windows(const ts_growth_state *s, int32 p, int year_start,
					ts_window_sums *cur, ts_window_sums *prev)
{
	int32		p_before = ts_date_minus_years(p, 1);
	int			ys = year_start_of(s, year_start);

	window_sums(s, ts_date_fiscal_year_start(p, ys), p, cur);
	window_sums(s, ts_date_fiscal_year_start(p_before, ys), p_before, prev);
}

/* P: as_of when given, else the state's own as_of, else its latest period. */
static bool
as_of_date(const ts_growth_state *s, const DateADT *as_of, int32 *p)
{
	if (as_of != NULL)
	{
		ts_check_as_of(*as_of);
		*p = *as_of;
		return true;
	}
	if (s->flags & TS_GS_AS_OF)
	{
		*p = s->as_of;
		return true;
	}
	return ts_gs_latest(s, p);
}

static Numeric
measure_yoy(const ts_growth_state *s, const DateADT *as_of, int year_start)
{
	ts_window_sums cur,
				prev;
	int32		p;

	if (!as_of_date(s, as_of, &p))
		return NULL;
	same_period_windows(s, p, year_start, &cur, &prev);
	if (prev.count == 0 || prev.total == 0)
		return NULL;
	return growth(s, cur.total, prev.total);
}

static Numeric
measure_mom(const ts_growth_state *s, const DateADT *as_of)
{
	ts_window_sums cur,
				prev;
	int32		p,
				month;

	if (!as_of_date(s, as_of, &p))
		return NULL;
	month = ts_date_month_start(p);
	window_sums(s, month, p, &cur);
	window_sums(s, ts_date_minus_months(month, 1), month - 1, &prev);
	if (prev.count == 0 || prev.total == 0)
		return NULL;
	return growth(s, cur.total, prev.total);
}

static Numeric
measure_share(const ts_growth_state *s)
{
	ts_window_sums all;

	window_sums(s, PG_INT32_MIN, PG_INT32_MAX, &all);
	if (all.count == 0 || all.total == 0)
		return NULL;
	return percent(s, all.part, all.total);
}

static Numeric
measure_share_change(const ts_growth_state *s, const DateADT *as_of,
					 int year_start)
{
	ts_window_sums cur,
				prev;
	int32		p;

	if (!as_of_date(s, as_of, &p))
		return NULL;
	same_period_windows(s, p, year_start, &cur, &prev);
	if (cur.total == 0 || prev.count == 0 || prev.total == 0)
		return NULL;
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub,
											   NumericGetDatum(percent(s, cur.part, cur.total)),
											   NumericGetDatum(percent(s, prev.part, prev.total))));
}

static Numeric
measure_contribution(const ts_growth_state *s, const DateADT *as_of,
					 int year_start)
{
	ts_window_sums cur,
				prev;
	ts_int128	diff;
	int32		p;

	if (!as_of_date(s, as_of, &p))
		return NULL;
	same_period_windows(s, p, year_start, &cur, &prev);
	if (prev.count == 0 || prev.total == 0)
		return NULL;
	if (__builtin_sub_overflow(cur.part, prev.part, &diff))
		ts_gs_overflow();
	return percent(s, diff, prev.total < 0 ? -prev.total : prev.total);
}

#define RETURN_MEASURE(expr) \
	do { \
		Numeric		result_ = (expr); \
		if (result_ == NULL) \
			PG_RETURN_NULL(); \
		PG_RETURN_NUMERIC(result_); \
	} while (0)

/* ---- final functions of the one-step aggregates ---- */

PG_FUNCTION_INFO_V1(yoy_growth_final);
Datum
yoy_growth_final(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_yoy(ts_gs_read(PG_GETARG_DATUM(0)), NULL, 0));
}

PG_FUNCTION_INFO_V1(mom_growth_final);
Datum
mom_growth_final(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_mom(ts_gs_read(PG_GETARG_DATUM(0)), NULL));
}

PG_FUNCTION_INFO_V1(share_final);
Datum
share_final(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_share(ts_gs_read(PG_GETARG_DATUM(0))));
}

PG_FUNCTION_INFO_V1(share_change_final);
Datum
share_change_final(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_share_change(ts_gs_read(PG_GETARG_DATUM(0)), NULL, 0));
}

PG_FUNCTION_INFO_V1(growth_contribution_final);
Datum
growth_contribution_final(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_contribution(ts_gs_read(PG_GETARG_DATUM(0)), NULL, 0));
}

/* ---- accessors of stored summaries ---- */

/* The summary argument n, which must have what 'fn' needs. */
static const ts_growth_state *
summary_arg(FunctionCallInfo fcinfo, int n, int needs, const char *fn)
{
	const ts_growth_state *s = ts_gs_read(PG_GETARG_DATUM(n));

	if ((needs & TS_GS_PERIODS) && !(s->flags & TS_GS_PERIODS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a growth_state with periods", fn),
				 errhint("Make the summary with growth_summary(value, period) or growth_summary(value, part, period).")));
	if ((needs & TS_GS_PART) && !(s->flags & TS_GS_PART))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a growth_state with part sums", fn),
				 errhint("Make the summary with growth_summary(value, part, period), or use %s(part_summary, whole_summary).",
						 fn)));
	return s;
}

PG_FUNCTION_INFO_V1(growth_state_yoy_growth);
Datum
growth_state_yoy_growth(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, "yoy_growth");
	DateADT		as_of = PG_NARGS() > 1 ? PG_GETARG_DATEADT(1) : 0;

	RETURN_MEASURE(measure_yoy(s, PG_NARGS() > 1 ? &as_of : NULL, 0));
}

PG_FUNCTION_INFO_V1(growth_state_mom_growth);
Datum
growth_state_mom_growth(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_mom(summary_arg(fcinfo, 0, TS_GS_PERIODS, "mom_growth"), NULL));
}

/* mom_growth(s, as_of): the month of as_of (to as_of) against the month before. */
PG_FUNCTION_INFO_V1(growth_state_mom_growth_as_of);
Datum
growth_state_mom_growth_as_of(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, "mom_growth");
	DateADT		as_of = PG_GETARG_DATEADT(1);

	RETURN_MEASURE(measure_mom(s, &as_of));
}

/*
 * latest_period(s): the latest period of a summary with rows (NULL when it
 * has none); its as_of, if it has one, is not a period and is not looked at.
 */
PG_FUNCTION_INFO_V1(growth_state_latest_period);
Datum
growth_state_latest_period(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, "latest_period");
	int32		p;

	if (!ts_gs_latest(s, &p))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(p);
}

PG_FUNCTION_INFO_V1(growth_state_share);
Datum
growth_state_share(PG_FUNCTION_ARGS)
{
	RETURN_MEASURE(measure_share(summary_arg(fcinfo, 0, TS_GS_PART, "share")));
}

PG_FUNCTION_INFO_V1(growth_state_share_change);
Datum
growth_state_share_change(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS | TS_GS_PART,
										   "share_change");
	DateADT		as_of = PG_NARGS() > 1 ? PG_GETARG_DATEADT(1) : 0;

	RETURN_MEASURE(measure_share_change(s, PG_NARGS() > 1 ? &as_of : NULL, 0));
}

PG_FUNCTION_INFO_V1(growth_state_contribution);
Datum
growth_state_contribution(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS | TS_GS_PART,
										   "growth_contribution");
	DateADT		as_of = PG_NARGS() > 1 ? PG_GETARG_DATEADT(1) : 0;

	RETURN_MEASURE(measure_contribution(s, PG_NARGS() > 1 ? &as_of : NULL, 0));
}

/*
 * The accessors with fiscal years: (summary, as_of, year_start), years that
 * start on the first of month year_start.
 */
PG_FUNCTION_INFO_V1(growth_state_yoy_growth_fiscal);
Datum
growth_state_yoy_growth_fiscal(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, "yoy_growth");
	DateADT		as_of = PG_GETARG_DATEADT(1);
	int32		year_start = PG_GETARG_INT32(2);

	ts_check_year_start(year_start);
	RETURN_MEASURE(measure_yoy(s, &as_of, year_start));
}

PG_FUNCTION_INFO_V1(growth_state_share_change_fiscal);
Datum
growth_state_share_change_fiscal(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS | TS_GS_PART,
										   "share_change");
	DateADT		as_of = PG_GETARG_DATEADT(1);
	int32		year_start = PG_GETARG_INT32(2);

	ts_check_year_start(year_start);
	RETURN_MEASURE(measure_share_change(s, &as_of, year_start));
}

PG_FUNCTION_INFO_V1(growth_state_contribution_fiscal);
Datum
growth_state_contribution_fiscal(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS | TS_GS_PART,
										   "growth_contribution");
	DateADT		as_of = PG_GETARG_DATEADT(1);
	int32		year_start = PG_GETARG_INT32(2);

	ts_check_year_start(year_start);
	RETURN_MEASURE(measure_contribution(s, &as_of, year_start));
}

/*
 * A part summary and a whole summary: the same value kind and currency (the
 * flags may differ).
 */
static void
check_part_whole(const ts_growth_state *part, const ts_growth_state *whole)
{
	if (part->kind != whole->kind ||
		(part->kind == TS_VAL_AMOUNT && part->currency != whole->currency &&
		 part->currency != TS_NO_CURRENCY && whole->currency != TS_NO_CURRENCY))
	{
		ts_growth_state a = *part,
					b = *whole;

		a.flags = b.flags = 0;
		ts_gs_check_compatible(&a, &b, TS_GS_COMPARE);
	}
}

/* A state's sums as a numeric mantissa at scale 'scale' (>= its own). */
static Numeric
sums_at_scale(ts_int128 v, int own, int scale)
{
	if (!ts_int128_mul_pow10(&v, scale - own))
		ts_gs_overflow();
	return ts_int128_numeric(v);
}

/* share(part, whole) = 100 * total(part) / total(whole) */
PG_FUNCTION_INFO_V1(growth_state_share_of);
Datum
growth_state_share_of(PG_FUNCTION_ARGS)
{
	const ts_growth_state *part = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *whole = ts_gs_read(PG_GETARG_DATUM(1));
	ts_window_sums p,
				w;
	int			scale = Max(part->scale, whole->scale);

	check_part_whole(part, whole);
	window_sums(part, PG_INT32_MIN, PG_INT32_MAX, &p);
	window_sums(whole, PG_INT32_MIN, PG_INT32_MAX, &w);
	if (w.count == 0 || w.total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(ts_percent_numeric(sums_at_scale(p.total, part->scale, scale),
									  sums_at_scale(w.total, whole->scale, scale)));
}

/*
 * growth_contribution(part, whole [, as_of]) =
 * 100 * (part now - part before) / |whole before|, P from the whole.
 */
static Datum contribution_of(FunctionCallInfo fcinfo, const DateADT *as_of,
							 int year_start);

PG_FUNCTION_INFO_V1(growth_state_contribution_of);
Datum
growth_state_contribution_of(PG_FUNCTION_ARGS)
{
	DateADT		as_of = PG_NARGS() > 2 ? PG_GETARG_DATEADT(2) : 0;

	return contribution_of(fcinfo, PG_NARGS() > 2 ? &as_of : NULL, 0);
}

/* growth_contribution(part, whole, as_of, year_start) */
PG_FUNCTION_INFO_V1(growth_state_contribution_of_fiscal);
Datum
growth_state_contribution_of_fiscal(PG_FUNCTION_ARGS)
{
	DateADT		as_of = PG_GETARG_DATEADT(2);
	int32		year_start = PG_GETARG_INT32(3);

	ts_check_year_start(year_start);
	return contribution_of(fcinfo, &as_of, year_start);
}

static Datum
contribution_of(FunctionCallInfo fcinfo, const DateADT *as_of, int year_start)
{
	const ts_growth_state *part = summary_arg(fcinfo, 0, TS_GS_PERIODS,
											  "growth_contribution");
	const ts_growth_state *whole = summary_arg(fcinfo, 1, TS_GS_PERIODS,
											   "growth_contribution");
	ts_window_sums pc,
				pp,
				wc,
				wp;
	int			scale = Max(part->scale, whole->scale);
	int32		p;
	ts_int128	diff;

	check_part_whole(part, whole);
	if (!as_of_date(whole, as_of, &p))
		PG_RETURN_NULL();
	year_start = year_start_of(whole, year_start);
	same_period_windows(part, p, year_start, &pc, &pp);
	same_period_windows(whole, p, year_start, &wc, &wp);
	if (wp.count == 0 || wp.total == 0)
		PG_RETURN_NULL();
	if (__builtin_sub_overflow(pc.total, pp.total, &diff))
		ts_gs_overflow();
	PG_RETURN_NUMERIC(ts_percent_numeric(sums_at_scale(diff, part->scale, scale),
									  sums_at_scale(wp.total < 0 ? -wp.total : wp.total,
													whole->scale, scale)));
}

/*
 * A sum of a state as numeric: amounts in major units at the currency's
 * scale, numeric exact with trailing zeros dropped, bigint as it is, double
 * precision's binary fixed point rounded to 12 decimals (its resolution is
 * 2^-40, about 9.1e-13).
 */
static Numeric
sum_numeric(const ts_growth_state *s, ts_int128 v)
{
	Numeric		n;

	if (s->kind != TS_VAL_FLOAT8)
	{
		/* v / 10^scale with scale decimals (a numeric's trailing zeros dropped) */
		if (s->scale == 0)
			return ts_int128_numeric(v);
		n = ts_scaled_numeric(v, s->scale);
		if (s->kind == TS_VAL_NUMERIC)
			n = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
													NumericGetDatum(n)));
		return n;
	}
	n = DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(ts_int128_numeric(v)),
											DirectFunctionCall3(numeric_in,
																CStringGetDatum("9.094947017729282379150390625e-13"),
																ObjectIdGetDatum(InvalidOid),
																Int32GetDatum(-1))));
	n = DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(n),
											Int32GetDatum(12)));
	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
											   NumericGetDatum(n)));
}

/* The sums of the entries in [from, to] (all without bounds); false if none. */
static bool
total_sums(FunctionCallInfo fcinfo, const ts_growth_state *s, ts_window_sums *w)
{
	int32		from = PG_INT32_MIN,
				to = PG_INT32_MAX;

	if (PG_NARGS() > 1)
	{
		if (!(s->flags & TS_GS_PERIODS))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("total with a date range needs a growth_state with periods")));
		from = PG_GETARG_DATEADT(1);
		to = PG_GETARG_DATEADT(2);
	}
	window_sums(s, from, to, w);
	return w->count > 0;
}

/* total(s [, from, to]): the exact sum of the values, as numeric. */
PG_FUNCTION_INFO_V1(growth_state_total);
Datum
growth_state_total(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = ts_gs_read(PG_GETARG_DATUM(0));
	ts_window_sums w;

	if (!total_sums(fcinfo, s, &w))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(sum_numeric(s, w.total));
}

/* total_amount(s [, from, to]): the same as a currency_amount. */
PG_FUNCTION_INFO_V1(growth_state_total_amount);
Datum
growth_state_total_amount(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = ts_gs_read(PG_GETARG_DATUM(0));
	ts_window_sums w;
	int64		units;

	if (s->kind != TS_VAL_AMOUNT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("total_amount needs a growth_state of currency_amount values"),
				 errhint("Use total() for numeric, bigint and double precision summaries.")));
	if (!total_sums(fcinfo, s, &w))
		PG_RETURN_NULL();
	if (!ts_int128_to_int64(w.total, &units))
		ts_amount_out_of_range(TS_RESULT_SUM, s->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, s->currency));
}

/*
 * growth_entries(s): one row per period (one row without periods): period,
 * count, total, part_count, part_total (the part columns NULL without part).
 */
PG_FUNCTION_INFO_V1(growth_state_entries);
Datum
growth_state_entries(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ts_growth_state *s;

	InitMaterializedSRF(fcinfo, 0);
	s = ts_gs_read(PG_GETARG_DATUM(0));
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = DateADTGetDatum(e->period);
		nulls[0] = !(s->flags & TS_GS_PERIODS);
		values[1] = Int64GetDatum(e->count);
		values[2] = NumericGetDatum(sum_numeric(s, e->total));
		if (s->flags & TS_GS_PART)
		{
			values[3] = Int64GetDatum(e->part_count);
			values[4] = NumericGetDatum(sum_numeric(s, e->part));
		}
		else
			nulls[3] = nulls[4] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* The entry of s for 'period', or NULL. */
static const ts_growth_entry *
entry_at(const ts_growth_state *s, int32 period)
{
	int			i = ts_search_last_le(s->entries, s->nentries, sizeof(ts_growth_entry),
									  offsetof(ts_growth_entry, period), period);

	return i >= 0 && s->entries[i].period == period ? &s->entries[i] : NULL;
}

/*
 * growth_series(s): one row per period of a summary by period: period,
 * total, yoy and mom (growth in percent over the period exactly a year and a
 * month earlier, as the window functions yoy() and mom() over the totals:
 * NULL when that period has no rows or a total of 0), and share (100 * part
 * / total; NULL without part sums or when the total is 0).
 */
PG_FUNCTION_INFO_V1(growth_state_series);
Datum
growth_state_series(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS,
										   "growth_series");

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];
		const ts_growth_entry *year_before =
			entry_at(s, ts_date_minus_years(e->period, 1));
		const ts_growth_entry *month_before =
			entry_at(s, ts_date_minus_months(e->period, 1));
		Datum		values[5];
		bool		nulls[5] = {false, false, true, true, true};

		CHECK_FOR_INTERRUPTS();
		values[0] = DateADTGetDatum(e->period);
		values[1] = NumericGetDatum(sum_numeric(s, e->total));
		if (year_before != NULL && year_before->total != 0)
		{
			values[2] = NumericGetDatum(growth(s, e->total, year_before->total));
			nulls[2] = false;
		}
		if (month_before != NULL && month_before->total != 0)
		{
			values[3] = NumericGetDatum(growth(s, e->total, month_before->total));
			nulls[3] = false;
		}
		if ((s->flags & TS_GS_PART) && e->total != 0)
		{
			values[4] = NumericGetDatum(percent(s, e->part, e->total));
			nulls[4] = false;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * growth_series(s, year_start): the columns of growth_series(s), and ytd,
 * the total from the first day of the period's year (years that start on
 * the first of month year_start) to the period, and ytd_yoy, the
 * same-period growth as of the period (yoy_growth(s, period, year_start)).
 */
PG_FUNCTION_INFO_V1(growth_state_series_fiscal);
Datum
growth_state_series_fiscal(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS,
										   "growth_series");
	int32		year_start = PG_GETARG_INT32(1);

	ts_check_year_start(year_start);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];
		const ts_growth_entry *year_before =
			entry_at(s, ts_date_minus_years(e->period, 1));
		const ts_growth_entry *month_before =
			entry_at(s, ts_date_minus_months(e->period, 1));
		ts_window_sums cur,
					prev;
		Datum		values[7];
		bool		nulls[7] = {false, false, true, true, true, false, true};

		CHECK_FOR_INTERRUPTS();
		values[0] = DateADTGetDatum(e->period);
		values[1] = NumericGetDatum(sum_numeric(s, e->total));
		if (year_before != NULL && year_before->total != 0)
		{
			values[2] = NumericGetDatum(growth(s, e->total, year_before->total));
			nulls[2] = false;
		}
		if (month_before != NULL && month_before->total != 0)
		{
			values[3] = NumericGetDatum(growth(s, e->total, month_before->total));
			nulls[3] = false;
		}
		if ((s->flags & TS_GS_PART) && e->total != 0)
		{
			values[4] = NumericGetDatum(percent(s, e->part, e->total));
			nulls[4] = false;
		}
		same_period_windows(s, e->period, year_start, &cur, &prev);
		values[5] = NumericGetDatum(sum_numeric(s, cur.total));
		if (prev.count > 0 && prev.total != 0)
		{
			values[6] = NumericGetDatum(growth(s, cur.total, prev.total));
			nulls[6] = false;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---- rolling windows of whole calendar months ---- */

/*
 * The window of 'months' calendar months ending at p (from the first of
 * the month months - 1 months before p's, to p), and the same a year
 * earlier.  A month without rows is absent: the windows are dates, not rows.
 */
static void
rolling_windows(const ts_growth_state *s, int32 p, int32 months,
				ts_window_sums *cur, ts_window_sums *prev)
{
	int32		p_before = ts_date_minus_years(p, 1);

	window_sums(s, ts_date_months_window_start(p, months), p, cur);
	if (prev != NULL)
		window_sums(s, ts_date_months_window_start(p_before, months), p_before, prev);
}

/* The summary, months and as_of of rolling_total and rolling_yoy. */
static const ts_growth_state *
rolling_args(FunctionCallInfo fcinfo, const char *fn, bool with_as_of,
			 int32 *months, int32 *p, bool *found)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, fn);
	DateADT		as_of = with_as_of ? PG_GETARG_DATEADT(2) : 0;

	*months = PG_GETARG_INT32(1);
	ts_check_window_months(*months);
	*found = as_of_date(s, with_as_of ? &as_of : NULL, p);
	return s;
}

static Datum
rolling_total(FunctionCallInfo fcinfo, bool with_as_of)
{
	ts_window_sums cur;
	int32		months,
				p;
	bool		found;
	const ts_growth_state *s = rolling_args(fcinfo, "rolling_total", with_as_of,
											&months, &p, &found);

	if (!found)
		PG_RETURN_NULL();
	rolling_windows(s, p, months, &cur, NULL);
	if (cur.count == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(sum_numeric(s, cur.total));
}

/* rolling_total(s, months [, as_of]): the total of the months to as_of. */
PG_FUNCTION_INFO_V1(growth_state_rolling_total);
Datum
growth_state_rolling_total(PG_FUNCTION_ARGS)
{
	return rolling_total(fcinfo, false);
}

PG_FUNCTION_INFO_V1(growth_state_rolling_total_as_of);
Datum
growth_state_rolling_total_as_of(PG_FUNCTION_ARGS)
{
	return rolling_total(fcinfo, true);
}

static Datum
rolling_yoy(FunctionCallInfo fcinfo, bool with_as_of)
{
	ts_window_sums cur,
				prev;
	int32		months,
				p;
	bool		found;
	const ts_growth_state *s = rolling_args(fcinfo, "rolling_yoy", with_as_of,
											&months, &p, &found);

	if (!found)
		PG_RETURN_NULL();
	rolling_windows(s, p, months, &cur, &prev);
	if (prev.count == 0 || prev.total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(growth(s, cur.total, prev.total));
}

/*
 * rolling_yoy(s, months [, as_of]): growth of the months to as_of over the
 * same months a year earlier, in percent.
 */
PG_FUNCTION_INFO_V1(growth_state_rolling_yoy);
Datum
growth_state_rolling_yoy(PG_FUNCTION_ARGS)
{
	return rolling_yoy(fcinfo, false);
}

PG_FUNCTION_INFO_V1(growth_state_rolling_yoy_as_of);
Datum
growth_state_rolling_yoy_as_of(PG_FUNCTION_ARGS)
{
	return rolling_yoy(fcinfo, true);
}

/*
 * rolling_series(s, months): one row per period of a summary by period:
 * period, rolling_total (the months to the period; months without rows
 * are absent, never replaced by another row) and rolling_yoy (its growth
 * over the same months a year earlier; NULL when those have no rows or a
 * total of 0).
 */
PG_FUNCTION_INFO_V1(growth_state_rolling_series);
Datum
growth_state_rolling_series(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS,
										   "rolling_series");
	int32		months = PG_GETARG_INT32(1);

	ts_check_window_months(months);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < s->nentries; i++)
	{
		ts_window_sums cur,
					prev;
		Datum		values[3];
		bool		nulls[3] = {false, false, true};

		CHECK_FOR_INTERRUPTS();
		rolling_windows(s, s->entries[i].period, months, &cur, &prev);
		values[0] = DateADTGetDatum(s->entries[i].period);
		values[1] = NumericGetDatum(sum_numeric(s, cur.total));
		if (prev.count > 0 && prev.total != 0)
		{
			values[2] = NumericGetDatum(growth(s, cur.total, prev.total));
			nulls[2] = false;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---- growth over several years, and index numbers ---- */

/* Decimals of the intermediate numbers of cagr, and of its result. */
#define CAGR_WORK_SCALE 40
#define CAGR_RESULT_SCALE 12

static Numeric
numeric_at_scale(Numeric n, int scale)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(n),
											   Int32GetDatum(scale)));
}

/*
 * cagr(s, from, to): the compound annual growth rate, in percent, of the
 * total of period 'to' over the total of period 'from':
 * 100 * ((to / from) ^ (12 / months) - 1), months the calendar months
 * between them.  The ratio and the root are computed with 40 decimals
 * (numeric division and numeric power), the result rounded half away from
 * zero to 12 decimals, trailing zeros dropped, so an exact root is exact
 * (1331 over 1000 in three years is 10).  NULL when either period has no
 * rows, or the first total is not positive or the second negative (no real
 * root); -100 when the second is 0.
 */
PG_FUNCTION_INFO_V1(growth_state_cagr);
Datum
growth_state_cagr(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, "cagr");
	DateADT		from = PG_GETARG_DATEADT(1);
	DateADT		to = PG_GETARG_DATEADT(2);
	const ts_growth_entry *first,
			   *last;
	int64		months;
	Numeric		ratio,
				result;

	ts_check_period(from);
	ts_check_period(to);
	months = ts_date_months_between(from, to);
	if (months <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cagr needs \"to\" in a later month than \"from\": from %s to %s",
						ts_iso_date(from), ts_iso_date(to))));
	first = entry_at(s, from);
	last = entry_at(s, to);
	if (first == NULL || last == NULL || first->total <= 0 || last->total < 0)
		PG_RETURN_NULL();

	/* both totals are mantissas at the state's scale: their ratio is the values' */
	ratio = DatumGetNumeric(DirectFunctionCall2(numeric_div,
												NumericGetDatum(numeric_at_scale(ts_int128_numeric(last->total),
																				 CAGR_WORK_SCALE)),
												NumericGetDatum(ts_int128_numeric(first->total))));
	if (months != 12)
	{
		Numeric		exponent = DatumGetNumeric(DirectFunctionCall2(numeric_div,
																   NumericGetDatum(numeric_at_scale(int64_to_numeric(12),
																									CAGR_WORK_SCALE)),
																   NumericGetDatum(int64_to_numeric(months))));

		ratio = DatumGetNumeric(DirectFunctionCall2(numeric_power, NumericGetDatum(ratio),
													NumericGetDatum(exponent)));
	}
	result = DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(ratio),
												 NumericGetDatum(int64_to_numeric(1))));
	result = DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(result),
												 NumericGetDatum(int64_to_numeric(100))));
	result = numeric_at_scale(result, CAGR_RESULT_SCALE);
	PG_RETURN_NUMERIC(DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
														  NumericGetDatum(result))));
}

/*
 * growth_index(s, base): one row per period of a summary by period: period,
 * total and index, 100 * total / the total of the base period (as the
 * measures divide: numeric division's digits, trailing zeros dropped; NULL
 * when the base total is 0).  A base period without rows is an error.
 */
PG_FUNCTION_INFO_V1(growth_state_index);
Datum
growth_state_index(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ts_growth_state *s = summary_arg(fcinfo, 0, TS_GS_PERIODS, "growth_index");
	DateADT		base_period = PG_GETARG_DATEADT(1);
	const ts_growth_entry *base = entry_at(s, base_period);

	if (base == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("base period %s of growth_index has no rows in the summary",
						ts_iso_date(base_period)),
				 errhint("Use a period of growth_entries(summary), e.g. latest_period(summary).")));
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < s->nentries; i++)
	{
		const ts_growth_entry *e = &s->entries[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, true};

		CHECK_FOR_INTERRUPTS();
		values[0] = DateADTGetDatum(e->period);
		values[1] = NumericGetDatum(sum_numeric(s, e->total));
		if (base->total != 0)
		{
			values[2] = NumericGetDatum(percent(s, e->total, base->total));
			nulls[2] = false;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
