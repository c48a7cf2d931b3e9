#!/usr/bin/env bash
# Every image the Docker tests and `sam local` need, in one command: each docker/*/build.sh in turn (sorted by
# folder name, so the order is the same everywhere). Each uses the official image where a registry answers (a
# laptop) and otherwise builds its stand-in on docker/base-image.sh's Debian; each is cached by tag, so a second
# run takes seconds. Needs a running Docker engine (docker/engine.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

docker info >/dev/null 2>&1 \
  || { echo "docker/images.sh: no Docker engine answers (start one: bash docker/engine.sh)" >&2; exit 1; }
start=$(date +%s)
for script in $(LC_ALL=C ls docker/*/build.sh); do
  bash "$script"
done
echo "docker/images.sh: every image is here ($(( $(date +%s) - start )) s)"
