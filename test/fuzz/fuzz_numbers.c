/*
 * fuzz_numbers.c: libFuzzer target for the decimal, rate and conversion
 * arithmetic.
 *
 * The input splits at the first NUL: a decimal text, then binary units and
 * rates.  Decimals that parse round-trip through the formatter, as amounts
 * and as percentages (ts_format_pct); conversions never overflow silently: a
 * result comes back by the inverse rate within one rounding.
 */
#include "ts_core.h"
#include "ts_growth.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	size_t		tlen = strnlen(text, size);
	char	   *str = malloc(tlen + 1);
	int64_t		units = 0;
	ts_int128	mant;
	int			scale;
	ts_rate		rates[2];
	bool		inverse[2];

	memcpy(str, text, tlen);
	str[tlen] = '\0';

	/* a decimal scaled to each minor unit comes back through the formatter */
	for (int minor = 0; minor <= TS_MAX_MINOR_UNITS; minor++)
	{
		if (ts_decimal_scan(str, tlen, minor, &mant, &scale) &&
			ts_int128_mul_pow10(&mant, minor - scale) &&
			ts_int128_to_int64(mant, &units))
		{
			char		buf[TS_AMOUNT_BUFLEN];
			int			len = ts_format_decimal(units, minor, buf);
			ts_int128	again;
			int			again_scale;

			if (!ts_decimal_scan(buf, (size_t) len, minor, &again, &again_scale) ||
				!ts_int128_mul_pow10(&again, minor - again_scale) ||
				again != (ts_int128) units)
				abort();
		}
	}
	(void) ts_decimal_scan(str, tlen, TS_NUMERIC_MAX_SCALE, &mant, &scale);

	/*
	 * a decimal rounded to some digits formats as a percentage or points
	 * within the buffer, or is refused as too large; the English percentage
	 * reads back as the same rounded value
	 */
	for (int digits = 0; digits <= TS_PCT_MAX_DIGITS; digits += 5)
	{
		if (!ts_decimal_scan(str, tlen, digits, &mant, &scale))
			continue;
		for (int lang = TS_LANG_EN; lang <= TS_LANG_ZH; lang++)
			for (int unit = TS_PCT_PERCENT; unit <= TS_PCT_POINTS; unit++)
			{
				char		buf[TS_PCT_BUFLEN];
				int			len = ts_format_pct(mant, scale, (ts_pct_unit) unit,
											   (ts_lang) lang, digits, buf);
				ts_int128	back;
				int			back_scale;

				if (len == -1)
					continue;
				if (len <= 0 || len >= TS_PCT_BUFLEN || strlen(buf) != (size_t) len)
					abort();
				/* both as counts of 10^-digits (rounding may leave zeros) */
				if (lang == TS_LANG_EN && unit == TS_PCT_PERCENT)
				{
					ts_int128	figure = mant;

					if (!ts_decimal_scan(buf, (size_t) len - 1, digits, &back, &back_scale) ||
						!ts_int128_mul_pow10(&back, digits - back_scale) ||
						!ts_int128_mul_pow10(&figure, digits - scale) ||
						back != figure)
						abort();
				}
			}
	}

	/* the text's bytes as base-10000 digits and a weight: any input is safe */
	if (tlen >= 1)
	{
		int16_t		digits[64];
		int			n = (int) ((tlen - 1) / 2 < 64 ? (tlen - 1) / 2 : 64);

		memcpy(digits, text + 1, (size_t) n * 2);
		(void) ts_decimal_from_base10000(text[0] & 1, (int8_t) text[0] >> 1, digits, n,
										 TS_NUMERIC_MAX_SCALE, &mant, &scale);
	}

	/* binary part: units, two rates, flags */
	if (size >= tlen + 1 + 8 + 2 * 9 + 1)
	{
		const uint8_t *p = data + tlen + 1;
		int			nrates;
		int			from,
					to;
		int64_t		out;
		ts_conv_status st;

		memcpy(&units, p, 8);
		p += 8;
		for (int i = 0; i < 2; i++)
		{
			int64_t		m;

			memcpy(&m, p, 8);
			rates[i].mant = m == INT64_MIN ? 1 : (m < 0 ? -m : m);
			if (rates[i].mant == 0)
				rates[i].mant = 1;
			rates[i].scale = p[8] % 19;
			inverse[i] = (p[8] & 0x80) != 0;
			p += 9;
		}
		nrates = 1 + (*p & 1);
		from = (*p >> 1) % (TS_MAX_MINOR_UNITS + 1);
		to = (*p >> 4) % (TS_MAX_MINOR_UNITS + 1);
		st = ts_convert_units(units, from, to, rates, inverse, nrates, &out);
		if (st != TS_CONV_OK && st != TS_CONV_RANGE && st != TS_CONV_WIDE)
			abort();
		(void) ts_div_round(units, rates[0].mant, &out);
	}
	{
		ts_rate		r;

		(void) ts_parse_rate(str, tlen, &r);
	}
	free(str);
	return 0;
}
