/*-------------------------------------------------------------------------
 *
 * ts_growth.h
 *	  Pure C core of the growth and share measures: the per-period working
 *	  state of the aggregates (growth_core.c), its text and packed forms
 *	  (growth_format.c), and what version 0.1 wrote (growth_compat.c).
 *
 * No PostgreSQL headers here; see ts_core.h.  Dates are PostgreSQL's
 * DateADT: days since 2000-01-01; the calendar is ts_calendar.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TS_GROWTH_H
#define TS_GROWTH_H

#include "ts_core.h"
#include "ts_calendar.h"

/* ---- aggregate state ---- */

typedef enum ts_value_kind
{
	TS_VAL_AMOUNT = 1,			/* currency_amount: minor units */
	TS_VAL_NUMERIC = 2,			/* numeric: decimal mantissa, 'scale' digits */
	TS_VAL_INT8 = 3,			/* bigint */
	TS_VAL_FLOAT8 = 4			/* double: binary fixed point, 2^-40 */
} ts_value_kind;

/* Periods of the aggregates: 0001-01-01 .. 9999-12-31 (days from 2000-01-01). */
#define TS_MIN_PERIOD	(-730119)
#define TS_MAX_PERIOD	2921939

#define TS_FLOAT8_FRACTION_BITS 40

/*
 * A double's magnitude must be below 2^TS_FLOAT8_LIMIT_BITS (2^86) to enter
 * a state; the largest such double, 2^86 - 2^33, is the mantissa
 * 2^126 - 2^73 at 2^-40, the largest one row can add.
 */
#define TS_FLOAT8_LIMIT_BITS	86
#define TS_FLOAT8_MAX_MANTISSA	((((ts_int128) 1) << 126) - (((ts_int128) 1) << 73))

/*
 * A double as a mantissa at 2^-40, rounded to the nearest, half away from
 * zero (0.1 becomes 109951162778, whose 12 decimals are 0.100000000000);
 * false when it is NaN, infinite or not below 2^86 in magnitude.  0.1 and
 * 0.2 truncated toward zero: what they stored stays as it is (it is data),
 * only rows added from now on round.  Exact: f * 2^40 is f with another
 * exponent, and below 2^52 its fraction is exact too.
 */
static inline bool
ts_float8_mantissa(double f, ts_int128 *m)
{
	const double two40 = (double) (INT64_C(1) << TS_FLOAT8_FRACTION_BITS);
	const double limit = (double) (((ts_int128) 1) << TS_FLOAT8_LIMIT_BITS);
	double		v;
	ts_int128	t;

	if (!(f > -limit && f < limit))
		return false;
	v = f * two40;
	t = (ts_int128) v;			/* toward zero */
	if (v - (double) t >= 0.5)
		t++;
	else if (v - (double) t <= -0.5)
		t--;
	*m = t;
	return true;
}
#define TS_NUMERIC_MAX_SCALE	30

/* flags */
#define TS_GS_PERIODS	0x01	/* entries are per period (else one entry) */
#define TS_GS_PART		0x02	/* part sums are kept */
#define TS_GS_AS_OF		0x04	/* as_of is set */
#define TS_GS_YEAR_START 0x08	/* years start in month year_start (2-12) */
#define TS_GS_ALL_FLAGS 0x0F

/*
 * The first byte of a growth_state datum says what it is: 1, 0.1's layout
 * (growth_compat.c); 2, the packed form (format 2, below); TS_GS_WORKING,
 * the working layout of an aggregate.  Every final function returns the
 * packed form, but a user's aggregate over a transition function without a
 * final function (0.1's README showed one) returns, and may store, the
 * working layout itself.  So a release that changes the working layout
 * gives it a new first byte and moves the reader of this one, as a frozen
 * struct, into the compat room, as was done for 0.1's.  (0.3 gave the
 * field after 'last', always 0 before, a meaning: year_start, 0 unless
 * TS_GS_YEAR_START; so what 0.2 stored still reads the same.)
 */
#define TS_GS_FORMAT1	1
#define TS_GS_WORKING	0x80

/* Sums of the rows of one period (or of all rows, without periods). */
typedef struct ts_growth_entry
{
	int32_t		period;			/* DateADT; 0 without periods */
	int32_t		pad;
	int64_t		count;			/* rows with a value */
	int64_t		part_count;		/* of which part is true */
	ts_int128	total;			/* sum of values */
	ts_int128	part;			/* sum of values where part is true */
} ts_growth_entry;

/*
 * The working state: one flat allocation, a varlena datum itself (an
 * aggregate's transition value of type growth_state), free to change
 * between releases under the rule above.  'vl_len' belongs to PostgreSQL
 * (SET_VARSIZE); the core leaves it alone.
 *
 * Entries are distinct periods.  While 'sorted', they ascend and are found
 * by interpolation or binary search; a period that comes out of order (not
 * within TS_GS_SHIFT_MAX of the end) is appended instead, the state stops
 * being sorted, and from then on a hash index after the entries (slots of
 * index + 1, open addressing) finds them, until ts_gs_sort sorts them
 * again.  Only an 'indexed' state has room for the index, so a state
 * whose periods come in order is no larger than 0.1's was.  So adding n periods in any order costs O(n) lookups and at most
 * one O(n log n) sort per read, where inserting in order cost O(n^2).
 * Everything that reads a state in period order (the forms, merge,
 * subtract, latest, validate) needs it sorted; ts_gs_read (glue) gives
 * only sorted states.
 */
typedef struct ts_growth_state
{
	int32_t		vl_len;
	uint8_t		version;		/* TS_GS_WORKING */
	uint8_t		kind;			/* ts_value_kind */
	uint8_t		flags;
	int8_t		scale;			/* decimals of the sums (kind numeric, amount) */
	uint16_t	currency;		/* kind amount: the currency, once known */
	uint8_t		sorted;			/* entries ascend; else the hash index is valid */
	uint8_t		indexed;		/* hash slots follow the entries */
	int32_t		as_of;			/* with TS_GS_AS_OF */
	int32_t		nentries;
	int32_t		capacity;		/* entries allocated */
	int32_t		last;			/* index of the last entry used (a hint) */
	int32_t		year_start;		/* with TS_GS_YEAR_START: 2 to 12; else 0 */
	ts_growth_entry entries[];
	/* then, if indexed, int32_t slots[ts_gs_nslots(capacity)] */
} ts_growth_state;

/* Entries an out-of-order period may shift to stay sorted. */
#define TS_GS_SHIFT_MAX 16

/* Hash slots of a state of 'capacity' entries: a power of two >= 2 capacity. */
static inline int32_t
ts_gs_nslots(int64_t capacity)
{
	int64_t		n = 8;

	while (n < 2 * capacity)
		n *= 2;
	return (int32_t) n;
}

/* Bytes of a working state of 'capacity' entries, with room for the index or not. */
static inline size_t
ts_gs_size(int64_t capacity, bool indexed)
{
	return offsetof(ts_growth_state, entries) +
		(size_t) capacity * sizeof(ts_growth_entry) +
		(indexed ? (size_t) ts_gs_nslots(capacity) * sizeof(int32_t) : 0);
}

#define TS_GS_SIZE(capacity) ts_gs_size(capacity, false)

/* Header only, for the states the core makes on the stack. */
#define TS_GS_HEADER_SIZE offsetof(ts_growth_state, entries)

/* The hash slots of an indexed state. */
static inline int32_t *
ts_gs_slots(const ts_growth_state *s)
{
	return (int32_t *) ((char *) s + offsetof(ts_growth_state, entries) +
						(size_t) s->capacity * sizeof(ts_growth_entry));
}

/*
 * An empty sorted state of kind and flags, room for 'capacity' entries,
 * not indexed (the caller sets 'indexed' when it allocated the room).
 */
extern void ts_gs_init(ts_growth_state *s, int capacity, ts_value_kind kind,
					   int flags);

/*
 * Copy src's header and entries into dst, which has room (dst->capacity
 * and dst->indexed are kept; an unsorted src needs an indexed dst); the
 * hash index is rebuilt if src is not sorted.
 */
extern void ts_gs_copy(ts_growth_state *dst, const ts_growth_state *src);

/*
 * Index of the entry for 'period', or -(position) - 1 if absent: the
 * insertion point while sorted, else nentries.  The common case, the
 * period of the row before or the next one, is inline.
 */
extern int	ts_gs_find_slow(ts_growth_state *s, int32_t period);

static inline int
ts_gs_find(ts_growth_state *s, int32_t period)
{
	int			i = s->last;

	/*
	 * A table ordered by period brings a group's rows of one period
	 * together; one ordered by series brings its periods in order.
	 */
	if (i >= 0 && i < s->nentries)
	{
		if (s->entries[i].period == period)
			return i;
		if (s->sorted && i + 1 < s->nentries && s->entries[i + 1].period == period)
		{
			s->last = i + 1;
			return i + 1;
		}
	}
	return ts_gs_find_slow(s, period);
}

/*
 * The entry for 'period', added empty if absent; NULL when it is absent and
 * the state has no room: no room for another entry (nentries == capacity),
 * or the period comes out of order and the state is not indexed.  Grow it
 * (indexed in the second case) and call again.
 */
extern ts_growth_entry *ts_gs_entry(ts_growth_state *s, int32_t period);

/* Sort the entries by period (a no-op when sorted). */
extern void ts_gs_sort(ts_growth_state *s);

/* Add one value; false on overflow. */
static inline bool
ts_gs_add(ts_growth_entry *e, ts_int128 value, bool part)
{
	ts_int128	total;

	if (__builtin_add_overflow(e->total, value, &total) ||
		e->count == INT64_MAX)
		return false;
	if (part)
	{
		ts_int128	p;

		if (__builtin_add_overflow(e->part, value, &p))
			return false;
		e->part = p;
		e->part_count++;
	}
	e->total = total;
	e->count++;
	return true;
}

/* Add the counts and sums of one entry to another; false on overflow. */
extern bool ts_gs_add_entry(ts_growth_entry *into, const ts_growth_entry *from);

/* Multiply every sum by 10^k (numeric scale grows); false on overflow. */
extern bool ts_gs_rescale(ts_growth_state *s, int k);

/*
 * Merge the entries of b into a copy of a, both sorted: out must have room
 * for a->nentries + b->nentries entries; header fields are taken from a
 * (but out keeps its capacity and indexed).
 * False on overflow.
 */
extern bool ts_gs_merge(const ts_growth_state *a, const ts_growth_state *b,
						ts_growth_state *out);

/* Sums over the entries with period in [from, to]. */
typedef struct ts_window_sums
{
	int64_t		count;
	int64_t		part_count;
	ts_int128	total;
	ts_int128	part;
} ts_window_sums;

extern bool ts_gs_window(const ts_growth_state *s, int32_t from, int32_t to,
						 ts_window_sums *out);

/* The latest period with rows (s sorted); false when there is none. */
extern bool ts_gs_latest(const ts_growth_state *s, int32_t *period);

/*
 * Subtract b from a in place, both sorted (a needs no room: entries only
 * shrink or vanish).  Every entry of b must be held by a: the same period
 * with at least as many rows; an entry whose count reaches 0 must have sums
 * of 0 left, and disappears.  Returns NULL, or what b holds that a does not
 * (with *period the period of b's entry that a does not hold, or
 * TS_GS_NO_ENTRY).  Header fields of a are kept; numeric scales must be
 * equal.
 */
extern const char *ts_gs_subtract(ts_growth_state *a, const ts_growth_state *b,
								  int32_t *period);

/* No entry to name in an error: the state as a whole is wrong. */
#define TS_GS_NO_ENTRY	INT32_MIN

/*
 * Number of trailing decimal zeros common to every sum of a numeric state,
 * at most its scale: the canonical form stores the sums divided by 10^k at
 * scale - k, so equal content gives equal bytes whatever the history.
 */
extern int	ts_gs_reducible_scale(const ts_growth_state *s);

/* Divide every sum by 10^k (exact by ts_gs_reducible_scale). */
extern void ts_gs_reduce_scale(ts_growth_state *s, int k);

/*
 * The packed form (format 2): what a stored growth_state holds after its
 * varlena header and what binary send writes.  Canonical: varints of
 * minimal length, numeric scale reduced, nothing else.
 *
 *	 byte 0		2 (format); 0.1's in-memory layout and 0.1's binary form
 *				have 1 here
 *	 byte 1		kind (ts_value_kind)
 *	 byte 2		flags (TS_GS_*)
 *	 byte 3		scale (decimals of the sums)
 *	 3 bytes	ISO code of the currency, kind amount only; "\0\0\0" before
 *				the first amount
 *	 varint		as_of, zigzag, with TS_GS_AS_OF only
 *	 byte		the month years start in (2 to 12), with TS_GS_YEAR_START
 *				only (new in 0.3: only the fiscal-year aggregates set it)
 *	 varint		number of entries
 *	 per entry:
 *	   varint	with TS_GS_PERIODS: the first period zigzag, later ones the
 *				(positive) distance from the one before
 *	   varint	count
 *	   varint	total, zigzag, 128 bits
 *	   with TS_GS_PART: varint part_count, varint part (zigzag)
 *
 * Varints are little-endian base 128, high bit set on every byte but the
 * last.  unpack rejects non-minimal varints, trailing bytes and every state
 * ts_gs_validate rejects.
 */
#define TS_GS_PACKED_VERSION 2

/* Of a sorted state. */
extern size_t ts_gs_packed_size(const ts_growth_state *s);
extern size_t ts_gs_pack(const ts_growth_state *s, uint8_t *buf);
extern const char *ts_gs_unpack_count(const uint8_t *buf, size_t len,
									  int32_t *nentries);
extern const char *ts_gs_unpack(const uint8_t *buf, size_t len,
								ts_growth_state *out);
/* The same, with *entry the index of the entry at fault (or TS_GS_NO_ENTRY). */
extern const char *ts_gs_unpack_at(const uint8_t *buf, size_t len,
								   ts_growth_state *out, int32_t *entry);

/*
 * a += the packed state buf, entry by entry, without unpacking it: how
 * rollup() reads each stored summary.  TS_GS_ADD_DIFFERENT (a untouched)
 * when buf's kind, flags, scale, currency, as_of or year_start are not a's: the caller
 * then unpacks it and takes the general path, which checks and aligns.
 * TS_GS_ADD_ROOM (a untouched) when a lacks room for *room more entries;
 * TS_GS_ADD_INDEX (a untouched) when a is sorted without an index and buf's
 * periods do not all come after a's: the caller gives a its index.
 * TS_GS_ADD_INVALID with *err, or TS_GS_ADD_OVERFLOW, may leave a partly
 * added to: the caller raises an error.  A numeric scale that is not
 * canonical, which ts_gs_unpack rejects, is added exactly here.
 */
typedef enum ts_gs_add_result
{
	TS_GS_ADD_OK,
	TS_GS_ADD_DIFFERENT,
	TS_GS_ADD_ROOM,
	TS_GS_ADD_INDEX,
	TS_GS_ADD_INVALID,
	TS_GS_ADD_OVERFLOW
} ts_gs_add_result;

extern ts_gs_add_result ts_gs_add_packed(ts_growth_state *a, const uint8_t *buf,
										 size_t len, int32_t *room,
										 const char **err);

/* Checks shared by every way a state comes in (sorted); NULL when valid. */
extern const char *ts_gs_validate(const ts_growth_state *s);
/* The same, with *entry the index of the entry at fault (or TS_GS_NO_ENTRY). */
extern const char *ts_gs_validate_at(const ts_growth_state *s, int32_t *entry);

/*
 * The checks of ts_gs_validate on one entry of a state of s's kind and
 * flags (counts, part sums, sums possible for their rows); NULL when valid.
 */
extern const char *ts_gs_entry_check(const ts_growth_state *s,
									 const ts_growth_entry *e);

/*
 * Whether 'rows' rows of kind can sum to 'sum': each row's value lies in
 * [-2^63, 2^63 - 1] for amounts (minor units) and bigints, in
 * [-(2^126 - 2^73), 2^126 - 2^73] for doubles (at 2^-40), so n rows sum to
 * within n times those bounds; numeric sums have no bound but 128 bits.
 */
extern bool ts_gs_sum_possible(ts_value_kind kind, ts_int128 sum, int64_t rows);

/*
 * Text form:
 *	 (kind,flags,scale,currency,as_of)[period:count:total:part_count:part;...]
 * and with TS_GS_YEAR_START (kind,flags,scale,currency,as_of,year_start)[...];
 * e.g. "(amount,1,2,USD,)[2020-01-01:3:12345:0:0]".  format needs
 * ts_gs_text_size() bytes; parse works like decode.
 */
/* Of a sorted state. */
extern size_t ts_gs_text_size(const ts_growth_state *s);
extern void ts_gs_format(const ts_growth_state *s, char *buf);
extern const char *ts_gs_parse_count(const char *str, int32_t *nentries);
extern const char *ts_gs_parse(const char *str, ts_growth_state *out);
/* The same, with *entry the index of the entry at fault (or TS_GS_NO_ENTRY). */
extern const char *ts_gs_parse_at(const char *str, ts_growth_state *out,
								  int32_t *entry);

/* ---- version 0.1's forms (growth_compat.c) ---- */

/*
 * 0.1's binary form (format 1): big-endian, version byte 1 first, then
 * kind, flags, scale, the currency's ISO code (3 bytes, zeros without one),
 * as_of and the number of entries (4 bytes each), and per entry the period
 * (4), count and part count (8 each), total and part (16 each).  Only the
 * tests encode it (a state with a year start, which 0.1 did not know,
 * encodes into a form that decode refuses).  decode validates everything and fills 'out' (room for
 * ts_gs_decode_count() entries); it returns NULL when valid, else a message
 * saying what is wrong.
 */
extern size_t ts_gs_encoded_size(const ts_growth_state *s);
extern void ts_gs_encode(const ts_growth_state *s, uint8_t *buf);
extern const char *ts_gs_decode_count(const uint8_t *buf, size_t len,
									  int32_t *nentries);
extern const char *ts_gs_decode(const uint8_t *buf, size_t len,
								ts_growth_state *out);

/*
 * 0.1's stored layout: the whole varlena datum (its 4-byte header
 * included), as 0.1's aggregates left it.  count tells how many entries it
 * holds (checking its header and size); read converts it into a working
 * state with room for them and validates it.  NULL when valid.
 */
extern const char *ts_gs01_count(const uint8_t *datum, size_t len,
								 int32_t *nentries);
extern const char *ts_gs01_read(const uint8_t *datum, size_t len,
								ts_growth_state *out);

#endif							/* TS_GROWTH_H */
