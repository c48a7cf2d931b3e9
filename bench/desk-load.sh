#!/usr/bin/env bash
# The desk's first load (issue 12): in headless Chromium (Debian's chromium and chromedriver) against the seeded
# local runner, the JavaScript and CSS the article list's first load fetches, raw and as gzip -9 and brotli -q 11
# (CloudFront compresses what it serves; the local runner does not), the time from navigation until the list is
# usable (median of 10, signed in), and the time from the last keyup to the preview loaded (median of 20) beside the
# desk's debounce. Prints a table. Needs /usr/bin/brotli for the brotli column (apt-get install brotli).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One reactor build: the modules resolve to their target/classes (nothing installed); local, last, writes the file.
./mvnw -B -q -ntp -DskipTests test-compile dependency:build-classpath -pl local -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp"
# shellcheck disable=SC2086 # several options, split on purpose
"$java" $NEWSROOM_QUIET_JVM_OPTS -cp "local/target/test-classes:local/target/classes:$(cat "$work/cp")" \
  se.newsroom.local.DeskLoadBench 2>"$work/log" || { tail -40 "$work/log"; exit 1; }
