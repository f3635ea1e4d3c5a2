/*-------------------------------------------------------------------------
 *
 * currency.c
 *	  The ISO 4217 currency table and lookups (pure C).
 *
 * Every active ISO 4217 code is listed, plus the withdrawn codes that still
 * occur in published exchange-rate series (the ECB history, for one).  The
 * table must stay sorted by code: lookups are binary searches.
 *
 * ISO gives no minor unit for precious metals, the SDR and other special
 * codes (XAU, XDR, ...); trade_stats gives them four decimals.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

#include <string.h>

const int64_t ts_pow10[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

#define C(code, num, minor) {code, num, minor, NULL, NULL, NULL, NULL}
#define N(code, num, minor, en, zh, ja, ko) {code, num, minor, en, zh, ja, ko}
/* a withdrawn currency, kept so that old data still reads */
#define H(code, num, minor) {code, num, minor, NULL, NULL, NULL, NULL}

static const ts_currency currencies[] = {
	C("AED", 784, 2),
	C("AFN", 971, 2),
	C("ALL", 8, 2),
	C("AMD", 51, 2),
	C("ANG", 532, 2),
	C("AOA", 973, 2),
	C("ARS", 32, 2),
	N("AUD", 36, 2, "Australian dollars", "澳元", "豪ドル", "호주 달러"),
	C("AWG", 533, 2),
	C("AZN", 944, 2),
	C("BAM", 977, 2),
	C("BBD", 52, 2),
	C("BDT", 50, 2),
	C("BGN", 975, 2),
	C("BHD", 48, 3),
	C("BIF", 108, 0),
	C("BMD", 60, 2),
	C("BND", 96, 2),
	C("BOB", 68, 2),
	C("BOV", 984, 2),
	C("BRL", 986, 2),
	C("BSD", 44, 2),
	C("BTN", 64, 2),
	C("BWP", 72, 2),
	C("BYN", 933, 2),
	H("BYR", 974, 0),
	C("BZD", 84, 2),
	N("CAD", 124, 2, "Canadian dollars", "加元", "カナダドル", "캐나다 달러"),
	C("CDF", 976, 2),
	C("CHE", 947, 2),
	N("CHF", 756, 2, "Swiss francs", "瑞士法郎", "スイスフラン", "스위스 프랑"),
	C("CHW", 948, 2),
	C("CLF", 990, 4),
	C("CLP", 152, 0),
	N("CNY", 156, 2, "yuan", "元", "人民元", "위안"),
	C("COP", 170, 2),
	C("COU", 970, 2),
	C("CRC", 188, 2),
	C("CUC", 931, 2),
	C("CUP", 192, 2),
	C("CVE", 132, 2),
	H("CYP", 196, 2),
	C("CZK", 203, 2),
	C("DJF", 262, 0),
	C("DKK", 208, 2),
	C("DOP", 214, 2),
	C("DZD", 12, 2),
	H("EEK", 233, 2),
	C("EGP", 818, 2),
	C("ERN", 232, 2),
	C("ETB", 230, 2),
	N("EUR", 978, 2, "euros", "欧元", "ユーロ", "유로"),
	C("FJD", 242, 2),
	C("FKP", 238, 2),
	N("GBP", 826, 2, "pounds sterling", "英镑", "英ポンド", "영국 파운드"),
	C("GEL", 981, 2),
	C("GHS", 936, 2),
	C("GIP", 292, 2),
	C("GMD", 270, 2),
	C("GNF", 324, 0),
	C("GTQ", 320, 2),
	C("GYD", 328, 2),
	N("HKD", 344, 2, "Hong Kong dollars", "港元", "香港ドル", "홍콩 달러"),
	C("HNL", 340, 2),
	H("HRK", 191, 2),
	C("HTG", 332, 2),
	C("HUF", 348, 2),
	C("IDR", 360, 2),
	C("ILS", 376, 2),
	C("INR", 356, 2),
	C("IQD", 368, 3),
	C("IRR", 364, 2),
	C("ISK", 352, 0),
	C("JMD", 388, 2),
	C("JOD", 400, 3),
	N("JPY", 392, 0, "yen", "日元", "円", "엔"),
	C("KES", 404, 2),
	C("KGS", 417, 2),
	C("KHR", 116, 2),
	C("KMF", 174, 0),
	C("KPW", 408, 2),
	N("KRW", 410, 0, "won", "韩元", "ウォン", "원"),
	C("KWD", 414, 3),
	C("KYD", 136, 2),
	C("KZT", 398, 2),
	C("LAK", 418, 2),
	C("LBP", 422, 2),
	C("LKR", 144, 2),
	C("LRD", 430, 2),
	C("LSL", 426, 2),
	H("LTL", 440, 2),
	H("LVL", 428, 2),
	C("LYD", 434, 3),
	C("MAD", 504, 2),
	C("MDL", 498, 2),
	C("MGA", 969, 2),
	C("MKD", 807, 2),
	C("MMK", 104, 2),
	C("MNT", 496, 2),
	N("MOP", 446, 2, "patacas", "澳门元", "パタカ", "파타카"),
	H("MRO", 478, 2),
	C("MRU", 929, 2),
	H("MTL", 470, 2),
	C("MUR", 480, 2),
	C("MVR", 462, 2),
	C("MWK", 454, 2),
	C("MXN", 484, 2),
	C("MXV", 979, 2),
	C("MYR", 458, 2),
	C("MZN", 943, 2),
	C("NAD", 516, 2),
	C("NGN", 566, 2),
	C("NIO", 558, 2),
	C("NOK", 578, 2),
	C("NPR", 524, 2),
	N("NZD", 554, 2, "New Zealand dollars", "新西兰元", "ニュージーランドドル", "뉴질랜드 달러"),
	C("OMR", 512, 3),
	C("PAB", 590, 2),
	C("PEN", 604, 2),
	C("PGK", 598, 2),
	C("PHP", 608, 2),
	C("PKR", 586, 2),
	C("PLN", 985, 2),
	C("PYG", 600, 0),
	C("QAR", 634, 2),
	H("ROL", 642, 2),
	C("RON", 946, 2),
	C("RSD", 941, 2),
	N("RUB", 643, 2, "roubles", "卢布", "ルーブル", "루블"),
	C("RWF", 646, 0),
	C("SAR", 682, 2),
	C("SBD", 90, 2),
	C("SCR", 690, 2),
	C("SDG", 938, 2),
	C("SEK", 752, 2),
	N("SGD", 702, 2, "Singapore dollars", "新加坡元", "シンガポールドル", "싱가포르 달러"),
	C("SHP", 654, 2),
	H("SIT", 705, 2),
	H("SKK", 703, 2),
	C("SLE", 925, 2),
	C("SLL", 694, 2),
	C("SOS", 706, 2),
	C("SRD", 968, 2),
	C("SSP", 728, 2),
	H("STD", 678, 2),
	C("STN", 930, 2),
	C("SVC", 222, 2),
	C("SYP", 760, 2),
	C("SZL", 748, 2),
	C("THB", 764, 2),
	C("TJS", 972, 2),
	C("TMT", 934, 2),
	C("TND", 788, 3),
	C("TOP", 776, 2),
	H("TRL", 792, 0),
	C("TRY", 949, 2),
	C("TTD", 780, 2),
	N("TWD", 901, 2, "New Taiwan dollars", "新台币", "台湾ドル", "대만 달러"),
	C("TZS", 834, 2),
	C("UAH", 980, 2),
	C("UGX", 800, 0),
	N("USD", 840, 2, "US dollars", "美元", "米ドル", "달러"),
	C("USN", 997, 2),
	C("UYI", 940, 0),
	C("UYU", 858, 2),
	C("UYW", 927, 4),
	C("UZS", 860, 2),
	C("VED", 926, 2),
	H("VEF", 937, 2),
	C("VES", 928, 2),
	C("VND", 704, 0),
	C("VUV", 548, 0),
	C("WST", 882, 2),
	C("XAF", 950, 0),
	C("XAG", 961, 4),
	C("XAU", 959, 4),
	C("XBA", 955, 4),
	C("XBB", 956, 4),
	C("XBC", 957, 4),
	C("XBD", 958, 4),
	C("XCD", 951, 2),
	C("XCG", 532, 2),
	C("XDR", 960, 4),
	C("XOF", 952, 0),
	C("XPD", 964, 4),
	C("XPF", 953, 0),
	C("XPT", 962, 4),
	C("XSU", 994, 4),
	C("XTS", 963, 4),
	C("XUA", 965, 4),
	C("XXX", 999, 4),
	C("YER", 886, 2),
	C("ZAR", 710, 2),
	C("ZMW", 967, 2),
	C("ZWG", 924, 2),
	C("ZWL", 932, 2),
};

#define NUM_CURRENCIES ((int) (sizeof(currencies) / sizeof(currencies[0])))

static inline bool
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Key of a three-letter upper-case code, or TS_NO_CURRENCY if malformed. */
ts_currency_key
ts_currency_key_from_code(const char *code)
{
	if (!is_upper(code[0]) || !is_upper(code[1]) || !is_upper(code[2]))
		return TS_NO_CURRENCY;
	return (ts_currency_key) ((code[0] - 'A') * 676 + (code[1] - 'A') * 26 +
							  (code[2] - 'A'));
}

/* The key of a code of the table (known to be three upper-case letters). */
static inline ts_currency_key
table_key(const ts_currency *cur)
{
	return (ts_currency_key) ((cur->code[0] - 'A') * 676 +
							  (cur->code[1] - 'A') * 26 + (cur->code[2] - 'A'));
}

/*
 * The currency of the last lookup by key: a cache of this process (a table's
 * amounts are mostly of one or two currencies), pointing into the constant
 * table.
 */
static const ts_currency *last_by_key = &currencies[0];

/*
 * By key: the last one found, else a binary search (the table is sorted by
 * code, hence by key).
 */
const ts_currency *
ts_currency_by_key(ts_currency_key key)
{
	int			lo = 0,
				hi = NUM_CURRENCIES - 1;

	if (key == TS_NO_CURRENCY)
		return NULL;
	if (table_key(last_by_key) == key)
		return last_by_key;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		ts_currency_key k = table_key(&currencies[mid]);

		if (k == key)
		{
			last_by_key = &currencies[mid];
			return last_by_key;
		}
		if (k < key)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* Look up a code given as exactly three letters, in either case. */
const ts_currency *
ts_currency_by_code(const char *code, size_t len)
{
	char		up[3];

	if (len != 3)
		return NULL;
	for (int i = 0; i < 3; i++)
	{
		char		c = code[i];

		if (c >= 'a' && c <= 'z')
			c = (char) (c - 'a' + 'A');
		up[i] = c;
	}
	return ts_currency_by_key(ts_currency_key_from_code(up));
}

/*
 * The currency whose code is exactly the len bytes at code (three upper-case
 * letters, as stored and sent), or NULL.
 */
const ts_currency *
ts_currency_exact(const char *code, size_t len)
{
	const ts_currency *cur = ts_currency_by_code(code, len);

	return cur != NULL && memcmp(code, cur->code, 3) == 0 ? cur : NULL;
}

/*
 * The currency whose upper-case code begins the NUL-terminated str, or NULL.
 * Never reads past the terminator.
 */
const ts_currency *
ts_currency_at_start(const char *str)
{
	for (int i = 0; i < 3; i++)
		if (str[i] < 'A' || str[i] > 'Z')
			return NULL;
	return ts_currency_by_key(ts_currency_key_from_code(str));
}

const ts_currency *
ts_currency_at(int index)
{
	if (index < 0 || index >= NUM_CURRENCIES)
		return NULL;
	return &currencies[index];
}

int
ts_currency_count(void)
{
	return NUM_CURRENCIES;
}
