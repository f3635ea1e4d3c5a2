/*
 * test_core.c
 *	  Unit tests of the pure C core: currency table, parser, formatter,
 *	  rounding arithmetic.  Prints one line per failure and a closing
 *	  "N passed, N failed" line; exits 1 if anything failed.
 */
#include "ts_core.h"
#include "ts_parts.h"
#include "ts_quantity.h"
#include "ts_growth.h"

#include <stdlib.h>

#include <stdio.h>
#include <string.h>

static int	passed = 0;
static int	failed = 0;

#define CHECK(cond, ...) \
	do { \
		if (cond) \
			passed++; \
		else \
		{ \
			failed++; \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); \
			printf("\n"); \
		} \
	} while (0)

static const char *status_name[] = {
	"OK", "SYNTAX", "NO_CURRENCY", "CONFLICT", "UNKNOWN_CURRENCY",
	"AMBIGUOUS", "INEXACT", "RANGE", "GROUPS"
};

/* Input that must parse to the given canonical output. */
typedef struct good_case
{
	const char *input;
	const char *canonical;
} good_case;

static const good_case good[] = {
	{"720490000000.00 CNY", "720490000000.00 CNY"},
	{"CNY 720.49", "720.49 CNY"},
	{"-5 USD", "-5.00 USD"},
	{"USD 1,234.56", "1234.56 USD"},
	{"$2.52 billion", "2520000000.00 USD"},
	{"US$ 40.55 billion", "40550000000.00 USD"},
	{"1.29 trillion U.S. dollars", "1290000000000.00 USD"},
	{"8.45 trillion yuan", "8450000000000.00 CNY"},
	{"16.03 billion yuan", "16030000000.00 CNY"},
	{"RMB 3.5 million", "3500000.00 CNY"},
	{"8.45万亿元", "8450000000000.00 CNY"},
	{"7204.9亿元", "720490000000.00 CNY"},
	{"16.03亿美元", "1603000000.00 USD"},
	{"12.5万元", "125000.00 CNY"},
	{"100 JPY", "100 JPY"},
	{"1.234 KWD", "1.234 KWD"},
	{"usd 5", "5.00 USD"},
	{"  5 USD  ", "5.00 USD"},
	{"5USD", "5.00 USD"},
	{"USD5", "5.00 USD"},
	{"USD -5", "-5.00 USD"},
	{"-$5", "-5.00 USD"},
	{"$-5", "-5.00 USD"},
	{"+5 USD", "5.00 USD"},
	{"\xe2\x88\x92" "5 USD", "-5.00 USD"},
	{".5 USD", "0.50 USD"},
	{"5. USD", "5.00 USD"},
	{"0.50000000000000000000 USD", "0.50 USD"},
	{"000000000000000000000000001 USD", "1.00 USD"},
	{"-0 USD", "0.00 USD"},
	{"1,000,000 USD", "1000000.00 USD"},
	{"2.5k EUR", "2500.00 EUR"},
	{"2.5K EUR", "2500.00 EUR"},
	{"2.5m USD", "2500000.00 USD"},
	{"2.5 mn USD", "2500000.00 USD"},
	{"2.5bn USD", "2500000000.00 USD"},
	{"2.5B USD", "2500000000.00 USD"},
	{"1.5 tn USD", "1500000000000.00 USD"},
	{"3 thousand yuan", "3000.00 CNY"},
	{"5 MXN", "5.00 MXN"},
	{"5 BND", "5.00 BND"},
	{"5 TND", "5.000 TND"},
	{"5 m MXN", "5000000.00 MXN"},
	{"\xe2\x82\xac" "5", "5.00 EUR"},
	{"\xc2\xa3" "5", "5.00 GBP"},
	{"CN\xc2\xa5" "5", "5.00 CNY"},
	{"JP\xc2\xa5" "500", "500 JPY"},
	{"HK$ 5", "5.00 HKD"},
	{"US $40.55 billion", "40550000000.00 USD"},
	{"8.45万亿元人民币", "8450000000000.00 CNY"},
	{"2,715,997,517,261 USD", "2715997517261.00 USD"},
	{"USD 1.29 trillion", "1290000000000.00 USD"},
	{"RMB3.5bn", "3500000000.00 CNY"},
	{"5 US dollars", "5.00 USD"},
	{"5 US dollar", "5.00 USD"},
	{"5 dollars", "5.00 USD"},
	{"5 U.S.  Dollars", "5.00 USD"},
	{"5 euros", "5.00 EUR"},
	{"5 euro", "5.00 EUR"},
	{"5 yen", "5 JPY"},
	{"5 won", "5 KRW"},
	{"5 Hong Kong dollars", "5.00 HKD"},
	{"5 pounds sterling", "5.00 GBP"},
	{"5 pound sterling", "5.00 GBP"},
	{"5 Swiss francs", "5.00 CHF"},
	{"$5 USD", "5.00 USD"},
	{"人民币8.45万亿元", "8450000000000.00 CNY"},
	{"5万日元", "50000 JPY"},
	{"5千万港元", "50000000.00 HKD"},
	{"3千亿元", "300000000000.00 CNY"},
	{"5\xc2\xa0USD", "5.00 USD"},
	{"5\xe3\x80\x80USD", "5.00 USD"},
	{"92233720368547758.07 USD", "92233720368547758.07 USD"},
	{"-92233720368547758.08 USD", "-92233720368547758.08 USD"},
	{"9223372036854775807 JPY", "9223372036854775807 JPY"},
	{"-9223372036854775808 JPY", "-9223372036854775808 JPY"},
	{"922337203685477.5807 XAU", "922337203685477.5807 XAU"},
	{"1.2345 XDR", "1.2345 XDR"},
	/* Japanese and Korean units, and numbers in groups */
	{"15兆8977億円", "15897700000000 JPY"},
	{"3.5億円", "350000000 JPY"},
	{"1万2000円", "12000 JPY"},
	{"15조 8977억 원", "15897700000000 KRW"},
	{"3억 원", "300000000 KRW"},
	{"3억원", "300000000 KRW"},
	{"9兆2,089億円", "9208900000000 JPY"},
	{"15.90兆円", "15900000000000 JPY"},
	{"1億5万円", "100050000 JPY"},
	{"1 万 2000 円", "12000 JPY"},
	{"JPY 1万2000", "12000 JPY"},
	{"-1万2000.50元", "-12000.50 CNY"},
	{"1亿2000万元", "120000000.00 CNY"},
	{"1万5千元", "15000.00 CNY"},
	{"1만 5천 원", "15000 KRW"},
	{"1억 2천만 원", "120000000 KRW"},
	{"3천억 원", "300000000000 KRW"},
	{"5千億円", "500000000000 JPY"},
	{"1億2千万円", "120000000 JPY"},
	{"1万.5元", "10000.50 CNY"},
	{"583.60억 달러", "58360000000.00 USD"},
	{"583.60億米ドル", "58360000000.00 USD"},
	{"8.45兆人民元", "8450000000000.00 CNY"},
	{"5 위안", "5.00 CNY"},
	{"5 홍콩  달러", "5.00 HKD"},
	{"9223372兆0368億5477万5807円", "9223372036854775807 JPY"},
	{"-9223372兆0368億5477万5808円", "-9223372036854775808 JPY"},
	/* a shared symbol with a mark of one of its currencies: that one */
	{"\xc2\xa5" "5 JPY", "5 JPY"},
	{"\xc2\xa5" "1万円", "10000 JPY"},
	{"\xc2\xa5" "1亿元", "100000000.00 CNY"},
	{"\xef\xbf\xa5" "5 CNY", "5.00 CNY"},
	{"CNY 5 \xc2\xa5", "5.00 CNY"},
	{"\xc2\xa3" "5 pounds", "5.00 GBP"},
	{"GBP 5 pounds", "5.00 GBP"},
	{"kr 5 SEK", "5.00 SEK"},
	{"$5 ドル", "5.00 USD"},
	{"CHF 5 francs", "5.00 CHF"},
};

typedef struct bad_case
{
	const char *input;
	ts_parse_status status;
	const char *token;			/* expected token, or NULL */
} bad_case;

static const bad_case bad[] = {
	{"", TS_PARSE_SYNTAX, NULL},
	{"   ", TS_PARSE_SYNTAX, NULL},
	{"USD", TS_PARSE_SYNTAX, NULL},
	{"12.5", TS_PARSE_NO_CURRENCY, NULL},
	{"12.5 million", TS_PARSE_NO_CURRENCY, NULL},
	{"12 XYZ", TS_PARSE_UNKNOWN_CURRENCY, "XYZ"},
	{"xyz 12", TS_PARSE_UNKNOWN_CURRENCY, "XYZ"},
	{"\xc2\xa5" "5", TS_PARSE_AMBIGUOUS, "\xc2\xa5"},
	{"5 \xef\xbf\xa5", TS_PARSE_AMBIGUOUS, "\xef\xbf\xa5"},
	{"5 kr", TS_PARSE_AMBIGUOUS, "kr"},
	{"5 pounds", TS_PARSE_AMBIGUOUS, "pounds"},
	{"1.234 USD", TS_PARSE_INEXACT, NULL},
	{"1.5 JPY", TS_PARSE_INEXACT, NULL},
	{"1.2345678 million JPY", TS_PARSE_INEXACT, NULL},
	{"92233720368547758.08 USD", TS_PARSE_RANGE, NULL},
	{"-92233720368547758.09 USD", TS_PARSE_RANGE, NULL},
	{"99999999999999999999999999999 USD", TS_PARSE_RANGE, NULL},
	{"100000 trillion yuan", TS_PARSE_RANGE, NULL},
	{"USD 5 EUR", TS_PARSE_CONFLICT, NULL},
	{"$5 EUR", TS_PARSE_CONFLICT, NULL},
	{"5 USD x", TS_PARSE_SYNTAX, NULL},
	{"\xc2\xa5" "5 USD", TS_PARSE_AMBIGUOUS, "\xc2\xa5"},
	{"\xc2\xa5" "5 pounds", TS_PARSE_AMBIGUOUS, "\xc2\xa5"},
	{"\xc2\xa5" "5 \xef\xbf\xa5", TS_PARSE_AMBIGUOUS, "\xc2\xa5"},
	{"\xc2\xa3" "5 kr", TS_PARSE_AMBIGUOUS, "kr"},
	{"EUR 5 ドル", TS_PARSE_AMBIGUOUS, "ドル"},
	{"5 dollarz", TS_PARSE_SYNTAX, NULL},
	{"1,23 USD", TS_PARSE_SYNTAX, NULL},
	{"1,2345 USD", TS_PARSE_SYNTAX, NULL},
	{",123 USD", TS_PARSE_SYNTAX, NULL},
	{"1,234,56 USD", TS_PARSE_SYNTAX, NULL},
	{"1234,567.5 USD", TS_PARSE_SYNTAX, NULL},
	{"1.2.3 USD", TS_PARSE_SYNTAX, NULL},
	{"--5 USD", TS_PARSE_SYNTAX, NULL},
	{"-USD -5", TS_PARSE_SYNTAX, NULL},
	{"1e5 USD", TS_PARSE_SYNTAX, NULL},
	{"NaN USD", TS_PARSE_SYNTAX, NULL},
	{"Infinity USD", TS_PARSE_SYNTAX, NULL},
	{"5 5 USD", TS_PARSE_SYNTAX, NULL},
	{"5 million million USD", TS_PARSE_SYNTAX, NULL},
	{". USD", TS_PARSE_SYNTAX, NULL},
	{"5 USD;", TS_PARSE_SYNTAX, NULL},
	{"five USD", TS_PARSE_SYNTAX, NULL},
	{"8,45 EUR", TS_PARSE_SYNTAX, NULL},
	{"1 234.56 USD", TS_PARSE_SYNTAX, NULL},
	{"(5.00) USD", TS_PARSE_SYNTAX, NULL},
	{"1万20000円", TS_PARSE_GROUPS, NULL},
	{"1万2万円", TS_PARSE_GROUPS, NULL},
	{"1万3億円", TS_PARSE_GROUPS, NULL},
	{"1.5万2000円", TS_PARSE_GROUPS, NULL},
	{"1万2 million JPY", TS_PARSE_GROUPS, NULL},
	{"1万2000円3", TS_PARSE_SYNTAX, NULL},
	{"1 million 2万 JPY", TS_PARSE_SYNTAX, NULL},
	{"1万2000 3 円", TS_PARSE_SYNTAX, NULL},
	{"5 ドル", TS_PARSE_AMBIGUOUS, "ドル"},
	{"1万2000.5円", TS_PARSE_INEXACT, NULL},
	{"9223372兆0368億5477万5808円", TS_PARSE_RANGE, NULL},
	{"15兆8977億", TS_PARSE_NO_CURRENCY, NULL},
	{"15兆8977億 USD 円", TS_PARSE_SYNTAX, NULL},
	{"USD 3億円", TS_PARSE_CONFLICT, NULL},
};

static void
test_table(void)
{
	const ts_currency *prev = NULL;
	int			n = ts_currency_count();
	bool		sorted = true;
	bool		valid = true;

	for (int i = 0; i < n; i++)
	{
		const ts_currency *c = ts_currency_at(i);

		if (prev && strcmp(prev->code, c->code) >= 0)
			sorted = false;
		if (ts_currency_key_from_code(c->code) == TS_NO_CURRENCY ||
			c->minor_units < 0 || c->minor_units > TS_MAX_MINOR_UNITS ||
			ts_currency_by_code(c->code, 3) != c)
			valid = false;
		prev = c;
	}
	CHECK(sorted, "currency table is sorted by code");
	CHECK(valid, "every currency has a valid key, minor unit and lookup");
	CHECK(n >= 170, "table has the active ISO 4217 codes (%d)", n);
	CHECK(ts_currency_by_code("usd", 3)->minor_units == 2, "USD has 2 decimals");
	CHECK(ts_currency_by_code("JPY", 3)->minor_units == 0, "JPY has 0 decimals");
	CHECK(ts_currency_by_code("KRW", 3)->minor_units == 0, "KRW has 0 decimals");
	CHECK(ts_currency_by_code("KWD", 3)->minor_units == 3, "KWD has 3 decimals");
	CHECK(ts_currency_by_code("CNY", 3)->numeric_code == 156, "CNY is 156");
	CHECK(ts_currency_by_code("XYZ", 3) == NULL, "XYZ is unknown");
	CHECK(ts_currency_by_code("US", 2) == NULL, "two letters are no code");
	CHECK(ts_currency_by_key(TS_NO_CURRENCY) == NULL, "key 0 is no currency");
	{
		int			named = 0,
					all_four = 0,
					misread = 0;

		for (int i = 0; i < n; i++)
		{
			const ts_currency *c = ts_currency_at(i);
			const char *names[4] = {c->name_en, c->name_zh, c->name_ja, c->name_ko};

			if (c->name_en == NULL)
				continue;
			named++;
			if (c->name_zh && c->name_ja && c->name_ko)
				all_four++;
			/* each name, after a number, reads as its own currency */
			for (int k = 0; k < 4; k++)
			{
				char		text[80];
				ts_parse_result r;

				if (names[k] == NULL)
					continue;
				snprintf(text, sizeof(text), "5 %s", names[k]);
				ts_parse_amount(text, strlen(text), &r);
				if (r.status != TS_PARSE_OK ||
					r.currency != ts_currency_key_from_code(c->code))
				{
					misread++;
					printf("\"%s\" does not read as %s\n", text, c->code);
				}
			}
		}
		CHECK(named == 15 && all_four == 15,
			  "the %d currencies named in English have Chinese, Japanese and Korean names (%d)",
			  named, all_four);
		CHECK(misread == 0, "every currency name reads as its currency (%d misread)", misread);
	}
}

static void
test_good(void)
{
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
	{
		ts_parse_result r;
		char		buf[TS_AMOUNT_BUFLEN];

		ts_parse_amount(good[i].input, strlen(good[i].input), &r);
		if (r.status != TS_PARSE_OK)
		{
			CHECK(false, "parse \"%s\": %s", good[i].input,
				  status_name[r.status]);
			continue;
		}
		ts_format_amount(r.units, r.currency, buf);
		CHECK(strcmp(buf, good[i].canonical) == 0,
			  "parse \"%s\" gives \"%s\", expected \"%s\"",
			  good[i].input, buf, good[i].canonical);
	}
}

static void
test_bad(void)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		ts_parse_result r;

		ts_parse_amount(bad[i].input, strlen(bad[i].input), &r);
		CHECK(r.status == bad[i].status &&
			  (bad[i].token == NULL || strcmp(r.token, bad[i].token) == 0),
			  "parse \"%s\": got %s \"%s\", expected %s", bad[i].input,
			  status_name[r.status], r.token, status_name[bad[i].status]);
	}
}

/* Every canonical output parses back to the same value. */
static void
test_round_trip(void)
{
	static const int64_t values[] = {
		0, 1, -1, 5, 99, 100, 101, -101, 123456789, -987654321,
		INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1
	};
	int			bad_trips = 0;

	for (int c = 0; c < ts_currency_count(); c++)
	{
		ts_currency_key key = ts_currency_key_from_code(ts_currency_at(c)->code);

		for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		{
			char		buf[TS_AMOUNT_BUFLEN];
			ts_parse_result r;
			int			len = ts_format_amount(values[i], key, buf);

			ts_parse_amount(buf, (size_t) len, &r);
			if (r.status != TS_PARSE_OK || r.units != values[i] ||
				r.currency != key)
			{
				if (bad_trips++ < 5)
					printf("round trip failed for %s\n", buf);
			}
		}
	}
	CHECK(bad_trips == 0, "canonical output round-trips (%d failures)",
		  bad_trips);
}

/* ts_decimal_scan of a NUL-terminated string, checking mantissa and scale */
static bool
scans_to(const char *str, int max_scale, ts_int128 mant, int scale)
{
	ts_int128	m;
	int			sc;

	return ts_decimal_scan(str, strlen(str), max_scale, &m, &sc) && m == mant && sc == scale;
}

/*
 * Base-10000 digits of a plain decimal, as numeric_send gives them: the
 * integer part in groups of four from the point leftwards, the fraction
 * rightwards, leading and trailing zero groups dropped.
 */
static int
to_base10000(const char *str, bool *negative, int *weight, int16_t *digits)
{
	char		intpart[80] = "",
				frac[80] = "";
	const char *p = str;
	const char *dot;
	int16_t		groups[80];
	int			n = 0,
				ilen,
				ipad,
				first = -1,
				last = -1;

	*negative = (*p == '-');
	if (*p == '-' || *p == '+')
		p++;
	dot = strchr(p, '.');
	if (dot)
	{
		memcpy(intpart, p, dot - p);
		strcpy(frac, dot + 1);
	}
	else
		strcpy(intpart, p);
	ilen = (int) strlen(intpart);
	ipad = (4 - ilen % 4) % 4;
	/* integer groups */
	for (int i = -ipad; i < ilen; i += 4)
	{
		int			g = 0;

		for (int k = i; k < i + 4; k++)
			g = g * 10 + (k >= 0 ? intpart[k] - '0' : 0);
		groups[n++] = (int16_t) g;
	}
	*weight = n - 1;
	for (int i = 0; frac[i]; i += 4)
	{
		int			g = 0;

		for (int k = i; k < i + 4; k++)
			g = g * 10 + (k < (int) strlen(frac) ? frac[k] - '0' : 0);
		groups[n++] = (int16_t) g;
	}
	for (int i = 0; i < n; i++)
		if (groups[i] != 0)
		{
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0)
	{
		*weight = 0;
		return 0;
	}
	*weight -= first;
	for (int i = first; i <= last; i++)
		digits[i - first] = groups[i];
	return last - first + 1;
}

static void
test_decimal(void)
{
	static const char *samples[] = {
		"0", "1", "-1", "12.345", "-12.345", "12.3449", "0.5", "-0.5",
		"1000", "10000", "100000000", "0.0001", "0.00010", "0.00001",
		"123456789.987654321", "-0.000000000000000000000000000000049",
		"0.000000000000000000000000000000050", "99999999.99999999",
		"170141183460469231731687303715884105727",
		"170141183460469231731687303715884105728",
		"-170141183460469231731687303715884105728",
		"1.00000000000000000000000000000049999",
		"9999.9999", "0.99995", "12.3000", "7.1050", "6.39"
	};
	int			mismatches = 0;
	uint64_t	seed = 12345;

	CHECK(scans_to("12.345", 2, 1235, 2), "12.345 rounds to 12.35");
	CHECK(scans_to("-12.345", 2, -1235, 2), "-12.345 rounds to -12.35");
	CHECK(scans_to("12.3449", 2, 1234, 2), "12.3449 rounds to 12.34");
	CHECK(scans_to("0.5", 0, 1, 0) && scans_to("-0.5", 0, -1, 0),
		  "0.5 and -0.5 round away from zero");
	CHECK(scans_to("12.3000", 30, 123, 1), "trailing zeros are dropped");
	CHECK(scans_to("1.", 30, 1, 0) && scans_to(".5", 30, 5, 1) && scans_to("+7", 30, 7, 0),
		  "1. and .5 and +7 are decimals");
	CHECK(!scans_to("abc", 2, 0, 0) && !scans_to("1 ", 2, 1, 0) && !scans_to(".", 2, 0, 0) &&
		  !scans_to("", 2, 0, 0) && !scans_to("1.2.3", 2, 0, 0),
		  "abc, a trailing space, a lone point, nothing and two points are no decimals");
	CHECK(!scans_to("170141183460469231731687303715884105728", 0, 0, 0),
		  "2^127 does not fit");
	CHECK(scans_to("-170141183460469231731687303715884105727", 0,
				   -(ts_int128) (((unsigned __int128) 1 << 127) - 1), 0),
		  "-(2^127 - 1) fits");

	/* base-10000 digits give what the decimal text gives */
	for (int i = 0; i < (int) (sizeof(samples) / sizeof(samples[0])) + 100000; i++)
	{
		char		buf[80];
		const char *str;
		int16_t		digits[40];
		bool		negative;
		int			weight,
					ndigits;
		int			max_scale;

		if (i < (int) (sizeof(samples) / sizeof(samples[0])))
			str = samples[i];
		else
		{
			/* random: up to 30 integer and 40 fraction digits */
			int			il,
						fl,
						len = 0;

			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			il = (int) ((seed >> 33) % 31);
			fl = (int) ((seed >> 40) % 41);
			if ((seed >> 50) & 1)
				buf[len++] = '-';
			for (int k = 0; k < il + fl; k++)
			{
				seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
				if (k == il)
					buf[len++] = '.';
				/* many zeros, to exercise empty groups and trailing zeros */
				buf[len++] = (seed >> 60) < 6 ? '0' : (char) ('0' + (seed >> 33) % 10);
			}
			if (il + fl == 0)
				buf[len++] = '0';
			buf[len] = '\0';
			str = buf;
		}
		ndigits = to_base10000(str, &negative, &weight, digits);
		for (max_scale = 0; max_scale <= 32; max_scale += (max_scale < 6 ? 1 : 13))
		{
			ts_int128	m1 = 0,
						m2 = 0;
			int			s1 = -1,
						s2 = -1;
			bool		ok1 = ts_decimal_scan(str, strlen(str), max_scale, &m1, &s1);
			bool		ok2 = ts_decimal_from_base10000(negative, weight, digits, ndigits,
														max_scale, &m2, &s2);

			if (ok1 != ok2 || (ok1 && (m1 != m2 || s1 != s2)))
			{
				if (mismatches++ < 5)
					printf("#   %s at max_scale %d: text %d (scale %d), base 10000 %d (scale %d)\n",
						   str, max_scale, ok1, s1, ok2, s2);
			}
		}
	}
	CHECK(mismatches == 0, "base-10000 digits scan as their decimal text (%d mismatches)",
		  mismatches);
	{
		int16_t		bad[] = {10000};
		ts_int128	m;
		int			sc;

		CHECK(!ts_decimal_from_base10000(false, 0, bad, 1, 2, &m, &sc),
			  "a base-10000 digit above 9999 is refused");
	}
}

static void
test_search(void)
{
	struct rec
	{
		char		pad;
		int32_t		key;
		int64_t		payload;
	}			recs[] = {{0, -5, 0}, {0, 0, 0}, {0, 7, 0}, {0, 7, 0}, {0, 30, 0}};
	int			n = (int) (sizeof(recs) / sizeof(recs[0]));
	bool		ok = true;

	for (int32_t key = -10; key <= 40; key++)
	{
		int			want = -1;
		int			got = ts_search_last_le(recs, n, sizeof(struct rec),
											offsetof(struct rec, key), key);

		for (int i = 0; i < n; i++)
			if (recs[i].key <= key)
				want = i;
		ok = ok && got == want;
	}
	CHECK(ok, "binary search finds the last record at or before each key");
	CHECK(ts_search_last_le(recs, 0, sizeof(struct rec), offsetof(struct rec, key), 7) == -1,
		  "binary search over nothing finds nothing");
}

static void
test_div(void)
{
	int64_t		r = 0;

	CHECK(ts_div_round(7, 2, &r) && r == 4, "7/2 = 4");
	CHECK(ts_div_round(-7, 2, &r) && r == -4, "-7/2 = -4");
	CHECK(ts_div_round(7, -2, &r) && r == -4, "7/-2 = -4");
	CHECK(ts_div_round(5, 3, &r) && r == 2, "5/3 = 2");
	CHECK(ts_div_round(4, 3, &r) && r == 1, "4/3 = 1");
	CHECK(ts_div_round(-4, 3, &r) && r == -1, "-4/3 = -1");
	CHECK(ts_div_round(INT64_MIN, 1, &r) && r == INT64_MIN, "MIN/1");
	CHECK(!ts_div_round(INT64_MIN, -1, &r), "MIN/-1 overflows");
	CHECK(ts_div_round(INT64_MAX, INT64_MIN, &r) && r == -1, "MAX/MIN = -1");
	CHECK(ts_div_round(INT64_MIN, INT64_MIN, &r) && r == 1, "MIN/MIN = 1");
	CHECK(ts_div128_round((ts_int128) INT64_MAX * 3, 3, &r) && r == INT64_MAX,
		  "128-bit 3*MAX/3");
	CHECK(!ts_div128_round((ts_int128) INT64_MAX * 3, 2, &r),
		  "128-bit 3*MAX/2 overflows");
	CHECK(ts_div128_round(-5, 2, &r) && r == -3, "128-bit -5/2 = -3");
	CHECK(ts_div128_round(5, 2, &r) && r == 3, "128-bit 5/2 = 3");
}

typedef struct human_case
{
	const char *input;
	ts_lang		lang;
	int			digits;
	const char *expected;
} human_case;

static const human_case human[] = {
	{"8450000000000 CNY", TS_LANG_EN, 2, "8.45 trillion yuan"},
	{"1290000000000 USD", TS_LANG_EN, 2, "1.29 trillion US dollars"},
	{"720490000000 CNY", TS_LANG_EN, 2, "720.49 billion yuan"},
	{"8450000000000 CNY", TS_LANG_ZH, 2, "8.45万亿元"},
	{"720490000000 CNY", TS_LANG_ZH, 2, "7204.90亿元"},
	{"1603000000 USD", TS_LANG_ZH, 2, "16.03亿美元"},
	{"125000 CNY", TS_LANG_ZH, 2, "12.50万元"},
	{"125000 CNY", TS_LANG_EN, 2, "125000.00 yuan"},
	{"-2520000000 USD", TS_LANG_EN, 2, "-2.52 billion US dollars"},
	{"999996000000 USD", TS_LANG_EN, 2, "1.00 trillion US dollars"},
	{"999994000000 USD", TS_LANG_EN, 2, "999.99 billion US dollars"},
	{"1234567 JPY", TS_LANG_EN, 1, "1.2 million yen"},
	{"1250000 AED", TS_LANG_EN, 0, "1 million AED"},
	{"1500000 AED", TS_LANG_EN, 0, "2 million AED"},
	{"1500000 AED", TS_LANG_ZH, 0, "150万 AED"},
	{"0 USD", TS_LANG_EN, 2, "0.00 US dollars"},
	{"-0.001 KWD", TS_LANG_EN, 2, "0.00 KWD"},
	{"12.3456 XAU", TS_LANG_EN, 6, "12.345600 XAU"},
	{"92233720368547758.07 USD", TS_LANG_EN, 2, "92233.72 trillion US dollars"},
	{"-92233720368547758.08 USD", TS_LANG_ZH, 12,
	"-92233.720368547758万亿美元"},
	{"15897700000000 JPY", TS_LANG_JA, 2, "15.90兆円"},
	{"15897700000000 KRW", TS_LANG_KO, 2, "15.90조 원"},
	{"350000000 JPY", TS_LANG_JA, 1, "3.5億円"},
	{"12000 JPY", TS_LANG_JA, 2, "1.20万円"},
	{"5000 JPY", TS_LANG_JA, 0, "5000円"},
	{"5000 KRW", TS_LANG_KO, 0, "5000 원"},
	{"58360000000 USD", TS_LANG_KO, 2, "583.60억 달러"},
	{"58360000000 USD", TS_LANG_JA, 2, "583.60億米ドル"},
	{"8450000000000 CNY", TS_LANG_JA, 2, "8.45兆人民元"},
	{"8450000000000 CNY", TS_LANG_KO, 2, "8.45조 위안"},
	{"1500000 AED", TS_LANG_JA, 0, "150万 AED"},
	{"1500000 AED", TS_LANG_KO, 0, "150만 AED"},
	{"-99999999 KRW", TS_LANG_KO, 2, "-1.00억 원"},
	{"9223372036854775807 JPY", TS_LANG_JA, 0, "9223372兆円"},
};

static void
test_humanize(void)
{
	int			reparse_failures = 0;

	for (size_t i = 0; i < sizeof(human) / sizeof(human[0]); i++)
	{
		ts_parse_result r;
		char		buf[TS_HUMANIZE_BUFLEN];

		ts_parse_amount(human[i].input, strlen(human[i].input), &r);
		if (r.status != TS_PARSE_OK)
		{
			CHECK(false, "humanize input \"%s\" parses", human[i].input);
			continue;
		}
		ts_humanize(r.units, r.currency, human[i].lang, human[i].digits, buf);
		CHECK(strcmp(buf, human[i].expected) == 0,
			  "humanize \"%s\" gives \"%s\", expected \"%s\"",
			  human[i].input, buf, human[i].expected);
		/* the output is valid input */
		ts_parse_amount(buf, strlen(buf), &r);
		if (r.status != TS_PARSE_OK)
		{
			reparse_failures++;
			printf("humanize output \"%s\" does not parse: %s\n", buf,
				   status_name[r.status]);
		}
	}
	CHECK(reparse_failures == 0, "humanize output is valid input");
	{
		char		buf[TS_HUMANIZE_BUFLEN];

		CHECK(ts_humanize(1, ts_currency_key_from_code("USD"), TS_LANG_EN, -1,
						  buf) == -1, "negative digits are refused");
		CHECK(ts_humanize(1, ts_currency_key_from_code("USD"), TS_LANG_EN,
						  TS_HUMANIZE_MAX_DIGITS + 1, buf) == -1,
			  "too many digits are refused");
	}
}

typedef struct pct_case
{
	const char *value;			/* decimal text */
	ts_pct_unit unit;
	ts_lang		lang;
	int			digits;
	const char *expected;		/* NULL: refused */
} pct_case;

static const pct_case pct[] = {
	{"14.05", TS_PCT_PERCENT, TS_LANG_EN, 1, "+14.1%"},
	{"-14.05", TS_PCT_PERCENT, TS_LANG_EN, 1, "-14.1%"},
	{"14.0499999999999999999", TS_PCT_PERCENT, TS_LANG_EN, 1, "+14.0%"},
	{"14.1", TS_PCT_PERCENT, TS_LANG_ZH, 1, "增长14.1%"},
	{"-5.2", TS_PCT_PERCENT, TS_LANG_ZH, 1, "下降5.2%"},
	{"0", TS_PCT_PERCENT, TS_LANG_EN, 1, "0.0%"},
	{"-0.04", TS_PCT_PERCENT, TS_LANG_EN, 1, "0.0%"},
	{"-0.05", TS_PCT_PERCENT, TS_LANG_EN, 1, "-0.1%"},
	{"0.04", TS_PCT_PERCENT, TS_LANG_ZH, 1, "持平"},
	{"-0.04", TS_PCT_POINTS, TS_LANG_ZH, 1, "持平"},
	{"1.25", TS_PCT_POINTS, TS_LANG_EN, 1, "+1.3 pp"},
	{"-1.2", TS_PCT_POINTS, TS_LANG_EN, 1, "-1.2 pp"},
	{"1.2", TS_PCT_POINTS, TS_LANG_ZH, 1, "提升1.2个百分点"},
	{"-1.2", TS_PCT_POINTS, TS_LANG_ZH, 1, "下降1.2个百分点"},
	{"0", TS_PCT_POINTS, TS_LANG_EN, 2, "0.00 pp"},
	{"9.1427506522549385", TS_PCT_PERCENT, TS_LANG_EN, 0, "+9%"},
	{"9.1427506522549385", TS_PCT_PERCENT, TS_LANG_EN, 20,
	"+9.14275065225493850000%"},
	{"-100", TS_PCT_PERCENT, TS_LANG_ZH, 0, "下降100%"},
	{"123", TS_PCT_PERCENT, TS_LANG_EN, 3, "+123.000%"},
	{"99999999999999999999999999999999999999", TS_PCT_PERCENT, TS_LANG_EN, 0,
	"+99999999999999999999999999999999999999%"},
	{"99999999999999999999999999999999999999", TS_PCT_PERCENT, TS_LANG_EN, 1, NULL},
	{"-999999999999999999999999999999999999.94", TS_PCT_PERCENT, TS_LANG_EN, 1,
	"-999999999999999999999999999999999999.9%"},
	{"5", TS_PCT_PERCENT, TS_LANG_EN, -1, NULL},
	{"5", TS_PCT_PERCENT, TS_LANG_EN, TS_PCT_MAX_DIGITS + 1, NULL},
	{"5", TS_PCT_PERCENT, TS_LANG_JA, 1, NULL},
};

static void
test_pct(void)
{
	for (size_t i = 0; i < sizeof(pct) / sizeof(pct[0]); i++)
	{
		ts_int128	m;
		int			scale;
		char		buf[TS_PCT_BUFLEN];
		int			len;

		if (!ts_decimal_scan(pct[i].value, strlen(pct[i].value), 38, &m, &scale))
		{
			CHECK(false, "pct value \"%s\" scans", pct[i].value);
			continue;
		}
		len = ts_format_pct(m, scale, pct[i].unit, pct[i].lang, pct[i].digits, buf);
		if (pct[i].expected == NULL)
			CHECK(len == -1, "format_pct of \"%s\" at %d digits is refused",
				  pct[i].value, pct[i].digits);
		else
			CHECK(len == (int) strlen(pct[i].expected) && strcmp(buf, pct[i].expected) == 0,
				  "format_pct of \"%s\" at %d digits gives \"%s\", expected \"%s\"",
				  pct[i].value, pct[i].digits, len < 0 ? "(refused)" : buf,
				  pct[i].expected);
	}
	{
		char		buf[TS_PCT_BUFLEN];

		CHECK(ts_format_pct(5, TS_PCT_MAX_FIGURE + 1, TS_PCT_PERCENT, TS_LANG_EN, 1, buf) == -1,
			  "a scale beyond 38 is refused");
		CHECK(ts_format_pct(-((ts_int128) 1 << 126), 38, TS_PCT_POINTS, TS_LANG_EN, 0, buf) > 0 &&
			  strcmp(buf, "-1 pp") == 0, "-2^126 / 10^38 rounds to -1");
	}
}

static void
test_rates(void)
{
	ts_rate		r = {0, 0};
	ts_rate		rs[2];
	bool		inv[2] = {false, false};
	int64_t		out = 0;

	CHECK(ts_parse_rate("6.9971", 6, &r) && r.mant == 69971 && r.scale == 4,
		  "6.9971 is 69971e-4");
	CHECK(ts_parse_rate("0.000120", 8, &r) && r.mant == 12 && r.scale == 5,
		  "0.000120 is 12e-5");
	CHECK(ts_parse_rate("372816", 6, &r) && r.mant == 372816 && r.scale == 0,
		  "372816 is an integer rate");
	CHECK(ts_parse_rate("100.00", 6, &r) && r.mant == 100 && r.scale == 0,
		  "100.00 is 100");
	CHECK(ts_parse_rate("123456789012345678", 18, &r), "18 digits fit");
	CHECK(!ts_parse_rate("1234567890123456789", 19, &r), "19 digits do not");
	CHECK(!ts_parse_rate("0.1234567890123456789", 21, &r), "19 decimals do not");
	CHECK(ts_parse_rate("0.1234567890123456780", 21, &r) && r.scale == 18,
		  "trailing zero decimals are dropped");
	CHECK(!ts_parse_rate("0", 1, &r) && !ts_parse_rate("0.000", 5, &r),
		  "zero is no rate");
	CHECK(!ts_parse_rate("-1", 2, &r) && !ts_parse_rate("", 0, &r) &&
		  !ts_parse_rate("1.2.3", 5, &r) && !ts_parse_rate(".", 1, &r),
		  "malformed rates are refused");

	/* 1,000,000.00 USD at 6.9971 CNY per USD = 6,997,100.00 CNY */
	rs[0] = (ts_rate) {69971, 4};
	CHECK(ts_convert_units(100000000, 2, 2, rs, inv, 1, &out) == TS_CONV_OK &&
		  out == 699710000, "USD to CNY directly");
	/* 100.00 CNY / 6.9971 = 14.2916... USD -> 14.29 */
	inv[0] = true;
	CHECK(ts_convert_units(10000, 2, 2, rs, inv, 1, &out) == TS_CONV_OK &&
		  out == 1429, "CNY to USD by the inverse");
	CHECK(ts_convert_units(-10000, 2, 2, rs, inv, 1, &out) == TS_CONV_OK &&
		  out == -1429, "negative amounts round symmetrically");
	/* 1.00 USD to JPY at 110.505: 110.505 -> 111 (half away), JPY has 0 */
	rs[0] = (ts_rate) {110505, 3};
	inv[0] = false;
	CHECK(ts_convert_units(100, 2, 0, rs, inv, 1, &out) == TS_CONV_OK &&
		  out == 111, "USD to JPY rounds half away from zero");
	/* exactly half: 0.01 USD * 0.5 = 0.005 -> 0.01 */
	rs[0] = (ts_rate) {5, 1};
	CHECK(ts_convert_units(1, 2, 2, rs, inv, 1, &out) == TS_CONV_OK && out == 1,
		  "half a cent rounds up");
	CHECK(ts_convert_units(-1, 2, 2, rs, inv, 1, &out) == TS_CONV_OK && out == -1,
		  "minus half a cent rounds down");
	/* cross: 100 JPY -> EUR (1/163.36) -> USD (1.1252) */
	rs[0] = (ts_rate) {16336, 2};
	rs[1] = (ts_rate) {11252, 4};
	inv[0] = true;
	inv[1] = false;
	CHECK(ts_convert_units(100, 0, 2, rs, inv, 2, &out) == TS_CONV_OK && out == 69,
		  "cross rate through EUR (100 JPY = 0.69 USD)");
	/* range and width */
	rs[0] = (ts_rate) {2, 0};
	inv[0] = false;
	CHECK(ts_convert_units(INT64_MAX, 2, 2, rs, inv, 1, &out) == TS_CONV_RANGE,
		  "doubling the maximum is out of range");
	CHECK(ts_convert_units(INT64_MIN / 2, 2, 2, rs, inv, 1, &out) == TS_CONV_OK &&
		  out == INT64_MIN, "halving the minimum and doubling it is exact");
	rs[0] = (ts_rate) {123456789012345678LL, 0};
	rs[1] = (ts_rate) {123456789012345678LL, 0};
	inv[1] = false;
	CHECK(ts_convert_units(INT64_MAX, 2, 2, rs, inv, 2, &out) == TS_CONV_WIDE,
		  "beyond 128 bits asks for the numeric fallback");
}

static int32_t
ymd(int y, int m, int d)
{
	return ts_date_from_ymd(y, m, d);
}

static void
test_calendar(void)
{
	int			bad = 0;

	CHECK(ymd(2000, 1, 1) == 0, "2000-01-01 is day 0");
	CHECK(ymd(1, 1, 1) == TS_MIN_PERIOD && ymd(9999, 12, 31) == TS_MAX_PERIOD,
		  "the period range is years 1 to 9999");
	CHECK(ymd(1999, 12, 31) == -1, "1999-12-31 is day -1");
	CHECK(ymd(2020, 3, 1) - ymd(2020, 2, 28) == 2, "2020 is a leap year");
	CHECK(ymd(1900, 3, 1) - ymd(1900, 2, 28) == 1, "1900 is not");
	for (int32_t d = -800000; d <= 3000000; d += 37)
	{
		int64_t		y;
		int			m,
					dd;

		ts_date_to_ymd(d, &y, &m, &dd);
		if (ts_date_from_ymd(y, m, dd) != d)
			bad++;
	}
	CHECK(bad == 0, "days and dates convert back and forth (%d failures)", bad);
	CHECK(ts_date_minus_years(ymd(2020, 2, 29), 1) == ymd(2019, 2, 28),
		  "29 February maps to 28 February");
	CHECK(ts_date_minus_years(ymd(2021, 11, 30), 1) == ymd(2020, 11, 30),
		  "30 November a year earlier");
	CHECK(ts_date_minus_months(ymd(2020, 3, 31), 1) == ymd(2020, 2, 29),
		  "31 March minus a month is 29 February in a leap year");
	CHECK(ts_date_minus_months(ymd(2021, 3, 31), 1) == ymd(2021, 2, 28),
		  "and 28 February otherwise");
	CHECK(ts_date_minus_months(ymd(2020, 1, 15), 1) == ymd(2019, 12, 15),
		  "January minus a month is December of the year before");
	CHECK(ts_date_minus_months(ymd(2020, 1, 1), 13) == ymd(2018, 12, 1),
		  "13 months back");
	CHECK(ts_date_year_start(ymd(2021, 11, 30)) == ymd(2021, 1, 1), "year start");
	CHECK(ts_date_month_start(ymd(2021, 11, 30)) == ymd(2021, 11, 1), "month start");
	bad = 0;
	for (int32_t d = TS_MIN_PERIOD; d <= TS_MAX_PERIOD; d++)
	{
		int64_t		y;
		int			m,
					dd;

		ts_date_to_ymd(d, &y, &m, &dd);
		if (ts_date_month_start(d) != ts_date_from_ymd(y, m, 1))
			bad++;
	}
	CHECK(bad == 0, "the month start of every period of the years 1 to 9999 (%d failures)", bad);
	CHECK(ts_date_year_start(ymd(-44, 3, 15)) == ymd(-44, 1, 1),
		  "year start before year 1");
	/* fiscal years: April-March and July-June */
	CHECK(ts_date_fiscal_year_start(ymd(2024, 3, 31), 4) == ymd(2023, 4, 1),
		  "March is the last month of the April year begun the year before");
	CHECK(ts_date_fiscal_year_start(ymd(2024, 4, 1), 4) == ymd(2024, 4, 1),
		  "April 1 starts the April year");
	CHECK(ts_date_fiscal_year_start(ymd(2024, 2, 29), 4) == ymd(2023, 4, 1),
		  "a leap day lies in the April year begun the year before");
	CHECK(ts_date_fiscal_year_start(ymd(2025, 6, 30), 7) == ymd(2024, 7, 1),
		  "June ends the July year");
	CHECK(ts_date_fiscal_year_start(ymd(2025, 7, 15), 7) == ymd(2025, 7, 1),
		  "July starts the July year");
	CHECK(ts_date_fiscal_year_start(ymd(2025, 12, 31), 1) == ymd(2025, 1, 1),
		  "month 1 is the calendar year");
	CHECK(ts_date_fiscal_year_start(ymd(1, 2, 1), 4) == ymd(0, 4, 1),
		  "before the first April of year 1");
	/* windows of whole months ending in the month of the date */
	CHECK(ts_date_months_window_start(ymd(2024, 2, 29), 12) == ymd(2023, 3, 1),
		  "12 months to February 2024 start in March 2023");
	CHECK(ts_date_months_window_start(ymd(2024, 12, 31), 12) == ymd(2024, 1, 1),
		  "12 months to December are the calendar year");
	CHECK(ts_date_months_window_start(ymd(2024, 5, 17), 1) == ymd(2024, 5, 1),
		  "a window of one month is its month");
	CHECK(ts_date_months_window_start(ymd(2024, 1, 31), 3) == ymd(2023, 11, 1),
		  "3 months to January start in November");
	CHECK(ts_date_months_between(ymd(2015, 1, 1), ymd(2024, 1, 1)) == 108,
		  "nine years are 108 months");
	CHECK(ts_date_months_between(ymd(2024, 2, 29), ymd(2025, 2, 28)) == 12,
		  "days do not count: 29 February to 28 February is a year");
	CHECK(ts_date_months_between(ymd(2024, 3, 1), ymd(2023, 12, 31)) == -3,
		  "backwards, negative");
}

static ts_growth_state *
new_state(int capacity, ts_value_kind kind, int flags)
{
	ts_growth_state *st = calloc(1, ts_gs_size(capacity, true));

	ts_gs_init(st, capacity, kind, flags);
	st->indexed = 1;
	return st;
}

/* Add a value for a period, inserting the period if needed. */
static void
state_add(ts_growth_state *st, int32_t period, int64_t v, bool part)
{
	ts_gs_add(ts_gs_entry(st, period), v, part);
}

static void
test_state(void)
{
	ts_growth_state *a = new_state(8, TS_VAL_AMOUNT, TS_GS_PERIODS | TS_GS_PART);
	ts_growth_state *b = new_state(8, TS_VAL_AMOUNT, TS_GS_PERIODS | TS_GS_PART);
	ts_growth_state *m = new_state(16, TS_VAL_AMOUNT, 0);
	ts_growth_state *back;
	ts_window_sums w;
	uint8_t    *bin;
	char	   *text;
	int32_t		n,
				latest = 0;

	a->currency = b->currency = ts_currency_key_from_code("CNY");
	a->scale = b->scale = 2;
	state_add(a, ymd(2020, 3, 1), 300, true);
	state_add(a, ymd(2020, 1, 1), 100, false);
	state_add(a, ymd(2020, 3, 1), 5, false);
	state_add(b, ymd(2020, 2, 1), 200, true);
	state_add(b, ymd(2020, 3, 1), -7, false);
	CHECK(a->nentries == 2 && a->entries[0].period == ymd(2020, 1, 1) &&
		  a->entries[1].count == 2 && a->entries[1].total == 305 &&
		  a->entries[1].part == 300 && a->entries[1].part_count == 1,
		  "entries are sorted and summed");
	CHECK(ts_gs_validate(a) == NULL, "a built state is valid");
	CHECK(ts_gs_merge(a, b, m) && m->nentries == 3 &&
		  m->entries[2].total == 298 && m->entries[2].count == 3,
		  "merge adds the sums of equal periods");
	CHECK(ts_gs_window(m, ymd(2020, 2, 1), ymd(2020, 3, 1), &w) &&
		  w.count == 4 && w.total == 498 && w.part == 500 && w.part_count == 2,
		  "window sums");
	CHECK(ts_gs_latest(m, &latest) && latest == ymd(2020, 3, 1), "latest period");

	/* binary round trip */
	bin = malloc(ts_gs_encoded_size(m));
	ts_gs_encode(m, bin);
	CHECK(ts_gs_decode_count(bin, ts_gs_encoded_size(m), &n) == NULL && n == 3,
		  "decode counts the periods");
	back = new_state(n, TS_VAL_AMOUNT, 0);
	CHECK(ts_gs_decode(bin, ts_gs_encoded_size(m), back) == NULL &&
		  memcmp(back->entries, m->entries, 3 * sizeof(ts_growth_entry)) == 0 &&
		  back->currency == m->currency && back->flags == m->flags,
		  "binary form round-trips");
	CHECK(ts_gs_decode_count(bin, ts_gs_encoded_size(m) - 1, &n) != NULL,
		  "a truncated binary state is refused");
	bin[15 + 52 + 3] ^= 0x80;		/* second period goes far back: unsorted */
	CHECK(ts_gs_decode(bin, ts_gs_encoded_size(m), back) != NULL,
		  "periods out of order are refused");
	free(bin);

	/* text round trip */
	text = malloc(ts_gs_text_size(m));
	ts_gs_format(m, text);
	CHECK(strcmp(text, "(amount,3,2,CNY,)[2020-01-01:1:100:0:0;2020-02-01:1:200:1:200;"
				 "2020-03-01:3:298:1:300]") == 0, "text form: %s", text);
	free(back);
	ts_gs_parse_count(text, &n);
	back = new_state(n, TS_VAL_AMOUNT, 0);
	CHECK(ts_gs_parse(text, back) == NULL &&
		  memcmp(back->entries, m->entries, 3 * sizeof(ts_growth_entry)) == 0,
		  "text form round-trips");
	free(text);

	{
		static const char *const bad_texts[] = {
			"(amount,3,2,CNY,)[2020-03-01:1:100:0:0;2020-01-01:1:100:0:0]",
			"(amount,3,2,CNY,)[2020-01-01:0:0:0:0]",
			"(amount,3,2,CNY,)[2020-01-01:1:100:2:100]",
			"(amount,1,2,CNY,)[2020-01-01:1:100:1:100]",
			"(amount,3,3,CNY,)[2020-01-01:1:100:0:0]",
			"(amount,3,2,XYZ,)[2020-01-01:1:100:0:0]",
			"(amount,3,2,,)[2020-01-01:1:100:0:0]",
			"(amount,3,2,CNY,)[2020-01-01:1:9223372036854775809:0:0]",
			"(amount,1,2,CNY,)[2020-01-01:1:9223372036854775808:0:0]",
			"(bigint,1,0,,)[2020-01-01:1:9223372036854775808:0:0]",
			"(amount,1,2,USD,)[2020-01-01:2:18446744073709551615:0:0]",
			"(amount,3,2,USD,)[2020-01-01:2:0:1:9223372036854775808]",
			"(double,1,0,,)[2020-01-01:1:85070591730234615865843651857942052864:0:0]",
			"(amount,3,2,CNY,)[2020-02-30:1:100:0:0]",
			"(amount,3,2,CNY,)[*:1:100:0:0]",
			"(amount,2,2,CNY,)[2020-01-01:1:100:0:0]",
			"(amount,5,2,CNY,)[2020-01-01:1:100:0:0]",
			"(amount,1,2,CNY,2020-01-01)[]",
			"(amount,8,2,CNY,)[]",
			"(euro,1,2,CNY,)[]",
			"(numeric,1,31,,)[]",
			"(bigint,1,1,,)[]",
			"(amount,3,2,CNY,)[2020-01-01:1:100:0:0]x",
			"(amount,3,2,CNY,)[2020-01-01:1:100:0:0",
			"(amount,3,2,CNY,)[2020-01-01:1:100:0]",
			"(amount,3,2,CNY,)[;]",
			"(amount,3,2,CNY,)[10000-01-01:1:100:0:0]",
			"(amount,3,2,CNY,)[0000-12-31:1:100:0:0]",
			"",
			"[",
		};
		int			accepted = 0;

		for (size_t i = 0; i < sizeof(bad_texts) / sizeof(bad_texts[0]); i++)
		{
			ts_growth_state *st;

			if (ts_gs_parse_count(bad_texts[i], &n) != NULL)
				continue;
			st = new_state(n, TS_VAL_AMOUNT, 0);
			if (ts_gs_parse(bad_texts[i], st) == NULL)
			{
				accepted++;
				printf("accepted bad state text \"%s\"\n", bad_texts[i]);
			}
			free(st);
		}
		CHECK(accepted == 0, "malformed state texts are refused");
	}
	{
		ts_growth_state *sh = new_state(1, TS_VAL_INT8, TS_GS_PART);
		char		buf[256];

		ts_gs_add(ts_gs_entry(sh, 0), 5, true);
		ts_gs_format(sh, buf);
		CHECK(strcmp(buf, "(bigint,2,0,,)[*:1:5:1:5]") == 0, "share state text: %s", buf);
		free(sh);
	}
	free(a);
	free(b);
	free(m);
	free(back);

	{
		ts_int128	v = 0;
		int			sc = -1;

		CHECK(ts_decimal_scan("1588852981506.719", 17, 30, &v, &sc) &&
			  v == (ts_int128) 1588852981506719LL && sc == 3, "decimal with 3 places");
		CHECK(ts_decimal_scan("-12.3400", 8, 30, &v, &sc) && v == -1234 && sc == 2,
			  "trailing zeros are dropped");
		CHECK(ts_decimal_scan("100", 3, 30, &v, &sc) && v == 100 && sc == 0,
			  "an integer");
		CHECK(ts_decimal_scan("0.125", 5, 2, &v, &sc) && v == 13 && sc == 2,
			  "rounded half away from zero beyond max_scale");
		CHECK(ts_decimal_scan("-0.125", 6, 2, &v, &sc) && v == -13 && sc == 2,
			  "negative too");
		CHECK(!ts_decimal_scan("1e5", 3, 30, &v, &sc) &&
			  !ts_decimal_scan("", 0, 30, &v, &sc) &&
			  !ts_decimal_scan("NaN", 3, 30, &v, &sc),
			  "malformed decimals are refused");
		CHECK(!ts_decimal_scan("999999999999999999999999999999999999999999", 42, 30, &v, &sc),
			  "too large");
	}
}

/*
 * Sums possible for their counts, exactly: n bigints or amounts sum to
 * [n * -2^63, n * (2^63 - 1)], n doubles (below 2^86, at 2^-40) to
 * n * [-(2^126 - 2^73), 2^126 - 2^73]; the part's rows and the others alike.
 */
static void
test_sum_bounds(void)
{
	const ts_int128 i64max = INT64_MAX,
				i64min = INT64_MIN,
				fmax = TS_FLOAT8_MAX_MANTISSA;
	const ts_int128 i128max = (ts_int128) (~(unsigned __int128) 0 >> 1);
	ts_growth_state *s = new_state(1, TS_VAL_INT8, TS_GS_PERIODS | TS_GS_PART);
	ts_growth_entry e;

	CHECK(ts_gs_sum_possible(TS_VAL_INT8, i64max, 1) &&
		  !ts_gs_sum_possible(TS_VAL_INT8, i64max + 1, 1) &&
		  ts_gs_sum_possible(TS_VAL_INT8, i64min, 1) &&
		  !ts_gs_sum_possible(TS_VAL_INT8, i64min - 1, 1),
		  "one bigint: [-2^63, 2^63 - 1]");
	CHECK(ts_gs_sum_possible(TS_VAL_AMOUNT, 2 * i64max, 2) &&
		  !ts_gs_sum_possible(TS_VAL_AMOUNT, 2 * i64max + 1, 2) &&
		  ts_gs_sum_possible(TS_VAL_AMOUNT, 2 * i64min, 2) &&
		  !ts_gs_sum_possible(TS_VAL_AMOUNT, 2 * i64min - 1, 2),
		  "two amounts: [2 * -2^63, 2 * (2^63 - 1)]");
	CHECK(ts_gs_sum_possible(TS_VAL_INT8, 0, 0) &&
		  !ts_gs_sum_possible(TS_VAL_INT8, 1, 0) &&
		  !ts_gs_sum_possible(TS_VAL_INT8, -1, 0),
		  "no rows: zero");
	CHECK(ts_gs_sum_possible(TS_VAL_INT8, i64max * i64max, INT64_MAX) &&
		  !ts_gs_sum_possible(TS_VAL_INT8, i64max * i64max + 1, INT64_MAX) &&
		  ts_gs_sum_possible(TS_VAL_INT8, i64min * i64max, INT64_MAX),
		  "2^63 - 1 bigints: (2^63 - 1)^2 at most");
	CHECK(fmax == (((ts_int128) 1) << 126) - (((ts_int128) 1) << 73) &&
		  ts_gs_sum_possible(TS_VAL_FLOAT8, fmax, 1) &&
		  !ts_gs_sum_possible(TS_VAL_FLOAT8, fmax + 1, 1) &&
		  ts_gs_sum_possible(TS_VAL_FLOAT8, -fmax, 1) &&
		  !ts_gs_sum_possible(TS_VAL_FLOAT8, -fmax - 1, 1) &&
		  ts_gs_sum_possible(TS_VAL_FLOAT8, 2 * fmax, 2) &&
		  !ts_gs_sum_possible(TS_VAL_FLOAT8, 2 * fmax + 1, 2) &&
		  ts_gs_sum_possible(TS_VAL_FLOAT8, i128max, 3) &&
		  ts_gs_sum_possible(TS_VAL_FLOAT8, -i128max - 1, 3),
		  "doubles: n * (2^126 - 2^73) in magnitude, a bound beyond 128 bits holding for every sum");
	CHECK(ts_gs_sum_possible(TS_VAL_NUMERIC, i128max, 1) &&
		  ts_gs_sum_possible(TS_VAL_NUMERIC, -i128max - 1, 1),
		  "numeric sums: any 128-bit value");

	{
		ts_int128	m = 12345;
		const double tiny = 1.0 / (double) (INT64_C(1) << 41);	/* 2^-41: half a unit */

		CHECK(ts_float8_mantissa(0.1, &m) && m == 109951162778 &&
			  ts_float8_mantissa(-0.1, &m) && m == -109951162778,
			  "0.1 rounds to the nearest mantissa, 109951162778 (0.1 and 0.2 truncated to ...777)");
		CHECK(ts_float8_mantissa(tiny, &m) && m == 1 &&
			  ts_float8_mantissa(-tiny, &m) && m == -1 &&
			  ts_float8_mantissa(3 * tiny, &m) && m == 2 &&
			  ts_float8_mantissa(tiny / 2, &m) && m == 0 &&
			  ts_float8_mantissa(-3 * tiny / 2, &m) && m == -1,
			  "ties round half away from zero");
		CHECK(ts_float8_mantissa(4503599627370495.5 / (double) (INT64_C(1) << 40), &m) &&
			  m == 4503599627370496,
			  "the last fractions a double holds round too");
		CHECK(ts_float8_mantissa(77371252455336267181195264.0 - 8589934592.0, &m) &&
			  m == fmax && !ts_float8_mantissa(77371252455336267181195264.0, &m) &&
			  ts_float8_mantissa(-(77371252455336267181195264.0 - 8589934592.0), &m) &&
			  m == -fmax && !ts_float8_mantissa(-77371252455336267181195264.0, &m),
			  "below 2^86: at most 2^126 - 2^73");
		CHECK(!ts_float8_mantissa(0.0 / 0.0, &m) && !ts_float8_mantissa(1.0 / 0.0, &m),
			  "NaN and infinity are refused");
	}

	{
		ts_growth_state *t = new_state(3, TS_VAL_INT8, 0);
		ts_growth_state *u = new_state(3, TS_VAL_INT8, 0);
		int32_t		entry = 0,
					period = 0;

		CHECK(ts_gs_parse_at("(bigint,1,0,,)[2020-01-01:1:5:0:0;2020-02-01:0:0:0:0;2020-03-01:1:5:0:0]",
							 t, &entry) != NULL && entry == 1,
			  "a state's text with bad row counts in its second entry: entry %d", entry);
		CHECK(ts_gs_parse_at("(bigint,1,0,,)[2020-01-01:1:5:0:0;2020-02-30:1:5:0:0]", t, &entry) != NULL &&
			  entry == 1, "a bad period in the second entry: entry %d", entry);
		CHECK(ts_gs_parse_at("(bigint,1,0,,)[2020-01-01:1:5:0:0]x", t, &entry) != NULL &&
			  entry == TS_GS_NO_ENTRY, "trailing characters: no entry");
		CHECK(ts_gs_parse_at("(bigint,1,0,,)[2020-01-01:1:5:0:0;2020-02-01:1:5:0:0]", t, &entry) == NULL &&
			  entry == TS_GS_NO_ENTRY && ts_gs_validate_at(t, &entry) == NULL &&
			  entry == TS_GS_NO_ENTRY, "a valid state: no entry");
		CHECK(ts_gs_parse("(bigint,1,0,,)[2020-02-01:2:10:0:0]", u) == NULL &&
			  ts_gs_subtract(t, u, &period) != NULL && period == ymd(2020, 2, 1),
			  "a subtraction names the period not added");
		{
			const uint8_t bad_rows[] = {2, 3, 1, 0, 2, 0x92, 0x72, 1, 0x14, 0x1f, 0, 0};

			CHECK(ts_gs_unpack_at(bad_rows, sizeof(bad_rows), t, &entry) != NULL && entry == 1,
				  "a packed state with bad row counts in its second entry: entry %d", entry);
		}
		free(t);
		free(u);
	}

	memset(&e, 0, sizeof(e));
	e.period = ymd(2020, 1, 1);
	e.count = 2;
	e.part_count = 1;
	e.part = i64max;
	e.total = 0;
	CHECK(ts_gs_entry_check(s, &e) == NULL, "a part row of 2^63 - 1, the other -(2^63 - 1)");
	e.part = i64max + 1;
	CHECK(ts_gs_entry_check(s, &e) != NULL, "a part row of 2^63 is refused");
	e.part = i64max;
	e.total = -1;
	CHECK(ts_gs_entry_check(s, &e) == NULL, "the other row -2^63");
	e.total = -2;
	CHECK(ts_gs_entry_check(s, &e) != NULL, "the other row below -2^63 is refused");
	free(s);
}

/* The text form of the sum()/avg() state. */
/* The packed form (format 2) and adding packed states in place. */
static void
test_packed(void)
{
	ts_growth_state *a = new_state(8, TS_VAL_AMOUNT, TS_GS_PERIODS | TS_GS_PART);
	ts_growth_state *num = new_state(4, TS_VAL_NUMERIC, TS_GS_PERIODS);
	ts_growth_state *back,
			   *sum;
	uint8_t		buf[256];
	size_t		len;
	int32_t		n,
				room = 0;
	const char *err = NULL;

	a->currency = ts_currency_key_from_code("CNY");
	a->scale = 2;
	state_add(a, ymd(2020, 1, 1), 100, false);
	state_add(a, ymd(2020, 3, 1), -305, true);
	len = ts_gs_pack(a, buf);
	CHECK(len == ts_gs_packed_size(a), "packed size is what pack writes");
	/* 4 header + 3 CNY + 1 count + (2 period + 1 + 2 sum + 1 + 1) + (1 + 1 + 2 + 1 + 2) */
	CHECK(len == 22, "two periods with part pack into 22 bytes, not %zu", len);
	CHECK(buf[0] == TS_GS_PACKED_VERSION && memcmp(buf + 4, "CNY", 3) == 0,
		  "format byte and currency code");
	CHECK(ts_gs_unpack_count(buf, len, &n) == NULL && n == 2, "unpack counts 2");
	back = new_state(n, TS_VAL_AMOUNT, 0);
	CHECK(ts_gs_unpack(buf, len, back) == NULL && back->nentries == 2 &&
		  memcmp(back->entries, a->entries, 2 * sizeof(ts_growth_entry)) == 0 &&
		  back->currency == a->currency && back->scale == 2,
		  "packed form round-trips");
	CHECK(ts_gs_unpack(buf, len - 1, back) != NULL, "a truncated packed state is refused");
	buf[len] = 0;
	CHECK(ts_gs_unpack(buf, len + 1, back) != NULL, "trailing bytes are refused");
	free(back);

	/* numeric: the scale is reduced to the smallest exact one */
	num->scale = 4;
	state_add(num, ymd(2020, 1, 1), 12500, false);	/* 1.2500 */
	state_add(num, ymd(2020, 2, 1), 300, false);	/* 0.0300 */
	len = ts_gs_pack(num, buf);
	CHECK(buf[3] == 2, "numeric sums 1.25 and 0.03 pack at scale 2, not %d", buf[3]);
	back = new_state(2, TS_VAL_NUMERIC, 0);
	CHECK(ts_gs_unpack(buf, len, back) == NULL && back->scale == 2 &&
		  back->entries[0].total == 125 && back->entries[1].total == 3,
		  "and unpack at scale 2");
	free(back);
	{
		/* one period, 2000-01-01, one row, sum 250 (zigzag 500) at scale 3 = 0.250 */
		uint8_t		bad[] = {TS_GS_PACKED_VERSION, TS_VAL_NUMERIC, TS_GS_PERIODS, 3,
		1, 0, 1, 0x80 | (500 & 0x7f), 500 >> 7};

		back = new_state(1, TS_VAL_NUMERIC, 0);
		CHECK(ts_gs_unpack(bad, sizeof(bad), back) != NULL,
			  "a numeric scale that is not the smallest is refused");
		free(back);
	}
	{
		uint8_t		long_count[] = {TS_GS_PACKED_VERSION, TS_VAL_INT8, 0, 0,
		1, 0x81, 0x00, 2};

		back = new_state(1, TS_VAL_INT8, 0);
		CHECK(ts_gs_unpack(long_count, sizeof(long_count), back) != NULL,
			  "a varint with a zero high byte (not minimal) is refused");
		free(back);
	}

	{
		/* a fiscal-year state: the year start month after as_of */
		ts_growth_state *fy = new_state(2, TS_VAL_INT8,
										TS_GS_PERIODS | TS_GS_AS_OF | TS_GS_YEAR_START);
		char		text[256];

		fy->as_of = ymd(2024, 3, 1);
		fy->year_start = 4;
		state_add(fy, ymd(2024, 2, 1), 200, false);
		CHECK(ts_gs_validate(fy) == NULL, "a state with a year start is valid");
		len = ts_gs_pack(fy, buf);
		CHECK(len == ts_gs_packed_size(fy), "and its packed size is what pack writes");
		back = new_state(1, TS_VAL_INT8, 0);
		CHECK(ts_gs_unpack(buf, len, back) == NULL && back->year_start == 4 &&
			  back->as_of == fy->as_of && back->entries[0].total == 200,
			  "a year start round-trips through the packed form");
		buf[7] = 13;			/* 4 header, 3 bytes of as_of, then the month */
		CHECK(ts_gs_unpack(buf, len, back) != NULL, "a year start month of 13 is refused");
		ts_gs_format(fy, text);
		CHECK(strcmp(text, "(bigint,13,0,,2024-03-01,4)[2024-02-01:1:200:0:0]") == 0,
			  "text form with a year start: %s", text);
		CHECK(ts_gs_parse(text, back) == NULL && back->year_start == 4,
			  "and it parses back");
		fy->year_start = 1;
		CHECK(ts_gs_validate(fy) != NULL, "a year start of 1 with the flag is not canonical");
		fy->flags &= ~TS_GS_YEAR_START;
		fy->year_start = 4;
		CHECK(ts_gs_validate(fy) != NULL, "a year start without its flag is refused");
		free(back);
		free(fy);
	}

	/* ts_gs_add_packed */
	len = ts_gs_pack(a, buf);
	sum = new_state(2, TS_VAL_AMOUNT, TS_GS_PERIODS | TS_GS_PART);
	sum->currency = a->currency;
	sum->scale = 2;
	state_add(sum, ymd(2020, 2, 1), 7, true);
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_ROOM && room == 2 &&
		  sum->nentries == 1, "adding asks for room for 2 entries and leaves the state alone");
	sum = realloc(sum, TS_GS_SIZE(8));
	sum->capacity = 8;
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_OK &&
		  sum->nentries == 3 && sum->entries[0].period == ymd(2020, 1, 1) &&
		  sum->entries[1].total == 7 && sum->entries[2].total == -305 &&
		  sum->entries[2].part_count == 1, "adding inserts the periods in order");
	sum->nentries = 0;
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_OK &&
		  ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_OK &&
		  sum->nentries == 2 && sum->entries[1].total == -610 && sum->entries[1].count == 2,
		  "adding a state twice doubles its sums");
	sum->scale = 3;
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_DIFFERENT,
		  "another scale takes the general path");
	sum->scale = 2;
	sum->currency = ts_currency_key_from_code("USD");
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_DIFFERENT,
		  "another currency takes the general path");
	sum->currency = a->currency;
	sum->nentries = 0;
	CHECK(ts_gs_add_packed(sum, buf, len - 2, &room, &err) == TS_GS_ADD_INVALID && err != NULL,
		  "a truncated packed state is refused when added");
	sum->nentries = 0;
	sum->entries[0].period = ymd(2020, 1, 1);
	sum->entries[0].count = 1;
	sum->entries[0].total = (ts_int128) 1 << 126;
	sum->nentries = 1;
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_OK, "room left");
	sum->entries[0].total = (ts_int128) (~(unsigned __int128) 0 >> 1);	/* 2^127 - 1 */
	CHECK(ts_gs_add_packed(sum, buf, len, &room, &err) == TS_GS_ADD_OVERFLOW,
		  "an overflowing sum is reported");
	free(sum);
	free(num);
	free(a);
}

static int	hook_calls;

static void
count_hook(void)
{
	hook_calls++;
}

/* The loops over large states call the interrupt hook every 65536 entries. */

/* A state of 'n' adds over 'periods' distinct days, in the order of perm. */
static ts_growth_state *
state_from(const int32_t *order, int n, int capacity)
{
	ts_growth_state *st = new_state(capacity, TS_VAL_INT8, TS_GS_PERIODS | TS_GS_PART);

	for (int i = 0; i < n; i++)
	{
		ts_growth_entry *e = ts_gs_entry(st, ymd(1990, 1, 1) + order[i]);

		if (e == NULL)
		{
			/* grow as the glue does: a larger copy */
			ts_growth_state *c = new_state(st->capacity * 2, TS_VAL_INT8, 0);	/* indexed */

			ts_gs_copy(c, st);
			free(st);
			st = c;
			e = ts_gs_entry(st, ymd(1990, 1, 1) + order[i]);
		}
		ts_gs_add(e, order[i] * 3 - 7, order[i] % 3 == 0);
	}
	return st;
}

/*
 * The working state's order: periods added in any order (duplicates, far
 * and near out of order, through growth) give, once sorted, the same
 * entries and the same packed bytes as added in order; the hash index finds
 * every period of an unsorted state; a full state refuses a new period and
 * stays as it was.
 */
static void
test_state_order(void)
{
	enum
	{
		N = 20000, DISTINCT = 5000
	};
	int32_t    *ordered = malloc(N * sizeof(int32_t));
	int32_t    *shuffled = malloc(N * sizeof(int32_t));
	int32_t    *near = malloc(N * sizeof(int32_t));
	uint32_t	seed = 12345;
	ts_growth_state *a,
			   *b,
			   *c;
	uint8_t    *pa,
			   *pb;
	size_t		la,
				lb;
	int			found = 0;

	for (int i = 0; i < N; i++)
		ordered[i] = shuffled[i] = near[i] = i * DISTINCT / N;	/* each 4 times */
	for (int i = N - 1; i > 0; i--)
	{
		int			j;
		int32_t		t;

		seed = seed * 1103515245u + 12345u;
		j = (int) ((seed >> 8) % (uint32_t) (i + 1));
		t = shuffled[i];
		shuffled[i] = shuffled[j];
		shuffled[j] = t;
	}
	/* nearly in order: each pair of neighbouring blocks of 8 swapped */
	for (int i = 0; i + 16 <= N; i += 16)
		for (int k = 0; k < 8; k++)
		{
			int32_t		t = near[i + k];

			near[i + k] = near[i + 8 + k];
			near[i + 8 + k] = t;
		}

	a = state_from(ordered, N, 8);
	b = state_from(shuffled, N, 8);
	c = state_from(near, N, 8);
	CHECK(a->sorted && a->nentries == DISTINCT, "periods in order keep the state sorted");
	CHECK(!b->sorted && b->nentries == DISTINCT, "periods out of order: appended, %d entries",
		  b->nentries);
	CHECK(c->sorted, "periods a few places out of order are shifted in: still sorted");
	for (int i = 0; i < DISTINCT; i++)
	{
		int			j = ts_gs_find(b, ymd(1990, 1, 1) + i);

		if (j >= 0 && b->entries[j].period == ymd(1990, 1, 1) + i)
			found++;
	}
	CHECK(found == DISTINCT && ts_gs_find(b, ymd(1990, 1, 1) - 1) == -b->nentries - 1,
		  "the hash index finds every period of an unsorted state, and no other");
	CHECK(ts_gs_validate(b) != NULL, "an unsorted state is not valid as a stored one");
	ts_gs_sort(b);
	CHECK(b->sorted && ts_gs_validate(b) == NULL &&
		  memcmp(a->entries, b->entries, DISTINCT * sizeof(ts_growth_entry)) == 0 &&
		  memcmp(a->entries, c->entries, DISTINCT * sizeof(ts_growth_entry)) == 0,
		  "in any order, the same entries once sorted");
	la = ts_gs_packed_size(a);
	lb = ts_gs_packed_size(b);
	pa = malloc(la);
	pb = malloc(lb);
	ts_gs_pack(a, pa);
	ts_gs_pack(b, pb);
	CHECK(la == lb && memcmp(pa, pb, la) == 0, "in any order, the same packed bytes");

	/* merging an indexed state into one without room for the index */
	{
		ts_growth_state *m = calloc(1, TS_GS_SIZE(2 * DISTINCT));

		ts_gs_init(m, 2 * DISTINCT, TS_VAL_INT8, 0);
		CHECK(b->indexed && ts_gs_merge(b, a, m) && !m->indexed && m->sorted &&
			  m->capacity == 2 * DISTINCT && m->nentries == DISTINCT,
			  "a merge keeps out's capacity and lack of index");
		free(m);
	}

	/* adding the packed state into an unsorted one: twice each sum */
	free(b);
	b = state_from(shuffled, N, 8);
	{
		int32_t		room;
		const char *err;

		ts_growth_state *roomy = new_state(2 * DISTINCT, TS_VAL_INT8, 0);

		ts_gs_copy(roomy, b);	/* unsorted: the copy rebuilds its index */
		free(b);
		b = roomy;
		CHECK(ts_gs_add_packed(b, pa, la, &room, &err) == TS_GS_ADD_OK,
			  "a packed state adds into an unsorted one");
		ts_gs_sort(b);
		found = 0;
		for (int i = 0; i < DISTINCT; i++)
			if (b->entries[i].count == 2 * a->entries[i].count &&
				b->entries[i].total == 2 * a->entries[i].total)
				found++;
		CHECK(found == DISTINCT, "and doubles every entry");
	}

	/* a full state refuses a new period and is left alone */
	{
		ts_growth_state *f = new_state(2, TS_VAL_INT8, TS_GS_PERIODS);

		ts_gs_add(ts_gs_entry(f, 100), 1, false);
		ts_gs_add(ts_gs_entry(f, 50), 1, false);
		CHECK(ts_gs_entry(f, 75) == NULL && f->nentries == 2 && ts_gs_entry(f, 50) != NULL &&
			  f->entries[0].period == 50, "a full state: NULL for a new period, found for its own");
		free(f);
	}
	/* without room for the index, a period far out of order is refused */
	{
		ts_growth_state *f = calloc(1, TS_GS_SIZE(64));
		int			added = 0;

		ts_gs_init(f, 64, TS_VAL_INT8, TS_GS_PERIODS);
		for (int p = 100; p < 180; p += 2)
			added += ts_gs_entry(f, p) != NULL;
		CHECK(added == 40 && ts_gs_entry(f, 110) != NULL && ts_gs_entry(f, 101) == NULL &&
			  f->sorted && f->nentries == 40,
			  "not indexed: in order added, far out of order NULL and the state untouched");
		CHECK(ts_gs_entry(f, 175) != NULL && f->entries[38].period == 175 &&
			  f->entries[40].period == 178 && f->sorted && f->nentries == 41,
			  "not indexed: a new period a few places back is shifted in");
		free(f);
	}
	free(a);
	free(b);
	free(c);
	free(pa);
	free(pb);
	free(ordered);
	free(shuffled);
	free(near);
}

/*
 * 0.1's stored layout: the varlena datum of 0.1's working state, read
 * through the frozen struct into today's working state.
 */
static void
test_layout_01(void)
{
	/* 32-byte header, 56-byte entries, little-endian */
	uint8_t		d[32 + 2 * 56 + 56];
	ts_growth_state *s = new_state(2, TS_VAL_AMOUNT, 0);
	int32_t		n;
	int32_t		p1 = ymd(2020, 1, 1),
				p2 = ymd(2020, 2, 1);
	int64_t		count = 3;
	ts_int128	total = 12345;
	uint16_t	usd = ts_currency_key_from_code("USD");

	memset(d, 0, sizeof(d));
	n = (int32_t) sizeof(d) << 2;	/* vl_len: a 4-byte header, little-endian */
	memcpy(d, &n, 4);
	d[4] = 1;					/* version */
	d[5] = TS_VAL_AMOUNT;
	d[6] = TS_GS_PERIODS;
	d[7] = 2;					/* scale */
	memcpy(d + 8, &usd, 2);
	n = 2;
	memcpy(d + 16, &n, 4);		/* nentries */
	n = 3;
	memcpy(d + 20, &n, 4);		/* capacity */
	memcpy(d + 32, &p1, 4);
	memcpy(d + 32 + 8, &count, 8);
	memcpy(d + 32 + 24, &total, 16);
	memcpy(d + 88, &p2, 4);
	memcpy(d + 88 + 8, &count, 8);
	memcpy(d + 88 + 24, &total, 16);
	CHECK(ts_gs01_count(d, sizeof(d), &n) == NULL && n == 2, "0.1's layout: 2 entries");
	CHECK(ts_gs01_read(d, sizeof(d), s) == NULL && s->version == TS_GS_WORKING &&
		  s->sorted && s->nentries == 2 && s->currency == usd && s->scale == 2 &&
		  s->entries[1].period == p2 && s->entries[1].count == 3 &&
		  s->entries[1].total == 12345, "0.1's layout read into the working state");
	CHECK(ts_gs01_count(d, sizeof(d) - 1, &n) != NULL, "0.1's layout shorter than its capacity");
	d[4] = 2;
	CHECK(ts_gs01_count(d, sizeof(d), &n) != NULL, "0.1's layout has version 1");
	d[4] = 1;
	memcpy(d + 88, &p1, 4);
	CHECK(ts_gs01_read(d, sizeof(d), s) != NULL, "0.1's layout with a repeated period is refused");
	free(s);
}

static void
test_interrupt_hook(void)
{
	int			n = 200000;
	ts_growth_state *s = new_state(n, TS_VAL_INT8, TS_GS_PERIODS);
	ts_growth_state *back = new_state(n, TS_VAL_INT8, 0);
	char	   *text;
	uint8_t    *packed;
	size_t		len;

	for (int i = 0; i < n; i++)
	{
		s->entries[i].period = ymd(1900, 1, 1) + i;
		s->entries[i].count = 1;
		s->entries[i].total = i;
	}
	s->nentries = n;
	ts_interrupt_hook = count_hook;

	hook_calls = 0;
	text = malloc(ts_gs_text_size(s));
	ts_gs_format(s, text);
	CHECK(hook_calls == n / TS_INTERRUPT_EVERY, "formatting 200,000 periods calls the hook %d times, not %d",
		  n / TS_INTERRUPT_EVERY, hook_calls);
	hook_calls = 0;
	CHECK(ts_gs_parse(text, back) == NULL && hook_calls >= n / TS_INTERRUPT_EVERY,
		  "parsing them calls it at least %d times, not %d", n / TS_INTERRUPT_EVERY, hook_calls);
	packed = malloc(ts_gs_packed_size(s));
	hook_calls = 0;
	len = ts_gs_pack(s, packed);
	CHECK(hook_calls >= n / TS_INTERRUPT_EVERY, "packing calls it");
	hook_calls = 0;
	CHECK(ts_gs_unpack(packed, len, back) == NULL && hook_calls >= n / TS_INTERRUPT_EVERY,
		  "unpacking calls it");
	ts_interrupt_hook = NULL;
	free(packed);
	free(text);
	free(back);
	free(s);
}

/* What each error of the reader says in load_rates' messages. */
static const char *
csv_error_text(ts_csv_error err)
{
	switch (err)
	{
		case TS_CSV_UNCLOSED_QUOTE:
			return "a quoted field is not closed";
		case TS_CSV_TEXT_AFTER_QUOTE:
			return "text after the closing quote of a field";
		case TS_CSV_QUOTE_IN_FIELD:
			return "a quote inside an unquoted field";
	}
	return "(unknown error)";
}

/* All fields of text, as "line:field|field;line:..." */
static const char *
csv_fields(const char *text, char delimiter, char *out)
{
	ts_csv_reader r;
	char		field[256];
	size_t		len;
	ts_csv_error err = (ts_csv_error) -1;
	ts_csv_result res;
	bool		start = true;

	out[0] = '\0';
	ts_csv_init(&r, text, strlen(text), delimiter);
	while ((res = ts_csv_next(&r, field, &len, &err)) == TS_CSV_FIELD || res == TS_CSV_LAST_FIELD)
	{
		if (start)
			sprintf(out + strlen(out), "%d:", r.record_line);
		strncat(out, field, len);
		strcat(out, res == TS_CSV_FIELD ? "|" : ";");
		start = res == TS_CSV_LAST_FIELD;
	}
	if (res == TS_CSV_ERROR)
		sprintf(out + strlen(out), "error on line %d: %s", r.record_line,
				csv_error_text(err));
	return out;
}

static void
test_csv(void)
{
	static const char *const cases[][3] = {
		{"a,b\n1,2\n", ",", "1:a|b;2:1|2;"},
		{"a,b\r\n1,2", ",", "1:a|b;2:1|2;"},
		{"a;b\r1;2\r", ";", "1:a|b;2:1|2;"},
		{"d,x\n\n\n2020,\"1,234.5\"\n", ",", "1:d|x;4:2020|1,234.5;"},
		{"d,x\n2020,\"say \"\"hi\"\"\"\n", ",", "1:d|x;2:2020|say \"hi\";"},
		{"d,x\n2020,\"two\nlines\"\n3,4\n", ",", "1:d|x;2:2020|two\nlines;4:3|4;"},
		{"a,b,\n1,,\n", ",", "1:a|b|;2:1||;"},
		{"a,b\n1,\"2\n", ",", "1:a|b;2:1|error on line 2: a quoted field is not closed"},
		{"a,b\n1,2\"x\n", ",", "1:a|b;2:1|error on line 2: a quote inside an unquoted field"},
		{"a,b\n1,\"2\"x\n", ",", "1:a|b;2:1|error on line 2: text after the closing quote of a field"},
		{"", ",", ""},
	};
	char		out[512];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(strcmp(csv_fields(cases[i][0], cases[i][1][0], out), cases[i][2]) == 0,
			  "csv case %zu: got \"%s\", want \"%s\"", i, out, cases[i][2]);
}

static void
test_sum_state(void)
{
	static const char *const good[] = {
		"(1225,2,USD)", "(0,0,)", "(-5,1,JPY)", "(0,3,KWD)",
	};
	static const char *const bad[] = {
		"", "(", "()", "(1,1)", "(1,1,usd)", "(1,1,XYZ)", "(1,0,USD)x",
		"(1,0,)", "(5,1,)", "(1,-1,USD)", "(1, 1,USD)", "(1,1,USD",
		"(9223372036854775808,1,USD)", "(1,9223372036854775808,USD)",
		"(170141183460469231731687303715884105728,99,USD)",
		"(-170141183460469231731687303715884105728,18446744073709551615,CNY)",
	};
	char		buf[TS_SUM_STATE_BUFLEN];
	ts_int128	sum;
	int64_t		count;
	ts_currency_key cur;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
	{
		bool		ok = ts_sum_state_parse(good[i], &sum, &count, &cur);

		if (ok)
			ts_sum_state_format(sum, count, cur, buf);
		CHECK(ok && strcmp(buf, good[i]) == 0, "sum state \"%s\" round-trips", good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!ts_sum_state_parse(bad[i], &sum, &count, &cur),
			  "sum state \"%s\" is rejected", bad[i]);
	CHECK(ts_sum_state_parse("(-92233720368547758080,10,USD)", &sum, &count, &cur) &&
		  sum == (ts_int128) INT64_MIN * 10, "ten minimal amounts are a valid state");
	CHECK(!ts_sum_state_parse("(-92233720368547758090,10,USD)", &sum, &count, &cur),
		  "a sum beyond count * 2^63 is rejected");
}

/* Periods, the age limit and period ratios (rate_math.c). */
static void
test_periods(void)
{
	int32_t		start,
				end;
	ts_ratio	r;
	int64_t		out;
	int32_t		d = ts_date_from_ymd(2020, 2, 29);

	CHECK(ts_parse_per("day", 3) == TS_PER_DAY && ts_parse_per("month", 5) == TS_PER_MONTH &&
		  ts_parse_per("quarter", 7) == TS_PER_QUARTER && ts_parse_per("year", 4) == TS_PER_YEAR,
		  "the four periods parse");
	CHECK(ts_parse_per("Month", 5) < 0 && ts_parse_per("week", 4) < 0 &&
		  ts_parse_per("mont", 4) < 0 && ts_parse_per("", 0) < 0 &&
		  ts_parse_per("months", 6) < 0, "nothing else does");
	ts_period_bounds(d, TS_PER_MONTH, &start, &end);
	CHECK(start == ts_date_from_ymd(2020, 2, 1) && end == d, "February 2020 ends on the leap day");
	ts_period_bounds(ts_date_from_ymd(2021, 2, 10), TS_PER_MONTH, &start, &end);
	CHECK(end == ts_date_from_ymd(2021, 2, 28), "February 2021 ends on the 28th");
	ts_period_bounds(ts_date_from_ymd(2020, 12, 31), TS_PER_MONTH, &start, &end);
	CHECK(start == ts_date_from_ymd(2020, 12, 1) && end == ts_date_from_ymd(2020, 12, 31),
		  "December");
	ts_period_bounds(ts_date_from_ymd(2020, 11, 15), TS_PER_QUARTER, &start, &end);
	CHECK(start == ts_date_from_ymd(2020, 10, 1) && end == ts_date_from_ymd(2020, 12, 31),
		  "the fourth quarter");
	ts_period_bounds(ts_date_from_ymd(2020, 5, 15), TS_PER_QUARTER, &start, &end);
	CHECK(start == ts_date_from_ymd(2020, 4, 1) && end == ts_date_from_ymd(2020, 6, 30),
		  "the second quarter");
	ts_period_bounds(d, TS_PER_YEAR, &start, &end);
	CHECK(start == ts_date_from_ymd(2020, 1, 1) && end == ts_date_from_ymd(2020, 12, 31),
		  "a year");
	ts_period_bounds(d, TS_PER_DAY, &start, &end);
	CHECK(start == d && end == d, "a day");
	ts_period_bounds(ts_date_from_ymd(-44, 3, 15), TS_PER_YEAR, &start, &end);
	CHECK(start == ts_date_from_ymd(-44, 1, 1) && end == ts_date_from_ymd(-44, 12, 31),
		  "a year before the common era");

	CHECK(ts_date_add_age(d, 0, 31, 0) == ts_date_from_ymd(2020, 3, 31), "31 days from the leap day");
	CHECK(ts_date_add_age(ts_date_from_ymd(2020, 1, 31), 1, 0, 0) == d,
		  "a month from 31 January: the leap day");
	CHECK(ts_date_add_age(d, 12, 0, 0) == ts_date_from_ymd(2021, 2, 28),
		  "a year from the leap day: 28 February");
	CHECK(ts_date_add_age(d, 0, 1, INT64_C(86400000000) + 1) == ts_date_from_ymd(2020, 3, 2),
		  "a day and a bit more than a day: two whole days");
	CHECK(ts_date_add_age(ts_date_from_ymd(2000, 1, 1), INT32_MAX, INT32_MAX, INT64_MAX) ==
		  INT32_MAX - 1, "a huge age is clamped");

	/* 7.1333... = 2140/300 with cents: units * 2140 / 300 */
	CHECK(ts_ratio_make(2140, 2, 3, 0, 2, 2, &r) && r.num == 107 && r.den == 15,
		  "21.40 / 3, reduced");
	CHECK(ts_convert_ratio(10000, &r, &out) == TS_CONV_OK && out == 71333, "100 units at 21.40 / 3");
	CHECK(ts_convert_ratio(-10000, &r, &out) == TS_CONV_OK && out == -71333, "and negative");
	CHECK(ts_ratio_make(7225, 3, 1, 0, 2, 2, &r) && ts_convert_ratio(100, &r, &out) == TS_CONV_OK &&
		  out == 723, "7.225 rounds half away from zero once");
	CHECK(ts_ratio_make(1, 0, 108, 0, 0, 2, &r) && r.num == 25 && r.den == 27,
		  "yen to cents: 100 / 108");
	CHECK(ts_ratio_make(2, 0, 1, 0, 2, 2, &r) &&
		  ts_convert_ratio(INT64_MAX, &r, &out) == TS_CONV_RANGE, "doubling the maximum");
	CHECK(ts_ratio_make((ts_int128) 1 << 100, 0, 3, 0, 2, 2, &r) &&
		  ts_convert_ratio(INT64_MAX, &r, &out) == TS_CONV_WIDE,
		  "beyond 128 bits asks for the numeric fallback");
	CHECK(!ts_ratio_make((ts_int128) 1 << 120, 0, 1, 0, 0, 4, &r),
		  "a ratio beyond 127 bits does not fit");
	CHECK(!ts_ratio_make(0, 0, 1, 0, 2, 2, &r) && !ts_ratio_make(1, 0, -1, 0, 2, 2, &r),
		  "no zero or negative ratio");
}

/* parts_core.c: the order of top_n, the sums of hhi and cr */
static void
test_parts(void)
{
	ts_part		p[5] = {
		{5, "d", 0}, {7, "b", 1}, {5, NULL, 2}, {5, "a", 3}, {5, "a", 4}
	};
	ts_int128	v[4] = {3, 10, 0, 7};
	ts_int128	w[2] = {(ts_int128) 1 << 126, (ts_int128) 1 << 126};
	ts_int128	sum,
				heap[4];

	ts_parts_sort(p, 5);
	CHECK(p[0].pos == 1 && p[1].pos == 3 && p[2].pos == 4 && p[3].pos == 0 && p[4].pos == 2,
		  "largest first; ties by label, then position; a NULL label last");
	CHECK(ts_parts_top_sum(v, 4, 2, heap, &sum) && sum == 17, "the two largest of 3, 10, 0, 7");
	CHECK(ts_parts_top_sum(v, 4, 9, heap, &sum) && sum == 20, "k beyond n sums them all");
	CHECK(ts_parts_top_sum(v, 4, 1, heap, &sum) && sum == 10, "the largest of 3, 10, 0, 7");
	CHECK(ts_parts_top_sum(v, 4, 3, heap, &sum) && sum == 20, "the three largest of 3, 10, 0, 7");
	CHECK(v[0] == 3 && v[1] == 10 && v[2] == 0 && v[3] == 7, "the parts stay in their order");
	{
		/* against a sort, on values with ties, for every k */
		ts_int128	many[40],
					sorted[40],
					h[40];

		for (int i = 0; i < 40; i++)
			many[i] = sorted[i] = (ts_int128) ((i * 7919) % 23) << 64 | (i % 3);
		for (int i = 1; i < 40; i++)
			for (int j = i; j > 0 && sorted[j] > sorted[j - 1]; j--)
			{
				ts_int128	t = sorted[j];

				sorted[j] = sorted[j - 1];
				sorted[j - 1] = t;
			}
		for (int k = 0; k <= 41; k++)
		{
			ts_int128	want = 0;

			for (int i = 0; i < k && i < 40; i++)
				want += sorted[i];
			CHECK(ts_parts_top_sum(many, 40, k, h, &sum) && sum == want,
				  "the k largest of 40 parts with ties, as a sort gives them");
		}
	}
	CHECK(!ts_parts_sum(w, 2, &sum), "a sum beyond 127 bits is refused");
	{
		/* 13043817825332782212 is the integer square root of 2^127 - 1 */
		ts_int128	r = (ts_int128) 13043817825332782212ULL;
		ts_int128	edge[2] = {r, 0};
		ts_int128	max = (ts_int128) ((((unsigned __int128) 1) << 127) - 1);

		CHECK(ts_parts_sum_squares(v, 4, &sum) && sum == 9 + 100 + 0 + 49,
			  "the squares of 3, 10, 0, 7");
		CHECK(ts_parts_sum_squares(v, 0, &sum) && sum == 0, "no parts, no squares");
		CHECK(ts_parts_sum_squares(edge, 2, &sum) && sum == r * r && max - sum < 2 * r + 1,
			  "the largest square that fits");
		edge[1] = 1;
		CHECK(ts_parts_sum_squares(edge, 2, &sum) && sum == r * r + 1,
			  "the largest square and 1 still fit");
		edge[1] = r;
		CHECK(!ts_parts_sum_squares(edge, 2, &sum), "a sum of squares beyond 127 bits is refused");
		edge[0] = r + 1;
		edge[1] = 0;
		CHECK(!ts_parts_sum_squares(edge, 2, &sum), "a square beyond 127 bits is refused");
	}
	CHECK(ts_parts_rescale(v, 4, 2) && v[0] + v[1] + v[2] + v[3] == 2000, "rescaled by 10^2");
	CHECK(!ts_parts_rescale(w, 2, 2), "rescaling beyond 127 bits is refused");
}

/* quantity_core.c: entries merged by key, windows, rescaling */
static void
test_quantity(void)
{
	ts_qty_entry e[5] = {
		{.commodity = 1, .period = 400, .value = 7, .qty = 1, .rows = 1},
		{.commodity = 0, .period = 300, .value = 10, .qty = 4, .rows = 1},
		{.commodity = 0, .period = 100, .value = 5, .qty = 2, .rows = 1},
		{.commodity = 1, .period = 400, .value = 3, .qty = 1, .rows = 2},
		{.commodity = 0, .period = 300, .value = 1, .qty = 1, .rows = 1}
	};
	ts_qty_entry big[2] = {
		{.commodity = 0, .period = 1, .value = (ts_int128) 1 << 126, .qty = 1, .rows = 1},
		{.commodity = 0, .period = 1, .value = (ts_int128) 1 << 126, .qty = 1, .rows = 1}
	};
	int			n = 5,
				nbig = 2;
	ts_int128	v,
				q;
	int64_t		rows;

	CHECK(ts_qty_compact(e, &n) && n == 3, "five entries, three keys");
	CHECK(e[0].commodity == 0 && e[0].period == 100 && e[1].period == 300 && e[1].value == 11 &&
		  e[1].qty == 5 && e[1].rows == 2 && e[2].commodity == 1 && e[2].rows == 3,
		  "sorted by commodity and period, sums and rows merged");
	CHECK(ts_qty_window(e, n, 0, 100, 299, &v, &q, &rows) && v == 5 && q == 2 && rows == 1,
		  "a window of one commodity");
	CHECK(ts_qty_window(e, n, 0, 301, 500, &v, &q, &rows) && rows == 0 && v == 0,
		  "an empty window");
	CHECK(ts_qty_latest(e, n) == 400 && ts_qty_latest(e, 0) == INT32_MIN, "the latest period");
	CHECK(ts_qty_rescale(e, n, true, 3) && e[1].qty == 5000 && e[1].value == 11,
		  "quantities rescaled, values kept");
	CHECK(!ts_qty_compact(big, &nbig), "a merged sum beyond 127 bits is refused");
	{
		ts_int128	vs[2],
					qs[2];
		int64_t		rs[2];

		CHECK(ts_qty_window_all(e, n, 2, 100, 400, vs, qs, rs) && vs[0] == 16 && rs[0] == 3 &&
			  vs[1] == 10 && rs[1] == 3, "every commodity's window in one pass");
		CHECK(!ts_qty_window_all(e, n, 1, 100, 400, vs, qs, rs),
			  "an entry of an unknown commodity is refused");
	}
}

/*
 * Exact sums of quotients against numeric's digits: each expected text is
 * PostgreSQL 15's round(a::numeric * b, 40) / c (and the sum of two such),
 * as psql prints it.
 */
static bool
quot_is(unsigned __int128 a, unsigned __int128 b, unsigned __int128 c,
		const char *expected)
{
	ts_qty_quot_sum s;
	char		buf[256];

	ts_qty_quot_sum_init(&s);
	return ts_qty_quot_sum_add(&s, a, b, c, 40) &&
		ts_qty_quot_sum_text(&s, buf, sizeof(buf)) > 0 && strcmp(buf, expected) == 0;
}

/* a random 128-bit number of 0 to 128 bits, often near a power of 2 or 10 */
static unsigned __int128
random_u128(uint64_t *seed)
{
	unsigned __int128 v;
	int			kind,
				bits;

	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	kind = (int) ((*seed >> 33) % 4);
	bits = (int) ((*seed >> 40) % 129);
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	v = (unsigned __int128) *seed << 64;
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	v |= *seed;
	v = bits == 128 ? v : bits == 0 ? 0 : v >> (128 - bits);
	if (kind == 1 && bits < 128)
		v = ((unsigned __int128) 1 << bits) + (v & 3) - 1;
	else if (kind == 2)
	{
		unsigned __int128 p = 1;

		for (int k = 0; k < bits % 39; k++)
			p *= 10;
		v = p + (v & 3) - 1;
	}
	return v;
}

/*
 * The decimal division of a sum's terms (a * b in 128 bits, c in 64)
 * against the division in limbs: the same text, term by term and summed,
 * with terms of both kinds mixed in a sum.
 */
static void
test_quot_sum_dec(void)
{
	uint64_t	seed = 12345;
	int			same = 0,
				total = 0,
				dec = 0;

	for (int i = 0; i < 200000; i++)
	{
		ts_qty_quot_sum x,
					y;
		char		bx[256],
					by[256];
		int			nterms,
					dscale;
		bool		okx = true,
					oky = true;
		int			lx,
					ly;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		nterms = 1 + (int) ((seed >> 33) % 4);
		dscale = (seed >> 40) % 3 == 0 ? (int) ((seed >> 45) % 80) : 40;
		ts_qty_quot_sum_init(&x);
		ts_qty_quot_sum_init(&y);
		for (int t = 0; t < nterms; t++)
		{
			unsigned __int128 a = random_u128(&seed),
						b = random_u128(&seed),
						c = random_u128(&seed);

			/* mostly the decimal path's terms: a b < 2^128, c < 2^64 */
			if ((seed >> 35) % 4 != 0)
			{
				a >>= 64 + (int) ((seed >> 20) % 64);
				b >>= 64 + (int) ((seed >> 26) % 64);
				c >>= 64 + (int) ((seed >> 14) % 64);
			}
			if (c == 0)
				c = 1 + (seed >> 50);
			dec += (a == 0 || b <= ~(unsigned __int128) 0 / a) && (c >> 64) == 0;
			okx = okx && ts_qty_quot_sum_add(&x, a, b, c, dscale);
			oky = oky && ts_qty_quot_sum_add_limbs(&y, a, b, c, dscale);
		}
		lx = okx ? ts_qty_quot_sum_text(&x, bx, sizeof(bx)) : -1;
		ly = oky ? ts_qty_quot_sum_text(&y, by, sizeof(by)) : -1;
		total++;
		if (lx == ly && (lx < 0 || strcmp(bx, by) == 0))
			same++;
		else if (total - same <= 5)
			printf("# differ (dscale %d): %s / %s\n", dscale, okx && lx >= 0 ? bx : "-",
				   oky && ly >= 0 ? by : "-");
	}
	CHECK(same == total, "200,000 sums of 1 to 4 terms: the decimal division's text is the limbs'");
	CHECK(dec > 300000, "most of their terms are the decimal division's");
}

static void
test_quot_sum(void)
{
	const unsigned __int128 max127 = ((unsigned __int128) 1 << 127) - 1;
	const unsigned __int128 e30 = (unsigned __int128) 1000000000000000ULL * 1000000000000000ULL;
	ts_qty_quot_sum s;
	char		buf[256];

	CHECK(quot_is(1, 1, (unsigned __int128) 1 << 41, "0.0000000000004547473508864641189575195313"),
		  "1 / 2^41: the 41st decimal is an exact 5, rounded away from zero");
	CHECK(quot_is(3, 1, (unsigned __int128) 1 << 41, "0.0000000000013642420526593923568725585938"),
		  "3 / 2^41: ...59375 rounds up at the 40th decimal");
	CHECK(quot_is(1, 1, 3, "0.3333333333333333333333333333333333333333"), "1 / 3, 40 decimals");
	CHECK(quot_is(2, 1, 3, "0.6666666666666666666666666666666666666667"), "2 / 3 rounds up");
	CHECK(quot_is(1, 1, e30, "0.000000000000000000000000000001000000000000000000"),
		  "1 / 10^30: numeric_div's 16 significant digits, 48 decimals");
	CHECK(quot_is(0, 1, e30, "0.000000000000000000000000000000000000000000000000"),
		  "0 / 10^30 keeps numeric's scale of 48");
	CHECK(quot_is(max127, max127, 7,
				  "4135431758475578407984678036024568137568173399927028935200145913506644885504."
				  "1428571428571428571428571428571428571429"),
		  "a 254-bit product over 7");
	CHECK(quot_is(12345, 678, e30 * 10000000 - 1, "0.000000000000000000000000000000836991000000000000"),
		  "a quotient of 10^-31 over a 37-digit divisor");
	ts_qty_quot_sum_init(&s);
	CHECK(ts_qty_quot_sum_add(&s, 2, 1, 3, 40) && ts_qty_quot_sum_add(&s, 1, 1, e30, 40) &&
		  ts_qty_quot_sum_text(&s, buf, sizeof(buf)) > 0 &&
		  strcmp(buf, "0.666666666666666666666666666667666666666700000000") == 0,
		  "a sum at the larger of its terms' scales, as numeric_add's");
	ts_qty_quot_sum_init(&s);
	CHECK(!ts_qty_quot_sum_add(&s, 1, 1, 0, 40), "a division by 0 is refused");
	CHECK(!ts_qty_quot_sum_add(&s, max127, max127, 1, 100),
		  "a quotient wider than the sum's 512 bits is refused (numeric takes it)");
	CHECK(!ts_qty_quot_sum_add(&s, max127, max127, 1, 250),
		  "a numerator wider than 1024 bits is refused");
	ts_qty_quot_sum_init(&s);
	CHECK(ts_qty_quot_sum_add(&s, 1, 1, 3, 40) && ts_qty_quot_sum_text(&s, buf, 20) == -1,
		  "text too long for its buffer is refused");
	ts_qty_quot_sum_init(&s);
	CHECK(ts_qty_quot_sum_add(&s, 59999999999999999ULL, 1, 30000000000000000ULL, 0) &&
		  ts_qty_quot_sum_text(&s, buf, sizeof(buf)) > 0 && strcmp(buf, "2.0000000000000000") == 0,
		  "a decimal term's rounding carried through its decimals into its integer part");
	test_quot_sum_dec();
}

int
main(void)
{
	test_table();
	test_good();
	test_bad();
	test_round_trip();
	test_decimal();
	test_search();
	test_div();
	test_humanize();
	test_pct();
	test_rates();
	test_periods();
	test_calendar();
	test_state();
	test_sum_bounds();
	test_packed();
	test_state_order();
	test_layout_01();
	test_interrupt_hook();
	test_sum_state();
	test_csv();
	test_parts();
	test_quantity();
	test_quot_sum();
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
