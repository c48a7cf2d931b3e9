#!/usr/bin/env bash
# The WordPress import benchmark: a generated export of 10,000 posts with 30,000 comments (WXR 1.2, Swedish
# Gutenberg bodies of 1-4 KB, threads up to three deep, statuses mixed; written by
# importer/src/test/java/se/newsroom/importer/fixtures/WxrExportGenerator.java, seeded, never committed), imported
# by local/import into a fresh local data directory, then imported again into the same one (the repeat must change
# nothing). Measures wall time, posts/s, comments/s and peak memory (GNU time's maximum resident set size), and
# how long each phase took. Prints a table.
#
# Usage: bench/import.sh [--quick] [--posts N] [--uploads DIR]
#   --quick      1,000 posts and 3,000 comments, for a smoke run
#   --posts N    N posts (3 N comments)
#   --uploads D  a copy of wp-content/uploads (default: none, so every image is reported missing)
# Environment: IMPORT_JAVA_OPTS, extra JVM options for the import (e.g. -Xmx512m to show it fits a small heap).
# On a shared machine, through the build lock: flock /tmp/newsroom-build.lock bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

posts=10000
uploads=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) posts=1000 ;;
    --posts) posts=${2:?--posts needs a number}; shift ;;
    --uploads) uploads=(--uploads "$(cd "${2:?--uploads needs a directory}" && pwd)"); shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Okänt argument: $1 (se --help)" >&2; exit 64 ;;
  esac
  shift
done
if [ ! -x /usr/bin/time ]; then
  echo "GNU time behövs för att mäta minnet: apt-get install -y time" >&2
  exit 1
fi

work="$root/target/bench-import"
rm -rf "$work"
mkdir -p "$work"
export="$work/export-$posts.xml"

. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"

echo "Writing the export: $posts posts ..."
"$java" importer/src/test/java/se/newsroom/importer/fixtures/WxrExportGenerator.java "$export" "$posts" \
  | tee "$work/export.txt"

echo "Building local/import ..."
./mvnw -B -q -DskipTests install -pl local -am

# The same jar and main class local/import runs after this same build. Started here rather than through the script
# so that Maven's own JVM (its up-to-date check) is neither in the wall time nor in the peak memory.
run() { # run NAME: one import into $work/data, timed; its lines stamped with the seconds since it started
  local name=$1 start=$EPOCHREALTIME
  set +e
  # shellcheck disable=SC2086 # several options, split on purpose
  NEWSROOM_CALLER_DIR="$root" /usr/bin/time -v -o "$work/$name.time" \
    "$java" $NEWSROOM_QUIET_JVM_OPTS ${IMPORT_JAVA_OPTS-} -cp local/target/newsroom-local.jar \
    se.newsroom.local.ImportCommand "$export" --data-dir "$work/data" "${uploads[@]}" \
    --report "$work/$name.json" </dev/null 2>&1 \
    | while IFS= read -r line; do
        awk -v now="$EPOCHREALTIME" -v start="$start" -v line="$line" \
          'BEGIN { printf "%8.1f  %s\n", now - start, line }'
      done > "$work/$name.log"
  local rc=${PIPESTATUS[0]}
  set -e
  echo "$rc" > "$work/$name.rc"
  echo "  $name: exit $rc, log in $work/$name.log"
}

echo "Importing (first run, into an empty local site) ..."
run first
echo "Importing again (the repeat, same data directory) ..."
run second

wall() { # seconds, from GNU time's h:mm:ss or m:ss.ss
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}
rss() { # MiB
  sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.0f", $1 / 1024 }'
}
outcome() { # outcome TYPE OUTCOME REPORT: how many items of that type had that outcome, over all statuses
  jq --arg t "$1" --arg o "$2" '[.counts[$t] // {} | .[] | .[$o] // 0] | add // 0' "$3"
}

printf '\nImport of %s (%s MB): %s\n' "$(basename "$export")" \
  "$(awk '{ printf "%.0f", $1 / 1e6 }' < <(stat -c %s "$export"))" \
  "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $("$java" -version 2>&1 | head -1)"
printf '%-8s %5s %9s %9s %9s %10s %10s %9s %9s\n' run exit wall_s posts_in comm_in posts/s comm/s unchanged peak_MiB
for name in first second; do
  report="$work/$name.json"
  secs=$(wall "$work/$name.time")
  if [ -f "$report" ]; then
    p=$(outcome post IMPORTED "$report")
    c=$(outcome comment IMPORTED "$report")
    u=$(( $(outcome post UNCHANGED "$report") + $(outcome comment UNCHANGED "$report") ))
  else
    p=- c=- u=-
  fi
  # The rate is over every post and comment the file holds (read, converted, and written or found written).
  read_posts=$(grep -c '<wp:post_type><!\[CDATA\[post\]\]>' "$export" || true)
  read_comments=$(grep -c '<wp:comment>' "$export" || true)
  printf '%-8s %5s %9s %9s %9s %10.0f %10.0f %9s %9s\n' "$name" "$(cat "$work/$name.rc")" "$secs" "$p" "$c" \
    "$(awk -v n="$read_posts" -v s="$secs" 'BEGIN { print n / s }')" \
    "$(awk -v n="$read_comments" -v s="$secs" 'BEGIN { print n / s }')" "$u" "$(rss "$work/$name.time")"
done

printf '\nPhases of the first run (seconds from its start, from its progress lines):\n'
grep -E ' …$' "$work/first.log" || echo "  (no phase lines)"
printf '\nThe first run'"'"'s report, its first lines:\n'
grep -v '^ *[0-9.]* *$' "$work/first.log" | grep -vE '[0-9] %  ' | sed -n '1,40p'
