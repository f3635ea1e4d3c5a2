/*
 * fuzz_sum_state.c: libFuzzer target for the text form of the sum()/avg()
 * state, "(sum,count,CODE)".
 *
 * Text that parses must be consistent and come back unchanged through the
 * formatter and the parser.  The same input read as a raw state (sum, count,
 * currency key) must be accepted exactly when it is consistent, and then
 * round-trip through the text form.
 */
#include "ts_core.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(ts_int128 sum, int64_t count, ts_currency_key currency)
{
	char		buf[TS_SUM_STATE_BUFLEN];
	ts_int128	sum2;
	int64_t		count2;
	ts_currency_key currency2;
	int			len = ts_sum_state_format(sum, count, currency, buf);

	if (len <= 0 || len >= TS_SUM_STATE_BUFLEN)
		abort();
	if (!ts_sum_state_parse(buf, &sum2, &count2, &currency2) ||
		sum2 != sum || count2 != count || currency2 != currency)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *str = malloc(size + 1);
	ts_int128	sum;
	int64_t		count;
	ts_currency_key currency;

	memcpy(str, data, size);
	str[size] = '\0';
	if (ts_sum_state_parse(str, &sum, &count, &currency))
	{
		if (!ts_sum_state_is_valid(sum, count, currency))
			abort();
		round_trip(sum, count, currency);
	}
	free(str);

	if (size >= sizeof(sum) + sizeof(count) + sizeof(currency))
	{
		memcpy(&sum, data, sizeof(sum));
		memcpy(&count, data + sizeof(sum), sizeof(count));
		memcpy(&currency, data + sizeof(sum) + sizeof(count), sizeof(currency));
		if (ts_sum_state_is_valid(sum, count, currency))
			round_trip(sum, count, currency);
	}
	return 0;
}
