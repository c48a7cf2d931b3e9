#!/usr/bin/env bash
# The LocalStack image the Docker tests ask Testcontainers for (se.newsroom.testing.LocalStack): the official one
# where a registry answers, untouched; otherwise the stand-in built from Dockerfile here (Debian's packages, PyPI,
# npm and Maven Central only). Cached by tag: once the image is here, a run does nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
. docker/lib.sh

tag=localstack/localstack:4.14.0
start=$(date +%s)
official_or_exit "$tag"

ctx=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-localstack.XXXXXX")
trap 'rm -rf "$ctx" "$ctx.log"' EXIT
cp docker/localstack/Dockerfile docker/localstack/requirements.txt docker/localstack/launcher.py \
  docker/localstack/docker-entrypoint.sh "$ctx/"
# The machine's CA certificates, for HTTPS to PyPI and npm inside the first build stage only (never committed).
mkdir "$ctx/ca"
cp /usr/local/share/ca-certificates/*.crt "$ctx/ca/" 2>/dev/null || true
# DynamoDB Local and the agent, resolved by the project's Maven; the version is the one the tests run.
ddb=$(sed -n 's:.*<dynamodb.local.version>\(.*\)</dynamodb.local.version>.*:\1:p' pom.xml)
./mvnw -B -ntp -q -f docker/localstack/pom.xml \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DoutputDirectory="$ctx/dynamodb-local" -Dmdep.stripVersion=true -Ddynamodb.local.version="$ddb"
docker build -t "$tag" "$ctx" >"$ctx.log" 2>&1 || { tail -n 40 "$ctx.log" >&2; exit 1; }
# The first stage (the downloads, and the CA certificates) is not kept.
docker image prune -f --filter label=se.newsroom.stage=localstack-build >/dev/null
echo "docker/localstack/build.sh: built the stand-in $tag in $(( $(date +%s) - start )) s"
