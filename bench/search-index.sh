#!/usr/bin/env bash
# The readers' search (issue 15): the index's size for the render bench's 10,000 articles (and for the same articles
# with bodies of distinct words), raw and gzip, then the time to the first result in headless Chromium (Debian's
# chromium and chromedriver), cold, from navigation to /sok/?q=…, on loopback and at 10 Mbit/s with 40 ms latency.
# Prints two tables. Usage: bench/search-index.sh   (NEWSROOM_SEARCH_RUNS=5 browser runs a row; port 18413)
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One reactor build (nothing installed): each module writes its own test class path to its target/bench-cp.
./mvnw -B -q -ntp -DskipTests test-compile dependency:build-classpath -pl local -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-cp
"$java" -Xmx2g -cp "functions/render/target/test-classes:functions/render/target/classes:$(cat functions/render/target/bench-cp)" \
  se.newsroom.render.SearchIndexBench "$work/site"
echo
"$java" -Dbench.runs="${NEWSROOM_SEARCH_RUNS:-5}" \
  -cp "local/target/test-classes:local/target/classes:$(cat local/target/bench-cp)" \
  se.newsroom.local.SearchFirstResultBench "$work/site" 2>"$work/log" || { tail -40 "$work/log"; exit 1; }
