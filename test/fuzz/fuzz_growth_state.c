/*
 * fuzz_growth_state.c: libFuzzer target for the growth_state decoders.
 *
 * The input is tried as the binary form and, NUL-terminated, as the text
 * form.  Whatever is accepted must be valid, encode and format back to a
 * form that decodes to the same state, and survive the window computations.
 */
#include "ts_growth.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_state(ts_growth_state *s)
{
	uint8_t    *bin;
	char	   *text;
	ts_growth_state *back;
	int32_t		n,
				latest;
	ts_window_sums w;

	if (ts_gs_validate(s) != NULL)
		abort();

	bin = malloc(ts_gs_encoded_size(s));
	ts_gs_encode(s, bin);
	if (ts_gs_decode_count(bin, ts_gs_encoded_size(s), &n) != NULL || n != s->nentries)
		abort();
	back = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
	if (ts_gs_decode(bin, ts_gs_encoded_size(s), back) != NULL ||
		memcmp(back->entries, s->entries, (size_t) n * sizeof(ts_growth_entry)) != 0)
		abort();
	free(back);
	free(bin);

	text = malloc(ts_gs_text_size(s));
	ts_gs_format(s, text);
	if (strlen(text) >= ts_gs_text_size(s) || ts_gs_parse_count(text, &n) != NULL)
		abort();
	back = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
	if (ts_gs_parse(text, back) != NULL || back->nentries != s->nentries ||
		memcmp(back->entries, s->entries, (size_t) n * sizeof(ts_growth_entry)) != 0)
		abort();
	free(back);
	free(text);

	if (ts_gs_latest(s, &latest))
	{
		int32_t		p_before = ts_date_minus_years(latest, 1);

		(void) ts_gs_window(s, ts_date_year_start(latest), latest, &w);
		(void) ts_gs_window(s, ts_date_year_start(p_before), p_before, &w);
		(void) ts_date_minus_months(latest, 1);
		(void) ts_gs_find(s, latest);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int32_t		n;
	ts_growth_state *s;
	char	   *str;

	if (size > (1 << 20))
		return 0;
	if (ts_gs_decode_count(data, size, &n) == NULL)
	{
		s = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
		if (ts_gs_decode(data, size, s) == NULL)
			check_state(s);
		free(s);
	}

	str = malloc(size + 1);
	memcpy(str, data, size);
	str[size] = '\0';
	if (ts_gs_parse_count(str, &n) == NULL && n <= (1 << 16))
	{
		s = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
		if (ts_gs_parse(str, s) == NULL)
			check_state(s);
		free(s);
	}
	free(str);
	return 0;
}
