#!/usr/bin/env bash
# A running Docker engine: nothing to do where one answers already (a laptop with Docker Desktop, say); on a Debian
# machine run as root, Debian's docker.io is installed and `dockerd` started in the background, then waited for.
# Exit 1, saying why, where neither is possible (the Docker tests then skip with their reason).
set -euo pipefail

if docker info >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "docker/engine.sh: no Docker engine answers, and this is not a Debian machine run as root" >&2
  exit 1
fi
command -v dockerd >/dev/null \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null; }
log="${TMPDIR:-/tmp}/newsroom-dockerd.log"
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 60); do
  docker info >/dev/null 2>&1 && { echo "docker/engine.sh: dockerd started ($(dockerd --version))"; exit 0; }
  sleep 1
done
echo "docker/engine.sh: dockerd did not answer within 60 s; its log:" >&2
tail -n 20 "$log" >&2
exit 1
