/*-------------------------------------------------------------------------
 *
 * amount_ops.c
 *	  currency_amount arithmetic, comparison, hashing, sort support and
 *	  statistics.
 *
 * Equality across currencies is simply false.  Ordering across currencies
 * is an error wherever it happens (operators, btree support, sorts), so no
 * plan can return an answer that depends on an arbitrary currency order.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "commands/vacuum.h"
#include "catalog/pg_statistic.h"
#include "common/hashfn.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/sortsupport.h"

#include "trade_stats.h"

/* Three-way comparison; ordering across currencies is an error. */
static int
amount_cmp(const CurrencyAmount *a, const CurrencyAmount *b)
{
	if (a->currency != b->currency)
		ts_mixed_currencies(TS_OP_COMPARE, a->currency, b->currency,
							"Order, group or index by (currency(a), a) to keep each currency apart.");
	if (a->units < b->units)
		return -1;
	return a->units > b->units ? 1 : 0;
}

/* ---- arithmetic ---- */

PG_FUNCTION_INFO_V1(currency_amount_pl);
Datum
currency_amount_pl(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);
	int64		r;

	ts_check_same_currency(a->currency, b->currency, TS_OP_ADD);
	if (!ts_add(a->units, b->units, &r))
		ts_amount_out_of_range(TS_RESULT_SUM, a->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(r, a->currency));
}

PG_FUNCTION_INFO_V1(currency_amount_mi);
Datum
currency_amount_mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_CURRENCY_AMOUNT_P(ts_amount_sub(PG_GETARG_CURRENCY_AMOUNT_P(0),
											  PG_GETARG_CURRENCY_AMOUNT_P(1)));
}

PG_FUNCTION_INFO_V1(currency_amount_um);
Datum
currency_amount_um(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	int64		r;

	if (!ts_neg(a->units, &r))
		ts_amount_out_of_range(TS_RESULT_NEGATION, a->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(r, a->currency));
}

PG_FUNCTION_INFO_V1(currency_amount_abs);
Datum
currency_amount_abs(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	int64		r = a->units;

	if (r < 0 && !ts_neg(a->units, &r))
		ts_amount_out_of_range(TS_RESULT_ABSOLUTE_VALUE, a->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(r, a->currency));
}

/* amount * integer, either operand order. */
static Datum
mul_int64(CurrencyAmount *a, int64 factor)
{
	int64		r;

	if (!ts_mul(a->units, factor, &r))
		ts_amount_out_of_range(TS_RESULT_PRODUCT, a->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(r, a->currency));
}

/* amount * numeric, exactly, rounded half away from zero. */
static Datum
mul_numeric(CurrencyAmount *a, Numeric factor)
{
	Numeric		product;

	if (numeric_is_nan(factor) || numeric_is_inf(factor))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot multiply currency_amount by %s",
						numeric_is_nan(factor) ? "NaN" : "infinity")));
	product = numeric_mul_opt_error(int64_to_numeric(a->units), factor, NULL);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(ts_numeric_to_minor_units(product, 0,
																   a->currency,
																   TS_RESULT_PRODUCT),
											a->currency));
}

/*
 * A double as the decimal it prints as (the way a user wrote 1.1), so that
 * amount * 1.1::float8 rounds like amount * 1.1.  NaN and infinity stay
 * what they are, for mul_numeric and div_numeric to refuse.
 */
static Numeric
float8_to_decimal(float8 f)
{
	return DatumGetNumeric(DirectFunctionCall1(float8_numeric,
											   Float8GetDatum(f)));
}

PG_FUNCTION_INFO_V1(currency_amount_mul_int8);
Datum
currency_amount_mul_int8(PG_FUNCTION_ARGS)
{
	return mul_int64(PG_GETARG_CURRENCY_AMOUNT_P(0), PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(int8_mul_currency_amount);
Datum
int8_mul_currency_amount(PG_FUNCTION_ARGS)
{
	return mul_int64(PG_GETARG_CURRENCY_AMOUNT_P(1), PG_GETARG_INT64(0));
}

PG_FUNCTION_INFO_V1(currency_amount_mul_int4);
Datum
currency_amount_mul_int4(PG_FUNCTION_ARGS)
{
	return mul_int64(PG_GETARG_CURRENCY_AMOUNT_P(0), PG_GETARG_INT32(1));
}

PG_FUNCTION_INFO_V1(int4_mul_currency_amount);
Datum
int4_mul_currency_amount(PG_FUNCTION_ARGS)
{
	return mul_int64(PG_GETARG_CURRENCY_AMOUNT_P(1), PG_GETARG_INT32(0));
}

PG_FUNCTION_INFO_V1(currency_amount_mul_numeric);
Datum
currency_amount_mul_numeric(PG_FUNCTION_ARGS)
{
	return mul_numeric(PG_GETARG_CURRENCY_AMOUNT_P(0), PG_GETARG_NUMERIC(1));
}

PG_FUNCTION_INFO_V1(numeric_mul_currency_amount);
Datum
numeric_mul_currency_amount(PG_FUNCTION_ARGS)
{
	return mul_numeric(PG_GETARG_CURRENCY_AMOUNT_P(1), PG_GETARG_NUMERIC(0));
}

PG_FUNCTION_INFO_V1(currency_amount_mul_float8);
Datum
currency_amount_mul_float8(PG_FUNCTION_ARGS)
{
	return mul_numeric(PG_GETARG_CURRENCY_AMOUNT_P(0),
					   float8_to_decimal(PG_GETARG_FLOAT8(1)));
}

PG_FUNCTION_INFO_V1(float8_mul_currency_amount);
Datum
float8_mul_currency_amount(PG_FUNCTION_ARGS)
{
	return mul_numeric(PG_GETARG_CURRENCY_AMOUNT_P(1),
					   float8_to_decimal(PG_GETARG_FLOAT8(0)));
}

static void
division_by_zero(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DIVISION_BY_ZERO),
			 errmsg("division by zero")));
}

/* amount / integer, rounded half away from zero. */
static Datum
div_int64(CurrencyAmount *a, int64 divisor)
{
	int64		r;

	if (divisor == 0)
		division_by_zero();
	if (!ts_div_round(a->units, divisor, &r))
		ts_amount_out_of_range(TS_RESULT_QUOTIENT, a->currency);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(r, a->currency));
}

/* amount / numeric, exactly, rounded half away from zero. */
static Datum
div_numeric(CurrencyAmount *a, Numeric divisor)
{
	if (numeric_is_nan(divisor) || numeric_is_inf(divisor))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot divide currency_amount by %s",
						numeric_is_nan(divisor) ? "NaN" : "infinity")));
	if (DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(divisor),
										 NumericGetDatum(int64_to_numeric(0)))))
		division_by_zero();
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(ts_numeric_ratio_to_units(int64_to_numeric(a->units),
																   divisor,
																   a->currency,
																   TS_RESULT_QUOTIENT),
											a->currency));
}

PG_FUNCTION_INFO_V1(currency_amount_div_int8);
Datum
currency_amount_div_int8(PG_FUNCTION_ARGS)
{
	return div_int64(PG_GETARG_CURRENCY_AMOUNT_P(0), PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(currency_amount_div_int4);
Datum
currency_amount_div_int4(PG_FUNCTION_ARGS)
{
	return div_int64(PG_GETARG_CURRENCY_AMOUNT_P(0), PG_GETARG_INT32(1));
}

PG_FUNCTION_INFO_V1(currency_amount_div_numeric);
Datum
currency_amount_div_numeric(PG_FUNCTION_ARGS)
{
	return div_numeric(PG_GETARG_CURRENCY_AMOUNT_P(0), PG_GETARG_NUMERIC(1));
}

PG_FUNCTION_INFO_V1(currency_amount_div_float8);
Datum
currency_amount_div_float8(PG_FUNCTION_ARGS)
{
	float8		d = PG_GETARG_FLOAT8(1);

	if (d == 0.0)
		division_by_zero();
	return div_numeric(PG_GETARG_CURRENCY_AMOUNT_P(0),
					   float8_to_decimal(d));
}

/* amount / amount of the same currency: a plain numeric ratio. */
PG_FUNCTION_INFO_V1(currency_amount_div_amount);
Datum
currency_amount_div_amount(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

	ts_check_same_currency(a->currency, b->currency, TS_OP_DIVIDE);
	if (b->units == 0)
		division_by_zero();
	return DirectFunctionCall2(numeric_div,
							   NumericGetDatum(int64_to_numeric(a->units)),
							   NumericGetDatum(int64_to_numeric(b->units)));
}

/* ---- comparison ---- */

PG_FUNCTION_INFO_V1(currency_amount_eq);
Datum
currency_amount_eq(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

	PG_RETURN_BOOL(a->currency == b->currency && a->units == b->units);
}

PG_FUNCTION_INFO_V1(currency_amount_ne);
Datum
currency_amount_ne(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

	PG_RETURN_BOOL(a->currency != b->currency || a->units != b->units);
}

#define AMOUNT_CMP_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(amount_cmp(PG_GETARG_CURRENCY_AMOUNT_P(0), \
									   PG_GETARG_CURRENCY_AMOUNT_P(1)) op 0); \
}

AMOUNT_CMP_FUNC(currency_amount_lt, <)
AMOUNT_CMP_FUNC(currency_amount_le, <=)
AMOUNT_CMP_FUNC(currency_amount_gt, >)
AMOUNT_CMP_FUNC(currency_amount_ge, >=)

PG_FUNCTION_INFO_V1(currency_amount_cmp);
Datum
currency_amount_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(amount_cmp(PG_GETARG_CURRENCY_AMOUNT_P(0),
										PG_GETARG_CURRENCY_AMOUNT_P(1)));
}

static int
amount_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	return amount_cmp(DatumGetCurrencyAmountP(x),
							   DatumGetCurrencyAmountP(y));
}

PG_FUNCTION_INFO_V1(currency_amount_sortsupport);
Datum
currency_amount_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = amount_fastcmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(currency_amount_smaller);
Datum
currency_amount_smaller(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

	PG_RETURN_CURRENCY_AMOUNT_P(amount_cmp(a, b) <= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(currency_amount_larger);
Datum
currency_amount_larger(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	CurrencyAmount *b = PG_GETARG_CURRENCY_AMOUNT_P(1);

	PG_RETURN_CURRENCY_AMOUNT_P(amount_cmp(a, b) >= 0 ? a : b);
}

/* ---- hashing: units and currency, consistent with = ---- */

PG_FUNCTION_INFO_V1(currency_amount_hash);
Datum
currency_amount_hash(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);

	return hash_any((const unsigned char *) a,
					offsetof(CurrencyAmount, currency) + sizeof(uint16));
}

PG_FUNCTION_INFO_V1(currency_amount_hash_extended);
Datum
currency_amount_hash_extended(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);

	return hash_any_extended((const unsigned char *) a,
							 offsetof(CurrencyAmount, currency) + sizeof(uint16),
							 PG_GETARG_INT64(1));
}

/* ---- statistics ---- */

/*
 * ANALYZE sorts the sample with the type's ordering, which is an error on a
 * column that mixes currencies (and would make autovacuum fail on it for
 * ever).  Such a column gets only the null fraction and width; a column of
 * one currency gets the standard statistics.
 *
 * std_compute_stats holds the standard function std_typanalyze chose; it is
 * the same function every time, so caching the pointer is safe.
 */
static AnalyzeAttrComputeStatsFunc std_compute_stats = NULL;

static void
amount_compute_stats(VacAttrStatsP stats, AnalyzeAttrFetchFunc fetchfunc,
					 int samplerows, double totalrows)
{
	ts_currency_key first = TS_NO_CURRENCY;
	int			nulls = 0;
	bool		mixed = false;

	for (int i = 0; i < samplerows; i++)
	{
		bool		isnull;
		Datum		value = fetchfunc(stats, i, &isnull);
		CurrencyAmount *a;

#if PG_VERSION_NUM >= 180000
		vacuum_delay_point(true);
#else
		vacuum_delay_point();
#endif
		if (isnull)
		{
			nulls++;
			continue;
		}
		a = DatumGetCurrencyAmountP(value);
		if (first == TS_NO_CURRENCY)
			first = a->currency;
		else if (a->currency != first)
			mixed = true;
	}

	if (!mixed)
	{
		std_compute_stats(stats, fetchfunc, samplerows, totalrows);
		return;
	}
	stats->stats_valid = true;
	stats->stanullfrac = (float4) nulls / (float4) samplerows;
	stats->stawidth = sizeof(CurrencyAmount);
	stats->stadistinct = 0.0;	/* unknown */
}

PG_FUNCTION_INFO_V1(currency_amount_typanalyze);
Datum
currency_amount_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);

	if (!std_typanalyze(stats))
		PG_RETURN_BOOL(false);
	std_compute_stats = stats->compute_stats;
	stats->compute_stats = amount_compute_stats;
	PG_RETURN_BOOL(true);
}

/*
 * Restriction selectivity of < <= > >=: PostgreSQL's scalar estimators,
 * which compare the constant with the column's histogram, except when the
 * statistics are of another currency than the constant: then the default
 * estimate, so that the comparison errors when it runs, as it does without
 * statistics, never at plan time only because ANALYZE ran.
 */
static bool
stats_of_another_currency(PlannerInfo *root, List *args, int varRelid)
{
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	bool		another = false;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		return false;
	if (IsA(other, Const) && !((Const *) other)->constisnull &&
		HeapTupleIsValid(vardata.statsTuple))
	{
		ts_currency_key currency =
			DatumGetCurrencyAmountP(((Const *) other)->constvalue)->currency;
		static const int kinds[] = {STATISTIC_KIND_HISTOGRAM, STATISTIC_KIND_MCV};

		for (int k = 0; k < lengthof(kinds) && !another; k++)
		{
			AttStatsSlot sslot;

			if (get_attstatsslot(&sslot, vardata.statsTuple, kinds[k], InvalidOid,
								 ATTSTATSSLOT_VALUES))
			{
				for (int i = 0; i < sslot.nvalues && !another; i++)
					another = DatumGetCurrencyAmountP(sslot.values[i])->currency != currency;
				free_attstatsslot(&sslot);
			}
		}
	}
	ReleaseVariableStats(vardata);
	return another;
}

static Datum
ineq_selectivity(FunctionCallInfo fcinfo, PGFunction scalar_estimator)
{
	if (stats_of_another_currency((PlannerInfo *) PG_GETARG_POINTER(0),
								  (List *) PG_GETARG_POINTER(2), PG_GETARG_INT32(3)))
		PG_RETURN_FLOAT8(DEFAULT_INEQ_SEL);
	return DirectFunctionCall4Coll(scalar_estimator, PG_GET_COLLATION(),
								   PG_GETARG_DATUM(0), PG_GETARG_DATUM(1),
								   PG_GETARG_DATUM(2), PG_GETARG_DATUM(3));
}

PG_FUNCTION_INFO_V1(currency_amount_ltsel);
Datum
currency_amount_ltsel(PG_FUNCTION_ARGS)
{
	return ineq_selectivity(fcinfo, scalarltsel);
}

PG_FUNCTION_INFO_V1(currency_amount_lesel);
Datum
currency_amount_lesel(PG_FUNCTION_ARGS)
{
	return ineq_selectivity(fcinfo, scalarlesel);
}

PG_FUNCTION_INFO_V1(currency_amount_gtsel);
Datum
currency_amount_gtsel(PG_FUNCTION_ARGS)
{
	return ineq_selectivity(fcinfo, scalargtsel);
}

PG_FUNCTION_INFO_V1(currency_amount_gesel);
Datum
currency_amount_gesel(PG_FUNCTION_ARGS)
{
	return ineq_selectivity(fcinfo, scalargesel);
}
