/*-------------------------------------------------------------------------
 *
 * ts_core.h
 *	  Pure C core of trade_stats: the currency table, parsing and formatting
 *	  of amounts, and checked fixed-point arithmetic.
 *
 * Nothing here includes PostgreSQL headers, so the core can be compiled
 * into unit tests and fuzz targets on its own.  Errors are reported through
 * return codes; the PostgreSQL glue turns them into ereport() calls.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TS_CORE_H
#define TS_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * 128-bit accumulator.  Aligned like PostgreSQL's own int128 (8 bytes) so it
 * may live inside a palloc'd, MAXALIGN'ed datum without misaligned SSE loads.
 */
#ifndef __SIZEOF_INT128__
#error "trade_stats needs a C compiler with 128-bit integers (__int128)"
#endif
typedef __int128 ts_int128 __attribute__((aligned(8)));

/*
 * Loops over a state's entries call ts_interrupt_hook every
 * TS_INTERRUPT_EVERY entries, so that the server can cancel a call on the
 * largest states promptly.  The PostgreSQL glue points it at a function
 * running CHECK_FOR_INTERRUPTS() when the module is loaded (_PG_init); it
 * stays NULL in the unit tests and fuzzers.  The core's only global,
 * written once.  The hook may not return (an error unwinds the call): the
 * loops hold nothing but memory their caller owns.
 */
extern void (*ts_interrupt_hook) (void);

#define TS_INTERRUPT_EVERY 65536

static inline void
ts_maybe_interrupt(int64_t i)
{
	if ((i & (TS_INTERRUPT_EVERY - 1)) == TS_INTERRUPT_EVERY - 1 && ts_interrupt_hook)
		ts_interrupt_hook();
}

/*
 * A currency is identified by its ISO 4217 alphabetic code packed base 26
 * into 15 bits: (c0-'A')*676 + (c1-'A')*26 + (c2-'A').  The key is derived
 * from the code alone, so it never changes when the table grows.  Key 0
 * ("AAA", not a currency) means "no currency".
 */
typedef uint16_t ts_currency_key;

#define TS_NO_CURRENCY		((ts_currency_key) 0)
#define TS_MAX_MINOR_UNITS	4

typedef struct ts_currency
{
	char		code[4];		/* "USD" */
	uint16_t	numeric_code;	/* ISO 4217 numeric code, 840 */
	int8_t		minor_units;	/* decimals of the minor unit, 0..4 */
	const char *name_en;		/* name used by humanize('en'), or NULL */
	const char *name_zh;		/* name used by humanize('zh'), or NULL */
	const char *name_ja;		/* name used by humanize('ja'), or NULL */
	const char *name_ko;		/* name used by humanize('ko'), or NULL */
} ts_currency;

extern ts_currency_key ts_currency_key_from_code(const char *code);
extern const ts_currency *ts_currency_by_key(ts_currency_key key);
extern const ts_currency *ts_currency_by_code(const char *code, size_t len);
extern const ts_currency *ts_currency_exact(const char *code, size_t len);
extern const ts_currency *ts_currency_at_start(const char *str);
extern const ts_currency *ts_currency_at(int index);
extern int	ts_currency_count(void);

/* Powers of ten that fit in an int64, 10^0 .. 10^18. */
extern const int64_t ts_pow10[19];

/*
 * Result of parsing text into an amount.  On failure, 'status' says why and
 * the remaining fields describe the offending piece of text.
 */
typedef enum ts_parse_status
{
	TS_PARSE_OK = 0,
	TS_PARSE_SYNTAX,			/* malformed text */
	TS_PARSE_NO_CURRENCY,		/* a number without any currency */
	TS_PARSE_CONFLICT,			/* two different currencies named */
	TS_PARSE_UNKNOWN_CURRENCY,	/* three letters that are not a code */
	TS_PARSE_AMBIGUOUS,			/* a symbol such as a bare yen sign */
	TS_PARSE_INEXACT,			/* more decimals than the minor unit */
	TS_PARSE_RANGE,				/* outside the int64 range of minor units */
	TS_PARSE_GROUPS				/* numbers in groups that do not fall
								 * ("1万20000円", "1.5万2000円") */
} ts_parse_status;

typedef struct ts_parse_result
{
	ts_parse_status status;
	int64_t		units;			/* amount in minor units */
	ts_currency_key currency;
	/* for errors */
	char		token[32];		/* the offending code or symbol */
	ts_currency_key other;		/* second currency, for TS_PARSE_CONFLICT */
	const char *candidates;		/* TS_PARSE_AMBIGUOUS: the codes the symbol
								 * may stand for ("CNY, JPY") */
} ts_parse_result;

extern void ts_parse_amount(const char *str, size_t len, ts_parse_result *res);

/*
 * Canonical output: "-1234.50 USD".  The buffer must hold TS_AMOUNT_BUFLEN
 * bytes; returns the length written (without the terminating NUL).
 */
#define TS_AMOUNT_BUFLEN 48
extern int	ts_format_amount(int64_t units, ts_currency_key currency, char *buf);

/* Minor units as a plain decimal without the code: "-1234.50". */
extern int	ts_format_decimal(int64_t units, int minor, char *buf);

/*
 * Human formatting: "8.45 trillion yuan", "8.45万亿元", "15.90兆円",
 * "15.90조 원".  'digits' decimals of the scaled figure
 * (0..TS_HUMANIZE_MAX_DIGITS).  Returns the length, or -1 when digits or
 * lang is not supported.
 */
#define TS_HUMANIZE_MAX_DIGITS 12
#define TS_HUMANIZE_BUFLEN 128
typedef enum ts_lang
{
	TS_LANG_EN,
	TS_LANG_ZH,
	TS_LANG_JA,
	TS_LANG_KO
} ts_lang;
extern int	ts_humanize(int64_t units, ts_currency_key currency, ts_lang lang,
						int digits, char *buf);

/*
 * Percentages and percentage points for headlines (pct_format.c): the
 * decimal mantissa / 10^scale (scale 0..38) rounded once, half away from
 * zero, to 'digits' decimals (0..TS_PCT_MAX_DIGITS), as customs releases
 * write it: "+14.1%", "-5.2%", "0.0%", "+1.2 pp" in English; "增长14.1%",
 * "下降5.2%", "提升1.2个百分点", "下降1.2个百分点", "持平" (zero after
 * rounding) in Chinese.  Returns the length (buf of TS_PCT_BUFLEN bytes),
 * or -1 when the rounded figure has more than TS_PCT_MAX_FIGURE digits, or
 * lang, digits or scale is not supported.
 */
#define TS_PCT_MAX_DIGITS 20
#define TS_PCT_MAX_FIGURE 38
#define TS_PCT_BUFLEN 96
typedef enum ts_pct_unit
{
	TS_PCT_PERCENT,				/* growth in percent */
	TS_PCT_POINTS				/* a change of shares in percentage points */
} ts_pct_unit;
extern int	ts_format_pct(ts_int128 mantissa, int scale, ts_pct_unit unit,
						  ts_lang lang, int digits, char *buf);

/*
 * Checked and rounding arithmetic.  Each returns false on overflow; the
 * divisions also return false for a zero divisor.
 */
static inline bool
ts_add(int64_t a, int64_t b, int64_t *res)
{
	return !__builtin_add_overflow(a, b, res);
}

static inline bool
ts_sub(int64_t a, int64_t b, int64_t *res)
{
	return !__builtin_sub_overflow(a, b, res);
}

static inline bool
ts_mul(int64_t a, int64_t b, int64_t *res)
{
	return !__builtin_mul_overflow(a, b, res);
}

static inline bool
ts_neg(int64_t a, int64_t *res)
{
	return !__builtin_sub_overflow((int64_t) 0, a, res);
}

/*
 * The decimal toolkit (decimal.c, and the inline helpers here): reading
 * decimals into scaled 128-bit integers, rounding and narrowing.  Rounding
 * is half away from zero on the magnitude; results that do not fit are
 * reported (false), never wrapped.
 */

/* Magnitudes as unsigned, valid for the most negative value too. */
static inline uint64_t
ts_magnitude64(int64_t v)
{
	return v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
}

static inline unsigned __int128
ts_magnitude128(ts_int128 v)
{
	return v < 0 ? (unsigned __int128) 0 - (unsigned __int128) v :
		(unsigned __int128) v;
}

/* round(a / b) of magnitudes, half up; b > 0.  64-bit division when both fit. */
static inline unsigned __int128
ts_udiv_round(unsigned __int128 a, unsigned __int128 b)
{
	unsigned __int128 q,
				r;

	if ((a >> 64) == 0 && (b >> 64) == 0)
	{
		uint64_t	a64 = (uint64_t) a,
					b64 = (uint64_t) b,
					q64 = a64 / b64,
					r64 = a64 % b64;

		return r64 >= b64 - r64 ? q64 + 1 : q64;
	}
	q = a / b;
	r = a % b;
	return r >= b - r ? q + 1 : q;
}

/*
 * Binary search over n records of stride bytes sorted by an int32 key at
 * key_offset (a date, a period; aligned, as a struct member is): the index
 * of the last record whose key is at most key, or -1.  Inline, so that each
 * caller's constants specialize it.
 */
static inline int
ts_search_last_le(const void *base, int n, size_t stride, size_t key_offset,
				  int32_t key)
{
	int			lo = 0,
				hi = n - 1,
				found = -1;

	while (lo <= hi)
	{
		int			mid = (int) (((unsigned) lo + (unsigned) hi) / 2);
		int32_t		k = *(const int32_t *) ((const char *) base + (size_t) mid * stride +
											key_offset);

		if (k <= key)
		{
			found = mid;
			lo = mid + 1;
		}
		else
			hi = mid - 1;
	}
	return found;
}

/* The int64 of a magnitude and a sign; false when it does not fit. */
static inline bool
ts_narrow_magnitude(unsigned __int128 mag, bool negative, int64_t *res)
{
	const unsigned __int128 limit = (unsigned __int128) INT64_MAX + 1;

	if (mag > limit || (!negative && mag == limit))
		return false;
	*res = negative ? (int64_t) ((uint64_t) 0 - (uint64_t) mag) : (int64_t) mag;
	return true;
}

/* a / b rounded half away from zero; false when b is 0 or on overflow. */
extern bool ts_div_round(int64_t a, int64_t b, int64_t *res);

/*
 * 128-bit a / b rounded half away from zero, into an int64; false when b is
 * not positive or the quotient does not fit.
 */
extern bool ts_div128_round(ts_int128 a, int64_t b, int64_t *res);

/*
 * A magnitude and a sign, scaled by 10^-decimals, as a plain decimal
 * ("-12.50"; decimals <= 20); returns the length.  buf must hold 43 +
 * decimals bytes.
 */
extern int	ts_format_scaled(unsigned __int128 mag, bool negative, int decimals,
							 char *buf);

/*
 * Decimal text of an int128 (buf of at least 41 bytes), returning its
 * length; and the reverse, advancing *p past the digits (false if there are
 * none or the value does not fit).
 */
extern int	ts_int128_to_text(ts_int128 v, char *buf);
extern bool ts_int128_parse(const char **p, ts_int128 *result);

/* Multiply by 10^k; false on overflow. */
extern bool ts_int128_mul_pow10(ts_int128 *v, int k);

/*
 * A plain decimal of len bytes ("-1234.5678", as numeric_out writes it; an
 * optional sign, digits with at most one '.') as an int128 mantissa and a
 * scale: the decimals without trailing zeros, at most max_scale of them,
 * the next digit rounding the magnitude half up.  False if malformed or too
 * large.
 */
extern bool ts_decimal_scan(const char *str, size_t len, int max_scale,
							ts_int128 *mantissa, int *scale);

/*
 * The same from base-10000 digits, as numeric's binary form gives them:
 * digits[0] is worth 10000^weight, each next one a factor 10000 less.  The
 * same result as ts_decimal_scan of the number's decimal text.  False when
 * a digit is outside 0..9999 or the value is too large.
 */
extern bool ts_decimal_from_base10000(bool negative, int weight,
									  const int16_t *digits, int ndigits,
									  int max_scale, ts_int128 *mantissa,
									  int *scale);

/*
 * The state of sum() and avg() on currency_amount: its consistency, and its
 * text form "(sum,count,CODE)" ("(0,0,)" when empty).  The parser returns
 * false on malformed or inconsistent text; the formatter needs a buffer of
 * TS_SUM_STATE_BUFLEN bytes and returns the length.
 */
#define TS_SUM_STATE_BUFLEN 72
extern bool ts_sum_state_is_valid(ts_int128 sum, int64_t count,
								  ts_currency_key currency);
extern bool ts_sum_state_parse(const char *str, ts_int128 *sum, int64_t *count,
							   ts_currency_key *currency);
extern int	ts_sum_state_format(ts_int128 sum, int64_t count,
								ts_currency_key currency, char *buf);

/* 128-bit value to int64 if it fits. */
static inline bool
ts_int128_to_int64(ts_int128 v, int64_t *res)
{
	if (v < (ts_int128) INT64_MIN || v > (ts_int128) INT64_MAX)
		return false;
	*res = (int64_t) v;
	return true;
}

/*
 * An exchange rate as a decimal: mant / 10^scale, mant > 0.  Rates with
 * more than 18 significant digits do not fit; the glue then computes with
 * numeric instead.
 */
typedef struct ts_rate
{
	int64_t		mant;
	int			scale;
} ts_rate;

extern bool ts_parse_rate(const char *str, size_t len, ts_rate *rate);

typedef enum ts_conv_status
{
	TS_CONV_OK = 0,
	TS_CONV_RANGE,				/* the result does not fit */
	TS_CONV_WIDE				/* intermediates exceed 128 bits */
} ts_conv_status;

/*
 * Convert minor units of one currency to minor units of another through a
 * chain of rates, each used directly (multiply) or inverted (divide), exactly,
 * rounding half away from zero once at the end.
 */
extern ts_conv_status ts_convert_units(int64_t units, int from_minor,
									   int to_minor, const ts_rate *rates,
									   const bool *inverse, int nrates,
									   int64_t *result);

/*
 * Period conversions (rate_math.c).  A period is the day, or the calendar
 * month, quarter or year containing a date (DateADT: days from 2000-01-01);
 * ts_parse_per gives the ts_per of "day", "month", "quarter" or "year", or
 * -1.  ts_period_bounds gives a period's first and last date.
 */
typedef enum ts_per
{
	TS_PER_DAY = 0,
	TS_PER_MONTH,
	TS_PER_QUARTER,
	TS_PER_YEAR
} ts_per;

extern int	ts_parse_per(const char *str, size_t len);
extern void ts_period_bounds(int32_t date, ts_per per, int32_t *start,
							 int32_t *end);

/*
 * The last date on which a rate dated 'date' holds when rates may be
 * months + days + usecs old (each >= 0): date + that interval, as
 * PostgreSQL adds an interval to a date, whole days only.
 */
extern int32_t ts_date_add_age(int32_t date, int32_t months, int32_t days,
							   int64_t usecs);

/*
 * A conversion factor as one fraction of minor units, num/den, both > 0
 * and reduced: target minor units = round(source minor units * num / den).
 */
typedef struct ts_ratio
{
	ts_int128	num;
	ts_int128	den;
} ts_ratio;

/*
 * The ratio of (num_mant / 10^num_scale) / (den_mant / 10^den_scale) with
 * the minor units folded in; false when it does not fit in 127 bits.
 */
extern bool ts_ratio_make(ts_int128 num_mant, int num_scale,
						  ts_int128 den_mant, int den_scale, int from_minor,
						  int to_minor, ts_ratio *ratio);

/* units * ratio, rounded half away from zero once. */
extern ts_conv_status ts_convert_ratio(int64_t units, const ts_ratio *ratio,
									   int64_t *result);

/*
 * Delimited text (csv.c).  ts_csv_next gives the next field into 'out'
 * (room for the rest of the input; never more), unquoted, with its length:
 * TS_CSV_FIELD when more fields of the record follow, TS_CSV_LAST_FIELD for
 * a record's last one, TS_CSV_END after the last record, TS_CSV_ERROR with
 * *err saying what is wrong (the reader's record_line says where).
 */
typedef struct ts_csv_reader
{
	const char *p;
	const char *end;
	char		delimiter;
	int			line;			/* physical line at p */
	int			record_line;	/* line the current record starts on */
	bool		in_record;
} ts_csv_reader;

typedef enum ts_csv_result
{
	TS_CSV_FIELD,
	TS_CSV_LAST_FIELD,
	TS_CSV_END,
	TS_CSV_ERROR
} ts_csv_result;

typedef enum ts_csv_error
{
	TS_CSV_UNCLOSED_QUOTE,		/* a quoted field is not closed */
	TS_CSV_TEXT_AFTER_QUOTE,	/* text after the closing quote of a field */
	TS_CSV_QUOTE_IN_FIELD		/* a quote inside an unquoted field */
} ts_csv_error;

extern void ts_csv_init(ts_csv_reader *r, const char *text, size_t len,
						char delimiter);
extern ts_csv_result ts_csv_next(ts_csv_reader *r, char *out, size_t *len,
								 ts_csv_error *err);

#endif							/* TS_CORE_H */
