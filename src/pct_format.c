/*-------------------------------------------------------------------------
 *
 * pct_format.c
 *	  Percentages and percentage points as customs releases write them
 *	  (pure C).
 *
 * English: a sign, the figure, "%" or " pp" ("+14.1%", "-5.2%", "+1.2 pp"),
 * no sign for zero ("0.0%").  Chinese, in the wording of the GACC's
 * releases: 增长 / 下降 before a growth ("增长14.1%", "下降5.2%"), 提升 /
 * 下降 before a change in percentage points ("提升1.2个百分点"), 持平
 * ("flat") for zero.  Zero is what rounds to zero: -0.04 at one decimal is
 * "0.0%", never "-0.0%".
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

#include <string.h>

/* 10^k as an unsigned 128-bit integer, k <= 38. */
static unsigned __int128
upow10(int k)
{
	unsigned __int128 p = 1;

	for (int i = 0; i < k; i++)
		p *= 10;
	return p;
}

/* Append a NUL-terminated string; returns the new length. */
static int
append(char *buf, int len, const char *s)
{
	size_t		n = strlen(s);

	memcpy(buf + len, s, n + 1);
	return len + (int) n;
}

int
ts_format_pct(ts_int128 mantissa, int scale, ts_pct_unit unit, ts_lang lang,
			  int digits, char *buf)
{
	unsigned __int128 mag = ts_magnitude128(mantissa);
	bool		negative;
	int			len = 0;

	if (digits < 0 || digits > TS_PCT_MAX_DIGITS || scale < 0 ||
		scale > TS_PCT_MAX_FIGURE ||
		(lang != TS_LANG_EN && lang != TS_LANG_ZH) ||
		(unit != TS_PCT_PERCENT && unit != TS_PCT_POINTS))
		return -1;

	/* the figure: a count of 10^-digits, rounded once */
	if (scale > digits)
		mag = ts_udiv_round(mag, upow10(scale - digits));
	else if (scale < digits)
	{
		unsigned __int128 factor = upow10(digits - scale);

		if (mag > upow10(TS_PCT_MAX_FIGURE) / factor)
			return -1;
		mag *= factor;
	}
	if (mag >= upow10(TS_PCT_MAX_FIGURE))
		return -1;
	negative = mantissa < 0 && mag > 0;

	if (lang == TS_LANG_EN)
	{
		if (mag > 0)
			buf[len++] = negative ? '-' : '+';
		len += ts_format_scaled(mag, false, digits, buf + len);
		return append(buf, len, unit == TS_PCT_PERCENT ? "%" : " pp");
	}

	if (mag == 0)
		return append(buf, 0, "持平");
	if (negative)
		len = append(buf, len, "下降");
	else
		len = append(buf, len, unit == TS_PCT_PERCENT ? "增长" : "提升");
	len += ts_format_scaled(mag, false, digits, buf + len);
	return append(buf, len, unit == TS_PCT_PERCENT ? "%" : "个百分点");
}
