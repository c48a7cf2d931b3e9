#!/usr/bin/env bash
# The image `sam local` runs the java21 functions in: Lambda's own (public.ecr.aws/lambda/java:21-x86_64) wherever
# `docker pull` gets it, untouched; where no registry answers, a stand-in built under the same tag from
# newsroom/debian:trixie (docker/base-image.sh), Debian's OpenJDK 21 and AWS's runtime interface client from Maven
# Central. Cached by tag: run again, it does nothing while the image is here. SAM CLI adds its emulator on top itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
. docker/lib.sh

tag=public.ecr.aws/lambda/java:21-x86_64
start=$(date +%s)
official_or_exit "$tag"
context=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-lambda-java.XXXXXX")
trap 'rm -rf "$context"' EXIT
./mvnw -B -ntp -q -f docker/lambda-java/runtime.pom.xml dependency:copy-dependencies \
  -DoutputDirectory="$context/lib" -DincludeScope=runtime
cp docker/lambda-java/Dockerfile docker/lambda-java/bootstrap docker/lambda-java/lambda-entrypoint.sh "$context/"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$context" >/dev/null
# SAM CLI adds its emulator to this image once, as ...:21-rapid-x86_64, and with --skip-pull-image reuses that while
# it exists: drop the one made from an earlier stand-in, so the next invoke builds it on this one.
docker rmi public.ecr.aws/lambda/java:21-rapid-x86_64 >/dev/null 2>&1 || true
echo "docker/lambda-java/build.sh: built the stand-in $tag in $(( $(date +%s) - start )) s (no registry answered)"
