/*-------------------------------------------------------------------------
 *
 * citus_emu.c
 *	  Test-only module: runs an aggregate the way Citus 13 runs one across
 *	  shards (worker_partial_agg / coord_combine_agg), without Citus.
 *
 * citus_emulate(agg regprocedure, rows text, shards int, with_context bool)
 * runs the query 'rows' (its columns are the aggregate's arguments), deals
 * the rows to 'shards' shards, and on each shard calls the aggregate's
 * transition function through a bare fmgr_info(), so fn_expr is NULL, with
 * the calling aggregate's context (as Citus passes its own AggState) or
 * without any; each shard's state leaves through the state type's output
 * function as text and comes back through its input function; the states
 * are combined with the combine function and finished with the final
 * function.  The result is returned as text, to compare with the one-step
 * aggregate.  Never installed: the tests load it by path.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_proc.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

PG_MODULE_MAGIC;

typedef struct EmuState
{
	Datum		value;
	bool		isnull;
} EmuState;

/* nodeAgg's rule for a transition result: keep our expanded object, else copy. */
static void
keep_result(EmuState *st, Datum newval, bool isnull, int16 typlen, bool typbyval,
			MemoryContext aggcxt)
{
	if (!typbyval && !isnull && DatumGetPointer(newval) != DatumGetPointer(st->value))
	{
		MemoryContext old = MemoryContextSwitchTo(aggcxt);

		if (!(DatumIsReadWriteExpandedObject(newval, false, typlen) &&
			  MemoryContextGetParent(DatumGetEOHP(newval)->eoh_context) == aggcxt))
			newval = datumCopy(newval, typbyval, typlen);
		MemoryContextSwitchTo(old);
	}
	st->value = newval;
	st->isnull = isnull;
}

PG_FUNCTION_INFO_V1(citus_emulate);
Datum
citus_emulate(PG_FUNCTION_ARGS)
{
	Oid			aggoid = PG_GETARG_OID(0);
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int			nshards = PG_GETARG_INT32(2);
	bool		with_context = PG_GETARG_BOOL(3);
	HeapTuple	tup;
	Form_pg_aggregate agg;
	Oid			transfn,
				combinefn,
				finalfn,
				transtype;
	bool		init_isnull;
	Datum		init_text;
	char	   *init_str = NULL;
	FmgrInfo	trans_info,
				combine_info,
				final_info;
	int16		typlen;
	bool		typbyval;
	Oid			typinput,
				typioparam,
				typoutput;
	bool		typvarlena;
	MemoryContext aggcxt;
	AggState   *aggstate = NULL;
	EmuState   *shards;
	char	  **shard_text;
	EmuState	coord = {0, true};
	Datum		result;
	bool		result_isnull;
	Oid			result_type;

	if (nshards < 1 || nshards > 64)
		elog(ERROR, "shards must be 1 to 64");
	tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(aggoid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "%u is not an aggregate", aggoid);
	agg = (Form_pg_aggregate) GETSTRUCT(tup);
	transfn = agg->aggtransfn;
	combinefn = agg->aggcombinefn;
	finalfn = agg->aggfinalfn;
	transtype = agg->aggtranstype;
	init_text = SysCacheGetAttr(AGGFNOID, tup, Anum_pg_aggregate_agginitval, &init_isnull);
	if (!init_isnull)
		init_str = TextDatumGetCString(init_text);
	ReleaseSysCache(tup);
	if (!OidIsValid(combinefn))
		elog(ERROR, "aggregate %u has no combine function", aggoid);

	/* bare fmgr_info(): no fn_expr, as in Citus's worker_partial_agg_sfunc */
	fmgr_info(transfn, &trans_info);
	fmgr_info(combinefn, &combine_info);
	if (OidIsValid(finalfn))
		fmgr_info(finalfn, &final_info);
	get_typlenbyval(transtype, &typlen, &typbyval);
	getTypeInputInfo(transtype, &typinput, &typioparam);
	getTypeOutputInfo(transtype, &typoutput, &typvarlena);

	aggcxt = AllocSetContextCreate(CurrentMemoryContext, "citus_emulate",
								   ALLOCSET_DEFAULT_SIZES);
	if (with_context)
	{
		/* what AggCheckCallContext() reads of the calling aggregate */
		ExprContext *econtext = palloc0(sizeof(ExprContext));

		econtext->type = T_ExprContext;
		econtext->ecxt_per_tuple_memory = aggcxt;
		aggstate = makeNode(AggState);
		aggstate->curaggcontext = econtext;
	}

	shards = palloc0(sizeof(EmuState) * nshards);
	shard_text = palloc0(sizeof(char *) * nshards);
	for (int s = 0; s < nshards; s++)
	{
		shards[s].isnull = init_isnull;
		if (!init_isnull)
			shards[s].value = OidInputFunctionCall(typinput, init_str, typioparam, -1);
	}

	/* the workers: each row to shard (row number mod shards) */
	SPI_connect();
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "rows query failed");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	row = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		EmuState   *st = &shards[r % nshards];
		LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);
		bool		anynull = false;
		Datum		newval;

		InitFunctionCallInfoData(*fcinfo, &trans_info, desc->natts + 1,
								 InvalidOid, (Node *) aggstate, NULL);
		for (int a = 0; a < desc->natts; a++)
		{
			fcinfo->args[a + 1].value = SPI_getbinval(row, desc, a + 1,
													  &fcinfo->args[a + 1].isnull);
			anynull |= fcinfo->args[a + 1].isnull;
		}
		if (trans_info.fn_strict)
		{
			if (anynull)
				continue;
			if (st->isnull)
			{
				/* the first input becomes the state */
				keep_result(st, fcinfo->args[1].value, false, typlen, typbyval, aggcxt);
				continue;
			}
		}
		fcinfo->args[0].value = st->value;
		fcinfo->args[0].isnull = st->isnull;
		newval = FunctionCallInvoke(fcinfo);
		keep_result(st, newval, fcinfo->isnull, typlen, typbyval, aggcxt);
	}

	/* each shard's state leaves as text */
	for (int s = 0; s < nshards; s++)
		if (!shards[s].isnull)
			shard_text[s] = OidOutputFunctionCall(typoutput, shards[s].value);

	/* the coordinator: states in through the input function, combined */
	for (int s = 0; s < nshards; s++)
	{
		LOCAL_FCINFO(fcinfo, 2);
		Datum		in;
		Datum		newval;

		if (shard_text[s] == NULL)
			continue;
		in = OidInputFunctionCall(typinput, shard_text[s], typioparam, -1);
		if (combine_info.fn_strict && coord.isnull)
		{
			keep_result(&coord, in, false, typlen, typbyval, aggcxt);
			continue;
		}
		InitFunctionCallInfoData(*fcinfo, &combine_info, 2, InvalidOid,
								 (Node *) aggstate, NULL);
		fcinfo->args[0].value = coord.value;
		fcinfo->args[0].isnull = coord.isnull;
		fcinfo->args[1].value = in;
		fcinfo->args[1].isnull = false;
		newval = FunctionCallInvoke(fcinfo);
		keep_result(&coord, newval, fcinfo->isnull, typlen, typbyval, aggcxt);
	}

	/* finished by the final function */
	if (OidIsValid(finalfn))
	{
		LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);

		if (final_info.fn_strict && coord.isnull)
			result_isnull = true;
		else
		{
			InitFunctionCallInfoData(*fcinfo, &final_info, 1, InvalidOid,
									 (Node *) aggstate, NULL);
			fcinfo->args[0].value = coord.isnull ? (Datum) 0 :
				MakeExpandedObjectReadOnly(coord.value, coord.isnull, typlen);
			fcinfo->args[0].isnull = coord.isnull;
			result = FunctionCallInvoke(fcinfo);
			result_isnull = fcinfo->isnull;
		}
		result_type = get_func_rettype(finalfn);
	}
	else
	{
		result = coord.value;
		result_isnull = coord.isnull;
		result_type = transtype;
	}
	if (result_isnull)
	{
		SPI_finish();
		PG_RETURN_NULL();
	}
	getTypeOutputInfo(result_type, &typoutput, &typvarlena);
	{
		char	   *out = OidOutputFunctionCall(typoutput, result);
		MemoryContext old = MemoryContextSwitchTo(aggcxt);
		text	   *t = cstring_to_text(out);

		MemoryContextSwitchTo(old);
		SPI_finish();
		PG_RETURN_TEXT_P(t);
	}
}

/*
 * call_bare(fn regprocedure, a text, b text): call a two-argument function
 * the way an fmgr caller without a parse tree does (fmgr_info alone, so
 * fn_expr is NULL), its arguments read from text by their types' input
 * functions, its result returned as text (NULL for NULL).
 */
PG_FUNCTION_INFO_V1(call_bare);
Datum
call_bare(PG_FUNCTION_ARGS)
{
	Oid			fn = PG_GETARG_OID(0);
	char	   *texts[2] = {text_to_cstring(PG_GETARG_TEXT_PP(1)),
	text_to_cstring(PG_GETARG_TEXT_PP(2))};
	HeapTuple	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fn));
	Form_pg_proc proc;
	Datum		args[2];
	Oid			rettype;
	FmgrInfo	info;
	LOCAL_FCINFO(fcinfo2, 2);
	Datum		result;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fn);
	proc = (Form_pg_proc) GETSTRUCT(tup);
	if (proc->pronargs != 2)
		elog(ERROR, "call_bare needs a function of two arguments");
	for (int i = 0; i < 2; i++)
	{
		Oid			typinput,
					typioparam;

		getTypeInputInfo(proc->proargtypes.values[i], &typinput, &typioparam);
		args[i] = OidInputFunctionCall(typinput, texts[i], typioparam, -1);
	}
	rettype = proc->prorettype;
	ReleaseSysCache(tup);

	fmgr_info(fn, &info);
	InitFunctionCallInfoData(*fcinfo2, &info, 2, InvalidOid, NULL, NULL);
	fcinfo2->args[0].value = args[0];
	fcinfo2->args[0].isnull = false;
	fcinfo2->args[1].value = args[1];
	fcinfo2->args[1].isnull = false;
	result = FunctionCallInvoke(fcinfo2);
	if (fcinfo2->isnull)
		PG_RETURN_NULL();
	{
		Oid			typoutput;
		bool		isvarlena;

		getTypeOutputInfo(rettype, &typoutput, &isvarlena);
		PG_RETURN_TEXT_P(cstring_to_text(OidOutputFunctionCall(typoutput, result)));
	}
}
