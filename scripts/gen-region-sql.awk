# Turn src/data/gbt2260-regions.dat (GB/T 2260 codes, names with the years each was valid) into one INSERT.
# Input: `PP province="名"` lines and indented `CCCC county="[from-to]名,[from-to]名"` lines, `to` the last year a
# name was in force; the INSERT gives valid_until_year = to + 1, the first year no longer in force (doc/schema.md,
# "Date ranges").
function emit(code, spec,    n, parts, i, p, from, to, name, m) {
    n = split(spec, parts, /,\[/)
    for (i = 1; i <= n; i++) {
        p = parts[i]
        if (i > 1) p = "[" p
        from = "NULL"; to = "NULL"; name = p
        if (match(p, /^\[[0-9]*-[0-9]*\]/)) {
            m = substr(p, 2, RLENGTH - 2)
            name = substr(p, RLENGTH + 1)
            split(m, yr, "-")
            if (yr[1] != "") from = yr[1]
            if (yr[2] != "") to = yr[2] + 1
        }
        gsub(/'/, "''", name)
        level = (substr(code, 3) == "0000") ? "province" : (substr(code, 5) == "00") ? "prefecture" : "county"
        printf "%s('%s', '%s', '%s', %s, %s)", (rows++ ? ",\n" : ""), code, name, level, from, to
    }
}
BEGIN { print "INSERT INTO credit_gz.region (code, name, level, valid_from_year, valid_until_year) VALUES" }
/^#/ || /^[ \t]*$/ { next }
/^[0-9][0-9] province=/ {
    prov = substr($0, 1, 2)
    next
}
/^  [0-9][0-9][0-9][0-9] county=/ {
    code = prov substr($0, 3, 4)
    spec = $0; sub(/^  [0-9]+ county="/, "", spec); sub(/"[ \t]*$/, "", spec)
    emit(code, spec)
    next
}
{ print "gen-region-sql: unexpected line " NR ": " $0 > "/dev/stderr"; exit 1 }
END { print ";" }
