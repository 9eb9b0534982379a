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
if [ -f "$data/ferretdb.pid" ] && kill -0 "$(cat "$data/ferretdb.pid")" 2>/dev/null; then
  echo "ferretdb already running for $data (pid $(cat "$data/ferretdb.pid")); run stop.sh first" >&2
  exit 1
fi

# Build output goes to stderr so stdout is only the URI (scripts capture it).
"$here/build.sh" >&2

# setsid: own session/process group, so the server lives until stop.sh and is
# not hit by signals aimed at the caller's group (e.g. a test runner's Ctrl-C
# while a later step still needs it). Here setsid execs rather than forks (the
# job is not a group leader), so $! is the server's own PID.
setsid "$here/bin/ferretdb" -listen "127.0.0.1:$port" -data "$data" \
  >"$data/ferretdb.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$data/ferretdb.pid"

# Ready = the binary printed its readiness line (it prints it only after it
# bound the port itself and dialled it, so another server already on the port
# cannot fool us) and the port answers (bash's /dev/tcp: no nc/curl needed).
for _ in $(seq 1 600); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "ferretdb exited early; log follows:" >&2
    cat "$data/ferretdb.log" >&2
    rm -f "$data/ferretdb.pid"
    exit 1
  fi
  if grep -q '^ferretdb listening on ' "$data/ferretdb.log" &&
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
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
