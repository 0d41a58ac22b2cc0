#!/bin/sh
# The message catalogue is complete (doc/messages.md): every msgid the template extracts from the C files and from
# the SQL's credit_gz.msg calls has a reviewed zh_CN translation (not missing, not empty, not fuzzy), and po/zh_CN.po
# holds no translation of a message that no longer exists. Builds the template as `make init-po` does; needs
# gettext and the PGXS build files, no server.
# installcheck: safe
set -eu
cd "$(dirname "$0")/../.."
MAKE=${MAKE:-make}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rm -f po/credit_gz.pot
$MAKE -s init-po >"$tmp/init-po" 2>&1 || { echo "not ok - make init-po"; cat "$tmp/init-po"; exit 1; }
pot=po/credit_gz.pot
n=$(msgattrib --no-wrap "$pot" | grep -c '^msgid ' || true)
# the header entry is the one msgid ""; a template of a handful of entries means the extraction failed
if [ "$n" -lt 300 ]; then
    echo "not ok - the template $pot has $n entries: the extraction from src/ did not run"; exit 1
fi
echo "ok - the template has $((n - 1)) messages"

if msgcmp po/zh_CN.po "$pot" >"$tmp/cmp" 2>&1; then
    echo "ok - every message of the template has a zh_CN translation"
else
    echo "not ok - messages without a zh_CN translation (po/zh_CN.po):"; sed 's/^/#   /' "$tmp/cmp"; fail=1
fi

msgattrib --only-fuzzy --no-wrap po/zh_CN.po >"$tmp/fuzzy"
if [ -s "$tmp/fuzzy" ]; then
    echo "not ok - fuzzy translations in po/zh_CN.po (review them and drop the fuzzy flag):"
    grep '^msgid ' "$tmp/fuzzy" | sed 's/^/#   /'; fail=1
else
    echo "ok - no fuzzy translation"
fi

# merged against the template, an entry the template lacks turns obsolete: a translation of a message that is gone
msgmerge -q --no-fuzzy-matching --no-wrap -o "$tmp/merged.po" po/zh_CN.po "$pot"
msgattrib --only-obsolete --no-wrap "$tmp/merged.po" >"$tmp/stale"
if [ -s "$tmp/stale" ]; then
    echo "not ok - po/zh_CN.po translates messages no source raises any more:"
    grep '^#~ msgid ' "$tmp/stale" | sed 's/^/#   /'; fail=1
else
    echo "ok - no stale translation"
fi
exit $fail
