#!/usr/bin/env bash
# The rebuild benchmark, like for like: one corpus of generated Swedish articles with readers' comments (content
# files with JSON front matter, written by se.newsroom.render.RebuildBench), rendered to a folder by
#   A) a fresh JVM running Newsroom's full rebuild (SiteBuild, SnapshotSiteContent, FolderSiteWriter) from the
#      render function's deployable jar, reading those files, and
#   B) a fresh `hugo` (Debian package) on a Hugo site over the same files, its layouts in bench/hugo/ (the same
#      page types, words and markup as Newsroom's templates, its paginator and taxonomies for the lists).
# Runs alternate A B A B … (a first pair is a warm-up for the file cache and not counted); each run is timed by
# /usr/bin/time -v (wall clock, peak RSS) and writes into an empty folder. Prints a Markdown table: files written,
# wall seconds min / median / max, pages per second at the median, peak RSS.
#
# Usage: bench/render-vs-hugo.sh [runs]     (default 5; ARTICLES=10000; WORK=<dir> to keep the files; SKIP_BUILD=1)
# Builds with ./mvnw (the render module and what it needs, tests skipped). Output goes to /dev/shm when it exists,
# so that both sides write to memory, not to a disk other work is using.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
articles=${ARTICLES:-10000}
command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo; }
. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
render=functions/render
if [ "${SKIP_BUILD-}" != 1 ]; then
  ./mvnw -B -ntp -q -pl "$render" -am -DskipTests package
fi
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=${WORK:-$(mktemp -d "$base/newsroom-rebuild.XXXXXX")}
mkdir -p "$work"
rm -rf "${work:?}"/*

# The bench's classes beside the function's own jar (the classes Lambda runs).
"$JAVA_HOME/bin/jar" cf "$work/rebuild-bench.jar" -C "$render/target/test-classes" se/newsroom/render
cp="$render/target/render-function.jar:$work/rebuild-bench.jar"

site="$work/site"
cp -r bench/hugo "$site"
mkdir -p "$site/static/assets"
cp "$render"/src/main/resources/se/newsroom/render/site/assets/* "$site/static/assets/"
"$java" -cp "$cp" se.newsroom.render.RebuildBench corpus "$site" "$articles"

# The JVM as a fresh rebuild process should run: C1 only (a run of seconds never pays back C2's compilations),
# the serial collector (no GC threads competing with the two render threads; a small heap), and an AOT cache (JDK
# 25: classes loaded and linked, profiles) or on older JDKs an AppCDS archive, made by one training run here.
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k)
feature=$(newsroom_java_feature "$JAVA_HOME")
if [ "$feature" -ge 25 ]; then
  "$java" "${jvm[@]}" -XX:AOTCacheOutput="$work/rebuild.aot" -cp "$cp" se.newsroom.render.RebuildBench render \
    "$site" "$work/training" >"$work/training.log" 2>&1
  jvm+=(-XX:AOTCache="$work/rebuild.aot")
else
  "$java" "${jvm[@]}" -XX:ArchiveClassesAtExit="$work/rebuild.jsa" -cp "$cp" se.newsroom.render.RebuildBench \
    render "$site" "$work/training" >"$work/training.log" 2>&1
  jvm+=(-XX:SharedArchiveFile="$work/rebuild.jsa")
fi
rm -rf "$work/training"
newsroom=("$java" "${jvm[@]}" -cp "$cp" se.newsroom.render.RebuildBench render "$site")
hugo=(hugo --quiet --source "$site" --destination)

wall() { # seconds from /usr/bin/time -v's "m:ss.cc" or "h:mm:ss"
  sed -n 's/.*Elapsed (wall clock) time.*: //p' "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'
}
rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
for i in $(seq 0 "$runs"); do
  rm -rf "$work/out-newsroom" "$work/out-hugo"
  /usr/bin/time -v -o "$work/newsroom.$i" "${newsroom[@]}" "$work/out-newsroom" >/dev/null
  /usr/bin/time -v -o "$work/hugo.$i" "${hugo[@]}" "$work/out-hugo"
  [ "$i" = 0 ] && continue
  wall "$work/newsroom.$i" >>"$work/newsroom.wall"
  wall "$work/hugo.$i" >>"$work/hugo.wall"
  rss "$work/newsroom.$i" >>"$work/newsroom.rss"
  rss "$work/hugo.$i" >>"$work/hugo.rss"
done

pages() { find "$1" -type f | wc -l; }
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
row() { # name, output folder, file prefix
  local n m
  n=$(pages "$2")
  m=$(median "$work/$3.wall")
  printf '| %s | %d | %.2f / %.2f / %.2f | %.0f | %d MiB |\n' "$1" "$n" "$(sort -g "$work/$3.wall" | head -n 1)" "$m" \
    "$(sort -g "$work/$3.wall" | tail -n 1)" "$(awk -v n="$n" -v m="$m" 'BEGIN { print n / m }')" \
    "$(sort -g "$work/$3.rss" | tail -n 1 | awk '{ print int($1 / 1024) }')"
}
echo
echo "Rebuild of $articles articles, fresh processes, $runs runs each (alternating, after a warm-up pair), $(nproc) cores"
echo
echo "| renderer | files written | wall s min / median / max | pages/s (median) | peak RSS (max) |"
echo "|---|---:|---:|---:|---:|"
row "Newsroom rebuild, fresh JVM ($("$java" -version 2>&1 | head -n 1 | cut -d'"' -f2))" "$work/out-newsroom" newsroom
row "Hugo $(hugo version | cut -d' ' -f2 | sed 's/+extended//')" "$work/out-hugo" hugo
echo
echo "Files: $work (kept; delete when done)"
