#!/usr/bin/env bash
# DynamoDB Local for `sam local` (local/sam-backends): AWS's own image (amazon/dynamodb-local, the version the tests
# use) wherever `docker pull` gets it, untouched; where no registry answers, a stand-in built under the same tag from
# newsroom/debian:trixie (docker/base-image.sh), Debian's OpenJDK 21 and DynamoDB Local from Maven Central. Cached by
# tag: run again, it does nothing while the image is here.
set -euo pipefail
cd "$(dirname "$0")/../.."
. docker/lib.sh

tag=amazon/dynamodb-local:2.6.1
start=$(date +%s)
official_or_exit "$tag"
context=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-dynamodb-local.XXXXXX")
trap 'rm -rf "$context"' EXIT
./mvnw -B -ntp -q -f docker/dynamodb-local/runtime.pom.xml dependency:copy-dependencies \
  -DoutputDirectory="$context/DynamoDBLocal_lib" -DincludeScope=runtime
# DynamoDBLocal.jar as the official download has it: a jar whose manifest starts ServerRunner with every library of
# DynamoDBLocal_lib/ on its class path (sqlite4java finds its native library beside its own jar there).
python3 - "$context" <<'PY'
import os, sys, textwrap, zipfile
context = sys.argv[1]
jars = sorted(f for f in os.listdir(os.path.join(context, "DynamoDBLocal_lib")) if f.endswith(".jar"))
class_path = " ".join("DynamoDBLocal_lib/" + jar for jar in jars)
lines = ["Manifest-Version: 1.0", "Main-Class: com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
         "Class-Path: " + class_path]
manifest = ""
for line in lines:
    data = line.encode()
    manifest += data[:70].decode() + "\r\n"
    manifest += "".join(" " + data[i:i + 69].decode() + "\r\n" for i in range(70, len(data), 69))
with zipfile.ZipFile(os.path.join(context, "DynamoDBLocal.jar"), "w") as jar:
    jar.writestr("META-INF/MANIFEST.MF", manifest + "\r\n")
PY
cp docker/dynamodb-local/Dockerfile "$context/"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$context" >/dev/null
echo "docker/dynamodb-local/build.sh: built the stand-in $tag in $(( $(date +%s) - start )) s (no registry answered)"
