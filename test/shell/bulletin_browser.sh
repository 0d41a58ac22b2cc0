#!/bin/sh
# The monitoring bulletin of the demo data (its archive and lists) opened in headless Chromium (Debian's chromium
# package): it loads with no console message (the page has no script and fetches nothing), a screenshot is taken,
# and every section and the SVG charts are in the rendered DOM. Chromium is installed through scripts/install-deps
# when it is missing and this runs as root; skipped, saying so, only when it cannot be installed.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
cd "$(dirname "$0")/../.."
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    sh scripts/install-deps chromium fonts-wqy-zenhei >/dev/null 2>&1 || true
fi
if ! command -v chromium >/dev/null 2>&1; then
    echo "ok - # SKIP chromium is not installed and cannot be installed here (needs root and apt: scripts/install-deps chromium)"
    exit 0
fi
db=credit_gz_bulletin_$$
tmp=$(mktemp -d)
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
createdb "$db"
for part in 00_install 01_generator 02_identity 03_archive 40_lists; do
    PGDATABASE=$db psql -X -q -v ON_ERROR_STOP=1 -P pager=off -f "test/demo/$part.sql" >/dev/null 2>"$tmp/load.err" \
        || { notok "demo part $part loads"; tail -5 "$tmp/load.err"; exit 1; }
done
PGDATABASE=$db psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT credit_gz.take_snapshots()" >/dev/null 2>&1
PGDATABASE=$db psql -X -q -At -v ON_ERROR_STOP=1 \
    -c "SELECT credit_gz.monitoring_bulletin((credit_gz.policy_date() - interval '1 month')::date, 'quarter')" \
    > "$tmp/bulletin.html"
ok "bulletin of the demo data written ($(wc -c < "$tmp/bulletin.html") bytes)"
if grep -Eio '<script|(src|href)="?[a-z]+://' "$tmp/bulletin.html" | grep -q .; then
    notok "the bulletin has no script and no link to the network"
else
    ok "the bulletin has no script and no link to the network"
fi
# --user-data-dir of our own: no profile of the machine's is read or written
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
    --window-size=1200,2400 --screenshot="$tmp/bulletin.png" "file://$tmp/bulletin.html" \
    > "$tmp/shot.out" 2> "$tmp/shot.err" || true
if [ -s "$tmp/bulletin.png" ]; then ok "screenshot taken ($(wc -c < "$tmp/bulletin.png") bytes)"; else notok "screenshot taken"; cat "$tmp/shot.err" | tail -5; fi
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
    --dump-dom "file://$tmp/bulletin.html" > "$tmp/dom.html" 2> "$tmp/dom.err" || true
if grep -h 'CONSOLE' "$tmp/shot.err" "$tmp/dom.err" >/dev/null; then
    notok "no console messages"; grep -h 'CONSOLE' "$tmp/shot.err" "$tmp/dom.err" | head -5
else
    ok "no console messages"
fi
for id in collection code_quality double_publicity graded_supervision lists_repairs changes shortfalls; do
    if grep -q "<section id=\"$id\">" "$tmp/dom.html"; then ok "section $id rendered"; else notok "section $id rendered"; fi
done
n=$(grep -o '<svg' "$tmp/dom.html" | wc -l)
if [ "$n" -ge 2 ]; then ok "charts drawn in SVG ($n)"; else notok "charts drawn in SVG ($n)"; fi
# the figure of the collection section is the view's
want=$(PGDATABASE=$db psql -X -At -c "SELECT coalesce(sum(records), 0) FROM credit_gz.monitor_collection
    WHERE dimension = 'city' AND period_start >= date_trunc('quarter', credit_gz.policy_date() - interval '1 month')
      AND period_start < date_trunc('quarter', credit_gz.policy_date() - interval '1 month') + interval '3 months'")
if grep -q "本期归集 records: $want;" "$tmp/dom.html"; then ok "collection figure equals monitor_collection ($want)"; else notok "collection figure equals monitor_collection ($want)"; fi
exit $fail
