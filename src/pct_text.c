/*-------------------------------------------------------------------------
 *
 * pct_text.c
 *	  format_pct() and format_pp(): growth in percent and changes of shares
 *	  in percentage points as headlines write them ("+14.1%", "下降5.2%",
 *	  "+1.2 pp", "提升1.2个百分点").  The formatting is pct_format.c's.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "trade_stats.h"

/*
 * The text of value (numeric percent or percentage points) in lang, rounded
 * once, half away from zero, to digits decimals.
 */
static text *
format_measure(Numeric value, text *lang_arg, int32 digits, ts_text_fn fn)
{
	ts_pct_unit unit = (fn == TS_TEXT_FORMAT_PP) ? TS_PCT_POINTS : TS_PCT_PERCENT;
	ts_lang		lang = ts_text_lang(lang_arg, fn);
	ts_int128	mantissa;
	int			scale;
	char		buf[TS_PCT_BUFLEN];
	int			len = -1;

	ts_check_text_digits(digits, fn);
	if (numeric_is_nan(value) || numeric_is_inf(value))
	{
		char	   *shown = DatumGetCString(DirectFunctionCall1(numeric_out,
																NumericGetDatum(value)));

		if (fn == TS_TEXT_FORMAT_PP)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot format %s as percentage points", shown)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot format %s as a percentage", shown)));
	}

	/* numeric to a mantissa rounded to digits decimals: the one rounding */
	if (ts_numeric_to_int128(value, digits, &mantissa, &scale))
		len = ts_format_pct(mantissa, scale, unit, lang, digits, buf);
	if (len < 0)
	{
		char	   *shown = DatumGetCString(DirectFunctionCall1(numeric_out,
																NumericGetDatum(value)));

		if (fn == TS_TEXT_FORMAT_PP)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for format_pp", shown),
					 errdetail("The value rounded to digits decimals must have at most %d digits.",
							   TS_PCT_MAX_FIGURE)));
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value \"%s\" is out of range for format_pct", shown),
				 errdetail("The value rounded to digits decimals must have at most %d digits.",
						   TS_PCT_MAX_FIGURE)));
	}
	/* UTF-8 into the server's encoding; 22P05 where it has no such character */
	return cstring_to_text(pg_any_to_server(buf, len, PG_UTF8));
}

/* format_pct(value numeric, lang text, digits integer): "+14.1%", "增长14.1%" */
PG_FUNCTION_INFO_V1(trade_stats_format_pct);
Datum
trade_stats_format_pct(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(format_measure(PG_GETARG_NUMERIC(0), PG_GETARG_TEXT_PP(1),
									PG_GETARG_INT32(2), TS_TEXT_FORMAT_PCT));
}

/* format_pp(value numeric, lang text, digits integer): "+1.2 pp", "提升1.2个百分点" */
PG_FUNCTION_INFO_V1(trade_stats_format_pp);
Datum
trade_stats_format_pp(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(format_measure(PG_GETARG_NUMERIC(0), PG_GETARG_TEXT_PP(1),
									PG_GETARG_INT32(2), TS_TEXT_FORMAT_PP));
}
