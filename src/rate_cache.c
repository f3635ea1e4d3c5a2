/*-------------------------------------------------------------------------
 *
 * rate_cache.c
 *	  The backend-local cache of trade_stats.exchange_rate that conversion
 *	  reads its rates from.
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
 * A generation holds the rows of each pair asked for, and what its user
 * (convert.c) derives from them: timelines and period rates.
 *
 * Global state: current_generation and the two kept SPI plans, both caches
 * rebuilt on demand.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "rate_cache.h"

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
	void	   *derived;		/* the user's, in cxt */
	int			refcount;		/* statements using it */
} RateGeneration;

static RateGeneration *current_generation = NULL;
static SPIPlanPtr version_plan = NULL;
static SPIPlanPtr pair_plan = NULL;

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
	RateCall *call = (RateCall *) arg;

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
same_snapshot(const RateCall *call, Snapshot snap)
{
	return call->gen != NULL &&
		snap->xmin == call->xmin && snap->xmax == call->xmax &&
		snap->curcid == call->curcid && snap->xcnt == call->xcnt &&
		snap->subxcnt == call->subxcnt &&
		snap->suboverflowed == call->suboverflowed &&
		(snap->xcnt == 0 ||
		 memcmp(snap->xip, call->xip, sizeof(TransactionId) * snap->xcnt) == 0) &&
		(snap->subxcnt <= 0 ||
		 memcmp(snap->subxip, call->xip + snap->xcnt,
				sizeof(TransactionId) * snap->subxcnt) == 0);
}

static void
remember_snapshot(RateCall *call, Snapshot snap)
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

	if (!trusted)
		return gen;				/* freed when its last call site lets go */
	if (current_generation != NULL && current_generation->refcount == 0)
		free_generation(current_generation);
	current_generation = gen;
	return gen;
}

void
ts_rate_call_init(RateCall *call, MemoryContext cxt)
{
	call->cxt = cxt;
	call->release.func = release_call;
	call->release.arg = call;
	MemoryContextRegisterResetCallback(cxt, &call->release);
}

bool
ts_rate_call_refresh(RateCall *call)
{
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
	bool		changed;

	if (!ActiveSnapshotSet())
		elog(ERROR, "convert() needs an active snapshot");
	snap = GetActiveSnapshot();
	if (same_snapshot(call, snap) && call->userid == userid)
		return false;

	/* the role may have changed (SET ROLE, SECURITY DEFINER, a pool) */
	rls_user = check_rate_access(userid, &rate_table);
	trusted = read_trigger_states(rate_table, triggers);
	versions = read_versions(&nversions, &table);
	gen = generation_for(versions, nversions, table, rls_user, triggers, trusted);
	pfree(versions);
	gen->refcount++;
	changed = gen != call->gen;
	if (call->gen != NULL)
		drop_reference(call->gen);
	call->gen = gen;
	call->userid = userid;
	remember_snapshot(call, snap);
	return changed;
}

MemoryContext
ts_rate_context(RateGeneration *gen)
{
	return gen->cxt;
}

void	  **
ts_rate_derived(RateGeneration *gen)
{
	return &gen->derived;
}

/* Load the rows of one pair into the generation (empty if none). */
const PairRates *
ts_rate_pair(RateGeneration *gen, ts_currency_key base, ts_currency_key quote)
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
		pair_plan = keep_plan("SELECT valid_from, rate, valid_until FROM ONLY trade_stats.exchange_rate"
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
		Datum		until;
		char	   *text;

		CHECK_FOR_INTERRUPTS();
		points[i].from = DatumGetDateADT(SPI_getbinval(tuple, desc, 1, &isnull));
		value = DatumGetNumeric(SPI_getbinval(tuple, desc, 2, &isnull));
		points[i].value = (Numeric) MemoryContextAlloc(gen->cxt, VARSIZE(value));
		memcpy(points[i].value, value, VARSIZE(value));
		until = SPI_getbinval(tuple, desc, 3, &isnull);
		points[i].declared = !isnull;
		points[i].until = isnull ? DATEVAL_NOEND : DatumGetDateADT(until);
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
