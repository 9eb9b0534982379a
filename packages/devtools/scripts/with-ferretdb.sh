#!/usr/bin/env bash
# Usage: scripts/with-ferretdb.sh <command> [args…]
# Builds FerretDB (a MongoDB-wire server, see ../ferretdb), starts it on a
# free 127.0.0.1 port with a throw-away data directory, runs the command with
# MONGODB_URI pointing at it, and stops it again — also when the command fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v go >/dev/null; then
  echo "with-ferretdb: Go is needed to build FerretDB (packages/devtools/ferretdb); install Go 1.24 or newer." >&2
  exit 2
fi
data="$(mktemp -d "${TMPDIR:-/tmp}/maru-ferretdb.XXXXXX")"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
cleanup() {
  "$root/ferretdb/stop.sh" "$data" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
uri="$("$root/ferretdb/start.sh" "$data" "$port")"
echo "with-ferretdb: FerretDB at $uri (data in $data)" >&2
MONGODB_URI="$uri" "$@"
