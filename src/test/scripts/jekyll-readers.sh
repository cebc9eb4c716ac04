#!/usr/bin/env bash
# For the Jekyll fixtures NAME of src/test/resources/jekyll/ given as arguments (bootstrap minima): builds
# NAME/source with the real Jekyll (Debian's jekyll 4.3.1, jekyll-theme-minima 2.5.1 and ruby-jekyll-feed:
# apt-get install jekyll jekyll-theme-minima ruby-jekyll-feed) and writes NAME/readers/URL.html, the inner HTML
# of each post's and page's <div class="post-content"> as Jekyll wrote it, for JekyllReadersTest, which
# compares the text readers see there with Kiln's. Prints the site's URLs, for NAME/urls.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")/../resources/jekyll" && pwd)"
for name in "$@"; do
    work="$(mktemp -d)"
    cp -r "$here/$name/source/." "$work/site"
    (cd "$work/site" && TZ=UTC jekyll build --quiet -d "$work/out")
    rm -rf "$here/$name/readers"
    python3 - "$work/out" "$here/$name/readers" <<'PY'
import html.parser, os, sys
out, readers = sys.argv[1], sys.argv[2]

class Content(html.parser.HTMLParser):
    """The inner HTML of the first <div> whose class holds post-content, as written."""
    def __init__(self, text):
        super().__init__(convert_charrefs=False)
        self.text, self.depth, self.start, self.end = text, 0, None, None
        self.lines = [0]
        for line in text.split("\n"):
            self.lines.append(self.lines[-1] + len(line) + 1)
        self.feed(text)
    def at(self):
        line, col = self.getpos()
        return self.lines[line - 1] + col
    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag != "div":
            return
        if self.start is None:
            if "post-content" in (dict(attrs).get("class") or "").split():
                self.start = self.at() + len(self.get_starttag_text())
                self.depth = 1
        else:
            self.depth += 1
    def handle_endtag(self, tag):
        if tag == "div" and self.start is not None and self.end is None:
            self.depth -= 1
            if self.depth == 0:
                self.end = self.at()

for root, _, files in os.walk(out):
    for f in files:
        if not f.endswith(".html"):
            continue
        path = os.path.join(root, f)
        text = open(path, encoding="utf-8").read()
        c = Content(text)
        if c.start is None or c.end is None:
            continue
        url = "/" + os.path.relpath(path, out).replace(os.sep, "/")
        target = os.path.join(readers, url.lstrip("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "w", encoding="utf-8").write(text[c.start:c.end].strip() + "\n")
PY
    echo "== $name"
    (cd "$work/out" && find . -type f | sed 's|^\.||; s|/index.html$|/|' | sort)
    rm -rf "$work"
done
