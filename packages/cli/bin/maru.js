#!/usr/bin/env node
// The `maru` command. A file of its own, not dist/main.js: npm links a package's bins when it
// installs, and in a fresh clone of the monorepo that is before anything is built — a bin
// pointing into dist/ would not be linked, and the plugins' `maru build` would not be found.
import '../dist/main.js';
