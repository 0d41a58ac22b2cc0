# Sourced by the dump/restore shell tests after they set src and dst (the source and destination databases):
# a private temporary directory, both databases dropped on exit, TAP-style ok/notok with the failure flag, q (psql
# on one database, stopping at the first error), and a fresh source database. Not a test of its own (run-suite
# runs test/shell/*.sh only).
tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
    rm -rf "$tmp"
    dropdb --if-exists "$src" >/dev/null 2>&1 || true
    dropdb --if-exists "$dst" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
q() { db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$src" >/dev/null 2>&1 || true
dropdb --if-exists "$dst" >/dev/null 2>&1 || true
createdb "$src"
