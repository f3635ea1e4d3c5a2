/*-------------------------------------------------------------------------
 *
 * rate_cache.h
 *	  The backend-local cache of trade_stats.exchange_rate (rate_cache.c),
 *	  beneath conversion (convert.c).
 *
 * Include after postgres.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RATE_CACHE_H
#define RATE_CACHE_H

#include "utils/date.h"
#include "utils/numeric.h"

#include "trade_stats.h"

/*
 * One row of exchange_rate for one pair: from 'from' on, 'rate'; with a
 * valid_until ('declared'), never after 'until', else never after the age
 * trade_stats.max_rate_age allows.
 */
typedef struct RatePoint
{
	DateADT		from;
	DateADT		until;			/* valid_until, when declared */
	bool		declared;
	bool		fits;			/* rate holds the value exactly */
	ts_rate		rate;
	Numeric		value;			/* the numeric, for the wide fallback */
} RatePoint;

typedef struct PairKey
{
	uint16		base;
	uint16		quote;
} PairKey;

/* The rows of one (base, quote) pair, by date.  A hash table entry. */
typedef struct PairRates
{
	PairKey		key;
	int			n;
	RatePoint  *points;
} PairRates;

/* The rates a statement sees: a generation of the cache (opaque). */
typedef struct RateGeneration RateGeneration;

/*
 * A call site's hold on a generation, kept in its fn_extra (the first
 * member of the caller's own state).  It usually lives for one statement,
 * but not always (PL/pgSQL keeps simple expressions for a whole
 * transaction), so it keeps a copy of the snapshot it read the versions
 * with, and reads them again when the active snapshot differs.  Snapshots
 * with the same contents see the same rows.
 */
typedef struct RateCall
{
	RateGeneration *gen;		/* holds a reference, or NULL */
	Oid			userid;			/* the role gen was chosen for */
	MemoryContextCallback release;
	MemoryContext cxt;			/* fn_mcxt */
	/* the snapshot gen was chosen under */
	TransactionId xmin;
	TransactionId xmax;
	CommandId	curcid;
	uint32		xcnt;
	int32		subxcnt;
	bool		suboverflowed;
	TransactionId *xip;			/* xcnt, then subxcnt entries */
	int			xip_space;
} RateCall;

/* Set up a zeroed RateCall living in cxt (fn_mcxt). */
extern void ts_rate_call_init(RateCall *call, MemoryContext cxt);

/*
 * Make call->gen the generation of rates the active snapshot and the
 * current role see; true when it is another one than before.
 */
extern bool ts_rate_call_refresh(RateCall *call);

/* The rows of a pair in a generation, by date (loaded on first use). */
extern const PairRates *ts_rate_pair(RateGeneration *gen, ts_currency_key base,
									 ts_currency_key quote);

/*
 * A generation's memory context, and one pointer for what its user derives
 * from its rates (kept and freed with it).
 */
extern MemoryContext ts_rate_context(RateGeneration *gen);
extern void **ts_rate_derived(RateGeneration *gen);

#endif							/* RATE_CACHE_H */
