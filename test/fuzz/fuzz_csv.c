/*
 * fuzz_csv.c: libFuzzer target for the delimited-text reader.  The first
 * byte is the delimiter, the rest the text.  Every field fits the buffer
 * (never longer than the input), the reader always advances, and it ends.
 */
#include "ts_core.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ts_csv_reader r;
	char	   *field;
	size_t		len,
				total = 0;
	int			err_set;
	ts_csv_error err = (ts_csv_error) -1;
	ts_csv_result res;
	size_t		steps = 0;

	if (size < 1 || size > (1 << 16) || data[0] == '"' || data[0] == '\n' || data[0] == '\r')
		return 0;
	field = malloc(size);
	ts_csv_init(&r, (const char *) data + 1, size - 1, (char) data[0]);
	while ((res = ts_csv_next(&r, field, &len, &err)) == TS_CSV_FIELD || res == TS_CSV_LAST_FIELD)
	{
		if (len > size - 1)
			abort();
		total += len;
		/* every field consumes input or ends a record; fields of empty
		 * records cannot repeat forever */
		if (++steps > 2 * size + 2)
			abort();
	}
	/* an error says which */
	err_set = err == TS_CSV_UNCLOSED_QUOTE || err == TS_CSV_TEXT_AFTER_QUOTE ||
		err == TS_CSV_QUOTE_IN_FIELD;
	if (total > size - 1 || (res == TS_CSV_ERROR && !err_set))
		abort();
	free(field);
	return 0;
}
