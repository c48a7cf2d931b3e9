#!/usr/bin/env bash
# The comment ingest benchmark: the same reader posts against Newsroom (CommentsFunction behind a local HTTP
# front, on DynamoDB Local) and Isso (pip package, its own server and SQLite), at 1, 8 and 32 concurrent
# clients. Prints a table. Usage: bench/comments-vs-isso.sh (on a shared machine, through the build lock:
# flock /tmp/newsroom-build.lock bench/comments-vs-isso.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q isso
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/isso.cfg" <<CFG
[general]
dbpath = $work/comments.db
host = http://127.0.0.1:8080/
[server]
listen = http://127.0.0.1:$port/
[moderation]
enabled = true
[guard]
enabled = false
CFG
"$work/venv/bin/isso" -c "$work/isso.cfg" run > "$work/isso.log" 2>&1 &
isso_pid=$!
trap 'kill $isso_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/info" >/dev/null 2>&1 && break
  sleep 0.2
done
version=$("$work/venv/bin/isso" --version | awk '{print $2}')

# Built in the reactor, nothing installed: each module's classpath file names its reactor neighbours' target dirs.
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -pl functions/comments -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd functions/comments
cp=$(cat target/bench.classpath)
. ../../.mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
"$java" -Dbench.isso="http://127.0.0.1:$port" -Dbench.isso.db="$work/comments.db" \
  -Dbench.isso.version="$version" -Dbench.python="$work/venv/bin/python" \
  -cp "target/classes:target/test-classes:${cp}" se.newsroom.comments.CommentBench 2>&1 | grep -v '^WARNING\|CorsParams\|^\s*$\|Initializing\|DbPath\|SharedDb\|shouldDelayTransientStatuses\|InMemory\|Version:\|Port:\|Telemetry'
