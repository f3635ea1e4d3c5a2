/*-------------------------------------------------------------------------
 *
 * decimal.c
 *	  The core's decimal toolkit (pure C): decimals into scaled 128-bit
 *	  integers, from text or from numeric's base-10000 digits; 128-bit
 *	  integers as text; division rounded half away from zero; a magnitude
 *	  and a sign narrowed to int64.
 *
 * Rates, numeric values (as amounts and as values of the growth measures)
 * and the states' sums are read here, and every result is rounded and
 * narrowed here, so rounding and range are decided in one place.  (The
 * amount parser reads the digits of its own grammar, with thousands
 * separators and scale words, and narrows through ts_narrow_magnitude.)
 * Rounding is half away from zero on the magnitude; a result that does not
 * fit is reported, never wrapped.  The small helpers are inline in
 * ts_core.h.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

bool
ts_div_round(int64_t a, int64_t b, int64_t *res)
{
	if (b == 0)
		return false;
	return ts_narrow_magnitude(ts_udiv_round(ts_magnitude64(a), ts_magnitude64(b)),
							   (a < 0) != (b < 0), res);
}

bool
ts_div128_round(ts_int128 a, int64_t b, int64_t *res)
{
	if (b <= 0)
		return false;
	return ts_narrow_magnitude(ts_udiv_round(ts_magnitude128(a), (unsigned __int128) b),
							   a < 0, res);
}

int
ts_format_scaled(unsigned __int128 mag, bool negative, int decimals, char *buf)
{
	char		tmp[64];
	int			n = 0;
	int			len = 0;

	do
	{
		tmp[n++] = (char) ('0' + (int) (mag % 10));
		mag /= 10;
	} while (mag > 0 || n <= decimals);

	/* tmp holds the digits in reverse, at least decimals + 1 of them */
	if (negative)
		buf[len++] = '-';
	while (n > decimals)
		buf[len++] = tmp[--n];
	if (decimals > 0)
	{
		buf[len++] = '.';
		while (n > 0)
			buf[len++] = tmp[--n];
	}
	buf[len] = '\0';
	return len;
}

int
ts_int128_to_text(ts_int128 v, char *buf)
{
	return ts_format_scaled(ts_magnitude128(v), v < 0, 0, buf);
}

bool
ts_int128_parse(const char **pp, ts_int128 *out)
{
	const char *p = *pp;
	bool		negative = false;
	ts_int128	v = 0;

	if (*p == '-')
	{
		negative = true;
		p++;
	}
	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
	{
		if (__builtin_mul_overflow(v, 10, &v) ||
			(negative ? __builtin_sub_overflow(v, *p - '0', &v) :
			 __builtin_add_overflow(v, *p - '0', &v)))
			return false;
		p++;
	}
	*pp = p;
	*out = v;
	return true;
}

bool
ts_int128_mul_pow10(ts_int128 *v, int k)
{
	for (int i = 0; i < k; i++)
		if (__builtin_mul_overflow(*v, 10, v))
			return false;
	return true;
}

/*
 * The common end of both decimal readers: the integer part's value, then
 * the fraction's digits one by one (digit(i) for i < frac_len, frac_len
 * counted without trailing zeros).  At most max_scale of them are kept; the
 * next one rounds the magnitude half up.
 */
typedef int (*frac_digit_fn) (const void *arg, int i);

static bool
finish_decimal(ts_int128 v, bool negative, frac_digit_fn digit, const void *arg,
			   int frac_len, int max_scale, ts_int128 *mantissa, int *scale)
{
	int			keep = frac_len < max_scale ? frac_len : max_scale;

	for (int i = 0; i < keep; i++)
		if (__builtin_mul_overflow(v, 10, &v) ||
			__builtin_add_overflow(v, digit(arg, i), &v))
			return false;
	if (frac_len > max_scale && digit(arg, max_scale) >= 5 &&
		__builtin_add_overflow(v, 1, &v))
		return false;
	*mantissa = negative ? -v : v;
	*scale = keep;
	return true;
}

static int
text_digit(const void *arg, int i)
{
	return ((const char *) arg)[i] - '0';
}

bool
ts_decimal_scan(const char *str, size_t len, int max_scale,
				ts_int128 *mantissa, int *scale)
{
	const char *p = str;
	const char *end = str + len;
	const char *frac = NULL;
	const char *frac_end;
	bool		negative = false;
	bool		digits = false;
	ts_int128	v = 0;

	if (p < end && (*p == '-' || *p == '+'))
		negative = (*p++ == '-');
	for (; p < end && *p >= '0' && *p <= '9'; p++)
	{
		digits = true;
		if (__builtin_mul_overflow(v, 10, &v) ||
			__builtin_add_overflow(v, *p - '0', &v))
			return false;
	}
	if (p < end && *p == '.')
		frac = ++p;
	for (; frac && p < end && *p >= '0' && *p <= '9'; p++)
		digits = true;
	if (!digits || p != end)
		return false;
	if (frac == NULL)
		frac = frac_end = end;
	else
		for (frac_end = end; frac_end > frac && frac_end[-1] == '0'; frac_end--)
			;
	return finish_decimal(v, negative, text_digit, frac, (int) (frac_end - frac),
						  max_scale, mantissa, scale);
}

/* The fractional decimal digits of base-10000 digits. */
typedef struct base10000_fraction
{
	const int16_t *digits;
	int			ndigits;
	int			first;			/* index of the first fractional group */
} base10000_fraction;

static int
base10000_digit(const void *arg, int i)
{
	const base10000_fraction *f = arg;
	static const int pow10[4] = {1000, 100, 10, 1};
	int			group = f->first + i / 4;

	if (group < 0 || group >= f->ndigits)
		return 0;
	return f->digits[group] / pow10[i % 4] % 10;
}

bool
ts_decimal_from_base10000(bool negative, int weight, const int16_t *digits,
						  int ndigits, int max_scale, ts_int128 *mantissa,
						  int *scale)
{
	base10000_fraction f = {digits, ndigits, weight + 1};
	int			nfrac = ndigits - (weight + 1);
	ts_int128	v = 0;
	int			frac_len = 0;

	for (int i = 0; i < ndigits; i++)
		if (digits[i] < 0 || digits[i] > 9999)
			return false;

	/*
	 * The usual case, in 64 bits: at most 16 decimal digits, none of the
	 * fraction beyond max_scale, the last group not zero (as numeric stores
	 * them) when it is fractional.
	 */
	if (ndigits >= 1 && ndigits <= 4 && nfrac >= 0 && 4 * nfrac <= max_scale &&
		(nfrac == 0 || digits[ndigits - 1] != 0))
	{
		uint64_t	acc = 0;
		int			tz = 0;

		for (int i = 0; i < ndigits; i++)
			acc = acc * 10000 + (uint64_t) digits[i];
		/* trailing zeros of the last group, divided by constants (no division instruction) */
		if (nfrac > 0)
		{
			int			d = digits[ndigits - 1];

			if (d % 1000 == 0)
			{
				tz = 3;
				acc /= 1000;
			}
			else if (d % 100 == 0)
			{
				tz = 2;
				acc /= 100;
			}
			else if (d % 10 == 0)
			{
				tz = 1;
				acc /= 10;
			}
		}
		*mantissa = negative ? -(ts_int128) acc : (ts_int128) acc;
		*scale = 4 * nfrac - tz;
		return true;
	}

	/* the integer part: digits 0 .. weight, missing ones being zeros */
	for (int i = 0; i <= weight; i++)
		if (__builtin_mul_overflow(v, 10000, &v) ||
			__builtin_add_overflow(v, i < ndigits ? digits[i] : 0, &v))
			return false;

	/* the fraction's length without trailing zeros */
	for (int i = ndigits - 1; i >= 0 && i >= f.first; i--)
	{
		int			d = digits[i];

		if (d == 0)
			continue;
		frac_len = 4 * (i - f.first + 1);
		for (; d % 10 == 0; d /= 10)
			frac_len--;
		break;
	}
	return finish_decimal(v, negative, base10000_digit, &f, frac_len, max_scale,
						  mantissa, scale);
}
