/*-------------------------------------------------------------------------
 *
 * convert.c
 *	  convert(), to_usd(), to_cny(): currency conversion of amounts and of
 *	  summaries (growth_state) through the rates in
 *	  trade_stats.exchange_rate, for a day or a period; rate_used(); the
 *	  setting trade_stats.max_rate_age.
 *
 * The rates come from the backend-local cache (rate_cache.c), which serves
 * each statement exactly the rows its snapshot and role see.  From a
 * generation of those rows this file derives, per currency pair asked for,
 * a timeline: the dates at which the rate to use changes, each with its
 * chain of one or two rates (direct, inverted, or crossed through USD, EUR
 * or CNY), and where no rate holds.  Per row that is one binary search, or
 * none when rows come in date order.
 *
 * Periods: for a month, quarter or year a leg's rate is the exact average
 * of the pair's rows dated within it (else the last row before it, which
 * must hold to the period's end); a path's factor is the product of its
 * legs' averages, one fraction made once per pair and period (periods).
 *
 * Among the pair, its inverse and the crosses, the freshest path wins: the
 * one whose oldest leg is the newest (the direct pair on a tie), among
 * those whose rates all hold (a row holds until its valid_until, or, when
 * it declares none, until trade_stats.max_rate_age has passed).  A path
 * whose legs all have rows inside the period (for a day: rows of that
 * day) comes first; such paths tie, and the direct pair wins.
 *
 * Global state: the setting trade_stats.max_rate_age.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "rate_cache.h"

/*
 * One leg of a conversion path for a period (a day is a period of one
 * day): the stored pair used directly or inverted, and the rows averaged,
 * first..last: those dated within the period ('inside'), else the last row
 * before it alone.
 */
typedef struct Leg
{
	const PairRates *pair;
	bool		inverse;
	bool		inside;
	bool		usable;			/* inside, or holding to the period's end */
	int			first;
	int			last;
	DateADT		fresh;			/* date of the newest row used */
	DateADT		holds_until;	/* last date that row holds */
} Leg;

/* A path: one leg (the pair, direct or inverted) or two (a cross). */
typedef struct Path
{
	int			nlegs;			/* 0: no rates at all */
	ts_currency_key via;		/* the cross currency, or TS_NO_CURRENCY */
	bool		usable;			/* every leg usable */
	bool		inside;			/* every leg has rows inside the period */
	DateADT		fresh;			/* the oldest leg's 'fresh' */
	int			stale_leg;		/* the unusable leg that stops holding
								 * first, or -1 */
	Leg			legs[2];
} Path;

/*
 * From 'from' on (until the next segment), a day conversion goes through
 * these rates; with nsteps 0, no rate holds: 'stale' when there are rates
 * too old (the freshest path's 'fresh', and its leg that stopped holding:
 * the pair, the row's date, the last date it held), else none.
 */
typedef struct Segment
{
	DateADT		from;
	int			nsteps;
	const RatePoint *step[2];
	bool		inverse[2];
	bool		stale;
	DateADT		fresh;
	PairKey		stale_pair;
	DateADT		stale_from;
	DateADT		holds_until;
} Segment;

/* A timeline is for one pair under one trade_stats.max_rate_age. */
typedef struct TimelineKey
{
	PairKey		pair;
	int32		pad;
	Interval	max_age;
} TimelineKey;

/* How to convert one pair on any date.  A hash table entry. */
typedef struct Timeline
{
	TimelineKey key;
	int			n;
	Segment    *segments;
} Timeline;

/* A pair's conversion for one month, quarter or year, under one max age. */
typedef struct PeriodKey
{
	PairKey		pair;
	int32		per;			/* ts_per */
	DateADT		start;
	int32		pad;
	Interval	max_age;
} PeriodKey;

/*
 * The conversion of a pair for a period: its path and, when it is usable,
 * the factor as one fraction of minor units ('fits'), and as numerics,
 * units * num / den, for what exceeds 128 bits.  A hash table entry, made once per statement's rates.
 */
typedef struct PeriodRate
{
	PeriodKey	key;
	DateADT		end;
	Path		path;
	bool		fits;
	ts_ratio	ratio;
	Numeric		num;
	Numeric		den;
} PeriodRate;

/* Per call site: fn_extra. */
typedef struct ConvertCall
{
	RateCall	rates;			/* the generation of rates, first */
	/* last used: the pair, its currencies, its timeline and segment */
	PairKey		pair;
	const ts_currency *from;
	const ts_currency *to;
	const Timeline *timeline;
	int			segment;
	uint64		max_age_serial; /* max_rate_age the timeline was made for */
	/* last used period rate (its pair, per and dates are in it) */
	const PeriodRate *period;
	/* recent period rates by date, for rows in no order; or NULL */
	struct PeriodSlot *slots;
} ConvertCall;

/*
 * A call site's period rates by the exact date converted (customs periods
 * are few distinct dates, the first of each month), direct-mapped: a row
 * out of date order finds its period's rate without the calendar or a hash
 * lookup.
 */
#define PERIOD_SLOTS 256

typedef struct PeriodSlot
{
	DateADT		d;
	int32		per;
	const PeriodRate *rate;		/* NULL: empty */
} PeriodSlot;

/*
 * trade_stats.max_rate_age: the text as set, the interval it reads as, and
 * a serial number bumped by every change, so that a call site notices that
 * the timeline it holds is for another age.
 */
static char *max_rate_age_text = NULL;
static Interval max_rate_age = {0, 31, 0};
static uint64 max_age_serial = 0;

/* Intermediate currencies of a cross rate, in order of preference. */
static const char *const cross_codes[] = {"USD", "EUR", "CNY"};

/* Forget the rates a call site found: its generation, pair or max age changed. */
static void
forget_rates(ConvertCall *call)
{
	call->timeline = NULL;
	call->segment = 0;
	call->period = NULL;
	if (call->slots != NULL)
		memset(call->slots, 0, sizeof(PeriodSlot) * PERIOD_SLOTS);
}

/*
 * What a generation's rates give conversion, kept with the generation: per
 * pair and max age the timeline, per pair, period and max age the rate.
 */
typedef struct DerivedRates
{
	HTAB	   *timelines;		/* TimelineKey -> Timeline */
	HTAB	   *periods;		/* PeriodKey -> PeriodRate */
} DerivedRates;

static DerivedRates *
derived_rates(RateGeneration *gen)
{
	void	  **slot = ts_rate_derived(gen);
	DerivedRates *d = *slot;
	HASHCTL		ctl;

	if (d != NULL)
		return d;
	d = MemoryContextAllocZero(ts_rate_context(gen), sizeof(DerivedRates));
	memset(&ctl, 0, sizeof(ctl));
	ctl.hcxt = ts_rate_context(gen);
	ctl.keysize = sizeof(TimelineKey);
	ctl.entrysize = sizeof(Timeline);
	d->timelines = hash_create("trade_stats rate timelines", 16, &ctl,
							   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	ctl.keysize = sizeof(PeriodKey);
	ctl.entrysize = sizeof(PeriodRate);
	d->periods = hash_create("trade_stats period rates", 64, &ctl,
							 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	*slot = d;
	return d;
}

/*
 * The call site's state, with the generation of rates that the active
 * snapshot sees.
 */
static inline ConvertCall *
get_call(FunctionCallInfo fcinfo)
{
	ConvertCall *call = (ConvertCall *) fcinfo->flinfo->fn_extra;

	if (call == NULL)
	{
		call = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									  sizeof(ConvertCall));
		ts_rate_call_init(&call->rates, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = call;
	}
	if (ts_rate_call_refresh(&call->rates))
		forget_rates(call);
	return call;
}

/*
 * trade_stats.max_rate_age: an interval of at least one day, no part of it
 * negative, read as interval input reads it but without raising an error
 * (a GUC check hook must not).
 */
static bool
check_max_rate_age(char **newval, void **extra, GucSource source)
{
	char		workbuf[256];
	char	   *field[MAXDATEFIELDS];
	int			ftype[MAXDATEFIELDS];
	int			nf;
	int			dtype;
	int			dterr;
	struct pg_itm_in itm;
	Interval	result;
	Interval   *copy;

	if (*newval == NULL)
		return false;
	dterr = ParseDateTime(*newval, workbuf, sizeof(workbuf), field, ftype,
						  MAXDATEFIELDS, &nf);
	if (dterr == 0)
		dterr = DecodeInterval(field, ftype, nf, INTERVAL_FULL_RANGE, &dtype, &itm);
	if (dterr == DTERR_BAD_FORMAT && strlen(*newval) < 256)
	{
		char		iso[256];

		strlcpy(iso, *newval, sizeof(iso));
		dterr = DecodeISO8601Interval(iso, &dtype, &itm);
	}
	if (dterr != 0 || dtype != DTK_DELTA || itmin2interval(&itm, &result) != 0)
	{
		GUC_check_errdetail("trade_stats.max_rate_age must be an interval, such as '31 days' or '1 year'.");
		return false;
	}
	if (result.month < 0 || result.day < 0 || result.time < 0 ||
		(result.month == 0 && result.day == 0 && result.time < USECS_PER_DAY))
	{
		GUC_check_errdetail("trade_stats.max_rate_age must be at least one day, with no negative part.");
		return false;
	}
	/* a check hook's extra is the GUC machinery's to free */
#if PG_VERSION_NUM >= 160000
	copy = guc_malloc(LOG, sizeof(Interval));
#else
	copy = malloc(sizeof(Interval));
#endif
	if (copy == NULL)
		return false;
	*copy = result;
	*extra = copy;
	return true;
}

static void
assign_max_rate_age(const char *newval, void *extra)
{
	max_rate_age = *(Interval *) extra;
	max_age_serial++;
}

/* Define the settings of conversion (from _PG_init). */
void
ts_convert_init(void)
{
	DefineCustomStringVariable("trade_stats.max_rate_age",
							   "The age beyond which an exchange rate without valid_until no longer holds.",
							   "A rate older than this on the date converted is an error, never used silently.",
							   &max_rate_age_text,
							   "31 days",
							   PGC_USERSET, 0,
							   check_max_rate_age, assign_max_rate_age, NULL);
}

/* Index of the last point on or before d, or -1. */
static int
last_on_or_before(const PairRates *pair, DateADT d)
{
	return ts_search_last_le(pair->points, pair->n, sizeof(RatePoint),
							 offsetof(RatePoint, from), d);
}

/* The last date a row holds: its valid_until, else its date + max age. */
static DateADT
row_holds_until(const RatePoint *p, const Interval *max_age)
{
	if (p->declared)
		return p->until;
	return ts_date_add_age(p->from, max_age->month, max_age->day, max_age->time);
}

/*
 * The rows of a stored pair for the period [start, end]: those dated within
 * it, else the last one before it, which is usable only when it holds to
 * the period's end.  False when the pair has no row on or before 'end'.
 */
static bool
leg_rows(const PairRates *pair, bool inverse, DateADT start, DateADT end,
		 const Interval *max_age, Leg *leg)
{
	int			last = last_on_or_before(pair, end);
	int			first = start == PG_INT32_MIN ? 0 : last_on_or_before(pair, start - 1) + 1;

	if (last < 0)
		return false;
	leg->pair = pair;
	leg->inverse = inverse;
	leg->last = last;
	leg->inside = first <= last;
	leg->first = leg->inside ? first : last;
	leg->fresh = pair->points[last].from;
	leg->holds_until = row_holds_until(&pair->points[last], max_age);
	leg->usable = leg->inside || leg->holds_until >= end;
	return true;
}

/*
 * Is leg or path x better than y: usable, then inside, then fresher?  All
 * paths with rows inside the period give that period's own rates: they tie
 * (a cross is not fresher for its last row coming a day later than the
 * direct pair's in another publisher's calendar), and the earlier one
 * tried, the direct pair first, wins.
 */
#define BETTER(x, y) \
	((x).usable != (y).usable ? (x).usable : \
	 (x).inside != (y).inside ? (x).inside : \
	 !(x).inside && (x).fresh > (y).fresh)

/* The leg from a to b: the rows of (a, b), or of (b, a) inverted. */
static bool
best_leg(RateGeneration *gen, ts_currency_key a, ts_currency_key b,
		 DateADT start, DateADT end, const Interval *max_age, Leg *leg)
{
	Leg			inverted;
	bool		have = leg_rows(ts_rate_pair(gen, a, b), false, start, end, max_age, leg);

	if (leg_rows(ts_rate_pair(gen, b, a), true, start, end, max_age, &inverted) &&
		(!have || BETTER(inverted, *leg)))
	{
		*leg = inverted;
		have = true;
	}
	return have;
}

static void
finish_path(Path *path)
{
	path->usable = true;
	path->inside = true;
	path->fresh = DATEVAL_NOEND;
	path->stale_leg = -1;
	for (int i = 0; i < path->nlegs; i++)
	{
		const Leg  *leg = &path->legs[i];

		path->usable &= leg->usable;
		path->inside &= leg->inside;
		path->fresh = Min(path->fresh, leg->fresh);
		if (!leg->usable &&
			(path->stale_leg < 0 ||
			 leg->holds_until < path->legs[path->stale_leg].holds_until))
			path->stale_leg = i;
	}
}

/*
 * How to convert from a to b for the period [start, end] (a day: start =
 * end): the freshest path among the pair (direct or inverted) and the
 * crosses through USD, EUR and CNY; nlegs 0 when there is none at all.
 */
static void
resolve(RateGeneration *gen, ts_currency_key a, ts_currency_key b,
		DateADT start, DateADT end, const Interval *max_age, Path *best)
{
	Path		path;

	memset(best, 0, sizeof(Path));
	if (best_leg(gen, a, b, start, end, max_age, &best->legs[0]))
	{
		best->nlegs = 1;
		finish_path(best);
	}
	for (int k = 0; k < lengthof(cross_codes); k++)
	{
		ts_currency_key x = ts_currency_key_from_code(cross_codes[k]);

		if (x == a || x == b)
			continue;
		memset(&path, 0, sizeof(Path));
		if (!best_leg(gen, a, x, start, end, max_age, &path.legs[0]) ||
			!best_leg(gen, x, b, start, end, max_age, &path.legs[1]))
			continue;
		path.nlegs = 2;
		path.via = x;
		finish_path(&path);
		if (best->nlegs == 0 || BETTER(path, *best))
			*best = path;
	}
}

static int
dateadt_qsort_cmp(const void *x, const void *y)
{
	DateADT		a = *(const DateADT *) x;
	DateADT		b = *(const DateADT *) y;

	return (a > b) - (a < b);
}

/*
 * Append the dates at which a pair's rows start and stop holding (the day
 * after holds_until).
 */
static void
add_dates(const PairRates *pair, const Interval *max_age, DateADT *dates, int *n)
{
	for (int i = 0; i < pair->n; i++)
	{
		DateADT		until = row_holds_until(&pair->points[i], max_age);

		dates[(*n)++] = pair->points[i].from;
		if (until < DATEVAL_NOEND - 1)
			dates[(*n)++] = until + 1;
	}
}

/*
 * Build the timeline of (a, b) under a max age: the resolution can only
 * change at a date where one of the pairs it may use has a row, or where a
 * row stops holding, so resolve at each of those.
 */
static const Timeline *
get_timeline(RateGeneration *gen, ts_currency_key a, ts_currency_key b,
			 const Interval *max_age)
{
	TimelineKey key;
	Timeline   *entry;
	const PairRates *pairs[2 + 4 * lengthof(cross_codes)];
	int			npairs = 0;
	int			ndates = 0;
	int			nseg = 0;
	DateADT    *dates;
	Segment    *segments;
	bool		found;

	memset(&key, 0, sizeof(key));
	key.pair.base = a;
	key.pair.quote = b;
	key.max_age = *max_age;
	entry = hash_search(derived_rates(gen)->timelines, &key, HASH_FIND, NULL);
	if (entry != NULL)
		return entry;

	pairs[npairs++] = ts_rate_pair(gen, a, b);
	pairs[npairs++] = ts_rate_pair(gen, b, a);
	for (int k = 0; k < lengthof(cross_codes); k++)
	{
		ts_currency_key x = ts_currency_key_from_code(cross_codes[k]);

		if (x == a || x == b)
			continue;
		pairs[npairs++] = ts_rate_pair(gen, a, x);
		pairs[npairs++] = ts_rate_pair(gen, x, a);
		pairs[npairs++] = ts_rate_pair(gen, x, b);
		pairs[npairs++] = ts_rate_pair(gen, b, x);
	}
	for (int i = 0; i < npairs; i++)
		ndates += 2 * pairs[i]->n;

	dates = palloc(sizeof(DateADT) * Max(ndates, 1));
	ndates = 0;
	for (int i = 0; i < npairs; i++)
		add_dates(pairs[i], max_age, dates, &ndates);
	qsort(dates, ndates, sizeof(DateADT), dateadt_qsort_cmp);

	segments = MemoryContextAlloc(ts_rate_context(gen), sizeof(Segment) * Max(ndates, 1));
	for (int i = 0; i < ndates; i++)
	{
		Segment		seg;
		Path		path;

		CHECK_FOR_INTERRUPTS();
		if (i > 0 && dates[i] == dates[i - 1])
			continue;
		resolve(gen, a, b, dates[i], dates[i], max_age, &path);
		memset(&seg, 0, sizeof(Segment));
		seg.from = dates[i];
		if (path.usable)
		{
			seg.nsteps = path.nlegs;
			for (int k = 0; k < path.nlegs; k++)
			{
				seg.step[k] = &path.legs[k].pair->points[path.legs[k].last];
				seg.inverse[k] = path.legs[k].inverse;
			}
		}
		else if (path.nlegs > 0)
		{
			const Leg  *leg = &path.legs[path.stale_leg];

			seg.stale = true;
			seg.fresh = path.fresh;
			seg.stale_pair = leg->pair->key;
			seg.stale_from = leg->fresh;
			seg.holds_until = leg->holds_until;
		}
		/* keep only changes */
		if (nseg > 0 &&
			segments[nseg - 1].nsteps == seg.nsteps &&
			segments[nseg - 1].step[0] == seg.step[0] &&
			segments[nseg - 1].step[1] == seg.step[1] &&
			segments[nseg - 1].inverse[0] == seg.inverse[0] &&
			segments[nseg - 1].inverse[1] == seg.inverse[1] &&
			segments[nseg - 1].stale == seg.stale &&
			segments[nseg - 1].fresh == seg.fresh &&
			segments[nseg - 1].stale_pair.base == seg.stale_pair.base &&
			segments[nseg - 1].stale_pair.quote == seg.stale_pair.quote &&
			segments[nseg - 1].stale_from == seg.stale_from &&
			segments[nseg - 1].holds_until == seg.holds_until)
			continue;
		segments[nseg++] = seg;
	}
	pfree(dates);

	entry = hash_search(derived_rates(gen)->timelines, &key, HASH_ENTER, &found);
	entry->n = nseg;
	entry->segments = segments;
	return entry;
}

/* The segment for date d, or NULL before the first one. */
static const Segment *
find_segment(ConvertCall *call, const Timeline *tl, DateADT d)
{
	int			found;

	/* rows in date order stay in the same segment */
	if (call->segment < tl->n)
	{
		int			s = call->segment;

		if (tl->segments[s].from <= d &&
			(s + 1 == tl->n || tl->segments[s + 1].from > d))
			return &tl->segments[s];
	}

	found = ts_search_last_le(tl->segments, tl->n, sizeof(Segment),
							  offsetof(Segment, from), d);
	if (found < 0)
		return NULL;
	call->segment = found;
	return &tl->segments[found];
}

/* Power of ten as numeric. */
static Numeric
pow10_numeric(int e)
{
	return int64_to_numeric(ts_pow10[e]);
}

/* The conversion when intermediates exceed 128 bits: exact numerics. */
static int64
convert_wide(int64 units, const ts_currency *from, const ts_currency *to,
			 const Segment *seg)
{
	Numeric		num = int64_to_numeric(units);
	Numeric		den = pow10_numeric(from->minor_units);

	num = numeric_mul_opt_error(num, pow10_numeric(to->minor_units), NULL);
	for (int i = 0; i < seg->nsteps; i++)
	{
		if (seg->inverse[i])
			den = numeric_mul_opt_error(den, seg->step[i]->value, NULL);
		else
			num = numeric_mul_opt_error(num, seg->step[i]->value, NULL);
	}
	return ts_numeric_ratio_to_units(num, den,
								  ts_currency_key_from_code(to->code),
								  TS_RESULT_CONVERTED_AMOUNT);
}

/* The period kind of a 'per' argument; 22023 for anything else. */
static ts_per
per_arg(text *per)
{
	int			p = ts_parse_per(VARDATA_ANY(per), VARSIZE_ANY_EXHDR(per));

	if (p < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid period for a conversion: \"%s\"", text_to_cstring(per)),
				 errhint("per must be 'day', 'month', 'quarter' or 'year'.")));
	return (ts_per) p;
}

static const char *const per_names[] = {"day", "month", "quarter", "year"};

ts_noreturn static void
report_no_rate(const ts_currency *from, const ts_currency *to, DateADT d)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("no exchange rate from %s to %s on or before %s",
					from->code, to->code, ts_iso_date(d)),
			 errhint("Add a rate of %s/%s (or %s/%s, or of both against USD, EUR or CNY) valid from that date or earlier to trade_stats.exchange_rate.",
					 from->code, to->code, to->code, from->code)));
	pg_unreachable();
}

/*
 * No rate holds for [start, end] (a day: start = end): the freshest path's
 * oldest leg dates from 'fresh'; its rate of 'pair' dated 'from' holds
 * only until 'until'.  The age is counted at the end of the period.
 */
ts_noreturn static void
report_stale(const ts_currency *from, const ts_currency *to, ts_per per,
			 DateADT date, DateADT start, DateADT end, DateADT fresh,
			 PairKey pair, DateADT from_date, DateADT until)
{
	int			age = end - fresh;

	if (per == TS_PER_DAY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg_plural("no exchange rate from %s to %s holds on %s: the freshest is %d day old",
							   "no exchange rate from %s to %s holds on %s: the freshest is %d days old",
							   age, from->code, to->code, ts_iso_date(end), age),
				 errdetail("The rate of %s/%s dated %s holds until %s.",
						   ts_currency_code(pair.base), ts_currency_code(pair.quote),
						   ts_iso_date(from_date), ts_iso_date(until)),
				 errhint("trade_stats.rate_used('%s', '%s', '%s') shows the rates found. Load newer rates, give annual or monthly rates a valid_until, or raise trade_stats.max_rate_age (now %s).",
						 from->code, to->code, ts_iso_date(date), max_rate_age_text)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg_plural("no exchange rate from %s to %s holds from %s to %s: the freshest is %d day old",
						   "no exchange rate from %s to %s holds from %s to %s: the freshest is %d days old",
						   age, from->code, to->code, ts_iso_date(start), ts_iso_date(end), age),
			 errdetail("The rate of %s/%s dated %s holds until %s.",
					   ts_currency_code(pair.base), ts_currency_code(pair.quote),
					   ts_iso_date(from_date), ts_iso_date(until)),
			 errhint("trade_stats.rate_used('%s', '%s', '%s', '%s') shows the rates found. Load newer rates, give annual or monthly rates a valid_until, or raise trade_stats.max_rate_age (now %s).",
					 from->code, to->code, ts_iso_date(date), per_names[per],
					 max_rate_age_text)));
	pg_unreachable();
}

/*
 * A path's rate as an exact fraction num/den of numerics: each leg's
 * average, the sum of its rows over their count, inverted for an inverted
 * leg; the legs multiplied.  Palloc'd in the current context.
 */
static void
path_fraction(const Path *path, Numeric *num, Numeric *den)
{
	*num = int64_to_numeric(1);
	*den = int64_to_numeric(1);
	for (int i = 0; i < path->nlegs; i++)
	{
		const Leg  *leg = &path->legs[i];
		Numeric		sum = leg->pair->points[leg->first].value;
		Numeric		count = int64_to_numeric(leg->last - leg->first + 1);

		for (int k = leg->first + 1; k <= leg->last; k++)
		{
			CHECK_FOR_INTERRUPTS();
			sum = numeric_add_opt_error(sum, leg->pair->points[k].value, NULL);
		}
		*num = numeric_mul_opt_error(*num, leg->inverse ? count : sum, NULL);
		*den = numeric_mul_opt_error(*den, leg->inverse ? sum : count, NULL);
	}
}

/* A numeric copied into a memory context. */
static Numeric
numeric_copy_to(MemoryContext cxt, Numeric n)
{
	Numeric		copy = MemoryContextAlloc(cxt, VARSIZE(n));

	memcpy(copy, n, VARSIZE(n));
	return copy;
}

/*
 * The conversion of (a, b) for the period of kind 'per' containing d, made
 * once per statement's rates and max age.
 */
static const PeriodRate *
get_period_rate(RateGeneration *gen, const ts_currency *from,
				const ts_currency *to, ts_per per, DateADT d)
{
	PeriodKey	key;
	PeriodRate *entry;
	PeriodRate	made;
	DateADT		start,
				end;
	bool		found;

	ts_period_bounds(d, per, &start, &end);
	memset(&key, 0, sizeof(key));
	key.pair.base = ts_currency_key_from_code(from->code);
	key.pair.quote = ts_currency_key_from_code(to->code);
	key.per = per;
	key.start = start;
	key.max_age = max_rate_age;
	entry = hash_search(derived_rates(gen)->periods, &key, HASH_FIND, NULL);
	if (entry != NULL)
		return entry;

	memset(&made, 0, sizeof(made));
	made.end = end;
	resolve(gen, key.pair.base, key.pair.quote, start, end, &max_rate_age,
			&made.path);
	if (made.path.usable)
	{
		Numeric		num,
					den;
		ts_int128	nm,
					dm;
		int			ns,
					ds;

		path_fraction(&made.path, &num, &den);
		made.fits = ts_numeric_to_int128(num, INT_MAX, &nm, &ns) &&
			ts_numeric_to_int128(den, INT_MAX, &dm, &ds) &&
			ts_ratio_make(nm, ns, dm, ds, from->minor_units, to->minor_units,
						  &made.ratio);
		made.num = numeric_copy_to(ts_rate_context(gen),
								   numeric_mul_opt_error(num, pow10_numeric(to->minor_units), NULL));
		made.den = numeric_copy_to(ts_rate_context(gen),
								   numeric_mul_opt_error(den, pow10_numeric(from->minor_units), NULL));
	}

	/* enter only when complete */
	entry = hash_search(derived_rates(gen)->periods, &key, HASH_ENTER, &found);
	made.key = entry->key;
	*entry = made;
	return entry;
}

/* The call's state for converting a to to_key. */
static void
set_pair(ConvertCall *call, ts_currency_key from_key, ts_currency_key to_key)
{
	if (call->from != NULL && call->pair.base == from_key &&
		call->pair.quote == to_key)
		return;
	call->from = ts_amount_currency(from_key);
	call->to = ts_amount_currency(to_key);
	call->pair.base = from_key;
	call->pair.quote = to_key;
	forget_rates(call);
}

/* The call's rates are for the current trade_stats.max_rate_age. */
static inline void
check_max_age(ConvertCall *call)
{
	if (call->max_age_serial != max_age_serial)
	{
		forget_rates(call);
		call->max_age_serial = max_age_serial;
	}
}

static void
check_finite(const ConvertCall *call, DateADT d)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert %s to %s on an infinite date",
						call->from->code, call->to->code)));
}

/* Minor units of a converted at the day rate of d. */
static int64
convert_day(ConvertCall *call, int64 units, DateADT d)
{
	const Segment *seg;
	ts_rate		rates[2];
	int64		result;

	check_max_age(call);
	if (call->timeline == NULL)
	{
		call->timeline = get_timeline(call->rates.gen, call->pair.base, call->pair.quote,
									  &max_rate_age);
		call->segment = 0;
	}
	check_finite(call, d);
	seg = find_segment(call, call->timeline, d);
	if (seg != NULL && seg->stale)
		report_stale(call->from, call->to, TS_PER_DAY, d, d, d, seg->fresh,
					 seg->stale_pair, seg->stale_from, seg->holds_until);
	if (seg == NULL || seg->nsteps == 0)
		report_no_rate(call->from, call->to, d);

	for (int i = 0; i < seg->nsteps; i++)
	{
		if (!seg->step[i]->fits)
			return convert_wide(units, call->from, call->to, seg);
		rates[i] = seg->step[i]->rate;
	}
	switch (ts_convert_units(units, call->from->minor_units, call->to->minor_units,
							 rates, seg->inverse, seg->nsteps, &result))
	{
		case TS_CONV_OK:
			break;
		case TS_CONV_WIDE:
			result = convert_wide(units, call->from, call->to, seg);
			break;
		case TS_CONV_RANGE:
			ts_amount_out_of_range(TS_RESULT_CONVERTED_AMOUNT, call->pair.quote);
	}
	return result;
}

/* Minor units of a converted at the average rate of d's period. */
static int64
convert_period(ConvertCall *call, int64 units, DateADT d, ts_per per)
{
	const PeriodRate *pr;
	int64		result;

	check_finite(call, d);
	check_max_age(call);
	pr = call->period;
	if (pr == NULL || pr->key.per != (int32) per || d < pr->key.start ||
		d > pr->end)
	{
		PeriodSlot *slot;

		if (call->slots == NULL)
			call->slots = MemoryContextAllocZero(call->rates.cxt,
												 sizeof(PeriodSlot) * PERIOD_SLOTS);
		slot = &call->slots[(uint32) d % PERIOD_SLOTS];
		if (slot->rate != NULL && slot->d == d && slot->per == (int32) per)
			pr = slot->rate;
		else
		{
			pr = get_period_rate(call->rates.gen, call->from, call->to, per, d);
			slot->d = d;
			slot->per = per;
			slot->rate = pr;
		}
		call->period = pr;
	}
	if (pr->path.nlegs == 0)
		report_no_rate(call->from, call->to, pr->end);
	if (!pr->path.usable)
	{
		const Leg  *leg = &pr->path.legs[pr->path.stale_leg];

		report_stale(call->from, call->to, per, d, pr->key.start, pr->end,
					 pr->path.fresh, leg->pair->key, leg->fresh, leg->holds_until);
	}
	if (pr->fits)
	{
		switch (ts_convert_ratio(units, &pr->ratio, &result))
		{
			case TS_CONV_OK:
				return result;
			case TS_CONV_WIDE:
				break;
			case TS_CONV_RANGE:
				ts_amount_out_of_range(TS_RESULT_CONVERTED_AMOUNT, call->pair.quote);
		}
		/* units * num exceeds 128 bits: the numerics */
	}
	return ts_numeric_ratio_to_units(numeric_mul_opt_error(int64_to_numeric(units),
														   pr->num, NULL),
									 pr->den, call->pair.quote, TS_RESULT_CONVERTED_AMOUNT);
}

static Datum
convert_amount(FunctionCallInfo fcinfo, CurrencyAmount *a,
			   ts_currency_key to_key, DateADT d, ts_per per)
{
	ConvertCall *call;
	int64		units;

	if (a->currency == to_key)
		PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(a->units, a->currency));

	call = get_call(fcinfo);
	set_pair(call, a->currency, to_key);
	if (per == TS_PER_DAY)
		units = convert_day(call, a->units, d);
	else
		units = convert_period(call, a->units, d, per);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, to_key));
}

PG_FUNCTION_INFO_V1(currency_amount_convert);
Datum
currency_amount_convert(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	const ts_currency *to = ts_lookup_currency_text(PG_GETARG_TEXT_PP(1));

	return convert_amount(fcinfo, a, ts_currency_key_from_code(to->code),
						  PG_GETARG_DATEADT(2), TS_PER_DAY);
}

PG_FUNCTION_INFO_V1(currency_amount_to_usd);
Datum
currency_amount_to_usd(PG_FUNCTION_ARGS)
{
	return convert_amount(fcinfo, PG_GETARG_CURRENCY_AMOUNT_P(0),
						  ts_currency_key_from_code("USD"), PG_GETARG_DATEADT(1),
						  TS_PER_DAY);
}

PG_FUNCTION_INFO_V1(currency_amount_to_cny);
Datum
currency_amount_to_cny(PG_FUNCTION_ARGS)
{
	return convert_amount(fcinfo, PG_GETARG_CURRENCY_AMOUNT_P(0),
						  ts_currency_key_from_code("CNY"), PG_GETARG_DATEADT(1),
						  TS_PER_DAY);
}

PG_FUNCTION_INFO_V1(currency_amount_convert_per);
Datum
currency_amount_convert_per(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	const ts_currency *to = ts_lookup_currency_text(PG_GETARG_TEXT_PP(1));

	return convert_amount(fcinfo, a, ts_currency_key_from_code(to->code),
						  PG_GETARG_DATEADT(2), per_arg(PG_GETARG_TEXT_PP(3)));
}

PG_FUNCTION_INFO_V1(currency_amount_to_usd_per);
Datum
currency_amount_to_usd_per(PG_FUNCTION_ARGS)
{
	return convert_amount(fcinfo, PG_GETARG_CURRENCY_AMOUNT_P(0),
						  ts_currency_key_from_code("USD"), PG_GETARG_DATEADT(1),
						  per_arg(PG_GETARG_TEXT_PP(2)));
}

PG_FUNCTION_INFO_V1(currency_amount_to_cny_per);
Datum
currency_amount_to_cny_per(PG_FUNCTION_ARGS)
{
	return convert_amount(fcinfo, PG_GETARG_CURRENCY_AMOUNT_P(0),
						  ts_currency_key_from_code("CNY"), PG_GETARG_DATEADT(1),
						  per_arg(PG_GETARG_TEXT_PP(2)));
}

/*
 * A summary's sum of one period in the target currency: at that period's
 * rate, rounded once.  Sums beyond the int64 range of minor units are out
 * of range, as a currency_amount would be.
 */
static ts_int128
convert_sum(ConvertCall *call, ts_int128 sum, DateADT period, ts_per per)
{
	int64		units;

	if (!ts_int128_to_int64(sum, &units))
		ts_amount_out_of_range(TS_RESULT_CONVERTED_SUM, call->pair.base);
	if (units == 0)
		return 0;
	if (per == TS_PER_DAY)
		return convert_day(call, units, period);
	return convert_period(call, units, period, per);
}

/*
 * convert(s growth_state, to_currency, per) and to_usd/to_cny(s, per): a
 * summary of currency_amount values by period, each period's sums (all
 * rows, and the part) converted at the rate of the day, month, quarter or
 * year containing the period, each rounded once.  Counts, flags and as_of
 * stay; a summary already in to_currency, or without any amount yet, comes
 * back as it is.
 */
static Datum
convert_state(FunctionCallInfo fcinfo, const ts_growth_state *s,
			  ts_currency_key to_key, ts_per per)
{
	ts_growth_state *out;
	ConvertCall *call;

	if (s->kind != TS_VAL_AMOUNT || !(s->flags & TS_GS_PERIODS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("convert needs a growth_state of currency_amount values by period"),
				 errhint("Only a summary of amounts with a period column can be converted at each period's rate.")));
	out = ts_gs_new_working(Max(s->nentries, 1), TS_VAL_AMOUNT, s->flags);
	out->as_of = s->as_of;
	out->year_start = s->year_start;
	out->currency = s->currency;
	out->scale = s->scale;
	out->nentries = s->nentries;
	memcpy(out->entries, s->entries, sizeof(ts_growth_entry) * s->nentries);
	if (s->currency == TS_NO_CURRENCY || s->currency == to_key)
		return ts_gs_result(fcinfo, out);

	call = get_call(fcinfo);
	set_pair(call, s->currency, to_key);
	for (int i = 0; i < s->nentries; i++)
	{
		ts_growth_entry *e = &out->entries[i];

		CHECK_FOR_INTERRUPTS();
		e->total = convert_sum(call, e->total, e->period, per);
		e->part = convert_sum(call, e->part, e->period, per);
	}
	out->currency = to_key;
	out->scale = call->to->minor_units;
	return ts_gs_result(fcinfo, out);
}

PG_FUNCTION_INFO_V1(growth_state_convert);
Datum
growth_state_convert(PG_FUNCTION_ARGS)
{
	const ts_growth_state *s = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_currency *to = ts_lookup_currency_text(PG_GETARG_TEXT_PP(1));

	return convert_state(fcinfo, s, ts_currency_key_from_code(to->code),
						 per_arg(PG_GETARG_TEXT_PP(2)));
}

PG_FUNCTION_INFO_V1(growth_state_to_usd);
Datum
growth_state_to_usd(PG_FUNCTION_ARGS)
{
	return convert_state(fcinfo, ts_gs_read(PG_GETARG_DATUM(0)),
						 ts_currency_key_from_code("USD"),
						 per_arg(PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(growth_state_to_cny);
Datum
growth_state_to_cny(PG_FUNCTION_ARGS)
{
	return convert_state(fcinfo, ts_gs_read(PG_GETARG_DATUM(0)),
						 ts_currency_key_from_code("CNY"),
						 per_arg(PG_GETARG_TEXT_PP(1)));
}

/*
 * rate_used(from_currency, to_currency, period, per): the rates a
 * conversion for that day or period would use, one row per leg of the
 * path: the path, the stored pair and whether it is inverted, the rows
 * averaged (their dates, count and sum), the date the newest holds until,
 * whether the path holds, and the path's rate: exactly, as numerator and
 * denominator, and as numeric division gives it.  No
 * rows when there is no rate at all, or the currencies are the same.
 */
PG_FUNCTION_INFO_V1(trade_stats_rate_used);
Datum
trade_stats_rate_used(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ts_currency *from = ts_lookup_currency_text(PG_GETARG_TEXT_PP(0));
	const ts_currency *to = ts_lookup_currency_text(PG_GETARG_TEXT_PP(1));
	DateADT		d = PG_GETARG_DATEADT(2);
	ts_per		per = per_arg(PG_GETARG_TEXT_PP(3));
	ts_currency_key from_key = ts_currency_key_from_code(from->code);
	ts_currency_key to_key = ts_currency_key_from_code(to->code);
	ConvertCall *call;
	DateADT		start,
				end;
	Path		path;
	Numeric		num,
				den;

	InitMaterializedSRF(fcinfo, 0);
	if (from_key == to_key)
		return (Datum) 0;
	call = get_call(fcinfo);
	set_pair(call, from_key, to_key);
	check_finite(call, d);
	ts_period_bounds(d, per, &start, &end);
	resolve(call->rates.gen, from_key, to_key, start, end, &max_rate_age, &path);
	if (path.nlegs == 0)
		return (Datum) 0;
	path_fraction(&path, &num, &den);
	for (int i = 0; i < path.nlegs; i++)
	{
		const Leg  *leg = &path.legs[i];
		Datum		values[13];
		bool		nulls[13] = {false};
		Numeric		sum = leg->pair->points[leg->first].value;
		char		via[16];

		for (int k = leg->first + 1; k <= leg->last; k++)
		{
			CHECK_FOR_INTERRUPTS();
			sum = numeric_add_opt_error(sum, leg->pair->points[k].value, NULL);
		}
		snprintf(via, sizeof(via), "via %s", ts_currency_code(path.via));
		values[0] = CStringGetTextDatum(path.nlegs == 2 ? via :
										leg->inverse ? "inverse" : "direct");
		values[1] = Int32GetDatum(i + 1);
		values[2] = CStringGetTextDatum(psprintf("%s/%s",
												 ts_currency_code(leg->pair->key.base),
												 ts_currency_code(leg->pair->key.quote)));
		values[3] = BoolGetDatum(leg->inverse);
		values[4] = DateADTGetDatum(leg->pair->points[leg->first].from);
		values[5] = DateADTGetDatum(leg->pair->points[leg->last].from);
		values[6] = Int32GetDatum(leg->last - leg->first + 1);
		values[7] = NumericGetDatum(sum);
		values[8] = DateADTGetDatum(leg->holds_until);
		values[9] = BoolGetDatum(path.usable);
		values[10] = NumericGetDatum(num);
		values[11] = NumericGetDatum(den);
		values[12] = DirectFunctionCall2(numeric_div, NumericGetDatum(num),
										 NumericGetDatum(den));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
