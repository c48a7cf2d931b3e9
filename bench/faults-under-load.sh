#!/usr/bin/env bash
# The fault and load run: 50 readers posting comments and 5 editors creating, editing and publishing for 60 s over
# the local system's HTTP API, while the functions' DynamoDB and S3 calls fail at random (throttling, 5xx,
# timeouts, resets after the write), then the counts: every accepted write in the table, every published article
# on the site, every 5xx against an injected fault, the site bucket against a fresh rebuild. Prints a table.
# Usage: bench/faults-under-load.sh [readers] [editors] [seconds] [fault rate]   (defaults 50 5 60 0.02)
set -euo pipefail
cd "$(dirname "$0")/.."
readers=${1:-50} editors=${2:-5} seconds=${3:-60} rate=${4:-0.02}
status=0
./mvnw -B -ntp -q verify -pl local -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultLoadIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dload.readers="$readers" -Dload.editors="$editors" -Dload.seconds="$seconds" -Dload.faultRate="$rate" \
  > target-fault-load.log 2>&1 || status=$?
if [ -f local/target/fault-load.md ]; then cat local/target/fault-load.md; fi
if [ $status -ne 0 ]; then grep -v '^\s*at ' target-fault-load.log | tail -40; fi
rm -f target-fault-load.log
exit $status
