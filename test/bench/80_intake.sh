#!/bin/sh
# Benchmark of department intake: a penalty file in the national 双公示 format, N = 1,000,000 x BENCH_SCALE lines
# with 2% bad lines, from staged file (credit_gz.penalty_intake) to receipt (credit_gz.intake_penalties), vs the
# same good lines' subjects COPYed into credit_gz.subject and then their records COPYed into credit_gz.record through
# every trigger, each on the same empty archive (TRUNCATE between runs).               goal: ratio <= 1.5
# Times are server-side (clock_timestamp around EXECUTE), one run each.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(1000000 * s); if (n < 1000) n = 1000; print n }')
db=credit_gz_bench_intake
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
INSERT INTO credit_gz.intake_item_map (map_id, violation_type, department_code, item_code, domain_code, effective_from, source)
VALUES (1, '食品安全', NULL, 'administrative_penalty', 'food_drug_safety', '2019-07-01', 'bench');
INSERT INTO credit_gz.intake_severity_map (map_id, penalty_category, department_code, min_fine_wan, severity, effective_from, source)
VALUES (1, 'fine', NULL, NULL, 'general', '2019-07-01', 'bench');
-- the file: one organisation per two lines; every 50th line has a malformed unified code
CREATE TABLE bench.lines AS
SELECT i, '企业' || (i / 2) AS subject_name,
       CASE WHEN i % 50 = 0 THEN 'BAD' || i
            ELSE credit_gz.uscc_correct(('91440106MA' || bench.b31(((i / 2) * 2654435761) % 887503681, 6) || '00!')::credit_gz.uscc)::text END AS uscc,
       'BENCH-' || i AS document_no,
       (date '2026-04-01' + (i % 200)::int)::text AS decision_date
  FROM generate_series(1::bigint, $n) AS i;
SQL
q -c "\\copy (SELECT DISTINCT ON (uscc) uscc, subject_name, 'enterprise' FROM bench.lines WHERE uscc NOT LIKE 'BAD%' ORDER BY uscc, i) TO '$dir/subjects.txt'"
chmod 644 "$dir"/*.txt

# A: staged file to receipt
q -c "INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, document_no, violation_type,
          facts, basis, penalty_category, content, fine_amount, decision_date, department_code)
      SELECT 'bench', i, subject_name, '法人及非法人组织', uscc, document_no, '食品安全', '销售过期食品', '食品安全法第一百二十四条',
             '罚款', '罚款人民币一万元', '1', decision_date, 'market_regulation' FROM bench.lines" -c "CHECKPOINT"
intake=$(q -c "SELECT bench.ms(\$\$CREATE TABLE bench.receipt AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'bench')\$\$)")
outcomes=$(q -c "SELECT string_agg(outcome || ' ' || c, ', ' ORDER BY outcome) FROM (SELECT outcome, count(*) c FROM bench.receipt GROUP BY 1) x")
# B: the same good lines' subjects, then their records, COPYed, on an emptied archive
# (as a replica would: the guard that keeps issued credit reports unchanged refuses a TRUNCATE reaching them)
q -c "SET session_replication_role = replica" -c "TRUNCATE credit_gz.record, credit_gz.subject, credit_gz.subject_uscc, credit_gz.subject_resident_id, credit_gz.subject_identity_document CASCADE" -c "CHECKPOINT" 2>&1 \
    | grep -v "^NOTICE:  truncate cascades" || true
subj=$(q -c "SELECT bench.ms(\$\$COPY credit_gz.subject (uscc, name, kind) FROM '$dir/subjects.txt'\$\$)")
q -c "\\copy (SELECT s.subject_id, 'administrative_penalty', 'food_drug_safety', 'market_regulation', l.document_no, l.decision_date::date, 'general', 'fine',
              jsonb_build_object('violation_type', '食品安全', 'facts', '销售过期食品', 'basis', '食品安全法第一百二十四条', 'penalty_type', '罚款',
                                 'content', '罚款人民币一万元', 'fine_amount', '1')
         FROM bench.lines l JOIN credit_gz.subject s ON s.uscc::text = l.uscc WHERE l.uscc NOT LIKE 'BAD%' ORDER BY l.i) TO '$dir/records.txt'"
chmod 644 "$dir"/records.txt
rec=$(q -c "SELECT bench.ms(\$\$COPY credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity, penalty_category, details) FROM '$dir/records.txt'\$\$)")
rows=$(q -c "SELECT count(*) FROM credit_gz.record")
awk -v n="$n" -v scale="$scale" -v a="$intake" -v s="$subj" -v r="$rec" -v out="$outcomes" -v rows="$rows" '
BEGIN {
    printf "intake benchmark: N = %d lines, 2%% bad (BENCH_SCALE=%s); receipt: %s\n", n, scale, out
    printf "  staged file to receipt (intake_penalties)   %10.1f ms  (%.0f lines/s)\n", a, n / (a / 1000)
    printf "  COPY subjects + COPY records (%d records)   %10.1f ms  (%.1f + %.1f)\n", rows, s + r, s, r
    x = a / (s + r)
    printf "  -> ratio intake/COPY                        %10.3f     goal <= 1.50   %s\n", x, x <= 1.5 ? "PASS" : "MISS"
}'
