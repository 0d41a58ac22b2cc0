# Pre-checks and credit reports on a streaming hot standby, every read logged on the primary (十七):
#   reads on the standby (pre-checks in sync and async mode, a credit report) arrive on the primary with the reader's
#   role and department and the standby's name, and so do the pre-check's measure_feedback rows;
#   with the primary down the standby still answers, its entries wait in the queue, and arrive when it returns;
#   without a connection to the primary configured, a read on the standby is refused (nothing unlogged);
#   a write path (an objection) is refused on the standby with a message to use the primary;
#   a standby promoted with entries queued writes them in its own log.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $destdir = $ENV{CREDIT_GZ_DESTDIR} // '';
my $conf = "shared_preload_libraries = '\$libdir/credit_gz'\n"
  . "credit_gz.query_log_flush_interval = 50\n"
  . "max_worker_processes = 16\n"
  . ($destdir ne '' ? "extension_destdir = '$destdir'\n" : '');

my $primary = PostgreSQL::Test::Cluster->new('primary');
$primary->init(allows_streaming => 1);
$primary->append_conf('postgresql.conf', $conf);
$primary->start;

# a department with a role, a person on the judgment-debtor list (pre-checks deny and feed back a measure),
# and the forwarding role with EXECUTE on accept_forwarded_reads alone
$primary->safe_psql('postgres', <<'SQL');
CREATE EXTENSION credit_gz;
CREATE FUNCTION pg_temp.rid(n int) RETURNS credit_gz.resident_id LANGUAGE sql AS $$
    WITH b AS (SELECT '440106' || to_char(date '1970-01-01' + n, 'YYYYMMDD') || lpad((n % 900 + 100)::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
$$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES
    ('sb_court', '备库测试法院', 'standby test court', 'judicial'),
    ('sb_finance', '备库测试财政局', 'standby test finance', 'municipal');
INSERT INTO credit_gz.subject (resident_id, name) VALUES (pg_temp.rid(40001), 'sb失信人');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'judgment_debtor', 'sb_court', 'SB-001', credit_gz.policy_date() - 5
  FROM credit_gz.subject WHERE name = 'sb失信人';
CREATE ROLE sb_app NOLOGIN;
SELECT credit_gz.grant_department('sb_app', 'sb_finance');
CREATE ROLE sb_forwarder LOGIN;
GRANT USAGE ON SCHEMA credit_gz TO sb_forwarder;
GRANT EXECUTE ON FUNCTION credit_gz.accept_forwarded_reads(jsonb) TO sb_forwarder;
SQL
my $sid = $primary->safe_psql('postgres', "SELECT subject_id FROM credit_gz.subject WHERE name = 'sb失信人'");

$primary->backup('base');
my $standby = PostgreSQL::Test::Cluster->new('standby');
$standby->init_from_backup($primary, 'base', has_streaming => 1);
# the standby's name in answered_by is its cluster_name: PostgreSQL::Test::Cluster starts it as --cluster-name=standby
my $conninfo = 'host=' . $primary->host . ' port=' . $primary->port . ' user=sb_forwarder';
$standby->append_conf('postgresql.conf',
	"credit_gz.query_log_primary_conninfo = '$conninfo'\n");
$standby->start;
$primary->wait_for_catchup($standby);

# on the primary: entries the standby answered, as "count|..." for a condition
sub arrived
{
	my ($node, $where) = @_;
	return $node->safe_psql('postgres',
		"SELECT count(*) FROM credit_gz.query_log WHERE answered_by = 'standby' AND $where");
}

# poll until the query answers as expected (at most 60 s: the worker flushes every 50 ms, retries every second)
sub wait_for
{
	my ($node, $sql, $expected) = @_;
	foreach (1 .. 300)
	{
		my ($rc, $out) = $node->psql('postgres', $sql);
		return 1 if $rc == 0 && $out eq $expected;
		select(undef, undef, undef, 0.2);
	}
	diag("last answer to $sql: " . ($node->psql('postgres', $sql))[1]);
	return 0;
}

my $pre_expr = "credit_gz.precheck(%s, 'government_procurement', 'procurement_bid') ->> 'verdict'";
my $pre = "SELECT $pre_expr";

# ---- reads on the standby, logged on the primary ------------------------------------------------------------
is($standby->safe_psql('postgres', 'SELECT pg_is_in_recovery()'), 't', 'the standby is in recovery');
is($standby->safe_psql('postgres', "SET ROLE sb_app; " . sprintf($pre, $sid)),
	'deny', 'a pre-check on the standby answers (deny: judgment debtor)');
is($standby->safe_psql('postgres', "SET credit_gz.query_log_mode = async; SET ROLE sb_app; " . sprintf($pre, $sid)),
	'deny', 'and in async mode too');
is( $standby->safe_psql(
		'postgres',
		"SET ROLE sb_app; SELECT credit_gz.credit_report($sid, 'government', 'standby report') ->> 'found'"),
	'true',
	'a credit report on the standby answers (no read-only error)');
ok(wait_for($primary,
		"SELECT count(*) FROM credit_gz.query_log WHERE answered_by = 'standby' AND subject_id = $sid", '3'),
	'the three reads arrive on the primary, naming the standby');
is(arrived($primary,
		"subject_id = $sid AND via = 'precheck' AND role_name = 'sb_app' AND department_code = 'sb_finance' "
		  . "AND verdict = 'deny' AND domain_code = 'government_procurement'"),
	'2', 'the pre-checks carry the reader, its department, domain and verdict');
is(arrived($primary, "subject_id = $sid AND via = 'report' AND purpose = 'standby report' AND role_name = 'sb_app'"),
	'1', 'the report carries its purpose and reader');
ok(wait_for($primary,
		"SELECT count(*) FROM credit_gz.measure_feedback WHERE answered_by = 'standby' AND subject_id = $sid "
		  . "AND actor = 'sb_app' AND verdict = 'deny' AND department_code = 'sb_finance'", '2'),
	'the pre-checks\' measure_feedback rows arrive on the primary too');
is($primary->safe_psql('postgres', "SELECT count(*) FROM credit_gz.query_log WHERE answered_by IS NULL"),
	'0', 'nothing was logged as answered by the primary');

# ---- the forwarding role can do nothing else ----------------------------------------------------------------
my ($rc, $out, $err) = $primary->psql('postgres', 'SELECT count(*) FROM credit_gz.query_log',
	extra_params => [ '-U', 'sb_forwarder' ]);
like($err, qr/permission denied/, 'the forwarding role cannot read the log');
($rc, $out, $err) = $primary->psql('postgres',
	"SELECT credit_gz.accept_forwarded_reads('[{\"kind\": \"read\", \"at_us\": 0, \"subject_id\": 1, \"via\": \"other\", \"purpose\": \"x\", \"role_name\": \"x\", \"session_role\": \"x\"}]')",
	extra_params => [ '-U', 'sb_forwarder' ]);
like($err, qr/naming the server that answered it/, 'nor write an entry that names no standby');

# ---- a write path is refused on the standby -----------------------------------------------------------------
($rc, $out, $err) = $standby->psql('postgres', "SELECT credit_gz.objection_submit(1, 'standby claim')");
like($err, qr/an objection cannot be made on a hot standby/, 'an objection on the standby is refused');
like($err, qr/HINT:  Connect to the primary/, 'with a hint to use the primary');
($rc, $out, $err) = $standby->psql('postgres', "SELECT credit_gz.repair_submit(1, '2026-01-01')");
like($err, qr/a repair application cannot be made on a hot standby/, 'a repair application on the standby is refused alike');
($rc, $out, $err) = $standby->psql('postgres', "SELECT credit_gz.repair_submit_entry(1, '2026-01-01')");
like($err, qr/a repair application cannot be made on a hot standby/, 'and so is a repair of a list entry');

# ---- no forwarding configured: the read is refused ----------------------------------------------------------
$standby->append_conf('postgresql.conf', "credit_gz.query_log_primary_conninfo = ''\n");
$standby->reload;
wait_for($standby, "SELECT current_setting('credit_gz.query_log_primary_conninfo') = ''", 't');
($rc, $out, $err) = $standby->psql('postgres', sprintf($pre, $sid));
like($err, qr/cannot log a read on this hot standby: credit_gz.query_log_primary_conninfo is not set/,
	'without a connection to the primary, a pre-check on the standby is refused');
($rc, $out, $err) =
  $standby->psql('postgres', "SET ROLE sb_app; SELECT credit_gz.credit_report($sid, 'government')");
like($err, qr/query_log_primary_conninfo is not set/, 'and so is a credit report, alike');
$standby->append_conf('postgresql.conf', "credit_gz.query_log_primary_conninfo = '$conninfo'\n");
$standby->reload;
wait_for($standby, "SELECT current_setting('credit_gz.query_log_primary_conninfo') <> ''", 't');

# ---- the primary away for a while ---------------------------------------------------------------------------
$primary->stop;
is( $standby->safe_psql(
		'postgres', "SET ROLE sb_app; SELECT count(" . sprintf($pre_expr, 'g') . ") FROM generate_series(910001, 910005) g"
	),
	'5',
	'with the primary down, the standby still answers pre-checks');
sleep 2;
ok($standby->safe_psql('postgres', 'SELECT queued FROM credit_gz.query_log_queue()') >= 5,
	'their entries wait in the standby\'s queue');
$primary->start;
ok(wait_for($primary,
		"SELECT count(*) FROM credit_gz.query_log WHERE answered_by = 'standby' AND subject_id BETWEEN 910001 AND 910005",
		'5'),
	'once the primary is back, the entries arrive');
ok(wait_for($standby, 'SELECT queued FROM credit_gz.query_log_queue()', '0'), 'and leave the standby\'s queue');

# ---- promotion with entries queued --------------------------------------------------------------------------
$primary->wait_for_catchup($standby);
$primary->stop;
$standby->safe_psql('postgres',
	"SET ROLE sb_app; SELECT count(" . sprintf($pre_expr, 'g') . ") FROM generate_series(920001, 920003) g");
$standby->safe_psql('postgres', "SET ROLE sb_app; " . sprintf($pre, $sid));
sleep 1;
ok($standby->safe_psql('postgres', 'SELECT queued FROM credit_gz.query_log_queue()') >= 4,
	'with the primary gone, entries are queued on the standby');
$standby->promote;
is($standby->safe_psql('postgres', 'SELECT pg_is_in_recovery()'), 'f', 'the standby is promoted');
ok(wait_for($standby,
		"SELECT count(*) FROM credit_gz.query_log WHERE answered_by = 'standby' "
		  . "AND (subject_id BETWEEN 920001 AND 920003 OR (subject_id = $sid AND at > now() - interval '1 minute' AND verdict = 'deny'))",
		'4'),
	'after promotion, the queued entries are written in its own log, still naming the standby');
ok(wait_for($standby,
		"SELECT count(*) > 2 FROM credit_gz.measure_feedback WHERE answered_by = 'standby' AND subject_id = $sid",
		't'),
	'and the queued feedback row too');
is($standby->safe_psql('postgres', "SET ROLE sb_app; " . sprintf($pre, 930001)), 'no_record',
	'the promoted server answers as a primary');
ok(wait_for($standby,
		"SELECT count(*) FROM credit_gz.query_log WHERE subject_id = 930001 AND answered_by IS NULL", '1'),
	'and logs its own reads without a standby name');

$standby->stop;
done_testing();
