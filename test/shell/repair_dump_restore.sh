#!/bin/sh
# Repair data survives pg_dump / pg_restore: applications and objections in every state, the sync outbox (pending and
# acknowledged), repair bars, locally loaded calendar days and local deadline rules, identity sequences' positions;
# shipped calendar days and deadline rules are re-created by CREATE EXTENSION, not duplicated. Restored as
# doc/archive.md recommends (pre-data, data with --disable-triggers, post-data): restored rows keep their state and
# are not re-checked as new submissions.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
src=credit_gz_repair_dump_src
dst=credit_gz_repair_dump_dst
. "$(dirname "$0")/lib/dump_db.sh"

q "$src" >/dev/null <<'SQL'
CREATE EXTENSION credit_gz;
INSERT INTO credit_gz.calendar (day, kind, name_zh, source) VALUES ('2027-01-04', 'holiday', '本地测试假日', 'local test');
INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, working_days, effective_from, source)
VALUES (1000, 'repair', 'acceptance', 2, '2030-01-01', 'local test rule');
INSERT INTO credit_gz.subject (uscc, name)
SELECT credit_gz.uscc_make('91440106' || b || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END), '转储修复公司'
FROM (SELECT b, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
      FROM (SELECT 'MA000888' AS b) x, unnest(regexp_split_to_array(b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)
      GROUP BY b) k;
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT subject_id, 'credit_repair', '信用修复承诺', 'market_regulation' FROM credit_gz.subject WHERE name = '转储修复公司';
SELECT credit_gz.load_record('market_regulation', 'RD-' || i, subject_id, 'administrative_penalty',
                             credit_gz.policy_date() - 200 - i, NULL, 'general')
  FROM credit_gz.subject, generate_series(1, 4) i WHERE name = '转储修复公司';
-- approved, accepted, submitted applications
SELECT credit_gz.repair_approve((credit_gz.repair_accept((credit_gz.repair_submit(record_id, credit_gz.policy_date() - 1)).application_id)).application_id)
  FROM credit_gz.record WHERE document_no = 'RD-1';
SELECT credit_gz.repair_accept((credit_gz.repair_submit(record_id, credit_gz.policy_date() - 1)).application_id)
  FROM credit_gz.record WHERE document_no = 'RD-2';
SELECT credit_gz.repair_submit(record_id, credit_gz.policy_date() - 1) FROM credit_gz.record WHERE document_no = 'RD-3';
-- an open objection (record under objection)
SELECT credit_gz.objection_accept((credit_gz.objection_submit(record_id, '认定有误')).objection_id)
  FROM credit_gz.record WHERE document_no = 'RD-4';
INSERT INTO credit_gz.repair_bar (subject_id, barred_from, barred_until, reason, basis, department_code)
SELECT subject_id, '2026-01-01', '2026-02-02', '测试', '测试', 'development_reform' FROM credit_gz.subject WHERE name = '转储修复公司';
-- one outbox row delivered
SELECT credit_gz.sync_outbox_ack('c', ARRAY(SELECT outbox_id FROM credit_gz.sync_outbox_claim('c', 1)));
SQL

snapshot() {
    q "$1" <<'SQL'
SELECT 'app', application_id, status, channel, accept_due, decide_due, decided_at IS NOT NULL FROM credit_gz.repair_application ORDER BY 2;
SELECT 'obj', objection_id, status, prior_status, accept_due, platform_due FROM credit_gz.objection ORDER BY 2;
SELECT 'rec', document_no, status, disclosure FROM credit_gz.record WHERE document_no LIKE 'RD-%' ORDER BY 2;
SELECT 'out', outbox_id, target, topic, acknowledged_at IS NOT NULL, attempts FROM credit_gz.sync_outbox ORDER BY 2;
SELECT 'bar', bar_id, barred_until FROM credit_gz.repair_bar ORDER BY 2;
SELECT 'cal', count(*), count(*) FILTER (WHERE shipped), count(*) FILTER (WHERE NOT shipped) FROM credit_gz.calendar;
SELECT 'rule', deadline_rule_id, working_days FROM credit_gz.deadline_rule ORDER BY 2;
SQL
}
snapshot "$src" > "$tmp/src.txt"
[ "$(grep -c '^app|' "$tmp/src.txt")" = 3 ] && [ "$(grep -c '^obj|' "$tmp/src.txt")" = 1 ] \
    && [ "$(grep -c '^out|' "$tmp/src.txt")" -ge 2 ] && ok "source: 3 applications, an open objection, outbox rows" \
    || notok "source fixture incomplete"

pg_dump -Fc -f "$tmp/repair.dump" "$src"
createdb "$dst"
pg_restore --section=pre-data -d "$dst" "$tmp/repair.dump"
pg_restore --section=data --disable-triggers -d "$dst" "$tmp/repair.dump"
pg_restore --section=post-data -d "$dst" "$tmp/repair.dump"
snapshot "$dst" > "$tmp/dst.txt"

if diff "$tmp/src.txt" "$tmp/dst.txt" >/dev/null; then
    ok "applications, objections, records, outbox, bars, calendar and deadline rules restored as they were"
else
    notok "restored state differs"; diff "$tmp/src.txt" "$tmp/dst.txt" | sed 's/^/# /'
fi
[ "$(q "$dst" -c "SELECT count(*) FROM credit_gz.calendar WHERE shipped")" = "$(q "$src" -c "SELECT count(*) FROM credit_gz.calendar WHERE shipped")" ] \
    && ok "shipped calendar days not duplicated" || notok "shipped calendar days"
[ "$(q "$dst" -c "SELECT credit_gz.add_working_days('2027-01-01', 1)")" = 2027-01-05 ] \
    && ok "the restored local holiday is used (cache built in the new database)" || notok "local holiday after restore"
[ "$(q "$dst" -c "SELECT credit_gz.deadline_working_days('repair', 'acceptance', 'standard', '2030-01-01')")" = 2 ] \
    && ok "the restored local deadline rule takes precedence" || notok "local deadline rule after restore"
# the restored state machine goes on: decide the accepted application, resolve the objection, new ids continue
q "$dst" >/dev/null <<'SQL'
SELECT credit_gz.repair_reject(application_id, '复核不通过') FROM credit_gz.repair_application WHERE status = 'accepted';
SELECT credit_gz.objection_resolve(objection_id, 'upheld', '经核查无误') FROM credit_gz.objection WHERE status = 'accepted';
SQL
[ "$(q "$dst" -c "SELECT status FROM credit_gz.record WHERE document_no = 'RD-4'")" = in_publicity ] \
    && ok "an objection restored open resolves and restores the record's prior status" || notok "objection after restore"
[ "$(q "$dst" -c "SELECT max(outbox_id) > (SELECT max(outbox_id) FROM credit_gz.sync_outbox WHERE topic = 'repair_decision' AND payload ->> 'decision' = 'approved') FROM credit_gz.sync_outbox")" = t ] \
    && ok "outbox ids continue after restore" || notok "outbox sequence"
exit $fail
