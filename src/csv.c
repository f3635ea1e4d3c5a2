/*-------------------------------------------------------------------------
 *
 * csv.c
 *	  A strict reader of delimited text as rate files come (RFC 4180):
 *	  fields separated by a one-byte delimiter, records by LF, CRLF or a
 *	  lone CR, fields optionally in double quotes (a doubled quote inside is
 *	  one quote; a quoted field may hold delimiters and line breaks).
 *	  Anything else is an error naming the line: a quote inside an unquoted
 *	  field, text after a closing quote, a quote never closed.  Blank lines
 *	  are no records.
 *
 * Pure C: no PostgreSQL headers.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

#include <string.h>

void
ts_csv_init(ts_csv_reader *r, const char *text, size_t len, char delimiter)
{
	r->p = text;
	r->end = text + len;
	r->delimiter = delimiter;
	r->line = 1;
	r->record_line = 1;
	r->in_record = false;
}

/* Skip line breaks between records (blank lines). */
static void
skip_breaks(ts_csv_reader *r)
{
	while (r->p < r->end && (*r->p == '\n' || *r->p == '\r'))
	{
		if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
			r->p++;
		r->p++;
		r->line++;
	}
}

ts_csv_result
ts_csv_next(ts_csv_reader *r, char *out, size_t *len, ts_csv_error *err)
{
	size_t		n = 0;

	if (!r->in_record)
	{
		skip_breaks(r);
		if (r->p >= r->end)
			return TS_CSV_END;
		r->in_record = true;
		r->record_line = r->line;
	}

	if (r->p < r->end && *r->p == '"')
	{
		/* quoted: to the closing quote; "" is one quote */
		r->p++;
		for (;;)
		{
			if (r->p >= r->end)
			{
				*err = TS_CSV_UNCLOSED_QUOTE;
				return TS_CSV_ERROR;
			}
			if (*r->p == '"')
			{
				if (r->p + 1 < r->end && r->p[1] == '"')
				{
					out[n++] = '"';
					r->p += 2;
					continue;
				}
				r->p++;
				break;
			}
			if (*r->p == '\n' || (*r->p == '\r' && !(r->p + 1 < r->end && r->p[1] == '\n')))
				r->line++;
			out[n++] = *r->p++;
		}
		if (r->p < r->end && *r->p != r->delimiter && *r->p != '\n' && *r->p != '\r')
		{
			*err = TS_CSV_TEXT_AFTER_QUOTE;
			return TS_CSV_ERROR;
		}
	}
	else
	{
		while (r->p < r->end && *r->p != r->delimiter && *r->p != '\n' && *r->p != '\r')
		{
			if (*r->p == '"')
			{
				*err = TS_CSV_QUOTE_IN_FIELD;
				return TS_CSV_ERROR;
			}
			out[n++] = *r->p++;
		}
	}
	*len = n;

	/* what ends the field: a delimiter, or the end of the record */
	if (r->p < r->end && *r->p == r->delimiter)
	{
		r->p++;
		return TS_CSV_FIELD;
	}
	if (r->p < r->end)
	{
		if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
			r->p++;
		r->p++;
		r->line++;
	}
	r->in_record = false;
	return TS_CSV_LAST_FIELD;
}
