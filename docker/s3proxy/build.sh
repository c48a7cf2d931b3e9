#!/usr/bin/env bash
# S3 for `sam local` (local/sam-backends): S3Proxy's own image (andrewgaul/s3proxy, the version the tests
# use) wherever `docker pull` gets it, untouched; where no registry answers, a stand-in built under the same tag from
# newsroom/debian:trixie (docker/base-image.sh), Debian's OpenJDK 21 and S3Proxy from Maven Central. Cached by
# tag: run again, it does nothing while the image is here.
set -euo pipefail
cd "$(dirname "$0")/../.."
. docker/lib.sh

tag=andrewgaul/s3proxy:s3proxy-2.6.0
start=$(date +%s)
official_or_exit "$tag"
context=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-s3proxy.XXXXXX")
trap 'rm -rf "$context"' EXIT
./mvnw -B -ntp -q -f docker/s3proxy/runtime.pom.xml dependency:copy-dependencies \
  -DoutputDirectory="$context/lib" -DincludeScope=runtime
cp docker/s3proxy/Dockerfile docker/s3proxy/run.sh "$context/"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$context" >/dev/null
echo "docker/s3proxy/build.sh: built the stand-in $tag in $(( $(date +%s) - start )) s (no registry answered)"
