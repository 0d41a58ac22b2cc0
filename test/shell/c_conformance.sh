#!/bin/sh
# Conformance of the C module (doc/schema.md, module symbols and advisory locks):
# 1. the installed credit_gz.so exports only Pg_magic_func, _PG_init and credit_gz_* symbols: the entry points that
#    the extension's SQL functions or a released install script name (and their pg_finfo_ records) carry the prefix too;
# 2. the C sources take no advisory lock of their own (the one registry is credit_gz.job_lock_key, in SQL);
# 3. the C sources read no date of their own: "today" is credit_gz_policy_day() (src/credit_gz.c, the policy clock);
# 4. every C file of the module is in the extension's text domain (src/textdomain.h, directly or through
#    credit_gz.h), so its messages are translated from the extension's catalogue (doc/messages.md).
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
db=credit_gz_c_conformance
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT

lib="${CREDIT_GZ_DESTDIR:-}$(pg_config --pkglibdir)/credit_gz.so"
[ -f "$lib" ] || { notok "installed library $lib exists"; exit 1; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION credit_gz'
# the symbols SQL names: prosrc of the extension's C-language functions
psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "
    SELECT DISTINCT p.prosrc FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
      JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz'
     WHERE p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'c')" | LC_ALL=C sort > "$tmp/entry"

nm -D --defined-only "$lib" | awk '{ print $3 }' | LC_ALL=C sort > "$tmp/exported"
if [ -s "$tmp/entry" ] && [ -s "$tmp/exported" ]; then
    ok "read $(wc -l < "$tmp/entry") entry points and $(wc -l < "$tmp/exported") exported symbols"
else
    notok "read the entry points and the exported symbols"
fi

stray=$(grep -v -e '^Pg_magic_func$' -e '^_PG_init$' -e '^credit_gz_' -e '^pg_finfo_credit_gz_' "$tmp/exported" \
        | tr '\n' ' ')
if [ -z "$stray" ]; then
    ok "every exported symbol is _PG_init, Pg_magic_func or prefixed credit_gz_ (entry points and their pg_finfo_ records included)"
else
    notok "exported symbols without the credit_gz_ prefix: $stray"
fi
# entry points a released install script names stay exported after the current SQL stops naming them
# (doc/upgrading.md; test/shell/upgrade.sh checks that they do)
cat "$(dirname "$0")"/../../release/credit_gz--*.sql 2>/dev/null | grep -o "'MODULE_PATHNAME', '[A-Za-z0-9_]*'" \
    | sed "s/.*, '\(.*\)'/\1/" | cat - "$tmp/entry" | LC_ALL=C sort -u > "$tmp/named"
unnamed=$(grep '^pg_finfo_' "$tmp/exported" | sed 's/^pg_finfo_//' | LC_ALL=C sort -u | LC_ALL=C comm -23 - "$tmp/named" | tr '\n' ' ')
if [ -z "$unnamed" ]; then
    ok "every exported entry point is one an SQL function or a released install script names"
else
    notok "entry points no SQL function names: $unnamed"
fi

missing=$(LC_ALL=C comm -23 "$tmp/entry" "$tmp/exported" | tr '\n' ' ')
if [ -z "$missing" ]; then
    ok "every entry point SQL names is exported"
else
    notok "entry points SQL names but the library does not export: $missing"
fi

# advisory locks in C: the lock manager's advisory tags, or SQL strings calling the advisory-lock functions
cd "$(dirname "$0")/../.."
hits=$(grep -n -E 'LOCKTAG_ADVISORY|SET_LOCKTAG_ADVISORY|pg_(try_)?advisory_|hashtext' src/*.c src/*.h src/core/*.c src/core/*.h \
       | grep -v 'job_lock_key' || true)
if [ -z "$hits" ]; then
    ok "the C sources take no advisory lock outside credit_gz.job_lock_key"
else
    notok "advisory locks in C outside the registry: $hits"
fi
# the policy clock: no session date (GetSQLCurrentDate, CURRENT_DATE in SQL strings), session time zone or literal
# zone outside src/credit_gz.c, which defines the clock and its default zone
hits=$(grep -n -i -E 'GetSQLCurrentDate|current_date|localtimestamp|session_timezone|at time zone|timestamptz2date|"(Asia|Europe|America|Pacific|Etc)/' \
       src/*.c src/*.h src/core/*.c src/core/*.h | grep -v '^src/credit_gz\.[ch]:' || true)
if [ -z "$hits" ]; then
    ok "the C sources take today from credit_gz_policy_day() only"
else
    notok "C code reading a date or time zone of its own: $hits"
fi
# the text domain: a file that misses it would look its messages up in the server's catalogue, and find none
hits=$(for f in src/*.c; do grep -q -E '^#include "(textdomain|credit_gz)\.h"' "$f" || echo "$f"; done | tr '\n' ' ')
if [ -z "$hits" ]; then
    ok "every C file of the module raises its messages in the extension's text domain"
else
    notok "C files outside the extension's text domain: $hits"
fi
exit $fail
