/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  What the maintained summary tables (sql/55_summary_maintenance.sql)
 *	  need that SQL cannot give them safely: the equality and ordering of a
 *	  group key's type, as GROUP BY and ORDER BY would use them, whatever
 *	  the search_path of the session that writes the source; and the date
 *	  of an instant in a zone given by name, whatever the session's
 *	  timezone_abbreviations.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
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
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(1));
	pg_tz	   *tz = pg_tzset(name);
	struct pg_tm tm;
	fsec_t		fsec;
	int			tzoff;

	if (tz == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" not recognized", name)));
	if (TIMESTAMP_IS_NOBEGIN(t))
		PG_RETURN_DATEADT(DATEVAL_NOBEGIN);
	if (TIMESTAMP_IS_NOEND(t))
		PG_RETURN_DATEADT(DATEVAL_NOEND);
	if (timestamp2tm(t, &tzoff, &tm, &fsec, NULL, tz) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	PG_RETURN_DATEADT(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE);
}
