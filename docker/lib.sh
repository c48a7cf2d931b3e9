# Sourced by each docker/*/build.sh (from the repository's root).

# official_or_exit TAG: ends the calling script when TAG is here already (cached by tag) or a registry gives the
# official image (a laptop: used untouched); otherwise makes the Debian base (docker/base-image.sh) and returns, for
# the caller to build its stand-in under TAG.
official_or_exit() {
  local tag=$1
  if docker image inspect "$tag" >/dev/null 2>&1; then
    echo "$0: $tag is here already"
    exit 0
  fi
  if docker pull -q "$tag" >/dev/null 2>&1; then
    echo "$0: pulled the official $tag"
    exit 0
  fi
  echo "$0: no registry gives $tag; building the stand-in"
  bash docker/base-image.sh
}
