/*-------------------------------------------------------------------------
 *
 * legacy.c
 *	  The compat room's glue: the C symbols that earlier versions' SQL
 *	  functions are bound to, kept so that an installation of 0.1 or 0.2
 *	  works with this library until ALTER EXTENSION trade_stats UPDATE.
 *
 * The dispatch convention of trade_stats is one C entry point per SQL
 * signature (growth_accum_amount_period, window_yoy_numeric,
 * trade_stats_pct_change_int8, ...): what the arguments are is fixed at
 * compile time, and nothing is read from fn_expr, which Citus and other
 * fmgr callers do not set.  The symbols below are the only exception: 0.1
 * bound several signatures to each of them (and 0.2 still did for the
 * window functions), so each learns its signature from its own pg_proc
 * entry (fn_oid, which every fmgr caller sets), once per call site, and
 * calls the function behind the entry points of that signature.  New code
 * never does this; a new signature gets a new entry point.
 *
 * What 0.1 stored is read by the pure part of the room, growth_compat.c.
 * This file is the top floor: it calls growth_agg.c and window.c, and no
 * file calls it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "utils/syscache.h"

#include "trade_stats.h"

/* A legacy symbol's signature, as its pg_proc entry declares it. */
typedef struct LegacySignature
{
	int			nargs;
	Oid			argtypes[4];
} LegacySignature;

/* The signature of the function being called, looked up once per call site. */
static const LegacySignature *
legacy_signature(FunctionCallInfo fcinfo)
{
	LegacySignature *sig = (LegacySignature *) fcinfo->flinfo->fn_extra;
	HeapTuple	tup;
	Form_pg_proc proc;

	if (sig != NULL)
		return sig;
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	proc = (Form_pg_proc) GETSTRUCT(tup);
	sig = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(LegacySignature));
	sig->nargs = proc->pronargs;
	for (int i = 0; i < proc->pronargs && i < lengthof(sig->argtypes); i++)
		sig->argtypes[i] = proc->proargtypes.values[i];
	ReleaseSysCache(tup);
	fcinfo->flinfo->fn_extra = sig;
	return sig;
}

/*
 * growth_accum: 0.1's transition function of every growth aggregate
 * (growth_state, value, period | part [, period | as_of]).
 */
PG_FUNCTION_INFO_V1(growth_accum);
Datum
growth_accum(PG_FUNCTION_ARGS)
{
	const LegacySignature *sig = legacy_signature(fcinfo);
	bool		with_part;

	if (sig->nargs < 3 || sig->nargs > 4)
		elog(ERROR, "growth_accum bound to a function of %d arguments", sig->nargs);
	with_part = sig->argtypes[2] == BOOLOID;
	return ts_growth_accum_call(fcinfo, ts_value_kind_of(sig->argtypes[1]),
								with_part ?
								(sig->nargs == 4 ? TS_ACCUM_PART_PERIOD : TS_ACCUM_PART) :
								(sig->nargs == 4 ? TS_ACCUM_PERIOD_AS_OF : TS_ACCUM_PERIOD));
}

/* trade_stats_pct_change: 0.1's pct_change(current, base) of every type. */
PG_FUNCTION_INFO_V1(trade_stats_pct_change);
Datum
trade_stats_pct_change(PG_FUNCTION_ARGS)
{
	return ts_pct_change_call(fcinfo, ts_value_kind_of(legacy_signature(fcinfo)->argtypes[0]));
}

/* The window functions of 0.1 and 0.2: one symbol for the four value types. */
static Datum
legacy_window(FunctionCallInfo fcinfo, TsWindowFunction fn)
{
	return ts_window_call(fcinfo, fn, ts_value_kind_of(legacy_signature(fcinfo)->argtypes[0]));
}

PG_FUNCTION_INFO_V1(window_yoy);
Datum
window_yoy(PG_FUNCTION_ARGS)
{
	return legacy_window(fcinfo, TS_WINDOW_YOY);
}

PG_FUNCTION_INFO_V1(window_mom);
Datum
window_mom(PG_FUNCTION_ARGS)
{
	return legacy_window(fcinfo, TS_WINDOW_MOM);
}

PG_FUNCTION_INFO_V1(window_prior_year);
Datum
window_prior_year(PG_FUNCTION_ARGS)
{
	return legacy_window(fcinfo, TS_WINDOW_PRIOR_YEAR);
}

PG_FUNCTION_INFO_V1(window_monthly_from_ytd);
Datum
window_monthly_from_ytd(PG_FUNCTION_ARGS)
{
	return legacy_window(fcinfo, TS_WINDOW_MONTHLY_FROM_YTD);
}

PG_FUNCTION_INFO_V1(window_share_of_total);
Datum
window_share_of_total(PG_FUNCTION_ARGS)
{
	return legacy_window(fcinfo, TS_WINDOW_SHARE_OF_TOTAL);
}
