#!/bin/sh
# Identity types survive pg_dump / pg_restore (custom and plain formats) and a binary \copy round trip,
# flagged weak values (wrong check character, printed with '!') included, restored in strict mode.
# Binary input (recv) accepts and rejects exactly what text input does.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
src=credit_gz_dump_src
dst=credit_gz_dump_dst
. "$(dirname "$0")/lib/dump_db.sh"

q "$src" <<'SQL'
CREATE EXTENSION credit_gz;
CREATE TABLE ids (
    id    int PRIMARY KEY,
    code  credit_gz.uscc,
    rid   credit_gz.resident_id,
    grade credit_gz.credit_grade
);
CREATE UNIQUE INDEX ids_code ON ids (code);
CREATE INDEX ids_rid ON ids USING hash (rid);
INSERT INTO ids VALUES
    (1, '91110000600037341L', '360426199101010071', 'A'), (2, '91620105L015101280', '44011320141005001x', 'b'),
    (3, '121200004013590816', '110102199101010078', 'M'),
    (4, '91350211M00013FA1N!', '360426910101007', 'C'),   -- flagged through '!' in strict mode; legacy 15-digit id
    (5, NULL, NULL, NULL), (6, 'N1440106MA59C3PQXE', NULL, 'D'), (7, 'Y1440106MA59C3PQX6', NULL, NULL),
    (8, 'A1440106MA59C3PQXT', NULL, 'A');
SET credit_gz.uscc_weak = on;
INSERT INTO ids VALUES (9, '91110000600037342N', NULL, 'B'), (10, '91440106MA59C3PQX0', NULL, 'M');   -- flagged in weak mode
INSERT INTO ids
SELECT 100 + i, credit_gz.uscc_correct(('91' || lpad((440100 + i)::text, 6, '0') || 'MA59C3' ||
                                         lpad(i::text, 2, '0') || '00!')::credit_gz.uscc),
       NULL, (ARRAY['A','B','M','C','D'])[1 + i % 5]::credit_gz.credit_grade
  FROM generate_series(1, 99) AS i;
-- a locally added region: dumped (the shipped rows are recreated by CREATE EXTENSION instead)
INSERT INTO credit_gz.region (code, name, level, valid_from_year) VALUES ('440199', '测试区', 'county', 2030);
SQL
snapshot() {
    q "$1" -c "SELECT id, code, credit_gz.uscc_is_verified(code), credit_gz.uscc_hash(code), rid, grade
                 FROM ids ORDER BY code, id" \
           -c "SELECT count(*), count(*) FILTER (WHERE NOT shipped) FROM credit_gz.region" \
           -c "SELECT region_id, code, name FROM credit_gz.region WHERE NOT shipped ORDER BY region_id" \
           -c "SELECT last_value FROM credit_gz.region_region_id_seq" \
           -c "SELECT count(*) FROM credit_gz.region_succession" \
           -c "SELECT credit_gz.min(grade), credit_gz.max(grade), count(DISTINCT rid) FROM ids"
}
snapshot "$src" > "$tmp/src.txt"
flagged=$(q "$src" -c "SELECT count(*) FROM ids WHERE NOT credit_gz.uscc_is_verified(code)")
[ "$flagged" -eq 3 ] && ok "source holds 3 flagged values" || notok "source holds 3 flagged values (got $flagged)"

# custom format, restored with weak mode off (the default): the '!' carries the flag
pg_dump -Fc -d "$src" -f "$tmp/dump.custom"
createdb "$dst"
if pg_restore --exit-on-error -d "$dst" "$tmp/dump.custom"; then ok "pg_restore (custom format)"; else notok "pg_restore (custom format)"; fi
snapshot "$dst" > "$tmp/dst.txt"
if cmp -s "$tmp/src.txt" "$tmp/dst.txt"; then ok "restored rows, flags, order and hashes identical"; else
    notok "restored rows identical"; diff "$tmp/src.txt" "$tmp/dst.txt" | head -20; fi
# the key sequence was restored with the rows: a new local region does not collide with the restored one
if q "$dst" -c "INSERT INTO credit_gz.region (code, name, level) VALUES ('440198', '测试新区', 'county')"; then
    ok "a region added after restore gets a fresh key"; else notok "a region added after restore gets a fresh key"; fi
dropdb "$dst"

# plain format through psql
pg_dump -Fp -d "$src" -f "$tmp/dump.sql"
createdb "$dst"
if q "$dst" -f "$tmp/dump.sql" >/dev/null; then ok "plain dump replays"; else notok "plain dump replays"; fi
snapshot "$dst" > "$tmp/dst.txt"
if cmp -s "$tmp/src.txt" "$tmp/dst.txt"; then ok "plain restore identical"; else
    notok "plain restore identical"; diff "$tmp/src.txt" "$tmp/dst.txt" | head -20; fi

# binary \copy round trip into the new database
q "$src" -c "\\copy ids TO '$tmp/ids.bin' (FORMAT binary)"
q "$dst" -c "TRUNCATE ids"
if q "$dst" -c "\\copy ids FROM '$tmp/ids.bin' (FORMAT binary)"; then ok "binary copy in"; else notok "binary copy in"; fi
snapshot "$dst" > "$tmp/dst.txt"
if cmp -s "$tmp/src.txt" "$tmp/dst.txt"; then ok "binary round trip identical"; else
    notok "binary round trip identical"; diff "$tmp/src.txt" "$tmp/dst.txt" | head -20; fi

# binary recv validates exactly as text input: a text column's binary form fed into a uscc column
q "$dst" -c "CREATE TABLE samples (t text); CREATE TABLE target (code credit_gz.uscc)"
for v in '91110000600037341L' ' 91620105l015101280 ' '９１１１００００６０００３７３４１Ｌ' '91350211M00013FA1N!' \
         '91350211M00013FA1N' '9111000060003IOZSV' 'B1110000600037341L' '12345' '91110000600037341L!!'; do
    for weak in off on; do
        q "$dst" -c "TRUNCATE samples, target" -c "INSERT INTO samples VALUES (\$\$$v\$\$)"
        q "$dst" -c "\\copy samples TO '$tmp/one.bin' (FORMAT binary)"
        text_res=$(PGOPTIONS="-c credit_gz.uscc_weak=$weak" psql -X -At -d "$dst" \
                   -c "SELECT \$\$$v\$\$::credit_gz.uscc" 2>&1 | sed -n 's/^ERROR: *//p;/^[0-9A-Y][0-9A-Y]*!*$/p' | head -1)
        bin_res=$(PGOPTIONS="-c credit_gz.uscc_weak=$weak" psql -X -At -d "$dst" \
                  -c "\\copy target FROM '$tmp/one.bin' (FORMAT binary)" -c "SELECT code FROM target" 2>&1 \
                  | sed -n 's/^ERROR: *//p;/^[0-9A-Y][0-9A-Y]*!*$/p' | head -1)
        if [ -n "$text_res" ] && [ "$text_res" = "$bin_res" ]; then ok "recv = input ($weak): '$v' -> $text_res"
        else notok "recv = input ($weak): '$v' text '$text_res' binary '$bin_res'"; fi
    done
done
exit $fail
