#!/usr/bin/env -S node --max-semi-space-size=16
// The flag bounds V8's young generation (Node 24 lets it grow to 128 MiB on a large machine, the bulk of a busy hub's
// memory): docs/production.md, "Memory". Launchers that run `node main.js` pass it too (npm start, the Dockerfile,
// the systemd unit, the benchmarks).
// No static import of the hub here: ESM loads every static import before any
// code runs, and the hub needs Node 24 (its store uses node:sqlite), so on an
// older Node this check must come first to say so in one line, not a crash.
const [major = 0] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `maru-hub needs Node.js 24 or newer (this is ${process.versions.node}). Run it through npm start or npm exec -- node …, which use the Node 24 this repository installs, or install Node 24 LTS.\n`,
  );
  process.exit(1);
}

import('./run-maru-hub.js')
  .then(({ runMaruHub }) => runMaruHub(process.argv.slice(2)))
  .catch((error: unknown) => {
    process.stderr.write(`maru-hub: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
