#!/usr/bin/env bash
# Slugs.of on hostile titles (40,000 of one character) at a revision of this repository, default HEAD:
#   bench/slug-patterns.sh [revision]
# Compiles only Slugs.java from that revision beside bench/slugs/SlugTimes.java, so two revisions compare directly.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/wrapper/select-jdk.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git show "${1:-HEAD}:shared/src/main/java/se/newsroom/content/Slugs.java" > "$work/Slugs.java"
"$JAVA_HOME/bin/javac" -d "$work/classes" "$work/Slugs.java" bench/slugs/SlugTimes.java
"$JAVA_HOME/bin/java" -cp "$work/classes" SlugTimes
