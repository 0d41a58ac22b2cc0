#!/bin/sh
# The upgrade test. For every released version V (release/credit_gz--V.sql, frozen by scripts/freeze-release):
#  - every C function the frozen script names is still exported by the module built now (CREATE EXTENSION ... VERSION
#    'V' runs that script against the current library);
#  - a database created at V and filled by the frozen generator test/upgrade/V/ (a copy of the demo's, at
#    UPGRADE_SCALE, default 0.02 of the demo), then ALTER EXTENSION credit_gz UPDATE, has the objects of a fresh
#    install of the current version (test/upgrade/catalogue.sql: every class of object, column order aside), every
#    row it had (row counts of every extension table; test/upgrade/V/row_changes, if any, names a table whose count
#    an upgrade changes, by how much and why), records ended at V carry their end-state days, and verify_scores()
#    returns nothing;
#  - a database created at V and updated with no data of its own holds exactly the rows a fresh install ships
#    (test/upgrade/data.sql), and the same objects.
# The test runs whether or not the current version differs from V (then the upgrade script changes nothing).
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
scale=${UPGRADE_SCALE:-0.02}
fresh=credit_gz_upgrade_fresh
filled=credit_gz_upgrade_filled
empty=credit_gz_upgrade_empty
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
q() { db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
drop_all() {
    for db in "$fresh" "$filled" "$empty"; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done
    # the generator's roles (cluster-wide); their privileges went with the dropped database
    psql -X -q -d postgres >/dev/null 2>&1 <<'SQL' || true
DO $$
DECLARE r name;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE 'upgrade\_gen\_%' LOOP
        EXECUTE format('DROP ROLE %I', r);
    END LOOP;
END $$;
SQL
}
drop_all
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'drop_all; rm -rf "$tmp"' EXIT
start=$(date +%s)

current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" credit_gz.control)
releases=$(ls release/credit_gz--*.sql 2>/dev/null | sed 's/^release\/credit_gz--\(.*\)\.sql$/\1/' || true)
if [ -z "$releases" ]; then
    notok "a released version to upgrade from (release/credit_gz--*.sql)"
    exit 1
fi

# The library the server loads: the private install of make devcheck, or the system's.
so=${CREDIT_GZ_DESTDIR:-}$(pg_config --pkglibdir)/credit_gz.so
[ -f "$so" ] || so=$root/credit_gz.so
nm -D --defined-only "$so" | awk '{print $NF}' | sort -u > "$tmp/exported"

createdb "$fresh"
q "$fresh" -c "CREATE EXTENSION credit_gz"
got=$(q "$fresh" -c "SELECT extversion FROM pg_extension WHERE extname = 'credit_gz'")
[ "$got" = "$current" ] && ok "a fresh install is version $current" || notok "a fresh install is version $current (got $got)"
q "$fresh" -f test/upgrade/catalogue.sql > "$tmp/fresh.cat"
q "$fresh" -f test/upgrade/data.sql > "$tmp/fresh.data"

# Row counts of every table of the extension, one "table count" a line.
counts() {
    q "$1" -c "SELECT credit_gz.flush_query_log()" >/dev/null
    q "$1" <<'SQL'
SELECT c.oid::regclass::text || ' ' ||
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz'
  JOIN pg_class c ON c.oid = d.objid AND c.relkind IN ('r', 'p')
 WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
 ORDER BY 1;
SQL
}

for v in $releases; do
    [ "$v" != "$current" ] || continue
    echo "# upgrade from $v to $current"

    # 1. The frozen script's C functions: each symbol and its pg_finfo_ record still exported.
    grep -o "'MODULE_PATHNAME', '[A-Za-z0-9_]*'" "release/credit_gz--$v.sql" | sed "s/.*, '\(.*\)'/\1/" | sort -u > "$tmp/named"
    missing=$(sed 's/.*/&\npg_finfo_&/' "$tmp/named" | sort -u | comm -23 - "$tmp/exported" | tr '\n' ' ')
    if [ -z "$missing" ]; then
        ok "$v: the $(wc -l < "$tmp/named") C functions release/credit_gz--$v.sql names are exported by $(basename "$so")"
    else
        notok "$v: release/credit_gz--$v.sql names C symbols the current module does not export: $missing"
        echo "# a released script runs against the current library: keep these entry points (doc/upgrading.md)"
    fi

    # 2. Install V from its frozen script (once: the filled database is a copy of the empty one), fill it with V's
    #    generator, update.
    createdb "$empty"
    if ! q "$empty" -c "CREATE EXTENSION credit_gz VERSION '$v'" 2> "$tmp/create.err"; then
        notok "$v: CREATE EXTENSION credit_gz VERSION '$v' with the current library"; sed 's/^/# /' "$tmp/create.err"
        dropdb "$empty"; continue
    fi
    ok "$v: CREATE EXTENSION credit_gz VERSION '$v' with the current library"
    createdb -T "$empty" "$filled"
    gen_ok=1
    t0=$(date +%s)
    for part in "test/upgrade/$v"/[0-9]*.sql; do
        if ! psql -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -d "$filled" -f "$part" > "$tmp/gen.out" 2>&1; then
            gen_ok=0; notok "$v: frozen generator $part"; tail -20 "$tmp/gen.out" | sed 's/^/# /'; break
        fi
    done
    [ "$gen_ok" = 1 ] && ok "$v: filled by the frozen generator test/upgrade/$v/ at scale $scale ($(( $(date +%s) - t0 )) s)"
    counts "$filled" > "$tmp/before.counts"
    echo "# $(awk '{n += $2} END {print n}' "$tmp/before.counts") rows in $(awk '$2 > 0' "$tmp/before.counts" | wc -l) of $(wc -l < "$tmp/before.counts") tables$(awk '$2 == 0 {printf "%s %s", (n++ ? "," : "; empty:"), $1}' "$tmp/before.counts")"
    t0=$(date +%s)
    if q "$filled" -c "ALTER EXTENSION credit_gz UPDATE" 2> "$tmp/update.err"; then
        ok "$v: ALTER EXTENSION credit_gz UPDATE on a filled database ($(( $(date +%s) - t0 )) s)"
    else
        notok "$v: ALTER EXTENSION credit_gz UPDATE on a filled database"; sed 's/^/# /' "$tmp/update.err"
    fi
    got=$(q "$filled" -c "SELECT extversion FROM pg_extension WHERE extname = 'credit_gz'")
    [ "$got" = "$current" ] && ok "$v: updated to $current" || notok "$v: updated to $current (got $got)"

    # (a) the objects of a fresh install
    q "$filled" -v ignore_roles='upgrade\_gen\_%' -f test/upgrade/catalogue.sql > "$tmp/filled.cat"
    if diff -u -F '^[^ ]' --label "fresh install of $current" --label "$v filled, updated" \
            "$tmp/fresh.cat" "$tmp/filled.cat" > "$tmp/cat.diff"; then
        ok "$v: filled and updated, the objects equal a fresh install's ($(grep -c '^[^ ]' "$tmp/fresh.cat") objects and parts)"
    else
        notok "$v: filled and updated, the objects equal a fresh install's (- fresh, + upgraded):"
        cat "$tmp/cat.diff"
    fi
    # (b) every row still there
    counts "$filled" > "$tmp/after.counts"
    changes=test/upgrade/$v/row_changes
    [ -f "$changes" ] || changes=/dev/null
    if awk 'FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF >= 2) delta[$1] = $2; next }
            FILENAME == ARGV[2] { before[$1] = $2; seen[$1] = 1; next }
            { after[$1] = $2; seen[$1] = 1 }
            END { bad = 0
                  for (t in seen) { want = before[t] + delta[t]
                      if (!(t in after)) { printf "# %s: %d rows before the update, table gone\n", t, before[t]; bad = 1 }
                      else if (after[t] != want) { printf "# %s: %d rows before, %d after, %d expected\n", t, before[t], after[t], want; bad = 1 } }
                  exit bad }' "$changes" "$tmp/before.counts" "$tmp/after.counts" > "$tmp/rows.diff"; then
        ok "$v: every row is still there ($(wc -l < "$tmp/after.counts") tables counted)"
    else
        notok "$v: every row is still there"; sort "$tmp/rows.diff"
    fi
    # (c) records that ended under V have their end-state days (终止公示, 停止共享和使用), as the trigger gives them now
    ended=$(q "$filled" -c "SELECT count(*) FILTER (WHERE publicity_ended_on IS NULL) || ' ' || count(*)
                            FROM credit_gz.record WHERE status IN ('repaired', 'expired')")
    case "$ended" in
        "0 0") notok "$v: the generator leaves repaired or expired records, whose end-state days the update fills" ;;
        "0 "*) ok "$v: every repaired or expired record has its 终止公示 day after the update (${ended#0 } records)" ;;
        *) notok "$v: every repaired or expired record has its 终止公示 day after the update (missing, of all: $ended)" ;;
    esac
    # (d) the maintained scores equal a fresh computation
    q "$filled" -c "SELECT * FROM credit_gz.verify_scores() LIMIT 20" > "$tmp/verify.out" 2>&1 || true
    if [ ! -s "$tmp/verify.out" ]; then ok "$v: verify_scores() is empty after the update"
    else notok "$v: verify_scores() is empty after the update"; sed 's/^/# /' "$tmp/verify.out"; fi
    dropdb "$filled"

    # 3. V updated with no data: the shipped rows and the objects of a fresh install.
    q "$empty" -c "ALTER EXTENSION credit_gz UPDATE"
    q "$empty" -f test/upgrade/catalogue.sql > "$tmp/empty.cat"
    if diff -u -F '^[^ ]' --label "fresh install of $current" --label "$v updated" \
            "$tmp/fresh.cat" "$tmp/empty.cat" > "$tmp/cat.diff"; then
        ok "$v: updated without data, the objects equal a fresh install's"
    else
        notok "$v: updated without data, the objects equal a fresh install's (- fresh, + upgraded):"; cat "$tmp/cat.diff"
    fi
    q "$empty" -f test/upgrade/data.sql > "$tmp/empty.data"
    if diff -u --label "fresh install of $current" --label "$v updated" "$tmp/fresh.data" "$tmp/empty.data" > "$tmp/data.diff"; then
        ok "$v: updated without data, the shipped rows equal a fresh install's ($(wc -l < "$tmp/fresh.data") rows and sequences)"
    else
        notok "$v: updated without data, the shipped rows equal a fresh install's (- fresh, + upgraded):"
        head -200 "$tmp/data.diff"
    fi
    dropdb "$empty"
done
echo "# upgrade test: $(( $(date +%s) - start )) s"
exit $fail
