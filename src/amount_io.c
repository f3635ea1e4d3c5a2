/*-------------------------------------------------------------------------
 *
 * amount_io.c
 *	  currency_amount text and binary I/O, accessors, casts, the numeric
 *	  constructor and humanize().
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "trade_stats.h"

/* A UTF-8 string of the parser in the server's encoding. */
static const char *
server_text(const char *utf8)
{
	return pg_any_to_server(utf8, (int) strlen(utf8), PG_UTF8);
}

/* Report a failed parse of 'str' as the right SQLSTATE and message. */
static void
report_parse_error(const char *str, const ts_parse_result *res)
{
	switch (res->status)
	{
		case TS_PARSE_OK:
			break;
		case TS_PARSE_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type currency_amount: \"%s\"",
							str),
					 errhint("Write an amount and a currency, as in \"1234.56 USD\" or \"8.45 trillion yuan\".")));
			break;
		case TS_PARSE_NO_CURRENCY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type currency_amount: \"%s\"",
							str),
					 errdetail("The amount names no currency."),
					 errhint("Add an ISO 4217 code, as in \"%s USD\".", str)));
			break;
		case TS_PARSE_CONFLICT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type currency_amount: \"%s\"",
							str),
					 errdetail("The amount names two currencies, %s and %s.",
							   ts_currency_code(res->currency),
							   ts_currency_code(res->other))));
			break;
		case TS_PARSE_UNKNOWN_CURRENCY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown currency code \"%s\" in currency_amount \"%s\"",
							server_text(res->token), str),
					 errhint("Use an ISO 4217 code such as USD, CNY or EUR.")));
			break;
		case TS_PARSE_AMBIGUOUS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("ambiguous currency symbol \"%s\" in currency_amount \"%s\"",
							server_text(res->token), str),
					 (strstr(res->token, "\xc2\xa5") || strstr(res->token, "\xef\xbf\xa5")) ?
					 errhint("The sign \"%s\" stands for both the Chinese yuan and the Japanese yen: write CNY or JPY.",
							 server_text(res->token)) :
					 strcmp(res->token, "\xe3\x83\x89\xe3\x83\xab") == 0 ?
					 errhint("\"%s\" is the dollar of several currencies: write 米ドル or USD for the US dollar, or the ISO 4217 code of another.",
							 server_text(res->token)) :
					 errhint("\"%s\" stands for several currencies (%s): write the ISO 4217 code of the one meant.",
							 server_text(res->token), res->candidates)));
			break;
		case TS_PARSE_INEXACT:
			{
				const ts_currency *cur = ts_amount_currency(res->currency);

				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type currency_amount: \"%s\"",
								str),
						 errdetail("%s amounts have %d decimal places; this value cannot be represented exactly.",
								   cur->code, cur->minor_units),
						 errhint("Round the value first, or use currency_amount(numeric, text), which rounds half away from zero.")));
				break;
			}
		case TS_PARSE_GROUPS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type currency_amount: \"%s\"",
							str),
					 errdetail("Each group of the number must have a smaller scale than the group before it and be less than that scale; only the last group may have decimals."),
					 errhint("Write the groups from the largest scale down, as in \"15兆8977億円\" or \"1万2000円\".")));
			break;
		case TS_PARSE_RANGE:
			ts_value_out_of_range(str, "currency_amount",
								  "An amount is a signed 64-bit count of the currency's minor units.");
			break;
	}
}

PG_FUNCTION_INFO_V1(currency_amount_in);
Datum
currency_amount_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	ts_parse_result res;
	/* the parser reads UTF-8 (its symbols and Chinese words are UTF-8) */
	char	   *utf8 = pg_server_to_any(str, strlen(str), PG_UTF8);

	ts_parse_amount(utf8, strlen(utf8), &res);
	if (res.status != TS_PARSE_OK)
		report_parse_error(str, &res);
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(res.units, res.currency));
}

PG_FUNCTION_INFO_V1(currency_amount_out);
Datum
currency_amount_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(ts_amount_text(PG_GETARG_CURRENCY_AMOUNT_P(0)));
}

/*
 * Binary form: int64 minor units, int16 count of decimals (informative,
 * checked on input), three ASCII bytes of the ISO code.
 */
PG_FUNCTION_INFO_V1(currency_amount_send);
Datum
currency_amount_send(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	const ts_currency *cur = ts_amount_currency(a->currency);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, a->units);
	pq_sendint16(&buf, (uint16) cur->minor_units);
	pq_sendbytes(&buf, cur->code, 3);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(currency_amount_recv);
Datum
currency_amount_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		units;
	int			minor;
	const char *code;
	const ts_currency *cur;

	units = pq_getmsgint64(buf);
	minor = (int16) pq_getmsgint(buf, 2);
	code = pq_getmsgbytes(buf, 3);
	cur = ts_currency_exact(code, 3);
	if (cur == NULL)
	{
		bool		printable = true;

		for (int i = 0; i < 3; i++)
			if (code[i] < 0x21 || code[i] > 0x7e)
				printable = false;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unknown currency code \"%s\" in binary currency_amount",
						printable ? pnstrdup(code, 3) : "(not printable)")));
	}
	if (minor != cur->minor_units)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid scale %d for %s in binary currency_amount",
						minor, cur->code),
				 errdetail("%s amounts have %d decimal places.", cur->code,
						   cur->minor_units)));
	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(units,
											ts_currency_key_from_code(cur->code)));
}

/* currency(a): the ISO code. */
PG_FUNCTION_INFO_V1(currency_amount_currency);
Datum
currency_amount_currency(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	const ts_currency *cur = ts_amount_currency(a->currency);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(cur->code, 3));
}

/* a::numeric: major units at the currency's scale ('5 USD' gives 5.00). */
PG_FUNCTION_INFO_V1(currency_amount_to_numeric);
Datum
currency_amount_to_numeric(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	const ts_currency *cur = ts_amount_currency(a->currency);

	PG_RETURN_NUMERIC(int64_div_fast_to_numeric(a->units, cur->minor_units));
}

/* currency_amount(numeric, text): rounds half away from zero. */
PG_FUNCTION_INFO_V1(currency_amount_from_numeric);
Datum
currency_amount_from_numeric(PG_FUNCTION_ARGS)
{
	Numeric		num = PG_GETARG_NUMERIC(0);
	const ts_currency *cur = ts_lookup_currency_text(PG_GETARG_TEXT_PP(1));
	ts_currency_key key = ts_currency_key_from_code(cur->code);

	PG_RETURN_CURRENCY_AMOUNT_P(ts_make_amount(ts_numeric_to_minor_units(num,
																   cur->minor_units,
																   key, TS_RESULT_VALUE),
											key));
}

/*
 * humanize(a, lang, digits): "8.45 trillion yuan", "8.45万亿元",
 * "15.90兆円", "15.90조 원".
 */
PG_FUNCTION_INFO_V1(currency_amount_humanize);
Datum
currency_amount_humanize(PG_FUNCTION_ARGS)
{
	CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(0);
	ts_lang		lang = ts_text_lang(PG_GETARG_TEXT_PP(1), TS_TEXT_HUMANIZE);
	int32		digits = PG_GETARG_INT32(2);
	char		buf[TS_HUMANIZE_BUFLEN];
	int			len;

	ts_amount_currency(a->currency);
	ts_check_text_digits(digits, TS_TEXT_HUMANIZE);
	len = ts_humanize(a->units, a->currency, lang, digits, buf);
	if (len < 0)
		elog(ERROR, "humanize failed");
	/* UTF-8 into the server's encoding; 22P05 where it has no such character */
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(buf, len, PG_UTF8)));
}
