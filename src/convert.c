/*-------------------------------------------------------------------------
 *
 * convert.c
 *	  convert(), to_usd(), to_cny(): currency conversion through the rates
 *	  in trade_stats.exchange_rate, and the backend-local rate cache.
 *
 * The cache must never serve a rate the statement's snapshot does not see.
 * Plain INSERT/UPDATE/DELETE send no invalidation, so the extension keeps
 * versions: statement triggers on exchange_rate set the row of each changed
 * pair in trade_stats.rate_version to a fresh sequence value (one row per
 * pair, so that writers of different pairs do not wait for each other).
 * Each statement (each call site's fn_extra) reads those rows once, with
 * its own snapshot, and uses the cache generation built for exactly those
 * versions: an uncommitted change of another session, or a rolled-back one,
 * is invisible and so is its version; a change earlier in our own
 * transaction is visible and so is its new version.  Sequence values are
 * never reused, and the key includes the version table's OID, so a dropped
 * and re-created extension starts afresh.
 *
 * A generation holds, per currency pair asked for, a timeline: the dates at
 * which the rate to use changes, each with its chain of one or two rates
 * (direct, inverted, or crossed through USD, EUR or CNY).  Per row that is
 * one binary search, or none when rows come in date order.
 *
 * A call site normally lives for one statement, but PL/pgSQL keeps simple
 * expressions for a whole transaction; so each call site compares the
 * active snapshot with the one it read the version under, and reads the
 * version again when it differs.
 *
 * Generations are reference-counted by the call sites using them (a cursor
 * may outlive newer statements) and freed when unused and no longer current.
 *
 * The rates a role may read are the rates it is served: each statement
 * checks that the current role may SELECT from exchange_rate, and when
 * row-level security applies to the role, the generation belongs to that
 * role alone.
 *
 * Global state: current_generation and the two kept SPI plans.  Both are
 * caches, rebuilt on demand.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "trade_stats.h"

/* One row of exchange_rate for one pair: from 'from' on, 'rate'. */
typedef struct RatePoint
{
	DateADT		from;
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

/* From 'from' on (until the next segment), convert through these rates. */
typedef struct Segment
{
	DateADT		from;
	int			nsteps;			/* 0: no rate applies */
	const RatePoint *step[2];
	bool		inverse[2];
} Segment;

/* How to convert one pair on any date.  A hash table entry. */
typedef struct Timeline
{
	PairKey		key;
	int			n;
	Segment    *segments;
} Timeline;

/* One row of rate_version: a pair's version (empty codes: the table's). */
typedef struct RateVersion
{
	int64		version;
	char		base[4];
	char		quote[4];
} RateVersion;

/*
 * A version trigger of exchange_rate as pg_trigger has it.  Disabling or
 * enabling a trigger rewrites its row, so the row's xmin changes.
 */
typedef struct TriggerState
{
	Oid			oid;
	TransactionId xmin;
	char		enabled;
} TriggerState;

/* The triggers that keep rate_version, by name (pg_trigger's index order). */
static const char *const version_triggers[] = {
	"exchange_rate_deleted", "exchange_rate_inserted", "exchange_rate_replicated",
	"exchange_rate_truncated", "exchange_rate_updated"
};
#define NUM_VERSION_TRIGGERS lengthof(version_triggers)

typedef struct RateGeneration
{
	TriggerState triggers[NUM_VERSION_TRIGGERS];
	int			nversions;
	RateVersion *versions;		/* rate_version's rows, by pair */
	Oid			version_table;
	Oid			rls_user;		/* the role it was read as, when row-level
								 * security applied; else InvalidOid */
	MemoryContext cxt;			/* holds this struct and everything below */
	HTAB	   *pairs;			/* PairKey -> PairRates */
	HTAB	   *timelines;		/* PairKey -> Timeline */
	int			refcount;		/* statements using it */
} RateGeneration;

/*
 * Per call site: fn_extra.  It usually lives for one statement, but not
 * always (PL/pgSQL keeps simple expressions for a whole transaction), so it
 * keeps a copy of the snapshot it read the version with, and reads it again
 * when the active snapshot differs.  Snapshots with the same contents see
 * the same rows.
 */
typedef struct ConvertCall
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
	/* last used: the pair, its currencies, its timeline and segment */
	PairKey		pair;
	const ts_currency *from;
	const ts_currency *to;
	const Timeline *timeline;
	int			segment;
} ConvertCall;

static RateGeneration *current_generation = NULL;
static SPIPlanPtr version_plan = NULL;
static SPIPlanPtr pair_plan = NULL;

/* Intermediate currencies of a cross rate, in order of preference. */
static const char *const cross_codes[] = {"USD", "EUR", "CNY"};

static void
free_generation(RateGeneration *gen)
{
	MemoryContextDelete(gen->cxt);
}

static void
drop_reference(RateGeneration *gen)
{
	gen->refcount--;
	if (gen->refcount == 0 && gen != current_generation)
		free_generation(gen);
}

/* fn_mcxt is going away: let go of the generation. */
static void
release_call(void *arg)
{
	ConvertCall *call = (ConvertCall *) arg;

	if (call->gen != NULL)
		drop_reference(call->gen);
	call->gen = NULL;
}

static SPIPlanPtr
keep_plan(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed for \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "SPI_keepplan failed");
	return plan;
}

/*
 * The rate versions the current snapshot sees, by pair, palloc'd in the
 * caller's context.
 */
static RateVersion *
read_versions(int *n, Oid *table)
{
	MemoryContext caller = CurrentMemoryContext;
	RateVersion *versions;
	bool		isnull;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (version_plan == NULL)
		version_plan = keep_plan("SELECT version, base::text, quote::text, tableoid"
								 " FROM trade_stats.rate_version ORDER BY base, quote",
								 0, NULL);
	if (SPI_execute_plan(version_plan, NULL, NULL, true, 0) != SPI_OK_SELECT ||
		SPI_processed < 1)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("trade_stats.rate_version has no rows"),
				 errhint("Re-create the extension trade_stats.")));
	*n = (int) SPI_processed;
	versions = MemoryContextAllocZero(caller, sizeof(RateVersion) * *n);
	for (int i = 0; i < *n; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;

		versions[i].version = DatumGetInt64(SPI_getbinval(tuple, desc, 1, &isnull));
		strlcpy(versions[i].base, TextDatumGetCString(SPI_getbinval(tuple, desc, 2, &isnull)),
				sizeof(versions[i].base));
		strlcpy(versions[i].quote, TextDatumGetCString(SPI_getbinval(tuple, desc, 3, &isnull)),
				sizeof(versions[i].quote));
	}
	*table = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0],
											SPI_tuptable->tupdesc, 4, &isnull));
	SPI_finish();
	return versions;
}

/* Is snap the snapshot the call's generation was chosen under? */
static bool
same_snapshot(const ConvertCall *call, Snapshot snap)
{
	return call->gen != NULL &&
		snap->xmin == call->xmin && snap->xmax == call->xmax &&
		snap->curcid == call->curcid && snap->xcnt == call->xcnt &&
		snap->subxcnt == call->subxcnt &&
		snap->suboverflowed == call->suboverflowed &&
		memcmp(snap->xip, call->xip, sizeof(TransactionId) * snap->xcnt) == 0 &&
		(snap->subxcnt <= 0 ||
		 memcmp(snap->subxip, call->xip + snap->xcnt,
				sizeof(TransactionId) * snap->subxcnt) == 0);
}

static void
remember_snapshot(ConvertCall *call, Snapshot snap)
{
	int			needed = (int) snap->xcnt + Max(snap->subxcnt, 0);

	if (needed > call->xip_space)
	{
		if (call->xip)
			pfree(call->xip);
		call->xip = MemoryContextAlloc(call->cxt,
									   sizeof(TransactionId) * Max(needed, 1));
		call->xip_space = needed;
	}
	call->xmin = snap->xmin;
	call->xmax = snap->xmax;
	call->curcid = snap->curcid;
	call->xcnt = snap->xcnt;
	call->subxcnt = snap->subxcnt;
	call->suboverflowed = snap->suboverflowed;
	if (snap->xcnt > 0)
		memcpy(call->xip, snap->xip, sizeof(TransactionId) * snap->xcnt);
	if (snap->subxcnt > 0)
		memcpy(call->xip + snap->xcnt, snap->subxip,
			   sizeof(TransactionId) * snap->subxcnt);
}

/*
 * The state of exchange_rate's version triggers, into 'states' (by name).
 * True when all of them exist and fire ALWAYS: then every change of the
 * rates moves a version, and cached rates may be reused.  Otherwise (a
 * trigger disabled, as ALTER TABLE ... DISABLE TRIGGER and a data-only
 * restore with --disable-triggers do) changes may pass without one, and a
 * statement reads the rates afresh.  Re-enabling rewrites the triggers'
 * rows, so the states differ from those any earlier generation was made
 * under, and no such generation is reused.
 */
static bool
read_trigger_states(Oid relid, TriggerState *states)
{
	Relation	rel = table_open(TriggerRelationId, AccessShareLock);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tuple;
	bool		trusted = true;
	int			found = 0;

	memset(states, 0, sizeof(TriggerState) * NUM_VERSION_TRIGGERS);
	ScanKeyInit(&key, Anum_pg_trigger_tgrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	scan = systable_beginscan(rel, TriggerRelidNameIndexId, true, NULL, 1, &key);
	while (HeapTupleIsValid(tuple = systable_getnext(scan)))
	{
		Form_pg_trigger trigger = (Form_pg_trigger) GETSTRUCT(tuple);

		for (int i = 0; i < (int) NUM_VERSION_TRIGGERS; i++)
			if (strcmp(NameStr(trigger->tgname), version_triggers[i]) == 0)
			{
				states[i].oid = trigger->oid;
				states[i].xmin = HeapTupleHeaderGetXmin(tuple->t_data);
				states[i].enabled = trigger->tgenabled;
				found++;
				if (trigger->tgenabled != TRIGGER_FIRES_ALWAYS)
					trusted = false;
			}
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return trusted && found == (int) NUM_VERSION_TRIGGERS;
}

/*
 * May the current role read the rates?  As a query of exchange_rate would
 * ask: SELECT on the table (or on every column), else 42501.  Returns the
 * role when row-level security applies to it (each such role has rates of
 * its own), else InvalidOid.
 */
static Oid
check_rate_access(Oid userid, Oid *rate_table)
{
	Oid			nsp = get_namespace_oid("trade_stats", false);
	Oid			relid = get_relname_relid("exchange_rate", nsp);

	*rate_table = relid;
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"trade_stats.exchange_rate\" does not exist")));
	if (pg_class_aclcheck(relid, userid, ACL_SELECT) != ACLCHECK_OK &&
		pg_attribute_aclcheck_all(relid, userid, ACL_SELECT, ACLMASK_ALL) != ACLCHECK_OK)
		aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_TABLE, "exchange_rate");
	return check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED ? userid : InvalidOid;
}

/*
 * The current generation for these versions of the rates (and this role,
 * under row-level security, and this state of the version triggers), made
 * if needed.  With 'trusted' false (a version trigger not firing ALWAYS) a
 * generation of its own, never reused.
 */
static RateGeneration *
generation_for(const RateVersion *versions, int n, Oid table, Oid rls_user,
			   const TriggerState *triggers, bool trusted)
{
	MemoryContext cxt;
	RateGeneration *gen;
	HASHCTL		ctl;

	if (trusted && current_generation != NULL &&
		current_generation->nversions == n &&
		memcmp(current_generation->versions, versions, sizeof(RateVersion) * n) == 0 &&
		memcmp(current_generation->triggers, triggers, sizeof(current_generation->triggers)) == 0 &&
		current_generation->version_table == table &&
		current_generation->rls_user == rls_user)
		return current_generation;

	cxt = AllocSetContextCreate(TopMemoryContext, "trade_stats rate cache",
								ALLOCSET_DEFAULT_SIZES);
	gen = MemoryContextAllocZero(cxt, sizeof(RateGeneration));
	gen->nversions = n;
	gen->versions = MemoryContextAlloc(cxt, sizeof(RateVersion) * n);
	memcpy(gen->versions, versions, sizeof(RateVersion) * n);
	gen->version_table = table;
	gen->rls_user = rls_user;
	memcpy(gen->triggers, triggers, sizeof(gen->triggers));
	gen->cxt = cxt;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(PairKey);
	ctl.entrysize = sizeof(PairRates);
	ctl.hcxt = cxt;
	gen->pairs = hash_create("trade_stats rate pairs", 64, &ctl,
							 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	ctl.entrysize = sizeof(Timeline);
	gen->timelines = hash_create("trade_stats rate timelines", 16, &ctl,
								 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);

	if (!trusted)
		return gen;				/* freed when its last call site lets go */
	if (current_generation != NULL && current_generation->refcount == 0)
		free_generation(current_generation);
	current_generation = gen;
	return gen;
}

/*
 * The call site's state, with the generation of rates that the active
 * snapshot sees.
 */
static ConvertCall *
get_call(FunctionCallInfo fcinfo)
{
	ConvertCall *call = (ConvertCall *) fcinfo->flinfo->fn_extra;
	Snapshot	snap;
	RateGeneration *gen;
	RateVersion *versions;
	int			nversions;
	Oid			table;
	Oid			userid = GetUserId();
	Oid			rls_user;
	Oid			rate_table;
	TriggerState triggers[NUM_VERSION_TRIGGERS];
	bool		trusted;

	if (call == NULL)
	{
		call = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									  sizeof(ConvertCall));
		call->cxt = fcinfo->flinfo->fn_mcxt;
		call->release.func = release_call;
		call->release.arg = call;
		MemoryContextRegisterResetCallback(call->cxt, &call->release);
		fcinfo->flinfo->fn_extra = call;
	}

	if (!ActiveSnapshotSet())
		elog(ERROR, "convert() needs an active snapshot");
	snap = GetActiveSnapshot();
	if (same_snapshot(call, snap) && call->userid == userid)
		return call;

	/* the role may have changed (SET ROLE, SECURITY DEFINER, a pool) */
	rls_user = check_rate_access(userid, &rate_table);
	trusted = read_trigger_states(rate_table, triggers);
	versions = read_versions(&nversions, &table);
	gen = generation_for(versions, nversions, table, rls_user, triggers, trusted);
	pfree(versions);
	gen->refcount++;
	if (call->gen != NULL)
		drop_reference(call->gen);
	call->gen = gen;
	call->userid = userid;
	call->timeline = NULL;
	remember_snapshot(call, snap);
	return call;
}

/* Load the rows of one pair into the generation (empty if none). */
static const PairRates *
get_pair(RateGeneration *gen, ts_currency_key base, ts_currency_key quote)
{
	PairKey		key = {base, quote};
	PairRates  *entry;
	RatePoint  *points = NULL;
	int			n;
	bool		found;
	Oid			argtypes[2] = {BPCHAROID, BPCHAROID};
	Datum		args[2];

	entry = hash_search(gen->pairs, &key, HASH_FIND, NULL);
	if (entry != NULL)
		return entry;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (pair_plan == NULL)
		pair_plan = keep_plan("SELECT valid_from, rate FROM trade_stats.exchange_rate"
							  " WHERE base OPERATOR(pg_catalog.=) $1"
							  " AND quote OPERATOR(pg_catalog.=) $2"
							  " ORDER BY valid_from",
							  2, argtypes);
	args[0] = PointerGetDatum(cstring_to_text(ts_currency_code(base)));
	args[1] = PointerGetDatum(cstring_to_text(ts_currency_code(quote)));
	if (SPI_execute_plan(pair_plan, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading trade_stats.exchange_rate failed");

	n = (int) SPI_processed;
	if (n > 0)
		points = MemoryContextAlloc(gen->cxt, sizeof(RatePoint) * n);
	for (int i = 0; i < n; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		Numeric		value;
		char	   *text;

		CHECK_FOR_INTERRUPTS();
		points[i].from = DatumGetDateADT(SPI_getbinval(tuple, desc, 1, &isnull));
		value = DatumGetNumeric(SPI_getbinval(tuple, desc, 2, &isnull));
		points[i].value = (Numeric) MemoryContextAlloc(gen->cxt, VARSIZE(value));
		memcpy(points[i].value, value, VARSIZE(value));
		text = DatumGetCString(DirectFunctionCall1(numeric_out,
												   NumericGetDatum(value)));
		points[i].fits = ts_parse_rate(text, strlen(text), &points[i].rate);
		pfree(text);
	}
	SPI_finish();

	/* enter only when complete, so an error leaves no half-made entry */
	entry = hash_search(gen->pairs, &key, HASH_ENTER, &found);
	entry->n = n;
	entry->points = points;
	return entry;
}

/* Index of the last point on or before d, or -1. */
static int
last_on_or_before(const PairRates *pair, DateADT d)
{
	return ts_search_last_le(pair->points, pair->n, sizeof(RatePoint),
							 offsetof(RatePoint, from), d);
}

/*
 * The rate from a to b on date d: the latest row of (a, b) used directly or
 * of (b, a) inverted, whichever is later (direct on a tie).
 */
static bool
pair_rate(RateGeneration *gen, ts_currency_key a, ts_currency_key b,
		  DateADT d, const RatePoint **point, bool *inverse)
{
	const PairRates *direct = get_pair(gen, a, b);
	const PairRates *inverted = get_pair(gen, b, a);
	int			i = last_on_or_before(direct, d);
	int			j = last_on_or_before(inverted, d);

	if (i < 0 && j < 0)
		return false;
	if (j < 0 || (i >= 0 && direct->points[i].from >= inverted->points[j].from))
	{
		*point = &direct->points[i];
		*inverse = false;
	}
	else
	{
		*point = &inverted->points[j];
		*inverse = true;
	}
	return true;
}

/* How to convert from a to b on date d: direct, inverted, else crossed. */
static void
resolve(RateGeneration *gen, ts_currency_key a, ts_currency_key b, DateADT d,
		Segment *seg)
{
	memset(seg, 0, sizeof(Segment));
	seg->from = d;
	if (pair_rate(gen, a, b, d, &seg->step[0], &seg->inverse[0]))
	{
		seg->nsteps = 1;
		return;
	}
	for (int k = 0; k < lengthof(cross_codes); k++)
	{
		ts_currency_key x = ts_currency_key_from_code(cross_codes[k]);

		if (x == a || x == b)
			continue;
		if (pair_rate(gen, a, x, d, &seg->step[0], &seg->inverse[0]) &&
			pair_rate(gen, x, b, d, &seg->step[1], &seg->inverse[1]))
		{
			seg->nsteps = 2;
			return;
		}
	}
	seg->nsteps = 0;
}

static int
dateadt_qsort_cmp(const void *x, const void *y)
{
	DateADT		a = *(const DateADT *) x;
	DateADT		b = *(const DateADT *) y;

	return (a > b) - (a < b);
}

/* Append the dates of a pair's rows. */
static void
add_dates(const PairRates *pair, DateADT *dates, int *n)
{
	for (int i = 0; i < pair->n; i++)
		dates[(*n)++] = pair->points[i].from;
}

/*
 * Build the timeline of (a, b): the resolution can only change at a date
 * where one of the pairs it may use has a row, so resolve at each of those.
 */
static const Timeline *
get_timeline(RateGeneration *gen, ts_currency_key a, ts_currency_key b)
{
	PairKey		key = {a, b};
	Timeline   *entry;
	const PairRates *pairs[2 + 4 * lengthof(cross_codes)];
	int			npairs = 0;
	int			ndates = 0;
	int			nseg = 0;
	DateADT    *dates;
	Segment    *segments;
	bool		found;

	entry = hash_search(gen->timelines, &key, HASH_FIND, NULL);
	if (entry != NULL)
		return entry;

	pairs[npairs++] = get_pair(gen, a, b);
	pairs[npairs++] = get_pair(gen, b, a);
	for (int k = 0; k < lengthof(cross_codes); k++)
	{
		ts_currency_key x = ts_currency_key_from_code(cross_codes[k]);

		if (x == a || x == b)
			continue;
		pairs[npairs++] = get_pair(gen, a, x);
		pairs[npairs++] = get_pair(gen, x, a);
		pairs[npairs++] = get_pair(gen, x, b);
		pairs[npairs++] = get_pair(gen, b, x);
	}
	for (int i = 0; i < npairs; i++)
		ndates += pairs[i]->n;

	dates = palloc(sizeof(DateADT) * Max(ndates, 1));
	ndates = 0;
	for (int i = 0; i < npairs; i++)
		add_dates(pairs[i], dates, &ndates);
	qsort(dates, ndates, sizeof(DateADT), dateadt_qsort_cmp);

	segments = MemoryContextAlloc(gen->cxt, sizeof(Segment) * Max(ndates, 1));
	for (int i = 0; i < ndates; i++)
	{
		Segment		seg;

		CHECK_FOR_INTERRUPTS();
		if (i > 0 && dates[i] == dates[i - 1])
			continue;
		resolve(gen, a, b, dates[i], &seg);
		/* keep only changes */
		if (nseg > 0 &&
			segments[nseg - 1].nsteps == seg.nsteps &&
			segments[nseg - 1].step[0] == seg.step[0] &&
			segments[nseg - 1].step[1] == seg.step[1])
			continue;
		segments[nseg++] = seg;
	}
	pfree(dates);

	entry = hash_search(gen->timelines, &key, HASH_ENTER, &found);
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
								  "converted amount");
}

static Datum
convert_amount(FunctionCallInfo fcinfo, CurrencyAmount *a,
			   ts_currency_key to_key, DateADT on_date)
{
	const ts_currency *from;
	const ts_currency *to;
	ConvertCall *call;
	const Timeline *tl;
	const Segment *seg;
	ts_rate		rates[2];
	int64		units;

	if (a->currency == to_key)
		PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(a->units, a->currency));

	call = get_call(fcinfo);
	if (call->timeline != NULL && call->pair.base == a->currency &&
		call->pair.quote == to_key)
	{
		/* the same pair as the last row: no lookups */
		from = call->from;
		to = call->to;
		tl = call->timeline;
	}
	else
	{
		from = ts_amount_currency(a->currency);
		to = ts_amount_currency(to_key);
		tl = get_timeline(call->gen, a->currency, to_key);
		call->pair.base = a->currency;
		call->pair.quote = to_key;
		call->from = from;
		call->to = to;
		call->timeline = tl;
		call->segment = 0;
	}
	if (DATE_NOT_FINITE(on_date))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert %s to %s on an infinite date",
						from->code, to->code)));
	seg = find_segment(call, tl, on_date);
	if (seg == NULL || seg->nsteps == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no exchange rate from %s to %s on or before %s",
						from->code, to->code, ts_iso_date(on_date)),
				 errhint("Add a rate of %s/%s (or %s/%s, or of both against USD, EUR or CNY) valid from that date or earlier to trade_stats.exchange_rate.",
						 from->code, to->code, to->code, from->code)));

	for (int i = 0; i < seg->nsteps; i++)
	{
		if (!seg->step[i]->fits)
		{
			units = convert_wide(a->units, from, to, seg);
			PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, to_key));
		}
		rates[i] = seg->step[i]->rate;
	}
	switch (ts_convert_units(a->units, from->minor_units, to->minor_units,
							 rates, seg->inverse, seg->nsteps, &units))
	{
		case TS_CONV_OK:
			break;
		case TS_CONV_WIDE:
			units = convert_wide(a->units, from, to, seg);
			break;
		case TS_CONV_RANGE:
			ts_amount_out_of_range("converted amount", to_key);
	}
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units, to_key));
}

PG_FUNCTION_INFO_V1(currency_amount_convert);
Datum
currency_amount_convert(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	const ts_currency *to = ts_lookup_currency_text(PG_GETARG_TEXT_PP(1));

	return convert_amount(fcinfo, a, ts_currency_key_from_code(to->code),
						  PG_GETARG_DATEADT(2));
}

PG_FUNCTION_INFO_V1(currency_amount_to_usd);
Datum
currency_amount_to_usd(PG_FUNCTION_ARGS)
{
	return convert_amount(fcinfo, PG_GETARG_CURRENCY_AMOUNT_P(0),
						  ts_currency_key_from_code("USD"), PG_GETARG_DATEADT(1));
}

PG_FUNCTION_INFO_V1(currency_amount_to_cny);
Datum
currency_amount_to_cny(PG_FUNCTION_ARGS)
{
	return convert_amount(fcinfo, PG_GETARG_CURRENCY_AMOUNT_P(0),
						  ts_currency_key_from_code("CNY"), PG_GETARG_DATEADT(1));
}

/* is_currency_code(text): an upper-case ISO 4217 code trade_stats knows. */
PG_FUNCTION_INFO_V1(trade_stats_is_currency_code);
Datum
trade_stats_is_currency_code(PG_FUNCTION_ARGS)
{
	text	   *code = PG_GETARG_TEXT_PP(0);
	PG_RETURN_BOOL(ts_currency_exact(VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code)) != NULL);
}

/*
 * csv_cells(content, delimiter): the fields of delimited text, one row per
 * field: the line its record starts on, its position in the record, its
 * text unquoted.  Strict (see csv.c): what does not parse is 22P04 naming
 * the line.  load_rates() reads rate files with it.
 */
PG_FUNCTION_INFO_V1(trade_stats_csv_cells);
Datum
trade_stats_csv_cells(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *content = PG_GETARG_TEXT_PP(0);
	text	   *delimiter = PG_GETARG_TEXT_PP(1);
	size_t		len = VARSIZE_ANY_EXHDR(content);
	char	   *field = palloc(len + 1);
	ts_csv_reader reader;
	int			position = 1;

	if (VARSIZE_ANY_EXHDR(delimiter) != 1 || *VARDATA_ANY(delimiter) == '"' ||
		*VARDATA_ANY(delimiter) == '\n' || *VARDATA_ANY(delimiter) == '\r')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the delimiter must be one character other than a quote or a line break, not \"%s\"",
						text_to_cstring(delimiter))));
	InitMaterializedSRF(fcinfo, 0);
	ts_csv_init(&reader, VARDATA_ANY(content), len, *VARDATA_ANY(delimiter));
	for (;;)
	{
		size_t		n;
		const char *err;
		ts_csv_result r = ts_csv_next(&reader, field, &n, &err);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		if (r == TS_CSV_END)
			break;
		if (r == TS_CSV_ERROR)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("invalid rate file: %s on line %d", err, reader.record_line)));
		values[0] = Int32GetDatum(reader.record_line);
		values[1] = Int32GetDatum(position);
		values[2] = PointerGetDatum(cstring_to_text_with_len(field, (int) n));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		position = r == TS_CSV_LAST_FIELD ? 1 : position + 1;
	}
	return (Datum) 0;
}
