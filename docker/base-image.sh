#!/usr/bin/env bash
# The Debian base the stand-in images are built on, where no registry answers: a minimal Debian trixie made with
# debootstrap from the machine's own Debian mirror, imported as `newsroom/debian:trixie`. Cached by tag: run again,
# it does nothing unless the image is gone. Needs root, debootstrap and a running Docker engine.
set -euo pipefail

tag=newsroom/debian:trixie
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "docker/base-image.sh: $tag is here already"
  exit 0
fi
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

# The Debian mirror this machine's apt uses (the archive labelled Debian, not its security archive), so that no
# address is written here.
mirror=$(apt-cache policy | awk '/^ *[0-9]+ https?:\/\//{url=$2} /release .*o=Debian,.*l=Debian,/{print url; exit}')
[ -n "$mirror" ] || { echo "docker/base-image.sh: no Debian mirror in apt-cache policy" >&2; exit 1; }

root=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-debian.XXXXXX")
trap 'rm -rf "$root"' EXIT
start=$(date +%s)
debootstrap --variant=minbase trixie "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -n 20 "$root.log" >&2; exit 1; }
# The same mirror inside the image, for the images built on it; apt's lists are dropped to keep the layer small.
echo "deb $mirror trixie main" > "$root/etc/apt/sources.list"
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin
tar -C "$root" -c . | docker import - "$tag" >/dev/null
rm -f "$root.log"
echo "docker/base-image.sh: built $tag in $(( $(date +%s) - start )) s"
