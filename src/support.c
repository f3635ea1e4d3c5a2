/*-------------------------------------------------------------------------
 *
 * support.c
 *	  The bottom layer of the PostgreSQL glue: helpers every other glue
 *	  file uses (amounts and their currencies, the errors they share, dates
 *	  in messages, numeric conversions, currencies and 128-bit integers in
 *	  serial forms), so that the files above depend on this one and never
 *	  on each other.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "port/pg_bswap.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/numeric.h"
#include "pgtime.h"

#include "trade_stats.h"

/* The table entry of a stored currency key; corrupt keys are an error. */
const ts_currency *
ts_amount_currency(ts_currency_key currency)
{
	const ts_currency *cur = ts_currency_by_key(currency);

	if (cur == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid currency key %u in currency_amount value",
						(unsigned) currency)));
	return cur;
}

const char *
ts_currency_code(ts_currency_key currency)
{
	const ts_currency *cur = ts_currency_by_key(currency);

	return cur ? cur->code : "(none)";
}

/* A new amount in the current memory context. */
CurrencyAmount *
ts_make_amount(int64 units, ts_currency_key currency)
{
	CurrencyAmount *result = (CurrencyAmount *) palloc0(sizeof(CurrencyAmount));

	result->units = units;
	result->currency = currency;
	return result;
}

/*
 * The canonical text of an amount ("720490000000.00 CNY"), as
 * currency_amount_out prints it and messages quote it.
 */
char *
ts_amount_text(const CurrencyAmount *a)
{
	char	   *buf = palloc(TS_AMOUNT_BUFLEN);

	ts_amount_currency(a->currency);
	ts_format_amount(a->units, a->currency, buf);
	return buf;
}

/* a - b, amounts of one currency; mixed currencies and overflow are errors. */
CurrencyAmount *
ts_amount_sub(const CurrencyAmount *a, const CurrencyAmount *b)
{
	int64		r;

	ts_check_same_currency(a->currency, b->currency, TS_OP_SUBTRACT);
	if (!ts_sub(a->units, b->units, &r))
		ts_amount_out_of_range(TS_RESULT_DIFFERENCE, a->currency);
	return ts_make_amount(r, a->currency);
}

/*
 * A value out of range for a type, as PostgreSQL words it: 22003, the value
 * and the type named, with why.
 */
void
ts_value_out_of_range(const char *value, const char *type, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("value \"%s\" is out of range for type %s", value, type),
			 detail ? errdetail("%s", detail) : 0));
}

/*
 * The result of an operation on amounts out of currency_amount's range:
 * 22003, one whole message per result (marked for translation as aclchk.c
 * marks its messages).  Every such error goes through here.
 */
void
ts_amount_out_of_range(ts_amount_result what, ts_currency_key currency)
{
	const char *msg = NULL;

	switch (what)
	{
		case TS_RESULT_VALUE:
			/* callers that have the value quote it: ts_value_out_of_range */
			break;
		case TS_RESULT_SUM:
			msg = gettext_noop("sum is out of range for type %s");
			break;
		case TS_RESULT_DIFFERENCE:
			msg = gettext_noop("difference is out of range for type %s");
			break;
		case TS_RESULT_NEGATION:
			msg = gettext_noop("negation is out of range for type %s");
			break;
		case TS_RESULT_ABSOLUTE_VALUE:
			msg = gettext_noop("absolute value is out of range for type %s");
			break;
		case TS_RESULT_PRODUCT:
			msg = gettext_noop("product is out of range for type %s");
			break;
		case TS_RESULT_QUOTIENT:
			msg = gettext_noop("quotient is out of range for type %s");
			break;
		case TS_RESULT_AVERAGE:
			msg = gettext_noop("average is out of range for type %s");
			break;
		case TS_RESULT_CONVERTED_AMOUNT:
			msg = gettext_noop("converted amount is out of range for type %s");
			break;
		case TS_RESULT_CONVERTED_SUM:
			msg = gettext_noop("converted sum is out of range for type %s");
			break;
	}
	if (msg == NULL)
		elog(ERROR, "unexpected result %d of an operation on amounts", (int) what);
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg(msg, "currency_amount"),
			 errdetail("A %s amount is a signed 64-bit count of minor units.",
					   ts_currency_code(currency))));
}

/*
 * Amounts of two currencies where one is needed: 22023 naming both, one
 * whole message per operation, with what to do instead.  Every such error
 * goes through here.
 */
void
ts_mixed_currencies(ts_amount_op op, ts_currency_key a, ts_currency_key b,
					const char *hint)
{
	const char *msg = NULL;

	switch (op)
	{
		case TS_OP_ADD:
			msg = gettext_noop("cannot add amounts in different currencies: %s and %s");
			break;
		case TS_OP_SUBTRACT:
			msg = gettext_noop("cannot subtract amounts in different currencies: %s and %s");
			break;
		case TS_OP_DIVIDE:
			msg = gettext_noop("cannot divide amounts in different currencies: %s and %s");
			break;
		case TS_OP_SUM:
			msg = gettext_noop("cannot sum amounts in different currencies: %s and %s");
			break;
		case TS_OP_COMPARE:
			msg = gettext_noop("cannot compare amounts in different currencies: %s and %s");
			break;
		case TS_OP_AGGREGATE:
			msg = gettext_noop("cannot aggregate amounts in different currencies: %s and %s");
			break;
	}
	if (msg == NULL)
		elog(ERROR, "unexpected operation %d on amounts", (int) op);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(msg, ts_currency_code(a), ts_currency_code(b)),
			 errhint("%s", hint)));
}

/* Mixed currencies in arithmetic. */
void
ts_check_same_currency(ts_currency_key a, ts_currency_key b, ts_amount_op op)
{
	if (a != b)
		ts_mixed_currencies(op, a, b, "Convert the amounts to one currency first.");
}

/*
 * growth_state values that cannot be combined, described by the caller
 * (kind_a, kind_b): 22023, one whole message per operation.
 */
void
ts_gs_incompatible(ts_gs_op op, const char *kind_a, const char *kind_b)
{
	const char *msg = NULL;

	switch (op)
	{
		case TS_GS_ADD_ROW:
			/* kind_a is the state's, kind_b the row's */
			msg = gettext_noop("cannot add a row of %2$s to a growth_state of %1$s");
			break;
		case TS_GS_ADD:
			msg = gettext_noop("cannot add growth_state values of different kinds: %s and %s");
			break;
		case TS_GS_SUBTRACT:
			msg = gettext_noop("cannot subtract growth_state values of different kinds: %s and %s");
			break;
		case TS_GS_COMBINE:
			msg = gettext_noop("cannot combine growth_state values of different kinds: %s and %s");
			break;
		case TS_GS_COMPARE:
			msg = gettext_noop("cannot compare growth_state values of different kinds: %s and %s");
			break;
	}
	if (msg == NULL)
		elog(ERROR, "unexpected operation %d on growth_state values", (int) op);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(msg, kind_a, kind_b),
			 errhint("Summaries of one measure, value type and currency can be combined.")));
}

/* A date as YYYY-MM-DD (or infinity), whatever DateStyle says. */
char *
ts_iso_date(DateADT d)
{
	struct pg_tm tm;
	char		buf[MAXDATELEN + 1];

	if (DATE_NOT_FINITE(d))
		EncodeSpecialDate(d, buf);
	else
	{
		j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		EncodeDateOnly(&tm, USE_ISO_DATES, buf);
	}
	return pstrdup(buf);
}

/* Look up a currency given as an ISO code in text; unknown is 22023. */
const ts_currency *
ts_lookup_currency_text(text *code)
{
	const ts_currency *cur;

	cur = ts_currency_by_code(VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code));
	if (cur == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown currency code \"%s\"", text_to_cstring(code)),
				 errhint("Use an ISO 4217 code such as USD, CNY or EUR.")));
	return cur;
}

/*
 * The language argument of a function that prints for people: two letters,
 * optionally with a region ("zh-CN", "en_US"), that the function supports
 * (humanize: en, zh, ja, ko; format_pct and format_pp: en, zh).  Anything
 * else is 22023, one whole message per function, its hint listing what the
 * function supports.
 */
ts_lang
ts_text_lang(text *lang, ts_text_fn fn)
{
	const char *s = VARDATA_ANY(lang);
	int			len = VARSIZE_ANY_EXHDR(lang);
	bool		east_asian = (fn == TS_TEXT_HUMANIZE);
	const char *msg = NULL;
	const char *hint = NULL;

	if (len >= 2 && (len == 2 || s[2] == '-' || s[2] == '_'))
	{
		if (pg_strncasecmp(s, "en", 2) == 0)
			return TS_LANG_EN;
		if (pg_strncasecmp(s, "zh", 2) == 0)
			return TS_LANG_ZH;
		if (east_asian && pg_strncasecmp(s, "ja", 2) == 0)
			return TS_LANG_JA;
		if (east_asian && pg_strncasecmp(s, "ko", 2) == 0)
			return TS_LANG_KO;
	}
	switch (fn)
	{
		case TS_TEXT_HUMANIZE:
			msg = gettext_noop("unsupported language \"%s\" for humanize");
			hint = gettext_noop("Use 'en', 'zh', 'ja' or 'ko', optionally with a region, as in 'zh-CN'.");
			break;
		case TS_TEXT_FORMAT_PCT:
			msg = gettext_noop("unsupported language \"%s\" for format_pct");
			hint = gettext_noop("Use 'en' or 'zh', optionally with a region, as in 'zh-CN'.");
			break;
		case TS_TEXT_FORMAT_PP:
			msg = gettext_noop("unsupported language \"%s\" for format_pp");
			hint = gettext_noop("Use 'en' or 'zh', optionally with a region, as in 'zh-CN'.");
			break;
	}
	if (msg == NULL)
		elog(ERROR, "unexpected text function %d", (int) fn);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(msg, text_to_cstring(lang)),
			 errhint("%s", hint)));
	return TS_LANG_EN;			/* keep the compiler quiet */
}

/*
 * The digits argument of a function that prints for people: 0 to its
 * maximum (humanize: TS_HUMANIZE_MAX_DIGITS, format_pct and format_pp:
 * TS_PCT_MAX_DIGITS), else 22023, one whole message per function.
 */
void
ts_check_text_digits(int32 digits, ts_text_fn fn)
{
	const char *msg = NULL;
	int			max = 0;

	switch (fn)
	{
		case TS_TEXT_HUMANIZE:
			msg = gettext_noop("digits %d is out of range for humanize");
			max = TS_HUMANIZE_MAX_DIGITS;
			break;
		case TS_TEXT_FORMAT_PCT:
			msg = gettext_noop("digits %d is out of range for format_pct");
			max = TS_PCT_MAX_DIGITS;
			break;
		case TS_TEXT_FORMAT_PP:
			msg = gettext_noop("digits %d is out of range for format_pp");
			max = TS_PCT_MAX_DIGITS;
			break;
	}
	if (msg == NULL)
		elog(ERROR, "unexpected text function %d", (int) fn);
	if (digits < 0 || digits > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg(msg, digits),
				 errdetail("digits must be between 0 and %d.", max)));
}

/* The stored form of a numeric: see TS_NUMERIC_SIGN_MASK in trade_stats.h. */

/*
 * The digits of a numeric's stored form (len bytes at p, after its varlena
 * header) as an int128 mantissa and a scale (trailing zeros dropped, at
 * most max_scale decimals, rounded half away from zero).
 */
static ts_numeric_read
numeric_read_stored(const char *p, Size len, int max_scale, ts_int128 *mantissa,
					int *scale)
{
	uint16		header;
	int16		local[32];
	const int16 *digits;
	int			ndigits,
				weight;
	bool		negative,
				ok;

	if (len < sizeof(uint16))
		elog(ERROR, "unexpected form of a numeric");
	memcpy(&header, p, sizeof(header));
	if ((header & TS_NUMERIC_SIGN_MASK) == TS_NUMERIC_SPECIAL)
		return (header & TS_NUMERIC_EXT_SIGN_MASK) == TS_NUMERIC_NAN ?
			TS_NUMERIC_IS_NAN : TS_NUMERIC_IS_INF;
	if ((header & TS_NUMERIC_SIGN_MASK) == TS_NUMERIC_SHORT)
	{
		negative = (header & TS_NUMERIC_SHORT_SIGN) != 0;
		weight = (header & TS_NUMERIC_SHORT_WSIGN) ?
			(int) (header & TS_NUMERIC_SHORT_WMASK) - (TS_NUMERIC_SHORT_WMASK + 1) :
			(int) (header & TS_NUMERIC_SHORT_WMASK);
		p += sizeof(uint16);
		len -= sizeof(uint16);
	}
	else
	{
		int16		w;

		if (len < 2 * sizeof(uint16))
			elog(ERROR, "unexpected form of a numeric");
		negative = (header & TS_NUMERIC_SIGN_MASK) == TS_NUMERIC_NEG;
		memcpy(&w, p + sizeof(uint16), sizeof(w));
		weight = w;
		p += 2 * sizeof(uint16);
		len -= 2 * sizeof(uint16);
	}
	if (len % sizeof(int16) != 0)
		elog(ERROR, "unexpected length of a numeric: %zu", len);
	ndigits = (int) (len / sizeof(int16));
	/*
	 * In place when int16-aligned (a 4-byte header), else copied: a few
	 * digits (a short header, as a row's small numeric has) one by one, as
	 * unaligned loads rather than a call to memcpy (the early return for a
	 * digit out of range, which the core refuses too, keeps the compiler
	 * from making the loop one).
	 */
	if ((uintptr_t) p % sizeof(int16) == 0)
		digits = (const int16 *) p;
	else if (ndigits <= 8)
	{
		for (int i = 0; i < ndigits; i++)
		{
			int16		d;

			memcpy(&d, p + i * sizeof(int16), sizeof(int16));
			if (d < 0 || d > 9999)
				return TS_NUMERIC_TOO_WIDE;
			local[i] = d;
		}
		digits = local;
	}
	else
	{
		int16	   *copy = ndigits > lengthof(local) ? palloc(len) : local;

		memcpy(copy, p, len);
		digits = copy;
	}
	ok = ts_decimal_from_base10000(negative, weight, digits, ndigits, max_scale,
								   mantissa, scale);
	if (digits != (const int16 *) p && digits != local)
		pfree((void *) digits);
	return ok ? TS_NUMERIC_FITS : TS_NUMERIC_TOO_WIDE;
}

/*
 * A numeric argument as it comes (not detoasted) as an int128 mantissa
 * and a scale, as numeric_read_stored gives them: a short
 * varlena (a 1-byte header, as a table row gives a small numeric) is read
 * where it is, without detoasting's copy; a compressed or external one is
 * detoasted first.  NaN and infinity are said so, not read.
 */
ts_numeric_read
ts_numeric_datum_to_int128(Datum d, int max_scale, ts_int128 *mantissa, int *scale)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	ts_numeric_read r;

	if (VARATT_IS_SHORT(v))
		return numeric_read_stored(VARDATA_SHORT(v), VARSIZE_SHORT(v) - VARHDRSZ_SHORT,
								   max_scale, mantissa, scale);
	if (!VARATT_IS_EXTENDED(v))
		return numeric_read_stored(VARDATA(v), VARSIZE(v) - VARHDRSZ,
								   max_scale, mantissa, scale);
	v = pg_detoast_datum(v);
	r = numeric_read_stored(VARDATA(v), VARSIZE(v) - VARHDRSZ, max_scale, mantissa, scale);
	pfree(v);
	return r;
}

/*
 * A numeric argument of an aggregate, as it comes, as an int128 mantissa
 * and a scale: NaN and infinity are 22023; false when it does not fit in
 * 128 bits (the caller says which measure overflowed).
 */
bool
ts_numeric_arg_to_int128(Datum d, ts_int128 *mantissa, int *scale)
{
	if (ts_numeric_read_small(d, mantissa, scale))
		return true;
	switch (ts_numeric_datum_to_int128(d, TS_NUMERIC_MAX_SCALE, mantissa, scale))
	{
		case TS_NUMERIC_FITS:
			return true;
		case TS_NUMERIC_TOO_WIDE:
			return false;
		case TS_NUMERIC_IS_NAN:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot aggregate NaN")));
			break;
		case TS_NUMERIC_IS_INF:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot aggregate infinity")));
			break;
	}
	return false;				/* keep the compiler quiet */
}

/*
 * A finite numeric as an int128 mantissa and a scale (trailing zeros
 * dropped, at most max_scale decimals, rounded half away from zero); false
 * when it does not fit in 128 bits.  The core turns the base-10000 digits
 * into the mantissa without any decimal text.
 */
bool
ts_numeric_to_int128(Numeric num, int max_scale, ts_int128 *mantissa, int *scale)
{
	/* any form: a caller's Numeric may come from a row without detoasting */
	switch (ts_numeric_datum_to_int128(NumericGetDatum(num), max_scale, mantissa, scale))
	{
		case TS_NUMERIC_FITS:
			return true;
		case TS_NUMERIC_TOO_WIDE:
			return false;
		default:
			elog(ERROR, "unexpected special numeric");
	}
	return false;				/* keep the compiler quiet */
}

/*
 * A numeric in major units to minor units, rounded half away from zero.
 * 'what' names the result in an out-of-range error (TS_RESULT_PRODUCT);
 * TS_RESULT_VALUE quotes the value itself.
 */
int64
ts_numeric_to_minor_units(Numeric num, int minor, ts_currency_key currency,
						  ts_amount_result what)
{
	ts_int128	mantissa;
	int			scale;
	int64		units;

	if (numeric_is_nan(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert NaN to currency_amount")));
	if (numeric_is_inf(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert infinity to currency_amount")));

	if (!ts_numeric_to_int128(num, minor, &mantissa, &scale) ||
		!ts_int128_mul_pow10(&mantissa, minor - scale) ||
		!ts_int128_to_int64(mantissa, &units))
	{
		if (what != TS_RESULT_VALUE)
			ts_amount_out_of_range(what, currency);
		ts_value_out_of_range(psprintf("%s %s",
									   DatumGetCString(DirectFunctionCall1(numeric_out,
																		   NumericGetDatum(num))),
									   ts_currency_code(currency)),
							  "currency_amount",
							  psprintf("A %s amount is a signed 64-bit count of minor units.",
									   ts_currency_code(currency)));
	}
	return units;
}

/*
 * round(num / den) half away from zero, as minor units, exactly:
 * sign * trunc((2|num| + |den|) / (2|den|)).  den must not be zero.
 */
int64
ts_numeric_ratio_to_units(Numeric num, Numeric den, ts_currency_key currency,
						  ts_amount_result what)
{
	Datum		n = NumericGetDatum(num);
	Datum		d = NumericGetDatum(den);
	Datum		zero = NumericGetDatum(int64_to_numeric(0));
	Datum		two = NumericGetDatum(int64_to_numeric(2));
	Datum		abs_n = DirectFunctionCall1(numeric_abs, n);
	Datum		abs_d = DirectFunctionCall1(numeric_abs, d);
	Datum		q;
	bool		negative;

	negative = DatumGetBool(DirectFunctionCall2(numeric_lt, n, zero)) !=
		DatumGetBool(DirectFunctionCall2(numeric_lt, d, zero));
	q = DirectFunctionCall2(numeric_div_trunc,
							DirectFunctionCall2(numeric_add,
												DirectFunctionCall2(numeric_mul, two, abs_n),
												abs_d),
							DirectFunctionCall2(numeric_mul, two, abs_d));
	if (negative)
		q = DirectFunctionCall1(numeric_uminus, q);
	return ts_numeric_to_minor_units(DatumGetNumeric(q), 0, currency, what);
}

/*
 * 100 * num / den as numeric, den != 0: numeric division's precision, with
 * the trailing zeros of exact results dropped (50, not 50.0000000000000000).
 */
Numeric
ts_percent_numeric(Numeric num, Numeric den)
{
	Datum		n = DirectFunctionCall2(numeric_mul, NumericGetDatum(num),
										NumericGetDatum(int64_to_numeric(100)));

	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
											   DirectFunctionCall2(numeric_div, n,
																   NumericGetDatum(den))));
}

/*
 * A period of the growth and share measures, aggregates and window
 * functions alike: the years 1 to 9999, else 22008.
 */
void
ts_check_period(int32 d)
{
	if (d < TS_MIN_PERIOD || d > TS_MAX_PERIOD)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("period %s is out of range for growth and share measures",
						ts_iso_date(d)),
				 errdetail("Periods must lie in the years 1 to 9999.")));
}

/* The as_of date of the growth and share aggregates: as a period. */
void
ts_check_as_of(int32 d)
{
	if (d < TS_MIN_PERIOD || d > TS_MAX_PERIOD)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of %s is out of range for growth and share measures",
						ts_iso_date(d)),
				 errdetail("Periods must lie in the years 1 to 9999.")));
}

/*
 * A NULL as_of of an aggregate is an error, not a row left out: the group's
 * other rows would be measured to their own latest period, silently.
 */
void
ts_null_as_of(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("as_of of a growth or share aggregate must not be NULL"),
			 errhint("Give the reporting date, such as (SELECT max(period) FROM ...), or leave as_of out to measure each group to its own latest period.")));
}

/* The month years start in, for fiscal years: 1 (January) to 12. */
void
ts_check_year_start(int32 month)
{
	if (month < 1 || month > 12)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("year_start %d is out of range", month),
				 errdetail("A year starts on the first of a month, 1 (January) to 12 (December).")));
}

/* The number of months of a rolling window: 1 to 1200. */
void
ts_check_window_months(int32 months)
{
	if (months < 1 || months > 1200)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("months %d is out of range for a rolling window", months),
				 errdetail("A rolling window has 1 to 1200 months.")));
}

/*
 * The value kind of a SQL type that the growth measures take: the one place
 * that maps types to kinds (the legacy transition symbol and the window
 * functions, which learn their argument type from pg_proc).  The SQL
 * declarations allow only currency_amount besides numeric, bigint and
 * double precision.
 */
ts_value_kind
ts_value_kind_of(Oid type)
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
			return TS_VAL_AMOUNT;
	}
}

/* An int128 as numeric, exactly. */
Numeric
ts_int128_numeric(ts_int128 v)
{
	if (v >= PG_INT64_MIN && v <= PG_INT64_MAX)
		return int64_to_numeric((int64) v);
	return ts_scaled_numeric(v, 0);
}

/*
 * v / 10^scale as a numeric of display scale 'scale' (0 to
 * TS_SCALED_NUMERIC_MAX), exactly: by int64_div_fast_to_numeric where that
 * needs no division of numerics (it multiplies v by up to 1000 in 64 bits),
 * else from its base-10000 digits, read by numeric_recv as numeric's binary
 * form (a count of digits, the weight of the first, a sign word of 0 or
 * 0x4000, the display scale, the digits).
 */
Numeric
ts_scaled_numeric(ts_int128 v, int scale)
{
	unsigned __int128 u = v < 0 ? -(unsigned __int128) v : (unsigned __int128) v;
	unsigned __int128 whole;
	unsigned __int128 fraction;
	unsigned __int128 p = 1;
	uint64		part;
	int			fgroups = (scale + 3) / 4;
	int16		digits[24];		/* the least significant first */
	int			n = 0;
	int			weight;
	int			first;
	uint16		wire[4 + lengthof(digits)];
	StringInfoData buf;

	Assert(scale >= 0 && scale <= TS_SCALED_NUMERIC_MAX);

	/* PostgreSQL's own where it is exact without a division of numerics */
	if (v >= PG_INT64_MIN && v <= PG_INT64_MAX)
	{
		int64		shifted;

		if (scale == 0)
			return int64_to_numeric((int64) v);
		if (scale % 4 == 0 ||
			!pg_mul_s64_overflow((int64) v, ts_pow10[4 - scale % 4], &shifted))
			return int64_div_fast_to_numeric((int64) v, scale);
	}

	for (int i = 0; i < scale; i++)
		p *= 10;
	whole = u / p;
	fraction = u % p;

	/* the fraction's groups of four digits, the last padded with zeros */
	for (int i = scale; i < fgroups * 4; i++)
		fraction *= 10;
	for (int i = 0; i < fgroups; i++)
	{
		digits[n++] = (int16) (fraction % 10000);
		fraction /= 10000;
	}
	/* the whole part's, in 64 bits once it fits */
	while (whole > (unsigned __int128) PG_UINT64_MAX)
	{
		digits[n++] = (int16) (whole % 10000);
		whole /= 10000;
	}
	for (part = (uint64) whole; part > 0; part /= 10000)
		digits[n++] = (int16) (part % 10000);
	weight = n - fgroups - 1;

	/* leading zero groups left out (numeric_recv drops trailing ones) */
	while (n > 0 && digits[n - 1] == 0)
	{
		n--;
		weight--;
	}
	if (n == 0)
		weight = 0;
	first = n;
	wire[0] = pg_hton16((uint16) n);
	wire[1] = pg_hton16((uint16) (int16) weight);
	wire[2] = pg_hton16(v < 0 ? 0x4000 : 0);
	wire[3] = pg_hton16((uint16) scale);
	for (int i = 0; i < n; i++)
		wire[4 + i] = pg_hton16((uint16) digits[first - 1 - i]);
	buf.data = (char *) wire;
	buf.len = 8 + 2 * n;
	buf.maxlen = sizeof(wire);
	buf.cursor = 0;
	return DatumGetNumeric(DirectFunctionCall3(numeric_recv, PointerGetDatum(&buf),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/*
 * Serial forms of aggregate states (pq_send*): a currency as its three
 * letters, three zero bytes for none; read back, false for an unknown code.
 */
void
ts_pq_send_currency(struct StringInfoData *buf, ts_currency_key currency)
{
	if (currency == TS_NO_CURRENCY)
		pq_sendbytes(buf, "\0\0\0", 3);
	else
		pq_sendbytes(buf, ts_currency_code(currency), 3);
}

bool
ts_pq_get_currency(struct StringInfoData *buf, ts_currency_key *currency)
{
	const char *code = pq_getmsgbytes(buf, 3);
	const ts_currency *cur;

	*currency = TS_NO_CURRENCY;
	if (memcmp(code, "\0\0\0", 3) == 0)
		return true;
	cur = ts_currency_exact(code, 3);
	if (cur == NULL)
		return false;
	*currency = ts_currency_key_from_code(cur->code);
	return true;
}

/*
 * The head of an aggregate state's serial form whose values are amounts or
 * numeric: the value kind and the currency.  Read back, false for a kind
 * other than those two, an unknown currency, or a currency with numeric.
 */
void
ts_pq_send_kind_currency(struct StringInfoData *buf, ts_value_kind kind,
						 ts_currency_key currency)
{
	pq_sendbyte(buf, (uint8) kind);
	ts_pq_send_currency(buf, currency);
}

bool
ts_pq_get_kind_currency(struct StringInfoData *buf, ts_value_kind *kind,
						ts_currency_key *currency)
{
	int			k = pq_getmsgbyte(buf);

	if (k != TS_VAL_AMOUNT && k != TS_VAL_NUMERIC)
		return false;
	*kind = (ts_value_kind) k;
	return ts_pq_get_currency(buf, currency) &&
		(*currency == TS_NO_CURRENCY || k == TS_VAL_AMOUNT);
}

/* A 128-bit integer as its high and low 64 bits, and back. */
void
ts_pq_send_int128(struct StringInfoData *buf, ts_int128 v)
{
	unsigned __int128 bits = (unsigned __int128) v;

	pq_sendint64(buf, (int64) (uint64) (bits >> 64));
	pq_sendint64(buf, (int64) (uint64) bits);
}

ts_int128
ts_pq_get_int128(struct StringInfoData *buf)
{
	uint64		hi = (uint64) pq_getmsgint64(buf);
	uint64		lo = (uint64) pq_getmsgint64(buf);

	return (ts_int128) (((unsigned __int128) hi << 64) | lo);
}

/* A time zone by name, never read as an abbreviation. */
struct pg_tz *
ts_time_zone(const char *name)
{
	pg_tz	   *tz = pg_tzset(name);

	if (tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" not recognized", name)));
	return tz;
}

/*
 * The date of an instant in a time zone (the period of a summary's
 * timestamptz column): infinities stay infinite.
 */
int32
ts_local_date(int64 t, struct pg_tz *tz)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tzoff;

	if (TIMESTAMP_IS_NOBEGIN(t))
		return DATEVAL_NOBEGIN;
	if (TIMESTAMP_IS_NOEND(t))
		return DATEVAL_NOEND;
	if (timestamp2tm(t, &tzoff, &tm, &fsec, NULL, tz) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}
