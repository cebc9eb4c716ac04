#!/usr/bin/env bash
# Writes expected/NAME.txt, the Liquid output of jekyll/_posts/NAME.md as Jekyll itself makes it,
# for JekyllLiquidTest. Needs Debian's jekyll (apt-get install jekyll; 4.3.1 with Liquid 5.4 made
# the files here). .md is not a Markdown extension in jekyll/_config.yml, so each post's output
# is its Liquid alone, not turned into HTML by kramdown.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/jekyll/." "$work/site"
(cd "$work/site" && TZ=UTC jekyll build --quiet --safe -d "$work/out")
rm -rf "$here/expected"
mkdir -p "$here/expected"
for post in "$here"/jekyll/_posts/*.md; do
    name="$(basename "$post" .md)"
    slug="${name#????-??-??-}"
    found="$(find "$work/out" -path "*/$slug/index.html" | head -n 1)"
    if [ -z "$found" ]; then
        echo "no output for $name" >&2
        exit 1
    fi
    cp "$found" "$here/expected/$name.txt"
done
echo "wrote $(ls "$here/expected" | wc -l) files to $here/expected"
