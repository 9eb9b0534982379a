import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runMaru } from './helpers.js';

// The system Node of a machine that has not moved to Node 24 yet.
const OLD_NODE = '/usr/bin/node';
const oldNodeVersion = existsSync(OLD_NODE)
  ? execFileSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  : null;
const oldNodeMajor = oldNodeVersion ? Number(oldNodeVersion.split('.')[0]) : null;

describe.skipIf(oldNodeMajor === null || oldNodeMajor >= 24)(
  `maru on Node older than 24 (${OLD_NODE}, ${oldNodeVersion ?? 'missing'}; skipped when it is missing or already 24+)`,
  () => {
    it('says in one line which Node it needs, and exits 1, before it loads the hub', async () => {
      for (const args of [['hub', '--port', '0'], ['--version']]) {
        const run = await runMaru(args, tmpdir(), {}, OLD_NODE);
        expect(run).toEqual({
          code: 1,
          stdout: '',
          stderr: `maru needs Node.js 24 or newer (this is ${oldNodeVersion}). Install Node 24 LTS; in the Maru repository, npm exec -- node … uses the Node 24 the repository installs.\n`,
        });
      }
    });
  },
);
