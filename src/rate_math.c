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

/* A positive decimal with at most 18 significant digits, as mant/10^scale. */
bool
ts_parse_rate(const char *str, size_t len, ts_rate *rate)
{
	const char *p = str;
	const char *end = str + len;
	int64_t		mant = 0;
	int			digits = 0;
	int			scale = 0;
	int			trailing_zeros = 0;
	bool		seen_point = false;
	bool		seen_digit = false;

	for (; p < end; p++)
	{
		if (*p == '.' && !seen_point)
		{
			seen_point = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			return false;
		seen_digit = true;
		if (seen_point)
			scale++;
		if (*p == '0')
		{
			/* defer zeros: leading ones vanish, trailing ones may */
			if (digits > 0)
				trailing_zeros++;
			continue;
		}
		/* a non-zero digit: flush the deferred zeros, then add it */
		if (digits + trailing_zeros + 1 > 18)
			return false;
		for (; trailing_zeros > 0; trailing_zeros--)
		{
			mant *= 10;
			digits++;
		}
		mant = mant * 10 + (*p - '0');
		digits++;
	}
	if (!seen_digit || mant == 0)
		return false;

	/* zeros after the last non-zero digit: drop those behind the point */
	while (trailing_zeros > 0 && scale > 0)
	{
		trailing_zeros--;
		scale--;
	}
	for (; trailing_zeros > 0; trailing_zeros--)
	{
		if (digits + 1 > 18)
			return false;
		mant *= 10;
		digits++;
	}
	rate->mant = mant;
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
	u128		num = (u128) (units < 0 ? (uint64_t) 0 - (uint64_t) units :
							  (uint64_t) units);
	u128		den = 1;
	int			exp10 = to_minor - from_minor;
	u128		q,
				r;

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

	if ((num >> 64) == 0 && (den >> 64) == 0)
	{
		/* the usual case: 64-bit division is several times faster */
		uint64_t	n64 = (uint64_t) num;
		uint64_t	d64 = (uint64_t) den;
		uint64_t	r64 = n64 % d64;

		q = n64 / d64;
		if (r64 >= d64 - r64)
			q++;
	}
	else
	{
		q = num / den;
		r = num % den;
		if (r >= den - r)
			q++;
	}
	if (units < 0)
	{
		if (q > (u128) INT64_MAX + 1)
			return TS_CONV_RANGE;
		*result = (q == (u128) INT64_MAX + 1) ? INT64_MIN : -(int64_t) q;
	}
	else
	{
		if (q > (u128) INT64_MAX)
			return TS_CONV_RANGE;
		*result = (int64_t) q;
	}
	return TS_CONV_OK;
}
