# Sourced by ./mvnw before the stock Maven Wrapper logic (sh, set -euf).
# 1. Selects a JDK >= 21: JAVA_HOME if it is one, else the newest under /usr/lib/jvm, else fails clearly.
# 2. Supplies the Maven distribution without naming any repository host in this repo: when MVNW_REPOURL
#    is unset, the machine's own `mvn` (which knows its configured repository) fetches the distribution
#    into the local repository once, and the wrapper installs it from there.

newsroom_java_feature() { # prints the feature release of the JDK at $1 (e.g. 21), or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

newsroom_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(newsroom_java_feature "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  best="" best_feature=0
  set +f # mvnw runs with globbing off
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    feature=$(newsroom_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 21 ] && [ "$feature" -gt "$best_feature" ]; then
      best="$candidate" best_feature="$feature"
    fi
  done
  set -f
  if [ -z "$best" ]; then
    echo "mvnw: Newsroom needs a JDK 21 or newer (it targets the Lambda java21 runtime)." >&2
    echo "mvnw: JAVA_HOME is '${JAVA_HOME-}', and /usr/lib/jvm holds no JDK >= 21." >&2
    echo "mvnw: install one (e.g. a Temurin 21 JDK) and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

newsroom_bootstrap_maven() {
  [ -z "${MVNW_REPOURL-}" ] || return 0
  version=$(sed -n 's|^distributionUrl=.*/apache-maven/\([^/]*\)/.*|\1|p' "$1/.mvn/wrapper/maven-wrapper.properties")
  local_repo="${MAVEN_USER_HOME:-$HOME/.m2}/repository"
  zip="$local_repo/org/apache/maven/apache-maven/$version/apache-maven-$version-bin.zip"
  if [ ! -f "$zip" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      echo "mvnw: cannot fetch Maven $version: set MVNW_REPOURL to your Maven repository's base URL," >&2
      echo "mvnw: or install any Maven once so that mvnw can fetch its pinned version through it." >&2
      exit 1
    fi
    echo "mvnw: fetching Maven $version into $local_repo (once)" >&2
    mvn -q -B dependency:get -Dartifact="org.apache.maven:apache-maven:$version:zip:bin" -Dtransitive=false \
      -Dmaven.repo.local="$local_repo" >&2 || { echo "mvnw: could not fetch Maven $version" >&2; exit 1; }
  fi
  MVNW_REPOURL="file://$local_repo"
  export MVNW_REPOURL
}

newsroom_select_jdk
newsroom_bootstrap_maven "$(cd "${0%/*}" && pwd)"
