/*-------------------------------------------------------------------------
 *
 * summary_stash.c
 *	  One lock pass per statement for maintained summary tables.  A statement
 *	  can fire the statement triggers of a source several times (a writable
 *	  CTE, MERGE, INSERT ... ON CONFLICT DO UPDATE, one pass per partition);
 *	  the triggers (sql/55_summary_maintenance.sql) stash each pass's change
 *	  here, and the end of the statement applies the changes of all its
 *	  passes at once: per summary table, in OID order, one upsert that locks
 *	  its rows in key order and one removal of rows it has locked.
 *
 *	  The statement's end: AFTER triggers fire in standard_ExecutorFinish
 *	  (AfterTriggerEndQuery), and COPY FROM fires them itself, inside
 *	  ProcessUtility.  So an ExecutorFinish_hook and a ProcessUtility_hook
 *	  each open a frame around the call they wrap; the triggers stash into
 *	  the innermost frame, which applies its stash when the wrapped call
 *	  returns, and drops it when the call fails.  A nested statement (SPI in
 *	  a trigger or a function) has a frame of its own, applied at its own
 *	  end, so that what follows it in the function sees its change.
 *
 *	  A nested statement may remove rows that the statement enclosing it
 *	  added, before that statement's change is applied (a trigger of the
 *	  statement deletes what it inserted: a row trigger, or a statement
 *	  trigger that fires before the summary's).  The rows of the summary
 *	  that do not hold such a removal yet are left as they are, and the
 *	  removal goes to the enclosing statement's frame, to be applied after
 *	  that statement's additions, at its end.  So that a statement running
 *	  its plan (BEFORE triggers, functions it calls) can take them too, an
 *	  ExecutorRun_hook opens a frame around the run, whose removals are
 *	  carried to the same statement's ExecutorFinish frame.  A removal
 *	  deferred from a subtransaction (an exception block) is kept apart,
 *	  under that subtransaction's id: its abort takes it back, its commit
 *	  hands it to the parent.  Where no frame can take it, the removal is
 *	  an error.
 *
 *	  The module's mutable state is that frame stack ("stash_top"), the
 *	  removals carried from a run to its finish ("carried") and two caches,
 *	  the plan of the statement triggers' query of the definitions and the
 *	  prepared statements that apply a change ("apply_cache"): frames live on
 *	  the C stack of the hooks, their stashes in a memory context of their
 *	  own that dies with the frame.  A transaction abort drops every stash
 *	  (the frames themselves are popped by the hooks' PG_FINALLY as the
 *	  error unwinds), a subtransaction's abort what it deferred.
 *
 *	  When no frame can take a change (the library was loaded during the
 *	  statement, so its hooks do not wrap it; a trigger fired inside a
 *	  subtransaction the frame did not open; the frame is applying its own
 *	  stash), summary_stashing() says so and the trigger applies the change
 *	  at once, as one pass.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/partition.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "common/pg_prng.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/pg_list.h"
#include "parser/parse_func.h"
#include "partitioning/partdesc.h"
#include "pgtime.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "tcop/utility.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/partcache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "trade_stats.h"

/* The stashed change of one summary table: arrays of its row type. */
typedef struct StashEntry
{
	Oid			summary;
	Oid			array_type;
	SubTransactionId subid;		/* the subtransaction that made it */
	Datum		added;			/* (group columns, month, summary) to add */
	Datum		removed;		/* and to remove */
	bool		added_null;
	bool		removed_null;
	bool		distinct;		/* one row per group and month in each array */
} StashEntry;

/* A statement whose end applies the changes stashed during it. */
typedef struct StashFrame
{
	struct StashFrame *parent;
	SubTransactionId subid;		/* the subtransaction it runs in */
	bool		applying;		/* its stash is being applied */
	bool		defers;			/* takes the removals nested statements defer */
	bool		run;			/* wraps a statement's run, not its end */
	MemoryContext cxt;			/* the stash's memory, NULL when empty */
	List	   *entries;		/* of StashEntry, in cxt */
} StashFrame;

/* The frame stack (see the file header); NULL outside every frame. */
static StashFrame *stash_top = NULL;

/* What a statement's run deferred, waiting for the statement's finish. */
typedef struct StashCarried
{
	QueryDesc  *query;
	StashFrame	frame;			/* its subid, cxt and entries */
} StashCarried;

static List *carried = NIL;		/* of StashCarried, in TopMemoryContext */

static ExecutorRun_hook_type prev_executor_run = NULL;
static ExecutorFinish_hook_type prev_executor_finish = NULL;
static ProcessUtility_hook_type prev_process_utility = NULL;

/* Forget a frame's stash. */
static void
stash_discard(StashFrame *frame)
{
	if (frame->cxt != NULL)
		MemoryContextDelete(frame->cxt);
	frame->cxt = NULL;
	frame->entries = NIL;
}

static void
stash_push(StashFrame *frame, bool defers, bool run)
{
	frame->parent = stash_top;
	frame->subid = GetCurrentSubTransactionId();
	frame->applying = false;
	frame->defers = defers;
	frame->run = run;
	frame->cxt = NULL;
	frame->entries = NIL;
	stash_top = frame;
}

/* Pop the innermost frame (read through the global: PG_FINALLY calls it). */
static void
stash_pop(void)
{
	StashFrame *frame = stash_top;

	Assert(frame != NULL);
	stash_discard(frame);
	stash_top = frame->parent;
}

/*
 * The frame a trigger's change goes to, or NULL: apply it at once.  The
 * frames of runs are passed over: AFTER triggers fire in a statement's
 * finish (or a COPY), and a run on top is that of a statement in the
 * trigger (summary_stash() is called in one).
 */
static StashFrame *
stash_target(void)
{
	StashFrame *frame = stash_top;

	while (frame != NULL && frame->run)
		frame = frame->parent;
	if (frame == NULL || frame->applying ||
		frame->subid != GetCurrentSubTransactionId() ||
		IsInParallelMode())
		return NULL;
	return frame;
}

/*
 * Append the arrays of 'from' to those of 'to', in the current context: the
 * change of one pass stays distinct, two passes' may share groups.
 */
static void
entry_merge(StashEntry *to, const StashEntry *from)
{
	to->distinct = to->added_null && to->removed_null && from->distinct;
	if (!from->added_null)
		to->added = to->added_null ? datumCopy(from->added, false, -1) :
			DirectFunctionCall2(array_cat, to->added, from->added);
	to->added_null = to->added_null && from->added_null;
	if (!from->removed_null)
		to->removed = to->removed_null ? datumCopy(from->removed, false, -1) :
			DirectFunctionCall2(array_cat, to->removed, from->removed);
	to->removed_null = to->removed_null && from->removed_null;
}

/*
 * Merge a change of a summary (arrays of its row type, copied), made in
 * subtransaction subid, into the frame's stash.
 */
static void
stash_add(StashFrame *frame, Oid summary, Oid array_type,
		  SubTransactionId subid, const StashEntry *change)
{
	StashEntry *entry = NULL;
	MemoryContext old;
	ListCell   *lc;

	if (frame->cxt == NULL)
		frame->cxt = AllocSetContextCreate(TopMemoryContext,
										   "trade_stats summary stash",
										   ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(frame->cxt);
	foreach(lc, frame->entries)
	{
		StashEntry *e = (StashEntry *) lfirst(lc);

		if (e->summary == summary && e->subid == subid)
		{
			entry = e;
			break;
		}
	}
	if (entry == NULL)
	{
		entry = palloc0(sizeof(StashEntry));
		entry->summary = summary;
		entry->array_type = array_type;
		entry->subid = subid;
		entry->added_null = entry->removed_null = true;
		frame->entries = lappend(frame->entries, entry);
	}
	entry_merge(entry, change);
	MemoryContextSwitchTo(old);
}

/*
 * The frame that takes the removals a frame's statement could not apply yet
 * (see the file header): the nearest enclosing frame of a statement's run,
 * its finish or a COPY (a CALL or DO between them is passed over).  NULL
 * when there is none: the removal is an error.
 */
static StashFrame *
stash_defer_target(StashFrame *frame)
{
	StashFrame *outer;

	for (outer = frame->parent;
		 outer != NULL && !outer->applying;
		 outer = outer->parent)
	{
		if (outer->defers)
			return outer;
	}
	return NULL;
}

static int
entry_cmp(const ListCell *a, const ListCell *b)
{
	const StashEntry *x = (const StashEntry *) lfirst(a);
	const StashEntry *y = (const StashEntry *) lfirst(b);

	if (x->summary != y->summary)
		return x->summary < y->summary ? -1 : 1;
	return x->subid < y->subid ? -1 : x->subid > y->subid ? 1 : 0;
}

/*
 * The changes of a summary made in several subtransactions (deferred from
 * exception blocks that have committed since) merged into one, each
 * summary's after the list is sorted.
 */
static void
entries_merge_summaries(StashFrame *frame)
{
	StashEntry *prev = NULL;
	MemoryContext old = MemoryContextSwitchTo(frame->cxt);
	ListCell   *lc;

	foreach(lc, frame->entries)
	{
		StashEntry *e = (StashEntry *) lfirst(lc);

		if (prev != NULL && prev->summary == e->summary)
		{
			entry_merge(prev, e);
			frame->entries = foreach_delete_current(frame->entries, lc);
		}
		else
			prev = e;
	}
	MemoryContextSwitchTo(old);
}

/*
 * At the end of subtransaction subid: forget the changes it and its
 * children deferred (abort), or hand them to its parent (commit).
 */
static void
entries_end_subxact(StashFrame *frame, SubTransactionId subid,
					bool commit, SubTransactionId parent)
{
	ListCell   *lc;

	foreach(lc, frame->entries)
	{
		StashEntry *e = (StashEntry *) lfirst(lc);

		if (e->subid < subid)
			continue;
		if (commit)
			e->subid = parent;
		else
			frame->entries = foreach_delete_current(frame->entries, lc);
	}
}

/*
 * The statements that apply a change of one shape (rows to add, to remove,
 * one per group and month or not) to a summary table: summary_statements()'s
 * add_sql and remove_sql, over the change's arrays as $1 and $2, prepared
 * once per session.  A cache: an entry is dropped when the summary table
 * changes (its name, its columns) or a schema, type or operator does (their
 * names are in the statements' text), before its next use; the plans
 * themselves are replanned by PostgreSQL's plan cache after DDL on what they
 * read or new statistics of it.
 *
 * The plans are generic, made once: planning the statements again for
 * every change took longer than running them (a fifth of a 166-row
 * UPDATE).  So that a plan made for a small summary table (which may scan
 * all of it) is not kept while the table grows without new statistics
 * (autovacuum off), the statements are also prepared again when the table
 * has doubled or halved in blocks since they were.
 */
typedef struct ApplyKey
{
	Oid			summary;
	int			shape;			/* APPLY_ADDED | APPLY_REMOVED | APPLY_DISTINCT */
} ApplyKey;

#define APPLY_ADDED 1
#define APPLY_REMOVED 2
#define APPLY_DISTINCT 4

typedef struct ApplyPlans
{
	ApplyKey	key;
	bool		stale;
	BlockNumber blocks;			/* the summary table's, when prepared */
	SPIPlanPtr	add;
	SPIPlanPtr	remove;			/* NULL when the change removes nothing */
} ApplyPlans;

/* Has the summary table grown or shrunk too much for plans made at 'then'? */
static bool
apply_blocks_moved(BlockNumber then, BlockNumber now)
{
	return (uint64) now > 2 * (uint64) then + 8 || (uint64) then > 2 * (uint64) now + 8;
}

static HTAB *apply_cache = NULL;

static void
apply_cache_mark(Oid summary)
{
	HASH_SEQ_STATUS seq;
	ApplyPlans *p;

	if (apply_cache == NULL)
		return;
	hash_seq_init(&seq, apply_cache);
	while ((p = (ApplyPlans *) hash_seq_search(&seq)) != NULL)
		if (!OidIsValid(summary) || p->key.summary == summary)
			p->stale = true;
}

static void
apply_cache_relation_changed(Datum arg, Oid relid)
{
	apply_cache_mark(relid);
}

static void
apply_cache_catalog_changed(Datum arg, int cacheid, uint32 hashvalue)
{
	apply_cache_mark(InvalidOid);
}

/*
 * The prepared statements of a change of this shape to summary table
 * 'summary', NULL when it has no definition (dropped during the statement).
 * In an SPI connection.
 */
static ApplyPlans *
apply_plans(Oid summary, Oid array_type, int shape, BlockNumber blocks)
{
	static const char *query =
		"SELECT st.add_sql, st.remove_sql "
		"FROM trade_stats.summary_definition d, "
		"LATERAL trade_stats.summary_statements(d, $2, $3, true, $4) st "
		"WHERE d.summary OPERATOR(pg_catalog.=) $1 "
		"AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) d.summary)";
	Oid			argtypes[4] = {REGCLASSOID, TEXTOID, TEXTOID, BOOLOID};
	Datum		args[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	Oid			plan_types[2] = {array_type, array_type};
	ApplyKey	key = {0};
	ApplyPlans *entry;
	SPIPlanPtr	add;
	SPIPlanPtr	remove = NULL;
	bool		found;
	bool		isnull;

	if (apply_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(ApplyKey);
		ctl.entrysize = sizeof(ApplyPlans);
		apply_cache = hash_create("trade_stats summary statements", 64, &ctl,
								  HASH_ELEM | HASH_BLOBS);
	}
	key.summary = summary;
	key.shape = shape;
	entry = (ApplyPlans *) hash_search(apply_cache, &key, HASH_FIND, NULL);
	if (entry != NULL && !entry->stale && !apply_blocks_moved(entry->blocks, blocks))
		return entry;
	if (entry != NULL)
	{
		SPI_freeplan(entry->add);
		if (entry->remove != NULL)
			SPI_freeplan(entry->remove);
		hash_search(apply_cache, &key, HASH_REMOVE, NULL);
	}

	args[0] = ObjectIdGetDatum(summary);
	args[1] = CStringGetTextDatum("pg_catalog.unnest($1)");
	args[2] = CStringGetTextDatum("pg_catalog.unnest($2)");
	args[3] = BoolGetDatum((shape & APPLY_DISTINCT) != 0);
	nulls[1] = (shape & APPLY_ADDED) ? ' ' : 'n';
	nulls[2] = (shape & APPLY_REMOVED) ? ' ' : 'n';
	if (SPI_execute_with_args(query, 4, argtypes, args, nulls, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not make the statements of summary table %u", summary);
	if (SPI_processed == 0)
		return NULL;
	add = SPI_prepare_cursor(TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)),
							 2, plan_types, CURSOR_OPT_GENERIC_PLAN);
	if (add == NULL || SPI_keepplan(add) != 0)
		elog(ERROR, "could not prepare the upsert of summary table %u", summary);
	if (shape & APPLY_REMOVED)
	{
		remove = SPI_prepare_cursor(TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0],
																	  SPI_tuptable->tupdesc, 2, &isnull)),
									2, plan_types, CURSOR_OPT_GENERIC_PLAN);
		if (remove == NULL || SPI_keepplan(remove) != 0)
			elog(ERROR, "could not prepare the removal of summary table %u", summary);
	}
	entry = (ApplyPlans *) hash_search(apply_cache, &key, HASH_ENTER, &found);
	entry->stale = false;
	entry->blocks = blocks;
	entry->add = add;
	entry->remove = remove;
	return entry;
}

/*
 * Apply a change to summary table 'summary' (arrays of its row type, each
 * NULL when absent): one upsert of every group and month it touches, in key
 * order, then the removal.  The removals that rows of the summary do not
 * hold yet are returned when the caller can defer them (NULL when none);
 * otherwise they are an error.  In an SPI connection.
 */
static Datum
apply_change(Oid summary, Oid array_type, const StashEntry *change, bool defer, bool *left_null)
{
	ApplyPlans *plans;
	Datum		args[2] = {change->added, change->removed};
	char		nulls[2] = {change->added_null ? 'n' : ' ', change->removed_null ? 'n' : ' '};
	int			nest;
	Datum		left = (Datum) 0;
	Relation	rel;
	BlockNumber blocks = 0;

	*left_null = true;
	/*
	 * The statements name the summary table: locked first, by OID, so that a
	 * rename committed meanwhile is seen (its invalidation drops the cached
	 * statements) and none can follow until the transaction ends
	 */
	LockRelationOid(summary, RowExclusiveLock);
	rel = try_relation_open(summary, NoLock);
	if (rel != NULL)
	{
		if (RELKIND_HAS_STORAGE(rel->rd_rel->relkind))
			blocks = RelationGetNumberOfBlocks(rel);
		relation_close(rel, NoLock);
	}
	/*
	 * The summary table's guard lets these writes through; the statements
	 * are prepared and run with one search_path (the plan cache would
	 * parse them again under another)
	 */
	nest = NewGUCNestLevel();
	(void) set_config_option("trade_stats_summary.maintenance", "on", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	plans = apply_plans(summary, array_type,
						(change->added_null ? 0 : APPLY_ADDED) |
						(change->removed_null ? 0 : APPLY_REMOVED) |
						(change->distinct ? APPLY_DISTINCT : 0), blocks);
	if (plans == NULL)
	{
		AtEOXact_GUC(true, nest);
		return left;
	}
	if (SPI_execute_plan(plans->add, args, nulls, false, 0) < 0)
		elog(ERROR, "could not apply the change of summary table %u", summary);
	if (plans->remove != NULL)
	{
		bool		isnull;
		int64		n;

		if (SPI_execute_plan(plans->remove, args, nulls, false, 0) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "could not apply the removal of summary table %u", summary);
		n = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		/* (in the SPI connection's memory) */
		if (n != 0 && defer)
			left = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, left_null);
		else if (n != 0)
		{
			Oid			types[3] = {REGCLASSOID, INT8OID, TEXTOID};
			Datum		vals[3] = {ObjectIdGetDatum(summary), Int64GetDatum(n),
			SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull)};

			/* raises the error that names the first such row */
			(void) SPI_execute_with_args("SELECT trade_stats.summary_removed(d, $2, $3) "
										 "FROM trade_stats.summary_definition d "
										 "WHERE d.summary OPERATOR(pg_catalog.=) $1",
										 3, types, vals, NULL, false, 0);
		}
	}
	AtEOXact_GUC(true, nest);
	return left;
}

/*
 * Apply a frame's stash: per summary table in OID order (the order every
 * writer locks them in), one upsert of every group of the change in key
 * order, then the removal of what the change removes (apply_change).
 */
static void
stash_apply(StashFrame *frame)
{
	ListCell   *lc;
	StashFrame *target;
	bool		snapshot = false;

	if (frame->entries == NIL)
		return;
	frame->applying = true;
	/* a portal's cleanup finishes a SELECT's plan with no snapshot set */
	if (!ActiveSnapshotSet())
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		snapshot = true;
	}
	target = stash_defer_target(frame);
	list_sort(frame->entries, entry_cmp);
	entries_merge_summaries(frame);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	foreach(lc, frame->entries)
	{
		StashEntry *e = (StashEntry *) lfirst(lc);
		bool		isnull;
		Datum		left;

		CHECK_FOR_INTERRUPTS();
		/* a summary table dropped during the statement takes no change */
		if (!OidIsValid(get_rel_type_id(e->summary)) ||
			get_array_type(get_rel_type_id(e->summary)) != e->array_type)
			continue;
		left = apply_change(e->summary, e->array_type, e, target != NULL, &isnull);
		/* the removals its rows do not hold yet: for the enclosing frame */
		if (!isnull)
		{
			StashEntry	change;

			Assert(target != NULL);
			change.added_null = true;
			change.removed_null = false;
			change.distinct = false;
			change.removed = PointerGetDatum(PG_DETOAST_DATUM(left));
			stash_add(target, e->summary, e->array_type, frame->subid, &change);
		}
	}
	SPI_finish();
	if (snapshot)
		PopActiveSnapshot();
	frame->applying = false;
}

/* Forget what was carried for subtransactions from subid on (all: 0). */
static void
carried_discard(SubTransactionId subid)
{
	ListCell   *lc;

	foreach(lc, carried)
	{
		StashCarried *c = (StashCarried *) lfirst(lc);

		if (c->frame.subid >= subid)
		{
			stash_discard(&c->frame);
			carried = foreach_delete_current(carried, lc);
			pfree(c);
		}
	}
}

/*
 * A statement's run in a frame: nested statements (in BEFORE triggers, in
 * functions it calls) defer to it the removals of rows it added, which its
 * finish applies.
 */
#if PG_VERSION_NUM >= 180000
/* PostgreSQL 18 dropped ExecutorRun's execute_once argument. */
#define EXECUTOR_RUN_ARGS queryDesc, direction, count
static void
stash_executor_run(QueryDesc *queryDesc, ScanDirection direction,
				   uint64 count)
#else
#define EXECUTOR_RUN_ARGS queryDesc, direction, count, execute_once
static void
stash_executor_run(QueryDesc *queryDesc, ScanDirection direction,
				   uint64 count, bool execute_once)
#endif
{
	StashFrame	frame;

	stash_push(&frame, true, true);
	PG_TRY();
	{
		if (prev_executor_run)
			prev_executor_run(EXECUTOR_RUN_ARGS);
		else
			standard_ExecutorRun(EXECUTOR_RUN_ARGS);
		if (frame.entries != NIL)
		{
			StashCarried *c = NULL;
			ListCell   *lc;
			MemoryContext old;

			foreach(lc, carried)
			{
				if (((StashCarried *) lfirst(lc))->query == queryDesc)
					c = (StashCarried *) lfirst(lc);
			}
			old = MemoryContextSwitchTo(TopMemoryContext);
			if (c == NULL)
			{
				c = palloc0(sizeof(StashCarried));
				c->query = queryDesc;
				c->frame.subid = frame.subid;
				carried = lappend(carried, c);
			}
			MemoryContextSwitchTo(old);
			foreach(lc, frame.entries)
			{
				StashEntry *e = (StashEntry *) lfirst(lc);

				stash_add(&c->frame, e->summary, e->array_type, e->subid, e);
			}
		}
	}
	PG_FINALLY();
	{
		stash_pop();
	}
	PG_END_TRY();
}

/* ExecutorFinish (and with it the statement's AFTER triggers) in a frame. */
static void
stash_executor_finish(QueryDesc *queryDesc)
{
	StashFrame	frame;
	ListCell   *lc;

	stash_push(&frame, true, false);
	PG_TRY();
	{
		/* what the statement's run deferred */
		foreach(lc, carried)
		{
			StashCarried *c = (StashCarried *) lfirst(lc);

			if (c->query != queryDesc)
				continue;
			if (c->frame.subid != frame.subid)
				elog(ERROR, "summary changes carried into another subtransaction");
			frame.cxt = c->frame.cxt;
			frame.entries = c->frame.entries;
			carried = foreach_delete_current(carried, lc);
			pfree(c);
			break;
		}
		if (prev_executor_finish)
			prev_executor_finish(queryDesc);
		else
			standard_ExecutorFinish(queryDesc);
		stash_apply(stash_top);
	}
	PG_FINALLY();
	{
		stash_pop();
	}
	PG_END_TRY();
}

/* A utility statement (COPY FROM fires AFTER triggers itself) in a frame. */
static void
stash_process_utility(PlannedStmt *pstmt, const char *queryString,
					  bool readOnlyTree, ProcessUtilityContext context,
					  ParamListInfo params, QueryEnvironment *queryEnv,
					  DestReceiver *dest, QueryCompletion *qc)
{
	StashFrame	frame;

	/* a COPY's frame takes its nested statements' removals */
	stash_push(&frame, IsA(pstmt->utilityStmt, CopyStmt), false);
	PG_TRY();
	{
		if (prev_process_utility)
			prev_process_utility(pstmt, queryString, readOnlyTree, context,
								 params, queryEnv, dest, qc);
		else
			standard_ProcessUtility(pstmt, queryString, readOnlyTree, context,
									params, queryEnv, dest, qc);
		stash_apply(stash_top);
	}
	PG_FINALLY();
	{
		stash_pop();
	}
	PG_END_TRY();
}

/*
 * A transaction that ends in an abort (a procedure's ROLLBACK, with frames
 * still open) takes its stashed changes with it.  One that commits has none
 * left to carry.
 */
static void
stash_xact_callback(XactEvent event, void *arg)
{
	StashFrame *frame;

	/* every statement that ran has finished, taking what its run carried */
	if ((event == XACT_EVENT_PRE_COMMIT || event == XACT_EVENT_PRE_PREPARE) &&
		carried != NIL)
		elog(ERROR, "summary changes of a statement were not applied");
	if (event != XACT_EVENT_ABORT && event != XACT_EVENT_PARALLEL_ABORT)
		return;
	for (frame = stash_top; frame != NULL; frame = frame->parent)
		stash_discard(frame);
	carried_discard(InvalidSubTransactionId);
}

/*
 * A subtransaction's abort takes back what it deferred to the frames of
 * enclosing statements (its own frames are gone by then), its commit hands
 * that to its parent.
 */
static void
stash_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
					   SubTransactionId parentSubid, void *arg)
{
	bool		commit = (event == SUBXACT_EVENT_COMMIT_SUB);
	StashFrame *frame;
	ListCell   *lc;

	if (event != SUBXACT_EVENT_ABORT_SUB && !commit)
		return;
	if (!commit)
		carried_discard(mySubid);
	for (frame = stash_top; frame != NULL; frame = frame->parent)
		entries_end_subxact(frame, mySubid, commit, parentSubid);
	foreach(lc, carried)
		entries_end_subxact(&((StashCarried *) lfirst(lc))->frame, mySubid,
							commit, parentSubid);
}

/* Install the hooks (from _PG_init). */
void
ts_summary_stash_init(void)
{
	prev_executor_run = ExecutorRun_hook;
	ExecutorRun_hook = stash_executor_run;
	prev_executor_finish = ExecutorFinish_hook;
	ExecutorFinish_hook = stash_executor_finish;
	prev_process_utility = ProcessUtility_hook;
	ProcessUtility_hook = stash_process_utility;
	RegisterXactCallback(stash_xact_callback, NULL);
	RegisterSubXactCallback(stash_subxact_callback, NULL);
	CacheRegisterRelcacheCallback(apply_cache_relation_changed, (Datum) 0);
	CacheRegisterSyscacheCallback(NAMESPACEOID, apply_cache_catalog_changed, (Datum) 0);
	CacheRegisterSyscacheCallback(TYPEOID, apply_cache_catalog_changed, (Datum) 0);
	CacheRegisterSyscacheCallback(OPEROID, apply_cache_catalog_changed, (Datum) 0);
}

PG_FUNCTION_INFO_V1(ts_summary_stashing);

/*
 * summary_stashing() → boolean: whether a change of a summary made now is
 * applied at the end of the statement (summary_stash) rather than at once.
 */
Datum
ts_summary_stashing(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stash_target() != NULL);
}

PG_FUNCTION_INFO_V1(ts_summary_stash);

/*
 * summary_stash(summary regclass, added anyarray, removed anyarray) →
 * boolean: keep a change of a summary table (arrays of its row type: group
 * columns, month and the summary of the rows to add or remove) for the end
 * of the statement, merged with the changes of its other passes.  False,
 * with nothing kept, when no frame can take it.
 */
Datum
ts_summary_stash(PG_FUNCTION_ARGS)
{
	StashFrame *frame = stash_target();
	Oid			summary;
	Oid			rowtype;
	Oid			array_type;
	StashEntry	change;
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	summary = PG_GETARG_OID(0);
	rowtype = get_rel_type_id(summary);
	array_type = OidIsValid(rowtype) ? get_array_type(rowtype) : InvalidOid;
	for (i = 1; i <= 2; i++)
		if (!PG_ARGISNULL(i) &&
			(!OidIsValid(array_type) ||
			 ARR_ELEMTYPE(PG_GETARG_ARRAYTYPE_P(i)) != rowtype))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid change of summary table \"%s\"",
							OidIsValid(rowtype) ? get_rel_name(summary) : "?"),
					 errdetail("A change of a summary table is an array of its row type.")));
	if (frame == NULL)
		PG_RETURN_BOOL(false);
	if (PG_ARGISNULL(1) && PG_ARGISNULL(2))
		PG_RETURN_BOOL(true);

	/* the arguments, flat, merged into the entry in the frame's memory */
	change.added_null = PG_ARGISNULL(1);
	change.removed_null = PG_ARGISNULL(2);
	change.distinct = false;
	if (!change.added_null)
		change.added = PointerGetDatum(PG_DETOAST_DATUM(PG_GETARG_DATUM(1)));
	if (!change.removed_null)
		change.removed = PointerGetDatum(PG_DETOAST_DATUM(PG_GETARG_DATUM(2)));
	stash_add(frame, summary, array_type, frame->subid, &change);
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(ts_summary_begin);

/*
 * The BEFORE STATEMENT trigger of a source's relations: it does nothing,
 * but calling it loads this library before the statement's AFTER triggers
 * fire, so that the hooks above wrap the statement from its first write.
 */
Datum
ts_summary_begin(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("summary_begin() must be called as a trigger")));
	PG_RETURN_POINTER(NULL);
}

PG_FUNCTION_INFO_V1(ts_summary_guard);

/*
 * The BEFORE statement trigger of a summary table: refuses writes that do
 * not come from the triggers that keep it or from refresh_summary() (which
 * set trade_stats_summary.maintenance), while it has a definition.  It
 * fires for every upsert the triggers make, so their case costs one look
 * at the setting.
 */
Datum
ts_summary_guard(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *maintenance;
	Oid			types[1] = {REGCLASSOID};
	Datum		args[1];

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("summary_guard() must be called as a trigger")));
	maintenance = GetConfigOption("trade_stats_summary.maintenance", true, false);
	if (maintenance != NULL && strcmp(maintenance, "on") == 0)
		PG_RETURN_POINTER(NULL);
	args[0] = ObjectIdGetDatum(RelationGetRelid(trigdata->tg_relation));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args("SELECT s.source::pg_catalog.oid FROM trade_stats.summary_definition s "
							  "WHERE s.summary OPERATOR(pg_catalog.=) $1",
							  1, types, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read the definition of summary table %u", DatumGetObjectId(args[0]));
	if (SPI_processed > 0)
	{
		bool		isnull;
		Oid			source = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0],
															SPI_tuptable->tupdesc, 1, &isnull));

		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("cannot change summary table \"%s\" directly",
						quote_qualified_identifier(get_namespace_name(RelationGetNamespace(trigdata->tg_relation)),
												   RelationGetRelationName(trigdata->tg_relation))),
				 errhint("It is kept by triggers on %s: change that table, or rebuild the summary with trade_stats.refresh_summary().",
						 quote_qualified_identifier(get_namespace_name(get_rel_namespace(source)),
													get_rel_name(source)))));
	}
	SPI_finish();
	PG_RETURN_POINTER(NULL);
}

/* ---- the statement triggers' change, computed from the transition tables ---- */

/*
 * What the statement triggers of a source stash is, per summary table, one
 * row of its type per group and month: the summary of the rows of the
 * transition table (growth_summary over them, as the SQL of
 * summary_statement_sql() computes it).  Computing it here, in one pass
 * over the transition table with a hash table of the groups, is what keeps
 * the write path cheap; summary_statement_sql() remains the path of the
 * cases it does not take (replica mode, a group key without a hash
 * function).
 */

/* How a row's period becomes a date. */
typedef enum DeltaPeriod
{
	DELTA_DATE,
	DELTA_TIMESTAMP,
	DELTA_TIMESTAMPTZ			/* its date in the summary's time zone */
} DeltaPeriod;

/* One summary table of the source, as the trigger reads the rows. */
typedef struct DeltaSpec
{
	Oid			summary;
	Oid			rowtype;
	Oid			array_type;
	int16		rowlen;
	bool		rowbyval;
	char		rowalign;
	TupleDesc	sumdesc;		/* the summary table's row type */
	int		   *sum_col;		/* per column of it: a group key's index,
								 * or DELTA_MONTH, DELTA_STATE, DELTA_NULL */
	int			ngroups;
	AttrNumber *group_att;		/* in the trigger's relation */
	int16	   *group_len;
	bool	   *group_byval;
	Oid		   *collation;
	char	   *key_kind;		/* per group key: DELTA_KEY_* */
	FmgrInfo   *eq;
	FmgrInfo   *hash;
	AttrNumber	value_att;
	Oid			value_type;		/* int2, int4, int8, float4, float8,
								 * numeric or currency_amount */
	ts_value_kind kind;
	AttrNumber	period_att;
	DeltaPeriod period;
	pg_tz	   *tz;
} DeltaSpec;

/*
 * How a group key is compared and hashed: its type's equality and hash
 * functions; or, where those are equality of the datum or of the bytes (an
 * integer, date, timestamp, boolean or oid; text and varchar of a
 * deterministic collation), that equality and a hash of it, with no call.
 * The hash is the table's own: only equal keys need equal hashes.
 */
#define DELTA_KEY_CALL 'c'
#define DELTA_KEY_DATUM 'd'
#define DELTA_KEY_BYTES 'b'

#define DELTA_MONTH (-1)
#define DELTA_STATE (-2)
#define DELTA_NULL (-3)

/* A group and month of the rows, and the summary of its rows. */
typedef struct DeltaGroup
{
	uint32		hash;
	int32		month;
	Datum	   *values;
	bool	   *isnull;
	ts_growth_state *state;
} DeltaGroup;

typedef struct DeltaEntry
{
	DeltaGroup *group;
	uint32		hash;
	char		status;
} DeltaEntry;

static inline bool delta_group_equal(const DeltaSpec *spec, const DeltaGroup *a,
									 const DeltaGroup *b);

#define SH_PREFIX delta_hash
#define SH_ELEMENT_TYPE DeltaEntry
#define SH_KEY_TYPE DeltaGroup *
#define SH_KEY group
#define SH_HASH_KEY(tb, key) ((key)->hash)
#define SH_EQUAL(tb, a, b) delta_group_equal((const DeltaSpec *) (tb)->private_data, a, b)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* Whether two values of group key i are equal (not NULL). */
static inline bool
delta_key_equal(const DeltaSpec *spec, int i, Datum a, Datum b)
{
	switch (spec->key_kind[i])
	{
		case DELTA_KEY_DATUM:
			return a == b;
		case DELTA_KEY_BYTES:
			return VARSIZE_ANY_EXHDR(DatumGetPointer(a)) == VARSIZE_ANY_EXHDR(DatumGetPointer(b)) &&
				memcmp(VARDATA_ANY(DatumGetPointer(a)), VARDATA_ANY(DatumGetPointer(b)),
					   VARSIZE_ANY_EXHDR(DatumGetPointer(a))) == 0;
		default:
			return DatumGetBool(FunctionCall2Coll(&spec->eq[i], spec->collation[i], a, b));
	}
}

/*
 * What group key i's value (not NULL) adds to its group's hash: the datum
 * itself where it is compared as a datum (delta_group_hash mixes it), else a
 * hash of it.
 */
static inline uint64
delta_key_hash(const DeltaSpec *spec, int i, Datum v)
{
	switch (spec->key_kind[i])
	{
		case DELTA_KEY_DATUM:
			return (uint64) v;
		case DELTA_KEY_BYTES:
			return hash_bytes((const unsigned char *) VARDATA_ANY(DatumGetPointer(v)),
							  VARSIZE_ANY_EXHDR(DatumGetPointer(v)));
		default:
			return DatumGetUInt32(FunctionCall1Coll(&spec->hash[i], spec->collation[i], v));
	}
}

/*
 * The hash of a group and month: a seed, its keys combined, then mixed with
 * the finaliser of MurmurHash3's 64-bit variant (a NULL adds a constant).
 * The seed is random for each statement's pass, so that no one can choose
 * keys whose hashes collide.
 */
static inline uint32
delta_group_hash(const DeltaSpec *spec, uint64 seed, const DeltaGroup *g)
{
	uint64		h = hash_combine64(seed, (uint64) (uint32) g->month);
	int			i;

	for (i = 0; i < spec->ngroups; i++)
		h = hash_combine64(h, g->isnull[i] ? UINT64CONST(0x5bd1e995) :
						   delta_key_hash(spec, i, g->values[i]));
	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return (uint32) h;
}

/* Group keys compare as GROUP BY compares them: NULLs equal each other. */
static inline bool
delta_group_equal(const DeltaSpec *spec, const DeltaGroup *a, const DeltaGroup *b)
{
	int			i;

	if (a->month != b->month)
		return false;
	for (i = 0; i < spec->ngroups; i++)
	{
		if (a->isnull[i] || b->isnull[i])
		{
			if (a->isnull[i] != b->isnull[i])
				return false;
			continue;
		}
		if (!delta_key_equal(spec, i, a->values[i], b->values[i]))
			return false;
	}
	return true;
}

/*
 * The plan of delta_specs' query, prepared once per session: a cache (the
 * plan cache replans it after DDL on what it reads).
 */
static SPIPlanPtr specs_plan = NULL;

/*
 * Whether rel is a shard of a Citus table on this node: Citus's catalog
 * pg_dist_shard names it, as its table's name and the shard's id.  (Inside
 * delta_specs' SPI connection.)
 */
static bool
delta_is_citus_shard(Relation rel)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1] = {CStringGetTextDatum(RelationGetRelationName(rel))};
	bool		isnull;

	if (SPI_execute("SELECT pg_catalog.to_regclass('pg_catalog.pg_dist_shard') IS NOT NULL",
					true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not look for Citus's catalog");
	if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)))
		return false;
	if (SPI_execute_with_args("SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_shard s "
							  "JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) s.logicalrelid "
							  "WHERE pg_catalog.concat(c.relname, '_', s.shardid) OPERATOR(pg_catalog.=) $1)",
							  1, argtypes, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read Citus's catalog of shards");
	return DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* The type currency_amount of the schema of the type 'beside'. */
static Oid
amount_type_beside(Oid beside)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(beside));
	Oid			nsp;

	if (!HeapTupleIsValid(tup))
		return InvalidOid;
	nsp = ((Form_pg_type) GETSTRUCT(tup))->typnamespace;
	ReleaseSysCache(tup);
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						   CStringGetDatum("currency_amount"), ObjectIdGetDatum(nsp));
}

/*
 * The summaries of the source of 'rel' that the trigger computes here, read
 * into 'cxt'; false when one of them is a case left to
 * summary_statement_sql().
 */
static bool
delta_specs(Relation rel, MemoryContext cxt, List **specs)
{
	static const char *query =
		"SELECT s.summary::pg_catalog.oid, s.group_by, s.value, s.period, "
		"s.column_types::pg_catalog.oid[], s.time_zone "
		"FROM trade_stats.summary_definition s "
		"WHERE s.source OPERATOR(pg_catalog.=) $1 "
		"AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) s.summary) "
		"ORDER BY s.summary::pg_catalog.oid";
	Oid			argtypes[1] = {REGCLASSOID};
	Datum		args[1];
	TupleDesc	reldesc = RelationGetDescr(rel);
	bool		ok = true;
	uint64		r;

	/* the source: the root of rel's partition tree (summary_source_of()) */
	args[0] = ObjectIdGetDatum(rel->rd_rel->relispartition ?
							   llast_oid(get_partition_ancestors(RelationGetRelid(rel))) :
							   RelationGetRelid(rel));
	*specs = NIL;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (specs_plan == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(query, 1, argtypes);

		if (plan == NULL || SPI_keepplan(plan) != 0)
			elog(ERROR, "could not prepare the query of the summary definitions");
		specs_plan = plan;
	}
	if (SPI_execute_plan(specs_plan, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the summary definitions");
	/*
	 * The triggers of a summary on a relation with none: a data-only restore
	 * that loads the source before the definitions (nothing to keep yet),
	 * or a shard of a Citus table (CREATE TRIGGER on a distributed table
	 * copies them to its shards, on nodes that hold no definitions), whose
	 * changes would reach no summary.
	 */
	if (SPI_processed == 0)
	{
		if (!delta_is_citus_shard(rel))
		{
			SPI_finish();
			return true;
		}
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("relation \"%s\" has the triggers of a maintained summary, but no summary of it is defined",
						RelationGetRelationName(rel)),
				 errdetail("It is a shard of a Citus table: its changes would reach no summary table."),
				 errhint("Drop the triggers trade_stats_summary_* of the distributed table; a Citus table cannot have a maintained summary.")));
	}
	for (r = 0; r < SPI_processed && ok; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		MemoryContext old;
		DeltaSpec  *spec;
		Datum	   *names;
		Datum	   *types;
		int			nnames;
		int			ntypes;
		char	   *value_name;
		char	   *period_name;
		Oid			period_type;
		Oid			base;
		Oid			state_type = InvalidOid;
		int			i;

		old = MemoryContextSwitchTo(cxt);
		spec = palloc0(sizeof(DeltaSpec));
		spec->summary = DatumGetObjectId(SPI_getbinval(tup, desc, 1, &isnull));
		deconstruct_array(DatumGetArrayTypeP(SPI_getbinval(tup, desc, 2, &isnull)),
						  TEXTOID, -1, false, TYPALIGN_INT, &names, NULL, &nnames);
		value_name = TextDatumGetCString(SPI_getbinval(tup, desc, 3, &isnull));
		period_name = TextDatumGetCString(SPI_getbinval(tup, desc, 4, &isnull));
		deconstruct_array(DatumGetArrayTypeP(SPI_getbinval(tup, desc, 5, &isnull)),
						  OIDOID, sizeof(Oid), true, TYPALIGN_INT, &types, NULL, &ntypes);
		SPI_getbinval(tup, desc, 6, &isnull);
		if (!isnull)
			spec->tz = ts_time_zone(TextDatumGetCString(SPI_getbinval(tup, desc, 6, &isnull)));
		if (ntypes != nnames + 2)
			elog(ERROR, "summary definition of %u has %d column types for %d group columns",
				 spec->summary, ntypes, nnames);

		/* the group keys: columns of the relation of the type defined */
		spec->ngroups = nnames;
		spec->group_att = palloc0(sizeof(AttrNumber) * Max(nnames, 1));
		spec->group_len = palloc0(sizeof(int16) * Max(nnames, 1));
		spec->group_byval = palloc0(sizeof(bool) * Max(nnames, 1));
		spec->collation = palloc0(sizeof(Oid) * Max(nnames, 1));
		spec->key_kind = palloc0(sizeof(char) * Max(nnames, 1));
		spec->eq = palloc0(sizeof(FmgrInfo) * Max(nnames, 1));
		spec->hash = palloc0(sizeof(FmgrInfo) * Max(nnames, 1));
		for (i = 0; i < nnames && ok; i++)
		{
			char	   *name = TextDatumGetCString(names[i]);
			AttrNumber	att = get_attnum(RelationGetRelid(rel), name);
			TypeCacheEntry *tc;
			Oid			hash_lhs;
			Oid			hash_rhs;

			if (att <= 0 || TupleDescAttr(reldesc, att - 1)->atttypid != DatumGetObjectId(types[i]))
			{
				ok = false;
				break;
			}
			tc = lookup_type_cache(DatumGetObjectId(types[i]), TYPECACHE_EQ_OPR);
			if (!OidIsValid(tc->eq_opr) ||
				!get_op_hash_functions(tc->eq_opr, &hash_lhs, &hash_rhs) ||
				hash_lhs != hash_rhs)
			{
				ok = false;
				break;
			}
			spec->group_att[i] = att;
			spec->group_len[i] = TupleDescAttr(reldesc, att - 1)->attlen;
			spec->group_byval[i] = TupleDescAttr(reldesc, att - 1)->attbyval;
			spec->collation[i] = TupleDescAttr(reldesc, att - 1)->attcollation;
			fmgr_info_cxt(get_opcode(tc->eq_opr), &spec->eq[i], cxt);
			fmgr_info_cxt(hash_lhs, &spec->hash[i], cxt);
			switch (getBaseType(DatumGetObjectId(types[i])))
			{
				case INT2OID:
				case INT4OID:
				case INT8OID:
				case DATEOID:
				case TIMESTAMPOID:
				case TIMESTAMPTZOID:
				case BOOLOID:
				case OIDOID:
					spec->key_kind[i] = DELTA_KEY_DATUM;
					break;
				case TEXTOID:
				case VARCHAROID:
					spec->key_kind[i] = OidIsValid(spec->collation[i]) &&
						get_collation_isdeterministic(spec->collation[i]) ?
						DELTA_KEY_BYTES : DELTA_KEY_CALL;
					break;
				default:
					spec->key_kind[i] = DELTA_KEY_CALL;
					break;
			}
		}

		/* the value and the period */
		spec->value_att = get_attnum(RelationGetRelid(rel), value_name);
		spec->period_att = get_attnum(RelationGetRelid(rel), period_name);
		if (ok && (spec->value_att <= 0 || spec->period_att <= 0 ||
				   TupleDescAttr(reldesc, spec->value_att - 1)->atttypid != DatumGetObjectId(types[nnames]) ||
				   TupleDescAttr(reldesc, spec->period_att - 1)->atttypid != DatumGetObjectId(types[nnames + 1])))
			ok = false;
		if (ok)
		{
			period_type = DatumGetObjectId(types[nnames + 1]);
			spec->period = period_type == DATEOID ? DELTA_DATE :
				period_type == TIMESTAMPOID ? DELTA_TIMESTAMP : DELTA_TIMESTAMPTZ;
			if ((period_type != DATEOID && period_type != TIMESTAMPOID &&
				 period_type != TIMESTAMPTZOID) ||
				((spec->period == DELTA_TIMESTAMPTZ) != (spec->tz != NULL)))
				ok = false;
		}

		/* the summary table: its columns by name, its state's type */
		if (ok)
		{
			spec->rowtype = get_rel_type_id(spec->summary);
			spec->array_type = OidIsValid(spec->rowtype) ? get_array_type(spec->rowtype) : InvalidOid;
			if (!OidIsValid(spec->array_type))
				ok = false;
		}
		if (ok)
		{
			spec->sumdesc = lookup_rowtype_tupdesc_copy(spec->rowtype, -1);
			spec->sum_col = palloc0(sizeof(int) * spec->sumdesc->natts);
			get_typlenbyvalalign(spec->rowtype, &spec->rowlen, &spec->rowbyval, &spec->rowalign);
			for (i = 0; i < spec->sumdesc->natts && ok; i++)
			{
				Form_pg_attribute a = TupleDescAttr(spec->sumdesc, i);
				int			k;

				spec->sum_col[i] = DELTA_NULL;
				if (a->attisdropped)
					continue;
				if (strcmp(NameStr(a->attname), "month") == 0)
				{
					spec->sum_col[i] = DELTA_MONTH;
					ok = a->atttypid == DATEOID;
					continue;
				}
				if (strcmp(NameStr(a->attname), "summary") == 0)
				{
					spec->sum_col[i] = DELTA_STATE;
					state_type = a->atttypid;
					continue;
				}
				for (k = 0; k < nnames; k++)
				{
					if (strcmp(NameStr(a->attname), TextDatumGetCString(names[k])) == 0)
					{
						spec->sum_col[i] = k;
						ok = a->atttypid == DatumGetObjectId(types[k]);
					}
				}
			}
		}

		/*
		 * The value's kind, as the SQL path's growth_summary(value, period)
		 * resolves it: smallint and integer as bigint, real as double
		 * precision; currency_amount is the type of that name beside
		 * growth_state.
		 */
		if (ok)
		{
			spec->value_type = DatumGetObjectId(types[nnames]);
			base = getBaseType(spec->value_type);
			if (base != spec->value_type)
				ok = false;
			else if (base == INT2OID || base == INT4OID || base == INT8OID)
				spec->kind = TS_VAL_INT8;
			else if (base == FLOAT4OID || base == FLOAT8OID)
				spec->kind = TS_VAL_FLOAT8;
			else if (base == NUMERICOID)
				spec->kind = TS_VAL_NUMERIC;
			else if (OidIsValid(state_type) && base == amount_type_beside(state_type))
				spec->kind = TS_VAL_AMOUNT;
			else
				ok = false;
		}
		MemoryContextSwitchTo(old);
		if (ok)
		{
			old = MemoryContextSwitchTo(cxt);
			*specs = lappend(*specs, spec);
			MemoryContextSwitchTo(old);
		}
	}
	SPI_finish();
	return ok;
}

/*
 * Where each column of rel's rows starts when every column before it has a
 * fixed length and the row has no NULLs (-1 from the first column of
 * variable length on); PostgreSQL's attcacheoff, worked out for the columns
 * a summary reads.
 */
static int32 *
delta_offsets(TupleDesc desc, AttrNumber natts)
{
	int32	   *offsets = palloc(sizeof(int32) * Max(natts, 1));
	int32		off = 0;
	AttrNumber	att;

	for (att = 0; att < natts; att++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, att);

		if (off < 0 || a->attlen <= 0)
			off = -1;
		else
			off = att_align_nominal(off, a->attalign);
		offsets[att] = off;
		if (off >= 0)
			off += a->attlen;
	}
	return offsets;
}

/*
 * Column att of the row in slot: read at its offset in data, the row's data
 * when it has the columns at fixed offsets (delta_offsets), else deformed.
 */
static inline Datum
delta_attr(TupleTableSlot *slot, TupleDesc desc, const char *data,
		   const int32 *offsets, AttrNumber att, bool *isnull)
{
	Form_pg_attribute a = TupleDescAttr(desc, att - 1);

	if (data == NULL)
		return slot_getattr(slot, att, isnull);
	*isnull = false;
	return fetch_att(data + offsets[att - 1], a->attbyval, a->attlen);
}

/*
 * The months of the periods a pass has met, by the period's low bits: a
 * load's rows come with few periods, often each in turn (a month after
 * another), and the month of a date is a chain of multiplications.
 */
#define DELTA_MONTHS 512

/*
 * How delta_rows reads rows: the columns a summary reads, at fixed offsets
 * in a row (delta_offsets) when 'fixed'; and the months of the periods met.
 */
typedef struct DeltaReader
{
	const DeltaSpec *spec;
	TupleDesc	desc;
	AttrNumber	maxatt;
	int32	   *offsets;
	bool		fixed;
	uint64		seed;			/* of the groups' hashes */
	int32		period[DELTA_MONTHS];	/* DATEVAL_NOBEGIN when none */
	int32		month[DELTA_MONTHS];
} DeltaReader;

/*
 * A row read and not yet added: its slot holds it, and its context any key
 * it detoasted.  delta_rows reads DELTA_AHEAD rows before it adds them, so
 * that the part of the hash table each row needs is on its way to the
 * cache (rows of a large load visit groups in any order).
 */
#define DELTA_AHEAD 4

typedef struct DeltaRow
{
	TupleTableSlot *slot;
	MemoryContext cxt;
	bool		detoasted;		/* a key in cxt */
	DeltaGroup	probe;			/* its group and month, and their hash */
	int32		period;
	Datum		value;
} DeltaRow;

/*
 * Read the row in r->slot into r: false when it is left out, as the SQL
 * leaves a row without a value or a period out.
 */
static bool
delta_read(DeltaReader *rd, DeltaRow *r)
{
	const DeltaSpec *spec = rd->spec;
	HeapTuple	tuple = ((MinimalTupleTableSlot *) r->slot)->tuple;
	char	   *data;
	Datum		value;
	Datum		p;
	bool		isnull;
	int32		period;
	int			i;

	/* the row's columns, at their fixed offsets where it has them */
	data = rd->fixed && !HeapTupleHasNulls(tuple) &&
		HeapTupleHeaderGetNatts(tuple->t_data) >= rd->maxatt ?
		(char *) tuple->t_data + tuple->t_data->t_hoff : NULL;
	value = delta_attr(r->slot, rd->desc, data, rd->offsets, spec->value_att, &isnull);
	if (isnull)
		return false;
	p = delta_attr(r->slot, rd->desc, data, rd->offsets, spec->period_att, &isnull);
	if (isnull)
		return false;
	switch (spec->period)
	{
		case DELTA_DATE:
			period = DatumGetDateADT(p);
			break;
		case DELTA_TIMESTAMP:
			period = DatumGetDateADT(DirectFunctionCall1(timestamp_date, p));
			break;
		default:
			period = ts_local_date(DatumGetTimestampTz(p), spec->tz);
			break;
	}
	ts_check_period(period);
	switch (spec->value_type)
	{
		case INT2OID:
			value = Int64GetDatum((int64) DatumGetInt16(value));
			break;
		case INT4OID:
			value = Int64GetDatum((int64) DatumGetInt32(value));
			break;
		case FLOAT4OID:
			value = Float8GetDatum((float8) DatumGetFloat4(value));
			break;
	}
	r->period = period;
	r->value = value;

	/* the row's group and month */
	i = (uint32) period % DELTA_MONTHS;
	if (rd->period[i] != period)
	{
		rd->period[i] = period;
		rd->month[i] = ts_date_month_start(period);
	}
	r->probe.month = rd->month[i];
	for (i = 0; i < spec->ngroups; i++)
	{
		r->probe.values[i] = delta_attr(r->slot, rd->desc, data, rd->offsets,
										spec->group_att[i], &r->probe.isnull[i]);

		/*
		 * compared as bytes: a compressed or out-of-line value, inline (a
		 * short header is read in place)
		 */
		if (spec->key_kind[i] == DELTA_KEY_BYTES && !r->probe.isnull[i] &&
			(VARATT_IS_EXTERNAL(DatumGetPointer(r->probe.values[i])) ||
			 VARATT_IS_COMPRESSED(DatumGetPointer(r->probe.values[i]))))
		{
			MemoryContext old = MemoryContextSwitchTo(r->cxt);

			r->detoasted = true;
			r->probe.values[i] = PointerGetDatum(PG_DETOAST_DATUM_PACKED(r->probe.values[i]));
			MemoryContextSwitchTo(old);
		}
	}
	r->probe.hash = delta_group_hash(spec, rd->seed, &r->probe);
	return true;
}

/*
 * The change of one summary table for the rows of a transition table: an
 * array of the summary table's row type, one per group and month; false
 * when no row has a value and a period.
 */
static bool
delta_rows(const DeltaSpec *spec, Relation rel, Tuplestorestate *rows,
		   MemoryContext cxt, Datum *result)
{
	MemoryContext valuecxt = AllocSetContextCreate(cxt, "trade_stats summary value",
												   ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	delta_hash_hash *groups = delta_hash_create(cxt, 256, (void *) spec);
	delta_hash_iterator it;
	DeltaEntry *entry;
	DeltaReader rd;
	DeltaRow	ring[DELTA_AHEAD];
	int			first = 0;		/* the next row of the ring to add */
	int			pending = 0;	/* rows read and not yet added */
	bool		more = true;
	DeltaGroup *last = NULL;
	Datum	   *elems;
	Datum	   *values;
	bool	   *nulls;
	int			readptr;
	int			n = 0;
	int			i;

	/* the columns read, and whether they are at fixed offsets in a row */
	rd.spec = spec;
	rd.desc = RelationGetDescr(rel);
	rd.maxatt = Max(spec->value_att, spec->period_att);
	for (i = 0; i < spec->ngroups; i++)
		rd.maxatt = Max(rd.maxatt, spec->group_att[i]);
	rd.offsets = delta_offsets(rd.desc, rd.maxatt);
	rd.fixed = rd.offsets[spec->value_att - 1] >= 0 && rd.offsets[spec->period_att - 1] >= 0;
	for (i = 0; i < spec->ngroups; i++)
		rd.fixed = rd.fixed && rd.offsets[spec->group_att[i] - 1] >= 0;
	for (i = 0; i < DELTA_MONTHS; i++)
		rd.period[i] = DATEVAL_NOBEGIN;
	rd.seed = pg_prng_uint64(&pg_global_prng_state);
	for (i = 0; i < DELTA_AHEAD; i++)
	{
		ring[i].slot = MakeSingleTupleTableSlot(rd.desc, &TTSOpsMinimalTuple);
		ring[i].cxt = AllocSetContextCreate(cxt, "trade_stats summary row",
											ALLOCSET_SMALL_SIZES);
		ring[i].detoasted = false;
		ring[i].probe.values = palloc(sizeof(Datum) * Max(spec->ngroups, 1));
		ring[i].probe.isnull = palloc(sizeof(bool) * Max(spec->ngroups, 1));
	}

	/* a read pointer of our own: other triggers read the same rows */
	readptr = tuplestore_alloc_read_pointer(rows, EXEC_FLAG_REWIND);
	tuplestore_select_read_pointer(rows, readptr);
	tuplestore_rescan(rows);
	for (;;)
	{
		DeltaRow   *r;
		bool		found;
		DeltaGroup *g;
		ts_int128	v;

		/* read rows into the ring, each bucket of the hash table fetched */
		while (more && pending < DELTA_AHEAD)
		{
			r = &ring[(first + pending) % DELTA_AHEAD];
			CHECK_FOR_INTERRUPTS();
			if (!tuplestore_gettupleslot(rows, true, false, r->slot))
			{
				more = false;
				break;
			}
			if (r->detoasted)
			{
				MemoryContextReset(r->cxt);
				r->detoasted = false;
			}
			if (!delta_read(&rd, r))
				continue;
			__builtin_prefetch(&groups->data[r->probe.hash & groups->sizemask]);
			pending++;
		}
		if (pending == 0)
			break;
		r = &ring[first];
		first = (first + 1) % DELTA_AHEAD;
		pending--;

		/*
		 * the next rows' groups on their way too: the one after next, found
		 * at its bucket (fetched by now), and the next one's state
		 */
		if (pending >= 2)
		{
			DeltaRow   *after = &ring[(first + 1) % DELTA_AHEAD];
			DeltaEntry *e = &groups->data[after->probe.hash & groups->sizemask];

			if (e->status == delta_hash_SH_IN_USE && e->hash == after->probe.hash)
				__builtin_prefetch(e->group);
		}
		if (pending >= 1)
		{
			DeltaRow   *next = &ring[first];
			DeltaEntry *e = &groups->data[next->probe.hash & groups->sizemask];

			if (e->status == delta_hash_SH_IN_USE && e->hash == next->probe.hash)
				__builtin_prefetch(e->group->state);
		}

		/* the group of the row before (loads often come sorted), or the table's */
		if (last != NULL && last->hash == r->probe.hash &&
			delta_group_equal(spec, last, &r->probe))
			g = last;
		else
		{
			entry = delta_hash_insert(groups, &r->probe, &found);
			if (!found)
			{
				/*
				 * the group, its keys and its state small and together: the
				 * rows of a load may visit its groups in any order
				 */
				g = palloc(MAXALIGN(sizeof(DeltaGroup)) + sizeof(Datum) * spec->ngroups +
						   sizeof(bool) * spec->ngroups);
				g->hash = r->probe.hash;
				g->month = r->probe.month;
				g->values = (Datum *) ((char *) g + MAXALIGN(sizeof(DeltaGroup)));
				g->isnull = (bool *) (g->values + spec->ngroups);
				for (i = 0; i < spec->ngroups; i++)
				{
					g->isnull[i] = r->probe.isnull[i];
					g->values[i] = r->probe.isnull[i] ? (Datum) 0 :
						datumCopy(r->probe.values[i], spec->group_byval[i], spec->group_len[i]);
				}
				g->state = ts_gs_new_working(1, spec->kind, TS_GS_PERIODS);
				entry->group = g;
				n++;
			}
			g = last = entry->group;
		}

		/* decoding a numeric may allocate: in a context of its own */
		if (spec->kind == TS_VAL_NUMERIC)
			MemoryContextReset(valuecxt);
		MemoryContextSwitchTo(valuecxt);
		v = ts_gs_value_mantissa(g->state, spec->kind, r->value);
		MemoryContextSwitchTo(cxt);
		if (!ts_gs_add(ts_gs_entry_grow(&g->state, r->period), v, false))
			ts_gs_overflow();
	}
	for (i = 0; i < DELTA_AHEAD; i++)
	{
		ExecDropSingleTupleTableSlot(ring[i].slot);
		MemoryContextDelete(ring[i].cxt);
	}
	MemoryContextDelete(valuecxt);
	if (n == 0)
	{
		MemoryContextSwitchTo(old);
		return false;
	}

	/* a row of the summary table per group and month */
	elems = palloc(sizeof(Datum) * n);
	values = palloc(sizeof(Datum) * spec->sumdesc->natts);
	nulls = palloc(sizeof(bool) * spec->sumdesc->natts);
	n = 0;
	delta_hash_start_iterate(groups, &it);
	while ((entry = delta_hash_iterate(groups, &it)) != NULL)
	{
		DeltaGroup *g = entry->group;

		for (i = 0; i < spec->sumdesc->natts; i++)
		{
			int			c = spec->sum_col[i];

			nulls[i] = c == DELTA_NULL || (c >= 0 && g->isnull[c]);
			values[i] = c == DELTA_MONTH ? DateADTGetDatum(g->month) :
				c == DELTA_STATE ? ts_gs_flat(g->state) :
				c >= 0 ? g->values[c] : (Datum) 0;
		}
		elems[n++] = heap_copy_tuple_as_datum(heap_form_tuple(spec->sumdesc, values, nulls),
											  spec->sumdesc);
	}
	*result = PointerGetDatum(construct_array(elems, n, spec->rowtype, spec->rowlen,
											  spec->rowbyval, spec->rowalign));
	MemoryContextSwitchTo(old);
	return true;
}

/*
 * Where no frame can take the change (the library was loaded during the
 * statement, a subtransaction the frame did not open), it is applied at once,
 * as the statement's end would apply it; a removal that rows of the summary
 * do not hold is an error.
 */
static void
delta_apply_now(const DeltaSpec *spec, const StashEntry *change)
{
	bool		none;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	(void) apply_change(spec->summary, spec->array_type, change, false, &none);
	SPI_finish();
}

/* Whether partition relid is pending detach (its pg_inherits row says so). */
static bool
delta_detach_pending(Oid relid)
{
	Relation	inherits = table_open(InheritsRelationId, AccessShareLock);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tuple;
	bool		pending = false;

	ScanKeyInit(&key, Anum_pg_inherits_inhrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	scan = systable_beginscan(inherits, InheritsRelidSeqnoIndexId, true, NULL, 1, &key);
	while ((tuple = systable_getnext(scan)) != NULL)
		pending = pending || ((Form_pg_inherits) GETSTRUCT(tuple))->inhdetachpending;
	systable_endscan(scan);
	table_close(inherits, AccessShareLock);
	return pending;
}

/* The partitions of rel's tree pending detach, appended to *pending. */
static void
delta_pending_partitions(Relation rel, List **pending)
{
	PartitionDesc desc;
	int			i;

	if (rel->rd_rel->relkind != RELKIND_PARTITIONED_TABLE)
		return;
	desc = RelationGetPartitionDesc(rel, false);
	for (i = 0; i < desc->nparts; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (desc->detached_exist && delta_detach_pending(desc->oids[i]))
			*pending = lappend_oid(*pending, desc->oids[i]);
		else if (!desc->is_leaf[i])
		{
			Relation	child = table_open(desc->oids[i], AccessShareLock);

			delta_pending_partitions(child, pending);
			table_close(child, NoLock);
		}
	}
}

/*
 * A DETACH PARTITION ... CONCURRENTLY takes the partition's rows out of the
 * summaries in its first transaction (summary_ddl_prepare), then waits for
 * the statements that still see the partition in the tree.  Such a
 * statement writing rows of the partition through rel would change the
 * summaries by rows they no longer count: refused.  (Rows of the partition
 * reach rel's transition tables from no other statement: a partition
 * pending detach is out of later statements' trees, and a tree with a
 * default partition cannot detach concurrently.)
 */
static void
delta_refuse_pending(Relation rel, Tuplestorestate *added, Tuplestorestate *removed)
{
	List	   *pending = NIL;
	EState	   *estate;
	ExprContext *econtext;
	TupleTableSlot *slot;
	ListCell   *lc;

	delta_pending_partitions(rel, &pending);
	if (pending == NIL)
		return;
	estate = CreateExecutorState();
	econtext = GetPerTupleExprContext(estate);
	slot = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsMinimalTuple);
	foreach(lc, pending)
	{
		Relation	part = table_open(lfirst_oid(lc), AccessShareLock);
		List	   *qual = RelationGetPartitionQual(part);
		ExprState  *within;
		Tuplestorestate *rows[2] = {added, removed};
		int			i;

		/*
		 * no partition any more (its detach has ended since the tree was
		 * read: no statement that saw it in the tree is left)
		 */
		if (qual == NIL)
		{
			table_close(part, NoLock);
			continue;
		}
		within = ExecPrepareCheck(map_partition_varattnos(qual, 1, rel, part), estate);
		for (i = 0; i < 2; i++)
		{
			if (rows[i] == NULL)
				continue;
			tuplestore_select_read_pointer(rows[i],
										   tuplestore_alloc_read_pointer(rows[i], EXEC_FLAG_REWIND));
			tuplestore_rescan(rows[i]);
			while (tuplestore_gettupleslot(rows[i], true, false, slot))
			{
				CHECK_FOR_INTERRUPTS();
				econtext->ecxt_scantuple = slot;
				if (ExecCheck(within, econtext))
					ereport(ERROR,
							(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
							 errmsg("cannot write rows of partition \"%s\" through \"%s\" while the partition is being detached concurrently",
									RelationGetRelationName(part), RelationGetRelationName(rel)),
							 errdetail("The statement started before the detach, whose first transaction took the partition's rows out of the summary tables of \"%s\".",
									   RelationGetRelationName(rel)),
							 errhint("Retry the statement.")));
				ResetExprContext(econtext);
			}
		}
		table_close(part, NoLock);
	}
	ExecDropSingleTupleTableSlot(slot);
	FreeExecutorState(estate);
}

/* The trigger's work handed to summary_statement_sql(), unchanged. */
static Datum
delta_by_sql(FunctionCallInfo fcinfo)
{
	Oid			fn = LookupFuncName(list_make2(makeString("trade_stats"),
											   makeString("summary_statement_sql")),
									0, NULL, false);
	FmgrInfo	flinfo;
	LOCAL_FCINFO(call, 0);

	fmgr_info(fn, &flinfo);
	InitFunctionCallInfoData(*call, &flinfo, 0, InvalidOid, fcinfo->context, NULL);
	return FunctionCallInvoke(call);
}

PG_FUNCTION_INFO_V1(ts_summary_statement);

/*
 * The AFTER INSERT, UPDATE and DELETE statement triggers of a source's
 * relations: stash, for each summary table of the source, the summaries of
 * the rows the statement added (its new transition table) and removed (its
 * old one), for the statement's end to apply.
 */
Datum
ts_summary_statement(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	StashFrame *frame;
	Tuplestorestate *added = NULL;
	Tuplestorestate *removed = NULL;
	MemoryContext cxt;
	List	   *specs;
	ListCell   *lc;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		SessionReplicationRole == SESSION_REPLICATION_ROLE_REPLICA)
		return delta_by_sql(fcinfo);
	frame = stash_target();
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		added = trigdata->tg_newtable;
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) || TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		removed = trigdata->tg_oldtable;
	if ((added == NULL && removed == NULL) ||
		(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) && (added == NULL || removed == NULL)))
		return delta_by_sql(fcinfo);
	delta_refuse_pending(trigdata->tg_relation, added, removed);

	cxt = AllocSetContextCreate(CurrentMemoryContext, "trade_stats summary delta",
								ALLOCSET_DEFAULT_SIZES);
	if (!delta_specs(trigdata->tg_relation, cxt, &specs))
	{
		MemoryContextDelete(cxt);
		return delta_by_sql(fcinfo);
	}
	foreach(lc, specs)
	{
		DeltaSpec  *spec = (DeltaSpec *) lfirst(lc);
		StashEntry	change = {0};

		/* delta_rows gives one row per group and month */
		change.distinct = true;
		change.added_null = added == NULL ||
			!delta_rows(spec, trigdata->tg_relation, added, cxt, &change.added);
		change.removed_null = removed == NULL ||
			!delta_rows(spec, trigdata->tg_relation, removed, cxt, &change.removed);
		if (change.added_null && change.removed_null)
			continue;
		if (frame != NULL)
			stash_add(frame, spec->summary, spec->array_type, frame->subid, &change);
		else
			delta_apply_now(spec, &change);
	}
	MemoryContextDelete(cxt);
	PG_RETURN_POINTER(NULL);
}
