#!/bin/sh
# TAP tests with clusters of their own (test/t/*.pl: a primary and a streaming standby, PostgreSQL::Test::Cluster as
# shipped with PGXS), run by prove. They make their clusters with initdb, so as root they run as postgres. Loads
# credit_gz from the system install, or from CREDIT_GZ_DESTDIR (make devcheck) through extension_destdir.
set -u
cd "$(dirname "$0")/../.."
pgxs_src="$(dirname "$(dirname "$(pg_config --pgxs)")")"
perl_lib="$pgxs_src/test/perl"
bindir=$(pg_config --bindir)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run=""
if [ "$(id -u)" = 0 ]; then
    chown postgres "$tmp"
    run="runuser -u postgres --"
fi
status=0
for t in test/t/*.pl; do
    if $run env TESTDIR="$tmp" PG_REGRESS="$pgxs_src/test/regress/pg_regress" PATH="$bindir:$PATH" CREDIT_GZ_DESTDIR="${CREDIT_GZ_DESTDIR:-}" \
        prove -v -I "$perl_lib" "$t" > "$tmp/prove.out" 2>&1; then
        grep -E '^(not )?ok ' "$tmp/prove.out"
        echo "ok - TAP $t"
    else
        cat "$tmp/prove.out"
        for f in "$tmp"/tmp_check/log/*; do [ -f "$f" ] && { echo "---- $f"; tail -n 40 "$f"; }; done
        echo "not ok - TAP $t"
        status=1
    fi
done
exit $status
