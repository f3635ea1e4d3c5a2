/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  What the maintained summary tables (sql/50_summary_tables.sql) need
 *	  from the catalogs that SQL cannot ask for safely: the equality and
 *	  ordering of a group key's type, as GROUP BY and ORDER BY would use
 *	  them, whatever the search_path of the session that writes the source.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "trade_stats.h"

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
