#!/usr/bin/env bash
# npm run bench: builds what the benchmarks run, then runs each of them; with Go
# installed, against FerretDB too. Results go to docs/benchmarks.md.
set -euo pipefail
export here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here/../.."
TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@maru/hub... --output-logs=errors-only
run() {
  node "$here/bench/store-bench.mjs"
  node "$here/bench/challenges-bench.mjs"
}
if command -v go >/dev/null && [ -z "${MONGODB_URI:-}" ]; then
  "$here/scripts/with-ferretdb.sh" bash -c "$(declare -f run); run"
else
  run
fi
# Needs no database: the plugin isolation boundary.
node "$here/bench/plugin-bench.mjs"
