#!/usr/bin/env bash
# Builds packages/devtools/ferretdb/bin/ferretdb. Safe to call on every CI run: with a warm
# Go build cache `go build` only relinks, so no "is it up to date?" logic here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# CGO off: the SQLite backend is pure Go (modernc.org/sqlite), so no C
# toolchain is needed and the binary is static.
CGO_ENABLED=0 go build -trimpath -o "$PWD/bin/ferretdb" .
