#!/bin/sh
# Bounded soak test: a mixed concurrent load for a fixed number of transactions over a shared pool of subjects —
# single records and multi-row batches, record updates and status changes, list entries added and lifted on subjects
# with a legal representative (so they propagate), repair submissions decided at once, pre-checks — with the expiry job
# running in its own client all along. Then:
#  - no deadlock (40P01), no serialization failure and no refusal outside the documented rule refusals (23505 a
#    second open repair application, CG611 a record not or no longer repairable), counted by SQLSTATE;
#  - verify_scores() is empty; grade_at(now) is the current grade for every (subject, model); repropagate() changes
#    nothing.
# SOAK_CLIENTS (8) × SOAK_TRANSACTIONS (500) transactions over SOAK_POOL (300) subjects; the figures go to the README.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
cd "$(dirname "$0")/../.."
db=credit_gz_soak
clients=${SOAK_CLIENTS:-8}
transactions=${SOAK_TRANSACTIONS:-500}
pool=${SOAK_POOL:-300}
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q -c "CREATE EXTENSION credit_gz"
q -v pool="$pool" -f test/shell/soak/setup.sql
for f in test/shell/soak/*.pgbench; do sed "s/:pool/$pool/" "$f" > "$tmp/$(basename "$f")"; done
start=$(date +%s)

# the expiry job in one client of its own, for as long as the load runs
pgbench -n -c 1 -t 1000000 -f "$tmp/expiry.pgbench" "$db" > "$tmp/expiry.out" 2>&1 &
expiry=$!
pgbench -n -c "$clients" -j 2 -t "$transactions" \
    -f "$tmp/record.pgbench@30" -f "$tmp/batch.pgbench@10" -f "$tmp/update.pgbench@15" -f "$tmp/list.pgbench@15" \
    -f "$tmp/repair.pgbench@10" -f "$tmp/precheck.pgbench@20" "$db" > "$tmp/load.out" 2>&1 || {
    cat "$tmp/load.out"; notok "pgbench ran the load"; }
kill "$expiry" 2>/dev/null || true
wait "$expiry" 2>/dev/null || true
secs=$(( $(date +%s) - start ))

done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$tmp/load.out")
failed_tx=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$tmp/load.out")
expiry_runs=$(q -c "SELECT runs FROM soak.expiry_runs")
echo "# $clients clients x $transactions transactions over $pool subjects in ${secs}s: ${done_tx:-?} processed, ${failed_tx:-0} failed; run_expiry ran ${expiry_runs:-?} times"
sed -n 's/^SQL script \([0-9]*\): .*\/\([a-z]*\)\.pgbench$/\1 \2/p' "$tmp/load.out" > "$tmp/scripts"
grep -E '^ - [0-9]+ transactions' "$tmp/load.out" | sed 's/^ - \([0-9]*\) transactions.*/\1/' > "$tmp/counts" || true
paste -d' ' "$tmp/scripts" "$tmp/counts" | while read -r n name count; do echo "#   $name: $count transactions"; done
[ "${done_tx:-0}" = $(( clients * transactions )) ] && ok "every transaction of the load ran" \
    || notok "every transaction of the load ran (${done_tx:-0} of $(( clients * transactions )))"

echo "# refusals by SQLSTATE:"
q -c "SELECT '#   ' || sqlstate || ' ' || op || ': ' || count(*) FROM soak.refusal GROUP BY sqlstate, op ORDER BY 1"
n=$(q -c "SELECT count(*) FROM soak.refusal WHERE sqlstate = '40P01'")
[ "$n" = 0 ] && ok "no deadlock (40P01)" || notok "no deadlock (40P01): $n"
n=$(q -c "SELECT count(*) FROM soak.refusal WHERE NOT (sqlstate IN ('23505', 'CG611') AND op = 'repair')")
if [ "$n" = 0 ]; then ok "no refusal outside the documented rule refusals (23505, CG611 of a repair)"
else
    notok "no refusal outside the documented rule refusals: $n"
    q -c "SELECT op, sqlstate, message, detail, context FROM soak.refusal
           WHERE NOT (sqlstate IN ('23505', 'CG611') AND op = 'repair') ORDER BY sqlstate DESC LIMIT 5"
fi
n=$(q -c "SELECT count(*) FROM credit_gz.record r JOIN soak.pool p USING (subject_id)")
echo "# $n records of pool subjects after the load"

n=$(q -c "SELECT count(*) FROM credit_gz.verify_scores()")
[ "$n" = 0 ] && ok "verify_scores() is empty" || notok "verify_scores() is empty ($n rows)"
n=$(q -c "SELECT count(*) FROM credit_gz.subject_score s
           WHERE credit_gz.grade_at(s.subject_id, s.model_code, pg_catalog.clock_timestamp())::text IS DISTINCT FROM s.grade::text")
pairs=$(q -c "SELECT count(*) FROM credit_gz.subject_score")
[ "$n" = 0 ] && ok "grade_at(now) is the current grade for all $pairs (subject, model) pairs" \
    || notok "grade_at(now) is the current grade for every (subject, model) pair ($n of $pairs differ)"
n=$(q -c "SELECT credit_gz.repropagate()")
[ "$n" = 0 ] && ok "repropagate() changes nothing" || notok "repropagate() changes nothing ($n changed)"
exit $fail
