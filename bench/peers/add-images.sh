#!/usr/bin/env bash
# usage: add-images.sh TOOL CORPUS_DIR WORK_DIR
# Adds the image-heavy blog's images (CORPUS_DIR/img) to a peer's work dir that the peer's own
# build.sh prepared (BENCH_KEEP_WORK + BENCH_PREPARE_ONLY):
#   hugo    as global resources (assets/img), shown by a render hook that resizes them to the
#           widths Kiln makes (hugo-images/), with Kiln's JPEG quality (image/ImageProcessor: 0.82)
#   jekyll  as static files (img/): Jekyll copies them and resizes nothing
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tool=$1 corpus=$2 work=$3
[[ -d $corpus/img ]] || { echo "add-images.sh: no $corpus/img" >&2; exit 2; }
case $tool in
  hugo)
    mkdir -p "$work/assets"
    cp -r "$corpus/img" "$work/assets/img"
    cp -r "$here/hugo-images/." "$work/"
    # Resizing a post's images may take longer than Hugo's default limit for a page (60 s) on a busy
    # machine: the build's own time limit (run.sh --build-timeout) is the one that counts.
    { printf 'timeout = "1h"\n'; cat "$work/hugo.toml"; printf '\n[imaging]\n  quality = 82\n'; } >"$work/hugo.toml.new"
    mv "$work/hugo.toml.new" "$work/hugo.toml"
    ;;
  jekyll)
    cp -r "$corpus/img" "$work/img"
    ;;
  *) echo "add-images.sh: no image set-up for $tool" >&2; exit 2 ;;
esac
