# Turn src/data/domains.csv (the policy's annex 1: 29 supervision domains, sub-domains, responsible departments)
# into INSERTs for credit_gz.domain and credit_gz.domain_department.
# Columns: code,parent,seq,sector,name_zh,name_en,departments_zh (departments separated by ';', matched by name_zh
# against credit_gz.department, so a department missing from the catalogue fails the install: NOT NULL).
function q(s) { gsub(/'/, "''", s); return "'" s "'" }
BEGIN { FS = ","; nd = 0; nr = 0 }
NR == 1 {
    if ($0 != "code,parent,seq,sector,name_zh,name_en,departments_zh") {
        print "gen-domain-sql: unexpected header: " $0 > "/dev/stderr"; exit 1
    }
    next
}
/^[ \t]*$/ { next }
{
    sub(/\r$/, "")
    if (NF != 7) { print "gen-domain-sql: line " NR " has " NF " fields" > "/dev/stderr"; exit 1 }
    dom[++nd] = sprintf("(%s, %s, %d, %s, %s, %s)", q($1), ($2 == "" ? "NULL" : q($2)), $3, q($4), q($5), q($6))
    if ($7 != "") {
        n = split($7, deps, ";")
        for (i = 1; i <= n; i++) rel[++nr] = sprintf("(%s, %s)", q($1), q(deps[i]))
    }
}
END {
    print "INSERT INTO credit_gz.domain (code, parent_code, seq, sector, name_zh, name_en) VALUES"
    for (i = 1; i <= nd; i++) printf "    %s%s\n", dom[i], (i < nd ? "," : ";")
    print "INSERT INTO credit_gz.domain_department (domain_code, department_code)"
    print "SELECT v.domain_code, d.code FROM (VALUES"
    for (i = 1; i <= nr; i++) printf "    %s%s\n", rel[i], (i < nr ? "," : "")
    print ") AS v(domain_code, department_name) LEFT JOIN credit_gz.department d ON d.name_zh = v.department_name;"
}
