/*-------------------------------------------------------------------------
 *
 * ts_calendar.h
 *	  Calendar arithmetic of the pure C core (calendar.c): dates are
 *	  PostgreSQL's DateADT, days since 2000-01-01, proleptic Gregorian.
 *
 * No PostgreSQL headers here; see ts_core.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TS_CALENDAR_H
#define TS_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

extern int32_t ts_date_from_ymd(int64_t y, int m, int d);
extern void ts_date_to_ymd(int32_t date, int64_t *y, int *m, int *d);
extern int	ts_days_in_month(int64_t y, int m);
/* date minus n years or months, the day clamped to the month's end */
extern int32_t ts_date_minus_years(int32_t date, int n);
extern int32_t ts_date_minus_months(int32_t date, int n);
extern int32_t ts_date_year_start(int32_t date);
extern int32_t ts_date_month_start(int32_t date);

/*
 * The first day of the year that contains date, for years that start on
 * the first of month start_month (1 to 12; 4 for April-March years).
 */
extern int32_t ts_date_fiscal_year_start(int32_t date, int start_month);

/*
 * The first day of a window of 'months' calendar months (>= 1) that ends
 * in the month of date: the first of the month months - 1 months earlier.
 */
extern int32_t ts_date_months_window_start(int32_t date, int months);

/* Calendar months from the month of a to the month of b (days ignored). */
extern int64_t ts_date_months_between(int32_t a, int32_t b);

#endif							/* TS_CALENDAR_H */
