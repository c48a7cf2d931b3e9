# Sourced (sh or bash): sets and exports JAVA_HOME to a JDK >= 21 — JAVA_HOME itself if it is one, else the
# newest under /usr/lib/jvm — or fails with a clear message. Used by ./mvnw, .ci/run, local/run and bench/.
# Also sets NEWSROOM_QUIET_JVM_OPTS (not exported): the switches, for that JDK's version, that silence the JVM's
# warnings about libraries' sun.misc.Unsafe and native-library use (./mvnw's MAVEN_OPTS, the local runner).

newsroom_java_feature() { # prints the feature release of the JDK at $1 (e.g. 21), or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

newsroom_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && best_feature=$(newsroom_java_feature "$JAVA_HOME") \
    && [ "$best_feature" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME
    return 0
  fi
  best="" best_feature=0
  case "$-" in *f*) newsroom_noglob=1; set +f ;; *) newsroom_noglob=0 ;; esac
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    feature=$(newsroom_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 21 ] && [ "$feature" -gt "$best_feature" ]; then
      best="$candidate" best_feature="$feature"
    fi
  done
  [ "$newsroom_noglob" = 1 ] && set -f
  if [ -z "$best" ]; then
    echo "Newsroom needs a JDK 21 or newer (it targets the Lambda java21 runtime)." >&2
    echo "JAVA_HOME is '${JAVA_HOME-}', and /usr/lib/jvm holds no JDK >= 21." >&2
    echo "Install one (e.g. a Temurin 21 JDK) and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

newsroom_select_jdk

# Warnings about the libraries (Maven's Guice and Guava, DynamoDB Local's sqlite4java, S3Proxy's), not about
# Newsroom, that read as errors on a first run; real errors still print. A JVM rejects an option it does not
# know, so each is given only from the feature release that has it (best_feature: the selected JDK's).
# Lets code on the class path load native libraries without the JDK 24+ warning (an option since JDK 17).
NEWSROOM_QUIET_JVM_OPTS="--enable-native-access=ALL-UNNAMED"
# Lets libraries use sun.misc.Unsafe's memory access without the JDK 24+ warning (the option exists from JDK 23).
[ "$best_feature" -lt 23 ] || NEWSROOM_QUIET_JVM_OPTS="$NEWSROOM_QUIET_JVM_OPTS --sun-misc-unsafe-memory-access=allow"
