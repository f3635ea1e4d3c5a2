/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  What the maintained summary tables (sql/55_summary_maintenance.sql)
 *	  need that SQL cannot give them safely: the equality and ordering of a
 *	  group key's type, as GROUP BY and ORDER BY would use them, whatever
 *	  the search_path of the session that writes the source; and the date
 *	  of an instant in a zone given by name, whatever the session's
 *	  timezone_abbreviations; and, before ALTER TABLE and CREATE TABLE,
 *	  which partition a DETACH PARTITION ... CONCURRENTLY or FINALIZE
 *	  names, which only the statement's parse tree tells.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/event_trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "trade_stats.h"

/* trade_stats.progress_interval, in milliseconds (-1: never) */
static int	progress_interval = 10000;

/*
 * Define the settings of maintained summaries (from _PG_init).  The value
 * is read by the SQL that builds a summary (current_setting), never here.
 */
void
ts_summary_init(void)
{
	DefineCustomIntVariable("trade_stats.progress_interval",
							"How often create_summary and refresh_summary report their progress.",
							"A NOTICE after each part of the source read once this much time has passed since the start or the last report; -1 never reports.",
							&progress_interval,
							10000, -1, INT_MAX,
							PGC_USERSET, GUC_UNIT_MS,
							NULL, NULL, NULL);
}

PG_FUNCTION_INFO_V1(ts_summary_key_equality);

/*
 * summary_key_equality(regtype) → regoperator: the equality operator of
 * the type's default btree operator class (the one GROUP BY, DISTINCT and
 * a unique index use).  A group key must have one, and an ordering too, so
 * that summary rows are locked in one order by every writer.
 */
Datum
ts_summary_key_equality(PG_FUNCTION_ARGS)
{
	Oid			typid = PG_GETARG_OID(0);
	TypeCacheEntry *entry;

	entry = lookup_type_cache(typid, TYPECACHE_EQ_OPR | TYPECACHE_LT_OPR |
							  TYPECACHE_BTREE_OPFAMILY);
	if (!OidIsValid(entry->btree_opf) || !OidIsValid(entry->eq_opr) ||
		!OidIsValid(entry->lt_opr))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("type %s has no default btree operator class",
						format_type_be(typid)),
				 errdetail("The group keys of a summary table are compared and ordered with their type's default btree operator class."),
				 errhint("Group by a column whose type has a default btree operator class.")));
	PG_RETURN_OID(entry->eq_opr);
}

PG_FUNCTION_INFO_V1(ts_summary_local_date);

/*
 * summary_local_date(timestamptz, zone text) → date: the date of an instant
 * in a time zone given by name, as the TimeZone setting reads names (never
 * as an abbreviation of the session's timezone_abbreviations), so that the
 * month a maintained summary puts a row in depends only on the zone kept
 * with its definition.
 */
Datum
ts_summary_local_date(PG_FUNCTION_ARGS)
{
	pg_tz	   *tz = ts_time_zone(text_to_cstring(PG_GETARG_TEXT_PP(1)));

	PG_RETURN_DATEADT(ts_local_date(PG_GETARG_TIMESTAMPTZ(0), tz));
}

PG_FUNCTION_INFO_V1(ts_summary_ddl_start);

/*
 * summary_ddl_start(): the ddl_command_start event trigger of maintained
 * summaries.  A DETACH PARTITION ... CONCURRENTLY commits its first
 * transaction with the partition pending detach, which the parent's scans
 * no longer see, and may be cancelled before its second transaction ends,
 * where no ddl_command_end fires: so the partition's rows leave its
 * summaries before the command, in its first transaction (and those of a
 * pending partition that still has them, before FINALIZE).  This finds
 * the parent and the partition such a command names and hands them, or
 * NULLs, to trade_stats.summary_ddl_prepare(), which does the rest.
 */
Datum
ts_summary_ddl_start(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	Oid			parent = InvalidOid;
	Oid			partition = InvalidOid;
	Oid			argtypes[2] = {REGCLASSOID, REGCLASSOID};
	Datum		values[2];
	char		nulls[2];

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		elog(ERROR, "summary_ddl_start() called as an ordinary function");
	trigdata = (EventTriggerData *) fcinfo->context;
	if (trigdata->parsetree != NULL && IsA(trigdata->parsetree, AlterTableStmt))
	{
		AlterTableStmt *stmt = (AlterTableStmt *) trigdata->parsetree;
		ListCell   *lc;

		foreach(lc, stmt->cmds)
		{
			AlterTableCmd *cmd = lfirst_node(AlterTableCmd, lc);
			PartitionCmd *pc;

			if (cmd->subtype != AT_DetachPartition &&
				cmd->subtype != AT_DetachPartitionFinalize)
				continue;
			pc = (PartitionCmd *) cmd->def;
			if (cmd->subtype == AT_DetachPartition && !pc->concurrent)
				continue;
			parent = RangeVarGetRelid(stmt->relation, NoLock, true);
			partition = RangeVarGetRelid(pc->name, NoLock, true);
		}
	}
	values[0] = ObjectIdGetDatum(parent);
	values[1] = ObjectIdGetDatum(partition);
	nulls[0] = OidIsValid(parent) ? ' ' : 'n';
	nulls[1] = OidIsValid(partition) ? ' ' : 'n';
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args("SELECT trade_stats.summary_ddl_prepare($1, $2)",
							  2, argtypes, values, nulls, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed");
	SPI_finish();
	PG_RETURN_NULL();
}
