/*-------------------------------------------------------------------------
 *
 * rate_file.c
 *	  The C half of load_rates() (sql/25_load_rates.sql): csv_cells(), the
 *	  fields of a rate file as csv.c's strict reader gives them, and
 *	  is_currency_code(), which names in a header are currencies.  The
 *	  loader itself is PL/pgSQL over these two: it reshapes the fields into
 *	  rows of trade_stats.exchange_rate in one INSERT, so that the rates
 *	  table's own constraints, triggers and privileges apply to every row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "trade_stats.h"

/* is_currency_code(text): an upper-case ISO 4217 code trade_stats knows. */
PG_FUNCTION_INFO_V1(trade_stats_is_currency_code);
Datum
trade_stats_is_currency_code(PG_FUNCTION_ARGS)
{
	text	   *code = PG_GETARG_TEXT_PP(0);
	PG_RETURN_BOOL(ts_currency_exact(VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code)) != NULL);
}

/* A rate file that csv.c cannot read: 22P04, one whole message per error. */
static void
invalid_csv(ts_csv_error err, int line)
{
	switch (err)
	{
		case TS_CSV_UNCLOSED_QUOTE:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("invalid rate file: a quoted field is not closed on line %d",
							line)));
			break;
		case TS_CSV_TEXT_AFTER_QUOTE:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("invalid rate file: text after the closing quote of a field on line %d",
							line)));
			break;
		case TS_CSV_QUOTE_IN_FIELD:
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("invalid rate file: a quote inside an unquoted field on line %d",
							line)));
			break;
	}
	elog(ERROR, "unexpected error %d of the delimited-text reader", (int) err);
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
		ts_csv_error err;
		ts_csv_result r = ts_csv_next(&reader, field, &n, &err);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		if (r == TS_CSV_END)
			break;
		if (r == TS_CSV_ERROR)
			invalid_csv(err, reader.record_line);
		values[0] = Int32GetDatum(reader.record_line);
		values[1] = Int32GetDatum(position);
		values[2] = PointerGetDatum(cstring_to_text_with_len(field, (int) n));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		position = r == TS_CSV_LAST_FIELD ? 1 : position + 1;
	}
	return (Datum) 0;
}
