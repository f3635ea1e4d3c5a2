/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  Date arithmetic of the core (pure C): civil dates to and from
 *	  PostgreSQL's DateADT, and the year and month steps of the same-period
 *	  windows, proleptic Gregorian as PostgreSQL.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_calendar.h"

/* DateADT counts days from 2000-01-01, which is day 10957 from 1970-01-01. */
#define UNIX_TO_PG_DAYS 10957

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1-12) of year y. */
int
ts_days_in_month(int64_t y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return (m == 2 && is_leap(y)) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 of a civil date (y, m, d). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= (m <= 2);
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era,
				doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int32_t
clamp_date(int64_t days)
{
	if (days < INT32_MIN + 1)
		return INT32_MIN + 1;
	if (days > INT32_MAX - 1)
		return INT32_MAX - 1;
	return (int32_t) days;
}

int32_t
ts_date_from_ymd(int64_t y, int m, int d)
{
	return clamp_date(days_from_civil(y, m, d) - UNIX_TO_PG_DAYS);
}

void
ts_date_to_ymd(int32_t date, int64_t *y, int *m, int *d)
{
	civil_from_days((int64_t) date + UNIX_TO_PG_DAYS, y, m, d);
}

int32_t
ts_date_minus_years(int32_t date, int n)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	y -= n;
	if (d > ts_days_in_month(y, m))
		d = ts_days_in_month(y, m);
	return ts_date_from_ymd(y, m, d);
}

int32_t
ts_date_minus_months(int32_t date, int n)
{
	int64_t		y,
				months;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	months = y * 12 + (m - 1) - n;
	y = floor_div(months, 12);
	m = (int) (months - y * 12) + 1;
	if (d > ts_days_in_month(y, m))
		d = ts_days_in_month(y, m);
	return ts_date_from_ymd(y, m, d);
}

int32_t
ts_date_year_start(int32_t date)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	return ts_date_from_ymd(y, 1, 1);
}

int32_t
ts_date_fiscal_year_start(int32_t date, int start_month)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	return ts_date_from_ymd(m >= start_month ? y : y - 1, start_month, 1);
}

int32_t
ts_date_months_window_start(int32_t date, int months)
{
	return ts_date_minus_months(ts_date_month_start(date), months - 1);
}

int64_t
ts_date_months_between(int32_t a, int32_t b)
{
	int64_t		ya,
				yb;
	int			ma,
				mb,
				d;

	ts_date_to_ymd(a, &ya, &ma, &d);
	ts_date_to_ymd(b, &yb, &mb, &d);
	return (yb * 12 + mb) - (ya * 12 + ma);
}

int32_t
ts_date_month_start(int32_t date)
{
	int64_t		y;
	int			m,
				d;

	ts_date_to_ymd(date, &y, &m, &d);
	return date - (d - 1);
}
