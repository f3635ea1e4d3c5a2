/*-------------------------------------------------------------------------
 *
 * quantity_core.c
 *	  Pure C: the sums of values and quantities by commodity and period
 *	  behind the quantity measures (ts_quantity.h).
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "ts_quantity.h"

static int
cmp_entry(const void *a, const void *b)
{
	const ts_qty_entry *x = (const ts_qty_entry *) a;
	const ts_qty_entry *y = (const ts_qty_entry *) b;

	if (x->commodity != y->commodity)
		return x->commodity < y->commodity ? -1 : 1;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return 0;
}

bool
ts_qty_compact(ts_qty_entry *e, int *n)
{
	int			out = 0;

	if (*n <= 1)
		return true;
	qsort(e, (size_t) *n, sizeof(ts_qty_entry), cmp_entry);
	for (int i = 1; i < *n; i++)
	{
		ts_maybe_interrupt(i);
		if (cmp_entry(&e[out], &e[i]) == 0)
		{
			if (__builtin_add_overflow(e[out].value, e[i].value, &e[out].value) ||
				__builtin_add_overflow(e[out].qty, e[i].qty, &e[out].qty) ||
				__builtin_add_overflow(e[out].rows, e[i].rows, &e[out].rows))
				return false;
		}
		else
			e[++out] = e[i];
	}
	*n = out + 1;
	return true;
}

bool
ts_qty_rescale(ts_qty_entry *e, int n, bool qty, int k)
{
	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (!ts_int128_mul_pow10(qty ? &e[i].qty : &e[i].value, k))
			return false;
	}
	return true;
}

bool
ts_qty_window(const ts_qty_entry *e, int n, int32_t commodity, int32_t from,
			  int32_t to, ts_int128 *value, ts_int128 *qty, int64_t *rows)
{
	ts_int128	v = 0,
				q = 0;
	int64_t		r = 0;

	for (int i = 0; i < n; i++)
	{
		ts_maybe_interrupt(i);
		if (e[i].commodity != commodity || e[i].period < from || e[i].period > to)
			continue;
		if (__builtin_add_overflow(v, e[i].value, &v) ||
			__builtin_add_overflow(q, e[i].qty, &q) ||
			__builtin_add_overflow(r, e[i].rows, &r))
			return false;
	}
	*value = v;
	*qty = q;
	*rows = r;
	return true;
}

bool
ts_qty_window_all(const ts_qty_entry *e, int n, int ncommodities, int32_t from,
				  int32_t to, ts_int128 *value, ts_int128 *qty, int64_t *rows)
{
	for (int c = 0; c < ncommodities; c++)
	{
		value[c] = 0;
		qty[c] = 0;
		rows[c] = 0;
	}
	for (int i = 0; i < n; i++)
	{
		int32_t		c = e[i].commodity;

		ts_maybe_interrupt(i);
		if (e[i].period < from || e[i].period > to)
			continue;
		if (c < 0 || c >= ncommodities ||
			__builtin_add_overflow(value[c], e[i].value, &value[c]) ||
			__builtin_add_overflow(qty[c], e[i].qty, &qty[c]) ||
			__builtin_add_overflow(rows[c], e[i].rows, &rows[c]))
			return false;
	}
	return true;
}

int32_t
ts_qty_latest(const ts_qty_entry *e, int n)
{
	int32_t		latest = INT32_MIN;

	for (int i = 0; i < n; i++)
		if (e[i].period > latest)
			latest = e[i].period;
	return latest;
}

/* ---- exact sums of quotients, as numeric computes them ---- */

/* decimals of numeric's division: NUMERIC_MIN_SIG_DIGITS, DEC_DIGITS */
#define QTY_MIN_SIG_DIGITS 16
#define QTY_DEC_DIGITS 4
#define QTY_MAX_DISPLAY_SCALE 1000
/* limbs of a numerator: a 256-bit product times 10^rscale */
#define QTY_NUM_LIMBS (2 * TS_QTY_SUM_LIMBS)

typedef unsigned __int128 u128;

/* decimal digits of a chunk of the decimal terms: 2 * 10^18 + 1 < 2^64 */
#define QTY_CHUNK_DIGITS 18
#define QTY_CHUNK ((uint64_t) 1000000000000000000)

void
ts_qty_quot_sum_init(ts_qty_quot_sum *s)
{
	s->scale = 0;
	s->nlimbs = 0;
	s->dec_scale = -1;
	s->dec_int = 0;
	for (int j = 0; j < TS_QTY_DEC_CHUNKS; j++)
		s->dec_frac[j] = 0;
}

/* The limbs of v (at most 4) into d; their number, without leading zeros. */
static int
limbs_of(u128 v, uint32_t *d)
{
	int			n = 0;

	while (v != 0)
	{
		d[n++] = (uint32_t) v;
		v >>= 32;
	}
	return n;
}

/* d (n limbs, room for max) *= m; false when it no longer fits. */
static bool
limbs_mul_small(uint32_t *d, int *n, int max, uint64_t m)
{
	u128		carry = 0;

	for (int i = 0; i < *n; i++)
	{
		u128		t = (u128) d[i] * m + carry;

		d[i] = (uint32_t) t;
		carry = t >> 32;
	}
	while (carry != 0)
	{
		if (*n == max)
			return false;
		d[(*n)++] = (uint32_t) carry;
		carry >>= 32;
	}
	return true;
}

/* d *= 10^k, by at most 10^19 a pass */
static bool
limbs_mul_pow10(uint32_t *d, int *n, int max, int k)
{
	static const uint64_t e19 = UINT64_C(10000000000000000000);

	if (*n == 0)
		return true;
	for (; k >= 19; k -= 19)
		if (!limbs_mul_small(d, n, max, e19))
			return false;
	return k == 0 || limbs_mul_small(d, n, max, (uint64_t) ts_pow10[k]);
}

/* d (n limbs, room for max) += x; false when it no longer fits. */
static bool
limbs_add_small(uint32_t *d, int *n, int max, uint64_t x)
{
	for (int i = 0; x != 0; i++)
	{
		uint64_t	t;

		if (i == *n)
		{
			if (*n == max)
				return false;
			d[(*n)++] = 0;
		}
		t = (uint64_t) d[i] + (uint32_t) x;
		d[i] = (uint32_t) t;
		x = (x >> 32) + (t >> 32);
	}
	return true;
}

/*
 * q = u / v (u: m limbs, v: n limbs, v[n - 1] != 0, m >= n), the remainder
 * into r (n limbs): Knuth's algorithm D (TAOCP 4.3.1) in 32-bit limbs, as
 * Hacker's Delight writes it (divmnu).  q gets m - n + 1 limbs.
 */
static void
limbs_divmod(uint32_t *q, uint32_t *r, const uint32_t *u, const uint32_t *v,
			 int m, int n)
{
	const uint64_t b = (uint64_t) 1 << 32;
	uint32_t	un[QTY_NUM_LIMBS + 1],
				vn[4];
	int			s;

	if (n == 1)
	{
		uint64_t	k = 0;

		for (int j = m - 1; j >= 0; j--)
		{
			uint64_t	t = (k << 32) | u[j];

			q[j] = (uint32_t) (t / v[0]);
			k = t - (uint64_t) q[j] * v[0];
		}
		r[0] = (uint32_t) k;
		return;
	}
	s = __builtin_clz(v[n - 1]);
	for (int i = n - 1; i > 0; i--)
		vn[i] = (v[i] << s) | (uint32_t) ((uint64_t) v[i - 1] >> (32 - s));
	vn[0] = v[0] << s;
	un[m] = (uint32_t) ((uint64_t) u[m - 1] >> (32 - s));
	for (int i = m - 1; i > 0; i--)
		un[i] = (u[i] << s) | (uint32_t) ((uint64_t) u[i - 1] >> (32 - s));
	un[0] = u[0] << s;
	for (int j = m - n; j >= 0; j--)
	{
		uint64_t	top = ((uint64_t) un[j + n] << 32) | un[j + n - 1];
		uint64_t	qhat = top / vn[n - 1],
					rhat = top - qhat * vn[n - 1];
		int64_t		t,
					k;

		while (qhat >= b || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2]))
		{
			qhat--;
			rhat += vn[n - 1];
			if (rhat >= b)
				break;
		}
		k = 0;
		for (int i = 0; i < n; i++)
		{
			uint64_t	p = qhat * vn[i];

			t = (int64_t) un[i + j] - k - (int64_t) (p & 0xFFFFFFFF);
			un[i + j] = (uint32_t) t;
			k = (int64_t) (p >> 32) - (t >> 32);
		}
		t = (int64_t) un[j + n] - k;
		un[j + n] = (uint32_t) t;
		q[j] = (uint32_t) qhat;
		if (t < 0)
		{
			uint64_t	c = 0;

			q[j]--;
			for (int i = 0; i < n; i++)
			{
				uint64_t	w = (uint64_t) un[i + j] + vn[i] + c;

				un[i + j] = (uint32_t) w;
				c = w >> 32;
			}
			un[j + n] += (uint32_t) c;
		}
	}
	for (int i = 0; i < n - 1; i++)
		r[i] = (un[i] >> s) | (uint32_t) ((uint64_t) un[i + 1] << (32 - s));
	r[n - 1] = un[n - 1] >> s;
}

/* A positive v's weight and first digit in numeric's base 10000. */
static void
base10000_lead(u128 v, int *weight, u128 *first)
{
	u128		p = 1;
	int			w = 0;

	if ((v >> 64) == 0)
	{
		/* in 64 bits: weight at most 4 */
		static const uint64_t p10000[5] = {1, 10000, 100000000, UINT64_C(1000000000000),
		UINT64_C(10000000000000000)};
		uint64_t	x = (uint64_t) v;

		while (w < 4 && x >= p10000[w + 1])
			w++;
		*weight = w;
		*first = x / p10000[w];
		return;
	}
	while (w < 9 && v >= p * 10000)	/* 10^36 <= v < 2^128: weight 9 */
	{
		p *= 10000;
		w++;
	}
	*weight = w;
	*first = v / p;
}

/* numeric's select_div_scale for a / c, a (integer, dscale) >= 0, c > 0. */
static bool
quot_scale(u128 a_hi, u128 a_lo, u128 c, int dscale, int *rscale)
{
	int			w1 = 0,
				w2,
				qweight,
				r;
	u128		f1 = 0,
				f2;

	if (a_hi != 0)
	{
		/* a >= 2^128 > 10^38: weight >= 9, c's <= 9; a quotient's weight >= -1 */
		if (dscale < QTY_MIN_SIG_DIGITS + QTY_DEC_DIGITS)
			return false;
		*rscale = dscale;
		return true;
	}
	if (a_lo != 0)
		base10000_lead(a_lo, &w1, &f1);
	base10000_lead(c, &w2, &f2);
	qweight = w1 - w2;
	if (f1 <= f2)
		qweight--;
	r = QTY_MIN_SIG_DIGITS - qweight * QTY_DEC_DIGITS;
	if (r < dscale)
		r = dscale;
	if (r < 0)
		r = 0;
	if (r > QTY_MAX_DISPLAY_SCALE)
		r = QTY_MAX_DISPLAY_SCALE;
	*rscale = r;
	return true;
}

/* 128 x 128 -> 256 bits, as two halves */
static void
mul_128(u128 a, u128 b, u128 *hi, u128 *lo)
{
	u128		a0 = (uint64_t) a,
				a1 = a >> 64,
				b0 = (uint64_t) b,
				b1 = b >> 64;
	u128		p00 = a0 * b0,
				p01 = a0 * b1,
				p10 = a1 * b0,
				p11 = a1 * b1;
	u128		mid = (p00 >> 64) + (uint64_t) p01 + (uint64_t) p10;

	*lo = (p00 & (u128) UINT64_MAX) | (mid << 64);
	*hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

/*
 * Add q (qn limbs, room for QTY_NUM_LIMBS), a quotient at rscale decimals,
 * to the limbs of s.
 */
static bool
sum_add_limbs(ts_qty_quot_sum *s, uint32_t *q, int qn, int rscale)
{
	uint64_t	carry;

	/* at the larger of the two scales, as numeric_add's result */
	if (rscale > s->scale)
	{
		if (!limbs_mul_pow10(s->limb, &s->nlimbs, TS_QTY_SUM_LIMBS, rscale - s->scale))
			return false;
		s->scale = rscale;
	}
	else if (rscale < s->scale &&
			 !limbs_mul_pow10(q, &qn, QTY_NUM_LIMBS, s->scale - rscale))
		return false;
	if (qn > TS_QTY_SUM_LIMBS)
		return false;
	carry = 0;
	for (int i = 0; i < qn || (carry && i < s->nlimbs); i++)
	{
		uint64_t	t = (uint64_t) (i < s->nlimbs ? s->limb[i] : 0) +
			(i < qn ? q[i] : 0) + carry;

		if (i == TS_QTY_SUM_LIMBS)
			return false;
		if (i >= s->nlimbs)
			s->limb[s->nlimbs++] = 0;
		s->limb[i] = (uint32_t) t;
		carry = t >> 32;
	}
	if (carry)
	{
		if (s->nlimbs == TS_QTY_SUM_LIMBS)
			return false;
		s->limb[s->nlimbs++] = 1;
	}
	return true;
}

/* One term in limbs: a b 10^rscale divided by c, then rounded. */
static bool
quot_add_limbs(ts_qty_quot_sum *s, u128 hi, u128 lo, u128 c, int rscale)
{
	u128		rem = 0;
	int			m,
				n,
				qn;
	uint32_t	num[QTY_NUM_LIMBS],
				den[4],
				q[QTY_NUM_LIMBS],
				r[4];
	uint64_t	carry;

	/* the numerator a b 10^rscale, then its quotient and remainder by c */
	m = limbs_of(lo, num);
	if (hi != 0)
	{
		while (m < 4)
			num[m++] = 0;
		m = 4 + limbs_of(hi, num + 4);
	}
	if (!limbs_mul_pow10(num, &m, QTY_NUM_LIMBS, rscale))
		return false;
	n = limbs_of(c, den);
	if (m < n)
	{
		qn = 0;					/* the numerator (maybe 0) is less than c */
		for (int i = m - 1; i >= 0; i--)
			rem = (rem << 32) | num[i];
	}
	else
	{
		limbs_divmod(q, r, num, den, m, n);
		qn = m - n + 1;
		for (int i = n - 1; i >= 0; i--)
			rem = (rem << 32) | r[i];
	}
	while (qn > 0 && q[qn - 1] == 0)
		qn--;
	/* rounded half away from zero: up when rem / c >= 1/2 */
	if (rem >= c - rem)
	{
		carry = 1;
		for (int i = 0; i < qn && carry; i++)
			carry = ++q[i] == 0;
		if (carry)
		{
			if (qn == QTY_NUM_LIMBS)
				return false;
			q[qn++] = 1;
		}
	}
	return sum_add_limbs(s, q, qn, rscale);
}

/*
 * One term in decimal: lo / c (c < 2^64) as an integer part and rscale
 * (at most TS_QTY_DEC_CHUNKS * 18) decimals, the last rounded half away
 * from zero, long division 18 digits a step; added to the decimal terms.
 * False (s unchanged) when their integer part would pass 128 bits.
 */
static bool
quot_add_dec(ts_qty_quot_sum *s, u128 lo, uint64_t c, int rscale)
{
	u128		qi = lo / c;
	uint64_t	rem = (uint64_t) (lo - qi * c),
				chunk[TS_QTY_DEC_CHUNKS] = {0},
				up = 0,			/* the rounding's carry into the integer part */
				carry = 0;
	int			nfull = rscale / QTY_CHUNK_DIGITS,
				part = rscale % QTY_CHUNK_DIGITS,
				last = -1;
	uint64_t	ulp = 1;

	for (int j = 0; j < nfull; j++)
	{
		/* rem < c: the quotient < 10^18, the product < 2^128 */
		u128		t = (u128) rem * QTY_CHUNK;

		chunk[j] = (uint64_t) (t / c);
		rem = (uint64_t) (t - (u128) chunk[j] * c);
		last = j;
	}
	if (part > 0)
	{
		u128		t = (u128) rem * (uint64_t) ts_pow10[part];
		uint64_t	d = (uint64_t) (t / c);

		rem = (uint64_t) (t - (u128) d * c);
		ulp = (uint64_t) ts_pow10[QTY_CHUNK_DIGITS - part];
		chunk[nfull] = d * ulp;
		last = nfull;
	}
	/* rounded half away from zero: up when rem / c >= 1/2 */
	if (rem >= c - rem)
	{
		if (last < 0)
			up = 1;
		else
		{
			chunk[last] += ulp;
			for (int j = last; j > 0 && chunk[j] == QTY_CHUNK; j--)
			{
				chunk[j] = 0;
				chunk[j - 1]++;
			}
			if (chunk[0] == QTY_CHUNK)
			{
				chunk[0] = 0;
				up = 1;
			}
		}
	}
	/* add: each chunk < 10^18, their sum and a carry < 2^64 */
	for (int j = TS_QTY_DEC_CHUNKS - 1; j >= 0; j--)
	{
		chunk[j] += s->dec_frac[j] + carry;
		carry = chunk[j] >= QTY_CHUNK;
		if (carry)
			chunk[j] -= QTY_CHUNK;
	}
	if (__builtin_add_overflow(qi, up + carry, &qi) ||
		__builtin_add_overflow(qi, s->dec_int, &qi))
		return false;
	s->dec_int = qi;
	for (int j = 0; j < TS_QTY_DEC_CHUNKS; j++)
		s->dec_frac[j] = chunk[j];
	if (rscale > s->dec_scale)
		s->dec_scale = rscale;
	return true;
}

/* The term's product, scale, and the way it is divided. */
static bool
quot_sum_add(ts_qty_quot_sum *s, u128 a, u128 b, u128 c, int dscale, bool dec)
{
	u128		hi,
				lo;
	int			rscale;

	if (c == 0 || dscale < 0)
		return false;
	mul_128(a, b, &hi, &lo);
	if (!quot_scale(hi, lo, c, dscale, &rscale))
		return false;
	if (dec && hi == 0 && (c >> 64) == 0 &&
		rscale <= TS_QTY_DEC_CHUNKS * QTY_CHUNK_DIGITS &&
		quot_add_dec(s, lo, (uint64_t) c, rscale))
		return true;
	return quot_add_limbs(s, hi, lo, c, rscale);
}

bool
ts_qty_quot_sum_add(ts_qty_quot_sum *s, u128 a, u128 b, u128 c, int dscale)
{
	return quot_sum_add(s, a, b, c, dscale, true);
}

bool
ts_qty_quot_sum_add_limbs(ts_qty_quot_sum *s, u128 a, u128 b, u128 c, int dscale)
{
	return quot_sum_add(s, a, b, c, dscale, false);
}

/*
 * The decimal terms' sum added to the limbs of s: the integer part, then
 * the decimals up to their largest scale (those past it are 0), in limbs.
 */
static bool
sum_add_dec(ts_qty_quot_sum *s)
{
	uint32_t	q[QTY_NUM_LIMBS];
	int			qn,
				nfull = s->dec_scale / QTY_CHUNK_DIGITS,
				part = s->dec_scale % QTY_CHUNK_DIGITS;

	qn = limbs_of(s->dec_int, q);
	for (int j = 0; j < TS_QTY_DEC_CHUNKS; j++)
	{
		if (j < nfull)
		{
			if (!limbs_mul_small(q, &qn, QTY_NUM_LIMBS, QTY_CHUNK) ||
				!limbs_add_small(q, &qn, QTY_NUM_LIMBS, s->dec_frac[j]))
				return false;
		}
		else if (j == nfull && part > 0)
		{
			uint64_t	ulp = (uint64_t) ts_pow10[QTY_CHUNK_DIGITS - part];

			if (s->dec_frac[j] % ulp != 0 ||
				!limbs_mul_small(q, &qn, QTY_NUM_LIMBS, (uint64_t) ts_pow10[part]) ||
				!limbs_add_small(q, &qn, QTY_NUM_LIMBS, s->dec_frac[j] / ulp))
				return false;
		}
		else if (s->dec_frac[j] != 0)
			return false;
	}
	return sum_add_limbs(s, q, qn, s->dec_scale);
}

int
ts_qty_quot_sum_text(const ts_qty_quot_sum *sum, char *buf, int len)
{
	ts_qty_quot_sum whole = *sum;
	ts_qty_quot_sum *s = &whole;
	uint32_t	d[TS_QTY_SUM_LIMBS];
	char		digits[TS_QTY_SUM_LIMBS * 10];	/* least significant first */
	int			n,
				nd = 0,
				total,
				out = 0;

	if (s->dec_scale >= 0 && !sum_add_dec(s))
		return -1;
	n = s->nlimbs;
	memcpy(d, s->limb, n * sizeof(uint32_t));
	while (n > 0)
	{
		uint64_t	k = 0;

		for (int j = n - 1; j >= 0; j--)
		{
			uint64_t	t = (k << 32) | d[j];

			d[j] = (uint32_t) (t / 1000000000u);
			k = t % 1000000000u;
		}
		while (n > 0 && d[n - 1] == 0)
			n--;
		for (int i = 0; i < 9; i++)
		{
			digits[nd++] = (char) ('0' + k % 10);
			k /= 10;
		}
	}
	while (nd > 0 && digits[nd - 1] == '0')
		nd--;
	total = nd > s->scale ? nd : s->scale + 1;
	if (total + (s->scale > 0 ? 1 : 0) + 1 > len)
		return -1;
	for (int i = total - 1; i >= 0; i--)
	{
		buf[out++] = i < nd ? digits[i] : '0';
		if (i == s->scale && s->scale > 0)
			buf[out++] = '.';
	}
	buf[out] = '\0';
	return out;
}
