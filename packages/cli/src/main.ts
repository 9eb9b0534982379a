#!/usr/bin/env node
// No static import of the commands here: ESM loads every static import before
// any code runs, and `maru hub` and `maru dev` load the hub, which needs Node 24
// (its store uses node:sqlite), so on an older Node this check must come first
// to say so in one line, not a crash.
const [major = 0] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `maru needs Node.js 24 or newer (this is ${process.versions.node}). Install Node 24 LTS; in the Maru repository, npm exec -- node … uses the Node 24 the repository installs.\n`,
  );
  process.exit(1);
}

import('./run-maru.js').then(
  ({ runMaru }) => runMaru(process.argv.slice(2)),
  (error: unknown) => {
    process.stderr.write(`maru: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
