# trade_stats: PGXS build.  make && make install && make installcheck
#
# The version is default_version in trade_stats.control.  META.json and
# CHANGELOG.md repeat it for PGXN and for readers; test/client/version.sh
# checks that they agree with it and that its install script exists.

EXTENSION = trade_stats
# The rules for the built scripts below come before PGXS's: without this,
# make alone would build only the first of them.
.DEFAULT_GOAL := all
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = trade_stats
CORE_OBJS = src/core.o src/currency.o src/decimal.o src/amount_parse.o src/amount_format.o \
	src/rate_math.o src/calendar.o src/growth_core.o src/growth_format.o src/growth_compat.o src/csv.o \
	src/pct_format.o src/parts_core.o src/quantity_core.o
OBJS = $(CORE_OBJS) src/support.o src/amount_io.o src/amount_ops.o src/amount_agg.o src/rate_cache.o src/convert.o src/rate_file.o \
	src/growth_state.o src/growth_agg.o src/window.o src/summary.o src/legacy.o src/pct_text.o src/summary_stash.o \
	src/concentration.o src/quantity.o src/module.o

# The install script of this version is built from the SQL sources by
# topic, sql/*.sql in the order of their numbers; the scripts of earlier versions and the upgrade
# steps are kept as released, in src/.
SQL_SOURCES = $(sort $(wildcard sql/*.sql))
# The upgrade step from 0.2 is built too: its hand-written part in src/,
# then the sources of sql/ whose objects are new or replaced in 0.3, as
# they are installed.
UPGRADE_0_3 = src/$(EXTENSION)--0.2--0.3.sql sql/25_load_rates.sql sql/27_rate_ddl.sql sql/35_pct_text.sql \
	sql/37_quantities.sql sql/38_concentration.sql sql/42_growth_calendar.sql sql/45_summary_conversion.sql \
	sql/upgrade/0.2--0.3.pre.sql sql/55_summary_maintenance.sql sql/upgrade/0.2--0.3.post.sql
DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--0.2--0.3.sql
DATA = $(filter-out src/$(EXTENSION)--0.2--0.3.sql,$(wildcard src/$(EXTENSION)--*.sql))

$(EXTENSION)--0.2--0.3.sql: $(UPGRADE_0_3)
	cat $(UPGRADE_0_3) > $@

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_SOURCES) $(EXTENSION).control
	{ printf '/* %s: install script of version %s, built by make from %s */\n\n' '$@' '$(EXTVERSION)' '$(SQL_SOURCES)'; \
	  printf '\\echo Use "CREATE EXTENSION $(EXTENSION)" to load this file. \\quit\n\n'; \
	  cat $(SQL_SOURCES); } > $@

# every test/sql/*.sql and test/specs/*.spec, in name order
REGRESS = $(sort $(notdir $(basename $(wildcard test/sql/*.sql))))
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION)
ISOLATION = $(sort $(notdir $(basename $(wildcard test/specs/*.spec))))
ISOLATION_OPTS = --inputdir=test --load-extension=$(EXTENSION)

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS does not track header dependencies: every object depends on them.
$(OBJS): src/ts_core.h src/ts_calendar.h src/ts_growth.h src/trade_stats.h src/rate_cache.h src/ts_parts.h src/ts_quantity.h

# The pure C core's unit tests (no PostgreSQL needed).
UNIT_CFLAGS = -std=gnu99 -O1 -g -Wall -Wextra -Isrc
test/unit/test_core: test/unit/test_core.c $(CORE_OBJS:.o=.c) src/ts_core.h src/ts_calendar.h src/ts_growth.h src/ts_parts.h src/ts_quantity.h
	$(CC) $(UNIT_CFLAGS) -o $@ test/unit/test_core.c $(CORE_OBJS:.o=.c)

unit: test/unit/test_core
	test/unit/test_core

# The PGXN release: the files of the commit checked out (git archive: the
# tracked files, test data included, as `pgxn check` runs the suites), under
# trade_stats-VERSION/, as trade_stats-VERSION.zip; VERSION is META.json's,
# the control file's default_version and ".0" (test/release.sh checks).
DISTVERSION = $(EXTVERSION).0
dist:
	git archive --format zip --prefix $(EXTENSION)-$(DISTVERSION)/ -o $(EXTENSION)-$(DISTVERSION).zip HEAD

# For the test runners.
print-regress:
	@echo $(REGRESS)
print-core:
	@echo $(CORE_OBJS:.o=.c)

.PHONY: unit print-regress print-core dist
