/*-------------------------------------------------------------------------
 *
 * amount_format.c
 *	  Currency amount to text, canonical and human, the rounding divisions,
 *	  and decimal text of 128-bit integers (pure C).
 *
 * Canonical output is "<decimal> <CODE>" with exactly the currency's minor
 * units as decimals, no separators, no locale: it is what input reads back.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

#include <stdio.h>
#include <string.h>

int
ts_format_decimal(int64_t units, int minor, char *buf)
{
	return ts_format_scaled(ts_magnitude64(units), units < 0, minor, buf);
}

int
ts_format_amount(int64_t units, ts_currency_key currency, char *buf)
{
	const ts_currency *cur = ts_currency_by_key(currency);
	int			len;

	if (cur == NULL)
	{
		/* cannot happen for validated values */
		strcpy(buf, "?");
		return 1;
	}
	len = ts_format_decimal(units, cur->minor_units, buf);
	buf[len++] = ' ';
	memcpy(buf + len, cur->code, 4);
	return len + 3;
}

typedef struct human_scale
{
	int			exponent;
	const char *word;
} human_scale;

static const human_scale scales_en[] = {
	{12, " trillion"}, {9, " billion"}, {6, " million"}, {0, ""}
};

static const human_scale scales_zh[] = {
	{12, "万亿"}, {8, "亿"}, {4, "万"}, {0, ""}
};

static const human_scale scales_ja[] = {
	{12, "兆"}, {8, "億"}, {4, "万"}, {0, ""}
};

static const human_scale scales_ko[] = {
	{12, "조"}, {8, "억"}, {4, "만"}, {0, ""}
};

/*
 * Figure of |units| in units of 10^exponent major units, rounded half away
 * from zero to 'digits' decimals, as an integer count of 10^-digits.
 */
static unsigned __int128
scaled_figure(uint64_t mag, int minor, int exponent, int digits)
{
	int			shift = exponent + minor - digits;
	unsigned __int128 p = 1;

	if (shift >= 0)
	{
		for (int i = 0; i < shift; i++)
			p *= 10;
		return ts_udiv_round(mag, p);
	}
	for (int i = 0; i < -shift; i++)
		p *= 10;
	return (unsigned __int128) mag * p;
}

int
ts_humanize(int64_t units, ts_currency_key currency, ts_lang lang,
			int digits, char *buf)
{
	const ts_currency *cur = ts_currency_by_key(currency);
	const human_scale *scales;
	uint64_t	mag = ts_magnitude64(units);
	unsigned __int128 one = 1;
	unsigned __int128 fig = 0;
	const human_scale *s;
	const char *name;
	int			len = 0;

	if (cur == NULL || digits < 0 || digits > TS_HUMANIZE_MAX_DIGITS)
		return -1;
	switch (lang)
	{
		case TS_LANG_EN:
			scales = scales_en;
			name = cur->name_en;
			break;
		case TS_LANG_ZH:
			scales = scales_zh;
			name = cur->name_zh;
			break;
		case TS_LANG_JA:
			scales = scales_ja;
			name = cur->name_ja;
			break;
		case TS_LANG_KO:
			scales = scales_ko;
			name = cur->name_ko;
			break;
		default:
			return -1;
	}
	for (int i = 0; i < digits; i++)
		one *= 10;

	/* the largest scale not above the value ... */
	for (s = scales; s->exponent > 0; s++)
	{
		unsigned __int128 unit = 1;

		for (int i = 0; i < s->exponent + cur->minor_units; i++)
			unit *= 10;
		if (mag >= unit)
			break;
	}
	fig = scaled_figure(mag, cur->minor_units, s->exponent, digits);

	/* ... or the next one up when rounding reaches it (999.996 billion) */
	if (s > scales)
	{
		unsigned __int128 next = one;

		for (int i = 0; i < s[-1].exponent - s->exponent; i++)
			next *= 10;
		if (fig >= next)
		{
			s--;
			fig = scaled_figure(mag, cur->minor_units, s->exponent, digits);
		}
	}

	len += ts_format_scaled(fig, units < 0 && fig > 0, digits, buf + len);
	strcpy(buf + len, s->word);
	len += (int) strlen(s->word);

	/* English and Korean put a space before the name, all before a code */
	if (name == NULL || lang == TS_LANG_EN || lang == TS_LANG_KO)
		buf[len++] = ' ';
	if (name == NULL)
		name = cur->code;
	strcpy(buf + len, name);
	len += (int) strlen(name);
	return len;
}

/*
 * The state of sum() and avg(): a 128-bit sum of minor units, a count and a
 * currency (none while the count is 0).  A state is consistent when the
 * count is not negative, a counted state has a known currency, and count
 * int64 values could make the sum.
 */
bool
ts_sum_state_is_valid(ts_int128 sum, int64_t count, ts_currency_key currency)
{
	unsigned __int128 mag;

	if (count < 0)
		return false;
	if (currency != TS_NO_CURRENCY && ts_currency_by_key(currency) == NULL)
		return false;
	if (count > 0 && currency == TS_NO_CURRENCY)
		return false;
	/* each row adds at least -2^63 and at most 2^63 - 1 */
	if (sum < 0)
	{
		mag = (unsigned __int128) 0 - (unsigned __int128) sum;
		return mag <= ((unsigned __int128) count << 63);
	}
	mag = (unsigned __int128) sum;
	return mag <= (unsigned __int128) count * (unsigned __int128) INT64_MAX;
}

/* Text form "(sum,count,CODE)", "(0,0,)" when empty; false if malformed. */
bool
ts_sum_state_parse(const char *str, ts_int128 *sum, int64_t *count,
				   ts_currency_key *currency)
{
	const char *p = str;
	ts_int128	n;

	*currency = TS_NO_CURRENCY;
	if (*p++ != '(' || !ts_int128_parse(&p, sum) || *p++ != ',' ||
		!ts_int128_parse(&p, &n) || *p++ != ',')
		return false;
	if (n < 0 || n > INT64_MAX)
		return false;
	*count = (int64_t) n;
	if (*p != ')')
	{
		const ts_currency *cur = ts_currency_at_start(p);

		if (cur == NULL)
			return false;
		*currency = ts_currency_key_from_code(cur->code);
		p += 3;
	}
	if (*p++ != ')' || *p != '\0')
		return false;
	return ts_sum_state_is_valid(*sum, *count, *currency);
}

int
ts_sum_state_format(ts_int128 sum, int64_t count, ts_currency_key currency,
					char *buf)
{
	const ts_currency *cur = currency == TS_NO_CURRENCY ? NULL :
		ts_currency_by_key(currency);
	char		digits[42];

	ts_int128_to_text(sum, digits);
	return snprintf(buf, TS_SUM_STATE_BUFLEN, "(%s,%lld,%s)", digits,
					(long long) count, cur ? cur->code : "");
}
