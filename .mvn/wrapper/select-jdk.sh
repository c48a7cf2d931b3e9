# Sourced (sh or bash): sets and exports JAVA_HOME to a JDK >= 21 — JAVA_HOME itself if it is one, else the
# newest under /usr/lib/jvm — or fails with a clear message. Used by ./mvnw, .ci/run, local/run and bench/.

newsroom_java_feature() { # prints the feature release of the JDK at $1 (e.g. 21), or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

newsroom_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(newsroom_java_feature "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
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
