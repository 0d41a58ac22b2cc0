#!/bin/sh
# Benchmark of credit_gz.resident_id (no goal is set for it; figures are reported side by side):
#   1. COPY of N numbers into a resident_id column vs a text column (best of 3)
#   2. resident_id_is_valid(text) vs the same rules written in PL/pgSQL (what a user would write without us)
#   3. btree index and table size, resident_id vs text
# N = 1,000,000 x BENCH_SCALE. Times are server-side (clock_timestamp around EXECUTE).
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(1000000 * s); if (n < 1000) n = 1000; print n }')
db=credit_gz_bench_resident_id
dir=$(mktemp -d)
chmod 755 "$dir"
cleanup() { rm -rf "$dir"; dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

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

-- The same rules in PL/pgSQL: trim, 18 characters (x/X last) or 15 digits, real date 1850-2099, MOD 11-2.
CREATE FUNCTION bench.rid_is_valid_plpgsql(s text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS \$\$
DECLARE
    w constant int[] := '{7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}';
    c text;
    y int; m int; d int;
    total int := 0;
BEGIN
    c := upper(btrim(translate(s, '０１２３４５６７８９Ｘｘ', '0123456789Xx'), E' \t\r\n\v\f　'));
    IF c ~ '^[0-9]{15}\$' THEN
        c := left(c, 6) || '19' || substr(c, 7);
        y := substr(c, 7, 4)::int; m := substr(c, 11, 2)::int; d := substr(c, 13, 2)::int;
        RETURN m BETWEEN 1 AND 12 AND d >= 1 AND d <= extract(day FROM make_date(y, m, 1) + interval '1 month - 1 day');
    END IF;
    IF c !~ '^[0-9]{17}[0-9X]\$' THEN
        RETURN false;
    END IF;
    y := substr(c, 7, 4)::int; m := substr(c, 11, 2)::int; d := substr(c, 13, 2)::int;
    IF y NOT BETWEEN 1850 AND 2099 OR m NOT BETWEEN 1 AND 12 OR d < 1
       OR d > extract(day FROM make_date(y, m, 1) + interval '1 month - 1 day') THEN
        RETURN false;
    END IF;
    FOR i IN 1..17 LOOP
        total := total + substr(c, i, 1)::int * w[i];
    END LOOP;
    RETURN substr(c, 18, 1) = substr('0123456789X', (12 - total % 11) % 11 + 1, 1);
END \$\$;

-- N distinct valid numbers in scrambled order, generated through the legacy form (19YY; the type appends the
-- check character): region x birth date (1920-1999) x sequence, i -> i * 7919 mod 10^9 is a bijection.
CREATE TABLE bench.ids AS
SELECT i, ((ARRAY['440103','440104','440105','440106','440111','440112','440113','440114','440115','440117',
                  '440118','440102','360426','110102','445281','430524'])[1 + (x % 16)::int]
           || to_char(date '1920-01-01' + ((x / 16) % 29200)::int, 'YYMMDD')
           || lpad(((x / 16 / 29200) % 1000)::text, 3, '0'))::credit_gz.resident_id::text AS t
  FROM (SELECT i, (i::bigint * 7919) % 1000000000 AS x FROM generate_series(1, $n) AS i) s;

-- inputs of the validity test: mostly valid, some wrong check characters, lower x, padded, legacy, broken
CREATE TABLE bench.input AS
SELECT i, CASE i % 20
            WHEN 0 THEN overlay(t PLACING (CASE WHEN right(t, 1) = '0' THEN '1' ELSE '0' END) FROM 18 FOR 1)
            WHEN 1 THEN overlay(t PLACING '13' FROM 11 FOR 2)
            WHEN 2 THEN lower(t)
            WHEN 3 THEN ' ' || t || ' '
            WHEN 4 THEN left(t, 6) || substr(t, 9, 9)
            WHEN 5 THEN left(t, 17)
            ELSE t END AS t
  FROM bench.ids;
CREATE TABLE bench.r_text (r text);
CREATE TABLE bench.r_rid (r credit_gz.resident_id);
VACUUM ANALYZE bench.ids;
VACUUM ANALYZE bench.input;
SQL
# the file is written by the client (the server may run as another user) and read by the server's COPY
q -c "\\copy (SELECT t FROM bench.ids ORDER BY i) TO '$dir/ids.txt'"
chmod 644 "$dir/ids.txt"

# 1. COPY: best of 3, alternating the order
best_text=
best_rid=
for rep in 1 2 3; do
    for kind in text rid; do
        [ $((rep % 2)) -eq 0 ] && kind=$([ "$kind" = text ] && echo rid || echo text)
        q -c "TRUNCATE bench.r_$kind" -c "CHECKPOINT"
        t=$(q -c "SELECT bench.ms(\$\$COPY bench.r_$kind FROM '$dir/ids.txt'\$\$)")
        eval "cur=\${best_$kind}"
        if [ -z "$cur" ] || awk -v a="$t" -v b="$cur" 'BEGIN { exit !(a < b) }'; then eval "best_$kind=$t"; fi
    done
done
rows=$(q -c "SELECT (SELECT count(*) FROM bench.r_text) || '/' || (SELECT count(*) FROM bench.r_rid)")

# 2. validity: C vs PL/pgSQL, one core each, and their answers must agree
valid_c=$(q -c "SET max_parallel_workers_per_gather = 0" \
            -c "SELECT bench.ms('SELECT count(*) FILTER (WHERE credit_gz.resident_id_is_valid(t)) FROM bench.input')")
valid_pl=$(q -c "SET max_parallel_workers_per_gather = 0" \
             -c "SELECT bench.ms('SELECT count(*) FILTER (WHERE bench.rid_is_valid_plpgsql(t)) FROM bench.input')")
disagree=$(q -c "SELECT count(*) FROM bench.input WHERE i <= 50000
                   AND credit_gz.resident_id_is_valid(t) IS DISTINCT FROM bench.rid_is_valid_plpgsql(t)")
nvalid=$(q -c "SELECT count(*) FILTER (WHERE credit_gz.resident_id_is_valid(t)) || ' of ' || count(*) FROM bench.input")

# 3. btree index and heap sizes
build_text=$(q -c "SELECT bench.ms('CREATE INDEX r_text_idx ON bench.r_text (r)')")
build_rid=$(q -c "SELECT bench.ms('CREATE INDEX r_rid_idx ON bench.r_rid (r)')")
size_text=$(q -c "SELECT pg_relation_size('bench.r_text_idx')")
size_rid=$(q -c "SELECT pg_relation_size('bench.r_rid_idx')")
heap_text=$(q -c "SELECT pg_relation_size('bench.r_text')")
heap_rid=$(q -c "SELECT pg_relation_size('bench.r_rid')")

awk -v n="$n" -v scale="$scale" -v rows="$rows" \
    -v ct="$best_text" -v cr="$best_rid" -v vc="$valid_c" -v vp="$valid_pl" -v dis="$disagree" -v nv="$nvalid" \
    -v st="$size_text" -v sr="$size_rid" -v bt="$build_text" -v br="$build_rid" -v ht="$heap_text" -v hr="$heap_rid" '
BEGIN {
    printf "resident_id benchmark: N = %d numbers (BENCH_SCALE=%s), rows loaded text/resident_id = %s\n", n, scale, rows
    printf "  (no goal is set for resident_id: figures are reported, not judged)\n"
    printf "  COPY into text column         %10.1f ms  (best of 3)\n", ct
    printf "  COPY into resident_id column  %10.1f ms  (best of 3)\n", cr
    printf "  -> ratio resident_id/text     %10.3f     REPORT\n", cr / ct
    printf "  resident_id_is_valid (C)      %10.1f ms  (%s valid)\n", vc, nv
    printf "  same rules in PL/pgSQL        %10.1f ms\n", vp
    printf "  -> C is faster by             %10.1fx    REPORT (answers disagree on %d of the first 50000)\n", vp / vc, dis
    printf "  btree index on text           %10.0f kB  (built in %.1f ms)\n", st / 1024, bt
    printf "  btree index on resident_id    %10.0f kB  (built in %.1f ms)\n", sr / 1024, br
    printf "  -> index size ratio           %10.3f     REPORT\n", sr / st
    printf "  table size text / resident_id %10.0f kB / %.0f kB (ratio %.3f)\n", ht / 1024, hr / 1024, hr / ht
    if (dis != 0) { print "  FAIL: C and PL/pgSQL validity disagree"; exit 1 }
}'
