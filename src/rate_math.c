/*-------------------------------------------------------------------------
 *
 * rate_math.c
 *	  Exact currency conversion through exchange rates (pure C).
 *
 * A conversion is the rational number
 *
 *		units * prod(direct rates) / prod(inverted rates) * 10^(to - from)
 *
 * kept as a 128-bit numerator and denominator with a separate power of ten,
 * and rounded half away from zero once, at the end.  When an intermediate
 * would exceed 128 bits the caller falls back to numeric arithmetic.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

typedef unsigned __int128 u128;

/*
 * A positive decimal with at most 18 significant digits, as mant/10^scale:
 * digits with at most one '.', no sign, trailing zeros behind the point
 * dropped (those before it stay in mant).
 */
bool
ts_parse_rate(const char *str, size_t len, ts_rate *rate)
{
	ts_int128	mant;
	int			scale;

	if (len == 0 || str[0] == '-' || str[0] == '+' ||
		!ts_decimal_scan(str, len, INT32_MAX, &mant, &scale) ||
		mant <= 0 || mant >= (ts_int128) 1000000000000000000)
		return false;
	rate->mant = (int64_t) mant;
	rate->scale = scale;
	return true;
}

static inline bool
mul_u128(u128 *v, u128 factor)
{
	return !__builtin_mul_overflow(*v, factor, v);
}

ts_conv_status
ts_convert_units(int64_t units, int from_minor, int to_minor,
				 const ts_rate *rates, const bool *inverse, int nrates,
				 int64_t *result)
{
	u128		num = ts_magnitude64(units);
	u128		den = 1;
	int			exp10 = to_minor - from_minor;

	for (int i = 0; i < nrates; i++)
	{
		if (inverse[i])
		{
			if (!mul_u128(&den, (u128) rates[i].mant))
				return TS_CONV_WIDE;
			exp10 += rates[i].scale;
		}
		else
		{
			if (!mul_u128(&num, (u128) rates[i].mant))
				return TS_CONV_WIDE;
			exp10 -= rates[i].scale;
		}
	}
	for (; exp10 > 0; exp10--)
		if (!mul_u128(&num, 10))
			return TS_CONV_WIDE;
	for (; exp10 < 0; exp10++)
		if (!mul_u128(&den, 10))
			return TS_CONV_WIDE;

	if (!ts_narrow_magnitude(ts_udiv_round(num, den), units < 0, result))
		return TS_CONV_RANGE;
	return TS_CONV_OK;
}
