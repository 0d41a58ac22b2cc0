#!/bin/sh
# Benchmark of the list intake: the court's 失信被执行人 list as published, N = 200,000 x BENCH_SCALE lines with 2%
# bad codes, from staged file (credit_gz.list_intake) to receipt (credit_gz.intake_lists), vs the same good lines'
# subjects COPYed into credit_gz.subject and then their entries COPYed into credit_gz.list_entry through every
# trigger (propagation, scoring), each on the same empty archive (TRUNCATE between runs); then the same file sent
# again (every line unchanged) and a removal file of one line in ten.                     goal: ratio <= 1.5
# Times are server-side (clock_timestamp around EXECUTE), one run each.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(200000 * s); if (n < 1000) n = 1000; print n }')
db=credit_gz_bench_list_intake
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
CREATE FUNCTION bench.ms(stmt text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
    t0 := clock_timestamp();
    EXECUTE stmt;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END \$\$;
CREATE FUNCTION bench.b31(x bigint, n int) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
    SELECT string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + ((x / (31::bigint ^ k)::bigint) % 31)::int, 1), ''
                      ORDER BY k DESC)
      FROM generate_series(0, n - 1) AS k
\$\$;
-- the file: one organisation per two cases; every 50th line has a malformed unified code
CREATE TABLE bench.lines AS
SELECT i, '企业' || (i / 2) AS subject_name,
       CASE WHEN i % 50 = 0 THEN 'BAD' || i
            ELSE credit_gz.uscc_correct(('91440106MA' || bench.b31(((i / 2) * 2654435761) % 887503681, 6) || '00!')::credit_gz.uscc)::text END AS uscc,
       '（2025）粤0106执' || i || '号' AS case_no,
       (date '2025-06-01' + (i % 300)::int)::text AS listed_on
  FROM generate_series(1::bigint, $n) AS i;
SQL
q -c "\\copy (SELECT DISTINCT ON (uscc) uscc, subject_name, 'enterprise' FROM bench.lines WHERE uscc NOT LIKE 'BAD%' ORDER BY uscc, i) TO '$dir/subjects.txt'"
chmod 644 "$dir"/*.txt
stage() {
    q -c "INSERT INTO credit_gz.list_intake (batch, line_no, list_name, subject_name, uscc, case_no, deciding_body, listed_on,
              reason, removed_on, removal_reason, department_code)
          SELECT '$1', i, '失信被执行人', subject_name, uscc, case_no, '广州市天河区人民法院', listed_on, '有履行能力而拒不履行',
                 CASE WHEN '$1' = 'removal' AND i % 10 = 1 THEN '2026-11-01' END,
                 CASE WHEN '$1' = 'removal' AND i % 10 = 1 THEN '已履行生效法律文书确定的义务' END, 'court'
            FROM bench.lines WHERE '$1' <> 'removal' OR i % 10 = 1" -c "CHECKPOINT"
}

# A: staged file to receipt; then the same file again; then the removals
stage first
intake=$(q -c "SELECT bench.ms(\$\$CREATE TABLE bench.receipt AS SELECT * FROM credit_gz.intake_lists('court', 'first')\$\$)")
outcomes=$(q -c "SELECT string_agg(outcome || ' ' || c, ', ' ORDER BY outcome) FROM (SELECT outcome, count(*) c FROM bench.receipt GROUP BY 1) x")
stage again
resend=$(q -c "SELECT bench.ms(\$\$CREATE TABLE bench.receipt2 AS SELECT * FROM credit_gz.intake_lists('court', 'again')\$\$)")
resent=$(q -c "SELECT string_agg(outcome || ' ' || c, ', ' ORDER BY outcome) FROM (SELECT outcome, count(*) c FROM bench.receipt2 GROUP BY 1) x")
stage removal
removal=$(q -c "SELECT bench.ms(\$\$CREATE TABLE bench.receipt3 AS SELECT * FROM credit_gz.intake_lists('court', 'removal')\$\$)")
removed=$(q -c "SELECT string_agg(outcome || ' ' || c, ', ' ORDER BY outcome) FROM (SELECT outcome, count(*) c FROM bench.receipt3 GROUP BY 1) x")
# B: the same good lines' subjects, then their entries, COPYed, on an emptied archive
# (as a replica would: the guard that keeps issued credit reports unchanged refuses a TRUNCATE reaching them)
q -c "SET session_replication_role = replica" -c "TRUNCATE credit_gz.list_entry, credit_gz.record, credit_gz.subject, credit_gz.subject_uscc, credit_gz.subject_resident_id, credit_gz.subject_identity_document CASCADE" -c "CHECKPOINT" 2>&1 \
    | grep -v "^NOTICE:  truncate cascades" || true
subj=$(q -c "SELECT bench.ms(\$\$COPY credit_gz.subject (uscc, name, kind) FROM '$dir/subjects.txt'\$\$)")
q -c "\\copy (SELECT s.subject_id, 'judgment_debtor', 'court', l.case_no, l.listed_on::date,
              jsonb_build_object('list_name', '失信被执行人', 'deciding_body', '广州市天河区人民法院', 'reason', '有履行能力而拒不履行')
         FROM bench.lines l JOIN credit_gz.subject s ON s.uscc::text = l.uscc WHERE l.uscc NOT LIKE 'BAD%' ORDER BY l.i) TO '$dir/entries.txt'"
chmod 644 "$dir"/entries.txt
ent=$(q -c "SELECT bench.ms(\$\$COPY credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, details) FROM '$dir/entries.txt'\$\$)")
rows=$(q -c "SELECT count(*) FROM credit_gz.list_entry")
awk -v n="$n" -v scale="$scale" -v a="$intake" -v b="$resend" -v c="$removal" -v s="$subj" -v e="$ent" \
    -v out="$outcomes" -v out2="$resent" -v out3="$removed" -v rows="$rows" '
BEGIN {
    printf "list intake benchmark: N = %d lines, 2%% bad (BENCH_SCALE=%s)\n", n, scale
    printf "  staged file to receipt (intake_lists)        %10.1f ms  (%.0f lines/s; %s)\n", a, n / (a / 1000), out
    printf "  the same file again                          %10.1f ms  (%s)\n", b, out2
    printf "  removals, one line in ten                    %10.1f ms  (%s)\n", c, out3
    printf "  COPY subjects + COPY entries (%d entries)  %10.1f ms  (%.1f + %.1f)\n", rows, s + e, s, e
    x = a / (s + e)
    printf "  -> ratio intake/COPY                         %10.3f     goal <= 1.50   %s\n", x, x <= 1.5 ? "PASS" : "MISS"
}'
