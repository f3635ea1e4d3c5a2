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
 * A period conversion multiplies by one reduced fraction (ts_ratio), the
 * product of the legs' exact period averages, made once per period; here
 * also the calendar periods ('day', 'month', 'quarter', 'year') and the
 * last date a rate holds under a maximum age.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"
#include "ts_calendar.h"

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

/*
 * The calendar periods of a period conversion.  Dates are DateADT (days from
 * 2000-01-01); the calendar is calendar.c's.
 */
int
ts_parse_per(const char *str, size_t len)
{
	static const char *const names[] = {"day", "month", "quarter", "year"};

	for (int i = 0; i < 4; i++)
		if (len == strlen(names[i]) && memcmp(str, names[i], len) == 0)
			return i;
	return -1;
}

void
ts_period_bounds(int32_t date, ts_per per, int32_t *start, int32_t *end)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	switch (per)
	{
		case TS_PER_DAY:
			*start = *end = date;
			return;
		case TS_PER_MONTH:
			*start = ts_date_from_ymd(y, m, 1);
			*end = m == 12 ? ts_date_from_ymd(y + 1, 1, 1) - 1 :
				ts_date_from_ymd(y, m + 1, 1) - 1;
			return;
		case TS_PER_QUARTER:
			m = (m - 1) / 3 * 3 + 1;
			*start = ts_date_from_ymd(y, m, 1);
			*end = m == 10 ? ts_date_from_ymd(y + 1, 1, 1) - 1 :
				ts_date_from_ymd(y, m + 3, 1) - 1;
			return;
		case TS_PER_YEAR:
			*start = ts_date_from_ymd(y, 1, 1);
			*end = ts_date_from_ymd(y + 1, 1, 1) - 1;
			return;
	}
}

/*
 * The last date on which a rate dated 'date' holds under a maximum age of
 * months, days and microseconds (all >= 0), as date + interval would give
 * it: months first, the day clamped to the month's end, then days, then
 * whole days of the time.  Clamped to the int32 range.
 */
int32_t
ts_date_add_age(int32_t date, int32_t months, int32_t days, int64_t usecs)
{
	int64_t		y;
	int			m,
				d;
	int64_t		total;
	int64_t		result;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			last;

	ts_date_to_ymd(date, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total >= 0 ? total / 12 : -((-total + 11) / 12);
	m = (int) (total - y * 12) + 1;
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > last)
		d = last;
	result = (int64_t) ts_date_from_ymd(y, m, d) + days + usecs / INT64_C(86400000000);
	if (result > INT32_MAX - 1)
		return INT32_MAX - 1;
	return (int32_t) result;
}

static u128
gcd_u128(u128 a, u128 b)
{
	while (b != 0)
	{
		u128		t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * The factor of a period conversion, num_mant/10^num_scale divided by
 * den_mant/10^den_scale, with 10^(to_minor - from_minor) folded in, as one
 * reduced fraction of minor units: false when it exceeds 128 bits.
 */
bool
ts_ratio_make(ts_int128 num_mant, int num_scale, ts_int128 den_mant,
			  int den_scale, int from_minor, int to_minor, ts_ratio *ratio)
{
	u128		num,
				den,
				g;
	int			e = den_scale - num_scale + to_minor - from_minor;

	if (num_mant <= 0 || den_mant <= 0)
		return false;
	num = (u128) num_mant;
	den = (u128) den_mant;
	g = gcd_u128(num, den);
	num /= g;
	den /= g;
	for (; e > 0; e--)
		if (!mul_u128(&num, 10))
			return false;
	for (; e < 0; e++)
		if (!mul_u128(&den, 10))
			return false;
	g = gcd_u128(num, den);
	ratio->num = (ts_int128) (num / g);
	ratio->den = (ts_int128) (den / g);
	return ratio->num > 0 && ratio->den > 0;
}

ts_conv_status
ts_convert_ratio(int64_t units, const ts_ratio *ratio, int64_t *result)
{
	u128		num = ts_magnitude64(units);

	if (!mul_u128(&num, (u128) ratio->num))
		return TS_CONV_WIDE;
	if (!ts_narrow_magnitude(ts_udiv_round(num, (u128) ratio->den), units < 0, result))
		return TS_CONV_RANGE;
	return TS_CONV_OK;
}
