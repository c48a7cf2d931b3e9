#!/usr/bin/env bash
# What saving an article costs before and after revisions (issue 17): write units of the save's transaction and its
# latency (median, p90) over N saves of a published article, at two body sizes, on DynamoDB Local over HTTP in one
# JVM (bench/saves/SaveCost.java). "Before" is the same file run against the store of a git worktree of the commit
# before revisions (56b61ce, or --before COMMIT), built in its own reactor; "after" against this working tree.
# Prints a table.
#
# Usage: bench/save-cost.sh [--saves N] [--before COMMIT]
# On a shared machine, through the build lock: flock /tmp/newsroom-build.lock bench/save-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
saves=200
before=56b61ce
while [ $# -gt 0 ]; do
  case "$1" in
    --saves) saves=${2:?--saves needs a number}; shift ;;
    --before) before=${2:?--before needs a commit}; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Okänt argument: $1 (se --help)" >&2; exit 64 ;;
  esac
  shift
done
. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"

classpath() { # classpath DIR: shared's classes, test classes and test class path, built in DIR's own reactor
  (cd "$1" && ./mvnw -B -q -o -DskipTests -Dcheckstyle.skip test-compile dependency:build-classpath -pl shared -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2 \
    && echo "$1/shared/target/classes:$1/shared/target/test-classes:$(cat shared/target/bench.classpath)")
}

worktree="$root/target/bench-saves-before"
if [ ! -d "$worktree" ]; then
  git worktree add --detach "$worktree" "$before" >&2
fi
trap 'git -C "$root" worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT

echo "| store | body | saves | create WCU | save WCU, v2-50 | save WCU, v51+ | save p50 ms | save p90 ms |"
echo "|---|---|---|---|---|---|---|---|"
# Each in its own JVM and its own DynamoDB Local, the worktree's reading its own template.yaml.
(cd "$worktree" && "$java" -cp "$(classpath "$worktree")" "$root/bench/saves/SaveCost.java" "before ($before)" \
  "$saves" 3 30 2>"$root/target/save-cost-before.log" | grep '^|')
"$java" -cp "$(classpath "$root")" "$root/bench/saves/SaveCost.java" "after (revisions)" "$saves" 3 30 2>"$root/target/save-cost-after.log" \
  | grep '^|'
