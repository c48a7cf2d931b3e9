#!/usr/bin/env bash
# The render benchmark: 10,000 generated Swedish articles rendered by Newsroom's full rebuild and by Hugo
# (Debian package `hugo`), side by side on this machine, plus one incremental publish. Prints a table.
# Usage: bench/render-vs-hugo.sh            (installs hugo with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo; }
./mvnw -B -q -DskipTests install -pl functions/render -am
cd functions/render
cp=$(../../mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
. ../../.mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
"$java" -Xmx4g -cp "target/classes:target/test-classes:${cp}" se.newsroom.render.RenderBench
