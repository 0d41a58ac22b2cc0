# credit_gz — PGXS build.
#
#   make demo     throwaway cluster, synthetic Guangzhou, the main job end to end
#   make test     every test (pg_regress, isolation, pgTAP, C unit tests, pg_cron job, upgrade) in a throwaway cluster
#   make bench    side-by-side benchmark ratios
#   make fuzz     libFuzzer targets over the plain-C parsers (clang)
#   make installcheck   every test that can run against your own server (pg_regress, isolation, pgTAP), leaving
#                       nothing behind; what it cannot run there it names and skips
#
# `make test` and `make demo` install missing Debian packages first (scripts/install-deps).

EXTENSION  = credit_gz
# The version being built. Released versions are frozen in release/ (scripts/freeze-release) and never change; the
# install script of EXTVERSION is assembled from src/*.sql, and upgrade/ holds the scripts from each release to it.
EXTVERSION = 1.1
MODULE_big = credit_gz

PG_CONFIG ?= pg_config

# One concern per file; src/core/ is plain C without PostgreSQL headers.
CORE_SRCS = $(sort $(wildcard src/core/*.c))
GLUE_SRCS = $(sort $(wildcard src/*.c))
OBJS      = $(GLUE_SRCS:.c=.o) $(CORE_SRCS:.c=.o)

# The install script is assembled from the SQL next to the C it declares, in dependency order: a part uses only
# what the parts before it define (the query log and the role grants it names the reader's department from come
# before pre-check, which writes it; repair and objections follow the calendar, deadlines and the green channel).
SQL_ORDER = credit_gz run_log region uscc resident_id credit_grade archive quality lists scoring role_grant query_log precheck standby \
            working_days deadline_rule green_channel sync_outbox repair objection expiry restructuring disclosure end_state \
            government_dishonesty repair_notice monitoring intake intake_licence list_intake platform_export dependents special_report
SQL_PARTS = $(addprefix src/,$(addsuffix .sql,$(SQL_ORDER)))
GENERATED_SQL = src/region_data.sql src/domain_data.sql
# Every part is in SQL_ORDER and every name in SQL_ORDER is a part: a forgotten file would silently leave its
# objects out of the install script, a misspelt name would leave a file out.
SQL_UNLISTED = $(filter-out $(SQL_PARTS) $(GENERATED_SQL),$(wildcard src/*.sql))
SQL_MISSING  = $(filter-out $(wildcard src/*.sql),$(SQL_PARTS))
ifneq ($(strip $(SQL_UNLISTED)),)
$(error src/*.sql parts not in SQL_ORDER: $(SQL_UNLISTED))
endif
ifneq ($(strip $(SQL_MISSING)),)
$(error SQL_ORDER names parts that do not exist: $(SQL_MISSING))
endif

DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA       = $(wildcard release/$(EXTENSION)--*.sql) $(wildcard upgrade/$(EXTENSION)--*--*.sql)
EXTRA_CLEAN = $(GENERATED_SQL) $(EXPORTS) test/unit/*_test test/fuzz/*_fuzz output_iso po/sql-msgids.c

# pg_regress: one file per feature; isolation tester specs for races.
REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=$(EXTENSION)
ISOLATION      = $(sort $(basename $(notdir $(wildcard test/isolation/specs/*.spec))))
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=output_iso --load-extension=$(EXTENSION)

# The module's gettext catalogue (text domain credit_gz-<major>, src/textdomain.h; CATALOG_NAME in nls.mk): errmsg and
# the other ereport texts of every C file are looked up in it (src/messages.c). libpq, from the backend (as dblink and
# postgres_fdw use it): a hot standby's query-log worker forwards its queue to the primary (src/log_forward.c).
PG_CPPFLAGS = -DCREDIT_GZ_CATALOG='"$(EXTENSION)"' -I$(shell $(PG_CONFIG) --includedir)
SHLIB_LINK += -L$(shell $(PG_CONFIG) --libdir) -lpq

PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wno-cast-function-type -Isrc -Isrc/core

# TAP tests (PostgreSQL::Test::Cluster from PGXS) with a primary and a streaming standby, in test/t/; the suite runs
# them (test/shell/tap.sh) against the system install (make test) or the private one (make devcheck).
TAP_TESTS = 1
PROVE_TESTS = test/t/*.pl

# make installcheck is ours (scripts/installcheck): pg_regress and isolation, then pgTAP, in databases of their own
# that are dropped afterwards.
NO_INSTALLCHECK = 1

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# (after PGXS, which sets its defaults)
CONTRIB_TESTDB   = credit_gz_regress
ISOLATION_TESTDB = credit_gz_isolation

# The catalogue template names this project (nls-global.mk's defaults name PostgreSQL; the last option given wins).
XGETTEXT := $(XGETTEXT) --copyright-holder='the credit_gz authors' --msgid-bugs-address='' \
            --package-name='$(EXTENSION)' --package-version='$(EXTVERSION)'

.PHONY: installcheck installcheck-regress
installcheck:
	MAKE="$(MAKE)" sh scripts/installcheck

installcheck-regress:
	$(pg_regress_installcheck) $(REGRESS_OPTS) $(REGRESS)
	$(pg_isolation_regress_installcheck) $(ISOLATION_OPTS) $(ISOLATION)

# The module exports only what the server looks up by name: the magic block, _PG_init and credit_gz_* — the entry
# points SQL names (PG_FUNCTION_INFO_V1(credit_gz_...), with their pg_finfo_ records), the background worker, GUC
# variables. Every other symbol stays local, so a helper such as uscc_parse cannot collide with another library
# loaded into the same backend, and an entry point without the prefix is not found by CREATE FUNCTION.
EXPORTS = credit_gz.exports
SHLIB_LINK += -Wl,--version-script=$(EXPORTS)
$(shlib): $(EXPORTS)
$(EXPORTS): Makefile
	printf '{\n  global:\n    Pg_magic_func; _PG_init; credit_gz_*; pg_finfo_credit_gz_*;\n  local: *;\n};\n' > $@

# The msgids of the messages SQL raises through credit_gz.msg, for xgettext (nls.mk: make init-po, make update-po).
po/sql-msgids.c: $(SQL_PARTS) $(GLUE_SRCS) scripts/sql-msgids
	perl scripts/sql-msgids $(SQL_PARTS) $(GLUE_SRCS) > $@

# Region catalogue (GB/T 2260) turned into INSERTs at build time; the .dat file ships with the project.
src/region_data.sql: src/data/gbt2260-regions.dat scripts/gen-region-sql.awk
	LC_ALL=C.UTF-8 awk -f scripts/gen-region-sql.awk $< > $@

# Supervision domains of the policy's annex 1 (src/data/domains.csv) turned into INSERTs at build time.
src/domain_data.sql: src/data/domains.csv scripts/gen-domain-sql.awk
	LC_ALL=C.UTF-8 awk -f scripts/gen-domain-sql.awk $< > $@

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) $(GENERATED_SQL) scripts/assemble-sql
	sh scripts/assemble-sql $(SQL_PARTS) > $@

# CREATE EXTENSION without VERSION installs the control file's default_version: it is the version being built.
ifneq ($(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control),$(EXTVERSION))
$(error default_version in $(EXTENSION).control is not EXTVERSION $(EXTVERSION))
endif

# A released version's script is the frozen one in release/; building it again from src/ would install a second,
# different script under the same name. After freezing EXTVERSION, raise it (and start its upgrade script).
ifneq ($(wildcard release/$(EXTENSION)--$(EXTVERSION).sql),)
$(error $(EXTENSION) $(EXTVERSION) is released (release/$(EXTENSION)--$(EXTVERSION).sql): raise EXTVERSION in the Makefile and default_version in $(EXTENSION).control)
endif

.PHONY: deps test-deps fuzz-deps demo devdemo test devcheck bench devbench fuzz unit

deps:
	sh scripts/install-deps

# the suite also opens the monitoring bulletin in headless Chromium (test/shell/bulletin_browser.sh), with a CJK font for its screenshot;
# the TAP tests (test/t/*.pl: a primary and a streaming standby) need IPC::Run for PostgreSQL::Test::Cluster; the
# messages tests (sql/messages.sql, test/pgtap/messages.sql) set lc_messages to zh_CN.UTF-8, a generated locale
test-deps:
	sh scripts/install-deps chromium fonts-wqy-zenhei libipc-run-perl locales
	sh scripts/install-locale zh_CN.UTF-8

# C unit tests of src/core (no server needed).
UNIT_TESTS = $(patsubst %.c,%,$(wildcard test/unit/*_test.c))
test/unit/%_test: test/unit/%_test.c $(CORE_SRCS) test/unit/unit.h
	$(CC) -std=gnu99 -O1 -g -Wall -Wextra -Werror -Isrc/core -o $@ $< $(CORE_SRCS)

unit: $(UNIT_TESTS)
	sh scripts/run-unit $(UNIT_TESTS)

# Everything, in a throwaway cluster, with the extension installed system-wide as a user would.
test: test-deps
	$(MAKE) all
	sh scripts/as-root $(MAKE) install
	$(MAKE) unit
	sh scripts/run-suite

# The same suite against a private install (./tmp_install, loaded through Debian's extension_destdir),
# so several work trees can test at once without touching the system's extension directory.
devcheck: all
	$(MAKE) install DESTDIR=$(CURDIR)/tmp_install
	$(MAKE) unit
	CREDIT_GZ_DESTDIR=$(CURDIR)/tmp_install sh scripts/run-suite

demo: deps
	$(MAKE) all
	sh scripts/as-root $(MAKE) install
	sh scripts/run-demo

bench: deps
	$(MAKE) all
	sh scripts/as-root $(MAKE) install
	sh scripts/run-bench

# libFuzzer: every parser in src/core gets a target (test/fuzz/*_fuzz.c). FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS = $(patsubst %.c,%,$(wildcard test/fuzz/*_fuzz.c))
test/fuzz/%_fuzz: test/fuzz/%_fuzz.c $(CORE_SRCS)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core -o $@ $< $(CORE_SRCS)

fuzz: fuzz-deps $(FUZZ_TARGETS)
	for t in $(FUZZ_TARGETS); do mkdir -p $$t-corpus && ./$$t -max_total_time=$(FUZZ_SECONDS) $$t-corpus || exit 1; done

# Private-install variants of demo and bench (see devcheck).
devdemo: all
	$(MAKE) install DESTDIR=$(CURDIR)/tmp_install
	CREDIT_GZ_DESTDIR=$(CURDIR)/tmp_install sh scripts/run-demo

devbench: all
	$(MAKE) install DESTDIR=$(CURDIR)/tmp_install
	CREDIT_GZ_DESTDIR=$(CURDIR)/tmp_install sh scripts/run-bench

fuzz-deps:
	sh scripts/install-deps clang libclang-rt-14-dev
