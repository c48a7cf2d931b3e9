#!/usr/bin/env bash
# The editors' API as the desk uses it, timed over HTTP against the local runner (seeded):
#   bench/desk-api.sh [port]   (default 18281)
# Builds the runner (package, no install), starts it, then times with curl: 40 previews of the seeded article as
# its GET gives it (the first, then the median and 90th percentile of the last 30), 30 title searches and 30
# category listings (medians). Stops the runner.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-18281}
token=bench-token
./mvnw -B -q -DskipTests package -pl local -am
. .mvn/wrapper/select-jdk.sh
work=$(mktemp -d)
# shellcheck disable=SC2086 # several options, split on purpose
"$JAVA_HOME/bin/java" $NEWSROOM_QUIET_JVM_OPTS -jar local/target/newsroom-local.jar --port "$port" \
  --editor-token "$token" > "$work/runner.log" 2>&1 &
runner=$!
trap 'kill "$runner"; rm -rf "$work"' EXIT
base=http://localhost:$port
until grep -q "Ctrl+C" "$work/runner.log"; do sleep 1; done
auth="Authorization: Bearer $token"
id=$(curl -sf "$base/api/articles?status=published&q=politiska" -H "$auth" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -sf "$base/api/articles/$id" -H "$auth" > "$work/article.json"
times() { # n, then curl's arguments: one line of milliseconds per request
  local n=$1; shift
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done |
    python3 -c 'import sys; print(" ".join(str(round(float(t) * 1000, 1)) for t in sys.stdin))'
}
report() { # label, then milliseconds
  python3 - "$@" <<'PY'
import sys
label, t = sys.argv[1], [float(x) for x in sys.argv[2:]]
w = sorted(t[10:] if len(t) > 30 else t)
print(f"{label}: first {t[0]:.1f} ms; median {w[len(w) // 2]:.1f} ms, p90 {w[int(len(w) * .9)]:.1f} ms (n={len(w)})")
PY
}
# shellcheck disable=SC2046 # one argument per figure
report "POST /api/previews" $(times 40 -X POST "$base/api/previews" -H "$auth" \
  -H 'Content-Type: application/json' --data-binary @"$work/article.json")
# shellcheck disable=SC2046
report "GET /api/articles?q=" $(times 30 "$base/api/articles?q=VAGARBETE" -H "$auth")
# shellcheck disable=SC2046
report "GET /api/categories" $(times 30 "$base/api/categories" -H "$auth")
