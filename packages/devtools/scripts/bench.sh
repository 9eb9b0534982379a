#!/usr/bin/env bash
# npm run bench: builds what the benchmarks run, then runs each of them; with Go
# installed, against FerretDB too. Results go to docs/benchmarks.md.
# `bench.sh data` (npm run bench:data) runs only the data sync benchmark, the longest;
# `bench.sh peers` (npm run bench:peers) only the hub against other GraphQL servers.
set -euo pipefail
export here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here/../.."
if [ "${1:-}" = data ]; then
  # It imports the core only.
  TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@maru/core... --output-logs=errors-only
  exec node "$here/bench/data-sync-bench.mjs"
fi
TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@maru/hub... --output-logs=errors-only
# The hub's dist/main.js against yoga, Apollo, Mercurius and raw node:http, each in its own process (about 8 minutes of
# load), then its scale-out phase: 1 and 3 hubs on one FerretDB behind one Redis (Go and redis-server; 2–3 minutes).
[ "${1:-}" = peers ] && exec node "$here/bench/peers/peer-bench.mjs"
run() {
  node "$here/bench/store-bench.mjs"
  node "$here/bench/challenges-bench.mjs"
  # Hub processes sharing one database: needs MONGODB_URI (skipped without).
  node "$here/bench/audit-writers-bench.mjs"
}
if command -v go >/dev/null && [ -z "${MONGODB_URI:-}" ]; then
  "$here/scripts/with-ferretdb.sh" bash -c "$(declare -f run); run"
else
  run
fi
# Node's built-in SQLite against better-sqlite3 (compiled once for this Node into node_modules/.cache).
node "$here/bench/sqlite-driver-bench.mjs"
# SQLite only: the insight queries over 10,000 challenges and 1,000,000 metered calls, about a minute.
node "$here/bench/insights-bench.mjs"
# Needs no database: the plugin isolation boundary.
node "$here/bench/plugin-bench.mjs"
# SQLite only, each sync in a process of its own: a million CSV rows, a couple of minutes.
node "$here/bench/data-sync-bench.mjs"
node "$here/bench/peers/peer-bench.mjs"
