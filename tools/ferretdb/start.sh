#!/usr/bin/env bash
# Usage: start.sh <data-dir> [port]
# Starts FerretDB in the background on 127.0.0.1:<port> (default 27017),
# waits until it accepts TCP connections, prints the MongoDB URI on stdout and
# writes the PID to <data-dir>/ferretdb.pid (stop it with stop.sh <data-dir>).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:?usage: start.sh <data-dir> [port]}"
port="${2:-27017}"
mkdir -p "$data"
data="$(cd "$data" && pwd)"

# Build output goes to stderr so stdout is only the URI (scripts capture it).
"$here/build.sh" >&2

# setsid: the server must outlive this script and not get the caller's
# terminal signals (Ctrl-C in a test runner should not kill it mid-write).
setsid "$here/bin/ferretdb" -listen "127.0.0.1:$port" -data "$data" \
  >"$data/ferretdb.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$data/ferretdb.pid"

# Poll with bash's /dev/tcp so no nc/curl is needed on the CI image.
for _ in $(seq 1 600); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "ferretdb exited early; log follows:" >&2
    cat "$data/ferretdb.log" >&2
    rm -f "$data/ferretdb.pid"
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "mongodb://127.0.0.1:$port/"
    exit 0
  fi
  sleep 0.1
done
echo "ferretdb did not accept connections on port $port within 60 s; log follows:" >&2
cat "$data/ferretdb.log" >&2
kill "$pid" 2>/dev/null || true
rm -f "$data/ferretdb.pid"
exit 1
