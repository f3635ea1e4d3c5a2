/*-------------------------------------------------------------------------
 *
 * quantity.c
 *	  The measures of values with quantities: unit_value, price_growth and
 *	  volume_growth of one commodity, the Laspeyres, Paasche and Fisher
 *	  price and volume indices across commodities, chained year on year,
 *	  and unit_value and price_growth of a pair of stored summaries.
 *
 * Every aggregate here shares one internal state: the sums of value and
 * quantity by commodity and period (ts_quantity.h), each commodity with
 * its unit, the unit of the first row; a row in another unit is an error,
 * as a row in another currency is.  The indices' rows count by commodity
 * and year (their period taken as January 1 of its year: the links are
 * whole years).  Rows are added to the last entry when their key is the
 * same, else appended; a full array is compacted (sorted,
 * merged) before it grows, so the state grows with the distinct keys, not
 * with rows.  The serial form is portable (pq_send*); combine merges.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "trade_stats.h"
#include "ts_calendar.h"
#include "ts_quantity.h"

/*
 * A commodity's label and unit as a row is matched against them: their
 * lengths and keys (bytes_key: all of a short one, the first 8 bytes of a
 * longer one), in one place.
 */
typedef struct QtyKey
{
	uint64		label_key;
	uint64		unit_key;
	int32		label_len;		/* -1: no label */
	int32		unit_len;
} QtyKey;

typedef struct QtyState
{
	ts_value_kind kind;
	ts_currency_key currency;	/* TS_NO_CURRENCY before the first amount */
	int			vscale;			/* decimals of the value mantissas */
	int			qscale;			/* decimals of the quantity mantissas */
	bool		has_as_of;
	int32		as_of;
	int			ncommodities;
	int			commodity_cap;
	char	  **labels;			/* NULL: the one commodity of a group */
	char	  **units;
	QtyKey	   *keys;			/* each one's label and unit as rows match them */
	int			last;			/* the commodity of the last row */
	bool		by_next;		/* was it the one after the row before's? */
	int		   *recent;			/* per commodity: its entry of the latest period, or -1 */
	bool		may_repeat;		/* may a key have two entries?  (recent unsure) */
	bool		has_year;		/* year_period and year_start are set */
	int32		year_period;	/* the last period of an index's row */
	int32		year_start;		/* January 1 of its year */
	int		   *slots;			/* open addressing over the labels: index or -1 */
	int			nslots;			/* a power of two, at least 2 * ncommodities */
	MemoryContext cxt;
	int			n;
	int			cap;
	ts_qty_entry *e;
} QtyState;

#define QTY_SERIAL_V1 1
#define QTY_MAX_ENTRIES ((int) (MaxAllocSize / sizeof(ts_qty_entry) / 2))
/* decimals of the divisions of the indices */
#define QTY_DIV_SCALE 40
/* decimals of a chained index */
#define QTY_INDEX_SCALE 20

typedef enum QtyShape
{
	QTY_PLAIN,					/* (value, quantity, unit) */
	QTY_PERIOD,					/* (value, quantity, unit, period) */
	QTY_PERIOD_AS_OF,			/* (value, quantity, unit, period, as_of) */
	QTY_COMMODITY				/* (value, quantity, unit, commodity, period) */
} QtyShape;

static const char *const no_currency_hint =
"Group by currency(amount), or convert the amounts to one currency first.";

/* The indices' values and quantities: at least zero, each row. */
static void
negative_value(const char *value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("negative value %s for a price or volume index", value),
			 errdetail("Laspeyres, Paasche and Fisher indices are defined for values and quantities of at least zero."),
			 errhint("Leave out or net the returns before the index, for example sum(value) grouped by commodity and period.")));
}

static void
negative_quantity(const char *quantity)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("negative quantity %s for a price or volume index", quantity),
			 errdetail("Laspeyres, Paasche and Fisher indices are defined for values and quantities of at least zero."),
			 errhint("Leave out or net the returns before the index, for example sum(quantity) grouped by commodity and period.")));
}

static QtyState *
qty_new(MemoryContext cxt, ts_value_kind kind)
{
	QtyState   *s = MemoryContextAllocZero(cxt, sizeof(QtyState));

	s->kind = kind;
	s->cap = 16;
	s->e = MemoryContextAlloc(cxt, s->cap * sizeof(ts_qty_entry));
	s->commodity_cap = 4;
	s->labels = MemoryContextAlloc(cxt, s->commodity_cap * sizeof(char *));
	s->units = MemoryContextAlloc(cxt, s->commodity_cap * sizeof(char *));
	s->recent = MemoryContextAlloc(cxt, s->commodity_cap * sizeof(int));
	s->keys = MemoryContextAlloc(cxt, s->commodity_cap * sizeof(QtyKey));
	s->last = -1;
	s->cxt = cxt;
	return s;
}

/*
 * A label's or unit's key: with its length, the whole of a short one (up
 * to 8 bytes), compared in one step; a longer one's first 8 bytes, the
 * rest compared apart (qty_row_is).  Of 4 to 8 bytes, the first 4 and the
 * last 4 (overlapping: together every byte); of 1 to 3, the first, middle
 * and last byte.  Loads of fixed sizes, never past the len bytes, and no
 * jump table.
 */
static inline uint64
bytes_key(const char *b, size_t len)
{
	uint64		k = 0;
	uint32		lo,
				hi;

	if (len > sizeof(uint64))
		memcpy(&k, b, sizeof(uint64));
	else if (len >= sizeof(uint32))
	{
		memcpy(&lo, b, sizeof(uint32));
		memcpy(&hi, b + len - sizeof(uint32), sizeof(uint32));
		k = lo | (uint64) hi << 32;
	}
	else if (len > 0)
		k = (uint64) (unsigned char) b[0] | (uint64) (unsigned char) b[len / 2] << 8 |
			(uint64) (unsigned char) b[len - 1] << 16;
	return k;
}

/* A label's hash from its bytes (len of them; NULL for no label). */
static uint32
label_hash(const char *label, size_t len)
{
	return label ? hash_bytes((const unsigned char *) label, (int) len) : 0x9e3779b9;
}

/*
 * Is a stored label (stored_len bytes, or NULL) the len bytes at b (or
 * NULL)?
 */
static inline bool
label_eq(const char *stored, int stored_len, const char *b, size_t len)
{
	if (stored == NULL || b == NULL)
		return stored == NULL && b == NULL;
	return (size_t) stored_len == len && memcmp(stored, b, len) == 0;
}

/* (Re)build the table of labels with room for twice the commodities. */
static void
qty_rehash(QtyState *s, int nslots)
{
	if (s->slots)
		pfree(s->slots);
	s->nslots = nslots;
	s->slots = MemoryContextAlloc(s->cxt, nslots * sizeof(int));
	memset(s->slots, -1, nslots * sizeof(int));
	for (int i = 0; i < s->ncommodities; i++)
	{
		uint32		h = label_hash(s->labels[i], Max(s->keys[i].label_len, 0)) & (nslots - 1);

		while (s->slots[h] >= 0)
			h = (h + 1) & (nslots - 1);
		s->slots[h] = i;
	}
}

static void
qty_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum of values or quantities is out of range for the quantity measures"),
			 errdetail("Values and quantities are summed exactly in 128 bits.")));
}

static void
mixed_units(const char *a, const char *b, const char *commodity)
{
	if (commodity)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot aggregate quantities in different units: %s and %s", a, b),
				 errdetail("Both are quantities of the commodity \"%s\".", commodity),
				 errhint("Give each commodity's quantities in one unit.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot aggregate quantities in different units: %s and %s", a, b),
			 errhint("Group by the unit, or convert the quantities to one unit first.")));
}

/* A copy of len bytes as a C string in cxt. */
static char *
bytes_strdup(MemoryContext cxt, const char *b, size_t len)
{
	char	   *c = MemoryContextAlloc(cxt, len + 1);

	memcpy(c, b, len);
	c[len] = '\0';
	return c;
}

/*
 * The commodity of a label (label_len bytes at label; NULL for the single
 * one) in a unit, added if new.  Copies only a new label and unit, so that
 * a row of a known commodity costs one hash and one comparison.
 */
static int
qty_commodity_bytes(QtyState *s, MemoryContext cxt, const char *label,
					size_t label_len, const char *unit, size_t unit_len)
{
	int			i = s->last;

	if (i < 0 || !label_eq(s->labels[i], s->keys[i].label_len, label, label_len))
	{
		uint32		h;

		if (s->nslots < 2 * (s->ncommodities + 1))
			qty_rehash(s, Max(16, s->nslots * 2));
		h = label_hash(label, label_len) & (s->nslots - 1);
		while ((i = s->slots[h]) >= 0 &&
			   !label_eq(s->labels[i], s->keys[i].label_len, label, label_len))
			h = (h + 1) & (s->nslots - 1);
		if (i < 0)
		{
			if (s->ncommodities == s->commodity_cap)
			{
				s->commodity_cap *= 2;
				s->labels = repalloc(s->labels, s->commodity_cap * sizeof(char *));
				s->units = repalloc(s->units, s->commodity_cap * sizeof(char *));
				s->recent = repalloc(s->recent, s->commodity_cap * sizeof(int));
				s->keys = repalloc(s->keys, s->commodity_cap * sizeof(QtyKey));
			}
			i = s->ncommodities++;
			s->labels[i] = label ? bytes_strdup(cxt, label, label_len) : NULL;
			s->units[i] = bytes_strdup(cxt, unit, unit_len);
			s->keys[i].label_len = label ? (int32) label_len : -1;
			s->keys[i].unit_len = (int32) unit_len;
			s->keys[i].label_key = label ? bytes_key(label, label_len) : 0;
			s->keys[i].unit_key = bytes_key(unit, unit_len);
			s->recent[i] = -1;
			s->slots[h] = i;
		}
	}
	if (!label_eq(s->units[i], s->keys[i].unit_len, unit, unit_len))
	{
		char	   *u = bytes_strdup(cxt, unit, unit_len);

		mixed_units(s->units[i], u, label ? bytes_strdup(cxt, label, label_len) : NULL);
	}
	s->last = i;
	return i;
}

/* The same for a label and a unit as C strings. */
static int
qty_commodity(QtyState *s, MemoryContext cxt, const char *label, const char *unit)
{
	return qty_commodity_bytes(s, cxt, label, label ? strlen(label) : 0,
							   unit, strlen(unit));
}

/*
 * Sort and merge the entries; then each commodity's entry of its latest
 * period is its last one, and no key has two entries.
 */
static void
qty_compact(QtyState *s)
{
	if (!ts_qty_compact(s->e, &s->n))
		qty_overflow();
	for (int c = 0; c < s->ncommodities; c++)
		s->recent[c] = -1;
	for (int i = 0; i < s->n; i++)
		s->recent[s->e[i].commodity] = i;
	s->may_repeat = false;
}

/*
 * Room for more entries: a full array is compacted first when a key may
 * have two entries (else compacting would merge nothing), then grown.
 */
static void
qty_reserve(QtyState *s, int more)
{
	if (s->n + more <= s->cap)
		return;
	if (s->may_repeat)
	{
		qty_compact(s);
		if (s->n + more <= s->cap && s->n <= s->cap / 2)
			return;
	}
	if (s->n + more > QTY_MAX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many commodities and periods for the quantity measures: more than %d",
						QTY_MAX_ENTRIES)));
	s->cap = Min(Max(s->cap * 2, s->n + more), QTY_MAX_ENTRIES);
	s->e = repalloc(s->e, s->cap * sizeof(ts_qty_entry));
}

/*
 * A numeric argument (as it comes, not detoasted) as a mantissa at the
 * state's scale, raising the state's scale if needed.
 */
static pg_attribute_always_inline ts_int128
qty_mantissa(QtyState *s, Datum num, bool qty)
{
	int		   *state_scale = qty ? &s->qscale : &s->vscale;
	ts_int128	mant;
	int			scale;

	if (!ts_numeric_read_small(num, &mant, &scale) &&
		!ts_numeric_arg_to_int128(num, &mant, &scale))
		qty_overflow();
	if (scale > *state_scale)
	{
		if (!ts_qty_rescale(s->e, s->n, qty, scale - *state_scale))
			qty_overflow();
		*state_scale = scale;
	}
	else if (scale < *state_scale)
	{
		int			k = *state_scale - scale;

		/* up to 10^18 in one multiplication, inline */
		if (k < (int) lengthof(ts_pow10) ?
			__builtin_mul_overflow(mant, (ts_int128) ts_pow10[k], &mant) :
			!ts_int128_mul_pow10(&mant, k))
			qty_overflow();
	}
	return mant;
}

/* A row's label or unit: its bytes, length (-1: no label) and bytes_key */
typedef struct QtyRowText
{
	const char *b;
	int32		len;
	uint64		key;
} QtyRowText;

static const QtyRowText no_label = {NULL, -1, 0};

/*
 * A text argument's bytes, length and bytes_key, as PG_GETARG_TEXT_PP
 * would give its bytes: a row's text (a short header, neither compressed
 * nor external) read inline with one test of its header, and no call.
 */
static inline QtyRowText
qty_text_arg(FunctionCallInfo fcinfo, int n)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(n));
	QtyRowText	r;

	if (likely(VARATT_IS_SHORT(v) && !VARATT_IS_EXTERNAL(v)))
	{
		r.b = VARDATA_SHORT(v);
		r.len = (int32) (VARSIZE_SHORT(v) - VARHDRSZ_SHORT);
	}
	else
	{
		if (VARATT_IS_COMPRESSED(v) || VARATT_IS_EXTERNAL(v))
			v = pg_detoast_datum_packed(v);
		r.b = VARDATA_ANY(v);
		r.len = (int32) VARSIZE_ANY_EXHDR(v);
	}
	r.key = bytes_key(r.b, r.len);
	return r;
}

/*
 * Is commodity i the row's commodity in the row's unit?  Lengths and keys
 * from one QtyKey; the bytes after the first 8 only of a longer label or
 * unit.
 */
static inline bool
qty_row_is(const QtyState *s, int i, const QtyRowText *label, const QtyRowText *unit)
{
	const QtyKey *k = &s->keys[i];

	return k->label_len == label->len && k->label_key == label->key &&
		k->unit_len == unit->len && k->unit_key == unit->key &&
		(label->len <= (int32) sizeof(uint64) ||
		 memcmp(s->labels[i] + sizeof(uint64), label->b + sizeof(uint64),
				label->len - sizeof(uint64)) == 0) &&
		(unit->len <= (int32) sizeof(uint64) ||
		 memcmp(s->units[i] + sizeof(uint64), unit->b + sizeof(uint64),
				unit->len - sizeof(uint64)) == 0);
}

/*
 * January 1 of a period's year, that of the row before remembered: the
 * indices chain whole years, so their state keeps one entry per commodity
 * and year, not per commodity and period (a twelfth of it with monthly
 * rows), with the same sums.  The period is checked (ts_check_period) when
 * it differs from the row before's, which was checked.
 */
static inline int32
qty_year_of(QtyState *s, int32 period)
{
	if (!s->has_year || s->year_period != period)
	{
		ts_check_period(period);
		s->year_period = period;
		s->year_start = ts_date_year_start(period);
		s->has_year = true;
	}
	return s->year_start;
}

/*
 * The transition: add one row.  A row with a NULL value, quantity, unit,
 * commodity or period is ignored; as_of must be the same on every row,
 * and not NULL (as for the growth aggregates).
 */
static pg_attribute_always_inline Datum
qty_accum(FunctionCallInfo fcinfo, ts_value_kind kind, QtyShape shape)
{
	QtyState   *s;
	ts_int128	v,
				q;
	int32		period = 0;
	QtyRowText	label,
				unit;
	int			c;
	ts_qty_entry *last,
			   *recent;

	/*
	 * The aggregate's context is checked when the state is made (as
	 * PostgreSQL's own transition functions do); later rows allocate in the
	 * state's context.
	 */
	if (PG_ARGISNULL(0))
	{
		MemoryContext aggcxt;

		if (!AggCheckCallContext(fcinfo, &aggcxt))
			elog(ERROR, "quantity transition function called in a non-aggregate context");
		s = qty_new(aggcxt, kind);
	}
	else
		s = (QtyState *) PG_GETARG_POINTER(0);

	if (shape == QTY_PERIOD_AS_OF && PG_ARGISNULL(5))
		ts_null_as_of();
	if (shape == QTY_PERIOD_AS_OF)
	{
		DateADT		as_of = PG_GETARG_DATEADT(5);

		ts_check_as_of(as_of);
		if (s->has_as_of && s->as_of != as_of)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("as_of must be the same for every row of a group: %s and %s",
							ts_iso_date(s->as_of), ts_iso_date(as_of))));
		s->has_as_of = true;
		s->as_of = as_of;
	}
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(s);
	if (shape == QTY_COMMODITY && PG_ARGISNULL(4))
		PG_RETURN_POINTER(s);
	if (shape != QTY_PLAIN)
	{
		int			arg = shape == QTY_COMMODITY ? 5 : 4;

		if (PG_ARGISNULL(arg))
			PG_RETURN_POINTER(s);
		period = PG_GETARG_DATEADT(arg);
		/* an index's period is checked by qty_year_of, once for a run of rows */
		if (shape == QTY_COMMODITY)
			period = qty_year_of(s, period);
		else
			ts_check_period(period);
	}
	unit = qty_text_arg(fcinfo, 3);
	label = shape == QTY_COMMODITY ? qty_text_arg(fcinfo, 4) : no_label;

	if (kind == TS_VAL_AMOUNT)
	{
		CurrencyAmount *a = PG_GETARG_CURRENCY_AMOUNT_P(1);

		if (unlikely(s->currency != a->currency))
		{
			if (s->currency != TS_NO_CURRENCY)
				ts_mixed_currencies(TS_OP_AGGREGATE, s->currency, a->currency,
									no_currency_hint);
			s->currency = a->currency;
			s->vscale = ts_amount_currency(a->currency)->minor_units;
		}
		v = a->units;
	}
	else
		v = qty_mantissa(s, PG_GETARG_DATUM(1), false);
	q = qty_mantissa(s, PG_GETARG_DATUM(2), true);
	if (shape == QTY_COMMODITY && v < 0)
		negative_value(kind == TS_VAL_AMOUNT ?
					   ts_amount_text(PG_GETARG_CURRENCY_AMOUNT_P(1)) :
					   DatumGetCString(DirectFunctionCall1(numeric_out,
														   PG_GETARG_DATUM(1))));
	if (shape == QTY_COMMODITY && q < 0)
		negative_quantity(DatumGetCString(DirectFunctionCall1(numeric_out,
															  PG_GETARG_DATUM(2))));
	/*
	 * The commodity and unit of the row before, or of the commodity after
	 * it (rows of several commodities in their order, period by period),
	 * without a copy or a hash; else looked up.
	 */
	c = -1;
	if (s->last >= 0)
	{
		int			next = s->last + 1 < s->ncommodities ? s->last + 1 : 0;
		int			first = s->by_next ? next : s->last,
					second = s->by_next ? s->last : next;

		/* first the one that held for the row before */
		if (qty_row_is(s, first, &label, &unit))
			c = first;
		else if (qty_row_is(s, second, &label, &unit))
			c = second;
		s->by_next = c == next && c != s->last;
		if (c >= 0)
			s->last = c;
	}
	if (c < 0)
		c = qty_commodity_bytes(s, s->cxt, label.b, label.b ? label.len : 0, unit.b, unit.len);

	/*
	 * The entry of the same key: the commodity's entry of its latest period
	 * (rows of several commodities interleaved), or the last one.  Any
	 * entry of the key will do: compaction merges them all, exactly.
	 */
	recent = s->recent[c] >= 0 && s->recent[c] < s->n &&
		s->e[s->recent[c]].commodity == c ? &s->e[s->recent[c]] : NULL;
	if (recent && recent->period == period)
		last = recent;
	else
		last = s->n > 0 && s->e[s->n - 1].commodity == c &&
			s->e[s->n - 1].period == period ? &s->e[s->n - 1] : NULL;
	if (last)
	{
		if (__builtin_add_overflow(last->value, v, &last->value) ||
			__builtin_add_overflow(last->qty, q, &last->qty))
			qty_overflow();
		last->rows++;
	}
	else
	{
		/* a key seen before, unless the commodity is new or its periods rise */
		if (recent ? recent->period >= period : s->recent[c] >= 0)
			s->may_repeat = true;
		qty_reserve(s, 1);
		s->e[s->n].commodity = c;
		s->e[s->n].period = period;
		s->e[s->n].value = v;
		s->e[s->n].qty = q;
		s->e[s->n].rows = 1;
		s->recent[c] = s->n;
		s->n++;
	}
	PG_RETURN_POINTER(s);
}

#define QTY_ENTRY(name, kind, shape) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return qty_accum(fcinfo, kind, shape); \
}

QTY_ENTRY(qty_accum_amount, TS_VAL_AMOUNT, QTY_PLAIN)
QTY_ENTRY(qty_accum_numeric, TS_VAL_NUMERIC, QTY_PLAIN)
QTY_ENTRY(qty_accum_amount_period, TS_VAL_AMOUNT, QTY_PERIOD)
QTY_ENTRY(qty_accum_numeric_period, TS_VAL_NUMERIC, QTY_PERIOD)
QTY_ENTRY(qty_accum_amount_period_as_of, TS_VAL_AMOUNT, QTY_PERIOD_AS_OF)
QTY_ENTRY(qty_accum_numeric_period_as_of, TS_VAL_NUMERIC, QTY_PERIOD_AS_OF)
QTY_ENTRY(qty_accum_amount_commodity, TS_VAL_AMOUNT, QTY_COMMODITY)
QTY_ENTRY(qty_accum_numeric_commodity, TS_VAL_NUMERIC, QTY_COMMODITY)

/*
 * Combine: b's commodities and entries into a (a copy of b in the
 * aggregate's context when a is NULL).
 */
PG_FUNCTION_INFO_V1(qty_combine);
Datum
qty_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	QtyState   *a = PG_ARGISNULL(0) ? NULL : (QtyState *) PG_GETARG_POINTER(0);
	QtyState   *b = PG_ARGISNULL(1) ? NULL : (QtyState *) PG_GETARG_POINTER(1);
	int		   *map;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "qty_combine called in a non-aggregate context");
	if (b == NULL)
		PG_RETURN_POINTER(a);
	if (a == NULL)
		a = qty_new(aggcxt, b->kind);
	if (b->currency != TS_NO_CURRENCY)
	{
		if (a->currency == TS_NO_CURRENCY)
		{
			a->currency = b->currency;
			if (!ts_qty_rescale(a->e, a->n, false, b->vscale - a->vscale))
				qty_overflow();
			a->vscale = b->vscale;
		}
		else if (a->currency != b->currency)
			ts_mixed_currencies(TS_OP_AGGREGATE, a->currency, b->currency,
								no_currency_hint);
	}
	if (b->has_as_of)
	{
		if (a->has_as_of && a->as_of != b->as_of)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("as_of must be the same for every row of a group: %s and %s",
							ts_iso_date(a->as_of), ts_iso_date(b->as_of))));
		a->has_as_of = true;
		a->as_of = b->as_of;
	}
	if (b->vscale > a->vscale)
	{
		if (!ts_qty_rescale(a->e, a->n, false, b->vscale - a->vscale))
			qty_overflow();
		a->vscale = b->vscale;
	}
	if (b->qscale > a->qscale)
	{
		if (!ts_qty_rescale(a->e, a->n, true, b->qscale - a->qscale))
			qty_overflow();
		a->qscale = b->qscale;
	}
	map = palloc(Max(b->ncommodities, 1) * sizeof(int));
	a->may_repeat = true;		/* b's keys may be a's too */
	for (int i = 0; i < b->ncommodities; i++)
		map[i] = qty_commodity(a, aggcxt, b->labels[i], b->units[i]);
	for (int i = 0; i < b->n; i++)
	{
		ts_qty_entry e = b->e[i];

		CHECK_FOR_INTERRUPTS();
		e.commodity = map[e.commodity];
		if (!ts_int128_mul_pow10(&e.value, a->vscale - b->vscale) ||
			!ts_int128_mul_pow10(&e.qty, a->qscale - b->qscale))
			qty_overflow();
		qty_reserve(a, 1);
		a->e[a->n++] = e;
	}
	pfree(map);
	qty_compact(a);
	PG_RETURN_POINTER(a);
}

/*
 * Serial form: a version byte, the kind, the currency's code (three zero
 * bytes for none), the two scales, as_of (a flag and a date), the
 * commodities (a flag for a label, the label, the unit, as strings), then
 * the entries, compacted: commodity, period, value, quantity, rows.
 */
PG_FUNCTION_INFO_V1(qty_serialize);
Datum
qty_serialize(PG_FUNCTION_ARGS)
{
	QtyState   *s = (QtyState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	qty_compact(s);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, QTY_SERIAL_V1);
	ts_pq_send_kind_currency(&buf, s->kind, s->currency);
	pq_sendint32(&buf, s->vscale);
	pq_sendint32(&buf, s->qscale);
	pq_sendbyte(&buf, s->has_as_of ? 1 : 0);
	pq_sendint32(&buf, s->as_of);
	pq_sendint32(&buf, s->ncommodities);
	for (int i = 0; i < s->ncommodities; i++)
	{
		pq_sendbyte(&buf, s->labels[i] ? 1 : 0);
		if (s->labels[i])
			pq_sendstring(&buf, s->labels[i]);
		pq_sendstring(&buf, s->units[i]);
	}
	pq_sendint32(&buf, s->n);
	for (int i = 0; i < s->n; i++)
	{
		pq_sendint32(&buf, s->e[i].commodity);
		pq_sendint32(&buf, s->e[i].period);
		ts_pq_send_int128(&buf, s->e[i].value);
		ts_pq_send_int128(&buf, s->e[i].qty);
		pq_sendint64(&buf, s->e[i].rows);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
invalid_serial(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid serialized state of a quantity measure")));
}

PG_FUNCTION_INFO_V1(qty_deserialize);
Datum
qty_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcxt;
	StringInfoData buf;
	QtyState   *s;
	ts_value_kind kind;
	ts_currency_key currency;
	int			nc,
				n;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "qty_deserialize called in a non-aggregate context");
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	if (buf.len < 2 || pq_getmsgbyte(&buf) != QTY_SERIAL_V1)
		invalid_serial();
	if (!ts_pq_get_kind_currency(&buf, &kind, &currency))
		invalid_serial();
	s = qty_new(aggcxt, kind);
	s->currency = currency;
	s->vscale = pq_getmsgint(&buf, 4);
	s->qscale = pq_getmsgint(&buf, 4);
	s->has_as_of = pq_getmsgbyte(&buf) != 0;
	s->as_of = pq_getmsgint(&buf, 4);
	nc = pq_getmsgint(&buf, 4);
	if (s->vscale < 0 || s->vscale > TS_NUMERIC_MAX_SCALE ||
		s->qscale < 0 || s->qscale > TS_NUMERIC_MAX_SCALE || nc < 0 ||
		(s->currency != TS_NO_CURRENCY &&
		 s->vscale != ts_amount_currency(s->currency)->minor_units))
		invalid_serial();
	for (int i = 0; i < nc; i++)
	{
		bool		has_label = pq_getmsgbyte(&buf) != 0;
		const char *label = has_label ? pq_getmsgstring(&buf) : NULL;
		const char *unit = pq_getmsgstring(&buf);

		if (qty_commodity(s, aggcxt, label, unit) != i)
			invalid_serial();
	}
	n = pq_getmsgint(&buf, 4);
	if (n < 0 || n > QTY_MAX_ENTRIES)
		invalid_serial();
	qty_reserve(s, n);
	for (int i = 0; i < n; i++)
	{
		ts_qty_entry *e = &s->e[i];

		e->commodity = pq_getmsgint(&buf, 4);
		e->period = pq_getmsgint(&buf, 4);
		e->value = ts_pq_get_int128(&buf);
		e->qty = ts_pq_get_int128(&buf);
		e->rows = pq_getmsgint64(&buf);
		if (e->commodity < 0 || e->commodity >= nc || e->rows <= 0)
			invalid_serial();
		s->n++;
	}
	s->may_repeat = true;		/* the entries are not in recent */
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(s);
}

/* ---- final functions ---- */

static Numeric
num(ts_int128 v)
{
	return ts_int128_numeric(v);
}

static Numeric
mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
sub(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(a), NumericGetDatum(b)));
}

/* a / b carried to QTY_DIV_SCALE decimals at least (b != 0). */
static Numeric
div_wide(Numeric a, Numeric b)
{
	Datum		wide = DirectFunctionCall2(numeric_round, NumericGetDatum(a),
										   Int32GetDatum(QTY_DIV_SCALE));

	return DatumGetNumeric(DirectFunctionCall2(numeric_div, wide, NumericGetDatum(b)));
}

#ifdef QTY_VERIFY_WIDE
static char *
numeric_out_str(Numeric a)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a)));
}
#endif

static Numeric
trimmed(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale, NumericGetDatum(a)));
}

/* 10^k as numeric */
static Numeric
pow10_numeric(int k)
{
	Numeric		r = int64_to_numeric(1);

	for (; k > 0; k--)
		r = mul(r, int64_to_numeric(10));
	return r;
}

static QtyState *
qty_final_state(FunctionCallInfo fcinfo)
{
	QtyState   *s = PG_ARGISNULL(0) ? NULL : (QtyState *) PG_GETARG_POINTER(0);

	if (s == NULL || s->n == 0)
		return NULL;
	qty_compact(s);				/* the same sums, in order: a window may call again */
	return s;
}

/*
 * unit_value: the sum of the values over the sum of the quantities, in the
 * value's major units per unit of quantity: numeric division, never
 * rounded to the currency's minor unit.  NULL without rows or when the
 * quantities sum to 0.
 */
PG_FUNCTION_INFO_V1(unit_value_final);
Datum
unit_value_final(PG_FUNCTION_ARGS)
{
	QtyState   *s = qty_final_state(fcinfo);
	ts_int128	v,
				q;
	int64		rows;
	Numeric		vn,
				qn;

	if (s == NULL)
		PG_RETURN_NULL();
	if (!ts_qty_window(s->e, s->n, 0, PG_INT32_MIN, PG_INT32_MAX, &v, &q, &rows))
		qty_overflow();
	if (rows == 0 || q == 0)
		PG_RETURN_NULL();
	/* (v / 10^vscale) / (q / 10^qscale) */
	vn = mul(num(v), pow10_numeric(s->qscale));
	qn = mul(num(q), pow10_numeric(s->vscale));
	PG_RETURN_NUMERIC(trimmed(DatumGetNumeric(DirectFunctionCall2(numeric_div,
																  NumericGetDatum(vn),
																  NumericGetDatum(qn)))));
}

/*
 * The sums of the same-period windows of price_growth and volume_growth:
 * 1 January of P's year to P against 1 January of the year before to P
 * minus a year, P the as_of date or the latest period.  False when the
 * previous window has no rows.
 */
static bool
qty_windows(QtyState *s, ts_int128 *vc, ts_int128 *qc, ts_int128 *vp, ts_int128 *qp)
{
	int32		p = s->has_as_of ? s->as_of : ts_qty_latest(s->e, s->n);
	int32		p1 = ts_date_minus_years(p, 1);
	int64		rows;

	if (!ts_qty_window(s->e, s->n, 0, ts_date_year_start(p), p, vc, qc, &rows) ||
		!ts_qty_window(s->e, s->n, 0, ts_date_year_start(p1), p1, vp, qp, &rows))
		qty_overflow();
	return rows > 0;
}

/*
 * volume_growth: 100 * (Qc - Qp) / |Qp| of the same-period windows.  NULL
 * when the previous window has no rows or its quantity is 0.
 */
PG_FUNCTION_INFO_V1(volume_growth_final);
Datum
volume_growth_final(PG_FUNCTION_ARGS)
{
	QtyState   *s = qty_final_state(fcinfo);
	ts_int128	vc,
				qc,
				vp,
				qp;

	if (s == NULL || !qty_windows(s, &vc, &qc, &vp, &qp) || qp == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(ts_percent_numeric(sub(num(qc), num(qp)),
										 num(qp < 0 ? -qp : qp)));
}

/*
 * The growth of the unit value V / Q from the previous window (vp, qp) to
 * the current one (vc, qc), as one division (see price_growth_final); NULL
 * when qp, qc or vp is 0.
 */
static Numeric
price_pct(ts_int128 vc, ts_int128 qc, ts_int128 vp, ts_int128 qp)
{
	Numeric		n;

	if (qp == 0 || qc == 0 || vp == 0)
		return NULL;
	n = sub(mul(num(vc), num(qp)), mul(num(vp), num(qc)));
	if (qp < 0)
		n = mul(n, int64_to_numeric(-1));
	return ts_percent_numeric(n, mul(num(qc), num(vp < 0 ? -vp : vp)));
}

/*
 * price_growth: the growth of the unit value, 100 * (Uc - Up) / |Up| with
 * U = V / Q, as one division: 100 * sign(Qp) * (Vc Qp - Vp Qc) / (Qc |Vp|).
 * NULL when the previous window has no rows, or Qc, Qp or Vp is 0.  With
 * volume_growth: (1 + price/100) (1 + volume/100) = Vc / Vp exactly
 * before each division is rounded.
 */
PG_FUNCTION_INFO_V1(price_growth_final);
Datum
price_growth_final(PG_FUNCTION_ARGS)
{
	QtyState   *s = qty_final_state(fcinfo);
	ts_int128	vc,
				qc,
				vp,
				qp;
	Numeric		r;

	if (s == NULL || !qty_windows(s, &vc, &qc, &vp, &qp) ||
		(r = price_pct(vc, qc, vp, qp)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(r);
}

/* ---- index numbers ---- */

typedef enum QtyIndex
{
	QTY_LASPEYRES_PRICE,
	QTY_PAASCHE_PRICE,
	QTY_FISHER_PRICE,
	QTY_LASPEYRES_VOLUME,
	QTY_PAASCHE_VOLUME,
	QTY_FISHER_VOLUME
} QtyIndex;

/*
 * The sums of one link, year y against y - 1, over the commodities with
 * rows and a quantity other than 0 in both years (matched items).  With
 * p = V / Q:
 *   s00 = sum p0 q0 = sum V0         s11 = sum p1 q1 = sum V1
 *   s10 = sum p1 q0 = sum V1 Q0 / Q1 s01 = sum p0 q1 = sum V0 Q1 / Q0
 * s10 and s01 (a numeric division per commodity) only when asked for
 * (need10, need01); false when nothing matches.
 */
typedef struct QtyLinkSums
{
	Numeric		s00,
				s11,
				s10,
				s01;
} QtyLinkSums;

/*
 * The sums of the matched items in numeric, one division per commodity
 * and sum: for the links whose 128-bit sums or exact quotients do not fit
 * (see qty_link_sums).
 */
static void
qty_link_sums_numeric(QtyState *s, const ts_int128 *v0, const ts_int128 *q0,
					  const int64 *r0, const ts_int128 *v1, const ts_int128 *q1,
					  const int64 *r1, bool need10, bool need01, QtyLinkSums *sums)
{
	for (int c = 0; c < s->ncommodities; c++)
	{
		CHECK_FOR_INTERRUPTS();
		if (r0[c] == 0 || r1[c] == 0 || q0[c] == 0 || q1[c] == 0)
			continue;
		sums->s00 = add(sums->s00, num(v0[c]));
		sums->s11 = add(sums->s11, num(v1[c]));
		if (need10)
			sums->s10 = add(sums->s10, div_wide(mul(num(v1[c]), num(q0[c])), num(q1[c])));
		if (need01)
			sums->s01 = add(sums->s01, div_wide(mul(num(v0[c]), num(q1[c])), num(q0[c])));
	}
}

/* An exact sum of quotients as numeric; NULL when its text does not fit. */
static Numeric
quot_sum_numeric(const ts_qty_quot_sum *q)
{
	char		buf[256];

	if (ts_qty_quot_sum_text(q, buf, sizeof(buf)) < 0)
		return NULL;
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/*
 * One year's sums by commodity (ts_qty_window_all over January 1 to
 * December 31): computed once a year, each serving the link into it and
 * the link out of it.
 */
typedef struct QtyYear
{
	ts_int128  *v,
			   *q;
	int64	   *r;
} QtyYear;

static void
qty_year_alloc(QtyState *s, QtyYear *w)
{
	int			nc = Max(s->ncommodities, 1);

	w->v = palloc(nc * sizeof(ts_int128));
	w->q = palloc(nc * sizeof(ts_int128));
	w->r = palloc(nc * sizeof(int64));
}

static void
qty_year_sums(QtyState *s, int64 y, QtyYear *w)
{
	if (!ts_qty_window_all(s->e, s->n, s->ncommodities, ts_date_from_ymd(y, 1, 1),
						   ts_date_from_ymd(y, 12, 31), w->v, w->q, w->r))
		qty_overflow();
}

/*
 * The sums of one link, from the sums of its two years.  Each term of s10
 * and s01 is numeric's
 * round(V Q, QTY_DIV_SCALE) / Q', computed exactly in wide integers with
 * numeric_div's scale and rounding (ts_qty_quot_sum_add), and summed
 * exactly: the same digits and scale as numeric's, without a numeric
 * division per commodity.  The values and quantities of the indices are at
 * least zero; a link whose sums do not fit is summed in numeric.
 */
static bool
qty_link_sums(QtyState *s, const QtyYear *w0, const QtyYear *w1, bool need10,
			  bool need01, QtyLinkSums *sums)
{
	Numeric		zero = int64_to_numeric(0);
	bool		matched = false,
				wide = true;
	const ts_int128 *v0 = w0->v,
			   *q0 = w0->q,
			   *v1 = w1->v,
			   *q1 = w1->q;
	const int64 *r0 = w0->r,
			   *r1 = w1->r;
	ts_int128	s00 = 0,
				s11 = 0;
	ts_qty_quot_sum q10,
				q01;

	sums->s00 = sums->s11 = sums->s10 = sums->s01 = zero;
	ts_qty_quot_sum_init(&q10);
	ts_qty_quot_sum_init(&q01);
	for (int c = 0; c < s->ncommodities && wide; c++)
	{
		CHECK_FOR_INTERRUPTS();
		if (r0[c] == 0 || r1[c] == 0 || q0[c] == 0 || q1[c] == 0)
			continue;
		matched = true;
		wide = v0[c] >= 0 && q0[c] > 0 && v1[c] >= 0 && q1[c] > 0 &&
			!__builtin_add_overflow(s00, v0[c], &s00) &&
			!__builtin_add_overflow(s11, v1[c], &s11) &&
			(!need10 || ts_qty_quot_sum_add(&q10, v1[c], q0[c], q1[c], QTY_DIV_SCALE)) &&
			(!need01 || ts_qty_quot_sum_add(&q01, v0[c], q1[c], q0[c], QTY_DIV_SCALE));
	}
	if (matched && wide)
	{
		sums->s00 = num(s00);
		sums->s11 = num(s11);
		if (need10 && (sums->s10 = quot_sum_numeric(&q10)) == NULL)
			wide = false;
		if (need01 && (sums->s01 = quot_sum_numeric(&q01)) == NULL)
			wide = false;
	}
#ifdef QTY_VERIFY_WIDE
	if (matched && wide)
	{
		QtyLinkSums chk;

		chk.s00 = chk.s11 = chk.s10 = chk.s01 = zero;
		qty_link_sums_numeric(s, v0, q0, r0, v1, q1, r1, need10, need01, &chk);
		if (strcmp(numeric_out_str(chk.s00), numeric_out_str(sums->s00)) != 0 ||
			strcmp(numeric_out_str(chk.s11), numeric_out_str(sums->s11)) != 0 ||
			strcmp(numeric_out_str(chk.s10), numeric_out_str(sums->s10)) != 0 ||
			strcmp(numeric_out_str(chk.s01), numeric_out_str(sums->s01)) != 0)
			elog(ERROR, "wide sums differ: %s %s / %s %s",
				 numeric_out_str(chk.s10), numeric_out_str(sums->s10),
				 numeric_out_str(chk.s01), numeric_out_str(sums->s01));
		elog(DEBUG1, "wide sums checked");
	}
#endif
	if (matched && !wide)
	{
		sums->s00 = sums->s11 = sums->s10 = sums->s01 = zero;
		qty_link_sums_numeric(s, v0, q0, r0, v1, q1, r1, need10, need01, sums);
	}
	return matched;
}

/*
 * One link from its sums: Laspeyres price s10 / s00, Paasche price
 * s11 / s01, Laspeyres volume s01 / s00, Paasche volume s11 / s10; Fisher
 * the geometric mean of the two.  NULL when a denominator is 0.
 */
static Numeric
qty_link_of(const QtyLinkSums *sums, QtyIndex which)
{
	Numeric		zero = int64_to_numeric(0);
	Numeric		a,
				b;

	switch (which)
	{
		case QTY_LASPEYRES_PRICE:
			a = sums->s10, b = sums->s00;
			break;
		case QTY_PAASCHE_PRICE:
			a = sums->s11, b = sums->s01;
			break;
		case QTY_LASPEYRES_VOLUME:
			a = sums->s01, b = sums->s00;
			break;
		case QTY_PAASCHE_VOLUME:
			a = sums->s11, b = sums->s10;
			break;
		case QTY_FISHER_PRICE:
		case QTY_FISHER_VOLUME:
			{
				Numeric		l = qty_link_of(sums, which == QTY_FISHER_PRICE ?
											QTY_LASPEYRES_PRICE : QTY_LASPEYRES_VOLUME);
				Numeric		p = qty_link_of(sums, which == QTY_FISHER_PRICE ?
											QTY_PAASCHE_PRICE : QTY_PAASCHE_VOLUME);
				Datum		prod;

				if (l == NULL || p == NULL)
					return NULL;
				prod = DirectFunctionCall2(numeric_round,
										   NumericGetDatum(mul(l, p)),
										   Int32GetDatum(2 * QTY_DIV_SCALE));
				if (DatumGetBool(DirectFunctionCall2(numeric_lt, prod,
													 NumericGetDatum(zero))))
					return NULL;
				return DatumGetNumeric(DirectFunctionCall1(numeric_sqrt, prod));
			}
		default:
			elog(ERROR, "unexpected index %d", (int) which);
	}
	if (numeric_is_nan(b) || DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(b),
															  NumericGetDatum(zero))))
		return NULL;
	return div_wide(a, b);
}

/*
 * One link, year y (w1) against y - 1 (w0) (NULL when nothing matches or
 * a denominator is 0): its sums once, only those the index needs.
 */
static Numeric
qty_link(QtyState *s, const QtyYear *w0, const QtyYear *w1, QtyIndex which)
{
	QtyLinkSums sums;
	bool		need10 = which != QTY_PAASCHE_PRICE && which != QTY_LASPEYRES_VOLUME;
	bool		need01 = which != QTY_LASPEYRES_PRICE && which != QTY_PAASCHE_VOLUME;

	if (!qty_link_sums(s, w0, w1, need10, need01, &sums))
		return NULL;
	return qty_link_of(&sums, which);
}

/*
 * The chained index of the latest year with the first year = 100: the
 * product of the links of each year and the year before, rounded half
 * away from zero to QTY_INDEX_SCALE decimals once at the end.  NULL when
 * a year between them has no link (no rows, nothing matched).
 */
static Datum
qty_index(FunctionCallInfo fcinfo, QtyIndex which)
{
	QtyState   *s = PG_ARGISNULL(0) ? NULL : (QtyState *) PG_GETARG_POINTER(0);
	int64		first = PG_INT64_MAX,
				last = PG_INT64_MIN;
	Numeric		index = int64_to_numeric(100);
	QtyYear		w0,
				w1;

	if (s == NULL || s->n == 0)
		PG_RETURN_NULL();

	/*
	 * The windows sum the entries in any order: compacted only when a key
	 * may have two entries (merging them, with its check of overflow), not
	 * sorted for nothing.
	 */
	if (s->may_repeat)
		qty_compact(s);
	for (int i = 0; i < s->n; i++)
	{
		int64		y;
		int			m,
					d;

		ts_date_to_ymd(s->e[i].period, &y, &m, &d);
		first = Min(first, y);
		last = Max(last, y);
	}
	if (first < last)
	{
		qty_year_alloc(s, &w0);
		qty_year_alloc(s, &w1);
		qty_year_sums(s, first, &w0);
	}
	for (int64 y = first + 1; y <= last; y++)
	{
		Numeric		link;
		QtyYear		t;

		qty_year_sums(s, y, &w1);
		link = qty_link(s, &w0, &w1, which);
		if (link == NULL)
			PG_RETURN_NULL();
		index = mul(index, link);
		/* this year's sums are the next link's year before */
		t = w0;
		w0 = w1;
		w1 = t;
	}
	PG_RETURN_NUMERIC(trimmed(DatumGetNumeric(DirectFunctionCall2(numeric_round,
																  NumericGetDatum(index),
																  Int32GetDatum(QTY_INDEX_SCALE)))));
}

#define QTY_INDEX_FINAL(name, which) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return qty_index(fcinfo, which); \
}

QTY_INDEX_FINAL(laspeyres_price_final, QTY_LASPEYRES_PRICE)
QTY_INDEX_FINAL(paasche_price_final, QTY_PAASCHE_PRICE)
QTY_INDEX_FINAL(fisher_price_final, QTY_FISHER_PRICE)
QTY_INDEX_FINAL(laspeyres_volume_final, QTY_LASPEYRES_VOLUME)
QTY_INDEX_FINAL(paasche_volume_final, QTY_PAASCHE_VOLUME)
QTY_INDEX_FINAL(fisher_volume_final, QTY_FISHER_VOLUME)

/* ---- the same from stored summaries: one of values, one of quantities ---- */

/*
 * The decimals of a summary's sums, for the unit value and price growth
 * of two summaries: a summary of double precision values (binary fixed
 * point) is refused.
 */
static int
summary_scale(const ts_growth_state *s, const char *fn)
{
	if (s->kind == TS_VAL_FLOAT8)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s takes no summary of double precision values", fn),
				 errhint("Summarize the values and quantities as numeric, bigint or currency_amount.")));
	return s->kind == TS_VAL_INT8 ? 0 : s->scale;
}

static void
window_sums(const ts_growth_state *s, int32 from, int32 to, ts_window_sums *w)
{
	if (!ts_gs_window(s, from, to, w))
		qty_overflow();
}

/*
 * unit_value(values, quantities [, from, to]): the sum of the values over
 * the sum of the quantities, of every period or of from to to.
 */
static Datum
summary_unit_value(FunctionCallInfo fcinfo, bool range)
{
	const ts_growth_state *v = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *q = ts_gs_read(PG_GETARG_DATUM(1));
	int32		from = range ? PG_GETARG_DATEADT(2) : PG_INT32_MIN;
	int32		to = range ? PG_GETARG_DATEADT(3) : PG_INT32_MAX;
	int			vscale = summary_scale(v, "unit_value");
	int			qscale = summary_scale(q, "unit_value");
	ts_window_sums vw,
				qw;

	window_sums(v, from, to, &vw);
	window_sums(q, from, to, &qw);
	if (vw.count == 0 || qw.count == 0 || qw.total == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(trimmed(DatumGetNumeric(DirectFunctionCall2(numeric_div,
																  NumericGetDatum(mul(num(vw.total), pow10_numeric(qscale))),
																  NumericGetDatum(mul(num(qw.total), pow10_numeric(vscale)))))));
}

PG_FUNCTION_INFO_V1(unit_value_summaries);
Datum
unit_value_summaries(PG_FUNCTION_ARGS)
{
	return summary_unit_value(fcinfo, false);
}

PG_FUNCTION_INFO_V1(unit_value_summaries_range);
Datum
unit_value_summaries_range(PG_FUNCTION_ARGS)
{
	return summary_unit_value(fcinfo, true);
}

/*
 * price_growth(values, quantities [, as_of]): the growth of the unit value
 * over the same-period windows, P the as_of date or the latest period of
 * either summary, computed as price_growth's final function does.
 */
static Datum
summary_price_growth(FunctionCallInfo fcinfo, bool has_as_of)
{
	const ts_growth_state *v = ts_gs_read(PG_GETARG_DATUM(0));
	const ts_growth_state *q = ts_gs_read(PG_GETARG_DATUM(1));
	int32		p,
				pv,
				pq,
				p1;
	ts_window_sums vc,
				vp,
				qc,
				qp;
	Numeric		r;

	(void) summary_scale(v, "price_growth");
	(void) summary_scale(q, "price_growth");
	if (!(v->flags & TS_GS_PERIODS) || !(q->flags & TS_GS_PERIODS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("price_growth needs summaries by period"),
				 errhint("Make them with growth_summary(value, period) and growth_summary(quantity, period).")));
	if (has_as_of)
	{
		p = PG_GETARG_DATEADT(2);
		ts_check_as_of(p);
	}
	else
	{
		bool		hv = ts_gs_latest(v, &pv),
					hq = ts_gs_latest(q, &pq);

		if (!hv && !hq)
			PG_RETURN_NULL();
		p = !hv ? pq : !hq ? pv : Max(pv, pq);
	}
	p1 = ts_date_minus_years(p, 1);
	window_sums(v, ts_date_year_start(p), p, &vc);
	window_sums(q, ts_date_year_start(p), p, &qc);
	window_sums(v, ts_date_year_start(p1), p1, &vp);
	window_sums(q, ts_date_year_start(p1), p1, &qp);
	if (vp.count == 0 || qp.count == 0 ||
		(r = price_pct(vc.total, qc.total, vp.total, qp.total)) == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(r);
}

PG_FUNCTION_INFO_V1(price_growth_summaries);
Datum
price_growth_summaries(PG_FUNCTION_ARGS)
{
	return summary_price_growth(fcinfo, false);
}

PG_FUNCTION_INFO_V1(price_growth_summaries_as_of);
Datum
price_growth_summaries_as_of(PG_FUNCTION_ARGS)
{
	return summary_price_growth(fcinfo, true);
}
