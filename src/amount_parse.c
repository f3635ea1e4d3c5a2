/*-------------------------------------------------------------------------
 *
 * amount_parse.c
 *	  Text to currency amount (pure C).
 *
 * Accepted shape, with optional white space between the parts:
 *
 *		[sign] [currency] [sign] number [scale] [group ...] [currency]
 *
 * number:	 digits with optional comma thousands separators and a decimal
 *			 point ("1,234.56", "0.5", ".5")
 * scale:	 thousand, million, billion, trillion, k, m, mn, bn, b, tn;
 *			 千, 万, 百万, 千万, 亿, 十亿, 百亿, 千亿, 万亿; 億, 十億, 百億,
 *			 千億, 兆 (10^12); 천, 만, 백만, 천만, 억, 십억, 백억, 천억, 조
 * group:	 after a Chinese, Japanese or Korean scale, more numbers each
 *			 with a smaller such scale, the last one possibly with none:
 *			 "15兆8977億円", "1万2000円", "15조 8977억 원".  Each is below
 *			 the scale before it; only the last may have decimals.
 * currency: an ISO code in either case ("USD"), a symbol ("$", "US$",
 *			 "CN¥"), or a name ("yuan", "U.S. dollars", "亿元" is 亿 + 元,
 *			 "円", "원")
 *
 * At most one sign; a currency may be named twice only if both name the
 * same one ("$5 USD").  A mark shared by several currencies ("¥", "kr",
 * "pounds", "ドル") names one only with a mark of one of them: "¥5 JPY",
 * "¥1亿元" (元 is CNY), "£5 pounds"; alone, or with a currency it does not
 * stand for, it is ambiguous.  The value must be exact in the currency's
 * minor units and fit a signed 64-bit count of them.
 *
 *-------------------------------------------------------------------------
 */
#include "ts_core.h"

#include <string.h>

/* Marker values of a currency-mark lookup besides a real key. */
#define MARK_NOT_FOUND	((int) -1)
#define MARK_AMBIGUOUS	((int) -2)
#define MARK_UNKNOWN	((int) -3)

typedef struct mark_alias
{
	const char *text;			/* lower case, single spaces */
	const char *code;			/* ISO code, or NULL when ambiguous */
	const char *candidates;		/* when ambiguous: the codes it may stand for */
} mark_alias;

#define POUNDS "EGP, FKP, GBP, GIP, LBP, SDG, SHP, SSP, SYP"
#define FRANCS "BIF, CDF, CHF, DJF, GNF, KMF, RWF, XAF, XOF, XPF"
#define PESOS "ARS, CLP, COP, CUP, DOP, MXN, PHP, UYU"
#define DOLLARS "AUD, BBD, BMD, BND, BSD, BZD, CAD, FJD, GYD, HKD, JMD, KYD, LRD, NAD, NZD, SBD, SGD, SRD, TTD, TWD, USD, XCD"

/*
 * Symbols and names beyond the codes themselves and the names in the
 * currency table (which are matched too, with and without a final 's').
 */
static const mark_alias aliases[] = {
	{"$", "USD", NULL},
	{"us$", "USD", NULL},
	{"us $", "USD", NULL},
	{"u.s.$", "USD", NULL},
	{"dollar", "USD", NULL},
	{"dollars", "USD", NULL},
	{"us dollar", "USD", NULL},
	{"u.s. dollar", "USD", NULL},
	{"u.s. dollars", "USD", NULL},
	{"united states dollar", "USD", NULL},
	{"united states dollars", "USD", NULL},
	{"美金", "USD", NULL},
	{"rmb", "CNY", NULL},
	{"cn¥", "CNY", NULL},
	{"renminbi", "CNY", NULL},
	{"chinese yuan", "CNY", NULL},
	{"yuan renminbi", "CNY", NULL},
	{"人民币", "CNY", NULL},
	{"人民币元", "CNY", NULL},
	{"元人民币", "CNY", NULL},
	{"jp¥", "JPY", NULL},
	{"japanese yen", "JPY", NULL},
	{"円", "JPY", NULL},
	{"€", "EUR", NULL},
	{"£", "GBP", NULL},
	{"pound sterling", "GBP", NULL},
	{"british pound", "GBP", NULL},
	{"british pounds", "GBP", NULL},
	{"hk$", "HKD", NULL},
	{"港币", "HKD", NULL},
	{"a$", "AUD", NULL},
	{"au$", "AUD", NULL},
	{"c$", "CAD", NULL},
	{"ca$", "CAD", NULL},
	{"s$", "SGD", NULL},
	{"nz$", "NZD", NULL},
	{"nt$", "TWD", NULL},
	{"r$", "BRL", NULL},
	{"₩", "KRW", NULL},
	{"korean won", "KRW", NULL},
	{"south korean won", "KRW", NULL},
	{"₹", "INR", NULL},
	{"₽", "RUB", NULL},
	{"₺", "TRY", NULL},
	/*
	 * Symbols and names shared by several currencies, and those they stand
	 * for (among the currency table's): one of those named beside them
	 * picks it.
	 */
	{"¥", NULL, "CNY, JPY"},
	{"￥", NULL, "CNY, JPY"},
	{"kr", NULL, "DKK, ISK, NOK, SEK"},
	{"pound", NULL, POUNDS},
	{"pounds", NULL, POUNDS},
	{"franc", NULL, FRANCS},
	{"francs", NULL, FRANCS},
	{"peso", NULL, PESOS},
	{"pesos", NULL, PESOS},
	{"ドル", NULL, DOLLARS},
};

typedef struct scale_word
{
	const char *text;			/* lower case */
	size_t		len;			/* its bytes */
	int			exponent;		/* power of ten */
	bool		ascii_word;		/* must end at a word boundary */
} scale_word;

#define SCALE(text, exponent, ascii_word) {text, sizeof(text) - 1, exponent, ascii_word}

/* Longest first where one is a prefix of another. */
static const scale_word scales[] = {
	SCALE("thousand", 3, true),
	SCALE("trillion", 12, true),
	SCALE("million", 6, true),
	SCALE("billion", 9, true),
	SCALE("trn", 12, true),
	SCALE("mln", 6, true),
	SCALE("mn", 6, true),
	SCALE("bn", 9, true),
	SCALE("tn", 12, true),
	SCALE("k", 3, true),
	SCALE("m", 6, true),
	SCALE("b", 9, true),
	SCALE("万亿", 12, false),
	SCALE("千亿", 11, false),
	SCALE("百亿", 10, false),
	SCALE("十亿", 9, false),
	SCALE("千万", 7, false),
	SCALE("百万", 6, false),
	SCALE("千億", 11, false),
	SCALE("百億", 10, false),
	SCALE("十億", 9, false),
	SCALE("천억", 11, false),
	SCALE("백억", 10, false),
	SCALE("십억", 9, false),
	SCALE("천만", 7, false),
	SCALE("백만", 6, false),
	SCALE("亿", 8, false),
	SCALE("万", 4, false),
	SCALE("千", 3, false),
	SCALE("兆", 12, false),
	SCALE("億", 8, false),
	SCALE("조", 12, false),
	SCALE("억", 8, false),
	SCALE("만", 4, false),
	SCALE("천", 3, false),
};

/* The most groups of a number with East Asian scales: one per scale. */
#define MAX_GROUPS 16

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline unsigned char
to_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c - 'A' + 'a') : c;
}

/*
 * Length of the white space at p (ASCII blanks, no-break, thin and
 * ideographic spaces), or 0.
 */
static size_t
space_len(const unsigned char *p, const unsigned char *end)
{
	size_t		avail = (size_t) (end - p);

	if (avail == 0)
		return 0;
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		*p == '\v' || *p == '\f')
		return 1;
	if (avail >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;				/* U+00A0 no-break space */
	if (avail >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
		(p[2] == 0x89 || p[2] == 0xAF))
		return 3;				/* U+2009 thin, U+202F narrow no-break */
	if (avail >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;				/* U+3000 ideographic space */
	return 0;
}

static const unsigned char *
skip_space(const unsigned char *p, const unsigned char *end)
{
	size_t		n;

	while ((n = space_len(p, end)) > 0)
		p += n;
	return p;
}

/* Length of a sign at p ('+', '-', U+2212 minus), and whether negative. */
static size_t
sign_len(const unsigned char *p, const unsigned char *end, bool *negative)
{
	size_t		avail = (size_t) (end - p);

	if (avail >= 1 && (*p == '-' || *p == '+'))
	{
		*negative = (*p == '-');
		return 1;
	}
	if (avail >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
	{
		*negative = true;
		return 3;
	}
	return 0;
}

/* Does a number start at p (a digit, or a point followed by a digit)? */
static bool
number_starts(const unsigned char *p, const unsigned char *end)
{
	if (p < end && is_digit(*p))
		return true;
	return (end - p >= 2 && p[0] == '.' && is_digit(p[1]));
}

/*
 * Compare text (collapsing white space runs to one space, ASCII folded to
 * lower case) with a lower-case key.
 */
static bool
text_equals(const unsigned char *p, const unsigned char *end, const char *key)
{
	const unsigned char *k = (const unsigned char *) key;

	while (p < end)
	{
		size_t		sp = space_len(p, end);

		if (sp > 0)
		{
			if (*k != ' ')
				return false;
			k++;
			p = skip_space(p, end);
			continue;
		}
		if (*k == '\0' || to_lower(*p) != *k)
			return false;
		p++;
		k++;
	}
	return *k == '\0';
}

/* Match a name that may also be written without its final 's'. */
static bool
name_equals(const unsigned char *p, const unsigned char *end, const char *name)
{
	char		lower[64];
	size_t		n = strlen(name);

	if (n >= sizeof(lower))
		return false;
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char) to_lower((unsigned char) name[i]);
	if (text_equals(p, end, lower))
		return true;
	if (n > 1 && lower[n - 1] == 's')
	{
		lower[n - 1] = '\0';
		return text_equals(p, end, lower);
	}
	return false;
}

/*
 * Resolve a currency mark (code, symbol or name, already trimmed).  Returns
 * a currency key, or MARK_AMBIGUOUS (with *shared its alias), MARK_UNKNOWN
 * (three letters that are no code) or MARK_NOT_FOUND.
 */
static int
lookup_mark(const unsigned char *p, const unsigned char *end,
			const mark_alias **shared)
{
	size_t		len = (size_t) (end - p);
	const ts_currency *cur;

	cur = ts_currency_by_code((const char *) p, len);
	if (cur)
		return ts_currency_key_from_code(cur->code);

	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
	{
		if (text_equals(p, end, aliases[i].text))
		{
			if (aliases[i].code == NULL)
			{
				*shared = &aliases[i];
				return MARK_AMBIGUOUS;
			}
			return ts_currency_key_from_code(aliases[i].code);
		}
	}

	for (int i = 0; i < ts_currency_count(); i++)
	{
		cur = ts_currency_at(i);
		if ((cur->name_en && name_equals(p, end, cur->name_en)) ||
			(cur->name_zh && text_equals(p, end, cur->name_zh)) ||
			(cur->name_ja && text_equals(p, end, cur->name_ja)) ||
			(cur->name_ko && text_equals(p, end, cur->name_ko)))
			return ts_currency_key_from_code(cur->code);
	}

	if (len == 3 && is_ascii_alpha(p[0]) && is_ascii_alpha(p[1]) &&
		is_ascii_alpha(p[2]))
		return MARK_UNKNOWN;
	return MARK_NOT_FOUND;
}

/* Copy a mark into the result's token for error messages. */
static void
set_token(ts_parse_result *res, const unsigned char *p,
		  const unsigned char *end, bool upper)
{
	size_t		n = (size_t) (end - p);

	if (n >= sizeof(res->token))
	{
		/* cut at a character boundary: the text is UTF-8 */
		n = sizeof(res->token) - 1;
		while (n > 0 && (p[n] & 0xC0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = p[i];

		if (upper && c >= 'a' && c <= 'z')
			c = (unsigned char) (c - 'a' + 'A');
		res->token[i] = (char) c;
	}
	res->token[n] = '\0';
}

/* Trim trailing white space of [p, end). */
static const unsigned char *
trim_end(const unsigned char *p, const unsigned char *end)
{
	for (;;)
	{
		const unsigned char *q = end;

		/* step back over one space character, if there is one */
		if (q > p && space_len(q - 1, end) == 1)
			q -= 1;
		else if (q - p >= 2 && space_len(q - 2, end) == 2)
			q -= 2;
		else if (q - p >= 3 && space_len(q - 3, end) == 3)
			q -= 3;
		if (q == end)
			return end;
		end = q;
	}
}

/* A mark shared by several currencies, until the other mark decides. */
typedef struct shared_mark
{
	const mark_alias *alias;	/* NULL when the mark is not one */
	const unsigned char *p;		/* its text, for the error */
	const unsigned char *end;
} shared_mark;

/*
 * Resolve a mark into *key.  Returns false (with res filled) on error.  An
 * empty mark leaves *key alone, and so does a shared one, which fills
 * *shared instead.
 */
static bool
resolve_mark(const unsigned char *p, const unsigned char *end,
			 ts_currency_key *key, shared_mark *shared, ts_parse_result *res)
{
	int			m;
	const mark_alias *alias = NULL;

	end = trim_end(p, end);
	if (p == end)
		return true;
	m = lookup_mark(p, end, &alias);
	if (m >= 0)
	{
		*key = (ts_currency_key) m;
		return true;
	}
	if (m == MARK_AMBIGUOUS)
	{
		shared->alias = alias;
		shared->p = p;
		shared->end = end;
		return true;
	}
	if (m == MARK_UNKNOWN)
	{
		res->status = TS_PARSE_UNKNOWN_CURRENCY;
		set_token(res, p, end, true);
	}
	else
		res->status = TS_PARSE_SYNTAX;
	return false;
}

/* Does the shared mark stand for the currency key? */
static bool
shared_stands_for(const mark_alias *alias, ts_currency_key key)
{
	const ts_currency *cur = ts_currency_by_key(key);
	const char *code = cur->code;
	const char *c = alias->candidates;

	for (;;)
	{
		if (strncmp(c, code, 3) == 0)
			return true;
		c = strchr(c, ' ');
		if (c == NULL)
			return false;
		c++;
	}
}

/*
 * Match a scale word at p; returns its length, or 0.  *east_asian tells
 * whether it is a Chinese, Japanese or Korean one, after which more groups
 * may follow.
 */
static size_t
match_scale(const unsigned char *p, const unsigned char *end, int *exponent,
			bool *east_asian)
{
	unsigned char first;

	if (p == end)
		return 0;
	first = to_lower(*p);
	for (size_t i = 0; i < sizeof(scales) / sizeof(scales[0]); i++)
	{
		const unsigned char *k = (const unsigned char *) scales[i].text;
		size_t		n = scales[i].len;
		size_t		j;

		if (k[0] != first || (size_t) (end - p) < n)
			continue;
		for (j = 1; j < n; j++)
			if (to_lower(p[j]) != k[j])
				break;
		if (j < n)
			continue;
		if (scales[i].ascii_word && p + n < end && is_ascii_alpha(p[n]))
			continue;
		*exponent = scales[i].exponent;
		*east_asian = !scales[i].ascii_word;
		return n;
	}
	return 0;
}

/*
 * Scan a number: digits with optional comma groups, optional fraction.
 * Sets the digit spans; the integer span may contain commas.  Returns the
 * end of the number, or NULL when malformed.
 */
static const unsigned char *
scan_number(const unsigned char *p, const unsigned char *end,
			const unsigned char **int_start, const unsigned char **int_end,
			const unsigned char **frac_start, const unsigned char **frac_end)
{
	const unsigned char *q = p;
	int			group = 0;
	bool		commas = false;

	*int_start = q;
	while (q < end && (is_digit(*q) || *q == ','))
	{
		if (*q == ',')
		{
			/* first group 1..3 digits, later groups exactly 3 */
			if (group == 0 || (commas && group != 3) || group > 3)
				return NULL;
			commas = true;
			group = 0;
		}
		else
			group++;
		q++;
	}
	if (commas && group != 3)
		return NULL;
	*int_end = q;
	*frac_start = *frac_end = q;
	if (q < end && *q == '.')
	{
		q++;
		*frac_start = q;
		while (q < end && is_digit(*q))
			q++;
		*frac_end = q;
	}
	if (*int_end == *int_start && *frac_end == *frac_start)
		return NULL;
	return q;
}

/* One number of an amount and its scale: its digit spans, 10^exponent. */
typedef struct number_group
{
	const unsigned char *ip,
			   *ie,
			   *fp,
			   *fe;
	int			exponent;
} number_group;

/* The magnitude of the most negative amount: anything above is too big. */
#define MAGNITUDE_LIMIT ((unsigned __int128) INT64_MAX + 1)

/*
 * The digit spans as a magnitude of minor units, multiplied by 10^shift; a
 * magnitude above MAGNITUDE_LIMIT stands for any that is too big.  Digits
 * beyond the shift must be zeros: an amount is never rounded on input.
 */
static ts_parse_status
digits_to_magnitude(const unsigned char *ip, const unsigned char *ie,
					const unsigned char *fp, const unsigned char *fe,
					int shift, unsigned __int128 *magnitude)
{
	const unsigned __int128 limit = MAGNITUDE_LIMIT;
	unsigned __int128 v = 0;
	bool		too_big = false;

	for (const unsigned char *q = ip; q < ie; q++)
	{
		if (*q == ',')
			continue;
		if (!too_big)
		{
			v = v * 10 + (unsigned) (*q - '0');
			if (v > limit)
				too_big = true;
		}
	}
	for (int i = 0; i < shift; i++)
	{
		unsigned	d = (fp + i < fe) ? (unsigned) (fp[i] - '0') : 0;

		if (!too_big)
		{
			v = v * 10 + d;
			if (v > limit)
				too_big = true;
		}
	}
	for (const unsigned char *q = fp + shift; q < fe; q++)
		if (*q != '0')
			return TS_PARSE_INEXACT;
	*magnitude = v;				/* above the limit when too_big */
	return TS_PARSE_OK;
}

/*
 * The groups of a number ("15兆8977億": 15 * 10^12 + 8977 * 10^8) as minor
 * units of a currency with 'minor' decimals.
 */
static ts_parse_status
groups_to_units(const number_group *groups, int ngroups, int minor,
				bool negative, int64_t *units)
{
	unsigned __int128 total = 0;

	for (int i = 0; i < ngroups; i++)
	{
		const number_group *g = &groups[i];
		unsigned __int128 v;
		ts_parse_status status;

		status = digits_to_magnitude(g->ip, g->ie, g->fp, g->fe,
									 minor + g->exponent, &v);
		if (status != TS_PARSE_OK)
			return status;
		/* each term is at most 10 * (limit + 1): no overflow of 128 bits */
		total += v;
		if (total > MAGNITUDE_LIMIT)
			total = MAGNITUDE_LIMIT + 1;
	}
	if (total > MAGNITUDE_LIMIT || !ts_narrow_magnitude(total, negative, units))
		return TS_PARSE_RANGE;
	return TS_PARSE_OK;
}

/*
 * Does the integer part of a group fit below 10^places (commas and leading
 * zeros aside)?
 */
static bool
below_power_of_ten(const unsigned char *ip, const unsigned char *ie, int places)
{
	int			significant = 0;

	for (const unsigned char *q = ip; q < ie; q++)
	{
		if (*q == ',' || (*q == '0' && significant == 0))
			continue;
		significant++;
	}
	return significant <= places;
}

void
ts_parse_amount(const char *str, size_t len, ts_parse_result *res)
{
	const unsigned char *p = (const unsigned char *) str;
	const unsigned char *end = p + len;
	const unsigned char *mark_start,
			   *ip,
			   *ie,
			   *fp,
			   *fe;
	ts_currency_key prefix = TS_NO_CURRENCY;
	ts_currency_key suffix = TS_NO_CURRENCY;
	shared_mark shared_prefix = {0},
				shared_suffix = {0};
	const ts_currency *cur;
	bool		negative = false;
	bool		have_sign = false;
	int			exponent = 0;
	bool		east_asian;
	number_group groups[MAX_GROUPS];
	int			ngroups = 1;
	size_t		n;

	memset(res, 0, sizeof(*res));
	res->status = TS_PARSE_SYNTAX;

	/* leading sign */
	p = skip_space(p, end);
	if ((n = sign_len(p, end, &negative)) > 0)
	{
		have_sign = true;
		p = skip_space(p + n, end);
	}

	/* prefix currency: everything up to the number or a second sign */
	mark_start = p;
	while (p < end && !number_starts(p, end))
	{
		bool		dummy;

		if (sign_len(p, end, &dummy) > 0 && p > mark_start)
			break;
		p++;
	}
	if (p == end)
		return;					/* no number at all */
	if (!resolve_mark(mark_start, p, &prefix, &shared_prefix, res))
		return;

	/* sign after the prefix currency */
	if ((n = sign_len(p, end, &negative)) > 0)
	{
		if (have_sign)
			return;
		p = skip_space(p + n, end);
	}

	p = scan_number(p, end, &ip, &ie, &fp, &fe);
	if (p == NULL)
		return;

	/* scale word */
	p = skip_space(p, end);
	if ((n = match_scale(p, end, &exponent, &east_asian)) > 0)
		p = skip_space(p + n, end);
	else
		east_asian = false;
	groups[0] = (number_group) {ip, ie, fp, fe, exponent};

	/*
	 * More groups after an East Asian scale ("15兆8977億", "1万2000"), each
	 * with a smaller scale and below the one before it; only the last may
	 * have a decimal point.
	 */
	while (east_asian && number_starts(p, end))
	{
		number_group *prev = &groups[ngroups - 1];
		int			next_exponent = 0;

		if (prev->fe != prev->ie || ngroups == MAX_GROUPS)
		{
			res->status = TS_PARSE_GROUPS;	/* decimals before more groups */
			return;
		}
		p = scan_number(p, end, &ip, &ie, &fp, &fe);
		if (p == NULL)
			return;
		p = skip_space(p, end);
		if ((n = match_scale(p, end, &next_exponent, &east_asian)) > 0)
		{
			if (!east_asian)
			{
				res->status = TS_PARSE_GROUPS;	/* "1万2 million" */
				return;
			}
			p = skip_space(p + n, end);
		}
		else
			east_asian = false;
		if (next_exponent >= prev->exponent ||
			!below_power_of_ten(ip, ie, prev->exponent - next_exponent))
		{
			res->status = TS_PARSE_GROUPS;	/* "1万2万", "1万20000" */
			return;
		}
		groups[ngroups++] = (number_group) {ip, ie, fp, fe, next_exponent};
	}

	/* suffix currency: the rest */
	if (!resolve_mark(p, end, &suffix, &shared_suffix, res))
		return;

	/*
	 * A shared mark ("¥") takes the currency the other mark names when it
	 * stands for it ("¥5 JPY"); alone, beside another shared mark or beside
	 * a currency it does not stand for, it is ambiguous.
	 */
	if (shared_prefix.alias || shared_suffix.alias)
	{
		const shared_mark *sm = shared_prefix.alias ? &shared_prefix : &shared_suffix;
		ts_currency_key named = shared_prefix.alias ? suffix : prefix;

		if ((shared_prefix.alias && shared_suffix.alias) ||
			named == TS_NO_CURRENCY || !shared_stands_for(sm->alias, named))
		{
			res->status = TS_PARSE_AMBIGUOUS;
			set_token(res, sm->p, sm->end, false);
			res->candidates = sm->alias->candidates;
			return;
		}
		prefix = suffix = named;
	}

	if (prefix != TS_NO_CURRENCY && suffix != TS_NO_CURRENCY &&
		prefix != suffix)
	{
		res->status = TS_PARSE_CONFLICT;
		res->currency = prefix;
		res->other = suffix;
		return;
	}
	res->currency = (prefix != TS_NO_CURRENCY) ? prefix : suffix;
	if (res->currency == TS_NO_CURRENCY)
	{
		res->status = TS_PARSE_NO_CURRENCY;
		return;
	}
	cur = ts_currency_by_key(res->currency);

	res->status = groups_to_units(groups, ngroups, cur->minor_units, negative,
								  &res->units);
}
