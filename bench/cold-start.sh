#!/usr/bin/env bash
# The cold-start benchmark: for each function, a fresh JVM from its deployable jar builds the handler and serves
# a first event against DynamoDB Local and S3Proxy (each in its own JVM on loopback), timed as a whole process,
# median of 5, beside a hello-world JVM; and each jar's size. Then the same with the JVM's ahead-of-time cache,
# trained by a run that only builds the handler and runs its SnapStart priming; and, in a JVM that has just run its
# priming, the first event's own time and the same event's again. Prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/wrapper/select-jdk.sh
java="$JAVA_HOME/bin/java"
./mvnw -B -q -DskipTests install
work=$(mktemp -d)
trap 'kill ${pids:-} 2>/dev/null || true; rm -rf "$work"' EXIT
"$JAVA_HOME/bin/javac" -d "$work/harness" -cp functions/render/target/render-function.jar \
  bench/coldstart/Harness.java bench/coldstart/Hello.java
# A jar, not a folder: the JVM's AOT cache refuses a class path with a non-empty directory on it.
"$JAVA_HOME/bin/jar" --create --file "$work/harness.jar" -C "$work/harness" .
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cp_of() { ./mvnw -B -q dependency:build-classpath -pl "$1" -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout; }

dport=$(free_port)
"$java" -cp "$(cp_of shared)" com.amazonaws.services.dynamodbv2.local.main.ServerRunner \
  -inMemory -port "$dport" -disableTelemetry > "$work/dynamodb.log" 2>&1 &
pids="$!"
sport=$(free_port)
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$sport
s3proxy.authorization=none
jclouds.provider=transient
jclouds.identity=local
jclouds.credential=local
CONF
"$java" -cp "$(cp_of functions/render)" org.gaul.s3proxy.Main --properties "$work/s3proxy.conf" > "$work/s3.log" 2>&1 &
pids="$pids $!"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$dport" && curl -s -o /dev/null "http://127.0.0.1:$sport" && break
  sleep 0.2
done
curl -s -X PUT "http://127.0.0.1:$sport/bench-site" >/dev/null

"$java" -Dbench.java="$java" -Dbench.harness="$work/harness.jar" -Dbench.dynamodb="http://127.0.0.1:$dport" \
  -Dbench.s3="http://127.0.0.1:$sport" \
  -cp "local/target/test-classes:local/target/classes:$(cp_of local)" se.newsroom.local.ColdStartBench
