#!/bin/sh
# The documentation's own check: in README.md and doc/*.md every relative link resolves to a file of the repository
# (and its #anchor, when it names one, to a heading of that file), every file of the repository the text names
# (doc/scoring.md, src/score_bulk.c) exists, and every table parses — a header row, a
# delimiter row, and the same number of cells in every row (a blank line inside a table splits it into a table and
# a stray paragraph of pipes). Needs no server.
# installcheck: safe
set -eu
cd "$(dirname "$0")/../.."
exec perl -e '
use strict; use warnings;
my $fail = 0;
sub anchor { my $h = lc shift; $h =~ s/[`*]//g; $h =~ s/[^\p{L}\p{N} _-]//g; $h =~ s/ /-/g; return $h; }
sub cells {                      # cells of a table row: pipes inside code spans or escaped do not count
    my $row = shift; $row =~ s/\\\|//g; $row =~ s/`[^`]*`//g; $row =~ s/^\s*\|//; $row =~ s/\|\s*$//;
    return scalar(() = $row =~ /\|/g) + 1;
}
my %anchors;
sub anchors_of {
    my $f = shift;
    return $anchors{$f} if $anchors{$f};
    my %a; open(my $h, "<:encoding(UTF-8)", $f) or return {};
    my $fence = 0;
    while (<$h>) { $fence = !$fence if /^```/; next if $fence; $a{anchor($1)} = 1 if /^#+\s+(.*?)\s*$/; }
    return $anchors{$f} = \%a;
}
for my $file ("README.md", sort glob("doc/*.md")) {
    open(my $fh, "<:encoding(UTF-8)", $file) or die "$file: $!";
    my @lines = <$fh>; chomp @lines;
    (my $dir = $file) =~ s{[^/]*$}{};
    my ($links, $bad, $fence) = (0, 0, 0);
    my @block;
    for my $i (0 .. $#lines + 1) {
        my $l = $i <= $#lines ? $lines[$i] : "";
        $fence = !$fence if $l =~ /^```/;
        if (!$fence && $l =~ /^\s*\|/) { push @block, [$i + 1, $l]; next; }
        if (@block) {            # a table ended: check it
            my ($n0, $head) = @{$block[0]};
            if (@block < 2 || $block[1][1] !~ /^\s*\|?\s*:?-{3,}/) {
                print "not ok - $file:$n0: table without a delimiter row (a blank line inside a table?)\n"; $bad++;
            } else {
                my $want = cells($head);
                for my $r (@block) {
                    my $got = cells($r->[1]);
                    if ($got != $want) { print "not ok - $file:$r->[0]: $got cells, the header has $want\n"; $bad++; }
                }
            }
            @block = ();
        }
        next if $fence;
        # a file of the repository named in the text (doc/scoring.md, src/score_bulk.c) exists too
        while ($l =~ m{(?<![\w/.])((?:doc|src|test|scripts|sql|expected|upgrade|release)/[\w./-]*\w\.(?:md|c|h|sql|sh|spec|pgbench|csv|dat|out))\b}g) {
            my $named = $1;
            next if $named =~ /[*]/;
            if (!-e $named) { print "not ok - $file:", $i + 1, ": names $named: no such file\n"; $bad++; }
        }
        (my $text = $l) =~ s/`[^`]*`//g;
        while ($text =~ /\]\(([^)\s]+)\)/g) {
            my $t = $1;
            next if $t =~ m{^(https?|mailto):};
            $links++;
            my ($path, $frag) = split /#/, $t, 2;
            my $target = $path eq "" ? $file : "$dir$path";
            if (!-e $target) { print "not ok - $file:", $i + 1, ": link to $t: no such file\n"; $bad++; next; }
            if (defined $frag && $target =~ /\.md$/ && !anchors_of($target)->{$frag}) {
                print "not ok - $file:", $i + 1, ": link to $t: no such heading\n"; $bad++;
            }
        }
    }
    print $bad ? "" : "ok - $file: $links relative links resolve, every table parses\n";
    $fail ||= $bad;
}
exit($fail ? 1 : 0);
'
