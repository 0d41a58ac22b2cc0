#!/bin/sh
# The credit_gz demo: create the extension in a throwaway cluster and show it at work on Guangzhou samples.
set -e
cd "$(dirname "$0")/../.."
createdb credit_gz_demo
export PGDATABASE=credit_gz_demo
for part in test/demo/[0-9]*.sql; do
    [ -f "$part" ] || continue
    psql -X -q -v ON_ERROR_STOP=1 -P pager=off -f "$part"
done
