/*
 * fuzz_growth_state.c: libFuzzer target for the growth_state decoders.
 *
 * The input is tried as the 0.1 binary form, as the packed form (format 2)
 * and, NUL-terminated, as the text form.  Whatever is accepted must be
 * valid, encode, pack and format back to a form that decodes to the same
 * state, and survive the window computations.  A packed input accepted is
 * canonical: packing it again gives the same bytes; added in place
 * (ts_gs_add_packed) to an empty state and to itself, it gives the state and
 * its double; its entries added one by one in reverse order and in a
 * shuffled order (the working state's hash index, growing by copies) give
 * the same entries once sorted.
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

	/* 0.1's binary form holds what 0.1 knew: no year start */
	bin = malloc(ts_gs_encoded_size(s));
	ts_gs_encode(s, bin);
	if (ts_gs_decode_count(bin, ts_gs_encoded_size(s), &n) != NULL || n != s->nentries)
		abort();
	back = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
	if ((ts_gs_decode(bin, ts_gs_encoded_size(s), back) == NULL) ==
		((s->flags & TS_GS_YEAR_START) != 0))
		abort();
	if (!(s->flags & TS_GS_YEAR_START) &&
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

	bin = malloc(ts_gs_packed_size(s));
	if (ts_gs_pack(s, bin) != ts_gs_packed_size(s) ||
		ts_gs_unpack_count(bin, ts_gs_packed_size(s), &n) != NULL || n != s->nentries)
		abort();
	back = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
	if (ts_gs_unpack(bin, ts_gs_packed_size(s), back) != NULL ||
		back->nentries != s->nentries)
		abort();
	for (int i = 0; i < n; i++)
		if (back->entries[i].period != s->entries[i].period ||
			back->entries[i].count != s->entries[i].count ||
			back->entries[i].part_count != s->entries[i].part_count)
			abort();
	free(back);
	free(bin);

	if (ts_gs_latest(s, &latest))
	{
		int32_t		p_before = ts_date_minus_years(latest, 1);

		(void) ts_gs_window(s, ts_date_year_start(latest), latest, &w);
		(void) ts_gs_window(s, ts_date_year_start(p_before), p_before, &w);
		(void) ts_date_minus_months(latest, 1);
		(void) ts_gs_find(s, latest);
	}
}

/*
 * Add the entries of s one by one to a fresh state that grows by copies,
 * in reverse order (step 0) or in the order k * step mod n (step coprime
 * with n); sorted, it must hold the entries of s.
 */
static void
add_permuted(const ts_growth_state *s, int step)
{
	int			n = s->nentries;
	ts_growth_state *w = calloc(1, ts_gs_size(1, true));

	memcpy(w, s, TS_GS_HEADER_SIZE);
	w->nentries = 0;
	w->capacity = 1;
	w->indexed = 1;
	w->last = 0;
	for (int k = 0; k < n; k++)
	{
		int			i = step == 0 ? n - 1 - k : (int) (((int64_t) k * step) % n);
		ts_growth_entry *e = ts_gs_entry(w, s->entries[i].period);

		if (e == NULL)
		{
			ts_growth_state *c = calloc(1, ts_gs_size(2 * w->capacity, true));

			c->capacity = 2 * w->capacity;
			c->indexed = 1;
			ts_gs_copy(c, w);
			free(w);
			w = c;
			e = ts_gs_entry(w, s->entries[i].period);
		}
		if (e->count != 0)
			abort();			/* periods are distinct */
		*e = s->entries[i];
	}
	ts_gs_sort(w);
	if (w->nentries != n || ts_gs_validate(w) != NULL ||
		memcmp(w->entries, s->entries, (size_t) n * sizeof(ts_growth_entry)) != 0)
		abort();
	free(w);
}

static void
check_any_order(const ts_growth_state *s)
{
	add_permuted(s, 0);
	if (s->nentries > 1)
		add_permuted(s, s->nentries % 7919 == 0 ? 7927 : 7919);	/* primes */
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

	if (ts_gs_unpack_count(data, size, &n) == NULL)
	{
		s = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
		if (ts_gs_unpack(data, size, s) == NULL)
		{
			uint8_t    *again = malloc(ts_gs_packed_size(s));
			ts_growth_state *sum = calloc(1, TS_GS_SIZE(n > 0 ? n : 1));
			int32_t		room;
			const char *err;

			check_state(s);
			if (ts_gs_pack(s, again) != size || memcmp(again, data, size) != 0)
				abort();
			check_any_order(s);
			memcpy(sum, s, TS_GS_HEADER_SIZE);
			sum->nentries = 0;
			sum->capacity = n;
			if (ts_gs_add_packed(sum, data, size, &room, &err) != TS_GS_ADD_OK ||
				sum->nentries != n ||
				memcmp(sum->entries, s->entries, (size_t) n * sizeof(ts_growth_entry)) != 0)
				abort();
			if (ts_gs_add_packed(sum, data, size, &room, &err) == TS_GS_ADD_OK)
				for (int i = 0; i < n; i++)
					if (sum->entries[i].count != 2 * s->entries[i].count ||
						sum->entries[i].total != 2 * s->entries[i].total)
						abort();
			free(sum);
			free(again);
		}
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
