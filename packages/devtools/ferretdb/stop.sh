#!/usr/bin/env bash
# Usage: stop.sh <data-dir>
# Stops the FerretDB started by start.sh <data-dir> and waits until it exits,
# so the SQLite files are closed before anyone reuses or deletes the directory.
set -euo pipefail
data="${1:?usage: stop.sh <data-dir>}"
pidfile="$data/ferretdb.pid"
[ -f "$pidfile" ] || { echo "no $pidfile; nothing to stop" >&2; exit 0; }
pid="$(cat "$pidfile")"
if kill -TERM "$pid" 2>/dev/null; then
  # Not our child, so `wait` cannot be used; poll for up to ~10 s.
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "ferretdb (pid $pid) ignored SIGTERM; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pidfile"
