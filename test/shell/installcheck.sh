#!/bin/sh
# make installcheck as a DBA runs it: from a clean copy of the tree (the files of the repository, no build products)
# against the running server (this suite's cluster), with the extension installed. It must pass and leave no
# database and no role behind.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
cd "$(dirname "$0")/../.."
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
q() { psql -X -q -At -d postgres -c "$1"; }
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$tree"
else
    tar --exclude=./tmp_install --exclude='*.o' --exclude='*.so' -cf - . | tar -xf - -C "$tree"
fi
before=$(q "SELECT string_agg(datname, ' ' ORDER BY datname) FROM pg_database")
roles_before=$(q "SELECT string_agg(rolname, ' ' ORDER BY rolname) FROM pg_roles")
{ (cd "$tree" && make -s installcheck); echo $? > "$tree/installcheck.rc"; } 2>&1 | sed 's/^/    /'
[ "$(cat "$tree/installcheck.rc")" = 0 ] && ok "make installcheck passes from a clean tree" \
    || notok "make installcheck passes from a clean tree"
[ "$(q "SELECT string_agg(datname, ' ' ORDER BY datname) FROM pg_database")" = "$before" ] \
    && ok "no database left behind" || notok "no database left behind"
[ "$(q "SELECT string_agg(rolname, ' ' ORDER BY rolname) FROM pg_roles")" = "$roles_before" ] \
    && ok "no role left behind" || notok "no role left behind"
exit $fail
