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

#include "fmgr.h"
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

/* support.c: the bottom layer every other glue file uses */
extern CurrencyAmount *ts_make_amount(int64 units, ts_currency_key currency);
extern const ts_currency *ts_amount_currency(ts_currency_key currency);
extern const char *ts_currency_code(ts_currency_key currency);
extern const ts_currency *ts_lookup_currency_text(text *code);
extern ts_value_kind ts_value_kind_of(Oid type);
extern bool ts_numeric_to_int128(Numeric num, int max_scale,
								 ts_int128 *mantissa, int *scale);
extern int64 ts_numeric_to_minor_units(Numeric num, int minor,
									   ts_currency_key currency,
									   const char *what);
extern int64 ts_numeric_ratio_to_units(Numeric num, Numeric den,
									   ts_currency_key currency,
									   const char *what);
ts_noreturn extern void ts_mixed_currencies(const char *action, ts_currency_key a,
												ts_currency_key b, const char *hint);
extern void ts_check_same_currency(ts_currency_key a, ts_currency_key b,
								   const char *action);
ts_noreturn extern void ts_out_of_range(const char *what, const char *type,
										 const char *detail);
ts_noreturn extern void ts_amount_out_of_range(const char *what,
											   ts_currency_key currency);
extern char *ts_iso_date(int32 date);
extern Numeric ts_percent_numeric(Numeric num, Numeric den);
extern void ts_check_period(const char *what, int32 d);

/* growth_state.c: the growth_state type and its working layout */
extern const ts_growth_state *ts_gs_read(Datum d);
extern ts_growth_state *ts_gs_new_working(int capacity, ts_value_kind kind,
										  int flags);
extern ts_growth_state *ts_gs_arg_for_update(FunctionCallInfo fcinfo, int argno);
extern ts_growth_state *ts_gs_reserve(ts_growth_state *s, int need);
extern Datum ts_gs_result(FunctionCallInfo fcinfo, ts_growth_state *s);
extern void ts_gs_check_compatible(const ts_growth_state *a,
								   const ts_growth_state *b, const char *action);
ts_noreturn extern void ts_gs_overflow(void);

/* convert.c: the settings of conversion, defined by _PG_init */
extern void ts_convert_init(void);

/* summary_stash.c: the hooks that apply summary changes at statement end */
extern void ts_summary_stash_init(void);

/* SQL entry points called directly by other files */
extern Datum currency_amount_mi(PG_FUNCTION_ARGS);
extern Datum currency_amount_out(PG_FUNCTION_ARGS);

#endif							/* TRADE_STATS_H */
