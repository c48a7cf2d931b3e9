# Sourced by ./mvnw before the stock Maven Wrapper logic (sh, set -euf).
# 1. Selects a JDK >= 21 (select-jdk.sh beside this file), and puts the switches that quiet its warnings about
#    Maven's own libraries (sun.misc.Unsafe, native access) in MAVEN_OPTS, ahead of the caller's.
# 2. Supplies the Maven distribution without naming any repository host in this repo: when MVNW_REPOURL
#    is unset, the machine's own `mvn` (which knows its configured repository) fetches the distribution
#    into the local repository once, and the wrapper installs it from there.

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

. "$(cd "${0%/*}" && pwd)/.mvn/wrapper/select-jdk.sh"
# Not .mvn/jvm.config: that file is the same for every JDK, and JDK 21 rejects --sun-misc-unsafe-memory-access.
MAVEN_OPTS="$NEWSROOM_QUIET_JVM_OPTS${MAVEN_OPTS:+ $MAVEN_OPTS}"
export MAVEN_OPTS
newsroom_bootstrap_maven "$(cd "${0%/*}" && pwd)"
