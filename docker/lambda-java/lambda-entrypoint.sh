#!/bin/sh
# The image's entry point, as in Lambda's images: `docker run IMAGE <handler>`. Unlike them, this stand-in carries
# no runtime interface emulator (SAM CLI adds its own at /var/rapid and starts it instead of this script), so it
# needs AWS_LAMBDA_RUNTIME_API, the address of a Runtime API.
set -eu
if [ $# -ne 1 ]; then
  echo "lambda-entrypoint.sh: give the handler as the one argument" >&2
  exit 142
fi
if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
  echo "lambda-entrypoint.sh: AWS_LAMBDA_RUNTIME_API is not set; this stand-in has no emulator of its own" >&2
  exit 1
fi
export _HANDLER="$1"
exec /var/runtime/bootstrap
