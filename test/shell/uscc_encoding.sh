#!/bin/sh
# credit_gz.uscc with Chinese client encodings: a GB18030 client (common in departmental systems) sends full-width
# characters in its own encoding; the server converts them, and input folds them as in a UTF-8 session. Names come
# back in the client's encoding. Also a SQL_ASCII database, where no conversion happens at all.
# (CREATE EXTENSION needs a UTF8 or SQL_ASCII database: the script holds region names outside EUC_CN.)
set -eu
fail=0
check() {   # db, client encoding, name, expected (UTF-8), sql (UTF-8, converted to the client encoding)
    ic=$2; [ "$2" = SQL_ASCII ] && ic=UTF-8     # SQL_ASCII: bytes pass through unconverted
    sql=$(printf '%s' "$5" | iconv -f UTF-8 -t "$ic")
    got=$(PGCLIENTENCODING=$2 psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$sql" 2>&1 | iconv -f "$ic" -t UTF-8) || true
    if [ "$got" = "$4" ]; then echo "ok - $3"; else echo "not ok - $3: got '$got', want '$4'"; fail=1; fi
}
for db in credit_gz_enc_utf8 credit_gz_enc_ascii; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done
trap 'for db in credit_gz_enc_utf8 credit_gz_enc_ascii; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done' EXIT
createdb -E UTF8 -T template0 --locale=C.UTF-8 credit_gz_enc_utf8
createdb -E SQL_ASCII -T template0 --locale=C credit_gz_enc_ascii
for db in credit_gz_enc_utf8 credit_gz_enc_ascii; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION credit_gz"
done

for db in credit_gz_enc_utf8 credit_gz_enc_ascii; do
    case $db in *utf8) enc=GB18030 ;; *) enc=SQL_ASCII ;; esac
    check $db $enc "$db/$enc: full-width input, lower case, ideographic spaces" "91110000600037341L" \
          "SELECT '　９１１１００００６０００３７３４１ｌ　'::credit_gz.uscc"
    check $db $enc "$db/$enc: full-width '！' flags" "91350211M00013FA1N!" \
          "SELECT '９１３５０２１１Ｍ０００１３ＦＡ１Ｎ！'::credit_gz.uscc"
    check $db $enc "$db/$enc: authority and category names" "工商|个体工商户" \
          "SELECT credit_gz.uscc_authority_name(c), credit_gz.uscc_category_name(c) FROM (SELECT '92340603MA2PBQ16XJ'::credit_gz.uscc) s(c)"
    check $db $enc "$db/$enc: a Chinese character is one character position" \
          "Character 18 is not allowed: the code alphabet is the digits and the capital letters except I, O, S, V and Z." \
          "SELECT credit_gz.uscc_explain('91110000600037341中')"
done
exit $fail
