#!/bin/sh
# Benchmark of credit_gz.uscc, measured side by side in one run on the same generated codes:
#   1. COPY of N codes into a uscc column vs a text column           goal: ratio <= 1.10
#   2. uscc_is_valid(text) vs the same rules written in PL/pgSQL      goal: >= 10x faster
#   3. btree index size on uscc vs on text                            goal: ratio <= 0.80
# N = 1,000,000 x BENCH_SCALE. Times are server-side (clock_timestamp around EXECUTE), best of 5 for COPY.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(1000000 * s); if (n < 1000) n = 1000; print n }')
db=credit_gz_bench_uscc
dir=$(mktemp -d)
chmod 755 "$dir"
cleanup() { rm -rf "$dir"; dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# Each timed statement runs in a new session; warm it first (load credit_gz.so, compile the PL/pgSQL function,
# fill the catalogue caches) so that both sides of a ratio measure per-row work, not one-time session set-up.
warm="SELECT credit_gz.uscc_is_valid('x'), bench.uscc_is_valid_plpgsql('x'), '91110000600037341L'::credit_gz.uscc"

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
q <<SQL
CREATE EXTENSION credit_gz;
CREATE SCHEMA bench;

-- elapsed milliseconds of one statement, measured in the server
CREATE FUNCTION bench.ms(stmt text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
    t0 := clock_timestamp();
    EXECUTE stmt;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END \$\$;

-- n characters of x in base 31 over the code alphabet
CREATE FUNCTION bench.b31(x bigint, n int) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
    SELECT string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + ((x / (31::bigint ^ k)::bigint) % 31)::int, 1), ''
                      ORDER BY k DESC)
      FROM generate_series(0, n - 1) AS k
\$\$;

-- What a user would write without credit_gz: the same rules (GB 32100 + GB 11714) in PL/pgSQL.
CREATE FUNCTION bench.uscc_is_valid_plpgsql(s text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS \$\$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    w  constant int[] := '{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}';
    ow constant int[] := '{3,7,9,10,5,8,4,2}';
    c text;
    total int := 0;
    osum int := 0;
    c9 int;
BEGIN
    c := upper(btrim(translate(s, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
                                  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
                     E' \t\r\n\v\f　'));
    IF right(c, 1) = '!' THEN
        c := left(c, -1);
    END IF;
    IF length(c) <> 18 OR c !~ '^[0-9A-HJ-NP-RTUWXY]{18}\$' THEN
        RETURN false;
    END IF;
    IF NOT (left(c, 2) = ANY ('{11,12,13,19,21,29,31,32,33,34,35,39,41,49,51,52,53,59,61,62,69,71,72,79,81,89,91,92,93,A1,A9,N1,N2,N3,N9,Y1}'::text[]))
       OR substr(c, 3, 6) !~ '^[0-9]{6}\$' THEN
        RETURN false;
    END IF;
    FOR i IN 1..8 LOOP
        osum := osum + (position(substr(c, 8 + i, 1) IN '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') - 1) * ow[i];
    END LOOP;
    c9 := 11 - osum % 11;
    IF substr(c, 17, 1) <> (CASE c9 WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c9::text END) THEN
        RETURN false;
    END IF;
    FOR i IN 1..17 LOOP
        total := total + (position(substr(c, i, 1) IN alphabet) - 1) * w[i];
    END LOOP;
    RETURN substr(c, 18, 1) = substr(alphabet, (31 - total % 31) % 31 + 1, 1);
END \$\$;

-- N distinct valid codes in scrambled order: x = i * 2654435761 mod 31^6 is a bijection on i < 31^6
CREATE TABLE bench.codes AS
SELECT i, credit_gz.uscc_correct((
           (ARRAY['91','91','91','92','93','12','52','11'])[1 + i % 8] ||
           (ARRAY['440103','440104','440105','440106','440111','440112','440113','440114','440115','440117',
                  '440118','440102','440107','440116','440183','440184','440100'])[1 + (i / 8) % 17] ||
           'MA' || bench.b31((i * 2654435761) % 887503681, 6) || '00!')::credit_gz.uscc)::text AS t
  FROM generate_series(1, $n) AS i;

-- inputs of the validity test: mostly valid, some wrong check characters, lower case, padded, broken
CREATE TABLE bench.input AS
SELECT i, CASE i % 20
            WHEN 0 THEN overlay(t PLACING (CASE WHEN right(t, 1) = '0' THEN '1' ELSE '0' END) FROM 18 FOR 1)
            WHEN 1 THEN overlay(t PLACING 'X' FROM 17 FOR 1)
            WHEN 2 THEN lower(t)
            WHEN 3 THEN ' ' || t || ' '
            WHEN 4 THEN overlay(t PLACING 'I' FROM 5 FOR 1)
            WHEN 5 THEN left(t, 17)
            ELSE t END AS t
  FROM bench.codes;
CREATE TABLE bench.c_text (code text);
CREATE TABLE bench.c_uscc (code credit_gz.uscc);
VACUUM ANALYZE bench.codes;
VACUUM ANALYZE bench.input;
SQL
# the file is written by the client (the server may run as another user) and read by the server's COPY
q -c "\\copy (SELECT t FROM bench.codes ORDER BY i) TO '$dir/codes.txt'"
chmod 644 "$dir/codes.txt"

# 1. COPY: best of 5, alternating the order
best_text=
best_uscc=
for rep in 1 2 3 4 5; do
    for kind in text uscc; do
        [ $((rep % 2)) -eq 0 ] && kind=$([ "$kind" = text ] && echo uscc || echo text)
        q -c "TRUNCATE bench.c_$kind" -c "CHECKPOINT"
        t=$(q -c "$warm" -c "SELECT count(*) FROM bench.c_$kind" -c "SELECT bench.ms(\$\$COPY bench.c_$kind FROM '$dir/codes.txt'\$\$)" | tail -1)
        eval "cur=\${best_$kind}"
        if [ -z "$cur" ] || awk -v a="$t" -v b="$cur" 'BEGIN { exit !(a < b) }'; then eval "best_$kind=$t"; fi
    done
done
rows=$(q -c "SELECT (SELECT count(*) FROM bench.c_text) || '/' || (SELECT count(*) FROM bench.c_uscc)")

# 2. validity: C vs PL/pgSQL, one core each (no parallel workers), and their answers must agree
q -c "SET max_parallel_workers_per_gather = 0" -c "SELECT count(*) FROM bench.input" >/dev/null
valid_c=$(q -c "SET max_parallel_workers_per_gather = 0" -c "$warm" \
            -c "SELECT bench.ms('SELECT count(*) FILTER (WHERE credit_gz.uscc_is_valid(t)) FROM bench.input')" | tail -1)
valid_pl=$(q -c "SET max_parallel_workers_per_gather = 0" -c "$warm" \
             -c "SELECT bench.ms('SELECT count(*) FILTER (WHERE bench.uscc_is_valid_plpgsql(t)) FROM bench.input')" | tail -1)
disagree=$(q -c "SELECT count(*) FROM bench.input WHERE i <= 50000
                   AND credit_gz.uscc_is_valid(t) IS DISTINCT FROM bench.uscc_is_valid_plpgsql(t)")
nvalid=$(q -c "SELECT count(*) FILTER (WHERE credit_gz.uscc_is_valid(t)) || ' of ' || count(*) FROM bench.input")

# 3. btree index sizes (and build times, for information)
build_text=$(q -c "$warm" -c "SELECT bench.ms('CREATE INDEX c_text_idx ON bench.c_text (code)')" | tail -1)
build_uscc=$(q -c "$warm" -c "SELECT bench.ms('CREATE INDEX c_uscc_idx ON bench.c_uscc (code)')" | tail -1)
size_text=$(q -c "SELECT pg_relation_size('bench.c_text_idx')")
size_uscc=$(q -c "SELECT pg_relation_size('bench.c_uscc_idx')")
heap_text=$(q -c "SELECT pg_relation_size('bench.c_text')")
heap_uscc=$(q -c "SELECT pg_relation_size('bench.c_uscc')")

awk -v n="$n" -v scale="$scale" -v rows="$rows" \
    -v ct="$best_text" -v cu="$best_uscc" -v vc="$valid_c" -v vp="$valid_pl" -v dis="$disagree" -v nv="$nvalid" \
    -v st="$size_text" -v su="$size_uscc" -v bt="$build_text" -v bu="$build_uscc" -v ht="$heap_text" -v hu="$heap_uscc" '
function verdict(ok) { return ok ? "PASS" : "MISS" }
BEGIN {
    printf "uscc benchmark: N = %d codes (BENCH_SCALE=%s), rows loaded text/uscc = %s\n", n, scale, rows
    printf "  COPY into text column        %10.1f ms  (best of 5)\n", ct
    printf "  COPY into uscc column        %10.1f ms  (best of 5)\n", cu
    r = cu / ct
    printf "  -> ratio uscc/text           %10.3f     goal <= 1.10   %s\n", r, verdict(r <= 1.10)
    printf "  uscc_is_valid (C)            %10.1f ms  (%s valid)\n", vc, nv
    printf "  same rules in PL/pgSQL       %10.1f ms\n", vp
    s = vp / vc
    printf "  -> speed-up                  %10.1fx    goal >= 10x    %s   (disagreements on 50000 inputs: %d)\n", s, verdict(s >= 10), dis
    printf "  btree index on text          %10.2f MB  (built in %.1f ms; heap %.2f MB)\n", st / 1048576, bt, ht / 1048576
    printf "  btree index on uscc          %10.2f MB  (built in %.1f ms; heap %.2f MB)\n", su / 1048576, bu, hu / 1048576
    i = su / st
    printf "  -> ratio uscc/text           %10.3f     goal <= 0.80   %s\n", i, verdict(i <= 0.80)
}'
# a disagreement between the C and the PL/pgSQL rules is a bug, not a slow result
[ "$disagree" -eq 0 ]
