/*
 * fuzz_amount.c: libFuzzer target for the amount parser and formatters.
 *
 * Any input: parse must not crash; what it accepts must print canonically
 * and read back as the same value; humanize in every language must fit its
 * buffer and print valid input of the same currency (or, at the edge of the
 * range, a value just out of it).
 */
#include "ts_core.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ts_parse_result r,
				back;
	char		buf[TS_AMOUNT_BUFLEN];
	char		human[TS_HUMANIZE_BUFLEN];
	int			len;

	ts_parse_amount((const char *) data, size, &r);
	if (r.status != TS_PARSE_OK)
		return 0;

	len = ts_format_amount(r.units, r.currency, buf);
	if (len <= 0 || len >= TS_AMOUNT_BUFLEN || strlen(buf) != (size_t) len)
		abort();
	ts_parse_amount(buf, (size_t) len, &back);
	if (back.status != TS_PARSE_OK || back.units != r.units ||
		back.currency != r.currency)
		abort();

	for (int lang = TS_LANG_EN; lang <= TS_LANG_KO; lang++)
	{
		int			digits = size > 0 ? data[0] % (TS_HUMANIZE_MAX_DIGITS + 1) : 2;

		len = ts_humanize(r.units, r.currency, (ts_lang) lang, digits, human);
		if (len <= 0 || len >= TS_HUMANIZE_BUFLEN || strlen(human) != (size_t) len)
			abort();
		ts_parse_amount(human, (size_t) len, &back);
		if (back.status != TS_PARSE_OK && back.status != TS_PARSE_RANGE)
			abort();
		if (back.status == TS_PARSE_OK && back.currency != r.currency)
			abort();
	}
	return 0;
}
