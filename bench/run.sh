#!/usr/bin/env bash
# Kiln benchmark harness: builds of blogs of the shapes people have (the
# repository's own site, 10 and 100 posts, an image-heavy blog of 100 posts:
# cold, warm and one post edited) and cold full builds of large generated blogs,
# Kiln vs the installed peers among Hugo and Jekyll; then the save-to-reload
# latency of the preview servers. Not part of `mvn test`. See bench/README.md.
#
# usage: bench/run.sh [SIZE...] [--shapes LIST] [--runs N] [--no-serve]
#                     [--peers LIST] [--edits K] [--serve-size N]
#                     [--build-timeout S] [--rebuild-jar]
# Results (Markdown) go to stdout, progress to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
helper=$here/bench_helper.py
shared=${BENCH_SHARED:-$repo/../shared/bench}
make_corpus=$shared/make-corpus.py
peers_dir=$shared/peers
default_jar=$repo/target/kiln.jar

usage() {
  cat <<EOF
usage: bench/run.sh [SIZE...] [options]

Builds of blogs of four shapes (cold, warm, one post edited), then cold full
builds of SIZE-post blogs (default: 1000 10000), by Kiln and the installed
peers; then the preview's save-to-reload latency. Markdown tables go to stdout,
progress to stderr.

  SIZE...              numbers of posts, e.g. 1000 10000 100000, or "none"
  --shapes LIST        comma-separated among site,10,100,images, or "none"
                       (default: all four): site = the repository's content/
                       and templates/; 10, 100 = generated posts; images = 100
                       posts, one in three showing 1-6 large images
  --runs N             rounds per tool and size or shape (default 3)
  --peers LIST         comma-separated among hugo,jekyll,eleventy, or "none"
                       (default: those of hugo,jekyll that are installed)
  --no-serve           skip the serve latency measurement
  --edits K            edits per server for the latency (default 5)
  --serve-size N       site size for the latency (default: the largest SIZE
                       that is <= 10000); the image-heavy blog's is measured
                       too when its shape is run
  --build-timeout S    limit per build, in seconds (default 1800)
  --rebuild-jar        rebuild target/kiln.jar (mvn package -DskipTests) first
  -h, --help           this text

Environment: KILN_JAR (default <repo>/target/kiln.jar, built if missing),
KILN_JAVA_OPTS (set: builds run as java KILN_JAVA_OPTS -jar kiln.jar, "" for
plain java -jar; unset: through the distribution's bin/kiln, start-up cache
included), KILN_SERVE_JAVA_OPTS (the same for serve), BENCH_DIR (default /dev/shm/kiln-bench),
BENCH_SHARED (default ../shared/bench beside the repository), HUGO_FLAGS, JEKYLL_FLAGS,
ELEVENTY_FLAGS, ELEVENTY_HOME.
EOF
}

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

# ----------------------------------------------------------------- options --
sizes=()
shapes_opt=site,10,100,images
runs=3
serve=1
peers_opt=
edits=5
serve_size=
build_timeout=1800
rebuild_jar=0
edit_timeout=120
serve_start_timeout=900

while (($#)); do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --shapes) shapes_opt=${2-}; [[ $# -ge 2 ]] || die "--shapes needs a list"; shift ;;
    --shapes=*) shapes_opt=${1#*=} ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --runs=*) runs=${1#*=} ;;
    --no-serve) serve=0 ;;
    --peers) peers_opt=${2-}; [[ $# -ge 2 ]] || die "--peers needs a list"; peers_opt=${peers_opt:-none}; shift ;;
    --peers=*) peers_opt=${1#*=}; peers_opt=${peers_opt:-none} ;;
    --edits) edits=${2:?--edits needs a number}; shift ;;
    --edits=*) edits=${1#*=} ;;
    --serve-size) serve_size=${2:?--serve-size needs a number}; shift ;;
    --serve-size=*) serve_size=${1#*=} ;;
    --build-timeout) build_timeout=${2:?--build-timeout needs seconds}; shift ;;
    --build-timeout=*) build_timeout=${1#*=} ;;
    --rebuild-jar) rebuild_jar=1 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
((${#sizes[@]})) || sizes=(1000 10000)
[[ ${sizes[*]} != none ]] || sizes=()
declare -A seen=()
uniq_sizes=()
for n in "${sizes[@]}"; do
  [[ -n ${seen[$n]:-} ]] || uniq_sizes+=("$n")
  seen[$n]=1
done
sizes=("${uniq_sizes[@]}")
for n in ${sizes[@]+"${sizes[@]}"} "$runs" "$edits" "$build_timeout" ${serve_size:+"$serve_size"}; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "not a positive number: $n"
done
shapes=()
if [[ ${shapes_opt:-none} != none ]]; then
  IFS=, read -r -a shapes <<<"$shapes_opt"
  for shape in "${shapes[@]}"; do
    [[ $shape == site || $shape == 10 || $shape == 100 || $shape == images ]] || die "unknown shape: $shape (site, 10, 100, images)"
  done
fi

# ---------------------------------------------------------------- machine --
load_start=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')
command -v java >/dev/null || die "java is not installed"
command -v python3 >/dev/null || die "python3 is not installed"
[[ -x $make_corpus ]] || die "corpus generator not found: $make_corpus (set BENCH_SHARED)"
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (EPOCHREALTIME)"
gnu_time=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' -o /dev/null true 2>/dev/null; then
  gnu_time=/usr/bin/time
else
  say "GNU time (/usr/bin/time) not found: wall time is measured in bash, peak RSS is n/a (apt-get install time)"
fi

# ------------------------------------------------------------------ peers --
has_peer() {
  case $1 in
    hugo) command -v hugo >/dev/null ;;
    jekyll) command -v jekyll >/dev/null && command -v ruby >/dev/null &&
      ruby -e 'require "jekyll"; %w[jekyll-feed jekyll-sitemap jekyll-archives].each { |g| require g }' >/dev/null 2>&1 ;;
    eleventy) command -v node >/dev/null &&
      [[ -f ${ELEVENTY_HOME:-$peers_dir/eleventy}/node_modules/@11ty/eleventy/cmd.cjs ]] ;;
    *) return 1 ;;
  esac
}
peers=()
if [[ -z $peers_opt ]]; then
  for p in hugo jekyll; do
    if has_peer "$p"; then peers+=("$p"); else say "$p is not installed (or lacks its plugins): left out"; fi
  done
elif [[ $peers_opt != none ]]; then
  IFS=, read -r -a wanted <<<"$peers_opt"
  for p in "${wanted[@]}"; do
    [[ $p == hugo || $p == jekyll || $p == eleventy ]] || die "unknown peer: $p (hugo, jekyll, eleventy)"
    [[ -x $peers_dir/$p/build.sh ]] || die "no $peers_dir/$p/build.sh"
    has_peer "$p" || die "$p was asked for but is not installed (jekyll also needs ruby-jekyll-feed ruby-jekyll-sitemap ruby-jekyll-archives; eleventy needs ELEVENTY_HOME with node_modules)"
    peers+=("$p")
  done
fi
tools=(kiln ${peers[@]+"${peers[@]}"})

if [[ -z ${BENCH_DIR:-} ]]; then
  if [[ -d /dev/shm && -w /dev/shm ]]; then
    BENCH_DIR=/dev/shm/kiln-bench
  else
    BENCH_DIR=${TMPDIR:-/tmp}/kiln-bench
    say "no /dev/shm: working in $BENCH_DIR (not tmpfs; deleting outputs may slow later builds)"
  fi
fi
mkdir -p "$BENCH_DIR/tmp"
bench_dir=$(cd "$BENCH_DIR" && pwd)
export TMPDIR=$bench_dir/tmp   # the peers' work dirs and Hugo's cache go there
results=$bench_dir/results-$(date +%Y%m%d-%H%M%S)
mkdir -p "$results"
builds_tsv=$results/builds.tsv
shapes_tsv=$results/shapes.tsv
serve_tsv=$results/serve.tsv
: >"$builds_tsv"
: >"$shapes_tsv"
: >"$serve_tsv"

# -------------------------------------------------------------- kiln's jar --
jar=${KILN_JAR:-$default_jar}
if ((rebuild_jar)) || [[ ! -f $jar ]]; then
  if [[ $(realpath -m "$jar") != "$(realpath -m "$default_jar")" ]]; then
    ((rebuild_jar)) && die "--rebuild-jar builds $default_jar; unset KILN_JAR to use it"
    die "KILN_JAR=$jar does not exist"
  fi
  command -v mvn >/dev/null || die "$jar is missing and mvn is not installed"
  say "building $jar: mvn -B -q -ntp package -DskipTests"
  if ! (cd "$repo" && timeout 1800 mvn -B -q -ntp package -DskipTests) >"$results/mvn.log" 2>&1; then
    tail -n 40 "$results/mvn.log" >&2
    say "error: the jar did not build (log: $results/mvn.log)"
    exit 1
  fi
fi
# A private copy: a concurrent `mvn package` cannot change the jar mid-run.
cp -p "$jar" "$bench_dir/kiln.jar"
kiln_jar=$bench_dir/kiln.jar
# Kiln runs as a user of the distribution runs it: through its bin/kiln (the very file, with its
# JVM options and its start-up cache), in a copy of the zip's layout, unless KILN_JAVA_OPTS says
# which options to give java -jar instead.
dist=$bench_dir/dist
rm -rf "$dist"
mkdir -p "$dist/bin" "$dist/lib"
cp "$repo/src/dist/bin/kiln" "$dist/bin/kiln"
cp -p "$kiln_jar" "$dist/lib/kiln.jar"
export KILN_STARTUP_CACHE=$bench_dir/startup-cache   # the launcher's; never the user's own
rm -rf "$KILN_STARTUP_CACHE"
if [[ -n ${KILN_JAVA_OPTS+set} ]]; then
  read -r -a java_opts <<<"$KILN_JAVA_OPTS"
  kiln_build=(java ${java_opts[@]+"${java_opts[@]}"} -jar "$kiln_jar" build)
  kiln_how="java ${KILN_JAVA_OPTS:-(no options)} -jar kiln.jar"
else
  kiln_build=("$dist/bin/kiln" build)
  kiln_how="bin/kiln (its options and start-up cache, made before the timed runs)"
fi
if [[ -n ${KILN_SERVE_JAVA_OPTS+set} ]]; then
  read -r -a serve_java_opts <<<"$KILN_SERVE_JAVA_OPTS"
  kiln_serve=(java ${serve_java_opts[@]+"${serve_java_opts[@]}"} -jar "$kiln_jar" serve)
  serve_how="java ${KILN_SERVE_JAVA_OPTS:-(no options)} -jar kiln.jar"
else
  kiln_serve=("$dist/bin/kiln" serve)
  serve_how="bin/kiln"
fi

# ---------------------------------------------------------------- cleanup --
server_pids=()
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in ${server_pids[@]+"${server_pids[@]}"}; do stop_pid "$pid"; done
  server_pids=()
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# ---------------------------------------------------------------- helpers --
count_posts() { find "$1/posts" -maxdepth 1 -type f -name '*.md' 2>/dev/null | wc -l; }

ensure_corpus() { # N -> prints the corpus dir
  local n=$1 dir=$bench_dir/corpus-$1
  if [[ -f $dir/.complete ]] && (($(count_posts "$dir") == n)); then
    say "corpus of $n posts: reusing $dir"
  else
    say "corpus of $n posts: generating into $dir"
    rm -rf "$dir"
    timeout 3600 python3 "$make_corpus" "$dir" "$n" >&2 || { say "error: corpus generation failed"; exit 1; }
    (($(count_posts "$dir") == n)) || { say "error: $dir/posts does not hold $n posts"; exit 1; }
    touch "$dir/.complete"
  fi
  printf '%s\n' "$dir"
}

ensure_kiln_site() { # N CORPUS -> prints the site dir (content/posts + site.yml)
  local n=$1 corpus=$2 site=$bench_dir/kiln-site-$1
  if ! [[ -f $site/.complete ]] || (($(count_posts "$site/content") != n)); then
    rm -rf "$site"
    mkdir -p "$site/content"
    cp -r "$corpus/posts" "$site/content/posts"
    printf 'title: Bench Blog\nurl: https://example.org\n' >"$site/content/site.yml"
    touch "$site/.complete"
  fi
  printf '%s\n' "$site"
}

ref_post() { # SITE_POSTS_DIR -> the reference post (post 0), else the first one
  local dir=$1 f
  for f in "$dir"/2019-03-18-be-prepared-for-your-interview-at-amazon.md "$dir"/*.md; do
    [[ -f $f ]] && { printf '%s\n' "${f##*/}"; return 0; }
  done
  return 1
}

now() { local t=$EPOCHREALTIME; printf '%s\n' "${t/[^0-9]/.}"; }

# run_timed LOG CMD... : runs CMD (bounded by --build-timeout) with stdout and
# stderr in LOG; sets T_SECS (wall seconds of the whole process), T_CPU (user +
# system seconds of it and its children, or n/a), T_RSS (peak RSS in KB of the
# largest process, or n/a) and T_STATUS (ok, failed, timeout).
run_timed() {
  local logf=$1 rc=0 start end line
  shift
  start=$(now)
  if [[ -n $gnu_time ]]; then
    "$gnu_time" -f '%M %U %S' -o "$logf.rss" timeout --foreground -k 10 "$build_timeout" "$@" >"$logf" 2>&1 || rc=$?
  else
    timeout --foreground -k 10 "$build_timeout" "$@" >"$logf" 2>&1 || rc=$?
  fi
  end=$(now)
  T_SECS=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  T_RSS=n/a
  T_CPU=n/a
  if [[ -n $gnu_time && -s $logf.rss ]]; then
    line=$(tail -n 1 "$logf.rss")   # a failed command adds a first line
    if [[ $line =~ ^([0-9]+)\ ([0-9.]+)\ ([0-9.]+)$ ]]; then
      T_RSS=${BASH_REMATCH[1]}
      T_CPU=$(awk -v u="${BASH_REMATCH[2]}" -v s="${BASH_REMATCH[3]}" 'BEGIN { printf "%.2f", u + s }')
    fi
  fi
  case $rc in
    0) T_STATUS=ok ;;
    124|137) T_STATUS=timeout ;;
    *) T_STATUS=failed ;;
  esac
}

# prepare TOOL N CORPUS SITE OUT WORK: untimed; removes OUT and Kiln's image
# cache or, for a peer, copies its skeleton and the corpus into WORK with the
# peer's own build.sh.
prepare() {
  local tool=$1 site=$4 out=$5 work=$6
  rm -rf "$out"
  if [[ $tool == kiln ]]; then
    rm -rf "$site/.kiln-cache"
  else
    BENCH_KEEP_WORK=$work BENCH_PREPARE_ONLY=1 bash "$peers_dir/$tool/build.sh" "$3" "$out" >/dev/null
  fi
}

# build_cmd TOOL SITE OUT WORK: the timed command (the last line of the peer's
# build.sh, without its copying).
build_cmd() {
  local tool=$1 site=$2 out=$3 work=$4 flags
  case $tool in
    kiln) cmd=("${kiln_build[@]}" --source "$site" --output "$out") ;;
    hugo) read -r -a flags <<<"${HUGO_FLAGS:-}"
      cmd=(hugo --source "$work" --destination "$out" ${flags[@]+"${flags[@]}"}) ;;
    jekyll) read -r -a flags <<<"${JEKYLL_FLAGS:-}"
      cmd=(jekyll build --source "$work" --destination "$out" ${flags[@]+"${flags[@]}"}) ;;
    eleventy) read -r -a flags <<<"${ELEVENTY_FLAGS:-}"
      cmd=(env -C "$work" node "${ELEVENTY_HOME:-$peers_dir/eleventy}/node_modules/@11ty/eleventy/cmd.cjs"
        --input=. --output="$out" ${flags[@]+"${flags[@]}"}) ;;
  esac
}

failed=0
declare -A dead=()       # "N tool" or "shape S tool" -> 1 once a build failed: no more runs

# ------------------------------------------------------------ blog shapes --
# Each shape: a corpus (posts/, and img/ for the image-heavy one) that the peers' build.sh copy,
# Kiln's site, and the post the "edit" run changes.
declare -A shape_corpus=() shape_site=() shape_post=() shape_title=()

ensure_image_corpus() { # -> prints the dir: make-corpus.py's 100 posts, images added by ImageBlog.java
  local dir=$bench_dir/corpus-images text
  if [[ -f $dir/.complete ]]; then
    say "image-heavy corpus: reusing $dir"
  else
    text=$(ensure_corpus 100)
    say "image-heavy corpus: generating into $dir (java bench/ImageBlog.java, a minute or more)"
    rm -rf "$dir"
    if ! timeout 3600 java "$here/ImageBlog.java" "$text" "$dir" >"$bench_dir/corpus-images.log" 2>&1; then
      tail -n 20 "$bench_dir/corpus-images.log" >&2
      say "error: the image-heavy corpus was not made"
      exit 1
    fi
    cp "$bench_dir/corpus-images.log" "$dir/.complete"
  fi
  printf '%s\n' "$dir"
}

for shape in ${shapes[@]+"${shapes[@]}"}; do
  case $shape in
    site)
      # The repository's own site: Kiln builds content/ and templates/; the peers, its posts.
      corpus=$bench_dir/corpus-site
      site=$bench_dir/kiln-site-site
      rm -rf "$corpus" "$site"
      mkdir -p "$corpus" "$site"
      cp -r "$repo/content/posts" "$corpus/posts"
      cp -r "$repo/content" "$repo/templates" "$site/"
      shape_title[$shape]="The repository's own site: content/ and templates/, $(find "$site" -type f | wc -l) files, $(count_posts "$site/content") post(s) and $(find "$site/content" -name '*.md' ! -path '*/posts/*' | wc -l) page(s); the peers build its posts"
      ;;
    10 | 100)
      corpus=$(ensure_corpus "$shape")
      site=$(ensure_kiln_site "$shape" "$corpus")
      shape_title[$shape]="$shape posts (make-corpus.py)"
      ;;
    images)
      corpus=$(ensure_image_corpus)
      site=$bench_dir/kiln-site-images
      if ! [[ -f $site/.complete ]]; then
        rm -rf "$site"
        mkdir -p "$site/content"
        cp -r "$corpus/posts" "$corpus/img" "$site/content/"
        printf 'title: Bench Blog\nurl: https://example.org\n' >"$site/content/site.yml"
        touch "$site/.complete"
      fi
      shape_title[$shape]="Image-heavy: $(sed -n 's/^wrote \([0-9]*\) posts and \([0-9]*\) images (\(.*\)) to .*/\1 posts, one in three showing \2 images (\3)/p' "$corpus/.complete")"
      ;;
  esac
  shape_corpus[$shape]=$corpus
  shape_site[$shape]=$site
  if [[ $shape == images ]]; then
    post=$(grep -l -m 1 '](/img/' "$corpus"/posts/*.md | head -n 1)
    shape_post[$shape]=${post##*/}
  else
    shape_post[$shape]=$(ref_post "$corpus/posts")
  fi
done

# The tool's own copy of the post that the edit run changes.
post_of() { # TOOL SHAPE SITE WORK
  case $1 in
    kiln) printf '%s\n' "$3/content/posts/${shape_post[$2]}" ;;
    hugo) printf '%s\n' "$4/content/posts/${shape_post[$2]}" ;;
    jekyll) printf '%s\n' "$4/_posts/${shape_post[$2]}" ;;
    eleventy) printf '%s\n' "$4/posts/${shape_post[$2]}" ;;
  esac
}

if ((${#shapes[@]})) && [[ -z ${KILN_JAVA_OPTS+set} ]]; then
  # bin/kiln makes its start-up cache before its first build: a user's every build after that
  # is the one measured.
  say "kiln: making the start-up cache (bin/kiln's first build, not timed)"
  rm -rf "$bench_dir/warm-up"
  "$dist/bin/kiln" new site "$bench_dir/warm-up" >/dev/null
  "$dist/bin/kiln" build --source "$bench_dir/warm-up" --quiet || die "bin/kiln could not build a new site"
  find "$KILN_STARTUP_CACHE" -maxdepth 1 -type f \( -name '*.jsa' -o -name '*.aot' \) | grep -q . \
    || say "warning: bin/kiln made no start-up cache (see src/dist/bin/kiln); Kiln runs without it"
  rm -rf "$bench_dir/warm-up"
fi

for shape in ${shapes[@]+"${shapes[@]}"}; do
  corpus=${shape_corpus[$shape]}
  site=${shape_site[$shape]}
  for ((r = 1; r <= runs; r++)); do
    for tool in "${tools[@]}"; do
      [[ -z ${dead["shape $shape $tool"]:-} ]] || continue
      if [[ $shape == images && $tool == eleventy ]]; then
        continue # no image set-up for it (peers/add-images.sh)
      fi
      out=$bench_dir/out/$tool-shape-$shape
      work=$bench_dir/work/$tool-shape-$shape
      mkdir -p "$bench_dir/out" "$bench_dir/work"
      # Cold: no output and, for a peer, a fresh work dir (no .jekyll-cache, no resources/_gen).
      prepare "$tool" "$shape" "$corpus" "$site" "$out" "$work"
      if [[ $tool == kiln ]]; then
        cp "$corpus/posts/${shape_post[$shape]}" "$(post_of kiln "$shape" "$site" "$work")"
      elif [[ $shape == images ]]; then
        bash "$here/peers/add-images.sh" "$tool" "$corpus" "$work"
      fi
      for run in cold warm edit; do
        if [[ $run == edit ]]; then
          printf '\n\nBench edit %d: a new last line.\n' "$r" >>"$(post_of "$tool" "$shape" "$site" "$work")"
        fi
        build_cmd "$tool" "$site" "$out" "$work"
        logf=$results/shape-$shape-$tool-$run-$r.log
        run_timed "$logf" "${cmd[@]}"
        printf 'shape\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$run" "$tool" "$r" "$T_SECS" "$T_CPU" "$T_RSS" "$T_STATUS" >>"$shapes_tsv"
        rss_mib=n/a
        [[ $T_RSS == n/a ]] || rss_mib=$((T_RSS / 1024))
        say "shape $shape, round $r/$runs, $tool $run: $T_STATUS, ${T_SECS} s, CPU ${T_CPU} s, peak RSS ${rss_mib} MiB"
        if [[ $T_STATUS != ok ]]; then
          tail -n 20 "$logf" | sed 's/^/    /' >&2
          say "error: $tool failed on shape $shape (log: $logf); no more runs of it there"
          dead["shape $shape $tool"]=1
          failed=1
          break
        fi
      done
    done
  done
  for tool in "${tools[@]}"; do
    out=$bench_dir/out/$tool-shape-$shape
    if [[ -z ${dead["shape $shape $tool"]:-} && -d $out ]]; then
      printf 'files\t%s\t%s\t%s\n' "$shape" "$tool" "$(find "$out" -type f | wc -l)" >>"$shapes_tsv"
    fi
    rm -rf "$out" "$bench_dir/work/$tool-shape-$shape"
  done
  cp "$corpus/posts/${shape_post[$shape]}" "$(post_of kiln "$shape" "$site" "")"
done

# ------------------------------------------------------------ cold builds --
declare -A corpus_of=() site_of=()
for n in "${sizes[@]}"; do
  corpus_of[$n]=$(ensure_corpus "$n")
  site_of[$n]=$(ensure_kiln_site "$n" "${corpus_of[$n]}")
done

for n in "${sizes[@]}"; do
  corpus=${corpus_of[$n]}
  site=${site_of[$n]}
  for ((r = 1; r <= runs; r++)); do
    for tool in "${tools[@]}"; do
      [[ -z ${dead["$n $tool"]:-} ]] || continue
      out=$bench_dir/out/$tool-$n
      work=$bench_dir/work/$tool-$n
      mkdir -p "$bench_dir/out" "$bench_dir/work"
      prepare "$tool" "$n" "$corpus" "$site" "$out" "$work"
      build_cmd "$tool" "$site" "$out" "$work"
      logf=$results/build-$n-$tool-$r.log
      run_timed "$logf" "${cmd[@]}"
      printf 'build\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$r" "$T_SECS" "$T_RSS" "$T_STATUS" >>"$builds_tsv"
      extra=
      if [[ $tool == kiln ]]; then
        extra=$(grep -m 1 -o 'Built [0-9]* pages ([0-9]* files) in [0-9]* ms' "$logf" || true)
        [[ -z $extra ]] || extra=" ($extra)"
      fi
      rss_mib=n/a
      [[ $T_RSS == n/a ]] || rss_mib=$((T_RSS / 1024))
      say "$n posts, round $r/$runs, $tool: $T_STATUS, ${T_SECS} s, peak RSS ${rss_mib} MiB$extra"
      if [[ $T_STATUS != ok ]]; then
        tail -n 20 "$logf" | sed 's/^/    /' >&2
        say "error: $tool failed on $n posts (log: $logf); no more runs of it at this size"
        dead["$n $tool"]=1
        failed=1
      fi
    done
  done
  for tool in "${tools[@]}"; do
    out=$bench_dir/out/$tool-$n
    if [[ -z ${dead["$n $tool"]:-} && -d $out ]]; then
      printf 'files\t%s\t%s\t%s\n' "$n" "$tool" "$(find "$out" -type f | wc -l)" >>"$builds_tsv"
    fi
    rm -rf "$out" "$bench_dir/work/$tool-$n"
  done
done

# ---------------------------------------------------------- serve latency --
serve_failed() { # N TOOL NOTE
  printf '%s\t%s\t\tfailed\t%s\t%s\n' "$1" "$2" "$edits" "$3" >>"$serve_tsv"
  failed=1
}

measure_kiln_serve() { # LABEL SITE POST: the latency of edits to content/posts/POST of a copy of SITE
  local n=$1 dir=$bench_dir/serve/kiln-site logf=$results/serve-kiln-$1.log pid line url post=$3
  rm -rf "$dir"
  mkdir -p "$bench_dir/serve"
  cp -r "$2" "$dir"
  say "serve: kiln on $n, editing content/posts/$post $edits times"
  "${kiln_serve[@]}" --source "$dir" --port 0 >"$logf" 2>&1 &
  pid=$!
  server_pids+=("$pid")
  if ! line=$(python3 "$helper" wait-line "$logf" '^Serving http://' --timeout "$serve_start_timeout" --pid "$pid"); then
    tail -n 20 "$logf" | sed 's/^/    /' >&2
    serve_failed "$n" kiln "did not start"
  else
    url=$(grep -o 'http://[^ ]*' <<<"$line")
    url=$(sed -E 's#^(http://[^/]+).*#\1#' <<<"$url")
    say "serve: kiln is up at $url ($(grep -m 1 'built' "$logf" || true))"
    python3 "$helper" latency-sse --url "$url/_kiln/events" --file "$dir/content/posts/$post" \
      --edits "$edits" --timeout "$edit_timeout" --record "$serve_tsv" --posts "$n" --tool kiln || failed=1
  fi
  stop_pid "$pid"
  server_pids=()
}

measure_hugo_serve() {
  local n=$1 work=$bench_dir/serve/hugo-work logf=$results/serve-hugo.log pid port post
  mkdir -p "$bench_dir/serve"
  BENCH_KEEP_WORK=$work BENCH_PREPARE_ONLY=1 bash "$peers_dir/hugo/build.sh" "${corpus_of[$n]}" "$bench_dir/serve/hugo-unused" >/dev/null
  post=$(ref_post "$work/content/posts")
  port=$(python3 "$helper" free-port)
  say "serve: hugo on $n posts, editing content/posts/$post $edits times"
  hugo server --source "$work" --bind 127.0.0.1 --port "$port" --disableFastRender >"$logf" 2>&1 &
  pid=$!
  server_pids+=("$pid")
  if ! python3 "$helper" wait-line "$logf" 'Web Server is available at' --timeout "$serve_start_timeout" --pid "$pid" >/dev/null; then
    tail -n 20 "$logf" | sed 's/^/    /' >&2
    serve_failed "$n" hugo "did not start"
  else
    say "serve: hugo is up on port $port ($(grep -m 1 '^Built in' "$logf" || true))"
    python3 "$helper" latency-log --log "$logf" --regex '^(Total|Rebuilt) in [0-9.]+ ?[mµu]?s' \
      --file "$work/content/posts/$post" --edits "$edits" --timeout "$edit_timeout" \
      --record "$serve_tsv" --posts "$n" --tool hugo || failed=1
  fi
  stop_pid "$pid"
  server_pids=()
}

if ((serve)); then
  if [[ -z $serve_size ]]; then
    for n in "${sizes[@]}"; do
      if ((n <= 10000)) && { [[ -z $serve_size ]] || ((n > serve_size)); }; then serve_size=$n; fi
    done
  fi
  if [[ -z $serve_size ]]; then
    say "serve: no size <= 10000 was run; skipping the latency (use --serve-size N)"
  else
    if [[ -z ${site_of[$serve_size]:-} ]]; then
      corpus_of[$serve_size]=$(ensure_corpus "$serve_size")
      site_of[$serve_size]=$(ensure_kiln_site "$serve_size" "${corpus_of[$serve_size]}")
    fi
    measure_kiln_serve "$serve_size" "${site_of[$serve_size]}" "$(ref_post "${site_of[$serve_size]}/content/posts")"
    for p in ${peers[@]+"${peers[@]}"}; do
      if [[ $p == hugo ]]; then measure_hugo_serve "$serve_size"; fi
    done
    rm -rf "$bench_dir/serve"
  fi
  if [[ -n ${shape_site[images]:-} ]]; then
    measure_kiln_serve images "${shape_site[images]}" "${shape_post[images]}"
    rm -rf "$bench_dir/serve"
  fi
fi

# ---------------------------------------------------------------- report --
cpu=$(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
java_v=$(java -version 2>&1 | head -n 1)
versions="java: $java_v"
for p in ${peers[@]+"${peers[@]}"}; do
  case $p in
    hugo) versions+="; hugo: $(hugo version 2>/dev/null | awk '{ print $1, $2 }')" ;;
    jekyll) versions+="; $(jekyll --version 2>/dev/null)" ;;
    eleventy) versions+="; eleventy: $(env -C "$TMPDIR" node "${ELEVENTY_HOME:-$peers_dir/eleventy}/node_modules/@11ty/eleventy/cmd.cjs" --version 2>/dev/null)" ;;
  esac
done
head=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')
sha=$(sha256sum "$kiln_jar" | cut -c1-12)
jar_date=$(date -u -r "$kiln_jar" '+%Y-%m-%d %H:%M UTC')
load_end=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')
disk=tmpfs
[[ $bench_dir == /dev/shm/* ]] || disk="disk ($bench_dir)"

echo "Machine: $(nproc) cores${cpu:+ ($cpu)}, ${mem:-? RAM}, $disk; $versions; kiln: ${jar#"$repo"/} (sha256 $sha, built $jar_date; repo HEAD $head; builds: $kiln_how; serve: $serve_how); load average $load_start at start, $load_end at end; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
if [[ -s $shapes_tsv ]]; then
  echo "Blog shapes, $runs round(s), tools alternating within each round, each tool's cold, warm and edit runs in a row: cold = no output and no cache of the tool's own; warm = the same build again, nothing changed; edit = one post changed (a line added), then built. Wall time and CPU time (user + system) of the whole process, JVM start included; peak RSS of its largest process; Kiln/tool = Kiln's median / the tool's median."
  echo
  titles=$results/shape-titles.tsv
  : >"$titles"
  for shape in "${shapes[@]}"; do printf '%s	%s
' "$shape" "${shape_title[$shape]}" >>"$titles"; done
  python3 "$helper" report-shapes "$shapes_tsv" --titles "$titles"
fi
if [[ -s $builds_tsv ]]; then
  echo "Cold full builds, $runs run(s) per tool and size, tools alternating within each round; wall time of the whole process (JVM start included); peak RSS of its largest process; ratios are tool median / Hugo median."
  echo
fi
python3 "$helper" report "$builds_tsv" --serve "$serve_tsv" --edit-timeout "$edit_timeout"
say "raw results and logs: $results"
if ((failed)); then
  say "some builds or measurements failed (see above)"
  exit 1
fi
