#!/usr/bin/perl
# Lists the tags of every post, with how often each is used.
use strict;
use warnings;

use File::Find;
use Getopt::Long;

my $folder = 'content/posts';
my $min    = 1;
GetOptions('folder=s' => \$folder, 'min=i' => \$min) or die "bad options\n";

my %count;
my @files;

find(sub { push @files, $File::Find::name if /\.md$/ }, $folder);

foreach my $file (sort @files) {
    open(my $fh, '<', $file) or die "cannot open $file: $!";
    while (my $line = <$fh>) {
        chomp $line;
        last if $. > 20;
        if ($line =~ m/^tags:\s*\[(.*)\]/) {
            my @tags = map { s/^\s+|\s+$//gr } split /,/, $1;
            $count{lc $_}++ for @tags;
        }
    }
    close $fh;
}

sub by_count {
    my ($a_n, $b_n) = ($count{$a}, $count{$b});
    return $b_n <=> $a_n || $a cmp $b;
}

for my $tag (sort by_count keys %count) {
    next unless $count{$tag} >= $min;
    printf "%-20s %4d\n", $tag, $count{$tag};
}

my $total = scalar(@files);
print "Files: $total, ratio: ", ($total ? 0.5 * $total : 0), "\n";
my $ref = { name => 'blog', tags => [qw(perl scripts)] };
print $ref->{name}, " ", scalar @{ $ref->{tags} }, "\n";
