/*-------------------------------------------------------------------------
 *
 * trade_stats.h
 *	  Declarations shared by the PostgreSQL-facing files of trade_stats.
 *
 * Include after postgres.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TRADE_STATS_H
#define TRADE_STATS_H

#include <math.h>

#include "fmgr.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "ts_core.h"
#include "ts_growth.h"

#if PG_VERSION_NUM < 150000
#error "trade_stats needs PostgreSQL 15 or later"
#endif

/* Since PostgreSQL 16 the varlena macros have a header of their own. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * A function that does not return: PostgreSQL 18 replaced
 * pg_attribute_noreturn() by pg_noreturn; both go before the declaration.
 */
#ifdef pg_noreturn
#define ts_noreturn pg_noreturn
#else
#define ts_noreturn pg_attribute_noreturn()
#endif

/*
 * On-disk and in-memory form of currency_amount: 16 bytes, passed by
 * reference, aligned like double.  The padding is always zero so that
 * binary equality and hashing of the struct are well defined.
 */
typedef struct CurrencyAmount
{
	int64		units;			/* count of minor units */
	uint16		currency;		/* ts_currency_key, never TS_NO_CURRENCY */
	uint16		pad1;
	uint32		pad2;
} CurrencyAmount;

StaticAssertDecl(sizeof(CurrencyAmount) == 16, "currency_amount is 16 bytes");

#define DatumGetCurrencyAmountP(X)	((CurrencyAmount *) DatumGetPointer(X))
#define CurrencyAmountPGetDatum(X)	PointerGetDatum(X)
#define PG_GETARG_CURRENCY_AMOUNT_P(n) DatumGetCurrencyAmountP(PG_GETARG_DATUM(n))
#define PG_RETURN_CURRENCY_AMOUNT_P(x) return CurrencyAmountPGetDatum(x)

/*
 * What an operation on amounts of two currencies was: each names one whole
 * message of ts_mixed_currencies ("cannot add amounts in different
 * currencies: USD and EUR").
 */
typedef enum ts_amount_op
{
	TS_OP_ADD,
	TS_OP_SUBTRACT,
	TS_OP_DIVIDE,
	TS_OP_SUM,
	TS_OP_COMPARE,
	TS_OP_AGGREGATE
} ts_amount_op;

/*
 * The result of an operation that left currency_amount's range: each names
 * one whole message of ts_amount_out_of_range ("sum is out of range for
 * type currency_amount").  TS_RESULT_VALUE is a value given or rounded to
 * minor units, which the message quotes.
 */
typedef enum ts_amount_result
{
	TS_RESULT_VALUE,
	TS_RESULT_SUM,
	TS_RESULT_DIFFERENCE,
	TS_RESULT_NEGATION,
	TS_RESULT_ABSOLUTE_VALUE,
	TS_RESULT_PRODUCT,
	TS_RESULT_QUOTIENT,
	TS_RESULT_AVERAGE,
	TS_RESULT_CONVERTED_AMOUNT,
	TS_RESULT_CONVERTED_SUM
} ts_amount_result;

/*
 * What was done with growth_state values of different kinds: each names one
 * whole message of ts_gs_incompatible ("cannot add growth_state values of
 * different kinds: ...").
 */
typedef enum ts_gs_op
{
	TS_GS_ADD_ROW,
	TS_GS_ADD,
	TS_GS_SUBTRACT,
	TS_GS_COMBINE,
	TS_GS_COMPARE
} ts_gs_op;

/*
 * The functions that print for people: each names one whole message of
 * ts_text_lang ("unsupported language \"fr\" for humanize") and of
 * ts_check_text_digits.
 */
typedef enum ts_text_fn
{
	TS_TEXT_HUMANIZE,
	TS_TEXT_FORMAT_PCT,
	TS_TEXT_FORMAT_PP
} ts_text_fn;

/* What ts_numeric_datum_to_int128 found. */
typedef enum ts_numeric_read
{
	TS_NUMERIC_FITS,			/* a mantissa and a scale */
	TS_NUMERIC_TOO_WIDE,		/* finite, beyond 128 bits */
	TS_NUMERIC_IS_NAN,
	TS_NUMERIC_IS_INF
} ts_numeric_read;

/*
 * The digits of a numeric, read from its stored form: the on-disk layout
 * of numeric.c (stable since PostgreSQL 9.1, as pg_upgrade keeps stored
 * numerics as they are), in native byte order after the 4-byte varlena
 * header that PG_GETARG_NUMERIC leaves.  A uint16 header word; its top two
 * bits 10 mean the short form (sign bit 0x2000, display scale in
 * 0x1F80, weight sign 0x0040 and weight bits 0x003F), 11 a special value,
 * 00 or 01 the long form (sign 0x4000 with the display scale, then an
 * int16 weight).  The base-10000 digits follow.  Reading them in place
 * costs no allocation: numeric_send's copy of the same digits cost a
 * palloc and a buffer per row.
 */
#define TS_NUMERIC_SIGN_MASK	0xC000
#define TS_NUMERIC_NEG			0x4000
#define TS_NUMERIC_SHORT		0x8000
#define TS_NUMERIC_SPECIAL		0xC000
#define TS_NUMERIC_SHORT_SIGN	0x2000
#define TS_NUMERIC_SHORT_WSIGN	0x0040
#define TS_NUMERIC_SHORT_WMASK	0x003F
#define TS_NUMERIC_EXT_SIGN_MASK	0xF000
#define TS_NUMERIC_NAN			0xC000

/*
 * The common case of a row's numeric, read in one step: a short varlena
 * header, the short numeric form, 1 to 4 base-10000 digits whose value
 * fits in 64 bits, as ts_decimal_from_base10000's first case reads them
 * (the same mantissa and scale).  False for anything else, left to
 * ts_numeric_datum_to_int128.  Inline, so that a transition function
 * keeps the mantissa in registers.
 */
static inline bool
ts_numeric_read_small(Datum d, ts_int128 *mantissa, int *scale)
{
	const struct varlena *v = (const struct varlena *) DatumGetPointer(d);
	const char *p;
	Size		len;
	uint16		header;
	int			ndigits,
				weight,
				nfrac,
				last = 0;
	uint64		acc = 0;

	if (!VARATT_IS_SHORT(v))
		return false;
	len = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;
	p = VARDATA_SHORT(v);
	if (len < 2 * sizeof(uint16) || len > 5 * sizeof(uint16) || len % sizeof(uint16) != 0)
		return false;
	memcpy(&header, p, sizeof(header));
	if ((header & TS_NUMERIC_SIGN_MASK) != TS_NUMERIC_SHORT)
		return false;
	weight = (header & TS_NUMERIC_SHORT_WSIGN) ?
		(int) (header & TS_NUMERIC_SHORT_WMASK) - (TS_NUMERIC_SHORT_WMASK + 1) :
		(int) (header & TS_NUMERIC_SHORT_WMASK);
	ndigits = (int) (len / sizeof(uint16)) - 1;
	nfrac = ndigits - (weight + 1);
	if (nfrac < 0 || 4 * nfrac > TS_NUMERIC_MAX_SCALE)
		return false;
	for (int i = 0; i < ndigits; i++)
	{
		int16		digit;

		memcpy(&digit, p + (i + 1) * sizeof(uint16), sizeof(int16));
		if (digit < 0 || digit > 9999)
			return false;
		acc = acc * 10000 + (uint64) digit;
		last = digit;
	}
	*scale = 4 * nfrac;
	if (nfrac > 0)
	{
		if (last == 0)
			return false;
		if (last % 1000 == 0)
		{
			acc /= 1000;
			*scale -= 3;
		}
		else if (last % 100 == 0)
		{
			acc /= 100;
			*scale -= 2;
		}
		else if (last % 10 == 0)
		{
			acc /= 10;
			*scale -= 1;
		}
	}
	*mantissa = (header & TS_NUMERIC_SHORT_SIGN) ? -(ts_int128) acc : (ts_int128) acc;
	return true;
}

/* support.c: the bottom layer every other glue file uses */
extern CurrencyAmount *ts_make_amount(int64 units, ts_currency_key currency);
extern const ts_currency *ts_amount_currency(ts_currency_key currency);
extern const char *ts_currency_code(ts_currency_key currency);
extern const ts_currency *ts_lookup_currency_text(text *code);
extern ts_value_kind ts_value_kind_of(Oid type);
extern ts_numeric_read ts_numeric_datum_to_int128(Datum d, int max_scale,
												  ts_int128 *mantissa, int *scale);
extern bool ts_numeric_arg_to_int128(Datum d, ts_int128 *mantissa, int *scale);
extern bool ts_numeric_to_int128(Numeric num, int max_scale,
								 ts_int128 *mantissa, int *scale);
extern int64 ts_numeric_to_minor_units(Numeric num, int minor,
									   ts_currency_key currency,
									   ts_amount_result what);
extern int64 ts_numeric_ratio_to_units(Numeric num, Numeric den,
									   ts_currency_key currency,
									   ts_amount_result what);
ts_noreturn extern void ts_mixed_currencies(ts_amount_op op, ts_currency_key a,
											ts_currency_key b, const char *hint);
extern void ts_check_same_currency(ts_currency_key a, ts_currency_key b,
								   ts_amount_op op);
ts_noreturn extern void ts_value_out_of_range(const char *value, const char *type,
											  const char *detail);
ts_noreturn extern void ts_amount_out_of_range(ts_amount_result what,
											   ts_currency_key currency);
ts_noreturn extern void ts_gs_incompatible(ts_gs_op op, const char *kind_a,
										   const char *kind_b);
extern ts_lang ts_text_lang(text *lang, ts_text_fn fn);
extern void ts_check_text_digits(int32 digits, ts_text_fn fn);
extern char *ts_iso_date(int32 date);
extern char *ts_amount_text(const CurrencyAmount *a);
extern CurrencyAmount *ts_amount_sub(const CurrencyAmount *a,
									 const CurrencyAmount *b);
extern Numeric ts_percent_numeric(Numeric num, Numeric den);
extern void ts_check_period(int32 d);
extern void ts_check_as_of(int32 d);
extern void ts_null_as_of(void);
extern void ts_check_year_start(int32 month);
extern void ts_check_window_months(int32 months);
extern Numeric ts_int128_numeric(ts_int128 v);

/* The largest scale of ts_scaled_numeric. */
#define TS_SCALED_NUMERIC_MAX 32
extern Numeric ts_scaled_numeric(ts_int128 v, int scale);
struct pg_tz;
extern struct pg_tz *ts_time_zone(const char *name);
extern int32 ts_local_date(int64 t, struct pg_tz *tz);
struct StringInfoData;
extern void ts_pq_send_currency(struct StringInfoData *buf, ts_currency_key currency);
extern bool ts_pq_get_currency(struct StringInfoData *buf, ts_currency_key *currency);
extern void ts_pq_send_kind_currency(struct StringInfoData *buf, ts_value_kind kind,
									 ts_currency_key currency);
extern bool ts_pq_get_kind_currency(struct StringInfoData *buf, ts_value_kind *kind,
									ts_currency_key *currency);
extern void ts_pq_send_int128(struct StringInfoData *buf, ts_int128 v);
extern ts_int128 ts_pq_get_int128(struct StringInfoData *buf);

/* growth_state.c: the growth_state type and its working layout */
extern const ts_growth_state *ts_gs_read(Datum d);
extern ts_growth_state *ts_gs_new_working(int capacity, ts_value_kind kind,
										  int flags);
extern ts_growth_state *ts_gs_arg_for_update(FunctionCallInfo fcinfo, int argno);
extern ts_growth_state *ts_gs_reserve(ts_growth_state *s, int need);
extern ts_growth_entry *ts_gs_entry_grow_slow(ts_growth_state **s, int32 period);

/*
 * The entry of *s for 'period', added if absent; *s may move to a larger
 * copy.  The common case, the period of the row before or the next one,
 * is inline.
 */
static inline ts_growth_entry *
ts_gs_entry_grow(ts_growth_state **s, int32 period)
{
	int			i = ts_gs_find(*s, period);

	if (i >= 0)
		return &(*s)->entries[i];
	return ts_gs_entry_grow_slow(s, period);
}
extern Datum ts_gs_result(FunctionCallInfo fcinfo, ts_growth_state *s);
extern void ts_gs_check_compatible(const ts_growth_state *a,
								   const ts_growth_state *b, ts_gs_op op);
ts_noreturn extern void ts_gs_overflow(void);
extern Datum ts_gs_flat(ts_growth_state *s);

/*
 * The value of a row as a mantissa at the state's scale (which a numeric
 * with more decimals raises, and an amount's currency sets): inline, for
 * the transition functions and the statement triggers of summaries.
 */
static inline ts_int128
ts_gs_value_mantissa(ts_growth_state *s, ts_value_kind kind, Datum value)
{
	switch (kind)
	{
		case TS_VAL_AMOUNT:
			{
				CurrencyAmount *a = DatumGetCurrencyAmountP(value);

				if (unlikely(s->currency != a->currency))
				{
					if (s->currency != TS_NO_CURRENCY)
						ts_mixed_currencies(TS_OP_AGGREGATE, s->currency, a->currency,
											"Group by currency(amount), or convert the amounts to one currency first.");
					s->currency = a->currency;
					s->scale = ts_amount_currency(a->currency)->minor_units;
				}
				return a->units;
			}
		case TS_VAL_INT8:
			return DatumGetInt64(value);
		case TS_VAL_FLOAT8:
			{
				float8		f = DatumGetFloat8(value);
				ts_int128	mant;

				if (isnan(f) || isinf(f))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot aggregate %s", isnan(f) ? "NaN" : "infinity")));
				if (!ts_float8_mantissa(f, &mant))
					ts_value_out_of_range(float8out_internal(f), "growth_state",
										  "double precision values must be below 2^86 in magnitude.");
				return mant;
			}
		case TS_VAL_NUMERIC:
			{
				Numeric		num = DatumGetNumeric(value);
				ts_int128	mant;
				int			scale;

				if (numeric_is_nan(num) || numeric_is_inf(num))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot aggregate %s",
									numeric_is_nan(num) ? "NaN" : "infinity")));
				if (!ts_numeric_to_int128(num, TS_NUMERIC_MAX_SCALE, &mant, &scale))
					ts_value_out_of_range(DatumGetCString(DirectFunctionCall1(numeric_out, value)),
										  "growth_state", "Sums are exact in 128 bits.");
				if (scale > s->scale)
				{
					if (!ts_gs_rescale(s, scale - s->scale))
						ts_gs_overflow();
				}
				else if (!ts_int128_mul_pow10(&mant, s->scale - scale))
					ts_gs_overflow();
				return mant;
			}
	}
	return 0;					/* keep the compiler quiet */
}

/*
 * growth_agg.c and window.c: the functions behind their entry points of one
 * SQL signature each, for the legacy symbols of legacy.c, which learn the
 * signature from pg_proc.
 */
typedef enum TsAccumShape
{
	TS_ACCUM_PERIOD,			/* (value, period) */
	TS_ACCUM_PERIOD_AS_OF,		/* (value, period, as_of) */
	TS_ACCUM_PART,				/* (value, part) */
	TS_ACCUM_PART_PERIOD,		/* (value, part, period) */
	TS_ACCUM_PART_PERIOD_AS_OF,	/* (value, part, period, as_of) */
	TS_ACCUM_PERIOD_AS_OF_YEAR,	/* (value, period, as_of, year_start) */
	TS_ACCUM_PART_PERIOD_AS_OF_YEAR /* (value, part, period, as_of,
									 * year_start) */
} TsAccumShape;

typedef enum TsWindowFunction
{
	TS_WINDOW_YOY,
	TS_WINDOW_MOM,
	TS_WINDOW_PRIOR_YEAR,
	TS_WINDOW_MONTHLY_FROM_YTD,
	TS_WINDOW_SHARE_OF_TOTAL
} TsWindowFunction;

extern Datum ts_growth_accum_call(FunctionCallInfo fcinfo, ts_value_kind kind,
								  TsAccumShape shape);
extern Datum ts_window_call(FunctionCallInfo fcinfo, TsWindowFunction fn,
							ts_value_kind kind);
extern Datum ts_pct_change_call(FunctionCallInfo fcinfo, ts_value_kind kind);

/* convert.c: the settings of conversion, defined by _PG_init */
extern void ts_convert_init(void);

/* summary.c: the settings of maintained summaries */
extern void ts_summary_init(void);

/* summary_stash.c: the hooks that apply summary changes at statement end */
extern void ts_summary_stash_init(void);

#endif							/* TRADE_STATS_H */
